/* test_progress.c — the training indicators, as of dates, on real SQLite files. */
#include "training_fixture.h"
#include "config.h"
#include "progress.h"
#include "progress-sql.h"

static cdtt_config cfg;
static int n_db;

static int setup(void **state)
{
    (void)state;
    char name[32];
    snprintf(name, sizeof name, "p%d.db", n_db++);
    config_defaults(&cfg);
    return tu_db_setup(name);
}

/* Computes by area as of date; fails the test on error. */
static progress_table compute(progress_by by, const char *as_of)
{
    progress_table t;
    cdtt_err e = {{0}};
    if (progress_compute(db, &cfg, by, as_of, &t, &e) < 0)
        fail_msg("progress_compute: %s", e.msg);
    return t;
}

static const progress_row *row_named(const progress_table *t, const char *name)
{
    for (int i = 0; i < t->n_rows; i++)
        if (strcmp(t->rows[i].name, name) == 0)
            return &t->rows[i];
    fail_msg("no row %s", name);
    return NULL;
}

static void no_members_gives_zeros_and_no_status(void **state)
{
    (void)state;
    progress_table t = compute(PROGRESS_BY_AREA, "2022-10-01");
    assert_int_equal(t.n_rows, 0);
    assert_int_equal(t.total.members, 0);
    assert_int_equal(t.total.teams, 0);
    assert_true(progress_percent(t.total.mooc_done, t.total.members) < 0);
    assert_int_equal(progress_status_of(&cfg.targets[TARGET_MOOC], 0, 0, "2023-01-01"), PSTATUS_NONE);
    progress_free(&t);

    fx_area(db, "a1", "Thôn Đông");
    t = compute(PROGRESS_BY_AREA, "2022-10-01");
    assert_int_equal(t.n_rows, 1); /* a village without a team still shows */
    assert_string_equal(t.rows[0].name, "Thôn Đông");
    assert_int_equal(t.rows[0].teams, 0);
    progress_free(&t);
}

static void counts_mooc_and_zalo_as_of_date(void **state)
{
    (void)state;
    fx_area(db, "a1", "Thôn Đông");
    fx_team(db, "t1", "a1", "Tổ CNS thôn Đông");
    fx_member_full(db, "m1", "Nguyễn Văn An", "completed", "2022-10-01", "2022-09-01", "0");
    fx_member_full(db, "m2", "Trần Thị Bình", "in_progress", NULL, "2022-11-15", "0");
    fx_member_full(db, "m3", "Lê Văn Cường", "completed", NULL, NULL, "0");
    fx_member_full(db, "m4", "Phạm Thị Dung", "completed", "2022-12-01", NULL, "0");
    for (int i = 1; i <= 4; i++) {
        char m[4];
        snprintf(m, sizeof m, "m%d", i);
        fx_join(db, "t1", m);
    }
    progress_table t = compute(PROGRESS_BY_AREA, "2022-10-15");
    const progress_row *r = row_named(&t, "Thôn Đông");
    assert_int_equal(r->teams, 1);
    assert_int_equal(r->members, 4);
    assert_int_equal(r->mooc_done, 2); /* m1 (dated before), m3 (no date); m4 later; m2 in progress */
    assert_int_equal(r->zalo_done, 1); /* only m1 by 15/10 */
    assert_int_equal(t.total.members, 4);
    progress_free(&t);

    t = compute(PROGRESS_BY_AREA, "2022-12-31");
    assert_int_equal(t.total.mooc_done, 3);
    assert_int_equal(t.total.zalo_done, 2);
    progress_free(&t);
}

