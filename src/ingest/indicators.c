/*
 * indicators.c: importing indicator definitions and values (see
 * docs/indicators.md).
 *
 * A file is one of two kinds, told apart by its header:
 *
 *  - definitions: code, name, unit, polarity, ... one indicator a row;
 *  - values, in long format: indicator, area, period, and value and/or
 *    numerator and denominator, one value a row.  The long files public
 *    dashboards publish (area_code, area_name, period, value, indicator,
 *    measure, unit, ...) are read as they come: the measure and any group
 *    become part of the indicator's name, and an indicator not yet
 *    defined is created with its unit read from the measure ("Rate per
 *    1,000" is a rate per 1,000; "Percentage" a proportion).
 *
 * All or nothing, with FILE:LINE: field 'X' errors.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <strings.h>

#include "base/csvread.h"
#include "base/sha256.h"
#include "base/text.h"
#include "indicators/period.h"
#include "ingest.h"
#include "store/store_import.h"
#include "store/store_indicator.h"
#include "store/store_outcome.h"
#include "store/store_plan.h"

/* The columns either kind of file may have. */
enum col {
	C_CODE, C_NAME, C_DESCRIPTION, C_UNIT, C_PER, C_POLARITY, C_FREQUENCY,
	C_SOURCE, C_OWNER, C_SENSITIVITY, C_CI, C_COMPARISON, C_BENCHMARK,
	C_PEERS, C_TARGET, C_TARGET_NOTE, C_BASELINE, C_BASELINE_PERIOD,
	C_CRIME_TYPE, C_THEMES, C_PRIORITIES, C_OUTCOMES,
	/* values */
	C_INDICATOR, C_AREA, C_AREA_CODE, C_PERIOD, C_PERIOD_START,
	C_PERIOD_END, C_NUMERATOR, C_DENOMINATOR, C_VALUE, C_NOTE, C_MEASURE,
	C_GROUP, C_COLS,
};

static const struct {
	const char *name;
	const char *also; /* another header read as this column */
} cols[C_COLS] = {
	[C_CODE] = { "code", NULL },
	[C_NAME] = { "name", NULL },
	[C_DESCRIPTION] = { "description", NULL },
	[C_UNIT] = { "unit", NULL },
	[C_PER] = { "per", NULL },
	[C_POLARITY] = { "polarity", NULL },
	[C_FREQUENCY] = { "frequency", NULL },
	[C_SOURCE] = { "source", NULL },
	[C_OWNER] = { "owner", NULL },
	[C_SENSITIVITY] = { "sensitivity", NULL },
	[C_CI] = { "ci_method", NULL },
	[C_COMPARISON] = { "comparison", NULL },
	[C_BENCHMARK] = { "benchmark", NULL },
	[C_PEERS] = { "peer_group", NULL },
	[C_TARGET] = { "target", NULL },
	[C_TARGET_NOTE] = { "target_note", NULL },
	[C_BASELINE] = { "baseline", NULL },
	[C_BASELINE_PERIOD] = { "baseline_period", NULL },
	[C_CRIME_TYPE] = { "crime_type", NULL },
	[C_THEMES] = { "themes", NULL },
	[C_PRIORITIES] = { "priority_areas", NULL },
	[C_OUTCOMES] = { "outcomes", NULL },
	[C_INDICATOR] = { "indicator", NULL },
	[C_AREA] = { "area", "area_name" },
	[C_AREA_CODE] = { "area_code", NULL },
	[C_PERIOD] = { "period", NULL },
	[C_PERIOD_START] = { "period_start", NULL },
	[C_PERIOD_END] = { "period_end", NULL },
	[C_NUMERATOR] = { "numerator", NULL },
	[C_DENOMINATOR] = { "denominator", NULL },
	[C_VALUE] = { "value", NULL },
	[C_NOTE] = { "note", NULL },
	[C_MEASURE] = { "measure", NULL },
	[C_GROUP] = { "group", NULL },
};

