/*
 * page_indicators.c: the performance pages.
 *
 *   /indicators                   every indicator, by theme of the plan
 *   /indicators/{id}?area=&level= one indicator for an area: its headline
 *                                 statements, an SPC chart with its
 *                                 table, the peers with intervals (a
 *                                 dot-and-whisker chart and its table),
 *                                 every figure, the definition and the
 *                                 method in plain words
 *   /themes/{id}/performance?area= a theme's indicators at a glance:
 *                                 latest figure, against the benchmark
 *                                 and the target, the trend in words
 *   /headlines?area=&period=&level= the performance headlines by theme,
 *                                 each statement with its method and a
 *                                 link to its data
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
#include "svg.h"

/* ---------------------------------------------------------------------
 * Small pieces
 */

static bool is(const char *s, const char *want)
{
	return s && strcmp(s, want) == 0;
}

static bool same(const char *a, const char *b)
{
	return a && b && strcasecmp(a, b) == 0;
}

/* An indicator's 'per' as "1,000" (static: one at a time). */
static const char *per_text(const struct indicator *ind)
{
	static _Thread_local char out[32];
	struct buf t = BUF_INIT;

	text_add_grouped(&t, ind->per);
	snprintf(out, sizeof(out), "%s", t.ptr);
	buf_release(&t);
	return out;
}

static bool sensitive(const struct indicator *ind)
{
	return is(ind->sensitivity, "official_sensitive");
}

/* The OFFICIAL-SENSITIVE marking, at the top of a page that shows such
 * figures. */
static void sensitive_banner(struct buf *b, const char *what)
{
	html(b, "<div class=\"ind-sensitive\" role=\"note\"><strong>OFFICIAL-SENSITIVE"
		"</strong> %s</div>\n",
	     what);
}

static void verdict_tag(struct buf *b, enum hl_verdict v)
{
	switch (v) {
	case HL_SIGNIFICANT: html_tag(b, "blue", "Significant"); break;
	case HL_NOT_SIGNIFICANT: html_tag(b, "grey", "Not significant"); break;
	case HL_SMALL_NUMBERS: html_tag(b, "yellow", "Small numbers"); break;
	case HL_SPECIAL_CAUSE: html_tag(b, "purple", "Special cause"); break;
	case HL_COMMON_CAUSE: html_tag(b, "grey", "Common cause"); break;
	case HL_NOT_TESTED: html_tag(b, "grey", "Not tested"); break;
	}
}

/* The fields of the filter forms, in order (see form_begin_get). */
static const struct option filter_fields[] = {
	{ "area", NULL }, { "period", NULL }, { "level", NULL }, { NULL, NULL },
};

/* A filter form on b showing the problems in l. */
static struct form filter_form(struct req *r, struct buf *b,
			       const struct err_list *l)
{
	return (struct form){ .r = r, .b = b, .errors = l, .labels = filter_fields };
}

static void level_select(struct form *f, double level)
{
	form_select_begin(f, "level", "Confidence level", NULL, NULL);
	form_option(f, "95", "95%", fabs(level - 0.95) < 1e-9);
	form_option(f, "99.8", "99.8%", fabs(level - 0.998) < 1e-9);
	if (fabs(level - 0.95) > 1e-9 && fabs(level - 0.998) > 1e-9) {
		char v[32], l[32];

		snprintf(v, sizeof(v), "%.4g", level * 100);
		snprintf(l, sizeof(l), "%.4g%%", level * 100);
		form_option(f, v, l, true);
	}
	form_select_end(f);
}

/* A select of names (areas, periods): sel chosen, added if not among
 * them; first, if not NULL, is a first option with the value "". */
static void name_select(struct form *f, const char *name, const char *label,
			const char *first, const char *const *names, size_t n,
			const char *sel)
{
	bool found = false;

	form_select_begin(f, name, label, NULL, NULL);
	if (first)
		form_option(f, "", first, !sel || !*sel);
	for (size_t i = 0; i < n; i++) {
		bool on = !found && same(names[i], sel);

		found |= on;
		form_option(f, names[i], names[i], on);
	}
	if (!found && sel && *sel)
		form_option(f, sel, sel, true);
	form_select_end(f);
}

/* "There are no figures for ‘X’: choose an area from the list" */
static const char *no_figures_for(struct req *r, const char *area)
{
	return arena_printf(r->arena,
			    "There are no figures for \xE2\x80\x98%s\xE2\x80\x99: "
			    "choose an area from the list",
			    area);
}

/* Read level=; false (with a message) when it is not a level. */
static bool read_level(struct req *r, double *level)
{
	const char *v = http_query(r, "level");

	*level = 0.95;
	return !v || !*v || stats_level_parse(v, level) == 0;
}

/* A statement: the sentence, its verdict, the method behind "How this
 * was worked out" and the link to the data. */
