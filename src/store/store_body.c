/*
 * store_body.c: the bodies that meet (council committees, the
 * Executive, the Health & Wellbeing Board, the partnership's own boards)
 * and their members.
 */
#include "base/text.h"
#include "store_audit.h"
#include "store_int.h"
#include "store_meeting.h"

const struct choice body_kinds[] = {
	{ "scrutiny", "Scrutiny committee" },
	{ "executive", "Executive or cabinet" },
	{ "council", "Full council" },
	{ "health_wellbeing", "Health and Wellbeing Board" },
	{ "partnership_board", "Partnership board" },
	{ "subgroup", "Subgroup" },
	{ "other", "Other" },
	{ NULL, NULL },
};

static int read_members(struct store *s, struct arena *a, struct body *b,
			struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT p.id, p.name, m.role FROM body_member m"
		" JOIN person p ON p.id = m.person_id"
		" WHERE m.body_id = :id ORDER BY p.name, p.id",
		e);
	size_t cap = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", b->id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct body_member *m = VEC_PUSH(a, b->members, &b->n_members, &cap);

		m->person_id = db_col_int(st, 0);
		m->name = col_str(a, st, 1);
		m->role = col_str(a, st, 2);
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

#define BODY_COLUMNS                                                     \
	"b.id, b.name, b.kind, b.board_id, bd.name, b.chair_id, c.name,"  \
	" b.clerk_id, k.name, b.note, b.source, b.source_id, b.is_example," \
	" b.archived_at,"                                                \
	" (SELECT count(*) FROM meeting m WHERE m.body_id = b.id"        \
	"   AND m.archived_at IS NULL)"
#define BODY_FROM                                                        \
	" FROM body b"                                                   \
	" LEFT JOIN board bd ON bd.id = b.board_id"                      \
	" LEFT JOIN person c ON c.id = b.chair_id"                       \
	" LEFT JOIN person k ON k.id = b.clerk_id"

static void read_body(struct arena *a, struct db_stmt *st, struct body *b)
{
	b->id = db_col_int(st, 0);
	b->name = col_str(a, st, 1);
	b->kind = col_str(a, st, 2);
	b->board_id = db_col_int(st, 3);
	b->board_name = col_str(a, st, 4);
	b->chair_id = db_col_int(st, 5);
	b->chair_name = col_str(a, st, 6);
	b->clerk_id = db_col_int(st, 7);
	b->clerk_name = col_str(a, st, 8);
	b->note = col_str(a, st, 9);
	b->source = col_str(a, st, 10);
	b->source_id = col_str(a, st, 11);
	b->example = db_col_int(st, 12) != 0;
	b->archived_at = col_str(a, st, 13);
	b->n_meetings = db_col_int(st, 14);
}

struct body *store_bodies(struct store *s, struct arena *a, size_t *n,
			  struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " BODY_COLUMNS BODY_FROM
		" WHERE b.archived_at IS NULL ORDER BY b.name, b.id",
		e);
	struct body *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW)
		read_body(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	for (size_t i = 0; i < *n; i++)
		if (read_members(s, a, &list[i], e) < 0)
			return NULL;
	return LIST_RESULT(a, list);
}

struct body *store_body(struct store *s, struct arena *a, int64_t id,
			struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " BODY_COLUMNS BODY_FROM " WHERE b.id = :id", e);
	struct body *b = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		b = arena_new(a, struct body);
		read_body(a, st, b);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "body", id);
	if (b && read_members(s, a, b, e) < 0)
		return NULL;
	return b;
}

static int check_body(struct store *s, const struct body_input *in,
		      struct err *e)
{
	if (text_check_line(in->name, "name", 200, true, e) < 0 ||
	    check_choice(body_kinds, in->kind, "kind", false, e) < 0 ||
	    text_check_block(in->note, "note", 20000, false, e) < 0 ||
	    (in->board_id &&
	     check_exists(s, EXISTS_BOARD, in->board_id, "board_id", e) < 0) ||
	    (in->chair_id &&
	     check_exists(s, EXISTS_PERSON, in->chair_id, "chair_id", e) < 0) ||
	    (in->clerk_id &&
	     check_exists(s, EXISTS_PERSON, in->clerk_id, "clerk_id", e) < 0) ||
	    text_check_line(in->source, "source", 100, false, e) < 0 ||
	    text_check_line(in->source_id, "source_id", 200, false, e) < 0)
		return -1;
	for (size_t i = 0; (in->set & BODY_MEMBERS) && i < in->n_members; i++) {
		if (check_exists(s, EXISTS_PERSON, in->members[i].person_id,
				 "members", e) < 0 ||
		    text_check_line(in->members[i].role, "members", 200, false,
				    e) < 0)
			return -1;
		for (size_t k = 0; k < i; k++)
			if (in->members[k].person_id == in->members[i].person_id)
				return err_set(e, ERR_INVALID, "members",
					       "person %lld is listed twice",
					       (long long)in->members[i].person_id);
	}
	return 0;
}

