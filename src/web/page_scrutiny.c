/*
 * page_scrutiny.c: the undertakings register and one undertaking, the
 * open undertakings on a meeting's agenda, issues and their timelines,
 * the forward plan, and the due dates of open undertakings as an
 * iCalendar feed.
 */
#include "base/ical.h"
#include "pages.h"
#include "store/store_scrutiny.h"

/* The undertaking's state as a tag: Overdue, Open or Discharged. */
static void undertaking_tag(struct buf *b, const struct undertaking *u)
{
	if (u->overdue)
		html_tag(b, "red", "Overdue");
	else if (!strcmp(u->status, "open"))
		html_tag(b, "blue", "Open");
	else
		html_tag(b, "green", "Discharged");
}

/* When it is due: "the meeting of X on 1 May 2025", "by 1 May 2025". */
static void undertaking_due(struct buf *b, const struct undertaking *u)
{
	if (u->due_meeting_id) {
		html(b, "<a href=\"/meetings/%lld\">", (long long)u->due_meeting_id);
		html_date(b, u->due_meeting_date);
		html(b, "</a>, %s", u->due_body_name);
	} else if (u->due_date) {
		html_raw(b, "By ");
		html_date(b, u->due_date);
	} else {
		html_raw(b, "<span class=\"secondary-text\">Not set</span>");
	}
}

