/*
 * test_csv.c: unit tests of src/base/csv.c, the CSV writer.
 *
 * Quoting after RFC 4180 (commas, quotes doubled, line breaks), CRLF row
 * ends, the guard against formulas (OWASP's CSV injection advice), and
 * money and numbers written as plain numbers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "base/csv.h"

/* One cell of text, as a whole row without its CRLF. */
static void check_cell(const char *s, const char *want)
{
	struct buf b = BUF_INIT;
	char got[1024];
	struct csv c;

	csv_init(&c, &b);
	csv_text(&c, s);
	/* Compared after release, so that a failure leaks nothing. */
	snprintf(got, sizeof(got), "%s", b.ptr);
	buf_release(&b);
	if (strcmp(got, want) != 0)
		fail_msg("csv_text('%s') gave '%s', want '%s'", s ? s : "(null)",
			 got, want);
}

static void check_pounds(int64_t pence, const char *want)
{
	struct buf b = BUF_INIT;
	char got[1024];
	struct csv c;

	csv_init(&c, &b);
	csv_pounds(&c, pence);
	/* Compared after release, so that a failure leaks nothing. */
	snprintf(got, sizeof(got), "%s", b.ptr);
	buf_release(&b);
	if (strcmp(got, want) != 0)
		fail_msg("csv_pounds(%lld) gave '%s', want '%s'", (long long)pence,
			 got, want);
}

static void test_plain(void **state)
{
	UNUSED(state);
	check_cell("plain", "plain");
	check_cell("two words", "two words");
	check_cell("caf\xC3\xA9 \xC2\xA3" "5", "caf\xC3\xA9 \xC2\xA3" "5");
	check_cell("a=b", "a=b");
	check_cell("5-3", "5-3");
	check_cell("x@y.z", "x@y.z");
	check_cell("it's", "it's");
	check_cell(" leading space", " leading space");
	check_cell("", "");
	check_cell(NULL, "");
}

static void test_quoting(void **state)
{
	UNUSED(state);
	check_cell("a,b", "\"a,b\"");
	check_cell("say \"hi\"", "\"say \"\"hi\"\"\"");
	check_cell("\"", "\"\"\"\"");
	check_cell("line1\nline2", "\"line1\nline2\"");
	check_cell("line1\r\nline2", "\"line1\r\nline2\"");
	check_cell("a\rb", "\"a\rb\"");
	check_cell(",", "\",\"");
	check_cell("Reducing criminal activity, and ASB",
		   "\"Reducing criminal activity, and ASB\"");
}

static void test_formula_guard(void **state)
{
	UNUSED(state);
	check_cell("=SUM(A1:A9)", "\"'=SUM(A1:A9)\"");
	check_cell("+1", "\"'+1\"");
	check_cell("-1", "\"'-1\"");
	check_cell("@cmd", "\"'@cmd\"");
	check_cell("\tx", "\"'\tx\"");
	check_cell("\rx", "\"'\rx\"");
	check_cell("=", "\"'=\"");
	check_cell("=HYPERLINK(\"http://x\",\"y\")",
		   "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	check_cell("-2+3,4", "\"'-2+3,4\"");
}

static void test_rows(void **state)
{
	struct buf b = BUF_INIT;
	struct csv c;

	UNUSED(state);
	csv_init(&c, &b);
	csv_text(&c, "id");
	csv_text(&c, "title");
	csv_text(&c, "amount");
	csv_text(&c, "rate");
	csv_text(&c, "note");
	csv_end_row(&c);
	csv_int(&c, 1);
	csv_text(&c, "Target hardening, streets");
	csv_pounds(&c, 125050);
	csv_num(&c, 0.5);
	csv_empty(&c);
	csv_end_row(&c);
	csv_int(&c, -2);
	csv_text(&c, NULL);
	csv_pounds(&c, 0);
	csv_num(&c, 46.7);
	csv_text(&c, "=1+1");
	csv_end_row(&c);
	/* An empty row. */
	csv_end_row(&c);
	csv_empty(&c);
	csv_empty(&c);
	csv_end_row(&c);
	assert_string_equal(b.ptr,
			    "id,title,amount,rate,note\r\n"
			    "1,\"Target hardening, streets\",1250.50,0.5,\r\n"
			    "-2,,0.00,46.7,\"'=1+1\"\r\n"
			    "\r\n"
			    ",\r\n");
	buf_release(&b);
}

static void test_numbers(void **state)
{
	struct buf b = BUF_INIT;
	struct csv c;

	UNUSED(state);
	csv_init(&c, &b);
	csv_int(&c, INT64_MIN);
	csv_int(&c, INT64_MAX);
	csv_int(&c, 0);
	csv_num(&c, 0.1);
	csv_num(&c, -0.25);
	csv_num(&c, 1e-7);
	assert_string_equal(b.ptr, "-9223372036854775808,9223372036854775807,0,"
				   "0.1,-0.25,1e-07");
	buf_release(&b);

	check_pounds(0, "0.00");
	check_pounds(5, "0.05");
	check_pounds(10, "0.10");
	check_pounds(99, "0.99");
	check_pounds(100, "1.00");
	check_pounds(125050, "1250.50");
	check_pounds(21897300, "218973.00");
	check_pounds(100000000000, "1000000000.00");
	check_pounds(-5, "-0.05");
	check_pounds(-125050, "-1250.50");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_formula_guard),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_numbers),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
