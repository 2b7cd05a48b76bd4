/*
 * store_plan_write.c: creating, changing, removing and rolling forward
 * plans, their themes and their priority areas (store_plan.h).
 *
 * Each write is one transaction (in_transaction) around one entry of
 * the record of changes: audit_before, the change, audit_after.  Create
 * and update both build the complete new row (for an update: the stored
 * row with the given fields laid over it), check it whole, and write
 * every column, as store_action.c does.
 */
#include "base/text.h"
#include "store_audit.h"
#include "store_int.h"
#include "store_plan.h"

#define keep err_keep

bool err_keep(struct err_list *l, const struct err *e)
{
	err_list_add(l, e);
	return e->code == ERR_DB || e->code == ERR_BUSY;
}

/* Run one change between audit_before and audit_after: fn does the
 * change and sets *id (for a create). */
struct audited {
	enum audit_type type;
	int64_t id;
	int (*fn)(struct store *s, void *arg, int64_t *id, struct err *e);
	void *arg;
};

static int run_audited(struct store *s, void *arg, struct err *e)
{
	struct audited *w = arg;
	struct audit_snap snap;

	if (audit_before(s, &snap, w->type, w->id, e) < 0)
		return -1;
	if (w->fn(s, w->arg, &w->id, e) < 0) {
		audit_discard(&snap);
		return -1;
	}
	return audit_after(s, &snap, w->id, e);
}

int audited_write(struct store *s, int type, int64_t id,
		  int (*fn)(struct store *, void *, int64_t *, struct err *),
		  void *arg, int64_t *out, struct err *e)
{
	struct audited w = { (enum audit_type)type, id, fn, arg };

	if (in_transaction(s, run_audited, &w, e) < 0)
		return -1;
	if (out)
		*out = w.id;
	return 0;
}

/* ---------------------------------------------------------------------
 * Plans
 */

struct plan_row {
	char *title, *kind, *start, *end, *status, *approved_by, *approved_on,
		*note;
	int64_t board_id;
};

static void plan_apply(struct plan_row *row, const struct plan_input *in,
		       unsigned set)
{
	if (set & PLAN_TITLE)
		row->title = (char *)in->title;
	if ((set & PLAN_KIND) && (in->kind || !row->kind))
		row->kind = (char *)in->kind;
	if (set & PLAN_START)
		row->start = (char *)in->period_start;
	if (set & PLAN_END)
		row->end = (char *)in->period_end;
	if ((set & PLAN_STATUS) && (in->status || !row->status))
		row->status = (char *)in->status;
	if (set & PLAN_APPROVED_BY)
		row->approved_by = (char *)in->approved_by;
	if (set & PLAN_APPROVED_ON)
		row->approved_on = (char *)in->approved_on;
	if (set & PLAN_NOTE)
		row->note = (char *)in->note;
	if (set & PLAN_BOARD)
		row->board_id = in->approved_by_board_id;
}

static int check_plan_row(struct store *s, const struct plan_row *row,
			  struct err_list *l)
{
	struct err e = ERR_INIT;
	size_t before = l->n;

	if (text_check_line(row->title, "title", 200, true, &e) < 0)
		keep(l, &e);
	if (check_choice(plan_kinds, row->kind, "kind", false, &e) < 0)
		keep(l, &e);
	bool dates_ok = row->start && row->end;

	if (!row->start)
		err_set(&e, ERR_INVALID, "period.start", "must be given"), keep(l, &e);
	else if (text_date(row->start, "period.start", &e) < 0)
		dates_ok = false, keep(l, &e);
	if (!row->end)
		err_set(&e, ERR_INVALID, "period.end", "must be given"), keep(l, &e);
	else if (text_date(row->end, "period.end", &e) < 0)
		dates_ok = false, keep(l, &e);
	if (dates_ok && strcmp(row->start, row->end) > 0)
		err_set(&e, ERR_INVALID, "period.end",
			"must not be before the start of the period"),
			keep(l, &e);
	if (check_choice(plan_statuses, row->status, "status", false, &e) < 0)
		keep(l, &e);
	if (text_check_line(row->approved_by, "approved_by", 200, false, &e) < 0)
		keep(l, &e);
	if (row->approved_on &&
	    text_date_or_month(row->approved_on, "approved_on", &e) < 0)
		keep(l, &e);
	if (text_check_block(row->note, "note", 5000, false, &e) < 0)
		keep(l, &e);
	if (row->board_id &&
	    check_exists(s, EXISTS_BOARD, row->board_id, "approved_by_board_id",
			 &e) < 0 &&
	    keep(l, &e))
		return -1;
	return l->n > before ? -1 : 0;
}

