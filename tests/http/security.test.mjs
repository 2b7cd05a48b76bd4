// tests/http/security.test.mjs: security headers on every kind of response,
// the form-token cookie, the Host check on loopback (against DNS
// rebinding), the form token and Origin checks on page forms, and that
// "safer serve" listens on loopback by default.
import test from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { raw as rawRequest } from '../lib/raw.mjs';
import { startServer, bin } from '../lib/server.mjs';

let srv;
test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

const raw = (data) => rawRequest(srv.port, data, { end: true });

const CSP_PARTS = ["default-src 'none'", "style-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'"];

function assertSecurityHeaders(res, what) {
  const csp = res.headers.get('content-security-policy');
  assert.ok(csp, `${what}: Content-Security-Policy`);
  for (const part of CSP_PARTS) assert.ok(csp.includes(part), `${what}: CSP has ${part}`);
  assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), `${what}: CSP allows no inline script or eval`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
  assert.equal(res.headers.get('referrer-policy'), 'same-origin', `${what}: Referrer-Policy`);
}

test('security headers on pages, API answers, CSV, errors and the stylesheet', async () => {
  for (const path of ['/', '/plans', '/plans/1', '/themes/1', '/priorities/1', '/actions', '/actions/1',
    '/actions/new', '/actions/1/edit', '/funding', '/funds/1', '/funds/new', '/governance', '/outcomes',
    '/organisations', '/actions.csv', '/awards.csv', '/static/safer.css', '/api/v1/plans', '/api/v1/actions/1',
    '/healthz', '/no-such-page', '/api/v1/no-such-thing', '/actions/99999']) {
    const res = await fetch(srv.url + path);
    await res.arrayBuffer();
    assertSecurityHeaders(res, `GET ${path} (${res.status})`);
  }
  const res = await fetch(srv.url + '/api/v1/actions', { method: 'DELETE' });
  assertSecurityHeaders(res, '405');
});

test('pages are HTML in UTF-8 and load nothing from elsewhere', async () => {
  for (const path of ['/', '/actions', '/funding', '/actions/1']) {
    const res = await fetch(srv.url + path);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    const html = await res.text();
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!/<script/i.test(html), `${path} has no script`);
    assert.ok(!/\ssrc="(https?:)?\/\//.test(html) && !/<link[^>]*\shref="(https?:)?\/\//.test(html),
      `${path} loads nothing from another site`);
    assert.ok(!/\sstyle="/.test(html), `${path} has no inline style (CSP style-src 'self')`);
  }
});

test('the form token cookie is HttpOnly and SameSite=Strict, set once, only on pages', async () => {
  const res = await fetch(srv.url + '/actions/new');
  const cookie = res.headers.get('set-cookie');
  assert.ok(cookie, 'a page sets the form token cookie');
  assert.match(cookie, /^safer_csrf=[0-9a-f]{32};/);
  const attrs = cookie.split(';').map((x) => x.trim().toLowerCase());
  assert.ok(attrs.includes('httponly'), 'HttpOnly');
  assert.ok(attrs.includes('samesite=strict'), 'SameSite=Strict');
  assert.ok(attrs.includes('path=/'), 'Path=/');
  const token = /safer_csrf=([0-9a-f]{32})/.exec(cookie)[1];
  const html = await res.text();
  assert.ok(html.includes(`name="csrf" value="${token}"`), 'the form carries the same token');

  const again = await fetch(srv.url + '/actions/new', { headers: { Cookie: `safer_csrf=${token}` } });
  assert.equal(again.headers.get('set-cookie'), null, 'a client with a token keeps it');
  assert.ok((await again.text()).includes(`value="${token}"`));

  const other = await fetch(srv.url + '/actions/new');
  const token2 = /safer_csrf=([0-9a-f]{32})/.exec(other.headers.get('set-cookie'))[1];
  assert.notEqual(token2, token, 'each new client gets its own random token');

  for (const path of ['/api/v1/plans', '/actions.csv', '/static/safer.css'])
    assert.equal((await fetch(srv.url + path)).headers.get('set-cookie'), null, `no cookie on ${path}`);

  const bad = await fetch(srv.url + '/actions/new', { headers: { Cookie: 'safer_csrf=XYZ' } });
  assert.match(bad.headers.get('set-cookie') || '', /^safer_csrf=[0-9a-f]{32};/, 'a malformed token is replaced');
});

