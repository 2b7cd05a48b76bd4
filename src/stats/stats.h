/*
 * stats.h: the statistics safer states beside every claim it makes.
 *
 * Pure numbers in, numbers out: no SQL, no HTTP, no printing, no
 * allocation (every result goes into a struct or array the caller owns).
 * The methods are those UK public-health and police analysts use, and
 * every result names its method in plain words (a "method" string) so
 * that a report can print it beside the number:
 *
 *   proportions        Wilson score interval (PHE / OHID Fingertips)
 *   counts and rates   exact Poisson (Garwood) below 10 events, Byar's
 *                      method from 10 (PHEindicatormethods phe_rate)
 *   benchmarks         higher / similar / lower by the Fingertips rule
 *                      (benchmark outside the interval) or by interval
 *                      overlap, then better / worse by polarity
 *   two proportions    pooled two-proportion z-test, two-sided
 *   change             rate ratio of two periods with the exact
 *                      conditional binomial test and Clopper-Pearson
 *                      interval
 *   SPC                XmR chart with the Making Data Count rules, as
 *                      NHSRplotthedots computes them
 *   series helpers     rolling sums, year-on-year change, competition
 *                      ranking
 *
 * Confidence levels are fractions: 0.95 and 0.998 are the two in use
 * (Fingertips shows 95% and 99.8%); any level in (0, 1) is accepted.
 *
 * Errors: every function that can fail takes a struct err * last, fills
 * it with the offending field ("k", "n", "level", "values", ...) and
 * returns -1; output structs are then left unspecified.
 *
 * Distributions and quantiles come from the GNU Scientific Library.  GSL
 * aborts the program on a numerical error unless its handler is turned
 * off: call stats_init() once at start-up (main, tests).  Inputs are
 * validated so that GSL is only called inside its domain; a result that
 * still cannot be computed is reported as an error, never as a crash.
 */
#ifndef SAFER_STATS_H
#define SAFER_STATS_H

#include "base/base.h"
#include "base/err.h"

/* Turn off GSL's abort-on-error handler (process-wide).  Call once at
 * start-up, before any thread uses this module. */
void stats_init(void);

/* The standard normal quantile for a two-sided interval at the level:
 * z = Phi^-1(1 - (1 - level) / 2), e.g. 1.959964 for 0.95 and 3.090232
 * for 0.998.  level must be in (0, 1) (BUG() otherwise: callers check). */
double stats_z(double level);

/* Read a confidence level given as a percentage ("95", "99.8") or a
 * fraction ("0.95"): *level gets the fraction, which must be from 0.5
 * to below 1.  -1 if it is not one. */
int stats_level_parse(const char *s, double *level);

/* ------------------------------------------------------------------ */
/* Intervals                                                           */
/* ------------------------------------------------------------------ */

struct stats_interval {
	double value;       /* the estimate: a proportion (0..1) or a rate */
	double lower;       /* lower confidence limit */
	double upper;       /* upper confidence limit */
	double level;       /* confidence level, e.g. 0.95 */
	const char *method; /* e.g. "Wilson score interval"; static string */
};

/* Proportion k/n with its Wilson score interval (0 <= k <= n, n > 0). */
int stats_proportion(int64_t k, int64_t n, double level,
		     struct stats_interval *out, struct err *e);

/* Rate k / denominator * per (e.g. per 1,000 residents) with the
 * Fingertips interval: exact Poisson (Garwood) for k < 10, Byar's method
 * for k >= 10.  For the interval of a plain count pass denominator = 1,
 * per = 1. */
int stats_rate(int64_t k, double denominator, double per, double level,
	       struct stats_interval *out, struct err *e);

/* ------------------------------------------------------------------ */
/* Comparison with a benchmark                                         */
/* ------------------------------------------------------------------ */

/* Which way is good for an indicator. */
enum stats_polarity {
	STATS_POLARITY_NEITHER = 0,  /* no judgement: higher/lower only */
	STATS_POLARITY_HIGHER_BETTER,
	STATS_POLARITY_LOWER_BETTER,
};

/* How "significantly different from the benchmark" is decided. */
enum stats_compare_rule {
	/* Fingertips: higher if the value's lower limit is above the
	 * benchmark value, lower if its upper limit is below it. */
	STATS_RULE_BENCHMARK_OUTSIDE = 0,
	/* Two intervals: higher if the value's lower limit is above the
	 * benchmark's upper limit, lower if its upper limit is below the
	 * benchmark's lower limit (conservative). */
	STATS_RULE_OVERLAP,
};

enum stats_direction {
	STATS_NOT_COMPARED = 0, /* a limit or the benchmark is NaN */
	STATS_SIMILAR,
	STATS_HIGHER,
	STATS_LOWER,
};

