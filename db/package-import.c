/* package-import.c — importing one package file: a private copy checked as
 * hostile input and upgraded, then, in one transaction, the checks of its place
 * among its office's packages (file instance, sequence), the merge of every
 * table, and the import log; everything rolled back when records were refused
 * and the user did not accept a partial import, or on a dry run. */
#include "package-sign.h"
#include "package-internal.h"
#include "db.h"
#include "office.h"
#include "schema.h"
#include "team-training.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Writes the import log row of the package, under its office, or under the
 * 2025-07 commune into when it crossed the reorganisation (so that the
 * completeness table counts the commune that now holds its records). */
static int write_log(sqlite3 *db, const char *path, const package_import_result *r, const char *into, int merged,
                     cdtt_err *e)
{
    const package_manifest *m = &r->m;
    const package_counts *c = &r->c;
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO import_log (file_name, source_scheme, source_code, source_name, package_created_at, "
        "digest, imported_at, os_user, n_new, n_updated, n_unchanged, n_deleted, n_rejected, n_conflicts, "
        "sequence, instance_id, merged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
    if (!st)
        return -1;
    char now[32];
    db_now(now);
    const char *base = strrchr(path, '/');
    sqlite3_bind_text(st, 1, base ? base + 1 : path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, *into ? "2025-07" : m->source_scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, *into ? into : m->source_code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, m->source_name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, m->created_at, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, m->digest, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, db_os_user(), -1, SQLITE_STATIC);
    long long v[6] = {c->n_new, c->n_updated, c->n_unchanged, c->n_deleted, c->n_rejected, c->n_conflicts};
    for (int i = 0; i < 6; i++)
        sqlite3_bind_int64(st, 9 + i, v[i]);
    sqlite3_bind_int64(st, 15, m->sequence);
    sqlite3_bind_text(st, 16, m->instance, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 17, merged);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot write the import log"));
    sqlite3_finalize(st);
    return rc;
}

/* Marks the earlier imports from the package's office as withdrawn (its data was replaced). */
static int withdraw_logs(sqlite3 *db, const package_manifest *m, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE import_log SET withdrawn = 1 WHERE source_scheme = ? AND source_code = ?", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, m->source_scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, m->source_code, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot write the import log"));
    sqlite3_finalize(st);
    return rc;
}

/* Raises this office's clock to the highest version the package carries
 * (a Lamport clock: later changes here get higher versions than anything seen). */
static int raise_clock(sqlite3 *db, cdtt_err *e)
{
    return db_exec(db,
        "UPDATE main.office SET clock = max(clock, (SELECT coalesce(max(v), 0) FROM ("
        "SELECT max(version) AS v FROM pkg.area UNION ALL SELECT max(version) FROM pkg.team "
        "UNION ALL SELECT max(version) FROM pkg.member UNION ALL SELECT max(version) FROM pkg.membership "
        "UNION ALL SELECT max(version) FROM pkg.training_session "
        "UNION ALL SELECT max(version) FROM pkg.attendance UNION ALL SELECT max(version) FROM pkg.activity)))"
        " WHERE id = 1", e);
}

/* +1 when the ISO time made lies more than a day after this PC's clock, -1
 * when more than 180 days before it, else 0. */
static int made_skew(sqlite3 *db, const char *made)
{
    sqlite3_stmt *st = NULL;
    int skew = 0;
    if (sqlite3_prepare_v2(db, "SELECT julianday(substr(?1, 1, 19)) - julianday('now')", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, made, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
            double days = sqlite3_column_double(st, 0);
            skew = days > 1 ? 1 : days < -180 ? -1 : 0;
        }
    }
    sqlite3_finalize(st);
    return skew;
}

/* Whether the package may be merged, given what this file knows of its office:
 * returns 0 (merge), 1 (an older package: nothing to do), or -1 with e set (a
 * package from another copy of the office's file, or from an older cdtt after
 * newer ones, unless o->replace). */
