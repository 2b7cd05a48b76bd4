/*
 * request.c: reading a request (headers, query, form) and writing the
 * common kinds of response.
 */
#include <strings.h>

#include "base/esc.h"
#include "base/json.h"
#include "base/text.h"
#include "http.h"

const char *http_header(const struct req *r, const char *name)
{
	for (size_t i = 0; i < r->n_headers; i++)
		if (strcasecmp(r->headers[i].key, name) == 0)
			return r->headers[i].value;
	return NULL;
}

const char *http_cookie(const struct req *r, const char *name)
{
	const char *cookie = http_header(r, "Cookie");
	size_t n = strlen(name);

	for (const char *c = cookie; c && *c;) {
		while (*c == ' ' || *c == ';')
			c++;
		if (strncmp(c, name, n) == 0 && c[n] == '=') {
			const char *v = c + n + 1;

			return arena_strndup(r->arena, v, strcspn(v, ";"));
		}
		c += strcspn(c, ";");
	}
	return NULL;
}

static const char *lookup(const struct kv *kv, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(kv[i].key, name) == 0)
			return kv[i].value;
	return NULL;
}

static _Atomic unsigned long undeclared_reads;

unsigned long http_undeclared_reads(void)
{
	return undeclared_reads;
}

const char *http_query(const struct req *r, const char *name)
{
	/* A handler reading what its route does not declare is a bug in
	 * safer; the parameter was dropped before the handler ran, so it
	 * reads as absent.  Said on standard error, counted for the tests
	 * (test_every_route), and never fatal: the server keeps serving. */
	if (r->route && !http_route_param(r->route, name, NULL)) {
		if (undeclared_reads++ < 100)
			fprintf(stderr, "safer: bug: the handler of %s reads the "
					"query parameter '%s', which its route "
					"does not declare\n",
				r->route->pattern, name);
		return NULL;
	}
	return lookup(r->query, r->n_query, name);
}

const char *http_form(const struct req *r, const char *name)
{
	return lookup(r->form, r->n_form, name);
}

int http_query_id(const struct req *r, const char *name, int64_t *id,
		  struct err *e)
{
	const char *v = http_query(r, name);

	*id = 0;
	if (!v || !*v)
		return 0;
	return text_int64(v, 1, INT64_MAX, id, name, e);
}

int http_query_bool(const struct req *r, const char *name, bool *out,
		    struct err *e)
{
	const char *v = http_query(r, name);

	*out = v && strcmp(v, "true") == 0;
	if (v && *v && !*out && strcmp(v, "false") != 0)
		return err_set(e, ERR_INVALID, name, "must be true or false");
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode n bytes of s ('+' and %XX) into a new arena string; *len gets
 * its length.  A '%' not followed by two hex digits is kept as it is. */
static char *decode(struct arena *a, const char *s, size_t n, size_t *len)
{
	char *out = arena_alloc(a, n + 1), *p = out;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			*p++ = ' ';
		} else if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 &&
			   hexval(s[i + 2]) >= 0) {
			*p++ = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else {
			*p++ = s[i];
		}
	}
	*p = '\0';
	*len = (size_t)(p - out);
	return out;
}

int http_parse_urlencoded(struct arena *a, const char *s, size_t n,
			  struct kv **out, size_t *count, size_t max,
			  struct err *e)
{
	size_t pairs = 1, k = 0, i = 0;
	struct kv *kv;

	*out = NULL;
	*count = 0;
	if (!n)
		return 0;
	for (size_t j = 0; j < n; j++)
		if (s[j] == '&')
			pairs++;
	if (pairs > max)
		return err_set(e, ERR_INVALID, NULL,
			       "too many parameters (at most %zu)", max);
	kv = arena_array(a, pairs, sizeof(*kv));
	while (i < n) {
		size_t end = i, eq, klen, vlen;
		const char *amp = memchr(s + i, '&', n - i);
		char *key, *value;

		end = amp ? (size_t)(amp - s) : n;
		eq = i;
		while (eq < end && s[eq] != '=')
			eq++;
		if (end > i) {
			key = decode(a, s + i, eq - i, &klen);
			value = eq < end ? decode(a, s + eq + 1, end - eq - 1, &vlen)
					 : decode(a, "", 0, &vlen);
			if (!utf8_valid(key, klen))
				return err_set(e, ERR_INVALID, NULL,
					       "a parameter name is not valid "
					       "UTF-8 text");
			if (!utf8_valid(value, vlen))
				return err_set(e, ERR_INVALID, key,
					       "is not valid UTF-8 text");
			kv[k].key = key;
			kv[k].value = value;
			k++;
		}
		i = end + 1;
	}
	*out = kv;
	*count = k;
	return 0;
}

void resp_header(struct resp *w, const char *name, const char *value)
{
	if (w->n_headers >= ARRAY_SIZE(w->headers))
		BUG("too many response headers (adding '%s')", name);
	w->headers[w->n_headers].key = name;
	w->headers[w->n_headers].value = value;
	w->n_headers++;
}

const char *resp_get_header(const struct resp *w, const char *name)
{
	for (size_t i = 0; i < w->n_headers; i++)
		if (strcasecmp(w->headers[i].key, name) == 0)
			return w->headers[i].value;
	return NULL;
}

void resp_finish(struct resp *w)
{
	if (w->status == 503 && !resp_get_header(w, "Retry-After"))
		resp_header(w, "Retry-After", HTTP_RETRY_AFTER);
}

void resp_redirect(struct resp *w, struct arena *a, const char *location)
{
	w->status = 303;
	w->content_type = "text/plain; charset=utf-8";
	resp_header(w, "Location", arena_strdup(a, location));
	buf_reset(&w->body);
	buf_adds(&w->body, "See Other\n");
}

void resp_api_error_status(struct resp *w, int status, const char *code,
			   const char *message, const char *field)
{
	struct jw j;

	w->status = status;
	w->content_type = "application/json";
	buf_reset(&w->body);
	jw_init(&j, &w->body, false);
	jw_obj(&j);
	jw_key(&j, "error");
	jw_obj(&j);
	jw_kv_str(&j, "code", code);
	jw_kv_str(&j, "message", message);
	jw_kv_str(&j, "field", field && *field ? field : NULL);
	jw_end(&j);
	jw_end(&j);
	buf_addc(&w->body, '\n');
}

void resp_api_error(struct resp *w, const struct err *e)
{
	resp_api_error_status(w, err_http_status(e->code), err_code_name(e->code),
			      e->msg, e->field);
}
