/*
 * test_account.c: accounts, sessions, API tokens and the throttle
 * (src/store/store_account.c), on an in-memory store, with the clock
 * moved by hand.
 *
 * Checked: emails unique whatever their case; the checks of each field;
 * the password kept only as an Argon2id hash, and recorded as "changed",
 * never as the hash; sessions that end when idle, at their limit, on
 * sign-out, on a new password and when the account is disabled; tokens
 * shown once, kept as a hash, noted when used and refused once revoked;
 * the throttle per account and per address; a lead's themes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/store_account.h"
#include "store/store_audit.h"

#define PW "correct horse battery"
#define NOW ((int64_t)1800000000) /* 2027-01-15 */

static struct store *fresh(void)
{
	struct err e = ERR_INIT;
	struct store *s = store_open(":memory:", true, &e);

	assert_non_null(s);
	store_set_actor(s, "admin@example.org", 0, "cli");
	if (db_exec_script(s->db,
			   "INSERT INTO plan (id, title, kind, period_start,"
			   "  period_end, status) VALUES (1, 'Plan', "
			   "  'partnership_plan', '2024-04-01', '2027-03-31',"
			   "  'approved');"
			   "INSERT INTO theme (id, plan_id, name) VALUES"
			   "  (1, 1, 'Violence'), (2, 1, 'Drugs');"
			   "INSERT INTO action (id, plan_id, theme_id, title, status,"
			   "  created_at, updated_at) VALUES"
			   "  (1, 1, 1, 'Patrols', 'in_progress', 'x', 'x'),"
			   "  (2, 1, 2, 'Outreach', 'in_progress', 'x', 'x');",
			   &e) < 0)
		fail_msg("%s", e.msg);
	return s;
}

static int64_t add(struct store *s, const char *email, const char *role,
		   const int64_t *themes, size_t n_themes)
{
	struct err e = ERR_INIT;
	struct account_input in = { email, "Someone", role, PW, 0, themes,
				    n_themes, NULL, 0 };
	int64_t id = 0;

	if (store_account_create(s, &in, &id, &e) < 0)
		fail_msg("%s: %s", email, e.msg);
	return id;
}

static int64_t count(struct store *s, const char *sql)
{
	struct err e = ERR_INIT;
	struct db_stmt *st = db_prepare(s->db, sql, &e);
	int64_t n;

	assert_non_null(st);
	assert_int_equal(db_step(st, &e), DB_ROW);
	n = db_col_int(st, 0);
	db_done(st);
	return n;
}

static void test_create(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct account_input in = { "Ann@Example.ORG", "Ann", "admin", PW, 0,
				    NULL, 0, NULL, 0 };
	const int64_t themes[] = { 1 }, nosuch[] = { 99 };
	struct account *x;
	int64_t id, n;

	UNUSED(state);
	assert_int_equal(store_account_create(s, &in, &id, &e), 0);
	x = store_account(s, &a, id, &e);
	assert_non_null(x);
	assert_string_equal(x->email, "ann@example.org");
	assert_string_equal(x->role, "admin");
	assert_null(x->disabled_at);
	assert_int_equal(store_account_count(s, &n, &e), 0);
	assert_int_equal(n, 1);
	/* The same email in another case. */
	in.email = "ANN@example.org";
	assert_int_equal(store_account_create(s, &in, &id, &e), -1);
	assert_int_equal(e.code, ERR_CONFLICT);
	assert_string_equal(e.field, "email");
	/* Each field checked, named. */
	in.email = "not an email";
	assert_int_equal(store_account_create(s, &in, &id, &e), -1);
	assert_string_equal(e.field, "email");
	in.email = "bo@example.org";
	in.role = "boss";
	assert_int_equal(store_account_create(s, &in, &id, &e), -1);
	assert_string_equal(e.field, "role");
	in.role = "viewer";
	in.password = "short";
	assert_int_equal(store_account_create(s, &in, &id, &e), -1);
	assert_string_equal(e.field, "password");
	in.password = PW;
	in.name = "";
	assert_int_equal(store_account_create(s, &in, &id, &e), -1);
	assert_string_equal(e.field, "name");
	in.name = "Bo";
	in.theme_ids = themes;
	in.n_themes = 1;
	assert_int_equal(store_account_create(s, &in, &id, &e), -1);
	assert_string_equal(e.field, "theme_ids"); /* a viewer leads nothing */
	in.role = "lead";
	in.theme_ids = nosuch;
	assert_int_equal(store_account_create(s, &in, &id, &e), -1);
	assert_string_equal(e.field, "theme_ids");
	assert_int_equal(count(s, "SELECT count(*) FROM account"), 1);
	/* The password is only its Argon2id hash. */
	assert_int_equal(count(s, "SELECT count(*) FROM account WHERE"
				  " password_hash LIKE '$argon2id$%'"
				  " AND instr(password_hash, 'horse') = 0"),
			 1);
	arena_release(&a);
	store_close(s);
}

