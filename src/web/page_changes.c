/*
 * page_changes.c: the record of every change, as people read it:
 * "Recent changes" across the partnership, with filters by person, kind
 * of object and date, the history of one object (the "Changes" link of
 * every record page), and the same as CSV.
 */
#include "pages.h"
#include "repr/repr.h"
#include "store/store_account.h"
#include "store/store_audit.h"

#define PAGE_SIZE 100

static const struct option change_fields[] = {
	{ "type", "Kind of record" }, { "user", "Person" },
	{ "from", "From" }, { "to", "To" },
	{ NULL, NULL },
};

/* The kinds of object, as people name them (as a heading and within a
 * sentence), and where each is shown. */
static const struct {
	const char *type, *label, *noun, *page;
} kinds[] = {
	{ "plan", "Plan", "plan", "/plans/%lld" },
	{ "theme", "Theme", "theme", "/themes/%lld" },
	{ "priority", "Priority area", "priority area", "/priorities/%lld" },
	{ "framework", "Outcomes framework", "outcomes framework", NULL },
	{ "outcome_group", "Group of outcomes", "group of outcomes", NULL },
	{ "outcome", "Outcome", "outcome", NULL },
	{ "partnership", "Partnership", "partnership", NULL },
	{ "organisation", "Organisation", "organisation", NULL },
	{ "person", "Person", "person", NULL },
	{ "board", "Board", "board", NULL },
	{ "fund", "Funding stream", "funding stream", "/funds/%lld" },
	{ "award", "Award", "award", NULL },
	{ "action", "Action", "action", "/actions/%lld" },
	{ "action_update", "Progress update", "progress update", NULL },
	{ "account", "Account", "account", NULL },
	{ "token", "API token", "API token", NULL },
	{ "setting", "Setting", "setting", NULL },
	{ "import", "Import", "import", NULL },
	{ "indicator", "Indicator", "indicator", "/indicators/%lld" },
	{ "peer_group", "Peer group", "peer group", NULL },
	{ "body", "Committee or board", "committee or board", "/bodies/%lld" },
	{ "meeting", "Meeting", "meeting", "/meetings/%lld" },
	{ "item", "Agenda item", "agenda item", "/items/%lld" },
	{ "attachment", "Attachment", "attachment", NULL },
	{ "undertaking", "Undertaking", "undertaking", "/undertakings/%lld" },
	{ "issue", "Issue", "issue", "/issues/%lld" },
};

static const char *kind_label(const char *type)
{
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (strcmp(kinds[i].type, type) == 0)
			return kinds[i].label;
	return type;
}

static const char *op_label(const char *op)
{
	if (strcmp(op, "create") == 0)
		return "Added";
	if (strcmp(op, "update") == 0)
		return "Changed";
	if (strcmp(op, "archive") == 0)
		return "Archived";
	if (strcmp(op, "restore") == 0)
		return "Restored";
	if (strcmp(op, "delete") == 0)
		return "Deleted";
	return op;
}

bool web_may_edit(const struct req *r)
{
	return r->auth.local || r->auth.role >= ROLE_OFFICER;
}

void web_changes_link(struct req *r, struct buf *b, const char *type,
		      int64_t id)
{
	if (!web_may_edit(r))
		return;
	const char *noun = type;

	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (strcmp(kinds[i].type, type) == 0)
			noun = kinds[i].noun;
	html(b, "<p class=\"body-s\"><a href=\"/changes?type=%s&amp;id=%lld\">"
		"Changes to this %s</a></p>\n",
	     type, (long long)id, noun);
}

/* The object an entry is about, linked to its page where it has one. */
static void object_cell(struct req *r, struct buf *b,
			const struct audit_entry *en)
{
	const char *label = kind_label(en->object_type);

	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
		if (strcmp(kinds[i].type, en->object_type) != 0 || !kinds[i].page ||
		    strcmp(en->op, "delete") == 0)
			continue;
		html(b, "<a href=\"%s\">%s %lld</a>",
		     arena_printf(r->arena, kinds[i].page, (long long)en->object_id),
		     label, (long long)en->object_id);
		return;
	}
	if (en->object_id)
		html(b, "%s %lld", label, (long long)en->object_id);
	else
		html(b, "%s", label);
}

