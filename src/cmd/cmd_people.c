/*
 * cmd_people.c: "safer partnership show|edit", "safer organisations",
 * "safer people" and "safer boards" (list, add, edit, archive, delete).
 *
 * An option given changes that field; "none" empties an id (--chair
 * none).  add prints the new id alone.
 */
#include <getopt.h>

#include "cmd.h"
#include "repr/repr.h"
#include "store/store_governance.h"
#include "store/store_people.h"

/* An id, or "none" for 0; a usage error (returns -1) otherwise. */
static int id_or_none(const char *cmd, const char *name, const char *arg,
		      int64_t *id)
{
	if (strcmp(arg, "none") == 0) {
		*id = 0;
		return 0;
	}
	return cmd_arg_id(cmd, name, arg, id);
}

/* A yes or no answer into *v; usage error (returns -1) otherwise. */
static int yes_no(const char *cmd, const char *name, const char *arg, bool *v)
{
	if (strcmp(arg, "yes") == 0 || strcmp(arg, "no") == 0) {
		*v = arg[0] == 'y';
		return 0;
	}
	cmd_usage_error(cmd, "%s must be yes or no, not '%s'", name, arg);
	return -1;
}

/* Print j's buffer (JSON) and close the store; the exit status. */
static int print_json(struct store *s, struct buf *out)
{
	int rc;

	buf_addc(out, '\n');
	rc = cmd_write_out(out, NULL);
	buf_release(out);
	store_close(s);
	return rc;
}

/* ---------------------------------------------------------------------
 * safer partnership
 */

static int partnership_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum cmd_format fmt = FORMAT_TABLE;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct partnership *p;
	struct store *s;
	struct jw j;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		if (c != 'f' || cmd_arg_format("partnership", optarg, &fmt) < 0)
			return c == 'f' ? 2 : cmd_usage_error("partnership",
							      "unknown option");
	if (optind < argc)
		return cmd_usage_error("partnership", "unexpected argument '%s'",
				       argv[optind]);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(p = store_partnership(s, &ctx->arena, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		jw_init(&j, &out, true);
		repr_json_partnership(&j, p);
		return print_json(s, &out);
	}
	buf_printf(&out, "%s\n  area: %s\n", p->name, p->area);
	for (size_t i = 0; i < p->n_former; i++)
		buf_printf(&out, "  formerly: %s\n", p->former_names[i]);
	if (p->description)
		buf_printf(&out, "\n%s\n", p->description);
	store_close(s);
	c = cmd_write_out(&out, NULL);
	buf_release(&out);
	return c;
}

static int partnership_edit(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "area", required_argument, NULL, 'a' },
		{ "description", required_argument, NULL, 'd' },
		{ "add-former-name", required_argument, NULL, 'F' },
		{ "remove-former-name", required_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 },
	};
	struct partnership_input in = { 0 };
	const char **add = arena_array(&ctx->arena, (size_t)argc, sizeof(*add));
	const char **del = arena_array(&ctx->arena, (size_t)argc, sizeof(*del));
	size_t n_add = 0, n_del = 0;
	struct err e = ERR_INIT;
	struct store *s;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'n': in.set |= PARTNERSHIP_NAME; in.name = optarg; break;
		case 'a': in.set |= PARTNERSHIP_AREA; in.area = optarg; break;
		case 'd': in.set |= PARTNERSHIP_DESCRIPTION; in.description = optarg;
			break;
		case 'F': add[n_add++] = optarg; break;
		case 'R': del[n_del++] = optarg; break;
		default: return cmd_usage_error("partnership", "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error("partnership", "unexpected argument '%s'",
				       argv[optind]);
	if (!in.set && !n_add && !n_del)
		return cmd_usage_error("partnership", "say what to change");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (n_add || n_del) {
		/* The whole new list: the names now, less those removed, and
		 * those added. */
		struct partnership *p = store_partnership(s, &ctx->arena, &e);
		size_t have = p ? p->n_former : 0, k = 0;
		const char **list;

		if (!p && e.code != ERR_NOT_FOUND)
			goto fail;
		err_clear(&e);
		list = arena_array(&ctx->arena, have + n_add + 1, sizeof(*list));
		for (size_t i = 0; i < n_del; i++) {
			bool found = false;

			for (size_t x = 0; x < have; x++)
				found |= strcmp(p->former_plain[x], del[i]) == 0;
			if (!found) {
				err_set(&e, ERR_NOT_FOUND, "former_names",
					"there is no former name '%s'", del[i]);
				goto fail;
			}
		}
		for (size_t x = 0; x < have; x++) {
			bool gone = false;

			for (size_t i = 0; i < n_del; i++)
				gone |= strcmp(p->former_plain[x], del[i]) == 0;
			if (!gone)
				list[k++] = p->former_plain[x];
		}
		for (size_t i = 0; i < n_add; i++)
			list[k++] = add[i];
		in.set |= PARTNERSHIP_FORMER_NAMES;
		in.former_names = list;
		in.n_former = k;
	}
	if (store_partnership_update(s, &in, NULL, &e) < 0)
		goto fail;
	store_close(s);
	return 0;
