/*
 * cmd_indicators.c: "safer indicators list|show" and "safer headlines":
 * indicators, their figures with confidence intervals, and the
 * performance headlines with the method beside each.
 */
#include <getopt.h>
#include <math.h>

#include "base/csv.h"
#include "cmd.h"
#include "indicators/headline.h"
#include "repr/repr_indicator.h"
#include "store/store_indicator.h"
#include "store/store_publish.h"

/* The options show and headlines share. */
struct ind_opts {
	const char *area;
	const char *period;
	double level;
	enum cmd_format fmt;
};

static int read_opts(const char *name, int argc, char **argv, bool headlines,
		     struct ind_opts *o)
{
	static const struct option opts[] = {
		{ "area", required_argument, NULL, 'a' },
		{ "period", required_argument, NULL, 'p' },
		{ "level", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->level = 0.95;
	o->fmt = FORMAT_TABLE;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'a': o->area = optarg; break;
		case 'p':
			if (!headlines)
				return cmd_usage_error(name, "--period is for "
							     "'safer headlines'");
			o->period = optarg;
			break;
		case 'l':
			if (stats_level_parse(optarg, &o->level) < 0)
				return cmd_usage_error(name, "--level must be a "
							     "confidence level such as "
							     "95 or 99.8, not '%s'",
						       optarg);
			break;
		case 'f':
			if (cmd_arg_format(name, optarg, &o->fmt) < 0)
				return 2;
			if (headlines && o->fmt == FORMAT_CSV)
				return cmd_usage_error(name, "--format must be text "
							     "or json");
			break;
		default: return cmd_usage_error(name, "unknown option");
		}
	}
	return 0;
}

/* Open the store and the figures' context; on failure print why. */
static struct store *open_ctx(struct cmd_ctx *ctx, double level,
			      struct ind_ctx *c)
{
	struct err e = ERR_INIT;
	struct store *s = cmd_open_store(ctx, false);

	if (!s)
		return NULL;
	if (ind_ctx_open(c, s, &ctx->arena, level, &e) < 0) {
		cmd_fail(&e);
		store_close(s);
		return NULL;
	}
	return s;
}

/* The area to use: as given (it must have figures), else the default. */
static const char *choose_area(struct ind_ctx *c, const char *given)
{
	struct err e = ERR_INIT;
	const char *area;

	if (given && *given) {
		int known = hl_area_find(c, given, &e);

		if (known < 0) {
			cmd_fail(&e);
			return NULL;
		}
		if (!known) {
			fprintf(stderr, "safer: area: no indicator has figures for "
					"'%s'\n",
				given);
			return NULL;
		}
		return given;
	}
	if (!(area = hl_default_area(c, &e))) {
		if (e.code != ERR_OK)
			cmd_fail(&e);
		else
			fprintf(stderr, "safer: there are no indicator figures yet; "
					"import some with 'safer import indicators'\n");
	}
	return area;
}

/* ---------------------------------------------------------------------
 * indicators list
 */

