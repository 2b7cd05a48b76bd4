/*
 * api_meetings.c: the bodies that meet, their meetings, agenda items and
 * attachments, and the calendars of meetings and of actions' due dates.
 *
 *   GET    /api/v1/bodies                 list (archived left out)
 *   POST   /api/v1/bodies                 create: 201 with Location
 *   GET    /api/v1/bodies/{id}            one, with its members
 *   PATCH  /api/v1/bodies/{id}            change the fields given
 *   DELETE /api/v1/bodies/{id}            delete, or archive when it has
 *                                         meetings
 *   GET    /api/v1/meetings               list: from, to, body filters
 *   POST   /api/v1/meetings               create
 *   GET    /api/v1/meetings/{id}          one, with attendees and agenda
 *                                         items (minutes, resolutions)
 *   PATCH, DELETE /api/v1/meetings/{id}
 *   POST   /api/v1/meetings/{id}/items    add an agenda item
 *   GET, PATCH, DELETE /api/v1/items/{id}
 *   POST   /api/v1/items/{id}/attachments the file as the raw body, its
 *                                         Content-Type the file's, its
 *                                         name in ?filename=
 *   GET    /attachments/{id}              the file itself
 *   DELETE /api/v1/attachments/{id}
 *   GET    /meetings.ics, /bodies/{id}/meetings.ics, /actions.ics
 *
 * Lists of objects (a body's members, a meeting's attendees, an item's
 * resolutions and links) are read here from their JSON; everything else
 * by api_read_body's table.
 */
#include <ctype.h>
#include <jansson.h>

#include "api.h"
#include "base/ical.h"
#include "base/text.h"
#include "store/store_action.h"
#include "store/store_meeting.h"
#include "store/store_scrutiny.h"

#define FIELD(s, name, kind, null, bit) \
	{ #name, kind, null, bit, offsetof(struct s, name), 0 }

/* The input of a write with its lists of objects as JSON text. */
struct body_body {
	struct body_input in;
	const char *members;
};

struct meeting_body {
	struct meeting_input in;
	const char *attendees;
};

struct item_body {
	struct item_input in;
	const char *resolutions, *links;
};

static const struct api_field body_fields[] = {
	FIELD(body_body, in.name, F_TEXT, false, BODY_NAME),
	FIELD(body_body, in.kind, F_TEXT, false, BODY_KIND),
	FIELD(body_body, in.board_id, F_ID, true, BODY_BOARD),
	FIELD(body_body, in.chair_id, F_ID, true, BODY_CHAIR),
	FIELD(body_body, in.clerk_id, F_ID, true, BODY_CLERK),
	FIELD(body_body, in.note, F_TEXT, true, BODY_NOTE),
	FIELD(body_body, members, F_JSON, true, BODY_MEMBERS),
};

static const struct api_field meeting_fields[] = {
	FIELD(meeting_body, in.body_id, F_ID, false, MEETING_BODY),
	FIELD(meeting_body, in.date, F_TEXT, false, MEETING_DATE),
	FIELD(meeting_body, in.time, F_TEXT, true, MEETING_TIME),
	FIELD(meeting_body, in.venue, F_TEXT, true, MEETING_VENUE),
	FIELD(meeting_body, in.status, F_TEXT, false, MEETING_STATUS),
	FIELD(meeting_body, in.note, F_TEXT, true, MEETING_NOTE),
	FIELD(meeting_body, attendees, F_JSON, true, MEETING_ATTENDEES),
};

static const struct api_field item_fields[] = {
	FIELD(item_body, in.meeting_id, F_ID, false, ITEM_MEETING),
	FIELD(item_body, in.number, F_TEXT, false, ITEM_NUMBER),
	FIELD(item_body, in.title, F_TEXT, false, ITEM_TITLE),
	FIELD(item_body, in.report_of, F_TEXT, true, ITEM_REPORT_OF),
	FIELD(item_body, in.author, F_TEXT, true, ITEM_AUTHOR),
	FIELD(item_body, in.contact, F_TEXT, true, ITEM_CONTACT),
	FIELD(item_body, in.summary, F_TEXT, true, ITEM_SUMMARY),
	FIELD(item_body, in.minutes, F_TEXT, true, ITEM_MINUTES),
	FIELD(item_body, in.position, F_INT, false, ITEM_POSITION),
	{ "recommendations", F_TEXTS, true, ITEM_RECOMMENDATIONS,
	  offsetof(struct item_body, in.recommendations),
	  offsetof(struct item_body, in.n_recommendations) },
	{ "comments", F_TEXTS, true, ITEM_COMMENTS,
	  offsetof(struct item_body, in.comments),
	  offsetof(struct item_body, in.n_comments) },
	FIELD(item_body, resolutions, F_JSON, true, ITEM_RESOLUTIONS),
	FIELD(item_body, links, F_JSON, true, ITEM_LINKS),
};

/* The FIELD names above carry "in."; the API's names do not. */
static const char *strip(const char *name)
{
	return strncmp(name, "in.", 3) == 0 ? name + 3 : name;
}

static int read_body(struct req *r, const struct api_field *f, size_t n,
		     void *out, unsigned *set, struct err *e)
{
	struct api_field *copy = arena_array(r->arena, n, sizeof(*copy));

	for (size_t i = 0; i < n; i++) {
		copy[i] = f[i];
		copy[i].name = strip(f[i].name);
	}
	return api_read_body(r, copy, n, out, set, e);
}

/* The list of objects in text (JSON, or NULL: none): *arr and *n. */
static int load_list(const char *text, const char *field, json_t **arr,
		     size_t *n, struct err *e)
{
	*arr = NULL;
	*n = 0;
	if (!text)
		return 0;
	*arr = json_loads(text, JSON_DECODE_ANY, NULL);
	if (!json_is_array(*arr)) {
		json_decref(*arr);
		*arr = NULL;
		return err_set(e, ERR_INVALID, field, "must be a list of objects");
	}
	*n = json_array_size(*arr);
	return 0;
}

/* Read key of the object o: a string (or null/absent when optional),
 * copied into the arena. */
static int obj_text(struct req *r, json_t *o, const char *key,
		    const char *field, bool optional, const char **out,
		    struct err *e)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return optional ? 0
				: err_set(e, ERR_INVALID, field,
					  "each needs a \"%s\"", key);
	if (!json_is_string(v))
		return err_set(e, ERR_INVALID, field, "\"%s\" must be a string",
			       key);
	*out = arena_strndup(r->arena, json_string_value(v), json_string_length(v));
	return 0;
}

