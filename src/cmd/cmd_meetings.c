/*
 * cmd_meetings.c: "safer bodies", "safer meetings" and "safer items":
 * the committees and boards that meet, their meetings, and the agenda
 * items with their report, minutes and resolutions, and the documents
 * attached to them.
 *
 * add prints the new id alone.  "items attach" is how a document larger
 * than the API's 1 MB request body gets in: the store's own limits (type,
 * 20 MB) apply.
 */
#include <getopt.h>

#include "cmd.h"
#include "repr/repr.h"
#include "store/store_meeting.h"

/* Print out (JSON), close the store; the exit status. */
static int print_json(struct store *s, struct buf *out)
{
	int rc;

	buf_addc(out, '\n');
	rc = cmd_write_out(out, NULL);
	buf_release(out);
	store_close(s);
	return rc;
}

static int print_out(struct store *s, struct buf *out)
{
	int rc;

	store_close(s);
	rc = cmd_write_out(out, NULL);
	buf_release(out);
	return rc;
}

static int fail(struct store *s, const struct err *e)
{
	store_close(s);
	return cmd_fail(e);
}

/* ---------------------------------------------------------------------
 * safer bodies
 */

static int bodies_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum cmd_format fmt = FORMAT_TABLE;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct body *b;
	struct store *s;
	struct table t;
	size_t n;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		if (c != 'f' || cmd_arg_format("bodies", optarg, &fmt) < 0)
			return c == 'f' ? 2 : cmd_usage_error("bodies", "unknown option");
	if (optind < argc)
		return cmd_usage_error("bodies", "unexpected argument '%s'",
				       argv[optind]);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(b = store_bodies(s, &ctx->arena, &n, &e)))
		return fail(s, &e);
	if (fmt == FORMAT_CSV) {
		repr_csv_bodies(&out, b, n);
		return print_out(s, &out);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		jw_obj(&j);
		jw_key(&j, "bodies");
		jw_arr(&j);
		for (size_t i = 0; i < n; i++)
			repr_json_body(&j, &b[i]);
		jw_end(&j);
		jw_end(&j);
		return print_json(s, &out);
	}
	table_init(&t, &ctx->arena, 5);
	table_add(&t, "ID"); table_add(&t, "KIND"); table_add(&t, "MEETINGS");
	table_add(&t, "CHAIR"); table_add(&t, "NAME");
	for (size_t i = 0; i < n; i++) {
		table_addf(&t, "%lld", (long long)b[i].id);
		table_add(&t, b[i].kind);
		table_addf(&t, "%lld", (long long)b[i].n_meetings);
		table_add(&t, b[i].chair_name);
		table_add(&t, b[i].name);
	}
	table_print(&t, &out);
	return print_out(s, &out);
}

/* --member ID or ID:ROLE */
static int member_arg(struct arena *a, const char *arg,
		      struct body_member_input *m)
{
	const char *colon = strchr(arg, ':');
	char *id = colon ? arena_strndup(a, arg, (size_t)(colon - arg))
			 : arena_strdup(a, arg);

	if (cmd_arg_id("bodies", "--member", id, &m->person_id) < 0)
		return -1;
	m->role = colon && colon[1] ? colon + 1 : NULL;
	return 0;
}

