/*
 * store_people.c: the partnership, its member organisations and people.
 */
#include "base/json.h"
#include "base/text.h"
#include "store_audit.h"
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
	size_t cap = 0, cap2 = 0, n2 = 0;
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
		*VEC_PUSH(a, p->former_plain, &n2, &cap2) = col_str(a, st, 0);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : p;
}

struct partnership_args {
	const struct partnership_input *in;
	int64_t *id;
};

/* The id of the partnership, 0 if there is none, -1 with e set. */
static int64_t partnership_id(struct store *s, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT id FROM partnership ORDER BY id LIMIT 1", e);
	int64_t id = 0;
	int rc;

	if (!st)
		return -1;
	if ((rc = db_step(st, e)) == DB_ROW)
		id = db_col_int(st, 0);
	db_done(st);
	return rc == DB_ERROR ? -1 : id;
}

/* Make the former names of partnership id exactly in->former_names. */
static int set_former_names(struct store *s, int64_t id,
			    const struct partnership_input *in, struct err *e)
{
	struct db_stmt *st;
	struct buf list = BUF_INIT;
	struct jw j;
	int rc;

	jw_init(&j, &list, false);
	jw_arr(&j);
	for (size_t i = 0; i < in->n_former; i++)
		jw_str(&j, in->former_names[i]);
	jw_end(&j);
	st = db_prepare(s->db,
			"DELETE FROM former_name WHERE partnership_id = :pid"
			" AND name NOT IN (SELECT value FROM json_each(:names))",
			e);
	rc = st ? 0 : -1;
	if (st) {
		db_bind_int(st, ":pid", id);
		db_bind_text(st, ":names", list.ptr);
		rc = db_exec(st, NULL, e);
	}
	if (rc == 0) {
		st = db_prepare(s->db,
				"INSERT INTO former_name (partnership_id, name)"
				" SELECT :pid, n.value FROM json_each(:names) n"
				" WHERE NOT EXISTS (SELECT 1 FROM former_name f"
				"  WHERE f.partnership_id = :pid AND f.name = n.value)"
				" ORDER BY n.key",
				e);
		rc = st ? 0 : -1;
	}
	if (rc == 0 && st) {
		db_bind_int(st, ":pid", id);
		db_bind_text(st, ":names", list.ptr);
		rc = db_exec(st, NULL, e);
	}
	buf_release(&list);
	return rc;
}

static int check_partnership(const struct partnership_input *in, bool all,
			     struct err *e)
{
	if ((all || (in->set & PARTNERSHIP_NAME)) &&
	    text_check_line(in->name, "name", 200, true, e) < 0)
		return -1;
	if ((all || (in->set & PARTNERSHIP_AREA)) &&
	    text_check_line(in->area, "area", 200, true, e) < 0)
		return -1;
	if ((in->set & PARTNERSHIP_DESCRIPTION) &&
	    text_check_block(in->description, "description", 5000, false, e) < 0)
		return -1;
	for (size_t i = 0; (in->set & PARTNERSHIP_FORMER_NAMES) && i < in->n_former;
	     i++) {
		if (text_check_line(in->former_names[i], "former_names", 200, true,
				    e) < 0)
			return -1;
		for (size_t k = 0; k < i; k++)
			if (strcmp(in->former_names[k], in->former_names[i]) == 0)
				return err_set(e, ERR_INVALID, "former_names",
					       "'%s' is listed twice",
					       in->former_names[i]);
	}
	return 0;
}

