/* test_training.c — recording sessions, attendance, MOOC/Zalo status and activities. */
#include "training_fixture.h"
#include "training.h"


static int setup(void **state)
{
    (void)state;
    if (tu_db_setup("t.db") < 0)
        return -1;
    fx_team_and_two_members(db);
    fx_member_full(db, "gone", "Người Đã Xoá", NULL, NULL, NULL, "1");
    return 0;
}

static long long count(const char *sql)
{
    return db_scalar_int(db, sql, -1);
}

static void adds_a_session_with_clean_text(void **state)
{
    (void)state;
    training_session_rec s = {.date = "2022-09-15"};
    snprintf(s.place, sizeof s.place, "  Nhà văn hoá   thôn ");
    snprintf(s.organiser, sizeof s.organiser, "Sở Thông tin và Truyền thông");
    char uuid[37];
    cdtt_err e;
    assert_int_equal(training_session_add(db, &s, uuid, &e), 0);
    assert_int_equal(strlen(uuid), 36);
    assert_int_equal(count("SELECT count(*) FROM training_session WHERE place = 'Nhà văn hoá   thôn' "
                           "AND unit_code = '00082' AND changed_by = '2025-07:00082'"), 1);
    assert_int_equal(count("SELECT count(*) FROM audit WHERE tbl = 'training_session' AND action = 'insert'"), 1);
}

static void refuses_bad_session_input_and_saves_nothing(void **state)
{
    (void)state;
    char uuid[37];
    cdtt_err e;
    training_session_rec s = {.date = "2022-02-30"};
    assert_int_equal(training_session_add(db, &s, uuid, &e), -1);
    assert_non_null(strstr(e.msg, "2022-02-30"));
    training_session_rec bad = {.date = "2022-09-15"};
    snprintf(bad.topic, sizeof bad.topic, "VNeID \xc3\x28");
    assert_int_equal(training_session_add(db, &bad, uuid, &e), -1);
    assert_non_null(strstr(e.msg, "UTF-8"));
    training_session_rec viet = {.date = "2022-09-15"};
    for (int i = 0; i < 200; i++) /* 200 characters of 3 bytes: allowed */
        strcat(viet.place, "ễ");
    assert_int_equal(training_session_add(db, &viet, uuid, &e), 0);
    for (int i = 0; i < 201; i++)
        strcat(viet.topic, "ễ");
    assert_int_equal(training_session_add(db, &viet, uuid, &e), -1); /* 201 */
    assert_non_null(strstr(e.msg, "201"));
    db_exec(db, "DELETE FROM audit; DELETE FROM training_session", NULL);
    assert_int_equal(count("SELECT count(*) FROM training_session"), 0);
    db_exec(db, "DELETE FROM office", NULL);
    assert_int_equal(training_session_add(db, &(training_session_rec){.date = "2022-09-15"}, uuid, &e), -1);
    assert_non_null(strstr(e.msg, "cdtt init"));
}

static void marks_attendance_idempotently(void **state)
{
    (void)state;
    fx_session(db, "s1", "2022-09-15");
    const char *both[] = {"m1", "m2"};
    int changed;
    cdtt_err e;
    assert_int_equal(training_attendance_mark(db, "s1", both, 2, 1, &changed, &e), 0);
    assert_int_equal(changed, 2);
    assert_int_equal(training_attendance_mark(db, "s1", both, 2, 1, &changed, &e), 0);
    assert_int_equal(changed, 0);
    assert_int_equal(count("SELECT count(*) FROM attendance WHERE deleted = 0"), 2);
    assert_int_equal(training_attendance_mark(db, "s1", both + 1, 1, 0, &changed, &e), 0);
    assert_int_equal(changed, 1);
    assert_int_equal(count("SELECT count(*) FROM attendance WHERE deleted = 0"), 1);
    assert_int_equal(training_attendance_mark(db, "s1", both + 1, 1, 1, &changed, &e), 0);
    assert_int_equal(changed, 1); /* the tombstone comes back, no second row */
    assert_int_equal(count("SELECT count(*) FROM attendance"), 2);
    assert_int_equal(count("SELECT count(*) FROM audit WHERE tbl = 'attendance'"), 4);
}

