/* test_records_save.c — saving, fetching and checking areas, teams, members and
 * memberships: stored forms, stamps, audit entries, all-or-nothing. */
#include "records_fixture.h"
#include "text.h"

static void area_save_and_get(void **state)
{
    (void)state;
    area_rec a;
    area_init(&a);
    assert_string_equal(a.kind, "thon");
    snprintf(a.name, sizeof a.name, "  Thôn   Đông  ");
    findings f;
    cdtt_err e;
    assert_int_equal(area_save(rf_db, &a, 0, &f, &e), 0);
    assert_int_equal(f.n, 0);
    assert_int_equal((int)strlen(a.uuid), 36);
    assert_string_equal(a.name, "Thôn Đông");
    area_rec g;
    assert_int_equal(area_get(rf_db, a.uuid, &g), 0);
    assert_string_equal(g.name, "Thôn Đông");
    assert_string_equal(g.updated_at, a.updated_at);
    assert_int_equal(rf_count("SELECT count(*) FROM area WHERE name_fold = 'thon dong' "
                              "AND unit_scheme = '2025-07' AND unit_code = '00004' "
                              "AND changed_by = '2025-07:00004' AND created_at = updated_at"), 1);
    assert_int_equal(rf_count("SELECT count(*) FROM audit WHERE tbl = 'area' AND action = 'insert' "
                              "AND old_json IS NULL AND new_json LIKE '%Thôn Đông%'"), 1);
    assert_int_equal(area_get(rf_db, "no-such-uuid", &g), -1);
}

static void update_keeps_uuid_and_audits_old_row(void **state)
{
    (void)state;
    char id[UUID_LEN];
    rf_area("Thôn 1", id);
    area_rec a;
    assert_int_equal(area_get(rf_db, id, &a), 0);
    char before[32];
    snprintf(before, sizeof before, "%s", a.updated_at);
    snprintf(a.name, sizeof a.name, "Thôn Một");
    cdtt_err e;
    assert_int_equal(area_save(rf_db, &a, 0, NULL, &e), 0);
    assert_string_equal(a.uuid, id);
    assert_true(strcmp(a.updated_at, before) > 0);
    assert_int_equal(rf_count("SELECT count(*) FROM area"), 1);
    assert_int_equal(rf_count("SELECT count(*) FROM audit WHERE tbl = 'area' AND action = 'update' "
                              "AND old_json LIKE '%Thôn 1%' AND new_json LIKE '%Thôn Một%'"), 1);
    assert_int_equal(rf_count("SELECT count(*) FROM area WHERE created_at < updated_at"), 1);
}

static void decomposed_input_is_stored_nfc(void **state)
{
    (void)state;
    /* "Nguyễn Thị Hằng" typed as base letters plus combining marks. */
    const char *nfd = "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 Ha\xcc\x86\xcc\x80ng";
    char id[UUID_LEN];
    rf_member(nfd, NULL, NULL, NULL, id);
    member_rec m;
    assert_int_equal(member_get(rf_db, id, &m), 0);
    assert_string_equal(m.full_name, "Nguyễn Thị Hằng");
    assert_int_equal(rf_count("SELECT count(*) FROM member WHERE full_name = 'Nguyễn Thị Hằng' "
                              "AND name_fold = 'nguyen thi hang'"), 1);
    char *key = text_name_sort_key("Nguyễn Thị Hằng");
    assert_string_equal(m.sort_key, key);
    free(key);
}

static void no_office_is_a_clear_error(void **state)
{
    (void)state;
    sqlite3 *db = tu_open_db(rf_dir, "no-office.db");
    area_rec a;
    area_init(&a);
    snprintf(a.name, sizeof a.name, "Thôn 2");
    cdtt_err e;
    assert_int_equal(area_save(db, &a, 0, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "no office yet"));
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM area", -1), 0);
    db_close(db);
}

