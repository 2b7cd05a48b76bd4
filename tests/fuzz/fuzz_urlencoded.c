/*
 * fuzz_urlencoded.c: libFuzzer target for http_parse_urlencoded(), the
 * parser of every query string and form body.
 *
 * Input: the first byte picks the limit on pairs (1-64); the rest is the
 * text, in a buffer of exactly its size so that any read past the end is
 * caught by AddressSanitizer.  Checked: a failure is ERR_INVALID and
 * returns nothing; a success returns at most max pairs of NUL-free valid
 * UTF-8; and encoding the pairs again with ESC_URL and parsing that gives
 * the same pairs back.
 */
#include <stdint.h>

#include "base/arena.h"
#include "base/esc.h"
#include "base/text.h"
#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct kv *kv = (struct kv *)1, *kv2;
	size_t n = 12345, n2, max;
	struct err e = ERR_INIT;
	char *text;
	struct buf b = BUF_INIT;
	int rc;

	if (size < 1)
		return 0;
	max = (size_t)(data[0] % 64) + 1;
	data++;
	size--;
	text = xmalloc(size ? size : 1);
	if (!text)
		abort();
	memcpy(text, data, size);

	rc = http_parse_urlencoded(&a, text, size, &kv, &n, max, &e);
	if (rc < 0) {
		if (rc != -1 || e.code != ERR_INVALID || n != 0 || kv != NULL ||
		    !e.msg[0])
			abort();
		goto out;
	}
	if (rc != 0 || n > max || (n && !kv) || e.code != ERR_OK)
		abort();
	for (size_t i = 0; i < n; i++) {
		if (!kv[i].key || !kv[i].value ||
		    !utf8_valid(kv[i].key, strlen(kv[i].key)) ||
		    !utf8_valid(kv[i].value, strlen(kv[i].value)))
			abort();
		if (i)
			buf_addc(&b, '&');
		esc_adds(&b, ESC_URL, kv[i].key);
		buf_addc(&b, '=');
		esc_adds(&b, ESC_URL, kv[i].value);
	}
	/* Round trip: the encoded pairs parse back to themselves. */
	if (http_parse_urlencoded(&a, b.ptr, b.len, &kv2, &n2, max, &e) != 0)
		abort();
	/* Pairs with an empty name and value ("=") are kept, so the counts
	 * agree exactly. */
	if (n2 != n)
		abort();
	for (size_t i = 0; i < n; i++)
		if (strcmp(kv[i].key, kv2[i].key) != 0 ||
		    strcmp(kv[i].value, kv2[i].value) != 0)
			abort();
out:
	buf_release(&b);
	free(text);
	arena_release(&a);
	return 0;
}
