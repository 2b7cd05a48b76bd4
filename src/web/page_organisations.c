/*
 * page_organisations.c: the partner organisations and the people safer
 * knows, with their roles.  No personal contact details are kept.
 */
#include "pages.h"
#include "store/store_people.h"

void page_organisations(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	size_t n_org, n_people;
	struct organisation *o = store_organisations(r->store, r->arena, &n_org, &e);
	struct person *p = o ? store_people(r->store, r->arena, 0, &n_people, &e)
			     : NULL;

	if (!p) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, "Organisations and people", "organisations");
	html_raw(b, "<h1>Organisations and people</h1>\n");
	html_table_begin(b, "Organisations", NULL, NULL);
	html_raw(b, "<caption>Organisations</caption>\n<thead><tr>"
		    "<th scope=\"col\">Organisation</th><th scope=\"col\">Sector</th>"
		    "<th scope=\"col\">Partnership member</th>"
		    "<th scope=\"col\" class=\"numeric\">People</th>"
		    "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n_org; i++) {
		html(b, "<tr><th scope=\"row\">%s", o[i].name);
		if (o[i].short_name)
			html(b, " (%s)", o[i].short_name);
		if (o[i].example)
			html_example_tag(b);
		if (o[i].note)
			html(b, "<br><span class=\"secondary-text body-s\">%s</span>",
			     o[i].note);
		html(b, "</th><td>%s</td><td>%s</td><td class=\"numeric\">%zu</td></tr>\n",
		     choice_label(org_sectors, o[i].sector),
		     o[i].is_member ? "Yes" : "No", o[i].n_people);
	}
	html_raw(b, "</tbody></table></div>\n");
	html_table_begin(b, "People", NULL, NULL);
	html_raw(b, "<caption>People</caption>\n<thead><tr>"
		    "<th scope=\"col\">Name</th><th scope=\"col\">Role</th>"
		    "<th scope=\"col\">Organisation</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n_people; i++) {
		html(b, "<tr><th scope=\"row\">%s", p[i].name);
		if (p[i].example)
			html_example_tag(b);
		html(b, "</th><td>%s</td><td>%s</td></tr>\n",
		     p[i].role ? p[i].role : "",
		     p[i].organisation ? p[i].organisation : "");
	}
	html_raw(b, "</tbody></table></div>\n");
	page_end(r, w);
}
