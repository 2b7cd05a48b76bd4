/*
 * cmd_users.c: "safer users add|list|disable|enable|role|password" and
 * "safer tokens create|list|revoke": the accounts that may sign in, and
 * their API tokens.
 *
 * Passwords are read from standard input (--password-stdin), never from
 * the command line, where other users of the machine could see them.
 */
#include <getopt.h>

#include "base/text.h"
#include "cmd.h"
#include "store/store_account.h"

/* Read a password from standard input: its first line, without the line
 * ending.  Returns NULL (after saying why) if there is none. */
static char *read_password(struct arena *a)
{
	struct buf b = BUF_INIT;
	char chunk[256];
	char *pw;
	size_t n;

	while (b.len <= ACCOUNT_PASSWORD_MAX &&
	       (n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		buf_add(&b, chunk, n);
	n = b.len ? strcspn(b.ptr, "\r\n") : 0;
	pw = arena_strndup(a, b.len ? b.ptr : "", n);
	if (b.cap)
		explicit_bzero(b.ptr, b.cap);
	buf_release(&b);
	if (!*pw) {
		fprintf(stderr, "safer: no password on standard input "
				"(--password-stdin reads its first line)\n");
		return NULL;
	}
	return pw;
}

/* Add an id given to option name to a list in the arena. */
static int add_id(struct arena *a, const char *name, const char *arg,
		  int64_t **ids, size_t *n)
{
	int64_t v, *grown;

	if (cmd_arg_id("users", name, arg, &v) < 0)
		return -1;
	grown = arena_array(a, *n + 1, sizeof(*grown));
	if (*n)
		memcpy(grown, *ids, *n * sizeof(*grown));
	grown[(*n)++] = v;
	*ids = grown;
	return 0;
}

static int users_add(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "role", required_argument, NULL, 'r' },
		{ "theme", required_argument, NULL, 't' },
		{ "board", required_argument, NULL, 'b' },
		{ "person", required_argument, NULL, 'p' },
		{ "password-stdin", no_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 },
	};
	struct account_input in = { 0 };
	int64_t *themes = NULL, *boards = NULL, id;
	bool from_stdin = false;
	struct err e = ERR_INIT;
	struct store *s;
	int c, rc = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'n')
			in.name = optarg;
		else if (c == 'r')
			in.role = optarg;
		else if (c == 't') {
			if (add_id(&ctx->arena, "--theme", optarg, &themes,
				   &in.n_themes) < 0)
				return 2;
		} else if (c == 'b') {
			if (add_id(&ctx->arena, "--board", optarg, &boards,
				   &in.n_boards) < 0)
				return 2;
		} else if (c == 'p') {
			if (cmd_arg_id("users", "--person", optarg, &in.person_id) < 0)
				return 2;
		} else if (c == 'P')
			from_stdin = true;
		else
			return cmd_usage_error("users", "unknown option");
	}
	if (optind + 1 != argc)
		return cmd_usage_error("users", "say the email: users add EMAIL "
				       "--name NAME --role ROLE --password-stdin");
	if (!in.name || !in.role)
		return cmd_usage_error("users", "give --name and --role");
	if (!from_stdin)
		return cmd_usage_error("users", "give --password-stdin and the "
				       "password on standard input");
	in.email = argv[optind];
	in.theme_ids = themes;
	in.board_ids = boards;
	if (!(in.password = read_password(&ctx->arena)))
		return 1;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_account_create(s, &in, &id, &e) < 0)
		rc = cmd_fail(&e);
	else
		printf("safer: added %s (%s), account %lld\n", in.email, in.role,
		       (long long)id);
	explicit_bzero((char *)in.password, strlen(in.password));
	store_close(s);
	return rc;
}

