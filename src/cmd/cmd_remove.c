/*
 * cmd_remove.c: "archive ID" and "delete ID", the verbs that take an
 * object away, shared by the commands of each kind of object (cmd.h).
 */
#include "cmd.h"

int cmd_remove(struct cmd_ctx *ctx, const char *cmd, const char *what,
	       int argc, char **argv, cmd_remove_fn *fn)
{
	bool archive = strcmp(argv[0], "archive") == 0, archived = false;
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id;

	if (argc != 2)
		return cmd_usage_error(cmd, "%s needs one %s id", argv[0], what);
	if (cmd_arg_id(cmd, "the id", argv[1], &id) < 0)
		return 2;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (fn(s, id, archive ? REMOVE_ARCHIVE : REMOVE_AUTO, &archived, &e) < 0) {
		store_close(s);
		return cmd_fail(&e);
	}
	store_close(s);
	if (archived && !archive)
		printf("archived %s %lld: other records refer to it; it no longer "
		       "appears in lists\n", what, (long long)id);
	else
		printf("%s %s %lld\n", archived ? "archived" : "deleted", what,
		       (long long)id);
	return 0;
}
