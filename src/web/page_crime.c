/*
 * page_crime.c: the crime dashboard, /crime.
 *
 * For an area (a peer group, a force, a district, a ward or an LSOA), a
 * period of months and, if chosen, one crime type, from a GET form, it
 * shows the headline figures of the last 12 months of the period, each
 * saying which months it covers and flagging a month with no data beside
 * it; then the sections of crime_dash.h, one file each:
 *   1. crimes each month: all crime, and the most common types as small
 *      multiples, with their table (crime_trend.c);
 *   2. the last 12 months of the period against the 12 before, by type
 *      (crime_change.c);
 *   3. the wards and LSOAs with the most crimes in the last 12 months,
 *      with rates per 1,000 residents, each linking to its own dashboard,
 *      and a note on police.uk locations (crime_places.c);
 *   4. anti-social behaviour each month (crime_asb.c);
 *   5. the last outcomes of the crimes of the last 12 months
 *      (crime_outcomes.c);
 *   6. the districts of a peer group compared, the area highlighted
 *      (crime_peers.c);
 * each table with a link to the same figures as CSV from the crime API.
 *
 * One render asks the engine a handful of questions (listed above
 * page_crime()); the monthly figures come from one of them, counted by
 * month and type at once.
 */
#include <strings.h>

#include "base/text.h"
#include "crime/crime.h"
#include "crime/policeuk.h"
#include "crime_dash.h"
#include "pages.h"
#include "store/store_people.h"
#include "store/store_publish.h"

#define DEFAULT_MONTHS 36   /* the default period: the last 36 months */
#define MAX_MONTHS 240      /* the longest period a page will draw */

/* ---------------------------------------------------------------------
 * The form
 */

/* The fields of the form, in order; the problems are whole sentences
 * (see form_begin_get). */
static const struct option crime_fields[] = {
	{ "area", NULL }, { "place", NULL }, { "from", NULL }, { "to", NULL },
	{ "type", NULL }, { "peer", NULL }, { NULL, NULL },
};

static bool same(const char *a, const char *b)
{
	return a && b && text_same_area(a, b);
}

static int cmp_str(const void *x, const void *y)
{
	return strcasecmp(*(const char *const *)x, *(const char *const *)y);
}

/* The crime types to choose from: every type but ASB, by name. */
static void type_select(struct dash *d, struct form *f, const char *type_param)
{
	const char **names = arena_array(d->r->arena, d->n_crime_types + 1,
					 sizeof(*names));
	bool found = false;

	for (size_t i = 0; i < d->n_crime_types; i++)
		names[i] = dash_type_name(d, d->crime_types[i]);
	qsort(names, d->n_crime_types, sizeof(*names), cmp_str);
	form_select_begin(f, "type", "Crime type", NULL, NULL);
	form_option(f, "", "All crime", !type_param || !*type_param);
	for (size_t i = 0; i < d->n_crime_types; i++) {
		bool on = !found && same(names[i], type_param);

		found |= on;
		form_option(f, NULL, names[i], on);
	}
	if (!found && type_param && *type_param)
		form_option(f, type_param, type_param, true);
	form_select_end(f);
}

/* The area picker: peer groups, forces, districts (those with data,
 * sorted), and the ward or LSOA box; the period; the crime type; the
 * peer group.  Each problem in f is shown by its field. */
