/* draw.c — writing UTF-8 text into the screen, clipped to a width in columns. */
#include "tui-core.h"
#include "text.h"

#include <stdio.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

int draw_text(int y, int x, const char *s, int cols, int attr)
{
    if (cols <= 0 || y < 0 || y >= LINES || x >= COLS)
        return 0;
    if (x + cols > COLS)
        cols = COLS - x;
    size_t n = text_fit(s, cols);
    char *part = xmalloc(n + 1);
    memcpy(part, s, n);
    part[n] = 0;
    attrset(attr);
    mvaddstr(y, x, part);
    attrset(A_NORMAL);
    int w = text_width(part);
    free(part);
    return w;
}

void draw_fill(int y, int x, int cols, int attr)
{
    if (y < 0 || y >= LINES || cols <= 0)
        return;
    if (x + cols > COLS)
        cols = COLS - x;
    attrset(attr);
    mvhline(y, x, ' ', cols);
    attrset(A_NORMAL);
}
