/*
 * test_engine.c: unit tests of the crime engine (src/crime/engine.c) on
 * an engine built by hand (crime_fixture.h).
 *
 * Every count is checked against a count of the fixture's own rows made
 * with plain loops over its own tables (fx_reference), for every
 * dimension alone and in combination, every kind of area (a force, a
 * district by name and by code, a ward, an LSOA, peer groups,
 * everywhere), with and without a filter of crime types, over periods
 * inside, across and outside the data, and over the engine's whole range
 * of months.  Then what the engine must refuse: bad queries, and the
 * damaged inputs a store could give it (ids out of range, holes,
 * repeated ids, months out of range), each with a message that names
 * what is wrong.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "crime_fixture.h"

static struct fx fx;

static int setup(void **state)
{
	UNUSED(state);
	fx_build(&fx);
	return 0;
}

static int teardown(void **state)
{
	UNUSED(state);
	crime_engine_free(fx.g);
	return 0;
}

static bool has(const char *s, const char *part)
{
	return s && strstr(s, part);
}

/* ---------------------------------------------------------------------
 * The areas of the tests
 */

static const struct fx_area pair_members[] = {
	{ "Northtown", FX_DISTRICT, "Northtown", 0, NULL, 0, 5700 },
	{ "southville", FX_DISTRICT, "Southville", 0, NULL, 0, 2900 },
};
static const struct fx_area mixed_members[] = {
	{ "Beta Police", FX_FORCE, NULL, 1, NULL, 0, -1 },
	{ "E05000001", FX_WARD, "E05000001", 0, NULL, 0, 2900 },
};
static const struct fx_area saints_members[] = {
	{ "St Helens", FX_DISTRICT, "St Helens", 0, NULL, 0, 800 },
	{ "W01000001", FX_LSOA, NULL, 8, NULL, 0, 1000 },
};

static const struct fx_area areas[] = {
	{ NULL, FX_ALL, NULL, 0, NULL, 0, -1 },
	{ "all", FX_ALL, NULL, 0, NULL, 0, -1 },
	{ "England & Wales", FX_ALL, NULL, 0, NULL, 0, -1 },
	{ "Alpha Police", FX_FORCE, NULL, 0, NULL, 0, -1 },
	{ "beta police", FX_FORCE, NULL, 1, NULL, 0, -1 },
	{ "Gamma Police", FX_FORCE, NULL, 2, NULL, 0, -1 },
	{ "Northtown", FX_DISTRICT, "Northtown", 0, NULL, 0, 5700 },
	{ "E08000002", FX_DISTRICT, "Southville", 0, NULL, 0, 2900 },
	/* One district, however it is spelt; its rows come from LSOAs the
	 * geography does not have, named "St. Helens ..." by police.uk. */
	{ "St Helens", FX_DISTRICT, "St Helens", 0, NULL, 0, 800 },
	{ "St. Helens", FX_DISTRICT, "St Helens", 0, NULL, 0, 800 },
	{ "ST-HELENS", FX_DISTRICT, "St Helens", 0, NULL, 0, 800 },
	{ "Wrexham", FX_DISTRICT, "Wrexham", 0, NULL, 0, 1000 },
	{ "E05000001", FX_WARD, "E05000001", 0, NULL, 0, 2900 },
	{ "Riverside", FX_WARD, "E05000002", 0, NULL, 0, 2800 },
	{ "hillside", FX_WARD, "E05000004", 0, NULL, 0, 900 },
	{ "E01000004", FX_LSOA, NULL, 4, NULL, 0, 2000 },
	{ "Northtown 001B", FX_LSOA, NULL, 2, NULL, 0, 1600 },
	{ "St Helens 001A", FX_LSOA, NULL, 6, NULL, 0, -1 },
	{ "Pair", FX_PEER, NULL, 0, pair_members, 2, 8600 },
	{ "mixed", FX_PEER, NULL, 0, mixed_members, 2, -1 },
	{ "Saints", FX_PEER, NULL, 0, saints_members, 2, 1800 },
};

