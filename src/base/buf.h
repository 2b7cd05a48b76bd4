/*
 * buf.h: the growable byte buffer used for all text safer builds.
 *
 * Invariants:
 *  - ptr is never NULL and ptr[len] is always '\0', so a buffer can be
 *    used as a C string at any time.  An unused buffer points at a shared
 *    empty string and owns no memory (cap == 0).
 *  - len never exceeds max.  An append that would pass max appends
 *    nothing and sets overflow; every later append is ignored, so a
 *    caller can build a whole response and check once at the end.  This
 *    is how sizes chosen by users (request bodies, uploaded files) fail
 *    cleanly instead of exhausting memory (curl's dynbuf does the same).
 *
 * Life cycle: struct buf b = BUF_INIT (max = BUF_MAX_DEFAULT) or
 * buf_init(&b, max); appends; then buf_release(&b) frees the memory, or
 * buf_detach(&b) hands it to the caller, who frees it with free().
 */
#ifndef SAFER_BUF_H
#define SAFER_BUF_H

#include "base.h"
#include "err.h"

#define BUF_MAX_DEFAULT ((size_t)1 << 30) /* 1 GiB */

struct buf {
	char *ptr;
	size_t len;
	size_t cap;
	size_t max; /* 0 means BUF_MAX_DEFAULT */
	bool overflow;
};

extern char buf_empty[1];
#define BUF_INIT { buf_empty, 0, 0, 0, false }

/* Start an empty buffer that refuses to grow beyond max bytes. */
void buf_init(struct buf *b, size_t max);

/* Free the buffer's memory and leave it empty and usable. */
void buf_release(struct buf *b);

/* Empty the buffer, keeping its memory for reuse; clears overflow. */
void buf_reset(struct buf *b);

/* Return the contents as a malloc'd NUL-terminated string owned by the
 * caller (free()), leaving the buffer empty.  Never returns NULL. */
char *buf_detach(struct buf *b, size_t *len);

/* Make room for extra more bytes.  Returns false (and sets overflow) if
 * that would pass max. */
bool buf_grow(struct buf *b, size_t extra);

/* Shorten to len bytes (len <= b->len). */
void buf_truncate(struct buf *b, size_t len);

/* Appenders.  Each returns nothing: check b->overflow once at the end. */
void buf_add(struct buf *b, const void *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);

/* Append the whole file at path to b.  Fails with ERR_IO naming the file
 * (or ERR_TOO_LARGE past b's limit). */
int buf_read_file(struct buf *b, const char *path, struct err *e);

#endif
