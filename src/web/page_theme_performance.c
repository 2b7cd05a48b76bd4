/*
 * page_theme_performance.c: /themes/{id}/performance?area=, a theme's
 * indicators at a glance: the latest figure, against the benchmark and
 * the target, and the trend in words.
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
	perf_name_select(f, "area", "Area", NULL, areas, n, sel);
	form_end_get(f, "Show figures");
}

/* The trend: the reading the headline sentence gives too (h->trend),
 * with an arrow and "better" or "worse" where the polarity says. */
static void trend_cell(struct buf *b, const struct hl_indicator *h)
{
	const struct hl_trend *t = &h->trend;
	const char *arrow = t->kind == HL_TREND_NONE || t->kind == HL_TREND_STEADY
				    ? ""
			    : t->direction > 0 ? "\xE2\x86\x97 "
			    : t->direction < 0 ? "\xE2\x86\x98 "
					       : "";

	if (t->kind == HL_TREND_NONE) {
		html(b, "<span class=\"secondary-text\">%s</span>",
		     t->label ? t->label : "Not enough figures");
		return;
	}
	html_raw(b, "<span class=\"ind-trend\">");
	html_raw(b, arrow);
	html(b, "%s</span>", t->label);
	if (t->judgement)
		html(b, " <span class=\"ind-trend__judgement\">(%s)</span>",
		     t->judgement > 0 ? "better" : "worse");
	if (t->when)
		html(b, "<br><span class=\"body-s\">%s%s</span>", t->when,
		     t->st && t->st->small ? "; small numbers" : "");
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
	struct form f = perf_filter_form(r, b, &l);
	size_t n_areas;
	bool any_sensitive = false;

	if (!(t = store_theme(r->store, r->arena, r->ids[0], &e)) ||
	    !(ti = store_theme_indicators(r->store, r->arena, t->id, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	if (!perf_open_ctx(r, w, 0.95, &c))
		return;
	if (!(areas = hl_areas(&c, &n_areas, &e)))
		goto fail;
	if (!area || !*area) {
		area = hl_default_area(&c, &e);
		if (!area && e.code != ERR_OK)
			goto fail;
	} else if (!hl_area_known(&c, area)) {
		form_problem(&l, "area", perf_no_figures_for(r, area));
		page_begin(r, w, form_title(&f, arena_printf(r->arena, "%s: performance",
							    t->name)),
			   "performance");
		w->status = 400;
		form_error_summary(&f);
		html(b, "<span class=\"caption-l\">%s</span>\n<h1>Performance</h1>\n",
		     t->name);
		theme_form(&f, t, areas, n_areas, area);
		page_end(r, w);
		return;
	}
	for (size_t i = 0; i < n; i++)
		any_sensitive |= perf_sensitive(&ti[i]);
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
		perf_sensitive_banner(b, "Some figures on this page are official-sensitive.");
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>Performance in %s</h1>\n",
	     t->name, area ? area : "no area");
	theme_form(&f, t, areas, n_areas, area);
	if (!n) {
		html_raw(b, "<p>No indicators are linked to this theme or its priority "
			    "areas yet.</p>\n");
		page_end(r, w);
		return;
	}
	html_table_begin(b, arena_printf(r->arena, "The indicators of %s in %s: latest "
					   "figures", t->name, area ? area : ""),
			 "table--stack", "theme-performance");
	html(b, "<caption class=\"caption-s\">The indicators of %s in %s: latest "
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
		if (perf_sensitive(&ti[i]))
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
		"interval with its benchmark. The trend is the one the headlines "
		"give: a change that passed its test (over two years, else on the "
		"period before, else within the year), else the latest points of a "
		"statistical process control chart where there are at least %d "
		"figures. Each indicator's page gives the method in full.</p>\n",
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
	return;
fail:
	buf_reset(b);
	web_store_error(r, w, &e);
}
