/*
 * crime_trend.c: section 1 of the crime dashboard (crime_dash.h), crimes
 * each month.
 *
 * One chart of all crime (or of the type chosen), then the most common
 * crime types as small multiples: a small chart each, on its own scale
 * from zero and under its own heading, so that no line has to be told
 * from another by colour or dashes, and a type of 100 a month is not
 * flattened under one of 600.  A month with no data is a gap in every
 * line.  The table behind "The figures in the chart as a table" gives
 * every figure drawn.
 */
#include <math.h>

#include "crime_dash.h"
#include "svg.h"

/* The values of type t (or DASH_CRIMES) for each month of the period,
 * NaN where there is no data. */
static double *month_values(struct dash *d, int64_t t, int n)
{
	double *v = arena_array(d->r->arena, (size_t)n, sizeof(*v));

	for (int i = 0; i < n; i++) {
		int m = d->from + i;

		v[i] = d->missing[m - d->base] || dash_hid(d, t, m, m)
			       ? NAN : (double)dash_sum(d, t, m, m);
	}
	return v;
}

/* The count of t in month m for a chart's description (plain text):
 * "[c]" when hidden. */
static void desc_count(const struct dash *d, struct buf *b, int64_t t, int m)
{
	if (dash_hid(d, t, m, m))
		buf_adds(b, "[c]");
	else
		dash_add_count(b, dash_sum(d, t, m, m));
}

/* One small chart of type t, under its heading. */
static void small_multiple(struct dash *d, uint32_t t, size_t k, int n,
			   const char **labels, const char **names)
{
	struct arena *a = d->r->arena;
	const char *name = dash_type_name(d, t);
	struct svg_series s;
	struct buf desc = BUF_INIT;
	struct svg_chart c = {
		.id = arena_printf(a, "trend-chart-%zu", k + 1),
		.title = arena_printf(a, "%s each month in %s", name, d->area_label),
		.n_x = (size_t)n,
		.x_labels = labels,
		.x_names = names,
		.series = &s,
		.n_series = 1,
		.y_integer = true,
		.width = 480,
		.height = 240,
		.small = true,
	};

	memset(&s, 0, sizeof(s));
	s.name = name;
	s.values = month_values(d, t, n);
	s.style = svg_style_nth(1);
	s.style.dash = SVG_SOLID;
	buf_printf(&desc, "Line chart of %s each month from %s to %s: ", name,
		   names[0], names[n - 1]);
	desc_count(d, &desc, t, d->from);
	buf_adds(&desc, " in the first month and ");
	desc_count(d, &desc, t, d->to);
	buf_adds(&desc, " in the last. The figures are in the table that follows.");
	c.desc = desc.ptr;
	html(d->b, "<li class=\"small-multiples__item\"><h4 class=\"heading-s\">%s</h4>\n",
	     name);
	svg_line_chart(d->b, &c);
	html_raw(d->b, "</li>\n");
	buf_release(&desc);
}

