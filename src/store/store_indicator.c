/*
 * store_indicator.c: indicators of performance, their links to the plan,
 * and their values by area and period.
 */
#include <math.h>

#include "base/text.h"
#include "store_indicator.h"
#include "store_int.h"

const struct choice indicator_units[] = {
	{ "count", "Count" },
	{ "rate", "Rate" },
	{ "proportion", "Proportion" },
	{ "mean", "Mean or score" },
	{ NULL, NULL },
};

const struct choice polarities[] = {
	{ "higher_better", "Higher is better" },
	{ "lower_better", "Lower is better" },
	{ "neither", "Neither higher nor lower is better" },
	{ NULL, NULL },
};

const struct choice sensitivities[] = {
	{ "open", "Open" },
	{ "official", "Official" },
	{ "official_sensitive", "Official-sensitive" },
	{ NULL, NULL },
};

const struct choice ci_methods[] = {
	{ "auto", "By the unit: Wilson for proportions, exact Poisson or Byar's "
		  "for counts and rates" },
	{ "wilson", "Wilson score interval" },
	{ "poisson", "Exact Poisson below 10 events, Byar's method from 10" },
	{ "none", "No confidence interval" },
	{ NULL, NULL },
};

const struct choice comparisons[] = {
	{ "benchmark_outside", "Benchmark outside the interval (Fingertips)" },
	{ "overlap", "Intervals overlap" },
	{ NULL, NULL },
};

const struct choice frequencies[] = {
	{ "weekly", "Weekly" },
	{ "monthly", "Monthly" },
	{ "quarterly", "Quarterly" },
	{ "annual", "Annual (calendar year)" },
	{ "financial_year", "Annual (financial year)" },
	{ "survey_wave", "By survey wave" },
	{ "other", "Other" },
	{ NULL, NULL },
};

#define IND_COLUMNS                                                         \
	"i.id, i.code, i.name, i.description, i.unit, i.per, i.polarity,"   \
	" i.frequency, i.source, i.owner, i.sensitivity, i.ci_method,"      \
	" i.comparison, i.benchmark, i.peer_group, i.target, i.target_note,"\
	" i.baseline, i.baseline_period, i.crime_type, i.is_example,"       \
	" (SELECT count(*) FROM indicator_value v WHERE v.indicator_id = i.id),"\
	" (SELECT v.period FROM indicator_value v WHERE v.indicator_id = i.id"\
	"   ORDER BY v.period_start LIMIT 1),"                              \
	" (SELECT v.period FROM indicator_value v WHERE v.indicator_id = i.id"\
	"   ORDER BY v.period_start DESC LIMIT 1)"

static void read_indicator(struct arena *a, struct db_stmt *st,
			   struct indicator *x)
{
	x->id = db_col_int(st, 0);
	x->code = col_str(a, st, 1);
	x->name = col_str(a, st, 2);
	x->description = col_str(a, st, 3);
	x->unit = col_str(a, st, 4);
	x->per = db_col_int(st, 5);
	x->polarity = col_str(a, st, 6);
	x->frequency = col_str(a, st, 7);
	x->source = col_str(a, st, 8);
	x->owner = col_str(a, st, 9);
	x->sensitivity = col_str(a, st, 10);
	x->ci_method = col_str(a, st, 11);
	x->comparison = col_str(a, st, 12);
	x->benchmark = col_str(a, st, 13);
	x->peer_group = col_str(a, st, 14);
	x->has_target = !db_col_null(st, 15);
	x->target = db_col_double(st, 15);
	x->target_note = col_str(a, st, 16);
	x->has_baseline = !db_col_null(st, 17);
	x->baseline = db_col_double(st, 17);
	x->baseline_period = col_str(a, st, 18);
	x->crime_type = col_str(a, st, 19);
	x->example = db_col_int(st, 20) != 0;
	x->n_values = db_col_int(st, 21);
	x->first_period = col_str(a, st, 22);
	x->last_period = col_str(a, st, 23);
}

