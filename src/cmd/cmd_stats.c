/*
 * cmd_stats.c: "safer stats", the statistics module on numbers given on
 * the command line (and SPC values on standard input), as JSON or text.
 */
#include <getopt.h>
#include <math.h>

#include "base/json.h"
#include "base/text.h"
#include "cmd.h"
#include "stats/stats.h"

struct stats_opts {
	double level;  /* a fraction: 0.95 */
	bool json;
	double per;
	bool have_exposure;
	double t1, t2;
	size_t baseline;
	enum stats_polarity polarity;
	size_t rebase[STATS_SPC_MAX_SEGMENTS];
	size_t n_rebase;
};

/* A non-negative number of events. */
static int arg_count(const char *name, const char *arg, int64_t *v)
{
	if (text_int64(arg, 0, INT64_MAX / 2, v, name, NULL) < 0) {
		cmd_usage_error("stats", "%s must be a whole number 0 or more, not '%s'",
				name, arg);
		return -1;
	}
	return 0;
}

/* A finite positive number. */
static int arg_positive(const char *name, const char *arg, double *v)
{
	char *end;

	*v = strtod(arg, &end);
	if (end == arg || *end || !isfinite(*v) || *v <= 0) {
		cmd_usage_error("stats", "%s must be a number above 0, not '%s'", name,
				arg);
		return -1;
	}
	return 0;
}

static int read_opts(int argc, char **argv, struct stats_opts *o)
{
	static const struct option opts[] = {
		{ "level", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "per", required_argument, NULL, 'p' },
		{ "exposure", required_argument, NULL, 'e' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "improvement", required_argument, NULL, 'i' },
		{ "rebase", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->level = 0.95;
	o->per = 1000;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		int64_t n;

		switch (c) {
		case 'l':
			if (stats_level_parse(optarg, &o->level) < 0) {
				cmd_usage_error("stats", "--level must be a percentage "
							 "from 50 to below 100, like 95 "
							 "or 99.8");
				return -1;
			}
			break;
		case 'f':
			if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0) {
				cmd_usage_error("stats", "--format must be json or text");
				return -1;
			}
			o->json = strcmp(optarg, "json") == 0;
			break;
		case 'p':
			if (arg_positive("--per", optarg, &o->per) < 0)
				return -1;
			break;
		case 'e':
			/* --exposure T1 T2: the second value is the next word. */
			if (optind >= argc ||
			    arg_positive("--exposure T1", optarg, &o->t1) < 0 ||
			    arg_positive("--exposure T2", argv[optind], &o->t2) < 0) {
				if (optind >= argc)
					cmd_usage_error("stats", "--exposure needs T1 and T2");
				return -1;
			}
			optind++;
			o->have_exposure = true;
			break;
		case 'b':
			if (text_int64(optarg, 2, 1000000, &n, "--baseline", NULL) < 0) {
				cmd_usage_error("stats", "--baseline must be a number of "
							 "points, 2 or more");
				return -1;
			}
			o->baseline = (size_t)n;
			break;
		case 'i':
			if (strcmp(optarg, "up") == 0)
				o->polarity = STATS_POLARITY_HIGHER_BETTER;
			else if (strcmp(optarg, "down") == 0)
				o->polarity = STATS_POLARITY_LOWER_BETTER;
			else {
				cmd_usage_error("stats", "--improvement must be up or down");
				return -1;
			}
			break;
		case 'r': {
			char *copy = xstrdup(optarg), *save = NULL;

			for (char *t = strtok_r(copy, ",", &save); t;
			     t = strtok_r(NULL, ",", &save)) {
				if (o->n_rebase >= STATS_SPC_MAX_SEGMENTS - 1 ||
				    text_int64(t, 1, 100000000, &n, "--rebase", NULL) < 0) {
					free(copy);
					cmd_usage_error("stats", "--rebase takes point "
								 "numbers like 13,25");
					return -1;
				}
				/* Users count points from 1; the module from 0. */
				o->rebase[o->n_rebase++] = (size_t)n - 1;
			}
			free(copy);
			break;
		}
		default:
			cmd_usage_error("stats", "unknown option");
			return -1;
		}
	}
	return 0;
}

static void put_interval(struct buf *b, const struct stats_opts *o,
			 const struct stats_interval *iv, const char *what)
{
	if (o->json) {
		struct jw j;

		jw_init(&j, b, true);
		jw_obj(&j);
		jw_kv_num(&j, "value", iv->value);
		jw_kv_num(&j, "lower", iv->lower);
		jw_kv_num(&j, "upper", iv->upper);
		jw_kv_num(&j, "level", iv->level * 100);
		jw_kv_str(&j, "method", iv->method);
		jw_end(&j);
		buf_addc(b, '\n');
		return;
	}
	buf_printf(b, "%s %.6g (%.4g%% confidence interval %.6g to %.6g)\n"
		      "method: %s\n",
		   what, iv->value, iv->level * 100, iv->lower, iv->upper,
		   iv->method);
}

static int run_proportion(int argc, char **argv, const struct stats_opts *o,
			  struct buf *b)
{
	struct stats_interval iv;
	struct err e = ERR_INIT;
	int64_t k, n;

