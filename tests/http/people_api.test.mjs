// tests/http/people_api.test.mjs: the partnership, organisations, people
// and boards through the API (create, change, delete or archive, unknown
// fields refused), funds and awards written with the over-allocation
// warning, actions deleted or archived, and a progress update's author
// taken from whoever sends it, never from the body.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer, safer } from '../lib/server.mjs';

let srv;
test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

const JSON_CT = { 'Content-Type': 'application/json' };

async function api(method, path, body) {
  const init = { method, headers: JSON_CT };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(srv.url + path, init);
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, json };
}

function expect400(r, field, what) {
  assert.equal(r.status, 400, `${what}: status (${r.text})`);
  assert.equal(r.json?.error?.code, 'invalid', `${what}: code`);
  assert.equal(r.json.error.field, field, `${what}: field (${r.json.error.message})`);
}

// The record of changes of one object, oldest first.
function record(type, id) {
  const r = safer(srv.db, ['audit', 'list', '--type', type, '--id', String(id), '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout).entries.reverse();
}

test('the partnership: read, change, former names as a whole list', async () => {
  let r = await api('GET', '/api/v1/partnership');
  assert.equal(r.status, 200);
  assert.equal(r.json.name, 'One Stockport Safety Partnership');
  assert.deepEqual(r.json.former_names, ['Safer Stockport Partnership']);
  r = await api('PATCH', '/api/v1/partnership',
                { name: 'Stockport CSP', former_names: ['Safer Stockport Partnership', 'Stockport Community Safety Unit'] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.name, 'Stockport CSP');
  assert.equal(r.json.area, 'Stockport', 'a field not sent is kept');
  assert.deepEqual(r.json.former_names, ['Safer Stockport Partnership', 'Stockport Community Safety Unit']);
  const changes = record('partnership', r.json.id);
  const last = changes[changes.length - 1];
  assert.equal(last.op, 'update');
  assert.deepEqual(last.changes.map((c) => c.field).sort(), ['former_names', 'name']);
  expect400(await api('PATCH', '/api/v1/partnership', { title: 'x' }), 'title', 'unknown field');
  expect400(await api('PATCH', '/api/v1/partnership', { name: '' }), 'name', 'empty name');
  expect400(await api('PATCH', '/api/v1/partnership', { former_names: 'x' }), 'former_names', 'not a list');
  r = await api('PATCH', '/api/v1/partnership', { former_names: [] });
  assert.deepEqual(r.json.former_names, []);
});

test('organisations: create, read, change, delete, archive', async () => {
  let r = await api('POST', '/api/v1/organisations',
                    { name: 'Stockport Housing Trust', short_name: 'SH', sector: 'housing', member: true });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.equal(r.headers.get('location'), `/api/v1/organisations/${id}`);
  assert.equal(r.json.short_name, 'SH');
  assert.equal(r.json.member, true);
  r = await api('PATCH', `/api/v1/organisations/${id}`, { name: 'Stockport Housing Trust Group', member: false });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.name, 'Stockport Housing Trust Group');
  assert.equal(r.json.member, false);
  assert.equal(r.json.sector, 'housing');
  expect400(await api('PATCH', `/api/v1/organisations/${id}`, { is_member: true }), 'is_member', 'unknown field');
  expect400(await api('POST', '/api/v1/organisations', { name: 'X', sector: 'nonsense' }), 'sector', 'bad sector');
  r = await api('POST', '/api/v1/organisations', { name: 'Stockport Housing Trust Group', sector: 'housing' });
  assert.equal(r.status, 409, 'the same name twice');
  assert.equal(r.json.error.field, 'name');

  // Someone belongs to it: DELETE archives it.
  r = await api('POST', '/api/v1/people', { name: 'Pat Example', role: 'Housing lead', organisation_id: id });
  assert.equal(r.status, 201, r.text);
  r = await api('DELETE', `/api/v1/organisations/${id}`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json, { id, result: 'archived' });
  r = await api('GET', `/api/v1/organisations/${id}`);
  assert.equal(r.status, 200, 'an archived organisation stays readable by id');
  assert.match(r.json.archived_at, /^\d{4}-\d\d-\d\dT/);
  r = await api('GET', '/api/v1/organisations');
  assert.ok(!r.json.organisations.some((o) => o.id === id), 'archived: out of the list');

  // Nothing refers to it: DELETE deletes it.
  r = await api('POST', '/api/v1/organisations', { name: 'Short-lived Trust', sector: 'voluntary' });
  const gone = r.json.id;
  r = await api('DELETE', `/api/v1/organisations/${gone}`);
  assert.deepEqual(r.json, { id: gone, result: 'deleted' });
  assert.equal((await api('GET', `/api/v1/organisations/${gone}`)).status, 404);
  assert.deepEqual(record('organisation', gone).map((x) => x.op), ['create', 'delete']);
  assert.deepEqual(record('organisation', id).map((x) => x.op), ['create', 'update', 'archive']);
});

test('people: create, change, delete, archive', async () => {
  let r = await api('POST', '/api/v1/people', { name: 'Sam Officer', role: 'Analyst' });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.equal(r.headers.get('location'), `/api/v1/people/${id}`);
  r = await api('PATCH', `/api/v1/people/${id}`, { role: 'Senior analyst', organisation_id: 1 });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.role, 'Senior analyst');
  assert.equal(r.json.organisation_id, 1);
  assert.equal(r.json.name, 'Sam Officer');
  expect400(await api('PATCH', `/api/v1/people/${id}`, { email: 'a@b' }), 'email', 'unknown field');
  expect400(await api('PATCH', `/api/v1/people/${id}`, { organisation_id: 99999 }), 'organisation_id', 'no such organisation');
  expect400(await api('POST', '/api/v1/people', { role: 'x' }), 'name', 'no name');
  const rec = record('person', id);
  assert.equal(rec.length, 2, 'one entry per change');
  assert.deepEqual(rec[1].changes.map((c) => c.field).sort(), ['organisation_id', 'role']);

  // Owner of an action: archived, not deleted.
  r = await api('POST', '/api/v1/actions', { plan_id: 1, title: 'Owned by Sam', owner_id: id });
  assert.equal(r.status, 201, r.text);
  r = await api('DELETE', `/api/v1/people/${id}`);
  assert.equal(r.json.result, 'archived');
  r = await api('GET', '/api/v1/people');
  assert.ok(!r.json.people.some((p) => p.id === id));
  r = await api('POST', '/api/v1/people', { name: 'Temp Person' });
  r = await api('DELETE', `/api/v1/people/${r.json.id}`);
  assert.equal(r.json.result, 'deleted');
  assert.equal((await api('DELETE', '/api/v1/people/99999')).status, 404);
});

test('boards: members as a whole list, reports to, archive and delete', async () => {
  const people = (await api('GET', '/api/v1/people')).json.people.slice(0, 3).map((p) => p.id);
  let r = await api('POST', '/api/v1/boards',
                    { name: 'Night-time Economy Group', kind: 'subgroup', reports_to_id: 1,
                      chair_id: people[0], member_ids: [people[0], people[1]],
                      terms_of_reference: 'Meets monthly.' });
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.equal(r.headers.get('location'), `/api/v1/boards/${id}`);
  assert.equal(r.json.reports_to_id, 1);
  assert.deepEqual(r.json.member_ids.sort(), [people[0], people[1]].sort());
  r = await api('PATCH', `/api/v1/boards/${id}`, { member_ids: [people[1], people[2]] });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.member_ids.sort(), [people[1], people[2]].sort());
  assert.equal(r.json.terms_of_reference, 'Meets monthly.');
  const rec = record('board', id);
  assert.equal(rec.length, 2);
  assert.deepEqual(rec[1].changes.map((c) => c.field), ['member_ids']);
  expect400(await api('PATCH', `/api/v1/boards/${id}`, { parent_id: 1 }), 'parent_id', 'unknown field (reads call it reports_to_id)');
  expect400(await api('PATCH', `/api/v1/boards/${id}`, { member_ids: [99999] }), 'member_ids', 'no such person');
  expect400(await api('PATCH', `/api/v1/boards/${id}`, { member_ids: [1, 1] }), 'member_ids', 'twice');
  expect400(await api('PATCH', `/api/v1/boards/${id}`, { reports_to_id: id }), 'reports_to_id', 'itself');
  expect400(await api('PATCH', '/api/v1/boards/1', { reports_to_id: id }), 'reports_to_id', 'a loop');
  expect400(await api('PATCH', `/api/v1/boards/${id}`, { kind: 'club' }), 'kind', 'bad kind');

  // A subgroup reports to it: archived; the subgroup stays listed.
  r = await api('POST', '/api/v1/boards', { name: 'Taxi Marshals', kind: 'subgroup', reports_to_id: id });
  const sub = r.json.id;
  r = await api('DELETE', `/api/v1/boards/${id}`);
  assert.equal(r.json.result, 'archived');
  const list = (await api('GET', '/api/v1/boards')).json.boards.map((b) => b.id);
  assert.ok(!list.includes(id) && list.includes(sub));
  r = await api('DELETE', `/api/v1/boards/${sub}`);
  assert.equal(r.json.result, 'deleted');
});

