/*
 * page_outcomes.c: the outcomes frameworks, their groups and numbered
 * outcomes, and the priority areas that contribute to each.
 */
#include "pages.h"
#include "store/store_outcome.h"
#include "store/store_plan.h"

void page_outcomes(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	size_t n;
	struct framework *f = store_frameworks(r->store, r->arena, &n, &e);

	if (!f) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, "Outcomes framework", "outcomes");
	if (http_query(r, "saved"))
		html_saved_banner(r, b);
	html_raw(b, "<h1>Outcomes framework</h1>\n");
	if (!n)
		html_raw(b, "<p>No outcomes framework has been recorded.</p>\n");
	for (size_t i = 0; i < n; i++) {
		const char *edit = arena_printf(r->arena, "/frameworks/%lld/edit",
						(long long)f[i].id);

		html(b, "<h2 class=\"heading-l\" id=\"framework-%lld\">%s</h2>\n",
		     (long long)f[i].id, f[i].name);
		html_summary_begin(b);
		html_row_begin(b, "Owner");
		if (f[i].owner)
			html(b, "%s", f[i].owner);
		else
			html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
		html_row_change_end(r, b, edit, arena_printf(r->arena, "the owner of %s",
							   f[i].name));
		html_row_begin(b, "Period");
		if (f[i].period)
			html(b, "%s", f[i].period);
		else
			html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
		html_row_change_end(r, b, edit, arena_printf(r->arena, "the period of %s",
							   f[i].name));
		html_summary_end(b);
		if (f[i].note)
			html_paragraphs(b, f[i].note);
		for (size_t g = 0; g < f[i].n_groups; g++) {
			const struct outcome_group *grp = &f[i].groups[g];

			html(b, "<h3 class=\"heading-m\">%s</h3>\n", grp->name);
			html_table_begin(b, grp->name, NULL, NULL);
			html(b, "<caption class=\"visually-hidden\">%s</caption>\n"
				"<thead><tr><th scope=\"col\" class=\"numeric\">"
				"Outcome</th><th scope=\"col\">Text</th>"
				"<th scope=\"col\">Priority areas contributing</th>"
				"<th scope=\"col\"><span class=\"visually-hidden\">"
				"Change</span></th></tr></thead>\n<tbody>\n",
			     grp->name);
			for (size_t k = 0; k < grp->n_outcomes; k++) {
				const struct outcome *o = &grp->outcomes[k];
				size_t np = 0;
				struct priority *p = store_outcome_priorities(
					r->store, r->arena, o->id, &np, &e);

				if (!p) {
					buf_reset(b);
					web_store_error(r, w, &e);
					return;
				}
				html(b, "<tr id=\"outcome-%d\"><td class=\"numeric\">%d</td>"
					"<td>%s</td><td>",
				     o->number, o->number, o->text);
				if (np)
					html_raw(b, "<ul class=\"link-list\">");
				for (size_t j = 0; j < np; j++)
					html(b, "<li><a href=\"/priorities/%lld\">%s</a></li>",
					     (long long)p[j].id, p[j].name);
				if (np)
					html_raw(b, "</ul>");
				html(b, "</td><td class=\"row-actions\"><a href=\"/outcomes/"
					"%lld/edit\">Change<span class=\"visually-hidden\"> "
					"outcome %d</span></a><a href=\"/outcomes/%lld/delete\">"
					"Delete<span class=\"visually-hidden\"> outcome %d"
					"</span></a></td></tr>\n",
				     (long long)o->id, o->number, (long long)o->id,
				     o->number);
			}
			html_raw(b, "</tbody></table></div>\n");
		}
		html(b, "<div class=\"button-group\"><a class=\"button button--secondary\" "
			"href=\"/frameworks/%lld/outcomes/new\">Add an outcome"
			"<span class=\"visually-hidden\"> to %s</span></a>"
			"<a href=\"/frameworks/%lld/delete\">Archive or delete"
			"<span class=\"visually-hidden\"> %s</span></a></div>\n",
		     (long long)f[i].id, f[i].name, (long long)f[i].id, f[i].name);
	}
	html_raw(b, "<p><a class=\"button\" href=\"/frameworks/new\">Add an "
		    "outcomes framework</a></p>\n");
	page_end(r, w);
}
