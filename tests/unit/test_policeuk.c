/*
 * test_policeuk.c: unit tests of src/crime/policeuk.c, the reader of
 * police.uk CSV files, on small files written here.
 *
 * A street-level file with quoting, CRLF and a byte order mark; the
 * three kinds told apart by their headers; bad rows failing the file or
 * skipped; and two inputs the fuzzer found (tests/fuzz/regression/
 * fuzz_policeuk/): the same invalid text twice in a column, and a header
 * whose quoted last field runs onto the next line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/text.h"
#include "crime/policeuk.h"

#define NAME "2020-05-greater-manchester-street.csv"
#define HEADER                                                              \
	"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location," \
	"LSOA code,LSOA name,Crime type,Last outcome category,Context"
#define ID64 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF"

/* The text of row r of dictionary column c. */
static const char *text_at(const struct pu_file *f, size_t c, size_t r)
{
	const struct pu_values *v = &f->cols[c];

	assert_true(r < f->n_rows);
	if (v->ids[r] >= v->dict.n)
		fail_msg("row %zu of column %zu has id %u of a dictionary of %u", r,
			 c, v->ids[r], v->dict.n);
	return v->dict.values[v->ids[r]];
}

static int parse(struct pu_file *f, const char *data, bool skip,
		 struct err *e)
{
	memset(f, 0, sizeof(*f));
	return pu_parse(f, NAME, data, strlen(data), skip, e);
}

static void test_street(void **state)
{
	struct pu_file f;
	struct err e = ERR_INIT;
	const char *data =
		"\xEF\xBB\xBF" HEADER "\r\n"
		ID64 ",2020-05,Greater Manchester Police,Greater Manchester Police,"
		"-2.157440,53.410520,On or near Wellington Road,E01005848,"
		"Stockport 001A,Burglary,Under investigation,\r\n"
		",2020-05,Greater Manchester Police,Greater Manchester Police,,,"
		"No location,,,Anti-social behaviour,,\r\n"
		"\r\n"
		",2020-05,Greater Manchester Police,Greater Manchester Police,"
		"-2.1,53.4,\"On or near \"\"The\"\", Street\",E01005848,Stockport 001A,"
		"Burglary,,\"two\nlines\"\r\n";

	UNUSED(state);
	assert_int_equal(parse(&f, data, false, &e), 0);
	assert_non_null(f.schema);
	assert_int_equal(f.schema->kind, PU_STREET);
	assert_int_equal(f.n_rows, 3);
	assert_int_equal(f.n_skipped, 0);
	assert_int_equal(f.line[0], 2);
	assert_int_equal(f.line[1], 3);
	assert_int_equal(f.line[2], 5);
	assert_int_equal(f.month[0], 2020 * 12 + 4);
	/* Crime id as bytes; blank as zeros. */
	assert_int_equal(f.cols[0].hex[0], 0x01);
	assert_int_equal(f.cols[0].hex[31], 0xEF);
	assert_int_equal(f.cols[0].hex[32], 0);
	/* Coordinates in microdegrees; blank. */
	assert_int_equal(f.cols[4].coords[0], -2157440);
	assert_int_equal(f.cols[5].coords[0], 53410520);
	assert_int_equal(f.cols[4].coords[1], PU_BLANK_COORD);
	assert_int_equal(f.cols[4].coords[2], -2100000);
	/* Text, repeated values sharing an id; quotes undone. */
	assert_string_equal(text_at(&f, 9, 0), "Burglary");
	assert_string_equal(text_at(&f, 9, 1), "Anti-social behaviour");
	assert_int_equal(f.cols[9].ids[0], f.cols[9].ids[2]);
	assert_string_equal(text_at(&f, 6, 2), "On or near \"The\", Street");
	assert_string_equal(text_at(&f, 11, 2), "two\nlines");
	assert_string_equal(text_at(&f, 10, 1), "");
	assert_string_equal(text_at(&f, 3, 1), "Greater Manchester Police");
	pu_file_release(&f);
}

static void test_kinds(void **state)
{
	struct err e = ERR_INIT;

	UNUSED(state);
	assert_ptr_equal(pu_detect(HEADER, strlen(HEADER), NAME, &e),
			 &pu_schemas[PU_STREET]);
	{
		const char *h = "Crime ID,Month,Reported by,Falls within,Longitude,"
				"Latitude,Location,LSOA code,LSOA name,Outcome type";

		assert_ptr_equal(pu_detect(h, strlen(h), NAME, &e),
				 &pu_schemas[PU_OUTCOMES]);
	}
	assert_null(pu_detect("a,b,c", 5, NAME, &e));
	assert_int_equal(e.code, ERR_INVALID);
	assert_non_null(strstr(e.msg, "not a police.uk file"));
	err_clear(&e);
	assert_null(pu_detect("Crime ID,Month,Crime type", 25, NAME, &e));
	assert_non_null(strstr(e.msg, "'Falls within'"));

	assert_int_equal(pu_month_parse("2020-05", 7), 2020 * 12 + 4);
	assert_int_equal(pu_month_parse("2020-13", 7), -1);
	assert_int_equal(pu_month_parse("2020-5", 6), -1);
	assert_string_equal(pu_force_from_filename(
				    "data/2018-01-greater-manchester-stop-and-search.csv"),
			    "Greater Manchester Police");
	assert_string_equal(pu_force_from_filename("2018-01-west-yorkshire-street.csv"),
			    "West Yorkshire Police");
	assert_null(pu_force_from_filename("2018-01-atlantis-street.csv"));
	assert_null(pu_force_from_filename("street.csv"));
}

