/*
 * stats_spc.c: statistical process control, the XmR chart with the NHS
 * England "Making Data Count" rules, computed as the NHS-R Community's
 * NHSRplotthedots R package computes them (R/ptd_spc_standard.R and
 * R/ptd_calculate_point_type.R as of version 0.2.2 / 0.2.2.9000), so that
 * safer's charts agree with the ones NHS and council analysts already
 * publish.  The package fixes both run lengths at 7; here they are
 * options (default 7).
 *
 * For each segment (the series split at the rebase indexes):
 *
 *   baseline  the first opt->baseline points of the segment (all if 0);
 *   mean      mean of the baseline values;
 *   mr        moving ranges |y[i] - y[i-1]| between consecutive baseline
 *             points (b - 1 of them);
 *   amr       their mean; then, unless opt->no_screening, moving ranges
 *             that are not below 3.267 x amr are left out and amr is
 *             taken again over the rest (NaN when none is left, e.g. a
 *             constant baseline: limits are then NaN and no point is
 *             outside or close to them);
 *   limits    mean -/+ 2.66 amr; "close" lines mean -/+ 2 (2.66/3) amr.
 *
 * Every point of the segment, baseline or not, is then compared with its
 * segment's mean and limits.  A point's side is sign(y - mean): a point
 * exactly on the mean is on neither side and breaks a run.  Rules, each
 * looked for inside one segment only:
 *
 *   outside     y > upper limit or y < lower limit (strictly).
 *   shift       shift_length (7) consecutive points with the same
 *               non-zero side: every point of such a run is flagged.
 *   trend       trend_length (7) consecutive points each strictly higher
 *               (or each strictly lower) than the one before: every point
 *               of such a run is flagged, rising or falling alike.
 *   two-in-three  a window of 3 consecutive points, all on the same side
 *               of the mean, of which at least 2 are "close": beyond a
 *               close line but not outside the limits.  The close points
 *               of the window are flagged (not the third point; a point
 *               outside the limits does not count as close).
 *
 * The reported type is the first rule in the order outside, trend,
 * two-in-three, shift.  Its direction: for outside, two-in-three and
 * shift, +1 above the mean and -1 below; for a trend, the sign of the
 * step to the next point when that point is also in a trend, otherwise
 * of the step from the previous point, +1 only if that sign is +1
 * (NHSRplotthedots' "use right side" rule, issue #171).  The class is
 * improvement when direction agrees with the polarity, concern when it
 * does not, neutral high/low under STATS_POLARITY_NEITHER, and common
 * cause when no rule fired.
 */
#include <math.h>

#include "stats_internal.h"

#define SPC_LIMIT 2.66          /* 3 / d2, d2 = 1.128 for n = 2 */
#define SPC_SCREEN 3.267        /* D4 for n = 2: upper range limit */
#define SPC_DEFAULT_RUN 7u
#define SPC_SHORT 13            /* NHSRplotthedots' warning threshold */

const char *stats_spc_rule_name(enum stats_spc_rule rule)
{
	switch (rule) {
	case STATS_SPC_OUTSIDE_LIMITS:
		return "point outside the process limits";
	case STATS_SPC_TREND:
		return "trend: consecutive points each higher, or each lower, "
		       "than the one before";
	case STATS_SPC_TWO_IN_THREE:
		return "two of three consecutive points beyond two thirds of "
		       "the way to a process limit";
	case STATS_SPC_SHIFT:
		return "shift: consecutive points on one side of the mean";
	}
	return "common cause";
}

const char *stats_spc_class_name(enum stats_spc_class c)
{
	switch (c) {
	case STATS_SPC_COMMON_CAUSE: return "common cause";
	case STATS_SPC_IMPROVEMENT: return "special cause improvement";
	case STATS_SPC_CONCERN: return "special cause concern";
	case STATS_SPC_NEUTRAL_HIGH: return "special cause neutral high";
	case STATS_SPC_NEUTRAL_LOW: return "special cause neutral low";
	}
	return "common cause";
}

