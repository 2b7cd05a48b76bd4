/*
 * test_ical.c: unit tests of src/base/ical.c: escaping of text, folding
 * at 75 octets never inside a UTF-8 sequence, CRLF line ends, timed and
 * all-day events (the day after the last of a month, a leap year), bad
 * dates and times refused.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/ical.h"
#include "base/text.h"

static void test_escape(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	ical_line(&b, "SUMMARY", "a\\b;c,d\ne\r\nf", true);
	assert_string_equal(b.ptr, "SUMMARY:a\\\\b\\;c\\,d\\ne\\nf\r\n");
	buf_reset(&b);
	ical_line(&b, "URL", "http://x/a;b,c", false);
	assert_string_equal(b.ptr, "URL:http://x/a;b,c\r\n");
	buf_release(&b);
}

/* Every line at most 75 octets, each ending CRLF, continuations starting
 * with one space, and unfolding gives back the line. */
static void check_folded(const char *s, const char *unfolded)
{
	struct buf u = BUF_INIT;
	const char *p = s;

	while (*p) {
		const char *end = strstr(p, "\r\n");

		assert_non_null(end);
		assert_true(end - p <= 75);
		if (p != s) {
			assert_true(*p == ' ');
			buf_add(&u, p + 1, (size_t)(end - p - 1));
		} else {
			buf_add(&u, p, (size_t)(end - p));
		}
		/* No line starts with a UTF-8 continuation byte. */
		assert_false(((unsigned char)p[p == s ? 0 : 1] & 0xC0) == 0x80);
		p = end + 2;
	}
	assert_string_equal(u.ptr, unfolded);
	buf_release(&u);
}

static void test_fold(void **state)
{
	struct buf b = BUF_INIT, want = BUF_INIT;

	(void)state;
	for (int n = 0; n < 200; n++) {
		struct buf v = BUF_INIT;

		for (int i = 0; i < n; i++)
			buf_adds(&v, i % 3 ? "é" : "a"); /* two octets and one */
		buf_reset(&b);
		ical_line(&b, "DESCRIPTION", v.ptr, true);
		assert_true(utf8_valid(b.ptr, b.len) || n == 0);
		buf_reset(&want);
		buf_printf(&want, "DESCRIPTION:%s", v.ptr);
		check_folded(b.ptr, want.ptr);
		buf_release(&v);
	}
	buf_release(&b);
	buf_release(&want);
}

static void test_events(void **state)
{
	struct buf b = BUF_INIT;
	struct ical_event ev = {
		.uid = "meeting-7@safer", .dtstamp = "2024-05-01T10:20:30Z",
		.date = "2024-06-18", .time = "18:30", .summary = "Scrutiny",
		.location = "Room 1, Town Hall", .status = "CANCELLED",
	};

	(void)state;
	ical_begin(&b, "Meetings");
	assert_int_equal(ical_event(&b, &ev), 0);
	ical_end(&b);
	assert_non_null(strstr(b.ptr, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(b.ptr, "TZID:Europe/London\r\n"));
	assert_non_null(strstr(b.ptr, "UID:meeting-7@safer\r\n"));
	assert_non_null(strstr(b.ptr, "DTSTAMP:20240501T102030Z\r\n"));
	assert_non_null(strstr(b.ptr, "DTSTART;TZID=Europe/London:20240618T183000\r\n"));
	assert_non_null(strstr(b.ptr, "DURATION:PT2H0M\r\n"));
	assert_non_null(strstr(b.ptr, "LOCATION:Room 1\\, Town Hall\r\n"));
	assert_non_null(strstr(b.ptr, "STATUS:CANCELLED\r\n"));
	assert_non_null(strstr(b.ptr, "END:VEVENT\r\nEND:VCALENDAR\r\n"));

	buf_reset(&b);
	ev.time = NULL;
	ev.date = "2024-02-29";
	assert_int_equal(ical_event(&b, &ev), 0);
	assert_non_null(strstr(b.ptr, "DTSTART;VALUE=DATE:20240229\r\n"));
	assert_non_null(strstr(b.ptr, "DTEND;VALUE=DATE:20240301\r\n"));
	buf_reset(&b);
	ev.date = "2024-12-31";
	assert_int_equal(ical_event(&b, &ev), 0);
	assert_non_null(strstr(b.ptr, "DTEND;VALUE=DATE:20250101\r\n"));

	buf_reset(&b);
	ev.date = "2023-02-29";
	assert_int_equal(ical_event(&b, &ev), -1);
	ev.date = "2024-06-18";
	ev.time = "24:00";
	assert_int_equal(ical_event(&b, &ev), -1);
	ev.time = "9:30";
	assert_int_equal(ical_event(&b, &ev), -1);
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_events),
	};

	return cmocka_run_group_tests_name("ical", tests, NULL, NULL);
}
