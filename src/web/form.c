/*
 * form.c: forms after the GOV.UK pattern: an error summary at the top
 * linking to the field, the message beside the field, the values the user
 * entered kept; and reading what was posted.
 */
#include "base/text.h"
#include "store/store.h"
#include "web.h"

static const char *label_of(const struct form *f, const char *field)
{
	for (const struct option *o = f->labels; o && o->value; o++)
		if (strcmp(o->value, field) == 0)
			return o->label;
	return NULL;
}

/* The problem with field, or NULL if there is none. */
static const struct err *field_error(const struct form *f, const char *field)
{
	for (size_t i = 0; f->errors && i < f->errors->n; i++)
		if (strcmp(f->errors->v[i].field, field) == 0)
			return &f->errors->v[i];
	return NULL;
}

/* The message for a problem: "Due date must be a real date". */
static void error_text(const struct form *f, struct buf *b, const struct err *e)
{
	const char *label = label_of(f, e->field);

	if (e->code == ERR_BUSY)
		html(b, "%s", WEB_BUSY_FORM);
	else if (label)
		html(b, "%s %s", label, e->msg);
	else
		html(b, "%s", e->msg);
}

/* Fields are found by id; a date's first box is its "-day" part. */
static bool is_date_field(const struct form *f, const char *field)
{
	char key[80];

	snprintf(key, sizeof(key), "%s-day", field);
	return http_form(f->r, key) != NULL;
}

const char *form_title(const struct form *f, const char *title)
{
	if (!f->errors || !f->errors->n)
		return title;
	return arena_printf(f->r->arena, "Error: %s", title);
}

/* Index of field in f->labels (the form's order), or a large number. */
static size_t field_rank(const struct form *f, const char *field)
{
	size_t i = 0;

	for (const struct option *o = f->labels; o && o->value; o++, i++)
		if (strcmp(o->value, field) == 0)
			return i;
	return SIZE_MAX;
}

void form_error_summary(struct form *f)
{
	struct buf *b = f->b;
	size_t order[64], n = 0;

	if (!f->errors || !f->errors->n)
		return;
	/* The problems in the order their fields come in the form (a
	 * stable insertion sort; problems with no field go last). */
	for (size_t i = 0; i < f->errors->n && n < ARRAY_SIZE(order); i++) {
		size_t r = field_rank(f, f->errors->v[i].field), k = n++;

		while (k > 0 && field_rank(f, f->errors->v[order[k - 1]].field) > r) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = i;
	}
	/* autofocus: the keyboard focus starts on the summary, so that a
	 * screen reader reads it first and Tab goes to its links, without
	 * JavaScript (the GOV.UK pattern moves it with a script). */
	html_raw(b, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" "
		    "autofocus>\n"
		    "<h2 class=\"error-summary__title\">There is a problem</h2>\n"
		    "<ul class=\"error-summary__list\">\n");
	for (size_t k = 0; k < n; k++) {
		const struct err *e = &f->errors->v[order[k]];
		bool link = field_rank(f, e->field) != SIZE_MAX;

		html_raw(b, "<li>");
		if (link && is_date_field(f, e->field))
			html(b, "<a href=\"#%s-day\">", e->field);
		else if (link)
			html(b, "<a href=\"#%s\">", e->field);
		error_text(f, b, e);
		if (link)
			html_raw(b, "</a>");
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ul>\n</div>\n");
}

void form_problem(struct err_list *l, const char *field, const char *msg)
{
	struct err x;

	err_set(&x, ERR_INVALID, field, "%s", msg);
	err_list_add(l, &x);
}

bool form_user_errors(struct req *r, struct resp *w, const struct err_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].code != ERR_INVALID && l->v[i].code != ERR_CONFLICT &&
		    l->v[i].code != ERR_BUSY) {
			web_store_error(r, w, &l->v[i]);
			return false;
		}
	return true;
}

int form_failed_status(const struct err_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].code == ERR_BUSY)
			return 503;
	return 400;
}

