/*
 * fuzz_zipfile.c: libFuzzer target for the zip reader (src/ingest/
 * zipfile.c): the end record, the ZIP64 records, the central directory,
 * the local headers, the walk of a zip cut short, and decompression.
 *
 * Input: the archive's bytes, given as a file (a memfd).  Checked: a
 * refused archive says why and names it ("fuzz.zip"); an opened one lists
 * files that lie before its central directory, in the order they lie;
 * reading each file in turn either fails naming the archive and the file,
 * or gives the compressed bytes, whose decompression either fails naming
 * the file or gives exactly the size recorded, with its CRC-32 checked.
 * Sizes are capped at 16 MiB so that a claimed size cannot exhaust the
 * fuzzer's memory.
 */
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ingest/zipfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAME "fuzz.zip"
#define MAX ((size_t)16 << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e = ERR_INIT;
	struct zipfile *z;
	int fd = memfd_create("fuzz.zip", MFD_CLOEXEC);
	uint64_t last = 0;

	if (fd < 0)
		abort();
	if (size && write(fd, data, size) != (ssize_t)size)
		abort();
	z = zipfile_open_fd(fd, NAME, &e);
	if (!z) {
		if (!strstr(e.msg, NAME))
			abort();
		close(fd);
		return 0;
	}
	for (size_t i = 0; i < zipfile_count(z); i++) {
		const struct zipfile_entry *f = zipfile_entry(z, i);
		char name[600], *raw = NULL, *out = NULL;

		if (!f->name || f->offset < last)
			abort();
		last = f->offset;
		snprintf(name, sizeof(name), "%s:%.500s", NAME, f->name);
		err_clear(&e);
		if (zipfile_read(z, i, MAX, &raw, &e) < 0) {
			if (raw || !strstr(e.msg, NAME))
				abort();
			continue;
		}
		if (f->offset + f->csize > size)
			abort();
		err_clear(&e);
		if (zipfile_inflate(f, name, raw, MAX, &out, &e) < 0) {
			if (out || !strstr(e.msg, name))
				abort();
		} else if (!out || out[f->size] != '\0' || f->size > MAX) {
			abort();
		}
		free(raw);
		free(out);
	}
	zipfile_close(z);
	close(fd);
	return 0;
}
