// tests/http/injection.test.mjs: hostile text (markup, quotes, SQL, formula
// and non-ASCII) saved through the API and the forms comes back unchanged
// from the API, escaped on every page that shows it (and on every page a
// crawl from / reaches), properly quoted in the CSV, and drops no table.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer, safer } from '../lib/server.mjs';

const SCRIPT = '<script>alert(1)</script>';
const QUOTES = `"'&`;
const SQL = "'; DROP TABLE actions; --";
const UNICODE = 'Zoë – ✓';
const COMBO = `${SCRIPT}${QUOTES}${SQL} ${UNICODE}`;
const FORMULA = '=HYPERLINK("http://evil.example","x")';
const STRINGS = [SCRIPT, QUOTES, SQL, COMBO, UNICODE];

// What must never appear raw in HTML: the markup, the quote run, the
// SQL with its quote.
const RAW_FORBIDDEN = ['<script', 'alert(1)</', QUOTES, SQL];

let srv;
let baseline; // number of actions before any insert
const created = []; // {id, text}
test.before(async () => {
  srv = await startServer();
  baseline = (await getJSON('/api/v1/actions')).count;
});
test.after(async () => { await srv?.stop(); });

async function getJSON(path) {
  const r = await fetch(srv.url + path);
  assert.equal(r.status, 200, path);
  return r.json();
}

async function getPage(path) {
  const r = await fetch(srv.url + path);
  return { status: r.status, type: r.headers.get('content-type') || '', text: await r.text() };
}

function htmlEscape(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function assertNoRaw(text, where) {
  for (const bad of RAW_FORBIDDEN)
    assert.ok(!text.includes(bad), `${where} contains raw ${JSON.stringify(bad)}: ` +
      JSON.stringify(text.slice(Math.max(0, text.indexOf(bad) - 80), text.indexOf(bad) + 80)));
}

// A form token: the cookie and the hidden field of a page's form.
async function formSession(path) {
  const r = await fetch(srv.url + path);
  assert.equal(r.status, 200, path);
  const cookie = /safer_csrf=([0-9a-f]+)/.exec(r.headers.get('set-cookie') || '');
  const html = await r.text();
  const field = /name="csrf" value="([0-9a-f]+)"/.exec(html);
  assert.ok(cookie && field, `${path} sets a form token`);
  assert.equal(cookie[1], field[1]);
  return { cookie: `safer_csrf=${cookie[1]}`, token: field[1] };
}

async function postForm(path, session, fields) {
  const body = new URLSearchParams({ csrf: session.token, ...fields }).toString();
  const r = await fetch(srv.url + path, {
    method: 'POST', redirect: 'manual', body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
  });
  return { status: r.status, location: r.headers.get('location'), text: await r.text() };
}

// RFC 4180 rows.
function parseCSV(text) {
  const rows = [];
  let row = [], cell = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    assert.notEqual(c, '"', 'a quote inside an unquoted cell');
    assert.notEqual(c, '\n', 'a bare newline ends a row');
    cell += c; i++;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('API: hostile titles, descriptions and update bodies come back unchanged', async () => {
  const plan = await getJSON('/api/v1/plans/1');
  const theme = plan.themes[0];
  for (const s of [...STRINGS, FORMULA]) {
    const description = `${s}\n\nSecond paragraph: ${s}`;
    let r = await fetch(srv.url + '/api/v1/actions', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ plan_id: plan.id, theme_id: theme.id, priority_id: theme.priority_areas[0].id, title: s, description }),
    });
    assert.equal(r.status, 201, `create ${JSON.stringify(s)}`);
    const a = await r.json();
    assert.equal(a.title, s);
    assert.equal(a.description, description);
    r = await fetch(srv.url + `/api/v1/actions/${a.id}/updates`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: s }),
    });
    assert.equal(r.status, 201);
    const back = await getJSON(`/api/v1/actions/${a.id}`);
    assert.equal(back.title, s);
    assert.equal(back.description, description);
    assert.equal(back.updates.length, 1);
    assert.equal(back.updates[0].body, s);
    const list = await getJSON(`/api/v1/actions?theme=${theme.id}`);
    assert.equal(list.actions.find((x) => x.id === a.id).title, s);
    created.push({ id: a.id, text: s });
  }
});

