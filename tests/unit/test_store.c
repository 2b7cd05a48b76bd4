/*
 * test_store.c: unit tests of src/store/ and src/demo/, on in-memory
 * databases.
 *
 * Each test gets a fresh store with the Stockport demo loaded, so tests
 * do not depend on each other.  Checked: migrations and the schema
 * version; what the demo loads (from the public records) and that
 * loading it again changes nothing; the validation of every write, each
 * error naming its field; the inference of theme and plan; partial
 * updates; progress updates; "overdue" on a fixed date; the counts of the
 * overview; the funding arithmetic; transactions that nest and roll
 * back completely; a writer held up by another past its busy timeout
 * failing with ERR_BUSY wherever SQLite says so; and imports of police.uk
 * data: pending batches that nobody sees, publishing, replacing, undoing,
 * abandoning, and schema step 4 keeping the batches of an older database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/buf.h"
#include "demo/demo.h"
#include "ingest/ingest.h"
#include "store/db.h"
#include "store/store_action.h"
#include "store/store_crime.h"
#include "store/store_fund.h"
#include "store/store_governance.h"
#include "store/store_import.h"
#include "store/store_outcome.h"
#include "store/store_people.h"
#include "store/store_plan.h"

#define TODAY "2021-06-01"

/* Ids in the demo, in the order it creates things. */
enum { PLAN_2018 = 1, PLAN_OSSP = 2 };
enum { THEME_PUBLIC = 1, THEME_VULNERABLE, THEME_SOC, THEME_JUSTICE, THEME_RADICAL };
enum { PR_ASB = 1, PR_CRIME, PR_HOTSPOTS, PR_MISSING, PR_DA, PR_CSE, PR_DRUGS,
       PR_HATE, PR_COMPLEX, PR_OCG, PR_YOUNG, PR_ADULT, PR_YOUTH, PR_VICTIMS };
enum { CAROLINE = 1, CHRIS, MARCUS, VAL, NUALA };

struct fx {
	struct store *s;
	struct arena a;
};

/* The demo takes a while to load (it generates a year of crime data), so
 * it is loaded once; each test runs inside a transaction that is rolled
 * back afterwards, and so starts from the same data. */
static struct store *demo;

static int group_setup(void **state)
{
	struct err e = ERR_INIT;
	enum demo_result res;

	UNUSED(state);
	demo = store_open(":memory:", true, &e);
	if (!demo) {
		fprintf(stderr, "store_open: %s\n", e.msg);
		return -1;
	}
	if (demo_load(demo, &res, &e) < 0 || res != DEMO_LOADED) {
		fprintf(stderr, "demo_load: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	UNUSED(state);
	store_close(demo);
	return 0;
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof(*f));
	struct err e = ERR_INIT;

	if (!f)
		return -1;
	f->s = demo;
	if (store_begin(f->s, &e) < 0) {
		fprintf(stderr, "store_begin: %s\n", e.msg);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	store_rollback(f->s);
	arena_release(&f->a);
	free(f);
	return 0;
}

static void check_err(const struct err *e, enum err_code code,
		      const char *field, const char *msg)
{
	if (e->code != code)
		fail_msg("error code %d (%s: %s), want %d", (int)e->code, e->field,
			 e->msg, (int)code);
	assert_string_equal(e->field, field);
	if (msg)
		assert_string_equal(e->msg, msg);
}

/* How many of each thing the store holds. */
struct counts {
	size_t plans, themes, priorities, actions, updates, funds, awards,
		people, organisations, boards, frameworks, outcomes;
	int64_t allocation, awarded;
};

static void count(struct store *s, struct counts *c)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct action_filter all = { .today = TODAY };
	struct plan *plans;
	struct action *actions;
	struct fund *funds;
	struct framework *fw;

	memset(c, 0, sizeof(*c));
	plans = store_plans(s, &a, TODAY, &c->plans, &e);
	assert_non_null(plans);
	for (size_t i = 0; i < c->plans; i++) {
		c->themes += (size_t)plans[i].n_themes;
		c->priorities += (size_t)plans[i].n_priorities;
	}
	actions = store_actions(s, &a, &all, &c->actions, &e);
	assert_non_null(actions);
	for (size_t i = 0; i < c->actions; i++)
		c->updates += (size_t)actions[i].n_updates;
	funds = store_funds(s, &a, NULL, false, &c->funds, &e);
	assert_non_null(funds);
	for (size_t i = 0; i < c->funds; i++) {
		c->allocation += funds[i].allocation_pence;
		c->awarded += funds[i].awarded_pence;
	}
	assert_non_null(store_awards(s, &a, 0, &c->awards, &e));
	assert_non_null(store_people(s, &a, 0, &c->people, &e));
	assert_non_null(store_organisations(s, &a, &c->organisations, &e));
	assert_non_null(store_boards(s, &a, &c->boards, &e));
	fw = store_frameworks(s, &a, &c->frameworks, &e);
	assert_non_null(fw);
	for (size_t i = 0; i < c->frameworks; i++)
		for (size_t g = 0; g < fw[i].n_groups; g++)
			c->outcomes += fw[i].groups[g].n_outcomes;
	arena_release(&a);
}

static void same_counts(const struct counts *x, const struct counts *y)
{
	assert_int_equal(x->plans, y->plans);
	assert_int_equal(x->themes, y->themes);
	assert_int_equal(x->priorities, y->priorities);
	assert_int_equal(x->actions, y->actions);
	assert_int_equal(x->updates, y->updates);
	assert_int_equal(x->funds, y->funds);
	assert_int_equal(x->awards, y->awards);
	assert_int_equal(x->people, y->people);
	assert_int_equal(x->organisations, y->organisations);
	assert_int_equal(x->boards, y->boards);
	assert_int_equal(x->frameworks, y->frameworks);
	assert_int_equal(x->outcomes, y->outcomes);
	assert_true(x->allocation == y->allocation);
	assert_true(x->awarded == y->awarded);
}

/* ------------------------------------------------------------------ */
/* Opening and migrations                                              */
/* ------------------------------------------------------------------ */

static void test_open_and_migrate(void **state)
{
	struct err e = ERR_INIT;
	struct store *s = store_open(":memory:", true, &e);
	int64_t v = -1;

	UNUSED(state);
	assert_non_null(s);
	assert_true(store_schema_version() >= 1);
	assert_int_equal(db_user_version(s->db, &v, &e), 0);
	assert_true(v == store_schema_version());
	/* Migrating again is a no-op. */
	assert_int_equal(store_migrate(s->db, &e), 0);
	assert_int_equal(db_user_version(s->db, &v, &e), 0);
	assert_true(v == store_schema_version());
	/* A database from a newer safer is refused. */
	assert_int_equal(db_set_user_version(s->db, store_schema_version() + 1, &e), 0);
	assert_int_equal(store_migrate(s->db, &e), -1);
	assert_int_equal(e.code, ERR_DB);
	assert_non_null(strstr(e.msg, "newer than this safer knows"));
	store_close(s);

	/* Without create, a missing file is an error that says what to do. */
	err_clear(&e);
	assert_null(store_open("/nonexistent-safer-dir/x.db", false, &e));
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_non_null(strstr(e.msg, "'/nonexistent-safer-dir/x.db'"));
	assert_non_null(strstr(e.msg, "safer init"));
	store_close(NULL);
}

/* A meta value of s, which must be readable; NULL if unset. */
static const char *meta_of(struct store *s, struct arena *a, const char *key)
{
	struct err e = ERR_INIT;
	const char *v;
	int rc = store_meta_get(s, a, key, &v, &e);

	if (rc < 0)
		fail_msg("meta '%s': %s", key, e.msg);
	assert_int_equal(rc, v != NULL);
	return v;
}

static const char *meta(struct fx *f, const char *key)
{
	return meta_of(f->s, &f->a, key);
}

static void test_meta(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;

	assert_string_equal(meta(f, "demo"), "stockport-1");
	assert_null(meta(f, "nothing"));
	assert_int_equal(store_meta_set(f->s, "k", "v1", &e), 0);
	assert_int_equal(store_meta_set(f->s, "k", "v2", &e), 0);
	assert_string_equal(meta(f, "k"), "v2");
}

/* ------------------------------------------------------------------ */
/* The demo                                                            */
/* ------------------------------------------------------------------ */

static void test_demo_contents(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	static const char *const leads[] = { "Caroline Simpson", "Chris McLoughlin",
					     "Marcus Noden", "Val Mullock",
					     "Nuala O'Rourke" };
	static const char *const theme_names[] = {
		"Public Safety and Protection", "Protecting Vulnerable People",
		"Serious and Organised Crime", "Transforming Justice",
		"Radicalisation and Extremism" };
	static const size_t n_prio[] = { 3, 6, 2, 3, 0 };
	static const char *const groups[] = {
		"Overarching", "Keeping people safe", "Reducing harm and reoffending",
		"Strengthening communities and places" };
	static const int first[] = { 1, 6, 10, 15 }, last[] = { 5, 9, 14, 17 };
	struct partnership *p = store_partnership(f->s, &f->a, &e);
	struct plan *plan = store_plan(f->s, &f->a, PLAN_2018, TODAY, &e);
	struct theme *t;
	struct framework *fw;
	struct fund *funds;
	size_t n, total = 0;
	int64_t sum = 0;
	struct counts c;

	assert_non_null(p);
	assert_string_equal(p->name, "One Stockport Safety Partnership");
	assert_string_equal(p->area, "Stockport");
	assert_int_equal(p->n_former, 1);
	assert_string_equal(p->former_names[0], "Safer Stockport Partnership");

	assert_non_null(plan);
	assert_string_equal(plan->title, "Safer Stockport Partnership Plan 2018/21");
	assert_string_equal(plan->period_start, "2018-04-01");
	assert_string_equal(plan->period_end, "2021-03-31");
	assert_string_equal(plan->status, "closed");
	assert_int_equal(plan->n_themes, 5);
	assert_int_equal(plan->n_priorities, 14);
	assert_int_equal(plan->n_actions, 20);

	t = store_themes(f->s, &f->a, PLAN_2018, true, &n, &e);
	assert_non_null(t);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(t[i].name, theme_names[i]);
		assert_string_equal(t[i].lead_name, leads[i]);
		assert_int_equal(t[i].n_priorities, n_prio[i]);
		total += t[i].n_priorities;
	}
	assert_int_equal(total, 14);
	assert_string_equal(t[1].priorities[1].name, "Domestic Abuse");
	assert_string_equal(t[2].lead_role, "Superintendent");
	assert_string_equal(t[2].lead_organisation, "Greater Manchester Police");
	/* Domestic Abuse links to outcomes 6 and 7. */
	assert_int_equal(t[1].priorities[1].n_outcomes, 2);
	assert_int_equal(t[1].priorities[1].outcomes[0].number, 6);
	assert_int_equal(t[1].priorities[1].outcomes[1].number, 7);

	fw = store_frameworks(f->s, &f->a, &n, &e);
	assert_non_null(fw);
	assert_int_equal(n, 1);
	assert_int_equal(fw[0].n_groups, 4);
	for (size_t g = 0; g < 4; g++) {
		assert_string_equal(fw[0].groups[g].name, groups[g]);
		assert_int_equal(fw[0].groups[g].n_outcomes,
				 (size_t)(last[g] - first[g] + 1));
		for (size_t k = 0; k < fw[0].groups[g].n_outcomes; k++)
			assert_int_equal(fw[0].groups[g].outcomes[k].number,
					 first[g] + (int)k);
	}

	funds = store_funds(f->s, &f->a, "2020/21", false, &n, &e);
	assert_non_null(funds);
	assert_int_equal(n, 4);
	for (size_t i = 0; i < n; i++)
		sum += funds[i].allocation_pence;
	assert_true(sum == 47897300);
	/* Largest allocation first. */
	assert_string_equal(funds[0].name, "Community Safety Grant");
	assert_true(funds[0].allocation_pence == 21897300);
	assert_string_equal(funds[3].name, "Hate Crime Fund");
	assert_true(funds[3].allocation_pence == 1000000);
	assert_non_null(store_funds(f->s, &f->a, "2019/20", false, &n, &e));
	assert_int_equal(n, 0);

	count(f->s, &c);
	assert_int_equal(c.plans, 4);
	assert_int_equal(c.actions, 20);
	assert_int_equal(c.updates, 9);
	assert_int_equal(c.funds, 4);
	assert_int_equal(c.awards, 19);
	assert_int_equal(c.people, 17);
	assert_int_equal(c.organisations, 10);
	assert_int_equal(c.boards, 9);
	assert_int_equal(c.outcomes, 17);
}

