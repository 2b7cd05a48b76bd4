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
	const char *archived_at; /* NULL unless archived */
	struct board_member *members;
	size_t n_members;
};

/* Every board with its members, parents before their subgroups (a
 * depth-first walk in position order); archived boards are left out
 * (their subgroups then come at the top). */
struct board *store_boards(struct store *s, struct arena *a, size_t *n,
			   struct err *e);
/* One board with its members, archived or not (depth 0). */
struct board *store_board(struct store *s, struct arena *a, int64_t id,
			  struct err *e);

/* Which fields of a board_input were given (for PATCH and edits). */
enum {
	BOARD_NAME = 1 << 0,
	BOARD_KIND = 1 << 1,
	BOARD_REPORTS_TO = 1 << 2,
	BOARD_CHAIR = 1 << 3,
	BOARD_TERMS = 1 << 4,
	BOARD_MEMBERS = 1 << 5,
};

struct board_input {
	const char *name;
	const char *kind;
	int64_t parent_id;      /* whom it reports to: "reports_to_id" */
	int64_t chair_id;
	const char *terms_of_reference;
	bool example;
	unsigned set;           /* BOARD_* bits: for an update, the fields
				 * given */
	const int64_t *member_ids; /* with BOARD_MEMBERS: the whole list of
				    * members (people's ids) */
	size_t n_members;
};

/* Create a board (with its members if BOARD_MEMBERS is set), or change
 * the fields given of one.  A board cannot report to itself or to one
 * of its own subgroups ("reports_to_id").  Members kept keep their role
 * on the board; new ones have none.  Each is one recorded change. */
int store_board_create(struct store *s, const struct board_input *in,
		       int64_t *id, struct err *e);
int store_board_update(struct store *s, int64_t id,
		       const struct board_input *in, struct err *e);
/* Delete or archive: archived when a subgroup reports to it, a plan was
 * approved by it or an account leads it. */
int store_board_remove(struct store *s, int64_t id, enum remove_how how,
		       bool *archived, struct err *e);
int store_board_add_member(struct store *s, int64_t board_id,
			   int64_t person_id, const char *role, bool example,
			   struct err *e);

#endif
