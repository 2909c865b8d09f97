/* test_csvio_import.c — member lists as Excel saves them, into a real commune
 * file: every quirk, all-or-nothing with every bad row listed, dry runs,
 * idempotency, and export → import → export giving the same file. */
#include "testutil.h"
#include "csvio.h"
#include "office.h"
#include "records.h"

/* A new commune file with its office set. */
static sqlite3 *commune(const char *name) { return tu_commune_db(dir, name); }

static const char *fixture(const char *name)
{
    static char path[1024];
    const char *root = getenv("ROOT");
    snprintf(path, sizeof path, "%s/tests/data/%s", root && *root ? root : ".", name);
    return path;
}

static long long count(sqlite3 *db, const char *sql)
{
    return db_scalar_int(db, sql, -1);
}

/* Imports path; fails the test on a file or database error. Returns 0 or 1. */
static int import(sqlite3 *db, const char *path, int dry_run, csvio_import_summary *s)
{
    cdtt_err e = {{0}};
    int rc = csvio_import_members(db, path, dry_run, NULL, NULL, s, &e);
    if (rc < 0)
        fail_msg("import %s: %s", path, e.msg);
    return rc;
}

static int has_problem(const csvio_import_summary *s, const char *needle)
{
    for (int i = 0; i < s->n_problems; i++)
        if (strstr(s->problems[i], needle))
            return 1;
    return 0;
}

static void excel_file_with_bom_crlf_titles_and_quotes(void **state)
{
    (void)state;
    sqlite3 *db = commune("excel.db");
    csvio_import_summary s;
    assert_int_equal(import(db, fixture("members-excel.csv"), 0, &s), 0);
    assert_int_equal(s.rows_read, 4);
    assert_int_equal(s.members_new, 4);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.areas_created, 2);
    assert_int_equal(s.teams_created, 3);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 4);
    /* Phone without its leading zero, and with +84 and spaces. */
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE full_name = 'Nguyễn Văn An'"
                               " AND phone = '0912345678' AND birth = '1985-04-07'"
                               " AND category = 'village_head' AND mooc_status = 'completed'"
                               " AND mooc_date = '2022-11-20' AND zalo_date IS NOT NULL"),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE phone = '0868111222'"
                               " AND category = 'teacher' AND youth_union = 1 AND zalo_date IS NULL"),
                     1);
    /* The quoted note kept its comma and line break. */
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE note = 'Bí thư chi đoàn\n(từ 2021)'"),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE category = 'commune_official'"), 1);
    /* Teams: a village team, a residential-group team, a commune-level team. */
    assert_int_equal(count(db, "SELECT count(*) FROM team t JOIN area a ON a.uuid = t.area_uuid"
                               " WHERE t.level = 'village' AND a.kind = 'thon' AND a.name = 'Thôn Đông'"),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM team t JOIN area a ON a.uuid = t.area_uuid"
                               " WHERE t.level = 'group' AND a.kind = 'to_dan_pho'"),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM team WHERE level = 'commune' AND area_uuid IS NULL"
                               " AND name = 'Tổ CNSCĐ xã'"),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM membership WHERE role = 'leader'"), 2);
    db_close(db);
}

static void importing_twice_duplicates_no_one(void **state)
{
    (void)state;
    sqlite3 *db = commune("twice.db");
    csvio_import_summary s;
    assert_int_equal(import(db, fixture("members-excel.csv"), 0, &s), 0);
    csvio_import_summary_free(&s);
    long long audit = count(db, "SELECT count(*) FROM audit");
    assert_int_equal(import(db, fixture("members-excel.csv"), 0, &s), 0);
    assert_int_equal(s.members_new, 0);
    assert_int_equal(s.members_updated, 0);
    assert_int_equal(s.members_unchanged, 4);
    assert_int_equal(s.teams_created + s.areas_created + s.memberships_new, 0);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 4);
    assert_int_equal(count(db, "SELECT count(*) FROM membership"), 4);
    assert_int_equal(count(db, "SELECT count(*) FROM audit"), audit);
    /* A semicolon file: An again (same phone), Em new in a new village team. */
    assert_int_equal(import(db, fixture("members-semicolon.csv"), 0, &s), 0);
    assert_int_equal(s.members_new, 1);
    assert_int_equal(s.members_unchanged, 1);
    assert_int_equal(s.teams_created, 1);
    assert_int_equal(s.areas_created, 1);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 5);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE note = 'Nhà văn hoá; \"điểm\" hỗ trợ'"), 1);
    db_close(db);
}

