/* screen-lines.c — a read-only screen of text lines (summaries, problems, two
 * versions of a record) in the list widget, with a few bound actions. */
#include "tui-exchange.h"
#include "text.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *text;
    int sev;
    int tag; /* what Enter on the line acts on, -1 = nothing */
} text_line;

/* The list's context: the array first, then the way back to the screen. */
typedef struct {
    list_array a;
    lines_screen *self;
} lines_ctx;

struct lines_screen {
    tui_screen base;
    lines_ctx ctx;
    list_view list;
    text_line *lines;
    int n, cap;
    struct {
        tui_action act;
        char label[64];
        lines_action_fn fn;
    } acts[3];
    int n_acts;
    tui_action shown[3 + 3]; /* the key bar: help, the actions, back */
    void *user;
    void (*free_user)(void *user);
    int tag;                /* given to the lines added now */
    lines_enter_fn on_enter; /* Enter on a tagged line, or NULL */
    int want;               /* the line to select at the next draw, -1 = none */
};


static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    (void)cols;
    const lines_screen *ls = ((const lines_ctx *)l->ctx)->self;
    const text_line *t = &ls->lines[((const array_row *)row)->item];
    const char *mark = t->sev == 2 ? _("Error: ") : t->sev == 1 ? _("Warning: ") : "";
    snprintf(out, n, "%s%s", mark, t->text);
}

static const list_source SRC = {sizeof(array_row), list_array_page, format, NULL, NULL, NULL};

/* Shows the line at position want (a line of context above it) and selects it. */
static void select_line(lines_screen *ls, int want)
{
    list_view *l = &ls->list;
    list_resize(l, LINES - 5);
    free(l->anchor);
    l->anchor = NULL;
    if (want > 1) {
        array_row first = {want - 1, ls->ctx.a.items[want - 1]};
        l->anchor = xmalloc(sizeof first);
        memcpy(l->anchor, &first, sizeof first);
    }
    list_reload(l);
    for (int i = 0; i < l->n; i++)
        if (((const array_row *)(l->rows + (size_t)i * sizeof(array_row)))->pos == want)
            l->sel = i;
}

static void draw(tui_screen *s)
{
    lines_screen *ls = (lines_screen *)s;
    if (ls->want >= 0 && ls->want < ls->ctx.a.n)
        select_line(ls, ls->want);
    ls->want = -1;
    list_draw(&ls->list, 2, LINES - 5, true);
}

/* Scrolls; the bound keys run their actions. */
static bool key(tui_screen *s, const tui_event *ev)
{
    lines_screen *ls = (lines_screen *)s;
    if (ls->on_enter && keys_enter(ev)) {
        const array_row *r = list_selected(&ls->list);
        if (r && ls->lines[r->item].tag >= 0)
            ls->on_enter(ls, ls->user, ls->lines[r->item].tag);
        return true;
    }
    for (int i = 0; i < ls->n_acts; i++)
        if (ev->act == ls->acts[i].act) {
            ls->acts[i].fn(ls, ls->user);
            return true;
        }
    return ev->act == ACT_NONE && list_key(&ls->list, ev);
}

static const char *relabel(tui_screen *s, tui_action a)
{
    lines_screen *ls = (lines_screen *)s;
    for (int i = 0; i < ls->n_acts; i++)
        if (a == ls->acts[i].act)
            return ls->acts[i].label;
    return NULL;
}

/* Makes the key bar show help, the bound actions and back. */
static void set_shown(lines_screen *ls)
{
    int k = 0;
    ls->shown[k++] = ACT_HELP;
    for (int i = 0; i < ls->n_acts; i++)
        ls->shown[k++] = ls->acts[i].act;
    ls->shown[k++] = ACT_BACK;
    ls->shown[k] = ACT_NONE;
    ls->base.actions = ls->shown;
}

void lines_add_action(lines_screen *ls, tui_action a, const char *label, lines_action_fn fn)
{
    if (ls->n_acts == 3)
        return;
    ls->acts[ls->n_acts].act = a;
    snprintf(ls->acts[ls->n_acts].label, sizeof ls->acts[0].label, "%s", label);
    ls->acts[ls->n_acts].fn = fn;
    ls->n_acts++;
    set_shown(ls);
}

