/* test_table_read.c — member lists as commune offices keep them, read from
 * .xlsx (built here with libxlsxwriter), .xls and CSV (tests/data/members-office.*
 * and members-merged.*, written by tests/tools/make-office-list.py): the same
 * members come out of all three, also when data rows merge cells. Also the
 * commune's words for choices, the .xls checks made before libfreexl reads a
 * file, and damaged or hostile files. */
#include "testutil.h"
#include "choices.h"
#include "csvio.h"
#include "table.h"
#include "training.h"
#include "records.h"
#include "table-xls-file.h"

#include <xlsxwriter.h>
#include <zip.h>

static const char *fixture(const char *name)
{
    static char path[1024];
    const char *root = getenv("ROOT");
    snprintf(path, sizeof path, "%s/tests/data/%s", root && *root ? root : ".", name);
    return path;
}

/* The list of members-office.csv as an .xlsx workbook: a first sheet without
 * a list, then the list with merged title and header cells, Excel dates and
 * phone numbers stored as numbers. Returns its path. */
static const char *office_xlsx(void)
{
    static char path[700];
    snprintf(path, sizeof path, "%s/members-office.xlsx", dir);
    lxw_workbook *wb = workbook_new(path);
    worksheet_write_string(workbook_add_worksheet(wb, "Hướng dẫn"), 0, 0, "Điền danh sách ở trang sau", NULL);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Danh sách");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    worksheet_merge_range(ws, 0, 0, 0, 9, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", NULL);
    worksheet_merge_range(ws, 1, 0, 1, 9, "Độc lập - Tự do - Hạnh phúc", NULL);
    worksheet_merge_range(ws, 3, 0, 3, 9, "DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", NULL);
    worksheet_merge_range(ws, 4, 0, 4, 9, "UBND XÃ YÊN HÒA", NULL);
    const char *head[] = {"STT", "Họ và tên", NULL, NULL, "Số điện thoại", "Tổ", "Thôn/Tổ dân phố",
                          "Chức danh", "Thành phần", "Học trực tuyến"};
    for (int c = 0; c < 10; c++)
        if (head[c])
            worksheet_merge_range(ws, 6, (lxw_col_t)c, 7, (lxw_col_t)c, head[c], NULL);
    worksheet_merge_range(ws, 6, 2, 6, 3, "Năm sinh", NULL);
    worksheet_write_string(ws, 7, 2, "Nam", NULL);
    worksheet_write_string(ws, 7, 3, "Nữ", NULL);
    for (int c = 0; c < 10; c++) {
        char n[8];
        snprintf(n, sizeof n, "(%d)", c + 1);
        worksheet_write_string(ws, 8, (lxw_col_t)c, n, NULL);
    }
    const char *team = "Tổ CNSCĐ thôn Yên Hòa", *area = "Thôn Yên Hòa";
    lxw_datetime an_done = {2022, 11, 20, 0, 0, 0}, binh_born = {1990, 10, 15, 0, 0, 0};
    for (int r = 0; r < 5; r++) {
        lxw_row_t row = (lxw_row_t)(9 + r);
        worksheet_write_number(ws, row, 0, r + 1, NULL);
        worksheet_write_string(ws, row, 5, team, NULL);
        worksheet_write_string(ws, row, 6, area, NULL);
    }
    worksheet_write_string(ws, 9, 1, "Nguyễn Văn An", NULL);
    worksheet_write_number(ws, 9, 2, 1985, NULL);
    worksheet_write_number(ws, 9, 4, 912345678, NULL);
    worksheet_write_string(ws, 9, 7, "TT", NULL);
    worksheet_write_string(ws, 9, 8, "Trưởng thôn", NULL);
    worksheet_write_datetime(ws, 9, 9, &an_done, date);
    worksheet_write_string(ws, 10, 1, "Trần Thị Bình", NULL);
    worksheet_write_datetime(ws, 10, 3, &binh_born, date);
    worksheet_write_string(ws, 10, 4, "0987654321", NULL);
    worksheet_write_string(ws, 10, 7, "Tổ phó", NULL);
    worksheet_write_string(ws, 10, 8, "Hội LHPN", NULL);
    worksheet_write_string(ws, 10, 9, "Đang học", NULL);
    worksheet_write_string(ws, 11, 1, "Lê Văn Cường", NULL);
    worksheet_write_number(ws, 11, 2, 1978, NULL);
    worksheet_write_number(ws, 11, 4, 868111222, NULL);
    worksheet_write_string(ws, 11, 7, "TV", NULL);
    worksheet_write_string(ws, 11, 8, "CA xã", NULL);
    worksheet_write_string(ws, 12, 1, "Phạm Thị Dung", NULL);
    worksheet_write_number(ws, 12, 3, 2001, NULL);
    worksheet_write_string(ws, 12, 7, "thành viên", NULL);
    worksheet_write_string(ws, 12, 8, "GV", NULL);
    worksheet_write_string(ws, 12, 9, "15.10.2022", NULL);
    worksheet_write_string(ws, 13, 1, "Hoàng Văn Em", NULL);
    worksheet_write_number(ws, 13, 2, 1995, NULL);
    worksheet_write_number(ws, 13, 4, 356789012, NULL);
    worksheet_write_string(ws, 13, 7, "Thành viên", NULL);
    worksheet_write_string(ws, 13, 8, "Cán bộ y tế thôn", NULL);
    worksheet_write_string(ws, 15, 6, "Yên Hòa, ngày 20 tháng 11 năm 2022", NULL);
    worksheet_write_string(ws, 16, 1, "Người lập biểu", NULL);
    worksheet_write_string(ws, 16, 6, "CHỦ TỊCH UBND XÃ", NULL);
    worksheet_write_string(ws, 17, 1, "Nguyễn Thị Lập", NULL);
    worksheet_write_string(ws, 17, 6, "Trần Văn Chủ", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    return path;
}

