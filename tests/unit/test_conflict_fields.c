/* test_conflict_fields.c — changes made at both levels: merged field by field
 * when they touch different fields, at most one open conflict per record (a
 * newer version from below updates it), resolution that never rolls back past
 * a newer version, field-by-field choices, and later changes from below after
 * a resolution merged against it instead of raising a new conflict. */
#include "package_fixture.h"
#include "conflict.h"
#include "records.h"

static int seq;

/* Exports from and imports into to; returns the counts. */
static package_counts ship(sqlite3 *from, sqlite3 *to)
{
    char path[600];
    snprintf(path, sizeof path, "%s/cf-%d.cdtt", dir, ++seq);
    return pf_send_up(from, to, path);
}

/* Sets a member's field through the records API (as the screens do). */
static void edit(sqlite3 *db, const char *uuid, const char *name, const char *phone, const char *note)
{
    member_rec m;
    assert_int_equal(member_get(db, uuid, &m), 0);
    if (name)
        snprintf(m.full_name, sizeof m.full_name, "%s", name);
    if (phone)
        snprintf(m.phone, sizeof m.phone, "%s", phone);
    if (note)
        snprintf(m.note, sizeof m.note, "%s", note);
    cdtt_err e;
    if (member_save(db, &m, 1, NULL, &e) < 0)
        fail_msg("member_save: %s", e.msg);
}

static char *field(sqlite3 *db, const char *col, const char *uuid)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT %s FROM member WHERE uuid = ?", col);
    return pf_text(db, sql, uuid);
}

#define ASSERT_FIELD(db, col, uuid, want)                                                      \
    do {                                                                                       \
        char *got_ = field(db, col, uuid);                                                     \
        assert_string_equal(got_, want);                                                       \
        free(got_);                                                                            \
    } while (0)

/* A commune (00004) with one member m, and a province that imported it. */
static void setup(const char *tag, sqlite3 **a, sqlite3 **p)
{
    char name[64];
    snprintf(name, sizeof name, "%s-a.db", tag);
    *a = pf_office(dir, name, "00004", "commune", "Phường Ba Đình");
    snprintf(name, sizeof name, "%s-p.db", tag);
    *p = pf_office(dir, name, "01", "province", "Thành phố Hà Nội");
    pf_team(*a, "00004", "area", "team");
    pf_member(*a, "00004", "team", "m", "Nguyễn Thị Lan", "0912345678", "", "1", "2026-02-01T00:00:00.000Z");
    ship(*a, *p);
}

/* The open conflict's id (fails unless exactly one is open). */
static long long only_open(sqlite3 *p)
{
    assert_int_equal(conflict_open_count(p), 1);
    return db_scalar_int(p, "SELECT id FROM conflict WHERE resolution IS NULL", -1);
}

/* Different fields changed at the two levels: both kept, no conflict. */
static void different_fields_merge(void **state)
{
    (void)state;
    sqlite3 *a, *p;
    setup("df", &a, &p);
    edit(p, "m", NULL, "0987654321", NULL);
    edit(a, "m", "Nguyễn Thị Lan Anh", NULL, NULL);
    package_counts c = ship(a, p);
    assert_int_equal(c.n_updated, 1);
    assert_int_equal(c.n_conflicts, 0);
    ASSERT_FIELD(p, "full_name", "m", "Nguyễn Thị Lan Anh");
    ASSERT_FIELD(p, "phone", "m", "0987654321");
    /* The same value set on both sides is no conflict either. */
    edit(p, "m", NULL, NULL, "đã kiểm tra");
    edit(a, "m", NULL, NULL, "đã kiểm tra");
    c = ship(a, p);
    assert_int_equal(c.n_conflicts, 0);
    assert_int_equal(conflict_open_count(p), 0);
    db_close(a);
    db_close(p);
}

/* Two newer versions from below of a record in conflict: one open conflict,
 * holding the newest; taking it gives the newest, never the older one. */
