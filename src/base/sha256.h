/*
 * sha256.h: the SHA-256 of bytes in memory, as the 64 lowercase hex
 * digits that sha256sum prints.
 *
 * The imports record the checksum of every file they read, so that a
 * file can later be matched with the import that brought it in.  The
 * digest is OpenSSL's (libcrypto), which uses the processor's SHA
 * instructions where there are any: hashing a national year of police.uk
 * files (1.4 GB) then costs about a second of one core.  Safe to call
 * from several threads at once.
 */
#ifndef SAFER_SHA256_H
#define SAFER_SHA256_H

#include "base.h"

#define SHA256_HEX_SIZE 65 /* 64 hex digits and the terminating NUL */

/* Write the SHA-256 of data[0..len) to out as hex.  data may be NULL
 * when len is 0. */
void sha256_hex(const void *data, size_t len, char out[SHA256_HEX_SIZE]);

#endif
