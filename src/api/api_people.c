/*
 * api_people.c: the partnership, its organisations, people and boards.
 *
 *   GET    /api/v1/partnership            the partnership
 *   PATCH  /api/v1/partnership            change it (or make it, when
 *                                         there is none yet)
 *   GET    /api/v1/organisations          list (archived left out)
 *   POST   /api/v1/organisations          create: 201 with Location
 *   GET    /api/v1/organisations/{id}     one, archived or not
 *   PATCH  /api/v1/organisations/{id}     change the fields given
 *   DELETE /api/v1/organisations/{id}     delete, or archive when
 *                                         something refers to it
 *   ... and the same for /api/v1/people and /api/v1/boards.
 *
 * Writes take the names reads give: an organisation's name, short_name,
 * sector, member, note; a person's name, role, organisation_id; a
 * board's name, kind, reports_to_id, chair_id, terms_of_reference and
 * member_ids (the whole list); the partnership's name, area,
 * description and former_names (the whole list).  Any other field is a
 * 400 naming it.
 */
#include "api.h"
#include "store/store_governance.h"
#include "store/store_people.h"

#define FIELD(s, name, kind, null, bit) \
	{ #name, kind, null, bit, offsetof(struct s, name), 0 }

static const struct api_field partnership_fields[] = {
	FIELD(partnership_input, name, F_TEXT, false, PARTNERSHIP_NAME),
	FIELD(partnership_input, area, F_TEXT, false, PARTNERSHIP_AREA),
	FIELD(partnership_input, description, F_TEXT, true,
	      PARTNERSHIP_DESCRIPTION),
	{ "former_names", F_TEXTS, true, PARTNERSHIP_FORMER_NAMES,
	  offsetof(struct partnership_input, former_names),
	  offsetof(struct partnership_input, n_former) },
};

static const struct api_field organisation_fields[] = {
	FIELD(organisation_input, name, F_TEXT, false, ORG_NAME),
	FIELD(organisation_input, short_name, F_TEXT, true, ORG_SHORT_NAME),
	FIELD(organisation_input, sector, F_TEXT, false, ORG_SECTOR),
	{ "member", F_BOOL, false, ORG_MEMBER,
	  offsetof(struct organisation_input, is_member), 0 },
	FIELD(organisation_input, note, F_TEXT, true, ORG_NOTE),
};

static const struct api_field person_fields[] = {
	FIELD(person_input, name, F_TEXT, false, PERSON_NAME),
	FIELD(person_input, role, F_TEXT, true, PERSON_ROLE),
	FIELD(person_input, organisation_id, F_ID, true, PERSON_ORGANISATION),
};

static const struct api_field board_fields[] = {
	FIELD(board_input, name, F_TEXT, false, BOARD_NAME),
	FIELD(board_input, kind, F_TEXT, false, BOARD_KIND),
	{ "reports_to_id", F_ID, true, BOARD_REPORTS_TO,
	  offsetof(struct board_input, parent_id), 0 },
	FIELD(board_input, chair_id, F_ID, true, BOARD_CHAIR),
	FIELD(board_input, terms_of_reference, F_TEXT, true, BOARD_TERMS),
	{ "member_ids", F_IDS, true, BOARD_MEMBERS,
	  offsetof(struct board_input, member_ids),
	  offsetof(struct board_input, n_members) },
};

/* 201 and Location for a new object, after its JSON was written. */
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
 * The partnership
 */

void api_partnership(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct partnership *p = store_partnership(r->store, r->arena, &e);
	struct jw j;

	if (!p) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_partnership(&j, p);
	api_end(w);
}

void api_partnership_patch(struct req *r, struct resp *w)
{
	struct partnership_input in = { 0 };
	struct err e = ERR_INIT;

	if (api_read_body(r, partnership_fields, ARRAY_SIZE(partnership_fields),
			  &in, &in.set, &e) < 0 ||
	    store_partnership_update(r->store, &in, NULL, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_partnership(r, w);
}

/* ---------------------------------------------------------------------
 * Organisations
 */

void api_organisations(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct jw j;
	size_t n;
	struct organisation *o;

	if (!(o = store_organisations(r->store, r->arena, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_key(&j, "organisations");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_organisation(&j, &o[i]);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

void api_organisation(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct organisation *o;
	struct jw j;

	if (!(o = store_organisation(r->store, r->arena, r->ids[0], &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_organisation(&j, o);
	api_end(w);
}

void api_organisation_create(struct req *r, struct resp *w)
{
	struct organisation_input in = { .is_member = true };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, organisation_fields, ARRAY_SIZE(organisation_fields),
			  &in, &in.set, &e) < 0 ||
	    store_organisation_create(r->store, &in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	r->ids[0] = id;
	api_organisation(r, w);
	created(r, w, "organisations", id);
}

void api_organisation_patch(struct req *r, struct resp *w)
{
	struct organisation_input in = { 0 };
	struct err e = ERR_INIT;

	if (api_read_body(r, organisation_fields, ARRAY_SIZE(organisation_fields),
			  &in, &in.set, &e) < 0 ||
	    store_organisation_update(r->store, r->ids[0], &in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_organisation(r, w);
}

void api_organisation_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived = false;

	if (store_organisation_remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
				      &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], archived);
}

/* ---------------------------------------------------------------------
 * People
 */

void api_people(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct jw j;
	int64_t org;
	size_t n;
	struct person *p;

	if (http_query_id(r, "organisation", &org, &e) < 0 ||
	    !(p = store_people(r->store, r->arena, org, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_key(&j, "people");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_person(&j, &p[i]);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

void api_person(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct person *p;
	struct jw j;

	if (!(p = store_person(r->store, r->arena, r->ids[0], &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_person(&j, p);
	api_end(w);
}

void api_person_create(struct req *r, struct resp *w)
{
	struct person_input in = { 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, person_fields, ARRAY_SIZE(person_fields), &in,
			  &in.set, &e) < 0 ||
	    store_person_create(r->store, &in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	r->ids[0] = id;
	api_person(r, w);
	created(r, w, "people", id);
}

void api_person_patch(struct req *r, struct resp *w)
{
	struct person_input in = { 0 };
	struct err e = ERR_INIT;

	if (api_read_body(r, person_fields, ARRAY_SIZE(person_fields), &in,
			  &in.set, &e) < 0 ||
	    store_person_update(r->store, r->ids[0], &in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_person(r, w);
}

void api_person_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived = false;

	if (store_person_remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
				&e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], archived);
}

/* ---------------------------------------------------------------------
 * Boards
 */

void api_boards(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct jw j;
	size_t n;
	struct board *b;

	if (!(b = store_boards(r->store, r->arena, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_key(&j, "boards");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_board(&j, &b[i]);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

void api_board(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct board *b;
	struct jw j;

	if (!(b = store_board(r->store, r->arena, r->ids[0], &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_board(&j, b);
	api_end(w);
}

void api_board_create(struct req *r, struct resp *w)
{
	struct board_input in = { 0 };
	struct err e = ERR_INIT;
	int64_t id;

	if (api_read_body(r, board_fields, ARRAY_SIZE(board_fields), &in,
			  &in.set, &e) < 0 ||
	    store_board_create(r->store, &in, &id, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	r->ids[0] = id;
	api_board(r, w);
	created(r, w, "boards", id);
}

void api_board_patch(struct req *r, struct resp *w)
{
	struct board_input in = { 0 };
	struct err e = ERR_INIT;

	if (api_read_body(r, board_fields, ARRAY_SIZE(board_fields), &in,
			  &in.set, &e) < 0 ||
	    store_board_update(r->store, r->ids[0], &in, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_board(r, w);
}

void api_board_delete(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	bool archived = false;

	if (store_board_remove(r->store, r->ids[0], REMOVE_AUTO, &archived,
			       &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_removed(r, w, r->ids[0], archived);
}
