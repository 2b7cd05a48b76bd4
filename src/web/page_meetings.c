/*
 * page_meetings.c: the bodies that meet (/bodies, /bodies/{id}), the
 * meetings as a month's calendar with those coming and those just held
 * (/meetings), one meeting with its attendance and agenda
 * (/meetings/{id}), and one agenda item with its report, documents,
 * minutes and resolutions (/items/{id}).  The forms are in
 * page_meetings_edit.c.
 */
#include "base/text.h"
#include "pages.h"
#include "store/store_meeting.h"

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static void status_tag(struct buf *b, const char *status)
{
	const char *colour = strcmp(status, "held") == 0	  ? "green"
			     : strcmp(status, "cancelled") == 0 ? "grey"
								: "blue";

	html_tag(b, colour, choice_label(meeting_statuses, status));
}

static void resolution_tag(struct buf *b, const char *kind)
{
	const char *colour = strcmp(kind, "approved") == 0      ? "green"
			     : strcmp(kind, "recommended") == 0 ? "purple"
			     : strcmp(kind, "deferred") == 0    ? "yellow"
			     : strcmp(kind, "noted") == 0       ? "grey"
								: "blue";

	html_tag(b, colour, choice_label(resolution_kinds, kind));
}

/* "18:00" as "6pm", "18:30" as "6:30pm" (the GOV.UK style). */
static void html_time(struct buf *b, const char *t)
{
	int h, m;

	if (!t || sscanf(t, "%2d:%2d", &h, &m) != 2) {
		html(b, "%s", t ? t : "");
		return;
	}
	if (h == 12 && m == 0) {
		html_raw(b, "midday");
		return;
	}
	if (h == 0 && m == 0) {
		html_raw(b, "midnight");
		return;
	}
	if (m)
		html(b, "%d:%02d%s", h % 12 ? h % 12 : 12, m, h < 12 ? "am" : "pm");
	else
		html(b, "%d%s", h % 12 ? h % 12 : 12, h < 12 ? "am" : "pm");
}

/* The notice after a form saved, or a record was deleted or archived. */
static void notice(struct req *r, struct buf *b)
{
	const char *msg = NULL;

	if (http_query(r, "saved"))
		msg = "Your changes have been saved.";
	else if (http_query(r, "deleted"))
		msg = "It has been deleted.";
	else if (http_query(r, "archived"))
		msg = "Other records refer to it, so it has been archived: it no "
		      "longer appears in lists, and its record is kept.";
	if (msg)
		html(b, "<div class=\"notification\" role=\"status\">"
			"<h2 class=\"notification__title\">Success</h2>"
			"<div class=\"notification__content\">%s</div></div>\n",
		     msg);
}

/* A table of meetings: date, time, body, items, status. */
static void meetings_table(struct buf *b, const struct meeting *m, size_t n,
			   const char *caption, bool with_body)
{
	html_table_begin(b, caption, NULL, NULL);
	html(b, "<caption class=\"table__caption heading-m\">%s</caption>\n"
		"<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Time</th>",
	     caption);
	if (with_body)
		html_raw(b, "<th scope=\"col\">Committee or board</th>");
	html_raw(b, "<th scope=\"col\" class=\"numeric\">Items</th>"
		    "<th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		html(b, "<tr><td><a href=\"/meetings/%lld\">", (long long)m[i].id);
		html_date(b, m[i].date);
		if (!with_body)
			html(b, "<span class=\"visually-hidden\"> meeting</span>");
		html_raw(b, "</a></td><td>");
		html_time(b, m[i].time);
		html_raw(b, "</td>");
		if (with_body)
			html(b, "<td>%s</td>", m[i].body_name);
		html(b, "<td class=\"numeric\">%lld</td><td>",
		     (long long)m[i].n_items_total);
		status_tag(b, m[i].status);
		if (m[i].example)
			html_example_tag(b);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
}

/* ---------------------------------------------------------------------
 * Bodies
 */

