/* test_package_sync.c — consolidation the province can trust: logical versions
 * (wrong PC clocks change nothing), a local save never lowers a version, records
 * of other communes refused on both sides, packages from another copy of a
 * commune's file stopped, --replace and forget, empty packages, packages of the
 * previous schema, and existing files upgraded. */
#include "package_fixture.h"
#include "package-sign.h"
#include "completeness.h"
#include "office.h"
#include "records.h"

static sqlite3 *commune(const char *name, const char *code, const char *office_name)
{
    return pf_office(dir, name, code, "commune", office_name);
}

static sqlite3 *province(const char *name)
{
    return pf_office(dir, name, "01", "province", "Thành phố Hà Nội");
}

static void export_to(sqlite3 *db, const char *file, char out[600])
{
    snprintf(out, 600, "%s/%s", dir, file);
    package_export_opts o = {.force = 1};
    cdtt_err e;
    if (package_export(db, out, &o, NULL, NULL, NULL, &e) < 0)
        fail_msg("export: %s", e.msg);
}

/* Imports with the options given; r must be freed. Returns package_import_with's result. */
static int import_opts(sqlite3 *db, const char *path, int partial, int replace, package_import_result *r)
{
    package_import_opts o = {.accept_partial = partial, .replace = replace};
    return package_import_with(db, path, &o, NULL, NULL, r);
}

static package_counts import_ok(sqlite3 *db, const char *path)
{
    package_import_result r;
    if (import_opts(db, path, 0, 0, &r) < 0)
        fail_msg("import %s: %s", path, r.err.msg);
    package_import_result_free(&r);
    return r.c;
}

static char *name_of(sqlite3 *db, const char *uuid)
{
    return pf_text(db, "SELECT full_name FROM member WHERE uuid = ?", uuid);
}

#define ASSERT_NAME(db, uuid, want)                                                            \
    do {                                                                                       \
        char *got_ = name_of(db, uuid);                                                        \
        assert_string_equal(got_, want);                                                       \
        free(got_);                                                                            \
    } while (0)

/* An edit made while the commune PC's clock said 2030 does not win over later
 * edits made with a right clock, and an edit made at "2021" is not taken as old:
 * the order is the commune's clock of versions, not updated_at. */
static void wrong_clocks_change_nothing(void **state)
{
    (void)state;
    sqlite3 *a = commune("clk-a.db", "00004", "Phường Ba Đình"), *p = province("clk-p.db");
    pf_team(a, "00004", "clk-area", "clk-team");
    pf_member(a, "00004", "clk-team", "clk-m", "Nguyễn Thị Lan", "", "", "1", "2026-02-01T00:00:00.000Z");
    char f[600];
    export_to(a, "clk1.cdtt", f);
    import_ok(p, f);
    pf_rename(a, "clk-m", "Lan 2030", "2030-01-01T00:00:00.000Z", "2025-07:00004");
    export_to(a, "clk2.cdtt", f);
    assert_int_equal(import_ok(p, f).n_updated, 1);
    ASSERT_NAME(p, "clk-m", "Lan 2030");
    pf_rename(a, "clk-m", "Lan 2021", "2021-01-01T00:00:00.000Z", "2025-07:00004");
    export_to(a, "clk3.cdtt", f);
    package_counts c = import_ok(p, f);
    assert_int_equal(c.n_updated, 1);
    assert_int_equal(c.n_conflicts, 0);
    ASSERT_NAME(p, "clk-m", "Lan 2021");
    pf_rename(a, "clk-m", "Lan today", "2026-03-01T00:00:00.000Z", "2025-07:00004");
    export_to(a, "clk4.cdtt", f);
    assert_int_equal(import_ok(p, f).n_updated, 1);
    ASSERT_NAME(p, "clk-m", "Lan today");
    db_close(a);
    db_close(p);
}

/* A save never lowers a record's version, whatever its updated_at; the
 * province's clock rises to every version it merged, so its own later change
 * travels up as newer than the commune's. */
