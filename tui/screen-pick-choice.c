/* screen-pick-choice.c — a pick-list of the items of one choice list (the
 * categories, the roles …): arrows and Enter pick, typed letters narrow it. */
#include "tui-exchange.h"
#include "tui-utf8.h"
#include "words.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    list_array a; /* the list's context starts here (list_array_page) */
    tui_screen base;
    list_view list;
    const choice *items;
    int n_items;
    char typed[64];   /* the letters typed so far */
    char prompt[300];
    pick_choice_fn chosen;
    void *user;
} pick_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_BACK, ACT_NONE};

/* The pick screen of a tui_screen. */
static pick_screen *of(tui_screen *s)
{
    return (pick_screen *)((char *)s - offsetof(pick_screen, base));
}

/* One item: its label in the current language. */
static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    (void)cols;
    const pick_screen *p = l->ctx;
    const choice *c = &p->items[((const array_row *)row)->item];
    snprintf(out, n, "%s", choice_label(p->items, c->code));
}

static const list_source SRC = {sizeof(array_row), list_array_page, format, NULL, NULL, NULL};

/* True when a word of item i's label (either language) starts with the typed letters. */
static bool matches(void *ctx, int i)
{
    const pick_screen *p = ctx;
    char *typed = words_fold(p->typed);
    bool hit = !typed[0];
    const char *labels[2] = {p->items[i].vi, p->items[i].en};
    for (int k = 0; k < 2 && !hit; k++) {
        char *f = words_fold(labels[k]);
        size_t n = strlen(typed);
        for (const char *w = f; w && !hit; w = strchr(w, ' '), w = w ? w + 1 : NULL)
            hit = strncmp(w, typed, n) == 0;
        free(f);
    }
    free(typed);
    return hit;
}

/* Shows the items the typed letters leave, from the first. */
static void narrow(pick_screen *p)
{
    list_array_filter(&p->a, p->n_items, matches, p);
    list_rewind(&p->list);
}

static void draw(tui_screen *s)
{
    pick_screen *p = of(s);
    draw_text(1, 1, p->prompt, COLS - 2, A_BOLD);
    char line[200];
    snprintf(line, sizeof line, _("Type the first letters to narrow the list: %s"), p->typed);
    draw_text(2, 1, line, COLS - 2, theme_attr(TH_DIM));
    list_draw(&p->list, 4, LINES - 7, true);
}

/* Adds a typed character (or takes one back); true when the key was one. */
static bool type_key(pick_screen *p, const tui_event *ev)
{
    size_t n = strlen(p->typed);
    if ((ev->is_key && ev->ch == KEY_BACKSPACE) || (!ev->is_key && (ev->ch == 8 || ev->ch == 127))) {
        while (n > 0 && ((unsigned char)p->typed[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            n--;
        p->typed[n] = '\0';
    } else if (!ev->is_key && ev->ch >= ' ' && ev->ch != 127 && ev->act == ACT_NONE) {
        char b[4];
        size_t k = utf8_encode((uint32_t)ev->ch, b);
        if (n + k >= sizeof p->typed)
            return true;
        memcpy(p->typed + n, b, k);
        p->typed[n + k] = '\0';
    } else {
        return false;
    }
    narrow(p);
    return true;
}

/* Enter picks the selected item (the screen closes first); letters narrow. */
static bool key(tui_screen *s, const tui_event *ev)
{
    tui_ctx *cx = s->cx;
    pick_screen *p = of(s);
    if (keys_enter(ev)) {
        const array_row *r = list_selected(&p->list);
        if (!r)
            return true;
        const char *code = p->items[r->item].code;
        pick_choice_fn fn = p->chosen;
        void *user = p->user;
        ctx_pop(cx);
        fn(code, user);
        return true;
    }
    if (ev->act == ACT_NONE && list_key(&p->list, ev))
        return true;
    return type_key(p, ev);
}

static void destroy(tui_screen *s)
{
    pick_screen *p = of(s);
    list_free(&p->list);
    list_array_free(&p->a);
    free(p);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .destroy = destroy};

tui_screen *screen_pick_choice_new(tui_ctx *cx, const char *title, const char *prompt, const choice *list,
                                   pick_choice_fn chosen, void *user)
{
    pick_screen *p = xcalloc(1, sizeof *p);
    tui_screen_init(&p->base, cx, &HOOKS, ACTIONS, title);
    p->base.text_input = true; /* '?' and '/' are letters here */
    snprintf(p->prompt, sizeof p->prompt, "%s", prompt);
    p->items = list;
    while (list[p->n_items].code)
        p->n_items++;
    p->chosen = chosen;
    p->user = user;
    list_init(&p->list, &SRC, p, &cx->report);
    narrow(p);
    return &p->base;
}
