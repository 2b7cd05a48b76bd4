// tests/http/indicators.test.mjs: the indicators and headlines API on the
// demo: the shapes of /api/v1/indicators, /api/v1/indicators/{id} and
// /api/v1/headlines; the 2020/21 annual review's claims through the API,
// with their verdicts; the same JSON as the command line prints; and the
// refusals (unknown id 404, unknown parameters 400, bad level, area and
// period).  The numbers themselves are checked against scipy by
// tests/cli/t_indicators.sh.
import test from 'node:test';
import assert from 'node:assert/strict';
import { safer, startServer } from '../lib/server.mjs';

let srv;
test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

async function get(path) {
  const r = await fetch(srv.url + path);
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* HTML */ }
  return { status: r.status, type: r.headers.get('content-type'), text, json };
}

function headline(report, code) {
  for (const t of report.themes)
    for (const h of t.indicators)
      if (h.indicator.code === code) return { theme: t.name, h };
  return {};
}
const statements = (h, kind, change) =>
  h.statements.filter((s) => s.kind === kind && (change === undefined || s.change === change));

const VERDICTS = ['significant', 'not significant', 'not tested', 'small numbers',
                  'special cause', 'common cause'];
const POINT_KEYS = ['area', 'period', 'period_start', 'period_end', 'numerator', 'denominator',
                    'value', 'lower', 'upper', 'ci_method', 'no_ci', 'small', 'example', 'note',
                    'source'].sort();

function assertPoint(p, what) {
  assert.deepEqual(Object.keys(p).sort(), POINT_KEYS, what);
  assert.match(p.period_start, /^\d{4}-\d{2}-\d{2}$/, what);
  if (p.lower !== null) {
    assert.ok(p.lower <= p.value && p.value <= p.upper, `${what}: interval around the value`);
    assert.equal(typeof p.ci_method, 'string');
  } else {
    assert.equal(typeof p.no_ci, 'string', `${what}: says why there is no interval`);
  }
}

test('GET /api/v1/indicators lists every indicator with its definition', async () => {
  const r = await get('/api/v1/indicators');
  assert.equal(r.status, 200);
  assert.match(r.type, /^application\/json/);
  const codes = r.json.indicators.map((x) => x.code).sort();
  assert.deepEqual(codes, ['asb', 'burglary-rate', 'feel-safe', 'hate-crime', 'non-opiate-completion']);
  const fs = r.json.indicators.find((x) => x.code === 'feel-safe');
  for (const k of ['id', 'code', 'name', 'description', 'unit', 'per', 'polarity', 'frequency',
                   'source', 'owner', 'sensitivity', 'ci_method', 'comparison', 'benchmark',
                   'peer_group', 'target', 'target_note', 'crime_type', 'example', 'n_values',
                   'first_period', 'last_period', 'theme_ids', 'priority_ids', 'outcome_ids', 'link'])
    assert.ok(k in fs, k);
  assert.equal(fs.unit, 'proportion');
  assert.equal(fs.benchmark, 'Greater Manchester');
  assert.equal(fs.n_values, 21);
  assert.equal(fs.link, `/indicators/${fs.id}`);
  const bu = r.json.indicators.find((x) => x.code === 'burglary-rate');
  assert.equal(bu.crime_type, 'Burglary');
  assert.equal(bu.n_values, 0, 'a crime indicator keeps no values: they are counted');
});

