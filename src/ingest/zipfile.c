/*
 * zipfile.c: reading a zip archive once, file by file (see zipfile.h).
 *
 * The layout (PKWARE's APPNOTE.TXT): each file is a local header (30
 * bytes, its name and extra fields) followed by its compressed bytes;
 * after the files comes the central directory, one 46-byte record per
 * file (with its name, extra fields and comment), then the end of
 * central directory record (22 bytes and a comment of up to 65,535).
 * ZIP64 archives put 0xFFFF or 0xFFFFFFFF in the end record and the
 * real counts in a ZIP64 end record, found through a locator just before
 * the end record; and 0xFFFFFFFF in a file's record with the real sizes
 * and offset in its extra field 0x0001.  Every number is little-endian.
 *
 * Nothing read from the archive is trusted: every offset and length is
 * checked against the archive's size before it is used, files must not
 * overlap, and a file's claimed size is checked against what deflate can
 * make of its compressed bytes before memory is given to it.
 */
#include <errno.h>
#include <fcntl.h>
#include <libdeflate.h>
#include <sys/stat.h>
#include <unistd.h>

#include "zipfile.h"

#define SIG_LOCAL 0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_END 0x06054b50u
#define SIG_END64 0x06064b50u
#define SIG_LOCATOR64 0x07064b50u
#define SIG_DESCRIPTOR 0x08074b50u

#define LOCAL_SIZE 30
#define CENTRAL_SIZE 46
#define END_SIZE 22
#define END64_SIZE 56
#define LOCATOR64_SIZE 20
#define MAX_COMMENT 65535
#define MAX_DIRECTORY ((uint64_t)1 << 28) /* 256 MiB: millions of files */
#define DEFLATE_MAX_RATIO 1032 /* deflate makes at most 1,032 bytes of one */

struct zipfile {
	int fd;
	bool own_fd;
	char *path;
	uint64_t size;     /* of the archive */
	uint64_t data_end; /* where the central directory begins */
	uint64_t read_end; /* the end of the last file read */
	struct zipfile_entry *v;
	size_t n;
};

static uint16_t get16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint64_t get64(const unsigned char *p)
{
	return get32(p) | (uint64_t)get32(p + 4) << 32;
}

/* Read n bytes at off, which the caller has checked lie in the file. */
static int read_at(struct zipfile *z, void *buf, size_t n, uint64_t off,
		   struct err *e)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = pread(z->fd, (char *)buf + done, n - done,
				  (off_t)(off + done));

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return err_set(e, ERR_IO, NULL, "cannot read the zip file '%s': %s",
				       z->path, strerror(errno));
		if (r == 0)
			return err_set(e, ERR_IO, NULL,
				       "cannot read the zip file '%s': it grew shorter "
				       "while being read",
				       z->path);
		done += (size_t)r;
	}
	return 0;
}

/* A name from the archive, as a C string: one with a NUL is no name. */
static char *copy_name(const unsigned char *p, size_t n)
{
	if (memchr(p, '\0', n))
		return xstrdup("");
	{
		char *s = xmalloc(n + 1);

		memcpy(s, p, n);
		s[n] = '\0';
		return s;
	}
}

/* A zip with no end record: walk its files from the start to say where
 * it is cut (a download cut short), or that it is no zip at all. */
static int cut_short(struct zipfile *z, struct err *e)
{
	unsigned char h[LOCAL_SIZE];
	uint64_t pos = 0;
	char *last = NULL;
	int rc;

	if (z->size == 0)
		return err_set(e, ERR_INVALID, NULL,
			       "cannot read the zip file '%s': it is empty", z->path);
	for (;;) {
		uint64_t start, csize;
		uint16_t flags;
		size_t n, m;

		if (z->size - pos < LOCAL_SIZE || read_at(z, h, sizeof(h), pos, NULL) < 0 ||
		    get32(h) != SIG_LOCAL)
			break;
		flags = get16(h + 6);
		csize = get32(h + 18);
		n = get16(h + 26);
		m = get16(h + 28);
		if (z->size - pos - LOCAL_SIZE < n)
			break;
		free(last);
		last = xmalloc(n + 1);
		if (read_at(z, last, n, pos + LOCAL_SIZE, NULL) < 0)
			break;
		last[n] = '\0';
		start = pos + LOCAL_SIZE + n + m;
		if ((flags & 8) && csize == 0) {
			/* Its sizes come after its data: it cannot be stepped over. */
			rc = err_set(e, ERR_INVALID, NULL,
				     "cannot read the zip file '%s': it is cut short "
				     "or damaged (it has no central directory at its "
				     "end); the last file found in it is '%s'",
				     z->path, last);
			free(last);
			return rc;
		}
		if (start > z->size || csize > z->size - start) {
			rc = err_set(e, ERR_INVALID, NULL,
				     "%s:%s: cannot read this file of the zip: the zip "
				     "file is cut short (it ends %llu bytes into this "
				     "file's %llu compressed bytes)",
				     z->path, last,
				     (unsigned long long)(start < z->size ? z->size - start : 0),
				     (unsigned long long)csize);
			free(last);
			return rc;
		}
		pos = start + csize;
		if (flags & 8) {
			unsigned char sig[4];

			pos += 12;
			if (z->size - start - csize >= 4 &&
			    read_at(z, sig, 4, start + csize, NULL) == 0 &&
			    get32(sig) == SIG_DESCRIPTOR)
				pos += 4;
			if (pos > z->size)
				break;
		}
	}
	if (last)
		rc = err_set(e, ERR_INVALID, NULL,
			     "cannot read the zip file '%s': it is cut short or "
			     "damaged after '%s' (it has no central directory at "
			     "its end)",
			     z->path, last);
	else
		rc = err_set(e, ERR_INVALID, NULL,
			     "cannot read the zip file '%s': it is not a zip file, "
			     "or it is damaged",
			     z->path);
	free(last);
	return rc;
}

