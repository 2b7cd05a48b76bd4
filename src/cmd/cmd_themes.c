/*
 * cmd_themes.c: "safer themes show|add|edit|archive|delete" and
 * "safer priorities list|add|edit|archive|delete": a plan's themes and
 * their priority areas.
 *
 * add prints the new id alone on a line; "priorities list THEME --on
 * DATE" lists a theme's priority areas as they stood on that day, with
 * the wording they had then.
 */
#include <getopt.h>

#include "base/text.h"
#include "cmd.h"
#include "repr/repr.h"
#include "store/store_plan.h"

/* An optional text option: "" clears it (NULL). */
static const char *optional(const char *arg)
{
	return *arg ? arg : NULL;
}

/* ---------------------------------------------------------------------
 * Themes
 */

static const struct option theme_opts[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "description", required_argument, NULL, 'd' },
	{ "lead", required_argument, NULL, 'l' },
	{ "position", required_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 },
};

static int read_theme_opts(int argc, char **argv, struct theme_input *in)
{
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", theme_opts, NULL)) != -1) {
		switch (c) {
		case 'n': in->name = optarg; in->set |= THEME_NAME; break;
		case 'd':
			in->description = optional(optarg);
			in->set |= THEME_DESCRIPTION;
			break;
		case 'l':
			in->set |= THEME_LEAD;
			if (strcmp(optarg, "none") == 0)
				in->lead_id = 0;
			else if (cmd_arg_id("themes", "--lead", optarg, &in->lead_id) < 0)
				return 2;
			break;
		case 'p':
			in->set |= THEME_POSITION;
			if (text_int64(optarg, 0, 10000, &in->position, "--position",
				       NULL) < 0)
				return cmd_usage_error("themes", "--position must be a "
						       "whole number from 0, not '%s'",
						       optarg);
			break;
		default: return cmd_usage_error("themes", "unknown option");
		}
	}
	return 0;
}

static int themes_add(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct theme_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t plan, id;
	int rc;

	if ((rc = read_theme_opts(argc, argv, &in)) != 0 ||
	    (rc = cmd_one_id("themes", "plan", argc, argv, &plan)) != 0)
		return rc;
	if (!in.name)
		return cmd_usage_error("themes", "add needs --name");
	if (in.set & THEME_POSITION)
		return cmd_usage_error("themes", "a new theme goes last: give "
				       "--position to 'themes edit'");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_theme_create(s, plan, in.name, in.description, in.lead_id, &id,
			       &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

static int themes_edit(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct theme_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = read_theme_opts(argc, argv, &in)) != 0 ||
	    (rc = cmd_one_id("themes", "theme", argc, argv, &id)) != 0)
		return rc;
	if (!in.set)
		return cmd_usage_error("themes", "edit needs a field to change");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	rc = store_theme_update(s, id, &in, &e) < 0 ? cmd_fail(&e) : 0;
	store_close(s);
	return rc;
}

static int themes_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct store *s;
	struct theme *t;
	int64_t id;
	int rc;

	if ((rc = cmd_show_args("themes", "theme", argc, argv, &fmt, &id)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(t = store_theme(s, &ctx->arena, id, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_theme(&j, t);
		buf_addc(&out, '\n');
	} else {
		buf_printf(&out, "%s (theme %lld of plan %lld)%s\n", t->name,
			   (long long)t->id, (long long)t->plan_id,
			   t->archived_at ? " archived" : "");
		buf_printf(&out, "  lead: %s\n", t->lead_name ? t->lead_name : "-");
		for (size_t i = 0; i < t->n_priorities; i++)
			buf_printf(&out, "  - %s (priority %lld)\n",
				   t->priorities[i].name,
				   (long long)t->priorities[i].id);
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

int cmd_themes(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("themes", "say show, add, edit, archive or "
				       "delete");
	if (strcmp(argv[1], "show") == 0)
		return themes_show(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0)
		return themes_add(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "edit") == 0)
		return themes_edit(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "archive") == 0)
		return cmd_remove(ctx, "themes", "theme", argc - 1, argv + 1, store_theme_remove);
	if (strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "themes", "theme", argc - 1, argv + 1, store_theme_remove);
	return cmd_usage_error("themes", "unknown subcommand '%s'", argv[1]);
}

/* ---------------------------------------------------------------------
 * Priority areas
 */

static const struct option priority_opts[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "description", required_argument, NULL, 'd' },
	{ "outcome", required_argument, NULL, 'o' },
	{ "no-outcomes", no_argument, NULL, 'N' },
	{ NULL, 0, NULL, 0 },
};

static int read_priority_opts(struct arena *a, int argc, char **argv,
			      struct priority_input *in)
{
	int64_t *ids = arena_array(a, (size_t)argc + 1, sizeof(*ids));
	int c;

	in->outcome_ids = ids;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", priority_opts, NULL)) != -1) {
		switch (c) {
		case 'n': in->name = optarg; in->set |= PRIORITY_NAME; break;
		case 'd':
			in->description = optional(optarg);
			in->set |= PRIORITY_DESCRIPTION;
			break;
		case 'o':
			if (cmd_arg_id("priorities", "--outcome", optarg,
				       &ids[in->n_outcome_ids]) < 0)
				return 2;
			in->n_outcome_ids++;
			in->set |= PRIORITY_OUTCOMES;
			break;
		case 'N': in->set |= PRIORITY_OUTCOMES; break;
		default: return cmd_usage_error("priorities", "unknown option");
		}
	}
	return 0;
}

