/*
 * access.c: who is asking, and whether they may use the route they
 * asked for: the site's authorize (struct http_site), which http_dispatch
 * calls once the route is found, before the form token is checked and
 * the handler runs.  The route table's last column (enum need, routes.h)
 * is the only thing it decides by.
 *
 * Who: a bearer token (Authorization: Bearer TOKEN, the API's way, and
 * accepted on pages too), else on a page the session cookie
 * (safer_session).  The JSON API never reads the cookie, so that a
 * browser's session cannot be used across sites through it.  Nobody, or
 * a token or session that is unknown, expired, revoked or of a disabled
 * account, is anonymous.
 *
 * Local mode, after Fossil's "fossil ui": while there are no accounts and
 * the server listens on loopback only, whoever reaches it may do
 * everything, as the store's actor "local".  The first account ends it.
 *
 * The form token: a signed-in visitor's forms carry their session's form
 * token, which the store keeps with the session.  Everyone else's is a
 * nonce with its MAC under the form secret kept in meta (crypto_auth):
 * a cookie and field made up by someone else do not pass, since they
 * cannot make the MAC.
 */
#include <sodium.h>
#include <strings.h>
#include <time.h>

#include "routes.h"
#include "store/store_account.h"
#include "web/pages.h"
#include "web/web.h"

/* A token is 8 random bytes and the first 8 of their MAC: 32 hex digits.
 * 64 bits of MAC are beyond guessing one request at a time. */
#define NONCE_BYTES 8
#define MAC_BYTES 8
#define FORM_TOKEN_HEX (2 * (NONCE_BYTES + MAC_BYTES))

/* The form token of a visitor with no session: keep the cookie's if the
 * site made it, else make one (to be set as the cookie). */
static int anonymous_form_token(struct req *r, struct err *e)
{
	unsigned char key[32], raw[NONCE_BYTES + MAC_BYTES];
	unsigned char mac[crypto_auth_BYTES];
	char *hex;
	size_t len = 0;

	if (!r->store)
		return 0; /* no store, no secret: the token dispatch made */
	if (store_form_secret(r->store, key, e) < 0)
		return -1;
	if (r->csrf && strlen(r->csrf) == FORM_TOKEN_HEX &&
	    sodium_hex2bin(raw, sizeof(raw), r->csrf, FORM_TOKEN_HEX, NULL,
			   &len, NULL) == 0 &&
	    len == sizeof(raw) &&
	    crypto_auth(mac, raw, NONCE_BYTES, key) == 0 &&
	    sodium_memcmp(mac, raw + NONCE_BYTES, MAC_BYTES) == 0) {
		sodium_memzero(key, sizeof(key));
		return 0;
	}
	randombytes_buf(raw, NONCE_BYTES);
	crypto_auth(mac, raw, NONCE_BYTES, key);
	memcpy(raw + NONCE_BYTES, mac, MAC_BYTES);
	sodium_memzero(key, sizeof(key));
	hex = arena_alloc(r->arena, FORM_TOKEN_HEX + 1);
	sodium_bin2hex(hex, FORM_TOKEN_HEX + 1, raw, sizeof(raw));
	r->csrf = hex;
	r->csrf_new = true;
	return 0;
}

/* The bearer token of the request, or NULL; *sent says whether the
 * Authorization header was there at all. */
static const char *bearer(const struct req *r, bool *sent)
{
	const char *h = http_header(r, "Authorization");

	*sent = h != NULL;
	if (!h || strncasecmp(h, "Bearer ", 7) != 0)
		return NULL;
	h += 7;
	while (*h == ' ')
		h++;
	return h;
}

/* Fill r->auth from an account. */
static void signed_in(struct req *r, const struct account *x, bool token)
{
	r->auth.account = x->id;
	r->auth.name = x->name;
	r->auth.email = x->email;
	r->auth.role = (int)account_role_parse(x->role);
	r->auth.api_token = token;
}

/* Is the part of the site that route's need names published? */
static int published(struct req *r, unsigned need, bool *yes, struct err *e)
{
	static const char *const keys[] = {
		[NEED_PUBLISHED_PLAN] = "published:plan",
		[NEED_PUBLISHED_FUNDING] = "published:funding",
		[NEED_PUBLISHED_HEADLINES] = "published:headlines",
		[NEED_PUBLISHED_CRIME] = "published:crime",
	};
	const char *v = NULL;

	*yes = false;
	if (need >= ARRAY_SIZE(keys) || !keys[need])
		return 0;
	if (store_meta_get(r->store, r->arena, keys[need], &v, e) < 0)
		return -1;
	*yes = v && strcmp(v, "1") == 0;
	return 0;
}

/* May the signed-in account use the route?  A lead may use a
 * NEED_LEAD_ACTION route only for the actions of the themes they lead. */
static int role_allows(struct req *r, unsigned need, bool *yes, struct err *e)
{
	int role = r->auth.role;

	switch ((enum need)need) {
	case NEED_ANYONE:
	case NEED_PUBLISHED_PLAN:
	case NEED_PUBLISHED_FUNDING:
	case NEED_PUBLISHED_HEADLINES:
	case NEED_PUBLISHED_CRIME:
	case NEED_VIEWER:
		*yes = role != ROLE_NONE;
		return 0;
	case NEED_LEAD_ACTION:
		if (role == ROLE_OFFICER || role == ROLE_ADMIN) {
			*yes = true;
			return 0;
		}
		*yes = false;
		if (role != ROLE_LEAD || r->n_ids < 1)
			return 0;
		return store_account_leads_action(r->store, r->auth.account,
						  r->ids[0], yes, e);
	case NEED_ANALYST:
		*yes = role == ROLE_ANALYST || role == ROLE_OFFICER ||
		       role == ROLE_ADMIN;
		return 0;
	case NEED_OFFICER:
		*yes = role == ROLE_OFFICER || role == ROLE_ADMIN;
		return 0;
	case NEED_ADMIN:
		*yes = role == ROLE_ADMIN;
		return 0;
	}
	*yes = false;
	return 0;
}

