/*
 * main.c: from the command line to the command table (commands.c), and
 * nothing else; it hands every command the site "safer serve" serves
 * (routes.c).
 *
 *	safer [--db PATH] COMMAND [ARGS...]
 *
 * The database is --db PATH, else $SAFER_DB, else safer.db in the current
 * directory.  Exit status: 0 done, 1 failed, 2 wrong usage.
 */
#include "commands.h"
#include "routes.h"
#include "stats/stats.h"

static void usage(FILE *to)
{
	fputs("usage: safer [--db PATH] COMMAND [ARGS...]\n\n"
	      "safer is the community safety partnership workbench: the\n"
	      "partnership plan, actions, funding and governance, in one\n"
	      "program with a web interface, a JSON API and this command line.\n\n"
	      "Commands:\n",
	      to);
	for (size_t i = 0; i < n_commands; i++)
		if (commands[i].summary)
			fprintf(to, "  %-13s %s\n", commands[i].name,
				commands[i].summary);
	fputs("\nThe database is --db PATH, else $SAFER_DB, else safer.db.\n"
	      "'safer COMMAND --help' describes a command.\n",
	      to);
}

int main(int argc, char **argv)
{
	struct cmd_ctx ctx = { .commands = commands, .n_commands = n_commands,
			       .site = &safer_site };
	const struct command *c;
	const char *env = getenv("SAFER_DB");
	int i = 1, rc;

	ctx.db_path = env && *env ? env : "safer.db";
	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			ctx.db_path = argv[i + 1];
			i += 2;
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			ctx.db_path = argv[i] + 5;
			i++;
		} else if (strcmp(argv[i], "--help") == 0 ||
			   strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--version") == 0) {
			argv[i] = "version";
			break;
		} else {
			fprintf(stderr, "safer: unknown option '%s'\n\n", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return 2;
	}
	c = command_find(argv[i]);
	if (!c) {
		fprintf(stderr, "safer: '%s' is not a safer command; see "
				"'safer --help'\n",
			argv[i]);
		return 2;
	}
	for (int k = i + 1; k < argc; k++)
		if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
			cmd_print_usage(c, stdout);
			return 0;
		}
	stats_init();
	rc = c->run(argc - i, argv + i, &ctx);
	arena_release(&ctx.arena);
	if (fflush(stdout) != 0)
		die_errno("cannot write the output");
	return rc;
}
