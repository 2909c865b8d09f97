/* office-internal.h — what db/office-rekey.c shares with db/office.c and
 * db/migrate-run.c. */
#ifndef CDTT_OFFICE_INTERNAL_H
#define CDTT_OFFICE_INTERNAL_H

#include "office.h"

/* Inside the caller's transaction: gives every travelling record a new uuid
 * (references, the audit log follow), moves the records of office from to
 * office to, and marks every record changed by to with nothing merged from
 * below; open conflicts are superseded, the offices below forgotten. Writes the
 * number of records to *n. Returns 0 or -1 with e set. */
int office_rekey(sqlite3 *db, const office_rec *from, const office_rec *to, long long *n, cdtt_err *e);

/* Inside the caller's transaction: the records of office from (its villages,
 * teams, members, sessions) become office to's, and every travelling record is
 * marked changed by to with nothing merged from below. Uuids are kept. Returns 0
 * or -1 with e set. */
int office_reown(sqlite3 *db, const office_rec *from, const office_rec *to, cdtt_err *e);

#endif
