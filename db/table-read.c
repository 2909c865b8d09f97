/* table-read.c — a list file as header + data rows (table.h): chooses the
 * reader by the file's first bytes, the sheet of a workbook, and finds the
 * header and the end of the data the way offices lay their lists out. */
#include "table.h"
#include "csv.h"
#include "text.h"
#include "words.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER_SEARCH_ROWS 30

struct table_list {
    char *path;
    table_opts o;
    /* the source: a CSV reader, or one sheet of a workbook in memory */
    csv_reader *csv;
    char *csv_data;
    table_book *book;
    table_grid grid;
    long gpos;
    char fmt[64], sheet[256], note[300];
    /* the header and a row read ahead while looking at what follows it */
    char **header;
    int nh;
    long header_line;
    char **ahead;
    int n_ahead;
    long ahead_line;
    int has_ahead;
    char **owned; /* the last row returned when it came from ahead */
    int n_owned;
    long line;
    int key;
    int ended;
};

static char **copy_row(char **cells, int n)
{
    char **c = xcalloc((size_t)(n > 0 ? n : 1), sizeof *c);
    for (int i = 0; i < n; i++)
        c[i] = xstrdup(cells[i]);
    return c;
}

static void free_row(char **cells, int n)
{
    for (int i = 0; cells && i < n; i++)
        free(cells[i]);
    free(cells);
}

/* The next row of the source, blank or not: the number of cells, 0 at the
 * end, -1 with e set. */
static int raw_next(table_list *t, char ***cells, cdtt_err *e)
{
    if (t->has_ahead) {
        free_row(t->owned, t->n_owned);
        t->owned = t->ahead;
        t->n_owned = t->n_ahead;
        t->line = t->ahead_line;
        t->has_ahead = 0;
        t->ahead = NULL;
        *cells = t->owned;
        return t->n_owned > 0 ? t->n_owned : 1;
    }
    if (t->csv) {
        int n = csv_next(t->csv, cells, e);
        if (n < 0 && t->csv_data) { /* a memory reader names the line only */
            char msg[sizeof e->msg];
            snprintf(msg, sizeof msg, "%s", e->msg);
            err_set(e, "%s: %s", t->path, msg);
        }
        t->line = csv_line(t->csv);
        return n;
    }
    if (t->gpos >= t->grid.n)
        return 0;
    table_row *r = &t->grid.rows[t->gpos++];
    t->line = r->line;
    static char *empty[1] = {""};
    *cells = r->n > 0 ? r->cells : empty;
    return r->n > 0 ? r->n : 1;
}

/* Gives the row back: the next raw_next returns it again. */
static void unread(table_list *t, char **cells, int n)
{
    t->ahead = copy_row(cells, n);
    t->n_ahead = n;
    t->ahead_line = t->line;
    t->has_ahead = 1;
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
            return 0;
    return 1;
}

static int blank_row(char **cells, int n)
{
    for (int i = 0; i < n; i++)
        if (!blank(cells[i]))
            return 0;
    return 1;
}

/* True when s is a column number: "1", "(2)", "[3]". */
static int column_number(const char *s)
{
    while (*s == ' ' || *s == '(' || *s == '[')
        s++;
    int digits = 0;
    while (*s >= '0' && *s <= '9')
        s++, digits++;
    while (*s == ' ' || *s == ')' || *s == ']' || *s == '.')
        s++;
    return digits > 0 && digits <= 3 && !*s;
}

/* True when the row only numbers the columns ("1 2 3 …" under the header). */
static int numbering_row(char **cells, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (blank(cells[i]))
            continue;
        if (!column_number(cells[i]))
            return 0;
        k++;
    }
    return k >= 2;
}

