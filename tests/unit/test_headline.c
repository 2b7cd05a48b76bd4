/*
 * test_headline.c: unit tests of the words of the performance headlines
 * (src/indicators/headline_text.c), on statements made by hand: the
 * sentence says exactly what the verdict allows ("significantly higher"
 * only for a test that passed, "no significant change" otherwise, small
 * numbers with a caution), ranks and ties, numbers and periods in words;
 * the headline sentence of an indicator as an annual review writes it
 * (seed 004), the trend it shares with the theme's page, and the SPC
 * sentence that says what the latest months show.
 * The statistics behind real statements are checked end to end by
 * tests/cli/t_indicators.sh.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "indicators/headline.h"
#include "store/store_indicator.h"

static struct arena arena;

static struct ind_ctx ctx(void)
{
	struct ind_ctx c = { 0 };

	c.arena = &arena;
	c.level = 0.95;
	return c;
}

static const struct indicator feel_safe = {
	.id = 7, .code = "feel-safe", .name = "Residents who feel safe",
	.unit = "proportion", .per = 100, .polarity = "higher_better",
	.frequency = "survey_wave", .ci_method = "wilson",
	.comparison = "benchmark_outside", .benchmark = "Greater Manchester",
};

static const struct indicator hate = {
	.id = 3, .code = "hate-crime", .name = "Hate crimes recorded",
	.unit = "count", .polarity = "neither", .frequency = "quarterly",
	.ci_method = "poisson",
};

static struct ind_point point(const char *period, const char *start,
			      const char *end, double k, double n, double value)
{
	struct ind_point p = { 0 };

	p.area = "Stockport";
	p.period = period;
	p.start = start;
	p.end = end;
	p.from_month = p.to_month = -1;
	p.has_numerator = true;
	p.numerator = k;
	p.has_denominator = n > 0;
	p.denominator = n;
	p.has_value = true;
	p.value = value;
	p.has_ci = true;
	p.lower = value * 0.96;
	p.upper = value * 1.03;
	p.ci_method = "Wilson score interval";
	return p;
}

/* A headline of ind for Stockport with the statements given. */
static struct hl_indicator headline(const struct indicator *ind,
				    struct ind_point now,
				    struct hl_statement *st, size_t n)
{
	struct hl_indicator h = { 0 };

	h.ind = ind;
	h.area = "Stockport";
	h.has_data = true;
	h.now = now;
	h.period.label = now.period;
	h.period_words = ind_period_words(&arena, &now);
	h.link = ind_link(&arena, ind, "Stockport");
	h.st = st;
	h.n_st = n;
	for (size_t i = 0; i < n; i++)
		st[i].link = h.link;
	return h;
}

static bool has(const char *s, const char *part)
{
	return s && strstr(s, part) != NULL;
}

static void test_benchmark_words_follow_the_verdict(void **state)
{
	struct ind_ctx c = ctx();
	struct ind_point now = point("Wave 6", "2020-11-01", "2020-12-31", 368, 400, 92);
	struct ind_point gm = point("Wave 6", "2020-11-01", "2020-12-31", 3168, 3600, 88);
	struct hl_statement st[2] = { 0 };
	struct hl_indicator h;

	UNUSED(state);
	for (int k = 0; k < 2; k++) {
		st[k].kind = HL_BENCHMARK;
		st[k].a = now;
		st[k].b = gm;
		st[k].other = "Greater Manchester";
		st[k].cmp.rule = STATS_RULE_BENCHMARK_OUTSIDE;
	}
	st[0].verdict = HL_SIGNIFICANT;
	st[0].significant = true;
	st[0].cmp.direction = STATS_HIGHER;
	st[0].cmp.judgement = STATS_JUDGE_BETTER;
	st[1].verdict = HL_NOT_SIGNIFICANT;
	st[1].cmp.direction = STATS_SIMILAR;
	st[1].cmp.judgement = STATS_JUDGE_SIMILAR;
	h = headline(&feel_safe, now, st, 2);
	hl_write(&c, &h);
	assert_string_equal(st[0].sentence,
			    "Residents who feel safe: 92.0% in Stockport in Wave 6 "
			    "(November to December 2020), significantly higher than "
			    "Greater Manchester (88.0%).");
	assert_true(has(st[0].method, "Wilson score 95% confidence interval for "
				      "Stockport: 88.3% to 94.8%."));
	assert_true(has(st[0].method, "does not include Greater Manchester's value "
				      "(88.0%), so the difference is significant at "
				      "the 95% level"));
	assert_true(has(st[0].method, "this is better"));
	assert_true(has(st[1].sentence, "not significantly different from Greater "
					"Manchester (88.0%)"));
	assert_false(has(st[1].sentence, "significantly higher"));
	assert_true(has(st[1].method, "includes Greater Manchester's value"));
	assert_true(has(st[1].method, "is not significant"));
	assert_true(has(st[0].link, "/indicators/7?area=Stockport#figures"));
}

