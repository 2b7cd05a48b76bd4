/*
 * store_import.c: the history of imports, the import lock, and undoing
 * an import (see store_import.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/text.h"
#include "store_crime.h"
#include "store_audit.h"
#include "store_import.h"
#include "store_int.h"

/* ---------------------------------------------------------------------
 * The lock
 */

static bool has_file(const struct store *s)
{
	return s->path[0] && strcmp(s->path, ":memory:") != 0;
}

/* Take the import lock without waiting: 1 taken (or no lock needed),
 * 0 held by another import, -1 error. */
static int lock_imports(struct store *s, struct err *e)
{
	struct buf path = BUF_INIT;
	int fd;

	if (s->import_lock >= 0 || !has_file(s))
		return 1;
	buf_printf(&path, "%s-import", s->path);
	fd = open(path.ptr, O_RDONLY | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0) {
		err_set(e, ERR_IO, NULL, "cannot open the import lock '%s': %s",
			path.ptr, strerror(errno));
		buf_release(&path);
		return -1;
	}
	buf_release(&path);
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int saved = errno;

		close(fd);
		if (saved == EWOULDBLOCK)
			return 0;
		return err_set(e, ERR_IO, NULL, "cannot take the import lock: %s",
			       strerror(saved));
	}
	s->import_lock = fd;
	return 1;
}

void store_import_unlock(struct store *s)
{
	if (s->import_lock < 0)
		return;
	flock(s->import_lock, LOCK_UN);
	close(s->import_lock);
	s->import_lock = -1;
}

/* The import that is running, for a message: "import 12 (police, started
 * 2026-01-05T10:00:00Z by alice)"; a shorter text if there is none. */
static void describe_running(struct store *s, char *out, size_t size)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, source, started_at, by_user FROM import"
		" WHERE state = 'running' ORDER BY id DESC LIMIT 1",
		NULL);

	snprintf(out, size, "another import");
	if (!st)
		return;
	if (db_step(st, NULL) == DB_ROW)
		snprintf(out, size, "import %lld (%s, started %s%s%s)",
			 (long long)db_col_int(st, 0), db_col_text(st, 1),
			 db_col_text(st, 2), db_col_null(st, 3) ? "" : " by ",
			 db_col_null(st, 3) ? "" : db_col_text(st, 3));
	db_done(st);
}

/* Delete what imports stopped midway left: their pending batches, the
 * batches an undo set aside, and their records.  The lock must be held
 * (or the database be in memory). */
static int sweep_locked(struct store *s, struct err *e)
{
	for (;;) {
		struct db_stmt *st = db_prepare(
			s->db,
			"SELECT id FROM import WHERE state = 'running'"
			" ORDER BY id LIMIT 1",
			e);
		int64_t id = 0;
		int rc;

		if (!st)
			return -1;
		rc = db_step(st, e);
		if (rc == DB_ROW)
			id = db_col_int(st, 0);
		db_done(st);
		if (rc == DB_ERROR)
			return -1;
		if (!id)
			break;
		if (store_crime_discard(s, id, e) < 0)
			return -1;
		st = db_prepare(s->db, "DELETE FROM import WHERE id = :id", e);
		if (!st)
			return -1;
		db_bind_int(st, ":id", id);
		if (db_exec(st, NULL, e) < 0)
			return -1;
	}
	return store_crime_discard(s, 0, e);
}

int store_import_sweep(struct store *s, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT EXISTS (SELECT 1 FROM import WHERE state = 'running')"
		" OR EXISTS (SELECT 1 FROM crime_batch WHERE state = 'discarded')",
		e);
	bool stale;
	int rc;

	if (!st)
		return -1;
	rc = db_step(st, e);
	stale = rc == DB_ROW && db_col_int(st, 0);
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	if (!stale || db_in_transaction(s->db))
		return 0;
	/* In memory, an import that is running is running here. */
	if (!has_file(s))
		return 0;
	rc = lock_imports(s, e);
	if (rc <= 0)
		return rc; /* another import is running: its rows are its own */
	rc = sweep_locked(s, e);
	store_import_unlock(s);
	return rc;
}

/* ---------------------------------------------------------------------
 * An import's life
 */

static void process_text(char *out, size_t size)
{
	char host[256];

	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "?");
	host[sizeof(host) - 1] = '\0';
	snprintf(out, size, "%s pid %ld", host, (long)getpid());
}

int store_import_begin(struct store *s, const char *source, int64_t *id,
		       struct err *e)
{
	struct db_stmt *st;
	char now[21], process[300];
	int rc = lock_imports(s, e);

