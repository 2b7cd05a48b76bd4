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

/* Start a JSON response in w (status 200) and its writer j. */
void api_begin(struct resp *w, struct jw *j);
/* Finish: a trailing newline. */
void api_end(struct resp *w);

#endif
