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
	const char **former_plain; /* the names alone, as writes take them */
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
	const char *archived_at; /* NULL unless archived */
};

struct person {
	int64_t id;
	const char *name;
	const char *role;
	int64_t organisation_id;
	const char *organisation;
	bool example;
	const char *archived_at; /* NULL unless archived */
};

/* The partnership, or NULL (and e->code ERR_NOT_FOUND) if there is none. */
struct partnership *store_partnership(struct store *s, struct arena *a,
				      struct err *e);
/* Organisations, members first, by name; archived ones left out. */
struct organisation *store_organisations(struct store *s, struct arena *a,
					 size_t *n, struct err *e);
/* One organisation, archived or not. */
struct organisation *store_organisation(struct store *s, struct arena *a,
					int64_t id, struct err *e);
/* People, ordered by name; organisation_id 0 for everyone; archived
 * people left out.  store_person reads one, archived or not. */
struct person *store_people(struct store *s, struct arena *a,
			    int64_t organisation_id, size_t *n, struct err *e);
struct person *store_person(struct store *s, struct arena *a, int64_t id,
			    struct err *e);

/* Which fields of an input were given (for PATCH and edits). */
enum {
	ORG_NAME = 1 << 0,
	ORG_SHORT_NAME = 1 << 1,
	ORG_SECTOR = 1 << 2,
	ORG_MEMBER = 1 << 3,
	ORG_NOTE = 1 << 4,
};

struct organisation_input {
	const char *name;
	const char *short_name;
	const char *sector;
	bool is_member;
	const char *note;
	bool example;
	unsigned set; /* ORG_* bits: for an update, the fields given */
};

enum {
	PERSON_NAME = 1 << 0,
	PERSON_ROLE = 1 << 1,
	PERSON_ORGANISATION = 1 << 2,
};

struct person_input {
	const char *name;
	const char *role;
	int64_t organisation_id;
	bool example;
	unsigned set; /* PERSON_* bits: for an update, the fields given */
};

enum {
	PARTNERSHIP_NAME = 1 << 0,
	PARTNERSHIP_AREA = 1 << 1,
	PARTNERSHIP_DESCRIPTION = 1 << 2,
	PARTNERSHIP_FORMER_NAMES = 1 << 3,
};

struct partnership_input {
	unsigned set; /* PARTNERSHIP_* bits of the fields given */
	const char *name;
	const char *area;
	const char *description;
	const char *const *former_names; /* with PARTNERSHIP_FORMER_NAMES:
					  * the whole list (a name kept keeps
					  * its note) */
	size_t n_former;
};

/* Every write below checks its input (ERR_INVALID naming the field, in
 * the API's names), runs in one transaction and records what it changed
 * (store_audit.h). */
int store_partnership_create(struct store *s, const char *name,
			     const char *area, const char *description,
			     int64_t *id, struct err *e);
int store_former_name_add(struct store *s, int64_t partnership_id,
			  const char *name, const char *note, struct err *e);
/* Change the fields given of the partnership; with no partnership yet,
 * make it (name and area then required).  *id (if not NULL) gets its
 * id. */
int store_partnership_update(struct store *s,
			     const struct partnership_input *in, int64_t *id,
			     struct err *e);
/* Take a former name away: ERR_NOT_FOUND on "former_names" if the
 * partnership has no such former name. */
int store_former_name_remove(struct store *s, int64_t partnership_id,
			     const char *name, struct err *e);
int store_organisation_create(struct store *s,
			      const struct organisation_input *in,
			      int64_t *id, struct err *e);
int store_organisation_update(struct store *s, int64_t id,
			      const struct organisation_input *in,
			      struct err *e);
/* Delete or archive (store.h): archived when people belong to it. */
int store_organisation_remove(struct store *s, int64_t id,
			      enum remove_how how, bool *archived,
			      struct err *e);
int store_person_create(struct store *s, const struct person_input *in,
			int64_t *id, struct err *e);
int store_person_update(struct store *s, int64_t id,
			const struct person_input *in, struct err *e);
/* Delete or archive: archived when anything names the person (an
 * action's owner, a theme's lead, a board's chair or member, an update's
 * author, an account). */
int store_person_remove(struct store *s, int64_t id, enum remove_how how,
			bool *archived, struct err *e);

#endif
