/* keys.c — the one table of key bindings: every F-key has a Ctrl alias,
 * because F-keys are unreliable over SSH. Enter, Tab and the field moves are
 * named here too, and the help screen's key lines are generated from it. */
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
    const char *help;  /* the help screen's line, N_() */
    const char *help2; /* a second line, or NULL */
} key_binding;

static const key_binding BINDINGS[] = {
    {ACT_HELP, 1, CTRL('G'), 0, '?', "F1", N_("Help"), N_("this help (? outside text fields)"), NULL},
    {ACT_SAVE, 2, CTRL('S'), 0, 0, "F2", N_("Save"), N_("save the form (press again to accept warnings)"), NULL},
    {ACT_SEARCH, 3, CTRL('F'), 0, '/', "F3", N_("Search"), N_("search; accents and case do not matter (/ in lists)"), NULL},
    {ACT_NEW, 4, CTRL('N'), 0, 0, "F4", N_("New"), N_("new record (in a team's form: a new member of the team)"), NULL},
    {ACT_FILTER, 5, CTRL('R'), 0, 0, "F5", N_("Filter"), N_("filter the list"), NULL},
    {ACT_TELEX, 6, CTRL('T'), 0, 0, "F6", N_("Telex"), N_("Telex typing on/off: aa=â aw=ă ee=ê oo=ô ow=ơ uw=ư dd=đ"),
     N_("tones: s sắc, f huyền, r hỏi, x ngã, j nặng, z removes")},
    {ACT_DELETED, 7, CTRL('U'), 0, 0, "F7", N_("Deleted"), N_("show deleted records (to undo a deletion)"), NULL},
    {ACT_DELETE, 8, CTRL('D'), 0, 0, "F8", N_("Delete"), N_("delete the selected record (in deleted view: restore)"), NULL},
    {ACT_HISTORY, 9, CTRL('O'), 0, 0, "F9", N_("History"), N_("in a record's form: who changed it, when, from what to what"), NULL},
    {ACT_BACK, 10, 27, 0, 0, "F10", N_("Back"), N_("back; on the home screen: quit"), NULL},
    {ACT_QUIT, 0, CTRL('Q'), CTRL('C'), 0, "^Q", N_("Quit"), N_("quit the program"), NULL},
};

#define N_BINDINGS (int)(sizeof BINDINGS / sizeof BINDINGS[0])

tui_action keys_action(bool is_key, wint_t ch, bool text_input)
{
    for (int i = 0; i < N_BINDINGS; i++) {
        const key_binding *b = &BINDINGS[i];
        if (is_key && b->fkey && ch == (wint_t)KEY_F(b->fkey))
            return b->act;
        if (!is_key && ch && (ch == (wint_t)b->ctrl || ch == (wint_t)b->ctrl2))
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

/* The navigation keys: (is_key, code) → what it is. */
static const struct {
    tui_nav nav;
    bool is_key;
    int ch;
} NAV_KEYS[] = {
    {NAV_ENTER, false, '\r'},  {NAV_ENTER, false, '\n'}, {NAV_ENTER, true, KEY_ENTER},
    {NAV_TAB, false, '\t'},    {NAV_BACKTAB, true, KEY_BTAB},
    {NAV_DOWN, true, KEY_DOWN}, {NAV_UP, true, KEY_UP},
};

/* Each navigation key's name and whether it goes to the next (1) or the
 * previous (-1) field of a form. */
static const struct {
    const char *name;
    int field_move;
} NAV_INFO[NAV_COUNT] = {
    [NAV_TAB] = {"Tab", 1},  [NAV_ENTER] = {"Enter", 1}, [NAV_DOWN] = {"Down", 1},
    [NAV_BACKTAB] = {"Shift-Tab", -1}, [NAV_UP] = {"Up", -1},
};

tui_nav keys_nav(const tui_event *ev)
{
    for (size_t i = 0; i < sizeof NAV_KEYS / sizeof NAV_KEYS[0]; i++)
        if (NAV_KEYS[i].is_key == ev->is_key && ev->ch == (wint_t)NAV_KEYS[i].ch)
            return NAV_KEYS[i].nav;
    return NAV_NONE;
}

bool keys_enter(const tui_event *ev)
{
    return keys_nav(ev) == NAV_ENTER;
}

bool keys_next_field(const tui_event *ev)
{
    return NAV_INFO[keys_nav(ev)].field_move == 1;
}

bool keys_prev_field(const tui_event *ev)
{
    return NAV_INFO[keys_nav(ev)].field_move == -1;
}

/* Writes a binding's keys as the help shows them: "F1  Ctrl-G  ?". */
static void binding_keys(const key_binding *b, char *out, size_t n)
{
    size_t len = 0;
    out[0] = 0;
    if (b->fkey)
        len += (size_t)snprintf(out + len, n - len, "F%d", b->fkey);
    int aliases[2] = {b->ctrl, b->ctrl2};
    for (int k = 0; k < 2 && len < n; k++) {
        if (!aliases[k])
            continue;
        const char *sep = len ? "  " : "";
        if (aliases[k] == 27)
            len += (size_t)snprintf(out + len, n - len, "%sEsc", sep);
        else
            len += (size_t)snprintf(out + len, n - len, "%sCtrl-%c", sep, aliases[k] + '@');
    }
    if (b->outside_text && len < n)
        snprintf(out + len, n - len, "  %c", b->outside_text);
}

/* Writes the names of the navigation keys that move a field by dir: "Tab  Enter  Down". */
static void field_move_keys(int dir, char *out, size_t n)
{
    static const tui_nav ORDER[] = {NAV_TAB, NAV_BACKTAB, NAV_ENTER, NAV_DOWN, NAV_UP};
    size_t len = 0;
    out[0] = 0;
    for (size_t i = 0; i < sizeof ORDER / sizeof ORDER[0] && len < n; i++)
        if (NAV_INFO[ORDER[i]].field_move == dir)
            len += (size_t)snprintf(out + len, n - len, "%s%s", len ? "  " : "", NAV_INFO[ORDER[i]].name);
}

bool keys_help_line(int i, char *keys, size_t n, const char **what)
{
    for (int k = 0; k < N_BINDINGS; k++) {
        const key_binding *b = &BINDINGS[k];
        if (i == 0) {
            binding_keys(b, keys, n);
            *what = b->help;
            return true;
        }
        i--;
        if (b->help2) {
            if (i == 0) {
                snprintf(keys, n, "%s", "");
                *what = b->help2;
                return true;
            }
            i--;
        }
    }
    if (i > 1)
        return false;
    field_move_keys(i == 0 ? 1 : -1, keys, n);
    *what = i == 0 ? N_("next field") : N_("previous field");
    return true;
}
