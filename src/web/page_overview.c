/*
 * page_overview.c: the partnership overview, the page safer opens on:
 * the current plan, its themes and their leads, the status of its actions
 * by theme, and the funding of the latest year at a glance.
 */
#include "base/text.h"
#include "pages.h"
#include "store/store_action.h"
#include "store/store_fund.h"
#include "store/store_people.h"
#include "store/store_plan.h"
#include "store/store_scrutiny.h"

static void themes_table(struct buf *b, const struct theme *t, size_t n)
{
	html_table_begin(b, "Themes and leads", NULL, NULL);
	html_raw(b, "<caption>Themes and leads</caption>\n<thead><tr>"
		    "<th scope=\"col\">Theme</th><th scope=\"col\">Theme lead</th>"
		    "<th scope=\"col\">Priority areas for action</th>"
		    "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		html(b, "<tr><th scope=\"row\"><a href=\"/themes/%lld\">%s</a></th><td>",
		     (long long)t[i].id, t[i].name);
		html_person(b, t[i].lead_name, t[i].lead_role, t[i].lead_organisation);
		html_raw(b, "</td><td>");
		if (!t[i].n_priorities)
			html_raw(b, "<span class=\"secondary-text\">None listed</span>");
		else
			html_raw(b, "<ul class=\"list list--plain body-s\">");
		for (size_t k = 0; k < t[i].n_priorities; k++)
			html(b, "<li><a href=\"/priorities/%lld\">%s</a></li>",
			     (long long)t[i].priorities[k].id,
			     t[i].priorities[k].name);
		if (t[i].n_priorities)
			html_raw(b, "</ul>");
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
}

static void status_table(struct buf *b, int64_t plan_id,
			 const struct theme_status *ts, size_t n)
{
	int64_t total[8] = { 0 }, overdue = 0, all = 0, example = 0;

	for (size_t i = 0; i < n; i++)
		example += ts[i].example;
	html_table_begin(b, "Action status by theme", NULL, NULL);
	html_raw(b, "<caption>Action status by theme");
	if (example)
		html_example_tag(b);
	html_raw(b, "</caption>\n<thead><tr><th scope=\"col\">Theme</th>");
	for (size_t k = 0; action_statuses[k].code; k++)
		html(b, "<th scope=\"col\" class=\"numeric\">%s</th>",
		     action_statuses[k].label);
	html_raw(b, "<th scope=\"col\" class=\"numeric\">Overdue</th>"
		    "<th scope=\"col\" class=\"numeric\">All</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		char theme_q[40];

		if (ts[i].theme_id)
			snprintf(theme_q, sizeof(theme_q), "theme=%lld",
				 (long long)ts[i].theme_id);
		else
			snprintf(theme_q, sizeof(theme_q), "plan=%lld",
				 (long long)plan_id);
		html(b, "<tr><th scope=\"row\">%s</th>",
		     ts[i].theme_id ? ts[i].theme_name : "No theme");
		for (size_t k = 0; action_statuses[k].code; k++) {
			total[k] += ts[i].by_status[k];
			if (ts[i].by_status[k])
				html(b, "<td class=\"numeric\"><a href=\"/actions?%s"
					"&amp;status=%s\">%lld</a></td>",
				     theme_q, action_statuses[k].code,
				     (long long)ts[i].by_status[k]);
			else
				html_raw(b, "<td class=\"numeric\">0</td>");
		}
		overdue += ts[i].overdue;
		all += ts[i].total;
		if (ts[i].overdue)
			html(b, "<td class=\"numeric\"><a href=\"/actions?%s"
				"&amp;overdue=1\"><strong class=\"tag tag--red\">%lld"
				"</strong></a></td>",
			     theme_q, (long long)ts[i].overdue);
		else
			html_raw(b, "<td class=\"numeric\">0</td>");
		html(b, "<td class=\"numeric\">%lld</td></tr>\n",
		     (long long)ts[i].total);
	}
	html_raw(b, "</tbody><tfoot><tr><th scope=\"row\">All themes</th>");
	for (size_t k = 0; action_statuses[k].code; k++)
		html(b, "<td class=\"numeric\">%lld</td>", (long long)total[k]);
	html(b, "<td class=\"numeric\">%lld</td><td class=\"numeric\">%lld</td>"
		"</tr></tfoot></table></div>\n",
	     (long long)overdue, (long long)all);
	if (example == all && all)
		html_raw(b, "<p class=\"example-note\">Every action counted here is "
			    "example data, invented for the demo: the council's "
			    "records name the themes and priorities, not the "
			    "actions.</p>\n");
	else if (example)
		html(b, "<p class=\"example-note\">%lld of the %lld actions counted "
			"here are example data, invented for the demo.</p>\n",
		     (long long)example, (long long)all);
}

