/*
 * test_answer.c: unit tests of src/crime/answer.c, crime questions from
 * words to CSV, JSON and text tables, on engines built by hand
 * (crime_fixture.h).
 *
 * Each answer is read back (the CSV split into cells, the JSON parsed
 * with Jansson, the table line by line) and compared with counts made
 * again from the fixture's own rows by plain loops: rates per 1,000 from
 * the fixture's populations, the top N with its ties, the count a year
 * before and the rolling 12-month totals.  Then the questions that must
 * be refused, each naming its parameter.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>

#include "crime/answer.h"
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
 * Reading answers back
 */

#define MAX_LINES 600
#define MAX_CELLS 8

/* A CSV answer split into rows of cells (no field of the fixture needs
 * quotes); the text is cut in place. */
struct table {
	char *cell[MAX_LINES][MAX_CELLS];
	size_t n_cells[MAX_LINES];
	size_t n;
};

static void split_csv(char *text, struct table *t)
{
	char *line = text;

	memset(t, 0, sizeof(*t));
	while (*line) {
		char *end = strstr(line, "\r\n"), *cell = line;

		assert_non_null(end); /* every row ends with CRLF */
		*end = '\0';
		assert_true(t->n < MAX_LINES);
		for (;;) {
			char *comma = strchr(cell, ',');

			assert_true(t->n_cells[t->n] < MAX_CELLS);
			t->cell[t->n][t->n_cells[t->n]++] = cell;
			if (!comma)
				break;
			*comma = '\0';
			cell = comma + 1;
		}
		t->n++;
		line = end + 2;
	}
}

/* Ask q of g; fills p, r and x; the question must be good. */
static void ask(const struct crime_engine *g, struct arena *a,
		const struct question *q, struct prepared *p, struct ce_result *r,
		struct extras *x)
{
	struct err e = ERR_INIT;

	if (answer_prepare(g, a, q, p, &e) < 0 || answer_run(g, a, p, r, &e) < 0 ||
	    answer_extras(g, a, p, r, x, &e) < 0)
		fail_msg("the question failed: %s", e.msg);
}

/* The fixture's rows counted by hand: those of months from..to in area,
 * of type t (or any, for t < 0), in the group whose labels by by[n_by]
 * are key[] (the CSV's cells). */
static int64_t count_rows(const struct fx_area *area, int from, int to,
			  const uint32_t *types, size_t n_types,
			  const enum ce_dim *by, size_t n_by, char *const *key)
{
	int64_t n = 0;

	for (size_t i = 0; i < fx.n; i++) {
		const struct fx_row *r = &fx.rows[i];
		bool ok = n_types == 0;

		for (size_t t = 0; t < n_types; t++)
			ok |= types[t] == r->type;
		if (!ok || r->month < from || r->month > to ||
		    !fx_in(area, r->force, r->lsoa))
			continue;
		for (size_t d = 0; d < n_by && ok; d++) {
			char month[8];

			ok = strcmp(fx_label(r, by[d], month), key[d]) == 0;
		}
		n += ok;
	}
	return n;
}

static const struct fx_area northtown = { "Northtown", FX_DISTRICT, "Northtown",
					  0, NULL, 0, 5700 };
static const struct fx_area everywhere = { NULL, FX_ALL, NULL, 0, NULL, 0, -1 };

/* ---------------------------------------------------------------------
 * CSV
 */

