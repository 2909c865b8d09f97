/* bar-text.c — a horizontal bar of a percentage, in block characters or ASCII. */
#include "tui-training.h"

#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

void progress_bar_text(double pct, int cols, bool utf8, char *out, size_t n)
{
    static const char *const EIGHTHS[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    size_t o = 0;
    out[0] = 0;
    if (cols < 1 || n < 1)
        return;
    if (pct > 100)
        pct = 100;
    long eighths = pct < 0 ? 0 : (long)(pct * cols * 8 / 100.0 + 0.5);
    int full = (int)(eighths / 8), part = (int)(eighths % 8), used = 0;
    for (; used < full && o + 4 < n; used++)
        o += (size_t)snprintf(out + o, n - o, "%s", utf8 ? "█" : "#");
    if (part && used < cols && o + 4 < n) {
        o += (size_t)snprintf(out + o, n - o, "%s", utf8 ? EIGHTHS[part] : (part >= 4 ? "#" : "."));
        used++;
    }
    for (; used < cols && o + 4 < n; used++)
        o += (size_t)snprintf(out + o, n - o, "%s", utf8 ? "░" : ".");
}

bool progress_bar_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && strcmp(cs, "UTF-8") == 0 && has_colors();
}
