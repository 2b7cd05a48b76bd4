/*
 * column.c: columns as blobs (see column.h).
 */
#include "column.h"

static size_t at(const uint32_t *perm, size_t i)
{
	return perm ? perm[i] : i;
}

void col_put_u32(struct buf *b, const uint32_t *values, const uint32_t *perm,
		 size_t n)
{
	uint32_t max = 0;
	unsigned char width;
	bool same = n > 0;
	char *p;

	for (size_t i = 0; i < n; i++) {
		uint32_t v = values[at(perm, i)];

		if (v > max)
			max = v;
		same &= v == values[at(perm, 0)];
	}
	if (same) {
		buf_addc(b, 0);
		for (unsigned k = 0; k < 4; k++)
			buf_addc(b, (char)(values[at(perm, 0)] >> (8 * k)));
		return;
	}
	width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
	buf_addc(b, (char)width);
	if (!buf_grow(b, n * width))
		return;
	p = b->ptr + b->len;
	for (size_t i = 0; i < n; i++) {
		uint32_t v = values[at(perm, i)];

		for (unsigned k = 0; k < width; k++)
			*p++ = (char)(v >> (8 * k));
	}
	b->len += n * width;
	b->ptr[b->len] = '\0';
}

void col_put_sparse(struct buf *b, const unsigned char *values, size_t width,
		    const uint32_t *perm, size_t n)
{
	static const unsigned char zero[64];
	size_t map = b->len;

	if (width > sizeof(zero))
		BUG("col_put_sparse: width %zu", width);
	if (!buf_grow(b, (n + 7) / 8))
		return;
	memset(b->ptr + map, 0, (n + 7) / 8);
	b->len += (n + 7) / 8;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *v = values + at(perm, i) * width;

		if (memcmp(v, zero, width) == 0)
			continue;
		b->ptr[map + i / 8] = (char)(b->ptr[map + i / 8] | (1 << (i % 8)));
		buf_add(b, v, width);
	}
	b->ptr[b->len] = '\0';
}

void col_put_i32(struct buf *b, const int32_t *values, const uint32_t *perm,
		 size_t n)
{
	char *p;

	if (!buf_grow(b, n * 4))
		return;
	p = b->ptr + b->len;
	for (size_t i = 0; i < n; i++) {
		uint32_t v = (uint32_t)values[at(perm, i)];

		for (unsigned k = 0; k < 4; k++)
			*p++ = (char)(v >> (8 * k));
	}
	b->len += n * 4;
	b->ptr[b->len] = '\0';
}

void col_put_i64(struct buf *b, const int64_t *values, const uint32_t *perm,
		 size_t n)
{
	char *p;

	if (!buf_grow(b, n * 8))
		return;
	p = b->ptr + b->len;
	for (size_t i = 0; i < n; i++) {
		uint64_t v = (uint64_t)values[at(perm, i)];

		for (unsigned k = 0; k < 8; k++)
			*p++ = (char)(v >> (8 * k));
	}
	b->len += n * 8;
	b->ptr[b->len] = '\0';
}

void col_put_i8(struct buf *b, const int8_t *values, const uint32_t *perm,
		size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_addc(b, (char)values[at(perm, i)]);
}

int col_get_u32(const void *blob, size_t len, uint32_t *out, size_t n)
{
	const unsigned char *p = blob;
	unsigned width;

	if (len < 1)
		return n ? -1 : 0;
	width = p[0];
	if (width == 0 && len == 5) {
		uint32_t v = (uint32_t)p[1] | (uint32_t)p[2] << 8 |
			     (uint32_t)p[3] << 16 | (uint32_t)p[4] << 24;

		for (size_t i = 0; i < n; i++)
			out[i] = v;
		return 0;
	}
	if ((width != 1 && width != 2 && width != 4) || len != 1 + n * width)
		return -1;
	p++;
	switch (width) {
	case 1:
		for (size_t i = 0; i < n; i++)
			out[i] = p[i];
		break;
	case 2:
		for (size_t i = 0; i < n; i++)
			out[i] = (uint32_t)p[2 * i] | (uint32_t)p[2 * i + 1] << 8;
		break;
	default:
		for (size_t i = 0; i < n; i++)
			out[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 |
				 (uint32_t)p[4 * i + 2] << 16 |
				 (uint32_t)p[4 * i + 3] << 24;
	}
	return 0;
}
