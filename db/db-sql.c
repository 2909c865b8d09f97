/* db-sql.c — running SQL on a cdtt connection: errors in words, statements,
 * single values, transactions. */
#include "db-sql.h"
#include "timing.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int db_fail(sqlite3 *db, cdtt_err *e, const char *doing)
{
    int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    int sys = db ? sqlite3_system_errno(db) : 0; /* the operating system's reason, when there is one */
    if ((code & 0xff) == SQLITE_FULL ||
        (((code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_CANTOPEN) && (sys == ENOSPC || sys == EDQUOT)))
        return err_set(e, _("%s: the disk is full; nothing was changed"), doing);
    if ((code & 0xff) == SQLITE_IOERR)
        return err_set(e, _("%s: the database's files cannot be read or written (%s); nothing was changed"),
                       doing, sys ? strerror(sys) : sqlite3_errmsg(db));
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        return err_set(e, _("%s: the database is in use by another program; try again in a moment"),
                       doing);
    if ((code & 0xff) == SQLITE_READONLY)
        return err_set(e, _("%s: the database file or its folder is read-only; nothing was changed"),
                       doing);
    if ((code & 0xff) == SQLITE_CANTOPEN)
        return err_set(e, _("%s: cannot open the database's files (its folder may be read-only or full); "
                            "nothing was changed"), doing);
    return err_set(e, "%s: %s", doing, db ? sqlite3_errmsg(db) : "out of memory");
}

int db_exec(sqlite3 *db, const char *sql, cdtt_err *e)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, e, _("database error"));
    return 0;
}

sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, cdtt_err *e)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        db_fail(db, e, _("database error"));
        return NULL;
    }
    return st;
}

int db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s)
{
    if (!s || !*s)
        return sqlite3_bind_null(st, idx);
    return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

char *db_column_strdup(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return xstrdup(t ? (const char *)t : "");
}

long long db_scalar_int(sqlite3 *db, const char *sql, long long dflt)
{
    sqlite3_stmt *st = NULL;
    long long v = dflt;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

int db_user_version(sqlite3 *db)
{
    return (int)db_scalar_int(db, "PRAGMA user_version", -1);
}

int db_begin_untimed(sqlite3 *db, cdtt_err *e)
{
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, e, _("cannot start a change"));
    return 0;
}

int db_commit_untimed(sqlite3 *db, cdtt_err *e)
{
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        db_fail(db, e, _("cannot save the change"));
        db_rollback(db);
        return -1;
    }
    return 0;
}

int db_begin(sqlite3 *db, cdtt_err *e)
{
    if (db_begin_untimed(db, e) < 0)
        return -1;
    timing_mark("write_begin", 0);
    return 0;
}

int db_commit(sqlite3 *db, cdtt_err *e)
{
    if (db_commit_untimed(db, e) < 0)
        return -1;
    timing_mark("write_done", 0);
    return 0;
}

void db_rollback(sqlite3 *db)
{
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}
