/*
 * store.h: everything safer keeps, and the only way to reach it.
 *
 * The store owns all SQL.  Callers (pages, API, commands) see plain
 * structs filled from the database; lists are arrays allocated from the
 * caller's arena, with their length returned in *n.  Every write checks
 * its input first (returning ERR_INVALID naming the field, in the API's
 * field names), runs in one transaction, and leaves the database as it
 * was if anything fails.
 *
 * Strings in the structs are NULL when the value is absent; ids are 0
 * when absent.  Money is in whole pence (int64_t).
 */
#ifndef SAFER_STORE_H
#define SAFER_STORE_H

#include "base/arena.h"
#include "base/err.h"

struct db;

struct store {
	struct db *db;
	char *path;
};

/* ---------------------------------------------------------------------
 * Opening, and transactions that span several calls
 */

/* Open the database at path and bring its schema up to date.  If create
 * is false and there is no file at path, fail with a message that says
 * how to make one.  Returns NULL with e set. */
struct store *store_open(const char *path, bool create, struct err *e);
void store_close(struct store *s);

/* Group several writes into one transaction (each write is already its
 * own transaction; these nest).  On any failure call store_rollback. */
int store_begin(struct store *s, struct err *e);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* Read several things from one snapshot (a page): store_read_begin, the
 * reads, store_read_end.  Writes are not allowed in between. */
int store_read_begin(struct store *s, struct err *e);
void store_read_end(struct store *s);

/* A number that changes whenever another connection commits. */
int64_t store_data_version(struct store *s);

/* The newest schema version; bring db up to it (schema.c). */
int store_schema_version(void);
int store_migrate(struct db *db, struct err *e);

/* A value in the meta table, copied into the arena; NULL if unset. */
const char *store_meta_get(struct store *s, struct arena *a, const char *key);
int store_meta_set(struct store *s, const char *key, const char *value,
		   struct err *e);

/* ---------------------------------------------------------------------
 * Fixed choices: the codes stored, and the words shown for them.
 */

struct choice {
	const char *code;
	const char *label;
};

extern const struct choice action_statuses[]; /* ends with {NULL, NULL} */
extern const struct choice rag_ratings[];
extern const struct choice plan_statuses[];
extern const struct choice plan_kinds[];
extern const struct choice award_statuses[];
extern const struct choice org_sectors[];
extern const struct choice board_kinds[];

/* The label for code in list, or NULL if code is not one of them. */
const char *choice_label(const struct choice *list, const char *code);

/* ---------------------------------------------------------------------
 * The partnership, organisations and people (store_people.c)
 */

struct partnership {
	int64_t id;
	const char *name;
	const char *area;
	const char *description;
	const char **former_names; /* "name (note)" */
	size_t n_former;
};

struct organisation {
	int64_t id;
	const char *name;
	const char *short_name;
	const char *sector;
	bool is_member;
	const char *note;
	bool example;
	size_t n_people;
};

struct person {
	int64_t id;
	const char *name;
	const char *role;
	int64_t organisation_id;
	const char *organisation;
	bool example;
};

/* The partnership, or NULL (and e->code ERR_NOT_FOUND) if there is none. */
struct partnership *store_partnership(struct store *s, struct arena *a,
				      struct err *e);
struct organisation *store_organisations(struct store *s, struct arena *a,
					 size_t *n, struct err *e);
/* People, ordered by name; organisation_id 0 for everyone. */
struct person *store_people(struct store *s, struct arena *a,
			    int64_t organisation_id, size_t *n, struct err *e);
struct person *store_person(struct store *s, struct arena *a, int64_t id,
			    struct err *e);

struct organisation_input {
	const char *name;
	const char *short_name;
	const char *sector;
	bool is_member;
	const char *note;
	bool example;
};

struct person_input {
	const char *name;
	const char *role;
	int64_t organisation_id;
	bool example;
};

int store_partnership_create(struct store *s, const char *name,
			     const char *area, const char *description,
			     int64_t *id, struct err *e);
int store_former_name_add(struct store *s, int64_t partnership_id,
			  const char *name, const char *note, struct err *e);
int store_organisation_create(struct store *s,
			      const struct organisation_input *in,
			      int64_t *id, struct err *e);
int store_person_create(struct store *s, const struct person_input *in,
			int64_t *id, struct err *e);

/* ---------------------------------------------------------------------
 * Governance (store_governance.c)
 */

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

/* ---------------------------------------------------------------------
 * Plans, themes and priority areas (store_plan.c)
 */

