/*
 * test_stats.c: unit tests of src/stats/.
 *
 * Every statistic is compared with an independent reference computed by
 * scipy / statsmodels (tests/reference/stats_reference.py, which writes
 * stats_reference.h) to a relative tolerance of REL (absolute ABS near
 * 0), at both levels in use (95% and 99.8%); published worked examples
 * are checked at their published precision; the XmR chart is checked
 * against a Python transcription of NHSRplotthedots and on small
 * series whose flags can be checked by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include <gsl/gsl_cdf.h>

#include "stats/stats.h"
#include "stats_reference.h"

/* Tolerances against the reference: relative, and absolute for values
 * within ABS of 0 (statsmodels leaves 3e-17 where the limit is 0). */
#define REL 1e-8
#define ABS 1e-12

/* Whether got agrees with want: both NaN, equal infinities, or within
 * REL relative / ABS absolute. */
static bool agrees(double got, double want)
{
	if (isnan(want) || isnan(got))
		return isnan(want) && isnan(got);
	if (isinf(want) || isinf(got))
		return got == want;
	return fabs(got - want) <= REL * fabs(want) || fabs(got - want) <= ABS;
}

static void check_num(double got, double want, const char *what,
		      size_t row)
{
	if (!agrees(got, want))
		fail_msg("%s (case %zu): got %.17g, want %.17g (rel err %.3g)",
			 what, row, got, want,
			 want != 0.0 ? fabs(got - want) / fabs(want) : fabs(got));
}

/* Within an absolute tolerance (published values, given to a few
 * decimals). */
static void check_abs(double got, double want, double tol, const char *what)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("%s: got %.10g, want %.10g +/- %g", what, got, want,
			 tol);
}

/* ------------------------------------------------------------------ */
/* Proportions                                                         */
/* ------------------------------------------------------------------ */

static void test_proportion_reference(void **state)
{
	size_t i;

	UNUSED(state);
	for (i = 0; i < ARRAY_SIZE(ref_proportions); i++) {
		const struct ref_proportion *r = &ref_proportions[i];
		struct stats_interval ci;
		struct err e = ERR_INIT;

		assert_int_equal(stats_proportion(r->k, r->n, r->level, &ci, &e),
				 0);
		check_num(ci.value, r->value, "proportion value", i);
		check_num(ci.lower, r->lower, "wilson lower", i);
		check_num(ci.upper, r->upper, "wilson upper", i);
		assert_true(ci.level == r->level);
		assert_string_equal(ci.method, "Wilson score interval");
		assert_true(ci.lower >= 0.0 && ci.upper <= 1.0);
	}
}

/* Newcombe RG. Two-sided confidence intervals for the single
 * proportion: comparison of seven methods. Stat Med 1998;17:857-872,
 * Table II, method 3 (Wilson score), 95%, given to 4 decimals. */
static void test_proportion_published(void **state)
{
	static const struct {
		int64_t k, n;
		double lower, upper;
	} newcombe[] = {
		{ 81, 263, 0.2553, 0.3662 },
		{ 15, 148, 0.0624, 0.1605 },
		{ 0, 20, 0.0000, 0.1611 },
		{ 1, 29, 0.0061, 0.1718 },
	};
	size_t i;

	UNUSED(state);
	for (i = 0; i < ARRAY_SIZE(newcombe); i++) {
		struct stats_interval ci;

		assert_int_equal(stats_proportion(newcombe[i].k, newcombe[i].n,
						  0.95, &ci, NULL), 0);
		check_abs(ci.lower, newcombe[i].lower, 5e-5, "newcombe lower");
		check_abs(ci.upper, newcombe[i].upper, 5e-5, "newcombe upper");
	}
}

static void test_proportion_errors(void **state)
{
	struct stats_interval ci;
	struct err e = ERR_INIT;

	UNUSED(state);
	assert_int_equal(stats_proportion(1, 0, 0.95, &ci, &e), -1);
	assert_string_equal(e.field, "n");
	assert_int_equal(e.code, ERR_INVALID);
	assert_int_equal(stats_proportion(-1, 10, 0.95, &ci, &e), -1);
	assert_string_equal(e.field, "k");
	assert_int_equal(stats_proportion(11, 10, 0.95, &ci, &e), -1);
	assert_string_equal(e.field, "k");
	assert_int_equal(stats_proportion(1, 10, 1.0, &ci, &e), -1);
	assert_string_equal(e.field, "level");
	assert_int_equal(stats_proportion(1, 10, 0.0, &ci, &e), -1);
	assert_string_equal(e.field, "level");
	assert_int_equal(stats_proportion(1, 10, NAN, &ci, &e), -1);
	assert_string_equal(e.field, "level");
	assert_int_equal(stats_proportion(1, 10, 95.0, &ci, &e), -1);
	assert_string_equal(e.field, "level");
	/* a NULL err is allowed */
	assert_int_equal(stats_proportion(1, 0, 0.95, &ci, NULL), -1);
}

/* ------------------------------------------------------------------ */
/* Counts and rates                                                    */
/* ------------------------------------------------------------------ */

static void test_rate_reference(void **state)
{
	size_t i;

	UNUSED(state);
	for (i = 0; i < ARRAY_SIZE(ref_rates); i++) {
		const struct ref_rate *r = &ref_rates[i];
		struct stats_interval ci;
		struct err e = ERR_INIT;

		assert_int_equal(stats_rate(r->k, r->denominator, r->per,
					    r->level, &ci, &e), 0);
		check_num(ci.value, r->value, "rate value", i);
		check_num(ci.lower, r->lower, "rate lower", i);
		check_num(ci.upper, r->upper, "rate upper", i);
		assert_string_equal(ci.method, r->method ? "Byar's method"
							 : "exact Poisson (Garwood)");
	}
}

