/* test_check.c — integrity and data-quality findings on real database files. */
#include "testutil.h"
#include "check.h"
#include "config.h"
#include "office.h"

#define T "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2025-07:00004'"

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        fail_msg("%s: %s", sql, err);
}

static void member(sqlite3 *db, const char *uuid, const char *name, const char *fold, const char *birth,
                   const char *phone, const char *cccd, int consent)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, birth, "
             "phone, cccd, consent, created_at, updated_at, changed_by) VALUES ('%s', '2025-07', '00004', "
             "'%s', '%s', '%s', %s, %s, %s, %d, " T ")",
             uuid, name, fold, fold, birth, phone, cccd, consent);
    exec(db, sql);
}

static void team(sqlite3 *db, const char *uuid, const char *level, const char *area, const char *name)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "INSERT INTO team (uuid, unit_scheme, unit_code, level, area_uuid, name, name_fold, sort_key, "
             "created_at, updated_at, changed_by) VALUES ('%s', '2025-07', '00004', '%s', %s, '%s', '%s', "
             "'%s', " T ")",
             uuid, level, area, name, name, name);
    exec(db, sql);
}

static void join(sqlite3 *db, const char *uuid, const char *team_uuid, const char *member_uuid, const char *role)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "INSERT INTO membership (uuid, team_uuid, member_uuid, role, created_at, updated_at, changed_by) "
             "VALUES ('%s', '%s', '%s', '%s', " T ")",
             uuid, team_uuid, member_uuid, role);
    exec(db, sql);
}

typedef struct {
    char kinds[64][32];
    char msgs[64][256];
    int n;
} seen;

static int collect(const check_finding *f, void *arg)
{
    seen *s = arg;
    if (s->n < 64) {
        snprintf(s->kinds[s->n], 32, "%s", f->kind);
        snprintf(s->msgs[s->n], 256, "%s", f->message);
        s->n++;
    }
    return 0;
}

static int count_kind(const seen *s, const char *kind, const char *in_msg)
{
    int n = 0;
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->kinds[i], kind) == 0 && (!in_msg || strstr(s->msgs[i], in_msg)))
            n++;
    return n;
}

/* Runs the check of db with cfg (quick: the integrity part only), its findings
 * into a fresh s; fails the test unless it ran. Returns the summary. */
static check_summary run(sqlite3 *db, const cdtt_config *cfg, int quick, seen *s)
{
    check_summary sum;
    cdtt_err e;
    memset(s, 0, sizeof *s);
    int rc = quick ? check_run_quick(db, cfg, collect, s, &sum, &e) : check_run(db, cfg, collect, s, &sum, &e);
    assert_int_equal(rc, 0);
    return sum;
}

static void empty_file_only_lacks_an_office(void **state)
{
    (void)state;
    sqlite3 *db = tu_open_db(dir, "empty.db");
    cdtt_config cfg;
    config_defaults(&cfg);
    seen s;
    check_summary sum = run(db, &cfg, 0, &s);
    assert_int_equal(sum.errors, 0);
    assert_int_equal(sum.warnings, 1);
    assert_int_equal(count_kind(&s, "no_office", NULL), 1);
    assert_int_equal(check_record_count(db), 0);
    office_rec o = {"2025-07", "00004", "commune", "Phường Ba Đình"};
    cdtt_err e;
    assert_int_equal(office_set(db, &o, &e), 0);
    sum = run(db, &cfg, 0, &s);
    assert_int_equal(sum.warnings, 0);
    db_close(db);
}

