/* records-delete.c — tombstones: marking areas, teams, members and memberships
 * deleted and bringing them back, with the rules that keep the data whole. */
#include "records-internal.h"
#include "db-cache.h"
#include "audit.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The tables that can be deleted; their names are the only text formatted into SQL. */
static const char *const DELETABLE[] = {"area", "team", "member", "membership", NULL};

static const char *known_table(const char *table)
{
    for (int i = 0; table && DELETABLE[i]; i++)
        if (strcmp(DELETABLE[i], table) == 0)
            return DELETABLE[i];
    return NULL;
}

/* Sets the deleted mark of one row (table from DELETABLE) with an audit entry. */
static int set_mark(sqlite3 *db, const char *table, const char *uuid, int deleted,
                    const rec_stamp *s, cdtt_err *e)
{
    char sql[160];
    snprintf(sql, sizeof sql,
             "UPDATE %s SET deleted = :deleted, updated_at = :now, changed_by = :by WHERE uuid = :uuid",
             table);
    char *old = audit_row_json(db, table, uuid);
    sqlite3_stmt *st = db_cached(db, sql, e);
    int rc = -1;
    if (st) {
        rec_bind_stamp(st, s);
        rec_bind_int(st, ":deleted", deleted);
        rec_bind(st, ":uuid", uuid);
        if (rec_run(db, st, deleted ? _("cannot delete the record") : _("cannot restore the record"), e) == 0)
            rc = audit_write(db, table, uuid, deleted ? "delete" : "undelete", old, e);
    }
    free(old);
    return rc;
}

/* Sets date_to of the memberships listed by select_sql (params :uuid, :stamp) to
 * date_to (NULL when ""), each with an audit entry. */
static int set_membership_ends(sqlite3 *db, const char *select_sql, const char *member_uuid,
                               const char *stamp, const char *date_to, const rec_stamp *s, cdtt_err *e)
{
    sqlite3_stmt *sel = db_prepare(db, select_sql, e);
    if (!sel)
        return -1;
    rec_bind(sel, ":uuid", member_uuid);
    rec_bind(sel, ":stamp", stamp);
    char (*ids)[UUID_LEN] = NULL;
    int n = 0, rc = 0;
    while (sqlite3_step(sel) == SQLITE_ROW) {
        ids = xrealloc(ids, (size_t)(n + 1) * sizeof *ids);
        rec_col(sel, 0, ids[n++], UUID_LEN);
    }
    sqlite3_finalize(sel);
    for (int i = 0; i < n && rc == 0; i++) {
        char *old = audit_row_json(db, "membership", ids[i]);
        sqlite3_stmt *st = db_cached(db,
            "UPDATE membership SET date_to = :date_to, updated_at = :now, changed_by = :by "
            "WHERE uuid = :uuid", e);
        rc = -1;
        if (st) {
            rec_bind_stamp(st, s);
            rec_bind_null_empty(st, ":date_to", date_to);
            rec_bind(st, ":uuid", ids[i]);
            if (rec_run(db, st, _("cannot change the member's teams"), e) == 0)
                rc = audit_write(db, "membership", ids[i], "update", old, e);
        }
        free(old);
    }
    free(ids);
    return rc;
}

/* Why the record may not be deleted (message in e), or 0 when it may. */
static int refuse_delete(sqlite3 *db, const char *table, const char *uuid, cdtt_err *e)
{
    if (strcmp(table, "area") == 0) {
        long long n = rec_area_team_count(db, uuid);
        if (n > 0)
            return err_set(e, _("this village or residential group still has %lld teams; "
                                "delete them or move them elsewhere first"), n);
    } else if (strcmp(table, "team") == 0) {
        long long n = rec_team_member_count(db, uuid);
        if (n > 0)
            return err_set(e, _("this team still has %lld members; remove them from the team first"), n);
    }
    return 0;
}

/* Why the record may not be restored (message in e), or 0 when it may. */
static int refuse_undelete(sqlite3 *db, const char *table, const char *uuid, cdtt_err *e)
{
    if (strcmp(table, "team") == 0) {
        team_rec t;
        if (team_get(db, uuid, &t) == 0 && t.area_uuid[0] && !rec_live(db, "area", t.area_uuid))
            return err_set(e, _("the team's village or residential group is deleted; restore it first"));
    } else if (strcmp(table, "membership") == 0) {
        sqlite3_stmt *st = db_prepare(db,
            "SELECT 1 FROM membership ms JOIN team t ON t.uuid = ms.team_uuid "
            "JOIN member m ON m.uuid = ms.member_uuid "
            "WHERE ms.uuid = ? AND t.deleted = 0 AND m.deleted = 0", e);
        int ok = 0;
        if (st) {
            sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
            ok = sqlite3_step(st) == SQLITE_ROW;
            sqlite3_finalize(st);
        }
        if (!ok)
            return err_set(e, _("the team or the member is deleted; restore it first"));
    }
    return 0;
}

/* The record's deleted mark and updated_at; -1 when there is no such record. */
static int current_mark(sqlite3 *db, const char *table, const char *uuid, char updated_at[32])
{
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT deleted, updated_at FROM %s WHERE uuid = ?", table);
    sqlite3_stmt *st = NULL;
    int mark = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            mark = sqlite3_column_int(st, 0);
            rec_col(st, 1, updated_at, 32);
        }
    }
    sqlite3_finalize(st);
    return mark;
}

/* Deletes (deleted 1) or restores (0) one record: see records.h. */
static int change_mark(sqlite3 *db, const char *table_in, const char *uuid, int deleted, cdtt_err *e)
{
    err_clear(e);
    const char *table = known_table(table_in);
    if (!table)
        return err_set(e, _("records of kind '%s' cannot be deleted"), table_in ? table_in : "");
    rec_stamp s;
    rec_tx tx;
    if (rec_change_begin(db, &s, &tx, e) < 0)
        return -1;
    char was_updated[32] = "";
    int mark = current_mark(db, table, uuid ? uuid : "", was_updated);
    int ok = 0;
    if (mark < 0) {
        err_set(e, _("the record no longer exists"));
    } else if (mark == deleted) {
        ok = 1; /* already as asked: nothing to change */
    } else if ((deleted ? refuse_delete : refuse_undelete)(db, table, uuid, e) == 0 &&
               set_mark(db, table, uuid, deleted, &s, e) == 0) {
        ok = 1;
        char today[11];
        date_today(today);
        /* A deleted member leaves its teams today; restoring it brings back the
         * memberships that its deletion ended (they carry the deletion's stamp). */
        if (strcmp(table, "member") == 0 && deleted)
            ok = set_membership_ends(db,
                                     "SELECT uuid FROM membership WHERE member_uuid = :uuid "
                                     "AND deleted = 0 AND date_to IS NULL AND :stamp IS NOT NULL",
                                     uuid, s.now, today, &s, e) == 0;
        else if (strcmp(table, "member") == 0)
            ok = set_membership_ends(db,
                                     "SELECT ms.uuid FROM membership ms JOIN team t ON t.uuid = ms.team_uuid "
                                     "WHERE ms.member_uuid = :uuid AND ms.deleted = 0 "
                                     "AND ms.updated_at = :stamp AND t.deleted = 0",
                                     uuid, was_updated, "", &s, e) == 0;
    }
    return rec_tx_end(db, &tx, ok, e);
}

int record_delete(sqlite3 *db, const char *table, const char *uuid, cdtt_err *e)
{
    return change_mark(db, table, uuid, 1, e);
}

int record_undelete(sqlite3 *db, const char *table, const char *uuid, cdtt_err *e)
{
    return change_mark(db, table, uuid, 0, e);
}