/* Exact Poisson 95% limits as tabulated (Garwood 1936; e.g. Documenta
 * Geigy Scientific Tables), to 3 decimals; and the PHE Technical Guide
 * "Confidence intervals" (2018), Appendix 1: for 95% intervals Byar's
 * method is within 0.2% of the exact value for counts of 10 or more. */
static void test_rate_published(void **state)
{
	static const struct {
		int64_t k;
		double lower, upper;
	} garwood[] = {
		{ 0, 0.000, 3.689 }, { 1, 0.0253, 5.572 }, { 2, 0.242, 7.225 },
		{ 5, 1.623, 11.668 },
	};
	size_t i;
	int64_t k;

	UNUSED(state);
	for (i = 0; i < ARRAY_SIZE(garwood); i++) {
		struct stats_interval ci;

		assert_int_equal(stats_rate(garwood[i].k, 1, 1, 0.95, &ci,
					    NULL), 0);
		check_abs(ci.lower, garwood[i].lower, 5e-4, "garwood lower");
		check_abs(ci.upper, garwood[i].upper, 5e-4, "garwood upper");
	}
	for (k = 10; k <= 2000; k++) {
		struct stats_interval byar;
		double kd = (double)k, el, eu;

		assert_int_equal(stats_rate(k, 1, 1, 0.95, &byar, NULL), 0);
		assert_string_equal(byar.method, "Byar's method");
		/* the exact limits, straight from the chi-square */
		el = gsl_cdf_chisq_Pinv(0.025, 2 * kd) / 2;
		eu = gsl_cdf_chisq_Qinv(0.025, 2 * kd + 2) / 2;
		if (fabs(byar.lower / el - 1) >= 0.002 ||
		    fabs(byar.upper / eu - 1) >= 0.002)
			fail_msg("byar not within 0.2%% of exact at k=%lld",
				 (long long)k);
	}
}

static void test_rate_errors(void **state)
{
	struct stats_interval ci;
	struct err e = ERR_INIT;

	UNUSED(state);
	assert_int_equal(stats_rate(-1, 1000, 1000, 0.95, &ci, &e), -1);
	assert_string_equal(e.field, "k");
	assert_int_equal(stats_rate(1, 0, 1000, 0.95, &ci, &e), -1);
	assert_string_equal(e.field, "denominator");
	assert_int_equal(stats_rate(1, NAN, 1000, 0.95, &ci, &e), -1);
	assert_string_equal(e.field, "denominator");
	assert_int_equal(stats_rate(1, 100, -5, 0.95, &ci, &e), -1);
	assert_string_equal(e.field, "per");
	assert_int_equal(stats_rate(1, 100, 1000, 1.5, &ci, &e), -1);
	assert_string_equal(e.field, "level");
}

/* ------------------------------------------------------------------ */
/* Benchmark comparison                                                */
/* ------------------------------------------------------------------ */

static void test_compare_benchmark(void **state)
{
	/* "92% feel safe, significantly higher than GM (88%)" */
	struct stats_interval area, gm, bench, nan_ci;
	struct stats_comparison c;
	struct err e = ERR_INIT;

	UNUSED(state);
	assert_int_equal(stats_proportion(920, 1000, 0.95, &area, NULL), 0);
	assert_int_equal(stats_proportion(8800, 10000, 0.95, &gm, NULL), 0);

	assert_int_equal(stats_compare_benchmark(&area, &gm,
			 STATS_RULE_BENCHMARK_OUTSIDE,
			 STATS_POLARITY_HIGHER_BETTER, &c, &e), 0);
	assert_int_equal(c.direction, STATS_HIGHER);
	assert_int_equal(c.judgement, STATS_JUDGE_BETTER);
	assert_string_equal(c.direction_name, "higher");
	assert_string_equal(c.judgement_name, "better");
	assert_int_equal(c.rule, STATS_RULE_BENCHMARK_OUTSIDE);
	assert_string_equal(c.method,
			    "benchmark outside the confidence interval (Fingertips)");
	assert_true(c.level == 0.95);

	assert_int_equal(stats_compare_benchmark(&area, &gm,
			 STATS_RULE_BENCHMARK_OUTSIDE,
			 STATS_POLARITY_LOWER_BETTER, &c, &e), 0);
	assert_int_equal(c.judgement, STATS_JUDGE_WORSE);
	assert_int_equal(stats_compare_benchmark(&area, &gm,
			 STATS_RULE_BENCHMARK_OUTSIDE,
			 STATS_POLARITY_NEITHER, &c, &e), 0);
	assert_int_equal(c.direction, STATS_HIGHER);
	assert_int_equal(c.judgement, STATS_JUDGE_NOT_COMPARED);
	assert_string_equal(c.judgement_name, "not compared");

	/* the other way round: GM is lower than the area */
	assert_int_equal(stats_compare_benchmark(&gm, &area,
			 STATS_RULE_OVERLAP, STATS_POLARITY_HIGHER_BETTER,
			 &c, &e), 0);
	assert_int_equal(c.direction, STATS_LOWER);
	assert_int_equal(c.judgement, STATS_JUDGE_WORSE);
	assert_string_equal(c.method, "confidence intervals do not overlap");

	/* the two rules differ: interval 10..20 against 21 +/- 2: the
	 * benchmark value is outside (lower), the intervals overlap */
	area = (struct stats_interval){ 15, 10, 20, 0.95, "test" };
	bench = (struct stats_interval){ 21, 19, 23, 0.95, "test" };
	assert_int_equal(stats_compare_benchmark(&area, &bench,
			 STATS_RULE_BENCHMARK_OUTSIDE,
			 STATS_POLARITY_LOWER_BETTER, &c, &e), 0);
	assert_int_equal(c.direction, STATS_LOWER);
	assert_int_equal(c.judgement, STATS_JUDGE_BETTER);
	assert_int_equal(stats_compare_benchmark(&area, &bench,
			 STATS_RULE_OVERLAP, STATS_POLARITY_LOWER_BETTER,
			 &c, &e), 0);
	assert_int_equal(c.direction, STATS_SIMILAR);
	assert_int_equal(c.judgement, STATS_JUDGE_SIMILAR);

	/* a limit exactly on the benchmark is similar */
	bench.value = 20;
	assert_int_equal(stats_compare_benchmark(&area, &bench,
			 STATS_RULE_BENCHMARK_OUTSIDE, STATS_POLARITY_NEITHER,
			 &c, &e), 0);
	assert_int_equal(c.direction, STATS_SIMILAR);
	assert_int_equal(c.judgement, STATS_JUDGE_SIMILAR);

	/* NaN: not compared */
	nan_ci = (struct stats_interval){ NAN, NAN, NAN, 0.95, "none" };
	assert_int_equal(stats_compare_benchmark(&nan_ci, &bench,
			 STATS_RULE_BENCHMARK_OUTSIDE,
			 STATS_POLARITY_HIGHER_BETTER, &c, &e), 0);
	assert_int_equal(c.direction, STATS_NOT_COMPARED);
	assert_int_equal(c.judgement, STATS_JUDGE_NOT_COMPARED);
	assert_string_equal(c.direction_name, "not compared");

	assert_int_equal(stats_compare_benchmark(&area, &bench,
			 (enum stats_compare_rule)7, STATS_POLARITY_NEITHER,
			 &c, &e), -1);
	assert_string_equal(e.field, "rule");
	assert_int_equal(stats_compare_benchmark(&area, &bench,
			 STATS_RULE_OVERLAP, (enum stats_polarity)9, &c, &e),
			 -1);
	assert_string_equal(e.field, "polarity");
	assert_string_equal(stats_polarity_name(STATS_POLARITY_LOWER_BETTER),
			    "lower is better");
}

