/*
 * page_undertaking_edit.c: the forms that add and change undertakings
 * and requests, discharge one (choosing the item that answered it), add
 * an issue and put agenda items in it.  GOV.UK patterns as in
 * page_people_edit.c: an error summary, the message by each field, what
 * was typed kept.
 */
#include "pages.h"
#include "store/store_plan.h"
#include "store/store_scrutiny.h"

static const struct option labels[] = {
	{ "kind", "Kind" },
	{ "text", "What was undertaken or requested" },
	{ "owner", "Who owes it" },
	{ "item_id", "Given at" },
	{ "due_meeting_id", "Due at a meeting" },
	{ "due_date", "Due by a date" },
	{ "note", "Note" },
	{ "status", "Status" },
	{ "discharged_by_item_id", "The item that answered it" },
	{ "discharged_on", "Discharged on" },
	{ "title", "Title" },
	{ "description", "Description" },
	{ "plan_id", "Plan" },
	{ "id", "This record" },
	{ NULL, NULL },
};

static void form_top(struct form *f, struct resp *w, const char *title,
		     const char *back)
{
	page_begin(f->r, w, form_title(f, title), "scrutiny");
	html(f->b, "<a class=\"back-link\" href=\"%s\">Back</a>\n"
		   "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n",
	     back);
	form_error_summary(f);
	html(f->b, "<h1>%s</h1>\n", title);
}

static void form_bottom(struct form *f, struct resp *w, const char *button,
			const char *cancel)
{
	form_end(f, button, cancel);
	html_raw(f->b, "</div></div>\n");
	page_end(f->r, w);
}

static const char *id_text(struct req *r, int64_t id)
{
	return id ? arena_printf(r->arena, "%lld", (long long)id) : NULL;
}

/* Options for the items, "16 Sep 2014, Executive: 7. Title", or for
 * the meetings. */
static struct option *choice_options(struct req *r, const struct item_choice *c,
				     size_t n)
{
	struct option *o = arena_array(r->arena, n + 1, sizeof(*o));

	for (size_t i = 0; i < n; i++) {
		o[i].value = id_text(r, c[i].id);
		o[i].label = c[i].number
			? arena_printf(r->arena, "%s, %s: item %s, %s", c[i].date,
				       c[i].body_name, c[i].number, c[i].title)
			: arena_printf(r->arena, "%s, %s", c[i].date,
				       c[i].body_name);
	}
	return o;
}

/* ---------------------------------------------------------------------
 * Adding and changing an undertaking
 */

static void undertaking_form(struct req *r, struct resp *w,
			     const struct undertaking *u,
			     const struct err_list *errors)
{
	struct form f = { r, &w->body, errors, errors != NULL, labels };
	struct err e = ERR_INIT;
	struct item_choice *items, *meetings;
	size_t n_items, n_meetings;
	/* A new one may come with its item or meeting (/undertakings/new?
	 * item=ID from an item's page); a form shown again shows what was
	 * posted. */
	const char *item = u ? id_text(r, u->item_id)
			     : errors ? NULL : http_query(r, "item");
	const char *meeting = u ? id_text(r, u->due_meeting_id)
				: errors ? NULL : http_query(r, "meeting");

	if (!(items = store_item_choices(r->store, r->arena, &n_items, &e)) ||
	    !(meetings = store_meeting_choices(r->store, r->arena, &n_meetings,
					       &e))) {
		web_store_error(r, w, &e);
		return;
	}
	form_top(&f, w, u ? "Change an undertaking" : "Add an undertaking",
		 u ? arena_printf(r->arena, "/undertakings/%lld", (long long)u->id)
		   : "/undertakings");
	form_begin(&f, u ? arena_printf(r->arena, "/undertakings/%lld",
					(long long)u->id)
			 : "/undertakings");
	form_select_choice(&f, "kind", "Kind",
			   "An undertaking is offered by an officer; a request "
			   "is made by members.",
			   undertaking_kinds, NULL, u ? u->kind : "undertaking");
	form_textarea(&f, "text", "What was undertaken or requested",
		      "For example, to provide a summary of the work of the "
		      "Domestic Abuse Partnership Board.",
		      u ? u->text : NULL);
	form_input(&f, "owner", "Who owes it (optional)",
		   "For example, a representative of the Director of Strategy.",
		   u ? u->owner : NULL, NULL);
	form_select(&f, "item_id", "Given at (optional)",
		    "The agenda item at which it was given.",
		    choice_options(r, items, n_items), n_items, "Not recorded",
		    item);
	form_select(&f, "due_meeting_id", "Due at a meeting (optional)", NULL,
		    choice_options(r, meetings, n_meetings), n_meetings,
		    "No meeting", meeting);
	form_date(&f, "due_date", "Or due by a date (optional)",
		  "For example, 27 3 2025. Give a meeting or a date, not both.",
		  u ? u->due_date : NULL);
	form_textarea(&f, "note", "Note (optional)", NULL, u ? u->note : NULL);
	form_bottom(&f, w, u ? "Save changes" : "Add undertaking",
		    "/undertakings");
}

