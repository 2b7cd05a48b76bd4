/*
 * test_public.c: the public view, driven through http_dispatch without a
 * socket and without accounts: each request is marked anonymous by hand
 * (r->auth.anonymous, as the site's authorize sets it for a visitor of a
 * published page), against an in-memory store with the Stockport demo.
 *
 * The crime dashboard of a ward with many small counts, its CSV files
 * from the crime API and the API's JSON are read back and checked
 * independently: no count from 1 to 4 is shown, and no hidden count is a
 * total shown less the counts shown beside it (the month's all crime in
 * the table of months; the month's and the type's totals, from the API's
 * own answers by month and by type, for the CSV by month and type).  The
 * same pages for someone signed in show the small counts, so the checks
 * are known to look at them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>

#include "base/text.h"
#include "demo/demo.h"
#include "http/cache.h"
#include "http/http.h"
#include "routes.h"
#include "store/store.h"
#include "store/store_publish.h"

#define TODAY "2026-10-15"
#define WARD "Bramhall North"
#define WARD_Q "Bramhall+North"

static struct store *store;
static struct http_site site; /* safer's, with nobody deciding who may */

struct t {
	struct arena a;
	struct req r;
	struct resp w;
};

/* GET path?q, anonymous or not; the status must be 200. */
static void get(struct t *t, const char *path, const char *q, bool anonymous)
{
	struct err e = ERR_INIT;

	memset(t, 0, sizeof(*t));
	t->r.arena = &t->a;
	t->r.site = &site;
	t->r.store = store;
	t->r.method = HTTP_GET;
	t->r.path = path;
	t->r.body = "";
	t->r.auth.anonymous = anonymous;
	t->r.auth.local = !anonymous; /* else: one who may do everything */
	memcpy(t->r.today, TODAY, sizeof(TODAY));
	buf_init(&t->w.body, 0);
	if (q)
		assert_int_equal(http_parse_urlencoded(&t->a, q, strlen(q), &t->r.query,
						       &t->r.n_query, 200, &e), 0);
	http_dispatch(&t->r, &t->w);
	if (t->w.status != 200)
		fail_msg("GET %s?%s gave %d: %.300s", path, q ? q : "", t->w.status,
			 t->w.body.ptr);
}

static void done(struct t *t)
{
	buf_release(&t->w.body);
	arena_release(&t->a);
}

/* ------------------------------------------------------------------ */
/* Reading a table of the page                                         */
/* ------------------------------------------------------------------ */

#define MAX_COLS 16
#define MAX_ROWS 64

struct table {
	size_t rows, cols;
	int64_t v[MAX_ROWS][MAX_COLS]; /* -1: hidden ("[c]"); -2: not a count */
};

/* The text of a cell from p (just after "<td ...>") to "</td>", without
 * tags. */
static int64_t cell_value(const char *p, const char *end)
{
	char text[64];
	size_t n = 0;
	bool tag = false;
	int64_t v = 0;

	for (; p < end && n + 1 < sizeof(text); p++) {
		if (*p == '<')
			tag = true;
		else if (*p == '>')
			tag = false;
		else if (!tag && *p != ',')
			text[n++] = *p;
	}
	text[n] = '\0';
	if (strcmp(text, "[c]") == 0)
		return -1;
	if (!n || strspn(text, "0123456789") != n)
		return -2;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (text[i] - '0');
	return v;
}

/* The numeric cells of the table whose wrapper has id, row by row. */
static void read_table(const char *html, const char *id, struct table *t)
{
	const char *p = strstr(html, id), *end;

	memset(t, 0, sizeof(*t));
	if (!p)
		fail_msg("no table %s", id);
	p = strstr(p, "<tbody>");
	end = strstr(p, "</tbody>");
	while ((p = strstr(p, "<tr>")) && p < end && t->rows < MAX_ROWS) {
		const char *row_end = strstr(p, "</tr>");
		size_t c = 0;

		while ((p = strstr(p, "<td class=\"numeric")) && p < row_end &&
		       c < MAX_COLS) {
			const char *close = strstr(p, "</td>");

			p = strchr(p, '>') + 1;
			t->v[t->rows][c++] = cell_value(p, close);
			p = close;
		}
		t->cols = c > t->cols ? c : t->cols;
		t->rows++;
		p = row_end;
	}
}

/* Every count of the page shown in a table cell is 0 or from 5 up, or
 * hidden; returns how many were hidden. */
