/*
 * repr_people.c: the JSON of the partnership, people, organisations and
 * boards.
 */
#include "repr.h"
#include "store/store_governance.h"
#include "store/store_people.h"

void repr_json_person(struct jw *j, const struct person *p)
{
	jw_obj(j);
	jw_kv_int(j, "id", p->id);
	jw_kv_str(j, "name", p->name);
	jw_kv_str(j, "role", p->role);
	jw_kv_id(j, "organisation_id", p->organisation_id);
	jw_kv_str(j, "organisation", p->organisation);
	jw_kv_bool(j, "example", p->example);
	jw_kv_str(j, "archived_at", p->archived_at);
	jw_end(j);
}

void repr_json_organisation(struct jw *j, const struct organisation *o)
{
	jw_obj(j);
	jw_kv_int(j, "id", o->id);
	jw_kv_str(j, "name", o->name);
	jw_kv_str(j, "short_name", o->short_name);
	jw_kv_str(j, "sector", o->sector);
	jw_kv_bool(j, "member", o->is_member);
	jw_kv_str(j, "note", o->note);
	jw_kv_int(j, "people", (int64_t)o->n_people);
	jw_kv_bool(j, "example", o->example);
	jw_kv_str(j, "archived_at", o->archived_at);
	jw_end(j);
}

void repr_json_board(struct jw *j, const struct board *b)
{
	jw_obj(j);
	jw_kv_int(j, "id", b->id);
	jw_kv_str(j, "name", b->name);
	jw_kv_str(j, "kind", b->kind);
	jw_kv_id(j, "reports_to_id", b->parent_id);
	jw_kv_str(j, "reports_to", b->parent_name);
	jw_kv_id(j, "parent_id", b->parent_id); /* the older name */
	jw_kv_id(j, "chair_id", b->chair_id);
	jw_kv_str(j, "chair", b->chair_name);
	jw_kv_str(j, "terms_of_reference", b->terms_of_reference);
	jw_kv_bool(j, "example", b->example);
	jw_kv_str(j, "archived_at", b->archived_at);
	jw_key(j, "member_ids");
	jw_arr(j);
	for (size_t i = 0; i < b->n_members; i++)
		jw_int(j, b->members[i].person_id);
	jw_end(j);
	jw_key(j, "members");
	jw_arr(j);
	for (size_t i = 0; i < b->n_members; i++) {
		jw_obj(j);
		jw_kv_int(j, "person_id", b->members[i].person_id);
		jw_kv_str(j, "name", b->members[i].name);
		jw_kv_str(j, "role", b->members[i].role);
		jw_kv_str(j, "organisation", b->members[i].organisation);
		jw_end(j);
	}
	jw_end(j);
	jw_end(j);
}

void repr_json_partnership(struct jw *j, const struct partnership *p)
{
	jw_obj(j);
	jw_kv_int(j, "id", p->id);
	jw_kv_str(j, "name", p->name);
	jw_kv_str(j, "area", p->area);
	jw_kv_str(j, "description", p->description);
	jw_key(j, "former_names");
	jw_arr(j);
	for (size_t i = 0; i < p->n_former; i++)
		jw_str(j, p->former_plain[i]);
	jw_end(j);
	jw_end(j);
}
