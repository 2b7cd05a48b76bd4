/*
 * page_indicators.c: the indicator pages.
 *
 *   /indicators                   every indicator, by theme of the plan
 *   /indicators/{id}?area=&level= one indicator for an area: its headline
 *                                 statements, an SPC chart with its
 *                                 table, the peers with intervals (a
 *                                 dot-and-whisker chart and its table),
 *                                 every figure, the definition and the
 *                                 method in plain words
 *
 * The figures and the words come from src/indicators (series.h,
 * headline.h); this file only lays them out.  Every chart has a table of
 * the same figures; nothing needs JavaScript.
 */
#include <math.h>
#include <strings.h>

#include "base/esc.h"
#include "base/text.h"
#include "indicators/headline.h"
#include "pages.h"
#include "performance.h"
#include "store/store_indicator.h"
#include "store/store_plan.h"
#include "svg.h"

/* ---------------------------------------------------------------------
 * /indicators
 */

static void indicators_table(struct buf *b, struct arena *a,
			     const struct indicator *v, size_t n,
			     const char *caption)
{
	html_table_begin(b, caption, NULL, NULL);
	html(b, "<caption class=\"caption-s\">%s</caption>\n<thead><tr>"
		"<th scope=\"col\">Indicator</th><th scope=\"col\">Unit</th>"
		"<th scope=\"col\">Figures</th><th scope=\"col\">Source</th>"
		"</tr></thead>\n<tbody>\n",
	     caption);
	for (size_t i = 0; i < n; i++) {
		const struct indicator *ind = &v[i];

		html(b, "<tr><th scope=\"row\"><a href=\"/indicators/%lld\">%s</a>",
		     (long long)ind->id, ind->name);
		if (perf_sensitive(ind))
			html_raw(b, " <strong class=\"tag tag--red\">Official-sensitive"
				    "</strong>");
		if (ind->example)
			html_example_tag(b);
		html(b, "</th><td>%s", choice_label(indicator_units, ind->unit)
					       ? choice_label(indicator_units, ind->unit)
					       : ind->unit);
		if (ind->per && !perf_is(ind->unit, "proportion"))
			html(b, " per %s", perf_per_text(a, ind));
		html_raw(b, "</td><td>");
		if (ind->crime_type)
			html(b, "Counted from police.uk crime data (%s)", ind->crime_type);
		else if (ind->n_values)
			html(b, "%lld, %s to %s", (long long)ind->n_values,
			     ind->first_period ? ind->first_period : "",
			     ind->last_period ? ind->last_period : "");
		else
			html_raw(b, "<span class=\"secondary-text\">None yet</span>");
		html(b, "</td><td>%s</td></tr>\n", ind->source ? ind->source : "");
	}
	html_raw(b, "</tbody></table></div>\n");
}

void page_indicators(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct indicator *all;
	struct theme *themes = NULL;
	size_t n_all, n_themes = 0;
	int64_t plan;
	bool *shown;

	if (!(all = store_indicators(r->store, r->arena, &n_all, &e)) ||
	    (plan = store_themed_plan_id(r->store, &e)) < 0 ||
	    (plan > 0 && !(themes = store_themes(r->store, r->arena, plan, false,
						 &n_themes, &e)))) {
		web_store_error(r, w, &e);
		return;
	}
	shown = arena_array(r->arena, n_all + 1, sizeof(*shown));
	page_begin(r, w, "Performance", "performance");
	html_raw(b, "<h1>Performance</h1>\n");
	if (!n_all) {
		html_raw(b, "<p>No indicators have been defined yet.</p>\n"
			    "<p>Import indicator definitions and their figures from "
			    "CSV files (see docs/indicators.md):</p>\n"
			    "<pre class=\"crime-code\"><code>safer import indicators "
			    "FILE.csv</code></pre>\n");
		page_end(r, w);
		return;
	}
	html_raw(b, "<p class=\"lead\">The indicators the partnership follows, by "
		    "theme, with their figures, confidence intervals, comparisons "
		    "and the method beside every statement.</p>\n"
		    "<p><a class=\"button\" href=\"/headlines\">Performance "
		    "headlines</a></p>\n");
	for (size_t t = 0; t < n_themes; t++) {
		size_t n;
		struct indicator *ti = store_theme_indicators(r->store, r->arena,
							      themes[t].id, &n, &e);

		if (!ti) {
			buf_reset(b);
			web_store_error(r, w, &e);
			return;
		}
		if (!n)
			continue;
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < n_all; k++)
				shown[k] |= all[k].id == ti[i].id;
		html(b, "<h2 class=\"heading-l\">%s</h2>\n"
			"<p><a href=\"/themes/%lld/performance\">Performance of this "
			"theme at a glance<span class=\"visually-hidden\">: %s</span>"
			"</a></p>\n",
		     themes[t].name, (long long)themes[t].id, themes[t].name);
		indicators_table(b, r->arena, ti, n,
				 arena_printf(r->arena, "Indicators of %s",
					      themes[t].name));
	}
	{
		struct indicator *rest = arena_array(r->arena, n_all, sizeof(*rest));
		size_t n = 0;

		for (size_t k = 0; k < n_all; k++)
			if (!shown[k])
				rest[n++] = all[k];
		if (n) {
			html_raw(b, "<h2 class=\"heading-l\">Other indicators</h2>\n"
				    "<p>Indicators not linked to a theme of the current "
				    "plan.</p>\n");
			indicators_table(b, r->arena, rest, n, "Other indicators");
		}
	}
	html_raw(b, "<p class=\"body-s\"><a href=\"/api/v1/indicators\">These "
		    "indicators as JSON</a></p>\n");
	page_end(r, w);
}

