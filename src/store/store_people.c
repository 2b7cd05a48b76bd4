/*
 * store_people.c: the partnership, its member organisations and people.
 */
#include "base/text.h"
#include "store_int.h"
#include "store_people.h"

struct partnership *store_partnership(struct store *s, struct arena *a,
				      struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, name, area, description FROM partnership "
		"ORDER BY id LIMIT 1",
		e);
	struct partnership *p = NULL;
	size_t cap = 0;
	int rc;

	if (!st)
		return NULL;
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		p = arena_new(a, struct partnership);
		p->id = db_col_int(st, 0);
		p->name = col_str(a, st, 1);
		p->area = col_str(a, st, 2);
		p->description = col_str(a, st, 3);
	}
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	if (!p) {
		err_set(e, ERR_NOT_FOUND, NULL,
			"no partnership yet; load the demo with 'safer demo'");
		return NULL;
	}
	st = db_prepare(s->db,
			"SELECT name, note FROM former_name "
			"WHERE partnership_id = :id ORDER BY id",
			e);
	if (!st)
		return NULL;
	db_bind_int(st, ":id", p->id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		const char **slot = VEC_PUSH(a, p->former_names, &p->n_former, &cap);
		const char *note = db_col_text(st, 1);

		*slot = note ? arena_printf(a, "%s (%s)", db_col_text(st, 0), note)
			     : col_str(a, st, 0);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : p;
}

int store_partnership_create(struct store *s, const char *name,
			     const char *area, const char *description,
			     int64_t *id, struct err *e)
{
	struct db_stmt *st;

	if (text_check_line(name, "name", 200, true, e) < 0 ||
	    text_check_line(area, "area", 200, true, e) < 0 ||
	    text_check_block(description, "description", 5000, false, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO partnership (name, area, description) "
			"VALUES (:name, :area, :description) RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":area", area);
	db_bind_text(st, ":description", description);
	return db_exec(st, id, e);
}

int store_former_name_add(struct store *s, int64_t partnership_id,
			  const char *name, const char *note, struct err *e)
{
	struct db_stmt *st;

	if (text_check_line(name, "name", 200, true, e) < 0 ||
	    text_check_line(note, "note", 200, false, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO former_name (partnership_id, name, note) "
			"VALUES (:pid, :name, :note)",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":pid", partnership_id);
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":note", note);
	return db_exec(st, NULL, e);
}

struct organisation *store_organisations(struct store *s, struct arena *a,
					 size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT o.id, o.name, o.short_name, o.sector, o.is_member, o.note,"
		"  o.is_example,"
		"  (SELECT count(*) FROM person p WHERE p.organisation_id = o.id)"
		" FROM organisation o ORDER BY o.is_member DESC, o.name",
		e);
	struct organisation *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct organisation *o = VEC_PUSH(a, list, n, &cap);

		o->id = db_col_int(st, 0);
		o->name = col_str(a, st, 1);
		o->short_name = col_str(a, st, 2);
		o->sector = col_str(a, st, 3);
		o->is_member = db_col_int(st, 4) != 0;
		o->note = col_str(a, st, 5);
		o->example = db_col_int(st, 6) != 0;
		o->n_people = (size_t)db_col_int(st, 7);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

int store_organisation_create(struct store *s,
			      const struct organisation_input *in,
			      int64_t *id, struct err *e)
{
	struct db_stmt *st;

	if (text_check_line(in->name, "name", 200, true, e) < 0 ||
	    text_check_line(in->short_name, "short_name", 40, false, e) < 0 ||
	    check_choice(org_sectors, in->sector, "sector", false, e) < 0 ||
	    text_check_block(in->note, "note", 2000, false, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO organisation (name, short_name, sector,"
			"  is_member, note, is_example)"
			" VALUES (:name, :short, :sector, :member, :note, :ex)"
			" RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":short", in->short_name);
	db_bind_text(st, ":sector", in->sector);
	db_bind_int(st, ":member", in->is_member);
	db_bind_text(st, ":note", in->note);
	db_bind_int(st, ":ex", in->example);
	if (db_exec(st, id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "name",
				"there is already an organisation called '%s'",
				in->name);
		return -1;
	}
	return 0;
}

/* The columns every person query selects, in this order. */
#define PERSON_COLUMNS \
	"p.id, p.name, p.role, p.organisation_id, o.name, p.is_example"

static void read_person(struct arena *a, struct db_stmt *st, struct person *p)
{
	p->id = db_col_int(st, 0);
	p->name = col_str(a, st, 1);
	p->role = col_str(a, st, 2);
	p->organisation_id = db_col_int(st, 3);
	p->organisation = col_str(a, st, 4);
	p->example = db_col_int(st, 5) != 0;
}

struct person *store_people(struct store *s, struct arena *a,
			    int64_t organisation_id, size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " PERSON_COLUMNS " FROM person p"
		" LEFT JOIN organisation o ON o.id = p.organisation_id"
		" WHERE :org = 0 OR p.organisation_id = :org"
		" ORDER BY p.name, p.id",
		e);
	struct person *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":org", organisation_id);
	while ((rc = db_step(st, e)) == DB_ROW)
		read_person(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

struct person *store_person(struct store *s, struct arena *a, int64_t id,
			    struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " PERSON_COLUMNS " FROM person p"
		" LEFT JOIN organisation o ON o.id = p.organisation_id"
		" WHERE p.id = :id",
		e);
	struct person *p = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		p = arena_new(a, struct person);
		read_person(a, st, p);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "person", id);
	return p;
}

int store_person_create(struct store *s, const struct person_input *in,
			int64_t *id, struct err *e)
{
	struct db_stmt *st;

	if (text_check_line(in->name, "name", 200, true, e) < 0 ||
	    text_check_line(in->role, "role", 300, false, e) < 0 ||
	    (in->organisation_id &&
	     check_exists(s, EXISTS_ORGANISATION, in->organisation_id,
			  "organisation_id", e) < 0))
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO person (name, role, organisation_id,"
			"  is_example)"
			" VALUES (:name, :role, :org, :ex) RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":role", in->role);
	db_bind_id(st, ":org", in->organisation_id);
	db_bind_int(st, ":ex", in->example);
	return db_exec(st, id, e);
}