static int damaged(struct zipfile *z, const char *what, struct err *e)
{
	return err_set(e, ERR_INVALID, NULL,
		       "cannot read the zip file '%s': it is damaged (%s)", z->path,
		       what);
}

/* Find the end record, and from it (or its ZIP64 record) the central
 * directory: *count records of *cd_size bytes at *cd_off. */
static int find_directory(struct zipfile *z, uint64_t *cd_off, uint64_t *cd_size,
			  uint64_t *count, struct err *e)
{
	size_t len = z->size < END_SIZE + MAX_COMMENT ? (size_t)z->size
						      : END_SIZE + MAX_COMMENT;
	unsigned char *tail, *p = NULL;
	uint64_t end, limit;
	uint32_t disk, cd_disk;
	int rc = 0;

	if (len < END_SIZE)
		return cut_short(z, e);
	tail = xmalloc(len);
	if (read_at(z, tail, len, z->size - len, e) < 0) {
		free(tail);
		return -1;
	}
	for (size_t i = len - END_SIZE + 1; i-- > 0;)
		if (get32(tail + i) == SIG_END &&
		    i + END_SIZE + get16(tail + i + 20) <= len) {
			p = tail + i;
			break;
		}
	if (!p) {
		free(tail);
		return cut_short(z, e);
	}
	end = z->size - len + (uint64_t)(p - tail);
	disk = get16(p + 4);
	cd_disk = get16(p + 6);
	*count = get16(p + 10);
	*cd_size = get32(p + 12);
	*cd_off = get32(p + 16);
	limit = end;
	if (*count == 0xFFFF || *cd_size == 0xFFFFFFFF || *cd_off == 0xFFFFFFFF) {
		unsigned char loc[LOCATOR64_SIZE], rec[END64_SIZE];
		uint64_t at;

		if (end < LOCATOR64_SIZE ||
		    read_at(z, loc, sizeof(loc), end - LOCATOR64_SIZE, NULL) < 0 ||
		    get32(loc) != SIG_LOCATOR64) {
			rc = damaged(z, "its ZIP64 end record is missing", e);
			goto out;
		}
		at = get64(loc + 8);
		if (at > end - LOCATOR64_SIZE || end - LOCATOR64_SIZE - at < END64_SIZE ||
		    read_at(z, rec, sizeof(rec), at, NULL) < 0 ||
		    get32(rec) != SIG_END64) {
			rc = damaged(z, "its ZIP64 end record is missing", e);
			goto out;
		}
		disk = get32(rec + 16);
		cd_disk = get32(rec + 20);
		*count = get64(rec + 32);
		*cd_size = get64(rec + 40);
		*cd_off = get64(rec + 48);
		limit = at;
	}
	if (disk || cd_disk) {
		rc = err_set(e, ERR_INVALID, NULL,
			     "cannot read the zip file '%s': it is one part of a zip "
			     "split into several files; join them first (zip -s 0)",
			     z->path);
		goto out;
	}
	if (*cd_off > limit || *cd_size > limit - *cd_off ||
	    *count > *cd_size / CENTRAL_SIZE) {
		rc = damaged(z, "its central directory does not fit in it", e);
		goto out;
	}
	if (*cd_size > MAX_DIRECTORY) {
		rc = err_set(e, ERR_TOO_LARGE, NULL,
			     "cannot read the zip file '%s': its central directory "
			     "is larger than %llu MiB",
			     z->path, (unsigned long long)(MAX_DIRECTORY >> 20));
		goto out;
	}
out:
	free(tail);
	return rc;
}

