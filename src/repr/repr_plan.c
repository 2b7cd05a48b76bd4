/*
 * repr_plan.c: the JSON and CSV of plans, themes, priority areas and
 * outcomes frameworks.
 */
#include "base/csv.h"
#include "repr.h"
#include "store/store_outcome.h"
#include "store/store_plan.h"

void repr_json_priority(struct jw *j, const struct priority *pr)
{
	jw_obj(j);
	jw_kv_int(j, "id", pr->id);
	jw_kv_str(j, "name", pr->name);
	jw_kv_str(j, "description", pr->description);
	jw_kv_int(j, "theme_id", pr->theme_id);
	jw_kv_str(j, "added_on", pr->added_on);
	jw_kv_str(j, "removed_on", pr->removed_on);
	jw_kv_str(j, "archived_at", pr->archived_at);
	jw_key(j, "outcome_ids");
	jw_arr(j);
	for (size_t i = 0; i < pr->n_outcomes; i++)
		jw_int(j, pr->outcomes[i].id);
	jw_end(j);
	jw_key(j, "outcomes");
	jw_arr(j);
	for (size_t i = 0; i < pr->n_outcomes; i++) {
		const struct outcome *o = &pr->outcomes[i];

		jw_obj(j);
		jw_kv_int(j, "id", o->id);
		jw_kv_int(j, "number", o->number);
		jw_kv_str(j, "text", o->text);
		jw_kv_bool(j, "example_link", o->example_link);
		jw_end(j);
	}
	jw_end(j);
	jw_end(j);
}

void repr_json_theme(struct jw *j, const struct theme *t)
{
	jw_obj(j);
	jw_kv_int(j, "id", t->id);
	jw_kv_int(j, "plan_id", t->plan_id);
	jw_kv_str(j, "name", t->name);
	jw_kv_str(j, "description", t->description);
	jw_kv_id(j, "lead_id", t->lead_id);
	jw_key(j, "lead");
	if (t->lead_id) {
		jw_obj(j);
		jw_kv_int(j, "id", t->lead_id);
		jw_kv_str(j, "name", t->lead_name);
		jw_kv_str(j, "role", t->lead_role);
		jw_kv_str(j, "organisation", t->lead_organisation);
		jw_end(j);
	} else {
		jw_null(j);
	}
	jw_kv_int(j, "position", t->position);
	jw_kv_str(j, "archived_at", t->archived_at);
	jw_key(j, "priority_areas");
	jw_arr(j);
	for (size_t i = 0; i < t->n_priorities; i++)
		repr_json_priority(j, &t->priorities[i]);
	jw_end(j);
	jw_end(j);
}

void repr_json_plan(struct jw *j, const struct plan *p,
		   const struct theme *themes, size_t n)
{
	jw_obj(j);
	jw_kv_int(j, "id", p->id);
	jw_kv_str(j, "title", p->title);
	jw_kv_str(j, "kind", p->kind);
	jw_key(j, "period");
	jw_obj(j);
	jw_kv_str(j, "start", p->period_start);
	jw_kv_str(j, "end", p->period_end);
	jw_end(j);
	jw_kv_str(j, "status", p->status);
	jw_kv_str(j, "approved_by", p->approved_by);
	jw_kv_id(j, "approved_by_board_id", p->approved_by_board_id);
	jw_kv_str(j, "approved_on", p->approved_on);
	jw_kv_str(j, "note", p->note);
	jw_kv_id(j, "previous_id", p->previous_id);
	jw_kv_str(j, "archived_at", p->archived_at);
	jw_kv_bool(j, "example", p->example);
	jw_key(j, "counts");
	jw_obj(j);
	jw_kv_int(j, "themes", p->n_themes);
	jw_kv_int(j, "priority_areas", p->n_priorities);
	jw_kv_int(j, "actions", p->n_actions);
	jw_kv_int(j, "overdue_actions", p->n_overdue);
	jw_end(j);
	if (themes) {
		jw_key(j, "themes");
		jw_arr(j);
		for (size_t i = 0; i < n; i++)
			repr_json_theme(j, &themes[i]);
		jw_end(j);
	}
	jw_end(j);
}