	if (rc < 0)
		return -1;
	if (rc == 0) {
		char who[400];

		describe_running(s, who, sizeof(who));
		return err_set(e, ERR_CONFLICT, NULL,
			       "%s is running; try again when it has finished",
			       who);
	}
	if (sweep_locked(s, e) < 0)
		goto fail;
	text_now(now);
	process_text(process, sizeof(process));
	if (store_begin(s, e) < 0)
		goto fail;
	st = db_prepare(s->db,
			"INSERT INTO import (source, state, started_at, by_user,"
			"  by_account, process)"
			" VALUES (:src, 'running', :now, :by, :acct, :proc)"
			" RETURNING id",
			e);
	if (!st) {
		store_rollback(s);
		goto fail;
	}
	db_bind_text(st, ":src", source);
	db_bind_text(st, ":now", now);
	db_bind_text(st, ":by", s->actor);
	db_bind_id(st, ":acct", s->actor_account);
	db_bind_text(st, ":proc", process);
	if (db_exec(st, id, e) < 0) {
		store_rollback(s);
		goto fail;
	}
	if (store_commit(s, e) < 0)
		goto fail;
	return 0;
fail:
	store_import_unlock(s);
	return -1;
}

static int add_files(struct store *s, int64_t id,
		     const struct import_file *files, size_t n, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		struct db_stmt *st = db_prepare(
			s->db,
			"INSERT INTO import_file (import_id, position, name, bytes,"
			"  sha256, rows) VALUES (:i, :p, :n, :b, :h, :r)",
			e);

		if (!st)
			return -1;
		db_bind_int(st, ":i", id);
		db_bind_int(st, ":p", (int64_t)i + 1);
		db_bind_text(st, ":n", files[i].name);
		db_bind_int(st, ":b", files[i].bytes);
		db_bind_text(st, ":h", files[i].sha256);
		if (files[i].rows >= 0)
			db_bind_int(st, ":r", files[i].rows);
		else
			db_bind_null(st, ":r");
		if (db_exec(st, NULL, e) < 0)
			return -1;
	}
	return 0;
}

static void bind_counts(struct db_stmt *st, const struct import_counts *c)
{
	db_bind_int(st, ":read", c->rows_read);
	db_bind_int(st, ":added", c->rows_added);
	db_bind_int(st, ":replaced", c->rows_replaced);
	db_bind_int(st, ":unchanged", c->rows_unchanged);
	db_bind_int(st, ":skipped", c->rows_skipped);
}

int store_import_done(struct store *s, int64_t id,
		      const struct import_counts *c,
		      const struct import_file *files, size_t n_files,
		      struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"UPDATE import SET state = 'done', finished_at = :now,"
		"  rows_read = :read, rows_added = :added,"
		"  rows_replaced = :replaced, rows_unchanged = :unchanged,"
		"  rows_skipped = :skipped, process = NULL"
		" WHERE id = :id AND state = 'running'",
		e);
	char now[21];
	struct audit_snap snap;

	if (!st)
		return -1;
	/* On the record as made now, when it is published: the row that
	 * said it was running was nobody's change. */
	if (audit_before(s, &snap, AUDIT_IMPORT, 0, e) < 0) {
		db_done(st);
		return -1;
	}
	text_now(now);
	db_bind_text(st, ":now", now);
	bind_counts(st, c);
	db_bind_int(st, ":id", id);
	if (db_exec(st, NULL, e) < 0)
		goto fail;
	if (db_changes(s->db) != 1) {
		err_set(e, ERR_CONFLICT, NULL,
			"import %lld is no longer running: it was "
			"cleaned up as stopped midway",
			(long long)id);
		goto fail;
	}
	if (add_files(s, id, files, n_files, e) < 0)
		goto fail;
	return audit_after(s, &snap, id, e);
fail:
	audit_discard(&snap);
	return -1;
}

void store_import_end(struct store *s)
{
	store_import_unlock(s);
}

void store_import_abandon(struct store *s, int64_t id)
{
	struct db_stmt *st;

	if (store_crime_discard(s, id, NULL) == 0 &&
	    store_begin(s, NULL) == 0) {
		st = db_prepare(s->db, "DELETE FROM import WHERE id = :id", NULL);
		if (st) {
			db_bind_int(st, ":id", id);
			if (db_exec(st, NULL, NULL) == 0) {
				store_commit(s, NULL);
				goto out;
			}
		}
		store_rollback(s);
	}
out:
	store_import_unlock(s);
}

int store_import_record(struct store *s, const char *source,
			const struct import_counts *c,
			const struct import_file *files, size_t n_files,
			const char *note, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"INSERT INTO import (source, state, started_at, finished_at,"
		"  by_user, by_account, rows_read, rows_added, rows_replaced,"
		"  rows_unchanged, rows_skipped, note)"
		" VALUES (:src, 'done', :now, :now, :by, :acct, :read, :added,"
		"  :replaced, :unchanged, :skipped, :note) RETURNING id",
		e);
	char now[21];
	int64_t id;
	struct audit_snap snap;

	if (!st)
		return -1;
	if (audit_before(s, &snap, AUDIT_IMPORT, 0, e) < 0) {
		db_done(st);
		return -1;
	}
	text_now(now);
	db_bind_text(st, ":src", source);
	db_bind_text(st, ":now", now);
	db_bind_text(st, ":by", s->actor);
	db_bind_id(st, ":acct", s->actor_account);
	bind_counts(st, c);
	db_bind_text(st, ":note", note);
	if (db_exec(st, &id, e) < 0 || add_files(s, id, files, n_files, e) < 0) {
		audit_discard(&snap);
		return -1;
	}
	return audit_after(s, &snap, id, e);
}

