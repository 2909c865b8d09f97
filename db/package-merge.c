/* package-merge.c — merging one table of a verified package, row by row: by
 * uuid and logical version (never by the clocks of the PCs), ownership checked
 * on both sides, and changes made at both levels merged field by field when
 * the version both started from is known, or kept as a conflict. */
#include "package-internal.h"
#include "audit.h"
#include "conflict.h"
#include "db.h"
#include "merge-fields.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Statements for merging one table from "pkg" into "main". */
typedef struct {
    const char *table;
    sqlite3_stmt *rows;     /* pkg rows (owner_rows_sql) */
    sqlite3_stmt *local;    /* a main row ?1 (owner_local_sql) */
    sqlite3_stmt *insert;   /* ?1 = uuid */
    sqlite3_stmt *update;   /* ?1 = uuid */
    sqlite3_stmt *incoming; /* json of the pkg row ?1 */
    sqlite3_stmt *audit;    /* audit entry for row ?1: ?2 at, ?3 user, ?4 office, ?5 old json */
    sqlite3_stmt *label;    /* a readable name of the pkg row ?1 */
    package_row_check *check; /* the checks of every value of a pkg row */
} table_merge;

/* One row of the package. */
typedef struct {
    char uuid[64];
    long long version;
    int deleted;
    char by[40];
    char updated_at[40];
} inc_row;

/* A readable name of a package row, per table (for the list of refused records). */
static const char *const LABEL_SQL[][2] = {
    {"area", "SELECT name FROM pkg.area WHERE uuid = ?1"},
    {"team", "SELECT name FROM pkg.team WHERE uuid = ?1"},
    {"member", "SELECT full_name FROM pkg.member WHERE uuid = ?1"},
    {"membership", "SELECT coalesce((SELECT full_name FROM pkg.member WHERE uuid = x.member_uuid), '?') "
                   "|| ' — ' || coalesce((SELECT name FROM pkg.team WHERE uuid = x.team_uuid), '?') "
                   "FROM pkg.membership x WHERE uuid = ?1"},
    {"training_session", "SELECT date || ' ' || topic FROM pkg.training_session WHERE uuid = ?1"},
    {"attendance", "SELECT coalesce((SELECT full_name FROM pkg.member WHERE uuid = x.member_uuid), '?') "
                   "|| ' — ' || coalesce((SELECT date || ' ' || topic FROM pkg.training_session "
                   "WHERE uuid = x.session_uuid), '?') FROM pkg.attendance x WHERE uuid = ?1"},
    {"activity", "SELECT coalesce((SELECT name FROM pkg.team WHERE uuid = x.team_uuid), '?') || ' — ' "
                 "|| date || ' ' || type FROM pkg.activity x WHERE uuid = ?1"},
};

/* Replaces "base_version" in a column list by "version": a merged row's
 * base_version is the version it came with. */
