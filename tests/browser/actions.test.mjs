// Working with actions in the browser, as a theme lead would: find an
// action from the overview, change it, add a progress update; add an
// action and find it again with the filters and the CSV download; the
// GOV.UK error pattern on the form; and a progress update without
// JavaScript.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { assertClean, getJSON, openBrowser, submit, text } from './browser.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b?.close(); });

// The value shown in a row of the summary list.
function summaryValue(page, key) {
  return page.locator('.summary-list__row', {
    has: page.locator('.summary-list__key', { hasText: new RegExp(`^${key}$`) }),
  }).locator('.summary-list__value');
}

test('change an action and add a progress update, starting from the overview', async () => {
  const { page, problems } = await b.page();
  const title = 'Review return interviews for children missing from home or care';
  const body = 'Return interviews now offered within 72 hours; audit of 40 cases done.\n' +
               'Next: report to the Missing from Home subgroup.';

  await page.goto(b.url + '/');
  await page.getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Actions', exact: true }).click();
  await page.waitForURL(b.url + '/actions');
  assert.equal(await page.locator('h1').innerText(), 'Actions');
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL(/\/actions\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  assert.equal(await page.locator('h1').innerText(), title);
  assert.equal(await text(summaryValue(page, 'Status')), 'On hold');
  assert.equal(await text(summaryValue(page, 'RAG rating')), 'Red');

  // Change this action: status In progress.
  await page.getByRole('link', { name: 'Change this action' }).click();
  await page.waitForURL(`${b.url}/actions/${id}/edit`);
  assert.equal(await page.locator('h1').innerText(), 'Change an action');
  assert.equal(await page.getByLabel('Title').inputValue(), title, 'the form holds the stored title');
  assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), 'on_hold');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
  let res = await submit(page, page.getByRole('button', { name: 'Save changes' }));
  assert.equal(res.status(), 200);
  assert.equal(page.url(), `${b.url}/actions/${id}?saved=changed`);
  const banner = page.getByRole('status');
  assert.match(await text(banner), /Success Your changes have been saved\./);
  assert.equal(await text(summaryValue(page, 'Status')), 'In progress');
  assert.equal(await summaryValue(page, 'Status').locator('.tag').getAttribute('class'),
               'tag tag--blue');
  assert.equal(await text(summaryValue(page, 'RAG rating')), 'Red', 'RAG untouched');

  // Add a progress update that completes it and rates it green.
  const updatesBefore = await page.locator('.timeline__item').count();
  const form = page.locator('form[action$="/updates"]');
  await form.getByLabel('Progress update').fill(body);
  assert.equal(await form.getByLabel('Author').count(), 0, 'no author to choose: it is whoever sends the form');
  await form.getByLabel('Status').selectOption({ label: 'Completed' });
  await form.getByLabel('RAG rating').selectOption({ label: 'Green' });
  res = await submit(page, form.getByRole('button', { name: 'Add update' }));
  assert.equal(res.status(), 200);
  assert.equal(page.url(), `${b.url}/actions/${id}?saved=update#updates`);
  assert.match(await text(page.getByRole('status')), /The progress update has been added\./);
  assert.equal(await text(summaryValue(page, 'Status')), 'Completed');
  assert.equal(await text(summaryValue(page, 'RAG rating')), 'Green');
  const newest = page.locator('.timeline__item').first();
  assert.equal(await page.locator('.timeline__item').count(), updatesBefore + 1);
  assert.equal((await newest.locator('.timeline__body').innerText()).replace(/\r\n/g, '\n'),
               body, 'the update keeps its line break');
  assert.match(await text(newest.locator('.timeline__meta')),
               /^Author not recorded · status set to Completed · RAG Green$/);
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  assert.equal(await text(newest.locator('.timeline__title')), today);
  // The form is empty again for the next update.
  assert.equal(await form.getByLabel('Progress update').inputValue(), '');

  // The API agrees.
  const a = await getJSON(b.server, `/api/v1/actions/${id}`);
  assert.equal(a.status, 'completed');
  assert.equal(a.rag, 'green');
  assert.equal(a.overdue, false, 'a completed action is not overdue');
  assert.equal(a.updates[0].body.replace(/\r\n/g, '\n'), body);
  assert.equal(a.updates[0].author, null, 'local mode: nobody signed in');
  assert.equal(a.updates[0].status, 'completed');
  assert.equal(a.updates[0].rag, 'green');
  assert.equal(a.update_count, a.updates.length);
  assertClean(problems);
});

