/*
 * store_crime.h: police.uk batches, geography and peer groups (store_crime.c).
 *
 * Part of the store's interface (store.h says how all of it works).
 */
#ifndef SAFER_STORE_CRIME_H
#define SAFER_STORE_CRIME_H

#include "store.h"

/* The kinds of police.uk batch, as stored ("street", "outcomes",
 * "stop_search"); the indexes of crime_summary's arrays. */
enum { CRIME_STREET, CRIME_OUTCOMES, CRIME_STOP_SEARCH, CRIME_KINDS };
extern const char *const crime_kinds[CRIME_KINDS];

/* A number that changes with every import of crime data or geography. */
int64_t store_crime_generation(struct store *s);
int store_crime_touch(struct store *s, struct err *e);

/* Dictionaries: call fn for each value of domain in id order; a
 * non-zero return from fn stops the walk and is returned.  An id that is
 * not a whole number from 0 to UINT32_MAX (a hand-edited store) stops it
 * with ERR_DB naming the domain and the id. */
typedef int store_dict_fn(void *ctx, uint32_t id, const char *value,
			  const char *extra, struct err *e);
int store_crime_dict_each(struct store *s, const char *domain,
			  store_dict_fn *fn, void *ctx, struct err *e);
int store_crime_dict_add(struct store *s, const char *domain, uint32_t id,
			 const char *value, const char *extra, struct err *e);

int store_crime_file_add(struct store *s, const char *name, int64_t bytes,
			 int64_t *id, struct err *e);

/* The batch of (kind, force, month), if any: 1 found, 0 none, -1 error. */
int store_crime_batch_get(struct store *s, const char *kind, int64_t force_id,
			  int month, int64_t *id, int64_t *rows, char hash[40],
			  struct err *e);
int store_crime_batch_delete(struct store *s, int64_t id, struct err *e);

struct crime_batch_input {
	const char *kind;
	int64_t force_id;
	int month;
	int64_t file_id;
	int64_t rows, no_location;
	const char *hash;
	bool generated;
};

int store_crime_batch_add(struct store *s, const struct crime_batch_input *in,
			  int64_t *id, struct err *e);
int store_crime_column_add(struct store *s, int64_t batch_id,
			   const char *name, const void *data, size_t len,
			   struct err *e);

/* The batches of one kind, in month then force order. */
struct crime_batch {
	int64_t id;
	int64_t force_id;
	int month;
	int64_t rows;
};

struct crime_batch *store_crime_batches(struct store *s, struct arena *a,
					const char *kind, size_t *n,
					struct err *e);

/* Hand the column blob called name of a batch to fn (the bytes are valid
 * only during the call).  A batch without that column is ERR_DB naming
 * the batch and the column.  Returns what fn returns. */
typedef int store_blob_fn(void *ctx, const void *data, size_t len,
			  struct err *e);
int store_crime_column(struct store *s, int64_t batch_id, const char *name,
		       store_blob_fn *fn, void *ctx, struct err *e);

/* What is loaded, for pages and messages. */
struct crime_summary {
	int64_t files;
	int64_t batches[3];     /* by kind: street, outcomes, stop and search */
	int64_t rows[3];
	int64_t no_location;    /* street rows with no location */
	int64_t generated_rows; /* street rows made by the demo */
	int first_month, last_month; /* of street data; -1 if none */
	int64_t geography_lsoas;
	int64_t peer_groups;
};

int store_crime_summary(struct store *s, struct crime_summary *out,
			struct err *e);

/* One LSOA of the geography; NULL strings and negative numbers are
 * "not given" and leave what is stored. */
struct geo_input {
	const char *code, *name;
	const char *ward_code, *ward_name;
	const char *la_code, *la_name;
	const char *force;
	int64_t population, households;
	int vintage; /* 2011, 2021, or 0 */
};

int store_geo_put(struct store *s, const struct geo_input *in, struct err *e);

/* Every LSOA of the geography, in code order, to fn (the strings are
 * valid only during the call; unknown numbers are -1).  A non-zero
 * return from fn stops the walk and is returned. */
typedef int store_geo_fn(void *ctx, const struct geo_input *g,
			 struct err *e);
int store_geo_each(struct store *s, store_geo_fn *fn, void *ctx,
		   struct err *e);

struct peer_group {
	int64_t id;
	const char *name;
	const char *note;
	const char **members;
	size_t n_members;
};

/* Create or replace the peer group called name. */
int store_peer_group_set(struct store *s, const char *name, const char *note,
			 const char *const *members, size_t n, struct err *e);
int store_peer_group_delete(struct store *s, const char *name, struct err *e);
struct peer_group *store_peer_groups(struct store *s, struct arena *a,
				     size_t *n, struct err *e);

#endif