/* ---------------------------------------------------------------------
 * /indicators/{id}: the SPC chart
 */

/* Short labels for the x axis of points first..first + n - 1 of the
 * series: months as "Jan 2024" (svg_month_labels), other periods by
 * their label, every k-th when there are many. */
static const char **axis_labels(struct arena *a, const struct ind_series *s,
				size_t first, size_t n)
{
	const char **l;
	size_t step = 1;

	if (s->crime) {
		int *m = arena_array(a, n ? n : 1, sizeof(*m));

		for (size_t i = 0; i < n; i++)
			m[i] = s->points[first + i].from_month;
		return svg_month_labels(a, m, n);
	}
	l = arena_array(a, n ? n : 1, sizeof(*l));
	while ((n + step - 1) / step > 8)
		step++;
	for (size_t i = 0; i < n; i++)
		if (i % step == (n - 1) % step)
			l[i] = s->points[first + i].period;
	return l;
}

static const char *class_css(const struct stats_spc_point *p)
{
	switch (p->class) {
	case STATS_SPC_IMPROVEMENT: return "spc-improvement";
	case STATS_SPC_CONCERN: return "spc-concern";
	case STATS_SPC_NEUTRAL_HIGH:
	case STATS_SPC_NEUTRAL_LOW: return "spc-neutral";
	case STATS_SPC_COMMON_CAUSE: break;
	}
	return NULL;
}

/* The chart over time: every period from the first figure to the last
 * on the x axis, so that a period with no figure is a gap in the line
 * (not a join across it); with an SPC chart, its mean, limits and
 * signals; without one (too few figures), each figure's interval, so
 * that a change smaller than the uncertainty does not look like one. */
