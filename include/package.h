/* package.h — packages for the level above: one self-describing SQLite file per
 * export (the office's records, deletion marks included, plus a manifest), and
 * their verification and merge at the consolidating office (province, or district
 * in the pre-2025 scheme). Nothing here prints: results come back in structs and
 * errors in cdtt_err, so the CLI and the screens call the same functions. */
#ifndef CDTT_PACKAGE_H
#define CDTT_PACKAGE_H

#include <sqlite3.h>
#include "cdtt.h"

/* Value of the manifest key "format": a package as one SQLite file whose
 * digest covers every record (what cdtt wrote until 12/2026, and writes with
 * `export --plain`), and the compressed package (db/package-pack.h) whose
 * digest covers the compressed bytes. */
#define PACKAGE_FORMAT "cdtt-package-1"
#define PACKAGE_FORMAT_PACKED "cdtt-package-2"
/* The first package schema whose manifest names its file (instance), sequence
 * and clock range, and whose records carry logical versions. */
#define PACKAGE_SYNC_SCHEMA 4
/* A version, clock or sequence number has at most this many digits (below 2^63). */
#define PACKAGE_VERSION_DIGITS 18
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
    int packed;              /* 1: format PACKAGE_FORMAT_PACKED; 0: PACKAGE_FORMAT */
    char digest[65];         /* SHA-256, lowercase hex: over the canonical content (format 1),
                              * over the compressed payload (packed) */
    /* Schema 4 on (all "" or 0 in older packages): */
    char instance[40];       /* the instance id of the file the package was made from */
    long long sequence;      /* its number among that file's packages: 1, 2, 3… */
    long long clock_from;    /* the office clock at its previous package (0 for the first) */
    long long clock_to;      /* the office clock when it was made: no record's version is higher */
    long long rows[PACKAGE_MAX_TABLES]; /* per SCHEMA_TRAVEL_TABLES entry */
    char sealed_to[32];      /* export: "scheme:code" of the office it was encrypted to, or "" */
    int n_tables;
    /* Found while computing the digest (not stored in the manifest): */
    long long longest_value;  /* bytes of the longest text value */
    int bad_utf8;             /* 1 when some text value is not valid UTF-8 */
} package_manifest;

/* The longest text value a package may carry, in bytes. */
#define PACKAGE_MAX_VALUE_BYTES 65536

/* The largest count (people or households helped by one activity) a package may
 * carry, as `cdtt activity add` allows: sums over every activity of a country
 * then stay far below the 64-bit limit of SQLite's sum(). */
#define PACKAGE_COUNT_MAX 1000000000LL

/* The largest record version a package may carry (a logical clock that grows
 * by one a change: far more changes than an office can ever make). */
#define PACKAGE_VERSION_MAX 1000000000000000LL

typedef struct {
    int full;  /* include CCCD, and phone/e-mail of members without consent */
    int force; /* replace an existing target file */
    int plain; /* write format 1 (one SQLite file, not compressed) for an office above
                  that still runs an older cdtt */
    int seal;  /* 0: encrypted to the office above when its key is known (cdtt keys import);
                  1: encrypted, or refused when that key is not known; -1: never encrypted */
} package_export_opts;

/* Writes a package of db's office to target: a snapshot of the office row and the
 * travelling tables, compressed (db/package-pack.h) unless o->plain, built in a
 * temporary file in the target's folder, identifiers
 * masked unless o->full (masked values are never written to the file), the audit,
 * import_log, conflict and unit tables empty, a manifest added, then fsync'd and
 * renamed into place with mode 0600. An existing target is refused unless o->force.
 * Temporary files that stopped exports left in that folder are removed.
 * The same data gives the same digest in a plain package. m (may be NULL)
 * receives the manifest.
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

/* package_digest without the digest: the row counts, the longest value and
 * whether some text is not valid UTF-8 (a packed package's digest covers its
 * compressed bytes instead). m->digest is left as it is. Returns 0, or -1 with e set. */
int package_content_scan(sqlite3 *db, const char *schema, package_manifest *m, cdtt_err *e);

/* Per-file (or total) merge counts. */
typedef struct {
    long long n_new, n_updated, n_unchanged, n_deleted, n_rejected, n_conflicts;
} package_counts;

