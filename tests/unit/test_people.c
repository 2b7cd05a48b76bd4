/*
 * test_people.c: the partnership, organisations, people and boards made
 * editable (store_people.c, store_governance.c), deleting and archiving
 * (store_remove.c), funds and awards with their warning, actions removed,
 * and the author of a progress update taken from whoever acts; on an
 * in-memory store with no demo.
 *
 * Checked: each write records exactly one entry, with the API's field
 * names; an update changes only the fields given; a failed write records
 * nothing and changes nothing; delete when nothing refers, archive when
 * something does, and archived objects leave lists but stay readable.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/store_action.h"
#include "store/store_audit.h"
#include "store/store_fund.h"
#include "store/store_governance.h"
#include "store/store_people.h"
#include "store/store_plan.h"

static struct store *fresh(void)
{
	struct err e = ERR_INIT;
	struct store *s = store_open(":memory:", true, &e);

	assert_non_null(s);
	store_set_actor(s, "jo@example.org", 0, "web");
	return s;
}

/* The entries of one object, newest first. */
static struct audit_entry *record(struct store *s, struct arena *a,
				  const char *type, int64_t id, size_t *n)
{
	struct err e = ERR_INIT;
	struct audit_filter f = { .object_type = type, .object_id = id };
	struct audit_entry *l = store_audit_list(s, a, &f, n, &e);

	assert_non_null(l);
	return l;
}

static int64_t count_entries(struct store *s)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct audit_filter f = { 0 };
	size_t n = 0;

	assert_non_null(store_audit_list(s, &a, &f, &n, &e));
	arena_release(&a);
	return (int64_t)n;
}