struct file {
	const char *path;
	const char *base; /* the file's name without its folders */
	int at[C_COLS];   /* field position of each column, or -1 */
	struct csv_field *f;
	uint32_t line;
	struct arena row;   /* holds the row's values */
	char *text[C_COLS]; /* the row's trimmed values; NULL when blank */
	bool example;       /* the demo's invented figures */
	/* The indicator of the last value row, by the name it was found by
	 * (rows of one indicator come together): in its own arena. */
	struct arena last_arena;
	const char *last_name;
	struct indicator *last;
};

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* The row's values, trimmed, NULL for blank or NA, checked as UTF-8. */
static int read_row(struct file *fl, size_t n_fields, struct err *e)
{
	arena_reset(&fl->row);
	for (int c = 0; c < C_COLS; c++) {
		const struct csv_field *x;

		fl->text[c] = NULL;
		if (fl->at[c] < 0 || (size_t)fl->at[c] >= n_fields)
			continue;
		x = &fl->f[fl->at[c]];
		if (!utf8_valid(x->p, x->n))
			return err_set(e, ERR_INVALID, cols[c].name,
				       "%s:%u: field '%s': not valid UTF-8 text",
				       fl->base, fl->line, cols[c].name);
		if (!x->n)
			continue;
		fl->text[c] = text_trim(arena_strndup(&fl->row, x->p, x->n));
		if (!*fl->text[c])
			fl->text[c] = NULL;
	}
	return 0;
}

/* The marks UK statistics use for a value not available or withheld. */
static bool missing_mark(const char *s)
{
	static const char *const marks[] = { "NA", "N/A", ":", "..", "x", "*",
					     "-", "[x]", "[c]", "[z]", "c" };

	for (size_t i = 0; s && i < ARRAY_SIZE(marks); i++)
		if (strcmp(s, marks[i]) == 0)
			return true;
	return false;
}

static int bad(struct file *fl, int c, struct err *e, const char *why)
{
	return err_set(e, ERR_INVALID, cols[c].name, "%s:%u: field '%s': %s%s%s%s",
		       fl->base, fl->line, cols[c].name,
		       fl->text[c] ? "'" : "", fl->text[c] ? fl->text[c] : "",
		       fl->text[c] ? "' " : "", why);
}

/* A number, allowing thousands separators and a trailing %. */
static int number(struct file *fl, int c, double *out, struct err *e)
{
	char clean[64];
	size_t k = 0;
	char *end;

	for (const char *p = fl->text[c]; *p; p++) {
		if (*p == ',' || *p == '%')
			continue;
		if (k + 1 == sizeof(clean))
			return bad(fl, c, e, "is not a number");
		clean[k++] = *p;
	}
	clean[k] = '\0';
	errno = 0;
	*out = strtod(clean, &end);
	if (!k || *end || errno || !isfinite(*out))
		return bad(fl, c, e, "is not a number");
	return 0;
}

/* "Offence rate: Violence against the person (Rate per 1,000)" -> the
 * code "offence-rate-violence-against-the-person-rate-per-1-000". */
static void slug(const char *name, char *out, size_t size)
{
	size_t k = 0;
	bool dash = false;

	for (const char *p = name; *p && k + 1 < size; p++) {
		if (isalnum((unsigned char)*p)) {
			if (dash && k)
				out[k++] = '-';
			dash = false;
			if (k + 1 < size)
				out[k++] = (char)tolower((unsigned char)*p);
		} else {
			dash = true;
		}
	}
	out[k] = '\0';
}

/* What a dashboard's "measure" says about the unit. */
static void unit_from_measure(const char *measure, struct indicator_input *in)
{
	const char *per;
	char low[200];

	in->unit = "count";
	in->per = 0;
	if (!measure)
		return;
	slug(measure, low, sizeof(low));
	if (strstr(low, "percent") || strstr(low, "per-cent") ||
	    strstr(low, "proportion")) {
		in->unit = "proportion";
		in->per = 100;
	} else if ((per = strstr(measure, "per ")) || (per = strstr(measure, "Per "))) {
		int64_t n = 0;

		for (const char *p = per + 4; *p; p++) {
			if (*p == ',')
				continue;
			if (!isdigit((unsigned char)*p) || n > 100000000)
				break;
			n = n * 10 + (*p - '0');
		}
		in->unit = "rate";
		in->per = n > 0 && n <= 1000000000 ? n : 1000; /* else unreadable */
	} else if (strstr(low, "score") || strstr(low, "mean") ||
		   strstr(low, "average")) {
		in->unit = "mean";
	}
}

/* ---------------------------------------------------------------------
 * Definitions
 */

/* The id of the theme or priority area called t (a priority area by the
 * start of its name) in the plans, the current plan's first: 0 if none,
 * -1 with e set if the store fails. */
