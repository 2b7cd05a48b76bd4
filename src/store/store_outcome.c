/*
 * store_outcome.c: outcomes frameworks, their groups and numbered
 * outcomes, and the links from priority areas to outcomes.
 */
#include "base/text.h"
#include "store_audit.h"
#include "store_int.h"
#include "store_outcome.h"
#include "store_plan.h"

static int read_groups(struct store *s, struct arena *a, struct framework *f,
		       struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT g.id, g.name, o.id, o.number, o.text"
		" FROM outcome_group g LEFT JOIN outcome o ON o.group_id = g.id"
		"   AND o.archived_at IS NULL"
		" WHERE g.framework_id = :id"
		" ORDER BY g.position, g.id, o.number",
		e);
	size_t gcap = 0, ocap = 0;
	struct outcome_group *g = NULL;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", f->id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct outcome *o;

		if (!g || g->id != db_col_int(st, 0)) {
			g = VEC_PUSH(a, f->groups, &f->n_groups, &gcap);
			g->id = db_col_int(st, 0);
			g->name = col_str(a, st, 1);
			ocap = 0;
		}
		if (db_col_null(st, 2))
			continue;
		o = VEC_PUSH(a, g->outcomes, &g->n_outcomes, &ocap);
		o->id = db_col_int(st, 2);
		o->framework_id = f->id;
		o->group_id = g->id;
		o->group_name = g->name;
		o->number = (int)db_col_int(st, 3);
		o->text = col_str(a, st, 4);
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

struct framework *store_frameworks(struct store *s, struct arena *a,
				   size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, name, owner, period, note, archived_at FROM framework"
		" WHERE archived_at IS NULL ORDER BY id",
		e);
	struct framework *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct framework *f = VEC_PUSH(a, list, n, &cap);

		f->id = db_col_int(st, 0);
		f->name = col_str(a, st, 1);
		f->owner = col_str(a, st, 2);
		f->period = col_str(a, st, 3);
		f->note = col_str(a, st, 4);
		f->archived_at = col_str(a, st, 5);
	}
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	for (size_t i = 0; i < *n; i++)
		if (read_groups(s, a, &list[i], e) < 0)
			return NULL;
	return LIST_RESULT(a, list);
}

struct framework *store_framework(struct store *s, struct arena *a,
				  int64_t id, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, name, owner, period, note, archived_at FROM framework"
		" WHERE id = :id",
		e);
	struct framework *f = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	if ((rc = db_step(st, e)) == DB_ROW) {
		f = arena_new(a, struct framework);
		f->id = db_col_int(st, 0);
		f->name = col_str(a, st, 1);
		f->owner = col_str(a, st, 2);
		f->period = col_str(a, st, 3);
		f->note = col_str(a, st, 4);
		f->archived_at = col_str(a, st, 5);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "framework", id);
	if (f && read_groups(s, a, f, e) < 0)
		return NULL;
	return f;
}

struct outcome *store_outcome(struct store *s, struct arena *a, int64_t id,
			      struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT o.id, o.framework_id, o.group_id, g.name, o.number, o.text,"
		"  o.archived_at"
		" FROM outcome o JOIN outcome_group g ON g.id = o.group_id"
		" WHERE o.id = :id",
		e);
	struct outcome *o = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	if ((rc = db_step(st, e)) == DB_ROW) {
		o = arena_new(a, struct outcome);
		o->id = db_col_int(st, 0);
		o->framework_id = db_col_int(st, 1);
		o->group_id = db_col_int(st, 2);
		o->group_name = col_str(a, st, 3);
		o->number = (int)db_col_int(st, 4);
		o->text = col_str(a, st, 5);
		o->archived_at = col_str(a, st, 6);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "outcome", id);
	return o;
}

struct priority *store_outcome_priorities(struct store *s, struct arena *a,
					  int64_t outcome_id, size_t *n,
					  struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT pr.id, pr.theme_id, t.name, t.plan_id, p.title, pr.name,"
		"  pr.description"
		" FROM priority_outcome po JOIN priority pr ON pr.id = po.priority_id"
		" JOIN theme t ON t.id = pr.theme_id JOIN plan p ON p.id = t.plan_id"
		" WHERE po.outcome_id = :id"
		" ORDER BY p.period_start DESC, t.position, pr.position",
		e);
	struct priority *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":id", outcome_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct priority *pr = VEC_PUSH(a, list, n, &cap);

		pr->id = db_col_int(st, 0);
		pr->theme_id = db_col_int(st, 1);
		pr->theme_name = col_str(a, st, 2);
		pr->plan_id = db_col_int(st, 3);
		pr->plan_title = col_str(a, st, 4);
		pr->name = col_str(a, st, 5);
		pr->description = col_str(a, st, 6);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

