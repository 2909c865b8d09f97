/* office.h — setting the office that owns this file: a commune, or a
 * district/province that consolidates the files of the offices under it
 * (office_rec, and reading it: db-stamp.h). */
#ifndef CDTT_OFFICE_H
#define CDTT_OFFICE_H

#include "db-stamp.h"

/* Sets (or replaces) the office, with an audit entry, in one transaction; the
 * name is checked and cleaned as a form's name is (validate_name). A
 * file given to another office than its own (or its first office) becomes a
 * new instance of a file (new instance id, no package made yet); when it holds
 * records, they get new identities (uuids) and the old office's own records
 * become the new office's, so that they never travel up as changes to the old
 * office's records. *rekeyed (may be NULL) gets the number of records given new
 * identities. Returns 0 or -1 with e set. */
int office_change(sqlite3 *db, const office_rec *o, long long *rekeyed, cdtt_err *e);

/* Inside the caller's transaction: the file now belongs to office o (as it
 * is given: nothing renamed or checked), as a new instance of a file with no
 * package made yet, a key of its own and no office below remembered; the
 * records keep their identities (cdtt migrate moves their owners itself).
 * Audited. Returns 0 or -1 with e set. */
int office_move_in(sqlite3 *db, const office_rec *o, cdtt_err *e);

/* office_change without the count. */
int office_set(sqlite3 *db, const office_rec *o, cdtt_err *e);

#endif
