/*
 * cmd_import.c: "safer import police|geography ...".
 */
#include <getopt.h>

#include "cmd.h"
#include "ingest/ingest.h"
#include "store/store.h"

static int import_police(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "skip-bad-rows", no_argument, NULL, 's' },
		{ "threads", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	struct police_options o = { 0 };
	struct police_report r;
	struct err e = ERR_INIT;
	struct store *s;
	int64_t threads;
	int c, rc = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 's')
			o.skip_bad_rows = true;
		else if (c == 't') {
			if (cmd_arg_id("import", "--threads", optarg, &threads) < 0)
				return 2;
			o.threads = (unsigned)threads;
		} else
			return cmd_usage_error("import", "unknown option");
	}
	if (optind >= argc)
		return cmd_usage_error("import", "police needs files or folders");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (ingest_police(s, (const char *const *)argv + optind,
			  (size_t)(argc - optind), &o, &r, &e) < 0) {
		fprintf(stderr, "safer: %s\nsafer: nothing was imported; the database "
				"is as it was\n",
			e.msg);
		rc = 1;
	} else {
		printf("read %lld rows from %lld files in %.2f s: %lld street-level, "
		       "%lld outcomes, %lld stop and search\n",
		       (long long)r.rows_read, (long long)r.files, r.seconds,
		       (long long)r.by_kind[0], (long long)r.by_kind[1],
		       (long long)r.by_kind[2]);
		printf("added %lld rows, replaced %lld, unchanged %lld (already "
		       "imported), skipped %lld\n",
		       (long long)r.rows_added, (long long)r.rows_replaced,
		       (long long)r.rows_unchanged, (long long)r.rows_skipped);
		if (r.no_location)
			printf("%lld rows have no location; they are kept and count "
			       "towards their force\n",
			       (long long)r.no_location);
		for (size_t i = 0; i < r.n_skipped; i++)
			printf("skipped: %s\n", r.skipped[i]);
		if (r.rows_skipped > (int64_t)r.n_skipped)
			printf("skipped: and %lld more\n",
			       (long long)(r.rows_skipped - (int64_t)r.n_skipped));
	}
	police_report_release(&r);
	store_close(s);
	return rc;
}

static int import_geography(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct geography_report r;
	struct err e = ERR_INIT;
	struct store *s;
	int rc = 0;

	if (argc != 2)
		return cmd_usage_error("import", "geography needs one CSV file");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (ingest_geography(s, argv[1], &r, &e) < 0) {
		fprintf(stderr, "safer: %s\nsafer: nothing was imported; the database "
				"is as it was\n",
			e.msg);
		rc = 1;
	} else {
		printf("read %lld rows: %lld LSOAs with %s\n", (long long)r.rows,
		       (long long)r.lsoas, r.columns);
	}
	store_close(s);
	return rc;
}

static int import_indicators(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct indicator_report r;
	struct err e = ERR_INIT;
	struct store *s;
	int rc = 0;

	if (argc < 2)
		return cmd_usage_error("import", "indicators needs CSV files");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	for (int i = 1; i < argc && rc == 0; i++) {
		if (ingest_indicators(s, argv[i], &r, &e) < 0) {
			fprintf(stderr, "safer: %s\nsafer: nothing was imported from "
					"'%s'; the database is as it was\n",
				e.msg, argv[i]);
			rc = 1;
		} else if (r.definitions) {
			printf("%s: %lld indicator definition%s\n", argv[i],
			       (long long)r.indicators, r.indicators == 1 ? "" : "s");
		} else {
			printf("%s: %lld value%s, %lld of them marked not available",
			       argv[i], (long long)r.values, r.values == 1 ? "" : "s",
			       (long long)r.missing);
			if (r.indicators_created)
				printf(" (%lld new indicator%s)",
				       (long long)r.indicators_created,
				       r.indicators_created == 1 ? "" : "s");
			putchar('\n');
		}
	}
	store_close(s);
	return rc;
}

int cmd_import(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("import", "say police, geography or indicators");
	if (strcmp(argv[1], "police") == 0)
		return import_police(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "geography") == 0)
		return import_geography(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "indicators") == 0)
		return import_indicators(argc - 1, argv + 1, ctx);
	return cmd_usage_error("import", "can import police, geography or "
					 "indicators, not '%s'",
			       argv[1]);
}
