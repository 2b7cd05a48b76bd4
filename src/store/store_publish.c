/*
 * store_publish.c: what the partnership publishes, and the threshold of
 * the public view, in meta (store_publish.h).
 */
#include <stdio.h>

#include "base/text.h"
#include "base/suppress.h"
#include "store_audit.h"
#include "store_indicator.h"
#include "store_int.h"
#include "store_publish.h"

const struct choice publish_parts[] = {
	{ "plan", "The plan, with its themes, leads and priority areas" },
	{ "funding", "Funding totals" },
	{ "headlines", "Headline indicators" },
	{ "crime", "The crime dashboard" },
	{ NULL, NULL },
};

static const char *const keys[PUBLISH_N_PARTS] = {
	"published:plan", "published:funding", "published:headlines",
	"published:crime",
};

#define THRESHOLD_KEY "suppress_below"

const char *publish_key(enum publish_part p)
{
	return keys[p];
}

int publish_part_parse(const char *name)
{
	for (int i = 0; name && publish_parts[i].code; i++)
		if (strcmp(publish_parts[i].code, name) == 0)
			return i;
	return -1;
}

/* The value of meta key into out (size n), or "" when unset. */
static int meta_read(struct store *s, const char *key, char *out, size_t n,
		     struct err *e)
{
	struct db_stmt *st =
		db_prepare(s->db, "SELECT value FROM meta WHERE key = :key", e);
	int rc;

	out[0] = '\0';
	if (!st)
		return -1;
	db_bind_text(st, ":key", key);
	rc = db_step(st, e);
	if (rc == DB_ROW && db_col_text(st, 0))
		snprintf(out, n, "%s", db_col_text(st, 0));
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

int store_publishing(struct store *s, struct publishing *out, struct err *e)
{
	char v[32];

	memset(out, 0, sizeof(*out));
	for (int i = 0; i < PUBLISH_N_PARTS; i++) {
		if (meta_read(s, keys[i], v, sizeof(v), e) < 0)
			return -1;
		out->on[i] = strcmp(v, "1") == 0;
	}
	if (meta_read(s, THRESHOLD_KEY, v, sizeof(v), e) < 0)
		return -1;
	if (!v[0] || text_int64(v, 1, SUPPRESS_MAX, &out->threshold,
				THRESHOLD_KEY, NULL) < 0)
		out->threshold = SUPPRESS_DEFAULT;
	return 0;
}

/* Write key = value (if it differs from what is stored) and record it. */
static int setting(struct store *s, const char *key, const char *value,
		   int *changed, struct err *e)
{
	char old[32];

	if (meta_read(s, key, old, sizeof(old), e) < 0)
		return -1;
	if (strcmp(old, value) == 0)
		return 0;
	if (store_meta_set(s, key, value, e) < 0 ||
	    audit_record(s, AUDIT_SETTING, 0, "update", key, old[0] ? old : NULL,
			 value, e) < 0)
		return -1;
	(*changed)++;
	return 0;
}

struct save_args {
	const struct publishing *p;
	int changed;
};

static int save(struct store *s, void *arg, struct err *e)
{
	struct save_args *x = arg;
	char n[24];

	for (int i = 0; i < PUBLISH_N_PARTS; i++) {
		char old[32];

		/* Unset and "0" both mean unpublished: leave an unset key
		 * unset rather than record a change that changes nothing. */
		if (meta_read(s, keys[i], old, sizeof(old), e) < 0)
			return -1;
		if (!x->p->on[i] && strcmp(old, "1") != 0)
			continue;
		if (setting(s, keys[i], x->p->on[i] ? "1" : "0", &x->changed, e) < 0)
			return -1;
	}
	snprintf(n, sizeof(n), "%lld", (long long)x->p->threshold);
	{
		struct publishing now;

		if (store_publishing(s, &now, e) < 0)
			return -1;
		if (now.threshold == x->p->threshold)
			return 0;
	}
	return setting(s, THRESHOLD_KEY, n, &x->changed, e);
}

int store_publishing_save(struct store *s, const struct publishing *p,
			  int *changed, struct err *e)
{
	struct save_args x = { p, 0 };

	if (p->threshold < 1 || p->threshold > SUPPRESS_MAX)
		return err_set(e, ERR_INVALID, "threshold",
			       "must be a whole number from 1 to %d", SUPPRESS_MAX);
	if (in_transaction(s, save, &x, e) < 0)
		return -1;
	if (changed)
		*changed = x.changed;
	return 0;
}

/* ---------------------------------------------------------------------
 * Indicators: official-sensitive or not
 */

struct mark_args {
	int64_t id;
	const char *sensitivity;
};

static int mark(struct store *s, void *arg, struct err *e)
{
	struct mark_args *x = arg;
	struct audit_snap snap;
	struct db_stmt *st;

	if (audit_before(s, &snap, AUDIT_INDICATOR, x->id, e) < 0)
		return -1;
	if (!snap.existed) {
		audit_discard(&snap);
		return not_found(e, "indicator", x->id);
	}
	st = db_prepare(s->db, "UPDATE indicator SET sensitivity = :sens "
			       "WHERE id = :id", e);
	if (!st) {
		audit_discard(&snap);
		return -1;
	}
	db_bind_text(st, ":sens", x->sensitivity);
	db_bind_int(st, ":id", x->id);
	if (db_exec(st, NULL, e) < 0) {
		audit_discard(&snap);
		return -1;
	}
	return audit_after(s, &snap, x->id, e);
}

int store_indicator_mark(struct store *s, int64_t id, const char *sensitivity,
			 struct err *e)
{
	struct mark_args x = { id, sensitivity };

	if (check_choice(sensitivities, sensitivity, "sensitivity", false, e) < 0)
		return -1;
	return in_transaction(s, mark, &x, e);
}
