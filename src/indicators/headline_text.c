/*
 * headline_text.c: the words of the performance headlines: each
 * statement's sentence and method in plain English, and the headline
 * sentence of an indicator (see headline.h).  Only words are made here:
 * every number and every verdict comes from headline.c.
 *
 * Sentences are plain text (pages escape them).  Numbers never depend on
 * the locale: safer does not call setlocale, so printf is in the C
 * locale.
 */
#include <math.h>

#include "base/esc.h"
#include "base/text.h"
#include "crime/policeuk.h"
#include "headline.h"
#include "indicators/period.h"
#include "store/store_indicator.h"

/* ---------------------------------------------------------------------
 * Numbers and periods
 */

static bool is(const char *s, const char *want)
{
	return s && strcmp(s, want) == 0;
}

/* v with decimals places and thousands separators; "not known" for NaN
 * and the infinities (text_add_number). */
static void add_fixed(struct buf *b, double v, int decimals)
{
	text_add_number(b, v, decimals);
}

void ind_add_value(struct buf *b, const struct indicator *ind, double v)
{
	double a = fabs(v);

	if (is(ind->unit, "proportion")) {
		add_fixed(b, v, 1);
		if (ind_scale(ind) == 100 && isfinite(v))
			buf_addc(b, '%');
	} else if (is(ind->unit, "count")) {
		add_fixed(b, v, v == floor(v) ? 0 : 1);
	} else {
		add_fixed(b, v, a < 10 ? 2 : a < 1000 ? 1 : 0);
	}
}

const char *ind_value_text(struct arena *a, const struct indicator *ind,
			   double v)
{
	struct buf b = BUF_INIT;
	char *s;

	ind_add_value(&b, ind, v);
	s = arena_strdup(a, b.ptr);
	buf_release(&b);
	return s;
}

const char *ind_interval_text(struct arena *a, const struct indicator *ind,
			      const struct ind_point *p)
{
	struct buf b = BUF_INIT;
	char *s;

	if (!p->has_ci)
		return NULL;
	ind_add_value(&b, ind, p->lower);
	buf_adds(&b, " to ");
	ind_add_value(&b, ind, p->upper);
	s = arena_strdup(a, b.ptr);
	buf_release(&b);
	return s;
}

static void add_month(struct buf *b, int month)
{
	char m[8];

	pu_month_format(month, m);
	text_add_date(b, m);
}

/* "November to December 2020", "November 2020 to January 2021",
 * "November 2020". */
static void add_month_span(struct buf *b, const char *start, const char *end)
{
	int m1 = pu_month_parse(start, 7), m2 = pu_month_parse(end, 7);

	if (m1 < 0 || m2 < 0) {
		text_add_date(b, start);
		buf_adds(b, " to ");
		text_add_date(b, end);
		return;
	}
	if (m1 == m2) {
		add_month(b, m1);
		return;
	}
	if (m1 / 12 == m2 / 12) {
		static const char *const names[12] = {
			"January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November",
			"December",
		};

		buf_printf(b, "%s to ", names[m1 % 12]);
		add_month(b, m2);
		return;
	}
	add_month(b, m1);
	buf_adds(b, " to ");
	add_month(b, m2);
}

const char *ind_period_words(struct arena *a, const struct ind_point *p)
{
	struct buf b = BUF_INIT;
	struct period q;
	char *s;

	if (p->from_month >= 0 && p->to_month >= p->from_month) {
		int n = p->to_month - p->from_month + 1;

		if (n == 1) {
			add_month(&b, p->to_month);
		} else {
			buf_printf(&b, "the %d months to ", n);
			add_month(&b, p->to_month);
		}
	} else if (p->period && period_parse(p->period, &q, NULL, NULL) == 0 &&
		   (q.kind == PERIOD_FY || q.kind == PERIOD_YEAR)) {
		buf_adds(&b, p->period);
	} else if (p->period && period_parse(p->period, &q, NULL, NULL) == 0 &&
		   (q.kind == PERIOD_MONTH || q.kind == PERIOD_DAY)) {
		text_add_date(&b, p->period);
	} else if (p->start && p->end && *p->start && *p->end) {
		buf_printf(&b, "%s (", p->period ? p->period : "");
		add_month_span(&b, p->start, p->end);
		buf_addc(&b, ')');
	} else {
		buf_adds(&b, p->period ? p->period : "");
	}
	s = arena_strdup(a, b.ptr);
	buf_release(&b);
	return s;
}

const char *ind_link(struct arena *a, const struct indicator *ind,
		     const char *area)
{
	struct buf b = BUF_INIT;
	char *s;

	buf_printf(&b, "/indicators/%lld", (long long)ind->id);
	if (area && *area) {
		buf_adds(&b, "?area=");
		esc_adds(&b, ESC_URL, area);
	}
	s = arena_strdup(a, b.ptr);
	buf_release(&b);
	return s;
}

const char *ind_level_text(struct arena *a, double level)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%.4g%%", level * 100);
	return arena_strdup(a, tmp);
}