static void destroy(tui_screen *s)
{
    lines_screen *ls = (lines_screen *)s;
    lines_clear(ls);
    free(ls->lines);
    list_free(&ls->list);
    list_array_free(&ls->ctx.a);
    if (ls->free_user)
        ls->free_user(ls->user);
    free(ls);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .destroy = destroy, .relabel = relabel};

lines_screen *lines_screen_new(tui_ctx *cx, const char *title, void *user, void (*free_user)(void *user))
{
    lines_screen *ls = xcalloc(1, sizeof *ls);
    tui_screen_init(&ls->base, cx, &HOOKS, NULL, title);
    ls->user = user;
    ls->free_user = free_user;
    ls->ctx.self = ls;
    ls->tag = -1;
    ls->want = -1;
    set_shown(ls);
    list_init(&ls->list, &SRC, &ls->ctx, &cx->report);
    return ls;
}

/* Appends one screen line. */
static void push(lines_screen *ls, int sev, const char *text, size_t len)
{
    if (ls->n == ls->cap) {
        ls->cap = ls->cap ? ls->cap * 2 : 32;
        ls->lines = xrealloc(ls->lines, sizeof *ls->lines * (size_t)ls->cap);
    }
    char *t = xmalloc(len + 1);
    memcpy(t, text, len);
    t[len] = 0;
    ls->lines[ls->n].text = t;
    ls->lines[ls->n].sev = sev;
    ls->lines[ls->n].tag = ls->tag;
    ls->n++;
}

void lines_add(lines_screen *ls, int sev, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* Long text wraps at a space to the window's width; continuations are indented. */
    const char *mark = sev == 2 ? _("Error: ") : sev == 1 ? _("Warning: ") : "";
    int width = (COLS > TUI_MIN_COLS ? COLS : TUI_MIN_COLS) - 3 - text_width(mark);
    const char *p = buf;
    bool first = true;
    while (*p) {
        size_t k = text_fit(p, first ? width : width - 2);
        if (p[k]) {
            size_t cut = k;
            while (cut > 0 && p[cut] != ' ')
                cut--;
            if (cut > 0)
                k = cut;
        }
        if (first) {
            push(ls, sev, p, k);
        } else {
            char ind[4200];
            snprintf(ind, sizeof ind, "  %.*s", (int)k, p);
            push(ls, sev == 3 ? 3 : 0, ind, strlen(ind));
        }
        p += k;
        while (*p == ' ')
            p++;
        first = false;
    }
    if (!buf[0])
        push(ls, sev, "", 0);
    list_array_all(&ls->ctx.a, ls->n);
    ls->list.stale = true;
}

void lines_clear(lines_screen *ls)
{
    for (int i = 0; i < ls->n; i++)
        free(ls->lines[i].text);
    ls->n = 0;
    list_array_all(&ls->ctx.a, 0);
    list_rewind(&ls->list);
}

void lines_done(lines_screen *ls)
{
    ls->n_acts = 0;
    set_shown(ls);
}

void *lines_user(lines_screen *ls)
{
    return ls->user;
}

void lines_set_tag(lines_screen *ls, int tag)
{
    ls->tag = tag;
}

void lines_select_tag(lines_screen *ls, int tag)
{
    for (int i = 0; i < ls->n; i++)
        if (ls->lines[i].tag == tag) {
            ls->want = i;
            return;
        }
}

void lines_on_enter(lines_screen *ls, lines_enter_fn fn)
{
    ls->on_enter = fn;
}

tui_screen *lines_base(lines_screen *ls)
{
    return &ls->base;
}

const char *lines_base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

void lines_add_file_lines(lines_screen *ls, int sev, const char *path, char **items, int n)
{
    size_t plen = strlen(path);
    for (int i = 0; i < n; i++) {
        const char *p = items[i];
        if (strncmp(p, path, plen) == 0 && p[plen] == ':')
            lines_add(ls, sev, "  %s%s", lines_base_name(path), p + plen);
        else
            lines_add(ls, sev, "  %s", p);
    }
}
