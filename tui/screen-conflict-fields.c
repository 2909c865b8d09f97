/* screen-conflict-fields.c — one conflict, field by field: the fields in which
 * this office's version and the one from below differ, by label, side by side,
 * those changed on both sides marked *. Space chooses the side of the selected
 * field; F2 applies the choices shown (every field kept from here unless
 * chosen), F4 takes every field from below; both ask first. The full values of
 * the selected field are shown under the list. */
#include "tui-exchange.h"
#include "conflict.h"
#include "package.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fields_screen fields_screen;
typedef struct {
    list_array a; /* first: the list's context */
    fields_screen *self;
} fields_ctx;

struct fields_screen {
    tui_screen base;
    fields_ctx ctx;
    list_view list;
    long long id;
    char label[512];
    conflict_field *f;
    int n;
    bool *theirs; /* per field: take the value from below */
};

static const tui_action ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_NEW, ACT_BACK, ACT_NONE};

/* The column widths: choice, *, field, here, from below. */
static void widths_of(int cols, int w[5])
{
    int rest = cols - 3 - 2 - 24;
    w[0] = 3;
    w[1] = 2;
    w[2] = 24;
    w[3] = rest / 2;
    w[4] = rest - rest / 2;
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    const fields_screen *fs = ((const fields_ctx *)l->ctx)->self;
    int i = ((const array_row *)row)->item;
    const conflict_field *f = &fs->f[i];
    int w[5];
    widths_of(cols, w);
    const char *texts[] = {fs->theirs[i] ? "→" : "←", f->both ? "*" : "", f->label,
                           f->here[0] ? f->here : "-", f->incoming[0] ? f->incoming : "-"};
    list_columns(out, n, cols, w, texts, 5);
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    (void)l;
    int w[5];
    widths_of(cols, w);
    const char *texts[] = {"", "", _("Field"), _("Here"), _("From below")};
    list_columns(out, n, cols, w, texts, 5);
}

static const list_source SRC = {sizeof(array_row), list_array_page, format, header, NULL, NULL};

static void draw(tui_screen *s)
{
    fields_screen *fs = (fields_screen *)s;
    draw_text(1, 1, _("Space: this field from here (←) or from below (→). F2 applies the choice, F4 takes all from below."),
              COLS - 2, theme_attr(TH_DIM));
    if (!fs->n) {
        draw_text(3, 2, _("(both versions now hold the same values)"), COLS - 4, A_NORMAL);
        return;
    }
    int bottom = LINES - 4;
    list_draw(&fs->list, 2, bottom - 3, true);
    const array_row *r = list_selected(&fs->list);
    if (!r)
        return;
    const conflict_field *f = &fs->f[r->item];
    char line[2048];
    snprintf(line, sizeof line, "%s %s", _("Here:"), f->here);
    draw_text(bottom - 1, 1, line, COLS - 2, A_NORMAL);
    snprintf(line, sizeof line, "%s %s", _("From below:"), f->incoming);
    draw_text(bottom, 1, line, COLS - 2, A_NORMAL);
}

/* The columns whose side is not the default one for choice, for conflict_resolve_fields. */
static int exceptions(const fields_screen *fs, bool theirs, const char **out)
{
    int n = 0;
    for (int i = 0; i < fs->n; i++)
        if (fs->theirs[i] != theirs)
            out[n++] = fs->f[i].column;
    return n;
}

/* Resolves with every field from below (all) or as chosen, after asking. */
static void apply(fields_screen *fs, bool all)
{
    tui_ctx *cx = fs->base.cx;
    const char **except = xcalloc((size_t)fs->n + 1, sizeof *except);
    int n = all ? 0 : exceptions(fs, false, except);
    char q[800];
    if (all)
        snprintf(q, sizeof q, _("Take the incoming version of %s?"), fs->label);
    else if (!n)
        snprintf(q, sizeof q, _("Keep this office's version of %s?"), fs->label);
    else
        snprintf(q, sizeof q, _("Save %s with %d field(s) from below and the others from here?"), fs->label, n);
    if (ctx_confirm(cx, q)) {
        cdtt_err e;
        if (conflict_resolve_fields(cx->db, fs->id, all ? "theirs" : "mine", except, n, &e) < 0) {
            ctx_message(cx, 2, "%s%s", _("Error: "), e.msg);
        } else {
            ctx_message(cx, 0, all ? _("Conflict %lld resolved: the incoming version taken.")
                         : n ? _("Conflict %lld resolved field by field.")
                             : _("Conflict %lld resolved: this office's version kept."),
                        fs->id);
            free(except);
            ctx_pop(cx);
            return;
        }
    }
    free(except);
}

static bool key(tui_screen *s, const tui_event *ev)
{
    fields_screen *fs = (fields_screen *)s;
    if (ev->act == ACT_SAVE || ev->act == ACT_NEW) {
        apply(fs, ev->act == ACT_NEW);
        return true;
    }
    if (!ev->is_key && ev->ch == ' ') {
        const array_row *r = list_selected(&fs->list);
        if (r)
            fs->theirs[r->item] = !fs->theirs[r->item];
        return true;
    }
    return ev->act == ACT_NONE && list_key(&fs->list, ev);
}

static const char *relabel(tui_screen *s, tui_action a)
{
    (void)s;
    return a == ACT_SAVE ? _("Apply") : a == ACT_NEW ? _("Take theirs") : NULL;
}

static void destroy(tui_screen *s)
{
    fields_screen *fs = (fields_screen *)s;
    conflict_fields_free(fs->f, fs->n);
    free(fs->theirs);
    list_free(&fs->list);
    list_array_free(&fs->ctx.a);
    free(fs);
}

static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .destroy = destroy, .relabel = relabel};

tui_screen *screen_conflict_fields_new(tui_ctx *cx, const conflict_rec *c)
{
    fields_screen *fs = xcalloc(1, sizeof *fs);
    char title[1200];
    snprintf(title, sizeof title, _("%s: %s, from %s"), package_table_label(c->tbl), c->label, c->source_name);
    tui_screen_init(&fs->base, cx, &HOOKS, ACTIONS, title);
    fs->id = c->id;
    snprintf(fs->label, sizeof fs->label, "%s", c->label);
    cdtt_err e;
    if (conflict_fields(cx->db, c, &fs->f, &fs->n, &e) < 0)
        ctx_message(cx, 2, "%s%s", _("Error: "), e.msg);
    fs->theirs = xcalloc((size_t)fs->n + 1, sizeof *fs->theirs);
    fs->ctx.self = fs;
    list_init(&fs->list, &SRC, &fs->ctx, &cx->report);
    list_array_all(&fs->ctx.a, fs->n);
    list_reload(&fs->list);
    return &fs->base;
}
