// The crime dashboard in the browser, on the demo's generated crime data
// for the ten Greater Manchester districts: choosing an area and a peer
// group in the page's form, the chart and its table agreeing, the year
// against the year before, the top wards and LSOAs with the note on
// locations, the demo banner, every CSV link answering CSV, the error
// summary for an unknown area, and a phone-sized screen.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { assertClean, openBrowser, submit, text } from './browser.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b?.close(); });

// "1,234" / "+12" / "-3.4%" / "53.2" as a number.
const num = (s) => Number(String(s).replace(/[,%+\s]/g, ''));

// The text of every cell of the rows of a table part ('tbody' or
// 'tfoot'), whitespace collapsed.  textContent, so that a table inside a
// closed <details> reads too.
function cells(table, part = 'tbody') {
  return table.locator(`${part} tr`).evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
}

// Open /crime and choose an area with the form, as a user would: from the
// area list (label "Area") or, with place, in the ward or LSOA box.
async function chooseArea(page, { area, place, peer } = {}) {
  const res = await page.goto(b.url + '/crime');
  assert.equal(res.status(), 200);
  if (area) await page.getByLabel('Area', { exact: true }).selectOption(area);
  if (place) await page.getByLabel('Or a ward or LSOA: name or code').fill(place);
  if (peer) await page.getByLabel('Compare with').selectOption(peer);
  return submit(page, page.getByRole('button', { name: 'Show figures' }));
}

test('the dashboard opens on Stockport, says the data is generated, and the form chooses another district', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Crime' }).click();
  await page.waitForURL(b.url + '/crime');
  assert.equal(await page.locator('h1').innerText(), 'Stockport');
  assert.equal(await page.getByRole('navigation', { name: 'Main' })
    .locator('a[aria-current="page"]').innerText(), 'Crime');
  assert.match(await text(page.locator('.crime-generated')),
               /These crime figures are generated for the demo: they are not police\.uk data\./);
  // The default period is the last 36 months of the data.
  const from = await page.getByLabel('From', { exact: true }).inputValue();
  const to = await page.getByLabel('To', { exact: true }).inputValue();
  const months = (s) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
  assert.equal(months(to) - months(from), 35);

  const res = await chooseArea(page, { area: 'Bury' });
  assert.equal(res.status(), 200);
  assert.match(page.url(), /[?&]area=Bury(&|$)/);
  assert.equal(await page.locator('h1').innerText(), 'Bury');
  assert.equal(await page.getByLabel('Area', { exact: true }).inputValue(), 'Bury');
  assert.match(await text(page.locator('.crime-generated')), /generated for the demo/);
  assert.equal(await page.locator('[style]').count(), 0, 'no inline style attributes');
  assertClean(problems);
});

