/* db-stamp.h — what every change is stamped with: the time, a fresh UUID, the
 * operating-system user, and the office that owns the file (read here; set
 * through office.h). */
#ifndef CDTT_DB_STAMP_H
#define CDTT_DB_STAMP_H

#include <sqlite3.h>
#include "cdtt.h"

/* Writes the current UTC time as "YYYY-MM-DDTHH:MM:SS.mmmZ" (24 chars + NUL).
 * Successive calls in one process never return the same or an earlier value. */
void db_now(char out[32]);

/* Writes a fresh random (version 4) UUID, 36 chars + NUL. */
void db_uuid(char out[37]);

/* The operating-system user running the program ("unknown" if none). */
const char *db_os_user(void);

/* The office that owns the file. */
typedef struct {
    char scheme[12]; /* "2025-07" or "pre-2025" */
    char code[12];   /* text, leading zeros kept */
    char level[12];  /* commune district province national */
    char name[512];
} office_rec;

/* Reads the office. Returns 0, or -1 when the file has none yet. */
int office_get(sqlite3 *db, office_rec *o);

/* Writes the office key "scheme:code" (or "unset" when there is no office). */
void office_key(sqlite3 *db, char out[32]);

#endif
