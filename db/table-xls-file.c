/* table-xls-file.c — the merged ranges of an .xls workbook, read from the
 * file itself: the compound document's directory gives the "Workbook"
 * stream, its BOUNDSHEET records each sheet's place, and each sheet's
 * MERGEDCELLS records its merged ranges. Every offset, length and sector
 * chain is checked against the bytes there are; a chain may not visit more
 * sectors than the file has, so loops end. */
#include "table-xls-file.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define END_OF_CHAIN 0xFFFFFFFEu
#define FREE_SECTOR 0xFFFFFFFFu
#define SHEET_RANGES_MAX 100000L

#define REC_BOF 0x0809
#define REC_EOF 0x000A
#define REC_BOUNDSHEET 0x0085
#define REC_FILEPASS 0x002F
#define REC_MERGEDCELLS 0x00E5
#define REC_FORMAT 0x041E
#define REC_XF 0x00E0
#define REC_NUMBER 0x0203
#define REC_RK 0x027E
#define REC_MULRK 0x00BD
#define REC_SST 0x00FC
#define REC_CONTINUE 0x003C
#define REC_LABEL 0x0204
#define BIFF8 0x0600
#define DATE_SERIAL_MAX 2958465.0 /* 31/12/9999 */

static uint16_t u16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A table of sector numbers (the FAT or the mini FAT) decoded from bytes. */
typedef struct {
    uint32_t *next;
    size_t n;
} sector_table;

static void table_from_bytes(sector_table *t, const unsigned char *b, size_t len)
{
    t->n = len / 4;
    t->next = xcalloc(t->n ? t->n : 1, sizeof *t->next);
    for (size_t i = 0; i < t->n; i++)
        t->next[i] = u32(b + 4 * i);
}

/* The bytes of the chain that starts at sector `start`: sector k lies at
 * (k + skip) * size in base; up to `want` bytes (SIZE_MAX: the whole chain).
 * NULL when the chain leaves the table or the bytes, loops, or ends before
 * `want` bytes. */
static unsigned char *read_chain(const unsigned char *base, size_t base_len, size_t size, size_t skip,
                                 const sector_table *t, uint32_t start, size_t want, size_t *got)
{
    unsigned char *out = NULL;
    size_t n = 0, cap = 0;
    uint32_t s = start;
    for (size_t steps = 0; s != END_OF_CHAIN && n < want; steps++) {
        size_t off = ((size_t)s + skip) * size;
        if (s >= t->n || steps >= t->n || off >= base_len) {
            free(out);
            return NULL;
        }
        size_t take = base_len - off < size ? base_len - off : size; /* a last sector cut short */
        if (take > want - n)
            take = want - n;
        if (n + take > cap) {
            cap = (n + take) * 2;
            out = xrealloc(out, cap);
        }
        memcpy(out + n, base + off, take);
        n += take;
        s = t->next[s];
    }
    if (want != SIZE_MAX && n < want) {
        free(out);
        return NULL;
    }
    *got = n;
    return out ? out : xcalloc(1, 1);
}

/* The FAT: the sectors the header and the DIFAT chain name. 0 or -1. */
static int load_fat(const unsigned char *d, size_t len, size_t size, sector_table *fat)
{
    size_t sectors = (len + size - 1) / size - 1; /* after the header */
    uint32_t n_fat = u32(d + 0x2C), difat = u32(d + 0x44);
    if (n_fat == 0 || n_fat > sectors)
        return -1;
    uint32_t *ids = xcalloc(n_fat, sizeof *ids);
    size_t k = 0;
    for (size_t i = 0; i < 109 && k < n_fat; i++)
        ids[k++] = u32(d + 0x4C + 4 * i);
    size_t per = size / 4 - 1, steps = 0;
    while (k < n_fat && difat != END_OF_CHAIN && difat != FREE_SECTOR && steps++ <= sectors) {
        size_t off = ((size_t)difat + 1) * size;
        if (off + size > len)
            break;
        for (size_t i = 0; i < per && k < n_fat; i++)
            ids[k++] = u32(d + off + 4 * i);
        difat = u32(d + off + 4 * per);
    }
    int rc = -1;
    if (k == n_fat) {
        unsigned char *bytes = xcalloc(n_fat, size);
        rc = 0;
        for (size_t i = 0; i < n_fat && rc == 0; i++) {
            size_t off = ((size_t)ids[i] + 1) * size;
            if (ids[i] >= sectors || off + size > len)
                rc = -1;
            else
                memcpy(bytes + i * size, d + off, size);
        }
        if (rc == 0)
            table_from_bytes(fat, bytes, (size_t)n_fat * size);
        free(bytes);
    }
    free(ids);
    return rc;
}

/* True when directory entry e is named `name` (ASCII, any case). */
static int entry_named(const unsigned char *e, const char *name)
{
    size_t bytes = u16(e + 0x40), n = strlen(name);
    if (bytes != 2 * (n + 1))
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = u16(e + 2 * i);
        if (c >= 0x80 || (c | 0x20) != ((unsigned)name[i] | 0x20))
            return 0;
    }
    return 1;
}

