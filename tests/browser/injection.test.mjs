// Text that looks like markup or SQL is shown as text wherever it appears,
// and never runs: page.on('dialog') must never fire.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, getJSON, openBrowser, sendJSON, submit, text } from './browser.mjs';

const EVIL = `<script>alert(1)</script> "'& '; DROP TABLE actions; --`;
const EVIL_UPDATE = `<img src=x onerror=alert(2)><b>bold?</b> & </p><script>alert(3)</script>`;

let b, id;
before(async () => {
  b = await openBrowser();
  const r = await sendJSON(b.server, '/api/v1/actions', {
    plan_id: 1, theme_id: 1, priority_id: 2, title: EVIL,
    description: `${EVIL}\n\n<iframe src="https://example.org/"></iframe>`,
    owner_id: 1, due_on: '2021-03-31', status: 'in_progress', rag: 'amber',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  id = r.body.id;
});
after(async () => { await b?.close(); });

// No script element, no iframe, no element made from the text.
async function noMarkupFromText(page) {
  const found = await page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    iframes: document.querySelectorAll('iframe').length,
    imgs: [...document.querySelectorAll('img')].map((i) => i.outerHTML),
    bold: document.querySelectorAll('main b').length,
  }));
  assert.deepEqual(found, { scripts: 0, iframes: 0, imgs: [], bold: 0 });
}

test('an action titled with markup and SQL shows as text on its page', async () => {
  const { page, problems } = await b.page();
  await page.goto(`${b.url}/actions/${id}`);
  assert.equal(await page.locator('h1').innerText(), EVIL);
  assert.equal(await page.title(), `${EVIL} – safer`);
  assert.equal(await page.locator('.breadcrumbs li').last().innerText(), EVIL);
  const desc = page.locator('.summary-list__row', { hasText: 'Description' }).locator('p');
  assert.deepEqual(await desc.allInnerTexts(), [EVIL, '<iframe src="https://example.org/"></iframe>']);
  await noMarkupFromText(page);
  // The edit form holds the exact text in its value attribute.
  await page.getByRole('link', { name: 'Change this action' }).click();
  await page.waitForURL(`${b.url}/actions/${id}/edit`);
  assert.equal(await page.getByLabel('Title').inputValue(), EVIL);
  assert.equal(await page.getByLabel('Description (optional)').inputValue(),
               `${EVIL}\n\n<iframe src="https://example.org/"></iframe>`);
  // Saving it unchanged keeps it exactly.
  await submit(page, page.getByRole('button', { name: 'Save changes' }));
  assert.equal(await page.locator('h1').innerText(), EVIL);
  await noMarkupFromText(page);
  assertClean(problems);
});

test('the same title is text in the action list, the theme, the priority area and the CSV', async () => {
  const { page, problems } = await b.page();
  for (const path of ['/actions', '/actions?theme=1&status=in_progress', '/themes/1', '/priorities/2']) {
    await page.goto(b.url + path);
    const link = page.locator(`main a[href="/actions/${id}"]`);
    assert.equal(await link.count(), 1, path);
    assert.equal(await link.innerText(), EVIL, path);
    await noMarkupFromText(page);
  }
  const csv = await (await fetch(`${b.url}/actions.csv?theme=1&status=in_progress`)).text();
  // RFC 4180: quoted, with the double quote doubled.
  assert.ok(csv.includes(`${id},Safer Stockport Partnership Plan 2018/21,Public Safety and Protection,` +
                         `Crime,"<script>alert(1)</script> ""'& '; DROP TABLE actions; --"`), csv);
  // And the database still has its actions.
  const all = await getJSON(b.server, '/api/v1/actions');
  assert.ok(all.count >= 21);
  assert.ok(all.actions.some((a) => a.title === EVIL));
  assertClean(problems);
});

test('a progress update with markup is shown as text in the timeline', async () => {
  const { page, problems } = await b.page();
  await page.goto(`${b.url}/actions/${id}`);
  const form = page.locator(`form[action="/actions/${id}/updates"]`);
  await form.getByLabel('Progress update').fill(EVIL_UPDATE);
  await submit(page, form.getByRole('button', { name: 'Add update' }));
  const body = page.locator('.timeline__item').first().locator('.timeline__body');
  assert.equal(await body.innerText(), EVIL_UPDATE);
  await noMarkupFromText(page);
  const a = await getJSON(b.server, `/api/v1/actions/${id}`);
  assert.equal(a.updates[0].body, EVIL_UPDATE);
  assertClean(problems);
});

test('markup in a query parameter or a path is not reflected as markup', async () => {
  const { page, problems } = await b.page();
  const u1 = `${b.url}/actions?status=%3Cscript%3Ealert(4)%3C/script%3E`;
  problems.allow(u1, 400);
  const r1 = await page.goto(u1);
  assert.equal(r1.status(), 400);
  await noMarkupFromText(page);
  const u2 = `${b.url}/%3Cscript%3Ealert(5)%3C%2Fscript%3E`;
  problems.allow(u2, 404);
  const r2 = await page.goto(u2);
  assert.equal(r2.status(), 404);
  await noMarkupFromText(page);
  const u3 = `${b.url}/funding?year=%22%3E%3Cscript%3Ealert(6)%3C/script%3E`;
  problems.allow(u3, 400);
  const r3 = await page.goto(u3);
  assert.equal(r3.status(), 400);
  await noMarkupFromText(page);
  assert.equal(await text(page.locator('h1')), 'There is a problem');
  assertClean(problems);
});

test('a form posted from another site is refused', async () => {
  // The pages' forms carry a token tied to a SameSite cookie; a POST
  // from elsewhere (no token, foreign Origin) changes nothing.
  const before = await getJSON(b.server, `/api/v1/actions/${id}`);
  const res = await fetch(`${b.url}/actions/${id}/updates`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
    body: 'body=forged&status=cancelled',
  });
  assert.equal(res.status, 403);
  const res2 = await fetch(`${b.url}/actions/${id}/updates`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'body=forged&status=cancelled&csrf=0123456789abcdef0123456789abcdef',
  });
  assert.equal(res2.status, 403);
  const afterwards = await getJSON(b.server, `/api/v1/actions/${id}`);
  assert.equal(afterwards.update_count, before.update_count);
  assert.equal(afterwards.status, before.status);
});