test('page forms need the token, a form body and the same origin', async () => {
  const first = await fetch(srv.url + '/actions/new');
  const token = /safer_csrf=([0-9a-f]{32})/.exec(first.headers.get('set-cookie'))[1];
  await first.text();
  const before = (await (await fetch(srv.url + '/api/v1/actions')).json()).count;
  const form = (fields) => new URLSearchParams({ plan_id: '1', title: 'Forged', status: 'not_started', ...fields }).toString();
  const post = (headers, body, path = '/actions') => fetch(srv.url + path, {
    method: 'POST', redirect: 'manual', body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });
  const cases = [
    ['no cookie, no token', {}, form({}), 403],
    ['no cookie', {}, form({ csrf: token }), 403],
    ['cookie, no token', { Cookie: `safer_csrf=${token}` }, form({}), 403],
    ['token differs', { Cookie: `safer_csrf=${token}` }, form({ csrf: '0'.repeat(32) }), 403],
    ['short token', { Cookie: `safer_csrf=${token}` }, form({ csrf: token.slice(0, 31) }), 403],
    ['cross-site Origin', { Cookie: `safer_csrf=${token}`, Origin: 'http://evil.example' }, form({ csrf: token }), 403],
    ['Sec-Fetch-Site cross-site', { Cookie: `safer_csrf=${token}`, 'Sec-Fetch-Site': 'cross-site' }, form({ csrf: token }), 403],
    ['JSON body', { Cookie: `safer_csrf=${token}`, 'Content-Type': 'application/json' }, JSON.stringify({ csrf: token, title: 'x' }), 415],
    ['text/plain body', { Cookie: `safer_csrf=${token}`, 'Content-Type': 'text/plain' }, form({ csrf: token }), 415],
  ];
  for (const [what, headers, body, status] of cases)
    for (const path of ['/actions', '/actions/1', '/actions/1/updates', '/funds', '/funds/1/awards']) {
      const r = await post(headers, body, path);
      assert.equal(r.status, status, `${what} on ${path}`);
      assert.match(r.headers.get('content-type'), /^text\/html/);
      await r.text();
    }
  assert.equal((await (await fetch(srv.url + '/api/v1/actions')).json()).count, before, 'nothing was created');
  const ok = await post({ Cookie: `safer_csrf=${token}`, Origin: srv.url, 'Sec-Fetch-Site': 'same-origin' }, form({ csrf: token }));
  assert.equal(ok.status, 303, 'the same request with the token and same origin goes through');
});

test('on loopback the server answers only to its own name (DNS rebinding)', async () => {
  const get = (host) => raw(`GET /api/v1/plans HTTP/1.1\r\n${host === null ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`);
  for (const host of [`127.0.0.1:${srv.port}`, `localhost:${srv.port}`, `LOCALHOST:${srv.port}`, `[::1]:${srv.port}`]) {
    const r = await get(host);
    assert.equal(r.status, 200, `Host: ${host}`);
  }
  for (const host of ['evil.example', `evil.example:${srv.port}`, '127.0.0.1', `127.0.0.1:${srv.port + 1}`,
    `127.0.0.1:${srv.port}.evil.example`, `localhost.evil.example:${srv.port}`, `127.0.0.2:${srv.port}`, '']) {
    const r = await get(host);
    assert.equal(r.status, 400, `Host: ${JSON.stringify(host)}`);
    assert.match(r.body, /"code":"bad_host"/, `Host: ${JSON.stringify(host)} answers JSON under /api/`);
  }
  const noHost = await raw('GET /api/v1/plans HTTP/1.0\r\n\r\n');
  assert.equal(noHost.status, 400, 'no Host at all');
  const page = await raw('GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n');
  assert.equal(page.status, 400);
  assert.match(page.head, /content-type: text\/html/i);
  const write = await raw('POST /api/v1/actions HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\n' +
    'Content-Length: 29\r\nConnection: close\r\n\r\n{"plan_id":1,"title":"rebnd"}');
  assert.equal(write.status, 400);
  const list = await (await fetch(srv.url + '/api/v1/actions')).json();
  assert.ok(!list.actions.some((a) => a.title === 'rebnd'));
});

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

// Start "safer serve" with args; resolve its first line of output.
function serveFirstLine(args) {
  return new Promise((resolve) => {
    const p = spawn(bin, ['--db', srv.db, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '', settled = false;
    const done = (line) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const finish = () => resolve({ line, out, err, code: p.exitCode });
      if (p.exitCode === null && p.signalCode === null) {
        p.once('exit', finish);
        p.kill('SIGTERM');
      } else {
        finish();
      }
    };
    const timer = setTimeout(() => done(null), 10000);
    p.stdout.on('data', (d) => { out += d; if (out.includes('\n')) done(out.split('\n')[0]); });
    p.stderr.on('data', (d) => { err += d; });
    p.on('exit', () => done(null));
  });
}

test('safer serve binds to 127.0.0.1:8080 by default', async (t) => {
  if (!(await portFree(8080))) {
    t.skip('port 8080 is in use here; the Host check above covers loopback serving');
    return;
  }
  const r = await serveFirstLine([]);
  if (r.line === null && /in use/.test(r.err)) {
    t.skip('port 8080 was taken meanwhile');
    return;
  }
  assert.ok(r.line, `serve printed nothing (stderr: ${r.err})`);
  assert.match(r.line, /on http:\/\/127\.0\.0\.1:8080\//);
  assert.ok(!/beyond this machine/.test(r.out));
});

test('safer serve --listen: bad addresses are usage errors', async () => {
  for (const listen of ['127.0.0.1:0', '127.0.0.1:99999', '127.0.0.1:http', '[::1', '127.0.0.1:-5']) {
    const r = await serveFirstLine(['--listen', listen]);
    assert.equal(r.line, null, `--listen ${listen} must not start`);
    assert.equal(r.code, 2, `--listen ${listen}: exit 2 (stderr: ${r.err})`);
  }
});

test('static files have one, cacheable, Cache-Control', async () => {
  // The standard "no-cache" must give way to the static files' own
  // header, not be sent beside it.
  for (const path of ['/static/safer.css', '/static/favicon.svg']) {
    const r = await raw(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nConnection: close\r\n\r\n`);
    assert.equal(r.status, 200, path);
    const values = r.head.split('\r\n').filter((l) => /^cache-control:/i.test(l));
    assert.deepEqual(values, ['Cache-Control: public, max-age=3600'], path);
  }
  const page = await fetch(srv.url + '/actions');
  assert.equal(page.headers.get('cache-control'), 'no-cache', 'pages are revalidated');
});
