/* screen-conflicts.c — records changed both here and below since the last
 * import: the list (kind, record, the office below by name), one-key
 * resolution (F2 keep mine, F4 take theirs) after confirmation, and Enter for
 * both versions field by field (screen-conflict-fields.c). */
#include "tui-exchange.h"
#include "conflict.h"
#include "package.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct conflicts_screen conflicts_screen;
typedef struct {
    list_array a; /* first: the list's context */
    conflicts_screen *self;
} conflicts_ctx;

struct conflicts_screen {
    tui_screen base;
    conflicts_ctx ctx;
    list_view list;
    conflict_list c;
};

static const tui_action ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_NEW, ACT_BACK, ACT_NONE};

static const conflict_rec *rec_of(const list_view *l, const void *row)
{
    const conflicts_screen *cs = ((const conflicts_ctx *)l->ctx)->self;
    return &cs->c.items[((const array_row *)row)->item];
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    const conflict_rec *c = rec_of(l, row);
    char id[24], seen[32];
    snprintf(id, sizeof id, "%lld", c->id);
    package_format_time(c->detected_at, seen);
    const int widths[] = {5, 18, cols - 5 - 18 - 17 - 16, 17, 16};
    const char *texts[] = {id, package_table_label(c->tbl), c->label, c->source_name, seen};
    list_columns(out, n, cols, widths, texts, 5);
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    (void)l;
    const int widths[] = {5, 18, cols - 5 - 18 - 17 - 16, 17, 16};
    const char *texts[] = {_("No."), _("Kind"), _("Record"), _("From"), _("Found")};
    list_columns(out, n, cols, widths, texts, 5);
}

static const list_source SRC = {sizeof(array_row), list_array_page, format, header, NULL, NULL};

/* Reads the open conflicts again. */
static void reload(conflicts_screen *cs)
{
    tui_ctx *cx = cs->base.cx;
    conflict_list_free(&cs->c);
    memset(&cs->c, 0, sizeof cs->c);
    cdtt_err e;
    if (conflict_list_get(cx->db, 0, &cs->c, &e) < 0)
        ctx_message(cx, 2, "%s", e.msg);
    list_array_all(&cs->ctx.a, cs->c.n);
    list_reload(&cs->list);
}

static void draw(tui_screen *s)
{
    conflicts_screen *cs = (conflicts_screen *)s;
    if (!cs->c.n) {
        draw_text(2, 2, _("No open conflicts."), COLS - 4, A_BOLD);
        return;
    }
    draw_text(1, 1, _("Enter shows both versions, field by field. F2 keeps this office's version, F4 takes the incoming one."),
              COLS - 2, theme_attr(TH_DIM));
    list_draw(&cs->list, 2, LINES - 5, true);
}

/* Resolves conflict id (named label) with choice "mine" or "theirs" after
 * asking; returns true when resolved (the message line says so either way). */
static bool resolve_id(tui_ctx *cx, long long id, const char *label, const char *choice)
{
    bool mine = strcmp(choice, "mine") == 0;
    char q[700];
    snprintf(q, sizeof q, mine ? _("Keep this office's version of %s?") : _("Take the incoming version of %s?"), label);
    if (!ctx_confirm(cx, q))
        return false;
    cdtt_err e;
    if (conflict_resolve(cx->db, id, choice, &e) < 0) {
        ctx_message(cx, 2, "%s%s", _("Error: "), e.msg);
        return false;
    }
    ctx_message(cx, 0, mine ? _("Conflict %lld resolved: this office's version kept.")
                        : _("Conflict %lld resolved: the incoming version taken."),
                id);
    return true;
}

/* Resolves the selected conflict with choice after asking. */
static void resolve(conflicts_screen *cs, const char *choice)
{
    tui_ctx *cx = cs->base.cx;
    const array_row *r = list_selected(&cs->list);
    if (!r)
        return;
    const conflict_rec *c = &cs->c.items[r->item];
    if (resolve_id(cx, c->id, c->label, choice))
        reload(cs);
}

static bool key(tui_screen *s, const tui_event *ev)
{
    tui_ctx *cx = s->cx;
    conflicts_screen *cs = (conflicts_screen *)s;
    if (ev->act == ACT_SAVE) {
        resolve(cs, "mine");
        return true;
    }
    if (ev->act == ACT_NEW) {
        resolve(cs, "theirs");
        return true;
    }
    if ((!ev->is_key && (ev->ch == '\r' || ev->ch == '\n')) || (ev->is_key && ev->ch == KEY_ENTER)) {
        const array_row *r = list_selected(&cs->list);
        if (r)
            ctx_push(cx, screen_conflict_fields_new(cx, &cs->c.items[r->item]));
        return true;
    }
    return ev->act == ACT_NONE && list_key(&cs->list, ev);
}

/* Back from the versions screen: a conflict may have been resolved there. */
static void resume(tui_screen *s)
{
    reload((conflicts_screen *)s);
}

static const char *relabel(tui_screen *s, tui_action a)
{
    (void)s;
    return a == ACT_SAVE ? _("Keep mine") : a == ACT_NEW ? _("Take theirs") : NULL;
}

static void destroy(tui_screen *s)
{
    conflicts_screen *cs = (conflicts_screen *)s;
    conflict_list_free(&cs->c);
    list_free(&cs->list);
    list_array_free(&cs->ctx.a);
    free(cs);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {
    .draw = draw, .key = key, .resume = resume, .destroy = destroy, .relabel = relabel,
};

tui_screen *screen_conflicts_new(tui_ctx *cx)
{
    conflicts_screen *cs = xcalloc(1, sizeof *cs);
    tui_screen_init(&cs->base, cx, &HOOKS, ACTIONS, _("Conflicts"));
    cs->ctx.self = cs;
    list_init(&cs->list, &SRC, &cs->ctx, &cx->report);
    reload(cs);
    return &cs->base;
}
