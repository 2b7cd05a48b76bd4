/*
 * gen_policeuk -- write police.uk-shaped street-level crime CSVs at national
 * scale, deterministic from a seed.  For benchmarks only: the data are
 * synthetic (real force names and slugs, real names and codes for the
 * metropolitan districts, synthetic names elsewhere).
 *
 *   gen_policeuk OUTDIR [--months 2023-01..2023-12] [--seed 1] [--scale 1.0]
 *                       [--geography FILE] [--jobs N] [--quiet]
 *
 * Writes OUTDIR/YYYY-MM/YYYY-MM-<force-slug>-street.csv for every month and
 * each of the 43 forces of England and Wales, exactly as a police.uk download:
 *
 *   Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,
 *   LSOA code,LSOA name,Crime type,Last outcome category,Context
 *
 * CRLF line endings, no quoting, Crime ID 64 lowercase hex (blank for
 * anti-social behaviour, whose outcome is blank too), Context empty, about
 * 0.3% "No Location" rows (blank coordinates and LSOA).  Rows within a file
 * are ordered by LSOA name, then crime type, as police.uk orders them.
 *
 * Scale 1.0 is about 6.5 million rows a year over ~35,000 LSOAs in ~335
 * local authorities.  The geography (names, codes, coordinates, wards,
 * population) does not depend on the seed; crime volumes and hotspots do.
 * Each LSOA has a heavy-tailed weight (lognormal, and a Pareto "hotspot"
 * boost for about 3% of LSOAs, such as town centres) and a per-crime-type
 * twist, so "top N LSOAs" questions have real answers.
 *
 * --geography FILE writes the matching lookup:
 *   lsoa_code,lsoa_name,ward_code,ward_name,la_code,la_name,force,population,households
 *
 * Prints one summary line on stdout:
 *   rows=N files=N bytes=N months=N seconds=S
 *
 * --jobs N shares the files among N processes (default: online CPUs, at
 * most 8); the output is identical whatever N is.
 *
 * C11 plus POSIX (mkdir, fork, pipe, clock_gettime); no other dependencies.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------ rng */

