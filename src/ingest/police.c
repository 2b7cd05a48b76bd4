/*
 * police.c: importing police.uk files (see ingest.h).
 *
 * The inputs are listed first (files, folders and zips, in name order).
 * A feeder thread turns them into jobs, reading each zip once from start
 * to end (zipfile.h), a file at a time; worker threads read, decompress
 * and parse them (policeuk.c) a few files ahead, while this thread takes
 * the parsed files in order and writes them: each file's rows are split by force and month into batches; the
 * strings are mapped from the file's dictionaries to the store's; rows
 * of street-level crime are ordered by crime type; each column is
 * encoded as a blob (crime/column.h) and the batch is hashed.  A batch
 * whose force and month is already stored with the same hash is left
 * alone; with another hash it replaces the stored one, unless it has
 * markedly fewer rows (SHORTER_PERCENT in ingest.h).
 *
 * Nothing is visible until the end (store_import.h): each batch is
 * written pending, in a short transaction of its own, so that other
 * writers go on meanwhile; one short transaction publishes them all with
 * the new dictionary values and the record of the import.  What each
 * force-month becomes is decided in memory as the files come (struct
 * decision): when a later file of the import gives a force-month again,
 * it wins, and the earlier pending batch is deleted.
 */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/sha256.h"
#include "base/text.h"
#include "crime/column.h"
#include "crime/policeuk.h"
#include "ingest.h"
#include "store/store_crime.h"
#include "store/store_import.h"
#include "zipfile.h"

/* ---------------------------------------------------------------------
 * Finding the inputs
 */

enum source_kind { SRC_PLAIN, SRC_GZIP, SRC_ZIP, SRC_BUFFER };

struct source {
	enum source_kind kind;
	char *path;       /* the file on disk (SRC_BUFFER: its name) */
	const char *data; /* SRC_BUFFER */
	size_t len;
};

struct sources {
	struct source *v;
	size_t n, cap;
	bool zips;        /* some are zips, whose files are not yet counted */
};

static void add_source(struct sources *s, enum source_kind kind,
		       const char *path)
{
	struct source *x;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	x = &s->v[s->n++];
	memset(x, 0, sizeof(*x));
	x->kind = kind;
	x->path = xstrdup(path);
	s->zips |= kind == SRC_ZIP;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file that is not police.uk data (a README, a licence), left out and
 * listed in the report: name is a path, or an archive and an entry. */
static void skip_file(struct police_report *r, const char *path,
		      const char *entry)
{
	char *name;

	r->files_skipped++;
	if (r->n_skipped_files >= 100)
		return;
	if (entry) {
		size_t n = strlen(path) + strlen(entry) + 2;

		name = xmalloc(n);
		snprintf(name, n, "%s:%s", path, entry);
	} else {
		name = xstrdup(path);
	}
	r->skipped_files = xrealloc(r->skipped_files, (r->n_skipped_files + 1) *
							      sizeof(*r->skipped_files));
	r->skipped_files[r->n_skipped_files++] = name;
}

/* The files and folders under path, in name order.  A zip is one input:
 * its entries are read as the import goes (feed_zip). */
static int collect(struct sources *s, const char *path, bool top,
		   struct police_report *r, struct err *e)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return err_set(e, ERR_IO, NULL, "cannot read '%s': %s", path,
			       strerror(errno));
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *de;
		char **names = NULL;
		size_t n = 0, cap = 0;
		int rc = 0;

		if (!d)
			return err_set(e, ERR_IO, NULL, "cannot read the folder '%s': %s",
				       path, strerror(errno));
		while ((de = readdir(d))) {
			if (de->d_name[0] == '.')
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				names = xrealloc(names, cap * sizeof(*names));
			}
			names[n] = xmalloc(strlen(path) + strlen(de->d_name) + 2);
			snprintf(names[n], strlen(path) + strlen(de->d_name) + 2, "%s/%s",
				 path, de->d_name);
			n++;
		}
		closedir(d);
		if (n)
			qsort(names, n, sizeof(*names), cmp_str);
		for (size_t i = 0; i < n; i++) {
			if (rc == 0)
				rc = collect(s, names[i], false, r, e);
			free(names[i]);
		}
		free(names);
		return rc;
	}
	if (ends_with(path, ".csv")) {
		add_source(s, SRC_PLAIN, path);
		return 0;
	}
	if (ends_with(path, ".csv.gz")) {
		add_source(s, SRC_GZIP, path);
		return 0;
	}
	if (ends_with(path, ".zip")) {
		add_source(s, SRC_ZIP, path);
		return 0;
	}
	if (top)
		return err_set(e, ERR_INVALID, NULL,
			       "'%s' is not a CSV file, a .csv.gz, a .zip or a folder",
			       path);
	skip_file(r, path, NULL);
	return 0;
}

/* ---------------------------------------------------------------------
 * Reading one input into memory
 */

/* A plain file is mapped, not copied: *mapped is set, and the caller
 * unmaps it with munmap(*data, *len). */
static int read_plain(const struct source *src, char **data, size_t *len,
		      bool *mapped, struct err *e)
{
	int fd = open(src->path, O_RDONLY);
	struct stat st;
	void *p;

	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		return err_set(e, ERR_IO, NULL, "cannot read '%s': %s", src->path,
			       strerror(errno));
	}
	if (st.st_size == 0) {
		close(fd);
		*data = NULL;
		*len = 0;
		return 0;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE,
		 fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return err_set(e, ERR_IO, NULL, "cannot read '%s': %s", src->path,
			       strerror(errno));
	madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
	*data = p;
	*len = (size_t)st.st_size;
	*mapped = true;
	return 0;
}