static void attendance_error_changes_nothing(void **state)
{
    (void)state;
    fx_session(db, "s1", "2022-09-15");
    const char *list[] = {"m1", "gone"};
    int changed = 99;
    cdtt_err e;
    assert_int_equal(training_attendance_mark(db, "s1", list, 2, 1, &changed, &e), -1);
    assert_non_null(strstr(e.msg, "gone"));
    assert_int_equal(count("SELECT count(*) FROM attendance"), 0);
    assert_int_equal(training_attendance_mark(db, "nosuch", list, 1, 1, &changed, &e), -1);
    assert_non_null(strstr(e.msg, "nosuch"));
}

static void sets_mooc_and_zalo_in_bulk(void **state)
{
    (void)state;
    const char *both[] = {"m1", "m2"};
    int changed;
    cdtt_err e;
    assert_int_equal(training_mooc_set(db, both, 2, "completed", "2022-10-01", &changed, &e), 0);
    assert_int_equal(changed, 2);
    assert_int_equal(count("SELECT count(*) FROM member WHERE mooc_status = 'completed' "
                           "AND mooc_date = '2022-10-01'"), 2);
    assert_int_equal(training_mooc_set(db, both, 2, "completed", "2022-10-01", &changed, &e), 0);
    assert_int_equal(changed, 0); /* nothing new: no audit entry */
    assert_int_equal(training_mooc_set(db, both, 1, "in_progress", "2022-10-05", &changed, &e), 0);
    assert_int_equal(count("SELECT count(*) FROM member WHERE uuid = 'm1' AND mooc_status = 'in_progress' "
                           "AND mooc_date IS NULL"), 1);
    assert_int_equal(training_zalo_set(db, both, 2, "2022-09-01", &changed, &e), 0);
    assert_int_equal(changed, 2);
    assert_int_equal(training_zalo_set(db, both, 1, "", &changed, &e), 0);
    assert_int_equal(count("SELECT count(*) FROM member WHERE zalo_date IS NULL AND deleted = 0"), 1);
    assert_int_equal(count("SELECT count(*) FROM audit WHERE tbl = 'member'"), 6);
}

static void status_errors_change_nothing(void **state)
{
    (void)state;
    const char *list[] = {"m1", "nosuch"};
    int changed;
    cdtt_err e;
    assert_int_equal(training_mooc_set(db, list, 2, "completed", "2022-10-01", &changed, &e), -1);
    assert_int_equal(count("SELECT count(*) FROM member WHERE mooc_status = 'completed'"), 0);
    assert_int_equal(training_mooc_set(db, list, 1, "done", "", &changed, &e), -1);
    assert_int_equal(training_zalo_set(db, list, 1, "01/09/2022", &changed, &e), -1); /* ISO only here */
    assert_int_equal(training_zalo_set(db, list, 2, "2022-09-01", &changed, &e), -1);
    assert_int_equal(count("SELECT count(*) FROM member WHERE zalo_date IS NOT NULL"), 0);
    assert_int_equal(count("SELECT count(*) FROM audit"), 0);
}

static void adds_activities_as_counts(void **state)
{
    (void)state;
    char uuid[37];
    cdtt_err e;
    activity_rec a = {.team_uuid = "t1", .date = "2022-10-03", .type = "vneid", .people = 25, .households = 12};
    assert_int_equal(activity_add(db, &a, uuid, &e), 0);
    assert_int_equal(count("SELECT people * 100 + households FROM activity"), 2512);
    activity_rec bad = a;
    snprintf(bad.type, sizeof bad.type, "party");
    assert_int_equal(activity_add(db, &bad, uuid, &e), -1);
    bad = a;
    bad.people = -1;
    assert_int_equal(activity_add(db, &bad, uuid, &e), -1);
    bad = a;
    snprintf(bad.team_uuid, sizeof bad.team_uuid, "nosuch");
    assert_int_equal(activity_add(db, &bad, uuid, &e), -1);
    assert_non_null(strstr(e.msg, "nosuch"));
    assert_int_equal(count("SELECT count(*) FROM activity"), 1);
    for (int i = 0; ACTIVITY_TYPES[i]; i++) {
        snprintf(a.type, sizeof a.type, "%s", ACTIVITY_TYPES[i]);
        assert_int_equal(activity_add(db, &a, uuid, &e), 0); /* every type the schema allows */
    }
}

