/* training-common.h — helpers shared by db/training-*.c and db/activity.c (private). */
#ifndef CDTT_TRAINING_COMMON_H
#define CDTT_TRAINING_COMMON_H

#include <sqlite3.h>
#include "cdtt.h"

/* The stamp of a change: now and the office key. */
typedef struct {
    char now[32];
    char office[32];
} training_stamp;

void training_stamp_make(sqlite3 *db, training_stamp *s);

/* 1 when table (a cdtt table, constant) has a non-deleted row keyed uuid, else 0. */
int training_row_exists(sqlite3 *db, const char *table, const char *uuid);

/* A valid "YYYY-MM-DD" date (required when required, else "" is fine). Returns 0
 * or -1 with e naming what. */
int training_check_date(const char *date, int required, const char *what, cdtt_err *e);

/* Cleans optional text into out (NFC, trimmed, at most max characters).
 * Returns 0 or -1 with e naming what. */
int training_clean_text(const char *in, size_t max, char *out, size_t outlen, const char *what, cdtt_err *e);

/* The same for one-line text (validate_line: no line breaks either). */
int training_clean_line(const char *in, size_t max, char *out, size_t outlen, const char *what, cdtt_err *e);

/* A write over many rows in one transaction: its stamp and how many rows it changed. */
typedef struct {
    training_stamp stamp;
    int count;
} training_batch;

/* Starts a batch: sets *changed (when not NULL) to 0, begins the transaction
 * (BEGIN IMMEDIATE) and makes the stamp. Returns 0, or -1 with e set. */
int training_batch_begin(sqlite3 *db, training_batch *b, int *changed, cdtt_err *e);

/* Ends a batch: when ok, commits and sets *changed (when not NULL) to the
 * count; otherwise rolls back. Returns 0 when committed, else -1 (e set by
 * whatever failed). */
int training_batch_end(sqlite3 *db, const training_batch *b, int ok, int *changed, cdtt_err *e);

/* Runs st to completion and finalizes it; 0 or -1 with e set from doing. */
int training_step_done(sqlite3 *db, sqlite3_stmt *st, const char *doing, cdtt_err *e);

#endif