static void undertakings_table(struct buf *b, const struct undertaking *u,
			       size_t n, const char *caption)
{
	html_table_begin(b, caption, NULL, NULL);
	html(b, "<caption class=\"caption-s\">%s</caption>\n"
		"<thead><tr><th scope=\"col\">What</th>"
		"<th scope=\"col\">Who</th><th scope=\"col\">Given at</th>"
		"<th scope=\"col\">Due</th><th scope=\"col\">Status</th>"
		"</tr></thead>\n<tbody>\n",
	     caption);
	for (size_t i = 0; i < n; i++) {
		html(b, "<tr><td><a href=\"/undertakings/%lld\">%s</a>",
		     (long long)u[i].id, u[i].text);
		if (!strcmp(u[i].kind, "request"))
			html_raw(b, " <span class=\"secondary-text\">(request)</span>");
		if (u[i].example)
			html_example_tag(b);
		html(b, "</td><td>%s</td><td>",
		     u[i].owner ? u[i].owner
				: u[i].owner_name ? u[i].owner_name : "");
		if (u[i].item_id) {
			html(b, "%s, ", u[i].body_name);
			html_date(b, u[i].meeting_date);
		}
		html_raw(b, "</td><td>");
		undertaking_due(b, &u[i]);
		html_raw(b, "</td><td>");
		undertaking_tag(b, &u[i]);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table>\n");
	html_table_end(b);
}

void page_undertakings(struct req *r, struct resp *w)
{
	static const struct {
		const char *status, *label;
	} tabs[] = {
		{ "open", "Open" },
		{ "overdue", "Overdue" },
		{ "discharged", "Discharged" },
		{ "all", "All" },
	};
	struct undertaking_filter f = { 0 };
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	const char *status = http_query(r, "status");
	const char *label = "Open";
	struct undertaking *u;
	size_t n;

	if (!status || !*status)
		status = "open";
	for (size_t i = 0; i < ARRAY_SIZE(tabs); i++)
		if (!strcmp(status, tabs[i].status))
			label = tabs[i].label;
	f.today = r->today;
	f.status = strcmp(status, "all") ? status : NULL;
	if (http_query_id(r, "body", &f.body_id, &e) < 0 ||
	    !(u = store_undertakings(r->store, r->arena, &f, &n, &e))) {
		if (e.code == ERR_INVALID)
			web_error_page(r, w, 400,
				       "Choose open, overdue, discharged or all.");
		else
			web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, "Undertakings and requests", "scrutiny");
	html_raw(b, "<h1>Undertakings and requests</h1>\n"
		    "<p>What officers undertook to do at meetings, and the "
		    "reports members requested: who owes what, to whom, and by "
		    "when.</p>\n<p><a class=\"button\" href=\"/undertakings/new\">"
		    "Add an undertaking</a></p>\n"
		    "<nav class=\"tabs\" aria-label=\"Undertakings\"><ul>\n");
	for (size_t i = 0; i < ARRAY_SIZE(tabs); i++) {
		if (!strcmp(status, tabs[i].status))
			html(b, "<li><a href=\"/undertakings?status=%s\" "
				"aria-current=\"page\"><strong>%s</strong></a></li>\n",
			     tabs[i].status, tabs[i].label);
		else
			html(b, "<li><a href=\"/undertakings?status=%s\">%s</a>"
				"</li>\n",
			     tabs[i].status, tabs[i].label);
	}
	html_raw(b, "</ul></nav>\n");
	if (!n)
		html(b, "<p>There are no %s undertakings.</p>\n",
		     strcmp(status, "all") ? status : "recorded");
	else
		undertakings_table(b, u, n,
				   arena_printf(r->arena, "%s undertakings (%zu)",
						label, n));
	html_raw(b, "<p><a href=\"/undertakings.ics\">Subscribe to the due "
		    "dates of open undertakings (iCalendar)</a> \xC2\xB7 "
		    "<a href=\"/forward-plan\">The forward plan</a> \xC2\xB7 "
		    "<a href=\"/issues\">Issues</a></p>\n");
	page_end(r, w);
}

void page_undertaking(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct undertaking *u =
		store_undertaking(r->store, r->arena, r->ids[0], r->today, &e);
	const char *title;

	if (!u) {
		web_store_error(r, w, &e);
		return;
	}
	title = !strcmp(u->kind, "request") ? "Request" : "Undertaking";
	page_begin(r, w, title, "scrutiny");
	if (http_query(r, "saved"))
		html_raw(b, "<div class=\"notification\" role=\"status\">"
			    "<h2 class=\"notification__title\">Success</h2>"
			    "<div class=\"notification__content\">Your changes "
			    "have been saved.</div></div>\n");
	html(b, "<a class=\"back-link\" href=\"/undertakings\">Back to "
		"undertakings</a>\n<span class=\"caption-m\">%s %lld</span>\n"
		"<h1 class=\"heading-l\">%s</h1>\n<p>",
	     title, (long long)u->id, u->text);
	undertaking_tag(b, u);
	if (u->example)
		html_example_tag(b);
	html_raw(b, "</p>\n");
	html_summary_begin(b);
	html_row_text(b, "Owed by", u->owner ? u->owner : u->owner_name);
	html_row_text(b, "Owed to", u->to_body_name);
	html_row_begin(b, "Given at");
	if (u->item_id) {
		html(b, "<a href=\"/items/%lld\">Item %s: %s</a>, %s, ",
		     (long long)u->item_id, u->item_number, u->item_title,
		     u->body_name);
		html_date(b, u->meeting_date);
	} else {
		html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
	}
	html_row_end(b);
	html_row_begin(b, "Due");
	undertaking_due(b, u);
	html_row_end(b);
	if (!strcmp(u->status, "discharged")) {
		html_row_begin(b, "Discharged by");
		if (u->discharged_by_item_id) {
			html(b, "<a href=\"/items/%lld\">Item %s: %s</a>",
			     (long long)u->discharged_by_item_id,
			     u->discharged_by_number, u->discharged_by_title);
			if (u->discharged_by_date) {
				html_raw(b, ", ");
				html_date(b, u->discharged_by_date);
			}
		} else {
			html_raw(b, "<span class=\"secondary-text\">Not "
				    "recorded</span>");
		}
		html_row_end(b);
		html_row_begin(b, "Discharged on");
		html_date(b, u->discharged_on);
		html_row_end(b);
	}
	html_row_text(b, "Note", u->note);
	html_summary_end(b);
	html(b, "<p><a class=\"button button--secondary\" "
		"href=\"/undertakings/%lld/edit\">Change</a>",
	     (long long)u->id);
	if (!strcmp(u->status, "open"))
		html(b, " <a class=\"button\" href=\"/undertakings/%lld/discharge\">"
			"Discharge</a>",
		     (long long)u->id);
	html_raw(b, "</p>\n");
	web_changes_link(b, "undertaking", u->id);
	page_end(r, w);
}

void html_undertakings_due(struct req *r, struct buf *b, int64_t meeting_id)
{
	struct err e = ERR_INIT;
	size_t n;
	struct undertaking *u = store_undertakings_for_meeting(
		r->store, r->arena, meeting_id, r->today, &n, &e);

	if (!u) {
		html(b, "<p class=\"error-message\">The undertakings due could "
			"not be read: %s</p>\n", e.msg);
		return;
	}
	if (!n)
		return;
	html_raw(b, "<h2 class=\"heading-m\" id=\"undertakings\">Undertakings "
		    "and requests due</h2>\n");
	undertakings_table(b, u, n, arena_printf(r->arena, "Open undertakings "
						 "due at this meeting (%zu)", n));
}

/* ---------------------------------------------------------------------
 * Issues
 */

void page_issues(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	size_t n;
	struct issue *x = store_issues(r->store, r->arena, &n, &e);

	if (!x) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, "Issues", "scrutiny");
	html_raw(b, "<h1>Issues</h1>\n<p>Topics followed across meetings and "
		    "bodies: a strategy from draft to approval, an annual "
		    "review each year.</p>\n<p><a class=\"button\" "
		    "href=\"/issues/new\">Add an issue</a></p>\n");
	if (!n) {
		html_raw(b, "<p>No issues have been recorded.</p>\n");
		page_end(r, w);
		return;
	}
	html_table_begin(b, "Issues", NULL, NULL);
	html_raw(b, "<caption class=\"caption-s\">Issues</caption>\n"
		    "<thead><tr><th scope=\"col\">Issue</th><th scope=\"col\">"
		    "Plan</th><th scope=\"col\" class=\"numeric\">Items</th>"
		    "<th scope=\"col\">From</th><th scope=\"col\">To</th>"
		    "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		html(b, "<tr><td><a href=\"/issues/%lld\">%s</a>",
		     (long long)x[i].id, x[i].title);
		if (x[i].example)
			html_example_tag(b);
		html_raw(b, "</td><td>");
		if (x[i].plan_id)
			html(b, "<a href=\"/plans/%lld\">%s</a>",
			     (long long)x[i].plan_id, x[i].plan_title);
		html(b, "</td><td class=\"numeric\">%lld</td><td>",
		     (long long)x[i].n_items);
		if (x[i].first_date)
			html_date(b, x[i].first_date);
		html_raw(b, "</td><td>");
		if (x[i].last_date)
			html_date(b, x[i].last_date);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table>\n");
	html_table_end(b);
	page_end(r, w);
}

