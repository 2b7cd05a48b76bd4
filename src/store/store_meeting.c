/*
 * store_meeting.c: meetings with who attended, and their agenda items
 * with the report, minutes and resolutions (item lists are kept whole:
 * an update replaces a list given).
 */
#include <ctype.h>

#include "base/sha256.h"
#include "base/text.h"
#include "store_audit.h"
#include "store_int.h"
#include "store_meeting.h"

const struct choice meeting_statuses[] = {
	{ "scheduled", "Scheduled" },
	{ "held", "Held" },
	{ "cancelled", "Cancelled" },
	{ NULL, NULL },
};

const struct choice attendee_roles[] = {
	{ "present", "Present" },
	{ "apologies", "Apologies" },
	{ "presenting", "Presenting" },
	{ "in_attendance", "In attendance" },
	{ NULL, NULL },
};

const struct choice resolution_kinds[] = {
	{ "noted", "Noted" },
	{ "approved", "Approved" },
	{ "recommended", "Recommended to another body" },
	{ "deferred", "Deferred" },
	{ "report_requested", "Further report requested" },
	{ "other", "Other" },
	{ NULL, NULL },
};

const struct choice item_link_kinds[] = {
	{ "plan", "Plan" },
	{ "theme", "Theme" },
	{ "priority", "Priority" },
	{ "indicator", "Indicator" },
	{ "fund", "Fund" },
	{ "action", "Action" },
	{ NULL, NULL },
};

/* 0 if a row answers the literal query sql for :id, else ERR_INVALID
 * naming field ("no such body: 4"), or -1. */
static int exists(struct store *s, const char *sql, int64_t id,
		  const char *field, const char *what, struct err *e)
{
	struct db_stmt *st = db_prepare(s->db, sql, e);
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	if (rc == DB_DONE)
		return err_set(e, ERR_INVALID, field, "there is no %s %lld", what,
			       (long long)id);
	return 0;
}

/* "HH:MM", a real time of day. */
static int check_time(const char *t, const char *field, struct err *e)
{
	if (!t)
		return 0;
	if (strlen(t) != 5 || !isdigit((unsigned char)t[0]) ||
	    !isdigit((unsigned char)t[1]) || t[2] != ':' ||
	    !isdigit((unsigned char)t[3]) || !isdigit((unsigned char)t[4]) ||
	    (t[0] - '0') * 10 + (t[1] - '0') > 23 || t[3] > '5')
		return err_set(e, ERR_INVALID, field,
			       "'%s' is not a time of day as HH:MM (24-hour)", t);
	return 0;
}

/* ---------------------------------------------------------------------
 * Reading
 */

#define MEETING_COLUMNS                                                  \
	"m.id, m.body_id, b.name, m.date, m.time, m.venue, m.status,"     \
	" m.note, m.source, m.source_id, m.is_example, m.archived_at,"    \
	" (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = m.id"  \
	"   AND i.archived_at IS NULL)"

static void read_meeting(struct arena *a, struct db_stmt *st,
			 struct meeting *m)
{
	m->id = db_col_int(st, 0);
	m->body_id = db_col_int(st, 1);
	m->body_name = col_str(a, st, 2);
	m->date = col_str(a, st, 3);
	m->time = col_str(a, st, 4);
	m->venue = col_str(a, st, 5);
	m->status = col_str(a, st, 6);
	m->note = col_str(a, st, 7);
	m->source = col_str(a, st, 8);
	m->source_id = col_str(a, st, 9);
	m->example = db_col_int(st, 10) != 0;
	m->archived_at = col_str(a, st, 11);
	m->n_items_total = db_col_int(st, 12);
}

