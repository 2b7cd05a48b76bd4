/*
 * store.c: opening the store, the meta table and the fixed choices.
 */
#include <sys/stat.h>

#include "base/buf.h"
#include "store_int.h"

const struct choice action_statuses[] = {
	{ "not_started", "Not started" },
	{ "in_progress", "In progress" },
	{ "on_hold", "On hold" },
	{ "completed", "Completed" },
	{ "cancelled", "Cancelled" },
	{ NULL, NULL },
};

const struct choice rag_ratings[] = {
	{ "red", "Red" },
	{ "amber", "Amber" },
	{ "green", "Green" },
	{ NULL, NULL },
};

const struct choice plan_statuses[] = {
	{ "draft", "Draft" },
	{ "approved", "Approved" },
	{ "closed", "Closed" },
	{ NULL, NULL },
};

const struct choice plan_kinds[] = {
	{ "partnership_plan", "Partnership plan" },
	{ "strategy", "Strategy and action plan" },
	{ "delivery_plan", "Delivery plan" },
	{ NULL, NULL },
};

const struct choice award_statuses[] = {
	{ "proposed", "Proposed" },
	{ "awarded", "Awarded" },
	{ "paid", "Paid" },
	{ "withdrawn", "Withdrawn" },
	{ NULL, NULL },
};

const struct choice org_sectors[] = {
	{ "council", "Local authority" },
	{ "police", "Police" },
	{ "fire", "Fire and rescue" },
	{ "probation", "Probation" },
	{ "health", "Health" },
	{ "housing", "Housing" },
	{ "justice", "Criminal justice" },
	{ "voluntary", "Voluntary and community sector" },
	{ "regional", "Greater Manchester body" },
	{ "other", "Other" },
	{ NULL, NULL },
};

const struct choice board_kinds[] = {
	{ "board", "Partnership board" },
	{ "subgroup", "Subgroup" },
	{ "committee", "Council committee" },
	{ NULL, NULL },
};

const char *choice_label(const struct choice *list, const char *code)
{
	if (!code)
		return NULL;
	for (; list->code; list++)
		if (strcmp(list->code, code) == 0)
			return list->label;
	return NULL;
}

struct store *store_open(const char *path, bool create, struct err *e)
{
	struct store *s;
	struct db *db;
	struct stat st;

	if (!create && strcmp(path, ":memory:") != 0 && stat(path, &st) != 0) {
		err_set(e, ERR_NOT_FOUND, NULL,
			"no database at '%s'; create one with 'safer init' "
			"or load the Stockport demo with 'safer demo'",
			path);
		return NULL;
	}
	db = db_open(path, e);
	if (!db)
		return NULL;
	if (store_migrate(db, e) < 0) {
		db_close(db);
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->db = db;
	s->path = xstrdup(path);
	s->import_lock = -1;
	/* The file's identity, once it exists; an in-memory database is a
	 * database of its own, named by its connection. */
	if (strcmp(path, ":memory:") != 0 && stat(path, &st) == 0) {
		s->identity[0] = (uint64_t)st.st_dev;
		s->identity[1] = (uint64_t)st.st_ino;
	} else {
		s->identity[0] = UINT64_MAX;
		s->identity[1] = (uint64_t)(uintptr_t)db;
	}
	/* What an import that was stopped midway left behind, unless that
	 * import is still running in another process.  Best effort: a store
	 * that cannot clean up now (a folder it cannot write) still opens,
	 * and the leftovers are invisible to readers anyway. */
	store_import_sweep(s, NULL);
	return s;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	store_import_unlock(s);
	db_close(s->db);
	free(s->path);
	free(s->actor);
	free(s);
}

void store_set_actor(struct store *s, const char *name, int64_t account,
		     const char *via)
{
	free(s->actor);
	s->actor = name ? xstrdup(name) : NULL;
	s->actor_account = account;
	s->actor_via = via;
}

int store_checkpoint(struct store *s, bool *truncated, struct err *e)
{
	return db_checkpoint(s->db, truncated, e);
}

void store_busy_timeout(struct store *s, unsigned ms)
{
	db_busy_timeout(s->db, ms);
}

int store_begin(struct store *s, struct err *e)
{
	return db_begin(s->db, e);
}

int store_commit(struct store *s, struct err *e)
{
	return db_commit(s->db, e);
}

void store_rollback(struct store *s)
{
	db_rollback(s->db);
}

int store_read_begin(struct store *s, struct err *e)
{
	return db_begin_read(s->db, e);
}

void store_read_end(struct store *s)
{
	db_commit(s->db, NULL);
}

int64_t store_data_version(struct store *s)
{
	return db_data_version(s->db);
}

int store_meta_get(struct store *s, struct arena *a, const char *key,
		   const char **out, struct err *e)
{
	struct db_stmt *st =
		db_prepare(s->db, "SELECT value FROM meta WHERE key = :key", e);
	int rc;

	*out = NULL;
	if (!st)
		return -1;
	db_bind_text(st, ":key", key);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*out = arena_strdup(a, db_col_text(st, 0));
	db_done(st);
	return rc == DB_ERROR ? -1 : rc == DB_ROW;
}

int store_meta_set(struct store *s, const char *key, const char *value,
		   struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"INSERT INTO meta (key, value) VALUES (:key, :value) "
		"ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		e);

	if (!st)
		return -1;
	db_bind_text(st, ":key", key);
	db_bind_text(st, ":value", value);
	return db_exec(st, NULL, e);
}

/* ---------------------------------------------------------------------
 * Helpers for the other store files (store_int.h)
 */

void *vec_push(struct arena *a, void *items, size_t *n, size_t *cap,
	       size_t size)
{
	char **p = items;

	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		char *grown = arena_array(a, ncap, size);

		if (*n)
			memcpy(grown, *p, *n * size);
		*p = grown;
		*cap = ncap;
	}
	return *p + (*n)++ * size;
}

