/* table-xls-file.h — an Excel 97–2003 file read without libfreexl, for what
 * libfreexl does not do: the file and its workbook stream's records
 * (db/table-xls-file.c), the merged cells it does not report
 * (db/table-xls-merges.c), and the checks that keep it away from files it
 * would mishandle (db/table-xls-guard.c). */
#ifndef CDTT_TABLE_XLS_FILE_H
#define CDTT_TABLE_XLS_FILE_H

#include "table.h"

#include <stdint.h>

/* ---- the file and its records (db/table-xls-file.c) ---------------------- */

#define TABLE_XLS_FILE_MAX (512ULL * 1024 * 1024)

/* The whole file at path in a malloc'd buffer, *len bytes; NULL when it
 * cannot be read, or is larger than TABLE_XLS_FILE_MAX (*len then its size). */
unsigned char *table_xls_file_read(const char *path, size_t *len);

/* The workbook stream ("Workbook", or "Book" in BIFF5) of the compound
 * document data (len bytes), malloc'd, *got bytes; NULL when the document
 * is damaged or has none. Any bytes are safe to pass. */
unsigned char *table_xls_workbook_stream(const unsigned char *data, size_t len, size_t *got);

/* The record at *pos of the stream w (n bytes): its type, data and length;
 * moves *pos past it. 0 at the end or on a record cut short. */
int table_xls_next_record(const unsigned char *w, size_t n, size_t *pos, unsigned *type,
                          const unsigned char **data, size_t *len);

/* A little-endian number as the file stores it. */
static inline unsigned table_xls_u16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static inline uint32_t table_xls_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Record types. */
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
#define REC_DIMENSION 0x0200
#define BIFF8 0x0600

/* ---- merged ranges (db/table-xls-merges.c) ------------------------------- */

/* One sheet's merged ranges. */
typedef struct {
    table_range *r;
    long n;
} table_xls_merges;

/* The merged ranges of each of the n_sheets sheets of the workbook held in
 * data (len bytes): an array of n_sheets (free it with table_xls_merges_free),
 * the sheets in the order the workbook lists them, at most 100,000 ranges a
 * sheet. A BIFF5 or older workbook gives none (those cannot merge cells).
 * NULL when they cannot be told: not a compound document, a damaged or
 * encrypted one, or a workbook that lists another number of sheets. Any
 * bytes are safe to pass. */
table_xls_merges *table_xls_merges_parse(const unsigned char *data, size_t len, int n_sheets);

/* The same for the file at path; NULL also when it cannot be read. */
table_xls_merges *table_xls_merges_read(const char *path, int n_sheets);

void table_xls_merges_free(table_xls_merges *m, int n_sheets);

/* ---- checks before libfreexl reads a file (db/table-xls-guard.c) --------- */

enum { TABLE_XLS_DAMAGED = -1, TABLE_XLS_FAR_DATE = -2 };

/* 0 when libfreexl may be given the file (len bytes of data). TABLE_XLS_DAMAGED
 * when libfreexl 1.0.6 would read past its buffers (a damaged or crafted
 * file): a directory entry of the first directory sector claims a name
 * longer than an entry holds, or a string (shared, in a cell, a number
 * format) claims more characters than its record holds, or goes on over
 * more than two records, or a sheet's DIMENSION record (its size) is shorter
 * than its fields or comes twice. TABLE_XLS_FAR_DATE when a number formatted as a
 * date lies beyond the year 9999, which libfreexl counts out day by day
 * (seconds for one cell): *row and *col (0-based) name the first. */
int table_xls_file_check(const unsigned char *data, size_t len, long *row, int *col);

#endif