static int users_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct table t;
	struct account *x;
	struct store *s;
	size_t n;
	int rc;

	UNUSED(argv);
	if (argc != 1)
		return cmd_usage_error("users", "users list takes no arguments");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(x = store_accounts(s, &ctx->arena, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	table_init(&t, &ctx->arena, 6);
	table_add(&t, "ID"); table_add(&t, "EMAIL"); table_add(&t, "ROLE");
	table_add(&t, "STATUS"); table_add(&t, "LEADS"); table_add(&t, "NAME");
	for (size_t i = 0; i < n; i++) {
		struct buf leads = BUF_INIT;

		for (size_t k = 0; k < x[i].n_themes; k++)
			buf_printf(&leads, "%stheme %lld", leads.len ? ", " : "",
				   (long long)x[i].theme_ids[k]);
		for (size_t k = 0; k < x[i].n_boards; k++)
			buf_printf(&leads, "%sboard %lld", leads.len ? ", " : "",
				   (long long)x[i].board_ids[k]);
		table_addf(&t, "%lld", (long long)x[i].id);
		table_add(&t, x[i].email);
		table_add(&t, x[i].role);
		table_add(&t, x[i].disabled_at ? "disabled" : "active");
		table_add(&t, leads.len ? arena_strdup(&ctx->arena, leads.ptr) : NULL);
		table_add(&t, x[i].name);
		buf_release(&leads);
	}
	table_print(&t, &out);
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

/* The store and the account named by email (argument), or NULL after
 * saying why. */
static struct store *open_account(struct cmd_ctx *ctx, const char *email,
				  struct account **x)
{
	struct err e = ERR_INIT;
	struct store *s = cmd_open_store(ctx, false);

	if (!s)
		return NULL;
	if (!(*x = store_account_by_email(s, &ctx->arena, email, &e))) {
		cmd_fail(&e);
		store_close(s);
		return NULL;
	}
	return s;
}

static int users_disable(int argc, char **argv, struct cmd_ctx *ctx,
			 bool disabled)
{
	struct err e = ERR_INIT;
	struct account *x;
	struct store *s;
	int rc = 0;

	if (argc != 2)
		return cmd_usage_error("users", "say the email: users %s EMAIL",
				       argv[0]);
	if (!(s = open_account(ctx, argv[1], &x)))
		return 1;
	if (store_account_set_disabled(s, x->id, disabled, &e) < 0)
		rc = cmd_fail(&e);
	else
		printf("safer: %s is %s\n", x->email,
		       disabled ? "disabled: it cannot sign in, and its tokens "
				  "do not work"
				: "enabled again");
	store_close(s);
	return rc;
}

static int users_role(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "theme", required_argument, NULL, 't' },
		{ "board", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	int64_t *themes = NULL, *boards = NULL;
	size_t nt = 0, nb = 0;
	struct err e = ERR_INIT;
	struct account *x;
	struct store *s;
	int c, rc = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 't') {
			if (add_id(&ctx->arena, "--theme", optarg, &themes, &nt) < 0)
				return 2;
		} else if (c == 'b') {
			if (add_id(&ctx->arena, "--board", optarg, &boards, &nb) < 0)
				return 2;
		} else {
			return cmd_usage_error("users", "unknown option");
		}
	}
	if (optind + 2 != argc)
		return cmd_usage_error("users", "say the email and the role: users "
				       "role EMAIL ROLE [--theme ID]... [--board ID]...");
	if (!(s = open_account(ctx, argv[optind], &x)))
		return 1;
	if (store_account_set_role(s, x->id, argv[optind + 1], themes, nt, boards,
				   nb, &e) < 0)
		rc = cmd_fail(&e);
	else
		printf("safer: %s is now %s\n", x->email, argv[optind + 1]);
	store_close(s);
	return rc;
}

static int users_password(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct err e = ERR_INIT;
	struct account *x;
	struct store *s;
	char *pw;
	int rc = 0;

	if (argc != 3 || strcmp(argv[2], "--password-stdin") != 0)
		return cmd_usage_error("users", "users password EMAIL "
				       "--password-stdin");
	if (!(pw = read_password(&ctx->arena)))
		return 1;
	if (!(s = open_account(ctx, argv[1], &x)))
		return 1;
	if (store_account_set_password(s, x->id, pw, 0, &e) < 0)
		rc = cmd_fail(&e);
	else
		printf("safer: the password of %s is changed; it is signed out "
		       "everywhere\n", x->email);
	explicit_bzero(pw, strlen(pw));
	store_close(s);
	return rc;
}