test('GET /api/v1/indicators/{id}: values with intervals, SPC, peers and the headline', async () => {
  const list = (await get('/api/v1/indicators')).json.indicators;
  const id = (code) => list.find((x) => x.code === code).id;
  const r = await get(`/api/v1/indicators/${id('non-opiate-completion')}`);
  assert.equal(r.status, 200);
  const d = r.json;
  assert.deepEqual(Object.keys(d).sort(),
                   ['area', 'areas', 'benchmark', 'headline', 'indicator', 'level', 'peers', 'spc', 'values']);
  assert.equal(d.area, 'Stockport', 'the default area');
  assert.equal(d.level, 0.95);
  assert.deepEqual(d.values.map((v) => v.period), ['2018/19', '2019/20', '2020/21']);
  d.values.forEach((v) => assertPoint(v, v.period));
  assert.equal(d.values[2].numerator, 212);
  assert.equal(d.values[2].denominator, 454);
  assert.equal(d.values[2].ci_method, 'Wilson score interval');
  assert.equal(d.spc.enough, false);
  assert.equal(d.spc.n, 3);
  assert.equal(d.peers.group, 'Greater Manchester');
  assert.equal(d.peers.rank, 3);
  assert.equal(d.peers.peers.length, 10);
  d.peers.peers.forEach((p) => assert.ok(p.lower < p.value && p.value < p.upper, p.area));
  assert.equal(d.benchmark.area, 'England');
  assert.equal(d.benchmark.direction, 'higher');
  assert.equal(d.benchmark.verdict, 'significant');
  assert.ok(d.areas.includes('Bury') && d.areas.includes('England'));
  assert.equal(d.headline.area, 'Stockport');

  // Another area.
  const bury = await get(`/api/v1/indicators/${id('non-opiate-completion')}?area=Bury`);
  assert.equal(bury.status, 200);
  assert.equal(bury.json.area, 'Bury');
  assert.deepEqual(bury.json.values.map((v) => v.period), ['2020/21']);
  assert.equal(bury.json.peers.peers.find((p) => p.area === 'Bury').rank, 2);

  // A crime indicator: one figure a month, counted from the crime data.
  const b = (await get(`/api/v1/indicators/${id('burglary-rate')}?area=Stockport`)).json;
  assert.equal(b.values.length, 36);
  b.values.forEach((v) => {
    assertPoint(v, v.period);
    assert.match(v.period, /^\d{4}-\d{2}$/);
    assert.ok(Math.abs(v.value - v.numerator / v.denominator * 1000) < 1e-9);
    assert.equal(v.example, true, 'generated crime data is example data');
  });
  assert.equal(b.spc.enough, true);
  assert.equal(b.spc.points.length, 36);
  for (const p of b.spc.points) {
    assert.ok(p.lower_limit < p.mean && p.mean < p.upper_limit);
    if (p.value > p.upper_limit || p.value < p.lower_limit) assert.equal(p.special, true, p.period);
  }
  assert.ok(b.areas.includes('Greater Manchester') && b.areas.includes('Bury'));
  const level = (await get(`/api/v1/indicators/${id('feel-safe')}?level=99.8`)).json;
  assert.equal(level.level, 0.998);
  const wide = level.values.at(-1), narrow = d.values.at(-1);
  assert.ok(wide.upper - wide.lower > 0);
  const fs95 = (await get(`/api/v1/indicators/${id('feel-safe')}`)).json.values.at(-1);
  assert.ok(wide.upper - wide.lower > fs95.upper - fs95.lower, 'a 99.8% interval is wider');
  assert.ok(narrow);
});

