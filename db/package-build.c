/* package-build.c — filling a new package file from the office's database in
 * one pass: the schema, the records that travel (identifiers masked in the
 * copying SELECT, so that masked values never reach the file), the manifest;
 * compressed and signed in its header, or (plain) as one SQLite file. */
#include "package.h"
#include "package-pack.h"
#include "package-sign.h"
#include "db.h"
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first column of every row the query sql gives on db (?1 bound to arg
 * when not NULL), in order, joined into one script by ";" (malloc'd; "" for no
 * row). NULL with e set when the query fails. */
static char *statements_of(sqlite3 *db, const char *sql, const char *arg, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, sql, e);
    if (!st)
        return NULL;
    if (arg)
        sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    size_t cap = 4096, len = 0;
    char *out = xmalloc(cap);
    out[0] = '\0';
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        size_t n = strlen(text ? text : "");
        if (len + n + 3 > cap) {
            cap = (len + n + 3) * 2;
            out = xrealloc(out, cap);
        }
        len += (size_t)snprintf(out + len, cap - len, "%s;\n", text ? text : "");
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(out);
        db_fail(db, e, _("cannot take a snapshot of the database"));
        return NULL;
    }
    return out;
}

/* Gives the package p the schema of the office file open in db: its tables
 * (with the indexes of their keys) and, unless bare, its other indexes,
 * tables first, in the order they were made, as its migrations left them (no
 * migration is run again here: their ALTER TABLEs make SQLite read the whole
 * schema again at every step, which cost a quarter of an export); less what
 * stays in that file (SCHEMA_LOCAL_DROP, SCHEMA_STATE_DROP); the manifest
 * table; and the package's identity (application id,
 * schema_package_version()). Runs before the office file is attached to p: a
 * DROP that did not find its object in the package would otherwise look for
 * it there. */
static int create_schema(sqlite3 *p, sqlite3 *db, int bare, cdtt_err *e)
{
    char *ddl = statements_of(db,
        bare ? "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND sql IS NOT NULL "
               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
             : "SELECT sql FROM main.sqlite_schema WHERE type IN ('table', 'index') AND sql IS NOT NULL "
               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type = 'index', rowid", NULL, e);
    int bad = !ddl || db_exec(p, "BEGIN", e) < 0 || db_exec(p, ddl, e) < 0;
    free(ddl);
    if (bad || db_exec(p, SCHEMA_LOCAL_DROP, e) < 0 || db_exec(p, SCHEMA_STATE_DROP, e) < 0)
        return -1;
    char pragmas[160];
    snprintf(pragmas, sizeof pragmas, "PRAGMA main.application_id = %d; PRAGMA main.user_version = %d",
             CDTT_APPLICATION_ID, schema_package_version());
    return db_exec(p, PACKAGE_MANIFEST_DDL, e) < 0 || db_exec(p, pragmas, e) < 0 ? -1 : db_exec(p, "COMMIT", e);
}

/* Copies every row of src.table into the package's table of the same name;
 * columns is the select list ("*" copies pages of rows and indexes as they are). */
static int copy_table(sqlite3 *p, const char *table, const char *columns, cdtt_err *e)
{
    size_t n = strlen(columns) + 2 * strlen(table) + 64;
    char *sql = xmalloc(n);
    snprintf(sql, n, "INSERT INTO main.\"%s\" SELECT %s FROM src.\"%s\"", table, columns, table);
    int rc = db_exec(p, sql, e);
    free(sql);
    return rc;
}

/* Drops the indexes of table in p other than its keys' (they are built again
 * after its rows are copied one by one, which is faster than keeping them up to
 * date row by row) and returns the script that makes them again (malloc'd), or
 * NULL with e set. */
static char *indexes_aside(sqlite3 *p, const char *table, cdtt_err *e)
{
#define TABLE_INDEXES "FROM main.sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL"
    char *make = statements_of(p, "SELECT sql " TABLE_INDEXES " ORDER BY rowid", table, e);
    char *drop = make ? statements_of(p, "SELECT 'DROP INDEX main.\"' || name || '\"' " TABLE_INDEXES, table, e) : NULL;
#undef TABLE_INDEXES
    if (!drop || db_exec(p, drop, e) < 0) {
        free(make);
        make = NULL;
    }
    free(drop);
    return make;
}

/* Copies the office row and every travelling table, masking identifiers unless full. */
static int copy_records(sqlite3 *p, int full, cdtt_err *e)
{
    if (copy_table(p, "office", "*", e) < 0)
        return -1;
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++) {
        const char *table = SCHEMA_TRAVEL_TABLES[i];
        char *cols = package_column_list(p, "src", table, e);
        char *select = cols ? package_select_list(p, "src", table, !full, e) : NULL;
        /* "*" when nothing is masked: rows and indexes are then copied page by page;
         * a masked table is copied row by row, its indexes built afterwards. */
        int masked = select && strcmp(select, cols) != 0;
        char *later = masked ? indexes_aside(p, table, e) : NULL;
        int rc = select && (later || !masked) ? copy_table(p, table, masked ? select : "*", e) : -1;
        if (rc == 0 && later)
            rc = db_exec(p, later, e);
        free(later);
        free(select);
        free(cols);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Fills m's instance, sequence and clock_to from the package's office row (the
 * snapshot's: the values export set just before). Returns 0 or -1 with e set. */
static int read_identity(sqlite3 *p, package_manifest *m, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(p, "SELECT instance_id, package_seq, clock FROM main.office WHERE id = 1", e);
    if (!st)
        return -1;
    int rc = -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(m->instance, sizeof m->instance, "%s", sqlite3_column_text(st, 0));
        m->sequence = sqlite3_column_int64(st, 1);
        m->clock_to = sqlite3_column_int64(st, 2);
        rc = 0;
    } else {
        err_set(e, _("this file has no office yet; run 'cdtt init' first"));
    }
    sqlite3_finalize(st);
    return rc;
}

/* Attaches the office file `source` to p as "src". */
static int attach_source(sqlite3 *p, const char *source, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(p, "ATTACH ? AS src", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(p, e, _("cannot take a snapshot of the database"));
    sqlite3_finalize(st);
    return rc;
}

/* Fills m->rows and m->n_tables with the row counts of the package's tables. */
static int count_rows(sqlite3 *p, package_manifest *m, cdtt_err *e)
{
    m->n_tables = 0;
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i] && i < PACKAGE_MAX_TABLES; i++) {
        char sql[96];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM main.\"%s\"", SCHEMA_TRAVEL_TABLES[i]);
        long long n = db_scalar_int(p, sql, -1);
        if (n < 0)
            return db_fail(p, e, _("cannot take a snapshot of the database"));
        m->rows[i] = n;
        m->n_tables = i + 1;
    }
    return 0;
}