static int obj_id(json_t *o, const char *key, const char *field,
		  bool optional, int64_t *out, struct err *e)
{
	json_t *v = json_object_get(o, key);

	*out = 0;
	if (!v || json_is_null(v))
		return optional ? 0
				: err_set(e, ERR_INVALID, field,
					  "each needs an \"%s\"", key);
	if (!json_is_integer(v) || json_integer_value(v) < 1)
		return err_set(e, ERR_INVALID, field,
			       "\"%s\" must be an id (a whole number, 1 or more)",
			       key);
	*out = (int64_t)json_integer_value(v);
	return 0;
}

/* Only the keys named (a space-separated list) in each object. */
static int obj_keys(json_t *o, const char *field, const char *keys,
		    struct err *e)
{
	const char *k;
	json_t *v;

	if (!json_is_object(o))
		return err_set(e, ERR_INVALID, field, "must be a list of objects");
	json_object_foreach(o, k, v) {
		size_t n = strlen(k);
		const char *p = strstr(keys, k);

		while (p && !((p == keys || p[-1] == ' ') &&
			      (p[n] == ' ' || p[n] == '\0')))
			p = strstr(p + 1, k);
		if (!p)
			return err_set(e, ERR_INVALID, field,
				       "unknown field '%s' (each has: %s)", k, keys);
	}
	return 0;
}

static int read_members(struct req *r, struct body_body *b, struct err *e)
{
	struct body_member_input *m;
	json_t *arr, *o;
	size_t n, i;
	int rc = 0;

	if (load_list(b->members, "members", &arr, &n, e) < 0)
		return -1;
	m = arena_array(r->arena, n + 1, sizeof(*m));
	json_array_foreach(arr, i, o) {
		if ((rc = obj_keys(o, "members", "person_id role", e)) < 0 ||
		    (rc = obj_id(o, "person_id", "members", false, &m[i].person_id,
				 e)) < 0 ||
		    (rc = obj_text(r, o, "role", "members", true, &m[i].role, e)) < 0)
			break;
	}
	json_decref(arr);
	b->in.members = m;
	b->in.n_members = n;
	return rc;
}

