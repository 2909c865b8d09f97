/* package-merge.c — importing verified packages: merge by uuid, newest wins,
 * conflicts kept, everything in one transaction per file. */
#include "package.h"
#include "conflict.h"
#include "db.h"
#include "office.h"
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Statements for merging one table from "pkg" into "main". */
typedef struct {
    const char *table;
    int has_unit;
    sqlite3_stmt *rows;     /* uuid, updated_at, deleted, unit_scheme, unit_code of pkg rows */
    sqlite3_stmt *local;    /* updated_at, base_updated_at, changed_by, deleted of a main row */
    sqlite3_stmt *insert;   /* ?1 = uuid */
    sqlite3_stmt *update;   /* ?1 = uuid */
    sqlite3_stmt *incoming; /* json of the pkg row ?1 */
    sqlite3_stmt *snapshot; /* json of the main row ?1 */
    sqlite3_stmt *audit;    /* audit entry for row ?1: ?2 at, ?3 user, ?4 office, ?5 old json */
} table_merge;

/* Context of one file's merge. */
typedef struct {
    sqlite3 *db;
    const package_manifest *m;
    char me[32];             /* this office's key */
    char source[32];         /* the source office's key */
    sqlite3_stmt *unit;      /* province_code, parent_code of a unit in main */
    package_counts *c;
} merge_ctx;

/* Replaces "base_updated_at" in a column list by the incoming updated_at. */
static char *select_list(const char *cols)
{
    static const char from[] = "\"base_updated_at\"";
    static const char to[] = "\"updated_at\"";
    const char *hit = strstr(cols, from);
    size_t n = strlen(cols) + sizeof to;
    char *out = xmalloc(n);
    if (!hit)
        snprintf(out, n, "%s", cols);
    else
        snprintf(out, n, "%.*s%s%s", (int)(hit - cols), cols, to, hit + strlen(from));
    return out;
}

/* Drops the leading "uuid" from a column list (uuid is always first). */
static const char *without_uuid(const char *cols)
{
    return strncmp(cols, "\"uuid\", ", 8) == 0 ? cols + 8 : cols;
}

