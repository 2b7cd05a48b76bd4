// tests/http/roles.test.mjs: the role matrix over EVERY write route of
// the route table (read from src/routes.c, so that a route added later is
// checked without anyone remembering to list it here): anonymous 401;
// viewer and analyst 403 (an analyst may use the analyst's routes); a
// lead 403 outside the themes they lead and let through inside; officer
// and administrator let through (an officer 403 on the administrator's).
// "Let through" means the role was accepted: the handler then answers,
// 2xx, or 400/404/409 for the empty body this test sends.  The bodies that
// succeed are accounts.test.mjs's and each resource's own tests'.
//
// Then the record: a successful write through the API leaves exactly one
// entry, with its author, through "api", and the old and new values; a
// refused one (401, 403, 400) leaves none.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startServer, safer } from '../lib/server.mjs';

const PW = 'correct horse battery';
const ROLES = ['viewer', 'analyst', 'lead', 'officer', 'admin'];
let srv;
const tokens = {};
const sessions = {};
let leadAction, otherAction;

test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

// Every route of src/routes.c: [method, pattern, need].
function routeTable() {
  const src = readFileSync(new URL('../../src/routes.c', import.meta.url), 'utf8');
  const rows = [];
  const re = /\{\s*HTTP_(\w+),\s*"([^"]+)",\s*\w+,[^{}]*?,\s*(NEED_\w+)\s*\}/g;
  for (let m; (m = re.exec(src));) rows.push([m[1], m[2], m[3]]);
  return rows;
}

