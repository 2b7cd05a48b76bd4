/*
 * demo.h: the Stockport demo data.
 */
#ifndef SAFER_DEMO_H
#define SAFER_DEMO_H

#include "base/err.h"

struct store;

/* What demo_load did. */
enum demo_result { DEMO_LOADED, DEMO_ALREADY_LOADED };

/* Load the Stockport demo into s in one transaction.  Loading it again
 * changes nothing (DEMO_ALREADY_LOADED); a database that holds another
 * partnership is refused.  Returns -1 with e set on failure, leaving the
 * database as it was. */
int demo_load(struct store *s, enum demo_result *result, struct err *e);

/* The generated Greater Manchester crime data, its geography and the
 * "Greater Manchester" peer group (demo_crime.c); part of demo_load. */
int demo_crime_load(struct store *s, struct err *e);

/* The demo's indicators and their values (demo_indicators.c). */
int demo_indicators_load(struct store *s, struct err *e);

/* The bodies, meetings, agenda items, undertakings and the Domestic
 * Abuse Strategy's issue of the council records (demo_meetings.c); part
 * of demo_load, after the plans. */
int demo_meetings_load(struct store *s, struct err *e);

#endif
