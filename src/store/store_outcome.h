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
	struct outcome_group *groups;
	size_t n_groups;
};

/* Every framework with its groups and outcomes in order. */
struct framework *store_frameworks(struct store *s, struct arena *a,
				   size_t *n, struct err *e);
int store_framework_create(struct store *s, const char *name,
			   const char *owner, const char *period,
			   const char *note, int64_t *id, struct err *e);
int store_outcome_group_create(struct store *s, int64_t framework_id,
			       const char *name, int64_t *id, struct err *e);
int store_outcome_create(struct store *s, int64_t group_id, int number,
			 const char *text, int64_t *id, struct err *e);
/* Link a priority area to an outcome (a second link is a no-op). */
int store_priority_outcome_link(struct store *s, int64_t priority_id,
				int64_t outcome_id, bool example,
				struct err *e);

/* The priority areas linked to an outcome. */
struct priority *store_outcome_priorities(struct store *s, struct arena *a,
					  int64_t outcome_id, size_t *n,
					  struct err *e);

#endif
