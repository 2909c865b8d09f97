/* test_package_merge.c — two communes and a province: imports, re-imports,
 * newer packages, deletions, records outside the office, dry runs, export upward,
 * conflicts and the completeness table. */
#include "package_fixture.h"
#include "completeness.h"
#include "conflict.h"

/* Commune A (00004): two members; commune B (00008): one member. */
static sqlite3 *commune_a(const char *name)
{
    sqlite3 *db = pf_office(dir, name, "00004", "commune", "Phường Ba Đình");
    pf_team(db, "00004", "area-a", "team-a");
    pf_member(db, "00004", "team-a", "m-a1", "Nguyễn Thị Lan", "0912345678", "", "1",
              "2026-02-01T00:00:00.000Z");
    pf_member(db, "00004", "team-a", "m-a2", "Trần Văn Bình", "0987654321", "", "1",
              "2026-02-01T00:00:00.000Z");
    return db;
}

static sqlite3 *commune_b(const char *name)
{
    sqlite3 *db = pf_office(dir, name, "00008", "commune", "Phường Ngọc Hà");
    pf_team(db, "00008", "area-b", "team-b");
    pf_member(db, "00008", "team-b", "m-b1", "Lê Thị Hoa", "0911111111", "", "1",
              "2026-02-02T00:00:00.000Z");
    return db;
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

static package_counts import_ok(sqlite3 *db, const char *path, int dry_run)
{
    package_import_result r;
    if (package_import(db, path, dry_run, NULL, NULL, &r) < 0)
        fail_msg("import %s: %s", path, r.err.msg);
    assert_true(r.ok);
    package_import_result_free(&r);
    return r.c;
}

/* Imports path with accept_partial set; it must not fail. */
static package_counts import_partial(sqlite3 *db, const char *path)
{
    package_import_opts o = {.accept_partial = 1};
    package_import_result r;
    if (package_import_with(db, path, &o, NULL, NULL, &r) < 0)
        fail_msg("import %s: %s", path, r.err.msg);
    package_import_result_free(&r);
    return r.c;
}

static void expect_counts(package_counts c, long long n_new, long long upd, long long same, long long del,
                          long long rej, long long conf)
{
    assert_int_equal(c.n_new, n_new);
    assert_int_equal(c.n_updated, upd);
    assert_int_equal(c.n_unchanged, same);
    assert_int_equal(c.n_deleted, del);
    assert_int_equal(c.n_rejected, rej);
    assert_int_equal(c.n_conflicts, conf);
}

static void two_communes_twice_then_newer(void **state)
{
    (void)state;
    sqlite3 *a = commune_a("a.db"), *b = commune_b("b.db"), *p = province("p.db");
    char pa[600], pb[600], pa2[600];
    export_to(a, "a1.cdtt", pa);
    export_to(b, "b1.cdtt", pb);
    /* area + team + 2 members + 2 memberships; area + team + member + membership */
    expect_counts(import_ok(p, pa, 0), 6, 0, 0, 0, 0, 0);
    expect_counts(import_ok(p, pb, 0), 4, 0, 0, 0, 0, 0);
    expect_counts(import_ok(p, pa, 0), 0, 0, 6, 0, 0, 0);
    expect_counts(import_ok(p, pb, 0), 0, 0, 4, 0, 0, 0);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member", -1), 3);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM import_log", -1), 4);

    /* A renames one member and deletes the other (with its membership). */
    pf_rename(a, "m-a1", "Nguyễn Thị Lan Anh", "2026-03-01T00:00:00.000Z", "2025-07:00004");
    pf_exec(a, "UPDATE member SET deleted = 1, updated_at = '2026-03-02T00:00:00.000Z' WHERE uuid = 'm-a2'",
            NULL);
    pf_exec(a, "UPDATE membership SET deleted = 1, updated_at = '2026-03-02T00:00:00.000Z' "
               "WHERE member_uuid = 'm-a2'", NULL);
    export_to(a, "a2.cdtt", pa2);
    expect_counts(import_ok(p, pa2, 0), 0, 1, 3, 2, 0, 0);
    char *name = pf_text(p, "SELECT full_name FROM member WHERE uuid = ?", "m-a1");
    assert_string_equal(name, "Nguyễn Thị Lan Anh");
    free(name);
    /* The version merged from below is the commune's. */
    assert_int_equal(db_scalar_int(p, "SELECT base_version FROM member WHERE uuid = 'm-a1'", -1),
                     db_scalar_int(a, "SELECT version FROM member WHERE uuid = 'm-a1'", -2));
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE deleted = 0", -1), 2);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member", -1), 3);

    /* The older package after the newer one changes nothing, and says so. */
    package_import_result r;
    assert_int_equal(package_import(p, pa, 0, NULL, NULL, &r), 0);
    assert_int_equal(r.outcome, PACKAGE_OLDER);
    assert_int_equal(r.m.sequence, 1);
    assert_int_equal(r.last_sequence, 2);
    expect_counts(r.c, 0, 0, 0, 0, 0, 0);
    package_import_result_free(&r);
    name = pf_text(p, "SELECT full_name FROM member WHERE uuid = ?", "m-a1");
    assert_string_equal(name, "Nguyễn Thị Lan Anh");
    free(name);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE deleted = 0", -1), 2);
    db_close(a);
    db_close(b);
    db_close(p);
}

