// tests/http/scrutiny_api.test.mjs: undertakings and requests, issues,
// the forward plan and a plan's approval path through the API.  An
// undertaking given at one meeting and due at the next meeting of the body
// is open and due at that meeting; discharging it with the item that
// answered it takes it out of both, and the record of changes says who
// did it; an issue's timeline is in date order whatever order its items
// were added; unknown fields are refused naming them.  The bodies,
// meetings and items are made with SQL (sqlite3) beside the demo's.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer } from '../lib/server.mjs';

let srv;
test.before(async () => {
  srv = await startServer();
  execFileSync('sqlite3', [srv.db], { input: `
    INSERT INTO body (id, name, kind) VALUES
     (901, 'Test Scrutiny Committee', 'scrutiny'), (902, 'Test Executive', 'executive');
    INSERT INTO meeting (id, body_id, date, time, status) VALUES
     (901, 901, '2014-09-16', '18:00', 'held'),
     (902, 901, '2099-01-20', '18:00', 'scheduled'),
     (903, 902, '2014-09-30', '10:00', 'held'),
     (904, 901, '2013-05-01', NULL, 'held');
    INSERT INTO agenda_item (id, meeting_id, number, title, position) VALUES
     (9011, 901, '4', 'Domestic Abuse Strategy', 4),
     (9021, 902, '2', 'Partnership Board summary', 2),
     (9031, 903, '7', 'Domestic Abuse Strategy 2015-16', 7),
     (9041, 904, '3', 'Early draft <b>', 3);
    INSERT INTO resolution (item_id, position, text, kind, to_body_id) VALUES
     (9011, 1, 'That the strategy be recommended to the Executive', 'recommended', 902),
     (9031, 1, 'That the strategy be approved', 'approved', NULL);
    INSERT INTO item_link (item_id, kind, target_id)
     SELECT 9031, 'plan', id FROM plan ORDER BY id LIMIT 1;
  ` });
});
test.after(async () => { await srv?.stop(); });

const JSON_CT = { 'Content-Type': 'application/json' };

async function api(method, path, body) {
  const init = { method, headers: JSON_CT };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(srv.url + path, init);
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, json };
}

function expect400(r, field, what) {
  assert.equal(r.status, 400, `${what}: status (${r.text})`);
  assert.equal(r.json?.error?.field, field, `${what}: field (${r.json?.error?.message})`);
}

const ids = (r) => r.json.undertakings.map((u) => u.id);

