// tests/http/concurrency.test.mjs: concurrent writers (20 API requests and
// the command line at the same moment, on the same and on different
// actions) all succeed, and the final state holds every one of their
// changes: no lost update, no half-written action.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { startServer, bin } from '../lib/server.mjs';

let srv;
test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

function cli(args) {
  return new Promise((resolve) => {
    execFile(bin, ['--db', srv.db, ...args], { encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ status: err ? err.code : 0, stdout, stderr }));
  });
}

async function api(method, path, body) {
  const res = await fetch(srv.url + path, {
    method, headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : null };
}

async function create(title, extra = {}) {
  const r = await api('POST', '/api/v1/actions', { plan_id: 1, title, ...extra });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

for (const round of [1, 2, 3]) {
  test(`round ${round}: 20 parallel API writes and two CLI updates all land`, async () => {
    const plan = (await api('GET', '/api/v1/plans/1')).json;
    const theme = plan.themes[1];
    const a = await create(`Round ${round}: many updates`);
    const c = await create(`Round ${round}: many fields`, { theme_id: theme.id });
    const bs = [];
    for (let i = 0; i < 4; i++) bs.push(await create(`Round ${round}: B${i}`));
    const before = (await api('GET', '/api/v1/actions')).json.count;

    const jobs = [];
    // 8 progress updates on the same action.
    for (let i = 0; i < 8; i++)
      jobs.push(['update', api('POST', `/api/v1/actions/${a}/updates`, { body: `api update ${i}` })]);
    // 5 patches of different fields of the same action.
    const fields = {
      title: `Round ${round}: patched title`, description: `patched description ${round}`,
      due_on: `20${30 + round}-01-31`, rag: 'amber', priority_id: theme.priority_areas[2].id,
    };
    for (const [k, v] of Object.entries(fields))
      jobs.push([`patch ${k}`, api('PATCH', `/api/v1/actions/${c}`, { [k]: v })]);
    // 4 patches of different actions.
    bs.forEach((b, i) => jobs.push([`patch B${i}`, api('PATCH', `/api/v1/actions/${b}`, { title: `Round ${round}: B${i} patched`, status: 'completed' })]));
    // 3 new actions.
    for (let i = 0; i < 3; i++)
      jobs.push([`create ${i}`, api('POST', '/api/v1/actions', { plan_id: 1, title: `Round ${round}: concurrent create ${i}` })]);
    assert.equal(jobs.length, 20);
    // And the command line, at the same time.
    const cliNote = cli(['actions', 'update', String(a), '--note', `cli note ${round}`, '--status', 'in_progress']);
    const cliOwner = cli(['actions', 'update', String(c), '--owner', '3']);

    const results = await Promise.all(jobs.map(([, p]) => p));
    const [n, o] = await Promise.all([cliNote, cliOwner]);
    results.forEach((r, i) => assert.ok(r.status === 200 || r.status === 201, `${jobs[i][0]}: ${r.status} ${r.text}`));
    assert.equal(n.status, 0, `CLI --note: ${n.stderr}`);
    assert.equal(o.status, 0, `CLI --owner: ${o.stderr}`);

    const A = (await api('GET', `/api/v1/actions/${a}`)).json;
    assert.equal(A.update_count, 9);
    assert.deepEqual(A.updates.map((u) => u.body).sort(),
      [...Array.from({ length: 8 }, (_, i) => `api update ${i}`), `cli note ${round}`].sort());
    assert.equal(A.status, 'in_progress');
    assert.equal(A.updates.find((u) => u.body === `cli note ${round}`).status, 'in_progress');
    assert.ok(A.updates.every((u) => u.action_id === a));

    const C = (await api('GET', `/api/v1/actions/${c}`)).json;
    for (const [k, v] of Object.entries(fields)) assert.equal(C[k], v, `action ${c}: ${k} kept`);
    assert.equal(C.owner_id, 3, 'the CLI owner change kept');
    assert.equal(C.theme_id, theme.id);

    for (const [i, b] of bs.entries()) {
      const B = (await api('GET', `/api/v1/actions/${b}`)).json;
      assert.equal(B.title, `Round ${round}: B${i} patched`);
      assert.equal(B.status, 'completed');
    }
    const list = (await api('GET', '/api/v1/actions')).json;
    assert.equal(list.count, before + 3);
    for (let i = 0; i < 3; i++)
      assert.equal(list.actions.filter((x) => x.title === `Round ${round}: concurrent create ${i}`).length, 1);
    assert.equal(new Set(list.actions.map((x) => x.id)).size, list.count, 'ids are unique');
  });
}

test('concurrent CLI and API creates with readers: every row appears once', async () => {
  const before = (await api('GET', '/api/v1/actions')).json.count;
  const jobs = [];
  for (let i = 0; i < 6; i++) jobs.push(cli(['actions', 'add', '--plan', '1', '--title', `CLI parallel ${i}`]));
  for (let i = 0; i < 10; i++) jobs.push(api('POST', '/api/v1/actions', { plan_id: 1, title: `API parallel ${i}` }));
  for (let i = 0; i < 10; i++) jobs.push(api('GET', '/api/v1/actions'));
  for (let i = 0; i < 4; i++) jobs.push(fetch(srv.url + '/actions').then(async (r) => ({ status: r.status, text: await r.text() })));
  const results = await Promise.all(jobs);
  results.slice(0, 6).forEach((r, i) => {
    assert.equal(r.status, 0, `CLI add ${i}: ${r.stderr}`);
    assert.match(r.stdout, /^\d+\n$/);
  });
  results.slice(6).forEach((r, i) => assert.ok(r.status === 200 || r.status === 201, `request ${i}: ${r.status}`));
  const list = (await api('GET', '/api/v1/actions')).json;
  assert.equal(list.count, before + 16);
  const cliIds = results.slice(0, 6).map((r) => Number(r.stdout));
  for (const id of cliIds) assert.ok(list.actions.some((x) => x.id === id), `CLI action ${id} listed`);
  assert.ok(srv.alive());
});
