/* csv.h — reading and writing CSV as Excel produces and expects it: RFC 4180,
 * UTF-8 with or without BOM, LF or CRLF, quoted fields with commas, quotes and
 * line breaks, comma or semicolon separators. */
#ifndef CDTT_CSV_H
#define CDTT_CSV_H

#include <stdbool.h>
#include <stdio.h>
#include "cdtt.h"

typedef struct csv_reader csv_reader;

/* Opens path for reading. The separator is detected from the first line
 * (',' or ';' or tab, whichever occurs most outside quotes). A BOM is skipped.
 * Returns NULL with e set when the file cannot be opened. */
csv_reader *csv_open(const char *path, cdtt_err *e);

/* The same over a memory buffer (not copied: keep it alive). */
csv_reader *csv_open_mem(const char *data, size_t len, cdtt_err *e);

/* Reads the next record. Returns the number of fields (>= 1), 0 at end of file,
 * or -1 with e set for a malformed record (an unterminated quote, a field over
 * 64 KiB, invalid UTF-8, a NUL byte — with a hint that the file may be UTF-16 —,
 * over 4096 fields), naming the line: "FILE:LINE: reason"
 * from csv_open, "line LINE: reason" from csv_open_mem. Fields stay valid until the next
 * call; fields[i] are NUL-terminated. Lines that are entirely empty are skipped. */
int csv_next(csv_reader *r, char ***fields, cdtt_err *e);

/* The physical line (1-based) where the last record returned began. */
long csv_line(const csv_reader *r);

/* Closes the reader (NULL is fine). */
void csv_close(csv_reader *r);

/* The one CSV writer: every CSV file or output the program writes goes through
 * csv_write_field (csv_write_row). Each cell is made safe for a spreadsheet:
 *  - control characters are shown, not written (text_safe with line feeds
 *    kept: ESC becomes "^[", a line break inside a note stays a line break);
 *  - a cell a spreadsheet would run as a formula (csv_is_formula) gets a
 *    leading apostrophe, so Excel and LibreOffice show it as text
 *    ("'=HYPERLINK(...)"); the member import takes the apostrophe off again
 *    (csv_unneutralise);
 *  - it is quoted when it has to be (a separator — sep, or any of ',' ';' tab,
 *    so the reader's detection cannot mistake it —, quote, CR, LF,
 *    leading/trailing space). sep is the separator. */
void csv_write_field(FILE *f, const char *s, char sep);

/* Writes a record: fields separated by sep, ended by CRLF (csv_write_field). */
void csv_write_row(FILE *f, const char *const *fields, int n, char sep);

/* True when a spreadsheet would read the cell s as a formula: it begins, after
 * any spaces, with = + - @ or their full-width forms (＝ ＋ － ＠), or it
 * begins with a tab, CR or LF. A plain decimal number ("-12", "+84912345678",
 * "3.5") is a number to a spreadsheet, not a formula: such cells, the figures
 * the program writes itself among them, are written unchanged. */
bool csv_is_formula(const char *s);

/* The inverse of the writer's apostrophe: s without its first character when s
 * is an apostrophe followed by what begins a formula, else s itself. */
const char *csv_unneutralise(const char *s);

/* Writes the UTF-8 byte order mark (so Excel shows Vietnamese right). */
void csv_write_bom(FILE *f);

/* The index of the header whose folded text (accents, case, spaces and
 * punctuation ignored) equals one of the folded names in a NULL-terminated
 * list, or -1. "Họ và tên", "HO VA TEN" and "ho_va_ten" all match "ho va ten". */
int csv_find_column(char **header, int n, const char *const *names);

#endif
