#!/usr/bin/python3
"""Reference values for safer's statistics module (src/stats/).

Computes every statistic that src/stats/ computes, independently, with
scipy and statsmodels (and, for the XmR chart, a line-by-line Python
transcription of NHSRplotthedots' R code), over a grid of cases, and
writes them as a C table to tests/unit/stats_reference.h for
tests/unit/test_stats.c.

Run with Debian's python (it has python3-scipy and python3-statsmodels):

    /usr/bin/python3 tests/reference/stats_reference.py

from the top of the repository.  The output is deterministic; commit it.
"""

import math
import os
import sys

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

LEVELS = (0.95, 0.998)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "unit",
                   "stats_reference.h")


def c_double(x):
    """A C double literal that round-trips exactly."""
    x = float(x)
    if math.isnan(x):
        return "NAN"
    if math.isinf(x):
        return "INFINITY" if x > 0 else "-INFINITY"
    return repr(x)


# ---------------------------------------------------------------------
# 1. Proportions: Wilson score interval (statsmodels)
# ---------------------------------------------------------------------

PROPORTIONS = [
    (0, 1), (1, 1), (0, 10), (1, 10), (5, 10), (10, 10), (3, 7),
    (81, 263), (15, 148), (0, 20), (1, 29), (29, 29), (46, 98),
    (920, 1000), (8800, 10000), (1, 100000), (99999, 100000),
    (12345, 678901), (359, 1000),
]


def proportion_rows():
    rows = []
    for level in LEVELS:
        for k, n in PROPORTIONS:
            lo, hi = proportion_confint(k, n, alpha=1 - level, method="wilson")
            rows.append((k, n, level, k / n, lo, hi))
    return rows


# ---------------------------------------------------------------------
# 2. Rates: exact Poisson (chi-square) below 10, Byar's method from 10
#    (Fingertips technical guidance, "Rates"; PHEindicatormethods
#    phe_rate), written here straight from the published formulas.
# ---------------------------------------------------------------------

RATES = [  # (count, denominator, per)
    (0, 1, 1), (1, 1, 1), (2, 1, 1), (5, 1, 1), (9, 1, 1), (10, 1, 1),
    (11, 1, 1), (0, 3000, 1000), (3, 3000, 1000), (9, 2950, 1000),
    (10, 2950, 1000), (20, 2950, 1000), (65, 100000, 100000),
    (1045, 290000, 1000), (12345, 293423, 1000), (250000, 56000000, 1000),
    (7, 0.5, 1), (100, 12.5, 100),
]


def rate_rows():
    rows = []
    for level in LEVELS:
        a = 1 - level
        z = stats.norm.ppf(1 - a / 2)
        for k, den, per in RATES:
            if k < 10:
                lo = stats.chi2.ppf(a / 2, 2 * k) / 2 if k > 0 else 0.0
                hi = stats.chi2.ppf(1 - a / 2, 2 * k + 2) / 2
                method = 0
            else:
                lo = k * (1 - 1 / (9 * k) - z / (3 * math.sqrt(k))) ** 3
                hi = (k + 1) * (1 - 1 / (9 * (k + 1))
                                + z / (3 * math.sqrt(k + 1))) ** 3
                method = 1
            rows.append((k, den, per, level, k / den * per,
                         lo / den * per, hi / den * per, method))
    return rows


# ---------------------------------------------------------------------
# 3. Two proportions: pooled two-proportion z-test (statsmodels)
# ---------------------------------------------------------------------

ZTESTS = [
    (920, 1000, 880, 1000), (46, 98, 359, 1000), (5, 50, 15, 60),
    (1, 2, 0, 3), (300, 400, 2800, 4000), (88, 100, 88, 100),
    (0, 10, 0, 10), (10, 10, 10, 10), (0, 25, 3, 25), (467, 1000, 359, 1000),
    (51, 60, 600, 800),
]