struct meeting *store_meetings(struct store *s, struct arena *a,
			       const struct meeting_filter *f, size_t *n,
			       struct err *e)
{
	struct db_stmt *st;
	struct meeting *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if ((f->from && text_date(f->from, "from", e) < 0) ||
	    (f->to && text_date(f->to, "to", e) < 0) ||
	    (f->body_id && exists(s, "SELECT 1 FROM body WHERE id = :id",
				  f->body_id, "body_id", "body", e) < 0))
		return NULL;
	st = db_prepare(s->db,
			"SELECT " MEETING_COLUMNS
			" FROM meeting m JOIN body b ON b.id = m.body_id"
			" WHERE m.archived_at IS NULL"
			"  AND (:from IS NULL OR m.date >= :from)"
			"  AND (:to IS NULL OR m.date <= :to)"
			"  AND (:body IS NULL OR m.body_id = :body)"
			" ORDER BY m.date, coalesce(m.time, ''), b.name, m.id",
			e);
	if (!st)
		return NULL;
	db_bind_text(st, ":from", f->from);
	db_bind_text(st, ":to", f->to);
	db_bind_id(st, ":body", f->body_id);
	while ((rc = db_step(st, e)) == DB_ROW)
		read_meeting(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	return LIST_RESULT(a, list);
}

/* The texts of one of an item's lists, in order: sql is literal, with
 * :id. */
static int read_texts(struct store *s, struct arena *a, const char *sql,
		      int64_t id, const char ***out, size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(s->db, sql, e);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	while ((rc = db_step(st, e)) == DB_ROW)
		*VEC_PUSH(a, *out, n, &cap) = col_str(a, st, 0);
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

#define ATTACHMENT_COLUMNS                                               \
	"id, item_id, name, content_type, bytes, sha256, created_at,"     \
	" source_url"

static void read_attachment(struct arena *a, struct db_stmt *st,
			    struct attachment *t)
{
	t->id = db_col_int(st, 0);
	t->item_id = db_col_int(st, 1);
	t->name = col_str(a, st, 2);
	t->content_type = col_str(a, st, 3);
	t->bytes = db_col_int(st, 4);
	t->sha256 = col_str(a, st, 5);
	t->created_at = col_str(a, st, 6);
	t->source_url = col_str(a, st, 7);
}

/* The title of a link's target: one literal query for every kind. */
#define LINK_TITLE_SQL                                                   \
	"CASE :kind"                                                     \
	" WHEN 'plan' THEN (SELECT title FROM plan WHERE id = :t)"       \
	" WHEN 'theme' THEN (SELECT name FROM theme WHERE id = :t)"      \
	" WHEN 'priority' THEN (SELECT name FROM priority WHERE id = :t)" \
	" WHEN 'indicator' THEN (SELECT name FROM indicator WHERE id = :t)" \
	" WHEN 'fund' THEN (SELECT name || ' ' || year FROM fund"        \
	"   WHERE id = :t)"                                              \
	" WHEN 'action' THEN (SELECT title FROM action WHERE id = :t) END"

static int read_item_lists(struct store *s, struct arena *a,
			   struct agenda_item *it, struct err *e)
{
	struct db_stmt *st;
	size_t cap = 0;
	int rc;

	if (read_texts(s, a,
		       "SELECT text FROM item_recommendation WHERE item_id = :id"
		       " ORDER BY position, id",
		       it->id, &it->recommendations, &it->n_recommendations,
		       e) < 0 ||
	    read_texts(s, a,
		       "SELECT text FROM item_comment WHERE item_id = :id"
		       " ORDER BY position, id",
		       it->id, &it->comments, &it->n_comments, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"SELECT r.text, r.kind, r.to_body_id, b.name"
			" FROM resolution r LEFT JOIN body b ON b.id = r.to_body_id"
			" WHERE r.item_id = :id ORDER BY r.position, r.id",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", it->id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct resolution *r =
			VEC_PUSH(a, it->resolutions, &it->n_resolutions, &cap);

		r->text = col_str(a, st, 0);
		r->kind = col_str(a, st, 1);
		r->to_body_id = db_col_int(st, 2);
		r->to_body_name = col_str(a, st, 3);
	}
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	cap = 0;
	st = db_prepare(s->db,
			"SELECT l.kind, l.target_id,"
			" CASE l.kind"
			"  WHEN 'plan' THEN (SELECT title FROM plan WHERE id = l.target_id)"
			"  WHEN 'theme' THEN (SELECT name FROM theme WHERE id = l.target_id)"
			"  WHEN 'priority' THEN (SELECT name FROM priority"
			"    WHERE id = l.target_id)"
			"  WHEN 'indicator' THEN (SELECT name FROM indicator"
			"    WHERE id = l.target_id)"
			"  WHEN 'fund' THEN (SELECT name || ' ' || year FROM fund"
			"    WHERE id = l.target_id)"
			"  WHEN 'action' THEN (SELECT title FROM action"
			"    WHERE id = l.target_id) END"
			" FROM item_link l WHERE l.item_id = :id"
			" ORDER BY l.kind, l.target_id",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", it->id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct item_link *l = VEC_PUSH(a, it->links, &it->n_links, &cap);

		l->kind = col_str(a, st, 0);
		l->target_id = db_col_int(st, 1);
		l->title = col_str(a, st, 2);
	}
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	cap = 0;
	st = db_prepare(s->db,
			"SELECT " ATTACHMENT_COLUMNS " FROM attachment"
			" WHERE item_id = :id ORDER BY id",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", it->id);
	while ((rc = db_step(st, e)) == DB_ROW)
		read_attachment(a, st,
				VEC_PUSH(a, it->attachments, &it->n_attachments,
					 &cap));
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

#define ITEM_COLUMNS                                                     \
	"i.id, i.meeting_id, m.date, m.body_id, b.name, i.number, i.title," \
	" i.report_of, i.author, i.contact, i.summary, i.minutes,"        \
	" i.position, i.source, i.source_id, i.is_example, i.archived_at"
#define ITEM_FROM                                                        \
	" FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id"      \
	" JOIN body b ON b.id = m.body_id"

static void read_item(struct arena *a, struct db_stmt *st,
		      struct agenda_item *it)
{
	it->id = db_col_int(st, 0);
	it->meeting_id = db_col_int(st, 1);
	it->meeting_date = col_str(a, st, 2);
	it->body_id = db_col_int(st, 3);
	it->body_name = col_str(a, st, 4);
	it->number = col_str(a, st, 5);
	it->title = col_str(a, st, 6);
	it->report_of = col_str(a, st, 7);
	it->author = col_str(a, st, 8);
	it->contact = col_str(a, st, 9);
	it->summary = col_str(a, st, 10);
	it->minutes = col_str(a, st, 11);
	it->position = db_col_int(st, 12);
	it->source = col_str(a, st, 13);
	it->source_id = col_str(a, st, 14);
	it->example = db_col_int(st, 15) != 0;
	it->archived_at = col_str(a, st, 16);
}

struct meeting *store_meeting(struct store *s, struct arena *a, int64_t id,
			      struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " MEETING_COLUMNS
		" FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id = :id",
		e);
	struct meeting *m = NULL;
	size_t cap = 0;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		m = arena_new(a, struct meeting);
		read_meeting(a, st, m);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "meeting", id);
	if (!m)
		return NULL;
	st = db_prepare(s->db,
			"SELECT name, person_id, role FROM meeting_attendee"
			" WHERE meeting_id = :id ORDER BY position, id",
			e);
	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct attendee *t = VEC_PUSH(a, m->attendees, &m->n_attendees, &cap);

		t->name = col_str(a, st, 0);
		t->person_id = db_col_int(st, 1);
		t->role = col_str(a, st, 2);
	}
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	cap = 0;
	st = db_prepare(s->db,
			"SELECT " ITEM_COLUMNS ITEM_FROM
			" WHERE i.meeting_id = :id AND i.archived_at IS NULL"
			" ORDER BY i.position, i.id",
			e);
	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	while ((rc = db_step(st, e)) == DB_ROW)
		read_item(a, st, VEC_PUSH(a, m->items, &m->n_items, &cap));
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	for (size_t i = 0; i < m->n_items; i++)
		if (read_item_lists(s, a, &m->items[i], e) < 0)
			return NULL;
	return m;
}

struct agenda_item *store_item(struct store *s, struct arena *a, int64_t id,
			       struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " ITEM_COLUMNS ITEM_FROM " WHERE i.id = :id", e);
	struct agenda_item *it = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		it = arena_new(a, struct agenda_item);
		read_item(a, st, it);
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "agenda item", id);
	if (it && read_item_lists(s, a, it, e) < 0)
		return NULL;
	return it;
}

/* ---------------------------------------------------------------------
 * Meetings: writing
 */

static int check_meeting(struct store *s, const struct meeting_input *in,
			 struct err *e)
{
	if (!in->body_id)
		return err_set(e, ERR_INVALID, "body_id", "say which body meets");
	if (exists(s, "SELECT 1 FROM body WHERE id = :id", in->body_id,
		   "body_id", "body", e) < 0 ||
	    !in->date)
		return in->date ? -1
				: err_set(e, ERR_INVALID, "date",
					  "give the date as YYYY-MM-DD");
	if (text_date(in->date, "date", e) < 0 ||
	    check_time(in->time, "time", e) < 0 ||
	    text_check_line(in->venue, "venue", 300, false, e) < 0 ||
	    check_choice(meeting_statuses, in->status, "status", true, e) < 0 ||
	    text_check_block(in->note, "note", 20000, false, e) < 0 ||
	    text_check_line(in->source, "source", 100, false, e) < 0 ||
	    text_check_line(in->source_id, "source_id", 200, false, e) < 0)
		return -1;
	for (size_t i = 0; (in->set & MEETING_ATTENDEES) && i < in->n_attendees;
	     i++) {
		const struct attendee *t = &in->attendees[i];

		if (text_check_line(t->name, "attendees", 300, true, e) < 0 ||
		    check_choice(attendee_roles, t->role, "attendees", false,
				 e) < 0 ||
		    (t->person_id && check_exists(s, EXISTS_PERSON, t->person_id,
						  "attendees", e) < 0))
			return -1;
	}
	return 0;
}

static int set_attendees(struct store *s, int64_t id,
			 const struct meeting_input *in, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "DELETE FROM meeting_attendee WHERE meeting_id = :m", e);

