/*
 * test_crime_shared.c: the crime engine's life (src/crime/shared.c,
 * load.c): one engine per database and generation, given back through
 * the request's arena; two databases never share one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <unistd.h>

#include "base/buf.h"
#include "crime/crime.h"
#include "crime/engine.h"
#include "ingest/ingest.h"
#include "store/store.h"

#define HEADER "Crime ID,Month,Reported by,Falls within,Longitude,Latitude," \
	       "Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"

/* n burglaries in Northtown 001A in January 2024, with distinct ids. */
static void import_burglaries(struct store *s, int n, int salt)
{
	struct buf csv = BUF_INIT;
	struct police_options opt = { .quiet = true, .threads = 1 };
	struct police_report rep = { 0 };
	struct err e = ERR_INIT;

	buf_adds(&csv, HEADER);
	for (int i = 0; i < n; i++)
		buf_printf(&csv, "%064x,2024-01,Northtown Police,Northtown Police,"
				 "-2.1,53.4,On or near High Street,E01000001,"
				 "Northtown 001A,Burglary,Under investigation,\n",
			   i + 1000 * salt);
	if (ingest_police_buffer(s, "2024-01-northtown-street.csv", csv.ptr,
				 csv.len, &opt, &rep, &e) < 0)
		fail_msg("import: %s", e.msg);
	police_report_release(&rep);
	buf_release(&csv);
}

/* Rows of all crime in the engine. */
static int64_t total(const struct crime_engine *g)
{
	struct ce_stats st;

	ce_stats(g, &st);
	return (int64_t)st.rows;
}

/* A database path of this process's own ("a", "b", ...). */
static const char *db_path(const char *name)
{
	static char paths[8][128];
	static int next;
	char *p = paths[next++ % 8];

	snprintf(p, sizeof(paths[0]), "%s/safer-test-shared-%d-%s.db",
		 getenv("SAFER_TEST_TMP") ? getenv("SAFER_TEST_TMP") : "/tmp",
		 (int)getpid(), name);
	return p;
}

static struct store *open_new(const char *path)
{
	struct err e = ERR_INIT;
	struct store *s;

	unlink(path);
	s = store_open(path, true, &e);
	if (!s)
		fail_msg("open: %s", e.msg);
	return s;
}

/* Two databases in one process: each its own engine, with its own rows. */
static void test_two_databases(void **state)
{
	const char *path_a = db_path("a"), *path_b = db_path("b");
	struct store *a = open_new(path_a);
	struct store *b = open_new(path_b);
	struct arena ra = ARENA_INIT, rb = ARENA_INIT;
	struct err e = ERR_INIT;
	const struct crime_engine *ga, *gb;

	UNUSED(state);
	import_burglaries(a, 3, 1);
	import_burglaries(b, 5, 2);
	ga = crime_acquire(a, &ra, &e);
	gb = crime_acquire(b, &rb, &e);
	assert_non_null(ga);
	assert_non_null(gb);
	assert_ptr_not_equal(ga, gb);
	assert_int_equal(total(ga), 3);
	assert_int_equal(total(gb), 5);
	arena_release(&ra);
	arena_release(&rb);
	store_close(a);
	store_close(b);
	crime_shared_drop();
	unlink(path_a);
	unlink(path_b);
}

/* Two stores open on one file are one database: one engine. */
static void test_same_database_shares(void **state)
{
	const char *path_c = db_path("c");
	struct store *a = open_new(path_c);
	struct store *a2;
	struct arena r1 = ARENA_INIT, r2 = ARENA_INIT;
	struct err e = ERR_INIT;
	const struct crime_engine *g1, *g2;

	UNUSED(state);
	import_burglaries(a, 4, 3);
	a2 = store_open(path_c, false, &e);
	assert_non_null(a2);
	g1 = crime_acquire(a, &r1, &e);
	g2 = crime_acquire(a2, &r2, &e);
	assert_non_null(g1);
	assert_ptr_equal(g1, g2);
	arena_release(&r1);
	arena_release(&r2);
	store_close(a2);
	store_close(a);
	crime_shared_drop();
	unlink(path_c);
}

/* After an import a request gets the new data; one that still holds the
 * old engine keeps it, whole, until its arena lets go. */
static void test_new_generation(void **state)
{
	const char *path_d = db_path("d");
	struct store *a = open_new(path_d);
	struct arena old = ARENA_INIT, now = ARENA_INIT;
	struct err e = ERR_INIT;
	const struct crime_engine *g1, *g2;

	UNUSED(state);
	import_burglaries(a, 2, 4);
	g1 = crime_acquire(a, &old, &e);
	assert_non_null(g1);
	assert_int_equal(total(g1), 2);
	/* Another month of the same force: more rows. */
	{
		struct buf csv = BUF_INIT;
		struct police_options opt = { .quiet = true, .threads = 1 };
		struct police_report rep = { 0 };

		buf_adds(&csv, HEADER);
		buf_adds(&csv, "00000000000000000000000000000000"
			       "000000000000000000000000000000ab,2024-02,Northtown Police,Northtown Police,"
			       "-2.1,53.4,On or near High Street,E01000001,"
			       "Northtown 001A,Burglary,Under investigation,\n");
		assert_int_equal(ingest_police_buffer(a, "2024-02-northtown-street.csv",
						      csv.ptr, csv.len, &opt, &rep, &e),
				 0);
		police_report_release(&rep);
		buf_release(&csv);
	}
	g2 = crime_acquire(a, &now, &e);
	assert_non_null(g2);
	assert_ptr_not_equal(g1, g2);
	assert_int_equal(total(g2), 3);
	assert_int_equal(total(g1), 2); /* still whole */
	arena_release(&old);            /* frees the old engine */
	arena_release(&now);
	store_close(a);
	crime_shared_drop();
	unlink(path_d);
}

/* The arena's hooks run newest first, on reset and on release. */
static int order[4], n_order;
static void note(void *p)
{
	order[n_order++] = (int)(intptr_t)p;
}

static void test_arena_hooks(void **state)
{
	struct arena a = ARENA_INIT;

	UNUSED(state);
	n_order = 0;
	arena_on_release(&a, note, (void *)1);
	arena_on_release(&a, note, (void *)2);
	arena_reset(&a);
	assert_int_equal(n_order, 2);
	assert_int_equal(order[0], 2);
	assert_int_equal(order[1], 1);
	arena_on_release(&a, note, (void *)3);
	arena_release(&a);
	assert_int_equal(n_order, 3);
	assert_int_equal(order[2], 3);
	arena_release(&a); /* nothing left to run */
	assert_int_equal(n_order, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_databases),
		cmocka_unit_test(test_same_database_shares),
		cmocka_unit_test(test_new_generation),
		cmocka_unit_test(test_arena_hooks),
	};

	return cmocka_run_group_tests_name("crime_shared", tests, NULL, NULL);
}
