/*
 * suppress.c: primary and secondary suppression of small numbers
 * (suppress.h says the rules and why).
 */
#include "suppress.h"

#define NONE ((size_t)-1)

/* The index of the k-th part of line l. */
static size_t part(const struct sup_line *l, size_t k)
{
	return l->first + k * l->stride;
}

/* The value to hide second in line l, which has exactly one hidden: the
 * smallest visible part above 0 (the first of equals), else the total if
 * visible and above 0, else any visible value (there is one: a line of
 * one hidden value has others).  NONE if every value is hidden. */
static size_t second(const int64_t *v, const bool *sup, const struct sup_line *l)
{
	size_t best = NONE, any = NONE;

	for (size_t k = 0; k < l->n; k++) {
		size_t i = part(l, k);

		if (sup[i])
			continue;
		if (any == NONE)
			any = i;
		if (v[i] > 0 && (best == NONE || v[i] < v[best]))
			best = i;
	}
	if (best != NONE)
		return best;
	if (!sup[l->total] && v[l->total] > 0)
		return l->total;
	if (any != NONE)
		return any;
	return sup[l->total] ? NONE : l->total;
}

int suppress(const int64_t *v, size_t n, const struct sup_line *lines,
	     size_t n_lines, int64_t threshold, bool *sup, struct err *e)
{
	bool changed = true;
	int hidden = 0;

	if (threshold < 1 || threshold > SUPPRESS_MAX)
		return err_set(e, ERR_INVALID, "threshold",
			       "must be a whole number from 1 to %d", SUPPRESS_MAX);
	for (size_t i = 0; i < n; i++)
		if (v[i] < 0)
			return err_set(e, ERR_INVALID, "values",
				       "value %zu is negative", i);
	for (size_t k = 0; k < n_lines; k++) {
		const struct sup_line *l = &lines[k];

		if (l->total >= n || (l->n && (l->first >= n ||
		    (l->n - 1) * l->stride >= n - l->first)))
			return err_set(e, ERR_INVALID, "lines",
				       "line %zu reaches outside the values", k);
	}

	for (size_t i = 0; i < n; i++)
		if (v[i] >= 1 && v[i] < threshold)
			sup[i] = true;
	while (changed) {
		changed = false;
		for (size_t k = 0; k < n_lines; k++) {
			const struct sup_line *l = &lines[k];
			size_t count = sup[l->total] ? 1 : 0, pick;

			if (!l->n)
				continue;
			for (size_t j = 0; j < l->n && count < 2; j++)
				count += sup[part(l, j)];
			if (count != 1)
				continue;
			pick = second(v, sup, l);
			if (pick == NONE)
				continue;
			sup[pick] = true;
			changed = true;
		}
	}
	for (size_t i = 0; i < n; i++)
		hidden += sup[i];
	return hidden;
}

/* ---------------------------------------------------------------------
 * Tables
 */

size_t sup_table_size(const struct sup_table *t)
{
	size_t n = t->rows * t->cols;

	n += t->row_totals ? t->rows : 0;
	n += t->col_totals ? t->cols : 0;
	n += t->grand && (t->row_totals || t->col_totals) ? 1 : 0;
	return n;
}

size_t sup_row_total(const struct sup_table *t, size_t i)
{
	return t->rows * t->cols + i;
}

size_t sup_col_total(const struct sup_table *t, size_t j)
{
	return t->rows * t->cols + (t->row_totals ? t->rows : 0) + j;
}

size_t sup_grand(const struct sup_table *t)
{
	return sup_table_size(t) - 1;
}

size_t sup_table_lines(const struct sup_table *t, struct sup_line *out)
{
	size_t n = 0;
	bool grand = t->grand && (t->row_totals || t->col_totals);

	if (t->row_totals)
		for (size_t i = 0; i < t->rows; i++)
			out[n++] = (struct sup_line){ i * t->cols, 1, t->cols,
						      sup_row_total(t, i) };
	if (t->col_totals)
		for (size_t j = 0; j < t->cols; j++)
			out[n++] = (struct sup_line){ j, t->cols, t->rows,
						      sup_col_total(t, j) };
	if (grand && t->row_totals)
		out[n++] = (struct sup_line){ sup_row_total(t, 0), 1, t->rows,
					      sup_grand(t) };
	if (grand && t->col_totals)
		out[n++] = (struct sup_line){ sup_col_total(t, 0), 1, t->cols,
					      sup_grand(t) };
	return n;
}
