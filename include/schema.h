/* schema.h — the ordered list of schema migrations (db/schema.c). */
#ifndef CDTT_SCHEMA_H
#define CDTT_SCHEMA_H

/* The SQL that brings a file from user_version version-1 to version, or NULL. */
const char *schema_migration(int version);

/* 1 when migration version changes what packages hold, 0 when it adds only
 * what stays in the office's own file (or does not exist). */
int schema_migration_travels(int version);
/* 1 when migration version adds only what is built from the records (counts,
 * indexes: dropped by SCHEMA_LOCAL_DROP, built again by schema_local_build). */
int schema_migration_derived(int version);

/* The number of migrations; equals CDTT_SCHEMA_VERSION. */
int schema_latest(void);

/* SQL that removes what the derived migrations add (counts and indexes kept by
 * triggers, built from the records): for bulk loads, and for packages. */
extern const char SCHEMA_LOCAL_DROP[];

/* SQL that removes what the state migrations add (the office's keys and what it
 * knows of other offices): only a package's copy of the schema runs it, with
 * SCHEMA_LOCAL_DROP, so that a package holds only the package schema. */
extern const char SCHEMA_STATE_DROP[];

/* The schema version a package is written with: the newest travelling
 * migration (schema_migration_travels). */
int schema_package_version(void);

/* SQL that refreshes the kept training figures of the teams a paused bulk
 * write noted, clears the notes and lets the triggers run again (migration 7;
 * db/team-training.c runs it). */
extern const char SCHEMA_TEAM_TRAINING_RESUME[];

struct sqlite3;
struct cdtt_err;

/* Derived tables a bulk load fills itself, from what it knows of the records
 * it wrote, instead of their migrations' SQL reading them again: tables
 * (NULL-terminated), and fill, which fills one of them, just created empty,
 * in the caller's transaction (arg is passed on), returning 0, or -1 with e
 * set. */
typedef struct {
    const char *const *tables;
    int (*fill)(struct sqlite3 *db, const char *table, void *arg, struct cdtt_err *e);
    void *arg;
} schema_filler;

/* Builds again, from the records in db, everything SCHEMA_LOCAL_DROP removes
 * (every derived migration, in order, less those a later one replaces), inside
 * the caller's transaction: for bulk loads that drop it first. A migration
 * whose filled tables are all in own->tables (own may be NULL) creates its
 * tables and triggers as its SQL does, and own->fill then fills each of those
 * tables in its place, in the migration's order; every other one runs its SQL
 * whole. Returns 0, or -1 with e set. */
int schema_local_build(struct sqlite3 *db, const schema_filler *own, struct cdtt_err *e);

/* Tables whose records travel to the level above, in an order in which every
 * table comes after the tables it references. NULL-terminated. */
extern const char *const SCHEMA_TRAVEL_TABLES[];

#endif
