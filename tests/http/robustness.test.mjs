// tests/http/robustness.test.mjs: thousands of malformed requests over raw
// TCP (bad JSON, invalid UTF-8, NUL bytes, oversized headers and bodies,
// bogus methods, HTTP/0.9 lines, truncated, slow and dropped connections,
// random bytes, bad Content-Length, path traversal, unknown routes).  The
// server must answer each one sensibly (never 5xx), stay up, and keep its
// data.  Random choices come from a fixed seed, so a failure reproduces.
import test from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from '../lib/server.mjs';

const SEED = 20210614;
const TOTAL = 3200;
const PARALLEL = 32;

let srv;
test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

function mulberry32(a) {
  return () => {
    a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Has buf a whole response (headers, and the body its Content-Length
// says)?  A response to HEAD has no body.
function complete(buf, head) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return false;
  if (head) return true;
  const m = /\r\ncontent-length: *(\d+)\r\n/i.exec(buf.subarray(0, end + 2).toString('latin1'));
  return m ? buf.length - end - 4 >= Number(m[1]) : false;
}

// Send one request: spec.data (Buffer), or spec.chunks ([Buffer, delay ms]
// pairs) for slow clients; half-close unless spec.keepOpen; stop at the
// first whole response (the server may keep the connection open), or
// after spec.wait ms.  Resolves {status (0 if none), text}.
function send(spec) {
  const first = spec.data || spec.chunks?.[0]?.[0] || Buffer.alloc(0);
  const head = first.subarray(0, 5).toString('latin1') === 'HEAD ';
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
    const timer = setTimeout(finish, spec.wait ?? 5000);
    s.on('data', (d) => { got.push(d); if (complete(Buffer.concat(got), head)) finish(); });
    s.on('error', finish);
    s.on('close', finish);
    s.on('connect', async () => {
      try {
        if (spec.chunks) {
          for (const [chunk, delay] of spec.chunks) {
            if (s.destroyed) return;
            s.write(chunk);
            await sleep(delay);
          }
        } else if (spec.data) {
          s.write(spec.data);
        }
        if (!spec.keepOpen && !s.destroyed) s.end();
      } catch { finish(); }
    });
  });
}

async function snapshot() {
  const out = {};
  for (const p of ['/api/v1/plans/1', '/api/v1/actions', '/api/v1/funds', '/api/v1/plans',
    '/api/v1/awards', '/api/v1/outcomes']) {
    const r = await fetch(srv.url + p);
    assert.equal(r.status, 200, p);
    out[p] = await r.json();
  }
  return out;
}

// ---------------------------------------------------------------------
// The generators: each returns {cat, data | chunks, ...}.

