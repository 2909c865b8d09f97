/* activity.c — what teams did, as aggregate counts (never the citizens' data). */
#include "training.h"
#include "training-common.h"
#include "audit.h"
#include "db.h"

#include <string.h>

const char *const ACTIVITY_TYPES[] = {
    "outreach", "vneid", "public_services", "cashless", "ecommerce", "provincial_app",
    "digital_skills", "online_safety", "digital_signature", "other", NULL,
};

int activity_add(sqlite3 *db, const activity_rec *a, char uuid[37], cdtt_err *e)
{
    int known = 0;
    for (int i = 0; ACTIVITY_TYPES[i]; i++)
        known |= strcmp(a->type, ACTIVITY_TYPES[i]) == 0;
    if (!known)
        return err_set(e, _("unknown activity type '%s'"), a->type);
    if (a->people < 0 || a->households < 0)
        return err_set(e, _("the numbers of people and households helped cannot be negative"));
    char note[sizeof a->note];
    if (training_check_date(a->date, 1, _("activity date"), e) < 0 ||
        training_clean_text(a->note, TRAINING_NOTE_MAX_CHARS, note, sizeof note, _("note"), e) < 0)
        return -1;
    if (db_begin(db, e) < 0)
        return -1;
    if (!training_row_exists(db, "team", a->team_uuid)) {
        err_set(e, _("no team has the id '%s'"), a->team_uuid);
        goto fail;
    }
    training_stamp stamp;
    training_stamp_make(db, &stamp);
    db_uuid(uuid);
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO activity (uuid, team_uuid, date, type, people, households, note, created_at, "
        "updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)", e);
    if (!st)
        goto fail;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, a->team_uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, a->date, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, a->type, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, a->people);
    sqlite3_bind_int64(st, 6, a->households);
    sqlite3_bind_text(st, 7, note, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, stamp.now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, stamp.office, -1, SQLITE_STATIC);
    if (training_step_done(db, st, _("cannot save the activity"), e) < 0 ||
        audit_write(db, "activity", uuid, "insert", NULL, e) < 0)
        goto fail;
    return db_commit(db, e);
fail:
    db_rollback(db);
    return -1;
}
