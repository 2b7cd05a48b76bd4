/*
 * geography.c: importing an LSOA lookup (see ingest.h and
 * docs/geography.md).
 *
 * The header decides which fields a file gives.  safer's own names
 * (lsoa_code, lsoa_name, ward_code, ward_name, la_code, la_name, force,
 * population, households, vintage) are understood, and so are the names
 * ONS and police.uk files use: lsoa11cd, lsoa21nm, wd17cd, wd22nm,
 * lad22cd, lad19nm, pfa20nm, "LSOA Code", "All Ages", ...  Where a file
 * has two columns for one field (ONS population files give the local
 * authority on 2019 and on 2020 boundaries), the last one wins.
 */
#include <ctype.h>
#include <errno.h>
#include <strings.h>

#include "base/csvread.h"
#include "base/sha256.h"
#include "base/text.h"
#include "ingest.h"
#include "store/store_crime.h"
#include "store/store_import.h"

enum geo_field {
	G_LSOA_CODE, G_LSOA_NAME, G_WARD_CODE, G_WARD_NAME, G_LA_CODE,
	G_LA_NAME, G_FORCE, G_POPULATION, G_HOUSEHOLDS, G_VINTAGE, G_FIELDS,
};

static const char *const field_names[G_FIELDS] = {
	"lsoa_code", "lsoa_name", "ward_code", "ward_name", "la_code",
	"la_name", "force", "population", "households", "vintage",
};

/* Lower-case s, dropping anything that is not a letter or digit:
 * "LSOA Code" -> "lsoacode". */
static void squash(const char *s, size_t n, char *out, size_t size)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < size; i++)
		if (isalnum((unsigned char)s[i]))
			out[k++] = (char)tolower((unsigned char)s[i]);
	out[k] = '\0';
}

/* "lad22cd": a prefix, two digits, a suffix. */
static bool coded(const char *h, const char *prefix, const char *suffix,
		  int *year)
{
	size_t n = strlen(prefix);

	if (strncmp(h, prefix, n) != 0 || !isdigit((unsigned char)h[n]) ||
	    !isdigit((unsigned char)h[n + 1]) || strcmp(h + n + 2, suffix) != 0)
		return false;
	if (year)
		*year = 2000 + (h[n] - '0') * 10 + (h[n + 1] - '0');
	return true;
}

/* Which field a header names, or -1; *vintage gets 2011 or 2021 for an
 * LSOA code column that says. */
static int field_of(const char *header, size_t n, int *vintage)
{
	char h[80];
	int year = 0;

	squash(header, n, h, sizeof(h));
	if (!strcmp(h, "lsoacode") || !strcmp(h, "lsoa") || coded(h, "lsoa", "cd", &year) ||
	    !strcmp(h, "lsoacode2011") || !strcmp(h, "lsoacode2021")) {
		if (year)
			*vintage = year;
		else if (strstr(h, "2011"))
			*vintage = 2011;
		else if (strstr(h, "2021"))
			*vintage = 2021;
		return G_LSOA_CODE;
	}
	if (!strcmp(h, "lsoaname") || coded(h, "lsoa", "nm", NULL) ||
	    !strcmp(h, "lsoaname2011") || !strcmp(h, "lsoaname2021"))
		return G_LSOA_NAME;
	if (!strcmp(h, "wardcode") || coded(h, "wd", "cd", NULL))
		return G_WARD_CODE;
	if (!strcmp(h, "wardname") || !strcmp(h, "ward") || coded(h, "wd", "nm", NULL))
		return G_WARD_NAME;
	if (!strcmp(h, "lacode") || !strcmp(h, "ladcode") ||
	    coded(h, "lad", "cd", NULL) || !strncmp(h, "lacode", 6) ||
	    !strncmp(h, "localauthoritydistrictcode", 26) ||
	    !strcmp(h, "districtcode"))
		return G_LA_CODE;
	if (!strcmp(h, "laname") || !strcmp(h, "ladname") ||
	    coded(h, "lad", "nm", NULL) || !strncmp(h, "laname", 6) ||
	    !strncmp(h, "localauthoritydistrictname", 26) ||
	    !strcmp(h, "district") || !strcmp(h, "localauthority"))
		return G_LA_NAME;
	if (!strcmp(h, "force") || !strcmp(h, "policeforce") ||
	    coded(h, "pfa", "nm", NULL))
		return G_FORCE;
	if (!strcmp(h, "population") || !strcmp(h, "allages") ||
	    !strcmp(h, "pop") || !strcmp(h, "residents"))
		return G_POPULATION;
	if (!strcmp(h, "households"))
		return G_HOUSEHOLDS;
	if (!strcmp(h, "vintage"))
		return G_VINTAGE;
	return -1;
}

/* A whole number that may have thousands separators ("1,954"). */
static bool parse_count(const char *s, size_t n, int64_t *out)
{
	int64_t v = 0;
	size_t digits = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == ',' && digits)
			continue;
		if (!isdigit((unsigned char)s[i]) || v > INT64_MAX / 10 - 9)
			return false;
		v = v * 10 + (s[i] - '0');
		digits++;
	}
	*out = v;
	return digits > 0;
}

int ingest_geography(struct store *s, const char *path,
		     struct geography_report *report, struct err *e)
{
	struct buf data = BUF_INIT;
	int rc;

	memset(report, 0, sizeof(*report));
	rc = buf_read_file(&data, path, e);
	if (rc == 0)
		rc = ingest_geography_buffer(s, path, data.ptr, data.len, report, e);
	buf_release(&data);
	return rc;
}