/* ------------------------------------------------------------------ */
/* Two proportions                                                     */
/* ------------------------------------------------------------------ */

static void test_ztest_reference(void **state)
{
	size_t i;

	UNUSED(state);
	for (i = 0; i < ARRAY_SIZE(ref_ztests); i++) {
		const struct ref_ztest *r = &ref_ztests[i];
		struct stats_ztest t;
		struct err e = ERR_INIT;

		assert_int_equal(stats_compare_proportions(r->k1, r->n1, r->k2,
			r->n2, r->level, &t, &e), 0);
		check_num(t.p1, r->p1, "p1", i);
		check_num(t.p2, r->p2, "p2", i);
		check_num(t.difference, r->difference, "difference", i);
		check_num(t.z, r->z, "z", i);
		check_num(t.p_value, r->p_value, "p value", i);
		assert_int_equal(t.significant, r->significant);
		assert_string_equal(t.method,
				    "pooled two-proportion z-test, two-sided");
	}
}

static void test_ztest_errors(void **state)
{
	struct stats_ztest t;
	struct err e = ERR_INIT;

	UNUSED(state);
	assert_int_equal(stats_compare_proportions(1, 0, 1, 10, 0.95, &t, &e),
			 -1);
	assert_string_equal(e.field, "n1");
	assert_int_equal(stats_compare_proportions(1, 10, 11, 10, 0.95, &t,
						   &e), -1);
	assert_string_equal(e.field, "k2");
	assert_int_equal(stats_compare_proportions(-1, 10, 1, 10, 0.95, &t,
						   &e), -1);
	assert_string_equal(e.field, "k1");
	assert_int_equal(stats_compare_proportions(1, 10, 1, -10, 0.95, &t,
						   &e), -1);
	assert_string_equal(e.field, "n2");
	assert_int_equal(stats_compare_proportions(1, 10, 1, 10, -0.95, &t,
						   &e), -1);
	assert_string_equal(e.field, "level");
}

/* ------------------------------------------------------------------ */
/* Change between two periods                                          */
/* ------------------------------------------------------------------ */

static void test_change_reference(void **state)
{
	size_t i;

	UNUSED(state);
	for (i = 0; i < ARRAY_SIZE(ref_changes); i++) {
		const struct ref_change *r = &ref_changes[i];
		struct stats_change c;
		struct err e = ERR_INIT;

		assert_int_equal(stats_change(r->k1, r->t1, r->k2, r->t2,
					      r->level, &c, &e), 0);
		check_num(c.rate1, r->rate1, "rate1", i);
		check_num(c.rate2, r->rate2, "rate2", i);
		check_num(c.ratio, r->ratio, "ratio", i);
		check_num(c.lower, r->lower, "ratio lower", i);
		check_num(c.upper, r->upper, "ratio upper", i);
		check_num(c.percent, r->percent, "percent", i);
		check_num(c.percent_lower, r->percent_lower, "percent lower", i);
		check_num(c.percent_upper, r->percent_upper, "percent upper", i);
		check_num(c.p_value, r->p_value, "p value", i);
		assert_int_equal(c.significant, r->significant);
		assert_true(c.level == r->level);
		assert_non_null(strstr(c.method, "exact conditional binomial"));
		assert_non_null(strstr(c.interval_method, "Clopper-Pearson"));
	}
}

