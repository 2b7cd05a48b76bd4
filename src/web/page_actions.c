/*
 * page_actions.c: the action list with its filters and CSV download, one
 * action with its progress updates, and the forms to add an action, change
 * it and add a progress update.
 */
#include "base/esc.h"
#include "base/text.h"
#include "pages.h"
#include "repr/repr.h"
#include "store/store_account.h"
#include "store/store_action.h"
#include "store/store_people.h"
#include "store/store_plan.h"

/* Field names (the API's) and the labels that start their messages. */
static const struct option labels[] = {
	{ "title", "Title" },           { "description", "Description" },
	{ "plan_id", "Plan" },          { "theme_id", "Theme" },
	{ "priority_id", "Priority area" }, { "owner_id", "Owner" },
	{ "due_on", "Due date" },       { "status", "Status" },
	{ "rag", "RAG rating" },        { "body", "Progress update" },
	{ "created_at", "Date of the update" },
	{ NULL, NULL },
};

void html_actions_table(struct buf *b, const struct action *a, size_t n,
			const char *caption)
{
	html(b, "<h2 class=\"heading-m\">%s</h2>\n", caption);
	if (!n) {
		html_raw(b, "<p>There are no actions here yet.</p>\n");
		return;
	}
	html_table_begin(b, caption, NULL, NULL);
	html(b, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
		"<th scope=\"col\">Action</th><th scope=\"col\">Theme and priority area</th>"
		"<th scope=\"col\">Owner</th><th scope=\"col\">Due</th>"
		"<th scope=\"col\">Status</th><th scope=\"col\">RAG</th>"
		"</tr></thead>\n<tbody>\n",
	     caption);
	for (size_t i = 0; i < n; i++) {
		html_raw(b, a[i].overdue ? "<tr class=\"is-overdue\">" : "<tr>");
		html(b, "<td><a href=\"/actions/%lld\">%s</a>", (long long)a[i].id,
		     a[i].title);
		if (a[i].example)
			html_example_tag(b);
		html(b, "</td><td>%s", a[i].theme_name ? a[i].theme_name : "");
		if (a[i].priority_name)
			html(b, "<br><span class=\"secondary-text\">%s</span>",
			     a[i].priority_name);
		html_raw(b, "</td><td>");
		html_person(b, a[i].owner_name, NULL, a[i].owner_organisation);
		html_raw(b, "</td><td class=\"nowrap\">");
		html_date(b, a[i].due_on);
		if (a[i].overdue)
			html_raw(b, "<br><strong class=\"tag tag--red\">Overdue</strong>");
		html_raw(b, "</td><td>");
		html_status_tag(b, a[i].status);
		html_raw(b, "</td><td>");
		html_rag_tag(b, a[i].rag);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
}

/* ---------------------------------------------------------------------
 * The list
 */

/* Read the list's filters from the query. */
static int read_filter(struct req *r, struct action_filter *f, struct err *e)
{
	const char *overdue = http_query(r, "overdue");

	memset(f, 0, sizeof(*f));
	f->today = r->today;
	f->status = http_query(r, "status");
	if (f->status && !*f->status)
		f->status = NULL;
	if (f->status && !choice_label(action_statuses, f->status))
		return err_set(e, ERR_INVALID, "status", "is not a known status");
	f->overdue = overdue && (strcmp(overdue, "1") == 0 ||
				 strcmp(overdue, "true") == 0);
	if (http_query_id(r, "plan", &f->plan_id, e) < 0 ||
	    http_query_id(r, "theme", &f->theme_id, e) < 0 ||
	    http_query_id(r, "priority", &f->priority_id, e) < 0 ||
	    http_query_id(r, "owner", &f->owner_id, e) < 0)
		return -1;
	return 0;
}

/* The query string that repeats the filter, for the CSV link. */
static const char *filter_query(struct req *r, const struct action_filter *f)
{
	struct buf q = BUF_INIT;
	const char *s;

	if (f->plan_id)
		buf_printf(&q, "&plan=%lld", (long long)f->plan_id);
	if (f->theme_id)
		buf_printf(&q, "&theme=%lld", (long long)f->theme_id);
	if (f->priority_id)
		buf_printf(&q, "&priority=%lld", (long long)f->priority_id);
	if (f->owner_id)
		buf_printf(&q, "&owner=%lld", (long long)f->owner_id);
	if (f->status) {
		buf_adds(&q, "&status=");
		esc_adds(&q, ESC_URL, f->status);
	}
	if (f->overdue)
		buf_adds(&q, "&overdue=1");
	s = arena_strdup(r->arena, q.len ? q.ptr + 1 : "");
	buf_release(&q);
	return s;
}

static const char *id_text(struct req *r, int64_t id)
{
	return arena_printf(r->arena, "%lld", (long long)id);
}

/* What the filter form offers: the plans, the themes of the plan
 * chosen, the people. */
struct filter_lists {
	struct plan *plans;
	struct theme *themes;
	struct person *people;
	size_t n_plans, n_themes, n_people;
};

static int filter_lists(struct req *r, const struct action_filter *f,
			struct filter_lists *fl, struct err *e)
{
	memset(fl, 0, sizeof(*fl));
	if (!(fl->plans = store_plans(r->store, r->arena, r->today, &fl->n_plans, e)) ||
	    !(fl->people = store_people(r->store, r->arena, 0, &fl->n_people, e)))
		return -1;
	if (f->plan_id &&
	    !(fl->themes = store_themes(r->store, r->arena, f->plan_id, false,
					&fl->n_themes, e)) &&
	    e->code != ERR_NOT_FOUND)
		return -1;
	err_clear(e);
	return 0;
}

static void filter_form(struct req *r, struct buf *b,
			const struct action_filter *f,
			const struct filter_lists *fl)
{
	struct form fm = { .r = r, .b = b };
	const struct plan *plans = fl->plans;
	const struct person *people = fl->people;
	const struct theme *themes = fl->themes;
	size_t n_plans = fl->n_plans, n_people = fl->n_people;
	size_t n_themes = fl->n_themes;

	form_begin_get(&fm, "/actions", NULL);
	form_select_begin(&fm, "plan", "Plan", NULL, NULL);
	form_option(&fm, "", "All plans", !f->plan_id);
	for (size_t i = 0; plans && i < n_plans; i++)
		form_option(&fm, id_text(r, plans[i].id), plans[i].title,
			    plans[i].id == f->plan_id);
	form_select_end(&fm);
	if (themes && n_themes) {
		form_select_begin(&fm, "theme", "Theme", NULL, NULL);
		form_option(&fm, "", "All themes", !f->theme_id);
		for (size_t i = 0; i < n_themes; i++)
			form_option(&fm, id_text(r, themes[i].id), themes[i].name,
				    themes[i].id == f->theme_id);
		form_select_end(&fm);
	} else if (f->theme_id) {
		html(b, "<input type=\"hidden\" name=\"theme\" value=\"%lld\">\n",
		     (long long)f->theme_id);
	}
	if (f->priority_id)
		html(b, "<input type=\"hidden\" name=\"priority\" value=\"%lld\">\n",
		     (long long)f->priority_id);
	form_select_begin(&fm, "status", "Status", NULL, NULL);
	form_option(&fm, "", "Any status", !f->status);
	for (size_t i = 0; action_statuses[i].code; i++)
		form_option(&fm, action_statuses[i].code, action_statuses[i].label,
			    f->status && strcmp(f->status, action_statuses[i].code) == 0);
	form_select_end(&fm);
	form_select_begin(&fm, "owner", "Owner", NULL, NULL);
	form_option(&fm, "", "Anyone", !f->owner_id);
	for (size_t i = 0; people && i < n_people; i++)
		form_option(&fm, id_text(r, people[i].id), people[i].name,
			    people[i].id == f->owner_id);
	form_select_end(&fm);
	html(b, "<div class=\"form-group\"><label class=\"label checkbox-label\" "
		"for=\"overdue\"><input type=\"checkbox\" id=\"overdue\" "
		"name=\"overdue\" value=\"1\"%s> Only overdue</label></div>\n",
	     f->overdue ? " checked" : "");
	form_end_get(&fm, "Apply filters");
}

void page_actions(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct action_filter f;
	struct filter_lists fl;
	struct action *a = NULL;
	size_t n = 0, overdue = 0, examples = 0;
	const char *q;

	if (read_filter(r, &f, &e) < 0) {
		web_error_page(r, w, 400, "The filters are not valid; choose them "
					  "from the lists.");
		return;
	}
	if (!(a = store_actions(r->store, r->arena, &f, &n, &e)) ||
	    filter_lists(r, &f, &fl, &e) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		overdue += a[i].overdue;
		examples += a[i].example;
	}
	q = filter_query(r, &f);
	page_begin(r, w, "Actions", "actions");
	html_raw(b, "<h1>Actions</h1>\n");
	filter_form(r, b, &f, &fl);
	html(b, "<p><strong>%zu</strong> action%s", n, n == 1 ? "" : "s");
	if (overdue)
		html(b, ", <strong>%zu</strong> overdue", overdue);
	if (examples == n)
		html_raw(b, ", all of them example data");
	else if (examples)
		html(b, ", <strong>%zu</strong> of them example data", examples);
	if (examples)
		html_example_tag(b);
	html(b, ". <a href=\"/actions.csv%s%s\">Download these actions as CSV</a></p>\n",
	     *q ? "?" : "", q);
	html_actions_table(b, a, n, "Actions");
	html(b, "<p><a class=\"button\" href=\"/actions/new%s%s\">Add an action</a></p>\n",
	     f.plan_id ? "?plan=" : "",
	     f.plan_id ? arena_printf(r->arena, "%lld", (long long)f.plan_id) : "");
	page_end(r, w);
}

void page_actions_csv(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct action_filter f;
	struct action *a;
	size_t n;

	if (read_filter(r, &f, &e) < 0 ||
	    !(a = store_actions(r->store, r->arena, &f, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	w->content_type = "text/csv; charset=utf-8";
	resp_header(w, "Content-Disposition",
		    "attachment; filename=\"actions.csv\"");
	repr_csv_actions(&w->body, a, n);
}

/* ---------------------------------------------------------------------
 * One action
 */

static const char *saved_message(const char *saved)
{
	if (!saved)
		return NULL;
	if (strcmp(saved, "created") == 0)
		return "The action has been added.";
	if (strcmp(saved, "changed") == 0)
		return "Your changes have been saved.";
	if (strcmp(saved, "update") == 0)
		return "The progress update has been added.";
	return NULL;
}

/* The people, as select options; -1 with e set if the store fails. */
static int people_options(struct req *r, struct option **opts, size_t *n,
			  struct err *e)
{
	size_t np = 0;
	struct person *p = store_people(r->store, r->arena, 0, &np, e);

	*n = 0;
	if (!p)
		return -1;
	*opts = arena_array(r->arena, np + 1, sizeof(**opts));
	for (size_t i = 0; i < np; i++) {
		(*opts)[*n].value = arena_printf(r->arena, "%lld", (long long)p[i].id);
		(*opts)[*n].label = p[i].organisation
			? arena_printf(r->arena, "%s (%s)", p[i].name, p[i].organisation)
			: p[i].name;
		(*n)++;
	}
	return 0;
}

/* The progress update form; false (e set) if the store fails. */
static bool update_form(struct form *f, const struct action *a, struct err *e)
{
	struct req *r = f->r;
	struct buf *b = f->b;

	UNUSED(e);
	html_raw(b, "<h2 class=\"heading-m\" id=\"add-update\">Add a progress "
		    "update</h2>\n");
	form_begin(f, arena_printf(r->arena, "/actions/%lld/updates",
				    (long long)a->id));
	form_textarea(f, "body", "Progress update",
		      "What has been done, what is next, anything blocking it.",
		      NULL);
	form_date(f, "created_at", "Date of the update (optional)",
		  "When the progress was made, if not today: for example, 14 6 "
		  "2021. It cannot be in the future.",
		  NULL);
	/* No author field: the update is written by whoever sends it. */
	form_select_choice(f, "status", "Status", "Leave unchanged unless the "
			   "status has moved.", action_statuses,
			   "Leave unchanged", NULL);
	form_select_choice(f, "rag", "RAG rating", NULL, rag_ratings,
			   "Leave unchanged", NULL);
	form_end(f, "Add update", NULL);
	return true;
}

/* What was saved but may not be what was meant, as GOV.UK warning text:
 * each warning a sentence.  Nothing if there are none. */
static void warnings_text(struct buf *b, const struct err_list *l)
{
	if (!l->n)
		return;
	html_raw(b, "<div class=\"warning-text action-warnings\"><span "
		    "class=\"warning-text__icon\" aria-hidden=\"true\">!</span>"
		    "<strong><span class=\"visually-hidden\">Warning</span>");
	for (size_t i = 0; i < l->n; i++) {
		const char *m = l->v[i].msg;

		html(b, "%s%c%s.", i ? " " : "",
		     m[0] >= 'a' && m[0] <= 'z' ? m[0] - 'a' + 'A' : m[0], m + 1);
	}
	html_raw(b, "</strong></div>\n");
}

static void render_action(struct req *r, struct resp *w, int64_t id,
			  const struct err_list *update_errors)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct action *a = store_action(r->store, r->arena, id, r->today, &e);
	struct action_update *u = NULL;
	size_t n = 0;
	/* ?saved= after a redirect; not on an update form shown again */
	const char *saved_param = update_errors ? NULL : http_query(r, "saved");
	const char *saved = saved_message(saved_param);
	struct form f = { r, b, update_errors, update_errors != NULL, labels };
	struct err warned[4];
	struct err_list warnings = { warned, 0, ARRAY_SIZE(warned) };

	/* Its due date against its plan's period always; its plan having
	 * ended only just after it was added. */
	bool may_update = web_may_edit(r);

	if (a && !may_update && r->auth.role == ROLE_LEAD &&
	    store_account_leads_action(r->store, r->auth.account, a->id,
				       &may_update, &e) < 0)
		a = NULL;
	if (!a || !(u = store_action_updates(r->store, r->arena, id, &n, &e)) ||
	    store_action_warnings(r->store, a->plan_id, a->due_on,
				  ACTION_WARN_DUE |
					  (saved_param && strcmp(saved_param, "created") == 0
						   ? ACTION_WARN_PLAN : 0),
				  &warnings, &e) < 0) {
		buf_reset(b);
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, form_title(&f, a->title), "actions");
	html_breadcrumbs(b, 3, (const char *const[]){
		"/actions", "Actions",
		arena_printf(r->arena, "/actions?plan=%lld", (long long)a->plan_id),
		a->plan_title, NULL, a->title });
	form_error_summary(&f);
	if (saved && !update_errors)
		html(b, "<div class=\"notification\" role=\"status\">"
			"<h2 class=\"notification__title\">Success</h2>"
			"<div class=\"notification__content\">%s</div></div>\n",
		     saved);
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>%s</h1>\n",
	     a->theme_name ? a->theme_name : a->plan_title, a->title);
	if (a->example) {
		html_raw(b, "<p>");
		html_example_tag(b);
		html_raw(b, " This action is example data, invented for the demo."
			    " It is not in the partnership's records.</p>\n");
	}
	warnings_text(b, &warnings);
	html_summary_begin(b);
	html_row_begin(b, "Status");
	html_status_tag(b, a->status);
	html_row_end(b);
	html_row_begin(b, "RAG rating");
	html_rag_tag(b, a->rag);
	html_row_end(b);
	html_row_begin(b, "Due date");
	html_date(b, a->due_on);
	if (a->overdue)
		html_raw(b, " <strong class=\"tag tag--red\">Overdue</strong>");
	html_row_end(b);
	html_row_begin(b, "Owner");
	html_person(b, a->owner_name, NULL, a->owner_organisation);
	html_row_end(b);
	html_row_begin(b, "Plan");
	html(b, "<a href=\"/plans/%lld\">%s</a>", (long long)a->plan_id,
	     a->plan_title);
	html_row_end(b);
	html_row_begin(b, "Theme");
	if (a->theme_id)
		html(b, "<a href=\"/themes/%lld\">%s</a>", (long long)a->theme_id,
		     a->theme_name);
	else
		html_raw(b, "<span class=\"secondary-text\">None</span>");
	html_row_end(b);
	html_row_begin(b, "Priority area");
	if (a->priority_id)
		html(b, "<a href=\"/priorities/%lld\">%s</a>",
		     (long long)a->priority_id, a->priority_name);
	else
		html_raw(b, "<span class=\"secondary-text\">None</span>");
	html_row_end(b);
	html_row_begin(b, "Description");
	if (a->description)
		html_paragraphs(b, a->description);
	else
		html_raw(b, "<span class=\"secondary-text\">None</span>");
	html_row_end(b);
	html_summary_end(b);
	/* Change for those who may (a lead, on their themes), delete for
	 * officers. */
	if (may_update) {
		html(b, "<p><a class=\"button button--secondary\" href=\"/actions/"
			"%lld/edit\">Change this action</a>", (long long)a->id);
		if (web_may_edit(r))
			html(b, " <a href=\"/actions/%lld/delete\">Delete this "
				"action</a>", (long long)a->id);
		html_raw(b, "</p>\n");
	}

	html_raw(b, "<h2 class=\"heading-l\" id=\"updates\">Progress updates</h2>\n");
	if (!n)
		html_raw(b, "<p>No progress updates yet.</p>\n");
	else
		html_raw(b, "<ol class=\"timeline\" reversed>\n");
	for (size_t i = 0; i < n; i++) {
		html_raw(b, "<li class=\"timeline__item\"><p class=\"timeline__title\">");
		html_date(b, arena_strndup(r->arena, u[i].created_at, 10));
		if (u[i].example)
			html_example_tag(b);
		html_raw(b, "</p><p class=\"timeline__meta\">");
		html(b, "%s", u[i].author_name ? u[i].author_name : "Author not recorded");
		if (u[i].status) {
			html_raw(b, " \xC2\xB7 status set to ");
			html_status_tag(b, u[i].status);
		}
		if (u[i].rag) {
			html_raw(b, " \xC2\xB7 RAG ");
			html_rag_tag(b, u[i].rag);
		}
		html(b, "</p><p class=\"timeline__body\">%s</p></li>\n", u[i].body);
	}
	if (n)
		html_raw(b, "</ol>\n");
	if (may_update && !update_form(&f, a, &e)) {
		buf_reset(b);
		web_store_error(r, w, &e);
		return;
	}
	web_changes_link(r, b, "action", a->id);
	page_end(r, w);
}

void page_action(struct req *r, struct resp *w)
{
	render_action(r, w, r->ids[0], NULL);
}

void page_action_add_update(struct req *r, struct resp *w)
{
	struct update_input in = { 0 };
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };

	in.body = form_read_text(r, "body");
	in.status = form_read_text(r, "status");
	in.rag = form_read_text(r, "rag");
	form_read_date(r, "created_at", &in.created_at, &l);
	if (!in.body) {
		err_set(&e, ERR_INVALID, "body", "must not be empty");
		err_list_add(&l, &e);
	}
	if (!l.n && store_action_add_update(r->store, r->ids[0], &in, NULL, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		if (!form_user_errors(r, w, &l))
			return;
		render_action(r, w, r->ids[0], &l);
		if (w->status == 200)
			w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/actions/%lld?saved=update#updates",
				   (long long)r->ids[0]));
}

/* ---------------------------------------------------------------------
 * Adding and changing an action
 */

/* The form for a new action (a == NULL) or for changing a. */
static void action_form(struct req *r, struct resp *w, int64_t plan_id,
			const struct action *a, const struct err_list *errors)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct plan *plan = store_plan(r->store, r->arena, plan_id, r->today, &e);
	struct form f = { r, b, errors, errors != NULL, labels };
	struct theme *themes = NULL;
	struct option *t_opts, *p_opts, *people;
	size_t n_themes = 0, n_t = 0, n_p = 0, n_people, n_pr = 0;
	const char *title = a ? "Change an action" : "Add an action";
	int64_t theme = 0, priority = 0;
	struct err warned[2];
	struct err_list warnings = { warned, 0, ARRAY_SIZE(warned) };

	if (!plan || !(themes = store_themes(r->store, r->arena, plan_id, false,
					     &n_themes, &e))) {
		buf_reset(b);
		web_store_error(r, w, &e);
		return;
	}
	for (size_t i = 0; i < n_themes; i++)
		n_pr += themes[i].n_priorities;
	t_opts = arena_array(r->arena, n_themes + 1, sizeof(*t_opts));
	p_opts = arena_array(r->arena, n_pr + 1, sizeof(*p_opts));
	for (size_t i = 0; i < n_themes; i++) {
		t_opts[n_t].value = arena_printf(r->arena, "%lld",
						 (long long)themes[i].id);
		t_opts[n_t++].label = themes[i].name;
		for (size_t k = 0; k < themes[i].n_priorities; k++) {
			p_opts[n_p].value = arena_printf(
				r->arena, "%lld", (long long)themes[i].priorities[k].id);
			p_opts[n_p++].label = arena_printf(
				r->arena, "%s (%s)", themes[i].priorities[k].name,
				themes[i].name);
		}
	}
	if (people_options(r, &people, &n_people, &e) < 0 ||
	    (!a && store_action_warnings(r->store, plan_id, NULL, ACTION_WARN_PLAN,
					 &warnings, &e) < 0)) {
		buf_reset(b);
		web_store_error(r, w, &e);
		return;
	}
	if (a) {
		theme = a->theme_id;
		priority = a->priority_id;
	} else if (!errors) {
		/* a new action: the address may choose them (?theme=), but
		 * not once the form comes back from a post */
		http_query_id(r, "theme", &theme, NULL);
		http_query_id(r, "priority", &priority, NULL);
	}

	page_begin(r, w, form_title(&f, title), "actions");
	html(b, "<a class=\"back-link\" href=\"%s\">Back</a>\n",
	     a ? arena_printf(r->arena, "/actions/%lld", (long long)a->id)
	       : "/actions");
	html_raw(b, "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n");
	form_error_summary(&f);
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>%s</h1>\n",
	     plan->title, title);
	/* A new action in a plan that has ended: allowed (to record what
	 * was done), but said before it is added. */
	if (warnings.n) {
		warnings_text(b, &warnings);
		html_raw(b, "<p>An action can still be added to it, for the record; "
			    "to add one to another plan, choose it from the "
			    "<a href=\"/plans\">plans</a>.</p>\n");
	}
	form_begin(&f, a ? arena_printf(r->arena, "/actions/%lld", (long long)a->id)
			 : "/actions");
	html(b, "<input type=\"hidden\" name=\"plan_id\" value=\"%lld\">\n",
	     (long long)plan_id);
	form_input(&f, "title", "Title", "What will be done, in a few words.",
		   a ? a->title : NULL, NULL);
	form_textarea(&f, "description", "Description (optional)", NULL,
		      a ? a->description : NULL);
	form_select(&f, "theme_id", "Theme", NULL, t_opts, n_t, "No theme",
		    theme ? arena_printf(r->arena, "%lld", (long long)theme) : NULL);
	form_select(&f, "priority_id", "Priority area (optional)",
		    "It must belong to the theme chosen above.", p_opts, n_p,
		    "None", priority ? arena_printf(r->arena, "%lld",
						    (long long)priority) : NULL);
	form_select(&f, "owner_id", "Owner", NULL, people, n_people,
		    "Not yet assigned",
		    a && a->owner_id ? arena_printf(r->arena, "%lld",
						    (long long)a->owner_id) : NULL);
	form_date(&f, "due_on", "Due date (optional)", "For example, 31 3 2021",
		  a ? a->due_on : NULL);
	form_select_choice(&f, "status", "Status", NULL, action_statuses, NULL,
			   a ? a->status : "not_started");
	form_select_choice(&f, "rag", "RAG rating", "Red, amber or green: how "
			   "likely the action is to be delivered on time.",
			   rag_ratings, "Not rated", a ? a->rag : NULL);
	form_end(&f, a ? "Save changes" : "Add action",
		 a ? arena_printf(r->arena, "/actions/%lld", (long long)a->id)
		   : "/actions");
	html_raw(b, "</div></div>\n");
	page_end(r, w);
}

