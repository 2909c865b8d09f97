/* records-start.c — the day a membership began: start dates an import assumed
 * (noted in the audit log, counted for the report), a member's start in a
 * team, members who joined after a date, and moving a start date back.
 *
 * Why the audit log: memberships travel to the province in packages, so a new
 * column would be a schema migration that every office must take at once. An
 * assumed start is a note for the office that made it ("check these dates"),
 * so it stays in that office's audit log: one "assume_start" entry holding the
 * membership as saved. A start date counts as assumed while the membership
 * still starts on the date that entry holds; once someone sets another date
 * (member form, CSV, `membership since`) it no longer does. */
#include "records-internal.h"
#include "audit.h"
#include "db-cache.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int membership_note_assumed(sqlite3 *db, const char *membership_uuid, cdtt_err *e)
{
    return audit_write(db, "membership", membership_uuid, "assume_start", NULL, e);
}

long long membership_assumed_count(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(db,
                           "SELECT count(*) FROM membership ms "
                           "JOIN member m ON m.uuid = ms.member_uuid AND m.deleted = 0 "
                           "JOIN team t ON t.uuid = ms.team_uuid AND t.deleted = 0 "
                           "WHERE ms.deleted = 0 AND coalesce(ms.date_to, '') = '' AND EXISTS ("
                           " SELECT 1 FROM audit a WHERE a.record_uuid = ms.uuid AND a.tbl = 'membership'"
                           " AND a.action = 'assume_start'"
                           " AND json_extract(a.new_json, '$.date_from') IS ms.date_from)",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* Memberships (alias ms) of team ?2, or of the teams (alias t) of area ?3,
 * either NULL = any team. */
#define IN_TEAM_OR_AREA "(?2 IS NULL OR ms.team_uuid = ?2) AND (?3 IS NULL OR t.area_uuid = ?3)"

int membership_start_in(sqlite3 *db, const char *member_uuid, const char *team_uuid, const char *area_uuid,
                        char out[11])
{
    out[0] = '\0';
    sqlite3_stmt *st = db_cached(db,
                                 "SELECT min(coalesce(ms.date_from, '')) FROM membership ms "
                                 "JOIN team t ON t.uuid = ms.team_uuid AND t.deleted = 0 "
                                 "WHERE ms.member_uuid = ?1 AND ms.deleted = 0 AND ms.date_to IS NULL AND "
                                 IN_TEAM_OR_AREA,
                                 NULL);
    int found = 0;
    if (st) {
        sqlite3_bind_text(st, 1, member_uuid, -1, SQLITE_STATIC);
        db_bind_text_or_null(st, 2, team_uuid && team_uuid[0] ? team_uuid : NULL);
        db_bind_text_or_null(st, 3, area_uuid && area_uuid[0] ? area_uuid : NULL);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
            rec_col(st, 0, out, 11);
            found = 1;
        }
    }
    db_cached_done(st);
    return found;
}

/* A current membership (alias ms) of ?1 that began after ?4, while no
 * membership of the member in that team or area was current on ?4. */
#define JOINED_AFTER                                                                            \
    "ms.deleted = 0 AND ms.date_to IS NULL AND ms.date_from > ?4 AND " IN_TEAM_OR_AREA          \
    " AND NOT EXISTS (SELECT 1 FROM membership o JOIN team ot ON ot.uuid = o.team_uuid "        \
    " WHERE o.member_uuid = ms.member_uuid AND o.deleted = 0 "                                  \
    " AND (?2 IS NULL OR o.team_uuid = ?2) AND (?3 IS NULL OR ot.area_uuid = ?3) "              \
    " AND coalesce(o.date_from, '') <= ?4 AND (coalesce(o.date_to, '') = '' OR o.date_to > ?4))"

int membership_joined_after(sqlite3 *db, const char *team_uuid, const char *area_uuid, const char *date,
                            joined_later **rows, cdtt_err *e)
{
    *rows = NULL;
    sqlite3_stmt *st = db_prepare(db,
                                  "SELECT m.uuid, m.full_name, min(ms.date_from) FROM membership ms "
                                  "JOIN team t ON t.uuid = ms.team_uuid AND t.deleted = 0 "
                                  "JOIN member m ON m.uuid = ms.member_uuid AND m.deleted = 0 "
                                  "WHERE " JOINED_AFTER
                                  " GROUP BY m.uuid ORDER BY m.sort_key, m.uuid",
                                  e);
    if (!st)
        return -1;
    db_bind_text_or_null(st, 2, team_uuid && team_uuid[0] ? team_uuid : NULL);
    db_bind_text_or_null(st, 3, area_uuid && area_uuid[0] ? area_uuid : NULL);
    sqlite3_bind_text(st, 4, date, -1, SQLITE_STATIC);
    int n = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            *rows = xrealloc(*rows, (size_t)cap * sizeof **rows);
        }
        joined_later *r = &(*rows)[n++];
        REC_COL(st, 0, r->uuid);
        REC_COL(st, 1, r->full_name);
        REC_COL(st, 2, r->date_from);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*rows);
        *rows = NULL;
        return db_fail(db, e, _("cannot list the members"));
    }
    return n;
}

