/*
 * engine.c: the in-memory crime engine (see engine.h).
 *
 * Layout.  Each batch (force, month) keeps its rows sorted by crime type,
 * as runs {type, start, end}, with two columns: lsoa[] and outcome[]
 * (dictionary ids).  Batches are sorted by month, so a period is a range
 * of batches.  Per LSOA id the engine knows its ward, district and
 * population (from the geography when there is one, else the district
 * from the LSOA's name: "Stockport 001A" is in Stockport).
 *
 * Counting walks the batches of the period and, for each wanted type's
 * run, the rows: a row is in the area if its LSOA is (or, for a force or
 * everywhere, if its batch's force is).  The group key is a mixed-radix
 * number of the dimensions; counts go to a dense array when the key space
 * is small and to a hash table otherwise.  When no dimension and no
 * filter needs the row itself (counts by month, type or force for a
 * force or everywhere), a run is added in one step.
 */
#include <strings.h>

#include "base/buf.h"
#include "base/text.h"
#include "engine.h"
#include "policeuk.h"

#define NONE UINT32_MAX

struct run {
	uint32_t type, start, end;
	uint32_t no_location; /* rows of the run with no LSOA (set by finish) */
};

struct batch {
	uint32_t force;
	int month;
	uint32_t n;
	uint32_t *lsoa;
	uint32_t *outcome;
	struct run *runs;
	uint32_t n_runs;
};

struct strs {
	const char **v;
	const char **extra;
	uint32_t n, cap;
};

struct place {
	const char *code; /* may be NULL */
	const char *name;
	int64_t population; /* -1 unknown */
	uint32_t parent;    /* a ward's district; a district's force */
	bool from_geography;
};

/* A string -> index table (open addressing; keys are arena strings). */
struct sindex {
	const char **keys;
	uint32_t *vals;
	uint32_t n_slots, used;
};

struct places {
	struct place *v;
	uint32_t n, cap;
	struct sindex by_code, by_name; /* names lower-cased */
};

struct peer {
	const char *name;
	const char **members;
	size_t n, cap;
};

struct crime_engine {
	struct arena arena;
	struct strs dict[CE_DOMAINS];
	struct ce_geo *geo;
	size_t n_geo, cap_geo;
	struct peer *peers;
	size_t n_peers, cap_peers;
	struct batch *batches;
	size_t n_batches, cap_batches;
	/* Derived by crime_engine_finish: */
	struct places districts, wards;
	uint32_t *lsoa_ward, *lsoa_district; /* per lsoa id; NONE if unknown */
	int64_t *lsoa_pop;                   /* -1 unknown */
	uint8_t *lsoa_located;               /* 0 for the blank LSOA */
	uint64_t *lsoa_forces;  /* per lsoa id: the forces with rows in it
				 * (bit f for force f < 64; bit 63 also
				 * stands for every force from 63 up) */
	size_t rows;
};

/* ---------------------------------------------------------------------
 * Building
 */

struct crime_engine *crime_engine_new(void)
{
	return xcalloc(1, sizeof(struct crime_engine));
}

void crime_engine_free(struct crime_engine *g)
{
	if (!g)
		return;
	free(g->batches);
	arena_release(&g->arena);
	free(g);
}

/* Limits on what a store may hold: far beyond real data (police.uk has
 * about 15 crime types, 20 outcomes, 45 forces, 42,000 LSOAs), so that a
 * damaged store cannot make the engine allocate without end. */
static const uint32_t dict_limit[CE_DOMAINS] = {
	[CE_FORCE] = 1024,
	[CE_TYPE] = CE_MAX_TYPES,
	[CE_OUTCOME] = 4096,
	[CE_LSOA] = 1u << 22,
};

static const char *const domain_names[CE_DOMAINS] = {
	[CE_FORCE] = "force", [CE_TYPE] = "crime type",
	[CE_OUTCOME] = "outcome", [CE_LSOA] = "LSOA",
};

int crime_engine_dict(struct crime_engine *g, enum ce_domain d, uint32_t id,
		      const char *s, const char *extra, struct err *e)
{
	struct strs *t = &g->dict[d];

	if (id >= dict_limit[d])
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: the %s dictionary has id "
			       "%u, beyond its limit of %u",
			       domain_names[d], id, dict_limit[d] - 1);
	if (!s)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: the %s dictionary has no "
			       "value for id %u", domain_names[d], id);
	if (id >= t->cap) {
		uint32_t cap = t->cap ? t->cap : 64;
		const char **v, **x;

		while (cap <= id)
			cap *= 2;
		v = arena_array(&g->arena, cap, sizeof(*v));
		x = arena_array(&g->arena, cap, sizeof(*x));
		if (t->n) {
			memcpy(v, t->v, t->n * sizeof(*v));
			memcpy(x, t->extra, t->n * sizeof(*x));
		}
		t->v = v;
		t->extra = x;
		t->cap = cap;
	}
	if (id < t->n && t->v[id])
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: the %s dictionary has id %u "
			       "twice ('%s' and '%s')",
			       domain_names[d], id, t->v[id], s);
	t->v[id] = arena_strdup(&g->arena, s);
	t->extra[id] = arena_strdup(&g->arena, extra);
	if (id >= t->n)
		t->n = id + 1;
	return 0;
}

