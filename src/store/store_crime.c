/*
 * store_crime.c: police.uk records as batches of column blobs, their
 * dictionaries, the geography and peer groups.  What the crime engine is
 * built from (crime/load.c reads it through these functions).
 */
#include <limits.h>

#include "base/buf.h"
#include "base/text.h"
#include "store_audit.h"
#include "store_crime.h"
#include "store_int.h"

const char *const crime_kinds[CRIME_KINDS] = { "street", "outcomes",
					       "stop_search" };

int store_crime_generation(struct store *s, int64_t *gen, struct err *e)
{
	struct arena a = ARENA_INIT;
	const char *v;
	int rc = store_meta_get(s, &a, "crime_generation", &v, e);

	*gen = 0;
	if (rc > 0 && text_int64(v, 0, INT64_MAX - 1, gen, NULL, NULL) < 0)
		rc = err_set(e, ERR_DB, NULL,
			     "the store is damaged: the crime generation is '%s', "
			     "not a whole number", v);
	arena_release(&a);
	return rc < 0 ? -1 : 0;
}

int store_crime_touch(struct store *s, struct err *e)
{
	char v[32];
	int64_t gen;

	if (store_crime_generation(s, &gen, e) < 0)
		return -1;
	snprintf(v, sizeof(v), "%lld", (long long)gen + 1);
	return store_meta_set(s, "crime_generation", v, e);
}

/*
 * A dictionary only grows: every value written raises its size, kept in
 * the meta table ("crime_dict_size:DOMAIN").  Values deleted by hand from
 * its end would leave no hole to see, and the next import would give
 * their ids to other values, silently changing what stored batches say;
 * the size tells.  (A store from before the size was kept has none, and
 * gets one with the next value written.)
 */
static int check_dict_size(struct store *s, const char *domain, int64_t n,
			   struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT CAST(value AS INTEGER) FROM meta"
		" WHERE key = 'crime_dict_size:' || :d",
		e);
	int rc;
	int64_t want = -1;

	if (!st)
		return -1;
	db_bind_text(st, ":d", domain);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		want = db_col_int(st, 0);
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	if (want >= 0 && want != n)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: the '%s' dictionary holds "
			       "%lld value%s, but %lld %s written",
			       domain, (long long)n, n == 1 ? "" : "s",
			       (long long)want, want == 1 ? "was" : "were");
	return 0;
}

int store_crime_dict_each(struct store *s, const char *domain,
			  store_dict_fn *fn, void *ctx, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, value, extra, typeof(id) = 'integer' AS whole"
		" FROM crime_dict WHERE domain = :d ORDER BY whole, id",
		e);
	int rc = DB_DONE, stop = 0;
	int64_t n = 0, top = 0;

	if (!st)
		return -1;
	db_bind_text(st, ":d", domain);
	while (!stop && (rc = db_step(st, e)) == DB_ROW) {
		int64_t id = db_col_int(st, 0);

		if (!db_col_int(st, 3))
			stop = err_set(e, ERR_DB, NULL,
				       "the store is damaged: the '%s' dictionary "
				       "holds id '%s', not a whole number",
				       domain, db_col_text(st, 0) ? db_col_text(st, 0)
								  : "");
		else if (id < 0 || id > UINT32_MAX)
			stop = err_set(e, ERR_DB, NULL,
				       "the store is damaged: the '%s' dictionary "
				       "holds id %lld, out of range",
				       domain, (long long)id);
		else
			stop = fn(ctx, (uint32_t)id, db_col_text(st, 1),
				  db_col_text(st, 2), e);
		n++;
		if (id + 1 > top)
			top = id + 1;
	}
	db_done(st);
	if (stop || rc == DB_ERROR)
		return stop ? stop : -1;
	/* With ids dense, no hole says what is missing: the size does. */
	return top == n ? check_dict_size(s, domain, n, e) : 0;
}