static void test_csv(void **state)
{
	struct arena a = ARENA_INIT;
	struct question q = { 0 };
	struct prepared p;
	struct ce_result r;
	struct extras x;
	struct buf b = BUF_INIT;
	struct table t;
	static const enum ce_dim by[] = { CE_MONTH, CE_TYPE_DIM };
	static const uint32_t types[] = { 1, 2 };
	int64_t sum = 0;

	UNUSED(state);
	q.area = "northtown";
	q.from = "2020-01";
	q.to = "2020-06";
	q.types[0] = "burglary";
	q.types[1] = "ROBBERY";
	q.n_types = 2;
	q.by = "month,type";
	ask(fx.g, &a, &q, &p, &r, &x);
	answer_write(&b, ANSWER_CSV, fx.g, &p, &r, &x);
	split_csv(b.ptr, &t);
	assert_int_equal(t.n_cells[0], 3);
	assert_string_equal(t.cell[0][0], "month");
	assert_string_equal(t.cell[0][1], "type");
	assert_string_equal(t.cell[0][2], "count");
	for (size_t i = 1; i < t.n; i++) {
		int64_t want = count_rows(&northtown, FX_MONTH(2020, 1),
					  FX_MONTH(2020, 6), types, 2, by, 2, t.cell[i]);

		assert_int_equal(t.n_cells[i], 3);
		if (want == 0 || strtoll(t.cell[i][2], NULL, 10) != want)
			fail_msg("%s,%s: %s, want %lld", t.cell[i][0], t.cell[i][1],
				 t.cell[i][2], (long long)want);
		sum += want;
	}
	/* Every row of the question is in some line. */
	assert_int_equal(sum, count_rows(&northtown, FX_MONTH(2020, 1),
					 FX_MONTH(2020, 6), types, 2, by, 0, NULL));
	assert_int_equal(sum, r.total);
	assert_true(t.n > 6);
	buf_release(&b);
	arena_release(&a);
}

/* Rates per 1,000 residents: of each district, of the area when no
 * dimension is a place, none for a force or a place with no population. */
static void test_rates(void **state)
{
	struct arena a = ARENA_INIT;
	struct question q = { 0 };
	struct prepared p;
	struct ce_result r;
	struct extras x;
	struct buf b = BUF_INIT;
	struct table t;
	static const enum ce_dim by_district[] = { CE_DISTRICT };
	static const enum ce_dim by_month[] = { CE_MONTH };
	size_t with_rate = 0, without = 0;

	UNUSED(state);
	q.by = "district";
	q.rate = true;
	ask(fx.g, &a, &q, &p, &r, &x);
	answer_write(&b, ANSWER_CSV, fx.g, &p, &r, &x);
	split_csv(b.ptr, &t);
	assert_string_equal(t.cell[0][2], "rate_per_1000");
	for (size_t i = 1; i < t.n; i++) {
		int64_t n = count_rows(&everywhere, FX_FIRST, FX_LAST, NULL, 0,
				       by_district, 1, t.cell[i]);
		int64_t pop = strcmp(t.cell[i][0], "unknown") == 0
				      ? -1 : fx_population(FX_DISTRICT, t.cell[i][0]);

		assert_int_equal(strtoll(t.cell[i][1], NULL, 10), n);
		if (pop > 0) {
			double want = round(1000.0 * (double)n / (double)pop * 1000) / 1000;

			assert_true(fabs(strtod(t.cell[i][2], NULL) - want) < 1e-9);
			with_rate++;
		} else {
			assert_string_equal(t.cell[i][2], "");
			without++;
		}
	}
	assert_int_equal(with_rate, 4); /* St Helens has 800 residents */
	assert_int_equal(without, 1);   /* rows with no location */

	/* By month, for Northtown: Northtown's population. */
	buf_reset(&b);
	arena_reset(&a);
	q.area = "Northtown";
	q.by = "month";
	ask(fx.g, &a, &q, &p, &r, &x);
	answer_write(&b, ANSWER_CSV, fx.g, &p, &r, &x);
	split_csv(b.ptr, &t);
	for (size_t i = 1; i < t.n; i++) {
		int64_t n = count_rows(&northtown, FX_FIRST, FX_LAST, NULL, 0, by_month,
				       1, t.cell[i]);
		double want = round(1000.0 * (double)n / 5700 * 1000) / 1000;

		assert_true(fabs(strtod(t.cell[i][2], NULL) - want) < 1e-9);
	}
	/* By force: no population. */
	buf_reset(&b);
	arena_reset(&a);
	q.area = NULL;
	q.by = "force";
	ask(fx.g, &a, &q, &p, &r, &x);
	answer_write(&b, ANSWER_CSV, fx.g, &p, &r, &x);
	split_csv(b.ptr, &t);
	assert_int_equal(t.n, 3);
	assert_string_equal(t.cell[1][2], "");
	buf_release(&b);
	arena_release(&a);
}