/* The funding of the latest year: its funds, loaded before the page is
 * written (so that a store error is the error page). */
struct glance {
	const char *year;     /* NULL: no funding recorded */
	struct fund *funds;
	size_t n;
};

static int funding_load(struct req *r, struct glance *g, struct err *e)
{
	size_t n_years;
	const char **years = store_fund_years(r->store, r->arena, &n_years, e);

	memset(g, 0, sizeof(*g));
	if (!years)
		return -1;
	if (!n_years)
		return 0;
	g->year = years[0];
	g->funds = store_funds(r->store, r->arena, g->year, false, &g->n, e);
	return g->funds ? 0 : -1;
}

static void funding_glance(struct req *r, struct buf *b, const struct glance *g)
{
	const struct fund *f = g->funds;
	int64_t alloc = 0, awarded = 0;
	bool example = false, alloc_example = false;

	if (!g->year)
		return;
	html(b, "<h2 class=\"heading-m\">Funding %s at a glance</h2>\n", g->year);
	html_table_begin(b, arena_printf(r->arena, "Funding streams %s", g->year),
			 NULL, NULL);
	html(b, "<caption class=\"visually-hidden\">Funding streams %s</caption>\n"
		"<thead><tr><th scope=\"col\">Funding stream</th>"
		"<th scope=\"col\" class=\"numeric\">Allocation</th>"
		"<th scope=\"col\" class=\"numeric\">Awarded</th>"
		"<th scope=\"col\" class=\"numeric\">Remaining</th></tr></thead>\n"
		"<tbody>\n",
	     g->year);
	for (size_t i = 0; i < g->n; i++) {
		bool ex = f[i].example || f[i].awarded_example;

		html(b, "<tr><th scope=\"row\"><a href=\"/funds/%lld\">%s</a></th>"
			"<td class=\"numeric\">",
		     (long long)f[i].id, f[i].name);
		html_money(b, f[i].allocation_pence);
		if (f[i].example)
			html_example_tag(b);
		html_raw(b, "</td><td class=\"numeric\">");
		html_money(b, f[i].awarded_pence);
		if (ex)
			html_example_tag(b);
		html_raw(b, "</td><td class=\"numeric\">");
		html_money(b, f[i].remaining_pence);
		if (ex)
			html_example_tag(b);
		html_raw(b, "</td></tr>\n");
		alloc += f[i].allocation_pence;
		awarded += f[i].awarded_pence;
		example |= ex;
		alloc_example |= f[i].example;
	}
	html_raw(b, "</tbody><tfoot><tr><th scope=\"row\">Total</th>"
		    "<td class=\"numeric\">");
	html_money(b, alloc);
	if (alloc_example)
		html_example_tag(b);
	html_raw(b, "</td><td class=\"numeric\">");
	html_money(b, awarded);
	if (example)
		html_example_tag(b);
	html_raw(b, "</td><td class=\"numeric\">");
	html_money(b, alloc - awarded);
	if (example)
		html_example_tag(b);
	html_raw(b, "</td></tr></tfoot></table></div>\n");
	if (example)
		html_raw(b, "<p class=\"example-note\">The amounts awarded, and so "
			    "what remains, add up award amounts that are example "
			    "data, invented for the demo.</p>\n");
	html(b, "<p><a href=\"/funding?year=%s\">All funding and awards for %s</a></p>\n",
	     g->year, g->year);
}

