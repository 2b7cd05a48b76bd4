/*
 * store_moderngov.c: bodies, meetings, agenda items and linked documents
 * from a modern.gov import, found again by source id (see
 * store_moderngov.h).
 */
#include "base/text.h"
#include "store_audit.h"
#include "store_int.h"
#include "store_moderngov.h"

/* SHA-256 of no bytes: the hash of a document kept without its data. */
#define EMPTY_SHA256 \
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

/* Run st (bound) and give column 0 of its first row in *id, 0 if none. */
static int first_id(struct db_stmt *st, int64_t *id, struct err *e)
{
	int rc = db_step(st, e);

	*id = rc == DB_ROW ? db_col_int(st, 0) : 0;
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

int store_mg_body_find(struct store *s, const char *source_id, int64_t *id,
		       struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id FROM body WHERE source = 'moderngov'"
		" AND source_id = :sid",
		e);

	if (!st)
		return -1;
	db_bind_text(st, ":sid", source_id);
	return first_id(st, id, e);
}

int store_mg_meeting_find(struct store *s, const char *source_id, int64_t *id,
			  struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id FROM meeting WHERE source = 'moderngov'"
		" AND source_id = :sid",
		e);

	if (!st)
		return -1;
	db_bind_text(st, ":sid", source_id);
	return first_id(st, id, e);
}

/* A body of this name that came from nowhere, to be taken as the
 * committee: *id, or 0; a body of the name from elsewhere is a
 * conflict. */
static int body_by_name(struct store *s, const char *source_id,
			const char *name, int64_t *id, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, source, source_id FROM body WHERE name = :name",
		e);
	int rc;

	*id = 0;
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		if (db_col_null(st, 2))
			*id = db_col_int(st, 0);
		else
			err_set(e, ERR_CONFLICT, "committeetitle",
				"the body '%s' is already %s committee %s, not "
				"committee %s",
				name, db_col_text(st, 1), db_col_text(st, 2),
				source_id);
	}
	db_done(st);
	if (rc == DB_ROW && !*id)
		return -1;
	return rc == DB_ERROR ? -1 : 0;
}

int store_mg_body(struct store *s, const char *source_id, const char *name,
		  const char *kind, const char *note, int64_t *id,
		  enum mg_outcome *how, struct err *e)
{
	struct audit_snap snap;
	struct db_stmt *st;

