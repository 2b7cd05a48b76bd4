/*
 * store_int.h: helpers shared by the store's files, and nothing else.
 */
#ifndef SAFER_STORE_INT_H
#define SAFER_STORE_INT_H

#include "store.h"
#include "db.h"

/* Column col of the current row as a string copied into the arena, or
 * NULL for SQL NULL. */
static inline const char *col_str(struct arena *a, struct db_stmt *st, int col)
{
	return arena_strdup(a, db_col_text(st, col));
}

/* Room for one more element at the end of an array that lives in the
 * arena: *items has *n elements and space for *cap.  Returns the new
 * (zeroed) element; the array may move. */
void *vec_push(struct arena *a, void *items, size_t *n, size_t *cap,
	       size_t size);
#define VEC_PUSH(a, items, n, cap) \
	((__typeof__(items))vec_push((a), &(items), (n), (cap), sizeof(*(items))))

/* The SQL test for an overdue action, for a table alias a and a bound
 * :today: due before today and neither completed nor cancelled.  The one
 * definition of "overdue" in safer. */
#define OVERDUE_SQL(a) \
	"(" a ".due_on < :today AND " a ".status NOT IN ('completed', 'cancelled'))"

/* What a list function returns once its rows are read: NULL only for an
 * error, so an empty list is a non-NULL pointer with *n == 0. */
#define LIST_RESULT(a, list) ((list) ? (list) : arena_alloc((a), 1))

/* Fail with ERR_NOT_FOUND: "no such <what>: <id>". */
int not_found(struct err *e, const char *what, int64_t id);

/* Check that a row with this id exists in the table named by which
 * (one of the literal queries in store.c); field names the input. */
enum exists_table {
	EXISTS_PLAN, EXISTS_THEME, EXISTS_PRIORITY, EXISTS_PERSON,
	EXISTS_FUND, EXISTS_ORGANISATION, EXISTS_BOARD, EXISTS_OUTCOME,
	EXISTS_FRAMEWORK,
};
int check_exists(struct store *s, enum exists_table t, int64_t id,
		 const char *field, struct err *e);

/* Check that code is one of the choices (or NULL when optional). */
int check_choice(const struct choice *list, const char *code,
		 const char *field, bool optional, struct err *e);

/* Run fn inside one transaction: commit if it returns 0, else roll back
 * and return -1 with e as fn left it. */
int in_transaction(struct store *s, int (*fn)(struct store *, void *,
					      struct err *),
		   void *arg, struct err *e);

/* One change of object id (0 for a create) of the record's type (enum
 * audit_type, store_audit.h), in its own transaction between
 * audit_before and audit_after: fn makes the change and sets *id for a
 * create.  *out (if not NULL) gets the object's id
 * (store_plan_write.c). */
int audited_write(struct store *s, int type, int64_t id,
		  int (*fn)(struct store *s, void *arg, int64_t *id,
			    struct err *e),
		  void *arg, int64_t *out, struct err *e);

/* Keep e's error in l; true if checking must stop (the store failed). */
bool err_keep(struct err_list *l, const struct err *e);

/* The import lock (store_import.c): store_import_sweep cleans up after
 * an import that stopped midway when no import holds the lock (called
 * as the store opens); store_import_unlock lets go of the lock if this
 * store holds it. */
int store_import_sweep(struct store *s, struct err *e);
void store_import_unlock(struct store *s);

/* A month of the crime store (year * 12 + month - 1) as "YYYY-MM". */
void store_month_format(int month, char out[8]);

/* Taking an object away (store_remove.c), for the store_*_remove
 * functions.  refs_sql selects, for :id, one text row per kind of thing
 * that refers to the object ("people belong to it"), none if nothing
 * does; archive_sql sets archived_at to :now; delete_sql deletes it.
 * The change is recorded (type) in one transaction; *archived (if not
 * NULL) says whether it was archived rather than deleted.  what names
 * the object in messages ("organisation").  A refs_sql or archive_sql
 * that names :today gets the day (text_today, YYYY-MM-DD). */
struct remove_spec {
	int type; /* enum audit_type */
	const char *what;
	const char *refs_sql;
	const char *archive_sql;
	const char *delete_sql;
};
int store_remove(struct store *s, const struct remove_spec *spec, int64_t id,
		 enum remove_how how, bool *archived, struct err *e);

#endif
