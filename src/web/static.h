/*
 * static.h: files the server carries inside the binary (the stylesheet),
 * generated into build/gen/static_files.c by tools/embed.sh.
 */
#ifndef SAFER_STATIC_H
#define SAFER_STATIC_H

#include <stddef.h>

struct static_file {
	const char *path; /* "/static/safer.css" */
	const char *type; /* Content-Type */
	const unsigned char *data;
	size_t size;
};

/* Ends with an entry whose path is NULL. */
extern const struct static_file static_files[];

#endif
