/*
 * cmd_funds.c: "safer funds list|show|add|update|add-award" and
 * "safer export actions|awards".
 */
#include <getopt.h>

#include "base/csv.h"
#include "base/text.h"
#include "cmd.h"
#include "repr/repr.h"
#include "store/store_action.h"
#include "store/store_fund.h"

static void money_cell(struct table *t, int64_t pence)
{
	struct buf b = BUF_INIT;

	text_add_money(&b, pence);
	table_add(t, b.ptr);
	buf_release(&b);
}

/* Say on standard error what was saved but may not be what was meant:
 * a fund's awards over its allocation.  The command still succeeds. */
static void print_fund_warnings(struct store *s, int64_t fund_id,
				const char *field)
{
	struct err e = ERR_INIT, warnings[2];
	struct err_list l = { warnings, 0, ARRAY_SIZE(warnings) };

	if (store_fund_warnings(s, fund_id, field, &l, &e) < 0) {
		fprintf(stderr, "safer: %s\n", e.msg);
		return;
	}
	for (size_t i = 0; i < l.n; i++)
		fprintf(stderr, "safer: warning: %s\n", l.v[i].msg);
}

static int funds_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum cmd_format fmt = FORMAT_TABLE;
	const char *year = NULL;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct store *s;
	struct fund *f;
	size_t n;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'y')
			year = optarg;
		else if (c != 'f' || cmd_arg_format("funds", optarg, &fmt) < 0)
			return c == 'f' ? 2 : cmd_usage_error("funds", "unknown option");
	}
	if (optind < argc)
		return cmd_usage_error("funds", "unexpected argument '%s'", argv[optind]);
	if (year && text_financial_year(year, "--year", &e) < 0)
		return cmd_usage_error("funds", "--year %s", e.msg);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(f = store_funds(s, &ctx->arena, year, fmt == FORMAT_JSON, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_funds(&j, year, f, n);
		buf_addc(&out, '\n');
	} else if (fmt == FORMAT_CSV) {
		repr_csv_funds(&out, f, n);
	} else {
		struct table t;
		int64_t total = 0;

		table_init(&t, &ctx->arena, 6);
		table_add(&t, "ID"); table_add(&t, "YEAR"); table_add(&t, "ALLOCATION");
		table_add(&t, "AWARDED"); table_add(&t, "REMAINING"); table_add(&t, "NAME");
		for (size_t i = 0; i < n; i++) {
			table_addf(&t, "%lld", (long long)f[i].id);
			table_add(&t, f[i].year);
			money_cell(&t, f[i].allocation_pence);
			money_cell(&t, f[i].awarded_pence);
			money_cell(&t, f[i].remaining_pence);
			table_add(&t, f[i].name);
			total += f[i].allocation_pence;
		}
		table_print(&t, &out);
		buf_adds(&out, "total allocation: ");
		text_add_money(&out, total);
		buf_addc(&out, '\n');
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

static int funds_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct store *s;
	struct fund *f;
	int64_t id;
	int rc;

	if ((rc = cmd_show_args("funds", "fund", argc, argv, &fmt, &id)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(f = store_fund(s, &ctx->arena, id, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_fund(&j, f, true);
		buf_addc(&out, '\n');
	} else {
		buf_printf(&out, "%s (%s)\n  allocation: ", f->name, f->year);
		text_add_money(&out, f->allocation_pence);
		buf_adds(&out, "\n  awarded:    ");
		text_add_money(&out, f->awarded_pence);
		buf_adds(&out, "\n  remaining:  ");
		text_add_money(&out, f->remaining_pence);
		buf_addc(&out, '\n');
		for (size_t i = 0; i < f->n_award_list; i++) {
			buf_printf(&out, "  - %s: ", f->awards[i].recipient);
			if (f->awards[i].has_amount)
				text_add_money(&out, f->awards[i].amount_pence);
			else
				buf_adds(&out, "amount not recorded");
			buf_printf(&out, " (%s)\n", f->awards[i].status);
		}
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

static int funds_write(int argc, char **argv, struct cmd_ctx *ctx, bool add)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "year", required_argument, NULL, 'y' },
		{ "grantor", required_argument, NULL, 'g' },
		{ "allocation", required_argument, NULL, 'a' },
		{ "note", required_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 },
	};
	struct fund_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id = 0;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'n': in.set |= FUND_NAME; in.name = optarg; break;
		case 'y': in.set |= FUND_YEAR; in.year = optarg; break;
		case 'g': in.set |= FUND_GRANTOR; in.grantor = optarg; break;
		case 'N': in.set |= FUND_NOTE; in.note = optarg; break;
		case 'a':
			in.set |= FUND_ALLOCATION;
			if (text_money(optarg, &in.allocation_pence, "--allocation",
				       &e) < 0)
				return cmd_usage_error("funds", "--allocation %s", e.msg);
			break;
		default: return cmd_usage_error("funds", "unknown option");
		}
	}
	if (add) {
		if (optind < argc)
			return cmd_usage_error("funds", "unexpected argument '%s'",
					       argv[optind]);
		if (!(in.set & FUND_NAME) || !(in.set & FUND_YEAR) ||
		    !(in.set & FUND_ALLOCATION))
			return cmd_usage_error("funds",
					       "add needs --name, --year and --allocation");
	} else {
		if (optind + 1 != argc)
			return cmd_usage_error("funds", "update needs one fund id");
		if (cmd_arg_id("funds", "the fund id", argv[optind], &id) < 0)
			return 2;
		if (!in.set)
			return cmd_usage_error("funds", "say what to change");
	}
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (add ? store_fund_create(s, &in, &id, &e) < 0
		: store_fund_update(s, id, &in, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	if (add)
		printf("%lld\n", (long long)id);
	print_fund_warnings(s, id, "allocation_pence");
	store_close(s);
	return 0;
}

static int funds_add_award(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "recipient", required_argument, NULL, 'r' },
		{ "purpose", required_argument, NULL, 'p' },
		{ "amount", required_argument, NULL, 'a' },
		{ "status", required_argument, NULL, 's' },
		{ "priority", required_argument, NULL, 'P' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	struct award_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r': in.recipient = optarg; break;
		case 'p': in.purpose = optarg; break;
		case 's': in.set |= AWARD_STATUS; in.status = optarg; break;
		case 'n': in.note = optarg; break;
		case 'P':
			if (cmd_arg_id("funds", "--priority", optarg, &in.priority_id) < 0)
				return 2;
			break;
		case 'a':
			in.has_amount = true;
			if (text_money(optarg, &in.amount_pence, "--amount", &e) < 0)
				return cmd_usage_error("funds", "--amount %s", e.msg);
			break;
		default: return cmd_usage_error("funds", "unknown option");
		}
	}
	if (optind + 1 != argc)
		return cmd_usage_error("funds", "add-award needs one fund id");
	if (cmd_arg_id("funds", "the fund id", argv[optind], &in.fund_id) < 0)
		return 2;
	if (!in.recipient)
		return cmd_usage_error("funds", "add-award needs --recipient");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_award_create(s, &in, &id, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	printf("%lld\n", (long long)id);
	print_fund_warnings(s, in.fund_id, "amount_pence");
	store_close(s);
	return 0;
}

int cmd_funds(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("funds", "say list, show, add, update, "
				       "add-award, archive, delete, "
				       "archive-award or delete-award");
	if (strcmp(argv[1], "list") == 0)
		return funds_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "show") == 0)
		return funds_show(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0)
		return funds_write(argc - 1, argv + 1, ctx, true);
	if (strcmp(argv[1], "update") == 0)
		return funds_write(argc - 1, argv + 1, ctx, false);
	if (strcmp(argv[1], "add-award") == 0)
		return funds_add_award(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "archive") == 0 || strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "funds", "fund", argc - 1, argv + 1,
				  store_fund_remove);
	if (strcmp(argv[1], "archive-award") == 0 ||
	    strcmp(argv[1], "delete-award") == 0) {
		argv[1] = argv[1][0] == 'a' ? "archive" : "delete";
		return cmd_remove(ctx, "funds", "award", argc - 1, argv + 1,
				  store_award_remove);
	}
	return cmd_usage_error("funds", "unknown subcommand '%s'", argv[1]);
}

