/* office.c — setting the one row saying which office owns the file (reading it:
 * db-stamp.c). */
#include "office-internal.h"
#include "audit.h"
#include "db.h"
#include "validate.h"
#include "keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The number of travelling records in the file. */
static long long record_count(sqlite3 *db)
{
    return db_scalar_int(db,
        "SELECT (SELECT count(*) FROM area) + (SELECT count(*) FROM team) + (SELECT count(*) FROM member) + "
        "(SELECT count(*) FROM membership) + (SELECT count(*) FROM training_session) + "
        "(SELECT count(*) FROM attendance) + (SELECT count(*) FROM activity)", 0);
}

/* Writes the office row; a new office (another one, or the first) starts a new
 * instance of the file with no package made yet. */
static int write_office(sqlite3 *db, const office_rec *o, int new_instance, cdtt_err *e)
{
    char now[32], id[37];
    db_now(now);
    db_uuid(id);
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO office (id, scheme, code, level, name, created_at, instance_id) VALUES (1, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET scheme = excluded.scheme, code = excluded.code, "
        "level = excluded.level, name = excluded.name, "
        "instance_id = CASE WHEN ?7 OR instance_id = '' THEN excluded.instance_id ELSE instance_id END, "
        "package_seq = CASE WHEN ?7 THEN 0 ELSE package_seq END, "
        "package_clock = CASE WHEN ?7 THEN 0 ELSE package_clock END", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, o->scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, o->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o->level, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, o->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 7, new_instance);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot save the office"));
    sqlite3_finalize(st);
    return rc;
}

/* Writes the office row (a new instance when new_instance), with an audit
 * entry. Another office speaks through this file now (renew): a key of its
 * own, so that its packages are never taken for the old office's (keys.h). */
static int write_keyed(sqlite3 *db, const office_rec *o, int new_instance, int renew, cdtt_err *e)
{
    char *before = audit_row_json(db, "office", "1");
    int rc = write_office(db, o, new_instance, e);
    if (rc == 0)
        rc = renew ? keys_renew(db, e) : keys_ensure(db, e);
    if (rc == 0)
        rc = audit_write(db, "office", "1", before ? "update" : "insert", before, e);
    free(before);
    return rc;
}

int office_move_in(sqlite3 *db, const office_rec *o, cdtt_err *e)
{
    if (write_keyed(db, o, 1, 1, e) < 0)
        return -1;
    return db_exec(db, "DELETE FROM source_office", e);
}

int office_change(sqlite3 *db, const office_rec *given, long long *rekeyed, cdtt_err *e)
{
    if (rekeyed)
        *rekeyed = 0;
    /* The name is checked and cleaned as a form's name is. */
    office_rec clean = *given;
    const office_rec *o = &clean;
    valid_result r;
    if (validate_name(given->name, clean.name, sizeof clean.name, &r) != VALID_OK)
        return err_set(e, _("the office's name: %s"), r.msg);
    if (db_begin(db, e) < 0)
        return -1;
    office_rec old;
    int had = office_get(db, &old) == 0;
    int other = had && (strcmp(old.scheme, o->scheme) != 0 || strcmp(old.code, o->code) != 0);
    long long n = 0;
    int rc = other && record_count(db) > 0 ? office_rekey(db, &old, o, &n, e) : 0;
    if (rc == 0)
        rc = write_keyed(db, o, other || !had, other, e);
    if (rc < 0) {
        db_rollback(db);
        return -1;
    }
    if (db_commit(db, e) < 0)
        return -1;
    if (rekeyed)
        *rekeyed = n;
    return 0;
}

int office_set(sqlite3 *db, const office_rec *o, cdtt_err *e)
{
    return office_change(db, o, NULL, e);
}
