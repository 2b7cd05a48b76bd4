/*
 * store_scrutiny.h: undertakings and requests made at meetings, issues
 * followed across meetings, the forward plan and a plan's approval path
 * (store_scrutiny.c).
 *
 * Part of the store's interface (store.h says how all of it works).
 * Meetings, bodies and agenda items are read here by their own SQL
 * (schema step 6); they are written elsewhere.
 */
#ifndef SAFER_STORE_SCRUTINY_H
#define SAFER_STORE_SCRUTINY_H

#include "store.h"

extern const struct choice undertaking_kinds[];    /* undertaking, request */
extern const struct choice undertaking_statuses[]; /* open, discharged */

/* An undertaking ("a representative of the Director undertook to
 * provide a summary") or a request ("Members requested an updated
 * report"): who owes what, to whom, by when or by which meeting. */
struct undertaking {
	int64_t id;
	const char *kind;   /* "undertaking" or "request" */
	const char *text;
	const char *owner;  /* as recorded: "a representative of ..." */
	int64_t owner_id;   /* a person, 0 if none */
	const char *owner_name;
	int64_t to_body_id; /* the body owed, 0 if none */
	const char *to_body_name;
	/* Where it was given: the item, its meeting and body (0/NULL if
	 * not recorded). */
	int64_t item_id;
	const char *item_number;
	const char *item_title;
	int64_t meeting_id;
	const char *meeting_date;
	int64_t body_id;
	const char *body_name;
	/* When it is due: a meeting, or a date, or neither. */
	int64_t due_meeting_id;
	const char *due_meeting_date;
	const char *due_meeting_status;
	int64_t due_body_id;
	const char *due_body_name;
	const char *due_date;
	const char *due;    /* the due meeting's date, else due_date */
	const char *status; /* "open" or "discharged" */
	int64_t discharged_by_item_id;
	const char *discharged_by_number;
	const char *discharged_by_title;
	const char *discharged_by_date; /* its meeting's date */
	const char *discharged_on;
	const char *note;
	bool overdue; /* open, and past due_date or its due meeting held */
	bool example;
};

/* The one definition of an overdue undertaking, for an undertaking
 * aliased u, its due meeting dm (LEFT JOINed) and a bound :today: open,
 * and its due date passed, or its due meeting held (status held, or its
 * date passed and it was not cancelled) without discharging it. */
#define UNDERTAKING_OVERDUE_SQL                                           \
	"(u.status = 'open' AND ((u.due_date IS NOT NULL AND"             \
	" u.due_date < :today) OR (dm.id IS NOT NULL AND"                 \
	" (dm.status = 'held' OR (dm.date < :today AND"                   \
	" dm.status <> 'cancelled')))))"

struct undertaking_filter {
	const char *status;     /* "open", "overdue", "discharged", NULL: all */
	int64_t body_id;        /* owed to, given at or due at its meetings */
	int64_t due_meeting_id; /* 0: any */
	int64_t item_id;        /* given at this item, 0: any */
	const char *today;      /* YYYY-MM-DD; required */
};

/* Which fields of an undertaking_input were given (PATCH and forms). */
enum {
	UND_KIND = 1 << 0,
	UND_TEXT = 1 << 1,
	UND_OWNER = 1 << 2,
	UND_OWNER_ID = 1 << 3,
	UND_TO_BODY = 1 << 4,
	UND_ITEM = 1 << 5,
	UND_DUE_MEETING = 1 << 6,
	UND_DUE_DATE = 1 << 7,
	UND_STATUS = 1 << 8,
	UND_DISCHARGED_BY = 1 << 9,
	UND_DISCHARGED_ON = 1 << 10,
	UND_NOTE = 1 << 11,
};

/* Giving due_meeting_id clears due_date and the reverse (an undertaking
 * is due at a meeting or by a date); both at once is refused.  Status
 * discharged sets discharged_on to today unless given; status open
 * clears discharged_by_item_id and discharged_on. */
struct undertaking_input {
	unsigned set;
	const char *kind;
	const char *text;
	const char *owner;
	int64_t owner_id, to_body_id, item_id, due_meeting_id; /* 0 = none */
	const char *due_date;
	const char *status;
	int64_t discharged_by_item_id;
	const char *discharged_on;
	const char *note;
	bool example;
};

/* Undertakings matching the filter, by due date (the due meeting's
 * date or due_date; none last), then id.  ERR_INVALID on "status" for
 * an unknown status. */
struct undertaking *store_undertakings(struct store *s, struct arena *a,
				       const struct undertaking_filter *f,
				       size_t *n, struct err *e);
struct undertaking *store_undertaking(struct store *s, struct arena *a,
				      int64_t id, const char *today,
				      struct err *e);
/* The open undertakings for a meeting's agenda: those due at it, and
 * those given at an earlier meeting of its body with no due meeting. */
struct undertaking *store_undertakings_for_meeting(struct store *s,
						   struct arena *a,
						   int64_t meeting_id,
						   const char *today, size_t *n,
						   struct err *e);
/* How many open undertakings are overdue today. */
int64_t store_undertakings_overdue_count(struct store *s, const char *today,
					 struct err *e);

int store_undertaking_create(struct store *s, const struct undertaking_input *in,
			     int64_t *id, struct err *e);
int store_undertaking_update(struct store *s, int64_t id,
			     const struct undertaking_input *in, struct err *e);
/* Check without writing, keeping every problem in l (forms). */
int store_undertaking_check(struct store *s, int64_t id,
			    const struct undertaking_input *in,
			    struct err_list *l);
/* Discharge: status discharged, by the item that answered it (0 for
 * none), on a date (NULL: today). */