def ztest_rows():
    rows = []
    for level in LEVELS:
        for k1, n1, k2, n2 in ZTESTS:
            p = (k1 + k2) / (n1 + n2)
            if p in (0.0, 1.0):
                # se = 0: no evidence of a difference (safer's convention;
                # statsmodels returns nan here)
                z, pv = 0.0, 1.0
            else:
                z, pv = proportions_ztest([k1, k2], [n1, n2])
                # cross-check with the formula and scipy's normal
                se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
                z2 = (k1 / n1 - k2 / n2) / se
                assert abs(z - z2) <= 1e-12 * max(1, abs(z))
                assert abs(pv - 2 * stats.norm.sf(abs(z2))) <= 1e-15 + 1e-12 * pv
            rows.append((k1, n1, k2, n2, level, k1 / n1, k2 / n2,
                         k1 / n1 - k2 / n2, z, pv, int(pv < 1 - level)))
    return rows


# ---------------------------------------------------------------------
# 4. Change between two periods: conditional binomial (scipy)
# ---------------------------------------------------------------------

CHANGES = [  # (k1, t1, k2, t2)
    (100, 1, 65, 1), (0, 1, 0, 1), (0, 1, 5, 1), (5, 1, 0, 1), (1, 1, 1, 1),
    (10, 1, 20, 1), (7, 2, 3, 1), (1200, 1, 1100, 1), (5000, 1, 4200, 1),
    (3, 1, 12, 1), (250, 12, 30, 1), (40, 1.5, 52, 1), (1, 1, 30, 1),
    (57, 1, 43, 1), (20, 1, 20, 1), (9, 1, 10, 1), (2, 1, 900, 1),
    (510000, 1, 490000, 1), (31000, 1, 29500, 1.02), (400, 1, 2, 1),
    # exact ties in the binomial pmf (where scipy's 1e-7 tolerance matters)
    (2, 2, 0, 1), (1, 2, 1, 1), (4, 2, 1, 1), (3, 2, 2, 1), (10, 2, 4, 1),
    (9, 2, 5, 1), (26, 2, 12, 1), (25, 2, 13, 1), (3, 3, 0, 1), (6, 3, 1, 1),
]


def change_rows():
    rows = []
    for level in LEVELS:
        a = 1 - level
        for k1, t1, k2, t2 in CHANGES:
            n = k1 + k2
            c = t1 / t2
            ratio = (k2 / t2) / (k1 / t1) if k1 > 0 else math.nan
            pl = stats.beta.ppf(a / 2, k2, k1 + 1) if k2 > 0 else 0.0
            pu = stats.beta.ppf(1 - a / 2, k2 + 1, k1) if k1 > 0 else 1.0
            lo = c * pl / (1 - pl)
            hi = c * pu / (1 - pu) if pu < 1 else math.inf
            if n > 0:
                res = stats.binomtest(k2, n, t2 / (t1 + t2))
                pv = res.pvalue
                # cross-check Clopper-Pearson against scipy's own
                ci = res.proportion_ci(confidence_level=level, method="exact")
                assert abs(ci.low - pl) <= 1e-9 * max(pl, 1e-300) + 1e-15
                assert abs(ci.high - pu) <= 1e-9
            else:
                pv = 1.0
            pct = 100 * (ratio - 1)
            rows.append((k1, t1, k2, t2, level, k1 / t1, k2 / t2, ratio, lo,
                         hi, pct, 100 * (lo - 1), 100 * (hi - 1), pv,
                         int(pv < 1 - level)))
    return rows


# ---------------------------------------------------------------------
# 5. XmR chart: NHSRplotthedots (R/ptd_spc_standard.R,
#    R/ptd_calculate_point_type.R), transcribed line by line, with R's
#    NA logic where it matters (limits are NaN when every moving range
#    is screened out).  Vectors are Python lists; NA is None.
# ---------------------------------------------------------------------

NA = None


def r_mean(xs):
    xs = [x for x in xs if x is not NA and not (isinstance(x, float) and math.isnan(x))]
    return math.fsum(xs) / len(xs) if xs else math.nan


def r_gt(a, b):
    return NA if (a is NA or b is NA or math.isnan(a) or math.isnan(b)) else a > b


def r_lt(a, b):
    return NA if (a is NA or b is NA or math.isnan(a) or math.isnan(b)) else a < b


def r_or(a, b):
    if a is True or b is True:
        return True
    if a is NA or b is NA:
        return NA
    return False


def r_and(a, b):
    if a is False or b is False:
        return False
    if a is NA or b is NA:
        return NA
    return True


def r_not(a):
    return NA if a is NA else (not a)


def r_sign(x):
    return 1 if x > 0 else (-1 if x < 0 else 0)


def r_sum(xs):
    if any(x is NA for x in xs):
        return NA
    return sum(int(x) for x in xs)


