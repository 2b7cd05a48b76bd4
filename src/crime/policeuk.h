/*
 * policeuk.h: reading police.uk files.
 *
 * police.uk publishes three kinds of CSV, told apart by their header:
 * street-level crime (crime and anti-social behaviour), outcomes, and
 * stop and search.  A schema describes each kind's columns and how each
 * is kept: as a dictionary id (most text), a crime id (64 hex digits
 * kept as 32 bytes), a coordinate (microdegrees), a month, a date and
 * time, or a flag.
 *
 * policeuk_parse() reads one file (already in memory) into a struct
 * pu_file: its rows as columns, strings as ids of the file's own small
 * dictionaries (a struct pu_dict per column), with each row's line
 * number.  It is pure: no I/O, no store, safe to run in several threads
 * at once on different files.  Errors name the file, the line and the
 * field: "2020-05-merseyside-street.csv:12: field 'Month': ...".
 */
#ifndef SAFER_POLICEUK_H
#define SAFER_POLICEUK_H

#include "base/arena.h"
#include "base/err.h"

enum pu_kind { PU_STREET, PU_OUTCOMES, PU_STOP_SEARCH, PU_KINDS };

enum pu_coltype {
	PU_DICT,     /* text kept as an id in a dictionary */
	PU_CRIME_ID, /* 64 hexadecimal digits or blank */
	PU_COORD,    /* decimal degrees or blank -> int32 microdegrees */
	PU_MONTH,    /* YYYY-MM -> months since 0000-01 */
	PU_DATETIME, /* ISO 8601 with offset -> seconds since 1970 */
	PU_FLAG,     /* True, False or blank -> 1, 0, -1 */
};

/* The role a column plays for safer, beyond keeping it. */
enum pu_role {
	PU_ROLE_NONE,
	PU_ROLE_MONTH,   /* the month the row belongs to */
	PU_ROLE_FORCE,   /* the force whose data it is ("Falls within") */
	PU_ROLE_LSOA,    /* LSOA code */
	PU_ROLE_LSOA_NAME,
	PU_ROLE_TYPE,    /* crime type / search type */
	PU_ROLE_OUTCOME, /* last outcome / outcome type / search outcome */
	PU_ROLE_DATE,    /* stop and search: when (month derived from it) */
	PU_ROLE_LOCATION,
	PU_ROLE_LATITUDE, /* a coordinate within 90 degrees, not 180 */
};

struct pu_column {
	const char *header;   /* as police.uk writes it */
	const char *name;     /* safer's name: "crime_id", "lsoa_code", ... */
	enum pu_coltype type;
	enum pu_role role;
	const char *domain;   /* dictionary domain for PU_DICT columns */
	bool required;        /* a blank value is an error */
};

struct pu_schema {
	enum pu_kind kind;
	const char *name;     /* "street", "outcomes", "stop_search" */
	const char *label;    /* "a street-level crime" (file) */
	const struct pu_column *columns;
	size_t n_columns;
};

extern const struct pu_schema pu_schemas[PU_KINDS];

/* A small dictionary of one column of one file: strings -> 0..n-1. */
struct pu_dict {
	const char **values; /* n strings in the file's arena */
	uint32_t *lengths;   /* their lengths */
	uint32_t n, cap;
	uint32_t *slots;     /* open addressing: index + 1, 0 = empty */
	uint32_t n_slots;    /* a power of two */
};

/* The id of s[0..len) in d, or UINT32_MAX if it is not there. */
uint32_t pu_dict_find(const struct pu_dict *d, const char *s, size_t len);

/* Intern s[0..len) in d (strings copied into the arena). */
uint32_t pu_dict_intern(struct pu_dict *d, struct arena *a, const char *s,
			size_t len);

/* One column of a parsed file. */
struct pu_values {
	uint32_t *ids;       /* PU_DICT, PU_MONTH: per row */
	unsigned char *hex;  /* PU_CRIME_ID: 32 bytes a row, all 0 = blank */
	int32_t *coords;     /* PU_COORD: microdegrees, INT32_MIN = blank */
	int64_t *times;      /* PU_DATETIME: seconds, INT64_MIN = blank */
	int8_t *flags;       /* PU_FLAG */
	struct pu_dict dict; /* PU_DICT only */
};

struct pu_file {
	struct arena arena;           /* everything below lives here */
	const char *name;             /* for messages */
	const struct pu_schema *schema;
	size_t n_rows;
	size_t cap;
	uint32_t *line;               /* each row's line in the file */
	int32_t *month;               /* each row's month (months since 0000-01) */
	struct pu_values cols[16];    /* per schema column */
	size_t n_skipped;             /* rows skipped with skip_bad_rows */
	char **skipped;               /* their messages */
};

#define PU_BLANK_COORD INT32_MIN
#define PU_BLANK_TIME INT64_MIN

/* Which schema a header line (without its line ending) is; NULL with e
 * naming the missing columns if it is none of them. */
const struct pu_schema *pu_detect(const char *header, size_t len,
				  const char *name, struct err *e);

/* Parse the CSV text data[0..len) of the file called name into f, which
 * must be zeroed.  A UTF-8 byte order mark, CRLF or LF line endings and
 * RFC 4180 quoting are accepted.  With skip_bad_rows, a bad row is left
 * out and its message kept in f->skipped (at most 1000 kept); otherwise
 * the first bad row fails the file.  Returns -1 with e set; f must then
 * still be released with pu_file_release. */
int pu_parse(struct pu_file *f, const char *name, const char *data,
	     size_t len, bool skip_bad_rows, struct err *e);

void pu_file_release(struct pu_file *f);

/* The force a police.uk file name belongs to, from its slug:
 * "2018-01-greater-manchester-stop-and-search.csv" -> "Greater Manchester
 * Police".  The name may be a path, or a file of a zip
 * ("download.zip:2018-01-...").  NULL if it has no known force slug. */
const char *pu_force_from_filename(const char *name);

/* Months as one number: 12 * year + (month - 1), and back. */
int pu_month_parse(const char *s, size_t len);
void pu_month_format(int month, char out[8]);

#endif