void repr_json_frameworks(struct jw *j, const struct framework *f, size_t n)
{
	jw_key(j, "outcomes");
	jw_arr(j);
	for (size_t i = 0; i < n; i++)
		for (size_t g = 0; g < f[i].n_groups; g++)
			for (size_t k = 0; k < f[i].groups[g].n_outcomes; k++) {
				const struct outcome *o = &f[i].groups[g].outcomes[k];

				jw_obj(j);
				jw_kv_int(j, "id", o->id);
				jw_kv_int(j, "number", o->number);
				jw_kv_str(j, "text", o->text);
				jw_kv_str(j, "group", f[i].groups[g].name);
				jw_kv_int(j, "framework_id", f[i].id);
				jw_kv_str(j, "framework", f[i].name);
				jw_end(j);
			}
	jw_end(j);
	jw_key(j, "frameworks");
	jw_arr(j);
	for (size_t i = 0; i < n; i++) {
		jw_obj(j);
		jw_kv_int(j, "id", f[i].id);
		jw_kv_str(j, "name", f[i].name);
		jw_kv_str(j, "owner", f[i].owner);
		jw_kv_str(j, "period", f[i].period);
		jw_kv_str(j, "note", f[i].note);
		jw_key(j, "groups");
		jw_arr(j);
		for (size_t g = 0; g < f[i].n_groups; g++) {
			jw_obj(j);
			jw_kv_int(j, "id", f[i].groups[g].id);
			jw_kv_str(j, "name", f[i].groups[g].name);
			jw_key(j, "numbers");
			jw_arr(j);
			for (size_t k = 0; k < f[i].groups[g].n_outcomes; k++)
				jw_int(j, f[i].groups[g].outcomes[k].number);
			jw_end(j);
			jw_end(j);
		}
		jw_end(j);
		jw_end(j);
	}
	jw_end(j);
}

void repr_json_outcome(struct jw *j, const struct outcome *o)
{
	jw_obj(j);
	jw_kv_int(j, "id", o->id);
	jw_kv_int(j, "framework_id", o->framework_id);
	jw_kv_int(j, "number", o->number);
	jw_kv_str(j, "text", o->text);
	jw_kv_str(j, "group", o->group_name);
	jw_kv_str(j, "archived_at", o->archived_at);
	jw_end(j);
}

void repr_json_framework(struct jw *j, const struct framework *f)
{
	jw_obj(j);
	jw_kv_int(j, "id", f->id);
	jw_kv_str(j, "name", f->name);
	jw_kv_str(j, "owner", f->owner);
	jw_kv_str(j, "period", f->period);
	jw_kv_str(j, "note", f->note);
	jw_kv_str(j, "archived_at", f->archived_at);
	jw_key(j, "groups");
	jw_arr(j);
	for (size_t g = 0; g < f->n_groups; g++) {
		jw_obj(j);
		jw_kv_int(j, "id", f->groups[g].id);
		jw_kv_str(j, "name", f->groups[g].name);
		jw_key(j, "outcomes");
		jw_arr(j);
		for (size_t k = 0; k < f->groups[g].n_outcomes; k++)
			repr_json_outcome(j, &f->groups[g].outcomes[k]);
		jw_end(j);
		jw_end(j);
	}
	jw_end(j);
	jw_end(j);
}

void repr_json_plans(struct jw *j, const struct plan *p, size_t n,
		     int64_t current_plan_id)
{
	jw_obj(j);
	jw_kv_id(j, "current_plan_id", current_plan_id);
	jw_key(j, "plans");
	jw_arr(j);
	for (size_t i = 0; i < n; i++)
		repr_json_plan(j, &p[i], NULL, 0);
	jw_end(j);
	jw_end(j);
}

void repr_csv_plans(struct buf *b, const struct plan *p, size_t n)
{
	struct csv c;
	static const char *const header[] = {
		"id", "title", "kind", "period_start", "period_end", "status",
		"themes", "actions", "overdue",
	};

	csv_init(&c, b);
	for (size_t i = 0; i < ARRAY_SIZE(header); i++)
		csv_text(&c, header[i]);
	csv_end_row(&c);
	for (size_t i = 0; i < n; i++) {
		csv_int(&c, p[i].id);
		csv_text(&c, p[i].title);
		csv_text(&c, p[i].kind);
		csv_text(&c, p[i].period_start);
		csv_text(&c, p[i].period_end);
		csv_text(&c, p[i].status);
		csv_int(&c, p[i].n_themes);
		csv_int(&c, p[i].n_actions);
		csv_int(&c, p[i].n_overdue);
		csv_end_row(&c);
	}
}
