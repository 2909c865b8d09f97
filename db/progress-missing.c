/* progress-missing.c — who (or which team) still lacks an indicator as of a date. */
#include "progress.h"
#include "db.h"
#include "progress-sql.h"
#include "office.h"

#include <stdlib.h>
#include <string.h>

/* Teams that count as of ?1 within the scope: ?4 commune code, ?5 area uuid
 * ('-' = commune-level teams), ?6 team uuid, ?9 province code; '' = any. */
#define TEAMS_IN_SCOPE                                                               \
    "tc AS (SELECT t.uuid AS uuid, t.name AS name, t.sort_key AS tsort, "            \
    "  coalesce(a.name, '') AS aname, coalesce(a.sort_key, '') AS asort, "           \
    "  t.unit_scheme AS uscheme, t.unit_code AS ucode FROM team t "                  \
    "  LEFT JOIN area a ON a.uuid = t.area_uuid AND a.deleted = 0 "                  \
    "  WHERE " PSQL_TEAM_COUNTS " AND (?4 = '' OR t.unit_code = ?4) "                \
    "  AND (?5 = '' OR coalesce(a.uuid, '') = CASE ?5 WHEN '" PROGRESS_NO_AREA "' THEN '' ELSE ?5 END) " \
    "  AND (?6 = '' OR t.uuid = ?6) "                                                   \
    "  AND (?9 = '' OR t.unit_code IN (SELECT code FROM unit WHERE scheme = t.unit_scheme" \
    "       AND level = 'commune' AND province_code = ?9)))"

/* The commune's name of unit columns S, C (the unit list's, or ""). */
#define COMMUNE_NAME(S, C) \
    "coalesce((SELECT name FROM unit WHERE scheme = " S " AND level = 'commune' AND code = " C "), '')"

/* Members of those teams lacking MOOC (?7 = 0) or Zalo (?7 = 1); with ?8 = 1
 * (a consolidating office) in commune order first. */
static const char MEMBERS_MISSING[] =
    "WITH " TEAMS_IN_SCOPE ", "
    "cm AS (SELECT DISTINCT ms.member_uuid AS mu, tc.uuid AS tu, tc.name AS tname, tc.aname AS aname "
    "  FROM membership ms JOIN tc ON tc.uuid = ms.team_uuid WHERE " PSQL_MEMBERSHIP_ON("?1") ") "
    "SELECT m.uuid, m.full_name, group_concat(cm.tname, '; '), "
    "  coalesce(group_concat(DISTINCT nullif(cm.aname, '')), ''), m.mooc_status, m.unit_code, "
    COMMUNE_NAME("m.unit_scheme", "m.unit_code") " "
    "FROM cm JOIN member m ON m.uuid = cm.mu AND m.deleted = 0 "
    "WHERE NOT (CASE ?7 WHEN 0 THEN " PSQL_MOOC_DONE " ELSE " PSQL_ZALO_DONE " END) "
    "GROUP BY m.uuid ORDER BY CASE ?8 WHEN 1 THEN m.unit_code ELSE '' END, m.sort_key, m.uuid";

/* Teams with fewer than ?2 attendees who were their members. */
static const char TEAMS_MISSING[] =
    "WITH " TEAMS_IN_SCOPE ", " PSQL_TRAINED_CTE " "
    "SELECT tc.uuid, tc.name, '', tc.aname, coalesce(tr.n, 0), tc.ucode, " COMMUNE_NAME("tc.uscheme", "tc.ucode") " "
    "FROM tc LEFT JOIN trained tr ON tr.team_uuid = tc.uuid WHERE coalesce(tr.n, 0) < ?2 "
    "ORDER BY CASE ?8 WHEN 1 THEN tc.ucode ELSE '' END, tc.asort, tc.tsort, tc.uuid";

/* 1 when the file's office is above a commune. */
static int consolidating(sqlite3 *db)
{
    office_rec o;
    return office_get(db, &o) == 0 && strcmp(o.level, "commune") != 0;
}

long progress_missing_in(sqlite3 *db, const cdtt_config *cfg, enum target_indicator ind, const char *as_of,
                         const progress_scope *scope, progress_missing_fn fn, void *arg, cdtt_err *e)
{
    int min = cfg->inperson_min_attendees > 0 ? cfg->inperson_min_attendees : 1;
    progress_scope all;
    memset(&all, 0, sizeof all);
    if (!scope)
        scope = &all;
    sqlite3_stmt *st = db_prepare(db, ind == TARGET_INPERSON ? TEAMS_MISSING : MEMBERS_MISSING, e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, as_of, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, min);
    sqlite3_bind_text(st, 4, scope->commune, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, scope->area, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, scope->team, -1, SQLITE_STATIC);
    if (ind != TARGET_INPERSON)
        sqlite3_bind_int(st, 7, ind == TARGET_ZALO);
    sqlite3_bind_int(st, 8, consolidating(db));
    sqlite3_bind_text(st, 9, scope->province, -1, SQLITE_STATIC);
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
        progress_copy_col(it.commune_code, sizeof it.commune_code, st, 5);
        progress_copy_col(it.commune_name, sizeof it.commune_name, st, 6);
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

long progress_missing(sqlite3 *db, const cdtt_config *cfg, enum target_indicator ind, const char *as_of,
                      const char *area_uuid, progress_missing_fn fn, void *arg, cdtt_err *e)
{
    progress_scope sc;
    memset(&sc, 0, sizeof sc);
    if (area_uuid)
        snprintf(sc.area, sizeof sc.area, "%s", area_uuid[0] ? area_uuid : PROGRESS_NO_AREA);
    return progress_missing_in(db, cfg, ind, as_of, &sc, fn, arg, e);
}
