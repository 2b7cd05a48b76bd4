/*
 * store_governance.c: boards, subgroups and their members.
 */
#include "base/text.h"
#include "store_audit.h"
#include "store_governance.h"
#include "store_int.h"

static int read_members(struct store *s, struct arena *a, struct board *b,
			struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT p.id, p.name, m.role, o.name FROM board_member m"
		" JOIN person p ON p.id = m.person_id"
		" LEFT JOIN organisation o ON o.id = p.organisation_id"
		" WHERE m.board_id = :id ORDER BY p.name",
		e);
	size_t cap = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", b->id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct board_member *m =
			VEC_PUSH(a, b->members, &b->n_members, &cap);

		m->person_id = db_col_int(st, 0);
		m->name = col_str(a, st, 1);
		m->role = col_str(a, st, 2);
		m->organisation = col_str(a, st, 3);
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

/* Whether all[] holds a board with this id. */
static bool listed(const struct board *all, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (all[i].id == id)
			return true;
	return false;
}

/* Append to out[] the boards of all[] whose parent is parent_id (at the
 * top, parent_id 0: those with no parent, or whose parent is not listed,
 * being archived), each followed by its own subgroups; depth guards
 * against a cycle. */
static void walk(const struct board *all, size_t n, int64_t parent_id,
		 int depth, struct board *out, size_t *k)
{
	if (depth > 20)
		return;
	for (size_t i = 0; i < n; i++) {
		if (parent_id ? all[i].parent_id != parent_id
			      : all[i].parent_id && listed(all, n, all[i].parent_id))
			continue;
		out[*k] = all[i];
		out[(*k)++].depth = depth;
		walk(all, n, all[i].id, depth + 1, out, k);
	}
}

#define BOARD_COLUMNS                                                    \
	"b.id, b.name, b.kind, b.parent_id, pb.name, b.chair_id,"        \
	" c.name, b.terms_of_reference, b.is_example, b.archived_at"
#define BOARD_FROM                                                       \
	" FROM board b"                                                  \
	" LEFT JOIN board pb ON pb.id = b.parent_id"                     \
	" LEFT JOIN person c ON c.id = b.chair_id"

static void read_board(struct arena *a, struct db_stmt *st, struct board *b)
{
	b->id = db_col_int(st, 0);
	b->name = col_str(a, st, 1);
	b->kind = col_str(a, st, 2);
	b->parent_id = db_col_int(st, 3);
	b->parent_name = col_str(a, st, 4);
	b->chair_id = db_col_int(st, 5);
	b->chair_name = col_str(a, st, 6);
	b->terms_of_reference = col_str(a, st, 7);
	b->example = db_col_int(st, 8) != 0;
	b->archived_at = col_str(a, st, 9);
}

struct board *store_boards(struct store *s, struct arena *a, size_t *n,
			   struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " BOARD_COLUMNS BOARD_FROM
		" WHERE b.archived_at IS NULL"
		" ORDER BY b.position, b.id",
		e);
	struct board *all = NULL, *list;
	size_t cap = 0, count = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW)
		read_board(a, st, VEC_PUSH(a, all, &count, &cap));
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	list = arena_array(a, count + 1, sizeof(*list));
	walk(all, count, 0, 0, list, n);
	for (size_t i = 0; i < *n; i++)
		if (read_members(s, a, &list[i], e) < 0)
			return NULL;
	return list;
}

struct board *store_board(struct store *s, struct arena *a, int64_t id,
			  struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " BOARD_COLUMNS BOARD_FROM " WHERE b.id = :id", e);
	struct board *b = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		b = arena_new(a, struct board);
		read_board(a, st, b);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "board", id);
	if (b && read_members(s, a, b, e) < 0)
		return NULL;
	return b;
}

/* 1 if board id is parent_id or one of parent_id's ancestors would be id
 * (so that id reporting to parent_id makes a loop), 0 if not, -1. */
