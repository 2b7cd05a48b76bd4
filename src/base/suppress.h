/*
 * suppress.h: the suppression of small numbers in published tables
 * (suppress.c), as UK statistics producers do it (ONS, the Home Office's
 * police recorded crime tables): a count that could identify someone is
 * not shown, and neither is any other count from which it could be
 * worked out by subtraction.
 *
 * The values are the counts a page, a CSV or a JSON answer shows: its
 * cells and the totals shown beside them.  A line says that one value
 * (a total shown) is the sum of others (its parts): a row of a table and
 * its row total, a column and its column total, the row totals and the
 * grand total, or any other sum the reader is given (twelve months and
 * the year's figure beside them).
 *
 * The rules, in order:
 *
 *   1. Primary suppression: every value from 1 to threshold - 1 (a
 *      count of 1 to 4 with the default threshold of 5), cell or total.
 *
 *   2. Secondary suppression: in every line, the number of values
 *      suppressed (parts and total together) is 0 or at least 2.  A line
 *      with exactly one suppressed value would give it away: the total
 *      minus the visible parts, or the sum of the parts for a suppressed
 *      total.  The second value hidden is the smallest part that is not
 *      0 (ties: the first); if every visible part is 0, the total.  The
 *      rule is applied again until no line has exactly one, since each
 *      value hidden may leave another line with one (rows and columns of
 *      a table, the 1-row and 1-column cases alike: a single series with
 *      its total hides a second cell, or the total).
 *
 * Zero is shown.  A count of none identifies nobody, and hiding every
 * 0 would hide most of a small area's table for nothing, as the ONS and
 * Home Office tables do not.  But a 0 is never chosen as the second value
 * of a line while another can be: a suppressed cell beside a hidden 0
 * would be protected only by the reader's not knowing which of the two
 * is the 0 (the two hidden values then add up to the small count
 * itself).  The case where 0 seems to give a count away, a total shown
 * with one non-zero part and the rest 0, is rule 2: the part and the total
 * are equal, and both are hidden or both shown.
 *
 * What this does not do: protect against a reader who solves several
 * lines together (a pattern that rule 2 allows can, in rare tables, be
 * solved as a system of equations), or against totals shown on another
 * page unless the caller gives them as lines.  Callers give every sum
 * shown with a table as a line.
 *
 * Pure: no allocation, nothing printed.
 */
#ifndef SAFER_SUPPRESS_H
#define SAFER_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* The default threshold: counts fewer than this are suppressed. */
#define SUPPRESS_DEFAULT 5
/* The largest threshold accepted. */
#define SUPPRESS_MAX 1000

/* A sum shown: the value at index total is the sum of the n values at
 * first, first + stride, first + 2 * stride, ... (a row of a table is
 * stride 1, a column stride the number of columns). */
struct sup_line {
	size_t first;
	size_t stride;
	size_t n;
	size_t total;
};

/* Suppress the values v[0..n-1] (counts, none negative) by the rules
 * above, with threshold (1 to SUPPRESS_MAX; 1 suppresses nothing but
 * what sup already marks).  sup[0..n-1] (the caller's) says on return
 * which values are hidden; a value already marked true on entry stays
 * hidden and is treated as a suppressed one (a figure hidden for another
 * reason).  Returns the number of values hidden, or -1 with e set
 * (ERR_INVALID, field "threshold", "values" or "lines") for a threshold
 * out of range, a negative value or a line that reaches outside v. */
int suppress(const int64_t *v, size_t n, const struct sup_line *lines,
	     size_t n_lines, int64_t threshold, bool *sup, struct err *e);

/*
 * A table of counts with the totals shown: rows x cols cells, row-major,
 * at index i * cols + j; then, if row_totals, the total of each row;
 * then, if col_totals, the total of each column; then, if grand (and at
 * least one kind of total), the grand total.
 */
struct sup_table {
	size_t rows, cols;
	bool row_totals, col_totals, grand;
};

/* How many values the table has, where each lies, and how many lines it
 * makes at most (the size of the array sup_table_lines fills). */
size_t sup_table_size(const struct sup_table *t);
size_t sup_row_total(const struct sup_table *t, size_t i);
size_t sup_col_total(const struct sup_table *t, size_t j);
size_t sup_grand(const struct sup_table *t);
#define SUP_TABLE_MAX_LINES(t) ((t)->rows + (t)->cols + 2)

/* Write the lines of the table into out (SUP_TABLE_MAX_LINES of them at
 * most); returns how many. */
size_t sup_table_lines(const struct sup_table *t, struct sup_line *out);

#endif
