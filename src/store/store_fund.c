/*
 * store_fund.c: funding streams and the awards made from them.
 *
 * "Awarded" is the sum of the amounts of awards that are awarded or
 * paid; proposed and withdrawn awards do not count, and awards whose
 * amount is not recorded are counted separately (n_unpriced) so that a
 * total is never presented as complete when it is not.
 */
#include "base/text.h"
#include "store_audit.h"
#include "store_fund.h"
#include "store_int.h"

#define FUND_COLUMNS                                                        \
	"f.id, f.name, f.year, f.grantor, f.allocation_pence, f.note,"      \
	" f.is_example,"                                                    \
	" (SELECT coalesce(sum(w.amount_pence), 0) FROM award w"            \
	"   WHERE w.fund_id = f.id AND w.status IN ('awarded', 'paid')"     \
	"   AND w.archived_at IS NULL),"                                    \
	" (SELECT count(*) FROM award w WHERE w.fund_id = f.id"             \
	"   AND w.status <> 'withdrawn' AND w.archived_at IS NULL),"        \
	" (SELECT count(*) FROM award w WHERE w.fund_id = f.id"             \
	"   AND w.status IN ('awarded', 'paid') AND w.amount_pence IS NULL"  \
	"   AND w.archived_at IS NULL),"                                    \
	" EXISTS (SELECT 1 FROM award w WHERE w.fund_id = f.id"            \
	"   AND w.status IN ('awarded', 'paid') AND w.archived_at IS NULL"  \
	"   AND w.amount_pence IS NOT NULL AND w.is_example),"             \
	" f.archived_at"

static void read_fund(struct arena *a, struct db_stmt *st, struct fund *f)
{
	f->id = db_col_int(st, 0);
	f->name = col_str(a, st, 1);
	f->year = col_str(a, st, 2);
	f->grantor = col_str(a, st, 3);
	f->allocation_pence = db_col_int(st, 4);
	f->note = col_str(a, st, 5);
	f->example = db_col_int(st, 6) != 0;
	f->awarded_pence = db_col_int(st, 7);
	f->n_awards = db_col_int(st, 8);
	f->n_unpriced = db_col_int(st, 9);
	f->awarded_example = db_col_int(st, 10) != 0;
	f->remaining_pence = f->allocation_pence - f->awarded_pence;
	f->archived_at = col_str(a, st, 11);
}

struct fund *store_funds(struct store *s, struct arena *a, const char *year,
			 bool with_awards, size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " FUND_COLUMNS " FROM fund f"
		" WHERE (:year = '' OR f.year = :year) AND f.archived_at IS NULL"
		" ORDER BY f.year DESC, f.allocation_pence DESC, f.id",
		e);
	struct fund *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_text(st, ":year", year ? year : "");
	while ((rc = db_step(st, e)) == DB_ROW)
		read_fund(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	if (with_awards)
		for (size_t i = 0; i < *n; i++) {
			list[i].awards = store_awards(s, a, list[i].id,
						      &list[i].n_award_list, e);
			if (!list[i].awards)
				return NULL;
		}
	return LIST_RESULT(a, list);
}

struct fund *store_fund(struct store *s, struct arena *a, int64_t id,
			struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " FUND_COLUMNS " FROM fund f WHERE f.id = :id", e);
	struct fund *f = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		f = arena_new(a, struct fund);
		read_fund(a, st, f);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "fund", id);
	if (f) {
		f->awards = store_awards(s, a, id, &f->n_award_list, e);
		if (!f->awards)
			return NULL;
	}
	return f;
}

const char **store_fund_years(struct store *s, struct arena *a, size_t *n,
			      struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT DISTINCT year FROM fund WHERE archived_at IS NULL"
		" ORDER BY year DESC", e);
	const char **list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW)
		*VEC_PUSH(a, list, n, &cap) = col_str(a, st, 0);
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

#define AWARD_COLUMNS                                                       \
	"w.id, w.fund_id, f.name, f.year, w.recipient, w.purpose,"          \
	" w.amount_pence, w.priority_id, pr.name, w.status, w.note,"        \
	" w.is_example, w.archived_at"
#define AWARD_FROM                                                          \
	" FROM award w JOIN fund f ON f.id = w.fund_id"                     \
	" LEFT JOIN priority pr ON pr.id = w.priority_id"

