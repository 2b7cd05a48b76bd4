/*
 * test_plan_edit.c: unit tests of the writes of plans, themes, priority
 * areas, frameworks and outcomes (src/store/store_plan_write.c,
 * src/store/store_outcome.c), on in-memory stores that start empty, as
 * after "safer init".
 *
 * Checked: every write's input checked, each problem naming its field
 * in the API's names; partial updates; one entry in the record for each
 * change, none for a change refused; removing deletes what nothing
 * refers to and archives the rest, which leaves the lists and stays
 * readable; a moved theme's neighbours make room; a priority area's
 * outcomes set as a whole list; its wording kept by date, and the
 * theme's list as it stood on a date; rolling a plan forward.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/buf.h"
#include "store/store_audit.h"
#include "store/store_outcome.h"
#include "store/store_plan.h"

static struct store *fresh(void)
{
	struct err e = ERR_INIT;
	struct store *s = store_open(":memory:", true, &e);

	assert_non_null(s);
	store_set_actor(s, "officer@example.org", 0, "cli");
	setenv("SAFER_TODAY", "2019-04-01", 1);
	return s;
}

/* The operations recorded for one object, oldest first, as "create
 * update archive". */
static const char *ops(struct store *s, struct arena *a, const char *type,
		       int64_t id)
{
	struct audit_filter f = { .object_type = type, .object_id = id };
	struct err e = ERR_INIT;
	struct buf b = BUF_INIT;
	struct audit_entry *list;
	const char *out;
	size_t n;

	list = store_audit_list(s, a, &f, &n, &e);
	assert_non_null(list);
	for (size_t i = n; i-- > 0;)
		buf_printf(&b, "%s%s", i + 1 < n ? " " : "", list[i].op);
	out = arena_strdup(a, b.ptr);
	buf_release(&b);
	return out;
}

static int64_t n_entries(struct store *s)
{
	struct arena a = ARENA_INIT;
	struct audit_filter f = { 0 };
	struct err e = ERR_INIT;
	size_t n = 0;

	assert_non_null(store_audit_list(s, &a, &f, &n, &e));
	arena_release(&a);
	return (int64_t)n;
}

static int64_t new_plan(struct store *s, const char *title)
{
	struct plan_input in = { .title = title, .period_start = "2019-04-01",
				 .period_end = "2022-03-31" };
	struct err e = ERR_INIT;
	int64_t id = 0;

	assert_int_equal(store_plan_create(s, &in, &id, &e), 0);
	return id;
}

