// tests/http/actions_api.test.mjs: the actions API end to end: listing with
// filters, creating, changing, progress updates, and every way a request
// can be refused (400 naming the field, 404, 405 with Allow, 413, 415, 403).
import test from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from '../lib/server.mjs';

let srv;
test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

const JSON_CT = { 'Content-Type': 'application/json' };

async function api(method, path, body, headers = JSON_CT) {
  const init = { method, headers };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(srv.url + path, init);
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, json };
}

async function listActions(query = '') {
  const r = await api('GET', '/api/v1/actions' + query);
  assert.equal(r.status, 200, `GET /api/v1/actions${query}: ${r.text}`);
  assert.equal(r.json.count, r.json.actions.length);
  return r.json.actions;
}

async function plan2018() {
  const r = await api('GET', '/api/v1/plans/1');
  assert.equal(r.json.title, 'Safer Stockport Partnership Plan 2018/21');
  return r.json;
}

// Expect a 400 whose error names field (null for none).
function expect400(r, field, what) {
  assert.equal(r.status, 400, `${what}: status (${r.text})`);
  assert.match(r.headers.get('content-type'), /^application\/json/, `${what}: JSON`);
  assert.equal(r.json?.error?.code, 'invalid', `${what}: code`);
  assert.equal(r.json.error.field, field, `${what}: field (${r.json.error.message})`);
  assert.equal(typeof r.json.error.message, 'string');
  assert.ok(r.json.error.message.length > 0);
}

// Send raw bytes, read until the server closes (or a timeout); the
// status of the first response.
function rawRequest(head, body, { chunkSize = 65536 } = {}) {
  return new Promise((resolve) => {
    const s = net.connect(srv.port, '127.0.0.1');
    const got = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      s.destroy();
      const text = Buffer.concat(got).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : 0, text });
    };
    const timer = setTimeout(finish, 10000);
    s.on('data', (d) => got.push(d));
    s.on('error', finish);
    s.on('close', finish);
    s.on('connect', async () => {
      // Like a client that honours an early answer: give the server a
      // moment to refuse after the headers, and stop sending once it has
      // answered (else its close resets the connection and the answer is
      // lost).
      s.write(head);
      await new Promise((r) => { setTimeout(r, 100); s.once('data', r); });
      for (let i = 0; i < body.length && !s.destroyed && !got.length; i += chunkSize) {
        if (!s.write(body.subarray(i, i + chunkSize)))
          await new Promise((r) => { s.once('drain', r); s.once('close', r); });
      }
      if (!s.destroyed) s.end();
    });
  });
}

test('list: every action, with the documented fields', async () => {
  const all = await listActions();
  assert.equal(all.length, 20);
  for (const a of all) {
    for (const k of ['id', 'plan_id', 'plan', 'theme_id', 'theme', 'priority_id',
      'priority_area', 'title', 'description', 'owner_id', 'owner', 'owner_organisation',
      'due_on', 'status', 'rag', 'overdue', 'example', 'created_at', 'updated_at',
      'update_count', 'last_update_on'])
      assert.ok(k in a, `action ${a.id} has ${k}`);
    assert.equal(a.updates, undefined, 'the list does not embed updates');
  }
});