static size_t check_no_small(const char *html)
{
	const char *p = html;
	size_t hidden = 0;

	while ((p = strstr(p, "<td class=\"numeric\">"))) {
		const char *close = strstr(p, "</td>");
		int64_t v;

		p += strlen("<td class=\"numeric\">");
		v = cell_value(p, close);
		if (strncmp(close, "</td><th", 8) == 0) { /* a rank */
			p = close;
			continue;
		}
		if (v >= 1 && v < 5)
			fail_msg("a count of %lld is shown: %.80s", (long long)v, p);
		hidden += v == -1;
		p = close;
	}
	return hidden;
}

/* ------------------------------------------------------------------ */
/* The dashboard                                                       */
/* ------------------------------------------------------------------ */

static void test_dashboard(void **state)
{
	struct t t;
	struct table tt;
	size_t hidden;
	bool small_inside = false;

	UNUSED(state);
	/* Signed in: the small counts are there. */
	get(&t, "/crime", "place=" WARD_Q, false);
	read_table(t.w.body.ptr, "id=\"trend-table\"", &tt);
	for (size_t i = 0; i < tt.rows; i++)
		for (size_t j = 0; j < tt.cols; j++)
			small_inside |= tt.v[i][j] >= 1 && tt.v[i][j] < 5;
	assert_true(small_inside);
	assert_null(strstr(t.w.body.ptr, "[c]"));
	done(&t);

	get(&t, "/crime", "place=" WARD_Q, true);
	hidden = check_no_small(t.w.body.ptr);
	if (hidden < 3)
		fail_msg("only %zu counts hidden", hidden);
	assert_non_null(strstr(t.w.body.ptr, "is not published"));
	/* The table of months: all crime is the top types and the others;
	 * never exactly one of them hidden. */
	read_table(t.w.body.ptr, "id=\"trend-table\"", &tt);
	assert_true(tt.rows >= 12 && tt.cols >= 3);
	for (size_t i = 0; i < tt.rows; i++) {
		size_t n_hid = 0;
		int64_t sum = 0;

		for (size_t j = 0; j < tt.cols; j++)
			n_hid += tt.v[i][j] == -1;
		if (n_hid == 1)
			fail_msg("row %zu of the table of months has one hidden count",
				 i);
		for (size_t j = 1; j < tt.cols && !n_hid; j++)
			sum += tt.v[i][j];
		if (!n_hid)
			assert_int_equal(sum, tt.v[i][0]);
	}
	/* The change table: each column with its all-crime total. */
	read_table(t.w.body.ptr, "id=\"change-table\"", &tt);
	for (size_t j = 0; j < 2; j++) {
		size_t n_hid = 0;

		for (size_t i = 0; i < tt.rows; i++)
			n_hid += tt.v[i][j] == -1;
		/* The total is in the foot, which is not read here: more than
		 * one hidden, or none. */
		assert_true(n_hid != 1);
	}
	done(&t);
}

/* ------------------------------------------------------------------ */
/* The API's CSV and JSON                                              */
/* ------------------------------------------------------------------ */

#define MAX_LINES 2000

struct csv_row {
	char month[8];
	char type[64];
	int64_t count;   /* -1: hidden */
};

/* Read the API's CSV "month,type,count,suppressed" (or one dimension)
 * into rows; returns how many. */
static size_t read_csv(const char *body, size_t n_dims, struct csv_row *rows)
{
	const char *p = strchr(body, '\n') + 1;
	size_t n = 0;

	while (*p && n < MAX_LINES) {
		const char *eol = strchr(p, '\n');
		char line[256], *f[6], *s = line;
		size_t nf = 0, len = (size_t)(eol - p);
		struct csv_row *r = &rows[n];

		assert_true(len < sizeof(line));
		memcpy(line, p, len);
		line[len] = '\0';
		if (len && line[len - 1] == '\r')
			line[len - 1] = '\0';
		while (nf < 6) {
			f[nf++] = s;
			if (*s == '"') { /* a quoted type name, no quotes inside */
				f[nf - 1] = ++s;
				s = strchr(s, '"');
				*s++ = '\0';
			}
			s = strchr(s, ',');
			if (!s)
				break;
			*s++ = '\0';
		}
		assert_int_equal(nf, n_dims + 2);
		memset(r, 0, sizeof(*r));
		snprintf(r->month, sizeof(r->month), "%s", n_dims == 2 || strlen(f[0]) == 7
								   ? f[0] : "");
		snprintf(r->type, sizeof(r->type), "%s", f[n_dims - 1]);
		if (strcmp(f[n_dims + 1], "true") == 0) {
			assert_string_equal(f[n_dims], "");
			r->count = -1;
		} else {
			assert_string_equal(f[n_dims + 1], "false");
			r->count = strtoll(f[n_dims], NULL, 10);
			if (r->count >= 1 && r->count < 5)
				fail_msg("the CSV shows a count of %lld", (long long)r->count);
		}
		n++;
		p = eol + 1;
	}
	return n;
}

