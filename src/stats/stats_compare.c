/*
 * stats_compare.c: is a value significantly different from a benchmark
 * (Fingertips "compared with benchmark" rules and polarity), and do two
 * independent proportions differ (pooled two-proportion z-test)?
 */
#include <math.h>

#include <gsl/gsl_cdf.h>

#include "stats_internal.h"

const char *stats_direction_name(enum stats_direction d)
{
	switch (d) {
	case STATS_NOT_COMPARED: return "not compared";
	case STATS_SIMILAR: return "similar";
	case STATS_HIGHER: return "higher";
	case STATS_LOWER: return "lower";
	}
	return "not compared";
}

const char *stats_judgement_name(enum stats_judgement j)
{
	switch (j) {
	case STATS_JUDGE_NOT_COMPARED: return "not compared";
	case STATS_JUDGE_SIMILAR: return "similar";
	case STATS_JUDGE_BETTER: return "better";
	case STATS_JUDGE_WORSE: return "worse";
	}
	return "not compared";
}

const char *stats_rule_name(enum stats_compare_rule r)
{
	switch (r) {
	case STATS_RULE_BENCHMARK_OUTSIDE:
		return "benchmark outside the confidence interval (Fingertips)";
	case STATS_RULE_OVERLAP:
		return "confidence intervals do not overlap";
	}
	return "unknown rule";
}

const char *stats_polarity_name(enum stats_polarity p)
{
	switch (p) {
	case STATS_POLARITY_NEITHER: return "neither higher nor lower is better";
	case STATS_POLARITY_HIGHER_BETTER: return "higher is better";
	case STATS_POLARITY_LOWER_BETTER: return "lower is better";
	}
	return "unknown polarity";
}

/*
 * Direction:
 *   BENCHMARK_OUTSIDE: higher if value->lower > b->value, lower if
 *     value->upper < b->value, else similar (Fingertips: the benchmark
 *     lies outside the interval).
 *   OVERLAP: higher if value->lower > b->upper, lower if value->upper <
 *     b->lower, else similar.
 *   Any NaN limit used (or NaN benchmark) gives "not compared".
 * Judgement: similar stays similar; higher is better and lower worse
 * under HIGHER_BETTER, the reverse under LOWER_BETTER; under NEITHER, or
 * when not compared, "not compared".
 */
int stats_compare_benchmark(const struct stats_interval *value,
			    const struct stats_interval *benchmark,
			    enum stats_compare_rule rule,
			    enum stats_polarity polarity,
			    struct stats_comparison *out, struct err *e)
{
	double hi_ref, lo_ref; /* value->lower above hi_ref: higher, ... */
	enum stats_direction d;
	enum stats_judgement j;

	if (!value || !benchmark)
		BUG("stats_compare_benchmark: NULL interval");
	switch (rule) {
	case STATS_RULE_BENCHMARK_OUTSIDE:
		hi_ref = lo_ref = benchmark->value;
		break;
	case STATS_RULE_OVERLAP:
		hi_ref = benchmark->upper;
		lo_ref = benchmark->lower;
		break;
	default:
		return err_set(e, ERR_INVALID, "rule",
			       "unknown comparison rule %d", (int)rule);
	}
	if (polarity != STATS_POLARITY_NEITHER &&
	    polarity != STATS_POLARITY_HIGHER_BETTER &&
	    polarity != STATS_POLARITY_LOWER_BETTER)
		return err_set(e, ERR_INVALID, "polarity",
			       "unknown polarity %d", (int)polarity);

	if (isnan(value->lower) || isnan(value->upper) || isnan(hi_ref) ||
	    isnan(lo_ref))
		d = STATS_NOT_COMPARED;
	else if (value->lower > hi_ref)
		d = STATS_HIGHER;
	else if (value->upper < lo_ref)
		d = STATS_LOWER;
	else
		d = STATS_SIMILAR;

	if (d == STATS_SIMILAR)
		j = STATS_JUDGE_SIMILAR;
	else if (d == STATS_NOT_COMPARED || polarity == STATS_POLARITY_NEITHER)
		j = STATS_JUDGE_NOT_COMPARED;
	else if ((d == STATS_HIGHER) ==
		 (polarity == STATS_POLARITY_HIGHER_BETTER))
		j = STATS_JUDGE_BETTER;
	else
		j = STATS_JUDGE_WORSE;

	out->direction = d;
	out->judgement = j;
	out->rule = rule;
	out->level = value->level;
	out->direction_name = stats_direction_name(d);
	out->judgement_name = stats_judgement_name(j);
	out->method = stats_rule_name(rule);
	return 0;
}

/* Check one (k, n) pair of a two-sample test; names are the fields. */
static int check_pair(int64_t k, int64_t n, const char *kname,
		      const char *nname, struct err *e)
{
	if (n <= 0)
		return err_set(e, ERR_INVALID, nname,
			       "sample size must be positive: %lld",
			       (long long)n);
	if (k < 0 || k > n)
		return err_set(e, ERR_INVALID, kname,
			       "count must be between 0 and the sample size "
			       "%lld: %lld", (long long)n, (long long)k);
	return 0;
}

/*
 * Pooled two-proportion z-test (e.g. Altman, Practical Statistics for
 * Medical Research, 10.7; statsmodels proportions_ztest):
 *
 *   p1 = k1/n1, p2 = k2/n2, p = (k1 + k2) / (n1 + n2),
 *   se = sqrt(p (1 - p) (1/n1 + 1/n2)), z = (p1 - p2) / se,
 *   p_value = 2 Q(|z|), Q the standard normal upper tail;
 *   significant when p_value < 1 - level.
 *
 * When p is 0 or 1 both samples are all-no or all-yes, p1 = p2, and se
 * is 0: z = 0, p_value = 1 (no evidence of a difference).
 */
int stats_compare_proportions(int64_t k1, int64_t n1, int64_t k2, int64_t n2,
			      double level, struct stats_ztest *out,
			      struct err *e)
{
	double p1, p2, p, se;

	if (check_pair(k1, n1, "k1", "n1", e) ||
	    check_pair(k2, n2, "k2", "n2", e) || stats_check_level(level, e))
		return -1;

	p1 = (double)k1 / (double)n1;
	p2 = (double)k2 / (double)n2;
	p = ((double)k1 + (double)k2) / ((double)n1 + (double)n2);
	se = sqrt(p * (1.0 - p) * (1.0 / (double)n1 + 1.0 / (double)n2));

	out->p1 = p1;
	out->p2 = p2;
	out->difference = p1 - p2;
	if (se > 0.0) {
		out->z = (p1 - p2) / se;
		out->p_value = 2.0 * gsl_cdf_ugaussian_Q(fabs(out->z));
		if (out->p_value > 1.0)
			out->p_value = 1.0;
	} else {
		out->z = 0.0;
		out->p_value = 1.0;
	}
	out->level = level;
	out->significant = out->p_value < 1.0 - level;
	out->method = "pooled two-proportion z-test, two-sided";
	return 0;
}
