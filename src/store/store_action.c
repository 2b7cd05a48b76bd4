/*
 * store_action.c: actions, their progress updates, and the counts the
 * overview shows.
 */
#include "base/text.h"
#include "store_action.h"
#include "store_audit.h"
#include "store_int.h"

/* The columns every action query selects, in this order. */
#define ACTION_COLUMNS                                                      \
	"a.id, a.plan_id, p.title, a.theme_id, t.name, a.priority_id,"      \
	" pr.name, a.title, a.description, a.owner_id, w.name, o.name,"     \
	" a.due_on, a.status, a.rag, a.is_example, " OVERDUE_SQL("a") ","   \
	" a.created_at, a.updated_at,"                                      \
	" (SELECT count(*) FROM action_update u WHERE u.action_id = a.id)," \
	" (SELECT max(u.created_at) FROM action_update u"                   \
	"   WHERE u.action_id = a.id), a.archived_at"
#define ACTION_FROM                                                         \
	" FROM action a JOIN plan p ON p.id = a.plan_id"                    \
	" LEFT JOIN theme t ON t.id = a.theme_id"                           \
	" LEFT JOIN priority pr ON pr.id = a.priority_id"                   \
	" LEFT JOIN person w ON w.id = a.owner_id"                          \
	" LEFT JOIN organisation o ON o.id = w.organisation_id"

static void read_action(struct arena *a, struct db_stmt *st, struct action *x)
{
	const char *last;

	x->id = db_col_int(st, 0);
	x->plan_id = db_col_int(st, 1);
	x->plan_title = col_str(a, st, 2);
	x->theme_id = db_col_int(st, 3);
	x->theme_name = col_str(a, st, 4);
	x->priority_id = db_col_int(st, 5);
	x->priority_name = col_str(a, st, 6);
	x->title = col_str(a, st, 7);
	x->description = col_str(a, st, 8);
	x->owner_id = db_col_int(st, 9);
	x->owner_name = col_str(a, st, 10);
	x->owner_organisation = col_str(a, st, 11);
	x->due_on = col_str(a, st, 12);
	x->status = col_str(a, st, 13);
	x->rag = col_str(a, st, 14);
	x->example = db_col_int(st, 15) != 0;
	x->overdue = db_col_int(st, 16) != 0;
	x->created_at = col_str(a, st, 17);
	x->updated_at = col_str(a, st, 18);
	x->n_updates = db_col_int(st, 19);
	last = db_col_text(st, 20);
	x->last_update_on = last ? arena_strndup(a, last, 10) : NULL;
	x->archived_at = col_str(a, st, 21);
}

struct action *store_actions(struct store *s, struct arena *a,
			     const struct action_filter *f, size_t *n,
			     struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " ACTION_COLUMNS ACTION_FROM
		" WHERE a.archived_at IS NULL"
		"  AND (:plan = 0 OR a.plan_id = :plan)"
		"  AND (:theme = 0 OR a.theme_id = :theme)"
		"  AND (:priority = 0 OR a.priority_id = :priority)"
		"  AND (:owner = 0 OR a.owner_id = :owner)"
		"  AND (:status = '' OR a.status = :status)"
		"  AND (:overdue = 0 OR " OVERDUE_SQL("a") ")"
		" ORDER BY p.period_start DESC, a.plan_id, t.position,"
		"  a.theme_id, a.due_on IS NULL, a.due_on, a.id",
		e);
	struct action *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":plan", f->plan_id);
	db_bind_int(st, ":theme", f->theme_id);
	db_bind_int(st, ":priority", f->priority_id);
	db_bind_int(st, ":owner", f->owner_id);
	db_bind_text(st, ":status", f->status ? f->status : "");
	db_bind_int(st, ":overdue", f->overdue);
	db_bind_text(st, ":today", f->today);
	while ((rc = db_step(st, e)) == DB_ROW)
		read_action(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

struct action *store_action(struct store *s, struct arena *a, int64_t id,
			    const char *today, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " ACTION_COLUMNS ACTION_FROM " WHERE a.id = :id", e);
	struct action *x = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":today", today);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		x = arena_new(a, struct action);
		read_action(a, st, x);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "action", id);
	return x;
}

