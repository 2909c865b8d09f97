/* conflict.h — records changed both here and below since the last import:
 * listing them field by field and resolving them (keep mine, take theirs, or
 * field by field). At most one conflict per record is open: a newer version
 * from below updates it. */
#ifndef CDTT_CONFLICT_H
#define CDTT_CONFLICT_H

#include <sqlite3.h>
#include "cdtt.h"

typedef struct {
    long long id;
    char tbl[32];
    char record_uuid[37];
    char source[32];          /* office key of the office below */
    char source_name[512];    /* its name ("Phường Ba Đình"), or the key when unknown */
    char detected_at[32];
    char incoming_updated_at[32];
    long long incoming_version;
    char resolution[12];      /* "", "mine", "theirs", "fields" or "superseded" */
    char resolved_at[32];
    char label[512];          /* a readable name of the record (full name, team name…) */
    char *local_json;         /* malloc'd: the record here (now while open, when detected after) */
    char *incoming_json;      /* malloc'd: the version from below */
    char *base_json;          /* malloc'd: the version both sides changed, or NULL when unknown */
} conflict_rec;

typedef struct {
    conflict_rec *items;
    int n;
} conflict_list;

/* Lists conflicts, oldest first: only open ones unless all. Returns 0 or -1 with e set. */
int conflict_list_get(sqlite3 *db, int all, conflict_list *out, cdtt_err *e);
/* Frees what conflict_list_get allocated. */
void conflict_list_free(conflict_list *l);

/* The number of open conflicts (or -1). */
long long conflict_open_count(sqlite3 *db);

/* One field in which the two versions of a conflict differ. */
typedef struct {
    int number;        /* its number among the table's fields (field_number): chooses it */
    char column[32];
    const char *label; /* translated */
    char *here;        /* malloc'd: the value here as people read it (field_display; "" for none) */
    char *incoming;    /* malloc'd: the value from below, the same way */
    int both;          /* 1: changed on both sides (or the version they started from is unknown) */
} conflict_field;

/* The fields in which c's versions differ, in the table's order. Returns 0 or -1 with e set. */
int conflict_fields(sqlite3 *db, const conflict_rec *c, conflict_field **out, int *n, cdtt_err *e);
void conflict_fields_free(conflict_field *f, int n);

/* Whether table/uuid has an open conflict. */
int conflict_is_open(sqlite3 *db, const char *table, const char *uuid);

/* Records the incoming version of table/uuid as the record's open conflict,
 * inside the import's transaction: a new conflict, or the open one updated
 * when the version is newer than the one it holds. base_json (may be NULL) is
 * the version both sides started from. Returns 1 added, 2 updated, 0 when this
 * or a newer version is already recorded, -1 with e set. */
int conflict_record(sqlite3 *db, const char *table, const char *uuid, const char *incoming_json,
                    long long incoming_version, const char *incoming_updated_at, const char *base_json,
                    const char *source, cdtt_err *e);

/* Closes the open conflict of table/uuid, if any, as superseded (the record
 * was replaced or withdrawn). Returns 0 or -1 with e set. */
int conflict_supersede(sqlite3 *db, const char *table, const char *uuid, cdtt_err *e);

/* Resolves conflict id in one transaction: every differing field keeps this
 * office's value ("mine") or takes the incoming one ("theirs"), except the
 * fields named in except (column names, or field numbers as text), which take
 * the other side. The record's version then rises above every version it has
 * seen (so "mine" travels up as the newest); the incoming version counts as
 * merged, so that later changes from below merge field by field with the
 * choice. Audited. Returns 0, or -1 with e set (unknown id, already resolved,
 * bad choice or field). */
int conflict_resolve_fields(sqlite3 *db, long long id, const char *choice, const char *const *except,
                            int n_except, cdtt_err *e);

/* conflict_resolve_fields without exceptions. */
int conflict_resolve(sqlite3 *db, long long id, const char *choice, cdtt_err *e);

#endif
