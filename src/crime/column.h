/*
 * column.h: how a column of a batch is kept as a blob in the store.
 *
 * Whole numbers (dictionary ids, lines) are kept in the narrowest width
 * that holds the largest: a blob is one byte giving the width (1, 2 or
 * 4), then the values, little-endian; a column whose values are all the
 * same (the force of a batch, a blank context) is the byte 0 and the one
 * value in four bytes.  Crime ids (32 bytes each, absent for anti-social
 * behaviour) are a bitmap of which rows have one, a bit a row from the
 * low bit of the first byte, then the ids of those rows.  Coordinates are
 * 4 bytes and times 8 bytes, little-endian; flags one byte.  The blobs are
 * the same on every machine and in every backend.
 */
#ifndef SAFER_COLUMN_H
#define SAFER_COLUMN_H

#include "base/buf.h"

/* Append values[perm[i]] (or values[i] if perm is NULL) for i < n. */
void col_put_u32(struct buf *b, const uint32_t *values, const uint32_t *perm,
		 size_t n);
void col_put_i32(struct buf *b, const int32_t *values, const uint32_t *perm,
		 size_t n);
void col_put_i64(struct buf *b, const int64_t *values, const uint32_t *perm,
		 size_t n);
void col_put_i8(struct buf *b, const int8_t *values, const uint32_t *perm,
		size_t n);
/* Values of width bytes where all-zero means absent: a bitmap of the
 * rows present, then only their values. */
void col_put_sparse(struct buf *b, const unsigned char *values, size_t width,
		    const uint32_t *perm, size_t n);

/* Decode a whole-number blob of n values into out[n].  Returns -1 if the
 * blob is not n values of a known width. */
int col_get_u32(const void *blob, size_t len, uint32_t *out, size_t n);

#endif