static int64_t find_in_plans(struct store *s, struct arena *a, const char *kind,
			     const char *t, struct err *e)
{
	int64_t plan = store_current_plan_id(s, e);
	size_t n_plans = 0;
	char today[11];
	struct plan *plans;

	if (plan < 0)
		return -1;
	text_today(today);
	if (!(plans = store_plans(s, a, today, &n_plans, e)))
		return -1;
	for (size_t pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n_plans; i++) {
			size_t nt = 0;
			struct theme *th;

			if ((pass == 0) != (plans[i].id == plan))
				continue;
			if (!(th = store_themes(s, a, plans[i].id, false, &nt, e)))
				return -1;
			for (size_t k = 0; k < nt; k++) {
				if (strcmp(kind, "theme") == 0 &&
				    strcasecmp(th[k].name, t) == 0)
					return th[k].id;
				for (size_t j = 0; strcmp(kind, "priority") == 0 &&
						   j < th[k].n_priorities;
				     j++)
					if (strncasecmp(th[k].priorities[j].name, t,
							strlen(t)) == 0)
						return th[k].priorities[j].id;
			}
		}
	return 0;
}

/* The id of outcome number t of any framework: 0 if none, -1 with e set
 * if the store fails. */
static int64_t find_outcome(struct store *s, struct arena *a, const char *t,
			    struct err *e)
{
	size_t nf = 0;
	struct framework *f = store_frameworks(s, a, &nf, e);
	int64_t want;

	if (!f)
		return -1;
	if (text_int64(t, 1, 1000, &want, NULL, NULL) < 0)
		return 0;
	for (size_t i = 0; i < nf; i++)
		for (size_t g = 0; g < f[i].n_groups; g++)
			for (size_t k = 0; k < f[i].groups[g].n_outcomes; k++)
				if (f[i].groups[g].outcomes[k].number == want)
					return f[i].groups[g].outcomes[k].id;
	return 0;
}

/* Link to each of a ;-separated list of themes, priority areas or outcome
 * numbers, found by name in any plan (the current plan's first).  A
 * store that fails is an error, never "there is no such theme". */
static int link_names(struct store *s, struct file *fl, int c, int64_t id,
		      const char *kind, struct err *e)
{
	struct arena a = ARENA_INIT;
	char *list = fl->text[c] ? xstrdup(fl->text[c]) : NULL, *save = NULL;
	int rc = 0;

	for (char *t = list ? strtok_r(list, ";", &save) : NULL; t && rc == 0;
	     t = strtok_r(NULL, ";", &save)) {
		int64_t target;

		t = text_trim(t);
		if (!*t)
			continue;
		target = strcmp(kind, "outcome") == 0 ? find_outcome(s, &a, t, e)
						      : find_in_plans(s, &a, kind, t, e);
		if (target < 0) {
			rc = err_locate(e, fl->base, fl->line);
			break;
		}
		if (!target) {
			rc = err_set(e, ERR_INVALID, cols[c].name,
				     "%s:%u: field '%s': there is no %s '%s'", fl->base,
				     fl->line, cols[c].name,
				     strcmp(kind, "priority") == 0 ? "priority area" : kind,
				     t);
			break;
		}
		rc = store_indicator_link(s, id, kind, target, e);
	}
	free(list);
	arena_release(&a);
	return rc;
}

static int definition_row(struct store *s, struct file *fl,
			  struct indicator_report *r, struct err *e)
{
	struct indicator_input in = { 0 };
	double v;
	int64_t id;
	static const struct {
		int col;
		unsigned bit;
		size_t offset;
	} texts[] = {
		{ C_NAME, IND_NAME, offsetof(struct indicator_input, name) },
		{ C_DESCRIPTION, IND_DESCRIPTION,
		  offsetof(struct indicator_input, description) },
		{ C_UNIT, IND_UNIT, offsetof(struct indicator_input, unit) },
		{ C_POLARITY, IND_POLARITY, offsetof(struct indicator_input, polarity) },
		{ C_FREQUENCY, IND_FREQUENCY,
		  offsetof(struct indicator_input, frequency) },
		{ C_SOURCE, IND_SOURCE, offsetof(struct indicator_input, source) },
		{ C_OWNER, IND_OWNER, offsetof(struct indicator_input, owner) },
		{ C_SENSITIVITY, IND_SENSITIVITY,
		  offsetof(struct indicator_input, sensitivity) },
		{ C_CI, IND_CI, offsetof(struct indicator_input, ci_method) },
		{ C_COMPARISON, IND_COMPARISON,
		  offsetof(struct indicator_input, comparison) },
		{ C_BENCHMARK, IND_BENCHMARK, offsetof(struct indicator_input, benchmark) },
		{ C_PEERS, IND_PEERS, offsetof(struct indicator_input, peer_group) },
		{ C_CRIME_TYPE, IND_CRIME_TYPE,
		  offsetof(struct indicator_input, crime_type) },
	};