def ptd_spc_standard(y, fix_after, screen):
    """One facet, one rebase group."""
    limit = 2.66
    limitclose = 2 * (limit / 3)
    m = len(y)
    fix_y = [y[i] if (i + 1) <= (fix_after or math.inf) else NA for i in range(m)]
    mean = r_mean(fix_y)
    mr = [NA] + [NA if (fix_y[i] is NA or fix_y[i - 1] is NA)
                 else abs(fix_y[i] - fix_y[i - 1]) for i in range(1, m)]
    amr = r_mean(mr)
    if screen:
        mr = [x if (x is not NA and x < 3.267 * amr) else NA for x in mr]
    amr = r_mean(mr)
    lpl = mean - limit * amr
    upl = mean + limit * amr
    nlpl = mean - limitclose * amr
    nupl = mean + limitclose * amr
    outside = [r_or(r_gt(v, upl), r_lt(v, lpl)) for v in y]
    rtm = [r_sign(v - mean) for v in y]
    close = [r_and(r_not(outside[i]), r_or(r_lt(y[i], nlpl), r_gt(y[i], nupl)))
             for i in range(m)]
    return dict(mean=mean, amr=amr, lpl=lpl, upl=upl, outside=outside,
                rtm=rtm, close=close)


def ptd_seven_point_one_side_mean(v, run=7):
    vp = [0] * (run - 1) + v
    out = []
    for i in range(run - 1, len(vp)):
        out.append(1 if (all(vp[i] == vp[i - j] for j in range(1, run))
                         and vp[i] != 0) else 0)
    return out


def ptd_part_of_seven_trend(v, run=7):
    vp = v + [0] * (run - 1)
    return [1 if any(abs(vp[i + j]) == 1 for j in range(run)) else 0
            for i in range(len(v))]


def ptd_seven_point_trend(y, run=7):
    if len(y) < run:
        return [0] * len(y)
    out = [0] * (run - 1)
    for i in range(run - 1, len(y)):
        w = [y[i - j] for j in range(run)]          # y[i - 0:6]
        d = [-r_sign(w[j + 1] - w[j]) for j in range(run - 1)]
        if all(x == 1 for x in d):
            out.append(1)
        elif all(x == -1 for x in d):
            out.append(-1)
        else:
            out.append(0)
    return out


def ptd_two_in_three(v, rtm):
    if len(v) == 0:
        return []
    vp = [0, 0] + v + [0, 0]
    rtmp = [0, 0] + rtm + [0, 0]
    out = []
    for i in range(len(v)):
        res = False
        for off in (0, 1, 2):
            s = r_sum(vp[i + off:i + off + 3])
            a = NA if s is NA else (s >= 2)
            b = abs(sum(rtmp[i + off:i + off + 3])) == 3
            term = r_and(a, b)
            # R's ||: TRUE wins, then NA, then FALSE
            res = r_or(res, term)
            if res is True:
                break
        out.append(NA if res is NA else (1 if res else 0))
    return out


def ptd_part_of_two_in_three(v, x):
    out = []
    for a, b in zip(v, x):
        if a is NA or b is NA:
            out.append(NA)
        else:
            out.append(1 if (a == 1 and abs(int(b)) == 1) else 0)
    return out


def ptd_special_cause_type(y, rtm, close, outside, shift_run=7, trend_run=7):
    pst = ptd_part_of_seven_trend(ptd_seven_point_trend(y, trend_run), trend_run)
    p23 = ptd_part_of_two_in_three(ptd_two_in_three(close, rtm), close)
    psm = ptd_part_of_seven_trend(ptd_seven_point_one_side_mean(rtm, shift_run),
                                  shift_run)
    m = len(y)
    sdy = [r_sign(y[i + 1] - y[i]) for i in range(m - 1)]
    right = sdy + [sdy[-1]]
    left = [0] + sdy
    cond = [bool((pst[1:] + [0])[i]) and bool(pst[i]) for i in range(m)]
    sdy = [right[i] if cond[i] else left[i] for i in range(m)]
    types = []
    for i in range(m):
        above_or_below = "Above" if rtm[i] > 0 else "Below"
        if outside[i] is True:   # outside_limits != 0, NA -> FALSE
            types.append("Above UCL" if rtm[i] == 1 else "Below LCL")
        elif pst[i] != 0:
            types.append("7 Point Trend (%screasing)" % ("In" if sdy[i] == 1 else "De"))
        elif p23[i] is not NA and p23[i] != 0:
            types.append("2 in 3 %s CL" % above_or_below)
        elif psm[i] != 0:
            types.append("7 Points %s CL" % above_or_below)
        else:
            types.append("Common Cause")
    rules = []
    for i in range(m):
        r = 0
        if outside[i] is True:
            r |= 1
        if pst[i]:
            r |= 2
        if p23[i] is not NA and p23[i]:
            r |= 4
        if psm[i]:
            r |= 8
        rules.append(r)
    return types, rules


