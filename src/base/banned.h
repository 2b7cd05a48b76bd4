/*
 * banned.h: functions that must not be used in safer.
 *
 * Included last by every source file (through base.h).  Each banned name
 * expands to an identifier that does not exist, so a use fails to compile
 * with a message that names the function.  The reasons, after git's
 * banned.h and curl's list: unbounded copies (sprintf, strcpy, strcat),
 * silent truncation without termination (strncpy), hidden state (strtok,
 * localtime, gmtime), and no error reporting (atoi and friends).  The C
 * allocators too: an unchecked NULL is a crash far from its cause, so
 * memory comes from xmalloc, xcalloc, xrealloc and xstrdup (base.h),
 * which cannot fail, or from an arena; only base.c, which implements
 * them, calls the C library's.
 */
#ifndef SAFER_BANNED_H
#define SAFER_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef atoll
#define atoll(x) BANNED(atoll)
#undef atof
#define atof(x) BANNED(atof)
#undef gmtime
#define gmtime(t) BANNED(gmtime)
#undef localtime
#define localtime(t) BANNED(localtime)
#undef ctime
#define ctime(t) BANNED(ctime)
#undef asctime
#define asctime(t) BANNED(asctime)
#undef gets
#define gets(x) BANNED(gets)
#undef malloc
#define malloc(n) BANNED(malloc)
#undef calloc
#define calloc(n, size) BANNED(calloc)
#undef realloc
#define realloc(p, n) BANNED(realloc)
#undef strdup
#define strdup(s) BANNED(strdup)
#undef strndup
#define strndup(s, n) BANNED(strndup)

#endif
