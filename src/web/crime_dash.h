/*
 * crime_dash.h: what the files of the crime dashboard (/crime) share.
 *
 * page_crime.c reads the form, asks the engine for the area's monthly
 * counts by type and writes the page's top (the headline figures); each
 * section is a file of its own:
 *
 *   crime_trend.c     1. crimes each month: all crime, and the most
 *                        common types as small multiples
 *   crime_change.c    2. the last 12 months against the 12 before
 *   crime_places.c    3. the wards and LSOAs with the most crimes
 *   crime_asb.c       4. anti-social behaviour each month
 *   crime_outcomes.c  5. the last outcomes of the crimes
 *   crime_peers.c     6. the districts of the peer group compared
 *
 * and crime_dash.c holds the helpers below: months and counts in words,
 * the questions to the engine, sums over the monthly table, and the links
 * (to other areas' dashboards, and to the same figures as CSV).
 *
 * "Crimes" are the street-level records of every type but anti-social
 * behaviour (police.uk records both; ASB incidents are not crimes).  When
 * the form chooses one crime type, "crimes" is that type throughout, but
 * for anti-social behaviour, which keeps its own section.
 *
 * Memory: everything a render makes comes from the request's arena.
 */
#ifndef SAFER_CRIME_DASH_H
#define SAFER_CRIME_DASH_H

#include "crime/answer.h"
#include "crime/engine.h"
#include "store/store_crime.h"
#include "web.h"

#define DASH_MAX_FORCES 8   /* forces whose rows one area may hold */

/* What dash_sum counts besides one type id. */
#define DASH_CRIMES (-1)    /* the crimes shown: the chosen type, or every
			     * type but ASB */
#define DASH_ALL_CRIME (-2) /* every type but ASB, whatever was chosen */
#define DASH_OTHER (-3)     /* the crime types not among the top ones */

#define DASH_TOP_TYPES 5    /* crime types drawn as small multiples */
#define DASH_WINDOWS 6      /* sums over months the public view protects */

/* Everything one render knows. */
struct dash {
	struct req *r;
	struct buf *b;
	const struct crime_engine *g;
	struct ce_stats st;
	struct crime_summary cs;

	const char *area_text;  /* the area as the request named it (links) */
	const char *area_sel;   /* the option of the area list to select */
	const char *area_label; /* the area's name as shown */
	struct ce_area area;
	int from, to;           /* the chosen period, months inclusive */
	int last_from;          /* the last 12 months: last_from..to */
	int prev_from;          /* the 12 before: prev_from..last_from - 1 */
	int head_from;          /* the headline's months: head_from..to, the
				 * last 12 of the period or all of a shorter
				 * one */
	int base;               /* the monthly counts run base..to */
	int n_months;

	int64_t type;           /* the crime type chosen, or -1 for all */
	const char *type_name;  /* its name, or NULL */
	const char *crimes;     /* "crimes", or "crimes (Burglary)" */

	int64_t asb;            /* the type id of anti-social behaviour, or -1 */
	uint32_t crime_types[32]; /* every type id but ASB */
	size_t n_crime_types;
	size_t n_types;         /* type ids are 0..n_types - 1 */
	int64_t *mt;            /* [(month - base) * n_types + type]: counts */
	uint32_t forces[DASH_MAX_FORCES]; /* forces with rows in the area */
	size_t n_forces;
	bool *missing;          /* [month - base]: none of those forces
				 * published data that month */
	int n_missing;          /* such months in from..to */

	uint32_t top[DASH_TOP_TYPES]; /* the most common crime types of the
				 * period, most first (none when a type is
				 * chosen) */
	size_t n_top;

	/* The public view (crime_public.c): counts hidden so that none
	 * from 1 to threshold - 1 is shown or can be worked out. */
	bool pub;
	int64_t threshold;
	bool *hid;              /* by the layout crime_public.c gives */
	size_t cols;            /* columns of the monthly table it protects */
	size_t *col_of;         /* [type id]: its column */
	size_t a_at;            /* where the monthly totals start */
	struct { int m0, m1; size_t at; } win[DASH_WINDOWS];
	size_t n_win;

	const char *peer_param; /* the peer group as the request gave it */
	const char *peer_text;  /* the peer group compared with, or NULL */
	struct ce_area peer;
};

/* ---------------------------------------------------------------------
 * Months and numbers in words (crime_dash.c)
 */