	if (argc != 2)
		return cmd_usage_error("stats", "proportion needs K and N");
	if (arg_count("K", argv[0], &k) < 0 || arg_count("N", argv[1], &n) < 0)
		return 2;
	if (stats_proportion(k, n, o->level, &iv, &e) < 0)
		return cmd_fail(&e);
	put_interval(b, o, &iv, "proportion");
	return 0;
}

static int run_rate(int argc, char **argv, const struct stats_opts *o,
		    struct buf *b)
{
	struct stats_interval iv;
	struct err e = ERR_INIT;
	int64_t k;
	double den;
	char what[64];

	if (argc != 2)
		return cmd_usage_error("stats", "rate needs K and DENOMINATOR");
	if (arg_count("K", argv[0], &k) < 0 ||
	    arg_positive("DENOMINATOR", argv[1], &den) < 0)
		return 2;
	if (stats_rate(k, den, o->per, o->level, &iv, &e) < 0)
		return cmd_fail(&e);
	snprintf(what, sizeof(what), "rate per %g", o->per);
	put_interval(b, o, &iv, what);
	return 0;
}

static int run_compare(int argc, char **argv, const struct stats_opts *o,
		       struct buf *b)
{
	struct stats_ztest z;
	struct err e = ERR_INIT;
	int64_t k1, n1, k2, n2;

	if (argc != 4)
		return cmd_usage_error("stats", "compare-proportions needs K1 N1 K2 N2");
	if (arg_count("K1", argv[0], &k1) < 0 || arg_count("N1", argv[1], &n1) < 0 ||
	    arg_count("K2", argv[2], &k2) < 0 || arg_count("N2", argv[3], &n2) < 0)
		return 2;
	if (stats_compare_proportions(k1, n1, k2, n2, o->level, &z, &e) < 0)
		return cmd_fail(&e);
	if (o->json) {
		struct jw j;

		jw_init(&j, b, true);
		jw_obj(&j);
		jw_kv_num(&j, "p1", z.p1);
		jw_kv_num(&j, "p2", z.p2);
		jw_kv_num(&j, "difference", z.difference);
		jw_kv_num(&j, "z", z.z);
		jw_kv_num(&j, "p", z.p_value);
		jw_kv_bool(&j, "significant", z.significant);
		jw_kv_num(&j, "level", z.level * 100);
		jw_kv_str(&j, "method", z.method);
		jw_end(&j);
		buf_addc(b, '\n');
	} else {
		buf_printf(b, "%.4g%% against %.4g%%: difference %.4g points, z = %.4g, "
			      "p = %.4g: %s at the %.4g%% level\nmethod: %s\n",
			   z.p1 * 100, z.p2 * 100, z.difference * 100, z.z, z.p_value,
			   z.significant ? "significant" : "not significant",
			   z.level * 100, z.method);
	}
	return 0;
}

static int run_change(int argc, char **argv, const struct stats_opts *o,
		      struct buf *b)
{
	struct stats_change c;
	struct err e = ERR_INIT;
	int64_t k1, k2;

	if (argc != 2)
		return cmd_usage_error("stats", "change needs K1 and K2");
	if (arg_count("K1", argv[0], &k1) < 0 || arg_count("K2", argv[1], &k2) < 0)
		return 2;
	if (stats_change(k1, o->have_exposure ? o->t1 : 1, k2,
			 o->have_exposure ? o->t2 : 1, o->level, &c, &e) < 0)
		return cmd_fail(&e);
	if (o->json) {
		struct jw j;

		jw_init(&j, b, true);
		jw_obj(&j);
		jw_kv_num(&j, "ratio", c.ratio);
		jw_kv_num(&j, "percent_change", c.percent);
		jw_kv_num(&j, "lower", c.lower);
		jw_kv_num(&j, "upper", c.upper);
		jw_kv_num(&j, "p", c.p_value);
		jw_kv_bool(&j, "significant", c.significant);
		jw_kv_num(&j, "level", c.level * 100);
		jw_kv_str(&j, "method", c.method);
		jw_kv_str(&j, "interval_method", c.interval_method);
		jw_end(&j);
		buf_addc(b, '\n');
	} else if (isnan(c.ratio)) {
		buf_printf(b, "no change can be stated from a count of 0\nmethod: %s\n",
			   c.method);
	} else {
		buf_printf(b, "%s %.3g%% (rate ratio %.4g, %.4g%% interval %.4g to "
			      "%.4g), p = %.4g: %s\nmethod: %s\n",
			   c.percent < 0 ? "down" : "up", fabs(c.percent), c.ratio,
			   c.level * 100, c.lower, c.upper, c.p_value,
			   c.significant ? "a significant change"
					 : "not a significant change",
			   c.method);
	}
	return 0;
}

