/*
 * test_audit.c: the record of every change (src/store/store_audit.c), on
 * an in-memory store with no demo.
 *
 * Checked: a creation, an update and a deletion each record one entry
 * with the right operation, author and old and new values, in the API's
 * field names; an update that changes nothing records nothing; a write
 * rolled back leaves no entry; links recorded as a list; filters of the
 * list; the chain verifies, and fails, naming the entry, after an entry
 * is edited, removed from the middle or from the end, by hand; the
 * table refuses UPDATE and DELETE through SQL.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/store_audit.h"

static struct store *fresh(void)
{
	struct err e = ERR_INIT;
	struct store *s = store_open(":memory:", true, &e);

	assert_non_null(s);
	store_set_actor(s, "jo@example.org", 7, "web");
	return s;
}

static void exec(struct store *s, const char *sql)
{
	struct err e = ERR_INIT;

	if (db_exec_script(s->db, sql, &e) < 0)
		fail_msg("%s: %s", sql, e.msg);
}

/* One audited write of an organisation: before, the SQL, after. */
static void audited(struct store *s, int64_t id, const char *sql,
		    int64_t after_id)
{
	struct err e = ERR_INIT;
	struct audit_snap snap;

	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(audit_before(s, &snap, AUDIT_ORGANISATION, id, &e), 0);
	exec(s, sql);
	assert_int_equal(audit_after(s, &snap, after_id, &e), 0);
	assert_int_equal(store_commit(s, &e), 0);
}

static struct audit_entry *list(struct store *s, struct arena *a,
				const struct audit_filter *f, size_t *n)
{
	struct err e = ERR_INIT;
	struct audit_filter all = { 0 };
	struct audit_entry *l = store_audit_list(s, a, f ? f : &all, n, &e);

	assert_non_null(l);
	return l;
}

static const char *change(const struct audit_entry *en, const char *field,
			  bool new_value)
{
	for (size_t i = 0; i < en->n_list; i++)
		if (strcmp(en->list[i].field, field) == 0)
			return new_value ? en->list[i].new_json
					 : en->list[i].old_json;
	return NULL;
}

static void test_create_update_delete(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct audit_entry *l;
	size_t n;

	(void)state;
	audited(s, 0,
		"INSERT INTO organisation (id, name, sector) VALUES (3, 'Police',"
		" 'police')",
		3);
	l = list(s, &a, NULL, &n);
	assert_int_equal(n, 1);
	assert_string_equal(l[0].op, "create");
	assert_string_equal(l[0].object_type, "organisation");
	assert_int_equal(l[0].object_id, 3);
	assert_string_equal(l[0].by_user, "jo@example.org");
	assert_int_equal(l[0].by_account, 7);
	assert_string_equal(l[0].via, "web");
	assert_string_equal(change(&l[0], "name", false), "null");
	assert_string_equal(change(&l[0], "name", true), "\"Police\"");
	assert_string_equal(change(&l[0], "is_member", true), "1");
	/* Absent before and after: not a change. */
	assert_null(change(&l[0], "note", true));

	audited(s, 3, "UPDATE organisation SET name = 'GMP' WHERE id = 3", 0);
	l = list(s, &a, NULL, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0].op, "update");
	assert_int_equal(l[0].n_list, 1);
	assert_string_equal(change(&l[0], "name", false), "\"Police\"");
	assert_string_equal(change(&l[0], "name", true), "\"GMP\"");

	/* The same value again: nothing to record. */
	audited(s, 3, "UPDATE organisation SET name = 'GMP' WHERE id = 3", 0);
	list(s, &a, NULL, &n);
	assert_int_equal(n, 2);

	audited(s, 3,
		"UPDATE organisation SET archived_at = '2026-01-01' WHERE id = 3",
		0);
	l = list(s, &a, NULL, &n);
	assert_string_equal(l[0].op, "archive");

	audited(s, 3, "DELETE FROM organisation WHERE id = 3", 0);
	l = list(s, &a, NULL, &n);
	assert_int_equal(n, 4);
	assert_string_equal(l[0].op, "delete");
	assert_string_equal(change(&l[0], "name", false), "\"GMP\"");
	assert_string_equal(change(&l[0], "name", true), "null");
	/* Newest first. */
	assert_true(l[0].id > l[1].id && l[1].id > l[2].id);
	arena_release(&a);
	store_close(s);
}

static void test_rolled_back(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct audit_snap snap;
	size_t n;

	(void)state;
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(audit_before(s, &snap, AUDIT_ORGANISATION, 0, &e), 0);
	exec(s, "INSERT INTO organisation (id, name, sector) VALUES (1, 'A', 'police')");
	assert_int_equal(audit_after(s, &snap, 1, &e), 0);
	store_rollback(s);
	list(s, &a, NULL, &n);
	assert_int_equal(n, 0);
	assert_int_equal(store_audit_verify(s, &(int64_t){ 0 }, &(int64_t){ 0 }, &e),
			 0);
	arena_release(&a);
	store_close(s);
}

