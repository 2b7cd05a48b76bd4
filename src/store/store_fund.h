/*
 * store_fund.h: funding streams and awards (store_fund.c).
 *
 * Part of the store's interface (store.h says how all of it works).
 */
#ifndef SAFER_STORE_FUND_H
#define SAFER_STORE_FUND_H

#include "store.h"

struct award {
	int64_t id;
	int64_t fund_id;
	const char *fund_name;
	const char *fund_year;
	const char *recipient;
	const char *purpose;
	bool has_amount;
	int64_t amount_pence;
	int64_t priority_id;
	const char *priority_name;
	const char *status;
	const char *note;
	bool example;
	const char *archived_at; /* NULL unless archived */
};

struct fund {
	int64_t id;
	const char *name;
	const char *year;
	const char *grantor;
	int64_t allocation_pence;
	const char *note;
	bool example;
	int64_t awarded_pence;  /* awards awarded or paid, with an amount */
	int64_t remaining_pence; /* allocation - awarded (may be negative) */
	int64_t n_awards;
	int64_t n_unpriced;     /* awards with no amount recorded */
	bool awarded_example;   /* awarded_pence (and so remaining_pence)
				 * counts example amounts */
	struct award *awards;   /* filled when asked for */
	size_t n_award_list;
	const char *archived_at; /* NULL unless archived */
};

/* Funds of a year ("2020/21"), or of every year if year is NULL, newest
 * year first; with their awards if with_awards.  Archived funds and
 * awards are left out of every list and total; store_fund and
 * store_award read one, archived or not. */
struct fund *store_funds(struct store *s, struct arena *a, const char *year,
			 bool with_awards, size_t *n, struct err *e);
struct fund *store_fund(struct store *s, struct arena *a, int64_t id,
			struct err *e);
/* The distinct funding years, newest first. */
const char **store_fund_years(struct store *s, struct arena *a, size_t *n,
			      struct err *e);
/* Awards of one fund, or every award if fund_id is 0. */
struct award *store_awards(struct store *s, struct arena *a, int64_t fund_id,
			   size_t *n, struct err *e);
struct award *store_award(struct store *s, struct arena *a, int64_t id,
			  struct err *e);

enum {
	FUND_NAME = 1 << 0,
	FUND_YEAR = 1 << 1,
	FUND_GRANTOR = 1 << 2,
	FUND_ALLOCATION = 1 << 3,
	FUND_NOTE = 1 << 4,
};

struct fund_input {
	unsigned set;
	const char *name;
	const char *year;
	const char *grantor;
	int64_t allocation_pence;
	const char *note;
	bool example;
};

enum {
	AWARD_FUND = 1 << 0,
	AWARD_RECIPIENT = 1 << 1,
	AWARD_PURPOSE = 1 << 2,
	AWARD_AMOUNT = 1 << 3,
	AWARD_PRIORITY = 1 << 4,
	AWARD_STATUS = 1 << 5,
	AWARD_NOTE = 1 << 6,
};

struct award_input {
	unsigned set;
	int64_t fund_id;
	const char *recipient;
	const char *purpose;
	bool has_amount;
	int64_t amount_pence;
	int64_t priority_id;
	const char *status;
	const char *note;
	bool example;
};

/* Check every field of a complete fund or award (a form's), keeping
 * every problem in l; -1 if there is any. */
int store_fund_check(const struct fund_input *in, struct err_list *l);
int store_award_check(struct store *s, const struct award_input *in,
		      struct err_list *l);

int store_fund_create(struct store *s, const struct fund_input *in,
		      int64_t *id, struct err *e);
int store_fund_update(struct store *s, int64_t id, const struct fund_input *in,
		      struct err *e);
int store_award_create(struct store *s, const struct award_input *in,
		       int64_t *id, struct err *e);
int store_award_update(struct store *s, int64_t id,
		       const struct award_input *in, struct err *e);

/* Delete or archive (store.h): a fund with awards is archived; an award
 * can always be deleted (nothing refers to one). */
int store_fund_remove(struct store *s, int64_t id, enum remove_how how,
		      bool *archived, struct err *e);
int store_award_remove(struct store *s, int64_t id, enum remove_how how,
		       bool *archived, struct err *e);

/* Warnings: what is allowed but may not be what was meant, as
 * store_action_warnings gives them (struct err with code ERR_OK, the
 * field and a message).  The one for a fund: its awards (awarded or
 * paid) add up to more than its allocation, said on field (the
 * caller's: "amount_pence" after an award was saved, "allocation_pence"
 * after the fund was).  Never stops a save.  -1 with e set if the store
 * fails. */
int store_fund_warnings(struct store *s, int64_t fund_id, const char *field,
			struct err_list *w, struct err *e);

#endif