int store_crime_dict_add(struct store *s, const char *domain, uint32_t id,
			 const char *value, const char *extra, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"INSERT INTO crime_dict (domain, id, value, extra)"
		" VALUES (:d, :id, :v, :x)",
		e);

	if (!st)
		return -1;
	db_bind_text(st, ":d", domain);
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":v", value);
	db_bind_text(st, ":x", extra);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO meta (key, value)"
			" VALUES ('crime_dict_size:' || :d, :n)"
			" ON CONFLICT (key) DO UPDATE SET value ="
			"  max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":d", domain);
	db_bind_int(st, ":n", (int64_t)id + 1);
	return db_exec(st, NULL, e);
}

int store_crime_file_add(struct store *s, int64_t import_id, const char *name,
			 int64_t bytes, int64_t *id, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"INSERT INTO crime_file (name, bytes, imported_at, import_id)"
		" VALUES (:n, :b, :t, :i) RETURNING id",
		e);
	char now[21];

	if (!st)
		return -1;
	text_now(now);
	db_bind_id(st, ":i", import_id);
	db_bind_text(st, ":n", name);
	db_bind_int(st, ":b", bytes);
	db_bind_text(st, ":t", now);
	return db_exec(st, id, e);
}

int store_crime_batch_get(struct store *s, const char *kind, int64_t force_id,
			  int month, int64_t *id, int64_t *rows, char hash[40],
			  struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, rows, hash FROM crime_batch"
		" WHERE kind = :k AND force_id = :f AND month = :m"
		"  AND state = 'live'",
		e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, ":k", kind);
	db_bind_int(st, ":f", force_id);
	db_bind_int(st, ":m", month);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		*id = db_col_int(st, 0);
		*rows = db_col_int(st, 1);
		snprintf(hash, 40, "%s", db_col_text(st, 2));
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : rc == DB_ROW;
}

int store_crime_batch_delete(struct store *s, int64_t id, struct err *e)
{
	struct db_stmt *st =
		db_prepare(s->db, "DELETE FROM crime_batch WHERE id = :id", e);

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_exec(st, NULL, e);
}

int store_crime_batch_add(struct store *s, const struct crime_batch_input *in,
			  int64_t *id, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"INSERT INTO crime_batch (kind, force_id, month, file_id, rows,"
		"  no_location, hash, is_generated, state, import_id)"
		" VALUES (:k, :f, :m, :file, :rows, :nl, :h, :g, 'pending', :i)"
		" RETURNING id",
		e);

	if (!st)
		return -1;
	db_bind_int(st, ":i", in->import_id);
	db_bind_text(st, ":k", in->kind);
	db_bind_int(st, ":f", in->force_id);
	db_bind_int(st, ":m", in->month);
	db_bind_int(st, ":file", in->file_id);
	db_bind_int(st, ":rows", in->rows);
	db_bind_int(st, ":nl", in->no_location);
	db_bind_text(st, ":h", in->hash);
	db_bind_int(st, ":g", in->generated);
	return db_exec(st, id, e);
}

int store_crime_column_add(struct store *s, int64_t batch_id,
			   const char *name, const void *data, size_t len,
			   struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"INSERT INTO crime_column (batch_id, name, data)"
		" VALUES (:b, :n, :d)",
		e);

	if (!st)
		return -1;
	db_bind_int(st, ":b", batch_id);
	db_bind_text(st, ":n", name);
	db_bind_blob(st, ":d", data, len);
	return db_exec(st, NULL, e);
}

struct crime_batch *store_crime_batches(struct store *s, struct arena *a,
					const char *kind, size_t *n,
					struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, force_id, month, rows FROM crime_batch"
		" WHERE kind = :k AND state = 'live' ORDER BY month, force_id",
		e);
	struct crime_batch *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_text(st, ":k", kind);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct crime_batch *b = VEC_PUSH(a, list, n, &cap);

		b->id = db_col_int(st, 0);
		b->force_id = db_col_int(st, 1);
		/* A month beyond int is damage; the engine refuses it. */
		b->month = db_col_int(st, 2) < INT_MIN || db_col_int(st, 2) > INT_MAX
				   ? INT_MIN : (int)db_col_int(st, 2);
		b->rows = db_col_int(st, 3);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