static int read_links(struct store *s, struct arena *a, struct indicator *x,
		      struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT kind, target_id FROM indicator_link WHERE indicator_id = :id"
		" ORDER BY kind, target_id",
		e);
	size_t ct = 0, cp = 0, co = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, ":id", x->id);
	while ((rc = db_step(st, e)) == DB_ROW) {
		const char *kind = db_col_text(st, 0);
		int64_t id = db_col_int(st, 1);

		if (strcmp(kind, "theme") == 0)
			*VEC_PUSH(a, x->theme_ids, &x->n_themes, &ct) = id;
		else if (strcmp(kind, "priority") == 0)
			*VEC_PUSH(a, x->priority_ids, &x->n_priorities, &cp) = id;
		else if (strcmp(kind, "outcome") == 0)
			*VEC_PUSH(a, x->outcome_ids, &x->n_outcomes, &co) = id;
	}
	db_done(st);
	return rc == DB_ERROR ? -1 : 0;
}

static struct indicator *indicator_list(struct store *s, struct arena *a,
					struct db_stmt *st, size_t *n,
					struct err *e)
{
	struct indicator *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	while ((rc = db_step(st, e)) == DB_ROW)
		read_indicator(a, st, VEC_PUSH(a, list, n, &cap));
	db_done(st);
	if (rc == DB_ERROR)
		return NULL;
	for (size_t i = 0; i < *n; i++)
		if (read_links(s, a, &list[i], e) < 0)
			return NULL;
	return LIST_RESULT(a, list);
}

struct indicator *store_indicators(struct store *s, struct arena *a,
				   size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " IND_COLUMNS " FROM indicator i ORDER BY i.name", e);

	*n = 0;
	return st ? indicator_list(s, a, st, n, e) : NULL;
}

struct indicator *store_theme_indicators(struct store *s, struct arena *a,
					 int64_t theme_id, size_t *n,
					 struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " IND_COLUMNS " FROM indicator i WHERE i.id IN ("
		"  SELECT indicator_id FROM indicator_link"
		"  WHERE kind = 'theme' AND target_id = :t"
		"  UNION SELECT l.indicator_id FROM indicator_link l"
		"  JOIN priority p ON p.id = l.target_id"
		"  WHERE l.kind = 'priority' AND p.theme_id = :t)"
		" ORDER BY i.name",
		e);

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":t", theme_id);
	return indicator_list(s, a, st, n, e);
}

static struct indicator *one(struct store *s, struct arena *a,
			     struct db_stmt *st, const char *what,
			     struct err *e)
{
	size_t n;
	struct indicator *x = indicator_list(s, a, st, &n, e);

	if (!x)
		return NULL;
	if (!n) {
		err_set(e, ERR_NOT_FOUND, NULL, "no such indicator: %s", what);
		return NULL;
	}
	return x;
}

struct indicator *store_indicator(struct store *s, struct arena *a, int64_t id,
				  struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db, "SELECT " IND_COLUMNS " FROM indicator i WHERE i.id = :id", e);
	char what[32];

	if (!st)
		return NULL;
	db_bind_int(st, ":id", id);
	snprintf(what, sizeof(what), "%lld", (long long)id);
	return one(s, a, st, what, e);
}

struct indicator *store_indicator_find(struct store *s, struct arena *a,
				       const char *code_or_name, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT " IND_COLUMNS " FROM indicator i"
		" WHERE i.code = :c OR lower(i.name) = lower(:c) LIMIT 1",
		e);

	if (!st)
		return NULL;
	db_bind_text(st, ":c", code_or_name);
	return one(s, a, st, code_or_name, e);
}

/* ---------------------------------------------------------------------
 * Writing
 */

