/* demo-internal.h — parts of the demo generator shared between db/demo-*.c
 * only: the generation itself with or without a bulk load, and the bulk load's
 * setup and finish (db/demo-bulk.c). */
#ifndef CDTT_DEMO_INTERNAL_H
#define CDTT_DEMO_INTERNAL_H

#include "demo.h"

/* demo_generate; with bulk_path (the file db has open) a bulk load (see
 * demo_bulk_start), only for a file that this generation owns alone and that is
 * thrown away if it fails, and digest gets demo_digest of the result. */
int demo_generate_into(sqlite3 *db, const demo_opts *o, const char *bulk_path, demo_counts *counts,
                       char digest[33], cdtt_err *e);

/* The indexes dropped for a bulk load, as their CREATE statements. */
typedef struct {
    char **sql;
    int n;
} demo_bulk;

/* Prepares db for a bulk load: no rollback journal, no fsync, no foreign-key
 * lookups, several sorter threads, and the record tables' indexes other than
 * on uuid columns (read from sqlite_master, whatever migrations added) dropped
 * and kept in b. A crash or error after this
 * leaves the file unusable: only for a file that is deleted on failure.
 * Returns 0, or -1 with e set. */
int demo_bulk_start(sqlite3 *db, demo_bulk *b, cdtt_err *e);

/* Builds b's indexes again, turns foreign keys back on and puts the file back
 * in WAL mode; meanwhile digest (when not NULL) gets demo_digest of the file
 * at path, read through a connection of its own on another thread (the content
 * no longer changes). Returns 0, or -1 with e set. */
int demo_bulk_finish(sqlite3 *db, demo_bulk *b, const char *path, char digest[33], cdtt_err *e);

/* Frees what demo_bulk_start kept (safe on a zeroed b). */
void demo_bulk_free(demo_bulk *b);

#endif
