/*
 * store_audit.c: the record of every change (store_audit.h).
 *
 * Each kind of object has one query that reads its fields, named as the
 * API names them.  A column whose alias ends in "[]" holds a JSON array
 * (a list of links, read with json_group_array) and is recorded as that
 * array under the name without the brackets.  Fields that change on
 * every write without anyone changing them (updated_at) are left out.
 *
 * An entry's hash is the SHA-256 of its fields, one a line, ending with
 * the hash of the entry before (64 zeros for the first); the newest
 * entry's id and hash are also kept in meta ("audit_head"), so that the
 * last entries removed by hand are caught as well as those in the middle.
 */
#include <jansson.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/sha256.h"
#include "base/text.h"
#include "store_audit.h"
#include "store_int.h"

static const char *const type_names[AUDIT_N_TYPES] = {
	[AUDIT_PARTNERSHIP] = "partnership",
	[AUDIT_ORGANISATION] = "organisation",
	[AUDIT_PERSON] = "person",
	[AUDIT_BOARD] = "board",
	[AUDIT_PLAN] = "plan",
	[AUDIT_THEME] = "theme",
	[AUDIT_PRIORITY] = "priority",
	[AUDIT_FRAMEWORK] = "framework",
	[AUDIT_OUTCOME_GROUP] = "outcome_group",
	[AUDIT_OUTCOME] = "outcome",
	[AUDIT_FUND] = "fund",
	[AUDIT_AWARD] = "award",
	[AUDIT_ACTION] = "action",
	[AUDIT_ACTION_UPDATE] = "action_update",
	[AUDIT_ACCOUNT] = "account",
	[AUDIT_TOKEN] = "token",
	[AUDIT_SETTING] = "setting",
	[AUDIT_IMPORT] = "import",
	[AUDIT_INDICATOR] = "indicator",
	[AUDIT_PEER_GROUP] = "peer_group",
	[AUDIT_BODY] = "body",
	[AUDIT_MEETING] = "meeting",
	[AUDIT_ITEM] = "item",
	[AUDIT_ATTACHMENT] = "attachment",
	[AUDIT_UNDERTAKING] = "undertaking",
	[AUDIT_ISSUE] = "issue",
};

/* The fields of each kind of object; NULL for kinds recorded only by
 * audit_record. */
