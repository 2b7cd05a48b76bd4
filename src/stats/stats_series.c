/*
 * stats_series.c: helpers on series of numbers that reports need beside
 * the tests proper: rolling totals ("12 months to March"), year-on-year
 * change, and the rank of an area among its peers ("3rd highest in GM").
 */
#include <math.h>

#include "stats_internal.h"

/*
 * out[i] = sum of values[i - window + 1 .. i] for i >= window - 1, each
 * window summed afresh (no running total, so no drift); NAN before the
 * first full window and for any window holding a NaN.  O(n * window).
 */
int stats_rolling_sum(const double *values, size_t n, size_t window,
		      double *out, struct err *e)
{
	size_t i, j;

	if (window == 0)
		return err_set(e, ERR_INVALID, "window",
			       "window must be at least 1");
	if (n > 0 && (!values || !out))
		BUG("stats_rolling_sum: NULL array");
	for (i = 0; i < n; i++) {
		double s = 0.0;

		if (i + 1 < window) {
			out[i] = NAN;
			continue;
		}
		for (j = i + 1 - window; j <= i; j++)
			s += values[j];
		out[i] = s;
	}
	return 0;
}

/*
 * change[i] = values[i] - values[i - lag] and percent[i] = 100 *
 * (values[i] - values[i - lag]) / values[i - lag] for i >= lag; NAN for
 * i < lag, when either value is NaN, and (percent only) when the base
 * values[i - lag] is 0.
 */
int stats_year_on_year(const double *values, size_t n, size_t lag,
		       double *change, double *percent, struct err *e)
{
	size_t i;

	if (lag == 0)
		return err_set(e, ERR_INVALID, "lag", "lag must be at least 1");
	if (n > 0 && !values)
		BUG("stats_year_on_year: NULL array");
	for (i = 0; i < n; i++) {
		double d = NAN, pc = NAN;

		if (i >= lag) {
			double base = values[i - lag];

			d = values[i] - base;
			if (base != 0.0 && !isnan(d))
				pc = 100.0 * d / base;
		}
		if (change)
			change[i] = d;
		if (percent)
			percent[i] = pc;
	}
	return 0;
}

/*
 * Standard competition ranking ("1224"): rank = 1 + the number of
 * non-NaN values strictly better (larger if highest_first, else
 * smaller); ties = the number of non-NaN values equal to this one,
 * itself included.  NaN values get rank 0 and ties 0.  O(n^2), meant for
 * peer groups of tens to hundreds of areas.
 */
int stats_rank(const double *values, size_t n, bool highest_first,
	       struct stats_rank *out, struct err *e)
{
	size_t i, j;

	UNUSED(e);
	if (n > 0 && (!values || !out))
		BUG("stats_rank: NULL array");
	for (i = 0; i < n; i++) {
		size_t better = 0, equal = 0;

		out[i].rank = 0;
		out[i].ties = 0;
		if (isnan(values[i]))
			continue;
		for (j = 0; j < n; j++) {
			if (isnan(values[j]))
				continue;
			if (values[j] == values[i])
				equal++;
			else if (highest_first ? values[j] > values[i]
					       : values[j] < values[i])
				better++;
		}
		out[i].rank = better + 1;
		out[i].ties = equal;
	}
	return 0;
}
