/*
 * series.h: an indicator's figures for an area, as a series of points
 * with their confidence intervals, wherever the figures come from.
 *
 * Most indicators keep their values in the store (imported from CSV).  A
 * crime indicator (one with a crime_type) keeps none: its figures are
 * counted from the police.uk records in the crime engine each time they
 * are asked for, so they are current after every import.  Either way the
 * caller gets the same struct ind_point, in the indicator's own units:
 * a proportion as a percentage (or per its 'per'), a rate per its 'per'
 * (1,000 residents), a count as a count.
 *
 * Each point gets its interval by the indicator's ci_method and unit:
 *   wilson, or auto for a proportion   Wilson score, from numerator and
 *                                      denominator
 *   poisson, or auto for a count/rate  exact Poisson below 10 events,
 *                                      Byar's method from 10
 *   none, a mean, or only a value      no interval
 * and is marked as small numbers when its count is below 10 (a
 * proportion: numerator below 10 or denominator below 30).
 *
 * Memory: everything comes from ctx->arena; nothing needs freeing.
 */
#ifndef SAFER_SERIES_H
#define SAFER_SERIES_H

#include "base/arena.h"
#include "base/err.h"
#include "stats/stats.h"
#include "store/store_indicator.h"

struct store;
struct indicator;
struct crime_engine;

/* Below these a figure is "small numbers": treat with caution. */
#define IND_SMALL_COUNT 10       /* events (counts, rates, numerators) */
#define IND_SMALL_DENOMINATOR 30 /* a proportion's denominator */
/* An SPC chart needs at least this many points (NHSRplotthedots warns
 * below 12 that the limits are only trial limits). */
#define IND_SPC_MIN_POINTS 12

/* Where the figures come from, and at what confidence level. */
struct ind_ctx {
	struct store *store;
	const struct crime_engine *g; /* NULL: no crime data (crime
				       * indicators then have no points) */
	bool crime_generated;         /* some crime rows are the demo's */
	struct arena *arena;
	double level;                 /* 0.95 or 0.998 */
};

/* Make a context for store s at level: with the crime engine when an
 * indicator counts crimes and there is crime data (crime_acquire: the
 * engine is given back when a is reset or released). */
int ind_ctx_open(struct ind_ctx *c, struct store *s, struct arena *a,
		 double level, struct err *e);

/* A period a figure is for.  Stored figures are found by their label; a
 * crime indicator's figures are counted over months from..to. */
struct ind_period {
	const char *label;        /* "Wave 6", "2020/21", "2026-09",
				   * "12 months to September 2026" */
	const char *start, *end;  /* YYYY-MM-DD */
	int from_month, to_month; /* crime: 12 * year + month - 1; else -1 */
};

struct ind_point {
	const char *area;
	const char *period;        /* the label */
	const char *start, *end;   /* YYYY-MM-DD */
	int from_month, to_month;  /* crime points; else -1 */
	bool has_numerator, has_denominator, has_value;
	double numerator;          /* events, or people who ... */
	double denominator;        /* people asked, residents, ... */
	double value;              /* in the indicator's units */
	bool has_ci;
	double lower, upper;       /* the interval, in the same units */
	const char *ci_method;     /* in plain words (static), or NULL */
	const char *no_ci;         /* why there is no interval, or NULL */
	bool small;                /* small numbers */
	bool example;              /* example (demo) data */
	const char *note;
	const char *source;        /* "file.csv:12" or the crime data */
};

struct ind_series {
	const struct indicator *ind;
	const char *area;          /* as the figures name it */
	bool crime;                /* counted from the crime engine */
	int64_t population;        /* crime: the area's residents; -1 unknown */
	struct ind_point *points;  /* in time order */
	size_t n;
};

/* The units of an indicator's values: per if set, else 100 for a
 * proportion (a percentage) and 1 otherwise. */
double ind_scale(const struct indicator *ind);
enum stats_polarity ind_polarity(const struct indicator *ind);
bool ind_is_crime(const struct indicator *ind);

/* The figures of ind for area (a name or code, any case), oldest first.
 * A crime indicator gives one point per month of the crime data (a month
 * with no data at all is a point without a value).  An area with no
 * figures gives n = 0, not an error; a crime area the engine does not
 * know is ERR_NOT_FOUND. */
int ind_series_get(struct ind_ctx *c, const struct indicator *ind,
		   const char *area, struct ind_series *out, struct err *e);

/* The figure of each of areas[0..n-1] for one period, into out[0..n-1]
 * (a point with has_value false for an area without one).  For a crime
 * indicator period must have months; for the others, its label is
 * matched. */
int ind_values_at(struct ind_ctx *c, const struct indicator *ind,
		  const struct ind_period *period, const char *const *areas,
		  size_t n, struct ind_point *out, struct err *e);

/* The crime indicator's figure for area over months from..to, summed
 * (a 12-month rate, say), with its interval.  *out has has_value false
 * when the area has no population (rates) or the months no data. */
int ind_crime_window(struct ind_ctx *c, const struct indicator *ind,
		     const char *area, int from, int to, struct ind_point *out,
		     struct err *e);

/* Fill p's interval and small-numbers mark from its numerator,
 * denominator and value, by the indicator's ci_method and unit, at
 * level. */
void ind_point_interval(const struct indicator *ind, double level,
			struct ind_point *p);

/* The areas an indicator has figures for: stored areas, most values
 * first; for a crime indicator, the engine's peer groups and districts.
 * From the arena. */
const char **ind_areas(struct ind_ctx *c, const struct indicator *ind,
		       size_t *n, struct err *e);

/* ---------------------------------------------------------------------
 * SPC
 */

struct ind_spc {
	bool done;            /* false: too few points (see why_not) */
	const char *why_not;  /* static text, when not done */
	size_t n;             /* points charted (those with values) */
	size_t *index;        /* n: each charted point's index in the series */
	struct stats_spc_point *points; /* n */
	struct stats_spc_result res;
};

/* An XmR chart of the points of s with values, among points
 * 0..upto (inclusive), with the indicator's polarity.  Fewer than
 * IND_SPC_MIN_POINTS is not an error: out->done is false. */
int ind_spc(struct ind_ctx *c, const struct ind_series *s, size_t upto,
	    struct ind_spc *out, struct err *e);

#endif