static void selects_members_of_a_team_or_area_on_a_date(void **state)
{
    (void)state;
    fx_area(db, "a1", "Thôn Đông");
    fx_team(db, "t2", "a1", "Tổ B");
    fx_team_full(db, "t3", "a1", "Tổ giải thể", "dissolved", "0", NULL);
    fx_member(db, "m3", "Lê Văn Cường");
    fx_member(db, "m4", "Người Tổ Giải Thể");
    fx_join(db, "t1", "m1");
    fx_join_full(db, "t1", "m2", "2022-09-01", NULL, "0");
    fx_join(db, "t2", "m3");
    fx_join(db, "t2", "gone");
    fx_join(db, "t3", "m4");
    char(*ids)[37];
    int n;
    cdtt_err e;
    assert_int_equal(training_members_in(db, "t1", NULL, "2022-08-31", &ids, &n, &e), 0);
    assert_int_equal(n, 1);
    assert_string_equal(ids[0], "m1");
    free(ids);
    assert_int_equal(training_members_in(db, "t1", NULL, "2022-09-01", &ids, &n, &e), 0);
    assert_int_equal(n, 2);
    free(ids);
    assert_int_equal(training_members_in(db, NULL, "a1", "2022-09-01", &ids, &n, &e), 0);
    assert_int_equal(n, 1); /* not the deleted member, not the dissolved team's */
    assert_string_equal(ids[0], "m3");
    free(ids);
    assert_int_equal(training_members_in(db, NULL, NULL, "2022-09-01", &ids, &n, &e), 0);
    assert_int_equal(n, 3);
    assert_string_equal(ids[0], "m1"); /* An, Bình, Cường: given-name order */
    assert_string_equal(ids[2], "m3");
    free(ids);
    char date[11];
    fx_session(db, "s1", "2022-09-15");
    assert_int_equal(training_session_date(db, "s1", date, &e), 0);
    assert_string_equal(date, "2022-09-15");
    assert_int_equal(training_session_date(db, "s9", date, &e), -1);
}

static void sums_activities_by_type_in_a_period(void **state)
{
    (void)state;
    fx_team_full(db, "tx", NULL, "Tổ đã xoá", "active", "1", NULL);
    fx_activity(db, "ac1", "t1", "2022-09-30", "10", "4");
    fx_activity(db, "ac2", "t1", "2022-10-01", "7", "3");
    fx_activity(db, "ac3", "t1", "2022-10-31", "5", "2");
    fx_activity(db, "ac4", "tx", "2022-10-15", "100", "50"); /* a deleted team's */
    fx_activity(db, "ac5", "t1", "2022-11-01", "1", "1");
    fx_session(db, "s1", "2022-10-10");
    fx_session(db, "s2", "2022-11-10");
    activity_summary sum;
    cdtt_err e;
    assert_int_equal(activity_summarise(db, "2022-10-01", "2022-10-31", &sum, &e), 0);
    assert_int_equal(sum.count[1], 2); /* vneid, ACTIVITY_TYPES[1] */
    assert_int_equal(sum.people[1], 12);
    assert_int_equal(sum.households[1], 5);
    assert_int_equal(sum.count[0], 0);
    assert_int_equal(sum.sessions, 1);
    assert_string_equal(ACTIVITY_TYPES[1], "vneid");
    assert_string_equal(activity_type_label(1), "VNeID");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(adds_a_session_with_clean_text, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(refuses_bad_session_input_and_saves_nothing, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(marks_attendance_idempotently, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(attendance_error_changes_nothing, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(sets_mooc_and_zalo_in_bulk, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(status_errors_change_nothing, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(adds_activities_as_counts, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(selects_members_of_a_team_or_area_on_a_date, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(sums_activities_by_type_in_a_period, setup, tu_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