test('the monthly chart is accessible and agrees with its table', async () => {
  const { page, problems } = await b.page();
  await chooseArea(page, { area: 'Bury' });
  const svg = page.locator('svg[role="img"][aria-labelledby="trend-chart-title"]');
  assert.equal(await svg.count(), 1);
  assert.equal(await svg.locator('title#trend-chart-title').textContent(), 'Crimes each month in Bury');
  assert.equal(await svg.getAttribute('aria-describedby'), 'trend-chart-desc');
  const desc = await svg.locator('desc#trend-chart-desc').textContent();
  assert.match(desc, /^Line chart of the crimes recorded each month in Bury/);
  assert.match(await svg.getAttribute('viewBox'), /^0 0 \d+ \d+$/);
  // The legend names the series, with its key drawn beside it.
  const legend = await page.locator('.chart').first().locator('.chart__legend li').allInnerTexts();
  assert.deepEqual(legend, ['All crime']);
  // The five most common types are small multiples: a chart each, on its
  // own scale, under its own heading, with no legend to decode.
  const small = page.locator('.small-multiples > li');
  assert.equal(await small.count(), 5);
  const types = await small.locator('h4').allInnerTexts();
  for (let i = 0; i < 5; i++) {
    const chart = small.nth(i).locator('svg[role="img"]');
    assert.equal(await chart.locator('title').first().textContent(),
                 `${types[i]} each month in Bury`);
    assert.equal(await small.nth(i).locator('.chart__legend').count(), 0);
    assert.ok((await chart.locator('text.chart__label').allTextContents()).includes('0'),
              `${types[i]}: its axis starts at zero`);
  }
  // Axes: month labels and a number scale.
  const labels = await svg.locator('text.chart__label').allTextContents();
  assert.ok(labels.includes('Crimes a month'));
  assert.ok(labels.some((l) => /^(Jan|Jul) \d{4}$/.test(l)), labels.join('|'));
  assert.ok(labels.includes('0'));

  // Each point of "All crime" carries its value: "All crime, May 2024: 1,002".
  const points = await svg.locator('g.chart__series--0 title').allTextContents();
  assert.equal(points.length, 36);
  const fromChart = new Map(points.map((p) => {
    const m = /^All crime, (\w+ \d{4}): ([\d,]+)$/.exec(p);
    assert.ok(m, p);
    return [m[1], num(m[2])];
  }));

  // The table alternative, behind "The figures in the chart as a table".
  const table = page.locator('#trend-table');
  assert.equal(await table.isVisible(), false);
  await page.getByText('The figures in the charts as a table').first().click();
  assert.equal(await table.isVisible(), true);
  const head = await table.locator('thead th').allInnerTexts();
  assert.deepEqual(head.slice(0, 2), ['Month', 'All crime']);
  assert.deepEqual(head.slice(2, 7), types);
  const body = await cells(table);
  assert.equal(body.length, 36);
  for (const row of body) {
    assert.equal(num(row[1]), fromChart.get(row[0]), `All crime in ${row[0]}`);
    // The types shown and the rest add up to all crime.
    assert.equal(row.slice(2).reduce((s, c) => s + num(c), 0), num(row[1]), row[0]);
  }
  // The description gives the first month's figure too.
  assert.ok(desc.includes(`All crime was ${body[0][1]} in ${body[0][0]}`), desc);
  assertClean(problems);
});

test('the last 12 months against the 12 before add up, and match the chart and the headline', async () => {
  const { page, problems } = await b.page();
  await chooseArea(page, { area: 'Bury' });
  const table = page.locator('#change-table');
  const head = await table.locator('thead th').allInnerTexts();
  assert.equal(head[0], 'Crime type');
  assert.match(head[1], /^Year to \w+ \d{4}$/);
  assert.match(head[2], /^Year to \w+ \d{4}$/);
  assert.deepEqual(head.slice(3), ['Change', 'Change (%)']);
  const rows = await cells(table);
  assert.ok(rows.length >= 10, `${rows.length} crime types`);
  assert.ok(!rows.some((r) => r[0] === 'Anti-social behaviour'), 'ASB is not a crime type here');
  let before = 0, after = 0;
  for (const [type, b0, a0, change, pct] of rows) {
    const [x, y] = [num(b0), num(a0)];
    before += x;
    after += y;
    assert.equal(num(change), y - x, type);
    if (x > 0) assert.ok(Math.abs(num(pct) - (100 * (y - x)) / x) <= 0.051, `${type}: ${pct}`);
  }
  const foot = await cells(table, 'tfoot');
  assert.deepEqual(foot.map((r) => r[0]), ['All crime', 'Anti-social behaviour']);
  assert.equal(num(foot[0][1]), before);
  assert.equal(num(foot[0][2]), after);
  assert.equal(num(foot[0][3]), after - before);

  // The last 12 rows of the monthly table make the same year.
  const monthly = await cells(page.locator('#trend-table'));
  assert.equal(monthly.slice(-12).reduce((s, r) => s + num(r[1]), 0), after);
  assert.equal(monthly.slice(-24, -12).reduce((s, r) => s + num(r[1]), 0), before);
  // And the headline figures say it first.
  const figures = await page.locator('.figures .figure').allInnerTexts();
  // Each names the months it covers: the last 12 of the period.
  assert.match(figures[0], /^[\d,]+\ncrimes, \w+ \d{4} to \w+ \d{4}$/);
  assert.equal(num(figures[0].split('\n')[0]), after);
  // Anti-social behaviour: its own table's last 12 months are the year.
  const asb = await cells(page.locator('#asb-table'));
  assert.equal(asb.length, 36);
  assert.equal(asb.slice(-12).reduce((s, r) => s + num(r[1]), 0), num(foot[1][2]));
  assert.equal(await page.locator('svg[aria-labelledby="asb-chart-title"]').count(), 1);
  // Outcomes are of the same crimes.
  const outcomes = await cells(page.locator('#outcomes-table'), 'tfoot');
  assert.equal(num(outcomes[0][1]), after);
  assertClean(problems);
});