static const choice_alias HEALTH = {"category", "Cán bộ y tế thôn", "Y tế"};

/* Imports path into a new commune with the alias above; returns the members
 * as one text (name, gender, birth, phone, category, role, MOOC, team, area). */
static char *members_from(const char *dbname, const char *path, csvio_import_summary *s)
{
    sqlite3 *db = tu_commune_db(dir, dbname);
    csvio_import_opts o = {.aliases = &HEALTH, .n_aliases = 1, .preview_rows = 3};
    cdtt_err e = {{0}};
    int rc = csvio_import_members_opts(db, path, &o, s, &e);
    if (rc != 0) {
        for (int i = 0; i < s->n_problems; i++)
            print_message("%s\n", s->problems[i]);
        fail_msg("import %s: %d %s", path, rc, e.msg);
    }
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT group_concat(line, char(10)) FROM (SELECT m.full_name || '|' ||"
                                        " m.gender || '|' || coalesce(m.birth, '') || '|' || coalesce(m.phone, '')"
                                        " || '|' || m.category || '|' || ms.role || '|' || m.mooc_status || '|' ||"
                                        " coalesce(m.mooc_date, '') || '|' || t.name || '|' || coalesce(a.name, '')"
                                        " AS line FROM member m JOIN membership ms ON ms.member_uuid = m.uuid"
                                        " JOIN team t ON t.uuid = ms.team_uuid LEFT JOIN area a ON"
                                        " a.uuid = t.area_uuid ORDER BY m.full_name)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    char *text = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    db_close(db);
    return text;
}

static void the_same_members_come_from_csv_xlsx_and_xls(void **state)
{
    (void)state;
    csvio_import_summary s;
    char *from_csv = members_from("office-csv.db", fixture("members-office.csv"), &s);
    assert_int_equal(s.rows_read, 5); /* no title, header, numbering or signature row */
    csvio_import_summary_free(&s);
    char *from_xlsx = members_from("office-xlsx.db", office_xlsx(), &s);
    assert_non_null(strstr(s.source, "Danh sách"));
    assert_int_equal(s.rows_read, 5);
    csvio_import_summary_free(&s);
    char *from_xls = members_from("office-xls.db", fixture("members-office.xls"), &s);
    assert_non_null(strstr(s.source, "Danh sách"));
    assert_int_equal(s.rows_read, 5);
    csvio_import_summary_free(&s);
    assert_string_equal(from_csv, from_xlsx);
    assert_string_equal(from_csv, from_xls);
    const char *want[] = {
        "Nguyễn Văn An|male|1985|0912345678|village_head|leader|completed|2022-11-20",
        "Trần Thị Bình|female|1990-10-15|0987654321|womens_union|deputy|in_progress|",
        "Lê Văn Cường|male|1978|0868111222|police|member|not_started|",
        "Phạm Thị Dung|female|2001||teacher|member|completed|2022-10-15",
        "Hoàng Văn Em|male|1995|0356789012|health_worker|member|not_started|",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(from_csv, want[i]))
            fail_msg("missing %s in\n%s", want[i], from_csv);
    free(from_csv);
    free(from_xlsx);
    free(from_xls);
}

/* tests/data/members-merged.* as an .xlsx workbook: each team's name and
 * village merged down over its members, a category over two rows. */
static const char *merged_xlsx(void)
{
    static char path[700];
    snprintf(path, sizeof path, "%s/members-merged.xlsx", dir);
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Danh sách");
    worksheet_merge_range(ws, 0, 0, 0, 8, "DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", NULL);
    const char *head[] = {"STT", "Họ và tên", "Giới tính", "Năm sinh", "Số điện thoại", "Tổ", "Thôn/Tổ dân phố",
                          "Chức danh", "Thành phần"};
    for (int c = 0; c < 9; c++)
        worksheet_write_string(ws, 2, (lxw_col_t)c, head[c], NULL);
    static const char *const rows[][6] = {
        {"Đỗ Văn Giang", "Nam", "0912000001", "Tổ trưởng", "Trưởng thôn"},
        {"Vũ Thị Hà", "Nữ", "0912000002", "Tổ phó", "Đoàn thanh niên"},
        {"Bùi Văn Khánh", "Nam", "0912000003", "Thành viên", NULL},
        {"Ngô Thị Lan", "Nữ", "0912000004", "Tổ trưởng", "Trưởng thôn"},
        {"Đinh Văn Minh", "Nam", "0912000005", "Thành viên", "GV"},
    };
    const int born[] = {1980, 1992, 1999, 1987, 2000};
    for (int i = 0; i < 5; i++) {
        lxw_row_t r = (lxw_row_t)(3 + i);
        worksheet_write_number(ws, r, 0, i + 1, NULL);
        worksheet_write_string(ws, r, 1, rows[i][0], NULL);
        worksheet_write_string(ws, r, 2, rows[i][1], NULL);
        worksheet_write_number(ws, r, 3, born[i], NULL);
        worksheet_write_string(ws, r, 4, rows[i][2], NULL);
        worksheet_write_string(ws, r, 7, rows[i][3], NULL);
        if (rows[i][4] && i != 1)
            worksheet_write_string(ws, r, 8, rows[i][4], NULL);
    }
    worksheet_merge_range(ws, 4, 8, 5, 8, "Đoàn thanh niên", NULL);
    worksheet_merge_range(ws, 3, 5, 5, 5, "Tổ CNSCĐ thôn Yên Hòa", NULL);
    worksheet_merge_range(ws, 3, 6, 5, 6, "Thôn Yên Hòa", NULL);
    worksheet_merge_range(ws, 6, 5, 7, 5, "Tổ CNSCĐ thôn Đông Sơn", NULL);
    worksheet_merge_range(ws, 6, 6, 7, 6, "Thôn Đông Sơn", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    return path;
}

static void merged_data_cells_read_alike_in_csv_xlsx_and_xls(void **state)
{
    (void)state;
    csvio_import_summary s;
    char *from_csv = members_from("merged-csv.db", fixture("members-merged.csv"), &s);
    assert_int_equal(s.rows_read, 5);
    csvio_import_summary_free(&s);
    char *from_xlsx = members_from("merged-xlsx.db", merged_xlsx(), &s);
    assert_int_equal(s.rows_read, 5);
    csvio_import_summary_free(&s);
    char *from_xls = members_from("merged-xls.db", fixture("members-merged.xls"), &s);
    assert_int_equal(s.rows_read, 5);
    csvio_import_summary_free(&s);
    assert_string_equal(from_csv, from_xlsx);
    assert_string_equal(from_csv, from_xls);
    const char *want[] = {
        "Bùi Văn Khánh|male|1999|0912000003|youth_union|member|not_started||Tổ CNSCĐ thôn Yên Hòa|Thôn Yên Hòa",
        "Vũ Thị Hà|female|1992|0912000002|youth_union|deputy|not_started||Tổ CNSCĐ thôn Yên Hòa|Thôn Yên Hòa",
        "Đinh Văn Minh|male|2000|0912000005|teacher|member|not_started||Tổ CNSCĐ thôn Đông Sơn|Thôn Đông Sơn",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(from_xls, want[i]))
            fail_msg("missing %s in\n%s", want[i], from_xls);
    free(from_csv);
    free(from_xlsx);
    free(from_xls);
}

static int any_row(char **cells, int n, void *ctx)
{
    (void)cells;
    (void)ctx;
    return n > 0;
}

/* The merged ranges come out of an .xls, sheet by sheet; a workbook listing
 * another number of sheets or a damaged copy gives none rather than wrong ones. */
static void xls_merged_ranges_are_read_from_the_file(void **state)
{
    (void)state;
    table_xls_merges *m = table_xls_merges_read(fixture("members-office.xls"), 2);
    assert_non_null(m);
    assert_int_equal(m[0].n, 0);
    assert_int_equal(m[1].n, 13); /* 4 title rows, 8 header cells down two rows, "Năm sinh" across */
    int found = 0;
    for (long i = 0; i < m[1].n; i++)
        found += m[1].r[i].r0 == 6 && m[1].r[i].r1 == 6 && m[1].r[i].c0 == 2 && m[1].r[i].c1 == 3;
    assert_int_equal(found, 1);
    table_xls_merges_free(m, 2);
    assert_null(table_xls_merges_read(fixture("members-office.xls"), 3)); /* another count of sheets */

    m = table_xls_merges_read(fixture("members-merged.xls"), 1);
    assert_non_null(m);
    assert_int_equal(m[0].n, 6);
    found = 0;
    for (long i = 0; i < m[0].n; i++)
        found += m[0].r[i].r0 == 3 && m[0].r[i].r1 == 5 && m[0].r[i].c0 == 5 && m[0].r[i].c1 == 5;
    assert_int_equal(found, 1);
    table_xls_merges_free(m, 1);

    FILE *f = fopen(fixture("members-merged.xls"), "rb");
    assert_non_null(f);
    unsigned char buf[8192];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    assert_non_null((m = table_xls_merges_parse(buf, len, 1)));
    table_xls_merges_free(m, 1);
    assert_int_equal(table_xls_file_check(buf, len, &(long){0}, &(int){0}), 0);
    assert_null(table_xls_merges_parse(buf, 1000, 1)); /* cut short */

    /* A directory entry claiming a name of 5120 bytes (an entry holds 64)
     * would make libfreexl read past its buffer: the file is refused first. */
    size_t dsec = ((size_t)(buf[0x30] | buf[0x31] << 8) + 1) * 512;
    unsigned char bad[8192];
    memcpy(bad, buf, len);
    bad[dsec + 128 + 0x40] = 0x00;
    bad[dsec + 128 + 0x41] = 0x14;
    assert_int_equal(table_xls_file_check(bad, len, &(long){0}, &(int){0}), TABLE_XLS_DAMAGED);
    char path[700];
    snprintf(path, sizeof path, "%s/bad-directory.xls", dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bad, 1, len, f), len);
    fclose(f);
    table_opts o = {.is_header = any_row};
    cdtt_err e = {{0}};
    assert_null(table_open(path, &o, &e));
    assert_non_null(strstr(e.msg, "not a valid .xls file"));

    /* A number format (members-office.xls: "dd/mm/yyyy") claiming 65,535
     * UTF-16 characters, more than its record holds: libfreexl would copy
     * them from past the record. */
    size_t olen = 0;
    unsigned char *office = table_xls_file_read(fixture("members-office.xls"), &olen);
    assert_non_null(office);
    assert_int_equal(table_xls_file_check(office, olen, &(long){0}, &(int){0}), 0);
    static const char FMT[] = "\x1e\x04\x0f\x00\xa5\x00\x0a\x00\x00" "dd/mm/yyyy";
    unsigned char *fmt = NULL;
    for (size_t i = 0; i + sizeof FMT - 1 <= olen && !fmt; i++)
        if (memcmp(office + i, FMT, sizeof FMT - 1) == 0)
            fmt = office + i;
    assert_non_null(fmt);
    fmt[6] = fmt[7] = 0xFF; /* the length */
    fmt[8] = 1;             /* 2 bytes a character */
    assert_int_equal(table_xls_file_check(office, olen, &(long){0}, &(int){0}), TABLE_XLS_DAMAGED);
    free(office);

    /* A sheet's DIMENSION record (its rows and columns) cut to no bytes, as
     * the fuzzer made it: libfreexl 1.0.6 reads them from past the record and
     * sizes its cells by them, then writes and frees out of its buffers. */
    office = table_xls_file_read(fixture("members-office.xls"), &olen);
    assert_non_null(office);
    static const unsigned char DIM[] = {0x00, 0x02, 0x0e, 0x00};
    unsigned char *dim = NULL;
    for (size_t i = 0; i + sizeof DIM <= olen && !dim; i++)
        if (memcmp(office + i, DIM, sizeof DIM) == 0)
            dim = office + i;
    assert_non_null(dim);
    dim[2] = 0; /* the length */
    assert_int_equal(table_xls_file_check(office, olen, &(long){0}, &(int){0}), TABLE_XLS_DAMAGED);
    free(office);

    memset(buf + 0x30, 0xEE, 4); /* the directory's first sector out of the file */
    assert_null(table_xls_merges_parse(buf, len, 1));

    /* members-far-date.xls: members-office.xls with the first phone number
     * (912345678, cell E10) in a date style; libfreexl would count that date
     * out day by day, so the file is refused with the cell named. */
    e.msg[0] = '\0';
    assert_null(table_open(fixture("members-far-date.xls"), &o, &e));
    assert_non_null(strstr(e.msg, "row 10, column 5 holds a number formatted as a date beyond the year 9999"));
    long row = -1;
    int col = -1;
    size_t n = 0;
    office = table_xls_file_read(fixture("members-office.xls"), &n);
    assert_non_null(office);
    assert_int_equal(table_xls_file_check(office, n, &row, &col), 0);
    free(office);
}

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, uint32_t v)
{
    put16(p, v & 0xFFFF);
    put16(p + 2, v >> 16);
}