static void statement(struct buf *b, const struct hl_statement *s, bool link)
{
	html(b, "<li class=\"ind-statement\"><p class=\"ind-statement__sentence\">%s ",
	     s->sentence);
	verdict_tag(b, s->verdict);
	if (s->example)
		html_example_tag(b);
	html(b, "</p>\n<details class=\"ind-method\"><summary>How this was worked "
		"out</summary><div class=\"details__text\"><p>%s</p></div></details>\n",
	     s->method);
	if (link)
		html(b, "<p class=\"ind-statement__link\"><a href=\"%s\">See the "
			"data<span class=\"visually-hidden\">: %s</span></a></p>\n",
		     s->link, s->sentence);
	html_raw(b, "</li>\n");
}

/* An indicator's headline: the summary sentence, then the statements. */
static void headline_block(struct buf *b, const struct hl_indicator *h,
			   bool heading, bool link)
{
	if (heading) {
		html(b, "<h3 class=\"heading-m ind-headline__title\"><a href=\"%s\">%s</a>",
		     h->link, h->ind->name);
		html_raw(b, "</h3>\n");
	}
	if (sensitive(h->ind))
		html_raw(b, "<p><strong class=\"tag tag--red\">Official-sensitive"
			    "</strong></p>\n");
	html(b, "<p class=\"ind-summary\">%s", h->summary);
	if (h->example)
		html_example_tag(b);
	html_raw(b, "</p>\n");
	if (!h->has_data)
		return;
	html_raw(b, "<ul class=\"ind-statements\">\n");
	for (size_t i = 0; i < h->n_st; i++)
		statement(b, &h->st[i], link);
	html_raw(b, "</ul>\n");
}

/* A context for a page: the server's crime engine; on failure the page
 * is the error page. */
static bool open_ctx(struct req *r, struct resp *w, double level,
		     struct ind_ctx *c)
{
	struct err e = ERR_INIT;

	if (ind_ctx_open(c, r->store, r->arena, level, true, &e) < 0) {
		web_store_error(r, w, &e);
		return false;
	}
	return true;
}

static const char *level_param(struct arena *a, double level)
{
	return fabs(level - 0.95) < 1e-9 ? NULL : arena_printf(a, "%.4g", level * 100);
}

/* ---------------------------------------------------------------------
 * /indicators
 */

static void indicators_table(struct buf *b, const struct indicator *v,
			     size_t n, const char *caption)
{
	html(b, "<div class=\"table-wrap\"><table class=\"table\">\n"
		"<caption class=\"caption-s\">%s</caption>\n<thead><tr>"
		"<th scope=\"col\">Indicator</th><th scope=\"col\">Unit</th>"
		"<th scope=\"col\">Figures</th><th scope=\"col\">Source</th>"
		"</tr></thead>\n<tbody>\n",
	     caption);
	for (size_t i = 0; i < n; i++) {
		const struct indicator *ind = &v[i];

		html(b, "<tr><th scope=\"row\"><a href=\"/indicators/%lld\">%s</a>",
		     (long long)ind->id, ind->name);
		if (sensitive(ind))
			html_raw(b, " <strong class=\"tag tag--red\">Official-sensitive"
				    "</strong>");
		if (ind->example)
			html_example_tag(b);
		html(b, "</th><td>%s", choice_label(indicator_units, ind->unit)
					       ? choice_label(indicator_units, ind->unit)
					       : ind->unit);
		if (ind->per && !is(ind->unit, "proportion"))
			html(b, " per %s", per_text(ind));
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
	    (plan = store_current_plan_id(r->store, &e)) < 0 ||
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
		indicators_table(b, ti, n,
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
			indicators_table(b, rest, n, "Other indicators");
		}
	}
	html_raw(b, "<p class=\"body-s\"><a href=\"/api/v1/indicators\">These "
		    "indicators as JSON</a></p>\n");
	page_end(r, w);
}

/* ---------------------------------------------------------------------
 * /indicators/{id}: the SPC chart
 */

/* Short labels for the x axis: months as "Jan 2024" (svg_month_labels),
 * other periods by their label, every k-th when there are many. */