static void changed_cells_update_and_empty_cells_keep(void **state)
{
    (void)state;
    sqlite3 *db = commune("update.db");
    csvio_import_summary s;
    assert_int_equal(import(db, fixture("members-excel.csv"), 0, &s), 0);
    csvio_import_summary_free(&s);
    char path[700];
    snprintf(path, sizeof path, "%s/update.csv", dir);
    FILE *f = fopen(path, "w");
    /* An (the one member of that name; written in capitals): new e-mail, now a
     * deputy; birth and category left empty. */
    fputs("Họ và tên,Số điện thoại,Email,Tổ,Thôn/Tổ dân phố,Vai trò,Ngày sinh,Thành phần\r\n"
          "NGUYỄN VĂN AN,0912345678,an@example.vn,Tổ CNSCĐ thôn Đông,Thôn Đông,Tổ phó,,\r\n", f);
    fclose(f);
    assert_int_equal(import(db, path, 0, &s), 0);
    assert_int_equal(s.members_updated, 1);
    assert_int_equal(s.members_new, 0);
    csvio_import_summary_free(&s);
    /* The same name in capitals keeps the stored spelling. */
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE full_name = 'Nguyễn Văn An'"
                               " AND email = 'an@example.vn' AND birth = '1985-04-07'"
                               " AND category = 'village_head'"),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM membership ms JOIN member m ON m.uuid = ms.member_uuid"
                               " WHERE m.phone = '0912345678' AND ms.role = 'deputy'"),
                     1);
    /* The same again changes nothing. */
    assert_int_equal(import(db, path, 0, &s), 0);
    assert_int_equal(s.members_unchanged, 1);
    csvio_import_summary_free(&s);
    db_close(db);
}

static void any_error_imports_nothing_and_lists_every_bad_row(void **state)
{
    (void)state;
    sqlite3 *db = commune("errors.db");
    csvio_import_summary s;
    const char *path = fixture("members-errors.csv");
    assert_int_equal(import(db, path, 0, &s), 1);
    assert_int_equal(s.rows_read, 6);
    assert_int_equal(s.errors, 5);
    char want[1200];
    const char *lines[] = {":3: Họ và tên \"\"", ":4: Ngày sinh \"31/02/1990\"", ":5: Tổ \"\"",
                           ":6: Số điện thoại \"12345\"", ":7: Giới tính \"ông\""};
    for (int i = 0; i < 5; i++) {
        snprintf(want, sizeof want, "%s%s", path, lines[i]);
        if (!has_problem(&s, want))
            fail_msg("no problem listed as %s", want);
    }
    assert_false(has_problem(&s, ":2:"));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 0);
    assert_int_equal(count(db, "SELECT count(*) FROM team"), 0);
    assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE tbl <> 'office'"), 0);
    db_close(db);
}

static void without_an_area_column_teams_are_found_in_any_area(void **state)
{
    (void)state;
    sqlite3 *db = commune("noarea.db");
    csvio_import_summary s;
    assert_int_equal(import(db, fixture("members-excel.csv"), 0, &s), 0);
    csvio_import_summary_free(&s);
    char path[700];
    snprintf(path, sizeof path, "%s/noarea.csv", dir);
    FILE *f = fopen(path, "w");
    fputs("Họ và tên,Tổ\r\nMai Văn Mới,tổ cnscđ thôn đông\r\n", f);
    fclose(f);
    assert_int_equal(import(db, path, 0, &s), 0);
    assert_int_equal(s.teams_created, 0);
    assert_int_equal(s.members_new, 1);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM membership ms JOIN team t ON t.uuid = ms.team_uuid"
                               " WHERE t.name = 'Tổ CNSCĐ thôn Đông'"),
                     3);
    db_close(db);
}