static void test_change_words(void **state)
{
	struct ind_ctx c = ctx();
	struct ind_point q1 = point("2020/21 Q1", "2020-04-01", "2020-06-30", 66, 0, 66);
	struct ind_point q2 = point("2020/21 Q2", "2020-07-01", "2020-09-30", 112, 0, 112);
	struct ind_point q3 = point("2020/21 Q3", "2020-10-01", "2020-12-31", 7, 0, 7);
	struct hl_statement st[3] = { 0 };
	struct hl_indicator h;

	UNUSED(state);
	for (int k = 0; k < 3; k++) {
		st[k].kind = HL_CHANGE;
		st[k].tested = true;
		st[k].alpha = 0.05;
		st[k].n_tests = 1;
		st[k].ch.ratio = 1;
		st[k].ch.lower = 0.5;
		st[k].ch.upper = 2;
	}
	/* A significant increase. */
	st[0].change = HL_CHANGE_PREVIOUS;
	st[0].a = q2;
	st[0].b = q1;
	st[0].direction = 1;
	st[0].percent = 100 * (112.0 / 66 - 1);
	st[0].significant = true;
	st[0].verdict = HL_SIGNIFICANT;
	st[0].ch.p_value = 0.0007;
	/* The same sizes, not significant: never "increase". */
	st[1] = st[0];
	st[1].significant = false;
	st[1].verdict = HL_NOT_SIGNIFICANT;
	st[1].ch.p_value = 0.0503;
	/* A fall on small numbers. */
	st[2].change = HL_CHANGE_PREVIOUS;
	st[2].a = q3;
	st[2].b = q2;
	st[2].direction = -1;
	st[2].percent = 100 * (7.0 / 112 - 1);
	st[2].significant = true;
	st[2].small = true;
	st[2].verdict = HL_SMALL_NUMBERS;
	st[2].ch.p_value = 1e-9;
	h = headline(&hate, q2, st, 3);
	hl_write(&c, &h);
	assert_string_equal(st[0].sentence,
			    "Hate crimes recorded in Stockport: 112 in 2020/21 Q2 (July "
			    "to September 2020), up 69.7% on 66 in 2020/21 Q1 (April to "
			    "June 2020): a significant increase.");
	assert_true(has(st[0].method, "p < 0.001. Significant when p < 0.05, so it is."));
	assert_true(has(st[1].sentence, ": no significant change."));
	assert_false(has(st[1].sentence, "significant increase"));
	assert_true(has(st[1].method, "p = 0.0503. Significant when p < 0.05, so it is not."));
	assert_true(has(st[2].sentence, "down 93.8% on 112"));
	assert_true(has(st[2].sentence, "small numbers: treat it with caution"));
	assert_true(has(st[2].method, "Fewer than 10 events in a period: small numbers."));
}

