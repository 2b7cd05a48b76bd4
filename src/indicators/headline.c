/*
 * headline.c: working out the performance headlines (headline.h): which
 * figures to compare, and the tests; the words are headline_text.c's.
 */
#include <math.h>
#include <strings.h>

#include "base/text.h"
#include "crime/engine.h"
#include "crime/policeuk.h"
#include "headline.h"
#include "indicators/period.h"
#include "store/store_crime.h"
#include "store/store_indicator.h"
#include "store/store_people.h"
#include "store/store_plan.h"

const char *hl_kind_name(enum hl_kind k)
{
	switch (k) {
	case HL_VALUE: return "value";
	case HL_TARGET: return "target";
	case HL_BENCHMARK: return "benchmark";
	case HL_PEERS: return "peers";
	case HL_CHANGE: return "change";
	case HL_SPC: return "spc";
	}
	return "value";
}

const char *hl_verdict_name(enum hl_verdict v)
{
	switch (v) {
	case HL_NOT_TESTED: return "not tested";
	case HL_SIGNIFICANT: return "significant";
	case HL_NOT_SIGNIFICANT: return "not significant";
	case HL_SMALL_NUMBERS: return "small numbers";
	case HL_SPECIAL_CAUSE: return "special cause";
	case HL_COMMON_CAUSE: return "common cause";
	}
	return "not tested";
}

const char *hl_change_name(enum hl_change_kind k)
{
	switch (k) {
	case HL_CHANGE_PREVIOUS: return "previous";
	case HL_CHANGE_TWO_YEARS: return "two_years";
	case HL_CHANGE_WITHIN_YEAR: return "within_year";
	case HL_CHANGE_YEAR_NONE: return "within_year_none";
	}
	return "previous";
}

static bool is(const char *s, const char *want)
{
	return s && strcmp(s, want) == 0;
}

static bool whole(double v)
{
	return isfinite(v) && v >= 0 && v == floor(v) && v < 9e15;
}