	in.code = fl->text[C_CODE];
	in.example = fl->example;
	if (!in.code)
		return bad(fl, C_CODE, e, "must not be blank");
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
		if (fl->at[texts[i].col] >= 0) {
			in.set |= texts[i].bit;
			*(const char **)(void *)((char *)&in + texts[i].offset) =
				fl->text[texts[i].col];
		}
	if (fl->at[C_PER] >= 0) {
		in.set |= IND_PER;
		if (fl->text[C_PER]) {
			if (number(fl, C_PER, &v, e) < 0 || v < 1 || v > 1e9 ||
			    v != floor(v))
				return bad(fl, C_PER, e,
					   "must be a whole number from 1 to 1,000,000,000");
			in.per = (int64_t)v;
		}
	}
	if (fl->at[C_TARGET] >= 0) {
		in.set |= IND_TARGET;
		in.target_note = fl->text[C_TARGET_NOTE];
		if (fl->text[C_TARGET]) {
			if (number(fl, C_TARGET, &in.target, e) < 0)
				return -1;
			in.has_target = true;
		}
	}
	if (fl->at[C_BASELINE] >= 0) {
		in.set |= IND_BASELINE;
		in.baseline_period = fl->text[C_BASELINE_PERIOD];
		if (fl->text[C_BASELINE]) {
			if (number(fl, C_BASELINE, &in.baseline, e) < 0)
				return -1;
			in.has_baseline = true;
		}
	}
	if (store_indicator_put(s, &in, &id, e) < 0)
		return -1;
	if (link_names(s, fl, C_THEMES, id, "theme", e) < 0 ||
	    link_names(s, fl, C_PRIORITIES, id, "priority", e) < 0 ||
	    link_names(s, fl, C_OUTCOMES, id, "outcome", e) < 0)
		return -1;
	r->indicators++;
	return 0;
}


/* Find one in the store, by code or name: NULL with ERR_NOT_FOUND if
 * there is none. */
static struct indicator *find(struct store *s, struct arena *a,
			      const char *code_or_name, struct err *e)
{
	struct indicator *ind = store_indicator_find(s, a, code_or_name, e);

	if (!ind && e && e->code == ERR_NOT_FOUND)
		err_clear(e);
	return ind;
}

/* The indicator a value row is for, by its full name (with group and
 * measure), else by its indicator column alone; one not yet defined is
 * made, with a code of its own (never another's: names that differ only
 * after the first 80 characters get "-2", "-3"). */
static struct indicator *row_indicator(struct store *s, struct file *fl,
				       const char *name,
				       struct indicator_report *r, struct err *e)
{
	struct arena *a = &fl->last_arena;
	struct indicator_input in = { 0 };
	struct indicator *ind;
	char code[81];
	size_t n;
	int64_t id;

	if (fl->last && strcmp(fl->last_name, name) == 0)
		return fl->last;
	arena_reset(a);
	fl->last = NULL;
	ind = find(s, a, name, e);
	if (!ind && !e->code && !fl->text[C_MEASURE] && !fl->text[C_GROUP])
		ind = find(s, a, fl->text[C_INDICATOR], e);
	if (e->code)
		return NULL;
	if (!ind) {
		slug(name, code, sizeof(code) - 6);
		n = strlen(code);
		for (int k = 2; find(s, a, code, e); k++)
			snprintf(code + n, sizeof(code) - n, "-%d", k);
		if (e->code)
			return NULL;
		in.set = IND_NAME | IND_UNIT | IND_PER | IND_SOURCE;
		in.code = code;
		in.name = name;
		unit_from_measure(fl->text[C_MEASURE], &in);
		in.source = fl->base;
		if (store_indicator_put(s, &in, &id, e) < 0 ||
		    !(ind = store_indicator(s, a, id, e)))
			return NULL;
		r->indicators_created++;
	}
	fl->last_name = arena_strdup(a, name);
	fl->last = ind;
	return ind;
}

