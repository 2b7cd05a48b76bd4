/*
 * period.h: the periods indicator values belong to.
 *
 * Analysts write periods many ways; safer reads the common ones and keeps
 * each as its label ("2020/21") with the dates it covers:
 *
 *   2020-07        a month
 *   2020 Q3        a calendar quarter (also 2020-Q3, Q3 2020)
 *   2020/21        a financial year, April to March
 *   2020/21 Q2     a quarter of a financial year (Q1 is April to June)
 *   2020           a calendar year
 *   2020-03-16     a day (for weekly figures: the week's first day)
 *
 * Anything else (a survey wave, "Year ending March 2019") needs its first
 * and last days given.
 */
#ifndef SAFER_PERIOD_H
#define SAFER_PERIOD_H

#include "base/err.h"

enum period_kind { PERIOD_OTHER, PERIOD_DAY, PERIOD_MONTH, PERIOD_QUARTER,
		   PERIOD_FY_QUARTER, PERIOD_YEAR, PERIOD_FY };

struct period {
	enum period_kind kind;
	char start[11]; /* YYYY-MM-DD */
	char end[11];
};

/* Read a period label; -1 (with e naming field) if it is none of the
 * forms above. */
int period_parse(const char *s, struct period *out, const char *field,
		 struct err *e);

/* The length of a period in days (end - start + 1). */
int period_days(const struct period *p);

/* Days from 1970-01-01 of a YYYY-MM-DD date (valid dates only). */
int64_t period_day_number(const char *date);

#endif
