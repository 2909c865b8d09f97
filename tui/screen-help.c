/* screen-help.c — the keys, one per line, scrolled with the arrows: first the
 * lines the key table gives (keys.c), then what single screens add. */
#include "tui-core.h"

#include <stdio.h>
#include <curses.h>
#include "text.h"
#include <stdlib.h>

typedef struct {
    tui_screen base;
    int top;
} help_screen;

typedef struct {
    const char *keys; /* key names, the same in every language */
    const char *what; /* N_() */
} help_line;

/* What single screens add to the key table's lines. */
static const help_line LINES_[] = {
    {"Left Right Space", N_("choose in a list field; or type its first letter")},
    {"PgUp PgDn Home End", N_("move through long lists")},
    {"", N_("Dates are typed dd/mm/yyyy; phones 0912345678 or +84 912 345 678.")},
    {"", N_("In a list, typing a letter starts a search.")},
    {"Space", N_("in a training checklist: tick or untick the member and move down")},
    {"a  F5  Ctrl-R", N_("in a training checklist: tick all or none")},
    {"F2  Ctrl-S", N_("in a training checklist: record it for every ticked member")},
    {"F5  Ctrl-R", N_("in training progress: count as of another date")},
    {"Enter  1 2 3", N_("in training progress: who still lacks the MOOC course (1), the Zalo OA (2), in-person training (3)")},
    {"F2  Ctrl-S", N_("in training progress and missing lists: export")},
    {"Space", N_("in the file picker: check files to import several at once")},
    {"Tab", N_("in the file picker: type a folder or file path")},
    {"Enter  F2", N_("in the file picker: choose the file or open the folder")},
    {"Enter", N_("in conflicts: see both versions field by field")},
    {"F2  Ctrl-S", N_("in conflicts: keep mine (this office's version)")},
    {"F4  Ctrl-N", N_("in conflicts: take theirs (the imported version)")},
    {"1  2  3", N_("a record changed in the file while its form was open: 1 keep yours, 2 take the stored one, 3 merge")},
    {"", N_("In Settings the language changes at once; F2 saves into your own cdtt.ini.")},
    {"F7  Ctrl-U", N_("in a session's attendance: also list who joined later")},
    {"Space", N_("crossing to the 2025-07 list: the next new commune for the village (F4: the file's commune)")},
};
#define N_SCREEN_LINES (int)(sizeof LINES_ / sizeof LINES_[0])

/* The number of lines the key table gives. */
static int table_lines(void)
{
    char keys[64];
    const char *what;
    int n = 0;
    while (keys_help_line(n, keys, sizeof keys, &what))
        n++;
    return n;
}

/* Help line i: from the key table, then the screens' own. */
static help_line line_at(int i, char *keys, size_t n)
{
    help_line l = {keys, ""};
    if (keys_help_line(i, keys, n, &l.what))
        return l;
    return LINES_[i - table_lines()];
}

/* All the help lines. */
static int n_lines(void)
{
    return table_lines() + N_SCREEN_LINES;
}

static const tui_action ACTIONS[] = {ACT_BACK, ACT_NONE};

static void draw(tui_screen *s)
{
    help_screen *h = (help_screen *)s;
    int w = COLS - 24;
    for (int i = h->top, y = 2; i < n_lines() && y < LINES - 2; i++, y++) {
        char keys[64];
        help_line l = line_at(i, keys, sizeof keys);
        draw_text(y, 2, l.keys, 20, A_BOLD);
        /* Long explanations wrap at a space onto the next lines. */
        const char *rest = _(l.what);
        for (;;) {
            size_t n = text_fit(rest, w);
            size_t cut = n;
            if (rest[n])
                while (cut > 0 && rest[cut] != ' ')
                    cut--;
            if (cut == 0)
                cut = n;
            char part[512];
            snprintf(part, sizeof part, "%.*s", (int)cut, rest);
            draw_text(y, 23, part, w, A_NORMAL);
            rest += cut;
            while (*rest == ' ')
                rest++;
            if (!*rest || y + 1 >= LINES - 2)
                break;
            y++;
        }
    }
}

/* Up and Down scroll; F1 again does nothing. */
static bool key(tui_screen *s, const tui_event *ev)
{
    help_screen *h = (help_screen *)s;
    if (ev->is_key && (ev->ch == KEY_DOWN || ev->ch == KEY_NPAGE) && h->top < n_lines() - 1) {
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

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .destroy = destroy};

tui_screen *screen_help_new(tui_ctx *cx)
{
    help_screen *h = xcalloc(1, sizeof *h);
    tui_screen_init(&h->base, cx, &HOOKS, ACTIONS, N_("Help: keys"));
    return &h->base;
}