void dash_add_month(struct buf *b, int month);            /* "January 2021" */
const char *dash_month_text(struct arena *a, int month);  /* the same */
const char *dash_month_code(struct arena *a, int month);  /* "2021-01" */
/* "January to June 2021", "November 2020 to January 2021", "May 2021". */
const char *dash_months_text(struct arena *a, int from, int to);
void dash_add_count(struct buf *b, int64_t n);            /* "1,234" */
/* part per whole in tenths, rounded half away from zero (whole > 0). */
int64_t dash_tenths(int64_t part, int64_t whole);
void dash_add_tenths(struct buf *b, int64_t t);           /* "12.3" */
/* The rate per 1,000 residents as "12.3", or "Not known". */
void dash_add_rate(struct buf *b, int64_t count, int64_t population);
/* The name of type id t ("Crime type not recorded" if none). */
const char *dash_type_name(const struct dash *d, size_t t);

/* ---------------------------------------------------------------------
 * The engine and the monthly table (crime_dash.c)
 */

/* Count over area for months from..to by the dimensions by (n_by of
 * them): with type >= 0 that type only; else with crimes_only the
 * crimes shown (the chosen type, or every type but ASB); else every
 * record.  top > 0 keeps the top rows by count.  Rows from the arena. */
int dash_ask(struct dash *d, const struct ce_area *area, int from, int to,
	     const enum ce_dim *by, size_t n_by, bool crimes_only, int64_t type,
	     size_t top, struct ce_result *out, struct err *e);

/* The count of type t (a type id, DASH_CRIMES or DASH_ALL_CRIME) over
 * months m0..m1, from the monthly table. */
int64_t dash_sum(const struct dash *d, int64_t t, int m0, int m1);

/* The crime types of the period with crimes, most first (ties: by
 * id), up to max, into out; returns how many. */
size_t dash_top_types(struct dash *d, uint32_t *out, size_t max);

/* Months in m0..m1 with no data from the area's forces, and their names
 * ("January 2021, March 2021 and May 2021") written into b. */
int dash_missing_in(const struct dash *d, int m0, int m1);
void dash_add_missing_months(struct buf *b, const struct dash *d, int m0,
			     int m1);

/* Labels for an x axis of months from..from + n - 1, and the months'
 * full names (for tooltips and tables). */
const char **dash_axis_labels(struct dash *d, int from, int n);
const char **dash_month_names(struct dash *d, int from, int n);

/* ---------------------------------------------------------------------
 * The public view (crime_public.c)
 */

/* Work out which of the monthly figures the page shows are hidden: the
 * counts by month and type, the totals of each month, the other types
 * beside the top ones, and the sums over the last 12 months, the 12
 * before, the headline's months and the period (as the headline, the
 * change table and the text give them), all protected together
 * (base/suppress.h).  Does nothing unless d->pub. */
int dash_protect(struct dash *d, struct err *e);
/* Is the figure dash_sum(d, t, m0, m1) hidden?  t may also be DASH_OTHER
 * (for one month).  A sum the protection did not plan for is hidden
 * when small. */
bool dash_hid(const struct dash *d, int64_t t, int m0, int m1);
/* Hidden when small, for figures with no sum shown beside them. */
bool dash_small(const struct dash *d, int64_t n);
/* A count, or "[c]" when hidden. */
void dash_add_count_or_c(struct buf *b, int64_t n, bool hidden);
/* The note that says what "[c]" means, in the public view. */
void dash_public_note(struct dash *d);
/* Hide counts of a result that are shown as a list with their total
 * (or, if with_total is false, alone): *hid (from the arena) per row,
 * *total_hid for the total. */
int dash_protect_list(struct dash *d, const struct ce_result *res,
		      bool with_total, bool total_hidden, bool **hid,
		      bool *total_hid, struct err *e);

/* ---------------------------------------------------------------------
 * Links (crime_dash.c)
 */

/* The dashboard of another area (a ward or LSOA code, a district) for
 * the same period, crime type and peer group. */
const char *dash_area_link(struct dash *d, const char *area);

/* The address of a CSV answer of the crime API (endpoint "counts" or
 * "top") for area over from..to by the dimensions in by ("month,type"):
 * with type >= 0 that type, else with crimes_only the crimes shown, else
 * every record; with the rate; n rows for top.  The API names the file
 * for what it holds. */
const char *dash_csv_url(struct dash *d, const char *endpoint, const char *area,
			 int from, int to, const char *by, bool crimes_only,
			 int64_t type, bool rate, size_t n);
/* "Download as CSV", the hidden part saying what. */
void dash_csv_link(struct buf *b, const char *url, const char *what);

/* ---------------------------------------------------------------------
 * The sections, in the order of the page
 */

void dash_trend(struct dash *d);    /* crime_trend.c */
void dash_change(struct dash *d);   /* crime_change.c */
void dash_places(struct dash *d);   /* crime_places.c */
void dash_asb(struct dash *d);      /* crime_asb.c */
void dash_outcomes(struct dash *d); /* crime_outcomes.c */
void dash_peers(struct dash *d);    /* crime_peers.c */

#endif