static const enum ce_area_kind kinds[] = {
	[FX_ALL] = CE_AREA_ALL,        [FX_FORCE] = CE_AREA_FORCE,
	[FX_DISTRICT] = CE_AREA_DISTRICT, [FX_WARD] = CE_AREA_WARD,
	[FX_LSOA] = CE_AREA_LSOA,      [FX_PEER] = CE_AREA_PEER,
};

/* ---------------------------------------------------------------------
 * Counts
 */

static const struct {
	enum ce_dim by[4];
	size_t n;
} dims[] = {
	{ { CE_MONTH }, 1 },
	{ { CE_TYPE_DIM }, 1 },
	{ { CE_OUTCOME_DIM }, 1 },
	{ { CE_LSOA_DIM }, 1 },
	{ { CE_WARD }, 1 },
	{ { CE_DISTRICT }, 1 },
	{ { CE_FORCE_DIM }, 1 },
	{ { 0 }, 0 },
	{ { CE_MONTH, CE_TYPE_DIM }, 2 },
	{ { CE_TYPE_DIM, CE_MONTH }, 2 },
	{ { CE_DISTRICT, CE_WARD }, 2 },
	{ { CE_LSOA_DIM, CE_OUTCOME_DIM }, 2 },
	{ { CE_FORCE_DIM, CE_DISTRICT }, 2 },
	{ { CE_WARD, CE_MONTH }, 2 },
	{ { CE_MONTH, CE_TYPE_DIM, CE_DISTRICT }, 3 },
	{ { CE_MONTH, CE_LSOA_DIM, CE_OUTCOME_DIM, CE_TYPE_DIM }, 4 },
	{ { CE_FORCE_DIM, CE_WARD, CE_TYPE_DIM, CE_OUTCOME_DIM }, 4 },
};

static const struct {
	uint32_t v[3];
	size_t n;
} type_sets[] = {
	{ { 0 }, 0 },
	{ { 1 }, 1 },             /* Burglary */
	{ { 2, 3 }, 2 },          /* Robbery, Vehicle crime */
	{ { 3, 0 }, 2 },          /* Vehicle crime, Anti-social behaviour */
};

static const struct {
	int from, to;
} periods[] = {
	{ FX_FIRST, FX_LAST },
	{ FX_MONTH(2020, 3), FX_MONTH(2020, 9) }, /* across Beta's gap */
	{ FX_GAP, FX_GAP },
	{ FX_FIRST - 5, FX_FIRST },                /* from before the data */
	{ FX_LAST, FX_LAST + 7 },                  /* to after it */
	{ FX_MONTH(2030, 1), FX_MONTH(2030, 12) },  /* no data at all */
	{ CE_FIRST_MONTH, CE_LAST_MONTH },          /* the engine's whole range */
};

static struct fx_count want[FX_MAX_ROWS], got[FX_MAX_ROWS];
static size_t groups_compared, rows_compared;