static int makes_loop(struct store *s, int64_t id, int64_t parent_id,
		      struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"WITH RECURSIVE up(id, depth) AS ("
		"  SELECT :parent, 0"
		"  UNION ALL SELECT b.parent_id, up.depth + 1 FROM board b"
		"   JOIN up ON b.id = up.id"
		"   WHERE b.parent_id IS NOT NULL AND up.depth < 100)"
		" SELECT EXISTS (SELECT 1 FROM up WHERE id = :id)",
		e);
	int rc, loop = 0;

	if (!st)
		return -1;
	db_bind_int(st, ":parent", parent_id);
	db_bind_int(st, ":id", id);
	if ((rc = db_step(st, e)) == DB_ROW)
		loop = db_col_int(st, 0) != 0;
	db_done(st);
	return rc == DB_ERROR ? -1 : loop;
}

static int check_board(struct store *s, int64_t id,
		       const struct board_input *in, struct err *e)
{
	int loop;

	if (text_check_line(in->name, "name", 200, true, e) < 0 ||
	    check_choice(board_kinds, in->kind, "kind", false, e) < 0 ||
	    text_check_block(in->terms_of_reference, "terms_of_reference",
			     20000, false, e) < 0 ||
	    (in->parent_id &&
	     check_exists(s, EXISTS_BOARD, in->parent_id, "reports_to_id", e) < 0) ||
	    (in->chair_id &&
	     check_exists(s, EXISTS_PERSON, in->chair_id, "chair_id", e) < 0))
		return -1;
	if (id && in->parent_id) {
		if ((loop = makes_loop(s, id, in->parent_id, e)) < 0)
			return -1;
		if (loop)
			return err_set(e, ERR_INVALID, "reports_to_id",
				       in->parent_id == id
					       ? "a board cannot report to itself"
					       : "board %lld is one of this board's "
						 "own subgroups: it cannot report to it",
				       (long long)in->parent_id);
	}
	for (size_t i = 0; (in->set & BOARD_MEMBERS) && i < in->n_members; i++) {
		if (check_exists(s, EXISTS_PERSON, in->member_ids[i], "member_ids",
				 e) < 0)
			return -1;
		for (size_t k = 0; k < i; k++)
			if (in->member_ids[k] == in->member_ids[i])
				return err_set(e, ERR_INVALID, "member_ids",
					       "person %lld is listed twice",
					       (long long)in->member_ids[i]);
	}
	return 0;
}

/* Make the members of board id exactly in->member_ids: those kept keep
 * their role. */
static int set_members(struct store *s, int64_t id, const struct board_input *in,
		       struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"DELETE FROM board_member WHERE board_id = :b"
		" AND person_id NOT IN (SELECT value FROM json_each(:ids))",
		e);
	struct buf ids = BUF_INIT;
	int rc;

	if (!st)
		return -1;
	buf_addc(&ids, '[');
	for (size_t i = 0; i < in->n_members; i++)
		buf_printf(&ids, "%s%lld", i ? "," : "", (long long)in->member_ids[i]);
	buf_addc(&ids, ']');
	db_bind_int(st, ":b", id);
	db_bind_text(st, ":ids", ids.ptr);
	rc = db_exec(st, NULL, e);
	if (rc == 0 && (st = db_prepare(
				s->db,
				"INSERT INTO board_member (board_id, person_id,"
				"  is_example)"
				" SELECT :b, value, :ex FROM json_each(:ids) WHERE true"
				" ON CONFLICT (board_id, person_id) DO NOTHING",
				e))) {
		db_bind_int(st, ":b", id);
		db_bind_text(st, ":ids", ids.ptr);
		db_bind_int(st, ":ex", in->example);
		rc = db_exec(st, NULL, e);
	} else if (rc == 0) {
		rc = -1;
	}
	buf_release(&ids);
	return rc;
}

struct board_args {
	int64_t id; /* 0 for a new one */
	const struct board_input *in;
	int64_t *new_id;
};

