/*
 * text.h: checking and converting the text people type and read.
 *
 * UTF-8, whole numbers, money in whole pence, dates and months.  Every
 * parser here is strict (the whole string must match, no silent
 * truncation) and reports what was wrong through struct err, naming the
 * field it was given.  The other way: numbers written for people (the
 * one formatter of figures, text_add_number), money and dates in words;
 * and the one comparison of area names (text_same_area).  Writers append
 * to a struct buf the caller owns.
 */
#ifndef SAFER_TEXT_H
#define SAFER_TEXT_H

#include "err.h"
#include "buf.h"

/* Decode one UTF-8 sequence at s (n bytes available) into *cp.  Returns
 * its length (1-4), or -1 if the bytes are not valid UTF-8 (overlong
 * forms, surrogates and values past U+10FFFF are invalid). */
int utf8_decode(const char *s, size_t n, uint32_t *cp);

/* True if the n bytes are valid UTF-8 with no NUL. */
bool utf8_valid(const char *s, size_t n);

/* Check a line of text typed by a user for the given field: valid UTF-8,
 * no control characters (tab allowed), at most max characters, and, if
 * required, not blank.  Returns 0 or -1 with e set. */
int text_check_line(const char *s, const char *field, size_t max,
		    bool required, struct err *e);

/* As text_check_line() but for multi-line text: newlines are allowed. */
int text_check_block(const char *s, const char *field, size_t max,
		     bool required, struct err *e);

/* Number of characters (code points) in valid UTF-8 text. */
size_t utf8_length(const char *s);

/* Return s without leading and trailing spaces, tabs and newlines,
 * written into s itself. */
char *text_trim(char *s);

/* True if s is NULL or only white space. */
bool text_blank(const char *s);

/* Parse a whole decimal integer, optional sign, no spaces, within
 * [min, max]. */
int text_int64(const char *s, int64_t min, int64_t max, int64_t *out,
	       const char *field, struct err *e);

/* Parse an amount of money in pounds: "218973", "218,973", "£218,973",
 * "1234.5", "1234.56" into whole pence.  Negative amounts are refused.
 * Commas must group thousands. */
int text_money(const char *s, int64_t *pence, const char *field,
	       struct err *e);

/* Write pence as "£218,973" (whole pounds) or "£1,234.50". */
void text_add_money(struct buf *b, int64_t pence);

/* Write n with thousands separators: "478,973". */
void text_add_grouped(struct buf *b, int64_t n);

/* The most decimals text_add_number writes. */
#define TEXT_MAX_DECIMALS 20

/* Write v rounded to decimals places (0 to TEXT_MAX_DECIMALS) with
 * thousands separators: "1,234.5", "0.25", "-12", and for any magnitude
 * every digit ("100,000,000,000,000,000,000" for 1e20; 309 digits for
 * the largest double): the digits are printf's, correctly rounded from
 * the binary value, never a cast to an integer.  A value that rounds to
 * zero is written without a sign ("0.0", not "-0.0").  NaN and the
 * infinities, which are no figure, are written "not known". */
void text_add_number(struct buf *b, double v, int decimals);

/* Area names as sources write them.  Whether a and b name the same area:
 * they are compared word by word, without regard to ASCII case, where
 *  - words are separated by any run of spaces, hyphens, full stops and
 *    commas ("St. Helens" is "St Helens", police.uk's spelling and
 *    ONS's; "Stockton-on-Tees" is "Stockton on Tees"; "Bristol, City
 *    of" is "Bristol City of");
 *  - "&" is the word "and" ("Brighton & Hove", "Brighton and Hove");
 *  - apostrophes (' and U+2019) are dropped ("King's Lynn", "Kings Lynn").
 * Anything else, letters beyond ASCII included, must be the same.  Codes
 * ("E08000007") compare as they are, without regard to case.  A NULL
 * name is the same as nothing. */
bool text_same_area(const char *a, const char *b);

/* Append the key text_same_area compares: the words in lower case with
 * one space between them ("st helens"); two names are the same area
 * exactly when their keys are equal, so keys serve as hash keys. */
void text_add_area_key(struct buf *b, const char *name);

/* Check a calendar date "YYYY-MM-DD" (a real day, years 1900-2199). */
int text_date(const char *s, const char *field, struct err *e);

/* Check "YYYY-MM" or "YYYY-MM-DD" (a month or a day, for dates that are
 * only known to the month, such as "approved March 2022"). */
int text_date_or_month(const char *s, const char *field, struct err *e);

/* Check a financial year "2020/21" (the second part is the next year). */
int text_financial_year(const char *s, const char *field, struct err *e);

/* Write "2022-03" as "March 2022" and "2014-09-16" as "16 September 2014"
 * (the GOV.UK date style).  Anything else is written as it is. */
void text_add_date(struct buf *b, const char *date);

/* Today's date as "YYYY-MM-DD" in UTC, into out[11].  The environment
 * variable SAFER_TODAY, if set to a valid date, overrides the clock so
 * that tests of "overdue" are repeatable. */
void text_today(char out[11]);

/* The time now as "YYYY-MM-DDTHH:MM:SSZ" in UTC, into out[21]. */
void text_now(char out[21]);

#endif