void page_action_new(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	int64_t plan_id;

	if (http_query_id(r, "plan", &plan_id, &e) < 0) {
		web_error_page(r, w, 400, "The plan must be chosen from a list.");
		return;
	}
	if (!plan_id && (plan_id = store_current_plan_id(r->store, &e)) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	if (!plan_id) {
		web_error_page(r, w, 404, "There is no plan to add an action to.");
		return;
	}
	action_form(r, w, plan_id, NULL, NULL);
}

void page_action_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct action *a = store_action(r->store, r->arena, r->ids[0], r->today, &e);

	if (!a) {
		web_store_error(r, w, &e);
		return;
	}
	action_form(r, w, a->plan_id, a, NULL);
}

/* Read every field of the action form; problems go to l. */
static void read_action_form(struct req *r, struct action_input *in,
			     struct err_list *l)
{
	memset(in, 0, sizeof(*in));
	in->set = ACTION_PLAN | ACTION_THEME | ACTION_PRIORITY | ACTION_TITLE |
		  ACTION_DESCRIPTION | ACTION_OWNER | ACTION_DUE |
		  ACTION_STATUS | ACTION_RAG;
	in->title = form_read_text(r, "title");
	in->description = form_read_text(r, "description");
	in->status = form_read_text(r, "status");
	in->rag = form_read_text(r, "rag");
	form_read_id(r, "plan_id", &in->plan_id, l);
	form_read_id(r, "theme_id", &in->theme_id, l);
	form_read_id(r, "priority_id", &in->priority_id, l);
	form_read_id(r, "owner_id", &in->owner_id, l);
	form_read_date(r, "due_on", &in->due_on, l);
	/* Check what could be read, so every problem shows at once. */
	store_action_check(r->store, 0, in, l);
}