int cmd_export(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	enum cmd_format fmt = FORMAT_CSV;
	const char *output = NULL, *what;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct jw j;
	struct store *s;
	char today[11];
	size_t n;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'o')
			output = optarg;
		else if (c != 'f' || cmd_arg_format("export", optarg, &fmt) < 0)
			return c == 'f' ? 2 : cmd_usage_error("export", "unknown option");
	}
	if (optind + 1 != argc)
		return cmd_usage_error("export", "say actions or awards");
	what = argv[optind];
	if (strcmp(what, "actions") != 0 && strcmp(what, "awards") != 0)
		return cmd_usage_error("export", "can export actions or awards, not '%s'",
				       what);
	if (fmt == FORMAT_TABLE)
		return cmd_usage_error("export", "--format must be csv or json");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	jw_init(&j, &out, true);
	if (strcmp(what, "actions") == 0) {
		struct action_filter f = { .today = today };
		struct action *a;

		text_today(today);
		if (!(a = store_actions(s, &ctx->arena, &f, &n, &e)))
			goto fail;
		if (fmt == FORMAT_CSV) {
			repr_csv_actions(&out, a, n);
		} else {
			jw_obj(&j);
			jw_key(&j, "actions");
			jw_arr(&j);
			for (size_t i = 0; i < n; i++)
				repr_json_action(&j, &a[i], NULL, 0, false);
			jw_end(&j);
			jw_end(&j);
			buf_addc(&out, '\n');
		}
	} else {
		struct award *w;

		if (!(w = store_awards(s, &ctx->arena, 0, &n, &e)))
			goto fail;
		if (fmt == FORMAT_CSV) {
			repr_csv_awards(&out, w, n);
		} else {
			jw_obj(&j);
			jw_key(&j, "awards");
			jw_arr(&j);
			for (size_t i = 0; i < n; i++)
				repr_json_award(&j, &w[i]);
			jw_end(&j);
			jw_end(&j);
			buf_addc(&out, '\n');
		}
	}
	rc = cmd_write_out(&out, output);
	buf_release(&out);
	store_close(s);
	return rc;
fail:
	buf_release(&out);
	store_close(s);
	return cmd_fail(&e);
}
