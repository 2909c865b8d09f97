/* records-membership.c — who is in which team with which role: checks, save,
 * a new member saved together with its team, and the current memberships. */
#include "records-internal.h"
#include "db-cache.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void membership_init(membership_rec *r)
{
    memset(r, 0, sizeof *r);
    snprintf(r->role, sizeof r->role, "member");
}

/* Whether the member has another current, live membership of the team. */
static int already_in_team(sqlite3 *db, const membership_rec *r)
{
    sqlite3_stmt *st = NULL;
    int found = 0;
    if ((st = db_cached(db,
                           /* +team_uuid: walk the member's few memberships, not the team's */
                           "SELECT 1 FROM membership WHERE +team_uuid = ? AND member_uuid = ? "
                           "AND uuid != ? AND deleted = 0 AND date_to IS NULL", NULL)) != NULL) {
        sqlite3_bind_text(st, 1, r->team_uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, r->member_uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, r->uuid, -1, SQLITE_STATIC);
        found = sqlite3_step(st) == SQLITE_ROW;
    }
    db_cached_done(st);
    return found;
}

void membership_check(sqlite3 *db, const membership_rec *r, int max_size, findings *f)
{
    rec_check_choice(CHOICES_ROLE, r->role, 0, "role", f);
    rec_check_date(r->date_from, "date_from", f);
    rec_check_date(r->date_to, "date_to", f);
    if (r->date_from[0] && r->date_to[0] && strcmp(r->date_to, r->date_from) < 0)
        findings_add(f, VALID_ERROR, "date_to", _("the end date is before the start date"));
    char today[11];
    date_today(today);
    if (r->date_from[0] && strcmp(r->date_from, today) > 0)
        findings_add(f, VALID_WARN, "date_from", _("the date the member joined the team is in the future"));
    if (!rec_live(db, "team", r->team_uuid)) {
        findings_add(f, VALID_ERROR, "team_uuid", _("the chosen team does not exist"));
        return;
    }
    if (!rec_live(db, "member", r->member_uuid)) {
        findings_add(f, VALID_ERROR, "member_uuid", _("the chosen member does not exist"));
        return;
    }
    if (r->date_to[0] || r->deleted)
        return; /* a past membership counts neither as a duplicate nor toward the size */
    if (already_in_team(db, r))
        findings_add(f, VALID_ERROR, "member_uuid", _("this member is already in the team"));
    if (max_size <= 0)
        return;
    long long n = rec_team_member_count(db, r->team_uuid);
    if (n + (r->uuid[0] ? 0 : 1) > max_size)
        findings_add(f, VALID_WARN, "team_uuid",
                     _("the team would have %lld members, more than the %d allowed"),
                     n + (r->uuid[0] ? 0 : 1), max_size);
}

static void membership_bind(sqlite3_stmt *st, const void *rec)
{
    const membership_rec *r = rec;
    rec_bind(st, ":team_uuid", r->team_uuid);
    rec_bind(st, ":member_uuid", r->member_uuid);
    rec_bind(st, ":role", r->role);
    rec_bind_null_empty(st, ":date_from", r->date_from);
    rec_bind_null_empty(st, ":date_to", r->date_to);
}

static const rec_writer MEMBERSHIP_WRITER = {
    "membership",
    "INSERT INTO membership (uuid, team_uuid, member_uuid, role, date_from, date_to, created_at, "
    "updated_at, changed_by) VALUES (:uuid, :team_uuid, :member_uuid, :role, :date_from, :date_to, "
    ":now, :now, :by)",
    "UPDATE membership SET team_uuid = :team_uuid, member_uuid = :member_uuid, role = :role, "
    "date_from = :date_from, date_to = :date_to, updated_at = :now, changed_by = :by "
    "WHERE uuid = :uuid",
    membership_bind,
};

