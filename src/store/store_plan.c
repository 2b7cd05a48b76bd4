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
	" (SELECT count(*) FROM theme t WHERE t.plan_id = p.id),"           \
	" (SELECT count(*) FROM priority pr JOIN theme t"                   \
	"   ON t.id = pr.theme_id WHERE t.plan_id = p.id),"                 \
	" (SELECT count(*) FROM action a WHERE a.plan_id = p.id),"          \
	" (SELECT count(*) FROM action a WHERE a.plan_id = p.id"            \
	"   AND " OVERDUE_SQL("a") "),"                                     \
	" (SELECT count(*) FROM action a WHERE a.plan_id = p.id"            \
	"   AND a.is_example),"                                             \
	" (SELECT count(*) FROM action a WHERE a.plan_id = p.id"            \
	"   AND a.is_example AND " OVERDUE_SQL("a") ")"

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
}

struct plan *store_plans(struct store *s, struct arena *a, const char *today,
			 size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " PLAN_COLUMNS " FROM plan p"
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
		s->db, "SELECT " PLAN_COLUMNS " FROM plan p WHERE p.id = :id", e);
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
		"SELECT p.id FROM plan p ORDER BY"
		"  CASE WHEN p.status <> 'draft' AND p.period_start <= :today"
		"        AND p.period_end >= :today"
		"       THEN (p.status <> 'approved')"
		"       WHEN p.status <> 'draft' AND p.period_end < :today THEN 2"
		"       ELSE 3 END,"
		"  CASE WHEN p.status <> 'draft' AND p.period_end < :today"
		"   THEN p.period_end END DESC,"
		"  EXISTS (SELECT 1 FROM theme t WHERE t.plan_id = p.id) DESC,"
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
			" WHERE EXISTS (SELECT 1 FROM theme t WHERE t.plan_id = p.id)"
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
#define PRIORITY_COLUMNS \
	"pr.id, pr.theme_id, t.name, t.plan_id, p.title, pr.name, pr.description"
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
}

static int read_priorities(struct store *s, struct arena *a, struct theme *t,
			   bool with_outcomes, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " PRIORITY_COLUMNS PRIORITY_FROM
		" WHERE pr.theme_id = :id ORDER BY pr.position, pr.id",
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
	" l.name, l.role, o.name"
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
}

struct theme *store_themes(struct store *s, struct arena *a, int64_t plan_id,
			   bool with_outcomes, size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " THEME_COLUMNS THEME_FROM
		" WHERE t.plan_id = :id ORDER BY t.position, t.id",
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

int store_plan_create(struct store *s, const struct plan_input *in,
		      int64_t *id, struct err *e)
{
	struct db_stmt *st;
	const char *kind = in->kind ? in->kind : "partnership_plan";
	const char *status = in->status ? in->status : "draft";

	if (text_check_line(in->title, "title", 200, true, e) < 0 ||
	    check_choice(plan_kinds, kind, "kind", false, e) < 0 ||
	    text_date(in->period_start, "period_start", e) < 0 ||
	    text_date(in->period_end, "period_end", e) < 0 ||
	    check_choice(plan_statuses, status, "status", false, e) < 0 ||
	    text_check_line(in->approved_by, "approved_by", 200, false, e) < 0 ||
	    (in->approved_on &&
	     text_date_or_month(in->approved_on, "approved_on", e) < 0) ||
	    text_check_block(in->note, "note", 5000, false, e) < 0)
		return -1;
	if (strcmp(in->period_start, in->period_end) > 0)
		return err_set(e, ERR_INVALID, "period_end",
			       "must not be before the start of the period");
	st = db_prepare(s->db,
			"INSERT INTO plan (title, kind, period_start, period_end,"
			"  status, approved_by, approved_on, note)"
			" VALUES (:title, :kind, :start, :end, :status, :by, :on,"
			"  :note) RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_text(st, ":title", in->title);
	db_bind_text(st, ":kind", kind);
	db_bind_text(st, ":start", in->period_start);
	db_bind_text(st, ":end", in->period_end);
	db_bind_text(st, ":status", status);
	db_bind_text(st, ":by", in->approved_by);
	db_bind_text(st, ":on", in->approved_on);
	db_bind_text(st, ":note", in->note);
	if (db_exec(st, id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "title",
				"there is already a plan called '%s'", in->title);
		return -1;
	}
	return 0;
}

int store_theme_create(struct store *s, int64_t plan_id, const char *name,
		       const char *description, int64_t lead_id, int64_t *id,
		       struct err *e)
{
	struct db_stmt *st;

	if (check_exists(s, EXISTS_PLAN, plan_id, "plan_id", e) < 0 ||
	    text_check_line(name, "name", 200, true, e) < 0 ||
	    text_check_block(description, "description", 5000, false, e) < 0 ||
	    (lead_id && check_exists(s, EXISTS_PERSON, lead_id, "lead_id", e) < 0))
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO theme (plan_id, name, description, lead_id,"
			"  position)"
			" VALUES (:plan, :name, :desc, :lead,"
			"  (SELECT count(*) FROM theme WHERE plan_id = :plan))"
			" RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":desc", description);
	db_bind_id(st, ":lead", lead_id);
	if (db_exec(st, id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "name",
				"the plan already has a theme called '%s'", name);
		return -1;
	}
	return 0;
}

int store_priority_create(struct store *s, int64_t theme_id, const char *name,
			  const char *description, int64_t *id,
			  struct err *e)
{
	struct db_stmt *st;

	if (check_exists(s, EXISTS_THEME, theme_id, "theme_id", e) < 0 ||
	    text_check_line(name, "name", 300, true, e) < 0 ||
	    text_check_block(description, "description", 5000, false, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO priority (theme_id, name, description,"
			"  position)"
			" VALUES (:theme, :name, :desc,"
			"  (SELECT count(*) FROM priority WHERE theme_id = :theme))"
			" RETURNING id",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":theme", theme_id);
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":desc", description);
	if (db_exec(st, id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "name",
				"the theme already has a priority area called '%s'",
				name);
		return -1;
	}
	return 0;
}
