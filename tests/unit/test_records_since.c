/* test_records_since.c — "changed since read": a record read by a form (or a
 * command), changed meanwhile by another program on the same file, is not
 * overwritten: the save finds the change inside its transaction, value by
 * value (not by the time stamp alone), writes nothing and says which columns
 * differ; an unchanged record saves as before. */
#include "records_fixture.h"

/* A second connection to the test's file, as another cdtt process would have. */
static sqlite3 *other_db(void)
{
    char path[700];
    snprintf(path, sizeof path, "%s/records.db", rf_dir);
    cdtt_err e;
    sqlite3 *o = db_open(path, 0, &e);
    if (!o)
        fail_msg("db_open %s: %s", path, e.msg);
    return o;
}

/* The other program sets the member's e-mail and note (as `cdtt csv import` does). */
static void other_sets_email_and_note(const char *uuid)
{
    sqlite3 *o = other_db();
    member_rec m;
    assert_int_equal(member_get(o, uuid, &m), 0);
    snprintf(m.email, sizeof m.email, "mai@example.com");
    snprintf(m.note, sizeof m.note, "từ danh sách Excel");
    cdtt_err e;
    assert_int_equal(member_save(o, &m, 1, NULL, &e), 0);
    db_close(o);
}

/* A member in a team, as a form reads it: the record and a copy kept as read. */
static void read_member(char uuid[UUID_LEN], member_rec *read, member_rec *mine)
{
    char team[UUID_LEN];
    rf_team("Tổ Một", NULL, team);
    rf_member("Vũ Thị Mai", "1985-03-12", "0912000111", team, uuid);
    assert_int_equal(member_get(rf_db, uuid, read), 0);
    *mine = *read;
}

static void a_change_made_meanwhile_is_found_and_nothing_written(void **state)
{
    (void)state;
    char id[UUID_LEN];
    member_rec read, mine, stored;
    read_member(id, &read, &mine);
    snprintf(mine.phone, sizeof mine.phone, "0912000119"); /* the form's edit */
    other_sets_email_and_note(id);
    rec_changes c;
    findings f;
    cdtt_err e;
    assert_int_equal(member_save_since(rf_db, &mine, &read, &stored, &c, 0, &f, &e), REC_CHANGED);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.columns[0], "email");
    assert_string_equal(c.columns[1], "note");
    assert_string_equal(stored.email, "mai@example.com");
    assert_string_equal(stored.note, "từ danh sách Excel");
    member_rec now;
    assert_int_equal(member_get(rf_db, id, &now), 0);
    assert_string_equal(now.email, "mai@example.com"); /* not overwritten */
    assert_string_equal(now.phone, "0912000111");      /* and the form's edit not written */
    /* Saved again against the stored version (the user kept theirs): saves. */
    assert_int_equal(member_save_since(rf_db, &mine, &stored, &now, &c, 0, &f, &e), 0);
    assert_int_equal(member_get(rf_db, id, &now), 0);
    assert_string_equal(now.phone, "0912000119");
}

