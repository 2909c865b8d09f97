/* test_records_lookup.c — a name identifies an area or a team by its exact
 * name: marks count; case, spacing and tone placement do not. */
#include "records_fixture.h"
#include "check.h"
#include "config.h"
#include "tui-form.h"

#include <string.h>

/* Names that differ only in marks are different villages. */
static void areas_differing_in_marks_are_distinct(void **state)
{
    (void)state;
    char ha[UUID_LEN], ha2[UUID_LEN], ha3[UUID_LEN], found[UUID_LEN];
    rf_area("Thôn Hà", ha);
    rf_area("Thôn Hạ", ha2);
    rf_area("Thôn Hả", ha3);
    assert_int_equal(rf_count("SELECT count(*) FROM area"), 3);

    assert_int_equal(area_find_by_name(rf_db, "Thôn Hạ", found), 0);
    assert_string_equal(found, ha2);
    assert_int_equal(area_find_by_name(rf_db, "  THÔN   HÀ ", found), 0);
    assert_string_equal(found, ha);

    /* The same name again (another case) is refused. */
    area_rec a;
    area_init(&a);
    snprintf(a.name, sizeof a.name, "thôn hả");
    findings f;
    cdtt_err e;
    assert_int_equal(area_save(rf_db, &a, 1, &f, &e), -1);
    assert_int_equal(rf_count("SELECT count(*) FROM area"), 3);
}

/* hoà = hòa, thuỷ = thủy: the tone-placement convention is not a difference. */
static void tone_placement_is_the_same_name(void **state)
{
    (void)state;
    char hoa[UUID_LEN], found[UUID_LEN];
    rf_area("Thôn Hòa Bình", hoa);
    assert_int_equal(area_find_by_name(rf_db, "Thôn Hoà Bình", found), 0);
    assert_string_equal(found, hoa);
    area_rec a;
    area_init(&a);
    snprintf(a.name, sizeof a.name, "Thôn Hoà Bình");
    findings f;
    cdtt_err e;
    assert_int_equal(area_save(rf_db, &a, 1, &f, &e), -1);
}

/* No exact match but names that fold the same: -1, and they are listed. */
static void near_names_are_listed_not_taken(void **state)
{
    (void)state;
    char ha[UUID_LEN], ha2[UUID_LEN];
    rf_area("Thôn Hà", ha);
    rf_area("Thôn Hạ", ha2);
    name_lookup l;
    assert_int_equal(area_lookup(rf_db, "Thon Ha", NULL, 0, &l), -1);
    assert_int_equal(l.n, 0);
    assert_int_equal(l.n_near, 2);
    assert_int_equal(l.n_shown, 2);
    char msg[2048];
    name_lookup_explain(&l, "area", "Thon Ha", NULL, msg, sizeof msg);
    assert_non_null(strstr(msg, "'Thôn Hà'"));
    assert_non_null(strstr(msg, "'Thôn Hạ'"));
    assert_non_null(strstr(msg, "exactly"));

    assert_int_equal(area_lookup(rf_db, "Thôn Nam", NULL, 0, &l), -1);
    name_lookup_explain(&l, "area", "Thôn Nam", NULL, msg, sizeof msg);
    assert_string_equal(msg, "there is no village or residential group named 'Thôn Nam'");
}

/* Two teams with one name in two villages: the lookup asks which, showing
 * the villages; with the village it finds the one. */
static void a_shared_team_name_asks_which(void **state)
{
    (void)state;
    char a1[UUID_LEN], a2[UUID_LEN], t1[UUID_LEN], t2[UUID_LEN], found[UUID_LEN];
    rf_area("Thôn 1", a1);
    rf_area("Thôn 2", a2);
    rf_team("Tổ A", a1, t1);
    rf_team("Tổ A", a2, t2);
    name_lookup l;
    assert_int_equal(team_lookup(rf_db, "Tổ A", NULL, NULL, 0, &l), -1);
    assert_int_equal(l.n, 2);
    char msg[4096];
    name_lookup_explain(&l, "team", "Tổ A", "say which with --area NAME", msg, sizeof msg);
    assert_non_null(strstr(msg, "'Tổ A (Thôn 1)'"));
    assert_non_null(strstr(msg, "'Tổ A (Thôn 2)'"));
    assert_non_null(strstr(msg, "--area"));
    assert_int_equal(team_find_by_name(rf_db, "Tổ A", NULL, found), -1);
    assert_int_equal(team_find_by_name(rf_db, "Tổ A", a2, found), 0);
    assert_string_equal(found, t2);
}

/* The team pick-list shows the village beside a name two teams share. */
static void pick_list_tells_namesakes_apart(void **state)
{
    (void)state;
    char a1[UUID_LEN], a2[UUID_LEN], t1[UUID_LEN], t2[UUID_LEN], t3[UUID_LEN];
    rf_area("Thôn 1", a1);
    rf_area("Thôn 2", a2);
    rf_team("Tổ A", a1, t1);
    rf_team("Tổ A", a2, t2);
    rf_team("Tổ B", a2, t3);
    choice *c = choices_teams(rf_db, "—");
    int seen = 0;
    for (int i = 0; c[i].code; i++) {
        if (strcmp(c[i].code, t1) == 0)
            assert_string_equal(c[i].vi, "Tổ A (Thôn 1)"), seen++;
        if (strcmp(c[i].code, t2) == 0)
            assert_string_equal(c[i].vi, "Tổ A (Thôn 2)"), seen++;
        if (strcmp(c[i].code, t3) == 0)
            assert_string_equal(c[i].vi, "Tổ B"), seen++;
    }
    assert_int_equal(seen, 3);
    choices_free(c);
}