static int set_members(struct store *s, int64_t id, const struct body_input *in,
		       struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "DELETE FROM body_member WHERE body_id = :b", e);

	if (!st)
		return -1;
	db_bind_int(st, ":b", id);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	for (size_t i = 0; i < in->n_members; i++) {
		st = db_prepare(s->db,
				"INSERT INTO body_member (body_id, person_id, role)"
				" VALUES (:b, :p, :role)",
				e);
		if (!st)
			return -1;
		db_bind_int(st, ":b", id);
		db_bind_int(st, ":p", in->members[i].person_id);
		db_bind_text(st, ":role", in->members[i].role);
		if (db_exec(st, NULL, e) < 0)
			return -1;
	}
	return 0;
}

struct body_args {
	int64_t id;
	const struct body_input *in;
	int64_t *new_id;
};

static int write_body(struct store *s, void *arg, struct err *e)
{
	struct body_args *u = arg;
	const struct body_input *in = u->in;
	struct body_input row = *in;
	struct arena a = ARENA_INIT;
	struct audit_snap snap;
	struct db_stmt *st;
	int64_t id = u->id;
	int rc = -1;

	if (id) {
		struct body *old = store_body(s, &a, id, e);

		if (!old)
			goto out;
		if (!(in->set & BODY_NAME)) row.name = old->name;
		if (!(in->set & BODY_KIND)) row.kind = old->kind;
		if (!(in->set & BODY_BOARD)) row.board_id = old->board_id;
		if (!(in->set & BODY_CHAIR)) row.chair_id = old->chair_id;
		if (!(in->set & BODY_CLERK)) row.clerk_id = old->clerk_id;
		if (!(in->set & BODY_NOTE)) row.note = old->note;
		row.source = old->source;
		row.source_id = old->source_id;
	}
	if (check_body(s, &row, e) < 0 ||
	    audit_before(s, &snap, AUDIT_BODY, id, e) < 0)
		goto out;
	if (id)
		st = db_prepare(s->db,
				"UPDATE body SET name = :name, kind = :kind,"
				"  board_id = :board, chair_id = :chair,"
				"  clerk_id = :clerk, note = :note WHERE id = :id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO body (name, kind, board_id, chair_id,"
				"  clerk_id, note, source, source_id, is_example)"
				" VALUES (:name, :kind, :board, :chair, :clerk, :note,"
				"  :source, :source_id, :ex) RETURNING id",
				e);
	if (!st)
		goto fail;
	db_bind_text(st, ":name", row.name);
	db_bind_text(st, ":kind", row.kind);
	db_bind_id(st, ":board", row.board_id);
	db_bind_id(st, ":chair", row.chair_id);
	db_bind_id(st, ":clerk", row.clerk_id);
	db_bind_text(st, ":note", row.note);
	if (id) {
		db_bind_int(st, ":id", id);
	} else {
		db_bind_text(st, ":source", row.source);
		db_bind_text(st, ":source_id", row.source_id);
		db_bind_int(st, ":ex", row.example);
	}
	if (db_exec(st, id ? NULL : &id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "name",
				"there is already a body called '%s'", row.name);
		goto fail;
	}
	if ((in->set & BODY_MEMBERS) && set_members(s, id, &row, e) < 0)
		goto fail;
	if (u->new_id)
		*u->new_id = id;
	rc = audit_after(s, &snap, id, e);
	goto out;
fail:
	audit_discard(&snap);
out:
	arena_release(&a);
	return rc;
}

int store_body_create(struct store *s, const struct body_input *in,
		      int64_t *id, struct err *e)
{
	struct body_args u = { 0, in, id };

	return in_transaction(s, write_body, &u, e);
}

int store_body_update(struct store *s, int64_t id, const struct body_input *in,
		      struct err *e)
{
	struct body_args u = { id, in, NULL };

	return in_transaction(s, write_body, &u, e);
}

static const struct remove_spec body_removal = {
	AUDIT_BODY, "body",
	"SELECT 'it has meetings' FROM meeting WHERE body_id = :id"
	" UNION ALL SELECT 'a resolution recommends to it' FROM resolution"
	"  WHERE to_body_id = :id"
	" UNION ALL SELECT 'an undertaking is owed to it' FROM undertaking"
	"  WHERE to_body_id = :id",
	"UPDATE body SET archived_at = coalesce(archived_at, :now)"
	" WHERE id = :id",
	"DELETE FROM body WHERE id = :id",
};

int store_body_remove(struct store *s, int64_t id, enum remove_how how,
		      bool *archived, struct err *e)
{
	return store_remove(s, &body_removal, id, how, archived, e);
}
