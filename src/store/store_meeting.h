/*
 * store_meeting.h: the bodies that meet, their meetings, agenda items
 * with their report, minutes and resolutions, and the documents attached
 * to them (store_body.c; store_meeting.c the rest).
 *
 * Part of the store's interface (store.h says how all of it works).
 * Field names in errors are the API's: "body_id", "date", "time",
 * "recommendations", "resolutions", ...
 *
 * An imported row carries where it came from (source "moderngov" and
 * the source's own id); store_*_find_source finds it again, so that an
 * import updates rather than duplicates.
 */
#ifndef SAFER_STORE_MEETING_H
#define SAFER_STORE_MEETING_H

#include "store.h"

extern const struct choice body_kinds[];       /* scrutiny, executive, ... */
extern const struct choice meeting_statuses[]; /* scheduled, held, cancelled */
extern const struct choice attendee_roles[];   /* present, apologies,
						* presenting, in_attendance */
extern const struct choice resolution_kinds[]; /* noted, approved, ... */
extern const struct choice item_link_kinds[];  /* plan, theme, priority,
						* indicator, fund, action */

/* ---------------------------------------------------------------------
 * Bodies
 */

struct body_member {
	int64_t person_id;
	const char *name;
	const char *role; /* or NULL */
};

struct body {
	int64_t id;
	const char *name;
	const char *kind;
	int64_t board_id;        /* the partnership's own board it is, or 0 */
	const char *board_name;
	int64_t chair_id;
	const char *chair_name;
	int64_t clerk_id;
	const char *clerk_name;
	const char *note;
	const char *source, *source_id;
	bool example;
	const char *archived_at;
	int64_t n_meetings;
	struct body_member *members;
	size_t n_members;
};

/* Bodies by name, archived ones left out, with their members. */
struct body *store_bodies(struct store *s, struct arena *a, size_t *n,
			  struct err *e);
/* One body with its members, archived or not. */
struct body *store_body(struct store *s, struct arena *a, int64_t id,
			struct err *e);

enum {
	BODY_NAME = 1 << 0,
	BODY_KIND = 1 << 1,
	BODY_BOARD = 1 << 2,
	BODY_CHAIR = 1 << 3,
	BODY_CLERK = 1 << 4,
	BODY_NOTE = 1 << 5,
	BODY_MEMBERS = 1 << 6,
};

struct body_member_input {
	int64_t person_id;
	const char *role; /* or NULL */
};

struct body_input {
	const char *name;
	const char *kind;
	int64_t board_id, chair_id, clerk_id; /* 0: none */
	const char *note;
	const char *source, *source_id;  /* on create only; NULL for none */
	bool example;                    /* on create only */
	unsigned set;                    /* BODY_*: for an update, the
					  * fields given */
	const struct body_member_input *members; /* with BODY_MEMBERS: the
						  * whole list */
	size_t n_members;
};

int store_body_create(struct store *s, const struct body_input *in,
		      int64_t *id, struct err *e);
int store_body_update(struct store *s, int64_t id, const struct body_input *in,
		      struct err *e);
/* Delete, or archive when it has meetings or a resolution recommends
 * to it. */
int store_body_remove(struct store *s, int64_t id, enum remove_how how,
		      bool *archived, struct err *e);

/* ---------------------------------------------------------------------
 * Meetings
 */

struct attendee {
	const char *name;
	int64_t person_id; /* 0 when not one of safer's people */
	const char *role;  /* present, apologies, presenting, in_attendance */
};

struct resolution {
	const char *text;
	const char *kind;
	int64_t to_body_id;      /* for "recommended": to whom, or 0 */
	const char *to_body_name;
};

struct item_link {
	const char *kind;  /* plan, theme, ... */
	int64_t target_id;
	const char *title; /* the target's name or title, NULL if gone */
};

struct attachment {
	int64_t id;
	int64_t item_id;
	const char *name;
	const char *content_type;
	int64_t bytes;
	const char *sha256;     /* hex */
	const char *created_at; /* YYYY-MM-DDTHH:MM:SSZ */
	const char *source_url; /* or NULL */
	const void *data;       /* store_attachment with data only */
};

struct undertaking;

struct agenda_item {
	int64_t id;
	int64_t meeting_id;
	const char *meeting_date;
	int64_t body_id;
	const char *body_name;
	const char *number;
	const char *title;
	const char *report_of, *author, *contact, *summary, *minutes;
	int64_t position;
	const char *source, *source_id;
	bool example;
	const char *archived_at;
	const char **recommendations;
	size_t n_recommendations;
	const char **comments;
	size_t n_comments;
	struct resolution *resolutions;
	size_t n_resolutions;
	struct item_link *links;
	size_t n_links;
	struct attachment *attachments; /* without their data */
	size_t n_attachments;
	/* What was undertaken or requested at this item
	 * (store_scrutiny.h): left NULL by this file; the API fills it. */
	struct undertaking *undertakings;
	size_t n_undertakings;
};

