/*
 * api_frameworks.c: outcomes frameworks and their numbered outcomes.
 *
 *   GET    /api/v1/frameworks                 every framework not archived
 *   POST   /api/v1/frameworks                 create (201, Location)
 *   GET, PATCH, DELETE /api/v1/frameworks/{id}
 *   POST   /api/v1/frameworks/{id}/outcomes   add an outcome (its group by
 *                                             name, created if new)
 *   GET, PATCH, DELETE /api/v1/outcomes/{id}
 *
 * DELETE deletes what nothing refers to and archives the rest
 * (store_outcome.h); bodies are read by api_read_body (api_body.c).
 */
#include "api.h"
#include "store/store_outcome.h"

/* What a body is read into: the input, and the id of the object
 * written (0 for a new one), which a body's "id" must equal. */
struct framework_body {
	struct framework_input in;
	int64_t id;
};
struct outcome_body {
	struct outcome_input in;
	int64_t id;
};

#define FW_FIELD(name, kind, null, bit) \
	{ #name, kind, null, bit, offsetof(struct framework_body, in.name), 0 }
#define READ_ONLY(name) { name, F_READ_ONLY, true, 0, 0, 0 }
#define SAME_ID(s) { "id", F_SAME_ID, false, 0, offsetof(struct s, id), 0 }

static const struct api_field framework_fields[] = {
	FW_FIELD(name, F_TEXT, false, FRAMEWORK_NAME),
	FW_FIELD(owner, F_TEXT, true, FRAMEWORK_OWNER),
	FW_FIELD(period, F_TEXT, true, FRAMEWORK_PERIOD),
	FW_FIELD(note, F_TEXT, true, FRAMEWORK_NOTE),
	READ_ONLY("archived_at"), READ_ONLY("groups"), SAME_ID(framework_body),
};

#define OUTCOME_FIELD(name, kind, null, bit) \
	{ #name, kind, null, bit, offsetof(struct outcome_body, in.name), 0 }

static const struct api_field outcome_fields[] = {
	OUTCOME_FIELD(number, F_INT, false, OUTCOME_NUMBER),
	OUTCOME_FIELD(text, F_TEXT, false, OUTCOME_TEXT),
	OUTCOME_FIELD(group, F_TEXT, false, OUTCOME_GROUP),
	READ_ONLY("framework_id"), READ_ONLY("archived_at"), SAME_ID(outcome_body),
};

static void send_framework(struct req *r, struct resp *w, int64_t id,
			   int status)
{
	struct err e = ERR_INIT;
	struct framework *f;
	struct jw j;

	if (!(f = store_framework(r->store, r->arena, id, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	w->status = status;
	repr_json_framework(&j, f);
	api_end(w);
	if (status == 201)
		resp_header(w, "Location",
			    arena_printf(r->arena, "/api/v1/frameworks/%lld",
					 (long long)id));
}

void api_frameworks(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct framework *f;
	struct jw j;
	size_t n;

	if (!(f = store_frameworks(r->store, r->arena, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_key(&j, "frameworks");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_framework(&j, &f[i]);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

void api_framework(struct req *r, struct resp *w)
{
	send_framework(r, w, r->ids[0], 200);
}

void api_framework_create(struct req *r, struct resp *w)
{
	struct framework_body b = { { 0 }, 0 };
	struct framework_input *in = &b.in;
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, framework_fields, ARRAY_SIZE(framework_fields), &b,
			  &in->set, &e) < 0 ||
	    store_framework_create(r->store, in->name, in->owner, in->period,
				   in->note, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_framework(r, w, id, 201);
}

void api_framework_patch(struct req *r, struct resp *w)
{
	struct framework_body b = { { 0 }, r->ids[0] };
	struct err e = ERR_INIT;

	if (api_read_body(r, framework_fields, ARRAY_SIZE(framework_fields), &b,
			  &b.in.set, &e) < 0 ||
	    store_framework_update(r->store, r->ids[0], &b.in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_framework(r, w, r->ids[0], 200);
}

void api_framework_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived;

	if (store_framework_remove(r->store, r->ids[0], REMOVE_AUTO,
				   &archived, &e) < 0)
		resp_api_error(w, &e);
	else
		api_removed(r, w, r->ids[0], archived);
}

static void send_outcome(struct req *r, struct resp *w, int64_t id, int status)
{
	struct err e = ERR_INIT;
	struct outcome *o;
	struct jw j;

	if (!(o = store_outcome(r->store, r->arena, id, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	w->status = status;
	repr_json_outcome(&j, o);
	api_end(w);
	if (status == 201)
		resp_header(w, "Location",
			    arena_printf(r->arena, "/api/v1/outcomes/%lld",
					 (long long)id));
}

void api_outcome(struct req *r, struct resp *w)
{
	send_outcome(r, w, r->ids[0], 200);
}

void api_outcome_create(struct req *r, struct resp *w)
{
	struct outcome_body b = { { 0 }, 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, outcome_fields, ARRAY_SIZE(outcome_fields), &b,
			  &b.in.set, &e) < 0 ||
	    store_outcome_add(r->store, r->ids[0], &b.in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_outcome(r, w, id, 201);
}

void api_outcome_patch(struct req *r, struct resp *w)
{
	struct outcome_body b = { { 0 }, r->ids[0] };
	struct err e = ERR_INIT;

	if (api_read_body(r, outcome_fields, ARRAY_SIZE(outcome_fields), &b,
			  &b.in.set, &e) < 0 ||
	    store_outcome_update(r->store, r->ids[0], &b.in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	send_outcome(r, w, r->ids[0], 200);
}

void api_outcome_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived;

	if (store_outcome_remove(r->store, r->ids[0], REMOVE_AUTO,
				   &archived, &e) < 0)
		resp_api_error(w, &e);
	else
		api_removed(r, w, r->ids[0], archived);
}