void form_begin(struct form *f, const char *action)
{
	struct buf *b = f->b;

	html(b, "<form method=\"post\" action=\"%s\" novalidate>\n"
		"<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n",
	     action, f->r->csrf);
}

void form_begin_get(struct form *f, const char *action, const char *cls)
{
	html(f->b, "<form method=\"get\" action=\"%s\" class=\"filters%s%s\" "
		   "novalidate>\n",
	     action, cls ? " " : "", cls ? cls : "");
}

void form_end_get(struct form *f, const char *button)
{
	html(f->b, "<div class=\"form-group\"><button type=\"submit\" "
		   "class=\"button button--small\">%s</button></div>\n</form>\n",
	     button);
}

void form_end(struct form *f, const char *button, const char *cancel_href)
{
	html(f->b, "<div class=\"button-group\">\n"
		   "<button type=\"submit\" class=\"button\">%s</button>\n",
	     button);
	if (cancel_href)
		html(f->b, "<a href=\"%s\">Cancel</a>\n", cancel_href);
	html_raw(f->b, "</div>\n</form>\n");
}

const char *form_value(const struct form *f, const char *name,
		       const char *stored)
{
	if (f->from_post) {
		const char *v = http_form(f->r, name);

		return v ? v : "";
	}
	return stored ? stored : "";
}

/* A field's hint and its error message, after its label. */
static void hint_and_error(struct form *f, const char *name, const char *hint,
			   const struct err *err)
{
	if (hint)
		html(f->b, "<div class=\"hint\" id=\"%s-hint\">%s</div>\n", name,
		     hint);
	if (err) {
		html(f->b, "<p class=\"error-message\" id=\"%s-error\">"
			   "<span class=\"visually-hidden\">Error:</span> ",
		     name);
		error_text(f, f->b, err);
		html_raw(f->b, "</p>\n");
	}
}

/* Open a form group with its label, hint and error; returns the error. */
static const struct err *group_begin(struct form *f, const char *name,
				     const char *label, const char *hint)
{
	const struct err *err = field_error(f, name);

	html(f->b, "<div class=\"form-group%s\">\n"
		   "<label class=\"label\" for=\"%s\">%s</label>\n",
	     err ? " form-group--error" : "", name, label);
	hint_and_error(f, name, hint, err);
	return err;
}

/* The aria-describedby attribute of a field with a hint and/or error. */
static void described_by(struct form *f, const char *name, const char *hint,
			 const struct err *err)
{
	if (hint || err)
		html(f->b, " aria-describedby=\"%s%s%s%s%s\"", hint ? name : "",
		     hint ? "-hint" : "", hint && err ? " " : "",
		     err ? name : "", err ? "-error" : "");
}

void form_input(struct form *f, const char *name, const char *label,
		const char *hint, const char *stored, const char *width)
{
	const struct err *err = group_begin(f, name, label, hint);

	html(f->b, "<input class=\"input%s%s%s\" id=\"%s\" name=\"%s\" "
		   "type=\"text\" value=\"%s\"",
	     width ? " input--width-" : "", width ? width : "",
	     err ? " input--error" : "", name, name,
	     form_value(f, name, stored));
	described_by(f, name, hint, err);
	html_raw(f->b, ">\n</div>\n");
}

void form_password(struct form *f, const char *name, const char *label,
		   const char *hint, const char *autocomplete)
{
	const struct err *err = group_begin(f, name, label, hint);

	html(f->b, "<input class=\"input input--width-20%s\" id=\"%s\" "
		   "name=\"%s\" type=\"password\" autocomplete=\"%s\" "
		   "spellcheck=\"false\"",
	     err ? " input--error" : "", name, name, autocomplete);
	described_by(f, name, hint, err);
	html_raw(f->b, ">\n</div>\n");
}

