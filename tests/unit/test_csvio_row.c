/* test_csvio_row.c — recognising a member list's columns and checking its rows
 * cell by cell, as Excel users write them. */
#include "testutil.h"
#include "csvio.h"
#include "csvio-member.h"

static int setup(void **state)
{
    (void)state;
    tu_english();
    return 0;
}

static void headers_in_any_order_case_and_accents(void **state)
{
    (void)state;
    char *h[] = {"STT", "to", "HỌ VÀ TÊN", "so dien thoai", "Thôn/TDP", "Zalo", "Quê quán", "ngay_sinh"};
    csvio_member_columns c;
    csvio_import_summary s = {0};
    assert_int_equal(csvio_member_columns_find(h, 8, &c, &s), 1);
    assert_int_equal(c.col[CSVIO_F_NAME], 2);
    assert_int_equal(c.col[CSVIO_F_TEAM], 1);
    assert_int_equal(c.col[CSVIO_F_PHONE], 3);
    assert_int_equal(c.col[CSVIO_F_AREA], 4);
    assert_int_equal(c.col[CSVIO_F_ZALO], 5);
    assert_int_equal(c.col[CSVIO_F_BIRTH], 7);
    assert_int_equal(c.col[CSVIO_F_CCCD], -1);
    assert_string_equal(c.header[CSVIO_F_NAME], "HỌ VÀ TÊN");
    /* "Quê quán" is unknown and said so; "STT" is expected and not mentioned. */
    assert_int_equal(s.n_ignored, 1);
    assert_string_equal(s.ignored_columns[0], "Quê quán");
    csvio_import_summary_free(&s);
}

static void english_headers_and_required_columns(void **state)
{
    (void)state;
    char *en[] = {"Full name", "Team", "Village or group", "Phone", "Online course"};
    csvio_member_columns c;
    assert_int_equal(csvio_member_columns_find(en, 5, &c, NULL), 1);
    assert_int_equal(c.col[CSVIO_F_AREA], 2);
    assert_int_equal(c.col[CSVIO_F_MOOC], 4);
    char *no_team[] = {"Họ và tên", "Ngày sinh"};
    assert_int_equal(csvio_member_columns_find(no_team, 2, &c, NULL), 0);
    assert_int_equal(c.col[CSVIO_F_NAME], 0);
}

typedef struct {
    int n;
    char lines[12][512];
} reports;

static void collect(void *ctx, int severity, const char *field, const char *value, const char *msg)
{
    reports *r = ctx;
    if (r->n < 12)
        snprintf(r->lines[r->n++], 512, "%d|%s|%s|%s", severity, field, value, msg);
}

static char *HDR[] = {"Họ và tên", "Ngày sinh", "Giới tính", "Số điện thoại", "Số CCCD", "Email",
                      "Tổ", "Thôn/Tổ dân phố", "Vai trò", "Thành phần", "Đoàn viên",
                      "Học trực tuyến", "Zalo OA", "Ghi chú"};
#define NH ((int)(sizeof HDR / sizeof HDR[0]))

static int parse(char **cells, csvio_member_row *row, reports *r)
{
    csvio_member_columns c;
    assert_int_equal(csvio_member_columns_find(HDR, NH, &c, NULL), 1);
    memset(r, 0, sizeof *r);
    return csvio_member_row_parse(&c, cells, NH, "2026-11-27", row, collect, r);
}

static void good_row_with_excel_repairs(void **state)
{
    (void)state;
    /* Excel dropped the leading zeros of the phone and CCCD numbers. */
    char *cells[] = {"  nguyễn  văn an ", "7/4/1985", "nam", "912345678", "1085012345", "",
                     "Tổ CNSCĐ thôn Đông", "Thôn Đông", "tổ trưởng", "Công an xã", "x",
                     "20/11/2022", "có", "'=SUM(A1)"};
    csvio_member_row row;
    reports r;
    assert_int_equal(parse(cells, &row, &r), 1); /* the CCCD, below */
    assert_string_equal(row.name, "nguyễn văn an");
    assert_string_equal(row.birth, "1985-04-07");
    assert_string_equal(row.gender, "male");
    assert_string_equal(row.phone, "0912345678");
    assert_string_equal(row.role, "leader");
    assert_string_equal(row.category, "police");
    assert_int_equal(row.youth_union, 1);
    assert_string_equal(row.mooc_status, "completed");
    assert_string_equal(row.mooc_date, "2022-11-20");
    assert_int_equal(row.zalo_yes, 1);
    assert_string_equal(row.zalo_date, "");
    assert_string_equal(row.note, "=SUM(A1)");
    assert_true(row.set & (1u << CSVIO_F_ZALO));
    assert_false(row.set & (1u << CSVIO_F_EMAIL));
    assert_false(row.set & (1u << CSVIO_F_CCCD)); /* 10 digits: not repairable, reported */
    assert_int_equal(r.n, 1);
    assert_non_null(strstr(r.lines[0], "2|Số CCCD|1085012345|"));
}

