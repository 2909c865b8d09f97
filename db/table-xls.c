/* table-xls.c — the sheets of an Excel 97–2003 .xls workbook, read with
 * libfreexl: text (in the workbook's code page, given as UTF-8), numbers, and
 * dates by their cell format. freexl does not report merged cells: they are
 * read from the file by db/table-xls-file.c, and every cell of a merged
 * range gets the range's value, as in an .xlsx. */
#include "table-xls-file.h"
#include "table.h"
#include "text.h"

#include <freexl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XLS_CELLS_MAX 20000000UL

typedef struct {
    const void *h;            /* freexl's handle */
    table_xls_merges *merges; /* per sheet; NULL when they could not be read */
} xls;

static int xls_load(table_book *b, int sheet, table_grid *g, cdtt_err *e)
{
    xls *x = b->impl;
    const void *h = x->h;
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_select_active_worksheet(h, (unsigned short)sheet) != FREEXL_OK ||
        freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
        return err_set(e, _("sheet \"%s\" cannot be read (a damaged .xls file)"), b->names[sheet]);
    if ((unsigned long)rows * cols > XLS_CELLS_MAX)
        return err_set(e, _("sheet \"%s\" is too big (%u rows, %u columns)"), b->names[sheet], rows,
                       (unsigned)cols);
    for (unsigned int r = 0; r < rows; r++)
        for (unsigned short c = 0; c < cols; c++) {
            FreeXL_CellValue v;
            if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
                continue;
            char buf[64];
            const char *text = NULL;
            switch (v.type) {
            case FREEXL_CELL_INT:
                snprintf(buf, sizeof buf, "%d", v.value.int_value);
                text = buf;
                break;
            case FREEXL_CELL_DOUBLE:
                table_number_text(v.value.double_value, buf, sizeof buf);
                text = buf;
                break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
                text = v.value.text_value;
                break;
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
                /* "YYYY-MM-DD[ HH:MM:SS]" → "dd/mm/yyyy", as the .xlsx reader gives it */
                if (v.value.text_value && strlen(v.value.text_value) >= 10)
                    snprintf(buf, sizeof buf, "%.2s/%.2s/%.4s", v.value.text_value + 8, v.value.text_value + 5,
                             v.value.text_value);
                text = buf;
                break;
            default:
                break;
            }
            if (!text || !*text)
                continue;
            char *nfc = text_nfc(text);
            int rc = table_grid_set(g, (long)r, c, nfc ? nfc : "", e);
            free(nfc);
            if (rc < 0)
                return -1;
        }
    if (x->merges)
        return table_grid_merge(g, x->merges[sheet].r, x->merges[sheet].n, e);
    return 0;
}

static void xls_close(table_book *b)
{
    for (int i = 0; i < b->n_sheets; i++)
        free(b->names[i]);
    free(b->names);
    xls *x = b->impl;
    freexl_close(x->h);
    table_xls_merges_free(x->merges, b->n_sheets);
    free(x);
    free(b);
}

table_book *table_xls_open(const char *path, cdtt_err *e)
{
    const void *h = NULL;
    size_t len = 0;
    unsigned char *data = table_xls_file_read(path, &len);
    if (!data && len > TABLE_XLS_FILE_MAX) {
        err_set(e, _("%s: %s is too big (over %llu MiB)"), path, "Workbook", TABLE_XLS_FILE_MAX >> 20);
        return NULL;
    }
    long row = 0;
    int col = 0, check = data ? table_xls_file_check(data, len, &row, &col) : 0;
    if (check == TABLE_XLS_FAR_DATE) {
        free(data);
        err_set(e, _("%s: row %ld, column %d holds a number formatted as a date beyond the year 9999; give "
                     "that cell a number or text format in Excel and save the file again"),
                path, row + 1, col + 1);
        return NULL;
    }
    if (!data || check < 0 || freexl_open(path, &h) != FREEXL_OK) {
        if (h)
            freexl_close(h);
        free(data);
        err_set(e, _("%s: not a valid .xls file (damaged, or not Excel 97-2003)"), path);
        return NULL;
    }
    unsigned int info = 0, count = 0;
    if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED) {
        freexl_close(h);
        free(data);
        err_set(e, _("%s: the workbook is protected by a password; save it without one"), path);
        return NULL;
    }
    if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK || count == 0) {
        freexl_close(h);
        free(data);
        err_set(e, _("%s: the workbook has no sheets"), path);
        return NULL;
    }
    table_book *b = xcalloc(1, sizeof *b);
    xls *x = xcalloc(1, sizeof *x);
    x->h = h;
    b->impl = x;
    b->load = xls_load;
    b->close = xls_close;
    b->names = xcalloc(count, sizeof *b->names);
    for (unsigned int i = 0; i < count && i < 1024; i++) {
        const char *name = NULL;
        char *nfc = freexl_get_worksheet_name(h, (unsigned short)i, &name) == FREEXL_OK && name ? text_nfc(name)
                                                                                              : NULL;
        b->names[i] = nfc ? nfc : xstrdup("?");
        b->n_sheets++;
    }
    x->merges = table_xls_merges_parse(data, len, b->n_sheets);
    free(data);
    return b;
}
