/* test_records_list.c — keyset paging over generated members (forward, backward,
 * from the middle, with search and filters), Vietnamese order, counts, and the
 * query plan of the unfiltered member list. */
#include "records_fixture.h"
#include "text.h"

#define N_MEMBERS 500

static const char *const FAMILY[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ"};
static const char *const MIDDLE[] = {"Văn", "Thị", "Hữu", "Ngọc", "Đức"};
static const char *const GIVEN[] = {"Anh", "Ánh", "Bình", "Cúc", "Dũng", "Đức", "Hằng", "Hà",
                                    "Hải", "Long", "Lan", "Ơn", "Ông", "Yến", "Ý"};
#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

static char names[N_MEMBERS][128];

/* For the whole group: saves N_MEMBERS members (in one transaction, as an
 * import would) in teams of 50: member i is in team i / 50. */
static int list_setup(void **state)
{
    if (rf_setup(state) != 0)
        return -1;
    cdtt_err e;
    char area[UUID_LEN], teams[N_MEMBERS / 50][UUID_LEN];
    rf_area("Khu phố 1", area);
    for (int t = 0; t < N_MEMBERS / 50; t++) {
        char tn[64];
        snprintf(tn, sizeof tn, "Tổ %02d", t);
        rf_team(tn, area, teams[t]);
    }
    if (db_begin(rf_db, &e) != 0)
        return -1;
    for (int i = 0; i < N_MEMBERS; i++) {
        snprintf(names[i], sizeof names[i], "%s %s %s", FAMILY[i % COUNT(FAMILY)],
                 MIDDLE[(i / 3) % COUNT(MIDDLE)], GIVEN[(i * 7) % COUNT(GIVEN)]);
        member_rec m;
        member_init(&m);
        snprintf(m.full_name, sizeof m.full_name, "%s", names[i]);
        if (member_save_in_team(rf_db, &m, teams[i / 50], i % 50 == 0 ? "leader" : "member", 1, NULL,
                                &e) != 0)
            return -1;
    }
    return db_commit(rf_db, &e);
}

/* Reads the whole list in pages of `page` rows; returns a malloc'd array of n rows. */
static member_rec *read_all(const list_filter *f, int dir, int page, int *n)
{
    member_rec *all = xcalloc(N_MEMBERS + 1, sizeof *all);
    member_rec *buf = xcalloc((size_t)page, sizeof *buf);
    list_pos pos;
    int have_pos = 0, total = 0, got;
    cdtt_err e;
    while ((got = member_page(rf_db, f, have_pos ? &pos : NULL, dir, page, buf, &e)) > 0) {
        assert_true(total + got <= N_MEMBERS);
        if (dir > 0) {
            memcpy(all + total, buf, (size_t)got * sizeof *buf);
        } else {
            memmove(all + got, all, (size_t)total * sizeof *all);
            memcpy(all, buf, (size_t)got * sizeof *buf);
        }
        total += got;
        const member_rec *edge = dir > 0 ? &buf[got - 1] : &buf[0];
        snprintf(pos.sort_key, sizeof pos.sort_key, "%s", edge->sort_key);
        snprintf(pos.uuid, sizeof pos.uuid, "%s", edge->uuid);
        have_pos = 1;
    }
    assert_int_equal(got, 0);
    free(buf);
    *n = total;
    return all;
}

/* Fails unless rows are in Vietnamese order by given name, then family and
 * middle names, with no uuid twice. */
static void assert_list_order(const member_rec *rows, int n)
{
    for (int i = 1; i < n; i++) {
        char *a = text_name_sort_key(rows[i - 1].full_name), *b = text_name_sort_key(rows[i].full_name);
        assert_true(strcmp(a, b) <= 0);
        free(a);
        free(b);
        for (int j = 0; j < i; j++)
            assert_string_not_equal(rows[i].uuid, rows[j].uuid);
    }
}

static void forward_and_backward_see_every_row_once(void **state)
{
    (void)state;
    int n1, n2, n3;
    member_rec *fwd = read_all(NULL, 1, 37, &n1);
    member_rec *back = read_all(NULL, -1, 23, &n2);
    member_rec *one = read_all(NULL, 1, N_MEMBERS + 10, &n3);
    assert_int_equal(n1, N_MEMBERS);
    assert_int_equal(n2, N_MEMBERS);
    assert_int_equal(n3, N_MEMBERS);
    assert_list_order(fwd, n1);
    for (int i = 0; i < N_MEMBERS; i++) {
        assert_string_equal(fwd[i].uuid, back[i].uuid);
        assert_string_equal(fwd[i].uuid, one[i].uuid);
    }
    /* Given names in Vietnamese order: A before Á, D before Đ, H before Ơ before Y. */
    int first_anh = -1, first_ánh = -1, last_dung = -1, first_duc = -1, first_on = -1;
    for (int i = 0; i < N_MEMBERS; i++) {
        const char *g = strrchr(fwd[i].full_name, ' ') + 1;
        if (!strcmp(g, "Anh") && first_anh < 0) first_anh = i;
        if (!strcmp(g, "Ánh") && first_ánh < 0) first_ánh = i;
        if (!strcmp(g, "Dũng")) last_dung = i;
        if (!strcmp(g, "Đức") && first_duc < 0) first_duc = i;
        if (!strcmp(g, "Ơn") && first_on < 0) first_on = i;
    }
    assert_int_equal(first_anh, 0);
    assert_true(first_anh < first_ánh);
    assert_true(last_dung < first_duc);
    assert_true(first_duc < first_on);
    assert_string_equal(strrchr(fwd[N_MEMBERS - 1].full_name, ' ') + 1, "Yến");
    assert_int_equal(member_count(rf_db, NULL), N_MEMBERS);
    assert_true(fwd[0].team_names[0] != '\0');
    free(fwd);
    free(back);
    free(one);
}

static void a_page_from_the_middle(void **state)
{
    (void)state;
    int n;
    member_rec *all = read_all(NULL, 1, 100, &n);
    list_pos pos;
    snprintf(pos.sort_key, sizeof pos.sort_key, "%s", all[250].sort_key);
    snprintf(pos.uuid, sizeof pos.uuid, "%s", all[250].uuid);
    member_rec rows[10];
    cdtt_err e;
    assert_int_equal(member_page(rf_db, NULL, &pos, 1, 10, rows, &e), 10);
    for (int i = 0; i < 10; i++)
        assert_string_equal(rows[i].uuid, all[251 + i].uuid);
    assert_int_equal(member_page(rf_db, NULL, &pos, -1, 10, rows, &e), 10);
    for (int i = 0; i < 10; i++)
        assert_string_equal(rows[i].uuid, all[240 + i].uuid);
    /* Near the ends a page is short, and past them empty. */
    snprintf(pos.sort_key, sizeof pos.sort_key, "%s", all[3].sort_key);
    snprintf(pos.uuid, sizeof pos.uuid, "%s", all[3].uuid);
    assert_int_equal(member_page(rf_db, NULL, &pos, -1, 10, rows, &e), 3);
    assert_string_equal(rows[0].uuid, all[0].uuid);
    snprintf(pos.sort_key, sizeof pos.sort_key, "%s", all[N_MEMBERS - 1].sort_key);
    snprintf(pos.uuid, sizeof pos.uuid, "%s", all[N_MEMBERS - 1].uuid);
    assert_int_equal(member_page(rf_db, NULL, &pos, 1, 10, rows, &e), 0);
    free(all);
}

/* How many generated names contain every word of the folded query. */
static int expected_matches(const char *query)
{
    char *q = text_fold(query);
    int n = 0;
    for (int i = 0; i < N_MEMBERS; i++) {
        char *name = text_fold(names[i]);
        char *copy = xstrdup(q);
        int all = 1;
        for (char *w = strtok(copy, " "); w; w = strtok(NULL, " "))
            all &= strstr(name, w) != NULL;
        n += all;
        free(copy);
        free(name);
    }
    free(q);
    return n;
}

static void search_is_accent_and_case_insensitive(void **state)
{
    (void)state;
    static const char *const queries[] = {"nguyen van", "dang", "hang", "ĐẶNG THỊ", "  le   huu ", "ơn",
                                          "zzz"};
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        list_filter f = {.search = queries[q]};
        int n;
        member_rec *rows = read_all(&f, q % 2 ? -1 : 1, 13, &n);
        int want = expected_matches(queries[q]);
        if (n != want)
            fail_msg("search '%s': %d rows, expected %d", queries[q], n, want);
        assert_int_equal(n, want);
        assert_int_equal(member_count(rf_db, &f), want);
        assert_list_order(rows, n);
        free(rows);
    }
    list_filter f = {.search = "dang"};
    member_rec row;
    cdtt_err e;
    assert_int_equal(member_page(rf_db, &f, NULL, 1, 1, &row, &e), 1);
    assert_non_null(strstr(row.full_name, "Đặng"));
    f.search = "hang";
    assert_true(member_count(rf_db, &f) > 0);
    assert_int_equal(member_page(rf_db, &f, NULL, 1, 1, &row, &e), 1);
    assert_non_null(strstr(row.full_name, "Hằng"));
    f.search = "Nguy\xff";
    assert_int_equal(member_count(rf_db, &f), 0);
    assert_int_equal(member_page(rf_db, &f, NULL, 1, 1, &row, &e), 0);
    f.search = "   ";
    assert_int_equal(member_count(rf_db, &f), N_MEMBERS);
    assert_int_equal(member_page(rf_db, &f, NULL, 1, 0, &row, &e), 0);
    f.search = "nguyen van a";
    assert_true(member_count(rf_db, &f) > 0);
    assert_int_equal(member_page(rf_db, &f, NULL, 1, 1, &row, &e), 1);
    assert_non_null(strstr(row.full_name, "Nguyễn Văn A"));
}