static int bodies_write(int argc, char **argv, struct cmd_ctx *ctx, bool add)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "kind", required_argument, NULL, 'k' },
		{ "board", required_argument, NULL, 'b' },
		{ "chair", required_argument, NULL, 'c' },
		{ "clerk", required_argument, NULL, 'C' },
		{ "note", required_argument, NULL, 'N' },
		{ "member", required_argument, NULL, 'm' },
		{ "no-members", no_argument, NULL, 'M' },
		{ NULL, 0, NULL, 0 },
	};
	struct body_input in = { 0 };
	struct body_member_input *members =
		arena_array(&ctx->arena, (size_t)argc + 1, sizeof(*members));
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id = 0, *idp;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		idp = NULL;
		switch (c) {
		case 'n': in.set |= BODY_NAME; in.name = optarg; break;
		case 'k': in.set |= BODY_KIND; in.kind = optarg; break;
		case 'N': in.set |= BODY_NOTE; in.note = optarg; break;
		case 'b': in.set |= BODY_BOARD; idp = &in.board_id; break;
		case 'c': in.set |= BODY_CHAIR; idp = &in.chair_id; break;
		case 'C': in.set |= BODY_CLERK; idp = &in.clerk_id; break;
		case 'm':
			in.set |= BODY_MEMBERS;
			if (member_arg(&ctx->arena, optarg,
				       &members[in.n_members++]) < 0)
				return 2;
			break;
		case 'M': in.set |= BODY_MEMBERS; break;
		default: return cmd_usage_error("bodies", "unknown option");
		}
		if (idp && strcmp(optarg, "none") == 0)
			*idp = 0;
		else if (idp && cmd_arg_id("bodies", "the id", optarg, idp) < 0)
			return 2;
	}
	in.members = members;
	if (add) {
		if (optind < argc)
			return cmd_usage_error("bodies", "unexpected argument '%s'",
					       argv[optind]);
		if (!(in.set & BODY_NAME) || !(in.set & BODY_KIND))
			return cmd_usage_error("bodies", "add needs --name and --kind");
	} else {
		if (optind + 1 != argc)
			return cmd_usage_error("bodies", "edit needs one id");
		if (cmd_arg_id("bodies", "the id", argv[optind], &id) < 0)
			return 2;
		if (!in.set)
			return cmd_usage_error("bodies", "say what to change");
	}
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (add ? store_body_create(s, &in, &id, &e) < 0
		: store_body_update(s, id, &in, &e) < 0)
		return fail(s, &e);
	if (add)
		printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

int cmd_bodies(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("bodies", "say list, add, edit, archive or delete");
	if (strcmp(argv[1], "list") == 0)
		return bodies_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0)
		return bodies_write(argc - 1, argv + 1, ctx, true);
	if (strcmp(argv[1], "edit") == 0)
		return bodies_write(argc - 1, argv + 1, ctx, false);
	if (strcmp(argv[1], "archive") == 0 || strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "bodies", "body", argc - 1, argv + 1,
				  store_body_remove);
	return cmd_usage_error("bodies", "unknown subcommand '%s'", argv[1]);
}

/* ---------------------------------------------------------------------
 * safer meetings
 */

static int meetings_list(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "body", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	enum cmd_format fmt = FORMAT_TABLE;
	struct meeting_filter f = { 0 };
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct meeting *m;
	struct store *s;
	struct table t;
	size_t n;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'F': f.from = optarg; break;
		case 'T': f.to = optarg; break;
		case 'b':
			if (cmd_arg_id("meetings", "--body", optarg, &f.body_id) < 0)
				return 2;
			break;
		case 'f':
			if (cmd_arg_format("meetings", optarg, &fmt) < 0)
				return 2;
			break;
		default: return cmd_usage_error("meetings", "unknown option");
		}
	}
	if (optind < argc)
		return cmd_usage_error("meetings", "unexpected argument '%s'",
				       argv[optind]);
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(m = store_meetings(s, &ctx->arena, &f, &n, &e)))
		return fail(s, &e);
	if (fmt == FORMAT_CSV) {
		repr_csv_meetings(&out, m, n);
		return print_out(s, &out);
	}
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		jw_obj(&j);
		jw_key(&j, "meetings");
		jw_arr(&j);
		for (size_t i = 0; i < n; i++)
			repr_json_meeting(&j, &m[i], false);
		jw_end(&j);
		jw_end(&j);
		return print_json(s, &out);
	}
	table_init(&t, &ctx->arena, 6);
	table_add(&t, "ID"); table_add(&t, "DATE"); table_add(&t, "TIME");
	table_add(&t, "STATUS"); table_add(&t, "ITEMS"); table_add(&t, "BODY");
	for (size_t i = 0; i < n; i++) {
		table_addf(&t, "%lld", (long long)m[i].id);
		table_add(&t, m[i].date);
		table_add(&t, m[i].time);
		table_add(&t, m[i].status);
		table_addf(&t, "%lld", (long long)m[i].n_items_total);
		table_add(&t, m[i].body_name);
	}
	table_print(&t, &out);
	return print_out(s, &out);
}

