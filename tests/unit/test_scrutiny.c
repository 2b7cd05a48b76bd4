/*
 * test_scrutiny.c: undertakings and requests, issues and their
 * timelines, the forward plan and a plan's approval path
 * (store_scrutiny.c), on an in-memory store whose bodies, meetings and
 * items are made with SQL.
 *
 * Checked: the overdue rule (a due date passed, a due meeting held); the
 * undertakings on a meeting's agenda; discharge, recorded once with who
 * did it; a timeline in date order whatever order the items were added;
 * the figures as they stood on each meeting's date; the approval path.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/store_audit.h"
#include "store/store_scrutiny.h"

#define TODAY "2024-06-01"

/* Two bodies; meetings of the first on 2014-09-16 (held, 1), 2015-06-01
 * (held, 2), 2024-09-01 (scheduled, 3), 2013-01-10 (held, 4); one of the
 * second on 2014-09-30 (5).  Items 11..15 at meetings 1..5; item 16 a
 * second item at meeting 3.  An indicator (1) with values for periods
 * ending 2014-03-31 and 2015-03-31 in the home area, and a later one
 * elsewhere; a plan (1) with a theme the indicator is linked to. */
static const char fixture[] =
	"INSERT INTO partnership (name, area) VALUES ('Test CSP', 'Testshire');"
	"INSERT INTO body (id, name, kind) VALUES"
	" (1, 'Communities & Housing Scrutiny Committee', 'scrutiny'),"
	" (2, 'Executive', 'executive');"
	"INSERT INTO meeting (id, body_id, date, time, status) VALUES"
	" (1, 1, '2014-09-16', '18:00', 'held'),"
	" (2, 1, '2015-06-01', NULL, 'held'),"
	" (3, 1, '2024-09-01', '18:00', 'scheduled'),"
	" (4, 1, '2013-01-10', NULL, 'held'),"
	" (5, 2, '2014-09-30', '10:00', 'held');"
	"INSERT INTO agenda_item (id, meeting_id, number, title, position) VALUES"
	" (11, 1, '4', 'Domestic Abuse Strategy', 4),"
	" (12, 2, '5', 'Annual review', 5),"
	" (13, 3, '2', 'Updated report', 2),"
	" (14, 4, '3', 'Early draft', 3),"
	" (15, 5, '7', 'Domestic Abuse Strategy 2015-16', 7),"
	" (16, 3, '1', 'Apologies', 1);"
	"INSERT INTO resolution (item_id, position, text, kind, to_body_id) VALUES"
	" (11, 1, 'That the strategy be recommended', 'recommended', 2),"
	" (11, 2, 'That the report be noted', 'noted', NULL),"
	" (15, 1, 'That the strategy be approved', 'approved', NULL);"
	"INSERT INTO attachment (id, item_id, name, content_type, bytes, sha256,"
	"  data, created_at) VALUES (7, 11, 'Strategy.pdf', 'application/pdf',"
	"  3, 'x', X'616263', '2014-09-01T00:00:00Z');"
	"INSERT INTO plan (id, title, kind, period_start, period_end, status)"
	" VALUES (1, 'Domestic Abuse Strategy', 'strategy', '2015-04-01',"
	"  '2016-03-31', 'active');"
	"INSERT INTO theme (id, plan_id, name) VALUES (1, 1, 'Domestic abuse');"
	"INSERT INTO indicator (id, code, name, unit, polarity, sensitivity,"
	"  ci_method, comparison) VALUES (1, 'DA1', 'Domestic abuse incidents',"
	"  'count', 'low_good', 'public', 'none', 'none'),"
	" (2, 'DA2', 'Repeat victims', 'percent', 'low_good', 'public', 'none',"
	"  'none');"
	"INSERT INTO indicator_link (indicator_id, kind, target_id)"
	" VALUES (1, 'theme', 1);"
	"INSERT INTO item_link (item_id, kind, target_id) VALUES"
	" (12, 'indicator', 2), (15, 'plan', 1), (11, 'plan', 1);"
	"INSERT INTO indicator_value (indicator_id, area, period, period_start,"
	"  period_end, value) VALUES"
	" (1, 'Testshire', '2013/14', '2013-04-01', '2014-03-31', 10),"
	" (1, 'Testshire', '2014/15', '2014-04-01', '2015-03-31', 20),"
	" (1, 'England', '2014/15 Q2', '2014-07-01', '2014-09-15', 99),"
	" (2, 'Testshire', '2014/15', '2014-04-01', '2015-03-31', 42.5);";

