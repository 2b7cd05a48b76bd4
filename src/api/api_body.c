/*
 * api_body.c: reading a JSON request body into a write's input struct,
 * by a table of the fields it may hold (api.h).  A field that is not in
 * the table, a value of the wrong type, a duplicate key or bad JSON is
 * an error naming the field (or the line and column).
 *
 * An object member ("period": {"start", "end"}) is read member by member
 * as the fields "period.start" and "period.end".  Fields that reads
 * return but writes do not set (F_READ_ONLY: counts, embedded lists) are
 * accepted and ignored, and an "id" (F_SAME_ID) must be the id of the
 * object written, so that a client may send back what it read.
 */
#include <jansson.h>

#include "api.h"

/* Read one id, 1 or more, into *out; -1 with e set naming key. */
static int read_id(const char *key, json_t *v, bool nullable, int64_t *out,
		   struct err *e)
{
	if (!json_is_integer(v) || json_integer_value(v) < 1)
		return err_set(e, ERR_INVALID, key,
			       "must be an id (a whole number, 1 or more)%s",
			       nullable ? " or null" : "");
	*out = (int64_t)json_integer_value(v);
	return 0;
}

/* Read a list of ids or of strings (kind F_IDS or F_TEXTS) into the
 * arena: the array at slot, its length at count. */
static int read_list(struct req *r, const struct api_field *f, json_t *v,
		     char *slot, size_t *count, struct err *e)
{
	size_t n = json_array_size(v), i;
	json_t *x;

	if (!json_is_array(v))
		return err_set(e, ERR_INVALID, f->name, "must be a list of %s",
			       f->kind == F_IDS ? "ids" : "strings");
	if (f->kind == F_IDS) {
		int64_t *ids = arena_array(r->arena, n + 1, sizeof(*ids));

		json_array_foreach(v, i, x)
			if (read_id(f->name, x, false, &ids[i], e) < 0)
				return -1;
		*(int64_t **)(void *)slot = ids;
	} else {
		const char **s = arena_array(r->arena, n + 1, sizeof(*s));

		json_array_foreach(v, i, x) {
			if (!json_is_string(x))
				return err_set(e, ERR_INVALID, f->name,
					       "must be a list of strings");
			s[i] = arena_strndup(r->arena, json_string_value(x),
					     json_string_length(x));
		}
		*(const char ***)(void *)slot = s;
	}
	*count = n;
	return 0;
}

/* Read value into the field f of the struct at out. */
static int read_value(struct req *r, const struct api_field *f, json_t *v,
		      void *out, struct err *e)
{
	char *slot = (char *)out + f->offset;
	char *aux = f->aux ? (char *)out + f->aux : NULL;

	if (f->kind == F_READ_ONLY)
		return 0;
	if (f->kind == F_SAME_ID) {
		int64_t self = *(int64_t *)(void *)slot;

		if (json_is_integer(v) && json_integer_value(v) == self && self)
			return 0;
		return err_set(e, ERR_INVALID, f->name, self ? "cannot be changed"
					: "is given by safer: leave it out");
	}
	if (json_is_null(v)) {
		if (!f->nullable)
			return err_set(e, ERR_INVALID, f->name, "must not be null");
		switch (f->kind) {
		case F_ID:
		case F_INT:
			*(int64_t *)(void *)slot = 0;
			if (aux)
				*(bool *)(void *)aux = false;
			break;
		case F_TEXT:
			*(const char **)(void *)slot = NULL;
			break;
		case F_BOOL:
			*(bool *)(void *)slot = false;
			break;
		case F_JSON:
			*(const char **)(void *)slot = NULL;
			break;
		case F_IDS:
		case F_TEXTS:
			*(void **)(void *)slot = NULL;
			*(size_t *)(void *)aux = 0;
			break;
		case F_READ_ONLY:
		case F_SAME_ID:
			break;
		}
		return 0;
	}
	switch (f->kind) {
	case F_ID:
		return read_id(f->name, v, f->nullable, (int64_t *)(void *)slot, e);
	case F_INT:
		if (!json_is_integer(v) || json_integer_value(v) < 0)
			return err_set(e, ERR_INVALID, f->name,
				       "must be a whole number, 0 or more%s",
				       f->nullable ? ", or null" : "");
		*(int64_t *)(void *)slot = (int64_t)json_integer_value(v);
		if (aux)
			*(bool *)(void *)aux = true;
		return 0;
	case F_TEXT:
		if (!json_is_string(v))
			return err_set(e, ERR_INVALID, f->name, "must be a string%s",
				       f->nullable ? " or null" : "");
		*(const char **)(void *)slot = arena_strndup(
			r->arena, json_string_value(v), json_string_length(v));
		return 0;
	case F_BOOL:
		if (!json_is_boolean(v))
			return err_set(e, ERR_INVALID, f->name,
				       "must be true or false");
		*(bool *)(void *)slot = json_is_true(v);
		return 0;
	case F_IDS:
	case F_TEXTS:
		return read_list(r, f, v, slot, (size_t *)(void *)aux, e);
	case F_JSON: {
		char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

		if (!text)
			return err_set(e, ERR_IO, f->name, "out of memory");
		*(const char **)(void *)slot = arena_strdup(r->arena, text);
		free(text);
		return 0;
	}
	case F_READ_ONLY:
	case F_SAME_ID:
		break;
	}
	return 0;
}

