/*
 * cmd_publish.c: "safer publish" and "safer unpublish": what anonymous
 * visitors may read (the plan, funding totals, headline indicators, the
 * crime dashboard) and the threshold below which counts are hidden from
 * them (store_publish.h).
 */
#include <getopt.h>

#include "base/text.h"
#include "cmd.h"
#include "base/suppress.h"
#include "store/store_publish.h"

/* Print what is published and the threshold. */
static void list(const struct publishing *p)
{
	for (int i = 0; i < PUBLISH_N_PARTS; i++)
		printf("%-10s %s\n", publish_parts[i].code,
		       p->on[i] ? "published" : "not published");
	printf("threshold  counts fewer than %lld are suppressed\n",
	       (long long)p->threshold);
}

static int run(int argc, char **argv, struct cmd_ctx *ctx, bool on)
{
	static const struct option opts[] = {
		{ "list", no_argument, NULL, 'l' },
		{ "threshold", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = argv[0];
	struct publishing p;
	struct store *s;
	struct err e = ERR_INIT;
	bool show = false, parts[PUBLISH_N_PARTS] = { false };
	int64_t threshold = 0;
	int c, changed = 0, n_parts = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'l': show = true; break;
		case 't':
			if (!on)
				return cmd_usage_error(name, "--threshold is for "
							     "'safer publish'");
			if (text_int64(optarg, 1, SUPPRESS_MAX, &threshold, "threshold",
				       NULL) < 0)
				return cmd_usage_error(name, "--threshold must be a "
							     "whole number from 1 to %d, "
							     "not '%s'",
						       SUPPRESS_MAX, optarg);
			break;
		default: return cmd_usage_error(name, "unknown option");
		}
	}
	for (int i = optind; i < argc; i++) {
		int k = publish_part_parse(argv[i]);

		if (k < 0)
			return cmd_usage_error(name, "'%s' is not something to %s: "
						     "say plan, funding, headlines or "
						     "crime",
					       argv[i], name);
		parts[k] = true;
		n_parts++;
	}
	if (!n_parts && !threshold && !show)
		return cmd_usage_error(name, on ? "say what to publish (plan, funding, "
						  "headlines, crime), or --list, or "
						  "--threshold N"
						: "say what to unpublish (plan, "
						  "funding, headlines, crime)");
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (store_publishing(s, &p, &e) < 0)
		goto fail;
	if (n_parts || threshold) {
		for (int i = 0; i < PUBLISH_N_PARTS; i++)
			if (parts[i])
				p.on[i] = on;
		if (threshold)
			p.threshold = threshold;
		if (store_publishing_save(s, &p, &changed, &e) < 0)
			goto fail;
		if (!show)
			printf("%d setting%s changed\n", changed, changed == 1 ? "" : "s");
	}
	if (show)
		list(&p);
	store_close(s);
	return 0;
fail:
	store_close(s);
	return cmd_fail(&e);
}

int cmd_publish(int argc, char **argv, struct cmd_ctx *ctx)
{
	return run(argc, argv, ctx, true);
}

int cmd_unpublish(int argc, char **argv, struct cmd_ctx *ctx)
{
	return run(argc, argv, ctx, false);
}
