/* table-xls-merges.c — the merged ranges of an .xls workbook, which libfreexl
 * does not report: the stream's BOUNDSHEET records give each sheet's place,
 * each sheet's MERGEDCELLS records its merged ranges. */
#include "table-xls-file.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SHEET_RANGES_MAX 100000L

/* Adds the ranges of one MERGEDCELLS record to m. */
static void add_ranges(table_xls_merges *m, const unsigned char *data, size_t len)
{
    if (len < 2)
        return;
    size_t count = table_xls_u16(data);
    for (size_t k = 0; k < count && 2 + 8 * (k + 1) <= len && m->n < SHEET_RANGES_MAX; k++) {
        const unsigned char *p = data + 2 + 8 * k;
        table_range r = {table_xls_u16(p), table_xls_u16(p + 4), table_xls_u16(p + 2), table_xls_u16(p + 6)};
        if (r.r1 < r.r0 || r.c1 < r.c0)
            continue;
        if (m->n == 0 || (m->n >= 8 && (m->n & (m->n - 1)) == 0)) /* 8, 16, 32, … */
            m->r = xrealloc(m->r, (size_t)(m->n ? 2 * m->n : 8) * sizeof *m->r);
        m->r[m->n++] = r;
    }
}

/* Reads the sheet whose BOF record is at pos: its MERGEDCELLS records, not
 * those of a chart or other part nested in it. */
static void sheet_ranges(const unsigned char *w, size_t n, size_t pos, table_xls_merges *m)
{
    unsigned type;
    const unsigned char *data;
    size_t len;
    int depth = 0;
    while (table_xls_next_record(w, n, &pos, &type, &data, &len)) {
        if (type == REC_BOF)
            depth++;
        else if (depth == 0)
            return; /* no BOF where the workbook said the sheet begins */
        else if (type == REC_EOF && --depth == 0)
            return;
        else if (type == REC_MERGEDCELLS && depth == 1)
            add_ranges(m, data, len);
    }
}

table_xls_merges *table_xls_merges_parse(const unsigned char *data, size_t len, int n_sheets)
{
    if (n_sheets <= 0)
        return NULL;
    size_t n = 0;
    unsigned char *w = table_xls_workbook_stream(data, len, &n);
    if (!w)
        return NULL;
    size_t pos = 0, rlen;
    unsigned type;
    const unsigned char *rec;
    table_xls_merges *m = NULL;
    uint32_t *at = NULL;
    int sheets = 0, ok = 1;
    if (!table_xls_next_record(w, n, &pos, &type, &rec, &rlen) || type != REC_BOF || rlen < 2)
        goto done;
    m = xcalloc((size_t)n_sheets, sizeof *m);
    if (table_xls_u16(rec) != BIFF8) /* older workbooks cannot merge cells */
        goto done;
    at = xcalloc((size_t)n_sheets, sizeof *at);
    while (ok && table_xls_next_record(w, n, &pos, &type, &rec, &rlen) && type != REC_EOF) {
        if (type == REC_FILEPASS)
            ok = 0;
        else if (type == REC_BOUNDSHEET && rlen >= 6 && sheets++ < n_sheets)
            at[sheets - 1] = table_xls_u32(rec);
    }
    if (ok && sheets == n_sheets)
        for (int i = 0; i < n_sheets; i++)
            sheet_ranges(w, n, at[i], &m[i]);
    free(at);
    if (!ok || sheets != n_sheets) {
        table_xls_merges_free(m, n_sheets);
        m = NULL;
    }
done:
    free(w);
    return m;
}

table_xls_merges *table_xls_merges_read(const char *path, int n_sheets)
{
    size_t len = 0;
    unsigned char *d = table_xls_file_read(path, &len);
    table_xls_merges *m = d ? table_xls_merges_parse(d, len, n_sheets) : NULL;
    free(d);
    return m;
}

void table_xls_merges_free(table_xls_merges *m, int n_sheets)
{
    for (int i = 0; m && i < n_sheets; i++)
        free(m[i].r);
    free(m);
}
