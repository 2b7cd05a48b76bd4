/*
 * api_misc.c: what every endpoint shares (starting a response) and the
 * health check.
 * (Query parameters are declared in the route table, src/routes.c; an
 * undeclared one never reaches a handler.)
 */
#include "api.h"
#include "store/store_plan.h"

void api_begin(struct resp *w, struct jw *j)
{
	w->status = 200;
	w->content_type = "application/json";
	buf_reset(&w->body);
	jw_init(j, &w->body, false);
}

void api_end(struct resp *w)
{
	buf_addc(&w->body, '\n');
}

void api_healthz(struct req *r, struct resp *w)
{
	struct jw j;
	struct err e = ERR_INIT;
	int64_t plan;

	plan = store_current_plan_id(r->store, &e);
	api_begin(w, &j);
	jw_obj(&j);
	if (plan < 0) {
		w->status = 503;
		jw_kv_str(&j, "status", "unavailable");
		jw_kv_str(&j, "message", e.msg);
	} else {
		jw_kv_str(&j, "status", "ok");
		jw_kv_int(&j, "schema_version", store_schema_version());
	}
	jw_end(&j);
	api_end(w);
}

void api_not_found(struct req *r, struct resp *w)
{
	UNUSED(r);
	resp_api_error_status(w, 404, "not_found",
			      "there is nothing at this address", NULL);
}