def ptd_point_type(types, improvement_direction):
    out = []
    for t in types:
        if "Above" in t or "Increasing" in t:
            v = 1
        elif "Below" in t or "Decreasing" in t:
            v = -1
        else:
            v = 0
        if improvement_direction == 0:
            out.append("special_cause_neutral_high" if v > 0 else
                       "special_cause_neutral_low" if v < 0 else "common_cause")
        else:
            v *= improvement_direction
            out.append("special_cause_improvement" if v > 0 else
                       "special_cause_concern" if v < 0 else "common_cause")
    return out


TYPE_CODE = {"Above UCL": (1, 1), "Below LCL": (1, -1),
             "7 Point Trend (Increasing)": (2, 1),
             "7 Point Trend (Decreasing)": (2, -1),
             "2 in 3 Above CL": (4, 1), "2 in 3 Below CL": (4, -1),
             "7 Points Above CL": (8, 1), "7 Points Below CL": (8, -1),
             "Common Cause": (0, 0)}
CLASS_CODE = {"common_cause": 0, "special_cause_improvement": 1,
              "special_cause_concern": 2, "special_cause_neutral_high": 3,
              "special_cause_neutral_low": 4}


def ptd_spc(values, rebase=(), fix_after=None, improvement=1, screen=True,
            shift_run=7, trend_run=7):
    """improvement: 1 increase, -1 decrease, 0 neutral (as ptd_spc)."""
    bounds = [0] + list(rebase) + [len(values)]
    seg, pts = [], []
    for s in range(len(bounds) - 1):
        y = values[bounds[s]:bounds[s + 1]]
        st = ptd_spc_standard(y, fix_after, screen)
        types, rules = ptd_special_cause_type(y, st["rtm"], st["close"],
                                              st["outside"], shift_run,
                                              trend_run)
        ptypes = ptd_point_type(types, improvement)
        seg.append((st["mean"], st["amr"], st["lpl"], st["upl"]))
        for i in range(len(y)):
            code, direction = TYPE_CODE[types[i]]
            pts.append((rules[i], code, direction, CLASS_CODE[ptypes[i]]))
    return seg, pts


def real_looking_series():
    rs = np.random.RandomState(20240611)
    burglary = list(rs.poisson(118, 20)) + list(rs.poisson(78, 16))
    asb = list(rs.poisson(70, 52))
    asb[40] = 131
    hate = list(rs.poisson(31, 14)) + [58, 44, 37, 33]
    missing = [int(x) for x in rs.poisson(np.linspace(40, 22, 24))]
    return ([float(x) for x in burglary], [float(x) for x in asb],
            [float(x) for x in hate], [float(x) for x in missing])


# R: set.seed(123); rnorm(20), as R prints them (8 decimals)
RNORM_123 = [-0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774,
             1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197,
             1.22408180, 0.35981383, 0.40077145, 0.11068272, -0.55584113,
             1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141]

# 12 calm points of mean 10 ending on the mean (as CALM in test_stats.c)
CALM = [10, 11, 9, 10, 11, 9, 10, 11, 9, 11, 9, 10]