	if (store_mg_body_find(s, source_id, id, e) < 0)
		return -1;
	if (!*id && body_by_name(s, source_id, name, id, e) < 0)
		return -1;
	if (audit_before(s, &snap, AUDIT_BODY, *id, e) < 0)
		return -1;
	if (*id) {
		/* The kind and note are the council's to correct here: only
		 * the name and where it came from follow modern.gov. */
		st = db_prepare(
			s->db,
			"UPDATE body SET name = :name, source = 'moderngov',"
			" source_id = :sid WHERE id = :id AND (name IS NOT :name"
			" OR source IS NOT 'moderngov' OR source_id IS NOT :sid)",
			e);
		if (!st)
			goto fail;
		db_bind_int(st, ":id", *id);
	} else {
		st = db_prepare(
			s->db,
			"INSERT INTO body (name, kind, note, source, source_id)"
			" VALUES (:name, :kind, :note, 'moderngov', :sid)"
			" RETURNING id",
			e);
		if (!st)
			goto fail;
		db_bind_text(st, ":kind", kind);
		db_bind_text(st, ":note", note);
	}
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":sid", source_id);
	if (*id) {
		if (db_exec(st, NULL, e) < 0)
			goto fail;
		*how = db_changes(s->db) ? MG_UPDATED : MG_UNCHANGED;
	} else {
		if (db_exec(st, id, e) < 0)
			goto fail;
		*how = MG_ADDED;
	}
	return audit_after(s, &snap, *id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_mg_meeting(struct store *s, const struct mg_meeting_input *in,
		     int64_t *id, enum mg_outcome *how, struct err *e)
{
	struct audit_snap snap;
	struct db_stmt *st;

	if (store_mg_meeting_find(s, in->source_id, id, e) < 0)
		return -1;
	if (audit_before(s, &snap, AUDIT_MEETING, *id, e) < 0)
		return -1;
	if (*id) {
		st = db_prepare(
			s->db,
			"UPDATE meeting SET body_id = coalesce(:body, body_id),"
			" date = :date,"
			" time = :time, venue = coalesce(:venue, venue),"
			" status = :status WHERE id = :id"
			" AND (body_id IS NOT coalesce(:body, body_id)"
			" OR date IS NOT :date OR time IS NOT :time"
			" OR venue IS NOT coalesce(:venue, venue)"
			" OR status IS NOT :status)",
			e);
		if (!st)
			goto fail;
		db_bind_int(st, ":id", *id);
	} else {
		st = db_prepare(
			s->db,
			"INSERT INTO meeting (body_id, date, time, venue, status,"
			"  source, source_id)"
			" VALUES (:body, :date, :time, :venue, :status, 'moderngov',"
			"  :sid) RETURNING id",
			e);
		if (!st)
			goto fail;
		db_bind_text(st, ":sid", in->source_id);
	}
	db_bind_id(st, ":body", in->body_id);
	db_bind_text(st, ":date", in->date);
	db_bind_text(st, ":time", in->time);
	db_bind_text(st, ":venue", in->venue);
	db_bind_text(st, ":status", in->status);
	if (*id) {
		if (db_exec(st, NULL, e) < 0)
			goto fail;
		*how = db_changes(s->db) ? MG_UPDATED : MG_UNCHANGED;
	} else {
		if (db_exec(st, id, e) < 0)
			goto fail;
		*how = MG_ADDED;
	}
	return audit_after(s, &snap, *id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_mg_item(struct store *s, const char *source_id, int64_t meeting_id,
		  const char *number, const char *title, int64_t position,
		  int64_t *id, enum mg_outcome *how, struct err *e)
{
	struct audit_snap snap;
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id FROM agenda_item WHERE source = 'moderngov'"
		" AND source_id = :sid",
		e);

	if (!st)
		return -1;
	db_bind_text(st, ":sid", source_id);
	if (first_id(st, id, e) < 0)
		return -1;
	if (audit_before(s, &snap, AUDIT_ITEM, *id, e) < 0)
		return -1;
	if (*id) {
		st = db_prepare(
			s->db,
			"UPDATE agenda_item SET meeting_id = :meeting,"
			" number = :number, title = :title, position = :pos"
			" WHERE id = :id AND (meeting_id IS NOT :meeting"
			" OR number IS NOT :number OR title IS NOT :title"
			" OR position IS NOT :pos)",
			e);
		if (!st)
			goto fail;
		db_bind_int(st, ":id", *id);
	} else {
		st = db_prepare(
			s->db,
			"INSERT INTO agenda_item (meeting_id, number, title,"
			"  position, source, source_id)"
			" VALUES (:meeting, :number, :title, :pos, 'moderngov', :sid)"
			" RETURNING id",
			e);
		if (!st)
			goto fail;
		db_bind_text(st, ":sid", source_id);
	}
	db_bind_int(st, ":meeting", meeting_id);
	db_bind_text(st, ":number", number);
	db_bind_text(st, ":title", title);
	db_bind_int(st, ":pos", position);
	if (*id) {
		if (db_exec(st, NULL, e) < 0)
			goto fail;
		*how = db_changes(s->db) ? MG_UPDATED : MG_UNCHANGED;
	} else {
		if (db_exec(st, id, e) < 0)
			goto fail;
		*how = MG_ADDED;
	}
	return audit_after(s, &snap, *id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_mg_document(struct store *s, int64_t item_id, const char *name,
		      const char *content_type, const char *url,
		      enum mg_outcome *how, struct err *e)
{
	struct audit_snap snap;
	char now[21];
	int64_t id;
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id FROM attachment WHERE item_id = :item"
		" AND source_url = :url ORDER BY id LIMIT 1",
		e);

	if (!st)
		return -1;
	db_bind_int(st, ":item", item_id);
	db_bind_text(st, ":url", url);
	if (first_id(st, &id, e) < 0)
		return -1;
	if (audit_before(s, &snap, AUDIT_ATTACHMENT, id, e) < 0)
		return -1;
	if (id) {
		st = db_prepare(
			s->db,
			"UPDATE attachment SET name = :name, content_type = :type"
			" WHERE id = :id AND (name IS NOT :name"
			" OR content_type IS NOT :type)",
			e);
		if (!st)
			goto fail;
		db_bind_int(st, ":id", id);
	} else {
		st = db_prepare(
			s->db,
			"INSERT INTO attachment (item_id, name, content_type, bytes,"
			"  sha256, data, created_at, source_url)"
			" VALUES (:item, :name, :type, 0, :sha, X'', :now, :url)"
			" RETURNING id",
			e);
		if (!st)
			goto fail;
		text_now(now);
		db_bind_int(st, ":item", item_id);
		db_bind_text(st, ":sha", EMPTY_SHA256);
		db_bind_text(st, ":now", now);
		db_bind_text(st, ":url", url);
	}
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":type", content_type);
	if (id) {
		if (db_exec(st, NULL, e) < 0)
			goto fail;
		*how = db_changes(s->db) ? MG_UPDATED : MG_UNCHANGED;
	} else {
		if (db_exec(st, &id, e) < 0)
			goto fail;
		*how = MG_ADDED;
	}
	return audit_after(s, &snap, id, e);
fail:
	audit_discard(&snap);
	return -1;
}
