/* test_team_training.c — the training figures the file keeps per team (schema
 * migration 7, table team_training): after saves, second memberships, ended
 * memberships, deletes, undeletes, training marks, sessions, a dissolved team,
 * package imports, a re-import with changes, a forgotten commune and an upgrade
 * from schema 1, a progress table read from them is the table counted from the
 * records, for every grouping, at a commune and at a province. */
#include "package_fixture.h"
#include "config.h"
#include "progress.h"
#include "records.h"
#include "training.h"

static cdtt_config cfg;
static char today[11];

static int setup_cfg(void **state)
{
    config_defaults(&cfg);
    cdtt_err e = {{0}};
    if (progress_parse_as_of(NULL, today, &e) < 0)
        return -1;
    return tu_group_setup(state);
}

static sqlite3 *office_db(const char *name, const char *code, const char *level)
{
    return pf_office(dir, name, code, level, "Văn phòng thử");
}

/* 1 when the kept figures hold today (every date in the file is today or earlier). */
static int kept_hold_today(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT latest <= ?1 FROM team_training_state", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int hold = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return hold;
}

/* The first difference between two rows' figures, or NULL. */
static const char *row_differs(const progress_row *a, const progress_row *b)
{
    if (strcmp(a->key, b->key) != 0)
        return "key";
    if (a->teams != b->teams)
        return "teams";
    if (a->members != b->members)
        return "members";
    if (a->mooc_done != b->mooc_done)
        return "mooc";
    if (a->zalo_done != b->zalo_done)
        return "zalo";
    if (a->teams_trained != b->teams_trained)
        return "trained";
    if (a->activities != b->activities || a->people != b->people || a->households != b->households)
        return "activities";
    return NULL;
}

/* The number of groupings whose table as progress_compute_in makes it (from
 * the kept figures today, per team in one pass on earlier dates) differs from
 * the table counted from each group's records, as of as_of; fails the test on
 * errors. */
static int tables_differing_on(sqlite3 *db, const char *as_of)
{
    static const progress_by BY[] = {PROGRESS_BY_AREA, PROGRESS_BY_COMMUNE, PROGRESS_BY_PROVINCE, PROGRESS_BY_TEAM};
    int differ = 0;
    for (size_t i = 0; i < sizeof BY / sizeof BY[0]; i++) {
        progress_table kept, counted;
        cdtt_err e = {{0}};
        if (progress_compute_in(db, &cfg, BY[i], as_of, NULL, &kept, &e) < 0 ||
            progress_recount_in(db, &cfg, BY[i], as_of, NULL, &counted, &e) < 0)
            fail_msg("progress: %s", e.msg);
        const char *what = kept.n_rows != counted.n_rows ? "rows" : row_differs(&kept.total, &counted.total);
        for (int r = 0; !what && r < kept.n_rows; r++)
            what = row_differs(&kept.rows[r], &counted.rows[r]);
        if (what) {
            print_message("grouping %d as of %s: %s differ\n", (int)BY[i], as_of, what);
            differ++;
        }
        progress_free(&kept);
        progress_free(&counted);
    }
    return differ;
}

/* tables_differing_on today. */
static int tables_differing(sqlite3 *db)
{
    return tables_differing_on(db, today);
}

/* The kept figures are read (they hold today) and give the counted tables; so
 * do the figures per team on dates the kept ones do not hold for: before the
 * demo's sessions and MOOC dates, among them, and before the edits made today. */
static void assert_kept_right(sqlite3 *db)
{
    assert_true(kept_hold_today(db));
    assert_int_equal(tables_differing(db), 0);
    static const char *const EARLIER[] = {"2022-09-30", "2023-06-30", "2025-01-31"};
    for (size_t i = 0; i < sizeof EARLIER / sizeof EARLIER[0]; i++)
        assert_int_equal(tables_differing_on(db, EARLIER[i]), 0);
}

