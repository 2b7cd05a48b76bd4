/*
 * performance.h: what the performance pages (page_indicators.c,
 * page_theme_performance.c, page_headlines.c) share: performance.c.
 */
#ifndef SAFER_PERFORMANCE_H
#define SAFER_PERFORMANCE_H

#include "indicators/headline.h"
#include "web.h"

/* s is want (either may be NULL). */
bool perf_is(const char *s, const char *want);
/* Two area names are the same without regard to case. */
bool perf_same(const char *a, const char *b);
/* An indicator's 'per' as "1,000", in the arena. */
const char *perf_per_text(struct arena *a, const struct indicator *ind);
/* The indicator's figures are OFFICIAL-SENSITIVE. */
bool perf_sensitive(const struct indicator *ind);
/* The OFFICIAL-SENSITIVE marking, at the top of a page that shows such
 * figures. */
void perf_sensitive_banner(struct buf *b, const char *what);
void perf_verdict_tag(struct buf *b, enum hl_verdict v);
/* A filter form (area, period, level) on b showing the problems in l. */
struct form perf_filter_form(struct req *r, struct buf *b,
			     const struct err_list *l);
void perf_level_select(struct form *f, double level);
/* A select of names (areas, periods): sel chosen, added if not among
 * them; first, if not NULL, is a first option with the value "". */
void perf_name_select(struct form *f, const char *name, const char *label,
		      const char *first, const char *const *names, size_t n,
		      const char *sel);
/* "There are no figures for 'X': choose an area from the list" */
const char *perf_no_figures_for(struct req *r, const char *area);
/* Read level=; false when it is not a level. */
bool perf_read_level(struct req *r, double *level);
/* A statement: the sentence, its verdict, the method behind "How this
 * was worked out" and the link to the data. */
void perf_statement(struct buf *b, const struct hl_statement *s, bool link);
/* An indicator's headline: the summary sentence, then the statements. */
void perf_headline_block(struct buf *b, const struct hl_indicator *h,
			 bool heading, bool link);
/* A context for a page (the crime engine, given back with the request's
 * arena); on failure the page is the error page and false returned. */
bool perf_open_ctx(struct req *r, struct resp *w, double level,
		   struct ind_ctx *c);
/* The level as a parameter of a link: NULL for the default, 95. */
const char *perf_level_param(struct arena *a, double level);

#endif
