/*
 * store_plan.c: plans, their themes and priority areas.
 */
#include "base/text.h"
#include "store_int.h"
#include "store_outcome.h"
#include "store_plan.h"

/* The columns every plan query selects, in this order. */
#define PLAN_COLUMNS                                                        \
	"p.id, p.title, p.kind, p.period_start, p.period_end, p.status,"    \
	" p.approved_by, p.approved_on, p.note, p.is_example,"              \
	" (SELECT count(*) FROM theme t WHERE t.plan_id = p.id"             \
	"   AND t.archived_at IS NULL),"                                    \
	" (SELECT count(*) FROM priority pr JOIN theme t"                   \
	"   ON t.id = pr.theme_id WHERE t.plan_id = p.id"                   \
	"   AND t.archived_at IS NULL AND pr.archived_at IS NULL),"         \
	" (SELECT count(*) FROM action a WHERE a.plan_id = p.id),"          \
	" (SELECT count(*) FROM action a WHERE a.plan_id = p.id"            \
	"   AND " OVERDUE_SQL("a") "),"                                     \
	" (SELECT count(*) FROM action a WHERE a.plan_id = p.id"            \
	"   AND a.is_example),"                                             \
	" (SELECT count(*) FROM action a WHERE a.plan_id = p.id"            \
	"   AND a.is_example AND " OVERDUE_SQL("a") "),"                   \
	" p.approved_by_board_id, b.name, p.previous_id, p.archived_at"
#define PLAN_FROM " FROM plan p LEFT JOIN board b ON b.id = p.approved_by_board_id"

static void read_plan(struct arena *a, struct db_stmt *st, struct plan *p)
{
	p->id = db_col_int(st, 0);
	p->title = col_str(a, st, 1);
	p->kind = col_str(a, st, 2);
	p->period_start = col_str(a, st, 3);
	p->period_end = col_str(a, st, 4);
	p->status = col_str(a, st, 5);
	p->approved_by = col_str(a, st, 6);
	p->approved_on = col_str(a, st, 7);
	p->note = col_str(a, st, 8);
	p->example = db_col_int(st, 9) != 0;
	p->n_themes = db_col_int(st, 10);
	p->n_priorities = db_col_int(st, 11);
	p->n_actions = db_col_int(st, 12);
	p->n_overdue = db_col_int(st, 13);
	p->n_example_actions = db_col_int(st, 14);
	p->n_example_overdue = db_col_int(st, 15);
	p->approved_by_board_id = db_col_int(st, 16);
	p->approved_by_board = col_str(a, st, 17);
	p->previous_id = db_col_int(st, 18);
	p->archived_at = col_str(a, st, 19);
}

struct plan *store_plans(struct store *s, struct arena *a, const char *today,
			 size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " PLAN_COLUMNS PLAN_FROM " WHERE p.archived_at IS NULL"
		" ORDER BY p.period_start DESC, p.id DESC",
		e);
	struct plan *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_text(st, ":today", today);
	while ((rc = db_step(st, e)) == DB_ROW)
		read_plan(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

struct plan *store_plan(struct store *s, struct arena *a, int64_t id,
			const char *today, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " PLAN_COLUMNS PLAN_FROM " WHERE p.id = :id", e);
	struct plan *p = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":today", today);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		p = arena_new(a, struct plan);
		read_plan(a, st, p);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "plan", id);
	return p;
}

int64_t store_current_plan_id(struct store *s, struct err *e)
{
	/* Three tiers, then within a tier a plan with themes (the
	 * partnership plan rather than a strategy under it), then the
	 * latest.  A plan closed since (SAFER_TODAY looking back) still
	 * counts as in force over its period, after an approved one. */
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT p.id FROM plan p WHERE p.archived_at IS NULL ORDER BY"
		"  CASE WHEN p.status <> 'draft' AND p.period_start <= :today"
		"        AND p.period_end >= :today"
		"       THEN (p.status <> 'approved')"
		"       WHEN p.status <> 'draft' AND p.period_end < :today THEN 2"
		"       ELSE 3 END,"
		"  CASE WHEN p.status <> 'draft' AND p.period_end < :today"
		"   THEN p.period_end END DESC,"
		"  EXISTS (SELECT 1 FROM theme t WHERE t.plan_id = p.id"
		"   AND t.archived_at IS NULL) DESC,"
		"  p.period_start DESC, p.id DESC LIMIT 1",
		e);
	char today[11];
	int64_t id = 0;
	int rc;

	if (!st)
		return -1;
	text_today(today);
	db_bind_text(st, ":today", today);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		id = db_col_int(st, 0);
	db_done(st);
	return rc == DB_ERROR ? -1 : id;
}

