/*
 * page_meetings_edit.c: the forms that add and change committees and
 * boards, meetings (with who attended) and agenda items (the report, its
 * recommendations, the minutes and resolutions), and the check before
 * one is deleted or archived.  GOV.UK patterns as in
 * page_people_edit.c: an error summary, the message by each field, what
 * was typed kept.  Documents are attached with "safer items attach" or
 * the API: the web server reads no multipart uploads.
 */
#include <ctype.h>

#include "base/text.h"
#include "pages.h"
#include "store/store_governance.h"
#include "store/store_meeting.h"
#include "store/store_people.h"

static const struct option labels[] = {
	/* bodies */
	{ "name", "Name" },           { "kind", "Kind" },
	{ "board_id", "The partnership's board" },
	{ "chair_id", "Chair" },      { "clerk_id", "Clerk" },
	{ "members", "Members" },
	/* meetings */
	{ "body_id", "Committee or board" }, { "date", "Date" },
	{ "time", "Time" },           { "venue", "Venue" },
	{ "status", "Status" },       { "attendees", "Attendance" },
	/* items */
	{ "number", "Item number" },  { "title", "Title" },
	{ "report_of", "Report of" }, { "author", "Author" },
	{ "contact", "Contact" },     { "summary", "Summary" },
	{ "recommendations", "Recommendations" },
	{ "minutes", "Minutes" },     { "comments", "Points from the discussion" },
	{ "resolutions", "Resolutions" },
	{ "to_body_id", "Recommended to" },
	{ "note", "Note" },           { "id", "This record" },
	{ NULL, NULL },
};

static void form_top(struct form *f, struct resp *w, const char *title,
		     const char *back)
{
	page_begin(f->r, w, form_title(f, title), "meetings");
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

/* The lines of a posted text, trimmed, blank ones left out. */
static const char **lines_of(struct req *r, const char *text, size_t *n)
{
	char *copy, *line;
	const char **v;

	*n = 0;
	if (!text)
		return NULL;
	copy = arena_strdup(r->arena, text);
	v = arena_array(r->arena, strlen(copy) + 1, sizeof(*v));
	for (line = copy; line;) {
		char *next = strchr(line, '\n'), *end;

		if (next)
			*next++ = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		end = line + strlen(line);
		while (end > line && (end[-1] == ' ' || end[-1] == '\t' ||
				      end[-1] == '\r'))
			*--end = '\0';
		if (*line)
			v[(*n)++] = line;
		line = next;
	}
	return v;
}

/* Lines joined for a textarea. */
static const char *joined(struct req *r, const char *const *v, size_t n)
{
	struct buf b = BUF_INIT;
	const char *s;

	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? "\n" : "", v[i]);
	s = n ? arena_strdup(r->arena, b.ptr) : NULL;
	buf_release(&b);
	return s;
}

/* The people as options of a select; NULL with e set on failure. */
static struct option *people_options(struct req *r, size_t *n, struct err *e)
{
	struct person *p = store_people(r->store, r->arena, 0, n, e);
	struct option *o;

	if (!p)
		return NULL;
	o = arena_array(r->arena, *n + 1, sizeof(*o));
	for (size_t i = 0; i < *n; i++) {
		o[i].value = id_text(r, p[i].id);
		o[i].label = p[i].name;
	}
	return o;
}

static struct option *bodies_options(struct req *r, size_t *n, struct err *e)
{
	struct body *x = store_bodies(r->store, r->arena, n, e);
	struct option *o;

	if (!x)
		return NULL;
	o = arena_array(r->arena, *n + 1, sizeof(*o));
	for (size_t i = 0; i < *n; i++) {
		o[i].value = id_text(r, x[i].id);
		o[i].label = x[i].name;
	}
	return o;
}

/* After a failed write: show the form again (true) or the error page. */
static bool failed(struct req *r, struct resp *w, const struct err_list *l)
{
	return form_user_errors(r, w, l);
}