/* Read one number a line from f; blank lines are skipped. */
static int read_values(FILE *f, double **out, size_t *n)
{
	char line[256];
	size_t cap = 0, lineno = 0;

	*out = NULL;
	*n = 0;
	while (fgets(line, sizeof(line), f)) {
		char *t, *end;
		double v;

		lineno++;
		t = text_trim(line);
		if (!*t)
			continue;
		v = strtod(t, &end);
		if (end == t || *end || !isfinite(v)) {
			fprintf(stderr, "safer: standard input:%zu: '%s' is not a number\n",
				lineno, t);
			free(*out);
			return -1;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		(*out)[(*n)++] = v;
	}
	return 0;
}

static int run_spc(int argc, const struct stats_opts *o, struct buf *b)
{
	struct stats_spc_options so = { 0 };
	struct stats_spc_result res;
	struct stats_spc_point *pts;
	struct err e = ERR_INIT;
	double *v;
	size_t n;

	if (argc != 0)
		return cmd_usage_error("stats", "spc reads its values from standard input");
	if (read_values(stdin, &v, &n) < 0)
		return 1;
	so.baseline = o->baseline;
	so.polarity = o->polarity;
	so.rebase_at = o->rebase;
	so.n_rebase = o->n_rebase;
	pts = xcalloc(n ? n : 1, sizeof(*pts));
	if (stats_spc(v, n, &so, pts, &res, &e) < 0) {
		free(v);
		free(pts);
		return cmd_fail(&e);
	}
	if (o->json) {
		struct jw j;

		jw_init(&j, b, true);
		jw_obj(&j);
		jw_kv_num(&j, "mean", res.segments[0].mean);
		jw_kv_num(&j, "upper", res.segments[0].upper_limit);
		jw_kv_num(&j, "lower", res.segments[0].lower_limit);
		jw_kv_str(&j, "method", res.method);
		jw_key(&j, "segments");
		jw_arr(&j);
		for (size_t s = 0; s < res.n_segments; s++) {
			jw_obj(&j);
			jw_kv_int(&j, "start", (int64_t)res.segments[s].start + 1);
			jw_kv_int(&j, "points", (int64_t)res.segments[s].n);
			jw_kv_int(&j, "baseline", (int64_t)res.segments[s].baseline);
			jw_kv_num(&j, "mean", res.segments[s].mean);
			jw_kv_num(&j, "average_moving_range", res.segments[s].amr);
			jw_kv_num(&j, "lower", res.segments[s].lower_limit);
			jw_kv_num(&j, "upper", res.segments[s].upper_limit);
			jw_kv_int(&j, "screened_moving_ranges",
				  (int64_t)res.segments[s].screened);
			jw_end(&j);
		}
		jw_end(&j);
		jw_key(&j, "points");
		jw_arr(&j);
		for (size_t i = 0; i < n; i++) {
			jw_obj(&j);
			jw_kv_num(&j, "value", pts[i].value);
			jw_kv_bool(&j, "special", pts[i].special);
			jw_key(&j, "rules");
			jw_arr(&j);
			for (unsigned bit = 1; bit <= STATS_SPC_SHIFT; bit <<= 1)
				if (pts[i].rules & bit)
					jw_str(&j, stats_spc_rule_name(bit));
			jw_end(&j);
			jw_kv_str(&j, "class", pts[i].class_name);
			jw_end(&j);
		}
		jw_end(&j);
		jw_end(&j);
		buf_addc(b, '\n');
	} else {
		for (size_t s = 0; s < res.n_segments; s++)
			buf_printf(b, "points %zu-%zu: mean %.6g, process limits %.6g to "
				      "%.6g\n",
				   res.segments[s].start + 1,
				   res.segments[s].start + res.segments[s].n,
				   res.segments[s].mean, res.segments[s].lower_limit,
				   res.segments[s].upper_limit);
		for (size_t i = 0; i < n; i++)
			if (pts[i].special)
				buf_printf(b, "point %zu (%.6g): %s, %s\n", i + 1,
					   pts[i].value, pts[i].type_name,
					   pts[i].class_name);
		buf_printf(b, "method: %s\n", res.method);
	}
	free(v);
	free(pts);
	return 0;
}

int cmd_stats(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct stats_opts o;
	struct buf b = BUF_INIT;
	const char *what;
	int rc;

	UNUSED(ctx);
	if (argc < 2)
		return cmd_usage_error("stats", "say proportion, rate, "
						"compare-proportions, change or spc");
	what = argv[1];
	if (read_opts(argc - 1, argv + 1, &o) < 0)
		return 2;
	argc -= optind + 1;
	argv += optind + 1;
	if (strcmp(what, "proportion") == 0)
		rc = run_proportion(argc, argv, &o, &b);
	else if (strcmp(what, "rate") == 0)
		rc = run_rate(argc, argv, &o, &b);
	else if (strcmp(what, "compare-proportions") == 0)
		rc = run_compare(argc, argv, &o, &b);
	else if (strcmp(what, "change") == 0)
		rc = run_change(argc, argv, &o, &b);
	else if (strcmp(what, "spc") == 0)
		rc = run_spc(argc, &o, &b);
	else
		rc = cmd_usage_error("stats", "unknown statistic '%s'", what);
	if (rc == 0)
		rc = cmd_write_out(&b, NULL);
	buf_release(&b);
	return rc;
}
