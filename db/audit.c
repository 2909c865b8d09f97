/* audit.c — JSON snapshots of rows and the audit table. */
#include "audit.h"
#include "db.h"
#include "db-cache.h"
#include "db-stamp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Tables that may be snapshotted; the names go into SQL text, so only these. */
static const char *const AUDITED[] = {
    "office", "area", "team", "member", "membership", "training_session", "attendance", "activity",
    NULL,
};

static int is_audited(const char *table)
{
    for (int i = 0; AUDITED[i]; i++)
        if (strcmp(AUDITED[i], table) == 0)
            return 1;
    return 0;
}

/* Builds "SELECT json_object('a', a, 'b', b, ...) FROM t WHERE key = ?" from the
 * table's columns. Returns malloc'd SQL or NULL. */
static char *snapshot_sql(sqlite3 *db, const char *table)
{
    char q[128];
    snprintf(q, sizeof q, "SELECT name FROM pragma_table_info('%s')", table);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK)
        return NULL;
    size_t cap = 256, len = 0;
    char *sql = xmalloc(cap);
    len += (size_t)snprintf(sql, cap, "SELECT json_object(");
    int first = 1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *col = (const char *)sqlite3_column_text(st, 0);
        size_t need = len + 2 * strlen(col) + 16;
        if (need > cap) {
            cap = need * 2;
            sql = xrealloc(sql, cap);
        }
        len += (size_t)snprintf(sql + len, cap - len, "%s'%s', \"%s\"", first ? "" : ", ", col, col);
        first = 0;
    }
    sqlite3_finalize(st);
    size_t need = len + strlen(table) + 64;
    if (need > cap)
        sql = xrealloc(sql, need);
    snprintf(sql + len, need - len, ") FROM \"%s\" WHERE %s = ?", table,
             strcmp(table, "office") == 0 ? "id" : "uuid");
    return sql;
}

char *audit_row_json(sqlite3 *db, const char *table, const char *key)
{
    if (!is_audited(table))
        return NULL;
    char cache_key[64];
    snprintf(cache_key, sizeof cache_key, "audit snapshot %s", table);
    sqlite3_stmt *st = db_cached_find(db, cache_key);
    if (!st) {
        char *sql = snapshot_sql(db, table);
        if (!sql)
            return NULL;
        st = db_cached_add(db, cache_key, sql, NULL);
        free(sql);
    }
    char *json = NULL;
    if (st) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            json = db_column_strdup(st, 0);
    }
    db_cached_done(st);
    return json;
}

int audit_write(sqlite3 *db, const char *table, const char *key, const char *action,
                const char *old_json, cdtt_err *e)
{
    char now[32], office[32];
    db_now(now);
    office_key(db, office);
    char *new_json = audit_row_json(db, table, key);
    sqlite3_stmt *st = db_cached(db,
        "INSERT INTO audit (at, os_user, office, tbl, record_uuid, action, old_json, new_json) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e);
    if (!st) {
        free(new_json);
        return -1;
    }
    sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, db_os_user(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, office, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, action, -1, SQLITE_STATIC);
    db_bind_text_or_null(st, 7, old_json);
    db_bind_text_or_null(st, 8, new_json);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot write the audit log"));
    db_cached_done(st);
    free(new_json);
    return rc;
}
