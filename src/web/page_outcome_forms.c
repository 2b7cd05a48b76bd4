/*
 * page_outcome_forms.c: the forms that add and change outcomes
 * frameworks (name, owner, period, note) and their numbered outcomes
 * (number, text, and the group named, made if new).
 */
#include "base/text.h"
#include "pages.h"
#include "store/store_outcome.h"

static const struct option labels[] = {
	{ "name", "Name" },
	{ "owner", "Owner" },
	{ "period", "Period" },
	{ "note", "Note" },
	{ "number", "Number" },
	{ "text", "Outcome" },
	{ "group", "Group" },
	{ NULL, NULL },
};

/* ---------------------------------------------------------------------
 * Frameworks
 */

static void framework_form(struct req *r, struct resp *w,
			   const struct framework *f,
			   const struct err_list *errors)
{
	struct buf *b = &w->body;
	struct form fm = { r, b, errors, errors != NULL, labels };
	const char *title = f ? "Change the outcomes framework"
			      : "Add an outcomes framework";

	page_begin(r, w, form_title(&fm, title), "outcomes");
	html_raw(b, "<a class=\"back-link\" href=\"/outcomes\">Back</a>\n"
		    "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n");
	form_error_summary(&fm);
	html(b, "<h1>%s</h1>\n", title);
	form_begin(&fm, f ? arena_printf(r->arena, "/frameworks/%lld", (long long)f->id)
			  : "/frameworks");
	form_input(&fm, "name", "Name",
		   "For example, Police and Crime Plan 2022-25 outcomes",
		   f ? f->name : NULL, NULL);
	form_input(&fm, "owner", "Owner (optional)", "Who set the outcomes.",
		   f ? f->owner : NULL, NULL);
	form_input(&fm, "period", "Period (optional)", "For example, 2022-25",
		   f ? f->period : NULL, "10");
	form_textarea(&fm, "note", "Note (optional)", NULL, f ? f->note : NULL);
	form_end(&fm, f ? "Save changes" : "Add framework", "/outcomes");
	html_raw(b, "</div></div>\n");
	page_end(r, w);
}

static void read_framework_form(struct req *r, struct framework_input *in,
				struct err_list *l)
{
	struct err e = ERR_INIT;

	memset(in, 0, sizeof(*in));
	in->set = FRAMEWORK_NAME | FRAMEWORK_OWNER | FRAMEWORK_PERIOD |
		  FRAMEWORK_NOTE;
	in->name = form_read_text(r, "name");
	in->owner = form_read_text(r, "owner");
	in->period = form_read_text(r, "period");
	in->note = form_read_text(r, "note");
	if (text_check_line(in->name, "name", 300, true, &e) < 0)
		err_list_add(l, &e);
	if (text_check_line(in->owner, "owner", 200, false, &e) < 0)
		err_list_add(l, &e);
	if (text_check_line(in->period, "period", 40, false, &e) < 0)
		err_list_add(l, &e);
	if (text_check_block(in->note, "note", 5000, false, &e) < 0)
		err_list_add(l, &e);
}

static void framework_failed(struct req *r, struct resp *w,
			     const struct framework *f, const struct err_list *l)
{
	if (!form_user_errors(r, w, l))
		return;
	framework_form(r, w, f, l);
	w->status = form_failed_status(l);
}

void page_framework_new(struct req *r, struct resp *w)
{
	framework_form(r, w, NULL, NULL);
}

void page_framework_create(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct framework_input in;
	int64_t id;

	read_framework_form(r, &in, &l);
	if (!l.n && store_framework_create(r->store, in.name, in.owner, in.period,
					   in.note, &id, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		framework_failed(r, w, NULL, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/outcomes?saved=1#framework-%lld",
				   (long long)id));
}

void page_framework_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct framework *f = store_framework(r->store, r->arena, r->ids[0], &e);

	if (!f)
		web_store_error(r, w, &e);
	else
		framework_form(r, w, f, NULL);
}

