/* screen-migrate.c — crossing the reorganisation of 1 July 2025 on the screen
 * (the command is `cdtt migrate --to 2025-07`): the villages and groups of a
 * pre-2025 commune's file, each with the new commune it goes to. For a divided
 * commune Space or Enter gives the selected village the next of the new
 * communes and F4 chooses the one this file becomes; F2 migrates after asking
 * and shows what was done. */
#include "tui-exchange.h"
#include "tui-columns.h"
#include "migrate.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct migrate_screen migrate_screen;
typedef struct {
    list_array a; /* first: the list's context */
    migrate_screen *self;
} migrate_ctx;

struct migrate_screen {
    tui_screen base;
    migrate_ctx ctx;
    list_view list;
    migrate_plan p;
    bool ok;             /* the plan could be read */
    char problem[1024];  /* why not */
};

static const tui_action ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_NEW, ACT_BACK, ACT_NONE};
/* A commune that went whole: no commune to choose. */
static const tui_action ACTIONS_WHOLE[] = {ACT_HELP, ACT_SAVE, ACT_BACK, ACT_NONE};
/* A file that cannot migrate: only the way back. */
static const tui_action ACTIONS_NONE[] = {ACT_HELP, ACT_BACK, ACT_NONE};

static const list_column COLUMNS[] = {{N_("Village/group"), 0}, {N_("New commune"), 0}};
static const list_layout LAYOUT = {COLUMNS, 2, 0, 2, 16};

/* "Name (code)" of the new commune at index d, or none when there is none. */
static void commune_text(const migrate_plan *p, int d, const char *none, char *out, size_t n)
{
    if (d < 0)
        snprintf(out, n, "%s", none);
    else
        snprintf(out, n, "%s (%s)", p->map.to[d].name, p->map.to[d].code);
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    const migrate_screen *ms = ((const migrate_ctx *)l->ctx)->self;
    const migrate_area *a = &ms->p.areas[((const array_row *)row)->item];
    char to[300];
    commune_text(&ms->p, a->dest, _("- (not placed yet)"), to, sizeof to);
    const char *t[] = {a->name, to};
    list_layout_row(&LAYOUT, out, n, cols, t);
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    (void)l;
    list_layout_header(&LAYOUT, out, n, cols);
}

static const list_source SRC = {sizeof(array_row), list_array_page, format, header, NULL, NULL};

static void draw(tui_screen *s)
{
    migrate_screen *ms = (migrate_screen *)s;
    if (!ms->ok) {
        draw_wrap(2, 2, ms->problem, COLS - 4, LINES - 6, A_BOLD);
        return;
    }
    const migrate_plan *p = &ms->p;
    char line[2400], home[300];
    if (p->map.divided) {
        size_t len = (size_t)snprintf(line, sizeof line, _("%s (%s) was divided on 1 July 2025 between:"),
                                      p->from.name, p->from.code);
        for (int i = 0; i < p->map.n && len < sizeof line; i++)
            len += (size_t)snprintf(line + len, sizeof line - len, " %d. %s (%s)", i + 1, p->map.to[i].name,
                                    p->map.to[i].code);
    } else {
        snprintf(line, sizeof line, _("%s (%s) went into %s (%s) on 1 July 2025."), p->from.name, p->from.code,
                 p->map.to[0].name, p->map.to[0].code);
    }
    int y = 1 + draw_wrap(1, 1, line, COLS - 2, 2, A_BOLD);
    commune_text(p, p->home, _("- (F4 chooses it)"), home, sizeof home);
    snprintf(line, sizeof line, _("This file becomes: %s"), home);
    draw_text(y++, 1, line, COLS - 2, A_BOLD);
    draw_wrap(y, 1,
              p->map.divided ? _("Space or Enter: the next commune for the village. F4: the commune this file becomes. "
                                 "F2: migrate (a backup copy is made first).")
                             : _("Every village goes with the commune. F2: migrate (a backup copy is made first)."),
              COLS - 2, 2, theme_attr(TH_DIM));
    list_draw(&ms->list, y + 2, LINES - y - 5, true);
}