static void test_change_cases(void **state)
{
	struct stats_change c;
	struct err e = ERR_INIT;

	UNUSED(state);
	/* "burglaries down by 35 per cent": 100 -> 65 */
	assert_int_equal(stats_change(100, 1, 65, 1, 0.95, &c, &e), 0);
	assert_true(fabs(c.percent - -35.0) < 1e-9);
	assert_true(c.significant);
	assert_true(c.upper < 1.0);
	/* nothing before: ratio undefined, no upper limit */
	assert_int_equal(stats_change(0, 1, 5, 1, 0.95, &c, &e), 0);
	assert_true(isnan(c.ratio) && isnan(c.percent));
	assert_true(isinf(c.upper) && c.upper > 0);
	assert_true(c.lower > 0.0);
	/* nothing at all */
	assert_int_equal(stats_change(0, 1, 0, 1, 0.998, &c, &e), 0);
	assert_true(c.p_value == 1.0 && !c.significant);
	assert_true(c.lower == 0.0 && isinf(c.upper));
	/* nothing after: down 100% */
	assert_int_equal(stats_change(5, 1, 0, 1, 0.95, &c, &e), 0);
	assert_true(c.ratio == 0.0 && c.lower == 0.0 && c.percent == -100.0);
	/* no change at all */
	assert_int_equal(stats_change(20, 1, 20, 1, 0.95, &c, &e), 0);
	assert_true(c.p_value == 1.0 && c.ratio == 1.0);

	assert_int_equal(stats_change(-1, 1, 5, 1, 0.95, &c, &e), -1);
	assert_string_equal(e.field, "k1");
	assert_int_equal(stats_change(1, 1, -5, 1, 0.95, &c, &e), -1);
	assert_string_equal(e.field, "k2");
	assert_int_equal(stats_change(1, 0, 5, 1, 0.95, &c, &e), -1);
	assert_string_equal(e.field, "t1");
	assert_int_equal(stats_change(1, 1, 5, INFINITY, 0.95, &c, &e), -1);
	assert_string_equal(e.field, "t2");
	assert_int_equal(stats_change(1, 1, 5, 1, 1.0, &c, &e), -1);
	assert_string_equal(e.field, "level");
	assert_int_equal(stats_change(INT64_MAX / 2, 1, 5, 1, 0.95, &c, &e),
			 -1);
	assert_string_equal(e.field, "k1");
	assert_int_equal(e.code, ERR_TOO_LARGE);
}

/* ------------------------------------------------------------------ */
/* XmR chart: against the NHSRplotthedots transcription                */
/* ------------------------------------------------------------------ */

static void test_spc_reference(void **state)
{
	size_t i, j;

	UNUSED(state);
	for (i = 0; i < ARRAY_SIZE(ref_spcs); i++) {
		const struct ref_spc *r = &ref_spcs[i];
		struct stats_spc_options opt = {
			.baseline = r->baseline,
			.rebase_at = r->n_rebase ? r->rebase : NULL,
			.n_rebase = r->n_rebase,
			.polarity = (enum stats_polarity)r->polarity,
			.no_screening = r->no_screening,
			.shift_length = r->shift_length,
			.trend_length = r->trend_length,
		};
		struct stats_spc_point pts[64];
		struct stats_spc_result res;
		struct err e = ERR_INIT;

		assert_true(r->n <= ARRAY_SIZE(pts));
		if (stats_spc(r->values, r->n, &opt, pts, &res, &e))
			fail_msg("%s: %s", r->name, e.msg);
		assert_int_equal(res.n_segments, r->n_segments);
		for (j = 0; j < r->n_segments; j++) {
			check_num(res.segments[j].mean, r->segments[j].mean,
				  r->name, j);
			check_num(res.segments[j].amr, r->segments[j].amr,
				  r->name, j);
			check_num(res.segments[j].lower_limit,
				  r->segments[j].lower, r->name, j);
			check_num(res.segments[j].upper_limit,
				  r->segments[j].upper, r->name, j);
		}
		for (j = 0; j < r->n; j++) {
			const struct ref_spc_point *w = &r->points[j];
			const struct stats_spc_point *p = &pts[j];

			if (p->rules != w->rules || (unsigned)p->type != w->type ||
			    p->direction != w->direction ||
			    (int)p->class != w->cls)
				fail_msg("%s point %zu (%g): rules %u type %u "
					 "dir %d class %d, want %u %u %d %d",
					 r->name, j, r->values[j], p->rules,
					 (unsigned)p->type, p->direction,
					 (int)p->class, w->rules, w->type,
					 w->direction, w->cls);
			assert_int_equal(p->special, w->rules != 0);
		}
		assert_int_equal(res.last_class, r->points[r->n - 1].cls);
	}
}

/* ------------------------------------------------------------------ */
/* XmR chart: series checked by hand                                   */
/* ------------------------------------------------------------------ */

/* 12 points of mean 10 with no signal; moving ranges sum to 16, so the
 * average moving range is 16/11 and the limits 10 -/+ 2.66 x 16/11
 * (6.1309 .. 13.8691), the "close" lines 10 -/+ 1.7733 x 16/11
 * (7.4206 .. 12.5794).  Ends on the mean. */
#define CALM 10, 11, 9, 10, 11, 9, 10, 11, 9, 11, 9, 10

/* Run stats_spc on values with the given options; return the points in
 * pts (room for 64). */
static void run_spc(const double *values, size_t n,
		    const struct stats_spc_options *opt,
		    struct stats_spc_point *pts, struct stats_spc_result *res)
{
	struct err e = ERR_INIT;

	assert_true(n <= 64);
	if (stats_spc(values, n, opt, pts, res, &e))
		fail_msg("stats_spc: %s: %s", e.field, e.msg);
}

/* Assert that exactly the points from..to are special, all with the
 * given rule bits, type, direction and class. */
static void expect_flags(const struct stats_spc_point *pts, size_t n,
			 size_t from, size_t to, unsigned rules,
			 enum stats_spc_rule type, int direction,
			 enum stats_spc_class cls)
{
	size_t i;

	for (i = 0; i < n; i++) {
		bool in = i >= from && i <= to;

		if (!in) {
			if (pts[i].special)
				fail_msg("point %zu (%g) special: %s", i,
					 pts[i].value, pts[i].type_name);
			assert_int_equal(pts[i].class, STATS_SPC_COMMON_CAUSE);
			assert_string_equal(pts[i].class_name, "common cause");
			continue;
		}
		if (!pts[i].special || pts[i].rules != rules ||
		    pts[i].type != type || pts[i].direction != direction ||
		    pts[i].class != cls)
			fail_msg("point %zu (%g): rules %u type %d dir %d "
				 "class %d", i, pts[i].value, pts[i].rules,
				 (int)pts[i].type, pts[i].direction,
				 (int)pts[i].class);
	}
}

