// tests/http/busy.test.mjs: a write that waits on another writer past its
// budget.  Another program (the sqlite3 shell, in a child process kept
// open) holds the write lock with BEGIN IMMEDIATE; meanwhile an API write
// is 503 "busy" with Retry-After, a form post is a 503 page that shows the
// form again with what was typed, the command line says the database is
// busy and exits 1, and reads still work.  Once the lock is let go, the
// same writes succeed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { startServer, bin } from '../lib/server.mjs';

let srv;
test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

// Hold the database's write lock from another process until release().
async function holdWriteLock(db) {
  const sh = spawn('sqlite3', [db], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  sh.stdout.on('data', (d) => { out += d; });
  sh.stderr.on('data', (d) => { err += d; });
  const until = (word) => new Promise((resolve, reject) => {
    const t = setInterval(() => {
      if (out.includes(word)) { clearInterval(t); resolve(); }
      if (sh.exitCode !== null) { clearInterval(t); reject(new Error(`sqlite3 ended: ${err}`)); }
    }, 10);
  });
  sh.stdin.write("BEGIN IMMEDIATE;\nSELECT 'locked';\n");
  await until('locked');
  return {
    async release() {
      const done = new Promise((resolve) => sh.on('exit', resolve));
      sh.stdin.end('ROLLBACK;\n');
      await done;
    },
  };
}

function run(args) {
  return new Promise((resolve) => {
    execFile(bin, ['--db', srv.db, ...args], (error, stdout, stderr) => {
      resolve({ status: error ? error.code : 0, stdout, stderr });
    });
  });
}

async function patch(id, body) {
  const r = await fetch(`${srv.url}/api/v1/actions/${id}`, {
    method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: r.status, headers: r.headers, json: await r.json() };
}

async function formSession(path) {
  const r = await fetch(srv.url + path);
  assert.equal(r.status, 200);
  const cookie = /safer_csrf=([0-9a-f]{32})/.exec(r.headers.get('set-cookie') || '');
  assert.ok(cookie, 'the page sets the form cookie');
  return { cookie: `safer_csrf=${cookie[1]}`, token: cookie[1] };
}

async function post(session, path, fields) {
  const r = await fetch(srv.url + path, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
    body: new URLSearchParams({ csrf: session.token, ...fields }).toString(),
  });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

test('an API write blocked by another writer is 503 busy with Retry-After, then succeeds', async () => {
  const lock = await holdWriteLock(srv.db);
  let r;
  try {
    r = await patch(2, { title: 'Written while locked' });
    const read = await fetch(`${srv.url}/api/v1/actions/2`);
    assert.equal(read.status, 200, 'reads go on while another program writes');
    assert.notEqual((await read.json()).title, 'Written while locked');
  } finally {
    await lock.release();
  }
  assert.equal(r.status, 503);
  assert.match(r.headers.get('retry-after') || '', /^\d+$/, 'Retry-After in seconds');
  assert.equal(r.json.error.code, 'busy');
  assert.match(r.json.error.message, /database is busy/);
  assert.doesNotMatch(r.json.error.message, /locked/, 'not SQLite\'s words');
  const again = await patch(2, { title: 'Written while locked' });
  assert.equal(again.status, 200, 'the same write once the lock is gone');
  assert.equal(again.json.title, 'Written while locked');
  assert.doesNotMatch(srv.stderr, /: 500$/m, 'no 500 in the log');
});

test('a form post blocked by another writer is a 503 page that keeps what was typed', async () => {
  const session = await formSession('/actions/3/edit');
  const before = await (await fetch(`${srv.url}/api/v1/actions/3`)).json();
  const fields = {
    plan_id: String(before.plan_id), title: 'Typed while the database was busy',
    description: 'Kept on the page', theme_id: before.theme_id ? String(before.theme_id) : '',
    priority_id: before.priority_id ? String(before.priority_id) : '',
    owner_id: before.owner_id ? String(before.owner_id) : '',
    'due_on-day': '', 'due_on-month': '', 'due_on-year': '', status: 'in_progress', rag: '',
  };
  const lock = await holdWriteLock(srv.db);
  let r;
  try {
    r = await post(session, '/actions/3', fields);
  } finally {
    await lock.release();
  }
  assert.equal(r.status, 503);
  assert.match(r.headers.get('content-type'), /^text\/html/);
  assert.match(r.headers.get('retry-after') || '', /^\d+$/);
  assert.ok(r.text.includes('Nothing was saved: the database is busy'), 'says what happened');
  assert.ok(r.text.includes('value="Typed while the database was busy"'), 'the title typed is still in the form');
  assert.ok(r.text.includes('Kept on the page'), 'so is the description');
  assert.ok(r.text.includes(`name="csrf" value="${session.token}"`), 'the form can be sent again');
  const again = await post(session, '/actions/3', fields);
  assert.equal(again.status, 303, 'the same form once the lock is gone');
  const after = await (await fetch(`${srv.url}/api/v1/actions/3`)).json();
  assert.equal(after.title, 'Typed while the database was busy');
});

test('the command line says the database is busy and exits 1, then succeeds', async () => {
  const lock = await holdWriteLock(srv.db);
  let r;
  try {
    r = await run(['actions', 'update', '4', '--title', 'CLI while locked']);
  } finally {
    await lock.release();
  }
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /^safer: the database is busy/m);
  assert.doesNotMatch(r.stderr, /database is locked/);
  const again = await run(['actions', 'update', '4', '--title', 'CLI while locked']);
  assert.equal(again.status, 0, again.stderr);
  const after = await (await fetch(`${srv.url}/api/v1/actions/4`)).json();
  assert.equal(after.title, 'CLI while locked');
});
