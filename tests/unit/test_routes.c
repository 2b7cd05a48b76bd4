/*
 * test_routes.c: who may use each route.  The table below is written
 * here, apart from src/routes.c, as the rules of issue 8 read: every
 * route of safer_site must be in it with the same need, and every row of
 * it must be a route, so that a route added or changed without saying
 * who may use it fails here.  And: nothing that writes is open to
 * everyone but signing in and out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "routes.h"

static const struct {
	unsigned methods;
	const char *pattern;
	enum need need;
} expected[] = {
	{ HTTP_GET, "/", NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/plans", NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/plans/{id}", NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/themes/{id}", NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/themes/{id}/performance", NEED_VIEWER },
	{ HTTP_GET, "/priorities/{id}", NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/actions", NEED_VIEWER },
	{ HTTP_POST, "/actions", NEED_OFFICER },
	{ HTTP_GET, "/actions.csv", NEED_VIEWER },
	{ HTTP_GET, "/actions/new", NEED_OFFICER },
	{ HTTP_GET, "/actions/{id}", NEED_VIEWER },
	{ HTTP_POST, "/actions/{id}", NEED_LEAD_ACTION },
	{ HTTP_GET, "/actions/{id}/edit", NEED_LEAD_ACTION },
	{ HTTP_POST, "/actions/{id}/updates", NEED_LEAD_ACTION },
	{ HTTP_GET, "/funding", NEED_PUBLISHED_FUNDING },
	{ HTTP_GET, "/awards.csv", NEED_VIEWER },
	{ HTTP_GET, "/crime", NEED_PUBLISHED_CRIME },
	{ HTTP_GET, "/indicators", NEED_VIEWER },
	{ HTTP_GET, "/indicators/{id}", NEED_VIEWER },
	{ HTTP_GET, "/headlines", NEED_PUBLISHED_HEADLINES },
	{ HTTP_POST, "/funds", NEED_OFFICER },
	{ HTTP_GET, "/funds/new", NEED_OFFICER },
	{ HTTP_GET, "/funds/{id}", NEED_VIEWER },
	{ HTTP_POST, "/funds/{id}", NEED_OFFICER },
	{ HTTP_GET, "/funds/{id}/edit", NEED_OFFICER },
	{ HTTP_GET, "/funds/{id}/awards/new", NEED_OFFICER },
	{ HTTP_POST, "/funds/{id}/awards", NEED_OFFICER },
	{ HTTP_GET, "/awards/{id}/edit", NEED_OFFICER },
	{ HTTP_POST, "/awards/{id}", NEED_OFFICER },
	{ HTTP_GET, "/governance", NEED_VIEWER },
	{ HTTP_GET, "/outcomes", NEED_VIEWER },
	{ HTTP_GET, "/organisations", NEED_VIEWER },
	{ HTTP_GET, "/static/safer.css", NEED_ANYONE },
	{ HTTP_GET, "/static/favicon.svg", NEED_ANYONE },
	/* The record of changes: officers and administrators. */
	{ HTTP_GET, "/changes", NEED_OFFICER },
	{ HTTP_GET, "/changes.csv", NEED_OFFICER },
	/* What anonymous visitors may read: administrators. */
	{ HTTP_GET, "/settings/publishing", NEED_ADMIN },
	{ HTTP_POST, "/settings/publishing", NEED_ADMIN },
	/* Plans, themes, priority areas, frameworks and outcomes: forms */
	{ HTTP_GET, "/plans/new", NEED_OFFICER },
	{ HTTP_POST, "/plans", NEED_OFFICER },
	{ HTTP_GET, "/plans/{id}/edit", NEED_OFFICER },
	{ HTTP_POST, "/plans/{id}", NEED_OFFICER },
	{ HTTP_GET, "/plans/{id}/roll-forward", NEED_OFFICER },
	{ HTTP_POST, "/plans/{id}/roll-forward", NEED_OFFICER },
	{ HTTP_GET, "/plans/{id}/delete", NEED_OFFICER },
	{ HTTP_POST, "/plans/{id}/delete", NEED_OFFICER },
	{ HTTP_GET, "/plans/{id}/themes/new", NEED_OFFICER },
	{ HTTP_POST, "/plans/{id}/themes", NEED_OFFICER },
	{ HTTP_GET, "/themes/{id}/edit", NEED_OFFICER },
	{ HTTP_POST, "/themes/{id}", NEED_OFFICER },
	{ HTTP_GET, "/themes/{id}/delete", NEED_OFFICER },
	{ HTTP_POST, "/themes/{id}/delete", NEED_OFFICER },
	{ HTTP_GET, "/themes/{id}/priorities/new", NEED_OFFICER },
	{ HTTP_POST, "/themes/{id}/priorities", NEED_OFFICER },
	{ HTTP_GET, "/priorities/{id}/edit", NEED_OFFICER },
	{ HTTP_POST, "/priorities/{id}", NEED_OFFICER },
	{ HTTP_GET, "/priorities/{id}/delete", NEED_OFFICER },
	{ HTTP_POST, "/priorities/{id}/delete", NEED_OFFICER },
	{ HTTP_GET, "/frameworks/new", NEED_OFFICER },
	{ HTTP_POST, "/frameworks", NEED_OFFICER },
	{ HTTP_GET, "/frameworks/{id}/edit", NEED_OFFICER },
	{ HTTP_POST, "/frameworks/{id}", NEED_OFFICER },
	{ HTTP_GET, "/frameworks/{id}/delete", NEED_OFFICER },
	{ HTTP_POST, "/frameworks/{id}/delete", NEED_OFFICER },
	{ HTTP_GET, "/frameworks/{id}/outcomes/new", NEED_OFFICER },
	{ HTTP_POST, "/frameworks/{id}/outcomes", NEED_OFFICER },
	{ HTTP_GET, "/outcomes/{id}/edit", NEED_OFFICER },
	{ HTTP_POST, "/outcomes/{id}", NEED_OFFICER },
	{ HTTP_GET, "/outcomes/{id}/delete", NEED_OFFICER },
	{ HTTP_POST, "/outcomes/{id}/delete", NEED_OFFICER },
	{ HTTP_GET, "/sign-in", NEED_ANYONE },
	{ HTTP_POST, "/sign-in", NEED_ANYONE },
	{ HTTP_POST, "/sign-out", NEED_ANYONE },
	{ HTTP_GET, "/account", NEED_VIEWER },
	{ HTTP_POST, "/account/password", NEED_VIEWER },
	{ HTTP_POST, "/account/tokens", NEED_VIEWER },
	{ HTTP_POST, "/account/tokens/{id}/revoke", NEED_VIEWER },
	{ HTTP_GET, "/admin/users", NEED_ADMIN },
	{ HTTP_POST, "/admin/users", NEED_ADMIN },
	{ HTTP_GET, "/admin/users/new", NEED_ADMIN },
	{ HTTP_GET, "/admin/users/{id}", NEED_ADMIN },
	{ HTTP_POST, "/admin/users/{id}/role", NEED_ADMIN },
	{ HTTP_POST, "/admin/users/{id}/password", NEED_ADMIN },
	{ HTTP_POST, "/admin/users/{id}/disable", NEED_ADMIN },
	{ HTTP_POST, "/admin/users/{id}/enable", NEED_ADMIN },
	{ HTTP_GET, "/healthz", NEED_ANYONE },
	{ HTTP_GET, "/api/v1/plans", NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/api/v1/plans/{id}", NEED_PUBLISHED_PLAN },
	{ HTTP_GET, "/api/v1/outcomes", NEED_VIEWER },
	{ HTTP_GET, "/api/v1/funds", NEED_PUBLISHED_FUNDING },
	{ HTTP_GET, "/api/v1/funds/{id}", NEED_PUBLISHED_FUNDING },
	{ HTTP_GET, "/api/v1/awards", NEED_VIEWER },
	{ HTTP_GET, "/api/v1/actions", NEED_VIEWER },
	{ HTTP_POST, "/api/v1/actions", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/actions/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/actions/{id}", NEED_LEAD_ACTION },
	{ HTTP_GET, "/api/v1/actions/{id}/updates", NEED_VIEWER },
	{ HTTP_POST, "/api/v1/actions/{id}/updates", NEED_LEAD_ACTION },
	{ HTTP_GET, "/api/v1/people", NEED_VIEWER },
	{ HTTP_GET, "/api/v1/organisations", NEED_VIEWER },
	{ HTTP_GET, "/api/v1/boards", NEED_VIEWER },
	{ HTTP_GET, "/api/v1/crime/counts", NEED_PUBLISHED_CRIME },
	{ HTTP_GET, "/api/v1/crime/top", NEED_PUBLISHED_CRIME },
	{ HTTP_GET, "/api/v1/crime/summary", NEED_PUBLISHED_CRIME },
	{ HTTP_GET, "/api/v1/indicators", NEED_VIEWER },
	{ HTTP_GET, "/api/v1/indicators/{id}", NEED_VIEWER },
	{ HTTP_GET, "/api/v1/headlines", NEED_PUBLISHED_HEADLINES },
	{ HTTP_GET, "/api/v1/audit", NEED_OFFICER },
	/* The partnership, organisations, people, boards; funds, awards and
	 * actions removed: officers write, every account reads. */
	{ HTTP_GET, "/partnership/edit", NEED_OFFICER },
	{ HTTP_POST, "/partnership", NEED_OFFICER },
	{ HTTP_GET, "/organisations/new", NEED_OFFICER },
	{ HTTP_POST, "/organisations", NEED_OFFICER },
	{ HTTP_GET, "/organisations/{id}/edit", NEED_OFFICER },
	{ HTTP_POST, "/organisations/{id}", NEED_OFFICER },
	{ HTTP_GET, "/organisations/{id}/delete", NEED_OFFICER },
	{ HTTP_POST, "/organisations/{id}/delete", NEED_OFFICER },
	{ HTTP_GET, "/people/new", NEED_OFFICER },
	{ HTTP_POST, "/people", NEED_OFFICER },
	{ HTTP_GET, "/people/{id}/edit", NEED_OFFICER },
	{ HTTP_POST, "/people/{id}", NEED_OFFICER },
	{ HTTP_GET, "/people/{id}/delete", NEED_OFFICER },
	{ HTTP_POST, "/people/{id}/delete", NEED_OFFICER },
	{ HTTP_GET, "/boards/new", NEED_OFFICER },
	{ HTTP_POST, "/boards", NEED_OFFICER },
	{ HTTP_GET, "/boards/{id}/edit", NEED_OFFICER },
	{ HTTP_POST, "/boards/{id}", NEED_OFFICER },
	{ HTTP_GET, "/boards/{id}/delete", NEED_OFFICER },
	{ HTTP_POST, "/boards/{id}/delete", NEED_OFFICER },
	{ HTTP_GET, "/funds/{id}/delete", NEED_OFFICER },
	{ HTTP_POST, "/funds/{id}/delete", NEED_OFFICER },
	{ HTTP_GET, "/awards/{id}/delete", NEED_OFFICER },
	{ HTTP_POST, "/awards/{id}/delete", NEED_OFFICER },
	{ HTTP_GET, "/actions/{id}/delete", NEED_OFFICER },
	{ HTTP_POST, "/actions/{id}/delete", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/partnership", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/partnership", NEED_OFFICER },
	{ HTTP_POST, "/api/v1/organisations", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/organisations/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/organisations/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/organisations/{id}", NEED_OFFICER },
	{ HTTP_POST, "/api/v1/people", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/people/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/people/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/people/{id}", NEED_OFFICER },
	{ HTTP_POST, "/api/v1/boards", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/boards/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/boards/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/boards/{id}", NEED_OFFICER },
	{ HTTP_POST, "/api/v1/funds", NEED_OFFICER },
	{ HTTP_PATCH, "/api/v1/funds/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/funds/{id}", NEED_OFFICER },
	{ HTTP_POST, "/api/v1/awards", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/awards/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/awards/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/awards/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/actions/{id}", NEED_OFFICER },
	/* Scrutiny: undertakings and requests, issues, the forward plan
	 * (issue 9, scrutiny) */
	{ HTTP_GET, "/undertakings", NEED_VIEWER },
	{ HTTP_POST, "/undertakings", NEED_OFFICER },
	{ HTTP_GET, "/undertakings.ics", NEED_VIEWER },
	{ HTTP_GET, "/undertakings/new", NEED_OFFICER },
	{ HTTP_GET, "/undertakings/{id}", NEED_VIEWER },
	{ HTTP_POST, "/undertakings/{id}", NEED_OFFICER },
	{ HTTP_GET, "/undertakings/{id}/edit", NEED_OFFICER },
	{ HTTP_GET, "/undertakings/{id}/discharge", NEED_OFFICER },
	{ HTTP_POST, "/undertakings/{id}/discharge", NEED_OFFICER },
	{ HTTP_GET, "/issues", NEED_VIEWER },
	{ HTTP_POST, "/issues", NEED_OFFICER },
	{ HTTP_GET, "/issues/new", NEED_OFFICER },
	{ HTTP_GET, "/issues/{id}", NEED_VIEWER },
	{ HTTP_GET, "/issues/{id}/items/new", NEED_OFFICER },
	{ HTTP_POST, "/issues/{id}/items", NEED_OFFICER },
	{ HTTP_GET, "/forward-plan", NEED_VIEWER },
	/* Scrutiny: undertakings and requests, issues, the forward plan,
	 * approval paths (issue 9, scrutiny) */
	{ HTTP_GET, "/api/v1/undertakings", NEED_VIEWER },
	{ HTTP_POST, "/api/v1/undertakings", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/undertakings/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/undertakings/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/undertakings/{id}", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/issues", NEED_VIEWER },
	{ HTTP_POST, "/api/v1/issues", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/issues/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/issues/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/issues/{id}", NEED_OFFICER },
	{ HTTP_POST, "/api/v1/issues/{id}/items", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/issues/{id}/items/{id}", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/forward-plan", NEED_VIEWER },
	{ HTTP_GET, "/api/v1/plans/{id}/approval", NEED_PUBLISHED_PLAN },

	/* Bodies, meetings, items, attachments, calendars (issue 9, meetings) */
	{ HTTP_GET, "/api/v1/bodies", NEED_VIEWER },
	{ HTTP_POST, "/api/v1/bodies", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/bodies/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/bodies/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/bodies/{id}", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/meetings", NEED_VIEWER },
	{ HTTP_POST, "/api/v1/meetings", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/meetings/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/meetings/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/meetings/{id}", NEED_OFFICER },
	{ HTTP_POST, "/api/v1/meetings/{id}/items", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/items/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/items/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/items/{id}", NEED_OFFICER },
	{ HTTP_POST, "/api/v1/items/{id}/attachments", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/attachments/{id}", NEED_OFFICER },
	{ HTTP_GET, "/attachments/{id}", NEED_VIEWER },
	{ HTTP_GET, "/meetings.ics", NEED_VIEWER },
	{ HTTP_GET, "/bodies/{id}/meetings.ics", NEED_VIEWER },
	{ HTTP_GET, "/actions.ics", NEED_VIEWER },
	/* Plans, themes, priority areas, frameworks and outcomes: writes */
	{ HTTP_POST, "/api/v1/plans", NEED_OFFICER },
	{ HTTP_PATCH, "/api/v1/plans/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/plans/{id}", NEED_OFFICER },
	{ HTTP_POST, "/api/v1/plans/{id}/roll-forward", NEED_OFFICER },
	{ HTTP_POST, "/api/v1/plans/{id}/themes", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/themes/{id}", NEED_PUBLISHED_PLAN },
	{ HTTP_PATCH, "/api/v1/themes/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/themes/{id}", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/themes/{id}/priorities", NEED_PUBLISHED_PLAN },
	{ HTTP_POST, "/api/v1/themes/{id}/priorities", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/priorities/{id}", NEED_PUBLISHED_PLAN },
	{ HTTP_PATCH, "/api/v1/priorities/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/priorities/{id}", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/frameworks", NEED_VIEWER },
	{ HTTP_POST, "/api/v1/frameworks", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/frameworks/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/frameworks/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/frameworks/{id}", NEED_OFFICER },
	{ HTTP_POST, "/api/v1/frameworks/{id}/outcomes", NEED_OFFICER },
	{ HTTP_GET, "/api/v1/outcomes/{id}", NEED_VIEWER },
	{ HTTP_PATCH, "/api/v1/outcomes/{id}", NEED_OFFICER },
	{ HTTP_DELETE, "/api/v1/outcomes/{id}", NEED_OFFICER },
};

static const char *need_name(unsigned need)
{
	static const char *const names[] = {
		"NEED_ANYONE", "NEED_PUBLISHED_PLAN", "NEED_PUBLISHED_FUNDING",
		"NEED_PUBLISHED_HEADLINES", "NEED_PUBLISHED_CRIME", "NEED_VIEWER",
		"NEED_LEAD_ACTION", "NEED_ANALYST", "NEED_OFFICER", "NEED_ADMIN",
	};

	return need < ARRAY_SIZE(names) ? names[need] : "?";
}

static void test_every_route(void **state)
{
	size_t failures = 0;

	UNUSED(state);
	for (size_t i = 0; i < safer_site.n_routes; i++) {
		const struct route *rt = &safer_site.routes[i];
		bool found = false;

		for (size_t k = 0; k < ARRAY_SIZE(expected); k++) {
			if (expected[k].methods != rt->methods ||
			    strcmp(expected[k].pattern, rt->pattern) != 0)
				continue;
			found = true;
			if (expected[k].need != rt->need) {
				print_error("%s (methods %u) needs %s, want %s\n",
					    rt->pattern, rt->methods,
					    need_name(rt->need),
					    need_name(expected[k].need));
				failures++;
			}
		}
		if (!found) {
			print_error("%s (methods %u, %s) is not in the table of "
				    "tests/unit/test_routes.c\n",
				    rt->pattern, rt->methods, need_name(rt->need));
			failures++;
		}
	}
	for (size_t k = 0; k < ARRAY_SIZE(expected); k++) {
		bool found = false;

		for (size_t i = 0; i < safer_site.n_routes && !found; i++)
			found = expected[k].methods == safer_site.routes[i].methods &&
				strcmp(expected[k].pattern,
				       safer_site.routes[i].pattern) == 0;
		if (!found) {
			print_error("%s (methods %u) is no route of safer_site\n",
				    expected[k].pattern, expected[k].methods);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void test_writes_need_someone(void **state)
{
	UNUSED(state);
	for (size_t i = 0; i < safer_site.n_routes; i++) {
		const struct route *rt = &safer_site.routes[i];

		if (!(rt->methods & ~(unsigned)(HTTP_GET | HTTP_HEAD)))
			continue;
		if (strcmp(rt->pattern, "/sign-in") == 0 ||
		    strcmp(rt->pattern, "/sign-out") == 0)
			continue;
		if (rt->need < NEED_VIEWER)
			fail_msg("%s changes something but needs only %s",
				 rt->pattern, need_name(rt->need));
	}
	assert_true(safer_site.authorize != NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_route),
		cmocka_unit_test(test_writes_need_someone),
	};

	return cmocka_run_group_tests_name("routes", tests, NULL, NULL);
}