static void spc_section(struct req *r, struct buf *b,
			const struct hl_indicator *h,
			const struct hl_statement *sp, double level)
{
	struct arena *a = r->arena;
	const struct ind_series *se = &h->series;
	const struct indicator *ind = h->ind;
	size_t n = 0, first = SIZE_MAX, last = 0, *spc_at;
	double *v, *improve, *concern, *neutral, *lower = NULL, *upper = NULL;
	const char **names, **cls_imp, **cls_con, **cls_neu;
	bool done = sp && sp->spc.done, intervals = false;
	const struct ind_spc *spc = sp ? &sp->spc : NULL;
	struct svg_series series[4];
	struct svg_hline lines[4];
	size_t n_series = 0, n_lines = 0, n_values = 0, n_gaps = 0;
	size_t n_imp = 0, n_con = 0, n_neu = 0;
	struct buf desc = BUF_INIT;

	html_raw(b, "<h2 class=\"heading-l\" id=\"over-time\">Over time</h2>\n");
	/* The points charted: from the SPC's first to its last, or from the
	 * first figure with a value to the last. */
	if (done) {
		first = spc->index[0];
		last = spc->index[spc->n - 1];
	} else {
		for (size_t i = 0; i < se->n; i++)
			if (se->points[i].has_value) {
				if (first == SIZE_MAX)
					first = i;
				last = i;
			}
	}
	if (first == SIZE_MAX) {
		html(b, "<p>There are no figures for %s.</p>\n", h->area);
		return;
	}
	n = last - first + 1;
	v = arena_array(a, n, sizeof(*v));
	improve = arena_array(a, n, sizeof(*v));
	concern = arena_array(a, n, sizeof(*v));
	neutral = arena_array(a, n, sizeof(*v));
	names = arena_array(a, n, sizeof(*names));
	cls_imp = arena_array(a, n, sizeof(*cls_imp));
	cls_con = arena_array(a, n, sizeof(*cls_con));
	cls_neu = arena_array(a, n, sizeof(*cls_neu));
	spc_at = arena_array(a, n, sizeof(*spc_at));
	for (size_t i = 0; i < n; i++) {
		const struct ind_point *p = &se->points[first + i];

		v[i] = p->has_value ? p->value : NAN;
		n_values += p->has_value;
		n_gaps += !p->has_value;
		intervals |= p->has_value && p->has_ci;
		names[i] = ind_period_words(a, p);
		improve[i] = concern[i] = neutral[i] = NAN;
		spc_at[i] = SIZE_MAX;
	}
	if (!done && intervals) {
		lower = arena_array(a, n, sizeof(*lower));
		upper = arena_array(a, n, sizeof(*upper));
		for (size_t i = 0; i < n; i++) {
			const struct ind_point *p = &se->points[first + i];

			lower[i] = p->has_value && p->has_ci ? p->lower : NAN;
			upper[i] = p->has_value && p->has_ci ? p->upper : NAN;
		}
	}
	for (size_t k = 0; done && k < spc->n; k++) {
		const struct stats_spc_point *q = &spc->points[k];
		size_t i = spc->index[k] - first;

		spc_at[i] = k;
		if (q->class == STATS_SPC_IMPROVEMENT) {
			improve[i] = v[i];
			cls_imp[i] = class_css(q);
			n_imp++;
		} else if (q->class == STATS_SPC_CONCERN) {
			concern[i] = v[i];
			cls_con[i] = class_css(q);
			n_con++;
		} else if (q->special) {
			neutral[i] = v[i];
			cls_neu[i] = class_css(q);
			n_neu++;
		}
	}
	memset(series, 0, sizeof(series));
	memset(lines, 0, sizeof(lines));
	series[n_series].name = ind->name;
	series[n_series].values = v;
	series[n_series].lower = lower;
	series[n_series].upper = upper;
	series[n_series].style = svg_style_nth(0);
	n_series++;
	/* Special causes: a series each, whose markers (bigger, with the
	 * class) are drawn over the values' own, so that each kind has its
	 * shape and its legend entry. */
	if (n_imp) {
		series[n_series].name = "Special cause improvement";
		series[n_series].values = improve;
		series[n_series].point_class = cls_imp;
		series[n_series].style =
			(struct svg_style){ "#1d70b8", SVG_SOLID, SVG_TRIANGLE, false };
		n_series++;
	}
	if (n_con) {
		series[n_series].name = "Special cause concern";
		series[n_series].values = concern;
		series[n_series].point_class = cls_con;
		series[n_series].style =
			(struct svg_style){ "#b35c00", SVG_SOLID, SVG_SQUARE, false };
		n_series++;
	}
	if (n_neu) {
		series[n_series].name = "Special cause (neither better nor worse)";
		series[n_series].values = neutral;
		series[n_series].point_class = cls_neu;
		series[n_series].style =
			(struct svg_style){ "#4c2c92", SVG_SOLID, SVG_DIAMOND, false };
		n_series++;
	}
	if (done) {
		const struct stats_spc_segment *sg = &spc->res.segments[0];

		lines[n_lines++] = (struct svg_hline){
			sg->mean, "Mean", { "#505a5f", SVG_SOLID, SVG_NO_MARKER, false },
			"spc-mean" };
		lines[n_lines++] = (struct svg_hline){
			sg->upper_limit, "Upper process limit",
			{ "#505a5f", SVG_DASHED, SVG_NO_MARKER, false }, "spc-limit" };
		lines[n_lines++] = (struct svg_hline){
			sg->lower_limit, "Lower process limit",
			{ "#505a5f", SVG_DASHED, SVG_NO_MARKER, false }, "spc-limit" };
	}
	if (ind->has_target)
		lines[n_lines++] = (struct svg_hline){
			ind->target, "Target",
			{ "#00703c", SVG_DOTTED, SVG_NO_MARKER, false }, "spc-target" };

	if (done) {
		html(b, "<p>A statistical process control (XmR) chart of the %zu "
			"figures for %s: the mean, the process limits, and the points "
			"that are special cause variation, marked by shape as well as "
			"colour.%s</p>\n",
		     spc->n, h->area,
		     n_gaps ? " A period with no figure is a gap in the line." : "");
	} else {
		html(b, "<p>The %zu figures for %s%s. There are too few for a "
			"statistical process control chart (at least %d are needed), "
			"so no process limits are drawn.%s</p>\n",
		     n_values, h->area,
		     intervals ? arena_printf(a, ", each with its %s confidence "
						 "interval as a vertical line",
					      ind_level_text(a, level))
			       : "",
		     IND_SPC_MIN_POINTS,
		     intervals ? " Where two intervals overlap a good deal, the "
				 "difference between the figures may be chance."
			       : "");
	}
	buf_printf(&desc, "Line chart of %s in %s, %s to %s.", ind->name, h->area,
		   names[0], names[n - 1]);
	if (n_gaps)
		buf_printf(&desc, " %zu period%s with no figure %s gaps in the line.",
			   n_gaps, n_gaps == 1 ? "" : "s", n_gaps == 1 ? "is a" : "are");
	if (intervals)
		buf_adds(&desc, " Each figure's confidence interval is drawn as a "
				"vertical line.");
	if (done)
		buf_printf(&desc, " The mean is %s and the process limits %s and %s. "
				  "%zu points are special cause improvement (drawn as "
				  "triangles), %zu special cause concern (squares)%s.",
			   ind_value_text(a, ind, spc->res.segments[0].mean),
			   ind_value_text(a, ind, spc->res.segments[0].lower_limit),
			   ind_value_text(a, ind, spc->res.segments[0].upper_limit),
			   n_imp, n_con,
			   n_neu ? arena_printf(a, " and %zu special cause variation "
						   "(diamonds)", n_neu)
				 : "");
	buf_adds(&desc, " The figures are in the table that follows the chart.");
	{
		bool percent = perf_is(ind->unit, "proportion") && ind_scale(ind) == 100;
		struct svg_chart c = {
			.id = "spc-chart",
			.title = arena_printf(a, "%s in %s", ind->name, h->area),
			.desc = desc.ptr,
			.n_x = n,
			.x_labels = axis_labels(a, se, first, n),
			.x_names = names,
			.y_title = percent ? "Per cent"
				   : perf_is(ind->unit, "rate")
					   ? arena_printf(a, "Per %s",
							  ind_value_text(a, &(struct indicator){ .unit = "count" },
									 ind_scale(ind)))
					   : "Value",
			.series = series,
			.n_series = n_series,
			.lines = lines,
			.n_lines = n_lines,
			.y_integer = perf_is(ind->unit, "count"),
			.y_fit = true,
			/* A survey's percentage on an axis of at least 10
			 * points: a change of 1 point looks like one. */
			.y_min_span = percent ? 10 : 0,
			.height = 380,
		};

		svg_line_chart(b, &c);
	}
	buf_release(&desc);

	/* The table alternative. */
	html_raw(b, "<details class=\"crime-details\"><summary>The figures in the "
		    "chart as a table</summary><div class=\"details__text\">\n");
	html_table_begin(b, arena_printf(a, "%s in %s", ind->name, h->area), NULL,
			 "spc-table");
	html(b, "<caption class=\"caption-s\">%s in %s</caption>\n<thead><tr>"
		"<th scope=\"col\">Period</th><th scope=\"col\" class=\"numeric\">"
		"Value</th>",
	     ind->name, h->area);
	if (intervals && !done)
		html_raw(b, "<th scope=\"col\" class=\"numeric\">Lower limit</th>"
			    "<th scope=\"col\" class=\"numeric\">Upper limit</th>");
	if (done)
		html_raw(b, "<th scope=\"col\" class=\"numeric\">Mean</th>"
			    "<th scope=\"col\" class=\"numeric\">Lower process limit</th>"
			    "<th scope=\"col\" class=\"numeric\">Upper process limit</th>"
			    "<th scope=\"col\">Signal</th>");
	html_raw(b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct ind_point *p = &se->points[first + i];

		html(b, "<tr><th scope=\"row\">%s</th>", names[i]);
		if (!p->has_value) {
			html(b, "<td colspan=\"%d\" class=\"secondary-text\">No data"
				"</td></tr>\n",
			     done ? 5 : intervals ? 3 : 1);
			continue;
		}
		html(b, "<td class=\"numeric\">%s</td>", ind_value_text(a, ind, v[i]));
		if (intervals && !done)
			html(b, "<td class=\"numeric\">%s</td><td class=\"numeric\">%s</td>",
			     p->has_ci ? ind_value_text(a, ind, p->lower) : "",
			     p->has_ci ? ind_value_text(a, ind, p->upper) : "");
		if (done && spc_at[i] != SIZE_MAX) {
			const struct stats_spc_point *q = &spc->points[spc_at[i]];

			html(b, "<td class=\"numeric\">%s</td><td class=\"numeric\">%s</td>"
				"<td class=\"numeric\">%s</td><td>",
			     ind_value_text(a, ind, q->mean),
			     ind_value_text(a, ind, q->lower_limit),
			     ind_value_text(a, ind, q->upper_limit));
			if (q->special)
				html(b, "%s: %s", q->class_name, q->type_name);
			else
				html_raw(b, "<span class=\"secondary-text\">Common cause"
					    "</span>");
			html_raw(b, "</td>");
		} else if (done) {
			html_raw(b, "<td colspan=\"4\"></td>");
		}
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody>");
	html_table_end(b);
	html_raw(b, "</div></details>\n");
	if (sp)
		html(b, "<p class=\"body-s\">%s</p>\n", sp->method);
}

/* ---------------------------------------------------------------------
 * /indicators/{id}: peers
 */

struct tick_ctx {
	struct arena *a;
	const struct indicator *ind;
};

static const char *tick_text(void *ctx, double v)
{
	struct tick_ctx *t = ctx;

	return ind_value_text(t->a, t->ind, v);
}

/* A dot-and-whisker chart of the peers' figures with their intervals,
 * the area's own marked by a diamond and its name in bold, the
 * benchmark as a dashed line. */
static void peers_chart(struct req *r, struct buf *b,
			const struct hl_indicator *h,
			const struct hl_statement *s, const size_t *order,
			const struct hl_statement *bench, double level)
{
	struct arena *a = r->arena;
	const struct indicator *ind = h->ind;
	struct svg_dot *rows = arena_array(a, s->n_peers + 1, sizeof(*rows));
	struct tick_ctx t = { a, ind };
	bool line = bench && bench->b.has_value;
	struct svg_dots c = {
		.id = "peers-chart",
		.title = arena_printf(a, "%s in the %s peer group, %s", ind->name,
				      s->other, ind_period_words(a, &s->a)),
		.desc = arena_printf(a, "Each area's figure as a dot with its %s "
				     "confidence interval as a line, in rank "
				     "order; %s as a diamond%s. The figures are "
				     "in the table that follows.",
				     ind_level_text(a, level), h->area,
				     line ? "; the benchmark as a dashed line" : ""),
		.rows = rows,
		.n_rows = s->n_peers,
		.has_line = line,
		.line = line ? bench->b.value : 0,
		.tick_label = tick_text,
		.ctx = &t,
	};

	for (size_t k = 0; k < s->n_peers; k++) {
		const struct ind_point *p = &s->peers[order[k]];
		struct svg_dot *d = &rows[k];

		d->label = p->area;
		d->value = p->has_value ? p->value : NAN;
		d->has_ci = p->has_ci;
		d->lower = p->lower;
		d->upper = p->upper;
		d->self = perf_same(p->area, h->area);
		d->tooltip = p->has_ci ? arena_printf(a, "%s: %s (%s)", p->area,
						      ind_value_text(a, ind, p->value),
						      ind_interval_text(a, ind, p))
				       : arena_printf(a, "%s: %s", p->area,
						      p->has_value
							      ? ind_value_text(a, ind, p->value)
							      : "no figure");
	}
	html_raw(b, "<div class=\"chart\">");
	svg_dot_chart(b, &c);
	if (line)
		html(b, "<p class=\"body-s\">The dashed line is %s (%s).</p>\n",
		     bench->other, ind_value_text(a, ind, bench->b.value));
	html_raw(b, "</div>\n");
}

static void peers_section(struct req *r, struct buf *b,
			  const struct hl_indicator *h,
			  const struct hl_statement *s,
			  const struct hl_statement *bench, double level)
{
	struct arena *a = r->arena;
	const struct indicator *ind = h->ind;
	size_t *order = arena_array(a, s->n_peers + 1, sizeof(*order));

	/* Ranked first, by rank; then those without a figure. */
	for (size_t i = 0; i < s->n_peers; i++)
		order[i] = i;
	for (size_t i = 1; i < s->n_peers; i++)
		for (size_t j = i; j > 0; j--) {
			size_t x = order[j - 1], y = order[j];
			size_t rx = s->ranks[x].rank ? s->ranks[x].rank : SIZE_MAX;
			size_t ry = s->ranks[y].rank ? s->ranks[y].rank : SIZE_MAX;

			if (rx <= ry)
				break;
			order[j - 1] = y;
			order[j] = x;
		}
	html(b, "<h2 class=\"heading-l\" id=\"peers\">Compared with the %s peer group"
		"</h2>\n<p>The figures for %s, %s first, each with its %s confidence "
		"interval.</p>\n",
	     s->other, ind_period_words(a, &s->a),
	     s->highest_first ? "highest" : "lowest", ind_level_text(a, level));
	peers_chart(r, b, h, s, order, bench, level);
	html_table_begin(b, arena_printf(a, "%s, %s: the %s peer group", ind->name,
				      ind_period_words(a, &s->a), s->other),
			 "table--stack", "peers-table");
	html(b, "<caption class=\"caption-s\">%s, %s: the %s peer group</caption>\n"
		"<thead><tr><th scope=\"col\" class=\"numeric\">Rank</th>"
		"<th scope=\"col\">Area</th><th scope=\"col\" class=\"numeric\">Value"
		"</th><th scope=\"col\" class=\"numeric\">Lower limit</th>"
		"<th scope=\"col\" class=\"numeric\">Upper limit</th>"
		"<th scope=\"col\" class=\"numeric\">Numerator</th>"
		"<th scope=\"col\" class=\"numeric\">Denominator</th></tr></thead>\n<tbody>\n",
	     ind->name, ind_period_words(a, &s->a), s->other);
	for (size_t k = 0; k < s->n_peers; k++) {
		size_t i = order[k];
		const struct ind_point *p = &s->peers[i];
		bool self = perf_same(p->area, h->area);

		html(b, "<tr%s><td class=\"numeric\" data-label=\"Rank\">",
		     self ? " class=\"crime-self\"" : "");
		if (s->ranks[i].rank)
			html(b, "%s%zu", s->ranks[i].ties > 1 ? "=" : "", s->ranks[i].rank);
		else
			html_raw(b, "<span class=\"secondary-text\">\xE2\x80\x93</span>");
		html(b, "</td><th scope=\"row\"><a href=\"%s\">%s</a>",
		     ind_link(a, ind, p->area), p->area);
		if (self)
			html_raw(b, " <span class=\"visually-hidden\">(this area)</span>");
		if (p->small)
			html_raw(b, " <strong class=\"tag tag--yellow\">Small numbers</strong>");
		html_raw(b, "</th>");
		if (!p->has_value) {
			html_raw(b, "<td colspan=\"5\" class=\"secondary-text\">No figure"
				    "</td></tr>\n");
			continue;
		}
		html(b, "<td class=\"numeric\" data-label=\"Value\">%s</td>",
		     ind_value_text(a, ind, p->value));
		if (p->has_ci)
			html(b, "<td class=\"numeric\" data-label=\"Lower limit\">%s</td>"
				"<td class=\"numeric\" data-label=\"Upper limit\">%s</td>",
			     ind_value_text(a, ind, p->lower), ind_value_text(a, ind, p->upper));
		else
			html_raw(b, "<td class=\"numeric secondary-text\" data-label=\"Lower "
				    "limit\">\xE2\x80\x93</td><td class=\"numeric "
				    "secondary-text\" data-label=\"Upper limit\">\xE2\x80\x93</td>");
		html(b, "<td class=\"numeric\" data-label=\"Numerator\">%s</td>"
			"<td class=\"numeric\" data-label=\"Denominator\">%s</td></tr>\n",
		     p->has_numerator ? ind_value_text(a, &(struct indicator){ .unit = "count" },
						       p->numerator)
				      : "",
		     p->has_denominator
			     ? ind_value_text(a, &(struct indicator){ .unit = "count" },
					      p->denominator)
			     : "");
	}
	html_raw(b, "</tbody></table></div>\n");
	html(b, "<p class=\"body-s\">%s</p>\n", s->method);
}

/* ---------------------------------------------------------------------
 * /indicators/{id}: every figure, the definition, the method
 */

static void values_section(struct req *r, struct buf *b,
			   const struct hl_indicator *h, double level)
{
	struct arena *a = r->arena;
	const struct indicator *ind = h->ind;
	const struct indicator counts = { .unit = "count" };

	html(b, "<h2 class=\"heading-l\" id=\"figures\">All figures for %s</h2>\n",
	     h->area);
	html_table_begin(b, arena_printf(a, "%s in %s, with %s confidence intervals",
				      ind->name, h->area, ind_level_text(a, level)),
			 NULL, "values-table");
	html(b, "<caption class=\"caption-s\">%s in %s, with %s confidence "
		"intervals</caption>\n<thead><tr><th scope=\"col\">Period</th>"
		"<th scope=\"col\" class=\"numeric\">Numerator</th>"
		"<th scope=\"col\" class=\"numeric\">Denominator</th>"
		"<th scope=\"col\" class=\"numeric\">Value</th>"
		"<th scope=\"col\" class=\"numeric\">Lower limit</th>"
		"<th scope=\"col\" class=\"numeric\">Upper limit</th>"
		"<th scope=\"col\">Source and notes</th></tr></thead>\n<tbody>\n",
	     ind->name, h->area, ind_level_text(a, level));
	for (size_t i = h->series.n; i-- > 0;) {
		const struct ind_point *p = &h->series.points[i];

		html(b, "<tr><th scope=\"row\">%s</th><td class=\"numeric\">%s</td>"
			"<td class=\"numeric\">%s</td><td class=\"numeric\">",
		     ind_period_words(a, p),
		     p->has_numerator ? ind_value_text(a, &counts, p->numerator) : "",
		     p->has_denominator ? ind_value_text(a, &counts, p->denominator) : "");
		if (p->has_value)
			html(b, "%s", ind_value_text(a, ind, p->value));
		else
			html_raw(b, "<span class=\"secondary-text\">Not available</span>");
		html_raw(b, "</td>");
		if (p->has_ci)
			html(b, "<td class=\"numeric\">%s</td><td class=\"numeric\">%s</td>",
			     ind_value_text(a, ind, p->lower),
			     ind_value_text(a, ind, p->upper));
		else
			html_raw(b, "<td class=\"numeric secondary-text\">None</td>"
				    "<td class=\"numeric secondary-text\">None</td>");
		html(b, "<td class=\"body-s\">%s", p->source ? p->source : "");
		if (p->small)
			html_raw(b, " <strong class=\"tag tag--yellow\">Small numbers</strong>");
		if (p->example)
			html_example_tag(b);
		if (p->note)
			html(b, "<br>%s", p->note);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
}

static void definition_section(struct req *r, struct buf *b,
			       const struct indicator *ind)
{
	struct arena *a = r->arena;

	html_raw(b, "<h2 class=\"heading-l\" id=\"about\">About this indicator</h2>\n");
	html_summary_begin(b);
	html_row_text(b, "Code", ind->code);
	html_row_text(b, "Unit", arena_printf(a, "%s%s",
					      choice_label(indicator_units, ind->unit)
						      ? choice_label(indicator_units, ind->unit)
						      : ind->unit,
					      ind->per && !perf_is(ind->unit, "proportion")
						      ? arena_printf(a, " per %s",
								     perf_per_text(a, ind))
						      : ""));
	html_row_text(b, "Which way is better", choice_label(polarities, ind->polarity));
	html_row_text(b, "Frequency", choice_label(frequencies, ind->frequency));
	html_row_text(b, "Source", ind->source);
	html_row_text(b, "Owner", ind->owner);
	html_row_text(b, "Sensitivity", choice_label(sensitivities, ind->sensitivity));
	html_row_text(b, "Confidence intervals", choice_label(ci_methods, ind->ci_method));
	html_row_text(b, "Compared with the benchmark by",
		      choice_label(comparisons, ind->comparison));
	html_row_text(b, "Benchmark", ind->benchmark);
	html_row_text(b, "Peer group", ind->peer_group);
	if (ind->has_target)
		html_row_text(b, "Target",
			      arena_printf(a, "%s%s%s", ind_value_text(a, ind, ind->target),
					   ind->target_note ? ": " : "",
					   ind->target_note ? ind->target_note : ""));
	if (ind->crime_type)
		html_row_text(b, "Counted from",
			      arena_printf(a, "police.uk street-level crime: %s",
					   ind->crime_type));
	html_summary_end(b);
}

static void method_section(struct buf *b)
{
	html_raw(b, "<h2 class=\"heading-l\" id=\"method\">How the figures are worked "
		    "out</h2>\n<ul class=\"list\">\n"
		    "<li>Proportions have a Wilson score confidence interval; counts "
		    "and rates an exact Poisson interval below 10 events and Byar's "
		    "method from 10 (the methods of OHID's Fingertips).</li>\n"
		    "<li>An area is significantly higher or lower than its benchmark "
		    "when the benchmark's value is outside the area's interval (or, "
		    "where the indicator says so, when the two intervals do not "
		    "overlap). Better or worse follows which way is better.</li>\n"
		    "<li>A change between two periods is tested with the pooled "
		    "two-proportion z-test (proportions) or the exact test of the "
		    "ratio of two Poisson counts (counts and rates). Changes within "
		    "a year tested together share the significance level "
		    "(Bonferroni).</li>\n"
		    "<li>Peers are ranked by standard competition ranking; a rank is "
		    "not a test.</li>\n"
		    "<li>Statistical process control charts (XmR) use the Making Data "
		    "Count rules and need at least 12 points.</li>\n"
		    "<li>A figure from fewer than 10 events, or a proportion of fewer "
		    "than 30, is small numbers: treat it with caution.</li>\n"
		    "<li>Nothing is called significant that did not pass its test at "
		    "the level shown.</li>\n</ul>\n");
}

/* The area and level form of the indicator page. */
static void indicator_form(struct form *f, const struct indicator *ind,
			   const char *const *areas, size_t n, const char *sel,
			   double level)
{
	form_begin_get(f, arena_printf(f->r->arena, "/indicators/%lld",
				       (long long)ind->id),
		       NULL);
	perf_name_select(f, "area", "Area", NULL, areas, n, sel);
	perf_level_select(f, level);
	form_end_get(f, "Show figures");
}

void page_indicator(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct ind_ctx c;
	struct indicator *ind;
	struct hl_indicator h;
	const struct hl_statement *spc = NULL, *peers = NULL, *bench = NULL;
	const char *area = http_query(r, "area"), **areas;
	struct err probs[3];
	struct err_list l = { probs, 0, ARRAY_SIZE(probs) };
	struct form f = perf_filter_form(r, b, &l);
	size_t n_areas;
	double level;

	if (!(ind = store_indicator(r->store, r->arena, r->ids[0], &e))) {
		web_store_error(r, w, &e);
		return;
	}
	if (!perf_read_level(r, &level))
		form_problem(&l, "level", "Choose a confidence level from the list");
	if (!perf_open_ctx(r, w, level, &c))
		return;
	if (!(areas = ind_areas(&c, ind, &n_areas, &e)))
		goto fail;
	if (!area || !*area) {
		/* the partnership's own area, else the one with most figures */
		const char *def = hl_default_area(&c, &e);

		if (!def && e.code != ERR_OK)
			goto fail;
		area = n_areas ? areas[0] : NULL;
		for (size_t i = 0; def && i < n_areas; i++)
			if (perf_same(areas[i], def))
				area = areas[i];
	} else {
		bool known = false;

		for (size_t i = 0; i < n_areas && !known; i++)
			known = perf_same(areas[i], area);
		if (!known && !(ind->crime_type && hl_area_known(&c, area)))
			form_problem(&l, "area", perf_no_figures_for(r, area));
	}
	if (l.n) {
		page_begin(r, w, form_title(&f, ind->name), "performance");
		w->status = 400;
		form_error_summary(&f);
		html(b, "<span class=\"caption-l\">Indicator</span>\n<h1>%s</h1>\n",
		     ind->name);
		indicator_form(&f, ind, areas, n_areas, area, level);
		page_end(r, w);
		return;
	}
	if (hl_indicator(&c, ind, area ? area : "", NULL, &h, &e) < 0)
		goto fail;
	for (size_t i = 0; i < h.n_st; i++) {
		if (h.st[i].kind == HL_SPC)
			spc = &h.st[i];
		else if (h.st[i].kind == HL_PEERS)
			peers = &h.st[i];
		else if (h.st[i].kind == HL_BENCHMARK)
			bench = &h.st[i];
	}

	page_begin(r, w, arena_printf(r->arena, "%s: %s", ind->name, h.area),
		   "performance");
	html_breadcrumbs(b, 2, (const char *const[]){ "/indicators", "Performance",
						      NULL, ind->name });
	if (perf_sensitive(ind))
		perf_sensitive_banner(b, "These figures are official-sensitive: share them "
				    "only with those who need them, and do not "
				    "publish them.");
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>%s</h1>\n", h.area, ind->name);
	if (ind->example || h.example)
		html_raw(b, "<p>");
	if (ind->example || h.example) {
		html_example_tag(b);
		html_raw(b, " <span class=\"example-note\">Some figures here are "
			    "example data, invented or generated for the demo.</span>"
			    "</p>\n");
	}
	if (ind->description)
		html_paragraphs(b, ind->description);
	indicator_form(&f, ind, areas, n_areas, h.area, level);

	html_raw(b, "<nav class=\"crime-contents\" aria-label=\"Contents\">\n"
		    "<h2 class=\"heading-s\">Contents</h2>\n<ul class=\"list\">\n"
		    "<li><a href=\"#headline\">Headline</a></li>\n"
		    "<li><a href=\"#over-time\">Over time</a></li>\n");
	if (peers && peers->n_ranked)
		html_raw(b, "<li><a href=\"#peers\">Compared with the peer group</a></li>\n");
	if (h.series.n)
		html_raw(b, "<li><a href=\"#figures\">All figures</a></li>\n");
	html_raw(b, "<li><a href=\"#about\">About this indicator</a></li>\n"
		    "<li><a href=\"#method\">How the figures are worked out</a></li>\n"
		    "</ul>\n</nav>\n");

	html_raw(b, "<h2 class=\"heading-l\" id=\"headline\">Headline</h2>\n");
	perf_headline_block(b, &h, false, false);
	spc_section(r, b, &h, spc, level);
	if (peers && peers->n_ranked)
		peers_section(r, b, &h, peers, bench, level);
	if (h.series.n)
		values_section(r, b, &h, level);
	definition_section(r, b, ind);
	method_section(b);
	{
		struct buf u = BUF_INIT;
		const char *lp = perf_level_param(r->arena, level);

		buf_printf(&u, "/api/v1/indicators/%lld", (long long)ind->id);
		web_url_param(&u, "area", h.area);
		web_url_param(&u, "level", lp);
		html(b, "<p class=\"body-s\"><a href=\"%s\">These figures as JSON</a></p>\n",
		     u.ptr);
		buf_release(&u);
	}
	page_end(r, w);
	return;
fail:
	buf_reset(b);
	web_store_error(r, w, &e);
}