typedef struct {
    uint64_t s[4];
} rng_t;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void rng_seed(rng_t *r, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t x = a * 0x100000001b3ULL ^ (b + 0x51ed270b27ULL) * 0x2545f4914f6cdd1dULL ^ (c + 7) * 0x9e3779b97f4a7c15ULL;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t rng_u64(rng_t *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* uniform in [0,1) */
static inline double rng_unif(rng_t *r) { return (double)(rng_u64(r) >> 11) * 0x1.0p-53; }

static double rng_normal(rng_t *r)
{
    double u1 = rng_unif(r), u2 = rng_unif(r);
    if (u1 < 1e-300)
        u1 = 1e-300;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

static unsigned rng_below(rng_t *r, unsigned n) { return (unsigned)(rng_unif(r) * n); }

static unsigned rng_poisson(rng_t *r, double lambda)
{
    if (lambda <= 0)
        return 0;
    if (lambda < 30.0) {
        double L = exp(-lambda), p = 1.0;
        unsigned k = 0;
        for (;;) {
            p *= rng_unif(r);
            if (p <= L)
                return k;
            k++;
        }
    }
    /* normal approximation with continuity correction; fine for lambda >= 30 */
    double x = lambda + sqrt(lambda) * rng_normal(r) + 0.5;
    return x < 0 ? 0 : (unsigned)x;
}

/* ------------------------------------------------------------ constants */

enum { NTYPES = 14 };

/* police.uk's order within a file (alphabetical, "Other crime" last) */
static const char *const TYPE_NAME[NTYPES] = {
    "Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson",
    "Drugs", "Other theft", "Possession of weapons", "Public order", "Robbery",
    "Shoplifting", "Theft from the person", "Vehicle crime",
    "Violence and sexual offences", "Other crime",
};
enum { T_ASB = 0, T_BICYCLE, T_BURGLARY, T_DAMAGE, T_DRUGS, T_OTHERTHEFT, T_WEAPONS,
       T_PUBLICORDER, T_ROBBERY, T_SHOPLIFTING, T_THEFTPERSON, T_VEHICLE, T_VIOLENCE, T_OTHER };

/* national shares (normalised at start-up): ASB ~28%, violence ~30% */
static const double TYPE_SHARE[NTYPES] = {
    0.280, 0.010, 0.040, 0.075, 0.025, 0.065, 0.007, 0.065, 0.011, 0.055, 0.012, 0.055, 0.300, 0.015,
};
/* how strongly a type concentrates in hotspot LSOAs (exponent on the boost) */
static const double TYPE_HOT[NTYPES] = {
    0.80, 1.00, 0.40, 0.60, 1.00, 1.10, 1.00, 1.00, 1.10, 1.30, 1.40, 0.50, 0.90, 0.70,
};
/* seasonality: amplitude and peak month (0 = January) */
static const double TYPE_SEASON_AMP[NTYPES] = {
    0.18, 0.35, 0.10, 0.06, 0.04, 0.06, 0.05, 0.08, 0.06, 0.04, 0.10, 0.06, 0.08, 0.04,
};
static const int TYPE_SEASON_PEAK[NTYPES] = {6, 7, 11, 9, 4, 7, 6, 6, 11, 11, 11, 0, 6, 6};

enum {
    O_NOSUSPECT, O_UNABLE, O_COURTUNAVAIL, O_CAUTION, O_LOCALRES, O_DRUGSWARN, O_PENALTY,
    O_OTHERORG, O_FURTHERINV, O_FORMAL, O_FURTHERACT, O_CHARGEDOTHER, O_STATUS, O_UNDERINV,
    O_AWAITING, NOUTCOMES
};
static const char *const OUTCOME_NAME[NOUTCOMES] = {
    "Investigation complete; no suspect identified",
    "Unable to prosecute suspect",
    "Court result unavailable",
    "Offender given a caution",
    "Local resolution",
    "Offender given a drugs possession warning",
    "Offender given penalty notice",
    "Action to be taken by another organisation",
    "Further investigation is not in the public interest",
    "Formal action is not in the public interest",
    "Further action is not in the public interest",
    "Suspect charged as part of another case",
    "Status update unavailable",
    "Under investigation",
    "Awaiting court outcome",
};
/* settled outcome weights per crime type (columns O_NOSUSPECT..O_STATUS) */
static const double OUTCOME_W[NTYPES][O_UNDERINV] = {
    /*            nosus unable court caut  local dwarn pen  org  finv formal fact chg  status */
    [T_ASB] = {0},
    [T_BICYCLE] = {80, 10, 3, 1, 1, 0, 0, 1, 1, 0.3, 0.3, 0.3, 1},
    [T_BURGLARY] = {70, 18, 5, 1, 0.5, 0, 0, 1, 1.5, 0.2, 0.3, 0.5, 1},
    [T_DAMAGE] = {52, 30, 5, 2, 4, 0, 0, 2, 2, 0.5, 1, 0.3, 1},
    [T_DRUGS] = {4, 10, 30, 10, 12, 20, 4, 2, 2, 1, 2, 1, 1},
    [T_OTHERTHEFT] = {62, 24, 4, 1, 2, 0, 0, 2, 2, 0.3, 1, 0.3, 1},
    [T_WEAPONS] = {10, 20, 50, 6, 2, 0, 0, 2, 3, 1, 2, 2, 1},
    [T_PUBLICORDER] = {30, 45, 8, 3, 4, 0, 3, 2, 2, 0.5, 1, 0.5, 1},
    [T_ROBBERY] = {55, 25, 12, 1, 0.5, 0, 0, 1, 2, 0.2, 0.5, 1, 1},
    [T_SHOPLIFTING] = {35, 15, 30, 3, 6, 0, 3, 1, 3, 0.5, 1, 1.5, 1},
    [T_THEFTPERSON] = {80, 12, 3, 0.5, 0.5, 0, 0, 1, 1, 0.2, 0.3, 0.3, 1},
    [T_VEHICLE] = {78, 14, 3, 0.5, 0.5, 0, 0, 1, 1.5, 0.2, 0.3, 0.5, 1},
    [T_VIOLENCE] = {15, 60, 10, 3, 3, 0, 0, 2, 2, 0.5, 2, 0.5, 2},
    [T_OTHER] = {25, 40, 15, 2, 2, 0, 0, 6, 4, 1, 2, 1, 2},
};
/* how much of a type's pending work is waiting for court (vs investigation) */
static const double TYPE_COURT[NTYPES] = {0, 0.1, 0.2, 0.2, 0.8, 0.2, 0.9, 0.3, 0.4, 0.5, 0.1, 0.1, 0.4, 0.5};

/* forces: name, slug, centre, radius (degrees), LSOAs, crime multiplier,
   Welsh, number of local authorities */
typedef struct {
    const char *name, *slug;
    double lat, lon, radius;
    int lsoas;
    double mult;
    int welsh;
    int nlas;
} force_def;

static const force_def FORCES[] = {
    {"Avon and Somerset Constabulary", "avon-and-somerset", 51.35, -2.75, 0.45, 1100, 1.00, 0, 9},
    {"Bedfordshire Police", "bedfordshire", 52.05, -0.45, 0.20, 400, 1.00, 0, 3},
    {"Cambridgeshire Constabulary", "cambridgeshire", 52.40, 0.05, 0.30, 520, 0.95, 0, 6},
    {"Cheshire Constabulary", "cheshire", 53.20, -2.55, 0.25, 650, 0.95, 0, 4},
    {"City of London Police", "city-of-london", 51.515, -0.092, 0.006, 6, 9.00, 0, 1},
    {"Cleveland Police", "cleveland", 54.57, -1.20, 0.12, 350, 1.45, 0, 4},
    {"Cumbria Constabulary", "cumbria", 54.55, -3.00, 0.45, 320, 0.80, 0, 6},
    {"Derbyshire Constabulary", "derbyshire", 53.05, -1.55, 0.30, 640, 0.90, 0, 9},
    {"Devon & Cornwall Police", "devon-and-cornwall", 50.55, -4.10, 0.80, 1050, 0.80, 0, 11},
    {"Dorset Police", "dorset", 50.75, -2.25, 0.30, 470, 0.80, 0, 6},
    {"Durham Constabulary", "durham", 54.70, -1.70, 0.25, 390, 1.15, 0, 3},
    {"Dyfed-Powys Police", "dyfed-powys", 52.10, -3.90, 0.60, 340, 0.65, 1, 4},
    {"Essex Police", "essex", 51.80, 0.55, 0.35, 1110, 1.00, 0, 12},
    {"Gloucestershire Constabulary", "gloucestershire", 51.85, -2.20, 0.25, 380, 0.90, 0, 6},
    {"Greater Manchester Police", "greater-manchester", 53.48, -2.24, 0.18, 1673, 1.30, 0, 10},
    {"Gwent Police", "gwent", 51.68, -3.00, 0.15, 370, 1.00, 1, 5},
    {"Hampshire Constabulary", "hampshire", 51.00, -1.25, 0.40, 1200, 0.95, 0, 12},
    {"Hertfordshire Constabulary", "hertfordshire", 51.80, -0.25, 0.20, 690, 0.85, 0, 10},
    {"Humberside Police", "humberside", 53.75, -0.50, 0.35, 560, 1.15, 0, 4},
    {"Kent Police", "kent", 51.20, 0.75, 0.40, 1050, 1.05, 0, 12},
    {"Lancashire Constabulary", "lancashire", 53.85, -2.60, 0.30, 940, 1.10, 0, 12},
    {"Leicestershire Police", "leicestershire", 52.65, -1.10, 0.25, 620, 0.95, 0, 9},
    {"Lincolnshire Police", "lincolnshire", 53.10, -0.25, 0.45, 450, 0.85, 0, 7},
    {"Merseyside Police", "merseyside", 53.42, -2.95, 0.12, 930, 1.20, 0, 5},
    {"Metropolitan Police Service", "metropolitan", 51.50, -0.12, 0.17, 4829, 1.25, 0, 32},
    {"Norfolk Constabulary", "norfolk", 52.65, 1.00, 0.40, 530, 0.85, 0, 7},
    {"North Wales Police", "north-wales", 53.10, -3.60, 0.40, 420, 0.90, 1, 6},
    {"North Yorkshire Police", "north-yorkshire", 54.15, -1.35, 0.50, 500, 0.75, 0, 8},
    {"Northamptonshire Police", "northamptonshire", 52.30, -0.85, 0.25, 430, 1.00, 0, 7},
    {"Northumbria Police", "northumbria", 55.00, -1.65, 0.30, 900, 1.15, 0, 6},
    {"Nottinghamshire Police", "nottinghamshire", 53.10, -1.00, 0.25, 680, 1.05, 0, 8},
    {"South Wales Police", "south-wales", 51.60, -3.55, 0.25, 780, 1.05, 1, 7},
    {"South Yorkshire Police", "south-yorkshire", 53.48, -1.30, 0.20, 870, 1.20, 0, 4},
    {"Staffordshire Police", "staffordshire", 52.85, -2.05, 0.30, 680, 0.90, 0, 9},
    {"Suffolk Constabulary", "suffolk", 52.20, 1.00, 0.30, 440, 0.80, 0, 7},
    {"Surrey Police", "surrey", 51.25, -0.40, 0.20, 700, 0.75, 0, 9},
    {"Sussex Police", "sussex", 50.95, -0.35, 0.35, 1000, 0.90, 0, 11},
    {"Thames Valley Police", "thames-valley", 51.65, -1.00, 0.45, 1400, 0.90, 0, 15},
    {"Warwickshire Police", "warwickshire", 52.30, -1.55, 0.20, 340, 0.90, 0, 5},
    {"West Mercia Police", "west-mercia", 52.40, -2.55, 0.45, 780, 0.85, 0, 10},
    {"West Midlands Police", "west-midlands", 52.48, -1.90, 0.15, 1680, 1.20, 0, 7},
    {"West Yorkshire Police", "west-yorkshire", 53.75, -1.65, 0.20, 1390, 1.30, 0, 5},
    {"Wiltshire Police", "wiltshire", 51.35, -1.95, 0.25, 400, 0.80, 0, 2},
};
enum { NFORCES = (int)(sizeof FORCES / sizeof FORCES[0]) };

/* local authorities with real names and codes (metropolitan forces);
   lat/lon 0 = place at random inside the force; lsoas 0 = share the rest */
typedef struct {
    const char *slug, *name, *code;
    double lat, lon;
    int lsoas;
} la_def;

static const la_def REAL_LAS[] = {
    {"city-of-london", "City of London", "E09000001", 51.515, -0.092, 6},
    {"greater-manchester", "Bolton", "E08000001", 53.578, -2.429, 183},
    {"greater-manchester", "Bury", "E08000002", 53.593, -2.298, 120},
    {"greater-manchester", "Manchester", "E08000003", 53.479, -2.245, 282},
    {"greater-manchester", "Oldham", "E08000004", 53.541, -2.118, 144},
    {"greater-manchester", "Rochdale", "E08000005", 53.616, -2.155, 137},
    {"greater-manchester", "Salford", "E08000006", 53.487, -2.290, 150},
    {"greater-manchester", "Stockport", "E08000007", 53.408, -2.149, 190},
    {"greater-manchester", "Tameside", "E08000008", 53.480, -2.080, 141},
    {"greater-manchester", "Trafford", "E08000009", 53.421, -2.352, 138},
    {"greater-manchester", "Wigan", "E08000010", 53.545, -2.632, 188},
    {"merseyside", "Knowsley", "E08000011", 53.43, -2.85, 98},
    {"merseyside", "Liverpool", "E08000012", 53.41, -2.95, 298},
    {"merseyside", "St. Helens", "E08000013", 53.45, -2.74, 119},
    {"merseyside", "Sefton", "E08000014", 53.55, -3.00, 189},
    {"merseyside", "Wirral", "E08000015", 53.37, -3.07, 226},
    {"south-yorkshire", "Barnsley", "E08000016", 53.55, -1.48, 147},
    {"south-yorkshire", "Doncaster", "E08000017", 53.52, -1.13, 194},
    {"south-yorkshire", "Rotherham", "E08000018", 53.43, -1.36, 166},
    {"south-yorkshire", "Sheffield", "E08000019", 53.38, -1.47, 363},
    {"northumbria", "Newcastle upon Tyne", "E08000021", 54.98, -1.62, 175},
    {"northumbria", "North Tyneside", "E08000022", 55.02, -1.50, 129},
    {"northumbria", "South Tyneside", "E08000023", 54.96, -1.43, 102},
    {"northumbria", "Sunderland", "E08000024", 54.90, -1.38, 185},
    {"northumbria", "Gateshead", "E08000037", 54.95, -1.60, 126},
    {"northumbria", "Northumberland", "E06000057", 55.20, -1.90, 183},
    {"west-midlands", "Birmingham", "E08000025", 52.48, -1.89, 639},
    {"west-midlands", "Coventry", "E08000026", 52.41, -1.51, 195},
    {"west-midlands", "Dudley", "E08000027", 52.51, -2.09, 192},
    {"west-midlands", "Sandwell", "E08000028", 52.51, -2.01, 186},
    {"west-midlands", "Solihull", "E08000029", 52.41, -1.78, 134},
    {"west-midlands", "Walsall", "E08000030", 52.59, -1.98, 167},
    {"west-midlands", "Wolverhampton", "E08000031", 52.59, -2.13, 167},
    {"west-yorkshire", "Bradford", "E08000032", 53.79, -1.75, 310},
    {"west-yorkshire", "Calderdale", "E08000033", 53.72, -1.86, 128},
    {"west-yorkshire", "Kirklees", "E08000034", 53.65, -1.78, 261},
    {"west-yorkshire", "Leeds", "E08000035", 53.80, -1.55, 482},
    {"west-yorkshire", "Wakefield", "E08000036", 53.68, -1.50, 209},
    {"metropolitan", "Barking and Dagenham", "E09000002", 0, 0, 0},
    {"metropolitan", "Barnet", "E09000003", 0, 0, 0},
    {"metropolitan", "Bexley", "E09000004", 0, 0, 0},
    {"metropolitan", "Brent", "E09000005", 0, 0, 0},
    {"metropolitan", "Bromley", "E09000006", 0, 0, 0},
    {"metropolitan", "Camden", "E09000007", 0, 0, 0},
    {"metropolitan", "Croydon", "E09000008", 0, 0, 0},
    {"metropolitan", "Ealing", "E09000009", 0, 0, 0},
    {"metropolitan", "Enfield", "E09000010", 0, 0, 0},
    {"metropolitan", "Greenwich", "E09000011", 0, 0, 0},
    {"metropolitan", "Hackney", "E09000012", 0, 0, 0},
    {"metropolitan", "Hammersmith and Fulham", "E09000013", 0, 0, 0},
    {"metropolitan", "Haringey", "E09000014", 0, 0, 0},
    {"metropolitan", "Harrow", "E09000015", 0, 0, 0},
    {"metropolitan", "Havering", "E09000016", 0, 0, 0},
    {"metropolitan", "Hillingdon", "E09000017", 0, 0, 0},
    {"metropolitan", "Hounslow", "E09000018", 0, 0, 0},
    {"metropolitan", "Islington", "E09000019", 0, 0, 0},
    {"metropolitan", "Kensington and Chelsea", "E09000020", 0, 0, 0},
    {"metropolitan", "Kingston upon Thames", "E09000021", 0, 0, 0},
    {"metropolitan", "Lambeth", "E09000022", 0, 0, 0},
    {"metropolitan", "Lewisham", "E09000023", 0, 0, 0},
    {"metropolitan", "Merton", "E09000024", 0, 0, 0},
    {"metropolitan", "Newham", "E09000025", 0, 0, 0},
    {"metropolitan", "Redbridge", "E09000026", 0, 0, 0},
    {"metropolitan", "Richmond upon Thames", "E09000027", 0, 0, 0},
    {"metropolitan", "Southwark", "E09000028", 0, 0, 0},
    {"metropolitan", "Sutton", "E09000029", 0, 0, 0},
    {"metropolitan", "Tower Hamlets", "E09000030", 0, 0, 0},
    {"metropolitan", "Waltham Forest", "E09000031", 0, 0, 0},
    {"metropolitan", "Wandsworth", "E09000032", 0, 0, 0},
    {"metropolitan", "Westminster", "E09000033", 0, 0, 0},
};
enum { NREAL_LAS = (int)(sizeof REAL_LAS / sizeof REAL_LAS[0]) };

/* syllables for synthetic place names (English and Welsh flavours) */
static const char *const EN_PRE[] = {
    "Ash", "Bar", "Beck", "Black", "Brad", "Bram", "Brook", "Burn", "Castle", "Chal", "Chip",
    "Clay", "Cold", "Cran", "Dal", "Dun", "East", "Elm", "Fair", "Farn", "Fox", "Glen", "Gold",
    "Hart", "Hazel", "Heath", "High", "Holm", "Kings", "Lang", "Lea", "Long", "Mar", "Mill",
    "Nor", "Oak", "Orms", "Pen", "Queens", "Red", "Rother", "Sal", "Sand", "Shel", "Sher",
    "Stan", "Stone", "Sun", "Thorn", "Tun", "Up", "Wal", "Wel", "West", "Whit", "Wil", "Win",
    "Wood", "Wor", "Yar",
};
static const char *const EN_SUF[] = {
    "bury", "field", "ford", "ham", "ley", "minster", "ton", "wick", "worth", "borough", "dale",
    "mouth", "stead", "by", "caster", "chester", "hurst", "moor", "well", "bridge", "combe",
    "den", "hill", "lake", "mere", "thorpe",
};
static const char *const CY_PRE[] = {
    "Aber", "Bryn", "Caer", "Cwm", "Llan", "Pont", "Tre", "Pen", "Rhos", "Maes", "Glyn",
    "Nant", "Coed", "Dol", "Porth", "Ystrad",
};
static const char *const CY_SUF[] = {
    "gwyn", "dare", "fawr", "fach", "newydd", "teg", "wen", "ddu", "afon", "y-bont", "gwili",
    "tawe", "elli", "mawr", "dwr", "coch",
};
static const char *const WARD_DIR[] = {
    "", " North", " South", " East", " West", " Central", " Park", " Village", " and District",
};
static const char *const STREET_FIRST[] = {
    "Church", "High", "Station", "Park", "Victoria", "Albert", "Mill", "Manor", "School",
    "Queen", "King", "New", "Chapel", "Green", "Market", "Bridge", "North", "South", "West",
    "East", "George", "Grange", "Windsor", "York", "Kings", "Springfield", "Highfield",
    "Orchard", "Meadow", "Beech", "Oak", "Ash", "Elm", "Willow", "Cedar", "Maple", "Holly",
    "Birch", "Chestnut", "Hawthorn", "Rose", "Lime", "Poplar", "Alder", "Rowan", "Hazel",
    "Cross", "Castle", "Abbey", "Priory", "Farm", "Hall", "Moor", "Hill", "Dale", "Brook",
    "River", "Canal", "Lake", "Forest", "Wood", "Field", "Mount", "Valley", "Stanley",
    "Clarence", "Nelson", "Wellington", "Milton", "Shakespeare", "Byron", "Tennyson", "Darwin",
    "Cromwell", "Churchill", "Gladstone", "Peel", "Balmoral", "Sandringham", "Osborne",
    "Buckingham", "Warwick", "Lancaster", "Chester", "Derby", "Oxford", "Cambridge", "Grosvenor",
    "Belgrave", "Cavendish", "Devonshire", "Portland", "Bedford", "Russell", "Spencer",
    "Howard", "Percy", "Neville", "Clifford", "Beaumont", "Fairfield", "Broad", "Long",
    "Short", "Back", "Front", "Low", "Upper", "Lower", "Middle", "Sunny", "Pleasant", "Bank",
};
static const char *const STREET_SUF[] = {
    "Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Grove", "Crescent", "Place",
    "Gardens", "Court", "Terrace", "Walk", "View", "Rise", "Mews", "Square",
};
static const char *const SPECIAL_PLACES[] = {
    "Supermarket", "Shopping Area", "Parking Area", "Petrol Station", "Nightclub",
    "Sports/Recreation Area", "Further/Higher Educational Building", "Hospital",
    "Bus/Coach Station", "Theatre/Concert Hall", "Police Station", "Park/Open Space",
    "Pedestrian Subway", "Conference/Exhibition Centre",
};
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ------------------------------------------------------------ geography */

typedef struct {
    char name[48];
    char code[16];
    int force;
    double lat, lon, radius;
    double mult;
    int first_lsoa, nlsoas;
    int first_street, nstreets;
} la_t;

typedef struct {
    char code[16];
    char name[64];
    int la;
    int ward;
    int population, households;
    double lat, lon;
    int first_snap, nsnaps;
} lsoa_t;

typedef struct {
    char code[16];
    char name[64];
} ward_t;

static la_t *las;
static int nlas;
static lsoa_t *lsoas;
static int nlsoas;
static ward_t *wards;
static int nwards;
static char (*streets)[40];
static int nstreets;
/* snap points: preformatted "lon,lat,Location,LSOA code,LSOA name" */
static char *snap_arena;
static size_t snap_arena_len, snap_arena_cap;
static uint32_t *snap_off;
static uint16_t *snap_len;
static int nsnaps, snaps_cap;
static int force_first_la[NFORCES], force_nlas[NFORCES];

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "gen_policeuk: out of memory\n");
        exit(1);
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "gen_policeuk: out of memory\n");
        exit(1);
    }
    return p;
}

