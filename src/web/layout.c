/*
 * layout.c: the HTML writer, the page frame (header, navigation, footer),
 * error pages and the small pieces every page uses.
 */
#include "base/esc.h"
#include "base/text.h"
#include "store/store_account.h"
#include "store/store_people.h"
#include "store/store_publish.h"
#include "web.h"

void html(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	esc_vformat(b, ESC_HTML, fmt, ap);
	va_end(ap);
}

void html_raw(struct buf *b, const char *markup)
{
	buf_adds(b, markup);
}

void web_url_param(struct buf *u, const char *key, const char *value)
{
	if (!value)
		return;
	buf_addc(u, u->len && strchr(u->ptr, '?') ? '&' : '?');
	esc_adds(u, ESC_URL, key);
	buf_addc(u, '=');
	esc_adds(u, ESC_URL, value);
}

/* ---------------------------------------------------------------------
 * The page frame
 */

/* The sections, and which are open to whom: an anonymous visitor sees
 * only the parts published (public, the part; -1 never), and the record
 * of changes is for officers and administrators (and local mode). */
static const struct {
	const char *key;
	const char *href;
	const char *label;
	int public;
	bool officer;
} nav_items[] = {
	{ "overview", "/", "Overview", PUBLISH_PLAN, false },
	{ "plans", "/plans", "Plans", PUBLISH_PLAN, false },
	{ "actions", "/actions", "Actions", -1, false },
	{ "crime", "/crime", "Crime", PUBLISH_CRIME, false },
	{ "performance", "/indicators", "Performance", -1, false },
	{ "headlines", "/headlines", "Headlines", PUBLISH_HEADLINES, false },
	{ "funding", "/funding", "Funding", PUBLISH_FUNDING, false },
	{ "governance", "/governance", "Governance", -1, false },
	/* issue 9, scrutiny: undertakings, issues, the forward plan */
	{ "scrutiny", "/undertakings", "Scrutiny", -1, false },
	{ "outcomes", "/outcomes", "Outcomes", -1, false },
	{ "organisations", "/organisations", "Organisations", -1, false },
	{ "changes", "/changes", "Changes", -1, true },
};

/* Whether the section i goes in this visitor's navigation. */
static bool nav_shown(const struct req *r, size_t i,
		      const struct publishing *pub)
{
	if (r->auth.anonymous)
		return nav_items[i].public >= 0 && pub->on[nav_items[i].public];
	if (nav_items[i].officer)
		return r->auth.local || r->auth.role >= ROLE_OFFICER;
	/* Signed in, the headlines are a part of Performance. */
	return strcmp(nav_items[i].key, "headlines") != 0;
}

void page_begin(struct req *r, struct resp *w, const char *title,
		const char *nav)
{
	struct buf *b = &w->body;
	/* The partnership's name in the header; a store error here leaves
	 * the name out (the page itself reports what it could not read). */
	struct partnership *p = r->store ? store_partnership(r->store, r->arena, NULL)
					 : NULL;
	struct publishing pub = { 0 };

	w->content_type = "text/html; charset=utf-8";
	html(b,
	     "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
	     "<meta charset=\"utf-8\">\n"
	     "<meta name=\"viewport\" content=\"width=device-width, "
	     "initial-scale=1\">\n"
	     "<title>%s \xE2\x80\x93 safer</title>\n"
	     "<link rel=\"stylesheet\" href=\"/static/safer.css\">\n"
	     "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n"
	     "</head>\n<body>\n"
	     "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n"
	     "<header class=\"header\">\n<div class=\"header__inner\">\n"
	     "<a class=\"header__name\" href=\"/\">safer</a>\n",
	     title);
	if (p)
		html(b, "<span class=\"header__partnership\">%s</span>\n", p->name);
	if (r->auth.account && !r->auth.api_token)
		html(b, "<div class=\"header__account\">"
			"<a href=\"/account\">%s</a>"
			"<form method=\"post\" action=\"/sign-out\">"
			"<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
			"<button type=\"submit\" class=\"header__button\">"
			"Sign out</button></form></div>\n",
		     r->auth.name ? r->auth.name : "Your account", r->csrf);
	else if (r->auth.anonymous)
		html_raw(b, "<div class=\"header__account\">"
			    "<a href=\"/sign-in\">Sign in</a></div>\n");
	html_raw(b, "</div>\n<nav class=\"nav\" aria-label=\"Main\">\n<ul>\n");
	if (r->auth.anonymous && (!r->store || store_publishing(r->store, &pub, NULL) < 0))
		memset(&pub, 0, sizeof(pub));
	for (size_t i = 0; i < ARRAY_SIZE(nav_items); i++) {
		if (!nav_shown(r, i, &pub))
			continue;
		/* The headlines are the public face of Performance. */
		if (nav && (strcmp(nav, nav_items[i].key) == 0 ||
			    (strcmp(nav, "performance") == 0 &&
			     strcmp(nav_items[i].key, "headlines") == 0)))
			html(b, "<li><a href=\"%s\" aria-current=\"page\">%s</a></li>\n",
			     nav_items[i].href, nav_items[i].label);
		else
			html(b, "<li><a href=\"%s\">%s</a></li>\n",
			     nav_items[i].href, nav_items[i].label);
	}
	html_raw(b, "</ul>\n</nav>\n</header>\n");
	if (r->auth.local)
		html_raw(b, "<div class=\"local-banner\" role=\"region\" "
			    "aria-label=\"Local mode\"><p><strong>Local "
			    "mode:</strong> anyone on this machine can edit. "
			    "To require sign-in, add the first account: "
			    "<code>safer users add EMAIL --name NAME --role admin "
			    "--password-stdin</code></p></div>\n");
	html_raw(b, "<div class=\"width-container\">\n"
		    "<main id=\"main\" tabindex=\"-1\">\n");
}