fail:
	store_close(s);
	return cmd_fail(&e);
}

int cmd_partnership(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("partnership", "say show or edit");
	if (strcmp(argv[1], "show") == 0)
		return partnership_show(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "edit") == 0)
		return partnership_edit(argc - 1, argv + 1, ctx);
	return cmd_usage_error("partnership", "unknown subcommand '%s'", argv[1]);
}

/* ---------------------------------------------------------------------
 * A list command's one option, --format (and people's --organisation).
 */

static int list_args(const char *cmd, int argc, char **argv,
		     enum cmd_format *fmt, int64_t *org)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "organisation", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	*fmt = FORMAT_TABLE;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'o' && org) {
			if (cmd_arg_id(cmd, "--organisation", optarg, org) < 0)
				return 2;
		} else if (c != 'f' || cmd_arg_format(cmd, optarg, fmt) < 0) {
			return c == 'f' ? 2 : cmd_usage_error(cmd, "unknown option");
		}
	}
	if (*fmt == FORMAT_CSV)
		return cmd_usage_error(cmd, "list writes table or json, not csv");
	if (optind < argc)
		return cmd_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	return 0;
}

/* After add or edit: how many arguments are left must be right (add:
 * none; edit: the id, read into *id), and something must be given. */
static int write_args(const char *cmd, int argc, char **argv, bool add,
		      unsigned set, int64_t *id)
{
	if (add) {
		if (optind < argc)
			return cmd_usage_error(cmd, "unexpected argument '%s'",
					       argv[optind]);
		return 0;
	}
	if (optind + 1 != argc)
		return cmd_usage_error(cmd, "edit needs one id");
	if (cmd_arg_id(cmd, "the id", argv[optind], id) < 0)
		return 2;
	if (!set)
		return cmd_usage_error(cmd, "say what to change");
	return 0;
}

/* ---------------------------------------------------------------------
 * safer organisations
 */

