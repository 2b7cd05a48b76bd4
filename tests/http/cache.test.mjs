// tests/http/cache.test.mjs: the response cache (src/http/cache.c) never
// serves a stale answer.  Each request here opens its own connection, so
// that the requests spread over all the worker threads (the cache is
// shared, but each thread sees others' commits through its own connection
// to the database); every cached copy must give way once anyone writes,
// through the API, a form, or the command line in another process.
import test from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, safer } from '../lib/server.mjs';

let srv;
test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

const SPREAD = 16; // fresh connections per look

// GET path on a new connection; resolves {status, headers (lower-case
// names; repeated ones joined), body}.
function fresh(path, headers = '') {
  return new Promise((resolve, reject) => {
    const s = net.connect(srv.port, '127.0.0.1');
    const got = [];
    s.on('data', (d) => got.push(d));
    s.on('error', reject);
    s.on('end', () => {
      const text = Buffer.concat(got).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const lines = text.slice(0, end).split('\r\n');
      const h = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':');
        const k = l.slice(0, i).toLowerCase();
        const v = l.slice(i + 1).trim();
        h[k] = h[k] ? `${h[k]}, ${v}` : v;
      }
      resolve({ status: Number(lines[0].split(' ')[1]), headers: h, body: text.slice(end + 4) });
    });
    s.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\n${headers}Connection: close\r\n\r\n`);
  });
}

// Look at path SPREAD times at once; the bodies.
async function look(path, headers) {
  const all = await Promise.all(Array.from({ length: SPREAD }, () => fresh(path, headers)));
  for (const r of all) assert.equal(r.status, 200, path);
  return all.map((r) => r.body);
}

async function patch(id, body) {
  const r = await fetch(`${srv.url}/api/v1/actions/${id}`, {
    method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  assert.equal(r.status, 200);
  await r.text();
}

test('an API change is seen at once by every thread, on every cached view', async () => {
  const paths = ['/api/v1/actions/3', '/api/v1/actions', '/api/v1/actions?theme=1', '/actions',
    '/themes/1', '/priorities/1', '/actions.csv'];
  for (const p of paths) await look(p); // warm every thread's cache
  for (const title of ['Cache title one', 'Cache title two', 'Cache title three']) {
    await patch(3, { title });
    for (const p of paths) {
      const bodies = await look(p);
      bodies.forEach((b, i) => assert.ok(b.includes(title), `${p} (look ${i}) shows "${title}"`));
    }
  }
});

test('a change by the command line (another process) is seen by every thread', async () => {
  await look('/api/v1/actions/4');
  await look('/actions');
  for (const title of ['CLI cache title A', 'CLI cache title B']) {
    const r = safer(srv.db, ['actions', 'update', '4', '--title', title]);
    assert.equal(r.status, 0, r.stderr);
    for (const b of await look('/api/v1/actions/4')) assert.equal(JSON.parse(b).title, title);
    for (const b of await look('/actions')) assert.ok(b.includes(title), `/actions shows ${title}`);
  }
  const before = (await look('/api/v1/funds?year=2020/21')).map((b) => JSON.parse(b).totals.awarded_pence);
  const add = safer(srv.db, ['funds', 'add-award', '4', '--recipient', 'Cache test award', '--amount', '100', '--status', 'paid']);
  assert.equal(add.status, 0, add.stderr);
  for (const b of await look('/api/v1/funds?year=2020/21'))
    assert.equal(JSON.parse(b).totals.awarded_pence, before[0] + 10000, 'the new award counts at once');
  for (const b of await look('/funding?year=2020/21')) assert.ok(b.includes('Cache test award'));
  for (const b of await look('/awards.csv')) assert.ok(b.includes('Cache test award'));
});

test('a progress update and a new action show at once in lists and counts', async () => {
  const count = JSON.parse((await look('/api/v1/actions'))[0]).count;
  const plan = JSON.parse((await look('/api/v1/plans'))[0]).plans.find((p) => p.id === 1);
  let r = await fetch(`${srv.url}/api/v1/actions`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ plan_id: 1, title: 'Cache new action', due_on: '2001-01-01' }),
  });
  assert.equal(r.status, 201);
  const id = (await r.json()).id;
  for (const b of await look('/api/v1/actions')) assert.equal(JSON.parse(b).count, count + 1);
  for (const b of await look('/api/v1/plans'))
    assert.equal(JSON.parse(b).plans.find((p) => p.id === 1).counts.overdue_actions, plan.counts.overdue_actions + 1);
  await look(`/api/v1/actions/${id}/updates`);
  r = await fetch(`${srv.url}/api/v1/actions/${id}/updates`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ body: 'Cache update', status: 'completed' }),
  });
  assert.equal(r.status, 201);
  for (const b of await look(`/api/v1/actions/${id}/updates`)) assert.equal(JSON.parse(b).updates.length, 1);
  for (const b of await look('/api/v1/plans'))
    assert.equal(JSON.parse(b).plans.find((p) => p.id === 1).counts.overdue_actions, plan.counts.overdue_actions,
      'completing it is no longer overdue');
  for (const b of await look('/api/v1/actions?status=completed'))
    assert.ok(JSON.parse(b).actions.some((a) => a.id === id));
});

test('answers differ by query; HEAD and GET share nothing wrong', async () => {
  const done = JSON.parse((await look('/api/v1/actions?status=completed'))[0]);
  const hold = JSON.parse((await look('/api/v1/actions?status=on_hold'))[0]);
  assert.ok(done.actions.every((a) => a.status === 'completed'));
  assert.ok(hold.actions.every((a) => a.status === 'on_hold'));
  assert.notEqual(done.count, hold.count);
  const enc = JSON.parse((await look('/api/v1/actions?status=complet%65d'))[0]);
  assert.equal(enc.count, done.count, 'the same query, encoded differently');
  const head = await new Promise((resolve) => {
    const s = net.connect(srv.port, '127.0.0.1');
    const got = [];
    s.on('data', (d) => got.push(d));
    s.on('end', () => resolve(Buffer.concat(got).toString()));
    s.write(`HEAD /api/v1/plans/1 HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nConnection: close\r\n\r\n`);
  });
  assert.ok(head.endsWith('\r\n\r\n'), 'HEAD has no body');
  for (const b of await look('/api/v1/plans/1')) assert.equal(JSON.parse(b).id, 1, 'GET after HEAD has the body');
  for (const r of await Promise.all([fresh('/api/v1/plans/999'), fresh('/api/v1/plans/999')]))
    assert.equal(r.status, 404, 'errors are not cached as answers');
});

test('cached pages carry no form token; each client still gets its own cookie', async () => {
  const a = await fresh('/actions');
  const b = await fresh('/actions');
  const ca = /safer_csrf=([0-9a-f]{32})/.exec(a.headers['set-cookie'] || '')?.[1];
  const cb = /safer_csrf=([0-9a-f]{32})/.exec(b.headers['set-cookie'] || '')?.[1];
  assert.ok(ca && cb, 'both new clients get a cookie');
  assert.notEqual(ca, cb, 'a cached page does not hand out the same token');
  assert.ok(!/name="csrf"/.test(a.body) && !/name="csrf"/.test(b.body), 'the list has no token in it');
  const withCookie = await fresh('/actions', `Cookie: safer_csrf=${ca}\r\n`);
  assert.equal(withCookie.headers['set-cookie'], undefined);
  // Pages with a form are built for each client, with that client's token
  // (tokens the server made: it does not accept made-up ones).
  for (const path of ['/actions/new', '/actions/1', '/actions/1/edit', '/funds/new', '/funds/1/edit',
    '/funds/1/awards/new', '/awards/1/edit']) {
    const x = await fresh(path, `Cookie: safer_csrf=${ca}\r\n`);
    const y = await fresh(path, `Cookie: safer_csrf=${cb}\r\n`);
    assert.ok(x.body.includes(`name="csrf" value="${ca}"`), `${path} has client a's token`);
    assert.ok(y.body.includes(`name="csrf" value="${cb}"`), `${path} has client b's token`);
  }
  // Every cached page in a crawl-like sweep is free of tokens.
  for (const path of ['/', '/plans', '/plans/1', '/themes/1', '/priorities/1', '/funding', '/funds/1',
    '/governance', '/outcomes', '/organisations']) {
    const x = await fresh(path, `Cookie: safer_csrf=${ca}\r\n`);
    assert.ok(!x.body.includes(ca), `${path} does not embed the token`);
  }
});
