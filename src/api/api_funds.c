/*
 * api_funds.c: GET /api/v1/funds (?year=2020/21), /api/v1/funds/{id}
 * and /api/v1/awards; POST /api/v1/funds, PATCH and DELETE
 * /api/v1/funds/{id}; POST /api/v1/awards (fund_id in the body), GET,
 * PATCH and DELETE /api/v1/awards/{id}.
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

/* ---------------------------------------------------------------------
 * Writes: funds and awards.  An award is created at /api/v1/awards with
 * its fund_id in the body.  A write that leaves a fund's awards over its
 * allocation succeeds with a warning ("warnings", as for actions).
 */

#define FIELD(s, name, kind, null, bit) \
	{ #name, kind, null, bit, offsetof(struct s, name), 0 }

static const struct api_field fund_fields[] = {
	FIELD(fund_input, name, F_TEXT, false, FUND_NAME),
	FIELD(fund_input, year, F_TEXT, false, FUND_YEAR),
	FIELD(fund_input, grantor, F_TEXT, true, FUND_GRANTOR),
	FIELD(fund_input, allocation_pence, F_INT, false, FUND_ALLOCATION),
	FIELD(fund_input, note, F_TEXT, true, FUND_NOTE),
};

static const struct api_field award_fields[] = {
	FIELD(award_input, fund_id, F_ID, false, AWARD_FUND),
	FIELD(award_input, recipient, F_TEXT, false, AWARD_RECIPIENT),
	FIELD(award_input, purpose, F_TEXT, true, AWARD_PURPOSE),
	{ "amount_pence", F_INT, true, AWARD_AMOUNT,
	  offsetof(struct award_input, amount_pence),
	  offsetof(struct award_input, has_amount) },
	FIELD(award_input, priority_id, F_ID, true, AWARD_PRIORITY),
	FIELD(award_input, status, F_TEXT, false, AWARD_STATUS),
	FIELD(award_input, note, F_TEXT, true, AWARD_NOTE),
};

/* Write fund id (with its awards) or award id, with the warnings of its
 * fund, as the whole response. */
static void send_written(struct req *r, struct resp *w, bool award,
			 int64_t id, int status)
{
	struct err e = ERR_INIT, warnings[2];
	struct err_list l = { warnings, 0, ARRAY_SIZE(warnings) };
	struct award *a = NULL;
	struct fund *f = NULL;
	struct jw j;

	if (award ? !(a = store_award(r->store, r->arena, id, &e))
		  : !(f = store_fund(r->store, r->arena, id, &e))) {
		resp_api_error(w, &e);
		return;
	}
	if (store_fund_warnings(r->store, award ? a->fund_id : f->id,
				award ? "amount_pence" : "allocation_pence", &l,
				&e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	w->status = status;
	if (award)
		repr_json_award_warned(&j, a, &l);
	else
		repr_json_fund_warned(&j, f, &l);
	api_end(w);
	if (status == 201)
		resp_header(w, "Location",
			    arena_printf(r->arena, "/api/v1/%s/%lld",
					 award ? "awards" : "funds", (long long)id));
}

void api_fund_create(struct req *r, struct resp *w)
{
	struct fund_input in = { 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, fund_fields, ARRAY_SIZE(fund_fields), &in, &in.set,
			  &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	if (!(in.set & FUND_NAME) || !(in.set & FUND_YEAR)) {
		resp_api_error_status(w, 400, "invalid", "must be given",
				      in.set & FUND_NAME ? "year" : "name");
		return;
	}
	if (store_fund_create(r->store, &in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_written(r, w, false, id, 201);
}

void api_fund_patch(struct req *r, struct resp *w)
{
	struct fund_input in = { 0 };
	struct err e = ERR_INIT;

	if (api_read_body(r, fund_fields, ARRAY_SIZE(fund_fields), &in, &in.set,
			  &e) < 0 ||
	    store_fund_update(r->store, r->ids[0], &in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_written(r, w, false, r->ids[0], 200);
}

void api_fund_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived = false;

	if (store_fund_remove(r->store, r->ids[0], REMOVE_AUTO, &archived, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], archived);
}

void api_award(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct award *a;
	struct jw j;

	if (!(a = store_award(r->store, r->arena, r->ids[0], &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_award(&j, a);
	api_end(w);
}

void api_award_create(struct req *r, struct resp *w)
{
	struct award_input in = { 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, award_fields, ARRAY_SIZE(award_fields), &in, &in.set,
			  &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	if (!(in.set & AWARD_FUND) || !(in.set & AWARD_RECIPIENT)) {
		resp_api_error_status(w, 400, "invalid", "must be given",
				      in.set & AWARD_FUND ? "recipient" : "fund_id");
		return;
	}
	if (store_award_create(r->store, &in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_written(r, w, true, id, 201);
}

void api_award_patch(struct req *r, struct resp *w)
{
	struct award_input in = { 0 };
	struct err e = ERR_INIT;

	if (api_read_body(r, award_fields, ARRAY_SIZE(award_fields), &in, &in.set,
			  &e) < 0 ||
	    store_award_update(r->store, r->ids[0], &in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_written(r, w, true, r->ids[0], 200);
}

void api_award_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived = false;

	if (store_award_remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
			       &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], archived);
}