const char *ind_p_text(struct arena *a, double p)
{
	char tmp[48];

	if (!isfinite(p))
		return "p not known";
	if (p < 0.001)
		return "p < 0.001";
	if (p >= 0.1)
		snprintf(tmp, sizeof(tmp), "p = %.2f", p);
	else
		snprintf(tmp, sizeof(tmp), "p = %.3g", p);
	return arena_strdup(a, tmp);
}

/* "1st", "2nd", "3rd", "11th", "22nd". */
static void add_ordinal(struct buf *b, size_t n)
{
	const char *suffix = "th";

	if (n % 100 < 11 || n % 100 > 13) {
		if (n % 10 == 1)
			suffix = "st";
		else if (n % 10 == 2)
			suffix = "nd";
		else if (n % 10 == 3)
			suffix = "rd";
	}
	buf_printf(b, "%zu%s", n, suffix);
}

/* A threshold such as 0.05 or 0.0167. */
static void add_alpha(struct buf *b, double alpha)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%.3g", alpha);
	buf_adds(b, tmp);
}

/* ---------------------------------------------------------------------
 * The statements
 */

struct words {
	struct ind_ctx *c;
	struct hl_indicator *h;
	const struct indicator *ind;
	const char *level; /* "95%" */
};

static const char *val(const struct words *w, double v)
{
	return ind_value_text(w->c->arena, w->ind, v);
}

static const char *done(const struct words *w, struct buf *b)
{
	char *s = arena_strdup(w->c->arena, b->ptr);

	buf_reset(b);
	return s;
}

/* The counts behind a figure: "(368 of 400)", "(658 recorded; 295,000
 * residents)". */
static void add_counts(struct buf *b, const struct words *w,
		       const struct ind_point *p)
{
	if (!p->has_numerator || is(w->ind->unit, "count"))
		return;
	if (is(w->ind->unit, "proportion") && p->has_denominator) {
		buf_adds(b, " (");
		add_fixed(b, p->numerator, p->numerator == floor(p->numerator) ? 0 : 1);
		buf_adds(b, " of ");
		add_fixed(b, p->denominator,
			  p->denominator == floor(p->denominator) ? 0 : 1);
		buf_addc(b, ')');
	} else if (p->from_month >= 0 && p->has_denominator) {
		buf_adds(b, " (");
		add_fixed(b, p->numerator, 0);
		buf_adds(b, " recorded; ");
		add_fixed(b, p->denominator, 0);
		buf_adds(b, " residents)");
	} else if (p->has_denominator) {
		buf_adds(b, " (");
		add_fixed(b, p->numerator, p->numerator == floor(p->numerator) ? 0 : 1);
		buf_adds(b, " against a denominator of ");
		add_fixed(b, p->denominator,
			  p->denominator == floor(p->denominator) ? 0 : 1);
		buf_addc(b, ')');
	}
}

static const char *caution = " Small numbers: treat this with caution.";

/* The interval's method: "Wilson score 95% confidence interval: 88.9% to
 * 94.3%." */
static void add_interval_method(struct buf *b, const struct words *w,
				const struct ind_point *p, const char *whose)
{
	if (!p->has_ci) {
		buf_printf(b, "No confidence interval for %s: %s.", whose,
			   p->no_ci ? p->no_ci : "none can be given");
		return;
	}
	if (is(p->ci_method, "Wilson score interval"))
		buf_printf(b, "Wilson score %s confidence interval for %s: %s.",
			   w->level, whose, ind_interval_text(w->c->arena, w->ind, p));
	else
		buf_printf(b, "%s confidence interval for %s by %s: %s.", w->level,
			   whose,
			   is(p->ci_method, "Byar's method")
				   ? "Byar's method (used from 10 events)"
				   : "the exact Poisson method (used below 10 events)",
			   ind_interval_text(w->c->arena, w->ind, p));
}

static void add_crime_source(struct buf *b, const struct words *w,
			     const struct ind_point *p)
{
	if (p->from_month < 0)
		return;
	buf_printf(b, " Counted from the police.uk street-level crime records "
		      "(crime type: %s)%s in the months of the period",
		   w->ind->crime_type,
		   w->c->crime_generated ? ", generated for the demo," : "");
	if (is(w->ind->unit, "rate"))
		buf_adds(b, "; residents from the geography's population estimates");
	buf_addc(b, '.');
}

static void write_value(struct words *w, struct hl_statement *s, struct buf *b)
{
	const struct ind_point *p = &s->a;
	const char *pw = ind_period_words(w->c->arena, p);

	buf_printf(b, "%s: %s in %s", w->ind->name, val(w, p->value), w->h->area);
	add_counts(b, w, p);
	buf_printf(b, " in %s.", pw);
	if (s->small)
		buf_adds(b, caution);
	s->sentence = done(w, b);
	add_interval_method(b, w, p, w->h->area);
	add_crime_source(b, w, p);
	if (s->small)
		buf_printf(b, " A figure from fewer than %d events (or a proportion "
			      "of fewer than %d) is small numbers: it can move a lot "
			      "by chance.",
			   IND_SMALL_COUNT, IND_SMALL_DENOMINATOR);
	if (p->source && p->from_month < 0)
		buf_printf(b, " Source: %s.", p->source);
	s->method = done(w, b);
}