/* What libarchive said went wrong, as " (its message)" for the end of
 * a message, or "" if it said nothing. */
struct why {
	char s[256];
};

static const char *archive_why(struct archive *ar, struct why *w)
{
	const char *m = archive_error_string(ar);
	size_t n = m ? strlen(m) : 0;

	while (n && (unsigned char)m[n - 1] <= ' ')
		n--;
	if (!n)
		return "";
	snprintf(w->s, sizeof(w->s), " (%.*s)", (int)n, m);
	return w->s;
}

/* The text of a gzip file through libarchive, at its one entry, into
 * memory: *data, which the caller frees. */
static int read_entry(struct archive *ar, const char *name, char **data,
		      size_t *len, struct err *e)
{
	struct buf b = BUF_INIT;
	struct why w;

	for (;;) {
		la_ssize_t r;

		if (b.cap - b.len < 4096 + 1 && !buf_grow(&b, 1 << 16)) {
			buf_release(&b);
			return err_set(e, ERR_TOO_LARGE, NULL,
				       "'%s' is too large: more than %zu MiB "
				       "uncompressed",
				       name, (size_t)(BUF_MAX_DEFAULT >> 20));
		}
		r = archive_read_data(ar, b.ptr + b.len, b.cap - b.len - 1);
		if (r < 0) {
			buf_release(&b);
			return err_set(e, ERR_INVALID, NULL,
				       "%s: cannot read it: the file is damaged or "
				       "cut short%s",
				       name, archive_why(ar, &w));
		}
		if (r == 0)
			break;
		b.len += (size_t)r;
		b.ptr[b.len] = '\0';
	}
	*data = buf_detach(&b, len);
	return 0;
}

/* A gzip file, through libarchive. */
static int read_gzip(const struct source *src, char **data, size_t *len,
		     struct err *e)
{
	struct archive *ar = archive_read_new();
	struct archive_entry *ent;
	struct why w;
	int rc;

	archive_read_support_filter_gzip(ar);
	archive_read_support_format_raw(ar);
	if (archive_read_open_filename(ar, src->path, 1 << 16) != ARCHIVE_OK ||
	    archive_read_next_header(ar, &ent) != ARCHIVE_OK)
		rc = err_set(e, ERR_INVALID, NULL,
			     "%s: cannot read it: the file is damaged or cut "
			     "short%s",
			     src->path, archive_why(ar, &w));
	else
		rc = read_entry(ar, src->path, data, len, e);
	archive_read_free(ar);
	return rc;
}

static int read_source(const struct source *src, char **data, size_t *len,
		       bool *mapped, struct err *e)
{
	*mapped = false;
	switch (src->kind) {
	case SRC_PLAIN: return read_plain(src, data, len, mapped, e);
	case SRC_GZIP: return read_gzip(src, data, len, e);
	case SRC_BUFFER:
		*data = NULL;
		*len = src->len;
		return 0;
	case SRC_ZIP: break; /* read by the feeder, entry by entry */
	}
	BUG("unknown source kind");
}

/* ---------------------------------------------------------------------
 * The store's dictionaries, mirrored in memory during an import
 */

struct gdict {
	const char *domain;
	struct pu_dict d;
	const char **extra;  /* per id (the LSOA's name for "lsoa") */
	uint32_t stored;     /* ids below this are already in the store */
	uint32_t extra_cap;
};

/* What a force-month of one kind becomes in this import: the batch of
 * the last file that gave it, pending, or the stored batch when that
 * file had it as it is. */
struct decision {
	const char *kind;
	uint32_t force;
	int month;
	int64_t batch_id;  /* the pending batch; 0 when the stored one stays */
	int64_t rows;      /* of the file that gave it last */
	int64_t no_location; /* of those rows */
	const char *file;  /* that file's name (in the import's arena) */
};

struct import {
	struct store *s;
	const struct police_options *opt;
	struct police_report *report;
	int64_t id;        /* in the history of imports */
	struct decision *decisions;
	size_t n_decisions, decisions_cap;
	struct import_file *files; /* read so far, for the history */
	size_t n_files, files_cap;
	struct arena arena;
	struct gdict dicts[24];
	size_t n_dicts;
	struct buf blobs[20]; /* reused encoding buffers, one per column */
	uint32_t *perm, *tmp;
	size_t perm_cap;
};

struct load_ctx {
	struct import *im;
	struct gdict *g;
};

/* Mirror one stored value: ids in the store are 0, 1, 2, ... in order. */
static int load_value(void *ctx, uint32_t id, const char *value,
		      const char *extra, struct err *e)
{
	struct load_ctx *c = ctx;
	uint32_t got;

	UNUSED(extra);
	if (!value)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: the '%s' dictionary has no "
			       "value for id %u", c->g->domain, id);
	got = pu_dict_intern(&c->g->d, &c->im->arena, value, strlen(value));
	if (got != id)
		return err_set(e, ERR_DB, NULL,
			       "the store is damaged: the '%s' dictionary has "
			       "'%s' at id %u where %u was expected (a value "
			       "missing or repeated)",
			       c->g->domain, value, id, got);
	return 0;
}

static struct gdict *gdict_of(struct import *im, const char *domain,
			      struct err *e)
{
	struct gdict *g;