static int organisations_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct organisation *o;
	struct store *s;
	struct table t;
	size_t n;
	int rc;

	if ((rc = list_args("organisations", argc, argv, &fmt, NULL)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(o = store_organisations(s, &ctx->arena, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		jw_obj(&j);
		jw_key(&j, "organisations");
		jw_arr(&j);
		for (size_t i = 0; i < n; i++)
			repr_json_organisation(&j, &o[i]);
		jw_end(&j);
		jw_end(&j);
		return print_json(s, &out);
	}
	table_init(&t, &ctx->arena, 5);
	table_add(&t, "ID"); table_add(&t, "SECTOR"); table_add(&t, "MEMBER");
	table_add(&t, "PEOPLE"); table_add(&t, "NAME");
	for (size_t i = 0; i < n; i++) {
		table_addf(&t, "%lld", (long long)o[i].id);
		table_add(&t, o[i].sector);
		table_add(&t, o[i].is_member ? "yes" : "no");
		table_addf(&t, "%zu", o[i].n_people);
		table_add(&t, o[i].name);
	}
	table_print(&t, &out);
	store_close(s);
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	return rc;
}

static int organisations_write(int argc, char **argv, struct cmd_ctx *ctx,
			       bool add)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "short-name", required_argument, NULL, 's' },
		{ "sector", required_argument, NULL, 'S' },
		{ "member", required_argument, NULL, 'm' },
		{ "note", required_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 },
	};
	struct organisation_input in = { .is_member = true };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id = 0;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'n': in.set |= ORG_NAME; in.name = optarg; break;
		case 's': in.set |= ORG_SHORT_NAME; in.short_name = optarg; break;
		case 'S': in.set |= ORG_SECTOR; in.sector = optarg; break;
		case 'N': in.set |= ORG_NOTE; in.note = optarg; break;
		case 'm':
			in.set |= ORG_MEMBER;
			if (yes_no("organisations", "--member", optarg,
				   &in.is_member) < 0)
				return 2;
			break;
		default: return cmd_usage_error("organisations", "unknown option");
		}
	}
	if ((rc = write_args("organisations", argc, argv, add, in.set, &id)) != 0)
		return rc;
	if (add && (!(in.set & ORG_NAME) || !(in.set & ORG_SECTOR)))
		return cmd_usage_error("organisations", "add needs --name and --sector");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (add ? store_organisation_create(s, &in, &id, &e) < 0
		: store_organisation_update(s, id, &in, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (add)
		printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

int cmd_organisations(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("organisations",
				       "say list, add, edit, archive or delete");
	if (strcmp(argv[1], "list") == 0)
		return organisations_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0 || strcmp(argv[1], "edit") == 0)
		return organisations_write(argc - 1, argv + 1, ctx,
					   argv[1][0] == 'a');
	if (strcmp(argv[1], "archive") == 0 || strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "organisations", "organisation", argc - 1,
				  argv + 1, store_organisation_remove);
	return cmd_usage_error("organisations", "unknown subcommand '%s'", argv[1]);
}

/* ---------------------------------------------------------------------
 * safer people
 */

static int people_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct person *p;
	struct store *s;
	struct table t;
	int64_t org = 0;
	size_t n;
	int rc;

	if ((rc = list_args("people", argc, argv, &fmt, &org)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(p = store_people(s, &ctx->arena, org, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		jw_obj(&j);
		jw_key(&j, "people");
		jw_arr(&j);
		for (size_t i = 0; i < n; i++)
			repr_json_person(&j, &p[i]);
		jw_end(&j);
		jw_end(&j);
		return print_json(s, &out);
	}
	table_init(&t, &ctx->arena, 4);
	table_add(&t, "ID"); table_add(&t, "NAME"); table_add(&t, "ORGANISATION");
	table_add(&t, "ROLE");
	for (size_t i = 0; i < n; i++) {
		table_addf(&t, "%lld", (long long)p[i].id);
		table_add(&t, p[i].name);
		table_add(&t, p[i].organisation);
		table_add(&t, p[i].role);
	}
	table_print(&t, &out);
	store_close(s);
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	return rc;
}

static int people_write(int argc, char **argv, struct cmd_ctx *ctx, bool add)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "role", required_argument, NULL, 'r' },
		{ "organisation", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct person_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id = 0;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'n': in.set |= PERSON_NAME; in.name = optarg; break;
		case 'r': in.set |= PERSON_ROLE; in.role = optarg; break;
		case 'o':
			in.set |= PERSON_ORGANISATION;
			if (id_or_none("people", "--organisation", optarg,
				       &in.organisation_id) < 0)
				return 2;
			break;
		default: return cmd_usage_error("people", "unknown option");
		}
	}
	if ((rc = write_args("people", argc, argv, add, in.set, &id)) != 0)
		return rc;
	if (add && !(in.set & PERSON_NAME))
		return cmd_usage_error("people", "add needs --name");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (add ? store_person_create(s, &in, &id, &e) < 0
		: store_person_update(s, id, &in, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (add)
		printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

int cmd_people(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("people", "say list, add, edit, archive or delete");
	if (strcmp(argv[1], "list") == 0)
		return people_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0 || strcmp(argv[1], "edit") == 0)
		return people_write(argc - 1, argv + 1, ctx, argv[1][0] == 'a');
	if (strcmp(argv[1], "archive") == 0 || strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "people", "person", argc - 1, argv + 1,
				  store_person_remove);
	return cmd_usage_error("people", "unknown subcommand '%s'", argv[1]);
}

/* ---------------------------------------------------------------------
 * safer boards
 */

static int boards_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct board *b;
	struct store *s;
	struct table t;
	size_t n;
	int rc;

	if ((rc = list_args("boards", argc, argv, &fmt, NULL)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(b = store_boards(s, &ctx->arena, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		jw_obj(&j);
		jw_key(&j, "boards");
		jw_arr(&j);
		for (size_t i = 0; i < n; i++)
			repr_json_board(&j, &b[i]);
		jw_end(&j);
		jw_end(&j);
		return print_json(s, &out);
	}
	table_init(&t, &ctx->arena, 5);
	table_add(&t, "ID"); table_add(&t, "KIND"); table_add(&t, "REPORTS TO");
	table_add(&t, "MEMBERS"); table_add(&t, "NAME");
	for (size_t i = 0; i < n; i++) {
		table_addf(&t, "%lld", (long long)b[i].id);
		table_add(&t, b[i].kind);
		if (b[i].parent_id)
			table_addf(&t, "%lld", (long long)b[i].parent_id);
		else
			table_add(&t, NULL);
		table_addf(&t, "%zu", b[i].n_members);
		table_addf(&t, "%*s%s", 2 * b[i].depth, "", b[i].name);
	}
	table_print(&t, &out);
	store_close(s);
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	return rc;
}

static int boards_write(int argc, char **argv, struct cmd_ctx *ctx, bool add)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "kind", required_argument, NULL, 'k' },
		{ "reports-to", required_argument, NULL, 'r' },
		{ "chair", required_argument, NULL, 'c' },
		{ "terms", required_argument, NULL, 't' },
		{ "member", required_argument, NULL, 'm' },
		{ "no-members", no_argument, NULL, 'M' },
		{ NULL, 0, NULL, 0 },
	};
	struct board_input in = { 0 };
	int64_t *members = arena_array(&ctx->arena, (size_t)argc, sizeof(*members));
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id = 0;
	int c, rc;

	in.member_ids = members;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'n': in.set |= BOARD_NAME; in.name = optarg; break;
		case 'k': in.set |= BOARD_KIND; in.kind = optarg; break;
		case 't': in.set |= BOARD_TERMS; in.terms_of_reference = optarg;
			break;
		case 'r':
			in.set |= BOARD_REPORTS_TO;
			if (id_or_none("boards", "--reports-to", optarg,
				       &in.parent_id) < 0)
				return 2;
			break;
		case 'c':
			in.set |= BOARD_CHAIR;
			if (id_or_none("boards", "--chair", optarg, &in.chair_id) < 0)
				return 2;
			break;
		case 'm':
			in.set |= BOARD_MEMBERS;
			if (cmd_arg_id("boards", "--member", optarg,
				       &members[in.n_members++]) < 0)
				return 2;
			break;
		case 'M': in.set |= BOARD_MEMBERS; break;
		default: return cmd_usage_error("boards", "unknown option");
		}
	}
	if ((rc = write_args("boards", argc, argv, add, in.set, &id)) != 0)
		return rc;
	if (add && (!(in.set & BOARD_NAME) || !(in.set & BOARD_KIND)))
		return cmd_usage_error("boards", "add needs --name and --kind");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (add ? store_board_create(s, &in, &id, &e) < 0
		: store_board_update(s, id, &in, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (add)
		printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

int cmd_boards(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("boards", "say list, add, edit, archive or delete");
	if (strcmp(argv[1], "list") == 0)
		return boards_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0 || strcmp(argv[1], "edit") == 0)
		return boards_write(argc - 1, argv + 1, ctx, argv[1][0] == 'a');
	if (strcmp(argv[1], "archive") == 0 || strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "boards", "board", argc - 1, argv + 1,
				  store_board_remove);
	return cmd_usage_error("boards", "unknown subcommand '%s'", argv[1]);
}
