/*
 * store_action.h: actions and progress updates (store_action.c).
 *
 * Part of the store's interface (store.h says how all of it works).
 */
#ifndef SAFER_STORE_ACTION_H
#define SAFER_STORE_ACTION_H

#include "store.h"

struct action {
	int64_t id;
	int64_t plan_id;
	const char *plan_title;
	int64_t theme_id;
	const char *theme_name;
	int64_t priority_id;
	const char *priority_name;
	const char *title;
	const char *description;
	int64_t owner_id;
	const char *owner_name;
	const char *owner_organisation;
	const char *due_on;
	const char *status;
	const char *rag;
	bool example;
	bool overdue; /* due before today and not completed or cancelled */
	const char *created_at;
	const char *updated_at;
	int64_t n_updates;
	const char *last_update_on;
	const char *archived_at; /* NULL unless archived */
};

struct action_update {
	int64_t id;
	int64_t action_id;
	int64_t author_id;         /* a person: only the demo's example updates */
	int64_t author_account_id; /* the account that wrote it, 0 if none */
	const char *author_name;   /* the account's name, else the person's */
	const char *body;
	const char *status; /* status set with this update, if any */
	const char *rag;
	const char *created_at;
	bool example;
};

struct action_filter {
	int64_t plan_id;
	int64_t theme_id;
	int64_t priority_id;
	int64_t owner_id;
	const char *status;  /* a status code, or NULL for any */
	bool overdue;        /* only overdue actions */
	const char *today;   /* YYYY-MM-DD; required */
};

/* Which fields of an action_input were given (for PATCH and forms). */
enum {
	ACTION_PLAN = 1 << 0,
	ACTION_THEME = 1 << 1,
	ACTION_PRIORITY = 1 << 2,
	ACTION_TITLE = 1 << 3,
	ACTION_DESCRIPTION = 1 << 4,
	ACTION_OWNER = 1 << 5,
	ACTION_DUE = 1 << 6,
	ACTION_STATUS = 1 << 7,
	ACTION_RAG = 1 << 8,
};

struct action_input {
	unsigned set; /* ACTION_* bits of the fields given */
	int64_t plan_id, theme_id, priority_id, owner_id; /* 0 = none */
	const char *title;
	const char *description;
	const char *due_on; /* NULL = no due date */
	const char *status;
	const char *rag;    /* NULL = not rated */
	bool example;       /* invented for the demo */
};

/* The author of an update is whoever acts through the store
 * (store_set_actor: action_update.author_account_id), never a field a
 * client sends.  author_id, a person, is for the demo loader's invented
 * updates only. */
struct update_input {
	int64_t author_id; /* 0 = not given */
	const char *body;
	const char *status; /* NULL = unchanged */
	const char *rag;    /* NULL = unchanged */
	const char *created_at; /* when the progress was made: NULL = now;
				 * else YYYY-MM-DD (or a whole
				 * YYYY-MM-DDTHH:MM:SSZ), today or before */
	bool example;
};

/* Actions matching the filter, ordered by theme position, due date, id;
 * archived actions are left out (store_action reads one, archived or
 * not). */
struct action *store_actions(struct store *s, struct arena *a,
			     const struct action_filter *f, size_t *n,
			     struct err *e);
struct action *store_action(struct store *s, struct arena *a, int64_t id,
			    const char *today, struct err *e);
/* Updates of an action, newest first. */
struct action_update *store_action_updates(struct store *s, struct arena *a,
					   int64_t action_id, size_t *n,
					   struct err *e);

/* Create an action from the fields in `in` (title and plan required;
 * a theme or priority also fixes the plan and theme it belongs to;
 * status defaults to not_started).  *id gets the new id. */
int store_action_create(struct store *s, const struct action_input *in,
			int64_t *id, struct err *e);
/* Check the fields of `in` for action id (0 for a new action) without
 * writing, keeping every problem in l (a form shows them all).  Returns
 * -1 if there is any. */
int store_action_check(struct store *s, int64_t id,
		       const struct action_input *in, struct err_list *l);
/* Change the fields given in `in`; the rest stay as they are. */
int store_action_update(struct store *s, int64_t id,
			const struct action_input *in, struct err *e);
/* Add a progress update, also setting the action's status and RAG if
 * given.  An update may be dated in the past (created_at), never in the
 * future (ERR_INVALID on "created_at"); one dated before the action's
 * latest update goes into the history in its place, and the status and
 * RAG it records are then not set on the action (a later update has
 * said more recently where things stand).  *update_id gets the new
 * update's id (if not NULL). */
int store_action_add_update(struct store *s, int64_t action_id,
			    const struct update_input *in,
			    int64_t *update_id, struct err *e);

/* Delete or archive (store.h): an action with progress updates is
 * archived. */
int store_action_remove(struct store *s, int64_t id, enum remove_how how,
			bool *archived, struct err *e);

/* Warnings: what is allowed but may not be what was meant.  Each goes
 * into w as a struct err with code ERR_OK: the field, and a message in
 * the style of an error's ("the plan 'X' ended on 31 March 2021").
 * what says which to look for:
 *   ACTION_WARN_PLAN  the plan is closed, or its period has ended
 *                     (text_today): for an action added to it, or moved
 *                     into it;
 *   ACTION_WARN_DUE   due_on (if not NULL) is outside the plan's period.
 * Neither stops a save.  Returns -1 with e set if the store fails. */
enum { ACTION_WARN_PLAN = 1 << 0, ACTION_WARN_DUE = 1 << 1 };
int store_action_warnings(struct store *s, int64_t plan_id, const char *due_on,
			  unsigned what, struct err_list *w, struct err *e);

/* Counts of a plan's actions by theme and status, for the overview. */
struct theme_status {
	int64_t theme_id; /* 0 for actions with no theme */
	const char *theme_name;
	int64_t by_status[8]; /* indexed like action_statuses[] */
	int64_t overdue;
	int64_t total;
	int64_t example;      /* of the total, example data */
};

struct theme_status *store_action_status_by_theme(struct store *s,
						  struct arena *a,
						  int64_t plan_id,
						  const char *today, size_t *n,
						  struct err *e);

#endif
