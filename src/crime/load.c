/*
 * load.c: building a crime engine from what the store keeps (see
 * crime.h): the dictionaries, the geography, the peer groups and every
 * batch of street-level crime.
 *
 * Nothing read from the store is trusted: the engine refuses ids out of
 * range and dictionaries with holes (crime_engine_batch and
 * crime_engine_finish), and a column that does not decode to its batch's
 * rows is refused here, each with a message naming what is inconsistent.
 */
#include "column.h"
#include "crime.h"
#include "engine.h"
#include "policeuk.h"
#include "store/store_crime.h"

_Static_assert((int)PU_STREET == (int)CRIME_STREET &&
		       (int)PU_OUTCOMES == (int)CRIME_OUTCOMES &&
		       (int)PU_STOP_SEARCH == (int)CRIME_STOP_SEARCH,
	       "police.uk kinds and stored kinds agree");

static const struct {
	enum ce_domain domain;
	const char *name;
} engine_domains[] = {
	{ CE_FORCE, "force" },
	{ CE_TYPE, "crime_type" },
	{ CE_OUTCOME, "outcome" },
	{ CE_LSOA, "lsoa" },
};

/* The forces' names by id, to name a batch in messages. */
struct force_names {
	struct arena *a;
	const char **v;
	uint32_t n;
};

struct dict_ctx {
	struct crime_engine *g;
	enum ce_domain d;
	struct force_names *forces; /* for CE_FORCE */
};

static int to_engine(void *ctx, uint32_t id, const char *value,
		     const char *extra, struct err *e)
{
	struct dict_ctx *c = ctx;
	struct force_names *f = c->forces;

	if (crime_engine_dict(c->g, c->d, id, value, extra, e) < 0)
		return -1;
	if (c->d == CE_FORCE && id >= f->n) {
		/* The engine has checked id against its limit. */
		const char **v = arena_array(f->a, id + 1, sizeof(*v));

		if (f->n)
			memcpy(v, f->v, f->n * sizeof(*v));
		f->v = v;
		f->n = id + 1;
	}
	if (c->d == CE_FORCE)
		f->v[id] = arena_strdup(f->a, value);
	return 0;
}

static int geo_to_engine(void *ctx, const struct geo_input *in, struct err *e)
{
	struct ce_geo geo = {
		in->code,     in->name,    in->ward_code,  in->ward_name,
		in->la_code,  in->la_name, in->force,      in->population,
		in->households,
	};

	return crime_engine_geography(ctx, &geo, e);
}

/* Say which batch a message is about: "batch 12: City of London Police,
 * 2020-03" (the force's id if it has no name). */
static void batch_name(const struct crime_batch *b, const struct force_names *f,
		       char *out, size_t size)
{
	char month[16];

	if (b->month >= CE_FIRST_MONTH && b->month <= CE_LAST_MONTH)
		pu_month_format(b->month, month);
	else
		snprintf(month, sizeof(month), "month %d", b->month);
	if (b->force_id >= 0 && b->force_id < f->n && f->v[b->force_id])
		snprintf(out, size, "batch %lld: %s, %s", (long long)b->id,
			 f->v[b->force_id], month);
	else
		snprintf(out, size, "batch %lld: force id %lld, %s",
			 (long long)b->id, (long long)b->force_id, month);
}

struct column_ctx {
	uint32_t *out;
	size_t n;
};

static int decode(void *ctx, const void *data, size_t len, struct err *e)
{
	struct column_ctx *c = ctx;

	UNUSED(e);
	return col_get_u32(data, len, c->out, c->n) < 0 ? 1 : 0;
}

/* Read a whole-number column of batch b into out[b->rows]. */
static int batch_column(struct store *s, const struct crime_batch *b,
			const char *name, uint32_t *out, struct err *e)
{
	struct column_ctx c = { out, (size_t)b->rows };
	int rc = store_crime_column(s, b->id, name, decode, &c, e);

	if (rc > 0)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: column '%s' does not hold "
			       "the batch's %lld rows",
			       name, (long long)b->rows);
	return rc;
}

