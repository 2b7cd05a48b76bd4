/*
 * test_json.c: unit tests of src/base/json.c, the JSON writer.
 *
 * Exact output for nesting, commas, pretty printing, null ids and the
 * shortest round-trip form of doubles; then many documents built from
 * pseudo-random strings (valid and invalid UTF-8, control characters)
 * and doubles are read back with Jansson to prove that the output is
 * always valid JSON and means what was written.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>

#include <jansson.h>

#include "base/json.h"
#include "base/text.h"

static void check_double(double v, const char *want)
{
	struct buf b = BUF_INIT;
	char got[1024];

	jw_add_double(&b, v);
	/* Compared after release, so that a failure leaks nothing. */
	snprintf(got, sizeof(got), "%s", b.ptr);
	buf_release(&b);
	if (strcmp(got, want) != 0)
		fail_msg("jw_add_double(%.17g) gave '%s', want '%s'", v, got,
			 want);
}

static void test_compact(void **state)
{
	struct buf b = BUF_INIT;
	struct jw j;

	UNUSED(state);
	jw_init(&j, &b, false);
	jw_obj(&j);
	jw_kv_int(&j, "id", 7);
	jw_kv_str(&j, "name", "x");
	jw_key(&j, "arr");
	jw_arr(&j);
	jw_int(&j, 1);
	jw_int(&j, 2);
	jw_obj(&j);
	jw_end(&j);
	jw_arr(&j);
	jw_arr(&j);
	jw_end(&j);
	jw_end(&j);
	jw_str(&j, "s");
	jw_end(&j);
	jw_key(&j, "empty");
	jw_arr(&j);
	jw_end(&j);
	jw_kv_null(&j, "n");
	jw_kv_bool(&j, "t", true);
	jw_kv_bool(&j, "f", false);
	jw_kv_num(&j, "half", 0.5);
	jw_kv_str(&j, "none", NULL);
	jw_key(&j, "o");
	jw_obj(&j);
	jw_kv_int(&j, "min", INT64_MIN);
	jw_kv_int(&j, "max", INT64_MAX);
	jw_end(&j);
	jw_end(&j);
	assert_string_equal(
		b.ptr,
		"{\"id\":7,\"name\":\"x\",\"arr\":[1,2,{},[[]],\"s\"],\"empty\":[],"
		"\"n\":null,\"t\":true,\"f\":false,\"half\":0.5,\"none\":null,"
		"\"o\":{\"min\":-9223372036854775808,\"max\":9223372036854775807}}");
	assert_int_equal(j.depth, 0);
	buf_release(&b);
}

static void test_top_level(void **state)
{
	struct buf b = BUF_INIT;
	struct jw j;

	UNUSED(state);
	jw_init(&j, &b, false);
	jw_str(&j, "a\"b");
	assert_string_equal(b.ptr, "\"a\\\"b\"");
	buf_reset(&b);
	jw_init(&j, &b, false);
	jw_arr(&j);
	jw_end(&j);
	assert_string_equal(b.ptr, "[]");
	buf_reset(&b);
	jw_init(&j, &b, true);
	jw_obj(&j);
	jw_end(&j);
	assert_string_equal(b.ptr, "{}");
	buf_reset(&b);
	jw_init(&j, &b, false);
	jw_null(&j);
	assert_string_equal(b.ptr, "null");
	buf_release(&b);
}

static void test_pretty(void **state)
{
	struct buf b = BUF_INIT;
	struct jw j;

	UNUSED(state);
	jw_init(&j, &b, true);
	jw_obj(&j);
	jw_kv_int(&j, "a", 1);
	jw_key(&j, "b");
	jw_arr(&j);
	jw_int(&j, 1);
	jw_obj(&j);
	jw_kv_str(&j, "k", "v");
	jw_end(&j);
	jw_end(&j);
	jw_key(&j, "c");
	jw_obj(&j);
	jw_end(&j);
	jw_key(&j, "d");
	jw_arr(&j);
	jw_end(&j);
	jw_end(&j);
	assert_string_equal(b.ptr,
			    "{\n"
			    "  \"a\": 1,\n"
			    "  \"b\": [\n"
			    "    1,\n"
			    "    {\n"
			    "      \"k\": \"v\"\n"
			    "    }\n"
			    "  ],\n"
			    "  \"c\": {},\n"
			    "  \"d\": []\n"
			    "}");
	buf_release(&b);
}

