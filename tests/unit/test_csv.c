/* test_csv.c — the CSV reader and writer against the quirks of Excel's files. */
#include "testutil.h"
#include "csv.h"
#include "text.h"

#include <errno.h>

/* Reads every record of a memory CSV and checks it against expected rows:
 * a NULL-terminated list of rows, each a NULL-terminated list of fields. */
static void expect_rows(const char *data, size_t len, const char *const *const *rows)
{
    cdtt_err e = {{0}};
    csv_reader *r = csv_open_mem(data, len, &e);
    assert_non_null(r);
    char **f;
    int i = 0;
    for (; rows[i]; i++) {
        int n = csv_next(r, &f, &e);
        if (n < 0)
            fail_msg("row %d: %s", i, e.msg);
        int want = 0;
        while (rows[i][want])
            want++;
        assert_int_equal(n, want);
        for (int k = 0; k < n; k++)
            assert_string_equal(f[k], rows[i][k]);
    }
    assert_int_equal(csv_next(r, &f, &e), 0);
    assert_int_equal(csv_next(r, &f, &e), 0); /* end stays the end */
    csv_close(r);
}

#define ROW(...) ((const char *const[]){__VA_ARGS__, NULL})
#define S(lit) lit, sizeof lit - 1

static void plain_lf_and_crlf(void **state)
{
    (void)state;
    const char *const *rows[] = {ROW("a", "b", "c"), ROW("1", "2", "3"), NULL};
    expect_rows(S("a,b,c\n1,2,3\n"), rows);
    expect_rows(S("a,b,c\r\n1,2,3\r\n"), rows);
    expect_rows(S("a,b,c\r\n1,2,3"), rows); /* no line end at the end */
    expect_rows(S("\xEF\xBB\xBF" "a,b,c\r\n1,2,3\r\n"), rows);
}

static void quotes_separators_and_line_breaks_inside(void **state)
{
    (void)state;
    const char *const *rows[] = {
        ROW("Họ và tên", "Ghi chú"),
        ROW("Nguyễn Văn A", "đã học, đã \"quan tâm\""),
        ROW("Trần Thị B", "dòng 1\r\ndòng 2"),
        ROW("", ""),
        NULL,
    };
    expect_rows(S("Họ và tên,Ghi chú\r\n"
                  "Nguyễn Văn A,\"đã học, đã \"\"quan tâm\"\"\"\r\n"
                  "Trần Thị B,\"dòng 1\r\ndòng 2\"\r\n"
                  ",\"\"\r\n"),
                rows);
    const char *const *lf[] = {ROW("x", "a\nb"), ROW("y", "z"), NULL};
    expect_rows(S("x,\"a\nb\"\ny,z\n"), lf);
}

static void empty_fields_and_empty_lines(void **state)
{
    (void)state;
    const char *const *rows[] = {ROW("a", "", "c", ""), ROW("", "", "", ""), ROW("z"), NULL};
    expect_rows(S("\r\na,,c,\r\n\r\n\n,,,\nz\n\n"), rows);
    const char *const *none[] = {NULL};
    expect_rows(S(""), none);
    expect_rows(S("\xEF\xBB\xBF"), none);
    expect_rows(S("\r\n\r\n"), none);
}

static void separator_is_detected(void **state)
{
    (void)state;
    const char *const *rows[] = {ROW("Tên", "Số, nhà", "Điện thoại"), ROW("An", "1,5", "0912345678"), NULL};
    expect_rows(S("Tên;\"Số, nhà\";Điện thoại\r\nAn;1,5;0912345678\r\n"), rows);
    expect_rows(S("Tên\t\"Số, nhà\"\tĐiện thoại\nAn\t1,5\t0912345678\n"), rows);
    /* Commas inside quotes in the first line do not count. */
    const char *const *q[] = {ROW("a,b,c", "d"), NULL};
    expect_rows(S("\"a,b,c\";d\n"), q);
    /* A single column: comma. */
    const char *const *one[] = {ROW("only"), ROW("x;y", "z"), NULL};
    expect_rows(S("only\nx;y,z\n"), one);
}

