/* office.c — the one row saying which office owns the file. */
#include "office.h"
#include "audit.h"
#include "db.h"
#include "db-cache.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copies column col into dst (size n) as snprintf("%s") would, without its cost. */
static void copy_col(sqlite3_stmt *st, int col, char *dst, size_t n)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    size_t len = t ? (size_t)sqlite3_column_bytes(st, col) : 0;
    if (len >= n)
        len = n - 1;
    memcpy(dst, t ? t : "", len);
    dst[len] = '\0';
}

int office_get(sqlite3 *db, office_rec *o)
{
    int rc = -1;
    memset(o, 0, sizeof *o);
    sqlite3_stmt *st = db_cached(db, "SELECT scheme, code, level, name FROM office WHERE id = 1", NULL);
    if (!st)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        copy_col(st, 0, o->scheme, sizeof o->scheme);
        copy_col(st, 1, o->code, sizeof o->code);
        copy_col(st, 2, o->level, sizeof o->level);
        copy_col(st, 3, o->name, sizeof o->name);
        rc = 0;
    }
    db_cached_done(st);
    return rc;
}

void office_key(sqlite3 *db, char out[32])
{
    office_rec o;
    if (office_get(db, &o) == 0)
        snprintf(out, 32, "%s:%s", o.scheme, o.code);
    else
        snprintf(out, 32, "unset");
}

int office_set(sqlite3 *db, const office_rec *o, cdtt_err *e)
{
    char now[32], name[sizeof o->name];
    valid_result r;
    if (validate_name(o->name, name, sizeof name, &r) != VALID_OK)
        return err_set(e, _("the office's name: %s"), r.msg);
    if (db_begin(db, e) < 0)
        return -1;
    char *old = audit_row_json(db, "office", "1");
    db_now(now);
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO office (id, scheme, code, level, name, created_at) VALUES (1, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET scheme = excluded.scheme, code = excluded.code, "
        "level = excluded.level, name = excluded.name", e);
    if (!st)
        goto fail;
    sqlite3_bind_text(st, 1, o->scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, o->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o->level, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
        db_fail(db, e, _("cannot save the office"));
        sqlite3_finalize(st);
        goto fail;
    }
    sqlite3_finalize(st);
    if (audit_write(db, "office", "1", old ? "update" : "insert", old, e) < 0)
        goto fail;
    free(old);
    return db_commit(db, e);
fail:
    free(old);
    db_rollback(db);
    return -1;
}