static int la_name_used(const char *name)
{
    for (int i = 0; i < nlas; i++)
        if (strcmp(las[i].name, name) == 0)
            return 1;
    for (int i = 0; i < NREAL_LAS; i++)
        if (strcmp(REAL_LAS[i].name, name) == 0)
            return 1;
    return 0;
}

static int cmp_la_name(const void *a, const void *b)
{
    return strcmp(((const la_t *)a)->name, ((const la_t *)b)->name);
}

static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

static void add_snap(const char *s, size_t n)
{
    if (nsnaps == snaps_cap) {
        snaps_cap = snaps_cap ? snaps_cap * 2 : 1 << 16;
        snap_off = xrealloc(snap_off, (size_t)snaps_cap * sizeof *snap_off);
        snap_len = xrealloc(snap_len, (size_t)snaps_cap * sizeof *snap_len);
    }
    if (snap_arena_len + n > snap_arena_cap) {
        snap_arena_cap = snap_arena_cap ? snap_arena_cap * 2 : 1 << 22;
        snap_arena = xrealloc(snap_arena, snap_arena_cap);
    }
    memcpy(snap_arena + snap_arena_len, s, n);
    snap_off[nsnaps] = (uint32_t)snap_arena_len;
    snap_len[nsnaps] = (uint16_t)n;
    snap_arena_len += n;
    nsnaps++;
}

