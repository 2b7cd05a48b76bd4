/*
 * svg.c: server-side SVG line charts (see svg.h for what is drawn).
 *
 * Geometry.  The chart is drawn in a fixed viewBox (720 by 360 unless the
 * caller says otherwise); the stylesheet makes it as wide as its column.
 * Around the plot go margins for the y labels (left, sized by the longest
 * label), the y title (top) and the x labels (bottom).  Text is 14 units
 * high; on narrow screens the stylesheet enlarges it and hides the minor
 * x labels, so the margins are sized for the larger text.
 */
#include <math.h>

#include "base/text.h"
#include "svg.h"
#include "web.h"

#define FONT_WIDE 14     /* font-size on wide screens (units) */
#define CHAR_NARROW 15.5 /* width of a digit at the narrow font size (28) */
#define MARGIN_RIGHT 20
#define MARGIN_BOTTOM 46
#define PLOT_PAD 8       /* between the y axis and the first point */

/* ---------------------------------------------------------------------
 * Styles
 */

struct svg_style svg_style_nth(size_t i)
{
	static const char *const colours[] = {
		"#0b0c0c", "#1d70b8", "#d4351c", "#00703c",
		"#4c2c92", "#d53880", "#b58840", "#505a5f",
	};
	static const enum svg_dash dashes[] = {
		SVG_SOLID, SVG_DASHED, SVG_SOLID, SVG_DOTTED,
		SVG_DASH_DOT, SVG_LONG_DASH, SVG_DASHED, SVG_DOTTED,
	};
	static const enum svg_marker markers[] = {
		SVG_CIRCLE, SVG_SQUARE, SVG_TRIANGLE, SVG_DIAMOND,
		SVG_CROSS, SVG_CIRCLE, SVG_SQUARE, SVG_TRIANGLE,
	};
	struct svg_style s = { colours[i % 8], dashes[i % 8], markers[i % 8],
			       false };

	return s;
}

static const char *dasharray(enum svg_dash d)
{
	switch (d) {
	case SVG_DASHED: return "10 5";
	case SVG_DOTTED: return "2 4";
	case SVG_DASH_DOT: return "12 4 2 4";
	case SVG_LONG_DASH: return "20 6";
	case SVG_SOLID: break;
	}
	return NULL;
}

static const char *colour_of(const struct svg_style *s)
{
	return s->colour ? s->colour : "#0b0c0c";
}

/* ---------------------------------------------------------------------
 * Numbers
 */

void svg_num(struct buf *b, double v)
{
	long long t;

	if (!isfinite(v))
		v = 0;
	/* Held within a billion, far beyond any drawing, so that the
	 * tenths fit a long long (a point of a value near a double's limit
	 * is drawn off the chart, not as a negated LLONG_MIN). */
	if (v > 1e9)
		v = 1e9;
	else if (v < -1e9)
		v = -1e9;
	t = llround(v * 10);
	if (t < 0) {
		buf_addc(b, '-');
		t = -t;
	}
	buf_printf(b, "%lld", t / 10);
	if (t % 10)
		buf_printf(b, ".%lld", t % 10);
}

/* Write ' name="v"'. */
static void attr(struct buf *b, const char *name, double v)
{
	buf_printf(b, " %s=\"", name);
	svg_num(b, v);
	buf_addc(b, '"');
}

/* Write v with the given number of decimals (0-6) and thousands
 * separators: "12,345", "0.25"; any magnitude (text_add_number). */
static void add_value(struct buf *b, double v, int decimals)
{
	text_add_number(b, v, decimals);
}

/* Decimals that show v to two places at most, none if it is whole. */
static int decimals_of(double v)
{
	double r = round(v * 100) / 100;

	if (r == round(r))
		return 0;
	return round(r * 10) == r * 10 ? 1 : 2;
}

/* ---------------------------------------------------------------------
 * The y scale
 */