test('list filters: plan, theme, priority, owner, status, overdue', async () => {
  const all = await listActions();
  const plan = await plan2018();
  assert.equal((await listActions('?plan=1')).length, 20);
  assert.equal((await listActions('?plan=2')).length, 0);
  for (const t of plan.themes) {
    const got = await listActions(`?theme=${t.id}`);
    assert.deepEqual(got.map((a) => a.id).sort(), all.filter((a) => a.theme_id === t.id).map((a) => a.id).sort());
    assert.ok(got.every((a) => a.theme === t.name));
  }
  const vp = plan.themes[1];
  assert.equal((await listActions(`?theme=${vp.id}`)).length, 7);
  const da = vp.priority_areas.find((p) => p.name === 'Domestic Abuse');
  const daActions = await listActions(`?priority=${da.id}`);
  assert.equal(daActions.length, 2);
  assert.ok(daActions.every((a) => a.priority_area === 'Domestic Abuse'));
  const owner = all[0].owner_id;
  assert.deepEqual((await listActions(`?owner=${owner}`)).map((a) => a.id).sort(),
    all.filter((a) => a.owner_id === owner).map((a) => a.id).sort());
  for (const st of ['not_started', 'in_progress', 'on_hold', 'completed', 'cancelled']) {
    const got = await listActions(`?status=${st}`);
    assert.equal(got.length, all.filter((a) => a.status === st).length, st);
    assert.ok(got.every((a) => a.status === st));
  }
  assert.equal((await listActions('?status=completed')).length, 13);
  assert.equal((await listActions('?status=on_hold')).length, 1);
  const overdue = await listActions('?overdue=true');
  assert.ok(overdue.length > 0, 'the demo has overdue actions');
  assert.deepEqual(overdue.map((a) => a.id).sort(), all.filter((a) => a.overdue).map((a) => a.id).sort());
  for (const a of overdue) {
    assert.ok(a.due_on && a.due_on < new Date().toISOString().slice(0, 10), `${a.id} is past due`);
    assert.ok(!['completed', 'cancelled'].includes(a.status));
  }
  assert.equal((await listActions('?overdue=false')).length, 20);
  const both = await listActions(`?theme=${vp.id}&status=completed`);
  assert.ok(both.length > 0 && both.every((a) => a.theme_id === vp.id && a.status === 'completed'));
  assert.equal((await listActions('?plan=&status=')).length, 20, 'empty filters are no filters');
});

test('list: unknown or malformed query parameters are 400 naming them', async () => {
  let r = await api('GET', '/api/v1/actions?colour=red');
  expect400(r, 'colour', 'unknown parameter');
  assert.match(r.json.error.message, /colour/);
  r = await api('GET', '/api/v1/actions?plan=1&sort=title');
  expect400(r, 'sort', 'unknown parameter after a known one');
  expect400(await api('GET', '/api/v1/actions?status=done'), 'status', 'unknown status');
  expect400(await api('GET', '/api/v1/actions?overdue=yes'), 'overdue', 'overdue=yes');
  expect400(await api('GET', '/api/v1/actions?plan=abc'), 'plan', 'plan=abc');
  expect400(await api('GET', '/api/v1/actions?theme=0'), 'theme', 'theme=0');
  expect400(await api('GET', '/api/v1/actions?owner=-1'), 'owner', 'owner=-1');
  expect400(await api('GET', '/api/v1/actions/1?x=1'), 'x', 'unknown parameter on one action');
  const count = (await listActions()).length;
  expect400(await api('POST', '/api/v1/actions?plan=2', { plan_id: 1, title: 'with a query' }), 'plan', 'a query on POST');
  expect400(await api('PATCH', '/api/v1/actions/1?title=x', { title: 'with a query' }), 'title', 'a query on PATCH');
  expect400(await api('POST', '/api/v1/actions/1/updates?x=1', { body: 'with a query' }), 'x', 'a query on an update');
  assert.equal((await listActions()).length, count, 'writes with a query change nothing');
  assert.notEqual((await api('GET', '/api/v1/actions/1')).json.title, 'with a query');
});

