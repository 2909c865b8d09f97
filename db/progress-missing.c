/* progress-missing.c — who (or which team) still lacks an indicator as of a date. */
#include "progress.h"
#include "db.h"
#include "progress-sql.h"

#include <stdlib.h>
#include <string.h>

/* Teams that count as of ?1, of area ?4 when it is not NULL ('' = no area). */
#define TEAMS_IN_SCOPE                                                               \
    "tc AS (SELECT t.uuid AS uuid, t.name AS name, t.sort_key AS tsort, "            \
    "  coalesce(a.name, '') AS aname, coalesce(a.sort_key, '') AS asort FROM team t " \
    "  LEFT JOIN area a ON a.uuid = t.area_uuid AND a.deleted = 0 "                  \
    "  WHERE " PSQL_TEAM_COUNTS " AND (?4 IS NULL OR coalesce(a.uuid, '') = ?4))"

/* Members of those teams lacking MOOC (?5 = 0) or Zalo (?5 = 1). */
static const char MEMBERS_MISSING[] =
    "WITH " TEAMS_IN_SCOPE ", "
    "cm AS (SELECT DISTINCT ms.member_uuid AS mu, tc.uuid AS tu, tc.name AS tname, tc.aname AS aname "
    "  FROM membership ms JOIN tc ON tc.uuid = ms.team_uuid WHERE " PSQL_MEMBERSHIP_ON("?1") ") "
    "SELECT m.uuid, m.full_name, group_concat(cm.tname, '; '), "
    "  coalesce(group_concat(DISTINCT nullif(cm.aname, '')), ''), m.mooc_status "
    "FROM cm JOIN member m ON m.uuid = cm.mu AND m.deleted = 0 "
    "WHERE NOT (CASE ?5 WHEN 0 THEN " PSQL_MOOC_DONE " ELSE " PSQL_ZALO_DONE " END) "
    "GROUP BY m.uuid ORDER BY m.sort_key, m.uuid";

/* Teams with fewer than ?2 attendees who were their members. */
static const char TEAMS_MISSING[] =
    "WITH " TEAMS_IN_SCOPE ", " PSQL_TRAINED_CTE " "
    "SELECT tc.uuid, tc.name, '', tc.aname, coalesce(tr.n, 0) FROM tc "
    "LEFT JOIN trained tr ON tr.team_uuid = tc.uuid WHERE coalesce(tr.n, 0) < ?2 "
    "ORDER BY tc.asort, tc.tsort, tc.uuid";

long progress_missing(sqlite3 *db, const cdtt_config *cfg, enum target_indicator ind, const char *as_of,
                      const char *area_uuid, progress_missing_fn fn, void *arg, cdtt_err *e)
{
    int min = cfg->inperson_min_attendees > 0 ? cfg->inperson_min_attendees : 1;
    sqlite3_stmt *st = db_prepare(db, ind == TARGET_INPERSON ? TEAMS_MISSING : MEMBERS_MISSING, e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, as_of, -1, SQLITE_STATIC);
    if (ind == TARGET_INPERSON)
        sqlite3_bind_int(st, 2, min);
    else
        sqlite3_bind_int(st, 5, ind == TARGET_ZALO);
    if (area_uuid)
        sqlite3_bind_text(st, 4, area_uuid, -1, SQLITE_STATIC);
    long n = 0;
    int rc;
    progress_missing_item it;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        progress_copy_col(it.uuid, sizeof it.uuid, st, 0);
        progress_copy_col(it.name, sizeof it.name, st, 1);
        progress_copy_col(it.teams, sizeof it.teams, st, 2);
        progress_copy_col(it.area, sizeof it.area, st, 3);
        if (ind == TARGET_INPERSON)
            snprintf(it.detail, sizeof it.detail, "%lld/%d", (long long)sqlite3_column_int64(st, 4), min);
        else if (ind == TARGET_MOOC)
            progress_copy_col(it.detail, sizeof it.detail, st, 4);
        else
            it.detail[0] = '\0';
        n++;
        if (fn(&it, arg) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, e, _("cannot list who is missing"));
    return n;
}