static void test_spc_outside(void **state)
{
	/* baseline: the first 10 points (mean 10, amr 12/9, limits
	 * 6.4533 .. 13.5467); 30 is far above: a concern when lower is
	 * better, "neutral high" with no polarity */
	static const double v[] = { 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 30,
				    10, 11, 9 };
	struct stats_spc_options opt = { .baseline = 10,
					 .polarity = STATS_POLARITY_LOWER_BETTER };
	struct stats_spc_point p[64];
	struct stats_spc_result r;

	UNUSED(state);
	run_spc(v, ARRAY_SIZE(v), &opt, p, &r);
	assert_true(r.segments[0].mean == 10.0);
	check_num(r.segments[0].amr, 12.0 / 9.0, "amr", 0);
	check_num(r.segments[0].upper_limit, 10.0 + 2.66 * 12.0 / 9.0, "upl", 0);
	assert_int_equal(r.segments[0].baseline, 10);
	assert_false(r.segments[0].short_warning); /* 14 points */
	expect_flags(p, ARRAY_SIZE(v), 10, 10, STATS_SPC_OUTSIDE_LIMITS,
		     STATS_SPC_OUTSIDE_LIMITS, 1, STATS_SPC_CONCERN);
	assert_string_equal(p[10].type_name, "above the upper process limit");
	assert_string_equal(p[10].class_name, "special cause concern");
	assert_int_equal(r.n_special, 1);
	assert_int_equal(r.n_concern, 1);
	assert_int_equal(r.n_improvement, 0);
	assert_string_equal(r.method, "XmR chart (Making Data Count rules)");

	opt.polarity = STATS_POLARITY_NEITHER;
	run_spc(v, ARRAY_SIZE(v), &opt, p, &r);
	expect_flags(p, ARRAY_SIZE(v), 10, 10, STATS_SPC_OUTSIDE_LIMITS,
		     STATS_SPC_OUTSIDE_LIMITS, 1, STATS_SPC_NEUTRAL_HIGH);
	assert_int_equal(r.n_concern, 0);
}

static void test_spc_run_below_mean(void **state)
{
	/* 8 points below the mean of 10 after a point on the mean: all 8
	 * flagged as a shift, a concern when higher is better */
	static const double v[] = { CALM, 9.5, 9, 9.5, 9, 9.5, 9, 9.5, 9 };
	struct stats_spc_options opt = { .baseline = 12,
					 .polarity = STATS_POLARITY_HIGHER_BETTER };
	struct stats_spc_point p[64];
	struct stats_spc_result r;

	UNUSED(state);
	run_spc(v, ARRAY_SIZE(v), &opt, p, &r);
	expect_flags(p, ARRAY_SIZE(v), 12, 19, STATS_SPC_SHIFT,
		     STATS_SPC_SHIFT, -1, STATS_SPC_CONCERN);
	assert_string_equal(p[12].type_name, "run below the mean");
	assert_int_equal(p[12].side, -1);
	assert_int_equal(p[11].side, 0);
	assert_int_equal(r.last_class, STATS_SPC_CONCERN);

	/* a run of 6 is not enough; a shift length of 6 makes it one */
	run_spc(v, ARRAY_SIZE(v) - 2, &opt, p, &r);
	expect_flags(p, ARRAY_SIZE(v) - 2, 1, 0, 0, 0, 0, 0);
	opt.shift_length = 6;
	run_spc(v, ARRAY_SIZE(v) - 2, &opt, p, &r);
	expect_flags(p, ARRAY_SIZE(v) - 2, 12, 17, STATS_SPC_SHIFT,
		     STATS_SPC_SHIFT, -1, STATS_SPC_CONCERN);
}

static void test_spc_on_mean_breaks_run(void **state)
{
	/* 3 below, one exactly on the mean, 4 below: no run of 7 */
	static const double broken[] = { CALM, 9, 9, 9, 10, 9, 9, 9, 9 };
	static const double whole[] = { CALM, 9, 9, 9, 9, 9, 9, 9, 9 };
	struct stats_spc_options opt = { .baseline = 12,
					 .polarity = STATS_POLARITY_HIGHER_BETTER };
	struct stats_spc_point p[64];
	struct stats_spc_result r;

	UNUSED(state);
	run_spc(broken, ARRAY_SIZE(broken), &opt, p, &r);
	expect_flags(p, ARRAY_SIZE(broken), 1, 0, 0, 0, 0, 0);
	assert_int_equal(p[15].side, 0);
	run_spc(whole, ARRAY_SIZE(whole), &opt, p, &r);
	expect_flags(p, ARRAY_SIZE(whole), 12, 19, STATS_SPC_SHIFT,
		     STATS_SPC_SHIFT, -1, STATS_SPC_CONCERN);
}

static void test_spc_falling_trend(void **state)
{
	/* 7 points each lower than the one before (11 .. 9), crossing the
	 * mean: all 7 flagged as a decreasing trend, an improvement when
	 * lower is better (older NHSRplotthedots missed falling trends) */
	static const double v[] = { CALM, 11, 10.5, 10.2, 9.8, 9.5, 9.2, 9.0,
				    10 };
	struct stats_spc_options opt = { .baseline = 12,
					 .polarity = STATS_POLARITY_LOWER_BETTER };
	struct stats_spc_point p[64];
	struct stats_spc_result r;

	UNUSED(state);
	run_spc(v, ARRAY_SIZE(v), &opt, p, &r);
	expect_flags(p, ARRAY_SIZE(v), 12, 18, STATS_SPC_TREND,
		     STATS_SPC_TREND, -1, STATS_SPC_IMPROVEMENT);
	assert_string_equal(p[12].type_name, "decreasing trend");
	assert_int_equal(r.n_improvement, 7);
	assert_int_equal(r.last_class, STATS_SPC_COMMON_CAUSE);

	/* 6 falls are not a trend of 7 */
	run_spc(v, 18, &opt, p, &r);
	expect_flags(p, 18, 1, 0, 0, 0, 0, 0);
}

