/*
 * page_plans.c: the list of plans, one plan with its themes, a theme with
 * its priority areas and actions, and a priority area with its outcomes
 * and actions.
 */
#include "base/text.h"
#include "pages.h"
#include "store/store_action.h"
#include "store/store_plan.h"
#include "store/store_scrutiny.h"

void page_plans(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	size_t n;
	struct plan *p = store_plans(r->store, r->arena, r->today, &n, &e);

	if (!p) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, "Plans", "plans");
	html_raw(b, "<h1>Plans</h1>\n<p>The partnership plan and the strategies "
		    "and action plans that sit under it.</p>\n");
	if (!n) {
		html_raw(b, "<p>No plan has been recorded yet.</p>\n");
		if (web_may_edit(r))
			html_raw(b, "<p>Start with the partnership plan: its title "
				    "and period, then its themes and their priority "
				    "areas.</p>\n<p><a class=\"button\" "
				    "href=\"/plans/new\">Create a plan</a></p>\n");
		page_end(r, w);
		return;
	}
	html_table_begin(b, "Plans", NULL, NULL);
	html_raw(b, "<caption class=\"visually-hidden\">Plans</caption>\n<thead><tr>"
		    "<th scope=\"col\">Plan</th><th scope=\"col\">Period</th>"
		    "<th scope=\"col\">Status</th><th scope=\"col\">Approved</th>"
		    "<th scope=\"col\" class=\"numeric\">Themes</th>");
	/* The public view: the plan, its themes and leads; not the actions. */
	if (!r->auth.anonymous)
		html_raw(b, "<th scope=\"col\" class=\"numeric\">Actions</th>"
			    "<th scope=\"col\" class=\"numeric\">Overdue</th>");
	html_raw(b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		html(b, "<tr><th scope=\"row\"><a href=\"/plans/%lld\">%s</a>",
		     (long long)p[i].id, p[i].title);
		html(b, "<br><span class=\"secondary-text body-s\">%s</span></th><td>",
		     choice_label(plan_kinds, p[i].kind));
		html_period(b, p[i].period_start, p[i].period_end);
		html_raw(b, "</td><td>");
		html_plan_status_tag(b, p[i].status);
		html_raw(b, "</td><td>");
		if (p[i].approved_on)
			html_date(b, p[i].approved_on);
		if (p[i].approved_by)
			html(b, "%s%s", p[i].approved_on ? ", " : "", p[i].approved_by);
		if (!p[i].approved_on && !p[i].approved_by)
			html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
		html(b, "</td><td class=\"numeric\">%lld", (long long)p[i].n_themes);
		if (r->auth.anonymous) {
			html_raw(b, "</td></tr>\n");
			continue;
		}
		html(b, "</td><td class=\"numeric\">%lld", (long long)p[i].n_actions);
		if (p[i].n_example_actions)
			html_example_tag(b);
		html(b, "</td><td class=\"numeric\">%lld", (long long)p[i].n_overdue);
		if (p[i].n_example_overdue)
			html_example_tag(b);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
	if (web_may_edit(r))
		html_raw(b, "<p><a class=\"button\" href=\"/plans/new\">Create a "
			    "plan</a></p>\n");
	page_end(r, w);
}

/* The plan's way to approval as the meetings record it: each body that
 * approved it or recommended it to another, with the date, linked to the
 * agenda item ("Recommended to the Executive by the Health & Wellbeing
 * Board, 16 September 2014"). */
static void approval_path(struct req *r, struct buf *b, int64_t plan_id)
{
	struct err e = ERR_INIT;
	size_t n;
	struct approval_step *a = store_plan_approval(r->store, r->arena,
						      plan_id, &n, &e);

	if (!a || !n)
		return; /* nothing recorded, or not readable: the rest stands */
	html_row_begin(b, "Decisions recorded");
	html_raw(b, "<ol class=\"list list--plain\">");
	for (size_t i = 0; i < n; i++) {
		html_raw(b, "<li>");
		if (strcmp(a[i].kind, "approved") == 0)
			html(b, "Approved by the %s", a[i].body_name);
		else if (a[i].to_body_name)
			html(b, "Recommended to the %s by the %s", a[i].to_body_name,
			     a[i].body_name);
		else
			html(b, "Recommended by the %s", a[i].body_name);
		html_raw(b, ", ");
		html_date(b, a[i].date);
		if (!r->auth.anonymous)
			html(b, " (<a href=\"/items/%lld\">item %s</a>)",
			     (long long)a[i].item_id, a[i].number);
		html_raw(b, "</li>");
	}
	html_raw(b, "</ol>");
	html_row_end(b);
}