static void dry_run_tells_and_writes_nothing(void **state)
{
    (void)state;
    sqlite3 *db = commune("dry.db");
    csvio_import_summary s;
    assert_int_equal(import(db, fixture("members-excel.csv"), 1, &s), 0);
    assert_int_equal(s.members_new, 4);
    assert_int_equal(s.teams_created, 3);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 0);
    assert_int_equal(count(db, "SELECT count(*) FROM area"), 0);
    db_close(db);
}

static void english_headers_lf_no_bom(void **state)
{
    (void)state;
    sqlite3 *db = commune("english.db");
    csvio_import_summary s;
    assert_int_equal(import(db, fixture("members-lf-english.csv"), 0, &s), 0);
    assert_int_equal(s.members_new, 2);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE full_name = 'Đặng Văn \"Hải\"'"
                               " AND gender = 'male' AND birth = '1988'"),
                     1);
    assert_int_equal(count(db, "SELECT count(*) FROM membership WHERE role = 'deputy'"), 1);
    db_close(db);
}

static void malformed_files_are_refused_with_the_line(void **state)
{
    (void)state;
    sqlite3 *db = commune("bad.db");
    csvio_import_summary s;
    cdtt_err e = {{0}};
    assert_int_equal(csvio_import_members(db, fixture("members-unclosed-quote.csv"), 0, NULL, NULL, &s, &e), -1);
    assert_non_null(strstr(e.msg, ":2:"));
    csvio_import_summary_free(&s);
    assert_int_equal(csvio_import_members(db, fixture("members-not-utf8.csv"), 0, NULL, NULL, &s, &e), -1);
    assert_non_null(strstr(e.msg, "UTF-8"));
    csvio_import_summary_free(&s);
    char path[700];
    snprintf(path, sizeof path, "%s/no-header.csv", dir);
    FILE *f = fopen(path, "w");
    fputs("Tên,Tuổi\nAn,30\n", f);
    fclose(f);
    assert_int_equal(csvio_import_members(db, path, 0, NULL, NULL, &s, &e), -1);
    assert_non_null(strstr(e.msg, "Họ và tên"));
    csvio_import_summary_free(&s);
    /* A field over 64 KiB. */
    snprintf(path, sizeof path, "%s/huge.csv", dir);
    f = fopen(path, "w");
    fputs("Họ và tên,Tổ,Ghi chú\r\nNguyễn Văn An,Tổ xã,", f);
    for (int i = 0; i < 70000; i++)
        fputc('x', f);
    fputs("\r\n", f);
    fclose(f);
    assert_int_equal(csvio_import_members(db, path, 0, NULL, NULL, &s, &e), -1);
    assert_non_null(strstr(e.msg, "64 KiB"));
    csvio_import_summary_free(&s);
    assert_int_equal(csvio_import_members(db, "/nonexistent/x.csv", 0, NULL, NULL, &s, &e), -1);
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 0);
    db_close(db);
}

static void a_phone_of_someone_else_is_a_warning_not_an_identity(void **state)
{
    (void)state;
    sqlite3 *db = commune("phone.db");
    csvio_import_summary s;
    assert_int_equal(import(db, fixture("members-excel.csv"), 0, &s), 0);
    csvio_import_summary_free(&s);
    char path[700];
    snprintf(path, sizeof path, "%s/same-phone.csv", dir);
    FILE *f = fopen(path, "w");
    /* A family phone: another person, with a word about whose number it is. */
    fputs("Họ và tên,Số điện thoại,Tổ\r\nNgô Văn Khác,0912345678,Tổ CNSCĐ xã\r\n", f);
    fclose(f);
    assert_int_equal(import(db, path, 0, &s), 0);
    assert_int_equal(s.members_new, 1);
    assert_int_equal(s.warnings, 1);
    assert_true(has_problem(&s, "Nguyễn Văn An"));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member"), 5);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE phone = '0912345678'"), 2);
    db_close(db);
}

