/*
 * fuzz_esc.c: libFuzzer target for the escapes of src/base/esc.c.
 *
 * Input: the first byte gives a precision and a character for the
 * printf; the rest is the string to escape, in a buffer of exactly its
 * size.  Checked for every mode:
 *  - HTML: valid UTF-8, no raw < > " ', every & starts one of the five
 *    entities, and undoing the entities gives the input back where it
 *    was valid text;
 *  - JSON: valid UTF-8, no control byte, and Jansson reads the string
 *    back as the input (for valid UTF-8 without NUL);
 *  - URL: only unreserved characters and %XX, and decoding gives the
 *    input back byte for byte;
 *  - esc_format: literal text raw, each %s/%.*s/%c exactly esc_add of its
 *    argument, numbers as snprintf writes them.
 */
#include <stdint.h>

#include <jansson.h>

#include "base/esc.h"
#include "base/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Does s hold a character the HTML escaper replaces: a C0 control other
 * than tab and line breaks, DEL, or a C1 control (U+0080-009F, the bytes
 * C2 80 to C2 9F)? */
static bool has_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
			return true;
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F)
			return true;
	}
	return false;
}

static void check_html(const char *s, size_t n)
{
	struct buf b = BUF_INIT, back = BUF_INIT;
	static const char *const ent[] = { "&amp;", "&lt;", "&gt;", "&quot;",
					   "&#39;" };
	static const char raw[] = "&<>\"'";

	esc_add(&b, ESC_HTML, s, n);
	if (!utf8_valid(b.ptr, b.len))
		abort();
	for (size_t i = 0; i < b.len;) {
		char c = b.ptr[i];
		bool found = false;

		if (c == '<' || c == '>' || c == '"' || c == '\'')
			abort();
		if (c != '&') {
			buf_addc(&back, c);
			i++;
			continue;
		}
		for (size_t k = 0; k < ARRAY_SIZE(ent); k++)
			if (strncmp(b.ptr + i, ent[k], strlen(ent[k])) == 0) {
				buf_addc(&back, raw[k]);
				i += strlen(ent[k]);
				found = true;
				break;
			}
		if (!found)
			abort();
	}
	/* Text that needed no replacement comes back exactly. */
	if (utf8_valid(s, n) && !has_control(s, n) &&
	    (back.len != n || memcmp(back.ptr, s, n) != 0))
		abort();
	buf_release(&b);
	buf_release(&back);
}

static void check_json(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	json_t *v;
	json_error_t jerr;

	buf_addc(&b, '"');
	esc_add(&b, ESC_JSON, s, n);
	buf_addc(&b, '"');
	if (!utf8_valid(b.ptr, b.len))
		abort();
	for (size_t i = 0; i < b.len; i++)
		if ((unsigned char)b.ptr[i] < 0x20 || b.ptr[i] == 0x7f)
			abort();
	v = json_loadb(b.ptr, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
	if (!v || !json_is_string(v))
		abort();
	/* Valid text (NUL is valid here, as \u0000) comes back exactly. */
	{
		bool valid = true;

		for (size_t i = 0; i < n;) {
			uint32_t cp;
			int k = utf8_decode(s + i, n - i, &cp);

			if (k < 0) {
				valid = false;
				break;
			}
			i += (size_t)k;
		}
		if (valid && (json_string_length(v) != n ||
			      memcmp(json_string_value(v), s, n) != 0))
			abort();
	}
	json_decref(v);
	buf_release(&b);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void check_url(const char *s, size_t n)
{
	struct buf b = BUF_INIT, back = BUF_INIT;

	esc_add(&b, ESC_URL, s, n);
	for (size_t i = 0; i < b.len;) {
		char c = b.ptr[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		    c == '~') {
			buf_addc(&back, c);
			i++;
		} else if (c == '%' && i + 2 < b.len && hexval(b.ptr[i + 1]) >= 0 &&
			   hexval(b.ptr[i + 2]) >= 0) {
			buf_addc(&back, (char)(hexval(b.ptr[i + 1]) * 16 +
					       hexval(b.ptr[i + 2])));
			i += 3;
		} else {
			abort();
		}
	}
	if (back.len != n || memcmp(back.ptr, s, n) != 0)
		abort();
	buf_release(&b);
	buf_release(&back);
}

static void check_format(enum esc mode, const char *s, size_t n, int prec,
			 char c)
{
	struct buf got = BUF_INIT, want = BUF_INIT;
	char num[64];

	/* s is NUL-terminated here; n is its length. */
	esc_format(&got, mode, "<a href=\"%s\">%.*s|%c|%d|%5zu|%-4x|%lld%%</a>",
		   s, prec, s, c, prec, n, (unsigned)n, -(long long)n);
	buf_adds(&want, "<a href=\"");
	esc_add(&want, mode, s, n);
	buf_adds(&want, "\">");
	esc_add(&want, mode, s, prec >= 0 ? strnlen(s, (size_t)prec) : n);
	buf_addc(&want, '|');
	esc_add(&want, mode, &c, 1);
	snprintf(num, sizeof(num), "|%d|%5zu|%-4x|%lld%%</a>", prec, n,
		 (unsigned)n, -(long long)n);
	buf_adds(&want, num);
	if (got.len != want.len || memcmp(got.ptr, want.ptr, got.len) != 0)
		abort();
	if (mode != ESC_URL && !utf8_valid(got.ptr, got.len))
		abort();
	buf_release(&got);
	buf_release(&want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *exact, *s;
	int prec;
	char c;
	size_t n;

	if (size < 1)
		return 0;
	prec = (int)(data[0] % 40) - 4; /* -4 .. 35; negative means none */
	c = (char)data[0];
	data++;
	size--;
	exact = xmalloc(size ? size : 1);
	if (!exact)
		abort();
	memcpy(exact, data, size);
	check_html(exact, size);
	check_json(exact, size);
	check_url(exact, size);

	s = xmalloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	n = strlen(s);
	check_format(ESC_HTML, s, n, prec, c);
	check_format(ESC_JSON, s, n, prec, c);
	check_format(ESC_URL, s, n, prec, c);
	free(s);
	free(exact);
	return 0;
}
