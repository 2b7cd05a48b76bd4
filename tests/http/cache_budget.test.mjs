// tests/http/cache_budget.test.mjs: the response cache keeps to one budget
// of bytes for the whole server, however many distinct addresses are
// asked for.  The server runs with a small budget (--cache-mb 4) and is
// asked thousands of distinct query strings, most of them large answers
// (crime counts by LSOA, about 130 KB each); its resident memory
// (VmRSS in /proc/PID/status) must stay within the budget plus a fixed
// allowance.  Query parameters a route does not declare never make an
// entry: a page drops them (the same page as without them), the API
// refuses them and repeated ones with 400 naming the parameter.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../lib/server.mjs';

const BUDGET_MIB = 4;
// What the server may grow by beyond the cache's budget: malloc's
// per-thread arenas and their fragmentation, the workers' request
// arenas, libmicrohttpd's connection pools.
const ALLOWANCE_MIB = 24;
const PARALLEL = 4;

// Under AddressSanitizer (the sanitized layer sets ASAN_OPTIONS), freed
// memory is held in a quarantine of 256 MiB to catch use after free,
// which would hide what the cache gives back: keep none for this server.
const env = process.env.ASAN_OPTIONS
  ? { ASAN_OPTIONS: `${process.env.ASAN_OPTIONS}:quarantine_size_mb=0:thread_local_quarantine_size_kb=0` }
  : {};

let srv;
test.before(async () => { srv = await startServer({ args: ['--cache-mb', String(BUDGET_MIB)], env }); });
test.after(async () => { await srv?.stop(); });

function rssKiB() {
  const status = readFileSync(`/proc/${srv.pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)[1]);
}

async function get(path) {
  const r = await fetch(srv.url + path);
  return { status: r.status, body: await r.text() };
}

// GET every path, PARALLEL at a time; check(path, response) for each;
// calls sample() every 50 requests.
async function sweep(paths, check, sample = () => {}) {
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < paths.length) {
      const path = paths[next++];
      check(path, await get(path));
      if (++done % 50 === 0) sample();
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split('-').map(Number);
  for (;;) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    out.push(s);
    if (s === last) return out;
    if (++m > 12) { m = 1; y++; }
  }
}

test('thousands of distinct query strings: memory stays within the cache budget', async () => {
  const summary = JSON.parse((await get('/api/v1/crime/summary')).body);
  const months = monthsBetween(summary.street.first_month, summary.street.last_month);
  assert.ok(months.length >= 12, 'the demo has months of crime data');
  const paths = [];
  for (const by of ['lsoa', 'ward'])
    for (let i = 0; i < months.length; i++)
      for (let j = i; j < months.length; j++)
        paths.push(`/api/v1/crime/counts?by=${by}&from=${months[i]}&to=${months[j]}`);
  for (let n = 1; n <= 800; n++) paths.push(`/actions?owner=${n}`);
  assert.ok(paths.length > 2000, `${paths.length} distinct addresses`);

  // Warm up: the crime engine and one of each answer, then the baseline.
  await sweep(paths.filter((_, i) => i % 200 === 0), (p, r) => assert.equal(r.status, 200, p));
  const baseline = rssKiB();
  let peak = baseline;
  let big = 0;
  await sweep(paths, (p, r) => {
    assert.equal(r.status, 200, p);
    if (r.body.length > 100000) big++;
  }, () => { peak = Math.max(peak, rssKiB()); });
  peak = Math.max(peak, rssKiB());
  assert.ok(big > 500, `many large answers (${big})`);
  const grew = (peak - baseline) / 1024;
  assert.ok(grew <= BUDGET_MIB + ALLOWANCE_MIB,
    `the server grew by ${grew.toFixed(1)} MiB over ${paths.length} addresses; ` +
    `budget ${BUDGET_MIB} MiB plus ${ALLOWANCE_MIB} MiB allowed`);
  assert.ok(srv.alive(), 'the server is up');
});

test('pages drop query parameters they do not read: the same page, no new entry', async () => {
  const plain = await get('/actions?overdue=');
  const plans = await get('/plans');
  assert.equal(plain.status, 200);
  const paths = [];
  for (let n = 1; n <= 500; n++) {
    paths.push(`/actions?overdue=&overdue=${n}`);
    paths.push(`/plans?utm_source=${n}&ref=${n}`);
  }
  const baseline = rssKiB();
  await sweep(paths, (p, r) => {
    assert.equal(r.status, 200, p);
    assert.equal(r.body, p.startsWith('/plans') ? plans.body : plain.body, `${p} is the page without the extras`);
  });
  assert.ok(rssKiB() - baseline < ALLOWANCE_MIB * 1024);
});

test('the API refuses unknown and repeated parameters, naming them', async () => {
  const paths = [];
  for (let n = 1; n <= 300; n++) {
    paths.push(`/api/v1/actions?overdue=&overdue=${n}`);
    paths.push(`/api/v1/actions?status=completed&x${n}=1`);
    paths.push(`/api/v1/plans?v=${n}`);
  }
  await sweep(paths, (p, r) => {
    assert.equal(r.status, 400, p);
    const { error } = JSON.parse(r.body);
    assert.equal(error.code, 'invalid', p);
    if (p.includes('overdue')) {
      assert.equal(error.field, 'overdue', p);
      assert.equal(error.message, "query parameter 'overdue' is given more than once", p);
    } else {
      const name = /[?&]((x\d+)|v)=/.exec(p)[1];
      assert.equal(error.field, name, p);
      assert.equal(error.message, `unknown query parameter '${name}'`, p);
    }
  });
  // A parameter that may be repeated: crime types.
  const two = await get('/api/v1/crime/counts?by=type&type=Burglary&type=Robbery');
  assert.equal(two.status, 200);
  assert.deepEqual(JSON.parse(two.body).query.types, ['Burglary', 'Robbery']);
});