struct action_update *store_action_updates(struct store *s, struct arena *a,
					   int64_t action_id, size_t *n,
					   struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT u.id, u.action_id, u.author_id,"
		"  coalesce(acc.name, w.name), u.body, u.status,"
		"  u.rag, u.created_at, u.is_example, u.author_account_id"
		" FROM action_update u LEFT JOIN person w ON w.id = u.author_id"
		" LEFT JOIN account acc ON acc.id = u.author_account_id"
		" WHERE u.action_id = :id ORDER BY u.created_at DESC, u.id DESC",
		e);
	struct action_update *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":id", action_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct action_update *u = VEC_PUSH(a, list, n, &cap);

		u->id = db_col_int(st, 0);
		u->action_id = db_col_int(st, 1);
		u->author_id = db_col_int(st, 2);
		u->author_name = col_str(a, st, 3);
		u->body = col_str(a, st, 4);
		u->status = col_str(a, st, 5);
		u->rag = col_str(a, st, 6);
		u->created_at = col_str(a, st, 7);
		u->example = db_col_int(st, 8) != 0;
		u->author_account_id = db_col_int(st, 9);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

/* ---------------------------------------------------------------------
 * Writing actions
 *
 * Create and update both build the complete new row (for an update: the
 * stored row with the given fields laid over it), check it whole with
 * check_action(), and write every column.
 */

struct action_row {
	int64_t plan_id, theme_id, priority_id, owner_id;
	char *title, *description, *due_on, *status, *rag;
	bool example;
};

/* The plan a theme belongs to, or the theme a priority belongs to: the
 * parent of id in the table, or 0 if there is no such row. */
/* The plan of a theme: its id, 0 if there is no such theme, -1 with e
 * set if the store fails. */
static int64_t theme_plan(struct store *s, int64_t theme_id, struct err *e)
{
	struct db_stmt *st =
		db_prepare(s->db, "SELECT plan_id FROM theme WHERE id = :id", e);
	int64_t v = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", theme_id);
	if ((rc = db_step(st, e)) == DB_ROW)
		v = db_col_int(st, 0);
	db_done(st);
	return rc == DB_ERROR ? -1 : v;
}

/* The theme of a priority area, as theme_plan. */
static int64_t priority_theme(struct store *s, int64_t priority_id,
			      struct err *e)
{
	struct db_stmt *st =
		db_prepare(s->db, "SELECT theme_id FROM priority WHERE id = :id", e);
	int64_t v = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", priority_id);
	if ((rc = db_step(st, e)) == DB_ROW)
		v = db_col_int(st, 0);
	db_done(st);
	return rc == DB_ERROR ? -1 : v;
}

enum named { NAMED_PLAN, NAMED_THEME, NAMED_PRIORITY };

/* A plan, theme or priority area as messages name it, into out:
 * "'Reducing reoffending' (5)", or the id alone if the store cannot say
 * (the message is about something else going wrong). */
static const char *named(struct store *s, enum named what, int64_t id,
			 char *out, size_t size)
{
	static const char *const sql[] = {
		[NAMED_PLAN] = "SELECT title FROM plan WHERE id = :id",
		[NAMED_THEME] = "SELECT name FROM theme WHERE id = :id",
		[NAMED_PRIORITY] = "SELECT name FROM priority WHERE id = :id",
	};
	struct db_stmt *st = db_prepare(s->db, sql[what], NULL);
	const char *name = NULL;

	snprintf(out, size, "%lld", (long long)id);
	if (!st)
		return out;
	db_bind_int(st, ":id", id);
	if (db_step(st, NULL) == DB_ROW && (name = db_col_text(st, 0)))
		snprintf(out, size, "'%.150s' (%lld)", name, (long long)id);
	db_done(st);
	return out;
}

