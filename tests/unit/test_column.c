/*
 * test_column.c: unit tests of src/crime/column.c, the blobs a batch's
 * whole-number columns are kept in.
 *
 * Each blob is decoded with col_get_u32 and compared with the values it
 * was given, taken through the permutation when there is one (a batch is
 * the rows of one force and month, picked out of a file by perm); the
 * width byte is checked against the largest value of the rows written,
 * not of the whole array.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "crime/column.h"

/* Encode values (through perm) and check the blob: its width byte and
 * what it decodes to. */
static void round_trip(const uint32_t *values, const uint32_t *perm, size_t n,
		       unsigned want_width)
{
	struct buf b = BUF_INIT;
	uint32_t out[64];

	assert_true(n <= 64);
	col_put_u32(&b, values, perm, n);
	assert_false(b.overflow);
	assert_int_equal((unsigned char)b.ptr[0], want_width);
	assert_int_equal(b.len, want_width ? 1 + n * want_width : 5);
	assert_int_equal(col_get_u32(b.ptr, b.len, out, n), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(out[i], values[perm ? perm[i] : i]);
	buf_release(&b);
}

static void test_widths(void **state)
{
	static const uint32_t small[] = { 3, 0, 255, 7 };
	static const uint32_t mid[] = { 3, 256, 65535, 9 };
	static const uint32_t big[] = { 65536, 1, 4000000000u, 0 };

	(void)state;
	round_trip(small, NULL, 4, 1);
	round_trip(mid, NULL, 4, 2);
	round_trip(big, NULL, 4, 4);
}

static void test_constant(void **state)
{
	static const uint32_t same[] = { 70000, 70000, 70000 };

	(void)state;
	round_trip(same, NULL, 3, 0);
	round_trip(same, NULL, 1, 0);
}

/* The width and the constant case come from the rows written, not from
 * the array they are picked out of. */
static void test_permutation(void **state)
{
	/* line numbers of a file: rows of two batches interleaved */
	static const uint32_t line[] = { 2, 70000, 3, 70001, 4, 352 };
	static const uint32_t first[] = { 0, 2, 4 };   /* lines 2, 3, 4 */
	static const uint32_t second[] = { 3, 1 };     /* lines 70001, 70000 */
	static const uint32_t one[] = { 5 };           /* line 352 alone */
	static const uint32_t all[] = { 5, 4, 3, 2, 1, 0 };

	(void)state;
	round_trip(line, first, 3, 1);
	round_trip(line, second, 2, 4);
	round_trip(line, one, 1, 0);
	round_trip(line, all, 6, 4);
}

static void test_bad_blobs(void **state)
{
	static const unsigned char wrong_width[] = { 3, 1, 2, 3 };
	static const unsigned char short_blob[] = { 2, 1, 0, 2 };
	uint32_t out[4];

	(void)state;
	assert_int_equal(col_get_u32(wrong_width, sizeof(wrong_width), out, 1), -1);
	assert_int_equal(col_get_u32(short_blob, sizeof(short_blob), out, 2), -1);
	assert_int_equal(col_get_u32(short_blob, 0, out, 0), 0);
	assert_int_equal(col_get_u32(short_blob, 0, out, 1), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_constant),
		cmocka_unit_test(test_permutation),
		cmocka_unit_test(test_bad_blobs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
