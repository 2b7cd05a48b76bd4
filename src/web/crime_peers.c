/*
 * crime_peers.c: section 6 of the crime dashboard (crime_dash.h), the
 * districts of the peer group compared by their rate of crimes per 1,000
 * residents in the last 12 months, the area highlighted, each district a
 * link to its own dashboard.
 */
#include "base/text.h"
#include "crime_dash.h"

struct peer_row {
	uint32_t key;
	bool hid;           /* the public view */
	int64_t count, population, rate; /* rate in tenths; -1 unknown */
};

static int cmp_peer(const void *x, const void *y)
{
	const struct peer_row *a = x, *b = y;

	if (a->rate != b->rate)
		return a->rate > b->rate ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->key < b->key ? -1 : a->key > b->key;
}

/* True if district key is the area itself. */
static bool is_area(const struct dash *d, uint32_t key)
{
	char m[8];
	const char *code, *name;

	if (d->area.kind != CE_AREA_DISTRICT)
		return false;
	ce_label(d->g, CE_DISTRICT, key, m, &code, &name);
	return (name && d->area.name && text_same_area(name, d->area.name)) ||
	       (code && d->area.code && strcmp(code, d->area.code) == 0);
}

void dash_peers(struct dash *d)
{
	struct buf *b = d->b;
	struct err e = ERR_INIT;
	const enum ce_dim by = CE_DISTRICT;
	struct ce_result res;
	struct peer_row *rows;
	size_t n = 0;
	bool found = false;
	char m[8];
	const char *caption;
	bool *hid, total_hid;

	html_raw(b, "<h2 class=\"heading-l\" id=\"peers\">Compared with the peer "
		    "group</h2>\n");
	if (!d->peer_text) {
		if (!ce_peer_name(d->g, 0))
			html_raw(b, "<p>No peer groups have been set up. Make one, such "
				    "as the districts of a force or a &lsquo;most similar "
				    "group&rsquo;, with <code>safer peers set NAME AREA "
				    "AREA ...</code>.</p>\n");
		else
			html(b, "<p>No peer group is chosen%s. Choose one in the form "
				"above.</p>\n",
			     d->area.kind == CE_AREA_PEER ? ""
							  : " that contains this area");
		return;
	}
	if (dash_ask(d, &d->peer, d->last_from, d->to, &by, 1, true, -1, 0, &res,
		     &e) < 0) {
		html(b, "<p>These figures could not be counted: %s.</p>\n", e.msg);
		return;
	}
	if (dash_protect_list(d, &res, true, false, &hid, &total_hid, &e) < 0) {
		html(b, "<p>These figures could not be shown: %s.</p>\n", e.msg);
		return;
	}
	rows = arena_array(d->r->arena, res.n_rows + 1, sizeof(*rows));
	for (size_t i = 0; i < res.n_rows; i++) {
		struct peer_row *p = &rows[n];

		if (res.rows[i].key[0] == UINT32_MAX)
			continue;
		p->key = res.rows[i].key[0];
		p->hid = hid[i];
		p->count = res.rows[i].count;
		p->population = ce_population(d->g, CE_DISTRICT, p->key);
		p->rate = p->population > 0 ? dash_tenths(p->count * 1000, p->population)
					    : -1;
		n++;
	}
	qsort(rows, n, sizeof(*rows), cmp_peer);
	html(b, "<p>%s in the 12 months to ",
	     d->type_name ? arena_printf(d->r->arena, "Crimes of the type %s",
					 d->type_name)
			  : "Crimes");
	dash_add_month(b, d->to);
	html(b, " in each district of the peer group &lsquo;%s&rsquo;, highest "
		"rate first. Each district links to its own figures.</p>\n",
	     d->peer_text);
	caption = arena_printf(d->r->arena, "%s in the districts of %s",
			       d->type_name ? d->type_name : "Crimes", d->peer_text);
	html_table_begin(b, caption, NULL, "peers-table");
	html(b, "<caption class=\"caption-s\">%s</caption>\n"
		"<thead><tr><th scope=\"col\" class=\"numeric\">Rank</th>"
		"<th scope=\"col\">District</th><th scope=\"col\">Code</th>"
		"<th scope=\"col\" class=\"numeric\">Crimes</th>"
		"<th scope=\"col\" class=\"numeric\">Residents</th>"
		"<th scope=\"col\" class=\"numeric\">Crimes per 1,000 residents</th>"
		"</tr></thead>\n<tbody>\n",
	     caption);
	for (size_t i = 0; i < n; i++) {
		const char *code, *name, *label;
		bool self = is_area(d, rows[i].key);

		found |= self;
		ce_label(d->g, CE_DISTRICT, rows[i].key, m, &code, &name);
		label = name ? name : code ? code : "";
		html_raw(b, self ? "<tr class=\"crime-self\">" : "<tr>");
		html(b, "<td class=\"numeric\">%zu</td><th scope=\"row\">", i + 1);
		if (self)
			html(b, "%s <strong class=\"tag tag--blue\">This area</strong>",
			     label);
		else
			html(b, "<a href=\"%s\">%s</a>",
			     dash_area_link(d, label), label);
		html(b, "</th><td>%s</td><td class=\"numeric\">", code ? code : "");
		dash_add_count_or_c(b, rows[i].count, rows[i].hid);
		html_raw(b, "</td><td class=\"numeric\">");
		if (rows[i].population > 0)
			dash_add_count(b, rows[i].population);
		else
			html_raw(b, "<span class=\"secondary-text\">Not known</span>");
		html_raw(b, "</td><td class=\"numeric\">");
		if (rows[i].hid)
			dash_add_count_or_c(b, 0, true); /* it gives the count */
		else
			dash_add_rate(b, rows[i].count, rows[i].population);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody><tfoot><tr><td></td><th scope=\"row\">The peer group"
		    "</th><td></td><td class=\"numeric\">");
	dash_add_count_or_c(b, res.total, total_hid);
	html_raw(b, "</td><td class=\"numeric\">");
	if (d->peer.population > 0)
		dash_add_count(b, d->peer.population);
	html_raw(b, "</td><td class=\"numeric\">");
	if (total_hid)
		dash_add_count_or_c(b, 0, true);
	else
		dash_add_rate(b, res.total, d->peer.population);
	html_raw(b, "</td></tr></tfoot>");
	html_table_end(b);
	if (!found && d->area.kind != CE_AREA_PEER)
		html(b, "<p>%s is not one of the districts of this peer group, so "
			"it is not in the table.</p>\n",
		     d->area.kind == CE_AREA_ALL ? "All the data" : d->area.name);
	dash_csv_link(b, dash_csv_url(d, "counts", d->peer_text, d->last_from, d->to,
				      "district", true, -1, true, 0),
		      "crimes in the districts of the peer group");
}
