/*
 * page_people_edit.c: the forms that edit the partnership, its
 * organisations, people and boards, and the check-your-answers page
 * before anything is deleted or archived (organisations, people, boards,
 * funds, awards, actions).  GOV.UK patterns as in page_funding.c: an
 * error summary, the message by each field, what was typed kept.
 */
#include "base/text.h"
#include "pages.h"
#include "store/store_action.h"
#include "store/store_fund.h"
#include "store/store_governance.h"
#include "store/store_people.h"

static const struct option labels[] = {
	{ "name", "Name" },           { "area", "Area" },
	{ "description", "Description" },
	{ "former_names", "Former names" },
	{ "short_name", "Short name" }, { "sector", "Sector" },
	{ "member", "Partnership member" }, { "note", "Note" },
	{ "role", "Role" },           { "organisation_id", "Organisation" },
	{ "kind", "Kind" },           { "reports_to_id", "Reports to" },
	{ "chair_id", "Chair" },      { "terms_of_reference", "Terms of reference" },
	{ "member_ids", "Members" },  { "id", "This record" },
	{ NULL, NULL },
};

/* The page's frame: back link, error summary, heading. */
static void form_top(struct form *f, struct resp *w, const char *title,
		     const char *nav, const char *back)
{
	page_begin(f->r, w, form_title(f, title), nav);
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

/* After a failed write: true to show the form again with its problems,
 * false when the error page has been written. */
static bool failed(struct req *r, struct resp *w, const struct err_list *l)
{
	return form_user_errors(r, w, l);
}

static const char *id_text(struct req *r, int64_t id)
{
	return id ? arena_printf(r->arena, "%lld", (long long)id) : NULL;
}

/* ---------------------------------------------------------------------
 * The partnership
 */

static void partnership_form(struct req *r, struct resp *w,
			     const struct partnership *p,
			     const struct err_list *errors)
{
	struct form f = { r, &w->body, errors, errors != NULL, labels };
	struct buf former = BUF_INIT;

	for (size_t i = 0; p && i < p->n_former; i++)
		buf_printf(&former, "%s%s", i ? "\n" : "", p->former_plain[i]);
	form_top(&f, w, p ? "Change the partnership" : "Set up the partnership",
		 "organisations", "/organisations");
	form_begin(&f, "/partnership");
	form_input(&f, "name", "Name", "For example, Safer Testshire Partnership.",
		   p ? p->name : NULL, NULL);
	form_input(&f, "area", "Area", "The district it serves.",
		   p ? p->area : NULL, "20");
	form_textarea(&f, "description", "Description (optional)", NULL,
		      p ? p->description : NULL);
	form_textarea(&f, "former_names", "Former names (optional)",
		      "One a line: the names the partnership had before.",
		      former.ptr);
	form_bottom(&f, w, p ? "Save changes" : "Set up the partnership",
		    "/organisations");
	buf_release(&former);
}

void page_partnership_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct partnership *p = store_partnership(r->store, r->arena, &e);

	if (!p && e.code != ERR_NOT_FOUND) {
		web_store_error(r, w, &e);
		return;
	}
	partnership_form(r, w, p, NULL);
}