static char *select_list(const char *cols)
{
    static const char from[] = "\"base_version\"";
    static const char to[] = "\"version\"";
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

/* A json_object(...) expression of the values the merge takes for the column list. */
static char *json_expr(const char *table, const char *cols)
{
    char *pairs = package_value_map(table, cols, "'%c', %v");
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
    sqlite3_finalize(t->audit);
    sqlite3_finalize(t->label);
    package_row_check_free(t->check);
}

static const char *label_sql(const char *table)
{
    for (size_t i = 0; i < sizeof LABEL_SQL / sizeof LABEL_SQL[0]; i++)
        if (strcmp(LABEL_SQL[i][0], table) == 0)
            return LABEL_SQL[i][1];
    return "SELECT NULL";
}

static int table_merge_prepare(merge_ctx *x, const char *table, table_merge *t, cdtt_err *e)
{
    sqlite3 *db = x->db;
    memset(t, 0, sizeof *t);
    t->table = table;
    char *cols = package_column_list(db, "pkg", table, e);
    if (!cols)
        return -1;
    /* Derived columns are computed from the merged values, never copied. */
    char *values = package_value_map(table, cols, "%v");
    char *sel = select_list(values);
    free(values);
    char *json = json_expr(table, cols);
    char *rows = owner_rows_sql(table), *local = owner_local_sql(table);
    t->rows = rows ? db_prepare(db, rows, e) : NULL;
    t->local = local ? db_prepare(db, local, e) : NULL;
    sqlite3_free(rows);
    sqlite3_free(local);
    t->insert = prepare_fmt(db, e, "INSERT INTO main.\"%s\" (%s) SELECT %s FROM pkg.\"%s\" WHERE uuid = ?1",
                            table, cols, sel, table);
    t->update = prepare_fmt(db, e,
        "UPDATE main.\"%s\" SET (%s) = (SELECT %s FROM pkg.\"%s\" WHERE uuid = ?1) WHERE uuid = ?1",
        table, without_uuid(cols), without_uuid(sel), table);
    t->incoming = prepare_fmt(db, e, "SELECT %s FROM pkg.\"%s\" WHERE uuid = ?1", json, table);
    /* The version an import replaces is kept; the new one is the row itself (and the package). */
    t->audit = prepare_fmt(db, e,
        "INSERT INTO main.audit (at, os_user, office, tbl, record_uuid, action, old_json, new_json) "
        "VALUES (?2, ?3, ?4, '%s', ?1, 'import', ?5, NULL)", table);
    t->label = db_prepare(db, label_sql(table), e);
    t->check = package_row_check_new(db, table, e);
    free(cols);
    free(sel);
    free(json);
    if (!t->rows || !t->local || !t->insert || !t->update || !t->incoming || !t->audit || !t->label || !t->check) {
        table_merge_free(t);
        return -1;
    }
    return 0;
}

/* Adds a refused record (its name read from the package) to the result. */
static void refuse(merge_ctx *x, table_merge *t, const char *uuid, const char *reason)
{
    package_import_result *r = x->r;
    r->refused = xrealloc(r->refused, (size_t)(r->n_refused + 1) * sizeof *r->refused);
    package_refusal *f = &r->refused[r->n_refused++];
    memset(f, 0, sizeof *f);
    snprintf(f->table, sizeof f->table, "%s", t->table);
    snprintf(f->uuid, sizeof f->uuid, "%s", uuid);
    snprintf(f->reason, sizeof f->reason, "%s", reason);
    sqlite3_reset(t->label);
    sqlite3_bind_text(t->label, 1, uuid, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(t->label) == SQLITE_ROW && sqlite3_column_text(t->label, 0))
        snprintf(f->label, sizeof f->label, "%s", sqlite3_column_text(t->label, 0));
    sqlite3_reset(t->label);
    r->c.n_rejected++;
}

/* Runs an insert or update for uuid. Returns 1 done, 0 refused by a rule of the
 * schema (the record then listed), -1 error. */
static int run_write(merge_ctx *x, table_merge *t, sqlite3_stmt *st, const char *uuid, cdtt_err *e)
{
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(st);
        return 1;
    }
    if ((rc & 0xff) == SQLITE_CONSTRAINT || (sqlite3_extended_errcode(x->db) & 0xff) == SQLITE_CONSTRAINT) {
        char reason[512];
        snprintf(reason, sizeof reason, _("it breaks a rule of the database: %s"), sqlite3_errmsg(x->db));
        sqlite3_reset(st);
        refuse(x, t, uuid, reason);
        return 0;
    }
    db_fail(x->db, e, _("cannot merge the package"));
    sqlite3_reset(st);
    return -1;
}

/* The package's row uuid as JSON (malloc'd), or NULL with e set. */
static char *incoming_json(merge_ctx *x, table_merge *t, const char *uuid, cdtt_err *e)
{
    sqlite3_reset(t->incoming);
    sqlite3_bind_text(t->incoming, 1, uuid, -1, SQLITE_TRANSIENT);
    char *json = sqlite3_step(t->incoming) == SQLITE_ROW ? db_column_strdup(t->incoming, 0) : NULL;
    sqlite3_reset(t->incoming);
    if (!json)
        db_fail(x->db, e, _("cannot merge the package"));
    return json;
}

/* Appends the audit entry of an imported change: the version it replaced (old,
 * may be NULL). Returns 0 or -1 with e set. */
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
    return rc == SQLITE_DONE ? 0 : db_fail(x->db, e, _("cannot write the audit log"));
}

/* Writes the package's row over this file's (versions aside: a version never
 * goes down), audited; counts it. */
