/* package-internal.h — what the db/package-*.c modules that import packages
 * share (not a contract for other modules: use package.h). */
#ifndef CDTT_PACKAGE_INTERNAL_H
#define CDTT_PACKAGE_INTERNAL_H

#include <sqlite3.h>
#include "package.h"
#include "package-pack.h"

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
    char into[8];            /* a package across the reorganisation: the 2025-07 commune
                              * its records now belong to ("" otherwise; package-cross.c) */
} merge_ctx;

/* ---- package-verify.c: a package's private copy ---- */

/* package_verify on the private copy path of a package; h is the header it
 * was unpacked from (package_private_unpack), NULL for a plain package. */
int package_verify_copy(sqlite3 *db, const char *path, const pack_header *h, package_manifest *m, cdtt_err *e);

/* Puts the package path into the private folder pp (begun) as the import
 * reads it: an encrypted one opened with db's office key, any other copied;
 * then a compressed one unpacked there (its payload digest checked, h
 * filled), and the SQLite file off WAL; pp->copy names that file. Messages
 * name path. Returns 1 (it was compressed), 0, or -1 with e set. */
int package_private_take(sqlite3 *db, package_private *pp, const char *path, pack_header *h, cdtt_err *e);

/* Writes path (the user's file) in place of copy (the private copy) in e's message. */
void package_name_user_file(cdtt_err *e, const char *copy, const char *path);

/* ---- package-cross.c: packages of pre-2025 communes at a 2025-07 office ---- */

/* Whether db's office takes the package m across the reorganisation: 0 it is
 * not such a package, 1 it takes it, -1 refused with e set (a commune missing
 * from the mapping, one that did not go into this commune or province, a
 * divided commune's package at a province). Reads db only. */
int package_cross_allowed(sqlite3 *db, const package_manifest *m, cdtt_err *e);

/* package_cross_allowed, then on the private copy of the package: the records
 * of the old commune get the new commune (written to into) as their owner; a
 * divided commune's package must hold none of them any more (only what its
 * migration placed in this commune). Returns 0 (not crossing; into ""), 1, or
 * -1 with e set. */
int package_cross_prepare(sqlite3 *db, const char *copy, const package_manifest *m, char into[8], cdtt_err *e);

/* ---- package-owner.c: who owns a record ---- */

/* Whether a record of unit (scheme, code) lies under the package's office: the
 * office itself, or (a district's or province's package) a commune under it by
 * this office's unit list (a unit the list does not know, or a failed lookup, is not). */
int unit_in_scope(merge_ctx *x, const char *scheme, const char *code);

/* The statement that reads the package's rows of table, ordered by uuid: uuid,
 * version, deleted, changed_by, updated_at, then from column OWNER_ROWS_COL
 * what ownership needs (the row's unit; per link: its value, whether this file
 * holds the record it names, and that record's unit, as this file holds it when
 * the statement steps). malloc'd (sqlite3_free). */
#define OWNER_ROWS_COL 5
char *owner_rows_sql(const char *table);

/* The statement that reads this file's row ?1 of table: version, base_version,
 * changed_by, deleted, then from column OWNER_LOCAL_COL its unit and the units of
 * the records it hangs on here. malloc'd (sqlite3_free). */
#define OWNER_LOCAL_COL 4
char *owner_local_sql(const char *table);

/* Whether the package's row (the current row of the owner_rows_sql statement)
 * may be written: its commune (its own, or that of the team, session or member
 * it hangs on) lies under the package's office, and all its links point to
 * records of one commune. Returns 1, or 0 after writing the reason (translated). */
int owner_incoming_ok(merge_ctx *x, const char *table, sqlite3_stmt *rows, char *reason, size_t n);

/* Whether this file's row under the same uuid (the current row of the
 * owner_local_sql statement), and what it hangs on here, belong under the
 * package's office too. Returns 1, or 0 after writing the reason. */
int owner_stored_ok(merge_ctx *x, sqlite3_stmt *local, char *reason, size_t n);

/* ---- package-derived.c: derived columns computed, never taken ---- */

/* The SQL expression that computes the derived column table.column (folded
 * name, sort key) from the row's own values, or NULL for a column the package
 * supplies. The expressions call the functions package_derived_register adds. */
const char *package_derived_value(const char *table, const char *column);

/* Adds (on 1) or removes (on 0) the SQL functions of the derived values on db:
 * cdtt_fold, cdtt_sort_key, cdtt_name_sort_key (text.h), callable from
 * statements only, never from a schema. Returns 0, or -1 when they cannot be added. */
int package_derived_register(sqlite3 *db, int on);

/* The columns cols (a quoted list, as package_column_list gives it) of table
 * written once each through the pattern each, in which %c stands for the
 * column's name and %v for the value the merge takes (package_derived_value,
 * else the quoted column), joined by ", " (package-manifest.c). malloc'd. */
char *package_value_map(const char *table, const char *cols, const char *each);

/* ---- package-validate.c: every value checked as the forms check it ---- */

/* What checks the rows of one table of the package "pkg" (its statement and
 * each column's check, prepared once). */
typedef struct package_row_check package_row_check;

/* The checker of table's rows; NULL with e set. */
package_row_check *package_row_check_new(sqlite3 *db, const char *table, cdtt_err *e);
void package_row_check_free(package_row_check *c);

/* Whether every value of the package's row uuid is one a form or a CSV
 * import of cdtt could have stored: an id of 1–36 letters, digits and dashes
 * (cdtt writes canonical UUIDs), names, notes and one-line texts in their
 * clean form (valid UTF-8, NFC, no control characters, within their lengths),
 * phone, CCCD and e-mail as stored, dates that exist, choice codes of their
 * lists, counts from 0 to PACKAGE_COUNT_MAX, versions and times within range.
 * Returns 1, 0 after writing into reason (translated) what is wrong, field by
 * field, or -1 when the row cannot be read. Derived columns are not checked:
 * they are computed. */
int package_row_valid(package_row_check *c, const char *uuid, char *reason, size_t n);

/* Whether the merge knows how to check table.column (every column of every
 * travelling table must be: a test holds the schema to it). */
int package_column_checked(const char *table, const char *column);

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
 * teams and sessions) of a unit under the office (scheme, code) — office
 * included — that the attached package "pkg" does not hold (every one when
 * with_package is 0), on that office's behalf (changed_by its key) and with
 * nothing from below counted as seen (base_version 0), so that its next
 * package brings them back; closes their open conflicts as superseded and
 * forgets their merge bases; audited. Adds the number of records marked to *n.
 * Call inside a transaction. Returns 0 or -1 with e set. */
int withdraw_office(sqlite3 *db, const char *scheme, const char *code, int with_package, long long *n,
                    cdtt_err *e);

#endif
