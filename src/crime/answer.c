/*
 * answer.c: crime questions from names to answers (see answer.h).
 */
#include <math.h>

#include "base/csv.h"
#include "base/json.h"
#include "base/text.h"
#include "base/suppress.h"
#include "answer.h"
#include "policeuk.h"

static int month_arg(const char *s, const char *field, int *out,
		     struct err *e)
{
	int m = s ? pu_month_parse(s, strlen(s)) : -1;

	if (m < 0)
		return err_set(e, ERR_INVALID, field,
			       "'%s' is not a month written YYYY-MM", s ? s : "");
	*out = m;
	return 0;
}

int answer_prepare(const struct crime_engine *g, struct arena *a,
		   const struct question *in, struct prepared *out,
		   struct err *e)
{
	struct ce_stats st;
	const char *by = in->by ? in->by : "";

	memset(out, 0, sizeof(*out));
	ce_stats(g, &st);
	out->change = in->change;
	out->rolling = in->rolling;
	out->suppress_below = in->suppress_below;
	if (in->suppress_below && in->change)
		return err_set(e, ERR_INVALID, "change", "the change on a year before "
			       "is not published");
	if (in->suppress_below && in->rolling)
		return err_set(e, ERR_INVALID, "rolling", "rolling totals are not "
			       "published");
	out->first_month = st.first_month;
	if (st.last_month < 0) {
		/* No data yet: the period defaults to this month, and every
		 * count is zero. */
		char today[11];

		text_today(today);
		st.last_month = st.first_month = pu_month_parse(today, 7);
	}
	out->rate = in->rate;
	out->top = in->top;
	if (ce_area_find(g, a, in->area, &out->area, e) < 0)
		return -1;
	out->q.area = &out->area;
	if (in->to) {
		if (month_arg(in->to, "to", &out->q.to, e) < 0)
			return -1;
	} else {
		out->q.to = st.last_month;
	}
	if (in->from) {
		if (month_arg(in->from, "from", &out->q.from, e) < 0)
			return -1;
	} else if (in->default_months) {
		out->q.from = out->q.to - (int)in->default_months + 1;
	} else {
		out->q.from = st.first_month;
	}
	if (out->q.from > out->q.to)
		return err_set(e, ERR_INVALID, "from",
			       "the period starts after it ends");
	for (size_t i = 0; i < in->n_types; i++) {
		int64_t t = ce_type_find(g, in->types[i], e);

		if (t < 0)
			return -1;
		if (out->q.n_types < ARRAY_SIZE(out->q.types))
			out->q.types[out->q.n_types++] = (uint32_t)t;
	}
	while (*by) {
		const char *comma = strchr(by, ',');
		size_t n = comma ? (size_t)(comma - by) : strlen(by);
		char word[32];
		enum ce_dim d;

		snprintf(word, sizeof(word), "%.*s", (int)(n < 31 ? n : 31), by);
		if (n >= sizeof(word) || ce_dim_parse(word, &d) < 0)
			return err_set(e, ERR_INVALID, "by",
				       "'%.*s' is not one of month, type, outcome, "
				       "lsoa, ward, district, force",
				       (int)(n > 40 ? 40 : n), by);
		if (out->q.n_by == ARRAY_SIZE(out->q.by))
			return err_set(e, ERR_INVALID, "by",
				       "at most four dimensions");
		for (size_t k = 0; k < out->q.n_by; k++)
			if (out->q.by[k] == d)
				return err_set(e, ERR_INVALID, "by",
					       "'%s' is given twice", word);
		out->q.by[out->q.n_by++] = d;
		by += n + (comma ? 1 : 0);
	}
	if (out->top > ANSWER_MAX_TOP)
		return err_set(e, ERR_INVALID, "n", "must be from 1 to %d",
			       ANSWER_MAX_TOP);
	if (out->top && (out->q.n_by != 1 || out->q.by[0] == CE_MONTH ||
			 out->q.by[0] == CE_TYPE_DIM || out->q.by[0] == CE_OUTCOME_DIM))
		return err_set(e, ERR_INVALID, "by",
			       "top needs one of lsoa, ward, district or force");
	if (out->rolling) {
		bool month = false;

		for (size_t i = 0; i < out->q.n_by; i++)
			month |= out->q.by[i] == CE_MONTH;
		if (!month)
			return err_set(e, ERR_INVALID, "rolling",
				       "rolling 12-month totals need month among the "
				       "dimensions");
	}
	return 0;
}

