/* screen-completeness.c — at a consolidating office: every commune under it,
 * when its last package was made and imported, its members here, and which
 * sent nothing; searchable (accents ignored) and filterable to the missing ones. */
#include "tui-exchange.h"
#include "tui-form.h"
#include "completeness.h"
#include "package.h"
#include "text.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct completeness_screen completeness_screen;
typedef struct {
    list_array a; /* first: the list's context */
    completeness_screen *self;
} completeness_ctx;

struct completeness_screen {
    tui_screen base;
    completeness_ctx ctx;
    list_view list;
    completeness_table t;
    char **folded;      /* folded "code name" of each row, for the search */
    line_input search;
    char query[256];    /* folded */
    bool searching, missing_only;
};

static const tui_action ACTIONS[] = {ACT_HELP, ACT_SEARCH, ACT_FILTER, ACT_BACK, ACT_NONE};

static const completeness_row *row_of(const list_view *l, const void *row)
{
    const completeness_screen *cs = ((const completeness_ctx *)l->ctx)->self;
    return &cs->t.rows[((const array_row *)row)->item];
}

/* The columns: code, name, last package made, last imported, members. */
static void columns(char *out, size_t n, int cols, const char *const *texts)
{
    const int widths[] = {7, cols - 7 - 17 - 17 - 11, 17, 17, 11};
    list_columns(out, n, cols, widths, texts, 5);
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    const completeness_row *r = row_of(l, row);
    char made[32], imported[32], members[24];
    package_format_time(r->last_package, made);
    package_format_time(r->last_import, imported);
    snprintf(members, sizeof members, "%lld", r->members);
    const char *texts[] = {r->code, r->name, r->n_imports ? made : _("sent nothing"), imported, members};
    columns(out, n, cols, texts);
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    (void)l;
    const char *texts[] = {_("Code"), _("Commune"), _("Package made"), _("Imported"), _("Members")};
    columns(out, n, cols, texts);
}

static const list_source SRC = {sizeof(array_row), list_array_page, format, header, NULL, NULL};

/* Whether row i matches the search and the filter. */
static bool keep(void *ctx, int i)
{
    completeness_screen *cs = ctx;
    if (cs->missing_only && cs->t.rows[i].n_imports)
        return false;
    return !cs->query[0] || strstr(cs->folded[i], cs->query);
}

/* Shows the rows that match the search and the filter, from the first. */
static void apply(completeness_screen *cs)
{
    char typed[256];
    line_input_get(&cs->search, typed, sizeof typed);
    char *f = text_fold(typed);
    snprintf(cs->query, sizeof cs->query, "%s", f ? f : "");
    free(f);
    list_array_filter(&cs->ctx.a, cs->t.n, keep, cs);
    list_rewind(&cs->list);
}

static void draw(tui_screen *s)
{
    completeness_screen *cs = (completeness_screen *)s;
    s->text_input = cs->searching;
    char line[300];
    snprintf(line, sizeof line, _("%d communes: %d sent a package, %d sent nothing."), cs->t.n,
             cs->t.n - cs->t.n_missing, cs->t.n_missing);
    draw_text(1, 1, line, COLS - 2, A_BOLD);
    int x = draw_text(2, 1, _("Search: "), COLS, A_BOLD) + 1;
    int cx = line_input_draw(&cs->search, 2, x, 30);
    if (cs->missing_only)
        draw_text(2, x + 32, _("[only those that sent nothing]"), COLS - x - 32, theme_attr(TH_WARN));
    list_draw(&cs->list, 3, LINES - 6, !cs->searching);
    if (cs->searching)
        ctx_cursor(s->cx, 2, cx);
}

/* Search line keys: the list follows; Enter/Down/Tab return to the list, Esc clears. */
static bool search_key(completeness_screen *cs, const tui_event *ev)
{
    tui_ctx *cx = cs->base.cx;
    if (keys_next_field(ev)) {
        cs->searching = false;
        return true;
    }
    if (ev->act == ACT_BACK) {
        line_input_set(&cs->search, "");
        cs->searching = false;
        apply(cs);
        return true;
    }
    if (ev->act == ACT_NONE && line_input_key(&cs->search, ev, false, 0, &cx->report)) {
        apply(cs);
        return true;
    }
    return false;
}

static bool key(tui_screen *s, const tui_event *ev)
{
    completeness_screen *cs = (completeness_screen *)s;
    if (cs->searching) {
        if (search_key(cs, ev))
            return true;
        cs->searching = false;
    }
    if (ev->act == ACT_SEARCH) {
        cs->searching = true;
        return true;
    }
    if (ev->act == ACT_FILTER) {
        cs->missing_only = !cs->missing_only;
        apply(cs);
        return true;
    }
    if (ev->act == ACT_BACK && cs->query[0]) {
        line_input_set(&cs->search, "");
        apply(cs);
        return true;
    }
    if (ev->act != ACT_NONE)
        return false;
    if (list_key(&cs->list, ev))
        return true;
    if (!ev->is_key && ev->ch > ' ' && ev->ch != 127) {
        cs->searching = true;
        return search_key(cs, ev);
    }
    return false;
}

static const char *relabel(tui_screen *s, tui_action a)
{
    completeness_screen *cs = (completeness_screen *)s;
    if (a != ACT_FILTER)
        return NULL;
    return cs->missing_only ? _("All") : _("Sent nothing");
}

static void destroy(tui_screen *s)
{
    completeness_screen *cs = (completeness_screen *)s;
    for (int i = 0; i < cs->t.n; i++)
        free(cs->folded[i]);
    free(cs->folded);
    completeness_free(&cs->t);
    list_free(&cs->list);
    line_input_free(&cs->search);
    list_array_free(&cs->ctx.a);
    free(cs);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .destroy = destroy, .relabel = relabel};

tui_screen *screen_completeness_new(tui_ctx *cx)
{
    completeness_screen *cs = xcalloc(1, sizeof *cs);
    cdtt_err e;
    memset(&e, 0, sizeof e);
    if (completeness_get(cx->db, &cs->t, &e) < 0) {
        ctx_message(cx, 2, "%s%s", _("Error: "), e.msg);
        free(cs);
        return NULL;
    }
    tui_screen_init(&cs->base, cx, &HOOKS, ACTIONS, N_("Completeness: communes reporting"));
    cs->folded = xcalloc((size_t)(cs->t.n > 0 ? cs->t.n : 1), sizeof *cs->folded);
    for (int i = 0; i < cs->t.n; i++) {
        char both[600];
        snprintf(both, sizeof both, "%s %s", cs->t.rows[i].code, cs->t.rows[i].name);
        cs->folded[i] = text_fold(both);
        if (!cs->folded[i])
            cs->folded[i] = xstrdup(both);
    }
    cs->ctx.self = cs;
    line_input_init(&cs->search, 100);
    list_init(&cs->list, &SRC, &cs->ctx, &cx->report);
    apply(cs);
    return &cs->base;
}

bool exchange_home_summary(sqlite3 *db, char *out, size_t n)
{
    completeness_table t;
    cdtt_err e;
    memset(&e, 0, sizeof e);
    if (completeness_get(db, &t, &e) < 0)
        return false;
    long long members = 0;
    for (int i = 0; i < t.n; i++)
        members += t.rows[i].members;
    snprintf(out, n, _("Communes reporting: %d of %d   Members: %lld"), t.n - t.n_missing, t.n, members);
    completeness_free(&t);
    return true;
}
