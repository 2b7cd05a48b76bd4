/*
 * page_funding.c: funding streams by year with their awards (allocated,
 * awarded, remaining), one fund, the forms to add and change funds and
 * awards, and the awards CSV.
 */
#include "base/text.h"
#include "pages.h"
#include "svg.h"
#include "repr/repr.h"
#include "store/store_fund.h"
#include "store/store_plan.h"

static const struct option labels[] = {
	{ "name", "Name" },
	{ "year", "Financial year" },
	{ "grantor", "Grantor" },
	{ "allocation_pence", "Grant allocation" },
	{ "allocation", "Grant allocation" },
	{ "note", "Note" },
	{ "recipient", "Recipient or project" },
	{ "purpose", "Purpose" },
	{ "amount_pence", "Amount" },
	{ "amount", "Amount" },
	{ "priority_id", "Priority area" },
	{ "status", "Status" },
	{ "fund_id", "Funding stream" },
	{ NULL, NULL },
};

void html_awards_table(struct buf *b, const struct award *w, size_t n,
		       bool with_fund, const char *caption)
{
	if (!n) {
		html_raw(b, "<p>No awards have been recorded.</p>\n");
		return;
	}
	html_table_begin(b, caption, NULL, NULL);
	html(b, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>",
	     caption);
	if (with_fund)
		html_raw(b, "<th scope=\"col\">Funding stream</th>");
	html_raw(b, "<th scope=\"col\">Recipient or project</th>"
		    "<th scope=\"col\">Purpose</th><th scope=\"col\">Priority area</th>"
		    "<th scope=\"col\">Status</th>"
		    "<th scope=\"col\" class=\"numeric\">Amount</th>"
		    "<th scope=\"col\"><span class=\"visually-hidden\">Change</span></th>"
		    "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		html_raw(b, "<tr>");
		if (with_fund)
			html(b, "<td><a href=\"/funds/%lld\">%s</a></td>",
			     (long long)w[i].fund_id, w[i].fund_name);
		html(b, "<td>%s", w[i].recipient);
		if (w[i].example)
			html_example_tag(b);
		html(b, "</td><td>%s</td><td>", w[i].purpose ? w[i].purpose : "");
		if (w[i].priority_id)
			html(b, "<a href=\"/priorities/%lld\">%s</a>",
			     (long long)w[i].priority_id, w[i].priority_name);
		html_raw(b, "</td><td>");
		html_award_status_tag(b, w[i].status);
		html_raw(b, "</td><td class=\"numeric\">");
		if (w[i].has_amount)
			html_money(b, w[i].amount_pence);
		else
			html_raw(b, "<span class=\"secondary-text\">Not recorded</span>");
		html(b, "</td><td><a href=\"/awards/%lld/edit\">Change"
			"<span class=\"visually-hidden\"> award to %s</span></a></td></tr>\n",
		     (long long)w[i].id, w[i].recipient);
	}
	html_raw(b, "</tbody></table></div>\n");
}

