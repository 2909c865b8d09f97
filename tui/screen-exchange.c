/* screen-exchange.c — the "Export and import" menu: the items that matter for
 * this office (a commune sends packages and reads its Excel member list, and
 * one of the pre-2025 list crosses to the 2025-07 list; a province or district
 * imports packages, settles conflicts and sees who sent what), in the list
 * widget. */
#include "tui-exchange.h"
#include "conflict.h"
#include "office.h"

#include <curses.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *label;         /* N_() */
    const char *hint;          /* N_() */
    tui_screen *(*open)(tui_ctx *cx);
    int where;                 /* 1 commune, 2 consolidating office, 3 both, 4 a commune of the pre-2025 list */
} exchange_item;

static const exchange_item ITEMS[] = {
    {N_("Import packages from the level below"), N_("*.cdtt files from communes"), screen_import_packages_new, 2},
    {N_("Conflicts"), N_("records changed both here and below"), screen_conflicts_new, 2},
    {N_("Completeness"), N_("which communes sent data"), screen_completeness_new, 2},
    {N_("Export a package for the level above"), N_("one .cdtt file to send"), screen_export_package_new, 3},
    {N_("Import a member list from Excel"), N_("CSV, checked first"), screen_import_members_new, 1},
    {N_("Export to Excel"), N_("a table as CSV, or all as .xlsx"), screen_export_sheet_new, 3},
    {N_("Cross to the 2025-07 list"), N_("this commune's file, after 1 July 2025"), screen_migrate_new, 4},
};
#define N_ITEMS (int)(sizeof ITEMS / sizeof ITEMS[0])

typedef struct {
    tui_screen base;
    list_array items; /* the list's context: the items for this office */
    list_view list;
    int where;
} exchange_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_BACK, ACT_QUIT, ACT_NONE};

/* The context of the exchange screen whose list context (its items) is l's. */
static tui_ctx *ctx_of(const list_view *l)
{
    return ((const exchange_screen *)((const char *)l->ctx - offsetof(exchange_screen, items)))->base.cx;
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    tui_ctx *cx = ctx_of(l);
    const array_row *r = row;
    const exchange_item *it = &ITEMS[r->item];
    char num[8], label[300];
    snprintf(num, sizeof num, "%d", r->pos + 1);
    snprintf(label, sizeof label, "%s", _(it->label));
    if (it->open == screen_conflicts_new) {
        long long open = conflict_open_count(cx->db);
        snprintf(label, sizeof label, "%s (%lld)", _(it->label), open > 0 ? open : 0);
    }
    const int widths[] = {4, 44, cols - 48};
    const char *texts[] = {num, label, _(it->hint)};
    list_columns(out, n, cols, widths, texts, 3);
}

static const list_source SRC = {sizeof(array_row), list_array_page, format, NULL, NULL, NULL};

/* Whether item i is for this office. */
static bool for_office(void *ctx, int i)
{
    const exchange_screen *x = ctx;
    return (ITEMS[i].where & x->where) != 0;
}

static void draw(tui_screen *s)
{
    tui_ctx *cx = s->cx;
    exchange_screen *x = (exchange_screen *)s;
    /* The office by its own name: a Phường or Đặc khu is not called "Xã". */
    office_rec o;
    char line[700];
    if ((x->where & 1) && office_get(cx->db, &o) == 0)
        snprintf(line, sizeof line, _("%s sends its data to the province as one package file."), o.name);
    else
        snprintf(line, sizeof line, "%s",
                 (x->where & 1) ? _("This commune sends its data to the province as one package file.")
                               : _("This office gathers the packages of the communes under it."));
    draw_text(1, 1, line, COLS - 2, A_BOLD);
    list_draw(&x->list, 3, x->items.n < LINES - 6 ? x->items.n : LINES - 6, true);
    draw_text(4 + x->items.n, 1, _("Arrows or a number choose, Enter opens. Esc goes back."), COLS - 2, theme_attr(TH_DIM));
}

/* Opens the item at position pos. */
static void open_at(exchange_screen *x, int pos)
{
    tui_ctx *cx = x->base.cx;
    if (pos < 0 || pos >= x->items.n)
        return;
    ctx_message(cx, 0, "%s", "");
    tui_screen *s = ITEMS[x->items.items[pos]].open(cx);
    if (s)
        ctx_push(cx, s);
}

static bool key(tui_screen *s, const tui_event *ev)
{
    exchange_screen *x = (exchange_screen *)s;
    if (!ev->is_key && ev->ch >= '1' && ev->ch <= '9') {
        open_at(x, (int)(ev->ch - '1'));
        return true;
    }
    if (keys_enter(ev)) {
        const array_row *r = list_selected(&x->list);
        if (r)
            open_at(x, r->pos);
        return true;
    }
    return ev->act == ACT_NONE && list_key(&x->list, ev);
}

/* Which items are for this office (see exchange_item.where). */
static void choose_items(exchange_screen *x)
{
    office_rec o;
    int have = office_get(x->base.cx->db, &o) == 0;
    x->where = have && strcmp(o.level, "commune") != 0 ? 2 : 1;
    if (have && x->where == 1 && strcmp(o.scheme, "pre-2025") == 0)
        x->where |= 4;
    list_array_filter(&x->items, N_ITEMS, for_office, x);
}

/* Counts (open conflicts) may have changed, and the file may have crossed to the 2025-07 list. */
static void resume(tui_screen *s)
{
    exchange_screen *x = (exchange_screen *)s;
    choose_items(x);
    list_reload(&x->list);
}

static void destroy(tui_screen *s)
{
    exchange_screen *x = (exchange_screen *)s;
    list_free(&x->list);
    list_array_free(&x->items);
    free(x);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .resume = resume, .destroy = destroy};

tui_screen *screen_exchange_new(tui_ctx *cx)
{
    exchange_screen *x = xcalloc(1, sizeof *x);
    tui_screen_init(&x->base, cx, &HOOKS, ACTIONS, N_("Export and import"));
    choose_items(x);
    list_init(&x->list, &SRC, &x->items, &cx->report);
    return &x->base;
}
