/* fuzz_table.c — the list readers (db/table-*.c) on any file: CSV in any of
 * its encodings, .xlsx and .xls, chosen by the file's first bytes as
 * `cdtt members import` does. Every input gives rows or a clean error, never
 * a crash; every cell returned is valid UTF-8. The .xls merged-range reader
 * (db/table-xls-file.c) is also fed the bytes directly, since libfreexl
 * turns most damaged files away before it would run. */
#include "table-xls-file.h"
#include "fuzz_util.h"
#include "table.h"
#include "text.h"
#include "words.h"

/* Leak checks leave out what libfreexl 1.0.6 itself loses on some damaged
 * files (read by LeakSanitizer; nothing of the program's own is left out). */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfreexl.so\n";
}

/* The header: a row with a cell that holds the word "ten" (as "Họ và tên"). */
static int is_header(char **cells, int n, void *ctx)
{
    (void)ctx;
    for (int i = 0; i < n; i++) {
        char *w = words_fold(cells[i]);
        int yes = strstr(w, "ten") != NULL;
        free(w);
        if (yes)
            return 1;
    }
    return 0;
}

static void check_cells(char **cells, int n)
{
    for (int i = 0; i < n; i++)
        if (!text_valid_utf8(cells[i], strlen(cells[i])))
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init_once();
    /* The input's length picks the options, so that any file is tried with each. */
    static const char *const ENC[] = {NULL, "utf-16", "windows-1258", "utf-8"};
    static const char *const SHEET[] = {NULL, "2", "danh sach", NULL};
    table_opts o = {.encoding = ENC[size % 4], .sheet = SHEET[(size / 4) % 4], .is_header = is_header};
    cdtt_err e = {{0}};
    table_list *t = table_open(fuzz_file(data, size, ".csv"), &o, &e);
    if (!t) {
        if (!e.msg[0])
            abort(); /* a refusal must say why */
    } else {
        int nh;
        char **h = table_header(t, &nh);
        check_cells(h, nh);
        table_set_key_column(t, size % 3 == 0 ? -1 : 1);
        char **cells;
        int n;
        while ((n = table_next(t, &cells, &e)) > 0) {
            check_cells(cells, n);
            (void)table_line(t);
        }
        if (n < 0 && !e.msg[0])
            abort();
        if (!text_valid_utf8(table_sheet(t), strlen(table_sheet(t))))
            abort();
        (void)table_format(t);
        (void)table_note(t);
        (void)table_sheet_count(t);
        table_close(t);
    }
    /* A private copy of exactly size bytes, so ASan sees any read past the end. */
    unsigned char *copy = malloc(size ? size : 1);
    if (!copy)
        abort();
    memcpy(copy, data, size);
    int sheets = 1 + (int)(size % 3);
    table_xls_merges *m = table_xls_merges_parse(copy, size, sheets);
    for (int i = 0; m && i < sheets; i++)
        for (long k = 0; k < m[i].n; k++)
            if (m[i].r[k].r1 < m[i].r[k].r0 || m[i].r[k].c1 < m[i].r[k].c0)
                abort();
    table_xls_merges_free(m, sheets);
    free(copy);
    return 0;
}
