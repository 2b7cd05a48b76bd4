/*
 * demo_crime.c: generated police.uk-shaped crime data for the ten
 * Greater Manchester districts, so that the crime pages are alive on a
 * fresh machine.
 *
 * Nothing here is real crime data.  The districts, their local authority
 * codes and the Greater Manchester Police force are real names; Stockport
 * has its real ward names; everything else is made up: LSOA codes in a
 * range no real LSOA uses (E019xxxxx), names in the ONS style
 * ("Stockport 001A"), populations summing to about each district's, and
 * monthly crimes drawn from Poisson distributions with hotspots, seasons
 * and trends (Stockport's burglaries fall by 35% every two years, as its
 * partnership reported of the real ones; anti-social behaviour peaks
 * each summer).  The rows are written as police.uk street-level CSV text
 * and imported through the same parser and store as real files, marked
 * as generated.  The same seed always gives the same data.
 */
#include <math.h>

#include "base/buf.h"
#include "crime/policeuk.h"
#include "demo.h"
#include "ingest/ingest.h"
#include "store/store_crime.h"

#define FIRST_MONTH (2023 * 12 + 9) /* 2023-10 */
#define MONTHS 36                  /* to 2026-09 */

static const struct {
	const char *name, *code;
	int population;
	double level;     /* crime relative to the average district */
	double lat, lon;  /* roughly the middle */
} districts[] = {
	{ "Bolton", "E08000001", 296000, 1.00, 53.578, -2.429 },
	{ "Bury", "E08000002", 193000, 0.85, 53.593, -2.298 },
	{ "Manchester", "E08000003", 568000, 1.55, 53.479, -2.245 },
	{ "Oldham", "E08000004", 242000, 1.10, 53.541, -2.118 },
	{ "Rochdale", "E08000005", 226000, 1.10, 53.616, -2.155 },
	{ "Salford", "E08000006", 277000, 1.20, 53.488, -2.291 },
	{ "Stockport", "E08000007", 295000, 0.75, 53.408, -2.149 },
	{ "Tameside", "E08000008", 232000, 1.00, 53.480, -2.081 },
	{ "Trafford", "E08000009", 236000, 0.80, 53.421, -2.351 },
	{ "Wigan", "E08000010", 330000, 0.90, 53.545, -2.632 },
};

static const char *const stockport_wards[] = {
	"Bramhall North", "Bramhall South and Woodford", "Bredbury and Woodley",
	"Bredbury Green and Romiley", "Brinnington and Central",
	"Cheadle and Gatley", "Cheadle Hulme North", "Cheadle Hulme South",
	"Davenport and Cale Green", "Edgeley and Cheadle Heath", "Hazel Grove",
	"Heald Green", "Heatons North", "Heatons South", "Manor", "Marple North",
	"Marple South and High Lane", "Offerton", "Reddish North",
	"Reddish South", "Stepping Hill",
};

static const char *const ward_parts[] = {
	"Central", "North", "South", "East", "West", "Park", "Hill", "Green",
	"Vale", "Bridge", "Moor", "Heath", "Brook", "Fold", "Lane", "Meadow",
};

static const char *const streets[] = {
	"High Street", "Station Road", "Church Lane", "Market Street",
	"Mill Lane", "Park Road", "Victoria Street", "Green Lane", "King Street",
	"Manchester Road", "Bridge Street", "School Lane", "New Road",
	"Supermarket", "Petrol Station", "Parking Area", "Shopping Area",
	"Sports/Recreation Area", "Nightclub", "Hospital", "Bus Station",
	"Further/Higher Educational Building", "Conference/Exhibition Centre",
};

/* Crime types with their yearly rate per 1,000 residents (before the
 * district's level), their summer lift, their trend over the period and
 * how much they gather in town centres. */
static const struct {
	const char *name;
	double rate;
	double summer;   /* extra share in June-August */
	double trend;    /* change over the 36 months, e.g. -0.4 */
	double centre;   /* pull towards town-centre LSOAs */
} types[] = {
	{ "Anti-social behaviour", 17.0, 0.30, -0.10, 1.5 },
	{ "Violence and sexual offences", 30.0, 0.10, 0.05, 1.6 },
	{ "Public order", 7.5, 0.10, 0.00, 2.0 },
	{ "Criminal damage and arson", 7.0, 0.05, -0.05, 1.0 },
	{ "Other theft", 6.5, 0.05, 0.00, 2.0 },
	{ "Shoplifting", 6.0, 0.00, 0.25, 6.0 },
	{ "Vehicle crime", 4.5, 0.00, -0.10, 1.2 },
	{ "Burglary", 4.5, -0.05, -0.15, 0.6 },
	{ "Other crime", 1.6, 0.00, 0.00, 1.0 },
	{ "Drugs", 1.8, 0.00, 0.10, 2.5 },
	{ "Theft from the person", 0.8, 0.05, 0.00, 5.0 },
	{ "Robbery", 0.8, 0.00, 0.00, 3.0 },
	{ "Bicycle theft", 0.6, 0.40, 0.00, 2.0 },
	{ "Possession of weapons", 0.6, 0.05, 0.10, 2.5 },
};

