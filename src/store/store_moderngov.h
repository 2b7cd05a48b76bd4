/*
 * store_moderngov.h: writing what a modern.gov import read
 * (store_moderngov.c): bodies, meetings, agenda items and the documents
 * linked to them, found again by where they came from.
 *
 * Part of the store's interface (store.h says how all of it works).
 *
 * Each row keeps source 'moderngov' and source_id modern.gov's own id
 * (the committee, meeting or agenda item id), so that importing the same
 * response again finds the row it made and updates it, never adding a
 * second.  Every write is recorded (store_audit.h); the caller holds the
 * transaction (ingest/moderngov.c: one for the whole import).
 */
#ifndef SAFER_STORE_MODERNGOV_H
#define SAFER_STORE_MODERNGOV_H

#include "store.h"

/* What an upsert did. */
enum mg_outcome { MG_UNCHANGED, MG_ADDED, MG_UPDATED };

/* A committee as a body.  A body with this source id is updated; else a
 * body of the same name that came from nowhere (typed in, or the demo)
 * is taken as this committee and given its source id; else one is
 * added.  A body of that name from another committee is ERR_CONFLICT.
 * kind is one of body's kinds; note may be NULL. */
int store_mg_body(struct store *s, const char *source_id, const char *name,
		  const char *kind, const char *note, int64_t *id,
		  enum mg_outcome *how, struct err *e);

/* The body and meeting made earlier from these modern.gov ids: *id 0 if
 * there is none. */
int store_mg_body_find(struct store *s, const char *source_id, int64_t *id,
		       struct err *e);
int store_mg_meeting_find(struct store *s, const char *source_id, int64_t *id,
			  struct err *e);

struct mg_meeting_input {
	const char *source_id;
	int64_t body_id;    /* 0: the meeting's body as it is (a new one needs one) */
	const char *date;   /* YYYY-MM-DD */
	const char *time;   /* HH:MM or NULL */
	const char *venue;  /* NULL: left as it is */
	const char *status; /* scheduled, held or cancelled */
};

int store_mg_meeting(struct store *s, const struct mg_meeting_input *in,
		     int64_t *id, enum mg_outcome *how, struct err *e);

/* An agenda item of meeting_id: number, title and place on the agenda. */
int store_mg_item(struct store *s, const char *source_id, int64_t meeting_id,
		  const char *number, const char *title, int64_t position,
		  int64_t *id, enum mg_outcome *how, struct err *e);

/* A document linked to an item, kept as an attachment without its bytes:
 * name, content type and source_url, data an empty blob, bytes 0 (the
 * document stays on the council's site).  Found again by item and URL. */
int store_mg_document(struct store *s, int64_t item_id, const char *name,
		      const char *content_type, const char *url,
		      enum mg_outcome *how, struct err *e);

#endif
