/* conflict.h — records changed both here and below since the last import:
 * listing them and resolving them (keep mine / take theirs). */
#ifndef CDTT_CONFLICT_H
#define CDTT_CONFLICT_H

#include <sqlite3.h>
#include "cdtt.h"

typedef struct {
    long long id;
    char tbl[32];
    char record_uuid[37];
    char source[32];          /* office key of the office below */
    char detected_at[32];
    char incoming_updated_at[32];
    char resolution[8];       /* "", "mine" or "theirs" */
    char resolved_at[32];
    char label[512];          /* a readable name of the record (full name, team name…) */
    char *local_json;         /* malloc'd: the local row when detected */
    char *incoming_json;      /* malloc'd: the row from below */
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

/* Records a conflict for table/uuid unless the same incoming version is already
 * recorded. Call inside the import's transaction. Returns 1 when added, 0 when
 * already known, -1 with e set. */
int conflict_add(sqlite3 *db, const char *table, const char *uuid, const char *incoming_json,
                 const char *incoming_updated_at, const char *source, cdtt_err *e);

/* Resolves conflict id in one transaction: "mine" keeps the local row and makes it
 * newer than the incoming version (so it travels up next time), "theirs" writes the
 * incoming version over the local row. Audited. Returns 0, or -1 with e set
 * (unknown id, already resolved, bad choice). The choice is made on the local
 * version the conflict shows (local_json): when the local row changed since,
 * nothing is decided; the conflict then shows the local row as it is now (that
 * much is saved) and e says to look again. */
int conflict_resolve(sqlite3 *db, long long id, const char *choice, cdtt_err *e);

#endif
