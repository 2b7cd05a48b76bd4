/*
 * routes.c: every address safer answers, in one table (git's commands[],
 * cgit's cmds[]): the pages, then the JSON API.  A pattern matches
 * literally except for "{id}", which matches a whole number 1 or more and
 * is passed to the handler in req->ids[].
 */
#include "api/api.h"
#include "http.h"
#include "web/pages.h"

const struct route routes[] = {
	/* Pages */
	{ HTTP_GET, "/", page_overview },
	{ HTTP_GET, "/plans", page_plans },
	{ HTTP_GET, "/plans/{id}", page_plan },
	{ HTTP_GET, "/themes/{id}", page_theme },
	{ HTTP_GET, "/priorities/{id}", page_priority },
	{ HTTP_GET, "/actions", page_actions },
	{ HTTP_POST, "/actions", page_action_create },
	{ HTTP_GET, "/actions.csv", page_actions_csv },
	{ HTTP_GET, "/actions/new", page_action_new },
	{ HTTP_GET, "/actions/{id}", page_action },
	{ HTTP_POST, "/actions/{id}", page_action_save },
	{ HTTP_GET, "/actions/{id}/edit", page_action_edit },
	{ HTTP_POST, "/actions/{id}/updates", page_action_add_update },
	{ HTTP_GET, "/funding", page_funding },
	{ HTTP_GET, "/awards.csv", page_awards_csv },
	{ HTTP_POST, "/funds", page_fund_create },
	{ HTTP_GET, "/funds/new", page_fund_new },
	{ HTTP_GET, "/funds/{id}", page_fund },
	{ HTTP_POST, "/funds/{id}", page_fund_save },
	{ HTTP_GET, "/funds/{id}/edit", page_fund_edit },
	{ HTTP_GET, "/funds/{id}/awards/new", page_award_new },
	{ HTTP_POST, "/funds/{id}/awards", page_award_create },
	{ HTTP_GET, "/awards/{id}/edit", page_award_edit },
	{ HTTP_POST, "/awards/{id}", page_award_save },
	{ HTTP_GET, "/governance", page_governance },
	{ HTTP_GET, "/outcomes", page_outcomes },
	{ HTTP_GET, "/organisations", page_organisations },
	{ HTTP_GET, "/static/safer.css", page_static },

	/* JSON API (docs/api.md) */
	{ HTTP_GET, "/healthz", api_healthz },
	{ HTTP_GET, "/api/v1/plans", api_plans },
	{ HTTP_GET, "/api/v1/plans/{id}", api_plan },
	{ HTTP_GET, "/api/v1/outcomes", api_outcomes },
	{ HTTP_GET, "/api/v1/funds", api_funds },
	{ HTTP_GET, "/api/v1/funds/{id}", api_fund },
	{ HTTP_GET, "/api/v1/awards", api_awards },
	{ HTTP_GET, "/api/v1/actions", api_actions },
	{ HTTP_POST, "/api/v1/actions", api_action_create },
	{ HTTP_GET, "/api/v1/actions/{id}", api_action },
	{ HTTP_PATCH, "/api/v1/actions/{id}", api_action_patch },
	{ HTTP_GET, "/api/v1/actions/{id}/updates", api_action_updates },
	{ HTTP_POST, "/api/v1/actions/{id}/updates", api_action_update_create },
	{ HTTP_GET, "/api/v1/people", api_people },
	{ HTTP_GET, "/api/v1/organisations", api_organisations },
	{ HTTP_GET, "/api/v1/boards", api_boards },
};

const size_t n_routes = ARRAY_SIZE(routes);