static void dry_run_counts_but_writes_nothing(void **state)
{
    (void)state;
    sqlite3 *a = commune_a("dry-a.db"), *p = province("dry-p.db");
    char pa[600], before[65], after[65];
    export_to(a, "dry-a.cdtt", pa);
    pf_fingerprint(p, before);
    expect_counts(import_ok(p, pa, 1), 6, 0, 0, 0, 0, 0);
    pf_fingerprint(p, after);
    assert_string_equal(before, after);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM import_log", -1), 0);
    db_close(a);
    db_close(p);
}

static void records_of_another_commune_are_rejected(void **state)
{
    (void)state;
    sqlite3 *a = commune_a("out-a.db"), *p = province("out-p.db");
    /* A record claiming to belong to commune 00008 inside 00004's package. */
    pf_exec(a, "INSERT INTO training_session (uuid, unit_scheme, unit_code, date, created_at, updated_at, "
               "changed_by) VALUES ('s-x', '2025-07', '00008', '2026-02-01', '2026-02-01T00:00:00.000Z', "
               "'2026-02-01T00:00:00.000Z', '2025-07:00004')", NULL);
    pf_exec(a, "INSERT INTO attendance (uuid, session_uuid, member_uuid, created_at, updated_at, changed_by) "
               "VALUES ('at-x', 's-x', 'm-a1', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', "
               "'2025-07:00004')", NULL);
    char pa[600];
    export_to(a, "out-a.cdtt", pa);
    /* Without --accept-partial nothing is merged, and both records are listed. */
    package_import_result r;
    assert_int_equal(package_import(p, pa, 0, NULL, NULL, &r), -1);
    assert_int_equal(r.outcome, PACKAGE_HELD);
    assert_int_equal(r.n_refused, 2);
    assert_string_equal(r.refused[0].table, "training_session");
    assert_string_equal(r.refused[0].uuid, "s-x");
    assert_non_null(strstr(r.refused[0].reason, "belongs to Phường Ngọc Hà (00008)"));
    assert_string_equal(r.refused[1].table, "attendance");
    assert_non_null(strstr(r.refused[1].reason, "neither this file nor the package"));
    assert_non_null(strstr(r.refused[1].label, "Nguyễn Thị Lan"));
    assert_non_null(strstr(r.err.msg, "--accept-partial"));
    package_import_result_free(&r);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member", -1), 0);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM import_log", -1), 0);
    /* With it, the rest: the session is outside the office; its attendance then has no session. */
    expect_counts(import_partial(p, pa), 6, 0, 0, 0, 2, 0);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM training_session", -1), 0);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM attendance", -1), 0);
    db_close(a);
    db_close(p);
}

static void province_exports_upward(void **state)
{
    (void)state;
    sqlite3 *a = commune_a("up-a.db"), *b = commune_b("up-b.db"), *p = province("up-p.db");
    char pa[600], pb[600], pp[600];
    export_to(a, "up-a.cdtt", pa);
    export_to(b, "up-b.cdtt", pb);
    import_ok(p, pa, 0);
    import_ok(p, pb, 0);
    export_to(p, "up-p.cdtt", pp);
    sqlite3 *n = pf_office(dir, "up-n.db", "00", "national", "Bộ Khoa học và Công nghệ");
    expect_counts(import_ok(n, pp, 0), 10, 0, 0, 0, 0, 0);
    assert_int_equal(db_scalar_int(n, "SELECT count(*) FROM member WHERE unit_code IN ('00004', '00008')", -1),
                     3);
    expect_counts(import_ok(n, pp, 0), 0, 0, 10, 0, 0, 0);
    /* A province package does not go sideways to another province. */
    sqlite3 *hcm = pf_office(dir, "up-hcm.db", "79", "province", "Thành phố Hồ Chí Minh");
    package_import_result r;
    assert_int_equal(package_import(hcm, pp, 0, NULL, NULL, &r), -1);
    assert_non_null(strstr(r.err.msg, "not below this office"));
    db_close(hcm);
    db_close(n);
    db_close(a);
    db_close(b);
    db_close(p);
}

