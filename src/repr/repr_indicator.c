/*
 * repr_indicator.c: the JSON of indicators, their figures with intervals,
 * SPC charts and the performance headlines, which the API serves and
 * "safer indicators show" and "safer headlines" print.
 */
#include <math.h>

#include "repr_indicator.h"
#include "store/store_indicator.h"

static void kv_num_or_null(struct jw *j, const char *key, bool has, double v)
{
	if (has && isfinite(v))
		jw_kv_num(j, key, v);
	else
		jw_kv_null(j, key);
}

static void ids(struct jw *j, const char *key, const int64_t *v, size_t n)
{
	jw_key(j, key);
	jw_arr(j);
	for (size_t i = 0; i < n; i++)
		jw_int(j, v[i]);
	jw_end(j);
}

void repr_json_indicator(struct jw *j, const struct indicator *ind)
{
	char link[64];

	jw_obj(j);
	jw_kv_int(j, "id", ind->id);
	jw_kv_str(j, "code", ind->code);
	jw_kv_str(j, "name", ind->name);
	jw_kv_str(j, "description", ind->description);
	jw_kv_str(j, "unit", ind->unit);
	if (ind->per)
		jw_kv_int(j, "per", ind->per);
	else
		jw_kv_null(j, "per");
	jw_kv_str(j, "polarity", ind->polarity);
	jw_kv_str(j, "frequency", ind->frequency);
	jw_kv_str(j, "source", ind->source);
	jw_kv_str(j, "owner", ind->owner);
	jw_kv_str(j, "sensitivity", ind->sensitivity);
	jw_kv_str(j, "ci_method", ind->ci_method);
	jw_kv_str(j, "comparison", ind->comparison);
	jw_kv_str(j, "benchmark", ind->benchmark);
	jw_kv_str(j, "peer_group", ind->peer_group);
	kv_num_or_null(j, "target", ind->has_target, ind->target);
	jw_kv_str(j, "target_note", ind->target_note);
	kv_num_or_null(j, "baseline", ind->has_baseline, ind->baseline);
	jw_kv_str(j, "baseline_period", ind->baseline_period);
	jw_kv_str(j, "crime_type", ind->crime_type);
	jw_kv_bool(j, "example", ind->example);
	jw_kv_int(j, "n_values", ind->n_values);
	jw_kv_str(j, "first_period", ind->first_period);
	jw_kv_str(j, "last_period", ind->last_period);
	ids(j, "theme_ids", ind->theme_ids, ind->n_themes);
	ids(j, "priority_ids", ind->priority_ids, ind->n_priorities);
	ids(j, "outcome_ids", ind->outcome_ids, ind->n_outcomes);
	snprintf(link, sizeof(link), "/indicators/%lld", (long long)ind->id);
	jw_kv_str(j, "link", link);
	jw_end(j);
}

void repr_json_point(struct jw *j, const struct ind_point *p)
{
	jw_obj(j);
	jw_kv_str(j, "area", p->area);
	jw_kv_str(j, "period", p->period);
	jw_kv_str(j, "period_start", p->start);
	jw_kv_str(j, "period_end", p->end);
	kv_num_or_null(j, "numerator", p->has_numerator, p->numerator);
	kv_num_or_null(j, "denominator", p->has_denominator, p->denominator);
	kv_num_or_null(j, "value", p->has_value, p->value);
	kv_num_or_null(j, "lower", p->has_ci, p->lower);
	kv_num_or_null(j, "upper", p->has_ci, p->upper);
	jw_kv_str(j, "ci_method", p->has_ci ? p->ci_method : NULL);
	jw_kv_str(j, "no_ci", p->has_ci ? NULL : p->no_ci);
	jw_kv_bool(j, "small", p->small);
	jw_kv_bool(j, "example", p->example);
	jw_kv_str(j, "note", p->note);
	jw_kv_str(j, "source", p->source);
	jw_end(j);
}