static void write_target(struct words *w, struct hl_statement *s, struct buf *b)
{
	bool lower = ind_polarity(w->ind) == STATS_POLARITY_LOWER_BETTER;
	const char *pw = ind_period_words(w->c->arena, &s->a);

	buf_printf(b, "%s: %s in %s in %s, %s the target of %s.", w->ind->name,
		   val(w, s->a.value), w->h->area, pw,
		   s->met ? (lower ? "within" : "meeting")
			  : (lower ? "above" : "short of"),
		   val(w, s->target));
	if (s->small)
		buf_adds(b, caution);
	s->sentence = done(w, b);
	buf_printf(b, "The figure compared with the target as it is (%s, %s is "
		      "better); no test of significance.",
		   val(w, s->target), lower ? "lower" : "higher");
	if (w->ind->target_note)
		buf_printf(b, " The target: %s.", w->ind->target_note);
	s->method = done(w, b);
}

static void write_benchmark(struct words *w, struct hl_statement *s,
			    struct buf *b)
{
	const char *pw = ind_period_words(w->c->arena, &s->a);
	const char *area = w->h->area;
	bool outside = s->cmp.rule == STATS_RULE_BENCHMARK_OUTSIDE;

	buf_printf(b, "%s: %s in %s in %s", w->ind->name, val(w, s->a.value), area,
		   pw);
	if (!s->b.has_value) {
		buf_printf(b, "; there is no figure for %s for %s to compare with.",
			   s->other, s->a.period);
		s->sentence = done(w, b);
		buf_printf(b, "Not compared: %s has no figure for the same period.",
			   s->other);
		s->method = done(w, b);
		return;
	}
	if (s->verdict == HL_NOT_TESTED) {
		buf_printf(b, ", against %s for %s: not tested.", val(w, s->b.value),
			   s->other);
		s->sentence = done(w, b);
		if (!s->a.has_ci)
			buf_printf(b, "Not compared: %s's figure has no confidence "
				      "interval (%s).",
				   area, s->a.no_ci ? s->a.no_ci : "none can be given");
		else
			buf_printf(b, "Not compared: the intervals rule needs %s's "
				      "interval, and its figure has none (%s).",
				   s->other, s->b.no_ci ? s->b.no_ci : "none given");
		s->method = done(w, b);
		return;
	}
	buf_printf(b, ", %s %s (%s).",
		   s->cmp.direction == STATS_HIGHER  ? "significantly higher than"
		   : s->cmp.direction == STATS_LOWER ? "significantly lower than"
						     : "not significantly different from",
		   s->other, val(w, s->b.value));
	if (s->small)
		buf_adds(b, caution);
	s->sentence = done(w, b);
	add_interval_method(b, w, &s->a, area);
	if (outside)
		buf_printf(b, " %s's interval %s %s's value (%s), so the difference "
			      "%s significant at the %s level (the Fingertips rule: "
			      "significant when the benchmark is outside the "
			      "interval).",
			   area, s->significant ? "does not include" : "includes",
			   s->other, val(w, s->b.value), s->significant ? "is" : "is not",
			   w->level);
	else
		buf_printf(b, " %s's interval (%s) and %s's (%s) %s, so the "
			      "difference %s significant at the %s level (the rule "
			      "of intervals that do not overlap, which is "
			      "conservative).",
			   area, ind_interval_text(w->c->arena, w->ind, &s->a), s->other,
			   ind_interval_text(w->c->arena, w->ind, &s->b),
			   s->significant ? "do not overlap" : "overlap",
			   s->significant ? "is" : "is not", w->level);
	if (s->cmp.judgement == STATS_JUDGE_BETTER ||
	    s->cmp.judgement == STATS_JUDGE_WORSE)
		buf_printf(b, " As %s, this is %s.", stats_polarity_name(ind_polarity(w->ind)),
			   s->cmp.judgement == STATS_JUDGE_BETTER ? "better" : "worse");
	s->method = done(w, b);
}

static void add_rank(struct buf *b, const struct hl_statement *s)
{
	buf_adds(b, "the ");
	if (s->ties > 1)
		buf_adds(b, "joint ");
	if (s->rank > 1 || s->ties > 1) {
		add_ordinal(b, s->rank);
		buf_addc(b, ' ');
	}
	buf_adds(b, s->highest_first ? "highest" : "lowest");
}

