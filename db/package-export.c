/* package-export.c — writing a package for the level above. */
#include "package.h"
#include "keys.h"
#include "package-seal.h"
#include "tmpguard.h"
#include "db.h"
#include "office.h"
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Numbers the package about to be made: in one transaction, gives the file an
 * instance id when it has none yet, raises its package sequence by one and
 * remembers the clock at this package. The clock at the previous package goes
 * to m->clock_from. Returns 0, or -1 with e set and nothing changed. */
static int number_package(sqlite3 *db, package_manifest *m, cdtt_err *e)
{
    if (db_begin(db, e) < 0)
        return -1;
    char id[37];
    db_uuid(id);
    m->clock_from = db_scalar_int(db, "SELECT package_clock FROM office WHERE id = 1", 0);
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE office SET instance_id = CASE WHEN instance_id = '' THEN ?1 ELSE instance_id END, "
        "package_seq = package_seq + 1, package_clock = clock WHERE id = 1", e);
    int rc = -1;
    if (st) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot number the package"));
        sqlite3_finalize(st);
    }
    if (rc < 0) {
        db_rollback(db);
        return -1;
    }
    return db_commit(db, e);
}

/* Encrypts the finished package tmp to the office above when o asks for it (or
 * by default when that office's key is known): tmp then names the sealed file,
 * beside it; m->sealed_to says to whom. Returns 0, or -1 with e set. */
static int seal_in_place(sqlite3 *db, const package_export_opts *o, char *tmp, size_t tmp_size,
                         package_manifest *m, cdtt_err *e)
{
    char scheme[12] = "", code[12] = "";
    unsigned char pk[KEY_PUBLIC_BYTES];
    int known = o->seal < 0 ? 0 : package_seal_recipient(db, scheme, code, pk, e);
    if (known < 0)
        return -1;
    if (!known)
        return o->seal > 0 ? err_set(e, "%s", _("no key of the office above is known, so the package cannot be "
                                               "encrypted: import that office's key first (cdtt keys import FILE)"))
                           : 0;
    char sealed[4200];
    snprintf(sealed, sizeof sealed, "%s.sealed", tmp);
    if (package_seal(tmp, sealed, scheme, code, pk, e) < 0)
        return -1;
    unlink(tmp);
    snprintf(tmp, tmp_size, "%s", sealed);
    tmpguard_arm(tmp);
    snprintf(m->sealed_to, sizeof m->sealed_to, "%s:%s", scheme, code);
    return 0;
}

int package_export(sqlite3 *db, const char *target, const package_export_opts *o,
                   package_progress_fn progress, void *user, package_manifest *out, cdtt_err *e)
{
    package_manifest m;
    memset(&m, 0, sizeof m);
    if (outfile_check(target, o->force, e) < 0) /* never a link, a device or a pipe */
        return -1;
    /* The key that signs the package (made now in a file that has none yet). */
    if (keys_ensure(db, e) < 0 || describe_source(db, &m, e) < 0 || number_package(db, &m, e) < 0)
        return -1;
    db_now(m.created_at);

    /* A temporary file beside the target, so that the final rename is atomic.
     * "./" keeps a relative folder such as "file:x" from being read as a URI. */
    char dir[4096], tmp[4200];
    snprintf(dir, sizeof dir, "%s", target);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir ? 1 : 0] = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    char folder[4100];
    snprintf(folder, sizeof folder, "%s%s", dir[0] == '/' || dir[0] == '.' ? "" : "./", dir);
    package_tmp_sweep(folder);
    if (package_tmp_create(folder, tmp, sizeof tmp, e) < 0)
        return -1;
    tmpguard_arm(tmp);

    step(progress, user, _("taking a snapshot"), 1);
    int rc = package_build(db, tmp, o->full, !o->plain, &m, e);
    step(progress, user, _("writing the file"), 4);
    if (rc == 0 && chmod(tmp, 0600) < 0)
        rc = err_set(e, _("cannot write %s: %s"), tmp, io_reason(errno));
    if (rc == 0)
        rc = seal_in_place(db, o, tmp, sizeof tmp, &m, e);
    if (rc == 0)
        rc = outfile_place(tmp, target, o->force, e); /* flushed, renamed, folder flushed */
    if (rc < 0)
        unlink(tmp);
    tmpguard_disarm();
    if (rc < 0)
        return -1;
    step(progress, user, _("done"), 5);
    if (out)
        *out = m;
    return 0;
}