int store_crime_column(struct store *s, int64_t batch_id, const char *name,
		       store_blob_fn *fn, void *ctx, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT data FROM crime_column WHERE batch_id = :b AND name = :n", e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":b", batch_id);
	db_bind_text(st, ":n", name);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		size_t len;
		const void *p = db_col_blob(st, 0, &len);

		rc = fn(ctx, p, len, e);
		db_done(st);
		return rc;
	}
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	return err_set(e, ERR_DB, NULL,
		       "the store is damaged: batch %lld has no column '%s'",
		       (long long)batch_id, name);
}


/* Sum of column 0 and count of the rows of a query about import_id. */
static int sum_rows(struct store *s, const char *sql, int64_t import_id,
		    int64_t *rows, int64_t *batches, struct err *e)
{
	struct db_stmt *st = db_prepare(s->db, sql, e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":i", import_id);
	rc = db_step(st, e);
	*rows = rc == DB_ROW ? db_col_int(st, 0) : 0;
	if (batches)
		*batches = rc == DB_ROW ? db_col_int(st, 1) : 0;
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

static int exec_for(struct store *s, const char *sql, int64_t import_id,
		    struct err *e)
{
	struct db_stmt *st = db_prepare(s->db, sql, e);

	if (!st)
		return -1;
	db_bind_int(st, ":i", import_id);
	return db_exec(st, NULL, e);
}

int store_crime_publish(struct store *s, int64_t import_id, int64_t *added,
			int64_t *replaced, struct err *e)
{
	if (sum_rows(s,
		     "SELECT coalesce(sum(l.rows), 0), count(*) FROM crime_batch p"
		     " JOIN crime_batch l ON l.kind = p.kind AND"
		     "  l.force_id = p.force_id AND l.month = p.month AND"
		     "  l.state = 'live'"
		     " WHERE p.import_id = :i AND p.state = 'pending'",
		     import_id, replaced, NULL, e) < 0 ||
	    sum_rows(s,
		     "SELECT coalesce(sum(rows), 0), count(*) FROM crime_batch"
		     " WHERE import_id = :i AND state = 'pending'",
		     import_id, added, NULL, e) < 0)
		return -1;
	return exec_for(s,
			"UPDATE crime_batch SET state = 'superseded',"
			"  superseded_by = :i"
			" WHERE state = 'live' AND id IN (SELECT l.id"
			"  FROM crime_batch p JOIN crime_batch l ON"
			"   l.kind = p.kind AND l.force_id = p.force_id AND"
			"   l.month = p.month AND l.state = 'live'"
			"  WHERE p.import_id = :i AND p.state = 'pending')",
			import_id, e) < 0 ||
		       exec_for(s,
				"UPDATE crime_batch SET state = 'live'"
				" WHERE import_id = :i AND state = 'pending'",
				import_id, e) < 0 ||
		       exec_for(s,
				"DELETE FROM crime_file WHERE import_id = :i AND"
				" NOT EXISTS (SELECT 1 FROM crime_batch b"
				"  WHERE b.file_id = crime_file.id)",
				import_id, e) < 0
		       ? -1
		       : 0;
}

void store_month_format(int month, char out[8])
{
	if (month < 0 || month >= 10000 * 12)
		month = 0;
	snprintf(out, 8, "%04d-%02d", month / 12, month % 12 + 1);
}

/* ERR_CONFLICT if a later import superseded batches of import_id. */
static int check_undoable(struct store *s, int64_t import_id, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT b.superseded_by, b.kind, coalesce(f.value, '?'), b.month"
		" FROM crime_batch b LEFT JOIN crime_dict f ON f.domain = 'force'"
		"  AND f.id = b.force_id"
		" WHERE b.import_id = :i AND b.state = 'superseded'"
		" ORDER BY b.superseded_by DESC, b.month, f.value, b.kind",
		e);
	struct buf months = BUF_INIT, later = BUF_INIT;
	int64_t n = 0, last = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":i", import_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		int64_t by = db_col_int(st, 0);
		char month[8];

		if (by != last)
			buf_printf(&later, "%s%lld", later.len ? ", " : "",
				   (long long)by);
		last = by;
		store_month_format((int)db_col_int(st, 3), month);
		if (n++ < 3)
			buf_printf(&months, "%s%s %s '%s'", months.len ? ", " : "",
				   month, db_col_text(st, 1), db_col_text(st, 2));
	}
	db_done(st);
	if (rc != DB_ERROR && n) {
		if (n > 3)
			buf_printf(&months, " and %lld more", (long long)(n - 3));
		bool several = strchr(later.ptr, ',') != NULL;

		rc = err_set(e, ERR_CONFLICT, NULL,
			     "cannot undo import %lld: a later import replaced "
			     "force-months it brought (%s); undo import%s %s "
			     "first%s",
			     (long long)import_id, months.ptr, several ? "s" : "",
			     later.ptr, several ? ", the newest first" : "");
	}
	buf_release(&months);
	buf_release(&later);
	return rc == DB_ERROR || n ? -1 : 0;
}

