/*
 * text.c: checking and converting the text people type (see text.h).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <time.h>

#include "text.h"

int utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	int len;

	if (!n)
		return -1;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		len = 2;
		c = u[0] & 0x1Fu;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		len = 3;
		c = u[0] & 0x0Fu;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		len = 4;
		c = u[0] & 0x07u;
	} else {
		return -1;
	}
	if (n < (size_t)len)
		return -1;
	for (int i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3Fu);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return len;
}

bool utf8_valid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);

		if (k < 0 || cp == 0)
			return false;
		i += (size_t)k;
	}
	return true;
}

size_t utf8_length(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static int check_text(const char *s, const char *field, size_t max,
		      bool required, bool multiline, struct err *e)
{
	size_t n;

	if (!s || text_blank(s)) {
		if (required)
			return err_set(e, ERR_INVALID, field, "must not be empty");
		return 0;
	}
	n = strlen(s);
	if (!utf8_valid(s, n))
		return err_set(e, ERR_INVALID, field, "is not valid UTF-8 text");
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == 0x7f || (c < 0x20 && c != '\t' &&
				  !(multiline && (c == '\n' || c == '\r'))))
			return err_set(e, ERR_INVALID, field,
				       "must not contain control characters");
	}
	if (utf8_length(s) > max)
		return err_set(e, ERR_INVALID, field,
			       "must be %zu characters or fewer", max);
	return 0;
}

int text_check_line(const char *s, const char *field, size_t max,
		    bool required, struct err *e)
{
	return check_text(s, field, max, required, false, e);
}

int text_check_block(const char *s, const char *field, size_t max,
		     bool required, struct err *e)
{
	return check_text(s, field, max, required, true, e);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *text_trim(char *s)
{
	char *end;

	while (is_space(*s))
		s++;
	end = s + strlen(s);
	while (end > s && is_space(end[-1]))
		end--;
	*end = '\0';
	return s;
}

bool text_blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!is_space(*s))
			return false;
	return true;
}

int text_int64(const char *s, int64_t min, int64_t max, int64_t *out,
	       const char *field, struct err *e)
{
	char *end;
	long long v;

	if (!s || !*s)
		return err_set(e, ERR_INVALID, field, "must be a whole number");
	if (!(isdigit((unsigned char)s[0]) ||
	      ((s[0] == '-' || s[0] == '+') && isdigit((unsigned char)s[1]))))
		return err_set(e, ERR_INVALID, field, "must be a whole number");
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*end)
		return err_set(e, ERR_INVALID, field, "must be a whole number");
	if (errno == ERANGE || v < min || v > max)
		return err_set(e, ERR_INVALID, field,
			       "must be between %lld and %lld",
			       (long long)min, (long long)max);
	*out = (int64_t)v;
	return 0;
}

/* Largest amount accepted: a thousand million pounds. */
#define MONEY_MAX_POUNDS 1000000000LL

int text_money(const char *s, int64_t *pence, const char *field,
	       struct err *e)
{
	const char *p = s;
	int64_t pounds = 0, frac = 0;
	int digits = 0, group = -1, fd = 0;
	const char *msg = "must be an amount in pounds, like 218973 or 1,250.50";

	if (!s)
		return err_set(e, ERR_INVALID, field, "%s", msg);
	if (strncmp(p, "\xC2\xA3", 2) == 0) /* £ */
		p += 2;
	if (*p == '-')
		return err_set(e, ERR_INVALID, field, "must not be negative");
	if (!isdigit((unsigned char)*p))
		return err_set(e, ERR_INVALID, field, "%s", msg);
	for (; *p && *p != '.'; p++) {
		if (*p == ',') {
			/* A comma must follow 1-3 digits first, then exactly 3. */
			if ((group < 0 && (digits < 1 || digits > 3)) ||
			    (group >= 0 && group != 3))
				return err_set(e, ERR_INVALID, field, "%s", msg);
			group = 0;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			return err_set(e, ERR_INVALID, field, "%s", msg);
		pounds = pounds * 10 + (*p - '0');
		if (pounds > MONEY_MAX_POUNDS)
			return err_set(e, ERR_INVALID, field,
				       "must be at most \xC2\xA3%lld",
				       (long long)MONEY_MAX_POUNDS);
		digits++;
		if (group >= 0)
			group++;
	}
	if (group >= 0 && group != 3)
		return err_set(e, ERR_INVALID, field, "%s", msg);
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p) && fd < 2) {
			frac = frac * 10 + (*p++ - '0');
			fd++;
		}
		if (fd == 0 || *p)
			return err_set(e, ERR_INVALID, field, "%s", msg);
		if (fd == 1)
			frac *= 10;
	}
	*pence = pounds * 100 + frac;
	return 0;
}

