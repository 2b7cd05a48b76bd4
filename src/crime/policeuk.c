/*
 * policeuk.c: the police.uk file formats and the parser (see policeuk.h).
 *
 * The parser is written for speed on the common case (no quotes in a
 * line: fields are split with memchr) and falls back to full RFC 4180
 * reading (quoted fields, doubled quotes, line breaks inside quotes) for
 * a line that has a quote.  Strings are interned in per-column
 * dictionaries that first compare with the previous row's value, since
 * police.uk files repeat values row after row.
 */
#include <strings.h>

#include "base/csvread.h"
#include "base/text.h"
#include "policeuk.h"

/* ---------------------------------------------------------------------
 * The schemas
 */

static const struct pu_column street_columns[] = {
	{ "Crime ID", "crime_id", PU_CRIME_ID, PU_ROLE_NONE, NULL, false },
	{ "Month", "month", PU_MONTH, PU_ROLE_MONTH, NULL, true },
	{ "Reported by", "reported_by", PU_DICT, PU_ROLE_NONE, "force", false },
	{ "Falls within", "falls_within", PU_DICT, PU_ROLE_FORCE, "force", true },
	{ "Longitude", "longitude", PU_COORD, PU_ROLE_NONE, NULL, false },
	{ "Latitude", "latitude", PU_COORD, PU_ROLE_LATITUDE, NULL, false },
	{ "Location", "location", PU_DICT, PU_ROLE_LOCATION, "location", false },
	{ "LSOA code", "lsoa_code", PU_DICT, PU_ROLE_LSOA, "lsoa", false },
	{ "LSOA name", "lsoa_name", PU_DICT, PU_ROLE_LSOA_NAME, "lsoa_name", false },
	{ "Crime type", "crime_type", PU_DICT, PU_ROLE_TYPE, "crime_type", true },
	{ "Last outcome category", "outcome", PU_DICT, PU_ROLE_OUTCOME, "outcome",
	  false },
	{ "Context", "context", PU_DICT, PU_ROLE_NONE, "context", false },
};

static const struct pu_column outcome_columns[] = {
	{ "Crime ID", "crime_id", PU_CRIME_ID, PU_ROLE_NONE, NULL, true },
	{ "Month", "month", PU_MONTH, PU_ROLE_MONTH, NULL, true },
	{ "Reported by", "reported_by", PU_DICT, PU_ROLE_NONE, "force", false },
	{ "Falls within", "falls_within", PU_DICT, PU_ROLE_FORCE, "force", true },
	{ "Longitude", "longitude", PU_COORD, PU_ROLE_NONE, NULL, false },
	{ "Latitude", "latitude", PU_COORD, PU_ROLE_LATITUDE, NULL, false },
	{ "Location", "location", PU_DICT, PU_ROLE_LOCATION, "location", false },
	{ "LSOA code", "lsoa_code", PU_DICT, PU_ROLE_LSOA, "lsoa", false },
	{ "LSOA name", "lsoa_name", PU_DICT, PU_ROLE_LSOA_NAME, "lsoa_name", false },
	{ "Outcome type", "outcome", PU_DICT, PU_ROLE_OUTCOME, "outcome", true },
};

static const struct pu_column search_columns[] = {
	{ "Type", "search_type", PU_DICT, PU_ROLE_TYPE, "search_type", true },
	{ "Date", "date", PU_DATETIME, PU_ROLE_DATE, NULL, true },
	{ "Part of a policing operation", "part_of_operation", PU_FLAG,
	  PU_ROLE_NONE, NULL, false },
	{ "Policing operation", "operation", PU_DICT, PU_ROLE_NONE, "operation",
	  false },
	{ "Latitude", "latitude", PU_COORD, PU_ROLE_LATITUDE, NULL, false },
	{ "Longitude", "longitude", PU_COORD, PU_ROLE_NONE, NULL, false },
	{ "Gender", "gender", PU_DICT, PU_ROLE_NONE, "gender", false },
	{ "Age range", "age_range", PU_DICT, PU_ROLE_NONE, "age_range", false },
	{ "Self-defined ethnicity", "self_defined_ethnicity", PU_DICT,
	  PU_ROLE_NONE, "ethnicity", false },
	{ "Officer-defined ethnicity", "officer_defined_ethnicity", PU_DICT,
	  PU_ROLE_NONE, "ethnicity", false },
	{ "Legislation", "legislation", PU_DICT, PU_ROLE_NONE, "legislation",
	  false },
	{ "Object of search", "object_of_search", PU_DICT, PU_ROLE_NONE,
	  "object_of_search", false },
	{ "Outcome", "outcome", PU_DICT, PU_ROLE_OUTCOME, "search_outcome", false },
	{ "Outcome linked to object of search", "outcome_linked", PU_FLAG,
	  PU_ROLE_NONE, NULL, false },
	{ "Removal of more than just outer clothing", "outer_clothing_removed",
	  PU_FLAG, PU_ROLE_NONE, NULL, false },
};