static int check_indicator(const struct indicator_input *in, struct err *e)
{
	if (text_check_line(in->code, "code", 80, true, e) < 0)
		return -1;
	for (const char *p = in->code; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '_'))
			return err_set(e, ERR_INVALID, "code",
				       "must be lowercase letters, digits, - and _");
	if (((in->set & IND_NAME) &&
	     text_check_line(in->name, "name", 300, true, e) < 0) ||
	    ((in->set & IND_DESCRIPTION) &&
	     text_check_block(in->description, "description", 5000, false, e) < 0) ||
	    ((in->set & IND_UNIT) &&
	     check_choice(indicator_units, in->unit, "unit", false, e) < 0) ||
	    ((in->set & IND_POLARITY) &&
	     check_choice(polarities, in->polarity, "polarity", false, e) < 0) ||
	    ((in->set & IND_FREQUENCY) &&
	     check_choice(frequencies, in->frequency, "frequency", true, e) < 0) ||
	    ((in->set & IND_SENSITIVITY) &&
	     check_choice(sensitivities, in->sensitivity, "sensitivity", false,
			  e) < 0) ||
	    ((in->set & IND_CI) &&
	     check_choice(ci_methods, in->ci_method, "ci_method", false, e) < 0) ||
	    ((in->set & IND_COMPARISON) &&
	     check_choice(comparisons, in->comparison, "comparison", false, e) < 0) ||
	    ((in->set & IND_SOURCE) &&
	     text_check_line(in->source, "source", 300, false, e) < 0) ||
	    ((in->set & IND_OWNER) &&
	     text_check_line(in->owner, "owner", 200, false, e) < 0) ||
	    ((in->set & IND_BENCHMARK) &&
	     text_check_line(in->benchmark, "benchmark", 200, false, e) < 0) ||
	    ((in->set & IND_PEERS) &&
	     text_check_line(in->peer_group, "peer_group", 100, false, e) < 0) ||
	    ((in->set & IND_CRIME_TYPE) &&
	     text_check_line(in->crime_type, "crime_type", 100, false, e) < 0))
		return -1;
	if ((in->set & IND_PER) && in->per < 0)
		return err_set(e, ERR_INVALID, "per", "must be 1 or more");
	if ((in->set & IND_TARGET) && in->has_target && !isfinite(in->target))
		return err_set(e, ERR_INVALID, "target", "must be a number");
	return 0;
}

int store_indicator_put(struct store *s, const struct indicator_input *in,
			int64_t *id, struct err *e)
{
	struct db_stmt *st;
	unsigned set = in->set;

	if (check_indicator(in, e) < 0)
		return -1;
	st = db_prepare(
		s->db,
		"INSERT INTO indicator (code, name, description, unit, per, polarity,"
		"  frequency, source, owner, sensitivity, ci_method, comparison,"
		"  benchmark, peer_group, target, target_note, baseline,"
		"  baseline_period, crime_type, is_example)"
		" VALUES (:code, coalesce(:name, :code), :desc,"
		"  coalesce(:unit, 'count'), :per, coalesce(:pol, 'neither'), :freq,"
		"  :src, :owner, coalesce(:sens, 'official'), coalesce(:ci, 'auto'),"
		"  coalesce(:cmp, 'benchmark_outside'), :bench, :peers, :target,"
		"  :tnote, :base, :bperiod, :crime, :ex)"
		" ON CONFLICT (code) DO UPDATE SET"
		"  name = CASE WHEN :set_name THEN excluded.name ELSE name END,"
		"  description = CASE WHEN :set_desc THEN excluded.description"
		"    ELSE description END,"
		"  unit = CASE WHEN :set_unit THEN excluded.unit ELSE unit END,"
		"  per = CASE WHEN :set_per THEN excluded.per ELSE per END,"
		"  polarity = CASE WHEN :set_pol THEN excluded.polarity ELSE polarity END,"
		"  frequency = CASE WHEN :set_freq THEN excluded.frequency"
		"    ELSE frequency END,"
		"  source = CASE WHEN :set_src THEN excluded.source ELSE source END,"
		"  owner = CASE WHEN :set_owner THEN excluded.owner ELSE owner END,"
		"  sensitivity = CASE WHEN :set_sens THEN excluded.sensitivity"
		"    ELSE sensitivity END,"
		"  ci_method = CASE WHEN :set_ci THEN excluded.ci_method"
		"    ELSE ci_method END,"
		"  comparison = CASE WHEN :set_cmp THEN excluded.comparison"
		"    ELSE comparison END,"
		"  benchmark = CASE WHEN :set_bench THEN excluded.benchmark"
		"    ELSE benchmark END,"
		"  peer_group = CASE WHEN :set_peers THEN excluded.peer_group"
		"    ELSE peer_group END,"
		"  target = CASE WHEN :set_target THEN excluded.target ELSE target END,"
		"  target_note = CASE WHEN :set_target THEN excluded.target_note"
		"    ELSE target_note END,"
		"  baseline = CASE WHEN :set_base THEN excluded.baseline"
		"    ELSE baseline END,"
		"  baseline_period = CASE WHEN :set_base THEN excluded.baseline_period"
		"    ELSE baseline_period END,"
		"  crime_type = CASE WHEN :set_crime THEN excluded.crime_type"
		"    ELSE crime_type END"
		" RETURNING id",
		e);
	if (!st)
		return -1;
	db_bind_text(st, ":code", in->code);
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":desc", in->description);
	db_bind_text(st, ":unit", in->unit);
	db_bind_id(st, ":per", in->per);
	db_bind_text(st, ":pol", in->polarity);
	db_bind_text(st, ":freq", in->frequency);
	db_bind_text(st, ":src", in->source);
	db_bind_text(st, ":owner", in->owner);
	db_bind_text(st, ":sens", in->sensitivity);
	db_bind_text(st, ":ci", in->ci_method);
	db_bind_text(st, ":cmp", in->comparison);
	db_bind_text(st, ":bench", in->benchmark);
	db_bind_text(st, ":peers", in->peer_group);
	if (in->has_target)
		db_bind_double(st, ":target", in->target);
	else
		db_bind_null(st, ":target");
	db_bind_text(st, ":tnote", in->target_note);
	if (in->has_baseline)
		db_bind_double(st, ":base", in->baseline);
	else
		db_bind_null(st, ":base");
	db_bind_text(st, ":bperiod", in->baseline_period);
	db_bind_text(st, ":crime", in->crime_type);
	db_bind_int(st, ":ex", in->example);
	db_bind_int(st, ":set_name", (set & IND_NAME) != 0);
	db_bind_int(st, ":set_desc", (set & IND_DESCRIPTION) != 0);
	db_bind_int(st, ":set_unit", (set & IND_UNIT) != 0);
	db_bind_int(st, ":set_per", (set & IND_PER) != 0);
	db_bind_int(st, ":set_pol", (set & IND_POLARITY) != 0);
	db_bind_int(st, ":set_freq", (set & IND_FREQUENCY) != 0);
	db_bind_int(st, ":set_src", (set & IND_SOURCE) != 0);
	db_bind_int(st, ":set_owner", (set & IND_OWNER) != 0);
	db_bind_int(st, ":set_sens", (set & IND_SENSITIVITY) != 0);
	db_bind_int(st, ":set_ci", (set & IND_CI) != 0);
	db_bind_int(st, ":set_cmp", (set & IND_COMPARISON) != 0);
	db_bind_int(st, ":set_bench", (set & IND_BENCHMARK) != 0);
	db_bind_int(st, ":set_peers", (set & IND_PEERS) != 0);
	db_bind_int(st, ":set_target", (set & IND_TARGET) != 0);
	db_bind_int(st, ":set_base", (set & IND_BASELINE) != 0);
	db_bind_int(st, ":set_crime", (set & IND_CRIME_TYPE) != 0);
	if (db_exec(st, id, e) < 0) {
		if (e && e->code == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "name",
				"another indicator is already called '%s'", in->name);
		return -1;
	}
	return 0;
}