int crime_engine_geography(struct crime_engine *g, const struct ce_geo *geo,
			   struct err *e)
{
	struct ce_geo *c;

	if (!geo->lsoa_code || !*geo->lsoa_code)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: an LSOA of the geography "
			       "has no code (its name is '%s')",
			       geo->lsoa_name ? geo->lsoa_name : "not given");

	if (g->n_geo == g->cap_geo) {
		size_t cap = g->cap_geo ? g->cap_geo * 2 : 1024;
		struct ce_geo *v = arena_array(&g->arena, cap, sizeof(*v));

		if (g->n_geo)
			memcpy(v, g->geo, g->n_geo * sizeof(*v));
		g->geo = v;
		g->cap_geo = cap;
	}
	c = &g->geo[g->n_geo++];
	c->lsoa_code = arena_strdup(&g->arena, geo->lsoa_code);
	c->lsoa_name = arena_strdup(&g->arena, geo->lsoa_name);
	c->ward_code = arena_strdup(&g->arena, geo->ward_code);
	c->ward_name = arena_strdup(&g->arena, geo->ward_name);
	c->la_code = arena_strdup(&g->arena, geo->la_code);
	c->la_name = arena_strdup(&g->arena, geo->la_name);
	c->force = arena_strdup(&g->arena, geo->force);
	c->population = geo->population;
	c->households = geo->households;
	return 0;
}

int crime_engine_peer(struct crime_engine *g, const char *group,
		      const char *member, struct err *e)
{
	struct peer *p = NULL;

	if (!group)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: a peer group has no name");
	if (!member)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: a member of peer group '%s' "
			       "has no name", group);

	for (size_t i = 0; i < g->n_peers; i++)
		if (strcmp(g->peers[i].name, group) == 0)
			p = &g->peers[i];
	if (!p) {
		if (g->n_peers == g->cap_peers) {
			size_t cap = g->cap_peers ? g->cap_peers * 2 : 8;
			struct peer *v = arena_array(&g->arena, cap, sizeof(*v));

			if (g->n_peers)
				memcpy(v, g->peers, g->n_peers * sizeof(*v));
			g->peers = v;
			g->cap_peers = cap;
		}
		p = &g->peers[g->n_peers++];
		p->name = arena_strdup(&g->arena, group);
	}
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		const char **v = arena_array(&g->arena, cap, sizeof(*v));

		if (p->n)
			memcpy(v, p->members, p->n * sizeof(*v));
		p->members = v;
		p->cap = cap;
	}
	p->members[p->n++] = arena_strdup(&g->arena, member);
	return 0;
}

/* Is every id of column v[0..n-1] below limit?  If not, say which row
 * and what, naming the dictionary. */
static int check_ids(const uint32_t *v, size_t n, uint32_t limit,
		     const char *what, struct err *e)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] >= limit)
			return err_set(e, ERR_DB, NULL,
				       "the store is damaged: row %zu has %s id "
				       "%u, but the %s dictionary has %u values",
				       i + 1, what, v[i], what, limit);
	return 0;
}

int crime_engine_batch(struct crime_engine *g, uint32_t force, int month,
		       size_t n, const uint32_t *type, const uint32_t *lsoa,
		       const uint32_t *outcome, struct err *e)
{
	struct batch *b;
	size_t runs = 0;

	if (force >= g->dict[CE_FORCE].n)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: a batch has force id %u, "
			       "but the force dictionary has %u values",
			       force, g->dict[CE_FORCE].n);
	if (month < CE_FIRST_MONTH || month > CE_LAST_MONTH)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: a batch has month %d, "
			       "outside the years 1900 to 2199", month);
	if (n > CE_MAX_BATCH_ROWS ||
	    check_ids(type, n, g->dict[CE_TYPE].n, "crime type", e) < 0 ||
	    check_ids(lsoa, n, g->dict[CE_LSOA].n, "LSOA", e) < 0 ||
	    check_ids(outcome, n, g->dict[CE_OUTCOME].n, "outcome", e) < 0)
		return n > CE_MAX_BATCH_ROWS ? err_set(e, ERR_DB, NULL,
						       "the store is damaged: a batch "
						       "has %zu rows", n)
				      : -1;
	if (g->n_batches == g->cap_batches) {
		size_t cap = g->cap_batches ? g->cap_batches * 2 : 256;

		g->batches = xrealloc(g->batches, cap * sizeof(*g->batches));
		g->cap_batches = cap;
	}
	b = &g->batches[g->n_batches++];
	b->force = force;
	b->month = month;
	b->n = (uint32_t)n;
	b->lsoa = arena_array(&g->arena, n ? n : 1, sizeof(*b->lsoa));
	b->outcome = arena_array(&g->arena, n ? n : 1, sizeof(*b->outcome));
	memcpy(b->lsoa, lsoa, n * sizeof(*lsoa));
	memcpy(b->outcome, outcome, n * sizeof(*outcome));
	for (size_t i = 0; i < n; i++)
		if (i == 0 || type[i] != type[i - 1])
			runs++;
	b->runs = arena_array(&g->arena, runs ? runs : 1, sizeof(*b->runs));
	b->n_runs = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || type[i] != type[i - 1]) {
			b->runs[b->n_runs].type = type[i];
			b->runs[b->n_runs].start = (uint32_t)i;
			b->n_runs++;
		}
		b->runs[b->n_runs - 1].end = (uint32_t)i + 1;
	}
	g->rows += n;
	return 0;
}