const struct pu_schema pu_schemas[PU_KINDS] = {
	[PU_STREET] = { PU_STREET, "street", "a street-level crime",
			street_columns, ARRAY_SIZE(street_columns) },
	[PU_OUTCOMES] = { PU_OUTCOMES, "outcomes", "an outcomes", outcome_columns,
			  ARRAY_SIZE(outcome_columns) },
	[PU_STOP_SEARCH] = { PU_STOP_SEARCH, "stop_search", "a stop and search",
			     search_columns, ARRAY_SIZE(search_columns) },
};

/* The 43 territorial forces of England and Wales (and the British
 * Transport Police and the PSNI, which police.uk also publishes), by the
 * slug police.uk puts in file names. */
static const struct {
	const char *slug, *name;
} forces[] = {
	{ "avon-and-somerset", "Avon and Somerset Constabulary" },
	{ "bedfordshire", "Bedfordshire Police" },
	{ "btp", "British Transport Police" },
	{ "cambridgeshire", "Cambridgeshire Constabulary" },
	{ "cheshire", "Cheshire Constabulary" },
	{ "city-of-london", "City of London Police" },
	{ "cleveland", "Cleveland Police" },
	{ "cumbria", "Cumbria Constabulary" },
	{ "derbyshire", "Derbyshire Constabulary" },
	{ "devon-and-cornwall", "Devon & Cornwall Police" },
	{ "dorset", "Dorset Police" },
	{ "durham", "Durham Constabulary" },
	{ "dyfed-powys", "Dyfed-Powys Police" },
	{ "essex", "Essex Police" },
	{ "gloucestershire", "Gloucestershire Constabulary" },
	{ "greater-manchester", "Greater Manchester Police" },
	{ "gwent", "Gwent Police" },
	{ "hampshire", "Hampshire Constabulary" },
	{ "hertfordshire", "Hertfordshire Constabulary" },
	{ "humberside", "Humberside Police" },
	{ "kent", "Kent Police" },
	{ "lancashire", "Lancashire Constabulary" },
	{ "leicestershire", "Leicestershire Police" },
	{ "lincolnshire", "Lincolnshire Police" },
	{ "merseyside", "Merseyside Police" },
	{ "metropolitan", "Metropolitan Police Service" },
	{ "norfolk", "Norfolk Constabulary" },
	{ "north-wales", "North Wales Police" },
	{ "north-yorkshire", "North Yorkshire Police" },
	{ "northamptonshire", "Northamptonshire Police" },
	{ "northern-ireland", "Police Service of Northern Ireland" },
	{ "northumbria", "Northumbria Police" },
	{ "nottinghamshire", "Nottinghamshire Police" },
	{ "south-wales", "South Wales Police" },
	{ "south-yorkshire", "South Yorkshire Police" },
	{ "staffordshire", "Staffordshire Police" },
	{ "suffolk", "Suffolk Constabulary" },
	{ "surrey", "Surrey Police" },
	{ "sussex", "Sussex Police" },
	{ "thames-valley", "Thames Valley Police" },
	{ "warwickshire", "Warwickshire Police" },
	{ "west-mercia", "West Mercia Police" },
	{ "west-midlands", "West Midlands Police" },
	{ "west-yorkshire", "West Yorkshire Police" },
	{ "wiltshire", "Wiltshire Police" },
};

