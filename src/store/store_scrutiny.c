/*
 * store_scrutiny.c: undertakings and requests, issues and their
 * timelines, the forward plan, a plan's approval path.
 */
#include "base/text.h"
#include "store_audit.h"
#include "store_int.h"
#include "store_scrutiny.h"

const struct choice undertaking_kinds[] = {
	{ "undertaking", "Undertaking" },
	{ "request", "Request" },
	{ NULL, NULL },
};

const struct choice undertaking_statuses[] = {
	{ "open", "Open" },
	{ "discharged", "Discharged" },
	{ NULL, NULL },
};

/* Does a row with this id exist?  1 yes, 0 no, -1 with e set. */
enum { ROW_BODY, ROW_MEETING, ROW_ITEM, ROW_PERSON, ROW_PLAN, ROW_ISSUE };

static int row_exists(struct store *s, int which, int64_t id, struct err *e)
{
	static const char *const sql[] = {
		[ROW_BODY] = "SELECT 1 FROM body WHERE id = :id",
		[ROW_MEETING] = "SELECT 1 FROM meeting WHERE id = :id",
		[ROW_ITEM] = "SELECT 1 FROM agenda_item WHERE id = :id",
		[ROW_PERSON] = "SELECT 1 FROM person WHERE id = :id",
		[ROW_PLAN] = "SELECT 1 FROM plan WHERE id = :id",
		[ROW_ISSUE] = "SELECT 1 FROM issue WHERE id = :id",
	};
	struct db_stmt *st = db_prepare(s->db, sql[which], e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	db_done(st);
	return rc == DB_ERROR ? -1 : rc == DB_ROW;
}

/* Fail with ERR_INVALID on field unless id names a row (0 passes). */
static int check_row(struct store *s, int which, int64_t id,
		     const char *field, const char *what, struct err *e)
{
	int rc;

	if (!id)
		return 0;
	if ((rc = row_exists(s, which, id, e)) < 0)
		return -1;
	if (!rc)
		return err_set(e, ERR_INVALID, field, "there is no %s %lld",
			       what, (long long)id);
	return 0;
}

/* ---------------------------------------------------------------------
 * Reading undertakings
 */

#define UND_COLUMNS                                                       \
	"u.id, u.kind, u.text, u.owner, u.owner_id, w.name, u.to_body_id,"  \
	" tb.name, u.item_id, gi.number, gi.title, gm.id, gm.date, gb.id,"  \
	" gb.name, u.due_meeting_id, dm.date, dm.status, db.id, db.name,"   \
	" u.due_date, coalesce(dm.date, u.due_date), u.status,"             \
	" u.discharged_by_item_id, xi.number, xi.title, xm.date,"           \
	" u.discharged_on, u.note, " UNDERTAKING_OVERDUE_SQL ","             \
	" u.is_example"
#define UND_FROM                                                          \
	" FROM undertaking u LEFT JOIN person w ON w.id = u.owner_id"       \
	" LEFT JOIN body tb ON tb.id = u.to_body_id"                        \
	" LEFT JOIN agenda_item gi ON gi.id = u.item_id"                    \
	" LEFT JOIN meeting gm ON gm.id = gi.meeting_id"                    \
	" LEFT JOIN body gb ON gb.id = gm.body_id"                          \
	" LEFT JOIN meeting dm ON dm.id = u.due_meeting_id"                 \
	" LEFT JOIN body db ON db.id = dm.body_id"                          \
	" LEFT JOIN agenda_item xi ON xi.id = u.discharged_by_item_id"      \
	" LEFT JOIN meeting xm ON xm.id = xi.meeting_id"
#define UND_ORDER                                                         \
	" ORDER BY coalesce(dm.date, u.due_date) IS NULL,"                  \
	" coalesce(dm.date, u.due_date), u.id"

static void read_undertaking(struct arena *a, struct db_stmt *st,
			     struct undertaking *u)
{
	u->id = db_col_int(st, 0);
	u->kind = col_str(a, st, 1);
	u->text = col_str(a, st, 2);
	u->owner = col_str(a, st, 3);
	u->owner_id = db_col_int(st, 4);
	u->owner_name = col_str(a, st, 5);
	u->to_body_id = db_col_int(st, 6);
	u->to_body_name = col_str(a, st, 7);
	u->item_id = db_col_int(st, 8);
	u->item_number = col_str(a, st, 9);
	u->item_title = col_str(a, st, 10);
	u->meeting_id = db_col_int(st, 11);
	u->meeting_date = col_str(a, st, 12);
	u->body_id = db_col_int(st, 13);
	u->body_name = col_str(a, st, 14);
	u->due_meeting_id = db_col_int(st, 15);
	u->due_meeting_date = col_str(a, st, 16);
	u->due_meeting_status = col_str(a, st, 17);
	u->due_body_id = db_col_int(st, 18);
	u->due_body_name = col_str(a, st, 19);
	u->due_date = col_str(a, st, 20);
	u->due = col_str(a, st, 21);
	u->status = col_str(a, st, 22);
	u->discharged_by_item_id = db_col_int(st, 23);
	u->discharged_by_number = col_str(a, st, 24);
	u->discharged_by_title = col_str(a, st, 25);
	u->discharged_by_date = col_str(a, st, 26);
	u->discharged_on = col_str(a, st, 27);
	u->note = col_str(a, st, 28);
	u->overdue = db_col_int(st, 29) != 0;
	u->example = db_col_int(st, 30) != 0;
}

static struct undertaking *undertaking_list(struct arena *a,
					    struct db_stmt *st, size_t *n,
					    struct err *e)
{
	struct undertaking *list = NULL;
	size_t cap = 0;
	int rc;

	while ((rc = db_step(st, e)) == DB_ROW)
		read_undertaking(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

struct undertaking *store_undertakings(struct store *s, struct arena *a,
				       const struct undertaking_filter *f,
				       size_t *n, struct err *e)
{
	const char *status = f->status ? f->status : "";
	struct db_stmt *st;

	*n = 0;
	if (*status && strcmp(status, "open") && strcmp(status, "overdue") &&
	    strcmp(status, "discharged")) {
		err_set(e, ERR_INVALID, "status",
			"must be open, overdue or discharged, not '%.40s'",
			status);
		return NULL;
	}
	st = db_prepare(
		s->db,
		"SELECT " UND_COLUMNS UND_FROM
		" WHERE (:status = '' OR (:status = 'overdue' AND "
		UNDERTAKING_OVERDUE_SQL ") OR (:status <> 'overdue' AND"
		"  u.status = :status))"
		"  AND (:body = 0 OR u.to_body_id = :body OR gm.body_id = :body"
		"   OR dm.body_id = :body)"
		"  AND (:due = 0 OR u.due_meeting_id = :due)"
		"  AND (:item = 0 OR u.item_id = :item)" UND_ORDER,
		e);
	if (!st)
		return NULL;
	db_bind_text(st, ":status", status);
	db_bind_int(st, ":body", f->body_id);
	db_bind_int(st, ":due", f->due_meeting_id);
	db_bind_int(st, ":item", f->item_id);
	db_bind_text(st, ":today", f->today);
	return undertaking_list(a, st, n, e);
}

struct undertaking *store_undertaking(struct store *s, struct arena *a,
				      int64_t id, const char *today,
				      struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " UND_COLUMNS UND_FROM " WHERE u.id = :id", e);
	struct undertaking *u = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":today", today);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		u = arena_new(a, struct undertaking);
		read_undertaking(a, st, u);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "undertaking", id);
	return u;
}

struct undertaking *store_undertakings_for_meeting(struct store *s,
						   struct arena *a,
						   int64_t meeting_id,
						   const char *today, size_t *n,
						   struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " UND_COLUMNS UND_FROM
		" JOIN meeting m ON m.id = :m"
		" WHERE u.status = 'open' AND (u.due_meeting_id = m.id"
		"  OR (u.due_meeting_id IS NULL AND gm.body_id = m.body_id"
		"   AND (gm.date < m.date OR (gm.date = m.date"
		"    AND gm.id < m.id))))" UND_ORDER,
		e);

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":m", meeting_id);
	db_bind_text(st, ":today", today);
	return undertaking_list(a, st, n, e);
}