int store_indicator_link(struct store *s, int64_t id, const char *kind,
			 int64_t target_id, struct err *e)
{
	enum exists_table t;
	struct db_stmt *st;

	if (strcmp(kind, "theme") == 0)
		t = EXISTS_THEME;
	else if (strcmp(kind, "priority") == 0)
		t = EXISTS_PRIORITY;
	else if (strcmp(kind, "outcome") == 0)
		t = EXISTS_OUTCOME;
	else
		return err_set(e, ERR_INVALID, "kind",
			       "must be theme, priority or outcome");
	if (check_exists(s, t, target_id, "target_id", e) < 0)
		return -1;
	st = db_prepare(s->db,
			"INSERT INTO indicator_link (indicator_id, kind, target_id)"
			" VALUES (:i, :k, :t) ON CONFLICT DO NOTHING",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":i", id);
	db_bind_text(st, ":k", kind);
	db_bind_int(st, ":t", target_id);
	return db_exec(st, NULL, e);
}

/* ---------------------------------------------------------------------
 * Values
 */

int store_indicator_value_put(struct store *s, const struct indicator_value *v,
			      struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"INSERT INTO indicator_value (indicator_id, area, area_code, period,"
		"  period_start, period_end, numerator, denominator, value, note,"
		"  source, is_example)"
		" VALUES (:i, :area, :code, :period, :start, :end, :num, :den, :value,"
		"  :note, :src, :ex)"
		" ON CONFLICT (indicator_id, area, period) DO UPDATE SET"
		"  area_code = coalesce(excluded.area_code, area_code),"
		"  period_start = excluded.period_start,"
		"  period_end = excluded.period_end,"
		"  numerator = excluded.numerator, denominator = excluded.denominator,"
		"  value = excluded.value, note = excluded.note,"
		"  source = excluded.source, is_example = excluded.is_example",
		e);

	if (!st)
		return -1;
	db_bind_int(st, ":i", v->indicator_id);
	db_bind_text(st, ":area", v->area);
	db_bind_text(st, ":code", v->area_code);
	db_bind_text(st, ":period", v->period);
	db_bind_text(st, ":start", v->period_start);
	db_bind_text(st, ":end", v->period_end);
	if (v->has_numerator)
		db_bind_double(st, ":num", v->numerator);
	else
		db_bind_null(st, ":num");
	if (v->has_denominator)
		db_bind_double(st, ":den", v->denominator);
	else
		db_bind_null(st, ":den");
	if (v->has_value)
		db_bind_double(st, ":value", v->value);
	else
		db_bind_null(st, ":value");
	db_bind_text(st, ":note", v->note);
	db_bind_text(st, ":src", v->source);
	db_bind_int(st, ":ex", v->example);
	return db_exec(st, NULL, e);
}

