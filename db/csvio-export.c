/* csvio-export.c — one table to a CSV file that Excel opens right: UTF-8 with
 * BOM, comma separators, CRLF, RFC 4180 quoting. */
#include "csvio.h"
#include "csv.h"
#include "outfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Rows between two progress reports. */
#define PROGRESS_EVERY 1000

/* Writes the header and every row of rows to f. */
static int write_rows(FILE *f, csvio_rows *rows, const csvio_export_opts *o, long long *count,
                      cdtt_err *e)
{
    int n = csvio_rows_ncols(rows);
    const char *hdr[32];
    for (int i = 0; i < n; i++)
        hdr[i] = csvio_rows_header(rows, i);
    csv_write_bom(f);
    csv_write_row(f, hdr, n, ',');
    long long total = csvio_rows_total(rows), done = 0;
    const char *const *cells;
    int rc;
    while ((rc = csvio_rows_next(rows, &cells, e)) == 1) {
        csv_write_row(f, cells, n, ','); /* formulas neutralised there */
        done++;
        if (o->progress && done % PROGRESS_EVERY == 0)
            o->progress(o->progress_ctx, done, total > done ? total : done);
    }
    if (o->progress)
        o->progress(o->progress_ctx, done, done);
    if (count)
        *count = done;
    return rc < 0 ? -1 : 0;
}

int csvio_export_csv(sqlite3 *db, csvio_table t, const char *path, const csvio_export_opts *opts,
                     long long *rows, cdtt_err *e)
{
    csvio_export_opts none = {0};
    const csvio_export_opts *o = opts ? opts : &none;
    csvio_rows *r = csvio_rows_open(db, t, o->full, e);
    if (!r)
        return -1;
    outfile out;
    FILE *f = outfile_fopen(&out, path, o->force, e);
    if (!f) {
        csvio_rows_close(r);
        return -1;
    }
    int rc = write_rows(f, r, o, rows, e);
    csvio_rows_close(r);
    return outfile_fclose(&out, f, rc == 0, e);
}
