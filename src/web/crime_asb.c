/*
 * crime_asb.c: section 4 of the crime dashboard (crime_dash.h),
 * anti-social behaviour each month: a chart, its table, and the figures
 * as CSV.  ASB incidents are not crimes: the crime type chosen in the
 * form does not change this section.
 */
#include <math.h>

#include "crime_dash.h"
#include "svg.h"

void dash_asb(struct dash *d)
{
	struct buf *b = d->b;
	struct arena *a = d->r->arena;
	int n = d->to - d->from + 1;
	double *v;
	const char **names;
	struct svg_series s;
	struct buf desc = BUF_INIT;
	int64_t total = 0;
	const char *caption;

	html_raw(b, "<h2 class=\"heading-l\" id=\"asb\">Anti-social behaviour</h2>\n");
	if (d->asb < 0) {
		html_raw(b, "<p>The data holds no anti-social behaviour records.</p>\n");
		return;
	}
	v = arena_array(a, (size_t)n, sizeof(*v));
	names = dash_month_names(d, d->from, n);
	for (int i = 0; i < n; i++) {
		int64_t c = dash_sum(d, d->asb, d->from + i, d->from + i);

		v[i] = d->missing[d->from + i - d->base] ||
				       dash_hid(d, d->asb, d->from + i, d->from + i)
			       ? NAN : (double)c;
		total += c;
	}
	html(b, "<p>Incidents of anti-social behaviour reported to the police in "
		"%s each month: ", d->area_label);
	dash_add_count_or_c(b, total, dash_hid(d, d->asb, d->from, d->to));
	html(b, " from %s to %s. They are not crimes, and are not in the crime "
		"figures above%s.</p>\n",
	     names[0], names[n - 1],
	     d->type_name ? " (the crime type chosen does not apply here)" : "");
	memset(&s, 0, sizeof(s));
	s.name = "Anti-social behaviour";
	s.values = v;
	s.style = svg_style_nth(1);
	s.style.dash = SVG_SOLID;
	buf_printf(&desc, "Line chart of the anti-social behaviour incidents "
			  "recorded each month from %s to %s: ",
		   names[0], names[n - 1]);
	if (dash_hid(d, d->asb, d->from, d->from))
		buf_adds(&desc, "[c]");
	else
		dash_add_count(&desc, dash_sum(d, d->asb, d->from, d->from));
	buf_adds(&desc, " in the first month and ");
	if (dash_hid(d, d->asb, d->to, d->to))
		buf_adds(&desc, "[c]");
	else
		dash_add_count(&desc, dash_sum(d, d->asb, d->to, d->to));
	buf_adds(&desc, " in the last. The figures are in the table that follows.");
	{
		struct svg_chart c = {
			.id = "asb-chart",
			.title = arena_printf(a, "Anti-social behaviour each month in %s",
					      d->area_label),
			.desc = desc.ptr,
			.n_x = (size_t)n,
			.x_labels = dash_axis_labels(d, d->from, n),
			.x_names = names,
			.y_title = "Incidents a month",
			.series = &s,
			.n_series = 1,
			.y_integer = true,
			.height = 280,
		};

		svg_line_chart(b, &c);
	}
	buf_release(&desc);
	caption = arena_printf(a, "Anti-social behaviour each month in %s",
			       d->area_label);
	html_raw(b, "<details class=\"crime-details\"><summary>The figures in the "
		    "chart as a table</summary><div class=\"details__text\">\n");
	html_table_begin(b, caption, NULL, "asb-table");
	html(b, "<caption class=\"caption-s\">%s</caption>\n<thead><tr>"
		"<th scope=\"col\">Month</th><th scope=\"col\" class=\"numeric\">"
		"Incidents</th></tr></thead>\n<tbody>\n",
	     caption);
	for (int i = 0; i < n; i++) {
		html(b, "<tr><th scope=\"row\">%s</th>", names[i]);
		if (d->missing[d->from + i - d->base]) {
			html_raw(b, "<td class=\"numeric secondary-text\">No data</td></tr>\n");
			continue;
		}
		html_raw(b, "<td class=\"numeric\">");
		dash_add_count_or_c(b, dash_sum(d, d->asb, d->from + i, d->from + i),
				    dash_hid(d, d->asb, d->from + i, d->from + i));
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody>");
	html_table_end(b);
	html_raw(b, "</div></details>\n");
	dash_csv_link(b, dash_csv_url(d, "counts", d->area_text, d->from, d->to,
				      "month", false, d->asb, false, 0),
		      "anti-social behaviour each month");
}