static int ind_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct ind_opts o;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct indicator *all;
	struct store *s;
	size_t n;
	int rc;

	if ((rc = read_opts("indicators", argc, argv, false, &o)) != 0)
		return rc;
	if (o.area)
		return cmd_usage_error("indicators", "--area is for 'indicators show'");
	if (optind < argc)
		return cmd_usage_error("indicators", "unexpected argument '%s'",
				       argv[optind]);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(all = store_indicators(s, &ctx->arena, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (o.fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		jw_obj(&j);
		jw_key(&j, "indicators");
		jw_arr(&j);
		for (size_t i = 0; i < n; i++)
			repr_json_indicator(&j, &all[i]);
		jw_end(&j);
		jw_end(&j);
		buf_addc(&out, '\n');
	} else if (o.fmt == FORMAT_CSV) {
		struct csv cv;

		csv_init(&cv, &out);
		csv_text(&cv, "id"); csv_text(&cv, "code"); csv_text(&cv, "name");
		csv_text(&cv, "unit"); csv_text(&cv, "frequency");
		csv_text(&cv, "crime_type"); csv_text(&cv, "values");
		csv_text(&cv, "first_period"); csv_text(&cv, "last_period");
		csv_end_row(&cv);
		for (size_t i = 0; i < n; i++) {
			csv_int(&cv, all[i].id); csv_text(&cv, all[i].code);
			csv_text(&cv, all[i].name); csv_text(&cv, all[i].unit);
			csv_text(&cv, all[i].frequency); csv_text(&cv, all[i].crime_type);
			csv_int(&cv, all[i].n_values); csv_text(&cv, all[i].first_period);
			csv_text(&cv, all[i].last_period);
			csv_end_row(&cv);
		}
	} else {
		struct table t;

		table_init(&t, &ctx->arena, 6);
		table_add(&t, "ID"); table_add(&t, "CODE"); table_add(&t, "UNIT");
		table_add(&t, "VALUES"); table_add(&t, "LATEST");
		table_add(&t, "NAME");
		for (size_t i = 0; i < n; i++) {
			table_addf(&t, "%lld", (long long)all[i].id);
			table_add(&t, all[i].code);
			table_add(&t, all[i].unit);
			if (all[i].crime_type)
				table_add(&t, "crime data");
			else
				table_addf(&t, "%lld", (long long)all[i].n_values);
			table_add(&t, all[i].last_period);
			table_add(&t, all[i].name);
		}
		table_print(&t, &out);
	}
	store_close(s);
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	return rc;
}

/* ---------------------------------------------------------------------
 * indicators show
 */

/* A number for the table: as the indicator writes it, or "-". */
static const char *cell(struct arena *a, const struct indicator *ind,
			bool has, double v)
{
	return has && isfinite(v) ? ind_value_text(a, ind, v) : "-";
}

static const char *count_cell(struct arena *a, bool has, double v)
{
	if (!has || !isfinite(v))
		return "-";
	return v == floor(v) && fabs(v) < 1e15 ? arena_printf(a, "%.0f", v)
					       : arena_printf(a, "%g", v);
}

/* A statement with its verdict (none for a figure, a rank or a target:
 * they are not tests) and its method. */
static void show_statement(struct buf *out, const struct hl_statement *s)
{
	if (s->verdict == HL_NOT_TESTED)
		buf_printf(out, "  - %s\n    method: %s\n", s->sentence, s->method);
	else
		buf_printf(out, "  - %s [%s]\n    method: %s\n", s->sentence,
			   hl_verdict_name(s->verdict), s->method);
}

static void show_table(struct buf *out, struct arena *a,
		       const struct hl_indicator *h, double level)
{
	const struct indicator *ind = h->ind;
	struct table t;

	buf_printf(out, "%s (%s)\n", ind->name, ind->code);
	buf_printf(out, "area: %s; unit: %s", h->area, ind->unit);
	if (ind->per)
		buf_printf(out, " per %lld", (long long)ind->per);
	buf_printf(out, "; %s confidence intervals\n", ind_level_text(a, level));
	if (ind->sensitivity && strcmp(ind->sensitivity, "official_sensitive") == 0)
		buf_adds(out, "OFFICIAL-SENSITIVE\n");
	buf_addc(out, '\n');
	table_init(&t, a, 8);
	table_add(&t, "PERIOD"); table_add(&t, "NUMERATOR");
	table_add(&t, "DENOMINATOR"); table_add(&t, "VALUE");
	table_add(&t, "LOWER"); table_add(&t, "UPPER"); table_add(&t, "FLAGS");
	table_add(&t, "SOURCE");
	for (size_t i = 0; i < h->series.n; i++) {
		const struct ind_point *p = &h->series.points[i];

		table_add(&t, p->period);
		table_add(&t, count_cell(a, p->has_numerator, p->numerator));
		table_add(&t, count_cell(a, p->has_denominator, p->denominator));
		table_add(&t, cell(a, ind, p->has_value, p->value));
		table_add(&t, cell(a, ind, p->has_ci, p->lower));
		table_add(&t, cell(a, ind, p->has_ci, p->upper));
		table_addf(&t, "%s%s%s", p->small ? "small " : "",
			   p->example ? "example " : "", p->has_value ? "" : "n/a");
		table_add(&t, p->source);
	}
	table_print(&t, out);
	buf_addc(out, '\n');
	buf_printf(out, "%s%s\n", h->summary, h->example ? " [example data]" : "");
	for (size_t i = 0; i < h->n_st; i++)
		show_statement(out, &h->st[i]);
}

static void show_csv(struct buf *out, const struct hl_indicator *h)
{
	struct csv cv;

	csv_init(&cv, out);
	csv_text(&cv, "area"); csv_text(&cv, "period");
	csv_text(&cv, "period_start"); csv_text(&cv, "period_end");
	csv_text(&cv, "numerator"); csv_text(&cv, "denominator");
	csv_text(&cv, "value"); csv_text(&cv, "lower"); csv_text(&cv, "upper");
	csv_text(&cv, "ci_method"); csv_text(&cv, "small");
	csv_text(&cv, "example"); csv_text(&cv, "source"); csv_text(&cv, "note");
	csv_end_row(&cv);
	for (size_t i = 0; i < h->series.n; i++) {
		const struct ind_point *p = &h->series.points[i];

		csv_text(&cv, p->area); csv_text(&cv, p->period);
		csv_text(&cv, p->start); csv_text(&cv, p->end);
		if (p->has_numerator) csv_num(&cv, p->numerator); else csv_empty(&cv);
		if (p->has_denominator) csv_num(&cv, p->denominator); else csv_empty(&cv);
		if (p->has_value) csv_num(&cv, p->value); else csv_empty(&cv);
		if (p->has_ci) csv_num(&cv, p->lower); else csv_empty(&cv);
		if (p->has_ci) csv_num(&cv, p->upper); else csv_empty(&cv);
		csv_text(&cv, p->has_ci ? p->ci_method : NULL);
		csv_text(&cv, p->small ? "true" : "false");
		csv_text(&cv, p->example ? "true" : "false");
		csv_text(&cv, p->source); csv_text(&cv, p->note);
		csv_end_row(&cv);
	}
}

static int ind_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct ind_opts o;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct ind_ctx c;
	struct indicator *ind;
	struct hl_indicator h;
	struct store *s;
	const char *area, **areas;
	size_t n_areas;
	int rc;

	if ((rc = read_opts("indicators", argc, argv, false, &o)) != 0)
		return rc;
	if (optind + 1 != argc)
		return cmd_usage_error("indicators", "show needs one indicator code");
	if (!(s = open_ctx(ctx, o.level, &c)))
		return 1;
	rc = 1;
	if (!(ind = store_indicator_find(s, &ctx->arena, argv[optind], &e))) {
		cmd_fail(&e);
		goto out;
	}
	if (!(area = choose_area(&c, o.area)))
		goto out;
	if (!(areas = ind_areas(&c, ind, &n_areas, &e)) ||
	    hl_indicator(&c, ind, area, NULL, &h, &e) < 0) {
		cmd_fail(&e);
		goto out;
	}
	if (o.fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_indicator_detail(&j, &h, areas, n_areas, c.level);
		buf_addc(&out, '\n');
	} else if (o.fmt == FORMAT_CSV) {
		show_csv(&out, &h);
	} else {
		show_table(&out, &ctx->arena, &h, c.level);
	}
	rc = cmd_write_out(&out, NULL);
out:
	buf_release(&out);
	store_close(s);
	return rc;
}

