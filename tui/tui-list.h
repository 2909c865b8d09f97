/* tui-list.h — the paged list widget: shows a window of rows read a page at a
 * time through a source (never all rows at once), with an optional checkbox
 * column that Space toggles. */
#ifndef CDTT_TUI_LIST_H
#define CDTT_TUI_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include "cdtt.h"
#include "tui-core.h"

typedef struct list_view list_view;

typedef struct {
    size_t row_size;
    /* Reads up to limit rows after (dir 1) or before (dir -1) the row from
     * (NULL = from the start / the end), in list order. Returns the count or -1. */
    int (*page)(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e);
    /* One row as text in cols columns. */
    void (*format)(list_view *l, const void *row, char *out, size_t n, int cols);
    /* The column headings (may be NULL). */
    void (*header)(list_view *l, char *out, size_t n, int cols);
    /* A checkbox column: whether row is checked, and Space toggling it (NULL = none). */
    bool (*checked)(list_view *l, const void *row);
    void (*toggle)(list_view *l, const void *row);
} list_source;

struct list_view {
    const list_source *src;
    void *ctx;         /* the screen's data */
    char *rows;        /* n rows of src->row_size bytes */
    int n, sel, height;
    char *anchor;      /* a copy of the first row shown, or NULL = start */
    bool stale;        /* reload before the next draw */
    tui_report *out;   /* where a read error and a cut row's whole text are said */
};

/* Sets l up over src for the screen's data ctx; it says what it has to say in out. */
void list_init(list_view *l, const list_source *src, void *ctx, tui_report *out);
void list_free(list_view *l);
/* Sets how many rows are shown (list_draw does it; rereads on the next draw). */
void list_resize(list_view *l, int rows);
/* Reads the rows again from the first one shown (after a change or a new filter). */
void list_reload(list_view *l);
/* Goes back to the start of the list. */
void list_rewind(list_view *l);
/* Draws the list in rows y0..y0+rows-1 (a header line first when the source has one). */
void list_draw(list_view *l, int y0, int rows, bool focus);
/* Up, Down, PgUp, PgDn, Home, End, Space (checkbox). Returns true when used. */
bool list_key(list_view *l, const tui_event *ev);
/* The selected row, or NULL when the list is empty. */
const void *list_selected(const list_view *l);

/* Writes texts[0..n) into out as columns of widths[] (the last takes the rest of cols). */
void list_columns(char *out, size_t outlen, int cols, const int *widths, const char *const *texts, int n);

#endif
