/* audit-read.h — reading the audit log back as changes in words: which record,
 * who, when, and each field that changed with its label and its old and new
 * values (personal identifiers hidden unless asked for). */
#ifndef CDTT_AUDIT_READ_H
#define CDTT_AUDIT_READ_H

#include <sqlite3.h>
#include "cdtt.h"

typedef struct {
    const char *record; /* only this record's history (uuid), or NULL */
    const char *since;  /* only entries on or after this day ("YYYY-MM-DD"), or NULL */
    const char *office; /* only records of this commune, or changes made by this office (code), or NULL */
    int full;           /* show personal identifiers (phone, CCCD, e-mail) */
    int newest_first;   /* newest entries first (default: oldest first) */
    int limit;          /* at most this many entries (0 = all) */
} audit_query;

#define AUDIT_MAX_CHANGES 32

/* One field of one entry: its label and its values in words. */
typedef struct {
    char column[32];
    char label[128];
    char old_text[600];
    char new_text[600];
} audit_change;

/* One entry of the log, in words. */
typedef struct {
    long long id;
    char at[20];          /* "dd/mm/yyyy HH:MM" (UTC, as stored) */
    char os_user[64];
    char office[32];      /* "scheme:code" of the office that made the change */
    char table[32];
    char kind[64];        /* the table's record kind in words ("member") */
    char uuid[40];
    char name[600];       /* the record's name ("Nguyễn Văn An"; a membership: member, team) */
    char action[16];      /* insert update delete undelete resolve … */
    char action_text[64]; /* the action in words */
    int n_changes;        /* fields whose value changed (for an insert: those set) */
    audit_change changes[AUDIT_MAX_CHANGES];
} audit_entry;

/* Called for each entry in q's order; a non-zero return stops the reading. */
typedef int (*audit_entry_fn)(const audit_entry *en, void *arg);

/* Reads the entries q selects, oldest first (or newest first), calling fn for
 * each. Returns the number of entries read, or -1 with e set. */
long audit_read(sqlite3 *db, const audit_query *q, audit_entry_fn fn, void *arg, cdtt_err *e);

#endif