/* Ask the engine, count again, compare; say which question on failure. */
static void check_query(const struct fx_area *x, size_t di, size_t ti, size_t pi)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct ce_area area;
	struct ce_query q;
	struct ce_result r;
	int64_t total, no_location;
	size_t n_want, n_got;

	memset(&q, 0, sizeof(q));
	if (ce_area_find(fx.g, &a, x->ask, &area, &e) < 0)
		fail_msg("area '%s': %s", x->ask ? x->ask : "(null)", e.msg);
	q.area = &area;
	q.from = periods[pi].from;
	q.to = periods[pi].to;
	memcpy(q.by, dims[di].by, sizeof(q.by));
	q.n_by = dims[di].n;
	memcpy(q.types, type_sets[ti].v, type_sets[ti].n * sizeof(q.types[0]));
	q.n_types = type_sets[ti].n;
	if (ce_count(fx.g, &a, &q, &r, &e) < 0)
		fail_msg("ce_count failed: %s", e.msg);
	n_want = fx_reference(&fx, x, q.from, q.to, q.types, q.n_types, q.by, q.n_by,
			      want, ARRAY_SIZE(want), &total, &no_location);
	n_got = fx_from_result(fx.g, &q, &r, got, ARRAY_SIZE(got));
	if (r.total != total || r.no_location != no_location || n_got != n_want)
		fail_msg("area '%s', dims #%zu, types #%zu, period #%zu: total %lld "
			 "(want %lld), no location %lld (want %lld), %zu groups "
			 "(want %zu)",
			 x->ask ? x->ask : "(null)", di, ti, pi, (long long)r.total,
			 (long long)total, (long long)r.no_location,
			 (long long)no_location, n_got, n_want);
	groups_compared += n_want;
	rows_compared += (size_t)total;
	for (size_t i = 0; i < n_want; i++)
		if (strcmp(got[i].key, want[i].key) != 0 ||
		    got[i].count != want[i].count)
			fail_msg("area '%s', dims #%zu, types #%zu, period #%zu: "
				 "group '%s' %lld, want '%s' %lld",
				 x->ask ? x->ask : "(null)", di, ti, pi, got[i].key,
				 (long long)got[i].count, want[i].key,
				 (long long)want[i].count);
	/* Rows come sorted by key, and never with a count of zero. */
	for (size_t i = 0; i < r.n_rows; i++) {
		assert_true(r.rows[i].count > 0);
		if (i)
			assert_true(memcmp(&r.rows[i - 1].key, &r.rows[i].key,
					   sizeof(r.rows[i].key)) != 0);
		for (size_t k = 0; i && k < q.n_by; k++) {
			if (r.rows[i - 1].key[k] == r.rows[i].key[k])
				continue;
			assert_true(r.rows[i - 1].key[k] < r.rows[i].key[k]);
			break;
		}
	}
	arena_release(&a);
}

static void test_counts(void **state)
{
	UNUSED(state);
	for (size_t x = 0; x < ARRAY_SIZE(areas); x++)
		for (size_t d = 0; d < ARRAY_SIZE(dims); d++)
			for (size_t t = 0; t < ARRAY_SIZE(type_sets); t++)
				for (size_t p = 0; p < ARRAY_SIZE(periods); p++)
					check_query(&areas[x], d, t, p);
	/* The questions had something to count (903 rows; 83,347 groups
	 * over 681,037 rows counted when this was written). */
	assert_true(fx.n > 500);
	assert_true(groups_compared > 50000);
	assert_true(rows_compared > 500000);
}

/* The facts the counts rest on, checked by hand once. */
static void test_no_location_and_gaps(void **state)
{
	struct arena a = ARENA_INIT;
	struct ce_area all, alpha, north;
	struct ce_query q = { FX_FIRST, FX_LAST, NULL, { 0 }, 0,
			      { CE_FORCE_DIM }, 1 };
	struct ce_result r;
	int64_t rows[3] = { 0 }, blank[3] = { 0 }, gap = 0;

	UNUSED(state);
	for (size_t i = 0; i < fx.n; i++) {
		rows[fx.rows[i].force]++;
		blank[fx.rows[i].force] += fx.rows[i].lsoa == FX_NO_LOCATION;
		gap += fx.rows[i].month == FX_GAP && fx.rows[i].force == 1;
	}
	assert_true(blank[0] > 0 && blank[1] > 0);
	assert_int_equal(gap, 0);
	assert_int_equal(ce_area_find(fx.g, &a, NULL, &all, NULL), 0);
	assert_int_equal(ce_area_find(fx.g, &a, "Alpha Police", &alpha, NULL), 0);
	assert_int_equal(ce_area_find(fx.g, &a, "Northtown", &north, NULL), 0);
	q.area = &all;
	assert_int_equal(ce_count(fx.g, &a, &q, &r, NULL), 0);
	assert_int_equal(r.total, rows[0] + rows[1]);
	assert_int_equal(r.no_location, blank[0] + blank[1]);
	assert_int_equal(r.n_rows, 2); /* Gamma Police's empty batch: no row */
	assert_int_equal(r.rows[0].count, rows[0]);
	assert_int_equal(r.rows[1].count, rows[1]);
	/* A force counts its rows with no location; a district never. */
	q.area = &alpha;
	assert_int_equal(ce_count(fx.g, &a, &q, &r, NULL), 0);
	assert_int_equal(r.total, rows[0]);
	assert_int_equal(r.no_location, blank[0]);
	q.area = &north;
	assert_int_equal(ce_count(fx.g, &a, &q, &r, NULL), 0);
	assert_int_equal(r.no_location, 0);
	arena_release(&a);
}

