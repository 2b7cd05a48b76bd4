/*
 * repr_indicator.h: the JSON of indicators, their figures and the
 * performance headlines (repr_indicator.c), shared by the API and the
 * command line's --format json.
 */
#ifndef SAFER_REPR_INDICATOR_H
#define SAFER_REPR_INDICATOR_H

#include "base/json.h"
#include "indicators/headline.h"

struct indicator;

/* An indicator's definition, with its links and "link" (its page). */
void repr_json_indicator(struct jw *j, const struct indicator *ind);
/* One figure: area, period, numerator, denominator, value, lower, upper
 * (null when absent), ci_method or no_ci, small, example, note, source. */
void repr_json_point(struct jw *j, const struct ind_point *p);
/* An SPC chart's limits and signals (and every point, with_points). */
void repr_json_spc(struct jw *j, const struct ind_series *s,
		  const struct ind_spc *spc, bool with_points);
/* One statement: kind, verdict, significant, small, example, sentence,
 * method, link, and the numbers of its kind. */
void repr_json_statement(struct jw *j, const struct hl_statement *s);
/* One indicator's headline: summary and statements. */
void repr_json_headline(struct jw *j, const struct hl_indicator *h);
/* The headlines of an area by theme. */
void repr_json_headlines(struct jw *j, const struct hl_report *r);
/* One indicator for an area: definition, areas, values, spc, benchmark,
 * peers and headline. */
void repr_json_indicator_detail(struct jw *j, const struct hl_indicator *h,
			       const char *const *areas, size_t n_areas,
			       double level);

#endif