static int load_plan_row(struct store *s, struct arena *a, int64_t id,
			 struct plan_row *row, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT title, kind, period_start, period_end, status, approved_by,"
		"  approved_on, note, approved_by_board_id FROM plan WHERE id = :id",
		e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		row->title = (char *)col_str(a, st, 0);
		row->kind = (char *)col_str(a, st, 1);
		row->start = (char *)col_str(a, st, 2);
		row->end = (char *)col_str(a, st, 3);
		row->status = (char *)col_str(a, st, 4);
		row->approved_by = (char *)col_str(a, st, 5);
		row->approved_on = (char *)col_str(a, st, 6);
		row->note = (char *)col_str(a, st, 7);
		row->board_id = db_col_int(st, 8);
	}
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	return rc == DB_ROW ? 0 : not_found(e, "plan", id);
}

/* A unique title broken: say which. */
static int plan_conflict(const struct plan_row *row, struct err *e)
{
	if (e && e->code == ERR_CONFLICT)
		err_set(e, ERR_CONFLICT, "title", "there is already a plan called '%s'",
			row->title);
	return -1;
}

struct plan_write {
	int64_t id;
	const struct plan_input *in;
	unsigned set;
};

static int write_plan(struct store *s, void *arg, int64_t *id, struct err *e)
{
	struct plan_write *p = arg;
	struct arena a = ARENA_INIT;
	struct plan_row row = { .kind = "partnership_plan", .status = "draft" };
	struct err_list first = { e, 0, 1 };
	struct db_stmt *st;
	int rc = -1;

	if (p->id && load_plan_row(s, &a, p->id, &row, e) < 0)
		goto out;
	plan_apply(&row, p->in, p->set);
	if (check_plan_row(s, &row, &first) < 0)
		goto out;
	if (p->id)
		st = db_prepare(s->db,
				"UPDATE plan SET title = :title, kind = :kind,"
				"  period_start = :start, period_end = :end,"
				"  status = :status, approved_by = :by,"
				"  approved_on = :on, note = :note,"
				"  approved_by_board_id = :board"
				" WHERE id = :id RETURNING id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO plan (title, kind, period_start,"
				"  period_end, status, approved_by, approved_on, note,"
				"  approved_by_board_id)"
				" VALUES (:title, :kind, :start, :end, :status, :by,"
				"  :on, :note, :board) RETURNING id",
				e);
	if (!st)
		goto out;
	if (p->id)
		db_bind_int(st, ":id", p->id);
	db_bind_text(st, ":title", row.title);
	db_bind_text(st, ":kind", row.kind);
	db_bind_text(st, ":start", row.start);
	db_bind_text(st, ":end", row.end);
	db_bind_text(st, ":status", row.status);
	db_bind_text(st, ":by", row.approved_by);
	db_bind_text(st, ":on", row.approved_on);
	db_bind_text(st, ":note", row.note);
	db_bind_id(st, ":board", row.board_id);
	rc = db_exec(st, id, e) < 0 ? plan_conflict(&row, e) : 0;
out:
	arena_release(&a);
	return rc;
}

int store_plan_create(struct store *s, const struct plan_input *in,
		      int64_t *id, struct err *e)
{
	struct plan_write p = { 0, in, ~0u };

	return audited_write(s, AUDIT_PLAN, 0, write_plan, &p, id, e);
}

int store_plan_check(struct store *s, int64_t id, const struct plan_input *in,
		     struct err_list *l)
{
	struct arena a = ARENA_INIT;
	struct plan_row row = { .kind = "partnership_plan", .status = "draft" };
	struct err e = ERR_INIT;
	int rc;

