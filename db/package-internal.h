/* package-internal.h — what the db/package-*.c modules that import packages
 * share (not a contract for other modules: use package.h). */
#ifndef CDTT_PACKAGE_INTERNAL_H
#define CDTT_PACKAGE_INTERNAL_H

#include <sqlite3.h>
#include "package.h"

/* The merge of one file into the main database; the package is attached as "pkg". */
typedef struct {
    sqlite3 *db;
    const package_manifest *m;
    const package_import_opts *o;
    char me[32];             /* this office's key ("scheme:code") */
    char source[32];         /* the package's office key */
    sqlite3_stmt *unit;      /* province_code, parent_code of a unit in main (unit_in_scope) */
    sqlite3_stmt *unit_name; /* the name of a unit in main */
    package_import_result *r;
} merge_ctx;

/* ---- package-owner.c: who owns a record ---- */

/* Whether a record of unit (scheme, code) lies under the package's office: the
 * office itself, or (a district's or province's package) a commune under it by
 * this office's unit list (a unit the list does not know is taken as under it). */
int unit_in_scope(merge_ctx *x, const char *scheme, const char *code);

/* Statements that check one table's rows against ownership. */
typedef struct owner_check owner_check;

/* Prepares the checks of table. Returns NULL with e set on failure. */
owner_check *owner_check_new(merge_ctx *x, const char *table, cdtt_err *e);
void owner_check_free(owner_check *o);

/* Whether the package's row uuid may be written: its commune (its own, or its
 * team's, session's, member's as this file holds them after the tables before
 * it were merged) lies under the package's office, all its links point to
 * records of that one commune, and the row this file already holds under that
 * uuid (if any) belongs to such a commune too. Returns 1 when it may, 0 after
 * writing the reason (translated) into reason, -1 with e set on error. */
int owner_row_ok(owner_check *o, const char *uuid, char *reason, size_t n, cdtt_err *e);

/* ---- package-merge.c: the rows ---- */

/* Merges every row of the package's table into main (see package_import_with). */
int merge_table(merge_ctx *x, const char *table, cdtt_err *e);

/* ---- package-source.c: the offices below and their files ---- */

/* What this file knows of the package's office. */
typedef struct {
    int known;              /* a package of it was merged before */
    char instance[40];      /* the instance last taken ("" for packages of an older cdtt) */
    long long sequence;     /* the sequence last taken */
    char created_at[32];    /* when that package was made */
} source_state;

/* Reads what this file knows of the office (scheme, code). Returns 0 or -1 with e set. */
int source_get(sqlite3 *db, const char *scheme, const char *code, source_state *s, cdtt_err *e);

/* Remembers m as the last package taken from its office. Returns 0 or -1 with e set. */
int source_put(sqlite3 *db, const package_manifest *m, cdtt_err *e);

/* ---- package-withdraw.c: taking an office's records out ---- */

/* Marks deleted every live record (and membership, attendance, activity of its
 * teams, sessions and members) of a unit under the office (scheme, code) —
 * office included — that the attached package "pkg" does not hold (every one
 * when with_package is 0); closes their open conflicts as superseded and
 * forgets their merge bases. Adds the number of records marked to *n. Call
 * inside a transaction. Returns 0 or -1 with e set. */
int withdraw_office(sqlite3 *db, const char *scheme, const char *code, int with_package, long long *n,
                    cdtt_err *e);

#endif