/* The member's current memberships of team_uuid (or of area_uuid's teams)
 * that began after date. Returns a malloc'd array (n set), NULL when none. */
static membership_rec *later_memberships(sqlite3 *db, const char *member_uuid, const char *team_uuid,
                                         const char *area_uuid, const char *date, int *n)
{
    *n = 0;
    sqlite3_stmt *st = NULL;
    membership_rec *rows = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT ms.uuid, ms.team_uuid, ms.member_uuid, ms.role, ms.date_from, ms.date_to "
                           "FROM membership ms JOIN team t ON t.uuid = ms.team_uuid AND t.deleted = 0 "
                           "WHERE ms.member_uuid = ?1 AND " JOINED_AFTER,
                           -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(st, 1, member_uuid, -1, SQLITE_STATIC);
    db_bind_text_or_null(st, 2, team_uuid && team_uuid[0] ? team_uuid : NULL);
    db_bind_text_or_null(st, 3, area_uuid && area_uuid[0] ? area_uuid : NULL);
    sqlite3_bind_text(st, 4, date, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        rows = xrealloc(rows, (size_t)(*n + 1) * sizeof *rows);
        membership_from_row(st, &rows[(*n)++]);
    }
    sqlite3_finalize(st);
    return rows;
}

/* Whether another membership of the member in the same team ends after date:
 * moving this one's start back to date would make the two overlap. */
static int overlaps_earlier(sqlite3 *db, const membership_rec *r, const char *date)
{
    sqlite3_stmt *st = db_cached(db,
                                 "SELECT 1 FROM membership WHERE member_uuid = ?1 AND team_uuid = ?2 "
                                 "AND uuid != ?3 AND deleted = 0 AND date_to > ?4",
                                 NULL);
    int found = 0;
    if (st) {
        sqlite3_bind_text(st, 1, r->member_uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, r->team_uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, r->uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, date, -1, SQLITE_STATIC);
        found = sqlite3_step(st) == SQLITE_ROW;
    }
    db_cached_done(st);
    return found;
}

int membership_move_start(sqlite3 *db, const char *member_uuid, const char *team_uuid, const char *area_uuid,
                          const char *date, int *moved, cdtt_err *e)
{
    *moved = 0;
    err_clear(e);
    rec_tx tx;
    if (rec_tx_begin(db, &tx, e) < 0)
        return -1;
    int n = 0, ok = 1;
    membership_rec *list = later_memberships(db, member_uuid, team_uuid, area_uuid, date, &n);
    for (int i = 0; ok && i < n; i++) {
        if (overlaps_earlier(db, &list[i], date)) {
            err_set(e, "%s", _("the member left and rejoined the team after that date: change the "
                               "start date in the member form"));
            ok = 0;
            break;
        }
        snprintf(list[i].date_from, sizeof list[i].date_from, "%s", date);
        ok = membership_save(db, &list[i], 1, NULL, e) == 0;
        *moved += ok;
    }
    free(list);
    if (rec_tx_end(db, &tx, ok, e) < 0) {
        *moved = 0;
        return -1;
    }
    return 0;
}