function makeGenerators(rnd, port) {
  const H = `Host: 127.0.0.1:${port}\r\n`;
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const int = (n) => Math.floor(rnd() * n);
  const bytes = (n) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const B = (...parts) => Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p, 'latin1'))));
  const req = (method, path, headers, body = Buffer.alloc(0)) =>
    B(`${method} `, path, ` HTTP/1.1\r\n${H}${headers}`, `Content-Length: ${body.length}\r\n\r\n`, body);

  const templates = [
    '{"plan_id":1,"title":"A new action","status":"in_progress"}',
    '{"title":"x","due_on":"2021-03-31","rag":"red","theme_id":2}',
    '{"body":"Progress","status":"completed"}',
    '{"title":"nested","description":{"a":[1,2,{"b":null}]}}',
    '[1,2,3]',
  ];
  function badJSON() {
    let b = Buffer.from(pick(templates));
    const n = 1 + int(4);
    for (let i = 0; i < n; i++) {
      const at = int(b.length + 1);
      switch (int(6)) {
        case 0: b = b.subarray(0, at); break; // truncate
        case 1: b = B(b.subarray(0, at), b.subarray(at + 1)); break; // delete
        case 2: b = B(b.subarray(0, at), Buffer.from([int(256)]), b.subarray(at)); break;
        case 3: b = B(b.subarray(0, at), pick(['{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '\\ud800', 'nul', '1e99999', '-', '\0', '\xff', '\xc3'])
          , b.subarray(at)); break;
        case 4: b = B(b.subarray(0, at), '{"a":'.repeat(1 + int(300)), b.subarray(at)); break; // deep nesting
        default: b = B(b.subarray(0, at), bytes(1 + int(8)), b.subarray(at)); break;
      }
    }
    // Keep it invalid (a valid body could change the data).
    try { JSON.parse(b.toString('utf8')); b = B('x', b); } catch { /* invalid: good */ }
    return b;
  }

  const routes = ['/', '/plans', '/plans/1', '/themes/1', '/priorities/1', '/actions', '/actions/1',
    '/actions/new', '/funding', '/funds/1', '/governance', '/outcomes', '/organisations', '/actions.csv',
    '/awards.csv', '/static/safer.css', '/healthz', '/api/v1/plans', '/api/v1/plans/1', '/api/v1/actions',
    '/api/v1/actions/1', '/api/v1/funds', '/api/v1/outcomes', '/api/v1/people', '/api/v1/boards',
    '/api/v1/crime/summary', '/api/v1/crime/counts?by=month', '/api/v1/crime/top?by=lsoa', '/static/favicon.svg'];

  return {
    // Invalid JSON to every JSON write.
    badjson() {
      const target = pick([['POST', '/api/v1/actions'], ['PATCH', '/api/v1/actions/1'],
        ['POST', '/api/v1/actions/2/updates'], ['PATCH', '/api/v1/actions/3']]);
      return { cat: 'badjson', data: req(target[0], target[1], 'Content-Type: application/json\r\n', badJSON()) };
    },
    // Invalid UTF-8 in the path, percent-encoded or raw.
    utf8path() {
      const bad = pick(['%FF', '%C3%28', '%E2%82', '%ED%A0%80', '%F8%88%80%80%80', '%C0%AF', Buffer.from([0xff]),
        Buffer.from([0xc3, 0x28]), Buffer.from([0xfe, 0xfe])]);
      const path = B(pick(['/', '/api/v1/', '/actions/', '/static/']), bad, pick(['', 'x', '/1']));
      return { cat: 'utf8path', data: req(pick(['GET', 'POST', 'HEAD']), path, '') };
    },
    // Invalid UTF-8 in a query parameter's name or value.
    utf8query() {
      const bad = pick(['%FF', '%C3%28', '%80', Buffer.from([0xff]), Buffer.from([0xc0, 0x80])]);
      const path = B(pick(['/actions', '/api/v1/actions', '/funding', '/api/v1/funds', '/actions.csv',
        '/api/v1/crime/counts']), '?',
        rnd() < 0.5 ? B('status=', bad) : B(bad, '=1'));
      return { cat: 'utf8query', data: req('GET', path, '') };
    },
    // Invalid UTF-8 or NUL in a form or JSON body.
    badbody() {
      const kind = int(4);
      if (kind === 0)
        return { cat: 'nulbody', data: req('POST', '/api/v1/actions', 'Content-Type: application/json\r\n', B('{"title":"a', '\0', 'b","plan_id":1}')) };
      if (kind === 1)
        return { cat: 'badbody', data: req('POST', '/api/v1/actions', 'Content-Type: application/json\r\n', B('{"plan_id":1,"title":"', Buffer.from([0xff, 0xfe]), '"}')) };
      if (kind === 2)
        return { cat: 'badbody', data: req('POST', pick(['/actions', '/funds', '/actions/1/updates']),
          'Content-Type: application/x-www-form-urlencoded\r\nCookie: safer_csrf=00000000000000000000000000000000\r\n',
          B('csrf=00000000000000000000000000000000&title=', pick(['%FF', '%00', Buffer.from([0xff]), '%', '%%%', '&&&=&=='.repeat(10)]))) };
      return { cat: 'badbody', data: req('POST', '/actions', 'Content-Type: application/x-www-form-urlencoded\r\n',
        B('a=1&'.repeat(1100))) };
    },
    // NUL bytes in the request line or a header.
    nul() {
      return { cat: 'nul', wait: 400, data: pick([
        B('GET /actions\0/1 HTTP/1.1\r\n', H, '\r\n'),
        B('GET /api/v1/actions?plan=1\0 HTTP/1.1\r\n', H, '\r\n'),
        B('GET / HTTP/1.1\r\n', H, 'X-A: b\0c\r\n\r\n'),
        B('GET /\0 HTTP/1.1\r\n', H, '\r\n'),
        B('\0\0\0\0\r\n\r\n'),
      ]) };
    },
    // A header line of 100 KiB (the limit is 64 KiB of connection memory).
    bigheader() {
      const which = int(3);
      const big = 'a'.repeat(100 * 1024);
      const data = which === 0 ? B('GET / HTTP/1.1\r\n', H, `X-Big: ${big}\r\n\r\n`)
        : which === 1 ? B(`GET /${big} HTTP/1.1\r\n`, H, '\r\n')
          : B('GET / HTTP/1.1\r\n', H, `Cookie: safer_csrf=${big}\r\n\r\n`);
      return { cat: 'bigheader', data };
    },
    // Bodies over 1 MiB, declared or chunked.
    bigbody() {
      const body = Buffer.alloc(1024 * 1024 + 1 + int(4096), 0x61);
      if (rnd() < 0.5)
        return { cat: 'bigbody', data: req('POST', '/api/v1/actions', 'Content-Type: application/json\r\n', body) };
      const chunks = [];
      for (let i = 0; i < body.length; i += 262144) {
        const part = body.subarray(i, i + 262144);
        chunks.push(Buffer.from(part.length.toString(16) + '\r\n'), part, Buffer.from('\r\n'));
      }
      return { cat: 'bigbody', data: B('POST /api/v1/actions HTTP/1.1\r\n', H,
        'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', ...chunks, '0\r\n\r\n') };
    },
    // Methods that do not exist, in odd cases and lengths.
    method() {
      const m = pick(['FOO', 'get', 'Get', 'OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND', 'G', 'X'.repeat(1 + int(2000)),
        'GET\tGET', 'BREW', 'DELETE', 'PUT']);
      return { cat: 'method', data: req(m, pick(routes), '') };
    },
    // HTTP/0.9 and other broken request lines.
    requestline() {
      return { cat: 'requestline', wait: 400, data: B(pick([
        'GET /\r\n', 'GET /\r\n\r\n', 'GET\r\n\r\n', 'GET / HTTP/2.0\r\n\r\n', 'GET / HTTP/1.1 extra\r\n\r\n',
        'GET / HTTP/9.9\r\n\r\n', ' / HTTP/1.1\r\n\r\n', 'GET  HTTP/1.1\r\n\r\n', 'GET / HTTX/1.1\r\n\r\n',
        'GET / HTTP/1.1\n\n', 'GET / HTTP/1.1\r\nno colon here\r\n\r\n', 'GET / HTTP/1.1\r\n: empty\r\n\r\n',
        `GET / HTTP/1.1\r\n${H} folded\r\n\r\n`, '\r\n\r\n\r\n', 'GET http://evil.example/ HTTP/1.1\r\n\r\n',
        'GET //// HTTP/1.1\r\n\r\n', `GET * HTTP/1.1\r\n${H}\r\n`,
      ])) };
    },
    // A valid request cut short, then closed or left open.
    truncated() {
      const full = req('POST', '/api/v1/actions', 'Content-Type: application/json\r\n', Buffer.from('{"plan_id":1,"title":"never finished"}'));
      const cut = full.subarray(0, 1 + int(full.length - 2));
      return rnd() < 0.5 ? { cat: 'truncated', data: cut, wait: 400 }
        : { cat: 'truncated', data: cut, keepOpen: true, wait: 50 + int(100) };
    },
    // Random bytes, raw or after a plausible start.
    random() {
      const tail = bytes(1 + int(600));
      return { cat: 'random', wait: 400, data: rnd() < 0.5 ? tail : B(pick(['GET /', 'POST /api/v1/actions HTTP/1.1\r\n', 'GET / HTTP/1.1\r\n']), tail) };
    },
    // Content-Length: huge, negative, not a number, duplicated, disagreeing.
    contentlength() {
      const body = '{"title":"x"}';
      const cl = pick([
        'Content-Length: 99999999999999999999999\r\n', 'Content-Length: 18446744073709551616\r\n',
        'Content-Length: 9223372036854775807\r\n', 'Content-Length: -1\r\n', 'Content-Length: -0\r\n',
        'Content-Length: 1e3\r\n', 'Content-Length: abc\r\n', 'Content-Length: \r\n', 'Content-Length: 0x10\r\n',
        'Content-Length: 5\r\nContent-Length: 5\r\n', 'Content-Length: 3\r\nContent-Length: 13\r\n',
        'Content-Length: 13, 13\r\n', 'Content-Length: +13\r\n', 'Transfer-Encoding: chunked\r\nContent-Length: 13\r\n',
        'Transfer-Encoding: gzip\r\n', 'Transfer-Encoding: chunked\r\n',
      ]);
      return { cat: 'contentlength', data: B('POST /api/v1/actions HTTP/1.1\r\n', H,
        'Content-Type: application/json\r\n', cl, '\r\n', body), wait: 1500 };
    },
    // Path traversal and odd paths that must not reach the file system.
    traversal() {
      const path = pick(['/static/../../etc/passwd', '/static/%2e%2e/%2e%2e/etc/passwd', '/static/..%2f..%2fetc%2fpasswd',
        '/../../../../etc/passwd', '/static/....//....//etc/passwd', '/static/%252e%252e/etc/passwd',
        '/static/safer.css/../../../etc/passwd', '/static/..\\..\\etc\\passwd', '/static//etc/passwd',
        '/static/%c0%ae%c0%ae/etc/passwd', '/static/./safer.css', '/static/safer.css/', '/static/SAFER.CSS']);
      return { cat: 'traversal', data: req('GET', path, '') };
    },
    // Addresses that do not exist.
    unknown() {
      const path = pick(['/nope', '/api/v1/nope', '/api/v1/actions/1/nope', '/actions/1/2/3', '/plans/0',
        '/plans/-1', '/themes/99999999999999999999', '/api', '/api/', '/api/v1', '/ACTIONS', '/actions/',
        '/index.html', '/.git/config', '/static/', '/static/missing.js', `/${'x/'.repeat(200)}`]);
      return { cat: 'unknown', data: req(pick(['GET', 'HEAD']), path, '') };
    },
    // Header oddities: many headers, bad Host, bad cookies.
    headers() {
      const which = int(4);
      if (which === 0)
        return { cat: 'headers', data: B('GET / HTTP/1.1\r\n', H, Array.from({ length: 500 }, (_, i) => `X-H${i}: v\r\n`).join(''), '\r\n') };
      if (which === 1)
        return { cat: 'badhost', data: B('GET /api/v1/plans HTTP/1.1\r\nHost: ', pick(['evil.example', '127.0.0.1', `127.0.0.1:${port + 1}`, 'localhost', '', `[::1]:${port}x`, Buffer.from([0xff])]), '\r\n\r\n') };
      if (which === 2)
        return { cat: 'headers', data: B('GET /actions/new HTTP/1.1\r\n', H, 'Cookie: ', pick(['safer_csrf=', 'safer_csrf=zz', ';;;;', 'safer_csrf=' + 'f'.repeat(31), '=' .repeat(100)]), '\r\n\r\n') };
      return { cat: 'headers', data: B('POST /api/v1/actions HTTP/1.1\r\n', H, 'Content-Type: ', pick(['', ';', 'application/json' + ';'.repeat(100), '\xff']), '\r\nContent-Length: 2\r\n\r\n{}') };
    },
  };
}

// The categories and how often each is drawn (out of the total weight).
const WEIGHTS = {
  badjson: 30, utf8path: 12, utf8query: 10, badbody: 10, nul: 8, bigheader: 2, bigbody: 0.4, method: 8,
  requestline: 8, truncated: 10, random: 14, contentlength: 8, traversal: 6, unknown: 8, headers: 6,
};

test('thousands of malformed requests: sensible answers, no 5xx, server up, data unchanged', async () => {
  const before = await snapshot();
  const rnd = mulberry32(SEED);
  const gens = makeGenerators(rnd, srv.port);
  const names = Object.keys(WEIGHTS);
  const total = names.reduce((s, n) => s + WEIGHTS[n], 0);
  const specs = [];
  for (let i = 0; i < TOTAL; i++) {
    let x = rnd() * total;
    const name = names.find((n) => (x -= WEIGHTS[n]) < 0) || names[0];
    specs.push({ gen: name, ...gens[name]() });
  }
  // A few slow clients: a valid request a few bytes at a time.
  for (let i = 0; i < 6; i++) {
    const r = Buffer.from(`GET /api/v1/plans/1 HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\n\r\n`);
    const chunks = [];
    for (let k = 0; k < r.length; k += 7) chunks.push([r.subarray(k, k + 7), 15]);
    specs.push({ gen: 'slow', cat: 'slow', chunks });
  }
  // Connections opened and dropped without a byte.
  for (let i = 0; i < 30; i++) specs.push({ gen: 'empty', cat: 'empty', data: Buffer.alloc(0), wait: 300 });

  const results = new Array(specs.length);
  let next = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (next < specs.length) {
      const i = next++;
      results[i] = await send(specs[i]);
    }
  }));
  const elapsed = Date.now() - started;

  const byCat = {};
  const problems = [];
  for (const [i, spec] of specs.entries()) {
    const { status, text } = results[i];
    (byCat[spec.cat] ??= {})[status] = (byCat[spec.cat][status] || 0) + 1;
    const show = () => `#${i} ${spec.cat}: ${JSON.stringify((spec.data || Buffer.alloc(0)).subarray(0, 120).toString('latin1'))} -> ${status} ${JSON.stringify(text.slice(0, 200))}`;
    if (status >= 500 && !(status === 505 && spec.cat === 'requestline')) problems.push(`5xx: ${show()}`);
    if (/root:.*:0:0:/.test(text)) problems.push(`file contents leaked: ${show()}`);
    const want = {
      badjson: [400], utf8path: [400], utf8query: [400], nulbody: [400], badbody: [400, 403],
      bigheader: [431, 414, 0], bigbody: [413, 0], traversal: [404, 400], unknown: [404, 400],
      badhost: [400], slow: [200], method: [400, 405, 501],
    }[spec.cat];
    if (want && !want.includes(status)) problems.push(`unexpected status: ${show()}`);
    if (status && !/\r\n\r\n/.test(text)) problems.push(`incomplete response: ${show()}`);
  }
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems; statuses by category: ${JSON.stringify(byCat)}`);
  assert.ok(specs.length >= 3000);
  assert.ok(elapsed < 60000, `took ${elapsed} ms`);

  assert.ok(srv.alive(), 'the server process is still running');
  const h = await fetch(srv.url + '/healthz');
  assert.equal(h.status, 200);
  const health = await h.json();
  assert.equal(health.status, 'ok');
  assert.ok(Number.isInteger(health.schema_version) && health.schema_version >= 1);
  assert.deepEqual(await snapshot(), before, 'the data is unchanged');
});

test('specific malformed requests get the specific answers', async () => {
  const H = `Host: 127.0.0.1:${srv.port}\r\n`;
  const cases = [
    ['invalid UTF-8 (%FF) in the path', `GET /api/v1/actions%FF HTTP/1.1\r\n${H}\r\n`, 400],
    ['raw 0xFF in the path', Buffer.concat([Buffer.from('GET /actions/'), Buffer.from([0xff]), Buffer.from(` HTTP/1.1\r\n${H}\r\n`)]), 400],
    ['%FF in a query value', `GET /api/v1/actions?status=%FF HTTP/1.1\r\n${H}\r\n`, 400],
    ['%FF in a query name', `GET /actions?%FF=1 HTTP/1.1\r\n${H}\r\n`, 400],
    ['NUL in a JSON body', `POST /api/v1/actions HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 3\r\n\r\n{\0}`, 400],
    ['100 KiB header line', `GET / HTTP/1.1\r\n${H}X-Big: ${'b'.repeat(102400)}\r\n\r\n`, 431],
    ['bogus method', `BREW /api/v1/actions HTTP/1.1\r\n${H}\r\n`, 405],
    ['huge Content-Length', `POST /api/v1/actions HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{}`, 413],
    ['negative Content-Length', `POST /api/v1/actions HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: -1\r\n\r\n{}`, 400],
    ['traversal out of /static', `GET /static/../../etc/passwd HTTP/1.1\r\n${H}\r\n`, 404],
    ['encoded traversal', `GET /static/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n${H}\r\n`, 404],
    ['unknown route', `GET /api/v1/secrets HTTP/1.1\r\n${H}\r\n`, 404],
    ['no Host', 'GET /api/v1/plans HTTP/1.1\r\n\r\n', 400],
    ['HTTP/0.9', 'GET /\r\n\r\n', 400],
  ];
  for (const [what, data, status] of cases) {
    const r = await send({ data: Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1') });
    assert.equal(r.status, status, `${what}: ${JSON.stringify(r.text.slice(0, 300))}`);
    assert.ok(!/root:.*:0:0:/.test(r.text));
  }
  const ok = await fetch(srv.url + '/static/safer.css');
  assert.equal(ok.status, 200, 'the stylesheet is still served');
  assert.ok(srv.alive());
});

test('conflicting Content-Length headers are refused (RFC 9112 6.3)', async () => {
  // Two different lengths make the end of the body ambiguous (request
  // smuggling behind a proxy): the request must be refused with 400, and
  // not read with either length.
  const H = `Host: 127.0.0.1:${srv.port}\r\n`;
  const body = '{"plan_id":1,"title":"smuggled action"}';
  const r = await send({ data: Buffer.from(`POST /api/v1/actions HTTP/1.1\r\n${H}Content-Type: application/json\r\n` +
    `Content-Length: ${body.length}\r\nContent-Length: ${body.length + 40}\r\n\r\n${body}`), wait: 2000 });
  const list = await (await fetch(srv.url + '/api/v1/actions')).json();
  const created = list.actions.some((a) => a.title === 'smuggled action');
  assert.ok(!created && r.status === 400,
    `answered ${r.status}${created ? ' and created the action from the first length' : ''}: ${JSON.stringify(r.text.slice(-200))}`);
});

test('a NUL (%00) in the path or a query value is refused, not cut off', async () => {
  // libmicrohttpd hands over the decoded path and query as C strings, so
  // everything after a %00 is silently dropped: /static/safer.css%00.html
  // is served as /static/safer.css, and status=completed%00x filters on
  // "completed".  Like a NUL in a body, it should be a 400.
  const H = `Host: 127.0.0.1:${srv.port}\r\n`;
  const wrong = [];
  for (const path of ['/static/safer.css%00.html', '/api/v1/actions/1%00/updates',
    '/api/v1/actions?status=completed%00junk', '/api/v1/actions?plan=1%00junk']) {
    const r = await send({ data: Buffer.from(`GET ${path} HTTP/1.1\r\n${H}\r\n`) });
    if (r.status !== 400) wrong.push(`GET ${path} -> ${r.status}`);
  }
  assert.deepEqual(wrong, []);
});