	for (size_t i = 0; i < im->n_dicts; i++)
		if (strcmp(im->dicts[i].domain, domain) == 0)
			return &im->dicts[i];
	if (im->n_dicts == ARRAY_SIZE(im->dicts))
		BUG("too many dictionary domains");
	g = &im->dicts[im->n_dicts++];
	memset(g, 0, sizeof(*g));
	g->domain = domain;
	{
		struct load_ctx c = { im, g };

		if (store_crime_dict_each(im->s, domain, load_value, &c, e) != 0)
			return NULL;
	}
	g->stored = g->d.n;
	return g;
}

/* Id of value in a global dictionary, adding it if new; extra is kept
 * for a new value (the LSOA's name). */
static uint32_t gdict_id(struct import *im, struct gdict *g, const char *value,
			 size_t len, const char *extra)
{
	uint32_t before = g->d.n;
	uint32_t id = pu_dict_intern(&g->d, &im->arena, value, len);

	if (g->d.n != before) {
		if (id >= g->extra_cap) {
			uint32_t cap = g->extra_cap ? g->extra_cap * 2 : 1024;

			while (cap <= id)
				cap *= 2;
			g->extra = xrealloc(g->extra, cap * sizeof(*g->extra));
			memset(g->extra + g->extra_cap, 0,
			       (cap - g->extra_cap) * sizeof(*g->extra));
			g->extra_cap = cap;
		}
		g->extra[id] = extra ? arena_strdup(&im->arena, extra) : NULL;
	}
	return id;
}

/* Write the values added during this import to the store. */
static int save_dicts(struct import *im, struct err *e)
{
	for (size_t i = 0; i < im->n_dicts; i++) {
		struct gdict *g = &im->dicts[i];

		for (uint32_t id = g->stored; id < g->d.n; id++)
			if (store_crime_dict_add(im->s, g->domain, id, g->d.values[id],
						 id < g->extra_cap ? g->extra[id] : NULL,
						 e) < 0)
				return -1;
		g->stored = g->d.n;
	}
	return 0;
}

/* ---------------------------------------------------------------------
 * Writing one parsed file
 */

/* A 128-bit fingerprint of a batch's columns, to tell whether a
 * force-month is already stored as it is: two 64-bit lanes, each mixing
 * eight bytes at a time with a multiply and a rotation (fast enough that
 * hashing hundreds of megabytes costs little next to parsing them). */
struct fingerprint {
	uint64_t a, b;
};

static uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static void fingerprint_add(struct fingerprint *f, const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t a = f->a ^ n, b = f->b + n;

	while (n >= 8) {
		uint64_t w;

		memcpy(&w, s, 8);
		a = rotl(a ^ (w * 0x9E3779B97F4A7C15ull), 31) * 0xBF58476D1CE4E5B9ull;
		b = rotl(b + (w * 0xC2B2AE3D27D4EB4Full), 29) * 0x94D049BB133111EBull;
		s += 8;
		n -= 8;
	}
	if (n) {
		uint64_t w = 0;

		memcpy(&w, s, n);
		a = rotl(a ^ (w * 0x9E3779B97F4A7C15ull), 31) * 0xBF58476D1CE4E5B9ull;
		b = rotl(b + (w * 0xC2B2AE3D27D4EB4Full), 29) * 0x94D049BB133111EBull;
	}
	f->a = a ^ (a >> 33);
	f->b = b ^ (b >> 29);
}

/* Is column c of the schema kept as a column of its own?  The month is
 * the batch's, and an LSOA's name goes with its code in the dictionary. */
static bool kept(const struct pu_column *col)
{
	return col->type != PU_MONTH && col->role != PU_ROLE_LSOA_NAME;
}

struct group {
	uint32_t force;
	int month;
	uint32_t *rows;
	size_t n, cap;
};

/* The decision for (kind, force, month), made if there is none (*is_new).
 * A linear search: an import has a few thousand force-months at most,
 * and the search is nothing beside encoding a batch. */
static struct decision *decision_of(struct import *im, const char *kind,
				    uint32_t force, int month, bool *is_new)
{
	struct decision *d;

	for (size_t i = im->n_decisions; i-- > 0;) {
		d = &im->decisions[i];
		if (d->force == force && d->month == month &&
		    strcmp(d->kind, kind) == 0) {
			*is_new = false;
			return d;
		}
	}
	if (im->n_decisions == im->decisions_cap) {
		im->decisions_cap = im->decisions_cap ? im->decisions_cap * 2 : 256;
		im->decisions = xrealloc(im->decisions, im->decisions_cap *
							      sizeof(*im->decisions));
	}
	d = &im->decisions[im->n_decisions++];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->force = force;
	d->month = month;
	*is_new = true;
	return d;
}

/* Does a batch of rows markedly fewer than before (ingest.h) look cut
 * short? */
static bool markedly_fewer(int64_t rows, int64_t before)
{
	return rows * 100 < before * SHORTER_PERCENT &&
	       before - rows >= SHORTER_MIN_ROWS;
}

static const char *kind_label(const char *kind)
{
	if (strcmp(kind, "street") == 0)
		return "street-level crime";
	if (strcmp(kind, "stop_search") == 0)
		return "stop and search";
	return kind;
}

/* "'Merseyside Police' in 2020-03" into out. */
static void force_month(struct import *im, uint32_t force, int month,
			char *out, size_t size)
{
	struct gdict *g = gdict_of(im, "force", NULL);
	char m[8];

	pu_month_format(month, m);
	if (g && force < g->d.n)
		snprintf(out, size, "'%.*s' in %s", (int)g->d.lengths[force],
			 g->d.values[force], m);
	else
		snprintf(out, size, "force %u in %s", force, m);
}

/* Refuse rows rows of group gr of file f that would replace before rows:
 * stored ones when earlier is NULL, else those of the earlier file of
 * this import. */