static int cmp_top(const void *x, const void *y)
{
	const struct ce_row *a = x, *b = y;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->key[0] < b->key[0] ? -1 : a->key[0] > b->key[0];
}

int answer_run(const struct crime_engine *g, struct arena *a,
	       const struct prepared *p, struct ce_result *out, struct err *e)
{
	if (ce_count(g, a, &p->q, out, e) < 0)
		return -1;
	if (p->top) {
		/* The top N by count (ties by key), kept in a small sorted
		 * array while scanning; unknown places (no location, no
		 * ward) are not ranked. */
		size_t kept = 0, want = p->top < out->n_rows ? p->top : out->n_rows;
		struct ce_row *best = arena_array(a, want, sizeof(*best));

		for (size_t i = 0; i < out->n_rows; i++) {
			const struct ce_row *row = &out->rows[i];
			size_t k;

			if (row->key[0] == UINT32_MAX)
				continue;
			if (kept == want && cmp_top(row, &best[kept - 1]) >= 0)
				continue;
			k = kept < want ? kept++ : kept - 1;
			while (k > 0 && cmp_top(row, &best[k - 1]) < 0) {
				best[k] = best[k - 1];
				k--;
			}
			best[k] = *row;
		}
		out->rows = best;
		out->n_rows = kept;
	}
	return 0;
}

/* Find key (with its month moved by shift months) among rows sorted by
 * key; its count, or 0. */
