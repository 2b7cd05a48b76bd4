/*
 * fuzz_json_body.c: libFuzzer target for the JSON bodies of the actions
 * API, through http_dispatch() with Content-Type: application/json.
 *
 * Input: the first byte picks the request (bits 0-1: POST
 * /api/v1/actions, PATCH /api/v1/actions/{id}, POST
 * /api/v1/actions/{id}/updates, PATCH /api/v1/actions/1; bits 2-7: the
 * id, 1-64, of which the demo has 20); the rest is the body.
 *
 * Checked: the status is one the API documents for these requests (200,
 * 201, 400, 404, 409, 413) and the body is a JSON object; an error leaves
 * the data exactly as it was; a success returns the action as stored, and
 * what is stored obeys the rules of the store: a real plan, a theme of
 * that plan, a priority area of that theme, a known status and RAG, a real
 * due date, a title that is one line of text.
 *
 * The demo store is loaded once; each input runs inside a transaction
 * that is rolled back afterwards, so every input starts from the same
 * data.
 */
#include <stdint.h>

#include <jansson.h>

#include "base/text.h"
#include "demo/demo.h"
#include "http/http.h"
#include "routes.h"
#include "store/store_action.h"
#include "store/store_people.h"
#include "store/store_plan.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define TODAY "2021-06-01"

static struct store *store;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct err e = ERR_INIT;
	enum demo_result res;

	UNUSED(argc);
	UNUSED(argv);
	store = store_open(":memory:", true, &e);
	if (!store || demo_load(store, &res, &e) < 0) {
		fprintf(stderr, "fuzz_json_body: cannot set up the store: %s\n",
			e.msg);
		abort();
	}
	return 0;
}

static void fingerprint(struct buf *b)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct action_filter f = { .today = TODAY };
	struct action *x;
	size_t n;

	x = store_actions(store, &a, &f, &n, &e);
	if (!x)
		abort();
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%lld|%lld|%lld|%lld|%s|%s|%lld|%s|%s|%s|%s|%lld\n",
			   (long long)x[i].id, (long long)x[i].plan_id,
			   (long long)x[i].theme_id, (long long)x[i].priority_id,
			   x[i].title, x[i].description ? x[i].description : "-",
			   (long long)x[i].owner_id, x[i].due_on ? x[i].due_on : "-",
			   x[i].status, x[i].rag ? x[i].rag : "-", x[i].updated_at,
			   (long long)x[i].n_updates);
	arena_release(&a);
}

/* The string member of a JSON object, or NULL for null. */
static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (!v)
		abort();
	if (json_is_null(v))
		return NULL;
	if (!json_is_string(v))
		abort();
	return json_string_value(v);
}

static bool same(const char *x, const char *y)
{
	return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

/* The action as stored obeys the store's rules, and the response shows
 * it as stored. */
static void check_action(json_t *j)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	int64_t id = json_integer_value(json_object_get(j, "id"));
	struct action *x = store_action(store, &a, id, TODAY, &e);

	if (!x)
		abort();
	if (!store_plan(store, &a, x->plan_id, TODAY, &e))
		abort();
	if (x->theme_id) {
		struct theme *t = store_theme(store, &a, x->theme_id, &e);

		if (!t || t->plan_id != x->plan_id)
			abort();
	}
	if (x->priority_id) {
		struct priority *pr = store_priority(store, &a, x->priority_id, &e);

		if (!pr || !x->theme_id || pr->theme_id != x->theme_id)
			abort();
	}
	if (x->owner_id && !store_person(store, &a, x->owner_id, &e))
		abort();
	if (!choice_label(action_statuses, x->status) ||
	    (x->rag && !choice_label(rag_ratings, x->rag)) ||
	    (x->due_on && text_date(x->due_on, NULL, NULL) < 0) ||
	    text_check_line(x->title, "title", 200, true, NULL) < 0 ||
	    text_check_block(x->description, "description", 10000, false,
			     NULL) < 0)
		abort();
	if (json_integer_value(json_object_get(j, "plan_id")) != x->plan_id ||
	    json_integer_value(json_object_get(j, "theme_id")) != x->theme_id ||
	    json_integer_value(json_object_get(j, "priority_id")) != x->priority_id ||
	    json_integer_value(json_object_get(j, "owner_id")) != x->owner_id ||
	    !same(jstr(j, "title"), x->title) ||
	    !same(jstr(j, "description"), x->description) ||
	    !same(jstr(j, "due_on"), x->due_on) ||
	    !same(jstr(j, "status"), x->status) || !same(jstr(j, "rag"), x->rag))
		abort();
	arena_release(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct req r = { 0 };
	struct resp w = { .body = BUF_INIT };
	struct kv headers[1] = { { "Content-Type", "application/json" } };
	struct buf before = BUF_INIT, after = BUF_INIT;
	struct err e = ERR_INIT;
	json_t *j;
	json_error_t jerr;
	char *body;
	unsigned kind, id;

	if (size < 1 || size > HTTP_MAX_BODY)
		return 0;
	kind = data[0] & 3u;
	id = (unsigned)(data[0] >> 2) + 1;
	data++;
	size--;
	if (memchr(data, '\0', size))
		return 0; /* the server refuses a NUL in a body */
	body = arena_alloc(&a, size + 1);
	memcpy(body, data, size);

	r.site = &safer_site;
	r.arena = &a;
	r.store = store;
	r.headers = headers;
	r.n_headers = 1;
	r.body = body;
	r.body_len = size;
	memcpy(r.today, TODAY, sizeof(TODAY));
	switch (kind) {
	case 0:
		r.method = HTTP_POST;
		r.path = "/api/v1/actions";
		break;
	case 1:
		r.method = HTTP_PATCH;
		r.path = arena_printf(&a, "/api/v1/actions/%u", id);
		break;
	case 2:
		r.method = HTTP_POST;
		r.path = arena_printf(&a, "/api/v1/actions/%u/updates", id);
		break;
	default:
		r.method = HTTP_PATCH;
		r.path = "/api/v1/actions/1";
		break;
	}

	if (store_begin(store, &e) < 0)
		abort();
	fingerprint(&before);
	http_dispatch(&r, &w);
	switch (w.status) {
	case 200: case 201: case 400: case 404: case 409: case 413:
		break;
	default:
		fprintf(stderr, "status %d: %s\n", w.status, w.body.ptr);
		abort();
	}
	if (!w.content_type || strcmp(w.content_type, "application/json") != 0 ||
	    !utf8_valid(w.body.ptr, w.body.len))
		abort();
	j = json_loadb(w.body.ptr, w.body.len, 0, &jerr);
	if (!j || !json_is_object(j))
		abort();
	if (w.status == 200 || w.status == 201) {
		/* Creation and progress updates answer 201, changes 200. */
		if (w.status != (kind == 0 || kind == 2 ? 201 : 200))
			abort();
		check_action(j);
	} else {
		json_t *err = json_object_get(j, "error");

		if (!json_is_object(err) ||
		    !json_is_string(json_object_get(err, "code")) ||
		    !json_is_string(json_object_get(err, "message")))
			abort();
		fingerprint(&after);
		if (strcmp(before.ptr, after.ptr) != 0) {
			fprintf(stderr, "a failed write (%d) changed the data\n",
				w.status);
			abort();
		}
	}
	json_decref(j);
	/* Undo the input's writes; no transaction may be left open. */
	store_rollback(store);
	if (store_read_begin(store, NULL) < 0)
		abort();
	store_read_end(store);
	buf_release(&before);
	buf_release(&after);
	buf_release(&w.body);
	arena_release(&a);
	return 0;
}
