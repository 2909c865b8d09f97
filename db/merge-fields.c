/* merge-fields.c — versions of one record compared and combined field by field. */
#include "merge-fields.h"
#include "db.h"
#include "schema.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The columns that are not content, as an SQL list (for NOT IN). */
#define BOOKKEEPING_SQL                                                                   \
    "('uuid', 'created_at', 'updated_at', 'changed_by', 'version', 'base_version', "      \
    "'base_updated_at', 'name_fold', 'sort_key')"

int field_is_bookkeeping(const char *column)
{
    static const char *const B[] = {"uuid", "created_at", "updated_at", "changed_by", "version",
                                    "base_version", "base_updated_at", "name_fold", "sort_key", NULL};
    for (int i = 0; B[i]; i++)
        if (strcmp(B[i], column) == 0)
            return 1;
    return 0;
}

void field_set_free(field_set *f)
{
    for (int i = 0; i < f->n; i++)
        free(f->cols[i]);
    free(f->cols);
    f->cols = NULL;
    f->n = 0;
}

int field_set_has(const field_set *f, const char *column)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->cols[i], column) == 0)
            return 1;
    return 0;
}

static void field_set_add(field_set *f, const char *column)
{
    f->cols = xrealloc(f->cols, (size_t)(f->n + 1) * sizeof *f->cols);
    f->cols[f->n++] = xstrdup(column);
}

int fields_differing(sqlite3 *db, const char *a, const char *b, field_set *out, cdtt_err *e)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT key FROM json_each(?1) WHERE key NOT IN " BOOKKEEPING_SQL
        " AND value IS NOT json_extract(?2, '$.\"' || key || '\"') ORDER BY id", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, a ? a : "{}", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, b ? b : "{}", -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        field_set_add(out, (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        field_set_free(out);
        return db_fail(db, e, _("cannot compare the versions of a record"));
    }
    return 0;
}

int fields_diff3(sqlite3 *db, const char *base, const char *local, const char *incoming, field_set *below,
                 field_set *both, cdtt_err *e)
{
    memset(below, 0, sizeof *below);
    memset(both, 0, sizeof *both);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT key, value IS NOT json_extract(?1, p), "
        "  json_extract(?2, p) IS NOT json_extract(?1, p) AND json_extract(?2, p) IS NOT value "
        "FROM (SELECT id, key, value, '$.\"' || key || '\"' AS p FROM json_each(?3) "
        "      WHERE key NOT IN " BOOKKEEPING_SQL ") ORDER BY id", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, base, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, local, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, incoming, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!sqlite3_column_int(st, 1))
            continue;
        field_set_add(below, (const char *)sqlite3_column_text(st, 0));
        if (sqlite3_column_int(st, 2))
            field_set_add(both, (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        field_set_free(below);
        field_set_free(both);
        return db_fail(db, e, _("cannot compare the versions of a record"));
    }
    return 0;
}

/* Whether table is travelling and column one of its columns (so both may go into SQL text). */
static int is_column(sqlite3 *db, const char *table, const char *column)
{
    int travels = 0;
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++)
        travels |= strcmp(SCHEMA_TRAVEL_TABLES[i], table) == 0;
    if (!travels)
        return 0;
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
        found = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    return found;
}

/* Appends ", "col" = json_extract(?1, '$."col"')" to sql (grown as needed). */
static void add_set(char **sql, size_t *len, size_t *cap, const char *col)
{
    size_t need = *len + 2 * strlen(col) + 48;
    if (need > *cap) {
        *cap = need * 2;
        *sql = xrealloc(*sql, *cap);
    }
    *len += (size_t)snprintf(*sql + *len, *cap - *len, ", \"%s\" = json_extract(?1, '$.\"%s\"')", col, col);
}

/* The folded name and sort key of the name in column col of the JSON row src
 * of table, computed here (a version from below is not trusted for them). */
