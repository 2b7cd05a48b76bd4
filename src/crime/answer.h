/*
 * answer.h: a crime question in words, and its answer as CSV, JSON or a
 * text table, the same for the command line, the API and the pages.
 */
#ifndef SAFER_ANSWER_H
#define SAFER_ANSWER_H

#include "base/buf.h"
#include "engine.h"

enum answer_format { ANSWER_CSV, ANSWER_JSON, ANSWER_TABLE };

#define ANSWER_MAX_TOP 10000 /* the longest top list asked for */

/* A question as people give it: names, not ids. */
struct question {
	const char *area;      /* NULL: England and Wales */
	const char *from, *to; /* "YYYY-MM"; NULL: the data's first / last */
	const char *types[32]; /* crime type names; none: all */
	size_t n_types;
	const char *by;        /* "month,type" */
	bool rate;             /* add rates per 1,000 residents */
	size_t top;            /* top N by count (0: all rows, by key);
				* at most ANSWER_MAX_TOP */
	size_t default_months; /* with no 'from': this many months to 'to'
				* (0: from the first month) */
	bool change;           /* add the same period a year before, and the
				* change in per cent */
	bool rolling;          /* add rolling 12-month totals (needs month) */
	int64_t suppress_below; /* the public view (base/suppress.h): hide
				 * counts from 1 to this less one, and what
				 * would give them away; 0 hides nothing.
				 * change and rolling are then refused */
};

/* The question made ready to run: the area found, types and dimensions
 * checked.  Fails with ERR_INVALID/ERR_NOT_FOUND naming the parameter
 * ("area", "from", "to", "type", "by"). */
struct prepared {
	struct ce_query q;
	struct ce_area area;
	bool rate;
	size_t top;
	bool change, rolling;
	int first_month;       /* of the data, for incomplete rolling windows */
	int64_t suppress_below; /* from the question */
};

/* What answer_run adds to the counts when asked (NULL otherwise), a value
 * per row of the result: the count a year before (previous[i]), and the
 * total of the 12 months to the row's month (rolling[i]; -1 when the data
 * does not reach back 12 months). */
struct extras {
	int64_t *previous;
	int64_t *rolling;
};

int answer_prepare(const struct crime_engine *g, struct arena *a,
		   const struct question *in, struct prepared *out,
		   struct err *e);

/* Run a prepared question; with top, rows are ordered by count
 * (descending; ties by key) and cut to top. */
int answer_run(const struct crime_engine *g, struct arena *a,
	       const struct prepared *p, struct ce_result *out, struct err *e);

/* The change and rolling totals of a result, if the question asked. */
int answer_extras(const struct crime_engine *g, struct arena *a,
		  const struct prepared *p, const struct ce_result *r,
		  struct extras *x, struct err *e);

/* Write the answer.  For the public view (suppress_below > 0), a count
 * hidden is written as an empty CSV value (with the column "suppressed",
 * true or false, last) and as JSON null with "suppressed": true, its
 * rate too; the rows are protected against the grand total and, for two
 * dimensions, against the totals of each row and column (which another
 * question can give); a hidden total is null with "total_suppressed".
 * CSV: a header of the dimension names (an LSOA or
 * ward, by its code where there is one, then lsoa_name or ward_name),
 * then count (and rate_per_1000); JSON: {"query": {...}, "rows": [...], "total",
 * "no_location"} with codes and names. */
void answer_write(struct buf *b, enum answer_format fmt,
		  const struct crime_engine *g, const struct prepared *p,
		  const struct ce_result *r, const struct extras *x);

#endif
