/*
 * store_account.h: who may sign in (store_account.c): accounts with their
 * roles and, for a lead, the themes and boards they lead; the sessions of
 * the web pages; the API's bearer tokens; and the throttle on failed
 * sign-ins.
 *
 * Part of the store's interface (store.h says how all of it works).
 *
 * Secrets are kept only as what cannot be turned back into them: a
 * password as its Argon2id hash (libsodium's crypto_pwhash_str, the
 * interactive limits), a session or API token as its SHA-256.  The token
 * itself is given to the caller once, when it is made, and never again.
 *
 * Every change to an account or a token is recorded (store_audit.h:
 * AUDIT_ACCOUNT, AUDIT_TOKEN); a new password is recorded as "changed",
 * never as its hash.  Sessions and failed sign-ins are the machinery of
 * signing in, not changes to the partnership's records, and are not.
 *
 * Times that decide (expiry, the throttle) are given by the caller as
 * seconds since 1970 (now), so that the tests can move the clock; they
 * are stored as "YYYY-MM-DDTHH:MM:SSZ".
 */
#ifndef SAFER_STORE_ACCOUNT_H
#define SAFER_STORE_ACCOUNT_H

#include "store.h"

/* The roles, as stored and shown (ends with {NULL, NULL}). */
extern const struct choice account_roles[];

/* The roles as numbers, for the code that decides who may do what
 * (routes.h says what each may do).  0 is nobody. */
enum account_role {
	ROLE_NONE,
	ROLE_VIEWER,
	ROLE_ANALYST,
	ROLE_LEAD,
	ROLE_OFFICER,
	ROLE_ADMIN,
};

/* The role of a code ("lead"), or ROLE_NONE if it is none. */
enum account_role account_role_parse(const char *code);

/* Passwords: at least this many characters, at most this many bytes. */
#define ACCOUNT_PASSWORD_MIN 10
#define ACCOUNT_PASSWORD_MAX 1000

/* Sessions end after this long without a request, and this long after
 * sign-in whatever happens (seconds). */
#define SESSION_IDLE (12 * 60 * 60)
#define SESSION_MAX (7 * 24 * 60 * 60)

/* The throttle: after SIGNIN_MAX_ACCOUNT failed sign-ins for one account,
 * or SIGNIN_MAX_ADDRESS from one address, within SIGNIN_WINDOW seconds,
 * further attempts are refused (without looking at the password) until
 * the oldest of them is SIGNIN_WINDOW old.  A successful sign-in forgets
 * the account's failures, not the address's. */
#define SIGNIN_WINDOW (15 * 60)
#define SIGNIN_MAX_ACCOUNT 5
#define SIGNIN_MAX_ADDRESS 20

/* A session token: 64 hex digits (32 random bytes).  An API token:
 * "safer_" and 64 hex digits.  Sizes with the NUL. */
#define SESSION_TOKEN_SIZE 65
#define API_TOKEN_SIZE 71

struct account {
	int64_t id;
	const char *email;       /* as typed, lower case */
	const char *name;
	const char *role;        /* a code of account_roles */
	int64_t person_id;       /* 0: none */
	const char *created_at;
	const char *disabled_at; /* NULL while the account may sign in */
	const char *password_changed_at;
	int64_t *theme_ids;      /* the themes a lead leads */
	size_t n_themes;
	int64_t *board_ids;      /* the boards a lead leads */
	size_t n_boards;
};

/* How many accounts there are, disabled ones included (none: local mode,
 * see routes.h). */
int store_account_count(struct store *s, int64_t *n, struct err *e);

/* Every account, by email. */
struct account *store_accounts(struct store *s, struct arena *a, size_t *n,
			       struct err *e);
/* One account; ERR_NOT_FOUND if there is none. */
struct account *store_account(struct store *s, struct arena *a, int64_t id,
			      struct err *e);
/* The account of an email (any case); ERR_NOT_FOUND naming the field
 * "email" if there is none. */
struct account *store_account_by_email(struct store *s, struct arena *a,
				       const char *email, struct err *e);

/* Is password acceptable as a password?  ERR_INVALID on field if not. */
int store_password_check(const char *password, const char *field,
			 struct err *e);

struct account_input {
	const char *email;
	const char *name;
	const char *role;
	const char *password;
	int64_t person_id;         /* 0: none */
	const int64_t *theme_ids;  /* a lead's themes */
	size_t n_themes;
	const int64_t *board_ids;  /* a lead's boards */
	size_t n_boards;
};

/* Add an account: *id gets its id.  Fails with ERR_INVALID naming the
 * field (email, name, role, password, person_id, theme_ids, board_ids),
 * or ERR_CONFLICT on "email" if the email (in any case) has an account.
 * Only a lead has themes and boards. */
int store_account_create(struct store *s, const struct account_input *in,
			 int64_t *id, struct err *e);

