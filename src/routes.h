/*
 * routes.h: the site safer serves (routes.c): its route table and its
 * error writer, for "safer serve" and for the tests that drive every
 * handler without a socket.
 */
#ifndef SAFER_ROUTES_H
#define SAFER_ROUTES_H

#include "http/http.h"

extern const struct http_site safer_site;

#endif
