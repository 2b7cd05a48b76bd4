// tests/http/seed.test.mjs: the API returns the Stockport demo exactly as
// the public records have it (plan 2018/21, its themes, leads and priority
// areas; the GM "Standing Together" outcomes; the 2020/21 funds; the plans).
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';

let srv;
test.before(async () => { srv = await startServer(); });
test.after(async () => { await srv?.stop(); });

async function getJSON(path) {
  const res = await fetch(srv.url + path);
  assert.equal(res.status, 200, `GET ${path}`);
  assert.match(res.headers.get('content-type'), /^application\/json/);
  return res.json();
}

const PLAN_2018 = 'Safer Stockport Partnership Plan 2018/21';

const THEMES = [
  {
    name: 'Public Safety and Protection',
    lead: 'Caroline Simpson',
    role: 'Corporate Director - Services to Place Management & Regeneration',
    organisation: 'Stockport Metropolitan Borough Council',
    priorities: ['Anti-Social Behaviour', 'Crime', 'Locations/Hotspots'],
  },
  {
    name: 'Protecting Vulnerable People',
    lead: 'Chris McLoughlin',
    role: "Director of Children's Services",
    organisation: 'Stockport Metropolitan Borough Council',
    priorities: [
      'Missing from Home or Care', 'Domestic Abuse', 'Child Sexual Exploitation',
      'Drugs and Alcohol', 'Hate Crime',
      'Complex Safeguarding (including modern slavery, human trafficking, ' +
        'female genital mutilation (FGM) and honour-based violence)',
    ],
  },
  {
    name: 'Serious and Organised Crime',
    lead: 'Marcus Noden',
    role: 'Superintendent',
    organisation: 'Greater Manchester Police',
    priorities: ['Organised Crime Groups',
      'Young People at Risk of Involvement in Serious and Organised Crime'],
  },
  {
    name: 'Transforming Justice',
    lead: 'Val Mullock',
    role: 'Area Manager',
    organisation: 'National Probation Service',
    priorities: ['Adult Offending and Reoffending', 'Youth Offending and Reoffending',
      'Victims'],
  },
  {
    name: 'Radicalisation and Extremism',
    lead: "Nuala O'Rourke",
    role: 'Head of Safeguarding and Learning (interim Prevent Lead)',
    organisation: 'Stockport Metropolitan Borough Council',
    priorities: [],
  },
];

const OUTCOMES = [
  [1, 'Overarching', 'People feel safe at home, at work, socialising and when travelling in Greater Manchester'],
  [2, 'Overarching', 'There is increased confidence in the organisations that contribute to community safety'],
  [3, 'Overarching', 'The police and community safety services are believed to be effective, efficient and fair by direct users of the services and the wider community'],
  [4, 'Overarching', 'The justice services are believed to be effective, efficient and fair by direct users of the services and the wider community'],
  [5, 'Overarching', 'Places are believed to be safe / secure and communities perceived to be strong'],
  [6, 'Keeping people safe', 'There are fewer repeat victims'],
  [7, 'Keeping people safe', 'Those who have been abused or exploited are cared for and helped to recover'],
  [8, 'Keeping people safe', 'Service users are satisfied with the services they received from the police and other organisations that contribute to community safety'],
  [9, 'Keeping people safe', 'There are fewer inequalities in satisfaction and confidence'],
  [10, 'Reducing harm and reoffending', 'There are fewer recidivists'],
  [11, 'Reducing harm and reoffending', 'There is a reduction in the frequency and seriousness of offending'],
  [12, 'Reducing harm and reoffending', 'Justice is perceived to be fair and equitable'],
  [13, 'Reducing harm and reoffending', 'There is increased confidence in the Criminal Justice System'],
  [14, 'Reducing harm and reoffending', 'There is increased confidence in restorative approaches, rehabilitation / recovery'],
  [15, 'Strengthening communities and places', 'Places are believed to be secure'],
  [16, 'Strengthening communities and places', 'People have better perceptions of the places they live, work and travel through'],
  [17, 'Strengthening communities and places', 'People feel communities are stronger'],
];

