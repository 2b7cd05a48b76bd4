/*
 * store_crime.c: police.uk records as batches of column blobs, their
 * dictionaries, the geography and peer groups; and loading all of it
 * into a crime engine.
 */
#include <pthread.h>

#include "base/text.h"
#include "crime/column.h"
#include "crime/engine.h"
#include "crime/policeuk.h"
#include "store_int.h"

int64_t store_crime_generation(struct store *s)
{
	struct arena a = ARENA_INIT;
	const char *v = store_meta_get(s, &a, "crime_generation");
	int64_t g = 0;

	if (v)
		text_int64(v, 0, INT64_MAX, &g, NULL, NULL);
	arena_release(&a);
	return g;
}

int store_crime_touch(struct store *s, struct err *e)
{
	char v[32];

	snprintf(v, sizeof(v), "%lld", (long long)store_crime_generation(s) + 1);
	return store_meta_set(s, "crime_generation", v, e);
}

int store_crime_dict_each(struct store *s, const char *domain,
			  store_dict_fn *fn, void *ctx, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, value, extra FROM crime_dict WHERE domain = :d"
		" ORDER BY id",
		e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, ":d", domain);
	while ((rc = db_step(st, e)) == DB_ROW)
		fn(ctx, (uint32_t)db_col_int(st, 0), db_col_text(st, 1),
		   db_col_text(st, 2));
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
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
	return db_exec(st, NULL, e);
}

int store_crime_file_add(struct store *s, const char *name, int64_t bytes,
			 int64_t *id, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"INSERT INTO crime_file (name, bytes, imported_at)"
		" VALUES (:n, :b, :t) RETURNING id",
		e);
	char now[21];

	if (!st)
		return -1;
	text_now(now);
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
		" WHERE kind = :k AND force_id = :f AND month = :m",
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
		"  no_location, hash, is_generated)"
		" VALUES (:k, :f, :m, :file, :rows, :nl, :h, :g) RETURNING id",
		e);

	if (!st)
		return -1;
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

