// Funding in the browser: the 2020/21 streams and totals from the annual
// review, adding a funding stream and an award through the forms,
// changing an award's amount, and the totals following each change.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, getJSON, openBrowser, submit, text } from './browser.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b?.close(); });

// The three figures at the top of /funding: [allocated, awarded, remaining].
async function figures(page) {
  return page.locator('.figures .figure__value').allInnerTexts();
}

// The row of a fund in the "Funding streams" table as text cells.
async function streams(page) {
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Funding streams' }) });
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
  const total = await table.locator('tfoot tr').evaluate((tr) =>
    [...tr.cells].map((c) => c.innerText.replace(/\s+/g, ' ').trim()));
  return { rows, total };
}

test('the funding page shows the four 2020/21 funds and their totals', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Funding' }).click();
  await page.waitForURL(b.url + '/funding');
  assert.equal(await page.locator('h1').innerText(), 'Funding streams and awards');
  assert.equal(await page.locator('.caption-l').innerText(), '2020/21');
  assert.deepEqual(await figures(page), ['£478,973', '£413,500', '£65,473']);
  // The amounts awarded are sums of example amounts: marked as such, in
  // the figures, each fund's row and the totals; the allocations are the
  // council's own.
  assert.deepEqual(await page.locator('.figures .figure__label').allInnerTexts()
    .then((l) => l.map((x) => x.replace(/\s+/g, ' ').trim())),
                   ['allocated', 'awarded Example data', 'remaining Example data']);
  const { rows, total } = await streams(page);
  assert.deepEqual(rows, [
    ['Community Safety Grant', 'Not recorded', '£218,973', '£180,000 Example data', '£38,973 Example data'],
    ['Serious Violence Fund', 'Not recorded', '£150,000', '£135,000 Example data', '£15,000 Example data'],
    ['Voluntary and Community Sector Grant', 'Not recorded', '£100,000', '£90,000 Example data', '£10,000 Example data'],
    ['Hate Crime Fund', 'Not recorded', '£10,000', '£8,500 Example data', '£1,500 Example data'],
  ]);
  assert.deepEqual(total, ['Total', '', '£478,973', '£413,500 Example data', '£65,473 Example data']);
  // Each fund has its awards table under its own heading.
  for (const name of ['Community Safety Grant', 'Serious Violence Fund',
                      'Voluntary and Community Sector Grant', 'Hate Crime Fund'])
    assert.equal(await page.getByRole('heading', { name, level: 2 }).count(), 1, name);
  assert.match(await text(page.locator('main')), /Schools-based knife crime awareness programme/);
  // The overview says the same.
  await page.goto(b.url + '/');
  const glance = page.locator('table', { has: page.locator('caption', { hasText: 'Funding streams 2020/21' }) });
  assert.deepEqual((await glance.locator('tfoot td').allInnerTexts()).map((x) => x.replace(/\s+/g, ' ').trim()),
                   ['£478,973', '£413,500 Example data', '£65,473 Example data']);
  assertClean(problems);
});

