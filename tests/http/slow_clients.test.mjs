// tests/http/slow_clients.test.mjs: clients too slow to send a request
// cannot take the server offline.  A thousand connections each send part
// of a request line and then a few bytes of a header now and then, never
// finishing; meanwhile /healthz must keep answering (each within a
// generous 5 s, so that a slow machine does not fail it), and each slow
// connection must be cut off by the server once the deadline for a whole
// request has passed, not before.  The server runs with a short deadline
// (--request-deadline 2) to keep this quick.  A request sent slowly but
// within the deadline is answered, and a kept-alive connection gets the
// deadline afresh for its next request.
import test from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from '../lib/server.mjs';

const SLOW = 1000;
const DEADLINE_S = 2;
// "Not before the deadline", allowing for this process noticing the
// connection late when the machine is busy.
const AT_LEAST_MS = DEADLINE_S * 1000 * 0.8;

let srv;
test.before(async () => { srv = await startServer({ args: ['--request-deadline', String(DEADLINE_S)] }); });
test.after(async () => { await srv?.stop(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// A wait that does not keep the test's process alive once it is done.
const atMost = (ms) => new Promise((r) => setTimeout(r, ms).unref());

// A connection that sends the start of a request and then a byte of a
// header every few hundred milliseconds, never ending its headers.
// Resolves once connected; .closed resolves with how long the connection
// lived and what came back, when the server ends it.
function slowClient() {
  return new Promise((resolve, reject) => {
    const s = net.connect(srv.port, '127.0.0.1');
    const got = [];
    let opened = 0;
    let tick;
    const closed = new Promise((done) => {
      s.on('close', () => {
        clearInterval(tick);
        done({ lived: Date.now() - opened, got: Buffer.concat(got).toString('latin1') });
      });
    });
    s.on('data', (d) => got.push(d));
    s.on('error', () => {});
    s.on('connect', () => {
      opened = Date.now();
      s.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nX-Slow: `);
      tick = setInterval(() => { if (!s.destroyed) s.write('a'); }, 300 + Math.floor(Math.random() * 200));
      resolve({ socket: s, closed });
    });
    s.once('error', reject);
  });
}

// GET /healthz on a new connection (as a monitor would: a pooled
// connection opened before the slow clients came would not show a full
// server), answered within 5 s.
function healthz() {
  return new Promise((resolve, reject) => {
    const s = net.connect(srv.port, '127.0.0.1');
    const got = [];
    const timer = setTimeout(() => { s.destroy(); reject(new Error('/healthz: no answer within 5 s')); }, 5000);
    s.on('data', (d) => got.push(d));
    s.on('error', (e) => { clearTimeout(timer); reject(e); });
    s.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(got).toString('latin1');
      if (!/^HTTP\/1\.1 200 /.test(text) || !text.includes('"status":"ok"'))
        reject(new Error(`/healthz answered ${JSON.stringify(text.slice(0, 80))}`));
      else resolve();
    });
    s.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nConnection: close\r\n\r\n`);
  });
}

test('1,000 slow clients: /healthz keeps answering, and each is cut off after the deadline', async () => {
  const slow = [];
  for (let i = 0; i < SLOW; i += 100)
    slow.push(...await Promise.all(Array.from({ length: Math.min(100, SLOW - i) }, slowClient)));
  assert.equal(slow.length, SLOW, 'every slow client got a connection');
  // /healthz throughout: from before the deadline until every slow client
  // is gone.
  let asked = 0;
  let gone = false;
  const all = Promise.all(slow.map((c) => c.closed)).then((v) => { gone = true; return v; });
  const until = Date.now() + 30000;
  while ((!gone || asked < 20) && Date.now() < until) {
    await healthz();
    asked++;
    await sleep(100);
  }
  assert.ok(gone, 'the server cut every slow client off');
  const ends = await all;
  for (const { lived, got } of ends) {
    assert.ok(lived >= AT_LEAST_MS, `a slow client lived ${lived} ms, less than the deadline`);
    assert.doesNotMatch(got, /^HTTP\/1\.1 200/, 'no answer to a request that never ended');
  }
  assert.ok(asked >= 20, `/healthz answered ${asked} times meanwhile`);
  await healthz();
  assert.ok(srv.alive());
});

test('a request sent slowly but within the deadline is answered', async () => {
  const s = net.connect(srv.port, '127.0.0.1');
  await new Promise((r) => s.on('connect', r));
  const got = [];
  s.on('data', (d) => got.push(d));
  const closed = new Promise((r) => s.on('close', r));
  const parts = ['GET /healthz HTTP/1.1\r\n', `Host: 127.0.0.1:${srv.port}\r\n`, 'X-Slow: yes\r\n',
    'Connection: close\r\n', '\r\n'];
  for (const p of parts) {
    await sleep(DEADLINE_S * 1000 / 10);
    s.write(p);
  }
  await closed;
  assert.match(Buffer.concat(got).toString('latin1'), /^HTTP\/1\.1 200/);
});

test('a kept-alive connection has the deadline afresh for each request', async () => {
  const s = net.connect(srv.port, '127.0.0.1');
  await new Promise((r) => s.on('connect', r));
  let got = '';
  s.on('data', (d) => { got += d.toString('latin1'); });
  let closedAt = 0;
  const closed = new Promise((r) => s.on('close', () => { closedAt = Date.now(); r(); }));
  const req = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\n\r\n`;
  // Two requests, each after most of a deadline: both answered.
  for (let i = 1; i <= 2; i++) {
    await sleep(DEADLINE_S * 1000 * 0.6);
    s.write(req);
    const t = Date.now();
    while ((got.match(/HTTP\/1\.1 200/g) || []).length < i && Date.now() - t < 5000) await sleep(20);
    assert.equal((got.match(/HTTP\/1\.1 200/g) || []).length, i, `request ${i} on the connection answered`);
  }
  // Then the start of a third, never finished: cut after the deadline.
  const started = Date.now();
  s.write('GET /healthz HTTP/1.1\r\n');
  await Promise.race([closed, atMost(30000)]);
  assert.ok(closedAt, 'the server cut the connection');
  assert.ok(closedAt - started >= AT_LEAST_MS, 'not before the deadline');
});
