/* package_fixture.h — offices, units and records for the package tests, written
 * with plain SQL (fixed times, so that results are reproducible). */
#ifndef CDTT_PACKAGE_FIXTURE_H
#define CDTT_PACKAGE_FIXTURE_H

#include "testutil.h"
#include "demo.h"
#include "office.h"
#include "package.h"
#include "package-pack.h"
#include "schema.h"
#include "sha256.h"

/* Runs sql with the NULL-terminated text parameters (use "" and nullif() for SQL NULL);
 * fails the test on error. */
static inline void pf_exec(sqlite3 *db, const char *sql, ...)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("prepare %s: %s", sql, sqlite3_errmsg(db));
    va_list ap;
    va_start(ap, sql);
    const char *v;
    for (int i = 1; (v = va_arg(ap, const char *)) != NULL; i++)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    va_end(ap);
    if (sqlite3_step(st) != SQLITE_DONE)
        fail_msg("step %s: %s", sql, sqlite3_errmsg(db));
    sqlite3_finalize(st);
}

/* The units the tests use: province 01 with communes 00004 and 00008, province 79 with 26734. */
static inline void pf_units(sqlite3 *db)
{
    static const char *const U[][5] = {
        {"province", "01", "Thành phố Hà Nội", "", "01"},
        {"commune", "00004", "Phường Ba Đình", "01", "01"},
        {"commune", "00008", "Phường Ngọc Hà", "01", "01"},
        {"commune", "00012", "Phường Giảng Võ", "01", "01"},
        {"province", "79", "Thành phố Hồ Chí Minh", "", "79"},
        {"commune", "26734", "Phường Sài Gòn", "79", "79"},
    };
    for (size_t i = 0; i < sizeof U / sizeof U[0]; i++)
        pf_exec(db, "INSERT INTO unit (scheme, level, code, name, parent_code, province_code, name_fold) "
                    "VALUES ('2025-07', ?, ?, ?, nullif(?, ''), ?, lower(?2))",
                U[i][0], U[i][1], U[i][2], U[i][3], U[i][4], NULL);
}

/* Opens dir/name as the office code (level) with the unit list. */
static inline sqlite3 *pf_office(const char *dir, const char *name, const char *code, const char *level,
                                 const char *office_name)
{
    sqlite3 *db = tu_open_db(dir, name);
    pf_units(db);
    office_rec o = {.scheme = "2025-07"};
    snprintf(o.code, sizeof o.code, "%s", code);
    snprintf(o.level, sizeof o.level, "%s", level);
    snprintf(o.name, sizeof o.name, "%s", office_name);
    cdtt_err e;
    if (office_set(db, &o, &e) < 0)
        fail_msg("office_set: %s", e.msg);
    return db;
}

/* pf_office with demo data of members members (seed seed) in it; fails the test when it cannot. */
static inline sqlite3 *pf_demo_office(const char *dir, const char *name, const char *code, const char *level,
                                      long members, unsigned seed)
{
    sqlite3 *db = pf_office(dir, name, code, level, "Văn phòng thử");
    demo_opts o = {.members = members, .seed = seed};
    cdtt_err e = {{0}};
    if (demo_generate(db, &o, NULL, &e) < 0)
        fail_msg("demo_generate: %s", e.msg);
    return db;
}

/* Exports below's records (masked) to pkg and imports pkg into above; fails the test when either
 * fails. Returns the import's counts. */
static inline package_counts pf_send_up(sqlite3 *below, sqlite3 *above, const char *pkg)
{
    package_export_opts xo = {.full = 0, .force = 1};
    cdtt_err e = {{0}};
    if (package_export(below, pkg, &xo, NULL, NULL, NULL, &e) < 0)
        fail_msg("package_export: %s", e.msg);
    package_import_result r;
    if (package_import(above, pkg, 0, NULL, NULL, &r) < 0)
        fail_msg("package_import: %s", r.err.msg);
    package_import_result_free(&r);
    return r.c;
}