static void text_after_closing_quote_is_kept(void **state)
{
    (void)state;
    const char *const *rows[] = {ROW("ab c", "d"), NULL};
    expect_rows(S("\"ab\" c,d\n"), rows);
}

static void line_numbers(void **state)
{
    (void)state;
    const char data[] = "h1,h2\r\n\r\nx,\"two\r\nlines\"\r\ny,z\r\n";
    cdtt_err e;
    csv_reader *r = csv_open_mem(data, sizeof data - 1, &e);
    char **f;
    assert_int_equal(csv_next(r, &f, &e), 2);
    assert_int_equal(csv_line(r), 1);
    assert_int_equal(csv_next(r, &f, &e), 2);
    assert_int_equal(csv_line(r), 3);
    assert_int_equal(csv_next(r, &f, &e), 2);
    assert_int_equal(csv_line(r), 5);
    assert_string_equal(f[0], "y");
    csv_close(r);
}

/* Reads until an error; returns the error message (static) or fails. */
static const char *first_error(const char *data, size_t len)
{
    static cdtt_err e;
    csv_reader *r = csv_open_mem(data, len, &e);
    char **f;
    int n;
    while ((n = csv_next(r, &f, &e)) > 0)
        ;
    csv_close(r);
    if (n == 0)
        fail_msg("no error for a malformed CSV");
    return e.msg;
}

static void unterminated_quote_names_the_record_start(void **state)
{
    (void)state;
    const char *m = first_error(S("a,b\nc,d\ne,\"never\nclosed\nat all\n"));
    assert_non_null(strstr(m, "line 3:"));
    assert_non_null(strstr(m, "not closed"));
}

static void invalid_utf8_names_the_line(void **state)
{
    (void)state;
    const char *m = first_error(S("a,b\nc,d\nNguy\xE1\xBB,x\n"));
    assert_non_null(strstr(m, "line 3:"));
    assert_non_null(strstr(m, "UTF-8"));
    m = first_error(S("a\n\xC0\xAF\n")); /* an overlong '/' */
    assert_non_null(strstr(m, "line 2:"));
    m = first_error(S("a,\"x\n\xFF\"\n")); /* inside a multi-line field: its record's line */
    assert_non_null(strstr(m, "line 1:"));
}

static void field_of_64k_passes_longer_fails(void **state)
{
    (void)state;
    size_t n = 64 * 1024;
    char *data = xmalloc(n * 2 + 64);
    /* exactly 64 KiB, unquoted and quoted */
    size_t o = 0;
    memcpy(data, "a,b\n", 4);
    o = 4;
    memset(data + o, 'x', n);
    o += n;
    data[o++] = ',';
    data[o++] = '"';
    memset(data + o, 'y', n);
    o += n;
    data[o++] = '"';
    data[o++] = '\n';
    cdtt_err e;
    csv_reader *r = csv_open_mem(data, o, &e);
    char **f;
    assert_int_equal(csv_next(r, &f, &e), 2);
    assert_int_equal(csv_next(r, &f, &e), 2);
    assert_int_equal(strlen(f[0]), n);
    assert_int_equal(strlen(f[1]), n);
    csv_close(r);
    /* one byte more */
    memcpy(data, "a,b\n", 4);
    memset(data + 4, 'x', n + 1);
    data[4 + n + 1] = '\n';
    const char *m = first_error(data, 4 + n + 2);
    assert_non_null(strstr(m, "line 2:"));
    assert_non_null(strstr(m, "64 KiB"));
    free(data);
}

static void too_many_fields_is_an_error(void **state)
{
    (void)state;
    size_t n = 10000;
    char *data = xmalloc(n + 1);
    memset(data, ',', n);
    data[n] = '\n';
    const char *m = first_error(data, n + 1);
    assert_non_null(strstr(m, "line 1:"));
    free(data);
}