test('add an action, find it with the filters and download it as CSV', async () => {
  const { page, problems } = await b.page({ acceptDownloads: true });
  const title = 'Pilot a domestic abuse perpetrator helpline ' + Date.now();

  await page.goto(b.url + '/actions?plan=1');
  await page.getByRole('link', { name: 'Add an action' }).click();
  await page.waitForURL(b.url + '/actions/new?plan=1');
  assert.equal(await page.locator('h1').innerText(), 'Add an action');
  // The plan ended in 2021: the form says so, and lets the action be added.
  assert.match(await text(page.locator('.action-warnings')),
               /^! Warning The plan 'Safer Stockport Partnership Plan 2018\/21' ended on 31 March 2021\.$/);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description (optional)').fill('With the Respect helpline.');
  await page.getByLabel('Theme').selectOption({ label: 'Protecting Vulnerable People' });
  await page.getByLabel('Priority area (optional)')
    .selectOption({ label: 'Domestic Abuse (Protecting Vulnerable People)' });
  await page.getByLabel('Owner').selectOption({ label: 'Helen Boyle (Stockport Metropolitan Borough Council)' });
  const due = page.getByRole('group', { name: 'Due date (optional)' });
  await due.getByLabel('Day').fill('1');
  await due.getByLabel('Month').fill('4');
  await due.getByLabel('Year').fill('2020');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
  await page.getByLabel('RAG rating').selectOption({ label: 'Amber' });
  const res = await submit(page, page.getByRole('button', { name: 'Add action' }));
  assert.equal(res.status(), 200);
  assert.match(page.url(), /\/actions\/\d+\?saved=created$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  assert.match(await text(page.getByRole('status')), /The action has been added\./);
  assert.match(await text(page.locator('.action-warnings')), /ended on 31 March 2021/,
               'added, and the warning said again');
  assert.equal(await page.locator('h1').innerText(), title);
  assert.equal(await text(summaryValue(page, 'Due date')), '1 April 2020 Overdue');
  assert.equal(await text(summaryValue(page, 'Owner')),
               'Helen Boyle Stockport Metropolitan Borough Council');
  assert.equal(await text(summaryValue(page, 'Priority area')), 'Domestic Abuse');
  assert.equal(await text(summaryValue(page, 'Theme')), 'Protecting Vulnerable People');
  assert.equal(await text(summaryValue(page, 'Status')), 'In progress');
  assert.equal(await text(summaryValue(page, 'RAG rating')), 'Amber');

  // The filters: the theme list appears once a plan is chosen.
  await page.goto(b.url + '/actions');
  const filters = page.locator('form.filters');
  await filters.getByLabel('Plan').selectOption({ label: 'Safer Stockport Partnership Plan 2018/21' });
  await submit(page, filters.getByRole('button', { name: 'Apply filters' }));
  await filters.getByLabel('Theme').selectOption({ label: 'Protecting Vulnerable People' });
  await filters.getByLabel('Status').selectOption({ label: 'In progress' });
  await filters.getByLabel('Owner').selectOption({ label: 'Helen Boyle' });
  await filters.getByLabel('Only overdue').check();
  await submit(page, filters.getByRole('button', { name: 'Apply filters' }));
  const q = new URL(page.url()).searchParams;
  assert.equal(q.get('theme'), '2');
  assert.equal(q.get('status'), 'in_progress');
  assert.equal(q.get('owner'), '15');
  assert.equal(q.get('overdue'), '1');
  // The form shows the filters that are on.
  assert.equal(await filters.getByLabel('Status').inputValue(), 'in_progress');
  assert.equal(await filters.getByLabel('Owner').inputValue(), '15');
  assert.equal(await filters.getByLabel('Theme').inputValue(), '2');
  assert.equal(await filters.getByLabel('Only overdue').isChecked(), true);
  const rows = page.locator('main table tbody tr');
  assert.equal(await rows.count(), 1, 'only the new action matches');
  assert.equal(await text(rows.first().locator('td').first()), title);
  assert.match(await text(rows.first()), /1 April 2020 Overdue/);
  assert.match(await text(page.locator('main p', { hasText: 'Download' })),
               /^1 action, 1 overdue\. Download these actions as CSV$/);

  // The same filters with a different owner find nothing.
  await filters.getByLabel('Owner').selectOption({ label: 'Marcus Noden' });
  await submit(page, filters.getByRole('button', { name: 'Apply filters' }));
  assert.equal(await rows.count(), 0);
  assert.match(await page.locator('main').innerText(), /There are no actions here yet\./);
  await filters.getByLabel('Owner').selectOption({ label: 'Helen Boyle' });
  await submit(page, filters.getByRole('button', { name: 'Apply filters' }));

  // The CSV download holds the same rows.
  const link = page.getByRole('link', { name: 'Download these actions as CSV' });
  const href = await link.getAttribute('href');
  assert.match(href, /^\/actions\.csv\?/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'actions.csv');
  const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
  assert.equal(csv[0], 'id,plan,theme,priority_area,title,owner,owner_organisation,due_on,' +
                       'status,rag,overdue,last_update_on,update_count,example');
  assert.equal(csv.length, 2, 'a header and one row');
  assert.equal(csv[1], `${id},Safer Stockport Partnership Plan 2018/21,Protecting Vulnerable People,` +
                       `Domestic Abuse,${title},Helen Boyle,Stockport Metropolitan Borough Council,` +
                       '2020-04-01,in_progress,amber,yes,,0,no');
  const fetched = await fetch(b.url + href);
  assert.equal(fetched.status, 200);
  assert.match(fetched.headers.get('content-type'), /^text\/csv/);
  assert.equal((await fetched.text()).trim().split(/\r?\n/).length, 2);
  // The API finds it with the same filters.
  const api = await getJSON(b.server, '/api/v1/actions?theme=2&status=in_progress&owner=15&overdue=true');
  assert.deepEqual(api.actions.map((x) => x.id), [id]);
  assertClean(problems);
});

// The new-action form sent with an empty title and 31 February 2021.
async function sendBadForm(page) {
  await page.goto(b.url + '/actions/new?plan=1');
  await page.getByLabel('Description (optional)').fill('Typed before the mistake');
  await page.getByLabel('Theme').selectOption({ label: 'Serious and Organised Crime' });
  await page.getByLabel('Owner').selectOption({ label: 'Marcus Noden (Greater Manchester Police)' });
  const due = page.getByRole('group', { name: 'Due date (optional)' });
  await due.getByLabel('Day').fill('31');
  await due.getByLabel('Month').fill('2');
  await due.getByLabel('Year').fill('2021');
  await page.getByLabel('RAG rating').selectOption({ label: 'Red' });
  return submit(page, page.getByRole('button', { name: 'Add action' }));
}

test('the new-action form shows its errors the GOV.UK way and keeps what was typed', async () => {
  const { page, problems } = await b.page();
  const before = (await getJSON(b.server, '/api/v1/actions')).count;
  problems.allow(b.url + '/actions', 400);
  const res = await sendBadForm(page);
  assert.equal(res.status(), 400);
  assert.equal(new URL(page.url()).pathname, '/actions');

  const summary = page.locator('.error-summary');
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.equal(await summary.locator('h2').innerText(), 'There is a problem');
  const link = summary.getByRole('link', { name: /Due date/ });
  assert.equal(await link.getAttribute('href'), '#due_on-day');
  assert.match(await link.innerText(), /^Due date must be a real date/);

  // The message beside the field, tied to it for screen readers.
  const group = page.getByRole('group', { name: /Due date/ });
  const message = page.locator('#due_on-error');
  assert.match(await text(message), /^Error: Due date must be a real date/);
  assert.equal(await group.evaluate((g) => g.closest('.form-group').classList.contains('form-group--error')), true);
  assert.match(await group.getAttribute('aria-describedby'), /\bdue_on-error\b/);
  assert.match(await page.locator('#due_on-day').getAttribute('class'), /input--error/);

  // The link moves focus to the field.
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'due_on-day');

  // What was typed is kept.
  assert.equal(await page.locator('#due_on-day').inputValue(), '31');
  assert.equal(await page.locator('#due_on-month').inputValue(), '2');
  assert.equal(await page.locator('#due_on-year').inputValue(), '2021');
  assert.equal(await page.getByLabel('Title').inputValue(), '');
  assert.equal(await page.getByLabel('Description (optional)').inputValue(), 'Typed before the mistake');
  assert.equal(await page.getByLabel('Theme').inputValue(), '3');
  assert.equal(await page.getByLabel('Owner').inputValue(), '3');
  assert.equal(await page.getByLabel('RAG rating').inputValue(), 'red');
  // Nothing was saved.
  assert.equal((await getJSON(b.server, '/api/v1/actions')).count, before);
  assertClean(problems);
});

