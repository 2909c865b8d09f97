/* test_units.c — importing administrative-unit lists and looking units up. */
#include "testutil.h"
#include "units.h"

static int setup(void **state)
{
    (void)state;
    return tu_db_setup("units.db");
}

static const char *write_csv(const char *name, const char *text)
{
    static char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

#define H3 "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
#define OLD_LIST                                                         \
    H3 "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Phúc Xá,00001,Phường,\n" \
    "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Trúc Bạch,00004,Phường,\n"   \
    "Thành phố Hà Nội,01,Huyện Sóc Sơn,016,Thị trấn Sóc Sơn,00376,Thị trấn,\n" \
    "Thành phố Hà Nội,01,Huyện Sóc Sơn,016,Xã Bắc Sơn,00379,Xã,Bac Son\n"      \
    "Thành phố Hải Phòng,31,Huyện Bạch Long Vĩ,318,,,Huyện,\n"                  \
    "Tỉnh Hà Giang,02,Thành phố Hà Giang,024,Phường Quang Trung,00688,Phường,\n"

#define H2 "Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\r\n"
#define NEW_LIST                                         \
    H2 "Thành phố Hà Nội,01,Phường Ba Đình,00004,Phường\r\n" \
    "Thành phố Hà Nội,01,Phường Cửa Nam,00082,Phường\r\n"     \
    "Thành phố Hà Nội,01,Xã Sóc Sơn,00376,Xã\r\n"             \
    "Tỉnh Quảng Ninh,22,Đặc khu Cô Tô,07192,Đặc khu\r\n"

static units_import_result import_ok(const char *path, const char *scheme)
{
    units_import_result r;
    cdtt_err e = {{0}};
    if (units_import_csv(db, path, scheme, &r, &e) != 0)
        fail_msg("import failed: %s", e.msg);
    return r;
}

static void three_tier_list_imports_with_levels_and_kinds(void **state)
{
    (void)state;
    units_import_result r = import_ok(write_csv("old.csv", OLD_LIST), NULL);
    assert_string_equal(r.scheme, "pre-2025");
    assert_int_equal(r.rows, 6);
    assert_int_equal(r.added[UNIT_PROVINCE], 3);
    assert_int_equal(r.added[UNIT_DISTRICT], 4);
    assert_int_equal(r.added[UNIT_COMMUNE], 5);
    unit_rec u;
    cdtt_err e;
    assert_int_equal(units_find(db, "pre-2025", "00001", &u, &e), 1);
    assert_string_equal(u.name, "Phường Phúc Xá");
    assert_string_equal(u.level, "commune");
    assert_string_equal(u.kind, "Phường");
    assert_string_equal(u.parent_code, "001");
    assert_string_equal(u.province_code, "01");
    assert_int_equal(units_find(db, "pre-2025", "016", &u, &e), 1);
    assert_string_equal(u.kind, "Huyện");
    assert_string_equal(u.parent_code, "01");
    assert_int_equal(units_find(db, "pre-2025", "024", &u, &e), 1);
    assert_string_equal(u.kind, "Thành phố");
    assert_int_equal(units_find(db, "pre-2025", "01", &u, &e), 1);
    assert_string_equal(u.kind, "Thành phố");
    assert_string_equal(u.parent_code, "");
    assert_int_equal(units_find(db, "pre-2025", "02", &u, &e), 1);
    assert_string_equal(u.kind, "Tỉnh");
    assert_int_equal(units_find(db, "pre-2025", "318", &u, &e), 1); /* island district, no commune */
    assert_int_equal(units_find(db, "2025-07", "00001", &u, &e), 0);
    assert_int_equal(units_find(db, "pre-2025", "1", &u, &e), 0);
    assert_int_equal(units_count(db, "pre-2025", UNIT_COMMUNE), 5);
    assert_int_equal(units_count(db, NULL, -1), 12);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM unit WHERE name_fold = 'phuong phuc xa'", 0), 1);
}

static void second_import_changes_nothing_and_says_so(void **state)
{
    (void)state;
    const char *p = write_csv("new.csv", NEW_LIST);
    units_import_result r = import_ok(p, NULL);
    assert_string_equal(r.scheme, "2025-07");
    assert_int_equal(r.added[UNIT_PROVINCE], 2);
    assert_int_equal(r.added[UNIT_COMMUNE], 4);
    assert_int_equal(r.added[UNIT_DISTRICT], 0);
    r = import_ok(p, "2025-07");
    for (int l = 0; l < UNIT_LEVELS; l++) {
        assert_int_equal(r.added[l], 0);
        assert_int_equal(r.changed[l], 0);
    }
    assert_int_equal(r.unchanged[UNIT_PROVINCE], 2);
    assert_int_equal(r.unchanged[UNIT_COMMUNE], 4);
    unit_rec u;
    cdtt_err e;
    assert_int_equal(units_find(db, "2025-07", "07192", &u, &e), 1);
    assert_string_equal(u.kind, "Đặc khu");
    assert_string_equal(u.parent_code, "22");
    /* same codes, other scheme: both kept apart */
    assert_int_equal(units_find(db, "2025-07", "00004", &u, &e), 1);
    assert_string_equal(u.name, "Phường Ba Đình");
    assert_int_equal(units_find(db, "pre-2025", "00004", &u, &e), 1);
    assert_string_equal(u.name, "Phường Trúc Bạch");
}

static void renamed_unit_counts_as_changed(void **state)
{
    (void)state;
    const char *p = write_csv("renamed.csv", H2 "Thành phố Hà Nội,01,Phường Ba Đình Mới,00004,Phường\r\n");
    units_import_result r = import_ok(p, NULL);
    assert_int_equal(r.changed[UNIT_COMMUNE], 1);
    assert_int_equal(r.unchanged[UNIT_PROVINCE], 1);
    unit_rec u;
    cdtt_err e;
    assert_int_equal(units_find(db, "2025-07", "00004", &u, &e), 1);
    assert_string_equal(u.name, "Phường Ba Đình Mới");
    import_ok(write_csv("back.csv", NEW_LIST), NULL);
}

static void bom_crlf_and_reordered_columns(void **state)
{
    (void)state;
    const char *p = write_csv("odd.csv", "\xEF\xBB\xBF" "Cấp;Mã PX;Phường Xã;Mã TP;Tỉnh Thành Phố\r\n"
                                         "Phường;00004;Phường  Ba Đình;01;Thành phố Hà Nội\r\n"
                                         "Đặc khu;07192;Đặc khu Cô Tô;22;Tỉnh Quảng Ninh\r\n");
    units_import_result r = import_ok(p, NULL);
    assert_string_equal(r.scheme, "2025-07");
    assert_int_equal(r.unchanged[UNIT_COMMUNE], 2);
    assert_int_equal(r.added[UNIT_COMMUNE] + r.changed[UNIT_COMMUNE], 0);
    /* rows Excel leaves blank (",,,,") are not units */
    p = write_csv("blank.csv", H2 "Thành phố Hà Nội,01,Phường Ba Đình,00004,Phường\r\n,,,,\r\n ,, ,,\r\n");
    r = import_ok(p, NULL);
    assert_int_equal(r.rows, 1);
    assert_int_equal(r.unchanged[UNIT_COMMUNE], 1);
    assert_int_equal(r.added[UNIT_COMMUNE] + r.changed[UNIT_COMMUNE], 0);
}

/* Expects the import of text to fail naming line, and the table to be as before. */
static void import_bad(const char *text, const char *scheme, long line, const char *needle)
{
    long long before = db_scalar_int(db, "SELECT count(*) FROM unit", -1);
    long long sum = db_scalar_int(db, "SELECT sum(length(name)) FROM unit", -1);
    const char *p = write_csv("bad.csv", text);
    units_import_result r;
    cdtt_err e = {{0}};
    assert_int_equal(units_import_csv(db, p, scheme, &r, &e), -1);
    char want[800];
    snprintf(want, sizeof want, "%s:%ld:", p, line);
    if (line > 0 && !strstr(e.msg, want))
        fail_msg("expected '%s' in '%s'", want, e.msg);
    if (needle && !strstr(e.msg, needle))
        fail_msg("expected '%s' in '%s'", needle, e.msg);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM unit", -1), before);
    assert_int_equal(db_scalar_int(db, "SELECT sum(length(name)) FROM unit", -1), sum);
    for (int l = 0; l < UNIT_LEVELS; l++)
        assert_int_equal(r.added[l] + r.changed[l], 0);
}

static void malformed_rows_import_nothing(void **state)
{
    (void)state;
    /* A good new unit first, so a partial import would show. */
    const char *good = H2 "Tỉnh Mới,77,Xã Mới,99990,Xã\r\n";
    char buf[2048];
#define BAD_AFTER_GOOD(row, line, needle)                        \
    do {                                                         \
        snprintf(buf, sizeof buf, "%s%s", good, row);            \
        import_bad(buf, NULL, line, needle);                     \
    } while (0)
    BAD_AFTER_GOOD("Thành phố Hà Nội,,Phường X,00009,Phường\r\n", 3, "province code is missing");
    BAD_AFTER_GOOD("Thành phố Hà Nội,1,Phường X,00009,Phường\r\n", 3, "Excel may have dropped the leading zeros");
    BAD_AFTER_GOOD("Thành phố Hà Nội,001,Phường X,00009,Phường\r\n", 3, "not a province code (2 digits");
    BAD_AFTER_GOOD("Thành phố Hà Nội,01,Phường X,9,Phường\r\n", 3, "not a commune code");
    BAD_AFTER_GOOD("Thành phố Hà Nội,01,Phường X,0000A,Phường\r\n", 3, "not a commune code");
    BAD_AFTER_GOOD("Thành phố Hà Nội,01,Phường X,,Phường\r\n", 3, "commune code is missing");
    BAD_AFTER_GOOD("Thành phố Hà Nội,01,,00009,Phường\r\n", 3, "commune name is missing");
    BAD_AFTER_GOOD("Tỉnh Mới Khác,77,Xã Y,99991,Xã\r\n", 3, "on line 2");
    BAD_AFTER_GOOD("Tỉnh Mới,77,Xã Mới,99990,Xã\r\n", 3, "twice");
    BAD_AFTER_GOOD("Tỉnh Mới,77,Xã Y,99991\r\n", 3, "columns");
    BAD_AFTER_GOOD("Tỉnh Mới,77,Xã Y,99991,Xã,extra\r\n", 3, "columns");
    BAD_AFTER_GOOD("Tỉnh Mới,77,Xã Y,99991,Làng\r\n", 3, "kind of commune");
    BAD_AFTER_GOOD("Tỉnh Mới,77,X\xC3\x28,99991,Xã\r\n", 3, "UTF-8");
    BAD_AFTER_GOOD("Tỉnh Mới,77,\"Xã Y,99991,Xã\r\n", 3, "not closed");
    import_bad(H3 "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Phúc Xá,00001,Phường,\n"
                  "Thành phố Hà Nội,01,Quận Ba Đình Khác,001,Phường Y,00099,Phường,\n",
               NULL, 3, "district 001");
    import_bad(H3 "Thành phố Hà Nội,01,Quận Ba Đình,01,Phường Phúc Xá,00001,Phường,\n", NULL, 2,
               "not a district code");
    import_bad("Họ và tên,Ngày sinh\nAn,1990\n", NULL, 1, "not a list of administrative units");
    import_bad("", NULL, 0, "empty");
    import_bad(H2, NULL, 0, "no communes");
    import_bad(NEW_LIST, "pre-2025", 1, "district columns");
    import_bad(OLD_LIST, "2025-07", 1, "district columns");
    import_bad("Tỉnh Thành Phố,Mã TP,Quận Huyện,Phường Xã,Mã PX\n", NULL, 1, "pairs");
    units_import_result r;
    cdtt_err e;
    assert_int_equal(units_import_csv(db, "/nonexistent/x.csv", NULL, &r, &e), -1);
    assert_int_equal(units_import_csv(db, write_csv("x.csv", NEW_LIST), "2024", &r, &e), -1);
}

typedef struct {
    char codes[64][8];
    int n;
} collected;

static int collect(const unit_rec *u, void *arg)
{
    collected *c = arg;
    if (c->n < 64)
        snprintf(c->codes[c->n++], 8, "%s", u->code);
    return 0;
}

static void lookups_for_screens(void **state)
{
    (void)state;
    cdtt_err e;
    collected c = {0};
    assert_int_equal(units_provinces(db, "2025-07", collect, &c, &e), 0);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.codes[0], "01");
    assert_string_equal(c.codes[1], "22");
    memset(&c, 0, sizeof c);
    assert_int_equal(units_communes(db, "2025-07", "01", "ba dinh", 0, 0, collect, &c, &e), 0);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.codes[0], "00004");
    memset(&c, 0, sizeof c);
    assert_int_equal(units_communes(db, "2025-07", "01", "CỬA", 0, 0, collect, &c, &e), 0);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.codes[0], "00082");
    memset(&c, 0, sizeof c);
    assert_int_equal(units_communes(db, "2025-07", "01", NULL, 1, 1, collect, &c, &e), 0); /* paged */
    assert_int_equal(c.n, 1);
    assert_string_equal(c.codes[0], "00082");
    memset(&c, 0, sizeof c);
    assert_int_equal(units_communes(db, "2025-07", "01", "%", 0, 0, collect, &c, &e), 0); /* literal % */
    assert_int_equal(c.n, 0);
    assert_int_equal(units_count_communes(db, "2025-07", "01", NULL), 3);
    assert_int_equal(units_count_communes(db, "2025-07", "01", "phuong"), 2);
    assert_int_equal(units_count_communes(db, "2025-07", "01", "Sóc"), 1);
    assert_int_equal(units_count_communes(db, "2025-07", "01", "_"), 0);
    assert_int_equal(units_count_communes(db, "2025-07", "99", NULL), 0);
    memset(&c, 0, sizeof c);
    assert_int_equal(units_list(db, "pre-2025", "01", collect, &c, &e), 0);
    const char *want[] = {"001", "00001", "00004", "016", "00376", "00379"};
    assert_int_equal(c.n, 6);
    for (int i = 0; i < 6; i++)
        assert_string_equal(c.codes[i], want[i]);
    memset(&c, 0, sizeof c);
    assert_int_equal(units_list(db, "pre-2025", "016", collect, &c, &e), 0);
    assert_int_equal(c.n, 2);
    memset(&c, 0, sizeof c);
    assert_int_equal(units_list(db, NULL, NULL, collect, &c, &e), 0);
    assert_int_equal(c.n, units_count(db, NULL, -1));
    assert_string_equal(c.codes[0], "01"); /* 2025-07 first, province before its communes */
    assert_string_equal(c.codes[1], "00004");
}

