/*
 * repr.h: the one JSON and CSV form of each resource of the plan, which
 * the API serves, the pages offer as downloads and the command line
 * prints (--format json|csv), so that the three never disagree.
 *
 * Field names are the API's (docs/api.md); money is in whole pence in
 * JSON and in pounds in CSV; dates are ISO 8601; absent values are null
 * in JSON and empty in CSV.  A figure built on example data says so
 * ("example": true, or an example column).  The indicators' JSON is in
 * repr_indicator.h.
 */
#ifndef SAFER_REPR_H
#define SAFER_REPR_H

#include "base/buf.h"
#include "base/json.h"

struct plan;
struct theme;
struct priority;
struct framework;
struct outcome;
struct action;
struct action_update;
struct fund;
struct award;
struct person;
struct organisation;
struct board;
struct import_record;
struct audit_entry;
struct arena;

/* ---------------------------------------------------------------------
 * Plans (repr_plan.c)
 */

/* A plan without its themes; with themes (n > 0 or themes not NULL)
 * embeds them, each with its lead and priority areas. */
void repr_json_plan(struct jw *j, const struct plan *p,
		    const struct theme *themes, size_t n);
void repr_json_theme(struct jw *j, const struct theme *t);
void repr_json_priority(struct jw *j, const struct priority *pr);
/* {"current_plan_id", "plans": [...]} */
void repr_json_plans(struct jw *j, const struct plan *p, size_t n,
		     int64_t current_plan_id);
/* The members {"outcomes": [...flat...], "frameworks": [...with
 * groups...]} of an object the caller opened. */
void repr_json_frameworks(struct jw *j, const struct framework *f, size_t n);
void repr_csv_plans(struct buf *b, const struct plan *p, size_t n);
/* One framework: its groups, each with its outcomes (repr_json_outcome). */
void repr_json_framework(struct jw *j, const struct framework *f);
/* {"id", "framework_id", "number", "text", "group", "archived_at"} */
void repr_json_outcome(struct jw *j, const struct outcome *o);

/* ---------------------------------------------------------------------
 * Actions (repr_action.c)
 */

void repr_json_action(struct jw *j, const struct action *a,
		      const struct action_update *updates, size_t n_updates,
		      bool with_updates);
/* The same, and "warnings": [{"field", "message"}] of what was saved
 * but may not be what was meant (store_action_warnings). */
void repr_json_action_warned(struct jw *j, const struct action *a,
			     const struct action_update *updates,
			     size_t n_updates, const struct err_list *warnings);
void repr_json_update(struct jw *j, const struct action_update *u);
/* "warnings": [{"field", "message"}...], a member of the object being
 * written: what was saved but may not be what was meant. */
void repr_json_warnings(struct jw *j, const struct err_list *warnings);
void repr_csv_actions(struct buf *b, const struct action *a, size_t n);

/* ---------------------------------------------------------------------
 * Funding (repr_fund.c)
 */

void repr_json_fund(struct jw *j, const struct fund *f, bool with_awards);
void repr_json_award(struct jw *j, const struct award *w);
/* The same with "warnings" (repr_json_warnings): after a write. */
void repr_json_fund_warned(struct jw *j, const struct fund *f,
			   const struct err_list *warnings);
void repr_json_award_warned(struct jw *j, const struct award *w,
			    const struct err_list *warnings);
/* {"year", "funds": [...with awards...], "totals": {allocation, awarded,
 * remaining, example}}; year may be NULL (every year). */
void repr_json_funds(struct jw *j, const char *year, const struct fund *f,
		     size_t n);
void repr_csv_funds(struct buf *b, const struct fund *f, size_t n);
void repr_csv_awards(struct buf *b, const struct award *w, size_t n);

/* ---------------------------------------------------------------------
 * People, organisations and boards (repr_people.c)
 */

void repr_json_person(struct jw *j, const struct person *p);
void repr_json_organisation(struct jw *j, const struct organisation *o);
void repr_json_board(struct jw *j, const struct board *b);
struct partnership;
void repr_json_partnership(struct jw *j, const struct partnership *p);

/* ---------------------------------------------------------------------
 * The history of imports (repr_import.c)
 */

/* {"imports": [...]}, each with its counts and its files (name, bytes,
 * sha256, rows). */
void repr_json_imports(struct jw *j, const struct import_record *r, size_t n);
/* One row an import (the files counted, not listed). */
void repr_csv_imports(struct buf *b, const struct import_record *r, size_t n);

/* ---------------------------------------------------------------------
 * The record of changes (repr_audit.c)
 */

/* {"entries": [{"id", "at", "user", "account_id", "via", "object":
 * {"type", "id"}, "op", "changes": [{"field", "old", "new"}]}]}, newest
 * first as given. */
void repr_json_audit(struct jw *j, const struct audit_entry *en, size_t n);
/* One row a field changed: id, at, user, via, object_type, object_id, op,
 * field, old, new (values as text, repr_audit_value_text). */
void repr_csv_audit(struct buf *b, struct arena *a,
		    const struct audit_entry *en, size_t n);
/* A recorded value (JSON) as text for people: a string without its
 * quotes, a list as "3, 5", a number as it is; NULL for null or an
 * empty list. */
const char *repr_audit_value_text(struct arena *a, const char *json);

/* ---------------------------------------------------------------------
 * Bodies, meetings, agenda items, attachments (repr_meeting.c; issue 9,
 * meetings)
 */
struct body;
struct meeting;
struct agenda_item;
struct attachment;
void repr_json_body(struct jw *j, const struct body *b);
void repr_csv_bodies(struct buf *b, const struct body *x, size_t n);
/* full: with attendees and items (one meeting), else as listed. */
void repr_json_meeting(struct jw *j, const struct meeting *m, bool full);
void repr_csv_meetings(struct buf *b, const struct meeting *m, size_t n);
void repr_json_item(struct jw *j, const struct agenda_item *it);
void repr_json_attachment(struct jw *j, const struct attachment *t);

/* ---------------------------------------------------------------------
 * Scrutiny: undertakings, issues, the forward plan, approval paths
 * (repr_scrutiny.c; issue 9, scrutiny)
 */
struct undertaking;
struct issue;
struct tl_entry;
struct forward_item;
struct approval_step;
void repr_json_undertaking(struct jw *j, const struct undertaking *u);
/* [...], the undertakings as a list (empty for none). */
void repr_json_undertaking_list(struct jw *j, const struct undertaking *u,
				size_t n);
/* {"undertakings": [...]} */
void repr_json_undertakings(struct jw *j, const struct undertaking *u,
			    size_t n);
void repr_csv_undertakings(struct buf *b, const struct undertaking *u,
			   size_t n);
/* An issue; with_timeline adds "item_ids" and "timeline": its items in
 * date order, each with resolutions, attachments and figures. */
void repr_json_issue(struct jw *j, const struct issue *x,
		     const struct tl_entry *t, size_t n, bool with_timeline);
void repr_csv_issues(struct buf *b, const struct issue *x, size_t n);
/* {"from", "items": [...], "undertakings": [...]} */
void repr_json_forward_plan(struct jw *j, const char *today,
			    const struct forward_item *f, size_t n,
			    const struct undertaking *u, size_t n_u);
/* {"plan_id", "approval": [...]} */
void repr_json_approval(struct jw *j, int64_t plan_id,
			const struct approval_step *p, size_t n);

#endif
