/*
 * cmd_frameworks.c: "safer frameworks list|show|add|edit|archive|delete"
 * and "safer outcomes add|edit|archive|delete": outcomes frameworks and
 * their numbered outcomes, in groups.
 *
 * add prints the new id alone on a line.  An outcome's group is named
 * (--group): a name new to the framework makes a new group.
 */
#include <getopt.h>

#include "base/text.h"
#include "cmd.h"
#include "repr/repr.h"
#include "store/store_outcome.h"

/* An optional text option: "" clears it (NULL). */
static const char *optional(const char *arg)
{
	return *arg ? arg : NULL;
}

/* ---------------------------------------------------------------------
 * Frameworks
 */

static const struct option framework_opts[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "owner", required_argument, NULL, 'o' },
	{ "period", required_argument, NULL, 'p' },
	{ "note", required_argument, NULL, 'N' },
	{ NULL, 0, NULL, 0 },
};

static int read_framework_opts(int argc, char **argv,
			       struct framework_input *in)
{
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", framework_opts, NULL)) != -1) {
		switch (c) {
		case 'n': in->name = optarg; in->set |= FRAMEWORK_NAME; break;
		case 'o':
			in->owner = optional(optarg);
			in->set |= FRAMEWORK_OWNER;
			break;
		case 'p':
			in->period = optional(optarg);
			in->set |= FRAMEWORK_PERIOD;
			break;
		case 'N':
			in->note = optional(optarg);
			in->set |= FRAMEWORK_NOTE;
			break;
		default: return cmd_usage_error("frameworks", "unknown option");
		}
	}
	return 0;
}

static int frameworks_add(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct framework_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = read_framework_opts(argc, argv, &in)) != 0)
		return rc;
	if (optind < argc)
		return cmd_usage_error("frameworks", "unexpected argument '%s'",
				       argv[optind]);
	if (!in.name)
		return cmd_usage_error("frameworks", "add needs --name");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_framework_create(s, in.name, in.owner, in.period, in.note, &id,
				   &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

static int frameworks_edit(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct framework_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = read_framework_opts(argc, argv, &in)) != 0 ||
	    (rc = cmd_one_id("frameworks", "framework", argc, argv, &id)) != 0)
		return rc;
	if (!in.set)
		return cmd_usage_error("frameworks", "edit needs a field to change");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	rc = store_framework_update(s, id, &in, &e) < 0 ? cmd_fail(&e) : 0;
	store_close(s);
	return rc;
}

/* The outcomes of f as text lines. */
static void framework_text(struct buf *out, const struct framework *f)
{
	buf_printf(out, "%s (framework %lld)%s\n", f->name, (long long)f->id,
		   f->archived_at ? " archived" : "");
	for (size_t g = 0; g < f->n_groups; g++) {
		buf_printf(out, "  %s\n", f->groups[g].name);
		for (size_t k = 0; k < f->groups[g].n_outcomes; k++)
			buf_printf(out, "    %d. %s (outcome %lld)\n",
				   f->groups[g].outcomes[k].number,
				   f->groups[g].outcomes[k].text,
				   (long long)f->groups[g].outcomes[k].id);
	}
}

static int frameworks_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum cmd_format fmt = FORMAT_TABLE;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct framework *f;
	struct store *s;
	size_t n;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		if (c != 'f' || cmd_arg_format("frameworks", optarg, &fmt) < 0)
			return c == 'f' ? 2 : cmd_usage_error("frameworks",
							      "unknown option");
	if (optind < argc)
		return cmd_usage_error("frameworks", "unexpected argument '%s'",
				       argv[optind]);
	if (fmt == FORMAT_CSV)
		return cmd_usage_error("frameworks", "list writes table or json");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(f = store_frameworks(s, &ctx->arena, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		jw_obj(&j);
		jw_key(&j, "frameworks");
		jw_arr(&j);
		for (size_t i = 0; i < n; i++)
			repr_json_framework(&j, &f[i]);
		jw_end(&j);
		jw_end(&j);
		buf_addc(&out, '\n');
	} else {
		for (size_t i = 0; i < n; i++)
			framework_text(&out, &f[i]);
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

static int frameworks_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct framework *f;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = cmd_show_args("frameworks", "framework", argc, argv, &fmt,
				&id)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(f = store_framework(s, &ctx->arena, id, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_framework(&j, f);
		buf_addc(&out, '\n');
	} else {
		framework_text(&out, f);
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

int cmd_frameworks(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("frameworks", "say list, show, add, edit, "
				       "archive or delete");
	if (strcmp(argv[1], "list") == 0)
		return frameworks_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "show") == 0)
		return frameworks_show(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0)
		return frameworks_add(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "edit") == 0)
		return frameworks_edit(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "archive") == 0)
		return cmd_remove(ctx, "frameworks", "framework", argc - 1, argv + 1,
				  store_framework_remove);
	if (strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "frameworks", "framework", argc - 1, argv + 1,
				  store_framework_remove);
	return cmd_usage_error("frameworks", "unknown subcommand '%s'", argv[1]);
}

/* ---------------------------------------------------------------------
 * Outcomes
 */

static const struct option outcome_opts[] = {
	{ "number", required_argument, NULL, 'n' },
	{ "text", required_argument, NULL, 't' },
	{ "group", required_argument, NULL, 'g' },
	{ NULL, 0, NULL, 0 },
};

static int read_outcome_opts(int argc, char **argv, struct outcome_input *in)
{
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", outcome_opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (text_int64(optarg, 1, 100000, &in->number, "--number",
				       NULL) < 0)
				return cmd_usage_error("outcomes", "--number must be a "
						       "whole number, 1 or more, not "
						       "'%s'", optarg);
			in->set |= OUTCOME_NUMBER;
			break;
		case 't': in->text = optarg; in->set |= OUTCOME_TEXT; break;
		case 'g': in->group = optarg; in->set |= OUTCOME_GROUP; break;
		default: return cmd_usage_error("outcomes", "unknown option");
		}
	}
	return 0;
}

static int outcomes_add(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct outcome_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t fw, id;
	int rc;

	if ((rc = read_outcome_opts(argc, argv, &in)) != 0 ||
	    (rc = cmd_one_id("outcomes", "framework", argc, argv, &fw)) != 0)
		return rc;
	if (in.set != (OUTCOME_NUMBER | OUTCOME_TEXT | OUTCOME_GROUP))
		return cmd_usage_error("outcomes", "add needs --number, --text and "
				       "--group");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_outcome_add(s, fw, &in, &id, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

static int outcomes_edit(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct outcome_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = read_outcome_opts(argc, argv, &in)) != 0 ||
	    (rc = cmd_one_id("outcomes", "outcome", argc, argv, &id)) != 0)
		return rc;
	if (!in.set)
		return cmd_usage_error("outcomes", "edit needs a field to change");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	rc = store_outcome_update(s, id, &in, &e) < 0 ? cmd_fail(&e) : 0;
	store_close(s);
	return rc;
}

int cmd_outcomes(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("outcomes", "say add, edit, archive or delete");
	if (strcmp(argv[1], "add") == 0)
		return outcomes_add(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "edit") == 0)
		return outcomes_edit(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "archive") == 0)
		return cmd_remove(ctx, "outcomes", "outcome", argc - 1, argv + 1,
				  store_outcome_remove);
	if (strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "outcomes", "outcome", argc - 1, argv + 1,
				  store_outcome_remove);
	return cmd_usage_error("outcomes", "unknown subcommand '%s'", argv[1]);
}
