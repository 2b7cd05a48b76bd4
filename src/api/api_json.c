/*
 * api_json.c: the JSON form of each resource, shared by the API and the
 * command line's --format json.  Field names are the API's; money is in
 * whole pence; dates are ISO 8601; absent values are null.
 */
#include "api.h"

void api_json_priority(struct jw *j, const struct priority *pr)
{
	jw_obj(j);
	jw_kv_int(j, "id", pr->id);
	jw_kv_str(j, "name", pr->name);
	jw_kv_str(j, "description", pr->description);
	jw_kv_int(j, "theme_id", pr->theme_id);
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

void api_json_theme(struct jw *j, const struct theme *t)
{
	jw_obj(j);
	jw_kv_int(j, "id", t->id);
	jw_kv_int(j, "plan_id", t->plan_id);
	jw_kv_str(j, "name", t->name);
	jw_kv_str(j, "description", t->description);
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
	jw_key(j, "priority_areas");
	jw_arr(j);
	for (size_t i = 0; i < t->n_priorities; i++)
		api_json_priority(j, &t->priorities[i]);
	jw_end(j);
	jw_end(j);
}

void api_json_plan(struct jw *j, const struct plan *p,
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
	jw_kv_str(j, "approved_on", p->approved_on);
	jw_kv_str(j, "note", p->note);
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
			api_json_theme(j, &themes[i]);
		jw_end(j);
	}
	jw_end(j);
}

void api_json_update(struct jw *j, const struct action_update *u)
{
	jw_obj(j);
	jw_kv_int(j, "id", u->id);
	jw_kv_int(j, "action_id", u->action_id);
	jw_kv_id(j, "author_id", u->author_id);
	jw_kv_str(j, "author", u->author_name);
	jw_kv_str(j, "body", u->body);
	jw_kv_str(j, "status", u->status);
	jw_kv_str(j, "rag", u->rag);
	jw_kv_str(j, "created_at", u->created_at);
	jw_kv_bool(j, "example", u->example);
	jw_end(j);
}

void api_json_action(struct jw *j, const struct action *a,
		     const struct action_update *updates, size_t n_updates,
		     bool with_updates)
{
	jw_obj(j);
	jw_kv_int(j, "id", a->id);
	jw_kv_int(j, "plan_id", a->plan_id);
	jw_kv_str(j, "plan", a->plan_title);
	jw_kv_id(j, "theme_id", a->theme_id);
	jw_kv_str(j, "theme", a->theme_name);
	jw_kv_id(j, "priority_id", a->priority_id);
	jw_kv_str(j, "priority_area", a->priority_name);
	jw_kv_str(j, "title", a->title);
	jw_kv_str(j, "description", a->description);
	jw_kv_id(j, "owner_id", a->owner_id);
	jw_kv_str(j, "owner", a->owner_name);
	jw_kv_str(j, "owner_organisation", a->owner_organisation);
	jw_kv_str(j, "due_on", a->due_on);
	jw_kv_str(j, "status", a->status);
	jw_kv_str(j, "rag", a->rag);
	jw_kv_bool(j, "overdue", a->overdue);
	jw_kv_bool(j, "example", a->example);
	jw_kv_str(j, "created_at", a->created_at);
	jw_kv_str(j, "updated_at", a->updated_at);
	jw_kv_int(j, "update_count", a->n_updates);
	jw_kv_str(j, "last_update_on", a->last_update_on);
	if (with_updates) {
		jw_key(j, "updates");
		jw_arr(j);
		for (size_t i = 0; i < n_updates; i++)
			api_json_update(j, &updates[i]);
		jw_end(j);
	}
	jw_end(j);
}

void api_json_award(struct jw *j, const struct award *w)
{
	jw_obj(j);
	jw_kv_int(j, "id", w->id);
	jw_kv_int(j, "fund_id", w->fund_id);
	jw_kv_str(j, "fund", w->fund_name);
	jw_kv_str(j, "year", w->fund_year);
	jw_kv_str(j, "recipient", w->recipient);
	jw_kv_str(j, "purpose", w->purpose);
	jw_key(j, "amount_pence");
	if (w->has_amount)
		jw_int(j, w->amount_pence);
	else
		jw_null(j);
	jw_kv_id(j, "priority_id", w->priority_id);
	jw_kv_str(j, "priority_area", w->priority_name);
	jw_kv_str(j, "status", w->status);
	jw_kv_str(j, "note", w->note);
	jw_kv_bool(j, "example", w->example);
	jw_end(j);
}

void api_json_fund(struct jw *j, const struct fund *f, bool with_awards)
{
	jw_obj(j);
	jw_kv_int(j, "id", f->id);
	jw_kv_str(j, "name", f->name);
	jw_kv_str(j, "year", f->year);
	jw_kv_str(j, "grantor", f->grantor);
	jw_kv_int(j, "allocation_pence", f->allocation_pence);
	jw_kv_int(j, "awarded_pence", f->awarded_pence);
	jw_kv_int(j, "remaining_pence", f->remaining_pence);
	jw_kv_int(j, "award_count", f->n_awards);
	jw_kv_int(j, "awards_without_amount", f->n_unpriced);
	jw_kv_str(j, "note", f->note);
	jw_kv_bool(j, "example", f->example);
	if (with_awards) {
		jw_key(j, "awards");
		jw_arr(j);
		for (size_t i = 0; i < f->n_award_list; i++)
			api_json_award(j, &f->awards[i]);
		jw_end(j);
	}
	jw_end(j);
}

void api_json_person(struct jw *j, const struct person *p)
{
	jw_obj(j);
	jw_kv_int(j, "id", p->id);
	jw_kv_str(j, "name", p->name);
	jw_kv_str(j, "role", p->role);
	jw_kv_id(j, "organisation_id", p->organisation_id);
	jw_kv_str(j, "organisation", p->organisation);
	jw_kv_bool(j, "example", p->example);
	jw_end(j);
}

void api_json_organisation(struct jw *j, const struct organisation *o)
{
	jw_obj(j);
	jw_kv_int(j, "id", o->id);
	jw_kv_str(j, "name", o->name);
	jw_kv_str(j, "short_name", o->short_name);
	jw_kv_str(j, "sector", o->sector);
	jw_kv_bool(j, "member", o->is_member);
	jw_kv_str(j, "note", o->note);
	jw_kv_int(j, "people", (int64_t)o->n_people);
	jw_kv_bool(j, "example", o->example);
	jw_end(j);
}

void api_json_board(struct jw *j, const struct board *b)
{
	jw_obj(j);
	jw_kv_int(j, "id", b->id);
	jw_kv_str(j, "name", b->name);
	jw_kv_str(j, "kind", b->kind);
	jw_kv_id(j, "parent_id", b->parent_id);
	jw_kv_id(j, "chair_id", b->chair_id);
	jw_kv_str(j, "chair", b->chair_name);
	jw_kv_str(j, "terms_of_reference", b->terms_of_reference);
	jw_kv_bool(j, "example", b->example);
	jw_key(j, "members");
	jw_arr(j);
	for (size_t i = 0; i < b->n_members; i++) {
		jw_obj(j);
		jw_kv_int(j, "person_id", b->members[i].person_id);
		jw_kv_str(j, "name", b->members[i].name);
		jw_kv_str(j, "role", b->members[i].role);
		jw_kv_str(j, "organisation", b->members[i].organisation);
		jw_end(j);
	}
	jw_end(j);
	jw_end(j);
}

void api_json_frameworks(struct jw *j, const struct framework *f, size_t n)
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
