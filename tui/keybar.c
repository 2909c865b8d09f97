/* keybar.c — the key bar on the last line: the keys that work on this screen. */
#include "tui-core.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include "text.h"

/* How an item is written, widest first: "F2/^S Save", "^S Save", then "^S" with
 * the label cut to fit. The Ctrl alias stays in every form: F-keys are often
 * lost over SSH (PuTTY), Ctrl keys never are. */
enum item_form { ITEM_BOTH = 0, ITEM_ALIAS, ITEM_CUT };

/* The text of one item: its keys in form f and its label. */
static void item(tui_screen *s, bool telex, tui_action a, enum item_form f, char *keys, size_t kn, char *label,
                 size_t ln)
{
    const char *both = keys_name(a), *slash = strchr(both, '/');
    snprintf(keys, kn, "%s", f != ITEM_BOTH && slash ? slash + 1 : both);
    const char *other = s->relabel ? s->relabel(s, a) : NULL;
    if (other)
        snprintf(label, ln, "%s", other);
    else if (a == ACT_TELEX)
        snprintf(label, ln, "%s:%s", keys_label(a), telex ? _("on") : _("off"));
    else
        snprintf(label, ln, "%s", keys_label(a));
}

/* The columns the bar takes with every item in form f. */
static int bar_width(tui_screen *s, bool telex, enum item_form f, int *n_items)
{
    char keys[32], label[96];
    int need = 0;
    *n_items = 0;
    for (const tui_action *a = s->actions; a && *a != ACT_NONE; a++, (*n_items)++) {
        item(s, telex, *a, f, keys, sizeof keys, label, sizeof label);
        need += text_width(keys) + 1 + text_width(label) + 1;
    }
    return need - 1;
}

void keybar_draw(tui_screen *s, bool telex)
{
    int y = LINES - 1, x = 0, n = 0;
    char keys[32], label[96];
    enum item_form f = bar_width(s, telex, ITEM_BOTH, &n) <= COLS ? ITEM_BOTH
                     : bar_width(s, telex, ITEM_ALIAS, &n) <= COLS ? ITEM_ALIAS : ITEM_CUT;
    /* Cut labels share what the keys leave. */
    int keys_cols = 0;
    for (const tui_action *a = s->actions; f == ITEM_CUT && a && *a != ACT_NONE; a++) {
        item(s, telex, *a, f, keys, sizeof keys, label, sizeof label);
        keys_cols += text_width(keys) + 2;
    }
    int label_cols = n && f == ITEM_CUT ? (COLS - keys_cols) / n : 0;
    draw_fill(y, 0, COLS, theme_attr(TH_KEYLABEL));
    for (const tui_action *a = s->actions; a && *a != ACT_NONE && x < COLS; a++) {
        item(s, telex, *a, f, keys, sizeof keys, label, sizeof label);
        if (f == ITEM_CUT) {
            char cut[96];
            draw_clip(label, label_cols > 0 ? label_cols : 0, cut, sizeof cut);
            snprintf(label, sizeof label, "%s", cut);
        }
        x += draw_text(y, x, keys, COLS - x, theme_attr(TH_KEY));
        x += 1 + draw_text(y, x + 1, label, COLS - x - 1, theme_attr(TH_KEYLABEL));
        x += 1;
    }
}