test('top wards and LSOAs come with rates, codes and the note on locations', async () => {
  const { page, problems } = await b.page();
  await chooseArea(page, { area: 'Bury' });
  for (const [id, name] of [['#wards-table', 'Ward'], ['#lsoas-table', 'LSOA']]) {
    const table = page.locator(id);
    const head = await table.locator('thead th').allInnerTexts();
    assert.equal(head[1], name);
    const col = (h) => head.indexOf(h);
    assert.ok(col('Crimes') > 0 && col('Residents') > 0 && col('Crimes per 1,000 residents') > 0);
    const rows = await cells(table);
    assert.equal(rows.length, 10, id);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      assert.equal(num(r[0]), i + 1);
      if (i) assert.ok(num(r[col('Crimes')]) <= num(rows[i - 1][col('Crimes')]), `${id} is ranked`);
      const rate = (num(r[col('Crimes')]) * 1000) / num(r[col('Residents')]);
      assert.ok(Math.abs(rate - num(r[col('Crimes per 1,000 residents')])) <= 0.051, `${r[1]}: ${rate}`);
    }
    if (name === 'LSOA') {
      assert.equal(head[2], 'Code');
      for (const r of rows) {
        assert.match(r[1], /^Bury \d{3}[A-Z]$/);
        assert.match(r[2], /^E0\d{7}$/);
      }
    }
  }
  const note = await text(page.locator('#locations'));
  assert.match(note, /police\.uk locations are approximate/);
  assert.match(note, /counts for small areas such as wards and LSOAs are therefore indicative/i);
  assert.match(note, /([\d,]+ of the crimes recorded by Greater Manchester Police .* had no location|has a location)/);
  assertClean(problems);
});

