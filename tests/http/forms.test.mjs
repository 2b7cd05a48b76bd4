// tests/http/forms.test.mjs: the page forms end to end without a browser:
// the form token from the page, a valid POST redirecting (303) to what it
// made, an invalid one shown again (400) with the error summary and what
// was entered; progress updates, funds and awards likewise; and the CSV
// downloads.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';

let srv;
let session;
test.before(async () => {
  srv = await startServer();
  session = await formSession('/actions/new');
});
test.after(async () => { await srv?.stop(); });

async function formSession(path) {
  const r = await fetch(srv.url + path);
  assert.equal(r.status, 200);
  const cookie = /safer_csrf=([0-9a-f]{32})/.exec(r.headers.get('set-cookie') || '');
  const html = await r.text();
  const field = /<input type="hidden" name="csrf" value="([0-9a-f]{32})">/.exec(html);
  assert.ok(cookie, 'the page sets the cookie');
  assert.ok(field, 'the form has the token');
  assert.equal(cookie[1], field[1]);
  return { cookie: `safer_csrf=${cookie[1]}`, token: field[1] };
}

async function page(path) {
  const r = await fetch(srv.url + path, { headers: { Cookie: session.cookie } });
  return { status: r.status, text: await r.text(), headers: r.headers };
}

async function post(path, fields) {
  const r = await fetch(srv.url + path, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
    body: new URLSearchParams({ csrf: session.token, ...fields }).toString(),
  });
  return { status: r.status, location: r.headers.get('location'), text: await r.text(), headers: r.headers };
}