void page_plan(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct plan *p = store_plan(r->store, r->arena, r->ids[0], r->today, &e);
	struct theme *t = NULL;
	const char *edit;
	size_t n = 0;

	if (!p || !(t = store_themes(r->store, r->arena, p->id, false, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	edit = arena_printf(r->arena, "/plans/%lld/edit", (long long)p->id);
	page_begin(r, w, p->title, "plans");
	html_breadcrumbs(b, 2, (const char *const[]){ "/plans", "Plans", NULL, p->title });
	if (http_query(r, "saved"))
		html_saved_banner(r, b);
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>%s</h1>\n",
	     choice_label(plan_kinds, p->kind), p->title);
	if (p->example)
		html_example_tag(b);
	if (p->archived_at)
		html_raw(b, "<p class=\"inset-text\">This plan has been archived: "
			    "it is no longer listed.</p>\n");
	html_summary_begin(b);
	html_row_begin(b, "Title");
	html(b, "%s", p->title);
	html_row_change_end(r, b, edit, "title");
	html_row_begin(b, "Period");
	html_period(b, p->period_start, p->period_end);
	html_row_change_end(r, b, edit, "period");
	html_row_begin(b, "Status");
	html_plan_status_tag(b, p->status);
	html_row_change_end(r, b, edit, "status");
	html_row_begin(b, "Approved by");
	if (p->approved_by || p->approved_by_board)
		html(b, "%s%s%s", p->approved_by ? p->approved_by : "",
		     p->approved_by && p->approved_by_board ? ", " : "",
		     p->approved_by_board ? p->approved_by_board : "");
	else
		html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
	html_row_change_end(r, b, edit, "approved by");
	html_row_begin(b, "Approved");
	html_date(b, p->approved_on);
	html_row_change_end(r, b, edit, "date of approval");
	approval_path(r, b, p->id);
	if (p->previous_id) {
		html_row_begin(b, "Follows");
		html(b, "<a href=\"/plans/%lld\">the plan before</a>",
		     (long long)p->previous_id);
		html_row_end(b);
	}
	if (p->note && !r->auth.anonymous)
		html_row_text(b, "Note", p->note);
	if (r->auth.anonymous)
		goto themes; /* the public view: no notes, no actions */
	html_row_begin(b, "Actions");
	html(b, "<a href=\"/actions?plan=%lld\">%lld actions</a>",
	     (long long)p->id, (long long)p->n_actions);
	if (p->n_overdue)
		html(b, ", <a href=\"/actions?plan=%lld&amp;overdue=1\">%lld overdue</a>",
		     (long long)p->id, (long long)p->n_overdue);
	if (p->n_example_actions == p->n_actions && p->n_actions)
		html_raw(b, ", all example data");
	else if (p->n_example_actions)
		html(b, ", %lld of them example data", (long long)p->n_example_actions);
	if (p->n_example_actions)
		html_example_tag(b);
	html_row_end(b);
themes:
	html_summary_end(b);

	html_raw(b, "<h2 class=\"heading-l\">Themes and priority areas for action</h2>\n");
	if (!n)
		html_raw(b, "<p>No themes have been recorded for this plan.</p>\n");
	for (size_t i = 0; i < n; i++) {
		html(b, "<h3 class=\"heading-m\"><a href=\"/themes/%lld\">%s</a></h3>\n"
			"<p class=\"body-s\"><a href=\"/themes/%lld/performance\">"
			"Performance<span class=\"visually-hidden\"> of %s</span></a></p>\n",
		     (long long)t[i].id, t[i].name, (long long)t[i].id, t[i].name);
		html_raw(b, "<p>Theme lead: ");
		html_person(b, t[i].lead_name, t[i].lead_role, t[i].lead_organisation);
		if (web_may_edit(r))
			html(b, " <a class=\"body-s\" href=\"/themes/%lld/edit\">Change"
				"<span class=\"visually-hidden\"> the theme %s</span></a>",
			     (long long)t[i].id, t[i].name);
		html_raw(b, "</p>\n");
		if (!t[i].n_priorities) {
			html_raw(b, "<p class=\"secondary-text\">No priority areas "
				    "for action listed.");
			if (!r->auth.anonymous)
				html(b, " <a href=\"/themes/%lld/priorities/new\">Add a "
					"priority area<span class=\"visually-hidden\"> to %s"
					"</span></a>",
				     (long long)t[i].id, t[i].name);
			html_raw(b, "</p>\n");
			continue;
		}
		html_raw(b, "<ul class=\"list\">\n");
		for (size_t k = 0; k < t[i].n_priorities; k++)
			html(b, "<li><a href=\"/priorities/%lld\">%s</a></li>\n",
			     (long long)t[i].priorities[k].id,
			     t[i].priorities[k].name);
		html_raw(b, "</ul>\n");
	}
	if (web_may_edit(r))
		html(b, "<div class=\"button-group\"><a class=\"button\" "
			"href=\"/plans/%lld/themes/new\">Add a theme</a>"
			"<a class=\"button button--secondary\" href=\"/actions/new?plan=%lld\">"
			"Add an action to this plan</a></div>\n"
			"<h2 class=\"heading-m\">Manage this plan</h2>\n<ul class=\"list\">"
			"<li><a href=\"/plans/%lld/roll-forward\">Roll it forward</a>: a new "
			"plan for the next period, starting with copies of these themes and "
			"priority areas</li>"
			"<li><a href=\"/plans/%lld/delete\">Archive or delete it</a></li>"
			"</ul>\n",
		     (long long)p->id, (long long)p->id, (long long)p->id,
		     (long long)p->id);
	if (!r->auth.anonymous)
		web_changes_link(r, b, "plan", p->id);
	page_end(r, w);
}

/* The theme's priority areas as they stood on a day (the theme page
 * with ?on=): a form to choose the day, then the list.  -1 with e set if
 * the store fails. */
static int priorities_on(struct req *r, struct buf *b, const struct theme *t,
			 const char *on, struct err *e)
{
	struct err errs[1];
	struct err_list l = { errs, 0, 1 };
	struct option lab[] = { { "on", NULL }, { NULL, NULL } };
	struct form fm = { r, b, &l, false, lab };
	struct priority *p = NULL;
	size_t n = 0;

	if (on && !(p = store_theme_priorities_on(r->store, r->arena, t->id, on,
						   &n, e))) {
		if (e->code != ERR_INVALID)
			return -1;
		form_problem(&l, "on", "The date must be a real date, like 2019-10-01.");
	}
	html_raw(b, "<h2 class=\"heading-m\">Priority areas on a date</h2>\n");
	form_error_summary(&fm);
	form_begin_get(&fm, arena_printf(r->arena, "/themes/%lld", (long long)t->id),
		       NULL);
	form_input(&fm, "on", "Date", "YYYY-MM-DD", on, "10");
	form_end_get(&fm, "Show the list as it stood");
	if (!p)
		return 0;
	html(b, "<p>On %s: </p>\n", on);
	if (!n)
		html_raw(b, "<p>No priority areas were listed on that day.</p>\n");
	else
		html_raw(b, "<ul class=\"list\" id=\"priorities-on\">\n");
	for (size_t i = 0; i < n; i++) {
		html(b, "<li><a href=\"/priorities/%lld\">%s</a>",
		     (long long)p[i].id, p[i].name);
		if (p[i].description)
			html(b, " <span class=\"secondary-text body-s\">%s</span>",
			     p[i].description);
		html_raw(b, "</li>\n");
	}
	if (n)
		html_raw(b, "</ul>\n");
	return 0;
}

void page_theme(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct theme *t = store_theme(r->store, r->arena, r->ids[0], &e);
	struct action_filter f = { 0 };
	struct action *a = NULL;
	const char *on = http_query(r, "on"), *edit;
	size_t n = 0;

	if (t) {
		f.theme_id = t->id;
		f.today = r->today;
		a = store_actions(r->store, r->arena, &f, &n, &e);
	}
	if (!t || !a) {
		web_store_error(r, w, &e);
		return;
	}
	if (on && !*on)
		on = NULL;
	edit = arena_printf(r->arena, "/themes/%lld/edit", (long long)t->id);
	page_begin(r, w, t->name, "plans");
	html_breadcrumbs(b, 3, (const char *const[]){
		"/plans", "Plans", arena_printf(r->arena, "/plans/%lld",
						 (long long)t->plan_id),
		t->plan_title, NULL, t->name });
	if (http_query(r, "saved"))
		html_saved_banner(r, b);
	html(b, "<span class=\"caption-l\">Theme</span>\n<h1>%s</h1>\n", t->name);
	if (t->archived_at)
		html_raw(b, "<p class=\"inset-text\">This theme has been archived: "
			    "it is no longer listed in its plan.</p>\n");
	html_summary_begin(b);
	html_row_begin(b, "Name");
	html(b, "%s", t->name);
	html_row_change_end(r, b, edit, "name");
	html_row_begin(b, "Plan");
	html(b, "<a href=\"/plans/%lld\">%s</a>", (long long)t->plan_id,
	     t->plan_title);
	html_row_end(b);
	html_row_begin(b, "Theme lead");
	html_person(b, t->lead_name, t->lead_role, t->lead_organisation);
	html_row_change_end(r, b, edit, "theme lead");
	html_row_begin(b, "Description");
	if (t->description)
		html(b, "%s", t->description);
	else
		html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
	html_row_change_end(r, b, edit, "description");
	html_row_begin(b, "Performance");
	html(b, "<a href=\"/themes/%lld/performance\">How this theme is doing"
		"<span class=\"visually-hidden\">: %s</span></a>: its indicators' "
		"latest figures, against their benchmarks and targets",
	     (long long)t->id, t->name);
	html_row_end(b);
	html_summary_end(b);

	html_raw(b, "<h2 class=\"heading-m\">Priority areas for action</h2>\n");
	if (!t->n_priorities)
		html_raw(b, "<p>None listed for this theme.</p>\n");
	else
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < t->n_priorities; i++) {
		html(b, "<li><a href=\"/priorities/%lld\">%s</a>",
		     (long long)t->priorities[i].id, t->priorities[i].name);
		if (t->priorities[i].n_outcomes) {
			html_raw(b, " <span class=\"secondary-text body-s\">(outcomes ");
			for (size_t k = 0; k < t->priorities[i].n_outcomes; k++)
				html(b, "%s%d", k ? ", " : "",
				     t->priorities[i].outcomes[k].number);
			html_raw(b, ")</span>");
		}
		if (web_may_edit(r))
			html(b, " <a class=\"body-s\" href=\"/priorities/%lld/edit\">"
				"Change<span class=\"visually-hidden\"> %s</span></a>",
			     (long long)t->priorities[i].id, t->priorities[i].name);
		html_raw(b, "</li>\n");
	}
	if (t->n_priorities)
		html_raw(b, "</ul>\n");
	if (web_may_edit(r))
		html(b, "<p><a class=\"button\" href=\"/themes/%lld/priorities/new\">"
			"Add a priority area</a></p>\n",
		     (long long)t->id);
	if (priorities_on(r, b, t, on, &e) < 0) {
		buf_reset(b);
		web_store_error(r, w, &e);
		return;
	}
	if (r->auth.anonymous) { /* the public view: no actions */
		page_end(r, w);
		return;
	}
	html_actions_table(b, a, n, "Actions under this theme");
	html(b, "<p><a class=\"button button--secondary\" href=\"/actions/new?"
		"plan=%lld&amp;theme=%lld\">Add an action to this theme</a></p>\n"
		"<p><a href=\"/themes/%lld/delete\">Archive or delete this theme</a></p>\n",
	     (long long)t->plan_id, (long long)t->id, (long long)t->id);
	web_changes_link(r, b, "theme", t->id);
	page_end(r, w);
}

void page_priority(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct priority *p = store_priority(r->store, r->arena, r->ids[0], &e);
	struct action_filter f = { 0 };
	struct action *a = NULL;
	const char *edit = arena_printf(r->arena, "/priorities/%lld/edit",
					(long long)r->ids[0]);
	size_t n = 0;

	if (p) {
		f.priority_id = p->id;
		f.today = r->today;
		a = store_actions(r->store, r->arena, &f, &n, &e);
	}
	if (!p || !a) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, p->name, "plans");
	html_breadcrumbs(b, 4, (const char *const[]){
		"/plans", "Plans",
		arena_printf(r->arena, "/plans/%lld", (long long)p->plan_id),
		p->plan_title,
		arena_printf(r->arena, "/themes/%lld", (long long)p->theme_id),
		p->theme_name, NULL, p->name });
	if (http_query(r, "saved"))
		html_saved_banner(r, b);
	html(b, "<span class=\"caption-l\">Priority area for action</span>\n"
		"<h1>%s</h1>\n",
	     p->name);
	if (p->archived_at)
		html(b, "<p class=\"inset-text\">This priority area has been "
			"archived: it left the plan on %s.</p>\n",
		     p->removed_on ? p->removed_on : p->archived_at);
	html_summary_begin(b);
	html_row_begin(b, "Name");
	html(b, "%s", p->name);
	html_row_change_end(r, b, edit, "name");
	html_row_begin(b, "Theme");
	html(b, "<a href=\"/themes/%lld\">%s</a>", (long long)p->theme_id,
	     p->theme_name);
	html_row_end(b);
	html_row_begin(b, "Plan");
	html(b, "<a href=\"/plans/%lld\">%s</a>", (long long)p->plan_id,
	     p->plan_title);
	html_row_end(b);
	html_row_begin(b, "Description");
	if (p->description)
		html(b, "%s", p->description);
	else
		html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
	html_row_change_end(r, b, edit, "description");
	if (p->added_on) {
		html_row_begin(b, "Added");
		html_date(b, p->added_on);
		html_row_end(b);
	}
	html_summary_end(b);

	html_raw(b, "<h2 class=\"heading-m\">Outcomes it contributes to</h2>\n");
	if (web_may_edit(r))
		html(b, "<p><a class=\"body-s\" href=\"%s\">Change the outcomes</a></p>\n",
		     edit);
	if (!p->n_outcomes)
		html_raw(b, "<p>No outcomes have been linked to this priority area.</p>\n");
	else
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < p->n_outcomes; i++) {
		html(b, "<li><a href=\"/outcomes#outcome-%d\">Outcome %d</a>: %s",
		     p->outcomes[i].number, p->outcomes[i].number,
		     p->outcomes[i].text);
		if (p->outcomes[i].example_link)
			html_example_tag(b);
		html_raw(b, "</li>\n");
	}
	if (p->n_outcomes)
		html_raw(b, "</ul>\n");
	if (r->auth.anonymous) { /* the public view: no actions */
		page_end(r, w);
		return;
	}
	html_actions_table(b, a, n, "Actions for this priority area");
	html(b, "<p><a class=\"button button--secondary\" href=\"/actions/new?"
		"plan=%lld&amp;priority=%lld\">Add an action for this priority area"
		"</a></p>\n<p><a href=\"/priorities/%lld/delete\">Archive or delete "
		"this priority area</a></p>\n",
	     (long long)p->plan_id, (long long)p->id, (long long)p->id);
	web_changes_link(r, b, "priority", p->id);
	page_end(r, w);
}