test('forms: hostile text through the action, update, fund and award forms', async () => {
  const session = await formSession('/actions/new');
  let r = await postForm('/actions', session, {
    plan_id: '1', title: COMBO, description: COMBO, theme_id: '1', priority_id: '1',
    owner_id: '', 'due_on-day': '', 'due_on-month': '', 'due_on-year': '', status: 'not_started', rag: '',
  });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const id = Number(/^\/actions\/(\d+)\?saved=created$/.exec(r.location)?.[1]);
  assert.ok(id > 0, r.location);
  r = await postForm(`/actions/${id}/updates`, session, { body: COMBO, author_id: '', status: '', rag: '' });
  assert.equal(r.status, 303);
  const a = await getJSON(`/api/v1/actions/${id}`);
  assert.equal(a.title, COMBO);
  assert.equal(a.description, COMBO);
  assert.equal(a.updates[0].body, COMBO);
  created.push({ id, text: COMBO });

  // An invalid form is shown again with what was entered, escaped.
  r = await postForm('/actions', session, { plan_id: '1', title: COMBO, status: 'bogus' });
  assert.equal(r.status, 400);
  assertNoRaw(r.text, 'the action form shown again');
  assert.ok(r.text.includes(`value="${htmlEscape(COMBO)}"`), 'the title is kept, escaped, in its input');

  r = await postForm('/funds', session, { name: COMBO, year: '2020/21', allocation: '1,000', grantor: SCRIPT, note: SQL });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const fundId = Number(/^\/funds\/(\d+)/.exec(r.location)?.[1]);
  r = await postForm(`/funds/${fundId}/awards`, session, { recipient: COMBO, purpose: SCRIPT, amount: '10', status: 'awarded', note: QUOTES });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const fund = await getJSON(`/api/v1/funds/${fundId}`);
  assert.equal(fund.name, COMBO);
  assert.equal(fund.grantor, SCRIPT);
  assert.equal(fund.note, SQL);
  assert.equal(fund.awards[0].recipient, COMBO);
  assert.equal(fund.awards[0].purpose, SCRIPT);
  assert.equal(fund.awards[0].note, QUOTES);
  for (const page of [`/funds/${fundId}`, '/funding', '/funding?year=2020/21', `/funds/${fundId}/edit`,
    `/awards/${fund.awards[0].id}/edit`, `/funds/${fundId}/awards/new`, '/']) {
    const p = await getPage(page);
    assert.equal(p.status, 200, page);
    assertNoRaw(p.text, page);
  }
  const fp = await getPage(`/funds/${fundId}`);
  assert.ok(fp.text.includes(htmlEscape(COMBO)), 'the fund page shows the name escaped');
});

test('pages show the hostile text only escaped', async () => {
  assert.ok(created.length >= STRINGS.length, 'the API test ran first');
  const list = await getPage('/actions');
  const theme = await getPage('/themes/1');
  const prio = await getPage('/priorities/1');
  const overview = await getPage('/');
  for (const [name, p] of [['/actions', list], ['/themes/1', theme], ['/priorities/1', prio], ['/', overview]]) {
    assert.equal(p.status, 200, name);
    assert.match(p.type, /^text\/html/);
    assertNoRaw(p.text, name);
  }
  for (const { id, text } of created) {
    const page = await getPage(`/actions/${id}`);
    assert.equal(page.status, 200);
    assertNoRaw(page.text, `/actions/${id}`);
    const esc = htmlEscape(text);
    assert.ok(page.text.includes(`<h1>${esc}</h1>`), `action ${id}: the heading shows the title escaped`);
    assert.ok(page.text.includes(`<title>${esc} `), `action ${id}: the <title> is escaped`);
    assert.ok(page.text.includes(`<p class="timeline__body">${esc}</p>`), `action ${id}: the update is escaped`);
    assert.ok(page.text.includes(`<p>${esc}</p>`), `action ${id}: the description is escaped`);
    assert.ok(list.text.includes(`>${esc}</a>`), `/actions lists ${id} escaped`);
    assert.ok(theme.text.includes(`>${esc}</a>`), `the theme page lists ${id} escaped`);
    assert.ok(prio.text.includes(`>${esc}</a>`), `the priority page lists ${id} escaped`);
    const edit = await getPage(`/actions/${id}/edit`);
    assert.equal(edit.status, 200);
    assertNoRaw(edit.text, `/actions/${id}/edit`);
    assert.ok(edit.text.includes(`value="${esc}"`), `edit form of ${id}: the title in value="" is escaped`);
  }
  assert.ok(list.text.includes(UNICODE), 'non-ASCII text is shown as it is');
});