static const char *resolution_label(const char *kind)
{
	static const struct choice kinds[] = {
		{ "noted", "Noted" },       { "approved", "Approved" },
		{ "recommended", "Recommended" }, { "deferred", "Deferred" },
		{ "report_requested", "Report requested" }, { "other", "Resolved" },
		{ NULL, NULL },
	};
	const char *l = choice_label(kinds, kind);

	return l ? l : "Resolved";
}

static void timeline_entry(struct buf *b, const struct tl_entry *t)
{
	html_raw(b, "<li class=\"timeline__item\">\n<h2 class=\"heading-m timeline__title\">");
	html_date(b, t->date);
	html(b, ": <a href=\"/meetings/%lld\">%s</a></h2>\n"
		"<p class=\"timeline__meta\">Item %s: <a href=\"/items/%lld\">%s</a>",
	     (long long)t->meeting_id, t->body_name, t->number,
	     (long long)t->item_id, t->title);
	if (t->meeting_status && !strcmp(t->meeting_status, "cancelled"))
		html_raw(b, " (meeting cancelled)");
	html_raw(b, "</p>\n");
	if (t->n_resolutions) {
		html_raw(b, "<h3 class=\"heading-s\">Decisions</h3>\n"
			    "<ul class=\"list\">\n");
		for (size_t k = 0; k < t->n_resolutions; k++) {
			const struct tl_resolution *x = &t->resolutions[k];

			html(b, "<li><strong>%s</strong>", resolution_label(x->kind));
			if (x->to_body_name)
				html(b, " to %s", x->to_body_name);
			html(b, ": %s</li>\n", x->text);
		}
		html_raw(b, "</ul>\n");
	}
	if (t->n_attachments) {
		html_raw(b, "<h3 class=\"heading-s\">Documents</h3>\n"
			    "<ul class=\"list\">\n");
		for (size_t k = 0; k < t->n_attachments; k++)
			html(b, "<li><a href=\"/attachments/%lld\">%s</a> "
				"<span class=\"secondary-text\">(%lld bytes)"
				"</span></li>\n",
			     (long long)t->attachments[k].id,
			     t->attachments[k].name,
			     (long long)t->attachments[k].bytes);
		html_raw(b, "</ul>\n");
	}
	if (t->n_figures) {
		html_raw(b, "<h3 class=\"heading-s\">The figures as they "
			    "stood</h3>\n<ul class=\"list\">\n");
		for (size_t k = 0; k < t->n_figures; k++) {
			const struct tl_figure *f = &t->figures[k];

			html(b, "<li><a href=\"/indicators/%lld\">%s</a>: ",
			     (long long)f->indicator_id, f->name);
			if (f->has_value)
				html(b, "<strong>%.10g</strong> %s "
					"<span class=\"secondary-text\">(%s, %s)"
					"</span>",
				     f->value, f->unit, f->period, f->area);
			else
				html_raw(b, "<span class=\"secondary-text\">no "
					    "figure yet</span>");
			html_raw(b, "</li>\n");
		}
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "</li>\n");
}