static void test_audit(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct audit_filter f = { .object_type = "account" };
	struct audit_entry *l;
	const int64_t themes[] = { 2 };
	int64_t id = add(s, "lee@example.org", "viewer", NULL, 0);
	size_t n;

	UNUSED(state);
	assert_int_equal(store_account_set_password(s, id, "another password",
						    0, &e), 0);
	assert_int_equal(store_account_set_role(s, id, "lead", themes, 1, NULL, 0,
						&e), 0);
	assert_int_equal(store_account_set_disabled(s, id, true, &e), 0);
	l = store_audit_list(s, &a, &f, &n, &e);
	assert_non_null(l);
	assert_int_equal(n, 4); /* newest first */
	assert_string_equal(l[3].op, "create");
	assert_string_equal(l[3].by_user, "admin@example.org");
	assert_string_equal(l[2].list[0].field, "password");
	assert_string_equal(l[2].list[0].old_json, "null");
	assert_string_equal(l[2].list[0].new_json, "\"changed\"");
	assert_string_equal(l[1].op, "update");
	assert_non_null(strstr(l[1].changes, "\"role\""));
	assert_non_null(strstr(l[1].changes, "\"theme_ids\""));
	assert_non_null(strstr(l[0].changes, "\"disabled_at\""));
	/* No hash, no password, anywhere on the record. */
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE"
				  " changes LIKE '%argon2%'"
				  " OR changes LIKE '%password_hash%'"
				  " OR changes LIKE '%another%'"),
			 0);
	/* Setting the same role again records nothing. */
	assert_int_equal(store_account_set_role(s, id, "lead", themes, 1, NULL, 0,
						&e), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM audit"), 4);
	arena_release(&a);
	store_close(s);
}

