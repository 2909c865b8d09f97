/* list.c — the paged list widget: a window of rows read through a page
 * callback, moved by Up/Down/PgUp/PgDn/Home/End, with an optional checkbox column. */
#include "tui-list.h"
#include "text.h"

#include <stdio.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#define ROW(l, i) ((l)->rows + (size_t)(i) * (l)->src->row_size)

void list_init(list_view *l, const list_source *src, void *ctx, tui_report *out)
{
    memset(l, 0, sizeof *l);
    l->src = src;
    l->ctx = ctx;
    l->out = out;
    l->stale = true;
}

void list_free(list_view *l)
{
    free(l->rows);
    free(l->anchor);
    l->rows = l->anchor = NULL;
}

/* Makes room for h rows. */
static void ensure(list_view *l, int h)
{
    if (h < 1)
        h = 1;
    if (h != l->height || !l->rows) {
        l->rows = xrealloc(l->rows, (size_t)h * l->src->row_size);
        l->height = h;
        if (l->n > h)
            l->n = h;
    }
}

void list_resize(list_view *l, int rows)
{
    if (rows != l->height || !l->rows) {
        ensure(l, rows);
        l->stale = true;
    }
}

/* Remembers the first row shown, so that a reload starts there. */
static void set_anchor(list_view *l)
{
    if (l->n == 0) {
        free(l->anchor);
        l->anchor = NULL;
        return;
    }
    if (!l->anchor)
        l->anchor = xmalloc(l->src->row_size);
    memcpy(l->anchor, ROW(l, 0), l->src->row_size);
}

/* Reads rows through the source; an error goes to the message line and gives 0. */
static int fetch(list_view *l, const void *from, int dir, int limit, void *rows)
{
    cdtt_err e;
    memset(&e, 0, sizeof e);
    int got = l->src->page(l, from, dir, limit, rows, &e);
    if (got < 0) {
        report_message(l->out, 2, "%s", e.msg);
        return 0;
    }
    return got;
}

void list_reload(list_view *l)
{
    ensure(l, l->height);
    char *before = xmalloc(l->src->row_size);
    int got = 0;
    if (l->anchor && fetch(l, l->anchor, -1, 1, before) == 1)
        got = fetch(l, before, 1, l->height, l->rows);
    else
        got = fetch(l, NULL, 1, l->height, l->rows);
    free(before);
    /* Fewer rows than fit while rows exist above: show the last full page. */
    if (got < l->height && l->anchor) {
        int all = fetch(l, NULL, -1, l->height, l->rows);
        got = all;
    }
    l->n = got;
    if (l->sel >= l->n)
        l->sel = l->n > 0 ? l->n - 1 : 0;
    set_anchor(l);
    l->stale = false;
}

void list_rewind(list_view *l)
{
    free(l->anchor);
    l->anchor = NULL;
    l->sel = 0;
    l->stale = true;
}

const void *list_selected(const list_view *l)
{
    return l->n > 0 ? ROW(l, l->sel) : NULL;
}

/* Shows the next page (a full last page at the end). */
static void page_down(list_view *l)
{
    if (l->n < l->height) {
        l->sel = l->n - 1;
        return;
    }
    char *next = xmalloc((size_t)l->height * l->src->row_size);
    int got = fetch(l, ROW(l, l->n - 1), 1, l->height, next);
    if (got == l->height) {
        memcpy(l->rows, next, (size_t)got * l->src->row_size);
    } else if (got > 0) {
        l->n = fetch(l, NULL, -1, l->height, l->rows);
        l->sel = l->n - 1;
    } else {
        l->sel = l->n - 1;
    }
    free(next);
    set_anchor(l);
}

/* Shows the previous page (the first page at the start). */
static void page_up(list_view *l)
{
    if (l->n == 0)
        return;
    char *prev = xmalloc((size_t)l->height * l->src->row_size);
    int got = fetch(l, ROW(l, 0), -1, l->height, prev);
    if (got == l->height) {
        memcpy(l->rows, prev, (size_t)got * l->src->row_size);
        l->n = got;
    } else {
        l->n = fetch(l, NULL, 1, l->height, l->rows);
        l->sel = 0;
    }
    free(prev);
    set_anchor(l);
}

