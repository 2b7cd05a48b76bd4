/*
 * page_account.c: signing in and out, your account (your details, your
 * password, your API tokens), and the administrator's list of users.
 *
 * The session cookie (safer_session) holds a random token of which the
 * store keeps only the SHA-256; it is HttpOnly and SameSite=Strict, and
 * Secure when safer is reached through an HTTPS proxy (safer serve
 * --https-proxy).  Who may see each page is in the route table
 * (routes.c); the site has decided before these run.
 */
#include <time.h>

#include "base/text.h"
#include "store/store_account.h"
#include "store/store_governance.h"
#include "web.h"
#include "pages.h"

#define SESSION_COOKIE "safer_session"

/* Where to go after signing in: a path within safer, else "/". */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\')
		return "/";
	for (const char *p = next; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == '\\')
			return "/";
	return next;
}

/* ---------------------------------------------------------------------
 * Signing in and out
 */

/* The problems of the sign-in form are whole sentences. */
static const struct option signin_labels[] = {
	{ "email", NULL },
	{ "password", NULL },
	{ NULL, NULL },
};

void web_signin_page(struct req *r, struct resp *w, int status,
		     const char *next, const struct err_list *errors)
{
	struct buf *b = &w->body;
	struct form fm = { r, b, errors, errors != NULL, signin_labels };

	buf_reset(b);
	page_begin(r, w, form_title(&fm, "Sign in"), NULL);
	w->status = status;
	html_raw(b, "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n");
	form_error_summary(&fm);
	html_raw(b, "<h1>Sign in</h1>\n");
	if (status == 401)
		html_raw(b, "<p>You need to sign in to see this page.</p>\n");
	if (r->auth.local)
		html_raw(b, "<p>There are no accounts yet: anyone on this "
			    "machine can use safer without signing in.</p>\n");
	form_begin(&fm, "/sign-in");
	html(b, "<input type=\"hidden\" name=\"next\" value=\"%s\">\n",
	     safe_next(next));
	form_input(&fm, "email", "Email address", NULL, NULL, "20");
	form_password(&fm, "password", "Password", NULL, "current-password");
	form_end(&fm, "Sign in", NULL);
	html_raw(b, "<p>If you have forgotten your password, ask the "
		    "administrator of safer to set a new one.</p>\n"
		    "</div></div>\n");
	page_end(r, w);
}

void page_signin(struct req *r, struct resp *w)
{
	const char *next = http_query(r, "next");

	if (r->auth.account && !r->auth.api_token) {
		resp_redirect(w, r->arena, safe_next(next));
		return;
	}
	web_signin_page(r, w, 200, next, NULL);
}

void page_signin_post(struct req *r, struct resp *w)
{
	const char *email = form_read_text(r, "email");
	const char *password = http_form(r, "password");
	const char *next = safe_next(http_form(r, "next"));
	struct err e = ERR_INIT, errs[2];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	struct session_new sess;
	bool throttled = false;

	if (!email)
		form_problem(&l, "email", "Enter your email address");
	if (!password || !*password)
		form_problem(&l, "password", "Enter your password");
	if (!l.n && store_signin(r->store, email, password, r->peer,
				 (int64_t)time(NULL), &sess, &throttled,
				 &e) < 0) {
		if (e.code != ERR_INVALID) {
			web_store_error(r, w, &e);
			return;
		}
		/* A whole sentence, not after a field's label. */
		e.msg[0] = (char)(e.msg[0] == 't' ? 'T' : e.msg[0]);
		form_problem(&l, "email", arena_printf(r->arena, "%s.", e.msg));
	}
	if (l.n) {
		web_signin_page(r, w, throttled ? 429 : 400, next, &l);
		if (throttled)
			resp_header(w, "Retry-After", "60");
		return;
	}
	resp_header(w, "Set-Cookie",
		    arena_printf(r->arena, SESSION_COOKIE "=%s%s", sess.token,
				 http_cookie_attributes()));
	explicit_bzero(&sess, sizeof(sess));
	resp_redirect(w, r->arena, next);
}