static void read_award(struct arena *a, struct db_stmt *st, struct award *w)
{
	w->id = db_col_int(st, 0);
	w->fund_id = db_col_int(st, 1);
	w->fund_name = col_str(a, st, 2);
	w->fund_year = col_str(a, st, 3);
	w->recipient = col_str(a, st, 4);
	w->purpose = col_str(a, st, 5);
	w->has_amount = !db_col_null(st, 6);
	w->amount_pence = db_col_int(st, 6);
	w->priority_id = db_col_int(st, 7);
	w->priority_name = col_str(a, st, 8);
	w->status = col_str(a, st, 9);
	w->note = col_str(a, st, 10);
	w->example = db_col_int(st, 11) != 0;
	w->archived_at = col_str(a, st, 12);
}

struct award *store_awards(struct store *s, struct arena *a, int64_t fund_id,
			   size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " AWARD_COLUMNS AWARD_FROM
		" WHERE (:fund = 0 OR w.fund_id = :fund) AND w.archived_at IS NULL"
		"  AND (:fund <> 0 OR f.archived_at IS NULL)"
		" ORDER BY f.year DESC, f.id, w.id",
		e);
	struct award *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":fund", fund_id);
	while ((rc = db_step(st, e)) == DB_ROW)
		read_award(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

struct award *store_award(struct store *s, struct arena *a, int64_t id,
			  struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " AWARD_COLUMNS AWARD_FROM " WHERE w.id = :id", e);
	struct award *w = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		w = arena_new(a, struct award);
		read_award(a, st, w);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "award", id);
	return w;
}

/* ---------------------------------------------------------------------
 * Writing funds and awards: as for actions, build the whole new row,
 * check it, write every column.
 */

/* Check a complete fund, keeping every problem in l. */
static int check_fund_all(const struct fund_input *f, struct err_list *l)
{
	struct err e = ERR_INIT;
	size_t before = l->n;

	if (text_check_line(f->name, "name", 200, true, &e) < 0)
		err_list_add(l, &e);
	if (text_financial_year(f->year, "year", &e) < 0)
		err_list_add(l, &e);
	if (text_check_line(f->grantor, "grantor", 200, false, &e) < 0)
		err_list_add(l, &e);
	if (text_check_block(f->note, "note", 5000, false, &e) < 0)
		err_list_add(l, &e);
	if (f->allocation_pence < 0) {
		err_set(&e, ERR_INVALID, "allocation_pence", "must not be negative");
		err_list_add(l, &e);
	}
	return l->n > before ? -1 : 0;
}

static int check_fund(const struct fund_input *f, struct err *e)
{
	struct err_list first = { e, 0, 1 };

	return check_fund_all(f, &first);
}

int store_fund_check(const struct fund_input *f, struct err_list *l)
{
	return check_fund_all(f, l);
}

static int fund_conflict(const struct fund_input *f, struct err *e)
{
	if (e && e->code == ERR_CONFLICT)
		err_set(e, ERR_CONFLICT, "name",
			"there is already a fund called '%s' in %s", f->name,
			f->year);
	return -1;
}

struct fund_create_args {
	const struct fund_input *in;
	int64_t *id;
};