static void every_bad_cell_is_reported_with_field_and_value(void **state)
{
    (void)state;
    char *cells[] = {"", "31/02/1990", "ông", "12345", "", "a@b", "", "", "trưởng nhóm", "", "có lẽ",
                     "hôm qua", "sắp", ""};
    csvio_member_row row;
    reports r;
    int errors = parse(cells, &row, &r);
    assert_int_equal(errors, 10);
    assert_int_equal(r.n, 10);
    const char *want[] = {"2|Họ và tên||", "2|Tổ||", "2|Ngày sinh|31/02/1990|", "2|Giới tính|ông|",
                          "2|Vai trò|trưởng nhóm|", "2|Số điện thoại|12345|", "2|Email|a@b|",
                          "2|Đoàn viên|có lẽ|", "2|Học trực tuyến|hôm qua|", "2|Zalo OA|sắp|"};
    for (int i = 0; i < 10; i++)
        assert_memory_equal(r.lines[i], want[i], strlen(want[i]));
    (void)row;
}

static void choices_status_labels_and_short_rows(void **state)
{
    (void)state;
    /* A row shorter than the header: missing cells are empty. */
    char *cells[] = {"Trần Thị Bình", "1990", "Nữ", "+84 987 654 321", "", "", "Tổ xã", "",
                     "Thành viên", "Giáo viên", "không", "Đang học"};
    csvio_member_columns c;
    assert_int_equal(csvio_member_columns_find(HDR, NH, &c, NULL), 1);
    csvio_member_row row;
    reports r = {0};
    assert_int_equal(csvio_member_row_parse(&c, cells, 12, "2026-11-27", &row, collect, &r), 0);
    assert_string_equal(row.birth, "1990");
    assert_string_equal(row.gender, "female");
    assert_string_equal(row.phone, "0987654321");
    assert_string_equal(row.mooc_status, "in_progress");
    assert_string_equal(row.area, "");
    assert_false(row.set & (1u << CSVIO_F_ZALO));
    assert_int_equal(row.youth_union, 0);
    assert_true(row.set & (1u << CSVIO_F_YOUTH));
}

static void category_as_communes_write_it(void **state)
{
    (void)state;
    struct {
        const char *cell, *code;
    } cases[] = {
        {"Trưởng thôn", "village_head"},     /* the one label that starts so */
        {"Hội phụ nữ xã", "womens_union"},   /* a label followed by more words */
        {"cán bộ, công chức xã", "commune_official"},
        {"Hội", NULL},                        /* four labels start so: ambiguous */
        {"Bác sĩ", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *cells[] = {"Tên Người", "", "", "", "", "", "Tổ xã", "", "", (char *)cases[i].cell,
                         "", "", "", ""};
        csvio_member_row row;
        reports r;
        int errors = parse(cells, &row, &r);
        if (cases[i].code) {
            assert_int_equal(errors, 0);
            assert_string_equal(row.category, cases[i].code);
        } else {
            assert_int_equal(errors, 1);
            assert_non_null(strstr(r.lines[0], "Thành phần"));
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(headers_in_any_order_case_and_accents),
        cmocka_unit_test(english_headers_and_required_columns),
        cmocka_unit_test(good_row_with_excel_repairs),
        cmocka_unit_test(every_bad_cell_is_reported_with_field_and_value),
        cmocka_unit_test(choices_status_labels_and_short_rows),
        cmocka_unit_test(category_as_communes_write_it),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
