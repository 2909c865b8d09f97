/* package-mask.c — which personal identifiers a masked package leaves out, as the
 * SQL that reads each travelling column (shared by the copy and the digest). */
#include "package.h"
#include "db.h"
#include "fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes into out the SQL a masked package reads table.column with: the
 * column itself, or what field_shown leaves of it (NULL for an identifier,
 * and for other personal data unless the row's consent column says yes). */
static void masked_value(const char *table, const char *column, char *out, size_t n)
{
    const field_def *f = field_of(table, column);
    const field_def *consent = record_consent_field(record_kind_of(table));
    if (!f || field_shown(f, 0, 0))
        snprintf(out, n, "\"%s\"", column);
    else if (consent && field_shown(f, 1, 0))
        snprintf(out, n, "CASE WHEN \"%s\" = 0 THEN NULL ELSE \"%s\" END", consent->column, column);
    else
        snprintf(out, n, "NULL");
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
        char value[256];
        if (masked)
            masked_value(table, col, value, sizeof value);
        else
            snprintf(value, sizeof value, "\"%s\"", col);
        size_t need = len + strlen(value) + 8;
        if (need > cap) {
            cap = need * 2;
            out = xrealloc(out, cap);
        }
        len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? ", " : "", value);
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
