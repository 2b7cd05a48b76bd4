/*
 * stats_internal.h: helpers shared by the files of src/stats/ and used
 * nowhere else.
 */
#ifndef SAFER_STATS_INTERNAL_H
#define SAFER_STATS_INTERNAL_H

#include "stats.h"

/* 0 if level is in (0, 1); otherwise fill e (field "level") and
 * return -1. */
int stats_check_level(double level, struct err *e);

#endif