static void members_who_left_or_not_yet_joined_do_not_count(void **state)
{
    (void)state;
    fx_team(db, "t1", NULL, "Tổ CNS xã");
    fx_member(db, "left", "Đỗ Văn Đi");
    fx_member(db, "leaving", "Ngô Văn Sắp");
    fx_member(db, "future", "Vũ Văn Sau");
    fx_member(db, "back", "Hồ Văn Về");
    fx_join_full(db, "t1", "left", "2022-01-01", "2022-06-30", "0");
    fx_join_full(db, "t1", "leaving", "2022-01-01", "2022-12-31", "0");
    fx_join_full(db, "t1", "future", "2022-11-01", NULL, "0");
    fx_join_full(db, "t1", "back", "2022-01-01", "2022-03-01", "0");
    fx_join_full(db, "t1", "back", "2022-09-01", NULL, "0");
    progress_table t = compute(PROGRESS_BY_AREA, "2022-10-01");
    assert_int_equal(t.total.members, 2); /* leaving, back (counted once) */
    assert_int_equal(t.n_rows, 1);
    assert_string_equal(t.rows[0].name, "Commune-level teams");
    progress_free(&t);
    t = compute(PROGRESS_BY_AREA, "2022-12-31"); /* date_to is exclusive: "leaving" is gone */
    assert_int_equal(t.total.members, 2);         /* back, future */
    progress_free(&t);
}

static void deleted_records_and_dissolved_teams_do_not_count(void **state)
{
    (void)state;
    fx_area(db, "a1", "Thôn Tây");
    fx_team(db, "live", "a1", "Tổ sống");
    fx_team_full(db, "gone", "a1", "Tổ đã xoá", "active", "1", NULL);
    fx_team_full(db, "dis", "a1", "Tổ giải thể", "dissolved", "0", NULL);
    fx_team_full(db, "new", "a1", "Tổ mới", "active", "0", "2023-01-01");
    fx_member(db, "ok", "Người Còn");
    fx_member_full(db, "del", "Người Xoá", "completed", NULL, NULL, "1");
    fx_member(db, "unjoined", "Người Rời");
    fx_member(db, "indis", "Người Tổ Giải Thể");
    fx_join(db, "live", "ok");
    fx_join(db, "live", "del");
    fx_join_full(db, "live", "unjoined", NULL, NULL, "1");
    fx_join(db, "gone", "ok");
    fx_join(db, "dis", "indis");
    fx_session(db, "s1", "2022-09-01");
    fx_attend(db, "s1", "indis");
    progress_table t = compute(PROGRESS_BY_AREA, "2022-10-01");
    const progress_row *r = row_named(&t, "Thôn Tây");
    assert_int_equal(r->teams, 1);
    assert_int_equal(r->members, 1);
    assert_int_equal(r->mooc_done, 0);
    assert_int_equal(r->teams_trained, 0);
    progress_free(&t);
    t = compute(PROGRESS_BY_AREA, "2023-01-01"); /* the new team's decision takes effect */
    assert_int_equal(t.total.teams, 2);
    progress_free(&t);
}

static void member_of_two_teams_counts_once_in_total(void **state)
{
    (void)state;
    fx_area(db, "a1", "Thôn Một");
    fx_team(db, "tc", NULL, "Tổ CNS xã");
    fx_team(db, "t1", "a1", "Tổ thôn Một");
    fx_member_full(db, "m", "Bùi Văn Hai", "completed", "2022-09-01", NULL, "0");
    fx_join(db, "tc", "m");
    fx_join(db, "t1", "m");
    progress_table t = compute(PROGRESS_BY_AREA, "2022-10-01");
    assert_int_equal(t.n_rows, 2);
    assert_string_equal(t.rows[0].name, "Commune-level teams"); /* first */
    assert_int_equal(t.rows[0].members, 1);
    assert_int_equal(t.rows[1].members, 1);
    assert_int_equal(t.total.members, 1);
    assert_int_equal(t.total.mooc_done, 1);
    assert_int_equal(t.total.teams, 2);
    progress_free(&t);
}

