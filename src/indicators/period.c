/*
 * period.c: reading period labels (see period.h).
 */
#include <ctype.h>
#include <strings.h>

#include "base/text.h"
#include "period.h"

static int days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29
									 : d[m - 1];
}

/* Write y-m-d as YYYY-MM-DD into out[11] (y 0-9999, m 1-12, d 1-31). */
static void put_date(char out[11], int y, int m, int d)
{
	unsigned uy = (unsigned)y % 10000, um = (unsigned)m % 100,
		 ud = (unsigned)d % 100;

	out[0] = (char)('0' + uy / 1000);
	out[1] = (char)('0' + uy / 100 % 10);
	out[2] = (char)('0' + uy / 10 % 10);
	out[3] = (char)('0' + uy % 10);
	out[4] = '-';
	out[5] = (char)('0' + um / 10);
	out[6] = (char)('0' + um % 10);
	out[7] = '-';
	out[8] = (char)('0' + ud / 10);
	out[9] = (char)('0' + ud % 10);
	out[10] = '\0';
}

/* Fill out with the months m1..m2 of year y1..y2. */
static void span(struct period *out, enum period_kind kind, int y1, int m1,
		 int y2, int m2)
{
	out->kind = kind;
	put_date(out->start, y1, m1, 1);
	put_date(out->end, y2, m2, days_in(y2, m2));
}

/* n digits at s as a number, or -1. */
static int num(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* A year at s (4 digits) within the years dates may have (1900-2199,
 * as text_date), or -1. */
static int year(const char *s)
{
	int y = num(s, 4);

	return y >= 1900 && y <= 2199 ? y : -1;
}

int period_parse(const char *s, struct period *out, const char *field,
		 struct err *e)
{
	size_t n = s ? strlen(s) : 0;
	int y, m, q, yy;

	memset(out, 0, sizeof(*out));
	if (n == 10 && text_date(s, NULL, NULL) == 0) {
		out->kind = PERIOD_DAY;
		memcpy(out->start, s, 11);
		memcpy(out->end, s, 11);
		return 0;
	}
	if (n == 7 && (y = year(s)) >= 0 && s[4] == '-' &&
	    (m = num(s + 5, 2)) >= 1 && m <= 12) {
		span(out, PERIOD_MONTH, y, m, y, m);
		return 0;
	}
	if (n == 4 && (y = year(s)) >= 0) {
		span(out, PERIOD_YEAR, y, 1, y, 12);
		return 0;
	}
	/* 2020 Q3, 2020-Q3 */
	if (n == 7 && (y = year(s)) >= 0 && (s[4] == ' ' || s[4] == '-') &&
	    (s[5] == 'Q' || s[5] == 'q') && (q = num(s + 6, 1)) >= 1 && q <= 4) {
		span(out, PERIOD_QUARTER, y, 3 * q - 2, y, 3 * q);
		return 0;
	}
	/* Q3 2020 */
	if (n == 7 && (s[0] == 'Q' || s[0] == 'q') && (q = num(s + 1, 1)) >= 1 &&
	    q <= 4 && s[2] == ' ' && (y = year(s + 3)) >= 0) {
		span(out, PERIOD_QUARTER, y, 3 * q - 2, y, 3 * q);
		return 0;
	}
	/* 2020/21 and 2020/21 Q2 */
	if (n >= 7 && (y = year(s)) >= 0 && y <= 2198 && s[4] == '/' &&
	    (yy = num(s + 5, 2)) == (y + 1) % 100) {
		if (n == 7) {
			span(out, PERIOD_FY, y, 4, y + 1, 3);
			return 0;
		}
		if (n == 10 && s[7] == ' ' && (s[8] == 'Q' || s[8] == 'q') &&
		    (q = num(s + 9, 1)) >= 1 && q <= 4) {
			int m1 = 3 * q + 1; /* Q1 April, Q2 July, Q3 October, Q4 January */

			if (q == 4)
				span(out, PERIOD_FY_QUARTER, y + 1, 1, y + 1, 3);
			else
				span(out, PERIOD_FY_QUARTER, y, m1, y, m1 + 2);
			return 0;
		}
	}
	return err_set(e, ERR_INVALID, field,
		       "'%s' is not a period safer knows (2020-07, 2020 Q3, "
		       "2020/21, 2020/21 Q2, 2020 or 2020-03-16); give "
		       "period_start and period_end for it",
		       s ? s : "");
}

int64_t period_day_number(const char *d)
{
	int64_t y = num(d, 4), m = num(d + 5, 2), day = num(d + 8, 2), era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

int period_days(const struct period *p)
{
	return (int)(period_day_number(p->end) - period_day_number(p->start) + 1);
}