static void real_lists_import_completely(void **state)
{
    (void)state;
    const char *data = tu_shared_data();
    if (!data) {
        fprintf(stderr, "shared data folder absent: real-list import not tested\n");
        skip();
    }
    sqlite3 *real = tu_open_db(dir, "real.db");
    char path[1200];
    units_import_result r;
    cdtt_err e;
    snprintf(path, sizeof path, "%s/units-2025-01-gso.csv", data);
    assert_int_equal(units_import_csv(real, path, NULL, &r, &e), 0);
    assert_int_equal(r.rows, 10056);
    assert_int_equal(r.added[UNIT_PROVINCE], 63);
    assert_int_equal(r.added[UNIT_DISTRICT], 696);
    assert_int_equal(r.added[UNIT_COMMUNE], 10051); /* 5 island districts have no commune row */
    snprintf(path, sizeof path, "%s/units-2025-07.csv", data);
    assert_int_equal(units_import_csv(real, path, NULL, &r, &e), 0);
    assert_int_equal(r.added[UNIT_PROVINCE], 34);
    assert_int_equal(r.added[UNIT_COMMUNE], 3321);
    assert_int_equal(units_count(real, "2025-07", UNIT_DISTRICT), 0);
    unit_rec u;
    assert_int_equal(units_find(real, "2025-07", "00082", &u, &e), 1);
    assert_string_equal(u.name, "Phường Cửa Nam");
    db_close(real);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(three_tier_list_imports_with_levels_and_kinds),
        cmocka_unit_test(second_import_changes_nothing_and_says_so),
        cmocka_unit_test(renamed_unit_counts_as_changed),
        cmocka_unit_test(bom_crlf_and_reordered_columns),
        cmocka_unit_test(malformed_rows_import_nothing),
        cmocka_unit_test(lookups_for_screens),
        cmocka_unit_test(real_lists_import_completely),
    };
    return cmocka_run_group_tests(tests, setup, tu_db_teardown);
}