/* A team of the commune with one area; uuids are given. */
static inline void pf_team(sqlite3 *db, const char *unit, const char *area_uuid, const char *team_uuid)
{
    char by[32];
    snprintf(by, sizeof by, "2025-07:%s", unit);
    pf_exec(db, "INSERT INTO area (uuid, unit_scheme, unit_code, kind, name, name_fold, sort_key, "
                "created_at, updated_at, changed_by) VALUES (?, '2025-07', ?, 'to_dan_pho', 'Tổ dân phố 1', "
                "'to dan pho 1', 'to dan pho 1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?)",
            area_uuid, unit, by, NULL);
    pf_exec(db, "INSERT INTO team (uuid, unit_scheme, unit_code, level, area_uuid, name, name_fold, sort_key, "
                "created_at, updated_at, changed_by) VALUES (?, '2025-07', ?, 'group', ?, 'Tổ CNS số 1', "
                "'to cns so 1', 'to cns so 1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?)",
            team_uuid, unit, area_uuid, by, NULL);
}

/* A member of unit, in team_uuid (membership uuid = "ms-" + uuid). */
static inline void pf_member(sqlite3 *db, const char *unit, const char *team_uuid, const char *uuid,
                             const char *name, const char *phone, const char *cccd, const char *consent,
                             const char *updated_at)
{
    char by[32], ms[64];
    snprintf(by, sizeof by, "2025-07:%s", unit);
    snprintf(ms, sizeof ms, "ms-%s", uuid);
    pf_exec(db, "INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, gender, "
                "birth, phone, cccd, email, consent, created_at, updated_at, changed_by) "
                "VALUES (?1, '2025-07', ?2, ?3, lower(?3), lower(?3), 'female', '1990-05-01', nullif(?4, ''), nullif(?5, ''), "
                "'a@example.vn', CAST(?6 AS INTEGER), '2026-01-01T00:00:00.000Z', ?7, ?8)",
            uuid, unit, name, phone, cccd, consent, updated_at, by, NULL);
    pf_exec(db, "INSERT INTO membership (uuid, team_uuid, member_uuid, role, created_at, updated_at, "
                "changed_by) VALUES (?, ?, ?, 'member', '2026-01-01T00:00:00.000Z', ?, ?)",
            ms, team_uuid, uuid, updated_at, by, NULL);
}

/* Changes a member's name as an edit at office `by` would, at time `at`. */
static inline void pf_rename(sqlite3 *db, const char *uuid, const char *name, const char *at, const char *by)
{
    pf_exec(db, "UPDATE member SET full_name = ?, updated_at = ?, changed_by = ? WHERE uuid = ?", name, at,
            by, uuid, NULL);
}

/* The SQLite file of the package at path, as the import reads it: a compressed
 * package unpacked (its payload digest checked) to path + ".db", a plain one
 * copied there. Writes that path to out; fails the test when it cannot. */
static inline void pf_unpacked(const char *path, char out[700])
{
    snprintf(out, 700, "%s.db", path);
    unlink(out);
    cdtt_err e = {{0}};
    pack_header h;
    int rc = package_is_packed(path) ? package_unpack(path, out, &h, &e) : package_copy_private(path, out, &e);
    if (rc < 0)
        fail_msg("unpack %s: %s", path, e.msg);
}

/* SHA-256 of the serialised main database: equal means byte-for-byte the same content. */
static inline void pf_fingerprint(sqlite3 *db, char out[65])
{
    sqlite3_int64 size = 0;
    unsigned char *bytes = sqlite3_serialize(db, "main", &size, 0);
    assert_non_null(bytes);
    sha256_ctx c;
    sha256_init(&c);
    sha256_update(&c, bytes, (size_t)size);
    sha256_final_hex(&c, out);
    sqlite3_free(bytes);
}