	if (id && load_plan_row(s, &a, id, &row, &e) < 0) {
		err_list_add(l, &e);
		arena_release(&a);
		return -1;
	}
	plan_apply(&row, in, id ? in->set : ~0u);
	rc = check_plan_row(s, &row, l);
	arena_release(&a);
	return rc;
}

int store_plan_update(struct store *s, int64_t id, const struct plan_input *in,
		      struct err *e)
{
	struct plan_write p = { id, in, in->set };

	return audited_write(s, AUDIT_PLAN, id, write_plan, &p, NULL, e);
}

int store_plan_remove(struct store *s, int64_t id, enum remove_how how,
                      bool *archived, struct err *e)
{
	static const struct remove_spec spec = {
		AUDIT_PLAN, "plan",
		"SELECT 'it has themes' WHERE EXISTS (SELECT 1 FROM theme"
		"  WHERE plan_id = :id)"
		" UNION ALL SELECT 'it has actions' WHERE EXISTS (SELECT 1"
		"  FROM action WHERE plan_id = :id)"
		" UNION ALL SELECT 'a plan was rolled forward from it' WHERE EXISTS"
		"  (SELECT 1 FROM plan WHERE previous_id = :id)",
		"UPDATE plan SET archived_at = coalesce(archived_at, :now)"
		" WHERE id = :id",
		"DELETE FROM plan WHERE id = :id",
	};

	return store_remove(s, &spec, id, how, archived, e);
}

struct roll {
	int64_t from;
	struct plan_input in;
};

/* Copy the themes, priority areas and outcome links of plan from to
 * plan to. */
static int copy_plan_children(struct store *s, int64_t from, int64_t to,
			      struct err *e)
{
	struct db_stmt *st;
	char today[11];

	text_today(today);
	/* Themes first, then priority areas matched to their new theme by
	 * name (unique within a plan), then links matched to the new
	 * priority area by theme and name. */
	st = db_prepare(s->db,
			"INSERT INTO theme (plan_id, name, description, lead_id,"
			"  position)"
			" SELECT :to, name, description, lead_id, position FROM theme"
			" WHERE plan_id = :from AND archived_at IS NULL"
			" ORDER BY position, id",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":from", from);
	db_bind_int(st, ":to", to);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO priority (theme_id, name, description, position,"
			"  added_on)"
			" SELECT nt.id, pr.name, pr.description, pr.position, :today"
			" FROM priority pr JOIN theme ot ON ot.id = pr.theme_id"
			" JOIN theme nt ON nt.plan_id = :to AND nt.name = ot.name"
			" WHERE ot.plan_id = :from AND ot.archived_at IS NULL"
			"   AND pr.archived_at IS NULL"
			" ORDER BY pr.position, pr.id",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":from", from);
	db_bind_int(st, ":to", to);
	db_bind_text(st, ":today", today);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO priority_outcome (priority_id, outcome_id,"
			"  is_example)"
			" SELECT np.id, po.outcome_id, po.is_example"
			" FROM priority_outcome po"
			" JOIN priority op ON op.id = po.priority_id"
			" JOIN theme ot ON ot.id = op.theme_id"
			" JOIN theme nt ON nt.plan_id = :to AND nt.name = ot.name"
			" JOIN priority np ON np.theme_id = nt.id AND np.name = op.name"
			" WHERE ot.plan_id = :from AND ot.archived_at IS NULL"
			"   AND op.archived_at IS NULL",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":from", from);
	db_bind_int(st, ":to", to);
	return db_exec(st, NULL, e);
}