/* How a package is imported. */
typedef struct {
    int dry_run;        /* count everything, then roll back */
    int accept_partial; /* when some records are refused, merge the rest anyway */
    int replace;        /* replace everything held for the package's office by its content */
} package_import_opts;

/* A record a package may not write, and why. */
typedef struct {
    char table[24];
    char uuid[64];
    char label[256];    /* a readable name of the record ("" when it has none) */
    char reason[512];   /* translated */
} package_refusal;

/* What became of one file. */
typedef enum {
    PACKAGE_REFUSED = 0, /* not merged: err says why (damaged, not below this office, another
                          * copy of the office's file…) */
    PACKAGE_MERGED,      /* merged; with accept_partial, maybe without the refused records */
    PACKAGE_HELD,        /* some records refused and accept_partial not given: nothing merged */
    PACKAGE_OLDER,       /* older than the last package merged from its office: nothing changed */
    PACKAGE_EMPTY,       /* accepted, but it holds no record */
    PACKAGE_REPLACED,    /* replace: the office's data replaced by the package's */
} package_outcome;

/* Checks a package file as hostile input (a compressed one is first unpacked
 * into a private folder, its payload digest checked), on its own read-only connection:
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
    int ok;             /* 1 when nothing stopped the file (outcome neither REFUSED nor HELD) */
    package_outcome outcome;
    int other_instance; /* refused because it comes from another copy of its office's file */
    int made_skew;      /* +1: made more than a day in this PC's future; -1: more than 180 days ago */
    int is_signed;      /* the package carries its office's signature (package-sign.h) */
    unsigned char key[32]; /* the key it is signed with */
    int new_key;        /* --replace took the package's new key in place of the one known */
    int key_refused;    /* refused: signed with another key than the one known for its office */
    long long last_sequence; /* the sequence last merged from the same office (0: none) */
    package_refusal *refused; /* every refused record (malloc'd; package_import_result_free) */
    int n_refused;
    cdtt_err err;       /* the reason when !ok */
} package_import_result;

/* Verifies path (on a private temporary copy, migrated when it has an older
 * schema) and merges it into db in one BEGIN IMMEDIATE transaction (see
 * README, "Import"): records by uuid and logical version; a record of another
 * office, or one tied to another commune's team, session or member, is refused
 * and listed in r->refused, and then nothing is merged unless o->accept_partial;
 * a package from another copy of its office's file (instance) is refused unless
 * o->replace; an older package (sequence) changes nothing. Writes an import_log
 * row. With o->dry_run, computes the same result and rolls back. Returns 0 when
 * r->ok, or -1 with r->err set and db exactly as it was. Free r with
 * package_import_result_free either way. */
int package_import_with(sqlite3 *db, const char *path, const package_import_opts *o,
                        package_progress_fn progress, void *user, package_import_result *r);

/* package_import_with with only dry_run set. */
int package_import(sqlite3 *db, const char *path, int dry_run, package_progress_fn progress,
                   void *user, package_import_result *r);

/* Frees what an import put in r (the list of refused records). */
void package_import_result_free(package_import_result *r);

/* At a consolidating office, withdraws everything held for the office code
 * below it (a commune, or a district in the pre-2025 scheme): its records
 * are marked deleted (so that the withdrawal travels up), their open conflicts
 * closed, its file forgotten (its next package is taken as a first one) and
 * its imports no longer count in the completeness table. One transaction.
 * Writes the office's name to name and the number of records withdrawn to
 * *withdrawn. Returns 0, or -1 with e set. */
int package_forget(sqlite3 *db, const char *code, char *name, size_t name_len, long long *withdrawn,
                   cdtt_err *e);

/* The kinds of lines package_result_lines gives. */
enum { PACKAGE_LINE_TEXT, PACKAGE_LINE_HEAD, PACKAGE_LINE_NOTE, PACKAGE_LINE_ERROR, PACKAGE_LINE_REFUSAL };
typedef void (*package_line_fn)(void *user, int kind, const char *text);

/* Tells what became of the file name (as the user named it), one translated
 * line at a time: where it came from, the counts or why it was refused, notes
 * (older, empty, replaced, a wrong clock), then every refused record. */
void package_result_lines(const package_import_result *r, const char *name, package_line_fn line, void *user);

/* "LABEL: new N, updated N, …" into out. */
void package_counts_text(const char *label, const package_counts *c, char *out, size_t n);

