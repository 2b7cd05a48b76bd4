/*
 * repr_fund.c: the JSON and CSV of funding streams and awards.  The
 * awards CSV is the download of /awards.csv and of "safer export awards".
 */
#include "base/csv.h"
#include "repr.h"
#include "store/store_fund.h"

/* The members of an award (the caller opens and closes the object). */
static void award_members(struct jw *j, const struct award *w)
{
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
	jw_kv_str(j, "archived_at", w->archived_at);
}

void repr_json_award(struct jw *j, const struct award *w)
{
	jw_obj(j);
	award_members(j, w);
	jw_end(j);
}

void repr_json_award_warned(struct jw *j, const struct award *w,
			    const struct err_list *warnings)
{
	jw_obj(j);
	award_members(j, w);
	repr_json_warnings(j, warnings);
	jw_end(j);
}

/* The members of a fund (the caller opens and closes the object). */
static void fund_members(struct jw *j, const struct fund *f, bool with_awards)
{
	jw_kv_int(j, "id", f->id);
	jw_kv_str(j, "name", f->name);
	jw_kv_str(j, "year", f->year);
	jw_kv_str(j, "grantor", f->grantor);
	jw_kv_int(j, "allocation_pence", f->allocation_pence);
	jw_kv_int(j, "awarded_pence", f->awarded_pence);
	jw_kv_int(j, "remaining_pence", f->remaining_pence);
	jw_kv_bool(j, "awarded_example", f->awarded_example);
	jw_kv_int(j, "award_count", f->n_awards);
	jw_kv_int(j, "awards_without_amount", f->n_unpriced);
	jw_kv_str(j, "note", f->note);
	jw_kv_bool(j, "example", f->example);
	jw_kv_str(j, "archived_at", f->archived_at);
	if (with_awards) {
		jw_key(j, "awards");
		jw_arr(j);
		for (size_t i = 0; i < f->n_award_list; i++)
			repr_json_award(j, &f->awards[i]);
		jw_end(j);
	}
}

void repr_json_fund(struct jw *j, const struct fund *f, bool with_awards)
{
	jw_obj(j);
	fund_members(j, f, with_awards);
	jw_end(j);
}

void repr_json_fund_warned(struct jw *j, const struct fund *f,
			   const struct err_list *warnings)
{
	jw_obj(j);
	fund_members(j, f, true);
	repr_json_warnings(j, warnings);
	jw_end(j);
}

void repr_json_funds(struct jw *j, const char *year, const struct fund *f,
		     size_t n)
{
	int64_t alloc = 0, awarded = 0;
	bool example = false;

	jw_obj(j);
	jw_kv_str(j, "year", year);
	jw_key(j, "funds");
	jw_arr(j);
	for (size_t i = 0; i < n; i++) {
		repr_json_fund(j, &f[i], true);
		alloc += f[i].allocation_pence;
		awarded += f[i].awarded_pence;
		example |= f[i].example || f[i].awarded_example;
	}
	jw_end(j);
	jw_key(j, "totals");
	jw_obj(j);
	jw_kv_int(j, "allocation_pence", alloc);
	jw_kv_int(j, "awarded_pence", awarded);
	jw_kv_int(j, "remaining_pence", alloc - awarded);
	jw_kv_bool(j, "example", example);
	jw_end(j);
	jw_end(j);
}

void repr_csv_funds(struct buf *b, const struct fund *f, size_t n)
{
	struct csv c;
	static const char *const header[] = {
		"id", "year", "name", "grantor", "allocation_gbp", "awarded_gbp",
		"remaining_gbp", "example",
	};

	csv_init(&c, b);
	for (size_t i = 0; i < ARRAY_SIZE(header); i++)
		csv_text(&c, header[i]);
	csv_end_row(&c);
	for (size_t i = 0; i < n; i++) {
		csv_int(&c, f[i].id);
		csv_text(&c, f[i].year);
		csv_text(&c, f[i].name);
		csv_text(&c, f[i].grantor);
		csv_pounds(&c, f[i].allocation_pence);
		csv_pounds(&c, f[i].awarded_pence);
		csv_pounds(&c, f[i].remaining_pence);
		csv_text(&c, f[i].example || f[i].awarded_example ? "yes" : "no");
		csv_end_row(&c);
	}
}

void repr_csv_awards(struct buf *b, const struct award *w, size_t n)
{
	struct csv c;
	static const char *const header[] = {
		"id", "fund", "year", "recipient", "purpose", "amount_gbp",
		"status", "priority_area", "note", "example",
	};

	csv_init(&c, b);
	for (size_t i = 0; i < ARRAY_SIZE(header); i++)
		csv_text(&c, header[i]);
	csv_end_row(&c);
	for (size_t i = 0; i < n; i++) {
		csv_int(&c, w[i].id);
		csv_text(&c, w[i].fund_name);
		csv_text(&c, w[i].fund_year);
		csv_text(&c, w[i].recipient);
		csv_text(&c, w[i].purpose);
		if (w[i].has_amount)
			csv_pounds(&c, w[i].amount_pence);
		else
			csv_empty(&c);
		csv_text(&c, w[i].status);
		csv_text(&c, w[i].priority_name);
		csv_text(&c, w[i].note);
		csv_text(&c, w[i].example ? "yes" : "no");
		csv_end_row(&c);
	}
}
