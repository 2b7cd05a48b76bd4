// tests/http/crime_api.test.mjs: the crime API's shape, its internal
// consistency (totals, CSV against JSON, top against counts) and its
// refusals, on the demo's generated police.uk data and on a database with
// no police data; the numbers themselves are checked by another layer.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';

let srv, empty;
test.before(async () => {
  srv = await startServer();
  empty = await startServer({ demo: false });
});
test.after(async () => {
  await srv?.stop();
  await empty?.stop();
});

async function get(path, on = srv) {
  const r = await fetch(on.url + path);
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* CSV */ }
  return { status: r.status, type: r.headers.get('content-type'), headers: r.headers, text, json };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const sum = (rows) => rows.reduce((s, x) => s + x.count, 0);

test('summary: the demo has street-level crime, geography and a peer group', async () => {
  const r = await get('/api/v1/crime/summary');
  assert.equal(r.status, 200);
  const s = r.json;
  assert.deepEqual(Object.keys(s).sort(), ['files', 'geography_lsoas', 'outcomes', 'peer_groups', 'stop_search', 'street']);
  assert.ok(s.street.rows > 0 && s.street.force_months > 0 && s.files > 0);
  assert.ok(s.street.no_location >= 0 && s.street.no_location < s.street.rows);
  assert.match(s.street.first_month, MONTH);
  assert.match(s.street.last_month, MONTH);
  assert.ok(s.street.first_month <= s.street.last_month);
  assert.ok(s.geography_lsoas > 0);
  assert.ok(s.peer_groups >= 1);
  for (const k of ['outcomes', 'stop_search']) {
    assert.ok(Number.isInteger(s[k].rows) && Number.isInteger(s[k].force_months), k);
  }
});

test('counts: totals add up, and agree with the summary and the CSV', async () => {
  const s = (await get('/api/v1/crime/summary')).json;
  const m = await get('/api/v1/crime/counts?by=month');
  assert.equal(m.status, 200);
  assert.deepEqual(m.json.query.by, ['month']);
  assert.equal(m.json.query.from, s.street.first_month, 'the default period is all the data');
  assert.equal(m.json.query.to, s.street.last_month);
  assert.equal(m.json.total, s.street.rows, 'every row counted once');
  assert.equal(sum(m.json.rows), m.json.total, 'the months add up to the total');
  assert.ok(m.json.rows.every((x) => MONTH.test(x.month) && Number.isInteger(x.count) && x.count >= 0));
  const months = m.json.rows.map((x) => x.month);
  assert.deepEqual(months, [...months].sort(), 'months in order');
  const t = await get('/api/v1/crime/counts?by=type');
  assert.equal(sum(t.json.rows), t.json.total);
  assert.equal(t.json.total, m.json.total);

  const csv = await get('/api/v1/crime/counts?by=month&format=csv');
  assert.equal(csv.status, 200);
  assert.equal(csv.type, 'text/csv; charset=utf-8');
  // The file is named for what it holds: area, what is counted, how, months.
  assert.equal(csv.headers.get('content-disposition'),
               `attachment; filename="england-and-wales-crime-and-asb-by-month-${m.json.query.from}-to-${m.json.query.to}.csv"`);
  const lines = csv.text.split('\r\n');
  assert.equal(lines.pop(), '', 'rows end with CRLF');
  assert.equal(lines[0], 'month,count');
  assert.deepEqual(lines.slice(1), m.json.rows.map((x) => `${x.month},${x.count}`));

  const two = await get(`/api/v1/crime/counts?by=month,type&from=${months[0]}&to=${months[2]}`);
  assert.equal(two.status, 200);
  assert.equal(two.json.query.from, months[0]);
  assert.equal(two.json.query.to, months[2]);
  assert.equal(sum(two.json.rows), two.json.total);
  assert.equal(two.json.total, m.json.rows.slice(0, 3).reduce((a, x) => a + x.count, 0), 'three months by type = those months');
});

test('an area, a type and rates narrow the counts consistently', async () => {
  const all = (await get('/api/v1/crime/counts?by=district')).json;
  const stockport = await get('/api/v1/crime/counts?by=month&area=Stockport');
  assert.equal(stockport.status, 200);
  assert.equal(stockport.json.query.area, 'Stockport');
  assert.match(stockport.json.query.area_code, /^E0\d{7}$/);
  const d = all.rows.find((x) => x.district === 'Stockport');
  assert.ok(d, 'Stockport is a district of the data');
  assert.equal(stockport.json.total, d.count, 'the area total is its district count');
  const types = (await get('/api/v1/crime/counts?by=type')).json.rows;
  const burglary = types.find((x) => x.type === 'Burglary');
  assert.ok(burglary);
  const b = await get('/api/v1/crime/counts?by=month&type=Burglary');
  assert.equal(b.json.total, burglary.count);
  const two = await get('/api/v1/crime/counts?by=type&type=Burglary&type=Robbery');
  assert.deepEqual(two.json.rows.map((x) => x.type).sort(), ['Burglary', 'Robbery']);
  const rate = await get('/api/v1/crime/counts?by=district&rate=true');
  assert.ok(rate.json.rows.filter((x) => x.district_code).length >= 10, 'the ten districts');
  for (const x of rate.json.rows)
    if (x.district_code) assert.ok(typeof x.rate_per_1000 === 'number' && x.rate_per_1000 > 0, `rate for ${x.district}`);
    else assert.equal(x.rate_per_1000, null, 'no rate for crimes with no location');
});

