/*
 * repr_scrutiny.c: the JSON and CSV of undertakings and requests,
 * issues with their timelines, the forward plan and a plan's approval
 * path.
 */
#include "base/csv.h"
#include "repr.h"
#include "store/store_scrutiny.h"

void repr_json_undertaking(struct jw *j, const struct undertaking *u)
{
	jw_obj(j);
	jw_kv_int(j, "id", u->id);
	jw_kv_str(j, "kind", u->kind);
	jw_kv_str(j, "text", u->text);
	jw_kv_str(j, "owner", u->owner);
	jw_kv_id(j, "owner_id", u->owner_id);
	jw_kv_str(j, "owner_name", u->owner_name);
	jw_kv_id(j, "to_body_id", u->to_body_id);
	jw_kv_str(j, "to_body", u->to_body_name);
	jw_kv_id(j, "item_id", u->item_id);
	jw_key(j, "given_at");
	if (u->item_id) {
		jw_obj(j);
		jw_kv_int(j, "item_id", u->item_id);
		jw_kv_str(j, "number", u->item_number);
		jw_kv_str(j, "title", u->item_title);
		jw_kv_int(j, "meeting_id", u->meeting_id);
		jw_kv_str(j, "date", u->meeting_date);
		jw_kv_int(j, "body_id", u->body_id);
		jw_kv_str(j, "body", u->body_name);
		jw_end(j);
	} else {
		jw_null(j);
	}
	jw_kv_id(j, "due_meeting_id", u->due_meeting_id);
	jw_key(j, "due_meeting");
	if (u->due_meeting_id) {
		jw_obj(j);
		jw_kv_int(j, "id", u->due_meeting_id);
		jw_kv_str(j, "date", u->due_meeting_date);
		jw_kv_str(j, "status", u->due_meeting_status);
		jw_kv_int(j, "body_id", u->due_body_id);
		jw_kv_str(j, "body", u->due_body_name);
		jw_end(j);
	} else {
		jw_null(j);
	}
	jw_kv_str(j, "due_date", u->due_date);
	jw_kv_str(j, "due", u->due);
	jw_kv_str(j, "status", u->status);
	jw_kv_bool(j, "overdue", u->overdue);
	jw_kv_id(j, "discharged_by_item_id", u->discharged_by_item_id);
	jw_key(j, "discharged_by");
	if (u->discharged_by_item_id) {
		jw_obj(j);
		jw_kv_int(j, "item_id", u->discharged_by_item_id);
		jw_kv_str(j, "number", u->discharged_by_number);
		jw_kv_str(j, "title", u->discharged_by_title);
		jw_kv_str(j, "date", u->discharged_by_date);
		jw_end(j);
	} else {
		jw_null(j);
	}
	jw_kv_str(j, "discharged_on", u->discharged_on);
	jw_kv_str(j, "note", u->note);
	jw_kv_bool(j, "example", u->example);
	jw_end(j);
}

void repr_json_undertaking_list(struct jw *j, const struct undertaking *u,
				size_t n)
{
	jw_arr(j);
	for (size_t i = 0; i < n; i++)
		repr_json_undertaking(j, &u[i]);
	jw_end(j);
}

void repr_json_undertakings(struct jw *j, const struct undertaking *u,
			    size_t n)
{
	jw_obj(j);
	jw_key(j, "undertakings");
	repr_json_undertaking_list(j, u, n);
	jw_end(j);
}

void repr_csv_undertakings(struct buf *b, const struct undertaking *u,
			   size_t n)
{
	struct csv c;
	static const char *const header[] = {
		"id", "kind", "text", "owner", "given_at", "given_on",
		"due_meeting_id", "due", "status", "overdue",
		"discharged_by_item_id", "discharged_on", "example",
	};

	csv_init(&c, b);
	for (size_t i = 0; i < ARRAY_SIZE(header); i++)
		csv_text(&c, header[i]);
	csv_end_row(&c);
	for (size_t i = 0; i < n; i++) {
		csv_int(&c, u[i].id);
		csv_text(&c, u[i].kind);
		csv_text(&c, u[i].text);
		csv_text(&c, u[i].owner ? u[i].owner : u[i].owner_name);
		csv_text(&c, u[i].body_name);
		csv_text(&c, u[i].meeting_date);
		if (u[i].due_meeting_id)
			csv_int(&c, u[i].due_meeting_id);
		else
			csv_empty(&c);
		csv_text(&c, u[i].due);
		csv_text(&c, u[i].status);
		csv_text(&c, u[i].overdue ? "yes" : "no");
		if (u[i].discharged_by_item_id)
			csv_int(&c, u[i].discharged_by_item_id);
		else
			csv_empty(&c);
		csv_text(&c, u[i].discharged_on);
		csv_text(&c, u[i].example ? "yes" : "no");
		csv_end_row(&c);
	}
}