/* Appends a BIFF record to w at *n; returns where it began. */
static size_t record(unsigned char *w, size_t *n, unsigned type, const unsigned char *data, unsigned len)
{
    size_t at = *n;
    put16(w + at, type);
    put16(w + at + 2, len);
    if (len)
        memcpy(w + at + 4, data, len);
    *n += 4 + len;
    return at;
}

/* A workbook stream of under 4096 bytes sits in the compound document's
 * mini stream (64-byte sectors, its own allocation table): built here, as
 * some programs other than Excel write it, its merged range comes out. */
static void xls_merged_ranges_from_a_mini_stream(void **state)
{
    (void)state;
    unsigned char w[256] = {0}, bof_book[16] = {0}, bof_sheet[16] = {0}, merge[10] = {0};
    size_t n = 0;
    put16(bof_book, 0x0600);
    put16(bof_book + 2, 0x0005);
    put16(bof_sheet, 0x0600);
    put16(bof_sheet + 2, 0x0010);
    put16(merge, 1);       /* one range: rows 4–6 of column F */
    put16(merge + 2, 3);
    put16(merge + 4, 5);
    put16(merge + 6, 5);
    put16(merge + 8, 5);
    record(w, &n, 0x0809, bof_book, 16);
    size_t bound = record(w, &n, 0x0085, (const unsigned char *)"\0\0\0\0\0\0\1\0A", 9); /* sheet "A" */
    record(w, &n, 0x000A, NULL, 0);
    put32(w + bound + 4, (uint32_t)n); /* where the sheet begins */
    record(w, &n, 0x0809, bof_sheet, 16);
    record(w, &n, 0x00E5, merge, 10);
    record(w, &n, 0x000A, NULL, 0);
    size_t mini_sectors = (n + 63) / 64;

    unsigned char f[512 * 5];
    memset(f, 0, sizeof f);
    memcpy(f, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    put16(f + 0x18, 0x3E);
    put16(f + 0x1A, 3);
    put16(f + 0x1C, 0xFFFE);
    put16(f + 0x1E, 9);
    put16(f + 0x20, 6);
    put32(f + 0x2C, 1);          /* one FAT sector: sector 0 */
    put32(f + 0x30, 1);          /* the directory: sector 1 */
    put32(f + 0x38, 4096);       /* the mini stream's cut-off */
    put32(f + 0x3C, 2);          /* the mini FAT: sector 2 */
    put32(f + 0x40, 1);
    put32(f + 0x44, 0xFFFFFFFE); /* no DIFAT sectors */
    for (int i = 0; i < 109; i++)
        put32(f + 0x4C + 4 * i, i == 0 ? 0 : 0xFFFFFFFF);
    unsigned char *fat = f + 512, *dir = f + 1024, *minifat = f + 1536, *mini = f + 2048;
    for (int i = 0; i < 128; i++)
        put32(fat + 4 * i, 0xFFFFFFFF);
    put32(fat, 0xFFFFFFFD);      /* sector 0: the FAT itself */
    put32(fat + 4, 0xFFFFFFFE);  /* 1: the directory */
    put32(fat + 8, 0xFFFFFFFE);  /* 2: the mini FAT */
    put32(fat + 12, 0xFFFFFFFE); /* 3: the mini stream */
    for (int i = 0; i < 128; i++)
        put32(minifat + 4 * i, 0xFFFFFFFF);
    for (size_t i = 0; i < mini_sectors; i++)
        put32(minifat + 4 * i, i + 1 < mini_sectors ? (uint32_t)(i + 1) : 0xFFFFFFFE);
    const char *names[2] = {"Root Entry", "Workbook"};
    for (int e = 0; e < 2; e++) {
        unsigned char *d = dir + 128 * e;
        size_t k = strlen(names[e]);
        for (size_t i = 0; i < k; i++)
            put16(d + 2 * i, (unsigned char)names[e][i]);
        put16(d + 0x40, (unsigned)(2 * (k + 1)));
        d[0x42] = e == 0 ? 5 : 2;
        put32(d + 0x74, e == 0 ? 3 : 0);
        put32(d + 0x78, e == 0 ? (uint32_t)(mini_sectors * 64) : (uint32_t)n);
    }
    memcpy(mini, w, n);

    table_xls_merges *m = table_xls_merges_parse(f, sizeof f, 1);
    assert_non_null(m);
    assert_int_equal(m[0].n, 1);
    assert_int_equal(m[0].r[0].r0, 3);
    assert_int_equal(m[0].r[0].r1, 5);
    assert_int_equal(m[0].r[0].c0, 5);
    assert_int_equal(m[0].r[0].c1, 5);
    table_xls_merges_free(m, 1);
    put32(minifat, 200); /* the mini chain runs off the mini stream */
    assert_null(table_xls_merges_parse(f, sizeof f, 1));
}

static void an_unknown_value_stops_the_import_with_one_line(void **state)
{
    (void)state;
    sqlite3 *db = tu_commune_db(dir, "unknown.db");
    csvio_import_summary s;
    cdtt_err e = {{0}};
    csvio_import_opts o = {0};
    assert_int_equal(csvio_import_members_opts(db, fixture("members-office.csv"), &o, &s, &e), 1);
    assert_int_equal(s.n_unknown, 1);
    assert_non_null(strstr(s.unknown[0], ":14: Thành phần \"Cán bộ y tế thôn\" (1 rows)"));
    assert_non_null(strstr(s.unknown[0], "Y tế"));
    assert_non_null(strstr(s.unknown[0], "--map 'Thành phần:Cán bộ y tế thôn=ITEM'"));
    csvio_import_summary_free(&s);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM member", -1), 0);
    /* --unknown other: filed as Khác, the words kept in the note. */
    o.unknown_other = 1;
    assert_int_equal(csvio_import_members_opts(db, fixture("members-office.csv"), &o, &s, &e), 0);
    csvio_import_summary_free(&s);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM member WHERE category = 'other'"
                                       " AND note LIKE '%Cán bộ y tế thôn%'", -1), 1);
    db_close(db);
}