static void conflicts_are_kept_listed_and_resolved(void **state)
{
    (void)state;
    sqlite3 *a = commune_a("cf-a.db"), *p = province("cf-p.db");
    char pa1[600], pa2[600], pa3[600];
    export_to(a, "cf-a1.cdtt", pa1);
    import_ok(p, pa1, 0);
    /* Both levels change both members. */
    pf_rename(p, "m-a1", "Lan (province)", "2026-03-05T00:00:00.000Z", "2025-07:01");
    pf_rename(p, "m-a2", "Bình (province)", "2026-03-05T00:00:00.000Z", "2025-07:01");
    pf_rename(a, "m-a1", "Lan (commune)", "2026-03-01T00:00:00.000Z", "2025-07:00004");
    pf_rename(a, "m-a2", "Bình (commune)", "2026-03-09T00:00:00.000Z", "2025-07:00004");
    export_to(a, "cf-a2.cdtt", pa2);
    expect_counts(import_ok(p, pa2, 0), 0, 0, 4, 0, 0, 2);
    char *name = pf_text(p, "SELECT full_name FROM member WHERE uuid = ?", "m-a1");
    assert_string_equal(name, "Lan (province)");
    free(name);
    /* Importing the same package again records nothing new. */
    expect_counts(import_ok(p, pa2, 0), 0, 0, 6, 0, 0, 0);
    assert_int_equal(conflict_open_count(p), 2);

    conflict_list l;
    cdtt_err e;
    assert_int_equal(conflict_list_get(p, 0, &l, &e), 0);
    assert_int_equal(l.n, 2);
    long long id1 = 0, id2 = 0;
    for (int i = 0; i < l.n; i++) {
        assert_string_equal(l.items[i].tbl, "member");
        assert_string_equal(l.items[i].source, "2025-07:00004");
        if (strcmp(l.items[i].record_uuid, "m-a1") == 0) {
            id1 = l.items[i].id;
            assert_string_equal(l.items[i].label, "Lan (province)");
            assert_non_null(strstr(l.items[i].incoming_json, "Lan (commune)"));
        } else {
            id2 = l.items[i].id;
        }
    }
    conflict_list_free(&l);
    assert_true(id1 > 0 && id2 > 0);

    assert_int_equal(conflict_resolve(p, id1, "theirs", &e), 0);
    name = pf_text(p, "SELECT full_name FROM member WHERE uuid = ?", "m-a1");
    assert_string_equal(name, "Lan (commune)");
    free(name);
    assert_int_equal(conflict_resolve(p, id2, "mine", &e), 0);
    name = pf_text(p, "SELECT full_name FROM member WHERE uuid = ?", "m-a2");
    assert_string_equal(name, "Bình (province)");
    free(name);
    assert_int_equal(conflict_open_count(p), 0);
    assert_int_equal(conflict_resolve(p, id2, "theirs", &e), -1);
    assert_non_null(strstr(e.msg, "already resolved"));
    assert_int_equal(conflict_resolve(p, 999, "mine", &e), -1);
    assert_int_equal(conflict_resolve(p, id1, "both", &e), -1);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM audit WHERE action = 'resolve'", -1), 2);

    /* After resolving, the same package changes nothing and raises no conflict again. */
    expect_counts(import_ok(p, pa2, 0), 0, 0, 6, 0, 0, 0);
    assert_int_equal(conflict_open_count(p), 0);
    /* A later change below: taken for the record settled as theirs, a new conflict for "mine". */
    pf_rename(a, "m-a1", "Lan (commune, later)", "2026-04-01T00:00:00.000Z", "2025-07:00004");
    pf_rename(a, "m-a2", "Bình (commune, later)", "2026-04-01T00:00:00.000Z", "2025-07:00004");
    export_to(a, "cf-a3.cdtt", pa3);
    expect_counts(import_ok(p, pa3, 0), 0, 1, 4, 0, 0, 1);
    name = pf_text(p, "SELECT full_name FROM member WHERE uuid = ?", "m-a1");
    assert_string_equal(name, "Lan (commune, later)");
    free(name);
    db_close(a);
    db_close(p);
}

