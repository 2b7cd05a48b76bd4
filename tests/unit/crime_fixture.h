/*
 * crime_fixture.h: a small crime engine built by hand for test_engine.c
 * and test_answer.c, with everything the tests need to count its rows
 * again independently.
 *
 * The fixture is two police forces over 16 months (2019-11 to 2021-02),
 * a third force with no rows, four crime types, four outcomes and nine
 * LSOAs: rows with no location; LSOAs in the geography with their ward,
 * district and population; LSOAs outside it, whose district the engine
 * takes from police.uk's LSOA name ("St. Helens 001A", where the
 * geography spells the district "St Helens"); two wards called
 * "Central"; a ward-less Welsh LSOA; geography LSOAs with no crime; a
 * force-month with no file (Beta Police, 2020-07); rows of one force in
 * the other's LSOA.  The rows are made by a fixed pseudo-random sequence
 * and kept in fx.rows, so that a test counts them with plain loops over
 * this file's own tables, never through the engine.
 *
 * Everything here is static inline, so that each test file uses what it
 * needs.  fx_build() makes the engine (free it with crime_engine_free).
 */
#ifndef SAFER_CRIME_FIXTURE_H
#define SAFER_CRIME_FIXTURE_H

#include "crime/engine.h"

#define FX_MONTH(y, m) ((y) * 12 + (m) - 1)
#define FX_FIRST FX_MONTH(2019, 11)
#define FX_LAST FX_MONTH(2021, 2)
#define FX_GAP FX_MONTH(2020, 7)  /* Beta Police has no file for it */
#define FX_MAX_ROWS 4000

static const char *const fx_forces[] = { "Alpha Police", "Beta Police",
					 "Gamma Police" };
static const char *const fx_types[] = { "Anti-social behaviour", "Burglary",
					"Robbery", "Vehicle crime" };
static const char *const fx_outcomes[] = { "", "Under investigation",
					   "Unable to prosecute suspect",
					   "Offender given a caution" };

/* An LSOA of the dictionary (id = index), with what the geography says
 * of it (in_geo), and what the tests expect the engine to make of it. */
struct fx_lsoa {
	const char *code, *name;
	bool in_geo;
	const char *ward_code, *ward_name, *la_code, *la_name;
	int64_t population;
	/* expected: */
	const char *district; /* its district's name, NULL for none */
	const char *ward;     /* its ward's code, NULL for none */
};

static const struct fx_lsoa fx_lsoas[] = {
	{ "", NULL, false, NULL, NULL, NULL, NULL, -1, NULL, NULL },
	{ "E01000001", "Northtown 001A", true, "E05000001", "Central",
	  "E08000001", "Northtown", 1500, "Northtown", "E05000001" },
	{ "E01000002", "Northtown 001B", true, "E05000002", "Riverside",
	  "E08000001", "Northtown", 1600, "Northtown", "E05000002" },
	{ "E01000003", "Northtown 002A", true, "E05000001", "Central",
	  "E08000001", "Northtown", 1400, "Northtown", "E05000001" },
	{ "E01000004", "Southville 001A", true, "E05000003", "Central",
	  "E08000002", "Southville", 2000, "Southville", "E05000003" },
	{ "E01000005", "Southville 001B", true, "E05000004", "Hillside",
	  "E08000002", "Southville", 900, "Southville", "E05000004" },
	{ "E01000006", "St. Helens 001A", false, NULL, NULL, NULL, NULL, -1,
	  "St Helens", NULL },
	{ "E01000007", "St. Helens 002A", false, NULL, NULL, NULL, NULL, -1,
	  "St Helens", NULL },
	{ "W01000001", "Wrexham 001A", true, NULL, NULL, "W06000006",
	  "Wrexham", 1000, "Wrexham", NULL },
};
#define FX_NO_LOCATION 0

/* Geography LSOAs with no crime rows: they still make their ward and
 * district and add to their populations. */
static const struct ce_geo fx_geo_only[] = {
	{ "E01000099", "Northtown 003A", "E05000002", "Riverside", "E08000001",
	  "Northtown", "Northshire", 1200, 500 },
	{ "E01000098", "St Helens 003A", "E05000005", "Town Centre", "E08000013",
	  "St Helens", "Beta", 800, -1 },
};

