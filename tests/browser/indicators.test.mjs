// The performance pages in the browser, on the demo: an indicator's page
// (the SPC chart and its table agree, special-cause points marked by
// shape and class, the peers table with intervals, the method shown,
// another area chosen in the page's form), the headlines page (the four
// claims of the 2020/21 annual review with their methods and links that
// work), a theme's performance at a glance, the OFFICIAL-SENSITIVE
// marking, and a phone-sized screen.  No console errors, no request
// leaving 127.0.0.1.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { safer } from '../lib/server.mjs';
import { assertClean, getJSON, openBrowser, submit, text } from './browser.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b?.close(); });

const num = (s) => Number(String(s).replace(/[,%+\s]/g, ''));

function cells(table, part = 'tbody') {
  return table.locator(`${part} tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
}

// The same as the cells' rendered text (line breaks as spaces).
function visibleCells(table) {
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
}

async function indicatorId(code) {
  const r = await fetch(b.url + '/api/v1/indicators');
  return (await r.json()).indicators.find((x) => x.code === code).id;
}

test('the Performance page lists the indicators by theme and leads to an indicator', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Performance' }).click();
  await page.waitForURL(b.url + '/indicators');
  assert.equal(await page.locator('h1').innerText(), 'Performance');
  assert.equal(await page.getByRole('navigation', { name: 'Main' })
    .locator('a[aria-current="page"]').innerText(), 'Performance');
  const h2 = await page.locator('h2').allInnerTexts();
  assert.deepEqual(h2.slice(0, 2), ['Public Safety and Protection', 'Protecting Vulnerable People']);
  await page.getByRole('link', { name: 'Burglary per 1,000 residents' }).click();
  await page.waitForURL(/\/indicators\/\d+$/);
  assert.equal(await page.locator('h1').innerText(), 'Burglary per 1,000 residents');
  assert.equal(await page.locator('.caption-l').innerText(), 'Stockport');
  assert.equal(await page.locator('[style]').count(), 0, 'no inline style attributes');
  assert.equal(await page.locator('script').count(), 0, 'no scripts');
  assertClean(problems);
});

test('the SPC chart marks special causes by shape and class, and agrees with its table', async () => {
  const { page, problems } = await b.page();
  const id = await indicatorId('burglary-rate');
  await page.goto(`${b.url}/indicators/${id}`);
  const svg = page.locator('svg[role="img"][aria-labelledby="spc-chart-title"]');
  assert.equal(await svg.count(), 1);
  assert.equal(await svg.locator('title#spc-chart-title').textContent(),
               'Burglary per 1,000 residents in Stockport');
  assert.match(await svg.locator('desc').textContent(), /The mean is [\d.]+ and the process limits/);
  const legend = await page.locator('#over-time ~ .chart').first().locator('.chart__legend li').allInnerTexts();
  assert.deepEqual(legend, ['Burglary per 1,000 residents', 'Special cause improvement',
                            'Special cause concern', 'Mean', 'Upper process limit', 'Lower process limit']);
  // Reference lines labelled in the chart.
  const labels = await svg.locator('text.chart__label').allTextContents();
  for (const l of ['Mean', 'Upper process limit', 'Lower process limit']) assert.ok(labels.includes(l), l);

  // Every month's value, from the tooltips of the first series.
  const tips = await svg.locator('g.chart__series--0 title').allTextContents();
  assert.equal(tips.length, 36);
  const chart = new Map(tips.map((t) => {
    const m = /^Burglary per 1,000 residents, (\w+ \d{4}): ([\d.]+)$/.exec(t);
    assert.ok(m, t);
    return [m[1], Number(m[2])];
  }));
  // Special points: triangles (improvement) and squares (concern), with
  // their classes, in series of their own.
  const improve = await svg.locator('g.chart__series--1 title').allTextContents();
  const concern = await svg.locator('g.chart__series--2 title').allTextContents();
  assert.ok(improve.length > 0 && concern.length > 0);
  assert.ok(improve.every((t) => t.startsWith('Special cause improvement, ')));
  assert.equal(await svg.locator('g.chart__series--1 path.spc-improvement').count(), improve.length,
               'improvement points are triangles (paths) with their class');
  assert.equal(await svg.locator('g.chart__series--2 rect.spc-concern').count(), concern.length,
               'concern points are squares with their class');

  // The table alternative.
  const table = page.locator('#spc-table');
  assert.equal(await table.isVisible(), false);
  await page.getByText('The figures in the chart as a table').click();
  assert.equal(await table.isVisible(), true);
  assert.deepEqual(await table.locator('thead th').allInnerTexts(),
                   ['Period', 'Value', 'Mean', 'Lower process limit', 'Upper process limit', 'Signal']);
  const rows = await cells(table);
  assert.equal(rows.length, 36);
  const improveMonths = new Set(improve.map((t) => /, (\w+ \d{4}):/.exec(t)[1]));
  const concernMonths = new Set(concern.map((t) => /, (\w+ \d{4}):/.exec(t)[1]));
  for (const [month, value, mean, lo, hi, signal] of rows) {
    assert.equal(num(value), chart.get(month), month);
    assert.ok(num(lo) < num(mean) && num(mean) < num(hi));
    assert.equal(signal.startsWith('special cause improvement'), improveMonths.has(month), `${month}: ${signal}`);
    assert.equal(signal.startsWith('special cause concern'), concernMonths.has(month), `${month}: ${signal}`);
    if (!improveMonths.has(month) && !concernMonths.has(month)) assert.equal(signal, 'Common cause');
  }
  // The method beside the chart, and the page's method section.
  assert.match(await text(page.locator('#over-time ~ p.body-s').first()), /^XmR chart with the Making Data Count rules/);
  assert.match(await text(page.locator('#method + ul')), /Wilson score confidence interval.*Byar's method/);
  assertClean(problems);
});

test('the peers table gives each district\'s figure with its interval, and the rank', async () => {
  const { page, problems } = await b.page();
  const id = await indicatorId('non-opiate-completion');
  await page.goto(`${b.url}/indicators/${id}`);
  assert.equal(await page.locator('#peers').innerText(), 'Compared with the Greater Manchester peer group');
  const svg = page.locator('svg[aria-labelledby="peers-chart-title"]');
  assert.match(await svg.locator('title#peers-chart-title').textContent(),
               /^Non-opiate users completing drug treatment in the Greater Manchester peer group, 2020\/21$/);
  const table = page.locator('#peers-table');
  assert.deepEqual(await table.locator('thead th').allInnerTexts(),
                   ['Rank', 'Area', 'Value', 'Lower limit', 'Upper limit', 'Numerator', 'Denominator']);
  const rows = await cells(table);
  assert.equal(rows.length, 10);
  assert.deepEqual(rows.map((r) => num(r[0])), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const stockport = rows.find((r) => r[1].startsWith('Stockport'));
  assert.deepEqual([stockport[0], stockport[2], stockport[5], stockport[6]], ['3', '46.7%', '212', '454']);
  for (const r of rows) {
    assert.ok(num(r[3]) < num(r[2]) && num(r[2]) < num(r[4]), r.join(' | '));
    assert.ok(Math.abs(num(r[2]) - 100 * num(r[5]) / num(r[6])) < 0.051, r.join(' | '));
  }
  for (let i = 1; i < rows.length; i++) assert.ok(num(rows[i - 1][2]) >= num(rows[i][2]), 'highest first');
  // The dot-and-whisker chart has a row per district, Stockport marked.
  assert.equal(await svg.locator('g.dots__row').count(), 10);
  assert.equal(await svg.locator('g.dots__row--self').count(), 1);
  assert.match(await svg.locator('g.dots__row--self title').textContent(), /^Stockport: 46\.7% \(42\.2% to 51\.3%\)$/);
  // The ranking method, and the headline with its method in a details.
  assert.match(await text(page.locator('#peers-table').locator('xpath=../following-sibling::p[1]')),
               /Standard competition ranking.*A rank is not a test of significance/);
  const st = page.locator('.ind-statement', { hasText: 'the 3rd highest of the 10 areas' });
  assert.equal(await st.count(), 1);
  assert.equal(await st.isVisible(), false, 'the statements are behind "How this was worked out"');
  await page.locator('#headline ~ details.ind-method summary').first().click();
  assert.match(await text(st.locator('.ind-statement__method')), /Standard competition ranking/);
  assertClean(problems);
});

test('choosing another area in the page shows its figures', async () => {
  const { page, problems } = await b.page();
  const id = await indicatorId('feel-safe');
  await page.goto(`${b.url}/indicators/${id}`);
  assert.equal(await page.getByLabel('Area', { exact: true }).inputValue(), 'Stockport');
  await page.getByLabel('Area', { exact: true }).selectOption('Trafford');
  const res = await submit(page, page.getByRole('button', { name: 'Show figures' }));
  assert.equal(res.status(), 200);
  assert.match(page.url(), /[?&]area=Trafford(&|$)/);
  assert.equal(await page.locator('.caption-l').innerText(), 'Trafford');
  assert.equal(await page.getByLabel('Area', { exact: true }).inputValue(), 'Trafford');
  const rows = await cells(page.locator('#values-table'));
  assert.equal(rows.length, 1);
  assert.equal(rows[0][3], '93.0%');
  assert.match(await text(page.locator('.ind-summary')), /93\.0% in Trafford in Wave 6.*the highest of 10/);
  // And the level.
  await page.getByLabel('Confidence level').selectOption('99.8');
  await submit(page, page.getByRole('button', { name: 'Show figures' }));
  assert.match(page.url(), /level=99\.8/);
  assert.match(await page.locator('#values-table caption').innerText(), /99\.8% confidence intervals/);
  // An area with no figures is a problem in the form.
  const bad = await page.goto(`${b.url}/indicators/${id}?area=Atlantis`);
  problems.allow(`${b.url}/indicators/${id}?area=Atlantis`, 400);
  assert.equal(bad.status(), 400);
  assert.match(await page.locator('.error-summary').innerText(), /There are no figures for .Atlantis./);
  await page.locator('.error-summary a').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'area');
  assertClean(problems);
});

test('the headlines page states the four claims with their methods, and links that work', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/indicators');
  await page.getByRole('link', { name: 'Performance headlines' }).click();
  await page.waitForURL(b.url + '/headlines');
  assert.equal(await page.locator('h1').innerText(), 'Performance headlines');
  assert.equal(await page.locator('.caption-l').innerText(), 'Stockport');
  // One sentence an indicator, as the annual review (seed 004) writes
  // them; everything else behind "How this was worked out".
  const leads = (await page.locator('.ind-summary').allInnerTexts()).map((x) => x.replace(/\s+/g, ' '));
  assert.equal(leads.length, 5);
  for (const l of [
    "Residents who feel safe in their local area: 92.0% in Stockport in Wave 6 (November to December 2020), " +
      "the 2nd highest of 10 in the Greater Manchester peer group and significantly higher than " +
      "Greater Manchester's 88.0%. Example data",
    "Non-opiate users completing drug treatment: 46.7% in Stockport in 2020/21, the 3rd highest of 10 in " +
      "the Greater Manchester peer group and significantly higher than England's 35.9%. Example data",
    'Hate crimes recorded: 68 in Stockport in 2021/22 Q1 (April to June 2021); there was a significant ' +
      'increase in 2020/21 Q2 (July to September 2020), which has fallen significantly since. Example data',
  ]) assert.ok(leads.includes(l), `${l}\n is not among\n${leads.join('\n')}`);
  assert.equal(await page.locator('.ind-statement').first().isVisible(), false);
  for (const d of await page.locator('details.ind-method').all())
    await d.locator('summary').click();
  const claims = [
    /Residents who feel safe in their local area: 92\.0% in Stockport in Wave 6 \(November to December 2020\), significantly higher than Greater Manchester \(88\.0%\)\./,
    /Non-opiate users completing drug treatment: 46\.7% in Stockport in 2020\/21, the 3rd highest of the 10 areas in the Greater Manchester peer group\./,
    /Non-opiate users completing drug treatment: 46\.7% in Stockport in 2020\/21, significantly higher than England \(35\.9%\)\./,
    /Burglary per 1,000 residents in Stockport: down \d+\.\d% in the past two years, .*: a significant fall\./,
    /Hate crimes recorded in Stockport: a significant increase in 2020\/21 Q2 \(July to September 2020\), 112 against 66/,
    /Hate crimes recorded in Stockport: a significant fall in 2020\/21 Q3 \(October to December 2020\), 71 against 112/,
  ];
  const sentences = await page.locator('.ind-statement__sentence').allInnerTexts();
  for (const c of claims) {
    const i = sentences.findIndex((s) => c.test(s));
    assert.ok(i >= 0, `${c} is on the page`);
    const st = page.locator('.ind-statement').nth(i);
    const tags = await st.locator('.ind-statement__sentence .tag').allInnerTexts();
    // A rank is not a test: no verdict tag at all, rather than "Not tested".
    if (c.source.includes('3rd highest')) assert.deepEqual(tags, ['Example data'], `${c}: ${tags}`);
    else assert.ok(tags.includes('Significant'), `${c}: ${tags}`);
    // Its method.
    assert.match(await text(st.locator('.ind-statement__method')),
                 /Wilson score|exact conditional binomial test|Exact conditional binomial test|Standard competition ranking/);
  }
  // "Special cause" and "Example data" do not look alike.
  const looks = await page.evaluate(() => {
    const style = (el) => { const s = getComputedStyle(el); return [s.backgroundColor, s.borderStyle].join(' '); };
    const tags = [...document.querySelectorAll('.tag')];
    return { special: style(tags.find((t) => t.textContent === 'Special cause')),
             example: style(tags.find((t) => t.textContent === 'Example data')) };
  });
  assert.notEqual(looks.special, looks.example);
  assert.match(looks.example, /dashed/);
  // The feel-safe method says which rule decided.
  const fs = page.locator('.ind-statement', { hasText: 'significantly higher than Greater Manchester (88.0%)' });
  assert.match(await text(fs.locator('.ind-statement__method')),
               /Wilson score 95% confidence interval for Stockport: 88\.9% to 94\.3%\. Stockport's interval does not include Greater Manchester's value \(88\.0%\)/);
  // Every "See the data" link leads to a page that answers.
  const hrefs = await page.locator('.ind-statement__link a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= 20);
  for (const h of new Set(hrefs.map((x) => x.split('#')[0]))) {
    const r = await fetch(b.url + h);
    assert.equal(r.status, 200, h);
  }
  // Following one lands on the figures it speaks of.
  const hc = page.locator('.ind-statement', { hasText: 'a significant increase in 2020/21 Q2' });
  await hc.getByRole('link', { name: /See the data/ }).click();
  await page.waitForURL(/\/indicators\/\d+\?area=Stockport#figures$/);
  assert.equal(await page.locator('h1').innerText(), 'Hate crimes recorded');
  const rows = await cells(page.locator('#values-table'));
  assert.ok(rows.some((r) => r[0] === '2020/21 Q2 (July to September 2020)' && r[3] === '112'), JSON.stringify(rows));
  assertClean(problems);
});

test('the headlines form chooses the area, the period and the level', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/headlines');
  await page.getByLabel('Figures to the end of').selectOption('2020/21 Q2');
  await page.getByLabel('Confidence level').selectOption('99.8');
  await submit(page, page.getByRole('button', { name: 'Show headlines' }));
  assert.match(page.url(), /period=2020%2F21\+Q2/);
  assert.match(await page.locator('.lead').innerText(), /Figures to the end of 2020\/21 Q2, with 99\.8% confidence/);
  const sentences = (await page.locator('.ind-statement__sentence').allTextContents()).join('\n');
  assert.match(sentences, /Hate crimes recorded in Stockport: 112 in 2020\/21 Q2 \(July to September 2020\), up 69\.7% on 66 in 2020\/21 Q1 \(April to June 2020\): a significant increase\./);
  assert.match(sentences, /Wave 4 \(June to July 2020\)/, 'feel-safe as at the end of September 2020');
  await page.getByLabel('Area', { exact: true }).selectOption('Bury');
  await submit(page, page.getByRole('button', { name: 'Show headlines' }));
  assert.equal(await page.locator('.caption-l').innerText(), 'Bury');
  assertClean(problems);
});

test('a theme\'s performance at a glance: latest, benchmark, target, trend', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/indicators');
  await page.getByRole('link', { name: /Performance of this theme at a glance\s*: Public Safety and Protection/ }).click();
  await page.waitForURL(/\/themes\/\d+\/performance$/);
  assert.equal(await page.locator('h1').innerText(), 'Performance in Stockport');
  const table = page.locator('#theme-performance');
  assert.deepEqual(await table.locator('thead th').allInnerTexts(),
                   ['Indicator', 'Latest', 'Against the benchmark', 'Target', 'Trend']);
  const rows = await visibleCells(table);
  const by = Object.fromEntries(rows.map((r) => [r[0].replace(/\s*Example data$/, ''), r]));
  assert.match(by['Residents who feel safe in their local area'][1], /^92\.0% Wave 6/);
  assert.match(by['Residents who feel safe in their local area'][2], /^Better than Greater Manchester \(88\.0%\)/);
  assert.match(by['Residents who feel safe in their local area'][3], /^Met target 90\.0%/);
  assert.match(by['Burglary per 1,000 residents'][2], /^Better than Greater Manchester/);
  // The trend is the headline's: the same reading, in the same words.
  assert.match(by['Burglary per 1,000 residents'][4], /^↘ Significant fall \(better\) in the past two years$/);
  assert.match(by['Anti-social behaviour incidents'][4], /^↘ Significant fall \(better\) in the past two years$/);
  assert.match(by['Residents who feel safe in their local area'][4], /^No significant change against Wave 5/);
  const head = await getJSON(b.server, '/api/v1/headlines');
  for (const t of head.themes)
    for (const x of t.indicators) {
      const row = by[x.indicator.name];
      if (!row || !x.has_data) continue;
      assert.ok(row[4].includes(x.trend.label), `${x.indicator.name}: ${row[4]} / ${x.trend.label}`);
      if (x.trend.kind === 'change')
        assert.ok(x.summary.toLowerCase().includes(x.trend.label.toLowerCase()) ||
                  x.summary.includes(x.trend.label.replace('Significant', 'a significant').toLowerCase()),
                  `${x.summary} says ${x.trend.label}`);
    }
  assert.match(by['Anti-social behaviour incidents'][2], /No benchmark/);
  await page.getByLabel('Area', { exact: true }).selectOption('Wigan');
  await submit(page, page.getByRole('button', { name: 'Show figures' }));
  assert.equal(await page.locator('h1').innerText(), 'Performance in Wigan');
  assertClean(problems);
});

test('official-sensitive figures are marked', async () => {
  const dir = mkdtempSync(join(process.env.SAFER_TEST_TMP || tmpdir(), 'ind-'));
  const defs = join(dir, 'defs.csv'), vals = join(dir, 'vals.csv');
  writeFileSync(defs, 'code,name,unit,polarity,frequency,sensitivity,themes\n' +
                'da-repeat,Repeat domestic abuse victims,count,lower_better,quarterly,official_sensitive,Protecting Vulnerable People\n');
  writeFileSync(vals, 'indicator,area,period,numerator\nda-repeat,Stockport,2020/21 Q1,41\nda-repeat,Stockport,2020/21 Q2,7\n');
  for (const f of [defs, vals]) {
    const r = safer(b.server.db, ['import', 'indicators', f]);
    assert.equal(r.status, 0, r.stderr);
  }
  const { page, problems } = await b.page();
  const id = await indicatorId('da-repeat');
  await page.goto(`${b.url}/indicators/${id}`);
  assert.match(await text(page.locator('.ind-sensitive')), /^OFFICIAL-SENSITIVE These figures are official-sensitive/);
  // 7 is small numbers, and said so.
  assert.match(await text(page.locator('.ind-summary')), /7 in Stockport in 2020\/21 Q2.*Small numbers: treat this with caution\./);
  const rows = await cells(page.locator('#values-table'));
  assert.match(rows[0][6], /Small numbers/);
  await page.goto(b.url + '/headlines');
  assert.match(await text(page.locator('.ind-sensitive')), /^OFFICIAL-SENSITIVE/);
  assertClean(problems);
});

// A phone-sized screen: the body never scrolls sideways.
test('the performance pages fit a 375px screen', async () => {
  const { page, problems } = await b.page({ viewport: { width: 375, height: 812 }, isMobile: true,
                                            hasTouch: true, deviceScaleFactor: 2 });
  const ids = await Promise.all(['burglary-rate', 'feel-safe', 'hate-crime'].map(indicatorId));
  const failures = [];
  for (const path of ['/indicators', ...ids.map((i) => `/indicators/${i}`), '/headlines',
                      '/themes/1/performance', '/themes/2/performance']) {
    const res = await page.goto(b.url + path);
    assert.equal(res.status(), 200, path);
    await page.locator('details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
    const m = await page.evaluate(() => ({ vw: document.documentElement.clientWidth,
                                           sw: document.documentElement.scrollWidth,
                                           bw: document.body.scrollWidth }));
    if (m.sw > m.vw || m.bw > m.vw) failures.push(`${path}: ${m.sw}px wide in ${m.vw}px`);
  }
  assert.deepEqual(failures, []);
  assertClean(problems);
});