static void choices_in_the_communes_words(void **state)
{
    (void)state;
    const struct {
        const choice *list;
        const char *kind, *value, *code;
    } cases[] = {
        {CHOICES_CATEGORY, "category", "CÔNG AN", "police"},
        {CHOICES_CATEGORY, "category", "Công an xã", "police"},
        {CHOICES_CATEGORY, "category", "CA xã", "police"},
        {CHOICES_CATEGORY, "category", "Hội LHPN", "womens_union"},
        {CHOICES_CATEGORY, "category", "GV", "teacher"},
        {CHOICES_CATEGORY, "category", "cán bộ - công chức xã", "commune_official"},
        {CHOICES_CATEGORY, "category", "Trưởng thôn", "village_head"},
        {CHOICES_CATEGORY, "category", "Doanh nghiệp viễn thông", "telecom_it"},
        {CHOICES_CATEGORY, "category", "Hội", NULL}, /* several items: not a short form */
        {CHOICES_CATEGORY, "category", "Cán bộ y tế thôn", NULL},
        {CHOICES_ROLE, "role", "TT", "leader"},
        {CHOICES_ROLE, "role", "tổ trưởng", "leader"},
        {CHOICES_ROLE, "role", "Tổ phó", "deputy"},
        {CHOICES_GENDER, "gender", "NỮ", "female"},
        {CHOICES_MOOC_STATUS, "status", "hoàn thành", "completed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = choice_interpret(cases[i].list, cases[i].kind, cases[i].value, NULL, 0, NULL);
        if (!cases[i].code ? got != NULL : !got || strcmp(got, cases[i].code) != 0)
            fail_msg("%s \"%s\" → %s, not %s", cases[i].kind, cases[i].value, got ? got : "NULL",
                     cases[i].code ? cases[i].code : "NULL");
    }
    enum choice_how how;
    assert_string_equal(choice_interpret(CHOICES_CATEGORY, "category", "cán bộ Y TẾ thôn", &HEALTH, 1, &how),
                        "health_worker");
    assert_int_equal(how, CHOICE_USER);
}

static void other_encodings_give_the_same_rows(void **state)
{
    (void)state;
    csvio_import_summary s;
    char *utf8 = members_from("enc-utf8.db", fixture("members-excel.csv"), &s);
    csvio_import_summary_free(&s);
    char *cp1258 = members_from("enc-1258.db", fixture("members-cp1258.csv"), &s);
    assert_non_null(strstr(s.source, "Windows-1258"));
    csvio_import_summary_free(&s);
    char *utf16 = members_from("enc-16.db", fixture("members-utf16.txt"), &s);
    assert_non_null(strstr(s.source, "UTF-16"));
    csvio_import_summary_free(&s);
    assert_string_equal(utf8, cp1258);
    assert_string_equal(utf8, utf16);
    free(utf8);
    free(cp1258);
    free(utf16);
}

/* A zip source of n bytes of spaces, made as it is read. */
typedef struct {
    zip_uint64_t n, pos;
    zip_error_t err;
} spaces;

static zip_int64_t spaces_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    spaces *sp = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        sp->pos = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        zip_uint64_t k = sp->n - sp->pos < len ? sp->n - sp->pos : len;
        memset(data, ' ', (size_t)k);
        sp->pos += k;
        return (zip_int64_t)k;
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->size = sp->n;
        st->valid |= ZIP_STAT_SIZE;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&sp->err, data, len);
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                              ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        return -1;
    }
}

