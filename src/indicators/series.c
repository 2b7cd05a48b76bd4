/*
 * series.c: an indicator's figures for an area, from the store or counted
 * from the crime engine, each with its confidence interval (series.h).
 */
#include <math.h>
#include <strings.h>

#include "base/text.h"
#include "crime/crime.h"
#include "crime/engine.h"
#include "crime/policeuk.h"
#include "indicators/period.h"
#include "series.h"
#include "store/store_crime.h"
#include "store/store_indicator.h"

/* ---------------------------------------------------------------------
 * The context
 */

int ind_ctx_open(struct ind_ctx *c, struct store *s, struct arena *a,
		 double level, struct err *e)
{
	struct crime_summary cs;
	int crime;

	memset(c, 0, sizeof(*c));
	c->store = s;
	c->arena = a;
	c->level = level;
	if ((crime = store_has_crime_indicator(s, e)) <= 0)
		return crime;
	if (store_crime_summary(s, &cs, e) < 0)
		return -1;
	if (!cs.rows[0])
		return 0;
	c->crime_generated = cs.generated_rows > 0;
	c->g = crime_acquire(s, a, e);
	return c->g ? 0 : -1;
}

/* ---------------------------------------------------------------------
 * The indicator's units and rules
 */

static bool is(const char *s, const char *want)
{
	return s && strcmp(s, want) == 0;
}

double ind_scale(const struct indicator *ind)
{
	if (ind->per > 0)
		return (double)ind->per;
	return is(ind->unit, "proportion") ? 100 : 1;
}

enum stats_polarity ind_polarity(const struct indicator *ind)
{
	if (is(ind->polarity, "higher_better"))
		return STATS_POLARITY_HIGHER_BETTER;
	if (is(ind->polarity, "lower_better"))
		return STATS_POLARITY_LOWER_BETTER;
	return STATS_POLARITY_NEITHER;
}

bool ind_is_crime(const struct indicator *ind)
{
	return ind->crime_type && *ind->crime_type;
}

/* A count that the statistics can take: a whole number, 0 or more. */
static bool whole(double v)
{
	return isfinite(v) && v >= 0 && v == floor(v) && v < 9e15;
}

void ind_point_interval(const struct indicator *ind, double level,
			struct ind_point *p)
{
	const char *how = ind->ci_method ? ind->ci_method : "auto";
	bool proportion = is(ind->unit, "proportion");
	bool wilson = is(how, "wilson") || (is(how, "auto") && proportion);
	bool poisson = is(how, "poisson") ||
		       (is(how, "auto") && (is(ind->unit, "count") ||
					    is(ind->unit, "rate")));
	struct stats_interval iv;
	double scale = ind_scale(ind);

	p->has_ci = false;
	p->lower = p->upper = NAN;
	p->ci_method = NULL;
	p->no_ci = NULL;
	p->small = false;
	if (p->has_numerator && whole(p->numerator)) {
		if (p->numerator < IND_SMALL_COUNT)
			p->small = true;
		if (wilson && p->has_denominator &&
		    p->denominator < IND_SMALL_DENOMINATOR)
			p->small = true;
	}
	if (!p->has_value) {
		p->no_ci = "there is no value";
		return;
	}
	if (is(how, "none")) {
		p->no_ci = "the indicator is defined without intervals";
		return;
	}
	if (is(ind->unit, "mean") && !is(how, "wilson") && !is(how, "poisson")) {
		p->no_ci = "a mean or score needs its spread for an interval, "
			   "which the data does not give";
		return;
	}
	if (!p->has_numerator) {
		p->no_ci = "only the value is given, not the counts behind it";
		return;
	}
	if (!whole(p->numerator)) {
		p->no_ci = "the numerator is not a whole count";
		return;
	}
	if (wilson) {
		if (!p->has_denominator || !whole(p->denominator) ||
		    p->denominator < p->numerator || p->denominator < 1) {
			p->no_ci = "a proportion's interval needs its whole-number "
				   "denominator";
			return;
		}
		if (stats_proportion((int64_t)p->numerator, (int64_t)p->denominator,
				     level, &iv, NULL) < 0) {
			p->no_ci = "the interval could not be computed";
			return;
		}
		p->lower = iv.lower * scale;
		p->upper = iv.upper * scale;
	} else if (poisson) {
		double den = 1, per = 1;

		if (is(ind->unit, "rate")) {
			if (!p->has_denominator || !(p->denominator > 0)) {
				p->no_ci = "a rate's interval needs its denominator";
				return;
			}
			den = p->denominator;
			per = scale;
		}
		if (stats_rate((int64_t)p->numerator, den, per, level, &iv, NULL) < 0) {
			p->no_ci = "the interval could not be computed";
			return;
		}
		p->lower = iv.lower;
		p->upper = iv.upper;
	} else {
		p->no_ci = "the indicator's unit has no interval method";
		return;
	}
	p->has_ci = true;
	p->ci_method = iv.method;
}

