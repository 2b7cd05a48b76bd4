/*
 * csv.c: writing CSV for spreadsheets (see csv.h).
 */
#include "csv.h"
#include "json.h"

void csv_init(struct csv *c, struct buf *b)
{
	c->b = b;
	c->first = true;
}

static void sep(struct csv *c)
{
	if (!c->first)
		buf_addc(c->b, ',');
	c->first = false;
}

void csv_text(struct csv *c, const char *s)
{
	bool quote, guard;

	sep(c);
	if (!s || !*s)
		return;
	guard = strchr("=+-@\t\r", s[0]) != NULL;
	quote = guard || strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		buf_adds(c->b, s);
		return;
	}
	buf_addc(c->b, '"');
	if (guard)
		buf_addc(c->b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_addc(c->b, '"');
		buf_addc(c->b, *p);
	}
	buf_addc(c->b, '"');
}

void csv_int(struct csv *c, int64_t v)
{
	sep(c);
	buf_printf(c->b, "%lld", (long long)v);
}

void csv_num(struct csv *c, double v)
{
	sep(c);
	jw_add_double(c->b, v);
}

void csv_pounds(struct csv *c, int64_t pence)
{
	uint64_t u = (uint64_t)pence;

	sep(c);
	if (pence < 0) {
		buf_addc(c->b, '-');
		u = 0 - u;
	}
	buf_printf(c->b, "%llu.%02d", (unsigned long long)(u / 100), (int)(u % 100));
}

void csv_empty(struct csv *c)
{
	sep(c);
}

void csv_end_row(struct csv *c)
{
	buf_adds(c->b, "\r\n");
	c->first = true;
}