async function getJSON(path) {
  const r = await fetch(srv.url + path);
  assert.equal(r.status, 200, path);
  return r.json();
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// The HTML of the <select name=...>, and its selected value.
function selected(html, name) {
  const m = new RegExp(`<select[^>]* name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  assert.ok(m, `a select named ${name}`);
  const s = /<option value="([^"]*)" selected>/.exec(m[1]);
  return s ? s[1] : null;
}
const inputValue = (html, name) => new RegExp(`<input [^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];
const textarea = (html, name) => new RegExp(`<textarea [^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1];

function assertErrorSummary(html, field, message) {
  assert.ok(html.includes('There is a problem'), 'the error summary is shown');
  assert.match(html, /<div class="error-summary"[^>]*role="alert"/);
  if (field) assert.ok(html.includes(`<a href="#${field}">`), `the summary links to #${field}`);
  if (message) assert.ok(html.includes(message), `the message "${message}" is shown`);
}

const plan = {};
test('the add-action form lists the plan\'s themes, priority areas and people', async () => {
  const p = await getJSON('/api/v1/plans/1');
  Object.assign(plan, p);
  const r = await page('/actions/new?plan=1');
  assert.equal(r.status, 200);
  // Plan 1 ended in 2021: the form says so before anything is added.
  assert.match(r.text, /class="warning-text action-warnings"[^]*The plan &#39;Safer Stockport Partnership Plan 2018\/21&#39; ended on 31 March 2021\./);
  for (const t of p.themes) assert.ok(r.text.includes(`<option value="${t.id}">${esc(t.name)}</option>`), t.name);
  assert.ok(r.text.includes('<input type="hidden" name="plan_id" value="1">'));
  assert.equal(selected(r.text, 'status'), 'not_started');
  const pre = await page(`/actions/new?plan=1&theme=${p.themes[2].id}`);
  assert.equal(selected(pre.text, 'theme_id'), String(p.themes[2].id), 'a theme in the query is preselected');
  assert.equal((await page('/actions/new?plan=abc')).status, 400);
  assert.equal((await page('/actions/new?plan=999')).status, 404);
});

const created = {};
test('POST /actions with valid fields: 303 to the new action, saved as entered', async () => {
  const theme = plan.themes[1];
  const prio = theme.priority_areas[1];
  const r = await post('/actions', {
    plan_id: '1', title: '  Run a domestic abuse awareness week  ', description: 'First paragraph.\r\n\r\nSecond.',
    theme_id: String(theme.id), priority_id: String(prio.id), owner_id: '2',
    'due_on-day': '31', 'due_on-month': '3', 'due_on-year': '2030', status: 'in_progress', rag: 'amber',
  });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  const m = /^\/actions\/(\d+)\?saved=created$/.exec(r.location);
  assert.ok(m, `Location ${r.location}`);
  created.action = Number(m[1]);
  const a = await getJSON(`/api/v1/actions/${created.action}`);
  assert.equal(a.title, 'Run a domestic abuse awareness week', 'the title is trimmed');
  assert.equal(a.description, 'First paragraph.\n\nSecond.', 'CRLF from the browser is kept as LF');
  assert.equal(a.theme_id, theme.id);
  assert.equal(a.priority_id, prio.id);
  assert.equal(a.owner_id, 2);
  assert.equal(a.due_on, '2030-03-31');
  assert.equal(a.status, 'in_progress');
  assert.equal(a.rag, 'amber');
  const shown = await page(r.location);
  assert.equal(shown.status, 200);
  assert.ok(shown.text.includes('The action has been added.'), 'the success banner');
  assert.ok(shown.text.includes('<h1>Run a domestic abuse awareness week</h1>'));
  assert.ok(shown.text.includes('31 March 2030'), 'the date in words');
});

test('POST /actions with an empty title: 400, error summary, values kept', async () => {
  const before = (await getJSON('/api/v1/actions')).count;
  const theme = plan.themes[0];
  const r = await post('/actions', {
    plan_id: '1', title: '   ', description: 'Kept description & "quotes"',
    theme_id: String(theme.id), priority_id: '', owner_id: '4',
    'due_on-day': '1', 'due_on-month': '12', 'due_on-year': '2031', status: 'on_hold', rag: 'red',
  });
  assert.equal(r.status, 400);
  assert.match(r.headers.get('content-type'), /^text\/html/);
  assertErrorSummary(r.text, 'title', 'Title must not be empty');
  assert.match(r.text, /<div class="form-group form-group--error">\s*<label class="label" for="title">/);
  assert.equal(textarea(r.text, 'description'), esc('Kept description & "quotes"'));
  assert.equal(selected(r.text, 'theme_id'), String(theme.id));
  assert.equal(selected(r.text, 'owner_id'), '4');
  assert.equal(selected(r.text, 'status'), 'on_hold');
  assert.equal(selected(r.text, 'rag'), 'red');
  assert.equal(inputValue(r.text, 'due_on-day'), '1');
  assert.equal(inputValue(r.text, 'due_on-month'), '12');
  assert.equal(inputValue(r.text, 'due_on-year'), '2031');
  assert.ok(r.text.includes(`name="csrf" value="${session.token}"`), 'the form can be sent again');
  assert.equal((await getJSON('/api/v1/actions')).count, before, 'nothing was created');
});

test('POST /actions with several problems lists every one', async () => {
  const before = (await getJSON('/api/v1/actions')).count;
  const r = await post('/actions', {
    plan_id: '1', title: '', 'due_on-day': '31', 'due_on-month': '2', 'due_on-year': '2021', status: 'finished', rag: 'purple',
  });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'title', 'Title must not be empty');
  assert.ok(r.text.includes('<a href="#due_on-day">'), 'the summary links to the date');
  assert.ok(r.text.includes('<a href="#status">'), 'the summary links to the status');
  assert.ok(r.text.includes('<a href="#rag">'), 'the summary links to the RAG rating');
  const summary = /<ul class="error-summary__list">([\s\S]*?)<\/ul>/.exec(r.text)[1];
  assert.equal((summary.match(/<li>/g) || []).length, 4, 'four problems listed');
  assert.match(r.text, /<title>Error: /, 'the page title starts with Error:');
  assert.equal((await getJSON('/api/v1/actions')).count, before);
});

test('POST /actions with a bad date or a priority of another theme: 400 naming the field', async () => {
  const before = (await getJSON('/api/v1/actions')).count;
  let r = await post('/actions', { plan_id: '1', title: 'Dated', 'due_on-day': '30', 'due_on-month': '2', 'due_on-year': '2021', status: 'not_started' });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'due_on-day', 'Due date must be a real date');
  assert.equal(inputValue(r.text, 'title'), 'Dated');
  assert.equal(inputValue(r.text, 'due_on-day'), '30');
  r = await post('/actions', { plan_id: '1', title: 'Half a date', 'due_on-day': '3', 'due_on-month': '', 'due_on-year': '2021', status: 'not_started' });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'due_on-day', 'Due date must include a month');
  r = await post('/actions', { plan_id: '1', title: 'Mismatch', theme_id: String(plan.themes[0].id),
    priority_id: String(plan.themes[1].priority_areas[0].id), status: 'not_started' });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'priority_id', 'Priority area');
  r = await post('/actions', { plan_id: '1', title: 'Bad status', status: 'finished' });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'status');
  r = await post('/actions', { plan_id: 'x', title: 'Bad plan' });
  assert.ok(r.status === 400 || r.status === 404, `plan_id=x: ${r.status}`);
  assert.equal((await getJSON('/api/v1/actions')).count, before);
});

