/* audit.h — the audit log: who changed which record, when, from what to what. */
#ifndef CDTT_AUDIT_H
#define CDTT_AUDIT_H

#include <sqlite3.h>
#include "cdtt.h"

/* The row of table whose key (uuid; id for "office") is key, as a JSON object
 * (malloc'd), or NULL when there is no such row. table must be a cdtt table. */
char *audit_row_json(sqlite3 *db, const char *table, const char *key);

/* Appends an audit entry for table/key: the OS user, this office, now, action
 * (insert update delete undelete import resolve), old_json (may be NULL) and the
 * row as it is now. Call inside the transaction that made the change.
 * Returns 0 or -1 with e set. */
int audit_write(sqlite3 *db, const char *table, const char *key, const char *action,
                const char *old_json, cdtt_err *e);

#endif