void form_checkboxes_begin(struct form *f, const char *name,
			   const char *legend, const char *hint)
{
	const struct err *err = field_error(f, name);

	html(f->b, "<div class=\"form-group%s\" id=\"%s\">\n"
		   "<fieldset class=\"fieldset\">\n"
		   "<legend class=\"label\">%s</legend>\n",
	     err ? " form-group--error" : "", name, legend);
	hint_and_error(f, name, hint, err);
}

void form_checkbox(struct form *f, const char *name, const char *value,
		   const char *label, bool checked)
{
	bool on = checked;

	if (f->from_post) {
		on = false;
		for (size_t i = 0; i < f->r->n_form; i++)
			if (strcmp(f->r->form[i].key, name) == 0 &&
			    strcmp(f->r->form[i].value, value) == 0)
				on = true;
	}
	html(f->b, "<div><label class=\"label checkbox-label\">"
		   "<input type=\"checkbox\" name=\"%s\" value=\"%s\"%s> "
		   "%s</label></div>\n",
	     name, value, on ? " checked" : "", label);
}

void form_checkboxes_end(struct form *f)
{
	html_raw(f->b, "</fieldset>\n</div>\n");
}

void form_textarea(struct form *f, const char *name, const char *label,
		   const char *hint, const char *stored)
{
	const struct err *err = group_begin(f, name, label, hint);

	html(f->b, "<textarea class=\"textarea%s\" id=\"%s\" name=\"%s\" rows=\"5\"",
	     err ? " textarea--error" : "", name, name);
	described_by(f, name, hint, err);
	html(f->b, ">%s</textarea>\n</div>\n", form_value(f, name, stored));
}

void form_select_begin(struct form *f, const char *name, const char *label,
		       const char *hint, const char *cls)
{
	const struct err *err = group_begin(f, name, label, hint);

	html(f->b, "<select class=\"select%s%s%s\" id=\"%s\" name=\"%s\"",
	     cls ? " " : "", cls ? cls : "", err ? " select--error" : "", name,
	     name);
	described_by(f, name, hint, err);
	html_raw(f->b, ">\n");
}

void form_option(struct form *f, const char *value, const char *label,
		 bool selected)
{
	html(f->b, "<option value=\"%s\"%s>%s</option>\n", value ? value : label,
	     selected ? " selected" : "", label);
}

void form_select_end(struct form *f)
{
	html_raw(f->b, "</select>\n</div>\n");
}

void form_select(struct form *f, const char *name, const char *label,
		 const char *hint, const struct option *opts, size_t n,
		 const char *empty_label, const char *stored)
{
	const char *cur = form_value(f, name, stored);

	form_select_begin(f, name, label, hint, NULL);
	if (empty_label)
		form_option(f, "", empty_label, !*cur);
	for (size_t i = 0; i < n; i++)
		form_option(f, opts[i].value, opts[i].label,
			    strcmp(opts[i].value, cur) == 0);
	form_select_end(f);
}

void form_select_choice(struct form *f, const char *name, const char *label,
			const char *hint, const struct choice *choices,
			const char *empty_label, const char *stored)
{
	struct option opts[16];
	size_t n = 0;

	for (; choices->code && n < ARRAY_SIZE(opts); choices++, n++) {
		opts[n].value = choices->code;
		opts[n].label = choices->label;
	}
	form_select(f, name, label, hint, opts, n, empty_label, stored);
}

