/*
 * headline.h: the performance headlines of an area, each with the method
 * beside it, as an annual review states them ("92% of residents feel
 * safe, significantly higher than Greater Manchester (88%)").
 *
 * For each indicator the headline works out, for the area and the
 * indicator's latest period (or the latest by a date):
 *
 *   value      the figure with its confidence interval
 *   target     the figure against the indicator's target (no test)
 *   benchmark  against the benchmark area for the same period, by the
 *              indicator's rule (benchmark outside the interval, or
 *              intervals that do not overlap), better or worse by polarity
 *   peers      its rank among the peer group's members for the period,
 *              with ties ("joint 3rd highest of 10"); ranks are not tests
 *   change     proportions: the last period against the one before, by
 *              the pooled two-proportion z-test; counts and rates: the
 *              rate ratio with its exact test: a crime indicator's last
 *              12 months against the 12 before and against the 12 two
 *              years before; other counts the last period against the
 *              one before, and, for quarterly or monthly figures, each
 *              change within the last year (Bonferroni-corrected)
 *   spc        the XmR chart's signals when there are 12 points or more
 *
 * Rules: nothing is called significant that did not pass its test at the
 * stated level; a figure on fewer than 10 events (or a proportion of
 * fewer than 30) is "small numbers", to be treated with caution; a
 * change that is not significant is "no significant change"; example
 * data is flagged.  The working (headline.c) is kept apart from the
 * words (headline_text.c), so that each can be tested alone.
 *
 * Memory: everything comes from the context's arena.
 */
#ifndef SAFER_HEADLINE_H
#define SAFER_HEADLINE_H

#include "base/buf.h"
#include "series.h"
#include "store/store_indicator.h"

enum hl_kind { HL_VALUE, HL_TARGET, HL_BENCHMARK, HL_PEERS, HL_CHANGE, HL_SPC };

enum hl_verdict {
	HL_NOT_TESTED = 0,  /* a figure, a rank, a target: no test */
	HL_SIGNIFICANT,     /* passed its test at the level */
	HL_NOT_SIGNIFICANT, /* tested, and did not pass */
	HL_SMALL_NUMBERS,   /* too few events to lean on, tested or not */
	HL_SPECIAL_CAUSE,   /* SPC: a signal by the Making Data Count rules */
	HL_COMMON_CAUSE,    /* SPC: no signal */
};

enum hl_change_kind {
	HL_CHANGE_PREVIOUS,    /* the period before */
	HL_CHANGE_TWO_YEARS,   /* the same 12 months two years before */
	HL_CHANGE_WITHIN_YEAR, /* a period-on-period change in the last year */
	HL_CHANGE_YEAR_NONE,   /* none of those was significant */
};

struct hl_statement {
	enum hl_kind kind;
	enum hl_verdict verdict;
	bool significant;     /* passed its test at the level */
	bool small;           /* small numbers among the figures used */
	bool example;         /* example data among the figures used */
	const char *sentence; /* plain text (hl_write) */
	const char *method;   /* plain text (hl_write) */
	const char *link;     /* the data: /indicators/ID?area=AREA */

	/* value, target, benchmark, peers: a is the area's figure.
	 * change: a is the later figure and b the earlier.
	 * benchmark: b is the benchmark's figure. */
	struct ind_point a, b;
	const char *other;    /* the benchmark area, or the peer group */

	/* target */
	double target;
	bool met;

	/* benchmark */
	struct stats_comparison cmp;

	/* peers */
	struct ind_point *peers; /* the members' figures (and the area's) */
	struct stats_rank *ranks;
	size_t n_peers;
	size_t rank, ties, n_ranked;
	bool highest_first;
	bool area_in_group;

	/* change */
	enum hl_change_kind change;
	bool ztest;             /* z (proportions) rather than ch (rates) */
	bool tested;            /* false: no counts to test */
	const char *untested;   /* why a test was refused, or NULL */
	struct stats_ztest z;
	struct stats_change ch;
	double alpha;           /* the p-value it had to be below */
	size_t n_tests;         /* in the family (Bonferroni), 1 alone */
	int direction;          /* +1 up, -1 down, 0 the same */
	double percent;         /* the change in per cent (NAN if none) */
	bool same_exposure;     /* t1 = t2 */

	/* spc */
	const struct ind_series *series;
	struct ind_spc spc;
	size_t spc_last;        /* the series index of the last point charted */
};

/* What an indicator's figures say over time: one reading, which the
 * headline sentence and the theme's page both give, so that they never
 * disagree.  In order of precedence:
 *   HL_TREND_CHANGE  a change that passed its test: over the past two
 *                    years (crime), else on the period before, else
 *                    within the last year;
 *   HL_TREND_SPC     no such change, but the latest point of the SPC
 *                    chart is special cause variation;
 *   HL_TREND_STEADY  changes tested and none significant, and the SPC
 *                    chart (if any) shows common cause at the latest
 *                    point;
 *   HL_TREND_NONE    too few figures to say. */
enum hl_trend_kind { HL_TREND_NONE, HL_TREND_CHANGE, HL_TREND_SPC, HL_TREND_STEADY };

struct hl_trend {
	enum hl_trend_kind kind;
	const struct hl_statement *st; /* the statement read, or NULL */
	int direction;      /* +1 up (or high), -1 down (or low), 0 */
	int judgement;      /* +1 better, -1 worse, 0 neither or not known */
	const char *label;  /* "Significant fall", "Improving", "No
			     * significant change", "Not enough figures" */
	const char *when;   /* "in the past two years", "in the latest 3
			     * months", "against Wave 5"; may be NULL */
	const char *clause; /* for the headline sentence: "down 6.7% in the
			     * past two years, a significant fall"; NULL for
			     * STEADY and NONE, which it leaves out */
};

