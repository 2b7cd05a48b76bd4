/*
 * cmd.h: what commands share.  The table of them is src/commands.c.
 *
 * Each command is a function in its own file (git's builtin/<name>.c)
 * with the signature of cmd_fn: it gets its own arguments (argv[0] is the
 * command's name) and returns the exit status: 0 done, 1 failed, 2 wrong
 * usage.  Commands may die(); library code may not.
 */
#ifndef SAFER_CMD_H
#define SAFER_CMD_H

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "store/store.h"

struct store;
struct http_site;
struct command;

/* What main.c gives every command. */
struct cmd_ctx {
	const char *db_path; /* --db, $SAFER_DB, or "safer.db" */
	struct arena arena;  /* freed when the command returns */
	const struct command *commands; /* the command table (for help) */
	size_t n_commands;
	const struct http_site *site;   /* what "safer serve" serves */
};

typedef int cmd_fn(int argc, char **argv, struct cmd_ctx *ctx);

struct command {
	const char *name;
	cmd_fn *run;
	const char *usage;   /* the synopsis and options, for --help */
	const char *summary; /* one line, for "safer help" */
};

/* Print the command's usage to stdout (help) or stderr (mistake). */
void cmd_print_usage(const struct command *c, FILE *to);

/* Complain about the arguments of command name and return 2. */
int cmd_usage_error(const char *name, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Print "safer: <message>" (and the field) to stderr and return 1; a
 * busy database (ERR_BUSY) also gets a hint saying what to do. */
int cmd_fail(const struct err *e);

/* Open the store at ctx->db_path (creating it if create), acting as the
 * operating system's user (recorded in the history of imports); on
 * failure print the error and return NULL. */
struct store *cmd_open_store(struct cmd_ctx *ctx, bool create);

/* Read a whole number argument for option name into *v; usage error
 * message on failure (returns -1). */
int cmd_arg_id(const char *cmd, const char *name, const char *arg,
	       int64_t *v);

/* Output formats of list and show commands. */
enum cmd_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON };
int cmd_arg_format(const char *cmd, const char *arg, enum cmd_format *f);

/* The arguments of a show command: [--format table|json] ID, where what
 * names the id ("action").  Returns 0, or 2 after a usage error. */
int cmd_show_args(const char *cmd, const char *what, int argc, char **argv,
		  enum cmd_format *fmt, int64_t *id);

/* The one id argument left after the options (argv[optind]), naming
 * what ("plan") in a usage error.  Returns 0, or 2 after a usage error. */
int cmd_one_id(const char *cmd, const char *what, int argc, char **argv,
	       int64_t *id);

/* Write b to stdout (or to the file path if not NULL); returns 0 or 1. */
int cmd_write_out(const struct buf *b, const char *path);

/* A text table for the terminal: cells are added row by row; widths are
 * measured in characters; the last column is not padded. */
struct table {
	struct arena *arena;
	size_t cols;
	const char **cells; /* rows * cols */
	size_t n, cap;      /* cells used and allocated */
};

void table_init(struct table *t, struct arena *a, size_t cols);
void table_add(struct table *t, const char *cell); /* NULL prints "-" */
void table_addf(struct table *t, const char *fmt, ...) PRINTF_LIKE(2, 3);
void table_print(const struct table *t, struct buf *out);

/* "safer CMD archive|delete ID" (cmd_remove.c): take object ID away
 * with fn, one of the store's store_*_remove functions (store.h),
 * archiving it (archive) or deleting it, or archiving it if something
 * refers to it; says which on standard output ("deleted organisation
 * 12", "archived organisation 12: ...").  argv[0] is the verb.  Returns
 * the exit status. */
typedef int cmd_remove_fn(struct store *s, int64_t id, enum remove_how how,
			  bool *archived, struct err *e);
int cmd_remove(struct cmd_ctx *ctx, const char *cmd, const char *what,
	       int argc, char **argv, cmd_remove_fn *fn);

/* The commands (src/cmd/cmd_*.c). */
cmd_fn cmd_actions, cmd_audit, cmd_crime, cmd_demo, cmd_export, cmd_funds, cmd_help,
	cmd_headlines, cmd_import, cmd_indicators, cmd_init, cmd_peers, cmd_plans, cmd_serve, cmd_stats,
	cmd_version;
/* Themes, priority areas, frameworks and outcomes (cmd_themes.c,
 * cmd_frameworks.c) */
cmd_fn cmd_themes, cmd_priorities, cmd_frameworks, cmd_outcomes;
/* Accounts and their API tokens (cmd_users.c). */
cmd_fn cmd_users, cmd_tokens;
/* The partnership, organisations, people, boards (cmd_people.c) */
cmd_fn cmd_boards, cmd_organisations, cmd_partnership, cmd_people;

/* Undertakings and issues (cmd_scrutiny.c; issue 9, scrutiny) */
cmd_fn cmd_undertakings, cmd_issues;

/* The public view (cmd_publish.c). */
cmd_fn cmd_publish, cmd_unpublish;

#endif