void page_bodies(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	size_t n;
	struct body *x = store_bodies(r->store, r->arena, &n, &e);

	if (!x) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, "Committees and boards", "meetings");
	html_breadcrumbs(b, 2, (const char *const[]){ "/meetings", "Meetings", NULL,
						       "Committees and boards" });
	notice(r, b);
	html_raw(b, "<h1>Committees and boards</h1>\n<p>The council committees "
		    "and partnership boards whose meetings safer records: their "
		    "agendas, minutes and resolutions.</p>\n");
	if (!n) {
		html_raw(b, "<p>No committees or boards have been added yet.</p>\n");
	} else {
		html_table_begin(b, "Committees and boards", NULL, NULL);
		html_raw(b, "<caption class=\"visually-hidden\">Committees and boards"
			    "</caption>\n<thead><tr><th scope=\"col\">Name</th>"
			    "<th scope=\"col\">Kind</th><th scope=\"col\">Chair</th>"
			    "<th scope=\"col\" class=\"numeric\">Members</th>"
			    "<th scope=\"col\" class=\"numeric\">Meetings</th>"
			    "</tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < n; i++) {
			html(b, "<tr><th scope=\"row\"><a href=\"/bodies/%lld\">%s</a>",
			     (long long)x[i].id, x[i].name);
			if (x[i].example)
				html_example_tag(b);
			html(b, "</th><td>%s</td><td>", choice_label(body_kinds, x[i].kind));
			if (x[i].chair_name)
				html(b, "%s", x[i].chair_name);
			else
				html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
			html(b, "</td><td class=\"numeric\">%zu</td>"
				"<td class=\"numeric\">%lld</td></tr>\n",
			     x[i].n_members, (long long)x[i].n_meetings);
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	html_raw(b, "<p><a class=\"button button--secondary\" href=\"/bodies/new\">"
		    "Add a committee or board</a></p>\n");
	page_end(r, w);
}

void page_body(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct body *x = store_body(r->store, r->arena, r->ids[0], &e);
	struct meeting_filter f = { 0 };
	struct meeting *m = NULL;
	size_t n = 0;

	if (x) {
		f.body_id = x->id;
		m = store_meetings(r->store, r->arena, &f, &n, &e);
	}
	if (!x || !m) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, x->name, "meetings");
	html_breadcrumbs(b, 3, (const char *const[]){ "/meetings", "Meetings",
						       "/bodies", "Committees and boards",
						       NULL, x->name });
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>%s</h1>\n",
	     choice_label(body_kinds, x->kind), x->name);
	if (x->example)
		html_example_tag(b);
	if (x->archived_at)
		html_raw(b, "<p><strong class=\"tag tag--grey\">Archived</strong></p>\n");
	html_summary_begin(b);
	html_row_text(b, "Chair", x->chair_name);
	html_row_text(b, "Clerk", x->clerk_name);
	if (x->board_id) {
		html_row_begin(b, "The partnership's board");
		html(b, "<a href=\"/governance#board-%lld\">%s</a>",
		     (long long)x->board_id, x->board_name);
		html_row_end(b);
	}
	if (x->note)
		html_row_text(b, "Note", x->note);
	html_row_begin(b, "Calendar");
	html(b, "<a href=\"/bodies/%lld/meetings.ics\">Subscribe to this "
		"committee's meetings<span class=\"visually-hidden\"> (iCalendar)"
		"</span></a> in Outlook or another calendar",
	     (long long)x->id);
	html_row_end(b);
	html_summary_end(b);

	html_raw(b, "<h2 class=\"heading-l\">Members</h2>\n");
	if (!x->n_members)
		html_raw(b, "<p>No members have been recorded.</p>\n");
	else
		html_raw(b, "<ul class=\"list\">\n");
	for (size_t i = 0; i < x->n_members; i++) {
		html(b, "<li>%s", x->members[i].name);
		if (x->members[i].role)
			html(b, ", %s", x->members[i].role);
		html_raw(b, "</li>\n");
	}
	if (x->n_members)
		html_raw(b, "</ul>\n");

	if (!n)
		html_raw(b, "<h2 class=\"heading-m\">Meetings</h2>\n"
			    "<p>No meetings have been recorded.</p>\n");
	else
		meetings_table(b, m, n, "Meetings", false);
	html(b, "<p><a class=\"button button--secondary\" href=\"/meetings/new?"
		"body=%lld\">Add a meeting</a></p>\n<p class=\"row-actions\">"
		"<a href=\"/bodies/%lld/edit\">Change this committee or board</a>"
		"<a href=\"/bodies/%lld/delete\">Delete this committee or board</a>"
		"</p>\n",
	     (long long)x->id, (long long)x->id, (long long)x->id);
	web_changes_link(r, b, "body", x->id);
	page_end(r, w);
}

/* ---------------------------------------------------------------------
 * The calendar
 */

/* Day of the week of a date, 0 for Monday (Sakamoto's method). */
static int weekday(int y, int m, int d)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };

	if (m < 3)
		y--;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d + 6) % 7;
}