static char *path_in_dir(const char *name)
{
    char *p = xmalloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

static void write_then_read_back_identical(void **state)
{
    (void)state;
    const char *rows[][5] = {
        {"Họ và tên", "Ghi chú", "Số", " lề ", "x"},
        {"Nguyễn Văn A", "có, dấu phẩy", "0912", "\"trích\"", ""},
        {"Lê Thị Đặng", "hai\ndòng", "một\ndòng", "; chấm phẩy", "tab"},
        {"", "", "", "", "z"},
    };
    char seps[] = {',', ';', '\t'};
    for (int s = 0; s < 3; s++) {
        char *path = path_in_dir("round.csv");
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        csv_write_bom(f);
        for (int i = 0; i < 4; i++)
            csv_write_row(f, rows[i], 5, seps[s]);
        fclose(f);
        cdtt_err e;
        csv_reader *r = csv_open(path, &e);
        assert_non_null(r);
        char **fl;
        for (int i = 0; i < 4; i++) {
            assert_int_equal(csv_next(r, &fl, &e), 5);
            for (int k = 0; k < 5; k++)
                assert_string_equal(fl[k], rows[i][k]);
        }
        assert_int_equal(csv_next(r, &fl, &e), 0);
        csv_close(r);
        free(path);
    }
}

static void writer_quotes_only_when_needed(void **state)
{
    (void)state;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    const char *row[] = {"plain", "a,b", "say \"hi\"", " x", "y;z", ""};
    csv_write_row(f, row, 6, ',');
    fclose(f);
    assert_string_equal(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\" x\",\"y;z\",\r\n");
    free(out);
}

static void file_reader_errors_name_the_file(void **state)
{
    (void)state;
    char *path = path_in_dir("bad.csv");
    FILE *f = fopen(path, "wb");
    fputs("a;b\r\nc;d\r\n\"open;e\r\n", f);
    fclose(f);
    cdtt_err e;
    csv_reader *r = csv_open(path, &e);
    assert_non_null(r);
    char **fl;
    assert_int_equal(csv_next(r, &fl, &e), 2);
    assert_int_equal(csv_next(r, &fl, &e), 2);
    assert_int_equal(csv_next(r, &fl, &e), -1);
    char want[700];
    snprintf(want, sizeof want, "%s:3:", path);
    assert_non_null(strstr(e.msg, want));
    csv_close(r);
    free(path);

    path = path_in_dir("missing.csv");
    assert_null(csv_open(path, &e));
    assert_non_null(strstr(e.msg, "missing.csv"));
    free(path);
    assert_null(csv_open(dir, &e)); /* a folder is not a CSV file */
    assert_non_null(strstr(e.msg, dir));
}

static void file_with_long_first_line_streams(void **state)
{
    (void)state;
    /* Many records through the file reader: the separator sniffing prefix and
     * the stream join without losing or doubling a byte. */
    char *path = path_in_dir("many.csv");
    FILE *f = fopen(path, "wb");
    fputs("\xEF\xBB\xBF" "id;name\n", f);
    for (int i = 0; i < 20000; i++)
        fprintf(f, "%d;\"tên %d; ok\"\r\n", i, i);
    fclose(f);
    cdtt_err e;
    csv_reader *r = csv_open(path, &e);
    char **fl;
    assert_int_equal(csv_next(r, &fl, &e), 2);
    assert_string_equal(fl[0], "id");
    for (int i = 0; i < 20000; i++) {
        assert_int_equal(csv_next(r, &fl, &e), 2);
        char want[64];
        snprintf(want, sizeof want, "tên %d; ok", i);
        assert_int_equal(atoi(fl[0]), i);
        assert_string_equal(fl[1], want);
    }
    assert_int_equal(csv_next(r, &fl, &e), 0);
    assert_int_equal(csv_line(r), 20001);
    csv_close(r);
    free(path);
}

static void find_column_folds_headers(void **state)
{
    (void)state;
    char *hdr[] = {"STT", "HO_VA_TEN", " Ngày  sinh ", "Số điện thoại (di động)", "Mã TP"};
    const char *const name[] = {"Họ và tên", NULL};
    const char *const birth[] = {"ngay sinh", NULL};
    const char *const phone[] = {"Điện thoại", "so dien thoai di dong", NULL};
    const char *const code[] = {"ma tp", NULL};
    const char *const none[] = {"email", "", NULL};
    assert_int_equal(csv_find_column(hdr, 5, name), 1);
    assert_int_equal(csv_find_column(hdr, 5, birth), 2);
    assert_int_equal(csv_find_column(hdr, 5, phone), 3);
    assert_int_equal(csv_find_column(hdr, 5, code), 4);
    assert_int_equal(csv_find_column(hdr, 5, none), -1);
    char *empty[] = {"", "  "};
    assert_int_equal(csv_find_column(empty, 2, none), -1);
}

static unsigned rnd_state = 2026;
static unsigned rnd(unsigned n)
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return (rnd_state >> 8) % n;
}

