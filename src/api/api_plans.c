/*
 * api_plans.c: plans, their themes and priority areas (GET
 * /api/v1/plans, /api/v1/plans/{id}, the writes listed below), and GET
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

/* Plan id, whole (its themes with their priority areas), as the
 * response. */
static void api_plan_id(struct req *r, struct resp *w, int64_t id)
{
	struct err e = ERR_INIT;
	struct jw j;
	struct plan *p;
	struct theme *t = NULL;
	size_t n = 0;

	if (!(p = store_plan(r->store, r->arena, id, r->today, &e)) ||
	    !(t = store_themes(r->store, r->arena, p->id, true, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_plan(&j, p, t, n);
	api_end(w);
}

void api_plan(struct req *r, struct resp *w)
{
	api_plan_id(r, w, r->ids[0]);
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

/* ---------------------------------------------------------------------
 * Writes: plans, their themes and priority areas
 *
 *   POST   /api/v1/plans                    create (201, Location)
 *   PATCH  /api/v1/plans/{id}               change the fields given
 *   DELETE /api/v1/plans/{id}               delete, or archive if referred to
 *   POST   /api/v1/plans/{id}/roll-forward  the next plan (201, Location)
 *   POST   /api/v1/plans/{id}/themes        add a theme
 *   GET, PATCH, DELETE /api/v1/themes/{id}
 *   GET    /api/v1/themes/{id}/priorities   ?on=YYYY-MM-DD: as on a date
 *   POST   /api/v1/themes/{id}/priorities   add a priority area
 *   GET, PATCH, DELETE /api/v1/priorities/{id}
 */

/* What a body is read into: the input, and the id of the object
 * written (0 for a new one), which a body's "id" must equal. */
struct plan_body {
	struct plan_input in;
	int64_t id;
};
struct theme_body {
	struct theme_input in;
	int64_t id;
};
struct priority_body {
	struct priority_input in;
	int64_t id;
};

#define PLAN_FIELD(name, member, kind, null, bit) \
	{ name, kind, null, bit, offsetof(struct plan_body, in.member), 0 }
#define READ_ONLY(name) { name, F_READ_ONLY, true, 0, 0, 0 }
#define SAME_ID(s) { "id", F_SAME_ID, false, 0, offsetof(struct s, id), 0 }

static const struct api_field plan_fields[] = {
	PLAN_FIELD("title", title, F_TEXT, false, PLAN_TITLE),
	PLAN_FIELD("kind", kind, F_TEXT, false, PLAN_KIND),
	PLAN_FIELD("period.start", period_start, F_TEXT, false, PLAN_START),
	PLAN_FIELD("period.end", period_end, F_TEXT, false, PLAN_END),
	PLAN_FIELD("status", status, F_TEXT, false, PLAN_STATUS),
	PLAN_FIELD("approved_by", approved_by, F_TEXT, true, PLAN_APPROVED_BY),
	PLAN_FIELD("approved_by_board_id", approved_by_board_id, F_ID, true,
		   PLAN_BOARD),
	PLAN_FIELD("approved_on", approved_on, F_TEXT, true, PLAN_APPROVED_ON),
	PLAN_FIELD("note", note, F_TEXT, true, PLAN_NOTE),
	READ_ONLY("previous_id"), READ_ONLY("archived_at"), READ_ONLY("example"),
	READ_ONLY("counts"), READ_ONLY("themes"), SAME_ID(plan_body),
};

#define THEME_FIELD(name, member, kind, null, bit) \
	{ name, kind, null, bit, offsetof(struct theme_body, in.member), 0 }

static const struct api_field theme_fields[] = {
	THEME_FIELD("name", name, F_TEXT, false, THEME_NAME),
	THEME_FIELD("description", description, F_TEXT, true, THEME_DESCRIPTION),
	THEME_FIELD("lead_id", lead_id, F_ID, true, THEME_LEAD),
	THEME_FIELD("position", position, F_INT, false, THEME_POSITION),
	READ_ONLY("plan_id"), READ_ONLY("lead"), READ_ONLY("archived_at"),
	READ_ONLY("priority_areas"), SAME_ID(theme_body),
};

#define PRIORITY_FIELD(name, member, kind, null, bit) \
	{ name, kind, null, bit, offsetof(struct priority_body, in.member), 0 }

static const struct api_field priority_fields[] = {
	PRIORITY_FIELD("name", name, F_TEXT, false, PRIORITY_NAME),
	PRIORITY_FIELD("description", description, F_TEXT, true,
		       PRIORITY_DESCRIPTION),
	{ "outcome_ids", F_IDS, true, PRIORITY_OUTCOMES,
	  offsetof(struct priority_body, in.outcome_ids),
	  offsetof(struct priority_body, in.n_outcome_ids) },
	READ_ONLY("theme_id"), READ_ONLY("added_on"), READ_ONLY("removed_on"),
	READ_ONLY("archived_at"), READ_ONLY("outcomes"), SAME_ID(priority_body),
};

/* Answer with plan id, whole, with status; a 201 says where it is. */
static void send_plan(struct req *r, struct resp *w, int64_t id, int status)
{
	api_plan_id(r, w, id);
	if (w->status != 200)
		return;
	w->status = status;
	if (status == 201)
		resp_header(w, "Location", arena_printf(r->arena, "/api/v1/plans/%lld",
							 (long long)id));
}

void api_plan_create(struct req *r, struct resp *w)
{
	struct plan_body b = { { 0 }, 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, plan_fields, ARRAY_SIZE(plan_fields), &b, &b.in.set,
			  &e) < 0 ||
	    store_plan_create(r->store, &b.in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_plan(r, w, id, 201);
}

void api_plan_patch(struct req *r, struct resp *w)
{
	struct plan_body b = { { 0 }, r->ids[0] };
	struct err e = ERR_INIT;

	if (api_read_body(r, plan_fields, ARRAY_SIZE(plan_fields), &b, &b.in.set,
			  &e) < 0 ||
	    store_plan_update(r->store, r->ids[0], &b.in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_plan(r, w, r->ids[0], 200);
}

void api_plan_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived;

	if (store_plan_remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
				 &e) < 0)
		resp_api_error(w, &e);
	else
		api_removed(r, w, r->ids[0], archived);
}

void api_plan_roll_forward(struct req *r, struct resp *w)
{
	static const struct api_field fields[] = {
		PLAN_FIELD("title", title, F_TEXT, false, PLAN_TITLE),
		PLAN_FIELD("period.start", period_start, F_TEXT, false, PLAN_START),
		PLAN_FIELD("period.end", period_end, F_TEXT, false, PLAN_END),
	};
	struct plan_body b = { { 0 }, 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, fields, ARRAY_SIZE(fields), &b, &b.in.set, &e) < 0 ||
	    store_plan_roll_forward(r->store, r->ids[0], b.in.title,
				    b.in.period_start, b.in.period_end, &id,
				    &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_plan(r, w, id, 201);
}

static void send_theme(struct req *r, struct resp *w, int64_t id, int status)
{
	struct err e = ERR_INIT;
	struct theme *t;
	struct jw j;

	if (!(t = store_theme(r->store, r->arena, id, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	w->status = status;
	repr_json_theme(&j, t);
	api_end(w);
	if (status == 201)
		resp_header(w, "Location", arena_printf(r->arena, "/api/v1/themes/%lld",
							 (long long)id));
}

void api_theme(struct req *r, struct resp *w)
{
	send_theme(r, w, r->ids[0], 200);
}

void api_theme_create(struct req *r, struct resp *w)
{
	struct theme_body b = { { 0 }, 0 };
	struct theme_input *in = &b.in;
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, theme_fields, ARRAY_SIZE(theme_fields), &b, &in->set,
			  &e) < 0)
		goto fail;
	if (!store_plan(r->store, r->arena, r->ids[0], r->today, &e))
		goto fail;
	/* A new theme goes last; PATCH moves it. */
	if (in->set & THEME_POSITION) {
		err_set(&e, ERR_INVALID, "position",
			"a new theme goes last: change its position afterwards");
		goto fail;
	}
	if (store_theme_create(r->store, r->ids[0], in->name, in->description,
			       in->lead_id, &id, &e) < 0)
		goto fail;
	send_theme(r, w, id, 201);
	return;
fail:
	resp_api_error(w, &e);
}

void api_theme_patch(struct req *r, struct resp *w)
{
	struct theme_body b = { { 0 }, r->ids[0] };
	struct err e = ERR_INIT;

	if (api_read_body(r, theme_fields, ARRAY_SIZE(theme_fields), &b, &b.in.set,
			  &e) < 0 ||
	    store_theme_update(r->store, r->ids[0], &b.in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_theme(r, w, r->ids[0], 200);
}

void api_theme_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived;

	if (store_theme_remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
				 &e) < 0)
		resp_api_error(w, &e);
	else
		api_removed(r, w, r->ids[0], archived);
}

void api_theme_priorities(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	const char *on = http_query(r, "on");
	struct priority *p;
	struct theme *t;
	struct jw j;
	size_t n;

	if (on && !*on)
		on = NULL;
	if (!(t = store_theme(r->store, r->arena, r->ids[0], &e)) ||
	    !(p = on ? store_theme_priorities_on(r->store, r->arena, t->id, on,
						  &n, &e)
		     : t->priorities)) {
		resp_api_error(w, &e);
		return;
	}
	if (!on)
		n = t->n_priorities;
	api_begin(w, &j);
	jw_obj(&j);
	jw_kv_int(&j, "theme_id", t->id);
	jw_kv_str(&j, "on", on ? on : r->today);
	jw_key(&j, "priority_areas");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_priority(&j, &p[i]);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

static void send_priority(struct req *r, struct resp *w, int64_t id, int status)
{
	struct err e = ERR_INIT;
	struct priority *p;
	struct jw j;

	if (!(p = store_priority(r->store, r->arena, id, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	w->status = status;
	repr_json_priority(&j, p);
	api_end(w);
	if (status == 201)
		resp_header(w, "Location",
			    arena_printf(r->arena, "/api/v1/priorities/%lld",
					 (long long)id));
}

void api_priority(struct req *r, struct resp *w)
{
	send_priority(r, w, r->ids[0], 200);
}

void api_priority_create(struct req *r, struct resp *w)
{
	struct priority_body b = { { 0 }, 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, priority_fields, ARRAY_SIZE(priority_fields), &b,
			  &b.in.set, &e) < 0 ||
	    !store_theme(r->store, r->arena, r->ids[0], &e) ||
	    store_priority_create(r->store, r->ids[0], &b.in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_priority(r, w, id, 201);
}

void api_priority_patch(struct req *r, struct resp *w)
{
	struct priority_body b = { { 0 }, r->ids[0] };
	struct err e = ERR_INIT;

	if (api_read_body(r, priority_fields, ARRAY_SIZE(priority_fields), &b,
			  &b.in.set, &e) < 0 ||
	    store_priority_update(r->store, r->ids[0], &b.in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_priority(r, w, r->ids[0], 200);
}

void api_priority_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived;

	if (store_priority_remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
				 &e) < 0)
		resp_api_error(w, &e);
	else
		api_removed(r, w, r->ids[0], archived);
}
