/*
 * store_account.c: accounts, sessions, API tokens and the throttle on
 * failed sign-ins (store_account.h).
 *
 * Emails are kept in lower case (ASCII letters), so that the table's
 * UNIQUE makes them unique whatever the case they are typed in.
 * Checking a password takes the time of Argon2id (about a tenth of a
 * second); no transaction is open meanwhile, so that other writers do not
 * wait for it.
 */
#include <ctype.h>
#include <pthread.h>
#include <sodium.h>
#include <time.h>

#include "base/sha256.h"
#include "base/text.h"
#include "store_account.h"
#include "store_audit.h"
#include "store_int.h"

const struct choice account_roles[] = {
	{ "admin", "Administrator" },
	{ "officer", "Officer" },
	{ "lead", "Lead" },
	{ "analyst", "Analyst" },
	{ "viewer", "Viewer" },
	{ NULL, NULL },
};

enum account_role account_role_parse(const char *code)
{
	static const struct {
		const char *code;
		enum account_role role;
	} roles[] = {
		{ "admin", ROLE_ADMIN },     { "officer", ROLE_OFFICER },
		{ "lead", ROLE_LEAD },       { "analyst", ROLE_ANALYST },
		{ "viewer", ROLE_VIEWER },
	};

	for (size_t i = 0; code && i < ARRAY_SIZE(roles); i++)
		if (strcmp(code, roles[i].code) == 0)
			return roles[i].role;
	return ROLE_NONE;
}

/* Seconds since 1970 as "YYYY-MM-DDTHH:MM:SSZ". */
static void iso_time(int64_t t, char out[21])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm) || !strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(out, 21, "1970-01-01T00:00:00Z");
}

static int sodium_ready(struct err *e)
{
	if (sodium_init() < 0)
		return err_set(e, ERR_IO, NULL, "cannot start libsodium");
	return 0;
}

/* n random bytes as 2n hex digits into out (2n + 1 bytes). */
static void random_hex(char *out, size_t n)
{
	unsigned char raw[32];

	if (n > sizeof(raw))
		BUG("random_hex: %zu bytes", n);
	randombytes_buf(raw, n);
	sodium_bin2hex(out, 2 * n + 1, raw, n);
	sodium_memzero(raw, sizeof(raw));
}