static struct store *fresh(void)
{
	struct err e = ERR_INIT;
	struct store *s = store_open(":memory:", true, &e);

	assert_non_null(s);
	store_set_actor(s, "clerk@example.org", 0, "cli");
	assert_int_equal(db_exec_script(s->db, fixture, &e), 0);
	return s;
}

static int64_t add(struct store *s, const char *text, int64_t item,
		   int64_t due_meeting, const char *due_date)
{
	struct err e = ERR_INIT;
	struct undertaking_input in = { 0 };
	int64_t id = 0;

	in.set = UND_TEXT | UND_ITEM | UND_DUE_MEETING | UND_DUE_DATE;
	in.text = text;
	in.item_id = item;
	in.due_meeting_id = due_meeting;
	in.due_date = due_date;
	assert_int_equal(store_undertaking_create(s, &in, &id, &e), 0);
	assert_true(id > 0);
	return id;
}

static bool has(const struct undertaking *l, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (l[i].id == id)
			return true;
	return false;
}

static void test_overdue(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct undertaking_filter f = { .today = TODAY };
	struct undertaking *u, *l;
	int64_t past, future, held, coming, none;
	size_t n;

	UNUSED(state);
	past = add(s, "Report by a date gone", 11, 0, "2024-05-31");
	future = add(s, "Report by a date to come", 11, 0, "2024-06-01");
	held = add(s, "Report to a meeting held", 11, 2, NULL);
	coming = add(s, "Report to the next meeting", 12, 3, NULL);
	none = add(s, "Report some time", 12, 0, NULL);
	assert_true(store_undertaking(s, &a, past, TODAY, &e)->overdue);
	assert_false(store_undertaking(s, &a, future, TODAY, &e)->overdue);
	assert_true(store_undertaking(s, &a, held, TODAY, &e)->overdue);
	u = store_undertaking(s, &a, coming, TODAY, &e);
	assert_false(u->overdue);
	assert_string_equal(u->due, "2024-09-01");
	assert_string_equal(u->body_name, "Communities & Housing Scrutiny Committee");
	assert_false(store_undertaking(s, &a, none, TODAY, &e)->overdue);
	/* A meeting whose date has passed counts as held unless cancelled. */
	assert_true(store_undertaking(s, &a, coming, "2024-09-02", &e)->overdue);
	assert_int_equal(db_exec_script(s->db, "UPDATE meeting SET status ="
					" 'cancelled' WHERE id = 3", &e), 0);
	assert_false(store_undertaking(s, &a, coming, "2024-09-02", &e)->overdue);
	assert_int_equal(db_exec_script(s->db, "UPDATE meeting SET status ="
					" 'scheduled' WHERE id = 3", &e), 0);

	f.status = "overdue";
	l = store_undertakings(s, &a, &f, &n, &e);
	assert_int_equal(n, 2);
	assert_true(has(l, n, past) && has(l, n, held));
	assert_int_equal(store_undertakings_overdue_count(s, TODAY, &e), 2);
	f.status = "open";
	store_undertakings(s, &a, &f, &n, &e);
	assert_int_equal(n, 5);
	f.status = "late";
	assert_null(store_undertakings(s, &a, &f, &n, &e));
	assert_string_equal(e.field, "status");

	/* Discharged: neither open nor overdue. */
	assert_int_equal(store_undertaking_discharge(s, past, 12, NULL, &e), 0);
	assert_false(store_undertaking(s, &a, past, TODAY, &e)->overdue);
	assert_int_equal(store_undertakings_overdue_count(s, TODAY, &e), 1);
	arena_release(&a);
	store_close(s);
}