/* The words for a point's reported rule and direction. */
static const char *type_name(enum stats_spc_rule type, int direction)
{
	bool up = direction > 0;

	switch (type) {
	case STATS_SPC_OUTSIDE_LIMITS:
		return up ? "above the upper process limit"
			  : "below the lower process limit";
	case STATS_SPC_TREND:
		return up ? "increasing trend" : "decreasing trend";
	case STATS_SPC_TWO_IN_THREE:
		return up ? "two of three close to the upper limit"
			  : "two of three close to the lower limit";
	case STATS_SPC_SHIFT:
		return up ? "run above the mean" : "run below the mean";
	}
	return "common cause";
}

/* -1, 0 or +1. */
static int sign_of(double x)
{
	return x > 0.0 ? 1 : x < 0.0 ? -1 : 0;
}

/*
 * Mean of the moving ranges |y[i] - y[i-1]|, i = 1..b-1, that are below
 * cut (pass INFINITY for all of them), as R's mean(): a long double sum
 * divided by the count, then corrected by the mean of the residuals.
 * Sets *kept to the count; NAN when it is 0 (R: mean of nothing).
 */
static double mr_mean(const double *y, size_t b, double cut, size_t *kept)
{
	long double s = 0.0L, t = 0.0L;
	size_t i, k = 0;

	for (i = 1; i < b; i++) {
		double mr = fabs(y[i] - y[i - 1]);

		if (mr < cut) {
			s += mr;
			k++;
		}
	}
	*kept = k;
	if (k == 0)
		return NAN;
	s /= (long double)k;
	for (i = 1; i < b; i++) {
		double mr = fabs(y[i] - y[i - 1]);

		if (mr < cut)
			t += mr - s;
	}
	return (double)(s + t / (long double)k);
}

/* Mean of y[0..b-1], b > 0, the same way as mr_mean. */
static double mean_r(const double *y, size_t b)
{
	long double s = 0.0L, t = 0.0L;
	size_t i;

	for (i = 0; i < b; i++)
		s += y[i];
	s /= (long double)b;
	for (i = 0; i < b; i++)
		t += y[i] - s;
	return (double)(s + t / (long double)b);
}

/* A private bit in 'rules' while the rules are found: the point is
 * close to a limit (beyond a close line, not outside). */
#define CLOSE_BIT (1u << 30)

/* Set rule on points[from .. to]. */
static void mark(struct stats_spc_point *p, size_t from, size_t to,
		 unsigned rule)
{
	size_t i;

	for (i = from; i <= to; i++)
		p[i].rules |= rule;
}

/* Whether p is close to a limit (CLOSE_BIT), as 0 or 1. */
static int is_close(const struct stats_spc_point *p)
{
	return (p->rules & CLOSE_BIT) ? 1 : 0;
}

/*
 * The three run rules on one segment p[0..m-1], whose sides, values and
 * CLOSE_BITs are set.  A run of length >= L ending at i marks the L
 * points up to i; as i moves on, every point of a longer run is marked.
 */
static void find_runs(struct stats_spc_point *p, size_t m, size_t shift,
		      size_t trend)
{
	size_t i, j, run = 0, up = 0, down = 0;

	for (i = 0; i < m; i++) {
		if (p[i].side != 0 && i > 0 && p[i].side == p[i - 1].side)
			run++;
		else
			run = p[i].side != 0 ? 1 : 0;
		if (run >= shift)
			mark(p, i + 1 - shift, i, STATS_SPC_SHIFT);

		up = i > 0 && p[i].value > p[i - 1].value ? up + 1 : 1;
		down = i > 0 && p[i].value < p[i - 1].value ? down + 1 : 1;
		if (up >= trend || down >= trend)
			mark(p, i + 1 - trend, i, STATS_SPC_TREND);

		if (i >= 2 && p[i].side != 0 && p[i].side == p[i - 1].side &&
		    p[i].side == p[i - 2].side &&
		    is_close(&p[i - 2]) + is_close(&p[i - 1]) +
		    is_close(&p[i]) >= 2) {
			for (j = i - 2; j <= i; j++)
				if (is_close(&p[j]))
					p[j].rules |= STATS_SPC_TWO_IN_THREE;
		}
	}
}

