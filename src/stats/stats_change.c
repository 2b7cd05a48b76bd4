/*
 * stats_change.c: change between two periods ("burglary down 35% on last
 * year") as a ratio of two Poisson rates, with its exact interval and
 * exact test from the conditional binomial distribution.
 *
 * Given k1 events over exposure t1 (the earlier period) and k2 over t2,
 * and conditioning on the total n = k1 + k2, k2 ~ Binomial(n, pi) with
 *
 *   pi = t2 r / (t1 + t2 r),  r = (rate of period 2) / (rate of period 1),
 *
 * so r = (t1 / t2) pi / (1 - pi) (Armitage, Berry and Matthews,
 * Statistical Methods in Medical Research, 5.3; Ulm 1990).
 */
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include "stats_internal.h"

/* Binomial probability mass P(X = x); 0 outside 0..n (as scipy). */
static double pmf(int64_t x, double p, int64_t n)
{
	if (x < 0 || x > n)
		return 0.0;
	return gsl_ran_binomial_pdf((unsigned)x, p, (unsigned)n);
}

/* P(X <= x). */
static double cdf(int64_t x, double p, int64_t n)
{
	if (x < 0)
		return 0.0;
	if (x >= n)
		return 1.0;
	return gsl_cdf_binomial_P((unsigned)x, p, (unsigned)n);
}

/* P(X > x). */
static double sf(int64_t x, double p, int64_t n)
{
	if (x < 0)
		return 1.0;
	if (x >= n)
		return 0.0;
	return gsl_cdf_binomial_Q((unsigned)x, p, (unsigned)n);
}

/* sign * pmf(x): the function searched by search_tail(). */
static double signed_pmf(int sign, int64_t x, double p, int64_t n)
{
	return sign < 0 ? -pmf(x, p, n) : pmf(x, p, n);
}

/*
 * Binary search for the index i in lo..hi with a(i) <= d < a(i + 1),
 * where a(x) = sign * pmf(x) is non-decreasing on lo..hi: scipy's
 * _binary_search_for_binom_tst, step for step, so that ties resolve the
 * same way.
 */
static int64_t search_tail(int sign, double d, int64_t lo, int64_t hi,
			   double p, int64_t n)
{
	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;
		double v = signed_pmf(sign, mid, p, n);

		if (v < d)
			lo = mid + 1;
		else if (v > d)
			hi = mid - 1;
		else
			return mid;
	}
	if (signed_pmf(sign, lo, p, n) <= d)
		return lo;
	return lo - 1;
}

/*
 * Two-sided exact binomial test of X = k against Binomial(n, p), as
 * scipy.stats.binomtest (scipy 1.10): the p-value is the total
 * probability of the outcomes no more likely than k, "no more likely"
 * being pmf(x) <= pmf(k) (1 + 1e-7).  The other tail is found by binary
 * search on the side of the mode away from k; the sum is capped at 1.
 */
static double binom_test_two_sided(int64_t k, int64_t n, double p)
{
	const double rerr = 1.0 + 1e-7;
	double d = pmf(k, p, n), pn = p * (double)n, pval;
	int64_t ix, y;

	if ((double)k == pn)
		return 1.0;
	if ((double)k < pn) {
		ix = search_tail(-1, -d * rerr, (int64_t)ceil(pn), n, p, n);
		y = n - ix + (d * rerr == pmf(ix, p, n) ? 1 : 0);
		pval = cdf(k, p, n) + sf(n - y, p, n);
	} else {
		ix = search_tail(1, d * rerr, 0, (int64_t)floor(pn), p, n);
		y = ix + 1;
		pval = cdf(y - 1, p, n) + sf(k - 1, p, n);
	}
	return pval < 1.0 ? pval : 1.0;
}

/* Largest k1 + k2 accepted: beyond about 10^6 GSL's incomplete beta
 * function stops converging near the centre of the distribution. */
#define MAX_EVENTS 1000000

/* The logistic function 1 / (1 + e^-t), accurate in both tails. */
static double logistic(double t)
{
	return t >= 0 ? 1.0 / (1.0 + exp(-t)) : exp(t) / (1.0 + exp(t));
}

/*
 * I_x(a, b), the regularized incomplete beta function (the Beta(a, b)
 * distribution function), at x = logistic(t).  Above x = 0.5 it is
 * computed as 1 - I_{1-x}(b, a) from 1 - x = logistic(-t), so that x
 * near 1 loses no precision.
 */
static double beta_cdf_logit(double t, double a, double b)
{
	if (t <= 0)
		return gsl_cdf_beta_P(logistic(t), a, b);
	return gsl_cdf_beta_Q(logistic(-t), b, a);
}

/*
 * The t at which beta_cdf_logit(t, a, b) = target (0 < target < 1), a
 * function increasing in t: bracket the root by steps of 1, 2, 4, ...
 * from the log-odds of the mean, log(a / b), then bisect until the
 * bracket is narrower than 1e-14 (1 + |t|).  Returns NAN if GSL cannot
 * evaluate the function or no bracket is found.
 */