int rec_team_limit(sqlite3 *db, const char *team_uuid)
{
    sqlite3_stmt *st = NULL;
    int limit = 0;
    if ((st = db_cached(db, "SELECT level FROM team WHERE uuid = ?", NULL)) != NULL) {
        sqlite3_bind_text(st, 1, team_uuid, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            limit = records_limit_for_level((const char *)sqlite3_column_text(st, 0));
    }
    db_cached_done(st);
    return limit;
}

int membership_save(sqlite3 *db, membership_rec *r, int accept_warnings, findings *f, cdtt_err *e)
{
    findings local;
    if (!f)
        f = &local;
    f->n = 0;
    err_clear(e);
    membership_check(db, r, rec_team_limit(db, r->team_uuid), f);
    if (rec_verdict(f, accept_warnings, e) < 0)
        return -1;
    char updated_at[32];
    return rec_write(db, &MEMBERSHIP_WRITER, r, r->uuid, updated_at, e);
}

int member_save_in_team(sqlite3 *db, member_rec *m, const char *team_uuid, const char *role,
                        int accept_warnings, findings *f, cdtt_err *e)
{
    return member_save_in_team_since(db, m, team_uuid, role, NULL, accept_warnings, f, e);
}

int member_save_in_team_since(sqlite3 *db, member_rec *m, const char *team_uuid, const char *role,
                              const char *since, int accept_warnings, findings *f, cdtt_err *e)
{
    findings local;
    if (!f)
        f = &local;
    f->n = 0;
    err_clear(e);
    rec_tx tx;
    if (rec_tx_begin(db, &tx, e) < 0)
        return -1;
    member_rec saved = *m;
    int ok = member_save(db, &saved, accept_warnings, f, e) == 0;
    if (ok) {
        findings mf;
        membership_rec ms;
        membership_init(&ms);
        snprintf(ms.team_uuid, sizeof ms.team_uuid, "%s", team_uuid ? team_uuid : "");
        snprintf(ms.member_uuid, sizeof ms.member_uuid, "%s", saved.uuid);
        if (role && *role)
            snprintf(ms.role, sizeof ms.role, "%s", role);
        if (since && *since)
            snprintf(ms.date_from, sizeof ms.date_from, "%s", since);
        else
            date_today(ms.date_from);
        ok = membership_save(db, &ms, accept_warnings, &mf, e) == 0;
        findings_append(f, &mf);
    }
    if (rec_tx_end(db, &tx, ok, e) < 0)
        return -1;
    *m = saved;
    return 0;
}

void membership_from_row(sqlite3_stmt *st, membership_rec *r)
{
    memset(r, 0, sizeof *r);
    REC_COL(st, 0, r->uuid);
    REC_COL(st, 1, r->team_uuid);
    REC_COL(st, 2, r->member_uuid);
    REC_COL(st, 3, r->role);
    REC_COL(st, 4, r->date_from);
    REC_COL(st, 5, r->date_to);
}

/* Current, live memberships matching one uuid (sql has one parameter). */
static membership_rec *list_current(sqlite3 *db, const char *sql, const char *uuid, int *n)
{
    *n = 0;
    sqlite3_stmt *st = NULL;
    membership_rec *rows = NULL;
    int cap = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(st, 1, uuid ? uuid : "", -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            rows = xrealloc(rows, (size_t)cap * sizeof *rows);
        }
        membership_from_row(st, &rows[(*n)++]);
        rows[*n - 1].deleted = sqlite3_column_int(st, 6);
    }
    sqlite3_finalize(st);
    return rows;
}

#define MS_COLUMNS "ms.uuid, ms.team_uuid, ms.member_uuid, ms.role, ms.date_from, ms.date_to, ms.deleted"

membership_rec *membership_list_for_member(sqlite3 *db, const char *member_uuid, int *n)
{
    return list_current(db,
                        "SELECT " MS_COLUMNS " FROM membership ms JOIN team t ON t.uuid = ms.team_uuid "
                        "WHERE ms.member_uuid = ? AND ms.deleted = 0 AND ms.date_to IS NULL "
                        "AND t.deleted = 0 ORDER BY t.sort_key, t.rowid",
                        member_uuid, n);
}

membership_rec *membership_list_for_team(sqlite3 *db, const char *team_uuid, int *n)
{
    return list_current(db,
                        "SELECT " MS_COLUMNS " FROM membership ms JOIN member m ON m.uuid = ms.member_uuid "
                        "WHERE ms.team_uuid = ? AND ms.deleted = 0 AND ms.date_to IS NULL "
                        "AND m.deleted = 0 ORDER BY m.sort_key, m.rowid",
                        team_uuid, n);
}