static void random_bytes_never_crash(void **state)
{
    (void)state;
    /* Bytes drawn mostly from CSV's special characters: the reader must end
     * every buffer with 0 or -1 and a message, never read out of bounds. */
    static const char alphabet[] = {',', ';', '\t', '"', '"', '\r', '\n', 'a', ' ', '\xC3', '\xA1', '\xFF', '\0'};
    char buf[512];
    for (int round = 0; round < 3000; round++) {
        size_t n = rnd(sizeof buf);
        for (size_t i = 0; i < n; i++)
            buf[i] = alphabet[rnd(sizeof alphabet)];
        cdtt_err e = {{0}};
        csv_reader *r = csv_open_mem(buf, n, &e);
        char **f;
        int k, records = 0;
        while ((k = csv_next(r, &f, &e)) > 0) {
            records++;
            for (int i = 0; i < k; i++)
                assert_true(text_valid_utf8(f[i], strlen(f[i])));
        }
        if (k < 0)
            assert_non_null(strstr(e.msg, "line "));
        assert_true(records <= (int)n);
        csv_close(r);
    }
}

static void random_fields_round_trip(void **state)
{
    (void)state;
    /* Pieces the writer keeps as they are (line feeds) or that it protects with
     * an apostrophe the reader's user takes off again (formula signs). */
    static const char *const pieces[] = {"a", "Đặng", ",", ";", "\"", "\n", " ", "x y", "", "=", "-", "1",
                                         "\xef\xbc\x9d", "@"};
    for (int round = 0; round < 500; round++) {
        char fields[6][128];
        const char *ptrs[6];
        int nf = 1 + (int)rnd(6);
        for (int i = 0; i < nf; i++) {
            fields[i][0] = '\0';
            int np = (int)rnd(6);
            for (int p = 0; p < np; p++)
                strcat(fields[i], pieces[rnd(sizeof pieces / sizeof pieces[0])]);
            ptrs[i] = fields[i];
        }
        if (nf == 1 && !fields[0][0])
            snprintf(fields[0], sizeof fields[0], "only"); /* an empty line is skipped by design */
        char sep = ",;\t"[rnd(3)];
        char *out = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&out, &len);
        csv_write_row(f, ptrs, nf, sep);
        csv_write_row(f, ptrs, nf, sep);
        fclose(f);
        cdtt_err e;
        csv_reader *r = csv_open_mem(out, len, &e);
        char **got;
        for (int rep = 0; rep < 2; rep++) {
            int k = csv_next(r, &got, &e);
            if (k != nf)
                fail_msg("round %d: %d fields, wanted %d (sep %d): [%s]", round, k, nf, sep, out);
            for (int i = 0; i < nf; i++)
                if (strcmp(csv_unneutralise(got[i]), fields[i]) != 0)
                    fail_msg("round %d field %d: [%s] != [%s] in [%s]", round, i, got[i], fields[i], out);
        }
        assert_int_equal(csv_next(r, &got, &e), 0);
        csv_close(r);
        free(out);
    }
}

/* What a spreadsheet would run or a terminal would obey is written harmless:
 * formulas (also full-width, after spaces, after a tab) get an apostrophe,
 * numbers the program writes stay numbers, control characters are shown. */
