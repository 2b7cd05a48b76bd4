/*
 * api.h: the JSON API under /api/v1, and the one JSON and CSV form of
 * each resource, which the command line prints too.
 *
 * docs/api.md documents every endpoint with examples.
 */
#ifndef SAFER_API_H
#define SAFER_API_H

#include "base/json.h"
#include "http/http.h"
#include "store/store.h"

/* ---------------------------------------------------------------------
 * The JSON of each resource (api_json.c)
 */

/* A plan without its themes; with themes (n > 0 or themes not NULL)
 * embeds them, each with its lead and priority areas. */
void api_json_plan(struct jw *j, const struct plan *p,
		   const struct theme *themes, size_t n);
void api_json_theme(struct jw *j, const struct theme *t);
void api_json_priority(struct jw *j, const struct priority *pr);
void api_json_action(struct jw *j, const struct action *a,
		     const struct action_update *updates, size_t n_updates,
		     bool with_updates);
void api_json_update(struct jw *j, const struct action_update *u);
void api_json_fund(struct jw *j, const struct fund *f, bool with_awards);
void api_json_award(struct jw *j, const struct award *w);
void api_json_person(struct jw *j, const struct person *p);
void api_json_organisation(struct jw *j, const struct organisation *o);
void api_json_board(struct jw *j, const struct board *b);
/* {"outcomes": [...flat...], "frameworks": [...with groups...]} members */
void api_json_frameworks(struct jw *j, const struct framework *f, size_t n);

/* ---------------------------------------------------------------------
 * CSV downloads (export.c): a header row, then one row per item.
 */

void export_actions_csv(struct buf *b, const struct action *a, size_t n);
void export_awards_csv(struct buf *b, const struct award *w, size_t n);

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

/* Start a JSON response in w (status 200) and its writer j. */
void api_begin(struct resp *w, struct jw *j);
/* Finish: a trailing newline. */
void api_end(struct resp *w);

/* Reject query parameters other than the ones named (NULL-terminated):
 * 400 naming the first unknown one.  Returns false when w is filled. */
bool api_only_params(struct req *r, struct resp *w,
		     const char *const *allowed);

#endif
