/* test_records_delete.c — tombstones: delete and undelete of members, teams,
 * areas and memberships, the refusals, and their audit entries. */
#include "records_fixture.h"

static void deleting_a_member_ends_its_memberships(void **state)
{
    (void)state;
    char area[UUID_LEN], t1[UUID_LEN], t2[UUID_LEN], m[UUID_LEN];
    rf_area("Thôn Hạ", area);
    rf_team("Tổ A", area, t1);
    rf_team("Tổ B", area, t2);
    rf_member("Vũ Thị Mai", NULL, NULL, t1, m);
    membership_rec ms;
    membership_init(&ms);
    snprintf(ms.team_uuid, sizeof ms.team_uuid, "%s", t2);
    snprintf(ms.member_uuid, sizeof ms.member_uuid, "%s", m);
    snprintf(ms.role, sizeof ms.role, "deputy");
    cdtt_err e;
    assert_int_equal(membership_save(rf_db, &ms, 0, NULL, &e), 0);
    member_rec before;
    assert_int_equal(member_get(rf_db, m, &before), 0);
    assert_string_equal(before.team_names, "Tổ A, Tổ B");

    assert_int_equal(record_delete(rf_db, "member", m, &e), 0);
    member_rec after;
    assert_int_equal(member_get(rf_db, m, &after), 0); /* deleted ones are still fetched */
    assert_int_equal(after.deleted, 1);
    assert_true(strcmp(after.updated_at, before.updated_at) > 0);
    assert_string_equal(after.team_names, "");
    char today[11];
    date_today(today);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(rf_db, "SELECT count(*) FROM membership WHERE date_to = ? "
                                        "AND deleted = 0", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 2);
    sqlite3_finalize(st);
    assert_int_equal(rf_count("SELECT count(*) FROM audit WHERE tbl = 'member' AND action = 'delete' "
                              "AND old_json LIKE '%\"deleted\":0%' AND new_json LIKE '%\"deleted\":1%'"), 1);
    assert_int_equal(rf_count("SELECT count(*) FROM audit WHERE tbl = 'membership' AND action = 'update'"), 2);
    team_rec t;
    assert_int_equal(team_get(rf_db, t1, &t), 0);
    assert_int_equal(t.n_members, 0);

    /* Deleting again changes nothing. */
    long long audits = rf_count("SELECT count(*) FROM audit");
    assert_int_equal(record_delete(rf_db, "member", m, &e), 0);
    assert_int_equal(rf_count("SELECT count(*) FROM audit"), audits);

    /* Undelete brings the member back into the teams its deletion ended. */
    assert_int_equal(record_undelete(rf_db, "member", m, &e), 0);
    assert_int_equal(member_get(rf_db, m, &after), 0);
    assert_int_equal(after.deleted, 0);
    assert_string_equal(after.team_names, "Tổ A, Tổ B");
    assert_int_equal(rf_count("SELECT count(*) FROM audit WHERE tbl = 'member' AND action = 'undelete'"), 1);
}

static void membership_ended_earlier_stays_ended(void **state)
{
    (void)state;
    char t1[UUID_LEN], m[UUID_LEN];
    rf_team("Tổ xã", NULL, t1);
    rf_member("Đinh Văn Tú", NULL, NULL, t1, m);
    int n;
    membership_rec *ms = membership_list_for_member(rf_db, m, &n);
    assert_int_equal(n, 1);
    snprintf(ms[0].date_to, sizeof ms[0].date_to, "2099-01-01");
    snprintf(ms[0].date_from, sizeof ms[0].date_from, "2022-01-01");
    cdtt_err e;
    assert_int_equal(membership_save(rf_db, &ms[0], 0, NULL, &e), 0);
    free(ms);
    assert_int_equal(record_delete(rf_db, "member", m, &e), 0);
    assert_int_equal(record_undelete(rf_db, "member", m, &e), 0);
    assert_null(membership_list_for_member(rf_db, m, &n));
    assert_int_equal(rf_count("SELECT count(*) FROM membership WHERE date_to = '2099-01-01'"), 1);
}

static void team_and_area_with_live_records_are_refused(void **state)
{
    (void)state;
    char area[UUID_LEN], team[UUID_LEN], a[UUID_LEN], b[UUID_LEN];
    rf_area("Tổ dân phố 5", area);
    rf_team("Tổ CNS TDP 5", area, team);
    rf_member("Ngô Văn Hùng", NULL, NULL, team, a);
    rf_member("Ngô Thị Huệ", NULL, NULL, team, b);
    cdtt_err e;
    assert_int_equal(record_delete(rf_db, "area", area, &e), -1);
    assert_non_null(strstr(e.msg, "1 teams"));
    assert_int_equal(record_delete(rf_db, "team", team, &e), -1);
    assert_non_null(strstr(e.msg, "2 members"));
    assert_int_equal(rf_count("SELECT count(*) FROM team WHERE deleted = 1"), 0);

    assert_int_equal(record_delete(rf_db, "member", a, &e), 0);
    assert_int_equal(record_delete(rf_db, "member", b, &e), 0);
    assert_int_equal(record_delete(rf_db, "team", team, &e), 0);
    assert_int_equal(record_delete(rf_db, "area", area, &e), 0);
    area_rec ar;
    assert_int_equal(area_get(rf_db, area, &ar), 0);
    assert_int_equal(ar.deleted, 1);

    /* A team comes back only after its area; a member can come back alone. */
    assert_int_equal(record_undelete(rf_db, "team", team, &e), -1);
    assert_non_null(strstr(e.msg, "restore it first"));
    assert_int_equal(record_undelete(rf_db, "area", area, &e), 0);
    assert_int_equal(record_undelete(rf_db, "team", team, &e), 0);
    assert_int_equal(record_undelete(rf_db, "member", a, &e), 0);
    team_rec t;
    assert_int_equal(team_get(rf_db, team, &t), 0);
    assert_int_equal(t.n_members, 1);
}

static void membership_delete_and_bad_requests(void **state)
{
    (void)state;
    char team[UUID_LEN], m[UUID_LEN];
    rf_team("Tổ phường", NULL, team);
    rf_member("Mai Anh Tuấn", NULL, NULL, team, m);
    int n;
    membership_rec *ms = membership_list_for_member(rf_db, m, &n);
    assert_int_equal(n, 1);
    cdtt_err e;
    assert_int_equal(record_delete(rf_db, "membership", ms[0].uuid, &e), 0);
    assert_null(membership_list_for_team(rf_db, team, &n));
    assert_int_equal(record_undelete(rf_db, "membership", ms[0].uuid, &e), 0);
    free(membership_list_for_team(rf_db, team, &n));
    assert_int_equal(n, 1);
    free(ms);

    assert_int_equal(record_delete(rf_db, "audit", "1", &e), -1);
    assert_non_null(strstr(e.msg, "cannot be deleted"));
    assert_int_equal(record_delete(rf_db, "member", "no-such-uuid", &e), -1);
    assert_non_null(strstr(e.msg, "no longer exists"));
    assert_int_equal(sqlite3_get_autocommit(rf_db), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(deleting_a_member_ends_its_memberships, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(membership_ended_earlier_stays_ended, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(team_and_area_with_live_records_are_refused, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(membership_delete_and_bad_requests, rf_setup, rf_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