/* One item, as "meetings show" and "items show" print it. */
static void print_item(struct buf *out, const struct agenda_item *it)
{
	buf_printf(out, "\n%s%s%s  (item %lld)\n", it->number ? it->number : "",
		   it->number ? ". " : "", it->title, (long long)it->id);
	if (it->report_of)
		buf_printf(out, "  report of: %s\n", it->report_of);
	if (it->author)
		buf_printf(out, "  author: %s\n", it->author);
	if (it->n_recommendations)
		buf_printf(out, "  the committee is asked to:\n");
	for (size_t i = 0; i < it->n_recommendations; i++)
		buf_printf(out, "    %zu. %s\n", i + 1, it->recommendations[i]);
	for (size_t i = 0; i < it->n_attachments; i++)
		buf_printf(out, "  attachment %lld: %s (%s, %lld bytes)\n",
			   (long long)it->attachments[i].id, it->attachments[i].name,
			   it->attachments[i].content_type,
			   (long long)it->attachments[i].bytes);
	if (it->minutes || it->n_comments)
		buf_printf(out, "  minutes:%s%s\n", it->minutes ? " " : "",
			   it->minutes ? it->minutes : "");
	for (size_t i = 0; i < it->n_comments; i++)
		buf_printf(out, "    - %s\n", it->comments[i]);
	if (it->n_resolutions)
		buf_printf(out, "  RESOLVED:\n");
	for (size_t i = 0; i < it->n_resolutions; i++) {
		const struct resolution *x = &it->resolutions[i];

		buf_printf(out, "    (%zu) [%s] %s", i + 1, x->kind, x->text);
		if (x->to_body_name)
			buf_printf(out, " (to %s)", x->to_body_name);
		buf_addc(out, '\n');
	}
}

static int meetings_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct meeting *m;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = cmd_show_args("meetings", "meeting", argc, argv, &fmt, &id)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(m = store_meeting(s, &ctx->arena, id, &e)))
		return fail(s, &e);
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_meeting(&j, m, true);
		return print_json(s, &out);
	}
	buf_printf(&out, "%s, %s%s%s\n  status: %s\n", m->body_name, m->date,
		   m->time ? " " : "", m->time ? m->time : "", m->status);
	if (m->venue)
		buf_printf(&out, "  venue: %s\n", m->venue);
	for (const struct choice *c = attendee_roles; c->code; c++) {
		bool first = true;

		for (size_t i = 0; i < m->n_attendees; i++) {
			if (strcmp(m->attendees[i].role, c->code) != 0)
				continue;
			buf_printf(&out, "%s%s", first ? "  " : ", ",
				   m->attendees[i].name);
			first = false;
		}
		if (!first)
			buf_printf(&out, " (%s)\n", c->label);
	}
	if (!m->n_items)
		buf_printf(&out, "\nNo agenda items.\n");
	for (size_t i = 0; i < m->n_items; i++)
		print_item(&out, &m->items[i]);
	return print_out(s, &out);
}

static int meetings_write(int argc, char **argv, struct cmd_ctx *ctx, bool add)
{
	static const struct option opts[] = {
		{ "body", required_argument, NULL, 'b' },
		{ "date", required_argument, NULL, 'd' },
		{ "time", required_argument, NULL, 't' },
		{ "venue", required_argument, NULL, 'v' },
		{ "status", required_argument, NULL, 's' },
		{ "note", required_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 },
	};
	struct meeting_input in = { 0 };
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id = 0;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'b':
			in.set |= MEETING_BODY;
			if (cmd_arg_id("meetings", "--body", optarg, &in.body_id) < 0)
				return 2;
			break;
		case 'd': in.set |= MEETING_DATE; in.date = optarg; break;
		case 't': in.set |= MEETING_TIME; in.time = optarg; break;
		case 'v': in.set |= MEETING_VENUE; in.venue = optarg; break;
		case 's': in.set |= MEETING_STATUS; in.status = optarg; break;
		case 'N': in.set |= MEETING_NOTE; in.note = optarg; break;
		default: return cmd_usage_error("meetings", "unknown option");
		}
	}
	if (add) {
		if (optind < argc)
			return cmd_usage_error("meetings", "unexpected argument '%s'",
					       argv[optind]);
		if (!(in.set & MEETING_BODY) || !(in.set & MEETING_DATE))
			return cmd_usage_error("meetings", "add needs --body and --date");
	} else {
		if (optind + 1 != argc)
			return cmd_usage_error("meetings", "edit needs one id");
		if (cmd_arg_id("meetings", "the id", argv[optind], &id) < 0)
			return 2;
		if (!in.set)
			return cmd_usage_error("meetings", "say what to change");
	}
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (add ? store_meeting_create(s, &in, &id, &e) < 0
		: store_meeting_update(s, id, &in, &e) < 0)
		return fail(s, &e);
	if (add)
		printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

