/*
 * buf.c: the growable byte buffer (see buf.h for the invariants).
 */
#include <errno.h>

#include "buf.h"

char buf_empty[1];

static size_t buf_max(const struct buf *b)
{
	return b->max ? b->max : BUF_MAX_DEFAULT;
}

void buf_init(struct buf *b, size_t max)
{
	b->ptr = buf_empty;
	b->len = 0;
	b->cap = 0;
	b->max = max;
	b->overflow = false;
}

void buf_release(struct buf *b)
{
	size_t max = b->max;

	if (b->cap)
		free(b->ptr);
	buf_init(b, max);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->overflow = false;
	if (b->cap)
		b->ptr[0] = '\0';
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *p;

	if (len)
		*len = b->len;
	if (!b->cap) {
		p = xmalloc(1);
		p[0] = '\0';
	} else {
		p = b->ptr;
	}
	buf_init(b, b->max);
	return p;
}

bool buf_grow(struct buf *b, size_t extra)
{
	size_t want, cap;

	if (b->overflow)
		return false;
	if (extra > buf_max(b) - b->len) {
		b->overflow = true;
		return false;
	}
	want = b->len + extra + 1;
	if (want <= b->cap)
		return true;
	cap = b->cap ? b->cap : 64;
	while (cap < want)
		cap = cap < SIZE_MAX / 2 ? cap * 2 : want;
	if (b->cap) {
		b->ptr = xrealloc(b->ptr, cap);
	} else {
		b->ptr = xmalloc(cap);
		b->ptr[0] = '\0';
	}
	b->cap = cap;
	return true;
}

void buf_truncate(struct buf *b, size_t len)
{
	if (len > b->len)
		BUG("buf_truncate to %zu beyond length %zu", len, b->len);
	b->len = len;
	if (b->cap)
		b->ptr[len] = '\0';
}

void buf_add(struct buf *b, const void *data, size_t n)
{
	if (!n || !buf_grow(b, n))
		return;
	memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	if (!buf_grow(b, 1))
		return;
	b->ptr[b->len++] = c;
	b->ptr[b->len] = '\0';
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	if (b->overflow)
		return;
	va_copy(cp, ap);
	n = vsnprintf(b->cap ? b->ptr + b->len : NULL,
		      b->cap ? b->cap - b->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		BUG("vsnprintf failed for format '%s'", fmt);
	if ((size_t)n > buf_max(b) - b->len) {
		/* It fitted the memory but not the limit: take it back. */
		b->overflow = true;
		if (b->cap)
			b->ptr[b->len] = '\0';
		return;
	}
	if ((size_t)n >= (b->cap ? b->cap - b->len : 0)) {
		if (!buf_grow(b, (size_t)n)) {
			if (b->cap)
				b->ptr[b->len] = '\0';
			return;
		}
		vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

int buf_read_file(struct buf *b, const char *path, struct err *e)
{
	FILE *f = fopen(path, "rb");
	char chunk[1 << 16];
	size_t got;
	int failed;

	if (!f)
		return err_set(e, ERR_IO, NULL, "cannot read '%s': %s", path,
			       strerror(errno));
	do {
		got = fread(chunk, 1, sizeof(chunk), f);
		buf_add(b, chunk, got);
	} while (got == sizeof(chunk) && !b->overflow);
	failed = ferror(f);
	fclose(f);
	if (failed)
		return err_set(e, ERR_IO, NULL, "cannot read '%s'", path);
	if (b->overflow)
		return err_set(e, ERR_TOO_LARGE, NULL, "'%s' is too large", path);
	return 0;
}