int64_t store_undertakings_overdue_count(struct store *s, const char *today,
					 struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT count(*) FROM undertaking u"
		" LEFT JOIN meeting dm ON dm.id = u.due_meeting_id"
		" WHERE " UNDERTAKING_OVERDUE_SQL,
		e);
	int64_t v = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, ":today", today);
	if ((rc = db_step(st, e)) == DB_ROW)
		v = db_col_int(st, 0);
	db_done(st);
	return rc == DB_ERROR ? -1 : v;
}

struct undertaking *store_forward_undertakings(struct store *s,
					       struct arena *a,
					       const char *today, size_t *n,
					       struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " UND_COLUMNS UND_FROM
		" WHERE u.status = 'open' AND ((dm.id IS NOT NULL"
		"  AND dm.date >= :today AND dm.status <> 'cancelled')"
		"  OR (u.due_date IS NOT NULL AND u.due_date >= :today))" UND_ORDER,
		e);

	*n = 0;
	if (!st)
		return NULL;
	db_bind_text(st, ":today", today);
	return undertaking_list(a, st, n, e);
}

/* ---------------------------------------------------------------------
 * Writing undertakings: the stored row with the given fields laid over
 * it, checked whole, every column written.
 */

struct und_row {
	char *kind, *text, *owner, *due_date, *status, *discharged_on, *note;
	int64_t owner_id, to_body_id, item_id, due_meeting_id;
	int64_t discharged_by_item_id;
	bool example;
};