static void test_sessions(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct session_new sn, other;
	struct session_who who;
	bool throttled;
	int64_t id = add(s, "kim@example.org", "officer", NULL, 0), t;

	UNUSED(state);
	assert_int_equal(store_signin(s, "KIM@example.org", PW, "10.0.0.1", NOW,
				      &sn, &throttled, &e), 0);
	assert_int_equal(sn.account, id);
	assert_int_equal(strlen(sn.token), 64);
	assert_int_equal(strlen(sn.form_token), 64);
	/* Kept as its hash only. */
	assert_int_equal(count(s, "SELECT count(*) FROM session"), 1);
	assert_int_equal(store_session_find(s, &a, sn.token, NOW + 60, &who, &e), 1);
	assert_int_equal(who.account->id, id);
	assert_string_equal(who.form_token, sn.form_token);
	assert_int_equal(who.id, sn.id);
	/* A token one digit off names nobody. */
	{
		char first = sn.token[0];

		sn.token[0] = first == 'a' ? 'b' : 'a';
		assert_int_equal(store_session_find(s, &a, sn.token, NOW + 60,
						    &who, &e), 0);
		sn.token[0] = first;
	}
	/* Used within the idle limit, it lives on; the absolute limit ends
	 * it whatever. */
	for (t = NOW + 3600; t < NOW + SESSION_MAX; t += SESSION_IDLE - 3600)
		assert_int_equal(store_session_find(s, &a, sn.token, t, &who, &e), 1);
	assert_int_equal(store_session_find(s, &a, sn.token, NOW + SESSION_MAX + 1,
					    &who, &e), 0);
	/* Idle too long. */
	assert_int_equal(store_signin(s, "kim@example.org", PW, NULL, NOW, &sn,
				      &throttled, &e), 0);
	assert_int_equal(store_session_find(s, &a, sn.token,
					    NOW + SESSION_IDLE + 10, &who, &e), 0);
	/* Signing out. */
	assert_int_equal(store_signin(s, "kim@example.org", PW, NULL, NOW, &sn,
				      &throttled, &e), 0);
	assert_int_equal(store_session_end(s, sn.token, &e), 0);
	assert_int_equal(store_session_find(s, &a, sn.token, NOW, &who, &e), 0);
	/* A new password ends the other sessions, not the one kept. */
	assert_int_equal(store_signin(s, "kim@example.org", PW, NULL, NOW, &sn,
				      &throttled, &e), 0);
	assert_int_equal(store_signin(s, "kim@example.org", PW, NULL, NOW, &other,
				      &throttled, &e), 0);
	assert_int_equal(store_account_set_password(s, id, "a new password here",
						    sn.id, &e), 0);
	assert_int_equal(store_session_find(s, &a, sn.token, NOW, &who, &e), 1);
	assert_int_equal(store_session_find(s, &a, other.token, NOW, &who, &e), 0);
	assert_int_equal(store_signin(s, "kim@example.org", PW, NULL, NOW, &other,
				      &throttled, &e), -1);
	assert_int_equal(store_signin(s, "kim@example.org", "a new password here",
				      NULL, NOW, &other, &throttled, &e), 0);
	/* Disabled: no session works, no sign-in. */
	assert_int_equal(store_account_set_disabled(s, id, true, &e), 0);
	assert_int_equal(store_session_find(s, &a, sn.token, NOW, &who, &e), 0);
	assert_int_equal(store_signin(s, "kim@example.org", "a new password here",
				      NULL, NOW, &other, &throttled, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_false(throttled);
	assert_int_equal(store_account_set_disabled(s, id, false, &e), 0);
	assert_int_equal(store_signin(s, "kim@example.org", "a new password here",
				      NULL, NOW, &other, &throttled, &e), 0);
	arena_release(&a);
	store_close(s);
}

static void test_throttle(void **state)
{
	struct store *s = fresh();
	struct err e = ERR_INIT;
	struct session_new sn;
	bool throttled;
	char email[64];

	UNUSED(state);
	add(s, "pat@example.org", "viewer", NULL, 0);
	add(s, "sam@example.org", "viewer", NULL, 0);
	/* An unknown email and a wrong password say the same. */
	assert_int_equal(store_signin(s, "nobody@example.org", PW, "10.0.0.9",
				      NOW, &sn, &throttled, &e), -1);
	assert_string_equal(e.msg, "the email address or the password is not right");
	for (int i = 0; i < SIGNIN_MAX_ACCOUNT; i++) {
		assert_int_equal(store_signin(s, "pat@example.org", "wrong password",
					      "10.0.0.1", NOW + i, &sn, &throttled,
					      &e), -1);
		assert_false(throttled);
		assert_string_equal(e.msg,
				    "the email address or the password is not right");
	}
	/* Now even the right password is refused, from anywhere. */
	assert_int_equal(store_signin(s, "PAT@example.org", PW, "10.0.0.2", NOW + 10,
				      &sn, &throttled, &e), -1);
	assert_true(throttled);
	assert_non_null(strstr(e.msg, "too many failed attempts"));
	assert_non_null(strstr(e.msg, "15 minutes"));
	/* Another account is not affected. */
	assert_int_equal(store_signin(s, "sam@example.org", PW, "10.0.0.2",
				      NOW + 10, &sn, &throttled, &e), 0);
	/* Once the failures are older than the window, it may try again. */
	assert_int_equal(store_signin(s, "pat@example.org", PW, "10.0.0.1",
				      NOW + SIGNIN_WINDOW + SIGNIN_MAX_ACCOUNT, &sn,
				      &throttled, &e), 0);
	/* Per address: many accounts tried from one address. */
	for (int i = 0; i < SIGNIN_MAX_ADDRESS; i++) {
		snprintf(email, sizeof(email), "guess%d@example.org", i);
		assert_int_equal(store_signin(s, email, "wrong password", "10.9.9.9",
					      NOW + 2000, &sn, &throttled, &e), -1);
		assert_false(throttled);
	}
	assert_int_equal(store_signin(s, "sam@example.org", PW, "10.9.9.9",
				      NOW + 2001, &sn, &throttled, &e), -1);
	assert_true(throttled);
	assert_non_null(strstr(e.msg, "from this address"));
	/* From elsewhere, the same account signs in. */
	assert_int_equal(store_signin(s, "sam@example.org", PW, "10.0.0.3",
				      NOW + 2001, &sn, &throttled, &e), 0);
	store_close(s);
}

static void test_address_not_reset(void **state)
{
	struct store *s = fresh();
	struct err e = ERR_INIT;
	struct session_new sn;
	bool throttled;
	char email[64];

	UNUSED(state);
	add(s, "jo@example.org", "viewer", NULL, 0);
	/* A success in between does not forgive the address. */
	for (int i = 0; i < SIGNIN_MAX_ADDRESS; i++) {
		snprintf(email, sizeof(email), "guess%d@example.org", i);
		assert_int_equal(store_signin(s, email, "wrong password", "10.1.1.1",
					      NOW, &sn, &throttled, &e), -1);
		if (i == SIGNIN_MAX_ADDRESS / 2)
			assert_int_equal(store_signin(s, "jo@example.org", PW,
						      "10.1.1.1", NOW, &sn,
						      &throttled, &e), 0);
	}
	assert_int_equal(store_signin(s, "jo@example.org", PW, "10.1.1.1", NOW + 1,
				      &sn, &throttled, &e), -1);
	assert_true(throttled);
	store_close(s);
}

static void test_tokens(void **state)
{
	struct store *s = fresh();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	char token[API_TOKEN_SIZE], other[API_TOKEN_SIZE];
	struct account *x;
	struct api_token *list;
	int64_t ann = add(s, "ann@example.org", "admin", NULL, 0);
	int64_t bo = add(s, "bo@example.org", "viewer", NULL, 0);
	int64_t id, oid, tid;
	size_t n;

	UNUSED(state);
	assert_int_equal(store_token_create(s, ann, "reports", token, &id, &e), 0);
	assert_int_equal(strlen(token), API_TOKEN_SIZE - 1);
	assert_memory_equal(token, "safer_", 6);
	assert_int_equal(store_token_create(s, bo, NULL, other, &oid, &e), 0);
	assert_string_not_equal(token, other);
	/* Kept as a hash. */
	assert_int_equal(count(s, "SELECT count(*) FROM api_token"
				  " WHERE token_hash LIKE 'safer_%'"),
			 0);
	list = store_tokens(s, &a, ann, &n, &e);
	assert_int_equal(n, 1);
	assert_null(list[0].last_used_at);
	assert_string_equal(list[0].name, "reports");
	assert_int_equal(store_token_find(s, &a, token, NOW, &x, &tid, &e), 1);
	assert_int_equal(x->id, ann);
	assert_int_equal(tid, id);
	list = store_tokens(s, &a, ann, &n, &e);
	assert_non_null(list[0].last_used_at);
	/* Bo cannot revoke Ann's token; Ann can. */
	assert_int_equal(store_token_revoke(s, id, bo, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_int_equal(store_token_find(s, &a, token, NOW, &x, &tid, &e), 1);
	assert_int_equal(store_token_revoke(s, id, ann, &e), 0);
	assert_int_equal(store_token_find(s, &a, token, NOW, &x, &tid, &e), 0);
	assert_int_equal(store_token_revoke(s, id, 0, &e), 0); /* again: nothing */
	/* A disabled account's token does not work. */
	assert_int_equal(store_token_find(s, &a, other, NOW, &x, &tid, &e), 1);
	assert_int_equal(store_account_set_disabled(s, bo, true, &e), 0);
	assert_int_equal(store_token_find(s, &a, other, NOW, &x, &tid, &e), 0);
	/* Made up, or cut short. */
	assert_int_equal(store_token_find(s, &a, "safer_0000", NOW, &x, &tid, &e), 0);
	/* On the record: two created, one revoked (once). */
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE"
				  " object_type = 'token'"),
			 3);
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE"
				  " changes LIKE '%safer_%'"),
			 0);
	arena_release(&a);
	store_close(s);
}

