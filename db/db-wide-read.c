/* db-wide-read.c — settings for reading much of a big file at once (see db.h). */
#include "db.h"

#include <stdio.h>

void db_wide_read_begin(sqlite3 *db, db_read_mode *saved)
{
    saved->mmap_size = db_scalar_int(db, "PRAGMA mmap_size", 0);
    saved->temp_store = db_scalar_int(db, "PRAGMA temp_store", 0);
    /* SQLite caps the size at what it was built with (2 GB by default). */
    sqlite3_exec(db, "PRAGMA mmap_size = 2147418112; PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
}

void db_wide_read_end(sqlite3 *db, const db_read_mode *saved)
{
    char sql[96];
    snprintf(sql, sizeof sql, "PRAGMA mmap_size = %lld; PRAGMA temp_store = %lld", saved->mmap_size,
             saved->temp_store);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
}