static int refuse_shorter(struct import *im, const struct pu_file *f,
			  const struct group *gr, size_t n, int64_t before,
			  const char *earlier, struct err *e)
{
	char what[200];

	force_month(im, gr->force, gr->month, what, sizeof(what));
	if (!earlier)
		return err_set(e, ERR_CONFLICT, NULL,
			       "%s: fewer rows than stored: %zu rows of %s for %s "
			       "would replace the %lld stored (a download cut "
			       "short?); --replace-shorter replaces them anyway",
			       f->name, n, kind_label(f->schema->name), what,
			       (long long)before);
	return err_set(e, ERR_CONFLICT, NULL,
		       "%s: fewer rows than an earlier file: %zu rows of %s for %s "
		       "would replace the %lld of '%s' (a download cut short?); "
		       "--replace-shorter replaces them anyway",
		       f->name, n, kind_label(f->schema->name), what,
		       (long long)before, earlier);
}

/* Say that file f gives a force-month again, and wins. */
static void note_repeated(struct import *im, const struct pu_file *f,
			  const struct group *gr, size_t n,
			  const struct decision *d)
{
	struct police_report *r = im->report;
	char what[200], line[1200];

	r->rows_lost += d->rows;
	r->force_months_repeated++;
	if (r->n_repeated >= 100)
		return;
	force_month(im, gr->force, gr->month, what, sizeof(what));
	snprintf(line, sizeof(line),
		 "%s for %s: '%s' (%zu rows) is used, not '%s' (%lld rows): the "
		 "later file wins",
		 kind_label(f->schema->name), what, f->name, n, d->file,
		 (long long)d->rows);
	r->repeated = xrealloc(r->repeated, (r->n_repeated + 1) *
						    sizeof(*r->repeated));
	r->repeated[r->n_repeated++] = xstrdup(line);
}

static int write_group(struct import *im, const struct pu_file *f,
		       uint32_t **maps, const struct group *gr, int64_t *file_id,
		       size_t file_bytes, struct err *e)
{
	const struct pu_schema *sc = f->schema;
	size_t n = gr->n, type_col = SIZE_MAX, lsoa_col = SIZE_MAX;
	uint32_t *perm;
	struct fingerprint fp = { 1469598103934665603ull, 0x84222325cbf29ce4ull };
	char hash[40], old_hash[40];
	int64_t old_id, old_rows, id, before, no_location = 0;
	struct decision *d;
	bool is_new;
	int found;

	for (size_t c = 0; c < sc->n_columns; c++) {
		if (sc->columns[c].role == PU_ROLE_TYPE)
			type_col = c;
		if (sc->columns[c].role == PU_ROLE_LSOA)
			lsoa_col = c;
	}
	if (n > im->perm_cap) {
		im->perm_cap = n;
		im->perm = xrealloc(im->perm, n * sizeof(*im->perm));
		im->tmp = xrealloc(im->tmp, n * sizeof(*im->tmp));
	}
	perm = im->perm;
	/* Street-level crime: rows in order of crime type (a stable counting
	 * sort, so rows of one type keep their order in the file). */
	if (sc->kind == PU_STREET) {
		uint32_t *counts;
		uint32_t n_types = 0;

		for (size_t i = 0; i < n; i++) {
			uint32_t t = maps[type_col][f->cols[type_col].ids[gr->rows[i]]];

			if (t + 1 > n_types)
				n_types = t + 1;
		}
		counts = xcalloc(n_types + 1, sizeof(*counts));
		for (size_t i = 0; i < n; i++)
			counts[maps[type_col][f->cols[type_col].ids[gr->rows[i]]] + 1]++;
		for (uint32_t t = 1; t <= n_types; t++)
			counts[t] += counts[t - 1];
		for (size_t i = 0; i < n; i++) {
			uint32_t t = maps[type_col][f->cols[type_col].ids[gr->rows[i]]];

			perm[counts[t]++] = gr->rows[i];
		}
		free(counts);
	} else {
		memcpy(perm, gr->rows, n * sizeof(*perm));
	}
	/* Encode the columns, hashing as we go. */
	for (size_t c = 0, k = 0; c <= sc->n_columns; c++) {
		struct buf *b;
		const char *cname;

		if (c < sc->n_columns && !kept(&sc->columns[c]))
			continue;
		b = &im->blobs[k++];
		buf_reset(b);
		if (c == sc->n_columns) {
			cname = "line";
			col_put_u32(b, f->line, perm, n);
		} else {
			const struct pu_column *col = &sc->columns[c];
			const struct pu_values *v = &f->cols[c];

			cname = col->name;
			switch (col->type) {
			case PU_DICT:
				for (size_t i = 0; i < n; i++)
					im->tmp[i] = maps[c][v->ids[perm[i]]];
				col_put_u32(b, im->tmp, NULL, n);
				break;
			case PU_CRIME_ID: col_put_sparse(b, v->hex, 32, perm, n); break;
			case PU_COORD: col_put_i32(b, v->coords, perm, n); break;
			case PU_DATETIME: col_put_i64(b, v->times, perm, n); break;
			case PU_FLAG: col_put_i8(b, v->flags, perm, n); break;
			case PU_MONTH: break;
			}
		}
		fingerprint_add(&fp, cname, strlen(cname) + 1);
		fingerprint_add(&fp, b->ptr, b->len);
	}
	snprintf(hash, sizeof(hash), "%016llx%016llx", (unsigned long long)fp.a,
		 (unsigned long long)fp.b);
	if (lsoa_col != SIZE_MAX) {
		for (size_t i = 0; i < n; i++)
			no_location += f->cols[lsoa_col].dict.lengths[
				f->cols[lsoa_col].ids[perm[i]]] == 0;
	} else {
		for (size_t c = 0; c < sc->n_columns; c++)
			if (sc->columns[c].type == PU_COORD) {
				for (size_t i = 0; i < n; i++)
					no_location += f->cols[c].coords[perm[i]] ==
						       PU_BLANK_COORD;
				break;
			}
	}

	/* What the force-month holds before this file: the stored batch, or
	 * what an earlier file of this import gave. */
	d = decision_of(im, sc->name, gr->force, gr->month, &is_new);
	found = store_crime_batch_get(im->s, sc->name, gr->force, gr->month,
				      &old_id, &old_rows, old_hash, e);
	if (found < 0)
		return -1;
	before = !is_new ? d->rows : found ? old_rows : -1;
	if (before >= 0 && !im->opt->replace_shorter &&
	    markedly_fewer((int64_t)n, before))
		return refuse_shorter(im, f, gr, n, before,
				      is_new ? NULL : d->file, e);
	if (!is_new) {
		/* A later file gives this force-month again: it wins. */
		note_repeated(im, f, gr, n, d);
		if (d->batch_id &&
		    (store_begin(im->s, e) < 0 ||
		     store_crime_batch_delete(im->s, d->batch_id, e) < 0 ||
		     store_commit(im->s, e) < 0)) {
			store_rollback(im->s);
			return -1;
		}
		d->batch_id = 0;
	}
	d->rows = (int64_t)n;
	d->no_location = no_location;
	d->file = arena_strdup(&im->arena, f->name);
	if (found && strcmp(old_hash, hash) == 0)
		return 0; /* as stored: nothing to write */
	/* A short transaction of its own: other writers go on between. */
	if (store_begin(im->s, e) < 0)
		return -1;
	if (!*file_id && store_crime_file_add(im->s, im->id, f->name,
					      (int64_t)file_bytes, file_id, e) < 0)
		goto fail;
	{
		struct crime_batch_input in = {
			sc->name, gr->force, gr->month, im->id, *file_id,
			(int64_t)n, no_location, hash, im->opt->generated,
		};

		if (store_crime_batch_add(im->s, &in, &id, e) < 0)
			goto fail;
	}
	for (size_t c = 0, k = 0; c <= sc->n_columns; c++) {
		if (c < sc->n_columns && !kept(&sc->columns[c]))
			continue;
		if (store_crime_column_add(im->s, id,
					   c == sc->n_columns ? "line"
							      : sc->columns[c].name,
					   im->blobs[k].ptr, im->blobs[k].len, e) < 0)
			goto fail;
		k++;
	}
	if (store_commit(im->s, e) < 0) {
		/* The file row went with the failed transaction. */
		*file_id = 0;
		return -1;
	}
	d->batch_id = id;
	return 0;
fail:
	store_rollback(im->s);
	*file_id = 0;
	return -1;
}