static void damaged_and_hostile_files_change_nothing(void **state)
{
    (void)state;
    sqlite3 *db = tu_commune_db(dir, "hostile.db");
    csvio_import_summary s;
    cdtt_err e = {{0}};
    char path[700];
    /* A zip that is not one. */
    snprintf(path, sizeof path, "%s/broken.xlsx", dir);
    FILE *f = fopen(path, "wb");
    fputs("PK\003\004 this is not really a zip archive", f);
    fclose(f);
    assert_int_equal(csvio_import_members_opts(db, path, NULL, &s, &e), -1);
    assert_non_null(strstr(e.msg, "damaged"));
    csvio_import_summary_free(&s);
    /* A workbook whose shared strings unpack to 1 GiB. */
    const char *good = office_xlsx();
    snprintf(path, sizeof path, "%s/huge-strings.xlsx", dir);
    size_t len;
    char *bytes = tu_slurp(good, &len);
    f = fopen(path, "wb");
    fwrite(bytes, 1, len, f);
    fclose(f);
    free(bytes);
    int zerr;
    zip_t *z = zip_open(path, 0, &zerr);
    assert_non_null(z);
    spaces sp = {.n = 1ULL << 30};
    zip_error_init(&sp.err);
    zip_source_t *src = zip_source_function(z, spaces_cb, &sp);
    zip_int64_t idx = zip_file_add(z, "xl/sharedStrings.xml", src, ZIP_FL_OVERWRITE);
    assert_true(idx >= 0);
    zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 1);
    assert_int_equal(zip_close(z), 0);
    assert_int_equal(csvio_import_members_opts(db, path, NULL, &s, &e), -1);
    assert_non_null(strstr(e.msg, "sharedStrings.xml is too big"));
    csvio_import_summary_free(&s);
    /* Not UTF-8 although the user said it is. */
    snprintf(path, sizeof path, "%s/latin.csv", dir);
    f = fopen(path, "wb");
    fputs("Họ và tên,Tổ\r\nNguy\xEAn,Tổ xã\r\n", f);
    fclose(f);
    csvio_import_opts o = {.encoding = "utf-8"};
    assert_int_equal(csvio_import_members_opts(db, path, &o, &s, &e), -1);
    assert_non_null(strstr(e.msg, "UTF-8"));
    csvio_import_summary_free(&s);
    /* A sheet that does not exist. */
    o = (csvio_import_opts){.sheet = "Trang 9"};
    assert_int_equal(csvio_import_members_opts(db, fixture("members-office.xls"), &o, &s, &e), -1);
    assert_non_null(strstr(e.msg, "Danh sách"));
    csvio_import_summary_free(&s);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM member", -1), 0);
    db_close(db);
}