static void completeness_lists_every_commune(void **state)
{
    (void)state;
    sqlite3 *a = commune_a("cp-a.db"), *p = province("cp-p.db");
    char pa[600];
    export_to(a, "cp-a.cdtt", pa);
    import_ok(p, pa, 0);
    completeness_table t;
    cdtt_err e;
    assert_int_equal(completeness_get(p, &t, &e), 0);
    assert_int_equal(t.n, 3); /* 00004, 00008, 00012; 26734 lies in another province */
    assert_int_equal(t.n_missing, 2);
    assert_string_equal(t.rows[0].code, "00004");
    assert_int_equal(t.rows[0].n_imports, 1);
    assert_int_equal(t.rows[0].members, 2);
    assert_true(strlen(t.rows[0].last_package) > 0);
    assert_string_equal(t.rows[1].code, "00008");
    assert_int_equal(t.rows[1].n_imports, 0);
    assert_string_equal(t.rows[1].last_import, "");
    completeness_free(&t);
    assert_int_equal(completeness_get(a, &t, &e), -1);
    db_close(a);
    db_close(p);
}

/* An office of the pre-2025 scheme, with a small three-tier unit list. */
static sqlite3 *old_scheme_office(const char *name, const char *code, const char *level)
{
    sqlite3 *db = tu_open_db(dir, name);
    static const char *const U[][4] = {
        {"province", "01", "", "01"},       {"district", "001", "01", "01"},
        {"district", "002", "01", "01"},    {"commune", "00001", "001", "01"},
        {"commune", "00004", "001", "01"},  {"commune", "00040", "002", "01"},
    };
    for (size_t i = 0; i < sizeof U / sizeof U[0]; i++)
        pf_exec(db, "INSERT INTO unit (scheme, level, code, name, parent_code, province_code, name_fold) "
                    "VALUES ('pre-2025', ?1, ?2, 'Đơn vị ' || ?2, nullif(?3, ''), ?4, ?2)",
                U[i][0], U[i][1], U[i][2], U[i][3], NULL);
    office_rec o = {.scheme = "pre-2025"};
    snprintf(o.code, sizeof o.code, "%s", code);
    snprintf(o.level, sizeof o.level, "%s", level);
    snprintf(o.name, sizeof o.name, "Đơn vị %s", code);
    cdtt_err e;
    assert_int_equal(office_set(db, &o, &e), 0);
    return db;
}

/* Adds a member to a pre-2025 commune file. */
static void old_scheme_member(sqlite3 *db, const char *unit, const char *uuid)
{
    pf_exec(db, "INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, created_at, "
                "updated_at, changed_by) VALUES (?1, 'pre-2025', ?2, 'Hà Văn ' || ?1, 'ha van', 'ha van', "
                "'2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 'pre-2025:' || ?2)", uuid, unit, NULL);
}

/* Pre-2025: communes → district → province, each checked against its parent. */
static void district_consolidates_in_the_old_scheme(void **state)
{
    (void)state;
    sqlite3 *c1 = old_scheme_office("o-c1.db", "00001", "commune");
    sqlite3 *c40 = old_scheme_office("o-c40.db", "00040", "commune");
    sqlite3 *d = old_scheme_office("o-d.db", "001", "district");
    sqlite3 *p = old_scheme_office("o-p.db", "01", "province");
    old_scheme_member(c1, "00001", "o-m1");
    old_scheme_member(c40, "00040", "o-m40");
    char f1[600], f40[600], fd[600];
    export_to(c1, "o-c1.cdtt", f1);
    export_to(c40, "o-c40.cdtt", f40);
    expect_counts(import_ok(d, f1, 0), 1, 0, 0, 0, 0, 0);
    package_import_result r;
    assert_int_equal(package_import(d, f40, 0, NULL, NULL, &r), -1); /* 00040 lies in district 002 */
    assert_non_null(strstr(r.err.msg, "not under this office"));
    export_to(d, "o-d.cdtt", fd);
    expect_counts(import_ok(p, fd, 0), 1, 0, 0, 0, 0, 0);
    expect_counts(import_ok(p, f40, 0), 1, 0, 0, 0, 0, 0); /* a commune straight to its province */
    /* A district package carrying a commune of another district: that record is rejected. */
    old_scheme_member(d, "00040", "o-stray");
    export_to(d, "o-d2.cdtt", fd);
    expect_counts(import_partial(p, fd), 0, 0, 1, 0, 1, 0);
    /* A 2025-07 province takes the package of an old commune that went whole into
     * one of its communes (Phúc Xá into Hồng Hà, 00097) as that commune's records;
     * a pre-2025 district's package it does not take. */
    sqlite3 *newp = province("o-newp.db");
    expect_counts(import_ok(newp, f1, 0), 1, 0, 0, 0, 0, 0);
    assert_int_equal(db_scalar_int(newp, "SELECT count(*) FROM member WHERE unit_scheme = '2025-07' "
                                         "AND unit_code = '00097'", -1), 1);
    assert_int_equal(package_import(newp, fd, 0, NULL, NULL, &r), -1);
    assert_non_null(strstr(r.err.msg, "list of units"));
    db_close(newp);
    db_close(c1);
    db_close(c40);
    db_close(d);
    db_close(p);
}