int cmd_meetings(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("meetings",
				       "say list, show, add, edit, archive or delete");
	if (strcmp(argv[1], "list") == 0)
		return meetings_list(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "show") == 0)
		return meetings_show(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0)
		return meetings_write(argc - 1, argv + 1, ctx, true);
	if (strcmp(argv[1], "edit") == 0)
		return meetings_write(argc - 1, argv + 1, ctx, false);
	if (strcmp(argv[1], "archive") == 0 || strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "meetings", "meeting", argc - 1, argv + 1,
				  store_meeting_remove);
	return cmd_usage_error("meetings", "unknown subcommand '%s'", argv[1]);
}

/* ---------------------------------------------------------------------
 * safer items
 */

/* --resolution KIND:TEXT, or recommended:BODY-ID:TEXT */
static int resolution_arg(const char *arg, struct resolution *x,
			  struct arena *a)
{
	const char *colon = strchr(arg, ':');

	if (!colon || colon == arg || !colon[1]) {
		cmd_usage_error("items", "--resolution is KIND:TEXT, not '%s'", arg);
		return -1;
	}
	x->kind = arena_strndup(a, arg, (size_t)(colon - arg));
	x->text = colon + 1;
	if (strcmp(x->kind, "recommended") == 0) {
		const char *c2 = strchr(colon + 1, ':');
		char *idtext;

		if (c2 && c2 > colon + 1 && strspn(colon + 1, "0123456789") ==
						    (size_t)(c2 - colon - 1)) {
			idtext = arena_strndup(a, colon + 1, (size_t)(c2 - colon - 1));
			if (cmd_arg_id("items", "--resolution", idtext,
				       &x->to_body_id) < 0)
				return -1;
			x->text = c2 + 1;
		}
	}
	return 0;
}

static int items_write(int argc, char **argv, struct cmd_ctx *ctx, bool add)
{
	static const struct option opts[] = {
		{ "number", required_argument, NULL, 'n' },
		{ "title", required_argument, NULL, 't' },
		{ "report-of", required_argument, NULL, 'r' },
		{ "author", required_argument, NULL, 'a' },
		{ "contact", required_argument, NULL, 'c' },
		{ "summary", required_argument, NULL, 's' },
		{ "minutes", required_argument, NULL, 'm' },
		{ "recommendation", required_argument, NULL, 'R' },
		{ "comment", required_argument, NULL, 'C' },
		{ "resolution", required_argument, NULL, 'X' },
		{ NULL, 0, NULL, 0 },
	};
	struct item_input in = { 0 };
	size_t cap = (size_t)argc + 1;
	const char **recs = arena_array(&ctx->arena, cap, sizeof(*recs));
	const char **comments = arena_array(&ctx->arena, cap, sizeof(*comments));
	struct resolution *res = arena_array(&ctx->arena, cap, sizeof(*res));
	struct err e = ERR_INIT;
	struct store *s;
	int64_t id = 0;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'n': in.set |= ITEM_NUMBER; in.number = optarg; break;
		case 't': in.set |= ITEM_TITLE; in.title = optarg; break;
		case 'r': in.set |= ITEM_REPORT_OF; in.report_of = optarg; break;
		case 'a': in.set |= ITEM_AUTHOR; in.author = optarg; break;
		case 'c': in.set |= ITEM_CONTACT; in.contact = optarg; break;
		case 's': in.set |= ITEM_SUMMARY; in.summary = optarg; break;
		case 'm': in.set |= ITEM_MINUTES; in.minutes = optarg; break;
		case 'R':
			in.set |= ITEM_RECOMMENDATIONS;
			recs[in.n_recommendations++] = optarg;
			break;
		case 'C':
			in.set |= ITEM_COMMENTS;
			comments[in.n_comments++] = optarg;
			break;
		case 'X':
			in.set |= ITEM_RESOLUTIONS;
			if (resolution_arg(optarg, &res[in.n_resolutions++],
					   &ctx->arena) < 0)
				return 2;
			break;
		default: return cmd_usage_error("items", "unknown option");
		}
	}
	in.recommendations = recs;
	in.comments = comments;
	in.resolutions = res;
	if (optind + 1 != argc)
		return cmd_usage_error("items", add ? "add needs one meeting id"
						    : "edit needs one item id");
	if (cmd_arg_id("items", add ? "the meeting id" : "the item id",
		       argv[optind], add ? &in.meeting_id : &id) < 0)
		return 2;
	if (add && (!(in.set & ITEM_NUMBER) || !(in.set & ITEM_TITLE)))
		return cmd_usage_error("items", "add needs --number and --title");
	if (!add && !in.set)
		return cmd_usage_error("items", "say what to change");
	if (add)
		in.set |= ITEM_MEETING;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (add ? store_item_create(s, &in, &id, &e) < 0
		: store_item_update(s, id, &in, &e) < 0)
		return fail(s, &e);
	if (add)
		printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