test('reflected query text is escaped on error pages', async () => {
  for (const path of [
    `/actions?status=${encodeURIComponent(SCRIPT)}`,
    `/actions?plan=${encodeURIComponent(SCRIPT)}`,
    `/actions/new?plan=${encodeURIComponent(COMBO)}`,
    `/funding?year=${encodeURIComponent(COMBO)}`,
    `/awards.csv?year=${encodeURIComponent(SCRIPT)}`,
    `/${encodeURIComponent(SCRIPT)}`,
    `/actions/1?saved=${encodeURIComponent(SCRIPT)}`,
  ]) {
    const p = await getPage(path);
    assert.ok(p.status < 500, `${path}: ${p.status}`);
    if (p.type.startsWith('text/html')) assertNoRaw(p.text, path);
    assert.ok(!p.text.includes(SCRIPT), `${path} reflects the markup raw`);
  }
});

test('crawl: no page reachable from / shows hostile text raw', async () => {
  const origin = new URL(srv.url);
  const seen = new Set();
  const queue = ['/'];
  let pages = 0;
  while (queue.length && seen.size < 200) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const r = await fetch(srv.url + path, { redirect: 'manual' });
    const type = r.headers.get('content-type') || '';
    const text = await r.text();
    assert.ok(r.status === 200, `GET ${path}: ${r.status}`);
    if (!type.startsWith('text/html')) continue;
    pages++;
    assertNoRaw(text, path);
    assert.ok(!/<script/i.test(text), `${path} has a script element`);
    for (const m of text.matchAll(/\shref="([^"]*)"/g)) {
      const href = m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      let u;
      try { u = new URL(href, srv.url + path); } catch { continue; }
      if (u.origin !== origin.origin) continue;
      const next = u.pathname + u.search;
      if (!seen.has(next) && !queue.includes(next)) queue.push(next);
    }
  }
  assert.ok(pages >= 30, `crawled ${pages} HTML pages`);
  for (const must of ['/actions', '/funding', '/plans', '/governance', '/outcomes', '/organisations', '/actions.csv'])
    assert.ok(seen.has(must), `the crawl reached ${must}`);
  for (const { id } of created) assert.ok(seen.has(`/actions/${id}`), `the crawl reached action ${id}`);
});

test('CSV: hostile text is quoted so that it reads back unchanged', async () => {
  const r = await fetch(srv.url + '/actions.csv');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  const rows = parseCSV(await r.text());
  const header = rows[0];
  const idCol = header.indexOf('id');
  const titleCol = header.indexOf('title');
  for (const row of rows) assert.equal(row.length, header.length, `row ${row[0]} has every column`);
  for (const { id, text } of created) {
    const row = rows.find((x) => Number(x[idCol]) === id);
    assert.ok(row, `action ${id} is in the CSV`);
    // Formulas are defused with a leading apostrophe; all else is as typed.
    assert.equal(row[titleCol], /^[=+\-@]/.test(text) ? `'${text}` : text, `CSV title of ${id}`);
  }
  const raw = await (await fetch(srv.url + '/actions.csv')).text();
  assert.ok(raw.includes(`"${COMBO.replace(/"/g, '""')}"`), 'the combined text is quoted with doubled quotes');
  assert.ok(!raw.includes(`,${FORMULA}`), 'a formula never starts a cell');

  const aw = await fetch(srv.url + '/awards.csv');
  assert.equal(aw.status, 200);
  const awRows = parseCSV(await aw.text());
  const rec = awRows[0].indexOf('recipient');
  assert.ok(awRows.some((x) => x[rec] === COMBO), 'the award recipient reads back from awards.csv');
});

test('the actions table survives: only the inserted rows were added', async () => {
  const list = await getJSON('/api/v1/actions');
  assert.equal(list.count, baseline + created.length);
  const cli = safer(srv.db, ['actions', 'list', '--format', 'json']);
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(JSON.parse(cli.stdout).count, baseline + created.length);
  const plans = await getJSON('/api/v1/plans');
  assert.equal(plans.plans.length, 4);
});
