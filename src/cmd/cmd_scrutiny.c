/*
 * cmd_scrutiny.c: "safer undertakings" (list, show, add, edit,
 * discharge, delete) and "safer issues" (list, show, add, add-item,
 * remove-item, delete).
 *
 * An option given changes that field; "none" empties an id or a date
 * (--due-meeting none).  add prints the new id alone.
 */
#include <getopt.h>

#include "base/text.h"
#include "cmd.h"
#include "repr/repr.h"
#include "store/store_scrutiny.h"

static int id_or_none(const char *cmd, const char *name, const char *arg,
		      int64_t *id)
{
	if (strcmp(arg, "none") == 0) {
		*id = 0;
		return 0;
	}
	return cmd_arg_id(cmd, name, arg, id);
}

/* Write out (closing the store); the exit status. */
static int finish(struct store *s, struct buf *out, bool newline)
{
	int rc;

	if (newline)
		buf_addc(out, '\n');
	store_close(s);
	rc = cmd_write_out(out, NULL);
	buf_release(out);
	return rc;
}

/* ---------------------------------------------------------------------
 * safer undertakings
 */

static void undertakings_table(struct table *t, const struct undertaking *u,
			       size_t n)
{
	table_add(t, "ID"); table_add(t, "KIND"); table_add(t, "DUE");
	table_add(t, "STATUS"); table_add(t, "OWNER"); table_add(t, "TEXT");
	for (size_t i = 0; i < n; i++) {
		table_addf(t, "%lld", (long long)u[i].id);
		table_add(t, u[i].kind);
		table_add(t, u[i].due);
		table_add(t, u[i].overdue ? "overdue" : u[i].status);
		table_add(t, u[i].owner ? u[i].owner : u[i].owner_name);
		table_add(t, u[i].text);
	}
}

static int undertakings_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "status", required_argument, NULL, 's' },
		{ "body", required_argument, NULL, 'b' },
		{ "meeting", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct undertaking_filter f = { 0 };
	enum cmd_format fmt = FORMAT_TABLE;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct undertaking *u;
	struct store *s;
	char today[11];
	size_t n;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's': f.status = optarg; break;
		case 'b':
			if (cmd_arg_id("undertakings", "--body", optarg,
				       &f.body_id) < 0)
				return 2;
			break;
		case 'm':
			if (cmd_arg_id("undertakings", "--meeting", optarg,
				       &f.due_meeting_id) < 0)
				return 2;
			break;
		case 'f':
			if (cmd_arg_format("undertakings", optarg, &fmt) < 0)
				return 2;
			break;
		default: return cmd_usage_error("undertakings", "unknown option");
		}
	}
	if (optind != argc)
		return cmd_usage_error("undertakings", "list takes no arguments");
	if (f.status && strcmp(f.status, "open") && strcmp(f.status, "overdue") &&
	    strcmp(f.status, "discharged"))
		return cmd_usage_error("undertakings", "--status must be open, "
				       "overdue or discharged, not '%s'", f.status);
	text_today(today);
	f.today = today;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(u = store_undertakings(s, &ctx->arena, &f, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_undertakings(&j, u, n);
		return finish(s, &out, true);
	}
	if (fmt == FORMAT_CSV) {
		repr_csv_undertakings(&out, u, n);
		return finish(s, &out, false);
	}
	{
		struct table t;

		table_init(&t, &ctx->arena, 6);
		undertakings_table(&t, u, n);
		table_print(&t, &out);
	}
	return finish(s, &out, false);
}

