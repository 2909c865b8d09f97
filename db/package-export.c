/* package-export.c — writing a package for the level above. */
#include "package.h"
#include "db.h"
#include "office.h"
#include "schema.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Steps that turn the snapshot into a package: drop what must not travel. */
static const char CLEAN_SQL[] =
    "DELETE FROM audit; DELETE FROM import_log; DELETE FROM conflict; DELETE FROM unit;";
static const char MASK_SQL[] =
    "UPDATE member SET cccd = NULL WHERE cccd IS NOT NULL;"
    "UPDATE member SET phone = NULL, email = NULL WHERE consent = 0 "
    "  AND (phone IS NOT NULL OR email IS NOT NULL);";

static void step(package_progress_fn progress, void *user, const char *what, int done)
{
    if (progress)
        progress(user, what, done, 5);
}

/* Fills m's source fields from db's office and its place in the unit table. */
static int describe_source(sqlite3 *db, package_manifest *m, cdtt_err *e)
{
    office_rec o;
    if (office_get(db, &o) < 0)
        return err_set(e, _("this file has no office yet; run 'cdtt init' first"));
    snprintf(m->source_scheme, sizeof m->source_scheme, "%s", o.scheme);
    snprintf(m->source_code, sizeof m->source_code, "%s", o.code);
    snprintf(m->source_level, sizeof m->source_level, "%s", o.level);
    snprintf(m->source_name, sizeof m->source_name, "%s", o.name);
    if (strcmp(o.level, "province") == 0) {
        snprintf(m->province_code, sizeof m->province_code, "%s", o.code);
        return 0;
    }
    sqlite3_stmt *st = db_prepare(db,
        "SELECT province_code, coalesce(parent_code, '') FROM unit "
        "WHERE scheme = ? AND level = ? AND code = ?", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, o.scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, o.level, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o.code, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(m->province_code, sizeof m->province_code, "%s", sqlite3_column_text(st, 0));
        if (strcmp(o.scheme, "pre-2025") == 0 && strcmp(o.level, "commune") == 0)
            snprintf(m->parent_code, sizeof m->parent_code, "%s", sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    return 0;
}

/* Opens the snapshot and makes it a package: cleaned, masked, manifest. */
static int finish_package(const char *tmp, const package_export_opts *o, package_manifest *m,
                          cdtt_err *e)
{
    sqlite3 *p = NULL;
    int rc = -1;
    if (sqlite3_open_v2(tmp, &p, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
        err_set(e, _("cannot open %s: %s"), tmp, p ? sqlite3_errmsg(p) : "out of memory");
        sqlite3_close(p);
        return -1;
    }
    if (db_exec(p, "PRAGMA journal_mode = DELETE; PRAGMA secure_delete = ON", e) < 0 ||
        db_begin(p, e) < 0)
        goto out;
    char version_sql[64];
    snprintf(version_sql, sizeof version_sql, "PRAGMA user_version = %d", schema_package_version());
    if (db_exec(p, CLEAN_SQL, e) < 0 || db_exec(p, SCHEMA_LOCAL_DROP, e) < 0 ||
        db_exec(p, version_sql, e) < 0 || (!o->full && db_exec(p, MASK_SQL, e) < 0) ||
        db_exec(p, PACKAGE_MANIFEST_DDL, e) < 0)
        goto rollback;
    m->full = o->full;
    m->schema_version = db_user_version(p);
    if (package_digest(p, "main", m, e) < 0 || package_manifest_write(p, m, e) < 0)
        goto rollback;
    if (db_commit(p, e) < 0)
        goto out;
    /* Rewrite the file so that nothing removed above survives in free pages. */
    rc = db_exec(p, "VACUUM", e);
    goto out;
rollback:
    db_rollback(p);
out:
    if (sqlite3_close(p) != SQLITE_OK && rc == 0)
        rc = err_set(e, _("cannot finish %s"), tmp);
    return rc;
}

/* fsyncs a file or folder by path. Returns 0 or -1. */
static int sync_path(const char *path, int flags)
{
    int fd = open(path, flags | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int package_export(sqlite3 *db, const char *target, const package_export_opts *o,
                   package_progress_fn progress, void *user, package_manifest *out, cdtt_err *e)
{
    package_manifest m;
    memset(&m, 0, sizeof m);
    struct stat sb;
    if (!o->force && lstat(target, &sb) == 0)
        return err_set(e, _("%s already exists; use --force to replace it"), target);
    if (describe_source(db, &m, e) < 0)
        return -1;
    db_now(m.created_at);

    /* A temporary file beside the target, so that the final rename is atomic. */
    char dir[4096], tmp[4200];
    snprintf(dir, sizeof dir, "%s", target);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir ? 1 : 0] = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    /* "./" keeps a relative folder such as "file:x" from being read as a URI by VACUUM INTO. */
    snprintf(tmp, sizeof tmp, "%s%s/.cdtt-export.XXXXXX", dir[0] == '/' || dir[0] == '.' ? "" : "./", dir);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return err_set(e, _("cannot create a file in %s: %s"), dir, strerror(errno));
    close(fd);

    step(progress, user, _("taking a snapshot"), 1);
    sqlite3_stmt *st = db_prepare(db, "VACUUM INTO ?", e);
    int rc = -1;
    if (st) {
        sqlite3_bind_text(st, 1, tmp, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_DONE)
            rc = 0;
        else
            db_fail(db, e, _("cannot take a snapshot of the database"));
        sqlite3_finalize(st);
    }
    step(progress, user, _("preparing the package"), 2);
    if (rc == 0)
        rc = finish_package(tmp, o, &m, e);
    step(progress, user, _("writing the file"), 4);
    if (rc == 0 && (chmod(tmp, 0600) < 0 || sync_path(tmp, O_RDONLY) < 0))
        rc = err_set(e, _("cannot write %s: %s"), tmp, strerror(errno));
    if (rc == 0 && rename(tmp, target) < 0)
        rc = err_set(e, _("cannot write %s: %s"), target, strerror(errno));
    if (rc < 0) {
        char journal[4300];
        snprintf(journal, sizeof journal, "%s-journal", tmp);
        unlink(journal);
        unlink(tmp);
        return -1;
    }
    sync_path(dir, O_RDONLY | O_DIRECTORY);
    step(progress, user, _("done"), 5);
    if (out)
        *out = m;
    return 0;
}
