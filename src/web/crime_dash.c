/*
 * crime_dash.c: the helpers the crime dashboard's files share (see
 * crime_dash.h): months and counts in words, the questions to the
 * engine, sums over the monthly table, and links.
 */
#include "base/esc.h"
#include "base/text.h"
#include "crime/policeuk.h"
#include "crime_dash.h"
#include "svg.h"

/* ---------------------------------------------------------------------
 * Months and numbers in words
 */

void dash_add_month(struct buf *b, int month)
{
	char m[8];

	pu_month_format(month, m);
	text_add_date(b, m);
}

const char *dash_month_text(struct arena *a, int month)
{
	struct buf t = BUF_INIT;
	char *s;

	dash_add_month(&t, month);
	s = arena_strdup(a, t.ptr);
	buf_release(&t);
	return s;
}

const char *dash_month_code(struct arena *a, int month)
{
	char m[8];

	pu_month_format(month, m);
	return arena_strdup(a, m);
}

const char *dash_months_text(struct arena *a, int from, int to)
{
	static const char *const names[12] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};

	if (from == to)
		return dash_month_text(a, to);
	if (from / 12 == to / 12)
		return arena_printf(a, "%s to %s", names[from % 12],
				    dash_month_text(a, to));
	return arena_printf(a, "%s to %s", dash_month_text(a, from),
			    dash_month_text(a, to));
}

void dash_add_count(struct buf *b, int64_t n)
{
	text_add_grouped(b, n);
}

int64_t dash_tenths(int64_t part, int64_t whole)
{
	int64_t a = part < 0 ? -part : part;
	int64_t t = (2 * a * 10 + whole) / (2 * whole);

	return part < 0 ? -t : t;
}

void dash_add_tenths(struct buf *b, int64_t t)
{
	if (t < 0) {
		buf_addc(b, '-');
		t = -t;
	}
	text_add_grouped(b, t / 10);
	buf_printf(b, ".%d", (int)(t % 10));
}

void dash_add_rate(struct buf *b, int64_t count, int64_t population)
{
	if (population <= 0) {
		html_raw(b, "<span class=\"secondary-text\">Not known</span>");
		return;
	}
	dash_add_tenths(b, dash_tenths(count * 1000, population));
}

const char *dash_type_name(const struct dash *d, size_t t)
{
	char m[8];
	const char *code, *name;

	ce_label(d->g, CE_TYPE_DIM, (uint32_t)t, m, &code, &name);
	return name && *name ? name : "Crime type not recorded";
}

/* ---------------------------------------------------------------------
 * The engine and the monthly table
 */

int dash_ask(struct dash *d, const struct ce_area *area, int from, int to,
	     const enum ce_dim *by, size_t n_by, bool crimes_only, int64_t type,
	     size_t top, struct ce_result *out, struct err *e)
{
	struct prepared p;

	memset(&p, 0, sizeof(p));
	p.area = *area;
	p.q.area = &p.area;
	p.q.from = from;
	p.q.to = to;
	for (size_t i = 0; i < n_by; i++)
		p.q.by[i] = by[i];
	p.q.n_by = n_by;
	if (type < 0 && crimes_only)
		type = d->type;
	if (type >= 0) {
		p.q.types[p.q.n_types++] = (uint32_t)type;
	} else if (crimes_only && d->asb >= 0) {
		if (!d->n_crime_types) {
			memset(out, 0, sizeof(*out));
			return 0;
		}
		memcpy(p.q.types, d->crime_types,
		       d->n_crime_types * sizeof(*d->crime_types));
		p.q.n_types = d->n_crime_types;
	}
	p.top = top;
	return answer_run(d->g, d->r->arena, &p, out, e);
}

int64_t dash_sum(const struct dash *d, int64_t t, int m0, int m1)
{
	int64_t n = 0;

	if (t == DASH_CRIMES && d->type >= 0)
		t = d->type;
	for (int m = m0 < d->base ? d->base : m0; m <= m1 && m <= d->to; m++) {
		const int64_t *row = &d->mt[(size_t)(m - d->base) * d->n_types];

		if (t >= 0) {
			n += row[t];
			continue;
		}
		for (size_t k = 0; k < d->n_types; k++)
			if ((int64_t)k != d->asb)
				n += row[k];
	}
	return n;
}

static int cmp_type_desc(const void *x, const void *y)
{
	const int64_t *a = x, *b = y; /* {count, type} */

	if (a[0] != b[0])
		return a[0] > b[0] ? -1 : 1;
	return a[1] < b[1] ? -1 : a[1] > b[1];
}

