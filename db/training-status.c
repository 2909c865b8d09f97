/* training-status.c — members' MOOC course and Zalo OA status, one or many at once. */
#include "training.h"
#include "training-common.h"
#include "audit.h"
#include "db.h"

#include <stdlib.h>
#include <string.h>

/* Runs the constant UPDATE sql (?1 member, ?2 ?3 values, ?4 now, ?5 office) for
 * each member, in one transaction, with an audit entry for each row that changed.
 * v3s, when not NULL, gives each member its own ?3 instead of v3. */
static int update_each(sqlite3 *db, const char *sql, const char *const *members, int n, const char *v2,
                       const char *v3, const char *const *v3s, int *changed, cdtt_err *e)
{
    training_batch b;
    if (training_batch_begin(db, &b, changed, e) < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        if (!training_row_exists(db, "member", members[i])) {
            err_set(e, _("no member has the id '%s'"), members[i]);
            return training_batch_end(db, &b, 0, changed, e);
        }
        char *old = audit_row_json(db, "member", members[i]);
        sqlite3_stmt *st = db_prepare(db, sql, e);
        if (!st) {
            free(old);
            return training_batch_end(db, &b, 0, changed, e);
        }
        sqlite3_bind_text(st, 1, members[i], -1, SQLITE_STATIC);
        db_bind_text_or_null(st, 2, v2);
        db_bind_text_or_null(st, 3, v3s ? (v3s[i] && *v3s[i] ? v3s[i] : NULL) : v3);
        sqlite3_bind_text(st, 4, b.stamp.now, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, b.stamp.office, -1, SQLITE_STATIC);
        int rc = training_step_done(db, st, _("cannot save the member"), e);
        int did = rc == 0 && sqlite3_changes(db) > 0;
        if (did)
            rc = audit_write(db, "member", members[i], "update", old, e);
        free(old);
        if (rc < 0)
            return training_batch_end(db, &b, 0, changed, e);
        b.count += did;
    }
    return training_batch_end(db, &b, 1, changed, e);
}

static int update_members(sqlite3 *db, const char *sql, const char *const *members, int n, const char *v2,
                          const char *v3, int *changed, cdtt_err *e)
{
    return update_each(db, sql, members, n, v2, v3, NULL, changed, e);
}

int training_mooc_completed(sqlite3 *db, const char *const *members, const char *const *dates, int n,
                            int *changed, cdtt_err *e)
{
    for (int i = 0; i < n; i++)
        if (training_check_date(dates[i], 0, _("MOOC completion date"), e) < 0)
            return -1;
    return update_each(db,
        "UPDATE member SET mooc_status = ?2, mooc_date = ?3, updated_at = ?4, changed_by = ?5 "
        "WHERE uuid = ?1 AND (mooc_status IS NOT ?2 OR mooc_date IS NOT ?3)",
        members, n, "completed", NULL, dates, changed, e);
}

int training_mooc_set(sqlite3 *db, const char *const *members, int n, const char *status,
                      const char *date, int *changed, cdtt_err *e)
{
    if (!status || (strcmp(status, "not_started") != 0 && strcmp(status, "in_progress") != 0 &&
                    strcmp(status, "completed") != 0))
        return err_set(e, _("the MOOC status must be not_started, in_progress or completed"));
    int completed = strcmp(status, "completed") == 0;
    if (training_check_date(date, 0, _("MOOC completion date"), e) < 0)
        return -1;
    return update_members(db,
        "UPDATE member SET mooc_status = ?2, mooc_date = ?3, updated_at = ?4, changed_by = ?5 "
        "WHERE uuid = ?1 AND (mooc_status IS NOT ?2 OR mooc_date IS NOT ?3)",
        members, n, status, completed ? date : NULL, changed, e);
}

int training_zalo_set(sqlite3 *db, const char *const *members, int n, const char *date, int *changed,
                      cdtt_err *e)
{
    if (training_check_date(date, 0, _("Zalo OA date"), e) < 0)
        return -1;
    return update_members(db,
        "UPDATE member SET zalo_date = ?2, updated_at = ?4, changed_by = ?5 "
        "WHERE uuid = ?1 AND zalo_date IS NOT ?2",
        members, n, date, NULL, changed, e);
}
