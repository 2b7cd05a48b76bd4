/*
 * fuzz_import.c: libFuzzer target for the CSV importers of outside data
 * other than police.uk (fuzz_policeuk): the geography lookup
 * (ingest_geography_buffer), indicator definitions and values
 * (ingest_indicators_buffer), and the period labels they carry
 * (period_parse).
 *
 * Input: the first byte picks the parser (0: geography, 1: indicators,
 * 2: a period label); the rest is the file or the label.
 *
 * Checked, for the importers: a refused file leaves every table of the
 * store exactly as it was (all or nothing), and its message names the file
 * ("fuzz.csv"); an accepted one reports no more rows than the file has
 * lines.  For periods: an accepted label covers real dates, the first no
 * later than the last, and says how many days.
 *
 * The store is an empty one in memory; each input runs inside a
 * transaction that is rolled back afterwards, so every input starts from
 * the same data.
 */
#include <stdint.h>

#include "base/buf.h"
#include "base/text.h"
#include "indicators/period.h"
#include "ingest/ingest.h"
#include "store/db.h"
#include "store/store.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAME "fuzz.csv"

static struct store *store;
static char **tables; /* SELECTs that read every row of every table */
static size_t n_tables;

/* One query per table, reading every column as text. */
static void prepare_fingerprint(void)
{
	struct err e = ERR_INIT;
	struct db_stmt *st = db_prepare(
		store->db,
		"SELECT m.name, group_concat('quote(\"' || p.name || '\")', "
		"  \"||','||\")"
		" FROM sqlite_master m, pragma_table_info(m.name) p"
		" WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%'"
		" GROUP BY m.name ORDER BY m.name",
		&e);

	if (!st)
		abort();
	while (db_step(st, &e) == DB_ROW) {
		struct buf q = BUF_INIT;

		buf_printf(&q, "SELECT %s FROM \"%s\" ORDER BY 1", db_col_text(st, 1),
			   db_col_text(st, 0));
		tables = xrealloc(tables, (n_tables + 1) * sizeof(*tables));
		if (!tables)
			abort();
		tables[n_tables++] = buf_detach(&q, NULL);
	}
	db_done(st);
	if (!n_tables)
		abort();
}

/* Every row of every table, as text. */
static void fingerprint(struct buf *b)
{
	struct err e = ERR_INIT;

	buf_reset(b);
	for (size_t i = 0; i < n_tables; i++) {
		struct db_stmt *st = db_prepare(store->db, tables[i], &e);

		if (!st)
			abort();
		buf_printf(b, "%s\n", tables[i]);
		while (db_step(st, &e) == DB_ROW)
			buf_printf(b, "%s\n", db_col_text(st, 0));
		db_done(st);
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct err e = ERR_INIT;

	UNUSED(argc);
	UNUSED(argv);
	store = store_open(":memory:", true, &e);
	if (!store) {
		fprintf(stderr, "fuzz_import: cannot open the store: %s\n", e.msg);
		abort();
	}
	prepare_fingerprint();
	return 0;
}

static void check_period(const char *s)
{
	struct err e = ERR_INIT;
	struct period p;

	if (period_parse(s, &p, "period", &e) < 0) {
		if (!e.msg[0])
			abort();
		return;
	}
	if (text_date(p.start, NULL, NULL) < 0 || text_date(p.end, NULL, NULL) < 0 ||
	    strcmp(p.start, p.end) > 0 || period_days(&p) < 1 ||
	    period_days(&p) > 366)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf before = BUF_INIT, after = BUF_INIT, text = BUF_INIT;
	struct err e = ERR_INIT;
	size_t lines = 1;
	int64_t rows;
	unsigned kind;
	int rc;

	if (size < 1)
		return 0;
	kind = data[0] % 3u;
	buf_add(&text, data + 1, size - 1);
	buf_addc(&text, '\0'); /* a NUL-terminated copy of exactly the input */
	text.len--;
	if (kind == 2) {
		if (!memchr(text.ptr, '\0', text.len))
			check_period(text.ptr);
		buf_release(&text);
		return 0;
	}
	for (size_t i = 0; i < text.len; i++)
		lines += text.ptr[i] == '\n';

	if (store_begin(store, &e) < 0)
		abort();
	fingerprint(&before);
	if (kind == 0) {
		struct geography_report r;

		rc = ingest_geography_buffer(store, NAME, text.ptr, text.len, &r, &e);
		rows = r.rows;
	} else {
		struct indicator_report r;

		rc = ingest_indicators_buffer(store, NAME, text.ptr, text.len, false,
					      &r, &e);
		rows = r.rows;
	}
	if (rc < 0) {
		if (!strstr(e.msg, NAME)) {
			fprintf(stderr, "message without the file name: %s\n", e.msg);
			abort();
		}
		fingerprint(&after);
		if (before.len != after.len || memcmp(before.ptr, after.ptr, before.len)) {
			fprintf(stderr, "a refused file changed the store: %s\n", e.msg);
			abort();
		}
	} else if (rows < 0 || (size_t)rows > lines) {
		abort();
	}
	store_rollback(store);
	buf_release(&before);
	buf_release(&after);
	buf_release(&text);
	return 0;
}