/* A readable, translated name of a travelling table ("Member", "Team membership"). */
const char *package_table_label(const char *table);

/* A private copy (mode 0600, in TMPDIR) of db's file, opened, for a dry run of
 * several imports: they run there exactly as they would here, then the copy is
 * thrown away with package_scratch_drop. Writes its path to path. Returns NULL
 * with e set on failure (nothing left behind). */
sqlite3 *package_scratch_copy(sqlite3 *db, char path[4096], cdtt_err *e);
void package_scratch_drop(sqlite3 *copy, const char *path);

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

/* Adds the row key = value to the manifest of db's main schema. Returns 0, or -1 with e set. */
int package_manifest_put(sqlite3 *db, const char *key, const char *value, cdtt_err *e);

/* Copies the manifest value of key (db's main schema) into out (n bytes).
 * Returns 0, or -1 when it is missing, not text or too long. */
int package_manifest_get(sqlite3 *db, const char *key, char *out, size_t n);

/* Reads and parses the manifest of db's main schema. Returns 0, or -1 with e set
 * when a key is missing or malformed. */
int package_manifest_read(sqlite3 *db, package_manifest *m, cdtt_err *e);

/* Fills the new, empty file path with a package of db's office (db must be kept
 * in a file): the schema of db's version, the office row and every travelling
 * table as one snapshot, identifiers masked unless full, and the manifest
 * (m's source fields and created_at given; digest, rows, full, packed,
 * schema_version filled); compressed when packed (db/package-pack.h), else
 * one SQLite file. Leaves path unsynced. Returns 0, or -1 with e set (path
 * then holds something that is not a package; the caller removes it). */
int package_build(sqlite3 *db, const char *path, int full, int packed, package_manifest *m, cdtt_err *e);

/* The SQL select list that reads schema.table as a package carries it: the columns
 * in schema order, and with masked, the personal identifiers a masked package
 * leaves out replaced by what it carries instead (NULL, or NULL without consent).
 * malloc'd; NULL with e set when the table is missing. */
char *package_select_list(sqlite3 *db, const char *schema, const char *table, int masked, cdtt_err *e);

/* How the names of the temporary files of exports begin. */
#define PACKAGE_TMP_PREFIX ".cdtt-export."

/* Creates a new, empty, private (0600) temporary file in the folder dir whose name
 * starts with PACKAGE_TMP_PREFIX and names this process; writes its path to out.
 * Returns 0, or -1 with e set. */
int package_tmp_create(const char *dir, char *out, size_t outlen, cdtt_err *e);

/* Removes from the folder dir this user's temporary export files that were
 * abandoned: their process has ended (or, for names without a process, they have
 * not changed for an hour). Returns how many were removed. */
int package_tmp_sweep(const char *dir);

/* A private in-memory database holding exactly the schema a package of the given
 * version must have (migrations 1..version plus the manifest), or NULL. */
sqlite3 *package_expected_schema(int version);

/* The private folder an import copies a package into (db/package-private.c). */
typedef struct {
    char dir[4096];  /* the folder, "" when there is none */
    char copy[4200]; /* the copy's path inside it */
} package_private;

/* Makes a new private (0700) folder in TMPDIR for a package's copy, after
 * removing, the first time in a run, what earlier imports that a crash
 * stopped left there (package_private_sweep); from now until
 * package_private_end, Ctrl-C, kill or hang-up removes the folder and its
 * files. Returns 0, or -1 with e set. */
int package_private_begin(package_private *p, cdtt_err *e);

/* Removes the folder and everything in it (the copy, SQLite's files beside it). */
void package_private_end(package_private *p);

/* Removes from the folder root the private folders of imports (and the
 * private copies older versions made there) that are more than a day old and
 * belong to this user. Returns how many were removed. */
int package_private_sweep(const char *root);

/* Whether the file at path begins with the n bytes (at most 64) at magic. */
int package_file_begins(const char *path, const void *magic, size_t n);

/* Copies file src to the new private (0600) file dest, which must not exist.
 * Returns 0, or -1 with e set (dest may then exist, partly written). */
int package_copy_private(const char *src, const char *dest, cdtt_err *e);

/* Sets the SQLite header of the file path to the rollback journal (off WAL),
 * so that opening it creates no -wal or -shm file. Returns 0, or -1 with e set. */
int package_private_no_wal(const char *path, cdtt_err *e);

#endif
