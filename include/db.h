/* db.h — opening the cdtt SQLite file, its schema version, transactions,
 * and the stamps (UUID, time, user) that every travelling record carries. */
#ifndef CDTT_DB_H
#define CDTT_DB_H

#include <sqlite3.h>
#include "cdtt.h"

/* 'CDTT' — PRAGMA application_id of every cdtt database and export package. */
#define CDTT_APPLICATION_ID 0x43445454
/* The newest schema this build knows (PRAGMA user_version). */
#define CDTT_SCHEMA_VERSION 7

enum db_open_flags {
    DB_CREATE   = 1 << 0, /* create the file (mode 0600) and its folder when missing */
    DB_READONLY = 1 << 1, /* open read-only; never migrates */
};

/* Opens (and with DB_CREATE creates) a cdtt database: foreign keys on, WAL,
 * busy timeout, schema migrated to CDTT_SCHEMA_VERSION in one transaction.
 * Refuses an SQLite URI ("file:…"), ":memory:" and "" (a database that would
 * never be saved), a symbolic link, anything but a regular file, a file that is
 * neither empty nor an SQLite file (left untouched), a file that is not a cdtt
 * database, and one from a newer version. An existing empty file opened for
 * writing gets mode 0600. A full disk or an I/O error is reported as such
 * (db_fail), never as "not a cdtt database". Returns NULL with e set on failure. */
sqlite3 *db_open(const char *path, int flags, cdtt_err *e);

/* Closes a handle from db_open (NULL is fine). */
void db_close(sqlite3 *db);

/* Brings an open database to CDTT_SCHEMA_VERSION inside one BEGIN IMMEDIATE
 * transaction; all or nothing. Returns 0, or -1 with e set. */
int db_migrate(sqlite3 *db, cdtt_err *e);

/* The file's PRAGMA user_version, or -1. */
int db_user_version(sqlite3 *db);

/* Checks that db is a cdtt file this build can read: application_id matches and
 * user_version <= CDTT_SCHEMA_VERSION. Returns 0, or -1 with e set. */
int db_check_identity(sqlite3 *db, const char *path, cdtt_err *e);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. begin and commit return 0 or -1 with e set
 * (a busy file gets a clear "in use by another program" message). With
 * CDTT_TIMING set, a begun change adds a "write_begin" line and a committed one
 * "write_done" (the stress tests tell by them that a kill landed mid-change). */
int db_begin(sqlite3 *db, cdtt_err *e);
int db_commit(sqlite3 *db, cdtt_err *e);
void db_rollback(sqlite3 *db);

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

/* Writes the current UTC time as "YYYY-MM-DDTHH:MM:SS.mmmZ" (24 chars + NUL).
 * Successive calls in one process never return the same or an earlier value. */
void db_now(char out[32]);

/* Writes a fresh random (version 4) UUID, 36 chars + NUL. */
void db_uuid(char out[37]);

/* The operating-system user running the program ("unknown" if none). */
const char *db_os_user(void);

/* The default database path: $XDG_DATA_HOME/cdtt/cdtt.db or ~/.local/share/cdtt/cdtt.db.
 * Returns a malloc'd string. */
char *db_default_path(void);

/* Creates dir and its parents with mode 0700 where missing. Returns 0 or -1. */
int db_mkdirs(const char *dir);

/* Flushes a file or a folder, by path, to the disk. Returns 0, or -1 with errno set. */
int db_sync_path(const char *path);

/* Makes a connection to a file that is not trusted (a package) harmless: defensive
 * mode, no schema-defined functions, triggers or views run. */
void db_distrust(sqlite3 *db);

#endif