/* safer indicators mark CODE|ID open|official|official-sensitive */
static int ind_mark(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct err e = ERR_INIT;
	struct store *s;
	struct indicator *ind;
	const char *level;

	if (argc != 3)
		return cmd_usage_error("indicators", "say mark CODE open|official|"
						     "official-sensitive");
	level = strcmp(argv[2], "official-sensitive") == 0 ? "official_sensitive"
							   : argv[2];
	if (!choice_label(sensitivities, level))
		return cmd_usage_error("indicators", "the sensitivity must be open, "
						     "official or official-sensitive, "
						     "not '%s'",
				       argv[2]);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(ind = store_indicator_find(s, &ctx->arena, argv[1], &e)) ||
	    store_indicator_mark(s, ind->id, level, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("%s is %s\n", ind->code, choice_label(sensitivities, level));
	store_close(s);
	return 0;
}

int cmd_indicators(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("indicators", "say list, show or mark");
	if (strcmp(argv[1], "list") == 0)
		return ind_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "show") == 0)
		return ind_show(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "mark") == 0)
		return ind_mark(argc - 1, argv + 1, ctx);
	return cmd_usage_error("indicators", "unknown subcommand '%s'", argv[1]);
}

/* ---------------------------------------------------------------------
 * headlines
 */

static void headlines_text(struct buf *out, struct arena *a,
			   const struct hl_report *r)
{
	buf_printf(out, "Performance headlines for %s", r->area);
	if (r->period)
		buf_printf(out, ", figures to the end of %s", r->period);
	else
		buf_adds(out, ", latest figures");
	buf_printf(out, " (%s confidence)\n", ind_level_text(a, r->level));
	if (r->plan_title)
		buf_printf(out, "Themes of %s\n", r->plan_title);
	for (size_t t = 0; t < r->n_themes; t++) {
		const struct hl_theme *th = &r->themes[t];

		buf_printf(out, "\n== %s ==\n", th->name);
		for (size_t i = 0; i < th->n; i++) {
			const struct hl_indicator *h = &th->items[i];

			buf_printf(out, "\n%s%s\n", h->summary,
				   h->example ? " [example data]" : "");
			for (size_t k = 0; k < h->n_st; k++)
				show_statement(out, &h->st[k]);
			buf_printf(out, "  data: %s\n", h->link);
		}
	}
}

int cmd_headlines(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct ind_opts o;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct ind_ctx c;
	struct hl_report r;
	struct store *s;
	const char *area;
	int rc;

	if ((rc = read_opts("headlines", argc, argv, true, &o)) != 0)
		return rc;
	if (optind < argc)
		return cmd_usage_error("headlines", "unexpected argument '%s'",
				       argv[optind]);
	if (!(s = open_ctx(ctx, o.level, &c)))
		return 1;
	rc = 1;
	if (!(area = choose_area(&c, o.area)))
		goto out;
	if (hl_report(&c, area, o.period, &r, &e) < 0) {
		cmd_fail(&e);
		goto out;
	}
	if (o.fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_headlines(&j, &r);
		buf_addc(&out, '\n');
	} else {
		headlines_text(&out, &ctx->arena, &r);
	}
	rc = cmd_write_out(&out, NULL);
out:
	buf_release(&out);
	store_close(s);
	return rc;
}
