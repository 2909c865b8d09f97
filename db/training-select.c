/* training-select.c — choosing the members a bulk change applies to. */
#include "training.h"
#include "db.h"
#include "progress-sql.h"

#include <stdio.h>
#include <stdlib.h>

int training_members_in(sqlite3 *db, const char *team_uuid, const char *area_uuid, const char *date,
                        char (**uuids)[37], int *n, cdtt_err *e)
{
    *uuids = NULL;
    *n = 0;
    sqlite3_stmt *st = db_prepare(db,
        "SELECT m.uuid FROM membership ms JOIN team t ON t.uuid = ms.team_uuid "
        "JOIN member m ON m.uuid = ms.member_uuid AND m.deleted = 0 "
        "WHERE " PSQL_TEAM_COUNTS " AND " PSQL_MEMBERSHIP_ON("?1")
        " AND (?2 IS NULL OR t.uuid = ?2) AND (?3 IS NULL OR t.area_uuid = ?3) "
        "GROUP BY m.uuid ORDER BY m.sort_key, m.uuid", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
    db_bind_text_or_null(st, 2, team_uuid);
    db_bind_text_or_null(st, 3, area_uuid);
    int rc, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            *uuids = xrealloc(*uuids, (size_t)cap * sizeof **uuids);
        }
        snprintf((*uuids)[(*n)++], 37, "%s", sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*uuids);
        *uuids = NULL;
        *n = 0;
        return db_fail(db, e, _("cannot list the members"));
    }
    return 0;
}

int training_session_date(sqlite3 *db, const char *session_uuid, char date[11], cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT date FROM training_session WHERE uuid = ?1 AND deleted = 0", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, session_uuid, -1, SQLITE_STATIC);
    int found = sqlite3_step(st) == SQLITE_ROW;
    if (found)
        snprintf(date, 11, "%s", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return found ? 0 : err_set(e, _("no training session has the id '%s'"), session_uuid);
}