static uint64_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h ^ (h >> 31);
}

/* The index of key, or NONE. */
static uint32_t sindex_get(const struct sindex *x, const char *key)
{
	if (!x->n_slots)
		return NONE;
	for (uint32_t j = (uint32_t)str_hash(key) & (x->n_slots - 1); x->keys[j];
	     j = (j + 1) & (x->n_slots - 1))
		if (strcmp(x->keys[j], key) == 0)
			return x->vals[j];
	return NONE;
}

static void sindex_put(struct sindex *x, struct arena *a, const char *key,
		       uint32_t val)
{
	uint32_t j;

	if ((x->used + 1) * 2 > x->n_slots) {
		uint32_t n = x->n_slots ? x->n_slots * 2 : 256;
		const char **keys = arena_array(a, n, sizeof(*keys));
		uint32_t *vals = arena_array(a, n, sizeof(*vals));

		for (uint32_t i = 0; i < x->n_slots; i++) {
			if (!x->keys[i])
				continue;
			for (j = (uint32_t)str_hash(x->keys[i]) & (n - 1); keys[j];
			     j = (j + 1) & (n - 1))
				;
			keys[j] = x->keys[i];
			vals[j] = x->vals[i];
		}
		x->keys = keys;
		x->vals = vals;
		x->n_slots = n;
	}
	for (j = (uint32_t)str_hash(key) & (x->n_slots - 1); x->keys[j];
	     j = (j + 1) & (x->n_slots - 1))
		if (strcmp(x->keys[j], key) == 0)
			return; /* the first place with a name keeps it */
	x->keys[j] = arena_strdup(a, key);
	x->vals[j] = val;
	x->used++;
}

/* The key of an area name (text_add_area_key: "St. Helens" and "St
 * Helens" have one key), in the arena. */
static char *area_key(struct arena *a, const char *name)
{
	struct buf b = BUF_INIT;
	char *s;

	text_add_area_key(&b, name);
	s = arena_strdup(a, b.ptr);
	buf_release(&b);
	return s;
}

/* Find or add a place: by code when it has one, else by name (as
 * text_same_area compares names: "St Helens" from the geography and "St.
 * Helens" from police.uk's LSOA names are one district) among places
 * that have no code, or whose code is not known where the name came
 * from. */
static uint32_t place_of(struct crime_engine *g, struct places *p,
			 const char *code, const char *name, bool geography)
{
	struct place *c;
	uint32_t i = code ? sindex_get(&p->by_code, code) : NONE;

	if (i == NONE && name) {
		struct buf key = BUF_INIT;

		text_add_area_key(&key, name);
		i = sindex_get(&p->by_name, key.ptr);
		buf_release(&key);
		if (i != NONE && code && p->v[i].code)
			i = NONE; /* another place with the same name */
	}
	if (i != NONE) {
		struct place *q = &p->v[i];

		if (code && !q->code) {
			q->code = arena_strdup(&g->arena, code);
			sindex_put(&p->by_code, &g->arena, code, i);
		}
		if (geography)
			q->from_geography = true;
		return i;
	}
	if (p->n == p->cap) {
		uint32_t cap = p->cap ? p->cap * 2 : 64;
		struct place *v = arena_array(&g->arena, cap, sizeof(*v));

		if (p->n)
			memcpy(v, p->v, p->n * sizeof(*v));
		p->v = v;
		p->cap = cap;
	}
	c = &p->v[p->n];
	c->code = arena_strdup(&g->arena, code);
	c->name = arena_strdup(&g->arena, name ? name : code);
	c->population = -1;
	c->parent = NONE;
	c->from_geography = geography;
	if (code)
		sindex_put(&p->by_code, &g->arena, code, p->n);
	sindex_put(&p->by_name, &g->arena, area_key(&g->arena, c->name), p->n);
	return p->n++;
}

/* The district part of an LSOA name: "Stockport 001A" -> "Stockport". */
static char *district_from_lsoa_name(struct arena *a, const char *name)
{
	const char *sp = name ? strrchr(name, ' ') : NULL;

	if (!sp || sp == name || strlen(sp + 1) != 4)
		return NULL;
	return arena_strndup(a, name, (size_t)(sp - name));
}

static uint64_t force_bit(uint32_t force)
{
	return (uint64_t)1 << (force < 63 ? force : 63);
}

static int cmp_batch(const void *x, const void *y)
{
	const struct batch *a = x, *b = y;

	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return a->force < b->force ? -1 : a->force > b->force;
}