static void versions_only_grow(void **state)
{
    (void)state;
    sqlite3 *a = commune("ver-a.db", "00004", "Phường Ba Đình"), *p = province("ver-p.db");
    pf_team(a, "00004", "ver-area", "ver-team");
    pf_member(a, "00004", "ver-team", "ver-m", "Trần Văn Bình", "", "", "1", "2026-02-01T00:00:00.000Z");
    long long v1 = db_scalar_int(a, "SELECT version FROM member WHERE uuid = 'ver-m'", -1);
    assert_true(v1 > 0);
    /* A hand edit that tries to set an old version gets a newer one. */
    pf_exec(a, "UPDATE member SET note = 'x', version = 1, updated_at = '2001-01-01T00:00:00.000Z' "
               "WHERE uuid = 'ver-m'", NULL);
    long long v2 = db_scalar_int(a, "SELECT version FROM member WHERE uuid = 'ver-m'", -1);
    assert_true(v2 > v1);
    assert_true(db_scalar_int(a, "SELECT clock FROM office", -1) >= v2);
    /* Through the records API too. */
    member_rec m;
    assert_int_equal(member_get(a, "ver-m", &m), 0);
    snprintf(m.note, sizeof m.note, "y");
    cdtt_err e;
    assert_int_equal(member_save(a, &m, 1, NULL, &e), 0);
    long long v3 = db_scalar_int(a, "SELECT version FROM member WHERE uuid = 'ver-m'", -1);
    assert_true(v3 > v2);
    /* At the province: its clock is raised to what it merged. */
    pf_exec(a, "UPDATE office SET clock = 5000000 WHERE id = 1", NULL);
    pf_rename(a, "ver-m", "Bình", "2026-03-01T00:00:00.000Z", "2025-07:00004");
    char f[600];
    export_to(a, "ver.cdtt", f);
    import_ok(p, f);
    assert_true(db_scalar_int(p, "SELECT clock FROM office", -1) >= 5000001);
    assert_int_equal(db_scalar_int(p, "SELECT version FROM member WHERE uuid = 'ver-m'", -1), 5000001);
    /* Its own change then gets a higher version than the commune's. */
    pf_rename(p, "ver-m", "Bình (tỉnh)", "2020-01-01T00:00:00.000Z", "2025-07:01");
    assert_true(db_scalar_int(p, "SELECT version FROM member WHERE uuid = 'ver-m'", -1) > 5000001);
    db_close(a);
    db_close(p);
}

/* The commune's copied file, set up for another commune: the province keeps the
 * first commune's records; the second one's package may not touch them. */
static void another_communes_records_are_refused(void **state)
{
    (void)state;
    sqlite3 *a = commune("own-a.db", "00004", "Phường Ba Đình"), *b = commune("own-b.db", "00008", "Phường Ngọc Hà");
    sqlite3 *p = province("own-p.db");
    pf_team(a, "00004", "own-area", "own-team");
    pf_member(a, "00004", "own-team", "own-m1", "Nguyễn Thị Lan", "", "", "1", "2026-02-01T00:00:00.000Z");
    pf_member(a, "00004", "own-team", "own-m2", "Trần Văn Bình", "", "", "1", "2026-02-01T00:00:00.000Z");
    char fa[600], fb[600];
    export_to(a, "own-a.cdtt", fa);
    import_ok(p, fa);
    /* B's file holds records under A's uuids, claiming to be B's. */
    pf_team(b, "00008", "own-area", "own-team");
    pf_member(b, "00008", "own-team", "own-m1", "Lan (B)", "", "", "1", "2026-02-01T00:00:00.000Z");
    pf_exec(b, "UPDATE member SET deleted = 1 WHERE uuid = 'own-m1'", NULL);
    /* And one of its own members in A's team, and attendance of A's member at its session. */
    pf_member(b, "00008", "own-team", "own-b1", "Lê Thị Hoa", "", "", "1", "2026-02-01T00:00:00.000Z");
    pf_exec(b, "UPDATE membership SET team_uuid = 'own-team' WHERE uuid = 'ms-own-b1'", NULL);
    export_to(b, "own-b.cdtt", fb);
    /* B's package names the uuids of A's area, team and member: it would change them. */
    package_import_result r;
    assert_int_equal(import_opts(p, fb, 0, 0, &r), -1);
    assert_int_equal(r.outcome, PACKAGE_HELD);
    int takeover = 0, foreign = 0;
    for (int i = 0; i < r.n_refused; i++) {
        takeover += strstr(r.refused[i].reason, "would change a record of Phường Ba Đình (00004)") != NULL;
        foreign += strstr(r.refused[i].reason, "of Phường Ba Đình (00004)") != NULL;
    }
    assert_int_equal(takeover, 2); /* the area and the member under A's uuids */
    assert_int_equal(r.n_refused, 5); /* and the team in A's area, the memberships of A's team */
    assert_int_equal(foreign, r.n_refused);
    package_import_result_free(&r);
    /* Even accepting the rest, A keeps its members. */
    assert_int_equal(import_opts(p, fb, 1, 0, &r), 0);
    assert_int_equal(r.n_refused, 5);
    package_import_result_free(&r);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE unit_code = '00004' AND deleted = 0", -1),
                     2);
    ASSERT_NAME(p, "own-m1", "Nguyễn Thị Lan");
    /* B's own member came in, but not its membership of A's team. */
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE uuid = 'own-b1'", -1), 1);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM membership WHERE uuid = 'ms-own-b1'", -1), 0);
    db_close(a);
    db_close(b);
    db_close(p);
}

