// tests/http/meetings_api.test.mjs: bodies, meetings and agenda items
// with their minutes and resolutions written through the API and read
// back; the filters of the list; unknown fields refused; attachments
// kept and served as they came, with safe headers; /meetings.ics read by
// Python's icalendar, one event a meeting at its date and time.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { startServer, safer } from '../lib/server.mjs';

let srv;
test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

const JSON_CT = { 'Content-Type': 'application/json' };

async function api(method, path, body, headers = JSON_CT) {
  const init = { method, headers };
  if (body !== undefined) init.body = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  const res = await fetch(srv.url + path, init);
  const buf = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(buf);
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, json, buf };
}

function expect400(r, field, what) {
  assert.equal(r.status, 400, `${what}: status (${r.text})`);
  assert.equal(r.json?.error?.field, field, `${what}: field (${r.json?.error?.message})`);
}

let body, other, meeting, item;

test('a body: create, read, change; unknown fields and bad kinds refused', async () => {
  let r = await api('POST', '/api/v1/bodies', { name: 'Communities Scrutiny Committee', kind: 'scrutiny', note: 'Meets six times a year' });
  assert.equal(r.status, 201, r.text);
  body = r.json.id;
  assert.equal(r.headers.get('location'), `/api/v1/bodies/${body}`);
  assert.equal(r.json.kind, 'scrutiny');
  r = await api('POST', '/api/v1/bodies', { name: 'The Executive', kind: 'executive' });
  assert.equal(r.status, 201, r.text);
  other = r.json.id;
  expect400(await api('POST', '/api/v1/bodies', { name: 'X', kind: 'scrutiny', colour: 'red' }), 'colour', 'unknown field');
  expect400(await api('POST', '/api/v1/bodies', { name: 'Y', kind: 'club' }), 'kind', 'bad kind');
  r = await api('PATCH', `/api/v1/bodies/${body}`, { note: 'Meets in the Town Hall' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.note, 'Meets in the Town Hall');
  assert.equal(r.json.name, 'Communities Scrutiny Committee');
  r = await api('GET', '/api/v1/bodies');
  assert.ok(r.json.bodies.some((b) => b.id === body));
});

test('meetings: create with attendees, filters by date and body, bad input named', async () => {
  let r = await api('POST', '/api/v1/meetings', {
    body_id: body, date: '2024-06-18', time: '18:00', venue: 'Committee Room 2, Town Hall', status: 'held',
    attendees: [{ name: 'Councillor A Smith', role: 'present' }, { name: 'Councillor B Jones', role: 'apologies' },
      { name: 'Superintendent Jo Rogerson and Steve Skelton', role: 'presenting' }],
  });
  assert.equal(r.status, 201, r.text);
  meeting = r.json.id;
  assert.deepEqual(r.json.attendees.map((a) => a.role), ['present', 'apologies', 'presenting']);
  r = await api('POST', '/api/v1/meetings', { body_id: other, date: '2024-07-02', status: 'cancelled', venue: 'Room; 1, "A"' });
  assert.equal(r.status, 201, r.text);
  expect400(await api('POST', '/api/v1/meetings', { body_id: body, date: '2024-02-30' }), 'date', 'no such day');
  expect400(await api('POST', '/api/v1/meetings', { body_id: body, date: '2024-02-03', time: '25:00' }), 'time', 'bad time');
  expect400(await api('POST', '/api/v1/meetings', { body_id: body, date: '2024-02-03', status: 'maybe' }), 'status', 'bad status');
  expect400(await api('POST', '/api/v1/meetings', { body_id: 99999, date: '2024-02-03' }), 'body_id', 'no body');
  expect400(await api('POST', '/api/v1/meetings', { body_id: body, date: '2024-02-03', room: 1 }), 'room', 'unknown field');
  expect400(await api('POST', '/api/v1/meetings', { body_id: body, date: '2024-02-03', attendees: [{ name: 'X', role: 'present', age: 3 }] }), 'attendees', 'unknown attendee field');

  r = await api('GET', `/api/v1/meetings?body=${body}`);
  assert.deepEqual(r.json.meetings.map((m) => m.id), [meeting]);
  r = await api('GET', '/api/v1/meetings?from=2024-06-19&to=2024-12-31');
  assert.ok(r.json.meetings.every((m) => m.date >= '2024-06-19' && m.date <= '2024-12-31'));
  assert.ok(r.json.meetings.some((m) => m.body_id === other));
  assert.ok(!r.json.meetings.some((m) => m.id === meeting));
  expect400(await api('GET', '/api/v1/meetings?from=June'), 'from', 'bad filter');
});

test('agenda items: report, recommendations, minutes, resolutions and links read back in order', async () => {
  let r = await api('POST', `/api/v1/meetings/${meeting}/items`, {
    number: '5', title: 'Safer Stockport Partnership annual report',
    report_of: 'Director of Place', author: 'Steve Skelton', contact: 'steve@example.org',
    summary: 'The annual report of the partnership.',
    recommendations: ['comment on the report', 'note the priorities for 2024/25'],
    minutes: 'The Committee considered the report.',
    comments: ['Members asked about knife crime', 'Members welcomed the work on ASB'],
    resolutions: [{ text: 'That the report be noted.', kind: 'noted' },
      { text: 'That the Executive be asked to fund CCTV.', kind: 'recommended', to_body_id: other }],
  });
  assert.equal(r.status, 201, r.text);
  item = r.json.id;
  assert.equal(r.json.meeting_id, meeting);
  r = await api('GET', `/api/v1/meetings/${meeting}`);
  assert.equal(r.status, 200);
  const it = r.json.items.find((i) => i.id === item);
  assert.deepEqual(it.recommendations, ['comment on the report', 'note the priorities for 2024/25']);
  assert.deepEqual(it.comments, ['Members asked about knife crime', 'Members welcomed the work on ASB']);
  assert.deepEqual(it.resolutions.map((x) => [x.kind, x.to_body_id]), [['noted', null], ['recommended', other]]);
  assert.equal(it.resolutions[1].to_body, 'The Executive');
  assert.equal(it.report_of, 'Director of Place');

  r = await api('PATCH', `/api/v1/items/${item}`, { comments: ['Only this one'] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.comments, ['Only this one']);
  assert.equal(r.json.resolutions.length, 2, 'lists not given are kept');
  expect400(await api('PATCH', `/api/v1/items/${item}`, { resolutions: [{ text: 'x', kind: 'shouted' }] }), 'resolutions', 'bad kind');
  expect400(await api('PATCH', `/api/v1/items/${item}`, { links: [{ kind: 'plan', id: 987654 }] }), 'links', 'no such plan');
  expect400(await api('PATCH', `/api/v1/items/${item}`, { speaker: 'x' }), 'speaker', 'unknown field');
  expect400(await api('POST', `/api/v1/meetings/${meeting}/items`, { number: '6' }), 'title', 'no title');
  const plans = (await api('GET', '/api/v1/plans')).json.plans;
  if (plans.length) {
    r = await api('PATCH', `/api/v1/items/${item}`, { links: [{ kind: 'plan', id: plans[0].id }] });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.links[0].title, plans[0].title);
  }
  // Recorded: the item's lists are fields of the item.
  const a = safer(srv.db, ['audit', 'list', '--type', 'item', '--id', String(item), '--format', 'json']);
  assert.equal(a.status, 0, a.stderr);
  assert.ok(JSON.parse(a.stdout).entries.length >= 2);
});

test('attachments: stored and served as they came, types checked', async () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n% a tiny test file\n%%EOF\n');
  let r = await api('POST', `/api/v1/items/${item}/attachments?filename=${encodeURIComponent('Annual "report" 2024.pdf')}`, pdf, { 'Content-Type': 'application/pdf' });
  assert.equal(r.status, 201, r.text);
  const att = r.json;
  assert.equal(att.bytes, pdf.length);
  assert.equal(att.sha256, createHash('sha256').update(pdf).digest('hex'));
  r = await api('GET', `/attachments/${att.id}`, undefined, {});
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/pdf');
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('content-disposition'), 'attachment; filename="Annual _report_ 2024.pdf"');
  assert.deepEqual(Buffer.from(r.buf), Buffer.from(pdf));
  r = await api('GET', `/api/v1/items/${item}`);
  assert.deepEqual(r.json.attachments.map((x) => x.id), [att.id]);

  expect400(await api('POST', `/api/v1/items/${item}/attachments?filename=x.html`, '<script>', { 'Content-Type': 'text/html' }), 'content_type', 'html refused');
  expect400(await api('POST', `/api/v1/items/${item}/attachments?filename=x.txt`, '', { 'Content-Type': 'text/plain' }), 'size', 'empty');
  expect400(await api('POST', `/api/v1/items/${item}/attachments`, 'hello', { 'Content-Type': 'text/plain' }), 'filename', 'no name');
  r = await api('DELETE', `/api/v1/attachments/${att.id}`);
  assert.equal(r.status, 200, r.text);
  assert.equal((await api('GET', `/attachments/${att.id}`, undefined, {})).status, 404);
});

