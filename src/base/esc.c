/*
 * esc.c: escaping for HTML, JSON and URLs, and the escaping printf.
 */
#include "esc.h"
#include "text.h"

static const char hex[] = "0123456789ABCDEF";

static void add_html(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, run = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		const char *rep = NULL;
		size_t len = 1;

		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default:
			if (c >= 0x80) {
				uint32_t cp;
				int k = utf8_decode(s + i, n - i, &cp);

				if (k < 0) {
					rep = "\xEF\xBF\xBD";
				} else if (cp >= 0x80 && cp <= 0x9F) {
					rep = "\xEF\xBF\xBD"; /* C1 controls */
					len = (size_t)k;
				} else {
					len = (size_t)k;
				}
			} else if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') ||
				   c == 0x7F) {
				rep = "\xEF\xBF\xBD";
			}
		}
		if (rep) {
			buf_add(b, s + run, i - run);
			buf_adds(b, rep);
			i += len;
			run = i;
		} else {
			i += len;
		}
	}
	buf_add(b, s + run, n - run);
}

static void add_json(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, run = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		char tmp[8];
		const char *rep = NULL;
		size_t len = 1;

		if (c == '"') {
			rep = "\\\"";
		} else if (c == '\\') {
			rep = "\\\\";
		} else if (c == '\n') {
			rep = "\\n";
		} else if (c == '\r') {
			rep = "\\r";
		} else if (c == '\t') {
			rep = "\\t";
		} else if (c < 0x20 || c == 0x7f) {
			tmp[0] = '\\';
			tmp[1] = 'u';
			tmp[2] = '0';
			tmp[3] = '0';
			tmp[4] = hex[c >> 4];
			tmp[5] = hex[c & 15];
			tmp[6] = '\0';
			rep = tmp;
		} else if (c >= 0x80) {
			uint32_t cp;
			int k = utf8_decode(s + i, n - i, &cp);

			if (k < 0)
				rep = "\\ufffd";
			else if (cp == 0x2028)
				rep = "\\u2028";
			else if (cp == 0x2029)
				rep = "\\u2029";
			else
				len = (size_t)k;
			if (k > 0 && rep)
				len = (size_t)k;
		}
		if (rep) {
			buf_add(b, s + run, i - run);
			buf_adds(b, rep);
			i += len;
			run = i;
		} else {
			i += len;
		}
	}
	buf_add(b, s + run, n - run);
}

static void add_url(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~') {
			buf_addc(b, (char)c);
		} else {
			char t[3] = { '%', hex[c >> 4], hex[c & 15] };

			buf_add(b, t, 3);
		}
	}
}

void esc_add(struct buf *b, enum esc mode, const char *s, size_t n)
{
	switch (mode) {
	case ESC_HTML: add_html(b, s, n); return;
	case ESC_JSON: add_json(b, s, n); return;
	case ESC_URL: add_url(b, s, n); return;
	}
	BUG("unknown escape mode %d", (int)mode);
}

void esc_adds(struct buf *b, enum esc mode, const char *s)
{
	esc_add(b, mode, s, strlen(s));
}

/*
 * The formatter walks fmt, copying literal text raw.  At each conversion
 * it copies the specification into spec[] and, for numbers, hands that one
 * conversion and its argument to the C library's printf; strings and
 * characters are passed through esc_add() instead.
 *
 * It takes every conversion of printf that reads a value (d i u o x X c s,
 * e E f F g G a A, with the flags, widths, precisions and length
 * modifiers hh h l ll z j t L), which is what the compiler checks the
 * arguments against.  What it will not do (%n writes to memory, %p shows
 * an address, %ls and %lc are wide) cannot be known to have a matching
 * argument once skipped, so the rest of the format is written as it is,
 * with no more arguments read: a wrong format shows, and never crashes.
 * tools/check-source refuses such formats in html() before they build.
 */