static int load_batches(struct store *s, struct crime_engine *g,
			const struct force_names *forces, struct err *e)
{
	struct arena a = ARENA_INIT;
	size_t n, most = 0;
	struct crime_batch *list =
		store_crime_batches(s, &a, crime_kinds[CRIME_STREET], &n, e);
	uint32_t *type, *lsoa, *outcome;
	int rc = 0;

	if (!list) {
		arena_release(&a);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (list[i].rows < 0 || list[i].rows > CE_MAX_BATCH_ROWS ||
		    list[i].force_id < 0 || list[i].force_id > UINT32_MAX) {
			char what[300];

			batch_name(&list[i], forces, what, sizeof(what));
			if (list[i].rows < 0 || list[i].rows > CE_MAX_BATCH_ROWS)
				err_set(e, ERR_DB, NULL,
					"the store is damaged: a batch has %lld rows "
					"(%s)", (long long)list[i].rows, what);
			else
				err_set(e, ERR_DB, NULL,
					"the store is damaged: a batch has force id "
					"%lld (%s)", (long long)list[i].force_id, what);
			arena_release(&a);
			return -1;
		}
		if ((size_t)list[i].rows > most)
			most = (size_t)list[i].rows;
	}
	type = xmalloc((most + 1) * sizeof(*type));
	lsoa = xmalloc((most + 1) * sizeof(*lsoa));
	outcome = xmalloc((most + 1) * sizeof(*outcome));
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct crime_batch *b = &list[i];

		if (batch_column(s, b, "crime_type", type, e) < 0 ||
		    batch_column(s, b, "lsoa_code", lsoa, e) < 0 ||
		    batch_column(s, b, "outcome", outcome, e) < 0 ||
		    crime_engine_batch(g, (uint32_t)b->force_id, b->month,
				       (size_t)b->rows, type, lsoa, outcome, e) < 0)
			rc = -1;
		if (rc < 0 && e) {
			char what[300];

			batch_name(b, forces, what, sizeof(what));
			err_set(e, e->code, e->field, "%s (%s)", e->msg, what);
		}
	}
	free(type);
	free(lsoa);
	free(outcome);
	arena_release(&a);
	return rc;
}

static int load_peers(struct store *s, struct crime_engine *g, struct err *e)
{
	struct arena a = ARENA_INIT;
	size_t n;
	struct peer_group *p = store_peer_groups(s, &a, &n, e);

	if (!p) {
		arena_release(&a);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < p[i].n_members; k++)
			if (crime_engine_peer(g, p[i].name, p[i].members[k], e) < 0) {
				arena_release(&a);
				return -1;
			}
	arena_release(&a);
	return 0;
}

struct crime_engine *crime_load(struct store *s, struct err *e)
{
	struct crime_engine *g;
	struct arena a = ARENA_INIT;
	struct force_names forces = { &a, NULL, 0 };
	int rc = 0;

	if (store_read_begin(s, e) < 0)
		return NULL;
	g = crime_engine_new();

	for (size_t i = 0; i < ARRAY_SIZE(engine_domains) && rc == 0; i++) {
		struct dict_ctx c = { g, engine_domains[i].domain, &forces };

		rc = store_crime_dict_each(s, engine_domains[i].name, to_engine,
					   &c, e);
	}
	if (rc == 0)
		rc = store_geo_each(s, geo_to_engine, g, e);
	if (rc == 0)
		rc = load_peers(s, g, e);
	if (rc == 0)
		rc = load_batches(s, g, &forces, e);
	if (rc == 0)
		rc = crime_engine_finish(g, e);
	store_read_end(s);
	arena_release(&a);
	if (rc != 0) {
		crime_engine_free(g);
		return NULL;
	}
	return g;
}