test('top: the n largest, in order, matching the counts', async () => {
  const r = await get('/api/v1/crime/top?by=district&n=3');
  assert.equal(r.status, 200);
  assert.equal(r.json.rows.length, 3);
  const c = r.json.rows.map((x) => x.count);
  assert.deepEqual(c, [...c].sort((a, b) => b - a), 'largest first');
  const { from, to } = r.json.query;
  assert.match(from, MONTH);
  assert.match(to, MONTH);
  const counts = (await get(`/api/v1/crime/counts?by=district&from=${from}&to=${to}`)).json.rows;
  for (const x of r.json.rows)
    assert.equal(counts.find((y) => y.district === x.district).count, x.count, x.district);
  const csv = await get('/api/v1/crime/top?by=ward&n=3&area=Stockport&type=Burglary&format=csv');
  assert.match(csv.headers.get('content-disposition'),
               /^attachment; filename="stockport-burglary-top-3-wards-\d{4}-\d\d-to-\d{4}-\d\d\.csv"$/);
  // A ward (or an LSOA) by its code where there is one, and its name.
  assert.equal(csv.text.split('\r\n')[0], 'ward,ward_name,count');
  assert.equal(csv.text.split('\r\n').filter(Boolean).length, 4);
});

test('without police data: zero counts and a period made of real months', async () => {
  const s = await get('/api/v1/crime/summary', empty);
  assert.equal(s.status, 200);
  assert.equal(s.json.street.rows, 0);
  assert.equal(s.json.street.first_month, null);
  const c = await get('/api/v1/crime/counts?by=month', empty);
  assert.equal(c.status, 200);
  assert.equal(c.json.total, 0);
  assert.deepEqual(c.json.rows, []);
  // With no data and no from/to, /top takes the 12 months up to the last
  // month there is, and there is none: the period came out as
  // "0000-\ufffd6" (answer.c gives from = to - 11 = -11; pu_month_format
  // formats a negative month into a byte that is not a digit).
  for (const path of ['/api/v1/crime/top?by=lsoa', '/api/v1/crime/top?by=ward&n=3', '/api/v1/crime/counts?by=month']) {
    const r = await get(path, empty);
    assert.equal(r.status, 200, path);
    for (const k of ['from', 'to']) {
      const v = r.json.query[k];
      assert.ok(v === null || MONTH.test(v), `${path}: query.${k} is ${JSON.stringify(v)}`);
    }
  }
});

test('refusals: 400 naming the parameter, 404 for an unknown area', async () => {
  const cases = [
    ['/api/v1/crime/counts', 'by'],
    ['/api/v1/crime/counts?by=', 'by'],
    ['/api/v1/crime/counts?by=colour', 'by'],
    ['/api/v1/crime/counts?by=month,month', 'by'],
    ['/api/v1/crime/top', 'by'],
    ['/api/v1/crime/counts?by=month&from=2021-13', 'from'],
    ['/api/v1/crime/counts?by=month&to=2021', 'to'],
    ['/api/v1/crime/counts?by=month&from=2024-05&to=2024-01', 'from'],
    ['/api/v1/crime/counts?by=month&rate=yes', 'rate'],
    ['/api/v1/crime/counts?by=month&n=5', 'n'],
    ['/api/v1/crime/top?by=lsoa&n=0', 'n'],
    ['/api/v1/crime/top?by=lsoa&n=10001', 'n'],
    ['/api/v1/crime/top?by=lsoa&n=ten', 'n'],
    ['/api/v1/crime/counts?by=month&format=xml', 'format'],
    ['/api/v1/crime/counts?by=month&type=Jaywalking', 'type'],
    ['/api/v1/crime/counts?by=month&colour=red', 'colour'],
    ['/api/v1/crime/summary?x=1', 'x'],
  ];
  for (const [path, field] of cases) {
    const r = await get(path);
    assert.equal(r.status, 400, `${path}: ${r.text.slice(0, 300)}`);
    assert.equal(r.json.error.code, 'invalid', path);
    assert.equal(r.json.error.field, field, `${path}: ${r.json.error.message}`);
  }
  const r = await get('/api/v1/crime/counts?by=month&area=Nowhere%20Special');
  assert.equal(r.status, 404);
  assert.equal(r.json.error.field, 'area');
  const x = await get('/api/v1/crime/counts?by=month&area=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  assert.equal(x.status, 404);
  assert.match(x.type, /^application\/json/, 'the echoed area is in JSON, not HTML');
  const many = '/api/v1/crime/counts?by=month&' + Array.from({ length: 100 }, () => 'type=Burglary').join('&');
  const m = await get(many);
  assert.equal(m.status, 400, 'a hundred types');
  assert.equal(m.json.error.field, 'type');
  assert.equal((await get('/api/v1/crime/counts?by=month')).status, 200, 'the server is fine afterwards');
});

test('the crime API is read-only: writes are 405 with Allow', async () => {
  for (const path of ['/api/v1/crime/counts', '/api/v1/crime/top', '/api/v1/crime/summary']) {
    const r = await fetch(srv.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(r.status, 405, path);
    assert.equal(r.headers.get('allow'), 'GET, HEAD');
    await r.text();
  }
});
