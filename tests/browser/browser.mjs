// tests/browser/browser.mjs: Debian's Chromium driven by playwright-core,
// against a fresh safer server, for the browser tests.
//
//   const b = await openBrowser();          // one server and one Chromium
//   after(() => b.close());
//   const { page, problems } = await b.page();
//   await page.goto(b.url + '/actions');
//   ...
//   assertClean(problems);
//
// Every page made by b.page() is watched: console errors, uncaught
// exceptions, failed requests, responses of 400 or more, requests that
// leave the server (127.0.0.1) and dialogs (alert, confirm: dismissed and
// recorded) are problems, and assertClean() fails the test if there were
// any.  A page that is meant to answer 404 or 400 is allowed with
// problems.allow(url, status).
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

// Watch a page; returns a watcher: w.allow(url, status) accepts one
// document that is meant to fail with that status (and the console line
// Chromium prints for it); w.list() is every other problem so far.
export function watch(page, origin) {
  const raw = [];
  const allowed = new Map(); // url -> status
  const add = (kind, url, msg, status) => raw.push({ kind, url, msg, status });
  page.on('console', (m) => {
    if (m.type() === 'error')
      add('console', m.location()?.url, `console error: ${m.text()} (${m.location()?.url})`);
  });
  page.on('pageerror', (err) => add('js', page.url(), `page error: ${err.message}`));
  page.on('dialog', async (d) => {
    add('dialog', page.url(), `dialog opened: ${d.type()} "${d.message()}" on ${page.url()}`);
    await d.dismiss().catch(() => {});
  });
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('about:'))
      add('external', u, `request left 127.0.0.1: ${req.method()} ${u}`);
  });
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText || '';
    // A download ends its navigation with net::ERR_ABORTED: not a fault.
    if (why === 'net::ERR_ABORTED' && /\.csv(\?|$)/.test(req.url())) return;
    add('failed', req.url(), `request failed: ${req.method()} ${req.url()} ${why}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400)
      add('status', res.url(), `HTTP ${res.status()}: ${res.request().method()} ${res.url()}`,
          res.status());
  });
  return {
    raw,
    allow(url, status) { allowed.set(url, status); },
    // ignore: a RegExp of URLs whose problems are tested elsewhere
    // (the favicon: one test of its own, not one failure per page).
    list({ ignore = /\/favicon\.ico$/ } = {}) {
      return raw.filter((p) => {
        if (ignore && p.url && ignore.test(p.url)) return false;
        const ok = allowed.get(p.url);
        if (ok === undefined) return true;
        if (p.kind === 'status') return p.status !== ok;
        if (p.kind === 'console') return !/Failed to load resource/.test(p.msg);
        return true;
      }).map((p) => p.msg);
    },
  };
}

export function assertClean(watcher, what = '', options) {
  const list = watcher.list(options);
  assert.deepEqual(list, [],
                   `problems in the browser${what ? ' on ' + what : ''}:\n` + list.join('\n'));
}

// A server with the demo and one Chromium.  page() makes a watched page in
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
  let closed = false;
  return {
    server,
    browser,
    url: server.url,
    async page(contextOptions = {}) {
      const context = await browser.newContext({
        locale: 'en-GB', viewport: { width: 1200, height: 900 }, ...contextOptions });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10000);
      const problems = watch(page, server.url);
      return { context, page, problems };
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}

// GET a path from the server as JSON (from Node, not the browser).
export async function getJSON(server, path) {
  const res = await fetch(server.url + path);
  assert.equal(res.status, 200, `GET ${path}: ${res.status}`);
  return res.json();
}

// Send JSON to the API.
export async function sendJSON(server, path, body, method = 'POST') {
  const res = await fetch(server.url + path, {
    method, headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

// The visible text of a locator, whitespace collapsed.
export async function text(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

// Submit a form by clicking a button and wait for the page it leads to;
// returns the main document's response.
export async function submit(page, button) {
  const [res] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    button.click(),
  ]);
  return res;
}