static int priorities_add(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct priority_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t theme, id;
	int rc;

	if ((rc = read_priority_opts(&ctx->arena, argc, argv, &in)) != 0 ||
	    (rc = cmd_one_id("priorities", "theme", argc, argv, &theme)) != 0)
		return rc;
	if (!in.name)
		return cmd_usage_error("priorities", "add needs --name");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_priority_create(s, theme, &in, &id, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

static int priorities_edit(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct priority_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = read_priority_opts(&ctx->arena, argc, argv, &in)) != 0 ||
	    (rc = cmd_one_id("priorities", "priority area", argc, argv, &id)) != 0)
		return rc;
	if (!in.set)
		return cmd_usage_error("priorities", "edit needs a field to change");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	rc = store_priority_update(s, id, &in, &e) < 0 ? cmd_fail(&e) : 0;
	store_close(s);
	return rc;
}

static int priorities_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "on", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum cmd_format fmt = FORMAT_TABLE;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	const char *on = NULL;
	struct priority *p = NULL;
	struct theme *t = NULL;
	struct store *s;
	int64_t theme;
	size_t n = 0;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'o')
			on = optarg;
		else if (c != 'f' || cmd_arg_format("priorities", optarg, &fmt) < 0)
			return c == 'f' ? 2 : cmd_usage_error("priorities",
							      "unknown option");
	}
	if (fmt == FORMAT_CSV)
		return cmd_usage_error("priorities", "list writes table or json");
	if ((rc = cmd_one_id("priorities", "theme", argc, argv, &theme)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (on)
		p = store_theme_priorities_on(s, &ctx->arena, theme, on, &n, &e);
	else if ((t = store_theme(s, &ctx->arena, theme, &e)))
		p = t->priorities, n = t->n_priorities;
	if (!p) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;
		char today[11];

		text_today(today);
		jw_init(&j, &out, true);
		jw_obj(&j);
		jw_kv_int(&j, "theme_id", theme);
		jw_kv_str(&j, "on", on ? on : today);
		jw_key(&j, "priority_areas");
		jw_arr(&j);
		for (size_t i = 0; i < n; i++)
			repr_json_priority(&j, &p[i]);
		jw_end(&j);
		jw_end(&j);
		buf_addc(&out, '\n');
	} else {
		struct table tb;

		table_init(&tb, &ctx->arena, 4);
		table_add(&tb, "ID"); table_add(&tb, "ADDED");
		table_add(&tb, "REMOVED"); table_add(&tb, "NAME");
		for (size_t i = 0; i < n; i++) {
			table_addf(&tb, "%lld", (long long)p[i].id);
			table_add(&tb, p[i].added_on);
			table_add(&tb, p[i].removed_on);
			table_add(&tb, p[i].name);
		}
		table_print(&tb, &out);
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

int cmd_priorities(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("priorities", "say list, add, edit, archive "
				       "or delete");
	if (strcmp(argv[1], "list") == 0)
		return priorities_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0)
		return priorities_add(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "edit") == 0)
		return priorities_edit(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "archive") == 0)
		return cmd_remove(ctx, "priorities", "priority area", argc - 1,
				  argv + 1, store_priority_remove);
	if (strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "priorities", "priority area", argc - 1,
				  argv + 1, store_priority_remove);
	return cmd_usage_error("priorities", "unknown subcommand '%s'", argv[1]);
}
