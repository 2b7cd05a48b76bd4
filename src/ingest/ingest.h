/*
 * ingest.h: bringing outside data into the store, all or nothing.
 *
 * Each import reads its inputs, checks every row, and makes everything
 * visible at once: a file with a bad header, or a bad row (unless the
 * caller asked to skip bad rows), leaves the database exactly as it was.
 * Messages name the file, the line and the field.  Every import that
 * completes is recorded in the history of imports (store_import.h), with
 * the SHA-256 of each file it read.
 */
#ifndef SAFER_INGEST_H
#define SAFER_INGEST_H

#include "base/err.h"

struct arena;

struct store;

/* ---------------------------------------------------------------------
 * police.uk files (police.c)
 */

struct police_options {
	bool skip_bad_rows;
	bool replace_shorter; /* replace stored force-months with markedly fewer rows */
	bool generated;    /* the rows are made up (the demo) */
	unsigned threads;  /* parsing threads; 0 = one per core */
	bool quiet;        /* no progress on stderr */
};

/* A file that would replace a stored force-month with markedly fewer
 * rows is refused, as a download cut short (unless replace_shorter):
 * fewer than SHORTER_PERCENT per cent of the rows, and at least
 * SHORTER_MIN_ROWS rows fewer.  police.uk republishes months with
 * changes of a few rows in a thousand; a download cut short loses a
 * large share (13,195 stored rows replaced by 7,999 is 39% lost); the
 * minimum keeps small force-months (a few dozen searches) from being
 * refused for a handful of rows. */
#define SHORTER_PERCENT 90
#define SHORTER_MIN_ROWS 10

struct police_report {
	int64_t import_id;    /* in the history of imports */
	int64_t files;        /* CSV files read */
	int64_t rows_read;    /* data rows in them */
	int64_t rows_added;   /* rows of new or changed batches, now live */
	int64_t rows_replaced;/* rows of the stored versions those replaced */
	int64_t rows_unchanged; /* rows of batches already imported as they are */
	int64_t rows_lost;    /* rows of force-months a later file of this import gave again */
	int64_t rows_skipped; /* bad rows left out (skip_bad_rows) */
	int64_t no_location;  /* rows with no location, kept */
	int64_t by_kind[3];   /* rows read by kind */
	int64_t batches_added, batches_unchanged;
	char **skipped;       /* messages of skipped rows (at most 1000) */
	size_t n_skipped;
	char **repeated;      /* which file won each force-month given twice (at most 100) */
	size_t n_repeated;
	int64_t force_months_repeated;
	char **skipped_files; /* files that are not police.uk data, left out (at most 100) */
	size_t n_skipped_files;
	int64_t files_skipped;
	bool wal_truncated;   /* the write-ahead log was emptied afterwards */
	double seconds;
};

/* Import police.uk files: each path is a CSV file (or .csv.gz), a folder
 * (searched for them, and for .zip files), or a .zip as police.uk gives
 * it (monthly folders of CSVs).  Files are told apart by their header.
 * A force-month already in the store is replaced by a newer version
 * (the version replaced is kept, so that the import can be undone); the
 * same data again changes nothing.  When two files of one import give
 * the same force-month, the later one wins: the order is that of paths,
 * folders being read in name order and a zip in the order it holds its
 * files (police.uk's are in name order).
 *
 * A zip is read once from start to end, never unpacked to disk: each CSV
 * in it is read into memory as its turn comes, so an import holds a few
 * files at a time however large the archive.  Messages name a file of a
 * zip as "archive.zip:2021-03/2021-03-kent-street.csv:57".  Other files
 * in a folder or a zip (a README, a licence) are left out and listed in
 * report->skipped_files; a zip that is damaged or cut short is refused,
 * naming the zip and, where it can be read, the file.
 *
 * The import never holds the write lock for long (store_import.h): the
 * batches are written unseen in short transactions while the files are
 * parsed, and published in one short transaction at the end; then the
 * write-ahead log is checkpointed.  One import runs at a time; another
 * is ERR_CONFLICT.  Fills report (free its messages with
 * police_report_release). */
int ingest_police(struct store *s, const char *const *paths, size_t n,
		  const struct police_options *opt, struct police_report *report,
		  struct err *e);

/* The same, from a file already in memory (the demo's generated data). */
int ingest_police_buffer(struct store *s, const char *name, const char *data,
			 size_t len, const struct police_options *opt,
			 struct police_report *report, struct err *e);

void police_report_release(struct police_report *r);

