/*
 * db_sqlite.c: the SQLite backend of db.h.
 *
 * A struct db_stmt is the sqlite3_stmt itself.  Prepared statements are
 * kept in a small open-addressing table keyed by the address of their
 * SQL literal and live as long as the connection.
 */
#include <limits.h>
#include <pthread.h>
#include <sqlite3.h>

#include "db.h"

struct cached {
	const char *sql;
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *h;
	struct cached *slots;
	size_t cap; /* a power of two */
	size_t used;
	int depth; /* open transactions: 1 is BEGIN, more are savepoints */
	int busy_ms; /* how long a write waits for another writer */
};

#define S(st) ((sqlite3_stmt *)(void *)(st))

/* The one reading of an SQLite result code that is an error, whichever
 * call gave it (prepare, step, exec, begin, commit): a constraint that
 * failed is ERR_CONFLICT; busy or locked (another connection held what
 * this one needs for longer than the busy timeout) is ERR_BUSY; anything
 * else is ERR_DB with SQLite's message. */
static int classify(int rc, const char *msg, struct err *e)
{
	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		return err_set(e, ERR_CONFLICT, NULL, "%s", msg);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_BUSY, NULL,
			       "the database is busy with another change; try "
			       "again in a moment");
	}
	return err_set(e, ERR_DB, NULL, "database error: %s", msg);
}

/* Before SQLite starts: each connection is used by one thread at a time
 * (so no locks on connections), and no global memory statistics (which
 * take a global lock on every allocation). */
static void configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

struct db *db_open(const char *path, struct err *e)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	struct db *db;
	int rc;

	pthread_once(&once, configure);
	db = xcalloc(1, sizeof(*db));
	rc = sqlite3_open_v2(path, &db->h,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				     SQLITE_OPEN_NOMUTEX,
			     NULL);
	if (rc != SQLITE_OK) {
		err_set(e, ERR_IO, NULL, "cannot open database '%s': %s", path,
			db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		db_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db->h, 1);
	db->busy_ms = DB_BUSY_TIMEOUT_MS;
	sqlite3_busy_timeout(db->h, db->busy_ms);
	if (db_exec_script(db,
			   "PRAGMA journal_mode=WAL;"
			   "PRAGMA synchronous=NORMAL;"
			   "PRAGMA foreign_keys=ON;"
			   "PRAGMA temp_store=MEMORY;",
			   e) < 0) {
		/* busy stays busy: the same open can succeed later */
		err_set(e, e && e->code == ERR_BUSY ? ERR_BUSY : ERR_IO, NULL,
			"cannot use '%s' as a database: %s", path, e ? e->msg : "");
		db_close(db);
		return NULL;
	}
	db->cap = 128;
	db->slots = xcalloc(db->cap, sizeof(*db->slots));
	return db;
}

void db_busy_timeout(struct db *db, unsigned ms)
{
	db->busy_ms = ms > INT_MAX ? INT_MAX : (int)ms;
	sqlite3_busy_timeout(db->h, db->busy_ms);
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->cap; i++)
		if (db->slots[i].st)
			sqlite3_finalize(db->slots[i].st);
	free(db->slots);
	sqlite3_close(db->h);
	free(db);
}

static size_t slot_of(const struct db *db, const char *sql)
{
	uintptr_t k = (uintptr_t)sql;

	k ^= k >> 17;
	k *= 0x9E3779B97F4A7C15ull;
	return (size_t)(k >> 7) & (db->cap - 1);
}

static void cache_grow(struct db *db)
{
	struct cached *old = db->slots;
	size_t oldcap = db->cap;

	db->cap *= 2;
	db->slots = xcalloc(db->cap, sizeof(*db->slots));
	for (size_t i = 0; i < oldcap; i++) {
		size_t j;

		if (!old[i].sql)
			continue;
		j = slot_of(db, old[i].sql);
		while (db->slots[j].sql)
			j = (j + 1) & (db->cap - 1);
		db->slots[j] = old[i];
	}
	free(old);
}

