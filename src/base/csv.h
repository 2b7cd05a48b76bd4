/*
 * csv.h: writing CSV (RFC 4180) for spreadsheets.
 *
 * Fields holding commas, quotes or line breaks are quoted, quotes
 * doubled; rows end with CRLF.  Text cells that a spreadsheet would run
 * as a formula (starting with = + - @, tab or carriage return) get a
 * leading apostrophe, the OWASP advice against CSV injection: analysts
 * open these files in Excel.  Numbers are written as numbers.
 */
#ifndef SAFER_CSV_H
#define SAFER_CSV_H

#include "buf.h"

struct csv {
	struct buf *b;
	bool first; /* no field written yet on this row */
};

void csv_init(struct csv *c, struct buf *b);
void csv_text(struct csv *c, const char *s); /* NULL writes an empty cell */
void csv_int(struct csv *c, int64_t v);
void csv_num(struct csv *c, double v);      /* shortest exact form */
void csv_pounds(struct csv *c, int64_t pence); /* "1250.50", no symbol */
void csv_empty(struct csv *c);
void csv_end_row(struct csv *c);

#endif