static void warnings_are_listed_and_the_row_saved(void **state)
{
    (void)state;
    sqlite3 *db = commune("warn.db");
    char path[700];
    snprintf(path, sizeof path, "%s/warn.csv", dir);
    FILE *f = fopen(path, "w");
    /* The CCCD's gender digit says a woman born in the 1900s: a warning, not an error. */
    fputs("Họ và tên,Ngày sinh,Giới tính,Số CCCD,Tổ\r\n"
          "Nguyễn Văn An,07/04/1985,Nam,001185012345,Tổ CNSCĐ xã\r\n", f);
    fclose(f);
    csvio_import_summary s;
    assert_int_equal(import(db, path, 0, &s), 0);
    assert_int_equal(s.warnings, 1);
    assert_int_equal(s.members_new, 1);
    char want[800];
    snprintf(want, sizeof want, "%s:2: warning: Số CCCD \"001185012345\"", path);
    assert_true(has_problem(&s, want));
    csvio_import_summary_free(&s);
    assert_int_equal(count(db, "SELECT count(*) FROM member WHERE cccd = '001185012345'"), 1);
    db_close(db);
}

static void export_import_export_gives_the_same_file(void **state)
{
    (void)state;
    i18n_set_lang("vi");
    sqlite3 *a = commune("a.db"), *b = commune("b.db");
    csvio_import_summary s;
    assert_int_equal(import(a, fixture("members-excel.csv"), 0, &s), 0);
    csvio_import_summary_free(&s);
    assert_int_equal(import(a, fixture("members-semicolon.csv"), 0, &s), 0);
    csvio_import_summary_free(&s);
    char p1[700], p2[700];
    snprintf(p1, sizeof p1, "%s/first.csv", dir);
    snprintf(p2, sizeof p2, "%s/second.csv", dir);
    csvio_export_opts o = {.full = 1};
    cdtt_err e = {{0}};
    assert_int_equal(csvio_export_csv(a, CSVIO_MEMBERS, p1, &o, NULL, &e), 0);
    assert_int_equal(import(b, p1, 0, &s), 0);
    assert_int_equal(s.members_new, 5);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.n_ignored, 0);
    csvio_import_summary_free(&s);
    assert_int_equal(csvio_export_csv(b, CSVIO_MEMBERS, p2, &o, NULL, &e), 0);
    char *one = tu_slurp(p1, NULL), *two = tu_slurp(p2, NULL);
    assert_string_equal(one, two);
    free(one);
    free(two);
    /* And the export read back into the file it came from changes nothing. */
    assert_int_equal(import(a, p1, 0, &s), 0);
    assert_int_equal(s.members_unchanged, s.rows_read);
    csvio_import_summary_free(&s);
    db_close(a);
    db_close(b);
    i18n_set_lang("en");
}

static void remember(void *ctx, long long done, long long total)
{
    long long *last = ctx;
    last[0] = done;
    last[1] = total;
}

static void progress_counts_rows(void **state)
{
    (void)state;
    sqlite3 *db = commune("progress.db");
    csvio_import_summary s;
    cdtt_err e = {{0}};
    long long last[2] = {-1, -1};
    assert_int_equal(csvio_import_members(db, fixture("members-excel.csv"), 1, remember, last, &s, &e), 0);
    assert_int_equal(last[0], 4);
    assert_int_equal(last[1], 4);
    csvio_import_summary_free(&s);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(excel_file_with_bom_crlf_titles_and_quotes),
        cmocka_unit_test(importing_twice_duplicates_no_one),
        cmocka_unit_test(changed_cells_update_and_empty_cells_keep),
        cmocka_unit_test(any_error_imports_nothing_and_lists_every_bad_row),
        cmocka_unit_test(dry_run_tells_and_writes_nothing),
        cmocka_unit_test(without_an_area_column_teams_are_found_in_any_area),
        cmocka_unit_test(english_headers_lf_no_bom),
        cmocka_unit_test(malformed_files_are_refused_with_the_line),
        cmocka_unit_test(a_phone_of_someone_else_is_a_warning_not_an_identity),
        cmocka_unit_test(warnings_are_listed_and_the_row_saved),
        cmocka_unit_test(export_import_export_gives_the_same_file),
        cmocka_unit_test(progress_counts_rows),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
