/* records-commune.c — the commune a record belongs to, for lists and exports at
 * an office above the communes. */
#include "records.h"
#include "db.h"
#include "db-cache.h"
#include "office.h"

#include <stdio.h>
#include <string.h>

/* One statement per table: the record's commune code and the unit list's name. */
static const char *commune_sql(const char *table)
{
    if (strcmp(table, "area") == 0)
        return "SELECT r.unit_code, coalesce(u.name, '') FROM area r LEFT JOIN unit u ON u.scheme = r.unit_scheme "
               "AND u.level = 'commune' AND u.code = r.unit_code WHERE r.uuid = ?1";
    if (strcmp(table, "team") == 0)
        return "SELECT r.unit_code, coalesce(u.name, '') FROM team r LEFT JOIN unit u ON u.scheme = r.unit_scheme "
               "AND u.level = 'commune' AND u.code = r.unit_code WHERE r.uuid = ?1";
    if (strcmp(table, "member") == 0)
        return "SELECT r.unit_code, coalesce(u.name, '') FROM member r LEFT JOIN unit u ON u.scheme = r.unit_scheme "
               "AND u.level = 'commune' AND u.code = r.unit_code WHERE r.uuid = ?1";
    return NULL;
}

int records_commune_of(sqlite3 *db, const char *table, const char *uuid, char code[8], char name[128])
{
    code[0] = name[0] = '\0';
    const char *sql = commune_sql(table);
    sqlite3_stmt *st = sql ? db_cached(db, sql, NULL) : NULL;
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    int rc = -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(code, 8, "%s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
        snprintf(name, 128, "%s", sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "");
        rc = 0;
    }
    db_cached_done(st);
    return rc;
}

int records_consolidating(sqlite3 *db)
{
    office_rec o;
    return office_get(db, &o) == 0 && strcmp(o.level, "commune") != 0;
}