/* ---------------------------------------------------------------------
 * Frameworks
 */

struct framework_write {
	int64_t id;
	const struct framework_input *in;
};

static int write_framework(struct store *s, void *arg, int64_t *id,
			   struct err *e)
{
	struct framework_write *w = arg;
	const struct framework_input *in = w->in;
	struct arena a = ARENA_INIT;
	struct framework *old = NULL;
	struct framework_input row = { 0 };
	struct db_stmt *st;
	int rc = -1;

	if (w->id) {
		if (!(old = store_framework(s, &a, w->id, e)))
			goto out;
		row.name = old->name;
		row.owner = old->owner;
		row.period = old->period;
		row.note = old->note;
	}
	if (!w->id || (in->set & FRAMEWORK_NAME))
		row.name = in->name;
	if (!w->id || (in->set & FRAMEWORK_OWNER))
		row.owner = in->owner;
	if (!w->id || (in->set & FRAMEWORK_PERIOD))
		row.period = in->period;
	if (!w->id || (in->set & FRAMEWORK_NOTE))
		row.note = in->note;
	if (text_check_line(row.name, "name", 300, true, e) < 0 ||
	    text_check_line(row.owner, "owner", 200, false, e) < 0 ||
	    text_check_line(row.period, "period", 40, false, e) < 0 ||
	    text_check_block(row.note, "note", 5000, false, e) < 0)
		goto out;
	if (w->id)
		st = db_prepare(s->db,
				"UPDATE framework SET name = :name, owner = :owner,"
				"  period = :period, note = :note WHERE id = :id"
				" RETURNING id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO framework (name, owner, period, note)"
				" VALUES (:name, :owner, :period, :note) RETURNING id",
				e);
	if (!st)
		goto out;
	if (w->id)
		db_bind_int(st, ":id", w->id);
	db_bind_text(st, ":name", row.name);
	db_bind_text(st, ":owner", row.owner);
	db_bind_text(st, ":period", row.period);
	db_bind_text(st, ":note", row.note);
	if (db_exec(st, id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "name",
				"there is already a framework called '%s'", row.name);
		goto out;
	}
	rc = 0;
out:
	arena_release(&a);
	return rc;
}

int store_framework_create(struct store *s, const char *name,
			   const char *owner, const char *period,
			   const char *note, int64_t *id, struct err *e)
{
	struct framework_input in = { name, owner, period, note, ~0u };
	struct framework_write w = { 0, &in };

	return audited_write(s, AUDIT_FRAMEWORK, 0, write_framework, &w, id, e);
}

int store_framework_update(struct store *s, int64_t id,
			   const struct framework_input *in, struct err *e)
{
	struct framework_write w = { id, in };

	return audited_write(s, AUDIT_FRAMEWORK, id, write_framework, &w, NULL, e);
}

int store_framework_remove(struct store *s, int64_t id, enum remove_how how,
                           bool *archived, struct err *e)
{
	static const struct remove_spec spec = {
		AUDIT_FRAMEWORK, "framework",
		"SELECT 'priority areas are linked to its outcomes' WHERE EXISTS"
		"  (SELECT 1 FROM outcome o JOIN priority_outcome po"
		"   ON po.outcome_id = o.id WHERE o.framework_id = :id)"
		" UNION ALL SELECT 'indicators are linked to its outcomes'"
		" WHERE EXISTS (SELECT 1 FROM outcome o JOIN indicator_link l"
		"  ON l.kind = 'outcome' AND l.target_id = o.id"
		"  WHERE o.framework_id = :id)",
		"UPDATE framework SET archived_at = coalesce(archived_at, :now)"
		" WHERE id = :id",
		"DELETE FROM framework WHERE id = :id",
	};

	return store_remove(s, &spec, id, how, archived, e);
}

/* ---------------------------------------------------------------------
 * Groups and outcomes
 */

struct group_write {
	int64_t framework_id;
	const char *name;
};