/* Lay the given fields of in over row.  Strings point into in. */
static void apply_input(struct action_row *row, const struct action_input *in)
{
	if (in->set & ACTION_PLAN)
		row->plan_id = in->plan_id;
	if (in->set & ACTION_THEME)
		row->theme_id = in->theme_id;
	if (in->set & ACTION_PRIORITY)
		row->priority_id = in->priority_id;
	if (in->set & ACTION_OWNER)
		row->owner_id = in->owner_id;
	if (in->set & ACTION_TITLE)
		row->title = (char *)in->title;
	if (in->set & ACTION_DESCRIPTION)
		row->description = (char *)in->description;
	if (in->set & ACTION_DUE)
		row->due_on = (char *)in->due_on;
	if (in->set & ACTION_STATUS)
		row->status = (char *)in->status;
	if (in->set & ACTION_RAG)
		row->rag = (char *)in->rag;
}

/* Keep e's error in l; true if checking must stop (the store failed). */
static bool keep(struct err_list *l, const struct err *e)
{
	err_list_add(l, e);
	return e->code == ERR_DB || e->code == ERR_BUSY;
}

/* Check a complete action row, keeping every problem in l; fill in the
 * theme from the priority and the plan from the theme where the input
 * left them out (set says which fields the input gave).  Returns -1 if
 * anything is wrong. */
static int check_action(struct store *s, struct action_row *row, unsigned set,
			struct err_list *l)
{
	struct err e = ERR_INIT;
	size_t before = l->n;

	if (text_check_line(row->title, "title", 200, true, &e) < 0)
		keep(l, &e);
	if (text_check_block(row->description, "description", 10000, false, &e) < 0)
		keep(l, &e);
	if (row->due_on && text_date(row->due_on, "due_on", &e) < 0)
		keep(l, &e);
	if (check_choice(action_statuses, row->status, "status", false, &e) < 0)
		keep(l, &e);
	if (check_choice(rag_ratings, row->rag, "rag", true, &e) < 0)
		keep(l, &e);
	if (row->owner_id &&
	    check_exists(s, EXISTS_PERSON, row->owner_id, "owner_id", &e) < 0 &&
	    keep(l, &e))
		return -1;
	if (row->priority_id) {
		int64_t t = priority_theme(s, row->priority_id, &e);

		if (t < 0)
			return keep(l, &e), -1;
		if (!t) {
			err_set(&e, ERR_INVALID, "priority_id",
				"there is no priority area %lld",
				(long long)row->priority_id);
			keep(l, &e);
		} else {
			if (!(set & ACTION_THEME) && row->theme_id != t)
				row->theme_id = t;
			if (row->theme_id != t) {
				char pr[180], th[180];

				named(s, NAMED_PRIORITY, row->priority_id, pr,
				      sizeof(pr));
				named(s, NAMED_THEME, t, th, sizeof(th));
				if (row->theme_id)
					err_set(&e, ERR_INVALID, "priority_id",
						"is not one of the chosen theme's "
						"priority areas: priority area %s "
						"belongs to theme %s", pr, th);
				else
					err_set(&e, ERR_INVALID, "priority_id",
						"priority area %s belongs to theme "
						"%s: choose that theme, or no "
						"priority area", pr, th);
				keep(l, &e);
			}
		}
	}
	if (row->theme_id) {
		int64_t p = theme_plan(s, row->theme_id, &e);

		if (p < 0)
			return keep(l, &e), -1;
		if (!p) {
			err_set(&e, ERR_INVALID, "theme_id", "there is no theme %lld",
				(long long)row->theme_id);
			keep(l, &e);
		} else {
			if (!(set & ACTION_PLAN) && row->plan_id != p)
				row->plan_id = p;
			if (row->plan_id != p) {
				char th[180], plan[180], other[180];

				named(s, NAMED_THEME, row->theme_id, th, sizeof(th));
				named(s, NAMED_PLAN, p, other, sizeof(other));
				named(s, NAMED_PLAN, row->plan_id, plan, sizeof(plan));
				err_set(&e, ERR_INVALID, "theme_id",
					"theme %s belongs to plan %s, not to plan %s",
					th, other, plan);
				keep(l, &e);
			}
		}
	}
	if (!row->plan_id) {
		err_set(&e, ERR_INVALID, "plan_id",
			"must be given (or a theme or priority area)");
		keep(l, &e);
	} else if (check_exists(s, EXISTS_PLAN, row->plan_id, "plan_id", &e) < 0) {
		keep(l, &e);
	}
	return l->n > before ? -1 : 0;
}