static void every_quality_finding(void **state)
{
    (void)state;
    sqlite3 *db = tu_open_db(dir, "quality.db");
    cdtt_err e;
    office_rec o = {"2025-07", "00004", "commune", "Phường Ba Đình"};
    assert_int_equal(office_set(db, &o, &e), 0);
    exec(db, "INSERT INTO area (uuid, unit_scheme, unit_code, kind, name, name_fold, sort_key, created_at, "
             "updated_at, changed_by) VALUES ('ar1', '2025-07', '00004', 'thon', 'Thôn Đông', 'thon dong', "
             "'thon dong', " T "), ('ar2', '2025-07', '00004', 'thon', 'Thôn Tây', 'thon tay', 'thon tay', " T ")");
    member(db, "m-a", "Lê Văn An", "le van an", "NULL", "NULL", "NULL", 0);            /* no team */
    member(db, "m-b", "Trần Bình", "tran binh", "NULL", "NULL", "NULL", 0);
    member(db, "m-c", "Phạm Cường", "pham cuong", "NULL", "'0912345678'", "NULL", 0); /* no consent */
    member(db, "m-d", "Vũ Dũng", "vu dung", "NULL", "'12345'", "NULL", 1);            /* bad phone */
    member(db, "m-e", "Đỗ Én", "do en", "NULL", "NULL", "'123'", 1);                  /* bad cccd */
    member(db, "m-f", "Ngô Phúc", "ngo phuc", "'1990-01-02'", "NULL", "NULL", 0);
    member(db, "m-g", "Ngô  Phúc", "ngo phuc", "'1990-01-02'", "NULL", "NULL", 0);    /* duplicate of f */
    member(db, "m-h", "Hà Hạnh", "ha hanh", "NULL", "'0987654321'", "NULL", 1);
    member(db, "m-i", "Hồ Hạnh", "ho hanh", "NULL", "'0987654321'", "NULL", 1);       /* same phone as h */
    team(db, "t1", "commune", "NULL", "Tổ xã");                                      /* no leader */
    join(db, "j1", "t1", "m-b", "member");
    team(db, "t2", "village", "'ar1'", "Tổ thôn Đông");                              /* 6 > 5 members */
    join(db, "j2", "t2", "m-c", "leader");
    join(db, "j3", "t2", "m-d", "member");
    join(db, "j4", "t2", "m-e", "member");
    join(db, "j5", "t2", "m-f", "member");
    join(db, "j6", "t2", "m-g", "member");
    join(db, "j7", "t2", "m-h", "member");
    join(db, "j8", "t1", "m-i", "deputy");
    cdtt_config cfg;
    config_defaults(&cfg);
    seen s;
    check_summary sum = run(db, &cfg, 0, &s);
    assert_int_equal(sum.errors, 0);
    assert_int_equal(count_kind(&s, "member_no_team", "Lê Văn An"), 1);
    assert_int_equal(count_kind(&s, "member_no_team", NULL), 1);
    assert_int_equal(count_kind(&s, "team_no_leader", "Tổ xã"), 1);
    assert_int_equal(count_kind(&s, "team_no_leader", NULL), 1);
    assert_int_equal(count_kind(&s, "team_too_big", "Tổ thôn Đông"), 1);
    assert_int_equal(count_kind(&s, "team_too_big", "6 > 5"), 1);
    assert_int_equal(count_kind(&s, "phone_no_consent", "Phạm Cường"), 1);
    assert_int_equal(count_kind(&s, "phone_no_consent", NULL), 1);
    assert_int_equal(count_kind(&s, "bad_phone", "12345"), 1);
    assert_int_equal(count_kind(&s, "bad_phone", NULL), 1);
    assert_int_equal(count_kind(&s, "bad_cccd", "Đỗ Én"), 1);
    assert_int_equal(count_kind(&s, "duplicate_member", "Ngô"), 1);
    assert_int_equal(count_kind(&s, "duplicate_member", "phone"), 1);
    assert_int_equal(count_kind(&s, "area_no_team", "Thôn Tây"), 1);
    assert_int_equal(count_kind(&s, "area_no_team", NULL), 1);
    assert_int_equal(count_kind(&s, "no_office", NULL), 0);
    assert_int_equal(sum.warnings, s.n);
    assert_int_equal(sum.warnings, 9);
    assert_int_equal(check_record_count(db), 2 + 9 + 2 + 8);

    /* The quick check looks at each record alone: no duplicates, no consent rule. */
    sum = run(db, &cfg, 1, &s);
    assert_int_equal(count_kind(&s, "member_no_team", "Lê Văn An"), 1);
    assert_int_equal(count_kind(&s, "team_too_big", "6 > 5"), 1);
    assert_int_equal(count_kind(&s, "bad_phone", "12345"), 1);
    assert_int_equal(count_kind(&s, "duplicate_member", NULL), 0);
    assert_int_equal(count_kind(&s, "phone_no_consent", NULL), 0);
    assert_int_equal(sum.warnings, 6);

    /* 0 = no limit; an ended membership and a deleted member no longer count */
    cfg.team_max_village = 0;
    exec(db, "UPDATE membership SET date_to = '2000-01-01' WHERE uuid = 'j1'");
    exec(db, "UPDATE member SET deleted = 1 WHERE uuid = 'm-a'");
    run(db, &cfg, 0, &s);
    assert_int_equal(count_kind(&s, "team_too_big", NULL), 0);
    assert_int_equal(count_kind(&s, "member_no_team", "Trần Bình"), 1);
    assert_int_equal(count_kind(&s, "member_no_team", "Lê Văn An"), 0);
    db_close(db);
}