static int write_group(struct store *s, void *arg, int64_t *id, struct err *e)
{
	struct group_write *g = arg;
	struct db_stmt *st;

	if (text_check_line(g->name, "group", 200, true, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO outcome_group (framework_id, name, position)"
			" VALUES (:fw, :name, (SELECT count(*) FROM outcome_group"
			"   WHERE framework_id = :fw)) RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":fw", g->framework_id);
	db_bind_text(st, ":name", g->name);
	return db_exec(st, id, e);
}

int store_outcome_group_create(struct store *s, int64_t framework_id,
			       const char *name, int64_t *id, struct err *e)
{
	struct group_write g = { framework_id, name };

	return audited_write(s, AUDIT_OUTCOME_GROUP, 0, write_group, &g, id, e);
}

/* The group of framework_id called name: its id, 0 if there is none,
 * -1 with e set if the store fails. */
static int64_t find_group(struct store *s, int64_t framework_id,
			  const char *name, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id FROM outcome_group WHERE framework_id = :fw"
		" AND name = :name ORDER BY position, id LIMIT 1",
		e);
	int64_t id = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":fw", framework_id);
	db_bind_text(st, ":name", name);
	if ((rc = db_step(st, e)) == DB_ROW)
		id = db_col_int(st, 0);
	db_done(st);
	return rc == DB_ERROR ? -1 : id;
}

struct outcome_row {
	int64_t framework_id, group_id, number;
	const char *text, *group;
};

static int check_outcome_row(const struct outcome_row *row, struct err_list *l)
{
	struct err e = ERR_INIT;
	size_t before = l->n;

	if (row->number < 1 || row->number > 100000)
		err_set(&e, ERR_INVALID, "number", "must be a whole number, 1 or more"),
			err_keep(l, &e);
	if (text_check_line(row->text, "text", 500, true, &e) < 0)
		err_keep(l, &e);
	if (text_check_line(row->group, "group", 200, true, &e) < 0)
		err_keep(l, &e);
	return l->n > before ? -1 : 0;
}

/* Fill row from the stored outcome id (strings in a). */
static int load_outcome_row(struct store *s, struct arena *a, int64_t id,
			    struct outcome_row *row, struct err *e)
{
	struct outcome *o = store_outcome(s, a, id, e);

	if (!o)
		return -1;
	row->framework_id = o->framework_id;
	row->group_id = o->group_id;
	row->number = o->number;
	row->text = o->text;
	row->group = o->group_name;
	return 0;
}

static void outcome_apply(struct outcome_row *row,
			  const struct outcome_input *in, unsigned set)
{
	if (set & OUTCOME_NUMBER)
		row->number = in->number;
	if (set & OUTCOME_TEXT)
		row->text = in->text;
	if (set & OUTCOME_GROUP)
		row->group = in->group;
}

int store_outcome_check(struct store *s, int64_t framework_id, int64_t id,
			const struct outcome_input *in, struct err_list *l)
{
	struct arena a = ARENA_INIT;
	struct outcome_row row = { .framework_id = framework_id };
	struct err e = ERR_INIT;
	int rc;

	if (id && load_outcome_row(s, &a, id, &row, &e) < 0) {
		err_list_add(l, &e);
		arena_release(&a);
		return -1;
	}
	outcome_apply(&row, in, id ? in->set : ~0u);
	rc = check_outcome_row(&row, l);
	arena_release(&a);
	return rc;
}

struct outcome_write {
	int64_t id;
	struct outcome_row row;
};

/* Insert or update the outcome row (its group already found). */
static int write_outcome_row(struct store *s, void *arg, int64_t *id,
			     struct err *e)
{
	struct outcome_write *w = arg;
	struct db_stmt *st;

	if (w->id)
		st = db_prepare(s->db,
				"UPDATE outcome SET group_id = :group, number = :number,"
				"  text = :text WHERE id = :id RETURNING id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO outcome (framework_id, group_id, number, text)"
				" SELECT framework_id, id, :number, :text"
				" FROM outcome_group WHERE id = :group RETURNING id",
				e);
	if (!st)
		return -1;
	if (w->id)
		db_bind_int(st, ":id", w->id);
	db_bind_int(st, ":group", w->row.group_id);
	db_bind_int(st, ":number", w->row.number);
	db_bind_text(st, ":text", w->row.text);
	if (db_exec(st, id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "number",
				"the framework already has an outcome %lld",
				(long long)w->row.number);
		return -1;
	}
	if (!*id)
		return err_set(e, ERR_INVALID, "group_id",
			       "there is no outcome group %lld",
			       (long long)w->row.group_id);
	return 0;
}

