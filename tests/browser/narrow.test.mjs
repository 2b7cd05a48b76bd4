// A phone-sized screen (375 CSS pixels wide): the body never scrolls
// sideways; wide tables scroll inside their .table-wrap instead.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertClean, openBrowser } from './browser.mjs';

let b, page, problems;
before(async () => {
  b = await openBrowser();
  ({ page, problems } = await b.page({ viewport: { width: 375, height: 812 },
                                       isMobile: true, hasTouch: true,
                                       deviceScaleFactor: 2 }));
});
after(async () => { await b?.close(); });

// How wide the page is, and what sticks out past the right edge (outside
// any .table-wrap, which may scroll).
function measure() {
  const vw = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 0.5) continue;
    const wrap = el.closest('.table-wrap');
    if (wrap && wrap !== el && getComputedStyle(el).position !== 'absolute') continue;
    const parent = el.parentElement.getBoundingClientRect();
    if (parent.right > vw + 0.5 && !(el.parentElement.closest('.table-wrap'))) continue;
    out.push(`<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''} class="${el.className}"> ` +
             `right edge at ${Math.round(r.right)}px`);
  }
  return { vw, scrollWidth: document.documentElement.scrollWidth,
           bodyScroll: document.body.scrollWidth, out: out.slice(0, 5) };
}

async function assertNoSideScroll(path) {
  const res = await page.goto(b.url + path);
  assert.equal(res.status(), 200);
  const m = await page.evaluate(measure);
  assert.equal(m.vw, 375);
  assert.ok(m.scrollWidth <= m.vw && m.bodyScroll <= m.vw,
            `${path} scrolls sideways: ${m.scrollWidth}px wide in a ${m.vw}px screen; ` +
            `sticking out: ${m.out.join(', ')}`);
}

test('the overview fits a 375px screen', async () => {
  await assertNoSideScroll('/');
  // The plan with themes and actions (the one in force has none yet).
  await assertNoSideScroll('/?plan=1');
  // Its tables are wider than the screen, and scroll inside their wrapper.
  const wraps = await page.locator('.table-wrap').evaluateAll((ws) =>
    ws.map((w) => ({ scrolls: w.scrollWidth > w.clientWidth, overflow: getComputedStyle(w).overflowX })));
  assert.ok(wraps.length >= 3);
  for (const w of wraps) assert.equal(w.overflow, 'auto');
  assertClean(problems);
});

test('the action list fits a 375px screen', async () => {
  await assertNoSideScroll('/actions');
  assertClean(problems);
});

test('an action page, with its progress update form, fits a 375px screen', async () => {
  await assertNoSideScroll('/actions/1');
  assertClean(problems);
});

test('every other page fits a 375px screen', async () => {
  const failures = [];
  for (const path of ['/plans', '/plans/1', '/themes/1', '/priorities/1', '/actions/new',
                      '/actions/1/edit', '/funding', '/funds/1', '/funds/new',
                      '/funds/1/awards/new', '/awards/1/edit', '/governance', '/outcomes',
                      '/organisations']) {
    try {
      await assertNoSideScroll(path);
    } catch (e) {
      failures.push(e.message.split('\n')[0]);
    }
  }
  assert.deepEqual(failures, []);
  assertClean(problems);
});