void page_partnership_save(struct req *r, struct resp *w)
{
	struct partnership_input in = { 0 };
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	const char *former = form_read_text(r, "former_names");
	const char **names = NULL;
	size_t n = 0;

	in.set = PARTNERSHIP_NAME | PARTNERSHIP_AREA | PARTNERSHIP_DESCRIPTION |
		 PARTNERSHIP_FORMER_NAMES;
	in.name = form_read_text(r, "name");
	in.area = form_read_text(r, "area");
	in.description = form_read_text(r, "description");
	/* One name a line, blank lines left out. */
	if (former) {
		char *copy = arena_strdup(r->arena, former), *line = copy;

		names = arena_array(r->arena, strlen(copy) + 1, sizeof(*names));
		while (line) {
			char *next = strchr(line, '\n');

			if (next)
				*next++ = '\0';
			while (*line == ' ')
				line++;
			if (*line)
				names[n++] = line;
			line = next;
		}
	}
	in.former_names = names;
	in.n_former = n;
	if (store_partnership_update(r->store, &in, NULL, &e) < 0) {
		err_list_add(&l, &e);
		if (!failed(r, w, &l))
			return;
		partnership_form(r, w, store_partnership(r->store, r->arena, &e), &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena, "/organisations?saved=1");
}

/* ---------------------------------------------------------------------
 * Organisations
 */

static void organisation_form(struct req *r, struct resp *w,
			      const struct organisation *o,
			      const struct err_list *errors)
{
	struct form f = { r, &w->body, errors, errors != NULL, labels };
	static const struct choice yes_no[] = {
		{ "yes", "Yes" }, { "no", "No" }, { NULL, NULL },
	};
	const char *action = o ? arena_printf(r->arena, "/organisations/%lld",
					      (long long)o->id)
			       : "/organisations";

	form_top(&f, w, o ? "Change an organisation" : "Add an organisation",
		 "organisations", "/organisations");
	form_begin(&f, action);
	form_input(&f, "name", "Name", NULL, o ? o->name : NULL, NULL);
	form_input(&f, "short_name", "Short name (optional)",
		   "For example, GMP.", o ? o->short_name : NULL, "10");
	form_select_choice(&f, "sector", "Sector", NULL, org_sectors,
			   o ? NULL : "Choose a sector", o ? o->sector : NULL);
	form_select_choice(&f, "member", "Partnership member", NULL, yes_no, NULL,
			   !o || o->is_member ? "yes" : "no");
	form_textarea(&f, "note", "Note (optional)", NULL, o ? o->note : NULL);
	form_bottom(&f, w, o ? "Save changes" : "Add organisation",
		    "/organisations");
}

static void read_organisation(struct req *r, struct organisation_input *in)
{
	const char *member = form_read_text(r, "member");

	memset(in, 0, sizeof(*in));
	in->set = ORG_NAME | ORG_SHORT_NAME | ORG_SECTOR | ORG_MEMBER | ORG_NOTE;
	in->name = form_read_text(r, "name");
	in->short_name = form_read_text(r, "short_name");
	in->sector = form_read_text(r, "sector");
	in->is_member = !member || strcmp(member, "no") != 0;
	in->note = form_read_text(r, "note");
}

void page_organisation_new(struct req *r, struct resp *w)
{
	organisation_form(r, w, NULL, NULL);
}

void page_organisation_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct organisation *o = store_organisation(r->store, r->arena, r->ids[0], &e);

	if (!o)
		web_store_error(r, w, &e);
	else
		organisation_form(r, w, o, NULL);
}