test('POST /actions/{id}: changing an action redirects with saved=changed', async () => {
  const id = created.action;
  const edit = await page(`/actions/${id}/edit`);
  assert.equal(edit.status, 200);
  assert.equal(inputValue(edit.text, 'title'), 'Run a domestic abuse awareness week');
  assert.equal(inputValue(edit.text, 'due_on-day'), '31');
  assert.equal(inputValue(edit.text, 'due_on-month'), '3');
  const r = await post(`/actions/${id}`, {
    plan_id: '1', title: 'Run two awareness weeks', description: '', theme_id: String(plan.themes[1].id),
    priority_id: '', owner_id: '', 'due_on-day': '', 'due_on-month': '', 'due_on-year': '', status: 'completed', rag: 'green',
  });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.location, `/actions/${id}?saved=changed`);
  const a = await getJSON(`/api/v1/actions/${id}`);
  assert.equal(a.title, 'Run two awareness weeks');
  assert.equal(a.description, null);
  assert.equal(a.priority_id, null);
  assert.equal(a.owner_id, null);
  assert.equal(a.due_on, null);
  assert.equal(a.status, 'completed');
  assert.ok((await page(r.location)).text.includes('Your changes have been saved.'));
  const bad = await post(`/actions/${id}`, { plan_id: '1', title: '', status: 'completed' });
  assert.equal(bad.status, 400);
  assertErrorSummary(bad.text, 'title');
  assert.equal((await getJSON(`/api/v1/actions/${id}`)).title, 'Run two awareness weeks');
  assert.equal((await post('/actions/99999', { plan_id: '1', title: 'x', status: 'completed' })).status, 404);
});

test('POST /actions/{id}/updates adds a progress update; an empty one is 400', async () => {
  const id = created.action;
  let r = await post(`/actions/${id}/updates`, { body: 'Week one done; week two booked.', author_id: '2', status: 'in_progress', rag: 'amber' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.location, `/actions/${id}?saved=update#updates`);
  const a = await getJSON(`/api/v1/actions/${id}`);
  assert.equal(a.update_count, 1);
  assert.equal(a.updates[0].body, 'Week one done; week two booked.');
  assert.equal(a.updates[0].author_id, null, 'a posted author_id is ignored: the author is whoever sends the form');
  assert.equal(a.status, 'in_progress');
  assert.equal(a.rag, 'amber');
  const shown = await page(`/actions/${id}?saved=update`);
  assert.ok(shown.text.includes('The progress update has been added.'));
  assert.ok(shown.text.includes('<p class="timeline__body">Week one done; week two booked.</p>'));

  r = await post(`/actions/${id}/updates`, { body: 'Leaves status alone', status: '', rag: '' });
  assert.equal(r.status, 303);
  assert.equal((await getJSON(`/api/v1/actions/${id}`)).status, 'in_progress');

  r = await post(`/actions/${id}/updates`, { body: '  ', author_id: '3', status: 'completed' });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'body', 'Progress update must not be empty');
  assert.ok(!r.text.includes('name="author_id"'), 'the form has no author field');
  assert.equal(selected(r.text, 'status'), 'completed', 'the status is kept');
  assert.equal((await getJSON(`/api/v1/actions/${id}`)).update_count, 2);
  assert.equal((await post('/actions/99999/updates', { body: 'x' })).status, 404);
});

