/*
 * csvread.c: reading CSV from memory (see csvread.h).
 *
 * Written for speed on the common case, a record with no quote: commas
 * and the line end are found sixteen bytes at a time (SSE2, which every
 * x86-64 has; a byte loop elsewhere).  A record with a quote is read
 * with the full RFC 4180 rules.
 */
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "csvread.h"

void csv_reader_init(struct csv_reader *rd, const char *data, size_t len)
{
	rd->data = data;
	rd->len = len;
	rd->pos = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	rd->line = 0;
	buf_init(&rd->scratch, 0);
}

void csv_reader_release(struct csv_reader *rd)
{
	buf_release(&rd->scratch);
}

bool csv_field_is(const struct csv_field *f, const char *s)
{
	return f->n == strlen(s) && memcmp(f->p, s, f->n) == 0;
}

/*
 * The fast path: a record with no quote.  Commas and the line end are
 * found sixteen bytes at a time (SSE2, which every x86-64 has; a byte
 * loop elsewhere).  Returns false, having moved nothing, when the record
 * has a quote: the caller then reads it with the RFC 4180 path.
 */
static bool fast_record(struct csv_reader *rd, struct csv_field *fields, size_t *count)
{
	const char *d = rd->data, *p = d + rd->pos, *end = d + rd->len;
	const char *start = p;
	size_t n = 0;

	fields[0].p = p;
#ifdef __SSE2__
	{
		const __m128i comma = _mm_set1_epi8(','), nl = _mm_set1_epi8('\n'),
			      quote = _mm_set1_epi8('"');

		while (end - p >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
			unsigned c = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma));
			unsigned l = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl));
			unsigned q = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote));
			unsigned stop = l ? (l & -l) - 1 : 0xFFFF; /* bits before the line end */

			if (q & stop)
				return false;
			c &= stop;
			while (c) {
				const char *at = p + __builtin_ctz(c);

				if (n < CSV_MAX_FIELDS)
					fields[n].n = (size_t)(at - fields[n].p);
				n++;
				if (n < CSV_MAX_FIELDS)
					fields[n].p = at + 1;
				c &= c - 1;
			}
			if (l) {
				p += __builtin_ctz(l);
				goto line_end;
			}
			p += 16;
		}
	}
#endif
	for (; p < end && *p != '\n'; p++) {
		if (*p == '"')
			return false;
		if (*p != ',')
			continue;
		if (n < CSV_MAX_FIELDS)
			fields[n].n = (size_t)(p - fields[n].p);
		n++;
		if (n < CSV_MAX_FIELDS)
			fields[n].p = p + 1;
	}
line_end:
	/* p is at the '\n' or the end; drop a '\r' before it. */
	if (n < CSV_MAX_FIELDS) {
		const char *fe = p > start && p[-1] == '\r' ? p - 1 : p;

		fields[n].n = fe >= fields[n].p ? (size_t)(fe - fields[n].p) : 0;
	}
	n++;
	rd->pos = p < end ? (size_t)(p - d) + 1 : rd->len;
	*count = n;
	return true;
}

/*
 * Read the next record into fields (at most CSV_MAX_FIELDS; *count gets the
 * number found, which may exceed CSV_MAX_FIELDS).  Returns false at the end
 * of the data.  *first_line gets the record's first line number; quoted
 * fields may span lines.  An unterminated quote runs to the end.
 */
bool csv_next_record(struct csv_reader *rd, struct csv_field *fields, size_t *count,
			uint32_t *first_line, bool *bad_quote)
{
	const char *d = rd->data;
	size_t pos = rd->pos, n = 0;

	*bad_quote = false;
	if (pos >= rd->len)
		return false;
	*first_line = ++rd->line;
	if (fast_record(rd, fields, count))
		return true;
	/* Slow path: RFC 4180. */
	buf_reset(&rd->scratch);
	{
		size_t i = pos;
		size_t offsets[CSV_MAX_FIELDS], lengths[CSV_MAX_FIELDS];

		for (;;) {
			size_t start = rd->scratch.len;
			if (i < rd->len && d[i] == '"') {
				i++;
				for (;;) {
					if (i >= rd->len) {
						*bad_quote = true;
						break;
					}
					if (d[i] == '"') {
						if (i + 1 < rd->len && d[i + 1] == '"') {
							buf_addc(&rd->scratch, '"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (d[i] == '\n')
						rd->line++;
					buf_addc(&rd->scratch, d[i++]);
				}
				/* Anything after the closing quote up to the
				 * separator is kept (lenient, as Excel is). */
				while (i < rd->len && d[i] != ',' && d[i] != '\n' &&
				       !(d[i] == '\r' && i + 1 < rd->len &&
					 d[i + 1] == '\n'))
					buf_addc(&rd->scratch, d[i++]);
			} else {
				while (i < rd->len && d[i] != ',' && d[i] != '\n') {
					if (d[i] == '"')
						*bad_quote = true;
					buf_addc(&rd->scratch, d[i++]);
				}
				if (rd->scratch.len > start &&
				    rd->scratch.ptr[rd->scratch.len - 1] == '\r' &&
				    (i >= rd->len || d[i] == '\n'))
					buf_truncate(&rd->scratch, rd->scratch.len - 1);
			}
			if (n < CSV_MAX_FIELDS) {
				offsets[n] = start;
				lengths[n] = rd->scratch.len - start;
			}
			n++;
			if (i < rd->len && d[i] == '\r' && i + 1 < rd->len &&
			    d[i + 1] == '\n')
				i++;
			if (i >= rd->len || d[i] == '\n') {
				i++;
				break;
			}
			i++; /* the comma */
		}
		rd->pos = i > rd->len ? rd->len : i;
		for (size_t k = 0; k < n && k < CSV_MAX_FIELDS; k++) {
			fields[k].p = rd->scratch.ptr + offsets[k];
			fields[k].n = lengths[k];
		}
	}
	*count = n;
	return true;
}

