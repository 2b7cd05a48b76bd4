/*
 * export.c: the CSV downloads of actions and awards, for spreadsheets.
 * The same files come from the pages (/actions.csv, /awards.csv) and
 * from "safer export".
 */
#include "base/csv.h"
#include "api.h"

void export_actions_csv(struct buf *b, const struct action *a, size_t n)
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

void export_awards_csv(struct buf *b, const struct award *w, size_t n)
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