int store_crime_unpublish(struct store *s, int64_t import_id,
			  int64_t *rows_removed, int64_t *rows_restored,
			  int64_t *batches_removed, int64_t *batches_restored,
			  struct err *e)
{
	if (check_undoable(s, import_id, e) < 0 ||
	    sum_rows(s,
		     "SELECT coalesce(sum(rows), 0), count(*) FROM crime_batch"
		     " WHERE import_id = :i AND state = 'live'",
		     import_id, rows_removed, batches_removed, e) < 0 ||
	    sum_rows(s,
		     "SELECT coalesce(sum(rows), 0), count(*) FROM crime_batch"
		     " WHERE superseded_by = :i AND state = 'superseded'",
		     import_id, rows_restored, batches_restored, e) < 0)
		return -1;
	/* Set aside first: at most one live batch for a force-month. */
	if (exec_for(s,
		     "UPDATE crime_batch SET state = 'discarded'"
		     " WHERE import_id = :i AND state = 'live'",
		     import_id, e) < 0)
		return -1;
	return exec_for(s,
			"UPDATE crime_batch SET state = 'live',"
			"  superseded_by = NULL"
			" WHERE superseded_by = :i AND state = 'superseded'",
			import_id, e);
}

/* Delete up to a few batches, in a transaction of its own; *more says
 * whether any were deleted. */
static int discard_some(struct store *s, int64_t import_id, bool *more,
			struct err *e)
{
	struct db_stmt *st;