void page_funding(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	size_t n_years = 0, n = 0;
	const char **years = store_fund_years(r->store, r->arena, &n_years, &e);
	const char *year = http_query(r, "year");
	struct fund *f;
	int64_t alloc = 0, awarded = 0, unpriced = 0;
	bool alloc_example = false, awarded_example = false;

	if (!years) {
		web_store_error(r, w, &e);
		return;
	}
	if (!year || !*year)
		year = n_years ? years[0] : NULL;
	if (year && text_financial_year(year, "year", &e) < 0) {
		web_error_page(r, w, 400, "The year must be a financial year like 2020/21.");
		return;
	}
	if (!(f = store_funds(r->store, r->arena, year, true, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, "Funding", "funding");
	html(b, "<span class=\"caption-l\">%s</span>\n<h1>Funding streams and awards</h1>\n",
	     year ? year : "No funding recorded");
	if (n_years > 1) {
		struct form fm = { .r = r, .b = b };

		form_begin_get(&fm, "/funding", NULL);
		form_select_begin(&fm, "year", "Financial year", NULL, NULL);
		for (size_t i = 0; i < n_years; i++)
			form_option(&fm, NULL, years[i],
				    year && strcmp(year, years[i]) == 0);
		form_select_end(&fm);
		form_end_get(&fm, "Show year");
	}
	for (size_t i = 0; i < n; i++) {
		alloc += f[i].allocation_pence;
		awarded += f[i].awarded_pence;
		unpriced += f[i].n_unpriced;
		alloc_example |= f[i].example;
		awarded_example |= f[i].example || f[i].awarded_example;
	}
	/* A sum of example amounts is example data too: marked where it
	 * is shown. */
	html_raw(b, "<ul class=\"figures\">\n<li class=\"figure\"><span "
		    "class=\"figure__value\">");
	html_money(b, alloc);
	html_raw(b, "</span><span class=\"figure__label\">allocated");
	if (alloc_example)
		html_example_tag(b);
	html_raw(b, "</span></li>\n<li class=\"figure\"><span class=\"figure__value\">");
	html_money(b, awarded);
	html_raw(b, "</span><span class=\"figure__label\">awarded");
	if (awarded_example)
		html_example_tag(b);
	html_raw(b, "</span></li>\n<li class=\"figure\"><span class=\"figure__value\">");
	html_money(b, alloc - awarded);
	html_raw(b, "</span><span class=\"figure__label\">remaining");
	if (awarded_example)
		html_example_tag(b);
	html_raw(b, "</span></li>\n</ul>\n");
	if (awarded_example)
		html_raw(b, "<p class=\"example-note\">The amounts awarded, and so "
			    "what remains, add up award amounts that are example "
			    "data, invented for the demo: the council's records name "
			    "the awards but not what each received.</p>\n");
	if (unpriced && !r->auth.anonymous)
		html(b, "<p class=\"inset-text\">%lld award%s ha%s no amount recorded, "
			"so the amount awarded may be higher than shown.</p>\n",
		     (long long)unpriced, unpriced == 1 ? "" : "s",
		     unpriced == 1 ? "s" : "ve");

	html_table_begin(b, "Funding streams", NULL, NULL);
	html_raw(b, "<caption>Funding streams</caption>\n<thead><tr>"
		    "<th scope=\"col\">Fund</th><th scope=\"col\">Grantor</th>"
		    "<th scope=\"col\" class=\"numeric\">Allocation</th>"
		    "<th scope=\"col\" class=\"numeric\">Awarded</th>"
		    "<th scope=\"col\" class=\"numeric\">Remaining</th>"
		    "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		/* The public view: totals only, no fund's own page. */
		if (r->auth.anonymous)
			html(b, "<tr><th scope=\"row\">%s", f[i].name);
		else
			html(b, "<tr><th scope=\"row\"><a href=\"/funds/%lld\">%s</a>",
			     (long long)f[i].id, f[i].name);
		if (f[i].example)
			html_example_tag(b);
		if (f[i].grantor)
			html(b, "</th><td>%s</td><td class=\"numeric\">", f[i].grantor);
		else
			html_raw(b, "</th><td><span class=\"secondary-text\">Not "
				    "recorded</span></td><td class=\"numeric\">");
		html_money(b, f[i].allocation_pence);
		html_raw(b, "</td><td class=\"numeric\">");
		html_money(b, f[i].awarded_pence);
		if (f[i].awarded_example)
			html_example_tag(b);
		svg_meter(b, f[i].awarded_pence, f[i].allocation_pence);
		html_raw(b, "</td><td class=\"numeric\">");
		html_money(b, f[i].remaining_pence);
		if (f[i].awarded_example)
			html_example_tag(b);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody><tfoot><tr><th scope=\"row\">Total</th><td></td>"
		    "<td class=\"numeric\">");
	html_money(b, alloc);
	if (alloc_example)
		html_example_tag(b);
	html_raw(b, "</td><td class=\"numeric\">");
	html_money(b, awarded);
	if (awarded_example)
		html_example_tag(b);
	html_raw(b, "</td><td class=\"numeric\">");
	html_money(b, alloc - awarded);
	if (awarded_example)
		html_example_tag(b);
	html_raw(b, "</td></tr></tfoot></table></div>\n");
	if (r->auth.anonymous) {
		/* The public view: no awards, recipients or notes. */
		page_end(r, w);
		return;
	}

	for (size_t i = 0; i < n; i++) {
		html(b, "<h2 class=\"heading-m\"><a href=\"/funds/%lld\">%s</a></h2>\n",
		     (long long)f[i].id, f[i].name);
		if (f[i].note)
			html(b, "<p class=\"secondary-text\">%s</p>\n", f[i].note);
		html_awards_table(b, f[i].awards, f[i].n_award_list, false,
				  arena_printf(r->arena, "Awards from the %s",
					       f[i].name));
	}
	html(b, "<div class=\"button-group\"><a class=\"button\" href=\"/funds/new\">"
		"Add a funding stream</a><a href=\"/awards.csv%s%s\">Download "
		"awards as CSV</a></div>\n",
	     year ? "?year=" : "", year ? year : "");
	page_end(r, w);
}

void page_awards_csv(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	const char *year = http_query(r, "year");
	struct fund *f;
	size_t n, total = 0, k = 0;
	struct award *all;

	if (year && !*year)
		year = NULL;
	if ((year && text_financial_year(year, "year", &e) < 0) ||
	    !(f = store_funds(r->store, r->arena, year, true, &n, &e))) {
		web_store_error(r, w, &e);
		return;
	}
	for (size_t i = 0; i < n; i++)
		total += f[i].n_award_list;
	all = arena_array(r->arena, total + 1, sizeof(*all));
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < f[i].n_award_list; j++)
			all[k++] = f[i].awards[j];
	w->content_type = "text/csv; charset=utf-8";
	resp_header(w, "Content-Disposition", "attachment; filename=\"awards.csv\"");
	repr_csv_awards(&w->body, all, k);
}

void page_fund(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct fund *f = store_fund(r->store, r->arena, r->ids[0], &e);
	const char *saved = http_query(r, "saved");

	if (!f) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, f->name, "funding");
	html_breadcrumbs(b, 2, (const char *const[]){
		arena_printf(r->arena, "/funding?year=%s", f->year), "Funding",
		NULL, f->name });
	if (saved)
		html_raw(b, "<div class=\"notification\" role=\"status\">"
			    "<h2 class=\"notification__title\">Success</h2>"
			    "<div class=\"notification__content\">Your changes have "
			    "been saved.</div></div>\n");
	html(b, "<span class=\"caption-l\">Funding stream %s</span>\n<h1>%s</h1>\n",
	     f->year, f->name);
	html_summary_begin(b);
	html_row_text(b, "Financial year", f->year);
	html_row_text(b, "Grantor", f->grantor);
	html_row_begin(b, "Grant allocation");
	html_money(b, f->allocation_pence);
	html_row_end(b);
	html_row_begin(b, "Awarded");
	html_money(b, f->awarded_pence);
	if (f->awarded_example || f->example)
		html_example_tag(b);
	if (f->n_unpriced)
		html(b, " <span class=\"secondary-text\">(%lld award%s without an "
			"amount)</span>",
		     (long long)f->n_unpriced, f->n_unpriced == 1 ? "" : "s");
	html_row_end(b);
	html_row_begin(b, "Remaining");
	html_money(b, f->remaining_pence);
	if (f->awarded_example || f->example)
		html_example_tag(b);
	html_row_end(b);
	if (f->note)
		html_row_text(b, "Note", f->note);
	html_summary_end(b);
	if (f->awarded_pence > f->allocation_pence) {
		/* Allowed, but said: the awards are over the allocation. */
		struct err warnings[1];
		struct err_list l = { warnings, 0, 1 };

		if (store_fund_warnings(r->store, f->id, "amount_pence", &l, &e) == 0 &&
		    l.n)
			html(b, "<div class=\"warning-text\"><strong>Warning: %s."
				"</strong></div>\n", l.v[0].msg);
	}
	html(b, "<p><a class=\"button button--secondary\" href=\"/funds/%lld/edit\">"
		"Change this funding stream</a> <a href=\"/funds/%lld/delete\">"
		"Delete this funding stream</a></p>\n"
		"<h2 class=\"heading-m\">Awards</h2>\n",
	     (long long)f->id, (long long)f->id);
	html_awards_table(b, f->awards, f->n_award_list, false,
			  arena_printf(r->arena, "Awards from the %s", f->name));
	html(b, "<p><a class=\"button\" href=\"/funds/%lld/awards/new\">Add an award"
		"</a></p>\n",
	     (long long)f->id);
	web_changes_link(r, b, "fund", f->id);
	page_end(r, w);
}