int not_found(struct err *e, const char *what, int64_t id)
{
	return err_set(e, ERR_NOT_FOUND, NULL, "no such %s: %lld", what,
		       (long long)id);
}

int check_exists(struct store *s, enum exists_table t, int64_t id,
		 const char *field, struct err *e)
{
	static const char *const sql[] = {
		[EXISTS_PLAN] = "SELECT 1 FROM plan WHERE id = :id",
		[EXISTS_THEME] = "SELECT 1 FROM theme WHERE id = :id",
		[EXISTS_PRIORITY] = "SELECT 1 FROM priority WHERE id = :id",
		[EXISTS_PERSON] = "SELECT 1 FROM person WHERE id = :id",
		[EXISTS_FUND] = "SELECT 1 FROM fund WHERE id = :id",
		[EXISTS_ORGANISATION] = "SELECT 1 FROM organisation WHERE id = :id",
		[EXISTS_BOARD] = "SELECT 1 FROM board WHERE id = :id",
		[EXISTS_OUTCOME] = "SELECT 1 FROM outcome WHERE id = :id",
		[EXISTS_FRAMEWORK] = "SELECT 1 FROM framework WHERE id = :id",
	};
	static const char *const what[] = {
		[EXISTS_PLAN] = "plan", [EXISTS_THEME] = "theme",
		[EXISTS_PRIORITY] = "priority area", [EXISTS_PERSON] = "person",
		[EXISTS_FUND] = "fund", [EXISTS_ORGANISATION] = "organisation",
		[EXISTS_BOARD] = "board", [EXISTS_OUTCOME] = "outcome",
		[EXISTS_FRAMEWORK] = "framework",
	};
	struct db_stmt *st = db_prepare(s->db, sql[t], e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	if (rc != DB_ROW)
		return err_set(e, ERR_INVALID, field, "there is no %s %lld",
			       what[t], (long long)id);
	return 0;
}

int check_choice(const struct choice *list, const char *code,
		 const char *field, bool optional, struct err *e)
{
	struct buf b = BUF_INIT;

	if (!code && optional)
		return 0;
	if (code && choice_label(list, code))
		return 0;
	for (const struct choice *c = list; c->code; c++)
		buf_printf(&b, "%s%s", c == list ? "" : ", ", c->code);
	err_set(e, ERR_INVALID, field, "must be one of: %s", b.ptr);
	buf_release(&b);
	return -1;
}

int in_transaction(struct store *s,
		   int (*fn)(struct store *, void *, struct err *), void *arg,
		   struct err *e)
{
	if (db_begin(s->db, e) < 0)
		return -1;
	if (fn(s, arg, e) < 0) {
		db_rollback(s->db);
		return -1;
	}
	return db_commit(s->db, e);
}
