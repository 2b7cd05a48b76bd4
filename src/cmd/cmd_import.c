/*
 * cmd_import.c: "safer import police|geography|indicators|moderngov ...",
 * and the
 * history of imports: "safer import history" and "safer import undo ID".
 */
#include <getopt.h>

#include "cmd.h"
#include "ingest/ingest.h"
#include "repr/repr.h"
#include "store/store_import.h"

static int import_police(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "skip-bad-rows", no_argument, NULL, 's' },
		{ "replace-shorter", no_argument, NULL, 'r' },
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
		else if (c == 'r')
			o.replace_shorter = true;
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
		if (r.force_months_repeated)
			printf("%lld force-month%s given by more than one file; the "
			       "later file wins (%lld rows of earlier files left "
			       "out):\n",
			       (long long)r.force_months_repeated,
			       r.force_months_repeated == 1 ? " was" : "s were",
			       (long long)r.rows_lost);
		for (size_t i = 0; i < r.n_repeated; i++)
			printf("  %s\n", r.repeated[i]);
		if (r.force_months_repeated > (int64_t)r.n_repeated)
			printf("  and %lld more\n",
			       (long long)(r.force_months_repeated -
					   (int64_t)r.n_repeated));
		if (r.no_location)
			printf("%lld rows have no location; they are kept and count "
			       "towards their force\n",
			       (long long)r.no_location);
		for (size_t i = 0; i < r.n_skipped; i++)
			printf("skipped: %s\n", r.skipped[i]);
		if (r.rows_skipped > (int64_t)r.n_skipped)
			printf("skipped: and %lld more\n",
			       (long long)(r.rows_skipped - (int64_t)r.n_skipped));
		if (r.files_skipped)
			printf("skipped %lld file%s that %s not police.uk data:\n",
			       (long long)r.files_skipped,
			       r.files_skipped == 1 ? "" : "s",
			       r.files_skipped == 1 ? "is" : "are");
		for (size_t i = 0; i < r.n_skipped_files; i++)
			printf("  %s\n", r.skipped_files[i]);
		if (r.files_skipped > (int64_t)r.n_skipped_files)
			printf("  and %lld more\n",
			       (long long)(r.files_skipped -
					   (int64_t)r.n_skipped_files));
		if (r.rows_added)
			printf("recorded as import %lld ('safer import undo %lld' "
			       "puts back what it replaced)\n",
			       (long long)r.import_id, (long long)r.import_id);
		else
			printf("recorded as import %lld\n", (long long)r.import_id);
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

static int import_moderngov(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct moderngov_report r;
	struct err e = ERR_INIT;
	struct store *s;
	int rc = 0;

	if (argc < 2)
		return cmd_usage_error("import", "moderngov needs XML files (saved "
						 "responses of GetCommittees, "
						 "GetMeetings or GetMeeting)");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (ingest_moderngov(s, (const char *const *)argv + 1,
			     (size_t)(argc - 1), &r, &e) < 0) {
		fprintf(stderr, "safer: %s\nsafer: nothing was imported; the database "
				"is as it was\n",
			e.msg);
		rc = 1;
	} else {
		printf("read %lld file%s: %lld bodies, %lld meetings, %lld agenda "
		       "items, %lld documents\n",
		       (long long)r.files, r.files == 1 ? "" : "s",
		       (long long)r.bodies, (long long)r.meetings,
		       (long long)r.items, (long long)r.documents);
		printf("added %lld, updated %lld, unchanged %lld\n",
		       (long long)r.added, (long long)r.updated,
		       (long long)r.unchanged);
	}
	store_close(s);
	return rc;
}

static int import_history(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum cmd_format fmt = FORMAT_TABLE;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct import_record *r;
	struct store *s;
	size_t n;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		if (c != 'f' || cmd_arg_format("import", optarg, &fmt) < 0)
			return c == 'f' ? 2 : cmd_usage_error("import", "unknown option");
	if (optind < argc)
		return cmd_usage_error("import", "unexpected argument '%s'",
				       argv[optind]);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(r = store_imports(s, &ctx->arena, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	store_close(s);
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_imports(&j, r, n);
		buf_addc(&out, '\n');
	} else if (fmt == FORMAT_CSV) {
		repr_csv_imports(&out, r, n);
	} else if (!n) {
		buf_adds(&out, "no imports yet\n");
	} else {
		struct table t;

		table_init(&t, &ctx->arena, 9);
		table_add(&t, "ID"); table_add(&t, "FINISHED"); table_add(&t, "SOURCE");
		table_add(&t, "STATE"); table_add(&t, "BY"); table_add(&t, "FILES");
		table_add(&t, "ADDED"); table_add(&t, "REPLACED");
		table_add(&t, "UNCHANGED");
		for (size_t i = 0; i < n; i++) {
			table_addf(&t, "%lld", (long long)r[i].id);
			table_add(&t, r[i].finished_at ? r[i].finished_at : r[i].started_at);
			table_add(&t, r[i].source);
			table_add(&t, r[i].state);
			table_add(&t, r[i].by_user);
			table_addf(&t, "%zu", r[i].n_files);
			table_addf(&t, "%lld", (long long)r[i].counts.rows_added);
			table_addf(&t, "%lld", (long long)r[i].counts.rows_replaced);
			table_addf(&t, "%lld", (long long)r[i].counts.rows_unchanged);
		}
		table_print(&t, &out);
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	return rc;
}

static int import_undo(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct import_undo_report r;
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int rc = 0;

	if (argc != 2)
		return cmd_usage_error("import", "undo needs one import id "
						 "(see 'safer import history')");
	if (cmd_arg_id("import", "the import id", argv[1], &id) < 0)
		return 2;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_import_undo(s, id, &r, &e) < 0) {
		fprintf(stderr, "safer: %s\nsafer: nothing was undone; the database "
				"is as it was\n",
			e.msg);
		rc = 1;
	} else {
		printf("undid import %lld: removed %lld rows in %lld force-month%s "
		       "that it added, put back %lld rows in %lld force-month%s "
		       "that it replaced\n",
		       (long long)id, (long long)r.rows_removed,
		       (long long)r.batches_removed,
		       r.batches_removed == 1 ? "" : "s", (long long)r.rows_restored,
		       (long long)r.batches_restored,
		       r.batches_restored == 1 ? "" : "s");
		store_checkpoint(s, NULL, NULL);
	}
	store_close(s);
	return rc;
}

int cmd_import(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("import", "say police, geography, indicators, "
						 "moderngov, history or undo");
	if (strcmp(argv[1], "history") == 0)
		return import_history(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "undo") == 0)
		return import_undo(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "police") == 0)
		return import_police(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "geography") == 0)
		return import_geography(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "indicators") == 0)
		return import_indicators(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "moderngov") == 0)
		return import_moderngov(argc - 1, argv + 1, ctx);
	return cmd_usage_error("import", "can import police, geography, "
					 "indicators or moderngov (or show the "
					 "history, or undo), not '%s'",
			       argv[1]);
}