static const char **axis_labels(struct arena *a, const struct ind_series *s,
				const size_t *index, size_t n)
{
	const char **l;
	size_t step = 1;

	if (s->crime) {
		int *m = arena_array(a, n ? n : 1, sizeof(*m));

		for (size_t i = 0; i < n; i++)
			m[i] = s->points[index[i]].from_month;
		return svg_month_labels(a, m, n);
	}
	l = arena_array(a, n ? n : 1, sizeof(*l));
	while ((n + step - 1) / step > 8)
		step++;
	for (size_t i = 0; i < n; i++)
		if (i % step == (n - 1) % step)
			l[i] = s->points[index[i]].period;
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

static void spc_section(struct req *r, struct buf *b,
			const struct hl_indicator *h,
			const struct hl_statement *sp)
{
	struct arena *a = r->arena;
	const struct ind_series *se = &h->series;
	const struct indicator *ind = h->ind;
	size_t n = 0, *index;
	double *v, *improve, *concern, *neutral;
	const char **names, **cls_imp, **cls_con, **cls_neu;
	bool done = sp && sp->spc.done;
	const struct ind_spc *spc = sp ? &sp->spc : NULL;
	struct svg_series series[4];
	struct svg_hline lines[4];
	size_t n_series = 0, n_lines = 0;
	size_t n_imp = 0, n_con = 0, n_neu = 0;
	struct buf desc = BUF_INIT;

	html_raw(b, "<h2 class=\"heading-l\" id=\"over-time\">Over time</h2>\n");
	/* The points charted: the SPC's, or every figure with a value. */
	if (done) {
		n = spc->n;
		index = spc->index;
	} else {
		index = arena_array(a, se->n ? se->n : 1, sizeof(*index));
		for (size_t i = 0; i < se->n; i++)
			if (se->points[i].has_value)
				index[n++] = i;
	}
	if (!n) {
		html(b, "<p>There are no figures for %s.</p>\n", h->area);
		return;
	}
	v = arena_array(a, n, sizeof(*v));
	improve = arena_array(a, n, sizeof(*v));
	concern = arena_array(a, n, sizeof(*v));
	neutral = arena_array(a, n, sizeof(*v));
	names = arena_array(a, n, sizeof(*names));
	cls_imp = arena_array(a, n, sizeof(*cls_imp));
	cls_con = arena_array(a, n, sizeof(*cls_con));
	cls_neu = arena_array(a, n, sizeof(*cls_neu));
	for (size_t i = 0; i < n; i++) {
		const struct ind_point *p = &se->points[index[i]];

		v[i] = p->value;
		names[i] = ind_period_words(a, p);
		improve[i] = concern[i] = neutral[i] = NAN;
		if (done) {
			const struct stats_spc_point *q = &spc->points[i];

			if (q->class == STATS_SPC_IMPROVEMENT) {
				improve[i] = p->value;
				cls_imp[i] = class_css(q);
				n_imp++;
			} else if (q->class == STATS_SPC_CONCERN) {
				concern[i] = p->value;
				cls_con[i] = class_css(q);
				n_con++;
			} else if (q->special) {
				neutral[i] = p->value;
				cls_neu[i] = class_css(q);
				n_neu++;
			}
		}
	}
	memset(series, 0, sizeof(series));
	memset(lines, 0, sizeof(lines));
	series[n_series].name = ind->name;
	series[n_series].values = v;
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
			"colour.</p>\n",
		     n, h->area);
	} else {
		html(b, "<p>The %zu figures for %s. There are too few for a "
			"statistical process control chart (at least %d are needed), "
			"so no process limits are drawn.</p>\n",
		     n, h->area, IND_SPC_MIN_POINTS);
	}
	buf_printf(&desc, "Line chart of %s in %s, %s to %s.", ind->name, h->area,
		   names[0], names[n - 1]);
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
		struct svg_chart c = {
			.id = "spc-chart",
			.title = arena_printf(a, "%s in %s", ind->name, h->area),
			.desc = desc.ptr,
			.n_x = n,
			.x_labels = axis_labels(a, se, index, n),
			.x_names = names,
			.y_title = is(ind->unit, "proportion") && ind_scale(ind) == 100
					   ? "Per cent"
				   : is(ind->unit, "rate")
					   ? arena_printf(a, "Per %s",
							  ind_value_text(a, &(struct indicator){ .unit = "count" },
									 ind_scale(ind)))
					   : "Value",
			.series = series,
			.n_series = n_series,
			.lines = lines,
			.n_lines = n_lines,
			.y_integer = is(ind->unit, "count"),
			.y_fit = true,
			.height = 380,
		};

		svg_line_chart(b, &c);
	}
	buf_release(&desc);

	/* The table alternative. */
	html(b, "<details class=\"crime-details\"><summary>The figures in the "
		"chart as a table</summary><div class=\"details__text\">\n"
		"<div class=\"table-wrap\"><table class=\"table\" id=\"spc-table\">\n"
		"<caption class=\"caption-s\">%s in %s</caption>\n<thead><tr>"
		"<th scope=\"col\">Period</th><th scope=\"col\" class=\"numeric\">"
		"Value</th>",
	     ind->name, h->area);
	if (done)
		html_raw(b, "<th scope=\"col\" class=\"numeric\">Mean</th>"
			    "<th scope=\"col\" class=\"numeric\">Lower limit</th>"
			    "<th scope=\"col\" class=\"numeric\">Upper limit</th>"
			    "<th scope=\"col\">Signal</th>");
	html_raw(b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		html(b, "<tr><th scope=\"row\">%s</th><td class=\"numeric\">%s</td>",
		     names[i], ind_value_text(a, ind, v[i]));
		if (done) {
			const struct stats_spc_point *q = &spc->points[i];

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
		}
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n</div></details>\n");
	if (sp)
		html(b, "<p class=\"body-s\">%s</p>\n", sp->method);
}

/* ---------------------------------------------------------------------
 * /indicators/{id}: peers
 */

/* A "nice" step of 1, 2 or 5 times a power of ten giving about 4 to 6
 * ticks over [lo, hi]. */
