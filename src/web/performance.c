/*
 * performance.c: what the performance pages share (performance.h): the
 * filter forms, verdict tags, statements with their methods, and the
 * context that holds the crime engine for a page.
 */
#include <math.h>

#include "base/text.h"
#include "pages.h"
#include "performance.h"
#include "store/store_indicator.h"

bool perf_is(const char *s, const char *want)
{
	return s && strcmp(s, want) == 0;
}

bool perf_same(const char *a, const char *b)
{
	return a && b && text_same_area(a, b);
}

const char *perf_per_text(struct arena *a, const struct indicator *ind)
{
	struct buf t = BUF_INIT;
	const char *out;

	text_add_grouped(&t, ind->per);
	out = arena_strdup(a, t.ptr);
	buf_release(&t);
	return out;
}

bool perf_sensitive(const struct indicator *ind)
{
	return perf_is(ind->sensitivity, "official_sensitive");
}

/* The OFFICIAL-SENSITIVE marking, at the top of a page that shows such
 * figures. */
void perf_sensitive_banner(struct buf *b, const char *what)
{
	html(b, "<div class=\"ind-sensitive\" role=\"note\"><strong>OFFICIAL-SENSITIVE"
		"</strong> %s</div>\n",
	     what);
}

void perf_verdict_tag(struct buf *b, enum hl_verdict v)
{
	switch (v) {
	case HL_SIGNIFICANT: html_tag(b, "blue", "Significant"); break;
	case HL_NOT_SIGNIFICANT: html_tag(b, "grey", "Not significant"); break;
	case HL_SMALL_NUMBERS: html_tag(b, "yellow", "Small numbers"); break;
	case HL_SPECIAL_CAUSE: html_tag(b, "purple", "Special cause"); break;
	case HL_COMMON_CAUSE: html_tag(b, "grey", "Common cause"); break;
	case HL_NOT_TESTED:
		/* A figure, a rank or a target is not a test: no tag, rather
		 * than one that reads as "not checked". */
		break;
	}
}

/* The fields of the filter forms, in order (see form_begin_get). */
static const struct option perf_filter_fields[] = {
	{ "area", NULL }, { "period", NULL }, { "level", NULL }, { NULL, NULL },
};

/* A filter form on b showing the problems in l. */
struct form perf_filter_form(struct req *r, struct buf *b,
			       const struct err_list *l)
{
	return (struct form){ .r = r, .b = b, .errors = l, .labels = perf_filter_fields };
}

void perf_level_select(struct form *f, double level)
{
	form_select_begin(f, "level", "Confidence level", NULL, NULL);
	form_option(f, "95", "95%", fabs(level - 0.95) < 1e-9);
	form_option(f, "99.8", "99.8%", fabs(level - 0.998) < 1e-9);
	if (fabs(level - 0.95) > 1e-9 && fabs(level - 0.998) > 1e-9) {
		char v[32], l[32];

		snprintf(v, sizeof(v), "%.4g", level * 100);
		snprintf(l, sizeof(l), "%.4g%%", level * 100);
		form_option(f, v, l, true);
	}
	form_select_end(f);
}

/* A select of names (areas, periods): sel chosen, added if not among
 * them; first, if not NULL, is a first option with the value "". */
void perf_name_select(struct form *f, const char *name, const char *label,
			const char *first, const char *const *names, size_t n,
			const char *sel)
{
	bool found = false;

	form_select_begin(f, name, label, NULL, NULL);
	if (first)
		form_option(f, "", first, !sel || !*sel);
	for (size_t i = 0; i < n; i++) {
		bool on = !found && perf_same(names[i], sel);

		found |= on;
		form_option(f, names[i], names[i], on);
	}
	if (!found && sel && *sel)
		form_option(f, sel, sel, true);
	form_select_end(f);
}

/* "There are no figures for ‘X’: choose an area from the list" */
const char *perf_no_figures_for(struct req *r, const char *area)
{
	return arena_printf(r->arena,
			    "There are no figures for \xE2\x80\x98%s\xE2\x80\x99: "
			    "choose an area from the list",
			    area);
}

/* Read level=; false (with a message) when it is not a level. */
bool perf_read_level(struct req *r, double *level)
{
	const char *v = http_query(r, "level");

	*level = 0.95;
	return !v || !*v || stats_level_parse(v, level) == 0;
}

/* A statement: the sentence with its verdict, its method, and the link
 * to the data. */
void perf_statement(struct buf *b, const struct hl_statement *s, bool link)
{
	html(b, "<li class=\"ind-statement\"><p class=\"ind-statement__sentence\">%s ",
	     s->sentence);
	perf_verdict_tag(b, s->verdict);
	if (s->example)
		html_example_tag(b);
	html(b, "</p>\n<p class=\"ind-statement__method\">%s</p>\n", s->method);
	if (link)
		html(b, "<p class=\"ind-statement__link\"><a href=\"%s\">See the "
			"data<span class=\"visually-hidden\">: %s</span></a></p>\n",
		     s->link, s->sentence);
	html_raw(b, "</li>\n");
}

/* An indicator's headline: its one sentence, as a report would print it,
 * then every statement behind "How this was worked out". */
void perf_headline_block(struct buf *b, const struct hl_indicator *h,
			   bool heading, bool link)
{
	if (heading) {
		html(b, "<h3 class=\"heading-m ind-headline__title\"><a href=\"%s\">%s</a>",
		     h->link, h->ind->name);
		html_raw(b, "</h3>\n");
	}
	if (perf_sensitive(h->ind))
		html_raw(b, "<p><strong class=\"tag tag--red\">Official-sensitive"
			    "</strong></p>\n");
	html(b, "<p class=\"ind-summary\">%s", h->summary);
	if (h->example)
		html_example_tag(b);
	html_raw(b, "</p>\n");
	if (!h->has_data)
		return;
	html(b, "<details class=\"ind-method\"><summary>How this was worked out"
		"<span class=\"visually-hidden\">: %s</span></summary>\n"
		"<div class=\"details__text\">\n<ul class=\"ind-statements\">\n",
	     h->ind->name);
	for (size_t i = 0; i < h->n_st; i++)
		perf_statement(b, &h->st[i], link);
	html_raw(b, "</ul>\n</div></details>\n");
}

/* A context for a page: the server's crime engine; on failure the page
 * is the error page. */
bool perf_open_ctx(struct req *r, struct resp *w, double level,
		     struct ind_ctx *c)
{
	struct err e = ERR_INIT;

	if (ind_ctx_open(c, r->store, r->arena, level, &e) < 0) {
		web_store_error(r, w, &e);
		return false;
	}
	return true;
}

const char *perf_level_param(struct arena *a, double level)
{
	return fabs(level - 0.95) < 1e-9 ? NULL : arena_printf(a, "%.4g", level * 100);
}