	if (!st)
		return -1;
	db_bind_int(st, ":m", id);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	for (size_t i = 0; i < in->n_attendees; i++) {
		st = db_prepare(s->db,
				"INSERT INTO meeting_attendee (meeting_id, name,"
				"  person_id, role, position)"
				" VALUES (:m, :name, :p, :role, :pos)",
				e);
		if (!st)
			return -1;
		db_bind_int(st, ":m", id);
		db_bind_text(st, ":name", in->attendees[i].name);
		db_bind_id(st, ":p", in->attendees[i].person_id);
		db_bind_text(st, ":role", in->attendees[i].role);
		db_bind_int(st, ":pos", (int64_t)i);
		if (db_exec(st, NULL, e) < 0)
			return -1;
	}
	return 0;
}

struct meeting_args {
	int64_t id;
	const struct meeting_input *in;
	int64_t *new_id;
};

static int write_meeting(struct store *s, void *arg, struct err *e)
{
	struct meeting_args *u = arg;
	const struct meeting_input *in = u->in;
	struct meeting_input row = *in;
	struct arena a = ARENA_INIT;
	struct audit_snap snap;
	struct db_stmt *st;
	int64_t id = u->id;
	int rc = -1;

	if (id) {
		struct meeting *old = store_meeting(s, &a, id, e);

		if (!old)
			goto out;
		if (!(in->set & MEETING_BODY)) row.body_id = old->body_id;
		if (!(in->set & MEETING_DATE)) row.date = old->date;
		if (!(in->set & MEETING_TIME)) row.time = old->time;
		if (!(in->set & MEETING_VENUE)) row.venue = old->venue;
		if (!(in->set & MEETING_STATUS)) row.status = old->status;
		if (!(in->set & MEETING_NOTE)) row.note = old->note;
		row.source = old->source;
		row.source_id = old->source_id;
	}
	if (!row.status)
		row.status = "scheduled";
	if (check_meeting(s, &row, e) < 0 ||
	    audit_before(s, &snap, AUDIT_MEETING, id, e) < 0)
		goto out;
	if (id)
		st = db_prepare(s->db,
				"UPDATE meeting SET body_id = :body, date = :date,"
				"  time = :time, venue = :venue, status = :status,"
				"  note = :note WHERE id = :id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO meeting (body_id, date, time, venue,"
				"  status, note, source, source_id, is_example)"
				" VALUES (:body, :date, :time, :venue, :status, :note,"
				"  :source, :source_id, :ex) RETURNING id",
				e);
	if (!st)
		goto fail;
	db_bind_int(st, ":body", row.body_id);
	db_bind_text(st, ":date", row.date);
	db_bind_text(st, ":time", row.time);
	db_bind_text(st, ":venue", row.venue);
	db_bind_text(st, ":status", row.status);
	db_bind_text(st, ":note", row.note);
	if (id) {
		db_bind_int(st, ":id", id);
	} else {
		db_bind_text(st, ":source", row.source);
		db_bind_text(st, ":source_id", row.source_id);
		db_bind_int(st, ":ex", row.example);
	}
	if (db_exec(st, id ? NULL : &id, e) < 0)
		goto fail;
	if ((in->set & MEETING_ATTENDEES) && set_attendees(s, id, &row, e) < 0)
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

int store_meeting_create(struct store *s, const struct meeting_input *in,
			 int64_t *id, struct err *e)
{
	struct meeting_args u = { 0, in, id };

	return in_transaction(s, write_meeting, &u, e);
}

int store_meeting_update(struct store *s, int64_t id,
			 const struct meeting_input *in, struct err *e)
{
	struct meeting_args u = { id, in, NULL };

	return in_transaction(s, write_meeting, &u, e);
}

static const struct remove_spec meeting_removal = {
	AUDIT_MEETING, "meeting",
	"SELECT 'it has agenda items' FROM agenda_item WHERE meeting_id = :id"
	" UNION ALL SELECT 'an undertaking is due at it' FROM undertaking"
	"  WHERE due_meeting_id = :id",
	"UPDATE meeting SET archived_at = coalesce(archived_at, :now)"
	" WHERE id = :id",
	"DELETE FROM meeting WHERE id = :id",
};

int store_meeting_remove(struct store *s, int64_t id, enum remove_how how,
			 bool *archived, struct err *e)
{
	return store_remove(s, &meeting_removal, id, how, archived, e);
}

/* ---------------------------------------------------------------------
 * Agenda items: writing
 */

static int check_item(struct store *s, const struct item_input *in,
		      struct err *e)
{
	if (!in->meeting_id)
		return err_set(e, ERR_INVALID, "meeting_id",
			       "say which meeting the item is on");
	if (exists(s, "SELECT 1 FROM meeting WHERE id = :id", in->meeting_id,
		   "meeting_id", "meeting", e) < 0 ||
	    text_check_line(in->number, "number", 20, true, e) < 0 ||
	    text_check_line(in->title, "title", 500, true, e) < 0 ||
	    text_check_line(in->report_of, "report_of", 500, false, e) < 0 ||
	    text_check_line(in->author, "author", 300, false, e) < 0 ||
	    text_check_line(in->contact, "contact", 300, false, e) < 0 ||
	    text_check_block(in->summary, "summary", 100000, false, e) < 0 ||
	    text_check_block(in->minutes, "minutes", 100000, false, e) < 0 ||
	    text_check_line(in->source, "source", 100, false, e) < 0 ||
	    text_check_line(in->source_id, "source_id", 200, false, e) < 0)
		return -1;
	for (size_t i = 0; (in->set & ITEM_RECOMMENDATIONS) &&
			   i < in->n_recommendations; i++)
		if (text_check_block(in->recommendations[i], "recommendations",
				     20000, true, e) < 0)
			return -1;
	for (size_t i = 0; (in->set & ITEM_COMMENTS) && i < in->n_comments; i++)
		if (text_check_block(in->comments[i], "comments", 20000, true,
				     e) < 0)
			return -1;
	for (size_t i = 0; (in->set & ITEM_RESOLUTIONS) && i < in->n_resolutions;
	     i++) {
		const struct resolution *r = &in->resolutions[i];

		if (text_check_block(r->text, "resolutions", 20000, true, e) < 0 ||
		    check_choice(resolution_kinds, r->kind, "resolutions", false,
				 e) < 0 ||
		    (r->to_body_id &&
		     exists(s, "SELECT 1 FROM body WHERE id = :id", r->to_body_id,
			    "resolutions", "body", e) < 0))
			return -1;
	}
	for (size_t i = 0; (in->set & ITEM_LINKS) && i < in->n_links; i++) {
		const struct item_link *l = &in->links[i];
		struct db_stmt *st;
		int rc;
		bool found = false;

		if (check_choice(item_link_kinds, l->kind, "links", false, e) < 0)
			return -1;
		st = db_prepare(s->db, "SELECT " LINK_TITLE_SQL, e);
		if (!st)
			return -1;
		db_bind_text(st, ":kind", l->kind);
		db_bind_int(st, ":t", l->target_id);
		if ((rc = db_step(st, e)) == DB_ROW)
			found = !db_col_null(st, 0);
		db_done(st);
		if (rc == DB_ERROR)
			return -1;
		if (!found)
			return err_set(e, ERR_INVALID, "links", "there is no %s %lld",
				       l->kind, (long long)l->target_id);
		for (size_t k = 0; k < i; k++)
			if (in->links[k].target_id == l->target_id &&
			    strcmp(in->links[k].kind, l->kind) == 0)
				return err_set(e, ERR_INVALID, "links",
					       "%s %lld is listed twice", l->kind,
					       (long long)l->target_id);
	}
	return 0;
}

/* Replace one of an item's text lists: del and ins are literal, with
 * :id, and :pos and :text for ins. */
static int set_texts(struct store *s, int64_t id, const char *del,
		     const char *ins, const char *const *texts, size_t n,
		     struct err *e)
{
	struct db_stmt *st = db_prepare(s->db, del, e);

	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!(st = db_prepare(s->db, ins, e)))
			return -1;
		db_bind_int(st, ":id", id);
		db_bind_int(st, ":pos", (int64_t)i);
		db_bind_text(st, ":text", texts[i]);
		if (db_exec(st, NULL, e) < 0)
			return -1;
	}
	return 0;
}