static const struct {
	const char *name;
	double share;
} outcomes[] = {
	{ "Investigation complete; no suspect identified", 0.40 },
	{ "Unable to prosecute suspect", 0.28 },
	{ "Under investigation", 0.08 },
	{ "Awaiting court outcome", 0.05 },
	{ "Local resolution", 0.04 },
	{ "Offender given a caution", 0.02 },
	{ "Further action is not in the public interest", 0.03 },
	{ "Formal action is not in the public interest", 0.02 },
	{ "Action to be taken by another organisation", 0.03 },
	{ "Status update unavailable", 0.03 },
	{ "Court result unavailable", 0.02 },
};

/* xorshift64* : small, fast and the same everywhere. */
struct rng {
	uint64_t s;
};

static uint64_t next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 2685821657736338717ull;
}

static double uniform(struct rng *r)
{
	return (double)(next(r) >> 11) / 9007199254740992.0;
}

/* Poisson by inversion for small means, normal approximation above. */
static int poisson(struct rng *r, double mean)
{
	if (mean < 30) {
		double l = exp(-mean), p = 1;
		int k = 0;

		do {
			k++;
			p *= uniform(r);
		} while (p > l);
		return k - 1;
	} else {
		double u1 = uniform(r), u2 = uniform(r);
		double z = sqrt(-2 * log(u1 > 0 ? u1 : 1e-12)) * cos(6.283185307179586 * u2);
		int k = (int)lround(mean + z * sqrt(mean));

		return k < 0 ? 0 : k;
	}
}

struct lsoa {
	char code[16];
	char name[64];
	const char *ward;
	int district;
	int population;
	double weight;  /* how much crime it gets, before town-centre pull */
	double centre;  /* 1 for a town-centre LSOA */
	double lat, lon;
	int street;     /* its first street */
};

struct demo_geo {
	struct lsoa *v;
	size_t n;
	char wards[10][24][48];
};

static void make_geography(struct demo_geo *g, struct rng *r)
{
	size_t cap = 0;
	uint32_t code = 1;

	for (size_t d = 0; d < ARRAY_SIZE(districts); d++) {
		int n_lsoa = districts[d].population / 1850;
		size_t n_wards = d == 6 ? ARRAY_SIZE(stockport_wards) : 16;

		for (size_t w = 0; w < n_wards; w++)
			snprintf(g->wards[d][w], sizeof(g->wards[d][w]), "%s%s%s",
				 d == 6 ? stockport_wards[w] : districts[d].name,
				 d == 6 ? "" : " ", d == 6 ? "" : ward_parts[w]);
		for (int i = 0; i < n_lsoa; i++) {
			struct lsoa *l;
			double z = sqrt(-2 * log(uniform(r) + 1e-12)) *
				   cos(6.283185307179586 * uniform(r));

			if (g->n == cap) {
				cap = cap ? cap * 2 : 1024;
				g->v = xrealloc(g->v, cap * sizeof(*g->v));
			}
			l = &g->v[g->n++];
			snprintf(l->code, sizeof(l->code), "E019%05u", code++);
			snprintf(l->name, sizeof(l->name), "%s %03d%c", districts[d].name,
				 i / 4 + 1, 'A' + i % 4);
			l->district = (int)d;
			l->ward = g->wards[d][(size_t)i * n_wards / (size_t)n_lsoa];
			l->population = 1200 + (int)(next(r) % 1300);
			l->weight = exp(0.7 * z); /* lognormal: hotspots */
			l->centre = i % 37 == 3 ? 1 : 0;
			l->lat = districts[d].lat + (uniform(r) - 0.5) * 0.09;
			l->lon = districts[d].lon + (uniform(r) - 0.5) * 0.14;
			l->street = (int)(next(r) % ARRAY_SIZE(streets));
		}
	}
}

/* Pick an LSOA of district d for crime type t: by weight. */
static const struct lsoa *pick(const struct demo_geo *g, const double *cum,
			       size_t lo, size_t hi, struct rng *r)
{
	double x = uniform(r) * cum[hi - 1];
	size_t a = lo, b = hi - 1;

	while (a < b) {
		size_t m = (a + b) / 2;

		if (cum[m] < x)
			a = m + 1;
		else
			b = m;
	}
	return &g->v[a];
}

static const char *pick_outcome(struct rng *r)
{
	double x = uniform(r), acc = 0;

	for (size_t i = 0; i < ARRAY_SIZE(outcomes); i++) {
		acc += outcomes[i].share;
		if (x < acc)
			return outcomes[i].name;
	}
	return outcomes[0].name;
}

/* One month of Greater Manchester street-level crime as police.uk CSV. */
static void write_month(struct buf *b, const struct demo_geo *g,
			double *const *cum, const size_t *first, int month,
			struct rng *r)
{
	char m[8];
	int idx = month - FIRST_MONTH, calendar = month % 12 + 1;
	bool summer = calendar >= 6 && calendar <= 8;

