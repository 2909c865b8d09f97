/* training-query.h — reading what training recorded, for the screens: who
 * attended a session and the sessions held. */
#ifndef CDTT_TRAINING_QUERY_H
#define CDTT_TRAINING_QUERY_H

#include <sqlite3.h>
#include "cdtt.h"
#include "training.h"

/* The uuids (37 bytes each, malloc'd array in *uuids) of the non-deleted
 * members marked present at session_uuid. Returns the count, or -1 with e set. */
int training_attendees(sqlite3 *db, const char *session_uuid, char (**uuids)[37], cdtt_err *e);

/* A session with its uuid and the number of members marked present. */
typedef struct {
    char uuid[37];
    training_session_rec s;
    long attendees;
} training_session_row;

/* The non-deleted sessions, newest first. Returns the count (rows malloc'd in
 * *rows), or -1 with e set. */
int training_sessions(sqlite3 *db, training_session_row **rows, cdtt_err *e);

#endif