/* POST /organisations (create) and /organisations/{id} (save). */
void page_organisation_save(struct req *r, struct resp *w)
{
	struct organisation_input in;
	struct organisation *o = NULL;
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id = r->n_ids ? r->ids[0] : 0;

	if (id && !(o = store_organisation(r->store, r->arena, id, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	read_organisation(r, &in);
	if (id ? store_organisation_update(r->store, id, &in, &e) < 0
	       : store_organisation_create(r->store, &in, &id, &e) < 0) {
		err_list_add(&l, &e);
		if (!failed(r, w, &l))
			return;
		organisation_form(r, w, o, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena, "/organisations?saved=1");
}

/* ---------------------------------------------------------------------
 * People
 */

static void person_form(struct req *r, struct resp *w, const struct person *p,
			const struct err_list *errors)
{
	struct form f = { r, &w->body, errors, errors != NULL, labels };
	struct err e = ERR_INIT;
	size_t n;
	struct organisation *orgs = store_organisations(r->store, r->arena, &n, &e);
	struct option *opts;

	if (!orgs) {
		web_store_error(r, w, &e);
		return;
	}
	opts = arena_array(r->arena, n + 1, sizeof(*opts));
	for (size_t i = 0; i < n; i++) {
		opts[i].value = id_text(r, orgs[i].id);
		opts[i].label = orgs[i].name;
	}
	form_top(&f, w, p ? "Change a person" : "Add a person", "organisations",
		 "/organisations");
	form_begin(&f, p ? arena_printf(r->arena, "/people/%lld", (long long)p->id)
			 : "/people");
	form_input(&f, "name", "Name", NULL, p ? p->name : NULL, NULL);
	form_input(&f, "role", "Role (optional)",
		   "For example, Community Safety Manager.", p ? p->role : NULL,
		   NULL);
	form_select(&f, "organisation_id", "Organisation (optional)", NULL, opts, n,
		    "None", p ? id_text(r, p->organisation_id) : NULL);
	form_bottom(&f, w, p ? "Save changes" : "Add person", "/organisations");
}

void page_person_new(struct req *r, struct resp *w)
{
	person_form(r, w, NULL, NULL);
}

void page_person_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct person *p = store_person(r->store, r->arena, r->ids[0], &e);

	if (!p)
		web_store_error(r, w, &e);
	else
		person_form(r, w, p, NULL);
}

void page_person_save(struct req *r, struct resp *w)
{
	struct person_input in = { 0 };
	struct person *p = NULL;
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id = r->n_ids ? r->ids[0] : 0;

	if (id && !(p = store_person(r->store, r->arena, id, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	in.set = PERSON_NAME | PERSON_ROLE | PERSON_ORGANISATION;
	in.name = form_read_text(r, "name");
	in.role = form_read_text(r, "role");
	form_read_id(r, "organisation_id", &in.organisation_id, &l);
	if (!l.n && (id ? store_person_update(r->store, id, &in, &e) < 0
			: store_person_create(r->store, &in, &id, &e) < 0))
		err_list_add(&l, &e);
	if (l.n) {
		if (!failed(r, w, &l))
			return;
		person_form(r, w, p, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena, "/organisations?saved=1");
}

/* ---------------------------------------------------------------------
 * Boards
 */

/* Whether person id is among the members to show: those posted when the
 * form came back, else the board's. */
static bool member_checked(const struct form *f, const struct board *b,
			   int64_t id)
{
	if (f->from_post) {
		char v[24];

		snprintf(v, sizeof(v), "%lld", (long long)id);
		for (size_t i = 0; i < f->r->n_form; i++)
			if (strcmp(f->r->form[i].key, "member_ids") == 0 &&
			    strcmp(f->r->form[i].value, v) == 0)
				return true;
		return false;
	}
	for (size_t i = 0; b && i < b->n_members; i++)
		if (b->members[i].person_id == id)
			return true;
	return false;
}

static void board_form(struct req *r, struct resp *w, const struct board *b,
		       const struct err_list *errors)
{
	struct form f = { r, &w->body, errors, errors != NULL, labels };
	struct buf *out = &w->body;
	struct err e = ERR_INIT;
	size_t n_people, n_boards;
	struct person *people = store_people(r->store, r->arena, 0, &n_people, &e);
	struct board *boards = people ? store_boards(r->store, r->arena, &n_boards, &e)
				      : NULL;
	struct option *popts, *bopts;
	size_t nb = 0;
	const struct err *err = NULL;

	if (!boards) {
		web_store_error(r, w, &e);
		return;
	}
	popts = arena_array(r->arena, n_people + 1, sizeof(*popts));
	for (size_t i = 0; i < n_people; i++) {
		popts[i].value = id_text(r, people[i].id);
		popts[i].label = people[i].name;
	}
	bopts = arena_array(r->arena, n_boards + 1, sizeof(*bopts));
	for (size_t i = 0; i < n_boards; i++) {
		if (b && boards[i].id == b->id)
			continue;
		bopts[nb].value = id_text(r, boards[i].id);
		bopts[nb++].label = boards[i].name;
	}
	form_top(&f, w, b ? "Change a board" : "Add a board", "governance",
		 "/governance");
	form_begin(&f, b ? arena_printf(r->arena, "/boards/%lld", (long long)b->id)
			 : "/boards");
	form_input(&f, "name", "Name", NULL, b ? b->name : NULL, NULL);
	form_select_choice(&f, "kind", "Kind", NULL, board_kinds,
			   b ? NULL : "Choose a kind", b ? b->kind : NULL);
	form_select(&f, "reports_to_id", "Reports to (optional)", NULL, bopts, nb,
		    "Nobody", b ? id_text(r, b->parent_id) : NULL);
	form_select(&f, "chair_id", "Chair (optional)", NULL, popts, n_people,
		    "Not recorded", b ? id_text(r, b->chair_id) : NULL);
	for (size_t i = 0; errors && i < errors->n; i++)
		if (strcmp(errors->v[i].field, "member_ids") == 0)
			err = &errors->v[i];
	html(out, "<div class=\"form-group%s\" id=\"member_ids\"><fieldset "
		  "class=\"fieldset\"><legend class=\"fieldset__legend\">Members"
		  "</legend>\n",
	     err ? " form-group--error" : "");
	if (err)
		html(out, "<p class=\"error-message\" id=\"member_ids-error\">"
			  "<span class=\"visually-hidden\">Error:</span> %s</p>\n",
		     err->msg);
	if (!n_people)
		html_raw(out, "<p class=\"hint\">Nobody has been added yet: <a "
			      "href=\"/people/new\">add a person</a> first.</p>\n");
	for (size_t i = 0; i < n_people; i++)
		html(out, "<div><label class=\"label checkbox-label\" "
			  "for=\"member-%lld\"><input type=\"checkbox\" "
			  "id=\"member-%lld\" name=\"member_ids\" value=\"%lld\"%s> "
			  "%s</label></div>\n",
		     (long long)people[i].id, (long long)people[i].id,
		     (long long)people[i].id,
		     member_checked(&f, b, people[i].id) ? " checked" : "",
		     people[i].name);
	html_raw(out, "</fieldset></div>\n");
	form_textarea(&f, "terms_of_reference", "Terms of reference (optional)",
		      NULL, b ? b->terms_of_reference : NULL);
	form_bottom(&f, w, b ? "Save changes" : "Add board", "/governance");
}

void page_board_new(struct req *r, struct resp *w)
{
	board_form(r, w, NULL, NULL);
}

void page_board_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct board *b = store_board(r->store, r->arena, r->ids[0], &e);

	if (!b)
		web_store_error(r, w, &e);
	else
		board_form(r, w, b, NULL);
}

void page_board_save(struct req *r, struct resp *w)
{
	struct board_input in = { 0 };
	struct board *b = NULL;
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id = r->n_ids ? r->ids[0] : 0, *members;
	size_t n = 0;

	if (id && !(b = store_board(r->store, r->arena, id, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	in.set = BOARD_NAME | BOARD_KIND | BOARD_REPORTS_TO | BOARD_CHAIR |
		 BOARD_TERMS | BOARD_MEMBERS;
	in.name = form_read_text(r, "name");
	in.kind = form_read_text(r, "kind");
	in.terms_of_reference = form_read_text(r, "terms_of_reference");
	form_read_id(r, "reports_to_id", &in.parent_id, &l);
	form_read_id(r, "chair_id", &in.chair_id, &l);
	members = arena_array(r->arena, r->n_form + 1, sizeof(*members));
	for (size_t i = 0; i < r->n_form; i++) {
		if (strcmp(r->form[i].key, "member_ids") != 0)
			continue;
		if (text_int64(r->form[i].value, 1, INT64_MAX, &members[n],
			       "member_ids", &e) < 0) {
			err_list_add(&l, &e);
			break;
		}
		n++;
	}
	in.member_ids = members;
	in.n_members = n;
	if (!l.n && (id ? store_board_update(r->store, id, &in, &e) < 0
			: store_board_create(r->store, &in, &id, &e) < 0))
		err_list_add(&l, &e);
	if (l.n) {
		if (!failed(r, w, &l))
			return;
		board_form(r, w, b, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/governance?saved=1#board-%lld",
				   (long long)id));
}

/* ---------------------------------------------------------------------
 * Delete or archive: check your answers, then do it
 */

enum removable { RM_ORGANISATION, RM_PERSON, RM_BOARD, RM_FUND, RM_AWARD,
		 RM_ACTION };

static const struct {
	const char *what;    /* "organisation" */
	const char *path;    /* "/organisations/%lld" */
	const char *back;    /* where to go after */
	const char *nav;
	const char *archived_because;
	int (*remove)(struct store *, int64_t, enum remove_how, bool *,
		      struct err *);
} removables[] = {
	[RM_ORGANISATION] = { "organisation", "/organisations/%lld",
			      "/organisations", "organisations",
			      "people belong to it", store_organisation_remove },
	[RM_PERSON] = { "person", "/people/%lld", "/organisations",
			"organisations",
			"they own an action, lead a theme, chair or sit on a "
			"board, or wrote a progress update",
			store_person_remove },
	[RM_BOARD] = { "board", "/boards/%lld", "/governance", "governance",
		       "a subgroup reports to it or a plan was approved by it",
		       store_board_remove },
	[RM_FUND] = { "funding stream", "/funds/%lld", "/funding", "funding",
		      "awards were made from it", store_fund_remove },
	[RM_AWARD] = { "award", "/awards/%lld", "/funding", "funding", NULL,
		       store_award_remove },
	[RM_ACTION] = { "action", "/actions/%lld", "/actions", "actions",
			"it has progress updates", store_action_remove },
};

/* The name of the object to take away, or NULL with e set. */
static const char *removable_name(struct req *r, enum removable k, int64_t id,
				  struct err *e)
{
	switch (k) {
	case RM_ORGANISATION: {
		struct organisation *o = store_organisation(r->store, r->arena, id, e);
		return o ? o->name : NULL;
	}
	case RM_PERSON: {
		struct person *p = store_person(r->store, r->arena, id, e);
		return p ? p->name : NULL;
	}
	case RM_BOARD: {
		struct board *b = store_board(r->store, r->arena, id, e);
		return b ? b->name : NULL;
	}
	case RM_FUND: {
		struct fund *f = store_fund(r->store, r->arena, id, e);
		return f ? arena_printf(r->arena, "%s (%s)", f->name, f->year) : NULL;
	}
	case RM_AWARD: {
		struct award *a = store_award(r->store, r->arena, id, e);
		return a ? arena_printf(r->arena, "%s, from %s", a->recipient,
					a->fund_name) : NULL;
	}
	case RM_ACTION: {
		struct action *a = store_action(r->store, r->arena, id, r->today, e);
		return a ? a->title : NULL;
	}
	}
	return NULL;
}

static void remove_confirm(struct req *r, struct resp *w, enum removable k)
{
	struct err e = ERR_INIT;
	const char *name = removable_name(r, k, r->ids[0], &e);
	struct form f = { r, &w->body, NULL, false, labels };
	const char *self, *title;

	if (!name) {
		web_store_error(r, w, &e);
		return;
	}
	self = arena_printf(r->arena, removables[k].path, (long long)r->ids[0]);
	title = arena_printf(r->arena, "Delete this %s?", removables[k].what);
	page_begin(r, w, title, removables[k].nav);
	html(f.b, "<a class=\"back-link\" href=\"%s\">Back</a>\n"
		  "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n"
		  "<h1>%s</h1>\n",
	     removables[k].back, title);
	html_summary_begin(f.b);
	html_row_text(f.b, "Name", name);
	html_summary_end(f.b);
	if (removables[k].archived_because)
		html(f.b, "<p>If nothing else refers to it, it is deleted. If "
			  "something does (%s), it is archived instead: it leaves "
			  "the lists but stays on record, and so does everything "
			  "that refers to it.</p>\n",
		     removables[k].archived_because);
	else
		html_raw(f.b, "<p>It is deleted.</p>\n");
	html_raw(f.b, "<p>The change is kept in the record of changes.</p>\n");
	form_begin(&f, arena_printf(r->arena, "%s/delete", self));
	html(f.b, "<div class=\"button-group\">\n<button type=\"submit\" "
		  "class=\"button button--warning\">Delete %s</button>\n"
		  "<a href=\"%s\">Cancel</a>\n</div>\n</form>\n",
	     removables[k].what, removables[k].back);
	html_raw(f.b, "</div></div>\n");
	page_end(r, w);
}

static void remove_do(struct req *r, struct resp *w, enum removable k)
{
	struct err e = ERR_INIT;
	bool archived = false;

	if (removables[k].remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
				 &e) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "%s?%s=1", removables[k].back,
				   archived ? "archived" : "deleted"));
}

#define REMOVE_PAGES(fn, kind)                                  \
	void page_##fn##_delete(struct req *r, struct resp *w)  \
	{                                                       \
		remove_confirm(r, w, kind);                     \
	}                                                       \
	void page_##fn##_remove(struct req *r, struct resp *w)  \
	{                                                       \
		remove_do(r, w, kind);                          \
	}

REMOVE_PAGES(organisation, RM_ORGANISATION)
REMOVE_PAGES(person, RM_PERSON)
REMOVE_PAGES(board, RM_BOARD)
REMOVE_PAGES(fund, RM_FUND)
REMOVE_PAGES(award, RM_AWARD)
REMOVE_PAGES(action, RM_ACTION)
