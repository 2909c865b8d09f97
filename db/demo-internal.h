/* demo-internal.h — parts of the demo generator shared between db/demo-*.c
 * only: the generation itself with or without a bulk load, and the bulk load's
 * setup and finish (db/demo-bulk.c). */
#ifndef CDTT_DEMO_INTERNAL_H
#define CDTT_DEMO_INTERNAL_H

#include "demo.h"

/* How a generation writes its records. */
typedef enum {
    DEMO_ROWS,      /* row by row, indexes and triggers kept: one transaction per commune */
    DEMO_NEW_FILE,  /* a bulk load into a file this generation owns alone (demo_generate_new_file) */
    DEMO_IN_PLACE,  /* a bulk load into db's file in one transaction: all or nothing (demo_generate) */
} demo_load;

/* demo_generate, writing as load says; for DEMO_NEW_FILE bulk_path is the
 * file db has open, thrown away if the generation fails, and digest gets
 * demo_digest of the result. */
int demo_generate_into(sqlite3 *db, const demo_opts *o, demo_load load, const char *bulk_path,
                       demo_counts *counts, char digest[33], cdtt_err *e);

/* The indexes dropped for a bulk load, as their CREATE statements; one_tx: the
 * whole load is one transaction of the caller's (DEMO_IN_PLACE). */
typedef struct {
    char **sql;
    int n;
    int one_tx;
} demo_bulk;

/* Prepares db for a bulk load: no foreign-key lookups, several sorter threads,
 * and the record tables' indexes other than on uuid columns (read from
 * sqlite_master, whatever migrations added) and what the derived migrations
 * keep by triggers dropped, the indexes kept in b. With one_tx it begins the
 * one transaction of the whole load, which a failure or crash rolls back
 * (under a rollback journal, or the file's WAL journal when another connection
 * has it open; demo_bulk_finish puts it back in WAL mode); without, it also
 * turns the journal and fsync off, and a crash or error after this leaves the
 * file unusable: only for a file that is deleted on failure. Returns 0, or -1 with e set. */
int demo_bulk_start(sqlite3 *db, demo_bulk *b, int one_tx, cdtt_err *e);

/* Builds b's indexes and what the triggers keep again, commits, turns foreign
 * keys back on and puts the file back in WAL mode; meanwhile digest (when not
 * NULL) gets demo_digest of the file at path, read through a connection of its
 * own on another thread (the content no longer changes; not with one_tx,
 * where the rows are not committed yet). Returns 0, or -1 with e set (and,
 * with one_tx, nothing of the load written). */
int demo_bulk_finish(sqlite3 *db, demo_bulk *b, const char *path, char digest[33], cdtt_err *e);

/* Frees what demo_bulk_start kept (safe on a zeroed b). */
void demo_bulk_free(demo_bulk *b);

#endif