static void write_peers(struct words *w, struct hl_statement *s, struct buf *b)
{
	const char *pw = ind_period_words(w->c->arena, &s->a);

	buf_printf(b, "%s: %s in %s in %s, ", w->ind->name, val(w, s->a.value),
		   w->h->area, pw);
	if (!s->rank) {
		buf_printf(b, "not ranked in the %s peer group.", s->other);
		s->sentence = done(w, b);
		buf_adds(b, "Not ranked: the area has no figure.");
		s->method = done(w, b);
		return;
	}
	add_rank(b, s);
	buf_printf(b, " of the %zu areas %s the %s peer group", s->n_ranked,
		   s->area_in_group ? "in" : "compared:", s->other);
	if (!s->area_in_group)
		buf_printf(b, " and %s", w->h->area);
	if (s->n_ranked < s->n_peers)
		buf_printf(b, " with a figure (%zu %s none for %s)",
			   s->n_peers - s->n_ranked,
			   s->n_peers - s->n_ranked == 1 ? "has" : "have", s->a.period);
	buf_addc(b, '.');
	if (s->small)
		buf_adds(b, caution);
	s->sentence = done(w, b);
	buf_printf(b, "Standard competition ranking (\"1224\") of the %zu figures "
		      "for %s, %s first%s; equal figures share a rank. A rank is "
		      "not a test of significance: areas next to each other may "
		      "not differ significantly (their intervals are on the "
		      "indicator's page).",
		   s->n_ranked, pw, s->highest_first ? "highest" : "lowest",
		   s->highest_first ? "" : ", as lower is better");
	s->method = done(w, b);
}

/* "up 7.9%" / "up 1.2 percentage points" / "the same". */
static void add_percent(struct buf *b, const struct words *w,
			const struct hl_statement *s)
{
	if (s->direction == 0) {
		buf_adds(b, "no change");
		return;
	}
	buf_adds(b, s->direction > 0 ? "up " : "down ");
	if (is(w->ind->unit, "proportion") && ind_scale(w->ind) == 100) {
		add_fixed(b, fabs(s->a.value - s->b.value), 1);
		buf_adds(b, " percentage points");
	} else if (isfinite(s->percent)) {
		add_fixed(b, fabs(s->percent), 1);
		buf_addc(b, '%');
	} else {
		buf_adds(b, "from none");
	}
}

static const char *change_verdict(const struct hl_statement *s)
{
	if (!s->tested)
		return "not tested";
	if (s->significant && s->direction > 0)
		return s->small ? "a significant increase, but on small numbers: "
				  "treat it with caution"
				: "a significant increase";
	if (s->significant && s->direction < 0)
		return s->small ? "a significant fall, but on small numbers: treat "
				  "it with caution"
				: "a significant fall";
	return s->small ? "no significant change (small numbers: treat with "
			  "caution)"
			: "no significant change";
}

/* The verdict for the headline sentence, which gives the caution once,
 * at its end. */
static const char *change_verdict_short(const struct hl_statement *s)
{
	if (!s->tested)
		return "not tested";
	if (s->significant)
		return s->direction > 0 ? "a significant increase" : "a significant fall";
	return "no significant change";
}

static void add_test_method(struct buf *b, const struct words *w,
			    const struct hl_statement *s)
{
	struct arena *a = w->c->arena;
	const char *lv = ind_level_text(a, 1 - s->alpha);

	if (!s->tested) {
		buf_printf(b, "Not tested: %s.",
			   s->untested ? s->untested
			   : is(w->ind->unit, "mean")
				   ? "a change in a mean or score needs its spread, "
				     "which the data does not give"
				   : "the figures do not give the counts behind them");
		return;
	}
	if (s->ztest) {
		buf_adds(b, "Pooled two-proportion z-test, two-sided: ");
		add_fixed(b, s->a.numerator, 0);
		buf_adds(b, " of ");
		add_fixed(b, s->a.denominator, 0);
		buf_printf(b, " in %s against ", s->a.period);
		add_fixed(b, s->b.numerator, 0);
		buf_adds(b, " of ");
		add_fixed(b, s->b.denominator, 0);
		buf_printf(b, " in %s; z = ", s->b.period);
		add_fixed(b, s->z.z, 2);
		buf_printf(b, ", %s. Significant when p < ", ind_p_text(a, s->z.p_value));
		add_alpha(b, s->alpha);
		buf_printf(b, ", so it %s.", s->significant ? "is" : "is not");
	} else {
		buf_printf(b, "Exact conditional binomial test of the ratio of two "
			      "Poisson %s, two-sided: ",
			   is(w->ind->unit, "rate") ? "rates" : "counts");
		add_fixed(b, s->a.numerator, 0);
		buf_adds(b, " against ");
		add_fixed(b, s->b.numerator, 0);
		if (is(w->ind->unit, "rate"))
			buf_adds(b, s->same_exposure
					    ? " (the same population in both periods)"
					    : " (each over its own denominator)");
		buf_adds(b, "; rate ratio ");
		if (isfinite(s->ch.ratio)) {
			add_fixed(b, s->ch.ratio, 3);
			buf_printf(b, " (%s confidence interval ", lv);
			add_fixed(b, s->ch.lower, 3);
			buf_adds(b, " to ");
			if (isfinite(s->ch.upper))
				add_fixed(b, s->ch.upper, 3);
			else
				buf_adds(b, "infinity");
			buf_addc(b, ')');
		} else {
			buf_adds(b, "not defined (none before)");
		}
		buf_printf(b, ", %s. Significant when p < ", ind_p_text(a, s->ch.p_value));
		add_alpha(b, s->alpha);
		buf_printf(b, ", so it %s.", s->significant ? "is" : "is not");
	}
	if (s->n_tests > 1) {
		buf_printf(b, " One of %zu changes within the year tested together: "
			      "each must have p below ",
			   s->n_tests);
		add_alpha(b, 1 - w->c->level);
		buf_printf(b, " / %zu (the Bonferroni correction), so that the chance "
			      "of any false alarm among them is at most ",
			   s->n_tests);
		add_fixed(b, (1 - w->c->level) * 100, (1 - w->c->level) * 100 < 1 ? 1 : 0);
		buf_adds(b, "%.");
	}
	if (s->small)
		buf_printf(b, " Fewer than %d events in a period: small numbers.",
			   IND_SMALL_COUNT);
}