static sqlite3_stmt *prepare_fmt(sqlite3 *db, cdtt_err *e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prepares SQL built from constant pieces and schema names (never data). */
static sqlite3_stmt *prepare_fmt(sqlite3 *db, cdtt_err *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *sql = sqlite3_vmprintf(fmt, ap);
    va_end(ap);
    sqlite3_stmt *st = sql ? db_prepare(db, sql, e) : NULL;
    sqlite3_free(sql);
    return st;
}

/* A json_object(...) expression over the column list. */
static char *json_expr(const char *cols)
{
    char *pairs = package_column_map(cols, "'%c', \"%c\"", NULL);
    size_t n = strlen(pairs) + 16;
    char *out = xmalloc(n);
    snprintf(out, n, "json_object(%s)", pairs);
    free(pairs);
    return out;
}

static void table_merge_free(table_merge *t)
{
    sqlite3_finalize(t->rows);
    sqlite3_finalize(t->local);
    sqlite3_finalize(t->insert);
    sqlite3_finalize(t->update);
    sqlite3_finalize(t->incoming);
    sqlite3_finalize(t->snapshot);
    sqlite3_finalize(t->audit);
}

static int table_merge_prepare(sqlite3 *db, const char *table, table_merge *t, cdtt_err *e)
{
    memset(t, 0, sizeof *t);
    t->table = table;
    char *cols = package_column_list(db, "pkg", table, e);
    if (!cols)
        return -1;
    char *sel = select_list(cols);
    char *json = json_expr(cols);
    t->has_unit = strstr(cols, "\"unit_code\"") != NULL;
    t->rows = prepare_fmt(db, e, "SELECT uuid, updated_at, deleted, %s FROM pkg.\"%s\" ORDER BY uuid",
                          t->has_unit ? "unit_scheme, unit_code" : "NULL, NULL", table);
    t->local = prepare_fmt(db, e,
        "SELECT updated_at, base_updated_at, changed_by, deleted FROM main.\"%s\" WHERE uuid = ?1", table);
    t->insert = prepare_fmt(db, e, "INSERT INTO main.\"%s\" (%s) SELECT %s FROM pkg.\"%s\" WHERE uuid = ?1",
                            table, cols, sel, table);
    t->update = prepare_fmt(db, e,
        "UPDATE main.\"%s\" SET (%s) = (SELECT %s FROM pkg.\"%s\" WHERE uuid = ?1) WHERE uuid = ?1",
        table, without_uuid(cols), without_uuid(sel), table);
    t->incoming = prepare_fmt(db, e, "SELECT %s FROM pkg.\"%s\" WHERE uuid = ?1", json, table);
    t->snapshot = prepare_fmt(db, e, "SELECT %s FROM main.\"%s\" WHERE uuid = ?1", json, table);
    /* The version an import replaces is kept; the new one is the row itself (and the package). */
    t->audit = prepare_fmt(db, e,
        "INSERT INTO main.audit (at, os_user, office, tbl, record_uuid, action, old_json, new_json) "
        "VALUES (?2, ?3, ?4, '%s', ?1, 'import', ?5, NULL)", table);
    free(cols);
    free(sel);
    free(json);
    if (!t->rows || !t->local || !t->insert || !t->update || !t->incoming || !t->snapshot || !t->audit) {
        table_merge_free(t);
        return -1;
    }
    return 0;
}

/* Whether a record of unit (scheme, code) may come from the source office. */
static int unit_in_scope(merge_ctx *x, const char *scheme, const char *code)
{
    const package_manifest *m = x->m;
    if (!scheme || !code || strcmp(scheme, m->source_scheme) != 0)
        return 0;
    if (strcmp(code, m->source_code) == 0)
        return 1;
    if (strcmp(m->source_level, "commune") == 0)
        return 0;
    if (strcmp(m->source_level, "national") == 0)
        return 1;
    /* Below a district or province: decided by this office's unit list when it knows the unit. */
    sqlite3_reset(x->unit);
    sqlite3_bind_text(x->unit, 1, scheme, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(x->unit, 2, code, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(x->unit) != SQLITE_ROW)
        return 1;
    const char *up = (const char *)sqlite3_column_text(x->unit,
                                                       strcmp(m->source_level, "province") == 0 ? 0 : 1);
    return up && strcmp(up, m->source_code) == 0;
}

/* Runs an insert or update for uuid. Returns 1 done, 0 refused by a constraint, -1 error. */
static int run_write(merge_ctx *x, sqlite3_stmt *st, const char *uuid, cdtt_err *e)
{
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return 1;
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        return 0;
    return db_fail(x->db, e, _("cannot merge the package"));
}

/* Records a conflict for the local row uuid; counts it when new. */
static int add_conflict(merge_ctx *x, table_merge *t, const char *uuid, const char *inc_updated,
                        cdtt_err *e)
{
    sqlite3_reset(t->incoming);
    sqlite3_bind_text(t->incoming, 1, uuid, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(t->incoming) != SQLITE_ROW)
        return db_fail(x->db, e, _("cannot merge the package"));
    char *json = db_column_strdup(t->incoming, 0);
    sqlite3_reset(t->incoming);
    int rc = conflict_add(x->db, t->table, uuid, json, inc_updated, x->source, e);
    free(json);
    if (rc < 0)
        return -1;
    if (rc == 1)
        x->c->n_conflicts++;
    else
        x->c->n_unchanged++;
    return 0;
}

/* Appends the audit entry of an imported change: the version it replaced (old,
 * may be NULL). Returns 1 or -1 with e set. */
static int write_audit(merge_ctx *x, table_merge *t, const char *uuid, const char *old, cdtt_err *e)
{
    char now[32];
    db_now(now);
    sqlite3_stmt *st = t->audit;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, db_os_user(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, x->me, -1, SQLITE_STATIC);
    db_bind_text_or_null(st, 5, old);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 1 : db_fail(x->db, e, _("cannot write the audit log"));
}

/* Merges one incoming row against the local one. */
static int merge_existing(merge_ctx *x, table_merge *t, const char *uuid, const char *inc_updated,
                          int inc_deleted, cdtt_err *e)
{
    const char *upd = (const char *)sqlite3_column_text(t->local, 0);
    const char *base = (const char *)sqlite3_column_text(t->local, 1);
    const char *by = (const char *)sqlite3_column_text(t->local, 2);
    int was_deleted = sqlite3_column_int(t->local, 3);
    if (strcmp(inc_updated, upd) == 0 || (base && strcmp(inc_updated, base) <= 0)) {
        x->c->n_unchanged++; /* already seen, or older than what was seen */
        return 0;
    }
    int changed_here = by && strcmp(by, x->me) == 0 && (!base || strcmp(upd, base) != 0);
    if (changed_here)
        return add_conflict(x, t, uuid, inc_updated, e);
    if (strcmp(inc_updated, upd) < 0) {
        x->c->n_unchanged++;
        return 0;
    }
    char *old = NULL;
    sqlite3_reset(t->snapshot);
    sqlite3_bind_text(t->snapshot, 1, uuid, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(t->snapshot) == SQLITE_ROW)
        old = db_column_strdup(t->snapshot, 0);
    sqlite3_reset(t->snapshot);
    int rc = run_write(x, t->update, uuid, e);
    if (rc == 1)
        rc = write_audit(x, t, uuid, old, e);
    free(old);
    if (rc < 0)
        return -1;
    if (rc == 0)
        x->c->n_rejected++;
    else if (inc_deleted && !was_deleted)
        x->c->n_deleted++;
    else
        x->c->n_updated++;
    return 0;
}

static int merge_table(merge_ctx *x, const char *table, cdtt_err *e)
{
    table_merge t;
    if (table_merge_prepare(x->db, table, &t, e) < 0)
        return -1;
    int rc = 0, step;
    while (rc == 0 && (step = sqlite3_step(t.rows)) == SQLITE_ROW) {
        char uuid[64], updated[40];
        snprintf(uuid, sizeof uuid, "%s", sqlite3_column_text(t.rows, 0));
        snprintf(updated, sizeof updated, "%s", sqlite3_column_text(t.rows, 1));
        int deleted = sqlite3_column_int(t.rows, 2);
        if (t.has_unit && !unit_in_scope(x, (const char *)sqlite3_column_text(t.rows, 3),
                                         (const char *)sqlite3_column_text(t.rows, 4))) {
            x->c->n_rejected++;
            continue;
        }
        sqlite3_reset(t.local);
        sqlite3_bind_text(t.local, 1, uuid, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(t.local) == SQLITE_ROW) {
            rc = merge_existing(x, &t, uuid, updated, deleted, e);
        } else {
            int w = run_write(x, t.insert, uuid, e);
            if (w < 0)
                rc = -1;
            else if (w == 0)
                x->c->n_rejected++;
            else
                x->c->n_new++;
        }
        sqlite3_reset(t.local);
    }
    if (rc == 0 && step != SQLITE_DONE)
        rc = db_fail(x->db, e, _("cannot read the package"));
    table_merge_free(&t);
    return rc;
}

static int write_log(sqlite3 *db, const char *path, const package_manifest *m, const package_counts *c,
                     cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO import_log (file_name, source_scheme, source_code, source_name, package_created_at, "
        "digest, imported_at, os_user, n_new, n_updated, n_unchanged, n_deleted, n_rejected, n_conflicts) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
    if (!st)
        return -1;
    char now[32];
    db_now(now);
    const char *base = strrchr(path, '/');
    sqlite3_bind_text(st, 1, base ? base + 1 : path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, m->source_scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, m->source_code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, m->source_name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, m->created_at, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, m->digest, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, db_os_user(), -1, SQLITE_STATIC);
    long long v[6] = {c->n_new, c->n_updated, c->n_unchanged, c->n_deleted, c->n_rejected, c->n_conflicts};
    for (int i = 0; i < 6; i++)
        sqlite3_bind_int64(st, 9 + i, v[i]);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot write the import log"));
    sqlite3_finalize(st);
    return rc;
}

/* Attaches the private copy read-only as "pkg". */
static int attach(sqlite3 *db, const char *copy, cdtt_err *e)
{
    char uri[12300], *o = uri;
    o += sprintf(o, "file:");
    for (const unsigned char *p = (const unsigned char *)copy; *p; p++)
        o += (strchr("/._-", *p) || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z'))
                 ? sprintf(o, "%c", *p) : sprintf(o, "%%%02X", *p);
    sprintf(o, "?mode=ro");
    sqlite3_stmt *st = db_prepare(db, "ATTACH ? AS pkg", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uri, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot open the package"));
    sqlite3_finalize(st);
    return rc;
}

/* Brings a private copy with an older schema up to this version. */
static int migrate_copy(const char *copy, cdtt_err *e)
{
    sqlite3 *p = NULL;
    int rc = -1;
    if (sqlite3_open_v2(copy, &p, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK)
        rc = db_migrate(p, e);
    else
        err_set(e, _("cannot upgrade the package"));
    sqlite3_close(p);
    return rc;
}

/* Verifies and merges the private copy; the transaction is committed unless dry_run. */
static int import_copy(sqlite3 *db, const char *path, const char *copy, int dry_run,
                       package_progress_fn progress, void *user, package_import_result *r)
{
    cdtt_err *e = &r->err;
    if (package_verify(db, copy, &r->m, e) < 0) {
        /* Name the user's file in the reason, not the private copy. */
        char *hit = strstr(e->msg, copy);
        if (hit) {
            char rest[1024];
            snprintf(rest, sizeof rest, "%s", hit + strlen(copy));
            snprintf(hit, sizeof e->msg - (size_t)(hit - e->msg), "%s%s", path, rest);
        }
        return -1;
    }
    /* Only a package older than the package schema needs upgrading: later
     * migrations add only what stays in the office's own file. */
    if (r->m.schema_version < schema_package_version() && migrate_copy(copy, e) < 0)
        return -1;
    if (attach(db, copy, e) < 0)
        return -1;
    merge_ctx x = {.db = db, .m = &r->m, .c = &r->c};
    office_key(db, x.me);
    snprintf(x.source, sizeof x.source, "%s:%s", r->m.source_scheme, r->m.source_code);
    int rc = -1;
    x.unit = db_prepare(db,
        "SELECT province_code, coalesce(parent_code, '') FROM main.unit "
        "WHERE scheme = ?1 AND code = ?2 AND level IN ('commune', 'district') "
        "ORDER BY level = 'commune' DESC LIMIT 1", e);
    /* A larger page cache for the duration: merging touches many index pages. */
    long long cache = db_scalar_int(db, "PRAGMA cache_size", -2000);
    sqlite3_exec(db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
    if (x.unit && db_begin(db, e) == 0) {
        rc = 0;
        for (int i = 0; rc == 0 && SCHEMA_TRAVEL_TABLES[i]; i++) {
            if (progress)
                progress(user, SCHEMA_TRAVEL_TABLES[i], i, r->m.n_tables);
            rc = merge_table(&x, SCHEMA_TRAVEL_TABLES[i], e);
        }
        if (rc == 0)
            rc = write_log(db, path, &r->m, &r->c, e);
        if (rc == 0 && progress)
            progress(user, _("done"), r->m.n_tables, r->m.n_tables);
        if (rc == 0 && !dry_run)
            rc = db_commit(db, e);
        db_rollback(db);
    }
    sqlite3_finalize(x.unit);
    sqlite3_exec(db, "DETACH pkg", NULL, NULL, NULL);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", cache);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    return rc;
}

int package_import(sqlite3 *db, const char *path, int dry_run, package_progress_fn progress,
                   void *user, package_import_result *r)
{
    memset(r, 0, sizeof *r);
    char copy[4096];
    if (package_copy_private(path, copy, &r->err) < 0)
        return -1;
    int rc = import_copy(db, path, copy, dry_run, progress, user, r);
    unlink(copy);
    if (rc < 0)
        memset(&r->c, 0, sizeof r->c);
    r->ok = rc == 0;
    return rc;
}
