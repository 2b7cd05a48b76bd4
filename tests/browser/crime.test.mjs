// The crime dashboard in the browser, on the demo's generated crime data
// for the ten Greater Manchester districts: choosing an area and a peer
// group in the page's form, the chart and its table agreeing, the year
// against the year before, the top wards and LSOAs with the note on
// locations, the demo banner, every CSV link answering CSV, the error
// summary for an unknown area, and a phone-sized screen.
import assert from 'node:assert/strict';
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
  // The legend names every series, with its key drawn beside it.
  const legend = await page.locator('.chart').first().locator('.chart__legend li').allInnerTexts();
  assert.equal(legend[0], 'All crime');
  assert.equal(legend.length, 6);
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
  await page.getByText('The figures in the chart as a table').first().click();
  assert.equal(await table.isVisible(), true);
  const head = await table.locator('thead th').allInnerTexts();
  assert.deepEqual(head.slice(0, 2), ['Month', 'All crime']);
  assert.deepEqual(head.slice(2, 7), legend.slice(1));
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
  assert.match(figures[0], /crimes in the year to/);
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
    const lines = (await res.text()).trim().split(/\r?\n/);
    assert.ok(lines.length >= 2, `${href}: ${lines.length} lines`);
    assert.match(lines[0], /count/);
    csv[new URL(b.url + href).searchParams.get('by')] = lines;
  }
  // The top LSOAs' CSV starts with the table's first LSOA and its count.
  const first = (await cells(page.locator('#lsoas-table')))[0];
  assert.equal(csv.lsoa[0], 'lsoa,count,rate_per_1000');
  const [code, count] = csv.lsoa[1].split(',');
  assert.equal(code, first[2]);
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
