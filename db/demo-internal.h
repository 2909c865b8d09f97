/* demo-internal.h — parts of the demo generator shared between db/demo-*.c
 * only: the generation itself with or without a bulk load, and the bulk load's
 * setup and finish (db/demo-bulk.c). */
#ifndef CDTT_DEMO_INTERNAL_H
#define CDTT_DEMO_INTERNAL_H

#include "demo.h"
#include "schema.h"

/* How a generation writes its records. */
typedef enum {
    DEMO_ROWS,      /* row by row, indexes and triggers kept: one transaction per commune */
    DEMO_NEW_FILE,  /* a bulk load into a file this generation owns alone (demo_generate_new_file) */
    DEMO_IN_PLACE,  /* a bulk load into db's file in one transaction: all or nothing (demo_generate) */
} demo_load;

/* demo_generate, writing as load says (DEMO_NEW_FILE: into a file db has
 * open that the caller throws away if the generation fails). */
int demo_generate_into(sqlite3 *db, const demo_opts *o, demo_load load, demo_counts *counts, cdtt_err *e);

/* ---- the content digest, fed a value at a time (db/demo-digest.c) --------- */

/* The digest of one table's rows so far (or of the office row). */
typedef struct {
    uint64_t a, b;
} demo_lanes;

/* At most this many travelling tables (SCHEMA_TRAVEL_TABLES). */
#define DEMO_TABLES_MAX 16

/* One value of a row as sqlite3 gives it back: kind SQLITE_TEXT (text of len
 * bytes), SQLITE_INTEGER (number) or SQLITE_NULL. */
typedef struct {
    int kind;
    const char *text;
    size_t len;
    long long number;
} demo_value;

/* Starts d for the rows of table (NULL: for the office row). */
void demo_lanes_start(demo_lanes *d, const char *table);
/* Feeds a row of n values, in the table's column order. */
void demo_lanes_row(demo_lanes *d, const demo_value *v, int n);
/* demo_digest of a file whose travelling tables hold what tables[i] was fed
 * for SCHEMA_TRAVEL_TABLES[i] (each table's rows, whole, in uuid order) and
 * whose office row is read from db. Returns 0, or -1 on a database error. */
int demo_digest_of_lanes(sqlite3 *db, const demo_lanes *tables, char out[33]);

/* ---- one table's rows written and digested (db/demo-rows.c) --------------- */

typedef struct demo_table demo_table;

/* Prepares the writing of rows into table (one of SCHEMA_TRAVEL_TABLES) whose
 * values are given for columns (a list "uuid, name, ..." of its columns, uuid
 * first), the other columns taking their defaults. Returns NULL with e set. */
demo_table *demo_table_open(sqlite3 *db, const char *table, const char *columns, cdtt_err *e);

/* Writes a row: texts (NULL or "" as NULL) for the first n of the columns,
 * ints for the n_ints after them, as many as the columns. The row is fed to
 * the table's digest as the file will hold it. Returns 0, or -1 with e set. */
int demo_table_insert(demo_table *t, const char *const *texts, int n, const long *ints, int n_ints, cdtt_err *e);

/* The digest of the rows written so far, or NULL when it cannot be the
 * file's: rows were not written in uuid order, or a column has a default
 * that is not a plain value. */
const demo_lanes *demo_table_lanes(const demo_table *t);

/* Finalises the statement and frees t (NULL is fine). */
void demo_table_close(demo_table *t);

/* ---- the derived tables' figures, gathered as the rows are written --------
 * (db/demo-derived.c). Every function takes a NULL d and then does nothing: a
 * generation row by row leaves the figures to the triggers. */

typedef struct demo_derived demo_derived;

/* The lists counted per commune (live_tally) and by name (list_name). */
typedef enum { DEMO_AREA, DEMO_TEAM, DEMO_MEMBER, DEMO_LISTS } demo_list;