typedef struct {
    int calls;
    long long last, total;
    int went_back;
} progress_log;

static void record_progress(void *user, const char *step, long long done, long long total)
{
    progress_log *l = user;
    assert_non_null(step);
    assert_true(strlen(step) > 0);
    if (done < l->last)
        l->went_back = 1;
    l->last = done;
    l->total = total;
    l->calls++;
}

static void progress_is_reported(void **state)
{
    (void)state;
    sqlite3 *a = commune_a("pr-a.db"), *p = province("pr-p.db");
    char out[600];
    snprintf(out, sizeof out, "%s/pr-a.cdtt", dir);
    package_export_opts o = {0};
    progress_log ex = {0}, im = {0};
    cdtt_err e;
    assert_int_equal(package_export(a, out, &o, record_progress, &ex, NULL, &e), 0);
    assert_true(ex.calls >= 3);
    assert_false(ex.went_back);
    assert_int_equal(ex.last, ex.total);
    package_import_result r;
    assert_int_equal(package_import(p, out, 0, record_progress, &im, &r), 0);
    assert_int_equal(im.calls, 8); /* one per travelling table, then done */
    assert_false(im.went_back);
    assert_int_equal(im.last, im.total);
    db_close(a);
    db_close(p);
}

/* A conflict is settled on the local version it shows: when the local record
 * changed since it was found, "theirs" (or "mine") decides nothing, the
 * conflict then shows the local version as it is now, and choosing again works. */
static void a_conflict_changed_here_since_is_not_settled_blindly(void **state)
{
    (void)state;
    sqlite3 *a = commune_a("cc-a.db"), *p = province("cc-p.db");
    char pa1[600], pa2[600];
    export_to(a, "cc-a1.cdtt", pa1);
    import_ok(p, pa1, 0);
    pf_rename(p, "m-a1", "Lan (province)", "2026-03-05T00:00:00.000Z", "2025-07:01");
    pf_rename(a, "m-a1", "Lan (commune)", "2026-03-01T00:00:00.000Z", "2025-07:00004");
    export_to(a, "cc-a2.cdtt", pa2);
    import_ok(p, pa2, 0);
    assert_int_equal(conflict_open_count(p), 1);
    long long id = db_scalar_int(p, "SELECT id FROM conflict", -1);
    /* The province edits the record again after `cdtt conflicts` showed it
     * (in the same second: the stamp alone would not tell). */
    pf_rename(p, "m-a1", "Lan (province, later)", "2026-03-05T00:00:00.000Z", "2025-07:01");
    cdtt_err e;
    assert_int_equal(conflict_resolve(p, id, "theirs", &e), -1);
    assert_non_null(strstr(e.msg, "changed here"));
    char *name = pf_text(p, "SELECT full_name FROM member WHERE uuid = ?", "m-a1");
    assert_string_equal(name, "Lan (province, later)");
    free(name);
    assert_int_equal(conflict_open_count(p), 1);
    conflict_list l;
    assert_int_equal(conflict_list_get(p, 0, &l, &e), 0);
    assert_int_equal(l.n, 1);
    assert_non_null(strstr(l.items[0].local_json, "Lan (province, later)"));
    conflict_list_free(&l);
    /* Seen again, the choice is applied. */
    assert_int_equal(conflict_resolve(p, id, "theirs", &e), 0);
    name = pf_text(p, "SELECT full_name FROM member WHERE uuid = ?", "m-a1");
    assert_string_equal(name, "Lan (commune)");
    free(name);
    db_close(a);
    db_close(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_communes_twice_then_newer),
        cmocka_unit_test(dry_run_counts_but_writes_nothing),
        cmocka_unit_test(records_of_another_commune_are_rejected),
        cmocka_unit_test(province_exports_upward),
        cmocka_unit_test(conflicts_are_kept_listed_and_resolved),
        cmocka_unit_test(a_conflict_changed_here_since_is_not_settled_blindly),
        cmocka_unit_test(completeness_lists_every_commune),
        cmocka_unit_test(progress_is_reported),
        cmocka_unit_test(district_consolidates_in_the_old_scheme),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