static void test_partnership(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	const char *names[] = { "Old Name", "Older Name" };
	struct partnership_input in = { PARTNERSHIP_NAME, "Only a name", NULL,
					NULL, NULL, 0 };
	struct partnership *p;
	struct audit_entry *l;
	int64_t id = 0;
	size_t n;

	UNUSED(state);
	/* None yet: making it needs an area. */
	assert_int_equal(store_partnership_update(s, &in, &id, &e), -1);
	assert_string_equal(e.field, "area");
	assert_int_equal(count_entries(s), 0);
	in.set |= PARTNERSHIP_AREA | PARTNERSHIP_FORMER_NAMES;
	in.area = "Testshire";
	in.former_names = names;
	in.n_former = 2;
	assert_int_equal(store_partnership_update(s, &in, &id, &e), 0);
	assert_true(id > 0);
	p = store_partnership(s, &a, &e);
	assert_string_equal(p->name, "Only a name");
	assert_int_equal(p->n_former, 2);
	assert_string_equal(p->former_plain[1], "Older Name");
	/* Change the name only, and drop one former name: one entry. */
	in.set = PARTNERSHIP_NAME | PARTNERSHIP_FORMER_NAMES;
	in.name = "Testshire CSP";
	in.n_former = 1;
	assert_int_equal(store_partnership_update(s, &in, NULL, &e), 0);
	p = store_partnership(s, &a, &e);
	assert_string_equal(p->area, "Testshire");
	assert_int_equal(p->n_former, 1);
	l = record(s, &a, "partnership", id, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0].op, "update");
	assert_int_equal(l[0].n_list, 2);
	assert_string_equal(l[1].op, "create");
	/* A former name added and removed on its own. */
	assert_int_equal(store_former_name_add(s, id, "Third", NULL, &e), 0);
	assert_int_equal(store_former_name_remove(s, id, "Third", &e), 0);
	assert_int_equal(store_former_name_remove(s, id, "Third", &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	record(s, &a, "partnership", id, &n);
	assert_int_equal(n, 4);
	/* Twice the same former name. */
	names[1] = "Old Name";
	in.n_former = 2;
	assert_int_equal(store_partnership_update(s, &in, NULL, &e), -1);
	assert_string_equal(e.field, "former_names");
	assert_int_equal(store_partnership_create(s, "X", "Y", NULL, NULL, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	arena_release(&a);
	store_close(s);
}

static void test_organisations_and_people(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct organisation_input o = { "Testshire Council", "TC", "council",
					true, NULL, false, 0 };
	struct person_input p = { "Alex", "Leader", 0, false, 0 };
	struct organisation *org, *orgs;
	struct person *people;
	struct audit_entry *l;
	int64_t org_id, other, alex, bo;
	bool archived;
	size_t n;

	UNUSED(state);
	assert_int_equal(store_organisation_create(s, &o, &org_id, &e), 0);
	o.name = "Spare Trust";
	o.sector = "voluntary";
	assert_int_equal(store_organisation_create(s, &o, &other, &e), 0);
	/* An update of the fields given. */
	o = (struct organisation_input){ .set = ORG_MEMBER | ORG_NOTE,
					 .is_member = false, .note = "Left 2020" };
	assert_int_equal(store_organisation_update(s, org_id, &o, &e), 0);
	org = store_organisation(s, &a, org_id, &e);
	assert_string_equal(org->name, "Testshire Council");
	assert_string_equal(org->short_name, "TC");
	assert_false(org->is_member);
	l = record(s, &a, "organisation", org_id, &n);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].n_list, 2);
	/* A bad sector changes nothing and records nothing. */
	o = (struct organisation_input){ .set = ORG_SECTOR, .sector = "bogus" };
	assert_int_equal(store_organisation_update(s, org_id, &o, &e), -1);
	assert_string_equal(e.field, "sector");
	record(s, &a, "organisation", org_id, &n);
	assert_int_equal(n, 2);
	/* The same name as another. */
	o = (struct organisation_input){ .set = ORG_NAME, .name = "Spare Trust" };
	assert_int_equal(store_organisation_update(s, org_id, &o, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);

	p.organisation_id = org_id;
	assert_int_equal(store_person_create(s, &p, &alex, &e), 0);
	p = (struct person_input){ .name = "Bo" };
	assert_int_equal(store_person_create(s, &p, &bo, &e), 0);
	p = (struct person_input){ .set = PERSON_ORGANISATION, .organisation_id = 999 };
	assert_int_equal(store_person_update(s, bo, &p, &e), -1);
	assert_string_equal(e.field, "organisation_id");
	p = (struct person_input){ .set = PERSON_ROLE, .role = "Analyst" };
	assert_int_equal(store_person_update(s, bo, &p, &e), 0);
	assert_string_equal(store_person(s, &a, bo, &e)->role, "Analyst");
	assert_string_equal(store_person(s, &a, bo, &e)->name, "Bo");

	/* Delete what nothing refers to; archive what something does. */
	assert_int_equal(store_organisation_remove(s, org_id, REMOVE_DELETE, NULL,
						   &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_non_null(strstr(e.msg, "people belong to it"));
	assert_int_equal(store_organisation_remove(s, org_id, REMOVE_AUTO,
						   &archived, &e), 0);
	assert_true(archived);
	assert_int_equal(store_organisation_remove(s, other, REMOVE_AUTO,
						   &archived, &e), 0);
	assert_false(archived);
	assert_null(store_organisation(s, &a, other, &e));
	assert_int_equal(e.code, ERR_NOT_FOUND);
	orgs = store_organisations(s, &a, &n, &e);
	assert_non_null(orgs);
	assert_int_equal(n, 0);
	org = store_organisation(s, &a, org_id, &e);
	assert_non_null(org->archived_at);
	l = record(s, &a, "organisation", org_id, &n);
	assert_string_equal(l[0].op, "archive");
	l = record(s, &a, "organisation", other, &n);
	assert_string_equal(l[0].op, "delete");
	assert_int_equal(store_person_remove(s, bo, REMOVE_ARCHIVE, &archived, &e), 0);
	assert_true(archived);
	people = store_people(s, &a, 0, &n, &e);
	assert_int_equal(n, 1);
	assert_string_equal(people[0].name, "Alex");
	assert_int_equal(store_person_remove(s, 999, REMOVE_AUTO, NULL, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	arena_release(&a);
	store_close(s);
}

static void test_boards(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct person_input p = { 0 };
	int64_t people[3], board, sub, ids[2];
	struct board_input in = { 0 };
	struct board *b;
	struct audit_entry *l;
	bool archived;
	size_t n;

	UNUSED(state);
	for (int i = 0; i < 3; i++) {
		p.name = (const char *[]){ "Ann", "Ben", "Cat" }[i];
		assert_int_equal(store_person_create(s, &p, &people[i], &e), 0);
	}
	in = (struct board_input){ .name = "Board", .kind = "board",
				   .chair_id = people[0], .set = BOARD_MEMBERS,
				   .member_ids = people, .n_members = 2 };
	assert_int_equal(store_board_create(s, &in, &board, &e), 0);
	b = store_board(s, &a, board, &e);
	assert_int_equal(b->n_members, 2);
	l = record(s, &a, "board", board, &n);
	assert_int_equal(n, 1);
	assert_string_equal(l[0].op, "create");
	in = (struct board_input){ .name = "Sub", .kind = "subgroup",
				   .parent_id = board };
	assert_int_equal(store_board_create(s, &in, &sub, &e), 0);
	/* Members as a whole list: Ben stays with his role, Cat joins. */
	assert_int_equal(store_board_add_member(s, board, people[1], "Secretary",
						false, &e), 0);
	ids[0] = people[1];
	ids[1] = people[2];
	in = (struct board_input){ .set = BOARD_MEMBERS, .member_ids = ids,
				   .n_members = 2 };
	assert_int_equal(store_board_update(s, board, &in, &e), 0);
	b = store_board(s, &a, board, &e);
	assert_int_equal(b->n_members, 2);
	assert_string_equal(b->members[0].name, "Ben");
	assert_string_equal(b->members[0].role, "Secretary");
	assert_string_equal(b->members[1].name, "Cat");
	assert_string_equal(b->name, "Board");
	/* Created, then the members changed (Ben's role on the board is not
	 * one of the fields recorded). */
	l = record(s, &a, "board", board, &n);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].n_list, 1);
	assert_string_equal(l[0].list[0].field, "member_ids");
	/* Loops refused. */
	in = (struct board_input){ .set = BOARD_REPORTS_TO, .parent_id = sub };
	assert_int_equal(store_board_update(s, board, &in, &e), -1);
	assert_string_equal(e.field, "reports_to_id");
	in.parent_id = board;
	assert_int_equal(store_board_update(s, board, &in, &e), -1);
	assert_string_equal(e.field, "reports_to_id");
	ids[1] = ids[0];
	in = (struct board_input){ .set = BOARD_MEMBERS, .member_ids = ids,
				   .n_members = 2 };
	assert_int_equal(store_board_update(s, board, &in, &e), -1);
	assert_string_equal(e.field, "member_ids");
	/* A member cannot simply be deleted. */
	assert_int_equal(store_person_remove(s, people[1], REMOVE_DELETE, NULL, &e),
			 -1);
	assert_non_null(strstr(e.msg, "member of a board"));
	/* The board with a subgroup is archived; the subgroup comes to the
	 * top of the list. */
	assert_int_equal(store_board_remove(s, board, REMOVE_AUTO, &archived, &e), 0);
	assert_true(archived);
	b = store_boards(s, &a, &n, &e);
	assert_int_equal(n, 1);
	assert_int_equal(b[0].id, sub);
	assert_int_equal(b[0].depth, 0);
	assert_int_equal(store_board_remove(s, sub, REMOVE_AUTO, &archived, &e), 0);
	assert_false(archived);
	arena_release(&a);
	store_close(s);
}

static void test_funds_and_actions(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT, warnings[2];
	struct err_list w = { warnings, 0, 2 };
	struct fund_input f = { .set = FUND_NAME | FUND_YEAR | FUND_ALLOCATION,
				.name = "Grant", .year = "2023/24",
				.allocation_pence = 1000 };
	struct award_input aw = { .fund_id = 0, .recipient = "Club",
				  .has_amount = true, .amount_pence = 900 };
	struct plan_input plan = { 0 };
	struct action_input act = { 0 };
	struct update_input up = { 0 };
	struct action_update *u;
	int64_t fund, award, award2, plan_id, action, uid;
	bool archived;
	size_t n;

	UNUSED(state);
	assert_int_equal(store_fund_create(s, &f, &fund, &e), 0);
	aw.fund_id = fund;
	assert_int_equal(store_award_create(s, &aw, &award, &e), 0);
	assert_int_equal(store_fund_warnings(s, fund, "amount_pence", &w, &e), 0);
	assert_int_equal(w.n, 0);
	aw.amount_pence = 200;
	assert_int_equal(store_award_create(s, &aw, &award2, &e), 0);
	assert_int_equal(store_fund_warnings(s, fund, "amount_pence", &w, &e), 0);
	assert_int_equal(w.n, 1);
	assert_int_equal(w.v[0].code, ERR_OK);
	assert_string_equal(w.v[0].field, "amount_pence");
	assert_non_null(strstr(w.v[0].msg, "more than its allocation"));
	record(s, &a, "award", award2, &n);
	assert_int_equal(n, 1);
	f = (struct fund_input){ .set = FUND_ALLOCATION, .allocation_pence = 5000 };
	assert_int_equal(store_fund_update(s, fund, &f, &e), 0);
	record(s, &a, "fund", fund, &n);
	assert_int_equal(n, 2);
	/* An archived award leaves the totals. */
	assert_int_equal(store_award_remove(s, award, REMOVE_ARCHIVE, &archived, &e), 0);
	assert_true(archived);
	assert_int_equal(store_fund(s, &a, fund, &e)->awarded_pence, 200);
	assert_int_equal(store_fund_remove(s, fund, REMOVE_DELETE, NULL, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_int_equal(store_fund_remove(s, fund, REMOVE_AUTO, &archived, &e), 0);
	assert_true(archived);
	assert_non_null(store_funds(s, &a, NULL, false, &n, &e));
	assert_int_equal(n, 0);

	/* Actions: the author of an update is whoever acts. */
	plan.title = "Plan";
	plan.kind = "partnership_plan";
	plan.period_start = "2023-04-01";
	plan.period_end = "2026-03-31";
	plan.status = "approved";
	assert_int_equal(store_plan_create(s, &plan, &plan_id, &e), 0);
	act.set = ACTION_TITLE | ACTION_PLAN;
	act.title = "Do it";
	act.plan_id = plan_id;
	assert_int_equal(store_action_create(s, &act, &action, &e), 0);
	{
		struct db_stmt *st = db_prepare(
			s->db,
			"INSERT INTO account (id, email, name, role, password_hash,"
			" created_at) VALUES (7, 'jo@example.org', 'Jo Officer',"
			" 'officer', 'x', '2024-01-01T00:00:00Z')",
			&e);

		assert_non_null(st);
		assert_int_equal(db_exec(st, NULL, &e), 0);
	}
	store_set_actor(s, "jo@example.org", 7, "web");
	up.body = "Started.";
	up.status = "in_progress";
	assert_int_equal(store_action_add_update(s, action, &up, &uid, &e), 0);
	u = store_action_updates(s, &a, action, &n, &e);
	assert_int_equal(n, 1);
	assert_int_equal(u[0].author_account_id, 7);
	assert_int_equal(u[0].author_id, 0);
	assert_string_equal(u[0].author_name, "Jo Officer");
	record(s, &a, "action_update", uid, &n);
	assert_int_equal(n, 1);
	/* The action's status changed with it: its own entry. */
	record(s, &a, "action", action, &n);
	assert_int_equal(n, 2);
	/* Updates: archived, not deleted. */
	assert_int_equal(store_action_remove(s, action, REMOVE_DELETE, NULL, &e), -1);
	assert_int_equal(store_action_remove(s, action, REMOVE_AUTO, &archived, &e), 0);
	assert_true(archived);
	{
		struct action_filter af = { .today = "2024-01-01" };

		assert_non_null(store_actions(s, &a, &af, &n, &e));
		assert_int_equal(n, 0);
	}
	assert_non_null(store_action(s, &a, action, "2024-01-01", &e)->archived_at);
	arena_release(&a);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_partnership),
		cmocka_unit_test(test_organisations_and_people),
		cmocka_unit_test(test_boards),
		cmocka_unit_test(test_funds_and_actions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