struct scale {
	double lo, hi, step; /* the axis runs lo..hi in steps */
	int n_ticks;
	int decimals;        /* of the tick labels */
};

/* Choose the smallest step of 1, 2, 2.5 or 5 times a power of ten that
 * covers [lo, hi] in at most MAX_INTERVALS whole steps (whole numbers
 * only, for counts), and widen the range to whole steps. */
#define MAX_INTERVALS 7
static void nice_scale(double lo, double hi, bool integer, struct scale *s)
{
	static const double mult[] = { 1, 2, 2.5, 5 };
	double step = 1;
	bool found = false;

	/* No range to scale (values beyond a double's range, or none): a
	 * plain axis, not a cast of infinity to int, nor a search without
	 * end. */
	if (!isfinite(lo) || !isfinite(hi) || !isfinite(hi - lo)) {
		lo = 0;
		hi = 0;
	}
	if (!(hi > lo))
		hi = lo + (integer ? 5 : 1);
	for (int k = (int)floor(log10(hi - lo)) - 2; !found; k++)
		for (size_t i = 0; i < ARRAY_SIZE(mult) && !found; i++) {
			step = mult[i] * pow(10, k);
			if (integer && (step < 1 || step != floor(step)))
				continue;
			found = ceil(hi / step - 1e-9) - floor(lo / step + 1e-9) <=
				MAX_INTERVALS;
		}
	s->step = step;
	s->lo = floor(lo / step + 1e-9) * step;
	s->hi = ceil(hi / step - 1e-9) * step;
	if (s->hi <= s->lo)
		s->hi = s->lo + step;
	s->n_ticks = (int)llround((s->hi - s->lo) / step) + 1;
	s->decimals = 0;
	while (s->decimals < 6) {
		double x = step * pow(10, s->decimals);

		if (fabs(x - round(x)) < 1e-6)
			break;
		s->decimals++;
	}
}

/* ---------------------------------------------------------------------
 * Pieces
 */

/* Stroke attributes of a style: colour, width, dashes. */
static void stroke_attrs(struct buf *b, const struct svg_style *s, double width)
{
	const char *dash = dasharray(s->dash);

	html(b, " stroke=\"%s\"", colour_of(s));
	attr(b, "stroke-width", width);
	if (dash)
		buf_printf(b, " stroke-dasharray=\"%s\"", dash);
}

/* Open a marker of shape m at (x, y); the caller closes it with the
 * returned tag ("</circle>", ...) after an optional <title>. */
