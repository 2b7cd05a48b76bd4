/*
 * store_publish.h: what the partnership publishes (store_publish.c).
 *
 * Four parts of safer can be published, each read by anonymous visitors
 * at its own addresses: the plan (themes and their leads, priority
 * areas), the funding totals, the headline indicators and the crime
 * dashboard.  Each is a row of meta, "published:plan" and so on, "1" when
 * published ("0" or absent when not), which the route table's
 * NEED_PUBLISHED_* reads; and "suppress_below" holds the threshold of
 * the public view: counts from 1 to it less one are hidden
 * (base/suppress.h; 5 when unset).
 *
 * Every change is recorded (store_audit.h): one AUDIT_SETTING entry per
 * key that changes, its field the key, in the same transaction.
 */
#ifndef SAFER_STORE_PUBLISH_H
#define SAFER_STORE_PUBLISH_H

#include "store.h"

/* The parts, in the order they are listed. */
enum publish_part {
	PUBLISH_PLAN,
	PUBLISH_FUNDING,
	PUBLISH_HEADLINES,
	PUBLISH_CRIME,
	PUBLISH_N_PARTS
};

/* "plan", "funding", "headlines", "crime"; the words shown ("The plan,
 * with its themes and leads"); the meta key ("published:plan"). */
extern const struct choice publish_parts[]; /* ends with {NULL, NULL} */
const char *publish_key(enum publish_part p);
/* The part named, or -1. */
int publish_part_parse(const char *name);

struct publishing {
	bool on[PUBLISH_N_PARTS];
	int64_t threshold; /* suppress_below: 1 to SUPPRESS_MAX */
};

/* What is published, and the threshold. */
int store_publishing(struct store *s, struct publishing *out, struct err *e);

/* Make it so: each part whose setting differs is written and recorded,
 * and the threshold if it differs (ERR_INVALID on "threshold" unless it
 * is 1 to SUPPRESS_MAX).  One transaction; nothing recorded if nothing
 * changed.  *changed (if not NULL) gets how many settings changed. */
int store_publishing_save(struct store *s, const struct publishing *p,
			  int *changed, struct err *e);

/* Mark indicator id "open", "official" or "official_sensitive"
 * (ERR_INVALID on "sensitivity" otherwise; ERR_NOT_FOUND for no such
 * indicator).  An official-sensitive indicator never appears in the
 * public view.  Recorded as a change of the indicator. */
int store_indicator_mark(struct store *s, int64_t id, const char *sensitivity,
			 struct err *e);

#endif