static int load_und(struct store *s, struct arena *a, int64_t id,
		    struct und_row *r, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT kind, text, owner, owner_id, to_body_id, item_id,"
		"  due_meeting_id, due_date, status, discharged_by_item_id,"
		"  discharged_on, note, is_example FROM undertaking WHERE id = :id",
		e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		r->kind = (char *)col_str(a, st, 0);
		r->text = (char *)col_str(a, st, 1);
		r->owner = (char *)col_str(a, st, 2);
		r->owner_id = db_col_int(st, 3);
		r->to_body_id = db_col_int(st, 4);
		r->item_id = db_col_int(st, 5);
		r->due_meeting_id = db_col_int(st, 6);
		r->due_date = (char *)col_str(a, st, 7);
		r->status = (char *)col_str(a, st, 8);
		r->discharged_by_item_id = db_col_int(st, 9);
		r->discharged_on = (char *)col_str(a, st, 10);
		r->note = (char *)col_str(a, st, 11);
		r->example = db_col_int(st, 12) != 0;
	}
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	return rc == DB_ROW ? 0 : not_found(e, "undertaking", id);
}

static void apply_und(struct und_row *r, const struct undertaking_input *in,
		      char today[11])
{
	bool was_open = !r->status || !strcmp(r->status, "open");

	if (in->set & UND_KIND)
		r->kind = (char *)in->kind;
	if (in->set & UND_TEXT)
		r->text = (char *)in->text;
	if (in->set & UND_OWNER)
		r->owner = (char *)in->owner;
	if (in->set & UND_OWNER_ID)
		r->owner_id = in->owner_id;
	if (in->set & UND_TO_BODY)
		r->to_body_id = in->to_body_id;
	if (in->set & UND_ITEM)
		r->item_id = in->item_id;
	if (in->set & UND_DUE_MEETING) {
		r->due_meeting_id = in->due_meeting_id;
		if (in->due_meeting_id && !(in->set & UND_DUE_DATE))
			r->due_date = NULL;
	}
	if (in->set & UND_DUE_DATE) {
		r->due_date = (char *)in->due_date;
		if (in->due_date && !(in->set & UND_DUE_MEETING))
			r->due_meeting_id = 0;
	}
	if (in->set & UND_STATUS)
		r->status = (char *)in->status;
	if (in->set & UND_DISCHARGED_BY)
		r->discharged_by_item_id = in->discharged_by_item_id;
	if (in->set & UND_DISCHARGED_ON)
		r->discharged_on = (char *)in->discharged_on;
	if (in->set & UND_NOTE)
		r->note = (char *)in->note;
	if (!r->kind)
		r->kind = "undertaking";
	if (!r->status)
		r->status = "open";
	if (!strcmp(r->status, "open") && (in->set & UND_STATUS) && !was_open) {
		/* reopened: what discharged it no longer stands */
		if (!(in->set & UND_DISCHARGED_BY))
			r->discharged_by_item_id = 0;
		if (!(in->set & UND_DISCHARGED_ON))
			r->discharged_on = NULL;
	}
	if (!strcmp(r->status, "discharged") && !r->discharged_on) {
		text_today(today);
		r->discharged_on = today;
	}
}

static bool keep(struct err_list *l, const struct err *e)
{
	err_list_add(l, e);
	return e->code == ERR_DB || e->code == ERR_BUSY;
}

static int check_und(struct store *s, const struct und_row *r,
		     struct err_list *l)
{
	struct err e = ERR_INIT;
	size_t before = l->n;

	if (check_choice(undertaking_kinds, r->kind, "kind", false, &e) < 0)
		keep(l, &e);
	if (text_check_block(r->text, "text", 4000, true, &e) < 0)
		keep(l, &e);
	if (text_check_line(r->owner, "owner", 300, false, &e) < 0)
		keep(l, &e);
	if (text_check_block(r->note, "note", 4000, false, &e) < 0)
		keep(l, &e);
	if (check_choice(undertaking_statuses, r->status, "status", false,
			 &e) < 0)
		keep(l, &e);
	if (r->due_date && text_date(r->due_date, "due_date", &e) < 0)
		keep(l, &e);
	if (r->discharged_on &&
	    text_date(r->discharged_on, "discharged_on", &e) < 0)
		keep(l, &e);
	if (r->due_date && r->due_meeting_id) {
		err_set(&e, ERR_INVALID, "due_date",
			"give due_meeting_id or due_date, not both");
		keep(l, &e);
	}
	if (r->status && !strcmp(r->status, "open") &&
	    (r->discharged_by_item_id || r->discharged_on)) {
		err_set(&e, ERR_INVALID,
			r->discharged_by_item_id ? "discharged_by_item_id"
						 : "discharged_on",
			"only a discharged undertaking has this: set status "
			"to discharged");
		keep(l, &e);
	}
	if (check_row(s, ROW_PERSON, r->owner_id, "owner_id", "person",
		      &e) < 0 && keep(l, &e))
		return -1;
	if (check_row(s, ROW_BODY, r->to_body_id, "to_body_id", "body",
		      &e) < 0 && keep(l, &e))
		return -1;
	if (check_row(s, ROW_ITEM, r->item_id, "item_id", "agenda item",
		      &e) < 0 && keep(l, &e))
		return -1;
	if (check_row(s, ROW_MEETING, r->due_meeting_id, "due_meeting_id",
		      "meeting", &e) < 0 && keep(l, &e))
		return -1;
	if (check_row(s, ROW_ITEM, r->discharged_by_item_id,
		      "discharged_by_item_id", "agenda item", &e) < 0 &&
	    keep(l, &e))
		return -1;
	return l->n > before ? -1 : 0;
}

