/*
 * repr_import.c: the JSON and CSV of the history of imports ("safer
 * import history").
 */
#include "base/csv.h"
#include "repr.h"
#include "store/store_import.h"

static void json_file(struct jw *j, const struct import_file *f)
{
	jw_obj(j);
	jw_kv_str(j, "name", f->name);
	jw_kv_int(j, "bytes", f->bytes);
	jw_kv_str(j, "sha256", f->sha256);
	if (f->rows >= 0)
		jw_kv_int(j, "rows", f->rows);
	else
		jw_kv_null(j, "rows");
	jw_end(j);
}

void repr_json_imports(struct jw *j, const struct import_record *r, size_t n)
{
	jw_obj(j);
	jw_key(j, "imports");
	jw_arr(j);
	for (size_t i = 0; i < n; i++) {
		jw_obj(j);
		jw_kv_int(j, "id", r[i].id);
		jw_kv_str(j, "source", r[i].source);
		jw_kv_str(j, "state", r[i].state);
		jw_kv_str(j, "started_at", r[i].started_at);
		jw_kv_str(j, "finished_at", r[i].finished_at);
		jw_kv_str(j, "by", r[i].by_user);
		jw_kv_id(j, "by_account", r[i].by_account);
		jw_kv_int(j, "rows_read", r[i].counts.rows_read);
		jw_kv_int(j, "rows_added", r[i].counts.rows_added);
		jw_kv_int(j, "rows_replaced", r[i].counts.rows_replaced);
		jw_kv_int(j, "rows_unchanged", r[i].counts.rows_unchanged);
		jw_kv_int(j, "rows_skipped", r[i].counts.rows_skipped);
		jw_kv_str(j, "note", r[i].note);
		jw_kv_str(j, "undone_at", r[i].undone_at);
		jw_kv_str(j, "undone_by", r[i].undone_by);
		jw_key(j, "files");
		jw_arr(j);
		for (size_t k = 0; k < r[i].n_files; k++)
			json_file(j, &r[i].files[k]);
		jw_end(j);
		jw_end(j);
	}
	jw_end(j);
	jw_end(j);
}

void repr_csv_imports(struct buf *b, const struct import_record *r, size_t n)
{
	struct csv c;
	static const char *const header[] = {
		"id", "source", "state", "started_at", "finished_at", "by",
		"files", "rows_read", "rows_added", "rows_replaced",
		"rows_unchanged", "rows_skipped", "undone_at", "undone_by",
	};

	csv_init(&c, b);
	for (size_t i = 0; i < ARRAY_SIZE(header); i++)
		csv_text(&c, header[i]);
	csv_end_row(&c);
	for (size_t i = 0; i < n; i++) {
		csv_int(&c, r[i].id);
		csv_text(&c, r[i].source);
		csv_text(&c, r[i].state);
		csv_text(&c, r[i].started_at);
		csv_text(&c, r[i].finished_at);
		csv_text(&c, r[i].by_user);
		csv_int(&c, (int64_t)r[i].n_files);
		csv_int(&c, r[i].counts.rows_read);
		csv_int(&c, r[i].counts.rows_added);
		csv_int(&c, r[i].counts.rows_replaced);
		csv_int(&c, r[i].counts.rows_unchanged);
		csv_int(&c, r[i].counts.rows_skipped);
		csv_text(&c, r[i].undone_at);
		csv_text(&c, r[i].undone_by);
		csv_end_row(&c);
	}
}
