// Every page people work in, checked in Chromium: it loads with no console
// error, failed request or request leaving 127.0.0.1; it has a title, lang
// en-GB, exactly one h1 and a skip link that works; every form control has
// a label, images and SVG have alt text or are hidden, tables have headers;
// keyboard focus is visible on every link, button and field; and no markup
// shows as text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, openBrowser } from './browser.mjs';

const PAGES = [
  ['/', 'Overview'],
  ['/plans', 'Plans'],
  ['/plans/1', 'a plan'],
  ['/themes/1', 'a theme'],
  ['/priorities/1', 'a priority area'],
  ['/actions', 'Actions'],
  ['/actions/1', 'an action'],
  ['/actions/new', 'Add an action'],
  ['/actions/1/edit', 'Change an action'],
  ['/funding', 'Funding'],
  ['/funds/1', 'a funding stream'],
  ['/funds/new', 'Add a funding stream'],
  ['/funds/1/awards/new', 'Add an award'],
  ['/awards/1/edit', 'Change an award'],
  ['/governance', 'Governance'],
  ['/outcomes', 'Outcomes framework'],
  ['/organisations', 'Organisations and people'],
  ['/no-such-page', 'the page not found', 404],
];

let b, page, problems;

before(async () => {
  b = await openBrowser();
  ({ page, problems } = await b.page());
});
after(async () => { await b?.close(); });

// Everything about the page that can be read at once, in the page.
function audit() {
  const visible = (el) => {
    const s = getComputedStyle(el);
    return el.getClientRects().length > 0 && s.visibility !== 'hidden' &&
           s.display !== 'none';
  };
  const out = {
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
    unlabelled: [], images: [], tables: [], escaped: [], ids: [],
  };
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden') continue;
    const named = el.labels?.length ||
      el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    const text = [...(el.labels || [])].map((l) => l.textContent.trim()).join('');
    if (!named || (!text && !el.getAttribute('aria-label') &&
                   !el.getAttribute('aria-labelledby')))
      out.unlabelled.push(el.outerHTML.slice(0, 120));
  }
  for (const el of document.querySelectorAll('img, svg, [role="img"]')) {
    const ok = el.tagName === 'IMG' ? el.hasAttribute('alt')
      : el.getAttribute('aria-hidden') === 'true' || el.getAttribute('aria-label') ||
        el.querySelector('title');
    if (!ok) out.images.push(el.outerHTML.slice(0, 120));
  }
  for (const t of document.querySelectorAll('table')) {
    const problems = [];
    if (!t.querySelector('thead th, tr:first-child th')) problems.push('no header row');
    if (!t.caption || !t.caption.textContent.trim()) problems.push('no caption');
    for (const th of t.querySelectorAll('thead th'))
      if (th.getAttribute('scope') !== 'col') problems.push(`th without scope=col: ${th.textContent}`);
    for (const th of t.querySelectorAll('tbody th'))
      if (th.getAttribute('scope') !== 'row') problems.push(`th without scope=row: ${th.textContent}`);
    for (const th of t.querySelectorAll('thead th'))
      if (!th.textContent.trim()) problems.push('an empty column header');
    if (problems.length) out.tables.push(`${t.caption?.textContent || 'table'}: ${problems.join('; ')}`);
  }
  // Markup or entities that show as text: escaped twice somewhere.
  const shown = document.body.innerText;
  const m = shown.match(/<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|&(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/gi);
  if (m) out.escaped = [...new Set(m)];
  // ids must be unique (labels, error links and skip links rely on them).
  const seen = new Map();
  for (const el of document.querySelectorAll('[id]'))
    seen.set(el.id, (seen.get(el.id) || 0) + 1);
  out.ids = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  // The links to fragments must have a target.
  out.brokenFragments = [...document.querySelectorAll('a[href^="#"]')]
    .map((a) => a.getAttribute('href').slice(1))
    .filter((id) => id && !document.getElementById(decodeURIComponent(id)));
  out.visibleFocusables = [...document.querySelectorAll(
    'a[href], button, summary, input:not([type=hidden]), select, textarea')]
    .filter(visible).length;
  return out;
}

// For every focusable element: is its focused look different from its
// unfocused one?  Returns the ones that look the same.
function focusDifferences() {
  const props = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow',
                 'backgroundColor', 'color', 'borderTopColor', 'borderBottomColor',
                 'textDecorationLine'];
  const look = (el) => {
    const s = getComputedStyle(el);
    return props.map((p) => s[p]).join('|');
  };
  const same = [];
  const els = [...document.querySelectorAll(
    'a[href], button, summary, input:not([type=hidden]), select, textarea')]
    .filter((el) => el.getClientRects().length > 0 || el.classList.contains('skip-link'));
  for (const el of els) {
    el.blur();
    const before = look(el);
    el.focus({ preventScroll: true });
    if (document.activeElement !== el) {
      same.push(`cannot be focused: ${el.outerHTML.slice(0, 100)}`);
      continue;
    }
    const after = look(el);
    el.blur();
    if (before === after) same.push(el.outerHTML.slice(0, 100));
  }
  return { checked: els.length, same };
}

