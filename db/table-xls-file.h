/* table-xls-file.h — the merged cells of an Excel 97–2003 workbook, which
 * libfreexl does not report (db/table-xls-file.c). */
#ifndef CDTT_TABLE_XLS_FILE_H
#define CDTT_TABLE_XLS_FILE_H

#include "table.h"

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

#define TABLE_XLS_FILE_MAX (512ULL * 1024 * 1024)

/* The whole file at path in a malloc'd buffer, *len bytes; NULL when it
 * cannot be read, or is larger than TABLE_XLS_FILE_MAX (*len then its size). */
unsigned char *table_xls_file_read(const char *path, size_t *len);

enum { TABLE_XLS_DAMAGED = -1, TABLE_XLS_FAR_DATE = -2 };

/* 0 when libfreexl may be given the file. TABLE_XLS_DAMAGED when libfreexl
 * 1.0.6 would read past its buffers (a damaged or crafted file): a
 * directory entry of the first directory sector claims a name longer than
 * an entry holds, or a string (shared, in a cell, a number format) claims
 * more characters than its record holds, or goes on over more than two
 * records. TABLE_XLS_FAR_DATE when a number formatted as a date lies
 * beyond the year 9999, which libfreexl counts out day by day (seconds for
 * one cell): *row and *col (0-based) name the first. */
int table_xls_file_check(const unsigned char *data, size_t len, long *row, int *col);

void table_xls_merges_free(table_xls_merges *m, int n_sheets);

#endif