async function plan2018() {
  const list = await getJSON('/api/v1/plans');
  const p = list.plans.find((x) => x.title === PLAN_2018);
  assert.ok(p, `${PLAN_2018} is listed`);
  return getJSON(`/api/v1/plans/${p.id}`);
}

test('plan 2018/21: title, period, status and counts', async () => {
  const p = await plan2018();
  assert.equal(p.title, PLAN_2018);
  assert.equal(p.kind, 'partnership_plan');
  assert.deepEqual(p.period, { start: '2018-04-01', end: '2021-03-31' });
  assert.equal(p.status, 'closed');
  assert.equal(p.example, false);
  assert.equal(p.counts.themes, 5);
  assert.equal(p.counts.priority_areas, 14);
  assert.equal(p.counts.actions, 20);
  assert.equal(p.themes.length, 5);
});

test('plan 2018/21: five themes in order with their leads and roles', async () => {
  const p = await plan2018();
  assert.deepEqual(p.themes.map((t) => t.name), THEMES.map((t) => t.name));
  for (const [i, want] of THEMES.entries()) {
    const t = p.themes[i];
    assert.equal(t.plan_id, p.id);
    assert.ok(t.lead, `${want.name} has a lead`);
    assert.equal(t.lead.name, want.lead, `lead of ${want.name}`);
    assert.equal(t.lead.role, want.role, `role of ${want.lead}`);
    assert.equal(t.lead.organisation, want.organisation, `organisation of ${want.lead}`);
  }
});

test('plan 2018/21: 14 priority areas in the right themes (3, 6, 2, 3, 0)', async () => {
  const p = await plan2018();
  assert.deepEqual(p.themes.map((t) => t.priority_areas.length), [3, 6, 2, 3, 0]);
  let total = 0;
  for (const [i, want] of THEMES.entries()) {
    const t = p.themes[i];
    assert.deepEqual(t.priority_areas.map((x) => x.name), want.priorities, `priorities of ${want.name}`);
    for (const pr of t.priority_areas) {
      assert.equal(pr.theme_id, t.id);
      assert.ok(Array.isArray(pr.outcomes));
      total++;
    }
  }
  assert.equal(total, 14);
  const ids = p.themes.flatMap((t) => t.priority_areas.map((x) => x.id));
  assert.equal(new Set(ids).size, 14, 'priority area ids are distinct');
});

test('outcomes: 1..17 with the exact texts in four groups', async () => {
  const o = await getJSON('/api/v1/outcomes');
  assert.equal(o.outcomes.length, 17);
  assert.deepEqual(o.outcomes.map((x) => [x.number, x.group, x.text]), OUTCOMES);
  assert.equal(o.frameworks.length, 1);
  const fw = o.frameworks[0];
  assert.match(fw.name, /Standing Together/);
  assert.equal(fw.owner, 'Greater Manchester Combined Authority');
  assert.deepEqual(fw.groups.map((g) => [g.name, g.numbers]), [
    ['Overarching', [1, 2, 3, 4, 5]],
    ['Keeping people safe', [6, 7, 8, 9]],
    ['Reducing harm and reoffending', [10, 11, 12, 13, 14]],
    ['Strengthening communities and places', [15, 16, 17]],
  ]);
  for (const x of o.outcomes) assert.equal(x.framework_id, fw.id);
});

