// Every page people work in, checked by axe-core (pinned in
// package.json) in Chromium at a desktop width and at 390 CSS pixels:
// any violation of the WCAG 2.2 A and AA rules and axe's best practices
// fails the test, naming the page, the rule and the elements.  Besides
// axe: tables that scroll sideways can be reached and scrolled from the
// keyboard (their wrapper is focusable, a named region), and a form that
// comes back with problems puts the keyboard focus on its error summary
// without JavaScript.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { assertClean, openBrowser, submit } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const PAGES = [
  ['/', 'the overview'],
  ['/?plan=1', 'the overview of a plan with themes and actions'],
  ['/plans', 'plans'],
  ['/plans/1', 'a plan'],
  ['/themes/1', 'a theme'],
  ['/priorities/1', 'a priority area'],
  ['/actions', 'actions'],
  ['/actions/1', 'an action'],
  ['/actions/new', 'a new action'],
  ['/actions/new?plan=1', 'a new action in a plan that has ended'],
  ['/actions/1/edit', 'an action to change'],
  ['/funding', 'funding'],
  ['/funds/1', 'a funding stream'],
  ['/funds/1/edit', 'a funding stream to change'],
  ['/funds/1/awards/new', 'a new award'],
  ['/awards/1/edit', 'an award to change'],
  ['/crime', 'the crime dashboard'],
  ['/crime?area=Stockport&type=Burglary', 'the crime dashboard for one type'],
  ['/indicators', 'indicators'],
  ['/indicators/1', 'an indicator'],
  ['/indicators/5', 'a crime indicator'],
  ['/themes/1/performance', 'a theme\'s performance'],
  ['/headlines', 'the headlines'],
  ['/governance', 'governance'],
  ['/outcomes', 'the outcomes framework'],
  ['/organisations', 'organisations'],
  ['/plans/new', 'a new plan'],
  ['/plans/1/edit', 'a plan to change'],
  ['/plans/1/roll-forward', 'a plan to roll forward'],
  ['/plans/1/delete', 'check your answers before removing a plan'],
  ['/plans/1/themes/new', 'a new theme'],
  ['/themes/1/edit', 'a theme to change'],
  ['/themes/1?on=2019-06-01', 'a theme\'s priority areas on a date'],
  ['/priorities/1/edit', 'a priority area to change, with outcome checkboxes'],
  ['/frameworks/new', 'a new outcomes framework'],
  ['/frameworks/1/outcomes/new', 'a new outcome'],
  // issue 9, scrutiny
  ['/undertakings', 'the undertakings register'],
  ['/undertakings?status=overdue', 'overdue undertakings'],
  ['/undertakings/new', 'a new undertaking'],
  ['/issues', 'issues'],
  ['/issues/new', 'a new issue'],
  ['/forward-plan', 'the forward plan'],
  ['/no-such-page', 'an error page', 404],
  ['/crime?area=Atlantis', 'a filter form with a problem', 400],
];

const WIDTHS = [['desktop', { width: 1200, height: 900 }],
                ['390px', { width: 390, height: 844 }]];

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b?.close(); });

// Run axe on the page; returns its violations as lines of text.
async function axe(page) {
  await page.evaluate(AXE);
  const res = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                      'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  return res.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary
      .replace(/\s+/g, ' ').slice(0, 300)}`).join('\n'));
}

for (const [name, viewport] of WIDTHS) {
  test(`axe finds no violation on any page at ${name}`, async () => {
    // The pages' Content-Security-Policy allows no script: axe is put in
    // by the test, past it.
    const { page, problems } = await b.page({ viewport, bypassCSP: true });
    const failures = [];
    for (const [path, what, status = 200] of PAGES) {
      if (status !== 200) problems.allow(b.url + path, status);
      const res = await page.goto(b.url + path);
      assert.equal(res.status(), status, `${path}: ${res.status()}`);
      const v = await axe(page);
      if (v.length) failures.push(`${what} (${path}):\n  ${v.join('\n  ')}`);
    }
    assert.deepEqual(failures, [], failures.join('\n'));
    assertClean(problems);
  });
}

test('tables that scroll sideways can be reached from the keyboard', async () => {
  const { page, problems } = await b.page({ viewport: { width: 390, height: 844 } });
  let scrolling = 0;
  for (const path of ['/', '/actions', '/crime', '/funding', '/indicators/1']) {
    await page.goto(b.url + path);
    const wraps = await page.locator('.table-wrap').evaluateAll((ws) => ws.map((w) => ({
      scrolls: w.scrollWidth > w.clientWidth,
      tabindex: w.getAttribute('tabindex'),
      role: w.getAttribute('role'),
      label: w.getAttribute('aria-label') || w.getAttribute('aria-labelledby'),
    })));
    for (const w of wraps) {
      assert.equal(w.tabindex, '0', `${path}: a table wrapper is focusable`);
      assert.equal(w.role, 'region', `${path}: a table wrapper is a region`);
      assert.ok(w.label, `${path}: a table wrapper is named`);
      scrolling += w.scrolls;
    }
  }
  assert.ok(scrolling > 0, 'some tables scroll at 390px');
  // Tabbing onto one and pressing the right arrow scrolls it.
  await page.goto(b.url + '/crime');
  const i = await page.locator('.table-wrap').evaluateAll((ws) =>
    ws.findIndex((w) => w.scrollWidth > w.clientWidth && w.checkVisibility()));
  assert.ok(i >= 0, 'a table of the crime dashboard scrolls at 390px');
  const wrap = page.locator('.table-wrap').nth(i);
  await wrap.focus();
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('table-wrap')),
               true);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  // Scrolling by key may be animated: wait for it to move (or time out).
  const moved = await page.waitForFunction((w) => w.scrollLeft > 0, await wrap.elementHandle(),
                                           { timeout: 5000 }).then(() => true, () => false);
  assert.ok(moved, 'the arrow key scrolls the table');
  assertClean(problems);
});

test('after a failed submit the focus is on the error summary, without JavaScript', async () => {
  const { page, problems } = await b.page({ javaScriptEnabled: false });
  problems.allow(b.url + '/actions', 400);
  await page.goto(b.url + '/actions/new');
  const res = await submit(page, page.getByRole('button', { name: 'Add action' }));
  assert.equal(res.status(), 400);
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return el && (el.closest('.error-summary') ? 'error-summary' : el.tagName);
  });
  assert.equal(focused, 'error-summary');
  // The summary's first link goes to the field.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')),
               '#title');
  assertClean(problems);
});