static void name_keys(sqlite3 *db, const char *table, const char *col, const char *src, char **fold, char **key)
{
    sqlite3_stmt *st = NULL;
    char *name = NULL;
    if (sqlite3_prepare_v2(db, "SELECT json_extract(?1, '$.\"' || ?2 || '\"')", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, src, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            name = db_column_strdup(st, 0);
    }
    sqlite3_finalize(st);
    *fold = text_fold(name ? name : "");
    *key = strcmp(table, "member") == 0 ? text_name_sort_key(name ? name : "") : text_sort_key(name ? name : "");
    free(name);
}

int fields_apply(sqlite3 *db, const char *table, const char *uuid, const char *src, const field_set *f,
                 long long base_version, const char *changed_by, cdtt_err *e)
{
    size_t cap = 256, len = 0;
    char *sql = xmalloc(cap), *fold = NULL, *key = NULL;
    len = (size_t)snprintf(sql, cap, "UPDATE main.\"%s\" SET base_version = max(coalesce(base_version, ?3), ?3), changed_by = ?4", table);
    int ok = is_column(db, table, "uuid");
    for (int i = 0; ok && i < f->n; i++) {
        ok = is_column(db, table, f->cols[i]) && !field_is_bookkeeping(f->cols[i]);
        if (!ok)
            break;
        add_set(&sql, &len, &cap, f->cols[i]);
        if ((strcmp(f->cols[i], "name") == 0 || strcmp(f->cols[i], "full_name") == 0) && !fold) {
            name_keys(db, table, f->cols[i], src, &fold, &key); /* the name's companions */
            if (len + 64 > cap)
                sql = xrealloc(sql, cap = len + 64);
            len += (size_t)snprintf(sql + len, cap - len, ", name_fold = ?5, sort_key = ?6");
        }
    }
    if (!ok) {
        free(sql);
        free(fold);
        free(key);
        return err_set(e, _("cannot apply the choice"));
    }
    if (len + 32 > cap)
        sql = xrealloc(sql, cap = len + 32);
    snprintf(sql + len, cap - len, " WHERE uuid = ?2");
    sqlite3_stmt *st = db_prepare(db, sql, e);
    free(sql);
    if (!st) {
        free(fold);
        free(key);
        return -1;
    }
    sqlite3_bind_text(st, 1, src, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, base_version);
    sqlite3_bind_text(st, 4, changed_by, -1, SQLITE_STATIC);
    if (fold) {
        sqlite3_bind_text(st, 5, fold, -1, free);
        sqlite3_bind_text(st, 6, key, -1, free);
    }
    int rc = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(db) == 1
                 ? 0 : db_fail(db, e, _("cannot apply the choice"));
    sqlite3_finalize(st);
    return rc;
}

/* The first text column of a query with the given parameters, malloc'd, or NULL. */
static char *first_text(sqlite3 *db, const char *sql, const char *table, const char *uuid, long long v,
                        const char *me)
{
    sqlite3_stmt *st = NULL;
    char *out = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, v);
    if (me)
        sqlite3_bind_text(st, 4, me, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT)
        out = db_column_strdup(st, 0);
    sqlite3_finalize(st);
    return out;
}

char *merge_base_find(sqlite3 *db, const char *table, const char *uuid, long long base_version, const char *me)
{
    char *json = first_text(db,
        "SELECT row_json FROM merge_base WHERE tbl = ?1 AND record_uuid = ?2 AND version = ?3",
        table, uuid, base_version, NULL);
    if (json)
        return json;
    /* A version the row held before a change made here: the audit keeps it. While
     * the last change came from below, a row holds exactly that version. */
    return first_text(db,
        "SELECT old_json FROM audit WHERE record_uuid = ?2 AND tbl = ?1 "
        "AND json_extract(old_json, '$.base_version') = ?3 AND json_extract(old_json, '$.changed_by') <> ?4 "
        "ORDER BY id DESC LIMIT 1",
        table, uuid, base_version, me);
}

int merge_base_put(sqlite3 *db, const char *table, const char *uuid, long long version, const char *json,
                   cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO merge_base (tbl, record_uuid, version, row_json) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (tbl, record_uuid) DO UPDATE SET version = excluded.version, row_json = excluded.row_json", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, version);
    sqlite3_bind_text(st, 4, json, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot merge the package"));
    sqlite3_finalize(st);
    return rc;
}

int merge_base_forget(sqlite3 *db, const char *table, const char *uuid, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "DELETE FROM merge_base WHERE tbl = ?1 AND record_uuid = ?2", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot merge the package"));
    sqlite3_finalize(st);
    return rc;
}
