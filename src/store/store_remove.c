/*
 * store_remove.c: taking an object away without losing what refers to
 * it: deleted when nothing does, archived (archived_at set) when
 * something does, and either way recorded (store_int.h).
 */
#include "base/text.h"
#include "store_audit.h"
#include "store_int.h"

struct remove_args {
	const struct remove_spec *spec;
	int64_t id;
	enum remove_how how;
	bool *archived;
};

/* The first kind of thing that refers to the object, copied into out
 * (empty if nothing does); -1 with e set if the store fails. */
static int first_reference(struct store *s, const struct remove_spec *spec,
			   int64_t id, char *out, size_t size, struct err *e)
{
	struct db_stmt *st = db_prepare(s->db, spec->refs_sql, e);
	char today[11];
	int rc;

	out[0] = '\0';
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	if (strstr(spec->refs_sql, ":today")) {
		text_today(today);
		db_bind_text(st, ":today", today);
	}
	rc = db_step(st, e);
	if (rc == DB_ROW && db_col_text(st, 0))
		snprintf(out, size, "%s", db_col_text(st, 0));
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

static int remove_object(struct store *s, void *arg, struct err *e)
{
	struct remove_args *r = arg;
	const struct remove_spec *spec = r->spec;
	struct audit_snap snap;
	struct db_stmt *st;
	char ref[200], now[21], today[11];
	bool archive;

	if (audit_before(s, &snap, (enum audit_type)spec->type, r->id, e) < 0)
		return -1;
	if (!snap.existed) {
		audit_discard(&snap);
		return not_found(e, spec->what, r->id);
	}
	if (first_reference(s, spec, r->id, ref, sizeof(ref), e) < 0)
		goto fail;
	archive = r->how == REMOVE_ARCHIVE || (r->how == REMOVE_AUTO && ref[0]);
	if (!archive && ref[0]) {
		err_set(e, ERR_CONFLICT, "id",
			"%s %lld cannot be deleted: %s; archive it instead",
			spec->what, (long long)r->id, ref);
		goto fail;
	}
	st = db_prepare(s->db, archive ? spec->archive_sql : spec->delete_sql, e);
	if (!st)
		goto fail;
	db_bind_int(st, ":id", r->id);
	if (archive) {
		text_now(now);
		db_bind_text(st, ":now", now);
		if (strstr(spec->archive_sql, ":today")) {
			text_today(today);
			db_bind_text(st, ":today", today);
		}
	}
	if (db_exec(st, NULL, e) < 0)
		goto fail;
	if (r->archived)
		*r->archived = archive;
	return audit_after(s, &snap, r->id, e);
fail:
	audit_discard(&snap);
	return -1;
}

int store_remove(struct store *s, const struct remove_spec *spec, int64_t id,
		 enum remove_how how, bool *archived, struct err *e)
{
	struct remove_args r = { spec, id, how, archived };

	return in_transaction(s, remove_object, &r, e);
}
