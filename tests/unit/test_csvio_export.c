/* test_csvio_export.c — tables to CSV and xlsx: BOM, CRLF, headers in both
 * languages, dd/mm/yyyy dates, choice labels, masking of personal data, file
 * mode and no silent overwrite, and a workbook with the right sheets. */
#include "testutil.h"
#include "csvio.h"

#include <sys/stat.h>

/* Two members in one village team (one consented, one not), a deleted member,
 * a commune-level team, a training session and an activity, in plain SQL. */
static const char FIXTURE[] =
    "INSERT INTO area (uuid, unit_scheme, unit_code, kind, name, name_fold, sort_key, created_at,"
    " updated_at, changed_by) VALUES ('a1', '2025-07', '00004', 'thon', 'Thôn Đông', 'thon dong',"
    " 'k1', 't', 't', 'x');"
    "INSERT INTO team (uuid, unit_scheme, unit_code, level, area_uuid, name, name_fold, sort_key,"
    " decision_no, decision_date, created_at, updated_at, changed_by) VALUES"
    " ('t1', '2025-07', '00004', 'village', 'a1', 'Tổ CNSCĐ thôn Đông', 'to', 'k1', '45/QĐ-UBND',"
    " '2022-03-15', 't', 't', 'x'),"
    " ('t2', '2025-07', '00004', 'commune', NULL, 'Tổ CNSCĐ xã', 'to xa', 'k2', '', NULL, 't', 't', 'x');"
    "INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, gender, birth,"
    " phone, cccd, email, category, youth_union, consent, consent_date, mooc_status, mooc_date,"
    " zalo_date, note, created_at, updated_at, changed_by) VALUES"
    " ('m1', '2025-07', '00004', 'Nguyễn Văn An', 'nguyen van an', 'k1', 'male', '1985-04-07',"
    "  '0912345678', '001085012345', 'an@example.vn', 'police', 1, 1, '2024-01-02', 'completed',"
    "  '2022-11-20', '2022-09-01', '=1+1', 't', 't', 'x'),"
    " ('m2', '2025-07', '00004', 'Trần Thị Bình', 'tran thi binh', 'k2', 'female', '1990',"
    "  '0987654321', '001190054321', 'binh@example.vn', 'teacher', 0, 0, NULL, 'in_progress', NULL,"
    "  NULL, 'ghi chú, có dấu phẩy\nvà xuống dòng', 't', 't', 'x'),"
    " ('m3', '2025-07', '00004', 'Người Đã Xoá', 'nguoi da xoa', 'k3', NULL, NULL, NULL, NULL, NULL,"
    "  'other', 0, 0, NULL, 'not_started', NULL, NULL, '', 't', 't', 'x');"
    "UPDATE member SET deleted = 1 WHERE uuid = 'm3';"
    "INSERT INTO membership (uuid, team_uuid, member_uuid, role, created_at, updated_at, changed_by)"
    " VALUES ('s1', 't1', 'm1', 'leader', 't', 't', 'x'), ('s2', 't1', 'm2', 'member', 't', 't', 'x'),"
    " ('s3', 't2', 'm1', 'deputy', 't', 't', 'x');"
    "INSERT INTO training_session (uuid, unit_scheme, unit_code, date, place, organiser, topic,"
    " created_at, updated_at, changed_by) VALUES ('ts1', '2025-07', '00004', '2022-09-20',"
    " 'Hội trường xã', 'Sở TT&TT', 'VNeID', 't', 't', 'x');"
    "INSERT INTO attendance (uuid, session_uuid, member_uuid, created_at, updated_at, changed_by)"
    " VALUES ('at1', 'ts1', 'm1', 't', 't', 'x'), ('at2', 'ts1', 'm2', 't', 't', 'x');"
    "INSERT INTO activity (uuid, team_uuid, date, type, people, households, note, created_at,"
    " updated_at, changed_by) VALUES ('ac1', 't1', '2023-05-06', 'vneid', 25, 12, '', 't', 't', 'x');";

static int setup(void **state)
{
    (void)state;
    if (tu_db_setup("commune.db") < 0)
        return -1;
    i18n_set_lang("vi");
    cdtt_err e;
    if (db_exec(db, FIXTURE, &e) != 0)
        fail_msg("fixture: %s", e.msg);
    return 0;
}

static int teardown(void **state)
{
    i18n_set_lang("en");
    return tu_db_teardown(state);
}

static char *export_table(csvio_table t, const char *name, int full, long long *rows)
{
    static char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    csvio_export_opts o = {.full = full, .force = 1};
    cdtt_err e = {{0}};
    if (csvio_export_csv(db, t, path, &o, rows, &e) != 0)
        fail_msg("export: %s", e.msg);
    return tu_slurp(path, NULL);
}

