/* test_member_place.c — a member's place in a team as the member form edits
 * it (records-move.c): moving to another team ends the membership read and
 * starts another, staying keeps it with a new role or dates, leaving ends it,
 * a full team warns, and a place changed meanwhile is not overwritten. */
#include "records_fixture.h"

static char team_a[UUID_LEN], team_b[UUID_LEN];

/* A member in team A since 01/01/2024 and its place as read. */
static void member_in_a(const char *name, member_rec *m, membership_rec *place)
{
    rf_team("Tổ A", NULL, team_a);
    rf_team("Tổ B", NULL, team_b);
    member_init(m);
    snprintf(m->full_name, sizeof m->full_name, "%s", name);
    cdtt_err e;
    if (member_save_in_team_since(rf_db, m, team_a, "member", "2024-01-01", 1, NULL, &e) != 0)
        fail_msg("member_save_in_team_since: %s", e.msg);
    assert_int_equal(member_get(rf_db, m->uuid, m), 0);
    member_place_get(rf_db, m->uuid, place);
    assert_string_equal(place->team_uuid, team_a);
}

/* The edit that leaves the place as read. */
static void as_read(const membership_rec *place, member_place_edit *p)
{
    snprintf(p->team_uuid, sizeof p->team_uuid, "%s", place->team_uuid);
    snprintf(p->role, sizeof p->role, "%s", place->role);
    snprintf(p->since, sizeof p->since, "%s", place->date_from);
    p->left[0] = '\0';
}

/* Writes the edit in a transaction of its own; fails the test on error. */
static void save_edit(member_rec *m, const membership_rec *read, const member_place_edit *p)
{
    member_rec stored;
    membership_rec stored_place;
    rec_changes c;
    findings fs;
    cdtt_err e;
    member_rec before = *m;
    int rc = member_place_save_since(rf_db, m, p, &before, read, &stored, &stored_place, &c, 1, &fs, &e);
    if (rc != 0)
        fail_msg("member_place_save_since: %d %s", rc, e.msg);
}

static void moving_ends_the_old_place_and_starts_a_new_one(void **state)
{
    (void)state;
    member_rec m;
    membership_rec read;
    member_in_a("Lê Văn Chuyển", &m, &read);
    member_place_edit p;
    as_read(&read, &p);
    snprintf(p.team_uuid, sizeof p.team_uuid, "%s", team_b);
    snprintf(p.role, sizeof p.role, "deputy");
    snprintf(p.left, sizeof p.left, "2025-06-30");
    save_edit(&m, &read, &p);
    int n = 0;
    membership_rec *all = membership_list_for_member(rf_db, m.uuid, &n);
    assert_int_equal(n, 1); /* current ones only */
    assert_string_equal(all[0].team_uuid, team_b);
    assert_string_equal(all[0].role, "deputy");
    char today[11];
    date_today(today);
    assert_string_equal(all[0].date_from, today); /* the start shown was not changed */
    free(all);
    char sql[300];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM membership WHERE member_uuid = '%s' AND team_uuid = '%s' "
                              "AND date_to = '2025-06-30'", m.uuid, team_a);
    assert_int_equal(rf_count(sql), 1);
}

static void staying_keeps_the_place_with_new_role_and_dates(void **state)
{
    (void)state;
    member_rec m;
    membership_rec read;
    member_in_a("Lê Thị Ở", &m, &read);
    member_place_edit p;
    as_read(&read, &p);
    snprintf(p.role, sizeof p.role, "leader");
    snprintf(p.since, sizeof p.since, "2023-04-01");
    save_edit(&m, &read, &p);
    membership_rec now;
    member_place_get(rf_db, m.uuid, &now);
    assert_string_equal(now.uuid, read.uuid);
    assert_string_equal(now.role, "leader");
    assert_string_equal(now.date_from, "2023-04-01");
}

static void leaving_ends_the_place(void **state)
{
    (void)state;
    member_rec m;
    membership_rec read;
    member_in_a("Lê Văn Rời", &m, &read);
    member_place_edit p;
    as_read(&read, &p);
    p.team_uuid[0] = '\0';
    snprintf(p.left, sizeof p.left, "2025-01-31");
    save_edit(&m, &read, &p);
    membership_rec now;
    member_place_get(rf_db, m.uuid, &now);
    assert_string_equal(now.team_uuid, "");
    char sql[300];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM membership WHERE uuid = '%s' AND date_to = '2025-01-31'",
             read.uuid);
    assert_int_equal(rf_count(sql), 1);
}

static void joining_a_full_team_warns(void **state)
{
    (void)state;
    member_rec m;
    membership_rec read;
    member_in_a("Lê Văn Đầy", &m, &read);
    char other[UUID_LEN];
    rf_member("Lê Văn Khác", "1991", NULL, team_b, other);
    records_set_limits(1, 1);
    member_place_edit p;
    as_read(&read, &p);
    snprintf(p.team_uuid, sizeof p.team_uuid, "%s", team_b);
    findings fs = {.n = 0};
    member_place_check(rf_db, m.uuid, &read, &p, &fs);
    records_set_limits(0, 0);
    assert_int_equal(findings_worst(&fs), VALID_WARN);
    fs.n = 0;
    as_read(&read, &p);
    member_place_check(rf_db, m.uuid, &read, &p, &fs);
    assert_int_equal(fs.n, 0);
}

static void a_place_changed_meanwhile_is_not_overwritten(void **state)
{
    (void)state;
    member_rec m;
    membership_rec read;
    member_in_a("Lê Văn Cũ", &m, &read);
    /* Someone else makes the member the team's leader after the form read it. */
    membership_rec other = read;
    snprintf(other.role, sizeof other.role, "leader");
    cdtt_err e;
    assert_int_equal(membership_save(rf_db, &other, 1, NULL, &e), 0);
    member_place_edit p;
    as_read(&read, &p);
    snprintf(p.team_uuid, sizeof p.team_uuid, "%s", team_b);
    member_rec stored, before = m;
    membership_rec stored_place;
    rec_changes c;
    findings fs;
    int rc = member_place_save_since(rf_db, &m, &p, &before, &read, &stored, &stored_place, &c, 1, &fs, &e);
    assert_int_equal(rc, REC_CHANGED);
    assert_string_equal(stored_place.role, "leader");
    membership_rec now;
    member_place_get(rf_db, m.uuid, &now);
    assert_string_equal(now.team_uuid, team_a); /* nothing written */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(moving_ends_the_old_place_and_starts_a_new_one, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(staying_keeps_the_place_with_new_role_and_dates, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(leaving_ends_the_place, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(joining_a_full_team_warns, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(a_place_changed_meanwhile_is_not_overwritten, rf_setup, rf_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
