/* package-mask.c — which personal identifiers a masked package leaves out, as the
 * SQL that reads each travelling column (shared by the copy and the digest). */
#include "package.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a masked package carries instead of each personal identifier. */
static const struct {
    const char *table, *column, *value;
} MASKED[] = {
    {"member", "cccd", "NULL"},
    {"member", "phone", "CASE WHEN \"consent\" = 0 THEN NULL ELSE \"phone\" END"},
    {"member", "email", "CASE WHEN \"consent\" = 0 THEN NULL ELSE \"email\" END"},
};

/* The SQL a masked package reads table.column with, or NULL when it is kept. */
static const char *masked_value(const char *table, const char *column)
{
    for (size_t i = 0; i < sizeof MASKED / sizeof MASKED[0]; i++)
        if (strcmp(table, MASKED[i].table) == 0 && strcmp(column, MASKED[i].column) == 0)
            return MASKED[i].value;
    return NULL;
}

/* The columns of schema.table in order, quoted, each read through its mask when
 * masked; NULL with e set when the table has none. */
static char *column_list(sqlite3 *db, const char *schema, const char *table, int masked, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT name FROM pragma_table_info(?1, ?2) ORDER BY cid", e);
    if (!st)
        return NULL;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, schema, -1, SQLITE_STATIC);
    size_t cap = 1024, len = 0;
    char *out = xmalloc(cap);
    out[0] = '\0';
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *col = (const char *)sqlite3_column_text(st, 0);
        const char *value = masked ? masked_value(table, col) : NULL;
        size_t need = len + strlen(col) + (value ? strlen(value) : 0) + 8;
        if (need > cap) {
            cap = need * 2;
            out = xrealloc(out, cap);
        }
        if (value)
            len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? ", " : "", value);
        else
            len += (size_t)snprintf(out + len, cap - len, "%s\"%s\"", len ? ", " : "", col);
    }
    sqlite3_finalize(st);
    if (!len) {
        free(out);
        err_set(e, _("the table %s is missing"), table);
        return NULL;
    }
    return out;
}

char *package_column_list(sqlite3 *db, const char *schema, const char *table, cdtt_err *e)
{
    return column_list(db, schema, table, 0, e);
}

char *package_select_list(sqlite3 *db, const char *schema, const char *table, int masked, cdtt_err *e)
{
    return column_list(db, schema, table, masked, e);
}