static void team_trained_only_by_its_members_at_the_session(void **state)
{
    (void)state;
    fx_team(db, "t1", NULL, "Tổ A");
    fx_team(db, "t2", NULL, "Tổ B");
    fx_member(db, "late", "Người Đến Sau");
    fx_member(db, "x", "Người X");
    fx_member(db, "y", "Người Y");
    fx_join_full(db, "t1", "late", "2022-09-01", NULL, "0"); /* joined after the session */
    fx_join(db, "t2", "x");
    fx_join(db, "t2", "y");
    fx_session(db, "s1", "2022-08-01");
    fx_session(db, "s2", "2022-10-10");
    fx_attend(db, "s1", "late");
    fx_attend(db, "s1", "x");
    fx_attend(db, "s2", "y");
    progress_table t = compute(PROGRESS_BY_AREA, "2022-09-30");
    assert_int_equal(t.total.teams, 2);
    assert_int_equal(t.total.teams_trained, 1); /* t2 by x; t1 trained before "late" joined */
    progress_free(&t);

    cfg.inperson_min_attendees = 2;
    t = compute(PROGRESS_BY_AREA, "2022-09-30");
    assert_int_equal(t.total.teams_trained, 0);
    progress_free(&t);
    t = compute(PROGRESS_BY_AREA, "2022-10-10"); /* y at the second session makes two */
    assert_int_equal(t.total.teams_trained, 1);
    progress_free(&t);
}

static void status_against_deadlines(void **state)
{
    (void)state;
    cdtt_target tg = {100.0, "2022-11-30"};
    assert_int_equal(progress_status_of(&tg, 5, 10, "2022-12-01"), PSTATUS_BEHIND);
    assert_int_equal(progress_status_of(&tg, 5, 10, "2022-11-30"), PSTATUS_AT_RISK);
    assert_int_equal(progress_status_of(&tg, 5, 10, "2022-10-31"), PSTATUS_AT_RISK); /* 30 days */
    assert_int_equal(progress_status_of(&tg, 5, 10, "2022-10-30"), PSTATUS_ON_TRACK); /* 31 days */
    assert_int_equal(progress_status_of(&tg, 10, 10, "2023-06-01"), PSTATUS_REACHED);
    cdtt_target third = {66.7, "2022-01-01"};
    assert_int_equal(progress_status_of(&third, 2, 3, "2023-01-01"), PSTATUS_BEHIND); /* 66.66 < 66.7 */
    cdtt_target two_thirds = {66.0, "2022-01-01"};
    assert_int_equal(progress_status_of(&two_thirds, 2, 3, "2023-01-01"), PSTATUS_REACHED);
    assert_int_equal(progress_days_between("2022-02-28", "2022-03-01"), 1);
    assert_int_equal(progress_days_between("2024-02-28", "2024-03-01"), 2);
    assert_int_equal(progress_days_between("2022-12-31", "2022-01-01"), -364);
}

static void activities_of_the_month_only(void **state)
{
    (void)state;
    fx_team(db, "t1", NULL, "Tổ A");
    fx_activity(db, "ac1", "t1", "2022-09-30", "100", "40");
    fx_activity(db, "ac2", "t1", "2022-10-01", "10", "4");
    fx_activity(db, "ac3", "t1", "2022-10-20", "5", "2");
    fx_activity(db, "ac4", "t1", "2022-10-21", "7", "3");
    progress_table t = compute(PROGRESS_BY_AREA, "2022-10-20");
    assert_int_equal(t.total.activities, 2);
    assert_int_equal(t.total.people, 15);
    assert_int_equal(t.total.households, 6);
    progress_free(&t);
}