void esc_vformat(struct buf *b, enum esc mode, const char *fmt, va_list ap)
{
	const char *p = fmt;

	while (*p) {
		const char *start = p;
		char spec[32];
		size_t sl;
		int width = -1, prec = -1;
		int lenmod = 0; /* 0 none, 1 hh, 2 h, 3 l, 4 ll, 5 z, 6 j, 7 t, 8 L */
		bool left = false;
		int star_width = 0; /* a '*' width as given, sign and all */
		char conv;

		while (*p && *p != '%')
			p++;
		buf_add(b, start, (size_t)(p - start));
		if (!*p)
			break;
		start = p++;
		if (*p == '%') {
			buf_addc(b, '%');
			p++;
			continue;
		}
		while (*p && strchr("-+ #0", *p))
			left |= *p++ == '-';
		if (*p == '*') {
			star_width = width = va_arg(ap, int);
			if (width < 0) {
				left = true;
				width = -width;
			}
			p++;
		} else if (*p >= '1' && *p <= '9') {
			width = 0;
			while (*p >= '0' && *p <= '9' && width < 100000)
				width = width * 10 + (*p++ - '0');
		}
		if (*p == '.') {
			p++;
			if (*p == '*') {
				prec = va_arg(ap, int);
				p++;
			} else {
				prec = 0;
				while (*p >= '0' && *p <= '9' && prec < 100000)
					prec = prec * 10 + (*p++ - '0');
			}
		}
		if (p[0] == 'h' && p[1] == 'h') { lenmod = 1; p += 2; }
		else if (p[0] == 'h') { lenmod = 2; p++; }
		else if (p[0] == 'l' && p[1] == 'l') { lenmod = 4; p += 2; }
		else if (p[0] == 'l') { lenmod = 3; p++; }
		else if (p[0] == 'z') { lenmod = 5; p++; }
		else if (p[0] == 'j') { lenmod = 6; p++; }
		else if (p[0] == 't') { lenmod = 7; p++; }
		else if (p[0] == 'L') { lenmod = 8; p++; }
		conv = *p;
		sl = (size_t)(p - start) + 1;
		if (!conv || sl >= sizeof(spec) || !strchr("diouxXcseEfFgGaA", conv) ||
		    ((conv == 's' || conv == 'c') && lenmod) ||
		    (strchr("eEfFgGaA", conv) && lenmod && lenmod != 3 && lenmod != 8) ||
		    (!strchr("eEfFgGaA", conv) && lenmod == 8)) {
			/* Not a conversion this printf takes: the rest as it is. */
			buf_adds(b, start);
			return;
		}
		memcpy(spec, start, sl);
		spec[sl] = '\0';
		p++;

		if (conv == 's') {
			const char *s = va_arg(ap, const char *);
			size_t n, chars = 0;

			if (!s)
				s = "";
			n = prec >= 0 ? strnlen(s, (size_t)prec) : strlen(s);
			/* A width pads, by characters of the text. */
			for (size_t k = 0; k < n; k++)
				chars += ((unsigned char)s[k] & 0xC0) != 0x80;
			for (size_t k = chars; !left && width > 0 && k < (size_t)width; k++)
				buf_addc(b, ' ');
			esc_add(b, mode, s, n);
			for (size_t k = chars; left && width > 0 && k < (size_t)width; k++)
				buf_addc(b, ' ');
			continue;
		}
		if (conv == 'c') {
			char c = (char)va_arg(ap, int);

			esc_add(b, mode, &c, 1);
			continue;
		}
		/* Numbers: star arguments were consumed above, so rebuild a spec
		 * without stars. */
		if (strchr(spec, '*')) {
			char flat[64];
			size_t j = 0;

			for (size_t i = 0; spec[i] && j < sizeof(flat) - 1; i++) {
				int k;

				if (spec[i] != '*') {
					flat[j++] = spec[i];
					continue;
				}
				k = snprintf(flat + j, sizeof(flat) - j, "%d",
					     i > 0 && spec[i - 1] == '.' ? prec
									 : star_width);
				j += k > 0 ? (size_t)k : 0;
				if (j >= sizeof(flat) - 1)
					break;
			}
			flat[j < sizeof(flat) ? j : sizeof(flat) - 1] = '\0';
			if (strlen(flat) >= sizeof(spec)) {
				buf_adds(b, start);
				return;
			}
			memcpy(spec, flat, strlen(flat) + 1);
		}
#define NUM(type) buf_printf(b, spec, va_arg(ap, type))
		if (strchr("eEfFgGaA", conv)) {
			if (lenmod == 8)
				NUM(long double);
			else
				NUM(double);
			continue;
		}
		switch (lenmod) {
		case 0: case 1: case 2: NUM(int); break;
		case 3: NUM(long); break;
		case 4: NUM(long long); break;
		case 5: NUM(size_t); break;
		case 6: NUM(intmax_t); break;
		case 7: NUM(ptrdiff_t); break;
		}
#undef NUM
	}
}

void esc_format(struct buf *b, enum esc mode, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	esc_vformat(b, mode, fmt, ap);
	va_end(ap);
}