	if (store_begin(s, e) < 0)
		return -1;
	if (import_id)
		st = db_prepare(s->db,
				"DELETE FROM crime_batch WHERE id IN (SELECT id"
				"  FROM crime_batch WHERE import_id = :i AND"
				"  state IN ('pending', 'discarded') LIMIT 8)",
				e);
	else
		st = db_prepare(s->db,
				"DELETE FROM crime_batch WHERE id IN (SELECT id"
				"  FROM crime_batch WHERE state = 'discarded'"
				"  LIMIT 8)",
				e);
	if (!st)
		goto fail;
	if (import_id)
		db_bind_int(st, ":i", import_id);
	if (db_exec(st, NULL, e) < 0)
		goto fail;
	*more = db_changes(s->db) > 0;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int store_crime_discard(struct store *s, int64_t import_id, struct err *e)
{
	bool more = true;

	while (more)
		if (discard_some(s, import_id, &more, e) < 0)
			return -1;
	if (store_begin(s, e) < 0)
		return -1;
	if ((import_id ? exec_for(s,
				  "DELETE FROM crime_file WHERE import_id = :i AND"
				  " NOT EXISTS (SELECT 1 FROM crime_batch b"
				  "  WHERE b.file_id = crime_file.id)",
				  import_id, e)
		       : exec_for(s,
				  "DELETE FROM crime_file WHERE import_id IN"
				  " (SELECT id FROM import WHERE state = 'undone'"
				  "  AND id <> :i) AND NOT EXISTS (SELECT 1"
				  "  FROM crime_batch b WHERE b.file_id ="
				  "  crime_file.id)",
				  import_id, e)) < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}

int store_crime_summary(struct store *s, struct crime_summary *out,
			struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT kind, count(*), coalesce(sum(rows), 0),"
		"  coalesce(sum(no_location), 0), min(month), max(month),"
		"  coalesce(sum(CASE WHEN is_generated THEN rows ELSE 0 END), 0)"
		" FROM crime_batch WHERE state = 'live' GROUP BY kind",
		e);
	int rc;

	memset(out, 0, sizeof(*out));
	out->first_month = out->last_month = -1;
	if (!st)
		return -1;
	while ((rc = db_step(st, e)) == DB_ROW) {
		const char *kind = db_col_text(st, 0);

		for (int k = 0; k < CRIME_KINDS; k++) {
			if (strcmp(kind, crime_kinds[k]) != 0)
				continue;
			out->batches[k] = db_col_int(st, 1);
			out->rows[k] = db_col_int(st, 2);
			if (k == CRIME_STREET) {
				out->no_location = db_col_int(st, 3);
				out->first_month = (int)db_col_int(st, 4);
				out->last_month = (int)db_col_int(st, 5);
				out->generated_rows = db_col_int(st, 6);
			}
		}
	}
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	st = db_prepare(s->db,
			"SELECT (SELECT count(*) FROM crime_file f WHERE EXISTS"
			"  (SELECT 1 FROM crime_batch b WHERE b.file_id = f.id"
			"   AND b.state = 'live')),"
			" (SELECT count(*) FROM geo_lsoa),"
			" (SELECT count(*) FROM peer_group)",
			e);
	if (!st)
		return -1;
	if ((rc = db_step(st, e)) == DB_ROW) {
		out->files = db_col_int(st, 0);
		out->geography_lsoas = db_col_int(st, 1);
		out->peer_groups = db_col_int(st, 2);
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

/* ---------------------------------------------------------------------
 * Geography and peer groups
 */

int store_geo_put(struct store *s, const struct geo_input *in, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"INSERT INTO geo_lsoa (code, name, ward_code, ward_name, la_code,"
		"  la_name, force, population, households, vintage)"
		" VALUES (:code, :name, :wc, :wn, :lc, :ln, :force, :pop, :hh, :v)"
		" ON CONFLICT (code) DO UPDATE SET"
		"  name = coalesce(excluded.name, name),"
		"  ward_code = coalesce(excluded.ward_code, ward_code),"
		"  ward_name = coalesce(excluded.ward_name, ward_name),"
		"  la_code = coalesce(excluded.la_code, la_code),"
		"  la_name = coalesce(excluded.la_name, la_name),"
		"  force = coalesce(excluded.force, force),"
		"  population = coalesce(excluded.population, population),"
		"  households = coalesce(excluded.households, households),"
		"  vintage = coalesce(excluded.vintage, vintage)",
		e);

	if (!st)
		return -1;
	db_bind_text(st, ":code", in->code);
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":wc", in->ward_code);
	db_bind_text(st, ":wn", in->ward_name);
	db_bind_text(st, ":lc", in->la_code);
	db_bind_text(st, ":ln", in->la_name);
	db_bind_text(st, ":force", in->force);
	if (in->population >= 0)
		db_bind_int(st, ":pop", in->population);
	else
		db_bind_null(st, ":pop");
	if (in->households >= 0)
		db_bind_int(st, ":hh", in->households);
	else
		db_bind_null(st, ":hh");
	db_bind_id(st, ":v", in->vintage);
	return db_exec(st, NULL, e);
}

int store_geo_each(struct store *s, store_geo_fn *fn, void *ctx,
		   struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT code, name, ward_code, ward_name, la_code, la_name, force,"
		"  coalesce(population, -1), coalesce(households, -1),"
		"  coalesce(vintage, 0)"
		" FROM geo_lsoa ORDER BY code",
		e);
	int rc = DB_DONE, stop = 0;

	if (!st)
		return -1;
	while (!stop && (rc = db_step(st, e)) == DB_ROW) {
		struct geo_input g = {
			db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
			db_col_text(st, 3), db_col_text(st, 4), db_col_text(st, 5),
			db_col_text(st, 6), db_col_int(st, 7), db_col_int(st, 8),
			(int)db_col_int(st, 9),
		};

		stop = fn(ctx, &g, e);
	}
	db_done(st);
	return stop ? stop : rc == DB_ERROR ? -1 : 0;
}


/* The id of the peer group called name into *id, 0 if there is none. */
static int peer_group_id(struct store *s, const char *name, int64_t *id,
			 struct err *e)
{
	struct db_stmt *st =
		db_prepare(s->db, "SELECT id FROM peer_group WHERE name = :n", e);
	int rc;