static void test_plan_checks(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct plan_input in = { .title = "Plan", .period_start = "2019-04-01",
				 .period_end = "2018-03-31" };
	struct plan *p;
	int64_t id, before;

	UNUSED(state);
	assert_int_equal(store_plan_create(s, &in, &id, &e), -1);
	assert_string_equal(e.field, "period.end");
	in.period_end = "2019-02-30";
	assert_int_equal(store_plan_create(s, &in, &id, &e), -1);
	assert_string_equal(e.field, "period.end");
	in.period_end = "2022-03-31";
	in.kind = "wish_list";
	assert_int_equal(store_plan_create(s, &in, &id, &e), -1);
	assert_string_equal(e.field, "kind");
	in.kind = NULL;
	in.approved_by_board_id = 9;
	assert_int_equal(store_plan_create(s, &in, &id, &e), -1);
	assert_string_equal(e.field, "approved_by_board_id");
	assert_int_equal(n_entries(s), 0);

	id = new_plan(s, "Plan");
	p = store_plan(s, &a, id, "2019-04-01", &e);
	assert_string_equal(p->status, "draft");
	assert_string_equal(p->kind, "partnership_plan");
	assert_string_equal(ops(s, &a, "plan", id), "create");

	/* An update changes what it names only. */
	in = (struct plan_input){ .status = "approved", .approved_on = "2019-03",
				  .set = PLAN_STATUS | PLAN_APPROVED_ON };
	assert_int_equal(store_plan_update(s, id, &in, &e), 0);
	p = store_plan(s, &a, id, "2019-04-01", &e);
	assert_string_equal(p->status, "approved");
	assert_string_equal(p->approved_on, "2019-03");
	assert_string_equal(p->title, "Plan");
	assert_string_equal(p->period_end, "2022-03-31");
	assert_string_equal(ops(s, &a, "plan", id), "create update");

	/* A refused update records nothing. */
	before = n_entries(s);
	in = (struct plan_input){ .period_start = "2023-01-01", .set = PLAN_START };
	assert_int_equal(store_plan_update(s, id, &in, &e), -1);
	assert_string_equal(e.field, "period.end");
	in = (struct plan_input){ .status = "lost", .set = PLAN_STATUS };
	assert_int_equal(store_plan_update(s, id, &in, &e), -1);
	assert_string_equal(e.field, "status");
	assert_int_equal(store_plan_update(s, 99, &in, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	new_plan(s, "Other");
	in = (struct plan_input){ .title = "Other", .set = PLAN_TITLE };
	assert_int_equal(store_plan_update(s, id, &in, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_string_equal(e.field, "title");
	assert_int_equal(n_entries(s), before + 1);
	arena_release(&a);
	store_close(s);
}

static void test_themes(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	int64_t plan = new_plan(s, "Plan"), t1, t2, t3;
	struct theme_input in = { 0 };
	struct theme *t;
	struct plan *p;
	bool archived;
	size_t n;

	UNUSED(state);
	assert_int_equal(store_theme_create(s, plan, "One", NULL, 0, &t1, &e), 0);
	assert_int_equal(store_theme_create(s, plan, "Two", NULL, 0, &t2, &e), 0);
	assert_int_equal(store_theme_create(s, plan, "Three", NULL, 0, &t3, &e), 0);
	assert_int_equal(store_theme_create(s, plan, "Two", NULL, 0, &t3, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_int_equal(store_theme_create(s, plan, "Four", NULL, 42, &t3, &e), -1);
	assert_string_equal(e.field, "lead_id");
	assert_int_equal(store_theme_create(s, 77, "Four", NULL, 0, &t3, &e), -1);
	assert_string_equal(e.field, "plan_id");

	/* Three moves to the top; the others make room, in order. */
	in.position = 0;
	in.set = THEME_POSITION;
	assert_int_equal(store_theme_update(s, t3, &in, &e), 0);
	t = store_themes(s, &a, plan, false, &n, &e);
	assert_int_equal(n, 3);
	assert_string_equal(t[0].name, "Three");
	assert_string_equal(t[1].name, "One");
	assert_string_equal(t[2].name, "Two");
	assert_int_equal(t[2].position, 2);
	/* One moves down to the end. */
	in.position = 2;
	assert_int_equal(store_theme_update(s, t1, &in, &e), 0);
	t = store_themes(s, &a, plan, false, &n, &e);
	assert_string_equal(t[0].name, "Three");
	assert_string_equal(t[1].name, "Two");
	assert_string_equal(t[2].name, "One");

	in = (struct theme_input){ .description = "Safer streets",
				   .set = THEME_DESCRIPTION };
	assert_int_equal(store_theme_update(s, t2, &in, &e), 0);
	t = store_theme(s, &a, t2, &e);
	assert_string_equal(t->name, "Two");
	assert_string_equal(t->description, "Safer streets");
	in = (struct theme_input){ .name = "", .set = THEME_NAME };
	assert_int_equal(store_theme_update(s, t2, &in, &e), -1);
	assert_string_equal(e.field, "name");

	/* Nothing refers to theme One: deleted.  Two has a priority area:
	 * archived, out of the plan's list and counts, readable by id. */
	assert_int_equal(store_theme_remove(s, t1, REMOVE_AUTO, &archived, &e), 0);
	assert_false(archived);
	assert_null(store_theme(s, &a, t1, &e));
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_string_equal(ops(s, &a, "theme", t1), "create update delete");
	assert_int_equal(store_priority_create(s, t2, &(struct priority_input){
							      .name = "Knife crime" },
					       NULL, &e), 0);
	assert_int_equal(store_theme_remove(s, t2, REMOVE_AUTO, &archived, &e), 0);
	assert_true(archived);
	t = store_themes(s, &a, plan, false, &n, &e);
	assert_int_equal(n, 1);
	p = store_plan(s, &a, plan, "2019-04-01", &e);
	assert_int_equal(p->n_themes, 1);
	assert_int_equal(p->n_priorities, 0);
	t = store_theme(s, &a, t2, &e);
	assert_non_null(t->archived_at);
	assert_string_equal(ops(s, &a, "theme", t2), "create update archive");
	/* REMOVE_ARCHIVE archives what nothing refers to; REMOVE_DELETE
	 * refuses what something refers to, saying what. */
	assert_int_equal(store_theme_remove(s, t3, REMOVE_ARCHIVE, &archived, &e), 0);
	assert_true(archived);
	assert_int_equal(store_plan_remove(s, plan, REMOVE_DELETE, &archived, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_non_null(strstr(e.msg, "it has themes"));
	assert_int_equal(store_theme_remove(s, 999, REMOVE_AUTO, &archived, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	arena_release(&a);
	store_close(s);
}

static void test_priorities_on_a_date(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	int64_t plan = new_plan(s, "Plan"), theme, fw, o1, o2, p1, p2, p3;
	struct outcome_input oi = { .number = 1, .text = "People feel safe",
				    .group = "Safer places" };
	int64_t both[2], second[1];
	struct priority_input in = { .name = "Domestic abuse" };
	struct priority *pr;
	bool archived;
	size_t n;

	UNUSED(state);
	assert_int_equal(store_theme_create(s, plan, "Vulnerable people", NULL, 0,
					    &theme, &e), 0);
	assert_int_equal(store_framework_create(s, "PCC", NULL, NULL, NULL, &fw, &e), 0);
	assert_int_equal(store_outcome_add(s, fw, &oi, &o1, &e), 0);
	oi = (struct outcome_input){ .number = 2, .text = "Fewer victims",
				     .group = "Safer places" };
	assert_int_equal(store_outcome_add(s, fw, &oi, &o2, &e), 0);
	both[0] = o1, both[1] = o2, second[0] = o2;

	in.outcome_ids = both;
	in.n_outcome_ids = 2;
	assert_int_equal(store_priority_create(s, theme, &in, &p1, &e), 0);
	pr = store_priority(s, &a, p1, &e);
	assert_int_equal(pr->n_outcomes, 2);
	assert_string_equal(pr->added_on, "2019-04-01");
	assert_string_equal(ops(s, &a, "priority", p1), "create");
	in = (struct priority_input){ .name = "Hate crime" };
	assert_int_equal(store_priority_create(s, theme, &in, &p2, &e), 0);
	in = (struct priority_input){ .name = "Bad", .outcome_ids = both,
				      .n_outcome_ids = 2 };
	both[1] = 999;
	assert_int_equal(store_priority_create(s, theme, &in, &p3, &e), -1);
	assert_string_equal(e.field, "outcome_ids");
	both[1] = o2;

	/* October 2019: renamed, and linked to outcome 2 only: the list is
	 * set as a whole, in one entry. */
	setenv("SAFER_TODAY", "2019-10-15", 1);
	in = (struct priority_input){ .name = "Domestic abuse and VAWG",
				      .outcome_ids = second, .n_outcome_ids = 1,
				      .set = PRIORITY_NAME | PRIORITY_OUTCOMES };
	assert_int_equal(store_priority_update(s, p1, &in, &e), 0);
	pr = store_priority(s, &a, p1, &e);
	assert_string_equal(pr->name, "Domestic abuse and VAWG");
	assert_int_equal(pr->n_outcomes, 1);
	assert_int_equal(pr->outcomes[0].id, o2);
	assert_string_equal(ops(s, &a, "priority", p1), "create update");
	/* A description added the same day: a second revision. */
	in = (struct priority_input){ .description = "Revised",
				      .set = PRIORITY_DESCRIPTION };
	assert_int_equal(store_priority_update(s, p1, &in, &e), 0);
	/* June 2020: Hate crime leaves the plan (archived: it was there
	 * before today); a priority added today and removed is deleted. */
	setenv("SAFER_TODAY", "2020-06-01", 1);
	assert_int_equal(store_priority_remove(s, p2, REMOVE_AUTO, &archived, &e), 0);
	assert_true(archived);
	pr = store_priority(s, &a, p2, &e);
	assert_string_equal(pr->removed_on, "2020-06-01");
	in = (struct priority_input){ .name = "Typo" };
	assert_int_equal(store_priority_create(s, theme, &in, &p3, &e), 0);
	assert_int_equal(store_priority_remove(s, p3, REMOVE_AUTO, &archived, &e), 0);
	assert_false(archived);
	assert_string_equal(ops(s, &a, "priority", p3), "create delete");

	pr = store_theme_priorities_on(s, &a, theme, "2019-03-31", &n, &e);
	assert_non_null(pr);
	assert_int_equal(n, 0);
	pr = store_theme_priorities_on(s, &a, theme, "2019-06-01", &n, &e);
	assert_int_equal(n, 2);
	assert_string_equal(pr[0].name, "Domestic abuse");
	assert_null(pr[0].description);
	assert_string_equal(pr[1].name, "Hate crime");
	pr = store_theme_priorities_on(s, &a, theme, "2019-10-15", &n, &e);
	assert_int_equal(n, 2);
	assert_string_equal(pr[0].name, "Domestic abuse and VAWG");
	assert_string_equal(pr[0].description, "Revised");
	pr = store_theme_priorities_on(s, &a, theme, "2020-06-01", &n, &e);
	assert_int_equal(n, 1);
	assert_string_equal(pr[0].name, "Domestic abuse and VAWG");
	assert_null(store_theme_priorities_on(s, &a, theme, "2019-02-30", &n, &e));
	assert_string_equal(e.field, "on");
	assert_null(store_theme_priorities_on(s, &a, 999, "2019-06-01", &n, &e));
	assert_int_equal(e.code, ERR_NOT_FOUND);

	/* Today's list leaves the archived one out. */
	{
		struct theme *t = store_theme(s, &a, theme, &e);

		assert_int_equal(t->n_priorities, 1);
	}
	arena_release(&a);
	store_close(s);
}

static void test_roll_forward(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	int64_t plan = new_plan(s, "Plan 2019-22"), t1, t2, fw, o1, pr, next;
	struct outcome_input oi = { .number = 1, .text = "Safe", .group = "G" };
	struct priority_input in = { .name = "Knife crime" };
	struct theme *t;
	struct plan *p;
	bool archived;
	size_t n;
	int64_t before;

	UNUSED(state);
	assert_int_equal(store_theme_create(s, plan, "Streets", "Safer streets", 0,
					    &t1, &e), 0);
	assert_int_equal(store_theme_create(s, plan, "Gone", NULL, 0, &t2, &e), 0);
	assert_int_equal(store_priority_create(s, t2, &in, &pr, &e), 0);
	assert_int_equal(store_theme_remove(s, t2, REMOVE_AUTO, &archived, &e), 0);
	assert_true(archived);
	assert_int_equal(store_framework_create(s, "F", NULL, NULL, NULL, &fw, &e), 0);
	assert_int_equal(store_outcome_add(s, fw, &oi, &o1, &e), 0);
	in.outcome_ids = &o1;
	in.n_outcome_ids = 1;
	assert_int_equal(store_priority_create(s, t1, &in, &pr, &e), 0);

	before = n_entries(s);
	assert_int_equal(store_plan_roll_forward(s, plan, "Plan 2019-22", "2022-04-01",
						 "2025-03-31", &next, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_int_equal(store_plan_roll_forward(s, plan, "Plan 2022-25", "2022-04-01",
						 "2021-03-31", &next, &e), -1);
	assert_string_equal(e.field, "period.end");
	assert_int_equal(store_plan_roll_forward(s, 99, "X", "2022-04-01",
						 "2025-03-31", &next, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_int_equal(n_entries(s), before);

	setenv("SAFER_TODAY", "2022-03-01", 1);
	assert_int_equal(store_plan_roll_forward(s, plan, "Plan 2022-25", "2022-04-01",
						 "2025-03-31", &next, &e), 0);
	assert_int_equal(n_entries(s), before + 1);
	assert_string_equal(ops(s, &a, "plan", next), "create");
	p = store_plan(s, &a, next, "2022-03-01", &e);
	assert_string_equal(p->status, "draft");
	assert_int_equal(p->previous_id, plan);
	assert_string_equal(p->period_start, "2022-04-01");
	t = store_themes(s, &a, next, true, &n, &e);
	assert_int_equal(n, 1); /* the archived theme is not copied */
	assert_string_equal(t[0].name, "Streets");
	assert_string_equal(t[0].description, "Safer streets");
	assert_true(t[0].id != t1);
	assert_int_equal(t[0].n_priorities, 1);
	assert_string_equal(t[0].priorities[0].name, "Knife crime");
	assert_string_equal(t[0].priorities[0].added_on, "2022-03-01");
	assert_int_equal(t[0].priorities[0].n_outcomes, 1);
	assert_int_equal(t[0].priorities[0].outcomes[0].id, o1);

	/* The plan rolled forward from is referred to: archived. */
	assert_int_equal(store_plan_remove(s, plan, REMOVE_AUTO, &archived, &e), 0);
	assert_true(archived);
	{
		struct plan *list = store_plans(s, &a, "2022-03-01", &n, &e);

		assert_int_equal(n, 1);
		assert_int_equal(list[0].id, next);
	}
	arena_release(&a);
	store_close(s);
}

static void test_frameworks_and_outcomes(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct outcome_input oi = { .number = 1, .text = "Safe", .group = "Places" };
	struct framework_input fi = { 0 };
	int64_t fw, o1, o2, plan = new_plan(s, "Plan"), theme, pr;
	struct framework *f;
	struct outcome *o;
	bool archived;
	size_t n;

	UNUSED(state);
	assert_int_equal(store_framework_create(s, "", NULL, NULL, NULL, &fw, &e), -1);
	assert_string_equal(e.field, "name");
	assert_int_equal(store_framework_create(s, "PCC", "GMCA", "2018-21", NULL,
						&fw, &e), 0);
	assert_int_equal(store_framework_create(s, "PCC", NULL, NULL, NULL, &o1, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_int_equal(store_outcome_add(s, fw, &oi, &o1, &e), 0);
	oi.number = 2;
	oi.text = "Victims";
	assert_int_equal(store_outcome_add(s, fw, &oi, &o2, &e), 0);
	assert_string_equal(ops(s, &a, "outcome_group", 1), "create");
	oi.group = "";
	assert_int_equal(store_outcome_add(s, fw, &oi, &o2, &e), -1);
	assert_string_equal(e.field, "group");
	oi.group = "Places";
	assert_int_equal(store_outcome_add(s, fw, &oi, &o2, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_string_equal(e.field, "number");
	oi.number = 0;
	assert_int_equal(store_outcome_add(s, fw, &oi, &o2, &e), -1);
	assert_string_equal(e.field, "number");
	assert_int_equal(store_outcome_add(s, 99, &oi, &o2, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);

	/* Outcome 2 moves to a new group, made for it. */
	oi = (struct outcome_input){ .group = "Victims", .set = OUTCOME_GROUP };
	assert_int_equal(store_outcome_update(s, o2, &oi, &e), 0);
	o = store_outcome(s, &a, o2, &e);
	assert_string_equal(o->group_name, "Victims");
	assert_string_equal(o->text, "Victims");
	f = store_framework(s, &a, fw, &e);
	assert_int_equal(f->n_groups, 2);
	assert_string_equal(ops(s, &a, "outcome", o2), "create update");

	fi = (struct framework_input){ .owner = NULL, .set = FRAMEWORK_OWNER };
	assert_int_equal(store_framework_update(s, fw, &fi, &e), 0);
	f = store_framework(s, &a, fw, &e);
	assert_null(f->owner);
	assert_string_equal(f->period, "2018-21");

	/* Outcome 1 is linked: archived; 2 is not: deleted; the framework
	 * with a linked outcome: archived, out of the list. */
	assert_int_equal(store_theme_create(s, plan, "T", NULL, 0, &theme, &e), 0);
	assert_int_equal(store_priority_create(s, theme, &(struct priority_input){
					       .name = "P", .outcome_ids = &o1,
					       .n_outcome_ids = 1 },
					       &pr, &e), 0);
	assert_int_equal(store_outcome_remove(s, o2, REMOVE_AUTO, &archived, &e), 0);
	assert_false(archived);
	assert_int_equal(store_outcome_remove(s, o1, REMOVE_AUTO, &archived, &e), 0);
	assert_true(archived);
	f = store_framework(s, &a, fw, &e);
	assert_int_equal(f->groups[0].n_outcomes, 0); /* archived, not listed */
	assert_non_null(store_outcome(s, &a, o1, &e)->archived_at);
	assert_int_equal(store_framework_remove(s, fw, REMOVE_AUTO, &archived, &e), 0);
	assert_true(archived);
	assert_non_null(store_frameworks(s, &a, &n, &e));
	assert_int_equal(n, 0);
	assert_string_equal(ops(s, &a, "framework", fw), "create update archive");
	/* A framework nothing links to: deleted with its groups. */
	assert_int_equal(store_framework_create(s, "Spare", NULL, NULL, NULL, &fw, &e), 0);
	oi = (struct outcome_input){ .number = 1, .text = "X", .group = "G" };
	assert_int_equal(store_outcome_add(s, fw, &oi, &o1, &e), 0);
	assert_int_equal(store_framework_remove(s, fw, REMOVE_AUTO, &archived, &e), 0);
	assert_false(archived);
	assert_null(store_outcome(s, &a, o1, &e));
	arena_release(&a);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_checks),
		cmocka_unit_test(test_themes),
		cmocka_unit_test(test_priorities_on_a_date),
		cmocka_unit_test(test_roll_forward),
		cmocka_unit_test(test_frameworks_and_outcomes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