static double beta_quantile_logit(double target, double a, double b)
{
	double lo, hi, step = 1.0, f;
	int i;

	lo = hi = log(a / b);
	f = beta_cdf_logit(lo, a, b);
	if (isnan(f))
		return NAN;
	if (f > target) {
		while (f > target && step < 1e4) {
			hi = lo;
			lo -= step;
			step *= 2.0;
			f = beta_cdf_logit(lo, a, b);
		}
		if (!(f <= target))
			return NAN; /* NaN, or no bracket in 16383 units */
	} else {
		while (f < target && step < 1e4) {
			lo = hi;
			hi += step;
			step *= 2.0;
			f = beta_cdf_logit(hi, a, b);
		}
		if (!(f >= target))
			return NAN;
	}
	for (i = 0; i < 200; i++) {
		double mid = lo + (hi - lo) / 2.0;

		if (hi - lo <= 1e-14 * (1.0 + fabs(mid)))
			break;
		f = beta_cdf_logit(mid, a, b);
		if (isnan(f))
			return NAN;
		if (f < target)
			lo = mid;
		else
			hi = mid;
	}
	return lo + (hi - lo) / 2.0;
}

/*
 * ratio = (k2/t2) / (k1/t1); NAN when k1 = 0 (no events to change from).
 *
 * Interval: Clopper-Pearson limits for pi from k2 successes of n,
 *   pi_L = Beta^-1(alpha/2; k2, k1 + 1)      (0 when k2 = 0),
 *   pi_U = Beta^-1(1 - alpha/2; k2 + 1, k1)  (1 when k1 = 0),
 * mapped to the ratio by r = (t1/t2) pi / (1 - pi).  The quantiles are
 * found in log-odds, log(pi / (1 - pi)), by bisection on GSL's
 * incomplete beta function (beta_quantile_logit; pi_U through
 * 1 - pi_U = Beta^-1(alpha/2; k1, k2 + 1)), so the ratio is exp() of the
 * root: accurate however close pi is to 0 or 1.  k2 = 0 gives lower 0
 * and k1 = 0 gives upper INFINITY.
 *
 * p-value: binom_test_two_sided(k2, n, t2 / (t1 + t2)), the exact test of
 * ratio = 1; 1 when k1 = k2 = 0.  significant: p_value < 1 - level.
 * k1 + k2 may be at most 1,000,000 (ERR_TOO_LARGE).
 */
int stats_change(int64_t k1, double t1, int64_t k2, double t2, double level,
		 struct stats_change *out, struct err *e)
{
	double alpha, c, t;
	int64_t n;

	if (k1 < 0)
		return err_set(e, ERR_INVALID, "k1",
			       "count must not be negative: %lld",
			       (long long)k1);
	if (k2 < 0)
		return err_set(e, ERR_INVALID, "k2",
			       "count must not be negative: %lld",
			       (long long)k2);
	if (k1 > MAX_EVENTS || k2 > MAX_EVENTS - k1)
		return err_set(e, ERR_TOO_LARGE, k1 > k2 ? "k1" : "k2",
			       "counts too large for the exact test "
			       "(more than 1,000,000 events in all)");
	if (!(t1 > 0.0) || !isfinite(t1))
		return err_set(e, ERR_INVALID, "t1",
			       "exposure must be a positive number");
	if (!(t2 > 0.0) || !isfinite(t2))
		return err_set(e, ERR_INVALID, "t2",
			       "exposure must be a positive number");
	if (stats_check_level(level, e))
		return -1;

	n = k1 + k2;
	alpha = 1.0 - level;
	c = t1 / t2;

	out->rate1 = (double)k1 / t1;
	out->rate2 = (double)k2 / t2;
	out->ratio = k1 > 0 ? out->rate2 / out->rate1 : NAN;

	if (k2 == 0) {
		out->lower = 0.0;
	} else {
		t = beta_quantile_logit(alpha / 2.0, (double)k2,
					(double)k1 + 1.0);
		out->lower = c * exp(t);
	}
	if (k1 == 0) {
		out->upper = INFINITY;
	} else {
		t = beta_quantile_logit(alpha / 2.0, (double)k1,
					(double)k2 + 1.0);
		out->upper = c * exp(-t);
	}
	if (isnan(out->lower) || isnan(out->upper))
		return err_set(e, ERR_INVALID, "level",
			       "cannot compute the interval at level %g", level);

	out->percent = 100.0 * (out->ratio - 1.0);
	out->percent_lower = 100.0 * (out->lower - 1.0);
	out->percent_upper = 100.0 * (out->upper - 1.0);
	out->p_value = n == 0 ? 1.0 : binom_test_two_sided(k2, n, t2 / (t1 + t2));
	out->level = level;
	out->significant = out->p_value < alpha;
	out->method = "exact conditional binomial test "
		      "(ratio of two Poisson rates), two-sided";
	out->interval_method = "Clopper-Pearson interval for the conditional "
			       "binomial, transformed to the rate ratio";
	return 0;
}
