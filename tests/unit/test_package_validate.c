/* test_package_validate.c — what the merge checks in a package's row before
 * writing it (db/package-validate.c), and the derived columns it computes
 * instead of taking them (db/package-derived.c). The package is a commune's
 * file attached as "pkg", edited with SQL as a hand edit would. */
#include "package_fixture.h"
#include "package-internal.h"

static sqlite3 *commune, *province;

static int setup(void **state)
{
    if (tu_group_setup(state) < 0)
        return -1;
    commune = pf_office(dir, "v-a.db", "00004", "commune", "Phường Ba Đình");
    pf_team(commune, "00004", "area", "team");
    pf_member(commune, "00004", "team", "m", "Nguyễn Thị Lan", "0912345678", "001190012345", "1",
              "2026-02-01T00:00:00.000Z");
    pf_exec(commune, "INSERT INTO activity (uuid, team_uuid, date, type, people, households, created_at, "
                     "updated_at, changed_by) VALUES ('act', 'team', '2026-03-01', 'vneid', 12, 5, "
                     "'2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2025-07:00004')", NULL);
    province = pf_office(dir, "v-p.db", "01", "province", "Thành phố Hà Nội");
    char path[600];
    snprintf(path, sizeof path, "%s/v-a.db", dir);
    pf_exec(province, "ATTACH ? AS pkg", path, NULL);
    return 0;
}

static int teardown(void **state)
{
    db_close(province);
    db_close(commune);
    return tu_group_teardown(state);
}

/* Checks the package's row uuid of table: returns package_row_valid's result, the reason in reason. */
static int check_row(const char *table, const char *uuid, char reason[512])
{
    cdtt_err e;
    package_row_check *c = package_row_check_new(province, table, &e);
    if (!c)
        fail_msg("package_row_check_new: %s", e.msg);
    int rc = package_row_valid(c, uuid, reason, 512);
    package_row_check_free(c);
    return rc;
}

/* Sets columns of the member "m" (an SQL assignment list), checks the row,
 * then gives the member its values of pf_member back. */
static int member_with(const char *assignment, char reason[512])
{
    char sql[600];
    snprintf(sql, sizeof sql, "UPDATE member SET %s WHERE uuid = 'm'", assignment);
    pf_exec(commune, sql, NULL);
    int rc = check_row("member", "m", reason);
    pf_exec(commune, "UPDATE member SET full_name = 'Nguyễn Thị Lan', birth = '1990-05-01', phone = '0912345678', "
                     "cccd = '001190012345', email = 'a@example.vn', mooc_date = NULL, note = '', "
                     "updated_at = '2026-02-01T00:00:00.000Z', changed_by = '2025-07:00004', unit_code = '00004' "
                     "WHERE uuid = 'm'", NULL);
    return rc;
}

static void rows_as_cdtt_stores_them_pass(void **state)
{
    (void)state;
    char reason[512];
    assert_int_equal(check_row("member", "m", reason), 1);
    assert_string_equal(reason, "");
    assert_int_equal(check_row("team", "team", reason), 1);
    assert_int_equal(check_row("area", "area", reason), 1);
    assert_int_equal(check_row("membership", "ms-m", reason), 1);
    assert_int_equal(check_row("activity", "act", reason), 1);
    /* What a form accepts after a warning passes: a birth year alone, a CCCD whose year differs. */
    assert_int_equal(member_with("birth = '1985', cccd = '001099012345'", reason), 1);
    /* The derived columns are not checked: they are computed. */
    assert_int_equal(member_with("name_fold = 'w0 w1 w2', sort_key = '!!!'", reason), 1);
}

/* Each bad value, alone, refuses the record and names its field. */
static void each_bad_value_is_named(void **state)
{
    (void)state;
    static const char *const CASES[][2] = {
        {"birth = '9999-99-99'", "Birth date: "},
        {"birth = '2999-01-01'", "Birth date: "},
        {"mooc_date = 'garbage'", "MOOC completed on: 'garbage' is not a date"},
        {"mooc_date = '2026-02-30'", "MOOC completed on: "},
        {"phone = '12345'", "Mobile phone: "},
        {"phone = '912345678'", "Mobile phone: not written as cdtt stores it"},
        {"cccd = '12AB'", "CCCD number: "},
        {"email = 'not an address'", "E-mail: "},
        {"full_name = 'Lan' || char(27) || '[2J'", "Full name: "},
        {"full_name = ' Nguyễn  Thị Lan '", "Full name: not written as cdtt stores it"},
        {"full_name = 'Nguye' || char(770, 771) || 'n'", "Full name: not written as cdtt stores it"},
        {"full_name = ''", "Full name: "},
        {"note = 'e' || char(769)", "Note: not written as cdtt stores it"},
        {"note = 'a' || char(0) || 'b'", "Note: the text contains a NUL character"},
        {"updated_at = '9999-12-31T00:00:00.000Z'", "Changed: not a time cdtt writes"},
        {"updated_at = '~~~~'", "Changed: "},
        {"changed_by = 'anyone'", "Changed by: not an office"},
        {"unit_code = '4x'", "Commune: '4x' is not a unit code"},
    };
    char reason[512];
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        int rc = member_with(CASES[i][0], reason);
        if (rc != 0 || !strstr(reason, CASES[i][1]))
            fail_msg("%s: expected a refusal naming '%s', got %d '%s'", CASES[i][0], CASES[i][1], rc, reason);
    }
    /* Several bad fields: all of them, on one line. */
    assert_int_equal(member_with("birth = '9999-99-99', mooc_date = 'garbage'", reason), 0);
    assert_non_null(strstr(reason, "Birth date: "));
    assert_non_null(strstr(reason, "; MOOC completed on: "));
}

