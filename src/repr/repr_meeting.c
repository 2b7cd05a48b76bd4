/*
 * repr_meeting.c: bodies, meetings, agenda items and attachments as
 * JSON and CSV, for the API and the command line alike.
 */
#include "base/csv.h"
#include "repr.h"
#include "store/store_meeting.h"

void repr_json_body(struct jw *j, const struct body *b)
{
	jw_obj(j);
	jw_kv_int(j, "id", b->id);
	jw_kv_str(j, "name", b->name);
	jw_kv_str(j, "kind", b->kind);
	jw_kv_id(j, "board_id", b->board_id);
	jw_kv_str(j, "board", b->board_name);
	jw_kv_id(j, "chair_id", b->chair_id);
	jw_kv_str(j, "chair", b->chair_name);
	jw_kv_id(j, "clerk_id", b->clerk_id);
	jw_kv_str(j, "clerk", b->clerk_name);
	jw_kv_str(j, "note", b->note);
	jw_kv_str(j, "source", b->source);
	jw_kv_str(j, "source_id", b->source_id);
	jw_kv_int(j, "meeting_count", b->n_meetings);
	jw_kv_bool(j, "example", b->example);
	jw_kv_str(j, "archived_at", b->archived_at);
	jw_key(j, "members");
	jw_arr(j);
	for (size_t i = 0; i < b->n_members; i++) {
		jw_obj(j);
		jw_kv_int(j, "person_id", b->members[i].person_id);
		jw_kv_str(j, "name", b->members[i].name);
		jw_kv_str(j, "role", b->members[i].role);
		jw_end(j);
	}
	jw_end(j);
	jw_end(j);
}

void repr_csv_bodies(struct buf *b, const struct body *x, size_t n)
{
	struct csv c;
	static const char *const header[] = {
		"id", "name", "kind", "board", "chair", "clerk", "members",
		"meetings", "example",
	};

	csv_init(&c, b);
	for (size_t i = 0; i < ARRAY_SIZE(header); i++)
		csv_text(&c, header[i]);
	csv_end_row(&c);
	for (size_t i = 0; i < n; i++) {
		csv_int(&c, x[i].id);
		csv_text(&c, x[i].name);
		csv_text(&c, x[i].kind);
		csv_text(&c, x[i].board_name);
		csv_text(&c, x[i].chair_name);
		csv_text(&c, x[i].clerk_name);
		csv_int(&c, (int64_t)x[i].n_members);
		csv_int(&c, x[i].n_meetings);
		csv_text(&c, x[i].example ? "yes" : "no");
		csv_end_row(&c);
	}
}

void repr_json_attachment(struct jw *j, const struct attachment *t)
{
	char url[64];

	snprintf(url, sizeof(url), "/attachments/%lld", (long long)t->id);
	jw_obj(j);
	jw_kv_int(j, "id", t->id);
	jw_kv_int(j, "item_id", t->item_id);
	jw_kv_str(j, "name", t->name);
	jw_kv_str(j, "content_type", t->content_type);
	jw_kv_int(j, "bytes", t->bytes);
	jw_kv_str(j, "sha256", t->sha256);
	jw_kv_str(j, "created_at", t->created_at);
	jw_kv_str(j, "source_url", t->source_url);
	jw_kv_str(j, "url", url);
	jw_end(j);
}

static void texts(struct jw *j, const char *key, const char *const *t,
		  size_t n)
{
	jw_key(j, key);
	jw_arr(j);
	for (size_t i = 0; i < n; i++)
		jw_str(j, t[i]);
	jw_end(j);
}

