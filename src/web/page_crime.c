/*
 * page_crime.c: the crime dashboard, /crime.
 *
 * For an area (a peer group, a force, a district, a ward or an LSOA) and
 * a period of months chosen in a GET form, it shows:
 *   1. crimes each month by type: a line chart with its table;
 *   2. the last 12 months of the period against the 12 before, by type;
 *   3. the wards and LSOAs with the most crimes in the last 12 months,
 *      with rates per 1,000 residents, and a note on police.uk locations;
 *   4. anti-social behaviour each month;
 *   5. the last outcomes of the crimes of the last 12 months;
 *   6. the districts of a peer group compared, the area highlighted;
 * each table with a link to the same figures as CSV from the crime API.
 *
 * "Crimes" are the street-level records of every type but anti-social
 * behaviour, which is counted on its own (police.uk records both; ASB
 * incidents are not crimes).  One render asks the engine a handful of
 * questions (listed above page_crime()); the monthly figures come from
 * one of them, counted by month and type at once.
 */
#include <math.h>
#include <strings.h>

#include "base/esc.h"
#include "base/text.h"
#include "crime/answer.h"
#include "crime/crime.h"
#include "crime/engine.h"
#include "crime/policeuk.h"
#include "pages.h"
#include "store/store_crime.h"
#include "store/store_people.h"
#include "svg.h"

#define DEFAULT_MONTHS 36   /* the default period: the last 36 months */
#define MAX_MONTHS 240      /* the longest period a page will draw */
#define CHART_TYPES 5       /* crime types drawn beside all crime */
#define TOP_N 10            /* wards and LSOAs listed */
#define MAX_FORCES 8        /* forces whose rows one area may hold */

/* Everything one render knows. */
struct dash {
	struct req *r;
	struct buf *b;
	const struct crime_engine *g;
	struct ce_stats st;
	struct crime_summary cs;

	const char *area_text;  /* the area as the request named it (links) */
	const char *area_sel;   /* the option of the area list to select */
	const char *area_label; /* the area's name as shown */
	struct ce_area area;
	int from, to;           /* the chosen period, months inclusive */
	int last_from;          /* the last 12 months: last_from..to */
	int prev_from;          /* the 12 before: prev_from..last_from - 1 */
	int base;               /* the monthly counts run base..to */
	int n_months;

	int64_t asb;            /* the type id of anti-social behaviour, or -1 */
	uint32_t crime_types[32]; /* every type id but ASB */
	size_t n_crime_types;
	size_t n_types;         /* type ids are 0..n_types - 1 */
	int64_t *mt;            /* [(month - base) * n_types + type]: counts */
	uint32_t forces[MAX_FORCES]; /* forces with rows in the area */
	size_t n_forces;
	bool *missing;          /* [month - base]: none of those forces
				 * published data that month */
	int n_missing;          /* such months in from..to */

	const char *peer_text;  /* the peer group compared with, or NULL */
	struct ce_area peer;
};

/* ---------------------------------------------------------------------
 * Small writers
 */

/* "January 2021". */
static void add_month(struct buf *b, int month)
{
	char m[8];

	pu_month_format(month, m);
	text_add_date(b, m);
}

static const char *month_text(struct arena *a, int month)
{
	struct buf t = BUF_INIT;
	char *s;

	add_month(&t, month);
	s = arena_strdup(a, t.ptr);
	buf_release(&t);
	return s;
}

static const char *month_code(struct arena *a, int month)
{
	char m[8];

	pu_month_format(month, m);
	return arena_strdup(a, m);
}

static void add_count(struct buf *b, int64_t n)
{
	text_add_grouped(b, n);
}

/* part per whole in tenths, rounded half away from zero: the value of
 * "12.3" is 123.  whole must be positive. */
static int64_t tenths(int64_t part, int64_t whole)
{
	int64_t a = part < 0 ? -part : part;
	int64_t t = (2 * a * 10 + whole) / (2 * whole);

	return part < 0 ? -t : t;
}

/* Write tenths as "12.3" (with thousands separators). */
static void add_tenths(struct buf *b, int64_t t)
{
	if (t < 0) {
		buf_addc(b, '-');
		t = -t;
	}
	text_add_grouped(b, t / 10);
	buf_printf(b, ".%d", (int)(t % 10));
}

/* The rate per 1,000 residents as "12.3", or "Not known" when the
 * population is not. */
static void add_rate(struct buf *b, int64_t count, int64_t population)
{
	if (population <= 0) {
		html_raw(b, "<span class=\"secondary-text\">Not known</span>");
		return;
	}
	add_tenths(b, tenths(count * 1000, population));
}

/* ---------------------------------------------------------------------
 * Asking the engine
 */

/* Count over area for months from..to by the dimensions by (n_by of them);
 * crimes only (every type but ASB) or, with type >= 0, that type only;
 * top > 0 keeps the top rows by count.  Rows come from the arena. */
static int ask(struct dash *d, const struct ce_area *area, int from, int to,
	       const enum ce_dim *by, size_t n_by, bool crimes_only,
	       int64_t type, size_t top, struct ce_result *out, struct err *e)
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

/* The count of type t (or of every crime type, for t < 0) over months
 * m0..m1, from the monthly table. */
