// tests/http/accounts.test.mjs: accounts and roles end to end, on the real
// server: local mode while there are no accounts; then sign-in and
// sign-out with the session cookie's flags; the throttle; API tokens
// (created, used, revoked); the role matrix of every write route; the
// form token bound to the session; the cache never serving one person's
// page to another; and safer serve refusing the network without accounts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, safer } from '../lib/server.mjs';

const PW = 'correct horse battery';
let srv;
const tokens = {};   // role -> bearer token
const sessions = {}; // role -> { cookie, csrf }
let leadAction, otherAction;

test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

function addUser(email, role, extra = []) {
  const r = safer(srv.db, ['users', 'add', email, '--name', `${role} person`, '--role', role,
    ...extra, '--password-stdin'], { input: PW + '\n' });
  assert.equal(r.status, 0, r.stderr);
}

function makeToken(email) {
  const r = safer(srv.db, ['tokens', 'create', email, '--name', 'test']);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n').pop();
}

async function get(path, headers = {}) {
  const r = await fetch(srv.url + path, { headers, redirect: 'manual' });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

async function postForm(path, fields, { cookie, csrf } = {}, extra = {}) {
  const r = await fetch(srv.url + path, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}), ...extra },
    body: new URLSearchParams({ ...(csrf ? { csrf } : {}), ...fields }).toString(),
  });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

