/*
 * test_buf.c: unit tests of src/base/buf.c and src/base/arena.c.
 *
 * The buffer's invariants (never NULL, always NUL-terminated, never past
 * max, an overflow that sticks until reset) are checked after every kind
 * of append; the arena's (aligned, zeroed, disjoint allocations; big
 * allocations in blocks of their own; reset and release) with patterns
 * written into every allocation and read back afterwards.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"

/* Check the invariants that hold for every buffer at every moment. */
static void check_buf(const struct buf *b)
{
	size_t max = b->max ? b->max : BUF_MAX_DEFAULT;

	assert_non_null(b->ptr);
	assert_true(b->len <= max);
	assert_int_equal(b->ptr[b->len], '\0');
	if (b->cap) {
		assert_true(b->len < b->cap);
		assert_ptr_not_equal(b->ptr, buf_empty);
	} else {
		assert_int_equal(b->len, 0);
		assert_ptr_equal(b->ptr, buf_empty);
	}
	assert_int_equal(buf_empty[0], '\0');
}

/* ------------------------------------------------------------------ */
/* struct buf                                                          */
/* ------------------------------------------------------------------ */

static void test_buf_init_empty(void **state)
{
	struct buf b = BUF_INIT;
	struct buf c;

	UNUSED(state);
	check_buf(&b);
	assert_string_equal(b.ptr, "");
	assert_int_equal(b.cap, 0);
	assert_int_equal(b.max, 0);
	assert_false(b.overflow);
	buf_init(&c, 10);
	check_buf(&c);
	assert_int_equal(c.max, 10);
	assert_false(c.overflow);
	/* Releasing an unused buffer is harmless and frees nothing. */
	buf_release(&b);
	check_buf(&b);
	buf_reset(&b);
	check_buf(&b);
	buf_truncate(&b, 0);
	check_buf(&b);
}

static void test_buf_appends(void **state)
{
	struct buf b = BUF_INIT;

	UNUSED(state);
	buf_adds(&b, "abc");
	check_buf(&b);
	buf_addc(&b, '-');
	check_buf(&b);
	buf_add(&b, "xyz", 2);
	check_buf(&b);
	buf_printf(&b, "[%d|%s|%05.1f]", -42, "s", 2.25);
	check_buf(&b);
	buf_add(&b, "ignored", 0);
	buf_adds(&b, "");
	check_buf(&b);
	assert_string_equal(b.ptr, "abc-xy[-42|s|002.2]");
	assert_int_equal(b.len, strlen("abc-xy[-42|s|002.2]"));
	assert_false(b.overflow);
	buf_release(&b);
	check_buf(&b);
}

static void test_buf_binary(void **state)
{
	struct buf b = BUF_INIT;

	UNUSED(state);
	buf_add(&b, "a\0b", 3);
	buf_addc(&b, '\0');
	check_buf(&b);
	assert_int_equal(b.len, 4);
	assert_memory_equal(b.ptr, "a\0b\0", 5);
	buf_release(&b);
}

static void test_buf_growth(void **state)
{
	struct buf b = BUF_INIT;
	char big[5000];

	UNUSED(state);
	/* Many small appends across several reallocations. */
	for (int i = 0; i < 10000; i++) {
		buf_addc(&b, (char)('a' + i % 26));
		if (i % 997 == 0)
			check_buf(&b);
	}
	check_buf(&b);
	assert_int_equal(b.len, 10000);
	for (size_t i = 0; i < 10000; i++)
		assert_int_equal(b.ptr[i], 'a' + (int)(i % 26));

	/* A printf bigger than what is left, and bigger than the whole
	 * capacity. */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_reset(&b);
	buf_adds(&b, "<");
	buf_printf(&b, "%s>", big);
	check_buf(&b);
	assert_int_equal(b.len, 1 + 4999 + 1);
	assert_int_equal(b.ptr[0], '<');
	assert_int_equal(b.ptr[5000], '>');
	assert_int_equal(b.ptr[4999], 'x');
	buf_release(&b);
}

static void test_buf_grow(void **state)
{
	struct buf b = BUF_INIT;

	UNUSED(state);
	assert_true(buf_grow(&b, 100));
	check_buf(&b);
	assert_true(b.cap >= 101);
	assert_int_equal(b.len, 0);
	assert_true(buf_grow(&b, 0));
	/* More than the default maximum: refused, no allocation tried. */
	assert_false(buf_grow(&b, BUF_MAX_DEFAULT + 1));
	assert_true(b.overflow);
	check_buf(&b);
	assert_false(buf_grow(&b, 1));
	buf_reset(&b);
	assert_false(b.overflow);
	assert_false(buf_grow(&b, SIZE_MAX));
	assert_true(b.overflow);
	buf_release(&b);
	assert_false(b.overflow);
}

