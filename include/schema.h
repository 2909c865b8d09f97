/* schema.h — the ordered list of schema migrations (db/schema.c). */
#ifndef CDTT_SCHEMA_H
#define CDTT_SCHEMA_H

/* The SQL that brings a file from user_version version-1 to version, or NULL. */
const char *schema_migration(int version);

/* 1 when migration version changes what packages hold, 0 when it adds only
 * what stays in the office's own file (or does not exist). */
int schema_migration_travels(int version);

/* The number of migrations; equals CDTT_SCHEMA_VERSION. */
int schema_latest(void);

/* SQL that removes everything the migrations add that stays in this file
 * (counts kept by triggers): a package holds only the package schema. */
extern const char SCHEMA_LOCAL_DROP[];

/* The schema version a package is written with: the newest travelling
 * migration (schema_migration_travels). */
int schema_package_version(void);

/* Builds again, from the records in db, everything SCHEMA_LOCAL_DROP removes
 * (every local migration, in order), inside the caller's
 * transaction: for bulk loads that drop it first. Returns 0, or -1 with e set. */
struct sqlite3;
struct cdtt_err;
int schema_local_build(struct sqlite3 *db, struct cdtt_err *e);

/* Tables whose records travel to the level above, in an order in which every
 * table comes after the tables it references. NULL-terminated. */
extern const char *const SCHEMA_TRAVEL_TABLES[];

#endif