static void training_lists_match_members(void **state)
{
    (void)state;
    csvio_import_summary s;
    free(members_from("training.db", fixture("members-office.csv"), &s));
    csvio_import_summary_free(&s);
    char path[700];
    snprintf(path, sizeof path, "%s/mooc.xlsx", dir);
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_datetime done = {2022, 11, 25, 0, 0, 0};
    worksheet_write_string(ws, 0, 0, "BÁO CÁO KẾT QUẢ HỌC TẬP", NULL);
    const char *head[] = {"STT", "Họ tên học viên", "Ngày sinh", "SĐT", "Ngày hoàn thành"};
    for (int c = 0; c < 5; c++)
        worksheet_write_string(ws, 2, (lxw_col_t)c, head[c], NULL);
    worksheet_write_string(ws, 3, 1, "NGUYỄN VĂN AN", NULL);      /* by phone */
    worksheet_write_number(ws, 3, 3, 912345678, NULL);
    worksheet_write_datetime(ws, 3, 4, &done, date);
    worksheet_write_string(ws, 4, 1, "Trần Thị Bình", NULL);      /* by name and birth */
    worksheet_write_string(ws, 4, 2, "15/10/1990", NULL);
    worksheet_write_datetime(ws, 4, 4, &done, date);
    worksheet_write_string(ws, 5, 1, "Lê Văn Cường", NULL);       /* same name, other birth */
    worksheet_write_string(ws, 5, 2, "1979", NULL);
    worksheet_write_string(ws, 6, 1, "Người Không Có", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    sqlite3 *db = tu_open_db(dir, "training.db");
    training_list_summary t;
    cdtt_err e = {{0}};
    assert_int_equal(training_import_list(db, path, NULL, NULL, NULL, 0, &t, &e), 1);
    assert_int_equal(t.rows_read, 4);
    assert_int_equal(t.matched, 2);
    assert_int_equal(t.unmatched, 2);
    assert_int_equal(t.n_problems, 2);
    assert_non_null(strstr(t.problems[0], "Lê Văn Cường"));
    training_list_summary_free(&t);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM member WHERE mooc_status = 'completed'"
                                       " AND mooc_date = '2022-11-25'", -1), 2);
    db_close(db);
}

