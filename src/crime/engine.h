/*
 * engine.h: the in-memory crime engine.
 *
 * The store keeps every police.uk record; the engine holds, for each
 * batch of street-level crime (one force, one month), just what questions
 * need, as columns: the crime type (rows are sorted by type, so a type is
 * a range), the LSOA and the last outcome, each a dictionary id.  Around
 * them it keeps the geography: LSOA -> ward -> district (the local
 * authority, which is the CSP area) -> force, with resident populations,
 * and the named peer groups.
 *
 * Questions are counts grouped by any of month, crime type, outcome,
 * LSOA, ward, district and force, over a period and an area (a force, a
 * district, a ward, an LSOA, a peer group, or everywhere), optionally for
 * some crime types only; and the top N areas.  Answers are exact counts
 * of rows.  Rows with no location (blank LSOA) count towards their force
 * and everywhere, never towards a smaller area; each answer says how many
 * such rows were in scope.
 *
 * The engine is built by a loader (crime_load, in load.c) and then only
 * read: any number of threads may query one engine at once.  The builder
 * trusts nothing it is given: ids out of range, holes in a dictionary and
 * months out of range are refused with ERR_DB saying what is wrong, so
 * that a damaged store is an error, never undefined behaviour.
 */
#ifndef SAFER_ENGINE_H
#define SAFER_ENGINE_H

#include "base/arena.h"
#include "base/err.h"

struct crime_engine;

/* ---------------------------------------------------------------------
 * Building (the loader's side)
 */

struct crime_engine *crime_engine_new(void);
void crime_engine_free(struct crime_engine *g);

/* Dictionary domains the engine needs. */
enum ce_domain { CE_FORCE, CE_TYPE, CE_OUTCOME, CE_LSOA, CE_DOMAINS };

/* The most crime types an engine holds. */
#define CE_MAX_TYPES 1024

/* The most rows of one batch (one force, one month): a hundred times the
 * largest force's month, so that a damaged count cannot make the loader
 * allocate without end (a column whose rows are all one value decodes to
 * any count). */
#define CE_MAX_BATCH_ROWS (1 << 24)

/* Months are 12 * year + month - 1, for the years 1900 to 2199. */
#define CE_FIRST_MONTH (1900 * 12)
#define CE_LAST_MONTH (2199 * 12 + 11)

/* Value id of domain d is s (ids are small and dense); for CE_LSOA, s is
 * the code and extra the LSOA's name ("Stockport 001A"), and the blank
 * code "" is the value of rows with no location.  Fails for an id beyond
 * the domain's limit, an id given twice or a NULL value.  The strings are
 * copied. */
int crime_engine_dict(struct crime_engine *g, enum ce_domain d, uint32_t id,
		      const char *s, const char *extra, struct err *e);

/* One LSOA of the geography (from 'safer import geography'). */
struct ce_geo {
	const char *lsoa_code, *lsoa_name;
	const char *ward_code, *ward_name;
	const char *la_code, *la_name;
	const char *force;
	int64_t population; /* -1 if unknown */
	int64_t households; /* -1 if unknown */
};
/* The strings are copied; any but lsoa_code may be NULL.  Fails for an
 * LSOA with no code. */
int crime_engine_geography(struct crime_engine *g, const struct ce_geo *geo,
			   struct err *e);

/* A peer group and one of its members (an area name or code, found when
 * the group is asked about: a member the data does not know is an error
 * then).  The strings are copied.  Fails for a NULL name. */
int crime_engine_peer(struct crime_engine *g, const char *group,
		      const char *member, struct err *e);

/* One batch of street-level crime: force and month (12 * year + month -
 * 1) of all its rows; the rows sorted by type; lsoa ids (of the LSOA
 * code of the "lsoa" dictionary) and outcome ids per row.  The arrays are
 * copied.  Give the dictionaries first: an id they do not hold, or a
 * month outside CE_FIRST_MONTH..CE_LAST_MONTH, fails naming the row. */
int crime_engine_batch(struct crime_engine *g, uint32_t force, int month,
		       size_t n, const uint32_t *type, const uint32_t *lsoa,
		       const uint32_t *outcome, struct err *e);

/* After loading: derive districts and wards, index the batches.  Fails
 * if a dictionary has a hole (an id with no value below its largest). */
int crime_engine_finish(struct crime_engine *g, struct err *e);

/* ---------------------------------------------------------------------
 * Asking
 */

enum ce_dim { CE_MONTH, CE_TYPE_DIM, CE_OUTCOME_DIM, CE_LSOA_DIM, CE_WARD,
	      CE_DISTRICT, CE_FORCE_DIM, CE_DIMS };