static void test_ranks_and_ties(void **state)
{
	struct ind_ctx c = ctx();
	struct ind_point now = point("2020/21", "2020-04-01", "2021-03-31", 212, 454, 46.7);
	struct hl_statement st[3] = { 0 };
	struct hl_indicator h;

	UNUSED(state);
	for (int k = 0; k < 3; k++) {
		st[k].kind = HL_PEERS;
		st[k].a = now;
		st[k].other = "Greater Manchester";
		st[k].n_ranked = st[k].n_peers = 10;
		st[k].area_in_group = true;
		st[k].highest_first = true;
		st[k].ties = 1;
	}
	st[0].rank = 3;
	st[1].rank = 3;
	st[1].ties = 2;
	st[2].rank = 1;
	st[2].highest_first = false;
	h = headline(&feel_safe, now, st, 3);
	hl_write(&c, &h);
	assert_true(has(st[0].sentence, "46.7% in Stockport in 2020/21, the 3rd "
					"highest of the 10 areas in the Greater "
					"Manchester peer group."));
	assert_true(has(st[1].sentence, "the joint 3rd highest of the 10"));
	assert_true(has(st[2].sentence, "the lowest of the 10"));
	assert_true(has(st[0].method, "A rank is not a test of significance"));
	assert_true(has(h.summary, "the 3rd highest of 10 in the Greater Manchester "
				   "peer group"));
}

static void test_small_value_and_no_interval(void **state)
{
	struct ind_ctx c = ctx();
	struct ind_point now = point("2020/21 Q3", "2020-10-01", "2020-12-31", 7, 0, 7);
	struct hl_statement st[1] = { 0 };
	struct hl_indicator h;

	UNUSED(state);
	now.small = true;
	now.has_ci = false;
	now.no_ci = "only the value is given, not the counts behind it";
	st[0].kind = HL_VALUE;
	st[0].a = now;
	st[0].small = true;
	st[0].verdict = HL_SMALL_NUMBERS;
	h = headline(&hate, now, st, 1);
	hl_write(&c, &h);
	assert_true(has(st[0].sentence, "Small numbers: treat this with caution."));
	assert_true(has(st[0].method, "No confidence interval for Stockport: only the "
				      "value is given"));
	assert_true(has(h.summary, "Small numbers: treat this with caution."));
}

static void test_numbers_and_periods(void **state)
{
	const struct indicator rate = { .unit = "rate", .per = 1000 };
	const struct indicator count = { .unit = "count" };
	struct ind_point p = { 0 };

	UNUSED(state);
	assert_string_equal(ind_value_text(&arena, &feel_safe, 92), "92.0%");
	assert_string_equal(ind_value_text(&arena, &count, 3472), "3,472");
	assert_string_equal(ind_value_text(&arena, &rate, 2.1834), "2.18");
	assert_string_equal(ind_value_text(&arena, &rate, 1234.6), "1,235");
	assert_string_equal(ind_value_text(&arena, &rate, -0.001), "0.00");
	/* Figures beyond every integer type, and no figure at all. */
	assert_string_equal(ind_value_text(&arena, &count, 1e20),
			    "100,000,000,000,000,000,000");
	assert_string_equal(ind_value_text(&arena, &rate, -1e20),
			    "-100,000,000,000,000,000,000");
	assert_string_equal(ind_value_text(&arena, &count, 1e63),
			    "1,000,000,000,000,000,057,857,959,942,726,969,827,"
			    "393,378,689,175,040,438,172,647,424");
	assert_string_equal(ind_value_text(&arena, &feel_safe, 1e20),
			    "100,000,000,000,000,000,000.0%");
	assert_string_equal(ind_value_text(&arena, &count, 2.25), "2.2");
	assert_string_equal(ind_value_text(&arena, &rate, 1e-9), "0.00");
	assert_string_equal(ind_value_text(&arena, &rate, -1e-9), "0.00");
	assert_string_equal(ind_value_text(&arena, &rate, NAN), "not known");
	assert_string_equal(ind_value_text(&arena, &count, INFINITY), "not known");
	assert_string_equal(ind_value_text(&arena, &feel_safe, -INFINITY),
			    "not known");
	assert_string_equal(ind_p_text(&arena, 0.0004), "p < 0.001");
	assert_string_equal(ind_p_text(&arena, 0.0503), "p = 0.0503");
	assert_string_equal(ind_p_text(&arena, 0.531), "p = 0.53");
	assert_string_equal(ind_level_text(&arena, 0.95), "95%");
	assert_string_equal(ind_level_text(&arena, 0.998), "99.8%");
	p.from_month = p.to_month = -1;
	p.period = "2020/21";
	p.start = "2020-04-01";
	p.end = "2021-03-31";
	assert_string_equal(ind_period_words(&arena, &p), "2020/21");
	p.period = "Wave 6";
	p.start = "2020-11-01";
	p.end = "2020-12-31";
	assert_string_equal(ind_period_words(&arena, &p), "Wave 6 (November to December 2020)");
	p.period = "Winter";
	p.start = "2020-11-01";
	p.end = "2021-02-28";
	assert_string_equal(ind_period_words(&arena, &p),
			    "Winter (November 2020 to February 2021)");
	p.period = "2026-09";
	assert_string_equal(ind_period_words(&arena, &p), "September 2026");
	p.from_month = 2025 * 12 + 9;
	p.to_month = 2026 * 12 + 8;
	assert_string_equal(ind_period_words(&arena, &p), "the 12 months to September 2026");
	assert_string_equal(ind_link(&arena, &feel_safe, "Greater Manchester"),
			    "/indicators/7?area=Greater%20Manchester");
}