/* A commune's file copied and given to another commune (cdtt init --force):
 * its records get new identities and become the other commune's, so that its
 * package adds them and changes nothing of the first commune's. */
static void copied_and_reinitialised_file(void **state)
{
    (void)state;
    sqlite3 *a = commune("cp-a.db", "00004", "Phường Ba Đình"), *p = province("cp-p.db");
    pf_team(a, "00004", "cp-area", "cp-team");
    pf_member(a, "00004", "cp-team", "cp-m1", "Nguyễn Thị Lan", "", "", "1", "2026-02-01T00:00:00.000Z");
    pf_member(a, "00004", "cp-team", "cp-m2", "Trần Văn Bình", "", "", "1", "2026-02-01T00:00:00.000Z");
    char fa[600], fb[600], copy[600];
    export_to(a, "cp-a.cdtt", fa);
    import_ok(p, fa);
    snprintf(copy, sizeof copy, "%s/cp-b.db", dir);
    sqlite3 *b = NULL;
    assert_int_equal(sqlite3_open(copy, &b), SQLITE_OK);
    sqlite3_backup *bk = sqlite3_backup_init(b, "main", a, "main");
    sqlite3_backup_step(bk, -1);
    assert_int_equal(sqlite3_backup_finish(bk), SQLITE_OK);
    sqlite3_close(b);
    b = tu_open_db(dir, "cp-b.db");
    char *inst_a = pf_text(a, "SELECT instance_id FROM office", NULL);
    office_rec o = {"2025-07", "00008", "commune", "Phường Ngọc Hà"};
    long long n = 0;
    cdtt_err e;
    assert_int_equal(office_change(b, &o, &n, &e), 0);
    assert_int_equal(n, 6);
    char *inst_b = pf_text(b, "SELECT instance_id FROM office", NULL);
    assert_string_not_equal(inst_a, inst_b);
    free(inst_a);
    free(inst_b);
    assert_int_equal(db_scalar_int(b, "SELECT package_seq FROM office", -1), 0);
    assert_int_equal(db_scalar_int(b, "SELECT count(*) FROM member WHERE uuid LIKE 'cp-%'", -1), 0);
    assert_int_equal(db_scalar_int(b, "SELECT count(*) FROM member WHERE unit_code = '00008'", -1), 2);
    assert_int_equal(db_scalar_int(b, "SELECT count(*) FROM membership ms JOIN team t ON t.uuid = ms.team_uuid "
                                      "JOIN member m ON m.uuid = ms.member_uuid", -1), 2);
    assert_int_equal(db_scalar_int(b, "PRAGMA foreign_key_check", 0), 0);
    /* B deletes one of the members it got, and sends its package. */
    pf_exec(b, "UPDATE member SET deleted = 1 WHERE rowid = (SELECT min(rowid) FROM member)", NULL);
    export_to(b, "cp-b.cdtt", fb);
    package_counts c = import_ok(p, fb);
    assert_int_equal(c.n_new, 6);
    assert_int_equal(c.n_rejected, 0);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE unit_code = '00004' AND deleted = 0", -1), 2);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE unit_code = '00008' AND deleted = 0", -1), 1);
    db_close(b);
    db_close(a);
    db_close(p);
}

