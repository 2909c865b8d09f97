/* table-xls-guard.c — the checks that keep libfreexl 1.0.6 away from the .xls
 * files it would read past its buffers or spend seconds a cell on (each found
 * by the fuzzer, tests/fuzz/fuzz_table.c). */
#include "table-xls-file.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DATE_SERIAL_MAX 2958465.0 /* 31/12/9999 */

/* True when a format code shows a date, as libfreexl 1.0.6 decides it
 * (letters for year and month, or month and day; case ignored). */
static int date_format(const unsigned char *chars, size_t n, int wide)
{
    int y = 0, m = 0, d = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = wide ? table_xls_u16(chars + 2 * i) : chars[i];
        y |= c == 'y' || c == 'Y';
        m |= c == 'm' || c == 'M';
        d |= c == 'd' || c == 'D';
    }
    return (y && m) || (m && d);
}

/* An RK number's value. */
static double rk_value(uint32_t rk)
{
    double v;
    if (rk & 2) {
        v = (double)((int32_t)rk >> 2);
    } else {
        uint64_t bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;
        memcpy(&v, &bits, sizeof v);
    }
    return (rk & 1) ? v / 100 : v;
}

/* The XF records' date flags, as they are met. */
typedef struct {
    unsigned char custom[65536]; /* per format number: 1 when a date */
    unsigned char *xf;           /* per cell style: 1 when its format is a date */
    size_t n_xf;
} date_styles;

static void add_style(date_styles *ds, unsigned type, const unsigned char *data, size_t len)
{
    if (type == REC_FORMAT && len >= 5) {
        size_t n = table_xls_u16(data + 2);
        int wide = data[4] & 1;
        if (5 + n * (wide ? 2 : 1) <= len)
            ds->custom[table_xls_u16(data)] = (unsigned char)date_format(data + 5, n, wide);
    } else if (type == REC_XF && len >= 4 && ds->n_xf < 65536) {
        unsigned f = table_xls_u16(data + 2);
        if ((ds->n_xf & 255) == 0)
            ds->xf = xrealloc(ds->xf, ds->n_xf + 256);
        ds->xf[ds->n_xf++] = (unsigned char)((f >= 14 && f <= 17) || f == 22 || ds->custom[f]);
    }
}

/* True when a number in a cell of style xf is a date beyond the year 9999. */
static int far_date(const date_styles *ds, unsigned xf, double v)
{
    return xf < ds->n_xf && ds->xf[xf] && !(v < DATE_SERIAL_MAX);
}

/* Finds the first number formatted as a date beyond the year 9999 (libfreexl
 * 1.0.6 counts such a date out day by day: seconds a cell). 1 found (*row,
 * *col 0-based), 0 none. */
static int find_far_date(const unsigned char *w, size_t n, long *row, int *col)
{
    date_styles *ds = xcalloc(1, sizeof *ds);
    size_t pos = 0, len;
    unsigned type;
    const unsigned char *data;
    int found = 0;
    while (!found && table_xls_next_record(w, n, &pos, &type, &data, &len)) {
        if (type == REC_FORMAT || type == REC_XF) {
            add_style(ds, type, data, len);
        } else if (type == REC_NUMBER && len >= 14) {
            double v;
            memcpy(&v, data + 6, sizeof v); /* little-endian, as the machines this runs on */
            found = far_date(ds, table_xls_u16(data + 4), v);
        } else if (type == REC_RK && len >= 10) {
            found = far_date(ds, table_xls_u16(data + 4), rk_value(table_xls_u32(data + 6)));
        } else if (type == REC_MULRK && len >= 6) {
            for (size_t k = 0; !found && 4 + 6 * (k + 1) <= len - 2; k++)
                if (far_date(ds, table_xls_u16(data + 4 + 6 * k), rk_value(table_xls_u32(data + 6 + 6 * k))))
                    found = 1, *col = (int)(table_xls_u16(data + 2) + k);
            if (found)
                *row = table_xls_u16(data);
            continue;
        }
        if (found) {
            *row = table_xls_u16(data);
            *col = table_xls_u16(data + 2);
        }
    }
    free(ds->xf);
    free(ds);
    return found;
}

/* ---- strings as libfreexl 1.0.6 reads them --------------------------------
 * It takes a string's length from the record and copies that many
 * characters without looking at where the record ends. The walk below
 * follows its reading and finds the strings that would take it past. */

/* The header of a BIFF8 string whose flags byte is at p: where its
 * characters begin, the bytes of formatting runs and extension after them,
 * and whether they are 2 bytes each. 0 when the header is not all in the record. */
static int string_params(const unsigned char *r, size_t size, size_t p, size_t *start, size_t *extra, int *wide)
{
    if (p >= size)
        return 0;
    unsigned flags = r[p];
    size_t q = p + 1;
    *extra = 0;
    if (flags & 0x08) {
        if (size - q < 2)
            return 0;
        *extra += 4 * (size_t)table_xls_u16(r + q);
        q += 2;
    }
    if (flags & 0x04) {
        if (size - q < 4)
            return 0;
        *extra += table_xls_u32(r + q);
        q += 4;
    }
    *wide = flags & 1;
    *start = q;
    return 1;
}

/* True when the string whose length is at at_len and flags at at_flags has
 * all its characters in the record. */
static int string_fits(const unsigned char *r, size_t size, size_t at_len, size_t at_flags)
{
    size_t start, extra;
    int wide;
    if (at_len + 2 > size || !string_params(r, size, at_flags, &start, &extra, &wide))
        return 0;
    return (size_t)table_xls_u16(r + at_len) * (wide ? 2 : 1) <= size - start;
}