/* The geography is fixed (independent of --seed). */
static void build_geography(void)
{
    rng_t r;
    rng_seed(&r, 20230101, 43, 1);

    int total_las = 0;
    for (int f = 0; f < NFORCES; f++)
        total_las += FORCES[f].nlas + 1;
    las = xmalloc((size_t)total_las * sizeof *las);
    nlas = 0;

    /* 1. local authorities per force, names sorted within the force */
    int e07 = 1, e06 = 100, w06 = 1;
    for (int f = 0; f < NFORCES; f++) {
        const force_def *fd = &FORCES[f];
        force_first_la[f] = nlas;
        int fixed_lsoas = 0, nshare = 0;
        for (int i = 0; i < NREAL_LAS; i++) {
            if (strcmp(REAL_LAS[i].slug, fd->slug) != 0)
                continue;
            la_t *la = &las[nlas++];
            memset(la, 0, sizeof *la);
            snprintf(la->name, sizeof la->name, "%s", REAL_LAS[i].name);
            snprintf(la->code, sizeof la->code, "%s", REAL_LAS[i].code);
            la->force = f;
            la->lat = REAL_LAS[i].lat;
            la->lon = REAL_LAS[i].lon;
            la->nlsoas = REAL_LAS[i].lsoas;
            fixed_lsoas += la->nlsoas;
            if (!la->nlsoas)
                nshare++;
        }
        while (nlas - force_first_la[f] < fd->nlas) {
            la_t *la = &las[nlas];
            memset(la, 0, sizeof *la);
            for (;;) {
                if (fd->welsh)
                    snprintf(la->name, sizeof la->name, "%s%s", CY_PRE[rng_below(&r, N(CY_PRE))],
                             CY_SUF[rng_below(&r, N(CY_SUF))]);
                else
                    snprintf(la->name, sizeof la->name, "%s%s", EN_PRE[rng_below(&r, N(EN_PRE))],
                             EN_SUF[rng_below(&r, N(EN_SUF))]);
                if (!la_name_used(la->name))
                    break;
            }
            if (fd->welsh)
                snprintf(la->code, sizeof la->code, "W06%06d", w06++);
            else if (rng_unif(&r) < 0.25)
                snprintf(la->code, sizeof la->code, "E06%06d", e06++);
            else
                snprintf(la->code, sizeof la->code, "E07%06d", e07++);
            la->force = f;
            nshare++;
            nlas++;
        }
        force_nlas[f] = nlas - force_first_la[f];
        /* share the force's remaining LSOAs among LAs without a fixed count */
        int rest = fd->lsoas - fixed_lsoas;
        if (nshare > 0) {
            double w[64], sw = 0;
            int k = 0;
            for (int i = force_first_la[f]; i < nlas; i++)
                if (!las[i].nlsoas) {
                    w[k] = exp(0.35 * rng_normal(&r));
                    sw += w[k++];
                }
            k = 0;
            int given = 0, last = -1;
            for (int i = force_first_la[f]; i < nlas; i++)
                if (!las[i].nlsoas) {
                    int n = (int)(rest * w[k++] / sw);
                    if (n < 30)
                        n = 30;
                    las[i].nlsoas = n;
                    given += n;
                    last = i;
                }
            if (last >= 0 && rest - given + las[last].nlsoas >= 30)
                las[last].nlsoas += rest - given;
        }
        /* place LAs inside the force; radius grows with size */
        for (int i = force_first_la[f]; i < nlas; i++) {
            la_t *la = &las[i];
            if (la->lat == 0 && la->lon == 0) {
                double a = rng_unif(&r) * 6.283185307179586;
                double d = fd->radius * sqrt(rng_unif(&r)) * 0.8;
                la->lat = fd->lat + d * sin(a);
                la->lon = fd->lon + d * cos(a) / cos(fd->lat * 0.0174533);
            }
            la->radius = fd->nlas == 1 ? fd->radius
                                       : clampd(0.012 * sqrt((double)la->nlsoas), 0.03, fd->radius * 0.6);
            la->mult = fd->mult * exp(0.25 * rng_normal(&r));
        }
        qsort(&las[force_first_la[f]], (size_t)force_nlas[f], sizeof *las, cmp_la_name);
    }

    /* 2. LSOA codes follow a fixed order: City of London first (E01000001),
          then English forces, then Welsh forces (W01000001) */
    int total = 0;
    for (int i = 0; i < nlas; i++)
        total += las[i].nlsoas;
    lsoas = xmalloc((size_t)total * sizeof *lsoas);
    wards = xmalloc((size_t)total * sizeof *wards);
    streets = xmalloc((size_t)nlas * 200 * sizeof *streets);
    nlsoas = nwards = nstreets = 0;
    int e01 = 1, w01 = 1, e05 = 1, w05 = 1;

    int order[NFORCES], no = 0;
    for (int f = 0; f < NFORCES; f++)
        if (strcmp(FORCES[f].slug, "city-of-london") == 0)
            order[no++] = f;
    for (int f = 0; f < NFORCES; f++)
        if (!FORCES[f].welsh && strcmp(FORCES[f].slug, "city-of-london") != 0)
            order[no++] = f;
    for (int f = 0; f < NFORCES; f++)
        if (FORCES[f].welsh)
            order[no++] = f;

    /* LSOAs must sit in force order for the writer: lay them out by force
       index, but number them in `order` */
    int *code_no = xmalloc((size_t)total * sizeof *code_no);
    {
        /* first pass: count per force, to know each force's LSOA start */
        int start[NFORCES + 1];
        start[0] = 0;
        for (int f = 0; f < NFORCES; f++) {
            int n = 0;
            for (int i = force_first_la[f]; i < force_first_la[f] + force_nlas[f]; i++)
                n += las[i].nlsoas;
            start[f + 1] = start[f] + n;
        }
        for (int oi = 0; oi < NFORCES; oi++) {
            int f = order[oi];
            int welsh = FORCES[f].welsh;
            int li = start[f];
            for (int i = force_first_la[f]; i < force_first_la[f] + force_nlas[f]; i++) {
                for (int j = 0; j < las[i].nlsoas; j++)
                    code_no[li + j] = welsh ? w01++ : e01++;
                li += las[i].nlsoas;
            }
        }
    }

    for (int f = 0; f < NFORCES; f++) {
        const force_def *fd = &FORCES[f];
        for (int i = force_first_la[f]; i < force_first_la[f] + force_nlas[f]; i++) {
            la_t *la = &las[i];
            rng_t lr;
            rng_seed(&lr, 777, (uint64_t)i, (uint64_t)(unsigned char)la->name[0] * 131 + strlen(la->name));
            /* street pool */
            la->first_street = nstreets;
            la->nstreets = 60 + (int)rng_below(&lr, 140);
            for (int s = 0; s < la->nstreets; s++)
                snprintf(streets[nstreets + s], sizeof streets[0], "%s %s",
                         STREET_FIRST[rng_below(&lr, N(STREET_FIRST))],
                         STREET_SUF[rng_below(&lr, N(STREET_SUF))]);
            nstreets += la->nstreets;

            /* LSOAs in name order: MSOA number 001.., letters A.. */
            la->first_lsoa = nlsoas;
            int msoa = 1, letter = 0, msoa_size = 4 + (int)rng_below(&lr, 3);
            int ward_left = 0, ward_dir = 0, la_first_ward = nwards;
            for (int j = 0; j < la->nlsoas; j++) {
                lsoa_t *l = &lsoas[nlsoas];
                if (letter == msoa_size) {
                    msoa++;
                    letter = 0;
                    msoa_size = 4 + (int)rng_below(&lr, 3);
                }
                snprintf(l->name, sizeof l->name, "%s %03d%c", la->name, msoa, 'A' + letter);
                letter++;
                snprintf(l->code, sizeof l->code, "%s%06d", fd->welsh ? "W01" : "E01",
                         code_no[nlsoas]);
                l->la = i;
                if (ward_left == 0) {
                    ward_t *w = &wards[nwards];
                    snprintf(w->code, sizeof w->code, "%s%06d", fd->welsh ? "W05" : "E05",
                             fd->welsh ? w05++ : e05++);
                    for (int tries = 0;; tries++) {
                        const char *pre = fd->welsh ? CY_PRE[rng_below(&lr, N(CY_PRE))]
                                                    : EN_PRE[rng_below(&lr, N(EN_PRE))];
                        const char *suf = fd->welsh ? CY_SUF[rng_below(&lr, N(CY_SUF))]
                                                    : EN_SUF[rng_below(&lr, N(EN_SUF))];
                        snprintf(w->name, sizeof w->name, "%s%s%s", pre, suf,
                                 WARD_DIR[(ward_dir + tries) % N(WARD_DIR)]);
                        int dup = 0;
                        for (int k = la_first_ward; k < nwards; k++)
                            if (strcmp(wards[k].name, w->name) == 0) {
                                dup = 1;
                                break;
                            }
                        if (!dup)
                            break;
                    }
                    ward_dir++;
                    nwards++;
                    ward_left = 5 + (int)rng_below(&lr, 7);
                }
                l->ward = nwards - 1;
                ward_left--;
                l->population = 1000 + (int)(2000 * (rng_unif(&lr) + rng_unif(&lr)) / 2.0);
                l->households = (int)(l->population / (2.1 + 0.5 * rng_unif(&lr)));
                double a = rng_unif(&lr) * 6.283185307179586;
                double d = la->radius * fabs(rng_normal(&lr)) * 0.45;
                if (d > la->radius)
                    d = la->radius * rng_unif(&lr);
                l->lat = clampd(la->lat + d * sin(a), 49.95, 55.78);
                l->lon = clampd(la->lon + d * cos(a) / cos(la->lat * 0.0174533), -5.70, 1.75);
                nlsoas++;
            }
        }
    }
    free(code_no);
}