def spc_cases():
    burglary, asb, hate, missing = real_looking_series()
    base = [10, 11, 9, 10, 12, 10, 9, 11, 10, 11, 9, 10]
    return [
        # name, values, rebase, baseline, polarity(C enum), screen, shift, trend
        ("outside_high", base[:9] + [30.0] + base[9:], [], 0, 2, True, 0, 0),
        ("run_below_mean", [12, 13, 11, 12, 14, 12, 13, 11, 8, 9, 8, 7, 9, 8,
                            9, 8], [], 0, 1, True, 0, 0),
        ("falling_trend", [20, 21, 19, 20, 22, 20, 19, 18, 17, 16, 15, 14, 13,
                           14, 15, 16], [], 0, 2, True, 0, 0),
        ("rising_trend_across_mean", [10, 9, 11, 10, 1, 2, 3, 4, 5, 6, 7, 10,
                                      11, 9], [], 0, 1, True, 0, 0),
        ("two_in_three", [10, 11, 9, 10, 11, 9, 10, 10, 11, 9, 10, 11, 9,
                          10, 13.2, 10.5, 13.4, 10, 9, 11], [], 0, 1, True,
         0, 0),
        ("two_in_three_opposite_sides", [10, 11, 9, 10, 11, 9, 10, 10, 11, 9,
                                         10, 11, 9, 10, 13.2, 9.5, 13.4, 10,
                                         9, 11], [], 0, 1, True, 0, 0),
        ("on_mean_breaks_run", [10, 12, 8, 10, 12, 8, 11, 11, 11, 10, 11, 11,
                                11, 11, 8, 9, 10, 12], [], 0, 0, True, 0, 0),
        ("peak_between_trends", [1, 2, 3, 4, 5, 6, 7, 8, 7, 6, 5, 4, 3, 2, 1],
         [], 0, 1, True, 0, 0),
        ("rebase", [10, 11, 9, 10, 12, 10, 9, 11, 10, 11, 20, 21, 19, 20, 22,
                    20, 19, 21, 20, 21], [10], 0, 1, True, 0, 0),
        ("screening", [10, 11, 9, 10, 40, 10, 9, 11, 10, 11, 9, 10, 11, 10],
         [], 0, 2, True, 0, 0),
        ("screening_off", [10, 11, 9, 10, 40, 10, 9, 11, 10, 11, 9, 10, 11,
                           10], [], 0, 2, False, 0, 0),
        ("constant_baseline", [5, 5, 5, 5, 5, 5, 5, 6, 7, 8, 9, 10, 11, 12],
         [], 7, 1, True, 0, 0),
        ("constant_baseline_no_screen", [5, 5, 5, 5, 5, 5, 5, 6, 7, 8, 9, 10,
                                         11, 12], [], 7, 1, False, 0, 0),
        ("short_runs_5", [10, 11, 9, 10, 12, 10, 14, 13, 14, 15, 13, 9, 8, 7,
                          6, 5, 10], [], 0, 0, True, 5, 5),
        ("calm_two_in_three", CALM + [13.0, 10.5, 13.2, 10, 9, 11], [], 12,
         1, True, 0, 0),
        ("calm_two_in_three_outside", CALM + [13.0, 10.5, 15, 10, 9, 11], [],
         12, 1, True, 0, 0),
        ("calm_falling_trend", CALM + [11, 10.5, 10.2, 9.8, 9.5, 9.2, 9.0, 10],
         [], 12, 2, True, 0, 0),
        ("calm_run_below", CALM + [9.5, 9, 9.5, 9, 9.5, 9, 9.5, 9], [], 12, 1,
         True, 0, 0),
        # NHSRplotthedots' own test data (tests/testthat/
        # test-ptd_spc_standard.R): R's set.seed(123); rnorm(20), then
        # y[15] <- 10; and its two-in-three test on opposite sides
        ("nhsr_rnorm", RNORM_123, [], 0, 1, True, 0, 0),
        ("nhsr_rnorm_outlier", RNORM_123[:14] + [10.0] + RNORM_123[15:], [], 0,
         1, True, 0, 0),
        ("nhsr_rnorm_outlier_no_screen", RNORM_123[:14] + [10.0]
         + RNORM_123[15:], [], 0, 1, False, 0, 0),
        ("nhsr_opposite_sides", [1.0, -1.0] * 7 + [5.5, -5.5], [], 0, 1,
         True, 0, 0),
        ("burglary_monthly", burglary, [], 0, 2, True, 0, 0),
        ("burglary_baseline_12", burglary, [], 12, 2, True, 0, 0),
        ("burglary_rebased", burglary, [20], 0, 2, True, 0, 0),
        ("asb_weekly", asb, [], 0, 2, True, 0, 0),
        ("hate_crime_quarterly", hate, [], 0, 0, True, 0, 0),
        ("missing_episodes", missing, [], 12, 2, True, 0, 0),
    ]