struct db_stmt *db_prepare(struct db *db, const char *sql, struct err *e)
{
	size_t i = slot_of(db, sql);
	sqlite3_stmt *st;
	int rc;

	while (db->slots[i].sql) {
		if (db->slots[i].sql == sql)
			return (struct db_stmt *)(void *)db->slots[i].st;
		i = (i + 1) & (db->cap - 1);
	}
	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
				NULL);
	if (rc != SQLITE_OK) {
		classify(rc, sqlite3_errmsg(db->h), e);
		return NULL;
	}
	db->slots[i].sql = sql;
	db->slots[i].st = st;
	if (++db->used * 2 > db->cap)
		cache_grow(db);
	return (struct db_stmt *)(void *)st;
}

static int param(struct db_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(S(st), name);

	if (!i)
		BUG("no parameter '%s' in: %s", name, sqlite3_sql(S(st)));
	return i;
}

void db_bind_text(struct db_stmt *st, const char *name, const char *v)
{
	int i = param(st, name);

	if (v)
		sqlite3_bind_text(S(st), i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(S(st), i);
}

void db_bind_int(struct db_stmt *st, const char *name, int64_t v)
{
	sqlite3_bind_int64(S(st), param(st, name), v);
}

void db_bind_double(struct db_stmt *st, const char *name, double v)
{
	sqlite3_bind_double(S(st), param(st, name), v);
}

void db_bind_null(struct db_stmt *st, const char *name)
{
	sqlite3_bind_null(S(st), param(st, name));
}

void db_bind_blob(struct db_stmt *st, const char *name, const void *p,
		  size_t n)
{
	sqlite3_bind_blob64(S(st), param(st, name), p, n, SQLITE_TRANSIENT);
}

void db_bind_id(struct db_stmt *st, const char *name, int64_t v)
{
	if (v)
		db_bind_int(st, name, v);
	else
		db_bind_null(st, name);
}

int db_step(struct db_stmt *st, struct err *e)
{
	int rc = sqlite3_step(S(st));

	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	classify(rc, sqlite3_errmsg(sqlite3_db_handle(S(st))), e);
	sqlite3_reset(S(st));
	return DB_ERROR;
}

int64_t db_col_int(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(S(st), col);
}

double db_col_double(struct db_stmt *st, int col)
{
	return sqlite3_column_double(S(st), col);
}

const char *db_col_text(struct db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(S(st), col);
}

const void *db_col_blob(struct db_stmt *st, int col, size_t *n)
{
	const void *p = sqlite3_column_blob(S(st), col);

	*n = (size_t)sqlite3_column_bytes(S(st), col);
	return p;
}

bool db_col_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(S(st), col) == SQLITE_NULL;
}

int db_col_count(struct db_stmt *st)
{
	return sqlite3_column_count(S(st));
}

const char *db_col_name(struct db_stmt *st, int col)
{
	return sqlite3_column_name(S(st), col);
}

enum db_type db_col_type(struct db_stmt *st, int col)
{
	switch (sqlite3_column_type(S(st), col)) {
	case SQLITE_INTEGER:
		return DB_INT;
	case SQLITE_FLOAT:
		return DB_REAL;
	case SQLITE_BLOB:
		return DB_BLOB;
	case SQLITE_NULL:
		return DB_NULL;
	default:
		return DB_TEXT;
	}
}

void db_done(struct db_stmt *st)
{
	sqlite3_reset(S(st));
	sqlite3_clear_bindings(S(st));
}

