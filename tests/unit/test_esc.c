/*
 * test_esc.c: unit tests of src/base/esc.c.
 *
 * Each escape is checked byte for byte: the five HTML characters, the
 * JSON escapes (including U+2028/2029 and every control character), the
 * URL's unreserved set, invalid UTF-8 turned into U+FFFD, and the
 * escaping printf, whose literal text is copied raw and every %s and %c
 * escaped while numbers are formatted as printf would.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>

#include "base/esc.h"
#include "base/text.h"

#define FFFD "\xEF\xBF\xBD"

/* Escape n bytes of s and compare with want. */
static void check_n(enum esc mode, const char *s, size_t n, const char *want)
{
	struct buf b = BUF_INIT;
	char got[1024];
	size_t len;

	esc_add(&b, mode, s, n);
	/* Compared after release, so that a failure leaks nothing. */
	snprintf(got, sizeof(got), "%s", b.ptr);
	len = b.len;
	buf_release(&b);
	if (strcmp(got, want) != 0)
		fail_msg("escaping (mode %d) gave '%s', want '%s'", (int)mode,
			 got, want);
	assert_int_equal(len, strlen(want));
}

static void check(enum esc mode, const char *s, const char *want)
{
	struct buf b = BUF_INIT;

	check_n(mode, s, strlen(s), want);
	/* esc_adds is the same thing. */
	esc_adds(&b, mode, s);
	assert_string_equal(b.ptr, want);
	buf_release(&b);
}

/* ------------------------------------------------------------------ */
/* HTML                                                                */
/* ------------------------------------------------------------------ */

