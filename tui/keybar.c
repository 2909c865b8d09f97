/* keybar.c — the key bar on the last line: the keys that work on this screen. */
#include "tui-core.h"

#include <curses.h>
#include <stdio.h>

void keybar_draw(const tui_action *actions)
{
    int y = LINES - 1, x = 0;
    draw_fill(y, 0, COLS, theme_attr(TH_KEYLABEL));
    for (const tui_action *a = actions; a && *a != ACT_NONE && x < COLS; a++) {
        char label[96];
        if (*a == ACT_TELEX)
            snprintf(label, sizeof label, "%s:%s", keys_label(*a), app()->telex ? _("on") : _("off"));
        else
            snprintf(label, sizeof label, "%s", keys_label(*a));
        x += draw_text(y, x, keys_name(*a), COLS - x, theme_attr(TH_KEY));
        x += 1 + draw_text(y, x + 1, label, COLS - x - 1, theme_attr(TH_KEYLABEL));
        x += 1;
    }
}
