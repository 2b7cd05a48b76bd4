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

/* *gen gets a number that changes with every import of crime data,
 * geography or peer groups (0 before the first). */
int store_crime_generation(struct store *s, int64_t *gen, struct err *e);
int store_crime_touch(struct store *s, struct err *e);

/* Dictionaries: call fn for each value of domain in id order; a
 * non-zero return from fn stops the walk and is returned.  An id that is
 * not a whole number from 0 to UINT32_MAX (a hand-edited store) stops it
 * with ERR_DB naming the domain and the id; so does a dictionary with
 * fewer values than were ever written to it (rows deleted from its end). */
typedef int store_dict_fn(void *ctx, uint32_t id, const char *value,
			  const char *extra, struct err *e);
int store_crime_dict_each(struct store *s, const char *domain,
			  store_dict_fn *fn, void *ctx, struct err *e);
int store_crime_dict_add(struct store *s, const char *domain, uint32_t id,
			 const char *value, const char *extra, struct err *e);

/* A file that brings batches, for import import_id (store_import.h). */
int store_crime_file_add(struct store *s, int64_t import_id, const char *name,
			 int64_t bytes, int64_t *id, struct err *e);

/* ---------------------------------------------------------------------
 * Batches.  A batch is pending (written by an import that is running,
 * seen by nobody else), live (what every reader sees: at most one for a
 * kind, force and month), superseded (replaced by a later import, kept
 * so that the import can be undone) or discarded (set aside by an undo,
 * about to be deleted).  Every function that reads batches, counts rows
 * or builds the engine sees live batches only.
 */

/* The live batch of (kind, force, month), if any: 1 found, 0 none, -1
 * error. */
int store_crime_batch_get(struct store *s, const char *kind, int64_t force_id,
			  int month, int64_t *id, int64_t *rows, char hash[40],
			  struct err *e);
/* Delete a batch and its columns (a pending batch that a later file of
 * the same import replaces). */
int store_crime_batch_delete(struct store *s, int64_t id, struct err *e);

struct crime_batch_input {
	const char *kind;
	int64_t force_id;
	int month;
	int64_t import_id; /* the import that writes it */
	int64_t file_id;
	int64_t rows, no_location;
	const char *hash;
	bool generated;
};

/* Add a pending batch of import in->import_id, then its columns. */
int store_crime_batch_add(struct store *s, const struct crime_batch_input *in,
			  int64_t *id, struct err *e);
int store_crime_column_add(struct store *s, int64_t batch_id,
			   const char *name, const void *data, size_t len,
			   struct err *e);

/* Inside the publishing transaction: the pending batches of import_id
 * become live, and the live batches of the same kinds, forces and months
 * superseded by it.  *added gets the rows published, *replaced the rows
 * superseded. */
int store_crime_publish(struct store *s, int64_t import_id, int64_t *added,
			int64_t *replaced, struct err *e);

/* Inside a transaction: the reverse of publishing import_id (see
 * store_import_undo): its live batches are discarded, and the batches it
 * superseded live again; the rows and batches of each go to the
 * pointers.  ERR_CONFLICT, changing nothing, if a later import has
 * superseded some of its batches. */
int store_crime_unpublish(struct store *s, int64_t import_id,
			  int64_t *rows_removed, int64_t *rows_restored,
			  int64_t *batches_removed, int64_t *batches_restored,
			  struct err *e);

/* Delete, a few batches a transaction, the pending and discarded batches
 * of import_id (of every import if 0) with their columns, and the files
 * left with no batch. */
int store_crime_discard(struct store *s, int64_t import_id, struct err *e);

/* The live batches of one kind, in month then force order. */
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

/* What is loaded (live), for pages and messages. */
struct crime_summary {
	int64_t files;          /* files that brought live batches */
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