static void picker(struct dash *d, struct form *f, const char **districts,
		   size_t n_districts, const char *type_param, const char *place)
{
	const char *peer_param = d->peer_param;
	const char *sel = d->area_sel;

	form_begin_get(f, "/crime", "crime-filters");
	form_select_begin(f, "area", "Area", NULL, NULL);
	if (ce_peer_name(d->g, 0)) {
		html_raw(f->b, "<optgroup label=\"Peer groups\">\n");
		for (size_t i = 0; ce_peer_name(d->g, i); i++)
			form_option(f, NULL, ce_peer_name(d->g, i),
				    same(ce_peer_name(d->g, i), sel));
		html_raw(f->b, "</optgroup>\n");
	}
	html_raw(f->b, "<optgroup label=\"Police forces\">\n");
	form_option(f, "all", "All the data",
		    same(sel, "all") || same(sel, "England and Wales"));
	for (size_t i = 0; ce_force_name(d->g, i); i++)
		form_option(f, NULL, ce_force_name(d->g, i),
			    same(ce_force_name(d->g, i), sel));
	html_raw(f->b, "</optgroup>\n");
	if (n_districts) {
		html_raw(f->b, "<optgroup label=\"Districts (local authorities)\">\n");
		for (size_t i = 0; i < n_districts; i++)
			form_option(f, NULL, districts[i], same(districts[i], sel));
		html_raw(f->b, "</optgroup>\n");
	}
	form_select_end(f);

	form_input(f, "place", "Or a ward or LSOA: name or code", NULL, place, "10");

	for (int k = 0; k < 2; k++) {
		int cur = k ? d->to : d->from;

		form_select_begin(f, k ? "to" : "from", k ? "To" : "From", NULL,
				  "crime-month");
		for (int mo = d->st.last_month; mo >= d->st.first_month; mo--)
			form_option(f, dash_month_code(d->r->arena, mo),
				    dash_month_text(d->r->arena, mo), mo == cur);
		form_select_end(f);
	}
	type_select(d, f, type_param);

	form_select_begin(f, "peer", "Compare with", NULL, NULL);
	form_option(f, "", "The first peer group with the area",
		    !peer_param || !*peer_param);
	for (size_t i = 0; ce_peer_name(d->g, i); i++)
		form_option(f, NULL, ce_peer_name(d->g, i),
			    same(peer_param, ce_peer_name(d->g, i)));
	form_option(f, "none", "No peer group",
		    peer_param && strcmp(peer_param, "none") == 0);
	form_select_end(f);
	form_end_get(f, "Show figures");
}

/* ---------------------------------------------------------------------
 * The page
 */

static void no_data_page(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;

	page_begin(r, w, "Crime and anti-social behaviour", "crime");
	html_raw(b, "<h1>Crime and anti-social behaviour</h1>\n"
		    "<p>No police.uk crime data has been imported yet.</p>\n"
		    "<p>Download the street-level crime files of your force from "
		    "data.police.uk (Open Government Licence), then import the "
		    "folder or zip file:</p>\n"
		    "<pre class=\"crime-code\"><code>safer import police FOLDER</code></pre>\n"
		    "<p>To count by ward and to give rates per 1,000 residents, "
		    "also import a geography of LSOAs with their wards, local "
		    "authorities and populations:</p>\n"
		    "<pre class=\"crime-code\"><code>safer import geography FILE.csv"
		    "</code></pre>\n"
		    "<p>To compare districts, name a peer group:</p>\n"
		    "<pre class=\"crime-code\"><code>safer peers set NAME AREA AREA ..."
		    "</code></pre>\n");
	page_end(r, w);
}

/* True if the peer group holds some of the area.  (The engine has no
 * call for this: it reads the areas' membership arrays.) */
static bool peer_has(const struct dash *d, const struct ce_area *peer)
{
	const struct ce_area *a = &d->area;

	if (a->kind == CE_AREA_PEER)
		return same(a->name, peer->name);
	if (a->lsoa_in && peer->lsoa_in)
		for (size_t i = 0; i < d->st.lsoas; i++)
			if (a->lsoa_in[i] && peer->lsoa_in[i])
				return true;
	if (a->force_in && peer->force_in)
		for (size_t i = 0; i < d->st.forces; i++)
			if (a->force_in[i] && peer->force_in[i])
				return true;
	return false;
}

/* Read a month parameter: *out keeps its default when the parameter is
 * absent or blank; false for a value that is not a month. */
static bool read_month(struct req *r, const char *name, int *out)
{
	const char *v = http_query(r, name);
	int m;

	if (!v || !*v)
		return true;
	m = pu_month_parse(v, strlen(v));
	if (m < 0)
		return false;
	*out = m;
	return true;
}

