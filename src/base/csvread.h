/*
 * csvread.h: reading CSV (RFC 4180) from memory, fast.
 *
 * A struct csv_reader walks a buffer record by record.  A record without
 * quotes is split where it lies (fields point into the data); a record
 * with quotes is unquoted into the reader's scratch buffer (fields point
 * there, valid until the next record).  Quoted fields may hold commas,
 * doubled quotes and line breaks.  CRLF and LF line endings are both
 * read; a UTF-8 byte order mark is the caller's to skip.
 */
#ifndef SAFER_CSVREAD_H
#define SAFER_CSVREAD_H

#include "buf.h"

#define CSV_MAX_FIELDS 64

struct csv_field {
	const char *p;
	size_t n;
};

struct csv_reader {
	const char *data;
	size_t len, pos;
	uint32_t line;       /* physical lines read so far */
	struct buf scratch;  /* unquoted copies of quoted fields */
};

/* Start reading data[0..len) (skipping a UTF-8 byte order mark). */
void csv_reader_init(struct csv_reader *rd, const char *data, size_t len);
void csv_reader_release(struct csv_reader *rd);

/*
 * Read the next record into fields (at most CSV_MAX_FIELDS are stored;
 * *count gets the number found, which may be more).  Returns false at the
 * end of the data.  *first_line gets the record's first line number.
 * *bad_quote is set if a quote is unclosed or appears inside a field that
 * does not start with one.
 */
bool csv_next_record(struct csv_reader *rd, struct csv_field *fields,
		     size_t *count, uint32_t *first_line, bool *bad_quote);

/* Is field f exactly the text s? */
bool csv_field_is(const struct csv_field *f, const char *s);

#endif