struct indicator_value *store_indicator_values(struct store *s,
					       struct arena *a,
					       int64_t indicator_id,
					       const char *area, size_t *n,
					       struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT id, indicator_id, area, area_code, period, period_start,"
		"  period_end, numerator, denominator, value, note, source, is_example"
		" FROM indicator_value WHERE indicator_id = :i"
		"  AND (:area = '' OR lower(area) = lower(:area)"
		"       OR area_code = :area)"
		" ORDER BY area, period_start, period",
		e);
	struct indicator_value *list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":i", indicator_id);
	db_bind_text(st, ":area", area ? area : "");
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct indicator_value *v = VEC_PUSH(a, list, n, &cap);

		v->id = db_col_int(st, 0);
		v->indicator_id = db_col_int(st, 1);
		v->area = col_str(a, st, 2);
		v->area_code = col_str(a, st, 3);
		v->period = col_str(a, st, 4);
		v->period_start = col_str(a, st, 5);
		v->period_end = col_str(a, st, 6);
		v->has_numerator = !db_col_null(st, 7);
		v->numerator = db_col_double(st, 7);
		v->has_denominator = !db_col_null(st, 8);
		v->denominator = db_col_double(st, 8);
		v->has_value = !db_col_null(st, 9);
		v->value = db_col_double(st, 9);
		v->note = col_str(a, st, 10);
		v->source = col_str(a, st, 11);
		v->example = db_col_int(st, 12) != 0;
	}
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

const char **store_indicator_areas(struct store *s, struct arena *a,
				   int64_t indicator_id, size_t *n,
				   struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT min(area) FROM indicator_value"
		" WHERE indicator_id = :i OR :i = 0"
		" GROUP BY lower(area)"
		" ORDER BY count(value) DESC, count(*) DESC, min(area)",
		e);
	const char **list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	db_bind_int(st, ":i", indicator_id);
	while ((rc = db_step(st, e)) == DB_ROW)
		*VEC_PUSH(a, list, n, &cap) = col_str(a, st, 0);
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

const char **store_indicator_periods(struct store *s, struct arena *a,
				     size_t *n, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT period FROM indicator_value GROUP BY period"
		" ORDER BY max(period_end) DESC, period",
		e);
	const char **list = NULL;
	size_t cap = 0;
	int rc;

	*n = 0;
	if (!st)
		return NULL;
	while ((rc = db_step(st, e)) == DB_ROW)
		*VEC_PUSH(a, list, n, &cap) = col_str(a, st, 0);
	db_done(st);
	return rc == DB_ERROR ? NULL : LIST_RESULT(a, list);
}

int store_indicator_period_end(struct store *s, const char *period,
			       char end[11], struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT period_end FROM indicator_value"
		" WHERE lower(period) = lower(:p) LIMIT 1",
		e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, ":p", period);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		snprintf(end, 11, "%s", db_col_text(st, 0));
	db_done(st);
	if (rc == DB_ERROR)
		return -1;
	return rc == DB_ROW ? 0
			    : err_set(e, ERR_NOT_FOUND, "period",
				      "no figures are for the period '%s'", period);
}

int store_has_crime_indicator(struct store *s, struct err *e)
{
	struct db_stmt *st = db_prepare(
		s->db,
		"SELECT 1 FROM indicator WHERE coalesce(crime_type, '') <> ''"
		" LIMIT 1",
		e);
	int rc;

	if (!st)
		return -1;
	rc = db_step(st, e);
	db_done(st);
	return rc == DB_ERROR ? -1 : rc == DB_ROW;
}