void repr_json_issue(struct jw *j, const struct issue *x,
		     const struct tl_entry *t, size_t n, bool with_timeline)
{
	jw_obj(j);
	jw_kv_int(j, "id", x->id);
	jw_kv_str(j, "title", x->title);
	jw_kv_str(j, "description", x->description);
	jw_kv_id(j, "plan_id", x->plan_id);
	jw_kv_str(j, "plan", x->plan_title);
	jw_kv_int(j, "items", x->n_items);
	jw_kv_str(j, "first_date", x->first_date);
	jw_kv_str(j, "last_date", x->last_date);
	jw_kv_bool(j, "example", x->example);
	jw_kv_str(j, "archived_at", x->archived_at);
	if (!with_timeline) {
		jw_end(j);
		return;
	}
	jw_key(j, "item_ids");
	jw_arr(j);
	for (size_t i = 0; i < n; i++)
		jw_int(j, t[i].item_id);
	jw_end(j);
	jw_key(j, "timeline");
	jw_arr(j);
	for (size_t i = 0; i < n; i++) {
		const struct tl_entry *e = &t[i];

		jw_obj(j);
		jw_kv_int(j, "item_id", e->item_id);
		jw_kv_str(j, "number", e->number);
		jw_kv_str(j, "title", e->title);
		jw_kv_str(j, "summary", e->summary);
		jw_kv_int(j, "meeting_id", e->meeting_id);
		jw_kv_str(j, "date", e->date);
		jw_kv_str(j, "time", e->time);
		jw_kv_str(j, "meeting_status", e->meeting_status);
		jw_kv_int(j, "body_id", e->body_id);
		jw_kv_str(j, "body", e->body_name);
		jw_key(j, "resolutions");
		jw_arr(j);
		for (size_t k = 0; k < e->n_resolutions; k++) {
			jw_obj(j);
			jw_kv_int(j, "id", e->resolutions[k].id);
			jw_kv_str(j, "kind", e->resolutions[k].kind);
			jw_kv_str(j, "text", e->resolutions[k].text);
			jw_kv_id(j, "to_body_id", e->resolutions[k].to_body_id);
			jw_kv_str(j, "to_body", e->resolutions[k].to_body_name);
			jw_end(j);
		}
		jw_end(j);
		jw_key(j, "attachments");
		jw_arr(j);
		for (size_t k = 0; k < e->n_attachments; k++) {
			jw_obj(j);
			jw_kv_int(j, "id", e->attachments[k].id);
			jw_kv_str(j, "name", e->attachments[k].name);
			jw_kv_str(j, "content_type",
				  e->attachments[k].content_type);
			jw_kv_int(j, "bytes", e->attachments[k].bytes);
			jw_end(j);
		}
		jw_end(j);
		jw_key(j, "figures");
		jw_arr(j);
		for (size_t k = 0; k < e->n_figures; k++) {
			const struct tl_figure *f = &e->figures[k];

			jw_obj(j);
			jw_kv_int(j, "indicator_id", f->indicator_id);
			jw_kv_str(j, "code", f->code);
			jw_kv_str(j, "name", f->name);
			jw_kv_str(j, "unit", f->unit);
			jw_key(j, "value");
			if (f->has_value)
				jw_num(j, f->value);
			else
				jw_null(j);
			jw_kv_str(j, "period", f->period);
			jw_kv_str(j, "period_end", f->period_end);
			jw_kv_str(j, "area", f->area);
			jw_end(j);
		}
		jw_end(j);
		jw_end(j);
	}
	jw_end(j);
	jw_end(j);
}

void repr_csv_issues(struct buf *b, const struct issue *x, size_t n)
{
	struct csv c;
	static const char *const header[] = {
		"id", "title", "plan", "items", "first_date", "last_date",
		"example",
	};

	csv_init(&c, b);
	for (size_t i = 0; i < ARRAY_SIZE(header); i++)
		csv_text(&c, header[i]);
	csv_end_row(&c);
	for (size_t i = 0; i < n; i++) {
		csv_int(&c, x[i].id);
		csv_text(&c, x[i].title);
		csv_text(&c, x[i].plan_title);
		csv_int(&c, x[i].n_items);
		csv_text(&c, x[i].first_date);
		csv_text(&c, x[i].last_date);
		csv_text(&c, x[i].example ? "yes" : "no");
		csv_end_row(&c);
	}
}

void repr_json_forward_plan(struct jw *j, const char *today,
			    const struct forward_item *f, size_t n,
			    const struct undertaking *u, size_t n_u)
{
	jw_obj(j);
	jw_kv_str(j, "from", today);
	jw_key(j, "items");
	jw_arr(j);
	for (size_t i = 0; i < n; i++) {
		jw_obj(j);
		jw_kv_int(j, "meeting_id", f[i].meeting_id);
		jw_kv_str(j, "date", f[i].date);
		jw_kv_str(j, "time", f[i].time);
		jw_kv_str(j, "meeting_status", f[i].meeting_status);
		jw_kv_int(j, "body_id", f[i].body_id);
		jw_kv_str(j, "body", f[i].body_name);
		jw_kv_id(j, "item_id", f[i].item_id);
		jw_kv_str(j, "number", f[i].number);
		jw_kv_str(j, "title", f[i].title);
		jw_end(j);
	}
	jw_end(j);
	jw_key(j, "undertakings");
	jw_arr(j);
	for (size_t i = 0; i < n_u; i++)
		repr_json_undertaking(j, &u[i]);
	jw_end(j);
	jw_end(j);
}

void repr_json_approval(struct jw *j, int64_t plan_id,
			const struct approval_step *p, size_t n)
{
	jw_obj(j);
	jw_kv_int(j, "plan_id", plan_id);
	jw_key(j, "approval");
	jw_arr(j);
	for (size_t i = 0; i < n; i++) {
		jw_obj(j);
		jw_kv_int(j, "resolution_id", p[i].resolution_id);
		jw_kv_str(j, "kind", p[i].kind);
		jw_kv_str(j, "text", p[i].text);
		jw_kv_int(j, "item_id", p[i].item_id);
		jw_kv_str(j, "number", p[i].number);
		jw_kv_str(j, "title", p[i].title);
		jw_kv_int(j, "meeting_id", p[i].meeting_id);
		jw_kv_str(j, "date", p[i].date);
		jw_kv_int(j, "body_id", p[i].body_id);
		jw_kv_str(j, "body", p[i].body_name);
		jw_kv_id(j, "to_body_id", p[i].to_body_id);
		jw_kv_str(j, "to_body", p[i].to_body_name);
		jw_end(j);
	}
	jw_end(j);
	jw_end(j);
}