struct plan {
	int64_t id;
	const char *title;
	const char *kind;
	const char *period_start; /* YYYY-MM-DD */
	const char *period_end;
	const char *status;
	const char *approved_by;
	const char *approved_on; /* YYYY-MM or YYYY-MM-DD */
	const char *note;
	bool example;
	int64_t n_themes, n_priorities, n_actions, n_overdue;
};

struct outcome;

struct priority {
	int64_t id;
	int64_t theme_id;
	const char *theme_name;
	int64_t plan_id;
	const char *plan_title;
	const char *name;
	const char *description;
	struct outcome *outcomes; /* linked outcomes */
	size_t n_outcomes;
};

struct theme {
	int64_t id;
	int64_t plan_id;
	const char *plan_title;
	const char *name;
	const char *description;
	int64_t lead_id;
	const char *lead_name;
	const char *lead_role;
	const char *lead_organisation;
	struct priority *priorities;
	size_t n_priorities;
};

/* All plans, newest period first, with their counts (overdue as of today,
 * YYYY-MM-DD). */
struct plan *store_plans(struct store *s, struct arena *a, const char *today,
			 size_t *n, struct err *e);
struct plan *store_plan(struct store *s, struct arena *a, int64_t id,
			const char *today, struct err *e);
/* The plan the overview opens on: the newest plan that is not a draft and
 * has themes; else the newest plan; 0 if there are none. */
int64_t store_current_plan_id(struct store *s, struct err *e);

/* A plan's themes in order, each with its lead and priority areas (and
 * each priority's outcomes if with_outcomes). */
struct theme *store_themes(struct store *s, struct arena *a, int64_t plan_id,
			   bool with_outcomes, size_t *n, struct err *e);
struct theme *store_theme(struct store *s, struct arena *a, int64_t id,
			  struct err *e);
struct priority *store_priority(struct store *s, struct arena *a, int64_t id,
				struct err *e);

struct plan_input {
	const char *title;
	const char *kind;
	const char *period_start;
	const char *period_end;
	const char *status;
	const char *approved_by;
	const char *approved_on;
	const char *note;
};

int store_plan_create(struct store *s, const struct plan_input *in,
		      int64_t *id, struct err *e);

/* Add a theme at the end of a plan's themes (lead_id 0 for none). */
int store_theme_create(struct store *s, int64_t plan_id, const char *name,
		       const char *description, int64_t lead_id, int64_t *id,
		       struct err *e);
/* Add a priority area at the end of a theme's priority areas. */
int store_priority_create(struct store *s, int64_t theme_id, const char *name,
			  const char *description, int64_t *id,
			  struct err *e);

/* ---------------------------------------------------------------------
 * Outcomes frameworks (store_outcome.c)
 */

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

/* ---------------------------------------------------------------------
 * Actions and progress updates (store_action.c)
 */

struct action {
	int64_t id;
	int64_t plan_id;
	const char *plan_title;
	int64_t theme_id;
	const char *theme_name;
	int64_t priority_id;
	const char *priority_name;
	const char *title;
	const char *description;
	int64_t owner_id;
	const char *owner_name;
	const char *owner_organisation;
	const char *due_on;
	const char *status;
	const char *rag;
	bool example;
	bool overdue; /* due before today and not completed or cancelled */
	const char *created_at;
	const char *updated_at;
	int64_t n_updates;
	const char *last_update_on;
};

struct action_update {
	int64_t id;
	int64_t action_id;
	int64_t author_id;
	const char *author_name;
	const char *body;
	const char *status; /* status set with this update, if any */
	const char *rag;
	const char *created_at;
	bool example;
};

struct action_filter {
	int64_t plan_id;
	int64_t theme_id;
	int64_t priority_id;
	int64_t owner_id;
	const char *status;  /* a status code, or NULL for any */
	bool overdue;        /* only overdue actions */
	const char *today;   /* YYYY-MM-DD; required */
};

/* Which fields of an action_input were given (for PATCH and forms). */
enum {
	ACTION_PLAN = 1 << 0,
	ACTION_THEME = 1 << 1,
	ACTION_PRIORITY = 1 << 2,
	ACTION_TITLE = 1 << 3,
	ACTION_DESCRIPTION = 1 << 4,
	ACTION_OWNER = 1 << 5,
	ACTION_DUE = 1 << 6,
	ACTION_STATUS = 1 << 7,
	ACTION_RAG = 1 << 8,
};