async function req(method, path, { token, cookie, form, json } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (cookie) headers.Cookie = cookie;
  let body;
  if (form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  } else if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const r = await fetch(srv.url + path, { method, headers, body, redirect: 'manual' });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

async function anonymousForm() {
  const r = await req('GET', '/sign-in');
  const cookie = /safer_csrf=([0-9a-f]+)/.exec(r.headers.get('set-cookie') || '')[1];
  return { cookie: `safer_csrf=${cookie}`, csrf: cookie };
}

async function session(email) {
  const f = await anonymousForm();
  const r = await req('POST', '/sign-in', { cookie: f.cookie, form: { csrf: f.csrf, email, password: PW, next: '/' } });
  assert.equal(r.status, 303, r.text);
  const cookie = /(safer_session=[0-9a-f]{64})/.exec(r.headers.get('set-cookie'))[1];
  const page = await req('GET', '/account', { cookie });
  return { cookie, csrf: /name="csrf" value="([0-9a-f]+)"/.exec(page.text)[1] };
}

function entries() {
  return Number(execFileSync('sqlite3', [srv.db, 'SELECT count(*) FROM audit'], { encoding: 'utf8' }).trim());
}

test('accounts of every role, a lead of one theme', async () => {
  const actions = JSON.parse((await req('GET', '/api/v1/actions')).text).actions;
  leadAction = actions.find((a) => a.theme_id);
  otherAction = actions.find((a) => a.theme_id && a.theme_id !== leadAction.theme_id);
  assert.ok(leadAction && otherAction);
  for (const role of ROLES) {
    const extra = role === 'lead' ? ['--theme', String(leadAction.theme_id)] : [];
    const r = safer(srv.db, ['users', 'add', `${role}@example.org`, '--name', `The ${role}`,
      '--role', role, ...extra, '--password-stdin'], { input: PW + '\n' });
    assert.equal(r.status, 0, r.stderr);
    tokens[role] = safer(srv.db, ['tokens', 'create', `${role}@example.org`]).stdout.trim().split('\n').pop();
    sessions[role] = await session(`${role}@example.org`);
  }
});

// Who may use a route of this need, and for a lead, on which action.
function allowed(role, need, leadsIt) {
  switch (need) {
  case 'NEED_ADMIN': return role === 'admin';
  case 'NEED_OFFICER': return role === 'officer' || role === 'admin';
  case 'NEED_ANALYST': return ['analyst', 'officer', 'admin'].includes(role);
  case 'NEED_LEAD_ACTION': return role === 'officer' || role === 'admin' || (role === 'lead' && leadsIt);
  case 'NEED_VIEWER': return true;
  default: throw new Error(`a write route with need ${need}`);
  }
}

test('the role matrix holds for every write route of the table', async () => {
  const writes = routeTable().filter(([m, , need]) => m !== 'GET' && need !== 'NEED_ANYONE');
  assert.ok(writes.length >= 20, `only ${writes.length} write routes found in src/routes.c`);
  const checked = [];
  for (const [method, pattern, need] of writes) {
    const targets = need === 'NEED_LEAD_ACTION'
      ? [[leadAction.id, true], [otherAction.id, false]] : [[999999, false]];
    for (const [id, leadsIt] of targets) {
      const path = pattern.replace(/\{id\}/g, String(id));
      const api = path.startsWith('/api/');
      const send = async (role) => {
        if (api) return req(method, path, { token: role && tokens[role], json: {} });
        const f = role ? sessions[role] : await anonymousForm();
        return req(method, path, { cookie: f.cookie, form: { csrf: f.csrf } });
      };
      const anon = await send(null);
      assert.equal(anon.status, 401, `anonymous ${method} ${path}: ${anon.status}`);
      for (const role of ROLES) {
        const r = await send(role);
        if (allowed(role, need, leadsIt))
          assert.ok(r.status !== 401 && r.status !== 403 && r.status < 500,
            `${role} ${method} ${path} (${need}): ${r.status} ${r.text.slice(0, 300)}`);
        else
          assert.equal(r.status, 403, `${role} ${method} ${path} (${need}): ${r.status}`);
      }
      checked.push(`${method} ${path}`);
    }
  }
  test.diagnostic?.(`${checked.length} write routes checked`);
});

test('a successful write leaves exactly one entry, with its author and values; a refused one none', async () => {
  const path = `/api/v1/actions/${leadAction.id}`;
  const before = JSON.parse((await req('GET', path, { token: tokens.viewer })).text);
  const title = `${before.title} (renamed)`;
  let n = entries();
  // Refused: nobody, a viewer, a lead of another theme, a bad value.
  assert.equal((await req('PATCH', path, { json: { title } })).status, 401);
  assert.equal((await req('PATCH', path, { token: tokens.viewer, json: { title } })).status, 403);
  assert.equal((await req('PATCH', `/api/v1/actions/${otherAction.id}`, { token: tokens.lead, json: { title } })).status, 403);
  assert.equal((await req('PATCH', path, { token: tokens.lead, json: { status: 'finished-ish' } })).status, 400);
  assert.equal((await req('PATCH', path, { token: tokens.lead, json: { colour: 'red' } })).status, 400);
  assert.equal(entries(), n, 'refused writes leave nothing on the record');

  const ok = await req('PATCH', path, { token: tokens.lead, json: { title } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(entries(), n + 1, 'one entry for one write');
  const audit = JSON.parse((await req('GET', `/api/v1/audit?object_type=action&object_id=${leadAction.id}&limit=1`,
    { token: tokens.officer })).text);
  const e = audit.entries[0];
  assert.equal(e.user, 'lead@example.org');
  assert.equal(e.via, 'api');
  assert.equal(e.op, 'update');
  assert.deepEqual(e.object, { type: 'action', id: leadAction.id });
  assert.deepEqual(e.changes, [{ field: 'title', old: before.title, new: title }]);

  // A progress update through a page: its author is the session's.
  n = entries();
  const s = sessions.lead;
  const r = await req('POST', `/actions/${leadAction.id}/updates`,
    { cookie: s.cookie, form: { csrf: s.csrf, body: 'Met the partners', author_id: '1' } });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  assert.ok(entries() >= n + 1);
  const upd = JSON.parse((await req('GET', '/api/v1/audit?object_type=action_update&limit=1', { token: tokens.admin })).text).entries[0];
  assert.equal(upd.user, 'lead@example.org');
  assert.equal(upd.via, 'web');
  const author = upd.changes.find((c) => c.field === 'author_account_id');
  assert.ok(author && author.new > 0, 'the account that wrote it');
  assert.equal(upd.changes.find((c) => c.field === 'author_id'), undefined, 'not the person the form named');

  // The record is for officers and administrators.
  assert.equal((await req('GET', '/api/v1/audit', { token: tokens.viewer })).status, 403);
  assert.equal((await req('GET', '/changes', { cookie: sessions.lead.cookie })).status, 403);
  const page = await req('GET', '/changes?user=lead%40example.org', { cookie: sessions.officer.cookie });
  assert.equal(page.status, 200);
  assert.match(page.text, /lead@example\.org/);
  assert.equal(safer(srv.db, ['audit', 'verify']).status, 0);
});
