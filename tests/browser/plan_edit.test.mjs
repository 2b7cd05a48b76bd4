// Building a plan in the browser from an empty database ("safer init"):
// a plan, a theme, an outcomes framework with an outcome, and a priority
// area linked to it, all through the forms; the error summary of a form
// sent with problems; a change through a "Change" link; the priority
// areas as they stood on a date; removing after checking one's answers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, getJSON, openBrowser, submit, text } from './browser.mjs';

let b;
before(async () => { b = await openBrowser({ server: { demo: false } }); });
after(async () => { await b?.close(); });

async function fillDate(page, group, day, month, year) {
  const g = page.getByRole('group', { name: group });
  await g.getByLabel('Day').fill(day);
  await g.getByLabel('Month').fill(month);
  await g.getByLabel('Year').fill(year);
}

test('a plan, theme, framework, outcome and priority area from an empty database', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/plans');
  assert.match(await text(page.locator('main')), /No plan has been recorded yet/);
  await page.getByRole('link', { name: 'Create a plan' }).click();
  await page.waitForURL(b.url + '/plans/new');

  // Sent with problems: the error summary, the messages by the fields.
  await fillDate(page, 'Start of the period', '1', '4', '2024');
  await fillDate(page, 'End of the period', '31', '3', '2023');
  problems.allow(b.url + '/plans', 400);
  await submit(page, page.getByRole('button', { name: 'Create plan' }));
  assert.match(await page.title(), /^Error: /);
  const summary = page.locator('.error-summary');
  assert.match(await text(summary), /There is a problem/);
  assert.match(await text(summary), /Title must not be empty/);
  assert.match(await text(summary), /End of the period must not be before the start/);
  assert.equal(await page.getByRole('group', { name: 'Start of the period' }).getByLabel('Year').inputValue(), '2024',
               'what was typed is kept');

  await page.getByLabel('Title').fill('Community Safety Plan 2024-27');
  await fillDate(page, 'End of the period', '31', '3', '2027');
  await page.getByLabel('Approved by (optional)').fill('Safer Partnership Board');
  await submit(page, page.getByRole('button', { name: 'Create plan' }));
  assert.match(page.url(), /\/plans\/1\?saved=1$/);
  assert.match(await text(page.locator('.notification')), /Your changes have been saved/);
  assert.equal(await page.locator('h1').innerText(), 'Community Safety Plan 2024-27');
  assert.match(await text(page.locator('.summary-list')), /April 2024 to March 2027/);

  // A change through the summary list's "Change" link.
  await page.getByRole('link', { name: 'Change status' }).click();
  await page.getByLabel('Status').selectOption('approved');
  await submit(page, page.getByRole('button', { name: 'Save changes' }));
  assert.match(await text(page.locator('.summary-list')), /Approved/);

  // A theme.
  await page.getByRole('link', { name: 'Add a theme' }).click();
  await page.getByLabel('Name').fill('Protecting vulnerable people');
  await page.getByLabel('Description (optional)').fill('Safeguarding <children> & adults');
  await submit(page, page.getByRole('button', { name: 'Add theme' }));
  assert.equal(await page.getByRole('heading', { name: 'Protecting vulnerable people', level: 3 }).count(), 1);

  // An outcomes framework and an outcome.
  await page.goto(b.url + '/outcomes');
  await page.getByRole('link', { name: 'Add an outcomes framework' }).click();
  await page.getByLabel('Name').fill('Police and Crime Plan outcomes');
  await page.getByLabel('Owner (optional)').fill('PCC');
  await submit(page, page.getByRole('button', { name: 'Add framework' }));
  assert.equal(await page.getByRole('heading', { name: 'Police and Crime Plan outcomes', level: 2 }).count(), 1);
  await page.getByRole('link', { name: 'Add an outcome to Police and Crime Plan outcomes' }).click();
  await page.getByLabel('Number').fill('1');
  await page.getByLabel('Outcome', { exact: true }).fill('People feel safe');
  await page.getByLabel('Group').fill('Safer places');
  await submit(page, page.getByRole('button', { name: 'Add outcome' }));
  assert.match(await text(page.locator('main table')), /People feel safe/);

  // A priority area, linked to the outcome by its checkbox.
  await page.goto(b.url + '/themes/1');
  await page.getByRole('link', { name: 'Add a priority area' }).click();
  await page.getByLabel('Name').fill('Domestic abuse');
  await page.getByLabel('Outcome 1: People feel safe').check();
  await submit(page, page.getByRole('button', { name: 'Add priority area' }));
  assert.match(page.url(), /\/themes\/1\?saved=1$/);
  assert.match(await text(page.locator('main')), /Domestic abuse \(outcomes 1\)/);

  // Through the API, the plan is whole.
  const plan = await getJSON(b.server, '/api/v1/plans/1');
  assert.equal(plan.status, 'approved');
  assert.equal(plan.approved_by, 'Safer Partnership Board');
  assert.deepEqual(plan.themes.map((t) => [t.name, t.description]),
                   [['Protecting vulnerable people', 'Safeguarding <children> & adults']]);
  assert.deepEqual(plan.themes[0].priority_areas.map((p) => [p.name, p.outcome_ids.length]),
                   [['Domestic abuse', 1]]);
  assertClean(problems);
});

test('a renamed priority area, and the list as it stood on a date', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/priorities/1');
  await page.getByRole('link', { name: 'Change name' }).click();
  await page.getByLabel('Name').fill('Domestic abuse and violence against women and girls');
  await page.getByLabel('Outcome 1: People feel safe').uncheck();
  await submit(page, page.getByRole('button', { name: 'Save changes' }));
  assert.equal(await page.locator('h1').innerText(), 'Domestic abuse and violence against women and girls');
  assert.match(await text(page.locator('main')), /No outcomes have been linked/);

  // Today, on the theme page, the list as it stands.
  await page.goto(b.url + '/themes/1');
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('Date').fill(today);
  await submit(page, page.getByRole('button', { name: 'Show the list as it stood' }));
  assert.match(await text(page.locator('#priorities-on')), /violence against women and girls/);
  await page.getByLabel('Date').fill('2020-01-01');
  await submit(page, page.getByRole('button', { name: 'Show the list as it stood' }));
  assert.match(await text(page.locator('main')), /No priority areas were listed on that day/);
  assertClean(problems);
});

test('removing asks first, then deletes what nothing refers to', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/plans/1');
  await page.getByRole('link', { name: 'Add a theme' }).click();
  await page.getByLabel('Name').fill('A theme made by mistake');
  await submit(page, page.getByRole('button', { name: 'Add theme' }));
  await page.getByRole('heading', { name: 'A theme made by mistake', level: 3 }).getByRole('link').click();
  await page.getByRole('link', { name: 'Archive or delete this theme' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Remove the theme?');
  assert.match(await text(page.locator('.summary-list')), /A theme made by mistake/);
  await submit(page, page.getByRole('button', { name: 'Remove the theme' }));
  assert.match(page.url(), /\/plans\/1$/);
  assert.equal(await page.getByRole('heading', { name: 'A theme made by mistake' }).count(), 0);

  // The plan itself has a theme: archived, not deleted.
  await page.getByRole('link', { name: 'Archive or delete it' }).click();
  await submit(page, page.getByRole('button', { name: 'Remove the plan' }));
  assert.match(page.url(), /\/plans$/);
  assert.match(await text(page.locator('main')), /No plan has been recorded yet/);
  const plan = await getJSON(b.server, '/api/v1/plans/1');
  assert.ok(plan.archived_at, 'archived, still readable');
  assertClean(problems);
});