const char *pu_force_from_filename(const char *name)
{
	const char *base = name;
	size_t best = 0;
	const char *found = NULL;

	/* The last part of a path, or of a file of a zip ("x.zip:entry"). */
	for (const char *s = name; *s; s++)
		if (*s == '/' || *s == ':')
			base = s + 1;
	/* "YYYY-MM-<slug>-<kind>.csv": the slug follows the month. */
	if (strlen(base) < 9 || pu_month_parse(base, 7) < 0 || base[7] != '-')
		return NULL;
	base += 8;
	for (size_t i = 0; i < ARRAY_SIZE(forces); i++) {
		size_t n = strlen(forces[i].slug);

		if (strncmp(base, forces[i].slug, n) == 0 && base[n] == '-' &&
		    n > best) {
			best = n;
			found = forces[i].name;
		}
	}
	return found;
}

/* ---------------------------------------------------------------------
 * Dictionaries
 */

/* A fast hash of short strings: eight bytes at a time, each word mixed
 * by a multiply (the strings are names and codes, not hostile input to a
 * long-lived table: a file's dictionaries live for one parse). */
static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ n;

	while (n >= 8) {
		uint64_t w;

		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	if (n) {
		uint64_t w = 0;

		memcpy(&w, s, n);
		h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	}
	return h ^ (h >> 29);
}

static void dict_grow(struct pu_dict *d)
{
	uint32_t n_slots = d->n_slots ? d->n_slots * 2 : 64;
	uint32_t *slots = xcalloc(n_slots, sizeof(*slots));

	for (uint32_t i = 0; i < d->n; i++) {
		uint64_t h = hash_bytes(d->values[i], d->lengths[i]);
		uint32_t j = (uint32_t)h & (n_slots - 1);

		while (slots[j])
			j = (j + 1) & (n_slots - 1);
		slots[j] = i + 1;
	}
	free(d->slots);
	d->slots = slots;
	d->n_slots = n_slots;
}

uint32_t pu_dict_find(const struct pu_dict *d, const char *s, size_t len)
{
	uint32_t j;

	if (!d->n_slots)
		return UINT32_MAX;
	for (j = (uint32_t)hash_bytes(s, len) & (d->n_slots - 1); d->slots[j];
	     j = (j + 1) & (d->n_slots - 1)) {
		uint32_t k = d->slots[j] - 1;

		if (d->lengths[k] == len && memcmp(d->values[k], s, len) == 0)
			return k;
	}
	return UINT32_MAX;
}

uint32_t pu_dict_intern(struct pu_dict *d, struct arena *a, const char *s,
			size_t len)
{
	uint64_t h;
	uint32_t j;

	if ((d->n + 1) * 2 > d->n_slots)
		dict_grow(d);
	h = hash_bytes(s, len);
	j = (uint32_t)h & (d->n_slots - 1);
	while (d->slots[j]) {
		uint32_t k = d->slots[j] - 1;

		if (d->lengths[k] == len && memcmp(d->values[k], s, len) == 0)
			return k;
		j = (j + 1) & (d->n_slots - 1);
	}
	if (d->n == d->cap) {
		uint32_t cap = d->cap ? d->cap * 2 : 64;
		const char **values = arena_array(a, cap, sizeof(*values));
		uint32_t *lengths = arena_array(a, cap, sizeof(*lengths));

		if (d->n) {
			memcpy(values, d->values, d->n * sizeof(*values));
			memcpy(lengths, d->lengths, d->n * sizeof(*lengths));
		}
		d->values = values;
		d->lengths = lengths;
		d->cap = cap;
	}
	d->lengths[d->n] = (uint32_t)len;
	d->values[d->n] = arena_strndup(a, s, len);
	d->slots[j] = d->n + 1;
	return d->n++;
}

/* ---------------------------------------------------------------------
 * Values
 */

int pu_month_parse(const char *s, size_t len)
{
	int y = 0, m = 0;

	if (len != 7 || s[4] != '-')
		return -1;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	for (int i = 5; i < 7; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		m = m * 10 + (s[i] - '0');
	}
	if (y < 1900 || y > 2199 || m < 1 || m > 12)
		return -1;
	return y * 12 + m - 1;
}