static int roll_plan(struct store *s, void *arg, int64_t *id, struct err *e)
{
	struct roll *r = arg;
	struct db_stmt *st;
	struct plan_write p = { 0, &r->in, ~0u };

	if (write_plan(s, &p, id, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"UPDATE plan SET previous_id = :from WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":from", r->from);
	db_bind_int(st, ":id", *id);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	return copy_plan_children(s, r->from, *id, e);
}

int store_plan_roll_forward(struct store *s, int64_t id, const char *title,
			    const char *period_start, const char *period_end,
			    int64_t *new_id, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct plan_row from = { 0 };
	struct roll r = { id, { 0 } };
	int rc;

	if (load_plan_row(s, &a, id, &from, e) < 0) {
		arena_release(&a);
		return -1;
	}
	r.in.title = title;
	r.in.kind = from.kind;
	r.in.period_start = period_start;
	r.in.period_end = period_end;
	r.in.status = "draft";
	rc = audited_write(s, AUDIT_PLAN, 0, roll_plan, &r, new_id, e);
	arena_release(&a);
	return rc;
}

/* ---------------------------------------------------------------------
 * Themes
 */

struct theme_row {
	int64_t plan_id;
	char *name, *description;
	int64_t lead_id, position;
	bool has_position;
};

static void theme_apply(struct theme_row *row, const struct theme_input *in,
			unsigned set)
{
	if (set & THEME_NAME)
		row->name = (char *)in->name;
	if (set & THEME_DESCRIPTION)
		row->description = (char *)in->description;
	if (set & THEME_LEAD)
		row->lead_id = in->lead_id;
	if (set & THEME_POSITION) {
		row->position = in->position;
		row->has_position = true;
	}
}

static int check_theme_row(struct store *s, const struct theme_row *row,
			   struct err_list *l)
{
	struct err e = ERR_INIT;
	size_t before = l->n;

	if (check_exists(s, EXISTS_PLAN, row->plan_id, "plan_id", &e) < 0 &&
	    keep(l, &e))
		return -1;
	if (text_check_line(row->name, "name", 200, true, &e) < 0)
		keep(l, &e);
	if (text_check_block(row->description, "description", 5000, false, &e) < 0)
		keep(l, &e);
	if (row->lead_id &&
	    check_exists(s, EXISTS_PERSON, row->lead_id, "lead_id", &e) < 0 &&
	    keep(l, &e))
		return -1;
	if (row->has_position && (row->position < 0 || row->position > 10000))
		err_set(&e, ERR_INVALID, "position", "must be from 0 to 10000"),
			keep(l, &e);
	return l->n > before ? -1 : 0;
}

static int load_theme_row(struct store *s, struct arena *a, int64_t id,
			  struct theme_row *row, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT plan_id, name, description, lead_id, position FROM theme"
		" WHERE id = :id",
		e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		row->plan_id = db_col_int(st, 0);
		row->name = (char *)col_str(a, st, 1);
		row->description = (char *)col_str(a, st, 2);
		row->lead_id = db_col_int(st, 3);
		row->position = db_col_int(st, 4);
		row->has_position = true;
	}
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	return rc == DB_ROW ? 0 : not_found(e, "theme", id);
}

/* Number the themes of plan_id 0, 1, 2... in their order, theme id
 * (just given its position) before the others at its position, or after
 * them if it moved down: the others make room. */
static int renumber_themes(struct store *s, int64_t plan_id, int64_t id,
			   bool down, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"UPDATE theme SET position = (SELECT x.n FROM ("
		"  SELECT t.id, row_number() OVER (ORDER BY t.position,"
		"   CASE WHEN t.id = :id THEN :down ELSE 0.5 END, t.id) - 1 AS n"
		"  FROM theme t WHERE t.plan_id = :plan) x WHERE x.id = theme.id)"
		" WHERE plan_id = :plan",
		e);

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":down", down);
	db_bind_int(st, ":plan", plan_id);
	return db_exec(st, NULL, e);
}

struct theme_write {
	int64_t id, plan_id;
	const struct theme_input *in;
	unsigned set;
};