/* Links between records of two communes, and records of another commune in a
 * commune's file (a copied file): the level above would refuse them. */
static void cross_commune_links(void **state)
{
    (void)state;
    sqlite3 *db = tu_open_db(dir, "cross.db");
    cdtt_err e;
    office_rec o = {"2025-07", "00004", "commune", "Phường Ba Đình"};
    assert_int_equal(office_set(db, &o, &e), 0);
    exec(db, "INSERT INTO area (uuid, unit_scheme, unit_code, kind, name, name_fold, sort_key, created_at, "
             "updated_at, changed_by) VALUES ('ar8', '2025-07', '00008', 'thon', 'Thôn Bắc', 'thon bac', "
             "'thon bac', " T ")");
    member(db, "m-1", "Lê Văn An", "le van an", "NULL", "NULL", "NULL", 0);
    team(db, "t-1", "village", "'ar8'", "Tổ thôn Bắc"); /* in 00008's village */
    join(db, "j-1", "t-1", "m-1", "leader");
    exec(db, "INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, created_at, "
             "updated_at, changed_by) VALUES ('m-8', '2025-07', '00008', 'Hà Tám', 'ha tam', 'ha tam', " T ")");
    join(db, "j-8", "t-1", "m-8", "member"); /* 00008's member in 00004's team */
    exec(db, "INSERT INTO training_session (uuid, unit_scheme, unit_code, date, created_at, updated_at, changed_by) "
             "VALUES ('s-1', '2025-07', '00004', '2026-01-05', " T ");"
             "INSERT INTO attendance (uuid, session_uuid, member_uuid, created_at, updated_at, changed_by) "
             "VALUES ('at-8', 's-1', 'm-8', " T ")");
    cdtt_config cfg;
    config_defaults(&cfg);
    seen s;
    run(db, &cfg, 0, &s);
    assert_int_equal(count_kind(&s, "cross_commune", "Tổ thôn Bắc: lies in a village or group of another commune (00008)"), 1);
    assert_int_equal(count_kind(&s, "cross_commune", "Hà Tám: is in a team of another commune"), 1);
    assert_int_equal(count_kind(&s, "cross_commune", "Hà Tám: attended a training session of another commune"), 1);
    assert_int_equal(count_kind(&s, "cross_commune", NULL), 3);
    assert_int_equal(count_kind(&s, "other_commune", "Hà Tám: belongs to another commune (00008)"), 1);
    assert_int_equal(count_kind(&s, "other_commune", NULL), 1);
    db_close(db);
}

static void broken_reference_is_an_integrity_error(void **state)
{
    (void)state;
    sqlite3 *db = tu_open_db(dir, "fk.db");
    member(db, "m-x", "Lý X", "ly x", "NULL", "NULL", "NULL", 0);
    exec(db, "PRAGMA foreign_keys = OFF");
    join(db, "jx", "no-such-team", "m-x", "member");
    exec(db, "PRAGMA foreign_keys = ON");
    cdtt_config cfg;
    config_defaults(&cfg);
    seen s;
    check_summary sum = run(db, &cfg, 0, &s);
    assert_int_equal(sum.errors, 1);
    assert_int_equal(count_kind(&s, "foreign_key", "membership"), 1);
    assert_int_equal(sum.warnings, 0); /* the data of a broken file is not judged */
    sum = run(db, &cfg, 1, &s);
    assert_int_equal(sum.errors, 1);
    assert_int_equal(count_kind(&s, "foreign_key", "membership"), 1);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_file_only_lacks_an_office),
        cmocka_unit_test(every_quality_finding),
        cmocka_unit_test(cross_commune_links),
        cmocka_unit_test(broken_reference_is_an_integrity_error),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