/* A re-built commune file (new instance) stops the import; --replace swaps the
 * commune's data for the package's in one go; forget withdraws it. */
static void rebuilt_file_replace_and_forget(void **state)
{
    (void)state;
    sqlite3 *a = commune("rb-a.db", "00004", "Phường Ba Đình"), *p = province("rb-p.db");
    pf_team(a, "00004", "rb-area", "rb-team");
    pf_member(a, "00004", "rb-team", "rb-m1", "Nguyễn Thị Lan", "", "", "1", "2026-02-01T00:00:00.000Z");
    pf_member(a, "00004", "rb-team", "rb-m2", "Trần Văn Bình", "", "", "1", "2026-02-01T00:00:00.000Z");
    char f1[600], f2[600];
    export_to(a, "rb-1.cdtt", f1);
    import_ok(p, f1);
    /* The same people keyed again into a new file: other uuids. */
    sqlite3 *a2 = commune("rb-a2.db", "00004", "Phường Ba Đình");
    pf_team(a2, "00004", "rb2-area", "rb2-team");
    pf_member(a2, "00004", "rb2-team", "rb2-m1", "Nguyễn Thị Lan", "", "", "1", "2026-05-01T00:00:00.000Z");
    pf_member(a2, "00004", "rb2-team", "rb2-m2", "Trần Văn Bình", "", "", "1", "2026-05-01T00:00:00.000Z");
    export_to(a2, "rb-2.cdtt", f2);
    /* Every record of every travelling table, and the import log, as text. */
    static const char CONTENT[] =
        "SELECT group_concat(x, ';') FROM (SELECT uuid || version || deleted AS x FROM area UNION ALL "
        "SELECT uuid || version || deleted FROM team UNION ALL SELECT uuid || version || deleted FROM member "
        "UNION ALL SELECT uuid || version || deleted FROM membership UNION ALL "
        "SELECT 'log' || count(*) FROM import_log ORDER BY 1)";
    char *before = pf_text(p, CONTENT, NULL);
    package_import_result r;
    assert_int_equal(import_opts(p, f2, 0, 0, &r), -1);
    /* A re-built file has a key of its own: the import stops at the key, and says
     * how to replace (the key mechanism covers re-built files). */
    assert_non_null(strstr(r.err.msg, "signed with a new key"));
    assert_non_null(strstr(r.err.msg, "--replace"));
    package_import_result_free(&r);
    /* The one thing the refusal keeps: the key offered, for 'cdtt keys trust'. */
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM known_key WHERE role = 'offered'", -1), 1);
    char *after = pf_text(p, CONTENT, NULL);
    assert_string_equal(before, after);
    free(before);
    free(after);
    /* --replace: the old records withdrawn, the new ones in; 2 members, not 4. */
    assert_int_equal(import_opts(p, f2, 0, 1, &r), 0);
    assert_int_equal(r.outcome, PACKAGE_REPLACED);
    assert_int_equal(r.c.n_new, 6);
    assert_int_equal(r.c.n_deleted, 6); /* area, team, 2 members, 2 memberships */
    package_import_result_free(&r);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE deleted = 0", -1), 2);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE deleted = 0 AND uuid LIKE 'rb2-%'", -1), 2);
    /* The old file's packages are now refused: signed with the key the
     * replacement superseded. */
    assert_int_equal(import_opts(p, f1, 0, 0, &r), -1);
    assert_non_null(strstr(r.err.msg, "signed with a new key"));
    package_import_result_free(&r);
    /* The new file's next package merges normally. */
    pf_rename(a2, "rb2-m1", "Nguyễn Thị Lan Anh", "2026-05-02T00:00:00.000Z", "2025-07:00004");
    export_to(a2, "rb-3.cdtt", f2);
    assert_int_equal(import_ok(p, f2).n_updated, 1);
    completeness_table t;
    cdtt_err e;
    assert_int_equal(completeness_get(p, &t, &e), 0);
    assert_int_equal(t.rows[0].n_imports, 2); /* the replacement and the update; the first was withdrawn */
    completeness_free(&t);
    /* forget: everything of 00004 marked deleted, and it counts as having sent nothing. */
    char name[512];
    long long n = 0;
    assert_int_equal(package_forget(p, "00004", name, sizeof name, &n, &e), 0);
    assert_string_equal(name, "Phường Ba Đình");
    assert_int_equal(n, 6);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE deleted = 0", -1), 0);
    assert_int_equal(completeness_get(p, &t, &e), 0);
    assert_int_equal(t.rows[0].n_imports, 0);
    assert_int_equal(t.n_missing, 3);
    completeness_free(&t);
    /* Any file of it is then taken as a first package, and its records come back. */
    assert_int_equal(import_opts(p, f1, 0, 0, &r), 0);
    assert_int_equal(r.c.n_updated, 6);
    assert_int_equal(r.c.n_conflicts, 0);
    package_import_result_free(&r);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE deleted = 0", -1), 2);
    assert_int_equal(package_forget(p, "26734", name, sizeof name, &n, &e), -1); /* another province's */
    assert_int_equal(package_forget(a, "00008", name, sizeof name, &n, &e), -1); /* a commune forgets nothing */
    db_close(a);
    db_close(a2);
    db_close(p);
}