static void write_change(struct words *w, struct hl_statement *s, struct buf *b)
{
	struct arena *a = w->c->arena;
	const char *pa = ind_period_words(a, &s->a), *pb = ind_period_words(a, &s->b);
	const char *area = w->h->area;

	switch (s->change) {
	case HL_CHANGE_PREVIOUS:
		buf_printf(b, "%s in %s: %s in %s, ", w->ind->name, area,
			   val(w, s->a.value), pa);
		add_percent(b, w, s);
		buf_printf(b, " on %s in %s: %s.", val(w, s->b.value), pb,
			   change_verdict(s));
		break;
	case HL_CHANGE_TWO_YEARS:
		buf_printf(b, "%s in %s: ", w->ind->name, area);
		add_percent(b, w, s);
		buf_printf(b, " in the past two years, from %s in %s to %s in %s",
			   val(w, s->b.value), pb, val(w, s->a.value), pa);
		if (is(w->ind->unit, "rate")) {
			buf_adds(b, " (");
			add_fixed(b, s->b.numerator, 0);
			buf_adds(b, " and ");
			add_fixed(b, s->a.numerator, 0);
			buf_adds(b, " recorded)");
		}
		buf_printf(b, ": %s.", change_verdict(s));
		break;
	case HL_CHANGE_WITHIN_YEAR:
		buf_printf(b, "%s in %s: %s in %s, %s against %s in %s: ", w->ind->name,
			   area, s->direction > 0 ? "a significant increase"
						  : "a significant fall",
			   pa, val(w, s->a.value), val(w, s->b.value), pb);
		add_percent(b, w, s);
		buf_addc(b, '.');
		if (s->small)
			buf_adds(b, caution);
		break;
	case HL_CHANGE_YEAR_NONE:
		buf_printf(b, "%s in %s: no significant change from one period to "
			      "the next in the year to %s; %zu changes tested.",
			   w->ind->name, area, pa, s->n_tests);
		s->sentence = done(w, b);
		buf_printf(b, "Each change between consecutive periods in the year "
			      "to %s tested with %s; with %zu changes tested "
			      "together, each must have p below ",
			   pa,
			   is(w->ind->unit, "proportion")
				   ? "the pooled two-proportion z-test"
				   : "the exact conditional binomial test of two "
				     "Poisson counts",
			   s->n_tests);
		add_alpha(b, 1 - w->c->level);
		buf_printf(b, " / %zu (the Bonferroni correction). None did.",
			   s->n_tests);
		s->method = done(w, b);
		return;
	}
	s->sentence = done(w, b);
	add_test_method(b, w, s);
	add_crime_source(b, w, &s->a);
	s->method = done(w, b);
}

/* The unit of the points of a series: "months", "quarters", ... */
static const char *points_word(const struct words *w, size_t n)
{
	const char *f = w->ind->frequency;

	if (w->h->series.crime || is(f, "monthly"))
		return n == 1 ? "month" : "months";
	if (is(f, "quarterly"))
		return n == 1 ? "quarter" : "quarters";
	if (is(f, "annual") || is(f, "financial_year"))
		return n == 1 ? "year" : "years";
	if (is(f, "weekly"))
		return n == 1 ? "week" : "weeks";
	if (is(f, "survey_wave"))
		return n == 1 ? "survey wave" : "survey waves";
	return n == 1 ? "point" : "points";
}

/* The periods of points first..last of the series in words: "September
 * 2026", "July to September 2026", "Wave 5 to Wave 6". */
static const char *span_words(const struct words *w, const struct ind_point *first,
			      const struct ind_point *last)
{
	struct arena *a = w->c->arena;
	struct buf b = BUF_INIT;
	const char *s;

	if (first == last)
		return ind_period_words(a, last);
	if (first->from_month >= 0 && last->to_month >= 0) {
		char m1[8], m2[8];

		pu_month_format(first->from_month, m1);
		pu_month_format(last->to_month, m2);
		add_month_span(&b, m1, m2);
	} else {
		buf_printf(&b, "%s to %s", first->period ? first->period : "",
			   last->period ? last->period : "");
	}
	s = arena_strdup(a, b.ptr);
	buf_release(&b);
	return s;
}

/* How many of the chart's latest points share the last one's class
 * (special cause of one kind, or common cause). */
static size_t latest_run(const struct ind_spc *spc)
{
	size_t k = 1;
	enum stats_spc_class c = spc->points[spc->n - 1].class;

	while (k < spc->n && spc->points[spc->n - 1 - k].class == c)
		k++;
	return k;
}

