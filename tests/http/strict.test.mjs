// tests/http/strict.test.mjs: requests that say two things at once are
// refused, over raw TCP: Content-Length with Transfer-Encoding (how a
// request is smuggled past a proxy that reads the other one) and two Host
// headers are 400, while one of each still works.  Pages with a form
// (the form token, or what someone typed) carry Cache-Control: no-store,
// from their route's flag; other pages keep no-cache.
import test from 'node:test';
import assert from 'node:assert/strict';
import { raw as rawRequest } from '../lib/raw.mjs';
import { startServer } from '../lib/server.mjs';

let srv;
test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

const raw = (data) => rawRequest(srv.port, data);

const host = () => `Host: 127.0.0.1:${srv.port}\r\n`;
const json = '{"plan_id":1,"title":"Framed once"}';
const chunked = `${json.length.toString(16)}\r\n${json}\r\n0\r\n\r\n`;

test('Content-Length and Transfer-Encoding together are 400, in either order', async () => {
  for (const [head, body] of [
    [`Content-Length: ${json.length}\r\nTransfer-Encoding: chunked\r\n`, chunked],
    [`Transfer-Encoding: chunked\r\nContent-Length: ${json.length}\r\n`, chunked],
    [`Transfer-Encoding: chunked\r\nContent-Length: ${json.length}\r\n`, json],
    ['Content-Length: 0\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n'],
  ]) {
    const r = await raw(`POST /api/v1/actions HTTP/1.1\r\n${host()}Content-Type: application/json\r\n${head}Connection: close\r\n\r\n${body}`);
    assert.equal(r.status, 400, head);
    const { error } = JSON.parse(r.body);
    assert.equal(error.code, 'bad_request');
    assert.match(error.message, /both Content-Length and Transfer-Encoding/);
  }
  const page = await raw(`GET /plans HTTP/1.1\r\n${host()}Content-Length: 0\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`);
  assert.equal(page.status, 400, 'a GET too');
  assert.match(page.headers['content-type'][0], /^text\/html/, 'a page answers with a page');
  const list = await (await fetch(`${srv.url}/api/v1/actions`)).json();
  assert.ok(!list.actions.some((a) => a.title === 'Framed once'), 'nothing was created');
});

test('one Content-Length or one chunked coding still works', async () => {
  let r = await raw(`POST /api/v1/actions HTTP/1.1\r\n${host()}Content-Type: application/json\r\nContent-Length: ${json.length}\r\nConnection: close\r\n\r\n${json}`);
  assert.equal(r.status, 201);
  r = await raw(`POST /api/v1/actions HTTP/1.1\r\n${host()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunked}`);
  assert.equal(r.status, 201);
});

test('two Host headers are 400, the same or different', async () => {
  for (const second of [`127.0.0.1:${srv.port}`, 'evil.example', `localhost:${srv.port}`]) {
    const r = await raw(`GET /api/v1/plans HTTP/1.1\r\n${host()}Host: ${second}\r\nConnection: close\r\n\r\n`);
    assert.equal(r.status, 400, second);
    const { error } = JSON.parse(r.body);
    assert.equal(error.code, 'bad_request');
    assert.equal(error.message, 'more than one Host header');
  }
  const page = await raw(`GET / HTTP/1.1\r\nHost: evil.example\r\n${host()}Connection: close\r\n\r\n`);
  assert.equal(page.status, 400, 'whichever comes first');
  const one = await raw(`GET /api/v1/plans HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`);
  assert.equal(one.status, 200, 'one Host is fine');
});

test('pages with a form are Cache-Control: no-store; others no-cache', async () => {
  // A token the server made (it does not accept made-up ones).
  const first = await raw(`GET /actions/new HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`);
  const token = /safer_csrf=([0-9a-f]{32})/.exec(String(first.headers['set-cookie']))[1];
  const cookie = `Cookie: safer_csrf=${token}\r\n`;
  for (const path of ['/actions/new', '/actions/1/edit', '/funds/new', '/funds/1/edit',
    '/funds/1/awards/new', '/awards/1/edit', '/actions/1', '/actions/1?saved=changed']) {
    const r = await raw(`GET ${path} HTTP/1.1\r\n${host()}${cookie}Connection: close\r\n\r\n`);
    assert.equal(r.status, 200, path);
    assert.ok(r.body.includes(`name="csrf" value="${token}"`), `${path} carries the form token`);
    assert.deepEqual(r.headers['cache-control'], ['no-store'], path);
  }
  // A form shown again with what was typed, after a post.
  const body = `csrf=${token}&plan_id=1&title=`;
  const again = await raw(`POST /actions HTTP/1.1\r\n${host()}${cookie}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
  assert.equal(again.status, 400);
  assert.deepEqual(again.headers['cache-control'], ['no-store'], 'a form shown again');
  for (const path of ['/', '/actions', '/funds/1', '/api/v1/actions/1']) {
    const r = await raw(`GET ${path} HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`);
    assert.equal(r.status, 200, path);
    assert.deepEqual(r.headers['cache-control'], ['no-cache'], path);
  }
});