static int create_fund(struct store *s, void *arg, struct err *e)
{
	struct fund_create_args *c = arg;
	const struct fund_input *in = c->in;
	struct audit_snap snap;
	struct db_stmt *st;
	int64_t id;

	if (audit_before(s, &snap, AUDIT_FUND, 0, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO fund (name, year, grantor, allocation_pence,"
			"  note, is_example)"
			" VALUES (:name, :year, :grantor, :alloc, :note, :ex)"
			" RETURNING id",
			e);
	if (!st)
		goto fail;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":year", in->year);
	db_bind_text(st, ":grantor", in->grantor);
	db_bind_int(st, ":alloc", in->allocation_pence);
	db_bind_text(st, ":note", in->note);
	db_bind_int(st, ":ex", in->example);
	if (db_exec(st, &id, e) < 0) {
		fund_conflict(in, e);
		goto fail;
	}
	if (c->id)
		*c->id = id;
	return audit_after(s, &snap, id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_fund_create(struct store *s, const struct fund_input *in,
		      int64_t *id, struct err *e)
{
	struct fund_create_args c = { in, id };

	if (!(in->set & FUND_ALLOCATION))
		return err_set(e, ERR_INVALID, "allocation_pence",
			       "must be given");
	if (check_fund(in, e) < 0)
		return -1;
	return in_transaction(s, create_fund, &c, e);
}

struct fund_update_args {
	int64_t id;
	const struct fund_input *in;
};

static int update_fund(struct store *s, void *arg, struct err *e)
{
	struct fund_update_args *u = arg;
	const struct fund_input *in = u->in;
	struct arena a = ARENA_INIT;
	struct fund *old = store_fund(s, &a, u->id, e);
	struct fund_input row;
	struct audit_snap snap;
	struct db_stmt *st;
	int rc = -1;

	if (!old)
		goto out;
	row.set = in->set;
	row.name = in->set & FUND_NAME ? in->name : old->name;
	row.year = in->set & FUND_YEAR ? in->year : old->year;
	row.grantor = in->set & FUND_GRANTOR ? in->grantor : old->grantor;
	row.allocation_pence = in->set & FUND_ALLOCATION ? in->allocation_pence
							 : old->allocation_pence;
	row.note = in->set & FUND_NOTE ? in->note : old->note;
	if (check_fund(&row, e) < 0 ||
	    audit_before(s, &snap, AUDIT_FUND, u->id, e) < 0)
		goto out;
	st = db_prepare(s->db,
			"UPDATE fund SET name = :name, year = :year,"
			"  grantor = :grantor, allocation_pence = :alloc,"
			"  note = :note WHERE id = :id",
			e);
	if (!st) {
		audit_discard(&snap);
		goto out;
	}
	db_bind_int(st, ":id", u->id);
	db_bind_text(st, ":name", row.name);
	db_bind_text(st, ":year", row.year);
	db_bind_text(st, ":grantor", row.grantor);
	db_bind_int(st, ":alloc", row.allocation_pence);
	db_bind_text(st, ":note", row.note);
	if (db_exec(st, NULL, e) < 0) {
		fund_conflict(&row, e);
		audit_discard(&snap);
		goto out;
	}
	rc = audit_after(s, &snap, u->id, e);
out:
	arena_release(&a);
	return rc;
}

int store_fund_update(struct store *s, int64_t id, const struct fund_input *in,
		      struct err *e)
{
	struct fund_update_args u = { id, in };

	return in_transaction(s, update_fund, &u, e);
}

/* Check a complete award, keeping every problem in l. */
static int check_award_all(struct store *s, const struct award_input *w,
			   struct err_list *l)
{
	struct err e = ERR_INIT;
	size_t before = l->n;

	if (check_exists(s, EXISTS_FUND, w->fund_id, "fund_id", &e) < 0)
		err_list_add(l, &e);
	if (text_check_line(w->recipient, "recipient", 200, true, &e) < 0)
		err_list_add(l, &e);
	if (text_check_block(w->purpose, "purpose", 5000, false, &e) < 0)
		err_list_add(l, &e);
	if (check_choice(award_statuses, w->status, "status", false, &e) < 0)
		err_list_add(l, &e);
	if (text_check_block(w->note, "note", 5000, false, &e) < 0)
		err_list_add(l, &e);
	if (w->priority_id &&
	    check_exists(s, EXISTS_PRIORITY, w->priority_id, "priority_id", &e) < 0)
		err_list_add(l, &e);
	if (w->has_amount && w->amount_pence < 0) {
		err_set(&e, ERR_INVALID, "amount_pence", "must not be negative");
		err_list_add(l, &e);
	}
	return l->n > before ? -1 : 0;
}

static int check_award(struct store *s, const struct award_input *w,
		       struct err *e)
{
	struct err_list first = { e, 0, 1 };

	return check_award_all(s, w, &first);
}

int store_award_check(struct store *s, const struct award_input *w,
		      struct err_list *l)
{
	struct award_input row = *w;

	if (!(w->set & AWARD_STATUS))
		row.status = "awarded";
	return check_award_all(s, &row, l);
}

static void bind_award(struct db_stmt *st, const struct award_input *w)
{
	db_bind_int(st, ":fund", w->fund_id);
	db_bind_text(st, ":recipient", w->recipient);
	db_bind_text(st, ":purpose", w->purpose);
	if (w->has_amount)
		db_bind_int(st, ":amount", w->amount_pence);
	else
		db_bind_null(st, ":amount");
	db_bind_id(st, ":priority", w->priority_id);
	db_bind_text(st, ":status", w->status);
	db_bind_text(st, ":note", w->note);
}

struct award_create_args {
	const struct award_input *in;
	int64_t *id;
};

static int create_award(struct store *s, void *arg, struct err *e)
{
	struct award_create_args *c = arg;
	struct award_input row = *c->in;
	struct audit_snap snap;
	struct db_stmt *st;
	int64_t id;

	if (!(c->in->set & AWARD_STATUS))
		row.status = "awarded";
	if (check_award(s, &row, e) < 0 ||
	    audit_before(s, &snap, AUDIT_AWARD, 0, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO award (fund_id, recipient, purpose,"
			"  amount_pence, priority_id, status, note, is_example)"
			" VALUES (:fund, :recipient, :purpose, :amount, :priority,"
			"  :status, :note, :ex) RETURNING id",
			e);
	if (!st)
		goto fail;
	bind_award(st, &row);
	db_bind_int(st, ":ex", c->in->example);
	if (db_exec(st, &id, e) < 0)
		goto fail;
	if (c->id)
		*c->id = id;
	return audit_after(s, &snap, id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_award_create(struct store *s, const struct award_input *in,
		       int64_t *id, struct err *e)
{
	struct award_create_args c = { in, id };

	return in_transaction(s, create_award, &c, e);
}

struct award_update_args {
	int64_t id;
	const struct award_input *in;
};

static int update_award(struct store *s, void *arg, struct err *e)
{
	struct award_update_args *u = arg;
	const struct award_input *in = u->in;
	struct arena a = ARENA_INIT;
	struct award *old = store_award(s, &a, u->id, e);
	struct award_input row = { 0 };
	struct audit_snap snap;
	struct db_stmt *st;
	int rc = -1;

	if (!old)
		goto out;
	row.fund_id = in->set & AWARD_FUND ? in->fund_id : old->fund_id;
	row.recipient = in->set & AWARD_RECIPIENT ? in->recipient : old->recipient;
	row.purpose = in->set & AWARD_PURPOSE ? in->purpose : old->purpose;
	row.has_amount = in->set & AWARD_AMOUNT ? in->has_amount : old->has_amount;
	row.amount_pence = in->set & AWARD_AMOUNT ? in->amount_pence
						  : old->amount_pence;
	row.priority_id = in->set & AWARD_PRIORITY ? in->priority_id
						   : old->priority_id;
	row.status = in->set & AWARD_STATUS ? in->status : old->status;
	row.note = in->set & AWARD_NOTE ? in->note : old->note;
	if (check_award(s, &row, e) < 0 ||
	    audit_before(s, &snap, AUDIT_AWARD, u->id, e) < 0)
		goto out;
	st = db_prepare(s->db,
			"UPDATE award SET fund_id = :fund, recipient = :recipient,"
			"  purpose = :purpose, amount_pence = :amount,"
			"  priority_id = :priority, status = :status, note = :note"
			" WHERE id = :id",
			e);
	if (!st) {
		audit_discard(&snap);
		goto out;
	}
	bind_award(st, &row);
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

int store_award_update(struct store *s, int64_t id,
		       const struct award_input *in, struct err *e)
{
	struct award_update_args u = { id, in };

	return in_transaction(s, update_award, &u, e);
}

static const struct remove_spec fund_removal = {
	AUDIT_FUND, "fund",
	"SELECT 'awards were made from it' FROM award WHERE fund_id = :id",
	"UPDATE fund SET archived_at = coalesce(archived_at, :now)"
	" WHERE id = :id",
	"DELETE FROM fund WHERE id = :id",
};

int store_fund_remove(struct store *s, int64_t id, enum remove_how how,
		      bool *archived, struct err *e)
{
	return store_remove(s, &fund_removal, id, how, archived, e);
}

static const struct remove_spec award_removal = {
	AUDIT_AWARD, "award",
	"SELECT NULL FROM award WHERE false AND id = :id",
	"UPDATE award SET archived_at = coalesce(archived_at, :now)"
	" WHERE id = :id",
	"DELETE FROM award WHERE id = :id",
};

int store_award_remove(struct store *s, int64_t id, enum remove_how how,
		       bool *archived, struct err *e)
{
	return store_remove(s, &award_removal, id, how, archived, e);
}

int store_fund_warnings(struct store *s, int64_t fund_id, const char *field,
			struct err_list *w, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct fund *f = store_fund(s, &a, fund_id, e);
	struct buf awarded = BUF_INIT, alloc = BUF_INIT;
	struct err x;

	if (!f) {
		arena_release(&a);
		return -1;
	}
	if (f->awarded_pence > f->allocation_pence) {
		text_add_money(&awarded, f->awarded_pence);
		text_add_money(&alloc, f->allocation_pence);
		err_set(&x, ERR_INVALID, field,
			"the awards from '%s' (%s) add up to %s, more than its "
			"allocation of %s", f->name, f->year, awarded.ptr, alloc.ptr);
		x.code = ERR_OK;
		err_list_add(w, &x);
	}
	buf_release(&awarded);
	buf_release(&alloc);
	arena_release(&a);
	return 0;
}
