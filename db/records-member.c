/* records-member.c — members: defaults, checks (the catalogue's, and duplicate
 * suspects), save, fetch. */
#include "records-internal.h"
#include "record-sql.h"
#include "validate-fields.h"
#include "db-cache.h"
#include "db.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void member_init(member_rec *r)
{
    memset(r, 0, sizeof *r);
    snprintf(r->category, sizeof r->category, "other");
    snprintf(r->mooc_status, sizeof r->mooc_status, "not_started");
}

/* Runs a duplicate query (params :uuid, :fold, :birth, :phone); when it finds
 * another member, adds a warning built from fmt (one %s: the other's name). */
static void warn_duplicate(sqlite3 *db, const char *sql, const member_rec *r, const char *fold,
                           const char *field, const char *fmt, findings *f)
{
    sqlite3_stmt *st = NULL;
    if ((st = db_cached(db, sql, NULL)) == NULL)
        return;
    rec_bind(st, ":uuid", r->uuid);
    rec_bind(st, ":fold", fold);
    rec_bind_null_empty(st, ":birth", r->birth);
    rec_bind(st, ":phone", r->phone);
    if (sqlite3_step(st) == SQLITE_ROW) {
        int before = f->n;
        findings_add(f, VALID_WARN, field, fmt, (const char *)sqlite3_column_text(st, 1));
        if (f->n > before)
            rec_col(st, 0, f->items[f->n - 1].other_uuid, UUID_LEN);
    }
    db_cached_done(st);
}

void member_check(sqlite3 *db, const member_rec *r, findings *f)
{
    record_fields_check(record_kind_of("member"), r, f);
    char *fold = text_fold(r->full_name);
    if (fold[0])
        warn_duplicate(db,
                       "SELECT uuid, full_name FROM member WHERE name_fold = :fold AND uuid != :uuid "
                       "AND deleted = 0 AND (:birth IS NULL OR birth = :birth) ORDER BY rowid LIMIT 1",
                       r, fold, "full_name",
                       r->birth[0] ? _("possibly the same person as %s (same name and birth date)")
                                   : _("possibly the same person as %s (same name)"),
                       f);
    if (r->phone[0])
        warn_duplicate(db,
                       "SELECT uuid, full_name FROM member WHERE phone = :phone AND uuid != :uuid "
                       "AND deleted = 0 ORDER BY rowid LIMIT 1",
                       r, fold, "phone", _("the same phone number is recorded for %s"), f);
    free(fold);
}

/* Binds the member's fields (record_sql_bind) and the folded name and sort key computed from its name. */
static void member_bind(sqlite3_stmt *st, const void *rec)
{
    const member_rec *r = rec;
    char *fold = text_fold(r->full_name), *key = text_name_sort_key(r->full_name);
    record_sql_bind(record_kind_of("member"), st, r);
    rec_bind(st, ":name_fold", fold);
    rec_bind(st, ":sort_key", key);
    free(fold);
    free(key);
}

/* The member's current teams and its role in each, in the order of the
 * teams' names: the two columns after the catalogue's. */
#define MEMBER_TEAM_COLUMNS                                                                          \
    "(SELECT group_concat(name, ', ') FROM (SELECT t.name AS name FROM membership ms "              \
    " JOIN team t ON t.uuid = ms.team_uuid WHERE ms.member_uuid = m.uuid "                          \
    " AND ms.deleted = 0 AND ms.date_to IS NULL AND t.deleted = 0 ORDER BY t.sort_key, t.rowid)), " \
    "(SELECT group_concat(role, ',') FROM (SELECT ms.role AS role FROM membership ms "              \
    " JOIN team t ON t.uuid = ms.team_uuid WHERE ms.member_uuid = m.uuid "                          \
    " AND ms.deleted = 0 AND ms.date_to IS NULL AND t.deleted = 0 ORDER BY t.sort_key, t.rowid))"

/* The member's SQL, made once from the catalogue. */
static rec_kind_sql member_sql = {.table = "member", .alias = "m",
                               .extra = MEMBER_TEAM_COLUMNS, .bind = member_bind};

const char *member_columns(void)
{
    return rec_kind_made(&member_sql)->sql.columns;
}

int member_save(sqlite3 *db, member_rec *r, int accept_warnings, findings *f, cdtt_err *e)
{
    findings local;
    if (!f)
        f = &local;
    f->n = 0;
    err_clear(e);
    record_fields_clean(record_kind_of("member"), r, f);
    member_check(db, r, f);
    if (rec_verdict(f, accept_warnings, e) < 0)
        return -1;
    return rec_write(db, &rec_kind_made(&member_sql)->writer, r, r->uuid, r->updated_at, e);
}

void member_from_row(sqlite3_stmt *st, member_rec *r)
{
    memset(r, 0, sizeof *r);
    int col = record_sql_read(record_kind_of("member"), st, 0, r);
    REC_COL(st, col, r->team_names);
    REC_COL(st, col + 1, r->team_roles);
}

int member_get(sqlite3 *db, const char *uuid, member_rec *r)
{
    sqlite3_stmt *st = NULL;
    int rc = -1;
    if ((st = db_cached(db, rec_kind_made(&member_sql)->sql.get, NULL)) != NULL) {
        sqlite3_bind_text(st, 1, uuid ? uuid : "", -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            member_from_row(st, r);
            rc = 0;
        }
    }
    db_cached_done(st);
    return rc;
}