void pu_month_format(int month, char out[8])
{
	if (month < 0)
		month = 0;
	unsigned y = (unsigned)(month / 12) % 10000, m = (unsigned)(month % 12) + 1;

	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '\0';
}

/* Decimal degrees "-2.747770" into microdegrees; false if not a number
 * or outside [-limit, limit]. */
static bool parse_coord(const char *s, size_t n, int limit, int32_t *out)
{
	size_t i = 0;
	bool neg = false;
	int64_t whole = 0, frac = 0;
	int digits = 0, fd = 0;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	while (i < n && s[i] >= '0' && s[i] <= '9' && digits < 4) {
		whole = whole * 10 + (s[i++] - '0');
		digits++;
	}
	if (!digits)
		return false;
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			if (fd < 6)
				frac = frac * 10 + (s[i] - '0');
			else if (fd == 6 && s[i] >= '5')
				frac++; /* round the seventh digit */
			fd++;
			i++;
		}
		if (!fd)
			return false;
		for (; fd < 6; fd++)
			frac *= 10;
	}
	if (i != n || whole > limit || (whole == limit && frac > 0))
		return false;
	*out = (int32_t)((neg ? -1 : 1) * (whole * 1000000 + frac));
	return true;
}

/* Hex digit values, -1 for other bytes. */
static const signed char hexval[256] = {
	['0'] = 0 + 1, ['1'] = 1 + 1, ['2'] = 2 + 1, ['3'] = 3 + 1,
	['4'] = 4 + 1, ['5'] = 5 + 1, ['6'] = 6 + 1, ['7'] = 7 + 1,
	['8'] = 8 + 1, ['9'] = 9 + 1, ['a'] = 10 + 1, ['b'] = 11 + 1,
	['c'] = 12 + 1, ['d'] = 13 + 1, ['e'] = 14 + 1, ['f'] = 15 + 1,
	['A'] = 10 + 1, ['B'] = 11 + 1, ['C'] = 12 + 1, ['D'] = 13 + 1,
	['E'] = 14 + 1, ['F'] = 15 + 1,
};
#define HEX(c) (hexval[(unsigned char)(c)] - 1) /* -1 if not a digit */

static int64_t days_from_civil(int64_t y, int m, int d)
{
	/* Howard Hinnant's algorithm: days since 1970-01-01. */
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* Read n digits at s into *v. */
static bool digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

/* "2018-07-31T23:45:00+00:00" (or ...Z, or no seconds) into seconds
 * since 1970 in UTC. */
static bool parse_datetime(const char *s, size_t n, int64_t *out)
{
	int y, mo, d, h, mi, sec = 0, oh = 0, om = 0, sign = 1;
	size_t i;

	if (n < 16 || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) ||
	    s[7] != '-' || !digits(s + 8, 2, &d) || (s[10] != 'T' && s[10] != ' ') ||
	    !digits(s + 11, 2, &h) || s[13] != ':' || !digits(s + 14, 2, &mi))
		return false;
	i = 16;
	if (i < n && s[i] == ':') {
		if (i + 3 > n || !digits(s + i + 1, 2, &sec))
			return false;
		i += 3;
		if (i < n && s[i] == '.') /* fractions of a second */
			for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
				;
	}
	if (i < n && s[i] == 'Z') {
		i++;
	} else if (i < n && (s[i] == '+' || s[i] == '-')) {
		sign = s[i] == '-' ? -1 : 1;
		if (i + 6 > n || !digits(s + i + 1, 2, &oh) || s[i + 3] != ':' ||
		    !digits(s + i + 4, 2, &om))
			return false;
		i += 6;
	}
	if (i != n || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    sec > 60)
		return false;
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
	       sign * (oh * 3600 + om * 60);
	return true;
}

/* The month (12 * year + month - 1) of a day counted from 1970-01-01
 * (Howard Hinnant's civil_from_days). */
static int month_of_day(int64_t days)
{
	int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);

	y += m <= 2;
	return (int)(y * 12 + m - 1);
}

static int64_t day_of(int64_t t)
{
	return t / 86400 - (t % 86400 < 0);
}