/* ---------------------------------------------------------------------
 * Areas
 */

static void test_areas(void **state)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct ce_area area;

	UNUSED(state);
	for (size_t i = 0; i < ARRAY_SIZE(areas); i++) {
		const struct fx_area *x = &areas[i];

		if (ce_area_find(fx.g, &a, x->ask, &area, &e) < 0)
			fail_msg("'%s': %s", x->ask, e.msg);
		if (area.kind != kinds[x->kind] || area.population != x->population)
			fail_msg("'%s': kind %d population %lld, want %d and %lld",
				 x->ask, area.kind, (long long)area.population,
				 kinds[x->kind], (long long)x->population);
		if (x->kind == FX_DISTRICT || x->kind == FX_WARD)
			assert_int_equal(area.population,
					 fx_population(x->kind, x->name));
	}
	/* Names as the data has them, codes as the geography has them. */
	assert_int_equal(ce_area_find(fx.g, &a, "st. helens", &area, &e), 0);
	assert_string_equal(area.name, "St Helens");
	assert_string_equal(area.code, "E08000013");
	assert_int_equal(ce_area_find(fx.g, &a, "e08000001", &area, &e), 0);
	assert_string_equal(area.name, "Northtown");
	assert_int_equal(ce_area_find(fx.g, &a, "Northtown 001A", &area, &e), 0);
	assert_int_equal(area.kind, CE_AREA_LSOA);
	assert_string_equal(area.code, "E01000001");
	assert_string_equal(area.name, "Northtown 001A");
	assert_int_equal(ce_area_find(fx.g, &a, "ALPHA POLICE", &area, &e), 0);
	assert_string_equal(area.name, "Alpha Police");
	assert_int_equal(ce_area_find(fx.g, &a, "", &area, &e), 0);
	assert_int_equal(area.kind, CE_AREA_ALL);
	assert_string_equal(area.name, "England and Wales");
	assert_int_equal(ce_area_find(fx.g, &a, "Pair", &area, &e), 0);
	assert_int_equal(area.n_members, 2);

	/* Two wards called Central: give the code. */
	assert_int_equal(ce_area_find(fx.g, &a, "Central", &area, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "area");
	assert_true(has(e.msg, "there are 2 wards called 'Central'"));
	assert_true(has(e.msg, "E05000001 (Northtown)"));
	assert_true(has(e.msg, "E05000003 (Southville)"));
	assert_int_equal(ce_area_find(fx.g, &a, "E05000003", &area, &e), 0);
	assert_int_equal(area.population, 2000);

	/* Unknown names, and a group with an unknown member. */
	err_clear(&e);
	assert_int_equal(ce_area_find(fx.g, &a, "Atlantis", &area, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_true(has(e.msg, "no area called 'Atlantis'"));
	err_clear(&e);
	assert_int_equal(ce_area_find(fx.g, &a, "Broken", &area, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_true(has(e.msg, "peer group 'Broken': member 'Atlantis': no area "
			       "called 'Atlantis'"));
	assert_int_equal(ce_area_find(fx.g, &a, "Atlantis", &area, NULL), -1);
	assert_int_equal(ce_area_find(fx.g, &a, "Broken", &area, NULL), -1);
	/* A place, not a group nor everywhere. */
	assert_int_equal(ce_place_find(fx.g, &a, "St Helens", &area, &e), 0);
	assert_int_equal(area.kind, CE_AREA_DISTRICT);
	err_clear(&e);
	assert_int_equal(ce_place_find(fx.g, &a, "Pair", &area, &e), -1);
	assert_true(has(e.msg, "no area called 'Pair'"));
	assert_int_equal(ce_place_find(fx.g, &a, "England and Wales", &area, &e), -1);
	arena_release(&a);
}

/* ---------------------------------------------------------------------
 * Names, labels, facts
 */

static void test_names_and_stats(void **state)
{
	struct ce_stats st;
	struct err e = ERR_INIT;
	char month[8];
	const char *code, *name;
	size_t n;
	enum ce_dim d;

	UNUSED(state);
	ce_stats(fx.g, &st);
	assert_int_equal(st.rows, fx.n);
	assert_int_equal(st.batches, fx.batches);
	assert_int_equal(st.forces, 3);
	assert_int_equal(st.lsoas, ARRAY_SIZE(fx_lsoas));
	assert_int_equal(st.types, 4);
	/* Northtown, Southville, St Helens (one, however spelt), Wrexham. */
	assert_int_equal(st.districts, 4);
	assert_int_equal(st.wards, 5);
	assert_int_equal(st.first_month, FX_FIRST);
	assert_int_equal(st.last_month, FX_LAST);
	assert_true(st.have_geography);

	for (n = 0; ce_force_name(fx.g, n); n++)
		assert_string_equal(ce_force_name(fx.g, n), fx_forces[n]);
	assert_int_equal(n, 3);
	for (n = 0; ce_type_name(fx.g, n); n++)
		assert_string_equal(ce_type_name(fx.g, n), fx_types[n]);
	assert_int_equal(n, 4);
	for (n = 0; ce_district_name(fx.g, n); n++)
		;
	assert_int_equal(n, 4);
	for (n = 0; ce_peer_name(fx.g, n); n++)
		assert_string_equal(ce_peer_name(fx.g, n), fx_peers[n][0]);
	assert_int_equal(n, ARRAY_SIZE(fx_peers));

	assert_int_equal(ce_type_find(fx.g, "burglary", &e), 1);
	assert_int_equal(ce_type_find(fx.g, "VEHICLE CRIME", &e), 3);
	assert_int_equal(ce_type_find(fx.g, "Burgalry", &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "type");
	assert_true(has(e.msg, "no crime type 'Burgalry'; the types are: "
			       "Anti-social behaviour, Burglary, Robbery, "
			       "Vehicle crime"));

	ce_label(fx.g, CE_MONTH, FX_MONTH(2020, 2), month, &code, &name);
	assert_string_equal(code, "2020-02");
	ce_label(fx.g, CE_OUTCOME_DIM, 0, month, &code, &name);
	assert_string_equal(name, "No outcome recorded");
	assert_null(code);
	ce_label(fx.g, CE_LSOA_DIM, 6, month, &code, &name);
	assert_string_equal(code, "E01000006");
	assert_string_equal(name, "St. Helens 001A");
	ce_label(fx.g, CE_LSOA_DIM, FX_NO_LOCATION, month, &code, &name);
	assert_null(code);
	assert_null(name);
	/* Keys out of range have no label, never a read past the end. */
	ce_label(fx.g, CE_TYPE_DIM, 4, month, &code, &name);
	assert_null(name);
	ce_label(fx.g, CE_WARD, 1000, month, &code, &name);
	assert_null(code);
	ce_label(fx.g, CE_DISTRICT, UINT32_MAX, month, &code, &name);
	assert_null(name);
	ce_label(fx.g, CE_FORCE_DIM, 3, month, &code, &name);
	assert_null(name);
	assert_int_equal(ce_population(fx.g, CE_LSOA_DIM, 1), 1500);
	assert_int_equal(ce_population(fx.g, CE_LSOA_DIM, 6), -1);
	assert_int_equal(ce_population(fx.g, CE_LSOA_DIM, 99), -1);
	assert_int_equal(ce_population(fx.g, CE_MONTH, 1), -1);

	for (int i = 0; i < CE_DIMS; i++) {
		assert_int_equal(ce_dim_parse(ce_dim_name((enum ce_dim)i), &d), 0);
		assert_int_equal(d, i);
	}
	assert_int_equal(ce_dim_parse("Month", &d), -1);
	assert_int_equal(ce_dim_parse("", &d), -1);
}

/* ---------------------------------------------------------------------
 * Periods and bad queries
 */

static void test_period_range(void **state)
{
	struct crime_engine *g = crime_engine_new();
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	uint32_t zero[3] = { 0, 0, 0 }, lsoa[3] = { 1, 0, 1 };
	struct ce_area all;
	struct ce_query q = { CE_FIRST_MONTH, CE_LAST_MONTH, NULL, { 0 }, 0,
			      { CE_MONTH }, 1 };
	struct ce_result r;

	UNUSED(state);
	assert_int_equal(crime_engine_dict(g, CE_FORCE, 0, "Alpha Police", NULL, &e), 0);
	assert_int_equal(crime_engine_dict(g, CE_TYPE, 0, "Burglary", NULL, &e), 0);
	assert_int_equal(crime_engine_dict(g, CE_OUTCOME, 0, "", NULL, &e), 0);
	assert_int_equal(crime_engine_dict(g, CE_LSOA, 0, "", NULL, &e), 0);
	assert_int_equal(crime_engine_dict(g, CE_LSOA, 1, "E01000001",
					   "Northtown 001A", &e), 0);
	/* The first and last months an engine holds, and one either side. */
	assert_int_equal(crime_engine_batch(g, 0, CE_FIRST_MONTH, 2, zero, lsoa,
					    zero, &e), 0);
	assert_int_equal(crime_engine_batch(g, 0, CE_LAST_MONTH, 3, zero, lsoa,
					    zero, &e), 0);
	assert_int_equal(crime_engine_batch(g, 0, CE_FIRST_MONTH - 1, 1, zero,
					    lsoa, zero, &e), -1);
	assert_int_equal(e.code, ERR_DB);
	assert_true(has(e.msg, "outside the years 1900 to 2199"));
	assert_int_equal(crime_engine_batch(g, 0, CE_LAST_MONTH + 1, 1, zero, lsoa,
					    zero, &e), -1);
	assert_int_equal(crime_engine_batch(g, 0, -5, 1, zero, lsoa, zero, &e), -1);
	assert_int_equal(crime_engine_finish(g, &e), 0);

	assert_int_equal(ce_area_find(g, &a, NULL, &all, &e), 0);
	q.area = &all;
	assert_int_equal(ce_count(g, &a, &q, &r, &e), 0);
	assert_int_equal(r.total, 5);
	assert_int_equal(r.no_location, 2); /* lsoa[1] in both batches */
	assert_int_equal(r.n_rows, 2);
	assert_int_equal(r.rows[0].key[0], CE_FIRST_MONTH);
	assert_int_equal(r.rows[0].count, 2);
	assert_int_equal(r.rows[1].key[0], CE_LAST_MONTH);
	assert_int_equal(r.rows[1].count, 3);
	q.from = q.to = CE_LAST_MONTH;
	assert_int_equal(ce_count(g, &a, &q, &r, &e), 0);
	assert_int_equal(r.total, 3);
	q.from = q.to = CE_FIRST_MONTH;
	assert_int_equal(ce_count(g, &a, &q, &r, &e), 0);
	assert_int_equal(r.total, 2);

	/* A period outside the range, or ending before it starts. */
	q.from = CE_FIRST_MONTH - 1;
	q.to = CE_LAST_MONTH;
	err_clear(&e);
	assert_int_equal(ce_count(g, &a, &q, &r, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "from");
	assert_true(has(e.msg, "the years 1900 to 2199"));
	q.from = CE_FIRST_MONTH;
	q.to = CE_LAST_MONTH + 1;
	assert_int_equal(ce_count(g, &a, &q, &r, &e), -1);
	assert_string_equal(e.field, "to");
	q.from = INT32_MIN;
	q.to = INT32_MAX;
	assert_int_equal(ce_count(g, &a, &q, &r, &e), -1);
	q.from = FX_MONTH(2020, 5);
	q.to = FX_MONTH(2020, 4);
	assert_int_equal(ce_count(g, &a, &q, &r, &e), -1);
	assert_string_equal(e.field, "from");
	assert_true(has(e.msg, "must not end before it starts"));
	assert_int_equal(ce_count(g, &a, &q, &r, NULL), -1);
	crime_engine_free(g);
	arena_release(&a);
}

static void test_bad_queries(void **state)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct ce_area all;
	struct ce_query q = { FX_FIRST, FX_LAST, NULL, { 0 }, 0,
			      { CE_MONTH, CE_TYPE_DIM, CE_MONTH }, 3 };
	struct ce_result r;

	UNUSED(state);
	assert_int_equal(ce_area_find(fx.g, &a, NULL, &all, &e), 0);
	q.area = &all;
	assert_int_equal(ce_count(fx.g, &a, &q, &r, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "by");
	assert_true(has(e.msg, "'month' is given twice"));
	q.n_by = 5;
	assert_int_equal(ce_count(fx.g, &a, &q, &r, &e), -1);
	assert_true(has(e.msg, "at most four dimensions"));
	q.by[0] = (enum ce_dim)CE_DIMS;
	q.n_by = 1;
	assert_int_equal(ce_count(fx.g, &a, &q, &r, &e), -1);
	assert_true(has(e.msg, "unknown dimension"));
	/* A type id the engine does not have counts nothing. */
	q.by[0] = CE_MONTH;
	q.types[0] = 4;
	q.types[1] = CE_MAX_TYPES + 7;
	q.n_types = 2;
	assert_int_equal(ce_count(fx.g, &a, &q, &r, &e), 0);
	assert_int_equal(r.total, 0);
	assert_int_equal(r.n_rows, 0);
	arena_release(&a);
}

/* ---------------------------------------------------------------------
 * What a damaged store could give the builder
 */

/* A new engine with one value in each dictionary, and LSOAs "" and
 * E01000001. */
static struct crime_engine *small_engine(void)
{
	struct crime_engine *g = crime_engine_new();
	struct err e = ERR_INIT;

	assert_int_equal(crime_engine_dict(g, CE_FORCE, 0, "Alpha Police", NULL, &e), 0);
	assert_int_equal(crime_engine_dict(g, CE_TYPE, 0, "Burglary", NULL, &e), 0);
	assert_int_equal(crime_engine_dict(g, CE_OUTCOME, 0, "", NULL, &e), 0);
	assert_int_equal(crime_engine_dict(g, CE_LSOA, 0, "", NULL, &e), 0);
	assert_int_equal(crime_engine_dict(g, CE_LSOA, 1, "E01000001",
					   "Northtown 001A", &e), 0);
	return g;
}

static void test_refused(void **state)
{
	struct crime_engine *g = small_engine();
	struct err e = ERR_INIT;
	uint32_t zero[4] = { 0 }, lsoa[4] = { 0, 1, 7, 1 }, type[4] = { 0, 0, 0, 1 };
	struct ce_geo geo = { NULL, "Northtown 009Z", NULL, NULL, NULL, NULL,
			      NULL, 10, -1 };

	UNUSED(state);
	/* Dictionaries: ids beyond the limits, NULL values, ids twice. */
	assert_int_equal(crime_engine_dict(g, CE_FORCE, 1024, "x", NULL, &e), -1);
	assert_int_equal(e.code, ERR_DB);
	assert_true(has(e.msg, "the store is damaged: the force dictionary has id "
			       "1024, beyond its limit of 1023"));
	assert_int_equal(crime_engine_dict(g, CE_TYPE, CE_MAX_TYPES, "x", NULL, &e), -1);
	assert_int_equal(crime_engine_dict(g, CE_LSOA, UINT32_MAX, "x", NULL, &e), -1);
	assert_true(has(e.msg, "the LSOA dictionary has id 4294967295"));
	assert_int_equal(crime_engine_dict(g, CE_OUTCOME, 3, NULL, NULL, &e), -1);
	assert_true(has(e.msg, "the outcome dictionary has no value for id 3"));
	assert_int_equal(crime_engine_dict(g, CE_LSOA, 1, "E01000002", NULL, &e), -1);
	assert_true(has(e.msg, "the LSOA dictionary has id 1 twice ('E01000001' "
			       "and 'E01000002')"));
	/* Batches: every id must be in its dictionary. */
	assert_int_equal(crime_engine_batch(g, 1, FX_FIRST, 1, zero, zero, zero, &e), -1);
	assert_true(has(e.msg, "a batch has force id 1, but the force dictionary "
			       "has 1 values"));
	assert_int_equal(crime_engine_batch(g, 0, FX_FIRST, 4, zero, lsoa, zero, &e), -1);
	assert_true(has(e.msg, "row 3 has LSOA id 7, but the LSOA dictionary has "
			       "2 values"));
	assert_int_equal(crime_engine_batch(g, 0, FX_FIRST, 4, type, zero, zero, &e), -1);
	assert_true(has(e.msg, "row 4 has crime type id 1"));
	assert_int_equal(crime_engine_batch(g, 0, FX_FIRST, 4, zero, zero, lsoa, &e), -1);
	assert_true(has(e.msg, "row 2 has outcome id 1"));
	/* The geography: an LSOA needs a code. */
	assert_int_equal(crime_engine_geography(g, &geo, &e), -1);
	assert_true(has(e.msg, "an LSOA of the geography has no code (its name is "
			       "'Northtown 009Z')"));
	geo.lsoa_code = "";
	assert_int_equal(crime_engine_geography(g, &geo, &e), -1);
	assert_int_equal(crime_engine_peer(g, NULL, "Northtown", &e), -1);
	assert_true(has(e.msg, "a peer group has no name"));
	assert_int_equal(crime_engine_peer(g, "Pair", NULL, &e), -1);
	assert_true(has(e.msg, "a member of peer group 'Pair' has no name"));
	/* What was refused left nothing behind: a good batch still loads. */
	assert_int_equal(crime_engine_batch(g, 0, FX_FIRST, 2, zero, lsoa, zero, &e), 0);
	assert_int_equal(crime_engine_finish(g, &e), 0);
	{
		struct ce_stats st;

		ce_stats(g, &st);
		assert_int_equal(st.rows, 2);
		assert_int_equal(st.batches, 1);
	}
	crime_engine_free(g);

	/* A hole in a dictionary is found when the engine is finished. */
	g = small_engine();
	assert_int_equal(crime_engine_dict(g, CE_TYPE, 2, "Robbery", NULL, &e), 0);
	err_clear(&e);
	assert_int_equal(crime_engine_finish(g, &e), -1);
	assert_int_equal(e.code, ERR_DB);
	assert_true(has(e.msg, "the store is damaged: the crime type dictionary has "
			       "no value for id 1"));
	crime_engine_free(g);
	g = small_engine();
	assert_int_equal(crime_engine_dict(g, CE_LSOA, 5, "E01000005", NULL, &e), 0);
	assert_int_equal(crime_engine_finish(g, &e), -1);
	assert_true(has(e.msg, "the LSOA dictionary has no value for id 2"));
	crime_engine_free(g);
	crime_engine_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_no_location_and_gaps),
		cmocka_unit_test(test_areas),
		cmocka_unit_test(test_names_and_stats),
		cmocka_unit_test(test_period_range),
		cmocka_unit_test(test_bad_queries),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests_name("engine", tests, setup, teardown);
}