static int read_attendees(struct req *r, struct meeting_body *b, struct err *e)
{
	struct attendee *t;
	json_t *arr, *o;
	size_t n, i;
	int rc = 0;

	if (load_list(b->attendees, "attendees", &arr, &n, e) < 0)
		return -1;
	t = arena_array(r->arena, n + 1, sizeof(*t));
	json_array_foreach(arr, i, o) {
		if ((rc = obj_keys(o, "attendees", "name role person_id", e)) < 0 ||
		    (rc = obj_text(r, o, "name", "attendees", false, &t[i].name,
				   e)) < 0 ||
		    (rc = obj_text(r, o, "role", "attendees", false, &t[i].role,
				   e)) < 0 ||
		    (rc = obj_id(o, "person_id", "attendees", true, &t[i].person_id,
				 e)) < 0)
			break;
	}
	json_decref(arr);
	b->in.attendees = t;
	b->in.n_attendees = n;
	return rc;
}

static int read_item_lists(struct req *r, struct item_body *b, struct err *e)
{
	struct resolution *res;
	struct item_link *l;
	json_t *arr, *o;
	size_t n, i;
	int rc = 0;

	if (load_list(b->resolutions, "resolutions", &arr, &n, e) < 0)
		return -1;
	res = arena_array(r->arena, n + 1, sizeof(*res));
	json_array_foreach(arr, i, o) {
		if ((rc = obj_keys(o, "resolutions", "text kind to_body_id", e)) < 0 ||
		    (rc = obj_text(r, o, "text", "resolutions", false, &res[i].text,
				   e)) < 0 ||
		    (rc = obj_text(r, o, "kind", "resolutions", true, &res[i].kind,
				   e)) < 0 ||
		    (rc = obj_id(o, "to_body_id", "resolutions", true,
				 &res[i].to_body_id, e)) < 0)
			break;
		if (!res[i].kind)
			res[i].kind = "noted";
	}
	json_decref(arr);
	b->in.resolutions = res;
	b->in.n_resolutions = n;
	if (rc < 0 || load_list(b->links, "links", &arr, &n, e) < 0)
		return -1;
	l = arena_array(r->arena, n + 1, sizeof(*l));
	json_array_foreach(arr, i, o) {
		if ((rc = obj_keys(o, "links", "kind id", e)) < 0 ||
		    (rc = obj_text(r, o, "kind", "links", false, &l[i].kind, e)) < 0 ||
		    (rc = obj_id(o, "id", "links", false, &l[i].target_id, e)) < 0)
			break;
	}
	json_decref(arr);
	b->in.links = l;
	b->in.n_links = n;
	return rc;
}

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
 * Bodies
 */