static int days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static void calendar(struct req *r, struct buf *b, int y, int mo,
		     const struct meeting *m, size_t n)
{
	static const char *const days[] = { "Monday", "Tuesday", "Wednesday",
					    "Thursday", "Friday", "Saturday",
					    "Sunday" };
	int first = weekday(y, mo, 1), last = days_in(y, mo), day = 1;
	size_t k = 0;
	char today[11];

	memcpy(today, r->today, sizeof(today));
	html_table_begin(b, arena_printf(r->arena, "Meetings in %s %d",
					 month_names[mo - 1], y),
			 "calendar", NULL);
	html(b, "<caption class=\"visually-hidden\">Meetings in %s %d</caption>\n"
		"<thead><tr>",
	     month_names[mo - 1], y);
	for (int i = 0; i < 7; i++)
		html(b, "<th scope=\"col\"><abbr title=\"%s\">%.3s</abbr></th>",
		     days[i], days[i]);
	html_raw(b, "</tr></thead>\n<tbody>\n");
	while (day <= last) {
		html_raw(b, "<tr>");
		for (int col = 0; col < 7; col++) {
			char date[40];
			bool any = false;

			if ((day == 1 && col < first) || day > last) {
				html_raw(b, "<td class=\"calendar__empty\"></td>");
				continue;
			}
			snprintf(date, sizeof(date), "%04d-%02d-%02d", y, mo, day);
			html(b, "<td class=\"calendar__day%s\"%s><span "
				"class=\"calendar__date\"><span class=\"visually-hidden\">"
				"%s </span>%d<span class=\"visually-hidden\"> %s</span>"
				"</span>",
			     strcmp(date, today) == 0 ? " calendar__day--today" : "",
			     strcmp(date, today) == 0 ? " aria-current=\"date\"" : "",
			     days[col], day, month_names[mo - 1]);
			while (k < n && strcmp(m[k].date, date) < 0)
				k++;
			for (; k < n && strcmp(m[k].date, date) == 0; k++) {
				if (!any)
					html_raw(b, "<ul class=\"calendar__meetings\">");
				any = true;
				html(b, "<li><a href=\"/meetings/%lld\">",
				     (long long)m[k].id);
				if (m[k].time) {
					html_time(b, m[k].time);
					html_raw(b, " ");
				}
				html(b, "%s</a>%s</li>", m[k].body_name,
				     strcmp(m[k].status, "cancelled") == 0
					     ? " (cancelled)" : "");
			}
			if (any)
				html_raw(b, "</ul>");
			html_raw(b, "</td>");
			day++;
		}
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
}

void page_meetings(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	const char *month = http_query(r, "month");
	int y, mo, py, pm, ny, nm;
	char from[40], to[40];
	struct meeting_filter f = { 0 };
	struct meeting *m, *up, *past;
	size_t n, n_up, n_past, first_past;

	if (month) {
		char d[16];

		snprintf(d, sizeof(d), "%.7s-01", month);
		if (strlen(month) != 7 || text_date(d, "month", &e) < 0) {
			web_error_page(r, w, 400, "The month must be a year and "
						  "month, like 2024-09.");
			return;
		}
		sscanf(month, "%4d-%2d", &y, &mo);
	} else {
		sscanf(r->today, "%4d-%2d", &y, &mo);
	}
	snprintf(from, sizeof(from), "%04d-%02d-01", y, mo);
	snprintf(to, sizeof(to), "%04d-%02d-%02d", y, mo, days_in(y, mo));
	f.from = from;
	f.to = to;
	if (!(m = store_meetings(r->store, r->arena, &f, &n, &e)))
		goto fail;
	f.from = r->today;
	f.to = NULL;
	if (!(up = store_meetings(r->store, r->arena, &f, &n_up, &e)))
		goto fail;
	f.from = NULL;
	f.to = r->today;
	if (!(past = store_meetings(r->store, r->arena, &f, &n_past, &e)))
		goto fail;
	/* Those before today, the last few. */
	while (n_past && strcmp(past[n_past - 1].date, r->today) >= 0)
		n_past--;
	first_past = n_past > 5 ? n_past - 5 : 0;
	if (n_up > 5)
		n_up = 5;

	py = mo == 1 ? y - 1 : y;
	pm = mo == 1 ? 12 : mo - 1;
	ny = mo == 12 ? y + 1 : y;
	nm = mo == 12 ? 1 : mo + 1;
	page_begin(r, w, arena_printf(r->arena, "Meetings: %s %d",
				      month_names[mo - 1], y),
		   "meetings");
	html_raw(b, "<h1>Meetings</h1>\n<p>The meetings of the council committees "
		    "and partnership boards: their agendas, reports, minutes and "
		    "resolutions.</p>\n");
	html_raw(b, "<p><a href=\"/meetings.ics\">Subscribe in Outlook<span "
		    "class=\"visually-hidden\"> to every meeting (iCalendar)</span>"
		    "</a> or another calendar. <a href=\"/bodies\">Committees and "
		    "boards</a>.</p>\n");
	html(b, "<h2 class=\"heading-l\" id=\"month\">%s %d</h2>\n"
		"<nav class=\"pagination\" aria-label=\"Months\"><ul>"
		"<li><a href=\"/meetings?month=%04d-%02d#month\" rel=\"prev\">"
		"Previous month<span class=\"visually-hidden\">: %s %d</span></a></li>"
		"<li><a href=\"/meetings?month=%04d-%02d#month\" rel=\"next\">"
		"Next month<span class=\"visually-hidden\">: %s %d</span></a></li>"
		"</ul></nav>\n",
	     month_names[mo - 1], y, py, pm, month_names[pm - 1], py, ny, nm,
	     month_names[nm - 1], ny);
	calendar(r, b, y, mo, m, n);
	if (!n)
		html(b, "<p>No meetings in %s %d.</p>\n", month_names[mo - 1], y);

	if (n_up)
		meetings_table(b, up, n_up, "Coming up", true);
	else
		html_raw(b, "<h2 class=\"heading-m\">Coming up</h2>\n"
			    "<p>No meetings are scheduled.</p>\n");
	if (n_past > first_past) {
		/* Most recent first. */
		struct meeting *rev = arena_array(r->arena, n_past - first_past,
						  sizeof(*rev));

		for (size_t i = first_past; i < n_past; i++)
			rev[n_past - 1 - i] = past[i];
		meetings_table(b, rev, n_past - first_past, "Recent", true);
	} else {
		html_raw(b, "<h2 class=\"heading-m\">Recent</h2>\n"
			    "<p>No meetings have been held yet.</p>\n");
	}
	html_raw(b, "<p><a class=\"button button--secondary\" href=\"/meetings/new\">"
		    "Add a meeting</a></p>\n");
	page_end(r, w);
	return;
fail:
	web_store_error(r, w, &e);
}

/* ---------------------------------------------------------------------
 * One meeting
 */

static void attachments_list(struct buf *b, const struct agenda_item *it)
{
	html_raw(b, "<ul class=\"list list--bullet\">\n");
	for (size_t i = 0; i < it->n_attachments; i++) {
		const struct attachment *a = &it->attachments[i];

		html(b, "<li><a href=\"/attachments/%lld\">%s</a> "
			"<span class=\"secondary-text body-s\">(",
		     (long long)a->id, a->name);
		html(b, "%s, ", a->content_type);
		if (a->bytes >= 1024 * 1024)
			html(b, "%.1f MB", (double)a->bytes / (1024.0 * 1024.0));
		else if (a->bytes >= 1024)
			html(b, "%lld KB", (long long)((a->bytes + 1023) / 1024));
		else
			html(b, "%lld bytes", (long long)a->bytes);
		html_raw(b, ")</span></li>\n");
	}
	html_raw(b, "</ul>\n");
}

static void resolutions_list(struct buf *b, const struct agenda_item *it)
{
	html_raw(b, "<p><strong>RESOLVED \xE2\x80\x93</strong></p>\n"
		    "<ol class=\"list resolutions\">\n");
	for (size_t i = 0; i < it->n_resolutions; i++) {
		const struct resolution *x = &it->resolutions[i];

		html(b, "<li><span class=\"resolutions__number\">(%zu)</span> %s ",
		     i + 1, x->text);
		resolution_tag(b, x->kind);
		if (x->to_body_id && x->to_body_name)
			html(b, " <span class=\"body-s\">to <a href=\"/bodies/%lld\">"
				"%s</a></span>",
			     (long long)x->to_body_id, x->to_body_name);
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ol>\n");
}

void page_meeting(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct meeting *m = store_meeting(r->store, r->arena, r->ids[0], &e);
	const char *title;
	bool held;

	if (!m) {
		web_store_error(r, w, &e);
		return;
	}
	held = strcmp(m->status, "held") == 0;
	{
		struct buf d = BUF_INIT;

		text_add_date(&d, m->date);
		title = arena_printf(r->arena, "%s, %s", m->body_name, d.ptr);
		buf_release(&d);
	}
	page_begin(r, w, title, "meetings");
	html_breadcrumbs(b, 3, (const char *const[]){ "/meetings", "Meetings",
						       arena_printf(r->arena, "/bodies/%lld",
								    (long long)m->body_id),
						       m->body_name, NULL, "Meeting" });
	notice(r, b);
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>", m->body_name);
	html_date(b, m->date);
	html_raw(b, "</h1>\n");
	if (m->example)
		html_example_tag(b);
	html_summary_begin(b);
	html_row_begin(b, "Committee or board");
	html(b, "<a href=\"/bodies/%lld\">%s</a>", (long long)m->body_id, m->body_name);
	html_row_end(b);
	html_row_begin(b, "Date");
	html_date(b, m->date);
	html_row_end(b);
	html_row_begin(b, "Time");
	if (m->time)
		html_time(b, m->time);
	else
		html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
	html_row_end(b);
	html_row_text(b, "Venue", m->venue);
	html_row_begin(b, "Status");
	status_tag(b, m->status);
	html_row_end(b);
	for (const struct choice *c = attendee_roles; c->code; c++) {
		bool first = true;

		for (size_t i = 0; i < m->n_attendees; i++) {
			if (strcmp(m->attendees[i].role, c->code) != 0)
				continue;
			if (first)
				html_row_begin(b, c->label);
			html(b, "%s%s", first ? "" : ", ", m->attendees[i].name);
			first = false;
		}
		if (!first)
			html_row_end(b);
	}
	if (m->note)
		html_row_text(b, "Note", m->note);
	html_summary_end(b);
	html(b, "<p><a class=\"button button--secondary\" href=\"/meetings/%lld/edit\">"
		"Change this meeting</a> <a class=\"button button--secondary\" "
		"href=\"/meetings/%lld/items/new\">Add an agenda item</a></p>\n"
		"<p class=\"row-actions\"><a href=\"/meetings/%lld/delete\">Delete "
		"this meeting</a></p>\n",
	     (long long)m->id, (long long)m->id, (long long)m->id);

	/* What was promised to this body, due now: matters arising. */
	html_undertakings_due(r, b, m->id);
	html_raw(b, "<h2 class=\"heading-l\">Agenda</h2>\n");
	if (!m->n_items)
		html_raw(b, "<p>No agenda items have been recorded.</p>\n");
	html_raw(b, "<ol class=\"agenda\">\n");
	for (size_t i = 0; i < m->n_items; i++) {
		const struct agenda_item *it = &m->items[i];

		html(b, "<li class=\"agenda__item\"><h3 class=\"heading-m\">"
			"<span class=\"agenda__number\">%s</span> "
			"<a href=\"/items/%lld\">%s</a></h3>\n",
		     it->number ? it->number : "", (long long)it->id, it->title);
		if (it->report_of)
			html(b, "<p class=\"secondary-text\">Report of %s</p>\n",
			     it->report_of);
		if (it->n_attachments)
			attachments_list(b, it);
		if (held && (it->minutes || it->n_comments)) {
			html_raw(b, "<h4 class=\"heading-s\">Minutes</h4>\n");
			if (it->minutes)
				html_paragraphs(b, it->minutes);
			if (it->n_comments) {
				html_raw(b, "<ul class=\"list list--bullet\">\n");
				for (size_t k = 0; k < it->n_comments; k++)
					html(b, "<li>%s</li>\n", it->comments[k]);
				html_raw(b, "</ul>\n");
			}
		}
		if (it->n_resolutions)
			resolutions_list(b, it);
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ol>\n");
	web_changes_link(r, b, "meeting", m->id);
	page_end(r, w);
}

/* ---------------------------------------------------------------------
 * One agenda item
 */

static const char *link_page(const char *kind)
{
	static const struct { const char *kind, *page; } pages[] = {
		{ "plan", "/plans/%lld" },         { "theme", "/themes/%lld" },
		{ "priority", "/priorities/%lld" }, { "indicator", "/indicators/%lld" },
		{ "fund", "/funds/%lld" },         { "action", "/actions/%lld" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(pages); i++)
		if (strcmp(pages[i].kind, kind) == 0)
			return pages[i].page;
	return NULL;
}

void page_item(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct agenda_item *it = store_item(r->store, r->arena, r->ids[0], &e);
	struct buf d = BUF_INIT;
	const char *mlabel;

	if (!it) {
		web_store_error(r, w, &e);
		return;
	}
	text_add_date(&d, it->meeting_date);
	mlabel = arena_printf(r->arena, "%s, %s", it->body_name, d.ptr);
	buf_release(&d);
	page_begin(r, w, it->title, "meetings");
	html_breadcrumbs(b, 3, (const char *const[]){ "/meetings", "Meetings",
						       arena_printf(r->arena, "/meetings/%lld",
								    (long long)it->meeting_id),
						       mlabel, NULL, it->title });
	notice(r, b);
	html(b, "<span class=\"caption-l\">%s%s%s</span>\n<h1>%s</h1>\n",
	     it->number ? "Item " : "", it->number ? it->number : "",
	     it->number ? "" : "Agenda item", it->title);
	if (it->example)
		html_example_tag(b);
	if (it->archived_at)
		html_raw(b, "<p><strong class=\"tag tag--grey\">Archived</strong></p>\n");

	html_raw(b, "<h2 class=\"heading-l\">The report</h2>\n");
	html_summary_begin(b);
	html_row_begin(b, "Meeting");
	html(b, "<a href=\"/meetings/%lld\">%s</a>", (long long)it->meeting_id, mlabel);
	html_row_end(b);
	html_row_text(b, "Report of", it->report_of);
	html_row_text(b, "Author", it->author);
	html_row_text(b, "Contact", it->contact);
	html_summary_end(b);
	if (it->summary) {
		html_raw(b, "<h3 class=\"heading-m\">Summary</h3>\n");
		html_paragraphs(b, it->summary);
	}
	if (it->n_recommendations) {
		html_raw(b, "<h3 class=\"heading-m\">Recommendations</h3>\n"
			    "<p>The Committee is asked to:</p>\n"
			    "<ol class=\"list list--number\">\n");
		for (size_t i = 0; i < it->n_recommendations; i++)
			html(b, "<li>%s</li>\n", it->recommendations[i]);
		html_raw(b, "</ol>\n");
	}

	html_raw(b, "<h2 class=\"heading-l\">Documents</h2>\n");
	if (it->n_attachments)
		attachments_list(b, it);
	else
		html_raw(b, "<p>No documents are attached.</p>\n");
	html(b, "<p class=\"hint\">Documents are added with <code>safer items attach "
		"%lld FILE</code> or through the API (<code>POST /api/v1/items/"
		"%lld/attachments</code>).</p>\n",
	     (long long)it->id, (long long)it->id);

	html_raw(b, "<h2 class=\"heading-l\">Minutes</h2>\n");
	if (!it->minutes && !it->n_comments && !it->n_resolutions)
		html_raw(b, "<p>No minutes have been recorded.</p>\n");
	if (it->minutes)
		html_paragraphs(b, it->minutes);
	if (it->n_comments) {
		html_raw(b, "<ul class=\"list list--bullet\">\n");
		for (size_t k = 0; k < it->n_comments; k++)
			html(b, "<li>%s</li>\n", it->comments[k]);
		html_raw(b, "</ul>\n");
	}
	if (it->n_resolutions)
		resolutions_list(b, it);

	if (it->n_links) {
		html_raw(b, "<h2 class=\"heading-l\">What it is about</h2>\n"
			    "<ul class=\"list\">\n");
		for (size_t i = 0; i < it->n_links; i++) {
			const struct item_link *l = &it->links[i];
			const char *page = link_page(l->kind);

			html(b, "<li>%s: ", choice_label(item_link_kinds, l->kind));
			if (page && l->title)
				html(b, "<a href=\"%s\">%s</a>",
				     arena_printf(r->arena, page, (long long)l->target_id),
				     l->title);
			else
				html(b, "%s %lld (no longer recorded)", l->kind,
				     (long long)l->target_id);
			html_raw(b, "</li>\n");
		}
		html_raw(b, "</ul>\n");
	}
	html(b, "<p><a class=\"button button--secondary\" href=\"/items/%lld/edit\">"
		"Change this item</a></p>\n<p class=\"row-actions\"><a "
		"href=\"/items/%lld/delete\">Delete this item</a></p>\n",
	     (long long)it->id, (long long)it->id);
	web_changes_link(r, b, "item", it->id);
	page_end(r, w);
}
