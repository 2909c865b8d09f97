/* merge-fields.h — comparing and combining versions of one record field by
 * field (db/merge-fields.c), for the merge of packages and the resolution of
 * conflicts. A version is a record as a JSON object (audit_row_json). Private
 * to db/. */
#ifndef CDTT_MERGE_FIELDS_H
#define CDTT_MERGE_FIELDS_H

#include <sqlite3.h>
#include "cdtt.h"

/* A set of column names (malloc'd). */
typedef struct {
    char **cols;
    int n;
} field_set;

void field_set_free(field_set *f);
/* Whether f holds column. */
int field_set_has(const field_set *f, const char *column);

/* Whether column is bookkeeping rather than content (uuid, times, versions,
 * changed_by, and the folded name and sort key that follow the name): such
 * columns are never compared nor chosen. */
int field_is_bookkeeping(const char *column);

/* The content columns in which the JSON rows a and b differ, in a's order. Returns 0 or -1 with e set. */
int fields_differing(sqlite3 *db, const char *a, const char *b, field_set *out, cdtt_err *e);

/* Three-way comparison against base, the version both sides started from:
 * below gets the columns incoming changed, both those of them that local
 * changed too, to another value. Returns 0 or -1 with e set. */
int fields_diff3(sqlite3 *db, const char *base, const char *local, const char *incoming, field_set *below,
                 field_set *both, cdtt_err *e);

/* Writes the columns f of the JSON row src over the row uuid of table (a name
 * brings its folded name and sort key, computed here from it, never taken from
 * src), with base_version and changed_by;
 * the version triggers then give the row the next version. Returns 0 or -1 with e set. */
int fields_apply(sqlite3 *db, const char *table, const char *uuid, const char *src, const field_set *f,
                 long long base_version, const char *changed_by, cdtt_err *e);

/* The version a record changed here started from: its content as last merged
 * from below at version base_version, or NULL when unknown (malloc'd JSON).
 * me is this office's key. */
char *merge_base_find(sqlite3 *db, const char *table, const char *uuid, long long base_version, const char *me);
/* Remembers json as the version last merged from below of table/uuid. Returns 0 or -1 with e set. */
int merge_base_put(sqlite3 *db, const char *table, const char *uuid, long long version, const char *json,
                   cdtt_err *e);
/* Forgets it (the record here equals the version from below again). Returns 0 or -1 with e set. */
int merge_base_forget(sqlite3 *db, const char *table, const char *uuid, cdtt_err *e);

#endif
