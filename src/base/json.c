/*
 * json.c: the JSON writer (see json.h).
 */
#include <math.h>

#include "esc.h"
#include "json.h"

void jw_init(struct jw *j, struct buf *b, bool pretty)
{
	j->b = b;
	j->pretty = pretty;
	j->depth = 0;
	j->first[0] = true;
	j->after_key = false;
}

static void newline(struct jw *j)
{
	if (!j->pretty)
		return;
	buf_addc(j->b, '\n');
	for (int i = 0; i < j->depth; i++)
		buf_adds(j->b, "  ");
}

/* Write what must come before a value or a key at the current level. */
static void before(struct jw *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (!j->first[j->depth])
		buf_addc(j->b, ',');
	j->first[j->depth] = false;
	if (j->depth > 0)
		newline(j);
}

static void open(struct jw *j, char c)
{
	before(j);
	buf_addc(j->b, c);
	if (j->depth + 1 >= JSON_MAX_DEPTH)
		BUG("JSON nested deeper than %d", JSON_MAX_DEPTH);
	j->close[j->depth++] = c == '{' ? '}' : ']';
	j->first[j->depth] = true;
}

void jw_obj(struct jw *j)
{
	open(j, '{');
}

void jw_arr(struct jw *j)
{
	open(j, '[');
}

void jw_end(struct jw *j)
{
	bool empty;

	if (j->depth <= 0)
		BUG("json_end with nothing open");
	empty = j->first[j->depth];
	j->depth--;
	if (!empty)
		newline(j);
	buf_addc(j->b, j->close[j->depth]);
}

void jw_key(struct jw *j, const char *key)
{
	before(j);
	buf_addc(j->b, '"');
	esc_adds(j->b, ESC_JSON, key);
	buf_adds(j->b, j->pretty ? "\": " : "\":");
	j->after_key = true;
}

void jw_str(struct jw *j, const char *s)
{
	before(j);
	if (!s) {
		buf_adds(j->b, "null");
		return;
	}
	buf_addc(j->b, '"');
	esc_adds(j->b, ESC_JSON, s);
	buf_addc(j->b, '"');
}

void jw_raw(struct jw *j, const char *json)
{
	before(j);
	buf_adds(j->b, json);
}

void jw_int(struct jw *j, int64_t v)
{
	before(j);
	buf_printf(j->b, "%lld", (long long)v);
}

void jw_add_double(struct buf *b, double v)
{
	char tmp[64];

	if (isnan(v) || isinf(v)) {
		buf_adds(b, "null");
		return;
	}
	if (v == 0) {
		buf_addc(b, '0');
		return;
	}
	/* Plain decimals where they are short ("70", "0.125"), the shortest
	 * exponent form otherwise ("1e-07", "6.02e+23"). */
	if (fabs(v) >= 1e-5 && fabs(v) < 1e16) {
		for (int dec = 0; dec <= 17; dec++) {
			snprintf(tmp, sizeof(tmp), "%.*f", dec, v);
			if (strtod(tmp, NULL) == v) {
				buf_adds(b, tmp);
				return;
			}
		}
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	buf_adds(b, tmp);
}

void jw_num(struct jw *j, double v)
{
	before(j);
	jw_add_double(j->b, v);
}

void jw_bool(struct jw *j, bool v)
{
	before(j);
	buf_adds(j->b, v ? "true" : "false");
}

void jw_null(struct jw *j)
{
	before(j);
	buf_adds(j->b, "null");
}

void jw_kv_str(struct jw *j, const char *key, const char *s)
{
	jw_key(j, key);
	jw_str(j, s);
}

void jw_kv_int(struct jw *j, const char *key, int64_t v)
{
	jw_key(j, key);
	jw_int(j, v);
}

void jw_kv_num(struct jw *j, const char *key, double v)
{
	jw_key(j, key);
	jw_num(j, v);
}

void jw_kv_bool(struct jw *j, const char *key, bool v)
{
	jw_key(j, key);
	jw_bool(j, v);
}

void jw_kv_null(struct jw *j, const char *key)
{
	jw_key(j, key);
	jw_null(j);
}

void jw_kv_id(struct jw *j, const char *key, int64_t id)
{
	jw_key(j, key);
	if (id)
		jw_int(j, id);
	else
		jw_null(j);
}