static int write_theme(struct store *s, void *arg, int64_t *id, struct err *e)
{
	struct theme_write *t = arg;
	struct arena a = ARENA_INIT;
	struct theme_row row = { .plan_id = t->plan_id };
	struct err_list first = { e, 0, 1 };
	struct db_stmt *st;
	bool down = false;
	int rc = -1;

	if (t->id && load_theme_row(s, &a, t->id, &row, e) < 0)
		goto out;
	down = t->in->position > row.position;
	theme_apply(&row, t->in, t->set);
	if (check_theme_row(s, &row, &first) < 0)
		goto out;
	if (t->id)
		st = db_prepare(s->db,
				"UPDATE theme SET name = :name, description = :desc,"
				"  lead_id = :lead, position = :pos WHERE id = :id"
				" RETURNING id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO theme (plan_id, name, description, lead_id,"
				"  position)"
				" VALUES (:plan, :name, :desc, :lead,"
				"  coalesce(:pos, (SELECT count(*) FROM theme"
				"   WHERE plan_id = :plan)))"
				" RETURNING id",
				e);
	if (!st)
		goto out;
	if (t->id)
		db_bind_int(st, ":id", t->id);
	else
		db_bind_int(st, ":plan", row.plan_id);
	db_bind_text(st, ":name", row.name);
	db_bind_text(st, ":desc", row.description);
	db_bind_id(st, ":lead", row.lead_id);
	if (row.has_position)
		db_bind_int(st, ":pos", row.position);
	else
		db_bind_null(st, ":pos");
	if (db_exec(st, id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "name",
				"the plan already has a theme called '%s'", row.name);
		goto out;
	}
	rc = t->id && (t->set & THEME_POSITION)
		     ? renumber_themes(s, row.plan_id, t->id, down, e)
		     : 0;
out:
	arena_release(&a);
	return rc;
}

int store_theme_create(struct store *s, int64_t plan_id, const char *name,
		       const char *description, int64_t lead_id, int64_t *id,
		       struct err *e)
{
	struct theme_input in = { name, description, lead_id, 0,
				  THEME_NAME | THEME_DESCRIPTION | THEME_LEAD };
	struct theme_write t = { 0, plan_id, &in, in.set };

	return audited_write(s, AUDIT_THEME, 0, write_theme, &t, id, e);
}

int store_theme_check(struct store *s, int64_t plan_id, int64_t id,
		      const struct theme_input *in, struct err_list *l)
{
	struct arena a = ARENA_INIT;
	struct theme_row row = { .plan_id = plan_id };
	struct err e = ERR_INIT;
	int rc;

	if (id && load_theme_row(s, &a, id, &row, &e) < 0) {
		err_list_add(l, &e);
		arena_release(&a);
		return -1;
	}
	theme_apply(&row, in, in->set);
	rc = check_theme_row(s, &row, l);
	arena_release(&a);
	return rc;
}

int store_theme_update(struct store *s, int64_t id,
		       const struct theme_input *in, struct err *e)
{
	struct theme_write t = { id, 0, in, in->set };

	return audited_write(s, AUDIT_THEME, id, write_theme, &t, NULL, e);
}

int store_theme_remove(struct store *s, int64_t id, enum remove_how how,
                       bool *archived, struct err *e)
{
	static const struct remove_spec spec = {
		AUDIT_THEME, "theme",
		"SELECT 'it has priority areas' WHERE EXISTS (SELECT 1"
		"  FROM priority WHERE theme_id = :id)"
		" UNION ALL SELECT 'it has actions' WHERE EXISTS (SELECT 1"
		"  FROM action WHERE theme_id = :id)"
		" UNION ALL SELECT 'indicators are linked to it' WHERE EXISTS"
		"  (SELECT 1 FROM indicator_link WHERE kind = 'theme'"
		"   AND target_id = :id)"
		" UNION ALL SELECT 'the account of a lead names it' WHERE EXISTS"
		"  (SELECT 1 FROM account_scope WHERE kind = 'theme'"
		"   AND target_id = :id)",
		"UPDATE theme SET archived_at = coalesce(archived_at, :now)"
		" WHERE id = :id",
		"DELETE FROM theme WHERE id = :id",
	};

	return store_remove(s, &spec, id, how, archived, e);
}

/* ---------------------------------------------------------------------
 * Priority areas
 */

struct priority_row {
	int64_t theme_id;
	char *name, *description;
	const int64_t *outcomes;
	size_t n_outcomes;
	bool outcomes_given;
};

