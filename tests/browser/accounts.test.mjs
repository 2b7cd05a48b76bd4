// Accounts in the browser: from local mode (the banner), an administrator
// adds the first account through the form and must then sign in; signs
// in and comes back to the page asked for; on "Your account" creates an
// API token (shown once, and it works), revokes it, and changes the
// password; on "Users" adds a user, makes them a lead of a theme and
// disables them; signs out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, openBrowser, submit, text } from './browser.mjs';

const PW = 'correct horse battery';
let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b?.close(); });

async function signIn(page, email, password) {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  return submit(page, page.getByRole('button', { name: 'Sign in' }));
}

test('the first account, sign-in, your account, users, sign-out', async () => {
  const { page, problems } = await b.page();
  await page.goto(b.url + '/actions');
  assert.match(await text(page.getByRole('region', { name: 'Local mode' })),
               /anyone on this machine can edit/);

  // The first account, added in local mode.
  await page.goto(b.url + '/admin/users/new');
  await page.getByLabel('Name', { exact: true }).fill('Ann Admin');
  await page.getByLabel('Email address').fill('ann@example.org');
  await page.getByLabel('Role').selectOption('admin');
  await page.getByLabel('Password').fill('short');
  let res = await submit(page, page.getByRole('button', { name: 'Add user' }));
  assert.equal(res.status(), 400);
  problems.allow(b.url + '/admin/users', 400);
  assert.match(await text(page.locator('.error-summary')), /Password must be at least 10 characters long/);
  await page.getByLabel('Password').fill(PW);
  res = await submit(page, page.getByRole('button', { name: 'Add user' }));
  // Local mode is over: the page after needs sign-in.
  assert.equal(res.status(), 401);
  problems.allow(res.url(), 401);
  assert.equal(await page.locator('h1').innerText(), 'Sign in');
  assert.equal(await page.getByRole('region', { name: 'Local mode' }).count(), 0);

  // A wrong password, then the right one: back to the page asked for.
  res = await signIn(page, 'ann@example.org', 'wrong password');
  assert.equal(res.status(), 400);
  problems.allow(b.url + '/sign-in', 400);
  assert.match(await text(page.locator('.error-summary')), /The email address or the password is not right/);
  res = await signIn(page, 'Ann@Example.org', PW);
  assert.equal(res.status(), 200);
  assert.match(page.url(), /\/admin\/users\/1\?saved=1$/);
  assert.equal(await page.locator('h1').innerText(), 'Ann Admin');
  assert.equal(await text(page.locator('.header__account a')), 'Ann Admin');

  // Your account: a token, shown once, that works; then revoked.
  await page.locator('.header__account a').click();
  await page.waitForURL(b.url + '/account');
  await page.getByLabel('Name of the token').fill('monthly report');
  await submit(page, page.getByRole('button', { name: 'Create token' }));
  assert.equal(await page.locator('h1').innerText(), 'Your new API token');
  const token = await page.locator('#token').innerText();
  assert.match(token, /^safer_[0-9a-f]{64}$/);
  let api = await fetch(b.url + '/api/v1/actions', { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(api.status, 200);
  await page.goto(b.url + '/account');
  assert.equal(await page.locator('body').innerText().then((t) => t.includes(token)), false,
               'the token is not shown again');
  await submit(page, page.getByRole('button', { name: /Revoke/ }));
  assert.match(await text(page.locator('.notification')), /revoked/);
  api = await fetch(b.url + '/api/v1/actions', { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(api.status, 401);

  // Change the password.
  await page.getByLabel('Current password').fill(PW);
  await page.getByLabel('New password', { exact: true }).fill('a brand new password');
  await page.getByLabel('New password again').fill('a brand new password');
  await submit(page, page.getByRole('button', { name: 'Change password' }));
  assert.match(await text(page.locator('.notification')), /Your password has been changed/);

  // Users: add a viewer, make them a lead of a theme, disable them.
  await page.getByRole('link', { name: 'Manage users' }).click();
  await page.getByRole('link', { name: 'Add a user' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Lee Lead');
  await page.getByLabel('Email address').fill('lee@example.org');
  await page.getByLabel('Role').selectOption('viewer');
  await page.getByLabel('Password').fill(PW);
  await submit(page, page.getByRole('button', { name: 'Add user' }));
  assert.equal(await page.locator('h1').innerText(), 'Lee Lead');
  await page.getByLabel('Role').selectOption('lead');
  await page.locator('input[name="theme_ids"]').first().check();
  await submit(page, page.getByRole('button', { name: 'Change role' }));
  assert.match(await text(page.locator('.summary-list')), /Role Lead/);
  assert.match(await text(page.locator('.summary-list')), /Leads \S/);
  await submit(page, page.getByRole('button', { name: 'Disable account' }));
  assert.match(await text(page.locator('.summary-list')), /Status Disabled/);
  await page.goto(b.url + '/admin/users');
  assert.match(await text(page.locator('table')), /Lee Lead lee@example.org Lead Disabled/);

  // Sign out: the internal pages ask for sign-in again.
  await submit(page, page.getByRole('button', { name: 'Sign out' }));
  res = await page.goto(b.url + '/actions');
  assert.equal(res.status(), 401);
  problems.allow(b.url + '/actions', 401);
  assert.equal(await page.getByRole('link', { name: 'Sign in' }).count(), 1);
  assertClean(problems);
});