void page_signout(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	const char *token = http_cookie(r, SESSION_COOKIE);

	if (token && store_session_end(r->store, token, &e) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	resp_header(w, "Set-Cookie",
		    arena_printf(r->arena, SESSION_COOKIE "=; Max-Age=0%s",
				 http_cookie_attributes()));
	resp_redirect(w, r->arena, "/sign-in");
}

/* ---------------------------------------------------------------------
 * Your account
 */

static const struct option password_labels[] = {
	{ "current_password", NULL },
	{ "new_password", "New password" },
	{ "confirm_password", NULL },
	{ NULL, NULL },
};

static const struct option token_labels[] = {
	{ "name", "Name of the token" },
	{ NULL, NULL },
};

/* A date and time as stored ("2026-01-02T10:11:12Z"): the date only. */
static void html_when(struct buf *b, const char *at)
{
	char day[11];

	if (!at) {
		html_raw(b, "Never");
		return;
	}
	snprintf(day, sizeof(day), "%s", at);
	html_date(b, day);
}

static void html_scopes(struct req *r, struct buf *b, const struct account *x)
{
	struct err e = ERR_INIT;
	size_t n = 0;
	struct scope_choice *themes = store_scope_choices(r->store, r->arena,
							  false, &n, &e);
	bool any = false;

	for (size_t i = 0; i < x->n_themes; i++) {
		const char *name = NULL;

		for (size_t k = 0; themes && k < n; k++)
			if (themes[k].id == x->theme_ids[i])
				name = themes[k].name;
		html(b, "%s%s", any ? ", " : "",
		     name ? name : arena_printf(r->arena, "theme %lld",
						(long long)x->theme_ids[i]));
		any = true;
	}
	for (size_t i = 0; i < x->n_boards; i++) {
		html(b, "%sboard %lld", any ? ", " : "", (long long)x->board_ids[i]);
		any = true;
	}
	if (!any)
		html_raw(b, "None");
}

static void account_page(struct req *r, struct resp *w,
			 const struct err_list *pw_errors,
			 const struct err_list *token_errors)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct account *x;
	struct api_token *t;
	size_t n;
	const char *saved = http_query(r, "saved");
	struct form pw = { r, b, pw_errors, false, password_labels };
	struct form tk = { r, b, token_errors, token_errors != NULL, token_labels };

	if (r->auth.local) {
		page_begin(r, w, "Your account", NULL);
		html_raw(b, "<h1>Your account</h1>\n"
			    "<p>safer has no accounts yet, so it is in local "
			    "mode: anyone on this machine can read and change "
			    "everything without signing in.</p>\n"
			    "<p>To require sign-in, <a href=\"/admin/users/new\">add "
			    "the first account</a>, an administrator, or run:</p>\n"
			    "<pre><code>safer users add EMAIL --name NAME --role "
			    "admin --password-stdin</code></pre>\n");
		page_end(r, w);
		return;
	}
	x = store_account(r->store, r->arena, r->auth.account, &e);
	t = x ? store_tokens(r->store, r->arena, x->id, &n, &e) : NULL;
	if (!x || !t) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, form_title(pw_errors ? &pw : &tk, "Your account"), NULL);
	html_raw(b, "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n");
	if (saved && strcmp(saved, "password") == 0)
		html_raw(b, "<div class=\"notification\" role=\"status\">"
			    "<p class=\"notification__title\">Your password has "
			    "been changed</p></div>\n");
	else if (saved && strcmp(saved, "revoked") == 0)
		html_raw(b, "<div class=\"notification\" role=\"status\">"
			    "<p class=\"notification__title\">The token has been "
			    "revoked: it no longer works</p></div>\n");
	form_error_summary(pw_errors ? &pw : &tk);
	html_raw(b, "<h1>Your account</h1>\n");
	html_summary_begin(b);
	html_row_text(b, "Name", x->name);
	html_row_text(b, "Email address", x->email);
	html_row_text(b, "Role", choice_label(account_roles, x->role));
	if (account_role_parse(x->role) == ROLE_LEAD) {
		html_row_begin(b, "You lead");
		html_scopes(r, b, x);
		html_row_end(b);
	}
	html_summary_end(b);
	if (account_role_parse(x->role) == ROLE_ADMIN)
		html_raw(b, "<p><a href=\"/admin/users\">Manage users</a></p>\n");

	html_raw(b, "<h2 id=\"password\">Change your password</h2>\n");
	form_begin(&pw, "/account/password");
	form_password(&pw, "current_password", "Current password", NULL,
		      "current-password");
	form_password(&pw, "new_password", "New password",
		      "At least 10 characters. A few unrelated words make a "
		      "good password.", "new-password");
	form_password(&pw, "confirm_password", "New password again", NULL,
		      "new-password");
	form_end(&pw, "Change password", NULL);

	html_raw(b, "<h2 id=\"tokens\">Your API tokens</h2>\n"
		    "<p>A token lets a program use the JSON API as you, with "
		    "your role: it sends <code>Authorization: Bearer "
		    "TOKEN</code>. Revoke a token you no longer use.</p>\n");
	if (n) {
		html_table_begin(b, "Your API tokens", NULL, NULL);
		html_raw(b, "<caption class=\"visually-hidden\">Your API tokens"
			    "</caption>\n<thead><tr><th scope=\"col\">Name</th>"
			    "<th scope=\"col\">Created</th><th scope=\"col\">Last "
			    "used</th><th scope=\"col\">Status</th></tr></thead>"
			    "\n<tbody>\n");
		for (size_t i = 0; i < n; i++) {
			html(b, "<tr><td>%s</td><td>",
			     t[i].name ? t[i].name : "(no name)");
			html_when(b, t[i].created_at);
			html_raw(b, "</td><td>");
			html_when(b, t[i].last_used_at);
			html_raw(b, "</td><td>");
			if (t[i].revoked_at) {
				html_tag(b, "grey", "Revoked");
			} else {
				html(b, "<form method=\"post\" action=\"/account/"
					"tokens/%lld/revoke\" class=\"inline-form\">"
					"<input type=\"hidden\" name=\"csrf\" "
					"value=\"%s\"><button type=\"submit\" "
					"class=\"button button--secondary "
					"button--small\">Revoke<span class=\""
					"visually-hidden\"> %s</span></button>"
					"</form>",
				     (long long)t[i].id, r->csrf,
				     t[i].name ? t[i].name : "");
			}
			html_raw(b, "</td></tr>\n");
		}
		html_raw(b, "</tbody>\n</table>\n");
		html_table_end(b);
	} else {
		html_raw(b, "<p>You have no API tokens.</p>\n");
	}
	html_raw(b, "<h3>Create a token</h3>\n");
	form_begin(&tk, "/account/tokens");
	form_input(&tk, "name", "Name of the token",
		   "What it is for, for example 'monthly report script'.", NULL,
		   "20");
	form_end(&tk, "Create token", NULL);
	html_raw(b, "</div></div>\n");
	page_end(r, w);
}