static void priority_apply(struct priority_row *row,
			   const struct priority_input *in, unsigned set)
{
	if (set & PRIORITY_NAME)
		row->name = (char *)in->name;
	if (set & PRIORITY_DESCRIPTION)
		row->description = (char *)in->description;
	if (set & PRIORITY_OUTCOMES) {
		row->outcomes = in->outcome_ids;
		row->n_outcomes = in->n_outcome_ids;
		row->outcomes_given = true;
	}
}

static int check_priority_row(struct store *s, const struct priority_row *row,
			      struct err_list *l)
{
	struct err e = ERR_INIT;
	size_t before = l->n;

	if (check_exists(s, EXISTS_THEME, row->theme_id, "theme_id", &e) < 0 &&
	    keep(l, &e))
		return -1;
	if (text_check_line(row->name, "name", 300, true, &e) < 0)
		keep(l, &e);
	if (text_check_block(row->description, "description", 5000, false, &e) < 0)
		keep(l, &e);
	for (size_t i = 0; row->outcomes_given && i < row->n_outcomes; i++) {
		if (row->outcomes[i] < 1) {
			err_set(&e, ERR_INVALID, "outcome_ids",
				"must be a list of outcome ids");
			keep(l, &e);
			break;
		}
		if (check_exists(s, EXISTS_OUTCOME, row->outcomes[i], "outcome_ids",
				 &e) < 0) {
			if (keep(l, &e))
				return -1;
			break;
		}
	}
	return l->n > before ? -1 : 0;
}

static int load_priority_row(struct store *s, struct arena *a, int64_t id,
			     struct priority_row *row, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT theme_id, name, description FROM priority WHERE id = :id",
		e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		row->theme_id = db_col_int(st, 0);
		row->name = (char *)col_str(a, st, 1);
		row->description = (char *)col_str(a, st, 2);
	}
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	return rc == DB_ROW ? 0 : not_found(e, "priority area", id);
}

/* Make the priority area's links exactly the outcomes listed (a link
 * kept keeps its example mark). */
static int set_outcomes(struct store *s, int64_t id, const int64_t *ids,
			size_t n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"DELETE FROM priority_outcome WHERE priority_id = :id"
		" AND outcome_id NOT IN (SELECT value FROM json_each(:ids))",
		e);
	struct buf list = BUF_INIT;
	int rc;

	if (!st)
		return -1;
	buf_addc(&list, '[');
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s%lld", i ? "," : "", (long long)ids[i]);
	buf_addc(&list, ']');
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":ids", list.ptr);
	rc = db_exec(st, NULL, e);
	if (rc == 0 && (st = db_prepare(
				s->db,
				"INSERT INTO priority_outcome (priority_id, outcome_id)"
				" SELECT DISTINCT :id, value FROM json_each(:ids) WHERE true"
				" ON CONFLICT (priority_id, outcome_id) DO NOTHING",
				e))) {
		db_bind_int(st, ":id", id);
		db_bind_text(st, ":ids", list.ptr);
		rc = db_exec(st, NULL, e);
	} else if (rc == 0) {
		rc = -1;
	}
	buf_release(&list);
	return rc;
}

/* Keep the wording of priority id as it was until today, if the new
 * wording differs. */
static int keep_revision(struct store *s, int64_t id,
			 const struct priority_row *old,
			 const struct priority_row *row, struct err *e)
{
	struct db_stmt *st;
	char today[11];
	bool same_desc = (!old->description && !row->description) ||
			 (old->description && row->description &&
			  strcmp(old->description, row->description) == 0);

	if (strcmp(old->name, row->name) == 0 && same_desc)
		return 0;
	if (!(st = db_prepare(s->db,
			      "INSERT INTO priority_revision (priority_id, name,"
			      "  description, valid_until)"
			      " VALUES (:id, :name, :desc, :today)",
			      e)))
		return -1;
	text_today(today);
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":name", old->name);
	db_bind_text(st, ":desc", old->description);
	db_bind_text(st, ":today", today);
	return db_exec(st, NULL, e);
}

struct priority_write {
	int64_t id, theme_id;
	const struct priority_input *in;
	unsigned set;
};

static int write_priority(struct store *s, void *arg, int64_t *id,
			  struct err *e)
{
	struct priority_write *p = arg;
	struct arena a = ARENA_INIT;
	struct priority_row row = { .theme_id = p->theme_id }, old;
	struct err_list first = { e, 0, 1 };
	struct db_stmt *st;
	char today[11];
	int rc = -1;