/* The headline sentence of an indicator reads like an annual review's:
 * the figure, its rank and the benchmark it was tested against, and a
 * trend only when one passed its test. */
static void test_the_headline_sentence_reads_like_a_report(void **state)
{
	struct ind_ctx c = ctx();
	struct ind_point now = point("Wave 6", "2020-11-01", "2020-12-31", 368, 400, 92);
	struct ind_point gm = point("Wave 6", "2020-11-01", "2020-12-31", 3168, 3600, 88);
	struct ind_point before = point("Wave 5", "2020-09-01", "2020-10-31", 363, 400, 90.8);
	struct hl_statement st[4] = { 0 };
	struct hl_indicator h;

	UNUSED(state);
	st[0].kind = HL_VALUE;
	st[0].a = now;
	st[1].kind = HL_PEERS;
	st[1].a = now;
	st[1].other = "Greater Manchester";
	st[1].n_ranked = st[1].n_peers = 10;
	st[1].area_in_group = true;
	st[1].highest_first = true;
	st[1].rank = 2;
	st[1].ties = 1;
	st[2].kind = HL_BENCHMARK;
	st[2].a = now;
	st[2].b = gm;
	st[2].other = "Greater Manchester";
	st[2].verdict = HL_SIGNIFICANT;
	st[2].significant = true;
	st[2].cmp.direction = STATS_HIGHER;
	st[2].cmp.judgement = STATS_JUDGE_BETTER;
	st[3].kind = HL_CHANGE;
	st[3].change = HL_CHANGE_PREVIOUS;
	st[3].a = now;
	st[3].b = before;
	st[3].tested = true;
	st[3].ztest = true;
	st[3].direction = 1;
	st[3].alpha = 0.05;
	st[3].n_tests = 1;
	st[3].verdict = HL_NOT_SIGNIFICANT;
	h = headline(&feel_safe, now, st, 4);
	hl_write(&c, &h);
	assert_string_equal(h.summary,
			    "Residents who feel safe: 92.0% in Stockport in Wave 6 "
			    "(November to December 2020), the 2nd highest of 10 in the "
			    "Greater Manchester peer group and significantly higher than "
			    "Greater Manchester's 88.0%.");
	/* No significant change: the trend says so, the sentence leaves it
	 * out. */
	assert_int_equal(h.trend.kind, HL_TREND_STEADY);
	assert_string_equal(h.trend.label, "No significant change");
	assert_string_equal(h.trend.when, "against Wave 5 (September to October 2020)");
	assert_ptr_equal(h.trend.st, &st[3]);
}

static const struct indicator burglary = {
	.id = 4, .code = "burglary-rate", .name = "Burglary per 1,000 residents",
	.unit = "rate", .per = 1000, .polarity = "lower_better",
	.frequency = "monthly", .ci_method = "poisson",
};