static int source_gate(merge_ctx *x, const char *path, cdtt_err *e)
{
    const package_manifest *m = x->m;
    source_state s;
    if (source_get(x->db, m->source_scheme, m->source_code, &s, e) < 0)
        return -1;
    x->r->last_sequence = s.sequence;
    if (x->o->replace || !s.known || !s.instance[0])
        return 0;
    char seen[32];
    package_format_time(s.created_at, seen);
    if (!m->instance[0])
        return err_set(e, _("%s was made by an older version of cdtt, but packages of a newer version from %s "
                            "(%s) were imported already; update cdtt there and export again"),
                       path, m->source_name, m->source_code);
    x->r->other_instance = strcmp(m->instance, s.instance) != 0;
    if (x->r->other_instance)
        return err_set(e, _("%s comes from another copy of the file of %s (%s) than the packages imported "
                            "before (the last one made %s): a file built again, or a copy of it. Nothing was "
                            "merged. If %s now keeps its data in this new file, import it with --replace: "
                            "everything this office holds for %s is then replaced by the package's content. "
                            "Otherwise ask %s which file is in use."),
                       path, m->source_name, m->source_code, seen, m->source_name, m->source_name,
                       m->source_name);
    return m->sequence < s.sequence ? 1 : 0;
}

/* The total number of records in the package. */
static long long package_rows(const package_manifest *m)
{
    long long n = 0;
    for (int i = 0; i < m->n_tables; i++)
        n += m->rows[i];
    return n;
}

/* Merges every table and settles the outcome, inside the transaction.
 * Returns 0 (commit unless dry run) or -1 (roll back; e set). */
static int merge_all(merge_ctx *x, const char *path, package_progress_fn progress, void *user, cdtt_err *e)
{
    package_import_result *r = x->r;
    /* The kept training figures are refreshed once per team touched, at the end. */
    int rc = team_training_pause(x->db, e);
    for (int i = 0; rc == 0 && SCHEMA_TRAVEL_TABLES[i]; i++) {
        if (progress)
            progress(user, SCHEMA_TRAVEL_TABLES[i], i, r->m.n_tables);
        rc = merge_table(x, SCHEMA_TRAVEL_TABLES[i], e);
    }
    if (rc == 0 && x->o->replace)
        rc = withdraw_office(x->db, r->m.source_scheme, r->m.source_code, 1, &r->c.n_deleted, e);
    if (rc == 0)
        rc = team_training_resume(x->db, e);
    if (rc < 0)
        return -1;
    if (r->n_refused && !x->o->accept_partial) {
        r->outcome = PACKAGE_HELD;
        return err_set(e, _("%d record(s) of %s may not be written by %s (listed below); nothing of this "
                            "file was merged. To merge the rest, import it again with --accept-partial."),
                       r->n_refused, path, r->m.source_name);
    }
    const package_counts *c = &r->c;
    int merged = c->n_new + c->n_updated + c->n_unchanged + c->n_deleted + c->n_conflicts > 0;
    if ((x->o->replace ? package_trust_replacing(x->db, r->m.source_scheme, r->m.source_code, r->m.source_name,
                                                 r->is_signed, r->key, 0, &r->new_key, e)
                       : package_trust(x->db, r->m.source_scheme, r->m.source_code, r->m.source_name, r->is_signed,
                                       r->key, 0, e)) < 0 ||
        raise_clock(x->db, e) < 0 || source_put(x->db, &r->m, e) < 0 ||
        (x->o->replace && withdraw_logs(x->db, &r->m, e) < 0) || write_log(x->db, path, r, x->into, merged, e) < 0)
        return -1;
    r->outcome = x->o->replace ? PACKAGE_REPLACED : package_rows(&r->m) == 0 ? PACKAGE_EMPTY : PACKAGE_MERGED;
    if (progress)
        progress(user, _("done"), r->m.n_tables, r->m.n_tables);
    return 0;
}

/* The merge of the attached package, in one transaction (committed unless dry run). */
static int merge_attached(merge_ctx *x, const char *path, package_progress_fn progress, void *user, cdtt_err *e)
{
    int rc = db_begin(x->db, e);
    if (rc == 0)
        rc = source_gate(x, path, e);
    if (rc == 1) {
        x->r->outcome = PACKAGE_OLDER;
        rc = 0;
    } else if (rc == 0) {
        rc = merge_all(x, path, progress, user, e);
        if (rc == 0 && !x->o->dry_run)
            rc = db_commit(x->db, e);
    }
    db_rollback(x->db);
    return rc;
}