struct hl_indicator {
	const struct indicator *ind;
	const char *area;
	bool has_data;          /* a figure for the area by the date */
	const char *why_none;   /* when not */
	struct ind_series series;
	size_t current;         /* the series index of the current figure
				 * (crime: its window's last month) */
	struct ind_point now;   /* the current figure (crime: 12 months) */
	struct ind_period period; /* of now */
	const char *period_words; /* "Wave 6 (November to December 2020)" */
	const char *summary;    /* the headline sentence (hl_write): the
				 * figure with at most its comparison with
				 * other areas and its trend, as an annual
				 * review writes it */
	struct hl_trend trend;  /* (hl_write) */
	const char *link;
	bool example;
	struct hl_statement *st;
	size_t n_st;
};

struct hl_theme {
	int64_t id;             /* 0: indicators in no theme of the plan */
	const char *name;
	struct hl_indicator *items;
	size_t n;
};

struct hl_report {
	const char *area;
	const char *period;     /* as asked, or NULL for the latest */
	const char *as_at;      /* YYYY-MM-DD: figures ending by then; NULL */
	double level;
	int64_t plan_id;        /* whose themes: store_themed_plan_id */
	const char *plan_title;
	bool plan_is_current;   /* it is the plan in force, not an older one */
	struct hl_theme *themes;
	size_t n_themes;
};

/* The headline of one indicator for area, of the latest figure ending by
 * as_at (YYYY-MM-DD; NULL for the latest of all), with its words. */
int hl_indicator(struct ind_ctx *c, const struct indicator *ind,
		 const char *area, const char *as_at, struct hl_indicator *out,
		 struct err *e);

/* The headlines of area by the themes of the current plan (or, when it
 * has none, of the latest plan that has: store_themed_plan_id), then the
 * indicators in none of them.  period: NULL or "" for each indicator's
 * latest; else a period label (2020/21, 2020 Q3, Wave 6, ...): figures
 * ending by its end.  An unknown period is ERR_INVALID on "period". */
int hl_report(struct ind_ctx *c, const char *area, const char *period,
	      struct hl_report *out, struct err *e);

/* The public view of a report: leave out every indicator marked
 * official-sensitive, and every one whose figures include a count from
 * 1 to threshold - 1 (its current figure, or a figure any of its
 * statements compares; numerators of proportions too), so that nothing
 * anonymous visitors read gives a small number.  Returns how many were
 * left out. */
size_t hl_report_public(struct hl_report *rep, int64_t threshold);

/* The area headlines open on: the partnership's area if any indicator
 * has figures for it, else the area with the most figures; NULL when
 * there are none (e->code ERR_OK), or with e set when the store fails. */
const char *hl_default_area(struct ind_ctx *c, struct err *e);

/* Every area with figures, for a picker: the stored areas (most figures
 * first), then the crime data's districts and peer groups when an
 * indicator counts crimes.  From the arena. */
const char **hl_areas(struct ind_ctx *c, size_t *n, struct err *e);

/* Whether any indicator has figures for area (stored, named as
 * text_same_area compares names, or an area of the crime data when a
 * crime indicator counts it): 1 yes, 0 no, -1 with e set when the store
 * fails or the name is ambiguous (two wards of that name) or a peer
 * group of that name has an unknown member. */
int hl_area_find(struct ind_ctx *c, const char *area, struct err *e);

/* The same as a yes or no, where an error counts as yes: the caller goes
 * on to read the area's figures, which reports the error then. */
bool hl_area_known(struct ind_ctx *c, const char *area);

/* The end date (YYYY-MM-DD) of a period label: parsed, or found among
 * the stored values' labels.  -1 with ERR_INVALID on "period". */
int hl_period_end(struct ind_ctx *c, const char *period, char end[11],
		  struct err *e);

/* Every period label of the stored values, latest end first (for a
 * picker); from the arena. */
const char **hl_period_labels(struct ind_ctx *c, size_t *n, struct err *e);

const char *hl_kind_name(enum hl_kind k);       /* "value", "benchmark", ... */
const char *hl_verdict_name(enum hl_verdict v); /* "significant", ... */
const char *hl_change_name(enum hl_change_kind k); /* "previous", ... */

/* ---------------------------------------------------------------------
 * Words (headline_text.c)
 */

/* Fill the summary and the trend, and each statement's sentence and
 * method. */
void hl_write(struct ind_ctx *c, struct hl_indicator *h);
const char *hl_trend_name(enum hl_trend_kind k); /* "change", "spc", ... */

/* A figure in the indicator's units, as a report writes it: "92.0%",
 * "2.23", "1,234". */
void ind_add_value(struct buf *b, const struct indicator *ind, double v);
const char *ind_value_text(struct arena *a, const struct indicator *ind,
			   double v);
/* A point's interval as "88.9% to 94.3%", or NULL if none. */
const char *ind_interval_text(struct arena *a, const struct indicator *ind,
			      const struct ind_point *p);
/* A period in words: "2020/21", "Wave 6 (November to December 2020)",
 * "2020/21 Q2 (July to September 2020)", "September 2026", "the 12
 * months to September 2026". */
const char *ind_period_words(struct arena *a, const struct ind_point *p);
/* The link to an indicator's page for an area. */
const char *ind_link(struct arena *a, const struct indicator *ind,
		     const char *area);
/* "95%", "99.8%". */
const char *ind_level_text(struct arena *a, double level);
/* A p-value as "p = 0.032", "p < 0.001". */
const char *ind_p_text(struct arena *a, double p);

#endif
