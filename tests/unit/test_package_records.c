/* test_package_records.c — packages with records made by the records API (the
 * way the screens and the CSV import make them): travel up, conflict, deletion. */
#include "package_fixture.h"
#include "conflict.h"
#include "records.h"

static void ship(sqlite3 *from, const char *file, sqlite3 *to, package_counts *c)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    package_export_opts o = {.force = 1};
    cdtt_err e;
    if (package_export(from, path, &o, NULL, NULL, NULL, &e) < 0)
        fail_msg("export: %s", e.msg);
    package_import_result r;
    if (package_import(to, path, 0, NULL, NULL, &r) < 0)
        fail_msg("import: %s", r.err.msg);
    *c = r.c;
}

static void rename_member(sqlite3 *db, const char *uuid, const char *name)
{
    member_rec m;
    assert_int_equal(member_get(db, uuid, &m), 0);
    snprintf(m.full_name, sizeof m.full_name, "%s", name);
    cdtt_err e;
    if (member_save(db, &m, 1, NULL, &e) < 0)
        fail_msg("member_save: %s", e.msg);
}

static void records_api_round_trip(void **state)
{
    (void)state;
    sqlite3 *a = pf_office(dir, "a.db", "00004", "commune", "Phường Ba Đình");
    sqlite3 *p = pf_office(dir, "p.db", "01", "province", "Thành phố Hà Nội");
    cdtt_err e;
    team_rec t;
    team_init(&t);
    snprintf(t.level, sizeof t.level, "commune");
    snprintf(t.name, sizeof t.name, "Tổ Công nghệ số cộng đồng phường Ba Đình");
    if (team_save(a, &t, 1, NULL, &e) < 0)
        fail_msg("team_save: %s", e.msg);
    member_rec m;
    member_init(&m);
    snprintf(m.full_name, sizeof m.full_name, "Đỗ Thị Mai");
    snprintf(m.gender, sizeof m.gender, "female");
    if (member_save_in_team(a, &m, t.uuid, "leader", 1, NULL, &e) < 0)
        fail_msg("member_save_in_team: %s", e.msg);

    package_counts c;
    ship(a, "a1.cdtt", p, &c);
    assert_int_equal(c.n_new, 3); /* team, member, membership */
    member_rec got;
    assert_int_equal(member_get(p, m.uuid, &got), 0);
    assert_string_equal(got.full_name, "Đỗ Thị Mai");

    /* Changed at both levels: a conflict, the province's version kept until resolved. */
    rename_member(p, m.uuid, "Đỗ Thị Mai (tỉnh)");
    rename_member(a, m.uuid, "Đỗ Thị Mai (phường)");
    ship(a, "a2.cdtt", p, &c);
    assert_int_equal(c.n_conflicts, 1);
    assert_int_equal(member_get(p, m.uuid, &got), 0);
    assert_string_equal(got.full_name, "Đỗ Thị Mai (tỉnh)");
    conflict_list l;
    assert_int_equal(conflict_list_get(p, 0, &l, &e), 0);
    assert_int_equal(l.n, 1);
    long long id = l.items[0].id;
    conflict_list_free(&l);
    assert_int_equal(conflict_resolve(p, id, "theirs", &e), 0);
    assert_int_equal(member_get(p, m.uuid, &got), 0);
    assert_string_equal(got.full_name, "Đỗ Thị Mai (phường)");

    /* Changed only below: taken. Deleted below: the deletion travels up. */
    rename_member(a, m.uuid, "Đỗ Thị Mai Anh");
    ship(a, "a3.cdtt", p, &c);
    assert_int_equal(c.n_updated, 1);
    assert_int_equal(c.n_conflicts, 0);
    assert_int_equal(member_get(p, m.uuid, &got), 0);
    assert_string_equal(got.full_name, "Đỗ Thị Mai Anh");
    if (record_delete(a, "member", m.uuid, &e) < 0)
        fail_msg("record_delete: %s", e.msg);
    ship(a, "a4.cdtt", p, &c);
    assert_true(c.n_deleted >= 1);
    assert_int_equal(member_get(p, m.uuid, &got), 0);
    assert_int_equal(got.deleted, 1);
    ship(a, "a4.cdtt", p, &c);
    assert_int_equal(c.n_new + c.n_updated + c.n_deleted + c.n_conflicts, 0);
    db_close(a);
    db_close(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_api_round_trip),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