test('funds 2020/21: four funds totalling 47897300 pence, each with awards', async () => {
  const f = await getJSON('/api/v1/funds?year=2020/21');
  assert.equal(f.year, '2020/21');
  const byName = Object.fromEntries(f.funds.map((x) => [x.name, x]));
  assert.deepEqual(Object.keys(byName).sort(), [
    'Community Safety Grant', 'Hate Crime Fund', 'Serious Violence Fund',
    'Voluntary and Community Sector Grant',
  ]);
  assert.equal(byName['Community Safety Grant'].allocation_pence, 21897300);
  assert.equal(byName['Voluntary and Community Sector Grant'].allocation_pence, 10000000);
  assert.equal(byName['Serious Violence Fund'].allocation_pence, 15000000);
  assert.equal(byName['Hate Crime Fund'].allocation_pence, 1000000);
  assert.equal(f.totals.allocation_pence, 47897300);
  let awarded = 0;
  for (const x of f.funds) {
    assert.equal(x.year, '2020/21');
    assert.ok(x.awards.length > 0, `${x.name} has awards`);
    assert.equal(x.award_count, x.awards.length);
    for (const a of x.awards) {
      assert.equal(a.fund_id, x.id);
      assert.equal(a.fund, x.name);
      assert.equal(typeof a.recipient, 'string');
    }
    assert.equal(x.remaining_pence, x.allocation_pence - x.awarded_pence);
    awarded += x.awarded_pence;
  }
  assert.equal(f.totals.awarded_pence, awarded);
  assert.equal(f.totals.remaining_pence, 47897300 - awarded);
  const recipients = f.funds.flatMap((x) => x.awards.map((a) => a.recipient));
  assert.ok(recipients.includes('Independent Domestic Violence Advocates (IDVAs)'));
  assert.ok(recipients.includes('Schools-based knife crime awareness programme'));
});

test('funds: an unknown year has no funds; a malformed year is 400', async () => {
  const f = await getJSON('/api/v1/funds?year=2031/32');
  assert.deepEqual(f.funds, []);
  assert.equal(f.totals.allocation_pence, 0);
  const bad = await fetch(srv.url + '/api/v1/funds?year=2020');
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.field, 'year');
});

test('plans: four plans including OSSP 2022-2025 approved 2022-03', async () => {
  const l = await getJSON('/api/v1/plans');
  assert.equal(l.plans.length, 4);
  const titles = l.plans.map((p) => p.title).sort();
  assert.deepEqual(titles, [
    'Domestic Abuse Prevention Strategy and Action Plan 2015-16',
    'One Stockport Safety Partnership Plan 2022-2025',
    PLAN_2018,
    'Serious Violence Plan 2024/25',
  ]);
  const ossp = l.plans.find((p) => p.title === 'One Stockport Safety Partnership Plan 2022-2025');
  assert.equal(ossp.approved_on, '2022-03');
  assert.equal(ossp.status, 'approved');
  assert.deepEqual(ossp.period, { start: '2022-04-01', end: '2025-03-31' });
  for (const p of l.plans) assert.equal(p.themes, undefined, 'the list does not embed themes');
  // The current plan is the approved plan in force today, else the one
  // that ended most recently: OSSP 2022-2025 from April 2022 on.
  const current = l.plans.find((p) => p.id === l.current_plan_id);
  assert.equal(current.title, 'One Stockport Safety Partnership Plan 2022-2025');
});

test('plans/{id}: unknown id is 404 JSON; unknown parameter is 400', async () => {
  const r = await fetch(srv.url + '/api/v1/plans/999');
  assert.equal(r.status, 404);
  const body = await r.json();
  assert.equal(body.error.code, 'not_found');
  const q = await fetch(srv.url + '/api/v1/plans/1?x=1');
  assert.equal(q.status, 400);
  assert.equal((await q.json()).error.field, 'x');
});

test('people, organisations and boards list the named people', async () => {
  const people = await getJSON('/api/v1/people');
  const names = people.people.map((p) => p.name);
  for (const t of THEMES) assert.ok(names.includes(t.lead), t.lead);
  const orgs = await getJSON('/api/v1/organisations');
  assert.ok(orgs.organisations.some((o) => o.short_name === 'GMP'));
  const boards = await getJSON('/api/v1/boards');
  assert.ok(boards.boards.some((b) => b.name === 'Safer Stockport Partnership Board'));
});