/* ---------------------------------------------------------------------
 * Values
 */

static int value_row(struct store *s, struct file *fl,
		     struct indicator_report *r, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct indicator_value v = { 0 };
	struct indicator *ind;
	struct period p;
	char name[400], where[300];
	bool dates;
	int rc = -1;

	if (!fl->text[C_INDICATOR])
		return bad(fl, C_INDICATOR, e, "must not be blank");
	if (!fl->text[C_AREA] && !fl->text[C_AREA_CODE])
		return bad(fl, C_AREA, e, "must not be blank");
	if (!fl->text[C_PERIOD])
		return bad(fl, C_PERIOD, e, "must not be blank");
	/* The indicator's name: with its group and measure, if any. */
	snprintf(name, sizeof(name), "%s%s%s%s%s%s", fl->text[C_INDICATOR],
		 fl->text[C_GROUP] ? ": " : "",
		 fl->text[C_GROUP] ? fl->text[C_GROUP] : "",
		 fl->text[C_MEASURE] ? " (" : "",
		 fl->text[C_MEASURE] ? fl->text[C_MEASURE] : "",
		 fl->text[C_MEASURE] ? ")" : "");
	if (!(ind = row_indicator(s, fl, name, r, e)))
		goto out;
	dates = fl->text[C_PERIOD_START] && fl->text[C_PERIOD_END];
	if (period_parse(fl->text[C_PERIOD], &p, "period", dates ? NULL : e) < 0) {
		if (!dates)
			goto out;
		p.kind = PERIOD_OTHER;
	}
	if (fl->text[C_PERIOD_START]) {
		if (text_date(fl->text[C_PERIOD_START], NULL, NULL) < 0) {
			bad(fl, C_PERIOD_START, e, "is not a date written YYYY-MM-DD");
			goto out;
		}
		snprintf(p.start, sizeof(p.start), "%s", fl->text[C_PERIOD_START]);
	}
	if (fl->text[C_PERIOD_END]) {
		if (text_date(fl->text[C_PERIOD_END], NULL, NULL) < 0) {
			bad(fl, C_PERIOD_END, e, "is not a date written YYYY-MM-DD");
			goto out;
		}
		snprintf(p.end, sizeof(p.end), "%s", fl->text[C_PERIOD_END]);
	}
	if (strcmp(p.start, p.end) > 0) {
		bad(fl, C_PERIOD_END, e, "is before the period starts");
		goto out;
	}
	v.indicator_id = ind->id;
	v.area = fl->text[C_AREA] ? fl->text[C_AREA] : fl->text[C_AREA_CODE];
	v.area_code = fl->text[C_AREA_CODE];
	v.period = fl->text[C_PERIOD];
	v.period_start = p.start;
	v.period_end = p.end;
	v.note = fl->text[C_NOTE];
	v.example = fl->example;
	snprintf(where, sizeof(where), "%s:%u", fl->base, fl->line);
	v.source = where;
	if (fl->text[C_NUMERATOR] && !missing_mark(fl->text[C_NUMERATOR])) {
		if (number(fl, C_NUMERATOR, &v.numerator, e) < 0)
			goto out;
		if (v.numerator < 0) {
			bad(fl, C_NUMERATOR, e, "must not be negative");
			goto out;
		}
		v.has_numerator = true;
	}
	if (fl->text[C_DENOMINATOR] && !missing_mark(fl->text[C_DENOMINATOR])) {
		if (number(fl, C_DENOMINATOR, &v.denominator, e) < 0)
			goto out;
		if (v.denominator <= 0) {
			bad(fl, C_DENOMINATOR, e, "must be more than 0");
			goto out;
		}
		v.has_denominator = true;
	}
	if (fl->text[C_VALUE] && !missing_mark(fl->text[C_VALUE])) {
		if (number(fl, C_VALUE, &v.value, e) < 0)
			goto out;
		v.has_value = true;
	}
	/* A value the source marks as not available is kept as such. */
	if (!v.has_value && !v.has_numerator) {
		if (!v.note)
			v.note = "Not available in the source";
		r->missing++;
	}
	if (v.has_numerator && v.has_denominator &&
	    strcmp(ind->unit, "proportion") == 0 && v.numerator > v.denominator) {
		bad(fl, C_NUMERATOR, e, "is more than the denominator");
		goto out;
	}
	/* The value from its parts, as the unit says. */
	if (!v.has_value && v.has_numerator) {
		double per = ind->per ? (double)ind->per : 1;

		if (strcmp(ind->unit, "count") == 0 || !v.has_denominator)
			v.value = v.numerator;
		else
			v.value = v.numerator / v.denominator *
				  (strcmp(ind->unit, "proportion") == 0 && !ind->per
					   ? 100 : per);
		v.has_value = true;
	}
	if (store_indicator_value_put(s, &v, e) < 0)
		goto out;
	r->values++;
	rc = 0;
out:
	arena_release(&a);
	return rc;
}