/* Hidden cells of the month-by-type CSV against the totals of a month
 * (by=month) or a type (by=type) as the API shows them: never exactly
 * one hidden cell beside a total shown. */
static void check_against(const struct csv_row *cells, size_t n,
			  const struct csv_row *totals, size_t n_totals,
			  bool by_month)
{
	for (size_t k = 0; k < n_totals; k++) {
		const char *key = by_month ? totals[k].month : totals[k].type;
		int64_t visible = 0, hidden_value_max = 0;
		size_t n_hid = 0;

		if (totals[k].count < 0)
			continue;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(by_month ? cells[i].month : cells[i].type, key) != 0)
				continue;
			if (cells[i].count < 0)
				n_hid++;
			else
				visible += cells[i].count;
		}
		(void)hidden_value_max;
		if (n_hid == 1)
			fail_msg("%s: one hidden count, %lld by subtraction", key,
				 (long long)(totals[k].count - visible));
	}
}

static void test_api_csv(void **state)
{
	static struct csv_row cells[MAX_LINES], months[MAX_LINES], types[MAX_LINES];
	struct t t;
	size_t n, n_m, n_t, hidden = 0;

	UNUSED(state);
	get(&t, "/api/v1/crime/counts",
	    "area=" WARD_Q "&by=month,type&from=2024-01&to=2024-12&format=csv", true);
	assert_non_null(strstr(t.w.body.ptr, ",count,suppressed"));
	n = read_csv(t.w.body.ptr, 2, cells);
	done(&t);
	get(&t, "/api/v1/crime/counts",
	    "area=" WARD_Q "&by=month&from=2024-01&to=2024-12&format=csv", true);
	n_m = read_csv(t.w.body.ptr, 1, months);
	done(&t);
	get(&t, "/api/v1/crime/counts",
	    "area=" WARD_Q "&by=type&from=2024-01&to=2024-12&format=csv", true);
	n_t = read_csv(t.w.body.ptr, 1, types);
	done(&t);
	for (size_t i = 0; i < n; i++)
		hidden += cells[i].count < 0;
	assert_true(n > 100 && hidden > 20);
	assert_int_equal(n_m, 12);
	check_against(cells, n, months, n_m, true);
	check_against(cells, n, types, n_t, false);

	/* JSON: null with "suppressed": true, the rate too. */
	get(&t, "/api/v1/crime/counts",
	    "area=" WARD_Q "&by=type&from=2024-03&to=2024-03&rate=true", true);
	{
		json_error_t jerr;
		json_t *j = json_loadb(t.w.body.ptr, t.w.body.len, 0, &jerr), *row;
		size_t i, n_hid = 0;

		assert_non_null(j);
		assert_int_equal(json_integer_value(json_object_get(j, "suppressed_below")),
				 5);
		json_array_foreach(json_object_get(j, "rows"), i, row) {
			json_t *c = json_object_get(row, "count");

			if (json_is_null(c)) {
				assert_true(json_is_true(json_object_get(row, "suppressed")));
				assert_true(json_is_null(json_object_get(row, "rate_per_1000")));
				n_hid++;
			} else {
				assert_true(json_integer_value(c) == 0 ||
					    json_integer_value(c) >= 5);
			}
		}
		assert_true(n_hid >= 2);
		json_decref(j);
	}
	done(&t);

	/* Signed in: the same CSV has the small counts, and no marker. */
	get(&t, "/api/v1/crime/counts",
	    "area=" WARD_Q "&by=month,type&from=2024-01&to=2024-12&format=csv", false);
	assert_null(strstr(t.w.body.ptr, "suppressed"));
	assert_non_null(strstr(t.w.body.ptr, ",1\r\n"));
	done(&t);
}

/* change and rolling would give counts away by difference. */
static void test_api_refuses(void **state)
{
	struct t t;

	UNUSED(state);
	memset(&t, 0, sizeof(t));
	t.r.arena = &t.a;
	t.r.site = &site;
	t.r.store = store;
	t.r.method = HTTP_GET;
	t.r.path = "/api/v1/crime/counts";
	t.r.body = "";
	t.r.auth.anonymous = true;
	memcpy(t.r.today, TODAY, sizeof(TODAY));
	buf_init(&t.w.body, 0);
	{
		struct err e = ERR_INIT;
		const char *q = "area=" WARD_Q "&by=month&change=true";

		assert_int_equal(http_parse_urlencoded(&t.a, q, strlen(q), &t.r.query,
						       &t.r.n_query, 200, &e), 0);
	}
	http_dispatch(&t.r, &t.w);
	assert_int_equal(t.w.status, 400);
	assert_non_null(strstr(t.w.body.ptr, "\"field\":\"change\""));
	done(&t);
}