static void member_fields_are_normalised(void **state)
{
    (void)state;
    member_rec m;
    member_init(&m);
    snprintf(m.full_name, sizeof m.full_name, "Trần Văn Bình");
    snprintf(m.phone, sizeof m.phone, "+84 912 345 678");
    snprintf(m.birth, sizeof m.birth, "02/03/1990");
    snprintf(m.gender, sizeof m.gender, "male");
    snprintf(m.zalo_date, sizeof m.zalo_date, "15/09/2022");
    m.consent = 7;
    cdtt_err e;
    findings f;
    assert_int_equal(member_save(rf_db, &m, 0, &f, &e), 0);
    member_rec g;
    assert_int_equal(member_get(rf_db, m.uuid, &g), 0);
    assert_string_equal(g.phone, "0912345678");
    assert_string_equal(g.birth, "1990-03-02");
    assert_string_equal(g.zalo_date, "2022-09-15");
    assert_int_equal(g.consent, 1);
    assert_string_equal(g.category, "other");
    assert_string_equal(g.mooc_status, "not_started");
    assert_int_equal(rf_count("SELECT count(*) FROM member WHERE cccd IS NULL AND email IS NULL"), 1);
}

static void errors_save_nothing(void **state)
{
    (void)state;
    member_rec m;
    member_init(&m);
    snprintf(m.full_name, sizeof m.full_name, "   ");
    snprintf(m.phone, sizeof m.phone, "12345");
    snprintf(m.category, sizeof m.category, "astronaut");
    findings f;
    cdtt_err e;
    assert_int_equal(member_save(rf_db, &m, 1, &f, &e), -1);
    assert_int_equal(findings_worst(&f), VALID_ERROR);
    int name = 0, phone = 0, category = 0;
    for (int i = 0; i < f.n; i++) {
        name |= strcmp(f.items[i].field, "full_name") == 0;
        phone |= strcmp(f.items[i].field, "phone") == 0;
        category |= strcmp(f.items[i].field, "category") == 0;
    }
    assert_true(name && phone && category);
    assert_true(e.msg[0] != '\0');
    assert_string_equal(m.uuid, "");
    assert_int_equal(rf_count("SELECT count(*) FROM member"), 0);
    assert_int_equal(rf_count("SELECT count(*) FROM audit WHERE tbl = 'member'"), 0);

    /* A control character in a note, a note too long. */
    area_rec a;
    area_init(&a);
    snprintf(a.name, sizeof a.name, "Thôn Mới");
    snprintf(a.note, sizeof a.note, "ghi chú\x01");
    assert_int_equal(area_save(rf_db, &a, 1, &f, &e), -1);
    assert_string_equal(f.items[0].field, "note");
    memset(a.note, 'x', 400);
    a.note[400] = '\0';
    assert_int_equal(area_save(rf_db, &a, 1, &f, &e), -1);
    snprintf(a.note, sizeof a.note, "  dòng 1\r\ndòng 2  ");
    assert_int_equal(area_save(rf_db, &a, 1, &f, &e), 0);
    assert_string_equal(a.note, "dòng 1\ndòng 2");
    assert_int_equal(rf_count("SELECT count(*) FROM area"), 1);

    /* Invalid UTF-8 in a name. */
    member_init(&m);
    snprintf(m.full_name, sizeof m.full_name, "Nguy\xff\xfe");
    assert_int_equal(member_save(rf_db, &m, 1, &f, &e), -1);
    assert_int_equal(rf_count("SELECT count(*) FROM member"), 0);
}