int ingest_indicators(struct store *s, const char *path,
		      struct indicator_report *r, struct err *e)
{
	struct buf data = BUF_INIT;
	int rc;

	memset(r, 0, sizeof(*r));
	rc = buf_read_file(&data, path, e);
	if (rc == 0)
		rc = ingest_indicators_buffer(s, path, data.ptr, data.len, false, r, e);
	buf_release(&data);
	return rc;
}

int ingest_indicators_buffer(struct store *s, const char *path,
			     const char *data, size_t len, bool example,
			     struct indicator_report *r, struct err *e)
{
	struct csv_reader rd;
	struct csv_field fields[CSV_MAX_FIELDS];
	struct file fl = { .path = path, .base = base_name(path), .row = ARENA_INIT };
	size_t n, n_header;
	bool bad_quote, definitions;
	int rc = -1;

	memset(r, 0, sizeof(*r));
	fl.f = fields;
	fl.example = example;
	csv_reader_init(&rd, data, len);
	if (!csv_next_record(&rd, fields, &n_header, &fl.line, &bad_quote)) {
		err_set(e, ERR_INVALID, NULL, "%s: the file is empty", fl.base);
		goto out;
	}
	for (int c = 0; c < C_COLS; c++) {
		fl.at[c] = -1;
		for (size_t i = 0; i < n_header && i < CSV_MAX_FIELDS; i++)
			if (csv_field_is(&fields[i], cols[c].name) ||
			    (cols[c].also && csv_field_is(&fields[i], cols[c].also)))
				fl.at[c] = (int)i;
	}
	definitions = fl.at[C_CODE] >= 0 && fl.at[C_INDICATOR] < 0;
	if (!definitions && (fl.at[C_INDICATOR] < 0 || fl.at[C_PERIOD] < 0 ||
			     (fl.at[C_AREA] < 0 && fl.at[C_AREA_CODE] < 0) ||
			     (fl.at[C_VALUE] < 0 && fl.at[C_NUMERATOR] < 0))) {
		err_set(e, ERR_INVALID, NULL,
			"%s:1: not an indicator file: values need the columns "
			"indicator, area, period and value (or numerator); "
			"definitions need code and name (see docs/indicators.md)",
			fl.base);
		goto out;
	}
	if (store_begin(s, e) < 0)
		goto out;
	while (csv_next_record(&rd, fields, &n, &fl.line, &bad_quote)) {
		if (n == 1 && fields[0].n == 0)
			continue;
		if (bad_quote || n != n_header) {
			err_set(e, ERR_INVALID, NULL,
				bad_quote ? "%s:%u: a quote is not closed"
					  : "%s:%u: expected %zu fields, found %zu",
				fl.base, fl.line, n_header, n);
			goto fail;
		}
		if (read_row(&fl, n, e) < 0 ||
		    (definitions ? definition_row(s, &fl, r, e)
				 : value_row(s, &fl, r, e)) < 0) {
			err_locate(e, fl.base, fl.line);
			goto fail;
		}
		r->rows++;
	}
	{
		char sha[SHA256_HEX_SIZE];
		struct import_file file = { path, (int64_t)len, sha, r->rows };
		struct import_counts c = {
			.rows_read = r->rows,
			.rows_added = definitions ? r->indicators : r->values,
		};

		sha256_hex(data, len, sha);
		if (store_import_record(s, "indicators", &c, &file, 1,
					definitions ? "indicator definitions"
						    : "indicator values",
					e) < 0)
			goto fail;
	}
	if (store_commit(s, e) < 0)
		goto out;
	r->definitions = definitions;
	rc = 0;
	goto out;
fail:
	store_rollback(s);
out:
	arena_release(&fl.row);
	arena_release(&fl.last_arena);
	csv_reader_release(&rd);
	return rc;
}