/* A higher threshold hides more. */
static void test_threshold(void **state)
{
	struct publishing p;
	struct err e = ERR_INIT;
	struct t t;

	UNUSED(state);
	assert_int_equal(store_publishing(store, &p, &e), 0);
	assert_int_equal(p.threshold, 5);
	p.threshold = 10;
	assert_int_equal(store_publishing_save(store, &p, NULL, &e), 0);
	cache_clear();
	get(&t, "/api/v1/crime/counts",
	    "area=" WARD_Q "&by=type&from=2024-03&to=2024-03", true);
	assert_non_null(strstr(t.w.body.ptr, "\"suppressed_below\":10"));
	assert_null(strstr(t.w.body.ptr, "\"count\":9,"));
	done(&t);
	p.threshold = 5;
	assert_int_equal(store_publishing_save(store, &p, NULL, &e), 0);
	cache_clear();
}

/* ------------------------------------------------------------------ */
/* Plans, funding, headlines                                           */
/* ------------------------------------------------------------------ */

static void test_plan_and_funding(void **state)
{
	struct t t;

	UNUSED(state);
	get(&t, "/plans/1", NULL, false);
	assert_non_null(strstr(t.w.body.ptr, "Add an action to this plan"));
	done(&t);
	get(&t, "/plans/1", NULL, true);
	assert_null(strstr(t.w.body.ptr, "Add an action"));
	assert_null(strstr(t.w.body.ptr, "/actions?plan="));
	assert_non_null(strstr(t.w.body.ptr, "/themes/"));
	done(&t);
	get(&t, "/themes/1", NULL, true);
	assert_null(strstr(t.w.body.ptr, "Actions under this theme"));
	done(&t);
	get(&t, "/priorities/1", NULL, true);
	assert_null(strstr(t.w.body.ptr, "Actions for this priority area"));
	done(&t);

	get(&t, "/funding", NULL, false);
	assert_non_null(strstr(t.w.body.ptr, "Independent Domestic Violence"));
	done(&t);
	get(&t, "/funding", NULL, true);
	assert_non_null(strstr(t.w.body.ptr, "Community Safety Grant"));
	assert_non_null(strstr(t.w.body.ptr, "Total"));
	assert_null(strstr(t.w.body.ptr, "Independent Domestic Violence"));
	assert_null(strstr(t.w.body.ptr, "href=\"/funds/"));
	done(&t);
	get(&t, "/api/v1/funds", NULL, true);
	assert_null(strstr(t.w.body.ptr, "Independent Domestic Violence"));
	assert_non_null(strstr(t.w.body.ptr, "\"awards\":[]"));
	done(&t);
}

/* An official-sensitive indicator is in the internal headlines, labelled,
 * and not in the public ones. */
static void test_headlines(void **state)
{
	struct t t;
	struct err e = ERR_INIT;

	UNUSED(state);
	assert_int_equal(store_indicator_mark(store, 5, "official_sensitive", &e), 0);
	cache_clear();
	get(&t, "/headlines", NULL, false);
	assert_non_null(strstr(t.w.body.ptr, "OFFICIAL-SENSITIVE"));
	assert_non_null(strstr(t.w.body.ptr, "Anti-social behaviour incidents"));
	done(&t);
	get(&t, "/headlines", NULL, true);
	assert_null(strstr(t.w.body.ptr, "OFFICIAL-SENSITIVE"));
	assert_null(strstr(t.w.body.ptr, "Anti-social behaviour incidents"));
	done(&t);
	get(&t, "/api/v1/headlines", NULL, true);
	assert_null(strstr(t.w.body.ptr, "\"code\":\"asb\""));
	assert_null(strstr(t.w.body.ptr, "official_sensitive"));
	done(&t);
	get(&t, "/api/v1/headlines", NULL, false);
	assert_non_null(strstr(t.w.body.ptr, "official_sensitive"));
	done(&t);
	assert_int_equal(store_indicator_mark(store, 5, "open", &e), 0);
	cache_clear();
}

static int group_setup(void **state)
{
	struct err e = ERR_INIT;
	enum demo_result res;

	UNUSED(state);
	site = safer_site;
	site.authorize = NULL;
	store = store_open(":memory:", true, &e);
	if (!store || demo_load(store, &res, &e) < 0) {
		fprintf(stderr, "cannot load the demo: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	UNUSED(state);
	cache_clear();
	store_close(store);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dashboard),
		cmocka_unit_test(test_api_csv),
		cmocka_unit_test(test_api_refuses),
		cmocka_unit_test(test_threshold),
		cmocka_unit_test(test_plan_and_funding),
		cmocka_unit_test(test_headlines),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