/* At a province two communes may both have a "Thôn 1": the name alone is
 * ambiguous, with the commune it is one. */
static void a_commune_narrows_the_lookup(void **state)
{
    (void)state;
    cdtt_err e;
    char a4[UUID_LEN] = "00000000-0000-4000-8000-000000000004", a8[UUID_LEN] = "00000000-0000-4000-8000-000000000008";
    office_rec p = {"2025-07", "01", "province", "Thành phố Hà Nội"};
    assert_int_equal(office_set(rf_db, &p, &e), 0);
    /* Two communes' villages, as a province holds them after their packages. */
    assert_int_equal(sqlite3_exec(rf_db,
        "INSERT INTO area (uuid, unit_scheme, unit_code, kind, name, name_fold, sort_key, created_at, updated_at,"
        " changed_by) VALUES"
        " ('00000000-0000-4000-8000-000000000004', '2025-07', '00004', 'thon', 'Thôn 1', 'thon 1', 'thon 1',"
        "  '2026-01-01', '2026-01-01', '2025-07:00004'),"
        " ('00000000-0000-4000-8000-000000000008', '2025-07', '00008', 'thon', 'Thôn 1', 'thon 1', 'thon 1',"
        "  '2026-01-01', '2026-01-01', '2025-07:00008')", NULL, NULL, NULL), SQLITE_OK);
    name_lookup l;
    assert_int_equal(area_lookup(rf_db, "Thôn 1", NULL, 0, &l), -1);
    assert_int_equal(l.n, 2);
    char msg[4096];
    name_lookup_explain(&l, "area", "Thôn 1", NULL, msg, sizeof msg);
    assert_non_null(strstr(msg, "Thôn 1 (2025-07:00008)"));
    assert_int_equal(area_lookup(rf_db, "Thôn 1", "00008", 0, &l), 0);
    assert_string_equal(l.uuid, a8);
    assert_int_equal(area_lookup(rf_db, "Thôn 1", "00004", 0, &l), 0);
    assert_string_equal(l.uuid, a4);
}

/* undelete finds deleted records by name; delete does not see them. */
static void deleted_records_are_found_when_asked(void **state)
{
    (void)state;
    char a[UUID_LEN], t[UUID_LEN];
    rf_area("Thôn Xoá", a);
    rf_team("Tổ Xoá", a, t);
    cdtt_err e;
    assert_int_equal(record_delete(rf_db, "team", t, &e), 0);
    assert_int_equal(record_delete(rf_db, "area", a, &e), 0);
    name_lookup l;
    assert_int_equal(area_lookup(rf_db, "Thôn Xóa", NULL, 0, &l), -1);
    assert_int_equal(area_lookup(rf_db, "Thôn Xóa", NULL, 1, &l), 0);
    assert_string_equal(l.uuid, a);
    assert_int_equal(team_lookup(rf_db, "tổ xoá", NULL, NULL, 1, &l), 0);
    assert_string_equal(l.uuid, t);
}

/* Collects the kinds of findings into a string. */
static int collect(const check_finding *f, void *arg)
{
    if (strcmp(f->kind, "possible_merge") == 0) {
        char *out = arg;
        strncat(out, f->message, 4000 - strlen(out) - 2);
        strcat(out, "\n");
    }
    return 0;
}

/* cdtt check lists members whose history shows a name changed to one that
 * differs in marks, or a birth date changed: what a merging import left. */
static void check_lists_merges_in_history(void **state)
{
    (void)state;
    char ba[UUID_LEN], hoa[UUID_LEN], cuong[UUID_LEN];
    rf_member("Nguyễn Văn Ba", NULL, NULL, NULL, ba);
    rf_member("Lê Thị Hòa", "1990-01-01", NULL, NULL, hoa);
    rf_member("Lê Văn Cường", "1980-03-03", NULL, NULL, cuong);
    member_rec m;
    findings f;
    cdtt_err e;
    assert_int_equal(member_get(rf_db, ba, &m), 0);
    snprintf(m.full_name, sizeof m.full_name, "Nguyễn Văn Bá"); /* another person's name */
    assert_int_equal(member_save(rf_db, &m, 1, &f, &e), 0);
    assert_int_equal(member_get(rf_db, hoa, &m), 0);
    snprintf(m.full_name, sizeof m.full_name, "LÊ THỊ HOÀ"); /* the same name written otherwise */
    assert_int_equal(member_save(rf_db, &m, 1, &f, &e), 0);
    assert_int_equal(member_get(rf_db, cuong, &m), 0);
    snprintf(m.birth, sizeof m.birth, "2005-07-07"); /* the son's birth date */
    assert_int_equal(member_save(rf_db, &m, 1, &f, &e), 0);

    cdtt_config cfg;
    config_defaults(&cfg);
    char found[4096] = "";
    check_summary sum;
    assert_int_equal(check_run(rf_db, &cfg, collect, found, &sum, &e), 0);
    assert_non_null(strstr(found, "Nguyễn Văn Ba, born ?, became Nguyễn Văn Bá"));
    assert_non_null(strstr(found, "born 03/03/1980, became Lê Văn Cường, born 07/07/2005"));
    assert_null(strstr(found, "HOÀ"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(areas_differing_in_marks_are_distinct, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(tone_placement_is_the_same_name, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(near_names_are_listed_not_taken, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(a_shared_team_name_asks_which, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(pick_list_tells_namesakes_apart, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(deleted_records_are_found_when_asked, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(a_commune_narrows_the_lookup, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(check_lists_merges_in_history, rf_setup, rf_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