static int write_partnership(struct store *s, void *arg, struct err *e)
{
	struct partnership_args *p = arg;
	const struct partnership_input *in = p->in;
	struct audit_snap snap;
	struct db_stmt *st;
	int64_t id = partnership_id(s, e);

	if (id < 0 || check_partnership(in, id == 0, e) < 0 ||
	    audit_before(s, &snap, AUDIT_PARTNERSHIP, id, e) < 0)
		return -1;
	if (id == 0)
		st = db_prepare(s->db,
				"INSERT INTO partnership (name, area, description)"
				" VALUES (:name, :area, :description) RETURNING id",
				e);
	else
		st = db_prepare(s->db,
				"UPDATE partnership SET"
				"  name = CASE WHEN :set_name THEN :name ELSE name END,"
				"  area = CASE WHEN :set_area THEN :area ELSE area END,"
				"  description = CASE WHEN :set_desc THEN :description"
				"    ELSE description END"
				" WHERE id = :id",
				e);
	if (!st)
		goto fail;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":area", in->area);
	db_bind_text(st, ":description", in->description);
	if (id) {
		db_bind_int(st, ":id", id);
		db_bind_int(st, ":set_name", (in->set & PARTNERSHIP_NAME) != 0);
		db_bind_int(st, ":set_area", (in->set & PARTNERSHIP_AREA) != 0);
		db_bind_int(st, ":set_desc", (in->set & PARTNERSHIP_DESCRIPTION) != 0);
	}
	if (db_exec(st, id ? NULL : &id, e) < 0 ||
	    ((in->set & PARTNERSHIP_FORMER_NAMES) && set_former_names(s, id, in, e) < 0))
		goto fail;
	if (p->id)
		*p->id = id;
	return audit_after(s, &snap, id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_partnership_update(struct store *s,
			     const struct partnership_input *in, int64_t *id,
			     struct err *e)
{
	struct partnership_args p = { in, id };

	return in_transaction(s, write_partnership, &p, e);
}

int store_partnership_create(struct store *s, const char *name,
			     const char *area, const char *description,
			     int64_t *id, struct err *e)
{
	struct partnership_input in = {
		PARTNERSHIP_NAME | PARTNERSHIP_AREA | PARTNERSHIP_DESCRIPTION,
		name, area, description, NULL, 0,
	};
	int64_t have;

	if (check_partnership(&in, true, e) < 0 ||
	    (have = partnership_id(s, e)) < 0)
		return -1;
	if (have)
		return err_set(e, ERR_CONFLICT, "name",
			       "the database already holds a partnership");
	return store_partnership_update(s, &in, id, e);
}

struct former_args {
	int64_t partnership_id;
	const char *name, *note;
	bool add;
};

static int write_former_name(struct store *s, void *arg, struct err *e)
{
	struct former_args *f = arg;
	struct audit_snap snap;
	struct db_stmt *st;

	if (audit_before(s, &snap, AUDIT_PARTNERSHIP, f->partnership_id, e) < 0)
		return -1;
	if (!snap.existed) {
		audit_discard(&snap);
		return not_found(e, "partnership", f->partnership_id);
	}
	if (f->add)
		st = db_prepare(s->db,
				"INSERT INTO former_name (partnership_id, name, note)"
				" VALUES (:pid, :name, :note)",
				e);
	else
		st = db_prepare(s->db,
				"DELETE FROM former_name"
				" WHERE partnership_id = :pid AND name = :name",
				e);
	if (!st)
		goto fail;
	db_bind_int(st, ":pid", f->partnership_id);
	db_bind_text(st, ":name", f->name);
	if (f->add)
		db_bind_text(st, ":note", f->note);
	if (db_exec(st, NULL, e) < 0)
		goto fail;
	if (!f->add && db_changes(s->db) == 0) {
		err_set(e, ERR_NOT_FOUND, "former_names",
			"there is no former name '%s'", f->name);
		goto fail;
	}
	return audit_after(s, &snap, f->partnership_id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_former_name_add(struct store *s, int64_t partnership_id,
			  const char *name, const char *note, struct err *e)
{
	struct former_args f = { partnership_id, name, note, true };

	if (text_check_line(name, "former_names", 200, true, e) < 0 ||
	    text_check_line(note, "note", 200, false, e) < 0)
		return -1;
	return in_transaction(s, write_former_name, &f, e);
}

int store_former_name_remove(struct store *s, int64_t partnership_id,
			     const char *name, struct err *e)
{
	struct former_args f = { partnership_id, name, NULL, false };

	if (text_check_line(name, "former_names", 200, true, e) < 0)
		return -1;
	return in_transaction(s, write_former_name, &f, e);
}

/* The columns every organisation query selects, in this order. */
#define ORG_COLUMNS                                                      \
	"o.id, o.name, o.short_name, o.sector, o.is_member, o.note,"     \
	" o.is_example,"                                                 \
	" (SELECT count(*) FROM person p WHERE p.organisation_id = o.id"  \
	"   AND p.archived_at IS NULL), o.archived_at"

static void read_org(struct arena *a, struct db_stmt *st, struct organisation *o)
{
	o->id = db_col_int(st, 0);
	o->name = col_str(a, st, 1);
	o->short_name = col_str(a, st, 2);
	o->sector = col_str(a, st, 3);
	o->is_member = db_col_int(st, 4) != 0;
	o->note = col_str(a, st, 5);
	o->example = db_col_int(st, 6) != 0;
	o->n_people = (size_t)db_col_int(st, 7);
	o->archived_at = col_str(a, st, 8);
}

struct organisation *store_organisations(struct store *s, struct arena *a,
					 size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " ORG_COLUMNS " FROM organisation o"
		" WHERE o.archived_at IS NULL"
		" ORDER BY o.is_member DESC, o.name",
		e);
	struct organisation *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW)
		read_org(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

struct organisation *store_organisation(struct store *s, struct arena *a,
					int64_t id, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " ORG_COLUMNS " FROM organisation o WHERE o.id = :id",
		e);
	struct organisation *o = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		o = arena_new(a, struct organisation);
		read_org(a, st, o);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "organisation", id);
	return o;
}

static int check_org(const struct organisation_input *in, struct err *e)
{
	if (text_check_line(in->name, "name", 200, true, e) < 0 ||
	    text_check_line(in->short_name, "short_name", 40, false, e) < 0 ||
	    check_choice(org_sectors, in->sector, "sector", false, e) < 0 ||
	    text_check_block(in->note, "note", 2000, false, e) < 0)
		return -1;
	return 0;
}

struct org_args {
	int64_t id; /* 0 for a new one */
	const struct organisation_input *in;
	int64_t *new_id;
};

static int write_org(struct store *s, void *arg, struct err *e)
{
	struct org_args *u = arg;
	const struct organisation_input *in = u->in;
	struct organisation_input row = *in;
	struct arena a = ARENA_INIT;
	struct audit_snap snap;
	struct db_stmt *st;
	int64_t id = u->id;
	int rc = -1;

	if (id) {
		struct organisation *old = store_organisation(s, &a, id, e);

		if (!old)
			goto out;
		if (!(in->set & ORG_NAME)) row.name = old->name;
		if (!(in->set & ORG_SHORT_NAME)) row.short_name = old->short_name;
		if (!(in->set & ORG_SECTOR)) row.sector = old->sector;
		if (!(in->set & ORG_MEMBER)) row.is_member = old->is_member;
		if (!(in->set & ORG_NOTE)) row.note = old->note;
	}
	if (check_org(&row, e) < 0 ||
	    audit_before(s, &snap, AUDIT_ORGANISATION, id, e) < 0)
		goto out;
	if (id)
		st = db_prepare(s->db,
				"UPDATE organisation SET name = :name,"
				"  short_name = :short, sector = :sector,"
				"  is_member = :member, note = :note WHERE id = :id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO organisation (name, short_name, sector,"
				"  is_member, note, is_example)"
				" VALUES (:name, :short, :sector, :member, :note, :ex)"
				" RETURNING id",
				e);
	if (!st) {
		audit_discard(&snap);
		goto out;
	}
	db_bind_text(st, ":name", row.name);
	db_bind_text(st, ":short", row.short_name);
	db_bind_text(st, ":sector", row.sector);
	db_bind_int(st, ":member", row.is_member);
	db_bind_text(st, ":note", row.note);
	if (id)
		db_bind_int(st, ":id", id);
	else
		db_bind_int(st, ":ex", row.example);
	if (db_exec(st, id ? NULL : &id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "name",
				"there is already an organisation called '%s'",
				row.name);
		audit_discard(&snap);
		goto out;
	}
	if (u->new_id)
		*u->new_id = id;
	rc = audit_after(s, &snap, id, e);
out:
	arena_release(&a);
	return rc;
}

int store_organisation_create(struct store *s,
			      const struct organisation_input *in,
			      int64_t *id, struct err *e)
{
	struct org_args u = { 0, in, id };

	return in_transaction(s, write_org, &u, e);
}

int store_organisation_update(struct store *s, int64_t id,
			      const struct organisation_input *in,
			      struct err *e)
{
	struct org_args u = { id, in, NULL };

	return in_transaction(s, write_org, &u, e);
}

static const struct remove_spec org_removal = {
	AUDIT_ORGANISATION, "organisation",
	"SELECT 'people belong to it' FROM person WHERE organisation_id = :id",
	"UPDATE organisation SET archived_at = coalesce(archived_at, :now)"
	" WHERE id = :id",
	"DELETE FROM organisation WHERE id = :id",
};

int store_organisation_remove(struct store *s, int64_t id,
			      enum remove_how how, bool *archived,
			      struct err *e)
{
	return store_remove(s, &org_removal, id, how, archived, e);
}

/* The columns every person query selects, in this order. */
#define PERSON_COLUMNS \
	"p.id, p.name, p.role, p.organisation_id, o.name, p.is_example," \
	" p.archived_at"

static void read_person(struct arena *a, struct db_stmt *st, struct person *p)
{
	p->id = db_col_int(st, 0);
	p->name = col_str(a, st, 1);
	p->role = col_str(a, st, 2);
	p->organisation_id = db_col_int(st, 3);
	p->organisation = col_str(a, st, 4);
	p->example = db_col_int(st, 5) != 0;
	p->archived_at = col_str(a, st, 6);
}

struct person *store_people(struct store *s, struct arena *a,
			    int64_t organisation_id, size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " PERSON_COLUMNS " FROM person p"
		" LEFT JOIN organisation o ON o.id = p.organisation_id"
		" WHERE (:org = 0 OR p.organisation_id = :org)"
		"  AND p.archived_at IS NULL"
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

struct person_args {
	int64_t id; /* 0 for a new one */
	const struct person_input *in;
	int64_t *new_id;
};

static int write_person(struct store *s, void *arg, struct err *e)
{
	struct person_args *u = arg;
	const struct person_input *in = u->in;
	struct person_input row = *in;
	struct arena a = ARENA_INIT;
	struct audit_snap snap;
	struct db_stmt *st;
	int64_t id = u->id;
	int rc = -1;

	if (id) {
		struct person *old = store_person(s, &a, id, e);

		if (!old)
			goto out;
		if (!(in->set & PERSON_NAME)) row.name = old->name;
		if (!(in->set & PERSON_ROLE)) row.role = old->role;
		if (!(in->set & PERSON_ORGANISATION))
			row.organisation_id = old->organisation_id;
	}
	if (text_check_line(row.name, "name", 200, true, e) < 0 ||
	    text_check_line(row.role, "role", 300, false, e) < 0 ||
	    (row.organisation_id &&
	     check_exists(s, EXISTS_ORGANISATION, row.organisation_id,
			  "organisation_id", e) < 0) ||
	    audit_before(s, &snap, AUDIT_PERSON, id, e) < 0)
		goto out;
	if (id)
		st = db_prepare(s->db,
				"UPDATE person SET name = :name, role = :role,"
				"  organisation_id = :org WHERE id = :id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO person (name, role, organisation_id,"
				"  is_example)"
				" VALUES (:name, :role, :org, :ex) RETURNING id",
				e);
	if (!st) {
		audit_discard(&snap);
		goto out;
	}
	db_bind_text(st, ":name", row.name);
	db_bind_text(st, ":role", row.role);
	db_bind_id(st, ":org", row.organisation_id);
	if (id)
		db_bind_int(st, ":id", id);
	else
		db_bind_int(st, ":ex", row.example);
	if (db_exec(st, id ? NULL : &id, e) < 0) {
		audit_discard(&snap);
		goto out;
	}
	if (u->new_id)
		*u->new_id = id;
	rc = audit_after(s, &snap, id, e);
out:
	arena_release(&a);
	return rc;
}

int store_person_create(struct store *s, const struct person_input *in,
			int64_t *id, struct err *e)
{
	struct person_args u = { 0, in, id };

	return in_transaction(s, write_person, &u, e);
}

int store_person_update(struct store *s, int64_t id,
			const struct person_input *in, struct err *e)
{
	struct person_args u = { id, in, NULL };

	return in_transaction(s, write_person, &u, e);
}

static const struct remove_spec person_removal = {
	AUDIT_PERSON, "person",
	"SELECT 'they own an action' FROM action WHERE owner_id = :id"
	" UNION ALL SELECT 'they lead a theme' FROM theme WHERE lead_id = :id"
	" UNION ALL SELECT 'they chair a board' FROM board WHERE chair_id = :id"
	" UNION ALL SELECT 'they are a member of a board' FROM board_member"
	"  WHERE person_id = :id"
	" UNION ALL SELECT 'they wrote a progress update' FROM action_update"
	"  WHERE author_id = :id"
	" UNION ALL SELECT 'an account names them' FROM account"
	"  WHERE person_id = :id",
	"UPDATE person SET archived_at = coalesce(archived_at, :now)"
	" WHERE id = :id",
	"DELETE FROM person WHERE id = :id",
};

int store_person_remove(struct store *s, int64_t id, enum remove_how how,
			bool *archived, struct err *e)
{
	return store_remove(s, &person_removal, id, how, archived, e);
}
