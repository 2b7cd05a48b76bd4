/*
 * store_plan.h: plans, themes and priority areas (store_plan.c).
 *
 * Part of the store's interface (store.h says how all of it works).
 */
#ifndef SAFER_STORE_PLAN_H
#define SAFER_STORE_PLAN_H

#include "store.h"
#include "store_outcome.h" /* the outcomes of a priority area */

struct plan {
	int64_t id;
	const char *title;
	const char *kind;
	const char *period_start; /* YYYY-MM-DD */
	const char *period_end;
	const char *status;
	const char *approved_by;
	const char *approved_on; /* YYYY-MM or YYYY-MM-DD */
	const char *note;
	int64_t approved_by_board_id; /* 0 for none */
	const char *approved_by_board;
	int64_t previous_id;          /* the plan it was rolled forward from */
	const char *archived_at;      /* NULL unless archived */
	bool example;
	int64_t n_themes, n_priorities, n_actions, n_overdue;
	int64_t n_example_actions, n_example_overdue; /* of those, example data */
};

struct priority {
	int64_t id;
	int64_t theme_id;
	const char *theme_name;
	int64_t plan_id;
	const char *plan_title;
	const char *name;
	const char *description;
	const char *added_on;    /* YYYY-MM-DD, NULL if not known */
	const char *removed_on;  /* the day it was archived, or NULL */
	const char *archived_at;
	struct outcome *outcomes; /* linked outcomes */
	size_t n_outcomes;
};

struct theme {
	int64_t id;
	int64_t plan_id;
	const char *plan_title;
	const char *name;
	const char *description;
	int64_t lead_id;
	const char *lead_name;
	const char *lead_role;
	const char *lead_organisation;
	int64_t position;
	const char *archived_at;
	struct priority *priorities;
	size_t n_priorities;
};

/* All plans, newest period first, with their counts (overdue as of today,
 * YYYY-MM-DD). */
struct plan *store_plans(struct store *s, struct arena *a, const char *today,
			 size_t *n, struct err *e);
struct plan *store_plan(struct store *s, struct arena *a, int64_t id,
			const char *today, struct err *e);
/* The plan the overview opens on, the plan in force today (text_today:
 * the clock, or SAFER_TODAY): the approved plan whose period contains
 * today (or, looking back with SAFER_TODAY, one closed since); else, if
 * none does, the one (not a draft) that ended most recently; else the
 * newest.  Among plans alike on that, one with themes
 * (a partnership plan rather than a strategy under it), then the latest
 * to start.  0 if there are no plans. */
int64_t store_current_plan_id(struct store *s, struct err *e);
/* The plan whose themes the performance pages group indicators by: the
 * current plan if it has themes; else the latest plan with themes that
 * is not a draft and has started; 0 if none has themes. */
int64_t store_themed_plan_id(struct store *s, struct err *e);

/* A plan's themes in order, each with its lead and priority areas (and
 * each priority's outcomes if with_outcomes). */
struct theme *store_themes(struct store *s, struct arena *a, int64_t plan_id,
			   bool with_outcomes, size_t *n, struct err *e);
struct theme *store_theme(struct store *s, struct arena *a, int64_t id,
			  struct err *e);
struct priority *store_priority(struct store *s, struct arena *a, int64_t id,
				struct err *e);

/* The priority areas of a theme as they stood on date (YYYY-MM-DD):
 * those added on or before it (or whose day of adding is not known) and
 * not removed by then, archived ones included, each with the name and
 * description it had that day (priority_revision) and its outcomes as
 * they are now.  In order of position. */
struct priority *store_theme_priorities_on(struct store *s, struct arena *a,
					   int64_t theme_id, const char *date,
					   size_t *n, struct err *e);

/* ---------------------------------------------------------------------
 * Writing (store_plan_write.c)
 *
 * Every write checks its input (ERR_INVALID naming the field in the
 * API's names), runs in one transaction and records one entry of the
 * record of changes (store_audit.h).  Removing is deleting when nothing
 * refers to the object, else archiving it (archived_at set): archived
 * objects drop out of the lists (store_plans, store_themes and a
 * theme's priority areas) and stay readable by id.  how says whether
 * to decide (REMOVE_AUTO), to archive, or to delete (ERR_CONFLICT
 * saying what refers to it if anything does); *archived says which was
 * done (store.h).
 */