/* ---------------------------------------------------------------------
 * Forms for funds
 */

static void fund_form(struct req *r, struct resp *w, const struct fund *f,
		      const struct err_list *errors)
{
	struct buf *b = &w->body, money = BUF_INIT;
	struct form fm = { r, b, errors, errors != NULL, labels };
	const char *title = f ? "Change a funding stream" : "Add a funding stream";

	if (f) {
		/* The allocation as a plain amount the form reads back. */
		buf_printf(&money, "%lld", (long long)(f->allocation_pence / 100));
		if (f->allocation_pence % 100)
			buf_printf(&money, ".%02d", (int)(f->allocation_pence % 100));
	}
	page_begin(r, w, form_title(&fm, title), "funding");
	html(b, "<a class=\"back-link\" href=\"%s\">Back</a>\n"
		"<div class=\"grid-row\"><div class=\"column-two-thirds\">\n",
	     f ? arena_printf(r->arena, "/funds/%lld", (long long)f->id) : "/funding");
	form_error_summary(&fm);
	html(b, "<h1>%s</h1>\n", title);
	form_begin(&fm, f ? arena_printf(r->arena, "/funds/%lld", (long long)f->id)
			  : "/funds");
	form_input(&fm, "name", "Name", NULL, f ? f->name : NULL, NULL);
	form_input(&fm, "year", "Financial year", "For example, 2020/21",
		   f ? f->year : NULL, "10");
	form_input(&fm, "grantor", "Grantor (optional)",
		   "Who gives the grant, for example the Combined Authority.",
		   f ? f->grantor : NULL, NULL);
	form_input(&fm, "allocation", "Grant allocation, in pounds",
		   "For example, 218973 or 218,973.50", f ? money.ptr : NULL, "10");
	form_textarea(&fm, "note", "Note (optional)", NULL, f ? f->note : NULL);
	form_end(&fm, f ? "Save changes" : "Add funding stream",
		 f ? arena_printf(r->arena, "/funds/%lld", (long long)f->id)
		   : "/funding");
	html_raw(b, "</div></div>\n");
	page_end(r, w);
	buf_release(&money);
}