test('POST /funds and /funds/{id}/awards: create, change, and refuse bad input', async () => {
  let r = await post('/funds', { name: 'Safer Streets Fund', year: '2021/22', grantor: 'Home Office', allocation: '£12,345.67', note: 'Round 3' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const m = /^\/funds\/(\d+)\?saved=1$/.exec(r.location);
  assert.ok(m, r.location);
  const fundId = Number(m[1]);
  let f = await getJSON(`/api/v1/funds/${fundId}`);
  assert.equal(f.name, 'Safer Streets Fund');
  assert.equal(f.year, '2021/22');
  assert.equal(f.grantor, 'Home Office');
  assert.equal(f.allocation_pence, 1234567);
  assert.equal(f.note, 'Round 3');
  assert.ok((await page(r.location)).text.includes('Your changes have been saved.'));

  r = await post('/funds', { name: 'Bad year fund', year: '2021', allocation: '100', grantor: 'Kept grantor' });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'year', 'Financial year');
  assert.equal(inputValue(r.text, 'name'), 'Bad year fund');
  assert.equal(inputValue(r.text, 'grantor'), 'Kept grantor');
  r = await post('/funds', { name: 'No money', year: '2021/22', allocation: '' });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'allocation');
  r = await post('/funds', { name: 'Bad money', year: '2021/22', allocation: '12,34' });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'allocation');
  r = await post('/funds', { name: 'Safer Streets Fund', year: '2021/22', allocation: '1' });
  assert.equal(r.status, 400, 'the same fund twice in a year');
  assertErrorSummary(r.text, 'name');

  r = await post(`/funds/${fundId}`, { name: 'Safer Streets Fund', year: '2021/22', grantor: 'Home Office', allocation: '20000', note: '' });
  assert.equal(r.status, 303);
  f = await getJSON(`/api/v1/funds/${fundId}`);
  assert.equal(f.allocation_pence, 2000000);
  assert.equal(f.note, null);

  const prio = plan.themes[0].priority_areas[1];
  r = await post(`/funds/${fundId}/awards`, { recipient: 'Alley gating', purpose: 'Target hardening', amount: '1,500.50', status: 'paid', priority_id: String(prio.id), note: '' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(r.location, `/funds/${fundId}?saved=1`);
  r = await post(`/funds/${fundId}/awards`, { recipient: 'Unpriced project', amount: '', status: 'proposed' });
  assert.equal(r.status, 303);
  f = await getJSON(`/api/v1/funds/${fundId}`);
  assert.equal(f.awards.length, 2);
  const award = f.awards.find((x) => x.recipient === 'Alley gating');
  assert.equal(award.amount_pence, 150050);
  assert.equal(award.priority_id, prio.id);
  assert.equal(award.status, 'paid');
  assert.equal(f.awarded_pence, 150050);
  assert.equal(f.awards.find((x) => x.recipient === 'Unpriced project').amount_pence, null);

  r = await post(`/funds/${fundId}/awards`, { recipient: '', purpose: 'Kept purpose', amount: '10', status: 'awarded' });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'recipient', 'Recipient or project must not be empty');
  assert.equal(textarea(r.text, 'purpose'), 'Kept purpose');
  assert.equal(inputValue(r.text, 'amount'), '10');
  r = await post(`/funds/${fundId}/awards`, { recipient: 'Negative', amount: '-5', status: 'awarded' });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'amount');
  r = await post(`/funds/${fundId}/awards`, { recipient: 'Bad status', status: 'spent' });
  assert.equal(r.status, 400);
  assertErrorSummary(r.text, 'status');
  assert.equal((await getJSON(`/api/v1/funds/${fundId}`)).awards.length, 2);

  r = await post(`/awards/${award.id}`, { recipient: 'Alley gating (phase 2)', purpose: 'Target hardening', amount: '2000', status: 'awarded', priority_id: '', note: 'n' });
  assert.equal(r.status, 303);
  const changed = (await getJSON(`/api/v1/funds/${fundId}`)).awards.find((x) => x.id === award.id);
  assert.equal(changed.recipient, 'Alley gating (phase 2)');
  assert.equal(changed.amount_pence, 200000);
  assert.equal(changed.priority_id, null);
  assert.equal((await post('/funds/99999/awards', { recipient: 'x' })).status, 404);
  assert.equal((await post('/awards/99999', { recipient: 'x' })).status, 404);
  const fp = await page(`/funding?year=2021/22`);
  assert.equal(fp.status, 200);
  assert.ok(fp.text.includes('Alley gating (phase 2)'));
  assert.ok(fp.text.includes('£20,000'));
});