/* The email in lower case, in the arena. */
static char *email_key(struct arena *a, const char *email)
{
	char *k = arena_strdup(a, email ? email : "");

	for (char *p = k; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return k;
}

static int check_email(const char *email, struct err *e)
{
	const char *at;

	if (text_check_line(email, "email", 254, true, e) < 0)
		return -1;
	at = strchr(email, '@');
	if (!at || at == email || !at[1] || strchr(at + 1, '@') ||
	    strpbrk(email, " \t<>\"'(),;:\\[]"))
		return err_set(e, ERR_INVALID, "email",
			       "must be an email address, like name@example.org");
	return 0;
}

int store_password_check(const char *password, const char *field,
			 struct err *e)
{
	if (!password || !*password)
		return err_set(e, ERR_INVALID, field, "must not be empty");
	if (!utf8_valid(password, strlen(password)))
		return err_set(e, ERR_INVALID, field, "must be text (UTF-8)");
	if (utf8_length(password) < ACCOUNT_PASSWORD_MIN)
		return err_set(e, ERR_INVALID, field,
			       "must be at least %d characters long",
			       ACCOUNT_PASSWORD_MIN);
	if (strlen(password) > ACCOUNT_PASSWORD_MAX)
		return err_set(e, ERR_INVALID, field,
			       "must be at most %d bytes long",
			       ACCOUNT_PASSWORD_MAX);
	return 0;
}

/* Argon2id, interactive limits, into out. */
static int hash_password(const char *password, char out[crypto_pwhash_STRBYTES],
			 struct err *e)
{
	if (sodium_ready(e) < 0)
		return -1;
	if (crypto_pwhash_str(out, password, strlen(password),
			      crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(e, ERR_IO, NULL,
			       "cannot hash the password (out of memory)");
	return 0;
}

/* A hash of nothing anyone knows, checked against when there is no
 * account, so that an unknown email takes as long as a wrong password. */
static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
	char pw[33];

	random_hex(pw, 16);
	if (crypto_pwhash_str(dummy_hash, pw, strlen(pw),
			      crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		dummy_hash[0] = '\0';
}

static bool verify(const char *hash, const char *password)
{
	if (!hash) {
		pthread_once(&dummy_once, make_dummy);
		hash = dummy_hash;
		if (!*hash)
			return false;
		/* the same work as for an account, the answer thrown away */
		volatile int wasted = crypto_pwhash_str_verify(hash, password,
							       strlen(password));

		UNUSED(wasted);
		return false;
	}
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

/* ---------------------------------------------------------------------
 * Reading accounts
 */

#define ACCOUNT_COLUMNS                                                     \
	"id, email, name, role, person_id, created_at, disabled_at,"        \
	" password_changed_at"

static void read_account(struct arena *a, struct db_stmt *st,
			 struct account *x)
{
	x->id = db_col_int(st, 0);
	x->email = col_str(a, st, 1);
	x->name = col_str(a, st, 2);
	x->role = col_str(a, st, 3);
	x->person_id = db_col_int(st, 4);
	x->created_at = col_str(a, st, 5);
	x->disabled_at = col_str(a, st, 6);
	x->password_changed_at = col_str(a, st, 7);
}

/* Fill x's themes and boards. */
static int read_scopes(struct store *s, struct arena *a, struct account *x,
		       struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT kind, target_id FROM account_scope"
		" WHERE account_id = :id ORDER BY kind, target_id",
		e);
	size_t tcap = 0, bcap = 0;
	int rc;

	x->theme_ids = x->board_ids = NULL;
	x->n_themes = x->n_boards = 0;
	if (!st)
		return -1;
	db_bind_int(st, ":id", x->id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (strcmp(db_col_text(st, 0), "theme") == 0)
			*VEC_PUSH(a, x->theme_ids, &x->n_themes, &tcap) =
				db_col_int(st, 1);
		else
			*VEC_PUSH(a, x->board_ids, &x->n_boards, &bcap) =
				db_col_int(st, 1);
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

int store_account_count(struct store *s, int64_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(s->db, "SELECT count(*) FROM account", e);
	int rc;

	*n = 0;
	if (!st)
		return -1;
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*n = db_col_int(st, 0);
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

struct account *store_accounts(struct store *s, struct arena *a, size_t *n,
			       struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " ACCOUNT_COLUMNS " FROM account ORDER BY email", e);
	struct account *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW)
		read_account(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	for (size_t i = 0; i < *n; i++)
		if (read_scopes(s, a, &list[i], e) < 0)
			return NULL;
	return LIST_RESULT(a, list);
}

struct account *store_account(struct store *s, struct arena *a, int64_t id,
			      struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " ACCOUNT_COLUMNS " FROM account WHERE id = :id", e);
	struct account *x = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		x = arena_new(a, struct account);
		read_account(a, st, x);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "account", id);
	if (x && read_scopes(s, a, x, e) < 0)
		return NULL;
	return x;
}

/* The id of the account of email (0 if none), and its password's hash
 * into the arena (if hash is not NULL). */
static int account_of_email(struct store *s, struct arena *a,
			    const char *email, int64_t *id, const char **hash,
			    bool *disabled, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, password_hash, disabled_at IS NOT NULL FROM account"
		" WHERE email = :email",
		e);
	int rc;

	*id = 0;
	if (hash)
		*hash = NULL;
	if (disabled)
		*disabled = false;
	if (!st)
		return -1;
	db_bind_text(st, ":email", email_key(a, email));
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		*id = db_col_int(st, 0);
		if (hash)
			*hash = col_str(a, st, 1);
		if (disabled)
			*disabled = db_col_int(st, 2) != 0;
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

struct account *store_account_by_email(struct store *s, struct arena *a,
				       const char *email, struct err *e)
{
	int64_t id;

	if (account_of_email(s, a, email, &id, NULL, NULL, e) < 0)
		return NULL;
	if (!id) {
		err_set(e, ERR_NOT_FOUND, "email", "no account for '%s'",
			email ? email : "");
		return NULL;
	}
	return store_account(s, a, id, e);
}

/* ---------------------------------------------------------------------
 * Writing accounts
 */

/* Check a role and its scopes, and replace the account's scopes. */
static int check_role(struct store *s, const char *role,
		      const int64_t *themes, size_t n_themes,
		      const int64_t *boards, size_t n_boards, struct err *e)
{
	if (!role || !*role)
		return err_set(e, ERR_INVALID, "role", "must be given: admin, "
			       "officer, lead, analyst or viewer");
	if (account_role_parse(role) == ROLE_NONE)
		return err_set(e, ERR_INVALID, "role",
			       "must be admin, officer, lead, analyst or viewer, "
			       "not '%s'", role);
	if (account_role_parse(role) != ROLE_LEAD && (n_themes || n_boards))
		return err_set(e, ERR_INVALID, n_themes ? "theme_ids" : "board_ids",
			       "only a lead has themes and boards to lead");
	for (size_t i = 0; i < n_themes; i++)
		if (check_exists(s, EXISTS_THEME, themes[i], "theme_ids", e) < 0)
			return -1;
	for (size_t i = 0; i < n_boards; i++)
		if (check_exists(s, EXISTS_BOARD, boards[i], "board_ids", e) < 0)
			return -1;
	return 0;
}

static int add_scope(struct store *s, int64_t id, const char *kind,
		     int64_t target, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"INSERT INTO account_scope (account_id, kind, target_id)"
		" VALUES (:id, :kind, :target) ON CONFLICT DO NOTHING",
		e);

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":kind", kind);
	db_bind_int(st, ":target", target);
	return db_exec(st, NULL, e);
}

static int set_scopes(struct store *s, int64_t id, const int64_t *themes,
		      size_t n_themes, const int64_t *boards, size_t n_boards,
		      struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "DELETE FROM account_scope WHERE account_id = :id", e);

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	for (size_t i = 0; i < n_themes; i++)
		if (add_scope(s, id, "theme", themes[i], e) < 0)
			return -1;
	for (size_t i = 0; i < n_boards; i++)
		if (add_scope(s, id, "board", boards[i], e) < 0)
			return -1;
	return 0;
}

struct create_args {
	const struct account_input *in;
	const char *email;
	const char *hash;
	int64_t *id;
};

static int create_account(struct store *s, void *arg, struct err *e)
{
	struct create_args *c = arg;
	const struct account_input *in = c->in;
	struct audit_snap snap;
	struct db_stmt *st;
	char now[21];

	if (check_role(s, in->role, in->theme_ids, in->n_themes, in->board_ids,
		       in->n_boards, e) < 0)
		return -1;
	if (in->person_id &&
	    check_exists(s, EXISTS_PERSON, in->person_id, "person_id", e) < 0)
		return -1;
	if (audit_before(s, &snap, AUDIT_ACCOUNT, 0, e) < 0)
		return -1;
	text_now(now);
	st = db_prepare(s->db,
			"INSERT INTO account (email, name, role, password_hash,"
			"  person_id, created_at, password_changed_at)"
			" VALUES (:email, :name, :role, :hash, :person, :now, :now)"
			" RETURNING id",
			e);
	if (!st)
		goto fail;
	db_bind_text(st, ":email", c->email);
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":role", in->role);
	db_bind_text(st, ":hash", c->hash);
	db_bind_id(st, ":person", in->person_id);
	db_bind_text(st, ":now", now);
	if (db_exec(st, c->id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "email",
				"there is already an account for '%s'", c->email);
		goto fail;
	}
	if (set_scopes(s, *c->id, in->theme_ids, in->n_themes, in->board_ids,
		       in->n_boards, e) < 0)
		goto fail;
	return audit_after(s, &snap, *c->id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_account_create(struct store *s, const struct account_input *in,
			 int64_t *id, struct err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	struct arena a = ARENA_INIT;
	struct create_args c = { in, NULL, hash, id };
	int rc = -1;

	*id = 0;
	if (check_email(in->email, e) < 0 ||
	    text_check_line(in->name, "name", 200, true, e) < 0 ||
	    store_password_check(in->password, "password", e) < 0)
		return -1;
	if (account_role_parse(in->role) == ROLE_NONE)
		return check_role(s, in->role, NULL, 0, NULL, 0, e);
	if (hash_password(in->password, hash, e) < 0)
		return -1;
	c.email = email_key(&a, in->email);
	rc = in_transaction(s, create_account, &c, e);
	arena_release(&a);
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

struct role_args {
	int64_t id;
	const char *role;
	const int64_t *themes, *boards;
	size_t n_themes, n_boards;
};

static int set_role(struct store *s, void *arg, struct err *e)
{
	struct role_args *r = arg;
	struct audit_snap snap;
	struct db_stmt *st;

	if (check_role(s, r->role, r->themes, r->n_themes, r->boards,
		       r->n_boards, e) < 0 ||
	    audit_before(s, &snap, AUDIT_ACCOUNT, r->id, e) < 0)
		return -1;
	if (!snap.existed) {
		audit_discard(&snap);
		return not_found(e, "account", r->id);
	}
	st = db_prepare(s->db, "UPDATE account SET role = :role WHERE id = :id", e);
	if (!st)
		goto fail;
	db_bind_int(st, ":id", r->id);
	db_bind_text(st, ":role", r->role);
	if (db_exec(st, NULL, e) < 0 ||
	    set_scopes(s, r->id, r->themes, r->n_themes, r->boards, r->n_boards,
		       e) < 0)
		goto fail;
	return audit_after(s, &snap, r->id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_account_set_role(struct store *s, int64_t id, const char *role,
			   const int64_t *theme_ids, size_t n_themes,
			   const int64_t *board_ids, size_t n_boards,
			   struct err *e)
{
	struct role_args r = { id, role, theme_ids, board_ids, n_themes,
			       n_boards };

	return in_transaction(s, set_role, &r, e);
}

/* End the sessions of an account but keep (0: all). */
static int end_sessions(struct store *s, int64_t id, int64_t keep,
			struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"DELETE FROM session WHERE account_id = :id AND id <> :keep", e);

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":keep", keep);
	return db_exec(st, NULL, e);
}

struct disable_args {
	int64_t id;
	bool disabled;
};

static int set_disabled(struct store *s, void *arg, struct err *e)
{
	struct disable_args *d = arg;
	struct audit_snap snap;
	struct db_stmt *st;
	char now[21];

	if (audit_before(s, &snap, AUDIT_ACCOUNT, d->id, e) < 0)
		return -1;
	if (!snap.existed) {
		audit_discard(&snap);
		return not_found(e, "account", d->id);
	}
	text_now(now);
	st = db_prepare(s->db,
			"UPDATE account SET disabled_at = CASE"
			"  WHEN NOT :off THEN NULL"
			"  ELSE coalesce(disabled_at, :now) END"
			" WHERE id = :id",
			e);
	if (!st)
		goto fail;
	db_bind_int(st, ":id", d->id);
	db_bind_int(st, ":off", d->disabled);
	db_bind_text(st, ":now", now);
	if (db_exec(st, NULL, e) < 0 ||
	    (d->disabled && end_sessions(s, d->id, 0, e) < 0))
		goto fail;
	return audit_after(s, &snap, d->id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_account_set_disabled(struct store *s, int64_t id, bool disabled,
			       struct err *e)
{
	struct disable_args d = { id, disabled };

	return in_transaction(s, set_disabled, &d, e);
}

struct password_args {
	int64_t id;
	const char *hash;
	int64_t keep;
};

static int set_password(struct store *s, void *arg, struct err *e)
{
	struct password_args *p = arg;
	struct db_stmt *st;
	char now[21];

	text_now(now);
	st = db_prepare(s->db,
			"UPDATE account SET password_hash = :hash,"
			"  password_changed_at = :now WHERE id = :id",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", p->id);
	db_bind_text(st, ":hash", p->hash);
	db_bind_text(st, ":now", now);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	if (db_changes(s->db) == 0)
		return not_found(e, "account", p->id);
	if (end_sessions(s, p->id, p->keep, e) < 0)
		return -1;
	return audit_record(s, AUDIT_ACCOUNT, p->id, "update", "password", NULL,
			    "changed", e);
}

int store_account_set_password(struct store *s, int64_t id,
			       const char *password, int64_t keep_session,
			       struct err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	struct password_args p = { id, hash, keep_session };
	int rc;

	if (store_password_check(password, "password", e) < 0 ||
	    hash_password(password, hash, e) < 0)
		return -1;
	rc = in_transaction(s, set_password, &p, e);
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

int store_account_password_ok(struct store *s, int64_t id,
			      const char *password, bool *ok, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT password_hash FROM account WHERE id = :id", e);
	struct arena a = ARENA_INIT;
	const char *hash = NULL;
	int rc;

	*ok = false;
	if (!st || sodium_ready(e) < 0)
		return -1;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		hash = col_str(&a, st, 0);
	db_done(st);
	if (rc != DB_ERROR)
		*ok = password && verify(hash, password);
	arena_release(&a);
	return rc == DB_ERROR ? -1 : 0;
}

int store_account_leads_action(struct store *s, int64_t account,
			       int64_t action_id, bool *yes, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT EXISTS (SELECT 1 FROM action a JOIN account_scope c"
		"  ON c.kind = 'theme' AND c.target_id = a.theme_id"
		"  WHERE a.id = :action AND c.account_id = :account)",
		e);
	int rc;

	*yes = false;
	if (!st)
		return -1;
	db_bind_int(st, ":action", action_id);
	db_bind_int(st, ":account", account);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*yes = db_col_int(st, 0) != 0;
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

struct scope_choice *store_scope_choices(struct store *s, struct arena *a,
					 bool boards, size_t *n,
					 struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT t.id, t.name, p.title FROM theme t"
		" JOIN plan p ON p.id = t.plan_id"
		" WHERE NOT :boards AND t.archived_at IS NULL"
		" UNION ALL SELECT b.id, b.name, NULL FROM board b"
		" WHERE :boards AND b.archived_at IS NULL"
		" ORDER BY 3, 1",
		e);
	struct scope_choice *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":boards", boards);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct scope_choice *c = VEC_PUSH(a, list, n, &cap);

		c->id = db_col_int(st, 0);
		c->name = col_str(a, st, 1);
		c->group = col_str(a, st, 2);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

/* ---------------------------------------------------------------------
 * Signing in
 */

/* Failures of key ("account:EMAIL", "address:ADDR") since since, and the
 * oldest of them into oldest[21] ("" if none). */
static int failures(struct store *s, const char *key, const char *since,
		    int64_t *n, char oldest[21], struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT count(*), min(at) FROM signin_failure"
		" WHERE key = :key AND at > :since",
		e);
	int rc;

	*n = 0;
	oldest[0] = '\0';
	if (!st)
		return -1;
	db_bind_text(st, ":key", key);
	db_bind_text(st, ":since", since);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		*n = db_col_int(st, 0);
		if (db_col_text(st, 1))
			snprintf(oldest, 21, "%s", db_col_text(st, 1));
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

/* Minutes until a failure at oldest ("YYYY-MM-DDTHH:MM:SSZ") leaves the
 * window, at least 1. */
static int64_t minutes_left(const char *oldest, int64_t now)
{
	struct tm tm = { 0 };
	int64_t at, left;

	if (!strptime(oldest, "%Y-%m-%dT%H:%M:%SZ", &tm))
		return SIGNIN_WINDOW / 60;
	at = (int64_t)timegm(&tm);
	left = at + SIGNIN_WINDOW - now;
	return left <= 60 ? 1 : (left + 59) / 60;
}

struct failure_args {
	const char *keys[2];
	const char *at;
	const char *forget_before;
};

static int record_failure(struct store *s, void *arg, struct err *e)
{
	struct failure_args *f = arg;
	struct db_stmt *st;

	for (size_t i = 0; i < 2; i++) {
		if (!f->keys[i])
			continue;
		st = db_prepare(s->db,
				"INSERT INTO signin_failure (key, at) VALUES (:key, :at)",
				e);
		if (!st)
			return -1;
		db_bind_text(st, ":key", f->keys[i]);
		db_bind_text(st, ":at", f->at);
		if (db_exec(st, NULL, e) < 0)
			return -1;
	}
	/* What the throttle no longer looks at. */
	st = db_prepare(s->db, "DELETE FROM signin_failure WHERE at <= :before", e);
	if (!st)
		return -1;
	db_bind_text(st, ":before", f->forget_before);
	return db_exec(st, NULL, e);
}

struct session_args {
	int64_t account;
	const char *address;
	const char *account_key;
	int64_t now;
	struct session_new *out;
};

static int start_session(struct store *s, void *arg, struct err *e)
{
	struct session_args *a = arg;
	struct db_stmt *st;
	char token_hash[SHA256_HEX_SIZE], now[21], expires[21];

	random_hex(a->out->token, 32);
	random_hex(a->out->form_token, 32);
	sha256_hex(a->out->token, strlen(a->out->token), token_hash);
	iso_time(a->now, now);
	iso_time(a->now + SESSION_MAX, expires);
	st = db_prepare(s->db,
			"INSERT INTO session (token_hash, account_id, form_token,"
			"  created_at, last_seen_at, expires_at, address)"
			" VALUES (:hash, :account, :form, :now, :now, :expires,"
			"  :address) RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":hash", token_hash);
	db_bind_int(st, ":account", a->account);
	db_bind_text(st, ":form", a->out->form_token);
	db_bind_text(st, ":now", now);
	db_bind_text(st, ":expires", expires);
	db_bind_text(st, ":address", a->address);
	if (db_exec(st, &a->out->id, e) < 0)
		return -1;
	a->out->account = a->account;
	/* Sessions long over, and the account's failures. */
	st = db_prepare(s->db,
			"DELETE FROM session WHERE expires_at <= :now"
			"  OR last_seen_at <= :idle",
			e);
	if (!st)
		return -1;
	iso_time(a->now - SESSION_IDLE, expires);
	db_bind_text(st, ":now", now);
	db_bind_text(st, ":idle", expires);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	st = db_prepare(s->db, "DELETE FROM signin_failure WHERE key = :key", e);
	if (!st)
		return -1;
	db_bind_text(st, ":key", a->account_key);
	return db_exec(st, NULL, e);
}

int store_signin(struct store *s, const char *email, const char *password,
		 const char *address, int64_t now, struct session_new *out,
		 bool *throttled, struct err *e)
{
	struct arena a = ARENA_INIT;
	const char *account_key, *address_key = NULL, *hash;
	char since[21], oldest[21], at[21];
	int64_t n, id;
	bool disabled, ok;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	*throttled = false;
	if (!email || !*email)
		return err_set(e, ERR_INVALID, "email", "must not be empty");
	if (!password || !*password)
		return err_set(e, ERR_INVALID, "password", "must not be empty");
	if (strlen(email) > 254 || strlen(password) > ACCOUNT_PASSWORD_MAX)
		return err_set(e, ERR_INVALID, "email",
			       "the email address or the password is not right");
	if (sodium_ready(e) < 0)
		return -1;
	account_key = arena_printf(&a, "account:%s", email_key(&a, email));
	if (address && *address)
		address_key = arena_printf(&a, "address:%s", address);
	iso_time(now - SIGNIN_WINDOW, since);
	if (failures(s, account_key, since, &n, oldest, e) < 0)
		goto out;
	if (n >= SIGNIN_MAX_ACCOUNT) {
		*throttled = true;
		err_set(e, ERR_INVALID, "email",
			"there have been too many failed attempts to sign in to "
			"this account; try again in %lld minutes",
			(long long)minutes_left(oldest, now));
		goto out;
	}
	if (address_key) {
		if (failures(s, address_key, since, &n, oldest, e) < 0)
			goto out;
		if (n >= SIGNIN_MAX_ADDRESS) {
			*throttled = true;
			err_set(e, ERR_INVALID, "email",
				"there have been too many failed attempts to sign "
				"in from this address; try again in %lld minutes",
				(long long)minutes_left(oldest, now));
			goto out;
		}
	}
	if (account_of_email(s, &a, email, &id, &hash, &disabled, e) < 0)
		goto out;
	ok = verify(id ? hash : NULL, password) && !disabled;
	if (!ok) {
		struct failure_args f = { { account_key, address_key }, at, since };
		struct err e2 = ERR_INIT;

		iso_time(now, at);
		if (in_transaction(s, record_failure, &f, &e2) < 0) {
			*e = e2;
			goto out;
		}
		err_set(e, ERR_INVALID, "email",
			"the email address or the password is not right");
		goto out;
	}
	{
		struct session_args sa = { id, address, account_key, now, out };

		rc = in_transaction(s, start_session, &sa, e);
	}
out:
	arena_release(&a);
	return rc;
}

/* Note the use of a session or token at most this often (seconds). */
#define TOUCH_EVERY (5 * 60)

int store_session_find(struct store *s, struct arena *a, const char *token,
		       int64_t now, struct session_who *out, struct err *e)
{
	struct db_stmt *st;
	char hash[SHA256_HEX_SIZE], at[21], idle[21], touch[21];
	int64_t account = 0;
	bool stale = false;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!token || strlen(token) != SESSION_TOKEN_SIZE - 1)
		return 0;
	sha256_hex(token, strlen(token), hash);
	iso_time(now, at);
	iso_time(now - SESSION_IDLE, idle);
	iso_time(now - TOUCH_EVERY, touch);
	st = db_prepare(s->db,
			"SELECT ss.id, ss.form_token, ss.account_id,"
			"  ss.last_seen_at < :touch"
			" FROM session ss JOIN account c ON c.id = ss.account_id"
			" WHERE ss.token_hash = :hash AND ss.expires_at > :now"
			"  AND ss.last_seen_at > :idle AND c.disabled_at IS NULL",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":hash", hash);
	db_bind_text(st, ":now", at);
	db_bind_text(st, ":idle", idle);
	db_bind_text(st, ":touch", touch);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		out->id = db_col_int(st, 0);
		out->form_token = col_str(a, st, 1);
		account = db_col_int(st, 2);
		stale = db_col_int(st, 3) != 0;
	}
	db_done(st);
	if (rc != DB_ROW)
		return rc == DB_ERROR ? -1 : 0;
	if (stale) {
		/* A busy database only delays the note. */
		struct err ignored = ERR_INIT;

		st = db_prepare(s->db,
				"UPDATE session SET last_seen_at = :now WHERE id = :id",
				&ignored);
		if (st) {
			db_bind_text(st, ":now", at);
			db_bind_int(st, ":id", out->id);
			(void)db_exec(st, NULL, &ignored);
		}
	}
	out->account = store_account(s, a, account, e);
	return out->account ? 1 : -1;
}

int store_session_end(struct store *s, const char *token, struct err *e)
{
	struct db_stmt *st;
	char hash[SHA256_HEX_SIZE];

	if (!token)
		return 0;
	sha256_hex(token, strlen(token), hash);
	st = db_prepare(s->db, "DELETE FROM session WHERE token_hash = :hash", e);
	if (!st)
		return -1;
	db_bind_text(st, ":hash", hash);
	return db_exec(st, NULL, e);
}

/* ---------------------------------------------------------------------
 * API tokens
 */

struct token_args {
	int64_t account;
	const char *name;
	const char *hash;
	int64_t *id;
};

static int create_token(struct store *s, void *arg, struct err *e)
{
	struct token_args *t = arg;
	struct audit_snap snap;
	struct db_stmt *st;
	char now[21];

	if (audit_before(s, &snap, AUDIT_TOKEN, 0, e) < 0)
		return -1;
	text_now(now);
	st = db_prepare(s->db,
			"INSERT INTO api_token (account_id, name, token_hash,"
			"  created_at) VALUES (:account, :name, :hash, :now)"
			" RETURNING id",
			e);
	if (!st)
		goto fail;
	db_bind_int(st, ":account", t->account);
	db_bind_text(st, ":name", t->name);
	db_bind_text(st, ":hash", t->hash);
	db_bind_text(st, ":now", now);
	if (db_exec(st, t->id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_NOT_FOUND, "account_id",
				"no such account: %lld", (long long)t->account);
		goto fail;
	}
	return audit_after(s, &snap, *t->id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_token_create(struct store *s, int64_t account, const char *name,
		       char token[API_TOKEN_SIZE], int64_t *id, struct err *e)
{
	char hash[SHA256_HEX_SIZE];
	struct token_args t = { account, name, hash, id };
	int rc;

	*id = 0;
	token[0] = '\0';
	if (text_check_line(name, "name", 100, false, e) < 0 ||
	    sodium_ready(e) < 0)
		return -1;
	memcpy(token, "safer_", 6);
	random_hex(token + 6, 32);
	sha256_hex(token, strlen(token), hash);
	rc = in_transaction(s, create_token, &t, e);
	if (rc < 0)
		sodium_memzero(token, API_TOKEN_SIZE);
	return rc;
}

struct api_token *store_tokens(struct store *s, struct arena *a,
			       int64_t account, size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, account_id, name, created_at, last_used_at, revoked_at"
		" FROM api_token WHERE account_id = :account ORDER BY id DESC",
		e);
	struct api_token *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":account", account);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct api_token *t = VEC_PUSH(a, list, n, &cap);

		t->id = db_col_int(st, 0);
		t->account_id = db_col_int(st, 1);
		t->name = col_str(a, st, 2);
		t->created_at = col_str(a, st, 3);
		t->last_used_at = col_str(a, st, 4);
		t->revoked_at = col_str(a, st, 5);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

struct revoke_args {
	int64_t id;
	int64_t account;
};

static int revoke_token(struct store *s, void *arg, struct err *e)
{
	struct revoke_args *r = arg;
	struct audit_snap snap;
	struct db_stmt *st;
	char now[21];

	st = db_prepare(s->db,
			"SELECT 1 FROM api_token WHERE id = :id"
			"  AND (:account = 0 OR account_id = :account)",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", r->id);
	db_bind_int(st, ":account", r->account);
	switch (db_step(st, e)) {
	case DB_ERROR:
		db_done(st);
		return -1;
	case DB_DONE:
		db_done(st);
		return not_found(e, "token", r->id);
	}
	db_done(st);
	if (audit_before(s, &snap, AUDIT_TOKEN, r->id, e) < 0)
		return -1;
	text_now(now);
	st = db_prepare(s->db,
			"UPDATE api_token SET revoked_at = coalesce(revoked_at, :now)"
			" WHERE id = :id",
			e);
	if (!st)
		goto fail;
	db_bind_int(st, ":id", r->id);
	db_bind_text(st, ":now", now);
	if (db_exec(st, NULL, e) < 0)
		goto fail;
	return audit_after(s, &snap, r->id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_token_revoke(struct store *s, int64_t id, int64_t account,
		       struct err *e)
{
	struct revoke_args r = { id, account };

	return in_transaction(s, revoke_token, &r, e);
}

int store_token_find(struct store *s, struct arena *a, const char *token,
		     int64_t now, struct account **account, int64_t *token_id,
		     struct err *e)
{
	struct db_stmt *st;
	char hash[SHA256_HEX_SIZE], at[21], touch[21];
	int64_t owner = 0;
	bool stale = false;
	int rc;

	*account = NULL;
	*token_id = 0;
	if (!token || strlen(token) != API_TOKEN_SIZE - 1 ||
	    strncmp(token, "safer_", 6) != 0)
		return 0;
	sha256_hex(token, strlen(token), hash);
	iso_time(now, at);
	iso_time(now - TOUCH_EVERY, touch);
	st = db_prepare(s->db,
			"SELECT t.id, t.account_id,"
			"  coalesce(t.last_used_at < :touch, 1)"
			" FROM api_token t JOIN account c ON c.id = t.account_id"
			" WHERE t.token_hash = :hash AND t.revoked_at IS NULL"
			"  AND c.disabled_at IS NULL",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":hash", hash);
	db_bind_text(st, ":touch", touch);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		*token_id = db_col_int(st, 0);
		owner = db_col_int(st, 1);
		stale = db_col_int(st, 2) != 0;
	}
	db_done(st);
	if (rc != DB_ROW)
		return rc == DB_ERROR ? -1 : 0;
	if (stale) {
		struct err ignored = ERR_INIT;

		st = db_prepare(s->db,
				"UPDATE api_token SET last_used_at = :now WHERE id = :id",
				&ignored);
		if (st) {
			db_bind_text(st, ":now", at);
			db_bind_int(st, ":id", *token_id);
			(void)db_exec(st, NULL, &ignored);
		}
	}
	*account = store_account(s, a, owner, e);
	return *account ? 1 : -1;
}

/* ---------------------------------------------------------------------
 * The secret of the forms
 */

/* The form secret in meta into key: 1 if there is one, 0 if not. */
static int read_secret(struct store *s, unsigned char key[32], struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT value FROM meta WHERE key = 'form_secret'", e);
	size_t len = 0;
	int rc;

	if (!st)
		return -1;
	rc = db_step(st, e);
	if (rc == DB_ROW)
		rc = db_col_text(st, 0) &&
				     sodium_hex2bin(key, 32, db_col_text(st, 0),
						    strlen(db_col_text(st, 0)),
						    NULL, &len, NULL) == 0 &&
				     len == 32
			     ? DB_ROW
			     : DB_DONE;
	db_done(st);
	return rc == DB_ERROR ? -1 : rc == DB_ROW;
}

int store_form_secret(struct store *s, unsigned char key[32], struct err *e)
{
	struct db_stmt *st;
	char hex[65];
	int rc;

	if (sodium_ready(e) < 0 || (rc = read_secret(s, key, e)) < 0)
		return -1;
	if (rc)
		return 0;
	/* Made once: of two threads that race, the first one's stays. */
	random_hex(hex, 32);
	st = db_prepare(s->db,
			"INSERT INTO meta (key, value) VALUES ('form_secret', :v)"
			" ON CONFLICT (key) DO UPDATE SET value = excluded.value"
			"  WHERE length(meta.value) <> 64",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":v", hex);
	sodium_memzero(hex, sizeof(hex));
	if (db_exec(st, NULL, e) < 0 || (rc = read_secret(s, key, e)) < 0)
		return -1;
	if (!rc)
		return err_set(e, ERR_DB, NULL, "cannot keep the form secret");
	return 0;
}
