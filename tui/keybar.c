/* keybar.c — the key bar on the last line: the keys that work on this screen. */
#include "tui-core.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include "text.h"

/* The text of one item: its keys (with the Ctrl alias when with_alias) and its label. */
static void item(tui_screen *s, tui_action a, bool with_alias, char *keys, size_t kn, char *label, size_t ln)
{
    snprintf(keys, kn, "%s", keys_name(a));
    if (!with_alias) {
        char *slash = strchr(keys, '/');
        if (slash)
            *slash = 0;
    }
    const char *other = s->relabel ? s->relabel(s, a) : NULL;
    if (other)
        snprintf(label, ln, "%s", other);
    else if (a == ACT_TELEX)
        snprintf(label, ln, "%s:%s", keys_label(a), app()->telex ? _("on") : _("off"));
    else
        snprintf(label, ln, "%s", keys_label(a));
}

void keybar_draw(tui_screen *s)
{
    const tui_action *actions = s->actions;
    int y = LINES - 1, x = 0;
    char keys[32], label[96];
    /* With the Ctrl aliases when they fit, without them otherwise. */
    int need = 0;
    for (const tui_action *a = actions; a && *a != ACT_NONE; a++) {
        item(s, *a, true, keys, sizeof keys, label, sizeof label);
        need += text_width(keys) + 1 + text_width(label) + 1;
    }
    bool alias = need <= COLS + 1;
    draw_fill(y, 0, COLS, theme_attr(TH_KEYLABEL));
    for (const tui_action *a = actions; a && *a != ACT_NONE && x < COLS; a++) {
        item(s, *a, alias, keys, sizeof keys, label, sizeof label);
        x += draw_text(y, x, keys, COLS - x, theme_attr(TH_KEY));
        x += 1 + draw_text(y, x + 1, label, COLS - x - 1, theme_attr(TH_KEYLABEL));
        x += 1;
    }
}