static void test_spc_rising_trend_below_mean(void **state)
{
	/* a rising trend that starts below the mean is "increasing"
	 * throughout (NHSRplotthedots issue #171), so an improvement when
	 * higher is better even for the points below the mean */
	static const double v[] = { CALM, 9.0, 9.2, 9.5, 9.8, 10.2, 10.5,
				    11, 10 };
	struct stats_spc_options opt = { .baseline = 12,
					 .polarity = STATS_POLARITY_HIGHER_BETTER };
	struct stats_spc_point p[64];
	struct stats_spc_result r;

	UNUSED(state);
	run_spc(v, ARRAY_SIZE(v), &opt, p, &r);
	expect_flags(p, ARRAY_SIZE(v), 12, 18, STATS_SPC_TREND,
		     STATS_SPC_TREND, 1, STATS_SPC_IMPROVEMENT);
	assert_int_equal(p[12].side, -1);
	assert_string_equal(p[12].type_name, "increasing trend");
}

static void test_spc_two_in_three(void **state)
{
	/* 13.0 and 13.2 are beyond the upper close line (12.58) but inside
	 * the limit (13.87), with 10.5 between them: all three above the
	 * mean, so the two close points (not the middle one) are flagged */
	static const double same[] = { CALM, 13.0, 10.5, 13.2, 10, 9, 11 };
	static const double opposite[] = { CALM, 13.0, 9.5, 13.2, 10, 9, 11 };
	static const double with_outside[] = { CALM, 13.0, 10.5, 15, 10, 9, 11 };
	struct stats_spc_options opt = { .baseline = 12,
					 .polarity = STATS_POLARITY_HIGHER_BETTER };
	struct stats_spc_point p[64];
	struct stats_spc_result r;
	size_t i;

	UNUSED(state);
	run_spc(same, ARRAY_SIZE(same), &opt, p, &r);
	for (i = 0; i < ARRAY_SIZE(same); i++) {
		bool want = i == 12 || i == 14;

		assert_int_equal(p[i].special, want);
		if (want) {
			assert_int_equal(p[i].rules, STATS_SPC_TWO_IN_THREE);
			assert_int_equal(p[i].direction, 1);
			assert_int_equal(p[i].class, STATS_SPC_IMPROVEMENT);
			assert_string_equal(p[i].type_name,
				"two of three close to the upper limit");
		}
	}
	/* the middle point below the mean breaks the rule (issue #143) */
	run_spc(opposite, ARRAY_SIZE(opposite), &opt, p, &r);
	expect_flags(p, ARRAY_SIZE(opposite), 1, 0, 0, 0, 0, 0);
	/* a point beyond the limit is "outside", not "close": one close
	 * point is left, so no two-in-three */
	run_spc(with_outside, ARRAY_SIZE(with_outside), &opt, p, &r);
	expect_flags(p, ARRAY_SIZE(with_outside), 14, 14,
		     STATS_SPC_OUTSIDE_LIMITS, STATS_SPC_OUTSIDE_LIMITS, 1,
		     STATS_SPC_IMPROVEMENT);
}

static void test_spc_rebase(void **state)
{
	/* two calm stretches at 10 and at 20: rebased at 12 each has its
	 * own mean and limits and nothing is special; without the rebase
	 * every point is in a run on one side of the mean of 15 */
	static const double v[] = { CALM, 20, 21, 19, 20, 21, 19, 20, 21, 19,
				    21, 19, 20 };
	static const size_t at[] = { 12 };
	struct stats_spc_options opt = { .rebase_at = at, .n_rebase = 1 };
	struct stats_spc_point p[64];
	struct stats_spc_result r;
	size_t i;

	UNUSED(state);
	run_spc(v, ARRAY_SIZE(v), &opt, p, &r);
	assert_int_equal(r.n_segments, 2);
	assert_true(r.segments[0].mean == 10.0 && r.segments[1].mean == 20.0);
	assert_int_equal(r.segments[1].start, 12);
	assert_int_equal(r.segments[1].n, 12);
	check_num(r.segments[1].amr, 16.0 / 11.0, "amr", 1);
	assert_int_equal(r.n_special, 0);
	assert_int_equal(p[13].segment, 1);
	assert_true(p[13].mean == 20.0);

	opt.n_rebase = 0;
	opt.rebase_at = NULL;
	run_spc(v, ARRAY_SIZE(v), &opt, p, &r);
	assert_true(r.segments[0].mean == 15.0);
	for (i = 0; i < ARRAY_SIZE(v); i++)
		assert_true(p[i].rules & STATS_SPC_SHIFT);
}

static void test_spc_screening(void **state)
{
	/* mean 150/12 = 12.5; moving ranges 1,2,1,30,30,1,2,1,1,2,1 average
	 * 72/11 = 6.545; 3.267 x that is 21.38, so the two ranges of 30
	 * are screened out and the average taken again: 12/9 */
	static const double v[] = { 10, 11, 9, 10, 40, 10, 9, 11, 10, 11, 9,
				    10 };
	struct stats_spc_options opt = { 0 };
	struct stats_spc_point p[64];
	struct stats_spc_result r;

	UNUSED(state);
	run_spc(v, ARRAY_SIZE(v), &opt, p, &r);
	assert_true(r.segments[0].mean == 12.5);
	check_num(r.segments[0].amr, 12.0 / 9.0, "screened amr", 0);
	assert_int_equal(r.segments[0].screened, 2);
	assert_true(p[4].rules & STATS_SPC_OUTSIDE_LIMITS);

	opt.no_screening = true;
	run_spc(v, ARRAY_SIZE(v), &opt, p, &r);
	check_num(r.segments[0].amr, 72.0 / 11.0, "unscreened amr", 0);
	assert_int_equal(r.segments[0].screened, 0);
	check_num(r.segments[0].lower_limit, 12.5 - 2.66 * 72.0 / 11.0, "lpl",
		  0);
}