int package_build(sqlite3 *db, const char *path, int full, int packed, package_manifest *m, cdtt_err *e)
{
    const char *source = sqlite3_db_filename(db, "main");
    if (!source || !*source)
        return err_set(e, _("only a database kept in a file can be exported"));
    int page_size = (int)db_scalar_int(db, "PRAGMA main.page_size", 4096);
    sqlite3 *p = NULL;
    /* The package is private to this connection until it is renamed into place:
     * no journal and no syncs while it is built (the caller syncs it once, and an
     * unfinished file is never renamed); no connection lock; no foreign-key
     * enforcement, so that unchanged tables are copied page by page; CHECK
     * constraints were already met in the office's file, which has the same schema.
     * A compressed package is built in memory: only its compressed bytes reach the disk. */
    const char *where = packed ? ":memory:" : path;
    if (sqlite3_open_v2(where, &p, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL) !=
            SQLITE_OK ||
        /* In memory, in one growing piece (memdb) that is compressed where it lies. */
        (packed && sqlite3_deserialize(p, "main", NULL, 0, 0,
                                       SQLITE_DESERIALIZE_RESIZEABLE | SQLITE_DESERIALIZE_FREEONCLOSE) != SQLITE_OK)) {
        err_set(e, _("cannot open %s: %s"), path, p ? sqlite3_errmsg(p) : "out of memory");
        sqlite3_close(p);
        return -1;
    }
    sqlite3_busy_timeout(p, 5000);
    sqlite3_extended_result_codes(p, 1);
    int rc = -1;
    /* In memory, a small page cache: pages go on into the memdb as they fill
     * instead of being held twice until the commit. */
    char sql[96];
    snprintf(sql, sizeof sql, "PRAGMA main.page_size = %d; PRAGMA main.cache_size = %d", page_size,
             packed ? -256 : -16384);
    /* A compressed package is bare: its tables and their keys' indexes only.
     * The merge finds a package's rows by uuid alone, so its other indexes
     * (names, sort keys, phones, links) were a fifth of what was copied and
     * compressed for nothing. A plain package keeps them: older versions of
     * cdtt read it and want the schema whole. */
    if (db_exec(p, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; "
                   "PRAGMA ignore_check_constraints = ON", e) < 0 ||
        db_exec(p, sql, e) < 0 || create_schema(p, db, packed, e) < 0 || attach_source(p, source, e) < 0)
        goto out;
    /* One transaction: the records are written once, at the end, and
     * one read transaction on the office's file makes every table come from the
     * same moment. Not BEGIN IMMEDIATE: that would also take the office file's
     * write lock, and nothing is written there. */
    if (db_exec(p, "BEGIN", e) < 0)
        goto out;
    m->full = full;
    m->packed = packed;
    m->schema_version = schema_package_version();
    if (copy_records(p, full, e) < 0 || read_identity(p, m, e) < 0 ||
        (packed ? count_rows(p, m, e) : package_digest(p, "main", m, e)) < 0 ||
        package_manifest_write(p, m, e) < 0 || (!packed && package_sign_manifest(p, db, e) < 0) ||
        db_exec(p, "COMMIT", e) < 0) {
        db_rollback(p);
        goto out;
    }
    if (packed && (db_exec(p, "DETACH src", e) < 0 || package_pack_database(p, db, path, m->digest, e) < 0))
        goto out;
    rc = 0;
out:
    if (sqlite3_close(p) != SQLITE_OK && rc == 0)
        rc = err_set(e, _("cannot finish %s"), path);
    return rc;
}