static void test_meeting_and_discharge(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct undertaking_filter f = { .status = "open", .today = TODAY };
	struct undertaking_input in = { 0 };
	struct audit_filter af = { .object_type = "undertaking" };
	struct audit_entry *log;
	struct undertaking *l, *u;
	int64_t next, later, other;
	size_t n;

	UNUSED(state);
	/* Given at meeting 2, due at the next (3); given at 2 with no due
	 * meeting; given at the Executive (5). */
	next = add(s, "A summary of the Partnership Board's work", 12, 3, NULL);
	later = add(s, "An updated report for a future meeting", 12, 0, NULL);
	other = add(s, "Something for the Executive", 15, 0, NULL);
	l = store_undertakings_for_meeting(s, &a, 3, TODAY, &n, &e);
	assert_int_equal(n, 2);
	assert_true(has(l, n, next) && has(l, n, later) && !has(l, n, other));
	/* Not on the meeting where it was given, nor an earlier one. */
	store_undertakings_for_meeting(s, &a, 2, TODAY, &n, &e);
	assert_int_equal(n, 0);
	store_undertakings_for_meeting(s, &a, 1, TODAY, &n, &e);
	assert_int_equal(n, 0);
	f.due_meeting_id = 3;
	l = store_undertakings(s, &a, &f, &n, &e);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].id, next);
	f.due_meeting_id = 0;
	f.body_id = 2;
	l = store_undertakings(s, &a, &f, &n, &e);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].id, other);
	f.body_id = 0;

	/* Bad input names the field and changes nothing. */
	in.set = UND_DISCHARGED_BY;
	in.discharged_by_item_id = 13;
	assert_int_equal(store_undertaking_update(s, next, &in, &e), -1);
	assert_string_equal(e.field, "discharged_by_item_id");
	assert_int_equal(store_undertaking_discharge(s, next, 999, NULL, &e), -1);
	assert_string_equal(e.field, "discharged_by_item_id");
	in.set = UND_DUE_MEETING | UND_DUE_DATE;
	in.due_meeting_id = 3;
	in.due_date = "2024-09-01";
	assert_int_equal(store_undertaking_update(s, next, &in, &e), -1);
	assert_string_equal(e.field, "due_date");
	in.set = UND_DUE_DATE;
	in.due_date = "2024-13-01";
	assert_int_equal(store_undertaking_update(s, next, &in, &e), -1);
	assert_string_equal(e.field, "due_date");
	in.set = UND_KIND;
	in.kind = "promise";
	assert_int_equal(store_undertaking_update(s, next, &in, &e), -1);
	assert_string_equal(e.field, "kind");
	store_audit_list(s, &a, &af, &n, &e);
	assert_int_equal(n, 3);

	/* Discharged by the item that answered it, at meeting 3. */
	assert_int_equal(store_undertaking_discharge(s, next, 13, "2024-09-01",
						     &e), 0);
	u = store_undertaking(s, &a, next, TODAY, &e);
	assert_string_equal(u->status, "discharged");
	assert_int_equal(u->discharged_by_item_id, 13);
	assert_string_equal(u->discharged_by_title, "Updated report");
	assert_string_equal(u->discharged_on, "2024-09-01");
	l = store_undertakings_for_meeting(s, &a, 3, TODAY, &n, &e);
	assert_int_equal(n, 1);
	assert_false(has(l, n, next));
	l = store_undertakings(s, &a, &f, &n, &e);
	assert_false(has(l, n, next));
	f.status = "discharged";
	l = store_undertakings(s, &a, &f, &n, &e);
	assert_int_equal(n, 1);
	af.object_id = next;
	log = store_audit_list(s, &a, &af, &n, &e);
	assert_int_equal(n, 2);
	assert_string_equal(log[0].op, "update");
	assert_string_equal(log[0].by_user, "clerk@example.org");
	assert_int_equal(log[0].n_list, 3); /* status, by, on */

	/* Reopened: what discharged it goes. */
	in.set = UND_STATUS;
	in.status = "open";
	assert_int_equal(store_undertaking_update(s, next, &in, &e), 0);
	u = store_undertaking(s, &a, next, TODAY, &e);
	assert_int_equal(u->discharged_by_item_id, 0);
	assert_null(u->discharged_on);
	/* A due date replaces the due meeting. */
	in.set = UND_DUE_DATE;
	in.due_date = "2024-07-01";
	assert_int_equal(store_undertaking_update(s, next, &in, &e), 0);
	u = store_undertaking(s, &a, next, TODAY, &e);
	assert_int_equal(u->due_meeting_id, 0);
	assert_string_equal(u->due, "2024-07-01");

	assert_int_equal(store_undertaking_delete(s, next, &e), 0);
	assert_null(store_undertaking(s, &a, next, TODAY, &e));
	assert_int_equal(e.code, ERR_NOT_FOUND);
	arena_release(&a);
	store_close(s);
}