static void test_spc_constant_baseline(void **state)
{
	/* every baseline moving range is 0, so screening leaves none: the
	 * limits are NaN (as in R) and only the run rules can fire */
	static const double v[] = { 5, 5, 5, 5, 5, 5, 5, 6, 7, 8, 9, 10, 11,
				    12 };
	struct stats_spc_options opt = { .baseline = 7 };
	struct stats_spc_point p[64];
	struct stats_spc_result r;

	UNUSED(state);
	run_spc(v, ARRAY_SIZE(v), &opt, p, &r);
	assert_true(isnan(r.segments[0].amr));
	assert_true(isnan(p[0].upper_limit));
	assert_false(p[13].rules & STATS_SPC_OUTSIDE_LIMITS);
	assert_true(p[13].rules & STATS_SPC_TREND);
	assert_true(p[13].rules & STATS_SPC_SHIFT);
}

/*
 * NHSRplotthedots' own snapshot (tests/testthat/_snaps/
 * ptd_spc_standard.md, "it returns expected values"), printed by R to 7
 * significant figures: y = rnorm(20) after set.seed(123) (as R prints
 * them, 8 decimals); then y[15] = 10 with and without screening.
 */
static void test_spc_r_snapshot(void **state)
{
	static const double rnorm123[] = {
		-0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774,
		1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197,
		1.22408180, 0.35981383, 0.40077145, 0.11068272, -0.55584113,
		1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141,
	};
	static const int side[] = { -1, -1, 1, -1, -1, 1, 1, -1, -1, -1, 1, 1,
				    1, -1, -1 };
	double y[ARRAY_SIZE(rnorm123)];
	struct stats_spc_options opt = { 0 };
	struct stats_spc_point p[64];
	struct stats_spc_result r;
	size_t i;

	UNUSED(state);
	memcpy(y, rnorm123, sizeof(y));
	run_spc(y, ARRAY_SIZE(y), &opt, p, &r);
	check_abs(r.segments[0].mean, 0.1416238, 5e-8, "r1 mean_col");
	check_abs(r.segments[0].lower_limit, -3.011380, 5e-7, "r1 lpl");
	check_abs(r.segments[0].upper_limit, 3.294627, 5e-7, "r1 upl");
	for (i = 0; i < ARRAY_SIZE(side); i++)
		assert_int_equal(p[i].side, side[i]);
	assert_int_equal(r.n_special, 0); /* summary: 20 common cause */

	y[14] = 10;
	run_spc(y, ARRAY_SIZE(y), &opt, p, &r);
	check_abs(r.segments[0].mean, 0.6694159, 5e-8, "r2 mean_col");
	check_abs(r.segments[0].lower_limit, -2.383666, 5e-7, "r2 lpl");
	check_abs(r.segments[0].upper_limit, 3.722497, 5e-7, "r2 upl");
	opt.no_screening = true;
	run_spc(y, ARRAY_SIZE(y), &opt, p, &r);
	check_abs(r.segments[0].lower_limit, -4.596625, 5e-7, "r3 lpl");
	check_abs(r.segments[0].upper_limit, 5.935457, 5e-7, "r3 upl");
}

/* NHSRplotthedots test-ptd_spc_standard.R: "it only reports special
 * cause for 2of3 points close to limits when they are on the same side
 * of the mean": 1, -1 eight times, the last two set to 5.5 and -5.5;
 * the last two points are common cause. */
static void test_spc_r_opposite_sides(void **state)
{
	double y[16];
	struct stats_spc_point p[64];
	struct stats_spc_result r;
	size_t i;

	UNUSED(state);
	for (i = 0; i < 16; i++)
		y[i] = i % 2 ? -1.0 : 1.0;
	y[14] = 5.5;
	y[15] = -5.5;
	run_spc(y, 16, NULL, p, &r);
	assert_int_equal(p[14].class, STATS_SPC_COMMON_CAUSE);
	assert_int_equal(p[15].class, STATS_SPC_COMMON_CAUSE);
}

static void test_spc_errors(void **state)
{
	static const double v[] = { 1, 2, 3, 4, 5, 6 };
	double bad[] = { 1, 2, NAN, 4 };
	size_t at[] = { 3, 2 };
	struct stats_spc_options opt = { 0 };
	struct stats_spc_point p[8];
	struct stats_spc_result r;
	struct err e = ERR_INIT;

	UNUSED(state);
	assert_int_equal(stats_spc(v, 1, NULL, p, &r, &e), -1);
	assert_string_equal(e.field, "values");
	assert_int_equal(stats_spc(bad, 4, NULL, p, &r, &e), -1);
	assert_string_equal(e.field, "values");
	bad[2] = INFINITY;
	assert_int_equal(stats_spc(bad, 4, NULL, p, &r, &e), -1);
	assert_string_equal(e.field, "values");

	opt.rebase_at = at;
	opt.n_rebase = 2; /* not increasing */
	assert_int_equal(stats_spc(v, 6, &opt, p, &r, &e), -1);
	assert_string_equal(e.field, "rebase_at");
	at[0] = 5;
	opt.n_rebase = 1; /* leaves a segment of 1 */
	assert_int_equal(stats_spc(v, 6, &opt, p, &r, &e), -1);
	assert_string_equal(e.field, "rebase_at");
	at[0] = 6; /* past the end */
	assert_int_equal(stats_spc(v, 6, &opt, p, &r, &e), -1);
	assert_string_equal(e.field, "rebase_at");
	at[0] = 0;
	assert_int_equal(stats_spc(v, 6, &opt, p, &r, &e), -1);
	assert_string_equal(e.field, "rebase_at");
	opt.n_rebase = 0;

	opt.baseline = 1;
	assert_int_equal(stats_spc(v, 6, &opt, p, &r, &e), -1);
	assert_string_equal(e.field, "baseline");
	opt.baseline = 0;
	opt.trend_length = 1;
	assert_int_equal(stats_spc(v, 6, &opt, p, &r, &e), -1);
	assert_string_equal(e.field, "trend_length");
	opt.trend_length = 0;
	opt.polarity = (enum stats_polarity)5;
	assert_int_equal(stats_spc(v, 6, &opt, p, &r, &e), -1);
	assert_string_equal(e.field, "polarity");

	assert_string_equal(stats_spc_rule_name(STATS_SPC_SHIFT),
			    "shift: consecutive points on one side of the mean");
}

