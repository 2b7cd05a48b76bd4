/*
 * store_people.h: the partnership, organisations and people (store_people.c).
 *
 * Part of the store's interface (store.h says how all of it works).
 */
#ifndef SAFER_STORE_PEOPLE_H
#define SAFER_STORE_PEOPLE_H

#include "store.h"

struct partnership {
	int64_t id;
	const char *name;
	const char *area;
	const char *description;
	const char **former_names; /* "name (note)" */
	size_t n_former;
};

struct organisation {
	int64_t id;
	const char *name;
	const char *short_name;
	const char *sector;
	bool is_member;
	const char *note;
	bool example;
	size_t n_people;
};

struct person {
	int64_t id;
	const char *name;
	const char *role;
	int64_t organisation_id;
	const char *organisation;
	bool example;
};

/* The partnership, or NULL (and e->code ERR_NOT_FOUND) if there is none. */
struct partnership *store_partnership(struct store *s, struct arena *a,
				      struct err *e);
struct organisation *store_organisations(struct store *s, struct arena *a,
					 size_t *n, struct err *e);
/* People, ordered by name; organisation_id 0 for everyone. */
struct person *store_people(struct store *s, struct arena *a,
			    int64_t organisation_id, size_t *n, struct err *e);
struct person *store_person(struct store *s, struct arena *a, int64_t id,
			    struct err *e);

struct organisation_input {
	const char *name;
	const char *short_name;
	const char *sector;
	bool is_member;
	const char *note;
	bool example;
};

struct person_input {
	const char *name;
	const char *role;
	int64_t organisation_id;
	bool example;
};

int store_partnership_create(struct store *s, const char *name,
			     const char *area, const char *description,
			     int64_t *id, struct err *e);
int store_former_name_add(struct store *s, int64_t partnership_id,
			  const char *name, const char *note, struct err *e);
int store_organisation_create(struct store *s,
			      const struct organisation_input *in,
			      int64_t *id, struct err *e);
int store_person_create(struct store *s, const struct person_input *in,
			int64_t *id, struct err *e);

#endif