void page_end(struct req *r, struct resp *w)
{
	UNUSED(r);
	html_raw(&w->body,
		 "</main>\n</div>\n<footer class=\"footer\">\n"
		 "<div class=\"width-container\">\n"
		 "<p>safer: the community safety partnership workbench. "
		 "Free software under the GNU General Public License, "
		 "version 3 or later. "
		 "<a href=\"/api/v1/plans\">JSON API</a>.</p>\n"
		 "<p>Contains public sector information licensed under the "
		 "Open Government Licence v3.0.</p>\n"
		 "</div>\n</footer>\n</body>\n</html>\n");
}

void web_error_page(struct req *r, struct resp *w, int status,
		    const char *message)
{
	const char *title = status == 404 ? "Page not found"
			    : status == 405 ? "That cannot be done here"
			    : status == 503 ? "Sorry, the service is unavailable"
			    : status >= 500 ? "Sorry, there is a problem with safer"
					    : "There is a problem";

	buf_reset(&w->body);
	page_begin(r, w, title, NULL);
	w->status = status;
	html(&w->body,
	     "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n"
	     "<h1>%s</h1>\n<p>%s</p>\n"
	     "<p><a href=\"/\">Go to the overview</a></p>\n</div></div>\n",
	     title, message);
	page_end(r, w);
}

void web_store_error(struct req *r, struct resp *w, const struct err *e)
{
	if (e->code == ERR_NOT_FOUND) {
		web_error_page(r, w, 404, e->msg);
		return;
	}
	fprintf(stderr, "safer: %s\n", e->msg);
	if (e->code == ERR_BUSY) {
		web_error_page(r, w, 503, WEB_BUSY_PAGE);
		return;
	}
	web_error_page(r, w, err_http_status(e->code),
		       e->code == ERR_DB
			       ? arena_printf(r->arena, "The database could not "
					      "answer: %s. If it goes on, tell "
					      "whoever runs safer.", e->msg)
			       : e->msg);
}

void html_breadcrumbs(struct buf *b, size_t n, const char *const *pairs)
{
	html_raw(b, "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\"><ol>");
	for (size_t i = 0; i < n; i++) {
		const char *href = pairs[2 * i], *label = pairs[2 * i + 1];

		if (href && i + 1 < n)
			html(b, "<li><a href=\"%s\">%s</a></li>", href, label);
		else
			html(b, "<li aria-current=\"page\">%s</li>", label);
	}
	html_raw(b, "</ol></nav>\n");
}

/* ---------------------------------------------------------------------
 * Pieces
 */

void html_tag(struct buf *b, const char *colour, const char *text)
{
	html(b, "<strong class=\"tag tag--%s\">%s</strong>", colour, text);
}

void html_status_tag(struct buf *b, const char *status)
{
	static const struct {
		const char *code;
		const char *colour;
	} colours[] = {
		{ "not_started", "grey" }, { "in_progress", "blue" },
		{ "on_hold", "yellow" },   { "completed", "green" },
		{ "cancelled", "grey" },
	};
	const char *label = choice_label(action_statuses, status);

	for (size_t i = 0; i < ARRAY_SIZE(colours); i++)
		if (status && strcmp(status, colours[i].code) == 0) {
			html_tag(b, colours[i].colour, label);
			return;
		}
	html_tag(b, "grey", status ? status : "Unknown");
}

