/* screen-missing.c — who (or which team) is still missing an indicator, from
 * the progress screen: Enter opens the member's (or team's) form, F2 exports
 * the list to CSV and text; the list is read again when a form closes. */
#include "tui-training.h"
#include "tui-list.h"
#include "tui-screens.h"
#include "records.h"
#include "validate.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    tui_screen base;
    enum target_indicator ind;
    char as_of[11];
    progress_scope scope;
    bool consolidated; /* above a commune: each row says its commune */
    progress_missing_item *items;
    int n;
    list_view list;
} missing_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_BACK, ACT_QUIT, ACT_NONE};

static int page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    (void)e;
    missing_screen *m = l->ctx;
    return list_index_page(m->n, from, dir, limit, rows);
}

static const int WIDTHS[] = {28, 24, 14, 0};

/* The detail column in words: the MOOC status, or attendees/needed for a team. */
static const char *detail_text(const missing_screen *m, const progress_missing_item *it)
{
    if (m->ind == TARGET_MOOC)
        return choice_label(CHOICES_MOOC_STATUS, it->detail);
    return it->detail;
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    missing_screen *m = l->ctx;
    const progress_missing_item *it = &m->items[*(const int *)row];
    char area[1200];
    snprintf(area, sizeof area, "%s%s%s", it->area, m->consolidated ? " · " : "", m->consolidated ? it->commune_name : "");
    const char *t[] = {it->name, m->ind == TARGET_INPERSON ? area : it->teams,
                       m->ind == TARGET_INPERSON ? "" : area, detail_text(m, it)};
    list_columns(out, n, cols, WIDTHS, t, 4);
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    missing_screen *m = l->ctx;
    const char *t[] = {m->ind == TARGET_INPERSON ? _("Team") : _("Full name"),
                       m->ind == TARGET_INPERSON ? _("Village/group") : _("Team"),
                       m->ind == TARGET_INPERSON ? "" : _("Village/group"),
                       m->ind == TARGET_MOOC ? _("MOOC course") : m->ind == TARGET_INPERSON ? _("Attended") : ""};
    list_columns(out, n, cols, WIDTHS, t, 4);
}

static const list_source SRC = {sizeof(int), page, format, header, NULL, NULL};

/* Appends one streamed item to the screen's array. */
static int collect(const progress_missing_item *it, void *arg)
{
    missing_screen *m = arg;
    if ((m->n & (m->n - 1)) == 0) /* grow at 0, 1, 2, 4, 8, ... */
        m->items = xrealloc(m->items, (size_t)(m->n ? m->n * 2 : 1) * sizeof *m->items);
    m->items[m->n++] = *it;
    return 0;
}

/* Reads the list again; false (with a message) when it cannot be read. */
static bool load(missing_screen *m)
{
    tui_ctx *cx = m->base.cx;
    free(m->items);
    m->items = NULL;
    m->n = 0;
    cdtt_err e;
    memset(&e, 0, sizeof e);
    long rc = progress_missing_in(cx->db, cx->cfg, m->ind, m->as_of, &m->scope, collect, m, &e);
    m->list.stale = true;
    if (rc < 0)
        ctx_message(cx, 2, "%s", e.msg);
    return rc >= 0;
}

static void draw(tui_screen *s)
{
    tui_ctx *cx = s->cx;
    missing_screen *m = (missing_screen *)s;
    char line[256], as_of[11];
    date_to_display(m->as_of, as_of);
    snprintf(line, sizeof line, _("%d still missing as of %s. Enter opens, F2 exports."), m->n, as_of);
    draw_text(1, 1, line, COLS - 2, A_BOLD);
    list_draw(&m->list, 2, LINES - 4, true);
    ctx_cursor(cx, -1, -1);
}

static void write_list(FILE *f, void *ctx, report_format fmt)
{
    missing_screen *m = ctx;
    tui_ctx *cx = m->base.cx;
    cdtt_err e;
    memset(&e, 0, sizeof e);
    if (report_missing_in(f, cx->db, cx->cfg, m->ind, m->as_of, &m->scope, fmt, &e) < 0)
        fprintf(f, "%s\n", e.msg);
}

static bool key(tui_screen *s, const tui_event *ev)
{
    tui_ctx *cx = s->cx;
    missing_screen *m = (missing_screen *)s;
    if (ev->act == ACT_SAVE) {
        char stem[96], msg[512];
        snprintf(stem, sizeof stem, "%s-%s-%s", _("missing"), config_indicator_name(m->ind), m->as_of);
        int rc = training_export(cx, stem, write_list, m, msg, sizeof msg);
        ctx_message(cx, rc < 0 ? 2 : 0, "%s", msg);
        return true;
    }
    bool enter = keys_enter(ev);
    const int *sel = list_selected(&m->list);
    if (enter && sel) {
        const char *uuid = m->items[*sel].uuid;
        tui_screen *f = m->ind == TARGET_INPERSON ? team_form_open(cx, uuid) : member_form_open(cx, uuid, NULL);
        if (f)
            ctx_push(cx, f);
        return true;
    }
    return ev->act == ACT_NONE && list_key(&m->list, ev);
}

static void resume(tui_screen *s)
{
    load((missing_screen *)s);
}

static const char *relabel(tui_screen *s, tui_action a)
{
    (void)s;
    return a == ACT_SAVE ? _("Export") : NULL;
}

static void destroy(tui_screen *s)
{
    missing_screen *m = (missing_screen *)s;
    free(m->items);
    list_free(&m->list);
    free(m);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {
    .draw = draw, .key = key, .resume = resume, .destroy = destroy, .relabel = relabel,
};

tui_screen *screen_missing_new(tui_ctx *cx, enum target_indicator ind, const char *as_of, const char *area_uuid,
                               const char *area_name)
{
    progress_scope sc;
    memset(&sc, 0, sizeof sc);
    if (area_uuid)
        snprintf(sc.area, sizeof sc.area, "%s", area_uuid[0] ? area_uuid : PROGRESS_NO_AREA);
    return screen_missing_new_in(cx, ind, as_of, &sc, area_name);
}

tui_screen *screen_missing_new_in(tui_ctx *cx, enum target_indicator ind, const char *as_of,
                                  const progress_scope *scope, const char *name)
{
    static const char *const TITLE[TARGET_COUNT] = {N_("Not yet trained online (MOOC): %s"),
                                                   N_("Not yet following the Zalo OA: %s"),
                                                   N_("Teams not yet trained in person: %s")};
    missing_screen *m = xcalloc(1, sizeof *m);
    tui_screen_init(&m->base, cx, &HOOKS, ACTIONS, "");
    m->ind = ind;
    snprintf(m->as_of, sizeof m->as_of, "%s", as_of);
    if (scope)
        m->scope = *scope;
    m->consolidated = records_consolidating(cx->db);
    snprintf(m->base.title, sizeof m->base.title, _(TITLE[ind]), name);
    list_init(&m->list, &SRC, m, &cx->report);
    if (!load(m)) {
        destroy(&m->base);
        return NULL;
    }
    return &m->base;
}