struct create_args {
	const struct action_input *in;
	int64_t *id;
};

static int create_action(struct store *s, void *arg, struct err *e)
{
	struct create_args *c = arg;
	struct action_row row = { 0 };
	struct audit_snap snap;
	struct db_stmt *st;
	char now[21];
	int64_t id;

	struct err_list first = { e, 0, 1 };

	row.status = "not_started";
	row.example = c->in->example;
	apply_input(&row, c->in);
	if (check_action(s, &row, c->in->set, &first) < 0 ||
	    audit_before(s, &snap, AUDIT_ACTION, 0, e) < 0)
		return -1;
	text_now(now);
	st = db_prepare(s->db,
			"INSERT INTO action (plan_id, theme_id, priority_id, title,"
			"  description, owner_id, due_on, status, rag, is_example,"
			"  created_at, updated_at)"
			" VALUES (:plan, :theme, :priority, :title, :desc, :owner,"
			"  :due, :status, :rag, :ex, :now, :now) RETURNING id",
			e);
	if (!st) {
		audit_discard(&snap);
		return -1;
	}
	db_bind_int(st, ":plan", row.plan_id);
	db_bind_id(st, ":theme", row.theme_id);
	db_bind_id(st, ":priority", row.priority_id);
	db_bind_text(st, ":title", row.title);
	db_bind_text(st, ":desc", row.description);
	db_bind_id(st, ":owner", row.owner_id);
	db_bind_text(st, ":due", row.due_on);
	db_bind_text(st, ":status", row.status);
	db_bind_text(st, ":rag", row.rag);
	db_bind_int(st, ":ex", row.example);
	db_bind_text(st, ":now", now);
	if (db_exec(st, &id, e) < 0) {
		audit_discard(&snap);
		return -1;
	}
	if (c->id)
		*c->id = id;
	return audit_after(s, &snap, id, e);
}

int store_action_create(struct store *s, const struct action_input *in,
			int64_t *id, struct err *e)
{
	struct create_args c = { in, id };

	if (!(in->set & ACTION_TITLE))
		return err_set(e, ERR_INVALID, "title", "must not be empty");
	return in_transaction(s, create_action, &c, e);
}

struct update_args {
	int64_t id;
	const struct action_input *in;
};

/* Read the stored row of action id into row, strings in the arena. */
static int load_row(struct store *s, struct arena *a, int64_t id,
		    struct action_row *row, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT plan_id, theme_id, priority_id, owner_id, title,"
		"  description, due_on, status, rag, is_example"
		" FROM action WHERE id = :id",
		e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		row->plan_id = db_col_int(st, 0);
		row->theme_id = db_col_int(st, 1);
		row->priority_id = db_col_int(st, 2);
		row->owner_id = db_col_int(st, 3);
		row->title = (char *)col_str(a, st, 4);
		row->description = (char *)col_str(a, st, 5);
		row->due_on = (char *)col_str(a, st, 6);
		row->status = (char *)col_str(a, st, 7);
		row->rag = (char *)col_str(a, st, 8);
		row->example = db_col_int(st, 9) != 0;
	}
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	return rc == DB_ROW ? 0 : not_found(e, "action", id);
}