/*
 * The reported type and direction of p[i] in its segment p[0..m-1]
 * (precedence and trend direction as described at the top).
 */
static void classify(struct stats_spc_point *p, size_t i, size_t m,
		     int polarity_sign)
{
	struct stats_spc_point *q = &p[i];
	int step;

	q->special = q->rules != 0;
	if (q->rules & STATS_SPC_OUTSIDE_LIMITS) {
		q->type = STATS_SPC_OUTSIDE_LIMITS;
		q->direction = q->side == 1 ? 1 : -1;
	} else if (q->rules & STATS_SPC_TREND) {
		q->type = STATS_SPC_TREND;
		if (i + 1 < m && (p[i + 1].rules & STATS_SPC_TREND))
			step = sign_of(p[i + 1].value - q->value);
		else
			step = i > 0 ? sign_of(q->value - p[i - 1].value) : 0;
		q->direction = step == 1 ? 1 : -1;
	} else if (q->rules & STATS_SPC_TWO_IN_THREE) {
		q->type = STATS_SPC_TWO_IN_THREE;
		q->direction = q->side > 0 ? 1 : -1;
	} else if (q->rules & STATS_SPC_SHIFT) {
		q->type = STATS_SPC_SHIFT;
		q->direction = q->side > 0 ? 1 : -1;
	} else {
		q->type = 0;
		q->direction = 0;
	}

	if (!q->special)
		q->class = STATS_SPC_COMMON_CAUSE;
	else if (polarity_sign == 0)
		q->class = q->direction > 0 ? STATS_SPC_NEUTRAL_HIGH
					    : STATS_SPC_NEUTRAL_LOW;
	else if (q->direction * polarity_sign > 0)
		q->class = STATS_SPC_IMPROVEMENT;
	else
		q->class = STATS_SPC_CONCERN;
	q->type_name = type_name(q->type, q->direction);
	q->class_name = stats_spc_class_name(q->class);
}

/* Check the options against n; fill the segment starts and lengths. */
static int check_options(size_t n, const struct stats_spc_options *opt,
			 struct stats_spc_result *out, struct err *e)
{
	size_t i, start = 0;

	if (opt->n_rebase > 0 && !opt->rebase_at)
		BUG("stats_spc: n_rebase without rebase_at");
	if (opt->n_rebase >= STATS_SPC_MAX_SEGMENTS)
		return err_set(e, ERR_TOO_LARGE, "rebase_at",
			       "too many rebases: %zu (at most %d)",
			       opt->n_rebase, STATS_SPC_MAX_SEGMENTS - 1);
	if (opt->baseline == 1)
		return err_set(e, ERR_INVALID, "baseline",
			       "baseline must be 0 (all points) or at least 2");
	if (opt->polarity != STATS_POLARITY_NEITHER &&
	    opt->polarity != STATS_POLARITY_HIGHER_BETTER &&
	    opt->polarity != STATS_POLARITY_LOWER_BETTER)
		return err_set(e, ERR_INVALID, "polarity",
			       "unknown polarity %d", (int)opt->polarity);
	if (opt->shift_length == 1 || opt->trend_length == 1)
		return err_set(e, ERR_INVALID,
			       opt->shift_length == 1 ? "shift_length"
						      : "trend_length",
			       "run length must be 0 (default 7) or at least 2");

	out->n_segments = opt->n_rebase + 1;
	for (i = 0; i <= opt->n_rebase; i++) {
		bool last = i == opt->n_rebase;
		size_t end = last ? n : opt->rebase_at[i];

		if (end <= start || (!last && end >= n))
			return err_set(e, ERR_INVALID, "rebase_at",
				       "rebase indexes must increase and lie "
				       "in 1..%zu: %zu", n - 1, end);
		if (end - start < 2)
			return err_set(e, ERR_INVALID, "rebase_at",
				       "each segment needs at least 2 points: "
				       "segment %zu has 1", i);
		out->segments[i].start = start;
		out->segments[i].n = end - start;
		start = end;
	}
	return 0;
}

