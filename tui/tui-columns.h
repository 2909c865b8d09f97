/* tui-columns.h — the columns of a list screen as one table (a header and a
 * width each, one column flexible), from which both the header line and every
 * row are laid out, so that the two always line up. */
#ifndef CDTT_TUI_COLUMNS_H
#define CDTT_TUI_COLUMNS_H

#include <stddef.h>
#include <sqlite3.h>

/* One column: its header (English, marked N_(); shown translated) and its
 * width in cells (not used for the flexible column; the last column always
 * takes the rest of the line). */
typedef struct {
    const char *title;
    int width;
} list_column;

/* The columns of a list. The flexible column (flex; -1 for none) gets
 * 1/flex_share of what the widths of the other columns leave of the line, and
 * never fewer than flex_min cells. */
typedef struct {
    const list_column *cols;
    int n;
    int flex;
    int flex_share;
    int flex_min;
} list_layout;

/* Fills w[0..lay->n) with the width of each column on a line of cols cells. */
void list_layout_widths(const list_layout *lay, int cols, int *w);

/* Writes texts[0..lay->n) into out (outlen bytes) as one row of a line of
 * cols cells, each text cut to its column. */
void list_layout_row(const list_layout *lay, char *out, size_t outlen, int cols, const char *const *texts);

/* Writes the translated headers of the columns into out, laid out as a row. */
void list_layout_header(const list_layout *lay, char *out, size_t outlen, int cols);

/* The same for a list of records of db (table "area", "team" or "member"; uuid the
 * row's): at an office above the communes the record's commune comes first in a
 * column of its own; at a commune the line is exactly list_layout_row's. */
void list_layout_row_in(sqlite3 *db, const list_layout *lay, char *out, size_t outlen, int cols,
                        const char *const *texts, const char *table, const char *uuid);

/* The headers of such a list of db ("Commune" first above a commune). */
void list_layout_header_in(sqlite3 *db, const list_layout *lay, char *out, size_t outlen, int cols);

/* Appends " · COMMUNE" to title (n bytes) when db's office is above the communes
 * and the record (table, uuid) has one: a form opened at a province says whose it is. */
void title_with_commune(sqlite3 *db, char *title, size_t n, const char *table, const char *uuid);

#endif