/* The ZIP64 extra field of a record: the sizes and offset it gives. */
static int read_zip64(struct zipfile_entry *f, const unsigned char *x, size_t m,
		      uint32_t usize32, uint32_t csize32, uint32_t off32)
{
	while (m >= 4) {
		uint16_t id = get16(x), n = get16(x + 2);

		if ((size_t)n > m - 4)
			return -1;
		if (id == 0x0001) {
			const unsigned char *q = x + 4;
			size_t left = n;

			if (usize32 == 0xFFFFFFFF) {
				if (left < 8)
					return -1;
				f->size = get64(q);
				q += 8;
				left -= 8;
			}
			if (csize32 == 0xFFFFFFFF) {
				if (left < 8)
					return -1;
				f->csize = get64(q);
				q += 8;
				left -= 8;
			}
			if (off32 == 0xFFFFFFFF) {
				if (left < 8)
					return -1;
				f->offset = get64(q);
			}
			return 0;
		}
		x += 4 + n;
		m -= 4 + (size_t)n;
	}
	return 0;
}

static int by_offset(const void *a, const void *b)
{
	const struct zipfile_entry *x = a, *y = b;

	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static int read_directory(struct zipfile *z, struct err *e)
{
	uint64_t cd_off = 0, cd_size = 0, count = 0, pos = 0;
	unsigned char *cd;
	int rc = -1;

	if (find_directory(z, &cd_off, &cd_size, &count, e) < 0)
		return -1;
	z->data_end = cd_off;
	cd = xmalloc(cd_size ? (size_t)cd_size : 1);
	if (read_at(z, cd, (size_t)cd_size, cd_off, e) < 0)
		goto out;
	z->v = xcalloc(count ? (size_t)count : 1, sizeof(*z->v));
	for (uint64_t i = 0; i < count; i++) {
		struct zipfile_entry *f = &z->v[z->n];
		const unsigned char *p = cd + pos;
		uint32_t usize32, csize32, off32;
		size_t n, m, k;

		if (cd_size - pos < CENTRAL_SIZE || get32(p) != SIG_CENTRAL) {
			damaged(z, "its central directory is cut short", e);
			goto out;
		}
		n = get16(p + 28);
		m = get16(p + 30);
		k = get16(p + 32);
		if (cd_size - pos - CENTRAL_SIZE < n + m + k) {
			damaged(z, "its central directory is cut short", e);
			goto out;
		}
		f->flags = get16(p + 8);
		f->method = get16(p + 10);
		f->crc = get32(p + 16);
		csize32 = get32(p + 20);
		usize32 = get32(p + 24);
		off32 = get32(p + 42);
		f->csize = csize32;
		f->size = usize32;
		f->offset = off32;
		f->name = copy_name(p + CENTRAL_SIZE, n);
		z->n++;
		f->dir = n && p[CENTRAL_SIZE + n - 1] == '/';
		if (read_zip64(f, p + CENTRAL_SIZE + n, m, usize32, csize32, off32) < 0) {
			err_set(e, ERR_INVALID, NULL,
				"%s:%s: cannot read this file of the zip: the zip file "
				"is damaged (its ZIP64 sizes are cut short)",
				z->path, f->name);
			goto out;
		}
		pos += CENTRAL_SIZE + n + m + k;
	}
	qsort(z->v, z->n, sizeof(*z->v), by_offset);
	rc = 0;
out:
	free(cd);
	return rc;
}

struct zipfile *zipfile_open_fd(int fd, const char *path, struct err *e)
{
	struct zipfile *z = xcalloc(1, sizeof(*z));
	struct stat st;

	z->fd = fd;
	z->path = xstrdup(path);
	if (fstat(fd, &st) != 0) {
		err_set(e, ERR_IO, NULL, "cannot read the zip file '%s': %s", path,
			strerror(errno));
		zipfile_close(z);
		return NULL;
	}
	z->size = (uint64_t)st.st_size;
	if (read_directory(z, e) < 0) {
		zipfile_close(z);
		return NULL;
	}
	return z;
}

struct zipfile *zipfile_open(const char *path, struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct zipfile *z;

	if (fd < 0) {
		err_set(e, ERR_IO, NULL, "cannot read the zip file '%s': %s", path,
			strerror(errno));
		return NULL;
	}
	z = zipfile_open_fd(fd, path, e);
	if (!z) {
		close(fd);
		return NULL;
	}
	z->own_fd = true;
	return z;
}

size_t zipfile_count(const struct zipfile *z)
{
	return z->n;
}

const struct zipfile_entry *zipfile_entry(const struct zipfile *z, size_t i)
{
	return &z->v[i];
}

int zipfile_read(struct zipfile *z, size_t i, size_t max, char **data,
		 struct err *e)
{
	const struct zipfile_entry *f = &z->v[i];
	unsigned char h[LOCAL_SIZE];
	uint64_t start;

	*data = NULL;
	if (f->size > max || f->csize > max)
		return err_set(e, ERR_TOO_LARGE, NULL,
			       "%s:%s: too large: more than %zu MiB", z->path,
			       f->name, max >> 20);
	if (f->offset < z->read_end)
		return err_set(e, ERR_INVALID, NULL,
			       "%s:%s: cannot read this file of the zip: the zip file "
			       "is damaged (this file overlaps the one before)",
			       z->path, f->name);
	if (f->offset > z->data_end || z->data_end - f->offset < LOCAL_SIZE ||
	    read_at(z, h, sizeof(h), f->offset, NULL) < 0 || get32(h) != SIG_LOCAL)
		return err_set(e, ERR_INVALID, NULL,
			       "%s:%s: cannot read this file of the zip: the zip file "
			       "is damaged (the file is not where its central "
			       "directory says)",
			       z->path, f->name);
	start = f->offset + LOCAL_SIZE + get16(h + 26) + get16(h + 28);
	if (start > z->data_end || f->csize > z->data_end - start)
		return err_set(e, ERR_INVALID, NULL,
			       "%s:%s: cannot read this file of the zip: the zip file "
			       "is damaged (the file runs past the end of the files)",
			       z->path, f->name);
	*data = xmalloc(f->csize ? (size_t)f->csize : 1);
	if (read_at(z, *data, (size_t)f->csize, start, e) < 0) {
		free(*data);
		*data = NULL;
		return -1;
	}
	z->read_end = start + f->csize;
	return 0;
}

int zipfile_inflate(const struct zipfile_entry *f, const char *name,
		    const char *data, size_t max, char **out, struct err *e)
{
	char *buf;

	*out = NULL;
	if (f->flags & 1)
		return err_set(e, ERR_INVALID, NULL,
			       "%s: cannot read this file of the zip: it is "
			       "encrypted",
			       name);
	if (f->method != 0 && f->method != 8)
		return err_set(e, ERR_INVALID, NULL,
			       "%s: cannot read this file of the zip: it is "
			       "compressed with method %u, and safer reads stored "
			       "and deflated files (what zip tools write)",
			       name, f->method);
	if (f->size > max)
		return err_set(e, ERR_TOO_LARGE, NULL,
			       "%s: too large: more than %zu MiB uncompressed", name,
			       max >> 20);
	if ((f->method == 0 && f->size != f->csize) ||
	    (f->method == 8 && f->size / DEFLATE_MAX_RATIO > f->csize + 1))
		return err_set(e, ERR_INVALID, NULL,
			       "%s: cannot read this file of the zip: the zip file "
			       "is damaged (its size, %llu bytes, cannot come from "
			       "its %llu compressed bytes)",
			       name, (unsigned long long)f->size,
			       (unsigned long long)f->csize);
	buf = xmalloc((size_t)f->size + 1);
	if (f->method == 0) {
		memcpy(buf, data, (size_t)f->size);
	} else {
		struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
		enum libdeflate_result r;

		if (!d) {
			free(buf);
			return err_set(e, ERR_IO, NULL, "%s: out of memory", name);
		}
		r = libdeflate_deflate_decompress(d, data, (size_t)f->csize, buf,
						  (size_t)f->size, NULL);
		libdeflate_free_decompressor(d);
		if (r != LIBDEFLATE_SUCCESS) {
			free(buf);
			return err_set(e, ERR_INVALID, NULL,
				       "%s: cannot read this file of the zip: the zip "
				       "file is damaged (%s)",
				       name,
				       r == LIBDEFLATE_SHORT_OUTPUT
					       ? "its data make fewer bytes than its size"
				       : r == LIBDEFLATE_INSUFFICIENT_SPACE
					       ? "its data make more bytes than its size"
					       : "its compressed data are not valid deflate data");
		}
	}
	if (libdeflate_crc32(0, buf, (size_t)f->size) != f->crc) {
		uint32_t crc = libdeflate_crc32(0, buf, (size_t)f->size);

		free(buf);
		return err_set(e, ERR_INVALID, NULL,
			       "%s: cannot read this file of the zip: the zip file is "
			       "damaged (bad CRC: its data give %08x where the zip "
			       "says %08x)",
			       name, crc, f->crc);
	}
	buf[f->size] = '\0';
	*out = buf;
	return 0;
}

void zipfile_close(struct zipfile *z)
{
	if (!z)
		return;
	for (size_t i = 0; i < z->n; i++)
		free((char *)z->v[i].name);
	free(z->v);
	if (z->own_fd)
		close(z->fd);
	free(z->path);
	free(z);
}