/* A new statement of kind, with the indicator's link. */
static struct hl_statement *add(struct hl_indicator *h, enum hl_kind kind,
				size_t cap)
{
	struct hl_statement *s;

	if (h->n_st >= cap)
		BUG("more headline statements than room for");
	s = &h->st[h->n_st++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->link = h->link;
	s->percent = NAN;
	return s;
}

static struct stats_interval interval_of(const struct ind_point *p, double level)
{
	struct stats_interval iv = { p->value, p->lower, p->upper, level,
				     p->ci_method };

	if (!p->has_ci)
		iv.lower = iv.upper = NAN;
	return iv;
}

/* ---------------------------------------------------------------------
 * The statements
 */

static void value_statement(struct hl_indicator *h, size_t cap)
{
	struct hl_statement *s = add(h, HL_VALUE, cap);

	s->a = h->now;
	s->small = h->now.small;
	s->example = h->now.example;
	s->verdict = s->small ? HL_SMALL_NUMBERS : HL_NOT_TESTED;
}

static void target_statement(struct hl_indicator *h, size_t cap)
{
	const struct indicator *ind = h->ind;
	struct hl_statement *s;

	if (!ind->has_target || !h->now.has_value)
		return;
	s = add(h, HL_TARGET, cap);
	s->a = h->now;
	s->target = ind->target;
	s->met = ind_polarity(ind) == STATS_POLARITY_LOWER_BETTER
			 ? h->now.value <= ind->target
			 : h->now.value >= ind->target;
	s->small = h->now.small;
	s->example = h->now.example;
	s->verdict = s->small ? HL_SMALL_NUMBERS : HL_NOT_TESTED;
}

/* Counts are not compared between areas: areas differ in size. */
static bool comparable_between_areas(const struct indicator *ind)
{
	return !is(ind->unit, "count");
}

static int benchmark_statement(struct ind_ctx *c, struct hl_indicator *h,
			       size_t cap, struct err *e)
{
	const struct indicator *ind = h->ind;
	const char *bench = ind->benchmark;
	struct hl_statement *s;
	struct stats_interval a, b;
	enum stats_compare_rule rule = is(ind->comparison, "overlap")
					       ? STATS_RULE_OVERLAP
					       : STATS_RULE_BENCHMARK_OUTSIDE;

	if (!bench || !*bench || text_same_area(bench, h->area) ||
	    !comparable_between_areas(ind))
		return 0;
	s = add(h, HL_BENCHMARK, cap);
	s->a = h->now;
	s->other = bench;
	s->cmp.rule = rule;
	s->cmp.direction_name = "not compared";
	s->cmp.judgement_name = "not compared";
	if (ind_values_at(c, ind, &h->period, &bench, 1, &s->b, e) < 0)
		return -1;
	s->small = s->a.small;
	s->example = s->a.example || s->b.example;
	s->verdict = HL_NOT_TESTED;
	if (!s->a.has_value || !s->b.has_value || !s->a.has_ci ||
	    (rule == STATS_RULE_OVERLAP && !s->b.has_ci))
		return 0;
	a = interval_of(&s->a, c->level);
	b = interval_of(&s->b, c->level);
	if (stats_compare_benchmark(&a, &b, rule, ind_polarity(ind), &s->cmp,
				    NULL) < 0)
		return 0;
	if (s->cmp.direction == STATS_NOT_COMPARED)
		return 0;
	s->significant = s->cmp.direction == STATS_HIGHER ||
			 s->cmp.direction == STATS_LOWER;
	s->verdict = s->small ? HL_SMALL_NUMBERS
		     : s->significant ? HL_SIGNIFICANT
				      : HL_NOT_SIGNIFICANT;
	return 0;
}

static int peers_statement(struct ind_ctx *c, struct hl_indicator *h,
			   size_t cap, struct err *e)
{
	const struct indicator *ind = h->ind;
	struct peer_group *pg;
	const struct peer_group *group = NULL;
	struct hl_statement *s;
	const char **areas;
	double *values;
	size_t n_groups, n = 0, self = SIZE_MAX;

	if (!ind->peer_group || !*ind->peer_group || !comparable_between_areas(ind))
		return 0;
	if (!(pg = store_peer_groups(c->store, c->arena, &n_groups, e)))
		return -1;
	for (size_t i = 0; i < n_groups; i++)
		if (text_same_area(pg[i].name, ind->peer_group))
			group = &pg[i];
	if (!group || !group->n_members)
		return 0;
	areas = arena_array(c->arena, group->n_members + 1, sizeof(*areas));
	for (size_t i = 0; i < group->n_members; i++) {
		if (text_same_area(group->members[i], h->area))
			self = n;
		areas[n++] = group->members[i];
	}
	s = add(h, HL_PEERS, cap);
	s->area_in_group = self != SIZE_MAX;
	if (self == SIZE_MAX) {
		self = n;
		areas[n++] = h->area;
	}
	s->a = h->now;
	s->other = group->name;
	s->n_peers = n;
	s->peers = arena_array(c->arena, n, sizeof(*s->peers));
	s->ranks = arena_array(c->arena, n, sizeof(*s->ranks));
	values = arena_array(c->arena, n, sizeof(*values));
	if (ind_values_at(c, ind, &h->period, areas, n, s->peers, e) < 0)
		return -1;
	/* The area's own figure as the headline has it (the same figure,
	 * found by the same period). */
	s->peers[self] = h->now;
	for (size_t i = 0; i < n; i++) {
		values[i] = s->peers[i].has_value ? s->peers[i].value : NAN;
		if (s->peers[i].has_value) {
			s->n_ranked++;
			s->example |= s->peers[i].example;
		}
	}
	s->highest_first = ind_polarity(ind) != STATS_POLARITY_LOWER_BETTER;
	if (stats_rank(values, n, s->highest_first, s->ranks, NULL) < 0)
		return 0;
	s->rank = s->ranks[self].rank;
	s->ties = s->ranks[self].ties;
	s->small = s->a.small;
	s->verdict = s->small ? HL_SMALL_NUMBERS : HL_NOT_TESTED;
	return 0;
}

/* Test the change from before to after at alpha (a family of n_tests
 * tests shares 1 - level between them). */
static void test_change(struct ind_ctx *c, const struct indicator *ind,
			struct hl_statement *s, const struct ind_point *before,
			const struct ind_point *after, size_t n_tests)
{
	/* 1 - 0.95 is 0.050000000000000044 in binary: round it to 12
	 * places so that the threshold reads as the level says. */
	double alpha = round((1 - c->level) / (double)(n_tests ? n_tests : 1) * 1e12) /
		       1e12;

	s->a = *after;
	s->b = *before;
	s->alpha = alpha;
	s->n_tests = n_tests ? n_tests : 1;
	s->example = after->example || before->example;
	s->small = after->small || before->small;
	s->direction = after->value > before->value ? 1
		       : after->value < before->value ? -1
						      : 0;
	s->percent = before->value != 0
			     ? 100 * (after->value / before->value - 1)
			     : NAN;
	s->tested = false;
	if (is(ind->unit, "proportion") && after->has_numerator &&
	    after->has_denominator && before->has_numerator &&
	    before->has_denominator && whole(after->numerator) &&
	    whole(after->denominator) && whole(before->numerator) &&
	    whole(before->denominator) && after->denominator >= 1 &&
	    before->denominator >= 1 && after->numerator <= after->denominator &&
	    before->numerator <= before->denominator) {
		if (stats_compare_proportions((int64_t)after->numerator,
					      (int64_t)after->denominator,
					      (int64_t)before->numerator,
					      (int64_t)before->denominator,
					      1 - alpha, &s->z, NULL) == 0) {
			s->ztest = true;
			s->tested = true;
			s->significant = s->z.p_value < alpha;
		}
	} else if ((is(ind->unit, "count") || is(ind->unit, "rate")) &&
		   after->has_numerator && before->has_numerator &&
		   whole(after->numerator) && whole(before->numerator)) {
		double t1 = 1, t2 = 1;

		if (is(ind->unit, "rate") && after->has_denominator &&
		    before->has_denominator && after->denominator > 0 &&
		    before->denominator > 0) {
			t1 = before->denominator;
			t2 = after->denominator;
		}
		struct err why = ERR_INIT;

		s->same_exposure = t1 == t2;
		if (stats_change((int64_t)before->numerator, t1,
				 (int64_t)after->numerator, t2, 1 - alpha, &s->ch,
				 &why) == 0) {
			s->tested = true;
			s->significant = s->ch.p_value < alpha;
		} else {
			s->untested = arena_strdup(c->arena, why.msg);
		}
	}
	s->verdict = !s->tested  ? HL_NOT_TESTED
		     : s->small ? HL_SMALL_NUMBERS
		     : s->significant ? HL_SIGNIFICANT
				      : HL_NOT_SIGNIFICANT;
}

/* A crime indicator: the 12 months against the 12 before, and against
 * the 12 two years before, when the data goes back so far. */
static int crime_changes(struct ind_ctx *c, struct hl_indicator *h, size_t cap,
			 struct err *e)
{
	struct ce_stats st;
	int from = h->period.from_month, to = h->period.to_month;

	ce_stats(c->g, &st);
	if (to - from != 11)
		return 0;
	for (int back = 12; back <= 24; back += 12) {
		struct ind_point before;
		struct hl_statement *s;

		if (from - back < st.first_month)
			break;
		if (ind_crime_window(c, h->ind, h->area, from - back, to - back,
				     &before, e) < 0)
			return -1;
		if (!before.has_value || !h->now.has_value)
			continue;
		s = add(h, HL_CHANGE, cap);
		s->change = back == 12 ? HL_CHANGE_PREVIOUS : HL_CHANGE_TWO_YEARS;
		test_change(c, h->ind, s, &before, &h->now, 1);
	}
	return 0;
}

/* Stored figures: the period before; and for figures of a quarter or a
 * month, each change within the last year, as a family. */
static void stored_changes(struct ind_ctx *c, struct hl_indicator *h,
			   size_t cap)
{
	const struct ind_series *se = &h->series;
	const struct ind_point *now = &se->points[h->current];
	size_t prev = SIZE_MAX, family[64], n_family = 0;
	char year_ago[40];
	bool any = false;

	for (size_t i = h->current; i-- > 0;)
		if (se->points[i].has_value) {
			prev = i;
			break;
		}
	if (prev == SIZE_MAX)
		return;
	{
		struct hl_statement *s = add(h, HL_CHANGE, cap);

		s->change = HL_CHANGE_PREVIOUS;
		test_change(c, h->ind, s, &se->points[prev], now, 1);
	}
	/* Quarters and months: the changes into each period of the year
	 * that ends with the current one, but for the current one. */
	if (period_day_number(now->end) - period_day_number(now->start) >= 100)
		return;
	/* the same day a year before the end ("2019-09-30"; a 29 February
	 * is later than every day of its month the year before) */
	snprintf(year_ago, sizeof(year_ago), "%04ld%s",
		 strtol(now->end, NULL, 10) - 1, now->end + 4);
	for (size_t i = prev + 1; i-- > 1;) {
		size_t before = SIZE_MAX;

		if (!se->points[i].has_value ||
		    strcmp(se->points[i].start, year_ago) <= 0)
			continue;
		for (size_t k = i; k-- > 0;)
			if (se->points[k].has_value) {
				before = k;
				break;
			}
		if (before != SIZE_MAX && n_family < ARRAY_SIZE(family))
			family[n_family++] = i;
	}
	if (!n_family)
		return;
	/* Oldest first. */
	for (size_t f = n_family; f-- > 0;) {
		size_t i = family[f], before = i - 1;
		struct hl_statement trial, *s;

		while (!se->points[before].has_value)
			before--;
		memset(&trial, 0, sizeof(trial));
		trial.percent = NAN;
		test_change(c, h->ind, &trial, &se->points[before], &se->points[i],
			    n_family);
		if (!trial.significant)
			continue;
		s = add(h, HL_CHANGE, cap);
		trial.kind = HL_CHANGE;
		trial.link = h->link;
		trial.change = HL_CHANGE_WITHIN_YEAR;
		*s = trial;
		any = true;
	}
	if (!any) {
		struct hl_statement *s = add(h, HL_CHANGE, cap);

		s->change = HL_CHANGE_YEAR_NONE;
		s->n_tests = n_family;
		s->alpha = round((1 - c->level) / (double)n_family * 1e12) / 1e12;
		s->a = *now;
		s->b = se->points[family[n_family - 1]];
		s->verdict = HL_NOT_SIGNIFICANT;
		s->tested = true;
	}
}

static int spc_statement(struct ind_ctx *c, struct hl_indicator *h, size_t cap,
			 struct err *e)
{
	struct hl_statement *s = add(h, HL_SPC, cap);

	s->a = h->now;
	s->series = &h->series;
	s->spc_last = h->current;
	if (ind_spc(c, &h->series, h->current, &s->spc, e) < 0)
		return -1;
	for (size_t i = 0; i < s->spc.n; i++)
		s->example |= h->series.points[s->spc.index[i]].example;
	s->verdict = !s->spc.done             ? HL_NOT_TESTED
		     : s->spc.res.n_special ? HL_SPECIAL_CAUSE
					    : HL_COMMON_CAUSE;
	return 0;
}

/* ---------------------------------------------------------------------
 * One indicator
 */

/* A crime indicator's current figure: the 12 months to the last month
 * with data ending by as_at. */
static int crime_current(struct ind_ctx *c, struct hl_indicator *h,
			 const char *as_at, struct err *e)
{
	const struct ind_series *se = &h->series;
	size_t cur = SIZE_MAX;
	int from, to;
	int first = se->n ? se->points[0].from_month : 0;
	struct buf label = BUF_INIT;

	for (size_t i = se->n; i-- > 0;)
		if (se->points[i].has_value &&
		    (!as_at || strcmp(se->points[i].end, as_at) <= 0)) {
			cur = i;
			break;
		}
	if (cur == SIZE_MAX)
		return 0;
	to = se->points[cur].to_month;
	from = to - 11 < first ? first : to - 11;
	if (ind_crime_window(c, h->ind, h->area, from, to, &h->now, e) < 0)
		return -1;
	h->current = cur;
	h->period.from_month = from;
	h->period.to_month = to;
	h->period.start = h->now.start;
	h->period.end = h->now.end;
	buf_printf(&label, "%d months to ", to - from + 1);
	{
		char m[8];

		pu_month_format(to, m);
		text_add_date(&label, m);
	}
	h->period.label = arena_strdup(c->arena, label.ptr);
	h->now.period = h->period.label;
	if (!h->now.has_value && h->now.note)
		h->why_none = arena_printf(c->arena, "the crime data has no records "
					   "for a month of the %s",
					   h->period.label);
	buf_release(&label);
	return h->now.has_value ? 1 : 0;
}

int hl_indicator(struct ind_ctx *c, const struct indicator *ind,
		 const char *area, const char *as_at, struct hl_indicator *out,
		 struct err *e)
{
	size_t cap;
	int found = 0;

	memset(out, 0, sizeof(*out));
	out->ind = ind;
	out->area = area;
	out->link = ind_link(c->arena, ind, area);
	out->period.from_month = out->period.to_month = -1;
	if (ind_series_get(c, ind, area, &out->series, e) < 0) {
		if (!e || e->code != ERR_NOT_FOUND)
			return -1;
		out->why_none = ind_is_crime(ind) && !c->g
					? "no crime data has been imported"
					: arena_strdup(c->arena, e->msg);
		err_clear(e);
		hl_write(c, out);
		return 0;
	}
	if (out->series.area)
		out->area = out->series.area;
	out->link = ind_link(c->arena, ind, out->area);
	if (out->series.crime) {
		if ((found = crime_current(c, out, as_at, e)) < 0)
			return -1;
	} else {
		for (size_t i = out->series.n; i-- > 0;) {
			const struct ind_point *p = &out->series.points[i];

			if (p->has_value && (!as_at || strcmp(p->end, as_at) <= 0)) {
				out->current = i;
				out->now = *p;
				out->period.label = p->period;
				out->period.start = p->start;
				out->period.end = p->end;
				found = 1;
				break;
			}
		}
	}
	if (!found) {
		if (!out->why_none)
			out->why_none = out->series.n ? "there is no figure by then"
						      : "there are no figures for the area";
		hl_write(c, out);
		return 0;
	}
	out->has_data = true;
	out->period_words = ind_period_words(c->arena, &out->now);
	cap = 8 + out->series.n;
	out->st = arena_array(c->arena, cap, sizeof(*out->st));
	value_statement(out, cap);
	target_statement(out, cap);
	if (benchmark_statement(c, out, cap, e) < 0 ||
	    peers_statement(c, out, cap, e) < 0)
		return -1;
	if (out->series.crime) {
		if (crime_changes(c, out, cap, e) < 0)
			return -1;
	} else {
		stored_changes(c, out, cap);
	}
	if (spc_statement(c, out, cap, e) < 0)
		return -1;
	for (size_t i = 0; i < out->n_st; i++)
		out->example |= out->st[i].example;
	hl_write(c, out);
	return 0;
}

/* ---------------------------------------------------------------------
 * The report
 */

int hl_period_end(struct ind_ctx *c, const char *period, char end[11],
		  struct err *e)
{
	struct period p;

	if (period_parse(period, &p, "period", NULL) == 0) {
		memcpy(end, p.end, 11);
		return 0;
	}
	if (store_indicator_period_end(c->store, period, end, e) == 0) {
		/* A date from the store, read as one only once checked. */
		if (text_date(end, NULL, NULL) < 0)
			return err_set(e, ERR_DB, NULL,
				       "the store is damaged: the period '%s' ends "
				       "on '%s', which is not a date",
				       period, end);
		return 0;
	}
	if (e && e->code != ERR_NOT_FOUND)
		return -1;
	return err_set(e, ERR_INVALID, "period",
		       "there is no period '%s': give a period label of the "
		       "figures (Wave 6, 2020/21 Q2) or one like 2020/21, "
		       "2020 Q3, 2020-07 or 2020",
		       period);
}

const char **hl_period_labels(struct ind_ctx *c, size_t *n, struct err *e)
{
	return store_indicator_periods(c->store, c->arena, n, e);
}

const char *hl_default_area(struct ind_ctx *c, struct err *e)
{
	struct err why = ERR_INIT;
	struct partnership *p = store_partnership(c->store, c->arena, &why);
	const char *own = p && p->area ? p->area : NULL, **areas;
	size_t n;
	struct ce_area a;

	/* No partnership is no default of its own; a store that fails is
	 * an error, not "none". */
	if (!p && why.code != ERR_NOT_FOUND) {
		if (e)
			*e = why;
		return NULL;
	}
	if (!(areas = store_indicator_areas(c->store, c->arena, 0, &n, e)))
		return NULL;
	for (size_t i = 0; own && i < n; i++)
		if (text_same_area(areas[i], own))
			return areas[i];
	if (own && c->g && ce_area_find(c->g, c->arena, own, &a, NULL) == 0 &&
	    a.kind == CE_AREA_DISTRICT)
		return a.name;
	if (n)
		return areas[0];
	return c->g ? ce_district_name(c->g, 0) : NULL;
}

const char **hl_areas(struct ind_ctx *c, size_t *n, struct err *e)
{
	const char **areas, **out;
	size_t k, nd = 0, np = 0, out_n;

	*n = 0;
	if (!(areas = store_indicator_areas(c->store, c->arena, 0, &k, e)))
		return NULL;
	if (c->g) {
		while (ce_district_name(c->g, nd))
			nd++;
		while (ce_peer_name(c->g, np))
			np++;
	}
	out = arena_array(c->arena, k + nd + np + 1, sizeof(*out));
	memcpy(out, areas, k * sizeof(*out));
	out_n = k;
	for (size_t i = 0; i < nd + np; i++) {
		const char *name = i < nd ? ce_district_name(c->g, i)
					  : ce_peer_name(c->g, i - nd);
		bool seen = false;

		for (size_t m = 0; m < out_n && !seen; m++)
			seen = text_same_area(out[m], name);
		if (!seen)
			out[out_n++] = name;
	}
	*n = out_n;
	return out;
}

int hl_area_find(struct ind_ctx *c, const char *area, struct err *e)
{
	const char **areas;
	size_t n;
	struct ce_area a;
	struct err why = ERR_INIT;

	if (!area || !*area)
		return 0;
	if (!(areas = store_indicator_areas(c->store, c->arena, 0, &n, e)))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (text_same_area(areas[i], area))
			return 1;
	if (!c->g)
		return 0;
	if (ce_area_find(c->g, c->arena, area, &a, &why) == 0)
		return a.kind != CE_AREA_ALL;
	if (why.code == ERR_NOT_FOUND)
		return 0;
	if (e)
		*e = why; /* an ambiguous ward, a peer group that fails */
	return -1;
}

bool hl_area_known(struct ind_ctx *c, const char *area)
{
	return hl_area_find(c, area, NULL) != 0;
}

int hl_report(struct ind_ctx *c, const char *area, const char *period,
	      struct hl_report *out, struct err *e)
{
	char end[11];
	int64_t plan, current;
	struct theme *themes = NULL;
	size_t n_themes = 0, n_all;
	struct indicator *all;
	bool *in_theme;
	struct hl_theme *other;

	memset(out, 0, sizeof(*out));
	out->area = area;
	out->level = c->level;
	if (period && *period) {
		if (hl_period_end(c, period, end, e) < 0)
			return -1;
		out->period = period;
		out->as_at = arena_strdup(c->arena, end);
	}
	if (!(all = store_indicators(c->store, c->arena, &n_all, e)))
		return -1;
	in_theme = arena_array(c->arena, n_all + 1, sizeof(*in_theme));
	if ((plan = store_themed_plan_id(c->store, e)) < 0 ||
	    (current = store_current_plan_id(c->store, e)) < 0)
		return -1;
	out->plan_is_current = plan == current;
	if (plan > 0) {
		struct plan *p = store_plan(c->store, c->arena, plan, "9999-12-31", e);

		if (!p || !(themes = store_themes(c->store, c->arena, plan, false,
						  &n_themes, e)))
			return -1;
		out->plan_id = plan;
		out->plan_title = p->title;
	}
	out->themes = arena_array(c->arena, n_themes + 1, sizeof(*out->themes));
	for (size_t t = 0; t < n_themes; t++) {
		struct hl_theme *ht = &out->themes[out->n_themes];
		size_t n;
		struct indicator *ti = store_theme_indicators(c->store, c->arena,
							      themes[t].id, &n, e);

		if (!ti)
			return -1;
		if (!n)
			continue;
		out->n_themes++;
		ht->id = themes[t].id;
		ht->name = themes[t].name;
		ht->items = arena_array(c->arena, n, sizeof(*ht->items));
		for (size_t i = 0; i < n; i++) {
			for (size_t k = 0; k < n_all; k++)
				if (all[k].id == ti[i].id)
					in_theme[k] = true;
			if (hl_indicator(c, &ti[i], area, out->as_at, &ht->items[ht->n++],
					 e) < 0)
				return -1;
		}
	}
	other = &out->themes[out->n_themes];
	other->id = 0;
	other->name = "Other indicators";
	other->items = arena_array(c->arena, n_all + 1, sizeof(*other->items));
	for (size_t k = 0; k < n_all; k++) {
		if (in_theme[k])
			continue;
		if (hl_indicator(c, &all[k], area, out->as_at, &other->items[other->n],
				 e) < 0)
			return -1;
		if (other->items[other->n].has_data)
			other->n++;
	}
	if (other->n)
		out->n_themes++;
	return 0;
}

/* ---------------------------------------------------------------------
 * The public view
 */

static bool small_point(const struct ind_point *p, int64_t threshold)
{
	return p->has_numerator && p->numerator >= 1 &&
	       p->numerator < (double)threshold;
}

size_t hl_report_public(struct hl_report *rep, int64_t threshold)
{
	size_t left_out = 0;

	for (size_t t = 0; t < rep->n_themes; t++) {
		struct hl_theme *th = &rep->themes[t];
		size_t k = 0;

		for (size_t i = 0; i < th->n; i++) {
			const struct hl_indicator *h = &th->items[i];
			bool out = h->ind->sensitivity &&
				   strcmp(h->ind->sensitivity, "official_sensitive") == 0;

			out |= small_point(&h->now, threshold);
			for (size_t s = 0; s < h->n_st && !out; s++)
				out |= small_point(&h->st[s].a, threshold) ||
				       small_point(&h->st[s].b, threshold);
			if (out) {
				left_out++;
				continue;
			}
			if (k != i) {
				/* The statements point at the item's own series. */
				th->items[k] = *h;
				for (size_t s = 0; s < th->items[k].n_st; s++)
					if (th->items[k].st[s].series == &th->items[i].series)
						th->items[k].st[s].series = &th->items[k].series;
			}
			k++;
		}
		th->n = k;
	}
	return left_out;
}