/* 401: the API says how to authenticate; a page offers the sign-in
 * form, coming back here. */
static void refuse_anonymous(struct req *r, struct resp *w, bool bad_token)
{
	if (r->route->flags & ROUTE_JSON) {
		resp_api_error_status(w, 401, "unauthorized",
				      bad_token
					      ? "the bearer token is not valid: it "
						"is unknown, revoked, or its account "
						"is disabled"
					      : "sign in: send Authorization: "
						"Bearer TOKEN (safer tokens create "
						"EMAIL makes one)",
				      NULL);
		resp_header(w, "WWW-Authenticate",
			    bad_token ? "Bearer realm=\"safer\", "
					"error=\"invalid_token\""
				      : "Bearer realm=\"safer\"");
		return;
	}
	if (r->method == HTTP_GET || r->method == HTTP_HEAD) {
		/* Back to this page, with the query it declares. */
		struct buf next = BUF_INIT;

		buf_adds(&next, r->path);
		for (size_t i = 0; i < r->n_query; i++)
			if (http_route_param(r->route, r->query[i].key, NULL))
				web_url_param(&next, r->query[i].key,
					      r->query[i].value);
		web_signin_page(r, w, 401, arena_strdup(r->arena, next.ptr),
				NULL);
		buf_release(&next);
	} else {
		web_signin_page(r, w, 401, "/", NULL);
	}
	resp_header(w, "Cache-Control", "no-store");
}

static void refuse_role(struct req *r, struct resp *w)
{
	const char *who = r->auth.name ? r->auth.name : "this account";

	if (r->route->flags & ROUTE_JSON) {
		resp_api_error_status(w, 403, "forbidden",
				      "your role does not allow this", NULL);
		return;
	}
	web_error_page(r, w, 403,
		       arena_printf(r->arena,
				    "Your account (%s) cannot do this. If you "
				    "need to, ask an administrator of safer.",
				    who));
}

static void unavailable(struct req *r, struct resp *w, const struct err *e)
{
	fprintf(stderr, "safer: %s\n", e->msg);
	r->site->error(r, w, 503, "unavailable",
		       "the database cannot be read just now; try again", NULL);
}

int site_authorize(struct req *r, struct resp *w)
{
	const struct route *rt = r->route;
	bool api = rt->flags & ROUTE_JSON, sent = false, bad_token = false;
	const char *via = api ? "api" : "web", *token;
	struct err e = ERR_INIT;
	int64_t n_accounts = 0;
	bool yes;

	memset(&r->auth, 0, sizeof(r->auth));
	if (!r->store) {
		r->auth.local = http_listen_loopback;
		r->auth.anonymous = !r->auth.local;
		r->auth.audience = r->auth.local ? "local" : "public";
		return r->auth.local || rt->need == NEED_ANYONE
			       ? 0
			       : (refuse_anonymous(r, w, false), -1);
	}
	if (store_account_count(r->store, &n_accounts, &e) < 0) {
		unavailable(r, w, &e);
		return -1;
	}
	if (n_accounts == 0 && http_listen_loopback) {
		r->auth.local = true;
		r->auth.role = ROLE_ADMIN;
		r->auth.name = "local";
		r->auth.audience = "local";
		store_set_actor(r->store, "local", 0, via);
		if (anonymous_form_token(r, &e) < 0) {
			unavailable(r, w, &e);
			return -1;
		}
		return 0;
	}

	token = bearer(r, &sent);
	if (token) {
		struct account *x;
		int64_t token_id;
		int rc = store_token_find(r->store, r->arena, token,
					  (int64_t)time(NULL), &x, &token_id, &e);

		if (rc < 0) {
			unavailable(r, w, &e);
			return -1;
		}
		if (rc == 1) {
			signed_in(r, x, true);
			r->auth.audience =
				arena_printf(r->arena, "account:%lld", (long long)x->id);
		} else {
			bad_token = true;
		}
	} else if (!api) {
		struct session_who who;
		int rc = store_session_find(r->store, r->arena,
					    http_cookie(r, "safer_session"),
					    (int64_t)time(NULL), &who, &e);

		if (rc < 0) {
			unavailable(r, w, &e);
			return -1;
		}
		if (rc == 1) {
			signed_in(r, who.account, false);
			r->csrf = who.form_token;
			r->csrf_new = false;
			r->auth.audience =
				arena_printf(r->arena, "session:%lld", (long long)who.id);
		}
	}
	if (sent && !token)
		bad_token = true;
	if (!r->auth.account) {
		r->auth.anonymous = true;
		r->auth.audience = "public";
		store_set_actor(r->store, NULL, 0, via);
		if (anonymous_form_token(r, &e) < 0) {
			unavailable(r, w, &e);
			return -1;
		}
		if (rt->need == NEED_ANYONE)
			return 0;
		if (published(r, rt->need, &yes, &e) < 0) {
			unavailable(r, w, &e);
			return -1;
		}
		if (yes && !bad_token)
			return 0;
		refuse_anonymous(r, w, bad_token);
		return -1;
	}
	store_set_actor(r->store, r->auth.email, r->auth.account,
			r->auth.api_token ? "api" : "web");
	if (role_allows(r, rt->need, &yes, &e) < 0) {
		unavailable(r, w, &e);
		return -1;
	}
	if (!yes) {
		refuse_role(r, w);
		return -1;
	}
	return 0;
}
