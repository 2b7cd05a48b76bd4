// Meetings in the browser, on the demo: a committee, a meeting and an
// agenda item with its recommendations, minutes and resolutions added
// through the forms; the month's calendar and the agenda show them; a
// date that is not a date comes back with the error summary; a meeting
// is deleted after checking.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, getJSON, openBrowser, submit, text } from './browser.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b?.close(); });

test('a committee, a meeting and an agenda item through the forms', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/');
  await submit(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }));
  assert.equal(await text(page.locator('h1')), 'Meetings');
  assert.equal(await page.getByRole('link', { name: /Subscribe in Outlook/ }).getAttribute('href'), '/meetings.ics');

  // A committee, with a problem first (no kind), then right.
  await submit(page, page.getByRole('link', { name: 'Committees and boards' }));
  await submit(page, page.getByRole('link', { name: 'Add a committee or board' }));
  problems.allow(b.url + '/bodies', 400);
  await page.getByLabel('Name', { exact: true }).fill('Communities & Housing <Scrutiny> Committee');
  let res = await submit(page, page.getByRole('button', { name: 'Add committee or board' }));
  assert.equal(res.status(), 400);
  assert.match(await text(page.locator('.error-summary')), /Kind/);
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Communities & Housing <Scrutiny> Committee');
  await page.getByLabel('Kind').selectOption({ label: 'Scrutiny committee' });
  await submit(page, page.getByRole('button', { name: 'Add committee or board' }));
  assert.match(page.url(), /\/bodies\/\d+\?saved=1$/);
  const bodyId = Number(page.url().match(/\/bodies\/(\d+)/)[1]);
  assert.equal(await text(page.locator('h1')), 'Communities & Housing <Scrutiny> Committee');
  assert.equal(await page.getByRole('link', { name: /Subscribe to this committee's meetings/ }).getAttribute('href'),
               `/bodies/${bodyId}/meetings.ics`);

  // A meeting: a date that is not a date first.
  await submit(page, page.getByRole('link', { name: 'Add a meeting' }));
  assert.equal(await page.getByLabel('Committee or board').inputValue(), String(bodyId), 'the committee is chosen');
  problems.allow(b.url + '/meetings', 400);
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('2');
  await page.getByLabel('Year').fill('2024');
  await page.getByLabel('Time (optional)').fill('18:00');
  res = await submit(page, page.getByRole('button', { name: 'Add meeting' }));
  assert.equal(res.status(), 400);
  assert.equal(await text(page.locator('.error-summary h2')), 'There is a problem');
  assert.match(await text(page.locator('.error-summary')), /Date/);
  assert.equal(await page.locator('.error-summary a').first().getAttribute('href'), '#date-day');
  assert.match(await page.title(), /^Error: /);
  assert.equal(await page.getByLabel('Time (optional)').inputValue(), '18:00', 'what was typed is kept');
  await page.getByLabel('Day').fill('16');
  await page.getByLabel('Month').fill('9');
  await page.getByLabel('Venue (optional)').fill('Committee Room 2, Town Hall');
  await page.getByLabel('Status').selectOption({ label: 'Held' });
  await page.getByLabel('Present', { exact: true }).fill('Cllr Ann Lee\nCllr Bo Patel');
  await page.getByLabel('Apologies', { exact: true }).fill('Cllr Cy Green');
  await page.getByLabel('Presenting', { exact: true }).fill('Dee Shah, Community Safety Manager');
  await submit(page, page.getByRole('button', { name: 'Add meeting' }));
  assert.match(page.url(), /\/meetings\/\d+\?saved=1$/);
  const meetingId = Number(page.url().match(/\/meetings\/(\d+)/)[1]);
  assert.equal(await text(page.locator('h1')), '16 September 2024');
  const facts = await text(page.locator('.summary-list'));
  for (const s of ['6pm', 'Committee Room 2, Town Hall', 'Held', 'Cllr Ann Lee, Cllr Bo Patel', 'Cllr Cy Green', 'Dee Shah'])
    assert.ok(facts.includes(s), `the meeting shows ${s}`);

  // An item with recommendations, minutes and resolutions.
  await submit(page, page.getByRole('link', { name: 'Add an agenda item' }));
  await page.getByLabel('Item number').fill('5');
  await page.getByLabel('Title', { exact: true }).fill('Safer Stockport Partnership Plan 2024-27');
  await page.getByLabel('Report of (optional)').fill('Director of Place Management');
  await page.getByLabel('Recommendations (optional)').fill('comment on the draft plan\n\nnote the progress made\n');
  await page.getByLabel('Minutes (optional)').fill('The Director introduced the report.');
  await page.getByLabel('Points from the discussion (optional)').fill('Members asked about knife crime');
  problems.allow(b.url + `/meetings/${meetingId}/items`, 400);
  await page.getByLabel('Resolutions (optional)').fill('That the report be noted');
  res = await submit(page, page.getByRole('button', { name: 'Add agenda item' }));
  assert.equal(res.status(), 400, 'a resolution without its kind is a problem');
  assert.match(await text(page.locator('.error-summary')), /Resolution 1 must start with its kind/);
  await page.getByLabel('Resolutions (optional)').fill('noted: That the report be noted\nrecommended: That Cabinet approve the plan');
  await page.getByLabel('Recommended to (optional)').selectOption({ label: 'Communities & Housing <Scrutiny> Committee' });
  await submit(page, page.getByRole('button', { name: 'Add agenda item' }));
  assert.match(page.url(), /\/items\/\d+\?saved=1$/);
  const itemId = Number(page.url().match(/\/items\/(\d+)/)[1]);
  assert.equal(await text(page.locator('h1')), 'Safer Stockport Partnership Plan 2024-27');
  assert.match(await text(page.locator('main')), /The Committee is asked to: comment on the draft plan note the progress made/);
  assert.match(await text(page.locator('main')), /RESOLVED – \(1\) That the report be noted Noted \(2\) That Cabinet approve the plan Recommended to another body to Communities/);
  assert.match(await text(page.locator('main')), new RegExp(`safer items attach ${itemId} FILE`));
  const item = await getJSON(b.server, `/api/v1/items/${itemId}`);
  assert.deepEqual(item.recommendations, ['comment on the draft plan', 'note the progress made']);
  assert.deepEqual(item.resolutions.map((r) => [r.kind, r.to_body_id ?? null]), [['noted', null], ['recommended', bodyId]]);

  // The agenda on the meeting's page, and the month's calendar.
  await submit(page, page.getByRole('link', { name: /Communities & Housing <Scrutiny> Committee, 16 September 2024/ }).first());
  const agenda = await text(page.locator('.agenda'));
  assert.match(agenda, /5 Safer Stockport Partnership Plan 2024-27 Report of Director of Place Management/);
  assert.match(agenda, /Minutes The Director introduced the report\. Members asked about knife crime/);
  await page.goto(b.url + '/meetings?month=2024-09');
  assert.equal(await text(page.locator('h2#month')), 'September 2024');
  const cell = page.locator('td.calendar__day', { hasText: '6pm' });
  assert.match(await text(cell), /Monday 16 September 6pm Communities & Housing <Scrutiny> Committee/);
  assert.equal(await cell.getByRole('link').getAttribute('href'), `/meetings/${meetingId}`);
  await submit(page, page.getByRole('link', { name: /Next month/ }));
  assert.equal(await text(page.locator('h2#month')), 'October 2024');
  await submit(page, page.getByRole('link', { name: /Previous month/ }));
  await submit(page, page.getByRole('link', { name: /Previous month/ }));
  assert.equal(await text(page.locator('h2#month')), 'August 2024');
  problems.allow(b.url + '/meetings?month=2024-13', 400);
  res = await page.goto(b.url + '/meetings?month=2024-13');
  assert.equal(res.status(), 400);

  // Change the item, then delete an empty meeting after checking.
  await page.goto(b.url + `/items/${itemId}`);
  await submit(page, page.getByRole('link', { name: 'Change this item' }));
  assert.equal(await page.getByLabel('Resolutions (optional)').inputValue(),
               'noted: That the report be noted\nrecommended: That Cabinet approve the plan');
  await page.getByLabel('Title', { exact: true }).fill('Safer Stockport Plan');
  await submit(page, page.getByRole('button', { name: 'Save changes' }));
  assert.equal(await text(page.locator('h1')), 'Safer Stockport Plan');

  await page.goto(b.url + `/meetings/new?body=${bodyId}`);
  await page.getByLabel('Day').fill('1');
  await page.getByLabel('Month').fill('10');
  await page.getByLabel('Year').fill('2024');
  await submit(page, page.getByRole('button', { name: 'Add meeting' }));
  const spare = Number(page.url().match(/\/meetings\/(\d+)/)[1]);
  await submit(page, page.getByRole('link', { name: 'Delete this meeting' }));
  assert.equal(await text(page.locator('h1')), 'Delete this meeting?');
  await submit(page, page.getByRole('button', { name: 'Delete meeting' }));
  assert.match(page.url(), new RegExp(`/bodies/${bodyId}\\?deleted=1$`));
  problems.allow(b.url + `/api/v1/meetings/${spare}`, 404);
  const gone = await fetch(b.url + `/api/v1/meetings/${spare}`);
  assert.equal(gone.status, 404);
  assertClean(problems);
});