void page_framework_save(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct framework *f = store_framework(r->store, r->arena, r->ids[0], &e);
	struct framework_input in;

	if (!f) {
		web_store_error(r, w, &e);
		return;
	}
	read_framework_form(r, &in, &l);
	if (!l.n && store_framework_update(r->store, f->id, &in, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		framework_failed(r, w, f, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/outcomes?saved=1#framework-%lld",
				   (long long)f->id));
}

/* ---------------------------------------------------------------------
 * Outcomes
 */

static void outcome_form(struct req *r, struct resp *w,
			 const struct framework *f, const struct outcome *o,
			 const struct err_list *errors)
{
	struct buf *b = &w->body;
	struct form fm = { r, b, errors, errors != NULL, labels };
	const char *title = o ? "Change the outcome" : "Add an outcome";

	page_begin(r, w, form_title(&fm, title), "outcomes");
	html_raw(b, "<a class=\"back-link\" href=\"/outcomes\">Back</a>\n"
		    "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n");
	form_error_summary(&fm);
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>%s</h1>\n", f->name, title);
	form_begin(&fm, o ? arena_printf(r->arena, "/outcomes/%lld", (long long)o->id)
			  : arena_printf(r->arena, "/frameworks/%lld/outcomes",
					 (long long)f->id));
	form_input(&fm, "number", "Number", "Unique within the framework.",
		   o ? arena_printf(r->arena, "%d", o->number) : NULL, "5");
	form_input(&fm, "text", "Outcome", "For example, People feel safe",
		   o ? o->text : NULL, NULL);
	form_input(&fm, "group", "Group",
		   f->n_groups ? arena_printf(r->arena, "A group of the framework "
					      "(for example, %s) or a new one.",
					      f->groups[0].name)
			       : "For example, Safer places. A new name makes a "
				 "new group.",
		   o ? o->group_name : NULL, NULL);
	form_end(&fm, o ? "Save changes" : "Add outcome", "/outcomes");
	if (o)
		html(b, "<p><a href=\"/outcomes/%lld/delete\">Archive or delete this "
			"outcome</a></p>\n",
		     (long long)o->id);
	html_raw(b, "</div></div>\n");
	page_end(r, w);
}

static void read_outcome_form(struct req *r, int64_t framework_id, int64_t id,
			      struct outcome_input *in, struct err_list *l)
{
	const char *number = form_read_text(r, "number");

	memset(in, 0, sizeof(*in));
	in->set = OUTCOME_NUMBER | OUTCOME_TEXT | OUTCOME_GROUP;
	in->text = form_read_text(r, "text");
	in->group = form_read_text(r, "group");
	if (!number || text_int64(number, 1, 100000, &in->number, "number",
				  NULL) < 0) {
		form_problem(l, "number", "must be a whole number, 1 or more");
		in->number = 1;
	}
	store_outcome_check(r->store, framework_id, id, in, l);
}

static void outcome_failed(struct req *r, struct resp *w,
			   const struct framework *f, const struct outcome *o,
			   const struct err_list *l)
{
	if (!form_user_errors(r, w, l))
		return;
	outcome_form(r, w, f, o, l);
	w->status = form_failed_status(l);
}

void page_outcome_new(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct framework *f = store_framework(r->store, r->arena, r->ids[0], &e);

	if (!f)
		web_store_error(r, w, &e);
	else
		outcome_form(r, w, f, NULL, NULL);
}

void page_outcome_create(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct framework *f = store_framework(r->store, r->arena, r->ids[0], &e);
	struct outcome_input in;
	int64_t id;

	if (!f) {
		web_store_error(r, w, &e);
		return;
	}
	read_outcome_form(r, f->id, 0, &in, &l);
	if (!l.n && store_outcome_add(r->store, f->id, &in, &id, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		outcome_failed(r, w, f, NULL, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/outcomes?saved=1#framework-%lld",
				   (long long)f->id));
}

/* Outcome r->ids[0] and its framework; false (the error page written)
 * if either is not there. */
static bool outcome_and_framework(struct req *r, struct resp *w,
				  struct outcome **o, struct framework **f)
{
	struct err e = ERR_INIT;

	if (!(*o = store_outcome(r->store, r->arena, r->ids[0], &e)) ||
	    !(*f = store_framework(r->store, r->arena, (*o)->framework_id, &e))) {
		web_store_error(r, w, &e);
		return false;
	}
	return true;
}

void page_outcome_edit(struct req *r, struct resp *w)
{
	struct outcome *o;
	struct framework *f;

	if (outcome_and_framework(r, w, &o, &f))
		outcome_form(r, w, f, o, NULL);
}

void page_outcome_save(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct outcome_input in;
	struct outcome *o;
	struct framework *f;

	if (!outcome_and_framework(r, w, &o, &f))
		return;
	read_outcome_form(r, f->id, o->id, &in, &l);
	if (!l.n && store_outcome_update(r->store, o->id, &in, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		outcome_failed(r, w, f, o, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/outcomes?saved=1#framework-%lld",
				   (long long)f->id));
}