static void test_a_significant_change_is_the_trend(void **state)
{
	struct ind_ctx c = ctx();
	struct ind_point now = point("12 months to September 2026", "2025-10-01",
				     "2026-09-30", 589, 301509, 1.95);
	struct ind_point then = point("12 months to September 2024", "2023-10-01",
				      "2024-09-30", 903, 301509, 2.99);
	struct hl_statement st[2] = { 0 };
	struct hl_indicator h;

	UNUSED(state);
	now.from_month = 2025 * 12 + 9;
	now.to_month = 2026 * 12 + 8;
	then.from_month = 2023 * 12 + 9;
	then.to_month = 2024 * 12 + 8;
	st[0].kind = HL_VALUE;
	st[0].a = now;
	st[1].kind = HL_CHANGE;
	st[1].change = HL_CHANGE_TWO_YEARS;
	st[1].a = now;
	st[1].b = then;
	st[1].tested = true;
	st[1].significant = true;
	st[1].verdict = HL_SIGNIFICANT;
	st[1].direction = -1;
	st[1].percent = 100 * (1.95 / 2.99 - 1);
	st[1].alpha = 0.05;
	st[1].n_tests = 1;
	h = headline(&burglary, now, st, 2);
	hl_write(&c, &h);
	assert_string_equal(h.summary,
			    "Burglary per 1,000 residents: 1.95 in Stockport in the 12 "
			    "months to September 2026, down 34.8% in the past two years, "
			    "a significant fall.");
	assert_int_equal(h.trend.kind, HL_TREND_CHANGE);
	assert_string_equal(h.trend.label, "Significant fall");
	assert_int_equal(h.trend.judgement, 1); /* lower is better */
	assert_string_equal(h.trend.when, "in the past two years");
}

static void test_an_increase_that_has_fallen_since(void **state)
{
	struct ind_ctx c = ctx();
	struct ind_point q1 = point("2020/21 Q1", "2020-04-01", "2020-06-30", 66, 0, 66);
	struct ind_point q2 = point("2020/21 Q2", "2020-07-01", "2020-09-30", 112, 0, 112);
	struct ind_point q3 = point("2020/21 Q3", "2020-10-01", "2020-12-31", 71, 0, 71);
	struct ind_point now = point("2021/22 Q1", "2021-04-01", "2021-06-30", 68, 0, 68);
	struct hl_statement st[3] = { 0 };
	struct hl_indicator h;

	UNUSED(state);
	st[0].kind = HL_VALUE;
	st[0].a = now;
	for (int k = 1; k < 3; k++) {
		st[k].kind = HL_CHANGE;
		st[k].change = HL_CHANGE_WITHIN_YEAR;
		st[k].tested = true;
		st[k].significant = true;
		st[k].verdict = HL_SIGNIFICANT;
		st[k].alpha = 0.05 / 3;
		st[k].n_tests = 3;
	}
	st[1].a = q2;
	st[1].b = q1;
	st[1].direction = 1;
	st[2].a = q3;
	st[2].b = q2;
	st[2].direction = -1;
	h = headline(&hate, now, st, 3);
	hl_write(&c, &h);
	/* "There was a significant increase in hate crime July-September,
	 * however, this has substantially reduced since." (seed 004) */
	assert_string_equal(h.summary,
			    "Hate crimes recorded: 68 in Stockport in 2021/22 Q1 (April "
			    "to June 2021); there was a significant increase in 2020/21 "
			    "Q2 (July to September 2020), which has fallen significantly "
			    "since.");
	assert_int_equal(h.trend.kind, HL_TREND_CHANGE);
	assert_int_equal(h.trend.judgement, 0); /* neither way is better */
}

/* An SPC statement over 12 months whose classes are given: c[i] is 'i'
 * (improvement), 'c' (concern) or '.' (common cause); the type of the
 * special points is given too. */
static struct hl_statement spc_of(struct ind_series *se, const char *c,
				  enum stats_spc_rule type, int direction)
{
	struct hl_statement s = { 0 };
	size_t n = strlen(c);