void repr_json_item(struct jw *j, const struct agenda_item *it)
{
	jw_obj(j);
	jw_kv_int(j, "id", it->id);
	jw_kv_int(j, "meeting_id", it->meeting_id);
	jw_kv_str(j, "meeting_date", it->meeting_date);
	jw_kv_int(j, "body_id", it->body_id);
	jw_kv_str(j, "body", it->body_name);
	jw_kv_str(j, "number", it->number);
	jw_kv_str(j, "title", it->title);
	jw_kv_str(j, "report_of", it->report_of);
	jw_kv_str(j, "author", it->author);
	jw_kv_str(j, "contact", it->contact);
	jw_kv_str(j, "summary", it->summary);
	texts(j, "recommendations", it->recommendations, it->n_recommendations);
	jw_kv_str(j, "minutes", it->minutes);
	texts(j, "comments", it->comments, it->n_comments);
	jw_key(j, "resolutions");
	jw_arr(j);
	for (size_t i = 0; i < it->n_resolutions; i++) {
		jw_obj(j);
		jw_kv_str(j, "text", it->resolutions[i].text);
		jw_kv_str(j, "kind", it->resolutions[i].kind);
		jw_kv_id(j, "to_body_id", it->resolutions[i].to_body_id);
		jw_kv_str(j, "to_body", it->resolutions[i].to_body_name);
		jw_end(j);
	}
	jw_end(j);
	jw_key(j, "links");
	jw_arr(j);
	for (size_t i = 0; i < it->n_links; i++) {
		jw_obj(j);
		jw_kv_str(j, "kind", it->links[i].kind);
		jw_kv_int(j, "id", it->links[i].target_id);
		jw_kv_str(j, "title", it->links[i].title);
		jw_end(j);
	}
	jw_end(j);
	jw_key(j, "attachments");
	jw_arr(j);
	for (size_t i = 0; i < it->n_attachments; i++)
		repr_json_attachment(j, &it->attachments[i]);
	jw_end(j);
	jw_key(j, "undertakings");
	repr_json_undertaking_list(j, it->undertakings, it->n_undertakings);
	jw_kv_int(j, "position", it->position);
	jw_kv_str(j, "source", it->source);
	jw_kv_str(j, "source_id", it->source_id);
	jw_kv_bool(j, "example", it->example);
	jw_kv_str(j, "archived_at", it->archived_at);
	jw_end(j);
}

void repr_json_meeting(struct jw *j, const struct meeting *m, bool full)
{
	jw_obj(j);
	jw_kv_int(j, "id", m->id);
	jw_kv_int(j, "body_id", m->body_id);
	jw_kv_str(j, "body", m->body_name);
	jw_kv_str(j, "date", m->date);
	jw_kv_str(j, "time", m->time);
	jw_kv_str(j, "venue", m->venue);
	jw_kv_str(j, "status", m->status);
	jw_kv_str(j, "note", m->note);
	jw_kv_int(j, "item_count", m->n_items_total);
	jw_kv_str(j, "source", m->source);
	jw_kv_str(j, "source_id", m->source_id);
	jw_kv_bool(j, "example", m->example);
	jw_kv_str(j, "archived_at", m->archived_at);
	if (full) {
		jw_key(j, "attendees");
		jw_arr(j);
		for (size_t i = 0; i < m->n_attendees; i++) {
			jw_obj(j);
			jw_kv_str(j, "name", m->attendees[i].name);
			jw_kv_id(j, "person_id", m->attendees[i].person_id);
			jw_kv_str(j, "role", m->attendees[i].role);
			jw_end(j);
		}
		jw_end(j);
		jw_key(j, "items");
		jw_arr(j);
		for (size_t i = 0; i < m->n_items; i++)
			repr_json_item(j, &m->items[i]);
		jw_end(j);
		jw_key(j, "undertakings_due");
		repr_json_undertaking_list(j, m->undertakings_due,
					   m->n_undertakings_due);
	}
	jw_end(j);
}

void repr_csv_meetings(struct buf *b, const struct meeting *m, size_t n)
{
	struct csv c;
	static const char *const header[] = {
		"id", "body_id", "body", "date", "time", "venue", "status",
		"items", "example",
	};

	csv_init(&c, b);
	for (size_t i = 0; i < ARRAY_SIZE(header); i++)
		csv_text(&c, header[i]);
	csv_end_row(&c);
	for (size_t i = 0; i < n; i++) {
		csv_int(&c, m[i].id);
		csv_int(&c, m[i].body_id);
		csv_text(&c, m[i].body_name);
		csv_text(&c, m[i].date);
		csv_text(&c, m[i].time);
		csv_text(&c, m[i].venue);
		csv_text(&c, m[i].status);
		csv_int(&c, m[i].n_items_total);
		csv_text(&c, m[i].example ? "yes" : "no");
		csv_end_row(&c);
	}
}
