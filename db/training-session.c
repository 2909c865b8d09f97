/* training-session.c — in-person training sessions and attendance. */
#include "training.h"
#include "training-common.h"
#include "audit.h"
#include "db.h"
#include "office.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int training_session_add(sqlite3 *db, const training_session_rec *s, char uuid[37], cdtt_err *e)
{
    office_rec o;
    training_session_rec c;
    memset(&c, 0, sizeof c);
    if (office_get(db, &o) < 0)
        return err_set(e, _("this file has no office yet; run 'cdtt init' first"));
    if (training_check_date(s->date, 1, _("session date"), e) < 0 ||
        training_clean_line(s->place, TRAINING_TEXT_MAX_CHARS, c.place, sizeof c.place, _("place"), e) < 0 ||
        training_clean_line(s->organiser, TRAINING_TEXT_MAX_CHARS, c.organiser, sizeof c.organiser, _("organiser"), e) < 0 ||
        training_clean_line(s->topic, TRAINING_TEXT_MAX_CHARS, c.topic, sizeof c.topic, _("topic"), e) < 0 ||
        training_clean_text(s->note, TRAINING_NOTE_MAX_CHARS, c.note, sizeof c.note, _("note"), e) < 0)
        return -1;
    training_stamp stamp;
    training_stamp_make(db, &stamp);
    db_uuid(uuid);
    if (db_begin(db, e) < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO training_session (uuid, unit_scheme, unit_code, date, place, organiser, topic, note, "
        "created_at, updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)", e);
    if (!st)
        goto fail;
    const char *vals[] = {uuid, o.scheme, o.code, s->date, c.place, c.organiser, c.topic, c.note,
                          stamp.now, stamp.office};
    for (int i = 0; i < 10; i++)
        sqlite3_bind_text(st, i + 1, vals[i], -1, SQLITE_TRANSIENT);
    if (training_step_done(db, st, _("cannot save the session"), e) < 0 ||
        audit_write(db, "training_session", uuid, "insert", NULL, e) < 0)
        goto fail;
    return db_commit(db, e);
fail:
    db_rollback(db);
    return -1;
}

/* The attendance row of member at session (deleted or not) into key; 0 when there is none. */
static int find_attendance(sqlite3 *db, const char *session, const char *member, char key[37], int *deleted)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
            "SELECT uuid, deleted FROM attendance WHERE session_uuid = ?1 AND member_uuid = ?2 "
            "ORDER BY deleted LIMIT 1", -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, session, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, member, -1, SQLITE_STATIC);
    int found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        snprintf(key, 37, "%s", sqlite3_column_text(st, 0));
        *deleted = sqlite3_column_int(st, 1);
    }
    sqlite3_finalize(st);
    return found;
}

/* Records one member present or absent; *changed grows when a row changed. */
static int mark_one(sqlite3 *db, const char *session, const char *member, int present,
                    const training_stamp *stamp, int *changed, cdtt_err *e)
{
    if (!training_row_exists(db, "member", member))
        return err_set(e, _("no member has the id '%s'"), member);
    char key[37];
    int deleted = 1, found = find_attendance(db, session, member, key, &deleted);
    if (present ? (found && !deleted) : (!found || deleted))
        return 0;
    sqlite3_stmt *st;
    char *old = NULL;
    if (!found) {
        db_uuid(key);
        st = db_prepare(db,
            "INSERT INTO attendance (uuid, session_uuid, member_uuid, created_at, updated_at, changed_by) "
            "VALUES (?1, ?2, ?3, ?4, ?4, ?5)", e);
        if (!st)
            return -1;
        sqlite3_bind_text(st, 2, session, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, member, -1, SQLITE_STATIC);
    } else {
        old = audit_row_json(db, "attendance", key);
        st = db_prepare(db, "UPDATE attendance SET deleted = ?2, updated_at = ?4, changed_by = ?5 WHERE uuid = ?1", e);
        if (!st) {
            free(old);
            return -1;
        }
        sqlite3_bind_int(st, 2, !present);
    }
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, stamp->now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, stamp->office, -1, SQLITE_STATIC);
    int rc = training_step_done(db, st, _("cannot save the attendance"), e);
    if (rc == 0)
        rc = audit_write(db, "attendance", key, !found ? "insert" : present ? "undelete" : "delete", old, e);
    free(old);
    if (rc == 0)
        (*changed)++;
    return rc;
}

int training_attendance_mark(sqlite3 *db, const char *session_uuid, const char *const *members, int n,
                             int present, int *changed, cdtt_err *e)
{
    training_batch b;
    if (training_batch_begin(db, &b, changed, e) < 0)
        return -1;
    int ok = training_row_exists(db, "training_session", session_uuid);
    if (!ok)
        err_set(e, _("no training session has the id '%s'"), session_uuid);
    for (int i = 0; ok && i < n; i++)
        ok = mark_one(db, session_uuid, members[i], present, &b.stamp, &b.count, e) == 0;
    return training_batch_end(db, &b, ok, changed, e);
}
