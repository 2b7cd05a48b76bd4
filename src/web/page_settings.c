/*
 * page_settings.c: /settings/publishing, what the partnership publishes
 * to anonymous visitors and the threshold below which counts are hidden
 * from them (store_publish.h): GOV.UK checkboxes and a number, saved by
 * POST, each change recorded.
 */
#include "base/suppress.h"
#include "base/text.h"
#include "pages.h"
#include "store/store_publish.h"

static const struct option publishing_labels[] = {
	{ "publish", "What to publish" },
	{ "threshold", "Hide counts fewer than" },
	{ NULL, NULL },
};

/* The form, with p's settings (or what was posted, when l has
 * problems). */
static void publishing_form(struct req *r, struct resp *w,
			    const struct publishing *p, const struct err_list *l,
			    bool saved)
{
	struct buf *b = &w->body;
	struct form f = { .r = r, .b = b, .errors = l, .from_post = l && l->n,
			  .labels = publishing_labels };
	char n[24];

	page_begin(r, w, form_title(&f, "Publishing"), NULL);
	if (l && l->n) {
		w->status = form_failed_status(l);
		form_error_summary(&f);
	}
	if (saved)
		html_raw(b, "<div class=\"notification\" role=\"status\">"
			    "<h2 class=\"notification__title\">Success</h2>"
			    "<div class=\"notification__content\">The publishing "
			    "settings have been saved.</div></div>\n");
	html_raw(b, "<span class=\"caption-l\">Settings</span>\n<h1>Publishing</h1>\n"
		    "<p>What anonymous visitors may read, at the same addresses as "
		    "everyone else, without signing in. They never see actions, "
		    "notes, awards or anything marked official-sensitive, and "
		    "counts below the threshold are hidden in every table, chart "
		    "and CSV, with any count that would let one be worked out from "
		    "the totals.</p>\n");
	form_begin(&f, "/settings/publishing");
	html_raw(b, "<div class=\"form-group\"><fieldset class=\"fieldset\">"
		    "<legend class=\"fieldset__legend\">What to publish</legend>\n");
	for (int i = 0; i < PUBLISH_N_PARTS; i++)
		html(b, "<div><label class=\"label checkbox-label\" for=\"publish-%s\">"
			"<input type=\"checkbox\" id=\"publish-%s\" name=\"publish\" "
			"value=\"%s\"%s> %s</label></div>\n",
		     publish_parts[i].code, publish_parts[i].code,
		     publish_parts[i].code, p->on[i] ? " checked" : "",
		     publish_parts[i].label);
	html_raw(b, "</fieldset></div>\n");
	snprintf(n, sizeof(n), "%lld", (long long)p->threshold);
	form_input(&f, "threshold", "Hide counts fewer than",
		   "The usual threshold is 5: a count of 1 to 4 is hidden.", n, "10");
	form_end(&f, "Save", "/");
	page_end(r, w);
}

void page_settings_publishing(struct req *r, struct resp *w)
{
	struct publishing p;
	struct err e = ERR_INIT;

	if (store_publishing(r->store, &p, &e) < 0) {
		web_store_error(r, w, &e);
		return;
	}
	publishing_form(r, w, &p, NULL, http_query(r, "saved") != NULL);
}

void page_settings_publishing_save(struct req *r, struct resp *w)
{
	struct publishing p;
	struct err e = ERR_INIT, errs[4];
	struct err_list l = { errs, 0, ARRAY_SIZE(errs) };
	const char *t = form_read_text(r, "threshold");

	memset(&p, 0, sizeof(p));
	for (size_t i = 0; i < r->n_form; i++) {
		const char *k = r->form[i].key;
		int part;

		if (strcmp(k, "csrf") == 0 || strcmp(k, "threshold") == 0)
			continue;
		if (strcmp(k, "publish") != 0) {
			form_problem(&l, k, arena_printf(r->arena, "There is no field "
							 "called \xE2\x80\x98%s\xE2\x80\x99",
							 k));
			continue;
		}
		part = publish_part_parse(r->form[i].value);
		if (part < 0)
			form_problem(&l, "publish", "Choose what to publish from the list");
		else
			p.on[part] = true;
	}
	if (!t || text_int64(t, 1, SUPPRESS_MAX, &p.threshold, "threshold", NULL) < 0)
		form_problem(&l, "threshold",
			     arena_printf(r->arena, "Enter the threshold as a whole "
						    "number from 1 to %d",
					  SUPPRESS_MAX));
	if (!l.n && store_publishing_save(r->store, &p, NULL, &e) < 0)
		err_list_add(&l, &e);
	if (l.n) {
		if (!form_user_errors(r, w, &l))
			return;
		if (!t)
			p.threshold = 0;
		publishing_form(r, w, &p, &l, false);
		return;
	}
	resp_redirect(w, r->arena, "/settings/publishing?saved=1");
}
