/*
 * store_outcome.h: outcomes frameworks and their links (store_outcome.c).
 *
 * Part of the store's interface (store.h says how all of it works).
 */
#ifndef SAFER_STORE_OUTCOME_H
#define SAFER_STORE_OUTCOME_H

#include "store.h"

struct outcome {
	int64_t id;
	int64_t framework_id;
	int64_t group_id;
	const char *group_name;
	int number;
	const char *text;
	const char *archived_at;
	bool example_link; /* for outcomes of a priority: the link is example */
};

struct outcome_group {
	int64_t id;
	const char *name;
	struct outcome *outcomes;
	size_t n_outcomes;
};

struct framework {
	int64_t id;
	const char *name;
	const char *owner;
	const char *period;
	const char *note;
	const char *archived_at;
	struct outcome_group *groups;
	size_t n_groups;
};

/* Every framework that is not archived, with its groups and outcomes
 * (not archived) in order. */
struct framework *store_frameworks(struct store *s, struct arena *a,
				   size_t *n, struct err *e);
/* One framework, archived or not, with its groups and outcomes that are
 * not archived. */
struct framework *store_framework(struct store *s, struct arena *a,
				  int64_t id, struct err *e);
/* One outcome, archived or not. */
struct outcome *store_outcome(struct store *s, struct arena *a, int64_t id,
			      struct err *e);

/*
 * Writing.  As store_plan.h says: each write checks its input, runs in
 * one transaction and records one entry of the record of changes;
 * removing deletes what nothing refers to and archives the rest.
 */

enum {
	FRAMEWORK_NAME = 1 << 0,
	FRAMEWORK_OWNER = 1 << 1,
	FRAMEWORK_PERIOD = 1 << 2,
	FRAMEWORK_NOTE = 1 << 3,
};

struct framework_input {
	const char *name;
	const char *owner;
	const char *period; /* free text: "2018-21" */
	const char *note;
	unsigned set;       /* FRAMEWORK_* bits, for updates */
};

int store_framework_create(struct store *s, const char *name,
			   const char *owner, const char *period,
			   const char *note, int64_t *id, struct err *e);
int store_framework_update(struct store *s, int64_t id,
			   const struct framework_input *in, struct err *e);
/* Delete a framework none of whose outcomes a priority area is linked
 * to (its groups and outcomes go with it); else archive it. */
int store_framework_remove(struct store *s, int64_t id, enum remove_how how,
			   bool *archived, struct err *e);

int store_outcome_group_create(struct store *s, int64_t framework_id,
			       const char *name, int64_t *id, struct err *e);
int store_outcome_create(struct store *s, int64_t group_id, int number,
			 const char *text, int64_t *id, struct err *e);

enum {
	OUTCOME_NUMBER = 1 << 0,
	OUTCOME_TEXT = 1 << 1,
	OUTCOME_GROUP = 1 << 2,
};

struct outcome_input {
	int64_t number;
	const char *text;
	const char *group; /* the group's name, created in the framework if
			    * new (its own entry in the record) */
	unsigned set;      /* OUTCOME_* bits, for updates */
};

/* Add an outcome to framework_id (number, text and group required). */
int store_outcome_add(struct store *s, int64_t framework_id,
		      const struct outcome_input *in, int64_t *id,
		      struct err *e);
/* Check in for a new outcome of framework_id (id 0) or outcome id,
 * keeping every problem in l. */
int store_outcome_check(struct store *s, int64_t framework_id, int64_t id,
			const struct outcome_input *in, struct err_list *l);
int store_outcome_update(struct store *s, int64_t id,
			 const struct outcome_input *in, struct err *e);
/* Delete an outcome no priority area or indicator is linked to; else
 * archive it. */
int store_outcome_remove(struct store *s, int64_t id, enum remove_how how,
			 bool *archived, struct err *e);

/* Link a priority area to an outcome (a second link is a no-op). */
int store_priority_outcome_link(struct store *s, int64_t priority_id,
				int64_t outcome_id, bool example,
				struct err *e);

/* The priority areas linked to an outcome. */
struct priority *store_outcome_priorities(struct store *s, struct arena *a,
					  int64_t outcome_id, size_t *n,
					  struct err *e);

#endif