/* ------------------------------------------------------------------ */
/* Series helpers                                                      */
/* ------------------------------------------------------------------ */

static void test_rolling_and_yoy(void **state)
{
	double roll[ARRAY_SIZE(ref_series)], ch[ARRAY_SIZE(ref_series)];
	double pc[ARRAY_SIZE(ref_series)], small[3];
	static const double withnan[] = { 1, NAN, 2, 3, 4 };
	struct err e = ERR_INIT;
	size_t i, n = ARRAY_SIZE(ref_series);

	UNUSED(state);
	assert_int_equal(stats_rolling_sum(ref_series, n, 12, roll, &e), 0);
	assert_int_equal(stats_year_on_year(ref_series, n, 12, ch, pc, &e), 0);
	for (i = 0; i < n; i++) {
		check_num(roll[i], ref_rolling12[i], "rolling 12", i);
		check_num(ch[i], ref_yoy_change[i], "yoy change", i);
		check_num(pc[i], ref_yoy_percent[i], "yoy percent", i);
	}
	/* a NaN spoils the windows that hold it */
	assert_int_equal(stats_rolling_sum(withnan, 5, 2, roll, &e), 0);
	assert_true(isnan(roll[0]) && isnan(roll[1]) && isnan(roll[2]));
	assert_true(roll[3] == 5.0 && roll[4] == 7.0);
	/* window longer than the series: all NaN */
	assert_int_equal(stats_rolling_sum(withnan, 3, 4, small, &e), 0);
	assert_true(isnan(small[0]) && isnan(small[2]));
	/* only one output wanted */
	assert_int_equal(stats_year_on_year(withnan, 5, 1, NULL, pc, &e), 0);
	assert_true(isnan(pc[1]) && isnan(pc[2]) && pc[3] == 50.0);

	assert_int_equal(stats_rolling_sum(withnan, 5, 0, roll, &e), -1);
	assert_string_equal(e.field, "window");
	assert_int_equal(stats_year_on_year(withnan, 5, 0, ch, pc, &e), -1);
	assert_string_equal(e.field, "lag");
}

static void test_rank(void **state)
{
	struct stats_rank rk[ARRAY_SIZE(ref_peers)];
	static const double gm[] = { 46.7, 52.0, 41.2, 46.7, 35.9 };
	struct err e = ERR_INIT;
	size_t i;

	UNUSED(state);
	assert_int_equal(stats_rank(ref_peers, ARRAY_SIZE(ref_peers), true, rk,
				    &e), 0);
	for (i = 0; i < ARRAY_SIZE(ref_peers); i++) {
		assert_int_equal(rk[i].rank, ref_rank_highest[i]);
		assert_int_equal(rk[i].ties, ref_rank_ties[i]);
	}
	assert_int_equal(stats_rank(ref_peers, ARRAY_SIZE(ref_peers), false, rk,
				    &e), 0);
	for (i = 0; i < ARRAY_SIZE(ref_peers); i++)
		assert_int_equal(rk[i].rank, ref_rank_lowest[i]);

	/* "1224": 52.0 first, the two 46.7 share 2nd, 41.2 is 4th */
	assert_int_equal(stats_rank(gm, ARRAY_SIZE(gm), true, rk, &e), 0);
	assert_int_equal(rk[1].rank, 1);
	assert_int_equal(rk[0].rank, 2);
	assert_int_equal(rk[3].rank, 2);
	assert_int_equal(rk[0].ties, 2);
	assert_int_equal(rk[2].rank, 4);
	assert_int_equal(rk[4].rank, 5);
	assert_int_equal(rk[2].ties, 1);
	assert_string_equal(STATS_RANK_METHOD,
			    "standard competition ranking (\"1224\")");
}

static void test_z(void **state)
{
	UNUSED(state);
	check_abs(stats_z(0.95), 1.959963984540054, 1e-12, "z 95%");
	check_abs(stats_z(0.998), 3.090232306167813, 1e-12, "z 99.8%");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_z),
		cmocka_unit_test(test_proportion_reference),
		cmocka_unit_test(test_proportion_published),
		cmocka_unit_test(test_proportion_errors),
		cmocka_unit_test(test_rate_reference),
		cmocka_unit_test(test_rate_published),
		cmocka_unit_test(test_rate_errors),
		cmocka_unit_test(test_compare_benchmark),
		cmocka_unit_test(test_ztest_reference),
		cmocka_unit_test(test_ztest_errors),
		cmocka_unit_test(test_change_reference),
		cmocka_unit_test(test_change_cases),
		cmocka_unit_test(test_spc_reference),
		cmocka_unit_test(test_spc_outside),
		cmocka_unit_test(test_spc_run_below_mean),
		cmocka_unit_test(test_spc_on_mean_breaks_run),
		cmocka_unit_test(test_spc_falling_trend),
		cmocka_unit_test(test_spc_rising_trend_below_mean),
		cmocka_unit_test(test_spc_two_in_three),
		cmocka_unit_test(test_spc_rebase),
		cmocka_unit_test(test_spc_screening),
		cmocka_unit_test(test_spc_constant_baseline),
		cmocka_unit_test(test_spc_r_snapshot),
		cmocka_unit_test(test_spc_r_opposite_sides),
		cmocka_unit_test(test_spc_errors),
		cmocka_unit_test(test_rolling_and_yoy),
		cmocka_unit_test(test_rank),
	};

	stats_init();
	return cmocka_run_group_tests_name("stats", tests, NULL, NULL);
}