static void test_buf_max(void **state)
{
	struct buf b;

	UNUSED(state);
	buf_init(&b, 5);
	buf_adds(&b, "abc");
	assert_false(b.overflow);
	buf_adds(&b, "de");
	assert_false(b.overflow);
	assert_string_equal(b.ptr, "abcde");
	check_buf(&b);
	/* One byte past max. */
	buf_addc(&b, 'f');
	assert_true(b.overflow);
	assert_string_equal(b.ptr, "abcde");
	check_buf(&b);
	buf_release(&b);
	assert_int_equal(b.max, 5);
	assert_false(b.overflow);

	/* An append that does not fit appends nothing at all, and every
	 * later append is ignored, even one that would fit. */
	buf_adds(&b, "abc");
	buf_adds(&b, "def");
	assert_true(b.overflow);
	assert_string_equal(b.ptr, "abc");
	assert_int_equal(b.len, 3);
	buf_addc(&b, 'x');
	buf_add(&b, "y", 1);
	buf_adds(&b, "z");
	buf_printf(&b, "%d", 1);
	assert_string_equal(b.ptr, "abc");
	assert_int_equal(b.len, 3);
	check_buf(&b);

	/* Reset clears overflow and keeps max. */
	buf_reset(&b);
	assert_false(b.overflow);
	assert_int_equal(b.max, 5);
	assert_string_equal(b.ptr, "");
	buf_adds(&b, "12345");
	assert_false(b.overflow);
	assert_string_equal(b.ptr, "12345");
	buf_release(&b);
}

static void test_buf_printf_overflow(void **state)
{
	struct buf b;

	UNUSED(state);
	/* From an empty buffer (no capacity yet). */
	buf_init(&b, 3);
	buf_printf(&b, "%d", 12345);
	assert_true(b.overflow);
	assert_string_equal(b.ptr, "");
	check_buf(&b);
	buf_release(&b);

	/* Past the capacity and past max. */
	buf_init(&b, 100);
	buf_adds(&b, "ab");
	buf_printf(&b, "%0150d", 7);
	assert_true(b.overflow);
	assert_string_equal(b.ptr, "ab");
	check_buf(&b);
	buf_release(&b);

	/* Exactly max fits. */
	buf_init(&b, 5);
	buf_printf(&b, "%05d", 42);
	assert_false(b.overflow);
	assert_string_equal(b.ptr, "00042");
	buf_release(&b);
}

/* A printf whose output fits in the memory already allocated but passes
 * max must overflow like any other append. */
static void test_buf_printf_max_within_capacity(void **state)
{
	struct buf b;
	bool overflow;
	size_t len;
	char got[64];

	UNUSED(state);
	buf_init(&b, 10);
	buf_adds(&b, "ab");
	assert_true(b.cap > 12); /* room for the printf below */
	buf_printf(&b, "%s", "0123456789");
	overflow = b.overflow;
	len = b.len;
	snprintf(got, sizeof(got), "%s", b.ptr);
	buf_release(&b); /* before the checks, so that a failure leaks nothing */
	assert_true(overflow);
	assert_int_equal(len, 2);
	assert_string_equal(got, "ab");
}

static void test_buf_detach(void **state)
{
	struct buf b;
	size_t len = 99;
	char *p;

	UNUSED(state);
	/* Detaching an unused buffer still gives a string to free. */
	buf_init(&b, 100);
	p = buf_detach(&b, &len);
	assert_non_null(p);
	assert_ptr_not_equal(p, buf_empty);
	assert_string_equal(p, "");
	assert_int_equal(len, 0);
	free(p);
	check_buf(&b);

	buf_adds(&b, "hello");
	p = buf_detach(&b, &len);
	assert_string_equal(p, "hello");
	assert_int_equal(len, 5);
	/* The buffer is empty again, keeps its max, owns nothing. */
	check_buf(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	assert_int_equal(b.max, 100);
	buf_adds(&b, "again");
	assert_string_equal(b.ptr, "again");
	assert_string_equal(p, "hello");
	free(p);
	p = buf_detach(&b, NULL);
	assert_string_equal(p, "again");
	free(p);
	buf_release(&b);
}

static void test_buf_truncate_reset(void **state)
{
	struct buf b = BUF_INIT;
	char *before;
	size_t cap;

	UNUSED(state);
	buf_adds(&b, "abcdef");
	buf_truncate(&b, 2);
	check_buf(&b);
	assert_string_equal(b.ptr, "ab");
	buf_truncate(&b, 2);
	assert_string_equal(b.ptr, "ab");
	buf_adds(&b, "Z");
	assert_string_equal(b.ptr, "abZ");
	buf_truncate(&b, 0);
	check_buf(&b);
	assert_string_equal(b.ptr, "");

	/* Reset keeps the memory. */
	buf_adds(&b, "xyz");
	before = b.ptr;
	cap = b.cap;
	buf_reset(&b);
	check_buf(&b);
	assert_ptr_equal(b.ptr, before);
	assert_int_equal(b.cap, cap);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.ptr, "");
	buf_release(&b);
	check_buf(&b);
	assert_int_equal(b.cap, 0);
}

