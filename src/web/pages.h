/*
 * pages.h: the handlers of the web pages, one file each (cgit's ui-*.c),
 * and the few helpers that more than one page uses.
 */
#ifndef SAFER_PAGES_H
#define SAFER_PAGES_H

#include "store/store_action.h"
#include "store/store_fund.h"
#include "web.h"

route_fn page_overview;
route_fn page_plans, page_plan;
route_fn page_theme, page_priority;
route_fn page_actions, page_actions_csv, page_action;
route_fn page_action_new, page_action_create;
route_fn page_action_edit, page_action_save, page_action_add_update;
route_fn page_funding, page_fund, page_awards_csv;
route_fn page_fund_new, page_fund_create, page_fund_edit, page_fund_save;
route_fn page_award_new, page_award_create, page_award_edit, page_award_save;
route_fn page_governance, page_outcomes, page_organisations;
route_fn page_crime;
route_fn page_indicators, page_indicator, page_theme_performance, page_headlines;
route_fn page_static;
/* Plans, themes, priority areas, frameworks and outcomes: forms
 * (page_plan_forms.c, page_theme_forms.c, page_outcome_forms.c) */
route_fn page_plan_new, page_plan_create, page_plan_edit, page_plan_save;
route_fn page_plan_roll, page_plan_roll_save;
route_fn page_theme_new, page_theme_create, page_theme_edit, page_theme_save;
route_fn page_priority_new, page_priority_create, page_priority_edit;
route_fn page_priority_save;
route_fn page_framework_new, page_framework_create, page_framework_edit;
route_fn page_framework_save;
route_fn page_outcome_new, page_outcome_create, page_outcome_edit;
route_fn page_outcome_save;
/* Check your answers before removing any of them, and removing. */
route_fn page_remove_confirm, page_remove;
route_fn page_changes, page_changes_csv;

/* The link from a record's page to its history (page_changes.c):
 * "Changes to this theme", type as the record names it ("theme"). */
void web_changes_link(struct buf *b, const char *type, int64_t id);

/* End a summary list row (html_row_begin, the value) with its "Change"
 * link (page_plan_forms.c), which the public view leaves out: what
 * says, for screen readers, what is changed ("title"). */
void html_row_change_end(struct req *r, struct buf *b, const char *href,
			 const char *what);
/* The banner "Your changes have been saved." */
void html_saved_banner(struct req *r, struct buf *b);
/* Editing the partnership, organisations, people and boards, and the
 * check-your-answers page before deleting or archiving (GET .../delete)
 * and the deletion (POST .../delete) of those and of funds, awards and
 * actions (page_people_edit.c). */
route_fn page_partnership_edit, page_partnership_save;
route_fn page_organisation_new, page_organisation_edit, page_organisation_save;
route_fn page_person_new, page_person_edit, page_person_save;
route_fn page_board_new, page_board_edit, page_board_save;
route_fn page_organisation_delete, page_organisation_remove;
route_fn page_person_delete, page_person_remove;
route_fn page_board_delete, page_board_remove;
route_fn page_fund_delete, page_fund_remove;
route_fn page_award_delete, page_award_remove;
route_fn page_action_delete, page_action_remove;

/* The public view: what is published (page_settings.c). */
route_fn page_settings_publishing, page_settings_publishing_save;

/* Accounts (page_account.c) */
route_fn page_signin, page_signin_post, page_signout;
route_fn page_account, page_account_password;
route_fn page_account_token_create, page_account_token_revoke;
route_fn page_admin_users, page_admin_user_new, page_admin_user_create;
route_fn page_admin_user, page_admin_user_role, page_admin_user_password;
route_fn page_admin_user_disable, page_admin_user_enable;

/* Scrutiny: the undertakings register and its forms, issues with their
 * timelines, the forward plan (page_scrutiny.c, page_undertaking_edit.c;
 * issue 9, scrutiny) */
route_fn page_undertakings, page_undertakings_ics, page_undertaking;
route_fn page_undertaking_new, page_undertaking_edit, page_undertaking_save;
route_fn page_undertaking_discharge, page_undertaking_discharge_save;
route_fn page_issues, page_issue, page_issue_new, page_issue_save;
route_fn page_issue_item_new, page_issue_item_save;
route_fn page_forward_plan;
/* The open undertakings due at a meeting (those due at it, and those
 * given at earlier meetings of its body with no due meeting), for the
 * meeting's agenda page; nothing if there are none. */
void html_undertakings_due(struct req *r, struct buf *b, int64_t meeting_id);

/* The sign-in page, with status (200; 401 when the page asked for needs
 * sign-in; 400 or 429 when a sign-in failed, with its errors), coming
 * back to next (a path within safer) once signed in. */
void web_signin_page(struct req *r, struct resp *w, int status,
		     const char *next, const struct err_list *errors);

/* A table of actions (page_actions.c): title, theme and priority area,
 * owner, due date (with "Overdue"), status, RAG. */
void html_actions_table(struct buf *b, const struct action *a, size_t n,
			const char *caption);

/* A table of a fund's awards (page_funding.c). */
void html_awards_table(struct buf *b, const struct award *w, size_t n,
		       bool with_fund, const char *caption);

#endif
