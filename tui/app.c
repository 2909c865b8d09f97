/* app.c — tui_run: the stack of screens and the main loop (one draw and one
 * doupdate per input event). */
#include "tui.h"
#include "tui-core.h"
#include "i18n.h"
#include "db.h"
#include "office.h"
#include "records.h"
#include "text.h"
#include "timing.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The running program: the context its screens get (first, so that the
 * context's callbacks find the app) and the stack of screens it owns. */
typedef struct {
    tui_ctx cx;
    tui_screen *top;
} tui_app;

/* The app that owns the context cx. */
static tui_app *app_of(tui_ctx *cx)
{
    return (tui_app *)cx;
}

static void push(tui_ctx *cx, tui_screen *s)
{
    tui_app *a = app_of(cx);
    s->below = a->top;
    a->top = s;
}

static void pop(tui_ctx *cx)
{
    tui_app *a = app_of(cx);
    tui_screen *s = a->top;
    if (!s)
        return;
    a->top = s->below;
    s->destroy(s);
    if (a->top && a->top->resume)
        a->top->resume(a->top);
}

/* Draws text on the message line; a text longer than a line is wrapped at
 * blanks onto the lines above it (a third of the screen at most, the last
 * line then ends in "…"). */
static void draw_message(const char *text, int attr)
{
    const char *lines[16];
    int lens[16], n = 0, max = LINES / 3 < 16 ? LINES / 3 : 16;
    if (max < 2)
        max = 2;
    const char *p = text;
    while (*p && n < max) {
        size_t fit = text_fit(p, COLS);
        size_t cut = fit;
        if (p[fit]) {
            while (cut > 0 && p[cut] != ' ')
                cut--;
            if (cut == 0)
                cut = fit;
        }
        lines[n] = p;
        lens[n++] = (int)cut;
        p += cut;
        while (*p == ' ')
            p++;
    }
    int y = LINES - 1 - n;
    for (int i = 0; i < n; i++, y++) {
        char line[sizeof ((tui_report *)0)->msg];
        snprintf(line, sizeof line, "%.*s", lens[i], lines[i]);
        draw_fill(y, 0, COLS, A_NORMAL);
        draw_text(y, 0, i == n - 1 && *p ? lines[i] : line, COLS, attr);
    }
}

/* Writes s's title in the language now in use: the title is kept as its
 * msgid and translated here, so a language changed in Settings changes the
 * screens below too; a tail after " · " (a commune's name) is shown as is. */
static void screen_title(const tui_screen *s, char *out, size_t n)
{
    const char *tail = strstr(s->title, " · ");
    char head[256];
    snprintf(head, sizeof head, "%.*s", tail ? (int)(tail - s->title) : (int)strlen(s->title), s->title);
    snprintf(out, n, "%s%s", head[0] ? _(head) : "", tail ? tail : "");
}

/* True when the terminal is below the smallest usable size. */
static bool too_small(void)
{
    return COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;
}

/* Draws the title, the top screen, the message line and the key bar into the
 * virtual screen (no output yet); a too-small terminal gets a notice instead. */
static void draw_all(tui_app *a)
{
    werase(stdscr);
    ctx_cursor(&a->cx, -1, -1);
    if (too_small()) {
        char line[200];
        snprintf(line, sizeof line, _("The window is too small (%dx%d)."), COLS, LINES);
        draw_text(0, 0, line, COLS, A_BOLD);
        snprintf(line, sizeof line, _("Make it at least %dx%d, or press Ctrl-Q to quit."), TUI_MIN_COLS, TUI_MIN_LINES);
        draw_text(1, 0, line, COLS, A_NORMAL);
        term_cursor(0);
        wnoutrefresh(stdscr);
        return;
    }
    tui_screen *s = a->top;
    draw_fill(0, 0, COLS, theme_attr(TH_TITLE));
    office_rec o;
    char title[900], shown[300];
    screen_title(s, shown, sizeof shown);
    if (office_get(a->cx.db, &o) == 0)
        snprintf(title, sizeof title, " cdtt · %s · %s", o.name, shown);
    else
        snprintf(title, sizeof title, " cdtt · %s", shown);
    draw_text(0, 0, title, COLS, theme_attr(TH_TITLE));
    tui_report *r = &a->cx.report;
    r->hint[0] = 0;
    s->draw(s);
    if (r->msg[0]) {
        int sev = r->msg_sev;
        draw_message(r->msg, sev == 2 ? theme_attr(TH_ERROR) : sev == 1 ? theme_attr(TH_WARN) : (int)A_NORMAL);
    } else if (r->hint[0]) {
        draw_message(r->hint, A_NORMAL);
    }
    keybar_draw(s, a->cx.telex);
    if (r->cur_y >= 0) {
        move(r->cur_y, r->cur_x);
        term_cursor(1);
    } else {
        move(LINES - 1, COLS - 1);
        term_cursor(0);
    }
    wnoutrefresh(stdscr);
}

