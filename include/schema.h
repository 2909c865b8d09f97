/* schema.h — the ordered list of schema migrations (db/schema.c). */
#ifndef CDTT_SCHEMA_H
#define CDTT_SCHEMA_H

/* The SQL that brings a file from user_version version-1 to version, or NULL. */
const char *schema_migration(int version);

/* The number of migrations; equals CDTT_SCHEMA_VERSION. */
int schema_latest(void);

/* Tables whose records travel to the level above, in an order in which every
 * table comes after the tables it references. NULL-terminated. */
extern const char *const SCHEMA_TRAVEL_TABLES[];

#endif
