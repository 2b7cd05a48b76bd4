/*
 * page_governance.c: the partnership's boards and subgroups as a tree,
 * each with its chair, members and terms of reference, and the links to
 * add, change and delete them.
 */
#include "pages.h"
#include "store/store_governance.h"

void page_governance(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	size_t n;
	struct board *bd = store_boards(r->store, r->arena, &n, &e);
	int depth = -1;

	if (!bd) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, "Governance", "governance");
	if (http_query(r, "saved") || http_query(r, "deleted") ||
	    http_query(r, "archived"))
		html(b, "<div class=\"notification\" role=\"status\">"
			"<h2 class=\"notification__title\">Success</h2>"
			"<div class=\"notification__content\">%s</div></div>\n",
		     http_query(r, "saved") ? "Your changes have been saved."
		     : http_query(r, "deleted")
			     ? "The board has been deleted."
			     : "Other records refer to the board, so it has been "
			       "archived: it no longer appears here, and its record "
			       "is kept.");
	html_raw(b, "<h1>Governance</h1>\n<p>The boards and subgroups through "
		    "which the partnership works, and the council committees that "
		    "scrutinise it.</p>\n<p><a class=\"button\" href=\"/boards/new\">"
		    "Add a board</a></p>\n");
	if (!n)
		html_raw(b, "<p>No boards have been recorded.</p>\n");
	for (size_t i = 0; i < n; i++) {
		/* Open or close nested lists to reach this board's depth. */
		while (depth < bd[i].depth) {
			html_raw(b, "<ul class=\"tree\">\n");
			depth++;
		}
		while (depth > bd[i].depth) {
			html_raw(b, "</li></ul>\n");
			depth--;
		}
		if (i > 0 && bd[i - 1].depth >= bd[i].depth)
			html_raw(b, "</li>\n");
		html(b, "<li><h2 class=\"heading-m\" id=\"board-%lld\">%s</h2>\n",
		     (long long)bd[i].id, bd[i].name);
		html_summary_begin(b);
		html_row_text(b, "Kind", choice_label(board_kinds, bd[i].kind));
		if (bd[i].parent_id) {
			html_row_begin(b, "Reports to");
			html(b, "<a href=\"#board-%lld\">%s</a>",
			     (long long)bd[i].parent_id, bd[i].parent_name);
			html_row_end(b);
		}
		html_row_text(b, "Chair", bd[i].chair_name);
		html_row_begin(b, "Members");
		if (!bd[i].n_members)
			html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
		else
			html_raw(b, "<ul class=\"list list--plain\">");
		for (size_t k = 0; k < bd[i].n_members; k++) {
			html(b, "<li>%s", bd[i].members[k].name);
			if (bd[i].members[k].role)
				html(b, ", %s", bd[i].members[k].role);
			else if (bd[i].members[k].organisation)
				html(b, ", %s", bd[i].members[k].organisation);
			html_raw(b, "</li>");
		}
		if (bd[i].n_members)
			html_raw(b, "</ul>");
		html_row_end(b);
		html_summary_end(b);
		html(b, "<p class=\"row-actions\"><a href=\"/boards/%lld/edit\">Change<span "
			"class=\"visually-hidden\"> %s</span></a> &middot; "
			"<a href=\"/boards/%lld/delete\">Delete<span "
			"class=\"visually-hidden\"> %s</span></a></p>\n",
		     (long long)bd[i].id, bd[i].name, (long long)bd[i].id,
		     bd[i].name);
		if (bd[i].terms_of_reference) {
			html_raw(b, "<details><summary>Terms of reference</summary>"
				    "<div class=\"details__text\">");
			html_paragraphs(b, bd[i].terms_of_reference);
			html_raw(b, "</div></details>\n");
		}
		if (bd[i].example)
			html_raw(b, "<p class=\"example-note\">Parts of this entry are "
				    "example data, invented for the demo.</p>\n");
	}
	while (depth >= 0) {
		html_raw(b, "</li></ul>\n");
		depth--;
	}
	page_end(r, w);
}