/* ---------------------------------------------------------------------
 * Geography (geography.c)
 */

struct geography_report {
	int64_t rows;
	int64_t lsoas;       /* distinct LSOAs written */
	char columns[200];   /* which fields the file gave, for the message */
};

/* Import an LSOA lookup: one row per LSOA with any of its name, ward,
 * local authority, force, population and households, under the column
 * names of docs/geography.md (the ONS names lsoa11cd, wd22nm, lad22cd,
 * ... are understood too).  Fields the file does not have are left as
 * they are, so a lookup and a population file can be imported one after
 * the other. */
int ingest_geography(struct store *s, const char *path,
		     struct geography_report *report, struct err *e);
/* The same from memory; path names the data in messages. */
int ingest_geography_buffer(struct store *s, const char *path,
			    const char *data, size_t len,
			    struct geography_report *report, struct err *e);

/* ---------------------------------------------------------------------
 * Indicators (indicators.c)
 */

struct indicator_report {
	bool definitions;          /* the file held definitions, not values */
	int64_t rows;
	int64_t indicators;        /* definitions written */
	int64_t indicators_created; /* indicators made for unknown names */
	int64_t values;
	int64_t missing;           /* of which marked not available (NA, :) */
};

/* Import indicator definitions or values, told apart by the header (see
 * docs/indicators.md).  All or nothing. */
int ingest_indicators(struct store *s, const char *path,
		      struct indicator_report *r, struct err *e);
/* The same from memory; with example, everything is marked as example
 * data (the demo's invented figures). */
int ingest_indicators_buffer(struct store *s, const char *name,
			     const char *data, size_t len, bool example,
			     struct indicator_report *r, struct err *e);

/* ---------------------------------------------------------------------
 * modern.gov (moderngov.c)
 *
 * Saved responses of modern.gov's public web service, mgWebService.asmx,
 * as its plain HTTP GET gives them (or inside the SOAP envelope, as a
 * SOAP call gives them): GetCommittees (<committees>), GetMeetings
 * (<getmeetings>, a committee's meetings) and GetMeeting (<meeting>, with
 * its agenda items and their linked documents).  Element names are
 * modern.gov's own, in lower case: committeeid, committeetitle,
 * meetingid, meetingdate (dd/mm/yyyy), meetingtime (HH:MM),
 * meetingstatus, meetinglocation, agendaitemid, agendaitemnumber,
 * agendaitemtitle, linkeddoc with attachmentid, title and url.  See
 * docs/moderngov.md.
 */

enum mg_response_kind { MG_COMMITTEES, MG_MEETINGS, MG_MEETING };

struct mg_doc {
	const char *id, *title, *url;
	unsigned line;
};

struct mg_item {
	const char *id, *number, *title;
	struct mg_doc *docs;
	size_t n_docs;
	unsigned line;
};

struct mg_meeting {
	const char *id;
	const char *committee_id; /* NULL when the response does not say */
	const char *date;         /* YYYY-MM-DD */
	const char *time;         /* HH:MM, or NULL */
	const char *status;       /* as modern.gov gives it, or NULL */
	const char *venue;        /* or NULL */
	bool detail;              /* from GetMeeting: its agenda is all here */
	struct mg_item *items;
	size_t n_items;
	unsigned line;
};

struct mg_committee {
	const char *id, *title;   /* title NULL when not given */
	const char *category;     /* or NULL */
	unsigned line;
};

struct mg_response {
	enum mg_response_kind kind;
	struct mg_committee *committees;
	size_t n_committees;
	struct mg_meeting *meetings;
	size_t n_meetings;
};

/* Read one response (name is the file, for messages) into out, from the
 * arena.  Anything else is refused, ERR_INVALID naming the file, and the
 * element and line where there is one. */
int moderngov_parse(const char *name, const char *data, size_t len,
		    struct arena *a, struct mg_response *out, struct err *e);

struct moderngov_report {
	int64_t files;
	int64_t read;        /* committees, meetings, items and documents read */
	int64_t added, updated, unchanged;
	int64_t bodies, meetings, items, documents; /* of each, read */
};

/* Import the responses in paths, all or nothing, in one transaction:
 * committees become bodies, meetings meetings, agenda items items, and
 * linked documents attachments without their bytes (name and URL).
 * Importing the same again changes nothing; a changed meeting is
 * updated.  Recorded in the history of imports. */
int ingest_moderngov(struct store *s, const char *const *paths, size_t n,
		     struct moderngov_report *r, struct err *e);

#endif