test('POST creates: 201, Location, and the body echoes the action', async () => {
  const plan = await plan2018();
  const theme = plan.themes[1];
  const prio = theme.priority_areas[1];
  const before = (await listActions()).length;
  const body = {
    plan_id: plan.id, theme_id: theme.id, priority_id: prio.id,
    title: 'Review the MARAC referral pathway', description: 'Two lines.\nSecond line.',
    owner_id: 2, due_on: '2030-06-30', status: 'in_progress', rag: 'amber',
  };
  const r = await api('POST', '/api/v1/actions', body);
  assert.equal(r.status, 201, r.text);
  const a = r.json;
  assert.equal(r.headers.get('location'), `/api/v1/actions/${a.id}`);
  assert.ok(Number.isInteger(a.id) && a.id > 20);
  for (const k of Object.keys(body)) assert.equal(a[k], body[k], k);
  assert.equal(a.plan, plan.title);
  assert.equal(a.theme, theme.name);
  assert.equal(a.priority_area, prio.name);
  assert.equal(a.owner, 'Chris McLoughlin');
  assert.equal(a.overdue, false);
  assert.equal(a.example, false);
  assert.deepEqual(a.updates, []);
  assert.equal(a.update_count, 0);
  // Saved, with warnings: the plan has ended, and the due date is after it.
  assert.deepEqual(a.warnings.map((x) => x.field), ['plan_id', 'due_on']);
  assert.match(a.warnings[0].message, /^the plan 'Safer Stockport Partnership Plan 2018\/21' ended on 31 March 2021$/);
  assert.match(a.warnings[1].message, /^the due date, 30 June 2030, is after the end of the plan's period \(31 March 2021\)$/);
  const again = await api('GET', r.headers.get('location'));
  assert.equal(again.status, 200);
  const { warnings, ...stored } = a;
  assert.deepEqual(again.json, stored, 'the warnings are of the answer, not stored');
  assert.equal((await listActions()).length, before + 1);
});

test('POST fills in the theme and plan from a priority area; defaults', async () => {
  const plan = await plan2018();
  const theme = plan.themes[3];
  const prio = theme.priority_areas[2];
  let r = await api('POST', '/api/v1/actions', { title: 'From the priority', priority_id: prio.id });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.theme_id, theme.id);
  assert.equal(r.json.plan_id, plan.id);
  assert.equal(r.json.status, 'not_started', 'status defaults to not_started');
  assert.equal(r.json.rag, null);
  assert.equal(r.json.due_on, null);
  r = await api('POST', '/api/v1/actions', { title: 'From the theme', theme_id: theme.id });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.plan_id, plan.id);
  assert.equal(r.json.priority_id, null);
  r = await api('POST', '/api/v1/actions', { title: 'Plan only', plan_id: 2 });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.theme_id, null);
  r = await api('POST', '/api/v1/actions', { title: 'Past due', plan_id: 1, due_on: '2001-01-01' });
  assert.equal(r.json.overdue, true);
  r = await api('POST', '/api/v1/actions', { title: 'Done', plan_id: 1, due_on: '2001-01-01', status: 'completed' });
  assert.equal(r.json.overdue, false, 'completed actions are never overdue');
});

