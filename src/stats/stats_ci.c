/*
 * stats_ci.c: confidence intervals for proportions, counts and rates,
 * following the PHE / OHID Fingertips technical guidance
 * ("Technical Guide: Confidence intervals", and the PHEindicatormethods R
 * package, phe_proportion and phe_rate).
 */
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "stats_internal.h"

/* Count below which the exact Poisson interval replaces Byar's method
 * (Fingertips: "exact method for numerators < 10, Byar's for >= 10"). */
#define BYAR_FROM 10

void stats_init(void)
{
	gsl_set_error_handler_off();
}

/*
 * z = Phi^-1(1 - alpha / 2) with alpha = 1 - level, computed as the upper
 * tail quantile Q^-1(alpha / 2) so that 99.8% keeps full precision.
 */
double stats_z(double level)
{
	if (!(level > 0.0 && level < 1.0))
		BUG("stats_z: level %g not in (0, 1)", level);
	return gsl_cdf_ugaussian_Qinv((1.0 - level) / 2.0);
}

int stats_level_parse(const char *s, double *level)
{
	char *end;
	double v;

	if (!s || !*s)
		return -1;
	v = strtod(s, &end);
	if (*end || !isfinite(v))
		return -1;
	if (v >= 1)
		v /= 100;
	if (v < 0.5 || v >= 1)
		return -1;
	*level = v;
	return 0;
}

/* See stats_internal.h. */
int stats_check_level(double level, struct err *e)
{
	if (!(level > 0.0 && level < 1.0))
		return err_set(e, ERR_INVALID, "level",
			       "confidence level must be between 0 and 1 "
			       "(e.g. 0.95 or 0.998)");
	return 0;
}

/*
 * Wilson score interval (Wilson 1927; Newcombe 1998 method 3), in the
 * form of the Fingertips guidance:
 *
 *   lower, upper = (2k + z^2 -/+ z sqrt(z^2 + 4 k q)) / (2 (n + z^2))
 *
 * with q = 1 - k/n and z = stats_z(level).  k = 0 gives lower = 0 and
 * k = n gives upper = 1 exactly (rounding would otherwise leave 1e-17).
 */
int stats_proportion(int64_t k, int64_t n, double level,
		     struct stats_interval *out, struct err *e)
{
	double z, kd, nd, q, root, denom;

	if (n <= 0)
		return err_set(e, ERR_INVALID, "n",
			       "sample size must be positive: %lld",
			       (long long)n);
	if (k < 0 || k > n)
		return err_set(e, ERR_INVALID, "k",
			       "count must be between 0 and the sample size "
			       "%lld: %lld", (long long)n, (long long)k);
	if (stats_check_level(level, e))
		return -1;

	z = stats_z(level);
	kd = (double)k;
	nd = (double)n;
	q = 1.0 - kd / nd;
	root = z * sqrt(z * z + 4.0 * kd * q);
	denom = 2.0 * (nd + z * z);

	out->value = kd / nd;
	out->lower = k == 0 ? 0.0 : (2.0 * kd + z * z - root) / denom;
	out->upper = k == n ? 1.0 : (2.0 * kd + z * z + root) / denom;
	out->level = level;
	out->method = "Wilson score interval";
	return 0;
}

/*
 * Limits for a Poisson count k (events), before dividing by the
 * denominator.
 *
 * k < 10: exact (Garwood 1936) limits from the chi-square distribution,
 *   lower = chi2_inv(alpha/2; 2k) / 2 (0 when k = 0),
 *   upper = chi2_inv(1 - alpha/2; 2k + 2) / 2.
 * k >= 10: Byar's approximation (Breslow and Day 1987),
 *   lower = k (1 - 1/(9k) - z / (3 sqrt k))^3,
 *   upper = (k+1) (1 - 1/(9(k+1)) + z / (3 sqrt(k+1)))^3.
 * Returns the method name, or NULL if GSL could not invert the
 * distribution.
 */
static const char *poisson_limits(int64_t k, double level, double *lower,
				  double *upper)
{
	double alpha = 1.0 - level;
	double kd = (double)k, z, t;

	if (k < BYAR_FROM) {
		*lower = k == 0 ? 0.0
				: gsl_cdf_chisq_Pinv(alpha / 2.0, 2.0 * kd) / 2.0;
		*upper = gsl_cdf_chisq_Qinv(alpha / 2.0, 2.0 * kd + 2.0) / 2.0;
		if (!isfinite(*lower) || !isfinite(*upper))
			return NULL;
		return "exact Poisson (Garwood)";
	}
	z = stats_z(level);
	t = 1.0 - 1.0 / (9.0 * kd) - z / (3.0 * sqrt(kd));
	*lower = t > 0.0 ? kd * t * t * t : 0.0;
	t = 1.0 - 1.0 / (9.0 * (kd + 1.0)) + z / (3.0 * sqrt(kd + 1.0));
	*upper = (kd + 1.0) * t * t * t;
	return "Byar's method";
}

/*
 * Rate = k / denominator * per, limits = count limits (poisson_limits)
 * / denominator * per: the Fingertips crude rate (PHEindicatormethods
 * phe_rate, whose multiplier is our per).
 */
int stats_rate(int64_t k, double denominator, double per, double level,
	       struct stats_interval *out, struct err *e)
{
	double lo, hi;
	const char *method;

	if (k < 0)
		return err_set(e, ERR_INVALID, "k",
			       "count must not be negative: %lld",
			       (long long)k);
	if (!(denominator > 0.0) || !isfinite(denominator))
		return err_set(e, ERR_INVALID, "denominator",
			       "denominator must be a positive number");
	if (!(per > 0.0) || !isfinite(per))
		return err_set(e, ERR_INVALID, "per",
			       "'per' must be a positive number (e.g. 1000)");
	if (stats_check_level(level, e))
		return -1;

	method = poisson_limits(k, level, &lo, &hi);
	if (!method)
		return err_set(e, ERR_INVALID, "level",
			       "cannot compute a Poisson interval at level %g",
			       level);
	out->value = (double)k / denominator * per;
	out->lower = lo / denominator * per;
	out->upper = hi / denominator * per;
	out->level = level;
	out->method = method;
	return 0;
}