test('the new-action form lists every error at once (empty title and impossible date)', async () => {
  // GOV.UK: the error summary lists every error on the page, each with a
  // link to its field, and each field shows its own message.
  const { page, problems } = await b.page();
  problems.allow(b.url + '/actions', 400);
  await sendBadForm(page);
  const items = await page.locator('.error-summary__list li').allInnerTexts();
  assert.deepEqual(items.map((s) => s.replace(/ *,.*$/, '')),
                   ['Title must not be empty', 'Due date must be a real date'],
                   'the summary should list both errors, in the order of the form');
  assert.equal(await page.locator('.error-summary a[href="#title"]').count(), 1);
  assert.match(await page.locator('#title-error').innerText(), /Title must not be empty/);
  await page.locator('.error-summary a[href="#title"]').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'title');
  assertClean(problems);
});

test('a form with errors says so in the page title', async () => {
  // GOV.UK: prefix the title with "Error: " so that screen reader users
  // hear at once that the form came back.
  const { page, problems } = await b.page();
  problems.allow(b.url + '/actions', 400);
  await sendBadForm(page);
  assert.match(await page.title(), /^Error: Add an action – safer$/);
  assertClean(problems);
});

test('a progress update can be added without JavaScript', async () => {
  const { page, problems } = await b.page({ javaScriptEnabled: false });
  const body = 'Added with JavaScript switched off.';
  await page.goto(b.url + '/actions/20');
  assert.equal(await page.evaluate(() => 1).catch(() => 'no js'), 1,
               'Playwright can still read the page');
  const form = page.locator('form[action="/actions/20/updates"]');
  await form.getByLabel('Progress update').fill(body);
  await form.getByLabel('RAG rating').selectOption({ label: 'Red' });
  const res = await submit(page, form.getByRole('button', { name: 'Add update' }));
  assert.equal(res.status(), 200);
  assert.equal(page.url(), `${b.url}/actions/20?saved=update#updates`);
  assert.match(await text(page.getByRole('status')), /The progress update has been added\./);
  const newest = page.locator('.timeline__item').first();
  assert.equal(await newest.locator('.timeline__body').innerText(), body);
  assert.match(await text(newest.locator('.timeline__meta')), /^Author not recorded · RAG Red$/);
  assert.equal(await text(summaryValue(page, 'Status')), 'In progress', 'status left unchanged');
  assert.equal(await text(summaryValue(page, 'RAG rating')), 'Red');

  // An empty update comes back with the error, still without JavaScript.
  problems.allow(b.url + '/actions/20/updates', 400);
  const bad = await submit(page, form.getByRole('button', { name: 'Add update' }));
  assert.equal(bad.status(), 400);
  assert.equal(await page.locator('.error-summary h2').innerText(), 'There is a problem');
  assert.match(await page.locator('#body-error').innerText(), /Progress update must not be empty/);
  const a = await getJSON(b.server, '/api/v1/actions/20');
  assert.equal(a.updates[0].body, body);
  assert.equal(a.rag, 'red');
  assertClean(problems);
});