enum stats_judgement {
	STATS_JUDGE_NOT_COMPARED = 0, /* no polarity, or not compared */
	STATS_JUDGE_SIMILAR,
	STATS_JUDGE_BETTER,
	STATS_JUDGE_WORSE,
};

struct stats_comparison {
	enum stats_direction direction;
	enum stats_judgement judgement;
	enum stats_compare_rule rule;
	double level;               /* the value's interval level */
	const char *direction_name; /* "higher", "similar", "lower", "not compared" */
	const char *judgement_name; /* "better", "similar", "worse", "not compared" */
	const char *method;         /* the rule in plain words */
};

/* Compare an estimate's interval with a benchmark.  For
 * STATS_RULE_BENCHMARK_OUTSIDE only benchmark->value is used; for
 * STATS_RULE_OVERLAP benchmark->lower and ->upper.  A limit exactly on
 * the benchmark counts as similar.  Polarity turns higher/lower into
 * better/worse; with STATS_POLARITY_NEITHER the judgement is "not
 * compared" unless the result is similar. */
int stats_compare_benchmark(const struct stats_interval *value,
			    const struct stats_interval *benchmark,
			    enum stats_compare_rule rule,
			    enum stats_polarity polarity,
			    struct stats_comparison *out, struct err *e);

/* The enums in plain words (static strings), as in the structs. */
const char *stats_direction_name(enum stats_direction d);
const char *stats_judgement_name(enum stats_judgement j);
const char *stats_rule_name(enum stats_compare_rule r);
const char *stats_polarity_name(enum stats_polarity p);

/* ------------------------------------------------------------------ */
/* Two independent proportions (an area's survey against its region's) */
/* ------------------------------------------------------------------ */

struct stats_ztest {
	double p1, p2;      /* k1/n1 and k2/n2 */
	double difference;  /* p1 - p2 */
	double z;           /* (p1 - p2) / pooled standard error */
	double p_value;     /* two-sided */
	double level;
	bool significant;   /* p_value < 1 - level */
	const char *method; /* "pooled two-proportion z-test, two-sided" */
};

/* Pooled two-proportion z-test of p1 = p2 (two independent samples). */
int stats_compare_proportions(int64_t k1, int64_t n1, int64_t k2, int64_t n2,
			      double level, struct stats_ztest *out,
			      struct err *e);

/* ------------------------------------------------------------------ */
/* Change between two periods ("burglary down 35%")                    */
/* ------------------------------------------------------------------ */

struct stats_change {
	double rate1, rate2;   /* k1/t1 (earlier) and k2/t2 (later) */
	double ratio;          /* rate2 / rate1; NAN when k1 = 0 */
	double lower, upper;   /* interval for the ratio; upper INFINITY when k1 = 0 */
	double percent;        /* 100 * (ratio - 1): -35 is "down 35%" */
	double percent_lower;  /* 100 * (lower - 1) */
	double percent_upper;  /* 100 * (upper - 1) */
	double p_value;        /* exact two-sided test of ratio = 1 */
	double level;
	bool significant;      /* p_value < 1 - level */
	const char *method;    /* the test, in plain words */
	const char *interval_method;
};

/* From k1 events over exposure t1 (the earlier period) to k2 over t2
 * (the later one; t = 1 for periods of equal length).  k1 + k2 may be at
 * most 1,000,000 (ERR_TOO_LARGE beyond: GSL's incomplete beta function
 * stops converging).  Zeros: k1 = 0 gives ratio and percent NAN (no
 * change can be stated from nothing) and upper INFINITY; k2 = 0 gives
 * ratio 0, lower 0 ("down 100%"); both 0 give p_value 1. */
int stats_change(int64_t k1, double t1, int64_t k2, double t2, double level,
		 struct stats_change *out, struct err *e);

/* ------------------------------------------------------------------ */
/* Statistical process control: XmR chart                              */
/* ------------------------------------------------------------------ */

/* The Making Data Count rules, as bits. */
enum stats_spc_rule {
	STATS_SPC_OUTSIDE_LIMITS = 1u << 0, /* beyond a process limit */
	STATS_SPC_TREND = 1u << 1,          /* 7 rising or 7 falling in a row */
	STATS_SPC_TWO_IN_THREE = 1u << 2,   /* 2 of 3 near a limit */
	STATS_SPC_SHIFT = 1u << 3,          /* 7 in a row on one side of the mean */
};