static void test_demo_twice(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	enum demo_result res = DEMO_LOADED;
	struct counts before, after;

	count(f->s, &before);
	assert_int_equal(demo_load(f->s, &res, &e), 0);
	assert_int_equal(res, DEMO_ALREADY_LOADED);
	assert_int_equal(e.code, ERR_OK);
	count(f->s, &after);
	same_counts(&before, &after);
}

static void test_demo_other_partnership(void **state)
{
	struct err e = ERR_INIT;
	struct store *s = store_open(":memory:", true, &e);
	enum demo_result res;
	int64_t id;
	struct counts c;

	UNUSED(state);
	assert_non_null(s);
	assert_int_equal(store_partnership_create(s, "Elsewhere CSP", "Elsewhere",
						  NULL, &id, &e), 0);
	assert_int_equal(demo_load(s, &res, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	count(s, &c);
	assert_int_equal(c.plans, 0);
	assert_int_equal(c.people, 0);
	assert_int_equal(c.funds, 0);
	store_close(s);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

static struct action_input base_action(void)
{
	struct action_input in = { 0 };

	in.set = ACTION_PLAN | ACTION_TITLE;
	in.plan_id = PLAN_2018;
	in.title = "A new action";
	return in;
}

static void create_fails(struct fx *f, const struct action_input *in,
			 const char *field, const char *msg)
{
	struct err e = ERR_INIT;
	int64_t id = -7;
	struct counts before, after;

	count(f->s, &before);
	if (store_action_create(f->s, in, &id, &e) != -1)
		fail_msg("created action %lld, want an error on %s", (long long)id,
			 field);
	check_err(&e, ERR_INVALID, field, msg);
	count(f->s, &after);
	same_counts(&before, &after);
}

static void test_action_create_validation(void **state)
{
	struct fx *f = *state;
	struct action_input in;
	char long_title[202], long_text[10002];

	in = base_action();
	in.set &= ~(unsigned)ACTION_TITLE;
	create_fails(f, &in, "title", "must not be empty");
	in = base_action();
	in.title = "";
	create_fails(f, &in, "title", "must not be empty");
	in.title = " \t ";
	create_fails(f, &in, "title", "must not be empty");
	in.title = NULL;
	create_fails(f, &in, "title", "must not be empty");
	in.title = "two\nlines";
	create_fails(f, &in, "title", "must not contain control characters");
	in.title = "bad \xC3";
	create_fails(f, &in, "title", "is not valid UTF-8 text");
	memset(long_title, 'x', 201);
	long_title[201] = '\0';
	in.title = long_title;
	create_fails(f, &in, "title", "must be 200 characters or fewer");

	in = base_action();
	in.set |= ACTION_DESCRIPTION;
	memset(long_text, 'y', 10001);
	long_text[10001] = '\0';
	in.description = long_text;
	create_fails(f, &in, "description", "must be 10000 characters or fewer");
	in.description = "bad \x01";
	create_fails(f, &in, "description", "must not contain control characters");

	in = base_action();
	in.set |= ACTION_DUE;
	in.due_on = "2021-02-29";
	create_fails(f, &in, "due_on", "must be a real date written YYYY-MM-DD");
	in.due_on = "";
	create_fails(f, &in, "due_on", "must be a real date written YYYY-MM-DD");
	in.due_on = "31/03/2021";
	create_fails(f, &in, "due_on", "must be a real date written YYYY-MM-DD");

	in = base_action();
	in.set |= ACTION_STATUS;
	in.status = "done";
	create_fails(f, &in, "status",
		     "must be one of: not_started, in_progress, on_hold, completed, "
		     "cancelled");
	in.status = NULL;
	create_fails(f, &in, "status",
		     "must be one of: not_started, in_progress, on_hold, completed, "
		     "cancelled");
	in.status = "Completed";
	create_fails(f, &in, "status", NULL);

	in = base_action();
	in.set |= ACTION_RAG;
	in.rag = "blue";
	create_fails(f, &in, "rag", "must be one of: red, amber, green");
	in.rag = "";
	create_fails(f, &in, "rag", "must be one of: red, amber, green");

	in = base_action();
	in.set |= ACTION_OWNER;
	in.owner_id = 999;
	create_fails(f, &in, "owner_id", "there is no person 999");

	in = base_action();
	in.set |= ACTION_THEME;
	in.theme_id = 999;
	create_fails(f, &in, "theme_id", "there is no theme 999");

	in = base_action();
	in.set |= ACTION_PRIORITY;
	in.priority_id = 999;
	create_fails(f, &in, "priority_id", "there is no priority area 999");

	in = base_action();
	in.plan_id = 999;
	create_fails(f, &in, "plan_id", "there is no plan 999");
	in.set = ACTION_TITLE;
	in.plan_id = 0;
	create_fails(f, &in, "plan_id",
		     "must be given (or a theme or priority area)");
	in.set = ACTION_TITLE | ACTION_PLAN;
	create_fails(f, &in, "plan_id",
		     "must be given (or a theme or priority area)");
}

static void test_action_create_links(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	struct action_input in;
	struct action *a;
	int64_t id, other_theme, other_priority;

	/* A theme of another plan, and a priority area in it. */
	assert_int_equal(store_theme_create(f->s, PLAN_OSSP, "Safer streets", NULL,
					    0, &other_theme, &e), 0);
	assert_int_equal(store_priority_create(f->s, other_theme,
					       &(struct priority_input){
						       .name = "Night-time economy" },
					       &other_priority, &e), 0);

	/* Theme not in the plan given. */
	in = base_action();
	in.set |= ACTION_THEME;
	in.theme_id = other_theme;
	create_fails(f, &in, "theme_id", NULL);
	{
		struct err e2 = ERR_INIT;
		char want[200];

		assert_int_equal(store_action_create(f->s, &in, &id, &e2), -1);
		snprintf(want, sizeof(want),
			 "theme 'Safer streets' (%lld) belongs to plan 'One Stockport "
			 "Safety Partnership Plan 2022-2025' (2), not to plan 'Safer "
			 "Stockport Partnership Plan 2018/21' (1)",
			 (long long)other_theme);
		check_err(&e2, ERR_INVALID, "theme_id", want);
	}
	/* Priority area not in the theme given. */
	in = base_action();
	in.set |= ACTION_THEME | ACTION_PRIORITY;
	in.theme_id = THEME_PUBLIC;
	in.priority_id = PR_DA;
	create_fails(f, &in, "priority_id",
		     "is not one of the chosen theme's priority areas: priority area "
		     "'Domestic Abuse' (5) belongs to theme 'Protecting Vulnerable "
		     "People' (2)");
	/* Priority of another plan's theme with this plan given. */
	in = base_action();
	in.set |= ACTION_PRIORITY;
	in.priority_id = other_priority;
	create_fails(f, &in, "theme_id", NULL);

	/* The theme and plan follow from the priority area. */
	in = (struct action_input){ 0 };
	in.set = ACTION_TITLE | ACTION_PRIORITY;
	in.title = "From the priority";
	in.priority_id = PR_YOUTH;
	assert_int_equal(store_action_create(f->s, &in, &id, &e), 0);
	a = store_action(f->s, &f->a, id, TODAY, &e);
	assert_non_null(a);
	assert_int_equal(a->priority_id, PR_YOUTH);
	assert_int_equal(a->theme_id, THEME_JUSTICE);
	assert_int_equal(a->plan_id, PLAN_2018);
	assert_string_equal(a->theme_name, "Transforming Justice");
	assert_string_equal(a->priority_name, "Youth Offending and Reoffending");
	assert_string_equal(a->status, "not_started");
	assert_null(a->rag);
	assert_null(a->due_on);
	assert_null(a->description);
	assert_int_equal(a->owner_id, 0);
	assert_int_equal(a->n_updates, 0);
	assert_false(a->overdue);

	/* The plan follows from the theme. */
	in = (struct action_input){ 0 };
	in.set = ACTION_TITLE | ACTION_THEME;
	in.title = "From the theme";
	in.theme_id = other_theme;
	assert_int_equal(store_action_create(f->s, &in, &id, &e), 0);
	a = store_action(f->s, &f->a, id, TODAY, &e);
	assert_int_equal(a->plan_id, PLAN_OSSP);
	assert_int_equal(a->theme_id, other_theme);
	assert_int_equal(a->priority_id, 0);

	/* Everything given and consistent. */
	in = (struct action_input){ 0 };
	in.set = ACTION_PLAN | ACTION_THEME | ACTION_PRIORITY | ACTION_TITLE |
		 ACTION_DESCRIPTION | ACTION_OWNER | ACTION_DUE | ACTION_STATUS |
		 ACTION_RAG;
	in.plan_id = PLAN_2018;
	in.theme_id = THEME_SOC;
	in.priority_id = PR_OCG;
	in.title = "Everything";
	in.description = "Line 1\nLine 2";
	in.owner_id = MARCUS;
	in.due_on = "2021-05-31";
	in.status = "in_progress";
	in.rag = "red";
	assert_int_equal(store_action_create(f->s, &in, &id, &e), 0);
	a = store_action(f->s, &f->a, id, TODAY, &e);
	assert_string_equal(a->title, "Everything");
	assert_string_equal(a->description, "Line 1\nLine 2");
	assert_string_equal(a->owner_name, "Marcus Noden");
	assert_string_equal(a->owner_organisation, "Greater Manchester Police");
	assert_string_equal(a->due_on, "2021-05-31");
	assert_string_equal(a->status, "in_progress");
	assert_string_equal(a->rag, "red");
	assert_true(a->overdue);
	assert_int_equal(strlen(a->created_at), 20);

	/* An action that is not there. */
	assert_null(store_action(f->s, &f->a, 9999, TODAY, &e));
	check_err(&e, ERR_NOT_FOUND, "", "no such action: 9999");
}

static void test_action_update(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	struct action_input in = { 0 };
	struct action *before, *after;
	struct counts c0, c1;

	before = store_action(f->s, &f->a, 2, TODAY, &e);
	assert_non_null(before);
	assert_string_equal(before->status, "in_progress");

	/* Only the due date changes. */
	in.set = ACTION_DUE;
	in.due_on = "2022-01-31";
	assert_int_equal(store_action_update(f->s, 2, &in, &e), 0);
	after = store_action(f->s, &f->a, 2, TODAY, &e);
	assert_string_equal(after->due_on, "2022-01-31");
	assert_string_equal(after->title, before->title);
	assert_string_equal(after->status, before->status);
	assert_string_equal(after->rag, before->rag);
	assert_int_equal(after->owner_id, before->owner_id);
	assert_int_equal(after->theme_id, before->theme_id);
	assert_int_equal(after->priority_id, before->priority_id);
	assert_int_equal(after->plan_id, before->plan_id);
	assert_true(after->example == before->example);
	assert_string_equal(after->created_at, before->created_at);
	assert_int_equal(after->n_updates, before->n_updates);

	/* Clearing optional fields. */
	in = (struct action_input){ 0 };
	in.set = ACTION_DUE | ACTION_RAG | ACTION_OWNER;
	assert_int_equal(store_action_update(f->s, 2, &in, &e), 0);
	after = store_action(f->s, &f->a, 2, TODAY, &e);
	assert_null(after->due_on);
	assert_null(after->rag);
	assert_int_equal(after->owner_id, 0);
	assert_null(after->owner_name);
	assert_string_equal(after->title, before->title);

	/* A new priority area moves the theme with it. */
	in = (struct action_input){ 0 };
	in.set = ACTION_PRIORITY;
	in.priority_id = PR_VICTIMS;
	assert_int_equal(store_action_update(f->s, 2, &in, &e), 0);
	after = store_action(f->s, &f->a, 2, TODAY, &e);
	assert_int_equal(after->priority_id, PR_VICTIMS);
	assert_int_equal(after->theme_id, THEME_JUSTICE);
	assert_int_equal(after->plan_id, PLAN_2018);

	/* Failures change nothing and name the field. */
	count(f->s, &c0);
	in = (struct action_input){ 0 };
	in.set = ACTION_THEME;
	in.theme_id = THEME_PUBLIC; /* the priority area stays Victims */
	assert_int_equal(store_action_update(f->s, 2, &in, &e), -1);
	check_err(&e, ERR_INVALID, "priority_id",
		  "is not one of the chosen theme's priority areas: priority area "
		  "'Victims' (14) belongs to theme 'Transforming Justice' (4)");
	err_clear(&e);
	in = (struct action_input){ 0 };
	in.set = ACTION_TITLE | ACTION_STATUS;
	in.title = "Changed";
	in.status = "finished";
	assert_int_equal(store_action_update(f->s, 2, &in, &e), -1);
	check_err(&e, ERR_INVALID, "status", NULL);
	err_clear(&e);
	in.set = ACTION_TITLE;
	in.title = "";
	assert_int_equal(store_action_update(f->s, 2, &in, &e), -1);
	check_err(&e, ERR_INVALID, "title", "must not be empty");
	err_clear(&e);
	in.set = ACTION_PLAN;
	in.plan_id = PLAN_OSSP;
	assert_int_equal(store_action_update(f->s, 2, &in, &e), -1);
	check_err(&e, ERR_INVALID, "theme_id",
		  "theme 'Transforming Justice' (4) belongs to plan 'Safer Stockport "
		  "Partnership Plan 2018/21' (1), not to plan 'One Stockport Safety "
		  "Partnership Plan 2022-2025' (2)");
	after = store_action(f->s, &f->a, 2, TODAY, &e);
	assert_string_equal(after->title, before->title);
	assert_int_equal(after->priority_id, PR_VICTIMS);
	assert_int_equal(after->plan_id, PLAN_2018);
	count(f->s, &c1);
	same_counts(&c0, &c1);

	/* An action that is not there. */
	err_clear(&e);
	in.set = ACTION_TITLE;
	in.title = "x";
	assert_int_equal(store_action_update(f->s, 9999, &in, &e), -1);
	check_err(&e, ERR_NOT_FOUND, "", "no such action: 9999");
}

static void test_action_add_update(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	struct update_input in = { 0 };
	struct action *a;
	struct action_update *u;
	size_t n;
	int64_t uid = 0, uid2 = 0;
	struct counts c0, c1;

	/* Action 18 is not started and has no updates. */
	a = store_action(f->s, &f->a, 18, TODAY, &e);
	assert_string_equal(a->status, "not_started");
	assert_null(a->rag);
	assert_int_equal(a->n_updates, 0);

	in.author_id = VAL;
	in.body = "Pilot agreed with the courts.";
	in.status = "in_progress";
	in.rag = "amber";
	in.created_at = "2021-05-01T10:00:00Z";
	assert_int_equal(store_action_add_update(f->s, 18, &in, &uid, &e), 0);
	assert_true(uid > 0);
	a = store_action(f->s, &f->a, 18, TODAY, &e);
	assert_string_equal(a->status, "in_progress");
	assert_string_equal(a->rag, "amber");
	assert_int_equal(a->n_updates, 1);
	assert_string_equal(a->last_update_on, "2021-05-01");

	/* Without status or RAG they stay as they are. */
	in = (struct update_input){ 0 };
	in.body = "Still going.";
	in.created_at = "2021-05-20T10:00:00Z";
	assert_int_equal(store_action_add_update(f->s, 18, &in, &uid2, &e), 0);
	assert_true(uid2 > uid);
	a = store_action(f->s, &f->a, 18, TODAY, &e);
	assert_string_equal(a->status, "in_progress");
	assert_string_equal(a->rag, "amber");
	assert_int_equal(a->n_updates, 2);
	assert_string_equal(a->last_update_on, "2021-05-20");

	u = store_action_updates(f->s, &f->a, 18, &n, &e);
	assert_non_null(u);
	assert_int_equal(n, 2);
	/* Newest first. */
	assert_true(u[0].id == uid2);
	assert_string_equal(u[0].body, "Still going.");
	assert_null(u[0].status);
	assert_null(u[0].rag);
	assert_int_equal(u[0].author_id, 0);
	assert_null(u[0].author_name);
	assert_true(u[1].id == uid);
	assert_string_equal(u[1].status, "in_progress");
	assert_string_equal(u[1].rag, "amber");
	assert_string_equal(u[1].author_name, "Val Mullock");
	assert_string_equal(u[1].created_at, "2021-05-01T10:00:00Z");
	assert_int_equal(u[1].action_id, 18);

	/* Failures change nothing. */
	count(f->s, &c0);
	in = (struct update_input){ 0 };
	in.body = "";
	assert_int_equal(store_action_add_update(f->s, 18, &in, NULL, &e), -1);
	check_err(&e, ERR_INVALID, "body", "must not be empty");
	err_clear(&e);
	in.body = "x";
	in.status = "done";
	assert_int_equal(store_action_add_update(f->s, 18, &in, NULL, &e), -1);
	check_err(&e, ERR_INVALID, "status", NULL);
	err_clear(&e);
	in.status = "completed";
	in.rag = "purple";
	assert_int_equal(store_action_add_update(f->s, 18, &in, NULL, &e), -1);
	check_err(&e, ERR_INVALID, "rag", "must be one of: red, amber, green");
	err_clear(&e);
	in.rag = NULL;
	in.author_id = 999;
	assert_int_equal(store_action_add_update(f->s, 18, &in, NULL, &e), -1);
	check_err(&e, ERR_INVALID, "author_id", "there is no person 999");
	err_clear(&e);
	in.author_id = 0;
	assert_int_equal(store_action_add_update(f->s, 9999, &in, NULL, &e), -1);
	check_err(&e, ERR_NOT_FOUND, "", "no such action: 9999");
	a = store_action(f->s, &f->a, 18, TODAY, &e);
	assert_string_equal(a->status, "in_progress");
	count(f->s, &c1);
	same_counts(&c0, &c1);
}

static size_t n_actions(struct fx *f, struct action_filter *flt)
{
	struct err e = ERR_INIT;
	size_t n = 99;

	assert_non_null(store_actions(f->s, &f->a, flt, &n, &e));
	return n;
}

static void test_action_filters_and_overdue(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	struct action_filter flt = { .today = TODAY };
	struct action *a;
	struct plan *p;
	size_t n;

	assert_int_equal(n_actions(f, &flt), 20);
	flt.overdue = true;
	a = store_actions(f->s, &f->a, &flt, &n, &e);
	assert_non_null(a);
	/* Due before 1 June 2021 and neither completed nor cancelled:
	 * the perpetrator programme and the return interviews. */
	assert_int_equal(n, 2);
	assert_int_equal(a[0].id, 11);
	assert_int_equal(a[1].id, 7);
	assert_true(a[0].overdue && a[1].overdue);
	assert_string_equal(a[0].status, "on_hold");
	/* Before anything was due, nothing is overdue; long after, every
	 * open action is. */
	flt.today = "2019-01-01";
	assert_int_equal(n_actions(f, &flt), 0);
	flt.today = "2030-01-01";
	assert_int_equal(n_actions(f, &flt), 7);
	/* The due date itself is not overdue. */
	flt.today = "2021-03-31";
	assert_int_equal(n_actions(f, &flt), 1);
	flt.today = "2021-04-01";
	assert_int_equal(n_actions(f, &flt), 2);

	flt = (struct action_filter){ .today = TODAY };
	flt.status = "completed";
	assert_int_equal(n_actions(f, &flt), 13);
	flt.status = "in_progress";
	assert_int_equal(n_actions(f, &flt), 5);
	flt.status = "cancelled";
	assert_int_equal(n_actions(f, &flt), 0);
	flt.status = NULL;
	flt.theme_id = THEME_VULNERABLE;
	assert_int_equal(n_actions(f, &flt), 7);
	flt.priority_id = PR_DA;
	assert_int_equal(n_actions(f, &flt), 2);
	flt = (struct action_filter){ .today = TODAY, .owner_id = VAL };
	assert_int_equal(n_actions(f, &flt), 4);
	flt = (struct action_filter){ .today = TODAY, .plan_id = PLAN_OSSP };
	assert_int_equal(n_actions(f, &flt), 0);

	a = store_action(f->s, &f->a, 7, TODAY, &e);
	assert_true(a->overdue);
	a = store_action(f->s, &f->a, 7, "2021-03-31", &e);
	assert_false(a->overdue);
	p = store_plan(f->s, &f->a, PLAN_2018, TODAY, &e);
	assert_int_equal(p->n_overdue, 2);

	/* Completing one takes it off the list. */
	{
		struct action_input in = { .set = ACTION_STATUS, .status = "cancelled" };

		assert_int_equal(store_action_update(f->s, 7, &in, &e), 0);
		flt = (struct action_filter){ .today = TODAY, .overdue = true };
		assert_int_equal(n_actions(f, &flt), 1);
	}
}

static void test_status_by_theme(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	/* not_started, in_progress, on_hold, completed, cancelled */
	static const int64_t want[5][5] = {
		{ 0, 2, 0, 3, 0 }, { 0, 1, 1, 5, 0 }, { 0, 0, 0, 2, 0 },
		{ 1, 1, 0, 2, 0 }, { 0, 1, 0, 1, 0 },
	};
	static const int64_t want_total[5] = { 5, 7, 2, 4, 2 };
	static const int64_t want_overdue[5] = { 0, 2, 0, 0, 0 };
	struct theme_status *ts;
	struct action_input in = { 0 };
	int64_t id, empty_theme;
	size_t n;

	ts = store_action_status_by_theme(f->s, &f->a, PLAN_2018, TODAY, &n, &e);
	assert_non_null(ts);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(ts[i].theme_id, (int64_t)i + 1);
		for (size_t k = 0; k < 5; k++)
			if (ts[i].by_status[k] != want[i][k])
				fail_msg("theme %zu status %zu: %lld, want %lld", i + 1, k,
					 (long long)ts[i].by_status[k],
					 (long long)want[i][k]);
		assert_int_equal(ts[i].total, want_total[i]);
		assert_int_equal(ts[i].overdue, want_overdue[i]);
	}
	assert_string_equal(ts[4].theme_name, "Radicalisation and Extremism");

	/* A theme with no actions is listed with zeros; actions with no
	 * theme come last, under theme 0. */
	assert_int_equal(store_theme_create(f->s, PLAN_2018, "Empty theme", NULL, 0,
					    &empty_theme, &e), 0);
	in.set = ACTION_PLAN | ACTION_TITLE | ACTION_DUE | ACTION_STATUS;
	in.plan_id = PLAN_2018;
	in.title = "No theme";
	in.due_on = "2020-01-01";
	in.status = "on_hold";
	assert_int_equal(store_action_create(f->s, &in, &id, &e), 0);
	in.title = "No theme either";
	in.status = "cancelled";
	assert_int_equal(store_action_create(f->s, &in, &id, &e), 0);
	ts = store_action_status_by_theme(f->s, &f->a, PLAN_2018, TODAY, &n, &e);
	assert_non_null(ts);
	assert_int_equal(n, 7);
	assert_true(ts[5].theme_id == empty_theme);
	assert_string_equal(ts[5].theme_name, "Empty theme");
	assert_int_equal(ts[5].total, 0);
	assert_int_equal(ts[6].theme_id, 0);
	assert_null(ts[6].theme_name);
	assert_int_equal(ts[6].total, 2);
	assert_int_equal(ts[6].by_status[2], 1);
	assert_int_equal(ts[6].by_status[4], 1);
	assert_int_equal(ts[6].overdue, 1);

	/* Another plan's counts are its own. */
	ts = store_action_status_by_theme(f->s, &f->a, PLAN_OSSP, TODAY, &n, &e);
	assert_non_null(ts);
	assert_int_equal(n, 0);
}

/* ------------------------------------------------------------------ */
/* Funds and awards                                                    */
/* ------------------------------------------------------------------ */

static void test_fund_validation(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	struct fund_input in = { 0 };
	struct counts c0, c1;
	int64_t id;

	count(f->s, &c0);
	in.set = FUND_NAME | FUND_YEAR;
	in.name = "New fund";
	in.year = "2021/22";
	assert_int_equal(store_fund_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "allocation_pence", "must be given");
	in.set |= FUND_ALLOCATION;
	in.allocation_pence = -1;
	assert_int_equal(store_fund_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "allocation_pence", "must not be negative");
	in.allocation_pence = 100;
	in.name = "";
	assert_int_equal(store_fund_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "name", "must not be empty");
	in.name = "New fund";
	in.year = "2021/23";
	assert_int_equal(store_fund_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "year",
		  "must be a financial year written like 2020/21");
	in.year = NULL;
	assert_int_equal(store_fund_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "year", NULL);
	in.year = "2020/21";
	in.name = "Hate Crime Fund";
	assert_int_equal(store_fund_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_CONFLICT, "name",
		  "there is already a fund called 'Hate Crime Fund' in 2020/21");
	in.grantor = "x\ny";
	in.name = "Other";
	assert_int_equal(store_fund_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "grantor", "must not contain control characters");
	count(f->s, &c1);
	same_counts(&c0, &c1);

	/* The same name in another year is another fund. */
	in.grantor = "Home Office";
	in.name = "Hate Crime Fund";
	in.year = "2021/22";
	in.allocation_pence = 1200000;
	err_clear(&e);
	assert_int_equal(store_fund_create(f->s, &in, &id, &e), 0);
	{
		struct fund *fd = store_fund(f->s, &f->a, id, &e);

		assert_non_null(fd);
		assert_string_equal(fd->name, "Hate Crime Fund");
		assert_string_equal(fd->year, "2021/22");
		assert_string_equal(fd->grantor, "Home Office");
		assert_true(fd->allocation_pence == 1200000);
		assert_true(fd->remaining_pence == 1200000);
		assert_int_equal(fd->n_awards, 0);
		assert_int_equal(fd->n_award_list, 0);
		assert_non_null(fd->awards);
	}

	/* Updates: only what is given; the same rules. */
	{
		struct fund_input up = { .set = FUND_ALLOCATION,
					 .allocation_pence = 1300000 };
		struct fund *fd;

		assert_int_equal(store_fund_update(f->s, id, &up, &e), 0);
		fd = store_fund(f->s, &f->a, id, &e);
		assert_true(fd->allocation_pence == 1300000);
		assert_string_equal(fd->name, "Hate Crime Fund");
		assert_string_equal(fd->grantor, "Home Office");
		up.set = FUND_YEAR;
		up.year = "2020/21";
		assert_int_equal(store_fund_update(f->s, id, &up, &e), -1);
		check_err(&e, ERR_CONFLICT, "name",
			  "there is already a fund called 'Hate Crime Fund' in 2020/21");
		up.set = FUND_ALLOCATION;
		up.allocation_pence = -5;
		assert_int_equal(store_fund_update(f->s, id, &up, &e), -1);
		check_err(&e, ERR_INVALID, "allocation_pence", "must not be negative");
		up.set = FUND_NOTE | FUND_GRANTOR;
		up.note = NULL;
		up.grantor = NULL;
		assert_int_equal(store_fund_update(f->s, id, &up, &e), 0);
		fd = store_fund(f->s, &f->a, id, &e);
		assert_null(fd->grantor);
		assert_true(fd->allocation_pence == 1300000);
		err_clear(&e);
		assert_int_equal(store_fund_update(f->s, 999, &up, &e), -1);
		check_err(&e, ERR_NOT_FOUND, "", "no such fund: 999");
	}
	err_clear(&e);
	assert_null(store_fund(f->s, &f->a, 999, &e));
	check_err(&e, ERR_NOT_FOUND, "", "no such fund: 999");
}

static void test_demo_fund_totals(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	struct fund *funds;
	size_t n;
	/* In store_funds order: largest allocation first. */
	static const struct {
		const char *name;
		int64_t allocation, awarded;
		int64_t n_awards;
	} want[] = {
		{ "Community Safety Grant", 21897300, 18000000, 8 },
		{ "Serious Violence Fund", 15000000, 13500000, 4 },
		{ "Voluntary and Community Sector Grant", 10000000, 9000000, 4 },
		{ "Hate Crime Fund", 1000000, 850000, 3 },
	};

	funds = store_funds(f->s, &f->a, NULL, true, &n, &e);
	assert_non_null(funds);
	assert_int_equal(n, 4);
	for (size_t i = 0; i < n; i++) {
		int64_t sum = 0;

		assert_string_equal(funds[i].name, want[i].name);
		assert_true(funds[i].allocation_pence == want[i].allocation);
		assert_true(funds[i].awarded_pence == want[i].awarded);
		assert_true(funds[i].remaining_pence ==
			    want[i].allocation - want[i].awarded);
		assert_int_equal(funds[i].n_awards, want[i].n_awards);
		assert_int_equal(funds[i].n_unpriced, 0);
		assert_int_equal(funds[i].n_award_list, (size_t)want[i].n_awards);
		for (size_t k = 0; k < funds[i].n_award_list; k++) {
			assert_true(funds[i].awards[k].fund_id == funds[i].id);
			assert_string_equal(funds[i].awards[k].status, "paid");
			assert_true(funds[i].awards[k].has_amount);
			sum += funds[i].awards[k].amount_pence;
		}
		assert_true(sum == want[i].awarded);
	}
}

static int64_t add_award(struct fx *f, int64_t fund, const char *status,
			 bool has_amount, int64_t amount)
{
	struct award_input in = { 0 };
	struct err e = ERR_INIT;
	int64_t id = 0;

	in.set = AWARD_FUND | AWARD_RECIPIENT | AWARD_STATUS | AWARD_AMOUNT;
	in.fund_id = fund;
	in.recipient = "Recipient";
	in.status = status;
	in.has_amount = has_amount;
	in.amount_pence = amount;
	if (store_award_create(f->s, &in, &id, &e) != 0)
		fail_msg("award: %s (%s)", e.msg, e.field);
	return id;
}

static void check_fund(struct fx *f, int64_t id, int64_t awarded,
		       int64_t remaining, int64_t n_awards, int64_t n_unpriced)
{
	struct err e = ERR_INIT;
	struct fund *fd = store_fund(f->s, &f->a, id, &e);

	assert_non_null(fd);
	if (fd->awarded_pence != awarded || fd->remaining_pence != remaining ||
	    fd->n_awards != n_awards || fd->n_unpriced != n_unpriced)
		fail_msg("fund: awarded %lld remaining %lld awards %lld unpriced "
			 "%lld; want %lld %lld %lld %lld",
			 (long long)fd->awarded_pence, (long long)fd->remaining_pence,
			 (long long)fd->n_awards, (long long)fd->n_unpriced,
			 (long long)awarded, (long long)remaining,
			 (long long)n_awards, (long long)n_unpriced);
}

static void test_award_math(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	struct fund_input fin = { 0 };
	struct award_input in = { 0 };
	struct award *w;
	int64_t fund, withdrawn, unpriced, id;

	fin.set = FUND_NAME | FUND_YEAR | FUND_ALLOCATION;
	fin.name = "Test fund";
	fin.year = "2021/22";
	fin.allocation_pence = 100000;
	assert_int_equal(store_fund_create(f->s, &fin, &fund, &e), 0);
	check_fund(f, fund, 0, 100000, 0, 0);

	add_award(f, fund, "awarded", true, 30000);
	check_fund(f, fund, 30000, 70000, 1, 0);
	add_award(f, fund, "paid", true, 20000);
	check_fund(f, fund, 50000, 50000, 2, 0);
	/* Proposed: counted as an award, not in the total. */
	add_award(f, fund, "proposed", true, 5000);
	check_fund(f, fund, 50000, 50000, 3, 0);
	/* Withdrawn: neither. */
	withdrawn = add_award(f, fund, "withdrawn", true, 7000);
	check_fund(f, fund, 50000, 50000, 3, 0);
	/* No amount: counted as unpriced if awarded or paid. */
	unpriced = add_award(f, fund, "awarded", false, 0);
	check_fund(f, fund, 50000, 50000, 4, 1);
	add_award(f, fund, "paid", false, 0);
	check_fund(f, fund, 50000, 50000, 5, 2);
	add_award(f, fund, "proposed", false, 0);
	check_fund(f, fund, 50000, 50000, 6, 2);
	add_award(f, fund, "withdrawn", false, 0);
	check_fund(f, fund, 50000, 50000, 6, 2);
	/* An amount of zero is an amount. */
	add_award(f, fund, "paid", true, 0);
	check_fund(f, fund, 50000, 50000, 7, 2);

	/* Reinstating the withdrawn award. */
	in.set = AWARD_STATUS;
	in.status = "awarded";
	assert_int_equal(store_award_update(f->s, withdrawn, &in, &e), 0);
	check_fund(f, fund, 57000, 43000, 8, 2);
	/* Pricing an unpriced one, beyond the allocation. */
	in = (struct award_input){ .set = AWARD_AMOUNT, .has_amount = true,
				   .amount_pence = 60000 };
	assert_int_equal(store_award_update(f->s, unpriced, &in, &e), 0);
	check_fund(f, fund, 117000, -17000, 8, 1);
	w = store_award(f->s, &f->a, unpriced, &e);
	assert_non_null(w);
	assert_string_equal(w->recipient, "Recipient");
	assert_string_equal(w->status, "awarded");
	assert_true(w->has_amount && w->amount_pence == 60000);
	/* Un-pricing it again. */
	in = (struct award_input){ .set = AWARD_AMOUNT, .has_amount = false };
	assert_int_equal(store_award_update(f->s, unpriced, &in, &e), 0);
	check_fund(f, fund, 57000, 43000, 8, 2);

	/* The status defaults to awarded. */
	in = (struct award_input){ 0 };
	in.set = AWARD_FUND | AWARD_RECIPIENT | AWARD_AMOUNT;
	in.fund_id = fund;
	in.recipient = "Default status";
	in.has_amount = true;
	in.amount_pence = 1000;
	assert_int_equal(store_award_create(f->s, &in, &id, &e), 0);
	w = store_award(f->s, &f->a, id, &e);
	assert_string_equal(w->status, "awarded");
	check_fund(f, fund, 58000, 42000, 9, 2);
}

static void test_award_validation(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	struct award_input in;
	struct counts c0, c1;
	int64_t id;

	count(f->s, &c0);
#define BASE()                                                  \
	do {                                                    \
		in = (struct award_input){ 0 };                 \
		in.set = AWARD_FUND | AWARD_RECIPIENT;          \
		in.fund_id = 1;                                 \
		in.recipient = "Somebody";                      \
		err_clear(&e);                                  \
	} while (0)
	BASE();
	in.fund_id = 999;
	assert_int_equal(store_award_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "fund_id", "there is no fund 999");
	BASE();
	in.recipient = "";
	assert_int_equal(store_award_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "recipient", "must not be empty");
	BASE();
	in.set |= AWARD_STATUS;
	in.status = "granted";
	assert_int_equal(store_award_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "status",
		  "must be one of: proposed, awarded, paid, withdrawn");
	BASE();
	in.has_amount = true;
	in.amount_pence = -1;
	assert_int_equal(store_award_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "amount_pence", "must not be negative");
	BASE();
	in.priority_id = 999;
	assert_int_equal(store_award_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "priority_id", "there is no priority area 999");
	BASE();
	in.purpose = "a\x01";
	assert_int_equal(store_award_create(f->s, &in, &id, &e), -1);
	check_err(&e, ERR_INVALID, "purpose", "must not contain control characters");

	/* Updates. */
	BASE();
	in.set = AWARD_FUND;
	in.fund_id = 999;
	assert_int_equal(store_award_update(f->s, 1, &in, &e), -1);
	check_err(&e, ERR_INVALID, "fund_id", "there is no fund 999");
	BASE();
	in.set = AWARD_RECIPIENT;
	in.recipient = " ";
	assert_int_equal(store_award_update(f->s, 1, &in, &e), -1);
	check_err(&e, ERR_INVALID, "recipient", "must not be empty");
	BASE();
	in.set = AWARD_AMOUNT;
	in.has_amount = true;
	in.amount_pence = -100;
	assert_int_equal(store_award_update(f->s, 1, &in, &e), -1);
	check_err(&e, ERR_INVALID, "amount_pence", "must not be negative");
	BASE();
	in.set = AWARD_STATUS;
	in.status = NULL;
	assert_int_equal(store_award_update(f->s, 1, &in, &e), -1);
	check_err(&e, ERR_INVALID, "status", NULL);
	BASE();
	assert_int_equal(store_award_update(f->s, 999, &in, &e), -1);
	check_err(&e, ERR_NOT_FOUND, "", "no such award: 999");
	err_clear(&e);
	assert_null(store_award(f->s, &f->a, 999, &e));
	check_err(&e, ERR_NOT_FOUND, "", "no such award: 999");
#undef BASE
	count(f->s, &c1);
	same_counts(&c0, &c1);

	/* Moving an award to another fund moves its amount. */
	in = (struct award_input){ .set = AWARD_FUND, .fund_id = 4 };
	{
		struct award *w = store_award(f->s, &f->a, 1, &e);
		int64_t amount = w->amount_pence;
		struct fund *from = store_fund(f->s, &f->a, w->fund_id, &e);
		struct fund *to = store_fund(f->s, &f->a, 4, &e);
		int64_t from_before = from->awarded_pence, to_before = to->awarded_pence;

		assert_true(w->fund_id != 4);
		assert_int_equal(store_award_update(f->s, 1, &in, &e), 0);
		from = store_fund(f->s, &f->a, w->fund_id, &e);
		to = store_fund(f->s, &f->a, 4, &e);
		assert_true(from->awarded_pence == from_before - amount);
		assert_true(to->awarded_pence == to_before + amount);
	}
}

/* ------------------------------------------------------------------ */
/* Transactions                                                        */
/* ------------------------------------------------------------------ */

/* On a store of its own, outside the test's transaction: commits and
 * rollbacks at the outermost level are what is tested. */
static void test_transactions(void **state)
{
	struct fx fx = { 0 }, *f = &fx;
	struct err e = ERR_INIT;
	struct counts c0, c1;
	struct action_input in = base_action();
	struct fund_input fin = { 0 };
	struct plan_input plan = { .title = "Plan", .period_start = "2020-04-01",
				   .period_end = "2021-03-31" };
	int64_t id, kept;

	UNUSED(state);
	f->s = store_open(":memory:", true, &e);
	assert_non_null(f->s);
	assert_int_equal(store_plan_create(f->s, &plan, &id, &e), 0);
	assert_true(id == PLAN_2018);
	fin.set = FUND_NAME | FUND_YEAR | FUND_ALLOCATION;
	fin.name = "Hate Crime Fund";
	fin.year = "2020/21";
	fin.allocation_pence = 1000000;
	assert_int_equal(store_fund_create(f->s, &fin, &id, &e), 0);
	fin.name = "Transaction fund";
	fin.year = "2022/23";
	fin.allocation_pence = 500;

	/* Writes inside a transaction that is rolled back leave nothing. */
	count(f->s, &c0);
	assert_int_equal(store_begin(f->s, &e), 0);
	assert_int_equal(store_action_create(f->s, &in, &id, &e), 0);
	assert_int_equal(store_fund_create(f->s, &fin, &id, &e), 0);
	assert_int_equal(store_meta_set(f->s, "x", "y", &e), 0);
	count(f->s, &c1);
	assert_int_equal(c1.actions, c0.actions + 1);
	assert_int_equal(c1.funds, c0.funds + 1);
	store_rollback(f->s);
	count(f->s, &c1);
	same_counts(&c0, &c1);
	assert_null(meta(f, "x"));

	/* Nested: an inner rollback undoes only the inner part. */
	assert_int_equal(store_begin(f->s, &e), 0);
	assert_int_equal(store_action_create(f->s, &in, &kept, &e), 0);
	assert_int_equal(store_begin(f->s, &e), 0);
	assert_int_equal(store_fund_create(f->s, &fin, &id, &e), 0);
	store_rollback(f->s);
	/* A failing write inside changes nothing and leaves the outer
	 * transaction usable. */
	in.title = "";
	assert_int_equal(store_action_create(f->s, &in, &id, &e), -1);
	fin.name = "Hate Crime Fund";
	fin.year = "2020/21";
	assert_int_equal(store_fund_create(f->s, &fin, &id, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_int_equal(store_commit(f->s, &e), 0);
	count(f->s, &c1);
	assert_int_equal(c1.actions, c0.actions + 1);
	assert_int_equal(c1.funds, c0.funds);
	assert_non_null(store_action(f->s, &f->a, kept, TODAY, &e));

	/* A rollback with nothing open does nothing. */
	store_rollback(f->s);
	count(f->s, &c0);
	same_counts(&c0, &c1);
	/* And writing works afterwards, outside any transaction. */
	in.title = "After";
	assert_int_equal(store_action_create(f->s, &in, &id, &e), 0);
	count(f->s, &c1);
	assert_int_equal(c1.actions, c0.actions + 1);
	arena_release(&f->a);
	store_close(f->s);
}

/* A failed write in the middle of several (the demo refused halfway) is
 * undone whole by the caller's rollback. */
static void test_failed_write_in_transaction(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	struct counts c0, c1;
	struct update_input up = { .body = "Half", .status = "completed" };
	struct action *a;
	int64_t id;

	count(f->s, &c0);
	assert_int_equal(store_begin(f->s, &e), 0);
	assert_int_equal(store_action_add_update(f->s, 18, &up, &id, &e), 0);
	up.author_id = 999;
	assert_int_equal(store_action_add_update(f->s, 18, &up, &id, &e), -1);
	store_rollback(f->s);
	count(f->s, &c1);
	same_counts(&c0, &c1);
	a = store_action(f->s, &f->a, 18, TODAY, &e);
	assert_string_equal(a->status, "not_started");
	assert_int_equal(a->n_updates, 0);
}

/* ------------------------------------------------------------------ */
/* Imports: pending, published, replaced, undone, abandoned            */
/* ------------------------------------------------------------------ */

/* A police.uk street-level file of rows rows for 2030-01. */
static void street_csv(struct buf *b, int rows)
{
	buf_reset(b);
	buf_adds(b, "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
		    "Location,LSOA code,LSOA name,Crime type,"
		    "Last outcome category,Context\r\n");
	for (int i = 0; i < rows; i++)
		buf_printf(b, "%064x,2030-01,Test Police,Test Police,-2.1,53.4,"
			      "On or near Here,E0100000%d,Test 00%dA,Burglary,,\r\n",
			   i + 1, i % 3, i % 3);
}

static int64_t street_rows(struct store *s)
{
	struct crime_summary cs;
	struct err e = ERR_INIT;

	assert_int_equal(store_crime_summary(s, &cs, &e), 0);
	return cs.rows[CRIME_STREET];
}

static int import_csv(struct store *s, int rows, bool replace_shorter,
		      struct police_report *r, struct err *e)
{
	struct buf b = BUF_INIT;
	struct police_options o = { .replace_shorter = replace_shorter,
				    .threads = 1, .quiet = true };
	int rc;

	street_csv(&b, rows);
	rc = ingest_police_buffer(s, "2030-01-test-police-street.csv", b.ptr,
				  b.len, &o, r, e);
	police_report_release(r);
	buf_release(&b);
	return rc;
}

static void test_import_replace_undo(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	struct police_report r;
	struct import_undo_report u;
	struct import_record *h;
	int64_t base = street_rows(f->s), first, second;
	size_t n;

	assert_int_equal(import_csv(f->s, 30, false, &r, &e), 0);
	assert_int_equal(r.rows_added, 30);
	assert_int_equal(r.rows_replaced, 0);
	first = r.import_id;
	assert_int_equal(street_rows(f->s), base + 30);

	/* The same again: unchanged. */
	assert_int_equal(import_csv(f->s, 30, false, &r, &e), 0);
	assert_int_equal(r.rows_added, 0);
	assert_int_equal(r.rows_unchanged, 30);

	/* Markedly shorter: refused, naming the counts; nothing changes. */
	assert_int_equal(import_csv(f->s, 15, false, &r, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_non_null(strstr(e.msg, "15 rows of street-level crime for "
				      "'Test Police' in 2030-01 would replace the 30 "
				      "stored"));
	assert_int_equal(street_rows(f->s), base + 30);
	/* A few rows fewer is a republished month, not a cut: taken. */
	assert_int_equal(import_csv(f->s, 28, false, &r, &e), 0);
	assert_int_equal(r.rows_replaced, 30);
	assert_int_equal(store_import_undo(f->s, r.import_id, &u, &e), 0);

	assert_int_equal(import_csv(f->s, 15, true, &r, &e), 0);
	assert_int_equal(r.rows_added, 15);
	assert_int_equal(r.rows_replaced, 30);
	second = r.import_id;
	assert_int_equal(street_rows(f->s), base + 15);

	/* The first cannot be undone while the second stands. */
	assert_int_equal(store_import_undo(f->s, first, &u, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_non_null(strstr(e.msg, "a later import replaced"));

	assert_int_equal(store_import_undo(f->s, second, &u, &e), 0);
	assert_int_equal(u.rows_removed, 15);
	assert_int_equal(u.rows_restored, 30);
	assert_int_equal(street_rows(f->s), base + 30);
	assert_int_equal(store_import_undo(f->s, second, &u, &e), -1);
	assert_non_null(strstr(e.msg, "undone already"));
	assert_int_equal(store_import_undo(f->s, first, &u, &e), 0);
	assert_int_equal(street_rows(f->s), base);
	err_clear(&e);
	assert_int_equal(store_import_undo(f->s, 99999, &u, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);

	h = store_imports(f->s, &f->a, &n, &e);
	assert_non_null(h);
	assert_true(n >= 4);
	assert_int_equal(h[0].id, second);
	assert_string_equal(h[0].state, "undone");
	assert_int_equal(h[0].counts.rows_added, 15);
	assert_int_equal((int64_t)h[0].n_files, 1);
	assert_int_equal(strlen(h[0].files[0].sha256), 64);
}

/* Batches written by an import that is running are seen by nobody, and
 * abandoning it deletes them and its record. */
static void test_import_pending_abandon(void **state)
{
	struct fx *f = *state;
	struct err e = ERR_INIT;
	struct arena a = ARENA_INIT;
	int64_t id, file, batch, base = street_rows(f->s);
	size_t n0, n1, n2;
	struct crime_batch_input in = { "street", 0, 2031 * 12, 0, 0, 5, 0,
					"0123456789abcdef0123456789abcdef", false };

	store_crime_batches(f->s, &a, "street", &n0, &e);
	assert_int_equal(store_import_begin(f->s, "police", &id, &e), 0);
	assert_int_equal(store_crime_file_add(f->s, id, "x.csv", 10, &file, &e), 0);
	in.import_id = id;
	in.file_id = file;
	assert_int_equal(store_crime_batch_add(f->s, &in, &batch, &e), 0);
	/* A second import cannot start meanwhile in another process; here
	 * (in memory) the pending batch is simply invisible. */
	store_crime_batches(f->s, &a, "street", &n1, &e);
	assert_int_equal(n1, n0);
	assert_int_equal(street_rows(f->s), base);
	store_import_abandon(f->s, id);
	store_crime_batches(f->s, &a, "street", &n2, &e);
	assert_int_equal(n2, n0);
	{
		struct import_record *h = store_imports(f->s, &a, &n1, &e);

		assert_non_null(h);
		for (size_t i = 0; i < n1; i++)
			assert_true(h[i].id != id);
	}
	arena_release(&a);
}

/* Schema step 4 rebuilds crime_batch: the batches and columns of an
 * older database are kept, live, as import 1. */
static void test_migrate_crime_batches(void **state)
{
	struct err e = ERR_INIT;
	struct db *db = db_open(":memory:", &e);
	struct db_stmt *st;

	UNUSED(state);
	assert_non_null(db);
	assert_int_equal(store_migrate_to(db, 4, &e), 0);
	/* Back to the crime tables of version 3, with one batch. */
	assert_int_equal(db_foreign_keys(db, false, &e), 0);
	assert_int_equal(
		db_exec_script(
			db,
			"DROP TABLE crime_batch; DROP TABLE crime_file;"
			"DROP TABLE import_file; DROP TABLE import;"
			"CREATE TABLE crime_file (id INTEGER PRIMARY KEY,"
			" name TEXT NOT NULL, bytes INTEGER NOT NULL,"
			" imported_at TEXT NOT NULL);"
			"CREATE TABLE crime_batch (id INTEGER PRIMARY KEY,"
			" kind TEXT NOT NULL, force_id INTEGER NOT NULL,"
			" month INTEGER NOT NULL, file_id INTEGER NOT NULL"
			" REFERENCES crime_file(id), rows INTEGER NOT NULL,"
			" no_location INTEGER NOT NULL, hash TEXT NOT NULL,"
			" is_generated INTEGER NOT NULL DEFAULT 0,"
			" UNIQUE (kind, force_id, month));"
			"INSERT INTO crime_file VALUES (1, 'a.csv', 9,"
			" '2025-01-01T00:00:00Z');"
			"INSERT INTO crime_batch VALUES (7, 'street', 0, 24300, 1, 3,"
			" 0, 'h', 0);"
			"INSERT INTO crime_column VALUES (7, 'crime_type', x'00');"
			"PRAGMA user_version = 3;",
			&e),
		0);
	assert_int_equal(db_foreign_keys(db, true, &e), 0);
	assert_int_equal(store_migrate(db, &e), 0);
	st = db_prepare(db,
			"SELECT b.state, b.import_id, i.rows_added, i.state,"
			" (SELECT count(*) FROM crime_column c WHERE c.batch_id = b.id),"
			" (SELECT count(*) FROM import_file)"
			" FROM crime_batch b JOIN import i ON i.id = b.import_id"
			" WHERE b.id = 7",
			&e);
	assert_non_null(st);
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "live");
	assert_int_equal(db_col_int(st, 1), 1);
	assert_int_equal(db_col_int(st, 2), 3);
	assert_string_equal(db_col_text(st, 3), "done");
	assert_int_equal(db_col_int(st, 4), 1);
	assert_int_equal(db_col_int(st, 5), 1);
	db_done(st);
	db_close(db);
}

/* Two connections to one file: while one holds the write lock, the
 * other's writes fail with ERR_BUSY (from BEGIN IMMEDIATE, and from a
 * write with no transaction of its own) once its busy timeout is over,
 * with words for people; its reads go on; and once the lock is gone the
 * same write succeeds. */
static void test_busy(void **state)
{
	char dir[] = "/tmp/safer-test-busy-XXXXXX", path[64];
	struct err e = ERR_INIT;
	struct store *holder, *other;
	struct arena a = { 0 };

	UNUSED(state);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/busy.db", dir);
	holder = store_open(path, true, &e);
	assert_non_null(holder);
	other = store_open(path, false, &e);
	assert_non_null(other);
	store_busy_timeout(other, 20);
	assert_int_equal(store_meta_set(holder, "k", "before", &e), 0);

	assert_int_equal(store_begin(holder, &e), 0);
	assert_int_equal(store_meta_set(holder, "k", "held", &e), 0);
	assert_int_equal(store_meta_set(other, "k", "other", &e), -1);
	assert_int_equal(e.code, ERR_BUSY);
	assert_string_equal(e.msg, "the database is busy with another change; "
				   "try again in a moment");
	assert_int_equal(err_http_status(e.code), 503);
	assert_string_equal(err_code_name(e.code), "busy");
	err_clear(&e);
	assert_int_equal(store_begin(other, &e), -1);
	assert_int_equal(e.code, ERR_BUSY);
	assert_string_equal(meta_of(other, &a, "k"), "before");
	store_rollback(holder);

	assert_int_equal(store_meta_set(other, "k", "other", &e), 0);
	assert_string_equal(meta_of(holder, &a, "k"), "other");
	store_close(other);
	store_close(holder);
	arena_release(&a);
	snprintf(path, sizeof(path), "%s/busy.db", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/busy.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/busy.db-shm", dir);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_and_migrate),
		T(test_meta),
		T(test_demo_contents),
		T(test_demo_twice),
		cmocka_unit_test(test_demo_other_partnership),
		T(test_action_create_validation),
		T(test_action_create_links),
		T(test_action_update),
		T(test_action_add_update),
		T(test_action_filters_and_overdue),
		T(test_status_by_theme),
		T(test_fund_validation),
		T(test_demo_fund_totals),
		T(test_award_math),
		T(test_award_validation),
		cmocka_unit_test(test_transactions),
		T(test_failed_write_in_transaction),
		T(test_import_replace_undo),
		T(test_import_pending_abandon),
		cmocka_unit_test(test_migrate_crime_batches),
		cmocka_unit_test(test_busy),
	};
#undef T

	return cmocka_run_group_tests_name("store", tests, group_setup,
					   group_teardown);
}