static int set_item_lists(struct store *s, int64_t id,
			  const struct item_input *in, struct err *e)
{
	struct db_stmt *st;

	if ((in->set & ITEM_RECOMMENDATIONS) &&
	    set_texts(s, id, "DELETE FROM item_recommendation WHERE item_id = :id",
		      "INSERT INTO item_recommendation (item_id, position, text)"
		      " VALUES (:id, :pos, :text)",
		      in->recommendations, in->n_recommendations, e) < 0)
		return -1;
	if ((in->set & ITEM_COMMENTS) &&
	    set_texts(s, id, "DELETE FROM item_comment WHERE item_id = :id",
		      "INSERT INTO item_comment (item_id, position, text)"
		      " VALUES (:id, :pos, :text)",
		      in->comments, in->n_comments, e) < 0)
		return -1;
	if (in->set & ITEM_RESOLUTIONS) {
		if (!(st = db_prepare(s->db,
				      "DELETE FROM resolution WHERE item_id = :id", e)))
			return -1;
		db_bind_int(st, ":id", id);
		if (db_exec(st, NULL, e) < 0)
			return -1;
		for (size_t i = 0; i < in->n_resolutions; i++) {
			if (!(st = db_prepare(s->db,
					      "INSERT INTO resolution (item_id,"
					      "  position, text, kind, to_body_id)"
					      " VALUES (:id, :pos, :text, :kind, :to)",
					      e)))
				return -1;
			db_bind_int(st, ":id", id);
			db_bind_int(st, ":pos", (int64_t)i);
			db_bind_text(st, ":text", in->resolutions[i].text);
			db_bind_text(st, ":kind", in->resolutions[i].kind);
			db_bind_id(st, ":to", in->resolutions[i].to_body_id);
			if (db_exec(st, NULL, e) < 0)
				return -1;
		}
	}
	if (in->set & ITEM_LINKS) {
		if (!(st = db_prepare(s->db,
				      "DELETE FROM item_link WHERE item_id = :id", e)))
			return -1;
		db_bind_int(st, ":id", id);
		if (db_exec(st, NULL, e) < 0)
			return -1;
		for (size_t i = 0; i < in->n_links; i++) {
			if (!(st = db_prepare(s->db,
					      "INSERT INTO item_link (item_id, kind,"
					      "  target_id) VALUES (:id, :kind, :t)",
					      e)))
				return -1;
			db_bind_int(st, ":id", id);
			db_bind_text(st, ":kind", in->links[i].kind);
			db_bind_int(st, ":t", in->links[i].target_id);
			if (db_exec(st, NULL, e) < 0)
				return -1;
		}
	}
	return 0;
}