/* ------------------------------------------------------------------ */
/* struct arena                                                        */
/* ------------------------------------------------------------------ */

static bool all_bytes(const void *p, unsigned char v, size_t n)
{
	const unsigned char *u = p;

	for (size_t i = 0; i < n; i++)
		if (u[i] != v)
			return false;
	return true;
}

static void test_arena_alignment(void **state)
{
	struct arena a = ARENA_INIT;
	static const size_t sizes[] = { 1, 2, 3, 7, 8, 15, 16, 17, 31, 33,
					100, 1000, 4095, 16383, 16384, 16385 };
	void *ptrs[ARRAY_SIZE(sizes) * 3];
	size_t n = 0;

	UNUSED(state);
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
			void *p = arena_alloc(&a, sizes[i]);

			assert_non_null(p);
			assert_int_equal((uintptr_t)p % 16, 0);
			assert_true(all_bytes(p, 0, sizes[i]));
			memset(p, (int)(n & 0xff) + 1, sizes[i]);
			ptrs[n++] = p;
		}
	/* No allocation overwrote another. */
	n = 0;
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
			assert_true(all_bytes(ptrs[n], (unsigned char)((n & 0xff) + 1),
					      sizes[i]));
			n++;
		}
	/* Every type fits. */
	{
		long double *ld = arena_new(&a, long double);
		double *d = arena_array(&a, 3, sizeof(double));
		int64_t *i64 = arena_new(&a, int64_t);

		*ld = 1.5L;
		d[2] = 2.5;
		*i64 = INT64_MIN;
		assert_int_equal((uintptr_t)ld % _Alignof(long double), 0);
		assert_true(*ld == 1.5L);
		assert_true(d[0] == 0.0 && d[1] == 0.0 && d[2] == 2.5);
		assert_true(*i64 == INT64_MIN);
	}
	arena_release(&a);
}

static void test_arena_total(void **state)
{
	struct arena a = ARENA_INIT;

	UNUSED(state);
	assert_int_equal(a.total, 0);
	arena_alloc(&a, 1);
	assert_int_equal(a.total, 16);
	arena_alloc(&a, 16);
	assert_int_equal(a.total, 32);
	arena_alloc(&a, 17);
	assert_int_equal(a.total, 64);
	arena_alloc(&a, 100000);
	assert_int_equal(a.total, 64 + 100000);
	arena_reset(&a);
	assert_int_equal(a.total, 0);
	arena_release(&a);
	assert_int_equal(a.total, 0);
	assert_null(a.head);
}

static void test_arena_many_blocks(void **state)
{
	struct arena a = ARENA_INIT;
	enum { N = 5000, SZ = 100 };
	unsigned char **p = xcalloc(N, sizeof(*p));

	UNUSED(state);
	assert_non_null(p);
	/* 5000 x 112 bytes is several 64 KiB blocks. */
	for (size_t i = 0; i < N; i++) {
		p[i] = arena_alloc(&a, SZ);
		assert_true(all_bytes(p[i], 0, SZ));
		memset(p[i], (int)(i % 251), SZ);
	}
	for (size_t i = 0; i < N; i++)
		assert_true(all_bytes(p[i], (unsigned char)(i % 251), SZ));
	free(p);
	arena_release(&a);
}