// CSV rows (RFC 4180; no quoted newlines in these files' demo data).
function csvRows(text) {
  assert.ok(text.endsWith('\r\n'), 'rows end with CRLF');
  return text.slice(0, -2).split('\r\n');
}

test('CSV downloads: text/csv, attachment, the right header row and rows', async () => {
  let r = await fetch(srv.url + '/actions.csv');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(r.headers.get('content-disposition'), 'attachment; filename="actions.csv"');
  let rows = csvRows(await r.text());
  assert.equal(rows[0], 'id,plan,theme,priority_area,title,owner,owner_organisation,due_on,status,rag,overdue,last_update_on,update_count,example');
  const all = await getJSON('/api/v1/actions');
  assert.equal(rows.length - 1, all.count);
  assert.deepEqual(rows.slice(1).map((x) => Number(x.split(',')[0])), all.actions.map((a) => a.id), 'same order as the API');

  r = await fetch(srv.url + '/actions.csv?plan=1&status=completed');
  rows = csvRows(await r.text());
  const done = await getJSON('/api/v1/actions?plan=1&status=completed');
  assert.equal(rows.length - 1, done.count, 'the CSV applies the list filters');
  assert.ok(rows.slice(1).every((x) => x.includes(',completed,')));
  r = await fetch(srv.url + '/actions.csv?overdue=1');
  assert.equal(csvRows(await r.text()).length - 1, (await getJSON('/api/v1/actions?overdue=true')).count);

  r = await fetch(srv.url + '/awards.csv?year=2020/21');
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(r.headers.get('content-disposition'), 'attachment; filename="awards.csv"');
  rows = csvRows(await r.text());
  assert.equal(rows[0], 'id,fund,year,recipient,purpose,amount_gbp,status,priority_area,note,example');
  assert.equal(rows.length - 1, 19, 'the 19 awards of 2020/21');
  assert.ok(rows.some((x) => x.includes(',Independent Domestic Violence Advocates (IDVAs),Domestic abuse,60000.00,paid,Domestic Abuse,')),
    'an award row with its amount in pounds');
  r = await fetch(srv.url + '/awards.csv');
  assert.ok(csvRows(await r.text()).length - 1 >= 21, 'every year without ?year');
  const bad = await fetch(srv.url + '/awards.csv?year=2020');
  assert.equal(bad.status, 400);
  const badActions = await fetch(srv.url + '/actions.csv?status=nope');
  assert.equal(badActions.status, 400);
});

test('pages for unknown things are 404 pages', async () => {
  for (const path of ['/actions/99999', '/actions/99999/edit', '/plans/99999', '/themes/99999', '/priorities/99999',
    '/funds/99999', '/funds/99999/edit', '/funds/99999/awards/new', '/awards/99999/edit', '/nothing-here']) {
    const r = await page(path);
    assert.equal(r.status, 404, path);
    assert.match(r.headers.get('content-type'), /^text\/html/);
    assert.ok(r.text.includes('Page not found'), `${path} says so`);
  }
});
