/* training-query.c — who attended a session, and the sessions held. */
#include "training-query.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copies text column i of st into out (n bytes); NULL gives "". */
static void col_text(sqlite3_stmt *st, int i, char *out, size_t n)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    snprintf(out, n, "%s", t ? (const char *)t : "");
}

int training_attendees(sqlite3 *db, const char *session_uuid, char (**uuids)[37], cdtt_err *e)
{
    *uuids = NULL;
    sqlite3_stmt *st = db_prepare(db,
        "SELECT a.member_uuid FROM attendance a JOIN member m ON m.uuid = a.member_uuid "
        "WHERE a.session_uuid = ?1 AND a.deleted = 0 AND m.deleted = 0 ORDER BY a.member_uuid", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, session_uuid, -1, SQLITE_STATIC);
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            *uuids = xrealloc(*uuids, (size_t)cap * sizeof **uuids);
        }
        col_text(st, 0, (*uuids)[n++], 37);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*uuids);
        *uuids = NULL;
        return db_fail(db, e, _("cannot read the attendance"));
    }
    return n;
}

int training_sessions(sqlite3 *db, training_session_row **rows, cdtt_err *e)
{
    *rows = NULL;
    sqlite3_stmt *st = db_prepare(db,
        "SELECT s.uuid, s.date, s.place, s.organiser, s.topic, s.note, "
        "(SELECT count(*) FROM attendance a JOIN member m ON m.uuid = a.member_uuid "
        " WHERE a.session_uuid = s.uuid AND a.deleted = 0 AND m.deleted = 0) "
        "FROM training_session s WHERE s.deleted = 0 ORDER BY s.date DESC, s.created_at DESC", e);
    if (!st)
        return -1;
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            *rows = xrealloc(*rows, (size_t)cap * sizeof **rows);
        }
        training_session_row *r = &(*rows)[n++];
        memset(r, 0, sizeof *r);
        col_text(st, 0, r->uuid, sizeof r->uuid);
        col_text(st, 1, r->s.date, sizeof r->s.date);
        col_text(st, 2, r->s.place, sizeof r->s.place);
        col_text(st, 3, r->s.organiser, sizeof r->s.organiser);
        col_text(st, 4, r->s.topic, sizeof r->s.topic);
        col_text(st, 5, r->s.note, sizeof r->s.note);
        r->attendees = (long)sqlite3_column_int64(st, 6);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*rows);
        *rows = NULL;
        return db_fail(db, e, _("cannot read the sessions"));
    }
    return n;
}