/* Adds a line of the summary to the result screen. */
static void add_line(void *user, const char *text)
{
    lines_add(user, 0, "%s", text);
}

/* F2: asks, migrates, and puts the summary in place of this screen. */
static void run(migrate_screen *ms)
{
    tui_ctx *cx = ms->base.cx;
    cdtt_err e;
    char left[1024];
    if (ms->p.home < 0) {
        ctx_message(cx, 1, "%s", _("Choose with F4 the commune this file becomes."));
        return;
    }
    if (migrate_unplaced(&ms->p, left, sizeof left)) {
        ctx_message(cx, 1, _("Not placed yet: %s. Space gives the selected village its new commune."), left);
        return;
    }
    const units_target *to = &ms->p.map.to[ms->p.home];
    char q[700];
    snprintf(q, sizeof q, _("Make a backup copy, then migrate this file to %s (%s)?"), to->name, to->code);
    if (!ctx_confirm(cx, q))
        return;
    const char *path = sqlite3_db_filename(cx->db, "main");
    migrate_opts o = {0};
    migrate_result r;
    if (!path || !*path || migrate_run(cx->db, path, &ms->p, &o, &r, &e) < 0) {
        ctx_message(cx, 2, _("%s. The file was not changed."), path && *path ? e.msg : _("the file has no name"));
        return;
    }
    lines_screen *ls = lines_screen_new(cx, _("Migration done"), NULL, NULL);
    migrate_summary_lines(&ms->p, &r, add_line, ls);
    ctx_message(cx, 0, "%s", "");
    ctx_pop(cx);
    ctx_push(cx, lines_base(ls));
}

/* Space or Enter: the selected village goes to the next new commune. */
static void next_place(migrate_screen *ms)
{
    const array_row *r = list_selected(&ms->list);
    if (!r || !ms->p.map.divided)
        return;
    migrate_area *a = &ms->p.areas[r->item];
    a->dest = (a->dest + 1) % ms->p.map.n;
    ms->list.stale = true;
}

static bool key(tui_screen *s, const tui_event *ev)
{
    migrate_screen *ms = (migrate_screen *)s;
    if (!ms->ok)
        return false;
    if (ev->act == ACT_SAVE) {
        run(ms);
        return true;
    }
    if (ev->act == ACT_NEW) {
        if (ms->p.map.divided)
            ms->p.home = (ms->p.home + 1) % ms->p.map.n;
        return true;
    }
    if (keys_enter(ev) || (!ev->is_key && ev->ch == ' ')) {
        next_place(ms);
        return true;
    }
    return ev->act == ACT_NONE && list_key(&ms->list, ev);
}

static const char *relabel(tui_screen *s, tui_action a)
{
    (void)s;
    return a == ACT_SAVE ? _("Migrate") : a == ACT_NEW ? _("This file's commune") : NULL;
}

static void destroy(tui_screen *s)
{
    migrate_screen *ms = (migrate_screen *)s;
    migrate_plan_free(&ms->p);
    list_free(&ms->list);
    list_array_free(&ms->ctx.a);
    free(ms);
}

/* Whether area i is shown (deletion marks stay with this file's commune). */
static bool live_area(void *ctx, int i)
{
    const migrate_screen *ms = ctx;
    return !ms->p.areas[i].deleted;
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .destroy = destroy, .relabel = relabel};

tui_screen *screen_migrate_new(tui_ctx *cx)
{
    migrate_screen *ms = xcalloc(1, sizeof *ms);
    tui_screen_init(&ms->base, cx, &HOOKS, ACTIONS, _("Cross to the 2025-07 list"));
    ms->ctx.self = ms;
    cdtt_err e;
    ms->ok = migrate_plan_read(cx->db, NULL, &ms->p, &e) == 0;
    if (!ms->ok)
        snprintf(ms->problem, sizeof ms->problem, "%s", e.msg);
    ms->base.actions = !ms->ok ? ACTIONS_NONE : ms->p.map.divided ? ACTIONS : ACTIONS_WHOLE;
    list_array_filter(&ms->ctx.a, ms->p.n_areas, live_area, ms);
    list_init(&ms->list, &SRC, &ms->ctx, &cx->report);
    return &ms->base;
}