void api_bodies(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct body *b;
	struct jw j;
	size_t n;

	if (!(b = store_bodies(r->store, r->arena, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_key(&j, "bodies");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_body(&j, &b[i]);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

void api_body_get(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct body *b;
	struct jw j;

	if (!(b = store_body(r->store, r->arena, r->ids[0], &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_body(&j, b);
	api_end(w);
}

void api_body_create(struct req *r, struct resp *w)
{
	struct body_body b = { 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (read_body(r, body_fields, ARRAY_SIZE(body_fields), &b, &b.in.set,
		      &e) < 0 ||
	    read_members(r, &b, &e) < 0 ||
	    store_body_create(r->store, &b.in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	r->ids[0] = id;
	api_body_get(r, w);
	created(r, w, "bodies", id);
}

void api_body_patch(struct req *r, struct resp *w)
{
	struct body_body b = { 0 };
	struct err e = ERR_INIT;

	if (read_body(r, body_fields, ARRAY_SIZE(body_fields), &b, &b.in.set,
		      &e) < 0 ||
	    read_members(r, &b, &e) < 0 ||
	    store_body_update(r->store, r->ids[0], &b.in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_body_get(r, w);
}

void api_body_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived = false;

	if (store_body_remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
			      &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], archived);
}

/* ---------------------------------------------------------------------
 * Meetings
 */

void api_meetings(struct req *r, struct resp *w)
{
	struct meeting_filter f = { http_query(r, "from"), http_query(r, "to"), 0 };
	struct err e = ERR_INIT;
	struct meeting *m;
	struct jw j;
	size_t n;

	if (f.from && !*f.from)
		f.from = NULL;
	if (f.to && !*f.to)
		f.to = NULL;
	if (http_query_id(r, "body", &f.body_id, &e) < 0 ||
	    !(m = store_meetings(r->store, r->arena, &f, &n, &e))) {
		if (!e.field[0] && e.code == ERR_INVALID)
			snprintf(e.field, sizeof(e.field), "body");
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_key(&j, "meetings");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_meeting(&j, &m[i], false);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

/* What was undertaken or requested at an item. */
static int item_undertakings(struct req *r, struct agenda_item *it,
			     struct err *e)
{
	struct undertaking_filter f = { .item_id = it->id, .today = r->today };

	it->undertakings = store_undertakings(r->store, r->arena, &f,
					      &it->n_undertakings, e);
	return it->undertakings ? 0 : -1;
}

/* What was undertaken at each of a meeting's items, and what is due at
 * it. */
static int undertakings_of(struct req *r, struct meeting *m, struct err *e)
{
	m->undertakings_due = store_undertakings_for_meeting(
		r->store, r->arena, m->id, r->today, &m->n_undertakings_due, e);
	if (!m->undertakings_due)
		return -1;
	for (size_t i = 0; i < m->n_items; i++)
		if (item_undertakings(r, &m->items[i], e) < 0)
			return -1;
	return 0;
}

void api_meeting(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct meeting *m;
	struct jw j;

	if (!(m = store_meeting(r->store, r->arena, r->ids[0], &e)) ||
	    undertakings_of(r, m, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_meeting(&j, m, true);
	api_end(w);
}

void api_meeting_create(struct req *r, struct resp *w)
{
	struct meeting_body b = { 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (read_body(r, meeting_fields, ARRAY_SIZE(meeting_fields), &b,
		      &b.in.set, &e) < 0 ||
	    read_attendees(r, &b, &e) < 0 ||
	    store_meeting_create(r->store, &b.in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	r->ids[0] = id;
	api_meeting(r, w);
	created(r, w, "meetings", id);
}

void api_meeting_patch(struct req *r, struct resp *w)
{
	struct meeting_body b = { 0 };
	struct err e = ERR_INIT;

	if (read_body(r, meeting_fields, ARRAY_SIZE(meeting_fields), &b,
		      &b.in.set, &e) < 0 ||
	    read_attendees(r, &b, &e) < 0 ||
	    store_meeting_update(r->store, r->ids[0], &b.in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_meeting(r, w);
}

void api_meeting_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived = false;

	if (store_meeting_remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
				 &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], archived);
}

/* ---------------------------------------------------------------------
 * Agenda items
 */

void api_item(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct agenda_item *it;
	struct jw j;

	if (!(it = store_item(r->store, r->arena, r->ids[0], &e)) ||
	    item_undertakings(r, it, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_item(&j, it);
	api_end(w);
}

void api_item_create(struct req *r, struct resp *w)
{
	struct item_body b = { 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (read_body(r, item_fields, ARRAY_SIZE(item_fields), &b, &b.in.set,
		      &e) < 0 ||
	    read_item_lists(r, &b, &e) < 0)
		goto fail;
	if ((b.in.set & ITEM_MEETING) && b.in.meeting_id != r->ids[0]) {
		err_set(&e, ERR_INVALID, "meeting_id",
			"the item is added to meeting %lld (the address)",
			(long long)r->ids[0]);
		goto fail;
	}
	b.in.meeting_id = r->ids[0];
	b.in.set |= ITEM_MEETING;
	if (store_item_create(r->store, &b.in, &id, &e) < 0)
		goto fail;
	r->ids[0] = id;
	api_item(r, w);
	created(r, w, "items", id);
	return;
fail:
	resp_api_error(w, &e);
}

void api_item_patch(struct req *r, struct resp *w)
{
	struct item_body b = { 0 };
	struct err e = ERR_INIT;

	if (read_body(r, item_fields, ARRAY_SIZE(item_fields), &b, &b.in.set,
		      &e) < 0 ||
	    read_item_lists(r, &b, &e) < 0 ||
	    store_item_update(r->store, r->ids[0], &b.in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_item(r, w);
}

void api_item_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived = false;

	if (store_item_remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
			      &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], archived);
}

/* ---------------------------------------------------------------------
 * Attachments
 */

void api_attachment_create(struct req *r, struct resp *w)
{
	const char *name = http_query(r, "filename");
	const char *type = http_header(r, "Content-Type");
	struct err e = ERR_INIT;
	struct attachment *t;
	struct jw j;
	int64_t id;

	if (!name || !*name) {
		resp_api_error_status(w, 400, "invalid",
				      "give the file's name: ?filename=report.pdf",
				      "filename");
		return;
	}
	if (store_attachment_add(r->store, r->ids[0], name, type, r->body,
				 r->body_len, NULL, &id, &e) < 0 ||
	    !(t = store_attachment(r->store, r->arena, id, false, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_attachment(&j, t);
	api_end(w);
	w->status = 201;
	resp_header(w, "Location", arena_printf(r->arena, "/attachments/%lld",
						(long long)id));
}

/* Content-Disposition: attachment with the name as a quoted string
 * (quotes, backslashes and controls replaced) and, for names beyond
 * ASCII, RFC 6266's filename* too. */
static const char *disposition(struct arena *a, const char *name)
{
	struct buf b = BUF_INIT;
	bool ascii = true;
	const char *out;

	buf_adds(&b, "attachment; filename=\"");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p >= 0x80)
			ascii = false;
		buf_addc(&b, *p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\'
				     ? '_'
				     : (char)*p);
	}
	buf_addc(&b, '"');
	if (!ascii) {
		buf_adds(&b, "; filename*=UTF-8''");
		for (const unsigned char *p = (const unsigned char *)name; *p; p++)
			if (isalnum(*p) || strchr("-._~", *p))
				buf_addc(&b, (char)*p);
			else
				buf_printf(&b, "%%%02X", *p);
	}
	out = arena_strdup(a, b.ptr);
	buf_release(&b);
	return out;
}

void api_attachment_get(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct attachment *t;

	if (!(t = store_attachment(r->store, r->arena, r->ids[0], true, &e))) {
		resp_api_error(w, &e);
		return;
	}
	/* A document an import found by its address only (modern.gov's
	 * published papers): sent on to where it is published. */
	if (!t->bytes && t->source_url &&
	    (strncmp(t->source_url, "https://", 8) == 0 ||
	     strncmp(t->source_url, "http://", 7) == 0)) {
		w->status = 303;
		resp_header(w, "Location", t->source_url);
		return;
	}
	w->content_type = t->content_type;
	resp_header(w, "Content-Disposition", disposition(r->arena, t->name));
	buf_add(&w->body, t->data, (size_t)t->bytes);
}

void api_attachment_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;

	if (store_attachment_remove(r->store, r->ids[0], &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], false);
}

/* ---------------------------------------------------------------------
 * Calendars
 */

static void ics_meetings(struct req *r, struct resp *w, int64_t body_id)
{
	struct meeting_filter f = { NULL, NULL, body_id };
	struct err e = ERR_INIT;
	struct meeting *m;
	struct body *b = NULL;
	char now[21];
	size_t n;

	if ((body_id && !(b = store_body(r->store, r->arena, body_id, &e))) ||
	    !(m = store_meetings(r->store, r->arena, &f, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	text_now(now);
	w->content_type = "text/calendar; charset=utf-8";
	ical_begin(&w->body, b ? arena_printf(r->arena, "%s meetings", b->name)
			       : "Meetings");
	for (size_t i = 0; i < n; i++) {
		struct ical_event ev = {
			.uid = arena_printf(r->arena, "meeting-%lld@safer",
					    (long long)m[i].id),
			.dtstamp = now,
			.date = m[i].date,
			.time = m[i].time,
			.summary = m[i].body_name,
			.location = m[i].venue,
			.description = m[i].note,
			.url = NULL,
			.status = strcmp(m[i].status, "cancelled") == 0
					  ? "CANCELLED"
					  : "CONFIRMED",
		};

		ical_event(&w->body, &ev);
	}
	ical_end(&w->body);
}

void api_meetings_ics(struct req *r, struct resp *w)
{
	ics_meetings(r, w, 0);
}

void api_body_meetings_ics(struct req *r, struct resp *w)
{
	ics_meetings(r, w, r->ids[0]);
}

void api_actions_ics(struct req *r, struct resp *w)
{
	struct action_filter f = { 0 };
	struct err e = ERR_INIT;
	struct action *a;
	char now[21];
	size_t n;

	f.today = r->today;
	if (!(a = store_actions(r->store, r->arena, &f, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	text_now(now);
	w->content_type = "text/calendar; charset=utf-8";
	ical_begin(&w->body, "Actions due");
	for (size_t i = 0; i < n; i++) {
		struct ical_event ev = {
			.uid = arena_printf(r->arena, "action-%lld@safer",
					    (long long)a[i].id),
			.dtstamp = now,
			.date = a[i].due_on,
			.summary = arena_printf(r->arena, "Due: %s", a[i].title),
			.description = a[i].owner_name
					       ? arena_printf(r->arena, "Owner: %s",
							      a[i].owner_name)
					       : NULL,
		};

		if (a[i].due_on && strcmp(a[i].status, "cancelled") != 0)
			ical_event(&w->body, &ev);
	}
	ical_end(&w->body);
}
