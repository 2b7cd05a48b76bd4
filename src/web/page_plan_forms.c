/*
 * page_plan_forms.c: the forms that make and change plans (new, change,
 * roll forward), and the check-your-answers page before removing a
 * plan, theme, priority area, framework or outcome, which every one of
 * them shares.
 *
 * A form posts back to itself; problems show it again with the GOV.UK
 * error summary, what was typed kept; success goes (303) to the page of
 * what was saved.
 */
#include "base/text.h"
#include "pages.h"
#include "store/store_governance.h"
#include "store/store_outcome.h"
#include "store/store_plan.h"

static const struct option labels[] = {
	{ "title", "Title" },
	{ "kind", "Kind of plan" },
	{ "period.start", "Start of the period" },
	{ "period.end", "End of the period" },
	{ "status", "Status" },
	{ "approved_by", "Approved by" },
	{ "approved_by_board_id", "Approving board" },
	{ "approved_on", "Date approved" },
	{ "note", "Note" },
	{ NULL, NULL },
};

void html_row_change_end(struct req *r, struct buf *b, const char *href,
			 const char *what)
{
	if (r->auth.anonymous) { /* the public view: nothing to change */
		html_row_end(b);
		return;
	}
	html(b, "</dd><dd class=\"summary-list__actions\"><a href=\"%s\">Change"
		"<span class=\"visually-hidden\"> %s</span></a></dd></div>\n",
	     href, what);
}

void html_saved_banner(struct req *r, struct buf *b)
{
	UNUSED(r);
	html_raw(b, "<div class=\"notification\" role=\"status\">"
		    "<h2 class=\"notification__title\">Success</h2>"
		    "<div class=\"notification__content\">Your changes have "
		    "been saved.</div></div>\n");
}

/* ---------------------------------------------------------------------
 * A plan: new and change
 */

/* The boards as select options. */
static struct option *board_options(struct req *r, size_t *n, struct err *e)
{
	struct board *bd = store_boards(r->store, r->arena, n, e);
	struct option *o;

	if (!bd)
		return NULL;
	o = arena_array(r->arena, *n + 1, sizeof(*o));
	for (size_t i = 0; i < *n; i++) {
		o[i].value = arena_printf(r->arena, "%lld", (long long)bd[i].id);
		o[i].label = bd[i].name;
	}
	return o;
}

