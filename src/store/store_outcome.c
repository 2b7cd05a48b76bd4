/*
 * store_outcome.c: outcomes frameworks, their groups and numbered
 * outcomes, and the links from priority areas to outcomes.
 */
#include "base/text.h"
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
		"SELECT id, name, owner, period, note FROM framework ORDER BY id",
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
	}
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	for (size_t i = 0; i < *n; i++)
		if (read_groups(s, a, &list[i], e) < 0)
			return NULL;
	return LIST_RESULT(a, list);
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

int store_framework_create(struct store *s, const char *name,
			   const char *owner, const char *period,
			   const char *note, int64_t *id, struct err *e)
{
	struct db_stmt *st;

	if (text_check_line(name, "name", 300, true, e) < 0 ||
	    text_check_line(owner, "owner", 200, false, e) < 0 ||
	    text_check_line(period, "period", 40, false, e) < 0 ||
	    text_check_block(note, "note", 5000, false, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO framework (name, owner, period, note)"
			" VALUES (:name, :owner, :period, :note) RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":owner", owner);
	db_bind_text(st, ":period", period);
	db_bind_text(st, ":note", note);
	return db_exec(st, id, e);
}

int store_outcome_group_create(struct store *s, int64_t framework_id,
			       const char *name, int64_t *id, struct err *e)
{
	struct db_stmt *st;

	if (text_check_line(name, "name", 200, true, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO outcome_group (framework_id, name, position)"
			" VALUES (:fw, :name, (SELECT count(*) FROM outcome_group"
			"   WHERE framework_id = :fw)) RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":fw", framework_id);
	db_bind_text(st, ":name", name);
	return db_exec(st, id, e);
}

int store_outcome_create(struct store *s, int64_t group_id, int number,
			 const char *text, int64_t *id, struct err *e)
{
	struct db_stmt *st;

	if (number < 1)
		return err_set(e, ERR_INVALID, "number", "must be 1 or more");
	if (text_check_line(text, "text", 500, true, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO outcome (framework_id, group_id, number, text)"
			" SELECT framework_id, id, :number, :text"
			" FROM outcome_group WHERE id = :group RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":group", group_id);
	db_bind_int(st, ":number", number);
	db_bind_text(st, ":text", text);
	if (db_exec(st, id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "number",
				"the framework already has an outcome %d", number);
		return -1;
	}
	if (id && !*id)
		return err_set(e, ERR_INVALID, "group_id",
			       "there is no outcome group %lld",
			       (long long)group_id);
	return 0;
}

int store_priority_outcome_link(struct store *s, int64_t priority_id,
				int64_t outcome_id, bool example,
				struct err *e)
{
	struct db_stmt *st;

	if (check_exists(s, EXISTS_PRIORITY, priority_id, "priority_id", e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO priority_outcome (priority_id, outcome_id,"
			"  is_example) VALUES (:p, :o, :ex)"
			" ON CONFLICT (priority_id, outcome_id) DO NOTHING",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":p", priority_id);
	db_bind_int(st, ":o", outcome_id);
	db_bind_int(st, ":ex", example);
	if (db_exec(st, NULL, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_INVALID, "outcome_id",
				"there is no outcome %lld", (long long)outcome_id);
		return -1;
	}
	return 0;
}
