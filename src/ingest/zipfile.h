/*
 * zipfile.h: reading a zip archive once, file by file, in the order it
 * holds them (zipfile.c).
 *
 * zipfile_open reads the archive's central directory (its table of
 * contents, at the end): each file's name, size, compressed size, CRC-32
 * and where it lies, ZIP64 included.  The files are then listed in the
 * order they lie in the archive.  zipfile_read reads one file's
 * compressed bytes (each byte of the archive is read once, and only one
 * file's bytes are held at a time); zipfile_inflate decompresses them
 * (stored or deflate, with libdeflate) and checks the size and CRC-32,
 * and is safe to run in several threads at once on different files.
 *
 * A zip that is cut short has no central directory: zipfile_open then
 * walks the files from the start to say which one the cut falls in.
 * Every message names the archive, and the file inside it where there
 * is one, as "archive.zip:2021-03/2021-03-kent-street.csv: ...".
 */
#ifndef SAFER_ZIPFILE_H
#define SAFER_ZIPFILE_H

#include "base/err.h"

struct zipfile;

struct zipfile_entry {
	const char *name;   /* as stored, NUL-terminated; "" if it had a NUL */
	bool dir;           /* a folder's own entry ("2021-03/") */
	uint16_t method;    /* 0 stored, 8 deflate; others cannot be read */
	uint16_t flags;     /* bit 0: encrypted */
	uint32_t crc;
	uint64_t size;      /* uncompressed */
	uint64_t csize;     /* compressed */
	uint64_t offset;    /* of its local header */
};

/* Open the zip at path and read its central directory.  NULL with e set
 * (ERR_IO: cannot open; ERR_INVALID: not a zip, or damaged or cut short,
 * naming the file the cut falls in). */
struct zipfile *zipfile_open(const char *path, struct err *e);

/* The same, on an open file descriptor (not closed by zipfile_close);
 * path names it in messages. */
struct zipfile *zipfile_open_fd(int fd, const char *path, struct err *e);

size_t zipfile_count(const struct zipfile *z);

/* Entry i, in the order the files lie in the archive. */
const struct zipfile_entry *zipfile_entry(const struct zipfile *z, size_t i);

/* Read entry i's compressed bytes into *data (csize bytes; free()).
 * Fails naming the archive and the file if they are not all there, if
 * they overlap the file read before, or if either size is over max
 * (ERR_TOO_LARGE). */
int zipfile_read(struct zipfile *z, size_t i, size_t max, char **data,
		 struct err *e);

/* Decompress the csize bytes at data of entry f into *out (f->size
 * bytes and a NUL; free()), checking the size and the CRC-32; name
 * ("archive.zip:entry") is for messages.  A size over max is
 * ERR_TOO_LARGE; damaged data, ERR_INVALID. */
int zipfile_inflate(const struct zipfile_entry *f, const char *name,
		    const char *data, size_t max, char **out, struct err *e);

void zipfile_close(struct zipfile *z);

#endif