static void plan_form(struct req *r, struct resp *w, const struct plan *p,
		      const struct err_list *errors)
{
	struct buf *b = &w->body;
	struct form fm = { r, b, errors, errors != NULL, labels };
	const char *title = p ? "Change the plan" : "Create a plan";
	const char *back = p ? arena_printf(r->arena, "/plans/%lld", (long long)p->id)
			     : "/plans";
	struct err e = ERR_INIT;
	struct option *boards;
	size_t n_boards;

	if (!(boards = board_options(r, &n_boards, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, form_title(&fm, title), "plans");
	html(b, "<a class=\"back-link\" href=\"%s\">Back</a>\n"
		"<div class=\"grid-row\"><div class=\"column-two-thirds\">\n",
	     back);
	form_error_summary(&fm);
	html(b, "<h1>%s</h1>\n", title);
	form_begin(&fm, p ? back : "/plans");
	form_input(&fm, "title", "Title", "For example, Community Safety Plan 2024-27",
		   p ? p->title : NULL, NULL);
	form_select_choice(&fm, "kind", "Kind of plan", NULL, plan_kinds, NULL,
			   p ? p->kind : "partnership_plan");
	form_date(&fm, "period.start", "Start of the period", "For example, 1 4 2024",
		  p ? p->period_start : NULL);
	form_date(&fm, "period.end", "End of the period", "For example, 31 3 2027",
		  p ? p->period_end : NULL);
	form_select_choice(&fm, "status", "Status", NULL, plan_statuses, NULL,
			   p ? p->status : "draft");
	form_input(&fm, "approved_by", "Approved by (optional)",
		   "The body that approved it, as its records say.",
		   p ? p->approved_by : NULL, NULL);
	form_select(&fm, "approved_by_board_id", "Approving board (optional)", NULL,
		    boards, n_boards, "None",
		    p && p->approved_by_board_id
			    ? arena_printf(r->arena, "%lld",
					   (long long)p->approved_by_board_id)
			    : NULL);
	form_input(&fm, "approved_on", "Date approved (optional)",
		   "A day (2024-03-12) or a month (2024-03).",
		   p ? p->approved_on : NULL, "10");
	form_textarea(&fm, "note", "Note (optional)", NULL, p ? p->note : NULL);
	form_end(&fm, p ? "Save changes" : "Create plan", back);
	html_raw(b, "</div></div>\n");
	page_end(r, w);
}

/* Read the plan form; every problem goes to l. */
static void read_plan_form(struct req *r, int64_t id, struct plan_input *in,
			   struct err_list *l)
{
	memset(in, 0, sizeof(*in));
	in->set = PLAN_TITLE | PLAN_KIND | PLAN_START | PLAN_END | PLAN_STATUS |
		  PLAN_APPROVED_BY | PLAN_APPROVED_ON | PLAN_NOTE | PLAN_BOARD;
	in->title = form_read_text(r, "title");
	in->kind = form_read_text(r, "kind");
	in->status = form_read_text(r, "status");
	in->approved_by = form_read_text(r, "approved_by");
	in->approved_on = form_read_text(r, "approved_on");
	in->note = form_read_text(r, "note");
	form_read_date(r, "period.start", &in->period_start, l);
	form_read_date(r, "period.end", &in->period_end, l);
	form_read_id(r, "approved_by_board_id", &in->approved_by_board_id, l);
	if (!l->n)
		store_plan_check(r->store, id, in, l);
}

static void plan_failed(struct req *r, struct resp *w, const struct plan *p,
			const struct err_list *l)
{
	if (!form_user_errors(r, w, l))
		return;
	plan_form(r, w, p, l);
	w->status = form_failed_status(l);
}

void page_plan_new(struct req *r, struct resp *w)
{
	plan_form(r, w, NULL, NULL);
}

void page_plan_create(struct req *r, struct resp *w)
{
	struct plan_input in;
	struct err e = ERR_INIT, errs[12];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id;

	read_plan_form(r, 0, &in, &l);
	if (!l.n && store_plan_create(r->store, &in, &id, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		plan_failed(r, w, NULL, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/plans/%lld?saved=1", (long long)id));
}

void page_plan_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct plan *p = store_plan(r->store, r->arena, r->ids[0], r->today, &e);

	if (!p)
		web_store_error(r, w, &e);
	else
		plan_form(r, w, p, NULL);
}

void page_plan_save(struct req *r, struct resp *w)
{
	struct plan_input in;
	struct err e = ERR_INIT, errs[12];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct plan *p = store_plan(r->store, r->arena, r->ids[0], r->today, &e);

	if (!p) {
		web_store_error(r, w, &e);
		return;
	}
	read_plan_form(r, p->id, &in, &l);
	if (!l.n && store_plan_update(r->store, p->id, &in, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		plan_failed(r, w, p, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/plans/%lld?saved=1", (long long)p->id));
}

/* ---------------------------------------------------------------------
 * Roll forward
 */

static void roll_form(struct req *r, struct resp *w, const struct plan *p,
		      const struct err_list *errors)
{
	struct buf *b = &w->body;
	struct form fm = { r, b, errors, errors != NULL, labels };
	const char *back = arena_printf(r->arena, "/plans/%lld", (long long)p->id);

	page_begin(r, w, form_title(&fm, "Roll the plan forward"), "plans");
	html(b, "<a class=\"back-link\" href=\"%s\">Back</a>\n"
		"<div class=\"grid-row\"><div class=\"column-two-thirds\">\n",
	     back);
	form_error_summary(&fm);
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>Roll the plan forward</h1>\n"
		"<p>The new plan, a draft, starts with copies of this plan's themes, "
		"their leads, their priority areas and the outcomes they are linked "
		"to, for you to change. This plan stays as it is.</p>\n",
	     p->title);
	form_begin(&fm, arena_printf(r->arena, "/plans/%lld/roll-forward",
				     (long long)p->id));
	form_input(&fm, "title", "Title of the new plan", NULL, NULL, NULL);
	form_date(&fm, "period.start", "Start of its period", "For example, 1 4 2027",
		  NULL);
	form_date(&fm, "period.end", "End of its period", "For example, 31 3 2030",
		  NULL);
	form_end(&fm, "Create the new plan", back);
	html_raw(b, "</div></div>\n");
	page_end(r, w);
}

void page_plan_roll(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct plan *p = store_plan(r->store, r->arena, r->ids[0], r->today, &e);

	if (!p)
		web_store_error(r, w, &e);
	else
		roll_form(r, w, p, NULL);
}

void page_plan_roll_save(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct plan *p = store_plan(r->store, r->arena, r->ids[0], r->today, &e);
	struct plan_input in = { 0 };
	int64_t id;

	if (!p) {
		web_store_error(r, w, &e);
		return;
	}
	in.title = form_read_text(r, "title");
	in.kind = p->kind;
	form_read_date(r, "period.start", &in.period_start, &l);
	form_read_date(r, "period.end", &in.period_end, &l);
	if (!l.n)
		store_plan_check(r->store, 0, &in, &l);
	if (!l.n && store_plan_roll_forward(r->store, p->id, in.title,
					    in.period_start, in.period_end, &id,
					    &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		if (!form_user_errors(r, w, &l))
			return;
		roll_form(r, w, p, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/plans/%lld?saved=1", (long long)id));
}

/* ---------------------------------------------------------------------
 * Removing: check your answers, then remove
 *
 * One pair of handlers for every kind of object, told apart by the
 * route's pattern.
 */

struct removable {
	const char *pattern; /* of the GET and POST routes */
	const char *what;    /* "plan" */
	int (*remove)(struct store *s, int64_t id, enum remove_how how,
		      bool *archived, struct err *e);
};

static const struct removable removables[] = {
	{ "/plans/{id}/delete", "plan", store_plan_remove },
	{ "/themes/{id}/delete", "theme", store_theme_remove },
	{ "/priorities/{id}/delete", "priority area", store_priority_remove },
	{ "/frameworks/{id}/delete", "outcomes framework", store_framework_remove },
	{ "/outcomes/{id}/delete", "outcome", store_outcome_remove },
};

/* What is removed: its name, the page it has (back) and the page to go
 * to once it is gone (after).  -1 with e set if it is not there. */
static int removed_object(struct req *r, size_t kind, const char **name,
			  const char **back, const char **after, struct err *e)
{
	int64_t id = r->ids[0];

	switch (kind) {
	case 0: {
		struct plan *p = store_plan(r->store, r->arena, id, r->today, e);

		if (!p)
			return -1;
		*name = p->title;
		*back = arena_printf(r->arena, "/plans/%lld", (long long)id);
		*after = "/plans";
		return 0;
	}
	case 1: {
		struct theme *t = store_theme(r->store, r->arena, id, e);

		if (!t)
			return -1;
		*name = t->name;
		*back = arena_printf(r->arena, "/themes/%lld", (long long)id);
		*after = arena_printf(r->arena, "/plans/%lld", (long long)t->plan_id);
		return 0;
	}
	case 2: {
		struct priority *p = store_priority(r->store, r->arena, id, e);

		if (!p)
			return -1;
		*name = p->name;
		*back = arena_printf(r->arena, "/priorities/%lld", (long long)id);
		*after = arena_printf(r->arena, "/themes/%lld", (long long)p->theme_id);
		return 0;
	}
	case 3: {
		struct framework *f = store_framework(r->store, r->arena, id, e);

		if (!f)
			return -1;
		*name = f->name;
		*back = *after = "/outcomes";
		return 0;
	}
	default: {
		struct outcome *o = store_outcome(r->store, r->arena, id, e);

		if (!o)
			return -1;
		*name = arena_printf(r->arena, "Outcome %d: %s", o->number, o->text);
		*back = *after = "/outcomes";
		return 0;
	}
	}
}

static size_t removable_kind(struct req *r)
{
	for (size_t i = 0; i < ARRAY_SIZE(removables); i++)
		if (strcmp(r->route->pattern, removables[i].pattern) == 0)
			return i;
	return ARRAY_SIZE(removables) - 1;
}

void page_remove_confirm(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct form fm = { r, b, NULL, false, labels };
	struct err e = ERR_INIT;
	size_t kind = removable_kind(r);
	const char *what = removables[kind].what, *name, *back, *after;

	if (removed_object(r, kind, &name, &back, &after, &e) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, arena_printf(r->arena, "Remove the %s", what),
		   kind >= 3 ? "outcomes" : "plans");
	html(b, "<a class=\"back-link\" href=\"%s\">Back</a>\n"
		"<div class=\"grid-row\"><div class=\"column-two-thirds\">\n"
		"<h1>Remove the %s?</h1>\n",
	     back, what);
	html_summary_begin(b);
	html_row_begin(b, arena_printf(r->arena, "The %s", what));
	html(b, "%s", name);
	html_row_end(b);
	html_summary_end(b);
	html(b, "<div class=\"warning-text\"><span class=\"warning-text__icon\" "
		"aria-hidden=\"true\">!</span><strong><span class=\"visually-hidden\">"
		"Warning</span>If other records refer to this %s, it is archived: "
		"it leaves the lists but stays readable, and nothing that refers to "
		"it is lost. Otherwise it is deleted. Either way the change is "
		"recorded.</strong></div>\n",
	     what);
	form_begin(&fm, r->path);
	form_end(&fm, arena_printf(r->arena, "Remove the %s", what), back);
	html_raw(b, "</div></div>\n");
	page_end(r, w);
}

void page_remove(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	size_t kind = removable_kind(r);
	const char *name, *back, *after;
	bool archived;

	if (removed_object(r, kind, &name, &back, &after, &e) < 0 ||
	    removables[kind].remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
				    &e) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	resp_redirect(w, r->arena, after);
}