void page_issue(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct tl_entry *t = NULL;
	struct issue *x;
	size_t n = 0;

	if (!(x = store_issue(r->store, r->arena, r->ids[0], &e)) ||
	    !(t = store_issue_timeline(r->store, r->arena, r->ids[0], &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, x->title, "scrutiny");
	if (http_query(r, "saved"))
		html_raw(b, "<div class=\"notification\" role=\"status\">"
			    "<h2 class=\"notification__title\">Success</h2>"
			    "<div class=\"notification__content\">Your changes "
			    "have been saved.</div></div>\n");
	html(b, "<a class=\"back-link\" href=\"/issues\">Back to issues</a>\n"
		"<span class=\"caption-m\">Issue</span>\n<h1>%s</h1>\n", x->title);
	if (x->example)
		html_example_tag(b);
	if (x->description)
		html_paragraphs(b, x->description);
	if (x->plan_id)
		html(b, "<p>About the plan <a href=\"/plans/%lld\">%s</a>.</p>\n",
		     (long long)x->plan_id, x->plan_title);
	html(b, "<p><a class=\"button button--secondary\" "
		"href=\"/issues/%lld/items/new\">Add an item</a></p>\n",
	     (long long)x->id);
	if (!n)
		html_raw(b, "<p>No agenda items have been added to this issue "
			    "yet.</p>\n");
	else
		html_raw(b, "<ol class=\"timeline\" aria-label=\"Timeline\">\n");
	for (size_t i = 0; i < n; i++)
		timeline_entry(b, &t[i]);
	if (n)
		html_raw(b, "</ol>\n");
	web_changes_link(b, "issue", x->id);
	page_end(r, w);
}

/* ---------------------------------------------------------------------
 * The forward plan
 */

void page_forward_plan(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct forward_item *f;
	struct undertaking *u = NULL;
	size_t n, n_u = 0;

	if (!(f = store_forward_items(r->store, r->arena, r->today, &n, &e)) ||
	    !(u = store_forward_undertakings(r->store, r->arena, r->today, &n_u,
					     &e))) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, "Forward plan", "scrutiny");
	html_raw(b, "<h1>Forward plan</h1>\n<p>The items of meetings from "
		    "today on, and the reports that open undertakings and "
		    "requests call for.</p>\n<h2 class=\"heading-m\">Meetings "
		    "</h2>\n");
	if (!n)
		html_raw(b, "<p>No meetings are scheduled.</p>\n");
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || f[i].meeting_id != f[i - 1].meeting_id) {
			if (i)
				html_raw(b, "</ul>\n");
			html_raw(b, "<h3 class=\"heading-s\">");
			html_date(b, f[i].date);
			if (f[i].time)
				html(b, ", %s", f[i].time);
			html(b, ": <a href=\"/meetings/%lld\">%s</a></h3>\n"
				"<ul class=\"list\">\n",
			     (long long)f[i].meeting_id, f[i].body_name);
		}
		if (f[i].item_id)
			html(b, "<li>Item %s: <a href=\"/items/%lld\">%s</a></li>\n",
			     f[i].number, (long long)f[i].item_id, f[i].title);
		else
			html_raw(b, "<li class=\"secondary-text\">No items "
				    "yet</li>\n");
	}
	if (n)
		html_raw(b, "</ul>\n");
	html_raw(b, "<h2 class=\"heading-m\">Reports called for</h2>\n");
	if (!n_u)
		html_raw(b, "<p>No open undertakings or requests are due.</p>\n");
	else
		undertakings_table(b, u, n_u, "Open undertakings and requests due");
	page_end(r, w);
}

/* ---------------------------------------------------------------------
 * The feed
 */

void page_undertakings_ics(struct req *r, struct resp *w)
{
	struct undertaking_filter f = { .status = "open", .today = r->today };
	struct err e = ERR_INIT;
	struct buf *b = &w->body;
	struct undertaking *u;
	size_t n;

	if (!(u = store_undertakings(r->store, r->arena, &f, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	w->content_type = "text/calendar; charset=utf-8";
	resp_header(w, "Content-Disposition",
		    "attachment; filename=\"undertakings.ics\"");
	ical_begin(b, "Undertakings and requests");
	for (size_t i = 0; i < n; i++) {
		struct ical_event ev = { 0 };

		if (!u[i].due)
			continue;
		ev.uid = arena_printf(r->arena, "undertaking-%lld@safer",
				      (long long)u[i].id);
		ev.date = u[i].due;
		ev.summary = arena_printf(r->arena, "%s due: %s",
					  !strcmp(u[i].kind, "request")
						  ? "Request"
						  : "Undertaking",
					  u[i].text);
		ev.description = u[i].owner ? u[i].owner : u[i].owner_name;
		ev.status = "CONFIRMED";
		ical_event(b, &ev);
	}
	ical_end(b);
}