/* The n digits at digits with a comma before each group of three from
 * the right: "1234567" -> "1,234,567". */
static void add_grouped_digits(struct buf *b, const char *digits, size_t n)
{
	size_t lead = n % 3 ? n % 3 : 3;

	if (n == 0)
		return;
	buf_add(b, digits, lead);
	for (size_t i = lead; i < n; i += 3) {
		buf_addc(b, ',');
		buf_add(b, digits + i, 3);
	}
}

/* u with thousands separators. */
static void text_add_grouped_unsigned(struct buf *b, uint64_t u)
{
	char digits[32];
	int len = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)u);

	add_grouped_digits(b, digits, (size_t)len);
}

void text_add_grouped(struct buf *b, int64_t n)
{
	uint64_t u = (uint64_t)n;

	if (n < 0) {
		buf_addc(b, '-');
		u = 0 - u; /* well defined for INT64_MIN too */
	}
	text_add_grouped_unsigned(b, u);
}

void text_add_number(struct buf *b, double v, int decimals)
{
	/* The longest "%.*f" of a double: 309 digits of DBL_MAX, a sign, a
	 * point and the decimals. */
	char tmp[320 + TEXT_MAX_DECIMALS];
	const char *digits, *dot;
	bool zero = true;

	if (!isfinite(v)) {
		buf_adds(b, "not known");
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > TEXT_MAX_DECIMALS)
		decimals = TEXT_MAX_DECIMALS;
	/* printf writes every digit of the value, correctly rounded; nothing
	 * is cast to an integer, so no magnitude is out of range. */
	snprintf(tmp, sizeof(tmp), "%.*f", decimals, v);
	digits = tmp[0] == '-' ? tmp + 1 : tmp;
	for (const char *p = digits; *p; p++)
		if (*p >= '1' && *p <= '9')
			zero = false;
	if (tmp[0] == '-' && !zero)
		buf_addc(b, '-'); /* -0.001 to one place is "0.0", not "-0.0" */
	dot = strchr(digits, '.');
	add_grouped_digits(b, digits, dot ? (size_t)(dot - digits) : strlen(digits));
	if (dot)
		buf_adds(b, dot);
}

void text_add_money(struct buf *b, int64_t pence)
{
	uint64_t u = (uint64_t)pence;

	if (pence < 0) {
		buf_addc(b, '-');
		u = 0 - u;
	}
	buf_adds(b, "\xC2\xA3");
	text_add_grouped_unsigned(b, u / 100);
	if (u % 100)
		buf_printf(b, ".%02d", (int)(u % 100));
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Read exactly n digits at s into *v. */
static bool digits_at(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

static bool valid_month(const char *s, int *y, int *m)
{
	return digits_at(s, 4, y) && s[4] == '-' && digits_at(s + 5, 2, m) &&
	       *y >= 1900 && *y <= 2199 && *m >= 1 && *m <= 12;
}

int text_date(const char *s, const char *field, struct err *e)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || !valid_month(s, &y, &m) || s[7] != '-' ||
	    !digits_at(s + 8, 2, &d) || d < 1 || d > days_in(y, m))
		return err_set(e, ERR_INVALID, field,
			       "must be a real date written YYYY-MM-DD");
	return 0;
}