int cmd_users(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("users", "say add, list, disable, enable, "
				       "role or password");
	if (strcmp(argv[1], "add") == 0)
		return users_add(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "list") == 0)
		return users_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "disable") == 0)
		return users_disable(argc - 1, argv + 1, ctx, true);
	if (strcmp(argv[1], "enable") == 0)
		return users_disable(argc - 1, argv + 1, ctx, false);
	if (strcmp(argv[1], "role") == 0)
		return users_role(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "password") == 0)
		return users_password(argc - 1, argv + 1, ctx);
	return cmd_usage_error("users", "unknown subcommand '%s'", argv[1]);
}

/* ---------------------------------------------------------------------
 * Tokens
 */

static int tokens_create(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = NULL;
	char token[API_TOKEN_SIZE];
	struct err e = ERR_INIT;
	struct account *x;
	struct store *s;
	int64_t id;
	int c, rc = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'n')
			name = optarg;
		else
			return cmd_usage_error("tokens", "unknown option");
	}
	if (optind + 1 != argc)
		return cmd_usage_error("tokens", "say the email: tokens create "
				       "EMAIL [--name NAME]");
	if (!(s = open_account(ctx, argv[optind], &x)))
		return 1;
	if (store_token_create(s, x->id, name, token, &id, &e) < 0) {
		rc = cmd_fail(&e);
	} else {
		printf("safer: token %lld for %s (%s); it is shown this once:\n",
		       (long long)id, x->email, x->role);
		printf("%s\n", token);
	}
	explicit_bzero(token, sizeof(token));
	store_close(s);
	return rc;
}

static int tokens_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct api_token *t;
	struct account *x;
	struct table tb;
	struct store *s;
	size_t n;
	int rc;

	if (argc != 2)
		return cmd_usage_error("tokens", "say the email: tokens list EMAIL");
	if (!(s = open_account(ctx, argv[1], &x)))
		return 1;
	if (!(t = store_tokens(s, &ctx->arena, x->id, &n, &e))) {
		store_close(s);
		return cmd_fail(&e);
	}
	table_init(&tb, &ctx->arena, 5);
	table_add(&tb, "ID"); table_add(&tb, "CREATED"); table_add(&tb, "LAST_USED");
	table_add(&tb, "STATUS"); table_add(&tb, "NAME");
	for (size_t i = 0; i < n; i++) {
		table_addf(&tb, "%lld", (long long)t[i].id);
		table_add(&tb, t[i].created_at);
		table_add(&tb, t[i].last_used_at);
		table_add(&tb, t[i].revoked_at ? "revoked" : "active");
		table_add(&tb, t[i].name);
	}
	table_print(&tb, &out);
	rc = cmd_write_out(&out, NULL);
	buf_release(&out);
	store_close(s);
	return rc;
}

static int tokens_revoke(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;
	int rc = 0;

	if (argc != 2)
		return cmd_usage_error("tokens", "say the token's id: tokens revoke ID");
	if (cmd_arg_id("tokens", "ID", argv[1], &id) < 0)
		return 2;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_token_revoke(s, id, 0, &e) < 0)
		rc = cmd_fail(&e);
	else
		printf("safer: token %lld is revoked\n", (long long)id);
	store_close(s);
	return rc;
}

int cmd_tokens(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("tokens", "say create, list or revoke");
	if (strcmp(argv[1], "create") == 0)
		return tokens_create(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "list") == 0)
		return tokens_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "revoke") == 0)
		return tokens_revoke(argc - 1, argv + 1, ctx);
	return cmd_usage_error("tokens", "unknown subcommand '%s'", argv[1]);
}
