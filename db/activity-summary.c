/* activity-summary.c — activities and sessions of a period, summed by type. */
#include "training.h"
#include "db.h"

#include <string.h>

const char *activity_type_label(int i)
{
    static const char *const labels[] = {
        N_("Outreach"), N_("VNeID"), N_("Online public services"), N_("Cashless payment"),
        N_("E-commerce"), N_("Provincial app"), N_("Digital skills (digital literacy for all)"),
        N_("Online safety"), N_("Digital signature"), N_("Other"),
    };
    return i >= 0 && i < 10 ? _(labels[i]) : "";
}

int activity_summarise(sqlite3 *db, const char *from, const char *to, activity_summary *s, cdtt_err *e)
{
    memset(s, 0, sizeof *s);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT ac.type, count(*), sum(ac.people), sum(ac.households) FROM activity ac "
        "JOIN team t ON t.uuid = ac.team_uuid AND t.deleted = 0 "
        "WHERE ac.deleted = 0 AND ac.date >= ?1 AND ac.date <= ?2 GROUP BY ac.type", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(st, 0);
        for (int i = 0; ACTIVITY_TYPES[i]; i++)
            if (type && strcmp(type, ACTIVITY_TYPES[i]) == 0) {
                s->count[i] = sqlite3_column_int64(st, 1);
                s->people[i] = sqlite3_column_int64(st, 2);
                s->households[i] = sqlite3_column_int64(st, 3);
            }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, e, _("cannot sum the activities"));
    st = db_prepare(db, "SELECT count(*) FROM training_session WHERE deleted = 0 AND date >= ?1 AND date <= ?2", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        s->sessions = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : db_fail(db, e, _("cannot sum the activities"));
}
