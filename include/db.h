/* db.h — opening the cdtt SQLite file: its identity, its schema version, the
 * connection's settings, the folder and file it lives in. Running SQL on it
 * (db-sql.h) and the stamps every change carries (db-stamp.h) come with it, so
 * that one include serves a module of db/. */
#ifndef CDTT_DB_H
#define CDTT_DB_H

#include <sqlite3.h>
#include "cdtt.h"
#include "db-sql.h"
#include "db-stamp.h"

/* 'CDTT' — PRAGMA application_id of every cdtt database and export package. */
#define CDTT_APPLICATION_ID 0x43445454
/* The newest schema this build knows (PRAGMA user_version). */
#define CDTT_SCHEMA_VERSION 8

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

/* Checks that db is a cdtt file this build can read: application_id matches and
 * user_version <= CDTT_SCHEMA_VERSION. Returns 0, or -1 with e set. */
int db_check_identity(sqlite3 *db, const char *path, cdtt_err *e);

/* The default database path: $XDG_DATA_HOME/cdtt/cdtt.db or ~/.local/share/cdtt/cdtt.db.
 * Returns a malloc'd string. */
char *db_default_path(void);

/* Creates dir and its parents with mode 0700 where missing. Returns 0 or -1. */
int db_mkdirs(const char *dir);

/* Flushes a file or a folder, by path, to the disk. Returns 0, or -1 with errno set. */
int db_sync_path(const char *path);

/* The read settings db_wide_read_begin changes, to be put back. */
typedef struct {
    long long mmap_size, temp_store;
} db_read_mode;

/* Before a read of much of a big file at once (a check, a report over the whole
 * country): the file is then read through memory mapping, not with a read()
 * call per page (most of the system time of such reads), and sorts stay in
 * memory instead of temporary files. *saved gets what db_wide_read_end puts back. */
void db_wide_read_begin(sqlite3 *db, db_read_mode *saved);

/* Puts back the settings db_wide_read_begin changed. */
void db_wide_read_end(sqlite3 *db, const db_read_mode *saved);

/* Makes a connection to a file that is not trusted (a package) harmless: defensive
 * mode, no schema-defined functions, triggers or views run. */
void db_distrust(sqlite3 *db);

#endif
