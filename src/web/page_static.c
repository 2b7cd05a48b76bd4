/*
 * page_static.c: serving the files built into the binary, with a long
 * cache lifetime (they change only with a new safer, and the stylesheet
 * is small).
 */
#include "pages.h"
#include "static.h"

void page_static(struct req *r, struct resp *w)
{
	for (const struct static_file *f = static_files; f->path; f++) {
		if (strcmp(f->path, r->path) != 0)
			continue;
		w->content_type = f->type;
		resp_header(w, "Cache-Control", "public, max-age=3600");
		buf_add(&w->body, f->data, f->size);
		return;
	}
	web_error_page(r, w, 404, "There is no such file.");
}