static const char *const field_sql[AUDIT_N_TYPES] = {
	[AUDIT_PARTNERSHIP] =
		"SELECT name, area, description,"
		" (SELECT json_group_array(name) FROM (SELECT name FROM former_name"
		"   WHERE partnership_id = :id ORDER BY id)) AS \"former_names[]\""
		" FROM partnership WHERE id = :id",
	[AUDIT_ORGANISATION] =
		"SELECT name, short_name, sector, is_member, note, archived_at"
		" FROM organisation WHERE id = :id",
	[AUDIT_PERSON] =
		"SELECT name, role, organisation_id, archived_at"
		" FROM person WHERE id = :id",
	[AUDIT_BOARD] =
		"SELECT name, kind, parent_id AS reports_to_id, chair_id,"
		" terms_of_reference, archived_at,"
		" (SELECT json_group_array(person_id) FROM (SELECT person_id"
		"   FROM board_member WHERE board_id = :id ORDER BY person_id))"
		"   AS \"member_ids[]\""
		" FROM board WHERE id = :id",
	[AUDIT_PLAN] =
		"SELECT title, kind, period_start AS \"period.start\","
		" period_end AS \"period.end\", status, approved_by,"
		" approved_by_board_id, approved_on, note, previous_id, archived_at"
		" FROM plan WHERE id = :id",
	[AUDIT_THEME] =
		"SELECT plan_id, name, description, lead_id, position, archived_at"
		" FROM theme WHERE id = :id",
	[AUDIT_PRIORITY] =
		"SELECT theme_id, name, description, position, added_on,"
		" removed_on, archived_at,"
		" (SELECT json_group_array(outcome_id) FROM (SELECT outcome_id"
		"   FROM priority_outcome WHERE priority_id = :id"
		"   ORDER BY outcome_id)) AS \"outcome_ids[]\""
		" FROM priority WHERE id = :id",
	[AUDIT_FRAMEWORK] =
		"SELECT name, owner, period, note, archived_at"
		" FROM framework WHERE id = :id",
	[AUDIT_OUTCOME_GROUP] =
		"SELECT framework_id, name, position FROM outcome_group WHERE id = :id",
	[AUDIT_OUTCOME] =
		"SELECT o.framework_id, o.number, o.text, g.name AS \"group\","
		" o.archived_at"
		" FROM outcome o JOIN outcome_group g ON g.id = o.group_id"
		" WHERE o.id = :id",
	[AUDIT_FUND] =
		"SELECT name, year, grantor, allocation_pence, note, archived_at"
		" FROM fund WHERE id = :id",
	[AUDIT_AWARD] =
		"SELECT fund_id, recipient, purpose, amount_pence, priority_id,"
		" status, note, archived_at FROM award WHERE id = :id",
	[AUDIT_ACTION] =
		"SELECT plan_id, theme_id, priority_id, title, description,"
		" owner_id, due_on, status, rag, archived_at"
		" FROM action WHERE id = :id",
	[AUDIT_ACTION_UPDATE] =
		"SELECT action_id, author_id, author_account_id, body, status, rag"
		" FROM action_update WHERE id = :id",
	[AUDIT_ACCOUNT] =
		"SELECT email, name, role, person_id, disabled_at,"
		" password_changed_at,"
		" (SELECT json_group_array(target_id) FROM (SELECT target_id"
		"   FROM account_scope WHERE account_id = :id AND kind = 'theme'"
		"   ORDER BY target_id)) AS \"theme_ids[]\","
		" (SELECT json_group_array(target_id) FROM (SELECT target_id"
		"   FROM account_scope WHERE account_id = :id AND kind = 'board'"
		"   ORDER BY target_id)) AS \"board_ids[]\""
		" FROM account WHERE id = :id",
	[AUDIT_TOKEN] =
		"SELECT account_id, name, revoked_at FROM api_token WHERE id = :id",
	[AUDIT_IMPORT] =
		"SELECT source, state, rows_read, rows_added, rows_replaced,"
		" rows_unchanged, rows_skipped, note, undone_at"
		" FROM import WHERE id = :id",
	[AUDIT_INDICATOR] =
		"SELECT code, name, description, unit, per, polarity, frequency,"
		" source, owner, sensitivity, ci_method, comparison, benchmark,"
		" peer_group, target, target_note, baseline, baseline_period,"
		" crime_type FROM indicator WHERE id = :id",
	[AUDIT_PEER_GROUP] =
		"SELECT name, note,"
		" (SELECT json_group_array(area) FROM (SELECT area"
		"   FROM peer_group_member WHERE group_id = :id ORDER BY position))"
		"   AS \"areas[]\""
		" FROM peer_group WHERE id = :id",
	[AUDIT_BODY] =
		"SELECT name, kind, board_id, chair_id, clerk_id, note, archived_at,"
		" (SELECT json_group_array(person_id) FROM (SELECT person_id"
		"   FROM body_member WHERE body_id = :id ORDER BY person_id))"
		"   AS \"member_ids[]\""
		" FROM body WHERE id = :id",
	[AUDIT_MEETING] =
		"SELECT body_id, date, time, venue, status, note, archived_at,"
		" (SELECT json_group_array(role || ': ' || name) FROM (SELECT role,"
		"   name FROM meeting_attendee WHERE meeting_id = :id"
		"   ORDER BY role, position, id)) AS \"attendees[]\""
		" FROM meeting WHERE id = :id",
	[AUDIT_ITEM] =
		"SELECT meeting_id, number, title, report_of, author, contact,"
		" summary, minutes, archived_at,"
		" (SELECT json_group_array(text) FROM (SELECT text FROM"
		"   item_recommendation WHERE item_id = :id ORDER BY position))"
		"   AS \"recommendations[]\","
		" (SELECT json_group_array(text) FROM (SELECT text FROM item_comment"
		"   WHERE item_id = :id ORDER BY position)) AS \"comments[]\","
		" (SELECT json_group_array(kind || ': ' || text) FROM (SELECT kind,"
		"   text FROM resolution WHERE item_id = :id ORDER BY position))"
		"   AS \"resolutions[]\","
		" (SELECT json_group_array(kind || ' ' || target_id) FROM (SELECT"
		"   kind, target_id FROM item_link WHERE item_id = :id"
		"   ORDER BY kind, target_id)) AS \"links[]\","
		" (SELECT json_group_array(issue_id) FROM (SELECT issue_id FROM"
		"   issue_item WHERE item_id = :id ORDER BY issue_id))"
		"   AS \"issue_ids[]\""
		" FROM agenda_item WHERE id = :id",
	[AUDIT_ATTACHMENT] =
		"SELECT item_id, name, content_type, bytes, sha256"
		" FROM attachment WHERE id = :id",
	[AUDIT_UNDERTAKING] =
		"SELECT item_id, kind, text, owner, owner_id, to_body_id,"
		" due_meeting_id, due_date, status, discharged_by_item_id,"
		" discharged_on, note FROM undertaking WHERE id = :id",
	[AUDIT_ISSUE] =
		"SELECT title, description, plan_id, archived_at"
		" FROM issue WHERE id = :id",
};