/* The SPC chart: limits, and with points every point's place. */
void repr_json_spc(struct jw *j, const struct ind_series *s,
		  const struct ind_spc *spc, bool with_points)
{
	const struct stats_spc_segment *sg = &spc->res.segments[0];

	jw_obj(j);
	jw_kv_bool(j, "enough", spc->done);
	jw_kv_int(j, "n", (int64_t)spc->n);
	jw_kv_int(j, "min_points", IND_SPC_MIN_POINTS);
	if (!spc->done) {
		jw_kv_str(j, "why_not", spc->why_not);
		jw_end(j);
		return;
	}
	jw_kv_str(j, "method", spc->res.method);
	jw_kv_num(j, "mean", sg->mean);
	jw_kv_num(j, "lower_limit", sg->lower_limit);
	jw_kv_num(j, "upper_limit", sg->upper_limit);
	jw_kv_num(j, "average_moving_range", sg->amr);
	jw_kv_int(j, "screened", (int64_t)sg->screened);
	jw_kv_int(j, "n_special", (int64_t)spc->res.n_special);
	jw_kv_int(j, "n_improvement", (int64_t)spc->res.n_improvement);
	jw_kv_int(j, "n_concern", (int64_t)spc->res.n_concern);
	jw_kv_str(j, "last_class", stats_spc_class_name(spc->res.last_class));
	jw_key(j, "signals");
	jw_arr(j);
	for (size_t i = 0; i < spc->n; i++) {
		const struct stats_spc_point *p = &spc->points[i];

		if (!p->special)
			continue;
		jw_obj(j);
		jw_kv_str(j, "period", s->points[spc->index[i]].period);
		jw_kv_num(j, "value", p->value);
		jw_kv_str(j, "rule", p->type_name);
		jw_kv_str(j, "class", p->class_name);
		jw_end(j);
	}
	jw_end(j);
	if (with_points) {
		jw_key(j, "points");
		jw_arr(j);
		for (size_t i = 0; i < spc->n; i++) {
			const struct stats_spc_point *p = &spc->points[i];

			jw_obj(j);
			jw_kv_str(j, "period", s->points[spc->index[i]].period);
			jw_kv_num(j, "value", p->value);
			jw_kv_num(j, "mean", p->mean);
			jw_kv_num(j, "lower_limit", p->lower_limit);
			jw_kv_num(j, "upper_limit", p->upper_limit);
			jw_kv_bool(j, "special", p->special);
			jw_kv_str(j, "rule", p->special ? p->type_name : NULL);
			jw_kv_str(j, "class", p->class_name);
			jw_end(j);
		}
		jw_end(j);
	}
	jw_end(j);
}

static void json_peers(struct jw *j, const struct hl_statement *s)
{
	jw_key(j, "peers");
	jw_arr(j);
	for (size_t i = 0; i < s->n_peers; i++) {
		const struct ind_point *p = &s->peers[i];

		jw_obj(j);
		jw_kv_str(j, "area", p->area);
		kv_num_or_null(j, "value", p->has_value, p->value);
		kv_num_or_null(j, "lower", p->has_ci, p->lower);
		kv_num_or_null(j, "upper", p->has_ci, p->upper);
		kv_num_or_null(j, "numerator", p->has_numerator, p->numerator);
		kv_num_or_null(j, "denominator", p->has_denominator, p->denominator);
		if (s->ranks[i].rank) {
			jw_kv_int(j, "rank", (int64_t)s->ranks[i].rank);
			jw_kv_int(j, "ties", (int64_t)s->ranks[i].ties);
		} else {
			jw_kv_null(j, "rank");
			jw_kv_null(j, "ties");
		}
		jw_kv_bool(j, "small", p->small);
		jw_kv_bool(j, "example", p->example);
		jw_end(j);
	}
	jw_end(j);
}