static void groups_by_commune_and_province(void **state)
{
    (void)state;
    const char *p[] = {NULL};
    fx_run(db, "INSERT INTO unit (scheme, level, code, name, parent_code, province_code, name_fold) VALUES "
               "('2025-07', 'province', '01', 'Thành phố Hà Nội', NULL, '01', 'thanh pho ha noi'), "
               "('2025-07', 'commune', '00082', 'Phường Cửa Nam', '01', '01', 'phuong cua nam')", p, 0);
    fx_team(db, "t1", NULL, "Tổ A");
    fx_member(db, "m", "Người M");
    fx_join(db, "t1", "m");
    progress_table t = compute(PROGRESS_BY_COMMUNE, "2022-10-01");
    assert_int_equal(t.n_rows, 1);
    assert_string_equal(t.rows[0].name, "Phường Cửa Nam");
    assert_string_equal(t.rows[0].code, "00082");
    assert_int_equal(t.rows[0].members, 1);
    progress_free(&t);
    t = compute(PROGRESS_BY_PROVINCE, "2022-10-01");
    assert_string_equal(t.rows[0].name, "Thành phố Hà Nội");
    progress_free(&t);
    cdtt_err e = {{0}};
    fx_office(db); /* commune 00082, 2025-07 */
    assert_int_equal(progress_compute(db, &cfg, PROGRESS_BY_DISTRICT, "2022-10-01", &t, &e), -1);
    assert_non_null(strstr(e.msg, "no districts")); /* the 2025 scheme has none: said plainly */

    /* A pre-2025 commune under a district; old codes mean something else in the new scheme. */
    fx_run(db, "INSERT INTO unit (scheme, level, code, name, parent_code, province_code, name_fold) VALUES "
               "('pre-2025', 'province', '01', 'Thành phố Hà Nội', NULL, '01', 'thanh pho ha noi'), "
               "('pre-2025', 'district', '001', 'Quận Ba Đình', '01', '01', 'quan ba dinh'), "
               "('pre-2025', 'commune', '00082', 'Phường Trần Hưng Đạo', '001', '01', 'phuong tran hung dao')",
           p, 0);
    fx_run(db, "UPDATE team SET unit_scheme = 'pre-2025'", p, 0);
    fx_run(db, "UPDATE office SET scheme = 'pre-2025'", p, 0);
    t = compute(PROGRESS_BY_DISTRICT, "2022-10-01");
    assert_int_equal(t.n_rows, 1);
    assert_string_equal(t.rows[0].name, "Quận Ba Đình");
    assert_string_equal(t.rows[0].code, "001");
    assert_int_equal(t.rows[0].members, 1);
    progress_free(&t);
    t = compute(PROGRESS_BY_COMMUNE, "2022-10-01");
    assert_string_equal(t.rows[0].name, "Phường Trần Hưng Đạo");
    progress_free(&t);
}

/* Collects a missing list (at most 8 items) for the assertions. */
typedef struct {
    progress_missing_item it[8];
    int n;
} collected;

static int collect(const progress_missing_item *it, void *arg)
{
    collected *c = arg;
    if (c->n < 8)
        c->it[c->n++] = *it;
    return 0;
}

static void missing_lists(void **state)
{
    (void)state;
    fx_area(db, "a1", "Thôn Đông");
    fx_area(db, "a2", "Thôn Tây");
    fx_team(db, "t1", "a1", "Tổ Đông");
    fx_team(db, "t2", "a2", "Tổ Tây");
    fx_member_full(db, "m1", "Nguyễn Văn Bình", "completed", "2022-09-01", "2022-09-01", "0");
    fx_member_full(db, "m2", "Trần Văn An", "in_progress", NULL, NULL, "0");
    fx_member(db, "m3", "Lê Thị Cúc");
    fx_join(db, "t1", "m1");
    fx_join(db, "t1", "m2");
    fx_join(db, "t2", "m3");
    fx_session(db, "s1", "2022-09-01");
    fx_attend(db, "s1", "m1");
    static collected c;
    progress_missing_item *it = c.it;
    cdtt_err e;
    assert_int_equal(progress_missing(db, &cfg, TARGET_MOOC, "2022-10-01", NULL, collect, &c, &e), 2);
    assert_int_equal(c.n, 2);
    assert_string_equal(it[0].name, "Trần Văn An"); /* An before Cúc: given names first */
    assert_string_equal(it[0].detail, "in_progress");
    assert_string_equal(it[0].teams, "Tổ Đông");
    assert_string_equal(it[1].name, "Lê Thị Cúc");
    assert_string_equal(it[1].area, "Thôn Tây");
    c.n = 0;
    assert_int_equal(progress_missing(db, &cfg, TARGET_ZALO, "2022-10-01", "a1", collect, &c, &e), 1);
    assert_string_equal(it[0].uuid, "m2");
    c.n = 0;
    assert_int_equal(progress_missing(db, &cfg, TARGET_INPERSON, "2022-10-01", NULL, collect, &c, &e), 1);
    assert_string_equal(it[0].name, "Tổ Tây");
    assert_string_equal(it[0].detail, "0/1");

    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(report_missing(f, db, &cfg, TARGET_MOOC, "2022-10-01", NULL, REPORT_TEXT, &e), 2);
    fclose(f);
    assert_non_null(strstr(buf, "as of 01/10/2022: 2\n"));
    assert_non_null(strstr(buf, "  1  Trần Văn An"));
    assert_true(strstr(buf, "Trần Văn An") < strstr(buf, "Lê Thị Cúc"));
    free(buf);
}