#define NO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

const char *audit_type_name(enum audit_type t)
{
	return (unsigned)t < AUDIT_N_TYPES ? type_names[t] : NULL;
}

int audit_type_parse(const char *name)
{
	for (int i = 0; name && i < AUDIT_N_TYPES; i++)
		if (strcmp(type_names[i], name) == 0)
			return i;
	return -1;
}

void audit_discard(struct audit_snap *snap)
{
	for (size_t i = 0; i < snap->n_fields; i++) {
		free(snap->fields[i].name);
		free(snap->fields[i].json);
	}
	free(snap->fields);
	snap->fields = NULL;
	snap->n_fields = 0;
}

/* Column col of the current row as JSON, malloc'd. */
static char *column_json(struct db_stmt *st, int col, bool array)
{
	struct buf b = BUF_INIT;

	switch (db_col_type(st, col)) {
	case DB_NULL:
		return xstrdup("null");
	case DB_INT:
		buf_printf(&b, "%lld", (long long)db_col_int(st, col));
		break;
	case DB_REAL:
		jw_add_double(&b, db_col_double(st, col));
		break;
	default:
		if (array) {
			buf_adds(&b, db_col_text(st, col));
		} else {
			struct jw j;

			jw_init(&j, &b, false);
			jw_str(&j, db_col_text(st, col));
		}
		break;
	}
	return buf_detach(&b, NULL);
}

/* Read the fields of (type, id) into snap; snap->existed says whether
 * there is such an object. */
static int read_fields(struct store *s, struct audit_snap *snap, int64_t id,
		       struct err *e)
{
	struct db_stmt *st;
	int rc;

