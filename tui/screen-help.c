/* screen-help.c — the keys, one per line, scrolled with the arrows. */
#include "tui-core.h"

#include <stdio.h>
#include <curses.h>
#include <stdlib.h>

typedef struct {
    tui_screen base;
    int top;
} help_screen;

static const char *const LINES_[] = {
    N_("F1 or Ctrl-G (or ? in lists)   this help"),
    N_("F2 or Ctrl-S                   save the form (press again to accept warnings)"),
    N_("F3 or Ctrl-F (or / in lists)   search: accents and case do not matter"),
    N_("F4 or Ctrl-N                   new record (in a team: new member of the team)"),
    N_("F5 or Ctrl-R                   filter the list"),
    N_("F6 or Ctrl-T                   Telex typing on/off (aa=â aw=ă dd=đ s f r x j tones)"),
    N_("F7 or Ctrl-U                   show deleted records (to undo a deletion)"),
    N_("F8 or Ctrl-D                   delete the selected record (restore in deleted view)"),
    N_("F10 or Esc                     back; on the home screen: quit"),
    N_("Ctrl-Q or Ctrl-C               quit the program"),
    N_("Tab, Enter, Down               next field;  Shift-Tab, Up: previous field"),
    N_("Left, Right, Space, a letter   choose in a list field (level, role, gender...)"),
    N_("PgUp, PgDn, Home, End          move through long lists"),
    N_("Dates are typed dd/mm/yyyy, phones 0912345678 or +84 912 345 678."),
    N_("Typing a letter in a list starts a search."),
};
#define N_LINES (int)(sizeof LINES_ / sizeof LINES_[0])

static const tui_action ACTIONS[] = {ACT_BACK, ACT_NONE};

static void draw(tui_screen *s)
{
    help_screen *h = (help_screen *)s;
    for (int i = h->top, y = 2; i < N_LINES && y < LINES - 2; i++, y++)
        draw_text(y, 2, _(LINES_[i]), COLS - 3, A_NORMAL);
}

static bool key(tui_screen *s, const tui_event *ev)
{
    help_screen *h = (help_screen *)s;
    if (ev->is_key && (ev->ch == KEY_DOWN || ev->ch == KEY_NPAGE) && h->top < N_LINES - 1) {
        h->top++;
        return true;
    }
    if (ev->is_key && (ev->ch == KEY_UP || ev->ch == KEY_PPAGE) && h->top > 0) {
        h->top--;
        return true;
    }
    return ev->act == ACT_HELP;
}

static void destroy(tui_screen *s)
{
    free(s);
}

tui_screen *screen_help_new(void)
{
    help_screen *h = xcalloc(1, sizeof *h);
    h->base.draw = draw;
    h->base.key = key;
    h->base.destroy = destroy;
    h->base.actions = ACTIONS;
    snprintf(h->base.title, sizeof h->base.title, "%s", _("Help: keys"));
    return &h->base;
}