/* Writes the table in fmt to a string (malloc'd). */
static char *render(const progress_table *t, report_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    report_progress_write(f, t, fmt);
    fclose(f);
    return buf;
}

static void report_formats(void **state)
{
    (void)state;
    fx_area(db, "a1", "Tổ dân phố Nguyễn Trãi Kéo Dài Rất Dài Tên");
    fx_team(db, "t1", "a1", "Tổ A");
    fx_member_full(db, "m1", "Người \"Một\"", "completed", "2022-09-01", NULL, "0");
    fx_member(db, "m2", "Người Hai");
    fx_join(db, "t1", "m1");
    fx_join(db, "t1", "m2");
    progress_table t = compute(PROGRESS_BY_AREA, "2022-12-01");
    char *text = render(&t, REPORT_TEXT);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
        assert_true(text_width(line) <= 80);
    free(text);
    text = render(&t, REPORT_TEXT);
    assert_non_null(strstr(text, "50.0%!")); /* MOOC behind after 30/11/2022 */
    assert_non_null(strstr(text, "BEHIND SCHEDULE"));
    assert_non_null(strstr(text, "Tổ dân phố Nguyễn")); /* cut to fit 80 columns, marked */
    assert_non_null(strstr(text, "…  "));
    assert_null(strstr(text, "Rất Dài Tên"));
    free(text);
    char *csv = render(&t, REPORT_CSV);
    assert_non_null(strstr(csv, ",Total,1,2,1,50.0,0,0.0,0,0.0,0,0,0\r\n"));
    free(csv);
    char *json = render(&t, REPORT_JSON);
    assert_non_null(strstr(json, "\"mooc_pct\": 50.0, \"mooc_status\": \"behind\""));
    assert_non_null(strstr(json, "\"totals\": {\"code\": \"\", \"name\": \"Total\""));
    free(json);
    progress_free(&t);
}

