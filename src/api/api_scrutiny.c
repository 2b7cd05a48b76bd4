/*
 * api_scrutiny.c: undertakings and requests, issues, the forward plan,
 * a plan's approval path.
 *
 *   GET    /api/v1/undertakings            list: status=open|overdue|
 *                                          discharged, body, meeting
 *   POST   /api/v1/undertakings            create: 201 with Location
 *   GET    /api/v1/undertakings/{id}       one
 *   PATCH  /api/v1/undertakings/{id}       change the fields given; status
 *                                          discharged with
 *                                          discharged_by_item_id discharges
 *   DELETE /api/v1/undertakings/{id}       delete
 *   GET    /api/v1/issues                  list
 *   POST   /api/v1/issues                  create
 *   GET    /api/v1/issues/{id}             one, with its timeline in
 *                                          date order
 *   PATCH  /api/v1/issues/{id}             change title, description,
 *                                          plan_id
 *   DELETE /api/v1/issues/{id}             delete (its items stay)
 *   POST   /api/v1/issues/{id}/items       add the item {"item_id": N}
 *   DELETE /api/v1/issues/{id}/items/{id}  take an item out
 *   GET    /api/v1/forward-plan            items of meetings from today,
 *                                          and the open undertakings due
 *   GET    /api/v1/plans/{id}/approval     resolutions approving or
 *                                          recommending the plan
 *
 * Writes take the names reads give; any other field is a 400 naming it.
 */
#include "api.h"
#include "store/store_scrutiny.h"

