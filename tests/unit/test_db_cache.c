/* test_db_cache.c — saves keep their statements per connection: what they read
 * is never stale, closing works, and connections do not share statements. */
#include "records_fixture.h"
#include "audit.h"

#include <sys/stat.h>

/* A text column of the first row of sql on db ("" when none), malloc'd. */
static char *text_of(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    char *s = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        s = db_column_strdup(st, 0);
    sqlite3_finalize(st);
    return s ? s : xstrdup("");
}

static void save_member(sqlite3 *db, const char *name, member_rec *m)
{
    member_init(m);
    snprintf(m->full_name, sizeof m->full_name, "%s", name);
    cdtt_err e;
    if (member_save(db, m, 1, NULL, &e) != 0)
        fail_msg("member_save %s: %s", name, e.msg);
}

static void office_change_reaches_the_next_save(void **state)
{
    (void)state;
    member_rec a, b;
    save_member(rf_db, "Trần Văn An", &a);
    office_rec o = {"2025-07", "00007", "commune", "Phường Mới"};
    cdtt_err e;
    assert_int_equal(office_set(rf_db, &o, &e), 0);
    save_member(rf_db, "Lê Thị Bình", &b);

    /* The file went to another office: the member saved before became its own, under a new uuid. */
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT count(*) || ' ' || changed_by || ' ' || unit_code FROM member "
                              "WHERE full_name = 'Trần Văn An' AND uuid <> '%s'", a.uuid);
    char *s = text_of(rf_db, sql);
    assert_string_equal(s, "1 2025-07:00007 00007");
    free(s);
    snprintf(sql, sizeof sql, "SELECT changed_by || ' ' || unit_code FROM member WHERE uuid = '%s'", b.uuid);
    s = text_of(rf_db, sql);
    assert_string_equal(s, "2025-07:00007 00007");
    free(s);
    snprintf(sql, sizeof sql, "SELECT office FROM audit WHERE record_uuid = '%s'", b.uuid);
    s = text_of(rf_db, sql);
    assert_string_equal(s, "2025-07:00007");
    free(s);

    /* A change made behind the records' back is seen too: no office, no save. */
    assert_int_equal(db_exec(rf_db, "DELETE FROM office", &e), 0);
    member_rec c;
    member_init(&c);
    snprintf(c.full_name, sizeof c.full_name, "Phạm Văn Cường");
    assert_int_equal(member_save(rf_db, &c, 1, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "no office yet"));
}

static void update_snapshots_the_old_and_new_row(void **state)
{
    (void)state;
    member_rec m;
    save_member(rf_db, "Trần Văn An", &m);
    snprintf(m.phone, sizeof m.phone, "0912345678");
    cdtt_err e;
    assert_int_equal(member_save(rf_db, &m, 1, NULL, &e), 0);
    char sql[300];
    snprintf(sql, sizeof sql,
             "SELECT json_extract(old_json, '$.phone') IS NULL AND json_extract(new_json, '$.phone') = "
             "'0912345678' AND json_extract(new_json, '$.full_name') = 'Trần Văn An' FROM audit "
             "WHERE record_uuid = '%s' AND action = 'update'", m.uuid);
    assert_int_equal(db_scalar_int(rf_db, sql, -1), 1);
}

/* A closed WAL file leaves no -wal beside it; an open statement would keep it. */
static void closing_after_saves_closes_the_file(void **state)
{
    (void)state;
    member_rec m;
    save_member(rf_db, "Trần Văn An", &m);
    char team[UUID_LEN];
    rf_team("Tổ CNS", NULL, team);
    cdtt_err e;
    member_rec n;
    member_init(&n);
    snprintf(n.full_name, sizeof n.full_name, "Võ Thị Dung");
    assert_int_equal(member_save_in_team(rf_db, &n, team, "member", 1, NULL, &e), 0);
    assert_int_equal(record_delete(rf_db, "member", m.uuid, &e), 0);
    member_rec got;
    assert_int_equal(member_get(rf_db, n.uuid, &got), 0);
    db_close(rf_db);
    rf_db = NULL;
    char wal[700];
    snprintf(wal, sizeof wal, "%s/records.db-wal", rf_dir);
    struct stat sb;
    assert_int_equal(stat(wal, &sb), -1);
    /* and the file reopens with everything in it */
    rf_db = tu_open_db(rf_dir, "records.db");
    assert_int_equal(db_scalar_int(rf_db, "SELECT count(*) FROM member", -1), 2);
}