/* The class of a special cause in words for a sentence: "special cause
 * improvement", "unusually high". */
static const char *class_words(enum stats_spc_class c)
{
	switch (c) {
	case STATS_SPC_IMPROVEMENT: return "special cause improvement";
	case STATS_SPC_CONCERN: return "special cause concern";
	case STATS_SPC_NEUTRAL_HIGH: return "unusually high (special cause)";
	case STATS_SPC_NEUTRAL_LOW: return "unusually low (special cause)";
	case STATS_SPC_COMMON_CAUSE: break;
	}
	return "common cause";
}

/* A signal that ended fewer than this many points ago is still news:
 * the sentence says the figures are back within the usual range after
 * it (six points: half a year of months). */
#define SPC_RECENT 6

static void write_spc(struct words *w, struct hl_statement *s, struct buf *b)
{
	const struct ind_spc *spc = &s->spc;
	const struct ind_series *se = s->series;
	const char *area = w->h->area;

	if (!spc->done) {
		buf_printf(b, "%s in %s: too few figures for a statistical process "
			      "control chart (%zu %s; at least %d are needed).",
			   w->ind->name, area, spc->n, points_word(w, spc->n),
			   IND_SPC_MIN_POINTS);
		s->sentence = done(w, b);
		buf_printf(b, "An XmR chart's process limits are only trial limits "
			      "with fewer than %d points (as NHSRplotthedots warns), "
			      "so no chart is drawn and no signal is read.",
			   IND_SPC_MIN_POINTS);
		s->method = done(w, b);
		return;
	}
	{
		const struct ind_point *last = &se->points[spc->index[spc->n - 1]];
		const struct stats_spc_point *lp = &spc->points[spc->n - 1];
		const struct stats_spc_segment *sg = &spc->res.segments[0];
		size_t k = latest_run(spc);

		/* What the latest points show: a signal now, one that has
		 * just ended, or nothing out of the ordinary. */
		buf_printf(b, "%s in %s: ", w->ind->name, area);
		if (lp->special) {
			const struct ind_point *from =
				&se->points[spc->index[spc->n - k]];

			if (k == 1)
				buf_printf(b, "%s in %s, the latest %s (%s).",
					   class_words(lp->class),
					   ind_period_words(w->c->arena, last),
					   points_word(w, 1), lp->type_name);
			else
				buf_printf(b, "%s in the latest %zu %s, %s (%s).",
					   class_words(lp->class), k,
					   points_word(w, k), span_words(w, from, last),
					   lp->type_name);
		} else if (k < SPC_RECENT) {
			/* A signal ended within the last few points: the
			 * point before the run of common cause is one. */
			size_t at = spc->n - k - 1, m = 1;
			const struct stats_spc_point *sig = &spc->points[at];

			while (m <= at && spc->points[at - m].class == sig->class)
				m++;
			buf_printf(b, "back within the usual range in %s, after %s in %s "
				      "(%s).",
				   ind_period_words(w->c->arena, last),
				   class_words(sig->class),
				   span_words(w, &se->points[spc->index[at + 1 - m]],
					      &se->points[spc->index[at]]),
				   sig->type_name);
		} else {
			buf_printf(b, "no sign of change: %s and the %zu %s before it "
				      "are all within the usual range (common cause "
				      "variation).",
				   ind_period_words(w->c->arena, last), k - 1,
				   points_word(w, k - 1));
		}
		s->sentence = done(w, b);
		buf_printf(b, "XmR chart with the Making Data Count rules, as "
			      "NHSRplotthedots computes them, on the %zu %s: mean %s, "
			      "process limits %s to %s (the mean plus or minus 2.66 "
			      "times the average moving range",
			   spc->n, points_word(w, spc->n), val(w, sg->mean),
			   val(w, sg->lower_limit), val(w, sg->upper_limit));
		if (sg->screened)
			buf_printf(b, ", after leaving out %zu unusually large moving "
				      "range%s",
				   sg->screened, sg->screened == 1 ? "" : "s");
		buf_adds(b, "). Special cause: a point beyond a process limit, 7 in a "
			    "row on one side of the mean, 7 in a row each rising or "
			    "each falling, or 2 of 3 more than two thirds of the way to "
			    "a limit. ");
		switch (ind_polarity(w->ind)) {
		case STATS_POLARITY_HIGHER_BETTER:
			buf_adds(b, "Higher is better, so high signals are improvement "
				    "and low ones concern.");
			break;
		case STATS_POLARITY_LOWER_BETTER:
			buf_adds(b, "Lower is better, so low signals are improvement "
				    "and high ones concern.");
			break;
		case STATS_POLARITY_NEITHER:
			buf_adds(b, "Neither direction is better, so signals are only "
				    "high or low.");
			break;
		}
		buf_adds(b, " SPC rules are not a test at a stated level: they flag "
			    "variation unlikely to be chance.");
		if (spc->res.n_special)
			buf_printf(b, " Over the %zu %s, %zu %s special cause variation "
				      "(%zu improvement, %zu concern); the sentence gives "
				      "what the latest show.",
				   spc->n, points_word(w, spc->n), spc->res.n_special,
				   spc->res.n_special == 1 ? "is" : "are",
				   spc->res.n_improvement, spc->res.n_concern);
		s->method = done(w, b);
	}
}

