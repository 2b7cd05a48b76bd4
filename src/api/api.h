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

/* People, organisations, boards, the partnership; writes of funds,
 * awards and actions (api_people.c, api_funds.c, api_actions.c) */
route_fn api_partnership, api_partnership_patch;
route_fn api_organisation, api_organisation_create, api_organisation_patch,
	api_organisation_delete;
route_fn api_person, api_person_create, api_person_patch, api_person_delete;
route_fn api_board, api_board_create, api_board_patch, api_board_delete;
route_fn api_fund_create, api_fund_patch, api_fund_delete;
route_fn api_award, api_award_create, api_award_patch, api_award_delete;
route_fn api_action_delete;

/* Scrutiny: undertakings, issues, the forward plan, approval paths
 * (api_scrutiny.c; issue 9, scrutiny) */
route_fn api_undertakings, api_undertaking, api_undertaking_create,
	api_undertaking_patch, api_undertaking_delete;
route_fn api_issues, api_issue, api_issue_create, api_issue_patch,
	api_issue_delete, api_issue_item_add, api_issue_item_remove;
route_fn api_forward_plan, api_plan_approval;

/* ---------------------------------------------------------------------
 * Reading a request body (api_body.c)
 */

/* The kinds of value a field holds: an id (1 or more; null is 0), a
 * whole number 0 or more, a string, true or false, a list of ids, a
 * list of strings; any JSON value, kept as its JSON text (a const char *,
 * NULL for null) for the handler to read (lists of objects); a field
 * that reads return but writes ignore (F_READ_ONLY), and the object's
 * own id (F_SAME_ID: the caller puts the id of the object written, or 0
 * for a new one, at offset; a body's "id" must equal it, and a new
 * object's is refused).  A name "period.start" is the member start of
 * the body's object period. */
enum api_field_kind {
	F_ID, F_INT, F_TEXT, F_BOOL, F_IDS, F_TEXTS, F_JSON, F_READ_ONLY,
	F_SAME_ID,
};

/* A field a body may hold: its name, kind, whether it may be null, the
 * bit set in *set when it is given, where its value goes in the input
 * struct (offset) and, for a list, where its length goes (aux, a
 * size_t); for a number, aux (if not 0) is a bool set when a number was
 * given rather than null. */
struct api_field {
	const char *name;
	enum api_field_kind kind;
	bool nullable;
	unsigned bit;
	size_t offset;
	size_t aux;
};

/* Read the request body, a JSON object, into the struct at out by the
 * table of fields; *set gets the bits of those given.  Strings and lists
 * are copied into the request's arena.  A field not in the table is an
 * error naming it ("unknown field 'x'"), as is a value of the wrong
 * kind; bad JSON names the line and column. */
int api_read_body(struct req *r, const struct api_field *fields, size_t n,
		  void *out, unsigned *set, struct err *e);
/* The answer to a DELETE: {"id": id, "result": "deleted"|"archived"}. */
void api_removed(struct req *r, struct resp *w, int64_t id, bool archived);

/* Start a JSON response in w (status 200) and its writer j. */
void api_begin(struct resp *w, struct jw *j);
/* Finish: a trailing newline. */
void api_end(struct resp *w);

/* Bodies, meetings, agenda items, attachments, calendars
 * (api_meetings.c; issue 9, meetings) */
route_fn api_bodies, api_body_get, api_body_create, api_body_patch,
	api_body_delete;
route_fn api_meetings, api_meeting, api_meeting_create, api_meeting_patch,
	api_meeting_delete;
route_fn api_item, api_item_create, api_item_patch, api_item_delete;
route_fn api_attachment_create, api_attachment_get, api_attachment_delete;
route_fn api_meetings_ics, api_body_meetings_ics, api_actions_ics;

#endif
