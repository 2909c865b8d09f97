/* db-cache.h — statements kept prepared for the life of one connection (not a
 * contract for other modules: db/ internals only). */
#ifndef CDTT_DB_CACHE_H
#define CDTT_DB_CACHE_H

#include <sqlite3.h>
#include "cdtt.h"

/* Statements are kept only on connections registered here (db_open does it);
 * on any other connection the functions below still work, but each statement
 * is prepared anew and db_cached_done finalizes it. */
void db_cache_register(sqlite3 *db);

/* The statement this connection keeps for key, or NULL when it has none yet. */
sqlite3_stmt *db_cached_find(sqlite3 *db, const char *key);

/* Prepares sql and keeps it for this connection under key (copied). Returns the
 * statement, or NULL with e set (e may be NULL). Hand it back with db_cached_done. */
sqlite3_stmt *db_cached_add(sqlite3 *db, const char *key, const char *sql, cdtt_err *e);

/* The kept statement for constant SQL text, prepared on first use. Returns NULL
 * with e set (e may be NULL) when it cannot be prepared. The caller must hand it
 * back with db_cached_done before anything else uses the same text. */
sqlite3_stmt *db_cached(sqlite3 *db, const char *sql, cdtt_err *e);

/* Hands a statement from db_cached or db_cached_add back: reset (no read left
 * open) and bindings cleared, or finalized when the connection keeps none.
 * NULL is fine. */
void db_cached_done(sqlite3_stmt *st);

/* Runs constant SQL without results (BEGIN, SAVEPOINT, ...) through the
 * connection's kept statements. Returns the SQLite result code (SQLITE_OK on
 * success); the connection's error message tells why it failed. */
int db_cached_exec(sqlite3 *db, const char *sql);

/* Finalizes every statement kept for db; db stays registered (after a schema
 * change). Safe on any connection. */
void db_cache_forget(sqlite3 *db);

/* Finalizes every statement kept for db and unregisters it, so that it can be
 * closed. Safe on any connection. */
void db_cache_drop(sqlite3 *db);

#endif