/* ---------------------------------------------------------------------
 * Committees and boards
 */

static bool member_checked(const struct form *f, const struct body *x,
			   int64_t id)
{
	if (f->from_post) {
		char v[24];

		snprintf(v, sizeof(v), "%lld", (long long)id);
		for (size_t i = 0; i < f->r->n_form; i++)
			if (strcmp(f->r->form[i].key, "members") == 0 &&
			    strcmp(f->r->form[i].value, v) == 0)
				return true;
		return false;
	}
	for (size_t i = 0; x && i < x->n_members; i++)
		if (x->members[i].person_id == id)
			return true;
	return false;
}

static void body_form(struct req *r, struct resp *w, const struct body *x,
		      const struct err_list *errors)
{
	struct form f = { r, &w->body, errors, errors != NULL, labels };
	struct err e = ERR_INIT;
	size_t n_people = 0, n_boards = 0;
	struct option *people = people_options(r, &n_people, &e), *bopts = NULL;
	struct board *boards = people ? store_boards(r->store, r->arena, &n_boards, &e)
				      : NULL;
	const char *back = x ? arena_printf(r->arena, "/bodies/%lld", (long long)x->id)
			     : "/bodies";
	int64_t *ids;

	if (!boards) {
		web_store_error(r, w, &e);
		return;
	}
	bopts = arena_array(r->arena, n_boards + 1, sizeof(*bopts));
	for (size_t i = 0; i < n_boards; i++) {
		bopts[i].value = id_text(r, boards[i].id);
		bopts[i].label = boards[i].name;
	}
	form_top(&f, w, x ? "Change a committee or board" : "Add a committee or board",
		 back);
	form_begin(&f, x ? back : "/bodies");
	form_input(&f, "name", "Name", "For example, Communities and Housing "
		   "Scrutiny Committee.", x ? x->name : NULL, NULL);
	form_select_choice(&f, "kind", "Kind", NULL, body_kinds,
			   x ? NULL : "Choose a kind", x ? x->kind : NULL);
	form_select(&f, "board_id", "The partnership's board (optional)",
		    "If this is one of the partnership's own boards.", bopts,
		    n_boards, "None", x ? id_text(r, x->board_id) : NULL);
	form_select(&f, "chair_id", "Chair (optional)", NULL, people, n_people,
		    "Not recorded", x ? id_text(r, x->chair_id) : NULL);
	form_select(&f, "clerk_id", "Clerk (optional)", NULL, people, n_people,
		    "Not recorded", x ? id_text(r, x->clerk_id) : NULL);
	ids = arena_array(r->arena, n_people + 1, sizeof(*ids));
	for (size_t i = 0; i < n_people; i++)
		text_int64(people[i].value, 1, INT64_MAX, &ids[i], "members", &e);
	form_checkboxes_begin(&f, "members", "Members (optional)",
			      n_people ? NULL : "Nobody has been added yet: "
						"add people under Organisations first.");
	for (size_t i = 0; i < n_people; i++)
		form_checkbox(&f, "members", people[i].value, people[i].label,
			      member_checked(&f, x, ids[i]));
	form_checkboxes_end(&f);
	form_textarea(&f, "note", "Note (optional)", NULL, x ? x->note : NULL);
	form_bottom(&f, w, x ? "Save changes" : "Add committee or board", back);
}

void page_body_new(struct req *r, struct resp *w)
{
	body_form(r, w, NULL, NULL);
}

void page_body_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct body *x = store_body(r->store, r->arena, r->ids[0], &e);

	if (!x)
		web_store_error(r, w, &e);
	else
		body_form(r, w, x, NULL);
}

