/*
 * cmd_audit.c: the record of every change: "safer audit list" and
 * "safer audit verify".
 */
#include <getopt.h>

#include "cmd.h"
#include "repr/repr.h"
#include "store/store_audit.h"

/* A change as one line for the terminal: field: old -> new. */
static void add_changes(struct table *t, struct arena *a,
			const struct audit_entry *en)
{
	struct buf b = BUF_INIT;

	for (size_t k = 0; k < en->n_list; k++) {
		const char *o = repr_audit_value_text(a, en->list[k].old_json);
		const char *v = repr_audit_value_text(a, en->list[k].new_json);

		buf_printf(&b, "%s%s: %s -> %s", k ? "; " : "",
			   en->list[k].field, o ? o : "(none)", v ? v : "(none)");
	}
	table_add(t, arena_strdup(a, b.len ? b.ptr : ""));
	buf_release(&b);
}

static int audit_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "type", required_argument, NULL, 't' },
		{ "id", required_argument, NULL, 'i' },
		{ "user", required_argument, NULL, 'u' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct audit_filter f = { 0 };
	enum cmd_format fmt = FORMAT_TABLE;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct audit_entry *en;
	struct store *s;
	size_t n;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 't': f.object_type = optarg; break;
		case 'u': f.user = optarg; break;
		case 'F': f.from = optarg; break;
		case 'T': f.to = optarg; break;
		case 'i':
			if (cmd_arg_id("audit", "--id", optarg, &f.object_id) < 0)
				return 2;
			break;
		case 'l':
			if (cmd_arg_id("audit", "--limit", optarg, &f.limit) < 0)
				return 2;
			break;
		case 'f':
			if (cmd_arg_format("audit", optarg, &fmt) < 0)
				return 2;
			break;
		default:
			return cmd_usage_error("audit", "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error("audit", "unexpected argument '%s'",
				       argv[optind]);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	en = store_audit_list(s, &ctx->arena, &f, &n, &e);
	store_close(s);
	if (!en)
		return cmd_fail(&e);
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_audit(&j, en, n);
		buf_addc(&out, '\n');
	} else if (fmt == FORMAT_CSV) {
		repr_csv_audit(&out, &ctx->arena, en, n);
	} else if (!n) {
		buf_adds(&out, "no changes recorded\n");
	} else {
		struct table t;

		table_init(&t, &ctx->arena, 7);
		table_add(&t, "ID"); table_add(&t, "AT"); table_add(&t, "BY");
		table_add(&t, "VIA"); table_add(&t, "OBJECT"); table_add(&t, "OP");
		table_add(&t, "CHANGES");
		for (size_t i = 0; i < n; i++) {
			table_addf(&t, "%lld", (long long)en[i].id);
			table_add(&t, en[i].at);
			table_add(&t, en[i].by_user);
			table_add(&t, en[i].via);
			table_addf(&t, "%s %lld", en[i].object_type,
				   (long long)en[i].object_id);
			table_add(&t, en[i].op);
			add_changes(&t, &ctx->arena, &en[i]);
		}
		table_print(&t, &out);
	}
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	return rc;
}

static int audit_verify(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct err e = ERR_INIT;
	struct store *s;
	int64_t n, bad;
	int rc;

	UNUSED(argv);
	if (argc > 1)
		return cmd_usage_error("audit", "verify takes no arguments");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	rc = store_audit_verify(s, &n, &bad, &e);
	store_close(s);
	if (rc < 0)
		return cmd_fail(&e);
	printf("the record of changes is unbroken: %lld entr%s checked\n",
	       (long long)n, n == 1 ? "y" : "ies");
	return 0;
}

int cmd_audit(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("audit", "say list or verify");
	if (strcmp(argv[1], "list") == 0)
		return audit_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "verify") == 0)
		return audit_verify(argc - 1, argv + 1, ctx);
	return cmd_usage_error("audit", "can list or verify, not '%s'", argv[1]);
}