static int64_t count_of(const struct prepared *p, const struct ce_result *r,
			const uint32_t *key, int shift)
{
	struct ce_row want = { { 0 }, 0 };
	size_t lo = 0, hi = r->n_rows;

	for (size_t i = 0; i < p->q.n_by; i++)
		want.key[i] = p->q.by[i] == CE_MONTH ? (uint32_t)((int)key[i] + shift)
						     : key[i];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = memcmp(r->rows[mid].key, want.key, sizeof(want.key));

		if (c == 0)
			return r->rows[mid].count;
		/* Keys compare as numbers, not bytes. */
		for (size_t i = 0; i < 4; i++)
			if (r->rows[mid].key[i] != want.key[i]) {
				c = r->rows[mid].key[i] < want.key[i] ? -1 : 1;
				break;
			}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int answer_extras(const struct crime_engine *g, struct arena *a,
		  const struct prepared *p, const struct ce_result *r,
		  struct extras *x, struct err *e)
{
	memset(x, 0, sizeof(*x));
	if (p->change) {
		/* The same question a year earlier (the part of it within the
		 * months an engine holds: none before CE_FIRST_MONTH). */
		struct ce_query q = p->q;
		struct ce_result before = { 0 };

		q.from -= 12;
		q.to -= 12;
		if (q.from < CE_FIRST_MONTH)
			q.from = CE_FIRST_MONTH;
		if (q.to >= q.from && ce_count(g, a, &q, &before, e) < 0)
			return -1;
		x->previous = arena_array(a, r->n_rows + 1, sizeof(int64_t));
		for (size_t i = 0; i < r->n_rows; i++)
			x->previous[i] = count_of(p, &before, r->rows[i].key, -12);
	}
	if (p->rolling) {
		/* The question from 11 months earlier, summed over windows. */
		struct ce_query q = p->q;
		struct ce_result wide;
		size_t month_dim = 0;

		q.from -= 11;
		if (q.from < CE_FIRST_MONTH)
			q.from = CE_FIRST_MONTH;
		if (ce_count(g, a, &q, &wide, e) < 0)
			return -1;
		for (size_t i = 0; i < p->q.n_by; i++)
			if (p->q.by[i] == CE_MONTH)
				month_dim = i;
		x->rolling = arena_array(a, r->n_rows + 1, sizeof(int64_t));
		for (size_t i = 0; i < r->n_rows; i++) {
			int64_t sum = 0;

			if ((int)r->rows[i].key[month_dim] - 11 < p->first_month) {
				x->rolling[i] = -1;
				continue;
			}
			for (int k = 0; k < 12; k++)
				sum += count_of(p, &wide, r->rows[i].key, -k);
			x->rolling[i] = sum;
		}
	}
	return 0;
}

/* v rounded to places decimals (half away from zero), for CSV; NAN
 * stays NAN.  round() takes any magnitude, where a cast to an integer
 * would overflow. */
static double rounded(double v, int places)
{
	double scale = places == 1 ? 10 : 1000;

	return round(v * scale) / scale;
}

/* The change from before to now in per cent, or NAN. */
static double change_pct(int64_t before, int64_t now)
{
	return before > 0 ? 100.0 * (double)(now - before) / (double)before
			  : __builtin_nan("");
}

/* The value written for a key in CSV: the code where there is one
 * (LSOA, ward; their names follow in a column of their own), else the
 * name. */
static const char *key_text(const struct crime_engine *g, enum ce_dim d,
			    uint32_t key, char month[8])
{
	const char *code, *name;

	if (key == UINT32_MAX)
		return d == CE_LSOA_DIM ? "no location" : "unknown";
	ce_label(g, d, key, month, &code, &name);
	if ((d == CE_LSOA_DIM || d == CE_WARD) && code)
		return code;
	return name ? name : code ? code : "";
}

/* The rate per 1,000 residents of a row, or NAN. */
static double row_rate(const struct crime_engine *g, const struct prepared *p,
		       const struct ce_row *row)
{
	int64_t pop = -1;

	for (size_t i = 0; i < p->q.n_by; i++) {
		enum ce_dim d = p->q.by[i];

		if (d == CE_LSOA_DIM || d == CE_WARD || d == CE_DISTRICT) {
			pop = row->key[i] == UINT32_MAX ? -1
							: ce_population(g, d, row->key[i]);
			break;
		}
	}
	if (pop < 0) {
		bool area_dim = false;

		for (size_t i = 0; i < p->q.n_by; i++)
			if (p->q.by[i] == CE_LSOA_DIM || p->q.by[i] == CE_WARD ||
			    p->q.by[i] == CE_DISTRICT || p->q.by[i] == CE_FORCE_DIM)
				area_dim = true;
		if (!area_dim)
			pop = p->area.population;
	}
	return pop > 0 ? (double)row->count * 1000.0 / (double)pop : __builtin_nan("");
}

/* ---------------------------------------------------------------------
 * Suppression for the public view
 */

struct hidden {
	bool *row;          /* [n_rows]: the row's count is hidden */
	bool total, no_location;
};

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

/* The distinct values of key[k] over the rows, sorted, into *out
 * (xmalloc'd); returns how many. */
static size_t distinct(const struct ce_result *r, size_t k, uint32_t **out)
{
	uint32_t *v = xcalloc(r->n_rows + 1, sizeof(*v));
	size_t n = 0;

	for (size_t i = 0; i < r->n_rows; i++)
		v[i] = r->rows[i].key[k];
	qsort(v, r->n_rows, sizeof(*v), cmp_u32);
	for (size_t i = 0; i < r->n_rows; i++)
		if (!n || v[n - 1] != v[i])
			v[n++] = v[i];
	*out = v;
	return n;
}

static size_t index_of(const uint32_t *v, size_t n, uint32_t key)
{
	const uint32_t *f = bsearch(&key, v, n, sizeof(*v), cmp_u32);

	return (size_t)(f - v);
}

#define TABLE_MAX_CELLS 4000000 /* a larger table is protected as a list */

/* Which counts of r to hide (suppress.h): with two dimensions, as a
 * table with the totals of its rows and columns and the grand total (a
 * row absent from r is a 0); otherwise the rows as a list with their
 * total (a top list's rows are not all of the total: no sum is shown
 * then).  no_location is hidden when small, or when it is the row of
 * no place and that is hidden.  h->row is xmalloc'd. */
static void hide(const struct prepared *p, const struct ce_result *r,
		 struct hidden *h)
{
	struct err e = ERR_INIT;
	uint32_t *k0 = NULL, *k1 = NULL;
	size_t n0 = 0, n1 = 0;

	memset(h, 0, sizeof(*h));
	h->row = xcalloc(r->n_rows + 1, sizeof(*h->row));
	if (p->q.n_by == 2 && !p->top) {
		n0 = distinct(r, 0, &k0);
		n1 = distinct(r, 1, &k1);
	}
	if (p->q.n_by == 2 && !p->top && n0 * n1 <= TABLE_MAX_CELLS) {
		struct sup_table t = { n0, n1, true, true, true };
		size_t size = sup_table_size(&t);
		int64_t *v = xcalloc(size, sizeof(*v));
		bool *sup = xcalloc(size, sizeof(*sup));
		struct sup_line *lines = xcalloc(SUP_TABLE_MAX_LINES(&t), sizeof(*lines));
		size_t n_lines = sup_table_lines(&t, lines);

		for (size_t i = 0; i < r->n_rows; i++) {
			size_t a = index_of(k0, n0, r->rows[i].key[0]);
			size_t c = index_of(k1, n1, r->rows[i].key[1]);

			v[a * n1 + c] += r->rows[i].count;
			v[sup_row_total(&t, a)] += r->rows[i].count;
			v[sup_col_total(&t, c)] += r->rows[i].count;
			v[sup_grand(&t)] += r->rows[i].count;
		}
		if (suppress(v, size, lines, n_lines, p->suppress_below, sup, &e) < 0)
			memset(sup, 1, size * sizeof(*sup)); /* cannot happen */
		for (size_t i = 0; i < r->n_rows; i++)
			h->row[i] = sup[index_of(k0, n0, r->rows[i].key[0]) * n1 +
					index_of(k1, n1, r->rows[i].key[1])];
		h->total = sup[sup_grand(&t)];
		free(v);
		free(sup);
		free(lines);
	} else {
		int64_t *v = xcalloc(r->n_rows + 1, sizeof(*v));
		bool *sup = xcalloc(r->n_rows + 1, sizeof(*sup));
		struct sup_line line = { 0, 1, r->n_rows, r->n_rows };

		for (size_t i = 0; i < r->n_rows; i++)
			v[i] = r->rows[i].count;
		v[r->n_rows] = r->total;
		if (suppress(v, r->n_rows + 1, &line, p->top ? 0 : 1,
			     p->suppress_below, sup, &e) < 0)
			memset(sup, 1, (r->n_rows + 1) * sizeof(*sup));
		memcpy(h->row, sup, r->n_rows * sizeof(*sup));
		h->total = sup[r->n_rows];
		free(v);
		free(sup);
	}
	free(k0);
	free(k1);
	h->no_location = r->no_location >= 1 && r->no_location < p->suppress_below;
	for (size_t i = 0; i < r->n_rows; i++)
		for (size_t k = 0; k < p->q.n_by; k++)
			if (r->rows[i].key[k] == UINT32_MAX && h->row[i])
				h->no_location = true;
}

void answer_write(struct buf *b, enum answer_format fmt,
		  const struct crime_engine *g, const struct prepared *p,
		  const struct ce_result *r, const struct extras *x)
{
	char month[8], from[8], to[8];

	struct hidden h = { NULL, false, false };
	bool pub = p->suppress_below > 0;

	pu_month_format(p->q.from, from);
	pu_month_format(p->q.to, to);
	if (pub)
		hide(p, r, &h);
	else
		h.row = xcalloc(r->n_rows + 1, sizeof(*h.row));
	if (fmt == ANSWER_CSV) {
		struct csv c;

		csv_init(&c, b);
		for (size_t i = 0; i < p->q.n_by; i++) {
			csv_text(&c, ce_dim_name(p->q.by[i]));
			if (p->q.by[i] == CE_LSOA_DIM || p->q.by[i] == CE_WARD)
				csv_text(&c, p->q.by[i] == CE_LSOA_DIM ? "lsoa_name"
								     : "ward_name");
		}
		csv_text(&c, "count");
		if (p->rate)
			csv_text(&c, "rate_per_1000");
		if (x && x->previous) {
			csv_text(&c, "year_before");
			csv_text(&c, "change_pct");
		}
		if (x && x->rolling)
			csv_text(&c, "rolling_12");
		if (pub)
			csv_text(&c, "suppressed");
		csv_end_row(&c);
		for (size_t k = 0; k < r->n_rows; k++) {
			for (size_t i = 0; i < p->q.n_by; i++) {
				enum ce_dim d = p->q.by[i];
				uint32_t key = r->rows[k].key[i];

				csv_text(&c, key_text(g, d, key, month));
				if (d == CE_LSOA_DIM || d == CE_WARD) {
					const char *code, *name = NULL;

					if (key != UINT32_MAX)
						ce_label(g, d, key, month, &code, &name);
					csv_text(&c, name ? name : "");
				}
			}
			if (h.row[k])
				csv_empty(&c);
			else
				csv_int(&c, r->rows[k].count);
			if (p->rate) {
				double rate = row_rate(g, p, &r->rows[k]);

				if (isfinite(rate) && !h.row[k])
					csv_num(&c, rounded(rate, 3));
				else
					csv_empty(&c);
			}
			if (x && x->previous) {
				double pct = change_pct(x->previous[k], r->rows[k].count);

				csv_int(&c, x->previous[k]);
				if (isfinite(pct))
					csv_num(&c, rounded(pct, 1));
				else
					csv_empty(&c); /* nothing a year before */
			}
			if (x && x->rolling) {
				if (x->rolling[k] >= 0)
					csv_int(&c, x->rolling[k]);
				else
					csv_empty(&c);
			}
			if (pub)
				csv_text(&c, h.row[k] ? "true" : "false");
			csv_end_row(&c);
		}
		free(h.row);
		return;
	}
	if (fmt == ANSWER_JSON) {
		struct jw j;

		jw_init(&j, b, false);
		jw_obj(&j);
		jw_key(&j, "query");
		jw_obj(&j);
		jw_kv_str(&j, "area", p->area.name);
		jw_kv_str(&j, "area_code", p->area.code);
		jw_kv_str(&j, "from", from);
		jw_kv_str(&j, "to", to);
		jw_key(&j, "types");
		jw_arr(&j);
		for (size_t i = 0; i < p->q.n_types; i++) {
			const char *code, *name;

			ce_label(g, CE_TYPE_DIM, p->q.types[i], month, &code, &name);
			jw_str(&j, name);
		}
		jw_end(&j);
		jw_key(&j, "by");
		jw_arr(&j);
		for (size_t i = 0; i < p->q.n_by; i++)
			jw_str(&j, ce_dim_name(p->q.by[i]));
		jw_end(&j);
		jw_end(&j);
		if (h.total) {
			jw_kv_null(&j, "total");
			jw_kv_bool(&j, "total_suppressed", true);
		} else {
			jw_kv_int(&j, "total", r->total);
		}
		if (h.no_location) {
			jw_kv_null(&j, "no_location");
			jw_kv_bool(&j, "no_location_suppressed", true);
		} else {
			jw_kv_int(&j, "no_location", r->no_location);
		}
		if (pub)
			jw_kv_int(&j, "suppressed_below", p->suppress_below);
		if (p->area.population >= 0)
			jw_kv_int(&j, "population", p->area.population);
		jw_key(&j, "rows");
		jw_arr(&j);
		for (size_t k = 0; k < r->n_rows; k++) {
			jw_obj(&j);
			for (size_t i = 0; i < p->q.n_by; i++) {
				enum ce_dim d = p->q.by[i];
				const char *code = NULL, *name = NULL;

				if (r->rows[k].key[i] != UINT32_MAX)
					ce_label(g, d, r->rows[k].key[i], month, &code,
						 &name);
				jw_kv_str(&j, ce_dim_name(d),
					  key_text(g, d, r->rows[k].key[i], month));
				if (d == CE_LSOA_DIM || d == CE_WARD || d == CE_DISTRICT) {
					char key[40];

					snprintf(key, sizeof(key), "%s_code", ce_dim_name(d));
					jw_kv_str(&j, key, code);
					snprintf(key, sizeof(key), "%s_name", ce_dim_name(d));
					jw_kv_str(&j, key, name);
				}
			}
			if (h.row[k]) {
				jw_kv_null(&j, "count");
				jw_kv_bool(&j, "suppressed", true);
				if (p->rate)
					jw_kv_null(&j, "rate_per_1000");
			} else {
				jw_kv_int(&j, "count", r->rows[k].count);
				if (p->rate)
					jw_kv_num(&j, "rate_per_1000",
						  row_rate(g, p, &r->rows[k]));
			}
			if (x && x->previous) {
				jw_kv_int(&j, "year_before", x->previous[k]);
				jw_kv_num(&j, "change_pct",
					  change_pct(x->previous[k], r->rows[k].count));
			}
			if (x && x->rolling) {
				if (x->rolling[k] >= 0)
					jw_kv_int(&j, "rolling_12", x->rolling[k]);
				else
					jw_kv_null(&j, "rolling_12");
			}
			jw_end(&j);
		}
		jw_end(&j);
		jw_end(&j);
		buf_addc(b, '\n');
		free(h.row);
		return;
	}
	free(h.row);
	/* A text table. */
	{
		size_t cols = p->q.n_by + 1 + (p->rate ? 1 : 0);
		size_t *width = xcalloc(cols, sizeof(*width));
		struct buf cell = BUF_INIT;

		for (size_t i = 0; i < p->q.n_by; i++)
			width[i] = strlen(ce_dim_name(p->q.by[i]));
		width[p->q.n_by] = 5;
		for (size_t k = 0; k < r->n_rows; k++)
			for (size_t i = 0; i < p->q.n_by; i++) {
				size_t w = utf8_length(key_text(g, p->q.by[i],
								r->rows[k].key[i], month));

				if (w > width[i])
					width[i] = w;
			}
		for (size_t i = 0; i < p->q.n_by; i++)
			buf_printf(b, "%-*s  ", (int)width[i], ce_dim_name(p->q.by[i]));
		buf_printf(b, "%10s%s%s%s\n", "count", p->rate ? "  per 1,000" : "",
			   x && x->previous ? "  year before  change" : "",
			   x && x->rolling ? "  rolling 12" : "");
		for (size_t k = 0; k < r->n_rows; k++) {
			for (size_t i = 0; i < p->q.n_by; i++) {
				const char *t = key_text(g, p->q.by[i], r->rows[k].key[i],
							 month);

				buf_adds(b, t);
				for (size_t w = utf8_length(t); w < width[i] + 2; w++)
					buf_addc(b, ' ');
			}
			buf_reset(&cell);
			text_add_grouped(&cell, r->rows[k].count);
			buf_printf(b, "%10s", cell.ptr);
			if (p->rate) {
				double rate = row_rate(g, p, &r->rows[k]);

				buf_reset(&cell);
				if (isfinite(rate))
					text_add_number(&cell, rate, 2);
				buf_printf(b, "  %10s", cell.ptr);
			}
			if (x && x->previous) {
				double pct = change_pct(x->previous[k], r->rows[k].count);

				buf_reset(&cell);
				text_add_grouped(&cell, x->previous[k]);
				buf_printf(b, "  %11s", cell.ptr);
				if (isfinite(pct))
					buf_printf(b, "  %+5.1f%%", pct);
				else
					buf_printf(b, "  %6s", "");
			}
			if (x && x->rolling && x->rolling[k] >= 0) {
				buf_reset(&cell);
				text_add_grouped(&cell, x->rolling[k]);
				buf_printf(b, "  %10s", cell.ptr);
			}
			buf_addc(b, '\n');
		}
		buf_reset(&cell);
		text_add_grouped(&cell, r->total);
		buf_printf(b, "%s, %s to %s: %s crimes", p->area.name, from, to,
			   cell.ptr);
		if (r->no_location) {
			buf_adds(b, " (");
			text_add_grouped(b, r->no_location);
			buf_adds(b, " with no location)");
		}
		buf_addc(b, '\n');
		buf_release(&cell);
		free(width);
	}
}