/* A province (01) over three communes: 00082 and 00085 sent data, 00088 nothing. */
static void province_fixture(void)
{
    const char *p[] = {NULL};
    fx_office(db);
    fx_run(db, "UPDATE office SET level = 'province', code = '01', name = 'Thành phố Hà Nội'", p, 0);
    fx_run(db, "INSERT INTO unit (scheme, level, code, name, parent_code, province_code, name_fold) VALUES "
               "('2025-07', 'province', '01', 'Thành phố Hà Nội', NULL, '01', 'thanh pho ha noi'), "
               "('2025-07', 'province', '02', 'Tỉnh Khác', NULL, '02', 'tinh khac'), "
               "('2025-07', 'commune', '00082', 'Phường Cửa Nam', '01', '01', 'phuong cua nam'), "
               "('2025-07', 'commune', '00085', 'Phường Hoàn Kiếm', '01', '01', 'phuong hoan kiem'), "
               "('2025-07', 'commune', '00088', 'Xã Im Lặng', '01', '01', 'xa im lang'), "
               "('2025-07', 'commune', '00099', 'Xã Tỉnh Khác', '02', '02', 'xa tinh khac')", p, 0);
    fx_area(db, "a2", "Thôn Một");
    fx_team(db, "t1", NULL, "Tổ xã Cửa Nam");
    fx_team(db, "t2", NULL, "Tổ xã Hoàn Kiếm");
    fx_team(db, "t3", "a2", "Tổ thôn Một");
    fx_member_full(db, "m1", "Người Một", "completed", "2022-09-01", NULL, "0");
    fx_member(db, "m2", "Người Hai");
    fx_member(db, "m3", "Người Ba");
    fx_join(db, "t1", "m1");
    fx_join(db, "t2", "m2");
    fx_join(db, "t3", "m3");
    fx_run(db, "UPDATE team SET unit_code = '00085' WHERE uuid IN ('t2', 't3')", p, 0);
    fx_run(db, "UPDATE area SET unit_code = '00085'", p, 0);
    fx_run(db, "UPDATE member SET unit_code = '00085' WHERE uuid IN ('m2', 'm3')", p, 0);
}

static const progress_row *row_coded(const progress_table *t, const char *code)
{
    for (int i = 0; i < t->n_rows; i++)
        if (strcmp(t->rows[i].code, code) == 0)
            return &t->rows[i];
    fail_msg("no row %s", code);
    return NULL;
}

static void province_lists_every_commune_and_drills_down(void **state)
{
    (void)state;
    province_fixture();
    progress_table t = compute(PROGRESS_BY_COMMUNE, "2022-10-01");
    assert_true(t.consolidated);
    assert_int_equal(t.n_rows, 3); /* every commune of the province, not the other province's */
    assert_int_equal(row_coded(&t, "00082")->sent, 1);
    assert_int_equal(row_coded(&t, "00085")->members, 2);
    assert_int_equal(row_coded(&t, "00088")->sent, 0); /* marked as sending nothing */
    assert_int_equal(row_coded(&t, "00088")->teams, 0);
    assert_int_equal(t.n_unsent, 1);
    assert_int_equal(t.total.members, 3);
    progress_sort(&t, PROGRESS_SORT_PROGRESS, TARGET_MOOC);
    assert_string_equal(t.rows[0].code, "00082"); /* 100% first */
    assert_string_equal(t.rows[2].code, "00088"); /* nothing sent: last */
    progress_keep_behind(&t);
    assert_int_equal(t.n_rows, 2); /* both behind on the Zalo OA; 00088 sent nothing: not "behind" */
    assert_int_not_equal(strcmp(t.rows[0].code, "00088"), 0);
    assert_int_not_equal(strcmp(t.rows[1].code, "00088"), 0);
    progress_free(&t);

    /* Below the communes each row has its commune; commune-level teams are one row per commune. */
    t = compute(PROGRESS_BY_AREA, "2022-10-01");
    assert_int_equal(t.n_rows, 3);
    assert_string_equal(t.rows[0].commune_code, "00082");
    assert_string_equal(t.rows[0].name, "Commune-level teams");
    assert_string_equal(t.rows[1].commune_code, "00085");
    assert_string_equal(t.rows[1].name, "Commune-level teams");
    assert_string_equal(t.rows[2].name, "Thôn Một");
    assert_string_equal(t.rows[2].commune_name, "Phường Hoàn Kiếm");
    progress_free(&t);

    /* Drill-down: commune 00085 → its teams → a team's members. */
    progress_scope sc;
    memset(&sc, 0, sizeof sc);
    cdtt_err e = {{0}};
    assert_int_equal(progress_scope_commune(db, "00099", &sc, &e), -1); /* another province's */
    assert_int_equal(progress_scope_commune(db, "00085", &sc, &e), 0);
    assert_int_equal(progress_compute_in(db, &cfg, PROGRESS_BY_TEAM, "2022-10-01", &sc, &t, &e), 0);
    assert_int_equal(t.n_rows, 2);
    assert_int_equal(t.total.members, 2);
    progress_free(&t);
    snprintf(sc.team, sizeof sc.team, "t3");
    assert_int_equal(progress_compute_in(db, &cfg, PROGRESS_BY_MEMBER, "2022-10-01", &sc, &t, &e), 0);
    assert_int_equal(t.n_rows, 1);
    assert_string_equal(t.rows[0].name, "Người Ba");
    assert_int_equal(t.rows[0].members, 1);
    assert_int_equal(t.rows[0].teams, 1);
    progress_free(&t);
    memset(&sc, 0, sizeof sc);
    snprintf(sc.area, sizeof sc.area, "%s", PROGRESS_NO_AREA);
    assert_int_equal(progress_compute_in(db, &cfg, PROGRESS_BY_TEAM, "2022-10-01", &sc, &t, &e), 0);
    assert_int_equal(t.n_rows, 2); /* the commune-level teams of both communes */
    progress_free(&t);
}