/* Verifies and merges the private copy. */
static int import_copy(sqlite3 *db, const char *path, const char *copy, const pack_header *h,
                       const package_import_opts *o, package_progress_fn progress, void *user,
                       package_import_result *r)
{
    cdtt_err *e = &r->err;
    if (package_verify_copy(db, copy, h, &r->m, e) < 0) {
        package_name_user_file(e, copy, path); /* the user's file in the reason, not the private copy */
        return -1;
    }
    r->made_skew = made_skew(db, r->m.created_at);
    /* Only a package older than the package schema needs upgrading: later
     * migrations add only what stays in the office's own file. */
    if (r->m.schema_version < schema_package_version() && migrate_copy(copy, e) < 0)
        return -1;
    /* A package of a pre-2025 commune at the office of the 2025-07 list its
     * commune went into: its records are given their new owner on the copy. */
    char into[8];
    if (package_cross_prepare(db, copy, &r->m, into, e) < 0)
        return -1;
    if (attach(db, copy, e) < 0)
        return -1;
    /* Who sent it: the signature holds, and the key is the one this office
     * knows for that office (or the first one it sees). */
    int sig = package_signature_check(db, "pkg", r->key, e);
    r->is_signed = sig == 1;
    int trust = sig < 0 ? -1
                : o->replace ? package_trust_replacing(db, r->m.source_scheme, r->m.source_code, r->m.source_name,
                                                       r->is_signed, r->key, 1, NULL, e)
                             : package_trust(db, r->m.source_scheme, r->m.source_code, r->m.source_name,
                                             r->is_signed, r->key, 1, e);
    if (trust < 0) {
        r->key_refused = trust == PACKAGE_TRUST_NEW_KEY;
        sqlite3_exec(db, "DETACH pkg", NULL, NULL, NULL);
        return -1;
    }
    merge_ctx x = {.db = db, .m = &r->m, .o = o, .r = r};
    snprintf(x.into, sizeof x.into, "%s", into);
    office_key(db, x.me);
    snprintf(x.source, sizeof x.source, "%s:%s", r->m.source_scheme, r->m.source_code);
    /* Asked for nearly every row: two primary-key lookups, the commune first (an
     * IN list or an ORDER BY would make SQLite build a temporary table each time,
     * a sixth of an import's processor time). */
    x.unit = db_prepare(db,
        "SELECT province_code, coalesce(parent_code, '') FROM main.unit "
        "WHERE scheme = ?1 AND level = 'commune' AND code = ?2 UNION ALL "
        "SELECT province_code, coalesce(parent_code, '') FROM main.unit "
        "WHERE scheme = ?1 AND level = 'district' AND code = ?2 LIMIT 1", e);
    x.unit_name = x.unit ? db_prepare(db,
        "SELECT name FROM main.unit WHERE scheme = ?1 AND code = ?2 ORDER BY level = 'commune' DESC LIMIT 1", e)
                         : NULL;
    /* For the duration: a larger page cache (merging touches many index pages) and
     * temporary tables and indexes in memory, not in a temporary file. */
    long long cache = db_scalar_int(db, "PRAGMA cache_size", -2000);
    long long temp = db_scalar_int(db, "PRAGMA temp_store", 0);
    sqlite3_exec(db, "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
    int rc = !x.unit_name ? -1
             : package_derived_register(db, 1) < 0 ? db_fail(db, e, _("cannot merge the package"))
                                                   : merge_attached(&x, path, progress, user, e);
    package_derived_register(db, 0);
    sqlite3_finalize(x.unit);
    sqlite3_finalize(x.unit_name);
    sqlite3_exec(db, "DETACH pkg", NULL, NULL, NULL);
    char sql[96];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld; PRAGMA temp_store = %lld", cache, temp);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    return rc;
}

int package_import_with(sqlite3 *db, const char *path, const package_import_opts *o,
                        package_progress_fn progress, void *user, package_import_result *r)
{
    memset(r, 0, sizeof *r);
    package_private p;
    /* The copy, in a private folder: an encrypted package is opened with this
     * office's key straight into it; any other is copied as it is; then a
     * compressed one is unpacked there. */
    pack_header h;
    int packed = package_private_begin(&p, &r->err) < 0 ? -1 : package_private_take(db, &p, path, &h, &r->err);
    int rc = packed < 0 ? -1 : import_copy(db, path, p.copy, packed ? &h : NULL, o, progress, user, r);
    package_private_end(&p);
    if (rc < 0) {
        if (r->outcome != PACKAGE_HELD)
            r->outcome = PACKAGE_REFUSED;
        memset(&r->c, 0, sizeof r->c); /* nothing was merged */
    }
    r->ok = rc == 0;
    return rc;
}

int package_import(sqlite3 *db, const char *path, int dry_run, package_progress_fn progress, void *user,
                   package_import_result *r)
{
    package_import_opts o = {.dry_run = dry_run};
    return package_import_with(db, path, &o, progress, user, r);
}

void package_import_result_free(package_import_result *r)
{
    free(r->refused);
    r->refused = NULL;
    r->n_refused = 0;
}