/* "month", "type", "outcome", "lsoa", "ward", "district", "force". */
const char *ce_dim_name(enum ce_dim d);
int ce_dim_parse(const char *s, enum ce_dim *out);

/* An area questions are asked about. */
enum ce_area_kind { CE_AREA_ALL, CE_AREA_FORCE, CE_AREA_DISTRICT,
		    CE_AREA_WARD, CE_AREA_LSOA, CE_AREA_PEER };

struct ce_area {
	enum ce_area_kind kind;
	const char *name;  /* as safer names it: "Stockport" */
	const char *code;  /* "E08000007", or NULL */
	int64_t population; /* -1 if unknown */
	/* Internals: which LSOAs and which forces' rows are in it. */
	uint8_t *lsoa_in;  /* per lsoa id; NULL for ALL and FORCE */
	uint8_t *force_in; /* per force id; rows with no location count */
	uint64_t batch_forces; /* forces whose batches hold rows of lsoa_in
				* (bit 63: any force from 63 up) */
	size_t n_members;  /* districts in a peer group */
};

/* Find an area by name or code: a peer group, a force ("Greater
 * Manchester Police"), a district ("Stockport" or "E08000007"), a ward,
 * an LSOA code or name; "England and Wales", "all" or NULL is
 * everywhere.  Names are matched as text_same_area compares them ("St
 * Helens" finds police.uk's "St. Helens"), codes without regard to case;
 * the first kind in that order that has the name wins.  An ambiguous
 * ward name fails listing the candidates (ERR_INVALID); a name found
 * nowhere is ERR_NOT_FOUND naming it, and so is a peer group with such a
 * member, naming the group and the member.  The area's arrays come from
 * the arena. */
int ce_area_find(const struct crime_engine *g, struct arena *a,
		 const char *name, struct ce_area *out, struct err *e);

/* The same for one place only: a force, a district, a ward or an LSOA,
 * not a peer group nor everywhere (what a peer group's member may be). */
int ce_place_find(const struct crime_engine *g, struct arena *a,
		  const char *name, struct ce_area *out, struct err *e);

struct ce_query {
	int from, to;            /* months, inclusive; from <= to */
	const struct ce_area *area;
	uint32_t types[32];      /* type ids to count; none = all */
	size_t n_types;
	enum ce_dim by[4];
	size_t n_by;
};

struct ce_row {
	uint32_t key[4]; /* per dimension of ce_query.by: a month, or an id */
	int64_t count;
};

struct ce_result {
	struct ce_row *rows;      /* sorted by key */
	size_t n_rows;
	int64_t total;            /* rows counted */
	int64_t no_location;      /* of which with no LSOA */
};

/* Count.  rows come from the arena.  Returns -1 with e set for a bad
 * query (dimension repeated, period outside CE_FIRST_MONTH to
 * CE_LAST_MONTH or ending before it starts). */
int ce_count(const struct crime_engine *g, struct arena *a,
	     const struct ce_query *q, struct ce_result *out, struct err *e);

/* The id of a crime type by name (without regard to ASCII case), or -1
 * with e set (ERR_INVALID on "type") listing the known types. */
int64_t ce_type_find(const struct crime_engine *g, const char *name,
		     struct err *e);

/* Labels of a key of a dimension: *code (LSOA, ward, district codes;
 * month "2023-01") and *name ("Stockport 001A", "Stockport", "Burglary").
 * Either may be NULL when not known.  Strings live in the engine. */
void ce_label(const struct crime_engine *g, enum ce_dim d, uint32_t key,
	      char month_buf[8], const char **code, const char **name);

/* Resident population of the area a key of LSOA, ward or district stands
 * for; -1 when the geography has none. */
int64_t ce_population(const struct crime_engine *g, enum ce_dim d,
		      uint32_t key);

/* Facts about what is loaded. */
struct ce_stats {
	size_t rows, batches, forces, lsoas, districts, wards, types;
	int first_month, last_month; /* -1 when empty */
	bool have_geography;
};
void ce_stats(const struct crime_engine *g, struct ce_stats *out);

/* Names of the n-th force, district and crime type, for pickers; NULL
 * past the end. */
const char *ce_force_name(const struct crime_engine *g, size_t i);
const char *ce_district_name(const struct crime_engine *g, size_t i);
const char *ce_type_name(const struct crime_engine *g, size_t i);
const char *ce_peer_name(const struct crime_engine *g, size_t i);

#endif