/* Which fields of an input were given (for PATCH and forms). */
enum {
	PLAN_TITLE = 1 << 0,
	PLAN_KIND = 1 << 1,
	PLAN_START = 1 << 2,
	PLAN_END = 1 << 3,
	PLAN_STATUS = 1 << 4,
	PLAN_APPROVED_BY = 1 << 5,
	PLAN_APPROVED_ON = 1 << 6,
	PLAN_NOTE = 1 << 7,
	PLAN_BOARD = 1 << 8,
};

struct plan_input {
	const char *title;
	const char *kind;         /* create: default partnership_plan */
	const char *period_start; /* YYYY-MM-DD */
	const char *period_end;
	const char *status;       /* create: default draft */
	const char *approved_by;
	const char *approved_on;  /* YYYY-MM or YYYY-MM-DD */
	const char *note;
	int64_t approved_by_board_id; /* 0 for none */
	unsigned set;             /* PLAN_* bits: for updates (a create
				   * reads every field) */
};

int store_plan_create(struct store *s, const struct plan_input *in,
		      int64_t *id, struct err *e);
/* Check in for plan id (0: a new plan) without writing, keeping every
 * problem in l (a form shows them all).  -1 if there is any. */
int store_plan_check(struct store *s, int64_t id, const struct plan_input *in,
		     struct err_list *l);
/* Change the fields given in in->set; the rest stay as they are. */
int store_plan_update(struct store *s, int64_t id, const struct plan_input *in,
		      struct err *e);
/* Delete a plan that has no themes, actions or plan rolled forward from
 * it; else archive it. */
int store_plan_remove(struct store *s, int64_t id, enum remove_how how,
		      bool *archived, struct err *e);
/* Make the plan for the next period: a draft with the title and period
 * given, the kind of plan id and previous_id = id, and copies of its
 * themes (with their leads), their priority areas (added today) and
 * their links to outcomes (archived ones are not copied).  One entry in
 * the record: the new plan, created; the copies are part of it.  *new_id
 * gets the new plan's id. */
int store_plan_roll_forward(struct store *s, int64_t id, const char *title,
			    const char *period_start, const char *period_end,
			    int64_t *new_id, struct err *e);

enum {
	THEME_NAME = 1 << 0,
	THEME_DESCRIPTION = 1 << 1,
	THEME_LEAD = 1 << 2,
	THEME_POSITION = 1 << 3,
};

struct theme_input {
	const char *name;
	const char *description;
	int64_t lead_id;  /* 0 for none */
	int64_t position; /* 0 first; a create puts it last */
	unsigned set;     /* THEME_* bits, for updates */
};

/* Add a theme at the end of a plan's themes (lead_id 0 for none). */
int store_theme_create(struct store *s, int64_t plan_id, const char *name,
		       const char *description, int64_t lead_id, int64_t *id,
		       struct err *e);
/* As store_plan_check; plan_id for a new theme (id 0). */
int store_theme_check(struct store *s, int64_t plan_id, int64_t id,
		      const struct theme_input *in, struct err_list *l);
int store_theme_update(struct store *s, int64_t id,
		       const struct theme_input *in, struct err *e);
/* Delete a theme with no priority areas, actions, indicators or leads'
 * accounts referring to it; else archive it. */
int store_theme_remove(struct store *s, int64_t id, enum remove_how how,
		       bool *archived, struct err *e);

enum {
	PRIORITY_NAME = 1 << 0,
	PRIORITY_DESCRIPTION = 1 << 1,
	PRIORITY_OUTCOMES = 1 << 2,
};

struct priority_input {
	const char *name;
	const char *description;
	const int64_t *outcome_ids; /* the whole list of linked outcomes */
	size_t n_outcome_ids;
	unsigned set; /* PRIORITY_* bits, for updates */
};

/* Add a priority area at the end of a theme's priority areas, added
 * today (text_today), linked to the outcomes given. */
int store_priority_create(struct store *s, int64_t theme_id,
			  const struct priority_input *in, int64_t *id,
			  struct err *e);
/* As store_plan_check; theme_id for a new priority area (id 0). */
int store_priority_check(struct store *s, int64_t theme_id, int64_t id,
			 const struct priority_input *in, struct err_list *l);
/* Change the fields given.  A new name or description keeps the old
 * wording in the priority area's revisions, valid until today. */
int store_priority_update(struct store *s, int64_t id,
			  const struct priority_input *in, struct err *e);
/* Delete a priority area that no action or award refers to and that
 * was added today; else archive it (removed today), so that the list
 * as it stood on an earlier date still has it. */
int store_priority_remove(struct store *s, int64_t id, enum remove_how how,
			  bool *archived, struct err *e);

#endif