/* ---------------------------------------------------------------------
 * Undo
 */

static int undo_locked(struct store *s, int64_t id,
		       struct import_undo_report *r, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT source, state, undone_at, undone_by FROM import"
		" WHERE id = :id",
		e);
	char now[21];
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		const char *source = db_col_text(st, 0);
		const char *state = db_col_text(st, 1);

		if (strcmp(source, "police") != 0)
			rc = err_set(e, ERR_INVALID, NULL,
				     "import %lld brought in %s; only police.uk "
				     "imports can be undone",
				     (long long)id, source);
		else if (strcmp(state, "undone") == 0)
			rc = err_set(e, ERR_CONFLICT, NULL,
				     "import %lld was undone already (%s%s%s)",
				     (long long)id, db_col_text(st, 2),
				     db_col_null(st, 3) ? "" : " by ",
				     db_col_null(st, 3) ? "" : db_col_text(st, 3));
		else if (strcmp(state, "done") != 0)
			rc = err_set(e, ERR_CONFLICT, NULL,
				     "import %lld has not finished", (long long)id);
		else
			rc = 0;
	} else if (rc != DB_ERROR) {
		rc = not_found(e, "import", id);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	if (store_crime_unpublish(s, id, &r->rows_removed, &r->rows_restored,
				  &r->batches_removed, &r->batches_restored,
				  e) < 0)
		return -1;
	text_now(now);
	st = db_prepare(s->db,
			"UPDATE import SET state = 'undone', undone_at = :now,"
			"  undone_by = :by WHERE id = :id",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":now", now);
	db_bind_text(st, ":by", s->actor);
	db_bind_int(st, ":id", id);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	return store_crime_touch(s, e);
}

int store_import_undo(struct store *s, int64_t id, struct import_undo_report *r,
		      struct err *e)
{
	bool held = s->import_lock >= 0;
	int rc;

	memset(r, 0, sizeof(*r));
	rc = lock_imports(s, e);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		char who[400];

		describe_running(s, who, sizeof(who));
		return err_set(e, ERR_CONFLICT, NULL,
			       "%s is running; undo when it has finished", who);
	}
	rc = sweep_locked(s, e);
	if (rc == 0 && store_begin(s, e) == 0) {
		struct audit_snap snap;

		rc = audit_before(s, &snap, AUDIT_IMPORT, id, e);
		if (rc == 0) {
			rc = undo_locked(s, id, r, e);
			if (rc == 0)
				rc = audit_after(s, &snap, id, e);
			else
				audit_discard(&snap);
		}
		if (rc == 0)
			rc = store_commit(s, e);
		else
			store_rollback(s);
	} else {
		rc = -1;
	}
	/* What the import had added is deleted now, a little at a time. */
	if (rc == 0)
		store_crime_discard(s, 0, NULL);
	if (!held)
		store_import_unlock(s);
	return rc;
}

/* ---------------------------------------------------------------------
 * The history
 */

struct import_record *store_imports(struct store *s, struct arena *a,
				    size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, source, state, started_at, finished_at, by_user,"
		"  coalesce(by_account, 0), rows_read, rows_added, rows_replaced,"
		"  rows_unchanged, rows_skipped, note, undone_at, undone_by"
		" FROM import ORDER BY id DESC",
		e);
	struct import_record *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct import_record *r = VEC_PUSH(a, list, n, &cap);

		r->id = db_col_int(st, 0);
		r->source = col_str(a, st, 1);
		r->state = col_str(a, st, 2);
		r->started_at = col_str(a, st, 3);
		r->finished_at = col_str(a, st, 4);
		r->by_user = col_str(a, st, 5);
		r->by_account = db_col_int(st, 6);
		r->counts.rows_read = db_col_int(st, 7);
		r->counts.rows_added = db_col_int(st, 8);
		r->counts.rows_replaced = db_col_int(st, 9);
		r->counts.rows_unchanged = db_col_int(st, 10);
		r->counts.rows_skipped = db_col_int(st, 11);
		r->note = col_str(a, st, 12);
		r->undone_at = col_str(a, st, 13);
		r->undone_by = col_str(a, st, 14);
	}
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	for (size_t i = 0; i < *n; i++) {
		struct import_record *r = &list[i];
		size_t fcap = 0;

		st = db_prepare(s->db,
				"SELECT name, bytes, sha256, coalesce(rows, -1)"
				" FROM import_file WHERE import_id = :i"
				" ORDER BY position",
				e);
		if (!st)
			return NULL;
		db_bind_int(st, ":i", r->id);
		while ((rc = db_step(st, e)) == DB_ROW) {
			struct import_file *f = VEC_PUSH(a, r->files, &r->n_files, &fcap);

			f->name = col_str(a, st, 0);
			f->bytes = db_col_int(st, 1);
			f->sha256 = col_str(a, st, 2);
			f->rows = db_col_int(st, 3);
		}
		db_done(st);
		if (rc == DB_ERROR)
			return NULL;
	}
	return LIST_RESULT(a, list);
}
