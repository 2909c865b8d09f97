/* table-xls-file.c — an .xls file read without libfreexl, for what it does
 * not do (db/table-xls-merges.c, db/table-xls-guard.c): the file's bytes, the
 * compound document's "Workbook" stream found through its directory, and the
 * stream's records. Every offset, length and sector chain is checked against
 * the bytes there are; a chain may not visit more sectors than the file has,
 * so loops end. */
#include "table-xls-file.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define END_OF_CHAIN 0xFFFFFFFEu
#define FREE_SECTOR 0xFFFFFFFFu

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
        t->next[i] = table_xls_u32(b + 4 * i);
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
    uint32_t n_fat = table_xls_u32(d + 0x2C), difat = table_xls_u32(d + 0x44);
    if (n_fat == 0 || n_fat > sectors)
        return -1;
    uint32_t *ids = xcalloc(n_fat, sizeof *ids);
    size_t k = 0;
    for (size_t i = 0; i < 109 && k < n_fat; i++)
        ids[k++] = table_xls_u32(d + 0x4C + 4 * i);
    size_t per = size / 4 - 1, steps = 0;
    while (k < n_fat && difat != END_OF_CHAIN && difat != FREE_SECTOR && steps++ <= sectors) {
        size_t off = ((size_t)difat + 1) * size;
        if (off + size > len)
            break;
        for (size_t i = 0; i < per && k < n_fat; i++)
            ids[k++] = table_xls_u32(d + off + 4 * i);
        difat = table_xls_u32(d + off + 4 * per);
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
    size_t bytes = table_xls_u16(e + 0x40), n = strlen(name);
    if (bytes != 2 * (n + 1))
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = table_xls_u16(e + 2 * i);
        if (c >= 0x80 || (c | 0x20) != ((unsigned)name[i] | 0x20))
            return 0;
    }
    return 1;
}

unsigned char *table_xls_workbook_stream(const unsigned char *d, size_t len, size_t *got)
{
    static const unsigned char MAGIC[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (len < 1024 || memcmp(d, MAGIC, 8) != 0)
        return NULL;
    unsigned shift = table_xls_u16(d + 0x1E);
    if (shift != 9 && shift != 12)
        return NULL;
    size_t size = (size_t)1 << shift;
    sector_table fat = {0}, minifat = {0};
    unsigned char *dir = NULL, *mini = NULL, *mf = NULL, *out = NULL;
    size_t dir_len = 0, mini_len = 0, mf_len = 0, want;
    const unsigned char *wb = NULL;
    if (load_fat(d, len, size, &fat) < 0)
        goto done;
    dir = read_chain(d, len, size, 1, &fat, table_xls_u32(d + 0x30), SIZE_MAX, &dir_len);
    if (!dir || dir_len < 128 || dir[0x42] != 5) /* entry 0 is the root */
        goto done;
    for (size_t off = 128; off + 128 <= dir_len && !wb; off += 128)
        if (dir[off + 0x42] == 2 && (entry_named(dir + off, "Workbook") || entry_named(dir + off, "Book")))
            wb = dir + off;
    if (!wb || (shift == 12 && table_xls_u32(wb + 0x7C) != 0))
        goto done;
    want = table_xls_u32(wb + 0x78);
    if (want > len)
        goto done;
    if (want >= table_xls_u32(d + 0x38)) { /* at or over the cut-off: in ordinary sectors */
        out = read_chain(d, len, size, 1, &fat, table_xls_u32(wb + 0x74), want, got);
        goto done;
    }
    mini = read_chain(d, len, size, 1, &fat, table_xls_u32(dir + 0x74), table_xls_u32(dir + 0x78) <= len ? table_xls_u32(dir + 0x78) : 0,
                      &mini_len);
    mf = mini ? read_chain(d, len, size, 1, &fat, table_xls_u32(d + 0x3C), SIZE_MAX, &mf_len) : NULL;
    if (mf) {
        table_from_bytes(&minifat, mf, mf_len);
        out = read_chain(mini, mini_len, 64, 0, &minifat, table_xls_u32(wb + 0x74), want, got);
    }
done:
    free(fat.next);
    free(minifat.next);
    free(dir);
    free(mini);
    free(mf);
    return out;
}

int table_xls_next_record(const unsigned char *w, size_t n, size_t *pos, unsigned *type,
                          const unsigned char **data, size_t *len)
{
    if (*pos > n || n - *pos < 4)
        return 0;
    *type = table_xls_u16(w + *pos);
    *len = table_xls_u16(w + *pos + 2);
    if (n - *pos - 4 < *len)
        return 0;
    *data = w + *pos + 4;
    *pos += 4 + *len;
    return 1;
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