/* The uuid in the first column of sql's row n (0-based) into out. */
static void nth_uuid(sqlite3 *db, const char *sql, int n, char out[UUID_LEN])
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    for (int i = 0; i <= n; i++)
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(out, UUID_LEN, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

#define MEMBERS_SQL "SELECT uuid FROM member WHERE deleted = 0 ORDER BY uuid"

/* The edits a commune makes, each followed by the comparison. */
static void commune_edits(sqlite3 *c)
{
    cdtt_err e = {{0}};
    char a[UUID_LEN], b[UUID_LEN], m3[UUID_LEN], t1[UUID_LEN], t2[UUID_LEN];
    nth_uuid(c, MEMBERS_SQL, 0, a);
    nth_uuid(c, MEMBERS_SQL, 1, b);
    nth_uuid(c, MEMBERS_SQL, 2, m3);
    char others[300]; /* teams a is not in */
    snprintf(others, sizeof others, "SELECT uuid FROM team WHERE deleted = 0 AND uuid NOT IN "
                                    "(SELECT team_uuid FROM membership WHERE member_uuid = '%s') ORDER BY uuid", a);
    nth_uuid(c, others, 0, t1);
    nth_uuid(c, others, 1, t2);

    /* A member in two more teams: counted once per group and in the total. */
    const char *teams[] = {t1, t2};
    for (int i = 0; i < 2; i++) {
        membership_rec ms;
        memset(&ms, 0, sizeof ms);
        snprintf(ms.team_uuid, sizeof ms.team_uuid, "%s", teams[i]);
        snprintf(ms.member_uuid, sizeof ms.member_uuid, "%s", a);
        snprintf(ms.role, sizeof ms.role, "member");
        if (membership_save(c, &ms, 1, NULL, &e) != 0)
            fail_msg("membership_save: %s", e.msg);
    }
    assert_true(db_scalar_int(c, "SELECT count(*) FROM multi_member", 0) >= 1);
    assert_kept_right(c);

    /* Training marks. */
    const char *who[] = {a, b, m3};
    assert_int_equal(training_mooc_set(c, who, 3, "completed", today, NULL, &e), 0);
    assert_int_equal(training_zalo_set(c, who, 2, today, NULL, &e), 0);
    assert_kept_right(c);
    assert_int_equal(training_mooc_set(c, who + 1, 1, "in_progress", "", NULL, &e), 0);
    assert_kept_right(c);

    /* A session attended by members of a team, then marked absent again. */
    training_session_rec s;
    memset(&s, 0, sizeof s);
    snprintf(s.date, sizeof s.date, "%s", today);
    char su[UUID_LEN];
    assert_int_equal(training_session_add(c, &s, su, &e), 0);
    assert_int_equal(training_attendance_mark(c, su, who, 3, 1, NULL, &e), 0);
    assert_kept_right(c);
    assert_int_equal(training_attendance_mark(c, su, who + 2, 1, 0, NULL, &e), 0);
    assert_kept_right(c);

    /* Deletes and undeletes: a member, a membership. */
    assert_int_equal(record_delete(c, "member", b, &e), 0);
    assert_kept_right(c);
    assert_int_equal(record_undelete(c, "member", b, &e), 0);
    assert_kept_right(c);
    char msu[UUID_LEN];
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(c, "SELECT uuid FROM membership WHERE member_uuid = ?1 AND deleted = 0",
                                        -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, m3, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(msu, sizeof msu, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    assert_int_equal(record_delete(c, "membership", msu, &e), 0);
    assert_kept_right(c);
    assert_int_equal(record_undelete(c, "membership", msu, &e), 0);
    assert_kept_right(c);

    /* Edits with the sqlite3 shell: an ended membership, a dissolved team, a
     * session deleted, a member's MOOC reset. */
    static const char *const HAND_EDITS[] = {
        "UPDATE membership SET date_to = '2024-05-01' WHERE uuid = "
        "(SELECT uuid FROM membership WHERE deleted = 0 ORDER BY uuid LIMIT 1 OFFSET 5)",
        "UPDATE team SET status = 'dissolved' WHERE uuid = (SELECT uuid FROM team ORDER BY uuid LIMIT 1 OFFSET 3)",
        "UPDATE training_session SET deleted = 1 WHERE uuid = (SELECT uuid FROM training_session ORDER BY uuid LIMIT 1)",
        "UPDATE member SET mooc_status = 'not_started', mooc_date = NULL "
        "WHERE mooc_status = 'completed' AND rowid % 3 = 0",
    };
    for (size_t i = 0; i < sizeof HAND_EDITS / sizeof HAND_EDITS[0]; i++) {
        assert_int_equal(db_exec(c, HAND_EDITS[i], &e), 0);
        assert_kept_right(c);
    }
}

static void commune_saves_and_edits(void **state)
{
    (void)state;
    sqlite3 *c = pf_demo_office(dir, "commune.db", "00004", "commune", 300, 5);
    assert_true(db_scalar_int(c, "SELECT count(*) FROM team_training", 0) > 0);
    assert_kept_right(c);
    commune_edits(c);
    db_close(c);
}

/* Packages from two communes imported at the province, again after changes
 * below, then one commune forgotten: the province's kept figures follow. */
static void province_imports(void **state)
{
    (void)state;
    cdtt_err e = {{0}};
    const char *const codes[] = {"00004", "00008"};
    sqlite3 *prov = office_db("province.db", "01", "province");
    sqlite3 *c[2];
    char pkg[2][700];
    for (int i = 0; i < 2; i++) {
        char name[32];
        snprintf(name, sizeof name, "c%d.db", i);
        c[i] = pf_demo_office(dir, name, codes[i], "commune", 200, 11 + (unsigned)i);
        snprintf(pkg[i], sizeof pkg[i], "%s/c%d.cdtt", dir, i);
        pf_send_up(c[i], prov, pkg[i]);
    }
    assert_int_equal(db_scalar_int(prov, "SELECT count(*) FROM member", 0), 400);
    assert_kept_right(prov);

    commune_edits(c[0]);
    pf_send_up(c[0], prov, pkg[0]);
    assert_kept_right(prov);

    char name[128];
    long long withdrawn = 0;
    assert_int_equal(package_forget(prov, "00008", name, sizeof name, &withdrawn, &e), 0);
    assert_true(withdrawn > 0);
    assert_kept_right(prov);
    for (int i = 0; i < 2; i++)
        db_close(c[i]);
    db_close(prov);
}

/* A file written before migration 7 gets its kept figures when it is opened. */
static void upgrade_from_schema_1(void **state)
{
    (void)state;
    sqlite3 *db = pf_upgraded_demo(dir, "new.db", "old.db", 200, 9);
    assert_int_equal(db_user_version(db), CDTT_SCHEMA_VERSION);
    assert_kept_right(db);
    db_close(db);
}

/* The comparison can fail: a wrong kept figure is seen; a date after today
 * keeps the kept figures from being read at all. */
static void wrong_figures_are_seen(void **state)
{
    (void)state;
    cdtt_err e = {{0}};
    sqlite3 *db = pf_demo_office(dir, "wrong.db", "00004", "commune", 100, 4);
    assert_kept_right(db);
    assert_int_equal(db_exec(db, "UPDATE team_training SET members = members + 1 WHERE team_uuid = "
                                 "(SELECT uuid FROM team WHERE deleted = 0 AND status = 'active' LIMIT 1)", &e), 0);
    assert_true(tables_differing(db) > 0);
    /* A membership that starts after today: the figures no longer hold, the
     * report counts from the records and is right again. */
    assert_int_equal(db_exec(db, "UPDATE membership SET date_from = '2999-01-01' WHERE uuid = "
                                 "(SELECT uuid FROM membership LIMIT 1)", &e), 0);
    assert_false(kept_hold_today(db));
    assert_int_equal(tables_differing(db), 0);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(commune_saves_and_edits),
        cmocka_unit_test(province_imports),
        cmocka_unit_test(upgrade_from_schema_1),
        cmocka_unit_test(wrong_figures_are_seen),
    };
    return cmocka_run_group_tests(tests, setup_cfg, tu_group_teardown);
}
