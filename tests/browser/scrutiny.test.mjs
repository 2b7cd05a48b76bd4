// Scrutiny in the browser: an undertaking added through the form (first
// with a problem, then right), shown in the register and on its page,
// discharged by choosing the item that answered it, and gone from the
// open register; an issue's page, a timeline of its meetings in date
// order with the decisions and the figures as they stood; the forward
// plan.  Bodies, meetings and items are made with SQL beside the demo's.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { assertClean, getJSON, openBrowser, sendJSON, submit, text } from './browser.mjs';

let b;
before(async () => {
  b = await openBrowser();
  execFileSync('sqlite3', [b.server.db], { input: `
    INSERT INTO body (id, name, kind) VALUES
     (901, 'Test Scrutiny Committee', 'scrutiny'), (902, 'Test Executive', 'executive');
    INSERT INTO meeting (id, body_id, date, time, status) VALUES
     (901, 901, '2014-09-16', '18:00', 'held'),
     (902, 901, '2099-01-20', '18:00', 'scheduled'),
     (903, 902, '2014-09-30', '10:00', 'held');
    INSERT INTO agenda_item (id, meeting_id, number, title, position) VALUES
     (9011, 901, '4', 'Domestic Abuse Strategy', 4),
     (9021, 902, '2', 'Partnership Board summary', 2),
     (9031, 903, '7', 'Domestic Abuse Strategy 2015-16', 7);
    INSERT INTO resolution (item_id, position, text, kind, to_body_id) VALUES
     (9011, 1, 'That the strategy be recommended to the Executive', 'recommended', 902),
     (9031, 1, 'That the strategy be approved', 'approved', NULL);
    INSERT INTO item_link (item_id, kind, target_id) VALUES (9011, 'indicator', 1);
  ` });
});
after(async () => { await b?.close(); });

test('add an undertaking through the form, then discharge it', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/');
  await submit(page, page.getByRole('link', { name: 'Scrutiny' }));
  assert.equal(await text(page.locator('h1')), 'Undertakings and requests');
  await submit(page, page.getByRole('link', { name: 'Add an undertaking' }));

  // Both a meeting and a date: a problem, what was typed kept.
  problems.allow(b.url + '/undertakings', 400);
  const what = 'To provide a summary of the work of the Domestic Abuse Partnership Board';
  await page.getByLabel('What was undertaken or requested').fill(what);
  await page.getByLabel('Who owes it (optional)').fill('A representative of the Director of Strategy');
  await page.getByLabel('Given at (optional)').selectOption({ label: '2014-09-16, Test Scrutiny Committee: item 4, Domestic Abuse Strategy' });
  await page.getByLabel('Due at a meeting (optional)').selectOption({ label: '2099-01-20, Test Scrutiny Committee' });
  await page.locator('#due_date-day').fill('1');
  await page.locator('#due_date-month').fill('2');
  await page.locator('#due_date-year').fill('2099');
  const bad = await submit(page, page.getByRole('button', { name: 'Add undertaking' }));
  assert.equal(bad.status(), 400);
  assert.match(await text(page.locator('.error-summary')), /not both/);
  assert.equal(await page.getByLabel('What was undertaken or requested').inputValue(), what);
  await page.locator('#due_date-day').fill('');
  await page.locator('#due_date-month').fill('');
  await page.locator('#due_date-year').fill('');
  await submit(page, page.getByRole('button', { name: 'Add undertaking' }));
  assert.match(page.url(), /\/undertakings\/\d+\?saved=1$/);
  const id = Number(page.url().match(/\/undertakings\/(\d+)/)[1]);
  assert.match(await text(page.getByRole('status')), /Your changes have been saved/);
  assert.equal(await text(page.locator('h1')), what);
  assert.match(await text(page.locator('main')), /Open/);
  assert.match(await text(page.locator('main')), /20 January 2099/);

  await page.goto(b.url + '/undertakings');
  assert.match(await text(page.locator('main table')), /Domestic Abuse Partnership Board/);
  assert.equal((await getJSON(b.server, '/api/v1/undertakings?meeting=902')).undertakings[0].id, id);

  // Discharge it: first without choosing, then with the item.
  await page.goto(b.url + `/undertakings/${id}`);
  await submit(page, page.getByRole('link', { name: 'Discharge' }));
  problems.allow(b.url + `/undertakings/${id}/discharge`, 400);
  const none = await submit(page, page.getByRole('button', { name: 'Discharge' }));
  assert.equal(none.status(), 400);
  assert.match(await text(page.locator('.error-summary')), /Choose the item that answered it/);
  await page.getByLabel('The item that answered it').selectOption({ label: '2099-01-20, Test Scrutiny Committee: item 2, Partnership Board summary' });
  await submit(page, page.getByRole('button', { name: 'Discharge' }));
  assert.equal(page.url(), b.url + `/undertakings/${id}?saved=1`);
  assert.match(await text(page.locator('main')), /Discharged/);
  assert.match(await text(page.locator('main')), /Partnership Board summary/);
  const u = await getJSON(b.server, `/api/v1/undertakings/${id}`);
  assert.equal(u.status, 'discharged');
  assert.equal(u.discharged_by_item_id, 9021);

  // The demo's own undertaking on the Board's summary stays open: look
  // for this one's words.
  await page.goto(b.url + '/undertakings?status=open');
  assert.doesNotMatch(await text(page.locator('main')), new RegExp(what));
  await page.goto(b.url + '/undertakings?status=discharged');
  assert.match(await text(page.locator('main table')), new RegExp(what));
  assertClean(problems, 'the undertaking forms');
});

test('an issue page: the timeline in date order; the forward plan', async () => {
  const { page, problems } = await b.page();
  let r = await sendJSON(b.server, '/api/v1/issues', { title: 'Domestic Abuse Strategy (test)' });
  assert.equal(r.status, 201);
  const id = r.body.id;
  for (const item of [9031, 9011])
    await sendJSON(b.server, `/api/v1/issues/${id}/items`, { item_id: item });
  await page.goto(b.url + '/issues');
  await submit(page, page.getByRole('link', { name: 'Domestic Abuse Strategy (test)' }));
  assert.equal(await text(page.locator('h1')), 'Domestic Abuse Strategy (test)');
  const titles = await page.locator('.timeline__title').allTextContents();
  assert.deepEqual(titles.map((t) => t.trim()),
                   ['16 September 2014: Test Scrutiny Committee', '30 September 2014: Test Executive']);
  const first = await text(page.locator('.timeline__item').first());
  assert.match(first, /Recommended to Test Executive: That the strategy be recommended/);
  assert.match(first, /The figures as they stood/);
  assert.match(await text(page.locator('.timeline__item').nth(1)), /Approved: That the strategy be approved/);

  // Add an item through the form.
  await submit(page, page.getByRole('link', { name: 'Add an item' }));
  await page.getByLabel('Agenda item').selectOption({ label: '2099-01-20, Test Scrutiny Committee: item 2, Partnership Board summary' });
  await submit(page, page.getByRole('button', { name: 'Add item' }));
  assert.equal(page.url(), b.url + `/issues/${id}?saved=1`);
  assert.equal(await page.locator('.timeline__item').count(), 3);

  await page.goto(b.url + '/forward-plan');
  assert.equal(await text(page.locator('h1')), 'Forward plan');
  assert.match(await text(page.locator('main')), /Partnership Board summary/);
  assertClean(problems, 'the issue and forward plan pages');
});
