// tests/browser/browser.mjs: Debian's Chromium driven by playwright-core,
// against a fresh safer server, for the browser tests.
//
//   const b = await openBrowser();          // one Chromium per test file
//   const { page, problems } = await b.page();
//   await page.goto(b.url + '/actions');
//   ...
//   await b.close();                        // in after() / finally
//
// Every page made by b.page() watches what the browser does: console
// errors, failed requests, responses of 400 or more that were not
// expected, requests that leave 127.0.0.1, and dialogs (alert, confirm),
// which are dismissed and recorded.  assertClean(problems) fails a test if
// any of those happened.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from '../lib/server.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

// Watch a page: returns the list that problems are pushed to.  Statuses in
// expectStatus (e.g. [400, 404]) are not problems for the main document.
export function watch(page, origin, { expectStatus = [] } = {}) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('dialog', async (d) => {
    problems.push(`dialog opened: ${d.type()} ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin + '/') && u !== origin && !u.startsWith('data:') &&
        !u.startsWith('about:'))
      problems.push(`request left 127.0.0.1: ${req.method()} ${u}`);
  });
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText || '';
    // A download ends its navigation with net::ERR_ABORTED: not a fault.
    if (why === 'net::ERR_ABORTED' && /\.csv(\?|$)/.test(req.url())) return;
    problems.push(`request failed: ${req.method()} ${req.url()} ${why}`);
  });
  page.on('response', (res) => {
    const s = res.status();
    if (s < 400) return;
    const isDoc = res.request().resourceType() === 'document';
    if (isDoc && expectStatus.includes(s)) return;
    problems.push(`HTTP ${s}: ${res.request().method()} ${res.url()}`);
  });
  return problems;
}

export function assertClean(problems, what = '') {
  assert.deepEqual(problems, [], `problems in the browser${what ? ' on ' + what : ''}:\n` +
                   problems.join('\n'));
}

// A server with the demo and one Chromium; page() makes a watched page in
// a new context (options go to browser.newContext).
export async function openBrowser({ server: serverOptions } = {}) {
  const server = await startServer(serverOptions);
  let browser;
  try {
    browser = await launch();
  } catch (e) {
    await server.stop();
    throw e;
  }
  const contexts = [];
  return {
    server,
    browser,
    url: server.url,
    async page(contextOptions = {}, watchOptions = {}) {
      const context = await browser.newContext({
        locale: 'en-GB', viewport: { width: 1200, height: 900 }, ...contextOptions });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10000);
      const problems = watch(page, server.url, watchOptions);
      return { context, page, problems };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      const r = await server.stop();
      return r;
    },
  };
}

// GET a path from the server as JSON (through Node, not the browser).
export async function getJSON(server, path) {
  const res = await fetch(server.url + path);
  assert.equal(res.status, 200, `GET ${path}: ${res.status}`);
  return res.json();
}

// POST JSON to the API.
export async function postJSON(server, path, body, method = 'POST') {
  const res = await fetch(server.url + path, {
    method, headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

// The text of an element with whitespace collapsed.
export async function text(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}