/* Redraws everything and updates the terminal once. */
static void show_all(tui_app *a)
{
    draw_all(a);
    doupdate();
    if (a->cx.timing_event) {
        timing_mark(a->cx.timing_event, a->cx.timing_since);
        a->cx.timing_event = NULL;
    }
}

static bool confirm(tui_ctx *cx, const char *question)
{
    char saved[sizeof cx->report.msg];
    int saved_sev = cx->report.msg_sev;
    snprintf(saved, sizeof saved, "%s", cx->report.msg);
    ctx_message(cx, 1, "%s %s", question, _("(y = yes, n = no)"));
    bool answer = false;
    for (;;) {
        show_all(app_of(cx));
        tui_event ev;
        int rc = term_read(&ev, false);
        if (rc < 0) {
            cx->quit = true;
            break;
        }
        if (rc == 0)
            continue;
        if (!ev.is_key && (ev.ch == 'y' || ev.ch == 'Y' || ev.ch == 'c' || ev.ch == 'C')) {
            answer = true;
            break;
        }
        if ((!ev.is_key && (ev.ch == 'n' || ev.ch == 'N' || ev.ch == 'k' || ev.ch == 'K')) || keys_enter(&ev) ||
            ev.act == ACT_BACK || ev.act == ACT_QUIT)
            break;
    }
    ctx_message(cx, saved_sev, "%s", saved);
    return answer;
}

/* Whether a screen of the stack holds changes not saved yet. */
static bool unsaved_work(const tui_app *a)
{
    for (tui_screen *s = a->top; s; s = s->below)
        if (s->unsaved && s->unsaved(s))
            return true;
    return false;
}

int tui_run(const cdtt_config *cfg, const char *db_path)
{
    cdtt_err e;
    memset(&e, 0, sizeof e);
    sqlite3 *db = db_open(db_path, DB_CREATE, &e);
    if (!db) {
        char *shown = text_safe(e.msg, 0); /* the message names the path as given */
        fprintf(stderr, "cdtt: %s\n", shown);
        free(shown);
        return 1;
    }
    tui_app the_app;
    memset(&the_app, 0, sizeof the_app);
    tui_ctx *cx = &the_app.cx;
    cx->db = db;
    cx->cfg = cfg;
    cx->push = push;
    cx->pop = pop;
    cx->confirm = confirm;
    records_set_limits(cfg->team_max_commune, cfg->team_max_village);
    if (term_start() < 0) {
        db_close(db);
        fprintf(stderr, "cdtt: %s\n", _("the full-screen program needs a terminal"));
        return 1;
    }
    office_rec o;
    ctx_push(cx, screen_home_new(cx));
    if (office_get(db, &o) < 0)
        ctx_push(cx, screen_setup_new(cx));
    if (i18n_fell_back())
        ctx_message(cx, 1, "%s", _("This terminal's locale is not UTF-8 (common over SSH): cdtt uses C.UTF-8, and "
                               "Vietnamese shows correctly when the terminal is set to UTF-8."));
    while (the_app.top && !cx->quit) {
        show_all(&the_app);
        tui_event ev;
        int rc = term_read(&ev, the_app.top->text_input);
        if (rc < 0)
            break;
        if (rc == 0)
            continue;
        cx->key_ms = timing_ms();
        if (too_small()) {
            /* Only quitting works until the window is large enough again. */
            cx->quit = ev.act == ACT_QUIT;
            continue;
        }
        tui_screen *s = the_app.top;
        if (s->key(s, &ev))
            continue;
        if (ev.act == ACT_QUIT)
            cx->quit = !unsaved_work(&the_app) || ctx_confirm(cx, _("Quit without saving the changes?"));
        else if (ev.act == ACT_BACK)
            ctx_pop(cx);
        else if (ev.act == ACT_HELP)
            ctx_push(cx, screen_help_new(cx));
        else if (ev.act == ACT_TELEX)
            cx->telex = !cx->telex;
    }
    while (the_app.top) {
        tui_screen *s = the_app.top;
        the_app.top = s->below;
        s->destroy(s);
    }
    term_stop();
    db_close(db);
    return 0;
}
