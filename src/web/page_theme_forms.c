/*
 * page_theme_forms.c: the forms that add and change a plan's themes
 * (name, description, lead) and their priority areas (name, description
 * and, as checkboxes, the outcomes they contribute to).
 */
#include "base/text.h"
#include "pages.h"
#include "store/store_outcome.h"
#include "store/store_people.h"
#include "store/store_plan.h"

static const struct option labels[] = {
	{ "name", "Name" },
	{ "description", "Description" },
	{ "lead_id", "Theme lead" },
	{ "outcome_ids", "Outcomes" },
	{ NULL, NULL },
};

/* ---------------------------------------------------------------------
 * Themes
 */

static void theme_form(struct req *r, struct resp *w, const struct plan *p,
		       const struct theme *t, const struct err_list *errors)
{
	struct buf *b = &w->body;
	struct form fm = { r, b, errors, errors != NULL, labels };
	const char *title = t ? "Change the theme" : "Add a theme";
	const char *back = t ? arena_printf(r->arena, "/themes/%lld", (long long)t->id)
			     : arena_printf(r->arena, "/plans/%lld", (long long)p->id);
	struct err e = ERR_INIT;
	struct person *people;
	size_t n;

	if (!(people = store_people(r->store, r->arena, 0, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, form_title(&fm, title), "plans");
	html(b, "<a class=\"back-link\" href=\"%s\">Back</a>\n"
		"<div class=\"grid-row\"><div class=\"column-two-thirds\">\n",
	     back);
	form_error_summary(&fm);
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>%s</h1>\n", p->title, title);
	form_begin(&fm, t ? back : arena_printf(r->arena, "/plans/%lld/themes",
						(long long)p->id));
	form_input(&fm, "name", "Name", "For example, Protecting vulnerable people",
		   t ? t->name : NULL, NULL);
	form_textarea(&fm, "description", "Description (optional)", NULL,
		      t ? t->description : NULL);
	form_select_begin(&fm, "lead_id", "Theme lead (optional)",
			  n ? NULL : "Nobody has been recorded yet.", NULL);
	{
		const char *stored = t && t->lead_id
			? arena_printf(r->arena, "%lld", (long long)t->lead_id) : "";
		const char *cur = form_value(&fm, "lead_id", stored);

		form_option(&fm, "", "None", !cur || !*cur);
		for (size_t i = 0; i < n; i++) {
			const char *v = arena_printf(r->arena, "%lld",
						     (long long)people[i].id);

			form_option(&fm, v,
				    people[i].role
					    ? arena_printf(r->arena, "%s, %s",
							   people[i].name,
							   people[i].role)
					    : people[i].name,
				    cur && strcmp(cur, v) == 0);
		}
	}
	form_select_end(&fm);
	form_end(&fm, t ? "Save changes" : "Add theme", back);
	html_raw(b, "</div></div>\n");
	page_end(r, w);
}

static void read_theme_form(struct req *r, int64_t plan_id, int64_t id,
			    struct theme_input *in, struct err_list *l)
{
	memset(in, 0, sizeof(*in));
	in->set = THEME_NAME | THEME_DESCRIPTION | THEME_LEAD;
	in->name = form_read_text(r, "name");
	in->description = form_read_text(r, "description");
	form_read_id(r, "lead_id", &in->lead_id, l);
	if (!l->n)
		store_theme_check(r->store, plan_id, id, in, l);
}

static void theme_failed(struct req *r, struct resp *w, const struct plan *p,
			 const struct theme *t, const struct err_list *l)
{
	if (!form_user_errors(r, w, l))
		return;
	theme_form(r, w, p, t, l);
	w->status = form_failed_status(l);
}

void page_theme_new(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct plan *p = store_plan(r->store, r->arena, r->ids[0], r->today, &e);

	if (!p)
		web_store_error(r, w, &e);
	else
		theme_form(r, w, p, NULL, NULL);
}

void page_theme_create(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct plan *p = store_plan(r->store, r->arena, r->ids[0], r->today, &e);
	struct theme_input in;
	int64_t id;

	if (!p) {
		web_store_error(r, w, &e);
		return;
	}
	read_theme_form(r, p->id, 0, &in, &l);
	if (!l.n && store_theme_create(r->store, p->id, in.name, in.description,
				       in.lead_id, &id, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		theme_failed(r, w, p, NULL, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/plans/%lld?saved=1", (long long)p->id));
}

/* Theme r->ids[0] and its plan; false (the error page written) if
 * either is not there. */
static bool theme_and_plan(struct req *r, struct resp *w, struct theme **t,
			   struct plan **p)
{
	struct err e = ERR_INIT;

	if (!(*t = store_theme(r->store, r->arena, r->ids[0], &e)) ||
	    !(*p = store_plan(r->store, r->arena, (*t)->plan_id, r->today, &e))) {
		web_store_error(r, w, &e);
		return false;
	}
	return true;
}

void page_theme_edit(struct req *r, struct resp *w)
{
	struct theme *t;
	struct plan *p;

	if (theme_and_plan(r, w, &t, &p))
		theme_form(r, w, p, t, NULL);
}

void page_theme_save(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct theme_input in;
	struct theme *t;
	struct plan *p;

	if (!theme_and_plan(r, w, &t, &p))
		return;
	read_theme_form(r, p->id, t->id, &in, &l);
	if (!l.n && store_theme_update(r->store, t->id, &in, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		theme_failed(r, w, p, t, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/themes/%lld?saved=1", (long long)t->id));
}

/* ---------------------------------------------------------------------
 * Priority areas
 */

/* Whether outcome id is among the ids. */
static bool has_id(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* The checkboxes of every outcome, grouped by framework, those in ids
 * ticked. */
static void outcome_checkboxes(struct form *fm, const struct framework *f,
			       size_t n, const int64_t *ids, size_t n_ids)
{
	struct buf *b = fm->b;
	bool any = false;

	html_raw(b, "<div class=\"form-group\" id=\"outcome_ids\">\n"
		    "<fieldset class=\"fieldset\" aria-describedby=\"outcome_ids-hint\">\n"
		    "<legend class=\"label\">Outcomes it contributes to (optional)</legend>\n");
	for (size_t i = 0; i < n; i++)
		for (size_t g = 0; g < f[i].n_groups; g++)
			any |= f[i].groups[g].n_outcomes > 0;
	html(b, "<div class=\"hint\" id=\"outcome_ids-hint\">%s</div>\n",
	     any ? "Tick each outcome of the frameworks that this priority area "
		   "contributes to."
		 : "No outcomes have been recorded: add a framework and its "
		   "outcomes first.");
	for (size_t i = 0; i < n; i++) {
		html(b, "<p class=\"body-s\"><strong>%s</strong></p>\n", f[i].name);
		for (size_t g = 0; g < f[i].n_groups; g++)
			for (size_t k = 0; k < f[i].groups[g].n_outcomes; k++) {
				const struct outcome *o = &f[i].groups[g].outcomes[k];

				html(b, "<div><label class=\"label checkbox-label\" "
					"for=\"outcome-%lld\"><input type=\"checkbox\" "
					"id=\"outcome-%lld\" name=\"outcome_ids\" "
					"value=\"%lld\"%s> Outcome %d: %s</label></div>\n",
				     (long long)o->id, (long long)o->id,
				     (long long)o->id,
				     has_id(ids, n_ids, o->id) ? " checked" : "",
				     o->number, o->text);
			}
	}
	html_raw(b, "</fieldset>\n</div>\n");
}

/* The outcome ids ticked in the posted form (in the request's arena). */
static void read_outcome_ids(struct req *r, struct priority_input *in,
			     struct err_list *l)
{
	int64_t *ids = arena_array(r->arena, r->n_form + 1, sizeof(*ids));

	in->outcome_ids = ids;
	in->n_outcome_ids = 0;
	for (size_t i = 0; i < r->n_form; i++) {
		int64_t id;

		if (strcmp(r->form[i].key, "outcome_ids") != 0)
			continue;
		if (text_int64(r->form[i].value, 1, INT64_MAX, &id, "outcome_ids",
			       NULL) < 0) {
			form_problem(l, "outcome_ids", "must be chosen from the list");
			return;
		}
		ids[in->n_outcome_ids++] = id;
	}
}

static void priority_form(struct req *r, struct resp *w, const struct theme *t,
			  const struct priority *p, const struct err_list *errors)
{
	struct buf *b = &w->body;
	struct form fm = { r, b, errors, errors != NULL, labels };
	const char *title = p ? "Change the priority area" : "Add a priority area";
	const char *back = p ? arena_printf(r->arena, "/priorities/%lld",
					    (long long)p->id)
			     : arena_printf(r->arena, "/themes/%lld", (long long)t->id);
	struct err e = ERR_INIT;
	struct framework *f;
	struct priority_input ticked = { 0 };
	size_t n;

	if (!(f = store_frameworks(r->store, r->arena, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	if (errors) {
		struct err_list ignore = { NULL, 0, 0 };

		read_outcome_ids(r, &ticked, &ignore);
	} else if (p) {
		int64_t *ids = arena_array(r->arena, p->n_outcomes + 1, sizeof(*ids));

		for (size_t i = 0; i < p->n_outcomes; i++)
			ids[i] = p->outcomes[i].id;
		ticked.outcome_ids = ids;
		ticked.n_outcome_ids = p->n_outcomes;
	}
	page_begin(r, w, form_title(&fm, title), "plans");
	html(b, "<a class=\"back-link\" href=\"%s\">Back</a>\n"
		"<div class=\"grid-row\"><div class=\"column-two-thirds\">\n",
	     back);
	form_error_summary(&fm);
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>%s</h1>\n", t->name, title);
	if (p)
		html_raw(b, "<p>A change of name or description keeps the old "
			    "wording: the theme's page can show the priority "
			    "areas as they stood on any date.</p>\n");
	form_begin(&fm, p ? back : arena_printf(r->arena, "/themes/%lld/priorities",
						(long long)t->id));
	form_input(&fm, "name", "Name", "For example, Domestic abuse",
		   p ? p->name : NULL, NULL);
	form_textarea(&fm, "description", "Description (optional)", NULL,
		      p ? p->description : NULL);
	outcome_checkboxes(&fm, f, n, ticked.outcome_ids, ticked.n_outcome_ids);
	form_end(&fm, p ? "Save changes" : "Add priority area", back);
	html_raw(b, "</div></div>\n");
	page_end(r, w);
}

static void read_priority_form(struct req *r, int64_t theme_id, int64_t id,
			       struct priority_input *in, struct err_list *l)
{
	memset(in, 0, sizeof(*in));
	in->set = PRIORITY_NAME | PRIORITY_DESCRIPTION | PRIORITY_OUTCOMES;
	in->name = form_read_text(r, "name");
	in->description = form_read_text(r, "description");
	read_outcome_ids(r, in, l);
	if (!l->n)
		store_priority_check(r->store, theme_id, id, in, l);
}

static void priority_failed(struct req *r, struct resp *w, const struct theme *t,
			    const struct priority *p, const struct err_list *l)
{
	if (!form_user_errors(r, w, l))
		return;
	priority_form(r, w, t, p, l);
	w->status = form_failed_status(l);
}

void page_priority_new(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct theme *t = store_theme(r->store, r->arena, r->ids[0], &e);

	if (!t)
		web_store_error(r, w, &e);
	else
		priority_form(r, w, t, NULL, NULL);
}

void page_priority_create(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct theme *t = store_theme(r->store, r->arena, r->ids[0], &e);
	struct priority_input in;
	int64_t id;

	if (!t) {
		web_store_error(r, w, &e);
		return;
	}
	read_priority_form(r, t->id, 0, &in, &l);
	if (!l.n && store_priority_create(r->store, t->id, &in, &id, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		priority_failed(r, w, t, NULL, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/themes/%lld?saved=1", (long long)t->id));
}

/* Priority area r->ids[0] and its theme; false (the error page written)
 * if either is not there. */
static bool priority_and_theme(struct req *r, struct resp *w,
			       struct priority **p, struct theme **t)
{
	struct err e = ERR_INIT;

	if (!(*p = store_priority(r->store, r->arena, r->ids[0], &e)) ||
	    !(*t = store_theme(r->store, r->arena, (*p)->theme_id, &e))) {
		web_store_error(r, w, &e);
		return false;
	}
	return true;
}

void page_priority_edit(struct req *r, struct resp *w)
{
	struct priority *p;
	struct theme *t;

	if (priority_and_theme(r, w, &p, &t))
		priority_form(r, w, t, p, NULL);
}

void page_priority_save(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct priority_input in;
	struct priority *p;
	struct theme *t;

	if (!priority_and_theme(r, w, &p, &t))
		return;
	read_priority_form(r, t->id, p->id, &in, &l);
	if (!l.n && store_priority_update(r->store, p->id, &in, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		priority_failed(r, w, t, p, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/priorities/%lld?saved=1",
				   (long long)p->id));
}
