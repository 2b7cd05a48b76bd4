/*
 * sha256.c: SHA-256 through OpenSSL's libcrypto (see sha256.h).
 */
#include <openssl/evp.h>

#include "sha256.h"

void sha256_hex(const void *data, size_t len, char out[SHA256_HEX_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	if (!EVP_Digest(data ? data : "", len, md, &n, EVP_sha256(), NULL) ||
	    n != 32)
		BUG("SHA-256 failed");
	for (unsigned i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
}
