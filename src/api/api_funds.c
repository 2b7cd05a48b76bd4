/*
 * api_funds.c: GET /api/v1/funds (?year=2020/21), /api/v1/funds/{id}
 * and /api/v1/awards.
 */
#include "api.h"
#include "base/text.h"
#include "store/store_fund.h"

void api_funds(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct jw j;
	const char *year = http_query(r, "year");
	size_t n;
	struct fund *f;

	if (year && !*year)
		year = NULL;
	if ((year && text_financial_year(year, "year", &e) < 0) ||
	    !(f = store_funds(r->store, r->arena, year, !r->auth.anonymous, &n,
			      &e))) {
		resp_api_error(w, &e);
		return;
	}
	/* The public view: totals only, no awards or notes. */
	for (size_t i = 0; r->auth.anonymous && i < n; i++)
		f[i].note = NULL;
	api_begin(w, &j);
	repr_json_funds(&j, year, f, n);
	api_end(w);
}

void api_fund(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct jw j;
	struct fund *f;

	if (!(f = store_fund(r->store, r->arena, r->ids[0], &e))) {
		resp_api_error(w, &e);
		return;
	}
	if (r->auth.anonymous)
		f->note = NULL;
	api_begin(w, &j);
	repr_json_fund(&j, f, !r->auth.anonymous);
	api_end(w);
}

void api_awards(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct jw j;
	int64_t fund;
	size_t n;
	struct award *a;

	if (http_query_id(r, "fund", &fund, &e) < 0 ||
	    !(a = store_awards(r->store, r->arena, fund, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_key(&j, "awards");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_award(&j, &a[i]);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}