static void failure_midway_leaves_nothing(void **state)
{
    (void)state;
    char area[UUID_LEN], team[UUID_LEN];
    rf_area("Thôn 3", area);
    rf_team("Tổ CNS thôn 3", area, team);
    long long audits = rf_count("SELECT count(*) FROM audit");
    /* The row is written, then the audit entry fails. */
    assert_int_equal(db_exec(rf_db,
                             "CREATE TEMP TRIGGER no_audit BEFORE INSERT ON audit "
                             "WHEN new.tbl = 'membership' BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
                             NULL),
                     0);
    member_rec m;
    member_init(&m);
    snprintf(m.full_name, sizeof m.full_name, "Lê Thị Cúc");
    cdtt_err e;
    assert_int_equal(member_save_in_team(rf_db, &m, team, "leader", 1, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "audit refused"));
    assert_int_equal(rf_count("SELECT count(*) FROM member"), 0);
    assert_int_equal(rf_count("SELECT count(*) FROM membership"), 0);
    assert_int_equal(rf_count("SELECT count(*) FROM audit"), audits);
    assert_int_equal(sqlite3_get_autocommit(rf_db), 1);
    assert_int_equal(db_exec(rf_db, "DROP TRIGGER no_audit", NULL), 0);

    /* A CHECK violation on the update of an existing row changes nothing. */
    assert_int_equal(db_exec(rf_db,
                             "CREATE TEMP TRIGGER bad_area AFTER UPDATE ON area BEGIN "
                             "UPDATE area SET kind = 'castle' WHERE uuid = new.uuid; END",
                             NULL),
                     0);
    area_rec a;
    assert_int_equal(area_get(rf_db, area, &a), 0);
    snprintf(a.name, sizeof a.name, "Thôn Ba");
    assert_int_equal(area_save(rf_db, &a, 1, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "CHECK"));
    assert_int_equal(area_get(rf_db, area, &a), 0);
    assert_string_equal(a.name, "Thôn 3");
    assert_int_equal(rf_count("SELECT count(*) FROM audit"), audits);
    assert_int_equal(db_exec(rf_db, "DROP TRIGGER bad_area", NULL), 0);
}

static void joins_the_callers_transaction(void **state)
{
    (void)state;
    cdtt_err e;
    assert_int_equal(db_begin(rf_db, &e), 0);
    char a1[UUID_LEN], a2[UUID_LEN];
    rf_area("Ấp Một", a1);
    rf_area("Ấp Hai", a2);
    assert_int_equal(sqlite3_get_autocommit(rf_db), 0); /* still the caller's */
    /* A failing save inside undoes only itself. */
    area_rec bad;
    area_init(&bad);
    snprintf(bad.name, sizeof bad.name, "Ấp Một");
    assert_int_equal(area_save(rf_db, &bad, 1, NULL, &e), -1);
    assert_int_equal(sqlite3_get_autocommit(rf_db), 0);
    db_rollback(rf_db);
    assert_int_equal(rf_count("SELECT count(*) FROM area"), 0);
    assert_int_equal(rf_count("SELECT count(*) FROM audit WHERE tbl = 'area'"), 0);

    assert_int_equal(db_begin(rf_db, &e), 0);
    rf_area("Ấp Ba", a1);
    assert_int_equal(db_commit(rf_db, &e), 0);
    assert_int_equal(rf_count("SELECT count(*) FROM area"), 1);
}

