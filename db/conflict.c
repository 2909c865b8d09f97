/* conflict.c — records changed both here and below: list and resolve. */
#include "conflict.h"
#include "audit.h"
#include "db.h"
#include "office.h"
#include "package.h"
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether table is a travelling table (its name then may go into SQL text). */
static int is_travel_table(const char *table)
{
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++)
        if (strcmp(SCHEMA_TRAVEL_TABLES[i], table) == 0)
            return 1;
    return 0;
}

int conflict_add(sqlite3 *db, const char *table, const char *uuid, const char *incoming_json,
                 const char *incoming_updated_at, const char *source, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT count(*) FROM conflict WHERE tbl = ? AND record_uuid = ? AND incoming_updated_at = ?", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, incoming_updated_at, -1, SQLITE_STATIC);
    int known = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_finalize(st);
    if (known)
        return 0;
    char *local = audit_row_json(db, table, uuid);
    char now[32];
    db_now(now);
    st = db_prepare(db,
        "INSERT INTO conflict (tbl, record_uuid, local_json, incoming_json, incoming_updated_at, "
        "source, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)", e);
    int rc = -1;
    if (st) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, local ? local : "{}", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, incoming_json, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, incoming_updated_at, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, source, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? 1 : db_fail(db, e, _("cannot record a conflict"));
    }
    sqlite3_finalize(st);
    free(local);
    return rc;
}

static void copy_col(sqlite3_stmt *st, int col, char *out, size_t n)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    snprintf(out, n, "%s", t ? (const char *)t : "");
}

int conflict_list_get(sqlite3 *db, int all, conflict_list *out, cdtt_err *e)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT id, tbl, record_uuid, source, detected_at, incoming_updated_at, "
        "coalesce(resolution, ''), coalesce(resolved_at, ''), local_json, incoming_json, "
        "coalesce(json_extract(local_json, '$.full_name'), json_extract(local_json, '$.name'), "
        "json_extract(local_json, '$.topic'), json_extract(local_json, '$.date'), record_uuid) "
        "FROM conflict WHERE ?1 OR resolution IS NULL ORDER BY id", e);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, all != 0);
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (out->n == cap) {
            cap = cap ? cap * 2 : 16;
            out->items = xrealloc(out->items, (size_t)cap * sizeof *out->items);
        }
        conflict_rec *c = &out->items[out->n++];
        memset(c, 0, sizeof *c);
        c->id = sqlite3_column_int64(st, 0);
        copy_col(st, 1, c->tbl, sizeof c->tbl);
        copy_col(st, 2, c->record_uuid, sizeof c->record_uuid);
        copy_col(st, 3, c->source, sizeof c->source);
        copy_col(st, 4, c->detected_at, sizeof c->detected_at);
        copy_col(st, 5, c->incoming_updated_at, sizeof c->incoming_updated_at);
        copy_col(st, 6, c->resolution, sizeof c->resolution);
        copy_col(st, 7, c->resolved_at, sizeof c->resolved_at);
        c->local_json = db_column_strdup(st, 8);
        c->incoming_json = db_column_strdup(st, 9);
        copy_col(st, 10, c->label, sizeof c->label);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        conflict_list_free(out);
        return db_fail(db, e, _("cannot read the conflicts"));
    }
    return 0;
}

