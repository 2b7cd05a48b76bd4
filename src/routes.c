/*
 * routes.c: every address safer answers, in one table (git's commands[],
 * cgit's cmds[]): the pages, then the JSON API; and the site the server
 * serves, which joins the table to the writer of error responses.
 *
 * A pattern matches literally except for "{id}", which matches a whole
 * number 1 or more and is passed to the handler in req->ids[].
 * ROUTE_CACHE marks answers that may be served from the response cache
 * (http/cache.c): those that carry no form token.  ROUTE_JSON marks the
 * API's.  ROUTE_NO_STORE marks the pages with a form (the form token, or
 * what someone typed): browsers must not keep them.  The last column is the query parameters the handler reads
 * ("type*" may be repeated): a page never sees others, the API refuses
 * them (struct route in http/http.h).  The last column is who may use
 * the route (enum need in routes.h).
 */
#include "api/api.h"
#include "routes.h"
#include "web/web.h"
#include "web/pages.h"

/* The filters of the list of actions (page, CSV and API alike), and the
 * question asked of the crime API (api_crime.c). */
#define ACTION_FILTERS "plan theme priority owner status overdue"
#define AUDIT_FILTERS "type id user from to"
#define CRIME_QUESTION "area from to type* by rate change rolling n format"

static const struct route routes[] = {
	/* Pages */
	{ HTTP_GET, "/", page_overview, ROUTE_CACHE, "plan", NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/plans", page_plans, ROUTE_CACHE, NULL, NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/plans/{id}", page_plan, ROUTE_CACHE, NULL, NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/themes/{id}", page_theme, ROUTE_CACHE, NULL, NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/themes/{id}/performance", page_theme_performance, ROUTE_CACHE, "area", NEED_VIEWER },
	{ HTTP_GET, "/priorities/{id}", page_priority, ROUTE_CACHE, NULL, NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/actions", page_actions, ROUTE_CACHE, ACTION_FILTERS, NEED_VIEWER },
	{ HTTP_POST, "/actions", page_action_create, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/actions.csv", page_actions_csv, ROUTE_CACHE, ACTION_FILTERS, NEED_VIEWER },
	{ HTTP_GET, "/actions/new", page_action_new, ROUTE_NO_STORE, "plan theme priority", NEED_OFFICER },
	{ HTTP_GET, "/actions/{id}", page_action, ROUTE_NO_STORE, "saved", NEED_VIEWER },
	{ HTTP_POST, "/actions/{id}", page_action_save, ROUTE_NO_STORE, NULL, NEED_LEAD_ACTION },
	{ HTTP_GET, "/actions/{id}/edit", page_action_edit, ROUTE_NO_STORE, NULL, NEED_LEAD_ACTION },
	{ HTTP_POST, "/actions/{id}/updates", page_action_add_update, ROUTE_NO_STORE, NULL, NEED_LEAD_ACTION },
	{ HTTP_GET, "/funding", page_funding, ROUTE_CACHE, "year", NEED_PUBLISHED_FUNDING },
	{ HTTP_GET, "/awards.csv", page_awards_csv, ROUTE_CACHE, "year", NEED_VIEWER },
	{ HTTP_GET, "/crime", page_crime, ROUTE_CACHE, "area place peer from to type", NEED_PUBLISHED_CRIME },
	{ HTTP_GET, "/indicators", page_indicators, ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/indicators/{id}", page_indicator, ROUTE_CACHE, "area level", NEED_VIEWER },
	{ HTTP_GET, "/headlines", page_headlines, ROUTE_CACHE, "area period level", NEED_PUBLISHED_HEADLINES },
	{ HTTP_POST, "/funds", page_fund_create, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/funds/new", page_fund_new, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/funds/{id}", page_fund, ROUTE_CACHE, "saved", NEED_VIEWER },
	{ HTTP_POST, "/funds/{id}", page_fund_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/funds/{id}/edit", page_fund_edit, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/funds/{id}/awards/new", page_award_new, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/funds/{id}/awards", page_award_create, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/awards/{id}/edit", page_award_edit, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/awards/{id}", page_award_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/governance", page_governance, ROUTE_CACHE, "saved deleted archived", NEED_VIEWER },
	{ HTTP_GET, "/outcomes", page_outcomes, ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/organisations", page_organisations, ROUTE_CACHE, "saved deleted archived", NEED_VIEWER },
	{ HTTP_GET, "/changes", page_changes, ROUTE_CACHE, AUDIT_FILTERS " page", NEED_OFFICER },
	{ HTTP_GET, "/changes.csv", page_changes_csv, ROUTE_CACHE, AUDIT_FILTERS, NEED_OFFICER },
	/* The public view: what is published */
	{ HTTP_GET, "/settings/publishing", page_settings_publishing, ROUTE_NO_STORE, "saved", NEED_ADMIN },
	{ HTTP_POST, "/settings/publishing", page_settings_publishing_save, ROUTE_NO_STORE, NULL, NEED_ADMIN },
	/* The partnership, organisations, people, boards; deleting or
	 * archiving those and funds, awards, actions */
	{ HTTP_GET, "/partnership/edit", page_partnership_edit, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/partnership", page_partnership_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/organisations/new", page_organisation_new, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/organisations", page_organisation_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/organisations/{id}/edit", page_organisation_edit, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/organisations/{id}", page_organisation_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/organisations/{id}/delete", page_organisation_delete, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/organisations/{id}/delete", page_organisation_remove, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/people/new", page_person_new, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/people", page_person_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/people/{id}/edit", page_person_edit, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/people/{id}", page_person_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/people/{id}/delete", page_person_delete, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/people/{id}/delete", page_person_remove, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/boards/new", page_board_new, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/boards", page_board_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/boards/{id}/edit", page_board_edit, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/boards/{id}", page_board_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/boards/{id}/delete", page_board_delete, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/boards/{id}/delete", page_board_remove, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/funds/{id}/delete", page_fund_delete, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/funds/{id}/delete", page_fund_remove, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/awards/{id}/delete", page_award_delete, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/awards/{id}/delete", page_award_remove, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/actions/{id}/delete", page_action_delete, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/actions/{id}/delete", page_action_remove, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	/* Scrutiny: undertakings and requests, issues, the forward plan
	 * (issue 9, scrutiny) */
	{ HTTP_GET, "/undertakings", page_undertakings, ROUTE_CACHE, "status body", NEED_VIEWER },
	{ HTTP_POST, "/undertakings", page_undertaking_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/undertakings.ics", page_undertakings_ics, ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/undertakings/new", page_undertaking_new, ROUTE_NO_STORE, "item meeting", NEED_OFFICER },
	{ HTTP_GET, "/undertakings/{id}", page_undertaking, ROUTE_CACHE, "saved", NEED_VIEWER },
	{ HTTP_POST, "/undertakings/{id}", page_undertaking_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/undertakings/{id}/edit", page_undertaking_edit, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/undertakings/{id}/discharge", page_undertaking_discharge, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/undertakings/{id}/discharge", page_undertaking_discharge_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/issues", page_issues, ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_POST, "/issues", page_issue_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/issues/new", page_issue_new, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/issues/{id}", page_issue, ROUTE_CACHE, "saved", NEED_VIEWER },
	{ HTTP_GET, "/issues/{id}/items/new", page_issue_item_new, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_POST, "/issues/{id}/items", page_issue_item_save, ROUTE_NO_STORE, NULL, NEED_OFFICER },
	{ HTTP_GET, "/forward-plan", page_forward_plan, ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/static/safer.css", page_static, ROUTE_CACHE, NULL, NEED_ANYONE },
	{ HTTP_GET, "/static/favicon.svg", page_static, ROUTE_CACHE, NULL, NEED_ANYONE },

	/* Accounts: signing in and out, your account, users */
	{ HTTP_GET, "/sign-in", page_signin, ROUTE_NO_STORE, "next", NEED_ANYONE },
	{ HTTP_POST, "/sign-in", page_signin_post, ROUTE_NO_STORE, NULL, NEED_ANYONE },
	{ HTTP_POST, "/sign-out", page_signout, ROUTE_NO_STORE, NULL, NEED_ANYONE },
	{ HTTP_GET, "/account", page_account, ROUTE_NO_STORE, "saved", NEED_VIEWER },
	{ HTTP_POST, "/account/password", page_account_password, ROUTE_NO_STORE, NULL, NEED_VIEWER },
	{ HTTP_POST, "/account/tokens", page_account_token_create, ROUTE_NO_STORE, NULL, NEED_VIEWER },
	{ HTTP_POST, "/account/tokens/{id}/revoke", page_account_token_revoke, ROUTE_NO_STORE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/admin/users", page_admin_users, ROUTE_NO_STORE, NULL, NEED_ADMIN },
	{ HTTP_POST, "/admin/users", page_admin_user_create, ROUTE_NO_STORE, NULL, NEED_ADMIN },
	{ HTTP_GET, "/admin/users/new", page_admin_user_new, ROUTE_NO_STORE, NULL, NEED_ADMIN },
	{ HTTP_GET, "/admin/users/{id}", page_admin_user, ROUTE_NO_STORE, "saved", NEED_ADMIN },
	{ HTTP_POST, "/admin/users/{id}/role", page_admin_user_role, ROUTE_NO_STORE, NULL, NEED_ADMIN },
	{ HTTP_POST, "/admin/users/{id}/password", page_admin_user_password, ROUTE_NO_STORE, NULL, NEED_ADMIN },
	{ HTTP_POST, "/admin/users/{id}/disable", page_admin_user_disable, ROUTE_NO_STORE, NULL, NEED_ADMIN },
	{ HTTP_POST, "/admin/users/{id}/enable", page_admin_user_enable, ROUTE_NO_STORE, NULL, NEED_ADMIN },

	/* JSON API (docs/api.md) */
	{ HTTP_GET, "/healthz", api_healthz, ROUTE_JSON, NULL, NEED_ANYONE },
	{ HTTP_GET, "/api/v1/plans", api_plans, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/api/v1/plans/{id}", api_plan, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/api/v1/outcomes", api_outcomes, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/api/v1/funds", api_funds, ROUTE_JSON | ROUTE_CACHE, "year", NEED_PUBLISHED_FUNDING },
	{ HTTP_GET, "/api/v1/funds/{id}", api_fund, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_PUBLISHED_FUNDING },
	{ HTTP_GET, "/api/v1/awards", api_awards, ROUTE_JSON | ROUTE_CACHE, "fund", NEED_VIEWER },
	{ HTTP_GET, "/api/v1/actions", api_actions, ROUTE_JSON | ROUTE_CACHE, ACTION_FILTERS, NEED_VIEWER },
	{ HTTP_POST, "/api/v1/actions", api_action_create, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/actions/{id}", api_action, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/actions/{id}", api_action_patch, ROUTE_JSON, NULL, NEED_LEAD_ACTION },
	{ HTTP_GET, "/api/v1/actions/{id}/updates", api_action_updates, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_POST, "/api/v1/actions/{id}/updates", api_action_update_create, ROUTE_JSON, NULL, NEED_LEAD_ACTION },
	{ HTTP_GET, "/api/v1/people", api_people, ROUTE_JSON | ROUTE_CACHE, "organisation", NEED_VIEWER },
	{ HTTP_GET, "/api/v1/organisations", api_organisations, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/api/v1/boards", api_boards, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/api/v1/crime/counts", api_crime_counts, ROUTE_JSON | ROUTE_CACHE, CRIME_QUESTION, NEED_PUBLISHED_CRIME },
	{ HTTP_GET, "/api/v1/crime/top", api_crime_top, ROUTE_JSON | ROUTE_CACHE, CRIME_QUESTION, NEED_PUBLISHED_CRIME },
	{ HTTP_GET, "/api/v1/crime/summary", api_crime_summary, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_PUBLISHED_CRIME },
	{ HTTP_GET, "/api/v1/indicators", api_indicators, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/api/v1/indicators/{id}", api_indicator, ROUTE_JSON | ROUTE_CACHE, "area level", NEED_VIEWER },
	{ HTTP_GET, "/api/v1/headlines", api_headlines, ROUTE_JSON | ROUTE_CACHE, "area period level", NEED_PUBLISHED_HEADLINES },
	{ HTTP_GET, "/api/v1/audit", api_audit, ROUTE_JSON | ROUTE_CACHE, "object_type object_id user from to limit offset", NEED_OFFICER },
	/* The partnership, organisations, people, boards; writes of funds,
	 * awards and actions */
	{ HTTP_GET, "/api/v1/partnership", api_partnership, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/partnership", api_partnership_patch, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_POST, "/api/v1/organisations", api_organisation_create, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/organisations/{id}", api_organisation, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/organisations/{id}", api_organisation_patch, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/organisations/{id}", api_organisation_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_POST, "/api/v1/people", api_person_create, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/people/{id}", api_person, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/people/{id}", api_person_patch, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/people/{id}", api_person_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_POST, "/api/v1/boards", api_board_create, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/boards/{id}", api_board, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/boards/{id}", api_board_patch, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/boards/{id}", api_board_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_POST, "/api/v1/funds", api_fund_create, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_PATCH, "/api/v1/funds/{id}", api_fund_patch, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/funds/{id}", api_fund_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_POST, "/api/v1/awards", api_award_create, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/awards/{id}", api_award, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/awards/{id}", api_award_patch, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/awards/{id}", api_award_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/actions/{id}", api_action_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	/* Bodies, meetings, agenda items, attachments, calendars (issue 9,
	 * meetings) */
	{ HTTP_GET, "/api/v1/bodies", api_bodies, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_POST, "/api/v1/bodies", api_body_create, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/bodies/{id}", api_body_get, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/bodies/{id}", api_body_patch, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/bodies/{id}", api_body_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/meetings", api_meetings, ROUTE_JSON | ROUTE_CACHE, "from to body", NEED_VIEWER },
	{ HTTP_POST, "/api/v1/meetings", api_meeting_create, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/meetings/{id}", api_meeting, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/meetings/{id}", api_meeting_patch, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/meetings/{id}", api_meeting_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_POST, "/api/v1/meetings/{id}/items", api_item_create, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/items/{id}", api_item, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/items/{id}", api_item_patch, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/items/{id}", api_item_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_POST, "/api/v1/items/{id}/attachments", api_attachment_create, ROUTE_JSON | ROUTE_UPLOAD, "filename", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/attachments/{id}", api_attachment_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/attachments/{id}", api_attachment_get, 0, NULL, NEED_VIEWER },
	{ HTTP_GET, "/meetings.ics", api_meetings_ics, ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/bodies/{id}/meetings.ics", api_body_meetings_ics, ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/actions.ics", api_actions_ics, ROUTE_CACHE, NULL, NEED_VIEWER },
	/* Scrutiny: undertakings and requests, issues, the forward plan,
	 * approval paths (issue 9, scrutiny) */
	{ HTTP_GET, "/api/v1/undertakings", api_undertakings, ROUTE_JSON | ROUTE_CACHE, "status body meeting", NEED_VIEWER },
	{ HTTP_POST, "/api/v1/undertakings", api_undertaking_create, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/undertakings/{id}", api_undertaking, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/undertakings/{id}", api_undertaking_patch, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/undertakings/{id}", api_undertaking_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/issues", api_issues, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_POST, "/api/v1/issues", api_issue_create, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/issues/{id}", api_issue, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/issues/{id}", api_issue_patch, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/issues/{id}", api_issue_delete, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_POST, "/api/v1/issues/{id}/items", api_issue_item_add, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/issues/{id}/items/{id}", api_issue_item_remove, ROUTE_JSON, NULL, NEED_OFFICER },
	{ HTTP_GET, "/api/v1/forward-plan", api_forward_plan, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_VIEWER },
	{ HTTP_GET, "/api/v1/plans/{id}/approval", api_plan_approval, ROUTE_JSON | ROUTE_CACHE, NULL, NEED_PUBLISHED_PLAN },
};

/* Errors in the form the client reads: JSON for the API, a page for
 * everyone else. */
static void site_error(struct req *r, struct resp *w, int status,
		       const char *code, const char *message, const char *field)
{
	if (strncmp(r->path, "/api/", 5) == 0 ||
	    strcmp(r->path, "/healthz") == 0) {
		resp_api_error_status(w, status, code, message, field);
		return;
	}
	web_error_page(r, w, status, message);
}

const struct http_site safer_site = {
	routes,
	ARRAY_SIZE(routes),
	site_error,
	site_authorize,
};