static void a_change_within_the_same_second_is_found(void **state)
{
    (void)state;
    char id[UUID_LEN];
    member_rec read, mine, stored;
    read_member(id, &read, &mine);
    other_sets_email_and_note(id);
    /* Two saves within one clock tick share the stamp: put the read one back. */
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(rf_db, "UPDATE member SET updated_at = ? WHERE uuid = ?", -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, read.updated_at, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    rec_changes c;
    cdtt_err e;
    assert_int_equal(member_changed_since(rf_db, &read, &stored, &c, &e), REC_CHANGED);
    assert_string_equal(stored.updated_at, read.updated_at);
    assert_int_equal(c.n, 2);
    assert_int_equal(member_save_since(rf_db, &mine, &read, &stored, &c, 0, NULL, &e), REC_CHANGED);
}

static void an_unchanged_record_saves(void **state)
{
    (void)state;
    char id[UUID_LEN];
    member_rec read, mine, stored;
    read_member(id, &read, &mine);
    snprintf(mine.note, sizeof mine.note, "đã gọi điện");
    rec_changes c;
    cdtt_err e;
    assert_int_equal(member_save_since(rf_db, &mine, &read, &stored, &c, 0, NULL, &e), 0);
    assert_int_equal(c.n, 0);
    member_rec now;
    assert_int_equal(member_get(rf_db, id, &now), 0);
    assert_string_equal(now.note, "đã gọi điện");
    assert_string_equal(now.updated_at, mine.updated_at);
    /* A new record has nothing to compare with. */
    member_rec fresh, none;
    member_init(&fresh);
    snprintf(fresh.full_name, sizeof fresh.full_name, "Lê Văn Nam");
    member_rec blank = fresh;
    assert_int_equal(member_save_since(rf_db, &fresh, &blank, &none, &c, 0, NULL, &e), 0);
    assert_int_equal((int)strlen(fresh.uuid), 36);
}

static void a_new_stamp_over_the_same_values_saves(void **state)
{
    (void)state;
    char id[UUID_LEN];
    member_rec read, mine, stored;
    read_member(id, &read, &mine);
    sqlite3 *o = other_db();
    member_rec m;
    assert_int_equal(member_get(o, id, &m), 0);
    cdtt_err e;
    assert_int_equal(member_save(o, &m, 1, NULL, &e), 0); /* saved unchanged: a new stamp */
    db_close(o);
    assert_true(strcmp(m.updated_at, read.updated_at) != 0);
    snprintf(mine.phone, sizeof mine.phone, "0912000119");
    rec_changes c;
    assert_int_equal(member_save_since(rf_db, &mine, &read, &stored, &c, 0, NULL, &e), 0);
    assert_int_equal(member_get(rf_db, id, &m), 0);
    assert_string_equal(m.phone, "0912000119");
}

static void a_record_deleted_meanwhile_is_refused(void **state)
{
    (void)state;
    char id[UUID_LEN];
    member_rec read, mine, stored;
    read_member(id, &read, &mine);
    sqlite3 *o = other_db();
    cdtt_err e;
    assert_int_equal(record_delete(o, "member", id, &e), 0);
    db_close(o);
    snprintf(mine.phone, sizeof mine.phone, "0912000119");
    rec_changes c;
    assert_int_equal(member_save_since(rf_db, &mine, &read, &stored, &c, 0, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "deleted"));
    member_rec now;
    assert_int_equal(member_get(rf_db, id, &now), 0);
    assert_string_equal(now.phone, "0912000111");
}

static void areas_and_teams_are_checked_too(void **state)
{
    (void)state;
    char area_id[UUID_LEN], team_id[UUID_LEN];
    rf_area("Thôn Đông", area_id);
    rf_team("Tổ Thôn Đông", area_id, team_id);
    area_rec a_read, a_mine, a_stored;
    team_rec t_read, t_mine, t_stored;
    assert_int_equal(area_get(rf_db, area_id, &a_read), 0);
    assert_int_equal(team_get(rf_db, team_id, &t_read), 0);
    a_mine = a_read;
    t_mine = t_read;
    sqlite3 *o = other_db();
    area_rec a;
    team_rec t;
    cdtt_err e;
    assert_int_equal(area_get(o, area_id, &a), 0);
    snprintf(a.note, sizeof a.note, "có 120 hộ");
    assert_int_equal(area_save(o, &a, 1, NULL, &e), 0);
    assert_int_equal(team_get(o, team_id, &t), 0);
    snprintf(t.decision_no, sizeof t.decision_no, "45/QĐ-UBND");
    assert_int_equal(team_save(o, &t, 1, NULL, &e), 0);
    db_close(o);
    snprintf(a_mine.name, sizeof a_mine.name, "Thôn Đông Hạ");
    snprintf(t_mine.note, sizeof t_mine.note, "họp thứ hai");
    rec_changes c;
    assert_int_equal(area_save_since(rf_db, &a_mine, &a_read, &a_stored, &c, 0, NULL, &e), REC_CHANGED);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.columns[0], "note");
    assert_int_equal(team_save_since(rf_db, &t_mine, &t_read, &t_stored, &c, 0, NULL, &e), REC_CHANGED);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.columns[0], "decision_no");
    assert_string_equal(t_stored.decision_no, "45/QĐ-UBND");
    assert_int_equal(area_get(rf_db, area_id, &a), 0);
    assert_string_equal(a.name, "Thôn Đông");
}

static void a_move_to_another_team_is_found(void **state)
{
    (void)state;
    char id[UUID_LEN], team2[UUID_LEN];
    member_rec read, mine;
    read_member(id, &read, &mine);
    rf_team("Tổ Hai", NULL, team2);
    membership_rec place, now;
    member_place_get(rf_db, id, &place);
    assert_true(place.uuid[0] != 0);
    rec_changes c;
    memset(&c, 0, sizeof c);
    assert_int_equal(member_place_changed_since(rf_db, id, &place, &now, &c), 0);
    /* The other program ends the membership and starts one in Tổ Hai. */
    sqlite3 *o = other_db();
    membership_rec old = place, joined;
    date_today(old.date_to);
    cdtt_err e;
    assert_int_equal(membership_save(o, &old, 1, NULL, &e), 0);
    membership_init(&joined);
    snprintf(joined.team_uuid, sizeof joined.team_uuid, "%s", team2);
    snprintf(joined.member_uuid, sizeof joined.member_uuid, "%s", id);
    snprintf(joined.role, sizeof joined.role, "deputy");
    date_today(joined.date_from);
    assert_int_equal(membership_save(o, &joined, 1, NULL, &e), 0);
    db_close(o);
    assert_int_equal(member_place_changed_since(rf_db, id, &place, &now, &c), REC_CHANGED);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.columns[0], "team_uuid");
    assert_string_equal(c.columns[1], "role");
    assert_string_equal(now.team_uuid, team2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_change_made_meanwhile_is_found_and_nothing_written, rf_setup,
                                        rf_teardown),
        cmocka_unit_test_setup_teardown(a_change_within_the_same_second_is_found, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(an_unchanged_record_saves, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(a_new_stamp_over_the_same_values_saves, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(a_record_deleted_meanwhile_is_refused, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(areas_and_teams_are_checked_too, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(a_move_to_another_team_is_found, rf_setup, rf_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