	*id = 0;
	if (!st)
		return -1;
	db_bind_text(st, ":n", name);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		*id = db_col_int(st, 0);
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

int store_peer_group_set(struct store *s, const char *name, const char *note,
			 const char *const *members, size_t n, struct err *e)
{
	struct db_stmt *st;
	struct audit_snap snap = { 0 };
	int64_t id;

	if (text_check_line(name, "name", 100, true, e) < 0 ||
	    text_check_line(note, "note", 500, false, e) < 0)
		return -1;
	if (!n)
		return err_set(e, ERR_INVALID, "members",
			       "a peer group needs at least one member");
	if (store_begin(s, e) < 0)
		return -1;
	if (peer_group_id(s, name, &id, e) < 0 ||
	    audit_before(s, &snap, AUDIT_PEER_GROUP, id, e) < 0)
		goto fail;
	st = db_prepare(s->db,
			"INSERT INTO peer_group (name, note) VALUES (:n, :note)"
			" ON CONFLICT (name) DO UPDATE SET note = excluded.note"
			" RETURNING id",
			e);
	if (!st)
		goto fail;
	db_bind_text(st, ":n", name);
	db_bind_text(st, ":note", note);
	if (db_exec(st, &id, e) < 0)
		goto fail;
	st = db_prepare(s->db,
			"DELETE FROM peer_group_member WHERE group_id = :g", e);
	if (!st)
		goto fail;
	db_bind_int(st, ":g", id);
	if (db_exec(st, NULL, e) < 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		if (text_check_line(members[i], "members", 200, true, e) < 0)
			goto fail;
		st = db_prepare(s->db,
				"INSERT INTO peer_group_member (group_id, area, position)"
				" VALUES (:g, :a, :p)"
				" ON CONFLICT (group_id, area) DO NOTHING",
				e);
		if (!st)
			goto fail;
		db_bind_int(st, ":g", id);
		db_bind_text(st, ":a", members[i]);
		db_bind_int(st, ":p", (int64_t)i);
		if (db_exec(st, NULL, e) < 0)
			goto fail;
	}
	if (audit_after(s, &snap, id, e) < 0 || store_crime_touch(s, e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	audit_discard(&snap);
	store_rollback(s);
	return -1;
}

static int peer_group_delete(struct store *s, void *arg, struct err *e)
{
	const char *name = arg;
	struct audit_snap snap;
	struct db_stmt *st;
	int64_t id;

	if (peer_group_id(s, name, &id, e) < 0)
		return -1;
	if (!id)
		return err_set(e, ERR_NOT_FOUND, "name", "no peer group called '%s'",
			       name);
	if (audit_before(s, &snap, AUDIT_PEER_GROUP, id, e) < 0)
		return -1;
	st = db_prepare(s->db, "DELETE FROM peer_group WHERE id = :id", e);
	if (!st)
		goto fail;
	db_bind_int(st, ":id", id);
	if (db_exec(st, NULL, e) < 0)
		goto fail;
	if (audit_after(s, &snap, id, e) < 0)
		return -1;
	return store_crime_touch(s, e);
fail:
	audit_discard(&snap);
	return -1;
}

/* The group and the engines' generation change together. */
int store_peer_group_delete(struct store *s, const char *name, struct err *e)
{
	return in_transaction(s, peer_group_delete, (void *)(uintptr_t)name, e);
}

struct peer_group *store_peer_groups(struct store *s, struct arena *a,
				     size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT g.id, g.name, g.note, m.area FROM peer_group g"
		" LEFT JOIN peer_group_member m ON m.group_id = g.id"
		" ORDER BY g.name, g.id, m.position",
		e);
	struct peer_group *list = NULL, *cur = NULL;
	size_t cap = 0, mcap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (!cur || cur->id != db_col_int(st, 0)) {
			cur = VEC_PUSH(a, list, n, &cap);
			cur->id = db_col_int(st, 0);
			cur->name = col_str(a, st, 1);
			cur->note = col_str(a, st, 2);
			mcap = 0;
		}
		if (!db_col_null(st, 3))
			*VEC_PUSH(a, cur->members, &cur->n_members, &mcap) =
				col_str(a, st, 3);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}
