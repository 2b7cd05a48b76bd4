/*
 * store_audit.h: the record of every change (store_audit.c).
 *
 * Every write in the store records what it changed, in the same
 * transaction as the change: who (store_set_actor), when, through what
 * (the command line, the web pages, the API), which object, and each
 * field's old and new value.  A write that changes nothing records
 * nothing; a write that fails records nothing (its transaction, the
 * entry with it, is rolled back).
 *
 * A write does it in two calls around its change:
 *
 *	struct audit_snap snap;
 *
 *	if (audit_before(s, &snap, AUDIT_THEME, id, e) < 0)   (id 0: a new one)
 *		return -1;
 *	... the UPDATE / INSERT / DELETE ...
 *	if (audit_after(s, &snap, id, e) < 0)                  (the new id)
 *		return -1;
 *
 * audit_before reads the object's fields as they are, audit_after reads
 * them again and records one entry with the fields that differ.  The
 * fields are read by one query per kind of object (store_audit.c), named
 * as the API names them, so the record of a theme shows "lead_id" and
 * "description", and a list of links (a priority's "outcome_ids", a
 * board's "member_ids") is one field.  The operation is "create" when
 * there was nothing before, "delete" when nothing is left, "archive" when
 * archived_at was set, and "update" otherwise.
 *
 * Entries cannot be changed through safer (triggers refuse UPDATE and
 * DELETE on the table), and each carries the SHA-256 of its own content
 * and of the entry before it, so that an entry edited, removed or
 * inserted by hand breaks the chain (store_audit_verify).
 */
#ifndef SAFER_STORE_AUDIT_H
#define SAFER_STORE_AUDIT_H

#include "store.h"

/* The kinds of object recorded.  audit_type_name gives the name stored
 * and shown ("theme"); audit_type_parse the reverse (-1 if unknown). */
enum audit_type {
	AUDIT_PARTNERSHIP,
	AUDIT_ORGANISATION,
	AUDIT_PERSON,
	AUDIT_BOARD,
	AUDIT_PLAN,
	AUDIT_THEME,
	AUDIT_PRIORITY,
	AUDIT_FRAMEWORK,
	AUDIT_OUTCOME_GROUP,
	AUDIT_OUTCOME,
	AUDIT_FUND,
	AUDIT_AWARD,
	AUDIT_ACTION,
	AUDIT_ACTION_UPDATE,
	AUDIT_ACCOUNT,
	AUDIT_TOKEN,
	AUDIT_SETTING,   /* a row of meta: the id is 0, the field its key */
	AUDIT_IMPORT,
	AUDIT_INDICATOR,
	AUDIT_PEER_GROUP,
	AUDIT_BODY,
	AUDIT_MEETING,
	AUDIT_ITEM,        /* an agenda item with its report and minutes */
	AUDIT_ATTACHMENT,
	AUDIT_UNDERTAKING,
	AUDIT_ISSUE,
	AUDIT_N_TYPES
};

const char *audit_type_name(enum audit_type t);
int audit_type_parse(const char *name);

/* A field as read for the record: its API name and its value as JSON
 * (a number, a string, null). */
struct audit_field {
	char *name;
	char *json;
};

/* What an object held before a change.  Owned by the caller; audit_after
 * (or audit_discard, on a path that gives up) frees what it holds. */
struct audit_snap {
	enum audit_type type;
	int64_t id;
	bool existed;
	struct audit_field *fields;
	size_t n_fields;
};

int audit_before(struct store *s, struct audit_snap *snap,
		 enum audit_type type, int64_t id, struct err *e);
int audit_after(struct store *s, struct audit_snap *snap, int64_t id,
		struct err *e);
void audit_discard(struct audit_snap *snap);

/* Record a change that is not a row's fields (a setting, a password
 * changed): one entry with one field.  old_value and new_value are text
 * or NULL.  For AUDIT_SETTING the id is 0.  Inside the write's
 * transaction. */
int audit_record(struct store *s, enum audit_type type, int64_t id,
		 const char *op, const char *field, const char *old_value,
		 const char *new_value, struct err *e);

/* ---------------------------------------------------------------------
 * Reading the record
 */

struct audit_change {
	const char *field;
	const char *old_json; /* JSON: "text", 12, null */
	const char *new_json;
};

struct audit_entry {
	int64_t id;
	const char *at;        /* YYYY-MM-DDTHH:MM:SSZ */
	const char *by_user;   /* email, or the operating system's user */
	int64_t by_account;    /* 0 for none */
	const char *via;       /* "cli", "web", "api" */
	const char *object_type;
	int64_t object_id;
	const char *op;        /* create, update, archive, delete */
	const char *changes;   /* the JSON list as stored */
	struct audit_change *list;
	size_t n_list;
};

/* Which entries: each criterion that is set narrows the list. */
struct audit_filter {
	const char *object_type; /* NULL: any */
	int64_t object_id;       /* 0: any */
	const char *user;        /* by_user equal to this, or NULL */
	int64_t account;         /* 0: any */
	const char *from;        /* YYYY-MM-DD, inclusive, or NULL */
	const char *to;          /* YYYY-MM-DD, inclusive, or NULL */
	int64_t limit;           /* 0: all */
	int64_t offset;
};

/* Entries newest first.  Fails with ERR_INVALID naming the field for a
 * bad object_type or date. */
struct audit_entry *store_audit_list(struct store *s, struct arena *a,
				     const struct audit_filter *f, size_t *n,
				     struct err *e);

/* Check the whole chain: returns 0 if every entry's hash is right and
 * follows the one before; -1 with e set (ERR_DB, naming the first entry
 * that is wrong, in *bad_id) otherwise.  *n_entries gets how many were
 * checked. */
int store_audit_verify(struct store *s, int64_t *n_entries, int64_t *bad_id,
		       struct err *e);

#endif