void form_date(struct form *f, const char *name, const char *label,
	       const char *hint, const char *stored)
{
	static const struct {
		const char *part;
		const char *label;
		const char *width;
		size_t offset, len;
	} parts[] = {
		{ "day", "Day", "2", 8, 2 },
		{ "month", "Month", "2", 5, 2 },
		{ "year", "Year", "4", 0, 4 },
	};
	const struct err *err = field_error(f, name);

	html(f->b, "<div class=\"form-group%s\">\n"
		   "<fieldset class=\"fieldset\" role=\"group\"",
	     err ? " form-group--error" : "");
	described_by(f, name, hint, err);
	html(f->b, ">\n<legend class=\"label\">%s</legend>\n", label);
	hint_and_error(f, name, hint, err);
	html_raw(f->b, "<div class=\"date-input\">\n");
	for (size_t i = 0; i < ARRAY_SIZE(parts); i++) {
		char key[80], piece[8] = "";
		const char *v;

		snprintf(key, sizeof(key), "%s-%s", name, parts[i].part);
		if (f->from_post) {
			v = http_form(f->r, key);
			v = v ? v : "";
		} else {
			if (stored && strlen(stored) == 10) {
				memcpy(piece, stored + parts[i].offset, parts[i].len);
				piece[parts[i].len] = '\0';
				/* Show 03 as 3, as people write it. */
				if (parts[i].len == 2 && piece[0] == '0') {
					piece[0] = piece[1];
					piece[1] = '\0';
				}
			}
			v = piece;
		}
		html(f->b, "<div class=\"date-input__item\">"
			   "<label class=\"date-input__label\" for=\"%s\">%s</label>"
			   "<input class=\"input input--width-%s%s\" id=\"%s\" "
			   "name=\"%s\" type=\"text\" inputmode=\"numeric\" "
			   "value=\"%s\"></div>\n",
		     key, parts[i].label, parts[i].width,
		     err ? " input--error" : "", key, key, v);
	}
	html_raw(f->b, "</div>\n</fieldset>\n</div>\n");
}

int form_read_date(struct req *r, const char *name, const char **out,
		   struct err_list *l)
{
	struct err one = ERR_INIT, *e = &one;
	char key[80];
	const char *part[3];
	static const char *const names[] = { "day", "month", "year" };
	int64_t v[3];
	bool blank = true;

	*out = NULL;
	for (int i = 0; i < 3; i++) {
		snprintf(key, sizeof(key), "%s-%s", name, names[i]);
		part[i] = http_form(r, key);
		part[i] = part[i] ? text_trim(arena_strdup(r->arena, part[i])) : "";
		if (*part[i])
			blank = false;
	}
	if (blank)
		return 0;
	for (int i = 0; i < 3; i++)
		if (!*part[i]) {
			err_set(e, ERR_INVALID, name, "must include a %s", names[i]);
			return err_list_add(l, e);
		}
	if (text_int64(part[0], 1, 31, &v[0], name, NULL) < 0 ||
	    text_int64(part[1], 1, 12, &v[1], name, NULL) < 0 ||
	    text_int64(part[2], 1900, 2199, &v[2], name, NULL) < 0) {
		err_set(e, ERR_INVALID, name, "must be a real date, like 31 3 2021");
		return err_list_add(l, e);
	}
	*out = arena_printf(r->arena, "%04d-%02d-%02d", (int)v[2], (int)v[1],
			    (int)v[0]);
	if (text_date(*out, name, NULL) < 0) {
		*out = NULL;
		err_set(e, ERR_INVALID, name, "must be a real date, like 31 3 2021");
		return err_list_add(l, e);
	}
	return 0;
}

int form_read_id(struct req *r, const char *name, int64_t *id,
		 struct err_list *l)
{
	const char *v = http_form(r, name);
	struct err e = ERR_INIT;

	*id = 0;
	if (!v || !*v)
		return 0;
	if (text_int64(v, 1, INT64_MAX, id, name, NULL) < 0) {
		*id = 0;
		err_set(&e, ERR_INVALID, name, "must be chosen from the list");
		return err_list_add(l, &e);
	}
	return 0;
}

const char *form_read_text(struct req *r, const char *name)
{
	const char *v = http_form(r, name);
	char *t, *out;

	if (!v)
		return NULL;
	t = text_trim(arena_strdup(r->arena, v));
	/* Browsers send line breaks as CRLF; keep "\n" only. */
	out = t;
	for (char *p = t; *p; p++)
		if (!(p[0] == '\r' && p[1] == '\n'))
			*out++ = *p;
	*out = '\0';
	return *t ? t : NULL;
}