static void test_arena_big(void **state)
{
	struct arena a = ARENA_INIT;
	unsigned char *small1, *big, *small2, *huge;

	UNUSED(state);
	/* A big allocation first: the arena starts with a block of its own. */
	big = arena_alloc(&a, 200000);
	assert_non_null(big);
	assert_int_equal((uintptr_t)big % 16, 0);
	assert_true(all_bytes(big, 0, 200000));
	memset(big, 0xAB, 200000);
	small1 = arena_alloc(&a, 10);
	assert_true(all_bytes(small1, 0, 10));
	memset(small1, 0xCD, 10);
	/* A big one between small ones does not disturb the current block. */
	huge = arena_alloc(&a, 3 * 1024 * 1024);
	assert_true(all_bytes(huge, 0, 3 * 1024 * 1024));
	memset(huge, 0xEF, 3 * 1024 * 1024);
	small2 = arena_alloc(&a, 10);
	assert_true(small2 == small1 + 16);
	assert_true(all_bytes(small2, 0, 10));
	assert_true(all_bytes(big, 0xAB, 200000));
	assert_true(all_bytes(small1, 0xCD, 10));
	assert_true(all_bytes(huge, 0xEF, 3 * 1024 * 1024));
	/* Exactly a quarter block is still small; one more byte is big. */
	assert_non_null(arena_alloc(&a, 16 * 1024));
	assert_non_null(arena_alloc(&a, 16 * 1024 + 1));
	arena_release(&a);
}

static void test_arena_reset(void **state)
{
	struct arena a = ARENA_INIT;
	unsigned char *p, *q;

	UNUSED(state);
	/* Reset of an empty arena. */
	arena_reset(&a);
	assert_null(a.head);
	assert_int_equal(a.total, 0);

	p = arena_alloc(&a, 1000);
	memset(p, 0x55, 1000);
	for (int i = 0; i < 100; i++)
		memset(arena_alloc(&a, 1000), 0x77, 1000);
	arena_alloc(&a, 500000);
	arena_reset(&a);
	assert_non_null(a.head);
	assert_int_equal(a.total, 0);
	/* The memory handed out again is zeroed. */
	for (int i = 0; i < 200; i++) {
		q = arena_alloc(&a, 1000);
		assert_true(all_bytes(q, 0, 1000));
		memset(q, 0x11, 1000);
	}
	arena_reset(&a);
	arena_reset(&a);
	q = arena_alloc(&a, 1000);
	assert_true(all_bytes(q, 0, 1000));
	arena_release(&a);
	assert_null(a.head);

	/* An arena that only ever had a big block keeps nothing. */
	arena_alloc(&a, 100000);
	arena_reset(&a);
	assert_null(a.head);
	assert_int_equal(a.total, 0);
	/* Released arenas are usable. */
	q = arena_alloc(&a, 8);
	assert_non_null(q);
	arena_release(&a);
	arena_release(&a);
	assert_null(a.head);
}

static void test_arena_strings(void **state)
{
	struct arena a = ARENA_INIT;
	char *s, *big;
	char src[] = "hello";
	const char *none = NULL;

	UNUSED(state);
	assert_null(arena_strdup(&a, none));
	assert_null(arena_strndup(&a, none, 3));
	s = arena_strdup(&a, src);
	assert_string_equal(s, "hello");
	assert_ptr_not_equal(s, src);
	src[0] = 'j';
	assert_string_equal(s, "hello");
	assert_string_equal(arena_strdup(&a, ""), "");
	assert_string_equal(arena_strndup(&a, "hello", 3), "hel");
	assert_string_equal(arena_strndup(&a, "hello", 0), "");
	s = arena_strndup(&a, "a\0b", 3);
	assert_memory_equal(s, "a\0b\0", 4);
	assert_string_equal(arena_printf(&a, "%d-%s-%05.2f-%c", 42, "x", 3.14159,
					 'z'),
			    "42-x-03.14-z");
	assert_string_equal(arena_printf(&a, "%s", ""), "");
	/* A printf longer than a block. */
	big = xmalloc(100001);
	assert_non_null(big);
	memset(big, 'q', 100000);
	big[100000] = '\0';
	s = arena_printf(&a, "<%s>", big);
	assert_int_equal(strlen(s), 100002);
	assert_int_equal(s[0], '<');
	assert_int_equal(s[100001], '>');
	assert_int_equal(s[50000], 'q');
	s = arena_strdup(&a, big);
	assert_string_equal(s, big);
	free(big);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_init_empty),
		cmocka_unit_test(test_buf_appends),
		cmocka_unit_test(test_buf_binary),
		cmocka_unit_test(test_buf_growth),
		cmocka_unit_test(test_buf_grow),
		cmocka_unit_test(test_buf_max),
		cmocka_unit_test(test_buf_printf_overflow),
		cmocka_unit_test(test_buf_printf_max_within_capacity),
		cmocka_unit_test(test_buf_detach),
		cmocka_unit_test(test_buf_truncate_reset),
		cmocka_unit_test(test_arena_alignment),
		cmocka_unit_test(test_arena_total),
		cmocka_unit_test(test_arena_many_blocks),
		cmocka_unit_test(test_arena_big),
		cmocka_unit_test(test_arena_reset),
		cmocka_unit_test(test_arena_strings),
	};

	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
