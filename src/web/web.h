/*
 * web.h: the HTML writer, the page layout and the pieces pages share.
 *
 * Every page is written with html(), a printf that escapes each %s
 * argument for HTML (text and attribute values alike).  The format string
 * is the markup; values never are.  Markup built elsewhere is written
 * with html_raw(), the one explicit way around the escaping.
 *
 * Pages follow the GOV.UK Design System's patterns: one h1, a summary
 * list for the facts of one thing, tables for lists, tags for status,
 * forms with an error summary at the top and the message by the field.
 */
#ifndef SAFER_WEB_H
#define SAFER_WEB_H

#include "http/http.h"

struct store;
struct choice;

/* printf into b with every %s and %c argument HTML-escaped. */
void html(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Append markup as it is.  Only for markup safer itself built. */
void html_raw(struct buf *b, const char *markup);

/* Add "?key=value" (or "&key=value" when u already has a query) to the
 * address in u, both escaped for a URL; nothing when value is NULL.  The
 * address is then written into a page with html(), which escapes the
 * '&'. */
void web_url_param(struct buf *u, const char *key, const char *value);

/* ---------------------------------------------------------------------
 * Layout (layout.c)
 */

/* Start a page: status 200, the header with the partnership's name and
 * the navigation (nav is the section to mark current: "overview",
 * "plans", "actions", "crime", "performance", "funding", "governance",
 * "outcomes", "organisations", "changes"), then <main>.  The navigation
 * shows an anonymous visitor only the published parts, and the record
 * of changes only to those who may read it. */
void page_begin(struct req *r, struct resp *w, const char *title,
		const char *nav);
/* Close <main> and write the footer. */
void page_end(struct req *r, struct resp *w);

/* A whole page for an error: "Page not found", "There is a problem". */
void web_error_page(struct req *r, struct resp *w, int status,
		    const char *message);
/* The error page for a store error: 404 for ERR_NOT_FOUND, 503 "busy,
 * try again" for ERR_BUSY, else 500. */
#define WEB_BUSY_PAGE "The database is busy with another change. Wait a " \
		      "moment, then try again."
/* What a form shown again after ERR_BUSY says in its error summary. */
#define WEB_BUSY_FORM "Nothing was saved: the database is busy with " \
		      "another change. Wait a moment, then press the " \
		      "button again."
void web_store_error(struct req *r, struct resp *w, const struct err *e);

/* Breadcrumbs: pairs of (href, label), the last without a link. */
void html_breadcrumbs(struct buf *b, size_t n, const char *const *pairs);

/* ---------------------------------------------------------------------
 * Pieces (layout.c)
 */

void html_tag(struct buf *b, const char *colour, const char *text);
void html_status_tag(struct buf *b, const char *status);   /* action */
void html_rag_tag(struct buf *b, const char *rag);         /* may be NULL */
void html_plan_status_tag(struct buf *b, const char *status);
void html_award_status_tag(struct buf *b, const char *status);
void html_example_tag(struct buf *b);
void html_money(struct buf *b, int64_t pence);
void html_date(struct buf *b, const char *date); /* "16 September 2014" */
/* A plan's period: "April 2018 to March 2021". */
void html_period(struct buf *b, const char *start, const char *end);
/* A person with their role: "Caroline Simpson, Corporate Director". */
void html_person(struct buf *b, const char *name, const char *role,
		 const char *organisation);
/* Multi-line text: paragraphs split at blank lines, escaped. */
void html_paragraphs(struct buf *b, const char *text);

/* A table in its wrapper, which scrolls sideways when the table is wider
 * than the screen (a shadow at an edge says there is more): the wrapper
 * is a region named label (the table's caption, which the caller writes
 * next) that takes the keyboard focus, so that it can be scrolled with
 * the arrow keys.  cls (more classes of the table) and id may be NULL.
 * Close with html_table_end. */
void html_table_begin(struct buf *b, const char *label, const char *cls,
		      const char *id);
void html_table_end(struct buf *b);

/* Summary list: html_summary_begin, then for each row
 * html_row_begin(key) ... value markup ... html_row_end, then
 * html_summary_end. */
void html_summary_begin(struct buf *b);
void html_row_begin(struct buf *b, const char *key);
void html_row_end(struct buf *b);
void html_summary_end(struct buf *b);
/* A row whose value is plain text (or "Not recorded" if NULL). */
void html_row_text(struct buf *b, const char *key, const char *value);

/* ---------------------------------------------------------------------
 * Forms (form.c)
 */

struct option {
	const char *value;
	const char *label;
};

struct form {
	struct req *r;
	struct buf *b;
	const struct err_list *errors; /* the problems to show, or NULL */
	bool from_post;          /* show submitted values, not stored ones */
	const struct option *labels; /* field name -> label, ends with NULL */
};

/* The page title for a form's page: "Error: " before it when the form
 * came back with problems (so screen readers hear it first). */
const char *form_title(const struct form *f, const char *title);

/* The GOV.UK error summary, if there are problems: at the top of the
 * main content, before the h1.  Each problem links to its field and
 * reads as the field's label (from f->labels) followed by the message. */
void form_error_summary(struct form *f);

/* Start a form posting to action, with the form token. */
void form_begin(struct form *f, const char *action);
void form_end(struct form *f, const char *button, const char *cancel_href);
/* A filter form: GET, no token, its fields in a row ("filters", plus
 * cls if not NULL); the button below says what it shows.  Its problems
 * are whole sentences: give f->labels with NULL labels, in the fields'
 * order, so that the summary links to each without a prefix. */
void form_begin_get(struct form *f, const char *action, const char *cls);
void form_end_get(struct form *f, const char *button);
/* Add a problem, a whole sentence, with field to l. */
void form_problem(struct err_list *l, const char *field, const char *msg);

/* The value to show in field name: what was posted if the form came back
 * with an error, else the stored value. */
const char *form_value(const struct form *f, const char *name,
		       const char *stored);

/* Fields.  label is the question; hint may be NULL; width is a class
 * suffix ("10", "20" or NULL for full width). */
void form_input(struct form *f, const char *name, const char *label,
		const char *hint, const char *stored, const char *width);
/* A password: its value is never written back into the page.
 * autocomplete is "current-password" or "new-password". */
void form_password(struct form *f, const char *name, const char *label,
		   const char *hint, const char *autocomplete);
/* Checkboxes for the values of one field: form_checkboxes_begin (the
 * question as legend), form_checkbox for each (checked: as stored; a
 * form shown again keeps what was posted), form_checkboxes_end. */
void form_checkboxes_begin(struct form *f, const char *name,
			   const char *legend, const char *hint);
void form_checkbox(struct form *f, const char *name, const char *value,
		   const char *label, bool checked);
void form_checkboxes_end(struct form *f);
void form_textarea(struct form *f, const char *name, const char *label,
		   const char *hint, const char *stored);
/* A select; empty_label, if not NULL, is a first option with value "". */
void form_select(struct form *f, const char *name, const char *label,
		 const char *hint, const struct option *opts, size_t n,
		 const char *empty_label, const char *stored);
/* A select written option by option (for groups, or options worked out
 * as they are written): the group with its label, hint and error, the
 * <select> with class "select" plus cls; then form_option for each (value
 * NULL: the label is the value); then form_select_end. */
void form_select_begin(struct form *f, const char *name, const char *label,
		       const char *hint, const char *cls);
void form_option(struct form *f, const char *value, const char *label,
		 bool selected);
void form_select_end(struct form *f);
/* A select from a list of fixed choices. */
void form_select_choice(struct form *f, const char *name, const char *label,
			const char *hint, const struct choice *choices,
			const char *empty_label, const char *stored);
/* A GOV.UK date input: three fields name-day, name-month, name-year. */
void form_date(struct form *f, const char *name, const char *label,
	       const char *hint, const char *stored);

/* Read a date posted by form_date: *out gets "YYYY-MM-DD", or NULL if all
 * three parts are blank.  A problem is added to l, on the field name. */
int form_read_date(struct req *r, const char *name, const char **out,
		   struct err_list *l);
/* Read an id posted by a select: 0 for blank. */
int form_read_id(struct req *r, const char *name, int64_t *id,
		 struct err_list *l);
/* A posted text field, trimmed, with line breaks as "\n"; NULL if
 * blank. */
const char *form_read_text(struct req *r, const char *name);

/* After a form failed: if every problem is the user's (invalid or in
 * conflict with the data) or the database was busy (nothing was saved;
 * the same form can be sent again) return true so the page shows the
 * form again, with what was typed in it; otherwise show the error page
 * for the first other problem and return false. */
bool form_user_errors(struct req *r, struct resp *w, const struct err_list *l);

/* The status of a form shown again after it failed: 503 if the database
 * was busy (so that the client knows to try again: resp_finish adds
 * Retry-After), else 400. */
int form_failed_status(const struct err_list *l);

#endif
