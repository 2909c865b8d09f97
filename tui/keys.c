/* keys.c — the one table of key bindings: every F-key has a Ctrl alias,
 * because F-keys are unreliable over SSH. */
#include "tui-core.h"

#include <stdio.h>
#include <curses.h>

#define CTRL(c) ((c) & 0x1f)

typedef struct {
    tui_action act;
    int fkey;         /* F-key number, 0 = none */
    int ctrl;         /* control character alias, 0 = none */
    int ctrl2;        /* a second alias */
    int outside_text; /* a printable alias that works outside text fields, 0 = none */
    const char *name; /* as shown in the key bar */
    const char *label;
} key_binding;

static const key_binding BINDINGS[] = {
    {ACT_HELP, 1, CTRL('G'), 0, '?', "F1", N_("Help")},
    {ACT_SAVE, 2, CTRL('S'), 0, 0, "F2", N_("Save")},
    {ACT_SEARCH, 3, CTRL('F'), 0, '/', "F3", N_("Search")},
    {ACT_NEW, 4, CTRL('N'), 0, 0, "F4", N_("New")},
    {ACT_FILTER, 5, CTRL('R'), 0, 0, "F5", N_("Filter")},
    {ACT_TELEX, 6, CTRL('T'), 0, 0, "F6", N_("Telex")},
    {ACT_DELETED, 7, CTRL('U'), 0, 0, "F7", N_("Deleted")},
    {ACT_DELETE, 8, CTRL('D'), 0, 0, "F8", N_("Delete")},
    {ACT_HISTORY, 9, CTRL('O'), 0, 0, "F9", N_("History")},
    {ACT_BACK, 10, 27, 0, 0, "F10", N_("Back")},
    {ACT_QUIT, 0, CTRL('Q'), CTRL('C'), 0, "^Q", N_("Quit")},
};

#define N_BINDINGS (int)(sizeof BINDINGS / sizeof BINDINGS[0])

tui_action keys_action(bool is_key, wint_t ch, bool text_input)
{
    for (int i = 0; i < N_BINDINGS; i++) {
        const key_binding *b = &BINDINGS[i];
        if (is_key && b->fkey && ch == (wint_t)KEY_F(b->fkey))
            return b->act;
        if (!is_key && b->ctrl && (ch == (wint_t)b->ctrl || ch == (wint_t)b->ctrl2))
            return b->act;
        if (!is_key && !text_input && b->outside_text && ch == (wint_t)b->outside_text)
            return b->act;
    }
    return ACT_NONE;
}

static const key_binding *find(tui_action a)
{
    for (int i = 0; i < N_BINDINGS; i++)
        if (BINDINGS[i].act == a)
            return &BINDINGS[i];
    return NULL;
}

const char *keys_name(tui_action a)
{
    static char buf[16];
    const key_binding *b = find(a);
    if (!b)
        return "";
    if (b->fkey && b->ctrl == 27)
        snprintf(buf, sizeof buf, "%s/Esc", b->name);
    else if (b->fkey && b->ctrl)
        snprintf(buf, sizeof buf, "%s/^%c", b->name, b->ctrl + '@');
    else
        snprintf(buf, sizeof buf, "%s", b->name);
    return buf;
}

const char *keys_label(tui_action a)
{
    const key_binding *b = find(a);
    return b ? _(b->label) : "";
}