/* The workbook stream ("Workbook", or "Book" in BIFF5) of the compound
 * document d, or NULL. */
static unsigned char *workbook_stream(const unsigned char *d, size_t len, size_t *got)
{
    static const unsigned char MAGIC[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (len < 1024 || memcmp(d, MAGIC, 8) != 0)
        return NULL;
    unsigned shift = u16(d + 0x1E);
    if (shift != 9 && shift != 12)
        return NULL;
    size_t size = (size_t)1 << shift;
    sector_table fat = {0}, minifat = {0};
    unsigned char *dir = NULL, *mini = NULL, *mf = NULL, *out = NULL;
    size_t dir_len = 0, mini_len = 0, mf_len = 0, want;
    const unsigned char *wb = NULL;
    if (load_fat(d, len, size, &fat) < 0)
        goto done;
    dir = read_chain(d, len, size, 1, &fat, u32(d + 0x30), SIZE_MAX, &dir_len);
    if (!dir || dir_len < 128 || dir[0x42] != 5) /* entry 0 is the root */
        goto done;
    for (size_t off = 128; off + 128 <= dir_len && !wb; off += 128)
        if (dir[off + 0x42] == 2 && (entry_named(dir + off, "Workbook") || entry_named(dir + off, "Book")))
            wb = dir + off;
    if (!wb || (shift == 12 && u32(wb + 0x7C) != 0))
        goto done;
    want = u32(wb + 0x78);
    if (want > len)
        goto done;
    if (want >= u32(d + 0x38)) { /* at or over the cut-off: in ordinary sectors */
        out = read_chain(d, len, size, 1, &fat, u32(wb + 0x74), want, got);
        goto done;
    }
    mini = read_chain(d, len, size, 1, &fat, u32(dir + 0x74), u32(dir + 0x78) <= len ? u32(dir + 0x78) : 0,
                      &mini_len);
    mf = mini ? read_chain(d, len, size, 1, &fat, u32(d + 0x3C), SIZE_MAX, &mf_len) : NULL;
    if (mf) {
        table_from_bytes(&minifat, mf, mf_len);
        out = read_chain(mini, mini_len, 64, 0, &minifat, u32(wb + 0x74), want, got);
    }
done:
    free(fat.next);
    free(minifat.next);
    free(dir);
    free(mini);
    free(mf);
    return out;
}

/* The record at *pos of the stream w (n bytes): its type, data and length;
 * moves *pos past it. 0 at the end or on a record cut short. */
static int next_record(const unsigned char *w, size_t n, size_t *pos, unsigned *type, const unsigned char **data,
                       size_t *len)
{
    if (*pos > n || n - *pos < 4)
        return 0;
    *type = u16(w + *pos);
    *len = u16(w + *pos + 2);
    if (n - *pos - 4 < *len)
        return 0;
    *data = w + *pos + 4;
    *pos += 4 + *len;
    return 1;
}

/* Adds the ranges of one MERGEDCELLS record to m. */
static void add_ranges(table_xls_merges *m, const unsigned char *data, size_t len)
{
    if (len < 2)
        return;
    size_t count = u16(data);
    for (size_t k = 0; k < count && 2 + 8 * (k + 1) <= len && m->n < SHEET_RANGES_MAX; k++) {
        const unsigned char *p = data + 2 + 8 * k;
        table_range r = {u16(p), u16(p + 4), u16(p + 2), u16(p + 6)};
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
    while (next_record(w, n, &pos, &type, &data, &len)) {
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
    unsigned char *w = workbook_stream(data, len, &n);
    if (!w)
        return NULL;
    size_t pos = 0, rlen;
    unsigned type;
    const unsigned char *rec;
    table_xls_merges *m = NULL;
    uint32_t *at = NULL;
    int sheets = 0, ok = 1;
    if (!next_record(w, n, &pos, &type, &rec, &rlen) || type != REC_BOF || rlen < 2)
        goto done;
    m = xcalloc((size_t)n_sheets, sizeof *m);
    if (u16(rec) != BIFF8) /* older workbooks cannot merge cells */
        goto done;
    at = xcalloc((size_t)n_sheets, sizeof *at);
    while (ok && next_record(w, n, &pos, &type, &rec, &rlen) && type != REC_EOF) {
        if (type == REC_FILEPASS)
            ok = 0;
        else if (type == REC_BOUNDSHEET && rlen >= 6 && sheets++ < n_sheets)
            at[sheets - 1] = u32(rec);
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

unsigned char *table_xls_file_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *d = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        *len = size > 0 ? (size_t)size : 0;
        if (size > 0 && (unsigned long long)size <= TABLE_XLS_FILE_MAX && fseek(f, 0, SEEK_SET) == 0) {
            d = xcalloc((size_t)size, 1);
            *len = fread(d, 1, (size_t)size, f);
        }
    }
    fclose(f);
    return d;
}

table_xls_merges *table_xls_merges_read(const char *path, int n_sheets)
{
    size_t len = 0;
    unsigned char *d = table_xls_file_read(path, &len);
    table_xls_merges *m = d ? table_xls_merges_parse(d, len, n_sheets) : NULL;
    free(d);
    return m;
}

/* True when a format code shows a date, as libfreexl 1.0.6 decides it
 * (letters for year and month, or month and day; case ignored). */
static int date_format(const unsigned char *chars, size_t n, int wide)
{
    int y = 0, m = 0, d = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = wide ? u16(chars + 2 * i) : chars[i];
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
        size_t n = u16(data + 2);
        int wide = data[4] & 1;
        if (5 + n * (wide ? 2 : 1) <= len)
            ds->custom[u16(data)] = (unsigned char)date_format(data + 5, n, wide);
    } else if (type == REC_XF && len >= 4 && ds->n_xf < 65536) {
        unsigned f = u16(data + 2);
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
    while (!found && next_record(w, n, &pos, &type, &data, &len)) {
        if (type == REC_FORMAT || type == REC_XF) {
            add_style(ds, type, data, len);
        } else if (type == REC_NUMBER && len >= 14) {
            double v;
            memcpy(&v, data + 6, sizeof v); /* little-endian, as the machines this runs on */
            found = far_date(ds, u16(data + 4), v);
        } else if (type == REC_RK && len >= 10) {
            found = far_date(ds, u16(data + 4), rk_value(u32(data + 6)));
        } else if (type == REC_MULRK && len >= 6) {
            for (size_t k = 0; !found && 4 + 6 * (k + 1) <= len - 2; k++)
                if (far_date(ds, u16(data + 4 + 6 * k), rk_value(u32(data + 6 + 6 * k))))
                    found = 1, *col = (int)(u16(data + 2) + k);
            if (found)
                *row = u16(data);
            continue;
        }
        if (found) {
            *row = u16(data);
            *col = u16(data + 2);
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
        *extra += 4 * (size_t)u16(r + q);
        q += 2;
    }
    if (flags & 0x04) {
        if (size - q < 4)
            return 0;
        *extra += u32(r + q);
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
    return (size_t)u16(r + at_len) * (wide ? 2 : 1) <= size - start;
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
        *s = (sst_walk){.count = u32(r + 4)};
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
        size_t len = u16(r + p), need = len * (wide ? 2 : 1);
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
    if (!next_record(w, n, &pos, &type, &r, &len) || type != REC_BOF || len < 2)
        return 1; /* not BIFF5 or BIFF8: libfreexl reads it otherwise */
    int biff8 = u16(r) == BIFF8;
    sst_walk sst = {0};
    while (next_record(w, n, &pos, &type, &r, &len)) {
        int ok = 1;
        if (type == REC_SST && biff8)
            ok = sst_record(&sst, r, len, 1) == 0;
        else if (type == REC_CONTINUE && last == REC_SST && biff8)
            ok = sst_record(&sst, r, len, 0) == 0;
        else if (type == REC_LABEL)
            ok = biff8 ? string_fits(r, len, 6, 8) : len >= 8 && u16(r + 6) <= len - 8;
        else if (type == REC_FORMAT && biff8)
            ok = string_fits(r, len, 2, 4);
        if (!ok)
            return 0;
        if (type != REC_CONTINUE)
            last = type;
    }
    return 1;
}

int table_xls_file_check(const unsigned char *d, size_t len, long *row, int *col)
{
    size_t n = 0;
    unsigned char *w = workbook_stream(d, len, &n);
    int far = w && find_far_date(w, n, row, col), fit = !w || strings_fit(w, n);
    free(w);
    if (far)
        return TABLE_XLS_FAR_DATE;
    if (!fit)
        return TABLE_XLS_DAMAGED;
    if (len < 512)
        return 0; /* libfreexl stops at the header */
    unsigned shift = u16(d + 0x1E);
    if (shift != 9 && shift != 12)
        return 0;
    /* where libfreexl looks for it: its sum wraps at 32 bits, so sector
     * 0xFFFFFFFF ("none") sends it to the header */
    size_t size = (size_t)1 << shift, off = (uint32_t)((u32(d + 0x30) + 1u) * (uint32_t)size);
    if (off >= len || len - off < size)
        return 0; /* libfreexl cannot read the sector */
    for (size_t e = off; e < off + size; e += 128)
        if (u16(d + e + 0x40) > 64) /* the name's bytes; an entry holds 64 */
            return TABLE_XLS_DAMAGED;
    return 0;
}

void table_xls_merges_free(table_xls_merges *m, int n_sheets)
{
    for (int i = 0; m && i < n_sheets; i++)
        free(m[i].r);
    free(m);
}