test('text typed in a form is stored with the line breaks people typed', async () => {
  // Browsers send a textarea's line breaks as CR LF.  safer should store
  // LF, as the API and the command line do; else the API returns "\r\n"
  // and a blank line between paragraphs ("\r\n\r\n") is not seen as a
  // paragraph break on the action page.
  const { page, problems } = await b.page();
  await page.goto(b.url + '/actions/new');
  await page.getByLabel('Title').fill('Two paragraphs');
  await page.getByLabel('Description (optional)').fill('First paragraph.\n\nSecond paragraph.');
  await submit(page, page.getByRole('button', { name: 'Add action' }));
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const a = await getJSON(b.server, `/api/v1/actions/${id}`);
  assert.equal(a.description, 'First paragraph.\n\nSecond paragraph.', 'stored as typed, with LF');
  assert.equal(await summaryValue(page, 'Description').locator('p').count(), 2,
               'two paragraphs on the page');
  assertClean(problems);
});

test('overdue actions are marked in the list, in words and with the red bar', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/actions?plan=1');
  const overdue = (await getJSON(b.server, '/api/v1/actions?plan=1&overdue=true')).count;
  assert.ok(overdue >= 7);
  const rows = page.locator('main table tbody tr');
  // In words: an "Overdue" tag in the due column.
  assert.equal(await rows.filter({ has: page.locator('.tag--red', { hasText: 'Overdue' }) }).count(),
               overdue);
  // And the row is marked for the stylesheet (tr.is-overdue draws the bar).
  const marks = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('class')));
  assert.equal(marks.filter((c) => c === 'is-overdue').length, overdue,
               `class attributes of the rows: ${JSON.stringify([...new Set(marks)])}`);
  const bar = await page.locator('main tr.is-overdue td').first()
    .evaluate((td) => getComputedStyle(td).boxShadow);
  assert.match(bar, /rgb\(212, 53, 28\)/);
  assertClean(problems);
});