static void filters_by_team_area_role_and_deleted(void **state)
{
    (void)state;
    char team[UUID_LEN], area[UUID_LEN];
    assert_int_equal(team_find_by_name(rf_db, "Tổ 03", NULL, team), 0);
    assert_int_equal(area_find_by_name(rf_db, "Khu phố 1", area), 0);
    list_filter f = {.team_uuid = team};
    int n;
    member_rec *rows = read_all(&f, 1, 7, &n);
    assert_int_equal(n, 50);
    for (int i = 0; i < n; i++)
        assert_string_equal(rows[i].team_names, "Tổ 03");
    free(rows);
    f = (list_filter){.area_uuid = area};
    assert_int_equal(member_count(rf_db, &f), N_MEMBERS);
    f = (list_filter){.role = "leader"};
    assert_int_equal(member_count(rf_db, &f), N_MEMBERS / 50);
    f = (list_filter){.team_uuid = team, .role = "leader", .search = "nguyen"};
    assert_int_equal(member_count(rf_db, &f), 0); /* the leader of team 3 is member 150: Bùi … */
    f.search = "bui";
    assert_int_equal(member_count(rf_db, &f), 1);

    list_filter teams = {.area_uuid = area};
    team_rec tr[20];
    cdtt_err e;
    assert_int_equal(team_page(rf_db, &teams, NULL, 1, 20, tr, &e), N_MEMBERS / 50);
    assert_string_equal(tr[0].name, "Tổ 00");
    assert_string_equal(tr[0].area_name, "Khu phố 1");
    assert_int_equal(tr[0].n_members, 50);
    teams = (list_filter){.level = "commune"};
    assert_int_equal(team_count(rf_db, &teams), 0);
    teams = (list_filter){.search = "to 0"};
    assert_int_equal(team_count(rf_db, &teams), N_MEMBERS / 50);
    area_rec ar[2];
    assert_int_equal(area_page(rf_db, NULL, NULL, 1, 2, ar, &e), 1);
    assert_int_equal(area_count(rf_db, NULL), 1);

    /* Deleted members leave the live list and appear in the deleted one. */
    member_rec one;
    assert_int_equal(member_page(rf_db, NULL, NULL, 1, 1, &one, &e), 1);
    assert_int_equal(record_delete(rf_db, "member", one.uuid, &e), 0);
    assert_int_equal(member_count(rf_db, NULL), N_MEMBERS - 1);
    list_filter del = {.deleted = 1};
    assert_int_equal(member_count(rf_db, &del), 1);
    assert_int_equal(member_page(rf_db, &del, NULL, 1, 1, &one, &e), 1);
    assert_int_equal(one.deleted, 1);
    del.deleted = -1;
    assert_int_equal(member_count(rf_db, &del), N_MEMBERS);
}