/* ---------------------------------------------------------------------
 * Stored figures
 */

static void from_value(struct ind_ctx *c, const struct indicator *ind,
		       const struct indicator_value *v, struct ind_point *p)
{
	memset(p, 0, sizeof(*p));
	p->area = v->area;
	p->period = v->period;
	p->start = v->period_start;
	p->end = v->period_end;
	p->from_month = p->to_month = -1;
	p->has_numerator = v->has_numerator;
	p->numerator = v->numerator;
	p->has_denominator = v->has_denominator;
	p->denominator = v->denominator;
	p->has_value = v->has_value && isfinite(v->value);
	p->value = v->value;
	p->example = v->example;
	p->note = v->note;
	p->source = v->source;
	ind_point_interval(ind, c->level, p);
}

/* Whether v is area's: by name as text_same_area compares names ("St
 * Helens" is "St. Helens"), or by code. */
static bool same_area(const struct indicator_value *v, const char *area)
{
	return text_same_area(v->area, area) ||
	       (v->area_code && strcasecmp(v->area_code, area) == 0);
}

/* A stored value's period, checked before its dates are read as dates:
 * the store is read as it is, and a hand-edited one could hold anything
 * there.  ERR_DB naming the indicator, the area and the period. */
static int check_value(const struct indicator *ind,
		       const struct indicator_value *v, struct err *e)
{
	if (!v->area || !v->period)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: a value of indicator '%s' "
			       "has no %s", ind->code, v->area ? "period" : "area");
	if (text_date(v->period_start, NULL, NULL) < 0 ||
	    text_date(v->period_end, NULL, NULL) < 0 ||
	    strcmp(v->period_start, v->period_end) > 0)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: the value of indicator '%s' "
			       "for '%s' in '%s' runs from '%s' to '%s', which are "
			       "not the first and last days of a period",
			       ind->code, v->area, v->period,
			       v->period_start ? v->period_start : "",
			       v->period_end ? v->period_end : "");
	return 0;
}

/* ---------------------------------------------------------------------
 * Crime figures
 */

/* The type ids of the indicator's crime_type: one name, or several
 * separated by ';'. */
