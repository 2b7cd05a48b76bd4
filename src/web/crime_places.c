/*
 * crime_places.c: section 3 of the crime dashboard (crime_dash.h), the
 * wards and LSOAs with the most crimes in the last 12 months, with rates
 * per 1,000 residents, each a link to its own dashboard; and the note on
 * how police.uk places crimes, with how many in scope had no location.
 */
#include "crime_dash.h"

#define TOP_N 10            /* wards and LSOAs listed */

static void places_table(struct dash *d, enum ce_dim dim, const char *what,
			 const char *id, const struct ce_result *res)
{
	struct buf *b = d->b;
	char m[8];
	bool codes = false;
	const char *caption = arena_printf(d->r->arena,
					   "The %zu %ss with the most %s", res->n_rows,
					   what, d->crimes);
	bool *hid, total_hid;
	struct err e = ERR_INIT;

	/* The public view: no total is shown beside the list. */
	if (dash_protect_list(d, res, false, false, &hid, &total_hid, &e) < 0) {
		html(b, "<p>These figures could not be shown: %s.</p>\n", e.msg);
		return;
	}

	/* A column of codes only if the geography gives them. */
	for (size_t i = 0; i < res->n_rows; i++) {
		const char *code, *name;

		ce_label(d->g, dim, res->rows[i].key[0], m, &code, &name);
		codes |= code != NULL && *code;
	}
	html_table_begin(b, caption, NULL, id);
	html(b, "<caption class=\"caption-s\">%s</caption>\n"
		"<thead><tr><th scope=\"col\" class=\"numeric\">Rank</th>"
		"<th scope=\"col\">%s</th>",
	     caption, dim == CE_WARD ? "Ward" : "LSOA");
	if (codes)
		html_raw(b, "<th scope=\"col\">Code</th>");
	html_raw(b, "<th scope=\"col\" class=\"numeric\">Crimes</th>"
		    "<th scope=\"col\" class=\"numeric\">Residents</th>"
		    "<th scope=\"col\" class=\"numeric\">Crimes per 1,000 residents</th>"
		    "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < res->n_rows; i++) {
		const struct ce_row *row = &res->rows[i];
		const char *code, *name, *label;
		int64_t pop = ce_population(d->g, dim, row->key[0]);

		ce_label(d->g, dim, row->key[0], m, &code, &name);
		label = name ? name : code ? code : "";
		/* A code finds the place for certain; a ward's name may be
		 * in more than one district. */
		html(b, "<tr><td class=\"numeric\">%zu</td><th scope=\"row\">"
			"<a href=\"%s\">%s</a></th>",
		     i + 1, dash_area_link(d, code && *code ? code : label), label);
		if (codes)
			html(b, "<td>%s</td>", code ? code : "");
		html_raw(b, "<td class=\"numeric\">");
		dash_add_count_or_c(b, row->count, hid[i]);
		html_raw(b, "</td><td class=\"numeric\">");
		if (pop > 0)
			dash_add_count(b, pop);
		else
			html_raw(b, "<span class=\"secondary-text\">Not known</span>");
		html_raw(b, "</td><td class=\"numeric\">");
		if (hid[i])
			dash_add_count_or_c(b, 0, true); /* it gives the count */
		else
			dash_add_rate(b, row->count, pop);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody>");
	html_table_end(b);
}

/* The note on locations: how police.uk places crimes, and how many in
 * scope had none.  in_scope is a count of crimes of the last 12 months
 * over the area. */
static void location_note(struct dash *d, const struct ce_result *in_scope)
{
	struct buf *b = d->b;
	bool whole_forces = d->area.kind == CE_AREA_ALL ||
			    d->area.kind == CE_AREA_FORCE ||
			    (d->area.kind == CE_AREA_PEER && d->area.force_in);
	struct err e = ERR_INIT;

	html_raw(b, "<div class=\"inset-text crime-note\" id=\"locations\">\n"
		    "<p>police.uk locations are approximate: to keep victims "
		    "anonymous, each crime is placed at the nearest of a fixed set "
		    "of map points (the middle of a street, a park, a shopping "
		    "area), not where it happened. Counts for small areas such as "
		    "wards and LSOAs are therefore indicative.</p>\n");
	if (whole_forces && !in_scope->no_location) {
		html_raw(b, "<p>Every crime in the 12 months to ");
		dash_add_month(b, d->to);
		html_raw(b, " has a location.</p>\n");
	} else if (whole_forces) {
		html_raw(b, "<p>");
		dash_add_count_or_c(b, in_scope->no_location,
				    dash_small(d, in_scope->no_location));
		html_raw(b, " of the ");
		dash_add_count_or_c(b, in_scope->total,
				    dash_hid(d, DASH_CRIMES, d->last_from, d->to));
		html_raw(b, " crimes in the 12 months to ");
		dash_add_month(b, d->to);
		html(b, " had no location. They are in the totals for %s, but "
			"in no ward or LSOA.</p>\n",
		     d->area_label);
	} else {
		/* Rows with no location are in no district: say how many
		 * the area's forces had. */
		for (size_t i = 0; i < d->n_forces; i++) {
			char m[8];
			const char *code, *force;
			struct ce_area fa;
			struct ce_result fr;

			ce_label(d->g, CE_FORCE_DIM, d->forces[i], m, &code, &force);
			if (!force || ce_area_find(d->g, d->r->arena, force, &fa, &e) < 0 ||
			    dash_ask(d, &fa, d->last_from, d->to, NULL, 0, true, -1, 0,
				     &fr, &e) < 0) {
				err_clear(&e);
				continue;
			}
			if (!fr.no_location) {
				html(b, "<p>Every crime recorded by %s in the 12 months "
					"to ", force);
				dash_add_month(b, d->to);
				html_raw(b, " has a location.</p>\n");
				continue;
			}
			html_raw(b, "<p>");
			dash_add_count_or_c(b, fr.no_location,
					    dash_small(d, fr.no_location));
			html(b, " of the crimes recorded by %s in the 12 months to ",
			     force);
			dash_add_month(b, d->to);
			html(b, " had no location. They count towards the force, but "
				"not towards %s or any district, ward or LSOA.</p>\n",
			     d->area_label);
		}
	}
	html_raw(b, "</div>\n");
}

void dash_places(struct dash *d)
{
	struct buf *b = d->b;
	struct err e = ERR_INIT;
	const enum ce_dim ward = CE_WARD, lsoa = CE_LSOA_DIM;
	struct ce_result wards, lsoas;

	html_raw(b, "<h2 class=\"heading-l\" id=\"places\">Where: the wards and LSOAs "
		    "with the most crimes</h2>\n");
	if (dash_ask(d, &d->area, d->last_from, d->to, &lsoa, 1, true, -1, TOP_N,
		     &lsoas, &e) < 0 ||
	    dash_ask(d, &d->area, d->last_from, d->to, &ward, 1, true, -1, TOP_N,
		     &wards, &e) < 0) {
		html(b, "<p>These figures could not be counted: %s.</p>\n", e.msg);
		return;
	}
	html(b, "<p>%s in %s in the 12 months to ",
	     d->type_name ? arena_printf(d->r->arena, "Crimes of the type %s",
					 d->type_name)
			  : "Crimes",
	     d->area_label);
	dash_add_month(b, d->to);
	html_raw(b, ". An LSOA (lower layer super output area) is a small area of "
		    "about 1,500 residents; rates use the population the geography "
		    "gives. Each ward and LSOA links to its own figures.</p>\n");
	location_note(d, &lsoas);
	html_raw(b, "<h3 class=\"heading-m\">Wards</h3>\n");
	if (!d->st.wards)
		html_raw(b, "<p>The geography safer holds has no wards, so crimes "
			    "cannot be counted by ward. Import a lookup of LSOAs to "
			    "wards with <code>safer import geography</code>.</p>\n");
	else if (!wards.n_rows)
		html_raw(b, "<p>No crimes in this period are in a known ward.</p>\n");
	else
		places_table(d, CE_WARD, "ward", "wards-table", &wards);
	if (d->st.wards)
		dash_csv_link(b, dash_csv_url(d, "top", d->area_text, d->last_from,
					      d->to, "ward", true, -1, true, TOP_N),
			      "the wards with the most crimes");
	html_raw(b, "<h3 class=\"heading-m\">LSOAs</h3>\n");
	if (!lsoas.n_rows)
		html_raw(b, "<p>No crimes in this period have a location.</p>\n");
	else
		places_table(d, CE_LSOA_DIM, "LSOA", "lsoas-table", &lsoas);
	dash_csv_link(b, dash_csv_url(d, "top", d->area_text, d->last_from, d->to,
				      "lsoa", true, -1, true, TOP_N),
		      "the LSOAs with the most crimes");
}