/* snap points (the anonymised map points police.uk uses), preformatted */
static void build_snaps(void)
{
    rng_t r;
    rng_seed(&r, 20230101, 99, 2);
    char buf[256];
    for (int i = 0; i < nlsoas; i++) {
        lsoa_t *l = &lsoas[i];
        la_t *la = &las[l->la];
        l->first_snap = nsnaps;
        l->nsnaps = 6 + (int)rng_below(&r, 20);
        for (int s = 0; s < l->nsnaps; s++) {
            double lat = l->lat + 0.0025 * rng_normal(&r);
            double lon = l->lon + 0.004 * rng_normal(&r);
            const char *place;
            char street[48];
            if (rng_unif(&r) < 0.12) {
                place = SPECIAL_PLACES[rng_below(&r, N(SPECIAL_PLACES))];
            } else {
                snprintf(street, sizeof street, "%s",
                         streets[la->first_street + (int)rng_below(&r, (unsigned)la->nstreets)]);
                place = street;
            }
            int n = snprintf(buf, sizeof buf, "%.6f,%.6f,On or near %s,%s,%s", lon, lat, place,
                             l->code, l->name);
            add_snap(buf, (size_t)n);
        }
    }
}

/* ------------------------------------------------------------- crimes */

static float *lsoa_type_w;  /* [nlsoas][NTYPES], normalised: sums to 1 per type */
static float *force_type_w; /* [NFORCES][NTYPES], share of a type's national total */
static double type_share[NTYPES];