static int write_file(struct import *im, const struct pu_file *f,
		      size_t file_bytes, struct err *e)
{
	const struct pu_schema *sc = f->schema;
	uint32_t *maps[16] = { 0 };
	struct group *groups = NULL;
	size_t n_groups = 0, force_col = SIZE_MAX, name_col = SIZE_MAX;
	uint32_t file_force = 0;
	int64_t file_id = 0;
	int rc = -1;

	im->report->files++;
	im->report->rows_read += (int64_t)f->n_rows;
	im->report->by_kind[sc->kind] += (int64_t)f->n_rows;
	for (size_t c = 0; c < sc->n_columns; c++) {
		if (sc->columns[c].role == PU_ROLE_FORCE)
			force_col = c;
		if (sc->columns[c].role == PU_ROLE_LSOA_NAME)
			name_col = c;
	}
	/* Local ids to the store's, column by column. */
	for (size_t c = 0; c < sc->n_columns; c++) {
		const struct pu_column *col = &sc->columns[c];
		const struct pu_values *v = &f->cols[c];
		struct gdict *g;

		if (col->type != PU_DICT || !kept(col))
			continue;
		if (!(g = gdict_of(im, col->domain, e)))
			goto out;
		maps[c] = xmalloc((v->dict.n + 1) * sizeof(*maps[c]));
		if (col->role != PU_ROLE_LSOA) {
			for (uint32_t i = 0; i < v->dict.n; i++)
				maps[c][i] = gdict_id(im, g, v->dict.values[i],
						      v->dict.lengths[i], NULL);
			continue;
		}
		/* An LSOA code takes its name from the first row with it. */
		for (uint32_t i = 0; i < v->dict.n; i++)
			maps[c][i] = UINT32_MAX;
		for (size_t r = 0; r < f->n_rows; r++) {
			uint32_t local = v->ids[r];

			if (maps[c][local] != UINT32_MAX)
				continue;
			maps[c][local] = gdict_id(
				im, g, v->dict.values[local], v->dict.lengths[local],
				name_col != SIZE_MAX && v->dict.lengths[local]
					? f->cols[name_col].dict.values[f->cols[name_col].ids[r]]
					: NULL);
		}
	}
	if (force_col == SIZE_MAX) {
		/* Stop and search: the force is in the file's name. */
		const char *force = pu_force_from_filename(f->name);
		struct gdict *g = gdict_of(im, "force", e);

		if (!g)
			goto out;
		if (!force) {
			err_set(e, ERR_INVALID, NULL,
				"%s: cannot tell which force a stop and search file "
				"is for: name it as police.uk does, like "
				"2018-01-greater-manchester-stop-and-search.csv",
				f->name);
			goto out;
		}
		file_force = gdict_id(im, g, force, strlen(force), NULL);
	}
	/* Rows by force and month (a police.uk file has one of each). */
	for (size_t r = 0; r < f->n_rows; r++) {
		uint32_t force = force_col == SIZE_MAX
					 ? file_force
					 : maps[force_col][f->cols[force_col].ids[r]];
		struct group *g = NULL;

		for (size_t i = 0; i < n_groups; i++)
			if (groups[i].force == force && groups[i].month == f->month[r])
				g = &groups[i];
		if (!g) {
			groups = xrealloc(groups, (n_groups + 1) * sizeof(*groups));
			g = &groups[n_groups++];
			memset(g, 0, sizeof(*g));
			g->force = force;
			g->month = f->month[r];
		}
		if (g->n == g->cap) {
			g->cap = g->cap ? g->cap * 2 : 1024;
			g->rows = xrealloc(g->rows, g->cap * sizeof(*g->rows));
		}
		g->rows[g->n++] = (uint32_t)r;
	}
	for (size_t i = 0; i < n_groups; i++)
		if (write_group(im, f, maps, &groups[i], &file_id, file_bytes, e) < 0)
			goto out;
	rc = 0;
out:
	for (size_t i = 0; i < n_groups; i++)
		free(groups[i].rows);
	free(groups);
	for (size_t c = 0; c < ARRAY_SIZE(maps); c++)
		free(maps[c]);
	return rc;
}