static void test_timeline(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct issue_input in = { ISSUE_TITLE | ISSUE_PLAN,
				  "Domestic Abuse Strategy", NULL, 1, false };
	struct audit_filter af = { .object_type = "item", .object_id = 15 };
	struct tl_entry *t;
	struct issue *is;
	int64_t id = 0;
	size_t n;

	UNUSED(state);
	assert_int_equal(store_issue_create(s, &in, &id, &e), 0);
	assert_int_equal(store_issue_create(s, &in, NULL, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_string_equal(e.field, "title");
	/* Added out of date order. */
	assert_int_equal(store_issue_add_item(s, id, 15, &e), 0);
	assert_int_equal(store_issue_add_item(s, id, 12, &e), 0);
	assert_int_equal(store_issue_add_item(s, id, 14, &e), 0);
	assert_int_equal(store_issue_add_item(s, id, 11, &e), 0);
	assert_int_equal(store_issue_add_item(s, id, 11, &e), 0);
	assert_int_equal(store_issue_add_item(s, id, 999, &e), -1);
	assert_string_equal(e.field, "item_id");
	store_audit_list(s, &a, &af, &n, &e);
	assert_int_equal(n, 1);
	is = store_issue(s, &a, id, &e);
	assert_int_equal(is->n_items, 4);
	assert_string_equal(is->first_date, "2013-01-10");
	assert_string_equal(is->last_date, "2015-06-01");

	t = store_issue_timeline(s, &a, id, &n, &e);
	assert_non_null(t);
	assert_int_equal(n, 4);
	assert_string_equal(t[0].date, "2013-01-10");
	assert_string_equal(t[1].date, "2014-09-16");
	assert_string_equal(t[2].date, "2014-09-30");
	assert_string_equal(t[3].date, "2015-06-01");
	assert_string_equal(t[2].body_name, "Executive");
	assert_string_equal(t[2].number, "7");
	/* Resolutions and documents. */
	assert_int_equal(t[1].n_resolutions, 2);
	assert_string_equal(t[1].resolutions[0].kind, "recommended");
	assert_string_equal(t[1].resolutions[0].to_body_name, "Executive");
	assert_int_equal(t[1].n_attachments, 1);
	assert_string_equal(t[1].attachments[0].name, "Strategy.pdf");
	/* The figures as they stood: none yet in 2013; 10 on 16 Sept 2014
	 * (England's later value is not the home area's); 20 in June 2015,
	 * beside the item's own indicator. */
	assert_int_equal(t[0].n_figures, 1);
	assert_false(t[0].figures[0].has_value);
	assert_int_equal(t[1].n_figures, 1);
	assert_true(t[1].figures[0].has_value);
	assert_true(t[1].figures[0].value == 10);
	assert_string_equal(t[1].figures[0].period, "2013/14");
	assert_string_equal(t[1].figures[0].area, "Testshire");
	assert_int_equal(t[3].n_figures, 2);
	assert_string_equal(t[3].figures[0].code, "DA1");
	assert_true(t[3].figures[0].value == 20);
	assert_string_equal(t[3].figures[1].code, "DA2");
	assert_true(t[3].figures[1].value == 42.5);

	/* Taken out; deleting the issue records each item's change. */
	assert_int_equal(store_issue_remove_item(s, id, 14, &e), 0);
	store_issue_timeline(s, &a, id, &n, &e);
	assert_int_equal(n, 3);
	assert_int_equal(store_issue_delete(s, id, &e), 0);
	store_audit_list(s, &a, &af, &n, &e);
	assert_int_equal(n, 2);
	assert_null(store_issue(s, &a, id, &e));
	arena_release(&a);
	store_close(s);
}

static void test_forward_and_approval(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct forward_item *f;
	struct approval_step *p;
	struct undertaking *u;
	int64_t due;
	size_t n;

	UNUSED(state);
	f = store_forward_items(s, &a, TODAY, &n, &e);
	assert_int_equal(n, 2);
	assert_string_equal(f[0].title, "Apologies");
	assert_string_equal(f[1].title, "Updated report");
	due = add(s, "An updated report", 12, 3, NULL);
	add(s, "Done long ago", 12, 0, "2015-01-01");
	u = store_forward_undertakings(s, &a, TODAY, &n, &e);
	assert_int_equal(n, 1);
	assert_int_equal(u[0].id, due);

	p = store_plan_approval(s, &a, 1, &n, &e);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].kind, "recommended");
	assert_string_equal(p[0].date, "2014-09-16");
	assert_string_equal(p[0].to_body_name, "Executive");
	assert_string_equal(p[1].kind, "approved");
	assert_string_equal(p[1].body_name, "Executive");
	assert_null(store_plan_approval(s, &a, 9, &n, &e));
	assert_int_equal(e.code, ERR_NOT_FOUND);
	arena_release(&a);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overdue),
		cmocka_unit_test(test_meeting_and_discharge),
		cmocka_unit_test(test_timeline),
		cmocka_unit_test(test_forward_and_approval),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