/* The shared strings being read: how many, the next, a string split over
 * two records (its characters, those read, the extras to skip after it),
 * and the extras of the last string that run into the next record. */
typedef struct {
    unsigned long count, index;
    size_t len, off, skip, next_skip;
} sst_walk;

/* Follows one SST (first) or CONTINUE record. 0, or -1 when libfreexl would
 * read past the record (or a string goes on over more than two records,
 * which it cannot read). */
static int sst_record(sst_walk *s, const unsigned char *r, size_t size, int first)
{
    size_t p = 0;
    if (first) {
        if (size < 8)
            return -1;
        *s = (sst_walk){.count = table_xls_u32(r + 4)};
        p = 8;
    } else if (s->len > 0) {
        size_t rest = s->len - s->off;
        if (size < 1 || (rest * ((r[0] & 1) ? 2 : 1)) > size - 1)
            return -1;
        p = 1 + rest * ((r[0] & 1) ? 2 : 1) + s->skip;
        s->next_skip = p >= size ? p - size : 0;
        s->len = 0;
        s->index++;
    }
    while (s->index < s->count && p < size) {
        p += s->next_skip;
        size_t start, extra;
        int wide;
        if (p > size || size - p < 2 || !string_params(r, size, p + 2, &start, &extra, &wide))
            return -1;
        size_t len = table_xls_u16(r + p), need = len * (wide ? 2 : 1);
        if (len == 0)
            return -1;
        s->skip = extra;
        s->next_skip = 0;
        if (need > size - start) { /* goes on in the next record */
            s->len = len;
            s->off = wide ? (size - start) / 2 : size - start;
            return 0;
        }
        p = start + need + extra;
        s->next_skip = p >= size ? p - size : 0;
        s->index++;
    }
    return 0;
}

/* True when every string of the workbook stream w (n bytes) is one
 * libfreexl reads within its record. */
static int strings_fit(const unsigned char *w, size_t n)
{
    size_t pos = 0, len;
    unsigned type, last = 0;
    const unsigned char *r;
    if (!table_xls_next_record(w, n, &pos, &type, &r, &len) || type != REC_BOF || len < 2)
        return 1; /* not BIFF5 or BIFF8: libfreexl reads it otherwise */
    int biff8 = table_xls_u16(r) == BIFF8;
    sst_walk sst = {0};
    while (table_xls_next_record(w, n, &pos, &type, &r, &len)) {
        int ok = 1;
        if (type == REC_SST && biff8)
            ok = sst_record(&sst, r, len, 1) == 0;
        else if (type == REC_CONTINUE && last == REC_SST && biff8)
            ok = sst_record(&sst, r, len, 0) == 0;
        else if (type == REC_LABEL)
            ok = biff8 ? string_fits(r, len, 6, 8) : len >= 8 && table_xls_u16(r + 6) <= len - 8;
        else if (type == REC_FORMAT && biff8)
            ok = string_fits(r, len, 2, 4);
        if (!ok)
            return 0;
        if (type != REC_CONTINUE)
            last = type;
    }
    return 1;
}

/* ---- a sheet's size as libfreexl 1.0.6 reads it ----------------------------
 * It reads a DIMENSION record's rows and columns without looking at its
 * length, and sizes the sheet's cells by every one it meets. */

/* True when each substream of the workbook stream w (n bytes) has at most one
 * DIMENSION record, holding all its fields (14 bytes in BIFF8, 10 before). */
static int dimensions_fit(const unsigned char *w, size_t n)
{
    size_t pos = 0, len;
    unsigned type;
    const unsigned char *r;
    int biff8 = 0, seen = 0;
    while (table_xls_next_record(w, n, &pos, &type, &r, &len)) {
        if (type == REC_BOF) {
            biff8 = len >= 2 && table_xls_u16(r) == BIFF8;
            seen = 0;
        } else if (type == REC_DIMENSION && (seen++ || len < (biff8 ? 14u : 10u))) {
            return 0;
        }
    }
    return 1;
}

int table_xls_file_check(const unsigned char *d, size_t len, long *row, int *col)
{
    size_t n = 0;
    static const unsigned char CFB[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    unsigned char *w = table_xls_workbook_stream(d, len, &n);
    int have = w != NULL, far = have && find_far_date(w, n, row, col),
        fit = !have || (strings_fit(w, n) && dimensions_fit(w, n));
    free(w);
    if (far)
        return TABLE_XLS_FAR_DATE;
    if (!fit)
        return TABLE_XLS_DAMAGED;
    /* A compound document whose workbook stream cannot be followed (a sector
     * chain past the file's end, found by the fuzzer) would send libfreexl
     * 1.0.6 copying past its buffers too. */
    if (!have && len >= sizeof CFB && memcmp(d, CFB, sizeof CFB) == 0)
        return TABLE_XLS_DAMAGED;
    if (len < 512)
        return 0; /* libfreexl stops at the header */
    unsigned shift = table_xls_u16(d + 0x1E);
    if (shift != 9 && shift != 12)
        return 0;
    /* where libfreexl looks for it: its sum wraps at 32 bits, so sector
     * 0xFFFFFFFF ("none") sends it to the header */
    size_t size = (size_t)1 << shift, off = (uint32_t)((table_xls_u32(d + 0x30) + 1u) * (uint32_t)size);
    if (off >= len || len - off < size)
        return 0; /* libfreexl cannot read the sector */
    for (size_t e = off; e < off + size; e += 128)
        if (table_xls_u16(d + e + 0x40) > 64) /* the name's bytes; an entry holds 64 */
            return TABLE_XLS_DAMAGED;
    return 0;
}