struct und_args {
	int64_t id; /* 0: create */
	const struct undertaking_input *in;
	int64_t *new_id;
};

static int write_und(struct store *s, void *arg, struct err *e)
{
	struct und_args *u = arg;
	struct arena a = ARENA_INIT;
	struct und_row row = { 0 };
	struct audit_snap snap;
	struct err_list first = { e, 0, 1 };
	struct db_stmt *st;
	char today[11];
	int64_t id = u->id;
	int rc = -1;

	if (u->id && load_und(s, &a, u->id, &row, e) < 0)
		goto out;
	if (!u->id)
		row.example = u->in->example;
	apply_und(&row, u->in, today);
	if (check_und(s, &row, &first) < 0 ||
	    audit_before(s, &snap, AUDIT_UNDERTAKING, u->id, e) < 0)
		goto out;
	if (u->id)
		st = db_prepare(
			s->db,
			"UPDATE undertaking SET kind = :kind, text = :text,"
			"  owner = :owner, owner_id = :owner_id,"
			"  to_body_id = :to_body, item_id = :item,"
			"  due_meeting_id = :due_m, due_date = :due_d,"
			"  status = :status, discharged_by_item_id = :by,"
			"  discharged_on = :on, note = :note WHERE id = :id",
			e);
	else
		st = db_prepare(
			s->db,
			"INSERT INTO undertaking (kind, text, owner, owner_id,"
			"  to_body_id, item_id, due_meeting_id, due_date, status,"
			"  discharged_by_item_id, discharged_on, note, is_example)"
			" VALUES (:kind, :text, :owner, :owner_id, :to_body,"
			"  :item, :due_m, :due_d, :status, :by, :on, :note, :ex)"
			" RETURNING id",
			e);
	if (!st) {
		audit_discard(&snap);
		goto out;
	}
	if (u->id)
		db_bind_int(st, ":id", u->id);
	else
		db_bind_int(st, ":ex", row.example);
	db_bind_text(st, ":kind", row.kind);
	db_bind_text(st, ":text", row.text);
	db_bind_text(st, ":owner", row.owner);
	db_bind_id(st, ":owner_id", row.owner_id);
	db_bind_id(st, ":to_body", row.to_body_id);
	db_bind_id(st, ":item", row.item_id);
	db_bind_id(st, ":due_m", row.due_meeting_id);
	db_bind_text(st, ":due_d", row.due_date);
	db_bind_text(st, ":status", row.status);
	db_bind_id(st, ":by", row.discharged_by_item_id);
	db_bind_text(st, ":on", row.discharged_on);
	db_bind_text(st, ":note", row.note);
	if (db_exec(st, u->id ? NULL : &id, e) < 0) {
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

int store_undertaking_create(struct store *s, const struct undertaking_input *in,
			     int64_t *id, struct err *e)
{
	struct und_args u = { 0, in, id };

	if (!(in->set & UND_TEXT))
		return err_set(e, ERR_INVALID, "text", "must not be empty");
	return in_transaction(s, write_und, &u, e);
}

int store_undertaking_update(struct store *s, int64_t id,
			     const struct undertaking_input *in, struct err *e)
{
	struct und_args u = { id, in, NULL };

	return in_transaction(s, write_und, &u, e);
}

int store_undertaking_check(struct store *s, int64_t id,
			    const struct undertaking_input *in,
			    struct err_list *l)
{
	struct arena a = ARENA_INIT;
	struct und_row row = { 0 };
	struct err e = ERR_INIT;
	char today[11];
	int rc;

	if (id && load_und(s, &a, id, &row, &e) < 0) {
		err_list_add(l, &e);
		arena_release(&a);
		return -1;
	}
	apply_und(&row, in, today);
	rc = check_und(s, &row, l);
	arena_release(&a);
	return rc;
}

int store_undertaking_discharge(struct store *s, int64_t id, int64_t by_item_id,
				const char *on, struct err *e)
{
	struct undertaking_input in = { 0 };

	in.set = UND_STATUS | UND_DISCHARGED_BY;
	in.status = "discharged";
	in.discharged_by_item_id = by_item_id;
	if (on) {
		in.set |= UND_DISCHARGED_ON;
		in.discharged_on = on;
	}
	return store_undertaking_update(s, id, &in, e);
}

static const struct remove_spec undertaking_remove = {
	AUDIT_UNDERTAKING,
	"undertaking",
	"SELECT NULL WHERE 0 AND :id",
	"SELECT NULL WHERE 0 AND :id",
	"DELETE FROM undertaking WHERE id = :id",
};

int store_undertaking_delete(struct store *s, int64_t id, struct err *e)
{
	return store_remove(s, &undertaking_remove, id, REMOVE_DELETE, NULL, e);
}

/* ---------------------------------------------------------------------
 * Issues
 */

#define ISSUE_COLUMNS                                                     \
	"i.id, i.title, i.description, i.plan_id, p.title,"                 \
	" (SELECT count(*) FROM issue_item x WHERE x.issue_id = i.id),"     \
	" (SELECT min(m.date) FROM issue_item x JOIN agenda_item t"         \
	"   ON t.id = x.item_id JOIN meeting m ON m.id = t.meeting_id"      \
	"   WHERE x.issue_id = i.id),"                                      \
	" (SELECT max(m.date) FROM issue_item x JOIN agenda_item t"         \
	"   ON t.id = x.item_id JOIN meeting m ON m.id = t.meeting_id"      \
	"   WHERE x.issue_id = i.id), i.archived_at, i.is_example"          \
	" FROM issue i LEFT JOIN plan p ON p.id = i.plan_id"

static void read_issue(struct arena *a, struct db_stmt *st, struct issue *x)
{
	x->id = db_col_int(st, 0);
	x->title = col_str(a, st, 1);
	x->description = col_str(a, st, 2);
	x->plan_id = db_col_int(st, 3);
	x->plan_title = col_str(a, st, 4);
	x->n_items = db_col_int(st, 5);
	x->first_date = col_str(a, st, 6);
	x->last_date = col_str(a, st, 7);
	x->archived_at = col_str(a, st, 8);
	x->example = db_col_int(st, 9) != 0;
}

struct issue *store_issues(struct store *s, struct arena *a, size_t *n,
			   struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " ISSUE_COLUMNS " WHERE i.archived_at IS NULL"
		" ORDER BY i.title COLLATE NOCASE, i.id",
		e);
	struct issue *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW)
		read_issue(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

struct issue *store_issue(struct store *s, struct arena *a, int64_t id,
			  struct err *e)
{
	struct db_stmt *st =
		db_prepare(s->db, "SELECT " ISSUE_COLUMNS " WHERE i.id = :id", e);
	struct issue *x = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		x = arena_new(a, struct issue);
		read_issue(a, st, x);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "issue", id);
	return x;
}

static int timeline_resolutions(struct store *s, struct arena *a,
				struct tl_entry *t, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT r.id, r.kind, r.text, r.to_body_id, b.name"
		" FROM resolution r LEFT JOIN body b ON b.id = r.to_body_id"
		" WHERE r.item_id = :id ORDER BY r.position, r.id",
		e);
	size_t cap = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", t->item_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct tl_resolution *r =
			VEC_PUSH(a, t->resolutions, &t->n_resolutions, &cap);

		r->id = db_col_int(st, 0);
		r->kind = col_str(a, st, 1);
		r->text = col_str(a, st, 2);
		r->to_body_id = db_col_int(st, 3);
		r->to_body_name = col_str(a, st, 4);
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

static int timeline_attachments(struct store *s, struct arena *a,
				struct tl_entry *t, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, name, content_type, bytes FROM attachment"
		" WHERE item_id = :id ORDER BY name, id",
		e);
	size_t cap = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", t->item_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct tl_attachment *x =
			VEC_PUSH(a, t->attachments, &t->n_attachments, &cap);

		x->id = db_col_int(st, 0);
		x->name = col_str(a, st, 1);
		x->content_type = col_str(a, st, 2);
		x->bytes = db_col_int(st, 3);
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

/* The indicators linked to the item, or to a theme (or a priority area
 * of a theme) of the issue's plan, each with its latest value whose
 * period ended on or before the meeting's date: the partnership's area
 * first, else the area with the latest such value. */
static int timeline_figures(struct store *s, struct arena *a,
			    struct tl_entry *t, int64_t plan_id, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"WITH ind(id) AS ("
		"  SELECT target_id FROM item_link"
		"  WHERE item_id = :item AND kind = 'indicator'"
		"  UNION SELECT l.indicator_id FROM indicator_link l"
		"  JOIN theme th ON th.id = l.target_id"
		"  WHERE l.kind = 'theme' AND th.plan_id = :plan"
		"  UNION SELECT l.indicator_id FROM indicator_link l"
		"  JOIN priority pr ON pr.id = l.target_id"
		"  JOIN theme th ON th.id = pr.theme_id"
		"  WHERE l.kind = 'priority' AND th.plan_id = :plan),"
		" home(area) AS (SELECT lower(coalesce((SELECT area FROM"
		"  partnership ORDER BY id LIMIT 1), '')))"
		" SELECT i.id, i.code, i.name, i.unit, v.value, v.period,"
		"  v.period_end, v.area"
		" FROM ind JOIN indicator i ON i.id = ind.id"
		" LEFT JOIN indicator_value v ON v.id = ("
		"  SELECT v2.id FROM indicator_value v2"
		"  WHERE v2.indicator_id = i.id AND v2.period_end <= :date"
		"   AND v2.value IS NOT NULL"
		"  ORDER BY lower(v2.area) = (SELECT area FROM home) DESC,"
		"   v2.period_end DESC, v2.id DESC LIMIT 1)"
		" ORDER BY i.name, i.id",
		e);
	size_t cap = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":item", t->item_id);
	db_bind_int(st, ":plan", plan_id);
	db_bind_text(st, ":date", t->date);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct tl_figure *f =
			VEC_PUSH(a, t->figures, &t->n_figures, &cap);

		f->indicator_id = db_col_int(st, 0);
		f->code = col_str(a, st, 1);
		f->name = col_str(a, st, 2);
		f->unit = col_str(a, st, 3);
		f->has_value = !db_col_null(st, 4);
		f->value = db_col_double(st, 4);
		f->period = col_str(a, st, 5);
		f->period_end = col_str(a, st, 6);
		f->area = col_str(a, st, 7);
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

