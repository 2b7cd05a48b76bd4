/*
 * test_suppress.c: unit tests of src/base/suppress.c.
 *
 * Tables where suppressing only the small counts would leak them (a
 * total minus the cells shown gives the hidden one back), each with the
 * exact cells hidden; then thousands of random tables of every shape
 * (one row, one column, with and without each kind of total, many
 * zeros), each checked by an independent test written from the table's
 * shape, not from the library's lines: no count from 1 to threshold - 1
 * is shown, no hidden cell equals a total shown minus the cells shown
 * beside it in its row or column, and no hidden total equals the sum of
 * its cells shown.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "base/suppress.h"

/* Suppress a table t of values v (cells, then totals as suppress.h lays
 * them out) into sup. */
static int run_table(const struct sup_table *t, const int64_t *v,
		     int64_t threshold, bool *sup)
{
	struct sup_line lines[64];
	struct err e = ERR_INIT;
	size_t n_lines;
	int rc;

	assert_true(SUP_TABLE_MAX_LINES(t) <= ARRAY_SIZE(lines));
	n_lines = sup_table_lines(t, lines);
	memset(sup, 0, sup_table_size(t) * sizeof(*sup));
	rc = suppress(v, sup_table_size(t), lines, n_lines, threshold, sup, &e);
	if (rc < 0)
		fail_msg("suppress failed: %s", e.msg);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The independent check                                               */
/* ------------------------------------------------------------------ */

/* One sum the reader sees: the n values at idx[] and their total. */
static void check_sum(const int64_t *v, const bool *sup, const size_t *idx,
		      size_t n, size_t total, const char *what, size_t which)
{
	int64_t visible = 0;

	for (size_t k = 0; k < n; k++)
		if (!sup[idx[k]])
			visible += v[idx[k]];
	if (sup[total]) {
		/* Some cell must be hidden too, or the cells give it. */
		if (n > 0 && visible == v[total])
			fail_msg("%s %zu: hidden total %lld is the sum of the cells "
				 "shown", what, which, (long long)v[total]);
		return;
	}
	for (size_t k = 0; k < n; k++)
		if (sup[idx[k]] && v[total] - visible == v[idx[k]])
			fail_msg("%s %zu: hidden cell %lld is the total %lld less "
				 "the cells shown", what, which,
				 (long long)v[idx[k]], (long long)v[total]);
}

/* Check the result of suppressing table t (values v, hidden sup). */
static void check_table(const struct sup_table *t, const int64_t *v,
			const bool *sup, int64_t threshold)
{
	size_t idx[64];
	size_t size = sup_table_size(t), cells = t->rows * t->cols;
	size_t rt = cells, ct = cells + (t->row_totals ? t->rows : 0);
	size_t g = size - 1;
	bool grand = t->grand && (t->row_totals || t->col_totals);

	for (size_t i = 0; i < size; i++)
		if (!sup[i] && v[i] >= 1 && v[i] < threshold)
			fail_msg("value %zu (%lld) is shown", i, (long long)v[i]);
	if (t->row_totals)
		for (size_t i = 0; i < t->rows; i++) {
			for (size_t j = 0; j < t->cols; j++)
				idx[j] = i * t->cols + j;
			check_sum(v, sup, idx, t->cols, rt + i, "row", i);
		}
	if (t->col_totals)
		for (size_t j = 0; j < t->cols; j++) {
			for (size_t i = 0; i < t->rows; i++)
				idx[i] = i * t->cols + j;
			check_sum(v, sup, idx, t->rows, ct + j, "column", j);
		}
	if (grand && t->row_totals) {
		for (size_t i = 0; i < t->rows; i++)
			idx[i] = rt + i;
		check_sum(v, sup, idx, t->rows, g, "row totals", 0);
	}
	if (grand && t->col_totals) {
		for (size_t j = 0; j < t->cols; j++)
			idx[j] = ct + j;
		check_sum(v, sup, idx, t->cols, g, "column totals", 0);
	}
}

/* Fill the totals of t from its cells. */
static void add_totals(const struct sup_table *t, int64_t *v)
{
	int64_t all = 0;

	for (size_t i = 0; i < t->rows; i++)
		for (size_t j = 0; j < t->cols; j++) {
			int64_t c = v[i * t->cols + j];

			if (t->row_totals)
				v[sup_row_total(t, i)] += c;
			if (t->col_totals)
				v[sup_col_total(t, j)] += c;
			all += c;
		}
	if (t->grand && (t->row_totals || t->col_totals))
		v[sup_grand(t)] = all;
}

/* ------------------------------------------------------------------ */
/* Tables where naive suppression leaks                                */
/* ------------------------------------------------------------------ */

/* A single series with its total: 3 hidden alone is 113 - 50 - 60. */
static void test_series_with_total(void **state)
{
	const struct sup_table t = { 3, 1, false, true, false };
	int64_t v[4] = { 3, 50, 60, 0 };
	bool sup[4];

	UNUSED(state);
	add_totals(&t, v);
	assert_int_equal(v[3], 113);
	assert_int_equal(run_table(&t, v, 5, sup), 2);
	assert_true(sup[0]);   /* the 3 */
	assert_true(sup[1]);   /* the smallest other, 50 */
	assert_false(sup[2]);
	assert_false(sup[3]);  /* the total stays */
	check_table(&t, v, sup, 5);
}

/* One row: the same across. */
static void test_row_with_total(void **state)
{
	const struct sup_table t = { 1, 4, true, false, false };
	int64_t v[5] = { 40, 1, 9, 12, 0 };
	bool sup[5];

	UNUSED(state);
	add_totals(&t, v);
	assert_int_equal(run_table(&t, v, 5, sup), 2);
	assert_true(sup[1] && sup[2]);
	check_table(&t, v, sup, 5);
}

/* A table with both margins: hiding the 2 needs a second cell in its
 * row and in its column, and those need seconds in theirs. */
static void test_two_way_cascade(void **state)
{
	const struct sup_table t = { 2, 3, true, true, true };
	/* 2 10 20 | 32
	 * 15 30 40 | 85
	 * 17 40 60 | 117 */
	int64_t v[12] = { 2, 10, 20, 15, 30, 40 };
	bool sup[12];

	UNUSED(state);
	add_totals(&t, v);
	assert_int_equal(v[sup_grand(&t)], 117);
	assert_int_equal(run_table(&t, v, 5, sup), 4);
	assert_true(sup[0] && sup[1] && sup[3] && sup[4]);
	assert_false(sup[2] || sup[5]);
	for (size_t i = 6; i < 12; i++)
		assert_false(sup[i]);
	check_table(&t, v, sup, 5);
}

/* A small total is hidden like any count; with one cell behind it the
 * cell and the total go together, and the zeros beside them stay. */
static void test_small_total_and_zeros(void **state)
{
	const struct sup_table t = { 1, 3, true, false, false };
	int64_t v[4] = { 0, 0, 3, 0 };
	bool sup[4];

	UNUSED(state);
	add_totals(&t, v);
	assert_int_equal(run_table(&t, v, 5, sup), 2);
	assert_false(sup[0] || sup[1]);
	assert_true(sup[2] && sup[3]);
	check_table(&t, v, sup, 5);
}

/* A zero is not the second cell hidden while another can be. */
static void test_zero_not_chosen(void **state)
{
	const struct sup_table t = { 4, 1, false, true, false };
	int64_t v[5] = { 3, 0, 0, 80 };
	bool sup[5];

	UNUSED(state);
	add_totals(&t, v);
	assert_int_equal(run_table(&t, v, 5, sup), 2);
	assert_true(sup[0] && sup[3]);
	assert_false(sup[1] || sup[2] || sup[4]);
	check_table(&t, v, sup, 5);
}

/* A hidden total (from the grand total's line) with every cell shown
 * would be their sum: a cell of its row is hidden too. */
static void test_hidden_total_needs_a_cell(void **state)
{
	const struct sup_table t = { 3, 2, true, false, true };
	/* rows 1+2 = 3 (hidden, small); 20+30 = 50; 40+60 = 100; 153 */
	int64_t v[10] = { 1, 2, 20, 30, 40, 60 };
	bool sup[10];

	UNUSED(state);
	add_totals(&t, v);
	run_table(&t, v, 5, sup);
	assert_true(sup[0] && sup[1] && sup[sup_row_total(&t, 0)]);
	/* The grand line had one hidden: the next row total, 50, goes, and
	 * with it a cell of its row. */
	assert_true(sup[sup_row_total(&t, 1)]);
	assert_true(sup[2] || sup[3]);
	assert_false(sup[sup_grand(&t)]);
	check_table(&t, v, sup, 5);
}

/* Without totals shown, only the small counts go. */
static void test_no_totals(void **state)
{
	const struct sup_table t = { 2, 2, false, false, false };
	int64_t v[4] = { 4, 5, 0, 100 };
	bool sup[4];

	UNUSED(state);
	assert_int_equal(run_table(&t, v, 5, sup), 1);
	assert_true(sup[0]);
	assert_false(sup[1] || sup[2] || sup[3]);
}

/* Threshold 1 hides nothing; a higher one more. */
static void test_thresholds(void **state)
{
	const struct sup_table t = { 3, 1, false, true, false };
	int64_t v[4] = { 6, 9, 30, 0 };
	bool sup[4];

	UNUSED(state);
	add_totals(&t, v);
	assert_int_equal(run_table(&t, v, 1, sup), 0);
	assert_int_equal(run_table(&t, v, 10, sup), 2);
	assert_true(sup[0] && sup[1]);
	assert_false(sup[2] || sup[3]);
	check_table(&t, v, sup, 10);
}

static void test_bad_input(void **state)
{
	int64_t v[3] = { 1, 2, 3 };
	bool sup[3] = { false, false, false };
	struct sup_line far = { 0, 1, 3, 3 }, wide = { 1, 2, 2, 0 };
	struct err e = ERR_INIT;

	UNUSED(state);
	assert_int_equal(suppress(v, 3, NULL, 0, 0, sup, &e), -1);
	assert_string_equal(e.field, "threshold");
	assert_int_equal(suppress(v, 3, &far, 1, 5, sup, &e), -1);
	assert_string_equal(e.field, "lines");
	assert_int_equal(suppress(v, 3, &wide, 1, 5, sup, &e), -1);
	assert_string_equal(e.field, "lines");
	v[1] = -1;
	assert_int_equal(suppress(v, 3, NULL, 0, 5, sup, &e), -1);
	assert_string_equal(e.field, "values");
}

/* ------------------------------------------------------------------ */
/* Random tables, checked by brute force                               */
/* ------------------------------------------------------------------ */

static uint64_t rng = 88172645463325252ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void test_random_tables(void **state)
{
	int64_t v[200];
	bool sup[200], again[200];
	size_t leaks_naive = 0;

	UNUSED(state);
	for (int round = 0; round < 20000; round++) {
		struct sup_table t;
		int64_t threshold = round % 7 == 0 ? 10 : 5;
		size_t size;

		t.rows = 1 + next() % 8;
		t.cols = 1 + next() % 8;
		t.row_totals = next() % 4 != 0;
		t.col_totals = next() % 4 != 0;
		t.grand = next() % 2;
		size = sup_table_size(&t);
		memset(v, 0, sizeof(v));
		for (size_t i = 0; i < t.rows * t.cols; i++) {
			unsigned k = (unsigned)(next() % 10);

			/* Many zeros and small counts, some large. */
			v[i] = k < 3 ? 0 : k < 7 ? (int64_t)(next() % 6)
				 : (int64_t)(next() % 200);
		}
		add_totals(&t, v);

		/* Naive suppression (the small counts only) would leak in
		 * many of these: count them, so the test is known to test. */
		for (size_t i = 0; i < size; i++)
			sup[i] = v[i] >= 1 && v[i] < threshold;
		{
			size_t rows_leaking = 0;

			for (size_t i = 0; t.row_totals && i < t.rows; i++) {
				size_t hidden = 0;

				for (size_t j = 0; j < t.cols; j++)
					hidden += sup[i * t.cols + j];
				hidden += sup[sup_row_total(&t, i)];
				rows_leaking += hidden == 1;
			}
			leaks_naive += rows_leaking > 0;
		}

		run_table(&t, v, threshold, sup);
		check_table(&t, v, sup, threshold);
		/* Stable: a second pass hides nothing more. */
		memcpy(again, sup, size * sizeof(*sup));
		{
			struct sup_line lines[64];
			struct err e = ERR_INIT;
			size_t n = sup_table_lines(&t, lines);
			int before = 0;

			for (size_t i = 0; i < size; i++)
				before += sup[i];
			assert_int_equal(suppress(v, size, lines, n, threshold, again,
						  &e),
					 before);
		}
	}
	assert_true(leaks_naive > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_series_with_total),
		cmocka_unit_test(test_row_with_total),
		cmocka_unit_test(test_two_way_cascade),
		cmocka_unit_test(test_small_total_and_zeros),
		cmocka_unit_test(test_zero_not_chosen),
		cmocka_unit_test(test_hidden_total_needs_a_cell),
		cmocka_unit_test(test_no_totals),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_random_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