int text_date_or_month(const char *s, const char *field, struct err *e)
{
	int y, m;

	if (s && strlen(s) == 7 && valid_month(s, &y, &m))
		return 0;
	if (s && strlen(s) == 10 && text_date(s, field, NULL) == 0)
		return 0;
	return err_set(e, ERR_INVALID, field,
		       "must be a date written YYYY-MM-DD or a month YYYY-MM");
}

int text_financial_year(const char *s, const char *field, struct err *e)
{
	int y, yy;

	if (!s || strlen(s) != 7 || !digits_at(s, 4, &y) || s[4] != '/' ||
	    !digits_at(s + 5, 2, &yy) || y < 1900 || y > 2198 ||
	    (y + 1) % 100 != yy)
		return err_set(e, ERR_INVALID, field,
			       "must be a financial year written like 2020/21");
	return 0;
}

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

void text_add_date(struct buf *b, const char *date)
{
	int y, m, d;

	if (!date)
		return;
	if (strlen(date) == 7 && valid_month(date, &y, &m)) {
		buf_printf(b, "%s %d", month_names[m - 1], y);
		return;
	}
	if (strlen(date) == 10 && text_date(date, NULL, NULL) == 0 &&
	    valid_month(date, &y, &m) && digits_at(date + 8, 2, &d)) {
		buf_printf(b, "%d %s %d", d, month_names[m - 1], y);
		return;
	}
	buf_adds(b, date);
}

void text_today(char out[11])
{
	const char *env = getenv("SAFER_TODAY");
	time_t t;
	struct tm tm;

	if (env && text_date(env, NULL, NULL) == 0) {
		memcpy(out, env, 11);
		return;
	}
	t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

void text_now(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---------------------------------------------------------------------
 * Area names
 */

/* Walks an area name giving the characters of its key (text.h): words
 * in lower case, one space between them, "&" as "and", apostrophes
 * dropped. */
struct area_cursor {
	const char *s;       /* the rest of the name */
	const char *pending; /* the rest of an "and" given for "&" */
	bool brk;            /* a word break is due before the next word */
	int last;            /* the last character given; 0 before the first */
};

static bool area_separator(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-' ||
	       c == '.' || c == ',';
}

/* The next character of the key, or 0 at its end. */
static int area_next(struct area_cursor *c)
{
	for (;;) {
		int ch;

		if (c->pending) {
			ch = (unsigned char)*c->pending++;
			if (!*c->pending) {
				c->pending = NULL;
				c->brk = true;
			}
			return c->last = ch;
		}
		ch = (unsigned char)*c->s;
		if (!ch)
			return 0;
		if (ch == '\'') {
			c->s++;
			continue;
		}
		if (ch == 0xE2 && (unsigned char)c->s[1] == 0x80 &&
		    (unsigned char)c->s[2] == 0x99) { /* U+2019, ’ */
			c->s += 3;
			continue;
		}
		if (area_separator(ch)) {
			c->s++;
			c->brk = true;
			continue;
		}
		/* One space between words, none before the first; "&" is a
		 * word of its own even when written "Brighton&Hove". */
		if ((c->brk || ch == '&') && c->last && c->last != ' ') {
			c->brk = false;
			return c->last = ' ';
		}
		c->brk = false;
		c->s++;
		if (ch == '&') {
			c->pending = "nd";
			return c->last = 'a';
		}
		return c->last = ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
	}
}

bool text_same_area(const char *a, const char *b)
{
	struct area_cursor x = { a ? a : "", NULL, false, 0 };
	struct area_cursor y = { b ? b : "", NULL, false, 0 };
	int cx, cy;

	if (!a || !b)
		return false;
	do {
		cx = area_next(&x);
		cy = area_next(&y);
		if (cx != cy)
			return false;
	} while (cx);
	return true;
}

void text_add_area_key(struct buf *b, const char *name)
{
	struct area_cursor c = { name ? name : "", NULL, false, 0 };
	int ch;

	while ((ch = area_next(&c)))
		buf_addc(b, (char)ch);
}
