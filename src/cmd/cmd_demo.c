/*
 * cmd_demo.c: "safer demo", loading the Stockport demo.
 */
#include "cmd.h"
#include "demo/demo.h"
#include "store/store.h"

int cmd_demo(int argc, char **argv, struct cmd_ctx *ctx)
{
	struct err e = ERR_INIT;
	enum demo_result result;
	struct store *s;

	if (argc > 1)
		return cmd_usage_error("demo", "unexpected argument '%s'", argv[1]);
	if (!(s = cmd_open_store(ctx, true)))
		return 1;
	if (demo_load(s, &result, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	store_close(s);
	if (result == DEMO_ALREADY_LOADED)
		printf("safer: the Stockport demo is already in '%s'\n", ctx->db_path);
	else
		printf("safer: loaded the Stockport demo into '%s'\n", ctx->db_path);
	return 0;
}