/* ---------------------------------------------------------------------
 * The headline sentence
 */

static const struct hl_statement *find(const struct hl_indicator *h,
				       enum hl_kind kind, int change)
{
	for (size_t i = 0; i < h->n_st; i++)
		if (h->st[i].kind == kind &&
		    (change < 0 || (int)h->st[i].change == change))
			return &h->st[i];
	return NULL;
}

/* "Greater Manchester's", "Wales'". */
static void add_possessive(struct buf *b, const char *name)
{
	size_t n = strlen(name);

	buf_adds(b, name);
	buf_adds(b, n && name[n - 1] == 's' ? "'" : "'s");
}

const char *hl_trend_name(enum hl_trend_kind k)
{
	switch (k) {
	case HL_TREND_NONE: return "none";
	case HL_TREND_CHANGE: return "change";
	case HL_TREND_SPC: return "spc";
	case HL_TREND_STEADY: return "steady";
	}
	return "none";
}

/* +1 better, -1 worse, 0 neither, for a move in direction dir. */
static int judge(const struct indicator *ind, int dir)
{
	switch (ind_polarity(ind)) {
	case STATS_POLARITY_HIGHER_BETTER: return dir;
	case STATS_POLARITY_LOWER_BETTER: return -dir;
	case STATS_POLARITY_NEITHER: break;
	}
	return 0;
}

/* The within-year changes that passed, as a clause: "there was a
 * significant increase in 2020/21 Q2 (July to September 2020)", and,
 * when a later one went the other way, "which has fallen significantly
 * since". */
static const char *within_year_clause(struct words *w, struct buf *b)
{
	const struct hl_indicator *h = w->h;
	const struct hl_statement *first = NULL, *back = NULL;

	for (size_t i = 0; i < h->n_st; i++) {
		const struct hl_statement *s = &h->st[i];

		if (s->kind != HL_CHANGE || s->change != HL_CHANGE_WITHIN_YEAR)
			continue;
		if (!first)
			first = s;
		else if (s->direction == -first->direction)
			back = s;
	}
	if (!first)
		return NULL;
	buf_printf(b, "there was %s in %s",
		   first->direction > 0 ? "a significant increase" : "a significant fall",
		   ind_period_words(w->c->arena, &first->a));
	if (back)
		buf_printf(b, ", which has %s significantly since",
			   back->direction > 0 ? "risen" : "fallen");
	return done(w, b);
}

/* Read the trend (headline.h) from the statements. */
static void choose_trend(struct words *w, struct buf *b)
{
	struct hl_indicator *h = w->h;
	struct hl_trend *t = &h->trend;
	const struct hl_statement *two = find(h, HL_CHANGE, HL_CHANGE_TWO_YEARS);
	const struct hl_statement *prev = find(h, HL_CHANGE, HL_CHANGE_PREVIOUS);
	const struct hl_statement *year = find(h, HL_CHANGE, HL_CHANGE_WITHIN_YEAR);
	const struct hl_statement *none = find(h, HL_CHANGE, HL_CHANGE_YEAR_NONE);
	const struct hl_statement *spc = find(h, HL_SPC, -1);
	const struct hl_statement *c = two && two->tested && two->significant ? two
				       : prev && prev->tested && prev->significant ? prev
				       : NULL;

	memset(t, 0, sizeof(*t));
	if (c) {
		t->kind = HL_TREND_CHANGE;
		t->st = c;
		t->direction = c->direction;
		t->judgement = judge(w->ind, c->direction);
		t->label = c->direction > 0 ? "Significant increase" : "Significant fall";
		if (c == two) {
			t->when = "in the past two years";
			add_percent(b, w, c);
			buf_printf(b, " in the past two years, %s", change_verdict_short(c));
		} else {
			t->when = arena_printf(w->c->arena, "on %s",
					       ind_period_words(w->c->arena, &c->b));
			add_percent(b, w, c);
			buf_printf(b, " on %s (", ind_period_words(w->c->arena, &c->b));
			buf_adds(b, val(w, c->b.value));
			buf_printf(b, "), %s", change_verdict_short(c));
		}
		t->clause = done(w, b);
		return;
	}
	if (year) {
		t->kind = HL_TREND_CHANGE;
		t->st = year;
		t->direction = year->direction;
		t->judgement = judge(w->ind, year->direction);
		t->label = year->direction > 0 ? "Significant increase"
					       : "Significant fall";
		t->when = arena_printf(w->c->arena, "in %s",
				       ind_period_words(w->c->arena, &year->a));
		t->clause = within_year_clause(w, b);
		return;
	}
	if (spc && spc->spc.done && spc->spc.points[spc->spc.n - 1].special) {
		const struct stats_spc_point *lp = &spc->spc.points[spc->spc.n - 1];
		size_t k = latest_run(&spc->spc);

		t->kind = HL_TREND_SPC;
		t->st = spc;
		t->direction = lp->direction;
		t->judgement = lp->class == STATS_SPC_IMPROVEMENT ? 1
			       : lp->class == STATS_SPC_CONCERN ? -1
								: 0;
		t->label = lp->class == STATS_SPC_IMPROVEMENT ? "Improving"
			   : lp->class == STATS_SPC_CONCERN     ? "Getting worse"
			   : lp->direction > 0                  ? "Unusually high"
								: "Unusually low";
		t->when = k == 1 ? arena_printf(w->c->arena, "in the latest %s",
						points_word(w, 1))
				 : arena_printf(w->c->arena, "in the latest %zu %s", k,
						points_word(w, k));
		buf_printf(b, "%s %s (%s)", class_words(lp->class), t->when,
			   lp->type_name);
		t->clause = done(w, b);
		return;
	}
	if ((two && two->tested) || (prev && prev->tested) || none ||
	    (spc && spc->spc.done)) {
		const struct hl_statement *base = two && two->tested ? two
						  : prev && prev->tested ? prev
									 : NULL;

		t->kind = HL_TREND_STEADY;
		t->st = base ? base : none ? none : spc;
		t->label = "No significant change";
		t->when = base == two && two ? "in the past two years"
			  : base ? arena_printf(w->c->arena, "against %s",
						ind_period_words(w->c->arena, &base->b))
				 : spc && spc->spc.done
					   ? arena_printf(w->c->arena, "over %zu %s (SPC)",
							  spc->spc.n,
							  points_word(w, spc->spc.n))
					   : NULL;
		return;
	}
	t->kind = HL_TREND_NONE;
	t->label = "Not enough figures";
}