void page_body_save(struct req *r, struct resp *w)
{
	struct body_input in = { 0 };
	struct body *x = NULL;
	struct body_member_input *members;
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id = r->n_ids ? r->ids[0] : 0;

	if (id && !(x = store_body(r->store, r->arena, id, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	in.set = BODY_NAME | BODY_KIND | BODY_BOARD | BODY_CHAIR | BODY_CLERK |
		 BODY_NOTE | BODY_MEMBERS;
	in.name = form_read_text(r, "name");
	in.kind = form_read_text(r, "kind");
	in.note = form_read_text(r, "note");
	form_read_id(r, "board_id", &in.board_id, &l);
	form_read_id(r, "chair_id", &in.chair_id, &l);
	form_read_id(r, "clerk_id", &in.clerk_id, &l);
	members = arena_array(r->arena, r->n_form + 1, sizeof(*members));
	for (size_t i = 0; i < r->n_form; i++) {
		struct body_member_input *m = &members[in.n_members];

		if (strcmp(r->form[i].key, "members") != 0)
			continue;
		if (text_int64(r->form[i].value, 1, INT64_MAX, &m->person_id,
			       "members", &e) < 0) {
			err_list_add(&l, &e);
			break;
		}
		/* A member keeps the role they had. */
		for (size_t k = 0; x && k < x->n_members; k++)
			if (x->members[k].person_id == m->person_id)
				m->role = x->members[k].role;
		in.n_members++;
	}
	in.members = members;
	if (!l.n && (id ? store_body_update(r->store, id, &in, &e) < 0
			: store_body_create(r->store, &in, &id, &e) < 0))
		err_list_add(&l, &e);
	if (l.n) {
		if (!failed(r, w, &l))
			return;
		body_form(r, w, x, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/bodies/%lld?saved=1", (long long)id));
}

/* ---------------------------------------------------------------------
 * Meetings
 */

/* The names of the attendees in role, one a line. */
static const char *attendees_text(struct req *r, const struct meeting *m,
				  const char *role)
{
	const char **v = m ? arena_array(r->arena, m->n_attendees + 1, sizeof(*v))
			   : NULL;
	size_t n = 0;

	for (size_t i = 0; m && i < m->n_attendees; i++)
		if (strcmp(m->attendees[i].role, role) == 0)
			v[n++] = m->attendees[i].name;
	return joined(r, v, n);
}

/* body: the committee or board to choose first on a new meeting. */
static void meeting_form(struct req *r, struct resp *w, const struct meeting *m,
			 const char *body, const struct err_list *errors)
{
	struct form f = { r, &w->body, errors, errors != NULL, labels };
	struct err e = ERR_INIT;
	size_t n_bodies;
	struct option *bodies = bodies_options(r, &n_bodies, &e);
	const char *self = m ? arena_printf(r->arena, "/meetings/%lld", (long long)m->id)
			     : NULL;
	const struct err *err = NULL;

	if (!bodies) {
		web_store_error(r, w, &e);
		return;
	}
	form_top(&f, w, m ? "Change a meeting" : "Add a meeting",
		 m ? self : "/meetings");
	if (!n_bodies) {
		html_raw(f.b, "<p>Add the committee or board first: <a href=\"/bodies/new\">"
			      "add a committee or board</a>.</p>\n");
	}
	form_begin(&f, m ? self : "/meetings");
	form_select(&f, "body_id", "Committee or board", NULL, bodies, n_bodies,
		    m ? NULL : "Choose a committee or board",
		    m ? id_text(r, m->body_id) : body);
	form_date(&f, "date", "Date", "For example, 16 9 2024.", m ? m->date : NULL);
	form_input(&f, "time", "Time (optional)", "In the 24-hour clock, for "
		   "example 18:00.", m ? m->time : NULL, "10");
	form_input(&f, "venue", "Venue (optional)", "For example, Committee "
		   "Room 2, Town Hall.", m ? m->venue : NULL, NULL);
	form_select_choice(&f, "status", "Status", NULL, meeting_statuses, NULL,
			   m ? m->status : "scheduled");
	for (size_t i = 0; errors && i < errors->n; i++)
		if (strcmp(errors->v[i].field, "attendees") == 0)
			err = &errors->v[i];
	html(f.b, "<div class=\"form-group%s\" id=\"attendees\"><fieldset "
		  "class=\"fieldset\"><legend class=\"fieldset__legend "
		  "fieldset__legend--m\">Attendance (optional)</legend>\n"
		  "<div class=\"hint\">One name a line, as the minutes give "
		  "them.</div>\n",
	     err ? " form-group--error" : "");
	if (err)
		html(f.b, "<p class=\"error-message\" id=\"attendees-error\">"
			  "<span class=\"visually-hidden\">Error:</span> Attendance %s</p>\n",
		     err->msg);
	for (const struct choice *c = attendee_roles; c->code; c++)
		form_textarea(&f, c->code, c->label, NULL,
			      attendees_text(r, m, c->code));
	html_raw(f.b, "</fieldset></div>\n");
	form_textarea(&f, "note", "Note (optional)", NULL, m ? m->note : NULL);
	form_bottom(&f, w, m ? "Save changes" : "Add meeting",
		    m ? self : "/meetings");
}

void page_meeting_new(struct req *r, struct resp *w)
{
	meeting_form(r, w, NULL, http_query(r, "body"), NULL);
}

void page_meeting_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct meeting *m = store_meeting(r->store, r->arena, r->ids[0], &e);

	if (!m)
		web_store_error(r, w, &e);
	else
		meeting_form(r, w, m, NULL, NULL);
}

void page_meeting_save(struct req *r, struct resp *w)
{
	struct meeting_input in = { 0 };
	struct meeting *m = NULL;
	struct attendee *att;
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id = r->n_ids ? r->ids[0] : 0;
	size_t cap = 0;

	if (id && !(m = store_meeting(r->store, r->arena, id, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	in.set = MEETING_BODY | MEETING_DATE | MEETING_TIME | MEETING_VENUE |
		 MEETING_STATUS | MEETING_NOTE | MEETING_ATTENDEES;
	form_read_id(r, "body_id", &in.body_id, &l);
	if (!in.body_id && !l.n)
		form_problem(&l, "body_id", "Choose the committee or board");
	form_read_date(r, "date", &in.date, &l);
	in.time = form_read_text(r, "time");
	in.venue = form_read_text(r, "venue");
	in.status = form_read_text(r, "status");
	in.note = form_read_text(r, "note");
	for (const struct choice *c = attendee_roles; c->code; c++) {
		const char *t = form_read_text(r, c->code);

		cap += t ? strlen(t) + 1 : 0;
	}
	att = arena_array(r->arena, cap + 1, sizeof(*att));
	for (const struct choice *c = attendee_roles; c->code; c++) {
		size_t n;
		const char **names = lines_of(r, form_read_text(r, c->code), &n);

		for (size_t i = 0; i < n; i++) {
			att[in.n_attendees].name = names[i];
			att[in.n_attendees].role = c->code;
			att[in.n_attendees].person_id = 0;
			/* Someone already linked to safer's people stays so. */
			for (size_t k = 0; m && k < m->n_attendees; k++)
				if (strcmp(m->attendees[k].name, names[i]) == 0)
					att[in.n_attendees].person_id =
						m->attendees[k].person_id;
			in.n_attendees++;
		}
	}
	in.attendees = att;
	if (!l.n && (id ? store_meeting_update(r->store, id, &in, &e) < 0
			: store_meeting_create(r->store, &in, &id, &e) < 0))
		err_list_add(&l, &e);
	if (l.n) {
		if (!failed(r, w, &l))
			return;
		meeting_form(r, w, m, NULL, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/meetings/%lld?saved=1", (long long)id));
}

/* ---------------------------------------------------------------------
 * Agenda items
 */

/* Resolutions as lines "kind: text": "noted: That the report be noted". */
static const char *resolutions_text(struct req *r, const struct agenda_item *it)
{
	const char **v;

	if (!it)
		return NULL;
	v = arena_array(r->arena, it->n_resolutions + 1, sizeof(*v));
	for (size_t i = 0; i < it->n_resolutions; i++)
		v[i] = arena_printf(r->arena, "%s: %s", it->resolutions[i].kind,
				    it->resolutions[i].text);
	return joined(r, v, it->n_resolutions);
}

static int64_t recommended_to(const struct agenda_item *it)
{
	for (size_t i = 0; it && i < it->n_resolutions; i++)
		if (it->resolutions[i].to_body_id)
			return it->resolutions[i].to_body_id;
	return 0;
}

static void item_form(struct req *r, struct resp *w, int64_t meeting_id,
		      const struct agenda_item *it, const struct err_list *errors)
{
	struct form f = { r, &w->body, errors, errors != NULL, labels };
	struct err e = ERR_INIT;
	size_t n_bodies;
	struct option *bodies = bodies_options(r, &n_bodies, &e);
	struct buf kinds = BUF_INIT;
	const char *self = it ? arena_printf(r->arena, "/items/%lld", (long long)it->id)
			      : arena_printf(r->arena, "/meetings/%lld/items",
					     (long long)meeting_id);
	const char *back = it ? self : arena_printf(r->arena, "/meetings/%lld",
						    (long long)meeting_id);

	if (!bodies) {
		web_store_error(r, w, &e);
		return;
	}
	for (const struct choice *c = resolution_kinds; c->code; c++)
		buf_printf(&kinds, "%s%s (%s)", c == resolution_kinds ? "" : ", ",
			   c->code, c->label);
	form_top(&f, w, it ? "Change an agenda item" : "Add an agenda item", back);
	form_begin(&f, self);
	html_raw(f.b, "<h2 class=\"heading-m\">The report</h2>\n");
	form_input(&f, "number", "Item number", "As on the agenda, for example 5.",
		   it ? it->number : NULL, "10");
	form_input(&f, "title", "Title", NULL, it ? it->title : NULL, NULL);
	form_input(&f, "report_of", "Report of (optional)",
		   "For example, Director of Place Management.",
		   it ? it->report_of : NULL, NULL);
	form_input(&f, "author", "Author (optional)", NULL,
		   it ? it->author : NULL, NULL);
	form_input(&f, "contact", "Contact (optional)",
		   "A telephone number or email address.",
		   it ? it->contact : NULL, NULL);
	form_textarea(&f, "summary", "Summary (optional)", NULL,
		      it ? it->summary : NULL);
	form_textarea(&f, "recommendations",
		      "Recommendations (optional)",
		      "What the Committee is asked to do, one a line, for "
		      "example: comment on the draft plan.",
		      it ? joined(r, (const char *const *)it->recommendations,
				  it->n_recommendations) : NULL);
	html_raw(f.b, "<h2 class=\"heading-m\">Minutes</h2>\n");
	form_textarea(&f, "minutes", "Minutes (optional)", "What was said, as "
		      "the minutes record it.", it ? it->minutes : NULL);
	form_textarea(&f, "comments", "Points from the discussion (optional)",
		      "One a line.",
		      it ? joined(r, (const char *const *)it->comments,
				  it->n_comments) : NULL);
	form_textarea(&f, "resolutions", "Resolutions (optional)",
		      arena_printf(r->arena, "One a line, the kind first: for "
				   "example \"noted: That the report be noted\". "
				   "The kinds: %s.", kinds.ptr),
		      resolutions_text(r, it));
	form_select(&f, "to_body_id", "Recommended to (optional)",
		    "The committee or board the \"recommended\" resolutions go to.",
		    bodies, n_bodies, "Not recorded",
		    id_text(r, recommended_to(it)));
	buf_release(&kinds);
	form_bottom(&f, w, it ? "Save changes" : "Add agenda item", back);
}

void page_item_new(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct meeting *m = store_meeting(r->store, r->arena, r->ids[0], &e);

	if (!m)
		web_store_error(r, w, &e);
	else
		item_form(r, w, m->id, NULL, NULL);
}

void page_item_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct agenda_item *it = store_item(r->store, r->arena, r->ids[0], &e);

	if (!it)
		web_store_error(r, w, &e);
	else
		item_form(r, w, it->meeting_id, it, NULL);
}

/* The posted resolutions, "kind: text" a line; a problem on
 * "resolutions" naming the line otherwise. */
static void read_resolutions(struct req *r, struct item_input *in,
			     struct err_list *l)
{
	size_t n;
	const char **v = lines_of(r, form_read_text(r, "resolutions"), &n);
	struct resolution *x = arena_array(r->arena, n + 1, sizeof(*x));
	int64_t to = 0;

	form_read_id(r, "to_body_id", &to, l);
	for (size_t i = 0; i < n; i++) {
		const char *colon = strchr(v[i], ':'), *text;
		char *kind;
		const struct choice *c;

		if (!colon) {
			form_problem(l, "resolutions", arena_printf(r->arena,
				     "Resolution %zu must start with its kind and a "
				     "colon, like \"noted: That the report be noted\"",
				     i + 1));
			return;
		}
		kind = arena_strndup(r->arena, v[i], (size_t)(colon - v[i]));
		for (char *p = kind; *p; p++)
			*p = *p == ' ' ? '_' : (char)tolower((unsigned char)*p);
		for (c = resolution_kinds; c->code; c++)
			if (strcmp(c->code, kind) == 0 ||
			    strcasecmp(c->label, v[i]) == 0)
				break;
		if (!c->code) {
			form_problem(l, "resolutions", arena_printf(r->arena,
				     "Resolution %zu has a kind safer does not know: "
				     "\"%s\"; use noted, approved, recommended, "
				     "deferred, report_requested or other",
				     i + 1, kind));
			return;
		}
		text = colon + 1;
		while (*text == ' ')
			text++;
		x[i].kind = c->code;
		x[i].text = text;
		x[i].to_body_id = strcmp(c->code, "recommended") == 0 ? to : 0;
	}
	in->resolutions = x;
	in->n_resolutions = n;
}

void page_item_save(struct req *r, struct resp *w)
{
	struct item_input in = { 0 };
	struct agenda_item *it = NULL;
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id = 0, meeting_id;
	bool is_new = strstr(r->path, "/items/") == NULL ||
		      strncmp(r->path, "/meetings/", 10) == 0;

	if (is_new) {
		meeting_id = r->ids[0];
		if (!store_meeting(r->store, r->arena, meeting_id, &e)) {
			web_store_error(r, w, &e);
			return;
		}
	} else {
		id = r->ids[0];
		if (!(it = store_item(r->store, r->arena, id, &e))) {
			web_store_error(r, w, &e);
			return;
		}
		meeting_id = it->meeting_id;
	}
	in.set = ITEM_NUMBER | ITEM_TITLE | ITEM_REPORT_OF | ITEM_AUTHOR |
		 ITEM_CONTACT | ITEM_SUMMARY | ITEM_MINUTES |
		 ITEM_RECOMMENDATIONS | ITEM_COMMENTS | ITEM_RESOLUTIONS;
	if (is_new)
		in.set |= ITEM_MEETING;
	in.meeting_id = meeting_id;
	in.number = form_read_text(r, "number");
	in.title = form_read_text(r, "title");
	in.report_of = form_read_text(r, "report_of");
	in.author = form_read_text(r, "author");
	in.contact = form_read_text(r, "contact");
	in.summary = form_read_text(r, "summary");
	in.minutes = form_read_text(r, "minutes");
	in.recommendations = lines_of(r, form_read_text(r, "recommendations"),
				      &in.n_recommendations);
	in.comments = lines_of(r, form_read_text(r, "comments"), &in.n_comments);
	read_resolutions(r, &in, &l);
	if (!l.n && (is_new ? store_item_create(r->store, &in, &id, &e) < 0
			    : store_item_update(r->store, id, &in, &e) < 0))
		err_list_add(&l, &e);
	if (l.n) {
		if (!failed(r, w, &l))
			return;
		item_form(r, w, meeting_id, it, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/items/%lld?saved=1", (long long)id));
}

/* ---------------------------------------------------------------------
 * Delete or archive: check your answers, then do it
 */

enum removable { RM_BODY, RM_MEETING, RM_ITEM };

static const struct {
	const char *what, *path, *archived_because;
	int (*remove)(struct store *, int64_t, enum remove_how, bool *,
		      struct err *);
} removables[] = {
	[RM_BODY] = { "committee or board", "/bodies/%lld",
		      "it has meetings, or a resolution recommends to it",
		      store_body_remove },
	[RM_MEETING] = { "meeting", "/meetings/%lld",
			 "it has agenda items, or an undertaking is due at it",
			 store_meeting_remove },
	[RM_ITEM] = { "agenda item", "/items/%lld",
		      "an undertaking or an issue refers to it",
		      store_item_remove },
};

/* The name of what is to go and where to go after; NULL with e set. */
static const char *removable_name(struct req *r, enum removable k,
				  const char **back, struct err *e)
{
	int64_t id = r->ids[0];

	switch (k) {
	case RM_BODY: {
		struct body *x = store_body(r->store, r->arena, id, e);

		*back = "/bodies";
		return x ? x->name : NULL;
	}
	case RM_MEETING: {
		struct meeting *m = store_meeting(r->store, r->arena, id, e);

		if (!m)
			return NULL;
		*back = arena_printf(r->arena, "/bodies/%lld", (long long)m->body_id);
		return arena_printf(r->arena, "%s, %s", m->body_name, m->date);
	}
	case RM_ITEM: {
		struct agenda_item *it = store_item(r->store, r->arena, id, e);

		if (!it)
			return NULL;
		*back = arena_printf(r->arena, "/meetings/%lld",
				     (long long)it->meeting_id);
		return it->title;
	}
	}
	return NULL;
}

static void remove_confirm(struct req *r, struct resp *w, enum removable k)
{
	struct err e = ERR_INIT;
	const char *back = NULL, *name = removable_name(r, k, &back, &e);
	struct form f = { r, &w->body, NULL, false, labels };
	const char *self, *title;

	if (!name) {
		web_store_error(r, w, &e);
		return;
	}
	self = arena_printf(r->arena, removables[k].path, (long long)r->ids[0]);
	title = arena_printf(r->arena, "Delete this %s?", removables[k].what);
	page_begin(r, w, title, "meetings");
	html(f.b, "<a class=\"back-link\" href=\"%s\">Back</a>\n"
		  "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n"
		  "<h1>%s</h1>\n",
	     self, title);
	html_summary_begin(f.b);
	html_row_text(f.b, "Name", name);
	html_summary_end(f.b);
	html(f.b, "<p>If nothing else refers to it, it is deleted. If something "
		  "does (%s), it is archived instead: it leaves the lists but "
		  "stays on record.</p>\n<p>The change is kept in the record of "
		  "changes.</p>\n",
	     removables[k].archived_because);
	form_begin(&f, arena_printf(r->arena, "%s/delete", self));
	html(f.b, "<div class=\"button-group\">\n<button type=\"submit\" "
		  "class=\"button button--warning\">Delete %s</button>\n"
		  "<a href=\"%s\">Cancel</a>\n</div>\n</form>\n",
	     removables[k].what, self);
	html_raw(f.b, "</div></div>\n");
	page_end(r, w);
}

static void remove_do(struct req *r, struct resp *w, enum removable k)
{
	struct err e = ERR_INIT;
	const char *back = NULL;
	bool archived = false;

	if (!removable_name(r, k, &back, &e) ||
	    removables[k].remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
				 &e) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	resp_redirect(w, r->arena, arena_printf(r->arena, "%s?%s=1", back,
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

REMOVE_PAGES(body, RM_BODY)
REMOVE_PAGES(meeting, RM_MEETING)
REMOVE_PAGES(item, RM_ITEM)
