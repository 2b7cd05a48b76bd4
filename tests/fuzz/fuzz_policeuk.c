/*
 * fuzz_policeuk.c: libFuzzer target for pu_parse(), the reader of
 * police.uk CSV files (src/crime/policeuk.c, on src/base/csvread.c), and
 * the small parsers beside it (months, force names from file names).
 *
 * Input: bit 0 of the first byte is skip_bad_rows; the rest is the file,
 * in a buffer of exactly its size.  Checked, for the rows the parser kept
 * (all of them on success, those before the error on failure): every
 * dictionary id is one of the column's dictionary entries; every entry is
 * valid UTF-8 of the length recorded; required text is not blank; months
 * are real months; coordinates within range; line numbers increase; the
 * skipped rows are counted only with skip_bad_rows.
 */
#include <stdint.h>

#include "base/text.h"
#include "crime/policeuk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_file(const struct pu_file *f, bool skip)
{
	const struct pu_schema *s = f->schema;
	uint32_t last_line = 0;

	if (!s)
		return;
	if (!skip && f->n_skipped)
		abort();
	for (size_t r = 0; r < f->n_rows; r++) {
		if (f->line[r] <= last_line || f->line[r] < 2)
			abort();
		last_line = f->line[r];
		if (s->kind != PU_STOP_SEARCH && f->month[r] < 0)
			abort();
	}
	for (size_t c = 0; c < s->n_columns; c++) {
		const struct pu_column *col = &s->columns[c];
		const struct pu_values *v = &f->cols[c];

		switch (col->type) {
		case PU_DICT:
			for (uint32_t i = 0; i < v->dict.n; i++)
				if (!utf8_valid(v->dict.values[i], v->dict.lengths[i]) ||
				    strlen(v->dict.values[i]) != v->dict.lengths[i])
					abort();
			for (size_t r = 0; r < f->n_rows; r++) {
				if (v->ids[r] >= v->dict.n) {
					fprintf(stderr, "row %zu, column '%s': id %u of a "
						"dictionary of %u\n", r, col->header,
						v->ids[r], v->dict.n);
					abort();
				}
				if (col->required && v->dict.lengths[v->ids[r]] == 0)
					abort();
			}
			break;
		case PU_MONTH:
			for (size_t r = 0; r < f->n_rows; r++) {
				char m[8];

				pu_month_format((int)v->ids[r], m);
				if (pu_month_parse(m, 7) != (int)v->ids[r])
					abort();
			}
			break;
		case PU_COORD:
			for (size_t r = 0; r < f->n_rows; r++)
				if (v->coords[r] != PU_BLANK_COORD &&
				    (v->coords[r] < -180000000 || v->coords[r] > 180000000))
					abort();
			break;
		case PU_CRIME_ID:
		case PU_DATETIME:
		case PU_FLAG:
			for (size_t r = 0; r < f->n_rows && col->type == PU_FLAG; r++)
				if (v->flags[r] < -1 || v->flags[r] > 1)
					abort();
			break;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pu_file f;
	struct err e = ERR_INIT;
	bool skip;
	char *text, *name;
	int rc, m;

	if (size < 1)
		return 0;
	skip = data[0] & 1;
	data++;
	size--;
	text = xmalloc(size ? size : 1);
	if (!text)
		abort();
	memcpy(text, data, size);

	memset(&f, 0, sizeof(f));
	rc = pu_parse(&f, "2020-05-greater-manchester-street.csv", text, size, skip,
		      &e);
	if (rc != 0 && (rc != -1 || e.code == ERR_OK || !e.msg[0]))
		abort();
	if (rc == 0 && !f.schema)
		abort();
	check_file(&f, skip);
	pu_file_release(&f);

	/* The input as a month and as a file name. */
	m = pu_month_parse(text, size);
	if (m >= 0) {
		char out[8];

		pu_month_format(m, out);
		if (memcmp(out, text, 7) != 0)
			abort();
	}
	name = xmalloc(size + 1);
	if (!name)
		abort();
	memcpy(name, data, size);
	name[size] = '\0';
	{
		const char *force = pu_force_from_filename(name);

		if (force && !strstr(force, "Police") && !strstr(force, "Constabulary"))
			abort();
	}
	free(name);
	free(text);
	return 0;
}