static int undertakings_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct undertaking *u;
	struct store *s;
	char today[11];
	int64_t id;
	int rc;

	if ((rc = cmd_show_args("undertakings", "undertaking", argc, argv, &fmt,
				&id)) != 0)
		return rc;
	text_today(today);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(u = store_undertaking(s, &ctx->arena, id, today, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_undertaking(&j, u);
		return finish(s, &out, true);
	}
	buf_printf(&out, "%s %lld: %s\n", u->kind, (long long)u->id, u->text);
	buf_printf(&out, "status: %s%s\n", u->status,
		   u->overdue ? " (overdue)" : "");
	if (u->owner || u->owner_name)
		buf_printf(&out, "owner: %s\n", u->owner ? u->owner : u->owner_name);
	if (u->item_id)
		buf_printf(&out, "given at: item %lld (%s, %s %s)\n",
			   (long long)u->item_id, u->item_title, u->body_name,
			   u->meeting_date);
	if (u->due_meeting_id)
		buf_printf(&out, "due at: meeting %lld (%s, %s)\n",
			   (long long)u->due_meeting_id, u->due_body_name,
			   u->due_meeting_date);
	else if (u->due_date)
		buf_printf(&out, "due by: %s\n", u->due_date);
	if (u->discharged_by_item_id)
		buf_printf(&out, "discharged by: item %lld (%s)\n",
			   (long long)u->discharged_by_item_id,
			   u->discharged_by_title);
	if (u->discharged_on)
		buf_printf(&out, "discharged on: %s\n", u->discharged_on);
	return finish(s, &out, false);
}