int64_t store_themed_plan_id(struct store *s, struct err *e)
{
	int64_t current = store_current_plan_id(s, e);
	struct db_stmt *st;
	char today[11];
	int64_t id = 0;
	int rc;

	if (current <= 0)
		return current;
	st = db_prepare(s->db,
			"SELECT p.id FROM plan p"
			" WHERE EXISTS (SELECT 1 FROM theme t WHERE t.plan_id = p.id"
			"   AND t.archived_at IS NULL) AND p.archived_at IS NULL"
			"   AND (p.id = :current OR (p.status <> 'draft'"
			"        AND p.period_start <= :today))"
			" ORDER BY p.id = :current DESC, p.period_start DESC, p.id DESC"
			" LIMIT 1",
			e);
	if (!st)
		return -1;
	text_today(today);
	db_bind_int(st, ":current", current);
	db_bind_text(st, ":today", today);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		id = db_col_int(st, 0);
	db_done(st);
	return rc == DB_ERROR ? -1 : id;
}

/* Fill each priority's linked outcomes. */
static int read_priority_outcomes(struct store *s, struct arena *a,
				  struct priority *pr, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT o.id, o.framework_id, o.group_id, g.name, o.number, o.text,"
		"  po.is_example"
		" FROM priority_outcome po JOIN outcome o ON o.id = po.outcome_id"
		" JOIN outcome_group g ON g.id = o.group_id"
		" WHERE po.priority_id = :id ORDER BY o.framework_id, o.number",
		e);
	size_t cap = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", pr->id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct outcome *o = VEC_PUSH(a, pr->outcomes, &pr->n_outcomes, &cap);

		o->id = db_col_int(st, 0);
		o->framework_id = db_col_int(st, 1);
		o->group_id = db_col_int(st, 2);
		o->group_name = col_str(a, st, 3);
		o->number = (int)db_col_int(st, 4);
		o->text = col_str(a, st, 5);
		o->example_link = db_col_int(st, 6) != 0;
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

/* The columns every priority query selects, in this order. */
#define PRIORITY_COLUMNS                                                   \
	"pr.id, pr.theme_id, t.name, t.plan_id, p.title, pr.name,"         \
	" pr.description, pr.added_on, pr.removed_on, pr.archived_at"
#define PRIORITY_FROM                                  \
	" FROM priority pr JOIN theme t ON t.id = pr.theme_id" \
	" JOIN plan p ON p.id = t.plan_id"

static void read_priority(struct arena *a, struct db_stmt *st,
			  struct priority *pr)
{
	pr->id = db_col_int(st, 0);
	pr->theme_id = db_col_int(st, 1);
	pr->theme_name = col_str(a, st, 2);
	pr->plan_id = db_col_int(st, 3);
	pr->plan_title = col_str(a, st, 4);
	pr->name = col_str(a, st, 5);
	pr->description = col_str(a, st, 6);
	pr->added_on = col_str(a, st, 7);
	pr->removed_on = col_str(a, st, 8);
	pr->archived_at = col_str(a, st, 9);
}

static int read_priorities(struct store *s, struct arena *a, struct theme *t,
			   bool with_outcomes, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " PRIORITY_COLUMNS PRIORITY_FROM
		" WHERE pr.theme_id = :id AND pr.archived_at IS NULL"
		" ORDER BY pr.position, pr.id",
		e);
	size_t cap = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", t->id);
	while ((rc = db_step(st, e)) == DB_ROW)
		read_priority(a, st,
			      VEC_PUSH(a, t->priorities, &t->n_priorities, &cap));
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	if (with_outcomes)
		for (size_t i = 0; i < t->n_priorities; i++)
			if (read_priority_outcomes(s, a, &t->priorities[i], e) < 0)
				return -1;
	return 0;
}

/* The columns every theme query selects, in this order. */
#define THEME_COLUMNS                                                      \
	"t.id, t.plan_id, p.title, t.name, t.description, t.lead_id,"      \
	" l.name, l.role, o.name, t.position, t.archived_at"