/* An empty package is accepted and said to be empty; the commune has not sent data. */
static void empty_package_is_not_data(void **state)
{
    (void)state;
    sqlite3 *a = commune("em-a.db", "00004", "Phường Ba Đình"), *p = province("em-p.db");
    char f[600];
    export_to(a, "em.cdtt", f);
    package_import_result r;
    assert_int_equal(import_opts(p, f, 0, 0, &r), 0);
    assert_int_equal(r.outcome, PACKAGE_EMPTY);
    package_import_result_free(&r);
    completeness_table t;
    cdtt_err e;
    assert_int_equal(completeness_get(p, &t, &e), 0);
    assert_int_equal(t.rows[0].n_imports, 0);
    assert_int_equal(t.n_missing, 3);
    completeness_free(&t);
    db_close(a);
    db_close(p);
}

/* A package of the previous format (schema 1, no versions, no instance) still
 * imports, and merges with what came before by the versions its updated_at
 * give; once a package of this format came from the office, an old one is refused. */
static void previous_format_still_imports(void **state)
{
    (void)state;
    sqlite3 *a = commune("old-a.db", "00004", "Phường Ba Đình"), *p = province("old-p.db");
    pf_team(a, "00004", "old-area", "old-team");
    pf_member(a, "00004", "old-team", "old-m", "Nguyễn Thị Lan", "", "", "1", "2026-02-01T00:00:00.000Z");
    char f[600], g[600];
    snprintf(f, sizeof f, "%s/old-1.cdtt", dir);
    pf_schema1_copy(a, f, 1);
    package_import_result r;
    assert_int_equal(import_opts(p, f, 0, 0, &r), 0);
    assert_int_equal(r.m.schema_version, 1);
    assert_int_equal(r.c.n_new, 4);
    package_import_result_free(&r);
    /* 2026-02-01T00:00:00.000Z in milliseconds */
    assert_int_equal(db_scalar_int(p, "SELECT version FROM member WHERE uuid = 'old-m'", -1), 1769904000000LL);
    assert_int_equal(import_ok(p, f).n_unchanged, 4);
    export_to(a, "old-2.cdtt", g);
    import_ok(p, g);
    assert_int_equal(import_opts(p, f, 0, 0, &r), -1);
    /* Refused: unsigned, from an office whose key is known (a stripped signature
     * or an older cdtt after a newer one). */
    assert_non_null(strstr(r.err.msg, "not signed"));
    package_import_result_free(&r);
    db_close(a);
    db_close(p);
}

