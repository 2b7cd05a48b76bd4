// tests/http/plan_api.test.mjs: a whole plan built from "safer init"
// through the API and read back; rolled forward; field errors and
// unknown fields; delete against archive; a theme's priority areas as
// they stood on a date; one entry in the record for each change.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { startServer, safer, bin } from '../lib/server.mjs';

let srv;
test.before(async () => { srv = await startServer({ demo: false }); });
test.after(async () => { await srv?.stop(); });

const JSON_CT = { 'Content-Type': 'application/json' };

async function api(method, path, body) {
  const init = { method, headers: JSON_CT };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(srv.url + path, init);
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, json };
}

async function ok(method, path, body, status = 200) {
  const r = await api(method, path, body);
  assert.equal(r.status, status, `${method} ${path}: ${r.text}`);
  return r;
}

function expect400(r, field, what) {
  assert.equal(r.status, 400, `${what}: status (${r.text})`);
  assert.equal(r.json?.error?.code, 'invalid', `${what}: code`);
  assert.equal(r.json.error.field, field, `${what}: field (${r.json.error.message})`);
}

// A second server on the same database, whose day is today.
async function serveOn(db, today) {
  const port = srv.port + 1 + Math.floor(Math.random() * 1000);
  const proc = spawn(bin, ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`],
                     { stdio: 'ignore', env: { ...process.env, SAFER_TODAY: today } });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(url + '/healthz')).ok) break; } catch { /* not up yet */ }
    if (i > 200 || proc.exitCode !== null) throw new Error('the second server did not start');
    await new Promise((r) => setTimeout(r, 25));
  }
  return { url, stop: () => new Promise((r) => { proc.on('exit', r); proc.kill('SIGTERM'); }) };
}

// Entries of the record for one object.
function audit(type, id) {
  const out = execFileSync('sqlite3', [srv.db,
    `SELECT op FROM audit WHERE object_type = '${type}' AND object_id = ${Number(id)} ORDER BY id`],
    { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

let plan, theme1, theme2, fw, o1, o2, pr1, pr2;

test('a plan built from an empty database, and read back whole', async () => {
  const list = await ok('GET', '/api/v1/plans');
  assert.deepEqual(list.json.plans, []);

  const p = await ok('POST', '/api/v1/plans', {
    title: 'Community Safety Plan 2024-27', kind: 'partnership_plan',
    period: { start: '2024-04-01', end: '2027-03-31' }, status: 'draft',
  }, 201);
  plan = p.json.id;
  assert.equal(p.headers.get('location'), `/api/v1/plans/${plan}`);
  assert.equal(p.json.status, 'draft');
  assert.deepEqual(p.json.period, { start: '2024-04-01', end: '2027-03-31' });

  const t = await ok('POST', `/api/v1/plans/${plan}/themes`,
                     { name: 'Protecting vulnerable people', description: 'Safeguarding' }, 201);
  theme1 = t.json.id;
  assert.equal(t.headers.get('location'), `/api/v1/themes/${theme1}`);
  theme2 = (await ok('POST', `/api/v1/plans/${plan}/themes`, { name: 'Reducing reoffending' }, 201)).json.id;

  const f = await ok('POST', '/api/v1/frameworks', { name: 'PCC outcomes', owner: 'PCC' }, 201);
  fw = f.json.id;
  assert.equal(f.headers.get('location'), `/api/v1/frameworks/${fw}`);
  const a = await ok('POST', `/api/v1/frameworks/${fw}/outcomes`,
                     { number: 1, text: 'People feel safe', group: 'Safer places' }, 201);
  o1 = a.json.id;
  assert.equal(a.headers.get('location'), `/api/v1/outcomes/${o1}`);
  assert.equal(a.json.group, 'Safer places');
  o2 = (await ok('POST', `/api/v1/frameworks/${fw}/outcomes`,
                 { number: 2, text: 'Fewer victims', group: 'Victims' }, 201)).json.id;
  const fj = await ok('GET', `/api/v1/frameworks/${fw}`);
  assert.deepEqual(fj.json.groups.map((g) => [g.name, g.outcomes.map((o) => o.number)]),
                   [['Safer places', [1]], ['Victims', [2]]]);

  const pr = await ok('POST', `/api/v1/themes/${theme1}/priorities`,
                      { name: 'Domestic abuse', outcome_ids: [o1, o2] }, 201);
  pr1 = pr.json.id;
  assert.equal(pr.headers.get('location'), `/api/v1/priorities/${pr1}`);
  assert.deepEqual(pr.json.outcome_ids, [o1, o2]);
  pr2 = (await ok('POST', `/api/v1/themes/${theme1}/priorities`, { name: 'Hate crime' }, 201)).json.id;

  const whole = await ok('GET', `/api/v1/plans/${plan}`);
  assert.equal(whole.json.title, 'Community Safety Plan 2024-27');
  assert.deepEqual(whole.json.themes.map((x) => x.name), ['Protecting vulnerable people', 'Reducing reoffending']);
  assert.deepEqual(whole.json.themes[0].priority_areas.map((x) => [x.name, x.outcome_ids]),
                   [['Domestic abuse', [o1, o2]], ['Hate crime', []]]);
  assert.equal(whole.json.counts.themes, 2);
  assert.equal(whole.json.counts.priority_areas, 2);

  // One entry each, created.
  assert.deepEqual(audit('plan', plan), ['create']);
  assert.deepEqual(audit('theme', theme1), ['create']);
  assert.deepEqual(audit('priority', pr1), ['create']);
  assert.deepEqual(audit('outcome', o1), ['create']);
  assert.deepEqual(audit('outcome_group', 1), ['create']);
});

test('GET, change and send back: the plan, a theme, a priority area', async () => {
  const p = (await ok('GET', `/api/v1/plans/${plan}`)).json;
  p.status = 'approved';
  p.approved_by = 'Safer Partnership Board';
  p.approved_on = '2024-03-12';
  p.period.end = '2027-03-30';
  const back = await ok('PATCH', `/api/v1/plans/${plan}`, p);
  assert.equal(back.json.status, 'approved');
  assert.equal(back.json.approved_on, '2024-03-12');
  assert.equal(back.json.period.end, '2027-03-30');
  assert.deepEqual(audit('plan', plan), ['create', 'update']);

  const t = (await ok('GET', `/api/v1/themes/${theme2}`)).json;
  t.description = 'Fewer people reoffend';
  t.position = 0;
  const tb = await ok('PATCH', `/api/v1/themes/${theme2}`, t);
  assert.equal(tb.json.description, 'Fewer people reoffend');
  const order = (await ok('GET', `/api/v1/plans/${plan}`)).json.themes.map((x) => x.id);
  assert.deepEqual(order, [theme2, theme1], 'the moved theme comes first');

  const pr = (await ok('GET', `/api/v1/priorities/${pr1}`)).json;
  pr.outcome_ids = [o2];
  const prb = await ok('PATCH', `/api/v1/priorities/${pr1}`, pr);
  assert.deepEqual(prb.json.outcome_ids, [o2]);
  assert.deepEqual(audit('priority', pr1), ['create', 'update']);

  const o = await ok('PATCH', `/api/v1/outcomes/${o2}`, { group: 'Safer places' });
  assert.equal(o.json.group, 'Safer places');
  const f = await ok('PATCH', `/api/v1/frameworks/${fw}`, { name: 'PCC outcomes 2024', owner: null });
  assert.equal(f.json.name, 'PCC outcomes 2024');
  assert.equal(f.json.owner, null);
});

test('bad values and unknown fields are refused, naming the field', async () => {
  expect400(await api('POST', '/api/v1/plans', { title: 'X', period: { start: '2024-04-01', end: '2023-01-01' } }),
            'period.end', 'an end before the start');
  expect400(await api('POST', '/api/v1/plans', { title: 'X', period: { start: '2024-02-30', end: '2025-01-01' } }),
            'period.start', 'an impossible date');
  expect400(await api('POST', '/api/v1/plans', { title: 'X', period: { start: '2024-04-01' } }),
            'period.end', 'no end');
  expect400(await api('POST', '/api/v1/plans', { title: 'X', kind: 'wish_list', period: { start: '2024-04-01', end: '2025-03-31' } }),
            'kind', 'an unknown kind');
  expect400(await api('PATCH', `/api/v1/plans/${plan}`, { status: 'lost' }), 'status', 'an unknown status');
  expect400(await api('PATCH', `/api/v1/plans/${plan}`, { colour: 'red' }), 'colour', 'an unknown field');
  expect400(await api('PATCH', `/api/v1/plans/${plan}`, { period: { middle: '2025-01-01' } }),
            'period.middle', 'an unknown member of period');
  expect400(await api('PATCH', `/api/v1/plans/${plan}`, { id: plan + 1 }), 'id', 'another id');
  expect400(await api('POST', '/api/v1/frameworks', { id: 5, name: 'X' }), 'id', 'an id for a new one');
  expect400(await api('PATCH', `/api/v1/plans/${plan}`, { title: 7 }), 'title', 'a number for a string');
  expect400(await api('PATCH', `/api/v1/themes/${theme1}`, { lead_id: 999 }), 'lead_id', 'a lead who is not there');
  expect400(await api('PATCH', `/api/v1/themes/${theme1}`, { name: '' }), 'name', 'an empty name');
  expect400(await api('POST', `/api/v1/themes/${theme1}/priorities`, { name: 'X', outcome_ids: [999] }),
            'outcome_ids', 'an outcome that is not there');
  expect400(await api('POST', `/api/v1/themes/${theme1}/priorities`, { name: 'X', outcome_ids: 'all' }),
            'outcome_ids', 'not a list');
  expect400(await api('PATCH', `/api/v1/priorities/${pr1}`, { outcomes: [], owner: 1 }), 'owner', 'unknown beside read-only');
  expect400(await api('POST', `/api/v1/frameworks/${fw}/outcomes`, { number: 0, text: 'X', group: 'G' }),
            'number', 'outcome 0');
  expect400(await api('POST', `/api/v1/frameworks/${fw}/outcomes`, { number: 3, text: 'X' }),
            'group', 'no group');
  expect400(await api('POST', '/api/v1/plans', '{"title": "a", "title": "b"}'), null, 'a duplicate key');
  const dup = await api('POST', `/api/v1/frameworks/${fw}/outcomes`, { number: 1, text: 'Again', group: 'G' });
  assert.equal(dup.status, 409, dup.text);
  assert.equal(dup.json.error.field, 'number');
  assert.equal((await api('PATCH', '/api/v1/plans/999', { title: 'X' })).status, 404);
  assert.equal((await api('GET', '/api/v1/themes/999')).status, 404);
  assert.equal((await api('DELETE', '/api/v1/priorities/999')).status, 404);
  // Nothing was recorded for what was refused.
  assert.deepEqual(audit('plan', plan), ['create', 'update']);
  const plans = await ok('GET', '/api/v1/plans');
  assert.equal(plans.json.plans.length, 1);
});

test('roll forward copies themes, leads, priority areas and their outcomes', async () => {
  const r = await ok('POST', `/api/v1/plans/${plan}/roll-forward`,
                     { title: 'Community Safety Plan 2027-30', period: { start: '2027-04-01', end: '2030-03-31' } }, 201);
  const id = r.json.id;
  assert.equal(r.headers.get('location'), `/api/v1/plans/${id}`);
  assert.equal(r.json.previous_id, plan);
  assert.equal(r.json.status, 'draft');
  assert.equal(r.json.approved_by, null);
  assert.deepEqual(r.json.themes.map((x) => x.name), ['Reducing reoffending', 'Protecting vulnerable people']);
  assert.deepEqual(r.json.themes[1].priority_areas.map((x) => [x.name, x.outcome_ids]),
                   [['Domestic abuse', [o2]], ['Hate crime', []]]);
  assert.ok(r.json.themes.every((t) => !([theme1, theme2].includes(t.id))), 'new themes');
  assert.deepEqual(audit('plan', id), ['create'], 'one entry for the roll forward');
  expect400(await api('POST', `/api/v1/plans/${plan}/roll-forward`, { title: 'X', period: { start: '2030-04-01', end: '2031-03-31' }, status: 'approved' }),
            'status', 'roll-forward takes only a title and a period');
  const dup = await api('POST', `/api/v1/plans/${plan}/roll-forward`,
                        { title: 'Community Safety Plan 2027-30', period: { start: '2027-04-01', end: '2030-03-31' } });
  assert.equal(dup.status, 409, 'the same title again');
});

test('delete removes what nothing refers to, archives the rest', async () => {
  const extra = (await ok('POST', `/api/v1/plans/${plan}/themes`, { name: 'Empty theme' }, 201)).json.id;
  const d = await ok('DELETE', `/api/v1/themes/${extra}`);
  assert.deepEqual(d.json, { id: extra, result: 'deleted' });
  assert.equal((await api('GET', `/api/v1/themes/${extra}`)).status, 404);
  assert.deepEqual(audit('theme', extra), ['create', 'delete']);

  // A priority area added today that nothing refers to: deleted.
  const tmp = (await ok('POST', `/api/v1/themes/${theme2}/priorities`, { name: 'Typo' }, 201)).json.id;
  assert.equal((await ok('DELETE', `/api/v1/priorities/${tmp}`)).json.result, 'deleted');

  // A theme with priority areas: archived, out of the plan, readable by id.
  const a = await ok('DELETE', `/api/v1/themes/${theme1}`);
  assert.deepEqual(a.json, { id: theme1, result: 'archived' });
  const t = await ok('GET', `/api/v1/themes/${theme1}`);
  assert.ok(t.json.archived_at);
  const p = await ok('GET', `/api/v1/plans/${plan}`);
  assert.deepEqual(p.json.themes.map((x) => x.id), [theme2]);
  assert.deepEqual(audit('theme', theme1), ['create', 'archive']);

  // The outcome linked to a priority area: archived; the other deleted.
  assert.equal((await ok('DELETE', `/api/v1/outcomes/${o2}`)).json.result, 'archived');
  assert.equal((await ok('DELETE', `/api/v1/outcomes/${o1}`)).json.result, 'deleted');
  assert.ok((await ok('GET', `/api/v1/outcomes/${o2}`)).json.archived_at);

  // The plan rolled forward from: archived; it leaves the list.
  assert.equal((await ok('DELETE', `/api/v1/plans/${plan}`)).json.result, 'archived');
  const list = await ok('GET', '/api/v1/plans');
  assert.ok(!list.json.plans.some((x) => x.id === plan));
  assert.ok((await ok('GET', `/api/v1/plans/${plan}`)).json.archived_at);
  const fwd = await ok('DELETE', `/api/v1/frameworks/${fw}`);
  assert.equal(fwd.json.result, 'archived');
  assert.deepEqual((await ok('GET', '/api/v1/frameworks')).json.frameworks, []);
});

test('a theme\'s priority areas as they stood on a date', async () => {
  // Made by the command line on days gone by (SAFER_TODAY), then
  // renamed through a server whose day is 2019-10-15.
  const at = (day, args) => {
    const r = safer(srv.db, args, { env: { ...process.env, SAFER_TODAY: day } });
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  const p = at('2019-04-01', ['plans', 'add', '--title', 'Safer Stockport 2018/21', '--start', '2018-04-01', '--end', '2021-03-31']);
  const t = at('2019-04-01', ['themes', 'add', p, '--name', 'Protecting vulnerable people']);
  const a = at('2019-04-01', ['priorities', 'add', t, '--name', 'Domestic abuse']);
  const b = at('2019-04-01', ['priorities', 'add', t, '--name', 'Hate crime']);
  const renamer = await serveOn(srv.db, '2019-10-15');
  try {
    const r = await fetch(`${renamer.url}/api/v1/priorities/${a}`, {
      method: 'PATCH', headers: JSON_CT,
      body: JSON.stringify({ name: 'Domestic abuse and VAWG', description: 'Revised October 2019' }) });
    assert.equal(r.status, 200, await r.text());
  } finally { await renamer.stop(); }
  at('2020-06-01', ['priorities', 'archive', b]);

  const on = async (day) => (await ok('GET', `/api/v1/themes/${t}/priorities?on=${day}`)).json;
  assert.deepEqual((await on('2019-03-31')).priority_areas, [], 'before they were added');
  const june = await on('2019-06-01');
  assert.equal(june.on, '2019-06-01');
  assert.deepEqual(june.priority_areas.map((x) => [x.name, x.description]),
                   [['Domestic abuse', null], ['Hate crime', null]]);
  assert.deepEqual((await on('2019-10-15')).priority_areas.map((x) => x.name),
                   ['Domestic abuse and VAWG', 'Hate crime'], 'on the day of the change, the new wording');
  assert.deepEqual((await on('2020-06-01')).priority_areas.map((x) => x.name),
                   ['Domestic abuse and VAWG'], 'archived on 2020-06-01');
  const now = await ok('GET', `/api/v1/themes/${t}/priorities`);
  assert.deepEqual(now.json.priority_areas.map((x) => x.name), ['Domestic abuse and VAWG']);
  expect400(await api('GET', `/api/v1/themes/${t}/priorities?on=2019-02-30`), 'on', 'an impossible date');
  expect400(await api('GET', `/api/v1/themes/${t}/priorities?at=2019-01-01`), 'at', 'an undeclared parameter');
  assert.equal((await api('GET', '/api/v1/themes/999/priorities?on=2019-06-01')).status, 404);
});

test('with accounts: an officer writes the plan, a viewer reads it, nobody else', async () => {
  const s2 = await startServer({ demo: false });
  try {
    const PW = 'a long enough password 123';
    const token = (email, role) => {
      let r = safer(s2.db, ['users', 'add', email, '--name', role, '--role', role, '--password-stdin'],
                    { input: PW + '\n' });
      assert.equal(r.status, 0, r.stderr);
      r = safer(s2.db, ['tokens', 'create', email, '--name', 'test']);
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim().split('\n').pop();
    };
    const officer = token('officer@example.org', 'officer');
    const viewer = token('viewer@example.org', 'viewer');
    const call = async (tok, method, path, body) => {
      const res = await fetch(s2.url + path, {
        method, body: body === undefined ? undefined : JSON.stringify(body),
        headers: { ...JSON_CT, ...(tok ? { Authorization: `Bearer ${tok}` } : {}) } });
      return { status: res.status, json: await res.json().catch(() => null) };
    };
    const plan = { title: 'Plan', period: { start: '2024-04-01', end: '2025-03-31' } };
    assert.equal((await call(null, 'POST', '/api/v1/plans', plan)).status, 401);
    assert.equal((await call(viewer, 'POST', '/api/v1/plans', plan)).status, 403);
    const made = await call(officer, 'POST', '/api/v1/plans', plan);
    assert.equal(made.status, 201);
    const id = made.json.id;
    assert.equal((await call(viewer, 'GET', `/api/v1/plans/${id}`)).status, 200);
    assert.equal((await call(viewer, 'PATCH', `/api/v1/plans/${id}`, { title: 'X' })).status, 403);
    assert.equal((await call(viewer, 'DELETE', `/api/v1/plans/${id}`)).status, 403);
    assert.equal((await call(viewer, 'POST', '/api/v1/frameworks', { name: 'F' })).status, 403);
    assert.equal((await call(officer, 'DELETE', `/api/v1/plans/${id}`)).json.result, 'deleted');
    // The record names the officer, through the API.
    const who = execFileSync('sqlite3', [s2.db,
      `SELECT by_user || ' ' || via || ' ' || op FROM audit WHERE object_type = 'plan' ORDER BY id`],
      { encoding: 'utf8' }).trim().split('\n');
    assert.deepEqual(who, ['officer@example.org api create', 'officer@example.org api delete']);
  } finally { await s2.stop(); }
});