static int items_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum cmd_format fmt;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct agenda_item *it;
	struct store *s;
	int64_t id;
	int rc;

	if ((rc = cmd_show_args("items", "item", argc, argv, &fmt, &id)) != 0)
		return rc;
	if (!(s = cmd_open_store(ctx, false)))
		return 1;
	if (!(it = store_item(s, &ctx->arena, id, &e)))
		return fail(s, &e);
	if (fmt == FORMAT_JSON) {
		struct jw j;

		jw_init(&j, &out, true);
		repr_json_item(&j, it);
		return print_json(s, &out);
	}
	buf_printf(&out, "%s, %s (meeting %lld)\n", it->body_name,
		   it->meeting_date, (long long)it->meeting_id);
	print_item(&out, it);
	return print_out(s, &out);
}

/* The content type of a file by its name's ending, or NULL. */
static const char *type_of(const char *name)
{
	static const struct { const char *ext, *type; } types[] = {
		{ ".pdf", "application/pdf" },
		{ ".docx", "application/vnd.openxmlformats-officedocument."
			   "wordprocessingml.document" },
		{ ".xlsx", "application/vnd.openxmlformats-officedocument."
			   "spreadsheetml.sheet" },
		{ ".pptx", "application/vnd.openxmlformats-officedocument."
			   "presentationml.presentation" },
		{ ".odt", "application/vnd.oasis.opendocument.text" },
		{ ".csv", "text/csv" },
		{ ".txt", "text/plain" },
		{ ".png", "image/png" },
		{ ".jpg", "image/jpeg" },
		{ ".jpeg", "image/jpeg" },
	};
	size_t len = strlen(name);

	for (size_t i = 0; i < ARRAY_SIZE(types); i++) {
		size_t k = strlen(types[i].ext);

		if (len > k && strcasecmp(name + len - k, types[i].ext) == 0)
			return types[i].type;
	}
	return NULL;
}

static int items_attach(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{ "type", required_argument, NULL, 't' },
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char *type = NULL, *name = NULL, *path, *slash;
	struct err e = ERR_INIT;
	struct buf data = BUF_INIT;
	struct store *s;
	int64_t item, id;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 't': type = optarg; break;
		case 'n': name = optarg; break;
		default: return cmd_usage_error("items", "unknown option");
		}
	}
	if (optind + 2 != argc)
		return cmd_usage_error("items", "attach needs an item id and a file");
	if (cmd_arg_id("items", "the item id", argv[optind], &item) < 0)
		return 2;
	path = argv[optind + 1];
	slash = strrchr(path, '/');
	if (!name)
		name = slash ? slash + 1 : path;
	if (!type && !(type = type_of(name)))
		return cmd_usage_error("items", "say the file's type with --type: "
				       "'%s' has no ending safer knows", name);
	if (buf_read_file(&data, path, &e) < 0)
		return cmd_fail(&e);
	if (!(s = cmd_open_store(ctx, false))) {
		buf_release(&data);
		return 1;
	}
	if (store_attachment_add(s, item, name, type, data.ptr, data.len, NULL,
				 &id, &e) < 0) {
		buf_release(&data);
		return fail(s, &e);
	}
	buf_release(&data);
	printf("%lld\n", (long long)id);
	store_close(s);
	return 0;
}

int cmd_items(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage_error("items",
				       "say show, add, edit, attach, archive or delete");
	if (strcmp(argv[1], "show") == 0)
		return items_show(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "add") == 0)
		return items_write(argc - 1, argv + 1, ctx, true);
	if (strcmp(argv[1], "edit") == 0)
		return items_write(argc - 1, argv + 1, ctx, false);
	if (strcmp(argv[1], "attach") == 0)
		return items_attach(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "archive") == 0 || strcmp(argv[1], "delete") == 0)
		return cmd_remove(ctx, "items", "item", argc - 1, argv + 1,
				  store_item_remove);
	return cmd_usage_error("items", "unknown subcommand '%s'", argv[1]);
}