void conflict_list_free(conflict_list *l)
{
    for (int i = 0; i < l->n; i++) {
        free(l->items[i].local_json);
        free(l->items[i].incoming_json);
    }
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

long long conflict_open_count(sqlite3 *db)
{
    return db_scalar_int(db, "SELECT count(*) FROM conflict WHERE resolution IS NULL", -1);
}

/* "UPDATE t SET c = json_extract(?1, '$.c'), ... , base_updated_at = ?3 WHERE uuid = ?2" */
static char *theirs_sql(sqlite3 *db, const char *table, cdtt_err *e)
{
    static const char *const KEEP[] = {"uuid", "base_updated_at", NULL};
    char *cols = package_column_list(db, "main", table, e);
    if (!cols)
        return NULL;
    char *sets = package_column_map(cols, "\"%c\" = json_extract(?1, '$.%c')", KEEP);
    free(cols);
    size_t n = strlen(sets) + strlen(table) + 96;
    char *sql = xmalloc(n);
    snprintf(sql, n, "UPDATE main.\"%s\" SET %s, base_updated_at = ?3 WHERE uuid = ?2", table, sets);
    free(sets);
    return sql;
}

/* Applies the choice to the record. Returns 0 or -1 with e set. */
static int apply_choice(sqlite3 *db, const char *table, const char *uuid, const char *choice,
                        const char *incoming_json, const char *incoming_updated_at, cdtt_err *e)
{
    char *sql = NULL;
    sqlite3_stmt *st;
    char now[32], me[32];
    if (strcmp(choice, "mine") == 0) {
        /* The local version becomes newer than the incoming one: it wins here and travels up. */
        size_t n = 160;
        sql = xmalloc(n);
        snprintf(sql, n, "UPDATE main.\"%s\" SET updated_at = ?1, changed_by = ?4, base_updated_at = ?3 "
                 "WHERE uuid = ?2", table);
    } else {
        sql = theirs_sql(db, table, e);
        if (!sql)
            return -1;
    }
    st = db_prepare(db, sql, e);
    free(sql);
    if (!st)
        return -1;
    db_now(now);
    office_key(db, me);
    if (strcmp(choice, "mine") == 0)
        sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
    else
        sqlite3_bind_text(st, 1, incoming_json, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, incoming_updated_at, -1, SQLITE_STATIC);
    if (strcmp(choice, "mine") == 0)
        sqlite3_bind_text(st, 4, me, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(db) == 1
                 ? 0 : db_fail(db, e, _("cannot apply the choice"));
    sqlite3_finalize(st);
    return rc;
}

/* The record of conflict id changed here since the conflict was recorded
 * (shown): records the local version as it is now in the conflict, so that
 * the next look shows it, keeps that, and says so. Returns -1 with e set. */
static int changed_here(sqlite3 *db, long long id, const char *now, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "UPDATE conflict SET local_json = ? WHERE id = ?", e);
    if (!st) {
        db_rollback(db);
        return -1;
    }
    sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, id);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    if (!ok) {
        db_fail(db, e, _("cannot record a conflict"));
        db_rollback(db);
        return -1;
    }
    if (db_commit(db, e) < 0)
        return -1;
    return err_set(e, _("the record of conflict %lld was changed here after the conflict was found, so nothing "
                        "was decided; look at both versions again ('cdtt conflicts') and choose again"),
                   id);
}

int conflict_resolve(sqlite3 *db, long long id, const char *choice, cdtt_err *e)
{
    if (strcmp(choice, "mine") != 0 && strcmp(choice, "theirs") != 0)
        return err_set(e, _("choose 'mine' (keep this office's version) or 'theirs' (take the incoming one)"));
    if (db_begin(db, e) < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(db,
        "SELECT tbl, record_uuid, incoming_json, incoming_updated_at, resolution, local_json FROM conflict "
        "WHERE id = ?", e);
    char tbl[32] = "", uuid[64] = "", upd[40] = "";
    char *incoming = NULL, *old = NULL, *shown = NULL;
    int rc = -1;
    if (!st)
        goto out;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        err_set(e, _("there is no conflict number %lld"), id);
    } else if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
        err_set(e, _("conflict %lld is already resolved (%s)"), id, sqlite3_column_text(st, 4));
    } else {
        copy_col(st, 0, tbl, sizeof tbl);
        copy_col(st, 1, uuid, sizeof uuid);
        incoming = db_column_strdup(st, 2);
        copy_col(st, 3, upd, sizeof upd);
        shown = db_column_strdup(st, 5);
        rc = 0;
    }
    sqlite3_finalize(st);
    if (rc < 0)
        goto out;
    if (!is_travel_table(tbl)) {
        rc = err_set(e, _("conflict %lld names an unknown table"), id);
        goto out;
    }
    old = audit_row_json(db, tbl, uuid);
    if (!old) {
        rc = err_set(e, _("the record of conflict %lld no longer exists"), id);
        goto out;
    }
    /* The choice was made on the local version the conflict shows: a local
     * change since (a form, an import) would otherwise be overwritten, or
     * kept, without a word. The whole row is compared, not the stamp alone. */
    if (!shown || strcmp(shown, old) != 0) {
        rc = changed_here(db, id, old, e);
        free(incoming);
        free(old);
        free(shown);
        return rc;
    }
    if (apply_choice(db, tbl, uuid, choice, incoming, upd, e) < 0 ||
        audit_write(db, tbl, uuid, "resolve", old, e) < 0) {
        rc = -1;
        goto out;
    }
    st = db_prepare(db, "UPDATE conflict SET resolution = ?, resolved_at = ? WHERE id = ?", e);
    rc = -1;
    if (st) {
        char now[32];
        db_now(now);
        sqlite3_bind_text(st, 1, choice, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, id);
        rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot save the choice"));
        sqlite3_finalize(st);
    }
out:
    free(incoming);
    free(old);
    free(shown);
    if (rc == 0)
        return db_commit(db, e);
    db_rollback(db);
    return -1;
}
