/*
 * ical.h: writing iCalendar (RFC 5545) calendars (ical.c).
 *
 * A feed is ical_begin, one ical_event per event, ical_end, all into one
 * buf.  Lines end in CRLF and are folded at 75 octets (never inside a
 * UTF-8 sequence); text values are escaped (backslash, semicolon, comma,
 * newline).  Times are local to Europe/London, whose VTIMEZONE
 * ical_begin writes; an event without a time is an all-day event (a
 * DATE value).
 */
#ifndef SAFER_BASE_ICAL_H
#define SAFER_BASE_ICAL_H

#include "buf.h"

/* BEGIN:VCALENDAR with VERSION, PRODID, X-WR-CALNAME name (text) and the
 * VTIMEZONE for Europe/London. */
void ical_begin(struct buf *b, const char *name);
void ical_end(struct buf *b);

struct ical_event {
	const char *uid;         /* stable across runs: "meeting-12@safer" */
	const char *dtstamp;     /* YYYY-MM-DDTHH:MM:SSZ (text_now), or NULL
				  * for now */
	const char *date;        /* YYYY-MM-DD */
	const char *time;        /* HH:MM local, or NULL: all day */
	int minutes;             /* length with a time; 0: 120 */
	const char *summary;
	const char *location;    /* or NULL */
	const char *description; /* or NULL */
	const char *url;         /* or NULL */
	const char *status;      /* NULL, "CONFIRMED", "TENTATIVE",
				  * "CANCELLED" */
};

/* One VEVENT.  Returns -1 (writing nothing) if date or time is not well
 * formed, else 0. */
int ical_event(struct buf *b, const struct ical_event *ev);

/* One content line "NAME:value" (or "NAME;params:value"), folded, with
 * value escaped as TEXT if text is true, else written as it is. */
void ical_line(struct buf *b, const char *name, const char *value, bool text);

#endif
