/*
 * api_body.c: reading a request's JSON body into an input struct by a
 * table of fields (api.h), for the writes of plans, themes, priority
 * areas, frameworks and outcomes.
 *
 * A body is a JSON object whose members are the fields a read returns:
 * an object member ("period": {"start", "end"}) is read member by member
 * as "period.start", "period.end".  A member that is not in the table,
 * a value of the wrong type, a duplicate key or bad JSON is refused
 * (ERR_INVALID naming the field).  Fields that a read returns but a
 * write cannot change (API_READ_ONLY: counts, embedded lists, dates set
 * by safer) are accepted and ignored, so that a client may send back
 * what it read; "id" must then be the id of the object written.
 */
#include <jansson.h>

#include "api.h"

/* Read one value into its slot. */
static int read_value(struct req *r, const struct api_field *f, const char *key,
		      json_t *value, void *out, unsigned *set, struct err *e)
{
	char *slot = (char *)out + f->offset;

	if (f->kind == API_READ_ONLY)
		return 0;
	*set |= f->bit;
	if (json_is_null(value)) {
		if (!f->nullable)
			return err_set(e, ERR_INVALID, key, "must not be null");
		if (f->kind == API_TEXT)
			*(const char **)(void *)slot = NULL;
		else if (f->kind == API_IDS)
			*(size_t *)(void *)((char *)out + f->count_offset) = 0;
		else
			*(int64_t *)(void *)slot = 0;
		return 0;
	}
	switch (f->kind) {
	case API_ID:
		if (!json_is_integer(value) || json_integer_value(value) < 1)
			return err_set(e, ERR_INVALID, key,
				       "must be an id (a whole number, 1 or more)%s",
				       f->nullable ? " or null" : "");
		*(int64_t *)(void *)slot = (int64_t)json_integer_value(value);
		return 0;
	case API_INT:
		if (!json_is_integer(value))
			return err_set(e, ERR_INVALID, key, "must be a whole number");
		*(int64_t *)(void *)slot = (int64_t)json_integer_value(value);
		return 0;
	case API_TEXT:
		if (!json_is_string(value))
			return err_set(e, ERR_INVALID, key, "must be a string%s",
				       f->nullable ? " or null" : "");
		*(const char **)(void *)slot = arena_strndup(
			r->arena, json_string_value(value), json_string_length(value));
		return 0;
	case API_IDS: {
		size_t n = json_is_array(value) ? json_array_size(value) : 0;
		int64_t *ids = arena_array(r->arena, n + 1, sizeof(*ids));

		if (!json_is_array(value))
			return err_set(e, ERR_INVALID, key, "must be a list of ids");
		for (size_t i = 0; i < n; i++) {
			json_t *v = json_array_get(value, i);

			if (!json_is_integer(v) || json_integer_value(v) < 1)
				return err_set(e, ERR_INVALID, key,
					       "must be a list of ids (whole "
					       "numbers, 1 or more)");
			ids[i] = (int64_t)json_integer_value(v);
		}
		*(const int64_t **)(void *)slot = ids;
		*(size_t *)(void *)((char *)out + f->count_offset) = n;
		return 0;
	}
	case API_READ_ONLY:
		break;
	}
	return 0;
}

/* The field called name, or NULL. */
static const struct api_field *find(const struct api_field *fields, size_t n,
				    const char *name)
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

static int read_object(struct req *r, const struct api_field *fields,
		       size_t n, int64_t self, const char *prefix,
		       json_t *obj, void *out, unsigned *set, struct err *e)
{
	const char *key;
	json_t *value;

	json_object_foreach(obj, key, value) {
		char *name = prefix ? arena_printf(r->arena, "%s.%s", prefix, key)
				    : (char *)key;
		const struct api_field *f = find(fields, n, name);

		if (!prefix && strcmp(key, "id") == 0) {
			if (!self || !json_is_integer(value) ||
			    json_integer_value(value) != self)
				return err_set(e, ERR_INVALID, "id",
					       self ? "cannot be changed"
						    : "is given by safer: leave it out");
			continue;
		}
		if (!f && json_is_object(value) && has_members(fields, n, name)) {
			if (read_object(r, fields, n, self, name, value, out, set,
					e) < 0)
				return -1;
			continue;
		}
		if (!f)
			return err_set(e, ERR_INVALID, name, "unknown field '%s'",
				       name);
		if (read_value(r, f, name, value, out, set, e) < 0)
			return -1;
	}
	return 0;
}

int api_read_body(struct req *r, const struct api_field *fields, size_t n,
		  int64_t self, void *out, unsigned *set, struct err *e)
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
		return err_set(e, ERR_INVALID, NULL, "the body must be a JSON object");
	}
	rc = read_object(r, fields, n, self, NULL, root, out, set, e);
	json_decref(root);
	return rc;
}