/* A file of the previous schema gets versions from its updated_at and a clock above them. */
static void existing_files_migrate(void **state)
{
    (void)state;
    sqlite3 *a = commune("mig-new.db", "00004", "Phường Ba Đình");
    pf_team(a, "00004", "mig-area", "mig-team");
    pf_member(a, "00004", "mig-team", "mig-m", "Nguyễn Thị Lan", "", "", "1", "2030-06-01T00:00:00.123Z");
    char old[600];
    snprintf(old, sizeof old, "%s/mig-old.db", dir);
    pf_schema1_copy(a, old, 0);
    db_close(a);
    sqlite3 *m = tu_open_db(dir, "mig-old.db");
    assert_int_equal(db_user_version(m), CDTT_SCHEMA_VERSION);
    assert_int_equal(db_scalar_int(m, "SELECT version FROM member WHERE uuid = 'mig-m'", -1), 1906502400123LL);
    assert_int_equal(db_scalar_int(m, "SELECT clock FROM office", -1), 1906502400123LL);
    char *inst = pf_text(m, "SELECT instance_id FROM office", NULL);
    assert_int_equal(strlen(inst), 36);
    free(inst);
    pf_rename(m, "mig-m", "Lan", "2020-01-01T00:00:00.000Z", "2025-07:00004");
    assert_int_equal(db_scalar_int(m, "SELECT version FROM member WHERE uuid = 'mig-m'", -1), 1906502400124LL);
    db_close(m);
}

/* Sets the created_at of the package at path (as a PC with that clock would have made it). */
/* The package at path as the office of file office would have made it with its
 * PC's clock at when: the manifest's time changed, then signed again with that
 * office's key (as that PC would have signed it). */
/* Re-dates the plain package path as if made at when, signed again by office. */
static void made_at(sqlite3 *office, const char *path, const char *when)
{
    sqlite3 *k = NULL;
    cdtt_err e;
    assert_int_equal(sqlite3_open(path, &k), SQLITE_OK);
    pf_exec(k, "UPDATE manifest SET value = ? WHERE key = 'created_at'", when, NULL);
    pf_exec(k, "DELETE FROM manifest WHERE key IN ('signature', 'public_key')", NULL, NULL);
    assert_int_equal(package_sign_manifest(k, office, &e), 0);
    sqlite3_close(k);
}

/* A package made by a PC whose clock is far ahead or far behind is flagged, not refused. */
static void wrong_package_clock_is_flagged(void **state)
{
    (void)state;
    sqlite3 *a = commune("sk-a.db", "00004", "Phường Ba Đình"), *p = province("sk-p.db");
    pf_team(a, "00004", "sk-area", "sk-team");
    char f[600];
    static const struct { const char *when; int skew; } CASES[] = {
        {NULL, 0}, {"2099-01-01T00:00:00.000Z", 1}, {"2001-01-01T00:00:00.000Z", -1},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        /* Plain, so that the manifest can be edited and signed again here. */
        snprintf(f, sizeof f, "%s/sk.cdtt", dir);
        package_export_opts o = {.force = 1, .plain = 1};
        cdtt_err e;
        assert_int_equal(package_export(a, f, &o, NULL, NULL, NULL, &e), 0);
        if (CASES[i].when)
            made_at(a, f, CASES[i].when);
        package_import_result r;
        assert_int_equal(import_opts(p, f, 0, 0, &r), 0);
        assert_int_equal(r.outcome, PACKAGE_MERGED);
        assert_int_equal(r.made_skew, CASES[i].skew);
        package_import_result_free(&r);
    }
    db_close(a);
    db_close(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wrong_clocks_change_nothing),
        cmocka_unit_test(versions_only_grow),
        cmocka_unit_test(another_communes_records_are_refused),
        cmocka_unit_test(copied_and_reinitialised_file),
        cmocka_unit_test(rebuilt_file_replace_and_forget),
        cmocka_unit_test(empty_package_is_not_data),
        cmocka_unit_test(previous_format_still_imports),
        cmocka_unit_test(existing_files_migrate),
        cmocka_unit_test(wrong_package_clock_is_flagged),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