static int same_text(const char *a, const char *b)
{
    char *x = words_fold(a), *y = words_fold(b);
    int same = *x && strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

/* True when the header cell i may head a group of merged cells: empty, the
 * same as a neighbour (a merged range filled across), or followed by an empty
 * cell (a merged range whose value is in its first cell). */
static int grouped(char **h, int nh, int i)
{
    if (i >= nh || blank(h[i]))
        return 1;
    return (i > 0 && same_text(h[i], h[i - 1])) || (i + 1 < nh && same_text(h[i], h[i + 1])) ||
           (i + 1 < nh && blank(h[i + 1]));
}

/* True when r (under the header h) is the second row of a two-row header:
 * text only under merged header cells, or the same text as above (a cell
 * merged down), and something new somewhere. */
static int sub_header(char **h, int nh, char **r, int n)
{
    int news = 0;
    for (int i = 0; i < n; i++) {
        if (blank(r[i]))
            continue;
        if (i < nh && same_text(r[i], h[i]))
            continue;
        if (!grouped(h, nh, i) || column_number(r[i]))
            return 0;
        char *w = words_fold(r[i]);
        int letters = 0;
        for (const char *p = w; *p; p++)
            letters += (*p >= 'a' && *p <= 'z') || (unsigned char)*p >= 0x80;
        free(w);
        if (!letters)
            return 0;
        news++;
    }
    return news > 0;
}

/* The combined header: the lower cell when it has other text, else the upper. */
static void combine_header(table_list *t, char **r, int n)
{
    int nh = n > t->nh ? n : t->nh;
    char **h = xcalloc((size_t)nh, sizeof *h);
    for (int i = 0; i < nh; i++) {
        const char *up = i < t->nh ? t->header[i] : "";
        const char *low = i < n ? r[i] : "";
        h[i] = xstrdup(!blank(low) ? low : up);
    }
    free_row(t->header, t->nh);
    t->header = h;
    t->nh = nh;
}

/* Phrases that begin the signature lines and totals below a list (folded words). */
static const char *const FOOTER[] = {
    "nguoi lap", "nguoi lap bieu", "nguoi ky", "chu tich", "pho chu tich", "kt chu tich",
    "tm uy ban", "tm ubnd", "tm ban", "tm dang uy", "uy ban nhan dan", "xac nhan", "thu truong",
    "ky ghi ro", "ky ten", "ky va ghi ro", "giam doc", "truong phong", "noi nhan", "tong cong",
    "tong so", "can bo lap", NULL,
};

/* True when the cell is a signature phrase or a dateline ("…, ngày 15 tháng 10 năm 2022"). */
static int footer_cell(const char *s)
{
    if (blank(s))
        return 0;
    char *w = words_fold(s);
    int yes = 0;
    for (int i = 0; FOOTER[i] && !yes; i++)
        yes = words_start(w, FOOTER[i]);
    if (!yes)
        yes = words_in_order("ngay thang nam", w);
    free(w);
    return yes;
}

/* True when the row is a signature line: its key cell is a signature phrase,
 * or it is empty and the row's first cell with text is one and the row has at
 * most three cells with text (a data row missing its name has more). */
static int footer_row(const table_list *t, char **cells, int n)
{
    if (t->key >= 0) {
        const char *k = t->key < n ? cells[t->key] : "";
        if (!blank(k))
            return footer_cell(k);
    }
    int first = -1, filled = 0;
    for (int i = 0; i < n; i++)
        if (!blank(cells[i])) {
            if (first < 0)
                first = i;
            filled++;
        }
    return first >= 0 && filled <= 3 && footer_cell(cells[first]);
}

/* Reads from the current source up to the header row. Returns 1 found, 0 not
 * found, -1 with e set. */
static int find_header(table_list *t, cdtt_err *e)
{
    char **cells;
    int n = 0;
    for (int i = 0; i < HEADER_SEARCH_ROWS; i++) {
        n = raw_next(t, &cells, e);
        if (n <= 0)
            return n < 0 ? -1 : 0;
        if (blank_row(cells, n) || !t->o.is_header(cells, n, t->o.ctx))
            continue;
        t->header = copy_row(cells, n);
        t->nh = n;
        t->header_line = t->line;
        /* A second header row under merged cells, then a row of column numbers. */
        for (int k = 0; k < 2; k++) {
            do
                n = raw_next(t, &cells, e);
            while (n > 0 && blank_row(cells, n));
            if (n < 0)
                return -1;
            if (n == 0)
                break;
            if (k == 0 && sub_header(t->header, t->nh, cells, n)) {
                combine_header(t, cells, n);
                continue;
            }
            if (numbering_row(cells, n))
                break;
            unread(t, cells, n);
            break;
        }
        t->line = t->header_line;
        return 1;
    }
    return 0;
}

/* Picks the sheet of a workbook and finds its header. Returns 0 or -1 (e set). */
static int open_book(table_list *t, cdtt_err *e)
{
    table_book *b = t->book;
    int want = -1;
    if (t->o.sheet && *t->o.sheet) {
        char *end;
        long k = strtol(t->o.sheet, &end, 10);
        if (!*end && k >= 1 && k <= b->n_sheets)
            want = (int)k - 1;
        for (int i = 0; i < b->n_sheets && want < 0; i++)
            if (same_text(t->o.sheet, b->names[i]))
                want = i;
        if (want < 0) {
            char list[1024] = "";
            for (int i = 0; i < b->n_sheets; i++) {
                size_t len = strlen(list);
                snprintf(list + len, sizeof list - len, "%s%d \"%s\"", i ? ", " : "", i + 1, b->names[i]);
            }
            return err_set(e, _("%s: there is no sheet \"%s\"; the sheets are: %s"), t->path, t->o.sheet,
                           list);
        }
    }
    for (int i = 0; i < b->n_sheets; i++) {
        if (want >= 0 && i != want)
            continue;
        table_grid_free(&t->grid);
        t->gpos = 0;
        if (b->load(b, i, &t->grid, e) < 0)
            return -1;
        int rc = find_header(t, e);
        if (rc < 0)
            return -1;
        if (rc == 1) {
            snprintf(t->sheet, sizeof t->sheet, "%s", b->names[i]);
            return 0;
        }
    }
    if (want >= 0)
        return err_set(e, _("%s: sheet \"%s\" has no header row with a column \"%s\" in its first %d rows"),
                       t->path, b->names[want], t->o.header_hint, HEADER_SEARCH_ROWS);
    return err_set(e, _("%s: no sheet has a header row with a column \"%s\" in its first %d rows"), t->path,
                   t->o.header_hint, HEADER_SEARCH_ROWS);
}

static int open_csv(table_list *t, cdtt_err *e)
{
    size_t len = 0;
    const char *enc;
    int guessed = 0;
    if (table_csv_decode(t->path, t->o.encoding, &t->csv_data, &len, &enc, &guessed, e) < 0)
        return -1;
    t->csv = t->csv_data ? csv_open_mem(t->csv_data, len, e) : csv_open(t->path, e);
    if (!t->csv)
        return -1;
    snprintf(t->fmt, sizeof t->fmt, "CSV (%s)", enc);
    if (guessed)
        snprintf(t->note, sizeof t->note,
                 _("the file is not UTF-8: read as %s; if letters look wrong, give --encoding"), enc);
    int rc = find_header(t, e);
    if (rc == 0 && strcmp(enc, "UTF-8") != 0) /* say how it was read: perhaps not as it was written */
        err_set(e, _("%s: no header row with a column \"%s\" in the first %d rows (the file was read as %s; "
                     "if it is not, give --encoding or save it from Excel as \"CSV UTF-8\")"),
                t->path, t->o.header_hint, HEADER_SEARCH_ROWS, enc);
    else if (rc == 0)
        err_set(e, _("%s: no header row with a column \"%s\" in the first %d rows"), t->path,
                t->o.header_hint, HEADER_SEARCH_ROWS);
    return rc == 1 ? 0 : -1;
}

table_list *table_open(const char *path, const table_opts *o, cdtt_err *e)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(e, _("cannot open %s: %s"), path, strerror(errno));
        return NULL;
    }
    unsigned char magic[8] = {0};
    size_t got = fread(magic, 1, sizeof magic, f);
    fclose(f);
    table_list *t = xcalloc(1, sizeof *t);
    t->path = xstrdup(path);
    t->o = *o;
    if (!t->o.header_hint)
        t->o.header_hint = "Họ và tên";
    t->key = -1;
    int rc;
    if (got >= 4 && memcmp(magic, "PK\3\4", 4) == 0) {
        snprintf(t->fmt, sizeof t->fmt, "Excel .xlsx");
        t->book = table_xlsx_open(path, e);
        rc = t->book ? open_book(t, e) : -1;
    } else if (got == 8 && memcmp(magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        snprintf(t->fmt, sizeof t->fmt, "Excel 97-2003 .xls");
        t->book = table_xls_open(path, e);
        rc = t->book ? open_book(t, e) : -1;
    } else {
        size_t n = strlen(path);
        if ((n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0) || (n > 4 && strcasecmp(path + n - 4, ".xls") == 0)) {
            err_set(e, _("%s: not an Excel file, or a damaged one (open it in Excel and save it again)"), path);
            rc = -1;
        } else {
            rc = open_csv(t, e);
        }
    }
    if (rc < 0) {
        table_close(t);
        return NULL;
    }
    return t;
}