static void team_checks(void **state)
{
    (void)state;
    team_rec t;
    team_init(&t);
    snprintf(t.name, sizeof t.name, "Tổ CNS thôn Bắc");
    findings f;
    cdtt_err e;
    assert_int_equal(team_save(rf_db, &t, 1, &f, &e), -1); /* a village team needs its area */
    assert_string_equal(f.items[0].field, "area_uuid");
    char area[UUID_LEN];
    rf_area("Thôn Bắc", area);
    snprintf(t.area_uuid, sizeof t.area_uuid, "%s", area);
    snprintf(t.decision_date, sizeof t.decision_date, "2022-13-40");
    assert_int_equal(team_save(rf_db, &t, 1, &f, &e), -1);
    snprintf(t.decision_date, sizeof t.decision_date, "2022-10-01");
    snprintf(t.decision_no, sizeof t.decision_no, "45/QĐ-UBND\nngày 1/10");
    assert_int_equal(team_save(rf_db, &t, 1, &f, &e), -1);
    assert_string_equal(f.items[0].field, "decision_no");
    snprintf(t.decision_no, sizeof t.decision_no, " 45/QĐ-UBND ");
    assert_int_equal(team_save(rf_db, &t, 0, &f, &e), 0);
    team_rec g;
    assert_int_equal(team_get(rf_db, t.uuid, &g), 0);
    assert_string_equal(g.area_name, "Thôn Bắc");
    assert_string_equal(g.decision_no, "45/QĐ-UBND");
    assert_int_equal(g.n_members, 0);

    /* The same name in the same area is a warning naming the other team. */
    team_rec t2;
    team_init(&t2);
    snprintf(t2.name, sizeof t2.name, "TỔ CNS THÔN BẮC");
    snprintf(t2.area_uuid, sizeof t2.area_uuid, "%s", area);
    assert_int_equal(team_save(rf_db, &t2, 0, &f, &e), -1);
    assert_int_equal(findings_worst(&f), VALID_WARN);
    assert_string_equal(f.items[0].other_uuid, t.uuid);

    /* A commune team needs no area. */
    team_rec c;
    team_init(&c);
    snprintf(c.level, sizeof c.level, "commune");
    snprintf(c.name, sizeof c.name, "Tổ CNS phường");
    assert_int_equal(team_save(rf_db, &c, 0, &f, &e), 0);
    char found[UUID_LEN];
    assert_int_equal(team_find_by_name(rf_db, "tổ cns phường", NULL, found), 0);
    assert_string_equal(found, c.uuid);
    assert_int_equal(team_find_by_name(rf_db, "to cns phuong", NULL, found), -1); /* marks count */
    assert_int_equal(team_find_by_name(rf_db, "tổ cns thôn bắc", area, found), 0);
    assert_string_equal(found, t.uuid);
    assert_int_equal(team_find_by_name(rf_db, "tổ cns thôn bắc", "other-area", found), -1);
    assert_int_equal(area_find_by_name(rf_db, "THÔN BẮC", found), 0);
    assert_string_equal(found, area);
    assert_int_equal(area_find_by_name(rf_db, "THON BAC", found), -1);
    assert_int_equal(area_find_by_name(rf_db, "Thôn Nam", found), -1);
}

static void duplicate_members_warn(void **state)
{
    (void)state;
    char first[UUID_LEN], other[UUID_LEN];
    rf_member("Phạm Văn Đức", "1980-05-06", "0987654321", NULL, first);
    rf_member("Hoàng Thị Lan", NULL, "0911111111", NULL, other);

    member_rec m;
    member_init(&m);
    snprintf(m.full_name, sizeof m.full_name, "pham van duc");
    snprintf(m.birth, sizeof m.birth, "1980-05-06");
    findings f;
    cdtt_err e;
    assert_int_equal(member_save(rf_db, &m, 0, &f, &e), -1);
    assert_int_equal(f.n, 1);
    assert_int_equal(f.items[0].severity, VALID_WARN);
    assert_string_equal(f.items[0].other_uuid, first);
    assert_non_null(strstr(f.items[0].msg, "Phạm Văn Đức"));
    assert_int_equal(rf_count("SELECT count(*) FROM member"), 2);

    /* Another birth date: no suspect. */
    snprintf(m.birth, sizeof m.birth, "1981-01-01");
    member_check(rf_db, &m, (f.n = 0, &f));
    assert_int_equal(f.n, 0);

    /* The same phone as another member. */
    snprintf(m.phone, sizeof m.phone, "0911111111");
    f.n = 0;
    member_check(rf_db, &m, &f);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.items[0].field, "phone");
    assert_string_equal(f.items[0].other_uuid, other);

    /* Accepted, it is saved; and a record is never its own duplicate. */
    assert_int_equal(member_save(rf_db, &m, 1, &f, &e), 0);
    assert_int_equal(rf_count("SELECT count(*) FROM member"), 3);
    member_rec again;
    assert_int_equal(member_get(rf_db, first, &again), 0);
    f.n = 0;
    member_check(rf_db, &again, &f);
    assert_int_equal(f.n, 0);
}