void repr_json_statement(struct jw *j, const struct hl_statement *s)
{
	jw_obj(j);
	jw_kv_str(j, "kind", hl_kind_name(s->kind));
	jw_kv_str(j, "verdict", hl_verdict_name(s->verdict));
	jw_kv_bool(j, "significant", s->significant);
	jw_kv_bool(j, "small", s->small);
	jw_kv_bool(j, "example", s->example);
	jw_kv_str(j, "sentence", s->sentence);
	jw_kv_str(j, "method", s->method);
	jw_kv_str(j, "link", s->link);
	switch (s->kind) {
	case HL_VALUE:
		jw_key(j, "value");
		repr_json_point(j, &s->a);
		break;
	case HL_TARGET:
		jw_key(j, "value");
		repr_json_point(j, &s->a);
		jw_kv_num(j, "target", s->target);
		jw_kv_bool(j, "met", s->met);
		break;
	case HL_BENCHMARK:
		jw_key(j, "value");
		repr_json_point(j, &s->a);
		jw_kv_str(j, "benchmark_area", s->other);
		jw_key(j, "benchmark");
		repr_json_point(j, &s->b);
		jw_kv_str(j, "rule", s->cmp.rule == STATS_RULE_OVERLAP ? "overlap"
								       : "benchmark_outside");
		jw_kv_str(j, "direction", s->cmp.direction_name);
		jw_kv_str(j, "judgement", s->cmp.judgement_name);
		break;
	case HL_PEERS:
		jw_key(j, "value");
		repr_json_point(j, &s->a);
		jw_kv_str(j, "group", s->other);
		jw_kv_bool(j, "in_group", s->area_in_group);
		jw_kv_bool(j, "highest_first", s->highest_first);
		if (s->rank) {
			jw_kv_int(j, "rank", (int64_t)s->rank);
			jw_kv_int(j, "ties", (int64_t)s->ties);
		} else {
			jw_kv_null(j, "rank");
			jw_kv_null(j, "ties");
		}
		jw_kv_int(j, "ranked", (int64_t)s->n_ranked);
		jw_kv_int(j, "members", (int64_t)s->n_peers);
		json_peers(j, s);
		break;
	case HL_CHANGE:
		jw_kv_str(j, "change", hl_change_name(s->change));
		jw_key(j, "after");
		repr_json_point(j, &s->a);
		jw_key(j, "before");
		repr_json_point(j, &s->b);
		jw_kv_bool(j, "tested", s->tested);
		jw_kv_int(j, "n_tests", (int64_t)s->n_tests);
		jw_kv_num(j, "alpha", s->alpha);
		if (s->change == HL_CHANGE_YEAR_NONE)
			break;
		jw_kv_int(j, "direction", s->direction);
		jw_kv_num(j, "percent", s->percent);
		if (!s->tested) {
			jw_kv_null(j, "test");
			jw_kv_null(j, "p_value");
		} else if (s->ztest) {
			jw_kv_str(j, "test", "two_proportion_z");
			jw_kv_num(j, "p_value", s->z.p_value);
			jw_kv_num(j, "z", s->z.z);
			jw_kv_num(j, "difference", s->z.difference);
		} else {
			jw_kv_str(j, "test", "rate_ratio_exact");
			jw_kv_num(j, "p_value", s->ch.p_value);
			jw_kv_num(j, "ratio", s->ch.ratio);
			jw_kv_num(j, "ratio_lower", s->ch.lower);
			jw_kv_num(j, "ratio_upper", s->ch.upper);
			jw_kv_num(j, "percent_lower", s->ch.percent_lower);
			jw_kv_num(j, "percent_upper", s->ch.percent_upper);
			jw_kv_bool(j, "same_exposure", s->same_exposure);
		}
		break;
	case HL_SPC:
		jw_key(j, "spc");
		repr_json_spc(j, s->series, &s->spc, false);
		break;
	}
	jw_end(j);
}

void repr_json_headline(struct jw *j, const struct hl_indicator *h)
{
	const struct indicator *ind = h->ind;

	jw_obj(j);
	jw_key(j, "indicator");
	jw_obj(j);
	jw_kv_int(j, "id", ind->id);
	jw_kv_str(j, "code", ind->code);
	jw_kv_str(j, "name", ind->name);
	jw_kv_str(j, "unit", ind->unit);
	if (ind->per)
		jw_kv_int(j, "per", ind->per);
	else
		jw_kv_null(j, "per");
	jw_kv_str(j, "polarity", ind->polarity);
	jw_kv_str(j, "sensitivity", ind->sensitivity);
	jw_end(j);
	jw_kv_str(j, "area", h->area);
	jw_kv_bool(j, "has_data", h->has_data);
	jw_kv_str(j, "why_none", h->has_data ? NULL : h->why_none);
	jw_kv_str(j, "period", h->has_data ? h->period.label : NULL);
	jw_kv_str(j, "period_words", h->period_words);
	jw_kv_str(j, "summary", h->summary);
	/* The reading over time that the summary and the theme's page
	 * share. */
	jw_key(j, "trend");
	if (h->has_data) {
		jw_obj(j);
		jw_kv_str(j, "kind", hl_trend_name(h->trend.kind));
		jw_kv_str(j, "label", h->trend.label);
		jw_kv_str(j, "when", h->trend.when);
		jw_kv_int(j, "direction", h->trend.direction);
		jw_kv_str(j, "judgement", h->trend.judgement > 0   ? "better"
					  : h->trend.judgement < 0 ? "worse"
								   : NULL);
		jw_kv_str(j, "statement", h->trend.st ? hl_kind_name(h->trend.st->kind)
						      : NULL);
		jw_end(j);
	} else {
		jw_null(j);
	}
	jw_kv_str(j, "link", h->link);
	jw_kv_bool(j, "example", h->example);
	jw_key(j, "value");
	if (h->has_data)
		repr_json_point(j, &h->now);
	else
		jw_null(j);
	jw_key(j, "statements");
	jw_arr(j);
	for (size_t i = 0; i < h->n_st; i++)
		repr_json_statement(j, &h->st[i]);
	jw_end(j);
	jw_end(j);
}