/* A point's variation class (the Making Data Count icon colours). */
enum stats_spc_class {
	STATS_SPC_COMMON_CAUSE = 0,
	STATS_SPC_IMPROVEMENT,
	STATS_SPC_CONCERN,
	STATS_SPC_NEUTRAL_HIGH, /* special cause, polarity NEITHER, high */
	STATS_SPC_NEUTRAL_LOW,
};

#define STATS_SPC_MAX_SEGMENTS 32

struct stats_spc_options {
	/* Points at the start of each segment used for its mean and
	 * limits ("fix after n points"); 0 = all of the segment. */
	size_t baseline;
	/* Indexes where a new segment starts (a rebase), strictly
	 * increasing, each in 1..n-1; at most STATS_SPC_MAX_SEGMENTS - 1. */
	const size_t *rebase_at;
	size_t n_rebase;
	/* Which direction is improvement: HIGHER_BETTER = "improvement up". */
	enum stats_polarity polarity;
	/* false (the default): moving ranges >= 3.267 x the average are
	 * left out and the average taken again. */
	bool no_screening;
	/* Run lengths; 0 = 7 (NHSRplotthedots fixes both at 7). */
	unsigned shift_length;
	unsigned trend_length;
};

struct stats_spc_point {
	double value;
	size_t segment;       /* 0, 1, ...: which rebase segment */
	double mean;          /* its segment's centre line */
	double lower_limit;   /* mean - 2.66 x average moving range */
	double upper_limit;   /* mean + 2.66 x average moving range */
	int side;             /* sign(value - mean): -1, 0 (on the mean), +1 */
	unsigned rules;       /* every rule the point is part of (bits) */
	enum stats_spc_rule type; /* the one rule reported, 0 if none */
	int direction;        /* +1 high or rising, -1 low or falling, 0 none */
	bool special;         /* rules != 0 */
	enum stats_spc_class class;
	const char *type_name;  /* e.g. "decreasing trend" */
	const char *class_name; /* e.g. "special cause improvement" */
};

struct stats_spc_segment {
	size_t start, n;        /* points start .. start + n - 1 */
	size_t baseline;        /* points used for mean and limits */
	double mean;
	double amr;             /* average moving range after screening */
	double lower_limit, upper_limit;
	size_t screened;        /* moving ranges left out */
	bool short_warning;     /* n < 13: NHSRplotthedots warns of trial limits */
};

struct stats_spc_result {
	size_t n_segments;
	struct stats_spc_segment segments[STATS_SPC_MAX_SEGMENTS];
	size_t n_special, n_improvement, n_concern;
	enum stats_spc_class last_class; /* the variation icon: last point's class */
	const char *method;     /* "XmR chart (Making Data Count rules)" */
};

/* XmR chart of values[0..n-1] (finite; n >= 2, each segment >= 2
 * points).  opt may be NULL for the defaults.  points_out has room for
 * n points.  A segment whose baseline moving ranges are all 0 (a
 * constant baseline) has NaN limits, as in R: no point is then outside
 * or close to them.  See stats_spc.c for the exact rules. */
int stats_spc(const double *values, size_t n,
	      const struct stats_spc_options *opt,
	      struct stats_spc_point *points_out,
	      struct stats_spc_result *out, struct err *e);

/* A rule (one bit) and a class in plain words (static strings). */
const char *stats_spc_rule_name(enum stats_spc_rule rule);
const char *stats_spc_class_name(enum stats_spc_class c);

/* ------------------------------------------------------------------ */
/* Series helpers                                                      */
/* ------------------------------------------------------------------ */

/* out[i] = values[i - window + 1] + ... + values[i]; NAN for i < window - 1
 * and for a window holding a NaN.  window >= 1 (12 for rolling 12-month
 * totals).  out may not overlap values. */
int stats_rolling_sum(const double *values, size_t n, size_t window,
		      double *out, struct err *e);

/* change[i] = values[i] - values[i - lag]; percent[i] = 100 * change[i]
 * / values[i - lag].  NAN for i < lag, NaN inputs, and a percent from a
 * base of 0.  lag >= 1 (12 for monthly series).  Either output may be
 * NULL. */
int stats_year_on_year(const double *values, size_t n, size_t lag,
		       double *change, double *percent, struct err *e);

#define STATS_RANK_METHOD "standard competition ranking (\"1224\")"

struct stats_rank {
	size_t rank; /* 1 + number of strictly better values; 0 for NaN */
	size_t ties; /* number of values equal to this one, itself included */
};

/* Rank values among peers, standard competition ranking ("1224": equal
 * values share the best rank, the next rank skips).  highest_first: the
 * largest value is ranked 1.  NaN values are not ranked. */
int stats_rank(const double *values, size_t n, bool highest_first,
	       struct stats_rank *out, struct err *e);

#endif
