/* screen-home.c — the home screen: the office, its counts, and the menu
 * (one table; items for screens that do not exist yet say so honestly). */
#include "tui-core.h"
#include "tui-exchange.h"
#include "tui-training.h"
#include "office.h"
#include "records.h"

#include <stdio.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    const char *label;           /* N_() */
    tui_screen *(*open)(tui_ctx *cx);   /* NULL = not available yet */
} menu_item;

static tui_screen *open_members(tui_ctx *cx)
{
    return screen_members_new(cx, NULL);
}

static const menu_item MENU[] = {
    {N_("Villages and residential groups"), screen_areas_new},
    {N_("Digital technology teams"), screen_teams_new},
    {N_("Members"), open_members},
    {N_("Training"), screen_training_new},
    {N_("Reports"), screen_training_progress_new},
    {N_("Export and import"), screen_exchange_new},
    {N_("Settings"), screen_settings_new},
    {N_("Change history"), screen_history_latest},
    {N_("Help"), screen_help_new},
};
#define N_MENU (int)(sizeof MENU / sizeof MENU[0])

typedef struct {
    tui_screen base;
    int sel;
    bool stale;                 /* counts to be read again */
    bool timed;                 /* the first drawing was reported (CDTT_TIMING) */
    double back_ms;             /* when Esc was pressed once (a second one within a second quits) */
    long long areas, teams, members;
    bool consolidating;         /* a province or district: summary counts the communes */
    char summary[300];
} home_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_BACK, ACT_QUIT, ACT_NONE};

/* The office, its counts and the menu. */
static void draw(tui_screen *s)
{
    tui_ctx *cx = s->cx;
    home_screen *h = (home_screen *)s;
    sqlite3 *db = cx->db;
    office_rec o;
    char line[700];
    if (h->stale) {
        /* Counted once per visit, not at every key: a whole country's file is large. */
        list_filter f;
        memset(&f, 0, sizeof f);
        h->areas = area_count(db, &f);
        h->teams = team_count(db, &f);
        h->members = member_count(db, &f);
        h->consolidating = exchange_home_summary(db, h->summary, sizeof h->summary);
        h->stale = false;
    }
    if (office_get(db, &o) == 0)
        snprintf(line, sizeof line, "%s (%s %s)", o.name, _("code"), o.code);
    else
        snprintf(line, sizeof line, "%s", _("No office set yet"));
    draw_text(2, 2, line, COLS - 4, A_BOLD);
    /* A consolidating office has no villages of its own: it counts the communes reporting. */
    if (h->consolidating)
        snprintf(line, sizeof line, "%s", h->summary);
    else
        snprintf(line, sizeof line, _("Areas: %lld   Teams: %lld   Members: %lld"), h->areas, h->teams, h->members);
    draw_text(3, 2, line, COLS - 4, A_NORMAL);
    for (int i = 0; i < N_MENU; i++) {
        int attr = i == h->sel ? theme_attr(TH_SELECTED) : (int)A_NORMAL;
        snprintf(line, sizeof line, " %d  %s%s ", i + 1, _(MENU[i].label),
                 MENU[i].open ? "" : _(" (not available yet)"));
        draw_text(5 + i, 4, line, COLS - 8, attr);
    }
    draw_text(6 + N_MENU, 2, _("Arrows or a number choose, Enter opens. F10 or Esc quits."), COLS - 4, A_NORMAL);
    if (!h->timed) {
        ctx_timing(cx, "home_drawn", 0);
        h->timed = true;
    }
}

/* Opens menu item i, or says that it is not available yet; without an
 * office, the first-run screen comes first. */
static void open_item(tui_ctx *cx, int i)
{
    office_rec o;
    if (MENU[i].open != screen_help_new && office_get(cx->db, &o) < 0) {
        ctx_message(cx, 1, "%s", _("First say which commune this file belongs to."));
        ctx_push(cx, screen_setup_new(cx));
        return;
    }
    if (!MENU[i].open) {
        ctx_message(cx, 1, _("«%s» is not available yet."), _(MENU[i].label));
        return;
    }
    ctx_message(cx, 0, "%s", "");
    ctx_push(cx, MENU[i].open(cx));
}

/* Arrows and numbers choose, Enter opens, Esc/F10 quits. */
static bool key(tui_screen *s, const tui_event *ev)
{
    tui_ctx *cx = s->cx;
    home_screen *h = (home_screen *)s;
    /* Esc on home quits only when pressed twice within a second: the reflex of
     * a double Esc in a form must not drop the user into the shell. */
    if (ev->act == ACT_BACK) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        double now = (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
        if (h->back_ms && now - h->back_ms <= 1000) {
            cx->quit = true;
        } else {
            h->back_ms = now;
            ctx_message(cx, 1, "%s", _("Press Esc (F10) again to quit, or Ctrl-Q."));
        }
        return true;
    }
    h->back_ms = 0;
    if (ev->is_key && ev->ch == KEY_DOWN) {
        h->sel = (h->sel + 1) % N_MENU;
        return true;
    }
    if (ev->is_key && ev->ch == KEY_UP) {
        h->sel = (h->sel + N_MENU - 1) % N_MENU;
        return true;
    }
    if (!ev->is_key && ev->ch >= '1' && ev->ch < (wint_t)('1' + N_MENU)) {
        h->sel = (int)(ev->ch - '1');
        open_item(cx, h->sel);
        return true;
    }
    if (keys_enter(ev)) {
        open_item(cx, h->sel);
        return true;
    }
    return false;
}

static void resume(tui_screen *s)
{
    ((home_screen *)s)->stale = true;
}

static void destroy(tui_screen *s)
{
    free(s);
}

tui_screen *screen_home_new(tui_ctx *cx)
{
    home_screen *h = xcalloc(1, sizeof *h);
    h->base.cx = cx;
    h->base.draw = draw;
    h->base.key = key;
    h->base.resume = resume;
    h->base.destroy = destroy;
    h->base.actions = ACTIONS;
    h->stale = true;
    snprintf(h->base.title, sizeof h->base.title, "%s", N_("Home"));
    return &h->base;
}