/* The count a year before and the rolling 12 months, by month. */
static void test_change_and_rolling(void **state)
{
	struct arena a = ARENA_INIT;
	struct question q = { 0 };
	struct prepared p;
	struct ce_result r;
	struct extras x;
	struct buf b = BUF_INIT;
	struct table t;
	static const enum ce_dim by[] = { CE_MONTH, CE_DISTRICT };
	size_t blank_rolling = 0;

	UNUSED(state);
	q.area = "Pair";
	q.by = "month,district";
	q.change = true;
	q.rolling = true;
	ask(fx.g, &a, &q, &p, &r, &x);
	answer_write(&b, ANSWER_CSV, fx.g, &p, &r, &x);
	split_csv(b.ptr, &t);
	assert_string_equal(t.cell[0][3], "year_before");
	assert_string_equal(t.cell[0][4], "change_pct");
	assert_string_equal(t.cell[0][5], "rolling_12");
	for (size_t i = 1; i < t.n; i++) {
		static const struct fx_area pair_members[] = {
			{ "Northtown", FX_DISTRICT, "Northtown", 0, NULL, 0, -1 },
			{ "southville", FX_DISTRICT, "Southville", 0, NULL, 0, -1 },
		};
		static const struct fx_area pair = { "Pair", FX_PEER, NULL, 0,
						     pair_members, 2, -1 };
		int64_t now, before = 0, rolling = 0;
		char key_before[16], *cells[2];

		cells[0] = t.cell[i][0];
		cells[1] = t.cell[i][1];
		now = count_rows(&pair, FX_FIRST, FX_LAST, NULL, 0, by, 2, cells);
		assert_int_equal(strtoll(t.cell[i][2], NULL, 10), now);
		{
			int y = (int)strtol(t.cell[i][0], NULL, 10);
			int m = (int)strtol(t.cell[i][0] + 5, NULL, 10);
			int at = FX_MONTH(y, m);

			snprintf(key_before, sizeof(key_before), "%04d-%02d",
				 (y - 1) % 10000, m % 100);
			cells[0] = key_before;
			before = count_rows(&pair, FX_FIRST, FX_LAST, NULL, 0, by, 2,
					    cells);
			for (int k = 0; k < 12; k++) {
				char mk[16];

				snprintf(mk, sizeof(mk), "%04d-%02d",
					 ((at - k) / 12) % 10000, (at - k) % 12 + 1);
				cells[0] = mk;
				rolling += count_rows(&pair, FX_FIRST, FX_LAST, NULL,
						      0, by, 2, cells);
			}
			assert_int_equal(strtoll(t.cell[i][3], NULL, 10), before);
			if (before > 0) {
				double pct = round(1000.0 * (double)(now - before) /
						   (double)before) / 10;

				assert_true(fabs(strtod(t.cell[i][4], NULL) - pct) < 1e-9);
			} else {
				assert_string_equal(t.cell[i][4], "");
			}
			if (at - 11 < FX_FIRST) {
				assert_string_equal(t.cell[i][5], "");
				blank_rolling++;
			} else {
				assert_int_equal(strtoll(t.cell[i][5], NULL, 10), rolling);
			}
		}
	}
	assert_true(blank_rolling > 0);
	assert_true(t.n > 20);
	buf_release(&b);
	arena_release(&a);
}

/* ---------------------------------------------------------------------
 * Top N with ties
 */

/* An engine whose LSOAs have known counts, with ties: E01000001 1,200,
 * E01000002 3, E01000003 1,200, E01000004 3, E01000005 1, and 2 rows
 * with no location. */
static struct crime_engine *tie_engine(void)
{
	static const int64_t counts[] = { 2, 1200, 3, 1200, 3, 1 };
	struct crime_engine *g = crime_engine_new();
	struct err e = ERR_INIT;
	uint32_t *lsoa = xcalloc(3000, sizeof(*lsoa)), *zero = xcalloc(3000, 4);
	size_t n = 0;