/* The LSOAs each force's rows fall in (Alpha's rows in Southville 001A
 * are shared with Beta). */
static const uint32_t fx_alpha_lsoas[] = { 0, 1, 2, 3, 4, 5, 1, 2, 3, 4 };
static const uint32_t fx_beta_lsoas[] = { 0, 6, 7, 8, 4, 6, 8 };

struct fx_row {
	uint32_t force;
	int month;
	uint32_t type, lsoa, outcome;
};

struct fx {
	struct crime_engine *g;
	struct fx_row rows[FX_MAX_ROWS];
	size_t n;
	size_t batches;
};

static inline uint32_t fx_random(uint64_t *state)
{
	*state = *state * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(*state >> 33);
}

/* Peer groups: name and members, as people type them. */
static const char *const fx_peers[][4] = {
	{ "Pair", "Northtown", "southville", NULL },
	{ "Mixed", "Beta Police", "E05000001", NULL },
	{ "Saints", "St Helens", "W01000001", NULL },
	{ "Broken", "Northtown", "Atlantis", NULL },
};

/* Build the fixture's engine; every step must succeed. */
static inline void fx_build(struct fx *f)
{
	struct err e = ERR_INIT;
	uint64_t seed = 20240917;

	memset(f, 0, sizeof(*f));
	f->g = crime_engine_new();
	for (uint32_t i = 0; i < ARRAY_SIZE(fx_forces); i++)
		assert_int_equal(crime_engine_dict(f->g, CE_FORCE, i, fx_forces[i],
						   NULL, &e), 0);
	for (uint32_t i = 0; i < ARRAY_SIZE(fx_types); i++)
		assert_int_equal(crime_engine_dict(f->g, CE_TYPE, i, fx_types[i],
						   NULL, &e), 0);
	for (uint32_t i = 0; i < ARRAY_SIZE(fx_outcomes); i++)
		assert_int_equal(crime_engine_dict(f->g, CE_OUTCOME, i,
						   fx_outcomes[i], NULL, &e), 0);
	/* Out of order on purpose: ids, not arrival, place the values. */
	for (uint32_t k = ARRAY_SIZE(fx_lsoas); k-- > 0;)
		assert_int_equal(crime_engine_dict(f->g, CE_LSOA, k, fx_lsoas[k].code,
						   fx_lsoas[k].name, &e), 0);
	for (size_t i = 0; i < ARRAY_SIZE(fx_lsoas); i++) {
		const struct fx_lsoa *l = &fx_lsoas[i];
		struct ce_geo geo = { l->code, l->name, l->ward_code, l->ward_name,
				      l->la_code, l->la_name, NULL, l->population, -1 };

		if (l->in_geo)
			assert_int_equal(crime_engine_geography(f->g, &geo, &e), 0);
	}
	for (size_t i = 0; i < ARRAY_SIZE(fx_geo_only); i++)
		assert_int_equal(crime_engine_geography(f->g, &fx_geo_only[i], &e), 0);
	for (size_t i = 0; i < ARRAY_SIZE(fx_peers); i++)
		for (size_t k = 1; k < 4 && fx_peers[i][k]; k++)
			assert_int_equal(crime_engine_peer(f->g, fx_peers[i][0],
							   fx_peers[i][k], &e), 0);

	/* Batches, newest first (the engine sorts them by month). */
	for (int month = FX_LAST; month >= FX_FIRST; month--) {
		for (uint32_t force = 0; force < 2; force++) {
			uint32_t type[64], lsoa[64], outcome[64];
			uint32_t rt[64], rl[64], ro[64];
			size_t n = 8 + fx_random(&seed) % 40, k = 0, start = f->n;
			const uint32_t *pool = force ? fx_beta_lsoas : fx_alpha_lsoas;
			size_t pool_n = force ? ARRAY_SIZE(fx_beta_lsoas)
					      : ARRAY_SIZE(fx_alpha_lsoas);

			if (force == 1 && month == FX_GAP)
				continue;
			for (size_t r = 0; r < n; r++) {
				rt[r] = fx_random(&seed) % 4;
				rl[r] = pool[fx_random(&seed) % pool_n];
				ro[r] = rt[r] == 0 ? 0 : 1 + fx_random(&seed) % 3;
			}
			/* Rows sorted by type, as the loader gives them. */
			for (uint32_t t = 0; t < ARRAY_SIZE(fx_types); t++)
				for (size_t r = 0; r < n; r++)
					if (rt[r] == t) {
						type[k] = t;
						lsoa[k] = rl[r];
						outcome[k] = ro[r];
						k++;
					}
			for (size_t r = 0; r < n; r++) {
				struct fx_row *row = &f->rows[f->n++];

				assert_true(f->n <= FX_MAX_ROWS);
				row->force = force;
				row->month = month;
				row->type = type[r];
				row->lsoa = lsoa[r];
				row->outcome = outcome[r];
			}
			assert_int_equal(f->n - start, n);
			assert_int_equal(crime_engine_batch(f->g, force, month, n, type,
							    lsoa, outcome, &e), 0);
			f->batches++;
		}
	}
	/* A force-month with a file but no rows. */
	{
		uint32_t none[1] = { 0 };

		assert_int_equal(crime_engine_batch(f->g, 2, FX_MONTH(2020, 1), 0,
						    none, none, none, &e), 0);
		f->batches++;
	}
	if (crime_engine_finish(f->g, &e) < 0)
		fail_msg("crime_engine_finish: %s", e.msg);
}

