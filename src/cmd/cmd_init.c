/*
 * cmd_init.c: "safer init", "safer serve", "safer help" and
 * "safer version": the commands about the program rather than the data.
 */
#include <getopt.h>
#include <unistd.h>

#include "base/text.h"
#include "cmd.h"
#include "http/http.h"
#include "http/server.h"
#include "store/store_account.h"
#include "store/store_people.h"

#define SAFER_VERSION "0.1.0"

int cmd_init(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "partnership", required_argument, NULL, 'p' },
		{ "area", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = NULL, *area = NULL;
	struct err e = ERR_INIT;
	struct store *s;
	int c, rc = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'p')
			name = optarg;
		else if (c == 'a')
			area = optarg;
		else
			return cmd_usage_error("init", "unknown option");
	}
	if (optind < argc)
		return cmd_usage_error("init", "unexpected argument '%s'", argv[optind]);
	if (!name != !area)
		return cmd_usage_error("init", "give both --partnership and --area");
	if (!(s = cmd_open_store(ctx, true)))
		return 1;
	if (name) {
		struct partnership *p = store_partnership(s, &ctx->arena, &e);

		if (p) {
			fprintf(stderr, "safer: the database already holds the "
					"partnership '%s'\n", p->name);
			rc = 1;
		} else if (e.code != ERR_NOT_FOUND) {
			rc = cmd_fail(&e);
		} else {
			err_clear(&e);
			if (store_partnership_create(s, name, area, NULL, NULL, &e) < 0)
				rc = cmd_fail(&e);
		}
	}
	if (!rc)
		printf("safer: database '%s' is ready (schema version %d)\n",
		       ctx->db_path, store_schema_version());
	store_close(s);
	return rc;
}

/* A whole number from min to max for option name; usage error message
 * on failure (returns -1). */
static int arg_number(const char *name, const char *arg, int64_t min,
		      int64_t max, int64_t *v)
{
	if (text_int64(arg, min, max, v, name, NULL) < 0) {
		cmd_usage_error("serve", "%s must be a whole number from %lld to "
				"%lld, not '%s'",
				name, (long long)min, (long long)max, arg);
		return -1;
	}
	return 0;
}

int cmd_serve(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "threads", required_argument, NULL, 't' },
		{ "no-cache", no_argument, NULL, 'n' },
		{ "cache-mb", required_argument, NULL, 'c' },
		{ "request-deadline", required_argument, NULL, 'd' },
		{ "max-connections", required_argument, NULL, 'm' },
		{ "max-per-client", required_argument, NULL, 'p' },
		{ "https-proxy", no_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 },
	};
	const char *listen = NULL;
	struct server_addr addr;
	struct server_options so = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t threads = 0, v;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'l') {
			listen = optarg;
		} else if (c == 'n') {
			http_cache_enabled = false;
		} else if (c == 'H') {
			http_behind_https = true;
		} else if (c == 't') {
			if (cmd_arg_id("serve", "--threads", optarg, &threads) < 0)
				return 2;
		} else if (c == 'c') {
			if (arg_number("--cache-mb", optarg, 0, 65536, &v) < 0)
				return 2;
			if (v)
				so.cache_bytes = (size_t)v * 1024 * 1024;
			else
				http_cache_enabled = false;
		} else if (c == 'd') {
			if (arg_number("--request-deadline", optarg, 1, 3600, &v) < 0)
				return 2;
			so.deadline = (unsigned)v;
		} else if (c == 'm') {
			if (arg_number("--max-connections", optarg, 16, 1000000, &v) < 0)
				return 2;
			so.max_connections = (unsigned)v;
		} else if (c == 'p') {
			if (arg_number("--max-per-client", optarg, 1, 1000000, &v) < 0)
				return 2;
			so.max_per_client = (unsigned)v;
		} else {
			return cmd_usage_error("serve", "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error("serve", "unexpected argument '%s'", argv[optind]);
	if (server_parse_listen(listen, &addr, &e) < 0)
		return cmd_usage_error("serve", "%s", e.msg);
	/* Open once here so that a missing or broken database is reported
	 * before the server starts, and migrations run once. */
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	/* Local mode is for loopback only: beyond it, accounts first. */
	if (!addr.loopback) {
		int64_t n = 0;

		if (store_account_count(s, &n, &e) < 0) {
			store_close(s);
			return cmd_fail(&e);
		}
		if (n == 0) {
			fprintf(stderr,
				"safer: refusing to serve %s to the network: there "
				"are no accounts, so anyone could change "
				"everything.  Add the first account, then serve:\n"
				"  safer users add EMAIL --name NAME --role admin "
				"--password-stdin\n"
				"(or serve on 127.0.0.1 for this machine only)\n",
				ctx->db_path);
			store_close(s);
			return 1;
		}
	}
	store_close(s);
	if (!threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		threads = n > 0 ? (n > 16 ? 16 : n) : 2;
	}
	so.threads = (unsigned)threads;
	if (server_run(ctx->db_path, ctx->site, &addr, &so, &e) < 0)
		return cmd_fail(&e);
	return 0;
}

int cmd_help(int argc, char **argv, struct cmd_ctx *ctx)
{
	const struct command *c = NULL;

	if (argc < 2) {
		printf("usage: safer [--db PATH] COMMAND [ARGS...]\n\nCommands:\n");
		for (size_t i = 0; i < ctx->n_commands; i++)
			printf("  %-13s %s\n", ctx->commands[i].name,
			       ctx->commands[i].summary);
		return 0;
	}
	for (size_t i = 0; i < ctx->n_commands && !c; i++)
		if (strcmp(ctx->commands[i].name, argv[1]) == 0)
			c = &ctx->commands[i];
	if (!c)
		return cmd_usage_error("help", "'%s' is not a safer command", argv[1]);
	cmd_print_usage(c, stdout);
	return 0;
}

int cmd_version(int argc, char **argv, struct cmd_ctx *ctx)
{
	UNUSED(argc);
	UNUSED(argv);
	UNUSED(ctx);
	printf("safer %s\n", SAFER_VERSION);
	return 0;
}
