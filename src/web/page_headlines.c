/*
 * page_headlines.c: /headlines?area=&period=&level=, the performance
 * headlines by theme, each statement with its method and a link to its
 * data.
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
#include "store/store_publish.h"
#include "svg.h"

/* ---------------------------------------------------------------------
 * /headlines
 */

static void headlines_form(struct form *f, const char *const *areas,
			   size_t n_areas, const char *area,
			   const char *const *periods, size_t n_periods,
			   const char *period, double level)
{
	form_begin_get(f, "/headlines", NULL);
	perf_name_select(f, "area", "Area", NULL, areas, n_areas, area);
	perf_name_select(f, "period", "Figures to the end of", "The latest figures",
		    periods, n_periods, period);
	perf_level_select(f, level);
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
	struct form f = perf_filter_form(r, b, &l);
	size_t n_areas, n_periods;
	double level;
	bool any_sensitive = false;

	if (!perf_read_level(r, &level))
		form_problem(&l, "level", "Choose a confidence level from the list");
	if (!perf_open_ctx(r, w, level, &c))
		return;
	if (!(areas = hl_areas(&c, &n_areas, &e)) ||
	    !(periods = hl_period_labels(&c, &n_periods, &e)))
		goto fail;
	if (!area || !*area) {
		area = hl_default_area(&c, &e);
		if (!area && e.code != ERR_OK)
			goto fail;
	} else if (!hl_area_known(&c, area)) {
		form_problem(&l, "area", perf_no_figures_for(r, area));
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
		return;
	}
	if (!area) {
		page_begin(r, w, "Performance headlines", "performance");
		html_raw(b, "<h1>Performance headlines</h1>\n<p>There are no indicator "
			    "figures yet. Import some with <code>safer import indicators"
			    "</code>; see docs/indicators.md.</p>\n");
		page_end(r, w);
		return;
	}
	if (r->auth.anonymous) {
		/* The public view: nothing official-sensitive, nothing small. */
		struct publishing pb;

		if (store_publishing(r->store, &pb, &e) < 0)
			goto fail;
		hl_report_public(&rep, pb.threshold);
	}
	for (size_t t = 0; t < rep.n_themes; t++)
		for (size_t i = 0; i < rep.themes[t].n; i++)
			any_sensitive |= perf_sensitive(rep.themes[t].items[i].ind);

	page_begin(r, w, arena_printf(r->arena, "Performance headlines: %s", area),
		   "performance");
	html_breadcrumbs(b, 2, (const char *const[]){ "/indicators", "Performance",
						      NULL, "Headlines" });
	if (any_sensitive)
		perf_sensitive_banner(b, "Some statements on this page are from "
				    "official-sensitive figures: check before "
				    "publishing.");
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>Performance headlines</h1>\n",
	     area);
	html(b, "<p class=\"lead\">%s, %s.</p>\n",
	     period && *period ? arena_printf(r->arena, "Figures to the end of %s", period)
			       : "The latest figures",
	     arena_printf(r->arena, "with %s confidence", ind_level_text(r->arena, level)));
	headlines_form(&f, areas, n_areas, area, periods, n_periods, period, level);
	html_raw(b, "<div class=\"inset-text\"><p>One sentence for each indicator, "
		    "as a report would give it; behind &lsquo;How this was worked "
		    "out&rsquo;, every statement it rests on, with its test and its "
		    "data. Nothing is called significant that did not pass its test "
		    "at the level shown; figures from fewer than 10 events are marked "
		    "as small numbers; example data is marked.</p></div>\n");
	if (rep.plan_title)
		html(b, "<p>By the themes of the %s%s.</p>\n", rep.plan_title,
		     rep.plan_is_current ? "" : ", the latest plan with themes recorded");
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
			perf_headline_block(b, &th->items[i], true, true);
			html_raw(b, "</section>\n");
		}
	}
	{
		struct buf u = BUF_INIT;
		const char *lp = perf_level_param(r->arena, level);

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
	return;
fail:
	buf_reset(b);
	web_store_error(r, w, &e);
}