/* The last Sunday of a month with 31 days (1970-01-01 was a Thursday). */
static int64_t last_sunday(int64_t year, int month)
{
	int64_t d = days_from_civil(year, month, 31);

	return d - ((d % 7 + 7 + 4) % 7);
}

/* The UK month (Europe/London) of an instant: British Summer Time runs
 * from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October.  police.uk files a search under its local month. */
static int uk_month(int64_t t)
{
	int64_t year = month_of_day(day_of(t)) / 12;

	if (t >= last_sunday(year, 3) * 86400 + 3600 &&
	    t < last_sunday(year, 10) * 86400 + 3600)
		t += 3600;
	return month_of_day(day_of(t));
}

/* ---------------------------------------------------------------------
 * Header detection
 */

const struct pu_schema *pu_detect(const char *header, size_t len,
				  const char *name, struct err *e)
{
	struct csv_reader rd;
	struct csv_field f[CSV_MAX_FIELDS];
	size_t n = 0, best_missing = SIZE_MAX;
	uint32_t line;
	bool bad;
	const struct pu_schema *best = NULL;
	struct buf missing = BUF_INIT;

	csv_reader_init(&rd, header, len);
	if (!csv_next_record(&rd, f, &n, &line, &bad))
		n = 0;
	for (int k = 0; k < PU_KINDS; k++) {
		const struct pu_schema *s = &pu_schemas[k];
		size_t miss = 0;

		for (size_t c = 0; c < s->n_columns; c++) {
			bool found = false;

			for (size_t i = 0; i < n && i < CSV_MAX_FIELDS; i++)
				if (f[i].n == strlen(s->columns[c].header) &&
				    memcmp(f[i].p, s->columns[c].header, f[i].n) == 0)
					found = true;
			miss += !found;
		}
		if (miss < best_missing) {
			best_missing = miss;
			best = s;
		}
	}
	if (best_missing == 0) {
		csv_reader_release(&rd);
		return best;
	}
	if (best_missing == best->n_columns) {
		err_set(e, ERR_INVALID, NULL,
			"%s:1: not a police.uk file: its header has none of the "
			"columns of a street-level crime, outcomes or stop and "
			"search file (such as 'Crime ID', 'Month', 'Crime type' or "
			"'Date')",
			name);
		csv_reader_release(&rd);
		return NULL;
	}
	for (size_t c = 0; c < best->n_columns; c++) {
		bool found = false;

		for (size_t i = 0; i < n && i < CSV_MAX_FIELDS; i++)
			if (f[i].n == strlen(best->columns[c].header) &&
			    memcmp(f[i].p, best->columns[c].header, f[i].n) == 0)
				found = true;
		if (!found)
			buf_printf(&missing, "%s'%s'", missing.len ? ", " : "",
				   best->columns[c].header);
	}
	err_set(e, ERR_INVALID, NULL,
		"%s:1: not a police.uk file: the header lacks %s (the columns "
		"of %s file)",
		name, missing.ptr, best->label);
	buf_release(&missing);
	csv_reader_release(&rd);
	return NULL;
}

/* ---------------------------------------------------------------------
 * Parsing
 */

static void grow_rows(struct pu_file *f, size_t hint)
{
	size_t cap = f->cap ? f->cap * 2 : hint > 1024 ? hint : 1024;

#define GROW(p) \
	do { \
		void *q = xrealloc((p), cap * sizeof(*(p))); \
		(p) = q; \
	} while (0)
	GROW(f->line);
	GROW(f->month);
	for (size_t c = 0; c < f->schema->n_columns; c++) {
		struct pu_values *v = &f->cols[c];

		switch (f->schema->columns[c].type) {
		case PU_DICT:
		case PU_MONTH: GROW(v->ids); break;
		case PU_CRIME_ID:
			v->hex = xrealloc(v->hex, cap * 32);
			break;
		case PU_COORD: GROW(v->coords); break;
		case PU_DATETIME: GROW(v->times); break;
		case PU_FLAG: GROW(v->flags); break;
		}
	}
#undef GROW
	f->cap = cap;
}

/* Check and store field k (schema column c) of row r; on a bad value
 * fill e and return -1. */