struct tl_entry *store_issue_timeline(struct store *s, struct arena *a,
				      int64_t issue_id, size_t *n,
				      struct err *e)
{
	struct issue *is;
	struct db_stmt *st;
	struct tl_entry *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!(is = store_issue(s, a, issue_id, e)))
		return NULL;
	st = db_prepare(
		s->db,
		"SELECT t.id, t.number, t.title, t.summary, m.id, m.date, m.time,"
		"  m.status, b.id, b.name"
		" FROM issue_item x JOIN agenda_item t ON t.id = x.item_id"
		" JOIN meeting m ON m.id = t.meeting_id"
		" JOIN body b ON b.id = m.body_id"
		" WHERE x.issue_id = :id"
		" ORDER BY m.date, m.time IS NULL, m.time, m.id, t.position, t.id",
		e);
	if (!st)
		return NULL;
	db_bind_int(st, ":id", issue_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct tl_entry *t = VEC_PUSH(a, list, n, &cap);

		t->item_id = db_col_int(st, 0);
		t->number = col_str(a, st, 1);
		t->title = col_str(a, st, 2);
		t->summary = col_str(a, st, 3);
		t->meeting_id = db_col_int(st, 4);
		t->date = col_str(a, st, 5);
		t->time = col_str(a, st, 6);
		t->meeting_status = col_str(a, st, 7);
		t->body_id = db_col_int(st, 8);
		t->body_name = col_str(a, st, 9);
	}
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	for (size_t i = 0; i < *n; i++)
		if (timeline_resolutions(s, a, &list[i], e) < 0 ||
		    timeline_attachments(s, a, &list[i], e) < 0 ||
		    timeline_figures(s, a, &list[i], is->plan_id, e) < 0)
			return NULL;
	return LIST_RESULT(a, list);
}