int store_undertaking_discharge(struct store *s, int64_t id, int64_t by_item_id,
				const char *on, struct err *e);
/* Undertakings are deleted (nothing refers to them). */
int store_undertaking_delete(struct store *s, int64_t id, struct err *e);

/* ---------------------------------------------------------------------
 * Issues: one topic followed across meetings and bodies.
 */

struct issue {
	int64_t id;
	const char *title;
	const char *description;
	int64_t plan_id;
	const char *plan_title;
	int64_t n_items;
	const char *first_date; /* its earliest and latest meeting */
	const char *last_date;
	const char *archived_at;
	bool example;
};

enum { ISSUE_TITLE = 1 << 0, ISSUE_DESCRIPTION = 1 << 1, ISSUE_PLAN = 1 << 2 };

struct issue_input {
	unsigned set;
	const char *title;
	const char *description;
	int64_t plan_id; /* 0 = none */
	bool example;
};

/* A resolution, an attachment and a figure as the timeline shows them. */
struct tl_resolution {
	int64_t id;
	const char *kind; /* noted, approved, recommended, ... */
	const char *text;
	int64_t to_body_id;
	const char *to_body_name;
};

struct tl_attachment {
	int64_t id;
	const char *name;
	const char *content_type;
	int64_t bytes;
};

/* An indicator's value as it stood on a meeting's date: the latest
 * value with period_end on or before it (the partnership's area first,
 * else any area); has_value false if there was none yet. */
struct tl_figure {
	int64_t indicator_id;
	const char *code;
	const char *name;
	const char *unit;
	bool has_value;
	double value;
	const char *period;
	const char *period_end;
	const char *area;
};

/* One item of an issue on the timeline. */
struct tl_entry {
	int64_t item_id;
	const char *number;
	const char *title;
	const char *summary;
	int64_t meeting_id;
	const char *date;
	const char *time;
	const char *meeting_status;
	int64_t body_id;
	const char *body_name;
	struct tl_resolution *resolutions;
	size_t n_resolutions;
	struct tl_attachment *attachments;
	size_t n_attachments;
	struct tl_figure *figures;
	size_t n_figures;
};

/* Issues by title; archived ones left out. */
struct issue *store_issues(struct store *s, struct arena *a, size_t *n,
			   struct err *e);
struct issue *store_issue(struct store *s, struct arena *a, int64_t id,
			  struct err *e);
/* The items of an issue in date order (meeting date, time, item
 * position), each with its resolutions, attachments and figures. */
struct tl_entry *store_issue_timeline(struct store *s, struct arena *a,
				      int64_t issue_id, size_t *n,
				      struct err *e);

int store_issue_create(struct store *s, const struct issue_input *in,
		       int64_t *id, struct err *e);
int store_issue_update(struct store *s, int64_t id,
		       const struct issue_input *in, struct err *e);
/* Delete an issue (its items stay; each item's issue_ids change is
 * recorded too). */
int store_issue_delete(struct store *s, int64_t id, struct err *e);
/* Add an item to an issue, or take it out (recorded as a change of the
 * item's issue_ids).  Adding one already there, or removing one not
 * there, changes nothing. */
int store_issue_add_item(struct store *s, int64_t issue_id, int64_t item_id,
			 struct err *e);
int store_issue_remove_item(struct store *s, int64_t issue_id, int64_t item_id,
			    struct err *e);

/* ---------------------------------------------------------------------
 * The forward plan and a plan's approval path.
 */

/* An item (or a meeting with no items yet: item_id 0) of a meeting
 * today or later. */
struct forward_item {
	int64_t meeting_id;
	const char *date;
	const char *time;
	const char *meeting_status;
	int64_t body_id;
	const char *body_name;
	int64_t item_id;
	const char *number;
	const char *title;
};

/* Items of meetings from today on, in date order (not cancelled). */
struct forward_item *store_forward_items(struct store *s, struct arena *a,
					 const char *today, size_t *n,
					 struct err *e);
/* Open undertakings due at meetings from today on or by dates from
 * today on: the reports they call for, by due date. */
struct undertaking *store_forward_undertakings(struct store *s,
					       struct arena *a,
					       const char *today, size_t *n,
					       struct err *e);

/* A resolution approving or recommending a plan. */
struct approval_step {
	int64_t resolution_id;
	const char *kind; /* "approved" or "recommended" */
	const char *text;
	int64_t item_id;
	const char *number;
	const char *title;
	int64_t meeting_id;
	const char *date;
	int64_t body_id;
	const char *body_name;
	int64_t to_body_id;
	const char *to_body_name;
};

/* The resolutions of kind approved or recommended on items linked to
 * the plan (item_link kind plan, or in an issue of the plan), in date
 * order.  ERR_NOT_FOUND if there is no such plan. */
struct approval_step *store_plan_approval(struct store *s, struct arena *a,
					  int64_t plan_id, size_t *n,
					  struct err *e);

/* ---------------------------------------------------------------------
 * Choosing a meeting or an item (forms)
 */

struct item_choice {
	int64_t id;         /* the item's, or the meeting's */
	int64_t meeting_id;
	const char *date;
	const char *body_name;
	const char *number; /* NULL for a meeting */
	const char *title;
};

/* Every agenda item (archived left out), newest meeting first. */
struct item_choice *store_item_choices(struct store *s, struct arena *a,
				       size_t *n, struct err *e);
/* Every meeting not cancelled (archived left out), newest first. */
struct item_choice *store_meeting_choices(struct store *s, struct arena *a,
					  size_t *n, struct err *e);

#endif
