/*
 * api_actions.c: actions and their progress updates.
 *
 *   GET   /api/v1/actions                 list (filters as query parameters)
 *   POST  /api/v1/actions                 create
 *   GET   /api/v1/actions/{id}            one, with its updates
 *   PATCH /api/v1/actions/{id}            change the fields given
 *   GET   /api/v1/actions/{id}/updates    its progress updates
 *   DELETE /api/v1/actions/{id}           delete it, or archive it if it
 *                                         has progress updates
 *   POST  /api/v1/actions/{id}/updates    add a progress update, dated
 *                                         today or (date) before, by
 *                                         whoever sends it
 *
 * A new action, or one moved to another plan or given a new due date,
 * comes back with "warnings": what was saved but may not be what was
 * meant (a plan that has ended, a due date outside the plan's period).
 *
 * Bodies are JSON objects (api_read_body).  A field that is not known,
 * a value of the wrong type, a duplicate key or bad JSON is a 400 that
 * names the field (or the line and column).
 */
#include "api.h"
#include "store/store_action.h"

#define ID_FIELD(s, name, null, bit) \
	{ #name, F_ID, null, bit, offsetof(struct s, name), 0 }
#define TEXT_FIELD(s, name, null, bit) \
	{ #name, F_TEXT, null, bit, offsetof(struct s, name), 0 }

static const struct api_field action_fields[] = {
	ID_FIELD(action_input, plan_id, false, ACTION_PLAN),
	ID_FIELD(action_input, theme_id, true, ACTION_THEME),
	ID_FIELD(action_input, priority_id, true, ACTION_PRIORITY),
	TEXT_FIELD(action_input, title, false, ACTION_TITLE),
	TEXT_FIELD(action_input, description, true, ACTION_DESCRIPTION),
	ID_FIELD(action_input, owner_id, true, ACTION_OWNER),
	TEXT_FIELD(action_input, due_on, true, ACTION_DUE),
	TEXT_FIELD(action_input, status, false, ACTION_STATUS),
	TEXT_FIELD(action_input, rag, true, ACTION_RAG),
};

/* created_at and date are the same: when the progress was made, today
 * or before. */
struct update_body {
	struct update_input in;
	const char *date;
};

#define UPDATE_FIELD(name, kind, null, bit, member) \
	{ name, kind, null, bit, offsetof(struct update_body, member), 0 }

/* No author: an update's author is whoever sends it (store_action.h);
 * "author_id" is refused as an unknown field. */
static const struct api_field update_fields[] = {
	UPDATE_FIELD("body", F_TEXT, false, 2, in.body),
	UPDATE_FIELD("status", F_TEXT, true, 4, in.status),
	UPDATE_FIELD("rag", F_TEXT, true, 8, in.rag),
	UPDATE_FIELD("created_at", F_TEXT, true, 16, in.created_at),
	UPDATE_FIELD("date", F_TEXT, true, 32, date),
};

/* Write one action with its updates as the whole response; with warn
 * (ACTION_WARN_* bits) also the warnings of what was saved. */
static void send_action(struct req *r, struct resp *w, int64_t id, int status,
			unsigned warn)
{
	struct err e = ERR_INIT, warnings[4];
	struct err_list l = { warnings, 0, ARRAY_SIZE(warnings) };
	struct jw j;
	struct action *a;
	struct action_update *u = NULL;
	size_t n = 0;

	if (!(a = store_action(r->store, r->arena, id, r->today, &e)) ||
	    !(u = store_action_updates(r->store, r->arena, id, &n, &e)) ||
	    (warn && store_action_warnings(r->store, a->plan_id, a->due_on, warn,
					   &l, &e) < 0)) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	w->status = status;
	if (warn)
		repr_json_action_warned(&j, a, u, n, &l);
	else
		repr_json_action(&j, a, u, n, true);
	api_end(w);
}

void api_actions(struct req *r, struct resp *w)
{
	struct action_filter f = { 0 };
	struct err e = ERR_INIT;
	struct jw j;
	struct action *a;
	size_t n;

	f.today = r->today;
	f.status = http_query(r, "status");
	if (f.status && !*f.status)
		f.status = NULL;
	if (http_query_id(r, "plan", &f.plan_id, &e) < 0 ||
	    http_query_id(r, "theme", &f.theme_id, &e) < 0 ||
	    http_query_id(r, "priority", &f.priority_id, &e) < 0 ||
	    http_query_id(r, "owner", &f.owner_id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	if (f.status && !choice_label(action_statuses, f.status)) {
		resp_api_error_status(w, 400, "invalid",
				      "unknown status; see docs/api.md", "status");
		return;
	}
	if (http_query_bool(r, "overdue", &f.overdue, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	if (!(a = store_actions(r->store, r->arena, &f, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_kv_int(&j, "count", (int64_t)n);
	jw_key(&j, "actions");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_action(&j, &a[i], NULL, 0, false);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

void api_action(struct req *r, struct resp *w)
{
	send_action(r, w, r->ids[0], 200, 0);
}

void api_action_create(struct req *r, struct resp *w)
{
	struct action_input in = { 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, action_fields, ARRAY_SIZE(action_fields), &in, &in.set,
		      &e) < 0 ||
	    store_action_create(r->store, &in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_action(r, w, id, 201, ACTION_WARN_PLAN | ACTION_WARN_DUE);
	if (w->status == 201)
		resp_header(w, "Location",
			    arena_printf(r->arena, "/api/v1/actions/%lld",
					 (long long)id));
}

void api_action_patch(struct req *r, struct resp *w)
{
	struct action_input in = { 0 };
	struct err e = ERR_INIT;

	if (api_read_body(r, action_fields, ARRAY_SIZE(action_fields), &in, &in.set,
		      &e) < 0 ||
	    store_action_update(r->store, r->ids[0], &in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	/* Moved into a plan, or given a new due date: warn as for a new
	 * action. */
	send_action(r, w, r->ids[0], 200,
		    (in.set & ACTION_PLAN ? ACTION_WARN_PLAN : 0) |
			    (in.set & (ACTION_PLAN | ACTION_DUE) ? ACTION_WARN_DUE : 0));
}

void api_action_updates(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct jw j;
	struct action_update *u;
	size_t n;

	if (!store_action(r->store, r->arena, r->ids[0], r->today, &e) ||
	    !(u = store_action_updates(r->store, r->arena, r->ids[0], &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_key(&j, "updates");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_update(&j, &u[i]);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

void api_action_update_create(struct req *r, struct resp *w)
{
	struct update_body in;
	struct err e = ERR_INIT;
	unsigned set;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (api_read_body(r, update_fields, ARRAY_SIZE(update_fields), &in, &set,
		      &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	if ((set & 16) && (set & 32)) {
		resp_api_error_status(w, 400, "invalid", "give created_at or date, "
				      "not both", "date");
		return;
	}
	if (set & 32)
		in.in.created_at = in.date;
	if (store_action_add_update(r->store, r->ids[0], &in.in, &id, &e) < 0) {
		if ((set & 32) && strcmp(e.field, "created_at") == 0)
			snprintf(e.field, sizeof(e.field), "date");
		resp_api_error(w, &e);
		return;
	}
	send_action(r, w, r->ids[0], 201, 0);
}

void api_action_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived = false;

	if (store_action_remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
				&e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], archived);
}