/* A small open-addressing index of the geography by LSOA code. */
static size_t geo_find(const struct crime_engine *g, const uint32_t *index,
		       size_t slots, const char *code)
{
	uint64_t h = 1469598103934665603ull;

	for (const char *s = code; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	for (size_t j = (size_t)h & (slots - 1); index[j];
	     j = (j + 1) & (slots - 1))
		if (strcmp(g->geo[index[j] - 1].lsoa_code, code) == 0)
			return index[j] - 1;
	return SIZE_MAX;
}

int crime_engine_finish(struct crime_engine *g, struct err *e)
{
	size_t n_lsoa = g->dict[CE_LSOA].n, slots = 1024;
	uint32_t *index;

	/* Ids are dense: a value missing in the middle is a damaged store. */
	for (int d = 0; d < CE_DOMAINS; d++)
		for (uint32_t id = 0; id < g->dict[d].n; id++)
			if (!g->dict[d].v[id])
				return err_set(e, ERR_DB, NULL,
					       "the store is damaged: the %s "
					       "dictionary has no value for id %u",
					       domain_names[d], id);

	if (g->n_batches)
		qsort(g->batches, g->n_batches, sizeof(*g->batches), cmp_batch);
	/* Index the geography; every geography LSOA places its ward and
	 * district and adds its population to them. */
	while (slots < g->n_geo * 2)
		slots *= 2;
	index = xcalloc(slots, sizeof(*index));
	for (size_t i = 0; i < g->n_geo; i++) {
		const struct ce_geo *geo = &g->geo[i];
		uint64_t h = 1469598103934665603ull;
		size_t j;
		uint32_t d = NONE, w = NONE;

		for (const char *s = geo->lsoa_code; *s; s++)
			h = (h ^ (unsigned char)*s) * 1099511628211ull;
		for (j = (size_t)h & (slots - 1); index[j]; j = (j + 1) & (slots - 1))
			;
		index[j] = (uint32_t)i + 1;
		if (geo->la_code || geo->la_name)
			d = place_of(g, &g->districts, geo->la_code, geo->la_name, true);
		if (geo->ward_code || geo->ward_name) {
			w = place_of(g, &g->wards, geo->ward_code, geo->ward_name, true);
			g->wards.v[w].parent = d;
		}
		if (geo->population >= 0) {
			if (d != NONE)
				g->districts.v[d].population =
					(g->districts.v[d].population < 0 ? 0
					 : g->districts.v[d].population) + geo->population;
			if (w != NONE)
				g->wards.v[w].population =
					(g->wards.v[w].population < 0 ? 0
					 : g->wards.v[w].population) + geo->population;
		}
	}
	g->lsoa_ward = arena_array(&g->arena, n_lsoa + 1, sizeof(uint32_t));
	g->lsoa_district = arena_array(&g->arena, n_lsoa + 1, sizeof(uint32_t));
	g->lsoa_pop = arena_array(&g->arena, n_lsoa + 1, sizeof(int64_t));
	g->lsoa_located = arena_array(&g->arena, n_lsoa + 1, 1);
	for (size_t id = 0; id < n_lsoa; id++) {
		const char *code = g->dict[CE_LSOA].v[id];
		size_t k = code && *code ? geo_find(g, index, slots, code) : SIZE_MAX;

		g->lsoa_ward[id] = g->lsoa_district[id] = NONE;
		g->lsoa_pop[id] = -1;
		g->lsoa_located[id] = code && *code;
		if (!g->lsoa_located[id])
			continue;
		if (k != SIZE_MAX) {
			const struct ce_geo *geo = &g->geo[k];

			if (geo->la_code || geo->la_name)
				g->lsoa_district[id] = place_of(g, &g->districts,
								geo->la_code,
								geo->la_name, true);
			if (geo->ward_code || geo->ward_name)
				g->lsoa_ward[id] = place_of(g, &g->wards, geo->ward_code,
							    geo->ward_name, true);
			g->lsoa_pop[id] = geo->population;
		} else {
			char *d = district_from_lsoa_name(&g->arena,
							  g->dict[CE_LSOA].extra[id]);

			if (d)
				g->lsoa_district[id] =
					place_of(g, &g->districts, NULL, d, false);
		}
	}
	free(index);
	for (size_t b = 0; b < g->n_batches; b++)
		for (uint32_t r = 0; r < g->batches[b].n_runs; r++) {
			struct run *run = &g->batches[b].runs[r];

			run->no_location = 0;
			for (uint32_t i = run->start; i < run->end; i++)
				run->no_location +=
					!g->lsoa_located[g->batches[b].lsoa[i]];
		}
	/* Which forces have rows in each LSOA (so that a question about a
	 * district reads only those forces' batches), and each district's
	 * force: the force of the first row found in it. */
	g->lsoa_forces = arena_array(&g->arena, n_lsoa + 1, sizeof(uint64_t));
	for (size_t b = 0; b < g->n_batches; b++) {
		uint64_t bit = force_bit(g->batches[b].force);

		for (uint32_t i = 0; i < g->batches[b].n; i++) {
			uint32_t l = g->batches[b].lsoa[i];
			uint32_t d = g->lsoa_district[l];

			g->lsoa_forces[l] |= bit;
			if (d != NONE && g->districts.v[d].parent == NONE)
				g->districts.v[d].parent = g->batches[b].force;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------------
 * Names
 */

static const char *const dim_names[CE_DIMS] = {
	"month", "type", "outcome", "lsoa", "ward", "district", "force",
};

const char *ce_dim_name(enum ce_dim d)
{
	return dim_names[d];
}

int ce_dim_parse(const char *s, enum ce_dim *out)
{
	for (int i = 0; i < CE_DIMS; i++)
		if (strcmp(s, dim_names[i]) == 0) {
			*out = (enum ce_dim)i;
			return 0;
		}
	return -1;
}

int64_t ce_type_find(const struct crime_engine *g, const char *name,
		     struct err *e)
{
	const struct strs *t = &g->dict[CE_TYPE];
	struct buf known = BUF_INIT;

	for (uint32_t i = 0; i < t->n; i++)
		if (t->v[i] && strcasecmp(t->v[i], name) == 0)
			return i;
	for (uint32_t i = 0; i < t->n; i++)
		if (t->v[i] && *t->v[i])
			buf_printf(&known, "%s%s", known.len ? ", " : "", t->v[i]);
	err_set(e, ERR_INVALID, "type", "no crime type '%s'; the types are: %s",
		name, known.len ? known.ptr : "(no crime data loaded)");
	buf_release(&known);
	return -1;
}

void ce_label(const struct crime_engine *g, enum ce_dim d, uint32_t key,
	      char month_buf[8], const char **code, const char **name)
{
	*code = *name = NULL;
	switch (d) {
	case CE_MONTH:
		pu_month_format((int)key, month_buf);
		*code = *name = month_buf;
		return;
	case CE_TYPE_DIM:
		if (key < g->dict[CE_TYPE].n)
			*name = g->dict[CE_TYPE].v[key];
		return;
	case CE_OUTCOME_DIM:
		if (key < g->dict[CE_OUTCOME].n)
			*name = g->dict[CE_OUTCOME].v[key];
		if (*name && !**name)
			*name = "No outcome recorded";
		return;
	case CE_LSOA_DIM:
		if (key < g->dict[CE_LSOA].n && g->lsoa_located[key]) {
			*code = g->dict[CE_LSOA].v[key];
			*name = g->dict[CE_LSOA].extra[key];
		}
		return;
	case CE_WARD:
		if (key < g->wards.n) {
			*code = g->wards.v[key].code;
			*name = g->wards.v[key].name;
		}
		return;
	case CE_DISTRICT:
		if (key < g->districts.n) {
			*code = g->districts.v[key].code;
			*name = g->districts.v[key].name;
		}
		return;
	case CE_FORCE_DIM:
		if (key < g->dict[CE_FORCE].n)
			*name = g->dict[CE_FORCE].v[key];
		return;
	case CE_DIMS:
		break;
	}
}

int64_t ce_population(const struct crime_engine *g, enum ce_dim d,
		      uint32_t key)
{
	if (d == CE_LSOA_DIM && key < g->dict[CE_LSOA].n)
		return g->lsoa_pop[key];
	if (d == CE_WARD && key < g->wards.n)
		return g->wards.v[key].population;
	if (d == CE_DISTRICT && key < g->districts.n)
		return g->districts.v[key].population;
	return -1;
}

void ce_stats(const struct crime_engine *g, struct ce_stats *out)
{
	memset(out, 0, sizeof(*out));
	out->rows = g->rows;
	out->batches = g->n_batches;
	out->forces = g->dict[CE_FORCE].n;
	out->lsoas = g->dict[CE_LSOA].n;
	out->districts = g->districts.n;
	out->wards = g->wards.n;
	out->types = g->dict[CE_TYPE].n;
	out->first_month = g->n_batches ? g->batches[0].month : -1;
	out->last_month = g->n_batches ? g->batches[g->n_batches - 1].month : -1;
	out->have_geography = g->n_geo > 0;
}

static const char *nth(const struct strs *t, size_t i)
{
	/* Skip the blank value, which is not a name. */
	for (uint32_t k = 0; k < t->n; k++) {
		if (!t->v[k] || !*t->v[k])
			continue;
		if (i-- == 0)
			return t->v[k];
	}
	return NULL;
}

const char *ce_force_name(const struct crime_engine *g, size_t i)
{
	return nth(&g->dict[CE_FORCE], i);
}

const char *ce_type_name(const struct crime_engine *g, size_t i)
{
	return nth(&g->dict[CE_TYPE], i);
}

const char *ce_district_name(const struct crime_engine *g, size_t i)
{
	return i < g->districts.n ? g->districts.v[i].name : NULL;
}

const char *ce_peer_name(const struct crime_engine *g, size_t i)
{
	return i < g->n_peers ? g->peers[i].name : NULL;
}

/* ---------------------------------------------------------------------
 * Areas
 */

static void area_all(struct ce_area *out)
{
	memset(out, 0, sizeof(*out));
	out->kind = CE_AREA_ALL;
	out->name = "England and Wales";
	out->population = -1;
}

/* Mark the LSOAs whose district (or ward) is k, and note in *forces the
 * forces with rows in them. */
static uint8_t *lsoas_of(const struct crime_engine *g, struct arena *a,
			 const uint32_t *map, uint32_t k, uint64_t *forces)
{
	size_t n = g->dict[CE_LSOA].n;
	uint8_t *in = arena_alloc(a, n + 1);

	for (size_t i = 0; i < n; i++)
		if ((in[i] = map[i] == k))
			*forces |= g->lsoa_forces[i];
	return in;
}

int ce_place_find(const struct crime_engine *g, struct arena *a,
		  const char *name, struct ce_area *out, struct err *e)
{
	const struct strs *forces = &g->dict[CE_FORCE];
	uint32_t ward_hits[8];
	size_t n_ward_hits = 0;

	memset(out, 0, sizeof(*out));
	out->population = -1;
	for (uint32_t i = 0; i < forces->n; i++) {
		if (!forces->v[i] || !text_same_area(forces->v[i], name))
			continue;
		out->kind = CE_AREA_FORCE;
		out->name = forces->v[i];
		out->force_in = arena_alloc(a, forces->n + 1);
		out->force_in[i] = 1;
		return 0;
	}
	for (uint32_t i = 0; i < g->districts.n; i++) {
		const struct place *d = &g->districts.v[i];

		if (!text_same_area(d->name, name) &&
		    !(d->code && strcasecmp(d->code, name) == 0))
			continue;
		out->kind = CE_AREA_DISTRICT;
		out->name = d->name;
		out->code = d->code;
		out->population = d->population;
		out->lsoa_in = lsoas_of(g, a, g->lsoa_district, i, &out->batch_forces);
		return 0;
	}
	for (uint32_t i = 0; i < g->wards.n; i++) {
		const struct place *w = &g->wards.v[i];

		if (w->code && strcasecmp(w->code, name) == 0) {
			n_ward_hits = 1;
			ward_hits[0] = i;
			break;
		}
		if (text_same_area(w->name, name) &&
		    n_ward_hits < ARRAY_SIZE(ward_hits))
			ward_hits[n_ward_hits++] = i;
	}
	if (n_ward_hits == 1) {
		const struct place *w = &g->wards.v[ward_hits[0]];

		out->kind = CE_AREA_WARD;
		out->name = w->name;
		out->code = w->code;
		out->population = w->population;
		out->lsoa_in = lsoas_of(g, a, g->lsoa_ward, ward_hits[0],
					&out->batch_forces);
		return 0;
	}
	if (n_ward_hits > 1) {
		struct buf b = BUF_INIT;

		for (size_t i = 0; i < n_ward_hits; i++) {
			const struct place *w = &g->wards.v[ward_hits[i]];
			uint32_t d = w->parent;

			buf_printf(&b, "%s%s (%s)", i ? ", " : "",
				   w->code ? w->code : w->name,
				   d != NONE ? g->districts.v[d].name : "?");
		}
		err_set(e, ERR_INVALID, "area",
			"there are %zu wards called '%s': %s; give the ward's code",
			n_ward_hits, name, b.ptr);
		buf_release(&b);
		return -1;
	}
	for (uint32_t i = 0; i < g->dict[CE_LSOA].n; i++) {
		const char *code = g->dict[CE_LSOA].v[i];
		const char *lname = g->dict[CE_LSOA].extra[i];

		if (!g->lsoa_located[i] ||
		    (strcasecmp(code, name) != 0 && !text_same_area(lname, name)))
			continue;
		out->kind = CE_AREA_LSOA;
		out->name = lname ? lname : code;
		out->code = code;
		out->population = g->lsoa_pop[i];
		out->lsoa_in = arena_alloc(a, g->dict[CE_LSOA].n + 1);
		out->lsoa_in[i] = 1;
		out->batch_forces = g->lsoa_forces[i];
		return 0;
	}
	return err_set(e, ERR_NOT_FOUND, "area",
		       "no area called '%s': an area is a force, a district "
		       "(local authority), a ward, an LSOA or a peer group",
		       name);
}

int ce_area_find(const struct crime_engine *g, struct arena *a,
		 const char *name, struct ce_area *out, struct err *e)
{
	if (!name || !*name || text_same_area(name, "England and Wales") ||
	    strcasecmp(name, "all") == 0) {
		area_all(out);
		return 0;
	}
	for (size_t i = 0; i < g->n_peers; i++) {
		const struct peer *p = &g->peers[i];
		size_t n_lsoa = g->dict[CE_LSOA].n, n_force = g->dict[CE_FORCE].n;
		bool pop_known = true;

		if (!text_same_area(p->name, name))
			continue;
		memset(out, 0, sizeof(*out));
		out->kind = CE_AREA_PEER;
		out->name = p->name;
		out->population = 0;
		out->n_members = p->n;
		out->lsoa_in = arena_alloc(a, n_lsoa + 1);
		for (size_t m = 0; m < p->n; m++) {
			struct ce_area one;

			if (ce_place_find(g, a, p->members[m], &one, e) < 0)
				return err_set(e, e ? e->code : ERR_INVALID, "area",
					       "peer group '%s': member '%s': %s",
					       p->name, p->members[m],
					       e ? e->msg : "not found");
			if (one.kind == CE_AREA_FORCE) {
				if (!out->force_in)
					out->force_in = arena_alloc(a, n_force + 1);
				for (size_t f = 0; f < n_force; f++)
					if (one.force_in[f]) {
						out->force_in[f] = 1;
						out->batch_forces |= force_bit((uint32_t)f);
					}
				pop_known = false;
			} else {
				out->batch_forces |= one.batch_forces;
				for (size_t l = 0; l < n_lsoa; l++)
					out->lsoa_in[l] |= one.lsoa_in[l];
				if (one.population < 0)
					pop_known = false;
				else
					out->population += one.population;
			}
		}
		if (!pop_known)
			out->population = -1;
		return 0;
	}
	return ce_place_find(g, a, name, out, e);
}

/* ---------------------------------------------------------------------
 * Counting
 */

struct counter {
	/* Dense: counts[key]; or a hash table of (key + 1, count). */
	int64_t *dense;
	uint64_t *keys;
	int64_t *counts;
	size_t slots, used;
};

static void counter_add(struct counter *c, uint64_t key, int64_t by)
{
	size_t j;

	if (c->dense) {
		c->dense[key] += by;
		return;
	}
	if ((c->used + 1) * 2 > c->slots) {
		size_t slots = c->slots * 2;
		uint64_t *keys = xcalloc(slots, sizeof(*keys));
		int64_t *counts = xcalloc(slots, sizeof(*counts));

		for (size_t i = 0; i < c->slots; i++) {
			if (!c->keys[i])
				continue;
			for (j = (size_t)(c->keys[i] * 0x9E3779B97F4A7C15ull >> 20) &
				 (slots - 1);
			     keys[j]; j = (j + 1) & (slots - 1))
				;
			keys[j] = c->keys[i];
			counts[j] = c->counts[i];
		}
		free(c->keys);
		free(c->counts);
		c->keys = keys;
		c->counts = counts;
		c->slots = slots;
	}
	key++;
	for (j = (size_t)(key * 0x9E3779B97F4A7C15ull >> 20) & (c->slots - 1);
	     c->keys[j] && c->keys[j] != key; j = (j + 1) & (c->slots - 1))
		;
	if (!c->keys[j]) {
		c->keys[j] = key;
		c->used++;
	}
	c->counts[j] += by;
}

static int cmp_rows(const void *x, const void *y)
{
	const struct ce_row *a = x, *b = y;

	for (int i = 0; i < 4; i++)
		if (a->key[i] != b->key[i])
			return a->key[i] < b->key[i] ? -1 : 1;
	return 0;
}

int ce_count(const struct crime_engine *g, struct arena *a,
	     const struct ce_query *q, struct ce_result *out, struct err *e)
{
	uint64_t radix[4], space = 1;
	bool per_row = false, want_type[CE_MAX_TYPES] = { false };
	const struct ce_area *area = q->area;
	bool by_lsoa_filter = area && area->lsoa_in;
	bool by_force_filter = area && !area->lsoa_in && area->force_in;
	struct counter c = { 0 };
	size_t lo = 0, hi = g->n_batches;

	memset(out, 0, sizeof(*out));
	if (q->from < CE_FIRST_MONTH || q->to > CE_LAST_MONTH)
		return err_set(e, ERR_INVALID, q->from < CE_FIRST_MONTH ? "from" : "to",
			       "the period must lie within the years 1900 to 2199");
	if (q->from > q->to)
		return err_set(e, ERR_INVALID, "from",
			       "the period must not end before it starts");
	if (q->n_by > 4)
		return err_set(e, ERR_INVALID, "by", "at most four dimensions");
	for (size_t i = 0; i < q->n_by; i++) {
		for (size_t k = 0; k < i; k++)
			if (q->by[k] == q->by[i])
				return err_set(e, ERR_INVALID, "by",
					       "'%s' is given twice",
					       ce_dim_name(q->by[i]));
		switch (q->by[i]) {
		case CE_MONTH: radix[i] = (uint64_t)(q->to - q->from + 1); break;
		case CE_TYPE_DIM: radix[i] = g->dict[CE_TYPE].n + 1; break;
		case CE_OUTCOME_DIM: radix[i] = g->dict[CE_OUTCOME].n + 1;
			per_row = true; break;
		case CE_LSOA_DIM: radix[i] = g->dict[CE_LSOA].n + 1;
			per_row = true; break;
		case CE_WARD: radix[i] = g->wards.n + 1; per_row = true; break;
		case CE_DISTRICT: radix[i] = g->districts.n + 1;
			per_row = true; break;
		case CE_FORCE_DIM: radix[i] = g->dict[CE_FORCE].n + 1; break;
		default: return err_set(e, ERR_INVALID, "by", "unknown dimension");
		}
		space *= radix[i];
	}
	for (size_t i = 0; i < q->n_types; i++)
		if (q->types[i] < ARRAY_SIZE(want_type))
			want_type[q->types[i]] = true;
	if (by_lsoa_filter)
		per_row = true;
	if (space <= (1u << 16)) {
		c.dense = xcalloc(space, sizeof(*c.dense));
	} else {
		c.slots = 1024;
		c.keys = xcalloc(c.slots, sizeof(*c.keys));
		c.counts = xcalloc(c.slots, sizeof(*c.counts));
	}
	/* Batches of the period: binary search for the first month. */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (g->batches[mid].month < q->from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t bi = lo; bi < g->n_batches && g->batches[bi].month <= q->to;
	     bi++) {
		const struct batch *b = &g->batches[bi];

		if (by_force_filter && !area->force_in[b->force])
			continue;
		if (by_lsoa_filter && !(area->batch_forces & force_bit(b->force)))
			continue;
		for (uint32_t r = 0; r < b->n_runs; r++) {
			const struct run *run = &b->runs[r];
			uint64_t base = 0;

			if (q->n_types && (run->type >= ARRAY_SIZE(want_type) ||
					   !want_type[run->type]))
				continue;
			/* The part of the key fixed for the whole run. */
			for (size_t i = 0; i < q->n_by; i++) {
				uint64_t k = 0;

				if (q->by[i] == CE_MONTH)
					k = (uint64_t)(b->month - q->from);
				else if (q->by[i] == CE_TYPE_DIM)
					k = run->type;
				else if (q->by[i] == CE_FORCE_DIM)
					k = b->force;
				base = base * radix[i] + k;
			}
			if (!per_row) {
				/* Whole run at once, counting its rows with no
				 * location for the record. */
				counter_add(&c, base, run->end - run->start);
				out->total += run->end - run->start;
				out->no_location += run->no_location;
				continue;
			}
			for (uint32_t j = run->start; j < run->end; j++) {
				uint32_t l = b->lsoa[j];
				uint64_t key = 0;

				/* In the area: by its LSOA, or by its force for
				 * a peer group that has whole forces. */
				if (by_lsoa_filter && !area->lsoa_in[l] &&
				    !(area->force_in && area->force_in[b->force]))
					continue;
				for (size_t i = 0; i < q->n_by; i++) {
					uint64_t k;

					switch (q->by[i]) {
					case CE_MONTH: k = (uint64_t)(b->month - q->from); break;
					case CE_TYPE_DIM: k = run->type; break;
					case CE_FORCE_DIM: k = b->force; break;
					case CE_OUTCOME_DIM: k = b->outcome[j]; break;
					case CE_LSOA_DIM:
						k = g->lsoa_located[l] ? l : radix[i] - 1;
						break;
					case CE_WARD:
						k = g->lsoa_ward[l] == NONE ? radix[i] - 1
									    : g->lsoa_ward[l];
						break;
					case CE_DISTRICT:
						k = g->lsoa_district[l] == NONE
							    ? radix[i] - 1
							    : g->lsoa_district[l];
						break;
					default: k = 0;
					}
					key = key * radix[i] + k;
				}
				UNUSED(base);
				counter_add(&c, key, 1);
				out->total++;
				out->no_location += !g->lsoa_located[l];
			}
		}
	}
	/* Unpack the keys into rows. */
	{
		size_t cap = c.dense ? 0 : c.used, n = 0;
		struct ce_row *rows;

		if (c.dense)
			for (uint64_t k = 0; k < space; k++)
				cap += c.dense[k] != 0;
		rows = arena_array(a, cap ? cap : 1, sizeof(*rows));
		for (uint64_t k = 0, i = 0; c.dense ? k < space : i < c.slots;
		     c.dense ? k++ : i++) {
			uint64_t key;
			int64_t count;

			if (c.dense) {
				if (!c.dense[k])
					continue;
				key = k;
				count = c.dense[k];
			} else {
				if (!c.keys[i])
					continue;
				key = c.keys[i] - 1;
				count = c.counts[i];
			}
			for (size_t d = q->n_by; d-- > 0;) {
				uint64_t part = key % radix[d];

				key /= radix[d];
				rows[n].key[d] = q->by[d] == CE_MONTH
						 ? (uint32_t)(q->from + (int)part)
						 : (uint32_t)part;
				/* The last value of each radix is "unknown". */
				if (q->by[d] != CE_MONTH && part == radix[d] - 1)
					rows[n].key[d] = UINT32_MAX;
			}
			rows[n++].count = count;
		}
		/* Dense keys come out in order already. */
		if (!c.dense)
			qsort(rows, n, sizeof(*rows), cmp_rows);
		out->rows = rows;
		out->n_rows = n;
	}
	free(c.dense);
	free(c.keys);
	free(c.counts);
	return 0;
}