static void test_html_specials(void **state)
{
	UNUSED(state);
	check(ESC_HTML, "", "");
	check(ESC_HTML, "plain text 123", "plain text 123");
	check(ESC_HTML, "&", "&amp;");
	check(ESC_HTML, "<", "&lt;");
	check(ESC_HTML, ">", "&gt;");
	check(ESC_HTML, "\"", "&quot;");
	check(ESC_HTML, "'", "&#39;");
	check(ESC_HTML, "a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&#39;f");
	check(ESC_HTML, "<script>alert('x')</script>",
	      "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	check(ESC_HTML, "&amp;", "&amp;amp;");
	check(ESC_HTML, "'; DROP TABLE action; --",
	      "&#39;; DROP TABLE action; --");
	/* Characters that need no escape in HTML. */
	check(ESC_HTML, "/=`%\\;:", "/=`%\\;:");
}

static void test_html_utf8(void **state)
{
	UNUSED(state);
	/* Valid UTF-8 is copied. */
	check(ESC_HTML, "\xC2\xA3" "218,973 caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
	      "\xC2\xA3" "218,973 caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
	check(ESC_HTML, "\xE2\x80\xA8", "\xE2\x80\xA8");
	/* Each byte of an invalid sequence becomes one U+FFFD. */
	check(ESC_HTML, "\xFF", FFFD);
	check(ESC_HTML, "a\xFE" "b", "a" FFFD "b");
	check(ESC_HTML, "\x80", FFFD);
	check(ESC_HTML, "x\xC3", "x" FFFD);
	check(ESC_HTML, "\xC3<", FFFD "&lt;");
	check(ESC_HTML, "\xC0\xAF", FFFD FFFD);
	check(ESC_HTML, "\xE0\x80\xBC", FFFD FFFD FFFD);
	check(ESC_HTML, "\xED\xA0\x80", FFFD FFFD FFFD);
	check(ESC_HTML, "\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD);
	check(ESC_HTML, "\xE2\x82", FFFD FFFD);
	/* A sequence cut by n is invalid even if the string goes on. */
	check_n(ESC_HTML, "\xC3\xA9", 1, FFFD);
}

static void test_html_controls(void **state)
{
	UNUSED(state);
	check(ESC_HTML, "\x01", FFFD);
	check(ESC_HTML, "a\x1F" "b\x1B[31m", "a" FFFD "b" FFFD "[31m");
	check(ESC_HTML, "\b\f\v", FFFD FFFD FFFD);
	/* Tab, newline and carriage return are text. */
	check(ESC_HTML, "a\tb\nc\rd", "a\tb\nc\rd");
	/* A NUL inside the n bytes. */
	check_n(ESC_HTML, "a\0b", 3, "a" FFFD "b");
	/* Every byte below 0x20 but tab, LF, CR. */
	for (int c = 1; c < 0x20; c++) {
		char s[2] = { (char)c, '\0' };

		if (c == '\t' || c == '\n' || c == '\r')
			check(ESC_HTML, s, s);
		else
			check(ESC_HTML, s, FFFD);
	}
}

/* ------------------------------------------------------------------ */
/* JSON                                                                */
/* ------------------------------------------------------------------ */

static void test_json_specials(void **state)
{
	UNUSED(state);
	check(ESC_JSON, "", "");
	check(ESC_JSON, "plain <b>&'", "plain <b>&'");
	check(ESC_JSON, "\"", "\\\"");
	check(ESC_JSON, "\\", "\\\\");
	check(ESC_JSON, "\n", "\\n");
	check(ESC_JSON, "\r", "\\r");
	check(ESC_JSON, "\t", "\\t");
	check(ESC_JSON, "say \"hi\"\\n\n", "say \\\"hi\\\"\\\\n\\n");
	check(ESC_JSON, "/", "/");
	check(ESC_JSON, "\x01", "\\u0001");
	check(ESC_JSON, "\b\f", "\\u0008\\u000C");
	check(ESC_JSON, "\x1F", "\\u001F");
	check(ESC_JSON, "\x7F", "\\u007F");
	check_n(ESC_JSON, "a\0b", 3, "a\\u0000b");
	/* Every control character has some escape. */
	for (int c = 1; c < 0x20; c++) {
		char s[2] = { (char)c, '\0' };
		struct buf b = BUF_INIT;

		esc_adds(&b, ESC_JSON, s);
		assert_int_equal(b.ptr[0], '\\');
		for (size_t i = 0; i < b.len; i++)
			assert_true((unsigned char)b.ptr[i] >= 0x20);
		buf_release(&b);
	}
}

static void test_json_unicode(void **state)
{
	UNUSED(state);
	check(ESC_JSON, "caf\xC3\xA9 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xF0\x9F\x98\x80");
	/* Line and paragraph separators, which JavaScript strings cannot
	 * hold raw. */
	check(ESC_JSON, "a\xE2\x80\xA8" "b", "a\\u2028b");
	check(ESC_JSON, "\xE2\x80\xA9", "\\u2029");
	check(ESC_JSON, "\xE2\x80\xA7\xE2\x80\xAA", "\xE2\x80\xA7\xE2\x80\xAA");
	/* Invalid UTF-8: one \ufffd per bad byte. */
	check(ESC_JSON, "\xFF", "\\ufffd");
	check(ESC_JSON, "a\xC3", "a\\ufffd");
	check(ESC_JSON, "\xC3\"", "\\ufffd\\\"");
	check(ESC_JSON, "\xED\xA0\x80", "\\ufffd\\ufffd\\ufffd");
	check(ESC_JSON, "\xC1\x81", "\\ufffd\\ufffd");
	check(ESC_JSON, "\xF5", "\\ufffd");
	check_n(ESC_JSON, "\xE2\x80\xA8", 2, "\\ufffd\\ufffd");
}

/* ------------------------------------------------------------------ */
/* URL                                                                 */
/* ------------------------------------------------------------------ */

static void test_url(void **state)
{
	char all[256];
	struct buf b = BUF_INIT;

	UNUSED(state);
	check(ESC_URL, "", "");
	check(ESC_URL, "AZaz09-._~", "AZaz09-._~");
	check(ESC_URL, "a b", "a%20b");
	check(ESC_URL, "a+b&c=d/e?f#g%h", "a%2Bb%26c%3Dd%2Fe%3Ff%23g%25h");
	check(ESC_URL, "caf\xC3\xA9", "caf%C3%A9");
	check(ESC_URL, "\xFF", "%FF");
	check(ESC_URL, "<\"'>", "%3C%22%27%3E");
	check_n(ESC_URL, "\0\n", 2, "%00%0A");
	/* Every byte: unreserved ones raw, the rest as %XX. */
	for (int i = 0; i < 256; i++)
		all[i] = (char)i;
	esc_add(&b, ESC_URL, all, 256);
	assert_int_equal(b.len, 66 + (256 - 66) * 3);
	for (size_t i = 0, j = 0; i < 256; i++) {
		bool raw = (i >= 'A' && i <= 'Z') || (i >= 'a' && i <= 'z') ||
			   (i >= '0' && i <= '9') || i == '-' || i == '.' ||
			   i == '_' || i == '~';
		char want[4];

		if (raw) {
			assert_int_equal((unsigned char)b.ptr[j], i);
			j++;
		} else {
			snprintf(want, sizeof(want), "%%%02X", (unsigned)i);
			assert_memory_equal(b.ptr + j, want, 3);
			j += 3;
		}
	}
	buf_release(&b);
}

/* ------------------------------------------------------------------ */
/* The escaping printf                                                 */
/* ------------------------------------------------------------------ */

static void fmt_check(const char *want, enum esc mode, const char *fmt, ...)
	PRINTF_LIKE(3, 4);

static void fmt_check(const char *want, enum esc mode, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	char got[1024];
	size_t len;
	va_list ap;

	va_start(ap, fmt);
	esc_vformat(&b, mode, fmt, ap);
	va_end(ap);
	/* Compared after release, so that a failure leaks nothing. */
	snprintf(got, sizeof(got), "%s", b.ptr);
	len = b.len;
	buf_release(&b);
	if (strcmp(got, want) != 0)
		fail_msg("format '%s' gave '%s', want '%s'", fmt, got, want);
	assert_int_equal(len, strlen(want));
}

/* A NULL the compiler cannot see through. */
static const char *volatile null_string;

static void test_format_strings(void **state)
{
	UNUSED(state);
	/* Literal text is markup and stays raw; every %s is escaped. */
	fmt_check("<p class=\"x\">&lt;b&gt;&amp;&quot;&#39;</p>", ESC_HTML,
		  "<p class=\"x\">%s</p>", "<b>&\"'");
	fmt_check("<a href=\"/x?q=1&amp;r=2\" title=\"&quot;\">&lt;</a>", ESC_HTML,
		  "<a href=\"%s\" title=\"%s\">%s</a>", "/x?q=1&r=2", "\"", "<");
	fmt_check("", ESC_HTML, "%s", "");
	fmt_check("no conversions <>&", ESC_HTML, "no conversions <>&");
	fmt_check("", ESC_HTML, "%s", null_string);
	fmt_check("[" FFFD "]", ESC_HTML, "[%s]", "\xFF");
	/* Precision counts bytes of the raw string, escaping comes after. */
	fmt_check("&lt;&lt;&lt;|", ESC_HTML, "%.*s|", 3, "<<<<<");
	fmt_check("&lt;a", ESC_HTML, "%.2s", "<a>");
	fmt_check("", ESC_HTML, "%.0s", "<a>");
	fmt_check("abc", ESC_HTML, "%.10s", "abc");
	fmt_check("&lt;a&gt;", ESC_HTML, "%.*s", -1, "<a>");
	fmt_check("ab", ESC_HTML, "%.*s", 2, "abc\xC3\xA9");
	/* A precision that cuts a character leaves an invalid byte. */
	fmt_check("abc" FFFD, ESC_HTML, "%.*s", 4, "abc\xC3\xA9");
	/* %c */
	fmt_check("&lt;x&gt;", ESC_HTML, "%cx%c", '<', '>');
	fmt_check("&quot;", ESC_HTML, "%c", '"');
	fmt_check("a", ESC_HTML, "%c", 'a');
	/* %% is a literal percent in every mode. */
	fmt_check("100%", ESC_HTML, "%d%%", 100);
	fmt_check("%", ESC_URL, "%%");
	fmt_check("%%", ESC_JSON, "%%%%");
}

static void test_format_numbers(void **state)
{
	UNUSED(state);
	fmt_check("-5", ESC_HTML, "%d", -5);
	fmt_check("7", ESC_HTML, "%i", 7);
	fmt_check("4294967295", ESC_HTML, "%u", UINT_MAX);
	fmt_check("ff FF", ESC_HTML, "%x %X", 255u, 255u);
	fmt_check("-9223372036854775808", ESC_HTML, "%lld", LLONG_MIN);
	fmt_check("9223372036854775807", ESC_HTML, "%lld", LLONG_MAX);
	fmt_check("-1", ESC_HTML, "%ld", -1L);
	fmt_check("18446744073709551615", ESC_HTML, "%zu", SIZE_MAX);
	fmt_check("12", ESC_HTML, "%zu", (size_t)12);
	fmt_check("-3", ESC_HTML, "%jd", (intmax_t)-3);
	fmt_check("-4", ESC_HTML, "%td", (ptrdiff_t)-4);
	fmt_check("44", ESC_HTML, "%hhd", (signed char)44);
	fmt_check("-1", ESC_HTML, "%hd", (short)-1);
	fmt_check("0x1f", ESC_HTML, "%#x", 31u);
	/* Flags, widths and precisions as in printf. */
	fmt_check("   42", ESC_HTML, "%5d", 42);
	fmt_check("42   |", ESC_HTML, "%-5d|", 42);
	fmt_check("00042", ESC_HTML, "%05d", 42);
	fmt_check("+42", ESC_HTML, "%+d", 42);
	fmt_check(" 42", ESC_HTML, "% d", 42);
	fmt_check("0007", ESC_HTML, "%.4d", 7);
	/* Star width and precision. */
	fmt_check("    42", ESC_HTML, "%*d", 6, 42);
	fmt_check("42    |", ESC_HTML, "%*d|", -6, 42);
	fmt_check("0007", ESC_HTML, "%.*d", 4, 7);
	fmt_check("  0007", ESC_HTML, "%*.*d", 6, 4, 7);
	fmt_check("  0007|&lt;", ESC_HTML, "%*.*d|%s", 6, 4, 7, "<");
	fmt_check("-0000000000000000000012", ESC_HTML, "%.*lld", 22, -12LL);
	/* Numbers and strings mixed; argument order kept. */
	fmt_check("1 &lt; 2 &amp;&amp; 3 &gt; 2 (of 3 items)", ESC_HTML,
		  "%d %s %d %s %d %s 2 (of %zu item%s)", 1, "<", 2, "&&", 3, ">",
		  (size_t)3, "s");
}

/* Floating point: every conversion the compiler accepts for html(), so
 * that no format string that builds can stop a worker. */
static void test_format_floats(void **state)
{
	char want[400];

	UNUSED(state);
	fmt_check("3.1", ESC_HTML, "%.1f", 3.14159);
	fmt_check("  3.14|", ESC_HTML, "%6.2f|", 3.14159);
	fmt_check("1.500000e+00 1.5E+00", ESC_HTML, "%e %.1E", 1.5, 1.5);
	fmt_check("0.25 1e+20", ESC_HTML, "%g %g", 0.25, 1e20);
	fmt_check("0x1p+1", ESC_HTML, "%a", 2.0);
	fmt_check("2.50", ESC_HTML, "%.2Lf", (long double)2.5);
	fmt_check("inf -inf nan", ESC_HTML, "%g %g %g", HUGE_VAL, -HUGE_VAL, NAN);
	fmt_check("  4.0 &lt;", ESC_HTML, "%*.*f %s", 5, 1, 4.0, "<");
	/* Longer than any fixed buffer: the whole number. */
	snprintf(want, sizeof(want), "%.1f", 1e300);
	fmt_check(want, ESC_HTML, "%.1f", 1e300);
}

/* What printf would do wrong or dangerously is written as it stands, with
 * no more arguments read: never a crash. */
static void refused_check(const char *want, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	bool same;

	va_start(ap, fmt);
	esc_vformat(&b, ESC_HTML, fmt, ap);
	va_end(ap);
	same = strcmp(b.ptr, want) == 0;
	if (!same)
		print_error("format '%s' gave '%s', want '%s'\n", fmt, b.ptr, want);
	buf_release(&b);
	assert_true(same);
}

static void test_format_refused(void **state)
{
	int n = 0;

	UNUSED(state);
	/* Formats the compiler would refuse, as a format read at run time
	 * would be. */
	refused_check("a %n b %s", "a %n b %s", &n, "x");
	assert_int_equal(n, 0);
	refused_check("%p", "%p", (void *)0);
	refused_check("x %ls", "x %ls", (void *)0);
	refused_check("50%", "50%");
	refused_check("%q and %s", "%q and %s", "x");
	refused_check("1 %99999999999d", "%d %99999999999d", 1, 2);
	refused_check("%hs", "%hs", "x");
	refused_check("%Ld", "%Ld", 1);
}

static void test_format_width_on_strings(void **state)
{
	UNUSED(state);
	/* esc.h promises printf's widths; for %s they pad like printf. */
	fmt_check("   ab", ESC_HTML, "%5s", "ab");
	fmt_check("ab  |", ESC_HTML, "%-4s|", "ab");
	fmt_check("   ab", ESC_HTML, "%*s", 5, "ab");
}

static void test_format_modes(void **state)
{
	UNUSED(state);
	fmt_check("{\"title\":\"say \\\"hi\\\"\\n\",\"n\":3}", ESC_JSON,
		  "{\"title\":\"%s\",\"n\":%d}", "say \"hi\"\n", 3);
	fmt_check("\\u2028|\\ufffd|\\\\", ESC_JSON, "%s|%s|%c", "\xE2\x80\xA8",
		  "\xC3", '\\');
	fmt_check("/actions?q=a%20b%26c&n=5", ESC_URL, "/actions?q=%s&n=%d",
		  "a b&c", 5);
	fmt_check("/funds/7?year=2020%2F21", ESC_URL, "/funds/%lld?year=%s", 7LL,
		  "2020/21");
	fmt_check("%3C", ESC_URL, "%c", '<');
}

static void test_format_appends(void **state)
{
	struct buf b = BUF_INIT;

	UNUSED(state);
	buf_adds(&b, "<ul>");
	esc_format(&b, ESC_HTML, "<li>%s</li>", "a&b");
	esc_format(&b, ESC_HTML, "<li>%d</li>", 2);
	buf_adds(&b, "</ul>");
	assert_string_equal(b.ptr, "<ul><li>a&amp;b</li><li>2</li></ul>");
	buf_release(&b);

	/* A capped buffer overflows cleanly. */
	buf_init(&b, 8);
	esc_format(&b, ESC_HTML, "%s", "<<<");
	assert_true(b.overflow);
	assert_true(b.len <= 8);
	assert_int_equal(b.ptr[b.len], '\0');
	buf_release(&b);
}

/* Whatever goes in, HTML output is valid UTF-8 with no raw < > " ' and
 * no & that does not start one of the five entities. */
static void test_html_random(void **state)
{
	uint64_t x = 0x9E3779B97F4A7C15ull;

	UNUSED(state);
	for (int round = 0; round < 20000; round++) {
		char in[24];
		size_t n = (size_t)(round % 24);
		struct buf b = BUF_INIT, j = BUF_INIT;

		for (size_t i = 0; i < n; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			in[i] = (char)(x >> 24);
		}
		esc_add(&b, ESC_HTML, in, n);
		esc_add(&j, ESC_JSON, in, n);
		if (!utf8_valid(b.ptr, b.len) || !utf8_valid(j.ptr, j.len))
			fail_msg("output is not valid UTF-8 (round %d)", round);
		for (size_t i = 0; i < b.len; i++) {
			char c = b.ptr[i];

			assert_true(c != '<' && c != '>' && c != '"' && c != '\'');
			if (c == '&')
				assert_true(strncmp(b.ptr + i, "&amp;", 5) == 0 ||
					    strncmp(b.ptr + i, "&lt;", 4) == 0 ||
					    strncmp(b.ptr + i, "&gt;", 4) == 0 ||
					    strncmp(b.ptr + i, "&quot;", 6) == 0 ||
					    strncmp(b.ptr + i, "&#39;", 5) == 0);
		}
		for (size_t i = 0; i < j.len; i++)
			assert_true((unsigned char)j.ptr[i] >= 0x20 &&
				    j.ptr[i] != 0x7f);
		buf_release(&b);
		buf_release(&j);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_specials),
		cmocka_unit_test(test_html_utf8),
		cmocka_unit_test(test_html_controls),
		cmocka_unit_test(test_json_specials),
		cmocka_unit_test(test_json_unicode),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_format_strings),
		cmocka_unit_test(test_format_numbers),
		cmocka_unit_test(test_format_floats),
		cmocka_unit_test(test_format_refused),
		cmocka_unit_test(test_format_width_on_strings),
		cmocka_unit_test(test_format_modes),
		cmocka_unit_test(test_format_appends),
		cmocka_unit_test(test_html_random),
	};

	return cmocka_run_group_tests_name("esc", tests, NULL, NULL);
}