int ingest_geography_buffer(struct store *s, const char *path,
			    const char *data, size_t len,
			    struct geography_report *report, struct err *e)
{
	struct buf cols = BUF_INIT;
	struct arena a = ARENA_INIT; /* the current row's text */
	struct csv_reader rd;
	struct csv_field fl[CSV_MAX_FIELDS];
	int col_of[G_FIELDS];
	int vintage = 0;
	size_t n, n_header;
	uint32_t line;
	bool bad;
	int rc = -1;

	memset(report, 0, sizeof(*report));
	csv_reader_init(&rd, data, len);
	for (int i = 0; i < G_FIELDS; i++)
		col_of[i] = -1;
	if (!csv_next_record(&rd, fl, &n_header, &line, &bad)) {
		err_set(e, ERR_INVALID, NULL, "%s: the file is empty", path);
		goto out;
	}
	for (size_t i = 0; i < n_header && i < CSV_MAX_FIELDS; i++) {
		int k = field_of(fl[i].p, fl[i].n, &vintage);

		if (k >= 0)
			col_of[k] = (int)i;
	}
	if (col_of[G_LSOA_CODE] < 0) {
		err_set(e, ERR_INVALID, "lsoa_code",
			"%s:1: no LSOA code column (lsoa_code, lsoa11cd, lsoa21cd "
			"or 'LSOA Code'); see docs/geography.md",
			path);
		goto out;
	}
	for (int i = 1; i < G_FIELDS; i++)
		if (col_of[i] >= 0)
			buf_printf(&cols, "%s%s", cols.len ? ", " : "", field_names[i]);
	snprintf(report->columns, sizeof(report->columns), "%s",
		 cols.len ? cols.ptr : "codes only");
	if (store_begin(s, e) < 0)
		goto out;
	while (csv_next_record(&rd, fl, &n, &line, &bad)) {
		struct geo_input in = { .population = -1, .households = -1 };
		char *text[G_FIELDS] = { 0 };
		int64_t v;

		arena_reset(&a);
		if (n == 1 && fl[0].n == 0)
			continue;
		if (bad || n != n_header) {
			err_set(e, ERR_INVALID, NULL,
				bad ? "%s:%u: a quote is not closed"
				    : "%s:%u: expected %zu fields, found %zu",
				path, line, n_header, n);
			goto fail;
		}
		for (int k = 0; k < G_FIELDS; k++) {
			const struct csv_field *x;

			if (col_of[k] < 0)
				continue;
			x = &fl[col_of[k]];
			if (!utf8_valid(x->p, x->n)) {
				err_set(e, ERR_INVALID, field_names[k],
					"%s:%u: field '%s': not valid UTF-8 text", path,
					line, field_names[k]);
				goto fail;
			}
			/* blank and NA leave the stored value as it is */
			text[k] = text_trim(arena_strndup(&a, x->p, x->n));
			if (!*text[k] || strcmp(text[k], "NA") == 0)
				text[k] = NULL;
		}
		if (!text[G_LSOA_CODE] || !*text[G_LSOA_CODE]) {
			err_set(e, ERR_INVALID, "lsoa_code",
				"%s:%u: field 'lsoa_code': must not be blank", path,
				line);
			goto fail;
		}
		in.code = text[G_LSOA_CODE];
		in.name = text[G_LSOA_NAME];
		in.ward_code = text[G_WARD_CODE];
		in.ward_name = text[G_WARD_NAME];
		in.la_code = text[G_LA_CODE];
		in.la_name = text[G_LA_NAME];
		in.force = text[G_FORCE];
		in.vintage = vintage;
		if (text[G_POPULATION]) {
			if (!parse_count(text[G_POPULATION], strlen(text[G_POPULATION]), &v)) {
				err_set(e, ERR_INVALID, "population",
					"%s:%u: field 'population': '%s' is not a whole "
					"number",
					path, line, text[G_POPULATION]);
				goto fail;
			}
			in.population = v;
		}
		if (text[G_HOUSEHOLDS]) {
			if (!parse_count(text[G_HOUSEHOLDS], strlen(text[G_HOUSEHOLDS]), &v)) {
				err_set(e, ERR_INVALID, "households",
					"%s:%u: field 'households': '%s' is not a whole "
					"number",
					path, line, text[G_HOUSEHOLDS]);
				goto fail;
			}
			in.households = v;
		}
		if (text[G_VINTAGE]) {
			if (text_int64(text[G_VINTAGE], 2011, 2021, &v, NULL, NULL) < 0 ||
			    (v != 2011 && v != 2021)) {
				err_set(e, ERR_INVALID, "vintage",
					"%s:%u: field 'vintage': must be 2011 or 2021",
					path, line);
				goto fail;
			}
			in.vintage = (int)v;
		}
		if (store_geo_put(s, &in, e) < 0) {
			err_locate(e, path, line);
			goto fail;
		}
		report->rows++;
	}
	report->lsoas = report->rows;
	{
		char sha[SHA256_HEX_SIZE], note[300];
		struct import_file file = { path, (int64_t)len, sha, report->rows };
		struct import_counts c = { .rows_read = report->rows,
					   .rows_added = report->lsoas };

		sha256_hex(data, len, sha);
		snprintf(note, sizeof(note), "geography: LSOAs with %s",
			 report->columns);
		if (store_import_record(s, "geography", &c, &file, 1, note, e) < 0)
			goto fail;
	}
	if (store_crime_touch(s, e) < 0 || store_commit(s, e) < 0)
		goto out;
	rc = 0;
	goto out;
fail:
	store_rollback(s);
out:
	csv_reader_release(&rd);
	arena_release(&a);
	buf_release(&cols);
	return rc;
}
