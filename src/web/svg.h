/*
 * svg.h: charts drawn on the server as inline SVG (after Fossil's
 * piechart.c): no script, no style attribute, nothing fetched.
 *
 * A chart is described by a struct svg_chart, which the caller fills on
 * the stack and which svg_line_chart() writes into a buffer:
 *
 *	static const char *const names[] = { "All crime", "Burglary" };
 *	struct svg_series s[2] = {
 *		{ .name = "All crime", .values = all, .style = svg_style_nth(0) },
 *		{ .name = "Burglary", .values = burglary, .style = svg_style_nth(1) },
 *	};
 *	struct svg_chart c = {
 *		.id = "trend", .title = "Crimes each month",
 *		.desc = "A line chart of ...", .n_x = 36, .x_labels = labels,
 *		.x_names = months, .y_title = "Crimes a month",
 *		.series = s, .n_series = 2, .y_integer = true,
 *	};
 *	svg_line_chart(&w->body, &c);
 *
 * What is written:
 *  - <div class="chart"> holding an <svg class="chart__svg" role="img">
 *    with a fixed viewBox (width 100% comes from the stylesheet), named
 *    by its <title> (aria-labelledby) and described by its <desc>
 *    (aria-describedby); then the legend as an HTML list, so that it
 *    wraps and stays readable on a phone.
 *  - A y axis with "nice" ticks (1, 2, 2.5 or 5 times a power of ten),
 *    gridlines and labels; an x axis with a tick at every point and the
 *    labels the caller gives (every other label is marked
 *    chart__label--minor, which the stylesheet hides on narrow screens).
 *  - Horizontal reference lines (a mean, process limits, a target), each
 *    with its label at the right end and in the legend.
 *  - One path per series, broken where a value is NaN (a gap in the
 *    data is a gap in the line), each point's interval as a whisker if
 *    the series has one, and a marker at every point: colour, dash pattern and marker shape differ between
 *    series, so that no series is told apart by colour alone.  A point
 *    may carry a CSS class of its own (a point outside the process
 *    limits, say): it then always gets a marker, with that class.
 *  - With x_names, each marker has a <title> tooltip: "Burglary, March
 *    2021: 1,234".
 *
 * Every text (title, description, labels, names) is escaped; every
 * number is written by integer arithmetic (tenths of a unit), so nothing
 * depends on the locale.  The caller owns every array; nothing is kept.
 */
#ifndef SAFER_SVG_H
#define SAFER_SVG_H

#include "base/buf.h"

enum svg_dash {
	SVG_SOLID,
	SVG_DASHED,    /* 10 5 */
	SVG_DOTTED,    /* 2 4 */
	SVG_DASH_DOT,  /* 12 4 2 4 */
	SVG_LONG_DASH, /* 20 6 */
};

enum svg_marker {
	SVG_NO_MARKER,
	SVG_CIRCLE,
	SVG_SQUARE,
	SVG_TRIANGLE,
	SVG_DIAMOND,
	SVG_CROSS,
};

struct svg_style {
	const char *colour;     /* "#1d70b8": a literal of the caller's; NULL
				 * takes black */
	enum svg_dash dash;
	enum svg_marker marker;
	bool thick;             /* a heavier line (the total that matters most) */
};

/* The i-th style of the default cycle: GOV.UK colours that keep 3:1
 * contrast against white (black, blue, red, green, purple, pink, brown,
 * dark grey), each with its own dash pattern and marker.  The first eight
 * are all different; the cycle then repeats. */
struct svg_style svg_style_nth(size_t i);

struct svg_series {
	const char *name;             /* for the legend and tooltips */
	const double *values;         /* n_x values; NaN: no value (a gap) */
	struct svg_style style;
	const char *const *point_class; /* NULL, or n_x CSS classes (NULL:
					 * none) for the points' markers */
	const double *lower, *upper;  /* NULL, or n_x bounds of each point's
				       * interval (NaN: none), drawn as a
				       * whisker and kept inside the y axis */
};

/* A horizontal line across the plot at a value of the y axis. */
struct svg_hline {
	double value;
	const char *label;       /* beside the line's right end; may be NULL */
	struct svg_style style;  /* colour and dash (marker ignored) */
	const char *class;       /* an extra CSS class for the line, or NULL */
};

struct svg_chart {
	const char *id;         /* unique on the page: the ids of title and
				 * desc are id-title and id-desc */
	const char *title;      /* the chart's accessible name */
	const char *desc;       /* what it shows, in words; may be NULL */
	size_t n_x;             /* points on the x axis, equally spaced */
	const char *const *x_labels; /* n_x axis labels; NULL entries are
				      * not labelled */
	const char *const *x_names;  /* NULL, or n_x full names of the
				      * points, for tooltips */
	const char *y_title;    /* above the y axis: "Crimes a month"; may
				 * be NULL */
	const struct svg_series *series;
	size_t n_series;
	const struct svg_hline *lines;
	size_t n_lines;
	bool y_integer;         /* values are counts: ticks are whole */
	bool y_fit;             /* start the y axis near the smallest value
				 * instead of at zero (SPC charts) */
	double y_min_span;      /* with y_fit: the axis spans at least this
				 * much, around the values (so that a change
				 * of 1 in 90 does not fill the chart); 0:
				 * no minimum */
	int width, height;      /* the viewBox; 0 gives 720 by 360 */
	bool small;             /* one of small multiples: no legend (a
				 * heading beside it names its series), and
				 * text kept small on narrow screens */
};

/* Write the chart (see above) into b.  A chart with no points or no
 * finite value still has its axes and says so in its description. */
void svg_line_chart(struct buf *b, const struct svg_chart *c);

/* Labels for an x axis of months (each a month number: year * 12 +
 * month - 1): "Jan 2024" every step months, the step (1, 2, 3, 6, 12, 24
 * or 60) the first that keeps the span to seven labels, on months that
 * divide the year evenly; NULL between.  In the arena. */
struct arena;
const char **svg_month_labels(struct arena *a, const int *month, size_t n);

/* A dot-and-whisker chart: one row per area, its figure as a dot and its
 * interval as a line, the area of interest as a diamond with its name in
 * bold, and a reference (a benchmark) as a dashed line.  The x axis has
 * the same "nice" ticks as the line charts. */
struct svg_dot {
	const char *label;    /* the row's name */
	const char *tooltip;  /* "Stockport: 92% (90% to 94%)"; NULL: label */
	double value;         /* NaN: the row is left out */
	bool has_ci;
	double lower, upper;
	bool self;            /* the area the page is about */
};

struct svg_dots {
	const char *id;       /* unique on the page */
	const char *title, *desc;
	const struct svg_dot *rows; /* in the order drawn, top first */
	size_t n_rows;
	bool has_line;
	double line;          /* the reference, on the x axis */
	/* The text of a tick at v (the indicator's units: "92%"); NULL
	 * writes the number.  Returns a string the caller keeps. */
	const char *(*tick_label)(void *ctx, double v);
	void *ctx;
};

/* Write the chart (an <svg>, no wrapper) into b; nothing if no row has a
 * finite value. */
void svg_dot_chart(struct buf *b, const struct svg_dots *c);

/* A bar of part out of whole, 100 wide and 8 high, for decoration beside
 * the numbers (aria-hidden). */
void svg_meter(struct buf *b, int64_t part, int64_t whole);

/* Write v rounded to tenths, without a trailing ".0" ("12", "-3.5"): the
 * form every coordinate takes.  NaN is 0, and v is held within -1e9 to
 * 1e9. */
void svg_num(struct buf *b, double v);

#endif
