/*
 * api.h: the JSON API under /api/v1, one file per resource; the JSON of
 * each resource is repr/'s, which the command line prints too.
 *
 * docs/api.md documents every endpoint with examples.
 */
#ifndef SAFER_API_H
#define SAFER_API_H

#include "base/json.h"
#include "http/http.h"
#include "repr/repr.h"
#include "store/store.h"

/* ---------------------------------------------------------------------
 * Handlers (api_*.c)
 */

route_fn api_healthz;
route_fn api_plans, api_plan;
route_fn api_outcomes;
route_fn api_funds, api_fund, api_awards;
route_fn api_actions, api_action, api_action_create, api_action_patch;
route_fn api_action_updates, api_action_update_create;
route_fn api_people, api_organisations, api_boards;
route_fn api_crime_counts, api_crime_top, api_crime_summary;
route_fn api_indicators, api_indicator, api_headlines;
route_fn api_not_found;
route_fn api_audit;
/* Plans, themes, priority areas, frameworks and outcomes: writes
 * (api_plans.c, api_frameworks.c) */
route_fn api_plan_create, api_plan_patch, api_plan_delete;
route_fn api_plan_roll_forward, api_theme_create;
route_fn api_theme, api_theme_patch, api_theme_delete;
route_fn api_theme_priorities, api_priority_create;
route_fn api_priority, api_priority_patch, api_priority_delete;
route_fn api_frameworks, api_framework_create, api_framework;
route_fn api_framework_patch, api_framework_delete;
route_fn api_outcome_create, api_outcome, api_outcome_patch;
route_fn api_outcome_delete;

/* Start a JSON response in w (status 200) and its writer j. */
void api_begin(struct resp *w, struct jw *j);
/* Finish: a trailing newline. */
void api_end(struct resp *w);

/* ---------------------------------------------------------------------
 * Reading a JSON body by a table of fields (api_body.c)
 */

enum api_field_kind {
	API_ID,        /* a whole number 1 or more (null: 0) */
	API_INT,       /* any whole number */
	API_TEXT,      /* a string (null: NULL) */
	API_IDS,       /* a list of ids: const int64_t * and its size_t count */
	API_READ_ONLY, /* returned by reads, ignored by writes */
};

struct api_field {
	const char *name;    /* as reads return it; "period.start" is the
			      * member start of the object period */
	enum api_field_kind kind;
	bool nullable;
	unsigned bit;        /* set in *set when given */
	size_t offset;       /* of the value in the input struct */
	size_t count_offset; /* API_IDS: of the size_t count */
};

/* Read the request's body, a JSON object, into out by the table: *set
 * gets the bits of the fields given; strings and lists are in the
 * request's arena.  "id", if given, must equal self (the object
 * written; 0 for a new one: refused).  An unknown field, a wrong type,
 * a duplicate key or bad JSON fails with ERR_INVALID naming the field. */
int api_read_body(struct req *r, const struct api_field *fields, size_t n,
		  int64_t self, void *out, unsigned *set, struct err *e);

/* DELETE's answer: {"id", "deleted", "archived"}. */
void api_removed(struct req *r, struct resp *w, int64_t id, bool archived);

#endif
