/* screen-sessions.c — the training sessions held, newest first, with how many
 * attended; Enter opens a session's attendance checklist (all members), F2
 * marks its attendance from an Excel list, F4 adds a session. */
#include "tui-training.h"
#include "tui-list.h"
#include "training-query.h"
#include "validate.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    tui_screen base;
    training_session_row *rows;
    int n;
    list_view list;
} sessions_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_NEW, ACT_BACK, ACT_QUIT, ACT_NONE};

static int page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    (void)e;
    sessions_screen *s = l->ctx;
    return list_index_page(s->n, from, dir, limit, rows);
}

static const int WIDTHS[] = {11, 24, 24, 0};

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    sessions_screen *s = l->ctx;
    const training_session_row *r = &s->rows[*(const int *)row];
    char d[11], count[24];
    date_to_display(r->s.date, d);
    snprintf(count, sizeof count, "%ld", r->attendees);
    const char *t[] = {d, r->s.topic, r->s.organiser, count};
    list_columns(out, n, cols, WIDTHS, t, 4);
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    (void)l;
    const char *t[] = {_("Date"), _("Topic"), _("Organiser"), _("Attended")};
    list_columns(out, n, cols, WIDTHS, t, 4);
}

static const list_source SRC = {sizeof(int), page, format, header, NULL, NULL};

/* Reads the sessions again. */
static void load(sessions_screen *s)
{
    tui_ctx *cx = s->base.cx;
    free(s->rows);
    cdtt_err e;
    memset(&e, 0, sizeof e);
    s->n = training_sessions(cx->db, &s->rows, &e);
    if (s->n < 0) {
        s->n = 0;
        ctx_message(cx, 2, "%s", e.msg);
    }
    s->list.stale = true;
}

/* F2 here marks attendance from an Excel list. */
static const char *relabel(tui_screen *sc, tui_action a)
{
    (void)sc;
    return a == ACT_SAVE ? _("Excel list") : NULL;
}

static void draw(tui_screen *sc)
{
    tui_ctx *cx = sc->cx;
    sessions_screen *s = (sessions_screen *)sc;
    if (s->n == 0)
        draw_text(2, 2, _("No session yet: add one from the training menu."), COLS - 4, A_NORMAL);
    else
        list_draw(&s->list, 1, LINES - 3, true);
    ctx_cursor(cx, -1, -1);
}

static bool key(tui_screen *sc, const tui_event *ev)
{
    tui_ctx *cx = sc->cx;
    sessions_screen *s = (sessions_screen *)sc;
    if (ev->act == ACT_NEW) {
        ctx_push(cx, session_form_new(cx));
        return true;
    }
    const int *sel = list_selected(&s->list);
    if (ev->act == ACT_SAVE) {
        if (sel && s->n > 0)
            ctx_push(cx, screen_training_import_new(cx, s->rows[*sel].uuid));
        return true;
    }
    bool enter = keys_enter(ev);
    if (enter && sel && s->n > 0) {
        const training_session_row *r = &s->rows[*sel];
        char label[512];
        snprintf(label, sizeof label, "%s %s", r->s.topic, r->s.organiser);
        tui_screen *c = screen_checklist_new(cx, CHECK_ATTEND, NULL, NULL, r->s.date, r->uuid, label);
        if (c)
            ctx_push(cx, c);
        return true;
    }
    return ev->act == ACT_NONE && list_key(&s->list, ev);
}

static void resume(tui_screen *sc)
{
    load((sessions_screen *)sc);
}

static void destroy(tui_screen *sc)
{
    sessions_screen *s = (sessions_screen *)sc;
    free(s->rows);
    list_free(&s->list);
    free(s);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .resume = resume, .destroy = destroy, .relabel = relabel};

tui_screen *screen_sessions_new(tui_ctx *cx)
{
    sessions_screen *s = xcalloc(1, sizeof *s);
    tui_screen_init(&s->base, cx, &HOOKS, ACTIONS, N_("Training sessions"));
    list_init(&s->list, &SRC, s, &cx->report);
    load(s);
    return &s->base;
}
