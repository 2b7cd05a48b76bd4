/*
 * store_governance.c: boards, subgroups and their members.
 */
#include "base/text.h"
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

/* Append to out[] the boards of all[] whose parent is parent_id, each
 * followed by its own subgroups; depth guards against a cycle. */
static void walk(const struct board *all, size_t n, int64_t parent_id,
		 int depth, struct board *out, size_t *k)
{
	if (depth > 20)
		return;
	for (size_t i = 0; i < n; i++) {
		if (all[i].parent_id != parent_id)
			continue;
		out[*k] = all[i];
		out[(*k)++].depth = depth;
		walk(all, n, all[i].id, depth + 1, out, k);
	}
}

struct board *store_boards(struct store *s, struct arena *a, size_t *n,
			   struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT b.id, b.name, b.kind, b.parent_id, pb.name, b.chair_id,"
		"   c.name, b.terms_of_reference, b.is_example"
		" FROM board b"
		" LEFT JOIN board pb ON pb.id = b.parent_id"
		" LEFT JOIN person c ON c.id = b.chair_id"
		" ORDER BY b.position, b.id",
		e);
	struct board *all = NULL, *list;
	size_t cap = 0, count = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct board *b = VEC_PUSH(a, all, &count, &cap);

		b->id = db_col_int(st, 0);
		b->name = col_str(a, st, 1);
		b->kind = col_str(a, st, 2);
		b->parent_id = db_col_int(st, 3);
		b->parent_name = col_str(a, st, 4);
		b->chair_id = db_col_int(st, 5);
		b->chair_name = col_str(a, st, 6);
		b->terms_of_reference = col_str(a, st, 7);
		b->example = db_col_int(st, 8) != 0;
	}
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	list = arena_array(a, count, sizeof(*list));
	walk(all, count, 0, 0, list, n);
	for (size_t i = 0; i < *n; i++)
		if (read_members(s, a, &list[i], e) < 0)
			return NULL;
	return list;
}

int store_board_create(struct store *s, const struct board_input *in,
		       int64_t *id, struct err *e)
{
	struct db_stmt *st;

	if (text_check_line(in->name, "name", 200, true, e) < 0 ||
	    check_choice(board_kinds, in->kind, "kind", false, e) < 0 ||
	    text_check_block(in->terms_of_reference, "terms_of_reference",
			     20000, false, e) < 0 ||
	    (in->parent_id &&
	     check_exists(s, EXISTS_BOARD, in->parent_id, "parent_id", e) < 0) ||
	    (in->chair_id &&
	     check_exists(s, EXISTS_PERSON, in->chair_id, "chair_id", e) < 0))
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO board (name, kind, parent_id, chair_id,"
			"  terms_of_reference, position, is_example)"
			" VALUES (:name, :kind, :parent, :chair, :tor,"
			"  (SELECT count(*) FROM board), :ex) RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":kind", in->kind);
	db_bind_id(st, ":parent", in->parent_id);
	db_bind_id(st, ":chair", in->chair_id);
	db_bind_text(st, ":tor", in->terms_of_reference);
	db_bind_int(st, ":ex", in->example);
	return db_exec(st, id, e);
}

int store_board_add_member(struct store *s, int64_t board_id,
			   int64_t person_id, const char *role, bool example,
			   struct err *e)
{
	struct db_stmt *st;

	if (text_check_line(role, "role", 200, false, e) < 0 ||
	    check_exists(s, EXISTS_BOARD, board_id, "board_id", e) < 0 ||
	    check_exists(s, EXISTS_PERSON, person_id, "person_id", e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO board_member (board_id, person_id, role,"
			"  is_example) VALUES (:b, :p, :role, :ex)"
			" ON CONFLICT (board_id, person_id) DO UPDATE"
			" SET role = excluded.role",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":b", board_id);
	db_bind_int(st, ":p", person_id);
	db_bind_text(st, ":role", role);
	db_bind_int(st, ":ex", example);
	return db_exec(st, NULL, e);
}
