/*
 * fuzz_moderngov.c: libFuzzer target for the reader of modern.gov's web
 * service responses (moderngov_parse, src/ingest/moderngov.c).
 *
 * Input: the bytes of a file said to be a saved GetCommittees,
 * GetMeetings or GetMeeting response.
 *
 * Checked: a refused file has a message that names it ("fuzz.xml"); an
 * accepted one gives only what the store can take: ids that are whole
 * numbers, real dates as YYYY-MM-DD, times as HH:MM, a title for every
 * committee of GetCommittees and every agenda item, a URL for every
 * document, no white space at either end of any text.
 */
#include <stdint.h>

#include "base/arena.h"
#include "base/text.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NAME "fuzz.xml"

static void check_id(const char *s)
{
	size_t n;

	if (!s || !(n = strlen(s)) || n > 18 || strspn(s, "0123456789") != n)
		abort();
}

static void check_text(const char *s, bool required)
{
	size_t n;

	if (!s) {
		if (required)
			abort();
		return;
	}
	n = strlen(s);
	if (!n || s[0] == ' ' || s[n - 1] == ' ' || strchr(s, '\n') ||
	    strchr(s, '\t'))
		abort();
}

static void check_meeting(const struct mg_meeting *m)
{
	check_id(m->id);
	if (m->committee_id)
		check_id(m->committee_id);
	if (!m->date || text_date(m->date, NULL, NULL) < 0)
		abort();
	if (m->time && (strlen(m->time) != 5 || m->time[2] != ':' ||
			strcmp(m->time, "23:59") > 0))
		abort();
	check_text(m->status, false);
	check_text(m->venue, false);
	for (size_t i = 0; i < m->n_items; i++) {
		const struct mg_item *it = &m->items[i];

		check_id(it->id);
		check_text(it->number, false);
		check_text(it->title, true);
		for (size_t k = 0; k < it->n_docs; k++) {
			check_text(it->docs[k].title, true);
			check_text(it->docs[k].url, true);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct mg_response r;

	if (moderngov_parse(NAME, (const char *)data, size, &a, &r, &e) < 0) {
		if (strncmp(e.msg, NAME, strlen(NAME)) != 0)
			abort();
		arena_release(&a);
		return 0;
	}
	for (size_t i = 0; i < r.n_committees; i++) {
		check_id(r.committees[i].id);
		check_text(r.committees[i].title, r.kind == MG_COMMITTEES);
	}
	for (size_t i = 0; i < r.n_meetings; i++)
		check_meeting(&r.meetings[i]);
	if (r.kind == MG_MEETING && r.n_meetings != 1)
		abort();
	arena_release(&a);
	return 0;
}
