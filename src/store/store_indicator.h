/*
 * store_indicator.h: indicators and their values (store_indicator.c).
 *
 * Part of the store's interface (store.h says how all of it works).
 */
#ifndef SAFER_STORE_INDICATOR_H
#define SAFER_STORE_INDICATOR_H

#include "store.h"

extern const struct choice indicator_units[];
extern const struct choice polarities[];
extern const struct choice sensitivities[];
extern const struct choice ci_methods[];
extern const struct choice comparisons[];
extern const struct choice frequencies[];

struct indicator {
	int64_t id;
	const char *code;        /* short, stable: "burglary-rate" */
	const char *name;
	const char *description;
	const char *unit;        /* count, rate, proportion, mean */
	int64_t per;             /* rate per N (1000); proportion shown per 100 */
	const char *polarity;    /* higher_better, lower_better, neither */
	const char *frequency;
	const char *source;
	const char *owner;
	const char *sensitivity; /* open, official, official_sensitive */
	const char *ci_method;   /* auto, wilson, poisson, none */
	const char *comparison;  /* benchmark_outside, overlap */
	const char *benchmark;   /* the area compared with: "England" */
	const char *peer_group;  /* the peers ranked among */
	bool has_target;
	double target;
	const char *target_note;
	bool has_baseline;
	double baseline;
	const char *baseline_period;
	const char *crime_type;  /* a crime indicator: counted by the engine */
	bool example;
	int64_t n_values;
	const char *first_period, *last_period;
	int64_t *theme_ids, *priority_ids, *outcome_ids;
	size_t n_themes, n_priorities, n_outcomes;
};

/* Which fields of an indicator_input are given. */
enum {
	IND_NAME = 1 << 0, IND_DESCRIPTION = 1 << 1, IND_UNIT = 1 << 2,
	IND_PER = 1 << 3, IND_POLARITY = 1 << 4, IND_FREQUENCY = 1 << 5,
	IND_SOURCE = 1 << 6, IND_OWNER = 1 << 7, IND_SENSITIVITY = 1 << 8,
	IND_CI = 1 << 9, IND_COMPARISON = 1 << 10, IND_BENCHMARK = 1 << 11,
	IND_PEERS = 1 << 12, IND_TARGET = 1 << 13, IND_BASELINE = 1 << 14,
	IND_CRIME_TYPE = 1 << 15,
};

struct indicator_input {
	unsigned set;
	const char *code, *name, *description, *unit;
	int64_t per;
	const char *polarity, *frequency, *source, *owner, *sensitivity;
	const char *ci_method, *comparison, *benchmark, *peer_group;
	bool has_target;
	double target;
	const char *target_note;
	bool has_baseline;
	double baseline;
	const char *baseline_period;
	const char *crime_type;
	bool example;
};

/* Create the indicator with in->code, or change the fields given of the
 * one that has it.  *id gets its id. */
int store_indicator_put(struct store *s, const struct indicator_input *in,
			int64_t *id, struct err *e);
/* Link an indicator to a theme, priority area or outcome ("theme",
 * "priority", "outcome"). */
int store_indicator_link(struct store *s, int64_t id, const char *kind,
			 int64_t target_id, struct err *e);

struct indicator *store_indicators(struct store *s, struct arena *a,
				   size_t *n, struct err *e);
struct indicator *store_indicator(struct store *s, struct arena *a, int64_t id,
				  struct err *e);
/* By code, or by name (case-insensitive); ERR_NOT_FOUND if neither. */
struct indicator *store_indicator_find(struct store *s, struct arena *a,
				       const char *code_or_name, struct err *e);
/* The indicators linked to a theme, or to any priority area of it. */
struct indicator *store_theme_indicators(struct store *s, struct arena *a,
					 int64_t theme_id, size_t *n,
					 struct err *e);

struct indicator_value {
	int64_t id;
	int64_t indicator_id;
	const char *area;
	const char *area_code;
	const char *period;       /* as given: "2020/21", "2020 Q3", "Wave 6" */
	const char *period_start; /* YYYY-MM-DD */
	const char *period_end;
	bool has_numerator, has_denominator, has_value;
	double numerator, denominator, value;
	const char *note;
	const char *source;       /* "file.csv:12" */
	bool example;
};

/* Add or replace the value of (indicator, area, period). */
int store_indicator_value_put(struct store *s, const struct indicator_value *v,
			      struct err *e);
/* Values of an indicator, for one area (or all if area is NULL), in
 * order of area then period. */
struct indicator_value *store_indicator_values(struct store *s,
					       struct arena *a,
					       int64_t indicator_id,
					       const char *area, size_t *n,
					       struct err *e);
/* The areas that have values of the indicator (0: of any), most figures
 * first; areas that differ only in case are one. */
const char **store_indicator_areas(struct store *s, struct arena *a,
				   int64_t indicator_id, size_t *n,
				   struct err *e);
/* The period labels of all values, the latest first. */
const char **store_indicator_periods(struct store *s, struct arena *a,
				     size_t *n, struct err *e);
/* The last day of a period label some value has (any case); ERR_NOT_FOUND
 * if none has it. */
int store_indicator_period_end(struct store *s, const char *period,
			       char end[11], struct err *e);
/* 1 if any indicator counts crimes (is worked out by the engine), 0 if
 * none does, -1 on error. */
int store_has_crime_indicator(struct store *s, struct err *e);

#endif