void page_account(struct req *r, struct resp *w)
{
	account_page(r, w, NULL, NULL);
}

/* The id of this request's session (0 if it came with none). */
static int64_t this_session(struct req *r)
{
	struct session_who who;
	struct err e = ERR_INIT;

	if (store_session_find(r->store, r->arena, http_cookie(r, SESSION_COOKIE),
			       (int64_t)time(NULL), &who, &e) != 1)
		return 0;
	return who.id;
}

void page_account_password(struct req *r, struct resp *w)
{
	const char *current = http_form(r, "current_password");
	const char *fresh = http_form(r, "new_password");
	const char *again = http_form(r, "confirm_password");
	struct err e = ERR_INIT, errs[4];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	bool ok = false;

	if (!r->auth.account) {
		web_error_page(r, w, 400, "There is no account to change: safer "
			       "is in local mode.");
		return;
	}
	if (!current || !*current)
		form_problem(&l, "current_password", "Enter your current password");
	else if (store_account_password_ok(r->store, r->auth.account, current,
					   &ok, &e) < 0)
		err_list_add(&l, &e);
	else if (!ok)
		form_problem(&l, "current_password",
			     "Your current password is not right");
	if (store_password_check(fresh, "new_password", &e) < 0)
		err_list_add(&l, &e);
	else if (!again || strcmp(fresh, again) != 0)
		form_problem(&l, "confirm_password",
			     "The two new passwords are not the same");
	if (!l.n && store_account_set_password(r->store, r->auth.account, fresh,
					       this_session(r), &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		if (!form_user_errors(r, w, &l))
			return;
		account_page(r, w, &l, NULL);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena, "/account?saved=password");
}

void page_account_token_create(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	const char *name = form_read_text(r, "name");
	struct err e = ERR_INIT, errs[2];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	char token[API_TOKEN_SIZE];
	int64_t id;

	if (!r->auth.account) {
		web_error_page(r, w, 400, "API tokens belong to accounts, and "
			       "safer has none yet (local mode).");
		return;
	}
	if (store_token_create(r->store, r->auth.account, name, token, &id,
			       &e) < 0) {
		err_list_add(&l, &e);
		if (!form_user_errors(r, w, &l))
			return;
		account_page(r, w, NULL, &l);
		w->status = form_failed_status(&l);
		return;
	}
	page_begin(r, w, "Your new API token", NULL);
	html(b, "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n"
		"<h1>Your new API token</h1>\n"
		"<p>Copy it now and keep it safe: it will not be shown again. "
		"Anyone who has it can use safer as you.</p>\n"
		"<p class=\"token\"><code id=\"token\">%s</code></p>\n"
		"<p>Send it with each request to the API:</p>\n"
		"<pre><code>Authorization: Bearer %s</code></pre>\n"
		"<p><a href=\"/account#tokens\">Back to your account</a></p>\n"
		"</div></div>\n",
	     token, token);
	page_end(r, w);
	explicit_bzero(token, sizeof(token));
}

void page_account_token_revoke(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;

	if (store_token_revoke(r->store, r->ids[0], r->auth.account ? r->auth.account : -1,
			       &e) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	resp_redirect(w, r->arena, "/account?saved=revoked");
}

/* ---------------------------------------------------------------------
 * Users (administrators)
 */

static const struct option user_labels[] = {
	{ "name", "Name" },
	{ "email", "Email address" },
	{ "role", "Role" },
	{ "theme_ids", "Themes" },
	{ "board_ids", "Boards" },
	{ "password", "Password" },
	{ NULL, NULL },
};

/* Every posted value of a field of ids; a problem on field if one is
 * not an id. */
static int64_t *read_ids(struct req *r, const char *field, size_t *n,
			 struct err_list *l)
{
	int64_t *ids = arena_array(r->arena, r->n_form + 1, sizeof(*ids));

	*n = 0;
	for (size_t i = 0; i < r->n_form; i++) {
		int64_t v;

		if (strcmp(r->form[i].key, field) != 0)
			continue;
		if (text_int64(r->form[i].value, 1, INT64_MAX, &v, field, NULL) < 0) {
			form_problem(l, field, "must be chosen from the list");
			return ids;
		}
		ids[(*n)++] = v;
	}
	return ids;
}

static bool has_id(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* The role select and the checkboxes of the themes and boards a lead
 * leads, with x's as stored (x may be NULL). */
static void role_fields(struct form *f, const struct account *x)
{
	struct req *r = f->r;
	struct err e = ERR_INIT;
	size_t nt = 0, nb = 0;
	struct scope_choice *themes = store_scope_choices(r->store, r->arena,
							  false, &nt, &e);
	struct scope_choice *boards = store_scope_choices(r->store, r->arena,
							  true, &nb, &e);

	form_select_choice(f, "role", "Role",
			   "Administrator: accounts and settings, and all an "
			   "officer may do. Officer: edits the plan, funding and "
			   "governance. Lead: updates the actions of the themes "
			   "they lead. Analyst: imports data and manages "
			   "indicators. Viewer: reads everything internal.",
			   account_roles, NULL, x ? x->role : "viewer");
	if (themes && nt) {
		form_checkboxes_begin(f, "theme_ids", "Themes they lead (leads only)",
				      NULL);
		for (size_t i = 0; i < nt; i++)
			form_checkbox(f, "theme_ids",
				      arena_printf(r->arena, "%lld",
						   (long long)themes[i].id),
				      arena_printf(r->arena, "%s (%s)", themes[i].name,
						   themes[i].group ? themes[i].group : ""),
				      x && has_id(x->theme_ids, x->n_themes,
						  themes[i].id));
		form_checkboxes_end(f);
	}
	if (boards && nb) {
		form_checkboxes_begin(f, "board_ids", "Boards they lead (leads only)",
				      NULL);
		for (size_t i = 0; i < nb; i++)
			form_checkbox(f, "board_ids",
				      arena_printf(r->arena, "%lld",
						   (long long)boards[i].id),
				      boards[i].name,
				      x && has_id(x->board_ids, x->n_boards,
						  boards[i].id));
		form_checkboxes_end(f);
	}
}

void page_admin_users(struct req *r, struct resp *w)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	size_t n;
	struct account *list = store_accounts(r->store, r->arena, &n, &e);

	if (!list) {
		web_store_error(r, w, &e);
		return;
	}
	page_begin(r, w, "Users", NULL);
	html_raw(b, "<h1>Users</h1>\n"
		    "<p><a class=\"button\" href=\"/admin/users/new\">Add a user"
		    "</a></p>\n");
	if (!n) {
		html_raw(b, "<p>There are no accounts: safer is in local mode, "
			    "and anyone on this machine can change "
			    "everything.</p>\n");
		page_end(r, w);
		return;
	}
	html_table_begin(b, "Users", NULL, NULL);
	html_raw(b, "<caption class=\"visually-hidden\">Users</caption>\n"
		    "<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">"
		    "Email address</th><th scope=\"col\">Role</th>"
		    "<th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		html(b, "<tr><td><a href=\"/admin/users/%lld\">%s</a></td>"
			"<td>%s</td><td>%s</td><td>",
		     (long long)list[i].id, list[i].name, list[i].email,
		     choice_label(account_roles, list[i].role));
		if (list[i].disabled_at)
			html_tag(b, "grey", "Disabled");
		else
			html_tag(b, "green", "Active");
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody>\n</table>\n");
	html_table_end(b);
	page_end(r, w);
}

static void user_new_form(struct req *r, struct resp *w,
			  const struct err_list *errors)
{
	struct buf *b = &w->body;
	struct form fm = { r, b, errors, errors != NULL, user_labels };

	page_begin(r, w, form_title(&fm, "Add a user"), NULL);
	html_raw(b, "<a class=\"back-link\" href=\"/admin/users\">Back</a>\n"
		    "<div class=\"grid-row\"><div class=\"column-two-thirds\">\n");
	form_error_summary(&fm);
	html_raw(b, "<h1>Add a user</h1>\n");
	form_begin(&fm, "/admin/users");
	form_input(&fm, "name", "Name", NULL, NULL, "20");
	form_input(&fm, "email", "Email address", "They sign in with it.", NULL,
		   "20");
	role_fields(&fm, NULL);
	form_password(&fm, "password", "Password",
		      "At least 10 characters. Tell it to them in person; they "
		      "can change it under 'Your account'.", "new-password");
	form_end(&fm, "Add user", "/admin/users");
	html_raw(b, "</div></div>\n");
	page_end(r, w);
}

void page_admin_user_new(struct req *r, struct resp *w)
{
	user_new_form(r, w, NULL);
}

void page_admin_user_create(struct req *r, struct resp *w)
{
	struct account_input in = { 0 };
	struct err e = ERR_INIT, errs[8];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	int64_t id;

	in.name = form_read_text(r, "name");
	in.email = form_read_text(r, "email");
	in.role = http_form(r, "role");
	in.password = http_form(r, "password");
	in.theme_ids = read_ids(r, "theme_ids", &in.n_themes, &l);
	in.board_ids = read_ids(r, "board_ids", &in.n_boards, &l);
	if (!l.n && store_account_create(r->store, &in, &id, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		if (!form_user_errors(r, w, &l))
			return;
		user_new_form(r, w, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena,
		      arena_printf(r->arena, "/admin/users/%lld?saved=1",
				   (long long)id));
}

static void user_page(struct req *r, struct resp *w,
		      const struct err_list *role_errors,
		      const struct err_list *pw_errors)
{
	struct buf *b = &w->body;
	struct err e = ERR_INIT;
	struct account *x = store_account(r->store, r->arena, r->ids[0], &e);
	struct form rf = { r, b, role_errors, role_errors != NULL, user_labels };
	struct form pf = { r, b, pw_errors, false, user_labels };
	const char *base;

	if (!x) {
		web_store_error(r, w, &e);
		return;
	}
	base = arena_printf(r->arena, "/admin/users/%lld", (long long)x->id);
	page_begin(r, w, form_title(role_errors ? &rf : &pf, x->name), NULL);
	html_raw(b, "<a class=\"back-link\" href=\"/admin/users\">Back to users"
		    "</a>\n<div class=\"grid-row\"><div class=\"column-two-thirds\">\n");
	if (http_query(r, "saved"))
		html_raw(b, "<div class=\"notification\" role=\"status\">"
			    "<p class=\"notification__title\">Saved</p></div>\n");
	form_error_summary(role_errors ? &rf : &pf);
	html(b, "<h1>%s</h1>\n", x->name);
	html_summary_begin(b);
	html_row_text(b, "Email address", x->email);
	html_row_text(b, "Role", choice_label(account_roles, x->role));
	if (account_role_parse(x->role) == ROLE_LEAD) {
		html_row_begin(b, "Leads");
		html_scopes(r, b, x);
		html_row_end(b);
	}
	html_row_begin(b, "Status");
	if (x->disabled_at)
		html_tag(b, "grey", "Disabled");
	else
		html_tag(b, "green", "Active");
	html_row_end(b);
	html_row_begin(b, "Added");
	html_when(b, x->created_at);
	html_row_end(b);
	html_summary_end(b);

	html_raw(b, "<h2>Change their role</h2>\n");
	form_begin(&rf, arena_printf(r->arena, "%s/role", base));
	role_fields(&rf, x);
	form_end(&rf, "Change role", NULL);

	html_raw(b, "<h2>Set a new password</h2>\n"
		    "<p>For someone who has forgotten theirs: every place "
		    "they are signed in is signed out.</p>\n");
	form_begin(&pf, arena_printf(r->arena, "%s/password", base));
	form_password(&pf, "password", "New password",
		      "At least 10 characters.", "new-password");
	form_end(&pf, "Set password", NULL);

	if (x->disabled_at) {
		html_raw(b, "<h2>Allow them to sign in again</h2>\n");
		form_begin(&pf, arena_printf(r->arena, "%s/enable", base));
		form_end(&pf, "Enable account", NULL);
	} else {
		html_raw(b, "<h2>Stop them signing in</h2>\n"
			    "<p>Their sessions end and their API tokens stop "
			    "working. What they changed stays on the record.</p>\n");
		form_begin(&pf, arena_printf(r->arena, "%s/disable", base));
		html_raw(b, "<div class=\"button-group\"><button type=\"submit\" "
			    "class=\"button button--warning\">Disable account"
			    "</button></div>\n</form>\n");
	}
	html_raw(b, "</div></div>\n");
	page_end(r, w);
}

void page_admin_user(struct req *r, struct resp *w)
{
	user_page(r, w, NULL, NULL);
}

void page_admin_user_role(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[4];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	size_t nt, nb;
	const int64_t *themes = read_ids(r, "theme_ids", &nt, &l);
	const int64_t *boards = read_ids(r, "board_ids", &nb, &l);

	if (!l.n && store_account_set_role(r->store, r->ids[0],
					   http_form(r, "role"), themes, nt,
					   boards, nb, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		if (!form_user_errors(r, w, &l))
			return;
		user_page(r, w, &l, NULL);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena, arena_printf(r->arena, "/admin/users/%lld?saved=1",
						(long long)r->ids[0]));
}

void page_admin_user_password(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT, errs[2];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };

	if (store_account_set_password(r->store, r->ids[0],
				       http_form(r, "password"), 0, &e) < 0) {
		err_list_add(&l, &e);
		if (!form_user_errors(r, w, &l))
			return;
		user_page(r, w, NULL, &l);
		w->status = form_failed_status(&l);
		return;
	}
	resp_redirect(w, r->arena, arena_printf(r->arena, "/admin/users/%lld?saved=1",
						(long long)r->ids[0]));
}

static void set_disabled(struct req *r, struct resp *w, bool disabled)
{
	struct err e = ERR_INIT;

	if (store_account_set_disabled(r->store, r->ids[0], disabled, &e) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	resp_redirect(w, r->arena, arena_printf(r->arena, "/admin/users/%lld?saved=1",
						(long long)r->ids[0]));
}

void page_admin_user_disable(struct req *r, struct resp *w)
{
	set_disabled(r, w, true);
}

void page_admin_user_enable(struct req *r, struct resp *w)
{
	set_disabled(r, w, false);
}
