/*
 * api_crime.c: questions about police.uk data.
 *
 *   GET /api/v1/crime/counts?by=month,type&area=&from=&to=&type=&rate=
 *                             &change=&rolling=&format=
 *   GET /api/v1/crime/top?by=lsoa&type=&n=&area=&from=&to=&rate=&change=&format=
 *   GET /api/v1/crime/summary
 *
 * The parameters mean what the options of "safer crime" mean; type may
 * be given more than once; format is json (the default) or csv.
 */
#include "api.h"
#include "base/text.h"
#include "crime/answer.h"
#include "crime/crime.h"
#include "crime/engine.h"
#include "crime/policeuk.h"
#include "store/store_crime.h"
#include "store/store_publish.h"

/* Read the question from the query; false when w is filled with a 400. */
static bool read_question(struct req *r, struct resp *w, struct question *q,
			  bool top, enum answer_format *fmt)
{
	const char *v;
	struct err e = ERR_INIT;

	memset(q, 0, sizeof(*q));
	q->area = http_query(r, "area");
	q->from = http_query(r, "from");
	q->to = http_query(r, "to");
	q->by = http_query(r, "by");
	q->top = top ? 10 : 0;
	q->default_months = top ? 12 : 0;
	if (q->area && !*q->area)
		q->area = NULL;
	if (q->from && !*q->from)
		q->from = NULL;
	if (q->to && !*q->to)
		q->to = NULL;
	for (size_t i = 0; i < r->n_query; i++)
		if (strcmp(r->query[i].key, "type") == 0 && *r->query[i].value) {
			if (q->n_types == ARRAY_SIZE(q->types)) {
				resp_api_error_status(w, 400, "invalid", "too many types",
						      "type");
				return false;
			}
			q->types[q->n_types++] = r->query[i].value;
		}
	if (http_query_bool(r, "rate", &q->rate, &e) < 0 ||
	    http_query_bool(r, "change", &q->change, &e) < 0 ||
	    http_query_bool(r, "rolling", &q->rolling, &e) < 0) {
		resp_api_error(w, &e);
		return false;
	}
	v = http_query(r, "n");
	if (v) {
		int64_t n;

		if (!top || text_int64(v, 1, ANSWER_MAX_TOP, &n, "n", &e) < 0) {
			resp_api_error_status(w, 400, "invalid",
					      top ? "must be a whole number from 1 to "
						    "10000"
						  : "n is for /api/v1/crime/top",
					      "n");
			return false;
		}
		q->top = (size_t)n;
	}
	v = http_query(r, "format");
	*fmt = ANSWER_JSON;
	if (v && strcmp(v, "csv") == 0) {
		*fmt = ANSWER_CSV;
	} else if (v && strcmp(v, "json") != 0) {
		resp_api_error_status(w, 400, "invalid", "must be json or csv",
				      "format");
		return false;
	}
	if (!q->by || !*q->by) {
		resp_api_error_status(w, 400, "invalid",
				      top ? "say by=lsoa, ward or district"
					  : "say what to count by, like by=month,type",
				      "by");
		return false;
	}
	return true;
}

/* Append s to b as part of a file name: lower case letters and digits,
 * other runs as one '-'. */
static void add_slug(struct buf *b, const char *s)
{
	bool dash = b->len > 0;

	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b->len)
				buf_addc(b, '-');
			buf_addc(b, (char)c);
			dash = false;
		} else if (c >= 'A' && c <= 'Z') {
			if (dash && b->len)
				buf_addc(b, '-');
			buf_addc(b, (char)(c - 'A' + 'a'));
			dash = false;
		} else {
			dash = true;
		}
	}
}

/* The name of the CSV file of an answer, saying what it holds: the
 * area, what is counted, how, and the months, like
 * "stockport-burglary-top-10-lsoas-2025-10-to-2026-09.csv" or
 * "stockport-crime-and-asb-by-month-type-2023-10-to-2026-09.csv". */