static int take_incoming(merge_ctx *x, table_merge *t, const inc_row *in, int was_deleted, cdtt_err *e)
{
    char *old = audit_row_json(x->db, t->table, in->uuid);
    int rc = run_write(x, t, t->update, in->uuid, e);
    if (rc == 1)
        rc = write_audit(x, t, in->uuid, old, e) < 0 ? -1 : 1;
    free(old);
    if (rc == 1 && x->o->replace)
        rc = (conflict_supersede(x->db, t->table, in->uuid, e) < 0 ||
              merge_base_forget(x->db, t->table, in->uuid, e) < 0) ? -1 : 1;
    if (rc < 0)
        return -1;
    if (rc == 1) {
        if (in->deleted && !was_deleted)
            x->r->c.n_deleted++;
        else
            x->r->c.n_updated++;
    }
    return 0;
}

/* Counts a conflict recorded (rc of conflict_record). */
static int count_conflict(merge_ctx *x, int rc)
{
    if (rc < 0)
        return -1;
    if (rc > 0)
        x->r->c.n_conflicts++;
    else
        x->r->c.n_unchanged++;
    return 0;
}

/* Takes the fields below changed (below) from the package's row over a row
 * changed here whose other changes stay; what still differs keeps the row
 * "changed here", with the package's row as the version to merge against next. */
static int take_fields(merge_ctx *x, table_merge *t, const inc_row *in, const char *local, const char *inc,
                       const field_set *diff, const field_set *below, cdtt_err *e)
{
    int still = 0;
    for (int i = 0; i < diff->n; i++)
        still |= !field_set_has(below, diff->cols[i]);
    if (fields_apply(x->db, t->table, in->uuid, inc, below, in->version, still ? x->me : in->by, e) < 0)
        return -1;
    int rc = still ? merge_base_put(x->db, t->table, in->uuid, in->version, inc, e)
                   : merge_base_forget(x->db, t->table, in->uuid, e);
    if (rc == 0 && below->n)
        rc = write_audit(x, t, in->uuid, local, e);
    if (rc < 0)
        return -1;
    if (below->n)
        x->r->c.n_updated++;
    else
        x->r->c.n_unchanged++;
    return 0;
}

/* A newer version from below of a record changed here since the last import:
 * the same content settles it; with the version both started from known and no
 * field changed on both sides, the fields changed below are taken; otherwise
 * the record's open conflict gets it (the record here stays as it is). */
static int merge_changed_here(merge_ctx *x, table_merge *t, const inc_row *in, int has_base, long long base,
                              cdtt_err *e)
{
    char *local = audit_row_json(x->db, t->table, in->uuid);
    char *inc = incoming_json(x, t, in->uuid, e);
    field_set diff = {0}, below = {0}, both = {0};
    char *basejson = NULL;
    int rc = (!local || !inc) ? -1 : fields_differing(x->db, local, inc, &diff, e);
    if (rc == 0 && diff.n == 0) { /* both sides agree */
        rc = fields_apply(x->db, t->table, in->uuid, inc, &diff, in->version, in->by, e);
        if (rc == 0)
            rc = merge_base_forget(x->db, t->table, in->uuid, e);
        if (rc == 0)
            rc = conflict_supersede(x->db, t->table, in->uuid, e);
        if (rc == 0)
            x->r->c.n_unchanged++;
        goto out;
    }
    int open = rc == 0 && conflict_is_open(x->db, t->table, in->uuid);
    if (rc == 0 && has_base && !open)
        basejson = merge_base_find(x->db, t->table, in->uuid, base, x->me);
    if (rc == 0 && basejson)
        rc = fields_diff3(x->db, basejson, local, inc, &below, &both, e);
    if (rc == 0 && basejson && both.n == 0)
        rc = take_fields(x, t, in, local, inc, &diff, &below, e);
    else if (rc == 0)
        rc = count_conflict(x, conflict_record(x->db, t->table, in->uuid, inc, in->version, in->updated_at,
                                               basejson, x->source, e));
out:
    free(local);
    free(inc);
    free(basejson);
    field_set_free(&diff);
    field_set_free(&below);
    field_set_free(&both);
    return rc;
}