/* One segment: mean, limits, sides, rules and classes of its points. */
static void do_segment(const double *y, struct stats_spc_segment *g,
		       struct stats_spc_point *q, size_t segment,
		       const struct stats_spc_options *opt, size_t shift,
		       size_t trend, int polarity_sign)
{
	const double close_step = 2.0 * (SPC_LIMIT / 3.0);
	double near_lower, near_upper;
	size_t i, b, kept;

	b = opt->baseline && opt->baseline < g->n ? opt->baseline : g->n;
	g->baseline = b;
	g->mean = mean_r(y, b);
	g->amr = mr_mean(y, b, INFINITY, &kept);
	g->screened = 0;
	if (!opt->no_screening) {
		g->amr = mr_mean(y, b, SPC_SCREEN * g->amr, &kept);
		g->screened = b - 1 - kept;
	}
	g->lower_limit = g->mean - SPC_LIMIT * g->amr;
	g->upper_limit = g->mean + SPC_LIMIT * g->amr;
	near_lower = g->mean - close_step * g->amr;
	near_upper = g->mean + close_step * g->amr;
	g->short_warning = g->n < SPC_SHORT;

	for (i = 0; i < g->n; i++) {
		struct stats_spc_point *pt = &q[i];
		bool outside = y[i] > g->upper_limit || y[i] < g->lower_limit;

		memset(pt, 0, sizeof(*pt));
		pt->value = y[i];
		pt->segment = segment;
		pt->mean = g->mean;
		pt->lower_limit = g->lower_limit;
		pt->upper_limit = g->upper_limit;
		pt->side = sign_of(y[i] - g->mean);
		if (outside)
			pt->rules |= STATS_SPC_OUTSIDE_LIMITS;
		else if (y[i] < near_lower || y[i] > near_upper)
			pt->rules |= CLOSE_BIT;
	}
	find_runs(q, g->n, shift, trend);
	for (i = 0; i < g->n; i++) {
		q[i].rules &= ~CLOSE_BIT;
		classify(q, i, g->n, polarity_sign);
	}
}

/*
 * See the comment at the top of this file.  values[0..n-1] must all be
 * finite; points_out has room for n points.  Allocates nothing.
 */
int stats_spc(const double *values, size_t n,
	      const struct stats_spc_options *opt,
	      struct stats_spc_point *points_out,
	      struct stats_spc_result *out, struct err *e)
{
	static const struct stats_spc_options defaults;
	size_t i, s, shift, trend;
	int polarity_sign;

	if (!opt)
		opt = &defaults;
	if (n > 0 && (!values || !points_out))
		BUG("stats_spc: NULL array");
	if (n < 2)
		return err_set(e, ERR_INVALID, "values",
			       "need at least 2 values for an XmR chart: %zu",
			       n);
	for (i = 0; i < n; i++)
		if (!isfinite(values[i]))
			return err_set(e, ERR_INVALID, "values",
				       "value %zu is not a finite number", i);
	memset(out, 0, sizeof(*out));
	if (check_options(n, opt, out, e))
		return -1;

	shift = opt->shift_length ? opt->shift_length : SPC_DEFAULT_RUN;
	trend = opt->trend_length ? opt->trend_length : SPC_DEFAULT_RUN;
	polarity_sign = opt->polarity == STATS_POLARITY_HIGHER_BETTER ? 1
		      : opt->polarity == STATS_POLARITY_LOWER_BETTER ? -1 : 0;
	out->method = "XmR chart (Making Data Count rules)";

	for (s = 0; s < out->n_segments; s++) {
		struct stats_spc_segment *g = &out->segments[s];

		do_segment(values + g->start, g, points_out + g->start, s,
			   opt, shift, trend, polarity_sign);
	}
	for (i = 0; i < n; i++) {
		out->n_special += points_out[i].special;
		out->n_improvement +=
			points_out[i].class == STATS_SPC_IMPROVEMENT;
		out->n_concern += points_out[i].class == STATS_SPC_CONCERN;
	}
	out->last_class = points_out[n - 1].class;
	return 0;
}