	if (p->id && load_priority_row(s, &a, p->id, &row, e) < 0)
		goto out;
	old = row;
	priority_apply(&row, p->in, p->set);
	if (check_priority_row(s, &row, &first) < 0)
		goto out;
	if (p->id && keep_revision(s, p->id, &old, &row, e) < 0)
		goto out;
	if (p->id)
		st = db_prepare(s->db,
				"UPDATE priority SET name = :name, description = :desc"
				" WHERE id = :id RETURNING id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO priority (theme_id, name, description,"
				"  position, added_on)"
				" VALUES (:theme, :name, :desc,"
				"  (SELECT count(*) FROM priority WHERE theme_id = :theme),"
				"  :today)"
				" RETURNING id",
				e);
	if (!st)
		goto out;
	if (p->id) {
		db_bind_int(st, ":id", p->id);
	} else {
		text_today(today);
		db_bind_int(st, ":theme", row.theme_id);
		db_bind_text(st, ":today", today);
	}
	db_bind_text(st, ":name", row.name);
	db_bind_text(st, ":desc", row.description);
	if (db_exec(st, id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "name",
				"the theme already has a priority area called '%s'",
				row.name);
		goto out;
	}
	if (row.outcomes_given &&
	    set_outcomes(s, *id, row.outcomes, row.n_outcomes, e) < 0)
		goto out;
	rc = 0;
out:
	arena_release(&a);
	return rc;
}

int store_priority_create(struct store *s, int64_t theme_id,
			  const struct priority_input *in, int64_t *id,
			  struct err *e)
{
	struct priority_write p = { 0, theme_id, in, ~0u };

	return audited_write(s, AUDIT_PRIORITY, 0, write_priority, &p, id, e);
}

int store_priority_check(struct store *s, int64_t theme_id, int64_t id,
			 const struct priority_input *in, struct err_list *l)
{
	struct arena a = ARENA_INIT;
	struct priority_row row = { .theme_id = theme_id };
	struct err e = ERR_INIT;
	int rc;

	if (id && load_priority_row(s, &a, id, &row, &e) < 0) {
		err_list_add(l, &e);
		arena_release(&a);
		return -1;
	}
	priority_apply(&row, in, id ? in->set : ~0u);
	rc = check_priority_row(s, &row, l);
	arena_release(&a);
	return rc;
}

int store_priority_update(struct store *s, int64_t id,
			  const struct priority_input *in, struct err *e)
{
	struct priority_write p = { id, 0, in, in->set };

	return audited_write(s, AUDIT_PRIORITY, id, write_priority, &p, NULL, e);
}

int store_priority_remove(struct store *s, int64_t id, enum remove_how how,
                          bool *archived, struct err *e)
{
	static const struct remove_spec spec = {
		AUDIT_PRIORITY, "priority area",
		"SELECT 'it has actions' WHERE EXISTS (SELECT 1 FROM action"
		"  WHERE priority_id = :id)"
		" UNION ALL SELECT 'awards are made to it' WHERE EXISTS (SELECT 1"
		"  FROM award WHERE priority_id = :id)"
		" UNION ALL SELECT 'indicators are linked to it' WHERE EXISTS"
		"  (SELECT 1 FROM indicator_link WHERE kind = 'priority'"
		"   AND target_id = :id)"
		" UNION ALL SELECT 'its wording was revised' WHERE EXISTS"
		"  (SELECT 1 FROM priority_revision WHERE priority_id = :id)"
		" UNION ALL SELECT 'it was in the plan before today' WHERE EXISTS"
		"  (SELECT 1 FROM priority WHERE id = :id AND (archived_at IS NOT NULL"
		"   OR added_on IS NULL OR added_on < :today))",
		"UPDATE priority SET archived_at = coalesce(archived_at, :now),"
		"  removed_on = coalesce(removed_on, :today) WHERE id = :id",
		"DELETE FROM priority WHERE id = :id",
	};

	return store_remove(s, &spec, id, how, archived, e);
}