struct action_input {
	unsigned set; /* ACTION_* bits of the fields given */
	int64_t plan_id, theme_id, priority_id, owner_id; /* 0 = none */
	const char *title;
	const char *description;
	const char *due_on; /* NULL = no due date */
	const char *status;
	const char *rag;    /* NULL = not rated */
	bool example;       /* invented for the demo */
};

struct update_input {
	int64_t author_id; /* 0 = not given */
	const char *body;
	const char *status; /* NULL = unchanged */
	const char *rag;    /* NULL = unchanged */
	const char *created_at; /* NULL = now; the demo dates its updates */
	bool example;
};

/* Actions matching the filter, ordered by theme position, due date, id. */
struct action *store_actions(struct store *s, struct arena *a,
			     const struct action_filter *f, size_t *n,
			     struct err *e);
struct action *store_action(struct store *s, struct arena *a, int64_t id,
			    const char *today, struct err *e);
/* Updates of an action, newest first. */
struct action_update *store_action_updates(struct store *s, struct arena *a,
					   int64_t action_id, size_t *n,
					   struct err *e);

/* Create an action from the fields in `in` (title and plan required;
 * a theme or priority also fixes the plan and theme it belongs to;
 * status defaults to not_started).  *id gets the new id. */
int store_action_create(struct store *s, const struct action_input *in,
			int64_t *id, struct err *e);
/* Check the fields of `in` for action id (0 for a new action) without
 * writing, keeping every problem in l (a form shows them all).  Returns
 * -1 if there is any. */
int store_action_check(struct store *s, int64_t id,
		       const struct action_input *in, struct err_list *l);
/* Change the fields given in `in`; the rest stay as they are. */
int store_action_update(struct store *s, int64_t id,
			const struct action_input *in, struct err *e);
/* Add a progress update, also setting the action's status and RAG if
 * given.  *update_id gets the new update's id (if not NULL). */
int store_action_add_update(struct store *s, int64_t action_id,
			    const struct update_input *in,
			    int64_t *update_id, struct err *e);

/* Counts of a plan's actions by theme and status, for the overview. */
struct theme_status {
	int64_t theme_id; /* 0 for actions with no theme */
	const char *theme_name;
	int64_t by_status[8]; /* indexed like action_statuses[] */
	int64_t overdue;
	int64_t total;
};

struct theme_status *store_action_status_by_theme(struct store *s,
						  struct arena *a,
						  int64_t plan_id,
						  const char *today, size_t *n,
						  struct err *e);

/* ---------------------------------------------------------------------
 * Funding streams and awards (store_fund.c)
 */

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
	struct award *awards;   /* filled when asked for */
	size_t n_award_list;
};

/* Funds of a year ("2020/21"), or of every year if year is NULL, newest
 * year first; with their awards if with_awards. */
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

/* ---------------------------------------------------------------------
 * Crime data, geography and peer groups (store_crime.c)
 */

struct crime_engine;

/* A number that changes with every import of crime data or geography. */
int64_t store_crime_generation(struct store *s);
int store_crime_touch(struct store *s, struct err *e);

/* Build a crime engine from what is stored: dictionaries, geography,
 * peer groups and every batch of street-level crime.  NULL with e set. */
struct crime_engine *store_crime_load(struct store *s, struct err *e);

/* The engine for the data as it is now, shared between threads: loaded
 * on first use and again after an import.  Give it back with
 * store_crime_release.  NULL with e set. */
struct crime_engine *store_crime_acquire(struct store *s, struct err *e);
void store_crime_release(struct crime_engine *g);

/* Dictionaries: call fn for each value of domain in id order. */
typedef void store_dict_fn(void *ctx, uint32_t id, const char *value,
			   const char *extra);
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

/* ---------------------------------------------------------------------
 * Indicators and their values (store_indicator.c)
 */

extern const struct choice indicator_units[];
extern const struct choice polarities[];
extern const struct choice sensitivities[];
extern const struct choice ci_methods[];
extern const struct choice comparisons[];
extern const struct choice frequencies[];