test('GET /api/v1/headlines: the annual review\'s claims, with their methods and verdicts', async () => {
  const r = await get('/api/v1/headlines');
  assert.equal(r.status, 200);
  const h = r.json;
  assert.deepEqual(Object.keys(h).sort(), ['area', 'as_at', 'level', 'period', 'plan', 'themes']);
  assert.equal(h.area, 'Stockport');
  assert.equal(h.plan.title, 'Safer Stockport Partnership Plan 2018/21');
  for (const t of h.themes)
    for (const x of t.indicators) {
      assert.equal(typeof x.summary, 'string');
      // One sentence: the figure, and at most its comparisons and trend.
      assert.equal(x.summary.split('. ').length, 1, x.summary);
      assert.ok(['change', 'spc', 'steady', 'none'].includes(x.trend.kind), x.trend.kind);
      assert.ok(typeof x.trend.label === 'string' && x.trend.label.length > 5, x.trend.label);
      assert.match(x.link, /^\/indicators\/\d+\?area=Stockport$/);
      for (const s of x.statements) {
        assert.ok(VERDICTS.includes(s.verdict), s.verdict);
        assert.ok(s.sentence.length > 20 && s.method.length > 20, s.sentence);
        assert.ok(s.link.startsWith(x.link + '#'), s.link);
        if (s.significant) assert.ok(['significant', 'small numbers'].includes(s.verdict));
        if (s.verdict === 'significant') assert.equal(s.significant, true);
      }
    }

  // 92% feel safe, significantly higher than GM's 88%.
  const fs = headline(h, 'feel-safe');
  assert.equal(fs.theme, 'Public Safety and Protection');
  const fb = statements(fs.h, 'benchmark')[0];
  assert.equal(fs.h.value.value, 92);
  assert.equal(fb.benchmark.value, 88);
  assert.equal(fb.verdict, 'significant');
  assert.match(fb.sentence, /92\.0% in Stockport in Wave 6 .*significantly higher than Greater Manchester \(88\.0%\)/);
  assert.match(fb.method, /Wilson score 95% confidence interval for Stockport: 88\.9% to 94\.3%\. Stockport's interval does not include Greater Manchester's value \(88\.0%\).*Fingertips/);

  // 46.7%, 3rd highest in GM, against 35.9% nationally.
  const no = headline(h, 'non-opiate-completion');
  assert.equal(no.theme, 'Protecting Vulnerable People');
  assert.equal(statements(no.h, 'peers')[0].rank, 3);
  assert.equal(statements(no.h, 'benchmark')[0].verdict, 'significant');
  assert.equal(no.h.summary, 'Non-opiate users completing drug treatment: 46.7% in Stockport in ' +
               '2020/21, the 3rd highest of 10 in the Greater Manchester peer group and ' +
               "significantly higher than England's 35.9%.");
  assert.equal(no.h.trend.kind, 'steady', 'no significant change on 2019/20');

  // Burglary down over two years, significantly.
  const bu = headline(h, 'burglary-rate');
  const two = statements(bu.h, 'change', 'two_years')[0];
  assert.equal(two.verdict, 'significant');
  assert.equal(two.direction, -1);
  assert.ok(two.p_value < 0.05);
  assert.match(two.sentence, /down \d+\.\d% in the past two years/);
  assert.match(bu.h.summary, /; down \d+\.\d% in the past two years, a significant fall\.$/);
  assert.deepEqual([bu.h.trend.kind, bu.h.trend.label, bu.h.trend.judgement, bu.h.trend.statement],
                   ['change', 'Significant fall', 'better', 'change']);

  // Hate crime: the significant increase in July-September, and since.
  const hc = headline(h, 'hate-crime');
  const w = statements(hc.h, 'change', 'within_year');
  assert.deepEqual(w.map((s) => [s.after.period, s.direction, s.verdict]),
                   [['2020/21 Q2', 1, 'significant'], ['2020/21 Q3', -1, 'significant']]);
  assert.ok(w.every((s) => s.n_tests === 3 && s.p_value < s.alpha));
  assert.equal(hc.h.summary, 'Hate crimes recorded: 68 in Stockport in 2021/22 Q1 (April to June ' +
               '2021); there was a significant increase in 2020/21 Q2 (July to September 2020), ' +
               'which has fallen significantly since.');
});