test('/meetings.ics: one event a meeting at its date and time, read by icalendar', async () => {
  const r = await api('GET', '/meetings.ics', undefined, {});
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/calendar/);
  assert.ok(r.text.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r')), 'CRLF line ends');
  assert.ok(r.text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'lines folded at 75 octets');
  const meetings = (await api('GET', '/api/v1/meetings')).json.meetings;
  const py = spawnSync('/usr/bin/python3', ['-c', `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
out = []
for ev in cal.walk('VEVENT'):
    d = ev.decoded('DTSTART')
    out.append({'uid': str(ev['UID']), 'start': d.isoformat(), 'tz': str(getattr(d, 'tzinfo', None) or ''),
                'summary': str(ev['SUMMARY']), 'location': str(ev.get('LOCATION', '')), 'status': str(ev.get('STATUS', ''))})
print(json.dumps(out))
`], { input: r.text, encoding: 'utf8' });
  assert.equal(py.status, 0, py.stderr);
  const events = JSON.parse(py.stdout);
  assert.equal(events.length, meetings.length);
  const uids = new Set(events.map((e) => e.uid));
  assert.equal(uids.size, events.length, 'UIDs unique');
  const held = events.find((e) => e.uid === `meeting-${meeting}@safer`);
  assert.equal(held.start.slice(0, 16), '2024-06-18T18:00');
  assert.match(held.start, /\+01:00$/, 'British Summer Time');
  assert.equal(held.summary, 'Communities Scrutiny Committee');
  assert.equal(held.location, 'Committee Room 2, Town Hall');
  const cancelled = events.find((e) => e.location === 'Room; 1, "A"');
  assert.equal(cancelled.status, 'CANCELLED');
  assert.equal(cancelled.start, '2024-07-02', 'all day without a time');
  // The same UID on the next run.
  const again = await api('GET', `/bodies/${body}/meetings.ics`, undefined, {});
  assert.match(again.text, new RegExp(`UID:meeting-${meeting}@safer`));
  assert.doesNotMatch(again.text, /CANCELLED/);
  const acts = await api('GET', '/actions.ics', undefined, {});
  assert.equal(acts.status, 200);
  assert.match(acts.text, /BEGIN:VCALENDAR/);
});

test('delete or archive: a meeting with items is archived, an empty one deleted', async () => {
  let r = await api('DELETE', `/api/v1/meetings/${meeting}`);
  assert.equal(r.json.result, 'archived', r.text);
  r = await api('POST', '/api/v1/meetings', { body_id: body, date: '2025-01-01' });
  r = await api('DELETE', `/api/v1/meetings/${r.json.id}`);
  assert.equal(r.json.result, 'deleted', r.text);
  r = await api('DELETE', `/api/v1/bodies/${body}`);
  assert.equal(r.json.result, 'archived', r.text);
});