static void changes_cell(struct req *r, struct buf *b,
			 const struct audit_entry *en)
{
	if (!en->n_list)
		return;
	html_raw(b, "<ul class=\"list changes\">");
	for (size_t k = 0; k < en->n_list; k++) {
		const char *o = repr_audit_value_text(r->arena, en->list[k].old_json);
		const char *v = repr_audit_value_text(r->arena, en->list[k].new_json);

		html(b, "<li><span class=\"field\">%s</span>: ", en->list[k].field);
		if (strcmp(en->op, "create") == 0)
			html(b, "%s", v ? v : "(none)");
		else if (strcmp(en->op, "delete") == 0)
			html(b, "<del>%s</del>", o ? o : "(none)");
		else
			html(b, "<del>%s</del> <span class=\"visually-hidden\">changed "
				"to</span><span aria-hidden=\"true\">&rarr;</span> "
				"<ins>%s</ins>",
			     o ? o : "(none)", v ? v : "(none)");
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul>");
}

static void filter_form(struct req *r, struct buf *b, struct form *fm,
			const struct audit_filter *f)
{
	form_begin_get(fm, "/changes", NULL);
	form_select_begin(fm, "type", "Kind of record", NULL, NULL);
	form_option(fm, "", "Any", !f->object_type);
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		form_option(fm, kinds[i].type, kinds[i].label,
			    f->object_type &&
				    strcmp(f->object_type, kinds[i].type) == 0);
	form_select_end(fm);
	if (f->object_id)
		html(b, "<input type=\"hidden\" name=\"id\" value=\"%lld\">\n",
		     (long long)f->object_id);
	form_input(fm, "user", "Person", "Their email, or the computer user",
		   f->user, "20");
	form_input(fm, "from", "From", "For example, 2026-04-01", f->from, "10");
	form_input(fm, "to", "To", "For example, 2026-04-30", f->to, "10");
	form_end_get(fm, "Show changes");
	UNUSED(r);
}

/* The filter as the query gives it. */
static int read_filter(struct req *r, struct audit_filter *f, struct err *e)
{
	memset(f, 0, sizeof(*f));
	f->object_type = http_query(r, "type");
	f->user = http_query(r, "user");
	f->from = http_query(r, "from");
	f->to = http_query(r, "to");
	if (f->object_type && !*f->object_type)
		f->object_type = NULL;
	if (f->user && !*f->user)
		f->user = NULL;
	if (f->from && !*f->from)
		f->from = NULL;
	if (f->to && !*f->to)
		f->to = NULL;
	return http_query_id(r, "id", &f->object_id, e);
}

/* Which page of the list: from 1. */
static int read_page(struct req *r, int64_t *page, struct err *e)
{
	if (http_query_id(r, "page", page, e) < 0)
		return -1;
	if (!*page)
		*page = 1;
	if (*page > 1000000)
		return err_set(e, ERR_INVALID, "page", "is past the last page");
	return 0;
}

/* The address of this list with another page number. */
static const char *page_href(struct req *r, const struct audit_filter *f,
			     int64_t page)
{
	struct buf u = BUF_INIT;
	const char *out;

	buf_adds(&u, "/changes");
	web_url_param(&u, "type", f->object_type);
	if (f->object_id)
		web_url_param(&u, "id", arena_printf(r->arena, "%lld",
						     (long long)f->object_id));
	web_url_param(&u, "user", f->user);
	web_url_param(&u, "from", f->from);
	web_url_param(&u, "to", f->to);
	if (page > 1)
		web_url_param(&u, "page", arena_printf(r->arena, "%lld",
						       (long long)page));
	out = arena_strdup(r->arena, u.ptr);
	buf_release(&u);
	return out;
}

static const char *csv_href(struct req *r, const struct audit_filter *f)
{
	const char *h = page_href(r, f, 1);

	return arena_printf(r->arena, "/changes.csv%s", h + strlen("/changes"));
}

void page_changes(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct err probs[1];
	struct err_list l = { probs, 0, ARRAY_SIZE(probs) };
	struct form fm = { .r = r, .b = b, .errors = &l, .labels = change_fields };
	struct audit_filter f;
	struct audit_entry *en = NULL;
	const char *title;
	int64_t page;
	size_t n = 0;

	if (read_filter(r, &f, &e) < 0 || read_page(r, &page, &e) < 0) {
		web_error_page(r, w, 400, "The address of this list is not valid.");
		return;
	}
	f.limit = PAGE_SIZE + 1;
	f.offset = (page - 1) * PAGE_SIZE;
	en = store_audit_list(r->store, r->arena, &f, &n, &e);
	if (!en) {
		if (e.code != ERR_INVALID) {
			web_store_error(r, w, &e);
			return;
		}
		if (strcmp(e.field, "object_type") == 0)
			snprintf(e.field, sizeof(e.field), "type");
		err_list_add(&l, &e);
	}
	if (f.object_type && f.object_id)
		title = arena_printf(r->arena, "Changes to %s %lld",
				     kind_label(f.object_type), (long long)f.object_id);
	else
		title = "Recent changes";
	page_begin(r, w, form_title(&fm, title), "changes");
	if (l.n)
		w->status = 400; /* page_begin said 200 */
	form_error_summary(&fm);
	html(b, "<h1>%s</h1>\n", title);
	html_raw(b, "<p>Every change to the partnership's records, newest first: "
		    "who made it, when, through what (the web pages, the API or "
		    "the command line), and each field's old and new value. "
		    "Nobody can change this record; <code>safer audit verify</code> "
		    "checks that it is whole.</p>\n");
	filter_form(r, b, &fm, &f);
	if (l.n) {
		page_end(r, w);
		return;
	}
	if (!n) {
		html_raw(b, "<p>No changes match.</p>\n");
		page_end(r, w);
		return;
	}
	html(b, "<p><a href=\"%s\">Download these changes as CSV</a></p>\n",
	     csv_href(r, &f));
	html_table_begin(b, "Changes", "changes-table", NULL);
	html_raw(b, "<caption>Changes</caption>\n<thead><tr>"
		    "<th scope=\"col\">When</th><th scope=\"col\">Who</th>"
		    "<th scope=\"col\">Record</th><th scope=\"col\">What</th>"
		    "<th scope=\"col\">Fields</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n && i < PAGE_SIZE; i++) {
		html(b, "<tr><td class=\"nowrap\">%.10s<br>%.5s</td><td>%s<br><span "
			"class=\"secondary-text body-s\">%s</span></td><td>",
		     en[i].at, en[i].at + 11,
		     en[i].by_user ? en[i].by_user : "unknown",
		     strcmp(en[i].via, "cli") == 0 ? "command line"
		     : strcmp(en[i].via, "api") == 0 ? "API" : "web");
		object_cell(r, b, &en[i]);
		html(b, "</td><td>%s</td><td>", op_label(en[i].op));
		changes_cell(r, b, &en[i]);
		html_raw(b, "</td></tr>\n");
	}
	html_table_end(b);
	if (page > 1 || n > PAGE_SIZE) {
		html_raw(b, "<nav class=\"pagination\" aria-label=\"Pages of changes\"><p>");
		if (page > 1)
			html(b, "<a href=\"%s\" rel=\"prev\">Newer changes</a> ",
			     page_href(r, &f, page - 1));
		if (n > PAGE_SIZE)
			html(b, "<a href=\"%s\" rel=\"next\">Older changes</a>",
			     page_href(r, &f, page + 1));
		html_raw(b, "</p></nav>\n");
	}
	page_end(r, w);
}

void page_changes_csv(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct audit_filter f;
	struct audit_entry *en;
	size_t n;

	if (read_filter(r, &f, &e) < 0 ||
	    !(en = store_audit_list(r->store, r->arena, &f, &n, &e))) {
		if (e.code == ERR_INVALID)
			web_error_page(r, w, 400, arena_printf(r->arena, "%s %s",
							       e.field, e.msg));
		else
			web_store_error(r, w, &e);
		return;
	}
	w->content_type = "text/csv; charset=utf-8";
	resp_header(w, "Content-Disposition",
		    "attachment; filename=\"changes.csv\"");
	repr_csv_audit(&w->body, r->arena, en, n);
}
