/* package-verify.c — checking an incoming package as hostile input. */
#include "package-internal.h"
#include "package-pack.h"
#include "package-seal.h"
#include "tmpguard.h"
#include "db.h"
#include "office.h"
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Checks the SQLite header and that the file is as long as the header says. */
static int check_header(const char *path, cdtt_err *e)
{
    unsigned char h[100];
    FILE *f = fopen(path, "rb");
    if (!f)
        return err_set(e, _("cannot read %s"), path);
    size_t n = fread(h, 1, sizeof h, f);
    fclose(f);
    if (n < sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
        return err_set(e, _("%s is not a cdtt package (not a SQLite database)"), path);
    unsigned long page = (unsigned long)h[16] << 8 | h[17];
    if (page == 1)
        page = 65536;
    unsigned long pages = (unsigned long)h[28] << 24 | (unsigned long)h[29] << 16 |
                          (unsigned long)h[30] << 8 | h[31];
    struct stat sb;
    if (stat(path, &sb) < 0)
        return err_set(e, _("cannot read %s"), path);
    /* The page count in the header is valid when its "version-valid-for" matches the change counter. */
    if (memcmp(h + 24, h + 92, 4) == 0 && (unsigned long long)sb.st_size != (unsigned long long)page * pages)
        return err_set(e, _("%s is truncated or damaged (its size does not match its header)"), path);
    return 0;
}

/* Opens path read-only with the schema untrusted: no triggers, views or
 * schema-defined functions run, and the connection cannot corrupt the file. */
static sqlite3 *open_hostile(const char *path, cdtt_err *e)
{
    sqlite3 *p = NULL;
    if (sqlite3_open_v2(path, &p, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
        err_set(e, _("cannot open %s: %s"), path, p ? sqlite3_errmsg(p) : "out of memory");
        sqlite3_close(p);
        return NULL;
    }
    db_distrust(p);
    sqlite3_extended_result_codes(p, 1);
    return p;
}

/* application_id, user_version and integrity_check. The full check, not
 * quick_check: the merge looks rows up through the package's indexes, and only
 * integrity_check proves that they hold exactly the rows of their tables. */
static int check_identity(sqlite3 *p, const char *path, cdtt_err *e)
{
    long long app = db_scalar_int(p, "PRAGMA application_id", -1);
    long long ver = db_scalar_int(p, "PRAGMA user_version", -1);
    if (app < 0 || ver < 0)
        return err_set(e, _("%s is not a cdtt package (it cannot be read as SQLite)"), path);
    if (app != CDTT_APPLICATION_ID)
        return err_set(e, _("%s is not a cdtt package (another program's database)"), path);
    if (ver > CDTT_SCHEMA_VERSION)
        return err_set(e, _("%s was made by a newer version of cdtt (schema %lld, this program knows %d); "
                            "update cdtt to import it"), path, ver, CDTT_SCHEMA_VERSION);
    if (ver < 1)
        return err_set(e, _("%s is not a cdtt package (empty database)"), path);
    sqlite3_stmt *st = NULL;
    int ok = 0;
    if (sqlite3_prepare_v2(p, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        ok = sqlite3_column_text(st, 0) && strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
    sqlite3_finalize(st);
    if (!ok)
        return err_set(e, _("%s is damaged (the integrity check failed)"), path);
    return 0;
}

/* One object of a schema: type, name, tbl_name, sql. */
typedef struct {
    char *f[4];
} schema_row;

/* The schema a package of one version must have, as sqlite_schema rows in
 * order, read once per version from package_expected_schema (building that
 * schema runs every migration, which costs more than the rest of a small
 * package's check). */
typedef struct {
    int ready;
    int n;
    schema_row *rows;
} schema_rows;

#define SCHEMA_Q "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name"

/* The expected rows of version (NULL when it cannot be built). */
static const schema_rows *expected_rows(int version)
{
    static schema_rows cache[CDTT_SCHEMA_VERSION + 1];
    if (version < 1 || version > CDTT_SCHEMA_VERSION)
        return NULL;
    schema_rows *c = &cache[version];
    if (c->ready)
        return c;
    sqlite3 *want = package_expected_schema(version);
    sqlite3_stmt *st = NULL;
    if (!want || sqlite3_prepare_v2(want, SCHEMA_Q, -1, &st, NULL) != SQLITE_OK) {
        sqlite3_close(want);
        return NULL;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        c->rows = xrealloc(c->rows, (size_t)(c->n + 1) * sizeof *c->rows);
        for (int i = 0; i < 4; i++)
            c->rows[c->n].f[i] = xstrdup((const char *)sqlite3_column_text(st, i));
        c->n++;
    }
    sqlite3_finalize(st);
    sqlite3_close(want);
    c->ready = 1;
    return c;
}

/* An index the package's tables do not need: one made by CREATE INDEX (a
 * key's index has no sql), for the office's screens. */
static int secondary_index(const schema_row *r)
{
    return strcmp(r->f[0], "index") == 0 && r->f[3][0] != '\0';
}

/* Compares the whole sqlite_schema of p with the schema a package of its version
 * must have: the same tables, columns, indexes, and nothing else. A bare
 * package (a compressed one that has no secondary index at all: cdtt writes
 * them so, the merge finding rows by uuid alone) must have the same less its
 * secondary indexes; a package with some of them must have them all. */
static int check_schema(sqlite3 *p, const char *path, int version, int may_be_bare, cdtt_err *e)
{
    const schema_rows *want = expected_rows(version);
    if (!want)
        return err_set(e, _("cannot build the expected schema"));
    int bare = may_be_bare &&
               db_scalar_int(p, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL", 1) == 0;
    sqlite3_stmt *a = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(p, SCHEMA_Q, -1, &a, NULL) != SQLITE_OK) {
        err_set(e, _("%s is damaged (its schema cannot be read)"), path);
        goto out;
    }
    for (int k = 0;; k++) {
        while (bare && k < want->n && secondary_index(&want->rows[k]))
            k++;
        int ra = sqlite3_step(a);
        if (ra == SQLITE_DONE && k == want->n)
            break;
        if (ra != SQLITE_ROW) {
            err_set(e, ra == SQLITE_DONE ? _("%s is not a cdtt package (tables are missing)")
                                         : _("%s is damaged (its schema cannot be read)"), path);
            goto out;
        }
        if (k == want->n) {
            err_set(e, _("%s holds something a package must not: %s %s"), path,
                    sqlite3_column_text(a, 0), sqlite3_column_text(a, 1));
            goto out;
        }
        for (int i = 0; i < 4; i++)
            if (strcmp((const char *)sqlite3_column_text(a, i), want->rows[k].f[i])) {
                err_set(e, _("%s holds something a package must not, or lacks part of one: %s %s"),
                        path, sqlite3_column_text(a, 0), sqlite3_column_text(a, 1));
                goto out;
            }
    }
    rc = 0;
out:
    sqlite3_finalize(a);
    return rc;
}

/* The package's office row must be the manifest's source office. */
static int check_office_row(sqlite3 *p, const char *path, const package_manifest *m, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(p,
        "SELECT (SELECT count(*) FROM office), "
        "(SELECT count(*) FROM office WHERE scheme = ? AND code = ? AND level = ? AND name = ?)", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, m->source_scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, m->source_code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, m->source_level, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, m->source_name, -1, SQLITE_STATIC);
    int ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1 &&
             sqlite3_column_int(st, 1) == 1;
    sqlite3_finalize(st);
    if (ok && m->schema_version >= PACKAGE_SYNC_SCHEMA) {
        st = db_prepare(p, "SELECT count(*) FROM office WHERE instance_id = ? AND package_seq = ? AND clock = ?", e);
        if (!st)
            return -1;
        sqlite3_bind_text(st, 1, m->instance, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, m->sequence);
        sqlite3_bind_int64(st, 3, m->clock_to);
        ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
        sqlite3_finalize(st);
    }
    if (!ok)
        return err_set(e, _("%s has been altered (its office does not match its manifest)"), path);
    return 0;
}

/* No record of a schema-4 package may carry a version above the clock its
 * manifest names (the office's clock when it was made). */
static int check_versions(sqlite3 *p, const char *path, const package_manifest *m, cdtt_err *e)
{
    if (m->schema_version < PACKAGE_SYNC_SCHEMA)
        return 0;
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\" WHERE version > ?", SCHEMA_TRAVEL_TABLES[i]);
        sqlite3_stmt *st = db_prepare(p, sql, e);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, m->clock_to);
        long long over = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
        sqlite3_finalize(st);
        if (over != 0)
            return err_set(e, _("%s has been altered (a record's version is above the clock in its manifest)"),
                           path);
    }
    return 0;
}

/* The digest and row counts recomputed from the content (a packed package's
 * digest, over its compressed bytes, was checked when it was unpacked). */
static int check_digest(sqlite3 *p, const char *path, const package_manifest *m, cdtt_err *e)
{
    package_manifest again = *m;
    if ((m->packed ? package_content_scan(p, "main", &again, e) : package_digest(p, "main", &again, e)) < 0)
        return err_set(e, _("%s is damaged (its content cannot be read)"), path);
    if (strcmp(again.digest, m->digest) != 0)
        return err_set(e, _("%s has been altered or damaged (its SHA-256 digest does not match)"), path);
    for (int i = 0; i < m->n_tables; i++)
        if (again.rows[i] != m->rows[i])
            return err_set(e, _("%s has been altered (row counts do not match its manifest)"), path);
    if (again.bad_utf8)
        return err_set(e, _("%s holds text that is not valid UTF-8"), path);
    if (again.longest_value > PACKAGE_MAX_VALUE_BYTES)
        return err_set(e, _("%s holds a value of %lld bytes; at most %d are allowed"), path,
                       again.longest_value, PACKAGE_MAX_VALUE_BYTES);
    return 0;
}

static int level_rank(const char *level)
{
    static const char *const L[] = {"commune", "district", "province", "national"};
    for (int i = 0; i < 4; i++)
        if (strcmp(level, L[i]) == 0)
            return i;
    return -1;
}

/* Looks up a unit's province and parent in db's unit table. Returns 1 when found. */
static int local_unit(sqlite3 *db, const char *scheme, const char *level, const char *code,
                      char province[12], char parent[12])
{
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (sqlite3_prepare_v2(db,
            "SELECT province_code, coalesce(parent_code, '') FROM unit "
            "WHERE scheme = ? AND level = ? AND code = ?", -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, level, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, code, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(province, 12, "%s", sqlite3_column_text(st, 0));
        snprintf(parent, 12, "%s", sqlite3_column_text(st, 1));
        found = 1;
    }
    sqlite3_finalize(st);
    return found;
}

/* The package's office must lie under db's office. */
static int check_source_under_office(sqlite3 *db, const package_manifest *m, cdtt_err *e)
{
    office_rec me;
    if (office_get(db, &me) < 0)
        return err_set(e, _("this file has no office yet; run 'cdtt init' first"));
    int mine = level_rank(me.level), theirs = level_rank(m->source_level);
    int cross = package_cross_allowed(db, m, e);
    if (cross != 0)
        return cross < 0 ? -1 : 0;
    if (strcmp(me.scheme, m->source_scheme) == 0 && strcmp(me.code, m->source_code) == 0)
        return err_set(e, _("this package was made by this office itself"));
    if (mine <= 0)
        return err_set(e, _("a commune does not import packages; the province (or the district, "
                             "in the pre-2025 scheme) does"));
    if (theirs < 0 || theirs >= mine)
        return err_set(e, _("the package comes from %s (%s), which is not below this office"),
                       m->source_name, m->source_code);
    /* Schemes are checked at every level, the national one included. */
    if (strcmp(me.scheme, m->source_scheme) != 0)
        return err_set(e, _("the package uses the %s list of units, this office the %s list"),
                       m->source_scheme, me.scheme);
    if (strcmp(me.level, "national") == 0)
        return 0;
    char province[12] = "", parent[12] = "";
    /* Where the sender lies is read from this office's own list, never from the
     * manifest: a unit the list does not have at that level (a "district" under
     * the 2025-07 list, which has none) is refused. */
    if (!local_unit(db, m->source_scheme, m->source_level, m->source_code, province, parent))
        return err_set(e, _("the package says it comes from %s (%s, level %s), which this office's list of "
                            "units does not have"), m->source_name, m->source_code, m->source_level);
    const char *up = strcmp(me.level, "province") == 0 ? province : parent;
    if (!*up)
        return err_set(e, _("cannot tell where %s (%s) lies; import the official list of units "
                            "first (cdtt units import)"), m->source_name, m->source_code);
    if (strcmp(up, me.code) != 0)
        return err_set(e, _("the package comes from %s (%s), which is not under this office (%s)"),
                       m->source_name, m->source_code, me.name);
    return 0;
}

/* Puts the header's digest, key and signature into the manifest of the
 * unpacked package at path (a private copy whose schema was checked), where
 * the signature check and the rest of the import read them. A manifest that
 * already has one of them was not written by cdtt. Returns 0, or -1 with e set. */
static int manifest_from_header(const char *path, const pack_header *h, cdtt_err *e)
{
    sqlite3 *w = NULL;
    if (sqlite3_open_v2(path, &w, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
        sqlite3_close(w);
        return err_set(e, _("cannot read %s"), path);
    }
    db_distrust(w);
    int rc = -1;
    if (db_scalar_int(w, "SELECT count(*) FROM manifest WHERE key IN ('digest', 'public_key', 'signature')", 1) != 0)
        err_set(e, _("%s is damaged (its manifest says what only its header may say)"), path);
    else
        rc = package_manifest_put(w, "digest", h->digest, e) < 0 ||
                     package_manifest_put(w, "public_key", h->public_key, e) < 0 ||
                     package_manifest_put(w, "signature", h->signature, e) < 0
                 ? -1
                 : 0;
    sqlite3_close(w);
    return rc;
}

int package_verify_copy(sqlite3 *db, const char *path, const pack_header *h, package_manifest *m, cdtt_err *e)
{
    memset(m, 0, sizeof *m);
    if (check_header(path, e) < 0)
        return -1;
    sqlite3 *p = open_hostile(path, e);
    if (!p)
        return -1;
    int rc = -1;
    if (check_identity(p, path, e) < 0)
        goto out;
    if (db_scalar_int(p, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'manifest'",
                      0) != 1) {
        err_set(e, _("%s is a cdtt database but not a package (it has no manifest); make packages "
                     "with 'cdtt export'"), path);
        goto out;
    }
    /* Read before the manifest's columns are proven (0 when they cannot be read). */
    int says_packed = db_scalar_int(p, "SELECT count(*) FROM manifest WHERE key = 'format' AND value = '"
                                       PACKAGE_FORMAT_PACKED "'", 0) > 0;
    if (check_schema(p, path, db_user_version(p), h != NULL || says_packed, e) < 0)
        goto out;
    if (h && manifest_from_header(path, h, e) < 0)
        goto out;
    /* A compressed package's content is proven by its header's digest: taken
     * out of its header, nothing proves it any more. */
    if (says_packed != (h != NULL)) {
        err_set(e, h ? _("%s is damaged (a compressed package holds a package of the older format)")
                     : _("%s was taken out of its compressed package, which proves its content: import the "
                         "file as 'cdtt export' wrote it"), path);
        goto out;
    }
    if (package_manifest_read(p, m, e) < 0)
        goto out;
    if (m->schema_version != db_user_version(p)) {
        err_set(e, _("%s has been altered (its manifest names another schema version)"), path);
        goto out;
    }
    if (check_office_row(p, path, m, e) < 0 || check_digest(p, path, m, e) < 0 ||
        check_versions(p, path, m, e) < 0)
        goto out;
    rc = check_source_under_office(db, m, e);
out:
    sqlite3_close(p);
    return rc;
}

void package_name_user_file(cdtt_err *e, const char *copy, const char *path)
{
    char *hit = strstr(e->msg, copy);
    if (!hit)
        return;
    char rest[1024];
    snprintf(rest, sizeof rest, "%s", hit + strlen(copy));
    snprintf(hit, sizeof e->msg - (size_t)(hit - e->msg), "%s%s", path, rest);
}

int package_private_take(sqlite3 *db, package_private *pp, const char *path, pack_header *h, cdtt_err *e)
{
    int rc = package_is_sealed(path) ? package_unseal(db, path, pp->copy, e) : package_copy_private(path, pp->copy, e);
    if (rc < 0)
        return -1;
    int packed = package_is_packed(pp->copy);
    if (packed) {
        char out[sizeof pp->copy + 16];
        snprintf(out, sizeof out, "%s.db", pp->copy);
        tmpguard_also_in(out); /* removed with the folder on Ctrl-C, kill or hang-up */
        if (package_unpack(pp->copy, out, h, e) < 0) {
            package_name_user_file(e, pp->copy, path);
            return -1;
        }
        unlink(pp->copy);
        snprintf(pp->copy, sizeof pp->copy, "%s", out);
    }
    return package_private_no_wal(pp->copy, e) < 0 ? -1 : packed;
}

int package_verify(sqlite3 *db, const char *path, package_manifest *m, cdtt_err *e)
{
    if (!package_is_packed(path))
        return package_verify_copy(db, path, NULL, m, e);
    memset(m, 0, sizeof *m);
    package_private pp;
    pack_header h;
    int rc = package_private_begin(&pp, e);
    if (rc == 0)
        rc = package_private_take(db, &pp, path, &h, e) < 0 ? -1 : 0;
    if (rc == 0 && (rc = package_verify_copy(db, pp.copy, &h, m, e)) < 0)
        package_name_user_file(e, pp.copy, path);
    package_private_end(&pp);
    return rc;
}
