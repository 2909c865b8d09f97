/* migrate.h — crossing the reorganisation of 1 July 2025: a pre-2025 commune's
 * file becomes the file of the new commune its old commune went into (`cdtt
 * migrate --to 2025-07`). Records keep their uuids and history; their owner
 * becomes the new commune. When the old commune was divided, each village or
 * residential group is placed in one of the new communes, and what was placed
 * elsewhere leaves this file in a package for that commune. Nothing here
 * prints: the CLI and the screens call the same functions. */
#ifndef CDTT_MIGRATE_H
#define CDTT_MIGRATE_H

#include <sqlite3.h>
#include "cdtt.h"
#include "office.h"
#include "units.h"

/* A village or residential group of the old commune and where it goes. */
typedef struct {
    char uuid[40];
    char name[256];
    int deleted;      /* a deletion mark: it stays with this file's commune */
    int dest;         /* index in the plan's map.to, or -1 while not placed */
} migrate_area;

/* What the migration of a file will do, before anything is written. */
typedef struct {
    office_rec from;      /* the pre-2025 commune that owns the file */
    units_crossing map;   /* where it went (for a commune missing from the mapping:
                           * the one commune named with --commune) */
    int missing;          /* the commune is missing from the mapping */
    int home;             /* index in map.to of the commune this file becomes; -1 not chosen */
    migrate_area *areas;  /* its villages and groups, deleted ones too (malloc'd) */
    int n_areas;
} migrate_plan;

/* Reads the file's office and villages and looks its commune up in the
 * mapping. home_code (NULL or "") names the new commune this file becomes
 * (--commune): needed when the commune is missing from the mapping (any
 * 2025-07 commune), and when it was divided one of those it went into (until
 * it is named, p->home stays -1); when it went whole into one commune, that
 * one (home_code may name it). Every village starts placed in that commune
 * when the old commune went whole (or is missing); when it was divided, none
 * is placed yet. Returns 0, or -1 with e set (the file is already of the
 * 2025-07 scheme, belongs to a district, province or the national office, the
 * commune is missing from the mapping and no commune was named, a commune it
 * did not go into was named, …). Free p with migrate_plan_free. */
int migrate_plan_read(sqlite3 *db, const char *home_code, migrate_plan *p, cdtt_err *e);
void migrate_plan_free(migrate_plan *p);

/* Places the village called name (the same name as text_same_name says; live
 * villages only) in the new commune code, one of those the old commune was
 * divided between. Returns 0, or -1 with e set (no such village, a commune the
 * old one did not go into, a commune that was not divided). */
int migrate_place(migrate_plan *p, const char *name, const char *code, cdtt_err *e);

/* migrate_place for every row of a CSV file (columns: name, new commune code;
 * a header row is skipped; UTF-8 with or without BOM, CRLF). Returns the
 * number of rows placed, or -1 with e set ("FILE:LINE: reason"). */
int migrate_place_file(migrate_plan *p, const char *path, cdtt_err *e);

/* Whether p can be run: the commune this file becomes is chosen and every
 * live village placed. Returns 0, or -1 with e saying what is missing. */
int migrate_plan_ready(const migrate_plan *p, cdtt_err *e);

/* The live villages not placed yet, as "Name, Name, …" into out (n bytes), and
 * how many there are. */
int migrate_unplaced(const migrate_plan *p, char *out, size_t n);

/* What moved where: per new commune of the plan (index as in map.to). */
typedef struct {
    long long areas, teams, members;
    char package[4096];   /* the package made for that commune ("" for this file's own) */
} migrate_moved;

typedef struct {
    char backup[4096];    /* the copy of the file as it was */
    office_rec to;        /* the office the file now belongs to */
    migrate_moved moved[UNITS_MAX_TARGETS];
    int units_added;      /* the 2025-07 unit list was put into the file */
} migrate_result;

/* Where the run writes: both NULL for beside the file. */
typedef struct {
    const char *backup;       /* the backup's path (refused when it exists) */
    const char *packages_dir; /* the folder of the packages for other communes */
} migrate_opts;

/* Migrates the file db_path (open as db) by plan p, which must have every
 * live village placed: first a backup copy of the file (mode 0600, never over
 * an existing file), then a package (full identifiers, signed by the old
 * commune's key) for each other new commune holding its villages, their teams,
 * members, memberships, activities and attendance (with a copy of each training
 * session they attended), then one transaction: those records leave this
 * file, every other record of the old commune gets the new commune as its
 * owner (uuids and history kept), the file gets the 2025-07 unit list and the
 * new office (a new instance, a new key). A member in teams of villages placed
 * in different communes stops it. On any failure the file is as it was and the
 * packages are removed (the backup stays). Returns 0, or -1 with e set. */
int migrate_run(sqlite3 *db, const char *db_path, const migrate_plan *p, const migrate_opts *o,
                migrate_result *r, cdtt_err *e);

/* Tells what the migration did, one translated line at a time: what the file
 * became, the backup, the unit list, the villages, teams and members that stay
 * and those that went into a package (named), what to do with the packages of
 * the other old communes. */
typedef void (*migrate_line_fn)(void *user, const char *text);
void migrate_summary_lines(const migrate_plan *p, const migrate_result *r, migrate_line_fn line, void *user);

#endif
