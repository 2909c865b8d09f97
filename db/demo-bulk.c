/* demo-bulk.c — a bulk load of demo data: no foreign-key lookups per row, and
 * the record tables' indexes dropped for the load and built again after it,
 * which sorts once instead of touching a page per row and index. What the
 * local migrations keep by triggers (counts, the lists' names, the teams'
 * training figures) is dropped for the load and built after it: filled by the
 * generator where it gathered the figures (db/demo-derived.c), otherwise by
 * the migrations' SQL from the records. Into a file of its own the load goes without journal or fsync; into an
 * existing file (units imported, an office set, no records yet) as one
 * transaction under a rollback journal (or the WAL journal, see
 * demo_bulk_start). */
#include "demo-internal.h"
#include "db.h"
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* True when every column of index name is a uuid (uuid or *_uuid); 0 for an
 * index on an expression or another column; -1 on a database error. */
static int on_uuids_only(sqlite3 *db, const char *name)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_index_info(?1)", -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int all = 1, any = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *col = (const char *)sqlite3_column_text(st, 0);
        size_t n = col ? strlen(col) : 0;
        any = 1;
        if (!col || !(strcmp(col, "uuid") == 0 || (n > 5 && strcmp(col + n - 5, "_uuid") == 0)))
            all = 0;
    }
    sqlite3_finalize(st);
    return rc != SQLITE_DONE ? -1 : all && any;
}

/* Reads the names and CREATE statements of the record tables' indexes into
 * b: those on uuid columns first (the build of the derived tables looks
 * records up through them), then the others (b->first_late on), which that
 * build had better not find: its counts by sort key and folded name then read
 * the member table in one pass instead of walking the sort index and fetching
 * every member from it. */
static int read_indexes(sqlite3 *db, demo_bulk *b, char ***names, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                      "AND sql IS NOT NULL AND tbl_name = ?1 ORDER BY name", e);
    if (!st)
        return -1;
    int rc = 0;
    for (int late = 0; late <= 1 && rc == 0; late++) {
        if (late)
            b->first_late = b->n;
        for (int t = 0; SCHEMA_TRAVEL_TABLES[t] && rc == 0; t++) {
            sqlite3_bind_text(st, 1, SCHEMA_TRAVEL_TABLES[t], -1, SQLITE_STATIC);
            int step;
            while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
                int uuids = on_uuids_only(db, (const char *)sqlite3_column_text(st, 0));
                if (uuids < 0)
                    rc = db_fail(db, e, _("cannot read the indexes"));
                if (uuids < 0 || uuids == late)
                    continue;
                b->sql = xrealloc(b->sql, (size_t)(b->n + 1) * sizeof *b->sql);
                *names = xrealloc(*names, (size_t)(b->n + 1) * sizeof **names);
                (*names)[b->n] = db_column_strdup(st, 0);
                b->sql[b->n++] = db_column_strdup(st, 1);
            }
            if (rc == 0 && step != SQLITE_DONE)
                rc = db_fail(db, e, _("cannot read the indexes"));
            sqlite3_reset(st);
        }
    }
    sqlite3_finalize(st);
    return rc;
}

/* Drops the named indexes, in one transaction (the caller's, with own 0). */
static int drop_indexes(sqlite3 *db, char **names, int n, int own, cdtt_err *e)
{
    if (own && db_begin(db, e) < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        /* An index name from the schema, quoted as an identifier: no data. */
        char *sql = sqlite3_mprintf("DROP INDEX \"%w\"", names[i]);
        int rc = sql ? db_exec(db, sql, e) : err_set(e, _("out of memory"));
        sqlite3_free(sql);
        if (rc < 0) {
            if (own)
                db_rollback(db);
            return -1;
        }
    }
    return own ? db_commit(db, e) : 0;
}

/* Gives the file pages of page_size bytes, by a VACUUM (a transaction of its
 * own, which changes no content), unless they are that size already or the
 * file is in WAL mode (another connection has it open), where the page size
 * cannot change. Returns 0, or -1 with e set. */
static int set_page_size(sqlite3 *db, int page_size, cdtt_err *e)
{
    if (db_scalar_int(db, "PRAGMA page_size", page_size) == page_size ||
        db_scalar_int(db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode", 1) != 0)
        return 0;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA page_size = %d; VACUUM", page_size);
    return db_exec(db, sql, e);
}

int demo_bulk_start(sqlite3 *db, demo_bulk *b, int one_tx, int page_size, cdtt_err *e)
{
    memset(b, 0, sizeof *b);
    b->one_tx = one_tx;
    /* In one transaction, under a rollback journal when no other connection has the file open
     * (else under its WAL journal): a crash rolls the load back. A rollback journal keeps only
     * the pages the file had, which a load into a file without records barely touches, where
     * WAL would write every new page twice. */
    if (one_tx) /* refused (busy) while another connection has the file open: the load then stays under WAL */
        sqlite3_exec(db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    /* The index builds sort in this thread alone: helper threads (PRAGMA threads) cost more
     * processor time in all (at 340,000 members about 0.6 s more, mostly the kernel's for
     * their sort memory) and, on two cores shared with other work, more wall time too. */
    if (db_exec(db, one_tx ? "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF"
                           : "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF",
                e) < 0)
        return -1;
    if (page_size && set_page_size(db, page_size, e) < 0)
        return -1;
    /* After the page size is set: SQLite 3.40 counts a cache given in KiB in pages of the
     * old size when the page size changes (4 times as many pages of 16 KB as wanted). */
    char cache[48];
    snprintf(cache, sizeof cache, "PRAGMA cache_size = -%d", DEMO_BULK_CACHE_KIB);
    if (db_exec(db, cache, e) < 0)
        return -1;
    if (one_tx && db_begin(db, e) < 0)
        return -1;
    char **names = NULL;
    int rc = read_indexes(db, b, &names, e);
    if (rc == 0)
        rc = drop_indexes(db, names, b->n, !one_tx, e);
    /* The counts and names kept by triggers are built once, after the load. */
    if (rc == 0)
        rc = db_exec(db, SCHEMA_LOCAL_DROP, e);
    for (int i = 0; i < b->n; i++)
        free(names[i]);
    free(names);
    if (rc < 0 && one_tx)
        db_rollback(db);
    return rc;
}

int demo_bulk_finish(sqlite3 *db, demo_bulk *b, const schema_filler *own, cdtt_err *e)
{
    if (!b->one_tx && db_begin(db, e) < 0)
        return -1;
    int rc = 0;
    for (int i = 0; i < b->first_late && rc == 0; i++)
        rc = db_exec(db, b->sql[i], e);
    if (rc == 0)
        rc = schema_local_build(db, own, e);
    for (int i = b->first_late; i < b->n && rc == 0; i++)
        rc = db_exec(db, b->sql[i], e);
    if (rc < 0) {
        db_rollback(db);
        return -1;
    }
    return db_commit(db, e); /* the caller sets the connection's usual pragmas back (demo_generate_into) */
}

void demo_bulk_free(demo_bulk *b)
{
    for (int i = 0; i < b->n; i++)
        free(b->sql[i]);
    free(b->sql);
    b->sql = NULL;
    b->n = 0;
}