static int update_action(struct store *s, void *arg, struct err *e)
{
	struct update_args *u = arg;
	struct arena a = ARENA_INIT;
	struct action_row row = { 0 };
	struct audit_snap snap;
	struct db_stmt *st;
	char now[21];
	int rc = -1;

	struct err_list first = { e, 0, 1 };

	if (load_row(s, &a, u->id, &row, e) < 0)
		goto out;
	apply_input(&row, u->in);
	if (check_action(s, &row, u->in->set, &first) < 0 ||
	    audit_before(s, &snap, AUDIT_ACTION, u->id, e) < 0)
		goto out;
	text_now(now);
	st = db_prepare(s->db,
			"UPDATE action SET plan_id = :plan, theme_id = :theme,"
			"  priority_id = :priority, title = :title,"
			"  description = :desc, owner_id = :owner, due_on = :due,"
			"  status = :status, rag = :rag, updated_at = :now"
			" WHERE id = :id",
			e);
	if (!st) {
		audit_discard(&snap);
		goto out;
	}
	db_bind_int(st, ":id", u->id);
	db_bind_int(st, ":plan", row.plan_id);
	db_bind_id(st, ":theme", row.theme_id);
	db_bind_id(st, ":priority", row.priority_id);
	db_bind_text(st, ":title", row.title);
	db_bind_text(st, ":desc", row.description);
	db_bind_id(st, ":owner", row.owner_id);
	db_bind_text(st, ":due", row.due_on);
	db_bind_text(st, ":status", row.status);
	db_bind_text(st, ":rag", row.rag);
	db_bind_text(st, ":now", now);
	if (db_exec(st, NULL, e) < 0) {
		audit_discard(&snap);
		goto out;
	}
	rc = audit_after(s, &snap, u->id, e);
out:
	arena_release(&a);
	return rc;
}

int store_action_check(struct store *s, int64_t id,
		       const struct action_input *in, struct err_list *l)
{
	struct arena a = ARENA_INIT;
	struct action_row row = { 0 };
	struct err e = ERR_INIT;
	int rc;

	row.status = "not_started";
	if (id && load_row(s, &a, id, &row, &e) < 0) {
		err_list_add(l, &e);
		arena_release(&a);
		return -1;
	}
	apply_input(&row, in);
	rc = check_action(s, &row, in->set, l);
	arena_release(&a);
	return rc;
}

int store_action_update(struct store *s, int64_t id,
			const struct action_input *in, struct err *e)
{
	struct update_args u = { id, in };

	return in_transaction(s, update_action, &u, e);
}

struct add_update_args {
	int64_t action_id;
	const struct update_input *in;
	int64_t *update_id;
};

/* Check the date of an update: a day (YYYY-MM-DD) or a whole time
 * (YYYY-MM-DDTHH:MM:SSZ), not after today. */
static int check_update_date(const char *when, struct err *e)
{
	char day[11], today[11];
	size_t n = strlen(when);

	if (n != 10 && !(n == 20 && when[10] == 'T' && when[13] == ':' &&
			 when[16] == ':' && when[19] == 'Z'))
		return err_set(e, ERR_INVALID, "created_at",
			       "must be a date (YYYY-MM-DD)");
	memcpy(day, when, 10);
	day[10] = '\0';
	if (text_date(day, "created_at", e) < 0)
		return -1;
	text_today(today);
	if (strcmp(day, today) > 0)
		return err_set(e, ERR_INVALID, "created_at",
			       "must be today or in the past, not %s", day);
	return 0;
}

/* 1 if action id has an update later than when, 0 if not, -1. */
static int has_later_update(struct store *s, int64_t id, const char *when,
			    struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT EXISTS (SELECT 1 FROM action_update"
		"  WHERE action_id = :id AND created_at > :when)",
		e);
	int rc, later = 0;

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":when", when);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		later = db_col_int(st, 0) != 0;
	db_done(st);
	return rc == DB_ERROR ? -1 : later;
}