void repr_json_headlines(struct jw *j, const struct hl_report *r)
{
	jw_obj(j);
	jw_kv_str(j, "area", r->area);
	jw_kv_str(j, "period", r->period);
	jw_kv_str(j, "as_at", r->as_at);
	jw_kv_num(j, "level", r->level);
	jw_key(j, "plan");
	if (r->plan_id) {
		jw_obj(j);
		jw_kv_int(j, "id", r->plan_id);
		jw_kv_str(j, "title", r->plan_title);
		jw_end(j);
	} else {
		jw_null(j);
	}
	jw_key(j, "themes");
	jw_arr(j);
	for (size_t t = 0; t < r->n_themes; t++) {
		const struct hl_theme *th = &r->themes[t];

		jw_obj(j);
		jw_kv_id(j, "id", th->id);
		jw_kv_str(j, "name", th->name);
		jw_key(j, "indicators");
		jw_arr(j);
		for (size_t i = 0; i < th->n; i++)
			repr_json_headline(j, &th->items[i]);
		jw_end(j);
		jw_end(j);
	}
	jw_end(j);
	jw_end(j);
}

/* The whole of one indicator for an area: its definition, the areas
 * with figures, every figure with its interval, the SPC chart of them
 * all, and the headline. */
void repr_json_indicator_detail(struct jw *j, const struct hl_indicator *h,
			       const char *const *areas, size_t n_areas,
			       double level)
{
	const struct hl_statement *peers = NULL, *bench = NULL, *spc = NULL;

	for (size_t i = 0; i < h->n_st; i++) {
		if (h->st[i].kind == HL_PEERS)
			peers = &h->st[i];
		else if (h->st[i].kind == HL_BENCHMARK)
			bench = &h->st[i];
		else if (h->st[i].kind == HL_SPC)
			spc = &h->st[i];
	}
	jw_obj(j);
	jw_key(j, "indicator");
	repr_json_indicator(j, h->ind);
	jw_kv_str(j, "area", h->area);
	jw_kv_num(j, "level", level);
	jw_key(j, "areas");
	jw_arr(j);
	for (size_t i = 0; i < n_areas; i++)
		jw_str(j, areas[i]);
	jw_end(j);
	jw_key(j, "values");
	jw_arr(j);
	for (size_t i = 0; i < h->series.n; i++)
		repr_json_point(j, &h->series.points[i]);
	jw_end(j);
	jw_key(j, "spc");
	if (spc)
		repr_json_spc(j, &h->series, &spc->spc, true);
	else
		jw_null(j);
	jw_key(j, "benchmark");
	if (bench) {
		jw_obj(j);
		jw_kv_str(j, "area", bench->other);
		jw_kv_str(j, "direction", bench->cmp.direction_name);
		jw_kv_str(j, "judgement", bench->cmp.judgement_name);
		jw_kv_str(j, "verdict", hl_verdict_name(bench->verdict));
		jw_key(j, "value");
		repr_json_point(j, &bench->b);
		jw_end(j);
	} else {
		jw_null(j);
	}
	jw_key(j, "peers");
	if (peers) {
		jw_obj(j);
		jw_kv_str(j, "group", peers->other);
		jw_kv_str(j, "period", peers->a.period);
		jw_kv_bool(j, "highest_first", peers->highest_first);
		if (peers->rank)
			jw_kv_int(j, "rank", (int64_t)peers->rank);
		else
			jw_kv_null(j, "rank");
		jw_kv_int(j, "ranked", (int64_t)peers->n_ranked);
		json_peers(j, peers);
		jw_end(j);
	} else {
		jw_null(j);
	}
	jw_key(j, "headline");
	repr_json_headline(j, h);
	jw_end(j);
}