/* The plan picker: a GET form, usable without JavaScript. */
static void plan_picker(struct req *r, struct buf *b, const struct plan *plans,
			size_t n, int64_t current)
{
	struct form f = { .r = r, .b = b };

	if (n < 2)
		return;
	form_begin_get(&f, "/", NULL);
	form_select_begin(&f, "plan", "Plan", NULL, NULL);
	for (size_t i = 0; i < n; i++)
		form_option(&f, arena_printf(r->arena, "%lld", (long long)plans[i].id),
			    plans[i].title, plans[i].id == current);
	form_select_end(&f);
	form_end_get(&f, "Show plan");
}

/* A figure of the plan: its value, its label (a link if href is not
 * NULL), marked as example data when example of them are. */
static void plan_figure(struct buf *b, int64_t value, const char *label,
			const char *href, int64_t example, bool warning)
{
	html(b, "<li class=\"figure%s\"><span class=\"figure__value\">%lld</span>"
		"<span class=\"figure__label\">",
	     warning ? " figure--warning" : "", (long long)value);
	if (href)
		html(b, "<a href=\"%s\">%s</a>", href, label);
	else
		html(b, "%s", label);
	if (example) {
		html_example_tag(b);
		if (example < value)
			html(b, "<span class=\"figure__note\">%lld of them</span>",
			     (long long)example);
	}
	html_raw(b, "</span></li>\n");
}

/* Whether the plan is in force today, and if not what that means. */
static void plan_in_force(struct req *r, struct buf *b, const struct plan *plan,
			  bool chosen)
{
	bool ended = strcmp(plan->period_end, r->today) < 0;
	bool future = strcmp(plan->period_start, r->today) > 0;

	if (!ended && !future)
		return;
	html_raw(b, "<div class=\"inset-text\"><p>");
	if (future) {
		html_raw(b, "This plan starts on ");
		html_date(b, plan->period_start);
		html_raw(b, ".");
	} else if (chosen) {
		html_raw(b, "This plan ended on ");
		html_date(b, plan->period_end);
		html_raw(b, ".");
	} else {
		html_raw(b, "No approved plan covers today (");
		html_date(b, r->today);
		html_raw(b, "). This is the plan that ended most recently, on ");
		html_date(b, plan->period_end);
		html_raw(b, "; the next plan will open here once it is recorded.");
	}
	html_raw(b, "</p></div>\n");
}

/* issue 9, scrutiny: a small panel, "2 undertakings overdue", linking
 * to the register; nothing when none are, or for anonymous visitors
 * (the register is internal). */
static void undertakings_overdue(struct req *r, struct buf *b)
{
	int64_t n;

	if (r->auth.anonymous ||
	    (n = store_undertakings_overdue_count(r->store, r->today, NULL)) <= 0)
		return;
	html(b, "<div class=\"inset-text\"><a href=\"/undertakings?status="
		"overdue\"><strong class=\"tag tag--red\">%lld</strong> %s "
		"overdue</a></div>\n",
	     (long long)n, n == 1 ? "undertaking" : "undertakings");
}