static int crime_types(struct ind_ctx *c, const struct indicator *ind,
		       uint32_t *types, size_t *n, struct err *e)
{
	char *list = arena_strdup(c->arena, ind->crime_type), *save = NULL;

	*n = 0;
	for (char *t = strtok_r(list, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
		int64_t id;

		t = text_trim(t);
		if (!*t)
			continue;
		if ((id = ce_type_find(c->g, t, e)) < 0)
			return err_set(e, ERR_NOT_FOUND, "crime_type",
				       "indicator '%s': the crime data has no crime "
				       "type '%s'",
				       ind->code, t);
		if (*n < 32)
			types[(*n)++] = (uint32_t)id;
	}
	if (!*n)
		return err_set(e, ERR_INVALID, "crime_type",
			       "indicator '%s' names no crime type", ind->code);
	return 0;
}

/* Count the indicator's crimes in area by month over from..to into
 * counts[month - from]. */
static int crime_counts(struct ind_ctx *c, const struct indicator *ind,
			const struct ce_area *area, int from, int to,
			int64_t *counts, struct err *e)
{
	struct ce_query q;
	struct ce_result r;

	memset(&q, 0, sizeof(q));
	q.from = from;
	q.to = to;
	q.area = area;
	q.by[0] = CE_MONTH;
	q.n_by = 1;
	if (crime_types(c, ind, q.types, &q.n_types, e) < 0 ||
	    ce_count(c->g, c->arena, &q, &r, e) < 0)
		return -1;
	for (int m = from; m <= to; m++)
		counts[m - from] = 0;
	for (size_t i = 0; i < r.n_rows; i++) {
		int m = (int)r.rows[i].key[0];

		if (m >= from && m <= to)
			counts[m - from] += r.rows[i].count;
	}
	return 0;
}

/* Months from..to in which the crime data has no rows at all (no force
 * published): missing[month - from]. */
static int crime_missing(struct ind_ctx *c, int from, int to, bool *missing,
			 struct err *e)
{
	struct ce_area all;
	struct ce_query q;
	struct ce_result r;

	if (ce_area_find(c->g, c->arena, NULL, &all, e) < 0)
		return -1;
	memset(&q, 0, sizeof(q));
	q.from = from;
	q.to = to;
	q.area = &all;
	q.by[0] = CE_MONTH;
	q.n_by = 1;
	if (ce_count(c->g, c->arena, &q, &r, e) < 0)
		return -1;
	for (int m = from; m <= to; m++)
		missing[m - from] = true;
	for (size_t i = 0; i < r.n_rows; i++) {
		int m = (int)r.rows[i].key[0];

		if (m >= from && m <= to && r.rows[i].count > 0)
			missing[m - from] = false;
	}
	return 0;
}

static const char *month_label(struct arena *a, int month)
{
	char m[8];

	pu_month_format(month, m);
	return arena_strdup(a, m);
}

/* The first and last days of months from..to. */
static void month_dates(struct arena *a, int from, int to, const char **start,
			const char **end)
{
	struct period p, q;
	char m[8];

	pu_month_format(from, m);
	period_parse(m, &p, NULL, NULL);
	pu_month_format(to, m);
	period_parse(m, &q, NULL, NULL);
	*start = arena_strdup(a, p.start);
	*end = arena_strdup(a, q.end);
}

static const char *crime_source(struct ind_ctx *c)
{
	return c->crime_generated
		       ? "police.uk street-level crime (generated for the demo)"
		       : "police.uk street-level crime";
}

/* Fill a crime point from its count over months from..to. */
static void crime_point(struct ind_ctx *c, const struct indicator *ind,
			const struct ce_area *area, int from, int to,
			int64_t count, bool missing, struct ind_point *p)
{
	bool rate = is(ind->unit, "rate");

	memset(p, 0, sizeof(*p));
	p->area = area->name;
	p->from_month = from;
	p->to_month = to;
	p->period = from == to ? month_label(c->arena, from)
			       : arena_printf(c->arena, "%s to %s",
					      month_label(c->arena, from),
					      month_label(c->arena, to));
	month_dates(c->arena, from, to, &p->start, &p->end);
	p->example = c->crime_generated;
	p->source = crime_source(c);
	if (missing) {
		p->note = "The crime data has no records for this period";
	} else {
		p->has_numerator = true;
		p->numerator = (double)count;
		if (rate && area->population > 0) {
			p->has_denominator = true;
			p->denominator = (double)area->population;
			p->has_value = true;
			p->value = (double)count / (double)area->population *
				   ind_scale(ind);
		} else if (rate) {
			p->note = "The geography gives no population for this "
				  "area, so there is no rate";
		} else {
			p->has_value = true;
			p->value = (double)count;
		}
	}
	ind_point_interval(ind, c->level, p);
}

static int crime_area(struct ind_ctx *c, const char *name, struct ce_area *out,
		      struct err *e)
{
	if (!c->g)
		return err_set(e, ERR_NOT_FOUND, "area",
			       "no crime data has been imported");
	return ce_area_find(c->g, c->arena, name, out, e);
}

int ind_crime_window(struct ind_ctx *c, const struct indicator *ind,
		     const char *area, int from, int to, struct ind_point *out,
		     struct err *e)
{
	struct ce_area a;
	int n = to - from + 1;
	int64_t *counts, total = 0;
	bool *missing;
	bool any_missing = false;

	if (n < 1)
		return err_set(e, ERR_INVALID, "period", "the period is empty");
	if (crime_area(c, area, &a, e) < 0)
		return -1;
	counts = arena_array(c->arena, (size_t)n, sizeof(*counts));
	missing = arena_array(c->arena, (size_t)n, sizeof(*missing));
	if (crime_counts(c, ind, &a, from, to, counts, e) < 0 ||
	    crime_missing(c, from, to, missing, e) < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		total += counts[i];
		any_missing |= missing[i];
	}
	crime_point(c, ind, &a, from, to, total, any_missing, out);
	if (any_missing)
		out->note = "The crime data has no records for a month of this "
			    "period";
	return 0;
}

/* ---------------------------------------------------------------------
 * Series and values
 */

int ind_series_get(struct ind_ctx *c, const struct indicator *ind,
		   const char *area, struct ind_series *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	out->ind = ind;
	out->area = area;
	out->population = -1;
	if (ind_is_crime(ind)) {
		struct ce_stats st;
		struct ce_area a;
		int64_t *counts;
		bool *missing;
		int n;

		out->crime = true;
		if (crime_area(c, area, &a, e) < 0)
			return -1;
		out->area = a.name;
		out->population = a.population;
		ce_stats(c->g, &st);
		if (st.first_month < 0 || !st.rows)
			return 0;
		n = st.last_month - st.first_month + 1;
		counts = arena_array(c->arena, (size_t)n, sizeof(*counts));
		missing = arena_array(c->arena, (size_t)n, sizeof(*missing));
		if (crime_counts(c, ind, &a, st.first_month, st.last_month, counts,
				 e) < 0 ||
		    crime_missing(c, st.first_month, st.last_month, missing, e) < 0)
			return -1;
		out->points = arena_array(c->arena, (size_t)n, sizeof(*out->points));
		out->n = (size_t)n;
		for (int i = 0; i < n; i++)
			crime_point(c, ind, &a, st.first_month + i, st.first_month + i,
				    counts[i], missing[i], &out->points[i]);
		return 0;
	} else {
		size_t n;
		struct indicator_value *v =
			store_indicator_values(c->store, c->arena, ind->id, area, &n, e);

		if (!v)
			return -1;
		if (!n && area && *area) {
			/* The area spelt another way ("St Helens" for "St.
			 * Helens"): every value of the indicator, then those
			 * of the area as same_area finds it. */
			if (!(v = store_indicator_values(c->store, c->arena, ind->id,
							 NULL, &n, e)))
				return -1;
		}
		for (size_t i = 0; i < n; i++)
			if (check_value(ind, &v[i], e) < 0)
				return -1;
		out->points = arena_array(c->arena, n ? n : 1, sizeof(*out->points));
		for (size_t i = 0; i < n; i++) {
			/* Values come by area, then period: an area and its code
			 * may both match; keep one area's. */
			if (area && *area && !same_area(&v[i], area))
				continue;
			if (out->n && strcmp(v[i].area, out->points[0].area) != 0)
				continue;
			from_value(c, ind, &v[i], &out->points[out->n++]);
		}
		if (out->n)
			out->area = out->points[0].area;
		return 0;
	}
}

int ind_values_at(struct ind_ctx *c, const struct indicator *ind,
		  const struct ind_period *period, const char *const *areas,
		  size_t n, struct ind_point *out, struct err *e)
{
	if (ind_is_crime(ind)) {
		if (period->from_month < 0)
			return err_set(e, ERR_INVALID, "period",
				       "a crime indicator's period is a run of months");
		for (size_t i = 0; i < n; i++) {
			if (ind_crime_window(c, ind, areas[i], period->from_month,
					     period->to_month, &out[i], e) < 0) {
				if (e && e->code != ERR_NOT_FOUND)
					return -1;
				/* An area the crime data does not know has no
				 * figure. */
				if (e)
					err_clear(e);
				memset(&out[i], 0, sizeof(out[i]));
				out[i].area = areas[i];
				out[i].period = period->label;
				out[i].from_month = out[i].to_month = -1;
				out[i].no_ci = "there is no value";
			}
		}
		return 0;
	} else {
		size_t nv;
		struct indicator_value *v =
			store_indicator_values(c->store, c->arena, ind->id, NULL, &nv, e);

		if (!v)
			return -1;
		for (size_t k = 0; k < nv; k++)
			if (check_value(ind, &v[k], e) < 0)
				return -1;
		for (size_t i = 0; i < n; i++) {
			memset(&out[i], 0, sizeof(out[i]));
			out[i].area = areas[i];
			out[i].period = period->label;
			out[i].from_month = out[i].to_month = -1;
			out[i].no_ci = "there is no value";
			for (size_t k = 0; k < nv; k++)
				if (strcmp(v[k].period, period->label) == 0 &&
				    same_area(&v[k], areas[i])) {
					from_value(c, ind, &v[k], &out[i]);
					break;
				}
		}
		return 0;
	}
}

const char **ind_areas(struct ind_ctx *c, const struct indicator *ind,
		       size_t *n, struct err *e)
{
	*n = 0;
	if (ind_is_crime(ind)) {
		size_t cap = 0, np = 0, nd = 0;
		const char **v;

		if (!c->g)
			return arena_alloc(c->arena, sizeof(char *));
		while (ce_peer_name(c->g, np))
			np++;
		while (ce_district_name(c->g, nd))
			nd++;
		cap = np + nd + 1;
		v = arena_array(c->arena, cap, sizeof(*v));
		for (size_t i = 0; i < nd; i++)
			v[(*n)++] = ce_district_name(c->g, i);
		for (size_t i = 0; i < np; i++)
			v[(*n)++] = ce_peer_name(c->g, i);
		return v;
	}
	return store_indicator_areas(c->store, c->arena, ind->id, n, e);
}

/* ---------------------------------------------------------------------
 * SPC
 */

int ind_spc(struct ind_ctx *c, const struct ind_series *s, size_t upto,
	    struct ind_spc *out, struct err *e)
{
	struct stats_spc_options opt = { 0 };
	double *values;
	size_t n = 0;

	memset(out, 0, sizeof(*out));
	if (!s->n) {
		out->why_not = "there are no figures";
		return 0;
	}
	if (upto >= s->n)
		upto = s->n - 1;
	values = arena_array(c->arena, upto + 1, sizeof(*values));
	out->index = arena_array(c->arena, upto + 1, sizeof(*out->index));
	for (size_t i = 0; i <= upto; i++)
		if (s->points[i].has_value) {
			values[n] = s->points[i].value;
			out->index[n++] = i;
		}
	out->n = n;
	if (n < IND_SPC_MIN_POINTS) {
		out->why_not = "an SPC chart needs at least 12 points";
		return 0;
	}
	opt.polarity = ind_polarity(s->ind);
	out->points = arena_array(c->arena, n, sizeof(*out->points));
	if (stats_spc(values, n, &opt, out->points, &out->res, e) < 0)
		return -1;
	out->done = true;
	return 0;
}