static void memberships_and_size_limits(void **state)
{
    (void)state;
    records_set_limits(0, 2);
    char area[UUID_LEN], team[UUID_LEN], a[UUID_LEN], b[UUID_LEN], c[UUID_LEN];
    rf_area("Bản Nà", area);
    rf_team("Tổ CNS bản Nà", area, team);
    rf_member("Lò Văn A", NULL, NULL, team, a);
    rf_member("Lò Thị B", NULL, NULL, team, b);
    rf_member("Quàng Văn C", NULL, NULL, NULL, c);

    membership_rec ms;
    membership_init(&ms);
    snprintf(ms.team_uuid, sizeof ms.team_uuid, "%s", team);
    snprintf(ms.member_uuid, sizeof ms.member_uuid, "%s", a);
    findings f = {.n = 0};
    membership_check(rf_db, &ms, 0, &f);
    assert_int_equal(findings_worst(&f), VALID_ERROR); /* already in the team */

    snprintf(ms.member_uuid, sizeof ms.member_uuid, "%s", c);
    f.n = 0;
    membership_check(rf_db, &ms, 2, &f);
    assert_int_equal(findings_worst(&f), VALID_WARN);
    cdtt_err e;
    assert_int_equal(membership_save(rf_db, &ms, 0, &f, &e), -1);
    assert_int_equal(membership_save(rf_db, &ms, 1, &f, &e), 0);

    int n = 0;
    membership_rec *list = membership_list_for_team(rf_db, team, &n);
    assert_int_equal(n, 3);
    assert_string_equal(list[0].member_uuid, a); /* A, B, C by given name */
    assert_string_equal(list[1].member_uuid, b);
    assert_string_equal(list[2].member_uuid, c);
    free(list);
    list = membership_list_for_member(rf_db, c, &n);
    assert_int_equal(n, 1);
    assert_string_equal(list[0].team_uuid, team);
    assert_string_equal(list[0].role, "member");
    free(list);
    assert_null(membership_list_for_member(rf_db, "none", &n));
    assert_int_equal(n, 0);

    team_rec t;
    assert_int_equal(team_get(rf_db, team, &t), 0);
    assert_int_equal(t.n_members, 3);
    f.n = 0;
    team_check(rf_db, &t, &f);
    assert_int_equal(findings_worst(&f), VALID_WARN); /* 3 > 2 */
    member_rec m;
    assert_int_equal(member_get(rf_db, a, &m), 0);
    assert_string_equal(m.team_names, "Tổ CNS bản Nà");
    assert_int_equal(rf_count("SELECT count(*) FROM audit WHERE tbl = 'membership' AND action = 'insert'"), 3);
}

static void commune_limit_applies_to_commune_teams(void **state)
{
    (void)state;
    records_set_limits(1, 0);
    char commune[UUID_LEN], area[UUID_LEN], village[UUID_LEN], id[UUID_LEN];
    rf_team("Tổ CNS xã", NULL, commune);
    rf_area("Buôn Ma", area);
    rf_team("Tổ CNS buôn Ma", area, village);
    rf_member("Y Bih Niê", NULL, NULL, commune, id);
    rf_member("H'Hen Niê", NULL, NULL, village, id);
    member_rec m;
    member_init(&m);
    snprintf(m.full_name, sizeof m.full_name, "Ama Khăm");
    findings f;
    cdtt_err e;
    /* The commune team is full (1): a warning; the village team has no limit. */
    assert_int_equal(member_save_in_team(rf_db, &m, commune, "member", 0, &f, &e), -1);
    assert_int_equal(findings_worst(&f), VALID_WARN);
    assert_non_null(strstr(f.items[0].msg, "more than the 1 allowed"));
    assert_int_equal(rf_count("SELECT count(*) FROM member"), 2);
    assert_int_equal(member_save_in_team(rf_db, &m, village, "member", 0, &f, &e), 0);
    assert_int_equal(f.n, 0);
    assert_int_equal(rf_count("SELECT count(*) FROM member"), 3);
}