static long long fullscans_seen;
static char plan[4096];

/* Trace hook: records the sorts and full-scan steps of each finished statement,
 * and the query plan of the last member list statement. */
static int profile(unsigned type, void *ctx, void *p, void *x)
{
    (void)ctx;
    (void)x;
    if (type != SQLITE_TRACE_PROFILE)
        return 0;
    sqlite3_stmt *st = p;
    const char *sql = sqlite3_sql(st);
    if (!strstr(sql, "FROM member m WHERE") || strncmp(sql, "EXPLAIN", 7) == 0)
        return 0;
    fullscans_seen += sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
    char eqp[4200];
    snprintf(eqp, sizeof eqp, "EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *q = NULL;
    plan[0] = '\0';
    if (sqlite3_prepare_v2(sqlite3_db_handle(st), eqp, -1, &q, NULL) == SQLITE_OK)
        while (sqlite3_step(q) == SQLITE_ROW) {
            if (sqlite3_column_int(q, 1) != 0)
                continue; /* the team-names subquery sorts a member's few teams: fine */
            strncat(plan, (const char *)sqlite3_column_text(q, 3), sizeof plan - strlen(plan) - 2);
            strcat(plan, "\n");
        }
    sqlite3_finalize(q);
    return 0;
}

static void member_list_walks_the_sort_index(void **state)
{
    (void)state;
    int n;
    member_rec *all = read_all(NULL, 1, 50, &n);
    sqlite3_trace_v2(rf_db, SQLITE_TRACE_PROFILE, profile, NULL);
    member_rec rows[20];
    cdtt_err e;
    list_pos pos;
    snprintf(pos.sort_key, sizeof pos.sort_key, "%s", all[300].sort_key);
    snprintf(pos.uuid, sizeof pos.uuid, "%s", all[300].uuid);
    for (int dir = -1; dir <= 1; dir += 2) {
        fullscans_seen = 0;
        assert_int_equal(member_page(rf_db, NULL, &pos, dir, 20, rows, &e), 20);
        assert_non_null(strstr(plan, "member_sort"));
        assert_null(strstr(plan, "TEMP B-TREE"));
        /* Only the 20 rows (plus one) are stepped over, not the table. */
        assert_true(fullscans_seen <= 21);
    }
    sqlite3_trace_v2(rf_db, 0, NULL, NULL);
    free(all);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(forward_and_backward_see_every_row_once),
        cmocka_unit_test(a_page_from_the_middle),
        cmocka_unit_test(search_is_accent_and_case_insensitive),
        cmocka_unit_test(member_list_walks_the_sort_index),
        cmocka_unit_test(filters_by_team_area_role_and_deleted), /* last: it deletes a member */
    };
    return cmocka_run_group_tests(tests, list_setup, rf_teardown);
}