static int put_value(struct pu_file *f, size_t c, size_t r,
		     const struct csv_field *fl, uint32_t line, const char **last,
		     size_t *last_n, uint32_t *last_id, struct err *e)
{
	const struct pu_column *col = &f->schema->columns[c];
	struct pu_values *v = &f->cols[c];
	const char *s = fl->p;
	size_t n = fl->n;

	if (!n && col->required)
		return err_set(e, ERR_INVALID, col->header,
			       "%s:%u: field '%s': must not be blank", f->name,
			       line, col->header);
	switch (col->type) {
	case PU_DICT:
		if (*last && *last_n == n && memcmp(*last, s, n) == 0) {
			v->ids[r] = *last_id;
			return 0;
		}
		/* A new string is checked once, when first seen. */
		if ((v->ids[r] = pu_dict_find(&v->dict, s, n)) == UINT32_MAX) {
			if (!utf8_valid(s, n))
				return err_set(e, ERR_INVALID, col->header,
					       "%s:%u: field '%s': not valid UTF-8 "
					       "text",
					       f->name, line, col->header);
			v->ids[r] = pu_dict_intern(&v->dict, &f->arena, s, n);
		}
		*last = v->dict.values[v->ids[r]];
		*last_n = n;
		*last_id = v->ids[r];
		return 0;
	case PU_MONTH: {
		int m = pu_month_parse(s, n);

		if (m < 0)
			return err_set(e, ERR_INVALID, col->header,
				       "%s:%u: field '%s': '%.*s' is not a month "
				       "written YYYY-MM",
				       f->name, line, col->header,
				       (int)(n > 40 ? 40 : n), s);
		v->ids[r] = (uint32_t)m;
		if (col->role == PU_ROLE_MONTH)
			f->month[r] = m;
		return 0;
	}
	case PU_CRIME_ID: {
		unsigned char *out = v->hex + r * 32;

		if (!n) {
			memset(out, 0, 32);
			return 0;
		}
		if (n != 64)
			goto bad_id;
		{
			int bad = 0;

			for (int i = 0; i < 32; i++) {
				int hi = HEX(s[2 * i]), lo = HEX(s[2 * i + 1]);

				bad |= hi | lo;
				out[i] = (unsigned char)(hi * 16 + lo);
			}
			if (bad < 0)
				goto bad_id;
		}
		return 0;
bad_id:
		return err_set(e, ERR_INVALID, col->header,
			       "%s:%u: field '%s': '%.*s' is not 64 hexadecimal "
			       "digits",
			       f->name, line, col->header, (int)(n > 70 ? 70 : n), s);
	}
	case PU_COORD: {
		int limit = col->role == PU_ROLE_LATITUDE ? 90 : 180;

		if (!n) {
			v->coords[r] = PU_BLANK_COORD;
			return 0;
		}
		if (!parse_coord(s, n, limit, &v->coords[r]))
			return err_set(e, ERR_INVALID, col->header,
				       "%s:%u: field '%s': '%.*s' is not a %s in "
				       "degrees",
				       f->name, line, col->header,
				       (int)(n > 40 ? 40 : n), s, col->name);
		return 0;
	}
	case PU_DATETIME:
		if (!n) {
			v->times[r] = PU_BLANK_TIME;
			return 0;
		}
		if (!parse_datetime(s, n, &v->times[r]))
			return err_set(e, ERR_INVALID, col->header,
				       "%s:%u: field '%s': '%.*s' is not a date and "
				       "time like 2018-08-01T09:30:00+00:00",
				       f->name, line, col->header,
				       (int)(n > 40 ? 40 : n), s);
		if (col->role == PU_ROLE_DATE)
			f->month[r] = uk_month(v->times[r]);
		return 0;
	case PU_FLAG:
		if (!n)
			v->flags[r] = -1;
		else if ((n == 4 && strncasecmp(s, "true", 4) == 0))
			v->flags[r] = 1;
		else if (n == 5 && strncasecmp(s, "false", 5) == 0)
			v->flags[r] = 0;
		else
			return err_set(e, ERR_INVALID, col->header,
				       "%s:%u: field '%s': '%.*s' is not True or "
				       "False",
				       f->name, line, col->header,
				       (int)(n > 40 ? 40 : n), s);
		return 0;
	}
	BUG("unknown column type %d", (int)col->type);
}