struct issue_args {
	int64_t id;
	const struct issue_input *in;
	int64_t *new_id;
	int64_t item_id; /* for add/remove */
};

static int write_issue(struct store *s, void *arg, struct err *e)
{
	struct issue_args *u = arg;
	const struct issue_input *in = u->in;
	struct arena a = ARENA_INIT;
	struct audit_snap snap;
	struct db_stmt *st;
	const char *title = NULL, *desc = NULL;
	int64_t plan_id = 0, id = u->id;
	int rc = -1;

	if (u->id) {
		struct issue *x = store_issue(s, &a, u->id, e);

		if (!x)
			goto out;
		title = x->title;
		desc = x->description;
		plan_id = x->plan_id;
	}
	if (in->set & ISSUE_TITLE)
		title = in->title;
	if (in->set & ISSUE_DESCRIPTION)
		desc = in->description;
	if (in->set & ISSUE_PLAN)
		plan_id = in->plan_id;
	if (text_check_line(title, "title", 200, true, e) < 0 ||
	    text_check_block(desc, "description", 10000, false, e) < 0 ||
	    check_row(s, ROW_PLAN, plan_id, "plan_id", "plan", e) < 0)
		goto out;
	if (audit_before(s, &snap, AUDIT_ISSUE, u->id, e) < 0)
		goto out;
	if (u->id)
		st = db_prepare(s->db,
				"UPDATE issue SET title = :title,"
				"  description = :desc, plan_id = :plan"
				" WHERE id = :id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO issue (title, description, plan_id,"
				"  is_example) VALUES (:title, :desc, :plan, :ex)"
				" RETURNING id",
				e);
	if (!st) {
		audit_discard(&snap);
		goto out;
	}
	if (u->id)
		db_bind_int(st, ":id", u->id);
	else
		db_bind_int(st, ":ex", in->example);
	db_bind_text(st, ":title", title);
	db_bind_text(st, ":desc", desc);
	db_bind_id(st, ":plan", plan_id);
	if (db_exec(st, u->id ? NULL : &id, e) < 0) {
		audit_discard(&snap);
		if (e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "title",
				"there is already an issue '%.150s'", title);
		goto out;
	}
	if (u->new_id)
		*u->new_id = id;
	rc = audit_after(s, &snap, id, e);
out:
	arena_release(&a);
	return rc;
}