/* The text of part name of the zip at path (malloc'd; "" when absent). */
static char *zip_part(const char *path, const char *name)
{
    int zerr;
    zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
    assert_non_null(z);
    zip_stat_t st;
    if (zip_stat(z, name, 0, &st) != 0) {
        zip_discard(z);
        return strdup("");
    }
    char *text = calloc(1, (size_t)st.size + 1);
    zip_file_t *f = zip_fopen(z, name, 0);
    assert_int_equal(zip_fread(f, text, st.size), (zip_int64_t)st.size);
    zip_fclose(f);
    zip_discard(z);
    return text;
}

static void formula_like_cells_stay_text_in_xlsx(void **state)
{
    (void)state;
    sqlite3 *db = tu_commune_db(dir, "formula.db");
    member_rec m;
    member_init(&m);
    snprintf(m.full_name, sizeof m.full_name, "Nguyễn Văn Công");
    snprintf(m.note, sizeof m.note, "=HYPERLINK(\"http://x\",\"y\")");
    findings f = {0};
    cdtt_err e = {{0}};
    assert_int_equal(member_save(db, &m, 1, &f, &e), 0);
    char path[700];
    snprintf(path, sizeof path, "%s/formula.xlsx", dir);
    csvio_export_opts o = {0};
    assert_int_equal(csvio_export_xlsx(db, path, &o, &e), 0);
    char *sheet = zip_part(path, "xl/worksheets/sheet1.xml"), *strings = zip_part(path, "xl/sharedStrings.xml");
    assert_null(strstr(sheet, "<f>")); /* no formula anywhere: a string, shared or inline */
    assert_true(strstr(strings, "=HYPERLINK(") || strstr(sheet, "=HYPERLINK("));
    free(sheet);
    free(strings);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_same_members_come_from_csv_xlsx_and_xls),
        cmocka_unit_test(merged_data_cells_read_alike_in_csv_xlsx_and_xls),
        cmocka_unit_test(xls_merged_ranges_are_read_from_the_file),
        cmocka_unit_test(xls_merged_ranges_from_a_mini_stream),
        cmocka_unit_test(an_unknown_value_stops_the_import_with_one_line),
        cmocka_unit_test(choices_in_the_communes_words),
        cmocka_unit_test(other_encodings_give_the_same_rows),
        cmocka_unit_test(damaged_and_hostile_files_change_nothing),
        cmocka_unit_test(training_lists_match_members),
        cmocka_unit_test(formula_like_cells_stay_text_in_xlsx),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