/* Read the fund form; every problem goes to l. */
static void read_fund_form(struct req *r, struct fund_input *in,
			   struct err_list *l)
{
	const char *alloc = form_read_text(r, "allocation");
	struct err e = ERR_INIT;

	memset(in, 0, sizeof(*in));
	in->set = FUND_NAME | FUND_YEAR | FUND_GRANTOR | FUND_ALLOCATION | FUND_NOTE;
	in->name = form_read_text(r, "name");
	in->year = form_read_text(r, "year");
	in->grantor = form_read_text(r, "grantor");
	in->note = form_read_text(r, "note");
	if (!alloc) {
		err_set(&e, ERR_INVALID, "allocation", "must be given");
		err_list_add(l, &e);
	} else if (text_money(alloc, &in->allocation_pence, "allocation", &e) < 0) {
		err_list_add(l, &e);
	}
	store_fund_check(in, l);
}

static void fund_failed(struct req *r, struct resp *w, const struct fund *f,
			const struct err_list *l)
{
	if (!form_user_errors(r, w, l))
		return;
	fund_form(r, w, f, l);
	w->status = form_failed_status(l);
}

void page_fund_new(struct req *r, struct resp *w)
{
	fund_form(r, w, NULL, NULL);
}

void page_fund_create(struct req *r, struct resp *w)
{
	struct fund_input in;
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id;

	read_fund_form(r, &in, &l);
	if (!l.n && store_fund_create(r->store, &in, &id, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		fund_failed(r, w, NULL, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/funds/%lld?saved=1", (long long)id));
}

void page_fund_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct fund *f = store_fund(r->store, r->arena, r->ids[0], &e);

	if (!f)
		web_store_error(r, w, &e);
	else
		fund_form(r, w, f, NULL);
}

void page_fund_save(struct req *r, struct resp *w)
{
	struct fund_input in;
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct fund *f = store_fund(r->store, r->arena, r->ids[0], &e);

	if (!f) {
		web_store_error(r, w, &e);
		return;
	}
	read_fund_form(r, &in, &l);
	if (!l.n && store_fund_update(r->store, f->id, &in, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		fund_failed(r, w, f, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/funds/%lld?saved=1", (long long)f->id));
}

/* ---------------------------------------------------------------------
 * Forms for awards
 */

/* Every priority area of every plan, as select options; -1 with e set
 * if the store fails. */
static int priority_options(struct req *r, struct option **opts, size_t *n,
			    struct err *e)
{
	size_t n_plans = 0, cap = 0;
	struct plan *plans = store_plans(r->store, r->arena, r->today, &n_plans, e);
	struct theme **themes;
	size_t *n_themes;

	*n = 0;
	if (!plans)
		return -1;
	themes = arena_array(r->arena, n_plans + 1, sizeof(*themes));
	n_themes = arena_array(r->arena, n_plans + 1, sizeof(*n_themes));
	for (size_t i = 0; i < n_plans; i++) {
		themes[i] = store_themes(r->store, r->arena, plans[i].id, false,
					 &n_themes[i], e);
		if (!themes[i])
			return -1;
		for (size_t k = 0; k < n_themes[i]; k++)
			cap += themes[i][k].n_priorities;
	}
	*opts = arena_array(r->arena, cap + 1, sizeof(**opts));
	for (size_t i = 0; i < n_plans; i++) {
		size_t nt = n_themes[i];
		const struct theme *t = themes[i];

		for (size_t k = 0; k < nt; k++)
			for (size_t j = 0; j < t[k].n_priorities && *n < cap; j++) {
				(*opts)[*n].value = arena_printf(
					r->arena, "%lld",
					(long long)t[k].priorities[j].id);
				(*opts)[(*n)++].label = arena_printf(
					r->arena, "%s (%s, %s)",
					t[k].priorities[j].name, t[k].name,
					plans[i].title);
			}
	}
	return 0;
}

static void award_form(struct req *r, struct resp *w, const struct fund *f,
		       const struct award *a, const struct err_list *errors)
{
	struct buf *b = &w->body, money = BUF_INIT;
	struct form fm = { r, b, errors, errors != NULL, labels };
	const char *title = a ? "Change an award" : "Add an award";
	struct option *prio;
	size_t n_prio;
	struct err e = ERR_INIT;

	if (priority_options(r, &prio, &n_prio, &e) < 0) {
		buf_reset(b);
		web_store_error(r, w, &e);
		return;
	}
	if (a && a->has_amount) {
		buf_printf(&money, "%lld", (long long)(a->amount_pence / 100));
		if (a->amount_pence % 100)
			buf_printf(&money, ".%02d", (int)(a->amount_pence % 100));
	}
	page_begin(r, w, form_title(&fm, title), "funding");
	html(b, "<a class=\"back-link\" href=\"/funds/%lld\">Back</a>\n"
		"<div class=\"grid-row\"><div class=\"column-two-thirds\">\n",
	     (long long)f->id);
	form_error_summary(&fm);
	html(b, "<span class=\"caption-l\">%s %s</span>\n<h1>%s</h1>\n", f->name,
	     f->year, title);
	form_begin(&fm, a ? arena_printf(r->arena, "/awards/%lld", (long long)a->id)
			  : arena_printf(r->arena, "/funds/%lld/awards",
					 (long long)f->id));
	form_input(&fm, "recipient", "Recipient or project", NULL,
		   a ? a->recipient : NULL, NULL);
	form_textarea(&fm, "purpose", "Purpose (optional)", NULL,
		      a ? a->purpose : NULL);
	form_input(&fm, "amount", "Amount, in pounds (optional)",
		   "Leave blank if the amount is not known.",
		   a && a->has_amount ? money.ptr : NULL, "10");
	form_select_choice(&fm, "status", "Status", NULL, award_statuses, NULL,
			   a ? a->status : "awarded");
	form_select(&fm, "priority_id", "Priority area (optional)", NULL, prio,
		    n_prio, "None",
		    a && a->priority_id ? arena_printf(r->arena, "%lld",
						       (long long)a->priority_id)
					: NULL);
	form_textarea(&fm, "note", "Note (optional)", NULL, a ? a->note : NULL);
	form_end(&fm, a ? "Save changes" : "Add award",
		 arena_printf(r->arena, "/funds/%lld", (long long)f->id));
	if (a)
		html(b, "<p><a href=\"/awards/%lld/delete\">Delete this award</a></p>\n",
		     (long long)a->id);
	html_raw(b, "</div></div>\n");
	page_end(r, w);
	buf_release(&money);
}

/* Read the award form; every problem goes to l. */
static void read_award_form(struct req *r, int64_t fund_id,
			    struct award_input *in, struct err_list *l)
{
	const char *amount = form_read_text(r, "amount");
	struct err e = ERR_INIT;

	memset(in, 0, sizeof(*in));
	in->set = AWARD_FUND | AWARD_RECIPIENT | AWARD_PURPOSE | AWARD_AMOUNT |
		  AWARD_PRIORITY | AWARD_STATUS | AWARD_NOTE;
	in->fund_id = fund_id;
	in->recipient = form_read_text(r, "recipient");
	in->purpose = form_read_text(r, "purpose");
	in->status = form_read_text(r, "status");
	in->note = form_read_text(r, "note");
	in->has_amount = amount != NULL;
	if (amount && text_money(amount, &in->amount_pence, "amount", &e) < 0)
		err_list_add(l, &e);
	form_read_id(r, "priority_id", &in->priority_id, l);
	store_award_check(r->store, in, l);
}

static void award_failed(struct req *r, struct resp *w, const struct fund *f,
			 const struct award *a, const struct err_list *l)
{
	if (!form_user_errors(r, w, l))
		return;
	award_form(r, w, f, a, l);
	w->status = form_failed_status(l);
}

void page_award_new(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct fund *f = store_fund(r->store, r->arena, r->ids[0], &e);

	if (!f)
		web_store_error(r, w, &e);
	else
		award_form(r, w, f, NULL, NULL);
}

void page_award_create(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct fund *f = store_fund(r->store, r->arena, r->ids[0], &e);
	struct award_input in;
	struct err errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id;

	if (!f) {
		web_store_error(r, w, &e);
		return;
	}
	read_award_form(r, f->id, &in, &l);
	if (!l.n && store_award_create(r->store, &in, &id, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		award_failed(r, w, f, NULL, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/funds/%lld?saved=1", (long long)f->id));
}

void page_award_edit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct award *a = store_award(r->store, r->arena, r->ids[0], &e);
	struct fund *f = a ? store_fund(r->store, r->arena, a->fund_id, &e) : NULL;

	if (!f)
		web_store_error(r, w, &e);
	else
		award_form(r, w, f, a, NULL);
}

void page_award_save(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct award *a = store_award(r->store, r->arena, r->ids[0], &e);
	struct fund *f = a ? store_fund(r->store, r->arena, a->fund_id, &e) : NULL;
	struct award_input in;
	struct err errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };

	if (!f) {
		web_store_error(r, w, &e);
		return;
	}
	read_award_form(r, f->id, &in, &l);
	if (!l.n && store_award_update(r->store, a->id, &in, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		award_failed(r, w, f, a, &l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/funds/%lld?saved=1", (long long)f->id));
}