static void test_bad_rows(void **state)
{
	struct pu_file f;
	struct err e = ERR_INIT;
	const char *data =
		HEADER "\n"
		",2020-05,GMP,GMP,,,,,,Theft,,\n"
		",2020-13,GMP,GMP,,,,,,Theft,,\n"
		",2020-05,GMP,GMP,999,,,,,Theft,,\n"
		",2020-05,GMP,,,,,,,Theft,,\n"
		",2020-05,GMP,GMP,,,,,,Theft,\n"
		"xyz,2020-05,GMP,GMP,,,,,,Theft,,\n"
		",2020-05,GMP,GMP,,,,,,Burglary,,\n";

	UNUSED(state);
	assert_int_equal(parse(&f, data, false, &e), -1);
	assert_int_equal(e.code, ERR_INVALID);
	assert_string_equal(e.field, "Month");
	assert_string_equal(e.msg, NAME ":3: field 'Month': '2020-13' is not a "
				   "month written YYYY-MM");
	pu_file_release(&f);

	assert_int_equal(parse(&f, data, true, &e), 0);
	assert_int_equal(f.n_rows, 2);
	assert_int_equal(f.n_skipped, 5);
	assert_string_equal(f.skipped[2], NAME ":5: field 'Falls within': must "
					  "not be blank");
	assert_string_equal(f.skipped[3], NAME ":6: expected 12 fields, found 11");
	assert_int_equal(f.line[1], 8);
	assert_string_equal(text_at(&f, 9, 1), "Burglary");
	pu_file_release(&f);
}

/* A row whose text is not UTF-8 is skipped; the same text again in a
 * later row must be refused the same way, not kept with an id past the
 * end of the column's dictionary. */
static void test_same_invalid_text_twice(void **state)
{
	struct pu_file f;
	struct err e = ERR_INIT;
	const char *data = HEADER "\n"
			   ",2020-05,GMP,GMP,,,On or near \xFF,,,Theft,,\n"
			   ",2020-05,GMP,GMP,,,On or near \xFF,,,Theft,,\n"
			   ",2020-05,GMP,GMP,,,On or near Park,,,Theft,,\n";

	size_t skipped, rows;
	uint32_t id, dict_n;
	bool valid = true;
	char first[64] = "";

	UNUSED(state);
	assert_int_equal(parse(&f, data, true, &e), 0);
	skipped = f.n_skipped;
	rows = f.n_rows;
	id = f.n_rows ? f.cols[6].ids[0] : 0;
	dict_n = f.cols[6].dict.n;
	if (id < dict_n)
		snprintf(first, sizeof(first), "%s", f.cols[6].dict.values[id]);
	for (uint32_t i = 0; i < f.cols[6].dict.n; i++)
		valid &= utf8_valid(f.cols[6].dict.values[i],
				    f.cols[6].dict.lengths[i]);
	pu_file_release(&f); /* before the checks: a failure leaks nothing */
	assert_int_equal(skipped, 2);
	assert_int_equal(rows, 1);
	assert_true(id < dict_n);
	assert_string_equal(first, "On or near Park");
	assert_true(valid);
}

/* A header whose last field is quoted across a line break: the header
 * record then lacks 'Context'; the file must be refused, not read with
 * an unset column position. */
static void test_header_quote_spans_lines(void **state)
{
	struct pu_file f;
	struct err e = ERR_INIT;
	const char *data =
		"Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
		"Location,LSOA code,LSOA name,Crime type,Last outcome category,"
		"\"Context\nx\",Extra\n"
		",2020-05,GMP,GMP,,,,,,Theft,,ctx,extra\n";

	int rc;

	UNUSED(state);
	rc = parse(&f, data, false, &e);
	pu_file_release(&f);
	assert_int_equal(rc, -1);
	assert_int_equal(e.code, ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_street),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_bad_rows),
		cmocka_unit_test(test_same_invalid_text_twice),
		cmocka_unit_test(test_header_quote_spans_lines),
	};

	return cmocka_run_group_tests_name("policeuk", tests, NULL, NULL);
}