demo_derived *demo_derived_new(void);
/* Frees d (NULL is fine). */
void demo_derived_free(demo_derived *d);
/* Commune (scheme, code) was written with n[list] live records of each list. */
void demo_derived_tally(demo_derived *d, const char *scheme, const char *code, const long n[DEMO_LISTS]);
/* A record of list was written with the name forms f (f must live until the fill). */
void demo_derived_name(demo_derived *d, demo_list list, const demo_name_forms *f);
/* A team was written, its memberships to start on date_from (its decision
 * date): returns its number for the calls below (-1 when d is NULL). */
long demo_derived_team(demo_derived *d, const char *uuid, const char *date_from);
/* Member p was written with one open membership of team. */
void demo_derived_member(demo_derived *d, long team, const demo_person *p);
/* A training session on date was written. */
void demo_derived_session(demo_derived *d, const char *date);
/* A member of team, given no other attendance, attended a session on date. */
void demo_derived_attended(demo_derived *d, long team, const char *date);

/* The derived tables demo_derived_fill fills (NULL-terminated). */
extern const char *const DEMO_DERIVED_TABLES[];
/* Fills table, one of DEMO_DERIVED_TABLES, just created empty, with what the
 * demo_derived arg gathered: as the table's migration would fill it from the
 * records written. A schema_filler's fill. Returns 0, or -1 with e set. */
int demo_derived_fill(sqlite3 *db, const char *table, void *arg, cdtt_err *e);

/* The page cache of a bulk load, in KiB. The load writes every table in key
 * order and builds each index by one sort: a page is written once and seldom
 * read again, so a big cache only costs memory (at 1,000,000 members, 1 GB the
 * kernel must give and clear). SQLite's sorter also takes the cache's size as
 * the size of its runs (4 MB at least with pages of 16 KB): at 1,000,000
 * members, runs of 4 MB sort in the processor's caches and the member indexes
 * build in 1.6 s instead of 2.7 s from one run of 256 MB (16 MB: 2.2 s). */
#define DEMO_BULK_CACHE_KIB 4096

/* The indexes dropped for a bulk load, as their CREATE statements: those on
 * uuid columns before first_late, the others from there; one_tx: the whole
 * load is one transaction of the caller's (DEMO_IN_PLACE). */
typedef struct {
    char **sql;
    int n, first_late;
    int one_tx;
} demo_bulk;

/* Prepares db for a bulk load: no foreign-key lookups, and the record
 * tables' indexes (read from sqlite_master, whatever migrations added; those
 * SQLite makes for a PRIMARY KEY or UNIQUE cannot go) and what the derived
 * migrations keep by triggers dropped, the indexes kept in b. With one_tx it
 * begins the one transaction of the whole load, which a failure or crash
 * rolls back (under a rollback journal, or the file's WAL journal when
 * another connection has it open; demo_generate_into puts it back in WAL
 * mode); without, it also turns the journal and fsync off, and a crash or
 * error after this leaves the file unusable: only for a file that is deleted
 * on failure. A page_size other than 0 is given to the file first, unless
 * another connection has it open (the content stays; a failed load leaves
 * the new page size). The page cache is then made small (the load writes
 * in key order and sorts in runs of the cache's size; demo_generate_into
 * sets db_open's size back at the end). Returns 0, or -1 with e set. */
int demo_bulk_start(sqlite3 *db, demo_bulk *b, int one_tx, int page_size, cdtt_err *e);

/* Builds b's indexes and what the triggers keep again (the derived tables
 * own fills by own's fill, schema_local_build; own may be NULL) and commits.
 * Returns 0, or -1 with e set (and, with one_tx, nothing of the load written). */
int demo_bulk_finish(sqlite3 *db, demo_bulk *b, const schema_filler *own, cdtt_err *e);

/* Frees what demo_bulk_start kept (safe on a zeroed b). */
void demo_bulk_free(demo_bulk *b);

#endif