size_t dash_top_types(struct dash *d, uint32_t *out, size_t max)
{
	int64_t (*order)[2] = arena_array(d->r->arena, d->n_types + 1,
					   sizeof(*order));
	size_t n = 0, k = 0;

	for (size_t t = 0; t < d->n_types; t++) {
		int64_t c = (int64_t)t == d->asb ? 0
						  : dash_sum(d, (int64_t)t, d->from, d->to);

		if (c > 0) {
			order[n][0] = c;
			order[n][1] = (int64_t)t;
			n++;
		}
	}
	qsort(order, n, sizeof(*order), cmp_type_desc);
	for (size_t i = 0; i < n && k < max; i++)
		out[k++] = (uint32_t)order[i][1];
	return k;
}

int dash_missing_in(const struct dash *d, int m0, int m1)
{
	int n = 0;

	for (int m = m0 < d->base ? d->base : m0; m <= m1 && m <= d->to; m++)
		n += d->missing[m - d->base];
	return n;
}

void dash_add_missing_months(struct buf *b, const struct dash *d, int m0,
			     int m1)
{
	int k = 0, n = dash_missing_in(d, m0, m1);

	for (int m = m0 < d->base ? d->base : m0; m <= m1 && m <= d->to; m++) {
		if (!d->missing[m - d->base])
			continue;
		if (k++)
			html_raw(b, k == n ? " and " : ", ");
		dash_add_month(b, m);
	}
}

const char **dash_axis_labels(struct dash *d, int from, int n)
{
	int *m = arena_array(d->r->arena, n > 0 ? (size_t)n : 1, sizeof(*m));

	for (int i = 0; i < n; i++)
		m[i] = from + i;
	return svg_month_labels(d->r->arena, m, n > 0 ? (size_t)n : 0);
}

const char **dash_month_names(struct dash *d, int from, int n)
{
	const char **l = arena_array(d->r->arena, n > 0 ? (size_t)n : 1,
				     sizeof(*l));

	for (int i = 0; i < n; i++)
		l[i] = dash_month_text(d->r->arena, from + i);
	return l;
}

/* ---------------------------------------------------------------------
 * Links
 */

const char *dash_area_link(struct dash *d, const char *area)
{
	struct buf u = BUF_INIT;
	const char *s;

	buf_adds(&u, "/crime");
	web_url_param(&u, "area", area);
	web_url_param(&u, "from", dash_month_code(d->r->arena, d->from));
	web_url_param(&u, "to", dash_month_code(d->r->arena, d->to));
	web_url_param(&u, "type", d->type_name);
	web_url_param(&u, "peer", d->peer_param && *d->peer_param ? d->peer_param
								 : NULL);
	s = arena_strdup(d->r->arena, u.ptr);
	buf_release(&u);
	return s;
}

const char *dash_csv_url(struct dash *d, const char *endpoint, const char *area,
			 int from, int to, const char *by, bool crimes_only,
			 int64_t type, bool rate, size_t n)
{
	struct buf u = BUF_INIT;
	const char *s;

	if (type < 0 && crimes_only)
		type = d->type;
	buf_printf(&u, "/api/v1/crime/%s", endpoint);
	web_url_param(&u, "area", area);
	web_url_param(&u, "from", dash_month_code(d->r->arena, from));
	web_url_param(&u, "to", dash_month_code(d->r->arena, to));
	web_url_param(&u, "by", by);
	if (type >= 0)
		web_url_param(&u, "type", dash_type_name(d, (size_t)type));
	else if (crimes_only && d->asb >= 0)
		for (size_t i = 0; i < d->n_crime_types; i++)
			web_url_param(&u, "type", dash_type_name(d, d->crime_types[i]));
	if (rate)
		web_url_param(&u, "rate", "true");
	if (n) {
		char t[24];

		snprintf(t, sizeof(t), "%zu", n);
		web_url_param(&u, "n", t);
	}
	web_url_param(&u, "format", "csv");
	s = arena_strdup(d->r->arena, u.ptr);
	buf_release(&u);
	return s;
}

void dash_csv_link(struct buf *b, const char *url, const char *what)
{
	html(b, "<p class=\"crime-csv\"><a href=\"%s\">Download as CSV"
		"<span class=\"visually-hidden\">: %s</span></a></p>\n",
	     url, what);
}