struct meeting {
	int64_t id;
	int64_t body_id;
	const char *body_name;
	const char *date;   /* YYYY-MM-DD */
	const char *time;   /* HH:MM or NULL */
	const char *venue;
	const char *status; /* scheduled, held, cancelled */
	const char *note;
	const char *source, *source_id;
	bool example;
	const char *archived_at;
	int64_t n_items_total; /* in lists: how many items it has */
	struct attendee *attendees; /* store_meeting only */
	size_t n_attendees;
	struct agenda_item *items;  /* store_meeting only, in order */
	size_t n_items;
	/* The open undertakings due at it (store_undertakings_for_meeting):
	 * left NULL by this file; the API fills it. */
	struct undertaking *undertakings_due;
	size_t n_undertakings_due;
};

struct meeting_filter {
	const char *from, *to; /* YYYY-MM-DD inclusive, or NULL */
	int64_t body_id;       /* 0: any */
};

/* Meetings by date and time, archived ones left out, without their
 * attendees and items.  ERR_INVALID naming "from", "to" or "body_id"
 * for a bad filter. */
struct meeting *store_meetings(struct store *s, struct arena *a,
			       const struct meeting_filter *f, size_t *n,
			       struct err *e);
/* One meeting with its attendees and its items (archived items left
 * out), each item with everything (attachments without data). */
struct meeting *store_meeting(struct store *s, struct arena *a, int64_t id,
			      struct err *e);

enum {
	MEETING_BODY = 1 << 0,
	MEETING_DATE = 1 << 1,
	MEETING_TIME = 1 << 2,
	MEETING_VENUE = 1 << 3,
	MEETING_STATUS = 1 << 4,
	MEETING_NOTE = 1 << 5,
	MEETING_ATTENDEES = 1 << 6,
};

struct meeting_input {
	int64_t body_id;
	const char *date, *time, *venue, *status, *note; /* status NULL:
							  * scheduled */
	const char *source, *source_id; /* on create only */
	bool example;                   /* on create only */
	unsigned set;
	const struct attendee *attendees; /* with MEETING_ATTENDEES: all of
					   * them (name, person_id, role) */
	size_t n_attendees;
};

int store_meeting_create(struct store *s, const struct meeting_input *in,
			 int64_t *id, struct err *e);
int store_meeting_update(struct store *s, int64_t id,
			 const struct meeting_input *in, struct err *e);
/* Delete (with its attendees), or archive when it has agenda items or an
 * undertaking is due at it. */
int store_meeting_remove(struct store *s, int64_t id, enum remove_how how,
			 bool *archived, struct err *e);

/* ---------------------------------------------------------------------
 * Agenda items
 */

/* One item with everything, archived or not. */
struct agenda_item *store_item(struct store *s, struct arena *a, int64_t id,
			       struct err *e);

enum {
	ITEM_MEETING = 1 << 0,
	ITEM_NUMBER = 1 << 1,
	ITEM_TITLE = 1 << 2,
	ITEM_REPORT_OF = 1 << 3,
	ITEM_AUTHOR = 1 << 4,
	ITEM_CONTACT = 1 << 5,
	ITEM_SUMMARY = 1 << 6,
	ITEM_MINUTES = 1 << 7,
	ITEM_RECOMMENDATIONS = 1 << 8,
	ITEM_COMMENTS = 1 << 9,
	ITEM_RESOLUTIONS = 1 << 10,
	ITEM_LINKS = 1 << 11,
	ITEM_POSITION = 1 << 12,
};

struct item_input {
	int64_t meeting_id;
	const char *number, *title;
	const char *report_of, *author, *contact, *summary, *minutes;
	int64_t position; /* with ITEM_POSITION; else new items go last */
	const char *source, *source_id; /* on create only */
	bool example;                   /* on create only */
	unsigned set;
	const char *const *recommendations; /* each list whole, in order */
	size_t n_recommendations;
	const char *const *comments;
	size_t n_comments;
	const struct resolution *resolutions; /* text, kind, to_body_id */
	size_t n_resolutions;
	const struct item_link *links;        /* kind, target_id */
	size_t n_links;
};

int store_item_create(struct store *s, const struct item_input *in,
		      int64_t *id, struct err *e);
int store_item_update(struct store *s, int64_t id, const struct item_input *in,
		      struct err *e);
/* Delete (with its lists and attachments), or archive when an
 * undertaking or an issue refers to it. */
int store_item_remove(struct store *s, int64_t id, enum remove_how how,
		      bool *archived, struct err *e);

/* ---------------------------------------------------------------------
 * Attachments: kept in the database.
 */

#define ATTACHMENT_MAX_BYTES ((size_t)20 << 20) /* 20 MB */

/* Whether a content type (parameters such as "; charset=utf-8" ignored)
 * is one safer keeps: PDF, DOCX, XLSX, PPTX, ODT, CSV, TXT, PNG, JPEG. */
bool attachment_type_allowed(const char *content_type);

/* Keep a document for item_id.  ERR_INVALID naming "filename",
 * "content_type" (not allowed) or "size" (empty, or over the limit). */
int store_attachment_add(struct store *s, int64_t item_id, const char *name,
			 const char *content_type, const void *data,
			 size_t size, const char *source_url, int64_t *id,
			 struct err *e);
/* One attachment; with_data: its bytes too (a->data, a->bytes long). */
struct attachment *store_attachment(struct store *s, struct arena *a,
				    int64_t id, bool with_data, struct err *e);
int store_attachment_remove(struct store *s, int64_t id, struct err *e);

#endif