static int add_update(struct store *s, void *arg, struct err *e)
{
	struct add_update_args *u = arg;
	const struct update_input *in = u->in;
	struct audit_snap action_snap, update_snap;
	struct db_stmt *st;
	char now[21], today[11];
	const char *when;
	int64_t id;
	int later;

	if (text_check_block(in->body, "body", 10000, true, e) < 0 ||
	    check_choice(action_statuses, in->status, "status", true, e) < 0 ||
	    check_choice(rag_ratings, in->rag, "rag", true, e) < 0 ||
	    (in->created_at && check_update_date(in->created_at, e) < 0) ||
	    (in->author_id &&
	     check_exists(s, EXISTS_PERSON, in->author_id, "author_id", e) < 0))
		return -1;
	text_now(now);
	text_today(today);
	/* Dated today: now, to the second, like an update not dated. */
	when = in->created_at && strcmp(in->created_at, today) != 0 ? in->created_at
								    : now;
	if ((later = has_later_update(s, u->action_id, when, e)) < 0 ||
	    audit_before(s, &action_snap, AUDIT_ACTION, u->action_id, e) < 0)
		return -1;
	if (audit_before(s, &update_snap, AUDIT_ACTION_UPDATE, 0, e) < 0) {
		audit_discard(&action_snap);
		return -1;
	}
	st = db_prepare(s->db,
			"UPDATE action SET status = coalesce(:status, status),"
			"  rag = coalesce(:rag, rag), updated_at = :now"
			" WHERE id = :id",
			e);
	if (!st)
		goto fail;
	db_bind_int(st, ":id", u->action_id);
	db_bind_text(st, ":status", later ? NULL : in->status);
	db_bind_text(st, ":rag", later ? NULL : in->rag);
	db_bind_text(st, ":now", now);
	if (db_exec(st, NULL, e) < 0)
		goto fail;
	if (db_changes(s->db) == 0) {
		not_found(e, "action", u->action_id);
		goto fail;
	}
	/* The author is whoever acts (store_set_actor), never what a client
	 * says; a person as author only from the demo's invented data. */
	st = db_prepare(s->db,
			"INSERT INTO action_update (action_id, author_id,"
			"  author_account_id, body, status, rag, created_at,"
			"  is_example)"
			" VALUES (:id, :author, :account, :body, :status, :rag,"
			"  :when, :ex) RETURNING id",
			e);
	if (!st)
		goto fail;
	db_bind_int(st, ":id", u->action_id);
	db_bind_id(st, ":author", in->author_id);
	db_bind_id(st, ":account", s->actor_account);
	db_bind_text(st, ":body", in->body);
	db_bind_text(st, ":status", in->status);
	db_bind_text(st, ":rag", in->rag);
	db_bind_text(st, ":when", when);
	db_bind_int(st, ":ex", in->example);
	if (db_exec(st, &id, e) < 0)
		goto fail;
	if (u->update_id)
		*u->update_id = id;
	/* The update, and the action's status or RAG if it set them. */
	if (audit_after(s, &update_snap, id, e) < 0) {
		audit_discard(&action_snap);
		return -1;
	}
	return audit_after(s, &action_snap, u->action_id, e);
fail:
	audit_discard(&action_snap);
	audit_discard(&update_snap);
	return -1;
}

int store_action_add_update(struct store *s, int64_t action_id,
			    const struct update_input *in,
			    int64_t *update_id, struct err *e)
{
	struct add_update_args u = { action_id, in, update_id };

	return in_transaction(s, add_update, &u, e);
}

static const struct remove_spec action_removal = {
	AUDIT_ACTION, "action",
	"SELECT 'it has progress updates' FROM action_update"
	" WHERE action_id = :id",
	"UPDATE action SET archived_at = coalesce(archived_at, :now)"
	" WHERE id = :id",
	"DELETE FROM action WHERE id = :id",
};

int store_action_remove(struct store *s, int64_t id, enum remove_how how,
			bool *archived, struct err *e)
{
	return store_remove(s, &action_removal, id, how, archived, e);
}

/* ---------------------------------------------------------------------
 * Warnings
 */

/* Keep a warning (code ERR_OK) in w. */
static void warn(struct err_list *w, const char *field, const char *msg)
{
	struct err x;

	err_set(&x, ERR_INVALID, field, "%s", msg);
	x.code = ERR_OK;
	err_list_add(w, &x);
}

/* "31 March 2021", in the arena. */
static const char *date_words(struct arena *a, const char *date)
{
	struct buf t = BUF_INIT;
	const char *s;

	text_add_date(&t, date);
	s = arena_strdup(a, t.ptr);
	buf_release(&t);
	return s;
}