static void build_weights(uint64_t seed)
{
    rng_t r;
    rng_seed(&r, seed, 12345, 3);
    lsoa_type_w = xmalloc((size_t)nlsoas * NTYPES * sizeof *lsoa_type_w);
    force_type_w = xmalloc((size_t)NFORCES * NTYPES * sizeof *force_type_w);
    double sum[NTYPES] = {0};
    for (int i = 0; i < nlsoas; i++) {
        const la_t *la = &las[lsoas[i].la];
        double base = exp(0.75 * rng_normal(&r));
        double hot = 1.0;
        if (rng_unif(&r) < 0.03) { /* Pareto(alpha 1.1, x_m 2), capped */
            hot = 2.0 / pow(1.0 - rng_unif(&r), 1.0 / 1.1);
            if (hot > 80)
                hot = 80;
        }
        for (int t = 0; t < NTYPES; t++) {
            double w = la->mult * base * pow(hot, TYPE_HOT[t]) * exp(0.5 * rng_normal(&r));
            lsoa_type_w[(size_t)i * NTYPES + (size_t)t] = (float)w;
            sum[t] += w;
        }
    }
    memset(force_type_w, 0, (size_t)NFORCES * NTYPES * sizeof *force_type_w);
    for (int i = 0; i < nlsoas; i++) {
        int f = las[lsoas[i].la].force;
        for (int t = 0; t < NTYPES; t++) {
            float *w = &lsoa_type_w[(size_t)i * NTYPES + (size_t)t];
            *w = (float)(*w / sum[t]);
            force_type_w[f * NTYPES + t] += *w;
        }
    }
    double s = 0;
    for (int t = 0; t < NTYPES; t++)
        s += TYPE_SHARE[t];
    for (int t = 0; t < NTYPES; t++)
        type_share[t] = TYPE_SHARE[t] / s;
}

static const int DAYS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

/* fraction of a type's year that falls in calendar month m (0..11) */
static double season(int t, int m)
{
    static double tab[NTYPES][12];
    static int ready;
    if (!ready) {
        for (int tt = 0; tt < NTYPES; tt++) {
            double s = 0;
            for (int mm = 0; mm < 12; mm++) {
                double v = DAYS[mm] *
                           (1 + TYPE_SEASON_AMP[tt] * cos(6.283185307179586 * (mm - TYPE_SEASON_PEAK[tt]) / 12));
                tab[tt][mm] = v;
                s += v;
            }
            for (int mm = 0; mm < 12; mm++)
                tab[tt][mm] /= s;
        }
        ready = 1;
    }
    return tab[t][m];
}

/* cumulative outcome distribution for a type at a given age (months before
   the last month generated) */