static void test_ids_and_strings(void **state)
{
	struct buf b = BUF_INIT;
	struct jw j;

	UNUSED(state);
	jw_init(&j, &b, false);
	jw_obj(&j);
	jw_kv_id(&j, "none", 0);
	jw_kv_id(&j, "some", 5);
	jw_kv_id(&j, "big", INT64_MAX);
	jw_kv_str(&j, "k\"ey\n", "v<al>\\ue\t\x01\xE2\x80\xA8\xFF");
	jw_kv_str(&j, "", "");
	jw_end(&j);
	assert_string_equal(b.ptr,
			    "{\"none\":null,\"some\":5,\"big\":9223372036854775807,"
			    "\"k\\\"ey\\n\":\"v<al>\\\\ue\\t\\u0001\\u2028\\ufffd\","
			    "\"\":\"\"}");
	buf_release(&b);
}

static void test_doubles(void **state)
{
	UNUSED(state);
	check_double(0.0, "0");
	check_double(1.0, "1");
	check_double(-1.0, "-1");
	check_double(0.1, "0.1");
	check_double(0.5, "0.5");
	check_double(-1.5, "-1.5");
	check_double(0.1 + 0.2, "0.30000000000000004");
	check_double(1.0 / 3.0, "0.3333333333333333");
	check_double(2.0 / 3.0, "0.6666666666666666");
	check_double(1e-7, "1e-07");
	check_double(1.5e-7, "1.5e-07");
	check_double(123456.0, "123456");
	check_double(1e21, "1e+21");
	check_double(123456789012345680.0, "1.2345678901234568e+17");
	check_double(9007199254740993.0, "9007199254740992");
	check_double(DBL_MAX, "1.7976931348623157e+308");
	check_double(-DBL_MAX, "-1.7976931348623157e+308");
	check_double(DBL_MIN, "2.2250738585072014e-308");
	check_double(5e-324, "5e-324");
	check_double(46.7, "46.7");
	check_double(0.92, "0.92");
	/* Negative zero is written as plain 0: JSON has no -0 that every
	 * reader keeps, and "-0" looks wrong in a report. */
	check_double(-0.0, "0");
	/* Not numbers in JSON. */
	check_double(NAN, "null");
	check_double(-NAN, "null");
	check_double(INFINITY, "null");
	check_double(-INFINITY, "null");
}

/* Whole numbers are written as integers, not "1e+02": counts, rates and
 * the 95 of "level": 95 end up in JSON, CSV files and SVG labels that
 * people read. */
static void test_doubles_whole_numbers(void **state)
{
	UNUSED(state);
	check_double(10.0, "10");
	check_double(95.0, "95");
	check_double(100.0, "100");
	check_double(120.0, "120");
	check_double(2500.0, "2500");
	check_double(-300.0, "-300");
	check_double(478973.0, "478973");
}

/* A small deterministic generator (xorshift64). */
static uint64_t rng = 0x2545F4914F6CDD1Dull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void test_doubles_round_trip(void **state)
{
	UNUSED(state);
	for (int i = 0; i < 40000; i++) {
		uint64_t bits = next();
		double v, back;
		struct buf b = BUF_INIT;
		char *end;

		/* Half random bit patterns (any exponent), half ordinary
		 * numbers such as rates and percentages. */
		if (i % 2)
			memcpy(&v, &bits, sizeof(v));
		else
			v = (double)(bits % 2000001) / (double)(1 + bits % 997) -
			    1000.0;
		jw_add_double(&b, v);
		if (isnan(v) || isinf(v)) {
			assert_string_equal(b.ptr, "null");
			buf_release(&b);
			continue;
		}
		back = strtod(b.ptr, &end);
		assert_int_equal(*end, '\0');
		if (back != v)
			fail_msg("%.17g was written as '%s', which reads back as %.17g",
				 v, b.ptr, back);
		/* Nothing that depends on the locale or is not JSON. */
		for (const char *p = b.ptr; *p; p++)
			assert_non_null(strchr("0123456789-+.e", *p));
		/* Shortest: one significant digit fewer does not read back. */
		if (v != 0) {
			char shorter[400], sig[40];
			int digits = 0;

			for (const char *p = b.ptr; *p && *p != 'e'; p++)
				if ((*p >= '1' && *p <= '9') ||
				    (*p == '0' && digits > 0))
					sig[digits++] = *p;
			while (digits > 0 && sig[digits - 1] == '0')
				digits--;
			if (digits > 1) {
				snprintf(shorter, sizeof(shorter), "%.*g", digits - 1, v);
				assert_true(strtod(shorter, NULL) != v);
			}
		}
		buf_release(&b);
	}
}