struct indicator {
	int64_t id;
	const char *code;        /* short, stable: "burglary-rate" */
	const char *name;
	const char *description;
	const char *unit;        /* count, rate, proportion, mean */
	int64_t per;             /* rate per N (1000); proportion shown per 100 */
	const char *polarity;    /* higher_better, lower_better, neither */
	const char *frequency;
	const char *source;
	const char *owner;
	const char *sensitivity; /* open, official, official_sensitive */
	const char *ci_method;   /* auto, wilson, poisson, none */
	const char *comparison;  /* benchmark_outside, overlap */
	const char *benchmark;   /* the area compared with: "England" */
	const char *peer_group;  /* the peers ranked among */
	bool has_target;
	double target;
	const char *target_note;
	bool has_baseline;
	double baseline;
	const char *baseline_period;
	const char *crime_type;  /* a crime indicator: counted by the engine */
	bool example;
	int64_t n_values;
	const char *first_period, *last_period;
	int64_t *theme_ids, *priority_ids, *outcome_ids;
	size_t n_themes, n_priorities, n_outcomes;
};

/* Which fields of an indicator_input are given. */
enum {
	IND_NAME = 1 << 0, IND_DESCRIPTION = 1 << 1, IND_UNIT = 1 << 2,
	IND_PER = 1 << 3, IND_POLARITY = 1 << 4, IND_FREQUENCY = 1 << 5,
	IND_SOURCE = 1 << 6, IND_OWNER = 1 << 7, IND_SENSITIVITY = 1 << 8,
	IND_CI = 1 << 9, IND_COMPARISON = 1 << 10, IND_BENCHMARK = 1 << 11,
	IND_PEERS = 1 << 12, IND_TARGET = 1 << 13, IND_BASELINE = 1 << 14,
	IND_CRIME_TYPE = 1 << 15,
};

struct indicator_input {
	unsigned set;
	const char *code, *name, *description, *unit;
	int64_t per;
	const char *polarity, *frequency, *source, *owner, *sensitivity;
	const char *ci_method, *comparison, *benchmark, *peer_group;
	bool has_target;
	double target;
	const char *target_note;
	bool has_baseline;
	double baseline;
	const char *baseline_period;
	const char *crime_type;
	bool example;
};

/* Create the indicator with in->code, or change the fields given of the
 * one that has it.  *id gets its id. */
int store_indicator_put(struct store *s, const struct indicator_input *in,
			int64_t *id, struct err *e);
/* Link an indicator to a theme, priority area or outcome ("theme",
 * "priority", "outcome"). */
int store_indicator_link(struct store *s, int64_t id, const char *kind,
			 int64_t target_id, struct err *e);

struct indicator *store_indicators(struct store *s, struct arena *a,
				   size_t *n, struct err *e);
struct indicator *store_indicator(struct store *s, struct arena *a, int64_t id,
				  struct err *e);
/* By code, or by name (case-insensitive); ERR_NOT_FOUND if neither. */
struct indicator *store_indicator_find(struct store *s, struct arena *a,
				       const char *code_or_name, struct err *e);
/* The indicators linked to a theme, or to any priority area of it. */
struct indicator *store_theme_indicators(struct store *s, struct arena *a,
					 int64_t theme_id, size_t *n,
					 struct err *e);

struct indicator_value {
	int64_t id;
	int64_t indicator_id;
	const char *area;
	const char *area_code;
	const char *period;       /* as given: "2020/21", "2020 Q3", "Wave 6" */
	const char *period_start; /* YYYY-MM-DD */
	const char *period_end;
	bool has_numerator, has_denominator, has_value;
	double numerator, denominator, value;
	const char *note;
	const char *source;       /* "file.csv:12" */
	bool example;
};

/* Add or replace the value of (indicator, area, period). */
int store_indicator_value_put(struct store *s, const struct indicator_value *v,
			      struct err *e);
/* Values of an indicator, for one area (or all if area is NULL), in
 * order of area then period. */
struct indicator_value *store_indicator_values(struct store *s,
					       struct arena *a,
					       int64_t indicator_id,
					       const char *area, size_t *n,
					       struct err *e);
/* The areas that have values of the indicator (0: of any), most figures
 * first; areas that differ only in case are one. */
const char **store_indicator_areas(struct store *s, struct arena *a,
				   int64_t indicator_id, size_t *n,
				   struct err *e);
/* The period labels of all values, the latest first. */
const char **store_indicator_periods(struct store *s, struct arena *a,
				     size_t *n, struct err *e);
/* The last day of a period label some value has (any case); ERR_NOT_FOUND
 * if none has it. */
int store_indicator_period_end(struct store *s, const char *period,
			       char end[11], struct err *e);
/* 1 if any indicator counts crimes (is worked out by the engine), 0 if
 * none does, -1 on error. */
int store_has_crime_indicator(struct store *s, struct err *e);

#endif