test('the API\'s headlines are the command line\'s', async () => {
  const api = (await get('/api/v1/headlines?level=99.8&period=2020%2F21')).json;
  const cli = safer(srv.db, ['headlines', '--level', '99.8', '--period', '2020/21', '--format', 'json']);
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(api, JSON.parse(cli.stdout));
  assert.equal(api.as_at, '2021-03-31');
  assert.equal(statements(headline(api, 'feel-safe').h, 'benchmark')[0].verdict, 'not significant',
               'at 99.8% feel-safe is not significantly different from GM');
  const show = safer(srv.db, ['indicators', 'show', 'hate-crime', '--format', 'json']);
  const list = (await get('/api/v1/indicators')).json.indicators;
  const hcId = list.find((x) => x.code === 'hate-crime').id;
  assert.deepEqual((await get(`/api/v1/indicators/${hcId}`)).json, JSON.parse(show.stdout));
});

test('refusals: unknown id 404, unknown parameters 400, bad level, area and period', async () => {
  const cases = [
    ['/api/v1/indicators/9999', 404, 'not_found', null],
    ['/api/v1/indicators?area=Stockport', 400, 'invalid', 'area'],
    ['/api/v1/indicators/1?colour=red', 400, 'invalid', 'colour'],
    ['/api/v1/indicators/1?period=2020', 400, 'invalid', 'period'],
    ['/api/v1/headlines?sort=name', 400, 'invalid', 'sort'],
    ['/api/v1/headlines?level=150', 400, 'invalid', 'level'],
    ['/api/v1/headlines?level=abc', 400, 'invalid', 'level'],
    ['/api/v1/indicators/1?level=42', 400, 'invalid', 'level'],
    ['/api/v1/headlines?area=Atlantis', 404, 'not_found', 'area'],
    ['/api/v1/indicators/1?area=Atlantis', 404, 'not_found', 'area'],
    ['/api/v1/headlines?period=Midsummer', 400, 'invalid', 'period'],
  ];
  for (const [path, status, code, field] of cases) {
    const r = await get(path);
    assert.equal(r.status, status, path);
    assert.match(r.type, /^application\/json/, path);
    assert.equal(r.json.error.code, code, path);
    if (field) assert.equal(r.json.error.field, field, path);
    assert.equal(typeof r.json.error.message, 'string');
  }
  assert.equal((await get('/api/v1/indicators/abc')).status, 404);
  const post = await fetch(srv.url + '/api/v1/headlines', { method: 'POST' });
  assert.equal(post.status, 405);
});

test('the pages answer, and refuse what they cannot show', async () => {
  for (const path of ['/indicators', '/indicators/1', '/indicators/4?area=Bury', '/headlines',
                      '/headlines?period=2020%2F21&level=99.8', '/themes/1/performance',
                      '/themes/2/performance?area=Stockport']) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.match(r.type, /^text\/html/);
    assert.doesNotMatch(r.text, /<script|style=/, `${path}: no script, no inline style`);
  }
  assert.equal((await get('/indicators/9999')).status, 404);
  assert.equal((await get('/themes/9999/performance')).status, 404);
  for (const path of ['/indicators/1?area=Atlantis', '/indicators/1?level=3', '/headlines?area=Atlantis',
                      '/headlines?period=Midsummer', '/themes/1/performance?area=Atlantis']) {
    const r = await get(path);
    assert.equal(r.status, 400, path);
    assert.match(r.text, /There is a problem/, path);
  }
  // Every problem is in the summary, linked to its field, and by the field.
  for (const path of ['/indicators/1?area=Atlantis&level=3', '/headlines?area=Atlantis&level=3']) {
    const r = await get(path);
    assert.equal(r.status, 400, path);
    const summary = r.text.match(/<div class="error-summary"[\s\S]*?<\/div>/)[0];
    assert.match(summary, /<a href="#area">There are no figures for ‘Atlantis’/, path);
    assert.match(summary, /<a href="#level">Choose a confidence level from the list/, path);
    assert.match(r.text, /id="area-error"/, path);
    assert.match(r.text, /id="level-error"/, path);
  }
  // Text in the address is escaped, never markup.
  const evil = await get('/headlines?area=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  assert.equal(evil.status, 400);
  assert.doesNotMatch(evil.text, /<script>alert/);
});
