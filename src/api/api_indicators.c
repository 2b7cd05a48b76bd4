/*
 * api_indicators.c: indicators, their figures with intervals, and the
 * performance headlines (their JSON is repr_indicator.c's).
 *
 *   GET /api/v1/indicators
 *   GET /api/v1/indicators/{id}?area=&level=
 *   GET /api/v1/headlines?area=&period=&level=
 *
 * area defaults to the headlines' default area (hl_default_area); level
 * is a percentage (95, the default, or 99.8).  See docs/api.md.
 */
#include "api.h"
#include "store/store_publish.h"
#include "indicators/headline.h"
#include "repr/repr_indicator.h"
#include "store/store_indicator.h"

/* Read level and area; false when w is filled with an error.  *area
 * defaults to the headlines' default area. */
static bool read_common(struct req *r, struct resp *w, struct ind_ctx *c,
			const char **area, struct err *e)
{
	const char *lv = http_query(r, "level");
	double level = 0.95;

	if (lv && *lv && stats_level_parse(lv, &level) < 0) {
		resp_api_error_status(w, 400, "invalid",
				      "must be a confidence level such as 95 or 99.8",
				      "level");
		return false;
	}
	if (ind_ctx_open(c, r->store, r->arena, level, e) < 0) {
		resp_api_error(w, e);
		return false;
	}
	*area = http_query(r, "area");
	if (!*area || !**area) {
		*area = hl_default_area(c, e);
		if (!*area && e->code != ERR_OK) {
			resp_api_error(w, e);
			return false;
		}
	} else {
		int known = hl_area_find(c, *area, e);
		char msg[300];

		if (known < 0) {
			resp_api_error(w, e);
			return false;
		}
		if (!known) {
			snprintf(msg, sizeof(msg),
				 "no indicator has figures for '%.200s'", *area);
			resp_api_error_status(w, 404, "not_found", msg, "area");
			return false;
		}
	}
	return true;
}

void api_indicators(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct indicator *all;
	struct jw j;
	size_t n;

	if (!(all = store_indicators(r->store, r->arena, &n, &e))) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	jw_obj(&j);
	jw_key(&j, "indicators");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		repr_json_indicator(&j, &all[i]);
	jw_end(&j);
	jw_end(&j);
	api_end(w);
}

void api_indicator(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct ind_ctx c = { 0 };
	struct indicator *ind;
	struct hl_indicator h;
	const char *area = NULL, **areas;
	size_t n_areas;
	struct jw j;

	if (!(ind = store_indicator(r->store, r->arena, r->ids[0], &e))) {
		resp_api_error(w, &e);
		return;
	}
	if (!read_common(r, w, &c, &area, &e))
		return;
	if (!(areas = ind_areas(&c, ind, &n_areas, &e)) ||
	    hl_indicator(&c, ind, area ? area : "", NULL, &h, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	api_begin(w, &j);
	repr_json_indicator_detail(&j, &h, areas, n_areas, c.level);
	api_end(w);
}

void api_headlines(struct req *r, struct resp *w)
{
	struct err e = ERR_INIT;
	struct ind_ctx c = { 0 };
	struct hl_report rep;
	const char *area = NULL;
	struct jw j;

	if (!read_common(r, w, &c, &area, &e))
		return;
	if (hl_report(&c, area ? area : "", http_query(r, "period"), &rep, &e) < 0) {
		resp_api_error(w, &e);
		return;
	}
	if (r->auth.anonymous) {
		/* The public view: nothing official-sensitive, nothing small. */
		struct publishing pb;

		if (store_publishing(r->store, &pb, &e) < 0) {
			resp_api_error(w, &e);
			return;
		}
		hl_report_public(&rep, pb.threshold);
	}
	api_begin(w, &j);
	repr_json_headlines(&j, &rep);
	api_end(w);
}