static void writer_neutralises_formulas_and_controls(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
        {"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
        {"-2+3", "'-2+3"},
        {"@SUM(A1:A9)", "'@SUM(A1:A9)"},
        {"\xef\xbc\x9d" "1+1", "'\xef\xbc\x9d" "1+1"},       /* ＝1+1 */
        {"\xef\xbc\x8b" "1", "'\xef\xbc\x8b" "1"},           /* ＋1 */
        {"\xef\xbc\x8d" "1", "'\xef\xbc\x8d" "1"},           /* －1 */
        {"\xef\xbc\xa0" "SUM(1)", "'\xef\xbc\xa0" "SUM(1)"}, /* ＠SUM */
        {"  =1+1", "'  =1+1"},
        {"\t=1", "^I=1"}, /* the tab is shown, so nothing is left to run */
        {"\r=1", "^M=1"},
        {"\n=1", "\"'\n=1\""},
        {"-12", "-12"},
        {"+84912345678", "+84912345678"},
        {"3.5", "3.5"},
        {"-", "'-"},
        {"a=b", "a=b"},
        {"Nguyễn\x1b[2J", "Nguyễn^[[2J"},
        {"dòng 1\ndòng 2", "\"dòng 1\ndòng 2\""},
        {"abc\xe2\x80\xaeZYX", "abc<U+202E>ZYX"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&out, &len);
        csv_write_field(f, cases[i].in, ',');
        fclose(f);
        if (strcmp(out, cases[i].want) != 0)
            fail_msg("case %zu: wrote [%s], wanted [%s]", i, out, cases[i].want);
        free(out);
    }
    assert_string_equal(csv_unneutralise("'=1+1"), "=1+1");
    assert_string_equal(csv_unneutralise("'\xef\xbc\xa0x"), "\xef\xbc\xa0x");
    assert_string_equal(csv_unneutralise("'abc"), "'abc");
    assert_string_equal(csv_unneutralise("=1"), "=1");
}

/* A NUL byte refuses the file (with the UTF-16 hint) instead of cutting the value. */
static void nul_byte_refuses_the_file(void **state)
{
    (void)state;
    static const char quoted[] = "Họ và tên,Tổ\n\"An\0hidden\",Tổ 1\n";
    static const char plain[] = "Họ và tên,Tổ\nAn\0hidden,Tổ 1\n";
    /* "Họ" in UTF-16LE with its byte order mark, as Excel's "Unicode Text" saves it. */
    static const char utf16[] = "\xff\xfeH\0\xcd\x1e,\0T\0\n\0";
    const struct {
        const char *data;
        size_t len;
        int good_records;
    } cases[] = {{quoted, sizeof quoted - 1, 1}, {plain, sizeof plain - 1, 1}, {utf16, sizeof utf16 - 1, 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cdtt_err e;
        csv_reader *r = csv_open_mem(cases[i].data, cases[i].len, &e);
        char **f;
        for (int k = 0; k < cases[i].good_records; k++)
            assert_true(csv_next(r, &f, &e) > 0);
        assert_int_equal(csv_next(r, &f, &e), -1);
        if (!strstr(e.msg, "UTF-16") || !strstr(e.msg, "NUL"))
            fail_msg("case %zu: %s", i, e.msg);
        csv_close(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_lf_and_crlf),
        cmocka_unit_test(quotes_separators_and_line_breaks_inside),
        cmocka_unit_test(empty_fields_and_empty_lines),
        cmocka_unit_test(separator_is_detected),
        cmocka_unit_test(text_after_closing_quote_is_kept),
        cmocka_unit_test(line_numbers),
        cmocka_unit_test(unterminated_quote_names_the_record_start),
        cmocka_unit_test(invalid_utf8_names_the_line),
        cmocka_unit_test(field_of_64k_passes_longer_fails),
        cmocka_unit_test(too_many_fields_is_an_error),
        cmocka_unit_test(write_then_read_back_identical),
        cmocka_unit_test(writer_quotes_only_when_needed),
        cmocka_unit_test(writer_neutralises_formulas_and_controls),
        cmocka_unit_test(nul_byte_refuses_the_file),
        cmocka_unit_test(file_reader_errors_name_the_file),
        cmocka_unit_test(file_with_long_first_line_streams),
        cmocka_unit_test(find_column_folds_headers),
        cmocka_unit_test(random_bytes_never_crash),
        cmocka_unit_test(random_fields_round_trip),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