void html_rag_tag(struct buf *b, const char *rag)
{
	const char *label = choice_label(rag_ratings, rag);

	if (!label) {
		html_raw(b, "<span class=\"secondary-text\">Not rated</span>");
		return;
	}
	html_tag(b, strcmp(rag, "red") == 0     ? "red"
		    : strcmp(rag, "amber") == 0 ? "amber"
						: "green",
		 label);
}

void html_plan_status_tag(struct buf *b, const char *status)
{
	const char *label = choice_label(plan_statuses, status);

	html_tag(b,
		 !status                              ? "grey"
		 : strcmp(status, "approved") == 0   ? "green"
		 : strcmp(status, "draft") == 0      ? "yellow"
						      : "grey",
		 label ? label : "Unknown");
}

void html_award_status_tag(struct buf *b, const char *status)
{
	const char *label = choice_label(award_statuses, status);

	html_tag(b,
		 !status                             ? "grey"
		 : strcmp(status, "paid") == 0      ? "green"
		 : strcmp(status, "awarded") == 0   ? "turquoise"
		 : strcmp(status, "proposed") == 0  ? "yellow"
						     : "grey",
		 label ? label : "Unknown");
}

void html_example_tag(struct buf *b)
{
	/* Its own look (a dashed outline, no fill), so that it is never
	 * taken for a finding's tag such as "Special cause". */
	html_raw(b, " <strong class=\"tag tag--example\" title=\"Invented for "
		    "the demo, not from the council's records\">Example data"
		    "</strong>");
}

void html_money(struct buf *b, int64_t pence)
{
	text_add_money(b, pence); /* digits, commas, £ and a point only */
}

void html_date(struct buf *b, const char *date)
{
	struct buf t = BUF_INIT;

	if (!date) {
		html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
		return;
	}
	text_add_date(&t, date);
	html(b, "%s", t.ptr);
	buf_release(&t);
}

void html_period(struct buf *b, const char *start, const char *end)
{
	struct buf t = BUF_INIT;

	/* Periods run from the first of a month to the last of one: name
	 * the months. */
	if (start && end && strlen(start) == 10 && strlen(end) == 10) {
		char s7[8], e7[8];

		memcpy(s7, start, 7);
		s7[7] = '\0';
		memcpy(e7, end, 7);
		e7[7] = '\0';
		text_add_date(&t, s7);
		buf_adds(&t, " to ");
		text_add_date(&t, e7);
	} else {
		buf_printf(&t, "%s to %s", start ? start : "?", end ? end : "?");
	}
	html(b, "%s", t.ptr);
	buf_release(&t);
}

void html_person(struct buf *b, const char *name, const char *role,
		 const char *organisation)
{
	if (!name) {
		html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
		return;
	}
	html(b, "%s", name);
	if (role)
		html(b, "<br><span class=\"secondary-text\">%s</span>", role);
	else if (organisation)
		html(b, "<br><span class=\"secondary-text\">%s</span>",
		     organisation);
}

void html_paragraphs(struct buf *b, const char *text)
{
	const char *p = text;

	while (p && *p) {
		const char *end = strstr(p, "\n\n");
		size_t n = end ? (size_t)(end - p) : strlen(p);

		html(b, "<p>%.*s</p>\n", (int)n, p);
		if (!end)
			break;
		p = end;
		while (*p == '\n' || *p == '\r')
			p++;
	}
}

void html_table_begin(struct buf *b, const char *label, const char *cls,
		      const char *id)
{
	html(b, "<div class=\"table-wrap\" role=\"region\" aria-label=\"%s\" "
		"tabindex=\"0\"><table class=\"table%s%s\"",
	     label, cls ? " " : "", cls ? cls : "");
	if (id)
		html(b, " id=\"%s\"", id);
	html_raw(b, ">\n");
}

void html_table_end(struct buf *b)
{
	html_raw(b, "</table></div>\n");
}

void html_summary_begin(struct buf *b)
{
	html_raw(b, "<dl class=\"summary-list\">\n");
}

void html_row_begin(struct buf *b, const char *key)
{
	html(b, "<div class=\"summary-list__row\"><dt class=\"summary-list__key\">"
		"%s</dt><dd class=\"summary-list__value\">", key);
}

void html_row_end(struct buf *b)
{
	html_raw(b, "</dd></div>\n");
}

void html_summary_end(struct buf *b)
{
	html_raw(b, "</dl>\n");
}

void html_row_text(struct buf *b, const char *key, const char *value)
{
	html_row_begin(b, key);
	if (value)
		html(b, "%s", value);
	else
		html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
	html_row_end(b);
}
