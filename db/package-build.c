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

/* Gives the package p the schema of the office file open in db: its tables
 * and indexes, tables first, in the order they were made, as its migrations
 * left them (no migration is run again here: their ALTER TABLEs make SQLite
 * read the whole schema again at every step, which cost a quarter of an
 * export); less what stays in that file (SCHEMA_LOCAL_DROP,
 * SCHEMA_STATE_DROP); the manifest table; and the package's identity
 * (application id, schema_package_version()). Runs before the office file is
 * attached to p: a DROP that did not find its object in the package would
 * otherwise look for it there. */
static int create_schema(sqlite3 *p, sqlite3 *db, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT sql FROM main.sqlite_schema WHERE type IN ('table', 'index') AND sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type = 'index', rowid", e);
    if (!st)
        return -1;
    char **sql = NULL;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sql = xrealloc(sql, (size_t)(n + 1) * sizeof *sql);
        sql[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    int bad = rc != SQLITE_DONE ? db_fail(db, e, _("cannot take a snapshot of the database"))
              : db_exec(p, "BEGIN", e);
    for (int i = 0; i < n; i++) {
        if (!bad && db_exec(p, sql[i], e) < 0)
            bad = -1;
        free(sql[i]);
    }
    free(sql);
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
 * date row by row) and gives their CREATE statements (malloc'd) in *out.
 * Returns how many, or -1 with e set. */
static int indexes_aside(sqlite3 *p, const char *table, char ***out, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(p, "SELECT name, sql FROM main.sqlite_schema WHERE type = 'index' AND tbl_name = ?1 "
                                     "AND sql IS NOT NULL ORDER BY rowid", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    char **sql = NULL, **names = NULL;
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        sql = xrealloc(sql, (size_t)(n + 1) * sizeof *sql);
        names = xrealloc(names, (size_t)(n + 1) * sizeof *names);
        names[n] = xstrdup((const char *)sqlite3_column_text(st, 0));
        sql[n++] = xstrdup((const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    int rc = n;
    for (int i = 0; i < n; i++) {
        char drop[160];
        snprintf(drop, sizeof drop, "DROP INDEX main.\"%s\"", names[i]);
        if (rc >= 0 && db_exec(p, drop, e) < 0)
            rc = -1;
        free(names[i]);
    }
    free(names);
    if (rc < 0) {
        for (int i = 0; i < n; i++)
            free(sql[i]);
        free(sql);
        sql = NULL;
    }
    *out = sql;
    return rc;
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
        char **later = NULL;
        int nlater = masked ? indexes_aside(p, table, &later, e) : 0;
        int rc = select && nlater >= 0 ? copy_table(p, table, masked ? select : "*", e) : -1;
        for (int k = 0; k < nlater; k++) {
            if (rc == 0 && db_exec(p, later[k], e) < 0)
                rc = -1;
            free(later[k]);
        }
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

/* The manifest value of key in p's main schema into out (n bytes); "" when missing. */
static void manifest_value(sqlite3 *p, const char *key, char *out, size_t n)
{
    out[0] = '\0';
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(p, "SELECT value FROM main.manifest WHERE key = ?1", -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, n, "%s", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* Writes the finished in-memory package p, compressed, to path: the SQLite file
 * as it stands (its manifest without digest, key and signature), then its
 * digest, and the office db's signature of the manifest with that digest, in
 * the header (db/package-pack.h). Fills m->digest. Returns 0, or -1 with e set. */
static int write_packed(sqlite3 *p, sqlite3 *db, const char *path, package_manifest *m, cdtt_err *e)
{
    sqlite3_int64 size = 0;
    /* The database's own memory when it lies in one piece (memdb), else a copy. */
    unsigned char *bytes = sqlite3_serialize(p, "main", &size, SQLITE_SERIALIZE_NOCOPY), *copy = NULL;
    if (!bytes)
        bytes = copy = sqlite3_serialize(p, "main", &size, 0);
    if (!bytes)
        return err_set(e, _("out of memory"));
    unsigned char *payload = NULL;
    size_t n = 0;
    int rc = package_pack_compress(bytes, (size_t)size, &payload, &n, m->digest, e);
    sqlite3_free(copy);
    pack_header h;
    memset(&h, 0, sizeof h);
    snprintf(h.digest, sizeof h.digest, "%s", m->digest);
    if (rc == 0) {
        sqlite3_stmt *st = db_prepare(p, "INSERT INTO main.manifest (key, value) VALUES ('digest', ?1)", e);
        rc = st ? 0 : -1;
        if (st) {
            sqlite3_bind_text(st, 1, m->digest, -1, SQLITE_STATIC);
            rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(p, e, _("cannot sign the package"));
            sqlite3_finalize(st);
        }
    }
    if (rc == 0)
        rc = package_sign_manifest(p, db, e);
    if (rc == 0) {
        manifest_value(p, "public_key", h.public_key, sizeof h.public_key);
        manifest_value(p, "signature", h.signature, sizeof h.signature);
        rc = package_pack_write(path, &h, payload, n, e);
    }
    free(payload);
    return rc;
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
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA main.page_size = %d", page_size);
    if (db_exec(p, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; "
                   "PRAGMA ignore_check_constraints = ON; PRAGMA cache_size = -16384", e) < 0 ||
        db_exec(p, sql, e) < 0 || create_schema(p, db, e) < 0 || attach_source(p, source, e) < 0)
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
    if (packed && (db_exec(p, "DETACH src", e) < 0 || write_packed(p, db, path, m, e) < 0))
        goto out;
    rc = 0;
out:
    if (sqlite3_close(p) != SQLITE_OK && rc == 0)
        rc = err_set(e, _("cannot finish %s"), path);
    return rc;
}