static double tick_step(double lo, double hi)
{
	double span = hi - lo, p, best = 1;

	if (!(span > 0))
		return 1;
	p = pow(10, floor(log10(span)) - 1);
	for (int k = 0; k < 12; k++) {
		static const double m[] = { 1, 2, 5 };
		double s = m[k % 3] * p * pow(10, k / 3);

		best = s;
		if (span / s <= 6)
			break;
	}
	return best;
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
	const double W = 720, left = 40, right = 680, row = 46, top = 6;
	double lo = INFINITY, hi = -INFINITY, step, x0, H;
	size_t n = 0;

#define PX(v) (left + ((v) - lo) / (hi - lo) * (right - left))
	for (size_t k = 0; k < s->n_peers; k++) {
		const struct ind_point *p = &s->peers[k];

		if (!p->has_value)
			continue;
		n++;
		lo = fmin(lo, p->has_ci ? p->lower : p->value);
		hi = fmax(hi, p->has_ci ? p->upper : p->value);
	}
	if (bench && bench->b.has_value) {
		lo = fmin(lo, bench->b.value);
		hi = fmax(hi, bench->b.value);
	}
	if (!n || !isfinite(lo) || !isfinite(hi))
		return;
	if (hi <= lo) {
		hi = lo + 1;
		lo -= 1;
	}
	step = tick_step(lo, hi);
	lo = floor(lo / step) * step;
	hi = ceil(hi / step) * step;
	H = top + row * (double)n + 50;
	html(b, "<div class=\"chart\"><svg class=\"chart__svg ind-dots\" viewBox=\"0 0 %d %d\" "
		"role=\"img\" aria-labelledby=\"peers-chart-title\" "
		"aria-describedby=\"peers-chart-desc\" focusable=\"false\" "
		"font-size=\"16\">\n"
		"<title id=\"peers-chart-title\">%s in the %s peer group, %s</title>\n"
		"<desc id=\"peers-chart-desc\">Each area's figure as a dot with its "
		"%s confidence interval as a line, in rank order; %s as a diamond%s. "
		"The figures are in the table that follows.</desc>\n",
	     (int)W, (int)H, ind->name, s->other, ind_period_words(a, &s->a),
	     ind_level_text(a, level), h->area,
	     bench && bench->b.has_value ? "; the benchmark as a dashed line" : "");
	/* Gridlines and tick labels. */
	html_raw(b, "<g class=\"chart__axis\">\n");
	for (double t = lo; t <= hi + step / 2; t += step) {
		x0 = PX(t);
		buf_adds(b, "<line x1=\"");
		svg_num(b, x0);
		buf_adds(b, "\" x2=\"");
		svg_num(b, x0);
		buf_printf(b, "\" y1=\"%d\" y2=\"", (int)top);
		svg_num(b, H - 40);
		buf_adds(b, "\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
		buf_adds(b, "<text class=\"ind-dots__tick\" text-anchor=\"middle\" x=\"");
		svg_num(b, x0);
		buf_adds(b, "\" y=\"");
		svg_num(b, H - 12);
		html(b, "\">%s</text>\n", ind_value_text(a, ind, t));
	}
	html_raw(b, "</g>\n");
	if (bench && bench->b.has_value) {
		x0 = PX(bench->b.value);
		buf_adds(b, "<line class=\"ind-dots__bench\" x1=\"");
		svg_num(b, x0);
		buf_adds(b, "\" x2=\"");
		svg_num(b, x0);
		buf_printf(b, "\" y1=\"%d\" y2=\"", (int)top);
		svg_num(b, H - 40);
		buf_adds(b, "\" stroke=\"#0b0c0c\" stroke-width=\"2\" "
			    "stroke-dasharray=\"8 5\"/>\n");
	}
	for (size_t k = 0, row_i = 0; k < s->n_peers; k++) {
		const struct ind_point *p = &s->peers[order[k]];
		bool self = same(p->area, h->area);
		double y = top + row * (double)row_i + 24, yl = y + 11, x = 0;

		if (!p->has_value)
			continue;
		row_i++;
		html(b, "<g class=\"ind-dots__row%s\"><title>%s: %s", self ? " ind-dots__row--self" : "",
		     p->area, ind_value_text(a, ind, p->value));
		if (p->has_ci)
			html(b, " (%s)", ind_interval_text(a, ind, p));
		html_raw(b, "</title>");
		buf_adds(b, "<text class=\"ind-dots__label\" stroke=\"#fff\" "
			    "stroke-width=\"5\" paint-order=\"stroke\" x=\"");
		svg_num(b, left - 4);
		buf_adds(b, "\" y=\"");
		svg_num(b, y);
		html(b, "\"%s>%s</text>", self ? " font-weight=\"700\"" : "", p->area);
		if (p->has_ci) {
			buf_adds(b, "<line x1=\"");
			svg_num(b, PX(p->lower));
			buf_adds(b, "\" x2=\"");
			svg_num(b, PX(p->upper));
			buf_adds(b, "\" y1=\"");
			svg_num(b, yl);
			buf_adds(b, "\" y2=\"");
			svg_num(b, yl);
			buf_adds(b, "\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>");
		}
		x = PX(p->value);
		if (self) {
			buf_adds(b, "<path d=\"M");
			svg_num(b, x);
			buf_addc(b, ' ');
			svg_num(b, yl - 8);
			buf_adds(b, "L");
			svg_num(b, x + 8);
			buf_addc(b, ' ');
			svg_num(b, yl);
			buf_adds(b, "L");
			svg_num(b, x);
			buf_addc(b, ' ');
			svg_num(b, yl + 8);
			buf_adds(b, "L");
			svg_num(b, x - 8);
			buf_addc(b, ' ');
			svg_num(b, yl);
			buf_adds(b, "Z\" fill=\"#1d70b8\"/>");
		} else {
			buf_adds(b, "<circle cx=\"");
			svg_num(b, x);
			buf_adds(b, "\" cy=\"");
			svg_num(b, yl);
			buf_adds(b, "\" r=\"5\" fill=\"#0b0c0c\"/>");
		}
		html_raw(b, "</g>\n");
	}
#undef PX
	html_raw(b, "</svg>\n");
	if (bench && bench->b.has_value)
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
	html(b, "<div class=\"table-wrap\"><table class=\"table table--stack\" "
		"id=\"peers-table\">\n"
		"<caption class=\"caption-s\">%s, %s: the %s peer group</caption>\n"
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
		bool self = same(p->area, h->area);

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

	html(b, "<h2 class=\"heading-l\" id=\"figures\">All figures for %s</h2>\n"
		"<div class=\"table-wrap\"><table class=\"table\" id=\"values-table\">\n"
		"<caption class=\"caption-s\">%s in %s, with %s confidence "
		"intervals</caption>\n<thead><tr><th scope=\"col\">Period</th>"
		"<th scope=\"col\" class=\"numeric\">Numerator</th>"
		"<th scope=\"col\" class=\"numeric\">Denominator</th>"
		"<th scope=\"col\" class=\"numeric\">Value</th>"
		"<th scope=\"col\" class=\"numeric\">Lower limit</th>"
		"<th scope=\"col\" class=\"numeric\">Upper limit</th>"
		"<th scope=\"col\">Source and notes</th></tr></thead>\n<tbody>\n",
	     h->area, ind->name, h->area, ind_level_text(a, level));
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
					      ind->per && !is(ind->unit, "proportion")
						      ? arena_printf(a, " per %s",
								     per_text(ind))
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
	name_select(f, "area", "Area", NULL, areas, n, sel);
	level_select(f, level);
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
	struct form f = filter_form(r, b, &l);
	size_t n_areas;
	double level;

	if (!(ind = store_indicator(r->store, r->arena, r->ids[0], &e))) {
		web_store_error(r, w, &e);
		return;
	}
	if (!read_level(r, &level))
		form_problem(&l, "level", "Choose a confidence level from the list");
	if (!open_ctx(r, w, level, &c))
		return;
	if (!(areas = ind_areas(&c, ind, &n_areas, &e)))
		goto fail;
	if (!area || !*area) {
		/* the partnership's own area, else the one with most figures */
		const char *def = hl_default_area(&c, NULL);

		area = n_areas ? areas[0] : NULL;
		for (size_t i = 0; def && i < n_areas; i++)
			if (same(areas[i], def))
				area = areas[i];
	} else {
		bool known = false;

		for (size_t i = 0; i < n_areas && !known; i++)
			known = same(areas[i], area);
		if (!known && !(ind->crime_type && hl_area_known(&c, area)))
			form_problem(&l, "area", no_figures_for(r, area));
	}
	if (l.n) {
		page_begin(r, w, form_title(&f, ind->name), "performance");
		w->status = 400;
		form_error_summary(&f);
		html(b, "<span class=\"caption-l\">Indicator</span>\n<h1>%s</h1>\n",
		     ind->name);
		indicator_form(&f, ind, areas, n_areas, area, level);
		page_end(r, w);
		ind_ctx_close(&c);
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
	if (sensitive(ind))
		sensitive_banner(b, "These figures are official-sensitive: share them "
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
	headline_block(b, &h, false, false);
	spc_section(r, b, &h, spc);
	if (peers && peers->n_ranked)
		peers_section(r, b, &h, peers, bench, level);
	if (h.series.n)
		values_section(r, b, &h, level);
	definition_section(r, b, ind);
	method_section(b);
	{
		struct buf u = BUF_INIT;
		const char *lp = level_param(r->arena, level);

		buf_printf(&u, "/api/v1/indicators/%lld", (long long)ind->id);
		web_url_param(&u, "area", h.area);
		web_url_param(&u, "level", lp);
		html(b, "<p class=\"body-s\"><a href=\"%s\">These figures as JSON</a></p>\n",
		     u.ptr);
		buf_release(&u);
	}
	page_end(r, w);
	ind_ctx_close(&c);
	return;
fail:
	ind_ctx_close(&c);
	buf_reset(b);
	web_store_error(r, w, &e);
}

/* ---------------------------------------------------------------------
 * /themes/{id}/performance
 */

static void benchmark_cell(struct buf *b, struct arena *a,
			   const struct hl_indicator *h)
{
	for (size_t i = 0; i < h->n_st; i++) {
		const struct hl_statement *s = &h->st[i];

		if (s->kind != HL_BENCHMARK)
			continue;
		if (s->verdict == HL_NOT_TESTED) {
			html_tag(b, "grey", "Not compared");
		} else if (s->cmp.judgement == STATS_JUDGE_BETTER) {
			html_tag(b, "green", "Better");
		} else if (s->cmp.judgement == STATS_JUDGE_WORSE) {
			html_tag(b, "red", "Worse");
		} else if (s->cmp.direction == STATS_SIMILAR) {
			html_tag(b, "yellow", "Similar");
		} else {
			html_tag(b, "blue", s->cmp.direction == STATS_HIGHER
						    ? "Higher"
						    : "Lower");
		}
		html(b, "<br><span class=\"body-s\">than %s (%s)%s</span>", s->other,
		     s->b.has_value ? ind_value_text(a, h->ind, s->b.value) : "no figure",
		     s->verdict == HL_SMALL_NUMBERS ? "; small numbers" : "");
		return;
	}
	html_raw(b, "<span class=\"secondary-text\">No benchmark</span>");
}

static void target_cell(struct buf *b, struct arena *a,
			const struct hl_indicator *h)
{
	for (size_t i = 0; i < h->n_st; i++) {
		const struct hl_statement *s = &h->st[i];

		if (s->kind != HL_TARGET)
			continue;
		html_tag(b, s->met ? "green" : "red", s->met ? "Met" : "Not met");
		html(b, "<br><span class=\"body-s\">target %s</span>",
		     ind_value_text(a, h->ind, s->target));
		return;
	}
	html_raw(b, "<span class=\"secondary-text\">No target</span>");
}

/* The area form of a theme's performance page. */
static void theme_form(struct form *f, const struct theme *t,
		       const char *const *areas, size_t n, const char *sel)
{
	form_begin_get(f, arena_printf(f->r->arena, "/themes/%lld/performance",
				       (long long)t->id),
		       NULL);
	name_select(f, "area", "Area", NULL, areas, n, sel);
	form_end_get(f, "Show figures");
}

/* The trend in words: the SPC's reading, else the latest change's. */
static void trend_cell(struct buf *b, const struct hl_indicator *h)
{
	const struct hl_statement *spc = NULL, *change = NULL;

	for (size_t i = 0; i < h->n_st; i++) {
		if (h->st[i].kind == HL_SPC)
			spc = &h->st[i];
		else if (h->st[i].kind == HL_CHANGE && !change &&
			 (h->st[i].change == HL_CHANGE_PREVIOUS ||
			  h->st[i].change == HL_CHANGE_TWO_YEARS))
			change = &h->st[i];
	}
	for (size_t i = 0; i < h->n_st; i++)
		if (h->st[i].kind == HL_CHANGE &&
		    h->st[i].change == HL_CHANGE_TWO_YEARS)
			change = &h->st[i];
	if (spc && spc->spc.done) {
		const struct stats_spc_point *last = &spc->spc.points[spc->spc.n - 1];

		switch (last->class) {
		case STATS_SPC_IMPROVEMENT:
			html_raw(b, "<span class=\"ind-trend\">\xE2\x86\x97 Improving</span>");
			break;
		case STATS_SPC_CONCERN:
			html_raw(b, "<span class=\"ind-trend\">\xE2\x86\x98 Concern</span>");
			break;
		case STATS_SPC_NEUTRAL_HIGH:
			html_raw(b, "<span class=\"ind-trend\">Unusually high</span>");
			break;
		case STATS_SPC_NEUTRAL_LOW:
			html_raw(b, "<span class=\"ind-trend\">Unusually low</span>");
			break;
		case STATS_SPC_COMMON_CAUSE:
			html_raw(b, "<span class=\"ind-trend\">No sign of change</span>");
			break;
		}
		html(b, "<br><span class=\"body-s\">latest point: %s (SPC, %zu points)"
			"</span>",
		     last->class_name, spc->spc.n);
		return;
	}
	if (change && change->tested) {
		html(b, "<span class=\"ind-trend\">%s</span><br><span class=\"body-s\">"
			"against %s%s</span>",
		     !change->significant ? "No significant change"
		     : change->direction > 0 ? "Significant increase"
					     : "Significant fall",
		     change->change == HL_CHANGE_TWO_YEARS ? "two years before"
							   : change->b.period,
		     change->small ? "; small numbers" : "");
		return;
	}
	html_raw(b, "<span class=\"secondary-text\">Not enough figures</span>");
}

void page_theme_performance(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct ind_ctx c;
	struct theme *t;
	struct indicator *ti;
	size_t n;
	const char *area = http_query(r, "area"), **areas;
	struct err probs[1];
	struct err_list l = { probs, 0, ARRAY_SIZE(probs) };
	struct form f = filter_form(r, b, &l);
	size_t n_areas;
	bool any_sensitive = false;

	if (!(t = store_theme(r->store, r->arena, r->ids[0], &e)) ||
	    !(ti = store_theme_indicators(r->store, r->arena, t->id, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	if (!open_ctx(r, w, 0.95, &c))
		return;
	if (!(areas = hl_areas(&c, &n_areas, &e)))
		goto fail;
	if (!area || !*area) {
		area = hl_default_area(&c, &e);
		if (!area && e.code != ERR_OK)
			goto fail;
	} else if (!hl_area_known(&c, area)) {
		form_problem(&l, "area", no_figures_for(r, area));
		page_begin(r, w, form_title(&f, arena_printf(r->arena, "%s: performance",
							    t->name)),
			   "performance");
		w->status = 400;
		form_error_summary(&f);
		html(b, "<span class=\"caption-l\">%s</span>\n<h1>Performance</h1>\n",
		     t->name);
		theme_form(&f, t, areas, n_areas, area);
		page_end(r, w);
		ind_ctx_close(&c);
		return;
	}
	for (size_t i = 0; i < n; i++)
		any_sensitive |= sensitive(&ti[i]);
	page_begin(r, w, arena_printf(r->arena, "%s: performance", t->name),
		   "performance");
	html_breadcrumbs(b, 4, (const char *const[]){
				       "/indicators", "Performance",
				       arena_printf(r->arena, "/plans/%lld",
						    (long long)t->plan_id),
				       t->plan_title,
				       arena_printf(r->arena, "/themes/%lld",
						    (long long)t->id),
				       t->name, NULL, "Performance" });
	if (any_sensitive)
		sensitive_banner(b, "Some figures on this page are official-sensitive.");
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>Performance in %s</h1>\n",
	     t->name, area ? area : "no area");
	theme_form(&f, t, areas, n_areas, area);
	if (!n) {
		html_raw(b, "<p>No indicators are linked to this theme or its priority "
			    "areas yet.</p>\n");
		page_end(r, w);
		ind_ctx_close(&c);
		return;
	}
	html(b, "<div class=\"table-wrap\"><table class=\"table table--stack\" "
		"id=\"theme-performance\">\n"
		"<caption class=\"caption-s\">The indicators of %s in %s: latest "
		"figures</caption>\n<thead><tr><th scope=\"col\">Indicator</th>"
		"<th scope=\"col\">Latest</th><th scope=\"col\">Against the benchmark"
		"</th><th scope=\"col\">Target</th><th scope=\"col\">Trend</th>"
		"</tr></thead>\n<tbody>\n",
	     t->name, area ? area : "");
	for (size_t i = 0; i < n; i++) {
		struct hl_indicator h;

		if (hl_indicator(&c, &ti[i], area ? area : "", NULL, &h, &e) < 0)
			goto fail;
		html(b, "<tr><th scope=\"row\"><a href=\"%s\">%s</a>", h.link, ti[i].name);
		if (sensitive(&ti[i]))
			html_raw(b, " <strong class=\"tag tag--red\">Official-sensitive"
				    "</strong>");
		if (h.example)
			html_example_tag(b);
		html_raw(b, "</th><td data-label=\"Latest\">");
		if (!h.has_data) {
			html(b, "<span class=\"secondary-text\">No figures (%s)</span>"
				"</td><td></td><td></td><td></td></tr>\n",
			     h.why_none ? h.why_none : "none");
			continue;
		}
		html(b, "<strong>%s</strong><br><span class=\"body-s\">%s</span>",
		     ind_value_text(r->arena, &ti[i], h.now.value), h.period_words);
		if (h.now.small)
			html_raw(b, " <strong class=\"tag tag--yellow\">Small numbers</strong>");
		html_raw(b, "</td><td data-label=\"Against the benchmark\">");
		benchmark_cell(b, r->arena, &h);
		html_raw(b, "</td><td data-label=\"Target\">");
		target_cell(b, r->arena, &h);
		html_raw(b, "</td><td data-label=\"Trend\">");
		trend_cell(b, &h);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
	html(b, "<p>Better, similar and worse compare each figure's confidence "
		"interval with its benchmark; the trend is read from a statistical "
		"process control chart where there are at least %d figures, else from "
		"the test of the latest change. Each indicator's page gives the "
		"method in full.</p>\n"
		"</p>\n",
	     IND_SPC_MIN_POINTS);
	{
		struct buf u = BUF_INIT;

		buf_adds(&u, "/headlines");
		web_url_param(&u, "area", area);
		html(b, "<p><a href=\"%s\">The performance headlines, with every "
			"statement's method</a></p>\n",
		     u.ptr);
		buf_release(&u);
	}
	page_end(r, w);
	ind_ctx_close(&c);
	return;
fail:
	ind_ctx_close(&c);
	buf_reset(b);
	web_store_error(r, w, &e);
}

/* ---------------------------------------------------------------------
 * /headlines
 */

static void headlines_form(struct form *f, const char *const *areas,
			   size_t n_areas, const char *area,
			   const char *const *periods, size_t n_periods,
			   const char *period, double level)
{
	form_begin_get(f, "/headlines", NULL);
	name_select(f, "area", "Area", NULL, areas, n_areas, area);
	name_select(f, "period", "Figures to the end of", "The latest figures",
		    periods, n_periods, period);
	level_select(f, level);
	form_end_get(f, "Show headlines");
}

void page_headlines(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct ind_ctx c;
	struct hl_report rep;
	const char *area = http_query(r, "area"), *period = http_query(r, "period");
	const char **areas, **periods;
	struct err probs[3];
	struct err_list l = { probs, 0, ARRAY_SIZE(probs) };
	struct form f = filter_form(r, b, &l);
	size_t n_areas, n_periods;
	double level;
	bool any_sensitive = false;

	if (!read_level(r, &level))
		form_problem(&l, "level", "Choose a confidence level from the list");
	if (!open_ctx(r, w, level, &c))
		return;
	if (!(areas = hl_areas(&c, &n_areas, &e)) ||
	    !(periods = hl_period_labels(&c, &n_periods, &e)))
		goto fail;
	if (!area || !*area) {
		area = hl_default_area(&c, &e);
		if (!area && e.code != ERR_OK)
			goto fail;
	} else if (!hl_area_known(&c, area)) {
		form_problem(&l, "area", no_figures_for(r, area));
	}
	if (!l.n && area && hl_report(&c, area, period, &rep, &e) < 0) {
		if (e.code != ERR_INVALID)
			goto fail;
		form_problem(&l, "period",
			arena_printf(r->arena, "There are no figures for the period "
					       "\xE2\x80\x98%s\xE2\x80\x99: choose "
					       "one from the list",
				     period));
	}
	if (l.n) {
		page_begin(r, w, form_title(&f, "Performance headlines"), "performance");
		w->status = 400;
		form_error_summary(&f);
		html_raw(b, "<h1>Performance headlines</h1>\n");
		headlines_form(&f, areas, n_areas, area, periods, n_periods, period,
			       level);
		page_end(r, w);
		ind_ctx_close(&c);
		return;
	}
	if (!area) {
		page_begin(r, w, "Performance headlines", "performance");
		html_raw(b, "<h1>Performance headlines</h1>\n<p>There are no indicator "
			    "figures yet. Import some with <code>safer import indicators"
			    "</code>; see docs/indicators.md.</p>\n");
		page_end(r, w);
		ind_ctx_close(&c);
		return;
	}
	for (size_t t = 0; t < rep.n_themes; t++)
		for (size_t i = 0; i < rep.themes[t].n; i++)
			any_sensitive |= sensitive(rep.themes[t].items[i].ind);

	page_begin(r, w, arena_printf(r->arena, "Performance headlines: %s", area),
		   "performance");
	html_breadcrumbs(b, 2, (const char *const[]){ "/indicators", "Performance",
						      NULL, "Headlines" });
	if (any_sensitive)
		sensitive_banner(b, "Some statements on this page are from "
				    "official-sensitive figures: check before "
				    "publishing.");
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>Performance headlines</h1>\n",
	     area);
	html(b, "<p class=\"lead\">%s, %s.</p>\n",
	     period && *period ? arena_printf(r->arena, "Figures to the end of %s", period)
			       : "The latest figures",
	     arena_printf(r->arena, "with %s confidence", ind_level_text(r->arena, level)));
	headlines_form(&f, areas, n_areas, area, periods, n_periods, period, level);
	html_raw(b, "<div class=\"inset-text\"><p>Each statement says how it was "
		    "worked out. Nothing is called significant that did not pass "
		    "its test at the level shown; figures from fewer than 10 events "
		    "are marked as small numbers; example data is marked.</p></div>\n");
	if (rep.plan_title)
		html(b, "<p>By the themes of the %s.</p>\n", rep.plan_title);
	for (size_t t = 0; t < rep.n_themes; t++) {
		const struct hl_theme *th = &rep.themes[t];

		html(b, "<h2 class=\"heading-l\">%s</h2>\n", th->name);
		if (th->id) {
			struct buf u = BUF_INIT;

			buf_printf(&u, "/themes/%lld/performance", (long long)th->id);
			web_url_param(&u, "area", area);
			html(b, "<p class=\"body-s\"><a href=\"%s\">This theme at a "
				"glance<span class=\"visually-hidden\">: %s</span></a></p>\n",
			     u.ptr, th->name);
			buf_release(&u);
		}
		for (size_t i = 0; i < th->n; i++) {
			html_raw(b, "<section class=\"ind-headline\">\n");
			headline_block(b, &th->items[i], true, true);
			html_raw(b, "</section>\n");
		}
	}
	{
		struct buf u = BUF_INIT;
		const char *lp = level_param(r->arena, level);

		buf_adds(&u, "/api/v1/headlines");
		web_url_param(&u, "area", area);
		web_url_param(&u, "period", period && *period ? period : NULL);
		web_url_param(&u, "level", lp);
		html(b, "<p class=\"body-s\"><a href=\"%s\">These headlines as JSON</a>"
			"</p>\n",
		     u.ptr);
		buf_release(&u);
	}
	page_end(r, w);
	ind_ctx_close(&c);
	return;
fail:
	ind_ctx_close(&c);
	buf_reset(b);
	web_store_error(r, w, &e);
}