static void members_csv_has_bom_crlf_vietnamese_headers_and_labels(void **state)
{
    (void)state;
    long long rows = 0;
    char *s = export_table(CSVIO_MEMBERS, "members.csv", 0, &rows);
    assert_int_equal(rows, 3); /* An in two teams, Bình in one; the deleted member left out */
    assert_memory_equal(s, "\xEF\xBB\xBF", 3);
    assert_non_null(strstr(s, "Họ và tên,Ngày sinh,Giới tính,Số điện thoại,Email,Tổ,"
                              "Thôn/Tổ dân phố,Vai trò,Ngày vào tổ,Thành phần,Đoàn viên,Học trực tuyến,"
                              "Ngày hoàn thành MOOC,Zalo OA,Đồng ý xử lý dữ liệu,Ngày đồng ý,"
                              "Ghi chú\r\n"));
    assert_non_null(strstr(s, "Nguyễn Văn An,07/04/1985,Nam,0912345678,an@example.vn,"
                              "Tổ CNSCĐ thôn Đông,Thôn Đông,Tổ trưởng,,Công an,Có,Đã hoàn thành,"
                              "20/11/2022,01/09/2022,Có,02/01/2024,'=1+1\r\n"));
    assert_non_null(strstr(s, "Nguyễn Văn An,07/04/1985,Nam,0912345678,an@example.vn,Tổ CNSCĐ xã,,"
                              "Tổ phó,"));
    /* Bình did not consent: no phone, no e-mail; the note is quoted. */
    assert_non_null(strstr(s, "Trần Thị Bình,1990,Nữ,,,Tổ CNSCĐ thôn Đông,Thôn Đông,Thành viên,,"
                              "Giáo viên,Không,Đang học,,,Không,,\"ghi chú, có dấu phẩy\nvà xuống dòng\"\r\n"));
    assert_null(strstr(s, "001085012345"));
    assert_null(strstr(s, "0987654321"));
    assert_null(strstr(s, "Người Đã Xoá"));
    /* Every line ends with CRLF: no bare LF outside the quoted note. */
    int bare = 0;
    for (char *p = s; *p; p++)
        if (*p == '\n' && (p == s || p[-1] != '\r'))
            bare++;
    assert_int_equal(bare, 1);
    free(s);
}

static void full_export_keeps_identifiers(void **state)
{
    (void)state;
    char *s = export_table(CSVIO_MEMBERS, "full.csv", 1, NULL);
    assert_non_null(strstr(s, "Số điện thoại,Số CCCD,Email"));
    assert_non_null(strstr(s, "0912345678,001085012345,an@example.vn"));
    assert_non_null(strstr(s, "0987654321,001190054321,binh@example.vn"));
    free(s);
}

static void english_headers_and_labels(void **state)
{
    (void)state;
    i18n_set_lang("en");
    char *s = export_table(CSVIO_MEMBERS, "en.csv", 0, NULL);
    i18n_set_lang("vi");
    assert_non_null(strstr(s, "Full name,Date of birth,Gender,Phone,Email,Team,"));
    assert_non_null(strstr(s, "Nguyễn Văn An,07/04/1985,Male,"));
    assert_non_null(strstr(s, ",Leader,,Police,Yes,"));
    free(s);
}

static void other_tables(void **state)
{
    (void)state;
    long long rows;
    char *s = export_table(CSVIO_TEAMS, "teams.csv", 0, &rows);
    assert_int_equal(rows, 2);
    assert_non_null(strstr(s, "Tên tổ,Cấp,Thôn/Tổ dân phố,Số quyết định,Ngày quyết định,"));
    assert_non_null(strstr(s, "Tổ CNSCĐ thôn Đông,\"Thôn, bản, ấp\",Thôn Đông,45/QĐ-UBND,15/03/2022,,"
                              "Đang hoạt động,2,\r\n"));
    assert_non_null(strstr(s, "Tổ CNSCĐ xã,Cấp xã,,,,,Đang hoạt động,1,\r\n"));
    free(s);
    s = export_table(CSVIO_AREAS, "areas.csv", 0, &rows);
    assert_int_equal(rows, 1);
    assert_non_null(strstr(s, "Thôn Đông,Thôn,1,\r\n"));
    free(s);
    s = export_table(CSVIO_SESSIONS, "sessions.csv", 0, &rows);
    assert_int_equal(rows, 1);
    assert_non_null(strstr(s, "20/09/2022,Hội trường xã,Sở TT&TT,VNeID,2,\r\n"));
    free(s);
    s = export_table(CSVIO_ACTIVITIES, "activities.csv", 0, &rows);
    assert_int_equal(rows, 1);
    assert_non_null(strstr(s, "06/05/2023,Tổ CNSCĐ thôn Đông,VNeID,25,12,\r\n"));
    free(s);
}

