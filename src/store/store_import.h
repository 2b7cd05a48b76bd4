/*
 * store_import.h: the history of imports, and the life of a police.uk
 * import that does not hold the write lock while it works
 * (store_import.c).
 *
 * Part of the store's interface (store.h says how all of it works).
 *
 * Every import that completes is recorded: when, by whom (the store's
 * actor, store_set_actor), the files it read with their SHA-256 and
 * rows, and the rows it added, replaced and kept unchanged.  An import
 * that fails leaves no record, as it leaves no data.
 *
 * A police.uk import can be large (a national year is 6.5 million rows),
 * so it is not one transaction:
 *
 *   1. store_import_begin takes the import lock (one import at a time for
 *      a database, across processes), cleans up after an import that
 *      stopped midway, and records this one as running.
 *   2. The importer writes its batches as pending, each in a short
 *      transaction of its own (store_crime_batch_add): readers do not
 *      see them, and other writers (the web interface) go on between
 *      them.
 *   3. One short transaction publishes them (store_crime_publish) and
 *      records the import as done (store_import_done); then
 *      store_import_end lets go of the lock.  Or, on any failure,
 *      store_import_abandon deletes what was written and the record, and
 *      lets go of the lock: the database is as it was.
 *
 * The lock is an advisory lock (flock) on the file "<database>-import"
 * beside the database, which the operating system lets go of when the
 * process ends however it ends; so a "running" import whose lock nobody
 * holds was stopped midway, and whatever it wrote is deleted by the next
 * import, undo or opening of the store.  An in-memory database has no
 * lock (no other process can see it).
 */
#ifndef SAFER_STORE_IMPORT_H
#define SAFER_STORE_IMPORT_H

#include "store.h"

/* One file an import read. */
struct import_file {
	const char *name;   /* as given: a path, or "zip:entry" */
	int64_t bytes;      /* of the CSV text (after unzipping) */
	const char *sha256; /* of those bytes, in hex; NULL if not known */
	int64_t rows;       /* data rows read; -1 if not known */
};

/* What an import did. */
struct import_counts {
	int64_t rows_read;      /* data rows in its files */
	int64_t rows_added;     /* rows now stored that it brought */
	int64_t rows_replaced;  /* stored rows its rows replaced (kept, superseded) */
	int64_t rows_unchanged; /* rows it read that were stored as they are */
	int64_t rows_skipped;   /* bad rows left out (--skip-bad-rows) */
};

/* One import in the history. */
struct import_record {
	int64_t id;
	const char *source;      /* "police", "geography" or "indicators" */
	const char *state;       /* "running", "done" or "undone" */
	const char *started_at, *finished_at; /* UTC, ISO 8601 */
	const char *by_user;     /* NULL if not known */
	int64_t by_account;      /* 0 if none */
	struct import_counts counts;
	const char *note;
	const char *undone_at, *undone_by;
	struct import_file *files;
	size_t n_files;
};

/* Step 1: take the import lock and record an import of source as
 * running; *id gets its id.  Another import running (in any process) is
 * ERR_CONFLICT naming it.  Outside a transaction the record is committed
 * at once; inside one (the demo), it nests like any write. */
int store_import_begin(struct store *s, const char *source, int64_t *id,
		       struct err *e);

/* Step 3, inside the publishing transaction: the import is done, with
 * these counts and files. */
int store_import_done(struct store *s, int64_t id,
		      const struct import_counts *c,
		      const struct import_file *files, size_t n_files,
		      struct err *e);

/* Step 3, after the publishing transaction: let go of the lock. */
void store_import_end(struct store *s);

/* Step 3 on failure: delete what import id wrote (in short
 * transactions), and its record, and let go of the lock.  Never fails:
 * what it cannot delete now is deleted by the next sweep. */
void store_import_abandon(struct store *s, int64_t id);

/* An import that takes place in one transaction (geography, indicators):
 * record it as done, inside the caller's transaction.  No lock. */
int store_import_record(struct store *s, const char *source,
			const struct import_counts *c,
			const struct import_file *files, size_t n_files,
			const char *note, struct err *e);

/* What undoing an import did. */
struct import_undo_report {
	int64_t rows_removed;  /* rows the import had added */
	int64_t rows_restored; /* rows it had replaced, live again */
	int64_t batches_removed, batches_restored;
};

/* Undo police.uk import id: the batches it added are removed and the
 * batches it replaced are live again, in one short transaction.  Refused
 * (ERR_CONFLICT) when a later import that is not undone has replaced
 * batches that it added, naming that import and the force-months: undo
 * the later one first.  Also refused: an import undone already, one
 * still running, one that is not police.uk data (ERR_INVALID), and no
 * such import (ERR_NOT_FOUND). */
int store_import_undo(struct store *s, int64_t id, struct import_undo_report *r,
		      struct err *e);

/* The history, newest first, with the files of each (from the arena). */
struct import_record *store_imports(struct store *s, struct arena *a,
				    size_t *n, struct err *e);

#endif