/* Give an account another role, with the themes and boards it leads (for
 * a lead; none for the other roles). */
int store_account_set_role(struct store *s, int64_t id, const char *role,
			   const int64_t *theme_ids, size_t n_themes,
			   const int64_t *board_ids, size_t n_boards,
			   struct err *e);

/* Stop (disabled true) or allow again an account's signing in.  Stopping
 * ends its sessions; its API tokens no longer work while it is
 * stopped. */
int store_account_set_disabled(struct store *s, int64_t id, bool disabled,
			       struct err *e);

/* Set an account's password (a change by its owner, or an
 * administrator's reset): every session of the account ends but
 * keep_session (0: all of them). */
int store_account_set_password(struct store *s, int64_t id,
			       const char *password, int64_t keep_session,
			       struct err *e);

/* Is password the account's?  *ok says; the account's hash is checked in
 * time that does not depend on whether the account exists. */
int store_account_password_ok(struct store *s, int64_t id,
			      const char *password, bool *ok, struct err *e);

/* Does account lead the theme of action action_id?  (A lead may change
 * only the actions of the themes they lead.)  *yes is false when there is
 * no such action. */
int store_account_leads_action(struct store *s, int64_t account,
			       int64_t action_id, bool *yes, struct err *e);

/* What a lead may be given to lead: every theme (with its plan's title
 * as group), newest plan first, and every board. */
struct scope_choice {
	int64_t id;
	const char *name;
	const char *group; /* the plan's title; NULL for a board */
};
struct scope_choice *store_scope_choices(struct store *s, struct arena *a,
					 bool boards, size_t *n,
					 struct err *e);

/* ---------------------------------------------------------------------
 * Signing in, and sessions
 */

/* A new session: the token for the cookie and the form token the
 * session's forms carry.  Both are secrets; only the token's SHA-256 is
 * kept. */
struct session_new {
	int64_t id;
	int64_t account;
	char token[SESSION_TOKEN_SIZE];
	char form_token[SESSION_TOKEN_SIZE];
};

/* Sign in from address (the client's, for the throttle; may be NULL).
 * On success out is filled and the account's failures forgotten.
 * Otherwise -1: ERR_INVALID on "email" for an unknown email, a wrong
 * password or a disabled account alike (the same words, so that nobody
 * learns which); and with *throttled set when the throttle refused to
 * try (the message says for how long).  A failure is counted for the
 * email and the address. */
int store_signin(struct store *s, const char *email, const char *password,
		 const char *address, int64_t now, struct session_new *out,
		 bool *throttled, struct err *e);

/* Who a session token names, if the session is alive at now and its
 * account is not disabled: returns 1 with *account (from a) and the
 * session's id and form token; 0 if nobody; -1 with e set.  Notes the
 * session's use (at most once every few minutes, so that reading pages
 * does not write at every request). */
struct session_who {
	int64_t id;
	const char *form_token;
	struct account *account;
};
int store_session_find(struct store *s, struct arena *a, const char *token,
		       int64_t now, struct session_who *out, struct err *e);

/* End the session of token (signing out); nothing if there is none. */
int store_session_end(struct store *s, const char *token, struct err *e);

/* ---------------------------------------------------------------------
 * API tokens
 */

struct api_token {
	int64_t id;
	int64_t account_id;
	const char *name;
	const char *created_at;
	const char *last_used_at; /* NULL: never */
	const char *revoked_at;   /* NULL: still works */
};

/* Make a token for account, named name (may be NULL): token gets it (to
 * be shown once), *id its id. */
int store_token_create(struct store *s, int64_t account, const char *name,
		       char token[API_TOKEN_SIZE], int64_t *id, struct err *e);

/* The tokens of an account, newest first. */
struct api_token *store_tokens(struct store *s, struct arena *a,
			       int64_t account, size_t *n, struct err *e);

/* Revoke token id; if account is not 0, only a token of that account
 * (ERR_NOT_FOUND otherwise).  Revoking a revoked token changes
 * nothing. */
int store_token_revoke(struct store *s, int64_t id, int64_t account,
		       struct err *e);

/* Who a bearer token names, if it is not revoked and its account not
 * disabled: 1 with *account (from a) and *token_id; 0 if nobody.  Notes
 * its use in last_used_at (at most every few minutes). */
int store_token_find(struct store *s, struct arena *a, const char *token,
		     int64_t now, struct account **account, int64_t *token_id,
		     struct err *e);

/* ---------------------------------------------------------------------
 * The secret of the forms of visitors who are not signed in
 */

/* The key (32 bytes) with which the site signs the form tokens it gives
 * to visitors without a session (routes.c), made at random the first
 * time and kept in meta ("form_secret").  Like the head of the record of
 * changes, it is the store's machinery, not a setting: not recorded. */
int store_form_secret(struct store *s, unsigned char key[32], struct err *e);

#endif