/* Moves the selection one row, scrolling by one row at the edges. */
static void step(list_view *l, int d)
{
    if (l->n == 0)
        return;
    int s = l->sel + d;
    if (s >= 0 && s < l->n) {
        l->sel = s;
        return;
    }
    char *one = xmalloc(l->src->row_size);
    size_t rs = l->src->row_size;
    if (d > 0 && fetch(l, ROW(l, l->n - 1), 1, 1, one) == 1) {
        if (l->n == l->height) {
            memmove(l->rows, l->rows + rs, (size_t)(l->n - 1) * rs);
            memcpy(ROW(l, l->n - 1), one, rs);
        } else {
            memcpy(ROW(l, l->n), one, rs);
            l->sel = l->n++;
        }
    } else if (d < 0 && fetch(l, ROW(l, 0), -1, 1, one) == 1) {
        memmove(l->rows + rs, l->rows, (size_t)(l->n < l->height ? l->n : l->n - 1) * rs);
        memcpy(ROW(l, 0), one, rs);
        if (l->n < l->height)
            l->n++;
    }
    free(one);
    set_anchor(l);
}

bool list_key(list_view *l, const tui_event *ev)
{
    if (!ev->is_key) {
        if (ev->ch == ' ' && l->src->toggle && l->n > 0) {
            l->src->toggle(l, ROW(l, l->sel));
            return true;
        }
        return false;
    }
    switch (ev->ch) {
    case KEY_DOWN:
        step(l, 1);
        return true;
    case KEY_UP:
        step(l, -1);
        return true;
    case KEY_NPAGE:
        page_down(l);
        return true;
    case KEY_PPAGE:
        page_up(l);
        return true;
    case KEY_HOME:
        list_rewind(l);
        list_reload(l);
        return true;
    case KEY_END:
        l->n = fetch(l, NULL, -1, l->height, l->rows);
        l->sel = l->n > 0 ? l->n - 1 : 0;
        set_anchor(l);
        return true;
    default:
        return false;
    }
}

/* The whole text of the cells list_columns cut in the row it laid out last. */
static char cut_cells[1024];

void list_draw(list_view *l, int y0, int rows, bool focus)
{
    char line[2048];
    if (l->src->header && rows > 1) {
        int x = l->src->checked ? 4 : 0;
        l->src->header(l, line, sizeof line, COLS - x - 1);
        draw_text(y0, x + 1, line, COLS - x - 1, A_BOLD);
        y0++;
        rows--;
    }
    list_resize(l, rows);
    if (l->stale)
        list_reload(l);
    for (int i = 0; i < l->n; i++) {
        bool sel = focus && i == l->sel;
        int attr = sel ? theme_attr(TH_SELECTED) : (int)A_NORMAL;
        int x = 0;
        draw_fill(y0 + i, 0, COLS, attr);
        if (sel)
            draw_text(y0 + i, 0, ">", 1, attr);
        if (l->src->checked)
            x += draw_text(y0 + i, 1, l->src->checked(l, ROW(l, i)) ? "[x]" : "[ ]", 3, attr) + 1;
        cut_cells[0] = 0;
        l->src->format(l, ROW(l, i), line, sizeof line, COLS - x - 1);
        draw_text(y0 + i, x + 1, line, COLS - x - 1, attr);
        char shown[sizeof line + 4];
        bool cut = draw_clip(line, COLS - x - 1, shown, sizeof shown);
        if (sel && cut_cells[0])
            report_hint(l->out, "%s", cut_cells);
        else if (sel && cut)
            report_hint(l->out, "%s", line);
    }
}

void list_columns(char *out, size_t outlen, int cols, const int *widths, const char *const *texts, int n)
{
    size_t o = 0;
    int used = 0;
    out[0] = 0;
    for (int i = 0; i < n && used < cols; i++) {
        int w = i == n - 1 ? cols - used : widths[i];
        if (w > cols - used)
            w = cols - used;
        const char *t = texts[i] ? texts[i] : "";
        char part[1024];
        if (draw_clip(t, w - (i < n - 1 ? 1 : 0), part, sizeof part)) {
            size_t cl = strlen(cut_cells);
            snprintf(cut_cells + cl, sizeof cut_cells - cl, "%s%s", cl ? " · " : "", t);
        }
        size_t k = strlen(part);
        if (o + k + (size_t)w + 1 >= outlen)
            break;
        memcpy(out + o, part, k);
        o += k;
        int tw = text_width(part);
        if (i < n - 1)
            for (; tw < w; tw++)
                out[o++] = ' ';
        used += w;
        out[o] = 0;
    }
}