	snap->id = id;
	snap->existed = false;
	snap->fields = NULL;
	snap->n_fields = 0;
	if (id == 0 || !field_sql[snap->type])
		return 0;
	st = db_prepare(s->db, field_sql[snap->type], e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		int n = db_col_count(st);

		snap->existed = true;
		snap->fields = xcalloc((size_t)n, sizeof(*snap->fields));
		for (int i = 0; i < n; i++) {
			const char *name = db_col_name(st, i);
			size_t len = strlen(name);
			bool array = len > 2 && strcmp(name + len - 2, "[]") == 0;

			snap->fields[i].json = column_json(st, i, array);
			snap->fields[i].name = xstrdup(name);
			if (array)
				snap->fields[i].name[len - 2] = '\0';
		}
		snap->n_fields = (size_t)n;
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

int audit_before(struct store *s, struct audit_snap *snap,
		 enum audit_type type, int64_t id, struct err *e)
{
	if ((unsigned)type >= AUDIT_N_TYPES || !field_sql[type])
		BUG("audit_before: no fields to read for type %d", (int)type);
	snap->type = type;
	if (read_fields(s, snap, id, e) < 0) {
		audit_discard(snap);
		return -1;
	}
	return 0;
}

/* The value of field name in snap as JSON, or "null". */
static const char *field_value(const struct audit_snap *snap, const char *name)
{
	for (size_t i = 0; i < snap->n_fields; i++)
		if (strcmp(snap->fields[i].name, name) == 0)
			return snap->fields[i].json;
	return "null";
}

static void add_change(struct jw *j, const char *field, const char *old_json,
		       const char *new_json)
{
	jw_obj(j);
	jw_kv_str(j, "field", field);
	jw_key(j, "old");
	jw_raw(j, old_json);
	jw_key(j, "new");
	jw_raw(j, new_json);
	jw_end(j);
}

/* Write the entry: the next id, the chain, the head in meta. */
static int write_entry(struct store *s, const char *type, int64_t object_id,
		       const char *op, const char *changes, struct err *e)
{
	struct db_stmt *st;
	struct buf b = BUF_INIT;
	char at[21], hash[SHA256_HEX_SIZE], prev[SHA256_HEX_SIZE];
	int64_t id = 1;
	const char *via = s->actor_via ? s->actor_via : "cli";
	int rc;

	if (!db_in_transaction(s->db))
		BUG("a change recorded outside a transaction");
	st = db_prepare(s->db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
			e);
	if (!st)
		return -1;
	snprintf(prev, sizeof(prev), "%s", NO_HASH);
	rc = db_step(st, e);
	if (rc == DB_ROW) {
		id = db_col_int(st, 0) + 1;
		snprintf(prev, sizeof(prev), "%s", db_col_text(st, 1));
	}
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	text_now(at);
	buf_printf(&b, "%lld\n%s\n%s\n%lld\n%s\n%s\n%lld\n%s\n%s\n%s",
		   (long long)id, at, s->actor ? s->actor : "",
		   (long long)s->actor_account, via, type, (long long)object_id,
		   op, changes, prev);
	sha256_hex(b.ptr, b.len, hash);
	buf_release(&b);
	st = db_prepare(s->db,
			"INSERT INTO audit (id, at, by_user, by_account, via,"
			"  object_type, object_id, op, changes, prev_hash, hash)"
			" VALUES (:id, :at, :by, :acct, :via, :type, :oid, :op,"
			"  :changes, :prev, :hash)",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":at", at);
	db_bind_text(st, ":by", s->actor);
	db_bind_id(st, ":acct", s->actor_account);
	db_bind_text(st, ":via", via);
	db_bind_text(st, ":type", type);
	db_bind_int(st, ":oid", object_id);
	db_bind_text(st, ":op", op);
	db_bind_text(st, ":changes", changes);
	db_bind_text(st, ":prev", prev);
	db_bind_text(st, ":hash", hash);
	if (db_exec(st, NULL, e) < 0)
		return -1;
	buf_printf(&b, "%lld %s", (long long)id, hash);
	rc = store_meta_set(s, "audit_head", b.ptr, e);
	buf_release(&b);
	return rc;
}

int audit_after(struct store *s, struct audit_snap *snap, int64_t id,
		struct err *e)
{
	struct audit_snap now = { .type = snap->type };
	struct buf b = BUF_INIT;
	struct jw j;
	const char *op;
	size_t n = 0;
	int rc = -1;

	if (read_fields(s, &now, id ? id : snap->id, e) < 0)
		goto out;
	if (!snap->existed && !now.existed) {
		rc = 0; /* nothing was there and nothing is */
		goto out;
	}
	jw_init(&j, &b, false);
	jw_arr(&j);
	/* Every field of whichever side has them, in the query's order. */
	{
		const struct audit_snap *names = now.existed ? &now : snap;

		for (size_t i = 0; i < names->n_fields; i++) {
			const char *f = names->fields[i].name;
			const char *o = snap->existed ? field_value(snap, f) : "null";
			const char *v = now.existed ? field_value(&now, f) : "null";

			if (strcmp(o, v) == 0)
				continue;
			/* An empty list created or deleted is no change. */
			if (strcmp(o, "null") == 0 && strcmp(v, "[]") == 0)
				continue;
			if (strcmp(v, "null") == 0 && strcmp(o, "[]") == 0)
				continue;
			add_change(&j, f, o, v);
			n++;
		}
	}
	jw_end(&j);
	if (!snap->existed)
		op = "create";
	else if (!now.existed)
		op = "delete";
	else if (strcmp(field_value(snap, "archived_at"), "null") == 0 &&
		 strcmp(field_value(&now, "archived_at"), "null") != 0)
		op = "archive";
	else if (strcmp(field_value(snap, "archived_at"), "null") != 0 &&
		 strcmp(field_value(&now, "archived_at"), "null") == 0)
		op = "restore";
	else
		op = "update";
	if (n == 0 && strcmp(op, "update") == 0) {
		rc = 0; /* nothing changed: nothing to record */
		goto out;
	}
	rc = write_entry(s, type_names[snap->type], now.existed ? now.id : snap->id,
			 op, b.ptr, e);
out:
	buf_release(&b);
	audit_discard(&now);
	audit_discard(snap);
	return rc;
}

int audit_record(struct store *s, enum audit_type type, int64_t id,
		 const char *op, const char *field, const char *old_value,
		 const char *new_value, struct err *e)
{
	struct buf b = BUF_INIT;
	struct jw j;
	int rc;

	if ((unsigned)type >= AUDIT_N_TYPES)
		BUG("audit_record: type %d", (int)type);
	jw_init(&j, &b, false);
	jw_arr(&j);
	jw_obj(&j);
	jw_kv_str(&j, "field", field);
	jw_kv_str(&j, "old", old_value);
	jw_kv_str(&j, "new", new_value);
	jw_end(&j);
	jw_end(&j);
	rc = write_entry(s, type_names[type], id, op, b.ptr, e);
	buf_release(&b);
	return rc;
}

/* ---------------------------------------------------------------------
 * Reading
 */

/* Is d a date YYYY-MM-DD? */
static bool is_date(const char *d)
{
	int y, m, dd;
	char end;

	return d && strlen(d) == 10 &&
	       sscanf(d, "%4d-%2d-%2d%c", &y, &m, &dd, &end) == 3 && m >= 1 &&
	       m <= 12 && dd >= 1 && dd <= 31;
}

/* The changes of an entry as a list. */
static void parse_changes(struct arena *a, struct audit_entry *en)
{
	json_t *root = json_loads(en->changes, 0, NULL);
	size_t i;
	json_t *item;

	if (!json_is_array(root)) {
		json_decref(root);
		return;
	}
	en->list = arena_alloc(a, (json_array_size(root) + 1) * sizeof(*en->list));
	json_array_foreach(root, i, item) {
		struct audit_change *c = &en->list[en->n_list];
		char *o = json_dumps(json_object_get(item, "old"),
				     JSON_ENCODE_ANY | JSON_COMPACT);
		char *v = json_dumps(json_object_get(item, "new"),
				     JSON_ENCODE_ANY | JSON_COMPACT);

		c->field = arena_strdup(a, json_string_value(
					       json_object_get(item, "field")));
		c->old_json = arena_strdup(a, o ? o : "null");
		c->new_json = arena_strdup(a, v ? v : "null");
		free(o);
		free(v);
		if (c->field)
			en->n_list++;
	}
	json_decref(root);
}

struct audit_entry *store_audit_list(struct store *s, struct arena *a,
				     const struct audit_filter *f, size_t *n,
				     struct err *e)
{
	struct audit_entry *list = NULL;
	size_t cap = 0;
	struct db_stmt *st;
	int rc;

	*n = 0;
	if (f->object_type && audit_type_parse(f->object_type) < 0) {
		err_set(e, ERR_INVALID, "object_type",
			"is not a kind of object safer records: '%s'",
			f->object_type);
		return NULL;
	}
	if (f->from && !is_date(f->from)) {
		err_set(e, ERR_INVALID, "from", "must be a date YYYY-MM-DD");
		return NULL;
	}
	if (f->to && !is_date(f->to)) {
		err_set(e, ERR_INVALID, "to", "must be a date YYYY-MM-DD");
		return NULL;
	}
	st = db_prepare(s->db,
			"SELECT id, at, by_user, by_account, via, object_type,"
			"  object_id, op, changes FROM audit"
			" WHERE (:type IS NULL OR object_type = :type)"
			"  AND (:oid = 0 OR object_id = :oid)"
			"  AND (:user IS NULL OR by_user = :user)"
			"  AND (:acct = 0 OR by_account = :acct)"
			"  AND (:from IS NULL OR substr(at, 1, 10) >= :from)"
			"  AND (:to IS NULL OR substr(at, 1, 10) <= :to)"
			" ORDER BY id DESC LIMIT :limit OFFSET :offset",
			e);
	if (!st)
		return NULL;
	db_bind_text(st, ":type", f->object_type);
	db_bind_int(st, ":oid", f->object_id);
	db_bind_text(st, ":user", f->user);
	db_bind_int(st, ":acct", f->account);
	db_bind_text(st, ":from", f->from);
	db_bind_text(st, ":to", f->to);
	db_bind_int(st, ":limit", f->limit > 0 ? f->limit : -1);
	db_bind_int(st, ":offset", f->offset > 0 ? f->offset : 0);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct audit_entry *en = VEC_PUSH(a, list, n, &cap);

		en->id = db_col_int(st, 0);
		en->at = col_str(a, st, 1);
		en->by_user = col_str(a, st, 2);
		en->by_account = db_col_int(st, 3);
		en->via = col_str(a, st, 4);
		en->object_type = col_str(a, st, 5);
		en->object_id = db_col_int(st, 6);
		en->op = col_str(a, st, 7);
		en->changes = col_str(a, st, 8);
		parse_changes(a, en);
	}
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	return LIST_RESULT(a, list);
}

int store_audit_verify(struct store *s, int64_t *n_entries, int64_t *bad_id,
		       struct err *e)
{
	struct db_stmt *st;
	struct buf b = BUF_INIT;
	char prev[SHA256_HEX_SIZE], hash[SHA256_HEX_SIZE];
	int64_t expect = 1, last = 0;
	const char *head;
	struct arena a = ARENA_INIT;
	int rc, result = 0;