/* Beside a figure over months m0..m1: the months in them with no data,
 * if any. */
static void figure_gap(struct dash *d, int m0, int m1)
{
	struct buf *b = d->b;
	int n = dash_missing_in(d, m0, m1);

	if (!n)
		return;
	html_raw(b, "<span class=\"figure__gap\"><strong class=\"tag tag--yellow\">"
		    "Gap in the data</strong> No data for ");
	dash_add_missing_months(b, d, m0, m1);
	html(b, ": %d of the %d months counted.</span>", m1 - m0 + 1 - n,
	     m1 - m0 + 1);
}

/* One figure: its value (markup the caller made), its label naming the
 * months it covers, and a flag for a gap in them. */
static void figure(struct dash *d, const char *value, const char *label,
		   int m0, int m1)
{
	struct buf *b = d->b;
	bool gap = dash_missing_in(d, m0, m1) > 0;

	html(b, "<li class=\"figure%s\"><span class=\"figure__value\">",
	     gap ? " figure--gap" : "");
	html_raw(b, value);
	html(b, "</span><span class=\"figure__label\">%s</span>", label);
	figure_gap(d, m0, m1);
	html_raw(b, "</li>\n");
}

/* The headline figures: the last 12 months of the period (or all of a
 * shorter one), each naming the months it covers.  The change is against
 * the same months a year before, and only when neither has a gap. */
static void headline(struct dash *d)
{
	struct buf *b = d->b;
	struct arena *a = d->r->arena;
	int m0 = d->head_from, m1 = d->to;
	const char *months = dash_months_text(a, m0, m1);
	int64_t now = dash_sum(d, DASH_CRIMES, m0, m1);
	struct buf v = BUF_INIT;

	bool now_hid = dash_hid(d, DASH_CRIMES, m0, m1);

	html_raw(b, "<ul class=\"figures\">\n");
	dash_add_count_or_c(&v, now, now_hid);
	figure(d, v.ptr, arena_printf(a, "%s, %s", d->crimes, months), m0, m1);
	if (m0 - 12 >= d->st.first_month) {
		int64_t before = dash_sum(d, DASH_CRIMES, m0 - 12, m1 - 12);
		const char *then = dash_months_text(a, m0 - 12, m1 - 12);

		buf_reset(&v);
		if (dash_missing_in(d, m0 - 12, m1)) {
			/* Not like for like: no figure, and why. */
			html(b, "<li class=\"figure figure--gap\"><span class=\"figure__value\">"
				"<span aria-hidden=\"true\">\xE2\x80\x93</span></span>"
				"<span class=\"figure__label\">no change given against "
				"%s</span><span class=\"figure__gap\"><strong class=\"tag "
				"tag--yellow\">Gap in the data</strong> Not like for like: "
				"no data for ",
			     then);
			dash_add_missing_months(b, d, m0 - 12, m1);
			html_raw(b, ".</span></li>\n");
		} else if (before > 0 && !now_hid &&
			   !dash_hid(d, DASH_CRIMES, m0 - 12, m1 - 12)) {
			struct buf c = BUF_INIT;
			int64_t t = dash_tenths((now - before) * 100, before);

			if (t > 0)
				buf_addc(&v, '+');
			dash_add_tenths(&v, t);
			buf_addc(&v, '%');
			dash_add_count(&c, before);
			figure(d, v.ptr, arena_printf(a, "change on %s (%s %s)", then,
						      c.ptr, d->crimes),
			       m0, m1);
			buf_release(&c);
		}
	}
	if (d->area.population > 0) {
		buf_reset(&v);
		if (now_hid)
			dash_add_count_or_c(&v, now, true);
		else
			dash_add_rate(&v, now, d->area.population);
		figure(d, v.ptr, arena_printf(a, "%s per 1,000 residents, %s", d->crimes,
					      months),
		       m0, m1);
	}
	if (d->asb >= 0) {
		buf_reset(&v);
		dash_add_count_or_c(&v, dash_sum(d, d->asb, m0, m1),
				    dash_hid(d, d->asb, m0, m1));
		figure(d, v.ptr, arena_printf(a, "incidents of anti-social behaviour, %s",
					      months),
		       m0, m1);
	}
	html_raw(b, "</ul>\n");
	buf_release(&v);
}