/* A board's members are one field, a list. */
static void test_links(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct audit_snap snap;
	struct audit_entry *l;
	size_t n;

	(void)state;
	exec(s, "INSERT INTO person (id, name) VALUES (1, 'A'), (2, 'B');"
		"INSERT INTO board (id, name, kind) VALUES (5, 'Board', 'board');"
		"INSERT INTO board_member (board_id, person_id) VALUES (5, 2);");
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(audit_before(s, &snap, AUDIT_BOARD, 5, &e), 0);
	exec(s, "INSERT INTO board_member (board_id, person_id) VALUES (5, 1)");
	assert_int_equal(audit_after(s, &snap, 0, &e), 0);
	assert_int_equal(store_commit(s, &e), 0);
	l = list(s, &a, NULL, &n);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].n_list, 1);
	assert_string_equal(l[0].list[0].field, "member_ids");
	assert_string_equal(l[0].list[0].old_json, "[2]");
	assert_string_equal(l[0].list[0].new_json, "[1,2]");
	arena_release(&a);
	store_close(s);
}

static void test_filters(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct audit_filter f = { 0 };
	struct audit_entry *l;
	size_t n;

	(void)state;
	audited(s, 0, "INSERT INTO organisation (id, name, sector) VALUES (1, 'A', 'police')", 1);
	store_set_actor(s, "sam", 0, "cli");
	audited(s, 0, "INSERT INTO organisation (id, name, sector) VALUES (2, 'B', 'police')", 2);
	audited(s, 1, "UPDATE organisation SET note = 'n' WHERE id = 1", 0);
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(audit_record(s, AUDIT_SETTING, 0, "update",
				      "published:crime", NULL, "1", &e),
			 0);
	assert_int_equal(store_commit(s, &e), 0);

	f.object_type = "organisation";
	f.object_id = 1;
	l = list(s, &a, &f, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0].by_user, "sam");
	assert_string_equal(l[1].by_user, "jo@example.org");

	memset(&f, 0, sizeof(f));
	f.user = "sam";
	list(s, &a, &f, &n);
	assert_int_equal(n, 3);
	f.user = NULL;
	f.account = 7;
	list(s, &a, &f, &n);
	assert_int_equal(n, 1);

	memset(&f, 0, sizeof(f));
	f.object_type = "setting";
	l = list(s, &a, &f, &n);
	assert_int_equal(n, 1);
	assert_string_equal(change(&l[0], "published:crime", true), "\"1\"");
	assert_string_equal(change(&l[0], "published:crime", false), "null");

	memset(&f, 0, sizeof(f));
	f.from = "2000-01-01";
	f.to = "2000-12-31";
	list(s, &a, &f, &n);
	assert_int_equal(n, 0);
	f.to = NULL;
	f.limit = 2;
	list(s, &a, &f, &n);
	assert_int_equal(n, 2);

	memset(&f, 0, sizeof(f));
	f.object_type = "spaceship";
	assert_null(store_audit_list(s, &a, &f, &n, &e));
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "object_type");
	f.object_type = NULL;
	f.from = "2026-13-01";
	assert_null(store_audit_list(s, &a, &f, &n, &e));
	assert_string_equal(e.field, "from");
	arena_release(&a);
	store_close(s);
}

/* Three entries; then each way of editing the table by hand. */
static struct store *three(void)
{
	struct store *s = fresh();

	audited(s, 0, "INSERT INTO organisation (id, name, sector) VALUES (1, 'A', 'police')", 1);
	audited(s, 1, "UPDATE organisation SET name = 'B' WHERE id = 1", 0);
	audited(s, 1, "UPDATE organisation SET name = 'C' WHERE id = 1", 0);
	return s;
}

static void verify_fails(struct store *s, int64_t want_bad, const char *words)
{
	struct err e = ERR_INIT;
	int64_t n, bad;

	assert_int_equal(store_audit_verify(s, &n, &bad, &e), -1);
	assert_int_equal(bad, want_bad);
	if (!strstr(e.msg, words))
		fail_msg("'%s' does not say '%s'", e.msg, words);
	store_close(s);
}

static void test_verify(void **state)
{
	struct store *s = three();
	struct err e = ERR_INIT;
	int64_t n, bad;

	(void)state;
	assert_int_equal(store_audit_verify(s, &n, &bad, &e), 0);
	assert_int_equal(n, 3);

	/* The table refuses to be changed... */
	assert_int_equal(db_exec_script(s->db, "UPDATE audit SET by_user = 'x'", &e), -1);
	assert_non_null(strstr(e.msg, "cannot be changed"));
	assert_int_equal(db_exec_script(s->db, "DELETE FROM audit WHERE id = 3", &e), -1);
	store_close(s);

	/* ...but one who drops the triggers is found out. */
	s = three();
	exec(s, "DROP TRIGGER audit_no_update;"
		"UPDATE audit SET changes = replace(changes, '\"B\"', '\"X\"') WHERE id = 2");
	verify_fails(s, 2, "content");

	s = three();
	exec(s, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2");
	verify_fails(s, 3, "missing");

	s = three();
	exec(s, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 3");
	verify_fails(s, 2, "newest entries are missing");

	/* Its hash changed (one digit, whatever it was): the entry no
	 * longer matches it. */
	s = three();
	exec(s, "DROP TRIGGER audit_no_update;"
		"UPDATE audit SET hash = CASE substr(hash, 1, 1) WHEN 'f' THEN '0' ELSE 'f' END || substr(hash, 2) WHERE id = 2");
	verify_fails(s, 2, "content");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_update_delete),
		cmocka_unit_test(test_rolled_back),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_verify),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