int db_exec(struct db_stmt *st, int64_t *id, struct err *e)
{
	int rc = db_step(st, e);

	if (rc == DB_ERROR) {
		db_done(st);
		return -1;
	}
	if (id)
		*id = rc == DB_ROW ? db_col_int(st, 0) : 0;
	while (rc == DB_ROW)
		rc = db_step(st, e);
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

int db_exec_script(struct db *db, const char *sql, struct err *e)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		classify(rc, msg ? msg : sqlite3_errstr(rc), e);
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int db_begin(struct db *db, struct err *e)
{
	if (db_exec_script(db, db->depth ? "SAVEPOINT nested" : "BEGIN IMMEDIATE",
			   e) < 0)
		return -1;
	db->depth++;
	return 0;
}

int db_begin_read(struct db *db, struct err *e)
{
	if (db_exec_script(db, db->depth ? "SAVEPOINT nested" : "BEGIN", e) < 0)
		return -1;
	db->depth++;
	return 0;
}

int db_commit(struct db *db, struct err *e)
{
	if (db->depth <= 0)
		BUG("db_commit outside a transaction");
	if (db_exec_script(db, db->depth > 1 ? "RELEASE nested" : "COMMIT",
			   e) < 0) {
		db_rollback(db);
		return -1;
	}
	db->depth--;
	return 0;
}

void db_rollback(struct db *db)
{
	if (db->depth <= 0)
		return;
	if (db->depth > 1) {
		sqlite3_exec(db->h, "ROLLBACK TO nested; RELEASE nested", NULL,
			     NULL, NULL);
	} else if (!sqlite3_get_autocommit(db->h)) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	}
	db->depth--;
}

int64_t db_changes(struct db *db)
{
	return sqlite3_changes64(db->h);
}

int64_t db_data_version(struct db *db)
{
	int64_t v = 0;
	struct db_stmt *st = db_prepare(db, "PRAGMA data_version", NULL);

	if (st && db_step(st, NULL) == DB_ROW)
		v = db_col_int(st, 0);
	if (st)
		db_done(st);
	return v;
}

bool db_in_transaction(const struct db *db)
{
	return db->depth > 0;
}

int db_checkpoint(struct db *db, bool *truncated, struct err *e)
{
	int rc;

	if (truncated)
		*truncated = false;
	if (db->depth > 0)
		return 0;
	rc = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_PASSIVE,
				       NULL, NULL);
	if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY &&
	    (rc & 0xff) != SQLITE_LOCKED)
		return classify(rc, sqlite3_errmsg(db->h), e);
	sqlite3_busy_timeout(db->h, 100);
	rc = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_TRUNCATE,
				       NULL, NULL);
	sqlite3_busy_timeout(db->h, db->busy_ms);
	if (rc == SQLITE_OK) {
		if (truncated)
			*truncated = true;
		return 0;
	}
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return 0;
	return classify(rc, sqlite3_errmsg(db->h), e);
}

int db_foreign_keys(struct db *db, bool on, struct err *e)
{
	if (db->depth > 0)
		BUG("foreign keys switched inside a transaction");
	return db_exec_script(db, on ? "PRAGMA foreign_keys=ON"
				     : "PRAGMA foreign_keys=OFF",
			      e);
}

int db_fk_violations(struct db *db, bool *any, struct err *e)
{
	struct db_stmt *st = db_prepare(db, "PRAGMA foreign_key_check", e);
	int rc;

	if (!st)
		return -1;
	rc = db_step(st, e);
	*any = rc == DB_ROW;
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

int db_user_version(struct db *db, int64_t *v, struct err *e)
{
	struct db_stmt *st = db_prepare(db, "PRAGMA user_version", e);
	int rc;

	if (!st)
		return -1;
	rc = db_step(st, e);
	*v = rc == DB_ROW ? db_col_int(st, 0) : 0;
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

int db_set_user_version(struct db *db, int64_t v, struct err *e)
{
	char sql[64];

	/* PRAGMA takes no parameters; v is a number safer chose. */
	snprintf(sql, sizeof(sql), "PRAGMA user_version=%lld", (long long)v);
	return db_exec_script(db, sql, e);
}
