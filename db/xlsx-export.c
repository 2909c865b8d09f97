/* xlsx-export.c — every table in one Excel workbook (libxlsxwriter): a sheet
 * per table (after the caller's first sheet, if any), the header row bold and
 * frozen, sensible column widths, numbers as numbers, dates as dd/mm/yyyy text. */
#include "csvio.h"
#include "db.h"
#include "outfile.h"
#include "text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define PROGRESS_EVERY 1000

/* Writes s as a text cell (never a formula), control characters shown as the
 * CSV writer shows them (text_safe; line breaks kept). */
static lxw_error write_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s)
{
    if (!text_safe_needed(s, TEXT_SAFE_NEWLINES))
        return worksheet_write_string(ws, row, col, s, NULL);
    char *safe = text_safe(s, TEXT_SAFE_NEWLINES);
    lxw_error err = worksheet_write_string(ws, row, col, safe, NULL);
    free(safe);
    return err;
}

/* Writes one table as a sheet; done counts rows over all sheets. */
static int write_sheet(lxw_workbook *wb, lxw_format *bold, sqlite3 *db, csvio_table t,
                       const csvio_export_opts *o, long long *done, long long total, cdtt_err *e)
{
    csvio_rows *r = csvio_rows_open(db, t, o->full, e);
    if (!r)
        return -1;
    lxw_worksheet *ws = workbook_add_worksheet(wb, csvio_sheet_name(t));
    if (!ws) {
        csvio_rows_close(r);
        return err_set(e, _("cannot add the sheet %s"), csvio_sheet_name(t));
    }
    int n = csvio_rows_ncols(r);
    for (int c = 0; c < n; c++) {
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, csvio_rows_width(r, c), NULL);
        worksheet_write_string(ws, 0, (lxw_col_t)c, csvio_rows_header(r, c), bold);
    }
    worksheet_freeze_panes(ws, 1, 0);
    const char *const *cells;
    lxw_row_t row = 1;
    int rc;
    lxw_error err = LXW_NO_ERROR;
    while (err == LXW_NO_ERROR && (rc = csvio_rows_next(r, &cells, e)) == 1) {
        if (row >= LXW_ROW_MAX) {
            rc = err_set(e, _("too many rows for one Excel sheet"));
            break;
        }
        for (int c = 0; c < n && err == LXW_NO_ERROR; c++) {
            if (!cells[c][0])
                continue;
            if (csvio_rows_is_number(r, c))
                err = worksheet_write_number(ws, row, (lxw_col_t)c, strtod(cells[c], NULL), NULL);
            else
                err = write_text(ws, row, (lxw_col_t)c, cells[c]);
        }
        row++;
        (*done)++;
        if (o->progress && *done % PROGRESS_EVERY == 0)
            o->progress(o->progress_ctx, *done, total > *done ? total : *done);
    }
    csvio_rows_close(r);
    if (err != LXW_NO_ERROR)
        return err_set(e, _("cannot write the sheet %s: %s"), csvio_sheet_name(t), lxw_strerror(err));
    return rc < 0 ? -1 : 0;
}

/* The approximate number of rows of every table (for progress). */
static long long total_rows(sqlite3 *db, int full)
{
    long long total = 0;
    for (int t = 0; t < CSVIO_TABLE_COUNT; t++) {
        csvio_rows *r = csvio_rows_open(db, (csvio_table)t, full, NULL);
        if (r)
            total += csvio_rows_total(r);
        csvio_rows_close(r);
    }
    return total;
}

int csvio_export_xlsx(sqlite3 *db, const char *path, const csvio_export_opts *opts, cdtt_err *e)
{
    csvio_export_opts none = {0};
    const csvio_export_opts *o = opts ? opts : &none;
    outfile out;
    int fd = outfile_begin(&out, path, o->force, e);
    if (fd < 0)
        return -1;
    close(fd);
    lxw_workbook_options wo = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(out.tmp, &wo);
    if (!wb) {
        int err = errno;
        outfile_abort(&out);
        return err_set(e, _("cannot create %s: %s"), path, io_reason(err));
    }
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    /* One read transaction: every sheet shows the same moment, even while
     * another user of the file saves. */
    int own_tx = sqlite3_get_autocommit(db) && db_exec(db, "BEGIN", NULL) == 0;
    long long total = total_rows(db, o->full), done = 0;
    int rc = o->first_sheet ? o->first_sheet(wb, o->first_sheet_arg, e) : 0;
    for (int t = 0; t < CSVIO_TABLE_COUNT && rc == 0; t++)
        rc = write_sheet(wb, bold, db, (csvio_table)t, o, &done, total, e);
    if (own_tx)
        db_exec(db, "COMMIT", NULL);
    errno = 0;
    lxw_error err = workbook_close(wb);
    if (rc == 0 && err != LXW_NO_ERROR)
        rc = errno == ENOSPC || errno == EDQUOT
                 ? err_set(e, _("cannot write %s: %s"), path, io_reason(errno))
                 : err_set(e, _("cannot write %s: %s"), path, lxw_strerror(err));
    if (rc == 0 && chmod(out.tmp, 0600) != 0)
        rc = err_set(e, _("cannot write %s: %s"), path, io_reason(errno));
    if (rc != 0) {
        outfile_abort(&out);
        return -1;
    }
    if (o->progress)
        o->progress(o->progress_ctx, done, done);
    return outfile_commit(&out, e); /* flushed to the disk there */
}