/* ---------------------------------------------------------------------
 * Counting again, independently
 */

/* An area as the tests define it, from the tables above. */
enum fx_kind { FX_ALL, FX_FORCE, FX_DISTRICT, FX_WARD, FX_LSOA, FX_PEER };

struct fx_area {
	const char *ask;     /* the name the engine is asked */
	enum fx_kind kind;
	const char *name;    /* district name, ward code */
	uint32_t id;         /* force or LSOA id */
	const struct fx_area *members; /* of a peer group */
	size_t n_members;
	int64_t population;  /* expected, -1 unknown */
};

/* Is a row of force in LSOA l inside area x? */
static inline bool fx_in(const struct fx_area *x, uint32_t force, uint32_t l)
{
	const struct fx_lsoa *L = &fx_lsoas[l];

	switch (x->kind) {
	case FX_ALL: return true;
	case FX_FORCE: return force == x->id;
	case FX_DISTRICT: return L->district && strcmp(L->district, x->name) == 0;
	case FX_WARD: return L->ward && strcmp(L->ward, x->name) == 0;
	case FX_LSOA: return l == x->id;
	case FX_PEER:
		for (size_t i = 0; i < x->n_members; i++)
			if (fx_in(&x->members[i], force, l))
				return true;
		return false;
	}
	return false;
}

/* The label of a row for a dimension, as the tests name things: a month
 * "2020-01", a type or outcome name, an LSOA code ("no location"), a
 * ward code ("unknown"), a district name ("unknown"), a force name. */
static inline const char *fx_label(const struct fx_row *r, enum ce_dim d,
				   char month[8])
{
	const struct fx_lsoa *L = &fx_lsoas[r->lsoa];

	switch (d) {
	case CE_MONTH:
		snprintf(month, 8, "%04u-%02u", (unsigned)(r->month / 12) % 10000u,
			 (unsigned)(r->month % 12) + 1);
		return month;
	case CE_TYPE_DIM: return fx_types[r->type];
	case CE_OUTCOME_DIM:
		return *fx_outcomes[r->outcome] ? fx_outcomes[r->outcome]
						: "No outcome recorded";
	case CE_LSOA_DIM: return *L->code ? L->code : "no location";
	case CE_WARD: return L->ward ? L->ward : "unknown";
	case CE_DISTRICT: return L->district ? L->district : "unknown";
	case CE_FORCE_DIM: return fx_forces[r->force];
	case CE_DIMS: break;
	}
	return "?";
}

/* The label the engine gives a key of a result row, in the same terms. */
static inline const char *fx_engine_label(const struct crime_engine *g,
					  enum ce_dim d, uint32_t key,
					  char month[8])
{
	const char *code, *name;

	if (key == UINT32_MAX)
		return d == CE_LSOA_DIM ? "no location" : "unknown";
	ce_label(g, d, key, month, &code, &name);
	if (d == CE_LSOA_DIM || d == CE_WARD)
		return code ? code : name ? name : "(none)";
	return name ? name : code ? code : "(none)";
}