static const char *marker_open(struct buf *b, enum svg_marker m, double x,
			       double y, double size, const char *colour,
			       const char *cls)
{
	const char *close = "</path>";
	double h = size;

	switch (m) {
	case SVG_NO_MARKER:
	case SVG_CIRCLE:
		buf_adds(b, "<circle");
		attr(b, "cx", x);
		attr(b, "cy", y);
		attr(b, "r", h * 0.85);
		close = "</circle>";
		break;
	case SVG_SQUARE:
		buf_adds(b, "<rect");
		attr(b, "x", x - h * 0.75);
		attr(b, "y", y - h * 0.75);
		attr(b, "width", h * 1.5);
		attr(b, "height", h * 1.5);
		close = "</rect>";
		break;
	case SVG_TRIANGLE:
		buf_adds(b, "<path d=\"M");
		svg_num(b, x);
		buf_addc(b, ' ');
		svg_num(b, y - h * 1.1);
		buf_adds(b, "L");
		svg_num(b, x + h);
		buf_addc(b, ' ');
		svg_num(b, y + h * 0.75);
		buf_adds(b, "L");
		svg_num(b, x - h);
		buf_addc(b, ' ');
		svg_num(b, y + h * 0.75);
		buf_adds(b, "Z\"");
		break;
	case SVG_DIAMOND:
		buf_adds(b, "<path d=\"M");
		svg_num(b, x);
		buf_addc(b, ' ');
		svg_num(b, y - h * 1.1);
		buf_adds(b, "L");
		svg_num(b, x + h * 1.1);
		buf_addc(b, ' ');
		svg_num(b, y);
		buf_adds(b, "L");
		svg_num(b, x);
		buf_addc(b, ' ');
		svg_num(b, y + h * 1.1);
		buf_adds(b, "L");
		svg_num(b, x - h * 1.1);
		buf_addc(b, ' ');
		svg_num(b, y);
		buf_adds(b, "Z\"");
		break;
	case SVG_CROSS:
		buf_adds(b, "<path d=\"M");
		svg_num(b, x - h * 0.85);
		buf_addc(b, ' ');
		svg_num(b, y - h * 0.85);
		buf_adds(b, "L");
		svg_num(b, x + h * 0.85);
		buf_addc(b, ' ');
		svg_num(b, y + h * 0.85);
		buf_adds(b, "M");
		svg_num(b, x - h * 0.85);
		buf_addc(b, ' ');
		svg_num(b, y + h * 0.85);
		buf_adds(b, "L");
		svg_num(b, x + h * 0.85);
		buf_addc(b, ' ');
		svg_num(b, y - h * 0.85);
		buf_adds(b, "\"");
		html(b, " fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"", colour);
		if (cls)
			html(b, " class=\"%s\"", cls);
		buf_addc(b, '>');
		return close;
	}
	html(b, " fill=\"%s\"", colour);
	if (cls)
		html(b, " class=\"%s\"", cls);
	buf_addc(b, '>');
	return close;
}

/* The key of a series or a line in the legend: a short stroke with the
 * series' marker, in a small SVG of its own (decoration: the name is the
 * text beside it). */
static void legend_key(struct buf *b, const struct svg_style *s,
		       enum svg_marker m, const char *name)
{
	html_raw(b, "<li class=\"chart__key\"><svg class=\"chart__swatch\" "
		    "width=\"44\" height=\"16\" viewBox=\"0 0 44 16\" "
		    "aria-hidden=\"true\" focusable=\"false\">"
		    "<line x1=\"2\" y1=\"8\" x2=\"42\" y2=\"8\"");
	stroke_attrs(b, s, s->thick ? 3.5 : 2);
	html_raw(b, "/>");
	if (m != SVG_NO_MARKER)
		buf_adds(b, marker_open(b, m, 22, 8, 4.5, colour_of(s), NULL));
	html(b, "</svg>%s</li>\n", name ? name : "");
}

/* ---------------------------------------------------------------------
 * The chart
 */

void svg_line_chart(struct buf *b, const struct svg_chart *c)
{
	double W = c->width > 0 ? c->width : 720;
	double H = c->height > 0 ? c->height : 360;
	double lo = INFINITY, hi = -INFINITY, left, top, x0, x1, y0, y1;
	struct scale sc;
	struct buf label = BUF_INIT;
	size_t widest = 0, n_labels = 0;
	bool any = false;
	const char *id = c->id ? c->id : "chart";

	/* The range of the values, their intervals and the reference
	 * lines. */
	for (size_t s = 0; s < c->n_series; s++)
		for (size_t i = 0; i < c->n_x; i++) {
			const struct svg_series *se = &c->series[s];
			double v = se->values[i];

			if (!isfinite(v))
				continue;
			any = true;
			lo = v < lo ? v : lo;
			hi = v > hi ? v : hi;
			if (se->lower && isfinite(se->lower[i]) && se->lower[i] < lo)
				lo = se->lower[i];
			if (se->upper && isfinite(se->upper[i]) && se->upper[i] > hi)
				hi = se->upper[i];
		}
	for (size_t k = 0; k < c->n_lines; k++) {
		double v = c->lines[k].value;

		if (!isfinite(v))
			continue;
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	if (!isfinite(lo)) {
		lo = 0;
		hi = 0;
	}
	if (!c->y_fit && lo > 0)
		lo = 0;
	if (c->y_fit && hi == lo) {
		lo -= c->y_integer ? 2 : 1;
		hi += c->y_integer ? 2 : 1;
	}
	if (c->y_fit && c->y_min_span > 0 && hi - lo < c->y_min_span) {
		double mid = (hi + lo) / 2;
		bool positive = lo >= 0;

		lo = mid - c->y_min_span / 2;
		hi = mid + c->y_min_span / 2;
		if (positive && lo < 0) {
			/* no axis below zero for figures that never are */
			hi -= lo;
			lo = 0;
		}
	}
	nice_scale(lo, hi, c->y_integer, &sc);

	/* Margins: the left one fits the longest y label at the narrow
	 * screens' larger font. */
	for (int t = 0; t < sc.n_ticks; t++) {
		buf_reset(&label);
		add_value(&label, sc.lo + t * sc.step, sc.decimals);
		if (label.len > widest)
			widest = label.len;
	}
	left = 12 + (double)widest * CHAR_NARROW;
	/* The y title's baseline is low enough for the narrow screens' text
	 * (28 units) to clear the top of the viewBox. */
	top = c->y_title ? 48 : 16;
	x0 = left + PLOT_PAD;
	x1 = W - MARGIN_RIGHT - PLOT_PAD;
	y0 = top;
	y1 = H - MARGIN_BOTTOM;

#define X(i) (c->n_x > 1 ? x0 + (x1 - x0) * (double)(i) / (double)(c->n_x - 1) \
			 : (x0 + x1) / 2)
#define Y(v) (y1 - ((v) - sc.lo) / (sc.hi - sc.lo) * (y1 - y0))

	html(b, "<div class=\"chart%s\">\n<svg class=\"chart__svg\" viewBox=\"0 0 %d %d\" "
		"role=\"img\" aria-labelledby=\"%s-title\"",
	     c->small ? " chart--small" : "", (int)W, (int)H, id);
	if (c->desc || !any)
		html(b, " aria-describedby=\"%s-desc\"", id);
	html(b, " focusable=\"false\" font-size=\"%d\">\n<title id=\"%s-title\">%s</title>\n",
	     FONT_WIDE, id, c->title ? c->title : "");
	if (c->desc || !any)
		html(b, "<desc id=\"%s-desc\">%s%s%s</desc>\n", id,
		     c->desc ? c->desc : "", c->desc && !any ? " " : "",
		     any ? "" : "There are no values to show.");

	/* Gridlines and y labels. */
	html_raw(b, "<g class=\"chart__axis\" fill=\"#0b0c0c\">\n");
	for (int t = 0; t < sc.n_ticks; t++) {
		double v = sc.lo + t * sc.step, y = Y(v);

		buf_adds(b, "<line");
		attr(b, "x1", left);
		attr(b, "x2", W - MARGIN_RIGHT);
		attr(b, "y1", y);
		attr(b, "y2", y);
		buf_printf(b, " stroke=\"%s\" stroke-width=\"1\"/>",
			   t == 0 ? "#0b0c0c" : "#b1b4b6");
		buf_adds(b, "<text class=\"chart__label\" text-anchor=\"end\"");
		attr(b, "x", left - 6);
		attr(b, "y", y + 5);
		buf_addc(b, '>');
		add_value(b, v, sc.decimals);
		buf_adds(b, "</text>\n");
	}
	if (c->y_title)
		html(b, "<text class=\"chart__label\" x=\"0\" y=\"28\">%s</text>\n",
		     c->y_title);

	/* X ticks and labels; every other label is minor. */
	for (size_t i = 0; i < c->n_x; i++) {
		const char *l = c->x_labels ? c->x_labels[i] : NULL;
		double x = X(i);

		buf_adds(b, "<line");
		attr(b, "x1", x);
		attr(b, "x2", x);
		attr(b, "y1", y1);
		attr(b, "y2", y1 + (l && *l ? 7 : 4));
		buf_adds(b, " stroke=\"#0b0c0c\" stroke-width=\"1\"/>");
		if (!l || !*l)
			continue;
		html(b, "<text class=\"chart__label%s\" text-anchor=\"%s\"",
		     n_labels % 2 ? " chart__label--minor" : "",
		     c->n_x > 1 && i == c->n_x - 1 ? "end" : "middle");
		attr(b, "x", x);
		attr(b, "y", y1 + 28);
		html(b, ">%s</text>", l);
		n_labels++;
	}
	html_raw(b, "\n</g>\n");

	/* Reference lines. */
	for (size_t k = 0; k < c->n_lines; k++) {
		const struct svg_hline *h = &c->lines[k];

		if (!isfinite(h->value))
			continue;
		html(b, "<g class=\"chart__hline%s%s\">", h->class ? " " : "",
		     h->class ? h->class : "");
		buf_adds(b, "<line");
		attr(b, "x1", left);
		attr(b, "x2", W - MARGIN_RIGHT);
		attr(b, "y1", Y(h->value));
		attr(b, "y2", Y(h->value));
		stroke_attrs(b, &h->style, h->style.thick ? 3 : 2);
		buf_adds(b, "/>");
		if (h->label) {
			buf_adds(b, "<text class=\"chart__label\" text-anchor=\"end\" "
				    "fill=\"#0b0c0c\"");
			attr(b, "x", W - MARGIN_RIGHT);
			attr(b, "y", Y(h->value) - 6);
			html(b, ">%s</text>", h->label);
		}
		html_raw(b, "</g>\n");
	}

	/* The series: a path broken at gaps, then the markers. */
	for (size_t s = 0; s < c->n_series; s++) {
		const struct svg_series *se = &c->series[s];
		const char *colour = colour_of(&se->style);
		bool pen = false, drawn = false;

		html(b, "<g class=\"chart__series chart__series--%zu\">\n<path d=\"", s);
		for (size_t i = 0; i < c->n_x; i++) {
			double v = se->values[i];

			if (!isfinite(v)) {
				pen = false;
				continue;
			}
			buf_addc(b, pen ? 'L' : 'M');
			svg_num(b, X(i));
			buf_addc(b, ' ');
			svg_num(b, Y(v));
			pen = drawn = true;
		}
		if (!drawn)
			buf_adds(b, "M0 0");
		buf_addc(b, '"');
		html_raw(b, " fill=\"none\" stroke-linejoin=\"round\"");
		stroke_attrs(b, &se->style, se->style.thick ? 3.5 : 2);
		html_raw(b, "/>\n");
		/* Intervals: a whisker with short caps at each point. */
		for (size_t i = 0; se->lower && se->upper && i < c->n_x; i++) {
			double v = se->values[i], l = se->lower[i], u = se->upper[i];

			if (!isfinite(v) || !isfinite(l) || !isfinite(u))
				continue;
			html(b, "<path class=\"chart__interval\" stroke=\"%s\" "
				"stroke-width=\"1.5\" fill=\"none\" d=\"M", colour);
			svg_num(b, X(i) - 4);
			buf_addc(b, ' ');
			svg_num(b, Y(l));
			buf_adds(b, "h8M");
			svg_num(b, X(i));
			buf_addc(b, ' ');
			svg_num(b, Y(l));
			buf_adds(b, "V");
			svg_num(b, Y(u));
			buf_adds(b, "M");
			svg_num(b, X(i) - 4);
			buf_addc(b, ' ');
			svg_num(b, Y(u));
			buf_adds(b, "h8\"/>");
		}
		for (size_t i = 0; i < c->n_x; i++) {
			double v = se->values[i];
			const char *cls = se->point_class ? se->point_class[i] : NULL;
			enum svg_marker m = se->style.marker;
			const char *close;

			if (!isfinite(v) || (m == SVG_NO_MARKER && !cls))
				continue;
			close = marker_open(b, m, X(i), Y(v), cls ? 5.5 : 4, colour,
					    cls);
			if (c->x_names && c->x_names[i]) {
				html(b, "<title>%s, %s: ", se->name ? se->name : "",
				     c->x_names[i]);
				add_value(b, v, decimals_of(v));
				buf_adds(b, "</title>");
			}
			buf_adds(b, close);
		}
		html_raw(b, "\n</g>\n");
	}
	html_raw(b, "</svg>\n");
#undef X
#undef Y

	/* The legend. */
	if (!c->small && (c->n_series || c->n_lines)) {
		html_raw(b, "<ul class=\"chart__legend\">\n");
		for (size_t s = 0; s < c->n_series; s++)
			legend_key(b, &c->series[s].style, c->series[s].style.marker,
				   c->series[s].name);
		for (size_t k = 0; k < c->n_lines; k++)
			if (c->lines[k].label)
				legend_key(b, &c->lines[k].style, SVG_NO_MARKER,
					   c->lines[k].label);
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "</div>\n");
	buf_release(&label);
}

const char **svg_month_labels(struct arena *a, const int *month, size_t n)
{
	static const char *const abbr[12] = { "Jan", "Feb", "Mar", "Apr", "May",
					      "Jun", "Jul", "Aug", "Sep", "Oct",
					      "Nov", "Dec" };
	static const int steps[] = { 1, 2, 3, 6, 12, 24, 60 };
	const char **l = arena_array(a, n ? n : 1, sizeof(*l));
	int span = n ? month[n - 1] - month[0] + 1 : 0, step = 120;

	for (size_t i = 0; i < ARRAY_SIZE(steps); i++)
		if ((span + steps[i] - 1) / steps[i] <= 7) {
			step = steps[i];
			break;
		}
	for (size_t i = 0; i < n; i++) {
		int m = month[i];

		if (m >= 0 && (step <= 12 ? (m % 12) % step == 0 : m % step == 0))
			l[i] = arena_printf(a, "%s %d", abbr[m % 12], m / 12);
	}
	return l;
}

/* ---------------------------------------------------------------------
 * Dot-and-whisker charts
 */

void svg_dot_chart(struct buf *b, const struct svg_dots *c)
{
	const double W = 720, left = 40, right = 680, row = 46, top = 6;
	double lo = INFINITY, hi = -INFINITY, H;
	struct scale sc;
	size_t n = 0;

#define PX(v) (left + ((v) - sc.lo) / (sc.hi - sc.lo) * (right - left))
	for (size_t k = 0; k < c->n_rows; k++) {
		const struct svg_dot *d = &c->rows[k];

		if (!isfinite(d->value))
			continue;
		n++;
		lo = fmin(lo, d->has_ci ? d->lower : d->value);
		hi = fmax(hi, d->has_ci ? d->upper : d->value);
	}
	if (c->has_line) {
		lo = fmin(lo, c->line);
		hi = fmax(hi, c->line);
	}
	if (!n || !isfinite(lo) || !isfinite(hi))
		return;
	if (hi <= lo) {
		hi = lo + 1;
		lo -= 1;
	}
	nice_scale(lo, hi, false, &sc);
	H = top + row * (double)n + 50;
	html(b, "<svg class=\"chart__svg dots\" viewBox=\"0 0 %d %d\" "
		"role=\"img\" aria-labelledby=\"%s-title\" "
		"aria-describedby=\"%s-desc\" focusable=\"false\" "
		"font-size=\"16\">\n"
		"<title id=\"%s-title\">%s</title>\n"
		"<desc id=\"%s-desc\">%s</desc>\n",
	     (int)W, (int)H, c->id, c->id, c->id, c->title, c->id,
	     c->desc ? c->desc : "");
	/* Gridlines and tick labels, by the same rule as the line charts. */
	html_raw(b, "<g class=\"chart__axis\">\n");
	for (int t = 0; t < sc.n_ticks; t++) {
		double v = sc.lo + sc.step * t, x = PX(v);

		buf_adds(b, "<line");
		attr(b, "x1", x);
		attr(b, "x2", x);
		attr(b, "y1", top);
		attr(b, "y2", H - 40);
		buf_adds(b, " stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
		buf_adds(b, "<text class=\"dots__tick\" text-anchor=\"middle\"");
		attr(b, "x", x);
		attr(b, "y", H - 12);
		buf_addc(b, '>');
		if (c->tick_label)
			html(b, "%s", c->tick_label(c->ctx, v));
		else
			add_value(b, v, sc.decimals);
		html_raw(b, "</text>\n");
	}
	html_raw(b, "</g>\n");
	if (c->has_line) {
		buf_adds(b, "<line class=\"dots__line\"");
		attr(b, "x1", PX(c->line));
		attr(b, "x2", PX(c->line));
		attr(b, "y1", top);
		attr(b, "y2", H - 40);
		buf_adds(b, " stroke=\"#0b0c0c\" stroke-width=\"2\" "
			    "stroke-dasharray=\"8 5\"/>\n");
	}
	for (size_t k = 0, i = 0; k < c->n_rows; k++) {
		const struct svg_dot *d = &c->rows[k];
		double y = top + row * (double)i + 24, yl = y + 11, x;

		if (!isfinite(d->value))
			continue;
		i++;
		html(b, "<g class=\"dots__row%s\"><title>%s</title>",
		     d->self ? " dots__row--self" : "",
		     d->tooltip ? d->tooltip : d->label);
		buf_adds(b, "<text class=\"dots__label\" stroke=\"#fff\" "
			    "stroke-width=\"5\" paint-order=\"stroke\"");
		attr(b, "x", left - 4);
		attr(b, "y", y);
		html(b, "%s>%s</text>", d->self ? " font-weight=\"700\"" : "",
		     d->label);
		if (d->has_ci) {
			buf_adds(b, "<line");
			attr(b, "x1", PX(d->lower));
			attr(b, "x2", PX(d->upper));
			attr(b, "y1", yl);
			attr(b, "y2", yl);
			buf_adds(b, " stroke=\"#0b0c0c\" stroke-width=\"2\"/>");
		}
		x = PX(d->value);
		if (d->self) {
			buf_adds(b, "<path d=\"M");
			svg_num(b, x);
			buf_addc(b, ' ');
			svg_num(b, yl - 8);
			buf_adds(b, "L");
			svg_num(b, x + 8);
			buf_addc(b, ' ');
			svg_num(b, yl);
			buf_adds(b, "L");
			svg_num(b, x);
			buf_addc(b, ' ');
			svg_num(b, yl + 8);
			buf_adds(b, "L");
			svg_num(b, x - 8);
			buf_addc(b, ' ');
			svg_num(b, yl);
			buf_adds(b, "Z\" fill=\"#1d70b8\"/>");
		} else {
			buf_adds(b, "<circle");
			attr(b, "cx", x);
			attr(b, "cy", yl);
			buf_adds(b, " r=\"5\" fill=\"#0b0c0c\"/>");
		}
		html_raw(b, "</g>\n");
	}
#undef PX
	html_raw(b, "</svg>\n");
}

/* ---------------------------------------------------------------------
 * Meters
 */

void svg_meter(struct buf *b, int64_t part, int64_t whole)
{
	int64_t pct = 0;

	if (whole > 0 && part > 0)
		pct = part >= whole ? 100
				    : (int64_t)((double)part * 100 / (double)whole);
	html(b, "<svg class=\"meter\" width=\"100\" height=\"8\" viewBox=\"0 0 100 8\" "
		"aria-hidden=\"true\" focusable=\"false\"><rect width=\"100\" "
		"height=\"8\" fill=\"#e5e6e7\"/><rect width=\"%lld\" height=\"8\" "
		"fill=\"#1d70b8\"/></svg>",
	     (long long)pct);
}