/* A text query's first value (malloc'd; "" for NULL or no row). */
static inline char *pf_text(sqlite3 *db, const char *sql, const char *arg)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("prepare %s: %s", sql, sqlite3_errmsg(db));
    if (arg)
        sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
    char *out = xstrdup(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)
                            ? (const char *)sqlite3_column_text(st, 0) : "");
    sqlite3_finalize(st);
    return out;
}

/* Writes at path (a new file) what cdtt kept before schema 2 (schema 1): db's
 * office row and travelling records, without versions (base_updated_at NULL);
 * with manifest, a package exactly as cdtt made them then (identifiers
 * included, manifest and digest of that format). */
static inline void pf_schema1_copy(sqlite3 *db, const char *path, int manifest)
{
    sqlite3 *p = NULL;
    unlink(path);
    if (sqlite3_open(path, &p) != SQLITE_OK)
        fail_msg("open %s", path);
    if (sqlite3_exec(p, schema_migration(1), NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(p, manifest ? PACKAGE_MANIFEST_DDL : "SELECT 1", NULL, NULL, NULL) != SQLITE_OK)
        fail_msg("schema 1: %s", sqlite3_errmsg(p));
    char sql[1600];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = 1", CDTT_APPLICATION_ID);
    if (sqlite3_exec(p, sql, NULL, NULL, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(p));
    pf_exec(p, "ATTACH ? AS src", sqlite3_db_filename(db, "main"), NULL);
    pf_exec(p, "INSERT INTO office (id, scheme, code, level, name, created_at) "
               "SELECT id, scheme, code, level, name, created_at FROM src.office", NULL);
    cdtt_err e;
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++) {
        char *cols = package_column_list(p, "main", SCHEMA_TRAVEL_TABLES[i], &e);
        static const char *const SKIP[] = {"base_updated_at", NULL};
        char *copy = package_column_map(cols, "\"%c\"", SKIP);
        snprintf(sql, sizeof sql, "INSERT INTO main.%s (%s) SELECT %s FROM src.%s", SCHEMA_TRAVEL_TABLES[i],
                 copy, copy, SCHEMA_TRAVEL_TABLES[i]);
        pf_exec(p, sql, NULL);
        free(cols);
        free(copy);
    }
    if (manifest) {
        package_manifest m;
        memset(&m, 0, sizeof m);
        office_rec o;
        assert_int_equal(office_get(db, &o), 0);
        snprintf(m.source_scheme, sizeof m.source_scheme, "%s", o.scheme);
        snprintf(m.source_code, sizeof m.source_code, "%s", o.code);
        snprintf(m.source_level, sizeof m.source_level, "%s", o.level);
        snprintf(m.source_name, sizeof m.source_name, "%s", o.name);
        char *prov = pf_text(db, "SELECT province_code FROM unit WHERE scheme = '2025-07' AND code = ?", o.code);
        snprintf(m.province_code, sizeof m.province_code, "%s", prov);
        free(prov);
        db_now(m.created_at);
        m.schema_version = 1;
        m.full = 1;
        if (package_digest(p, "main", &m, &e) < 0 || package_manifest_write(p, &m, &e) < 0)
            fail_msg("manifest: %s", e.msg);
    }
    pf_exec(p, "DETACH src", NULL);
    sqlite3_close(p);
}

/* A demo file of members made by seed, written back as it was at schema 1 to
 * dir/old_name (through dir/new_name) and opened again: every later migration
 * has run on it. */
static inline sqlite3 *pf_upgraded_demo(const char *dir, const char *new_name, const char *old_name, int members,
                                        uint64_t seed)
{
    cdtt_err e = {{0}};
    sqlite3 *db = tu_open_db(dir, new_name);
    demo_opts o = {.members = members, .seed = seed};
    assert_int_equal(demo_generate(db, &o, NULL, &e), 0);
    char old[600];
    snprintf(old, sizeof old, "%s/%s", dir, old_name);
    pf_schema1_copy(db, old, 0);
    db_close(db);
    return tu_open_db(dir, old_name);
}

#endif