	pu_month_format(month, m);
	buf_adds(b, "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
		    "Location,LSOA code,LSOA name,Crime type,Last outcome "
		    "category,Context\r\n");
	for (size_t d = 0; d < ARRAY_SIZE(districts); d++) {
		for (size_t t = 0; t < ARRAY_SIZE(types); t++) {
			double trend = 1 + types[t].trend * idx / (MONTHS - 1);
			double mean;
			int n;

			/* Stockport's burglaries fall by 35% every two years,
			 * so any two years apart are "down 35%". */
			if (d == 6 && strcmp(types[t].name, "Burglary") == 0)
				trend = pow(0.65, idx / 24.0);
			mean = districts[d].population / 1000.0 * types[t].rate / 12 *
			       districts[d].level * trend *
			       (summer ? 1 + types[t].summer : 1 - types[t].summer / 3);
			/* Stockport's burglaries have no noise but a season
			 * that sums to nothing over any twelve months, so that
			 * any year is 35% below the one two years before. */
			if (d == 6 && strcmp(types[t].name, "Burglary") == 0)
				n = (int)lround(mean * (1 + 0.15 * sin(6.283185307179586 *
									calendar / 12)));
			else
				n = poisson(r, mean);
			for (int k = 0; k < n; k++) {
				const struct lsoa *l =
					pick(g, cum[t], first[d], first[d + 1], r);
				bool asb = t == 0;
				bool located = next(r) % 400 != 0;

				if (asb) {
					buf_addc(b, ',');
				} else {
					for (int h = 0; h < 4; h++)
						buf_printf(b, "%016llx",
							   (unsigned long long)next(r));
					buf_addc(b, ',');
				}
				buf_printf(b, "%s,Greater Manchester Police,Greater "
					      "Manchester Police,",
					   m);
				if (located)
					buf_printf(b, "%.6f,%.6f,On or near %s,%s,%s,", l->lon +
						   (uniform(r) - 0.5) * 0.004, l->lat +
						   (uniform(r) - 0.5) * 0.003,
						   streets[(size_t)(l->street + (int)(next(r) % 3)) %
							   ARRAY_SIZE(streets)],
						   l->code, l->name);
				else
					buf_adds(b, ",,No Location,,,");
				buf_printf(b, "%s,%s,\r\n", types[t].name,
					   asb ? "" : pick_outcome(r));
			}
		}
	}
}

int demo_crime_load(struct store *s, struct err *e)
{
	struct demo_geo g = { 0 };
	struct rng r = { 0x5AFE5AFE2021ull };
	double *cum[ARRAY_SIZE(types)];
	size_t first[ARRAY_SIZE(districts) + 1];
	struct buf csv = BUF_INIT;
	struct police_options opt = { .generated = true, .quiet = true };
	const char *members[ARRAY_SIZE(districts)];
	int rc = 0;

	make_geography(&g, &r);
	/* Where each district's LSOAs start, and cumulative weights per
	 * crime type (town centres pull some types). */
	for (size_t d = 0, i = 0; d <= ARRAY_SIZE(districts); d++) {
		while (i < g.n && g.v[i].district < (int)d)
			i++;
		first[d] = i;
	}
	for (size_t t = 0; t < ARRAY_SIZE(types); t++) {
		double acc = 0;

		cum[t] = xmalloc(g.n * sizeof(double));
		for (size_t i = 0; i < g.n; i++) {
			if (i > 0 && g.v[i].district != g.v[i - 1].district)
				acc = 0;
			acc += g.v[i].weight * g.v[i].population *
			       (1 + g.v[i].centre * types[t].centre * 8);
			cum[t][i] = acc;
		}
	}
	if (store_begin(s, e) < 0)
		goto out;
	for (size_t i = 0; i < g.n && rc == 0; i++) {
		struct geo_input in = {
			g.v[i].code, g.v[i].name, NULL, g.v[i].ward,
			districts[g.v[i].district].code, districts[g.v[i].district].name,
			"Greater Manchester Police", g.v[i].population, -1, 0,
		};

		rc = store_geo_put(s, &in, e);
	}
	for (size_t d = 0; d < ARRAY_SIZE(districts); d++)
		members[d] = districts[d].name;
	if (rc == 0)
		rc = store_peer_group_set(s, "Greater Manchester",
					  "The ten districts of Greater Manchester, "
					  "each its own community safety partnership.",
					  members, ARRAY_SIZE(members), e);
	for (int m = FIRST_MONTH; m < FIRST_MONTH + MONTHS && rc == 0; m++) {
		struct police_report rep;
		char name[96], month[8];

		pu_month_format(m, month);
		snprintf(name, sizeof(name),
			 "%s-greater-manchester-street.csv (generated for the demo)",
			 month);
		buf_reset(&csv);
		write_month(&csv, &g, cum, first, m, &r);
		rc = ingest_police_buffer(s, name, csv.ptr, csv.len, &opt, &rep, e);
		police_report_release(&rep);
	}
	if (rc == 0)
		rc = store_commit(s, e);
	else
		store_rollback(s);
out:
	for (size_t t = 0; t < ARRAY_SIZE(types); t++)
		free(cum[t]);
	free(g.v);
	buf_release(&csv);
	return rc;
}