static void newer_version_updates_the_open_conflict(void **state)
{
    (void)state;
    sqlite3 *a, *p;
    setup("st", &a, &p);
    edit(p, "m", "Lan (tỉnh)", NULL, NULL);
    edit(a, "m", "Lan (xã, lần 1)", NULL, NULL);
    assert_int_equal(ship(a, p).n_conflicts, 1);
    long long id = only_open(p);
    edit(a, "m", "Lan (xã, lần 2)", NULL, NULL);
    assert_int_equal(ship(a, p).n_conflicts, 1);
    assert_int_equal(only_open(p), id);
    conflict_list l;
    cdtt_err e;
    assert_int_equal(conflict_list_get(p, 0, &l, &e), 0);
    assert_non_null(strstr(l.items[0].incoming_json, "lần 2"));
    assert_string_equal(l.items[0].source_name, "Phường Ba Đình");
    assert_string_equal(l.items[0].label, "Lan (tỉnh)");
    conflict_list_free(&l);
    long long before = db_scalar_int(p, "SELECT version FROM member WHERE uuid = 'm'", -1);
    assert_int_equal(conflict_resolve(p, id, "theirs", &e), 0);
    ASSERT_FIELD(p, "full_name", "m", "Lan (xã, lần 2)");
    assert_true(db_scalar_int(p, "SELECT version FROM member WHERE uuid = 'm'", -1) > before);
    /* The older package, imported again, changes nothing. */
    char older[600];
    snprintf(older, sizeof older, "%s/cf-%d.cdtt", dir, seq - 1);
    package_import_result r;
    assert_int_equal(package_import(p, older, 0, NULL, NULL, &r), 0);
    assert_int_equal(r.outcome, PACKAGE_OLDER);
    package_import_result_free(&r);
    ASSERT_FIELD(p, "full_name", "m", "Lan (xã, lần 2)");
    assert_int_equal(conflict_open_count(p), 0);
    db_close(a);
    db_close(p);
}

/* Choosing per field; then a later change below of another field merges
 * with the choice, and one of a field both sides changed is a conflict again. */
static void field_choice_then_later_changes(void **state)
{
    (void)state;
    sqlite3 *a, *p;
    setup("fc", &a, &p);
    edit(p, "m", "Lan (tỉnh)", NULL, NULL);
    edit(a, "m", "Lan (xã)", "0911111111", NULL);
    assert_int_equal(ship(a, p).n_conflicts, 1);
    long long id = only_open(p);
    conflict_list l;
    cdtt_err e;
    assert_int_equal(conflict_list_get(p, 0, &l, &e), 0);
    conflict_field *f;
    int n;
    assert_int_equal(conflict_fields(p, &l.items[0], &f, &n, &e), 0);
    assert_int_equal(n, 2);
    assert_string_equal(f[0].column, "full_name");
    assert_string_equal(f[0].label, "Full name");
    assert_int_equal(f[0].both, 1);
    assert_string_equal(f[0].here, "Lan (tỉnh)");
    assert_string_equal(f[0].incoming, "Lan (xã)");
    assert_string_equal(f[1].column, "phone");
    assert_int_equal(f[1].both, 0);
    int phone = f[1].number;
    conflict_fields_free(f, n);
    conflict_list_free(&l);
    /* Unknown fields and fields that do not differ are refused. */
    const char *bad[] = {"note"};
    assert_int_equal(conflict_resolve_fields(p, id, "mine", bad, 1, &e), -1);
    assert_non_null(strstr(e.msg, "'note'"));
    /* Keep this office's name, take the phone from below (by its number). */
    char num[8];
    snprintf(num, sizeof num, "%d", phone);
    const char *take[] = {num};
    assert_int_equal(conflict_resolve_fields(p, id, "mine", take, 1, &e), 0);
    ASSERT_FIELD(p, "full_name", "m", "Lan (tỉnh)");
    ASSERT_FIELD(p, "phone", "m", "0911111111");
    char *res = pf_text(p, "SELECT resolution FROM conflict WHERE id = 1", NULL);
    assert_string_equal(res, "fields");
    free(res);
    /* The commune changes its note only: merged, the choice stays. */
    edit(a, "m", NULL, NULL, "chuyển công tác");
    package_counts c = ship(a, p);
    assert_int_equal(c.n_conflicts, 0);
    assert_int_equal(c.n_updated, 1);
    ASSERT_FIELD(p, "note", "m", "chuyển công tác");
    ASSERT_FIELD(p, "full_name", "m", "Lan (tỉnh)");
    assert_int_equal(conflict_open_count(p), 0);
    /* The commune changes the name again: both sides changed it, a conflict again. */
    edit(a, "m", "Lan (xã, sửa lại)", NULL, NULL);
    assert_int_equal(ship(a, p).n_conflicts, 1);
    ASSERT_FIELD(p, "full_name", "m", "Lan (tỉnh)");
    /* Resolved "mine", the province's version travels up as the newest. */
    id = only_open(p);
    assert_int_equal(conflict_resolve(p, id, "mine", &e), 0);
    sqlite3 *n0 = pf_office(dir, "fc-n.db", "00", "national", "Bộ Khoa học và Công nghệ");
    ship(p, n0);
    ASSERT_FIELD(n0, "full_name", "m", "Lan (tỉnh)");
    db_close(n0);
    db_close(a);
    db_close(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(different_fields_merge),
        cmocka_unit_test(newer_version_updates_the_open_conflict),
        cmocka_unit_test(field_choice_then_later_changes),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