int store_outcome_create(struct store *s, int64_t group_id, int number,
			 const char *text, int64_t *id, struct err *e)
{
	struct outcome_write w = { 0, { 0, group_id, number, text, "-" } };
	struct err_list first = { e, 0, 1 };

	if (check_outcome_row(&w.row, &first) < 0)
		return -1;
	return audited_write(s, AUDIT_OUTCOME, 0, write_outcome_row, &w, id, e);
}

/* Outcome w->id (0: new in w->row.framework_id) with its group found by
 * name or created: the group first, then the outcome, each its own
 * entry in the record. */
static int save_outcome(struct store *s, void *arg, struct err *e)
{
	struct outcome_write *w = arg;
	int64_t group = find_group(s, w->row.framework_id, w->row.group, e);

	if (group < 0 ||
	    (!group && store_outcome_group_create(s, w->row.framework_id,
						  w->row.group, &group, e) < 0))
		return -1;
	w->row.group_id = group;
	return audited_write(s, AUDIT_OUTCOME, w->id, write_outcome_row, w,
			     &w->id, e);
}

int store_outcome_add(struct store *s, int64_t framework_id,
		      const struct outcome_input *in, int64_t *id,
		      struct err *e)
{
	struct outcome_write w = { 0, { framework_id, 0, 0, NULL, NULL } };
	struct err_list first = { e, 0, 1 };
	struct arena a = ARENA_INIT;

	if (!store_framework(s, &a, framework_id, e)) {
		arena_release(&a);
		return -1;
	}
	arena_release(&a);
	outcome_apply(&w.row, in, ~0u);
	if (check_outcome_row(&w.row, &first) < 0 ||
	    in_transaction(s, save_outcome, &w, e) < 0)
		return -1;
	if (id)
		*id = w.id;
	return 0;
}

int store_outcome_update(struct store *s, int64_t id,
			 const struct outcome_input *in, struct err *e)
{
	struct outcome_write w = { id, { 0 } };
	struct err_list first = { e, 0, 1 };
	struct arena a = ARENA_INIT;
	int rc = -1;

	if (load_outcome_row(s, &a, id, &w.row, e) < 0)
		goto out;
	outcome_apply(&w.row, in, in->set);
	if (check_outcome_row(&w.row, &first) < 0)
		goto out;
	rc = in_transaction(s, save_outcome, &w, e);
out:
	arena_release(&a);
	return rc;
}

int store_outcome_remove(struct store *s, int64_t id, enum remove_how how,
                         bool *archived, struct err *e)
{
	static const struct remove_spec spec = {
		AUDIT_OUTCOME, "outcome",
		"SELECT 'priority areas are linked to it' WHERE EXISTS (SELECT 1"
		"  FROM priority_outcome WHERE outcome_id = :id)"
		" UNION ALL SELECT 'indicators are linked to it' WHERE EXISTS"
		"  (SELECT 1 FROM indicator_link WHERE kind = 'outcome'"
		"   AND target_id = :id)",
		"UPDATE outcome SET archived_at = coalesce(archived_at, :now)"
		" WHERE id = :id",
		"DELETE FROM outcome WHERE id = :id",
	};

	return store_remove(s, &spec, id, how, archived, e);
}

/* ---------------------------------------------------------------------
 * Links from priority areas
 */

struct link_write {
	int64_t outcome_id;
	bool example;
};

static int write_link(struct store *s, void *arg, int64_t *id, struct err *e)
{
	struct link_write *l = arg;
	struct db_stmt *st;

	if (check_exists(s, EXISTS_OUTCOME, l->outcome_id, "outcome_id", e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO priority_outcome (priority_id, outcome_id,"
			"  is_example) VALUES (:p, :o, :ex)"
			" ON CONFLICT (priority_id, outcome_id) DO NOTHING",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":p", *id);
	db_bind_int(st, ":o", l->outcome_id);
	db_bind_int(st, ":ex", l->example);
	return db_exec(st, NULL, e);
}

int store_priority_outcome_link(struct store *s, int64_t priority_id,
				int64_t outcome_id, bool example,
				struct err *e)
{
	struct link_write l = { outcome_id, example };

	if (check_exists(s, EXISTS_PRIORITY, priority_id, "priority_id", e) < 0)
		return -1;
	return audited_write(s, AUDIT_PRIORITY, priority_id, write_link, &l,
			     NULL, e);
}