test('every table has a CSV download that answers CSV with the same figures', async () => {
  const { page, problems } = await b.page();
  await chooseArea(page, { area: 'Bury' });
  const links = await page.locator('main a[href*="format=csv"]').evaluateAll((as) =>
    as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
  // monthly, two years, wards, LSOAs, ASB, outcomes, peers
  assert.ok(links.length >= 8, `${links.length} CSV links`);
  for (const l of links) assert.match(l.text, /^Download (as CSV|the year to \w+ \d{4} as CSV)/);
  const csv = {};
  for (const { href } of links) {
    assert.match(href, /^\/api\/v1\/crime\/(counts|top)\?/);
    const res = await fetch(b.url + href);
    assert.equal(res.status, 200, href);
    assert.match(res.headers.get('content-type'), /^text\/csv/, href);
    // Named for what it holds: the area, what, how, and the months.
    assert.match(res.headers.get('content-disposition'),
                 /^attachment; filename="(bury|greater-manchester)-crime(-and-asb)?-(by|top-\d+)-[a-z-]+-\d{4}-\d\d-to-\d{4}-\d\d\.csv"$|^attachment; filename="bury-anti-social-behaviour-by-month-\d{4}-\d\d-to-\d{4}-\d\d\.csv"$/,
                 href);
    const lines = (await res.text()).trim().split(/\r?\n/);
    assert.ok(lines.length >= 2, `${href}: ${lines.length} lines`);
    assert.match(lines[0], /count/);
    csv[new URL(b.url + href).searchParams.get('by')] = lines;
  }
  // The top LSOAs' CSV starts with the table's first LSOA and its count.
  const first = (await cells(page.locator('#lsoas-table')))[0];
  // An LSOA by its code and its name.
  assert.equal(csv.lsoa[0], 'lsoa,lsoa_name,count,rate_per_1000');
  const [code, name, count] = csv.lsoa[1].split(',');
  assert.equal(code, first[2]);
  assert.equal(name, first[1]);
  assert.equal(Number(count), num(first[3]));
  // The monthly CSV holds every type, anti-social behaviour too.
  assert.equal(csv['month,type'][0], 'month,type,count');
  assert.ok(csv['month,type'].some((l) => l.includes(',Anti-social behaviour,')));
  assertClean(problems);
});

test('the peer group compares every district, the area highlighted; a peer group can be the area', async () => {
  const { page, problems } = await b.page();
  await chooseArea(page, { area: 'Bury', peer: 'Greater Manchester' });
  assert.match(page.url(), /[?&]peer=Greater\+Manchester(&|$)/);
  const table = page.locator('#peers-table');
  const rows = await cells(table);
  assert.equal(rows.length, 10);
  const districts = rows.map((r) => r[1].replace(/ This area$/, ''));
  assert.deepEqual([...districts].sort(), ['Bolton', 'Bury', 'Manchester', 'Oldham', 'Rochdale',
                                           'Salford', 'Stockport', 'Tameside', 'Trafford', 'Wigan']);
  const self = table.locator('tr.crime-self');
  assert.equal(await self.count(), 1);
  assert.match(await text(self), /Bury This area/);
  for (let i = 1; i < rows.length; i++)
    assert.ok(num(rows[i][5]) <= num(rows[i - 1][5]), 'highest rate first');
  const foot = await cells(table, 'tfoot');
  assert.equal(num(foot[0][3]), rows.reduce((s, r) => s + num(r[3]), 0));
  // Bury's own row is the year the change table gives.
  const bury = rows.find((r) => r[1].startsWith('Bury'));
  const change = await cells(page.locator('#change-table'), 'tfoot');
  assert.equal(num(bury[3]), num(change[0][2]));

  // The peer group itself as the area.
  await chooseArea(page, { area: 'Greater Manchester' });
  assert.equal(await page.locator('h1').innerText(), 'Greater Manchester');
  assert.equal(await page.locator('#peers-table tbody tr').count(), 10);
  assert.equal(await page.locator('#peers-table tr.crime-self').count(), 0);
  // A whole force: the crimes with no location are in scope.
  await chooseArea(page, { area: 'Greater Manchester Police' });
  assert.equal(await page.locator('h1').innerText(), 'Greater Manchester Police');
  assert.match(await text(page.locator('#locations')),
               /([\d,]+ of the [\d,]+ crimes in the 12 months to .* had no location|has a location)/);
  assertClean(problems);
});

test('an LSOA typed in the form is shown; an unknown one gets the error summary', async () => {
  const { page, problems } = await b.page();
  await chooseArea(page, { area: 'Bury' });
  const [, name, code] = (await cells(page.locator('#lsoas-table')))[0];
  await chooseArea(page, { place: code });
  assert.equal(await page.locator('h1').innerText(), name);
  assert.equal(await page.getByLabel('Or a ward or LSOA: name or code').inputValue(), code);
  assert.equal(await page.locator('#lsoas-table tbody tr').count(), 1);

  await page.goto(b.url + '/crime');
  await page.getByLabel('Or a ward or LSOA: name or code').fill('Nowhere <b>"at all"</b>');
  // The select and the period keep their values; the box is what fails.
  await page.getByLabel('Area', { exact: true }).selectOption('Stockport');
  await page.getByLabel('Compare with').selectOption('');
  const res = await submit(page, page.getByRole('button', { name: 'Show figures' }));
  assert.equal(res.status(), 400);
  problems.allow(page.url(), 400);
  assert.match(await page.title(), /^Error: /);
  const summary = page.locator('.error-summary');
  assert.equal(await summary.getAttribute('role'), 'alert');
  // The summary comes before the h1, and links to the field.
  const order = await page.evaluate(() => {
    const s = document.querySelector('.error-summary'), h = document.querySelector('h1');
    return s.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  assert.ok(order, 'error summary above the h1');
  const link = summary.getByRole('link');
  assert.match(await link.innerText(), /There is no area called ‘Nowhere <b>"at all"<\/b>’/);
  assert.equal(await link.getAttribute('href'), '#place');
  assert.match(await text(page.locator('#place-error')), /There is no area called/);
  assert.equal(await page.locator('#place').getAttribute('aria-describedby'), 'place-error');
  assert.equal(await page.locator('#place').inputValue(), 'Nowhere <b>"at all"</b>');
  assert.equal(await page.locator('main b').count(), 0, 'the name is escaped');
  assertClean(problems);
});

test('the crime type filter narrows every crime figure to one type', async () => {
  const { page, problems } = await b.page();
  await chooseArea(page, { area: 'Bury' });
  const all = await cells(page.locator('#change-table'));
  const burglary = all.find((r) => r[0] === 'Burglary');
  await page.getByLabel('Crime type').selectOption('Burglary');
  const res = await submit(page, page.getByRole('button', { name: 'Show figures' }));
  assert.equal(res.status(), 200);
  assert.match(page.url(), /[?&]type=Burglary(&|$)/);
  assert.equal(await page.getByLabel('Crime type').inputValue(), 'Burglary');
  assert.match(await text(page.locator('.lead')), /^Burglary, /);
  // The headline, the monthly chart and table, the change table: burglary.
  const figures = await page.locator('.figures .figure').allInnerTexts();
  assert.match(figures[0], /crimes \(Burglary\), /);
  assert.equal(num(figures[0].split('\n')[0]), num(burglary[2]));
  const svg = page.locator('svg[aria-labelledby="trend-chart-title"]');
  assert.equal(await svg.locator('title#trend-chart-title').textContent(), 'Burglary each month in Bury');
  assert.equal(await page.locator('.small-multiples').count(), 0);
  const head = await page.locator('#trend-table thead th').allTextContents();
  assert.deepEqual(head, ['Month', 'Burglary']);
  const monthly = await cells(page.locator('#trend-table'));
  assert.equal(monthly.slice(-12).reduce((t, r) => t + num(r[1]), 0), num(burglary[2]));
  const rows = await cells(page.locator('#change-table'));
  assert.deepEqual(rows.map((r) => r[0]), ['Burglary']);
  assert.deepEqual(rows[0], burglary);
  // Wards, LSOAs, outcomes and peers count burglaries too.
  assert.match(await page.locator('#wards-table caption').innerText(), /Burglary/);
  const outcomes = await cells(page.locator('#outcomes-table'), 'tfoot');
  assert.equal(num(outcomes[0][1]), num(burglary[2]));
  const peers = await cells(page.locator('#peers-table'));
  assert.equal(num(peers.find((r) => r[1].startsWith('Bury'))[3]), num(burglary[2]));
  // The CSV links of its figures ask for burglary only.
  const hrefs = await page.locator('main a[href*="format=csv"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  let checked = 0;
  for (const href of hrefs) {
    const q = new URL(b.url + href).searchParams;
    if (!['month,type', 'ward', 'lsoa', 'outcome', 'district'].includes(q.get('by'))) continue;
    assert.deepEqual(q.getAll('type'), ['Burglary'], href);
    checked++;
  }
  assert.equal(checked, 5);
  // An unknown type is a problem by its field.
  await page.goto(b.url + '/crime?area=Bury&type=Piracy');
  problems.allow(page.url(), 400);
  assert.match(await text(page.locator('#type-error')), /There is no crime type called ‘Piracy’/);
  assertClean(problems);
});

test('each ward, LSOA and district in the tables opens its own dashboard for the same period', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/crime?area=Bury&from=2025-01&to=2025-12&type=Robbery');
  for (const id of ['#wards-table', '#lsoas-table', '#peers-table']) {
    const link = page.locator(`${id} tbody th a`).first();
    const name = await link.innerText();
    const href = await link.getAttribute('href');
    const q = new URL(b.url + href).searchParams;
    assert.equal(q.get('from'), '2025-01', href);
    assert.equal(q.get('to'), '2025-12', href);
    assert.equal(q.get('type'), 'Robbery', href);
    await Promise.all([page.waitForNavigation(), link.click()]);
    assert.equal(await page.locator('h1').innerText(), name, `${id}: ${href}`);
    assert.match(await text(page.locator('.lead')), /^Robbery, January to December 2025$/);
    await page.goBack();
  }
  assertClean(problems);
});

test('a month with no data: a gap in the charts and a flag beside every figure over it', async () => {
  const g = await openBrowser();
  try {
    const s = await (await fetch(g.url + '/api/v1/crime/summary')).json();
    const [y, m] = s.street.last_month.split('-').map(Number);
    // 15 months before the end: in the 24 months the dashboard compares,
    // not in the last 12 that the crime indicator's headline counts.
    const gap = new Date(Date.UTC(y, m - 1 - 15, 1));
    const to = new Date(Date.UTC(y, m - 1 - 12, 1)).toISOString().slice(0, 7);
    const words = gap.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const month = gap.getUTCFullYear() * 12 + gap.getUTCMonth();
    execFileSync('sqlite3', [g.server.db,
      'PRAGMA foreign_keys = ON; ' +
      `DELETE FROM crime_batch WHERE month = ${month};`]);
    const { page, problems } = await g.page();
    await page.goto(g.url + '/crime?area=Bury');
    // The headline figures cover the last 12 months: no gap in them, but
    // in the year before, so the change is not given, and says why.
    assert.equal(await page.locator('.figures .figure').first().locator('.figure__gap').count(), 0);
    assert.match(await text(page.locator('.figures .figure').nth(1)), /no change given .*Not like for like/);
    // A period ending after the gap: the gap is in the headline's months.
    await page.goto(g.url + `/crime?area=Bury&to=${to}`);
    const first = page.locator('.figures .figure').first();
    assert.match(await text(first.locator('.figure__gap')),
                 new RegExp(`Gap in the data No data for ${words}: 11 of the 12 months counted\\.`));
    // The chart breaks at the gap: two runs of the line, not one.
    const d = await page.locator('svg[aria-labelledby="trend-chart-title"] g.chart__series--0 path')
      .getAttribute('d');
    assert.equal(d.match(/M/g).length, 2, d);
    // The crime indicator's SPC chart breaks there too, on an axis of every month.
    await page.goto(g.url + '/indicators/5?area=Bury');
    const spc = page.locator('svg[aria-labelledby="spc-chart-title"]');
    const path = await spc.locator('g.chart__series--0 path:not(.chart__interval)').getAttribute('d');
    assert.equal(path.match(/M/g).length, 2, path);
    const rows = await cells(page.locator('#spc-table'));
    const row = rows.find((r) => r[0] === words);
    assert.ok(row, `${words} is a row of the table`);
    assert.equal(row[1], 'No data');
    assertClean(problems);
  } finally {
    await g.close();
  }
});

test('the dashboard fits a 375px screen', async () => {
  const { page, problems } = await b.page({ viewport: { width: 375, height: 812 }, isMobile: true,
                                            hasTouch: true, deviceScaleFactor: 2 });
  await chooseArea(page, { area: 'Bury' });
  const m = await page.evaluate(() => ({
    vw: document.documentElement.clientWidth,
    sw: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    chart: document.querySelector('.chart__svg').getBoundingClientRect().right,
    minor: [...document.querySelectorAll('.chart__label--minor')]
      .filter((t) => getComputedStyle(t).display !== 'none').length,
  }));
  assert.equal(m.vw, 375);
  assert.ok(m.sw <= m.vw && m.body <= m.vw, `the page scrolls sideways: ${m.sw}px`);
  assert.ok(m.chart <= m.vw, `the chart sticks out to ${m.chart}px`);
  assert.equal(m.minor, 0, 'minor axis labels are hidden on a phone');
  assertClean(problems);
});