static const char *csv_name(struct req *r, const struct crime_engine *g,
			    const struct prepared *p, const struct question *q,
			    bool top)
{
	struct buf b = BUF_INIT;
	char from[8], to[8];
	const char *s;

	add_slug(&b, p->area.name ? p->area.name : "england-and-wales");
	if (q->n_types == 1) {
		char m[8];
		const char *code, *name;

		ce_label(g, CE_TYPE_DIM, p->q.types[0], m, &code, &name);
		add_slug(&b, name ? name : q->types[0]);
	} else {
		add_slug(&b, q->n_types ? "crime" : "crime and asb");
	}
	if (top)
		buf_printf(&b, "-top-%zu", p->top);
	else
		add_slug(&b, "by");
	for (size_t i = 0; i < p->q.n_by; i++)
		add_slug(&b, top ? arena_printf(r->arena, "%ss",
						ce_dim_name(p->q.by[i]))
				 : ce_dim_name(p->q.by[i]));
	pu_month_format(p->q.from, from);
	pu_month_format(p->q.to, to);
	add_slug(&b, from);
	add_slug(&b, "to");
	add_slug(&b, to);
	s = arena_printf(r->arena, "attachment; filename=\"%s.csv\"", b.ptr);
	buf_release(&b);
	return s;
}

static void ask(struct req *r, struct resp *w, bool top)
{
	struct question q;
	struct prepared p;
	struct ce_result res;
	struct extras x;
	enum answer_format fmt;
	struct err e = ERR_INIT;
	const struct crime_engine *g;

	if (!read_question(r, w, &q, top, &fmt))
		return;
	if (r->auth.anonymous) {
		/* The public view: small numbers hidden (answer.h). */
		struct publishing pb;

		if (store_publishing(r->store, &pb, &e) < 0) {
			resp_api_error(w, &e);
			return;
		}
		q.suppress_below = pb.threshold;
	}
	if (!(g = crime_acquire(r->store, r->arena, &e))) {
		resp_api_error(w, &e);
		return;
	}
	if (answer_prepare(g, r->arena, &q, &p, &e) < 0 ||
	    answer_run(g, r->arena, &p, &res, &e) < 0 ||
	    answer_extras(g, r->arena, &p, &res, &x, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	w->status = 200;
	buf_reset(&w->body);
	if (fmt == ANSWER_CSV) {
		w->content_type = "text/csv; charset=utf-8";
		resp_header(w, "Content-Disposition", csv_name(r, g, &p, &q, top));
	} else {
		w->content_type = "application/json";
	}
	answer_write(&w->body, fmt, g, &p, &res, &x);
}

void api_crime_counts(struct req *r, struct resp *w)
{
	ask(r, w, false);
}

void api_crime_top(struct req *r, struct resp *w)
{
	ask(r, w, true);
}

void api_crime_summary(struct req *r, struct resp *w)
{
	struct crime_summary cs;
	struct err e = ERR_INIT;
	struct jw j;
	char month[8];
	int64_t threshold = 0;

	if (store_crime_summary(r->store, &cs, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	if (r->auth.anonymous) {
		struct publishing pb;

		if (store_publishing(r->store, &pb, &e) < 0) {
			resp_api_error(w, &e);
			return;
		}
		threshold = pb.threshold;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_key(&j, "street");
	jw_obj(&j);
	jw_kv_int(&j, "rows", cs.rows[PU_STREET]);
	jw_kv_int(&j, "force_months", cs.batches[PU_STREET]);
	if (r->auth.anonymous && cs.no_location > 0 && cs.no_location < threshold)
		jw_kv_null(&j, "no_location"); /* the public view: small */
	else
		jw_kv_int(&j, "no_location", cs.no_location);
	jw_kv_int(&j, "generated_rows", cs.generated_rows);
	if (cs.first_month >= 0) {
		pu_month_format(cs.first_month, month);
		jw_kv_str(&j, "first_month", month);
		pu_month_format(cs.last_month, month);
		jw_kv_str(&j, "last_month", month);
	} else {
		jw_kv_null(&j, "first_month");
		jw_kv_null(&j, "last_month");
	}
	jw_end(&j);
	jw_key(&j, "outcomes");
	jw_obj(&j);
	jw_kv_int(&j, "rows", cs.rows[PU_OUTCOMES]);
	jw_kv_int(&j, "force_months", cs.batches[PU_OUTCOMES]);
	jw_end(&j);
	jw_key(&j, "stop_search");
	jw_obj(&j);
	jw_kv_int(&j, "rows", cs.rows[PU_STOP_SEARCH]);
	jw_kv_int(&j, "force_months", cs.batches[PU_STOP_SEARCH]);
	jw_end(&j);
	jw_kv_int(&j, "files", cs.files);
	jw_kv_int(&j, "geography_lsoas", cs.geography_lsoas);
	jw_kv_int(&j, "peer_groups", cs.peer_groups);
	jw_end(&j);
	api_end(w);
}
