/*
 * store.h: opening the store, transactions, and what its parts share.
 *
 * What safer keeps is reached through one header per area, each
 * including this one: store_people.h (the partnership, organisations,
 * people), store_governance.h, store_plan.h, store_outcome.h,
 * store_action.h, store_fund.h, store_crime.h (police.uk batches,
 * geography, peer groups) and store_indicator.h.  A file includes the
 * areas it uses, so that a change to one area rebuilds only its users.
 *
 * The store owns all SQL.  Callers (pages, API, commands) see plain
 * structs filled from the database; lists are arrays allocated from the
 * caller's arena, with their length returned in *n.  Every write checks
 * its input first (returning ERR_INVALID naming the field, in the API's
 * field names), runs in one transaction, and leaves the database as it
 * was if anything fails.
 *
 * Strings in the structs are NULL when the value is absent; ids are 0
 * when absent.  Money is in whole pence (int64_t).
 */
#ifndef SAFER_STORE_H
#define SAFER_STORE_H

#include "base/arena.h"
#include "base/err.h"

struct db;

struct store {
	struct db *db;
	char *path;
	/* Which database this is, whatever the path that named it: the
	 * file's device and inode (two stores of one file have the same
	 * identity, two files never do). */
	uint64_t identity[2];
	/* Who acts through this store, for the history of imports
	 * (store_set_actor); NULL and 0 when nobody said. */
	char *actor;
	int64_t actor_account;
	const char *actor_via; /* "cli", "web", "api": a literal */
	/* The import lock while this store holds it (store_import.c), else
	 * -1. */
	int import_lock;
};

/* ---------------------------------------------------------------------
 * Opening, and transactions that span several calls
 */

/* Open the database at path and bring its schema up to date.  If create
 * is false and there is no file at path, fail with a message that says
 * how to make one.  Returns NULL with e set. */
struct store *store_open(const char *path, bool create, struct err *e);
void store_close(struct store *s);

/* Say who acts through this store: a name (the account's email, or the
 * operating system's user for the command line), an account (0 for
 * none) and the way they came, via: "cli", "web" or "api" (a literal).
 * Recorded with each change (store_audit.h) and import; name is
 * copied. */
void store_set_actor(struct store *s, const char *name, int64_t account,
		     const char *via);

/* Copy the write-ahead log into the database and empty it when no
 * reader still needs it (db_checkpoint), after a large write.  Does
 * nothing inside a transaction.  *truncated (if not NULL) says whether
 * the log is empty now. */
int store_checkpoint(struct store *s, bool *truncated, struct err *e);

/* Wait at most ms for another writer before a write fails with ERR_BUSY
 * (the default is the command line's, DB_BUSY_TIMEOUT_MS in db.h; the
 * server waits less, and answers 503). */
void store_busy_timeout(struct store *s, unsigned ms);

/* Group several writes into one transaction (each write is already its
 * own transaction; these nest).  On any failure call store_rollback. */
int store_begin(struct store *s, struct err *e);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* Read several things from one snapshot (a page): store_read_begin, the
 * reads, store_read_end.  Writes are not allowed in between.  Nests
 * inside another transaction, whose snapshot then serves.  Every
 * successful store_read_begin needs its store_read_end. */
int store_read_begin(struct store *s, struct err *e);
void store_read_end(struct store *s);

/* A number that changes whenever another connection commits. */
int64_t store_data_version(struct store *s);

/* The newest schema version; bring db up to it (schema.c). */
int store_schema_version(void);
int store_migrate(struct db *db, struct err *e);
/* Only as far as version (no further than the newest): for the tests of
 * a step. */
int store_migrate_to(struct db *db, int version, struct err *e);

/* A value in the meta table: *out gets a copy in the arena and the
 * result is 1; 0 with *out NULL if it is unset; -1 with e set if the
 * database cannot say. */
int store_meta_get(struct store *s, struct arena *a, const char *key,
		   const char **out, struct err *e);
int store_meta_set(struct store *s, const char *key, const char *value,
		   struct err *e);

/* ---------------------------------------------------------------------
 * Taking an object away (store_*_remove): nothing is lost by an edit.
 */

enum remove_how {
	REMOVE_AUTO,    /* delete it if nothing refers to it, else archive */
	REMOVE_ARCHIVE, /* archive it: archived_at is set, it leaves the
			 * lists and stays readable by its id */
	REMOVE_DELETE,  /* delete it; ERR_CONFLICT saying what refers to
			 * it if anything does */
};

/* ---------------------------------------------------------------------
 * Fixed choices: the codes stored, and the words shown for them.
 */

struct choice {
	const char *code;
	const char *label;
};

extern const struct choice action_statuses[]; /* ends with {NULL, NULL} */
extern const struct choice rag_ratings[];
extern const struct choice plan_statuses[];
extern const struct choice plan_kinds[];
extern const struct choice award_statuses[];
extern const struct choice org_sectors[];
extern const struct choice board_kinds[];

/* The label for code in list, or NULL if code is not one of them. */
const char *choice_label(const struct choice *list, const char *code);

#endif