int store_issue_create(struct store *s, const struct issue_input *in,
		       int64_t *id, struct err *e)
{
	struct issue_args u = { 0, in, id, 0 };

	if (!(in->set & ISSUE_TITLE))
		return err_set(e, ERR_INVALID, "title", "must not be empty");
	return in_transaction(s, write_issue, &u, e);
}

int store_issue_update(struct store *s, int64_t id,
		       const struct issue_input *in, struct err *e)
{
	struct issue_args u = { id, in, NULL, 0 };

	return in_transaction(s, write_issue, &u, e);
}

/* Change one item's membership of an issue (add true: put it in). */
static int set_membership(struct store *s, int64_t issue_id, int64_t item_id,
			  bool add, struct err *e)
{
	struct audit_snap snap;
	struct db_stmt *st;

	if (audit_before(s, &snap, AUDIT_ITEM, item_id, e) < 0)
		return -1;
	st = db_prepare(s->db,
			add ? "INSERT OR IGNORE INTO issue_item (issue_id, item_id)"
			      " VALUES (:issue, :item)"
			    : "DELETE FROM issue_item"
			      " WHERE issue_id = :issue AND item_id = :item",
			e);
	if (!st) {
		audit_discard(&snap);
		return -1;
	}
	db_bind_int(st, ":issue", issue_id);
	db_bind_int(st, ":item", item_id);
	if (db_exec(st, NULL, e) < 0) {
		audit_discard(&snap);
		return -1;
	}
	return audit_after(s, &snap, item_id, e);
}

static int membership(struct store *s, void *arg, struct err *e, bool add)
{
	struct issue_args *u = arg;
	int rc;

	if ((rc = row_exists(s, ROW_ISSUE, u->id, e)) < 0)
		return -1;
	if (!rc)
		return not_found(e, "issue", u->id);
	if (check_row(s, ROW_ITEM, u->item_id, "item_id", "agenda item", e) < 0)
		return -1;
	if (!u->item_id)
		return err_set(e, ERR_INVALID, "item_id", "must be given");
	return set_membership(s, u->id, u->item_id, add, e);
}

static int add_item(struct store *s, void *arg, struct err *e)
{
	return membership(s, arg, e, true);
}

static int remove_item(struct store *s, void *arg, struct err *e)
{
	return membership(s, arg, e, false);
}

int store_issue_add_item(struct store *s, int64_t issue_id, int64_t item_id,
			 struct err *e)
{
	struct issue_args u = { issue_id, NULL, NULL, item_id };

	return in_transaction(s, add_item, &u, e);
}

int store_issue_remove_item(struct store *s, int64_t issue_id, int64_t item_id,
			    struct err *e)
{
	struct issue_args u = { issue_id, NULL, NULL, item_id };

	return in_transaction(s, remove_item, &u, e);
}

static int delete_issue(struct store *s, void *arg, struct err *e)
{
	struct issue_args *u = arg;
	struct audit_snap snap;
	struct db_stmt *st;
	int64_t *items = NULL;
	size_t n = 0, cap = 0;
	struct arena a = ARENA_INIT;
	int rc = -1;

	if (!(st = db_prepare(s->db,
			      "SELECT item_id FROM issue_item"
			      " WHERE issue_id = :id ORDER BY item_id",
			      e)))
		goto out;
	db_bind_int(st, ":id", u->id);
	while ((rc = db_step(st, e)) == DB_ROW)
		*VEC_PUSH(&a, items, &n, &cap) = db_col_int(st, 0);
	db_done(st);
	if (rc == DB_ERROR) {
		rc = -1;
		goto out;
	}
	rc = -1;
	for (size_t i = 0; i < n; i++)
		if (set_membership(s, u->id, items[i], false, e) < 0)
			goto out;
	if (audit_before(s, &snap, AUDIT_ISSUE, u->id, e) < 0)
		goto out;
	if (!snap.existed) {
		audit_discard(&snap);
		not_found(e, "issue", u->id);
		goto out;
	}
	if (!(st = db_prepare(s->db, "DELETE FROM issue WHERE id = :id", e))) {
		audit_discard(&snap);
		goto out;
	}
	db_bind_int(st, ":id", u->id);
	if (db_exec(st, NULL, e) < 0) {
		audit_discard(&snap);
		goto out;
	}
	rc = audit_after(s, &snap, u->id, e);
out:
	arena_release(&a);
	return rc;
}

int store_issue_delete(struct store *s, int64_t id, struct err *e)
{
	struct issue_args u = { id, NULL, NULL, 0 };

	return in_transaction(s, delete_issue, &u, e);
}

/* ---------------------------------------------------------------------
 * The forward plan, and a plan's approval path
 */