test('funds and awards: written, over-allocation warned, deleted or archived', async () => {
  let r = await api('POST', '/api/v1/funds', { name: 'Test Fund', year: '2023/24', allocation_pence: 100000 });
  assert.equal(r.status, 201, r.text);
  const fund = r.json.id;
  assert.equal(r.headers.get('location'), `/api/v1/funds/${fund}`);
  assert.deepEqual(r.json.warnings, []);
  r = await api('POST', '/api/v1/awards', { fund_id: fund, recipient: 'Youth club', amount_pence: 60000 });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json.warnings, []);
  const a1 = r.json.id;
  assert.equal(r.headers.get('location'), `/api/v1/awards/${a1}`);
  r = await api('POST', '/api/v1/awards', { fund_id: fund, recipient: 'Street pastors', amount_pence: 50000 });
  assert.equal(r.status, 201, 'over the allocation: saved');
  assert.equal(r.json.warnings.length, 1, r.text);
  assert.equal(r.json.warnings[0].field, 'amount_pence');
  assert.match(r.json.warnings[0].message, /more than its allocation/);
  const a2 = r.json.id;
  r = await api('PATCH', `/api/v1/funds/${fund}`, { allocation_pence: 200000 });
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.warnings, []);
  r = await api('PATCH', `/api/v1/funds/${fund}`, { allocation_pence: 1000 });
  assert.equal(r.json.warnings[0].field, 'allocation_pence');
  r = await api('PATCH', `/api/v1/awards/${a2}`, { amount_pence: null, purpose: 'Weekend patrols' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.amount_pence, null);
  r = await api('GET', `/api/v1/awards/${a2}`);
  assert.equal(r.json.purpose, 'Weekend patrols');
  expect400(await api('PATCH', `/api/v1/awards/${a2}`, { amount: 5 }), 'amount', 'unknown field');
  expect400(await api('PATCH', `/api/v1/funds/${fund}`, { allocation_pence: -1 }), 'allocation_pence', 'negative');
  expect400(await api('POST', '/api/v1/awards', { recipient: 'x' }), 'fund_id', 'no fund');
  assert.deepEqual(record('fund', fund).map((x) => x.op), ['create', 'update', 'update']);

  r = await api('DELETE', `/api/v1/awards/${a1}`);
  assert.deepEqual(r.json, { id: a1, result: 'deleted' });
  r = await api('DELETE', `/api/v1/funds/${fund}`);
  assert.equal(r.json.result, 'archived', 'an award was made from it');
  r = await api('GET', '/api/v1/funds?year=2023/24');
  assert.equal(r.json.funds.length, 0);
  r = await api('POST', '/api/v1/funds', { name: 'Empty Fund', year: '2023/24', allocation_pence: 5 });
  r = await api('DELETE', `/api/v1/funds/${r.json.id}`);
  assert.equal(r.json.result, 'deleted');
});