int pu_parse(struct pu_file *f, const char *name, const char *data,
	     size_t len, bool skip_bad_rows, struct err *e)
{
	struct csv_reader rd;
	struct csv_field fields[CSV_MAX_FIELDS];
	size_t map[16]; /* schema column -> field position */
	size_t n, n_header;
	uint32_t line;
	bool bad_quote;
	const char *last[16] = { 0 };
	size_t last_n[16] = { 0 };
	uint32_t last_id[16] = { 0 };
	const char *eol;
	int rc = -1;

	f->name = arena_strdup(&f->arena, name);
	csv_reader_init(&rd, data, len);
	eol = memchr(data + rd.pos, '\n', len - rd.pos);
	{
		size_t hl = (eol ? (size_t)(eol - data) : len) - rd.pos;

		if (hl && data[rd.pos + hl - 1] == '\r')
			hl--;
		f->schema = pu_detect(data + rd.pos, hl, name, e);
		if (!f->schema)
			goto out;
	}
	if (!csv_next_record(&rd, fields, &n_header, &line, &bad_quote))
		goto out;
	/* The header record (which quotes may carry past its first line)
	 * must have every column the schema named. */
	for (size_t c = 0; c < f->schema->n_columns; c++) {
		map[c] = SIZE_MAX;
		for (size_t i = 0; i < n_header && i < CSV_MAX_FIELDS; i++)
			if (fields[i].n == strlen(f->schema->columns[c].header) &&
			    memcmp(fields[i].p, f->schema->columns[c].header,
				   fields[i].n) == 0)
				map[c] = i;
		if (map[c] == SIZE_MAX || bad_quote) {
			err_set(e, ERR_INVALID, NULL,
				"%s:1: not a police.uk file: the header lacks '%s'",
				name, f->schema->columns[c].header);
			goto out;
		}
	}
	while (csv_next_record(&rd, fields, &n, &line, &bad_quote)) {
		size_t r = f->n_rows;
		struct err row; /* only .code is set until something fails */

		if (n == 1 && fields[0].n == 0)
			continue; /* a blank line */
		/* About 200 bytes a row: room for most files at once. */
		if (f->n_rows == f->cap)
			grow_rows(f, len / 180 + 16);
		f->line[r] = line;
		f->month[r] = -1;
		row.code = ERR_OK;
		if (bad_quote) {
			err_set(&row, ERR_INVALID, NULL,
				"%s:%u: a quote is not closed or is inside a field "
				"that does not start with one",
				name, line);
		} else if (n != n_header) {
			err_set(&row, ERR_INVALID, NULL,
				"%s:%u: expected %zu fields, found %zu", name, line,
				n_header, n);
		} else {
			for (size_t c = 0; c < f->schema->n_columns; c++)
				if (put_value(f, c, r, &fields[map[c]], line, &last[c],
					      &last_n[c], &last_id[c], &row) < 0)
					break;
		}
		if (row.code == ERR_OK) {
			f->n_rows++;
			continue;
		}
		if (!skip_bad_rows) {
			*e = row;
			goto out;
		}
		if (f->n_skipped < 1000) {
			f->skipped = xrealloc(f->skipped,
					      (f->n_skipped + 1) * sizeof(*f->skipped));
			f->skipped[f->n_skipped] = arena_strdup(&f->arena, row.msg);
		}
		f->n_skipped++;
	}
	rc = 0;
out:
	csv_reader_release(&rd);
	return rc;
}

void pu_file_release(struct pu_file *f)
{
	free(f->line);
	free(f->month);
	for (size_t c = 0; c < ARRAY_SIZE(f->cols); c++) {
		free(f->cols[c].ids);
		free(f->cols[c].hex);
		free(f->cols[c].coords);
		free(f->cols[c].times);
		free(f->cols[c].flags);
		free(f->cols[c].dict.slots);
	}
	free(f->skipped);
	arena_release(&f->arena);
	memset(f, 0, sizeof(*f));
}