	assert_int_equal(crime_engine_dict(g, CE_FORCE, 0, "Alpha Police", NULL, &e), 0);
	assert_int_equal(crime_engine_dict(g, CE_TYPE, 0, "Burglary", NULL, &e), 0);
	assert_int_equal(crime_engine_dict(g, CE_OUTCOME, 0, "", NULL, &e), 0);
	for (uint32_t l = 0; l < ARRAY_SIZE(counts); l++) {
		char code[16], name[32];

		snprintf(code, sizeof(code), l ? "E0100000%u" : "", l);
		snprintf(name, sizeof(name), "Northtown 00%uA", l);
		assert_int_equal(crime_engine_dict(g, CE_LSOA, l, code,
						   l ? name : NULL, &e), 0);
		for (int64_t k = 0; k < counts[l]; k++)
			lsoa[n++] = l;
	}
	assert_int_equal(crime_engine_batch(g, 0, FX_MONTH(2021, 3), n, zero, lsoa,
					    zero, &e), 0);
	assert_int_equal(crime_engine_finish(g, &e), 0);
	free(lsoa);
	free(zero);
	return g;
}

static void test_top(void **state)
{
	struct crime_engine *g = tie_engine();
	struct arena a = ARENA_INIT;
	struct question q = { 0 };
	struct prepared p;
	struct ce_result r;
	struct extras x;
	struct buf b = BUF_INIT;
	struct table t;

	UNUSED(state);
	q.by = "lsoa";
	q.top = 3;
	ask(g, &a, &q, &p, &r, &x);
	answer_write(&b, ANSWER_CSV, g, &p, &r, &x);
	split_csv(b.ptr, &t);
	/* Ties by key: E01000001 before E01000003, E01000002 before
	 * E01000004; rows with no location are not ranked. */
	assert_int_equal(t.n, 4);
	/* An LSOA's code, then its name, then the count. */
	assert_string_equal(t.cell[0][0], "lsoa");
	assert_string_equal(t.cell[0][1], "lsoa_name");
	assert_string_equal(t.cell[0][2], "count");
	assert_string_equal(t.cell[1][0], "E01000001");
	assert_string_equal(t.cell[1][1], "Northtown 001A");
	assert_string_equal(t.cell[1][2], "1200");
	assert_string_equal(t.cell[2][0], "E01000003");
	assert_string_equal(t.cell[2][1], "Northtown 003A");
	assert_string_equal(t.cell[2][2], "1200");
	assert_string_equal(t.cell[3][0], "E01000002");
	assert_string_equal(t.cell[3][2], "3");

	buf_reset(&b);
	arena_reset(&a);
	q.top = 100;
	ask(g, &a, &q, &p, &r, &x);
	assert_int_equal(r.n_rows, 5);
	answer_write(&b, ANSWER_TABLE, g, &p, &r, &x);
	assert_true(has(b.ptr, "E01000001       1,200\n"));
	assert_true(has(b.ptr, "E01000004           3\n"));
	assert_true(has(b.ptr, "E01000005           1\n"));
	assert_false(has(b.ptr, "no location  "));
	assert_true(has(b.ptr, "England and Wales, 2021-03 to 2021-03: 2,409 crimes "
			       "(2 with no location)\n"));
	assert_true(strstr(b.ptr, "E01000002") < strstr(b.ptr, "E01000004"));
	assert_true(strstr(b.ptr, "E01000004") < strstr(b.ptr, "E01000005"));
	buf_release(&b);
	arena_release(&a);
	crime_engine_free(g);
}

/* The top N of the fixture: ordered by count, ties by key, each count
 * the hand count of its district. */