POLARITY_TO_R = {0: 0, 1: 1, 2: -1}


def spc_rows():
    rows = []
    for name, values, rebase, baseline, pol, screen, sh, tr in spc_cases():
        values = [float(v) for v in values]
        seg, pts = ptd_spc(values, rebase, baseline or None,
                           POLARITY_TO_R[pol], screen, sh or 7, tr or 7)
        rows.append((name, values, rebase, baseline, pol, screen, sh, tr,
                     seg, pts))
    return rows


# ---------------------------------------------------------------------
# 6. Series helpers (numpy, scipy.stats.rankdata)
# ---------------------------------------------------------------------

SERIES = [5, 7, 6, 9, 12, 10, 8, 7, 9, 11, 10, 6, 4, 8, 7, 10, 13, 12, 9, 8,
          10, 12, 11, 7, 0, 3]
PEERS = [46.7, 35.9, 41.2, 46.7, 52.0, 30.1, 41.2, 41.2, math.nan, 29.0]


def series_rows():
    x = np.array(SERIES, dtype=float)
    window = 12
    cs = np.concatenate([[0.0], np.cumsum(x)])
    roll = [math.nan] * (window - 1) + list(cs[window:] - cs[:-window])
    lag = 12
    change = [math.nan] * lag + list(x[lag:] - x[:-lag])
    pct = [math.nan] * lag + [100.0 * (b / a - 1) if a != 0 else math.nan
                              for a, b in zip(x[:-lag], x[lag:])]
    p = np.array(PEERS)
    ok = ~np.isnan(p)
    hi = np.zeros(len(p), dtype=int)
    lo = np.zeros(len(p), dtype=int)
    hi[ok] = stats.rankdata(-p[ok], method="min")
    lo[ok] = stats.rankdata(p[ok], method="min")
    ties = [int(np.sum(p[ok] == v)) if not math.isnan(v) else 0 for v in p]
    return roll, change, pct, list(hi), list(lo), ties


# ---------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------

