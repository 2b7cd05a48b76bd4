/*
 * crime_change.c: section 2 of the crime dashboard (crime_dash.h), the
 * last 12 months of the period against the 12 before, by crime type,
 * with a warning when a month of either has no data.
 */
#include "crime_dash.h"

/* One line of a comparison of two periods. */
struct change_row {
	const char *label;
	int64_t before, after;
	bool hid_before, hid_after; /* the public view */
};

static int cmp_change(const void *x, const void *y)
{
	const struct change_row *a = x, *b = y;

	if (a->after != b->after)
		return a->after > b->after ? -1 : 1;
	return strcmp(a->label, b->label);
}

/* The cells of a row: before, after, the change in count and per cent
 * ("+12", "+4.5%"; a dash when there were none before). */
static void change_cells(struct buf *b, const struct change_row *c)
{
	int64_t diff = c->after - c->before;
	bool hid = c->hid_before || c->hid_after;

	html_raw(b, "<td class=\"numeric\">");
	dash_add_count_or_c(b, c->before, c->hid_before);
	html_raw(b, "</td><td class=\"numeric\">");
	dash_add_count_or_c(b, c->after, c->hid_after);
	html_raw(b, "</td><td class=\"numeric\">");
	if (hid) {
		/* Either side hidden: so is the change, which would give it. */
		html_raw(b, "<span class=\"suppressed\">[c]</span></td>"
			    "<td class=\"numeric\"><span class=\"suppressed\">[c]"
			    "</span></td>");
		return;
	}
	if (diff > 0)
		buf_addc(b, '+');
	dash_add_count(b, diff);
	html_raw(b, "</td><td class=\"numeric\">");
	if (c->before > 0) {
		int64_t t = dash_tenths(diff * 100, c->before);

		if (t > 0)
			buf_addc(b, '+');
		dash_add_tenths(b, t);
		buf_addc(b, '%');
	} else {
		html_raw(b, "<span aria-hidden=\"true\">\xE2\x80\x93</span>"
			    "<span class=\"visually-hidden\">none before</span>");
	}
	html_raw(b, "</td>");
}

static void row(struct buf *b, const struct change_row *c)
{
	html(b, "<tr><th scope=\"row\">%s</th>", c->label);
	change_cells(b, c);
	html_raw(b, "</tr>\n");
}

void dash_change(struct dash *d)
{
	struct buf *b = d->b;
	struct arena *a = d->r->arena;
	struct change_row *rows = arena_array(a, d->n_types + 1, sizeof(*rows));
	struct change_row all = { "All crime", 0, 0, false, false };
	struct change_row asb = { "Anti-social behaviour", 0, 0, false, false };
	size_t n = 0;
	const char *prev_to = dash_month_text(a, d->last_from - 1);
	const char *last_to = dash_month_text(a, d->to);
	const char *caption;

	html_raw(b, "<h2 class=\"heading-l\" id=\"change\">The last 12 months against "
		    "the 12 before</h2>\n");
	if (d->prev_from < d->st.first_month) {
		html_raw(b, "<p>The data starts in ");
		dash_add_month(b, d->st.first_month);
		html_raw(b, ", so there are not 24 months up to ");
		dash_add_month(b, d->to);
		html_raw(b, " to compare. Choose a later end of the period.</p>\n");
		return;
	}
	for (size_t t = 0; t < d->n_types; t++) {
		struct change_row c = {
			dash_type_name(d, t),
			dash_sum(d, (int64_t)t, d->prev_from, d->last_from - 1),
			dash_sum(d, (int64_t)t, d->last_from, d->to),
			dash_hid(d, (int64_t)t, d->prev_from, d->last_from - 1),
			dash_hid(d, (int64_t)t, d->last_from, d->to),
		};

		if ((int64_t)t == d->asb) {
			asb = c;
			asb.label = "Anti-social behaviour";
			continue;
		}
		all.before += c.before;
		all.after += c.after;
		if ((!c.before && !c.after) || (d->type >= 0 && (int64_t)t != d->type))
			continue;
		rows[n++] = c;
	}
	all.hid_before = dash_hid(d, DASH_ALL_CRIME, d->prev_from, d->last_from - 1);
	all.hid_after = dash_hid(d, DASH_ALL_CRIME, d->last_from, d->to);
	qsort(rows, n, sizeof(*rows), cmp_change);
	if (dash_missing_in(d, d->prev_from, d->to)) {
		html_raw(b, "<div class=\"warning-text\"><span class=\"warning-text__icon\" "
			    "aria-hidden=\"true\">!</span><strong><span "
			    "class=\"visually-hidden\">Warning</span>This comparison is "
			    "not like for like: police.uk has no data for ");
		dash_add_missing_months(b, d, d->prev_from, d->to);
		html_raw(b, ".</strong></div>\n");
	}
	html(b, "<p>%s recorded in %s in the year to %s, against the year to "
		"%s. The change is the simple difference: it does not say whether "
		"it is more than chance.</p>\n",
	     d->type_name ? arena_printf(a, "Crimes of the type %s", d->type_name)
			  : "Crimes",
	     d->area_label, last_to, prev_to);
	caption = arena_printf(a, "%s by type, year to %s against year to %s",
			       d->type_name ? d->type_name : "Crimes", last_to,
			       prev_to);
	html_table_begin(b, caption, NULL, "change-table");
	html(b, "<caption class=\"caption-s\">%s</caption>\n<thead><tr>"
		"<th scope=\"col\">Crime type</th>"
		"<th scope=\"col\" class=\"numeric\">Year to %s</th>"
		"<th scope=\"col\" class=\"numeric\">Year to %s</th>"
		"<th scope=\"col\" class=\"numeric\">Change</th>"
		"<th scope=\"col\" class=\"numeric\">Change (%%)</th>"
		"</tr></thead>\n<tbody>\n",
	     caption, prev_to, last_to);
	for (size_t i = 0; i < n; i++)
		row(b, &rows[i]);
	html_raw(b, "</tbody>\n<tfoot>");
	if (d->type >= 0)
		html_raw(b, "<tr><td colspan=\"5\" class=\"secondary-text\">For "
			    "comparison:</td></tr>\n");
	row(b, &all);
	if (d->asb >= 0)
		row(b, &asb);
	html_raw(b, "</tfoot>");
	html_table_end(b);
	html_raw(b, "<ul class=\"list list--plain crime-csv\">");
	html(b, "<li><a href=\"%s\">Download the year to %s as CSV</a></li>",
	     dash_csv_url(d, "counts", d->area_text, d->last_from, d->to, "type",
			  false, -1, false, 0),
	     last_to);
	html(b, "<li><a href=\"%s\">Download the year to %s as CSV</a></li>",
	     dash_csv_url(d, "counts", d->area_text, d->prev_from, d->last_from - 1,
			  "type", false, -1, false, 0),
	     prev_to);
	html_raw(b, "</ul>\n");
}