async function api(method, path, token, body) {
  const r = await fetch(srv.url + path, {
    method, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

// A visitor's form token, from the sign-in page (cookie and field).
async function anonymousForm() {
  const r = await get('/sign-in');
  const cookie = /safer_csrf=([0-9a-f]+)/.exec(r.headers.get('set-cookie') || '')[1];
  const field = /name="csrf" value="([0-9a-f]+)"/.exec(r.text)[1];
  assert.equal(cookie, field);
  return { cookie: `safer_csrf=${cookie}`, csrf: field };
}

async function signIn(email, password = PW) {
  const form = await anonymousForm();
  const r = await postForm('/sign-in', { email, password, next: '/actions' }, form);
  return { r, form };
}

async function session(email) {
  const { r } = await signIn(email);
  assert.equal(r.status, 303, r.text);
  const token = /safer_session=([0-9a-f]{64})/.exec(r.headers.get('set-cookie'))[1];
  const cookie = `safer_session=${token}`;
  const page = await get('/account', { Cookie: cookie });
  assert.equal(page.status, 200);
  const csrf = /name="csrf" value="([0-9a-f]+)"/.exec(page.text)[1];
  return { cookie, csrf };
}

test('local mode: no accounts, loopback: everything allowed, with the banner', async () => {
  const page = await get('/actions');
  assert.equal(page.status, 200);
  assert.match(page.text, /anyone on this machine can edit/);
  assert.match(page.text, /safer users add EMAIL --name NAME --role admin --password-stdin/);
  assert.equal((await get('/api/v1/actions')).status, 200);
  assert.equal((await get('/admin/users')).status, 200);
  const patch = await api('PATCH', '/api/v1/actions/1', null, { rag: 'green' });
  assert.equal(patch.status, 200, patch.text);
  // A made-up cookie and field pair does not pass, even here.
  const made = '0123456789abcdef'.repeat(2);
  const r = await postForm('/actions', { plan_id: '1', title: 'x', status: 'not_started' },
    { cookie: `safer_csrf=${made}`, csrf: made });
  assert.equal(r.status, 403);
  // The server's own pair does.
  const f = await anonymousForm();
  const ok = await postForm('/actions', { plan_id: '1', title: 'Made in local mode', status: 'not_started' }, f);
  assert.equal(ok.status, 303);
});

test('the first account ends local mode: every internal page and API call needs sign-in', async () => {
  const actions = JSON.parse((await get('/api/v1/actions')).text).actions;
  const themed = actions.filter((a) => a.theme_id);
  leadAction = themed[0];
  otherAction = themed.find((a) => a.theme_id !== leadAction.theme_id);
  assert.ok(leadAction && otherAction, 'two actions of different themes');
  addUser('Admin@Example.org', 'admin');
  addUser('officer@example.org', 'officer');
  addUser('analyst@example.org', 'analyst');
  addUser('viewer@example.org', 'viewer');
  addUser('lead@example.org', 'lead', ['--theme', String(leadAction.theme_id)]);
  for (const role of ['admin', 'officer', 'analyst', 'viewer', 'lead'])
    tokens[role] = makeToken(`${role}@example.org`);

  const page = await get('/actions');
  assert.equal(page.status, 401);
  assert.match(page.text, /<h1>Sign in<\/h1>/);
  assert.match(page.text, /name="next" value="\/actions"/);
  assert.doesNotMatch(page.text, /anyone on this machine can edit/);
  const a = await get('/api/v1/actions');
  assert.equal(a.status, 401);
  assert.equal(a.headers.get('www-authenticate'), 'Bearer realm="safer"');
  assert.equal(JSON.parse(a.text).error.code, 'unauthorized');
  // What stays open: static files, health, the sign-in page.
  assert.equal((await get('/healthz')).status, 200);
  assert.equal((await get('/static/safer.css')).status, 200);
  assert.equal((await get('/sign-in')).status, 200);
  // Published parts only when published (nothing is, yet).
  assert.equal((await get('/')).status, 401);
  assert.equal((await get('/api/v1/plans')).status, 401);
});

test('sign in and out: the cookie is HttpOnly, SameSite=Strict, Path=/', async () => {
  const { r } = await signIn('ADMIN@example.org');
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/actions');
  const set = r.headers.get('set-cookie');
  assert.match(set, /^safer_session=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Strict$/);
  assert.doesNotMatch(set, /Secure/, 'no Secure over plain HTTP without --https-proxy');
  const cookie = set.split(';')[0];
  const page = await get('/actions', { Cookie: cookie });
  assert.equal(page.status, 200);
  assert.match(page.text, /admin person/);
  assert.match(page.text, /Sign out/);
  const csrf = /action="\/sign-out"><input type="hidden" name="csrf" value="([0-9a-f]{64})"/.exec(page.text)[1];
  const out = await postForm('/sign-out', {}, { cookie, csrf });
  assert.equal(out.status, 303);
  assert.match(out.headers.get('set-cookie'), /^safer_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);
  assert.equal((await get('/actions', { Cookie: cookie })).status, 401, 'the session is over');
  // A wrong password, and a next that leaves safer.
  const bad = await signIn('admin@example.org', 'not the password');
  assert.equal(bad.r.status, 400);
  assert.match(bad.r.text, /The email address or the password is not right/);
  const form = await anonymousForm();
  const away = await postForm('/sign-in', { email: 'admin@example.org', password: PW, next: '//evil.example/' }, form);
  assert.equal(away.status, 303);
  assert.equal(away.headers.get('location'), '/');
});

test('the throttle: after 5 failures the right password is refused too', async () => {
  addUser('target@example.org', 'viewer');
  for (let i = 0; i < 5; i++)
    assert.equal((await signIn('target@example.org', 'wrong password')).r.status, 400);
  const r = (await signIn('target@example.org')).r;
  assert.equal(r.status, 429);
  assert.match(r.text, /too many failed attempts to sign in to this account; try again in 15 minutes/);
  assert.ok(!(r.headers.get('set-cookie') || '').includes('safer_session'));
  // Another account signs in from the same address.
  assert.equal((await signIn('viewer@example.org')).r.status, 303);
});

test('API tokens: used, then revoked: 401', async () => {
  const t = makeToken('viewer@example.org');
  assert.equal((await api('GET', '/api/v1/actions', t)).status, 200);
  const listed = safer(srv.db, ['tokens', 'list', 'viewer@example.org']).stdout;
  const id = listed.trim().split('\n')[1].split(/\s+/)[0];
  assert.match(listed.split('\n')[1], /active/);
  assert.doesNotMatch(listed.split('\n')[1], / - +active/, 'last used is noted');
  assert.equal(safer(srv.db, ['tokens', 'revoke', id]).status, 0);
  const r = await api('GET', '/api/v1/actions', t);
  assert.equal(r.status, 401);
  assert.match(r.headers.get('www-authenticate'), /error="invalid_token"/);
  assert.equal((await api('GET', '/api/v1/actions', 'safer_' + '0'.repeat(64))).status, 401);
  assert.equal((await api('GET', '/api/v1/actions', 'nonsense')).status, 401);
  // The API does not take the session cookie: Bearer only.
  const s = await session('viewer@example.org');
  assert.equal((await get('/api/v1/actions', { Cookie: s.cookie })).status, 401);
});

test('a disabled account: its sessions and tokens stop working', async () => {
  addUser('leaver@example.org', 'officer');
  const t = makeToken('leaver@example.org');
  const s = await session('leaver@example.org');
  assert.equal((await get('/actions', { Cookie: s.cookie })).status, 200);
  assert.equal(safer(srv.db, ['users', 'disable', 'leaver@example.org']).status, 0);
  assert.equal((await get('/actions', { Cookie: s.cookie })).status, 401);
  assert.equal((await api('GET', '/api/v1/actions', t)).status, 401);
  assert.equal((await signIn('leaver@example.org')).r.status, 400);
});

// Every write route, with a body it accepts from whoever may send it (a
// function when each request needs its own).
let seq = 0;
function writeRoutes() {
  const lead = leadAction.id, other = otherAction.id;
  return [
    // [kind, method, path, body, who may]
    ['api', 'POST', '/api/v1/actions', { plan_id: 1, title: 'From the API' }, 'officer'],
    ['api', 'PATCH', `/api/v1/actions/${lead}`, { rag: 'amber' }, 'lead'],
    ['api', 'PATCH', `/api/v1/actions/${other}`, { rag: 'amber' }, 'officer'],
    ['api', 'POST', `/api/v1/actions/${lead}/updates`, { body: 'Going well' }, 'lead'],
    ['api', 'POST', `/api/v1/actions/${other}/updates`, { body: 'Going well' }, 'officer'],
    ['page', 'POST', '/actions', { plan_id: '1', title: 'From a page', status: 'not_started' }, 'officer'],
    ['page', 'POST', `/actions/${lead}`, { plan_id: String(leadAction.plan_id), theme_id: String(leadAction.theme_id), title: leadAction.title, status: 'in_progress' }, 'lead'],
    ['page', 'POST', `/actions/${other}`, { plan_id: String(otherAction.plan_id), theme_id: String(otherAction.theme_id), title: otherAction.title, status: 'in_progress' }, 'officer'],
    ['page', 'POST', `/actions/${lead}/updates`, { body: 'A page update' }, 'lead'],
    ['page', 'POST', `/actions/${other}/updates`, { body: 'A page update' }, 'officer'],
    ['page', 'POST', '/funds', () => ({ name: `Matrix Fund ${seq++}`, year: '2022/23', allocation: '100' }), 'officer'],
    ['page', 'POST', '/funds/1', { name: 'Renamed', year: '2020/21', allocation: '218973' }, 'officer'],
    ['page', 'POST', '/funds/1/awards', { recipient: 'Someone', amount: '10', status: 'awarded' }, 'officer'],
    ['page', 'POST', '/awards/1', { recipient: 'Someone else', amount: '10', status: 'awarded' }, 'officer'],
    ['page', 'POST', '/admin/users', () => ({ name: 'New', email: `new${seq++}@example.org`, role: 'viewer', password: PW }), 'admin'],
  ];
}

const ALLOWED = {
  admin: ['admin', 'officer', 'lead'],
  officer: ['officer', 'lead'],
  lead: ['lead'],
  analyst: [],
  viewer: [],
};

test('the role matrix of every write route', async () => {
  for (const role of Object.keys(ALLOWED)) sessions[role] = await session(`${role}@example.org`);
  for (const [kind, method, path, make, needs] of writeRoutes()) {
    const body = typeof make === 'function' ? make : () => make;
    // Anonymous: 401.
    const anon = kind === 'api' ? await api(method, path, null, body())
      : await postForm(path, body(), await anonymousForm());
    assert.equal(anon.status, 401, `anonymous ${method} ${path}`);
    for (const role of ['viewer', 'analyst', 'lead', 'officer', 'admin']) {
      const r = kind === 'api' ? await api(method, path, tokens[role], body())
        : await postForm(path, body(), sessions[role]);
      const may = ALLOWED[role].includes(needs);
      if (may)
        assert.ok(r.status >= 200 && r.status < 400, `${role} ${method} ${path}: ${r.status} ${r.text.replace(/<head>[^]*<\/nav>/, "").slice(0, 1500)}`);
      else
        assert.equal(r.status, 403, `${role} ${method} ${path}`);
      if (!may && kind === 'api') assert.equal(JSON.parse(r.text).error.code, 'forbidden');
    }
  }
});

test('the form token is bound to the session', async () => {
  const s = sessions.officer;
  const body = { plan_id: '1', title: 'Bound', status: 'not_started' };
  // The session's own token passes.
  assert.equal((await postForm('/actions', body, s)).status, 303);
  // A made-up cookie and field pair, with the session: refused.
  const made = 'ab'.repeat(16);
  assert.equal((await postForm('/actions', body, { cookie: `${s.cookie}; safer_csrf=${made}`, csrf: made })).status, 403);
  // A visitor's pair the server made, with the session: refused.
  const anon = await anonymousForm();
  assert.equal((await postForm('/actions', body, { cookie: `${s.cookie}; ${anon.cookie}`, csrf: anon.csrf })).status, 403);
  // Another session's token: refused.
  assert.equal((await postForm('/actions', body, { cookie: s.cookie, csrf: sessions.admin.csrf })).status, 403);
});

test('the cache never serves one person\'s page to another', async () => {
  const a = await get('/actions', { Cookie: sessions.viewer.cookie });
  const b = await get('/actions', { Cookie: sessions.admin.cookie });
  assert.match(a.text, /viewer person/);
  assert.doesNotMatch(a.text, /admin person/);
  assert.match(b.text, /admin person/);
  assert.doesNotMatch(b.text, /viewer person/);
  assert.ok(a.text.includes(sessions.viewer.csrf) && !b.text.includes(sessions.viewer.csrf));
  assert.equal((await get('/actions')).status, 401, 'and nothing to nobody');
});

test('published pages are open to anonymous visitors once published', async () => {
  assert.equal((await get('/plans')).status, 401);
  const { execFileSync } = await import('node:child_process');
  execFileSync('sqlite3', [srv.db, "INSERT INTO meta (key, value) VALUES ('published:plan', '1')"]);
  const plans = await get('/plans');
  assert.equal(plans.status, 200);
  assert.match(plans.text, /Sign in/);
  assert.equal((await get('/api/v1/plans')).status, 200);
  assert.equal((await get('/actions')).status, 401, 'the rest stays closed');
  assert.equal((await get('/funding')).status, 401);
});

test('safer serve refuses to listen beyond loopback with no accounts', () => {
  const dir = mkdtempSync(join(process.env.SAFER_TEST_TMP || tmpdir(), 'safer-'));
  const db = join(dir, 'x.db');
  try {
    assert.equal(safer(db, ['init']).status, 0);
    const r = safer(db, ['serve', '--listen', '0.0.0.0:8']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /safer users add EMAIL --name NAME --role admin --password-stdin/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
