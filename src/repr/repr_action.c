/*
 * repr_action.c: the JSON and CSV of actions and their progress updates.
 * The CSV is the download of /actions.csv and of "safer export actions".
 */
#include "base/csv.h"
#include "repr.h"
#include "store/store_action.h"

void repr_json_update(struct jw *j, const struct action_update *u)
{
	jw_obj(j);
	jw_kv_int(j, "id", u->id);
	jw_kv_int(j, "action_id", u->action_id);
	jw_kv_id(j, "author_id", u->author_id);
	jw_kv_id(j, "author_account_id", u->author_account_id);
	jw_kv_str(j, "author", u->author_name);
	jw_kv_str(j, "body", u->body);
	jw_kv_str(j, "status", u->status);
	jw_kv_str(j, "rag", u->rag);
	jw_kv_str(j, "created_at", u->created_at);
	jw_kv_bool(j, "example", u->example);
	jw_end(j);
}

/* The members of an action (the caller opens and closes the object). */
static void action_members(struct jw *j, const struct action *a,
			   const struct action_update *updates,
			   size_t n_updates, bool with_updates)
{
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
	jw_kv_str(j, "archived_at", a->archived_at);
	if (with_updates) {
		jw_key(j, "updates");
		jw_arr(j);
		for (size_t i = 0; i < n_updates; i++)
			repr_json_update(j, &updates[i]);
		jw_end(j);
	}
}

void repr_json_action(struct jw *j, const struct action *a,
		     const struct action_update *updates, size_t n_updates,
		     bool with_updates)
{
	jw_obj(j);
	action_members(j, a, updates, n_updates, with_updates);
	jw_end(j);
}

void repr_json_action_warned(struct jw *j, const struct action *a,
			     const struct action_update *updates,
			     size_t n_updates, const struct err_list *warnings)
{
	jw_obj(j);
	action_members(j, a, updates, n_updates, true);
	repr_json_warnings(j, warnings);
	jw_end(j);
}

void repr_json_warnings(struct jw *j, const struct err_list *warnings)
{
	jw_key(j, "warnings");
	jw_arr(j);
	for (size_t i = 0; warnings && i < warnings->n; i++) {
		jw_obj(j);
		jw_kv_str(j, "field", warnings->v[i].field[0] ? warnings->v[i].field
							      : NULL);
		jw_kv_str(j, "message", warnings->v[i].msg);
		jw_end(j);
	}
	jw_end(j);
}

void repr_csv_actions(struct buf *b, const struct action *a, size_t n)
{
	struct csv c;
	static const char *const header[] = {
		"id", "plan", "theme", "priority_area", "title", "owner",
		"owner_organisation", "due_on", "status", "rag", "overdue",
		"last_update_on", "update_count", "example",
	};

	csv_init(&c, b);
	for (size_t i = 0; i < ARRAY_SIZE(header); i++)
		csv_text(&c, header[i]);
	csv_end_row(&c);
	for (size_t i = 0; i < n; i++) {
		csv_int(&c, a[i].id);
		csv_text(&c, a[i].plan_title);
		csv_text(&c, a[i].theme_name);
		csv_text(&c, a[i].priority_name);
		csv_text(&c, a[i].title);
		csv_text(&c, a[i].owner_name);
		csv_text(&c, a[i].owner_organisation);
		csv_text(&c, a[i].due_on);
		csv_text(&c, a[i].status);
		csv_text(&c, a[i].rag);
		csv_text(&c, a[i].overdue ? "yes" : "no");
		csv_text(&c, a[i].last_update_on);
		csv_int(&c, a[i].n_updates);
		csv_text(&c, a[i].example ? "yes" : "no");
		csv_end_row(&c);
	}
}
