/*
 * crime_public.c: the crime dashboard in the public view (crime_dash.h):
 * which counts an anonymous visitor is not shown.
 *
 * The monthly figures are protected together, because the page gives
 * them in several places that add up: the table of months (each month's
 * crimes, the most common types and the other types beside them), the
 * headline figures (the sums of the last 12 months), the table of the
 * last 12 months against the 12 before (each type's sums, and all crime),
 * and anti-social behaviour each month with its sum over the period.
 * They are laid out as one set of values for base/suppress.h:
 *
 *   cells     [month][column], months base..to, columns: the top crime
 *             types, then "other types" (their sum), then the other
 *             crime types one by one, then anti-social behaviour;
 *   totals    [month]: all crime that month (the top types and "other");
 *   windows   for each sum over months the page shows (the period, the
 *             last 12 months, the 12 before, the headline's months and
 *             the same a year before): each column's sum, then all crime.
 *
 * and lines for every sum the reader could take: a month's all crime is
 * its top types and "other"; "other" is the other types; a window's sum
 * of a column is its months; a window's all crime is its months' totals,
 * and its top types with "other".  A value a reader cannot see (a
 * window's "other", say) is counted as shown: that only hides more.
 *
 * The wards and LSOAs, the outcomes and the peer group are tables of
 * their own (dash_protect_list).
 */
#include "crime_dash.h"
#include "base/suppress.h"

/* The index of the cell of month m, column c. */
static size_t cell(const struct dash *d, int m, size_t c)
{
	return (size_t)(m - d->base) * d->cols + c;
}

/* Add a line (if it has parts) to the list. */
static void line(struct sup_line *l, size_t *n, size_t first, size_t stride,
		 size_t parts, size_t total)
{
	if (parts)
		l[(*n)++] = (struct sup_line){ first, stride, parts, total };
}

/* Add the window m0..m1 unless it is there already or outside the
 * table. */
static void window(struct dash *d, int m0, int m1)
{
	if (m0 < d->base || m1 > d->to || m0 > m1 || d->n_win == DASH_WINDOWS)
		return;
	for (size_t w = 0; w < d->n_win; w++)
		if (d->win[w].m0 == m0 && d->win[w].m1 == m1)
			return;
	d->win[d->n_win].m0 = m0;
	d->win[d->n_win].m1 = m1;
	d->n_win++;
}

int dash_protect(struct dash *d, struct err *e)
{
	struct arena *a = d->r->arena;
	size_t n_crime = 0, c = 0, n_vals, n_lines = 0, ot;
	size_t nm = (size_t)d->n_months;
	struct sup_line *lines;
	int64_t *v;
	bool *is_top;

	if (!d->pub)
		return 0;
	/* The columns. */
	d->col_of = arena_array(a, d->n_types + 1, sizeof(*d->col_of));
	is_top = arena_array(a, d->n_types + 1, sizeof(*is_top));
	for (size_t k = 0; k < d->n_top; k++) {
		d->col_of[d->top[k]] = c++;
		is_top[d->top[k]] = true;
	}
	ot = c++; /* other types */
	for (size_t t = 0; t < d->n_types; t++)
		if ((int64_t)t != d->asb && !is_top[t])
			d->col_of[t] = c++;
	for (size_t t = 0; t < d->n_types; t++)
		n_crime += (int64_t)t != d->asb;
	if (d->asb >= 0)
		d->col_of[d->asb] = c++;
	d->cols = c;

	/* The windows. */
	d->n_win = 0;
	window(d, d->from, d->to);
	window(d, d->last_from, d->to);
	window(d, d->prev_from, d->last_from - 1);
	window(d, d->head_from, d->to);
	window(d, d->head_from - 12, d->to - 12);

	d->a_at = nm * d->cols;
	n_vals = d->a_at + nm;
	for (size_t w = 0; w < d->n_win; w++) {
		d->win[w].at = n_vals;
		n_vals += d->cols + 1;
	}
	v = arena_array(a, n_vals, sizeof(*v));
	d->hid = arena_array(a, n_vals, sizeof(*d->hid));
	lines = arena_array(a, 2 * nm + d->n_win * (d->cols + 3), sizeof(*lines));

	/* The values. */
	for (int m = d->base; m <= d->to; m++) {
		const int64_t *row = &d->mt[(size_t)(m - d->base) * d->n_types];

		for (size_t t = 0; t < d->n_types; t++) {
			v[cell(d, m, d->col_of[t])] = row[t];
			if ((int64_t)t == d->asb)
				continue;
			v[d->a_at + (size_t)(m - d->base)] += row[t];
			if (!is_top[t])
				v[cell(d, m, ot)] += row[t];
		}
		line(lines, &n_lines, cell(d, m, 0), 1, d->n_top + 1,
		     d->a_at + (size_t)(m - d->base));
		line(lines, &n_lines, cell(d, m, ot + 1), 1, n_crime - d->n_top,
		     cell(d, m, ot));
	}
	for (size_t w = 0; w < d->n_win; w++) {
		int m0 = d->win[w].m0, m1 = d->win[w].m1;
		size_t at = d->win[w].at, len = (size_t)(m1 - m0 + 1);

		for (size_t k = 0; k < d->cols; k++) {
			for (int m = m0; m <= m1; m++)
				v[at + k] += v[cell(d, m, k)];
			line(lines, &n_lines, cell(d, m0, k), d->cols, len, at + k);
		}
		for (int m = m0; m <= m1; m++)
			v[at + d->cols] += v[d->a_at + (size_t)(m - d->base)];
		line(lines, &n_lines, d->a_at + (size_t)(m0 - d->base), 1, len,
		     at + d->cols);
		line(lines, &n_lines, at, 1, d->n_top + 1, at + d->cols);
		line(lines, &n_lines, at + ot + 1, 1, n_crime - d->n_top, at + ot);
	}
	return suppress(v, n_vals, lines, n_lines, d->threshold, d->hid, e) < 0
		       ? -1 : 0;
}