def main():
    out = []
    w = out.append
    w("/*")
    w(" * stats_reference.h: reference values for tests/unit/test_stats.c.")
    w(" *")
    w(" * GENERATED by tests/reference/stats_reference.py; do not edit.")
    w(" * Regenerate from the top of the repository with")
    w(" *     /usr/bin/python3 tests/reference/stats_reference.py")
    w(" * (Debian's python3-scipy and python3-statsmodels).  Generated with")
    w(" * python %s, numpy %s, scipy %s, statsmodels %s." % (
        sys.version.split()[0], np.__version__, scipy.__version__,
        statsmodels.__version__))
    w(" *")
    w(" * Sources: statsmodels proportion_confint(method='wilson') and")
    w(" * proportions_ztest; scipy chi2.ppf (exact Poisson), norm.ppf with")
    w(" * Byar's published formula, beta.ppf (Clopper-Pearson), binomtest")
    w(" * (exact two-sided p-value); the XmR chart from a Python")
    w(" * transcription of NHSRplotthedots R/ptd_spc_standard.R and")
    w(" * R/ptd_calculate_point_type.R; numpy cumsum and scipy rankdata.")
    w(" */")
    w("#ifndef STATS_REFERENCE_H")
    w("#define STATS_REFERENCE_H")
    w("")
    w("#include <math.h>")
    w("#include <stddef.h>")
    w("#include <stdint.h>")
    w("")

    w("struct ref_proportion { int64_t k, n; double level, value, lower, upper; };")
    w("static const struct ref_proportion ref_proportions[] = {")
    for k, n, lv, v, lo, hi in proportion_rows():
        w("\t{ %d, %d, %s, %s, %s, %s }," % (k, n, c_double(lv), c_double(v),
                                            c_double(lo), c_double(hi)))
    w("};")
    w("")

    w("/* method: 0 exact Poisson (Garwood), 1 Byar's method */")
    w("struct ref_rate { int64_t k; double denominator, per, level, value, "
      "lower, upper; int method; };")
    w("static const struct ref_rate ref_rates[] = {")
    for k, den, per, lv, v, lo, hi, m in rate_rows():
        w("\t{ %d, %s, %s, %s, %s, %s, %s, %d }," % (
            k, c_double(den), c_double(per), c_double(lv), c_double(v),
            c_double(lo), c_double(hi), m))
    w("};")
    w("")

    w("struct ref_ztest { int64_t k1, n1, k2, n2; double level, p1, p2, "
      "difference, z, p_value; int significant; };")
    w("static const struct ref_ztest ref_ztests[] = {")
    for r in ztest_rows():
        w("\t{ %d, %d, %d, %d, %s, %s, %s, %s, %s, %s, %d }," % (
            r[0], r[1], r[2], r[3], *[c_double(x) for x in r[4:10]], r[10]))
    w("};")
    w("")

    w("struct ref_change { int64_t k1; double t1; int64_t k2; double t2, "
      "level, rate1, rate2, ratio, lower, upper, percent, percent_lower, "
      "percent_upper, p_value; int significant; };")
    w("static const struct ref_change ref_changes[] = {")
    for r in change_rows():
        w("\t{ %d, %s, %d, %s, %s }," % (
            r[0], c_double(r[1]), r[2], c_double(r[3]),
            ", ".join([c_double(x) for x in r[4:14]] + [str(r[14])])))
    w("};")
    w("")

    w("/* XmR charts: polarity is enum stats_polarity; rules, type and")
    w(" * class are enum stats_spc_rule bits and enum stats_spc_class. */")
    w("struct ref_spc_point { unsigned rules, type; int direction, cls; };")
    w("struct ref_spc_segment { double mean, amr, lower, upper; };")
    w("struct ref_spc { const char *name; const double *values; size_t n;")
    w("\tconst size_t *rebase; size_t n_rebase; size_t baseline; int polarity;")
    w("\tint no_screening; unsigned shift_length, trend_length;")
    w("\tconst struct ref_spc_segment *segments; size_t n_segments;")
    w("\tconst struct ref_spc_point *points; };")
    names = []
    for (name, values, rebase, baseline, pol, screen, sh, tr, seg,
         pts) in spc_rows():
        names.append((name, len(values), len(rebase), baseline, pol, screen,
                      sh, tr, len(seg)))
        w("static const double ref_spc_%s_values[] = {" % name)
        for i in range(0, len(values), 8):
            w("\t" + ", ".join(c_double(v) for v in values[i:i + 8]) + ",")
        w("};")
        w("static const size_t ref_spc_%s_rebase[] = { %s };" % (
            name, ", ".join(str(r) for r in rebase) if rebase else "0"))
        w("static const struct ref_spc_segment ref_spc_%s_segments[] = {" % name)
        for s in seg:
            w("\t{ %s }," % ", ".join(c_double(x) for x in s))
        w("};")
        w("static const struct ref_spc_point ref_spc_%s_points[] = {" % name)
        for p in pts:
            w("\t{ %d, %d, %d, %d }," % p)
        w("};")
    w("static const struct ref_spc ref_spcs[] = {")
    for (name, n, nreb, baseline, pol, screen, sh, tr, nseg) in names:
        w("\t{ \"%s\", ref_spc_%s_values, %d, ref_spc_%s_rebase, %d, %d, %d, "
          "%d, %d, %d, ref_spc_%s_segments, %d, ref_spc_%s_points }," % (
              name, name, n, name, nreb, baseline, pol, 0 if screen else 1,
              sh, tr, name, nseg, name))
    w("};")
    w("")

    roll, change, pct, hi, lo, ties = series_rows()
    w("static const double ref_series[] = { %s };" % ", ".join(
        c_double(v) for v in SERIES))
    w("static const double ref_rolling12[] = { %s };" % ", ".join(
        c_double(v) for v in roll))
    w("static const double ref_yoy_change[] = { %s };" % ", ".join(
        c_double(v) for v in change))
    w("static const double ref_yoy_percent[] = { %s };" % ", ".join(
        c_double(v) for v in pct))
    w("static const double ref_peers[] = { %s };" % ", ".join(
        c_double(v) for v in PEERS))
    w("static const size_t ref_rank_highest[] = { %s };" % ", ".join(
        str(int(v)) for v in hi))
    w("static const size_t ref_rank_lowest[] = { %s };" % ", ".join(
        str(int(v)) for v in lo))
    w("static const size_t ref_rank_ties[] = { %s };" % ", ".join(
        str(v) for v in ties))
    w("")
    w("#endif")

    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote %s" % os.path.relpath(OUT))


if __name__ == "__main__":
    main()