static int64_t sum(const struct dash *d, int64_t t, int m0, int m1)
{
	int64_t n = 0;

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

/* Months in m0..m1 with no data from the area's forces. */
static int missing_in(const struct dash *d, int m0, int m1)
{
	int n = 0;

	for (int m = m0 < d->base ? d->base : m0; m <= m1 && m <= d->to; m++)
		n += d->missing[m - d->base];
	return n;
}

/* Say which months of from..to have no data, as a sentence that follows
 * "police.uk has no data for " (escaped). */
static void add_missing_months(struct buf *b, const struct dash *d, int m0,
			       int m1)
{
	int k = 0, n = missing_in(d, m0, m1);

	for (int m = m0 < d->base ? d->base : m0; m <= m1 && m <= d->to; m++) {
		if (!d->missing[m - d->base])
			continue;
		if (k++)
			html_raw(b, k == n ? " and " : ", ");
		add_month(b, m);
	}
}

static const char *type_name(const struct dash *d, size_t t)
{
	char m[8];
	const char *code, *name;

	ce_label(d->g, CE_TYPE_DIM, (uint32_t)t, m, &code, &name);
	return name && *name ? name : "Crime type not recorded";
}

/* ---------------------------------------------------------------------
 * Links to the API, as CSV
 */

/* The address of a CSV answer of the crime API (endpoint "counts" or
 * "top") for area over from..to by the dimensions in by ("month,type");
 * crimes only or, with type >= 0, one type; with the rate; n rows for
 * top.  From the arena. */
static const char *csv_url(struct dash *d, const char *endpoint,
			   const char *area, int from, int to, const char *by,
			   bool crimes_only, int64_t type, bool rate, size_t n)
{
	struct buf u = BUF_INIT;
	const char *s;

	buf_printf(&u, "/api/v1/crime/%s", endpoint);
	web_url_param(&u, "area", area);
	web_url_param(&u, "from", month_code(d->r->arena, from));
	web_url_param(&u, "to", month_code(d->r->arena, to));
	web_url_param(&u, "by", by);
	if (type >= 0)
		web_url_param(&u, "type", type_name(d, (size_t)type));
	else if (crimes_only && d->asb >= 0)
		for (size_t i = 0; i < d->n_crime_types; i++)
			web_url_param(&u, "type", type_name(d, d->crime_types[i]));
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

/* "Download as CSV", the hidden part saying what. */
static void csv_link(struct buf *b, const char *url, const char *what)
{
	html(b, "<p class=\"crime-csv\"><a href=\"%s\">Download as CSV"
		"<span class=\"visually-hidden\">: %s</span></a></p>\n",
	     url, what);
}

/* ---------------------------------------------------------------------
 * 1. Crimes each month by type
 */

/* Month labels for the x axis of months from..from + n - 1. */
static const char **axis_labels(struct dash *d, int from, int n)
{
	int *m = arena_array(d->r->arena, n > 0 ? (size_t)n : 1, sizeof(*m));

	for (int i = 0; i < n; i++)
		m[i] = from + i;
	return svg_month_labels(d->r->arena, m, n > 0 ? (size_t)n : 0);
}

/* "January 2021" for each month from..from + n - 1. */
static const char **month_names(struct dash *d, int from, int n)
{
	const char **l = arena_array(d->r->arena, (size_t)n, sizeof(*l));

	for (int i = 0; i < n; i++)
		l[i] = month_text(d->r->arena, from + i);
	return l;
}

static int cmp_type_desc(const void *x, const void *y)
{
	const int64_t *a = x, *b = y; /* {count, type} */

	if (a[0] != b[0])
		return a[0] > b[0] ? -1 : 1;
	return a[1] < b[1] ? -1 : a[1] > b[1];
}

static void section_trend(struct dash *d)
{
	struct buf *b = d->b;
	struct arena *a = d->r->arena;
	int n = d->to - d->from + 1;
	int64_t (*order)[2] = arena_array(a, d->n_types + 1, sizeof(*order));
	size_t n_order = 0, n_series;
	struct svg_series series[CHART_TYPES + 1];
	uint32_t shown[CHART_TYPES];
	size_t n_shown = 0;
	struct buf desc = BUF_INIT;
	int peak = d->from;
	int64_t peak_n = -1;
	const char **names = month_names(d, d->from, n);

	/* The most common crime types of the period. */
	for (size_t t = 0; t < d->n_types; t++) {
		int64_t c = (int64_t)t == d->asb ? 0
						  : sum(d, (int64_t)t, d->from, d->to);

		if (c > 0) {
			order[n_order][0] = c;
			order[n_order][1] = (int64_t)t;
			n_order++;
		}
	}
	qsort(order, n_order, sizeof(*order), cmp_type_desc);
	for (size_t i = 0; i < n_order && n_shown < CHART_TYPES; i++)
		shown[n_shown++] = (uint32_t)order[i][1];
	n_series = 1 + n_shown;
	for (size_t s = 0; s < n_series; s++) {
		double *v = arena_array(a, (size_t)n, sizeof(*v));

		for (int i = 0; i < n; i++) {
			int m = d->from + i;
			int64_t c = sum(d, s ? (int64_t)shown[s - 1] : -1, m, m);

			v[i] = d->missing[m - d->base] ? NAN : (double)c;
			if (!s && c > peak_n) {
				peak_n = c;
				peak = m;
			}
		}
		memset(&series[s], 0, sizeof(series[s]));
		series[s].name = s ? type_name(d, shown[s - 1]) : "All crime";
		series[s].values = v;
		series[s].style = svg_style_nth(s);
		series[s].style.thick = s == 0;
	}

	html(b, "<h2 class=\"heading-l\" id=\"trend\">Crimes each month</h2>\n"
		"<p>All crime (every type but anti-social behaviour) and the %zu "
		"most common crime types in %s, ",
	     n_shown, d->area_label);
	add_month(b, d->from);
	html_raw(b, " to ");
	add_month(b, d->to);
	html_raw(b, ".</p>\n");

	/* The description is plain text: the chart escapes it. */
	buf_printf(&desc, "Line chart of the crimes recorded each month in %s "
			  "from %s to %s: all crime and the %zu most common "
			  "types. All crime was ",
		   d->area_label, names[0], names[n - 1], n_shown);
	add_count(&desc, sum(d, -1, d->from, d->from));
	buf_printf(&desc, " in %s and ", names[0]);
	add_count(&desc, sum(d, -1, d->to, d->to));
	buf_printf(&desc, " in %s; the highest month was %s, with ", names[n - 1],
		   names[peak - d->from]);
	add_count(&desc, peak_n);
	if (d->n_missing)
		buf_printf(&desc, ". There is no data for %d month%s, left as "
				  "gaps", d->n_missing, d->n_missing == 1 ? "" : "s");
	buf_adds(&desc, ". The figures are in the table that follows the chart.");
	{
		struct svg_chart c = {
			.id = "trend-chart",
			.title = arena_printf(a, "Crimes each month in %s",
					      d->area_label),
			.desc = NULL,
			.n_x = (size_t)n,
			.x_labels = axis_labels(d, d->from, n),
			.x_names = names,
			.y_title = "Crimes a month",
			.series = series,
			.n_series = n_series,
			.y_integer = true,
			.height = 400,
		};

		c.desc = desc.ptr;
		svg_line_chart(b, &c);
	}
	buf_release(&desc);

	/* The table alternative: the same series, and the other types. */
	html(b, "<details class=\"crime-details\"><summary>The figures in the "
		"chart as a table</summary><div class=\"details__text\">\n"
		"<div class=\"table-wrap\"><table class=\"table\" id=\"trend-table\">\n"
		"<caption class=\"caption-s\">Crimes each month in %s, by type"
		"</caption>\n<thead><tr><th scope=\"col\">Month</th>",
	     d->area_label);
	for (size_t s = 0; s < n_series; s++)
		html(b, "<th scope=\"col\" class=\"numeric\">%s</th>", series[s].name);
	html_raw(b, "<th scope=\"col\" class=\"numeric\">Other crime types</th>"
		    "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		int64_t other;

		html(b, "<tr><th scope=\"row\">%s</th>", names[i]);
		if (d->missing[d->from + i - d->base]) {
			html(b, "<td colspan=\"%zu\" class=\"secondary-text\">No data"
				"</td></tr>\n", n_series + 1);
			continue;
		}
		other = (int64_t)series[0].values[i]; /* all types; a number here */
		for (size_t s = 0; s < n_series; s++) {
			html_raw(b, "<td class=\"numeric\">");
			add_count(b, (int64_t)series[s].values[i]);
			html_raw(b, "</td>");
			if (s)
				other -= (int64_t)series[s].values[i];
		}
		html_raw(b, "<td class=\"numeric\">");
		add_count(b, other);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n</div></details>\n");
	csv_link(b, csv_url(d, "counts", d->area_text, d->from, d->to, "month,type",
			    false, -1, false, 0),
		 "crimes and anti-social behaviour each month, by type");
}

/* ---------------------------------------------------------------------
 * 2. The last 12 months against the 12 before
 */

/* One line of a comparison of two periods.  The columns are written by
 * change_cells(); a test of significance would add its own there. */
struct change_row {
	const char *label;
	int64_t before, after;
};

static int cmp_change(const void *x, const void *y)
{
	const struct change_row *a = x, *b = y;

	if (a->after != b->after)
		return a->after > b->after ? -1 : 1;
	return strcmp(a->label, b->label);
}

/* The cells of a row: before, after, the change in count and per cent
 * ("+12", "+4.5%"; a dash when there were none before). */
static void change_cells(struct buf *b, const struct change_row *c)
{
	int64_t diff = c->after - c->before;

	html_raw(b, "<td class=\"numeric\">");
	add_count(b, c->before);
	html_raw(b, "</td><td class=\"numeric\">");
	add_count(b, c->after);
	html_raw(b, "</td><td class=\"numeric\">");
	if (diff > 0)
		buf_addc(b, '+');
	add_count(b, diff);
	html_raw(b, "</td><td class=\"numeric\">");
	if (c->before > 0) {
		int64_t t = tenths(diff * 100, c->before);

		if (t > 0)
			buf_addc(b, '+');
		add_tenths(b, t);
		buf_addc(b, '%');
	} else {
		html_raw(b, "<span aria-hidden=\"true\">\xE2\x80\x93</span>"
			    "<span class=\"visually-hidden\">none before</span>");
	}
	html_raw(b, "</td>");
}

static void section_change(struct dash *d)
{
	struct buf *b = d->b;
	struct change_row *rows = arena_array(d->r->arena, d->n_types + 1,
					      sizeof(*rows));
	struct change_row all = { "All crime", 0, 0 };
	struct change_row asb = { "Anti-social behaviour", 0, 0 };
	size_t n = 0;
	const char *prev_to = month_text(d->r->arena, d->last_from - 1);
	const char *last_to = month_text(d->r->arena, d->to);

	html_raw(b, "<h2 class=\"heading-l\" id=\"change\">The last 12 months against "
		    "the 12 before</h2>\n");
	if (d->prev_from < d->st.first_month) {
		html_raw(b, "<p>The data starts in ");
		add_month(b, d->st.first_month);
		html_raw(b, ", so there are not 24 months up to ");
		add_month(b, d->to);
		html_raw(b, " to compare. Choose a later end of the period.</p>\n");
		return;
	}
	for (size_t t = 0; t < d->n_types; t++) {
		struct change_row c = { type_name(d, t),
					sum(d, (int64_t)t, d->prev_from, d->last_from - 1),
					sum(d, (int64_t)t, d->last_from, d->to) };

		if ((int64_t)t == d->asb) {
			asb.before = c.before;
			asb.after = c.after;
			continue;
		}
		if (!c.before && !c.after)
			continue;
		all.before += c.before;
		all.after += c.after;
		rows[n++] = c;
	}
	qsort(rows, n, sizeof(*rows), cmp_change);
	if (missing_in(d, d->prev_from, d->to)) {
		html_raw(b, "<div class=\"warning-text\"><span class=\"warning-text__icon\" "
			    "aria-hidden=\"true\">!</span><strong><span "
			    "class=\"visually-hidden\">Warning</span>This comparison is "
			    "not like for like: police.uk has no data for ");
		add_missing_months(b, d, d->prev_from, d->to);
		html_raw(b, ".</strong></div>\n");
	}
	html(b, "<p>Crimes recorded in %s in the year to %s, against the year to "
		"%s. The change is the simple difference: it does not say whether "
		"it is more than chance.</p>\n"
		"<div class=\"table-wrap\"><table class=\"table\" id=\"change-table\">\n"
		"<caption class=\"caption-s\">Crimes by type, year to %s against "
		"year to %s</caption>\n<thead><tr>"
		"<th scope=\"col\">Crime type</th>"
		"<th scope=\"col\" class=\"numeric\">Year to %s</th>"
		"<th scope=\"col\" class=\"numeric\">Year to %s</th>"
		"<th scope=\"col\" class=\"numeric\">Change</th>"
		"<th scope=\"col\" class=\"numeric\">Change (%%)</th>"
		"</tr></thead>\n<tbody>\n",
	     d->area_label, last_to, prev_to, last_to, prev_to, prev_to, last_to);
	for (size_t i = 0; i < n; i++) {
		html(b, "<tr><th scope=\"row\">%s</th>", rows[i].label);
		change_cells(b, &rows[i]);
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody>\n<tfoot><tr><th scope=\"row\">All crime</th>");
	change_cells(b, &all);
	html_raw(b, "</tr>\n");
	if (d->asb >= 0) {
		html_raw(b, "<tr><th scope=\"row\">Anti-social behaviour</th>");
		change_cells(b, &asb);
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tfoot></table></div>\n<ul class=\"list list--plain crime-csv\">");
	html(b, "<li><a href=\"%s\">Download the year to %s as CSV</a></li>",
	     csv_url(d, "counts", d->area_text, d->last_from, d->to, "type", false,
		     -1, false, 0),
	     last_to);
	html(b, "<li><a href=\"%s\">Download the year to %s as CSV</a></li>",
	     csv_url(d, "counts", d->area_text, d->prev_from, d->last_from - 1, "type",
		     false, -1, false, 0),
	     prev_to);
	html_raw(b, "</ul>\n");
}

/* ---------------------------------------------------------------------
 * 3. Top wards and LSOAs
 */

static void places_table(struct dash *d, enum ce_dim dim, const char *what,
			 const char *id, const struct ce_result *res)
{
	struct buf *b = d->b;
	char m[8];
	bool codes = false;

	/* A column of codes only if the geography gives them. */
	for (size_t i = 0; i < res->n_rows; i++) {
		const char *code, *name;

		ce_label(d->g, dim, res->rows[i].key[0], m, &code, &name);
		codes |= code != NULL && *code;
	}
	html(b, "<div class=\"table-wrap\"><table class=\"table\" id=\"%s\">\n"
		"<caption class=\"caption-s\">The %zu %ss with the most crimes</caption>\n"
		"<thead><tr><th scope=\"col\" class=\"numeric\">Rank</th>"
		"<th scope=\"col\">%s</th>",
	     id, res->n_rows, what, dim == CE_WARD ? "Ward" : "LSOA");
	if (codes)
		html_raw(b, "<th scope=\"col\">Code</th>");
	html_raw(b, "<th scope=\"col\" class=\"numeric\">Crimes</th>"
		    "<th scope=\"col\" class=\"numeric\">Residents</th>"
		    "<th scope=\"col\" class=\"numeric\">Crimes per 1,000 residents</th>"
		    "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < res->n_rows; i++) {
		const struct ce_row *row = &res->rows[i];
		const char *code, *name;
		int64_t pop = ce_population(d->g, dim, row->key[0]);

		ce_label(d->g, dim, row->key[0], m, &code, &name);
		html(b, "<tr><td class=\"numeric\">%zu</td><th scope=\"row\">%s</th>",
		     i + 1, name ? name : code ? code : "");
		if (codes)
			html(b, "<td>%s</td>", code ? code : "");
		html_raw(b, "<td class=\"numeric\">");
		add_count(b, row->count);
		html_raw(b, "</td><td class=\"numeric\">");
		if (pop > 0)
			add_count(b, pop);
		else
			html_raw(b, "<span class=\"secondary-text\">Not known</span>");
		html_raw(b, "</td><td class=\"numeric\">");
		add_rate(b, row->count, pop);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
}

/* The note on locations: how police.uk places crimes, and how many in
 * scope had none.  in_scope is a count of crimes of the last 12 months
 * over the area. */
static void location_note(struct dash *d, const struct ce_result *in_scope)
{
	struct buf *b = d->b;
	bool whole_forces = d->area.kind == CE_AREA_ALL ||
			    d->area.kind == CE_AREA_FORCE ||
			    (d->area.kind == CE_AREA_PEER && d->area.force_in);
	struct err e = ERR_INIT;

	html_raw(b, "<div class=\"inset-text crime-note\" id=\"locations\">\n"
		    "<p>police.uk locations are approximate: to keep victims "
		    "anonymous, each crime is placed at the nearest of a fixed set "
		    "of map points (the middle of a street, a park, a shopping "
		    "area), not where it happened. Counts for small areas such as "
		    "wards and LSOAs are therefore indicative.</p>\n");
	if (whole_forces && !in_scope->no_location) {
		html_raw(b, "<p>Every crime in the 12 months to ");
		add_month(b, d->to);
		html_raw(b, " has a location.</p>\n");
	} else if (whole_forces) {
		html_raw(b, "<p>");
		add_count(b, in_scope->no_location);
		html_raw(b, " of the ");
		add_count(b, in_scope->total);
		html_raw(b, " crimes in the 12 months to ");
		add_month(b, d->to);
		html(b, " had no location. They are in the totals for %s, but "
			"in no ward or LSOA.</p>\n",
		     d->area_label);
	} else {
		/* Rows with no location are in no district: say how many
		 * the area's forces had. */
		for (size_t i = 0; i < d->n_forces; i++) {
			char m[8];
			const char *code, *force;
			struct ce_area fa;
			struct ce_result fr;

			ce_label(d->g, CE_FORCE_DIM, d->forces[i], m, &code, &force);
			if (!force || ce_area_find(d->g, d->r->arena, force, &fa, &e) < 0 ||
			    ask(d, &fa, d->last_from, d->to, NULL, 0, true, -1, 0, &fr,
				&e) < 0)
				continue;
			if (!fr.no_location) {
				html(b, "<p>Every crime recorded by %s in the 12 months "
					"to ", force);
				add_month(b, d->to);
				html_raw(b, " has a location.</p>\n");
				continue;
			}
			html_raw(b, "<p>");
			add_count(b, fr.no_location);
			html(b, " of the crimes recorded by %s in the 12 months to ",
			     force);
			add_month(b, d->to);
			html(b, " had no location. They count towards the force, but "
				"not towards %s or any district, ward or LSOA.</p>\n",
			     d->area_label);
		}
	}
	html_raw(b, "</div>\n");
}

static void section_places(struct dash *d)
{
	struct buf *b = d->b;
	struct err e = ERR_INIT;
	const enum ce_dim ward = CE_WARD, lsoa = CE_LSOA_DIM;
	struct ce_result wards, lsoas;

	html_raw(b, "<h2 class=\"heading-l\" id=\"places\">Where: the wards and LSOAs "
		    "with the most crimes</h2>\n");
	if (ask(d, &d->area, d->last_from, d->to, &lsoa, 1, true, -1, TOP_N, &lsoas,
		&e) < 0 ||
	    ask(d, &d->area, d->last_from, d->to, &ward, 1, true, -1, TOP_N, &wards,
		&e) < 0) {
		html(b, "<p>These figures could not be counted: %s.</p>\n", e.msg);
		return;
	}
	html(b, "<p>Crimes in %s in the 12 months to ", d->area_label);
	add_month(b, d->to);
	html_raw(b, ". An LSOA (lower layer super output area) is a small area of "
		    "about 1,500 residents; rates use the population the geography "
		    "gives.</p>\n");
	location_note(d, &lsoas);
	html_raw(b, "<h3 class=\"heading-m\">Wards</h3>\n");
	if (!d->st.wards)
		html_raw(b, "<p>The geography safer holds has no wards, so crimes "
			    "cannot be counted by ward. Import a lookup of LSOAs to "
			    "wards with <code>safer import geography</code>.</p>\n");
	else if (!wards.n_rows)
		html_raw(b, "<p>No crimes in this period are in a known ward.</p>\n");
	else
		places_table(d, CE_WARD, "ward", "wards-table", &wards);
	if (d->st.wards)
		csv_link(b, csv_url(d, "top", d->area_text, d->last_from, d->to, "ward",
				    true, -1, true, TOP_N),
			 "the wards with the most crimes");
	html_raw(b, "<h3 class=\"heading-m\">LSOAs</h3>\n");
	if (!lsoas.n_rows)
		html_raw(b, "<p>No crimes in this period have a location.</p>\n");
	else
		places_table(d, CE_LSOA_DIM, "LSOA", "lsoas-table", &lsoas);
	csv_link(b, csv_url(d, "top", d->area_text, d->last_from, d->to, "lsoa",
			    true, -1, true, TOP_N),
		 "the LSOAs with the most crimes");
}

/* ---------------------------------------------------------------------
 * 4. Anti-social behaviour
 */

static void section_asb(struct dash *d)
{
	struct buf *b = d->b;
	struct arena *a = d->r->arena;
	int n = d->to - d->from + 1;
	double *v;
	const char **names;
	struct svg_series s;
	struct buf desc = BUF_INIT;
	int64_t total = 0;

	html_raw(b, "<h2 class=\"heading-l\" id=\"asb\">Anti-social behaviour</h2>\n");
	if (d->asb < 0) {
		html_raw(b, "<p>The data holds no anti-social behaviour records.</p>\n");
		return;
	}
	v = arena_array(a, (size_t)n, sizeof(*v));
	names = month_names(d, d->from, n);
	for (int i = 0; i < n; i++) {
		int64_t c = sum(d, d->asb, d->from + i, d->from + i);

		v[i] = d->missing[d->from + i - d->base] ? NAN : (double)c;
		total += c;
	}
	html(b, "<p>Incidents of anti-social behaviour reported to the police in "
		"%s each month: ", d->area_label);
	add_count(b, total);
	html(b, " from %s to %s. They are not crimes, and are not in the crime "
		"figures above.</p>\n",
	     names[0], names[n - 1]);
	memset(&s, 0, sizeof(s));
	s.name = "Anti-social behaviour";
	s.values = v;
	s.style = svg_style_nth(1);
	s.style.dash = SVG_SOLID;
	buf_printf(&desc, "Line chart of the anti-social behaviour incidents "
			  "recorded each month from %s to %s: ",
		   names[0], names[n - 1]);
	add_count(&desc, sum(d, d->asb, d->from, d->from));
	buf_adds(&desc, " in the first month and ");
	add_count(&desc, sum(d, d->asb, d->to, d->to));
	buf_adds(&desc, " in the last. The figures are in the table that follows.");
	{
		struct svg_chart c = {
			.id = "asb-chart",
			.title = arena_printf(a, "Anti-social behaviour each month in %s",
					      d->area_label),
			.desc = NULL,
			.n_x = (size_t)n,
			.x_labels = axis_labels(d, d->from, n),
			.x_names = names,
			.y_title = "Incidents a month",
			.series = &s,
			.n_series = 1,
			.y_integer = true,
			.height = 280,
		};

		c.desc = desc.ptr;
		svg_line_chart(b, &c);
	}
	buf_release(&desc);
	html(b, "<details class=\"crime-details\"><summary>The figures in the "
		"chart as a table</summary><div class=\"details__text\">\n"
		"<div class=\"table-wrap\"><table class=\"table\" id=\"asb-table\">\n"
		"<caption class=\"caption-s\">Anti-social behaviour each month in %s"
		"</caption>\n<thead><tr><th scope=\"col\">Month</th>"
		"<th scope=\"col\" class=\"numeric\">Incidents</th></tr></thead>\n<tbody>\n",
	     d->area_label);
	for (int i = 0; i < n; i++) {
		html(b, "<tr><th scope=\"row\">%s</th>", names[i]);
		if (d->missing[d->from + i - d->base]) {
			html_raw(b, "<td class=\"numeric secondary-text\">No data</td></tr>\n");
			continue;
		}
		html_raw(b, "<td class=\"numeric\">");
		add_count(b, (int64_t)v[i]);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n</div></details>\n");
	csv_link(b, csv_url(d, "counts", d->area_text, d->from, d->to, "month", false,
			    d->asb, false, 0),
		 "anti-social behaviour each month");
}

/* ---------------------------------------------------------------------
 * 5. Outcomes
 */

static int cmp_count_desc(const void *x, const void *y)
{
	const struct ce_row *a = x, *b = y;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->key[0] < b->key[0] ? -1 : a->key[0] > b->key[0];
}

static void section_outcomes(struct dash *d)
{
	struct buf *b = d->b;
	struct err e = ERR_INIT;
	const enum ce_dim by = CE_OUTCOME_DIM;
	struct ce_result res;
	char m[8];

	html_raw(b, "<h2 class=\"heading-l\" id=\"outcomes\">Outcomes</h2>\n");
	if (ask(d, &d->area, d->last_from, d->to, &by, 1, true, -1, 0, &res, &e) < 0) {
		html(b, "<p>These figures could not be counted: %s.</p>\n", e.msg);
		return;
	}
	html(b, "<p>The last outcome police.uk gives for each crime recorded in %s "
		"in the 12 months to ", d->area_label);
	add_month(b, d->to);
	html_raw(b, ", as it stood when the data was published. Recent crimes are "
		    "more often still under investigation.</p>\n");
	if (!res.total) {
		html_raw(b, "<p>No crimes were recorded in these 12 months.</p>\n");
		return;
	}
	qsort(res.rows, res.n_rows, sizeof(*res.rows), cmp_count_desc);
	html_raw(b, "<div class=\"table-wrap\"><table class=\"table\" id=\"outcomes-table\">\n"
		    "<caption class=\"caption-s\">Last outcome of the crimes of the "
		    "last 12 months</caption>\n<thead><tr>"
		    "<th scope=\"col\">Last outcome</th>"
		    "<th scope=\"col\" class=\"numeric\">Crimes</th>"
		    "<th scope=\"col\" class=\"numeric\">Share</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < res.n_rows; i++) {
		const char *code, *name = NULL;

		if (res.rows[i].key[0] != UINT32_MAX)
			ce_label(d->g, CE_OUTCOME_DIM, res.rows[i].key[0], m, &code, &name);
		html(b, "<tr><th scope=\"row\">%s</th><td class=\"numeric\">",
		     name ? name : "Not recorded");
		add_count(b, res.rows[i].count);
		html_raw(b, "</td><td class=\"numeric\">");
		add_tenths(b, tenths(res.rows[i].count * 100, res.total));
		html_raw(b, "%</td></tr>\n");
	}
	html_raw(b, "</tbody><tfoot><tr><th scope=\"row\">All crimes</th>"
		    "<td class=\"numeric\">");
	add_count(b, res.total);
	html_raw(b, "</td><td class=\"numeric\">100.0%</td></tr></tfoot></table></div>\n");
	csv_link(b, csv_url(d, "counts", d->area_text, d->last_from, d->to, "outcome",
			    true, -1, false, 0),
		 "the last outcomes of crimes");
}

/* ---------------------------------------------------------------------
 * 6. The peer group
 */

struct peer_row {
	uint32_t key;
	int64_t count, population, rate; /* rate in tenths; -1 unknown */
};

static int cmp_peer(const void *x, const void *y)
{
	const struct peer_row *a = x, *b = y;

	if (a->rate != b->rate)
		return a->rate > b->rate ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->key < b->key ? -1 : a->key > b->key;
}

/* True if district key is the area itself. */
static bool is_area(const struct dash *d, uint32_t key)
{
	char m[8];
	const char *code, *name;

	if (d->area.kind != CE_AREA_DISTRICT)
		return false;
	ce_label(d->g, CE_DISTRICT, key, m, &code, &name);
	return (name && strcasecmp(name, d->area.name) == 0) ||
	       (code && d->area.code && strcmp(code, d->area.code) == 0);
}

static void section_peers(struct dash *d)
{
	struct buf *b = d->b;
	struct err e = ERR_INIT;
	const enum ce_dim by = CE_DISTRICT;
	struct ce_result res;
	struct peer_row *rows;
	size_t n = 0;
	bool found = false;
	char m[8];

	html_raw(b, "<h2 class=\"heading-l\" id=\"peers\">Compared with the peer "
		    "group</h2>\n");
	if (!d->peer_text) {
		if (!ce_peer_name(d->g, 0))
			html_raw(b, "<p>No peer groups have been set up. Make one, such "
				    "as the districts of a force or a &lsquo;most similar "
				    "group&rsquo;, with <code>safer peers set NAME AREA "
				    "AREA ...</code>.</p>\n");
		else
			html(b, "<p>No peer group is chosen%s. Choose one in the form "
				"above.</p>\n",
			     d->area.kind == CE_AREA_PEER ? ""
							  : " that contains this area");
		return;
	}
	if (ask(d, &d->peer, d->last_from, d->to, &by, 1, true, -1, 0, &res, &e) < 0) {
		html(b, "<p>These figures could not be counted: %s.</p>\n", e.msg);
		return;
	}
	rows = arena_array(d->r->arena, res.n_rows + 1, sizeof(*rows));
	for (size_t i = 0; i < res.n_rows; i++) {
		struct peer_row *p = &rows[n];

		if (res.rows[i].key[0] == UINT32_MAX)
			continue;
		p->key = res.rows[i].key[0];
		p->count = res.rows[i].count;
		p->population = ce_population(d->g, CE_DISTRICT, p->key);
		p->rate = p->population > 0 ? tenths(p->count * 1000, p->population)
					    : -1;
		n++;
	}
	qsort(rows, n, sizeof(*rows), cmp_peer);
	html_raw(b, "<p>Crimes in the 12 months to ");
	add_month(b, d->to);
	html(b, " in each district of the peer group &lsquo;%s&rsquo;, highest "
		"rate first.</p>\n", d->peer_text);
	html(b, "<div class=\"table-wrap\"><table class=\"table\" id=\"peers-table\">\n"
		"<caption class=\"caption-s\">Crimes in the districts of %s</caption>\n"
		"<thead><tr><th scope=\"col\" class=\"numeric\">Rank</th>"
		"<th scope=\"col\">District</th><th scope=\"col\">Code</th>"
		"<th scope=\"col\" class=\"numeric\">Crimes</th>"
		"<th scope=\"col\" class=\"numeric\">Residents</th>"
		"<th scope=\"col\" class=\"numeric\">Crimes per 1,000 residents</th>"
		"</tr></thead>\n<tbody>\n",
	     d->peer_text);
	for (size_t i = 0; i < n; i++) {
		const char *code, *name;
		bool self = is_area(d, rows[i].key);

		found |= self;
		ce_label(d->g, CE_DISTRICT, rows[i].key, m, &code, &name);
		html_raw(b, self ? "<tr class=\"crime-self\">" : "<tr>");
		html(b, "<td class=\"numeric\">%zu</td><th scope=\"row\">%s", i + 1,
		     name ? name : code ? code : "");
		if (self)
			html_raw(b, " <strong class=\"tag tag--blue\">This area</strong>");
		html(b, "</th><td>%s</td><td class=\"numeric\">", code ? code : "");
		add_count(b, rows[i].count);
		html_raw(b, "</td><td class=\"numeric\">");
		if (rows[i].population > 0)
			add_count(b, rows[i].population);
		else
			html_raw(b, "<span class=\"secondary-text\">Not known</span>");
		html_raw(b, "</td><td class=\"numeric\">");
		add_rate(b, rows[i].count, rows[i].population);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody><tfoot><tr><td></td><th scope=\"row\">The peer group"
		    "</th><td></td><td class=\"numeric\">");
	add_count(b, res.total);
	html_raw(b, "</td><td class=\"numeric\">");
	if (d->peer.population > 0)
		add_count(b, d->peer.population);
	html_raw(b, "</td><td class=\"numeric\">");
	add_rate(b, res.total, d->peer.population);
	html_raw(b, "</td></tr></tfoot></table></div>\n");
	if (!found && d->area.kind != CE_AREA_PEER)
		html(b, "<p>%s is not one of the districts of this peer group, so "
			"it is not in the table.</p>\n",
		     d->area.kind == CE_AREA_ALL ? "All the data" : d->area.name);
	csv_link(b, csv_url(d, "counts", d->peer_text, d->last_from, d->to, "district",
			    true, -1, true, 0),
		 "crimes in the districts of the peer group");
}

/* ---------------------------------------------------------------------
 * The form
 */

/* The fields of the form, in order; the problems are whole sentences
 * (see form_begin_get). */
static const struct option crime_fields[] = {
	{ "area", NULL }, { "place", NULL }, { "from", NULL }, { "to", NULL },
	{ "peer", NULL }, { NULL, NULL },
};

static bool same(const char *a, const char *b)
{
	return a && b && strcasecmp(a, b) == 0;
}

/* The area picker: peer groups, forces, districts (those with data,
 * sorted), and the ward or LSOA box; the period; the peer group.  Each
 * problem in f is shown by its field. */
static void picker(struct dash *d, struct form *f, const char **districts,
		   size_t n_districts, const char *peer_param, const char *place)
{
	const char *sel = d->area_sel;

	form_begin_get(f, "/crime", "crime-filters");
	form_select_begin(f, "area", "Area", NULL, NULL);
	if (ce_peer_name(d->g, 0)) {
		html_raw(f->b, "<optgroup label=\"Peer groups\">\n");
		for (size_t i = 0; ce_peer_name(d->g, i); i++)
			form_option(f, NULL, ce_peer_name(d->g, i),
				    same(ce_peer_name(d->g, i), sel));
		html_raw(f->b, "</optgroup>\n");
	}
	html_raw(f->b, "<optgroup label=\"Police forces\">\n");
	form_option(f, "all", "All the data",
		    same(sel, "all") || same(sel, "England and Wales"));
	for (size_t i = 0; ce_force_name(d->g, i); i++)
		form_option(f, NULL, ce_force_name(d->g, i),
			    same(ce_force_name(d->g, i), sel));
	html_raw(f->b, "</optgroup>\n");
	if (n_districts) {
		html_raw(f->b, "<optgroup label=\"Districts (local authorities)\">\n");
		for (size_t i = 0; i < n_districts; i++)
			form_option(f, NULL, districts[i], same(districts[i], sel));
		html_raw(f->b, "</optgroup>\n");
	}
	form_select_end(f);

	form_input(f, "place", "Or a ward or LSOA: name or code", NULL, place, "10");

	for (int k = 0; k < 2; k++) {
		int cur = k ? d->to : d->from;

		form_select_begin(f, k ? "to" : "from", k ? "To" : "From", NULL,
				  "crime-month");
		for (int mo = d->st.last_month; mo >= d->st.first_month; mo--)
			form_option(f, month_code(d->r->arena, mo),
				    month_text(d->r->arena, mo), mo == cur);
		form_select_end(f);
	}

	form_select_begin(f, "peer", "Compare with", NULL, NULL);
	form_option(f, "", "The first peer group with the area",
		    !peer_param || !*peer_param);
	for (size_t i = 0; ce_peer_name(d->g, i); i++)
		form_option(f, NULL, ce_peer_name(d->g, i),
			    same(peer_param, ce_peer_name(d->g, i)));
	form_option(f, "none", "No peer group",
		    peer_param && strcmp(peer_param, "none") == 0);
	form_select_end(f);
	form_end_get(f, "Show figures");
}

/* ---------------------------------------------------------------------
 * The page
 */

static void no_data_page(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;

	page_begin(r, w, "Crime and anti-social behaviour", "crime");
	html_raw(b, "<h1>Crime and anti-social behaviour</h1>\n"
		    "<p>No police.uk crime data has been imported yet.</p>\n"
		    "<p>Download the street-level crime files of your force from "
		    "data.police.uk (Open Government Licence), then import the "
		    "folder or zip file:</p>\n"
		    "<pre class=\"crime-code\"><code>safer import police FOLDER</code></pre>\n"
		    "<p>To count by ward and to give rates per 1,000 residents, "
		    "also import a geography of LSOAs with their wards, local "
		    "authorities and populations:</p>\n"
		    "<pre class=\"crime-code\"><code>safer import geography FILE.csv"
		    "</code></pre>\n"
		    "<p>To compare districts, name a peer group:</p>\n"
		    "<pre class=\"crime-code\"><code>safer peers set NAME AREA AREA ..."
		    "</code></pre>\n");
	page_end(r, w);
}

static int cmp_str(const void *x, const void *y)
{
	return strcasecmp(*(const char *const *)x, *(const char *const *)y);
}

/* True if the peer group holds some of the area.  (The engine has no
 * call for this: it reads the areas' membership arrays.) */
static bool peer_has(const struct dash *d, const struct ce_area *peer)
{
	const struct ce_area *a = &d->area;

	if (a->kind == CE_AREA_PEER)
		return strcasecmp(a->name, peer->name) == 0;
	if (a->lsoa_in && peer->lsoa_in)
		for (size_t i = 0; i < d->st.lsoas; i++)
			if (a->lsoa_in[i] && peer->lsoa_in[i])
				return true;
	if (a->force_in && peer->force_in)
		for (size_t i = 0; i < d->st.forces; i++)
			if (a->force_in[i] && peer->force_in[i])
				return true;
	return false;
}

/* Read a month parameter: *out keeps its default when the parameter is
 * absent or blank; false for a value that is not a month. */
static bool read_month(struct req *r, const char *name, int *out)
{
	const char *v = http_query(r, name);
	int m;

	if (!v || !*v)
		return true;
	m = pu_month_parse(v, strlen(v));
	if (m < 0)
		return false;
	*out = m;
	return true;
}

/* The headline figures of the last 12 months. */
static void headline(struct dash *d)
{
	struct buf *b = d->b;
	int64_t last = sum(d, -1, d->last_from, d->to);
	int64_t prev = sum(d, -1, d->prev_from, d->last_from - 1);

	html_raw(b, "<ul class=\"figures\">\n<li class=\"figure\"><span "
		    "class=\"figure__value\">");
	add_count(b, last);
	html_raw(b, "</span><span class=\"figure__label\">crimes in the year to ");
	add_month(b, d->to);
	html_raw(b, "</span></li>\n");
	if (d->prev_from >= d->st.first_month && prev > 0 &&
	    !missing_in(d, d->prev_from, d->to)) {
		int64_t t = tenths((last - prev) * 100, prev);

		html_raw(b, "<li class=\"figure\"><span class=\"figure__value\">");
		if (t > 0)
			buf_addc(b, '+');
		add_tenths(b, t);
		html_raw(b, "%</span><span class=\"figure__label\">change on the year "
			    "before</span></li>\n");
	}
	if (d->area.population > 0) {
		html_raw(b, "<li class=\"figure\"><span class=\"figure__value\">");
		add_rate(b, last, d->area.population);
		html_raw(b, "</span><span class=\"figure__label\">crimes per 1,000 "
			    "residents in the year</span></li>\n");
	}
	if (d->asb >= 0) {
		html_raw(b, "<li class=\"figure\"><span class=\"figure__value\">");
		add_count(b, sum(d, d->asb, d->last_from, d->to));
		html_raw(b, "</span><span class=\"figure__label\">incidents of "
			    "anti-social behaviour in the year</span></li>\n");
	}
	html_raw(b, "</ul>\n");
}

/*
 * The engine is asked:
 *   1. the districts with data in the data's last 3 months (for the
 *      picker and the default area);
 *   2. the area by month, type and force over the period and the 24
 *      months to its end (sections 1, 2, 4 and the headline);
 *   3-4. the top LSOAs and wards of the last 12 months;
 *   5. the outcomes of the last 12 months;
 *   6. the peer group by district;
 *   and, for an area smaller than a force, each of its forces (usually
 *   one) for its crimes with no location.
 */
void page_crime(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct dash dd, *d = &dd;
	const struct crime_engine *g;
	struct ce_area all;
	struct ce_result res;
	const enum ce_dim by_district = CE_DISTRICT;
	const enum ce_dim by_mtf[3] = { CE_MONTH, CE_TYPE_DIM, CE_FORCE_DIM };
	const enum ce_dim by_mf[2] = { CE_MONTH, CE_FORCE_DIM };
	const char **districts = NULL, *default_area = NULL, *own;
	const char *place = http_query(r, "place"), *area_param = http_query(r, "area");
	const char *peer_param = http_query(r, "peer");
	struct err probs[5];
	struct err_list l = { probs, 0, ARRAY_SIZE(probs) };
	struct form f = { .r = r, .b = b, .errors = &l, .labels = crime_fields };
	size_t n_districts = 0;
	int64_t best = -1, in_period = 0;
	bool area_ok = false;

	memset(d, 0, sizeof(*d));
	d->r = r;
	d->b = b;
	if (store_crime_summary(r->store, &d->cs, &e) < 0 ||
	    !(g = crime_acquire(r->store, r->arena, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	d->g = g;
	ce_stats(g, &d->st);
	if (!d->st.rows || d->st.first_month < 0) {
		no_data_page(r, w);
		return;
	}

	/* Types: anti-social behaviour apart from the crimes. */
	d->n_types = d->st.types;
	d->asb = ce_type_find(g, "Anti-social behaviour", NULL);
	for (size_t t = 0; t < d->n_types; t++)
		if ((int64_t)t != d->asb && d->n_crime_types < ARRAY_SIZE(d->crime_types))
			d->crime_types[d->n_crime_types++] = (uint32_t)t;
	if (d->n_types > ARRAY_SIZE(d->crime_types))
		d->asb = -1; /* too many types to leave one out: count all */

	/* 1. Districts with data in the last three months of the data, for
	 * the picker (every district has crimes every month; one month of
	 * all the data costs a tenth of a millisecond to count by district);
	 * the default area is the partnership's own if it has data, else the
	 * district with the most. */
	{
		struct partnership *p = store_partnership(r->store, r->arena, NULL);

		own = p && p->area ? p->area : NULL;
	}
	if (ce_area_find(g, r->arena, NULL, &all, &e) < 0 ||
	    ask(d, &all, d->st.last_month - 2, d->st.last_month, &by_district, 1,
		false, -1, 0, &res, &e) < 0)
		goto fail;
	districts = arena_array(r->arena, res.n_rows + 1, sizeof(*districts));
	for (size_t i = 0; i < res.n_rows; i++) {
		char m[8];
		const char *code, *name;

		if (res.rows[i].key[0] == UINT32_MAX)
			continue;
		ce_label(g, CE_DISTRICT, res.rows[i].key[0], m, &code, &name);
		if (!name)
			continue;
		districts[n_districts++] = name;
		if (own && strcasecmp(name, own) == 0) {
			best = INT64_MAX;
			default_area = name;
		} else if (res.rows[i].count > best) {
			best = res.rows[i].count;
			default_area = name;
		}
	}
	qsort(districts, n_districts, sizeof(*districts), cmp_str);
	if (!default_area)
		default_area = ce_force_name(g, 0);

	/* The area: the ward or LSOA box wins over the list. */
	if (place && !text_blank(place)) {
		place = text_trim(arena_strdup(r->arena, place));
		d->area_text = place;
	} else {
		place = NULL;
		d->area_text = area_param && *area_param ? area_param : default_area;
	}
	if (ce_area_find(g, r->arena, d->area_text, &d->area, &e) < 0) {
		if (e.code != ERR_NOT_FOUND && e.code != ERR_INVALID)
			goto fail;
		form_problem(&l, place ? "place" : "area",
			e.code == ERR_NOT_FOUND
				? arena_printf(r->arena,
					       "There is no area called \xE2\x80\x98%s\xE2\x80\x99 "
					       "in the data. Choose an area from the list, or "
					       "enter the name or code of a ward or LSOA",
					       d->area_text)
				: arena_printf(r->arena, "%c%s",
					       e.msg[0] >= 'a' && e.msg[0] <= 'z'
						       ? e.msg[0] - 'a' + 'A' : e.msg[0],
					       e.msg + 1));
		err_clear(&e);
		d->area_sel = place ? area_param : NULL;
	} else {
		area_ok = true;
		d->area_label = d->area.kind == CE_AREA_ALL ? "all the data"
							    : d->area.name;
		/* The list shows the area itself, or the one it was chosen
		 * with when a ward or LSOA was given. */
		d->area_sel = d->area.kind == CE_AREA_WARD ||
				      d->area.kind == CE_AREA_LSOA
			      ? area_param : d->area.name;
		if (!place && (d->area.kind == CE_AREA_WARD ||
			       d->area.kind == CE_AREA_LSOA))
			place = d->area_text;
	}

	/* The period: by default the last 36 months of the data. */
	d->to = d->st.last_month;
	if (!read_month(r, "to", &d->to))
		form_problem(&l, "to",
			"Choose the last month of the period from the list");
	d->from = d->to - (DEFAULT_MONTHS - 1);
	if (d->from < d->st.first_month)
		d->from = d->st.first_month < d->to ? d->st.first_month : d->to;
	if (!read_month(r, "from", &d->from))
		form_problem(&l, "from",
			"Choose the first month of the period from the list");
	else if (d->from > d->to)
		form_problem(&l, "from",
			"The period must start before it ends");
	else if (d->to - d->from >= MAX_MONTHS)
		form_problem(&l, "from",
			"The period can be at most 20 years long");

	/* The peer group: as chosen, or the first that holds the area. */
	if (peer_param && *peer_param && strcmp(peer_param, "none") != 0) {
		for (size_t i = 0; ce_peer_name(g, i); i++)
			if (strcasecmp(ce_peer_name(g, i), peer_param) == 0)
				d->peer_text = ce_peer_name(g, i);
		if (!d->peer_text) {
			form_problem(&l, "peer",
				arena_printf(r->arena, "There is no peer group called "
						       "\xE2\x80\x98%s\xE2\x80\x99",
					     peer_param));
		} else if (ce_area_find(g, r->arena, d->peer_text, &d->peer, &e) < 0) {
			form_problem(&l, "peer",
				arena_printf(r->arena, "The peer group cannot be used: %s",
					     e.msg));
			err_clear(&e);
		}
	} else if (area_ok && (!peer_param || !*peer_param)) {
		for (size_t i = 0; ce_peer_name(g, i) && !d->peer_text; i++) {
			struct ce_area p;

			if (ce_area_find(g, r->arena, ce_peer_name(g, i), &p, &e) < 0) {
				err_clear(&e);
				continue;
			}
			if (peer_has(d, &p)) {
				d->peer_text = ce_peer_name(g, i);
				d->peer = p;
			}
		}
	}

	if (l.n) {
		page_begin(r, w, form_title(&f, "Crime and anti-social behaviour"),
			   "crime");
		w->status = 400;
		form_error_summary(&f);
		html_raw(b, "<span class=\"caption-l\">Crime and anti-social "
			    "behaviour</span>\n<h1>Choose an area and a period</h1>\n");
		picker(d, &f, districts, n_districts, peer_param, place);
		page_end(r, w);
		return;
	}

	/* 2. The monthly counts, over the period and the 24 months to its
	 * end. */
	d->last_from = d->to - 11;
	d->prev_from = d->to - 23;
	d->base = d->from < d->prev_from ? d->from : d->prev_from;
	d->n_months = d->to - d->base + 1;
	d->mt = arena_array(r->arena, (size_t)d->n_months * (d->n_types ? d->n_types : 1),
			    sizeof(*d->mt));
	if (ask(d, &d->area, d->base, d->to, by_mtf, 3, false, -1, 0, &res, &e) < 0)
		goto fail;
	for (size_t i = 0; i < res.n_rows; i++) {
		const struct ce_row *row = &res.rows[i];
		bool known = false;

		if ((int)row->key[0] < d->base || row->key[1] >= d->n_types)
			continue;
		d->mt[(size_t)((int)row->key[0] - d->base) * d->n_types + row->key[1]] +=
			row->count;
		if ((int)row->key[0] >= d->from)
			in_period += row->count;
		for (size_t k = 0; k < d->n_forces; k++)
			known |= d->forces[k] == row->key[2];
		if (!known && row->key[2] != UINT32_MAX && d->n_forces < MAX_FORCES)
			d->forces[d->n_forces++] = row->key[2];
	}

	/* 2b. Which months the area's forces published: a month none of
	 * them did is missing data, not a month without crime.  (Counted
	 * by whole runs: a few microseconds.) */
	d->missing = arena_array(r->arena, (size_t)d->n_months, sizeof(*d->missing));
	if (d->n_forces) {
		for (int i = 0; i < d->n_months; i++)
			d->missing[i] = d->base + i >= d->st.first_month &&
					d->base + i <= d->st.last_month;
		if (ask(d, &all, d->base, d->to, by_mf, 2, false, -1, 0, &res, &e) < 0)
			goto fail;
		for (size_t i = 0; i < res.n_rows; i++)
			for (size_t k = 0; k < d->n_forces; k++)
				if (res.rows[i].key[1] == d->forces[k] &&
				    (int)res.rows[i].key[0] >= d->base)
					d->missing[(int)res.rows[i].key[0] - d->base] = false;
		d->n_missing = missing_in(d, d->from, d->to);
	}

	page_begin(r, w, arena_printf(r->arena, "Crime in %s", d->area_label), "crime");
	html(b, "<span class=\"caption-l\">Crime and anti-social behaviour</span>\n"
		"<h1>%s</h1>\n",
	     d->area.kind == CE_AREA_ALL ? "All the data" : d->area.name);
	if (d->cs.generated_rows > 0)
		html_raw(b, "<div class=\"warning-text crime-generated\">"
			    "<span class=\"warning-text__icon\" aria-hidden=\"true\">!</span>"
			    "<strong><span class=\"visually-hidden\">Warning</span>");
	if (d->cs.generated_rows > 0 && d->cs.generated_rows >= d->cs.rows[PU_STREET])
		html_raw(b, "These crime figures are generated for the demo: they are "
			    "not police.uk data.</strong></div>\n");
	else if (d->cs.generated_rows > 0)
		html_raw(b, "Some of the crime data is generated for the demo: figures "
			    "that include it are not police.uk data.</strong></div>\n");
	html_raw(b, "<p class=\"lead\">");
	add_month(b, d->from);
	html_raw(b, " to ");
	add_month(b, d->to);
	html(b, "</p>\n<p>Street-level crime and anti-social behaviour recorded by "
		"the police, as published on police.uk. The data runs from %s to "
		"%s.</p>\n",
	     month_text(r->arena, d->st.first_month),
	     month_text(r->arena, d->st.last_month));
	if (d->n_missing) {
		html_raw(b, "<div class=\"inset-text crime-note\"><p>police.uk has no "
			    "data for ");
		add_missing_months(b, d, d->from, d->to);
		html(b, " from the police force%s of this area. %s left out of "
			"the figures below, and shown as gaps in the charts.</p></div>\n",
		     d->n_forces == 1 ? "" : "s",
		     d->n_missing == 1 ? "That month is" : "Those months are");
	}
	picker(d, &f, districts, n_districts, peer_param, place);

	if (!in_period) {
		html_raw(b, "<h2 class=\"heading-l\">No crimes in this period</h2>\n<p>");
		html(b, "The data has no crimes or anti-social behaviour in %s from ",
		     d->area_label);
		add_month(b, d->from);
		html_raw(b, " to ");
		add_month(b, d->to);
		html_raw(b, ". Choose another period or area.</p>\n");
		page_end(r, w);
		return;
	}
	headline(d);
	html_raw(b, "<nav class=\"crime-contents\" aria-label=\"Contents\">\n"
		    "<h2 class=\"heading-s\">Contents</h2>\n<ul class=\"list\">\n"
		    "<li><a href=\"#trend\">Crimes each month</a></li>\n"
		    "<li><a href=\"#change\">The last 12 months against the 12 before"
		    "</a></li>\n"
		    "<li><a href=\"#places\">Where: wards and LSOAs</a></li>\n"
		    "<li><a href=\"#asb\">Anti-social behaviour</a></li>\n"
		    "<li><a href=\"#outcomes\">Outcomes</a></li>\n"
		    "<li><a href=\"#peers\">Compared with the peer group</a></li>\n"
		    "</ul>\n</nav>\n");
	section_trend(d);
	section_change(d);
	section_places(d);
	section_asb(d);
	section_outcomes(d);
	section_peers(d);
	html_raw(b, "<h2 class=\"heading-m\">About these figures</h2>\n"
		    "<p>Counts are of the street-level records police.uk publishes "
		    "each month, one per crime or incident, in the month it was "
		    "recorded. Rates are per 1,000 residents of the population "
		    "estimates in the geography safer holds. Crime types follow "
		    "police.uk; &lsquo;all crime&rsquo; is every type but "
		    "anti-social behaviour.</p>\n");
	page_end(r, w);
	return;

fail:
	buf_reset(b);
	web_store_error(r, w, &e);
}