char **table_header(const table_list *t, int *n)
{
    *n = t->nh;
    return t->header;
}

void table_set_key_column(table_list *t, int col)
{
    t->key = col;
}

int table_next(table_list *t, char ***cells, cdtt_err *e)
{
    if (t->ended)
        return 0;
    int n;
    while ((n = raw_next(t, cells, e)) > 0) {
        if (blank_row(*cells, n))
            continue;
        if (footer_row(t, *cells, n)) {
            t->ended = 1;
            return 0;
        }
        return n;
    }
    return n;
}

long table_line(const table_list *t)
{
    return t->line;
}

const char *table_format(const table_list *t)
{
    return t->fmt;
}

const char *table_sheet(const table_list *t)
{
    return t->sheet;
}

int table_sheet_count(const table_list *t)
{
    return t->book ? t->book->n_sheets : 0;
}

const char *table_note(const table_list *t)
{
    return t->note;
}

void table_close(table_list *t)
{
    if (!t)
        return;
    csv_close(t->csv);
    free(t->csv_data);
    if (t->book)
        t->book->close(t->book);
    table_grid_free(&t->grid);
    free_row(t->header, t->nh);
    free_row(t->ahead, t->n_ahead);
    free_row(t->owned, t->n_owned);
    free(t->path);
    free(t);
}