#define FIELD(s, name, kind, null, bit) \
	{ #name, kind, null, bit, offsetof(struct s, name), 0 }

static const struct api_field undertaking_fields[] = {
	FIELD(undertaking_input, kind, F_TEXT, false, UND_KIND),
	FIELD(undertaking_input, text, F_TEXT, false, UND_TEXT),
	FIELD(undertaking_input, owner, F_TEXT, true, UND_OWNER),
	FIELD(undertaking_input, owner_id, F_ID, true, UND_OWNER_ID),
	FIELD(undertaking_input, to_body_id, F_ID, true, UND_TO_BODY),
	FIELD(undertaking_input, item_id, F_ID, true, UND_ITEM),
	FIELD(undertaking_input, due_meeting_id, F_ID, true, UND_DUE_MEETING),
	FIELD(undertaking_input, due_date, F_TEXT, true, UND_DUE_DATE),
	FIELD(undertaking_input, status, F_TEXT, false, UND_STATUS),
	FIELD(undertaking_input, discharged_by_item_id, F_ID, true,
	      UND_DISCHARGED_BY),
	FIELD(undertaking_input, discharged_on, F_TEXT, true,
	      UND_DISCHARGED_ON),
	FIELD(undertaking_input, note, F_TEXT, true, UND_NOTE),
};

static const struct api_field issue_fields[] = {
	FIELD(issue_input, title, F_TEXT, false, ISSUE_TITLE),
	FIELD(issue_input, description, F_TEXT, true, ISSUE_DESCRIPTION),
	FIELD(issue_input, plan_id, F_ID, true, ISSUE_PLAN),
};

struct item_input {
	int64_t item_id;
};

static const struct api_field item_fields[] = {
	{ "item_id", F_ID, false, 1, offsetof(struct item_input, item_id), 0 },
};

static void created(struct req *r, struct resp *w, const char *collection,
		    int64_t id)
{
	if (w->status != 200)
		return;
	w->status = 201;
	resp_header(w, "Location", arena_printf(r->arena, "/api/v1/%s/%lld",
						collection, (long long)id));
}

/* ---------------------------------------------------------------------
 * Undertakings
 */

void api_undertakings(struct req *r, struct resp *w)
{
	struct undertaking_filter f = { 0 };
	struct err e = ERR_INIT;
	struct undertaking *u;
	struct jw j;
	size_t n;

	f.today = r->today;
	f.status = http_query(r, "status");
	if (f.status && !*f.status)
		f.status = NULL;
	if (http_query_id(r, "body", &f.body_id, &e) < 0 ||
	    http_query_id(r, "meeting", &f.due_meeting_id, &e) < 0 ||
	    !(u = store_undertakings(r->store, r->arena, &f, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_kv_int(&j, "count", (int64_t)n);
	jw_key(&j, "undertakings");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_undertaking(&j, &u[i]);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

void api_undertaking(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct undertaking *u;
	struct jw j;

	if (!(u = store_undertaking(r->store, r->arena, r->ids[0], r->today,
				    &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_undertaking(&j, u);
	api_end(w);
}

void api_undertaking_create(struct req *r, struct resp *w)
{
	struct undertaking_input in = { 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, undertaking_fields, ARRAY_SIZE(undertaking_fields),
			  &in, &in.set, &e) < 0 ||
	    store_undertaking_create(r->store, &in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	r->ids[0] = id;
	api_undertaking(r, w);
	created(r, w, "undertakings", id);
}

void api_undertaking_patch(struct req *r, struct resp *w)
{
	struct undertaking_input in = { 0 };
	struct err e = ERR_INIT;

	if (api_read_body(r, undertaking_fields, ARRAY_SIZE(undertaking_fields),
			  &in, &in.set, &e) < 0 ||
	    store_undertaking_update(r->store, r->ids[0], &in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_undertaking(r, w);
}

void api_undertaking_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;

	if (store_undertaking_delete(r->store, r->ids[0], &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], false);
}

/* ---------------------------------------------------------------------
 * Issues
 */

void api_issues(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct issue *x;
	struct jw j;
	size_t n;

	if (!(x = store_issues(r->store, r->arena, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_key(&j, "issues");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_issue(&j, &x[i], NULL, 0, false);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

void api_issue(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct tl_entry *t;
	struct issue *x;
	struct jw j;
	size_t n;

	if (!(x = store_issue(r->store, r->arena, r->ids[0], &e)) ||
	    !(t = store_issue_timeline(r->store, r->arena, r->ids[0], &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_issue(&j, x, t, n, true);
	api_end(w);
}

void api_issue_create(struct req *r, struct resp *w)
{
	struct issue_input in = { 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, issue_fields, ARRAY_SIZE(issue_fields), &in,
			  &in.set, &e) < 0 ||
	    store_issue_create(r->store, &in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	r->ids[0] = id;
	api_issue(r, w);
	created(r, w, "issues", id);
}

void api_issue_patch(struct req *r, struct resp *w)
{
	struct issue_input in = { 0 };
	struct err e = ERR_INIT;

	if (api_read_body(r, issue_fields, ARRAY_SIZE(issue_fields), &in,
			  &in.set, &e) < 0 ||
	    store_issue_update(r->store, r->ids[0], &in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_issue(r, w);
}

void api_issue_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;

	if (store_issue_delete(r->store, r->ids[0], &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], false);
}

void api_issue_item_add(struct req *r, struct resp *w)
{
	struct item_input in = { 0 };
	struct err e = ERR_INIT;
	unsigned set = 0;

	if (api_read_body(r, item_fields, ARRAY_SIZE(item_fields), &in, &set,
			  &e) < 0)
		goto fail;
	if (!set) {
		err_set(&e, ERR_INVALID, "item_id", "must be given");
		goto fail;
	}
	if (store_issue_add_item(r->store, r->ids[0], in.item_id, &e) < 0)
		goto fail;
	api_issue(r, w);
	return;
fail:
	resp_api_error(w, &e);
}

void api_issue_item_remove(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;

	if (store_issue_remove_item(r->store, r->ids[0], r->ids[1], &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_issue(r, w);
}

/* ---------------------------------------------------------------------
 * The forward plan, a plan's approval path
 */

void api_forward_plan(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct forward_item *f;
	struct undertaking *u;
	size_t n, n_u;
	struct jw j;

	if (!(f = store_forward_items(r->store, r->arena, r->today, &n, &e)) ||
	    !(u = store_forward_undertakings(r->store, r->arena, r->today, &n_u,
					     &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_forward_plan(&j, r->today, f, n, u, n_u);
	api_end(w);
}

void api_plan_approval(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct approval_step *p;
	struct jw j;
	size_t n;

	if (!(p = store_plan_approval(r->store, r->arena, r->ids[0], &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_approval(&j, r->ids[0], p, n);
	api_end(w);
}