static void file_is_private_and_never_silently_replaced(void **state)
{
    (void)state;
    char path[700];
    snprintf(path, sizeof path, "%s/keep.csv", dir);
    FILE *f = fopen(path, "w");
    fputs("precious", f);
    fclose(f);
    csvio_export_opts o = {0};
    cdtt_err e = {{0}};
    assert_int_equal(csvio_export_csv(db, CSVIO_AREAS, path, &o, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "--force"));
    char *s = tu_slurp(path, NULL);
    assert_string_equal(s, "precious");
    free(s);
    o.force = 1;
    assert_int_equal(csvio_export_csv(db, CSVIO_AREAS, path, &o, NULL, &e), 0);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    /* No temporary files are left behind. */
    char cmd[800];
    snprintf(cmd, sizeof cmd, "ls '%s' | grep -c tmp- >/dev/null", dir);
    assert_int_not_equal(system(cmd), 0);
}

static void remember_progress(void *ctx, long long done, long long total)
{
    long long *last = ctx;
    last[0] = done;
    last[1] = total;
    last[2]++;
}

static void progress_reaches_the_end(void **state)
{
    (void)state;
    long long last[3] = {-1, -1, 0}, rows = 0;
    char path[700];
    snprintf(path, sizeof path, "%s/progress.csv", dir);
    csvio_export_opts o = {.force = 1, .progress = remember_progress, .progress_ctx = last};
    cdtt_err e = {{0}};
    assert_int_equal(csvio_export_csv(db, CSVIO_MEMBERS, path, &o, &rows, &e), 0);
    assert_true(last[2] >= 1);
    assert_int_equal(last[0], rows);
    assert_int_equal(last[1], rows);
}

/* Runs a shell command and returns its output (malloc'd). */
static char *run(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char *buf = tu_read_all(p, NULL);
    pclose(p);
    return buf;
}

static void xlsx_workbook_has_a_sheet_per_table(void **state)
{
    (void)state;
    char path[700], cmd[900];
    snprintf(path, sizeof path, "%s/all.xlsx", dir);
    csvio_export_opts o = {0};
    cdtt_err e = {{0}};
    assert_int_equal(csvio_export_xlsx(db, path, &o, &e), 0);
    size_t len;
    char *s = tu_slurp(path, &len);
    assert_true(len > 2000);
    assert_memory_equal(s, "PK\x03\x04", 4);
    free(s);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    snprintf(cmd, sizeof cmd, "unzip -p '%s' xl/workbook.xml", path);
    char *wb = run(cmd);
    assert_non_null(strstr(wb, "name=\"Thành viên\""));
    assert_non_null(strstr(wb, "name=\"Tổ\""));
    assert_non_null(strstr(wb, "name=\"Thôn, tổ dân phố\""));
    assert_non_null(strstr(wb, "name=\"Buổi tập huấn\""));
    assert_non_null(strstr(wb, "name=\"Hoạt động\""));
    free(wb);
    /* The header row is frozen and bold; no CCCD without --full; numbers are numbers. */
    snprintf(cmd, sizeof cmd, "unzip -p '%s' xl/worksheets/sheet1.xml", path);
    char *sheet = run(cmd);
    assert_non_null(strstr(sheet, "state=\"frozen\""));
    assert_non_null(strstr(sheet, "Nguyễn Văn An"));
    assert_non_null(strstr(sheet, "07/04/1985"));
    /* The same columns as the CSV: the MOOC date has its own. */
    assert_non_null(strstr(sheet, "Ngày hoàn thành MOOC"));
    assert_null(strstr(sheet, "001085012345"));
    free(sheet);
    snprintf(cmd, sizeof cmd, "unzip -p '%s' xl/styles.xml", path);
    char *styles = run(cmd);
    assert_non_null(strstr(styles, "<b/>"));
    free(styles);
    snprintf(cmd, sizeof cmd, "unzip -p '%s' xl/worksheets/sheet5.xml", path);
    char *acts = run(cmd);
    assert_non_null(strstr(acts, "<v>25</v>"));
    free(acts);
    /* A second export refuses to replace it. */
    assert_int_equal(csvio_export_xlsx(db, path, &o, &e), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(members_csv_has_bom_crlf_vietnamese_headers_and_labels),
        cmocka_unit_test(full_export_keeps_identifiers),
        cmocka_unit_test(english_headers_and_labels),
        cmocka_unit_test(other_tables),
        cmocka_unit_test(file_is_private_and_never_silently_replaced),
        cmocka_unit_test(progress_reaches_the_end),
        cmocka_unit_test(xlsx_workbook_has_a_sheet_per_table),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