typedef struct {
    double cum[NOUTCOMES];
} outdist_t;

static void outcome_dist(outdist_t *d, int t, int age)
{
    double p_pending = 0.05 + 0.30 * exp(-age / 2.5);
    double p_court = p_pending * TYPE_COURT[t];
    double p_inv = p_pending - p_court;
    double sw = 0;
    for (int o = 0; o < O_UNDERINV; o++)
        sw += OUTCOME_W[t][o];
    double c = 0;
    for (int o = 0; o < O_UNDERINV; o++) {
        c += (1 - p_pending) * OUTCOME_W[t][o] / sw;
        d->cum[o] = c;
    }
    c += p_inv;
    d->cum[O_UNDERINV] = c;
    d->cum[O_AWAITING] = 1.0 + 1e-9;
}

static inline int draw_outcome(const outdist_t *d, rng_t *r)
{
    double u = rng_unif(r);
    int o = 0;
    while (o < NOUTCOMES - 1 && u >= d->cum[o])
        o++;
    return o;
}

/* output buffer */
typedef struct {
    char *p;
    size_t len, cap;
    FILE *f;
    const char *path;
    uint64_t total;
} outbuf_t;

static void ob_flush(outbuf_t *b)
{
    if (b->len && fwrite(b->p, 1, b->len, b->f) != b->len) {
        fprintf(stderr, "gen_policeuk: write %s: %s\n", b->path, strerror(errno));
        exit(1);
    }
    b->total += b->len;
    b->len = 0;
}