static void test_top_fixture(void **state)
{
	struct arena a = ARENA_INIT;
	struct question q = { 0 };
	struct prepared p;
	struct ce_result r;
	struct extras x;
	static const enum ce_dim by[] = { CE_DISTRICT };

	UNUSED(state);
	for (size_t n = 1; n <= 5; n++) {
		q.by = "district";
		q.top = n;
		q.from = "2019-11";
		ask(fx.g, &a, &q, &p, &r, &x);
		assert_int_equal(r.n_rows, n < 4 ? n : 4); /* 4 districts */
		for (size_t i = 0; i < r.n_rows; i++) {
			char month[8];
			char *key = (char *)fx_engine_label(fx.g, CE_DISTRICT,
							    r.rows[i].key[0], month);

			assert_int_equal(r.rows[i].count,
					 count_rows(&everywhere, FX_FIRST, FX_LAST,
						    NULL, 0, by, 1, &key));
			if (i)
				assert_true(r.rows[i - 1].count > r.rows[i].count ||
					    (r.rows[i - 1].count == r.rows[i].count &&
					     r.rows[i - 1].key[0] < r.rows[i].key[0]));
		}
		arena_reset(&a);
	}
	arena_release(&a);
}

/* ---------------------------------------------------------------------
 * JSON and the table
 */

static void test_json(void **state)
{
	struct arena a = ARENA_INIT;
	struct question q = { 0 };
	struct prepared p;
	struct ce_result r;
	struct extras x;
	struct buf b = BUF_INIT;
	json_error_t jerr;
	json_t *root, *query, *rows;
	static const enum ce_dim by[] = { CE_WARD };
	int64_t sum = 0;

	UNUSED(state);
	q.area = "St. Helens";
	q.by = "ward";
	q.types[0] = "Vehicle crime";
	q.n_types = 1;
	q.rate = true;
	q.from = "2020-02";
	q.to = "2020-11";
	ask(fx.g, &a, &q, &p, &r, &x);
	answer_write(&b, ANSWER_JSON, fx.g, &p, &r, &x);
	root = json_loads(b.ptr, 0, &jerr);
	if (!root)
		fail_msg("not JSON: %s: %s", jerr.text, b.ptr);
	query = json_object_get(root, "query");
	assert_string_equal(json_string_value(json_object_get(query, "area")),
			    "St Helens");
	assert_string_equal(json_string_value(json_object_get(query, "area_code")),
			    "E08000013");
	assert_string_equal(json_string_value(json_object_get(query, "from")), "2020-02");
	assert_string_equal(json_string_value(json_object_get(query, "to")), "2020-11");
	assert_string_equal(json_string_value(json_array_get(
				    json_object_get(query, "types"), 0)),
			    "Vehicle crime");
	assert_string_equal(json_string_value(json_array_get(
				    json_object_get(query, "by"), 0)), "ward");
	assert_int_equal(json_integer_value(json_object_get(root, "population")), 800);
	assert_int_equal(json_integer_value(json_object_get(root, "no_location")), 0);
	rows = json_object_get(root, "rows");
	/* The district's rows are in LSOAs with no ward. */
	assert_true(json_array_size(rows) >= 1);
	for (size_t i = 0; i < json_array_size(rows); i++) {
		json_t *row = json_array_get(rows, i);
		char *key = (char *)json_string_value(json_object_get(row, "ward"));
		static const uint32_t vehicle[] = { 3 };
		static const struct fx_area st_helens = { "St Helens", FX_DISTRICT,
							  "St Helens", 0, NULL, 0, 800 };
		int64_t n = count_rows(&st_helens, FX_MONTH(2020, 2), FX_MONTH(2020, 11),
				       vehicle, 1, by, 1, &key);

		assert_int_equal(json_integer_value(json_object_get(row, "count")), n);
		assert_true(json_is_null(json_object_get(row, "ward_code")));
		assert_true(json_is_null(json_object_get(row, "rate_per_1000")));
		sum += n;
	}
	assert_int_equal(json_integer_value(json_object_get(root, "total")), sum);
	assert_true(sum > 0);
	json_decref(root);

	/* Districts with codes and names; LSOAs with their names. */
	buf_reset(&b);
	arena_reset(&a);
	memset(&q, 0, sizeof(q));
	q.area = "E08000001";
	q.by = "lsoa,district";
	ask(fx.g, &a, &q, &p, &r, &x);
	answer_write(&b, ANSWER_JSON, fx.g, &p, &r, &x);
	root = json_loads(b.ptr, 0, &jerr);
	assert_non_null(root);
	rows = json_object_get(root, "rows");
	assert_int_equal(json_array_size(rows), 3);
	for (size_t i = 0; i < 3; i++) {
		json_t *row = json_array_get(rows, i);
		const char *code = json_string_value(json_object_get(row, "lsoa_code"));
		const char *name = json_string_value(json_object_get(row, "lsoa_name"));

		assert_string_equal(json_string_value(json_object_get(row, "district_code")),
				    "E08000001");
		assert_string_equal(json_string_value(json_object_get(row, "district_name")),
				    "Northtown");
		assert_string_equal(code, fx_lsoas[i + 1].code);
		assert_string_equal(name, fx_lsoas[i + 1].name);
	}
	json_decref(root);
	buf_release(&b);
	arena_release(&a);
}

