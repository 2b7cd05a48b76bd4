/*
 * fuzz_text.c: libFuzzer target for the text parsers of src/base/text.c:
 * UTF-8, whole numbers, money, dates, months and financial years.
 *
 * The input is decoded as UTF-8 from a buffer of exactly its size (reads
 * past the end are caught), checked against an independent decoder, and
 * then given as a NUL-terminated copy to every parser.  What a parser
 * accepts must satisfy its contract: numbers within their bounds, money
 * that formats and parses back to the same pence, dates that are real
 * and that text_add_date writes in words.
 */
#include <stdint.h>

#include "base/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An independent UTF-8 decoder: the length of the valid sequence at s,
 * or -1. */
static int ref_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c, min;
	int len;

	if (!n)
		return -1;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2;
		c = s[0] & 0x1Fu;
		min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3;
		c = s[0] & 0x0Fu;
		min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4;
		c = s[0] & 0x07u;
		min = 0x10000;
	} else {
		return -1;
	}
	if (n < (size_t)len)
		return -1;
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3Fu);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return len;
}

/* Returns the number of characters if s is valid UTF-8, else -1. */
static long check_utf8(const char *s, size_t n)
{
	bool valid = true;
	size_t i = 0, chars = 0;

	while (i < n) {
		uint32_t a = 0, b = 0;
		int k = utf8_decode(s + i, n - i, &a);
		int r = ref_decode((const unsigned char *)s + i, n - i, &b);

		if (k != r || (k > 0 && a != b))
			abort();
		if (k < 0 || a == 0) {
			valid = false;
			i++;
		} else {
			i += (size_t)k;
			chars++;
		}
	}
	if (utf8_valid(s, n) != valid)
		abort();
	return valid ? (long)chars : -1;
}

static void check_int(const char *s)
{
	static const int64_t bounds[][2] = {
		{ INT64_MIN, INT64_MAX }, { 1, INT64_MAX }, { 0, 10 }, { -5, 5 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(bounds); i++) {
		struct err e = ERR_INIT;
		int64_t v = 77;

		if (text_int64(s, bounds[i][0], bounds[i][1], &v, "n", &e) == 0) {
			char again[32];
			const char *p = s;
			uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

			if (v < bounds[i][0] || v > bounds[i][1] || e.code)
				abort();
			/* The text was the number, give or take a sign and
			 * leading zeros. */
			if ((v < 0 && *p != '-') || (v > 0 && *p == '-'))
				abort();
			if (*p == '+' || *p == '-')
				p++;
			while (*p == '0' && p[1])
				p++;
			snprintf(again, sizeof(again), "%llu", (unsigned long long)u);
			if (strcmp(p, again) != 0)
				abort();
		} else {
			if (e.code != ERR_INVALID || strcmp(e.field, "n") != 0 ||
			    v != 77)
				abort();
		}
	}
}

static void check_money(const char *s)
{
	struct err e = ERR_INIT;
	int64_t pence = -1, back = -1;
	struct buf b = BUF_INIT;

	if (text_money(s, &pence, "amount", &e) != 0) {
		if (e.code != ERR_INVALID || strcmp(e.field, "amount") != 0 ||
		    pence != -1)
			abort();
		return;
	}
	if (pence < 0 || pence > 100000000099LL)
		abort();
	text_add_money(&b, pence);
	if (!utf8_valid(b.ptr, b.len))
		abort();
	if (text_money(b.ptr, &back, "amount", &e) != 0 || back != pence)
		abort();
	buf_release(&b);
}

static void check_dates(const char *s)
{
	struct err e = ERR_INIT;
	struct buf b = BUF_INIT;
	bool date = text_date(s, "d", &e) == 0;
	bool month = strlen(s) == 7 && text_date_or_month(s, "d", NULL) == 0;
	bool either = text_date_or_month(s, "d", NULL) == 0;

	if (either != (date || month))
		abort();
	if (date && strlen(s) != 10)
		abort();
	if (!date && (e.code != ERR_INVALID || strcmp(e.field, "d") != 0))
		abort();
	text_add_date(&b, s);
	if (date || month) {
		static const char *const months[] = {
			"January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November",
			"December",
		};
		bool named = false;

		/* Written in words: no dashes, and a month name. */
		for (size_t i = 0; i < ARRAY_SIZE(months); i++)
			named |= strstr(b.ptr, months[i]) != NULL;
		if (strchr(b.ptr, '-') || !named)
			abort();
		if (strncmp(b.ptr + b.len - 4, s, 4) != 0)
			abort();
	} else if (strcmp(b.ptr, s) != 0) {
		abort();
	}
	buf_release(&b);

	if (text_financial_year(s, "year", NULL) == 0) {
		int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
			(s[3] - '0');
		int yy = (s[5] - '0') * 10 + (s[6] - '0');

		if (strlen(s) != 7 || s[4] != '/' || (y + 1) % 100 != yy ||
		    y < 1900 || y > 2198)
			abort();
	}
}

static void check_lines(const char *s)
{
	struct err e = ERR_INIT;
	bool line = text_check_line(s, "f", 50, true, &e) == 0;
	bool block = text_check_block(s, "f", 50, true, NULL) == 0;
	char *copy = xstrdup(s), *t;

	if (!copy)
		abort();
	if (line && !block)
		abort();
	if (line && (strchr(s, '\n') || strchr(s, '\r') || text_blank(s) ||
		     utf8_length(s) > 50))
		abort();
	if (!line && (e.code != ERR_INVALID || strcmp(e.field, "f") != 0))
		abort();
	t = text_trim(copy);
	if (text_blank(s) != (*t == '\0'))
		abort();
	if (*t && (t[0] == ' ' || t[strlen(t) - 1] == ' '))
		abort();
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *exact = xmalloc(size ? size : 1);
	char *s = xmalloc(size + 1);
	long chars;

	if (!exact || !s)
		abort();

	memcpy(exact, data, size);
	chars = check_utf8(exact, size);
	memcpy(s, data, size);
	s[size] = '\0';
	if (chars >= 0 && utf8_length(s) != (size_t)chars)
		abort();
	check_int(s);
	check_money(s);
	check_dates(s);
	check_lines(s);
	free(exact);
	free(s);
	return 0;
}