/* The headline sentence, as an annual review writes one: the figure,
 * then how it compares with other areas (the peers' rank, the
 * benchmark, when it was tested), then the trend when it says
 * something; the rest is in the statements. */
static void write_summary(struct words *w, struct buf *b)
{
	struct hl_indicator *h = w->h;
	const struct hl_statement *peers = find(h, HL_PEERS, -1);
	const struct hl_statement *bench = find(h, HL_BENCHMARK, -1);
	bool compared = false, small = h->now.small;

	choose_trend(w, b);
	buf_printf(b, "%s: %s in %s in %s", w->ind->name, val(w, h->now.value),
		   h->area, h->period_words);
	if (peers && peers->rank) {
		buf_adds(b, ", ");
		add_rank(b, peers);
		buf_printf(b, " of %zu in the %s peer group", peers->n_ranked,
			   peers->other);
		compared = true;
	}
	if (bench && bench->b.has_value && bench->verdict != HL_NOT_TESTED) {
		buf_adds(b, compared ? " and " : ", ");
		buf_adds(b, bench->cmp.direction == STATS_HIGHER ? "significantly higher than "
			    : bench->cmp.direction == STATS_LOWER
				    ? "significantly lower than "
				    : "not significantly different from ");
		add_possessive(b, bench->other);
		buf_printf(b, " %s", val(w, bench->b.value));
		small |= bench->small;
	}
	if (h->trend.clause) {
		/* a clause of its own after a comparison, or a within-year
		 * change ("there was ...") */
		buf_adds(b, compared || (bench && bench->verdict != HL_NOT_TESTED &&
					  bench->b.has_value) ||
				    (h->trend.st &&
				     h->trend.st->change == HL_CHANGE_WITHIN_YEAR &&
				     h->trend.kind == HL_TREND_CHANGE)
				    ? "; "
				    : ", ");
		buf_adds(b, h->trend.clause);
		small |= h->trend.st && h->trend.st->small;
	}
	buf_addc(b, '.');
	if (small)
		buf_adds(b, caution);
	h->summary = done(w, b);
}

void hl_write(struct ind_ctx *c, struct hl_indicator *h)
{
	struct words w = { c, h, h->ind, ind_level_text(c->arena, c->level) };
	struct buf b = BUF_INIT;

	if (!h->has_data) {
		buf_printf(&b, "%s: no figures for %s (%s).", h->ind->name, h->area,
			   h->why_none ? h->why_none : "none");
		h->summary = done(&w, &b);
		buf_release(&b);
		return;
	}
	for (size_t i = 0; i < h->n_st; i++) {
		struct hl_statement *s = &h->st[i];
		bool peers = h->ind->peer_group && *h->ind->peer_group &&
			     !is(h->ind->unit, "count");

		/* The part of the indicator's page with the figures used. */
		s->link = arena_printf(c->arena, "%s#%s", h->link,
				       s->kind == HL_SPC ? "over-time"
				       : s->kind == HL_PEERS ||
						 (s->kind == HL_BENCHMARK && peers)
					       ? "peers"
					       : "figures");
		switch (s->kind) {
		case HL_VALUE: write_value(&w, s, &b); break;
		case HL_TARGET: write_target(&w, s, &b); break;
		case HL_BENCHMARK: write_benchmark(&w, s, &b); break;
		case HL_PEERS: write_peers(&w, s, &b); break;
		case HL_CHANGE: write_change(&w, s, &b); break;
		case HL_SPC: write_spc(&w, s, &b); break;
		}
	}
	write_summary(&w, &b);
	buf_release(&b);
}
