/*
 * cmd_plans.c: "safer plans list|show|add|edit|roll-forward|archive|delete".
 *
 * Each write prints what it made or did: add and roll-forward the new
 * plan's id alone on a line (for scripts), delete whether the plan was
 * deleted or, being referred to, archived.
 */
#include <getopt.h>

#include "base/text.h"
#include "cmd.h"
#include "repr/repr.h"
#include "store/store_plan.h"

static int plans_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum cmd_format fmt = FORMAT_TABLE;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct store *s;
	struct plan *p;
	char today[11];
	size_t n;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		if (c != 'f' || cmd_arg_format("plans", optarg, &fmt) < 0)
			return c == 'f' ? 2 : cmd_usage_error("plans", "unknown option");
	if (optind < argc)
		return cmd_usage_error("plans", "unexpected argument '%s'", argv[optind]);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	text_today(today);
	if (!(p = store_plans(s, &ctx->arena, today, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;
		int64_t current = store_current_plan_id(s, &e);

		if (current < 0) {
			store_close(s);
			return cmd_fail(&e);
		}
		jw_init(&j, &out, true);
		repr_json_plans(&j, p, n, current);
		buf_addc(&out, '\n');
	} else if (fmt == FORMAT_CSV) {
		repr_csv_plans(&out, p, n);
	} else {
		struct table t;

		table_init(&t, &ctx->arena, 7);
		table_add(&t, "ID"); table_add(&t, "PERIOD"); table_add(&t, "STATUS");
		table_add(&t, "THEMES"); table_add(&t, "ACTIONS");
		table_add(&t, "OVERDUE"); table_add(&t, "TITLE");
		for (size_t i = 0; i < n; i++) {
			table_addf(&t, "%lld", (long long)p[i].id);
			table_addf(&t, "%.7s..%.7s", p[i].period_start, p[i].period_end);
			table_add(&t, p[i].status);
			table_addf(&t, "%lld", (long long)p[i].n_themes);
			table_addf(&t, "%lld", (long long)p[i].n_actions);
			table_addf(&t, "%lld", (long long)p[i].n_overdue);
			table_add(&t, p[i].title);
		}
		table_print(&t, &out);
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

static int plans_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct store *s;
	struct plan *p;
	struct theme *t = NULL;
	char today[11];
	int64_t id;
	size_t n = 0;
	int rc;

	if ((rc = cmd_show_args("plans", "plan", argc, argv, &fmt, &id)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	text_today(today);
	if (!(p = store_plan(s, &ctx->arena, id, today, &e)) ||
	    !(t = store_themes(s, &ctx->arena, id, true, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_plan(&j, p, t, n);
		buf_addc(&out, '\n');
	} else {
		buf_printf(&out, "%s\n", p->title);
		buf_printf(&out, "  period:   %s to %s\n", p->period_start, p->period_end);
		buf_printf(&out, "  status:   %s\n", p->status);
		if (p->approved_by || p->approved_on)
			buf_printf(&out, "  approved: %s%s%s\n",
				   p->approved_by ? p->approved_by : "",
				   p->approved_by && p->approved_on ? ", " : "",
				   p->approved_on ? p->approved_on : "");
		buf_printf(&out, "  actions:  %lld (%lld overdue)\n",
			   (long long)p->n_actions, (long long)p->n_overdue);
		for (size_t i = 0; i < n; i++) {
			buf_printf(&out, "\n%s (theme %lld)\n", t[i].name,
				   (long long)t[i].id);
			buf_printf(&out, "  lead: %s%s%s\n",
				   t[i].lead_name ? t[i].lead_name : "not recorded",
				   t[i].lead_role ? ", " : "",
				   t[i].lead_role ? t[i].lead_role : "");
			for (size_t k = 0; k < t[i].n_priorities; k++)
				buf_printf(&out, "  - %s (priority %lld)\n",
					   t[i].priorities[k].name,
					   (long long)t[i].priorities[k].id);
		}
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

/* An optional text option: "" clears it (NULL). */
static const char *optional(const char *arg)
{
	return *arg ? arg : NULL;
}

static const struct option write_opts[] = {
	{ "title", required_argument, NULL, 't' },
	{ "start", required_argument, NULL, 's' },
	{ "end", required_argument, NULL, 'e' },
	{ "kind", required_argument, NULL, 'k' },
	{ "status", required_argument, NULL, 'S' },
	{ "approved-by", required_argument, NULL, 'b' },
	{ "approved-by-board", required_argument, NULL, 'B' },
	{ "approved-on", required_argument, NULL, 'o' },
	{ "note", required_argument, NULL, 'n' },
	{ NULL, 0, NULL, 0 },
};

/* Read the options of add and edit into in (in->set says which were
 * given).  Returns 0, or 2 after a usage error. */
static int read_plan_opts(int argc, char **argv, struct plan_input *in)
{
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", write_opts, NULL)) != -1) {
		switch (c) {
		case 't': in->title = optarg; in->set |= PLAN_TITLE; break;
		case 's': in->period_start = optarg; in->set |= PLAN_START; break;
		case 'e': in->period_end = optarg; in->set |= PLAN_END; break;
		case 'k': in->kind = optarg; in->set |= PLAN_KIND; break;
		case 'S': in->status = optarg; in->set |= PLAN_STATUS; break;
		case 'b':
			in->approved_by = optional(optarg);
			in->set |= PLAN_APPROVED_BY;
			break;
		case 'B':
			in->set |= PLAN_BOARD;
			if (strcmp(optarg, "none") == 0)
				in->approved_by_board_id = 0;
			else if (cmd_arg_id("plans", "--approved-by-board", optarg,
					    &in->approved_by_board_id) < 0)
				return 2;
			break;
		case 'o':
			in->approved_on = optional(optarg);
			in->set |= PLAN_APPROVED_ON;
			break;
		case 'n': in->note = optional(optarg); in->set |= PLAN_NOTE; break;
		default: return cmd_usage_error("plans", "unknown option");
		}
	}
	return 0;
}

static int plans_add(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct plan_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = read_plan_opts(argc, argv, &in)) != 0)
		return rc;
	if (optind < argc)
		return cmd_usage_error("plans", "unexpected argument '%s'", argv[optind]);
	if (!in.title || !in.period_start || !in.period_end)
		return cmd_usage_error("plans", "add needs --title, --start and --end");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_plan_create(s, &in, &id, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

static int plans_edit(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct plan_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = read_plan_opts(argc, argv, &in)) != 0 ||
	    (rc = cmd_one_id("plans", "plan", argc, argv, &id)) != 0)
		return rc;
	if (!in.set)
		return cmd_usage_error("plans", "edit needs a field to change");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	rc = store_plan_update(s, id, &in, &e) < 0 ? cmd_fail(&e) : 0;
	store_close(s);
	return rc;
}

static int plans_roll_forward(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct plan_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id, new_id;
	int rc;

	if ((rc = read_plan_opts(argc, argv, &in)) != 0 ||
	    (rc = cmd_one_id("plans", "plan", argc, argv, &id)) != 0)
		return rc;
	if (in.set & ~(unsigned)(PLAN_TITLE | PLAN_START | PLAN_END))
		return cmd_usage_error("plans", "roll-forward takes only --title, "
				       "--start and --end");
	if (!in.title || !in.period_start || !in.period_end)
		return cmd_usage_error("plans", "roll-forward needs --title, --start "
				       "and --end");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_plan_roll_forward(s, id, in.title, in.period_start,
				    in.period_end, &new_id, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("%lld\n", (long long)new_id);
	store_close(s);
	return 0;
}

int cmd_plans(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("plans", "say list, show, add, edit, "
				       "roll-forward, archive or delete");
	if (strcmp(argv[1], "list") == 0)
		return plans_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "show") == 0)
		return plans_show(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0)
		return plans_add(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "edit") == 0)
		return plans_edit(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "roll-forward") == 0)
		return plans_roll_forward(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "archive") == 0)
		return cmd_remove(ctx, "plans", "plan", argc - 1, argv + 1, store_plan_remove);
	if (strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "plans", "plan", argc - 1, argv + 1, store_plan_remove);
	return cmd_usage_error("plans", "unknown subcommand '%s'", argv[1]);
}
