/* theme.c — colours when the terminal has them, attributes only otherwise.
 * No meaning is carried by colour alone: errors and warnings also say so in words. */
#include "tui-core.h"

#include <stdio.h>
#include <curses.h>

static int attrs[TH_COUNT];

void theme_init(void)
{
    /* Monochrome (vt100, linux without colours): bold and reverse only. */
    attrs[TH_NORMAL] = A_NORMAL;
    attrs[TH_TITLE] = A_REVERSE;
    attrs[TH_KEY] = A_REVERSE;
    attrs[TH_KEYLABEL] = A_NORMAL;
    attrs[TH_SELECTED] = A_REVERSE;
    attrs[TH_LABEL] = A_NORMAL;
    attrs[TH_FOCUS] = A_BOLD;
    attrs[TH_ERROR] = A_BOLD;
    attrs[TH_WARN] = A_BOLD;
    attrs[TH_DIM] = A_NORMAL;
    if (!has_colors() || start_color() != OK)
        return;
    use_default_colors();
    init_pair(1, COLOR_WHITE, COLOR_BLUE);
    init_pair(2, COLOR_BLACK, COLOR_CYAN);
    init_pair(3, COLOR_RED, -1);
    init_pair(4, COLOR_YELLOW, -1);
    init_pair(5, COLOR_CYAN, -1);
    attrs[TH_TITLE] = COLOR_PAIR(1) | A_BOLD;
    attrs[TH_KEY] = COLOR_PAIR(2);
    attrs[TH_SELECTED] = COLOR_PAIR(2);
    attrs[TH_ERROR] = COLOR_PAIR(3) | A_BOLD;
    attrs[TH_WARN] = COLOR_PAIR(4) | A_BOLD;
    attrs[TH_FOCUS] = COLOR_PAIR(5) | A_BOLD;
}

int theme_attr(theme_role r)
{
    return r >= 0 && r < TH_COUNT ? attrs[r] : (int)A_NORMAL;
}