/* ---------------------------------------------------------------------
 * The pipeline
 *
 * A feeder thread makes the jobs in the order of the inputs: a file on
 * disk becomes a job that a worker reads; a zip is read once, from its
 * start to its end, by the feeder itself, each police.uk file in it into
 * memory as a job of its own.  Workers parse the jobs, and this thread
 * writes them in order.  At most `ahead` jobs are made and not yet
 * written (job i lives in slot i % ahead), so an import holds a few files
 * at a time however large the archive.
 */

enum job_state { JOB_WAITING, JOB_WORKING, JOB_DONE };

struct job {
	const struct source *src; /* a file for the worker to read, or NULL */
	char *name;       /* for messages: a path, or archive:entry */
	char *data;       /* a file of a zip as read by the feeder, still
			   * compressed (free()) */
	struct zipfile_entry zipped; /* what it is (its name is not kept) */
	enum job_state state;
	struct pu_file file;
	size_t bytes;
	char sha256[SHA256_HEX_SIZE]; /* of the CSV text */
	int rc;
	struct err err;
};

struct pipeline {
	const struct sources *srcs;
	struct police_report *report; /* the feeder lists the files left out */
	struct job *slots;
	size_t ahead;     /* jobs made and not yet written, at most */
	size_t made;      /* jobs the feeder has made */
	bool fed;         /* it has made them all */
	size_t next;      /* the next job a worker takes */
	size_t committed; /* jobs written (and released) */
	bool stop;
	bool skip_bad_rows;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static struct job *job_at(struct pipeline *p, size_t i)
{
	return &p->slots[i % p->ahead];
}

/* The slot of the next job, once it is free; NULL if the import stops. */
static struct job *claim(struct pipeline *p)
{
	struct job *j = NULL;