#define THEME_FROM                                                         \
	" FROM theme t JOIN plan p ON p.id = t.plan_id"                    \
	" LEFT JOIN person l ON l.id = t.lead_id"                          \
	" LEFT JOIN organisation o ON o.id = l.organisation_id"

static void read_theme(struct arena *a, struct db_stmt *st, struct theme *t)
{
	t->id = db_col_int(st, 0);
	t->plan_id = db_col_int(st, 1);
	t->plan_title = col_str(a, st, 2);
	t->name = col_str(a, st, 3);
	t->description = col_str(a, st, 4);
	t->lead_id = db_col_int(st, 5);
	t->lead_name = col_str(a, st, 6);
	t->lead_role = col_str(a, st, 7);
	t->lead_organisation = col_str(a, st, 8);
	t->position = db_col_int(st, 9);
	t->archived_at = col_str(a, st, 10);
}

struct theme *store_themes(struct store *s, struct arena *a, int64_t plan_id,
			   bool with_outcomes, size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " THEME_COLUMNS THEME_FROM
		" WHERE t.plan_id = :id AND t.archived_at IS NULL"
		" ORDER BY t.position, t.id",
		e);
	struct theme *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":id", plan_id);
	while ((rc = db_step(st, e)) == DB_ROW)
		read_theme(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	for (size_t i = 0; i < *n; i++)
		if (read_priorities(s, a, &list[i], with_outcomes, e) < 0)
			return NULL;
	return LIST_RESULT(a, list);
}

struct theme *store_theme(struct store *s, struct arena *a, int64_t id,
			  struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " THEME_COLUMNS THEME_FROM " WHERE t.id = :id", e);
	struct theme *t = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		t = arena_new(a, struct theme);
		read_theme(a, st, t);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "theme", id);
	if (t && read_priorities(s, a, t, true, e) < 0)
		return NULL;
	return t;
}

struct priority *store_priority(struct store *s, struct arena *a, int64_t id,
				struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " PRIORITY_COLUMNS PRIORITY_FROM " WHERE pr.id = :id", e);
	struct priority *pr = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		pr = arena_new(a, struct priority);
		read_priority(a, st, pr);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "priority area", id);
	if (pr && read_priority_outcomes(s, a, pr, e) < 0)
		return NULL;
	return pr;
}

struct priority *store_theme_priorities_on(struct store *s, struct arena *a,
					   int64_t theme_id, const char *date,
					   size_t *n, struct err *e)
{
	/* The wording on date is that of the first revision (in the order
	 * they were made) still valid after it, else the current one. */
	static const char sql[] =
		"SELECT " PRIORITY_COLUMNS ","
		"  (SELECT r.name FROM priority_revision r"
		"   WHERE r.priority_id = pr.id AND r.valid_until > :date"
		"   ORDER BY r.valid_until, r.id LIMIT 1),"
		"  (SELECT r.description FROM priority_revision r"
		"   WHERE r.priority_id = pr.id AND r.valid_until > :date"
		"   ORDER BY r.valid_until, r.id LIMIT 1),"
		"  EXISTS (SELECT 1 FROM priority_revision r"
		"   WHERE r.priority_id = pr.id AND r.valid_until > :date)"
		PRIORITY_FROM
		" WHERE pr.theme_id = :id"
		"   AND (pr.added_on IS NULL OR pr.added_on <= :date)"
		"   AND (pr.removed_on IS NULL OR pr.removed_on > :date)"
		" ORDER BY pr.position, pr.id";
	struct db_stmt *st;
	struct priority *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (text_date(date, "on", e) < 0)
		return NULL;
	if (check_exists(s, EXISTS_THEME, theme_id, "theme_id", e) < 0) {
		if (e && e->code == ERR_INVALID)
			not_found(e, "theme", theme_id);
		return NULL;
	}
	if (!(st = db_prepare(s->db, sql, e)))
		return NULL;
	db_bind_int(st, ":id", theme_id);
	db_bind_text(st, ":date", date);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct priority *pr = VEC_PUSH(a, list, n, &cap);

		read_priority(a, st, pr);
		if (db_col_int(st, 12)) {
			pr->name = col_str(a, st, 10);
			pr->description = col_str(a, st, 11);
		}
	}
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	for (size_t i = 0; i < *n; i++)
		if (read_priority_outcomes(s, a, &list[i], e) < 0)
			return NULL;
	return LIST_RESULT(a, list);
}