static void defaults_and_findings(void **state)
{
    (void)state;
    team_rec t;
    team_init(&t);
    assert_string_equal(t.level, "village");
    assert_string_equal(t.status, "active");
    assert_string_equal(t.uuid, "");
    membership_rec ms;
    membership_init(&ms);
    assert_string_equal(ms.role, "member");
    member_rec m;
    member_init(&m);
    assert_int_equal(m.consent, 0);
    assert_string_equal(m.gender, "");

    findings f = {.n = 0};
    assert_int_equal(findings_worst(&f), VALID_OK);
    findings_add(&f, VALID_WARN, "phone", "w %d", 1);
    assert_int_equal(findings_worst(&f), VALID_WARN);
    for (int i = 0; i < 40; i++)
        findings_add(&f, VALID_ERROR, "x", "e %d", i);
    assert_int_equal(f.n, 16); /* full: the rest are ignored */
    assert_int_equal(findings_worst(&f), VALID_ERROR);
    assert_string_equal(f.items[0].msg, "w 1");
    assert_string_equal(f.items[15].msg, "e 14");
}

static void updating_a_missing_record_fails(void **state)
{
    (void)state;
    member_rec m;
    member_init(&m);
    snprintf(m.uuid, sizeof m.uuid, "0b8e5e2e-0000-4000-8000-000000000000");
    snprintf(m.full_name, sizeof m.full_name, "Hồ Văn Sơn");
    cdtt_err e;
    assert_int_equal(member_save(rf_db, &m, 1, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "no longer exists"));
    assert_int_equal(rf_count("SELECT count(*) FROM member"), 0);
    assert_int_equal(sqlite3_get_autocommit(rf_db), 1);
}

static void long_team_lists_are_cut_between_letters(void **state)
{
    (void)state;
    char m[UUID_LEN];
    rf_member("Tạ Thị Xuân", NULL, NULL, NULL, m);
    for (int i = 0; i < 10; i++) {
        char name[128], team[UUID_LEN];
        snprintf(name, sizeof name, "Tổ công nghệ số cộng đồng phường Ngọc Hà số %d", i);
        rf_team(name, NULL, team);
        membership_rec ms;
        membership_init(&ms);
        snprintf(ms.team_uuid, sizeof ms.team_uuid, "%s", team);
        snprintf(ms.member_uuid, sizeof ms.member_uuid, "%s", m);
        cdtt_err e;
        assert_int_equal(membership_save(rf_db, &ms, 1, NULL, &e), 0);
    }
    member_rec r;
    assert_int_equal(member_get(rf_db, m, &r), 0);
    assert_true(strlen(r.team_names) >= sizeof r.team_names - 4); /* cut: 10 names do not fit */
    assert_true(text_valid_utf8(r.team_names, strlen(r.team_names)));
    assert_non_null(strstr(r.team_names, "Tổ công nghệ số cộng đồng phường Ngọc Hà số 0, "));
}

static void deletes_join_the_callers_transaction(void **state)
{
    (void)state;
    char m[UUID_LEN];
    rf_member("Kiều Văn Phong", NULL, NULL, NULL, m);
    cdtt_err e;
    assert_int_equal(db_begin(rf_db, &e), 0);
    assert_int_equal(record_delete(rf_db, "member", m, &e), 0);
    assert_int_equal(sqlite3_get_autocommit(rf_db), 0);
    db_rollback(rf_db);
    member_rec r;
    assert_int_equal(member_get(rf_db, m, &r), 0);
    assert_int_equal(r.deleted, 0);
    assert_int_equal(rf_count("SELECT count(*) FROM audit WHERE action = 'delete'"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(area_save_and_get, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(update_keeps_uuid_and_audits_old_row, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(decomposed_input_is_stored_nfc, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(no_office_is_a_clear_error, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(member_fields_are_normalised, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(errors_save_nothing, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(failure_midway_leaves_nothing, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(joins_the_callers_transaction, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(team_checks, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(duplicate_members_warn, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(memberships_and_size_limits, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(commune_limit_applies_to_commune_teams, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(defaults_and_findings, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(updating_a_missing_record_fails, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(long_team_lists_are_cut_between_letters, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(deletes_join_the_callers_transaction, rf_setup, rf_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