int store_crime_summary(struct store *s, struct crime_summary *out,
			struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT kind, count(*), coalesce(sum(rows), 0),"
		"  coalesce(sum(no_location), 0), min(month), max(month),"
		"  coalesce(sum(CASE WHEN is_generated THEN rows ELSE 0 END), 0)"
		" FROM crime_batch GROUP BY kind",
		e);
	int rc;

	memset(out, 0, sizeof(*out));
	out->first_month = out->last_month = -1;
	if (!st)
		return -1;
	while ((rc = db_step(st, e)) == DB_ROW) {
		const char *kind = db_col_text(st, 0);

		for (int k = 0; k < PU_KINDS; k++) {
			if (strcmp(kind, pu_schemas[k].name) != 0)
				continue;
			out->batches[k] = db_col_int(st, 1);
			out->rows[k] = db_col_int(st, 2);
			if (k == PU_STREET) {
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
			"SELECT (SELECT count(*) FROM crime_file),"
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

int store_peer_group_set(struct store *s, const char *name, const char *note,
			 const char *const *members, size_t n, struct err *e)
{
	struct db_stmt *st;
	int64_t id;

	if (text_check_line(name, "name", 100, true, e) < 0 ||
	    text_check_line(note, "note", 500, false, e) < 0)
		return -1;
	if (!n)
		return err_set(e, ERR_INVALID, "members",
			       "a peer group needs at least one member");
	if (store_begin(s, e) < 0)
		return -1;
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
	if (store_crime_touch(s, e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

static int peer_group_delete(struct store *s, void *arg, struct err *e)
{
	const char *name = arg;
	struct db_stmt *st =
		db_prepare(s->db, "DELETE FROM peer_group WHERE name = :n", e);

	if (!st)
		return -1;
	db_bind_text(st, ":n", name);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	if (db_changes(s->db) == 0)
		return err_set(e, ERR_NOT_FOUND, "name", "no peer group called '%s'",
			       name);
	return store_crime_touch(s, e);
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

/* ---------------------------------------------------------------------
 * Loading the engine
 */

static const struct {
	enum ce_domain domain;
	const char *name;
} engine_domains[] = {
	{ CE_FORCE, "force" },
	{ CE_TYPE, "crime_type" },
	{ CE_OUTCOME, "outcome" },
	{ CE_LSOA, "lsoa" },
};

struct dict_ctx {
	struct crime_engine *g;
	enum ce_domain d;
};

static void to_engine(void *ctx, uint32_t id, const char *value,
		      const char *extra)
{
	struct dict_ctx *c = ctx;

	crime_engine_dict(c->g, c->d, id, value, extra);
}

static int load_geography(struct store *s, struct crime_engine *g,
			  struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT code, name, ward_code, ward_name, la_code, la_name, force,"
		"  coalesce(population, -1), coalesce(households, -1)"
		" FROM geo_lsoa ORDER BY code",
		e);
	int rc;

	if (!st)
		return -1;
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct ce_geo geo = {
			db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
			db_col_text(st, 3), db_col_text(st, 4), db_col_text(st, 5),
			db_col_text(st, 6), db_col_int(st, 7), db_col_int(st, 8),
		};

		crime_engine_geography(g, &geo);
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

static int load_peers(struct store *s, struct crime_engine *g, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT g.name, m.area FROM peer_group g"
		" JOIN peer_group_member m ON m.group_id = g.id"
		" ORDER BY g.name, m.position",
		e);
	int rc;

	if (!st)
		return -1;
	while ((rc = db_step(st, e)) == DB_ROW)
		crime_engine_peer(g, db_col_text(st, 0), db_col_text(st, 1));
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

/* Read a whole-number column blob of a batch into out[n]. */
static int batch_column(struct store *s, int64_t batch, const char *name,
			uint32_t *out, size_t n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT data FROM crime_column WHERE batch_id = :b AND name = :n", e);
	int rc, bad = 0;

	if (!st)
		return -1;
	db_bind_int(st, ":b", batch);
	db_bind_text(st, ":n", name);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		size_t len;
		const void *p = db_col_blob(st, 0, &len);

		bad = col_get_u32(p, len, out, n);
	}
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	if (rc != DB_ROW || bad)
		return err_set(e, ERR_DB, NULL,
			       "batch %lld: column '%s' is missing or damaged",
			       (long long)batch, name);
	return 0;
}

static int load_batches(struct store *s, struct crime_engine *g,
			struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, force_id, month, rows FROM crime_batch"
		" WHERE kind = 'street' ORDER BY month, force_id",
		e);
	struct {
		int64_t id, force;
		int month;
		size_t rows;
	} *list = NULL;
	size_t n = 0, cap = 0, most = 0;
	uint32_t *type = NULL, *lsoa = NULL, *outcome = NULL;
	int rc;

	if (!st)
		return -1;
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			list = xrealloc(list, cap * sizeof(*list));
		}
		list[n].id = db_col_int(st, 0);
		list[n].force = db_col_int(st, 1);
		list[n].month = (int)db_col_int(st, 2);
		list[n].rows = (size_t)db_col_int(st, 3);
		if (list[n].rows > most)
			most = list[n].rows;
		n++;
	}
	db_done(st);
	if (rc == DB_ERROR) {
		free(list);
		return -1;
	}
	type = xmalloc((most + 1) * sizeof(*type));
	lsoa = xmalloc((most + 1) * sizeof(*lsoa));
	outcome = xmalloc((most + 1) * sizeof(*outcome));
	rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (batch_column(s, list[i].id, "crime_type", type, list[i].rows, e) < 0 ||
		    batch_column(s, list[i].id, "lsoa_code", lsoa, list[i].rows, e) < 0 ||
		    batch_column(s, list[i].id, "outcome", outcome, list[i].rows, e) < 0)
			rc = -1;
		else
			crime_engine_batch(g, (uint32_t)list[i].force, list[i].month,
					   list[i].rows, type, lsoa, outcome);
	}
	free(type);
	free(lsoa);
	free(outcome);
	free(list);
	return rc;
}

struct crime_engine *store_crime_load(struct store *s, struct err *e)
{
	struct crime_engine *g = crime_engine_new();
	bool txn = store_read_begin(s, NULL) == 0;
	int rc = 0;

	for (size_t i = 0; i < ARRAY_SIZE(engine_domains) && rc == 0; i++) {
		struct dict_ctx c = { g, engine_domains[i].domain };

		rc = store_crime_dict_each(s, engine_domains[i].name, to_engine, &c, e);
	}
	if (rc == 0)
		rc = load_geography(s, g, e);
	if (rc == 0)
		rc = load_peers(s, g, e);
	if (rc == 0)
		rc = load_batches(s, g, e);
	if (txn)
		store_read_end(s);
	if (rc < 0) {
		crime_engine_free(g);
		return NULL;
	}
	crime_engine_finish(g);
	return g;
}

/* ---------------------------------------------------------------------
 * The engine a server shares
 *
 * Threads share one engine per generation of the data.  A request that
 * finds the data newer than the current engine loads a new one (outside
 * the lock) and makes it current; engines still in use by other requests
 * are freed when the last of them lets go.
 */

struct shared {
	struct crime_engine *g;
	int64_t generation;
	int refs;
	bool current;
};

static pthread_mutex_t shared_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t shared_cv = PTHREAD_COND_INITIALIZER;
static struct shared shared_list[8];
static bool shared_loading;

struct crime_engine *store_crime_acquire(struct store *s, struct err *e)
{
	int64_t gen = store_crime_generation(s);
	struct crime_engine *g = NULL;
	struct shared *slot = NULL;

	pthread_mutex_lock(&shared_mu);
	for (;;) {
		for (size_t i = 0; i < ARRAY_SIZE(shared_list); i++)
			if (shared_list[i].current &&
			    shared_list[i].generation >= gen) {
				shared_list[i].refs++;
				g = shared_list[i].g;
				pthread_mutex_unlock(&shared_mu);
				return g;
			}
		if (!shared_loading)
			break;
		pthread_cond_wait(&shared_cv, &shared_mu);
	}
	shared_loading = true;
	pthread_mutex_unlock(&shared_mu);

	g = store_crime_load(s, e);

	pthread_mutex_lock(&shared_mu);
	shared_loading = false;
	pthread_cond_broadcast(&shared_cv);
	if (!g) {
		pthread_mutex_unlock(&shared_mu);
		return NULL;
	}
	for (size_t i = 0; i < ARRAY_SIZE(shared_list); i++) {
		struct shared *x = &shared_list[i];

		if (x->current) {
			x->current = false;
			if (!x->refs) {
				crime_engine_free(x->g);
				memset(x, 0, sizeof(*x));
			}
		}
	}
	for (size_t i = 0; i < ARRAY_SIZE(shared_list) && !slot; i++)
		if (!shared_list[i].g)
			slot = &shared_list[i];
	if (!slot) {
		/* Every slot holds an engine still in use: use ours alone. */
		pthread_mutex_unlock(&shared_mu);
		return g;
	}
	slot->g = g;
	slot->generation = gen;
	slot->refs = 1;
	slot->current = true;
	pthread_mutex_unlock(&shared_mu);
	return g;
}

void store_crime_release(struct crime_engine *g)
{
	pthread_mutex_lock(&shared_mu);
	for (size_t i = 0; i < ARRAY_SIZE(shared_list); i++) {
		struct shared *x = &shared_list[i];

		if (x->g != g)
			continue;
		if (--x->refs == 0 && !x->current) {
			crime_engine_free(x->g);
			memset(x, 0, sizeof(*x));
		}
		pthread_mutex_unlock(&shared_mu);
		return;
	}
	pthread_mutex_unlock(&shared_mu);
	crime_engine_free(g); /* one that was never shared */
}