	pthread_mutex_lock(&p->mu);
	while (!p->stop && p->made >= p->committed + p->ahead)
		pthread_cond_wait(&p->cv, &p->mu);
	if (!p->stop) {
		j = job_at(p, p->made);
		memset(j, 0, sizeof(*j));
	}
	pthread_mutex_unlock(&p->mu);
	return j;
}

/* Hand the job claimed to the workers. */
static void hand_over(struct pipeline *p)
{
	pthread_mutex_lock(&p->mu);
	p->made++;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

/* A job that failed before it began: a damaged archive. */
static void hand_over_error(struct pipeline *p, const char *name,
			    const struct err *e)
{
	struct job *j = claim(p);

	if (!j)
		return;
	j->name = xstrdup(name);
	j->rc = -1;
	j->err = *e;
	hand_over(p);
}

/* Is an entry of a zip hidden, as a folder's files starting with '.' are
 * (and what macOS adds: "__MACOSX/2021-03/._2021-03-kent-street.csv")? */
static bool hidden(const char *entry)
{
	for (const char *s = entry; *s; s++)
		if (*s == '.' && (s == entry || s[-1] == '/'))
			return true;
	return false;
}

/* Each police.uk file of a zip, read once in the order the zip holds
 * them, still compressed, as a job (the workers decompress them); other
 * files are listed as skipped.  A damaged zip is a failed job naming the
 * zip and, where it can, the file.  Returns -1 then, or when the import
 * stops. */
static int feed_zip(struct pipeline *p, const struct source *src)
{
	struct err e = ERR_INIT;
	struct zipfile *z = zipfile_open(src->path, &e);
	int rc = -1;

	if (!z) {
		hand_over_error(p, src->path, &e);
		return -1;
	}
	for (size_t i = 0; i < zipfile_count(z); i++) {
		const struct zipfile_entry *f = zipfile_entry(z, i);
		struct job *j;
		char *name;
		size_t n;
		int r;

		if (f->dir || hidden(f->name))
			continue;
		if (!ends_with(f->name, ".csv")) {
			skip_file(p->report, src->path,
				  f->name[0] ? f->name : "(a file with no name)");
			continue;
		}
		n = strlen(src->path) + strlen(f->name) + 2;
		name = xmalloc(n);
		snprintf(name, n, "%s:%s", src->path, f->name);
		if (!(j = claim(p))) {
			free(name);
			goto out;
		}
		j->name = name;
		j->zipped = *f;
		j->zipped.name = NULL;
		r = j->rc = zipfile_read(z, i, BUF_MAX_DEFAULT, &j->data, &j->err);
		hand_over(p);
		if (r < 0)
			goto out;
	}
	rc = 0;
out:
	zipfile_close(z);
	return rc;
}

static void *feeder(void *arg)
{
	struct pipeline *p = arg;

	for (size_t i = 0; i < p->srcs->n; i++) {
		const struct source *src = &p->srcs->v[i];
		struct job *j;

		if (src->kind == SRC_ZIP) {
			if (feed_zip(p, src) < 0)
				break;
			continue;
		}
		if (!(j = claim(p)))
			break;
		j->src = src;
		j->name = xstrdup(src->path);
		hand_over(p);
	}
	pthread_mutex_lock(&p->mu);
	p->fed = true;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void run_job(struct job *j, bool skip_bad_rows)
{
	char *data = NULL;
	size_t len = 0;
	bool mapped = false;

	if (j->rc == 0 && j->src) {
		j->rc = read_source(j->src, &data, &len, &mapped, &j->err);
	} else if (j->rc == 0) {
		j->rc = zipfile_inflate(&j->zipped, j->name, j->data,
					BUF_MAX_DEFAULT, &data, &j->err);
		len = (size_t)j->zipped.size;
	}
	free(j->data);
	j->data = NULL;
	if (j->rc == 0) {
		const char *text = j->src && j->src->kind == SRC_BUFFER ? j->src->data
				   : data ? data
					  : "";

		j->bytes = len;
		sha256_hex(text, len, j->sha256);
		j->rc = pu_parse(&j->file, j->name, text, len, skip_bad_rows,
				 &j->err);
	}
	if (mapped)
		munmap(data, len);
	else
		free(data);
}

static void *worker(void *arg)
{
	struct pipeline *p = arg;

	for (;;) {
		struct job *j;

		pthread_mutex_lock(&p->mu);
		while (!p->stop && p->next >= p->made && !p->fed)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->stop || p->next >= p->made) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		j = job_at(p, p->next++);
		j->state = JOB_WORKING;
		pthread_mutex_unlock(&p->mu);

		run_job(j, p->skip_bad_rows);

		pthread_mutex_lock(&p->mu);
		j->state = JOB_DONE;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

/* Job i once it is parsed; NULL when there are no more jobs. */
static struct job *next_parsed(struct pipeline *p, size_t i)
{
	struct job *j = NULL;

	pthread_mutex_lock(&p->mu);
	while (!(i < p->made && job_at(p, i)->state == JOB_DONE) &&
	       !(p->fed && i >= p->made))
		pthread_cond_wait(&p->cv, &p->mu);
	if (i < p->made)
		j = job_at(p, i);
	pthread_mutex_unlock(&p->mu);
	return j;
}

static void job_release(struct job *j)
{
	pu_file_release(&j->file);
	free(j->name);
	free(j->data);
	j->name = j->data = NULL;
}

static double now_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void keep_skipped(struct police_report *r, const struct pu_file *f)
{
	r->rows_skipped += (int64_t)f->n_skipped;
	for (size_t i = 0; i < f->n_skipped && i < 1000 && r->n_skipped < 1000; i++) {
		r->skipped = xrealloc(r->skipped, (r->n_skipped + 1) * sizeof(*r->skipped));
		r->skipped[r->n_skipped++] = xstrdup(f->skipped[i]);
	}
}

/* Keep job j's file for the history. */
static void add_file(struct import *im, const struct job *j)
{
	struct import_file *f;

	if (im->n_files == im->files_cap) {
		im->files_cap = im->files_cap ? im->files_cap * 2 : 64;
		im->files = xrealloc(im->files, im->files_cap * sizeof(*im->files));
	}
	f = &im->files[im->n_files++];
	f->name = arena_strdup(&im->arena, j->name);
	f->bytes = (int64_t)j->bytes;
	f->sha256 = arena_strdup(&im->arena, j->sha256);
	f->rows = (int64_t)j->file.n_rows;
}

/* Make the import's batches live, in one short transaction with the new
 * dictionary values and the record of the import, and fill the report's
 * counts from what the store then holds. */
static int publish(struct import *im, struct err *e)
{
	struct police_report *r = im->report;
	struct import_counts c = { 0 };

	for (size_t i = 0; i < im->n_decisions; i++) {
		const struct decision *d = &im->decisions[i];

		r->no_location += d->no_location;
		if (d->batch_id) {
			r->batches_added++;
		} else {
			r->batches_unchanged++;
			r->rows_unchanged += d->rows;
		}
	}
	if (store_begin(im->s, e) < 0)
		return -1;
	if (save_dicts(im, e) < 0 ||
	    store_crime_publish(im->s, im->id, &r->rows_added, &r->rows_replaced,
				e) < 0)
		goto fail;
	if (r->rows_added + r->rows_unchanged + r->rows_lost != r->rows_read)
		BUG("an import's rows do not add up: %lld added, %lld unchanged, "
		    "%lld given again, %lld read",
		    (long long)r->rows_added, (long long)r->rows_unchanged,
		    (long long)r->rows_lost, (long long)r->rows_read);
	c.rows_read = r->rows_read;
	c.rows_added = r->rows_added;
	c.rows_replaced = r->rows_replaced;
	c.rows_unchanged = r->rows_unchanged;
	c.rows_skipped = r->rows_skipped;
	if (store_import_done(im->s, im->id, &c, im->files, im->n_files, e) < 0 ||
	    store_crime_touch(im->s, e) < 0)
		goto fail;
	return store_commit(im->s, e);
fail:
	store_rollback(im->s);
	return -1;
}

static int run_import(struct store *s, struct sources *srcs,
		      const struct police_options *opt,
		      struct police_report *report, struct err *e)
{
	struct import im = { 0 };
	struct pipeline p = { 0 };
	pthread_t threads[16], feed;
	unsigned n_threads = opt->threads, started = 0;
	bool feeding = false;
	double start = now_seconds();
	int rc = -1;

	im.s = s;
	im.opt = opt;
	im.report = report;
	if (!n_threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		n_threads = n > 0 ? (unsigned)n : 1;
	}
	if (n_threads > ARRAY_SIZE(threads))
		n_threads = ARRAY_SIZE(threads);
	if (!srcs->zips && n_threads > srcs->n)
		n_threads = srcs->n ? (unsigned)srcs->n : 1;

	p.srcs = srcs;
	p.report = report;
	p.ahead = 2 * n_threads + 2;
	p.slots = xcalloc(p.ahead, sizeof(*p.slots));
	p.skip_bad_rows = opt->skip_bad_rows;
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);

	if (store_import_begin(s, "police", &im.id, e) < 0)
		goto done;
	report->import_id = im.id;
	feeding = pthread_create(&feed, NULL, feeder, &p) == 0;
	for (unsigned t = 0; feeding && t < n_threads; t++, started++)
		if (pthread_create(&threads[t], NULL, worker, &p) != 0)
			break;
	if (!started) {
		err_set(e, ERR_IO, NULL, "cannot start a thread to read the files");
		goto stop;
	}
	rc = 0;
	for (size_t i = 0;; i++) {
		struct job *j = next_parsed(&p, i);

		if (!j)
			break;
		if (j->rc == 0) {
			keep_skipped(report, &j->file);
			j->rc = write_file(&im, &j->file, j->bytes, &j->err);
			if (j->rc < 0)
				err_locate(&j->err, j->name, 0);
			else
				add_file(&im, j);
		}
		if (j->rc < 0) {
			*e = j->err;
			rc = -1;
		}
		job_release(j);
		pthread_mutex_lock(&p.mu);
		p.committed++;
		if (rc < 0)
			p.stop = true;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
		if (rc < 0)
			break;
	}
	if (rc == 0 && !report->files)
		rc = err_set(e, ERR_INVALID, NULL,
			     "no police.uk CSV files found in what was given");
stop:
	pthread_mutex_lock(&p.mu);
	p.stop = true;
	pthread_cond_broadcast(&p.cv);
	pthread_mutex_unlock(&p.mu);
	if (feeding)
		pthread_join(feed, NULL);
	for (unsigned t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	/* Jobs made or parsed ahead of a failure still hold memory. */
	for (size_t i = p.committed; i < p.made; i++)
		job_release(job_at(&p, i));
	if (rc == 0)
		rc = publish(&im, e);
	if (rc < 0) {
		store_import_abandon(s, im.id);
	} else {
		store_import_end(s);
		store_checkpoint(s, &report->wal_truncated, NULL);
	}
done:
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	free(p.slots);
	for (size_t i = 0; i < im.n_dicts; i++) {
		free(im.dicts[i].d.slots);
		free(im.dicts[i].extra);
	}
	for (size_t i = 0; i < ARRAY_SIZE(im.blobs); i++)
		buf_release(&im.blobs[i]);
	free(im.perm);
	free(im.tmp);
	free(im.decisions);
	free(im.files);
	arena_release(&im.arena);
	report->seconds = now_seconds() - start;
	return rc;
}

static void free_sources(struct sources *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].path);
	free(s->v);
}

int ingest_police(struct store *s, const char *const *paths, size_t n,
		  const struct police_options *opt, struct police_report *report,
		  struct err *e)
{
	struct sources srcs = { 0 };
	int rc = 0;

	memset(report, 0, sizeof(*report));
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = collect(&srcs, paths[i], true, report, e);
	if (rc == 0 && !srcs.n)
		rc = err_set(e, ERR_INVALID, NULL,
			     "no police.uk CSV files found in what was given");
	if (rc == 0)
		rc = run_import(s, &srcs, opt, report, e);
	free_sources(&srcs);
	return rc;
}

int ingest_police_buffer(struct store *s, const char *name, const char *data,
			 size_t len, const struct police_options *opt,
			 struct police_report *report, struct err *e)
{
	struct sources srcs = { 0 };
	int rc;

	memset(report, 0, sizeof(*report));
	add_source(&srcs, SRC_BUFFER, name);
	srcs.v[0].data = data;
	srcs.v[0].len = len;
	rc = run_import(s, &srcs, opt, report, e);
	free_sources(&srcs);
	return rc;
}

void police_report_release(struct police_report *r)
{
	for (size_t i = 0; i < r->n_skipped; i++)
		free(r->skipped[i]);
	free(r->skipped);
	r->skipped = NULL;
	r->n_skipped = 0;
	for (size_t i = 0; i < r->n_repeated; i++)
		free(r->repeated[i]);
	free(r->repeated);
	r->repeated = NULL;
	r->n_repeated = 0;
	for (size_t i = 0; i < r->n_skipped_files; i++)
		free(r->skipped_files[i]);
	free(r->skipped_files);
	r->skipped_files = NULL;
	r->n_skipped_files = 0;
}