test('an undertaking due at the next meeting: open, due there, discharged, recorded', async () => {
  let r = await api('POST', '/api/v1/undertakings', {
    text: 'To provide a summary of the work of the Domestic Abuse Partnership Board',
    owner: 'A representative of the Director of Strategy',
    item_id: 9011, due_meeting_id: 902,
  });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.equal(r.headers.get('location'), `/api/v1/undertakings/${id}`);
  assert.equal(r.json.status, 'open');
  assert.equal(r.json.overdue, false);
  assert.equal(r.json.given_at.body, 'Test Scrutiny Committee');
  assert.equal(r.json.due_meeting.date, '2099-01-20');

  r = await api('GET', '/api/v1/undertakings?status=open');
  assert.equal(r.status, 200);
  assert.ok(ids(r).includes(id), 'in the open list');
  r = await api('GET', '/api/v1/undertakings?meeting=902');
  assert.deepEqual(ids(r), [id], 'due at that meeting');
  r = await api('GET', '/api/v1/undertakings?status=overdue');
  assert.ok(!ids(r).includes(id), 'not overdue');
  r = await api('GET', '/api/v1/forward-plan');
  assert.equal(r.status, 200);
  assert.ok(r.json.undertakings.some((u) => u.id === id), 'a report the forward plan calls for');
  assert.ok(r.json.items.some((x) => x.item_id === 9021), 'the future meeting\'s item');
  assert.ok(!r.json.items.some((x) => x.item_id === 9011), 'not a past meeting\'s');

  // Refused: an item that does not exist; discharged_by without status.
  expect400(await api('PATCH', `/api/v1/undertakings/${id}`,
                      { status: 'discharged', discharged_by_item_id: 99999 }),
            'discharged_by_item_id', 'no such item');
  expect400(await api('PATCH', `/api/v1/undertakings/${id}`, { discharged_by_item_id: 9021 }),
            'discharged_by_item_id', 'only a discharged one');

  r = await api('PATCH', `/api/v1/undertakings/${id}`,
                { status: 'discharged', discharged_by_item_id: 9021 });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'discharged');
  assert.equal(r.json.discharged_by.title, 'Partnership Board summary');
  assert.match(r.json.discharged_on, /^\d{4}-\d{2}-\d{2}$/);

  r = await api('GET', '/api/v1/undertakings?status=open');
  assert.ok(!ids(r).includes(id), 'no longer open');
  r = await api('GET', '/api/v1/undertakings?meeting=902&status=open');
  assert.deepEqual(ids(r), [], 'no longer due at the meeting');
  r = await api('GET', '/api/v1/undertakings?status=discharged');
  assert.ok(ids(r).includes(id), 'discharged');

  r = await api('GET', `/api/v1/audit?object_type=undertaking&object_id=${id}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.entries.length, 2, 'created, then discharged');
  const last = r.json.entries[0];
  assert.equal(last.op, 'update');
  assert.equal(last.via, 'api');
  assert.ok(last.user && last.user.length > 0, 'who did it');
  const fields = last.changes.map((c) => c.field).sort();
  assert.deepEqual(fields, ['discharged_by_item_id', 'discharged_on', 'status']);
  assert.equal(last.changes.find((c) => c.field === 'discharged_by_item_id').new, 9021);
});

test('overdue: due at a meeting held, or by a date passed', async () => {
  let r = await api('POST', '/api/v1/undertakings',
                    { kind: 'request', text: 'An updated report', item_id: 9041, due_meeting_id: 901 });
  assert.equal(r.status, 201, r.text);
  const held = r.json.id;
  assert.equal(r.json.overdue, true);
  r = await api('POST', '/api/v1/undertakings', { text: 'By a date', due_date: '2001-01-01' });
  const dated = r.json.id;
  assert.equal(r.json.overdue, true);
  r = await api('GET', '/api/v1/undertakings?status=overdue');
  assert.ok(ids(r).includes(held) && ids(r).includes(dated));
  r = await api('PATCH', `/api/v1/undertakings/${dated}`, { due_date: '2099-12-31' });
  assert.equal(r.json.overdue, false);
  r = await api('DELETE', `/api/v1/undertakings/${dated}`);
  assert.equal(r.status, 200, r.text);
  assert.equal((await api('GET', `/api/v1/undertakings/${dated}`)).status, 404);
});

test('bad input is refused naming the field', async () => {
  expect400(await api('POST', '/api/v1/undertakings', { text: 'x', promised_by: 'me' }),
            'promised_by', 'an unknown field');
  expect400(await api('POST', '/api/v1/undertakings', { text: 'x', kind: 'promise' }), 'kind', 'kind');
  expect400(await api('POST', '/api/v1/undertakings', { owner: 'x' }), 'text', 'no text');
  expect400(await api('POST', '/api/v1/undertakings', { text: 'x', due_date: '2024-02-30' }),
            'due_date', 'a date that is not');
  expect400(await api('POST', '/api/v1/undertakings',
                      { text: 'x', due_date: '2099-01-01', due_meeting_id: 902 }),
            'due_date', 'both');
  expect400(await api('POST', '/api/v1/undertakings', { text: 'x', due_meeting_id: 99999 }),
            'due_meeting_id', 'no such meeting');
  expect400(await api('GET', '/api/v1/undertakings?status=late'), 'status', 'status');
  expect400(await api('POST', '/api/v1/issues', { title: 'x', colour: 'red' }), 'colour', 'issue');
  expect400(await api('POST', '/api/v1/issues/1/items', { item: 9011 }), 'item', 'item');
});

test('an issue: its timeline in date order, items added and taken out', async () => {
  let r = await api('POST', '/api/v1/issues',
                    { title: 'Test Domestic Abuse Strategy', description: 'From draft to approval' });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  for (const item of [9031, 9041, 9011]) {
    r = await api('POST', `/api/v1/issues/${id}/items`, { item_id: item });
    assert.equal(r.status, 200, r.text);
  }
  r = await api('GET', `/api/v1/issues/${id}`);
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.timeline.map((t) => t.date), ['2013-05-01', '2014-09-16', '2014-09-30']);
  assert.deepEqual(r.json.timeline.map((t) => t.body),
                   ['Test Scrutiny Committee', 'Test Scrutiny Committee', 'Test Executive']);
  assert.deepEqual(r.json.timeline.map((t) => t.number), ['3', '4', '7']);
  assert.equal(r.json.timeline[1].resolutions[0].kind, 'recommended');
  assert.equal(r.json.timeline[1].resolutions[0].to_body, 'Test Executive');
  assert.equal(r.json.timeline[2].resolutions[0].text, 'That the strategy be approved');
  assert.equal(r.json.items, 3);

  r = await api('DELETE', `/api/v1/issues/${id}/items/9041`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.item_ids, [9011, 9031]);
  r = await api('GET', '/api/v1/audit?object_type=item&object_id=9041');
  assert.equal(r.json.entries.length, 2, 'added and taken out: the item\'s issue_ids');

  r = await api('PATCH', `/api/v1/issues/${id}`, { title: 'Domestic Abuse Strategy 2015-16 (test)' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.title, 'Domestic Abuse Strategy 2015-16 (test)');
  r = await api('GET', '/api/v1/issues');
  assert.ok(r.json.issues.some((x) => x.id === id));
  r = await api('DELETE', `/api/v1/issues/${id}`);
  assert.equal(r.status, 200, r.text);
  assert.equal((await api('GET', `/api/v1/issues/${id}`)).status, 404);
});

test('a plan\'s approval path', async () => {
  const plans = (await api('GET', '/api/v1/plans')).json.plans;
  const first = Math.min(...plans.map((p) => p.id));
  const r = await api('GET', `/api/v1/plans/${first}/approval`);
  assert.equal(r.status, 200, r.text);
  const step = r.json.approval.find((s) => s.item_id === 9031);
  assert.ok(step, r.text);
  assert.equal(step.kind, 'approved');
  assert.equal(step.body, 'Test Executive');
  assert.equal(step.date, '2014-09-30');
  assert.equal((await api('GET', '/api/v1/plans/99999/approval')).status, 404);
});

test('/undertakings.ics: the due dates of open undertakings, all day', async () => {
  await api('POST', '/api/v1/undertakings',
            { text: 'Report; with, commas\nand a line', due_date: '2099-02-03' });
  const res = await fetch(srv.url + '/undertakings.ics');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/calendar/);
  const text = await res.text();
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
  assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
  assert.match(text, /DTSTART;VALUE=DATE:20990203\r\n/);
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  assert.match(unfolded, /SUMMARY:Undertaking due: Report\\; with\\, commas\\nand a line\r\n/);
  for (const line of text.split('\r\n'))
    assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
});