/* Random bytes biased towards the interesting ones. */
static size_t random_string(char *s, size_t max)
{
	static const char pick[] = "\"\\/\n\r\t\b\f\x01\x1f\x7f<>&' aZ\xC3\xA9"
				   "\xE2\x80\xA8\xF0\x9F\x98\x80\xFF\xED\xA0";
	size_t n = (size_t)(next() % (max + 1));

	for (size_t i = 0; i < n; i++) {
		uint64_t r = next();

		s[i] = r % 3 ? pick[(r >> 8) % (sizeof(pick) - 1)] : (char)(r >> 16);
		if (!s[i])
			s[i] = 'x';
	}
	s[n] = '\0';
	return n;
}

static void test_random_documents(void **state)
{
	UNUSED(state);
	for (int doc = 0; doc < 3000; doc++) {
		struct buf b = BUF_INIT;
		struct jw j;
		char keys[8][40], vals[8][40];
		double nums[8];
		size_t nk = (size_t)(next() % 8);
		json_error_t jerr;
		json_t *root, *arr, *obj;
		bool pretty = doc % 2;

		jw_init(&j, &b, pretty);
		jw_obj(&j);
		jw_key(&j, "items");
		jw_arr(&j);
		for (size_t i = 0; i < nk; i++) {
			uint64_t bits = next();

			/* Keys are distinct: prefixed with their index. */
			random_string(keys[i] + 1, 30);
			keys[i][0] = (char)('A' + i);
			random_string(vals[i], 30);
			memcpy(&nums[i], &bits, sizeof(double));
			jw_obj(&j);
			jw_kv_str(&j, keys[i], vals[i]);
			jw_kv_num(&j, "num", nums[i]);
			jw_kv_int(&j, "int", (int64_t)bits);
			jw_kv_id(&j, "id", (int64_t)(bits % 3));
			jw_end(&j);
		}
		jw_end(&j);
		jw_end(&j);
		assert_int_equal(j.depth, 0);
		assert_true(utf8_valid(b.ptr, b.len));

		root = json_loadb(b.ptr, b.len, JSON_REJECT_DUPLICATES, &jerr);
		if (!root)
			fail_msg("not valid JSON (%s at %d:%d): %s", jerr.text,
				 jerr.line, jerr.column, b.ptr);
		arr = json_object_get(root, "items");
		assert_true(json_is_array(arr));
		assert_int_equal(json_array_size(arr), nk);
		for (size_t i = 0; i < nk; i++) {
			json_t *v, *num;
			size_t klen = strlen(keys[i]);

			obj = json_array_get(arr, i);
			assert_true(json_is_object(obj));
			assert_int_equal(json_object_size(obj), 4);
			/* Valid UTF-8 comes back exactly, except U+2028/9 which
			 * come back as themselves after the \u escape. */
			if (utf8_valid(keys[i], klen)) {
				v = json_object_get(obj, keys[i]);
				assert_non_null(v);
				if (utf8_valid(vals[i], strlen(vals[i])))
					assert_string_equal(json_string_value(v),
							    vals[i]);
			}
			num = json_object_get(obj, "num");
			if (isnan(nums[i]) || isinf(nums[i]))
				assert_true(json_is_null(num));
			else if (nums[i] == 0)
				assert_true(json_is_integer(num) &&
					    json_integer_value(num) == 0);
			else
				assert_true(json_number_value(num) == nums[i]);
			assert_true(json_is_integer(json_object_get(obj, "int")));
		}
		json_decref(root);
		buf_release(&b);
	}
}

static void test_deep(void **state)
{
	struct buf b = BUF_INIT;
	struct jw j;
	json_error_t jerr;
	json_t *root;

	UNUSED(state);
	/* The deepest nesting the writer allows. */
	jw_init(&j, &b, true);
	for (int i = 0; i < JSON_MAX_DEPTH - 1; i++) {
		if (i % 2) {
			jw_obj(&j);
			jw_key(&j, "k");
		} else {
			jw_arr(&j);
		}
	}
	jw_int(&j, 1);
	for (int i = 0; i < JSON_MAX_DEPTH - 1; i++)
		jw_end(&j);
	assert_int_equal(j.depth, 0);
	root = json_loadb(b.ptr, b.len, 0, &jerr);
	assert_non_null(root);
	json_decref(root);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_top_level),
		cmocka_unit_test(test_pretty),
		cmocka_unit_test(test_ids_and_strings),
		cmocka_unit_test(test_doubles),
		cmocka_unit_test(test_doubles_whole_numbers),
		cmocka_unit_test(test_doubles_round_trip),
		cmocka_unit_test(test_random_documents),
		cmocka_unit_test(test_deep),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