void page_undertaking_new(struct req *r, struct resp *w)
{
	undertaking_form(r, w, NULL, NULL);
}

void page_undertaking_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct undertaking *u =
		store_undertaking(r->store, r->arena, r->ids[0], r->today, &e);

	if (!u)
		web_store_error(r, w, &e);
	else
		undertaking_form(r, w, u, NULL);
}

void page_undertaking_save(struct req *r, struct resp *w)
{
	struct undertaking_input in = { 0 };
	struct undertaking *u = NULL;
	struct err e = ERR_INIT, errs[10];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id = r->n_ids ? r->ids[0] : 0;

	if (id && !(u = store_undertaking(r->store, r->arena, id, r->today,
					  &e))) {
		web_store_error(r, w, &e);
		return;
	}
	in.set = UND_KIND | UND_TEXT | UND_OWNER | UND_ITEM | UND_DUE_MEETING |
		 UND_DUE_DATE | UND_NOTE;
	in.kind = form_read_text(r, "kind");
	in.text = form_read_text(r, "text");
	in.owner = form_read_text(r, "owner");
	in.note = form_read_text(r, "note");
	form_read_id(r, "item_id", &in.item_id, &l);
	form_read_id(r, "due_meeting_id", &in.due_meeting_id, &l);
	form_read_date(r, "due_date", &in.due_date, &l);
	if (!l.n && !in.text)
		form_problem(&l, "text", "Enter what was undertaken or requested");
	if (!l.n && store_undertaking_check(r->store, id, &in, &l) == 0 &&
	    (id ? store_undertaking_update(r->store, id, &in, &e) < 0
		: store_undertaking_create(r->store, &in, &id, &e) < 0))
		err_list_add(&l, &e);
	if (l.n) {
		if (!form_user_errors(r, w, &l))
			return;
		undertaking_form(r, w, u, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena, arena_printf(r->arena,
						"/undertakings/%lld?saved=1",
						(long long)id));
}

/* ---------------------------------------------------------------------
 * Discharging one
 */

static void discharge_form(struct req *r, struct resp *w,
			   const struct undertaking *u,
			   const struct err_list *errors)
{
	struct form f = { r, &w->body, errors, errors != NULL, labels };
	struct err e = ERR_INIT;
	struct item_choice *items;
	size_t n;
	const char *href = arena_printf(r->arena, "/undertakings/%lld",
					(long long)u->id);

	if (!(items = store_item_choices(r->store, r->arena, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	form_top(&f, w, "Discharge an undertaking", href);
	html(f.b, "<p class=\"lead\">%s</p>\n", u->text);
	form_begin(&f, arena_printf(r->arena, "/undertakings/%lld/discharge",
				    (long long)u->id));
	form_select(&f, "discharged_by_item_id", "The item that answered it",
		    "The agenda item whose report or discussion discharged it.",
		    choice_options(r, items, n), n, "Choose an item",
		    id_text(r, u->discharged_by_item_id));
	form_date(&f, "discharged_on", "Discharged on (optional)",
		  "Leave blank for today.", u->discharged_on);
	form_bottom(&f, w, "Discharge", href);
}

void page_undertaking_discharge(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct undertaking *u =
		store_undertaking(r->store, r->arena, r->ids[0], r->today, &e);

	if (!u)
		web_store_error(r, w, &e);
	else
		discharge_form(r, w, u, NULL);
}

void page_undertaking_discharge_save(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[4];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct undertaking *u;
	const char *on = NULL;
	int64_t by = 0;

	if (!(u = store_undertaking(r->store, r->arena, r->ids[0], r->today,
				    &e))) {
		web_store_error(r, w, &e);
		return;
	}
	form_read_id(r, "discharged_by_item_id", &by, &l);
	form_read_date(r, "discharged_on", &on, &l);
	if (!l.n && !by)
		form_problem(&l, "discharged_by_item_id",
			     "Choose the item that answered it");
	if (!l.n && store_undertaking_discharge(r->store, u->id, by, on, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		if (!form_user_errors(r, w, &l))
			return;
		discharge_form(r, w, u, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena, arena_printf(r->arena,
						"/undertakings/%lld?saved=1",
						(long long)u->id));
}

/* ---------------------------------------------------------------------
 * Issues
 */

static void issue_form(struct req *r, struct resp *w,
		       const struct err_list *errors)
{
	struct form f = { r, &w->body, errors, errors != NULL, labels };
	struct err e = ERR_INIT;
	struct plan *p;
	struct option *o;
	size_t n;

	if (!(p = store_plans(r->store, r->arena, r->today, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	o = arena_array(r->arena, n + 1, sizeof(*o));
	for (size_t i = 0; i < n; i++) {
		o[i].value = id_text(r, p[i].id);
		o[i].label = p[i].title;
	}
	form_top(&f, w, "Add an issue", "/issues");
	form_begin(&f, "/issues");
	form_input(&f, "title", "Title",
		   "For example, Domestic Abuse Strategy 2015-16.", NULL, NULL);
	form_textarea(&f, "description", "Description (optional)", NULL, NULL);
	form_select(&f, "plan_id", "Plan (optional)",
		    "The plan or strategy the issue is about.", o, n, "None",
		    NULL);
	form_bottom(&f, w, "Add issue", "/issues");
}

void page_issue_new(struct req *r, struct resp *w)
{
	issue_form(r, w, NULL);
}

void page_issue_save(struct req *r, struct resp *w)
{
	struct issue_input in = { 0 };
	struct err e = ERR_INIT, errs[6];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id = 0;

	in.set = ISSUE_TITLE | ISSUE_DESCRIPTION | ISSUE_PLAN;
	in.title = form_read_text(r, "title");
	in.description = form_read_text(r, "description");
	form_read_id(r, "plan_id", &in.plan_id, &l);
	if (!l.n && !in.title)
		form_problem(&l, "title", "Enter a title");
	if (!l.n && store_issue_create(r->store, &in, &id, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		if (!form_user_errors(r, w, &l))
			return;
		issue_form(r, w, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena, arena_printf(r->arena, "/issues/%lld?saved=1",
						(long long)id));
}

static void issue_item_form(struct req *r, struct resp *w,
			    const struct issue *x, const struct err_list *errors)
{
	struct form f = { r, &w->body, errors, errors != NULL, labels };
	struct err e = ERR_INIT;
	struct item_choice *items;
	size_t n;
	const char *href = arena_printf(r->arena, "/issues/%lld",
					(long long)x->id);

	if (!(items = store_item_choices(r->store, r->arena, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	form_top(&f, w, "Add an item to the issue", href);
	html(f.b, "<p class=\"lead\">%s</p>\n", x->title);
	form_begin(&f, arena_printf(r->arena, "/issues/%lld/items",
				    (long long)x->id));
	form_select(&f, "item_id", "Agenda item", NULL,
		    choice_options(r, items, n), n, "Choose an item", NULL);
	form_bottom(&f, w, "Add item", href);
}

void page_issue_item_new(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct issue *x = store_issue(r->store, r->arena, r->ids[0], &e);

	if (!x)
		web_store_error(r, w, &e);
	else
		issue_item_form(r, w, x, NULL);
}

void page_issue_item_save(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[4];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct issue *x;
	int64_t item = 0;

	if (!(x = store_issue(r->store, r->arena, r->ids[0], &e))) {
		web_store_error(r, w, &e);
		return;
	}
	form_read_id(r, "item_id", &item, &l);
	if (!l.n && !item)
		form_problem(&l, "item_id", "Choose an agenda item");
	if (!l.n && store_issue_add_item(r->store, x->id, item, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		if (!form_user_errors(r, w, &l))
			return;
		issue_item_form(r, w, x, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena, arena_printf(r->arena, "/issues/%lld?saved=1",
						(long long)x->id));
}