static int undertakings_write(int argc, char **argv, struct cmd_ctx *ctx,
			      bool add)
{
	static const struct option opts[] = {
		{ "text", required_argument, NULL, 't' },
		{ "kind", required_argument, NULL, 'k' },
		{ "owner", required_argument, NULL, 'o' },
		{ "owner-id", required_argument, NULL, 'O' },
		{ "to-body", required_argument, NULL, 'B' },
		{ "item", required_argument, NULL, 'i' },
		{ "due-meeting", required_argument, NULL, 'm' },
		{ "due-date", required_argument, NULL, 'd' },
		{ "status", required_argument, NULL, 's' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct undertaking_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id = 0;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		int64_t *target = NULL;
		const char *name = NULL;

		switch (c) {
		case 't': in.set |= UND_TEXT; in.text = optarg; break;
		case 'k': in.set |= UND_KIND; in.kind = optarg; break;
		case 'o': in.set |= UND_OWNER; in.owner = optarg; break;
		case 's': in.set |= UND_STATUS; in.status = optarg; break;
		case 'n': in.set |= UND_NOTE; in.note = optarg; break;
		case 'd':
			in.set |= UND_DUE_DATE;
			in.due_date = strcmp(optarg, "none") ? optarg : NULL;
			break;
		case 'O': in.set |= UND_OWNER_ID; target = &in.owner_id;
			  name = "--owner-id"; break;
		case 'B': in.set |= UND_TO_BODY; target = &in.to_body_id;
			  name = "--to-body"; break;
		case 'i': in.set |= UND_ITEM; target = &in.item_id;
			  name = "--item"; break;
		case 'm': in.set |= UND_DUE_MEETING; target = &in.due_meeting_id;
			  name = "--due-meeting"; break;
		default: return cmd_usage_error("undertakings", "unknown option");
		}
		if (target && id_or_none("undertakings", name, optarg, target) < 0)
			return 2;
	}
	if (add ? optind != argc : optind + 1 != argc)
		return cmd_usage_error("undertakings", add
				       ? "add takes options only"
				       : "edit needs one undertaking id");
	if (!add && cmd_arg_id("undertakings", "the undertaking id",
			       argv[optind], &id) < 0)
		return 2;
	if (add && !(in.set & UND_TEXT))
		return cmd_usage_error("undertakings", "add needs --text");
	if (!add && !in.set)
		return cmd_usage_error("undertakings", "say what to change");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (add ? store_undertaking_create(s, &in, &id, &e) < 0
		: store_undertaking_update(s, id, &in, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (add)
		printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

static int undertakings_discharge(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "by-item", required_argument, NULL, 'i' },
		{ "on", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct err e = ERR_INIT;
	const char *on = NULL;
	struct store *s;
	int64_t id = 0, item = 0;
	bool by = false;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'i':
			if (id_or_none("undertakings", "--by-item", optarg,
				       &item) < 0)
				return 2;
			by = true;
			break;
		case 'o': on = optarg; break;
		default: return cmd_usage_error("undertakings", "unknown option");
		}
	}
	if (optind + 1 != argc)
		return cmd_usage_error("undertakings",
				       "discharge needs one undertaking id");
	if (cmd_arg_id("undertakings", "the undertaking id", argv[optind],
		       &id) < 0)
		return 2;
	if (!by)
		return cmd_usage_error("undertakings", "discharge needs --by-item "
				       "ID (the item that answered it), or "
				       "--by-item none");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_undertaking_discharge(s, id, item, on, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	store_close(s);
	return 0;
}

static int undertakings_delete(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;

	if (argc != 2)
		return cmd_usage_error("undertakings", "delete needs one id");
	if (cmd_arg_id("undertakings", "the undertaking id", argv[1], &id) < 0)
		return 2;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_undertaking_delete(s, id, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("deleted undertaking %lld\n", (long long)id);
	store_close(s);
	return 0;
}

int cmd_undertakings(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("undertakings", "say list, show, add, edit, "
				       "discharge or delete");
	if (strcmp(argv[1], "list") == 0)
		return undertakings_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "show") == 0)
		return undertakings_show(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0 || strcmp(argv[1], "edit") == 0)
		return undertakings_write(argc - 1, argv + 1, ctx,
					  argv[1][0] == 'a');
	if (strcmp(argv[1], "discharge") == 0)
		return undertakings_discharge(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "delete") == 0)
		return undertakings_delete(argc - 1, argv + 1, ctx);
	return cmd_usage_error("undertakings", "unknown subcommand '%s'", argv[1]);
}

/* ---------------------------------------------------------------------
 * safer issues
 */

static int issues_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum cmd_format fmt = FORMAT_TABLE;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct issue *x;
	struct store *s;
	size_t n;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		if (c != 'f' || cmd_arg_format("issues", optarg, &fmt) < 0)
			return c == 'f' ? 2 : cmd_usage_error("issues",
							      "unknown option");
	if (optind != argc)
		return cmd_usage_error("issues", "list takes no arguments");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(x = store_issues(s, &ctx->arena, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		jw_obj(&j);
		jw_key(&j, "issues");
		jw_arr(&j);
		for (size_t i = 0; i < n; i++)
			repr_json_issue(&j, &x[i], NULL, 0, false);
		jw_end(&j);
		jw_end(&j);
		return finish(s, &out, true);
	}
	if (fmt == FORMAT_CSV) {
		repr_csv_issues(&out, x, n);
		return finish(s, &out, false);
	}
	{
		struct table t;

		table_init(&t, &ctx->arena, 5);
		table_add(&t, "ID"); table_add(&t, "ITEMS");
		table_add(&t, "FROM"); table_add(&t, "TO"); table_add(&t, "TITLE");
		for (size_t i = 0; i < n; i++) {
			table_addf(&t, "%lld", (long long)x[i].id);
			table_addf(&t, "%lld", (long long)x[i].n_items);
			table_add(&t, x[i].first_date);
			table_add(&t, x[i].last_date);
			table_add(&t, x[i].title);
		}
		table_print(&t, &out);
	}
	return finish(s, &out, false);
}

static int issues_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct tl_entry *t;
	struct issue *x;
	struct store *s;
	int64_t id;
	size_t n;
	int rc;

	if ((rc = cmd_show_args("issues", "issue", argc, argv, &fmt, &id)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(x = store_issue(s, &ctx->arena, id, &e)) ||
	    !(t = store_issue_timeline(s, &ctx->arena, id, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_issue(&j, x, t, n, true);
		return finish(s, &out, true);
	}
	buf_printf(&out, "issue %lld: %s\n", (long long)x->id, x->title);
	if (x->plan_title)
		buf_printf(&out, "plan: %s\n", x->plan_title);
	for (size_t i = 0; i < n; i++) {
		buf_printf(&out, "\n%s  %s, item %s: %s (item %lld)\n", t[i].date,
			   t[i].body_name, t[i].number, t[i].title,
			   (long long)t[i].item_id);
		for (size_t k = 0; k < t[i].n_resolutions; k++)
			buf_printf(&out, "    %s%s%s: %s\n",
				   t[i].resolutions[k].kind,
				   t[i].resolutions[k].to_body_name ? " to " : "",
				   t[i].resolutions[k].to_body_name
					   ? t[i].resolutions[k].to_body_name
					   : "",
				   t[i].resolutions[k].text);
		for (size_t k = 0; k < t[i].n_attachments; k++)
			buf_printf(&out, "    document %lld: %s\n",
				   (long long)t[i].attachments[k].id,
				   t[i].attachments[k].name);
		for (size_t k = 0; k < t[i].n_figures; k++) {
			const struct tl_figure *f = &t[i].figures[k];

			if (f->has_value)
				buf_printf(&out, "    %s: %g (%s, %s)\n", f->name,
					   f->value, f->period, f->area);
			else
				buf_printf(&out, "    %s: no figure yet\n",
					   f->name);
		}
	}
	return finish(s, &out, false);
}

static int issues_add(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "description", required_argument, NULL, 'd' },
		{ "plan", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	struct issue_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 't': in.set |= ISSUE_TITLE; in.title = optarg; break;
		case 'd': in.set |= ISSUE_DESCRIPTION; in.description = optarg;
			  break;
		case 'p':
			in.set |= ISSUE_PLAN;
			if (id_or_none("issues", "--plan", optarg, &in.plan_id) < 0)
				return 2;
			break;
		default: return cmd_usage_error("issues", "unknown option");
		}
	}
	if (optind != argc)
		return cmd_usage_error("issues", "add takes options only");
	if (!(in.set & ISSUE_TITLE))
		return cmd_usage_error("issues", "add needs --title");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_issue_create(s, &in, &id, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

/* add-item / remove-item ID --item ITEM */
static int issues_item(int argc, char **argv, struct cmd_ctx *ctx, bool add)
{
	static const struct option opts[] = {
		{ "item", required_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 },
	};
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id, item = 0;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'i')
			return cmd_usage_error("issues", "unknown option");
		if (cmd_arg_id("issues", "--item", optarg, &item) < 0)
			return 2;
	}
	if (optind + 1 != argc)
		return cmd_usage_error("issues", "%s needs one issue id",
				       add ? "add-item" : "remove-item");
	if (cmd_arg_id("issues", "the issue id", argv[optind], &id) < 0)
		return 2;
	if (!item)
		return cmd_usage_error("issues", "say which item: --item ID");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if ((add ? store_issue_add_item(s, id, item, &e)
		 : store_issue_remove_item(s, id, item, &e)) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	store_close(s);
	return 0;
}

static int issues_delete(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;

	if (argc != 2)
		return cmd_usage_error("issues", "delete needs one id");
	if (cmd_arg_id("issues", "the issue id", argv[1], &id) < 0)
		return 2;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_issue_delete(s, id, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("deleted issue %lld\n", (long long)id);
	store_close(s);
	return 0;
}

int cmd_issues(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("issues", "say list, show, add, add-item, "
				       "remove-item or delete");
	if (strcmp(argv[1], "list") == 0)
		return issues_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "show") == 0)
		return issues_show(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0)
		return issues_add(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add-item") == 0)
		return issues_item(argc - 1, argv + 1, ctx, true);
	if (strcmp(argv[1], "remove-item") == 0)
		return issues_item(argc - 1, argv + 1, ctx, false);
	if (strcmp(argv[1], "delete") == 0)
		return issues_delete(argc - 1, argv + 1, ctx);
	return cmd_usage_error("issues", "unknown subcommand '%s'", argv[1]);
}