/*
 * The engine is asked:
 *   1. the districts with data in the data's last 3 months (for the
 *      picker and the default area);
 *   2. the area by month, type and force over the period and the 24
 *      months to its end (sections 1, 2, 4 and the headline);
 *   3-4. the top LSOAs and wards of the last 12 months;
 *   5. the outcomes of the last 12 months;
 *   6. the peer group by district;
 *   and, for an area smaller than a force, each of its forces (usually
 *   one) for its crimes with no location.
 */
void page_crime(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct dash dd, *d = &dd;
	const struct crime_engine *g;
	struct ce_area all;
	struct ce_result res;
	const enum ce_dim by_district = CE_DISTRICT;
	const enum ce_dim by_mtf[3] = { CE_MONTH, CE_TYPE_DIM, CE_FORCE_DIM };
	const enum ce_dim by_mf[2] = { CE_MONTH, CE_FORCE_DIM };
	const char **districts = NULL, *default_area = NULL, *own;
	const char *place = http_query(r, "place"), *area_param = http_query(r, "area");
	const char *peer_param = http_query(r, "peer");
	const char *type_param = http_query(r, "type");
	struct err probs[6];
	struct err_list l = { probs, 0, ARRAY_SIZE(probs) };
	struct form f = { .r = r, .b = b, .errors = &l, .labels = crime_fields };
	size_t n_districts = 0;
	int64_t best = -1, in_period = 0;
	bool area_ok = false;

	memset(d, 0, sizeof(*d));
	d->r = r;
	d->b = b;
	d->type = -1;
	d->crimes = "crimes";
	d->peer_param = peer_param;
	if (r->auth.anonymous) {
		/* The public view: small numbers hidden (crime_public.c). */
		struct publishing pb;

		if (store_publishing(r->store, &pb, &e) < 0) {
			web_store_error(r, w, &e);
			return;
		}
		d->pub = true;
		d->threshold = pb.threshold;
	}
	if (store_crime_summary(r->store, &d->cs, &e) < 0 ||
	    !(g = crime_acquire(r->store, r->arena, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	d->g = g;
	ce_stats(g, &d->st);
	if (!d->st.rows || d->st.first_month < 0) {
		no_data_page(r, w);
		return;
	}

	/* Types: anti-social behaviour apart from the crimes. */
	d->n_types = d->st.types;
	d->asb = ce_type_find(g, "Anti-social behaviour", NULL);
	for (size_t t = 0; t < d->n_types; t++)
		if ((int64_t)t != d->asb && d->n_crime_types < ARRAY_SIZE(d->crime_types))
			d->crime_types[d->n_crime_types++] = (uint32_t)t;
	if (d->n_types > ARRAY_SIZE(d->crime_types))
		d->asb = -1; /* too many types to leave one out: count all */

	/* 1. Districts with data in the last three months of the data, for
	 * the picker (every district has crimes every month; one month of
	 * all the data costs a tenth of a millisecond to count by district);
	 * the default area is the partnership's own if it has data, else the
	 * district with the most. */
	{
		struct partnership *p = store_partnership(r->store, r->arena, &e);

		if (!p && e.code != ERR_NOT_FOUND)
			goto fail;
		err_clear(&e);
		own = p && p->area ? p->area : NULL;
	}
	if (ce_area_find(g, r->arena, NULL, &all, &e) < 0 ||
	    dash_ask(d, &all, d->st.last_month - 2, d->st.last_month, &by_district, 1,
		false, -1, 0, &res, &e) < 0)
		goto fail;
	districts = arena_array(r->arena, res.n_rows + 1, sizeof(*districts));
	for (size_t i = 0; i < res.n_rows; i++) {
		char m[8];
		const char *code, *name;

		if (res.rows[i].key[0] == UINT32_MAX)
			continue;
		ce_label(g, CE_DISTRICT, res.rows[i].key[0], m, &code, &name);
		if (!name)
			continue;
		districts[n_districts++] = name;
		if (same(name, own)) {
			best = INT64_MAX;
			default_area = name;
		} else if (res.rows[i].count > best) {
			best = res.rows[i].count;
			default_area = name;
		}
	}
	qsort(districts, n_districts, sizeof(*districts), cmp_str);
	if (!default_area)
		default_area = ce_force_name(g, 0);

	/* The area: the ward or LSOA box wins over the list. */
	if (place && !text_blank(place)) {
		place = text_trim(arena_strdup(r->arena, place));
		d->area_text = place;
	} else {
		place = NULL;
		d->area_text = area_param && *area_param ? area_param : default_area;
	}
	if (ce_area_find(g, r->arena, d->area_text, &d->area, &e) < 0) {
		if (e.code != ERR_NOT_FOUND && e.code != ERR_INVALID)
			goto fail;
		form_problem(&l, place ? "place" : "area",
			e.code == ERR_NOT_FOUND
				? arena_printf(r->arena,
					       "There is no area called \xE2\x80\x98%s\xE2\x80\x99 "
					       "in the data. Choose an area from the list, or "
					       "enter the name or code of a ward or LSOA",
					       d->area_text)
				: arena_printf(r->arena, "%c%s",
					       e.msg[0] >= 'a' && e.msg[0] <= 'z'
						       ? e.msg[0] - 'a' + 'A' : e.msg[0],
					       e.msg + 1));
		err_clear(&e);
		d->area_sel = place ? area_param : NULL;
	} else {
		area_ok = true;
		d->area_label = d->area.kind == CE_AREA_ALL ? "all the data"
							    : d->area.name;
		/* The list shows the area itself, or the one it was chosen
		 * with when a ward or LSOA was given. */
		d->area_sel = d->area.kind == CE_AREA_WARD ||
				      d->area.kind == CE_AREA_LSOA
			      ? area_param : d->area.name;
		if (!place && (d->area.kind == CE_AREA_WARD ||
			       d->area.kind == CE_AREA_LSOA))
			place = d->area_text;
	}

	/* The period: by default the last 36 months of the data. */
	d->to = d->st.last_month;
	if (!read_month(r, "to", &d->to))
		form_problem(&l, "to",
			"Choose the last month of the period from the list");
	d->from = d->to - (DEFAULT_MONTHS - 1);
	if (d->from < d->st.first_month)
		d->from = d->st.first_month < d->to ? d->st.first_month : d->to;
	if (!read_month(r, "from", &d->from))
		form_problem(&l, "from",
			"Choose the first month of the period from the list");
	else if (d->from > d->to)
		form_problem(&l, "from",
			"The period must start before it ends");
	else if (d->to - d->from >= MAX_MONTHS)
		form_problem(&l, "from",
			"The period can be at most 20 years long");

	/* The crime type: every type but ASB, or the one chosen. */
	if (type_param && *type_param) {
		int64_t t = ce_type_find(g, type_param, NULL);

		if (t < 0 || t == d->asb || (size_t)t >= d->n_types)
			form_problem(&l, "type",
				arena_printf(r->arena, "There is no crime type called "
						       "\xE2\x80\x98%s\xE2\x80\x99: choose "
						       "one from the list",
					     type_param));
		else {
			d->type = t;
			d->type_name = dash_type_name(d, (size_t)t);
			d->crimes = arena_printf(r->arena, "crimes (%s)", d->type_name);
		}
	}

	/* The peer group: as chosen, or the first that holds the area. */
	if (peer_param && *peer_param && strcmp(peer_param, "none") != 0) {
		for (size_t i = 0; ce_peer_name(g, i); i++)
			if (same(ce_peer_name(g, i), peer_param))
				d->peer_text = ce_peer_name(g, i);
		if (!d->peer_text) {
			form_problem(&l, "peer",
				arena_printf(r->arena, "There is no peer group called "
						       "\xE2\x80\x98%s\xE2\x80\x99",
					     peer_param));
		} else if (ce_area_find(g, r->arena, d->peer_text, &d->peer, &e) < 0) {
			form_problem(&l, "peer",
				arena_printf(r->arena, "The peer group cannot be used: %s",
					     e.msg));
			err_clear(&e);
		}
	} else if (area_ok && (!peer_param || !*peer_param)) {
		for (size_t i = 0; ce_peer_name(g, i) && !d->peer_text; i++) {
			struct ce_area p;

			if (ce_area_find(g, r->arena, ce_peer_name(g, i), &p, &e) < 0) {
				err_clear(&e);
				continue;
			}
			if (peer_has(d, &p)) {
				d->peer_text = ce_peer_name(g, i);
				d->peer = p;
			}
		}
	}

	if (l.n) {
		page_begin(r, w, form_title(&f, "Crime and anti-social behaviour"),
			   "crime");
		w->status = 400;
		form_error_summary(&f);
		html_raw(b, "<span class=\"caption-l\">Crime and anti-social "
			    "behaviour</span>\n<h1>Choose an area and a period</h1>\n");
		picker(d, &f, districts, n_districts, type_param, place);
		page_end(r, w);
		return;
	}

	/* 2. The monthly counts, over the period and the 24 months to its
	 * end. */
	d->last_from = d->to - 11;
	d->prev_from = d->to - 23;
	d->head_from = d->from > d->last_from ? d->from : d->last_from;
	d->base = d->from < d->prev_from ? d->from : d->prev_from;
	d->n_months = d->to - d->base + 1;
	d->mt = arena_array(r->arena, (size_t)d->n_months * (d->n_types ? d->n_types : 1),
			    sizeof(*d->mt));
	if (dash_ask(d, &d->area, d->base, d->to, by_mtf, 3, false, -1, 0, &res,
		     &e) < 0)
		goto fail;
	for (size_t i = 0; i < res.n_rows; i++) {
		const struct ce_row *row = &res.rows[i];
		bool known = false;

		if ((int)row->key[0] < d->base || row->key[1] >= d->n_types)
			continue;
		d->mt[(size_t)((int)row->key[0] - d->base) * d->n_types + row->key[1]] +=
			row->count;
		if ((int)row->key[0] >= d->from)
			in_period += row->count;
		for (size_t k = 0; k < d->n_forces; k++)
			known |= d->forces[k] == row->key[2];
		if (!known && row->key[2] != UINT32_MAX && d->n_forces < DASH_MAX_FORCES)
			d->forces[d->n_forces++] = row->key[2];
	}

	/* 2b. Which months the area's forces published: a month none of
	 * them did is missing data, not a month without crime.  (Counted
	 * by whole runs: a few microseconds.) */
	d->missing = arena_array(r->arena, (size_t)d->n_months, sizeof(*d->missing));
	if (d->n_forces) {
		for (int i = 0; i < d->n_months; i++)
			d->missing[i] = d->base + i >= d->st.first_month &&
					d->base + i <= d->st.last_month;
		if (dash_ask(d, &all, d->base, d->to, by_mf, 2, false, -1, 0, &res,
			     &e) < 0)
			goto fail;
		for (size_t i = 0; i < res.n_rows; i++)
			for (size_t k = 0; k < d->n_forces; k++)
				if (res.rows[i].key[1] == d->forces[k] &&
				    (int)res.rows[i].key[0] >= d->base)
					d->missing[(int)res.rows[i].key[0] - d->base] = false;
		d->n_missing = dash_missing_in(d, d->from, d->to);
	}
	if (d->type < 0)
		d->n_top = dash_top_types(d, d->top, DASH_TOP_TYPES);
	if (dash_protect(d, &e) < 0)
		goto fail;

	page_begin(r, w, arena_printf(r->arena, "Crime in %s", d->area_label), "crime");
	html(b, "<span class=\"caption-l\">Crime and anti-social behaviour</span>\n"
		"<h1>%s</h1>\n",
	     d->area.kind == CE_AREA_ALL ? "All the data" : d->area.name);
	if (d->cs.generated_rows > 0)
		html_raw(b, "<div class=\"warning-text crime-generated\">"
			    "<span class=\"warning-text__icon\" aria-hidden=\"true\">!</span>"
			    "<strong><span class=\"visually-hidden\">Warning</span>");
	if (d->cs.generated_rows > 0 && d->cs.generated_rows >= d->cs.rows[PU_STREET])
		html_raw(b, "These crime figures are generated for the demo: they are "
			    "not police.uk data.</strong></div>\n");
	else if (d->cs.generated_rows > 0)
		html_raw(b, "Some of the crime data is generated for the demo: figures "
			    "that include it are not police.uk data.</strong></div>\n");
	html(b, "<p class=\"lead\">%s%s%s</p>\n", d->type_name ? d->type_name : "",
	     d->type_name ? ", " : "", dash_months_text(r->arena, d->from, d->to));
	html(b, "<p>Street-level crime and anti-social behaviour recorded by "
		"the police, as published on police.uk. The data runs from %s to "
		"%s.</p>\n",
	     dash_month_text(r->arena, d->st.first_month),
	     dash_month_text(r->arena, d->st.last_month));
	if (d->n_missing) {
		html_raw(b, "<div class=\"inset-text crime-note\"><p>police.uk has no "
			    "data for ");
		dash_add_missing_months(b, d, d->from, d->to);
		html(b, " from the police force%s of this area. %s left out of "
			"the figures below, and shown as gaps in the charts.</p></div>\n",
		     d->n_forces == 1 ? "" : "s",
		     d->n_missing == 1 ? "That month is" : "Those months are");
	}
	picker(d, &f, districts, n_districts, type_param, place);

	if (!in_period) {
		html_raw(b, "<h2 class=\"heading-l\">No crimes in this period</h2>\n<p>");
		html(b, "The data has no crimes or anti-social behaviour in %s from ",
		     d->area_label);
		html(b, "%s. Choose another period or area.</p>\n",
		     dash_months_text(r->arena, d->from, d->to));
		page_end(r, w);
		return;
	}
	headline(d);
	dash_public_note(d);
	html_raw(b, "<nav class=\"crime-contents\" aria-label=\"Contents\">\n"
		    "<h2 class=\"heading-s\">Contents</h2>\n<ul class=\"list\">\n"
		    "<li><a href=\"#trend\">Crimes each month</a></li>\n"
		    "<li><a href=\"#change\">The last 12 months against the 12 before"
		    "</a></li>\n"
		    "<li><a href=\"#places\">Where: wards and LSOAs</a></li>\n"
		    "<li><a href=\"#asb\">Anti-social behaviour</a></li>\n"
		    "<li><a href=\"#outcomes\">Outcomes</a></li>\n"
		    "<li><a href=\"#peers\">Compared with the peer group</a></li>\n"
		    "</ul>\n</nav>\n");
	dash_trend(d);
	dash_change(d);
	dash_places(d);
	dash_asb(d);
	dash_outcomes(d);
	dash_peers(d);
	html_raw(b, "<h2 class=\"heading-m\">About these figures</h2>\n"
		    "<p>Counts are of the street-level records police.uk publishes "
		    "each month, one per crime or incident, in the month it was "
		    "recorded. Rates are per 1,000 residents of the population "
		    "estimates in the geography safer holds. Crime types follow "
		    "police.uk; &lsquo;all crime&rsquo; is every type but "
		    "anti-social behaviour.</p>\n");
	page_end(r, w);
	return;

fail:
	buf_reset(b);
	web_store_error(r, w, &e);
}