	*n_entries = 0;
	*bad_id = 0;
	snprintf(prev, sizeof(prev), "%s", NO_HASH);
	if (store_read_begin(s, e) < 0)
		return -1;
	st = db_prepare(s->db,
			"SELECT id, at, by_user, by_account, via, object_type,"
			"  object_id, op, changes, prev_hash, hash"
			" FROM audit ORDER BY id",
			e);
	if (!st) {
		store_read_end(s);
		return -1;
	}
	while ((rc = db_step(st, e)) == DB_ROW) {
		int64_t id = db_col_int(st, 0);
		const char *stored = db_col_text(st, 10);

		buf_reset(&b);
		buf_printf(&b, "%lld\n%s\n%s\n%lld\n%s\n%s\n%lld\n%s\n%s\n%s",
			   (long long)id, db_col_text(st, 1),
			   db_col_null(st, 2) ? "" : db_col_text(st, 2),
			   (long long)db_col_int(st, 3), db_col_text(st, 4),
			   db_col_text(st, 5), (long long)db_col_int(st, 6),
			   db_col_text(st, 7), db_col_text(st, 8), prev);
		sha256_hex(b.ptr, b.len, hash);
		if (id != expect) {
			*bad_id = id;
			result = err_set(e, ERR_DB, NULL,
					 "the record of changes is broken: entry %lld "
					 "follows entry %lld (entries are missing)",
					 (long long)id, (long long)(expect - 1));
			break;
		}
		if (!db_col_text(st, 9) || strcmp(db_col_text(st, 9), prev) != 0) {
			*bad_id = id;
			result = err_set(e, ERR_DB, NULL,
					 "the record of changes is broken at entry "
					 "%lld: it does not follow the entry before",
					 (long long)id);
			break;
		}
		if (!stored || strcmp(stored, hash) != 0) {
			*bad_id = id;
			result = err_set(e, ERR_DB, NULL,
					 "the record of changes is broken at entry "
					 "%lld: its content is not what was recorded",
					 (long long)id);
			break;
		}
		snprintf(prev, sizeof(prev), "%s", hash);
		last = id;
		expect = id + 1;
		(*n_entries)++;
	}
	db_done(st);
	buf_release(&b);
	if (rc == DB_ERROR)
		result = -1;
	if (result == 0) {
		/* The newest entry is the one the last write recorded. */
		rc = store_meta_get(s, &a, "audit_head", &head, e);
		if (rc < 0) {
			result = -1;
		} else {
			char want[96];

			if (last)
				snprintf(want, sizeof(want), "%lld %s", (long long)last,
					 prev);
			if ((rc == 0) != (last == 0) ||
			    (last && strcmp(head, want) != 0)) {
				*bad_id = last;
				result = err_set(e, ERR_DB, NULL,
						 "the record of changes is broken: "
						 "the newest entries are missing (it "
						 "ends at entry %lld, but entry %lld was "
						 "recorded last)",
						 (long long)last,
						 rc ? strtoll(head, NULL, 10) : 0LL);
			}
		}
		arena_release(&a);
	}
	store_read_end(s);
	return result;
}
