/*
 * crime_outcomes.c: section 5 of the crime dashboard (crime_dash.h), the
 * last outcome police.uk gives for each crime of the last 12 months, as
 * it stood when the data was published.
 */
#include "crime_dash.h"

static int cmp_count_desc(const void *x, const void *y)
{
	const struct ce_row *a = x, *b = y;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->key[0] < b->key[0] ? -1 : a->key[0] > b->key[0];
}

void dash_outcomes(struct dash *d)
{
	struct buf *b = d->b;
	struct err e = ERR_INIT;
	const enum ce_dim by = CE_OUTCOME_DIM;
	struct ce_result res;
	char m[8];
	const char *caption;
	bool *hid, total_hid;

	html_raw(b, "<h2 class=\"heading-l\" id=\"outcomes\">Outcomes</h2>\n");
	if (dash_ask(d, &d->area, d->last_from, d->to, &by, 1, true, -1, 0, &res,
		     &e) < 0) {
		html(b, "<p>These figures could not be counted: %s.</p>\n", e.msg);
		return;
	}
	html(b, "<p>The last outcome police.uk gives for each of the %s recorded "
		"in %s in the 12 months to ", d->crimes, d->area_label);
	dash_add_month(b, d->to);
	html_raw(b, ", as it stood when the data was published. Recent crimes are "
		    "more often still under investigation.</p>\n");
	if (!res.total) {
		html_raw(b, "<p>No crimes were recorded in these 12 months.</p>\n");
		return;
	}
	qsort(res.rows, res.n_rows, sizeof(*res.rows), cmp_count_desc);
	/* The public view: the outcomes add up to the crimes of the 12
	 * months, which the headline and the change table give too. */
	if (dash_protect_list(d, &res, true,
			      dash_hid(d, DASH_CRIMES, d->last_from, d->to), &hid,
			      &total_hid, &e) < 0) {
		html(b, "<p>These figures could not be shown: %s.</p>\n", e.msg);
		return;
	}
	caption = arena_printf(d->r->arena, "Last outcome of the %s of the last "
				"12 months", d->crimes);
	html_table_begin(b, caption, NULL, "outcomes-table");
	html(b, "<caption class=\"caption-s\">%s</caption>\n<thead><tr>"
		"<th scope=\"col\">Last outcome</th>"
		"<th scope=\"col\" class=\"numeric\">Crimes</th>"
		"<th scope=\"col\" class=\"numeric\">Share</th></tr></thead>\n<tbody>\n",
	     caption);
	for (size_t i = 0; i < res.n_rows; i++) {
		const char *code, *name = NULL;

		if (res.rows[i].key[0] != UINT32_MAX)
			ce_label(d->g, CE_OUTCOME_DIM, res.rows[i].key[0], m, &code, &name);
		html(b, "<tr><th scope=\"row\">%s</th><td class=\"numeric\">",
		     name ? name : "Not recorded");
		dash_add_count_or_c(b, res.rows[i].count, hid[i]);
		html_raw(b, "</td><td class=\"numeric\">");
		if (hid[i] || total_hid) {
			dash_add_count_or_c(b, 0, true); /* it gives the count */
		} else {
			dash_add_tenths(b, dash_tenths(res.rows[i].count * 100,
						       res.total));
			buf_addc(b, '%');
		}
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody><tfoot><tr><th scope=\"row\">All crimes</th>"
		    "<td class=\"numeric\">");
	dash_add_count_or_c(b, res.total, total_hid);
	html_raw(b, "</td><td class=\"numeric\">100.0%</td></tr></tfoot>");
	html_table_end(b);
	dash_csv_link(b, dash_csv_url(d, "counts", d->area_text, d->last_from, d->to,
				      "outcome", true, -1, false, 0),
		      "the last outcomes of crimes");
}