async function checkPage(path, status = 200) {
  const url = b.url + path;
  if (status !== 200) problems.allow(url, status);
  const res = await page.goto(url);
  assert.equal(res.status(), status, `${path} answered ${res.status()}`);
  assert.match(res.headers()['content-type'], /^text\/html; charset=utf-8/);

  const a = await page.evaluate(audit);
  assert.equal(a.lang, 'en-GB', 'html lang');
  assert.match(a.title, /\S.* – safer$/, 'a title naming the page');
  assert.equal(a.h1.length, 1, `exactly one h1, found ${JSON.stringify(a.h1)}`);
  assert.ok(a.h1[0].length > 0, 'the h1 has text');
  assert.deepEqual(a.unlabelled, [], 'form controls without a label');
  assert.deepEqual(a.images, [], 'images or SVG without alt text or aria-hidden');
  assert.deepEqual(a.tables, [], 'tables without proper headers');
  assert.deepEqual(a.ids, [], 'duplicate ids');
  assert.deepEqual(a.brokenFragments, [], 'links to a #fragment that is not on the page');
  assert.deepEqual(a.escaped, [], 'markup or entities shown as text');

  // The skip link: the first Tab reaches it, it shows, Enter moves focus
  // to the main content.
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return { cls: el.className, text: el.textContent.trim(), href: el.getAttribute('href'),
             onScreen: r.left >= 0 && r.top >= 0 && r.width > 0 && r.right <= innerWidth };
  });
  assert.equal(skip.cls, 'skip-link', 'the first Tab reaches the skip link');
  assert.equal(skip.text, 'Skip to main content');
  assert.ok(skip.onScreen, 'the skip link is visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main',
               'the skip link moves focus to <main>');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'MAIN');

  // The next Tab goes on from the main content, not back to the header
  // (the skip link really skips).
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('header')), false,
               'Tab after the skip link does not go back to the header');

  // Focus is visible on every link, button and field.
  const f = await page.evaluate(focusDifferences);
  assert.ok(f.checked >= 8, `only ${f.checked} focusable elements found`);
  assert.deepEqual(f.same, [], 'elements whose focus is not visible');

  assertClean(problems, path);
}

for (const [path, name, status] of PAGES) {
  test(`${name} (${path}) renders cleanly and accessibly`, async () => {
    await checkPage(path, status);
  });
}

test('the 404 page says what happened and links back', async () => {
  const url = b.url + '/actions/987654';
  problems.allow(url, 404);
  const res = await page.goto(url);
  assert.equal(res.status(), 404);
  assert.equal(await page.locator('h1').innerText(), 'Page not found');
  assert.match(await page.locator('main').innerText(), /no such action: 987654/);
  await page.getByRole('link', { name: 'Go to the overview' }).click();
  assert.equal(new URL(page.url()).pathname, '/');
  assertClean(problems);
});

test('the navigation marks the current section and reaches every section', async () => {
  await page.goto(b.url + '/organisations');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const sections = [['Overview', '/'], ['Plans', '/plans'], ['Actions', '/actions'],
                    ['Funding', '/funding'], ['Governance', '/governance'],
                    ['Outcomes', '/outcomes'], ['Organisations', '/organisations']];
  for (const [s, path] of sections) {
    await Promise.all([
      page.waitForURL(b.url + path),
      nav.getByRole('link', { name: s, exact: true }).click(),
    ]);
    const current = await nav.locator('a[aria-current]').evaluateAll((as) =>
      as.map((a) => `${a.textContent}: aria-current=${JSON.stringify(a.getAttribute('aria-current'))}`));
    assert.deepEqual(current, [`${s}: aria-current="page"`], `on ${page.url()}`);
    assert.equal(await page.locator('h1').count(), 1);
  }
  assertClean(problems);
});

test('the favicon the browser asks for is there (no 404 on every page)', async () => {
  const { page: p, problems: w } = await b.page();
  // Chromium asks for the icon after the page has loaded.
  const icon = p.waitForResponse(/\/favicon\.ico$/, { timeout: 3000 }).catch(() => null);
  await p.goto(b.url + '/');
  const res = await icon;
  assert.ok(!res || res.status() < 400,
            `GET /favicon.ico answered ${res?.status()}: every page load logs a console ` +
            'error; serve an icon or declare one (<link rel="icon" href="data:,">)');
  assertClean(w, '/ (favicon)', { ignore: null });
});