static void test_table(void **state)
{
	struct arena a = ARENA_INIT;
	struct question q = { 0 };
	struct prepared p;
	struct ce_result r;
	struct extras x;
	struct buf b = BUF_INIT, want = BUF_INIT;
	int64_t total = 0, blank = 0;
	char *line, *save = NULL;
	size_t n_lines = 0;

	UNUSED(state);
	q.by = "outcome";
	q.from = "2020-07";
	q.to = "2020-07";
	ask(fx.g, &a, &q, &p, &r, &x);
	answer_write(&b, ANSWER_TABLE, fx.g, &p, &r, &x);
	for (size_t i = 0; i < fx.n; i++)
		if (fx.rows[i].month == FX_GAP) {
			total++;
			blank += fx.rows[i].lsoa == FX_NO_LOCATION;
		}
	buf_printf(&want, "England and Wales, 2020-07 to 2020-07: %lld crimes "
			  "(%lld with no location)\n",
		   (long long)total, (long long)blank);
	assert_true(blank > 0);
	assert_true(has(b.ptr, want.ptr));
	for (line = strtok_r(b.ptr, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		n_lines++;
		if (n_lines == 1) {
			assert_true(has(line, "outcome"));
			assert_true(has(line, "count"));
			continue;
		}
		for (size_t o = 0; o < ARRAY_SIZE(fx_outcomes); o++) {
			const char *name = *fx_outcomes[o] ? fx_outcomes[o]
							   : "No outcome recorded";
			int64_t n = 0;

			if (strncmp(line, name, strlen(name)) != 0)
				continue;
			for (size_t i = 0; i < fx.n; i++)
				n += fx.rows[i].month == FX_GAP && fx.rows[i].outcome == o;
			assert_int_equal(strtoll(line + strlen(name), NULL, 10), n);
		}
	}
	assert_int_equal(n_lines, 1 + ARRAY_SIZE(fx_outcomes) + 1);
	buf_release(&want);
	buf_release(&b);
	arena_release(&a);
}

/* ---------------------------------------------------------------------
 * Questions refused
 */

/* Prepare q; it must fail with code on field, the message holding msg. */
static void refused(const struct question *q, enum err_code code,
		    const char *field, const char *msg)
{
	struct arena a = ARENA_INIT;
	struct prepared p;
	struct err e = ERR_INIT;

	if (answer_prepare(fx.g, &a, q, &p, &e) == 0)
		fail_msg("a question that should fail ('%s') was answered", msg);
	if (e.code != code || strcmp(e.field, field) != 0 || !has(e.msg, msg))
		fail_msg("wanted %s on '%s' with '%s', got %s on '%s': %s",
			 err_code_name(code), field, msg, err_code_name(e.code),
			 e.field, e.msg);
	assert_int_equal(answer_prepare(fx.g, &a, q, &p, NULL), -1);
	arena_release(&a);
}

static void test_refused(void **state)
{
	struct question q;

	UNUSED(state);
	memset(&q, 0, sizeof(q));
	q.by = "month";
	q.area = "Atlantis";
	refused(&q, ERR_NOT_FOUND, "area", "no area called 'Atlantis'");
	q.area = "Broken";
	refused(&q, ERR_NOT_FOUND, "area", "peer group 'Broken': member 'Atlantis'");
	q.area = "Central";
	refused(&q, ERR_INVALID, "area", "there are 2 wards called 'Central'");
	q.area = NULL;
	q.from = "2020-13";
	refused(&q, ERR_INVALID, "from", "'2020-13' is not a month written YYYY-MM");
	q.from = "2020-06";
	q.to = "2020-05";
	refused(&q, ERR_INVALID, "from", "the period starts after it ends");
	q.to = "1899-12";
	q.from = NULL;
	refused(&q, ERR_INVALID, "to", "is not a month");
	q.to = NULL;
	q.types[0] = "Burgalry";
	q.n_types = 1;
	refused(&q, ERR_INVALID, "type", "no crime type 'Burgalry'");
	q.n_types = 0;
	q.by = "month,colour";
	refused(&q, ERR_INVALID, "by", "'colour' is not one of month, type");
	q.by = "type,month,type";
	refused(&q, ERR_INVALID, "by", "'type' is given twice");
	q.by = "month,type,outcome,lsoa,ward";
	refused(&q, ERR_INVALID, "by", "at most four dimensions");
	q.by = ",month";
	refused(&q, ERR_INVALID, "by", "'' is not one of");
	q.by = "lsoa";
	q.top = ANSWER_MAX_TOP + 1;
	refused(&q, ERR_INVALID, "n", "must be from 1 to 10000");
	q.top = 5;
	q.by = "month";
	refused(&q, ERR_INVALID, "by", "top needs one of lsoa, ward, district or force");
	q.by = "lsoa,ward";
	refused(&q, ERR_INVALID, "by", "top needs one of");
	q.top = 0;
	q.by = "type";
	q.rolling = true;
	refused(&q, ERR_INVALID, "rolling", "need month among the dimensions");
}

/* The year before and the rolling months of a period at the start of
 * the months an engine holds: nothing to count before it, not an error. */
static void test_extras_at_the_limits(void **state)
{
	struct arena a = ARENA_INIT;
	struct question q = { 0 };
	struct prepared p;
	struct ce_result r;
	struct extras x;

	UNUSED(state);
	q.by = "month";
	q.from = "1900-01";
	q.to = "1901-03";
	q.change = true;
	q.rolling = true;
	ask(fx.g, &a, &q, &p, &r, &x);
	assert_int_equal(r.total, 0);
	q.from = "2199-01";
	q.to = "2199-12";
	ask(fx.g, &a, &q, &p, &r, &x);
	assert_int_equal(r.total, 0);
	arena_release(&a);
}

/* With no from, the last default_months months; with no data at all,
 * this month, and nothing counted. */
static void test_defaults(void **state)
{
	struct arena a = ARENA_INIT;
	struct question q = { 0 };
	struct prepared p;
	struct ce_result r;
	struct extras x;
	struct crime_engine *empty = crime_engine_new();
	struct err e = ERR_INIT;

	UNUSED(state);
	q.by = "force";
	q.default_months = 12;
	ask(fx.g, &a, &q, &p, &r, &x);
	assert_int_equal(p.q.to, FX_LAST);
	assert_int_equal(p.q.from, FX_LAST - 11);
	q.default_months = 0;
	ask(fx.g, &a, &q, &p, &r, &x);
	assert_int_equal(p.q.from, FX_FIRST);
	assert_int_equal(r.total, (int64_t)fx.n);

	assert_int_equal(crime_engine_finish(empty, &e), 0);
	q.by = "month,type";
	ask(empty, &a, &q, &p, &r, &x);
	assert_int_equal(p.q.from, p.q.to);
	assert_int_equal(r.total, 0);
	assert_int_equal(r.n_rows, 0);
	q.area = "Northtown";
	assert_int_equal(answer_prepare(empty, &a, &q, &p, &e), -1);
	assert_true(has(e.msg, "no area called 'Northtown'"));
	crime_engine_free(empty);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_rates),
		cmocka_unit_test(test_change_and_rolling),
		cmocka_unit_test(test_top),
		cmocka_unit_test(test_top_fixture),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_extras_at_the_limits),
		cmocka_unit_test(test_defaults),
	};

	return cmocka_run_group_tests_name("answer", tests, setup, teardown);
}
