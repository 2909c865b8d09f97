/* draw.c — writing UTF-8 text into the screen, clipped to a width in columns. */
#include "tui-core.h"
#include "text.h"

#include <stdio.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

bool draw_clip(const char *s, int cols, char *out, size_t n)
{
    size_t fit = text_fit(s, cols);
    size_t rest = fit;
    while (s[rest] == ' ')
        rest++;
    bool cut = s[rest] != 0 && cols > 0;
    if (cut)
        fit = text_fit(s, cols - 1); /* room for the "…" */
    while (cut && fit > 0 && s[fit - 1] == ' ')
        fit--;
    if (fit + 4 > n)
        fit = n > 4 ? n - 4 : 0;
    memcpy(out, s, fit);
    out[fit] = 0;
    if (cut)
        strcpy(out + fit, "…");
    return cut;
}

int draw_text(int y, int x, const char *s, int cols, int attr)
{
    if (cols <= 0 || y < 0 || y >= LINES || x >= COLS)
        return 0;
    if (x + cols > COLS)
        cols = COLS - x;
    size_t n = strlen(s) + 4;
    char *part = xmalloc(n);
    draw_clip(s, cols, part, n);
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

int draw_wrap(int y, int x, const char *s, int cols, int max_lines, int attr)
{
    int used = 0;
    while (*s && used < max_lines && cols > 0) {
        size_t fit = text_fit(s, cols), cut = fit;
        if (s[fit] && used < max_lines - 1) {
            while (cut > 0 && s[cut] != ' ')
                cut--;
            if (cut == 0)
                cut = fit;
        }
        if (s[fit] && used == max_lines - 1) {
            draw_text(y + used, x, s, cols, attr); /* the last line: the rest, cut with "…" */
            return used + 1;
        }
        char *line = xmalloc(cut + 1);
        memcpy(line, s, cut);
        line[cut] = 0;
        draw_text(y + used, x, line, cols, attr);
        free(line);
        used++;
        s += cut;
        while (*s == ' ')
            s++;
    }
    return used;
}