	se->ind = &burglary;
	se->area = "Stockport";
	se->n = n;
	se->points = test_calloc(n, sizeof(*se->points));
	s.kind = HL_SPC;
	s.series = se;
	s.spc.done = true;
	s.spc.n = n;
	s.spc.index = test_calloc(n, sizeof(*s.spc.index));
	s.spc.points = test_calloc(n, sizeof(*s.spc.points));
	for (size_t i = 0; i < n; i++) {
		struct stats_spc_point *q = &s.spc.points[i];

		se->points[i] = point("month", "2025-10-01", "2025-10-31", 50, 0, 50);
		se->points[i].from_month = se->points[i].to_month =
			2025 * 12 + 9 + (int)i;
		s.spc.index[i] = i;
		q->special = c[i] != '.';
		q->class = c[i] == 'i' ? STATS_SPC_IMPROVEMENT
			   : c[i] == 'c' ? STATS_SPC_CONCERN
					 : STATS_SPC_COMMON_CAUSE;
		q->type = q->special ? type : 0;
		q->direction = q->special ? direction : 0;
		q->type_name = !q->special ? "common cause"
			       : type == STATS_SPC_OUTSIDE_LIMITS
				       ? (direction > 0 ? "above the upper process limit"
						        : "below the lower process limit")
				       : (direction > 0 ? "run above the mean"
							: "run below the mean");
		q->class_name = c[i] == 'i' ? "special cause improvement"
				: c[i] == 'c' ? "special cause concern"
					      : "common cause";
		s.spc.res.n_special += q->special;
	}
	s.spc.res.segments[0].mean = 50;
	s.spc.res.segments[0].lower_limit = 30;
	s.spc.res.segments[0].upper_limit = 70;
	s.verdict = s.spc.res.n_special ? HL_SPECIAL_CAUSE : HL_COMMON_CAUSE;
	return s;
}

static void free_spc(struct hl_statement *s)
{
	test_free(s->spc.index);
	test_free(s->spc.points);
	test_free(s->series->points);
}

/* The SPC sentence says what the latest months show, not every rule
 * that fired. */
static void test_spc_says_what_the_latest_months_show(void **state)
{
	struct ind_ctx c = ctx();
	struct ind_series se;
	struct hl_statement st[1];
	struct hl_indicator h;

	UNUSED(state);
	memset(&se, 0, sizeof(se));
	st[0] = spc_of(&se, "iii.........ccc", STATS_SPC_OUTSIDE_LIMITS, 1);
	h = headline(&burglary, se.points[se.n - 1], st, 1);
	h.series = se;
	hl_write(&c, &h);
	assert_string_equal(st[0].sentence,
			    "Burglary per 1,000 residents in Stockport: special cause "
			    "concern in the latest 3 months, October to December 2026 "
			    "(above the upper process limit).");
	assert_false(has(st[0].sentence, "improvement"));
	assert_int_equal(h.trend.kind, HL_TREND_SPC);
	assert_string_equal(h.trend.label, "Getting worse");
	assert_true(has(h.summary, ", special cause concern in the latest 3 months"));
	free_spc(&st[0]);

	memset(&se, 0, sizeof(se));
	st[0] = spc_of(&se, "........iiiii..", STATS_SPC_SHIFT, -1);
	h = headline(&burglary, se.points[se.n - 1], st, 1);
	h.series = se;
	hl_write(&c, &h);
	assert_string_equal(st[0].sentence,
			    "Burglary per 1,000 residents in Stockport: back within the "
			    "usual range in December 2026, after special cause "
			    "improvement in June to October 2026 (run below the mean).");
	assert_int_equal(h.trend.kind, HL_TREND_STEADY);
	free_spc(&st[0]);

	memset(&se, 0, sizeof(se));
	st[0] = spc_of(&se, "cc.............", STATS_SPC_OUTSIDE_LIMITS, 1);
	h = headline(&burglary, se.points[se.n - 1], st, 1);
	h.series = se;
	hl_write(&c, &h);
	assert_string_equal(st[0].sentence,
			    "Burglary per 1,000 residents in Stockport: no sign of "
			    "change: December 2026 and the 12 months before it are all "
			    "within the usual range (common cause variation).");
	free_spc(&st[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_headline_sentence_reads_like_a_report),
		cmocka_unit_test(test_a_significant_change_is_the_trend),
		cmocka_unit_test(test_an_increase_that_has_fallen_since),
		cmocka_unit_test(test_spc_says_what_the_latest_months_show),
		cmocka_unit_test(test_benchmark_words_follow_the_verdict),
		cmocka_unit_test(test_change_words),
		cmocka_unit_test(test_ranks_and_ties),
		cmocka_unit_test(test_small_value_and_no_interval),
		cmocka_unit_test(test_numbers_and_periods),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	arena_release(&arena);
	return rc;
}
