/*
 * ical.c: writing iCalendar (RFC 5545).
 */
#include "ical.h"
#include "text.h"

/* Europe/London since 1996: GMT, and BST from the last Sunday of March
 * at 01:00 to the last Sunday of October at 02:00 local. */
static const char vtimezone[] =
	"BEGIN:VTIMEZONE\r\n"
	"TZID:Europe/London\r\n"
	"BEGIN:DAYLIGHT\r\n"
	"TZOFFSETFROM:+0000\r\n"
	"TZOFFSETTO:+0100\r\n"
	"TZNAME:BST\r\n"
	"DTSTART:19700329T010000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
	"END:DAYLIGHT\r\n"
	"BEGIN:STANDARD\r\n"
	"TZOFFSETFROM:+0100\r\n"
	"TZOFFSETTO:+0000\r\n"
	"TZNAME:GMT\r\n"
	"DTSTART:19701025T020000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
	"END:STANDARD\r\n"
	"END:VTIMEZONE\r\n";

void ical_line(struct buf *b, const char *name, const char *value, bool text)
{
	struct buf line = BUF_INIT;
	size_t col = 0;

	buf_adds(&line, name);
	buf_addc(&line, ':');
	for (const char *p = value ? value : ""; *p; p++) {
		if (!text)
			buf_addc(&line, *p);
		else if (*p == '\\' || *p == ';' || *p == ',') {
			buf_addc(&line, '\\');
			buf_addc(&line, *p);
		} else if (*p == '\r' && p[1] == '\n') {
			continue;
		} else if (*p == '\n' || *p == '\r') {
			buf_adds(&line, "\\n");
		} else if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			buf_addc(&line, ' ');
		} else {
			buf_addc(&line, *p);
		}
	}
	/* Fold: at most 75 octets a line, the continuation lines starting
	 * with a space (which counts), never inside a UTF-8 sequence. */
	for (size_t i = 0; i < line.len; i++) {
		unsigned char c = (unsigned char)line.ptr[i];
		size_t len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3
				 : c >= 0xc0 ? 2 : 1;

		if (i + len > line.len)
			len = line.len - i;
		if (col + len > 75) {
			buf_adds(b, "\r\n ");
			col = 1;
		}
		buf_add(b, line.ptr + i, len);
		col += len;
		i += len - 1;
	}
	buf_adds(b, "\r\n");
	buf_release(&line);
}

void ical_begin(struct buf *b, const char *name)
{
	buf_adds(b, "BEGIN:VCALENDAR\r\n"
		    "VERSION:2.0\r\n"
		    "PRODID:-//safer//Community Safety Partnership workbench//EN\r\n"
		    "CALSCALE:GREGORIAN\r\n"
		    "METHOD:PUBLISH\r\n");
	if (name)
		ical_line(b, "X-WR-CALNAME", name, true);
	buf_adds(b, vtimezone);
}

void ical_end(struct buf *b)
{
	buf_adds(b, "END:VCALENDAR\r\n");
}

/* The day after y-m-d, into out "YYYYMMDD". */
static void next_day(int y, int m, int d, char out[16])
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int dim = days[m - 1] +
		  (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));

	if (++d > dim) {
		d = 1;
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	snprintf(out, 16, "%04d%02d%02d", y % 10000, m % 100, d % 100);
}

int ical_event(struct buf *b, const struct ical_event *ev)
{
	char stamp[21], v[64], end[16];
	int y, mo, d, h = 0, mi = 0, len;

	if (!ev->date || text_date(ev->date, "date", NULL) < 0 ||
	    sscanf(ev->date, "%4d-%2d-%2d", &y, &mo, &d) != 3)
		return -1;
	if (ev->time && (strlen(ev->time) != 5 || ev->time[2] != ':' ||
			 sscanf(ev->time, "%2d:%2d", &h, &mi) != 2 || h < 0 ||
			 h > 23 || mi < 0 || mi > 59))
		return -1;
	if (ev->dtstamp && strlen(ev->dtstamp) == 20)
		memcpy(stamp, ev->dtstamp, 21);
	else
		text_now(stamp);
	buf_adds(b, "BEGIN:VEVENT\r\n");
	ical_line(b, "UID", ev->uid, true);
	/* 2024-05-01T10:20:30Z to 20240501T102030Z */
	snprintf(v, sizeof(v), "%.4s%.2s%.2sT%.2s%.2s%.2sZ", stamp, stamp + 5,
		 stamp + 8, stamp + 11, stamp + 14, stamp + 17);
	ical_line(b, "DTSTAMP", v, false);
	if (ev->time) {
		len = ev->minutes > 0 ? ev->minutes : 120;
		snprintf(v, sizeof(v), "%04d%02d%02dT%02d%02d00", y, mo, d, h, mi);
		ical_line(b, "DTSTART;TZID=Europe/London", v, false);
		snprintf(v, sizeof(v), "PT%dH%dM", len / 60, len % 60);
		ical_line(b, "DURATION", v, false);
	} else {
		snprintf(v, sizeof(v), "%04d%02d%02d", y, mo, d);
		ical_line(b, "DTSTART;VALUE=DATE", v, false);
		next_day(y, mo, d, end);
		ical_line(b, "DTEND;VALUE=DATE", end, false);
	}
	ical_line(b, "SUMMARY", ev->summary, true);
	if (ev->location)
		ical_line(b, "LOCATION", ev->location, true);
	if (ev->description)
		ical_line(b, "DESCRIPTION", ev->description, true);
	if (ev->url)
		ical_line(b, "URL", ev->url, false);
	if (ev->status)
		ical_line(b, "STATUS", ev->status, false);
	buf_adds(b, "END:VEVENT\r\n");
	return 0;
}