/* One group of a count: its labels joined by '|', and how many rows. */
struct fx_count {
	char key[160];
	int64_t count;
};

static inline int fx_count_cmp(const void *x, const void *y)
{
	return strcmp(((const struct fx_count *)x)->key,
		      ((const struct fx_count *)y)->key);
}

/* Count the rows of months from..to in area of the types wanted (none:
 * all), grouped by by[n_by], into out[max] (sorted by key; each row's
 * key is written, then equal keys are merged); returns the number of
 * groups.  *total and *no_location as the engine reports them. */
static inline size_t fx_reference(const struct fx *f, const struct fx_area *area,
				  int from, int to, const uint32_t *types,
				  size_t n_types, const enum ce_dim *by, size_t n_by,
				  struct fx_count *out, size_t max,
				  int64_t *total, int64_t *no_location)
{
	size_t n = 0, groups = 0;

	*total = *no_location = 0;
	for (size_t i = 0; i < f->n; i++) {
		const struct fx_row *r = &f->rows[i];
		bool type_ok = n_types == 0;

		for (size_t t = 0; t < n_types; t++)
			type_ok |= types[t] == r->type;
		if (r->month < from || r->month > to || !type_ok ||
		    !fx_in(area, r->force, r->lsoa))
			continue;
		(*total)++;
		*no_location += r->lsoa == FX_NO_LOCATION;
		assert_true(n < max);
		out[n].key[0] = '\0';
		out[n].count = 1;
		for (size_t d = 0; d < n_by; d++) {
			char month[8];
			size_t len = strlen(out[n].key);

			snprintf(out[n].key + len, sizeof(out[n].key) - len, "%s%s",
				 d ? "|" : "", fx_label(r, by[d], month));
		}
		n++;
	}
	qsort(out, n, sizeof(*out), fx_count_cmp);
	for (size_t i = 0; i < n; i++) {
		if (groups && strcmp(out[groups - 1].key, out[i].key) == 0)
			out[groups - 1].count++;
		else
			out[groups++] = out[i];
	}
	return groups;
}

/* The engine's result in the same terms, sorted by key. */
static inline size_t fx_from_result(const struct crime_engine *g,
				    const struct ce_query *q,
				    const struct ce_result *r,
				    struct fx_count *out, size_t max)
{
	assert_true(r->n_rows <= max);
	for (size_t i = 0; i < r->n_rows; i++) {
		out[i].key[0] = '\0';
		for (size_t d = 0; d < q->n_by; d++) {
			char month[8];
			size_t len = strlen(out[i].key);

			snprintf(out[i].key + len, sizeof(out[i].key) - len, "%s%s",
				 d ? "|" : "",
				 fx_engine_label(g, q->by[d], r->rows[i].key[d], month));
		}
		out[i].count = r->rows[i].count;
	}
	qsort(out, r->n_rows, sizeof(*out), fx_count_cmp);
	return r->n_rows;
}

/* The expected population of the district or ward (a ward's code) of
 * the geography: the sum of its LSOAs' known populations, or -1. */
static inline int64_t fx_population(enum fx_kind kind, const char *name)
{
	int64_t sum = -1;

	for (size_t i = 0; i < ARRAY_SIZE(fx_lsoas); i++) {
		const struct fx_lsoa *l = &fx_lsoas[i];
		const char *v = kind == FX_WARD ? l->ward_code : l->la_name;

		if (l->in_geo && v && strcmp(v, name) == 0 && l->population >= 0)
			sum = (sum < 0 ? 0 : sum) + l->population;
	}
	for (size_t i = 0; i < ARRAY_SIZE(fx_geo_only); i++) {
		const struct ce_geo *l = &fx_geo_only[i];
		const char *v = kind == FX_WARD ? l->ward_code : l->la_name;

		if (v && strcmp(v, name) == 0 && l->population >= 0)
			sum = (sum < 0 ? 0 : sum) + l->population;
	}
	return sum;
}

#endif