int store_action_warnings(struct store *s, int64_t plan_id, const char *due_on,
			  unsigned what, struct err_list *w, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT title, period_start, period_end, status FROM plan"
		" WHERE id = :id",
		e);
	struct arena a = ARENA_INIT;
	char today[11];
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", plan_id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		const char *title = col_str(&a, st, 0);
		const char *start = col_str(&a, st, 1);
		const char *end = col_str(&a, st, 2);
		const char *status = col_str(&a, st, 3);

		text_today(today);
		if ((what & ACTION_WARN_PLAN) && strcmp(end, today) < 0)
			warn(w, "plan_id",
			     arena_printf(&a, "the plan '%s' ended on %s", title,
					  date_words(&a, end)));
		else if ((what & ACTION_WARN_PLAN) && strcmp(status, "closed") == 0)
			warn(w, "plan_id",
			     arena_printf(&a, "the plan '%s' is closed", title));
		if ((what & ACTION_WARN_DUE) && due_on && strcmp(due_on, end) > 0)
			warn(w, "due_on",
			     arena_printf(&a, "the due date, %s, is after the end "
					  "of the plan's period (%s)",
					  date_words(&a, due_on), date_words(&a, end)));
		else if ((what & ACTION_WARN_DUE) && due_on && strcmp(due_on, start) < 0)
			warn(w, "due_on",
			     arena_printf(&a, "the due date, %s, is before the start "
					  "of the plan's period (%s)",
					  date_words(&a, due_on),
					  date_words(&a, start)));
	}
	db_done(st);
	arena_release(&a);
	return rc == DB_ERROR ? -1 : 0;
}

/* ---------------------------------------------------------------------
 * Counts for the overview
 */

static int status_index(const char *code)
{
	for (int i = 0; action_statuses[i].code; i++)
		if (strcmp(action_statuses[i].code, code) == 0)
			return i;
	return -1;
}

struct theme_status *store_action_status_by_theme(struct store *s,
						  struct arena *a,
						  int64_t plan_id,
						  const char *today, size_t *n,
						  struct err *e)
{
	/* Every theme of the plan (even with no actions), then actions with
	 * no theme, counted by status. */
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT t.id, t.name, a.status, count(a.id),"
		"  sum(CASE WHEN " OVERDUE_SQL("a") " THEN 1 ELSE 0 END),"
		"  0 AS none, t.position AS pos, sum(a.is_example)"
		" FROM theme t LEFT JOIN action a ON a.theme_id = t.id"
		"  AND a.archived_at IS NULL"
		" WHERE t.plan_id = :plan"
		" GROUP BY t.id, t.name, t.position, a.status"
		" UNION ALL"
		" SELECT 0, NULL, a.status, count(a.id),"
		"  sum(CASE WHEN " OVERDUE_SQL("a") " THEN 1 ELSE 0 END), 1, 0,"
		"  sum(a.is_example)"
		" FROM action a WHERE a.plan_id = :plan AND a.theme_id IS NULL"
		"  AND a.archived_at IS NULL"
		" GROUP BY a.status"
		" ORDER BY 6, 7, 1",
		e);
	struct theme_status *list = NULL, *cur = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":plan", plan_id);
	db_bind_text(st, ":today", today);
	while ((rc = db_step(st, e)) == DB_ROW) {
		int64_t tid = db_col_int(st, 0);
		const char *status = db_col_text(st, 2);
		int k;

		if (!cur || cur->theme_id != tid) {
			cur = VEC_PUSH(a, list, n, &cap);
			cur->theme_id = tid;
			cur->theme_name = col_str(a, st, 1);
		}
		if (!status)
			continue;
		k = status_index(status);
		if (k >= 0 && (size_t)k < ARRAY_SIZE(cur->by_status))
			cur->by_status[k] += db_col_int(st, 3);
		cur->total += db_col_int(st, 3);
		cur->overdue += db_col_int(st, 4);
		cur->example += db_col_int(st, 7);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}