bool dash_small(const struct dash *d, int64_t n)
{
	return d->pub && n >= 1 && n < d->threshold;
}

bool dash_hid(const struct dash *d, int64_t t, int m0, int m1)
{
	size_t col = 0;
	bool all;

	if (!d->pub)
		return false;
	if (!d->hid)
		return true; /* not protected: show nothing */
	if (t == DASH_CRIMES)
		t = d->type >= 0 ? d->type : DASH_ALL_CRIME;
	all = t == DASH_ALL_CRIME;
	if (t == DASH_OTHER)
		col = d->n_top;
	else if (t >= 0 && (size_t)t < d->n_types)
		col = d->col_of[t];
	else if (!all)
		return true;
	if (m0 == m1 && m0 >= d->base && m0 <= d->to)
		return all ? d->hid[d->a_at + (size_t)(m0 - d->base)]
			   : d->hid[cell(d, m0, col)];
	for (size_t w = 0; w < d->n_win; w++)
		if (d->win[w].m0 == m0 && d->win[w].m1 == m1)
			return d->hid[d->win[w].at + (all ? d->cols : col)];
	return t == DASH_OTHER || dash_small(d, dash_sum(d, t, m0, m1));
}

void dash_add_count_or_c(struct buf *b, int64_t n, bool hidden)
{
	if (hidden)
		html_raw(b, "<span class=\"suppressed\">[c]</span>");
	else
		dash_add_count(b, n);
}

void dash_public_note(struct dash *d)
{
	if (!d->pub)
		return;
	html(d->b, "<div class=\"inset-text crime-note\" id=\"suppressed\"><p>"
		   "<strong>[c]</strong> marks a count that is not published: "
		   "fewer than %lld, which could identify someone, or hidden so "
		   "that such a count cannot be worked out from the totals shown. "
		   "Charts leave those months out, and the CSV files leave the "
		   "count empty with <code>suppressed</code> true.</p></div>\n",
	     (long long)d->threshold);
}

int dash_protect_list(struct dash *d, const struct ce_result *res,
		      bool with_total, bool total_hidden, bool **hid,
		      bool *total_hid, struct err *e)
{
	size_t n = res->n_rows;
	int64_t *v = arena_array(d->r->arena, n + 1, sizeof(*v));
	bool *sup = arena_array(d->r->arena, n + 1, sizeof(*sup));
	struct sup_line l = { 0, 1, n, n };

	*hid = sup;
	*total_hid = false;
	if (!d->pub)
		return 0;
	for (size_t i = 0; i < n; i++)
		v[i] = res->rows[i].count;
	v[n] = res->total;
	sup[n] = total_hidden;
	if (suppress(v, n + 1, &l, with_total ? 1 : 0, d->threshold, sup, e) < 0)
		return -1;
	*total_hid = sup[n];
	return 0;
}