void dash_trend(struct dash *d)
{
	struct buf *b = d->b;
	struct arena *a = d->r->arena;
	int n = d->to - d->from + 1;
	const uint32_t *shown = d->top;
	size_t n_shown = d->n_top;
	struct svg_series main;
	struct buf desc = BUF_INIT;
	int peak = d->from;
	int64_t peak_n = -1;
	const char **names = dash_month_names(d, d->from, n);
	const char **labels = dash_axis_labels(d, d->from, n);
	const char *what = d->type_name ? d->type_name : "All crime";

	for (int m = d->from; m <= d->to; m++) {
		int64_t c = dash_sum(d, DASH_CRIMES, m, m);

		if (dash_hid(d, DASH_CRIMES, m, m))
			continue;
		if (c > peak_n) {
			peak_n = c;
			peak = m;
		}
	}
	memset(&main, 0, sizeof(main));
	main.name = what;
	main.values = month_values(d, DASH_CRIMES, n);
	main.style = svg_style_nth(0);
	main.style.thick = true;

	html(b, "<h2 class=\"heading-l\" id=\"trend\">Crimes each month</h2>\n"
		"<p>%s in %s, %s.</p>\n",
	     d->type_name ? arena_printf(a, "Crimes of the type %s", d->type_name)
			  : "All crime (every type but anti-social behaviour)",
	     d->area_label, dash_months_text(a, d->from, d->to));

	/* The description is plain text: the chart escapes it. */
	buf_printf(&desc, "Line chart of the %s recorded each month in %s from %s "
			  "to %s. %s was ",
		   d->crimes, d->area_label, names[0], names[n - 1], what);
	desc_count(d, &desc, DASH_CRIMES, d->from);
	buf_printf(&desc, " in %s and ", names[0]);
	desc_count(d, &desc, DASH_CRIMES, d->to);
	buf_printf(&desc, " in %s; the highest month was %s, with ", names[n - 1],
		   names[peak - d->from]);
	dash_add_count(&desc, peak_n);
	if (d->n_missing)
		buf_printf(&desc, ". There is no data for %d month%s, left as "
				  "gaps", d->n_missing, d->n_missing == 1 ? "" : "s");
	buf_adds(&desc, ". The figures are in the table that follows the charts.");
	{
		struct svg_chart c = {
			.id = "trend-chart",
			.title = arena_printf(a, "%s each month in %s",
					      d->type_name ? d->type_name : "Crimes",
					      d->area_label),
			.desc = desc.ptr,
			.n_x = (size_t)n,
			.x_labels = labels,
			.x_names = names,
			.y_title = "Crimes a month",
			.series = &main,
			.n_series = 1,
			.y_integer = true,
			.height = 340,
		};

		svg_line_chart(b, &c);
	}
	buf_release(&desc);

	if (n_shown) {
		html(b, "<h3 class=\"heading-m\">The %zu most common crime types</h3>\n"
			"<p>Each on its own scale, from zero: compare the shapes of "
			"the lines, and read the numbers on each chart's axis.</p>\n"
			"<ul class=\"small-multiples\">\n",
		     n_shown);
		for (size_t k = 0; k < n_shown; k++)
			small_multiple(d, shown[k], k, n, labels, names);
		html_raw(b, "</ul>\n");
	}

	/* The table alternative: the same series, and the other types. */
	html_raw(b, "<details class=\"crime-details\"><summary>The figures in the "
		    "charts as a table</summary><div class=\"details__text\">\n");
	html_table_begin(b, arena_printf(a, "Crimes each month in %s, by type",
					 d->area_label),
			 NULL, "trend-table");
	html(b, "<caption class=\"caption-s\">Crimes each month in %s, by type"
		"</caption>\n<thead><tr><th scope=\"col\">Month</th>"
		"<th scope=\"col\" class=\"numeric\">%s</th>",
	     d->area_label, what);
	for (size_t k = 0; k < n_shown; k++)
		html(b, "<th scope=\"col\" class=\"numeric\">%s</th>",
		     dash_type_name(d, shown[k]));
	if (n_shown)
		html_raw(b, "<th scope=\"col\" class=\"numeric\">Other crime types</th>");
	html_raw(b, "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		int m = d->from + i;
		int64_t all = dash_sum(d, DASH_CRIMES, m, m), other = all;

		html(b, "<tr><th scope=\"row\">%s</th>", names[i]);
		if (d->missing[m - d->base]) {
			html(b, "<td colspan=\"%zu\" class=\"secondary-text\">No data"
				"</td></tr>\n", n_shown ? n_shown + 2 : 1);
			continue;
		}
		html_raw(b, "<td class=\"numeric\">");
		dash_add_count_or_c(b, all, dash_hid(d, DASH_CRIMES, m, m));
		html_raw(b, "</td>");
		for (size_t k = 0; k < n_shown; k++) {
			int64_t c = dash_sum(d, shown[k], m, m);

			html_raw(b, "<td class=\"numeric\">");
			dash_add_count_or_c(b, c, dash_hid(d, shown[k], m, m));
			html_raw(b, "</td>");
			other -= c;
		}
		if (n_shown) {
			html_raw(b, "<td class=\"numeric\">");
			dash_add_count_or_c(b, other, dash_hid(d, DASH_OTHER, m, m));
			html_raw(b, "</td>");
		}
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody>");
	html_table_end(b);
	html_raw(b, "</div></details>\n");
	dash_csv_link(b, dash_csv_url(d, "counts", d->area_text, d->from, d->to,
				      "month,type", d->type >= 0, -1, false, 0),
		      d->type >= 0 ? arena_printf(a, "%s each month", d->type_name)
				   : "crimes and anti-social behaviour each month, "
				     "by type");
}