test('actions: deleted, or archived once they have updates', async () => {
  let r = await api('POST', '/api/v1/actions', { plan_id: 1, title: 'Delete me' });
  let id = r.json.id;
  r = await api('DELETE', `/api/v1/actions/${id}`);
  assert.deepEqual(r.json, { id, result: 'deleted' });
  assert.equal((await api('GET', `/api/v1/actions/${id}`)).status, 404);
  r = await api('POST', '/api/v1/actions', { plan_id: 1, title: 'Archive me' });
  id = r.json.id;
  await api('POST', `/api/v1/actions/${id}/updates`, { body: 'Started.' });
  r = await api('DELETE', `/api/v1/actions/${id}`);
  assert.equal(r.json.result, 'archived');
  r = await api('GET', `/api/v1/actions/${id}`);
  assert.ok(r.json.archived_at);
  r = await api('GET', '/api/v1/actions');
  assert.ok(!r.json.actions.some((a) => a.id === id));
});

test('a progress update names whoever sends it: author_id is refused', async () => {
  let r = await api('POST', '/api/v1/actions', { plan_id: 1, title: 'Authored' });
  const id = r.json.id;
  expect400(await api('POST', `/api/v1/actions/${id}/updates`, { body: 'x', author_id: 3 }), 'author_id', 'author_id');
  r = await api('GET', `/api/v1/actions/${id}`);
  assert.equal(r.json.update_count, 0, 'nothing was saved');
  r = await api('POST', `/api/v1/actions/${id}/updates`, { body: 'Done by whoever sent it.', status: 'in_progress' });
  assert.equal(r.status, 201, r.text);
  const u = r.json.updates[0];
  assert.equal(u.author_id, null, 'no person is taken from the client');
  // Local mode: nobody signed in, so no account is the author.
  assert.equal(u.author_account_id, null);
  const rec = record('action_update', u.id);
  assert.equal(rec.length, 1);
  assert.equal(rec[0].op, 'create');
  // One entry for the update, one for the status it set on the action.
  assert.deepEqual(record('action', id).map((x) => x.op), ['create', 'update']);
});

test('writes are refused from other sites and need JSON', async () => {
  let res = await fetch(srv.url + '/api/v1/organisations/1', { method: 'DELETE' });
  assert.equal(res.status, 415);
  res = await fetch(srv.url + '/api/v1/people', { method: 'POST', headers: { ...JSON_CT, Origin: 'https://evil.example' }, body: '{"name":"x"}' });
  assert.equal(res.status, 403);
});
