/*
 * api_plans.c: GET /api/v1/plans, /api/v1/plans/{id} and
 * /api/v1/outcomes.
 */
#include "api.h"
#include "store/store_outcome.h"
#include "store/store_plan.h"

void api_plans(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct jw j;
	size_t n;
	struct plan *p;
	int64_t current = 0;

	if (!(p = store_plans(r->store, r->arena, r->today, &n, &e)) ||
	    (current = store_current_plan_id(r->store, &e)) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_plans(&j, p, n, current);
	api_end(w);
}

void api_plan(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct jw j;
	struct plan *p;
	struct theme *t = NULL;
	size_t n = 0;

	if (!(p = store_plan(r->store, r->arena, r->ids[0], r->today, &e)) ||
	    !(t = store_themes(r->store, r->arena, p->id, true, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_plan(&j, p, t, n);
	api_end(w);
}

void api_outcomes(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct jw j;
	size_t n;
	struct framework *f;

	if (!(f = store_frameworks(r->store, r->arena, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	repr_json_frameworks(&j, f, n);
	jw_end(&j);
	api_end(w);
}