static void parses_arguments(void **state)
{
    (void)state;
    progress_by by;
    report_format fmt;
    char d[11];
    cdtt_err e;
    assert_int_equal(progress_by_parse("province", &by), 0);
    assert_int_equal(by, PROGRESS_BY_PROVINCE);
    assert_int_equal(progress_by_parse("village", &by), -1);
    assert_int_equal(report_format_parse("json", &fmt), 0);
    assert_int_equal(fmt, REPORT_JSON);
    assert_int_equal(report_format_parse("xlsx", &fmt), -1);
    assert_int_equal(progress_parse_as_of("05/10/2022", d, &e), 0);
    assert_string_equal(d, "2022-10-05");
    assert_int_equal(progress_parse_as_of("2022-10-05", d, &e), 0);
    assert_string_equal(d, "2022-10-05");
    assert_int_equal(progress_parse_as_of("31/02/2022", d, &e), -1);
    assert_int_equal(progress_parse_as_of("\xff", d, &e), -1);
    assert_int_equal(progress_parse_as_of(NULL, d, &e), 0);
    assert_int_equal(strlen(d), 10);

    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    report_json_string(f, "Thôn \"Đông\"\\\n\t\x01");
    fclose(f);
    assert_string_equal(buf, "\"Thôn \\\"Đông\\\"\\\\\\n\\t\\u0001\"");
    free(buf);
}

static void long_texts_are_cut_between_characters(void **state)
{
    (void)state;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT 'ễễễ', NULL, 'ab'", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    char small[5], tiny[3];
    progress_copy_col(small, sizeof small, st, 0);
    assert_string_equal(small, "ễ"); /* not "ễ" plus a broken byte */
    progress_copy_col(small, sizeof small, st, 1);
    assert_string_equal(small, "");
    progress_copy_col(tiny, sizeof tiny, st, 2);
    assert_string_equal(tiny, "ab");
    sqlite3_finalize(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(no_members_gives_zeros_and_no_status, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(counts_mooc_and_zalo_as_of_date, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(province_lists_every_commune_and_drills_down, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(members_who_left_or_not_yet_joined_do_not_count, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(deleted_records_and_dissolved_teams_do_not_count, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(member_of_two_teams_counts_once_in_total, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(team_trained_only_by_its_members_at_the_session, setup, tu_db_teardown),
        cmocka_unit_test(status_against_deadlines),
        cmocka_unit_test_setup_teardown(activities_of_the_month_only, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(groups_by_commune_and_province, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(missing_lists, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(report_formats, setup, tu_db_teardown),
        cmocka_unit_test(parses_arguments),
        cmocka_unit_test_setup_teardown(long_texts_are_cut_between_characters, setup, tu_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