test('add a funding stream and an award, change an award: the totals follow', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/funding');
  await page.getByRole('link', { name: 'Add a funding stream' }).click();
  await page.waitForURL(b.url + '/funds/new');
  assert.equal(await page.locator('h1').innerText(), 'Add a funding stream');
  await page.getByLabel('Name').fill('Safer Streets Fund');
  await page.getByLabel('Financial year').fill('2020/21');
  await page.getByLabel('Grantor (optional)').fill('Home Office');
  await page.getByLabel('Grant allocation, in pounds').fill('12,500.50');
  await page.getByLabel('Note (optional)').fill('Round 2 bid for alley-gating.');
  await submit(page, page.getByRole('button', { name: 'Add funding stream' }));
  assert.match(page.url(), /\/funds\/\d+\?saved=1$/);
  const fundId = Number(new URL(page.url()).pathname.split('/').pop());
  assert.match(await text(page.getByRole('status')), /Your changes have been saved\./);
  assert.equal(await page.locator('h1').innerText(), 'Safer Streets Fund');
  assert.match(await text(page.locator('.summary-list')),
               /Financial year 2020\/21 Grantor Home Office Grant allocation £12,500\.50 Awarded £0 Remaining £12,500\.50/);
  assert.match(await text(page.locator('main')), /No awards have been recorded\./);

  // An award from it.
  await page.getByRole('link', { name: 'Add an award' }).click();
  await page.waitForURL(`${b.url}/funds/${fundId}/awards/new`);
  assert.equal(await page.locator('h1').innerText(), 'Add an award');
  await page.getByLabel('Recipient or project').fill('Alley-gating in Brinnington');
  await page.getByLabel('Purpose (optional)').fill('Target hardening');
  await page.getByLabel('Amount, in pounds (optional)').fill('£2,000');
  assert.equal(await page.getByLabel('Status').inputValue(), 'awarded', 'Awarded by default');
  await page.getByLabel('Priority area (optional)')
    .selectOption({ label: 'Crime (Public Safety and Protection, Safer Stockport Partnership Plan 2018/21)' });
  await submit(page, page.getByRole('button', { name: 'Add award' }));
  assert.equal(page.url(), `${b.url}/funds/${fundId}?saved=1`);
  assert.match(await text(page.locator('.summary-list')), /Awarded £2,000 Remaining £10,500\.50/,
               'a fund with no example amounts is not marked');
  const row = page.locator('main table tbody tr', { hasText: 'Alley-gating in Brinnington' });
  assert.equal(await text(row), 'Alley-gating in Brinnington Target hardening Crime Awarded £2,000 ' +
                                'Change award to Alley-gating in Brinnington');

  await page.goto(b.url + '/funding');
  assert.deepEqual(await figures(page), ['£491,473.50', '£415,500', '£75,973.50']);
  let { rows, total } = await streams(page);
  assert.deepEqual(rows.find((r) => r[0] === 'Safer Streets Fund'),
                   ['Safer Streets Fund', 'Home Office', '£12,500.50', '£2,000', '£10,500.50']);
  assert.deepEqual(total, ['Total', '', '£491,473.50', '£415,500 Example data', '£75,973.50 Example data']);

  // Change the amount of a demo award from the funding page: IDVAs,
  // £60,000 -> £61,250.
  await page.getByRole('link', { name: 'Change award to Independent Domestic Violence Advocates (IDVAs)' }).click();
  await page.waitForURL(/\/awards\/\d+\/edit$/);
  assert.equal(await page.locator('h1').innerText(), 'Change an award');
  const amount = page.getByLabel('Amount, in pounds (optional)');
  assert.equal(await amount.inputValue(), '60000');
  await amount.fill('61250');
  await submit(page, page.getByRole('button', { name: 'Save changes' }));
  assert.equal(page.url(), `${b.url}/funds/1?saved=1`);
  assert.match(await text(page.locator('.summary-list')),
               /Awarded £181,250 Example data Remaining £37,723 Example data/);

  await page.goto(b.url + '/funding');
  assert.deepEqual(await figures(page), ['£491,473.50', '£416,750', '£74,723.50']);
  ({ rows, total } = await streams(page));
  assert.deepEqual(rows[0], ['Community Safety Grant', 'Not recorded', '£218,973',
                             '£181,250 Example data', '£37,723 Example data']);
  assert.deepEqual(total, ['Total', '', '£491,473.50', '£416,750 Example data', '£74,723.50 Example data']);

  // The API in pence agrees; the total awarded counts the demo's example
  // amounts, and says so.
  const api = await getJSON(b.server, '/api/v1/funds?year=2020/21');
  assert.deepEqual(api.totals, { allocation_pence: 49147350, awarded_pence: 41675000,
                                 remaining_pence: 7472350, example: true });
  assertClean(problems);
});

test('a wrong amount comes back with the error beside the field', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/awards/2/edit');
  problems.allow(b.url + '/awards/2', 400);
  await page.getByLabel('Amount, in pounds (optional)').fill('12,50');
  const res = await submit(page, page.getByRole('button', { name: 'Save changes' }));
  assert.equal(res.status(), 400);
  assert.equal(await page.locator('.error-summary h2').innerText(), 'There is a problem');
  const link = page.locator('.error-summary a[href="#amount"]');
  assert.match(await link.innerText(), /^Amount must be an amount in pounds/);
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'amount');
  assert.match(await text(page.locator('#amount-error')), /^Error: Amount must be an amount in pounds/);
  assert.equal(await page.getByLabel('Amount, in pounds (optional)').inputValue(), '12,50');
  assertClean(problems);
});
