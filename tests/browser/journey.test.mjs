// The journey of issue 8, in the browser, from an empty database ("safer
// init"): an administrator creates the first account and signs in; sets up
// the partnership, an organisation, two people, a plan with two themes and
// their leads, priority areas, an outcomes framework with two outcomes
// linked to a priority area, a board, a fund with an award, an action on
// each theme, then a lead of the first theme and a viewer; publishes the
// plan and the crime dashboard.  Street-level crime is imported with the
// command line, as a person would.  The lead updates their own theme's
// action and is refused the other's; the viewer reads but cannot edit; an
// anonymous visitor sees only what is published, with no count of 1 to 4
// in the dashboard's tables or CSV files; "Recent changes" shows each step
// with its author.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { safer } from '../lib/server.mjs';
import { assertClean, openBrowser, submit, text } from './browser.mjs';

const ADMIN = 'ann@example.org';
const LEAD = 'lee@example.org';
const VIEWER = 'vic@example.org';
const PW = 'correct horse battery';
const SHOTS = process.env.SAFER_SHOTS; // a folder for screenshots, if set

let b;
before(async () => { b = await openBrowser({ server: { demo: false } }); });
after(async () => { await b?.close(); });

async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `journey-${name}.png`), fullPage: true });
}

async function signIn(page, email) {
  await page.goto(b.url + '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PW);
  const res = await submit(page, page.getByRole('button', { name: 'Sign in' }));
  assert.equal(res.status(), 200, `${email} signs in`);
}

async function signOut(page) {
  await submit(page, page.getByRole('button', { name: 'Sign out' }));
}

async function fillDate(page, group, day, month, year) {
  const g = page.getByRole('group', { name: group });
  await g.getByLabel('Day').fill(day);
  await g.getByLabel('Month').fill(month);
  await g.getByLabel('Year').fill(year);
}

// A police.uk street-level file: the real header; three LSOAs of one
// district over three months, some counts below 5 and some above.
function streetCSV() {
  const header = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,' +
    'LSOA code,LSOA name,Crime type,Last outcome category,Context';
  const lsoas = [['E01099001', 'Testshire 001A'], ['E01099002', 'Testshire 001B'],
                 ['E01099003', 'Testshire 002A']];
  // [month, lsoa, type, count]
  const counts = [];
  const months = ['2025-01', '2025-02', '2025-03'];
  months.forEach((m, i) => {
    counts.push([m, 0, 'Burglary', 6 + i], [m, 1, 'Burglary', 2],
                [m, 0, 'Anti-social behaviour', 12], [m, 2, 'Anti-social behaviour', 9 + i],
                [m, 1, 'Vehicle crime', 1 + i], [m, 2, 'Violence and sexual offences', 15],
                [m, 0, 'Shoplifting', 3]);
  });
  const rows = [header];
  let id = 0;
  for (const [m, l, type, n] of counts)
    for (let k = 0; k < n; k++) {
      const asb = type === 'Anti-social behaviour';
      const crimeId = asb ? '' : (++id).toString(16).padStart(64, '0');
      rows.push([crimeId, m, 'Testshire Police', 'Testshire Police', '-2.150000', '53.400000',
                 'On or near Test Street', lsoas[l][0], lsoas[l][1], type,
                 asb ? '' : 'Investigation complete; no suspect identified', ''].join(','));
    }
  return rows.join('\n') + '\n';
}

// The cells of the tables of the page that hold a count of 1 to 4.
async function smallCells(page) {
  return page.locator('main table td').evaluateAll((tds) =>
    tds.filter((td) => /^[1-4]$/.test(td.innerText.trim()))
      // Not a rank: the place of a row in a list is not a count.
      .filter((td) => td.closest('table').querySelectorAll('thead th')[td.cellIndex]
                        ?.innerText.trim() !== 'Rank')
      .map((td) => `${td.closest('table').querySelector('caption')?.innerText}: ` +
                   td.closest('tr').innerText.replace(/\s+/g, ' ')));
}

test('a partnership from an empty database, its people, and what each may see', async () => {
  const { page, problems } = await b.page();

  // 1. Local mode: the first account, through /admin/users (local mode
  // allows it, as the banner says), then sign in.
  await page.goto(b.url + '/admin/users');
  assert.match(await text(page.getByRole('region', { name: 'Local mode' })),
               /anyone on this machine can edit/);
  await page.getByRole('link', { name: 'Add a user' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Ann Admin');
  await page.getByLabel('Email address').fill(ADMIN);
  await page.getByLabel('Role').selectOption('admin');
  await page.getByLabel('Password').fill(PW);
  let res = await submit(page, page.getByRole('button', { name: 'Add user' }));
  assert.equal(res.status(), 401, 'local mode is over: sign in');
  problems.allow(res.url(), 401);
  assert.equal(await page.locator('h1').innerText(), 'Sign in');
  await page.getByLabel('Email address').fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill(PW);
  res = await submit(page, page.getByRole('button', { name: 'Sign in' }));
  assert.equal(res.status(), 200);
  assert.equal(await text(page.locator('.header__account a')), 'Ann Admin');

  // 2. The partnership, an organisation, two people.
  await page.goto(b.url + '/organisations');
  await submit(page, page.getByRole('link', { name: 'Set up the partnership' }));
  await page.getByLabel('Name', { exact: true }).fill('Safer Testshire Partnership');
  await page.getByLabel('Area').fill('Testshire');
  await submit(page, page.getByRole('button', { name: 'Set up the partnership' }));
  assert.equal(page.url(), b.url + '/organisations?saved=1');
  await submit(page, page.getByRole('link', { name: 'Add an organisation' }));
  await page.getByLabel('Name', { exact: true }).fill('Testshire Council');
  await page.getByLabel('Sector').selectOption({ label: 'Local authority' });
  await submit(page, page.getByRole('button', { name: 'Add organisation' }));
  for (const name of ['Alex Chair', 'Bo Member']) {
    await submit(page, page.getByRole('link', { name: 'Add a person' }));
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Organisation (optional)').selectOption({ label: 'Testshire Council' });
    await submit(page, page.getByRole('button', { name: 'Add person' }));
    assert.equal(page.url(), b.url + '/organisations?saved=1');
  }
  assert.match(await text(page.locator('main')), /Alex Chair.*Bo Member/);

  // A plan with two themes, each with its lead.
  await page.goto(b.url + '/plans');
  await page.getByRole('link', { name: 'Create a plan' }).click();
  await page.getByLabel('Title').fill('Testshire Community Safety Plan 2025-28');
  await fillDate(page, 'Start of the period', '1', '4', '2025');
  await fillDate(page, 'End of the period', '31', '3', '2028');
  await submit(page, page.getByRole('button', { name: 'Create plan' }));
  assert.match(page.url(), /\/plans\/1\?saved=1$/);
  const themes = [['Protecting vulnerable people', 'Alex Chair'], ['Safer streets', 'Bo Member']];
  for (const [name, lead] of themes) {
    await page.getByRole('link', { name: 'Add a theme' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Theme lead (optional)').selectOption({ label: lead });
    await submit(page, page.getByRole('button', { name: 'Add theme' }));
    assert.equal(await page.getByRole('heading', { name, level: 3 }).count(), 1);
  }
  assert.match(await text(page.locator('main')), /Alex Chair/);
  assert.match(await text(page.locator('main')), /Bo Member/);

  // An outcomes framework with two outcomes.
  await page.goto(b.url + '/outcomes');
  await page.getByRole('link', { name: 'Add an outcomes framework' }).click();
  await page.getByLabel('Name').fill('Police and Crime Plan outcomes');
  await submit(page, page.getByRole('button', { name: 'Add framework' }));
  for (const [n, o] of [['1', 'People feel safe'], ['2', 'Fewer victims of crime']]) {
    await page.getByRole('link', { name: 'Add an outcome to Police and Crime Plan outcomes' }).click();
    await page.getByLabel('Number').fill(n);
    await page.getByLabel('Outcome', { exact: true }).fill(o);
    await page.getByLabel('Group').fill('Safer places');
    await submit(page, page.getByRole('button', { name: 'Add outcome' }));
  }
  assert.match(await text(page.locator('main table')), /People feel safe.*Fewer victims of crime/);

  // Priority areas on each theme; the first linked to both outcomes.
  const priorities = [[1, 'Domestic abuse'], [2, 'Burglary']];
  for (const [theme, name] of priorities) {
    await page.goto(b.url + `/themes/${theme}`);
    await page.getByRole('link', { name: 'Add a priority area' }).click();
    await page.getByLabel('Name').fill(name);
    if (theme === 1) {
      await page.getByLabel('Outcome 1: People feel safe').check();
      await page.getByLabel('Outcome 2: Fewer victims of crime').check();
    }
    await submit(page, page.getByRole('button', { name: 'Add priority area' }));
    assert.match(page.url(), new RegExp(`/themes/${theme}\\?saved=1$`));
  }
  await page.goto(b.url + '/themes/1');
  assert.match(await text(page.locator('main')), /Domestic abuse \(outcomes 1, 2\)/);

  // A board with members.
  await page.goto(b.url + '/governance');
  await submit(page, page.getByRole('link', { name: 'Add a board' }));
  await page.getByLabel('Name', { exact: true }).fill('Testshire CSP Board');
  await page.getByLabel('Kind').selectOption({ label: 'Partnership board' });
  await page.getByLabel('Chair (optional)').selectOption({ label: 'Alex Chair' });
  await page.getByLabel('Alex Chair', { exact: true }).check();
  await page.getByLabel('Bo Member', { exact: true }).check();
  await submit(page, page.getByRole('button', { name: 'Add board' }));
  assert.match(page.url(), /\/governance\?saved=1#board-\d+$/);

  // A fund with an award.
  await page.goto(b.url + '/funding');
  await page.getByRole('link', { name: 'Add a funding stream' }).click();
  await page.getByLabel('Name').fill('Safer Streets Fund');
  await page.getByLabel('Financial year').fill('2025/26');
  await page.getByLabel('Grant allocation, in pounds').fill('10,000');
  await submit(page, page.getByRole('button', { name: 'Add funding stream' }));
  await page.getByRole('link', { name: 'Add an award' }).click();
  await page.getByLabel('Recipient or project').fill('Alley-gating in Testshire');
  await page.getByLabel('Amount, in pounds (optional)').fill('2,000');
  await page.getByLabel('Priority area (optional)').selectOption({ label: 'Burglary (Safer streets, Testshire Community Safety Plan 2025-28)' });
  await submit(page, page.getByRole('button', { name: 'Add award' }));
  assert.match(await text(page.locator('main')), /Alley-gating in Testshire/);

  // An action on each theme.
  const actions = [['Train staff to spot coercive control', 'Protecting vulnerable people', 'Alex Chair'],
                   ['Target-harden burgled homes', 'Safer streets', 'Bo Member']];
  const actionIds = [];
  for (const [title, theme, owner] of actions) {
    await page.goto(b.url + '/actions?plan=1');
    await page.getByRole('link', { name: 'Add an action' }).click();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Theme').selectOption({ label: theme });
    await page.getByLabel('Owner').selectOption({ label: `${owner} (Testshire Council)` });
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Not started' });
    await submit(page, page.getByRole('button', { name: 'Add action' }));
    const m = page.url().match(/\/actions\/(\d+)\?saved=created$/);
    assert.ok(m, page.url());
    actionIds.push(Number(m[1]));
  }

  // Accounts: a lead of the first theme, a viewer.
  for (const [name, email, role] of [['Lee Lead', LEAD, 'lead'], ['Vic Viewer', VIEWER, 'viewer']]) {
    await page.goto(b.url + '/admin/users/new');
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Role').selectOption(role);
    await page.getByLabel('Password').fill(PW);
    await submit(page, page.getByRole('button', { name: 'Add user' }));
    assert.equal(await page.locator('h1').innerText(), name);
    if (role === 'lead') {
      // The scope is set on the user's page, where the themes are listed.
      await page.getByLabel(/Protecting vulnerable people \(/).check();
      await submit(page, page.getByRole('button', { name: 'Change role' }));
      assert.match(await text(page.locator('.summary-list')), /Leads Protecting vulnerable people/);
    }
  }
  assert.match(await text(page.locator('.summary-list')), /Role Viewer/);
  await page.goto(b.url + '/admin/users');
  assert.match(await text(page.locator('table')), /Lee Lead lee@example.org Lead/);

  // Publish the plan and the crime dashboard.
  await page.goto(b.url + '/settings/publishing');
  await page.getByLabel('The plan, with its themes, leads and priority areas').check();
  await page.getByLabel('The crime dashboard').check();
  await page.getByLabel('Hide counts fewer than').fill('5');
  await submit(page, page.getByRole('button', { name: 'Save' }));
  assert.match(await text(page.locator('main')), /The publishing settings have been saved/);
  await shot(page, '2-publishing');

  // 3. Street-level crime, imported with the command line.
  const file = join(b.server.dir, '2025-03-testshire-street.csv');
  writeFileSync(file, streetCSV());
  const imp = safer(b.server.db, ['import', 'police', file]);
  assert.equal(imp.status, 0, imp.stderr);
  await page.goto(b.url + '/crime');
  assert.equal(await page.getByLabel('Area', { exact: true }).inputValue(), 'Testshire',
               'the dashboard opens on the partnership\'s area');
  await shot(page, '3-crime-admin');

  // 4. The lead: their own theme's action, status and a progress update.
  await signOut(page);
  await signIn(page, LEAD);
  await page.goto(b.url + `/actions/${actionIds[0]}`);
  await page.getByRole('link', { name: 'Change this action' }).click();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
  res = await submit(page, page.getByRole('button', { name: 'Save changes' }));
  assert.equal(res.status(), 200);
  assert.match(await text(page.locator('main')), /In progress/);
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Add update' }) });
  await form.getByLabel('Progress update').fill('Two sessions held; forty staff trained.');
  await form.getByLabel('RAG rating').selectOption({ label: 'Green' });
  res = await submit(page, form.getByRole('button', { name: 'Add update' }));
  assert.equal(res.status(), 200);
  assert.match(await text(page.getByRole('status')), /The progress update has been added\./);
  assert.match(await text(page.locator('main')), /forty staff trained/);
  await shot(page, '4-lead-action');
  // The other theme's action: readable, not editable.
  await page.goto(b.url + `/actions/${actionIds[1]}`);
  assert.equal(await page.getByRole('link', { name: 'Change this action' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Add update' }).count(), 0);
  res = await page.goto(b.url + `/actions/${actionIds[1]}/edit`);
  assert.equal(res.status(), 403);
  problems.allow(res.url(), 403);
  await signOut(page);

  // 5. The viewer reads the plan and the actions, and cannot edit.
  await signIn(page, VIEWER);
  await page.goto(b.url + '/plans/1');
  assert.equal(await page.locator('h1').innerText(), 'Testshire Community Safety Plan 2025-28');
  assert.equal(await page.locator('main').getByRole('link', { name: /^(Change|Add)\b/ }).count(), 0,
               'no Change or Add links for a viewer');
  assert.equal(await page.locator('main').getByRole('button', { name: /^(Change|Add)\b/ }).count(), 0);
  res = await page.goto(b.url + '/actions');
  assert.equal(res.status(), 200);
  assert.match(await text(page.locator('main')), /Train staff to spot coercive control/);
  assert.match(await text(page.locator('main')), /Target-harden burgled homes/);
  await page.getByRole('link', { name: 'Train staff to spot coercive control' }).click();
  assert.match(await text(page.locator('main')), /forty staff trained/);
  assert.equal(await page.getByRole('link', { name: /^(Change|Delete) this action$/ }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Add update' }).count(), 0);
  res = await page.goto(b.url + '/plans/new');
  assert.equal(res.status(), 403);
  problems.allow(res.url(), 403);
  await signOut(page);
  assertClean(problems);
});

test('an anonymous visitor: only what is published, and no small counts', async () => {
  const { page, problems } = await b.page();
  let res = await page.goto(b.url + '/plans/1');
  assert.equal(res.status(), 200);
  assert.match(await text(page.locator('main')), /Protecting vulnerable people.*Safer streets/);
  assert.equal(await page.getByRole('link', { name: 'Sign in' }).count(), 1);
  for (const path of ['/actions', '/funding']) {
    res = await page.goto(b.url + path);
    assert.equal(res.status(), 401, path);
    problems.allow(res.url(), 401);
    assert.equal(await page.locator('h1').innerText(), 'Sign in', path);
  }

  res = await page.goto(b.url + '/crime');
  assert.equal(res.status(), 200);
  assert.equal(await page.getByLabel('Area', { exact: true }).inputValue(), 'Testshire');
  await shot(page, '6-crime-public');
  const main = await text(page.locator('main'));
  assert.match(main, /\[c\] marks a count that is not published/);
  assert.ok(await page.locator('main table .suppressed').count() > 0, 'some counts are hidden');
  assert.deepEqual(await smallCells(page), [], 'no count of 1 to 4 in the tables');

  // Every CSV the dashboard offers: no count of 1 to 4.
  const hrefs = await page.locator('main a', { hasText: /CSV/ }).evaluateAll((as) => as.map((a) => a.href));
  assert.ok(hrefs.length > 0, 'the dashboard offers CSV files');
  let suppressed = 0;
  for (const href of hrefs) {
    const r = await fetch(href);
    assert.equal(r.status, 200, href);
    const lines = (await r.text()).trim().split(/\r?\n/);
    const head = lines[0].split(',');
    const at = head.indexOf('count');
    assert.ok(at >= 0, `${href}: a count column in ${lines[0]}`);
    const sup = head.indexOf('suppressed');
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      assert.doesNotMatch(cells[at], /^[1-4]$/, `${href}: ${line}`);
      if (sup >= 0 && cells[sup] === 'true') suppressed++;
    }
  }
  assert.ok(suppressed > 0, `the CSV files mark suppressed counts: ${hrefs.join(' ')}`);
  assertClean(problems);
});

test('the administrator reads the record of changes, with each author', async () => {
  const { page, problems } = await b.page();
  await signIn(page, ADMIN);
  await page.goto(b.url + '/changes');
  assert.equal(await page.locator('h1').innerText(), 'Recent changes');
  await shot(page, '7-changes');
  const rows = await page.locator('main table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
  const by = (who, kind, what) =>
    rows.some((r) => r[1].startsWith(who) && r[2].startsWith(kind) && (!what || r[3] === what));
  for (const kind of ['Plan', 'Theme', 'Priority area', 'Outcomes framework', 'Outcome',
                      'Board', 'Funding stream', 'Award', 'Action', 'Partnership',
                      'Organisation', 'Person', 'Account'])
    assert.ok(by(ADMIN, kind, 'Added') || by(ADMIN, kind), `${kind} by ${ADMIN}:\n${rows.join('\n')}`);
  assert.ok(by(LEAD, 'Action'), `the action changed by ${LEAD}`);
  assert.ok(by(LEAD, 'Progress update'), `the progress update by ${LEAD}`);
  assert.ok(by(ADMIN, 'Setting'), 'the publishing setting');

  // Filter by person: only the lead's changes.
  await page.getByLabel('Person').fill(LEAD);
  await submit(page, page.getByRole('button', { name: 'Show changes' }));
  const whos = await page.locator('main table tbody tr td:nth-child(2)').evaluateAll((tds) =>
    tds.map((td) => td.innerText.split('\n')[0].trim()));
  assert.ok(whos.length >= 2, 'the lead made two changes at least');
  assert.deepEqual([...new Set(whos)], [LEAD]);

  // The CSV of the filtered changes.
  const href = await page.getByRole('link', { name: 'Download these changes as CSV' }).getAttribute('href');
  const got = await page.context().request.get(b.url + href);
  assert.equal(got.status(), 200);
  const csv = await got.text();
  const lines = csv.trim().split(/\r?\n/);
  assert.equal(new Set(lines.slice(1).map((l) => l.split(',')[0])).size, whos.length, csv);
  assert.ok(lines.slice(1).every((l) => l.includes(LEAD)), csv);
  assertClean(problems);
});