static inline void ob_put(outbuf_t *b, const char *s, size_t n)
{
    if (b->len + n > b->cap)
        ob_flush(b);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static char HEX[256][2];

static inline void put_crime_id(outbuf_t *b, rng_t *r)
{
    if (b->len + 64 > b->cap)
        ob_flush(b);
    char *p = b->p + b->len;
    for (int i = 0; i < 4; i++) {
        uint64_t x = rng_u64(r);
        for (int k = 0; k < 8; k++) {
            memcpy(p, HEX[x & 0xff], 2);
            p += 2;
            x >>= 8;
        }
    }
    b->len += 64;
}

static const char HEADER[] = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
                             "LSOA code,LSOA name,Crime type,Last outcome category,Context\r\n";

static int mkdir_p(const char *path)
{
    char tmp[4096];
    size_t n = strlen(path);
    if (n >= sizeof tmp)
        return -1;
    memcpy(tmp, path, n + 1);
    for (char *p = tmp + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    }
    if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

/* write one force-month file; returns rows written */
static uint64_t write_file(outbuf_t *b, const char *outdir, int year, int month, int age, int f,
                           uint64_t seed, double rows_per_year)
{
    char path[4096], mon[24];
    snprintf(mon, sizeof mon, "%04d-%02d", year, month + 1);
    snprintf(path, sizeof path, "%s/%s/%s-%s-street.csv", outdir, mon, mon, FORCES[f].slug);
    b->f = fopen(path, "wb");
    b->path = path;
    if (!b->f) {
        fprintf(stderr, "gen_policeuk: cannot create %s: %s\n", path, strerror(errno));
        exit(1);
    }
    b->len = 0;
    ob_put(b, HEADER, sizeof HEADER - 1);

    rng_t r;
    rng_seed(&r, seed, (uint64_t)(year * 12 + month), (uint64_t)f + 1000);

    /* prefix "MONTH,Force,Force," and per-type suffixes */
    char prefix[160];
    int plen = snprintf(prefix, sizeof prefix, ",%s,%s,%s,", mon, FORCES[f].name, FORCES[f].name);
    outdist_t od[NTYPES];
    double lam_scale[NTYPES];
    char tname[NTYPES][48];
    size_t tlen[NTYPES];
    for (int t = 0; t < NTYPES; t++) {
        outcome_dist(&od[t], t, age);
        lam_scale[t] = rows_per_year * type_share[t] * season(t, month) * 0.997;
        tlen[t] = (size_t)snprintf(tname[t], sizeof tname[t], ",%s,", TYPE_NAME[t]);
    }
    size_t olen[NOUTCOMES];
    for (int o = 0; o < NOUTCOMES; o++)
        olen[o] = strlen(OUTCOME_NAME[o]);

    uint64_t rows = 0;
    int la0 = force_first_la[f], la1 = la0 + force_nlas[f];
    int l0 = las[la0].first_lsoa, l1 = las[la1 - 1].first_lsoa + las[la1 - 1].nlsoas;
    for (int l = l0; l < l1; l++) {
        const lsoa_t *ls = &lsoas[l];
        for (int t = 0; t < NTYPES; t++) {
            unsigned n = rng_poisson(&r, lam_scale[t] * lsoa_type_w[(size_t)l * NTYPES + (size_t)t]);
            for (unsigned k = 0; k < n; k++) {
                if (t != T_ASB)
                    put_crime_id(b, &r);
                ob_put(b, prefix, (size_t)plen);
                /* skewed choice of snap point; shop and street thefts favour point 0 */
                double u = rng_unif(&r);
                double e = (t == T_SHOPLIFTING || t == T_THEFTPERSON) ? 4.0 : 2.2;
                int s = (int)(ls->nsnaps * pow(u, e));
                int si = ls->first_snap + s;
                ob_put(b, snap_arena + snap_off[si], snap_len[si]);
                ob_put(b, tname[t], tlen[t]);
                if (t != T_ASB) {
                    int o = draw_outcome(&od[t], &r);
                    ob_put(b, OUTCOME_NAME[o], olen[o]);
                }
                ob_put(b, ",\r\n", 3);
                rows++;
            }
        }
    }
    /* "No Location" rows (about 0.3%) at the end */
    for (int t = 0; t < NTYPES; t++) {
        double lam = rows_per_year * type_share[t] * season(t, month) * 0.003 *
                     force_type_w[f * NTYPES + t];
        unsigned n = rng_poisson(&r, lam);
        for (unsigned k = 0; k < n; k++) {
            if (t != T_ASB)
                put_crime_id(b, &r);
            ob_put(b, prefix, (size_t)plen);
            ob_put(b, ",,No Location,,", 15);
            ob_put(b, tname[t], tlen[t]);
            if (t != T_ASB) {
                int o = draw_outcome(&od[t], &r);
                ob_put(b, OUTCOME_NAME[o], olen[o]);
            }
            ob_put(b, ",\r\n", 3);
            rows++;
        }
    }
    ob_flush(b);
    if (fclose(b->f) != 0) {
        fprintf(stderr, "gen_policeuk: close %s: %s\n", path, strerror(errno));
        exit(1);
    }
    return rows;
}

static int write_geography(const char *path)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "gen_policeuk: cannot create %s: %s\n", path, strerror(errno));
        return -1;
    }
    fputs("lsoa_code,lsoa_name,ward_code,ward_name,la_code,la_name,force,population,households\n", f);
    for (int i = 0; i < nlsoas; i++) {
        const lsoa_t *l = &lsoas[i];
        const la_t *la = &las[l->la];
        const ward_t *w = &wards[l->ward];
        fprintf(f, "%s,%s,%s,%s,%s,%s,%s,%d,%d\n", l->code, l->name, w->code, w->name, la->code,
                la->name, FORCES[la->force].name, l->population, l->households);
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "gen_policeuk: write %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- main */

static void usage(void)
{
    fprintf(stderr,
            "usage: gen_policeuk OUTDIR [--months YYYY-MM[..YYYY-MM]] [--seed N] [--scale X]\n"
            "                    [--geography FILE] [--jobs N] [--quiet]\n"
            "Writes OUTDIR/YYYY-MM/YYYY-MM-<force>-street.csv for the 43 forces of England\n"
            "and Wales (scale 1.0 = about 6.5 million rows a year).\n");
}

static int parse_month(const char *s, int *y, int *m)
{
    if (strlen(s) != 7 || s[4] != '-' || sscanf(s, "%4d-%2d", y, m) != 2 || *m < 1 || *m > 12)
        return -1;
    (*m)--;
    return 0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *outdir = NULL, *geo = NULL, *months = "2023-01..2023-12";
    uint64_t seed = 1;
    double scale = 1.0;
    int quiet = 0;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = ncpu < 1 ? 1 : ncpu > 8 ? 8 : (int)ncpu;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--months") == 0 && i + 1 < argc)
            months = argv[++i];
        else if (strcmp(a, "--seed") == 0 && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--scale") == 0 && i + 1 < argc)
            scale = strtod(argv[++i], NULL);
        else if (strcmp(a, "--geography") == 0 && i + 1 < argc)
            geo = argv[++i];
        else if (strcmp(a, "--jobs") == 0 && i + 1 < argc)
            jobs = atoi(argv[++i]);
        else if (strcmp(a, "--quiet") == 0)
            quiet = 1;
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage();
            return 0;
        } else if (a[0] != '-' && !outdir)
            outdir = a;
        else {
            fprintf(stderr, "gen_policeuk: unknown or incomplete option '%s'\n", a);
            usage();
            return 2;
        }
    }
    if (!outdir) {
        usage();
        return 2;
    }
    if (!(scale > 0 && scale <= 100)) {
        fprintf(stderr, "gen_policeuk: --scale must be in (0, 100]\n");
        return 2;
    }
    int y0, m0, y1, m1;
    char a[64] = {0}, b[64] = {0};
    const char *dots = strstr(months, "..");
    if (dots) {
        snprintf(a, sizeof a, "%.*s", (int)(dots - months), months);
        snprintf(b, sizeof b, "%s", dots + 2);
    } else {
        snprintf(a, sizeof a, "%s", months);
        snprintf(b, sizeof b, "%s", months);
    }
    if (parse_month(a, &y0, &m0) || parse_month(b, &y1, &m1) || y1 * 12 + m1 < y0 * 12 + m0) {
        fprintf(stderr, "gen_policeuk: bad --months '%s' (want YYYY-MM..YYYY-MM)\n", months);
        return 2;
    }

    double t0 = now_s();
    for (int i = 0; i < 256; i++) {
        HEX[i][0] = "0123456789abcdef"[i >> 4];
        HEX[i][1] = "0123456789abcdef"[i & 15];
    }
    build_geography();
    build_snaps();
    build_weights(seed);
    if (geo && write_geography(geo) != 0)
        return 1;

    if (mkdir_p(outdir) != 0) {
        fprintf(stderr, "gen_policeuk: cannot create %s: %s\n", outdir, strerror(errno));
        return 1;
    }
    double rows_per_year = 6.5e6 * scale;
    int first = y0 * 12 + m0, last = y1 * 12 + m1;
    int nmonths = last - first + 1, files = nmonths * NFORCES;
    for (int ym = first; ym <= last; ym++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%04d-%02d", outdir, ym / 12, ym % 12 + 1);
        if (mkdir_p(dir) != 0) {
            fprintf(stderr, "gen_policeuk: cannot create %s: %s\n", dir, strerror(errno));
            return 1;
        }
    }
    /* Each file has its own random stream, so the output does not depend on
       how the files are shared among worker processes. */
    if (jobs < 1)
        jobs = 1;
    if (jobs > files)
        jobs = files;
    int fds[64];
    pid_t pids[64];
    for (int j = 0; j < jobs; j++) {
        int pfd[2];
        if (pipe(pfd) != 0) {
            perror("gen_policeuk: pipe");
            return 1;
        }
        fflush(NULL);
        pid_t pid = jobs == 1 ? 0 : fork();
        if (pid < 0) {
            perror("gen_policeuk: fork");
            return 1;
        }
        if (pid == 0) {
            if (jobs > 1)
                close(pfd[0]);
            outbuf_t ob = {0};
            ob.cap = 1 << 22;
            ob.p = xmalloc(ob.cap);
            uint64_t res[2] = {0, 0};
            for (int i = j; i < files; i += jobs) {
                int ym = first + i / NFORCES, f = i % NFORCES;
                res[0] += write_file(&ob, outdir, ym / 12, ym % 12, last - ym, f, seed, rows_per_year);
            }
            res[1] = ob.total;
            if (write(pfd[1], res, sizeof res) != (ssize_t)sizeof res)
                _exit(1);
            close(pfd[1]);
            free(ob.p);
            if (jobs == 1) {
                fds[j] = pfd[0];
                pids[j] = 0;
                break;
            }
            _exit(0);
        }
        close(pfd[1]);
        fds[j] = pfd[0];
        pids[j] = pid;
    }
    uint64_t rows = 0, bytes = 0;
    int failed = 0;
    for (int j = 0; j < jobs; j++) {
        uint64_t res[2];
        if (read(fds[j], res, sizeof res) != (ssize_t)sizeof res)
            failed = 1;
        else {
            rows += res[0];
            bytes += res[1];
        }
        close(fds[j]);
        if (pids[j] > 0) {
            int st;
            if (waitpid(pids[j], &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
                failed = 1;
        }
    }
    if (failed) {
        fprintf(stderr, "gen_policeuk: a worker failed\n");
        return 1;
    }
    double secs = now_s() - t0;
    if (!quiet)
        fprintf(stderr,
                "gen_policeuk: %llu rows in %d files (%.1f MB), %d forces, %d local authorities, "
                "%d wards, %d LSOAs, %.2f s\n",
                (unsigned long long)rows, files, (double)bytes / 1e6, NFORCES, nlas, nwards, nlsoas, secs);
    printf("rows=%llu files=%d bytes=%llu months=%d lsoas=%d las=%d seconds=%.2f\n",
           (unsigned long long)rows, files, (unsigned long long)bytes, nmonths, nlsoas, nlas, secs);
    return 0;
}
