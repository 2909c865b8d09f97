/* db-sql.h — running SQL on a cdtt connection: statements, single values,
 * transactions, and SQLite's errors in words. */
#ifndef CDTT_DB_SQL_H
#define CDTT_DB_SQL_H

#include <sqlite3.h>
#include "cdtt.h"

/* The file's PRAGMA user_version, or -1. */
int db_user_version(sqlite3 *db);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. begin and commit return 0 or -1 with e set
 * (a busy file gets a clear "in use by another program" message). With
 * CDTT_TIMING set, a begun change adds a "write_begin" line and a committed one
 * "write_done" (the stress tests tell by them that a kill landed mid-change). */
int db_begin(sqlite3 *db, cdtt_err *e);
int db_commit(sqlite3 *db, cdtt_err *e);
void db_rollback(sqlite3 *db);

/* db_begin and db_commit without the timing lines: for the check for upgrades
 * that every opening makes, which is no change of the records. */
int db_begin_untimed(sqlite3 *db, cdtt_err *e);
int db_commit_untimed(sqlite3 *db, cdtt_err *e);

/* Runs constant SQL text (never data) and returns 0, or -1 with e set. */
int db_exec(sqlite3 *db, const char *sql, cdtt_err *e);

/* Prepares constant SQL; returns NULL with e set on failure. */
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, cdtt_err *e);

/* Sets e from the connection's last error, prefixed by what was being done: a
 * full disk (SQLITE_FULL, or an I/O error whose cause is ENOSPC), an I/O error
 * with the operating system's reason, a busy, read-only or unopenable file in
 * words. Returns -1. */
int db_fail(sqlite3 *db, cdtt_err *e, const char *doing);

/* Binds a text parameter, binding NULL when s is NULL or empty. */
int db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s);

/* Copies column col as a malloc'd string ("" for NULL). */
char *db_column_strdup(sqlite3_stmt *st, int col);

/* Runs a query whose first column of the first row is an integer; returns it, or dflt. */
long long db_scalar_int(sqlite3 *db, const char *sql, long long dflt);

#endif
