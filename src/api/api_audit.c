/*
 * api_audit.c: GET /api/v1/audit, the record of every change, newest
 * first, filtered by object_type, object_id, user, from and to (dates,
 * inclusive); limit and offset page through it.
 */
#include "api.h"
#include "store/store_audit.h"

/* A query parameter given empty counts as not given. */
static const char *param(struct req *r, const char *name)
{
	const char *v = http_query(r, name);

	return v && *v ? v : NULL;
}

void api_audit(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct audit_filter f = { 0 };
	struct audit_entry *en;
	struct jw j;
	size_t n;

	f.object_type = param(r, "object_type");
	f.user = param(r, "user");
	f.from = param(r, "from");
	f.to = param(r, "to");
	if (http_query_id(r, "object_id", &f.object_id, &e) < 0 ||
	    http_query_id(r, "limit", &f.limit, &e) < 0 ||
	    http_query_id(r, "offset", &f.offset, &e) < 0 ||
	    !(en = store_audit_list(r->store, r->arena, &f, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_audit(&j, en, n);
	api_end(w);
}
