/*
 * db.h: the narrow interface between safer's SQL and a database engine.
 *
 * Only src/store/ includes this file.  The store's functions hold their
 * SQL as string literals, written in the dialect that SQLite and
 * PostgreSQL share, with parameters named ":name"; a backend file
 * (db_sqlite.c today, db_pg.c later) implements this interface.
 *
 * Statements are prepared once per connection and cached by the address
 * of their SQL literal, so preparing the same literal again is a lookup.
 * A statement is used as: db_prepare, db_bind_* by name, db_step until it
 * returns DB_DONE, then db_done (which resets it for the next use).
 *
 * A struct db is one connection and must be used by one thread at a time;
 * the server gives each worker thread its own.
 */
#ifndef SAFER_DB_H
#define SAFER_DB_H

#include "base/err.h"

struct db;
struct db_stmt;

enum { DB_ROW = 1, DB_DONE = 0, DB_ERROR = -1 };

/* How long a connection waits for another writer by default, in
 * milliseconds: the command line waits this long; the server sets its
 * own, shorter, wait (db_busy_timeout). */
#define DB_BUSY_TIMEOUT_MS 10000

/* Open (creating if needed) the database at path; ":memory:" gives a
 * private in-memory database for tests.  Sets WAL mode, the busy timeout
 * DB_BUSY_TIMEOUT_MS and foreign keys.  Returns NULL with e set on
 * failure (ERR_BUSY if another connection held the database too long). */
struct db *db_open(const char *path, struct err *e);
void db_close(struct db *db);

/* Wait at most ms for another connection's lock before failing with
 * ERR_BUSY. */
void db_busy_timeout(struct db *db, unsigned ms);

/* Errors.  Every call that can fail reads SQLite's result the same way: a
 * constraint that failed is ERR_CONFLICT; a database busy or locked by
 * another connection past the busy timeout is ERR_BUSY ("the database is
 * busy with another change; try again in a moment"); anything else is
 * ERR_DB. */

/* The statement for sql, which must be a string literal (its address is
 * the cache key).  Returns NULL with e set if it does not compile (a bug
 * in safer's SQL) or the schema cannot be read (ERR_BUSY). */
struct db_stmt *db_prepare(struct db *db, const char *sql, struct err *e);

/* Bind a value to the parameter ":name"; BUG()s if there is none.
 * A NULL text binds SQL NULL.  Text is copied. */
void db_bind_text(struct db_stmt *st, const char *name, const char *v);
void db_bind_int(struct db_stmt *st, const char *name, int64_t v);
void db_bind_double(struct db_stmt *st, const char *name, double v);
void db_bind_null(struct db_stmt *st, const char *name);
void db_bind_blob(struct db_stmt *st, const char *name, const void *p,
		  size_t n);
/* Bind v, or NULL when v is 0 (for optional references). */
void db_bind_id(struct db_stmt *st, const char *name, int64_t v);

/* Run the statement: DB_ROW when a row is ready, DB_DONE at the end,
 * DB_ERROR with e set. */
int db_step(struct db_stmt *st, struct err *e);

/* Columns of the current row, counted from 0.  Text is valid until the
 * next step or db_done; NULL for SQL NULL.  db_col_int gives 0 for NULL. */
int64_t db_col_int(struct db_stmt *st, int col);
double db_col_double(struct db_stmt *st, int col);
const char *db_col_text(struct db_stmt *st, int col);
const void *db_col_blob(struct db_stmt *st, int col, size_t *n);
bool db_col_null(struct db_stmt *st, int col);

/* How many columns the statement returns, a column's name (its alias),
 * and the type of its value in the current row. */
enum db_type { DB_INT, DB_REAL, DB_TEXT, DB_BLOB, DB_NULL };
int db_col_count(struct db_stmt *st);
const char *db_col_name(struct db_stmt *st, int col);
enum db_type db_col_type(struct db_stmt *st, int col);

/* Finish with the statement: reset it and clear its bindings. */
void db_done(struct db_stmt *st);

/* Run a statement that returns no rows (or only the first: *id gets
 * column 0 of the first row if id is not NULL, as with RETURNING id).
 * Bindings must already be made; the statement is db_done'd. */
int db_exec(struct db_stmt *st, int64_t *id, struct err *e);

/* Run a script of SQL statements with no parameters (migrations). */
int db_exec_script(struct db *db, const char *sql, struct err *e);

/* Transactions.  db_begin takes the write lock at once (BEGIN
 * IMMEDIATE), so that concurrent writers wait for the busy timeout
 * instead of failing midway, and fail with ERR_BUSY before changing
 * anything if the other writer takes longer.  Inside a transaction, db_begin opens a
 * savepoint instead, so transactions nest: an inner rollback undoes only
 * the inner part, and nothing is durable until the outermost commit. */
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);

/* A read-only transaction (BEGIN DEFERRED): every query inside sees the
 * same snapshot of the database, and the locks are taken once instead of
 * once a statement.  Inside a transaction it nests (a savepoint), and the
 * outer snapshot serves.  End it with db_commit. */
int db_begin_read(struct db *db, struct err *e);

/* Rows changed by the last INSERT, UPDATE or DELETE. */
int64_t db_changes(struct db *db);

/* A number that changes whenever another connection commits a change to
 * the database (SQLite's data_version); used to invalidate caches. */
int64_t db_data_version(struct db *db);

/* Whether a transaction (or a savepoint) is open on this connection. */
bool db_in_transaction(const struct db *db);

/* Copy what the write-ahead log holds into the database and empty the
 * log, so that it does not stay as large as the largest transaction
 * since the last reset.  First a passive checkpoint, which waits for
 * nobody and copies what no reader still needs; then, if every reader
 * has moved on, the log is truncated to nothing, waiting at most a
 * tenth of a second for readers (a truncating checkpoint holds off
 * writers while it waits).  Outside a transaction only; inside one it
 * does nothing.  *truncated says whether the log was emptied (NULL if
 * not wanted); a log that readers still need is not an error. */
int db_checkpoint(struct db *db, bool *truncated, struct err *e);

/* Turn the checking of foreign keys off (for a migration that rebuilds
 * a table) or on again; outside a transaction only.  db_fk_violations
 * says whether any row refers to a row that is not there. */
int db_foreign_keys(struct db *db, bool on, struct err *e);
int db_fk_violations(struct db *db, bool *any, struct err *e);

/* The schema version stored in the database, and setting it. */
int db_user_version(struct db *db, int64_t *v, struct err *e);
int db_set_user_version(struct db *db, int64_t v, struct err *e);

#endif
