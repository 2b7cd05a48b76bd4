/*
 * cmd_crime.c: "safer crime counts|top|summary" and "safer peers".
 */
#include <getopt.h>
#include <time.h>

#include "base/text.h"
#include "cmd.h"
#include "crime/answer.h"
#include "crime/crime.h"
#include "crime/engine.h"
#include "crime/policeuk.h"
#include "store/store_crime.h"
#include "store/store_indicator.h"

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int crime_ask(int argc, char **argv, struct cmd_ctx *ctx, bool top)
{
	static const struct option opts[] = {
		{ "area", required_argument, NULL, 'a' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "type", required_argument, NULL, 'y' },
		{ "by", required_argument, NULL, 'b' },
		{ "n", required_argument, NULL, 'n' },
		{ "rate", no_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'F' },
		{ "timing", no_argument, NULL, 'T' },
		{ "change", no_argument, NULL, 'c' },
		{ "rolling", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = top ? "crime top" : "crime counts";
	struct question q = { 0 };
	struct prepared p;
	struct ce_result r;
	struct extras x;
	enum answer_format fmt = ANSWER_TABLE;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	const struct crime_engine *g;
	struct store *s;
	bool timing = false;
	double t0, t1;
	int c, rc;

	q.top = top ? 10 : 0;
	q.default_months = top ? 12 : 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		int64_t v;

		switch (c) {
		case 'a': q.area = optarg; break;
		case 'f': q.from = optarg; break;
		case 't': q.to = optarg; break;
		case 'y':
			if (q.n_types == ARRAY_SIZE(q.types))
				return cmd_usage_error(name, "too many --type");
			q.types[q.n_types++] = optarg;
			break;
		case 'b': q.by = optarg; break;
		case 'r': q.rate = true; break;
		case 'T': timing = true; break;
		case 'c': q.change = true; break;
		case 'R': q.rolling = true; break;
		case 'n':
			if (!top || cmd_arg_id(name, "--n", optarg, &v) < 0)
				return top ? 2 : cmd_usage_error(name, "--n is for top");
			if (v > ANSWER_MAX_TOP)
				return cmd_usage_error(name, "--n must be at most %d",
						       ANSWER_MAX_TOP);
			q.top = (size_t)v;
			break;
		case 'F':
			if (strcmp(optarg, "csv") == 0)
				fmt = ANSWER_CSV;
			else if (strcmp(optarg, "json") == 0)
				fmt = ANSWER_JSON;
			else if (strcmp(optarg, "table") == 0)
				fmt = ANSWER_TABLE;
			else
				return cmd_usage_error(name, "--format must be csv, json "
							     "or table");
			break;
		default: return cmd_usage_error(name, "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error(name, "unexpected argument '%s'", argv[optind]);
	if (!q.by)
		return cmd_usage_error(name, top ? "say --by lsoa, ward or district"
						 : "say what to count by, like "
						   "--by month,type");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	t0 = now_ms();
	g = crime_acquire(s, &ctx->arena, &e);
	t1 = now_ms();
	store_close(s);
	if (!g)
		return cmd_fail(&e);
	if (answer_prepare(g, &ctx->arena, &q, &p, &e) < 0 ||
	    answer_run(g, &ctx->arena, &p, &r, &e) < 0 ||
	    answer_extras(g, &ctx->arena, &p, &r, &x, &e) < 0) {
		return cmd_fail(&e);
	}
	if (timing) {
		/* The question again, timed alone: the median of 21 runs. */
		double ms[21];
		struct arena a = ARENA_INIT;

		for (size_t i = 0; i < ARRAY_SIZE(ms); i++) {
			struct ce_result again;
			double s0 = now_ms();

			answer_run(g, &a, &p, &again, NULL);
			ms[i] = now_ms() - s0;
			arena_reset(&a);
		}
		arena_release(&a);
		qsort(ms, ARRAY_SIZE(ms), sizeof(ms[0]), cmp_double);
		fprintf(stderr, "safer: load %.1f ms, query %.3f ms (median of %zu)\n",
			t1 - t0, ms[ARRAY_SIZE(ms) / 2], ARRAY_SIZE(ms));
	}
	answer_write(&out, fmt, g, &p, &r, &x);
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	return rc;
}

static int crime_summary(struct cmd_ctx *ctx)
{
	struct crime_summary cs;
	struct err e = ERR_INIT;
	struct store *s;
	char first[8], last[8];

	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_crime_summary(s, &cs, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	store_close(s);
	if (cs.first_month >= 0) {
		pu_month_format(cs.first_month, first);
		pu_month_format(cs.last_month, last);
		printf("street-level crime: %lld rows in %lld force-months, %s to %s; "
		       "%lld with no location\n",
		       (long long)cs.rows[0], (long long)cs.batches[0], first, last,
		       (long long)cs.no_location);
	} else {
		printf("street-level crime: none\n");
	}
	printf("outcomes: %lld rows in %lld force-months\n", (long long)cs.rows[1],
	       (long long)cs.batches[1]);
	printf("stop and search: %lld rows in %lld force-months\n",
	       (long long)cs.rows[2], (long long)cs.batches[2]);
	if (cs.generated_rows)
		printf("of which generated for the demo: %lld street-level rows\n",
		       (long long)cs.generated_rows);
	printf("files imported: %lld; geography: %lld LSOAs; peer groups: %lld\n",
	       (long long)cs.files, (long long)cs.geography_lsoas,
	       (long long)cs.peer_groups);
	return 0;
}

int cmd_crime(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("crime", "say counts, top or summary");
	if (strcmp(argv[1], "counts") == 0)
		return crime_ask(argc - 1, argv + 1, ctx, false);
	if (strcmp(argv[1], "top") == 0)
		return crime_ask(argc - 1, argv + 1, ctx, true);
	if (strcmp(argv[1], "summary") == 0 && argc == 2)
		return crime_summary(ctx);
	return cmd_usage_error("crime", "unknown subcommand '%s'", argv[1]);
}

/* Refuse at once a member nobody knows, naming it, rather than store a
 * group every later question about fails on.  A member is a place of the
 * crime data or the geography as ce_place_find finds it (a force, a
 * district, a ward, an LSOA; "St Helens" finds "St. Helens"), or an area
 * with indicator figures. */
static int check_members(struct store *s, struct arena *a,
			 char *const *members, size_t n, struct err *e)
{
	const struct crime_engine *g = crime_acquire(s, a, e);
	const char **areas;
	size_t n_areas;

	if (!g || !(areas = store_indicator_areas(s, a, 0, &n_areas, e)))
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct ce_area place;
		struct err why = ERR_INIT;
		bool known = false;

		if (ce_place_find(g, a, members[i], &place, &why) == 0)
			continue;
		if (why.code != ERR_NOT_FOUND) /* two wards of that name */
			return err_set(e, why.code, "members", "member '%s': %s",
				       members[i], why.msg);
		for (size_t k = 0; k < n_areas && !known; k++)
			known = text_same_area(areas[k], members[i]);
		if (!known)
			return err_set(e, ERR_NOT_FOUND, "members",
				       "no area called '%s': a member of a peer group "
				       "is a force, a district (local authority), a "
				       "ward or an LSOA of the crime data or the "
				       "geography, or an area with indicator figures",
				       members[i]);
	}
	return 0;
}

int cmd_peers(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct err e = ERR_INIT;
	struct store *s;
	int rc = 0;

	if (argc < 2)
		return cmd_usage_error("peers", "say list, set or delete");
	if (strcmp(argv[1], "set") == 0 && argc < 4)
		return cmd_usage_error("peers", "set needs a name and its members");
	if (strcmp(argv[1], "delete") == 0 && argc != 3)
		return cmd_usage_error("peers", "delete needs a name");
	if (strcmp(argv[1], "list") != 0 && strcmp(argv[1], "set") != 0 &&
	    strcmp(argv[1], "delete") != 0)
		return cmd_usage_error("peers", "unknown subcommand '%s'", argv[1]);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (strcmp(argv[1], "set") == 0) {
		rc = check_members(s, &ctx->arena, argv + 3, (size_t)(argc - 3), &e);
		if (rc == 0)
			rc = store_peer_group_set(s, argv[2], NULL,
						  (const char *const *)argv + 3,
						  (size_t)(argc - 3), &e);
	} else if (strcmp(argv[1], "delete") == 0) {
		rc = store_peer_group_delete(s, argv[2], &e);
	} else {
		size_t n;
		struct peer_group *pg = store_peer_groups(s, &ctx->arena, &n, &e);

		if (!pg)
			rc = -1;
		for (size_t i = 0; pg && i < n; i++) {
			printf("%s:", pg[i].name);
			for (size_t k = 0; k < pg[i].n_members; k++)
				printf("%s %s", k ? "," : "", pg[i].members[k]);
			printf("\n");
		}
	}
	store_close(s);
	return rc < 0 ? cmd_fail(&e) : 0;
}