/* Checks every value of the package's row before it is written (a version
 * merged before is not written, so not checked again). Returns 1 valid, 0
 * refused (listed), -1 with e set. */
static int values_valid(merge_ctx *x, table_merge *t, const inc_row *in, cdtt_err *e)
{
    char reason[512];
    int valid = package_row_valid(t->check, in->uuid, reason, sizeof reason);
    if (valid < 0)
        return db_fail(x->db, e, _("cannot read the package"));
    if (!valid)
        refuse(x, t, in->uuid, reason);
    return valid;
}

/* Merges a package row into the row this file holds under its uuid (in t->local). */
static int merge_existing(merge_ctx *x, table_merge *t, const inc_row *in, cdtt_err *e)
{
    long long lv = sqlite3_column_int64(t->local, 0);
    int has_base = sqlite3_column_type(t->local, 1) != SQLITE_NULL;
    long long bv = sqlite3_column_int64(t->local, 1);
    char by[40];
    snprintf(by, sizeof by, "%s", sqlite3_column_text(t->local, 2) ? (const char *)sqlite3_column_text(t->local, 2) : "");
    int was_deleted = sqlite3_column_int(t->local, 3);
    int changed_here = strcmp(by, x->me) == 0;
    sqlite3_reset(t->local);
    /* Seen already: this version, or an older one, was merged before. */
    int seen = has_base ? in->version <= bv : (!changed_here && in->version <= lv);
    if (x->o->replace)
        seen = seen && in->version == bv && !changed_here;
    if (seen) {
        x->r->c.n_unchanged++;
        return 0;
    }
    int valid = values_valid(x, t, in, e);
    if (valid <= 0)
        return valid;
    if (changed_here && !x->o->replace)
        return merge_changed_here(x, t, in, has_base, bv, e);
    return take_incoming(x, t, in, was_deleted, e);
}

/* Reads the current package row of t->rows into in. */
static void read_row(table_merge *t, inc_row *in)
{
    const unsigned char *u = sqlite3_column_text(t->rows, 0), *by = sqlite3_column_text(t->rows, 3),
                        *at = sqlite3_column_text(t->rows, 4);
    snprintf(in->uuid, sizeof in->uuid, "%s", u ? (const char *)u : "");
    in->version = sqlite3_column_int64(t->rows, 1);
    in->deleted = sqlite3_column_int(t->rows, 2);
    snprintf(in->by, sizeof in->by, "%s", by ? (const char *)by : "");
    snprintf(in->updated_at, sizeof in->updated_at, "%s", at ? (const char *)at : "");
}

/* Merges one package row (the current row of t->rows): ownership on both
 * sides first, then new or existing. */
static int merge_row(merge_ctx *x, table_merge *t, const inc_row *in, cdtt_err *e)
{
    char reason[512];
    if (!owner_incoming_ok(x, t->table, t->rows, reason, sizeof reason)) {
        refuse(x, t, in->uuid, reason);
        return 0;
    }
    sqlite3_reset(t->local);
    sqlite3_bind_text(t->local, 1, in->uuid, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(t->local) == SQLITE_ROW) {
        if (!owner_stored_ok(x, t->local, reason, sizeof reason)) {
            sqlite3_reset(t->local);
            refuse(x, t, in->uuid, reason);
            return 0;
        }
        return merge_existing(x, t, in, e);
    }
    sqlite3_reset(t->local);
    int valid = values_valid(x, t, in, e);
    if (valid <= 0)
        return valid;
    int w = run_write(x, t, t->insert, in->uuid, e);
    if (w < 0)
        return -1;
    if (w == 1)
        x->r->c.n_new++;
    return 0;
}

int merge_table(merge_ctx *x, const char *table, cdtt_err *e)
{
    table_merge t;
    if (table_merge_prepare(x, table, &t, e) < 0)
        return -1;
    int rc = 0, step;
    while (rc == 0 && (step = sqlite3_step(t.rows)) == SQLITE_ROW) {
        inc_row in;
        read_row(&t, &in);
        rc = merge_row(x, &t, &in, e);
    }
    if (rc == 0 && step != SQLITE_DONE)
        rc = db_fail(x->db, e, _("cannot read the package"));
    table_merge_free(&t);
    return rc;
}
