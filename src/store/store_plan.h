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

struct plan_input {
	const char *title;
	const char *kind;
	const char *period_start;
	const char *period_end;
	const char *status;
	const char *approved_by;
	const char *approved_on;
	const char *note;
};

int store_plan_create(struct store *s, const struct plan_input *in,
		      int64_t *id, struct err *e);

/* Add a theme at the end of a plan's themes (lead_id 0 for none). */
int store_theme_create(struct store *s, int64_t plan_id, const char *name,
		       const char *description, int64_t lead_id, int64_t *id,
		       struct err *e);
/* Add a priority area at the end of a theme's priority areas. */
int store_priority_create(struct store *s, int64_t theme_id, const char *name,
			  const char *description, int64_t *id,
			  struct err *e);

#endif