/* After a failed save: the form again, with the problems, status 400. */
static void form_failed(struct req *r, struct resp *w, int64_t plan_id,
			const struct action *a, const struct err_list *l)
{
	if (!form_user_errors(r, w, l))
		return;
	if (!plan_id) {
		web_error_page(r, w, 400, "The plan must be chosen from a list.");
		return;
	}
	action_form(r, w, plan_id, a, l);
	if (w->status == 200)
		w->status = form_failed_status(l);
}

void page_action_create(struct req *r, struct resp *w)
{
	struct action_input in;
	struct err e = ERR_INIT, errs[16];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id;

	read_action_form(r, &in, &l);
	if (!l.n && store_action_create(r->store, &in, &id, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		form_failed(r, w, in.plan_id, NULL, &l);
		return;
	}
	resp_redirect(w, r->arena, arena_printf(r->arena, "/actions/%lld?saved=created",
						(long long)id));
}

void page_action_save(struct req *r, struct resp *w)
{
	struct action_input in;
	struct err e = ERR_INIT, errs[16];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct action *a = store_action(r->store, r->arena, r->ids[0], r->today, &e);

	if (!a) {
		web_store_error(r, w, &e);
		return;
	}
	read_action_form(r, &in, &l);
	if (!l.n && store_action_update(r->store, a->id, &in, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		form_failed(r, w, a->plan_id, a, &l);
		return;
	}
	resp_redirect(w, r->arena, arena_printf(r->arena, "/actions/%lld?saved=changed",
						(long long)a->id));
}
