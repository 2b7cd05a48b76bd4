/*
 * page_organisations.c: the partnership, its organisations and the people
 * safer knows, with their roles, each with its "Change" and "Delete"
 * links; from an empty database, the way to add the first of each.  No
 * personal contact details are kept.
 */
#include "pages.h"
#include "store/store_people.h"

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

void page_organisations(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	size_t n_org, n_people;
	struct partnership *pa = store_partnership(r->store, r->arena, &e);
	struct organisation *o = NULL;
	struct person *p = NULL;

	if (pa || e.code == ERR_NOT_FOUND) {
		err_clear(&e);
		o = store_organisations(r->store, r->arena, &n_org, &e);
		p = o ? store_people(r->store, r->arena, 0, &n_people, &e) : NULL;
	}
	if (!p) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, "Organisations and people", "organisations");
	notice(r, b);
	html_raw(b, "<h1>Organisations and people</h1>\n");

	html_raw(b, "<h2 class=\"heading-m\">The partnership</h2>\n");
	if (pa) {
		html_summary_begin(b);
		html_row_text(b, "Name", pa->name);
		html_row_text(b, "Area", pa->area);
		html_row_begin(b, "Former names");
		if (!pa->n_former)
			html_raw(b, "<span class=\"secondary-text\">None</span>");
		for (size_t i = 0; i < pa->n_former; i++)
			html(b, "%s%s", i ? "<br>" : "", pa->former_names[i]);
		html_row_end(b);
		html_summary_end(b);
		html_raw(b, "<p><a class=\"button button--secondary\" "
			    "href=\"/partnership/edit\">Change the partnership"
			    "</a></p>\n");
	} else {
		html_raw(b, "<p>The partnership has not been set up yet.</p>\n"
			    "<p><a class=\"button\" href=\"/partnership/edit\">"
			    "Set up the partnership</a></p>\n");
	}

	html_raw(b, "<h2 class=\"heading-m\">Organisations</h2>\n");
	if (!n_org) {
		html_raw(b, "<p>No organisations have been added yet.</p>\n");
	} else {
		html_table_begin(b, "Organisations", NULL, NULL);
		html_raw(b, "<caption>Organisations</caption>\n<thead><tr>"
			    "<th scope=\"col\">Organisation</th>"
			    "<th scope=\"col\">Sector</th>"
			    "<th scope=\"col\">Partnership member</th>"
			    "<th scope=\"col\" class=\"numeric\">People</th>"
			    "<th scope=\"col\"><span class=\"visually-hidden\">"
			    "Actions</span></th></tr></thead>\n<tbody>\n");
	}
	for (size_t i = 0; i < n_org; i++) {
		html(b, "<tr><th scope=\"row\">%s", o[i].name);
		if (o[i].short_name)
			html(b, " (%s)", o[i].short_name);
		if (o[i].example)
			html_example_tag(b);
		if (o[i].note)
			html(b, "<br><span class=\"secondary-text body-s\">%s</span>",
			     o[i].note);
		html(b, "</th><td>%s</td><td>%s</td><td class=\"numeric\">%zu</td>",
		     choice_label(org_sectors, o[i].sector),
		     o[i].is_member ? "Yes" : "No", o[i].n_people);
		html(b, "<td class=\"row-actions\"><a href=\"/organisations/%lld/edit\">Change<span "
			"class=\"visually-hidden\"> %s</span></a> "
			"<a href=\"/organisations/%lld/delete\">Delete<span "
			"class=\"visually-hidden\"> %s</span></a></td></tr>\n",
		     (long long)o[i].id, o[i].name, (long long)o[i].id, o[i].name);
	}
	if (n_org)
		html_raw(b, "</tbody></table></div>\n");
	html_raw(b, "<p><a class=\"button\" href=\"/organisations/new\">Add an "
		    "organisation</a></p>\n");

	html_raw(b, "<h2 class=\"heading-m\">People</h2>\n");
	if (!n_people) {
		html_raw(b, "<p>No people have been added yet.</p>\n");
	} else {
		html_table_begin(b, "People", NULL, NULL);
		html_raw(b, "<caption>People</caption>\n<thead><tr>"
			    "<th scope=\"col\">Name</th><th scope=\"col\">Role</th>"
			    "<th scope=\"col\">Organisation</th>"
			    "<th scope=\"col\"><span class=\"visually-hidden\">"
			    "Actions</span></th></tr></thead>\n<tbody>\n");
	}
	for (size_t i = 0; i < n_people; i++) {
		html(b, "<tr><th scope=\"row\">%s", p[i].name);
		if (p[i].example)
			html_example_tag(b);
		html(b, "</th><td>%s</td><td>%s</td>",
		     p[i].role ? p[i].role : "",
		     p[i].organisation ? p[i].organisation : "");
		html(b, "<td class=\"row-actions\"><a href=\"/people/%lld/edit\">Change<span "
			"class=\"visually-hidden\"> %s</span></a> "
			"<a href=\"/people/%lld/delete\">Delete<span "
			"class=\"visually-hidden\"> %s</span></a></td></tr>\n",
		     (long long)p[i].id, p[i].name, (long long)p[i].id, p[i].name);
	}
	if (n_people)
		html_raw(b, "</tbody></table></div>\n");
	html_raw(b, "<p><a class=\"button\" href=\"/people/new\">Add a person"
		    "</a></p>\n");
	page_end(r, w);
}