void page_overview(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct partnership *p = store_partnership(r->store, r->arena, &e);
	struct plan *plans, *plan = NULL, *themed = NULL;
	struct theme *themes = NULL;
	struct theme_status *ts = NULL;
	struct glance money;
	size_t n_plans, n_themes = 0, n_ts = 0;
	int64_t plan_id, themed_id = 0;
	bool chosen;

	if (!p && e.code != ERR_NOT_FOUND) {
		web_store_error(r, w, &e);
		return;
	}
	if (!p) {
		page_begin(r, w, "Welcome", "overview");
		html_raw(b, "<h1>Welcome to safer</h1>\n<p>This database holds no "
			    "partnership yet. Load the Stockport demo with "
			    "<code>safer demo</code>, or create your own with "
			    "<code>safer init</code>.</p>\n");
		page_end(r, w);
		return;
	}
	if (http_query_id(r, "plan", &plan_id, &e) < 0) {
		web_error_page(r, w, 400, "The plan must be chosen from the list.");
		return;
	}
	/* The plan in force today, unless one was chosen. */
	chosen = plan_id != 0;
	if ((!plan_id && (plan_id = store_current_plan_id(r->store, &e)) < 0) ||
	    !(plans = store_plans(r->store, r->arena, r->today, &n_plans, &e)) ||
	    funding_load(r, &money, &e) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	for (size_t i = 0; i < n_plans; i++)
		if (plans[i].id == plan_id)
			plan = &plans[i];
	if (chosen && !plan) {
		web_error_page(r, w, 404, "There is no such plan: choose one from "
					  "the list.");
		return;
	}
	if (plan && !plan->n_themes &&
	    (themed_id = store_themed_plan_id(r->store, &e)) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	for (size_t i = 0; i < n_plans; i++)
		if (themed_id && plans[i].id == themed_id && themed_id != plan_id)
			themed = &plans[i];
	if (plan &&
	    (!(themes = store_themes(r->store, r->arena, plan->id, false, &n_themes,
				     &e)) ||
	     !(ts = store_action_status_by_theme(r->store, r->arena, plan->id,
						 r->today, &n_ts, &e)))) {
		web_store_error(r, w, &e);
		return;
	}

	page_begin(r, w, "Overview", "overview");
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>%s</h1>\n", p->area,
	     p->name);
	if (p->n_former) {
		html_raw(b, "<p class=\"lead\">Formerly ");
		for (size_t i = 0; i < p->n_former; i++)
			html(b, "%s%s", i ? "; " : "", p->former_names[i]);
		html_raw(b, ".</p>\n");
	}
	if (p->description)
		html_paragraphs(b, p->description);
	undertakings_overdue(r, b);
	if (!plan) {
		html_raw(b, "<p>No plan has been recorded yet.</p>\n");
		if (!r->auth.anonymous)
			html_raw(b, "<p><a class=\"button\" href=\"/plans/new\">"
				    "Create a plan</a></p>\n");
		funding_glance(r, b, &money);
		page_end(r, w);
		return;
	}
	plan_picker(r, b, plans, n_plans, plan->id);
	html(b, "<h2 class=\"heading-l\"><a href=\"/plans/%lld\">%s</a></h2>\n",
	     (long long)plan->id, plan->title);
	html_raw(b, "<p>");
	html_plan_status_tag(b, plan->status);
	html_raw(b, " ");
	html_period(b, plan->period_start, plan->period_end);
	if (plan->approved_on || plan->approved_by) {
		html_raw(b, ". Approved");
		if (plan->approved_by)
			html(b, " by %s", plan->approved_by);
		if (plan->approved_on) {
			html_raw(b, " in ");
			html_date(b, plan->approved_on);
		}
	}
	html_raw(b, ".</p>\n");
	plan_in_force(r, b, plan, chosen);
	html_raw(b, "<ul class=\"figures\">\n");
	plan_figure(b, plan->n_themes, "themes", NULL, 0, false);
	plan_figure(b, plan->n_priorities, "priority areas for action", NULL, 0,
		    false);
	plan_figure(b, plan->n_actions, "actions",
		    arena_printf(r->arena, "/actions?plan=%lld", (long long)plan->id),
		    plan->n_example_actions, false);
	plan_figure(b, plan->n_overdue, "overdue",
		    arena_printf(r->arena, "/actions?plan=%lld&overdue=1",
				 (long long)plan->id),
		    plan->n_example_overdue, plan->n_overdue > 0);
	html_raw(b, "</ul>\n");
	if (n_themes) {
		themes_table(b, themes, n_themes);
		status_table(b, plan->id, ts, n_ts);
	} else {
		html_raw(b, "<p>No themes, priority areas or actions have been "
			    "recorded for this plan yet.");
		if (themed) {
			html(b, " Those of the <a href=\"/?plan=%lld\">%s</a> (",
			     (long long)themed->id, themed->title);
			html_period(b, themed->period_start, themed->period_end);
			html_raw(b, ") are recorded.");
		}
		html_raw(b, "</p>\n");
		if (n_ts)
			status_table(b, plan->id, ts, n_ts);
	}
	funding_glance(r, b, &money);
	page_end(r, w);
}