struct forward_item *store_forward_items(struct store *s, struct arena *a,
					 const char *today, size_t *n,
					 struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT m.id, m.date, m.time, m.status, b.id, b.name, t.id,"
		"  t.number, t.title"
		" FROM meeting m JOIN body b ON b.id = m.body_id"
		" LEFT JOIN agenda_item t ON t.meeting_id = m.id"
		"  AND t.archived_at IS NULL"
		" WHERE m.date >= :today AND m.status <> 'cancelled'"
		"  AND m.archived_at IS NULL"
		" ORDER BY m.date, m.time IS NULL, m.time, m.id, t.position, t.id",
		e);
	struct forward_item *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_text(st, ":today", today);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct forward_item *f = VEC_PUSH(a, list, n, &cap);

		f->meeting_id = db_col_int(st, 0);
		f->date = col_str(a, st, 1);
		f->time = col_str(a, st, 2);
		f->meeting_status = col_str(a, st, 3);
		f->body_id = db_col_int(st, 4);
		f->body_name = col_str(a, st, 5);
		f->item_id = db_col_int(st, 6);
		f->number = col_str(a, st, 7);
		f->title = col_str(a, st, 8);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

struct approval_step *store_plan_approval(struct store *s, struct arena *a,
					  int64_t plan_id, size_t *n,
					  struct err *e)
{
	struct db_stmt *st;
	struct approval_step *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if ((rc = row_exists(s, ROW_PLAN, plan_id, e)) < 0)
		return NULL;
	if (!rc) {
		not_found(e, "plan", plan_id);
		return NULL;
	}
	st = db_prepare(
		s->db,
		"SELECT r.id, r.kind, r.text, t.id, t.number, t.title, m.id,"
		"  m.date, b.id, b.name, r.to_body_id, tb.name"
		" FROM resolution r JOIN agenda_item t ON t.id = r.item_id"
		" JOIN meeting m ON m.id = t.meeting_id"
		" JOIN body b ON b.id = m.body_id"
		" LEFT JOIN body tb ON tb.id = r.to_body_id"
		" WHERE r.kind IN ('approved', 'recommended')"
		"  AND t.archived_at IS NULL AND m.status <> 'cancelled'"
		"  AND t.id IN (SELECT item_id FROM item_link"
		"   WHERE kind = 'plan' AND target_id = :plan"
		"   UNION SELECT x.item_id FROM issue_item x"
		"   JOIN issue i ON i.id = x.issue_id WHERE i.plan_id = :plan)"
		" ORDER BY m.date, m.time IS NULL, m.time, m.id, t.position,"
		"  r.position, r.id",
		e);
	if (!st)
		return NULL;
	db_bind_int(st, ":plan", plan_id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct approval_step *x = VEC_PUSH(a, list, n, &cap);

		x->resolution_id = db_col_int(st, 0);
		x->kind = col_str(a, st, 1);
		x->text = col_str(a, st, 2);
		x->item_id = db_col_int(st, 3);
		x->number = col_str(a, st, 4);
		x->title = col_str(a, st, 5);
		x->meeting_id = db_col_int(st, 6);
		x->date = col_str(a, st, 7);
		x->body_id = db_col_int(st, 8);
		x->body_name = col_str(a, st, 9);
		x->to_body_id = db_col_int(st, 10);
		x->to_body_name = col_str(a, st, 11);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

/* ---------------------------------------------------------------------
 * Choosing a meeting or an item
 */

static struct item_choice *choices(struct arena *a, struct db_stmt *st,
				   size_t *n, struct err *e)
{
	struct item_choice *list = NULL;
	size_t cap = 0;
	int rc;

	while ((rc = db_step(st, e)) == DB_ROW) {
		struct item_choice *c = VEC_PUSH(a, list, n, &cap);

		c->id = db_col_int(st, 0);
		c->meeting_id = db_col_int(st, 1);
		c->date = col_str(a, st, 2);
		c->body_name = col_str(a, st, 3);
		c->number = col_str(a, st, 4);
		c->title = col_str(a, st, 5);
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

struct item_choice *store_item_choices(struct store *s, struct arena *a,
				       size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT t.id, m.id, m.date, b.name, t.number, t.title"
		" FROM agenda_item t JOIN meeting m ON m.id = t.meeting_id"
		" JOIN body b ON b.id = m.body_id WHERE t.archived_at IS NULL"
		" ORDER BY m.date DESC, m.id DESC, t.position, t.id",
		e);

	*n = 0;
	return st ? choices(a, st, n, e) : NULL;
}

struct item_choice *store_meeting_choices(struct store *s, struct arena *a,
					  size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT m.id, m.id, m.date, b.name, NULL, b.name"
		" FROM meeting m JOIN body b ON b.id = m.body_id"
		" WHERE m.archived_at IS NULL AND m.status <> 'cancelled'"
		" ORDER BY m.date DESC, m.id DESC",
		e);

	*n = 0;
	return st ? choices(a, st, n, e) : NULL;
}
