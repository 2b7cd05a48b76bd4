// People, organisations and boards in the browser, from an empty database
// ('safer init'): the pages offer to set up the partnership and add the
// first organisation, person and board; the forms add them, show their
// errors, and a board takes its members as checkboxes; a record is
// changed through its "Change" link and deleted after checking.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, getJSON, openBrowser, submit, text } from './browser.mjs';

let b;
before(async () => { b = await openBrowser({ server: { demo: false } }); });
after(async () => { await b?.close(); });

test('from an empty database: the partnership, an organisation, a person and a board', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/organisations');
  assert.equal(await text(page.locator('h1')), 'Organisations and people');

  // The partnership.
  await submit(page, page.getByRole('link', { name: 'Set up the partnership' }));
  await page.getByLabel('Name', { exact: true }).fill('Safer Testshire Partnership');
  await page.getByLabel('Area').fill('Testshire');
  await page.getByLabel('Former names (optional)').fill('Testshire CDRP\nTestshire Together');
  await submit(page, page.getByRole('button', { name: 'Set up the partnership' }));
  assert.equal(page.url(), b.url + '/organisations?saved=1');
  assert.match(await text(page.getByRole('status')), /Your changes have been saved/);
  let p = await getJSON(b.server, '/api/v1/partnership');
  assert.equal(p.name, 'Safer Testshire Partnership');
  assert.deepEqual(p.former_names, ['Testshire CDRP', 'Testshire Together']);

  // An organisation: first with a problem, then right.
  await submit(page, page.getByRole('link', { name: 'Add an organisation' }));
  problems.allow(b.url + '/organisations', 400);
  await page.getByLabel('Name', { exact: true }).fill('Testshire Council');
  const bad = await submit(page, page.getByRole('button', { name: 'Add organisation' }));
  assert.equal(bad.status(), 400);
  assert.equal(await text(page.locator('.error-summary h2')), 'There is a problem');
  assert.match(await text(page.locator('.error-summary')), /Sector/);
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Testshire Council', 'what was typed is kept');
  await page.getByLabel('Sector').selectOption({ label: 'Local authority' });
  await page.getByLabel('Short name (optional)').fill('TC');
  await submit(page, page.getByRole('button', { name: 'Add organisation' }));
  assert.equal(page.url(), b.url + '/organisations?saved=1');
  const orgs = (await getJSON(b.server, '/api/v1/organisations')).organisations;
  assert.equal(orgs.length, 1);
  assert.equal(orgs[0].short_name, 'TC');

  // Two people, one in the organisation.
  for (const [name, role, org] of [['Alex Chair', 'Leader', 'Testshire Council'], ['Bo Member', 'Inspector', null]]) {
    await submit(page, page.getByRole('link', { name: 'Add a person' }));
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Role (optional)').fill(role);
    if (org) await page.getByLabel('Organisation (optional)').selectOption({ label: org });
    await submit(page, page.getByRole('button', { name: 'Add person' }));
    assert.equal(page.url(), b.url + '/organisations?saved=1');
  }
  const people = (await getJSON(b.server, '/api/v1/people')).people;
  assert.deepEqual(people.map((x) => x.name), ['Alex Chair', 'Bo Member']);
  assert.equal(people[0].organisation_id, orgs[0].id);

  // A board with both as members, Alex in the chair.
  await page.goto(b.url + '/governance');
  await submit(page, page.getByRole('link', { name: 'Add a board' }));
  await page.getByLabel('Name', { exact: true }).fill('Testshire CSP Board');
  await page.getByLabel('Kind').selectOption({ label: 'Partnership board' });
  await page.getByLabel('Chair (optional)').selectOption({ label: 'Alex Chair' });
  await page.getByLabel('Alex Chair', { exact: true }).check();
  await page.getByLabel('Bo Member', { exact: true }).check();
  await page.getByLabel('Terms of reference (optional)').fill('Meets quarterly.');
  await submit(page, page.getByRole('button', { name: 'Add board' }));
  assert.match(page.url(), /\/governance\?saved=1#board-\d+$/);
  assert.equal(await text(page.locator('h2#board-1')), 'Testshire CSP Board');
  let boards = (await getJSON(b.server, '/api/v1/boards')).boards;
  assert.equal(boards.length, 1);
  assert.deepEqual(boards[0].member_ids.sort(), people.map((x) => x.id).sort());
  assert.equal(boards[0].chair_id, people[0].id);

  // Change it: Bo leaves; the form shows the members checked.
  await submit(page, page.getByRole('link', { name: 'Change Testshire CSP Board' }));
  assert.equal(await page.getByLabel('Bo Member', { exact: true }).isChecked(), true);
  await page.getByLabel('Bo Member', { exact: true }).uncheck();
  await submit(page, page.getByRole('button', { name: 'Save changes' }));
  boards = (await getJSON(b.server, '/api/v1/boards')).boards;
  assert.deepEqual(boards[0].member_ids, [people[0].id]);
  assertClean(problems);
});

test('a person is deleted after checking; one on a board is archived', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/organisations');
  await submit(page, page.getByRole('link', { name: 'Delete Bo Member' }));
  assert.equal(await text(page.locator('h1')), 'Delete this person?');
  await submit(page, page.getByRole('button', { name: 'Delete person' }));
  assert.equal(page.url(), b.url + '/organisations?deleted=1');
  await page.goto(b.url + '/organisations');
  await submit(page, page.getByRole('link', { name: 'Delete Alex Chair' }));
  await submit(page, page.getByRole('button', { name: 'Delete person' }));
  assert.equal(page.url(), b.url + '/organisations?archived=1');
  assert.match(await text(page.getByRole('status')), /archived/);
  assert.equal((await getJSON(b.server, '/api/v1/people')).people.length, 0);
  assert.ok((await getJSON(b.server, '/api/v1/people/1')).archived_at, 'still readable by id');
  assertClean(problems);
});