test('an action due after its plan is saved with a warning on its page', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/actions/new?plan=1');
  await page.getByLabel('Title').fill('Due after the plan');
  const due = page.getByRole('group', { name: 'Due date (optional)' });
  await due.getByLabel('Day').fill('30');
  await due.getByLabel('Month').fill('9');
  await due.getByLabel('Year').fill('2030');
  const res = await submit(page, page.getByRole('button', { name: 'Add action' }));
  assert.equal(res.status(), 200, 'a warning does not stop the save');
  assert.match(await text(page.locator('.action-warnings')),
               /The due date, 30 September 2030, is after the end of the plan's period \(31 March 2021\)\./);
  // Seen again later: the due date is still outside; the plan's end is
  // said only when the action is added.
  await page.goto(page.url().replace(/\?.*$/, ''));
  const w = await text(page.locator('.action-warnings'));
  assert.match(w, /30 September 2030/);
  assert.doesNotMatch(w, /ended on/);
  assertClean(problems);
});

test('a progress update can be dated in the past, not in the future', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/actions/3');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Add update' }) });
  await form.getByLabel('Progress update').fill('Met the school leads in May.');
  const date = form.getByRole('group', { name: 'Date of the update (optional)' });
  await date.getByLabel('Day').fill('12');
  await date.getByLabel('Month').fill('5');
  await date.getByLabel('Year').fill('2021');
  let res = await submit(page, form.getByRole('button', { name: 'Add update' }));
  assert.equal(res.status(), 200);
  const item = page.locator('.timeline__item', { hasText: 'Met the school leads in May.' });
  assert.equal(await text(item.locator('.timeline__title')), '12 May 2021');
  // In the history by its date: after any later update.
  const titles = await page.locator('.timeline__title').allInnerTexts();
  const dates = titles.map((t) => Date.parse(t.replace(/ Example data$/, '')));
  assert.deepEqual(dates, [...dates].sort((x, y) => y - x), 'newest first, by date');

  // Tomorrow is refused, by the field, and nothing is added.
  const n = await page.locator('.timeline__item').count();
  const t = new Date(Date.now() + 2 * 86400e3);
  await form.getByLabel('Progress update').fill('From the future.');
  await date.getByLabel('Day').fill(String(t.getUTCDate()));
  await date.getByLabel('Month').fill(String(t.getUTCMonth() + 1));
  await date.getByLabel('Year').fill(String(t.getUTCFullYear()));
  problems.allow(b.url + '/actions/3/updates', 400);
  res = await submit(page, form.getByRole('button', { name: 'Add update' }));
  assert.equal(res.status(), 400);
  assert.match(await text(page.locator('.error-summary')),
               /Date of the update must be today or in the past/);
  assert.equal(await page.locator('.error-summary a').getAttribute('href'), '#created_at-day');
  assert.equal(await page.locator('.timeline__item').count(), n);
  assertClean(problems);
});

test('a store that cannot answer is an error page, not an empty list', async () => {
  const g = await openBrowser();
  try {
    // The people cannot be read: the form must not offer an empty list of
    // owners as if there were nobody.
    execFileSync('sqlite3', [g.server.db, 'ALTER TABLE person RENAME TO person_gone;']);
    const { page, problems } = await g.page();
    problems.allow(g.url + '/actions/new?plan=1', 500);
    const res = await page.goto(g.url + '/actions/new?plan=1');
    assert.equal(res.status(), 500);
    assert.equal(await page.locator('h1').innerText(), 'Sorry, there is a problem with safer');
    assert.equal(await page.locator('select#owner_id').count(), 0);
    assertClean(problems, '', { ignore: /\/favicon\.ico$|Failed to load resource/ });
  } finally {
    await g.close();
  }
});