static void test_leads(void **state)
{
	struct store *s = fresh();
	struct err e = ERR_INIT;
	const int64_t themes[] = { 1 };
	int64_t lead = add(s, "lead@example.org", "lead", themes, 1);
	bool yes;

	UNUSED(state);
	assert_int_equal(store_account_leads_action(s, lead, 1, &yes, &e), 0);
	assert_true(yes);
	assert_int_equal(store_account_leads_action(s, lead, 2, &yes, &e), 0);
	assert_false(yes);
	assert_int_equal(store_account_leads_action(s, lead, 99, &yes, &e), 0);
	assert_false(yes);
	assert_int_equal(account_role_parse("lead"), ROLE_LEAD);
	assert_int_equal(account_role_parse("root"), ROLE_NONE);
	store_close(s);
}

static void test_form_secret(void **state)
{
	struct store *s = fresh();
	struct err e = ERR_INIT;
	unsigned char k1[32], k2[32], zero[32] = { 0 };

	UNUSED(state);
	assert_int_equal(store_form_secret(s, k1, &e), 0);
	assert_int_equal(store_form_secret(s, k2, &e), 0);
	assert_memory_equal(k1, k2, 32);
	assert_memory_not_equal(k1, zero, 32);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create),
		cmocka_unit_test(test_audit),
		cmocka_unit_test(test_sessions),
		cmocka_unit_test(test_throttle),
		cmocka_unit_test(test_address_not_reset),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_leads),
		cmocka_unit_test(test_form_secret),
	};

	return cmocka_run_group_tests_name("account", tests, NULL, NULL);
}