test('PATCH changes only the fields given', async () => {
  const plan = await plan2018();
  const c = await api('POST', '/api/v1/actions', {
    plan_id: plan.id, theme_id: plan.themes[0].id, priority_id: plan.themes[0].priority_areas[0].id,
    title: 'Patch me', description: 'keep', owner_id: 1, due_on: '2031-01-31', rag: 'green',
  });
  assert.equal(c.status, 201, c.text);
  const before = c.json;
  const strip = (a) => { const { updated_at, warnings, ...rest } = a; return rest; };

  let r = await api('PATCH', `/api/v1/actions/${before.id}`, { status: 'on_hold' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(strip(r.json), { ...strip(before), status: 'on_hold' });

  assert.equal(r.json.warnings, undefined, 'no warnings when neither plan nor due date changes');

  r = await api('PATCH', `/api/v1/actions/${before.id}`, { due_on: '2019-01-31' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.warnings, [], 'a due date inside the plan: no warning');
  r = await api('PATCH', `/api/v1/actions/${before.id}`, { due_on: '2031-01-31' });
  assert.deepEqual(r.json.warnings.map((x) => x.field), ['due_on'],
                   'a new due date outside the plan: a warning, and saved');
  assert.equal(r.json.due_on, '2031-01-31');

  r = await api('PATCH', `/api/v1/actions/${before.id}`, { title: 'Patched', rag: null });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(strip(r.json), { ...strip(before), status: 'on_hold', title: 'Patched', rag: null });

  r = await api('PATCH', `/api/v1/actions/${before.id}`, { description: null, due_on: null, owner_id: null });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.description, null);
  assert.equal(r.json.due_on, null);
  assert.equal(r.json.owner_id, null);
  assert.equal(r.json.owner, null);
  assert.equal(r.json.title, 'Patched');
  assert.equal(r.json.priority_id, before.priority_id);

  r = await api('PATCH', `/api/v1/actions/${before.id}`, {});
  assert.equal(r.status, 200, 'an empty patch changes nothing');
  assert.equal(r.json.title, 'Patched');

  // Moving to another theme's priority area moves the theme with it.
  const other = plan.themes[2].priority_areas[0];
  r = await api('PATCH', `/api/v1/actions/${before.id}`, { priority_id: other.id });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.theme_id, plan.themes[2].id);

  // A refused patch leaves the action as it was.
  const keep = (await api('GET', `/api/v1/actions/${before.id}`)).json;
  r = await api('PATCH', `/api/v1/actions/${before.id}`, { title: 'nope', status: 'bogus' });
  expect400(r, 'status', 'bad status in a patch');
  assert.deepEqual((await api('GET', `/api/v1/actions/${before.id}`)).json, keep);
});

test('POST updates: adds a progress update and can set status and RAG', async () => {
  const c = await api('POST', '/api/v1/actions', { plan_id: 1, title: 'With updates' });
  const id = c.json.id;
  let r = await api('POST', `/api/v1/actions/${id}/updates`, { body: 'Started the work.' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.id, id, 'the answer is the action');
  assert.equal(r.json.update_count, 1);
  assert.equal(r.json.status, 'not_started', 'status unchanged when not given');
  assert.equal(r.json.updates[0].body, 'Started the work.');
  assert.equal(r.json.updates[0].status, null);
  assert.equal(r.json.updates[0].author_id, null);

  r = await api('POST', `/api/v1/actions/${id}/updates`,
    { body: 'Now under way.', status: 'in_progress', rag: 'red' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.status, 'in_progress');
  assert.equal(r.json.rag, 'red');
  assert.equal(r.json.update_count, 2);
  const u = r.json.updates.find((x) => x.body === 'Now under way.');
  assert.ok(u);
  assert.equal(u.status, 'in_progress');
  assert.equal(u.rag, 'red');
  assert.equal(u.author_id, null, 'no person: the author is whoever sent it');
  assert.equal(u.action_id, id);
  assert.match(u.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(r.json.last_update_on, u.created_at.slice(0, 10));

  const list = await api('GET', `/api/v1/actions/${id}/updates`);
  assert.equal(list.status, 200);
  assert.equal(list.json.updates.length, 2);
  assert.deepEqual(list.json.updates.map((x) => x.body).sort(), ['Now under way.', 'Started the work.']);

  expect400(await api('POST', `/api/v1/actions/${id}/updates`, { body: '' }), 'body', 'empty body');
  expect400(await api('POST', `/api/v1/actions/${id}/updates`, { status: 'completed' }), 'body', 'no body');
  expect400(await api('POST', `/api/v1/actions/${id}/updates`, { body: 'x', status: 'finished' }), 'status', 'bad status');
  expect400(await api('POST', `/api/v1/actions/${id}/updates`, { body: 'x', rag: 'blue' }), 'rag', 'bad rag');
  expect400(await api('POST', `/api/v1/actions/${id}/updates`, { body: 'x', author_id: 3 }), 'author_id', 'a client cannot name the author');
  expect400(await api('POST', `/api/v1/actions/${id}/updates`, { body: 'x', mood: 'good' }), 'mood', 'unknown field');
  expect400(await api('POST', `/api/v1/actions/${id}/updates`, { body: 5 }), 'body', 'number body');
  const after = await api('GET', `/api/v1/actions/${id}`);
  assert.equal(after.json.update_count, 2, 'refused updates add nothing');
  assert.equal(after.json.status, 'in_progress');
});

test('POST updates: dated in the past with date or created_at; never in the future', async () => {
  const c = await api('POST', '/api/v1/actions', { plan_id: 1, title: 'Dated updates' });
  const id = c.json.id;
  let r = await api('POST', `/api/v1/actions/${id}/updates`,
                    { body: 'Under way since spring.', date: '2021-05-10', status: 'in_progress' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.updates[0].created_at, '2021-05-10');
  assert.equal(r.json.status, 'in_progress');
  // An earlier one goes into the history in its place; the latest stands.
  r = await api('POST', `/api/v1/actions/${id}/updates`,
                { body: 'Planned in March.', created_at: '2021-03-01', status: 'not_started', rag: 'red' });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json.updates.map((u) => u.created_at), ['2021-05-10', '2021-03-01']);
  assert.equal(r.json.status, 'in_progress', 'a back-dated status does not override a later one');
  assert.equal(r.json.rag, null);
  assert.equal(r.json.updates[1].status, 'not_started', 'but it is kept in the history');
  expect400(await api('POST', `/api/v1/actions/${id}/updates`, { body: 'x', date: '2999-01-01' }),
            'date', 'a date in the future');
  expect400(await api('POST', `/api/v1/actions/${id}/updates`, { body: 'x', created_at: '2099-01-01' }),
            'created_at', 'created_at in the future');
  expect400(await api('POST', `/api/v1/actions/${id}/updates`, { body: 'x', date: '1 May 2021' }),
            'date', 'a date that is not YYYY-MM-DD');
  expect400(await api('POST', `/api/v1/actions/${id}/updates`,
                      { body: 'x', date: '2021-05-01', created_at: '2021-05-01' }),
            'date', 'both');
  assert.equal((await api('GET', `/api/v1/actions/${id}`)).json.update_count, 2, 'refused ones are not kept');
});

test('validation: bad JSON, non-objects, unknown fields, wrong types', async () => {
  const count = (await listActions()).length;
  const post = (b) => api('POST', '/api/v1/actions', b);

  let r = await post('{"title": "x",\n  "plan_id": }');
  expect400(r, null, 'invalid JSON');
  assert.match(r.json.error.message, /line 2/, 'message gives the line');
  assert.match(r.json.error.message, /column \d+/, 'message gives the column');
  r = await post('{"title": "x"');
  expect400(r, null, 'truncated JSON');
  assert.match(r.json.error.message, /line \d+, column \d+/);
  expect400(await post(''), null, 'empty body');
  expect400(await post('[]'), null, 'array body');
  expect400(await post('"a string"'), null, 'string body');
  expect400(await post('42'), null, 'number body');
  expect400(await post('null'), null, 'null body');
  assert.match((await post('[1,2]')).json.error.message, /object/);
  expect400(await post('{"title":"x","title":"y","plan_id":1}'), null, 'duplicate key');
  expect400(await post('{"title":"a\\u0000b","plan_id":1}'), null, 'NUL escaped in a string');

  r = await post({ plan_id: 1, title: 'x', colour: 'red' });
  expect400(r, 'colour', 'unknown field');
  assert.match(r.json.error.message, /colour/);
  expect400(await post({ plan_id: 1, title: 'x', id: 5 }), 'id', 'id is not writable');
  expect400(await post({ plan_id: 1, title: 'x', example: true }), 'example', 'example is not writable');

  expect400(await post({ plan_id: '1', title: 'x' }), 'plan_id', 'string plan_id');
  expect400(await post({ plan_id: 1.5, title: 'x' }), 'plan_id', 'fractional plan_id');
  expect400(await post({ plan_id: 0, title: 'x' }), 'plan_id', 'zero plan_id');
  expect400(await post({ plan_id: -3, title: 'x' }), 'plan_id', 'negative plan_id');
  expect400(await post({ plan_id: true, title: 'x' }), 'plan_id', 'boolean plan_id');
  expect400(await post({ plan_id: null, title: 'x' }), 'plan_id', 'null plan_id');
  expect400(await post({ plan_id: 1, title: 42 }), 'title', 'number title');
  expect400(await post({ plan_id: 1, title: null }), 'title', 'null title');
  expect400(await post({ plan_id: 1, title: ['x'] }), 'title', 'array title');
  expect400(await post({ plan_id: 1, title: '' }), 'title', 'empty title');
  expect400(await post({ plan_id: 1, title: '   ' }), 'title', 'blank title');
  expect400(await post({ plan_id: 1 }), 'title', 'missing title');
  expect400(await post({ plan_id: 1, title: 'x'.repeat(201) }), 'title', 'title over 200 characters');
  expect400(await post({ plan_id: 1, title: 'x', description: 7 }), 'description', 'number description');
  expect400(await post({ plan_id: 1, title: 'x', owner_id: 'me' }), 'owner_id', 'string owner');
  expect400(await post({ plan_id: 1, title: 'x', owner_id: 99999 }), 'owner_id', 'unknown owner');
  expect400(await post({ plan_id: 99999, title: 'x' }), 'plan_id', 'unknown plan');
  expect400(await post({ title: 'x', theme_id: 99999 }), 'theme_id', 'unknown theme');
  expect400(await post({ title: 'x', priority_id: 99999 }), 'priority_id', 'unknown priority area');
  assert.equal((await listActions()).length, count, 'nothing was created');
});

test('validation: dates, statuses, RAG, and theme/priority consistency', async () => {
  const plan = await plan2018();
  const count = (await listActions()).length;
  const post = (b) => api('POST', '/api/v1/actions', { plan_id: plan.id, title: 'x', ...b });
  for (const d of ['2021-02-30', '2021-13-01', '31/03/2021', '2021-3-31', '20210331', 'tomorrow', '', '2021-03-31T00:00:00Z'])
    expect400(await post({ due_on: d }), 'due_on', `due_on ${JSON.stringify(d)}`);
  expect400(await post({ due_on: 20210331 }), 'due_on', 'numeric due_on');
  for (const s of ['done', 'Completed', 'COMPLETED', '', 'in progress'])
    expect400(await post({ status: s }), 'status', `status ${JSON.stringify(s)}`);
  expect400(await post({ status: null }), 'status', 'null status');
  for (const g of ['blue', 'Red', ''])
    expect400(await post({ rag: g }), 'rag', `rag ${JSON.stringify(g)}`);

  // A theme of another plan; a priority area of another theme.
  const r = await api('POST', '/api/v1/actions', { plan_id: 2, theme_id: plan.themes[0].id, title: 'x' });
  expect400(r, 'theme_id', 'theme not in the plan');
  expect400(await post({ theme_id: plan.themes[0].id, priority_id: plan.themes[1].priority_areas[0].id }),
    'priority_id', 'priority area not in the theme');
  assert.equal((await listActions()).length, count, 'nothing was created');

  const ok = await post({ due_on: '2024-02-29' });
  assert.equal(ok.status, 201, 'a leap day is a real date');
});

test('text limits count characters, not bytes; line breaks only in descriptions', async () => {
  const post = (b) => api('POST', '/api/v1/actions', { plan_id: 1, ...b });
  let r = await post({ title: '✓'.repeat(200) });
  assert.equal(r.status, 201, '200 three-byte characters are a valid title');
  assert.equal(r.json.title, '✓'.repeat(200));
  expect400(await post({ title: '✓'.repeat(201) }), 'title', '201 characters');
  r = await post({ title: '😀 Zoë – ✓' });
  assert.equal(r.json.title, '😀 Zoë – ✓', 'astral and combining text round-trips');
  expect400(await post({ title: 'two\nlines' }), 'title', 'a line break in a title');
  expect400(await post({ title: 'bell\u0007' }), 'title', 'a control character in a title');
  r = await post({ title: 'Long text', description: 'd'.repeat(10000) });
  assert.equal(r.status, 201, 'a description of 10000 characters');
  expect400(await post({ title: 'Longer text', description: 'd'.repeat(10001) }), 'description', '10001 characters');
  r = await post({ title: 'Paragraphs', description: 'one\n\ntwo' });
  assert.equal(r.json.description, 'one\n\ntwo');
});

test('unknown ids are 404; ids that are not ids are 404', async () => {
  for (const [method, path, body] of [
    ['GET', '/api/v1/actions/99999'],
    ['PATCH', '/api/v1/actions/99999', { title: 'x' }],
    ['GET', '/api/v1/actions/99999/updates'],
    ['POST', '/api/v1/actions/99999/updates', { body: 'x' }],
    ['GET', '/api/v1/funds/99999'],
    ['GET', '/api/v1/plans/99999'],
    ['GET', '/api/v1/actions/0'],
    ['GET', '/api/v1/actions/01'],
    ['GET', '/api/v1/actions/abc'],
    ['GET', '/api/v1/actions/-1'],
    ['GET', '/api/v1/actions/99999999999999999999999'],
    ['GET', '/api/v1/nothing'],
    ['GET', '/api/v2/plans'],
  ]) {
    const r = await api(method, path, body);
    assert.equal(r.status, 404, `${method} ${path}: ${r.text}`);
    assert.equal(r.json?.error?.code, 'not_found', `${method} ${path} answers JSON`);
  }
});

test('wrong method: 405 with Allow', async () => {
  for (const [method, path, allow] of [
    ['PUT', '/api/v1/actions/1', 'GET, HEAD, PATCH, DELETE'],
    ['POST', '/api/v1/actions/1', 'GET, HEAD, PATCH, DELETE'],
    ['PUT', '/api/v1/actions', 'GET, HEAD, POST'],
    ['DELETE', '/api/v1/actions', 'GET, HEAD, POST'],
    ['PATCH', '/api/v1/actions/1/updates', 'GET, HEAD, POST'],
    ['POST', '/api/v1/outcomes', 'GET, HEAD'],
    ['PUT', '/api/v1/plans/1', 'GET, HEAD, PATCH, DELETE'],
    ['PUT', '/api/v1/funds', 'GET, HEAD, POST'],
    ['POST', '/healthz', 'GET, HEAD'],
  ]) {
    const r = await api(method, path, method === 'DELETE' ? undefined : {});
    assert.equal(r.status, 405, `${method} ${path}`);
    assert.equal(r.headers.get('allow'), allow, `Allow for ${method} ${path}`);
    if (path.startsWith('/api/'))
      assert.equal(r.json?.error?.code, 'method_not_allowed', `${method} ${path} answers JSON`);
  }
});

test('bodies over 1 MiB: 413 with Content-Length and chunked', async () => {
  const count = (await listActions()).length;
  const big = (n) => {
    const pre = '{"plan_id":1,"title":"';
    const post = '"}';
    return Buffer.from(pre + 'a'.repeat(n - pre.length - post.length) + post);
  };
  const head = (extra) => 'POST /api/v1/actions HTTP/1.1\r\n' +
    `Host: 127.0.0.1:${srv.port}\r\nContent-Type: application/json\r\n${extra}Connection: close\r\n\r\n`;

  const over = big(1024 * 1024 + 1);
  let r = await rawRequest(head(`Content-Length: ${over.length}\r\n`), over);
  assert.equal(r.status, 413, 'Content-Length over 1 MiB');
  assert.match(r.text, /"code":"too_large"/);

  // Chunked: no length up front; the server must stop at 1 MiB.
  const chunks = [];
  for (let i = 0; i < over.length; i += 100000) {
    const part = over.subarray(i, i + 100000);
    chunks.push(Buffer.from(part.length.toString(16) + '\r\n'), part, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from('0\r\n\r\n'));
  r = await rawRequest(head('Transfer-Encoding: chunked\r\n'), Buffer.concat(chunks));
  assert.equal(r.status, 413, 'chunked body over 1 MiB');
  assert.match(r.text, /"code":"too_large"/);

  // A very large declared length is refused before the body is read.
  r = await rawRequest(head('Content-Length: 5000000000\r\n'), Buffer.from('{}'));
  assert.equal(r.status, 413, 'declared 5 GB');

  // Exactly 1 MiB is read (and then refused for what it says, not its size).
  const exact = big(1024 * 1024);
  r = await rawRequest(head(`Content-Length: ${exact.length}\r\n`), exact);
  assert.equal(r.status, 400, 'exactly 1 MiB is within the limit');
  assert.match(r.text, /"field":"title"/);

  // With fetch, which sends the whole body at once: the server answers
  // 413 after the headers and closes, so the answer may be lost to a
  // connection reset (no lingering close); either way nothing is stored.
  const f = await fetch(srv.url + '/api/v1/actions', { method: 'POST', headers: JSON_CT, body: over })
    .then((x) => x.status, (e) => e.cause?.code || e.message);
  assert.ok(f === 413 || f === 'ECONNRESET' || f === 'EPIPE', `fetch: ${f}`);

  assert.equal((await listActions()).length, count);
  assert.equal((await fetch(srv.url + '/healthz')).status, 200);
});

test('writes need Content-Type application/json: else 415', async () => {
  const count = (await listActions()).length;
  const body = JSON.stringify({ plan_id: 1, title: 'Sent as something else' });
  const cases = [
    [{}, new TextEncoder().encode(body), 'no Content-Type'],
    [{ 'Content-Type': 'text/plain' }, body, 'text/plain'],
    [{ 'Content-Type': 'application/x-www-form-urlencoded' }, body, 'form'],
    [{ 'Content-Type': 'multipart/form-data; boundary=x' }, body, 'multipart'],
    [{ 'Content-Type': 'application/jsonp' }, body, 'application/jsonp'],
    [{ 'Content-Type': 'text/json' }, body, 'text/json'],
  ];
  for (const [headers, b, what] of cases) {
    for (const [method, path] of [['POST', '/api/v1/actions'], ['PATCH', '/api/v1/actions/1'],
      ['POST', '/api/v1/actions/1/updates']]) {
      const r = await fetch(srv.url + path, { method, headers, body: b });
      assert.equal(r.status, 415, `${what} on ${method} ${path}`);
      assert.equal((await r.json()).error.code, 'unsupported_media_type');
    }
  }
  assert.equal((await listActions()).length, count);
  // Parameters and case do not matter.
  for (const ct of ['application/json; charset=utf-8', 'Application/JSON']) {
    const r = await api('POST', '/api/v1/actions', { plan_id: 1, title: `Sent as ${ct}` }, { 'Content-Type': ct });
    assert.equal(r.status, 201, ct);
  }
});

test('cross-site writes are 403 and change nothing', async () => {
  const before = await api('GET', '/api/v1/actions/1');
  const count = (await listActions()).length;
  for (const headers of [
    { Origin: 'http://evil.example' },
    { Origin: 'https://evil.example' },
    { Origin: `http://127.0.0.1:${srv.port}.evil.example` },
    { Origin: 'null' },
    { 'Sec-Fetch-Site': 'cross-site' },
    { Origin: `http://127.0.0.1:${srv.port}`, 'Sec-Fetch-Site': 'cross-site' },
  ]) {
    const h = { ...JSON_CT, ...headers };
    let r = await api('POST', '/api/v1/actions', { plan_id: 1, title: 'cross-site' }, h);
    assert.equal(r.status, 403, `POST with ${JSON.stringify(headers)}`);
    assert.equal(r.json.error.code, 'forbidden');
    r = await api('PATCH', '/api/v1/actions/1', { title: 'cross-site' }, h);
    assert.equal(r.status, 403, `PATCH with ${JSON.stringify(headers)}`);
    r = await api('POST', '/api/v1/actions/1/updates', { body: 'cross-site' }, h);
    assert.equal(r.status, 403, `update with ${JSON.stringify(headers)}`);
  }
  assert.deepEqual(await api('GET', '/api/v1/actions/1').then((x) => x.json), before.json);
  assert.equal((await listActions()).length, count);
  // Reading across sites is allowed (it changes nothing); same origin may write.
  const read = await api('GET', '/api/v1/actions/1', undefined, { Origin: 'http://evil.example' });
  assert.equal(read.status, 200);
  const same = await api('POST', '/api/v1/actions', { plan_id: 1, title: 'same origin' },
    { ...JSON_CT, Origin: `http://127.0.0.1:${srv.port}`, 'Sec-Fetch-Site': 'same-origin' });
  assert.equal(same.status, 201);
});

test('HEAD answers like GET without a body', async () => {
  const g = await fetch(srv.url + '/api/v1/plans');
  const gb = await g.text();
  const h = await fetch(srv.url + '/api/v1/plans', { method: 'HEAD' });
  assert.equal(h.status, 200);
  assert.equal(await h.text(), '');
  assert.equal(h.headers.get('content-type'), g.headers.get('content-type'));
  assert.equal(Number(h.headers.get('content-length')), Buffer.byteLength(gb));
});
