/*
 * test_text.c: unit tests of src/base/text.c.
 *
 * UTF-8 decoding is checked exhaustively for one, two and three bytes and
 * for every code point against an independent encoder; dates against the
 * C library's calendar for every day from 1900 to 2199; the parsers of
 * numbers, money and years with the inputs people actually type and the
 * ones they should not, including the exact message and field.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <time.h>

#include "base/text.h"

/* ------------------------------------------------------------------ */
/* UTF-8                                                               */
/* ------------------------------------------------------------------ */

/* Encode cp as UTF-8 into s; returns its length. */
static size_t encode(uint32_t cp, unsigned char *s)
{
	if (cp < 0x80) {
		s[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		s[0] = (unsigned char)(0xC0 | (cp >> 6));
		s[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		s[0] = (unsigned char)(0xE0 | (cp >> 12));
		s[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	s[0] = (unsigned char)(0xF0 | (cp >> 18));
	s[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	s[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	s[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

static void decodes(const char *s, size_t n, int len, uint32_t cp)
{
	uint32_t got = 0xDEADBEEF;
	int k = utf8_decode(s, n, &got);

	if (k != len)
		fail_msg("utf8_decode of %zu bytes starting %02x gave %d, want %d",
			 n, (unsigned char)s[0], k, len);
	if (len > 0)
		assert_int_equal(got, cp);
}

static void test_utf8_decode_cases(void **state)
{
	UNUSED(state);
	decodes("A", 1, 1, 'A');
	decodes("\0", 1, 1, 0);
	decodes("\x7F", 1, 1, 0x7F);
	decodes("\xC2\x80", 2, 2, 0x80);
	decodes("\xC2\xA3", 2, 2, 0xA3);
	decodes("\xDF\xBF", 2, 2, 0x7FF);
	decodes("\xE0\xA0\x80", 3, 3, 0x800);
	decodes("\xE2\x82\xAC", 3, 3, 0x20AC);
	decodes("\xED\x9F\xBF", 3, 3, 0xD7FF);
	decodes("\xEE\x80\x80", 3, 3, 0xE000);
	decodes("\xEF\xBF\xBF", 3, 3, 0xFFFF);
	decodes("\xF0\x90\x80\x80", 4, 4, 0x10000);
	decodes("\xF0\x9F\x98\x80", 4, 4, 0x1F600);
	decodes("\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF);
	/* Only the first sequence is decoded. */
	decodes("\xC3\xA9xyz", 5, 2, 0xE9);
	/* Overlong forms. */
	decodes("\xC0\x80", 2, -1, 0);
	decodes("\xC0\xAF", 2, -1, 0);
	decodes("\xC1\xBF", 2, -1, 0);
	decodes("\xE0\x80\x80", 3, -1, 0);
	decodes("\xE0\x9F\xBF", 3, -1, 0);
	decodes("\xF0\x80\x80\x80", 4, -1, 0);
	decodes("\xF0\x8F\xBF\xBF", 4, -1, 0);
	/* Surrogates. */
	decodes("\xED\xA0\x80", 3, -1, 0);
	decodes("\xED\xAF\xBF", 3, -1, 0);
	decodes("\xED\xB0\x80", 3, -1, 0);
	decodes("\xED\xBF\xBF", 3, -1, 0);
	/* Past U+10FFFF. */
	decodes("\xF4\x90\x80\x80", 4, -1, 0);
	decodes("\xF5\x80\x80\x80", 4, -1, 0);
	decodes("\xF7\xBF\xBF\xBF", 4, -1, 0);
	decodes("\xF8\x88\x80\x80\x80", 5, -1, 0);
	decodes("\xFE", 1, -1, 0);
	decodes("\xFF", 1, -1, 0);
	/* Truncated. */
	decodes("", 0, -1, 0);
	decodes("\xC3", 1, -1, 0);
	decodes("\xE2\x82", 2, -1, 0);
	decodes("\xF0\x9F\x98", 3, -1, 0);
	decodes("\xF0\x9F\x98\x80", 3, -1, 0);
	/* Bad continuation bytes. */
	decodes("\x80", 1, -1, 0);
	decodes("\xBF", 1, -1, 0);
	decodes("\xC2\x41", 2, -1, 0);
	decodes("\xC2\xC0", 2, -1, 0);
	decodes("\xE2\x28\xA1", 3, -1, 0);
	decodes("\xE2\x82\x28", 3, -1, 0);
	decodes("\xF0\x9F\x28\x80", 4, -1, 0);
	decodes("\xF0\x9F\x98\x28", 4, -1, 0);
}

/* Every code point decodes from its encoding, and every one-, two- and
 * three-byte string decodes exactly when it is the shortest encoding of
 * a code point that is not a surrogate. */
static void test_utf8_decode_exhaustive(void **state)
{
	unsigned char s[4];

	UNUSED(state);
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		size_t n = encode(cp, s);
		uint32_t got = 0;
		int k = utf8_decode((const char *)s, n, &got);
		bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;

		if (surrogate ? k != -1 : (k != (int)n || got != cp))
			fail_msg("U+%04X: utf8_decode gave %d (U+%04X)", (unsigned)cp,
				 k, (unsigned)got);
		/* Cut short, it is invalid. */
		if (n > 1)
			assert_int_equal(utf8_decode((const char *)s, n - 1, &got), -1);
	}
	for (uint32_t v = 0; v < (1u << 24); v++) {
		unsigned char t[3] = { (unsigned char)(v >> 16),
				       (unsigned char)(v >> 8), (unsigned char)v };
		uint32_t got = 0;
		int k = utf8_decode((const char *)t, 3, &got);
		bool ok = false;

		/* The reference: the first bytes are the encoding of got. */
		if (k > 0) {
			size_t n = encode(got, s);

			ok = n == (size_t)k && memcmp(s, t, n) == 0 &&
			     !(got >= 0xD800 && got <= 0xDFFF) && got <= 0x10FFFF;
			if (!ok)
				fail_msg("%02x %02x %02x decoded as U+%04X in %d bytes",
					 t[0], t[1], t[2], (unsigned)got, k);
		} else {
			/* Nothing that decodes in 1-3 bytes was refused. */
			if (t[0] < 0x80)
				fail_msg("ASCII %02x refused", t[0]);
			for (int len = 2; len <= 3; len++) {
				uint32_t cp = 0;
				size_t n;

				if (len == 2)
					cp = ((t[0] & 0x1Fu) << 6) | (t[1] & 0x3Fu);
				else
					cp = ((t[0] & 0x0Fu) << 12) |
					     ((t[1] & 0x3Fu) << 6) | (t[2] & 0x3Fu);
				n = encode(cp, s);
				if (n == (size_t)len && memcmp(s, t, n) == 0 &&
				    !(cp >= 0xD800 && cp <= 0xDFFF))
					fail_msg("%02x %02x %02x refused, but it is U+%04X",
						 t[0], t[1], t[2], (unsigned)cp);
			}
		}
	}
}

static void test_utf8_valid(void **state)
{
	UNUSED(state);
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("plain", 5));
	assert_true(utf8_valid("\xC2\xA3" "218,973 \xE2\x80\x94 \xF0\x9F\x98\x80", 18));
	assert_false(utf8_valid("a\0b", 3));
	assert_false(utf8_valid("\xC3", 1));
	assert_false(utf8_valid("ab\xC3\xA9\xC3", 5));
	assert_true(utf8_valid("ab\xC3\xA9\xC3", 4));
	assert_false(utf8_valid("\xED\xA0\x80\xED\xB0\x80", 6)); /* CESU-8 */
	assert_false(utf8_valid("\xC0\x80", 2)); /* modified UTF-8 NUL */
	assert_false(utf8_valid("\xEF\xBB\xBF\xFF", 4));
	assert_true(utf8_valid("\xEF\xBB\xBF", 3));
	assert_int_equal(utf8_length(""), 0);
	assert_int_equal(utf8_length("abc"), 3);
	assert_int_equal(utf8_length("\xC2\xA3\xE2\x82\xAC\xF0\x9F\x98\x80x"), 4);
}

/* ------------------------------------------------------------------ */
/* Lines and blocks of text                                            */
/* ------------------------------------------------------------------ */

static void check_err(struct err *e, enum err_code code, const char *field,
		      const char *msg)
{
	assert_int_equal(e->code, code);
	assert_string_equal(e->field, field);
	assert_string_equal(e->msg, msg);
}

static void test_check_line(void **state)
{
	struct err e = ERR_INIT;
	const char *none = NULL;

	UNUSED(state);
	assert_int_equal(text_check_line("Hello", "title", 10, true, &e), 0);
	assert_int_equal(e.code, ERR_OK);
	assert_int_equal(text_check_line("a\tb", "title", 10, true, &e), 0);
	assert_int_equal(text_check_line(none, "title", 10, false, &e), 0);
	assert_int_equal(text_check_line("", "title", 10, false, &e), 0);
	assert_int_equal(text_check_line(" \t\n", "title", 10, false, &e), 0);
	assert_int_equal(e.code, ERR_OK);

	assert_int_equal(text_check_line("", "title", 10, true, &e), -1);
	check_err(&e, ERR_INVALID, "title", "must not be empty");
	err_clear(&e);
	assert_int_equal(text_check_line(none, "title", 10, true, &e), -1);
	check_err(&e, ERR_INVALID, "title", "must not be empty");
	err_clear(&e);
	assert_int_equal(text_check_line("  \t \r\n", "name", 10, true, &e), -1);
	check_err(&e, ERR_INVALID, "name", "must not be empty");
	err_clear(&e);
	assert_int_equal(text_check_line("a\nb", "title", 10, true, &e), -1);
	check_err(&e, ERR_INVALID, "title", "must not contain control characters");
	err_clear(&e);
	assert_int_equal(text_check_line("a\rb", "title", 10, true, &e), -1);
	check_err(&e, ERR_INVALID, "title", "must not contain control characters");
	err_clear(&e);
	assert_int_equal(text_check_line("a\x1b[0m", "title", 10, true, &e), -1);
	check_err(&e, ERR_INVALID, "title", "must not contain control characters");
	err_clear(&e);
	assert_int_equal(text_check_line("a\x7f", "title", 10, true, &e), -1);
	check_err(&e, ERR_INVALID, "title", "must not contain control characters");
	err_clear(&e);
	assert_int_equal(text_check_line("caf\xC3", "title", 10, true, &e), -1);
	check_err(&e, ERR_INVALID, "title", "is not valid UTF-8 text");
	err_clear(&e);
	assert_int_equal(text_check_line("\xED\xA0\x80", "title", 10, false, &e), -1);
	check_err(&e, ERR_INVALID, "title", "is not valid UTF-8 text");
	err_clear(&e);

	/* The limit counts characters, not bytes. */
	assert_int_equal(text_check_line("\xC3\xA9\xC3\xA9\xC3\xA9", "t", 3, true,
					 &e), 0);
	assert_int_equal(text_check_line("\xC3\xA9\xC3\xA9\xC3\xA9", "t", 2, true,
					 &e), -1);
	check_err(&e, ERR_INVALID, "t", "must be 2 characters or fewer");
	err_clear(&e);
	assert_int_equal(text_check_line("abcdefghij", "t", 10, true, &e), 0);
	assert_int_equal(text_check_line("abcdefghijk", "t", 10, true, &e), -1);
	check_err(&e, ERR_INVALID, "t", "must be 10 characters or fewer");
	/* A NULL err is allowed. */
	assert_int_equal(text_check_line("", "t", 10, true, NULL), -1);
}

static void test_check_block(void **state)
{
	struct err e = ERR_INIT;

	UNUSED(state);
	assert_int_equal(text_check_block("line 1\nline 2\r\n\tline 3", "description",
					  100, true, &e), 0);
	assert_int_equal(e.code, ERR_OK);
	assert_int_equal(text_check_block("\n\n", "description", 100, true, &e), -1);
	check_err(&e, ERR_INVALID, "description", "must not be empty");
	err_clear(&e);
	assert_int_equal(text_check_block("a\x01", "description", 100, true, &e), -1);
	check_err(&e, ERR_INVALID, "description",
		  "must not contain control characters");
	err_clear(&e);
	assert_int_equal(text_check_block("a\x0c" "b", "body", 100, true, &e), -1);
	check_err(&e, ERR_INVALID, "body", "must not contain control characters");
	err_clear(&e);
	assert_int_equal(text_check_block("\xFF", "body", 100, true, &e), -1);
	check_err(&e, ERR_INVALID, "body", "is not valid UTF-8 text");
	err_clear(&e);
	assert_int_equal(text_check_block("ab\ncd", "body", 4, true, &e), -1);
	check_err(&e, ERR_INVALID, "body", "must be 4 characters or fewer");
}

static void test_trim_blank(void **state)
{
	char a[] = "  \t hello world \r\n";
	char b[] = "";
	char c[] = " \n ";
	char d[] = "x";

	UNUSED(state);
	assert_string_equal(text_trim(a), "hello world");
	assert_string_equal(text_trim(b), "");
	assert_string_equal(text_trim(c), "");
	assert_string_equal(text_trim(d), "x");
	assert_true(text_blank(NULL));
	assert_true(text_blank(""));
	assert_true(text_blank(" \t\r\n"));
	assert_false(text_blank(" x "));
	/* A no-break space is not white space here. */
	assert_false(text_blank("\xC2\xA0"));
}

/* ------------------------------------------------------------------ */
/* Whole numbers                                                       */
/* ------------------------------------------------------------------ */

static void int_ok(const char *s, int64_t min, int64_t max, int64_t want)
{
	struct err e = ERR_INIT;
	int64_t v = 12345;

	if (text_int64(s, min, max, &v, "n", &e) != 0)
		fail_msg("text_int64('%s') failed: %s", s, e.msg);
	assert_true(v == want);
	assert_int_equal(e.code, ERR_OK);
}

static void int_bad(const char *s, int64_t min, int64_t max, const char *msg)
{
	struct err e = ERR_INIT;
	int64_t v = 12345;

	if (text_int64(s, min, max, &v, "count", &e) != -1)
		fail_msg("text_int64('%s') accepted it as %lld", s ? s : "(null)",
			 (long long)v);
	check_err(&e, ERR_INVALID, "count", msg);
	/* The output is untouched on failure. */
	assert_true(v == 12345);
}

static void test_int64(void **state)
{
	const char *whole = "must be a whole number";

	UNUSED(state);
	int_ok("0", INT64_MIN, INT64_MAX, 0);
	int_ok("42", INT64_MIN, INT64_MAX, 42);
	int_ok("-42", INT64_MIN, INT64_MAX, -42);
	int_ok("+7", INT64_MIN, INT64_MAX, 7);
	int_ok("-0", INT64_MIN, INT64_MAX, 0);
	int_ok("007", INT64_MIN, INT64_MAX, 7);
	int_ok("9223372036854775807", INT64_MIN, INT64_MAX, INT64_MAX);
	int_ok("-9223372036854775808", INT64_MIN, INT64_MAX, INT64_MIN);
	int_ok("1", 1, 10, 1);
	int_ok("10", 1, 10, 10);
	int_ok("65535", 1, 65535, 65535);

	int_bad("9223372036854775808", INT64_MIN, INT64_MAX,
		"must be between -9223372036854775808 and 9223372036854775807");
	int_bad("-9223372036854775809", INT64_MIN, INT64_MAX,
		"must be between -9223372036854775808 and 9223372036854775807");
	int_bad("99999999999999999999999", 1, INT64_MAX,
		"must be between 1 and 9223372036854775807");
	int_bad("0", 1, 10, "must be between 1 and 10");
	int_bad("11", 1, 10, "must be between 1 and 10");
	int_bad("-1", 0, 10, "must be between 0 and 10");
	int_bad(NULL, 0, 10, whole);
	int_bad("", 0, 10, whole);
	int_bad(" 1", 0, 10, whole);
	int_bad("1 ", 0, 10, whole);
	int_bad("1.0", 0, 10, whole);
	int_bad("1e3", 0, 10000, whole);
	int_bad("0x1", 0, 10, whole);
	int_bad("-", 0, 10, whole);
	int_bad("+", 0, 10, whole);
	int_bad("--1", -10, 10, whole);
	int_bad("+-1", -10, 10, whole);
	int_bad("1,000", 0, 10000, whole);
	int_bad("\xEF\xBC\x91", 0, 10, whole); /* fullwidth 1 */
	int_bad("one", 0, 10, whole);
}

/* ------------------------------------------------------------------ */
/* Money                                                               */
/* ------------------------------------------------------------------ */

static void money_ok(const char *s, int64_t want)
{
	struct err e = ERR_INIT;
	int64_t pence = -1;

	if (text_money(s, &pence, "amount", &e) != 0)
		fail_msg("text_money('%s') failed: %s", s, e.msg);
	if (pence != want)
		fail_msg("text_money('%s') gave %lld pence, want %lld", s,
			 (long long)pence, (long long)want);
}

static void money_bad(const char *s, const char *msg)
{
	struct err e = ERR_INIT;
	int64_t pence = -1;

	if (text_money(s, &pence, "amount", &e) != -1)
		fail_msg("text_money('%s') accepted it as %lld pence",
			 s ? s : "(null)", (long long)pence);
	check_err(&e, ERR_INVALID, "amount", msg);
	assert_true(pence == -1);
}

static void test_money(void **state)
{
	const char *m = "must be an amount in pounds, like 218973 or 1,250.50";

	UNUSED(state);
	money_ok("218973", 21897300);
	money_ok("218,973", 21897300);
	money_ok("\xC2\xA3" "218,973", 21897300);
	money_ok("\xC2\xA3" "218973", 21897300);
	money_ok("1,250.50", 125050);
	money_ok("1250.5", 125050);
	money_ok("1234.5", 123450);
	money_ok("1234.56", 123456);
	money_ok("0", 0);
	money_ok("0.05", 5);
	money_ok("0.5", 50);
	money_ok("1,000", 100000);
	money_ok("12,345,678", 1234567800);
	money_ok("999,999.99", 99999999);
	money_ok("\xC2\xA3" "0.01", 1);
	money_ok("1000000000", 100000000000);
	money_ok("1,000,000,000", 100000000000);

	money_bad("12,34", m);
	money_bad("1234,567", m);
	money_bad("1,2345", m);
	money_bad("1,23,456", m);
	money_bad(",123", m);
	money_bad("1,,234", m);
	money_bad("1,234,", m);
	money_bad("1,234,56", m);
	money_bad("1.234", m);
	money_bad("1.", m);
	money_bad(".5", m);
	money_bad("1.2.3", m);
	money_bad("", m);
	money_bad(NULL, m);
	money_bad("\xC2\xA3", m);
	money_bad("1e5", m);
	money_bad("0x10", m);
	money_bad(" 5", m);
	money_bad("5 ", m);
	money_bad("\xC2\xA3 5", m);
	money_bad("+5", m);
	money_bad("5p", m);
	money_bad("\xE2\x82\xAC" "5", m);
	money_bad("\xC2", m);
	money_bad("-5", "must not be negative");
	money_bad("\xC2\xA3-5", "must not be negative");
	money_bad("1000000001", "must be at most \xC2\xA3" "1000000000");
	money_bad("99999999999999999999999999", "must be at most \xC2\xA3" "1000000000");
}

static void check_money_text(int64_t pence, const char *want)
{
	struct buf b = BUF_INIT;
	char got[1024];

	text_add_money(&b, pence);
	/* Compared after release, so that a failure leaks nothing. */
	snprintf(got, sizeof(got), "%s", b.ptr);
	buf_release(&b);
	if (strcmp(got, want) != 0)
		fail_msg("text_add_money(%lld) gave '%s', want '%s'",
			 (long long)pence, got, want);
}

static void check_grouped(int64_t n, const char *want)
{
	struct buf b = BUF_INIT;
	char got[1024];

	text_add_grouped(&b, n);
	/* Compared after release, so that a failure leaks nothing. */
	snprintf(got, sizeof(got), "%s", b.ptr);
	buf_release(&b);
	if (strcmp(got, want) != 0)
		fail_msg("text_add_grouped(%lld) gave '%s', want '%s'",
			 (long long)n, got, want);
}

static void test_money_text(void **state)
{
	UNUSED(state);
	check_money_text(21897300, "\xC2\xA3" "218,973");
	check_money_text(125050, "\xC2\xA3" "1,250.50");
	check_money_text(123456, "\xC2\xA3" "1,234.56");
	check_money_text(5, "\xC2\xA3" "0.05");
	check_money_text(10, "\xC2\xA3" "0.10");
	check_money_text(0, "\xC2\xA3" "0");
	check_money_text(100, "\xC2\xA3" "1");
	check_money_text(99999999, "\xC2\xA3" "999,999.99");
	check_money_text(47897300, "\xC2\xA3" "478,973");
	check_money_text(-125050, "-\xC2\xA3" "1,250.50");
	check_money_text(-100, "-\xC2\xA3" "1");

	check_grouped(0, "0");
	check_grouped(7, "7");
	check_grouped(999, "999");
	check_grouped(1000, "1,000");
	check_grouped(12345, "12,345");
	check_grouped(478973, "478,973");
	check_grouped(1234567, "1,234,567");
	check_grouped(-1, "-1");
	check_grouped(-1234, "-1,234");
	check_grouped(-123456, "-123,456");
	check_grouped(INT64_MAX, "9,223,372,036,854,775,807");
}

static void check_number(double v, int decimals, const char *want)
{
	struct buf b = BUF_INIT;
	char got[1024];

	text_add_number(&b, v, decimals);
	snprintf(got, sizeof(got), "%s", b.ptr);
	buf_release(&b);
	if (strcmp(got, want) != 0)
		fail_msg("text_add_number(%.17g, %d) gave '%s', want '%s'", v,
			 decimals, got, want);
}

/* Expected digits from Python's '{:,.Nf}'.format(v), an independent
 * formatter of the exact binary value (but for the sign of zero, which
 * safer drops). */
static void test_number(void **state)
{
	UNUSED(state);
	check_number(0, 0, "0");
	check_number(0, 2, "0.00");
	check_number(-0.0, 1, "0.0");
	check_number(-0.04, 1, "0.0");
	check_number(-1e-300, 2, "0.00");
	check_number(1e-300, 2, "0.00");
	check_number(5e-324, 20, "0.00000000000000000000");
	check_number(0.05, 1, "0.1");
	check_number(0.125, 2, "0.12");
	check_number(2.5, 0, "2");
	check_number(3.5, 0, "4");
	check_number(999.5, 0, "1,000");
	check_number(1234.5, 1, "1,234.5");
	check_number(-1234.5, 1, "-1,234.5");
	check_number(123456789.12345679, 6, "123,456,789.123457");
	check_number(12345.678, 20, "12,345.67799999999988358468");
	check_number(1e15 + 0.25, 1, "1,000,000,000,000,000.2");
	/* Beyond every integer type. */
	check_number(9.223372036854775807e18, 0, "9,223,372,036,854,775,808");
	check_number(1e20, 0, "100,000,000,000,000,000,000");
	check_number(-1e20, 0, "-100,000,000,000,000,000,000");
	check_number(1e20, 2, "100,000,000,000,000,000,000.00");
	check_number(1e63, 0, "1,000,000,000,000,000,057,857,959,942,726,969,827,"
			      "393,378,689,175,040,438,172,647,424");
	check_number(-1e63, 1, "-1,000,000,000,000,000,057,857,959,942,726,969,"
			       "827,393,378,689,175,040,438,172,647,424.0");
	check_number(1.7976931348623157e308, 3,
		     "179,769,313,486,231,570,814,527,423,731,704,356,798,070,567,"
		     "525,844,996,598,917,476,803,157,260,780,028,538,760,589,558,"
		     "632,766,878,171,540,458,953,514,382,464,234,321,326,889,464,"
		     "182,768,467,546,703,537,516,986,049,910,576,551,282,076,245,"
		     "490,090,389,328,944,075,868,508,455,133,942,304,583,236,903,"
		     "222,948,165,808,559,332,123,348,274,797,826,204,144,723,168,"
		     "738,177,180,919,299,881,250,404,026,184,124,858,368.000");
	/* No figure. */
	check_number(NAN, 1, "not known");
	check_number(-NAN, 0, "not known");
	check_number(INFINITY, 2, "not known");
	check_number(-INFINITY, 0, "not known");
	/* Decimals out of range are brought into it. */
	check_number(1.5, -3, "2");
	check_number(0.1, 99, "0.10000000000000000555");
}

static void test_same_area(void **state)
{
	static const char *const same[][2] = {
		{ "St Helens", "St. Helens" },
		{ "St Helens", "st helens" },
		{ "ST.HELENS", "St Helens" },
		{ "  St  Helens ", "St Helens" },
		{ "Stockton-on-Tees", "Stockton on Tees" },
		{ "Brighton & Hove", "Brighton and Hove" },
		{ "Brighton&Hove", "Brighton and Hove" },
		{ "King's Lynn and West Norfolk", "Kings Lynn & West Norfolk" },
		{ "King\xE2\x80\x99s Lynn", "Kings Lynn" },
		{ "Bristol, City of", "Bristol City of" },
		{ "E08000007", "e08000007" },
		{ "Ynys M\xC3\xB4n", "ynys m\xC3\xB4n" },
		{ "", " - " },
	};
	static const char *const different[][2] = {
		{ "St Helens", "Saint Helens" },
		{ "St Helens", "StHelens" },
		{ "Sefton", "Sefton East" },
		{ "Wirral", "Wirra" },
		{ "Brighton and Hove", "Brighton Hove" },
		{ "Ynys M\xC3\xB4n", "Ynys Mon" },
		{ "E08000007", "E08000008" },
	};
	struct buf b = BUF_INIT;

	UNUSED(state);
	for (size_t i = 0; i < ARRAY_SIZE(same); i++) {
		struct buf k = BUF_INIT;

		if (!text_same_area(same[i][0], same[i][1]) ||
		    !text_same_area(same[i][1], same[i][0]))
			fail_msg("'%s' and '%s' should be the same area", same[i][0],
				 same[i][1]);
		/* Equal keys exactly when the same area. */
		buf_reset(&b);
		text_add_area_key(&b, same[i][0]);
		text_add_area_key(&k, same[i][1]);
		assert_string_equal(b.ptr, k.ptr);
		buf_release(&k);
	}
	for (size_t i = 0; i < ARRAY_SIZE(different); i++) {
		struct buf k = BUF_INIT;

		if (text_same_area(different[i][0], different[i][1]) ||
		    text_same_area(different[i][1], different[i][0]))
			fail_msg("'%s' and '%s' should be different areas",
				 different[i][0], different[i][1]);
		buf_reset(&b);
		text_add_area_key(&b, different[i][0]);
		text_add_area_key(&k, different[i][1]);
		assert_string_not_equal(b.ptr, k.ptr);
		buf_release(&k);
	}
	buf_reset(&b);
	text_add_area_key(&b, " St. Helens-&-King\'s ");
	assert_string_equal(b.ptr, "st helens and kings");
	assert_false(text_same_area(NULL, "x"));
	assert_false(text_same_area("x", NULL));
	buf_release(&b);
}

static void test_grouped_int64_min(void **state)
{
	UNUSED(state);
	check_grouped(INT64_MIN, "-9,223,372,036,854,775,808");
}

/* Parsing what text_add_money wrote gives the amount back. */
static void test_money_round_trip(void **state)
{
	static const int64_t amounts[] = { 0, 1, 9, 10, 99, 100, 101, 12345,
					   100000, 999999, 1000000, 21897300,
					   123456789, 100000000000 };

	UNUSED(state);
	for (size_t i = 0; i < ARRAY_SIZE(amounts); i++)
		for (int64_t d = 0; d < 3; d++) {
			struct buf b = BUF_INIT;
			int64_t v = amounts[i] + d * 37, back = -1;
			struct err e = ERR_INIT;

			if (v > 100000000000)
				continue;
			text_add_money(&b, v);
			if (text_money(b.ptr, &back, "amount", &e) != 0)
				fail_msg("'%s' does not parse: %s", b.ptr, e.msg);
			assert_true(back == v);
			buf_release(&b);
		}
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

static void date_ok(const char *s)
{
	struct err e = ERR_INIT;

	if (text_date(s, "due_on", &e) != 0)
		fail_msg("text_date('%s') refused: %s", s, e.msg);
}

static void date_bad(const char *s)
{
	struct err e = ERR_INIT;

	if (text_date(s, "due_on", &e) != -1)
		fail_msg("text_date('%s') accepted", s ? s : "(null)");
	check_err(&e, ERR_INVALID, "due_on", "must be a real date written YYYY-MM-DD");
}

static void test_date(void **state)
{
	UNUSED(state);
	date_ok("2021-06-14");
	date_ok("2020-02-29");
	date_ok("2000-02-29");
	date_ok("2024-12-31");
	date_ok("1900-01-01");
	date_ok("2199-12-31");
	date_bad("2021-02-29");
	date_bad("1900-02-29");
	date_bad("2100-02-29");
	date_bad("2024-04-31");
	date_bad("2024-06-31");
	date_bad("2024-13-01");
	date_bad("2024-00-10");
	date_bad("2024-01-00");
	date_bad("2024-01-32");
	date_bad("1899-12-31");
	date_bad("2200-01-01");
	date_bad("0000-01-01");
	date_bad("2024-1-01");
	date_bad("2024-01-1");
	date_bad("2024/01/01");
	date_bad("2024-01-01 ");
	date_bad(" 2024-01-01");
	date_bad("2024-01-01T00:00:00Z");
	date_bad("20240101");
	date_bad("2024-01");
	date_bad("");
	date_bad(NULL);
	date_bad("2024-01-1x");
	date_bad("+024-01-01");
	date_bad("2024-+1-01");
	date_bad("2024--1-01");
	date_bad("16/09/2014");
}

/* Every day of every month from 1900 to 2199 against the C library. */
static void test_date_calendar(void **state)
{
	UNUSED(state);
	for (int y = 1900; y <= 2199; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= 31; d++) {
				char s[16];
				struct tm tm = { 0 }, back;
				time_t t;
				bool real;

				tm.tm_year = y - 1900;
				tm.tm_mon = m - 1;
				tm.tm_mday = d;
				tm.tm_hour = 12;
				t = timegm(&tm);
				gmtime_r(&t, &back);
				real = back.tm_mday == d && back.tm_mon == m - 1;
				snprintf(s, sizeof(s), "%04d-%02d-%02d", y, m, d);
				if ((text_date(s, NULL, NULL) == 0) != real)
					fail_msg("text_date('%s') says %s", s,
						 real ? "no" : "yes");
			}
}

static void test_date_or_month(void **state)
{
	const char *msg = "must be a date written YYYY-MM-DD or a month YYYY-MM";
	static const char *const good[] = { "2022-03", "1900-01", "2199-12",
					    "2022-03-31", "2020-02-29" };
	static const char *const bad[] = { "2022-13", "2022-00", "2022-3",
					   "2022", "1899-12", "2200-01",
					   "2022-02-30", "2021-02-29", "2022-03-",
					   "2022-03-1", "2022/03", "March 2022",
					   "", "2022-03 " };

	UNUSED(state);
	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		struct err e = ERR_INIT;

		if (text_date_or_month(good[i], "approved_on", &e) != 0)
			fail_msg("'%s' refused: %s", good[i], e.msg);
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct err e = ERR_INIT;

		if (text_date_or_month(bad[i], "approved_on", &e) != -1)
			fail_msg("'%s' accepted", bad[i]);
		check_err(&e, ERR_INVALID, "approved_on", msg);
	}
	{
		struct err e = ERR_INIT;

		assert_int_equal(text_date_or_month(NULL, "approved_on", &e), -1);
		check_err(&e, ERR_INVALID, "approved_on", msg);
	}
}

static void test_financial_year(void **state)
{
	const char *msg = "must be a financial year written like 2020/21";
	static const char *const good[] = { "2020/21", "1999/00", "2099/00",
					    "1900/01", "2198/99", "2024/25" };
	static const char *const bad[] = { "2020/22", "2020/20", "2020/2021",
					   "2020-21", "2020/1", "20/21",
					   "1899/00", "2199/00", "2020/21 ",
					   "", "abcd/ef", "2020/+1" };

	UNUSED(state);
	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		struct err e = ERR_INIT;

		if (text_financial_year(good[i], "year", &e) != 0)
			fail_msg("'%s' refused: %s", good[i], e.msg);
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct err e = ERR_INIT;

		if (text_financial_year(bad[i], "year", &e) != -1)
			fail_msg("'%s' accepted", bad[i]);
		check_err(&e, ERR_INVALID, "year", msg);
	}
	{
		struct err e = ERR_INIT;

		assert_int_equal(text_financial_year(NULL, "year", &e), -1);
		check_err(&e, ERR_INVALID, "year", msg);
	}
}

static void check_add_date(const char *date, const char *want)
{
	struct buf b = BUF_INIT;
	char got[1024];

	text_add_date(&b, date);
	/* Compared after release, so that a failure leaks nothing. */
	snprintf(got, sizeof(got), "%s", b.ptr);
	buf_release(&b);
	if (strcmp(got, want) != 0)
		fail_msg("text_add_date('%s') gave '%s', want '%s'",
			 date ? date : "(null)", got, want);
}

static void test_add_date(void **state)
{
	UNUSED(state);
	check_add_date("2022-03", "March 2022");
	check_add_date("2014-09-16", "16 September 2014");
	check_add_date("2014-09-06", "6 September 2014");
	check_add_date("2021-01-01", "1 January 2021");
	check_add_date("2021-12-31", "31 December 2021");
	check_add_date("1900-02", "February 1900");
	/* Anything else as it is. */
	check_add_date("2022-13", "2022-13");
	check_add_date("2021-02-29", "2021-02-29");
	check_add_date("next spring", "next spring");
	check_add_date("", "");
	check_add_date(NULL, "");
}

static void test_today(void **state)
{
	char out[11], want[11];
	time_t t;
	struct tm tm;

	UNUSED(state);
	setenv("SAFER_TODAY", "2021-06-01", 1);
	memset(out, 'x', sizeof(out));
	text_today(out);
	assert_string_equal(out, "2021-06-01");
	setenv("SAFER_TODAY", "2020-02-29", 1);
	text_today(out);
	assert_string_equal(out, "2020-02-29");

	/* Not a valid date: the clock. */
	setenv("SAFER_TODAY", "2021-02-29", 1);
	t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(want, sizeof(want), "%Y-%m-%d", &tm);
	text_today(out);
	assert_int_equal(text_date(out, NULL, NULL), 0);
	assert_string_equal(out, want);
	setenv("SAFER_TODAY", "2021-06-01 and more", 1);
	text_today(out);
	assert_string_equal(out, want);
	unsetenv("SAFER_TODAY");
	text_today(out);
	assert_string_equal(out, want);
}

static void test_now(void **state)
{
	char out[21];

	UNUSED(state);
	memset(out, 'x', sizeof(out));
	text_now(out);
	assert_int_equal(strlen(out), 20);
	assert_int_equal(out[10], 'T');
	assert_int_equal(out[19], 'Z');
	out[10] = '\0';
	assert_int_equal(text_date(out, NULL, NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_decode_cases),
		cmocka_unit_test(test_utf8_decode_exhaustive),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_check_line),
		cmocka_unit_test(test_check_block),
		cmocka_unit_test(test_trim_blank),
		cmocka_unit_test(test_int64),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_money_text),
		cmocka_unit_test(test_grouped_int64_min),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_same_area),
		cmocka_unit_test(test_money_round_trip),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_date_calendar),
		cmocka_unit_test(test_date_or_month),
		cmocka_unit_test(test_financial_year),
		cmocka_unit_test(test_add_date),
		cmocka_unit_test(test_today),
		cmocka_unit_test(test_now),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
