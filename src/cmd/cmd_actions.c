/*
 * cmd_actions.c: "safer actions list|show|add|update".
 *
 * Example data (actions and updates invented for the demo) is marked
 * wherever it is shown: a column of the list, a line of "show".  What is
 * saved but may not be what was meant (an action added to a plan that
 * has ended, due outside its plan's period) is said on stderr as a
 * warning, and the command still succeeds.
 */
#include <getopt.h>

#include "base/text.h"
#include "cmd.h"
#include "repr/repr.h"
#include "store/store_action.h"
#include "store/store_plan.h"

/* An id option that may also be "none" (to clear it): *v = 0. */
static int id_or_none(const char *name, const char *arg, int64_t *v)
{
	if (strcmp(arg, "none") == 0) {
		*v = 0;
		return 0;
	}
	return cmd_arg_id("actions", name, arg, v);
}

static int actions_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "plan", required_argument, NULL, 'p' },
		{ "theme", required_argument, NULL, 't' },
		{ "priority", required_argument, NULL, 'P' },
		{ "owner", required_argument, NULL, 'o' },
		{ "status", required_argument, NULL, 's' },
		{ "overdue", no_argument, NULL, 'O' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct action_filter f = { 0 };
	enum cmd_format fmt = FORMAT_TABLE;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct store *s;
	struct action *a;
	char today[11];
	size_t n;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		int bad = 0;

		switch (c) {
		case 'p': bad = cmd_arg_id("actions", "--plan", optarg, &f.plan_id); break;
		case 't': bad = cmd_arg_id("actions", "--theme", optarg, &f.theme_id); break;
		case 'P': bad = cmd_arg_id("actions", "--priority", optarg, &f.priority_id); break;
		case 'o': bad = cmd_arg_id("actions", "--owner", optarg, &f.owner_id); break;
		case 's': f.status = optarg; break;
		case 'O': f.overdue = true; break;
		case 'f': bad = cmd_arg_format("actions", optarg, &fmt); break;
		default: return cmd_usage_error("actions", "unknown option");
		}
		if (bad)
			return 2;
	}
	if (optind < argc)
		return cmd_usage_error("actions", "unexpected argument '%s'", argv[optind]);
	if (f.status && !choice_label(action_statuses, f.status))
		return cmd_usage_error("actions", "unknown status '%s'", f.status);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	text_today(today);
	f.today = today;
	if (!(a = store_actions(s, &ctx->arena, &f, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		jw_obj(&j);
		jw_kv_int(&j, "count", (int64_t)n);
		jw_key(&j, "actions");
		jw_arr(&j);
		for (size_t i = 0; i < n; i++)
			repr_json_action(&j, &a[i], NULL, 0, false);
		jw_end(&j);
		jw_end(&j);
		buf_addc(&out, '\n');
	} else if (fmt == FORMAT_CSV) {
		repr_csv_actions(&out, a, n);
	} else {
		struct table t;

		size_t examples = 0;

		table_init(&t, &ctx->arena, 7);
		table_add(&t, "ID"); table_add(&t, "DUE"); table_add(&t, "STATUS");
		table_add(&t, "RAG"); table_add(&t, "OWNER"); table_add(&t, "DATA");
		table_add(&t, "TITLE");
		for (size_t i = 0; i < n; i++) {
			table_addf(&t, "%lld", (long long)a[i].id);
			table_addf(&t, "%s%s", a[i].due_on ? a[i].due_on : "-",
				   a[i].overdue ? " OVERDUE" : "");
			table_add(&t, a[i].status);
			table_add(&t, a[i].rag);
			table_add(&t, a[i].owner_name);
			table_add(&t, a[i].example ? "example" : "");
			table_add(&t, a[i].title);
			examples += a[i].example;
		}
		table_print(&t, &out);
		if (examples)
			buf_printf(&out, "\n%zu of these %zu action%s %s example data, "
					 "invented for the demo.\n",
				   examples, n, n == 1 ? "" : "s",
				   examples == 1 ? "is" : "are");
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

static int actions_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct store *s;
	struct action *a;
	struct action_update *u = NULL;
	char today[11];
	int64_t id;
	size_t n = 0;
	int rc;

	if ((rc = cmd_show_args("actions", "action", argc, argv, &fmt, &id)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	text_today(today);
	if (!(a = store_action(s, &ctx->arena, id, today, &e)) ||
	    !(u = store_action_updates(s, &ctx->arena, id, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_action(&j, a, u, n, true);
		buf_addc(&out, '\n');
	} else {
		buf_printf(&out, "%s\n", a->title);
		if (a->example)
			buf_adds(&out, "  (example data: invented for the demo, not in "
				       "the partnership's records)\n");
		buf_printf(&out, "  plan:     %s\n", a->plan_title);
		buf_printf(&out, "  theme:    %s\n", a->theme_name ? a->theme_name : "-");
		buf_printf(&out, "  priority: %s\n",
			   a->priority_name ? a->priority_name : "-");
		buf_printf(&out, "  owner:    %s\n", a->owner_name ? a->owner_name : "-");
		buf_printf(&out, "  due:      %s%s\n", a->due_on ? a->due_on : "-",
			   a->overdue ? " (overdue)" : "");
		buf_printf(&out, "  status:   %s\n", a->status);
		buf_printf(&out, "  rag:      %s\n", a->rag ? a->rag : "-");
		if (a->description)
			buf_printf(&out, "\n%s\n", a->description);
		for (size_t i = 0; i < n; i++)
			buf_printf(&out, "\n%.10s %s%s%s%s\n  %s\n", u[i].created_at,
				   u[i].author_name ? u[i].author_name : "",
				   u[i].status ? " status: " : "",
				   u[i].status ? u[i].status : "",
				   u[i].example ? " (example data)" : "", u[i].body);
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

/* Options shared by add and update; fills in and counts what was given. */
static const struct option write_opts[] = {
	{ "plan", required_argument, NULL, 'p' },
	{ "theme", required_argument, NULL, 't' },
	{ "priority", required_argument, NULL, 'P' },
	{ "owner", required_argument, NULL, 'o' },
	{ "title", required_argument, NULL, 'T' },
	{ "description", required_argument, NULL, 'd' },
	{ "due", required_argument, NULL, 'D' },
	{ "status", required_argument, NULL, 's' },
	{ "rag", required_argument, NULL, 'r' },
	{ "note", required_argument, NULL, 'n' },
	{ "date", required_argument, NULL, 'w' },
	{ NULL, 0, NULL, 0 },
};

static int read_write_opts(int argc, char **argv, struct action_input *in,
			   struct update_input *up)
{
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", write_opts, NULL)) != -1) {
		int bad = 0;

		switch (c) {
		case 'p': in->set |= ACTION_PLAN;
			bad = cmd_arg_id("actions", "--plan", optarg, &in->plan_id); break;
		case 't': in->set |= ACTION_THEME;
			bad = id_or_none("--theme", optarg, &in->theme_id); break;
		case 'P': in->set |= ACTION_PRIORITY;
			bad = id_or_none("--priority", optarg, &in->priority_id); break;
		case 'o': in->set |= ACTION_OWNER;
			bad = id_or_none("--owner", optarg, &in->owner_id); break;
		case 'T': in->set |= ACTION_TITLE; in->title = optarg; break;
		case 'd': in->set |= ACTION_DESCRIPTION; in->description = optarg; break;
		case 'D': in->set |= ACTION_DUE;
			in->due_on = strcmp(optarg, "none") == 0 ? NULL : optarg; break;
		case 's': in->set |= ACTION_STATUS; in->status = optarg; break;
		case 'r': in->set |= ACTION_RAG;
			in->rag = strcmp(optarg, "none") == 0 ? NULL : optarg; break;
		case 'n': up->body = optarg; break;
		case 'w': up->created_at = optarg; break;
		default: return cmd_usage_error("actions", "unknown option");
		}
		if (bad)
			return 2;
	}
	return 0;
}

/* Say on stderr what was saved but may not be what was meant about
 * action id (what: ACTION_WARN_* bits).  A store error is only said. */
static void print_warnings(struct store *s, struct arena *a, int64_t id,
			   unsigned what)
{
	struct err e = ERR_INIT, v[4];
	struct err_list l = { v, 0, ARRAY_SIZE(v) };
	char today[11];
	struct action *x;

	text_today(today);
	if (!what || !(x = store_action(s, a, id, today, &e)) ||
	    store_action_warnings(s, x->plan_id, x->due_on, what, &l, &e) < 0) {
		if (e.code != ERR_OK)
			cmd_fail(&e);
		return;
	}
	for (size_t i = 0; i < l.n; i++)
		fprintf(stderr, "safer: warning: %s\n", l.v[i].msg);
}

static int actions_add(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct action_input in = { 0 };
	struct update_input up = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = read_write_opts(argc, argv, &in, &up)) != 0)
		return rc;
	if (optind < argc)
		return cmd_usage_error("actions", "unexpected argument '%s'", argv[optind]);
	if (up.body || up.created_at)
		return cmd_usage_error("actions", "add a progress update with "
						  "'safer actions update ID --note'");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(in.set & ACTION_PLAN) && !(in.set & (ACTION_THEME | ACTION_PRIORITY))) {
		in.plan_id = store_current_plan_id(s, &e);
		in.set |= ACTION_PLAN;
	}
	if (store_action_create(s, &in, &id, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("%lld\n", (long long)id);
	print_warnings(s, &ctx->arena, id, ACTION_WARN_PLAN | ACTION_WARN_DUE);
	store_close(s);
	return 0;
}

static int actions_update(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct action_input in = { 0 };
	struct update_input up = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = read_write_opts(argc, argv, &in, &up)) != 0)
		return rc;
	if (optind + 1 != argc)
		return cmd_usage_error("actions", "update needs one action id");
	if (cmd_arg_id("actions", "the action id", argv[optind], &id) < 0)
		return 2;
	if (up.created_at && !up.body)
		return cmd_usage_error("actions", "--date goes with --note");
	if (!in.set && !up.body)
		return cmd_usage_error("actions", "say what to change, or give --note");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	/* One transaction: the changes and the progress update together. */
	if (store_begin(s, &e) < 0)
		goto fail;
	if (up.body) {
		up.status = in.set & ACTION_STATUS ? in.status : NULL;
		up.rag = in.set & ACTION_RAG ? in.rag : NULL;
		in.set &= ~(unsigned)(ACTION_STATUS | (in.rag ? ACTION_RAG : 0));
	}
	if ((in.set && store_action_update(s, id, &in, &e) < 0) ||
	    (up.body && store_action_add_update(s, id, &up, NULL, &e) < 0)) {
		store_rollback(s);
		if (strcmp(e.field, "created_at") == 0)
			snprintf(e.field, sizeof(e.field), "--date");
		goto fail;
	}
	if (store_commit(s, &e) < 0)
		goto fail;
	print_warnings(s, &ctx->arena, id,
		       (in.set & ACTION_PLAN ? ACTION_WARN_PLAN : 0) |
			       (in.set & (ACTION_PLAN | ACTION_DUE) ? ACTION_WARN_DUE : 0));
	store_close(s);
	return 0;
fail:
	store_close(s);
	return cmd_fail(&e);
}

int cmd_actions(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("actions", "say list, show, add, update, "
				       "archive or delete");
	if (strcmp(argv[1], "list") == 0)
		return actions_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "show") == 0)
		return actions_show(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0)
		return actions_add(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "update") == 0)
		return actions_update(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "archive") == 0 || strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "actions", "action", argc - 1, argv + 1,
				  store_action_remove);
	return cmd_usage_error("actions", "unknown subcommand '%s'", argv[1]);
}
