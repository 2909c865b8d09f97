/* demo-bulk.c — a bulk load into a file that a demo generation owns alone: no
 * journal, no fsync, and the record tables' secondary indexes dropped for the
 * load and built again after it, which sorts once instead of inserting some
 * twenty index entries per member at random places. */
#include "demo-internal.h"
#include "db.h"
#include "schema.h"

#include <stdlib.h>
#include <string.h>

/* Reads the CREATE statements of the secondary indexes of the record tables
 * (not the primary keys' automatic ones) into b. */
static int read_indexes(sqlite3 *db, demo_bulk *b, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT sql FROM sqlite_master WHERE type = 'index' "
                                      "AND sql IS NOT NULL AND tbl_name = ?1 ORDER BY name", e);
    if (!st)
        return -1;
    int rc = 0;
    for (int t = 0; SCHEMA_TRAVEL_TABLES[t] && rc == 0; t++) {
        sqlite3_bind_text(st, 1, SCHEMA_TRAVEL_TABLES[t], -1, SQLITE_STATIC);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            b->sql = xrealloc(b->sql, (size_t)(b->n + 1) * sizeof *b->sql);
            b->sql[b->n++] = db_column_strdup(st, 0);
        }
        if (step != SQLITE_DONE)
            rc = db_fail(db, e, _("cannot read the indexes"));
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Drops the indexes of the record tables that have a CREATE statement. */
static int drop_indexes(sqlite3 *db, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT name FROM sqlite_master WHERE type = 'index' "
                                      "AND sql IS NOT NULL AND tbl_name = ?1", e);
    if (!st)
        return -1;
    int rc = 0;
    for (int t = 0; SCHEMA_TRAVEL_TABLES[t] && rc == 0; t++) {
        sqlite3_bind_text(st, 1, SCHEMA_TRAVEL_TABLES[t], -1, SQLITE_STATIC);
        char **names = NULL;
        int n = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            names = xrealloc(names, (size_t)(n + 1) * sizeof *names);
            names[n++] = db_column_strdup(st, 0);
        }
        sqlite3_reset(st);
        for (int i = 0; i < n; i++) {
            /* An index name from the schema, quoted as an identifier: no data. */
            char *sql = sqlite3_mprintf("DROP INDEX \"%w\"", names[i]);
            if (rc == 0 && (!sql || db_exec(db, sql, e) < 0))
                rc = -1;
            sqlite3_free(sql);
            free(names[i]);
        }
        free(names);
    }
    sqlite3_finalize(st);
    return rc;
}

int demo_bulk_start(sqlite3 *db, demo_bulk *b, cdtt_err *e)
{
    memset(b, 0, sizeof *b);
    if (db_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA threads = 2", e) < 0)
        return -1;
    if (read_indexes(db, b, e) < 0 || db_begin(db, e) < 0)
        return -1;
    if (drop_indexes(db, e) < 0) {
        db_rollback(db);
        return -1;
    }
    return db_commit(db, e);
}

int demo_bulk_finish(sqlite3 *db, demo_bulk *b, cdtt_err *e)
{
    if (db_begin(db, e) < 0)
        return -1;
    for (int i = 0; i < b->n; i++)
        if (db_exec(db, b->sql[i], e) < 0) {
            db_rollback(db);
            return -1;
        }
    if (db_commit(db, e) < 0)
        return -1;
    return db_exec(db, "PRAGMA threads = 0; PRAGMA journal_mode = WAL", e);
}

void demo_bulk_free(demo_bulk *b)
{
    for (int i = 0; i < b->n; i++)
        free(b->sql[i]);
    free(b->sql);
    b->sql = NULL;
    b->n = 0;
}
