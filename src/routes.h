/*
 * routes.h: the site safer serves (routes.c): its route table and its
 * error writer, for "safer serve" and for the tests that drive every
 * handler without a socket.
 */
#ifndef SAFER_ROUTES_H
#define SAFER_ROUTES_H

#include "http/http.h"

/*
 * Who may use a route: the last column of the route table, and the only
 * place that decides.  The roles, from most to least: admin (accounts
 * and settings, and everything an officer may do); officer (edits the
 * plan, funding and governance, and may do what a lead or an analyst
 * may); lead (updates the actions of the themes and boards they lead);
 * analyst (imports data, manages indicators); viewer (reads everything
 * internal); and an anonymous visitor, who reads only what the
 * partnership has published.  In local mode (no accounts, loopback
 * only) whoever reaches the server may do everything.
 */
enum need {
	NEED_ANYONE,              /* everyone: static files, health, sign-in */
	NEED_PUBLISHED_PLAN,      /* anonymous too once published */
	NEED_PUBLISHED_FUNDING,
	NEED_PUBLISHED_HEADLINES,
	NEED_PUBLISHED_CRIME,
	NEED_VIEWER,              /* any account */
	NEED_LEAD_ACTION,         /* a lead of the theme or board of the
				   * action {id}, an officer, an admin */
	NEED_ANALYST,             /* analyst, officer, admin */
	NEED_OFFICER,             /* officer, admin */
	NEED_ADMIN,
};

extern const struct http_site safer_site;

/* The site's authorize (access.c): fill r->auth, say who acts to the
 * store, choose the form token, and refuse (401, 403) what the route's
 * need does not allow.  0 to go on to the handler. */
int site_authorize(struct req *r, struct resp *w);

#endif