static int write_board(struct store *s, void *arg, struct err *e)
{
	struct board_args *u = arg;
	const struct board_input *in = u->in;
	struct board_input row = *in;
	struct arena a = ARENA_INIT;
	struct audit_snap snap;
	struct db_stmt *st;
	int64_t id = u->id;
	int rc = -1;

	if (id) {
		struct board *old = store_board(s, &a, id, e);

		if (!old)
			goto out;
		if (!(in->set & BOARD_NAME)) row.name = old->name;
		if (!(in->set & BOARD_KIND)) row.kind = old->kind;
		if (!(in->set & BOARD_REPORTS_TO)) row.parent_id = old->parent_id;
		if (!(in->set & BOARD_CHAIR)) row.chair_id = old->chair_id;
		if (!(in->set & BOARD_TERMS))
			row.terms_of_reference = old->terms_of_reference;
		row.example = old->example;
	}
	if (check_board(s, id, &row, e) < 0 ||
	    audit_before(s, &snap, AUDIT_BOARD, id, e) < 0)
		goto out;
	if (id)
		st = db_prepare(s->db,
				"UPDATE board SET name = :name, kind = :kind,"
				"  parent_id = :parent, chair_id = :chair,"
				"  terms_of_reference = :tor WHERE id = :id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO board (name, kind, parent_id, chair_id,"
				"  terms_of_reference, position, is_example)"
				" VALUES (:name, :kind, :parent, :chair, :tor,"
				"  (SELECT count(*) FROM board), :ex) RETURNING id",
				e);
	if (!st)
		goto fail;
	db_bind_text(st, ":name", row.name);
	db_bind_text(st, ":kind", row.kind);
	db_bind_id(st, ":parent", row.parent_id);
	db_bind_id(st, ":chair", row.chair_id);
	db_bind_text(st, ":tor", row.terms_of_reference);
	if (id)
		db_bind_int(st, ":id", id);
	else
		db_bind_int(st, ":ex", row.example);
	if (db_exec(st, id ? NULL : &id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "name",
				"there is already a board called '%s'", row.name);
		goto fail;
	}
	if ((in->set & BOARD_MEMBERS) && set_members(s, id, &row, e) < 0)
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

int store_board_create(struct store *s, const struct board_input *in,
		       int64_t *id, struct err *e)
{
	struct board_args u = { 0, in, id };

	return in_transaction(s, write_board, &u, e);
}

int store_board_update(struct store *s, int64_t id,
		       const struct board_input *in, struct err *e)
{
	struct board_args u = { id, in, NULL };

	return in_transaction(s, write_board, &u, e);
}

static const struct remove_spec board_removal = {
	AUDIT_BOARD, "board",
	"SELECT 'a subgroup reports to it' FROM board WHERE parent_id = :id"
	" UNION ALL SELECT 'a plan was approved by it' FROM plan"
	"  WHERE approved_by_board_id = :id"
	" UNION ALL SELECT 'an account leads it' FROM account_scope"
	"  WHERE kind = 'board' AND target_id = :id",
	"UPDATE board SET archived_at = coalesce(archived_at, :now)"
	" WHERE id = :id",
	"DELETE FROM board WHERE id = :id",
};

int store_board_remove(struct store *s, int64_t id, enum remove_how how,
		       bool *archived, struct err *e)
{
	return store_remove(s, &board_removal, id, how, archived, e);
}

struct member_args {
	int64_t board_id, person_id;
	const char *role;
	bool example;
};

static int add_member(struct store *s, void *arg, struct err *e)
{
	struct member_args *m = arg;
	struct audit_snap snap;
	struct db_stmt *st;

	if (audit_before(s, &snap, AUDIT_BOARD, m->board_id, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO board_member (board_id, person_id, role,"
			"  is_example) VALUES (:b, :p, :role, :ex)"
			" ON CONFLICT (board_id, person_id) DO UPDATE"
			" SET role = excluded.role",
			e);
	if (!st) {
		audit_discard(&snap);
		return -1;
	}
	db_bind_int(st, ":b", m->board_id);
	db_bind_int(st, ":p", m->person_id);
	db_bind_text(st, ":role", m->role);
	db_bind_int(st, ":ex", m->example);
	if (db_exec(st, NULL, e) < 0) {
		audit_discard(&snap);
		return -1;
	}
	return audit_after(s, &snap, m->board_id, e);
}

int store_board_add_member(struct store *s, int64_t board_id,
			   int64_t person_id, const char *role, bool example,
			   struct err *e)
{
	struct member_args m = { board_id, person_id, role, example };

	if (text_check_line(role, "role", 200, false, e) < 0 ||
	    check_exists(s, EXISTS_BOARD, board_id, "board_id", e) < 0 ||
	    check_exists(s, EXISTS_PERSON, person_id, "person_id", e) < 0)
		return -1;
	return in_transaction(s, add_member, &m, e);
}