/* The field called name, or NULL. */
static const struct api_field *find_field(const struct api_field *fields,
					  size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(fields[i].name, name) == 0)
			return &fields[i];
	return NULL;
}

/* Whether some field is a member of the object name ("name.x"). */
static bool has_members(const struct api_field *fields, size_t n,
			const char *name)
{
	size_t len = strlen(name);

	for (size_t i = 0; i < n; i++)
		if (strncmp(fields[i].name, name, len) == 0 &&
		    fields[i].name[len] == '.')
			return true;
	return false;
}

/* Read the members of obj, the object prefix ("period"; NULL for the
 * body itself). */
static int read_object(struct req *r, const struct api_field *fields,
		       size_t n, const char *prefix, json_t *obj, void *out,
		       unsigned *set, struct err *e)
{
	const char *key;
	json_t *value;

	json_object_foreach(obj, key, value) {
		const char *name = prefix ? arena_printf(r->arena, "%s.%s", prefix,
							 key)
					  : key;
		const struct api_field *f = find_field(fields, n, name);

		if (!f && json_is_object(value) && has_members(fields, n, name)) {
			if (read_object(r, fields, n, name, value, out, set, e) < 0)
				return -1;
			continue;
		}
		if (!f)
			return err_set(e, ERR_INVALID, name, "unknown field '%s'",
				       name);
		*set |= f->bit;
		if (read_value(r, f, value, out, e) < 0)
			return -1;
	}
	return 0;
}

int api_read_body(struct req *r, const struct api_field *fields, size_t n,
		  void *out, unsigned *set, struct err *e)
{
	json_error_t jerr;
	json_t *root;
	int rc;

	*set = 0;
	root = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root)
		return err_set(e, ERR_INVALID, NULL,
			       "the body is not valid JSON (line %d, column %d): %s",
			       jerr.line, jerr.column, jerr.text);
	if (!json_is_object(root)) {
		json_decref(root);
		return err_set(e, ERR_INVALID, NULL,
			       "the body must be a JSON object");
	}
	rc = read_object(r, fields, n, NULL, root, out, set, e);
	json_decref(root);
	return rc;
}

void api_removed(struct req *r, struct resp *w, int64_t id, bool archived)
{
	struct jw j;

	UNUSED(r);
	api_begin(w, &j);
	jw_obj(&j);
	jw_kv_int(&j, "id", id);
	jw_kv_str(&j, "result", archived ? "archived" : "deleted");
	jw_end(&j);
	api_end(w);
}
