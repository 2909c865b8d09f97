/* table-grid.c — the pieces the sheet readers (db/table-xlsx.c,
 * db/table-xls.c) share: a sheet held in memory as rows of cells, merged
 * ranges filled in, and Excel's numbers and dates as a cell's text. They
 * depend on this file; db/table-read.c depends on them. */
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GRID_ROWS_MAX 1048576L
#define GRID_COLS_MAX 4096
#define MERGE_FILL_MAX 2000000L /* cells a sheet's merged ranges may fill */

int table_grid_set(table_grid *g, long row, int col, const char *text, cdtt_err *e)
{
    if (row < 0 || row >= GRID_ROWS_MAX || col < 0 || col >= GRID_COLS_MAX)
        return err_set(e, _("the sheet is larger than %ld rows or %d columns"), GRID_ROWS_MAX, GRID_COLS_MAX);
    /* i: the first row numbered row + 1 or later (readers mostly add at the end) */
    long i = 0, hi = g->n;
    if (g->n && g->rows[g->n - 1].line < row + 1)
        i = g->n;
    while (i < hi) {
        long mid = i + (hi - i) / 2;
        if (g->rows[mid].line < row + 1)
            i = mid + 1;
        else
            hi = mid;
    }
    if (i == g->n || g->rows[i].line != row + 1) {
        if (g->n == g->cap) {
            g->cap = g->cap ? g->cap * 2 : 64;
            g->rows = xrealloc(g->rows, (size_t)g->cap * sizeof *g->rows);
        }
        memmove(&g->rows[i + 1], &g->rows[i], (size_t)(g->n - i) * sizeof *g->rows);
        g->rows[i] = (table_row){NULL, 0, row + 1};
        g->n++;
    }
    table_row *r = &g->rows[i];
    if (col >= r->n) {
        r->cells = xrealloc(r->cells, (size_t)(col + 1) * sizeof *r->cells);
        for (int k = r->n; k <= col; k++)
            r->cells[k] = xstrdup("");
        r->n = col + 1;
    }
    free(r->cells[col]);
    r->cells[col] = xstrdup(text);
    return 0;
}

const char *table_grid_cell(const table_grid *g, long row, long col)
{
    long lo = 0, hi = g->n - 1;
    while (lo <= hi) {
        long mid = lo + (hi - lo) / 2;
        if (g->rows[mid].line == row + 1)
            return col >= 0 && col < g->rows[mid].n ? g->rows[mid].cells[col] : NULL;
        if (g->rows[mid].line < row + 1)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

int table_grid_merge(table_grid *g, const table_range *ranges, long n, cdtt_err *e)
{
    long filled = 0;
    long last = g->n ? g->rows[g->n - 1].line : 0; /* no cell below the last row with text */
    for (long i = 0; i < n; i++) {
        table_range m = ranges[i];
        const char *v = table_grid_cell(g, m.r0, m.c0);
        if (!v || !*v)
            continue;
        char *value = xstrdup(v);
        if (m.r1 >= last)
            m.r1 = last - 1;
        for (long r = m.r0; r <= m.r1; r++)
            for (long c = m.c0; c <= m.c1 && c < GRID_COLS_MAX; c++) {
                if ((r == m.r0 && c == m.c0) || ++filled > MERGE_FILL_MAX)
                    continue;
                if (table_grid_set(g, r, (int)c, value, e) < 0) {
                    free(value);
                    return -1;
                }
            }
        free(value);
    }
    return 0;
}

void table_grid_free(table_grid *g)
{
    for (long i = 0; i < g->n; i++) {
        for (int k = 0; k < g->rows[i].n; k++)
            free(g->rows[i].cells[k]);
        free(g->rows[i].cells);
    }
    free(g->rows);
    memset(g, 0, sizeof *g);
}

int table_excel_date(double serial, int date1904, char out[11])
{
    if (!(serial > -1e7 && serial < 1e7)) /* also NaN: far outside 1900–2100 */
        return -1;
    long days = (long)serial; /* the time of day is dropped */
    if (date1904)
        days += 1462;
    if (days < 61) /* Excel counts a 29 February 1900 that never was */
        days++;
    /* 1899-12-30 is day 0: civil date from days since 1970-01-01. */
    long z = days - 25569 + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2)
        y++;
    if (y < 1900 || y > 2100)
        return -1;
    snprintf(out, 11, "%02ld/%02ld/%04ld", d, m, y);
    return 0;
}

void table_number_text(double v, char *out, size_t n)
{
    if (v > -1e15 && v < 1e15 && v == (double)(long long)v)
        snprintf(out, n, "%lld", (long long)v);
    else
        snprintf(out, n, "%.15g", v);
}
