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
};

struct action_update {
	int64_t id;
	int64_t action_id;
	int64_t author_id;
	const char *author_name;
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

struct update_input {
	int64_t author_id; /* 0 = not given */
	const char *body;
	const char *status; /* NULL = unchanged */
	const char *rag;    /* NULL = unchanged */
	const char *created_at; /* NULL = now; the demo dates its updates */
	bool example;
};

/* Actions matching the filter, ordered by theme position, due date, id. */
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
 * given.  *update_id gets the new update's id (if not NULL). */
int store_action_add_update(struct store *s, int64_t action_id,
			    const struct update_input *in,
			    int64_t *update_id, struct err *e);

/* Counts of a plan's actions by theme and status, for the overview. */
struct theme_status {
	int64_t theme_id; /* 0 for actions with no theme */
	const char *theme_name;
	int64_t by_status[8]; /* indexed like action_statuses[] */
	int64_t overdue;
	int64_t total;
};

struct theme_status *store_action_status_by_theme(struct store *s,
						  struct arena *a,
						  int64_t plan_id,
						  const char *today, size_t *n,
						  struct err *e);

#endif
