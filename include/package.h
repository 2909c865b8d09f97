/* package.h — packages for the level above: one self-describing SQLite file per
 * export (the office's records, deletion marks included, plus a manifest), and
 * their verification and merge at the consolidating office (province, or district
 * in the pre-2025 scheme). Nothing here prints: results come back in structs and
 * errors in cdtt_err, so the CLI and the screens call the same functions. */
#ifndef CDTT_PACKAGE_H
#define CDTT_PACKAGE_H

#include <sqlite3.h>
#include "cdtt.h"

/* Value of the manifest key "format" in every package. */
#define PACKAGE_FORMAT "cdtt-package-1"
/* The number of travelling tables (SCHEMA_TRAVEL_TABLES). */
#define PACKAGE_MAX_TABLES 16

/* Called now and then during long work (may be NULL): step names what is being
 * done (translated), done/total how far (total 0 when unknown). */
typedef void (*package_progress_fn)(void *user, const char *step, long long done, long long total);

/* What a package says about itself (its manifest table). */
typedef struct {
    char source_scheme[12];
    char source_code[12];
    char source_level[12];
    char source_name[512];
    char province_code[12];  /* the source office's province ("" when unknown) */
    char parent_code[12];    /* the source's district in the pre-2025 scheme, else "" */
    char created_at[32];
    int schema_version;
    int full;                /* 1 when personal identifiers are included */
    char digest[65];         /* SHA-256 over the canonical content, lowercase hex */
    long long rows[PACKAGE_MAX_TABLES]; /* per SCHEMA_TRAVEL_TABLES entry */
    int n_tables;
    /* Found while computing the digest (not stored in the manifest): */
    long long longest_value;  /* bytes of the longest text value */
    int bad_utf8;             /* 1 when some text value is not valid UTF-8 */
} package_manifest;

/* The longest text value a package may carry, in bytes. */
#define PACKAGE_MAX_VALUE_BYTES 65536

typedef struct {
    int full;  /* include CCCD, and phone/e-mail of members without consent */
    int force; /* replace an existing target file */
} package_export_opts;

/* Writes a package of db's office to target: a snapshot (VACUUM INTO a temporary
 * file in the target's folder), identifiers masked unless o->full, the audit,
 * import_log, conflict and unit tables emptied, a manifest added, then fsync'd and
 * renamed into place with mode 0600. An existing target is refused unless o->force.
 * The same data gives the same digest. m (may be NULL) receives the manifest.
 * Returns 0, or -1 with e set and no target written. */
int package_export(sqlite3 *db, const char *target, const package_export_opts *o,
                   package_progress_fn progress, void *user, package_manifest *m, cdtt_err *e);

/* The digest and row counts of the canonical content of schema `schema` ("main"
 * or an attached name) of db: the office row, the manifest's identity fields
 * given in m, then every travelling table's rows ordered by uuid with the
 * columns in schema order. Fills m->digest, m->rows, m->n_tables, m->longest_value
 * and m->bad_utf8.
 * Returns 0, or -1 with e set. */
int package_digest(sqlite3 *db, const char *schema, package_manifest *m, cdtt_err *e);

/* Per-file (or total) merge counts. */
typedef struct {
    long long n_new, n_updated, n_unchanged, n_deleted, n_rejected, n_conflicts;
} package_counts;

/* Checks a package file as hostile input, on its own read-only connection:
 * SQLite header, application_id, schema version (newer refused), integrity_check,
 * the exact set of tables, columns and indexes (no views, triggers or other
 * tables), the manifest, its digest and row counts against a recomputation, and
 * that its office lies under db's office. Fills m. Returns 0, or -1 with e set to
 * the reason. Reads db only. */
int package_verify(sqlite3 *db, const char *path, package_manifest *m, cdtt_err *e);

/* The outcome of importing one file. */
typedef struct {
    package_manifest m;
    package_counts c;
    int ok;             /* 1 when merged (or, with dry_run, when it would be) */
    cdtt_err err;       /* the reason when !ok */
} package_import_result;

/* Verifies path (on a private temporary copy, migrated when it has an older
 * schema) and merges it into db in one BEGIN IMMEDIATE transaction: new uuids
 * inserted; a newer updated_at wins unless the local row was changed here since
 * the last import (then a conflict row, local kept); older or equal changes
 * nothing; deletion marks travel as updates; records outside the source office
 * are rejected. Writes an import_log row. With dry_run, computes the same counts
 * and rolls back. Returns 0, or -1 with r->err set and db exactly as it was. */
int package_import(sqlite3 *db, const char *path, int dry_run, package_progress_fn progress,
                   void *user, package_import_result *r);

/* Adds b's counts to a. */
void package_counts_add(package_counts *a, const package_counts *b);

/* Writes an ISO time "YYYY-MM-DDTHH:MM:SS.mmmZ" as "dd/mm/yyyy HH:MM" (UTC), or
 * "" for an empty one; anything else is copied as it is. */
void package_format_time(const char *iso, char out[32]);

/* ---- Shared by the db/package-*.c modules ---- */

/* The manifest table every package carries (key/value text). */
extern const char PACKAGE_MANIFEST_DDL[];

/* The columns of schema.table in schema order as a quoted SQL list
 * ("\"uuid\", \"name\", ..."), malloc'd; NULL with e set when the table is missing. */
char *package_column_list(sqlite3 *db, const char *schema, const char *table, cdtt_err *e);

/* From a quoted column list (as package_column_list gives), the text made of
 * `each` for every column not named in skip (NULL-terminated, or NULL), joined by
 * ", "; in `each` every "%c" stands for the bare column name. malloc'd. */
char *package_column_map(const char *cols, const char *each, const char *const *skip);

/* Writes m into the (empty) manifest table of db's main schema. Returns 0 or -1 with e set. */
int package_manifest_write(sqlite3 *db, const package_manifest *m, cdtt_err *e);

/* Reads and parses the manifest of db's main schema. Returns 0, or -1 with e set
 * when a key is missing or malformed. */
int package_manifest_read(sqlite3 *db, package_manifest *m, cdtt_err *e);

/* A private in-memory database holding exactly the schema a package of the given
 * version must have (migrations 1..version plus the manifest), or NULL. */
sqlite3 *package_expected_schema(int version);

/* Copies file src to a new private (0600) temporary file in TMPDIR; writes its
 * path to out. Returns 0, or -1 with e set. */
int package_copy_private(const char *src, char out[4096], cdtt_err *e);

#endif