/* Statements of one connection are never used on another. */
static void two_connections_keep_their_own(void **state)
{
    (void)state;
    sqlite3 *other = tu_open_db(rf_dir, "other.db");
    office_rec o = {"2025-07", "00010", "commune", "Xã Khác"};
    cdtt_err e;
    assert_int_equal(office_set(other, &o, &e), 0);
    member_rec a, b;
    save_member(rf_db, "Trần Văn An", &a);
    save_member(other, "Lê Thị Bình", &b);
    assert_int_equal(db_scalar_int(rf_db, "SELECT count(*) FROM member", -1), 1);
    assert_int_equal(db_scalar_int(other, "SELECT count(*) FROM member", -1), 1);
    char *s = text_of(other, "SELECT changed_by FROM member");
    assert_string_equal(s, "2025-07:00010");
    free(s);
    db_close(other);
    save_member(rf_db, "Phạm Văn Cường", &b); /* the first one still works */
    assert_int_equal(db_scalar_int(rf_db, "SELECT count(*) FROM member", -1), 2);
}

/* A connection not opened by db_open still works and can be closed at once. */
static void plain_connections_keep_nothing_open(void **state)
{
    (void)state;
    member_rec m;
    save_member(rf_db, "Trần Văn An", &m);
    char path[700];
    snprintf(path, sizeof path, "%s/records.db", rf_dir);
    sqlite3 *raw = NULL;
    assert_int_equal(sqlite3_open_v2(path, &raw, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    office_rec o;
    assert_int_equal(office_get(raw, &o), 0);
    assert_string_equal(o.code, "00004");
    char *json = audit_row_json(raw, "member", m.uuid);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"full_name\":\"Trần Văn An\""));
    free(json);
    member_rec got;
    assert_int_equal(member_get(raw, m.uuid, &got), 0);
    assert_int_equal(sqlite3_close(raw), SQLITE_OK);
}

/* Failing saves inside the caller's transaction leave the kept statements usable. */
static void failures_leave_later_saves_working(void **state)
{
    (void)state;
    cdtt_err e;
    char area[UUID_LEN];
    rf_area("Thôn 1", area);
    assert_int_equal(db_begin(rf_db, &e), 0);
    for (int i = 0; i < 3; i++) {
        area_rec dup;
        area_init(&dup);
        snprintf(dup.name, sizeof dup.name, "Thôn 1");
        assert_int_equal(area_save(rf_db, &dup, 1, NULL, &e), -1);
        member_rec m;
        save_member(rf_db, i == 0 ? "Một" : i == 1 ? "Hai" : "Ba", &m);
    }
    assert_int_equal(db_commit(rf_db, &e), 0);
    assert_int_equal(db_scalar_int(rf_db, "SELECT count(*) FROM member", -1), 3);
    assert_int_equal(db_scalar_int(rf_db, "SELECT count(*) FROM area", -1), 1);
    assert_int_equal(db_scalar_int(rf_db, "SELECT count(*) FROM audit WHERE tbl = 'member'", -1), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(office_change_reaches_the_next_save, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(update_snapshots_the_old_and_new_row, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(closing_after_saves_closes_the_file, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(two_connections_keep_their_own, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(plain_connections_keep_nothing_open, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(failures_leave_later_saves_working, rf_setup, rf_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