static void ids_counts_and_versions_have_bounds(void **state)
{
    (void)state;
    char reason[512];
    assert_int_equal(check_row("member", "", reason), 0);
    assert_non_null(strstr(reason, "not a record id"));
    char long_id[81];
    memset(long_id, 'a', 80);
    long_id[80] = '\0';
    assert_int_equal(check_row("member", long_id, reason), 0);
    assert_non_null(strstr(reason, "not a record id"));
    /* Counts: up to 10^9 each, so that no sum over a country can overflow. */
    pf_exec(commune, "UPDATE activity SET people = 1000000000 WHERE uuid = 'act'", NULL);
    assert_int_equal(check_row("activity", "act", reason), 1);
    pf_exec(commune, "UPDATE activity SET people = 9223372036854775807 WHERE uuid = 'act'", NULL);
    assert_int_equal(check_row("activity", "act", reason), 0);
    assert_non_null(strstr(reason, "People helped: 9223372036854775807 is not a count from 0 to 1000000000"));
    pf_exec(commune, "UPDATE activity SET people = 12, households = 1000000001 WHERE uuid = 'act'", NULL);
    assert_int_equal(check_row("activity", "act", reason), 0);
    assert_non_null(strstr(reason, "Households helped: "));
    pf_exec(commune, "UPDATE activity SET households = 5, date = '' WHERE uuid = 'act'", NULL);
    assert_int_equal(check_row("activity", "act", reason), 0);
    assert_non_null(strstr(reason, "Date: "));
    pf_exec(commune, "UPDATE activity SET date = '2026-03-01' WHERE uuid = 'act'", NULL);
    assert_int_equal(check_row("activity", "act", reason), 1);
    pf_exec(commune, "PRAGMA foreign_keys = OFF", NULL); /* as the sqlite3 shell edits, by default */
    pf_exec(commune, "UPDATE membership SET member_uuid = 'a b' WHERE uuid = 'ms-m'", NULL);
    assert_int_equal(check_row("membership", "ms-m", reason), 0);
    assert_non_null(strstr(reason, "Member: not a record id"));
    pf_exec(commune, "UPDATE membership SET member_uuid = 'm' WHERE uuid = 'ms-m'", NULL);
    pf_exec(commune, "PRAGMA foreign_keys = ON", NULL);
}

/* Every column of every travelling table has a check: a new column needs one. */
static void every_travelling_column_is_checked(void **state)
{
    (void)state;
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++) {
        sqlite3_stmt *st = NULL;
        assert_int_equal(sqlite3_prepare_v2(province, "SELECT name FROM pragma_table_info(?1, 'pkg')", -1, &st,
                                            NULL), SQLITE_OK);
        sqlite3_bind_text(st, 1, SCHEMA_TRAVEL_TABLES[i], -1, SQLITE_STATIC);
        int n = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *col = (const char *)sqlite3_column_text(st, 0);
            if (!package_column_checked(SCHEMA_TRAVEL_TABLES[i], col))
                fail_msg("%s.%s has no check", SCHEMA_TRAVEL_TABLES[i], col);
            n++;
        }
        sqlite3_finalize(st);
        assert_true(n > 3);
    }
}

static void derived_columns_are_computed(void **state)
{
    (void)state;
    char *m = package_value_map("member", "\"uuid\", \"full_name\", \"name_fold\", \"sort_key\"", "%v");
    assert_string_equal(m, "\"uuid\", \"full_name\", cdtt_fold(\"full_name\"), cdtt_name_sort_key(\"full_name\")");
    free(m);
    m = package_value_map("team", "\"name\", \"sort_key\"", "'%c', %v");
    assert_string_equal(m, "'name', \"name\", 'sort_key', cdtt_sort_key(\"name\")");
    free(m);
    assert_null(package_derived_value("activity", "note"));
    assert_int_equal(package_derived_register(province, 1), 0);
    char *fold = pf_text(province, "SELECT cdtt_fold(?1)", "Đặng  Thị Hằng");
    assert_string_equal(fold, "dang thi hang");
    free(fold);
    assert_int_equal(package_derived_register(province, 0), 0);
    /* Gone once the import is over. */
    sqlite3_stmt *st = NULL;
    assert_int_not_equal(sqlite3_prepare_v2(province, "SELECT cdtt_fold('a')", -1, &st, NULL), SQLITE_OK);
    sqlite3_finalize(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rows_as_cdtt_stores_them_pass),
        cmocka_unit_test(each_bad_value_is_named),
        cmocka_unit_test(ids_counts_and_versions_have_bounds),
        cmocka_unit_test(every_travelling_column_is_checked),
        cmocka_unit_test(derived_columns_are_computed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