struct item_args {
	int64_t id;
	const struct item_input *in;
	int64_t *new_id;
};

static int write_item(struct store *s, void *arg, struct err *e)
{
	struct item_args *u = arg;
	const struct item_input *in = u->in;
	struct item_input row = *in;
	struct arena a = ARENA_INIT;
	struct audit_snap snap;
	struct db_stmt *st;
	int64_t id = u->id;
	int rc = -1;

	if (id) {
		struct agenda_item *old = store_item(s, &a, id, e);

		if (!old)
			goto out;
		if (!(in->set & ITEM_MEETING)) row.meeting_id = old->meeting_id;
		if (!(in->set & ITEM_NUMBER)) row.number = old->number;
		if (!(in->set & ITEM_TITLE)) row.title = old->title;
		if (!(in->set & ITEM_REPORT_OF)) row.report_of = old->report_of;
		if (!(in->set & ITEM_AUTHOR)) row.author = old->author;
		if (!(in->set & ITEM_CONTACT)) row.contact = old->contact;
		if (!(in->set & ITEM_SUMMARY)) row.summary = old->summary;
		if (!(in->set & ITEM_MINUTES)) row.minutes = old->minutes;
		if (!(in->set & ITEM_POSITION)) row.position = old->position;
	}
	if (check_item(s, &row, e) < 0 ||
	    audit_before(s, &snap, AUDIT_ITEM, id, e) < 0)
		goto out;
	if (id)
		st = db_prepare(s->db,
				"UPDATE agenda_item SET meeting_id = :m,"
				"  number = :number, title = :title,"
				"  report_of = :report_of, author = :author,"
				"  contact = :contact, summary = :summary,"
				"  minutes = :minutes, position = :pos"
				" WHERE id = :id",
				e);
	else
		st = db_prepare(s->db,
				"INSERT INTO agenda_item (meeting_id, number, title,"
				"  report_of, author, contact, summary, minutes,"
				"  position, source, source_id, is_example)"
				" VALUES (:m, :number, :title, :report_of, :author,"
				"  :contact, :summary, :minutes,"
				"  coalesce(:pos, (SELECT coalesce(max(position) + 1, 0)"
				"   FROM agenda_item WHERE meeting_id = :m)),"
				"  :source, :source_id, :ex) RETURNING id",
				e);
	if (!st)
		goto fail;
	db_bind_int(st, ":m", row.meeting_id);
	db_bind_text(st, ":number", row.number);
	db_bind_text(st, ":title", row.title);
	db_bind_text(st, ":report_of", row.report_of);
	db_bind_text(st, ":author", row.author);
	db_bind_text(st, ":contact", row.contact);
	db_bind_text(st, ":summary", row.summary);
	db_bind_text(st, ":minutes", row.minutes);
	if (id) {
		db_bind_int(st, ":pos", row.position);
		db_bind_int(st, ":id", id);
	} else {
		if (in->set & ITEM_POSITION)
			db_bind_int(st, ":pos", row.position);
		else
			db_bind_null(st, ":pos");
		db_bind_text(st, ":source", row.source);
		db_bind_text(st, ":source_id", row.source_id);
		db_bind_int(st, ":ex", row.example);
	}
	if (db_exec(st, id ? NULL : &id, e) < 0 ||
	    set_item_lists(s, id, &row, e) < 0)
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

int store_item_create(struct store *s, const struct item_input *in,
		      int64_t *id, struct err *e)
{
	struct item_args u = { 0, in, id };

	return in_transaction(s, write_item, &u, e);
}

int store_item_update(struct store *s, int64_t id, const struct item_input *in,
		      struct err *e)
{
	struct item_args u = { id, in, NULL };

	return in_transaction(s, write_item, &u, e);
}

static const struct remove_spec item_removal = {
	AUDIT_ITEM, "agenda item",
	"SELECT 'an undertaking was made at it' FROM undertaking"
	"  WHERE item_id = :id"
	" UNION ALL SELECT 'an undertaking was discharged by it' FROM undertaking"
	"  WHERE discharged_by_item_id = :id"
	" UNION ALL SELECT 'an issue follows it' FROM issue_item"
	"  WHERE item_id = :id",
	"UPDATE agenda_item SET archived_at = coalesce(archived_at, :now)"
	" WHERE id = :id",
	"DELETE FROM agenda_item WHERE id = :id",
};

int store_item_remove(struct store *s, int64_t id, enum remove_how how,
		      bool *archived, struct err *e)
{
	return store_remove(s, &item_removal, id, how, archived, e);
}

/* ---------------------------------------------------------------------
 * Attachments
 */

bool attachment_type_allowed(const char *content_type)
{
	static const char *const allowed[] = {
		"application/pdf",
		"application/vnd.openxmlformats-officedocument."
		"wordprocessingml.document",
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"application/vnd.openxmlformats-officedocument."
		"presentationml.presentation",
		"application/vnd.oasis.opendocument.text",
		"text/csv",
		"text/plain",
		"image/png",
		"image/jpeg",
	};
	size_t n;

	if (!content_type)
		return false;
	n = strcspn(content_type, "; \t");
	for (size_t i = 0; i < sizeof(allowed) / sizeof(*allowed); i++)
		if (strlen(allowed[i]) == n &&
		    strncasecmp(allowed[i], content_type, n) == 0)
			return true;
	return false;
}

struct attach_args {
	int64_t item_id;
	const char *name, *type, *source_url;
	const void *data;
	size_t size;
	int64_t *id;
};

static int write_attachment(struct store *s, void *arg, struct err *e)
{
	struct attach_args *u = arg;
	struct audit_snap snap;
	struct db_stmt *st;
	char hex[SHA256_HEX_SIZE], now[21];
	int64_t id = 0;

	sha256_hex(u->data, u->size, hex);
	text_now(now);
	if (audit_before(s, &snap, AUDIT_ATTACHMENT, 0, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO attachment (item_id, name, content_type, bytes,"
			"  sha256, data, created_at, source_url)"
			" VALUES (:item, :name, :type, :bytes, :sha, :data, :now,"
			"  :url) RETURNING id",
			e);
	if (!st) {
		audit_discard(&snap);
		return -1;
	}
	db_bind_int(st, ":item", u->item_id);
	db_bind_text(st, ":name", u->name);
	db_bind_text(st, ":type", u->type);
	db_bind_int(st, ":bytes", (int64_t)u->size);
	db_bind_text(st, ":sha", hex);
	db_bind_blob(st, ":data", u->data, u->size);
	db_bind_text(st, ":now", now);
	db_bind_text(st, ":url", u->source_url);
	if (db_exec(st, &id, e) < 0) {
		audit_discard(&snap);
		return -1;
	}
	if (u->id)
		*u->id = id;
	return audit_after(s, &snap, id, e);
}

int store_attachment_add(struct store *s, int64_t item_id, const char *name,
			 const char *content_type, const void *data,
			 size_t size, const char *source_url, int64_t *id,
			 struct err *e)
{
	struct attach_args u = { item_id, name, NULL, source_url, data, size, id };
	char type[200];
	size_t n;

	if (exists(s, "SELECT 1 FROM agenda_item WHERE id = :id", item_id,
		   "item_id", "agenda item", e) < 0 ||
	    text_check_line(name, "filename", 255, true, e) < 0 ||
	    text_check_line(source_url, "source_url", 2000, false, e) < 0)
		return -1;
	if (strpbrk(name, "/\\") || name[0] == '.')
		return err_set(e, ERR_INVALID, "filename",
			       "a file name cannot hold / or \\ nor start with a"
			       " dot");
	if (!attachment_type_allowed(content_type))
		return err_set(e, ERR_INVALID, "content_type",
			       "'%s' is not a kind of document safer keeps: PDF,"
			       " Word (DOCX), Excel (XLSX), PowerPoint (PPTX),"
			       " OpenDocument text (ODT), CSV, plain text, PNG"
			       " or JPEG",
			       content_type ? content_type : "");
	if (size == 0)
		return err_set(e, ERR_INVALID, "size", "the file is empty");
	if (size > ATTACHMENT_MAX_BYTES)
		return err_set(e, ERR_INVALID, "size",
			       "the file is larger than %zu MB",
			       ATTACHMENT_MAX_BYTES >> 20);
	/* The type as kept: lower case, without parameters. */
	n = strcspn(content_type, "; \t");
	if (n >= sizeof(type))
		n = sizeof(type) - 1;
	for (size_t i = 0; i < n; i++)
		type[i] = (char)tolower((unsigned char)content_type[i]);
	type[n] = '\0';
	u.type = type;
	return in_transaction(s, write_attachment, &u, e);
}

struct attachment *store_attachment(struct store *s, struct arena *a,
				    int64_t id, bool with_data, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " ATTACHMENT_COLUMNS ", CASE WHEN :data THEN data END"
		" FROM attachment WHERE id = :id",
		e);
	struct attachment *t = NULL;
	int rc;

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":data", with_data);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		t = arena_new(a, struct attachment);
		read_attachment(a, st, t);
		if (with_data) {
			size_t n = 0;
			const void *p = db_col_blob(st, 8, &n);
			void *copy = arena_alloc(a, n + 1);

			if (p && n)
				memcpy(copy, p, n);
			t->data = copy;
			t->bytes = (int64_t)n;
		}
	}
	db_done(st);
	if (rc == DB_DONE)
		not_found(e, "attachment", id);
	return t;
}

static int delete_attachment(struct store *s, void *arg, struct err *e)
{
	int64_t id = *(int64_t *)arg;
	struct audit_snap snap;
	struct db_stmt *st;

	if (audit_before(s, &snap, AUDIT_ATTACHMENT, id, e) < 0)
		return -1;
	if (!snap.existed) {
		audit_discard(&snap);
		return not_found(e, "attachment", id);
	}
	st = db_prepare(s->db, "DELETE FROM attachment WHERE id = :id", e);
	if (!st) {
		audit_discard(&snap);
		return -1;
	}
	db_bind_int(st, ":id", id);
	if (db_exec(st, NULL, e) < 0) {
		audit_discard(&snap);
		return -1;
	}
	return audit_after(s, &snap, id, e);
}

int store_attachment_remove(struct store *s, int64_t id, struct err *e)
{
	return in_transaction(s, delete_attachment, &id, e);
}
