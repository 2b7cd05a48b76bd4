/*
 * cmd.c: the helpers commands share (opening the store, reading
 * arguments, printing tables).  The command table is src/commands.c.
 */
#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <unistd.h>

#include "base/text.h"
#include "cmd.h"
#include "store/store.h"

void cmd_print_usage(const struct command *c, FILE *to)
{
	fputs(c->usage, to);
}

int cmd_usage_error(const char *name, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "safer %s: ", name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n(see 'safer %s --help')\n", name);
	return 2;
}

int cmd_fail(const struct err *e)
{
	if (e->field[0])
		fprintf(stderr, "safer: %s: %s\n", e->field, e->msg);
	else
		fprintf(stderr, "safer: %s\n", e->msg);
	if (e->code == ERR_BUSY)
		fprintf(stderr, "hint: another program (an import, the server saving "
				"a form, sqlite3) is writing to the\n"
				"hint: database; run the command again when it "
				"has finished\n");
	return 1;
}

/* The user the command runs as, by name ("uid N" if it has none). */
static void os_user(char *out, size_t size)
{
	struct passwd pw, *found = NULL;
	char tmp[1024];
	uid_t uid = geteuid();

	if (getpwuid_r(uid, &pw, tmp, sizeof(tmp), &found) == 0 && found &&
	    found->pw_name && *found->pw_name)
		snprintf(out, size, "%s", found->pw_name);
	else
		snprintf(out, size, "uid %lu", (unsigned long)uid);
}

struct store *cmd_open_store(struct cmd_ctx *ctx, bool create)
{
	struct err e = ERR_INIT;
	struct store *s = store_open(ctx->db_path, create, &e);
	char user[256];

	if (!s) {
		cmd_fail(&e);
		return NULL;
	}
	os_user(user, sizeof(user));
	store_set_actor(s, user, 0, "cli");
	return s;
}

int cmd_arg_id(const char *cmd, const char *name, const char *arg, int64_t *v)
{
	if (text_int64(arg, 1, INT64_MAX, v, name, NULL) < 0) {
		cmd_usage_error(cmd, "%s must be an id (a whole number), not '%s'",
				name, arg);
		return -1;
	}
	return 0;
}

int cmd_arg_format(const char *cmd, const char *arg, enum cmd_format *f)
{
	if (strcmp(arg, "table") == 0 || strcmp(arg, "text") == 0)
		*f = FORMAT_TABLE;
	else if (strcmp(arg, "csv") == 0)
		*f = FORMAT_CSV;
	else if (strcmp(arg, "json") == 0)
		*f = FORMAT_JSON;
	else {
		cmd_usage_error(cmd, "--format must be table, csv or json, not '%s'",
				arg);
		return -1;
	}
	return 0;
}

int cmd_show_args(const char *cmd, const char *what, int argc, char **argv,
		  enum cmd_format *fmt, int64_t *id)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	char name[64];
	int c;

	*fmt = FORMAT_TABLE;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		if (c != 'f' || cmd_arg_format(cmd, optarg, fmt) < 0)
			return c == 'f' ? 2 : cmd_usage_error(cmd, "unknown option");
	if (*fmt == FORMAT_CSV)
		return cmd_usage_error(cmd, "show writes table or json, not csv");
	if (optind + 1 != argc)
		return cmd_usage_error(cmd, "show needs one %s id", what);
	snprintf(name, sizeof name, "the %s id", what);
	return cmd_arg_id(cmd, name, argv[optind], id) < 0 ? 2 : 0;
}

int cmd_write_out(const struct buf *b, const char *path)
{
	FILE *f = path ? fopen(path, "wb") : stdout;

	if (!f) {
		fprintf(stderr, "safer: cannot write '%s': %s\n", path,
			strerror(errno));
		return 1;
	}
	if (fwrite(b->ptr, 1, b->len, f) != b->len ||
	    (path ? fclose(f) : fflush(f)) != 0) {
		fprintf(stderr, "safer: cannot write '%s': %s\n",
			path ? path : "standard output", strerror(errno));
		return 1;
	}
	return 0;
}

void table_init(struct table *t, struct arena *a, size_t cols)
{
	t->arena = a;
	t->cols = cols;
	t->cells = NULL;
	t->n = t->cap = 0;
}

void table_add(struct table *t, const char *cell)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		const char **grown = arena_array(t->arena, cap, sizeof(*grown));

		if (t->n)
			memcpy(grown, t->cells, t->n * sizeof(*grown));
		t->cells = grown;
		t->cap = cap;
	}
	t->cells[t->n++] = cell ? arena_strdup(t->arena, cell) : "-";
}

void table_addf(struct table *t, const char *fmt, ...)
{
	va_list ap;
	char tmp[256];

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	table_add(t, tmp);
}

void table_print(const struct table *t, struct buf *out)
{
	size_t *width = arena_array(t->arena, t->cols, sizeof(*width));

	for (size_t i = 0; i < t->n; i++) {
		size_t w = utf8_length(t->cells[i]);

		if (w > width[i % t->cols])
			width[i % t->cols] = w;
	}
	for (size_t i = 0; i < t->n; i++) {
		size_t col = i % t->cols;

		buf_adds(out, t->cells[i]);
		if (col + 1 == t->cols) {
			buf_addc(out, '\n');
			continue;
		}
		for (size_t k = utf8_length(t->cells[i]); k < width[col] + 2; k++)
			buf_addc(out, ' ');
	}
}

int cmd_one_id(const char *cmd, const char *what, int argc, char **argv,
	       int64_t *id)
{
	char name[64];

	if (optind + 1 != argc)
		return cmd_usage_error(cmd, "needs one %s id", what);
	snprintf(name, sizeof name, "the %s id", what);
	return cmd_arg_id(cmd, name, argv[optind], id) < 0 ? 2 : 0;
}
