/*
 * store_governance.h: boards and subgroups (store_governance.c).
 *
 * Part of the store's interface (store.h says how all of it works).
 */
#ifndef SAFER_STORE_GOVERNANCE_H
#define SAFER_STORE_GOVERNANCE_H

#include "store.h"

struct board_member {
	int64_t person_id;
	const char *name;
	const char *role;         /* role on the board */
	const char *organisation;
};

struct board {
	int64_t id;
	const char *name;
	const char *kind;
	int64_t parent_id;
	const char *parent_name;
	int64_t chair_id;
	const char *chair_name;
	const char *terms_of_reference;
	bool example;
	int depth; /* 0 for a top board, 1 for its subgroups, ... */
	struct board_member *members;
	size_t n_members;
};

/* Every board with its members, parents before their subgroups (a
 * depth-first walk in position order). */
struct board *store_boards(struct store *s, struct arena *a, size_t *n,
			   struct err *e);

struct board_input {
	const char *name;
	const char *kind;
	int64_t parent_id;
	int64_t chair_id;
	const char *terms_of_reference;
	bool example;
};

int store_board_create(struct store *s, const struct board_input *in,
		       int64_t *id, struct err *e);
int store_board_add_member(struct store *s, int64_t board_id,
			   int64_t person_id, const char *role, bool example,
			   struct err *e);

#endif
