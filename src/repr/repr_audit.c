/*
 * repr_audit.c: the JSON and CSV of the record of changes (GET
 * /api/v1/audit, /changes.csv, "safer audit list").
 */
#include <jansson.h>

#include "base/csv.h"
#include "repr.h"
#include "store/store_audit.h"

const char *repr_audit_value_text(struct arena *a, const char *json)
{
	json_t *v;
	const char *out;

	if (!json || strcmp(json, "null") == 0)
		return NULL;
	v = json_loads(json, JSON_DECODE_ANY, NULL);
	if (json_is_string(v)) {
		out = arena_strdup(a, json_string_value(v));
	} else if (json_is_array(v)) {
		/* A list of links or names: "3, 5" or "Bolton, Bury". */
		struct buf b = BUF_INIT;
		size_t i;
		json_t *x;

		json_array_foreach(v, i, x) {
			if (i)
				buf_adds(&b, ", ");
			if (json_is_string(x))
				buf_adds(&b, json_string_value(x));
			else if (json_is_integer(x))
				buf_printf(&b, "%lld", (long long)json_integer_value(x));
			else
				buf_adds(&b, "?");
		}
		out = json_array_size(v) ? arena_strdup(a, b.ptr) : NULL;
		buf_release(&b);
	} else {
		out = arena_strdup(a, json);
	}
	json_decref(v);
	return out;
}

void repr_json_audit(struct jw *j, const struct audit_entry *en, size_t n)
{
	jw_obj(j);
	jw_key(j, "entries");
	jw_arr(j);
	for (size_t i = 0; i < n; i++) {
		jw_obj(j);
		jw_kv_int(j, "id", en[i].id);
		jw_kv_str(j, "at", en[i].at);
		jw_kv_str(j, "user", en[i].by_user);
		jw_kv_id(j, "account_id", en[i].by_account);
		jw_kv_str(j, "via", en[i].via);
		jw_key(j, "object");
		jw_obj(j);
		jw_kv_str(j, "type", en[i].object_type);
		jw_kv_int(j, "id", en[i].object_id);
		jw_end(j);
		jw_kv_str(j, "op", en[i].op);
		jw_key(j, "changes");
		jw_arr(j);
		for (size_t k = 0; k < en[i].n_list; k++) {
			jw_obj(j);
			jw_kv_str(j, "field", en[i].list[k].field);
			jw_key(j, "old");
			jw_raw(j, en[i].list[k].old_json);
			jw_key(j, "new");
			jw_raw(j, en[i].list[k].new_json);
			jw_end(j);
		}
		jw_end(j);
		jw_end(j);
	}
	jw_end(j);
	jw_end(j);
}

void repr_csv_audit(struct buf *b, struct arena *a,
		    const struct audit_entry *en, size_t n)
{
	struct csv c;
	static const char *const header[] = {
		"id", "at", "user", "via", "object_type", "object_id", "op",
		"field", "old", "new",
	};

	csv_init(&c, b);
	for (size_t i = 0; i < ARRAY_SIZE(header); i++)
		csv_text(&c, header[i]);
	csv_end_row(&c);
	for (size_t i = 0; i < n; i++) {
		/* One row a field; an entry with no fields still has its row. */
		for (size_t k = 0; k < (en[i].n_list ? en[i].n_list : 1); k++) {
			const struct audit_change *ch =
				en[i].n_list ? &en[i].list[k] : NULL;

			csv_int(&c, en[i].id);
			csv_text(&c, en[i].at);
			csv_text(&c, en[i].by_user);
			csv_text(&c, en[i].via);
			csv_text(&c, en[i].object_type);
			csv_int(&c, en[i].object_id);
			csv_text(&c, en[i].op);
			csv_text(&c, ch ? ch->field : NULL);
			csv_text(&c, ch ? repr_audit_value_text(a, ch->old_json) : NULL);
			csv_text(&c, ch ? repr_audit_value_text(a, ch->new_json) : NULL);
			csv_end_row(&c);
		}
	}
}
