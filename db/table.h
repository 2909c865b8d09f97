/* table.h — a list as offices keep it, read from a file into a header and data
 * rows: CSV (UTF-8, UTF-16 or Windows-1258, as Excel saves them), Excel .xlsx
 * and Excel 97–2003 .xls. The format is recognised by the file's first bytes.
 *
 * The header row is found, not assumed: title lines above it (the national
 * motto, "DANH SÁCH …", the commune's name), blank rows, a second header row
 * under merged header cells and a row of column numbers ("(1) (2) …") are
 * skipped; the data ends at the signature lines ("Người lập biểu", "CHỦ TỊCH
 * UBND …", "…, ngày … tháng … năm …"). Every cell is valid UTF-8 in NFC.
 * Excel dates (serial numbers with a date format) come as "dd/mm/yyyy", other
 * numbers as written without exponent ("912345678", "1985"). */
#ifndef CDTT_TABLE_H
#define CDTT_TABLE_H

#include "cdtt.h"

typedef struct {
    /* CSV only: "utf-8", "utf-16", "windows-1258" (also "cp1258"), or NULL /
     * "auto" to guess (a BOM; UTF-16 by its zero bytes; UTF-8 when valid;
     * otherwise Windows-1258, said in table_note). */
    const char *encoding;
    /* Workbooks only: the sheet's name (case and accents ignored) or 1-based
     * number; NULL = the first sheet that has a header row. */
    const char *sheet;
    /* True when cells[0..n) is the header row (e.g. it has a name column). */
    int (*is_header)(char **cells, int n, void *ctx);
    void *ctx;
    /* Named in messages when no header row is found ("Họ và tên"). */
    const char *header_hint;
} table_opts;

typedef struct table_list table_list;

/* Opens path, chooses the sheet, reads up to the header row. Returns NULL with
 * e set ("FILE: reason") when the file cannot be read, is not one of the
 * formats, is damaged or too big (more than 256 MiB of text in one part),
 * or has no header row in its first 30 rows. */
table_list *table_open(const char *path, const table_opts *o, cdtt_err *e);

/* The header (cells merged over two header rows combined: the lower cell
 * when it has text, else the upper), n cells; valid until table_close. */
char **table_header(const table_list *t, int *n);

/* Marks the column that every data row fills (the name): a row whose key
 * cell is empty and that holds a signature phrase, or whose key cell is one,
 * ends the data. -1 (the default) = any cell. */
void table_set_key_column(table_list *t, int col);

/* Reads the next data row: returns the number of cells (>= 1), 0 at the end
 * of the data, -1 with e set ("FILE:ROW: reason"). Blank rows are skipped.
 * Cells stay valid until the next call. */
int table_next(table_list *t, char ***cells, cdtt_err *e);

/* The row number (1-based, as Excel shows it, or the CSV line) of the last
 * row returned, or of the header right after table_open. */
long table_line(const table_list *t);

/* What was read: "CSV (UTF-8)", "Excel .xlsx", … (translated). */
const char *table_format(const table_list *t);
/* The sheet read ("" for CSV) and the number of sheets in the workbook. */
const char *table_sheet(const table_list *t);
int table_sheet_count(const table_list *t);
/* A remark for the user ("" when none): the encoding was guessed. */
const char *table_note(const table_list *t);

void table_close(table_list *t);

/* ---- pieces shared by the readers (db/table-*.c) -------------------------- */

/* One sheet held in memory: rows of cells, each row with its number. */
typedef struct {
    char **cells;
    int n;
    long line;
} table_row;

typedef struct {
    table_row *rows;
    long n, cap;
} table_grid;

/* A merged range of cells, first and last row and column (0-based, inclusive). */
typedef struct {
    long r0, c0, r1, c1;
} table_range;

/* The grid's pieces (db/table-grid.c), shared by the readers. */

/* Sets cell (row, col) (0-based) of g to a copy of text; rows are kept in
 * order of their number. Returns 0, or -1 with e set when the sheet is
 * beyond the limits (1,048,576 rows, 4096 columns). */
int table_grid_set(table_grid *g, long row, int col, const char *text, cdtt_err *e);
/* The text of cell (row, col) (0-based), or NULL when the sheet has none there. */
const char *table_grid_cell(const table_grid *g, long row, long col);
/* Gives every cell of each of the n merged ranges the text of the range's
 * first cell, as Excel shows them, down to the last row that has text (at
 * most 2,000,000 cells in all; a range whose first cell is empty stays
 * empty). Returns 0, or -1 with e set as table_grid_set does. */
int table_grid_merge(table_grid *g, const table_range *ranges, long n, cdtt_err *e);
void table_grid_free(table_grid *g);

/* A workbook: its sheets' names, and each sheet loaded on demand. */
typedef struct table_book {
    int n_sheets;
    char **names;
    int (*load)(struct table_book *b, int sheet, table_grid *g, cdtt_err *e);
    void (*close)(struct table_book *b);
    void *impl;
} table_book;

/* Opens an .xlsx / .xls workbook (db/table-xlsx.c, db/table-xls.c). Returns
 * NULL with e set ("FILE: reason"). */
table_book *table_xlsx_open(const char *path, cdtt_err *e);
table_book *table_xls_open(const char *path, cdtt_err *e);

/* An Excel date serial (days since 1899-12-30, 1900 system) as "dd/mm/yyyy";
 * 0 when it is in 1900–2100, else -1. */
int table_excel_date(double serial, int date1904, char out[11]);

/* A number as a cell's text: whole numbers without a decimal point or
 * exponent ("912345678"), others with up to 15 significant digits. */
void table_number_text(double v, char *out, size_t n);

/* Reads a CSV file as UTF-8 whatever its encoding (db/table-csv.c): *data
 * gets the text (NFC, malloc'd) or NULL when the file is UTF-8 already and
 * can be streamed; *enc the encoding used; *guessed 1 when it was guessed
 * from invalid UTF-8. Returns 0, or -1 with e set. */
int table_csv_decode(const char *path, const char *encoding, char **data, size_t *len,
                     const char **enc, int *guessed, cdtt_err *e);

#endif
