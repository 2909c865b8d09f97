/* screen-progress.c — the commune's progress against the plan's three targets:
 * one bar per indicator for the selected row (the commune first), the villages
 * below; m, z, p open the list of who is still missing MOOC, Zalo, in person. */
#include "tui-core.h"
#include "progress.h"
#include "i18n.h"
#include "text.h"
#include "validate.h"

#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    tui_screen base;
    progress_table t;
    int sel;   /* 0 = the whole commune, i + 1 = row i */
    int top;   /* first village row shown */
    bool ascii;
} progress_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_BACK, ACT_NONE};

static const progress_row *selected(const progress_screen *p)
{
    return p->sel == 0 ? &p->t.total : &p->t.rows[p->sel - 1];
}

/* Recomputes the figures as of today. */
static void reload(progress_screen *p)
{
    char today[11];
    cdtt_err e;
    date_today(today);
    progress_free(&p->t);
    if (progress_compute(app()->db, app()->cfg, PROGRESS_BY_AREA, today, &p->t, &e) < 0)
        app_message(2, "%s", e.msg);
    if (p->sel > p->t.n_rows)
        p->sel = 0;
}

/* One indicator on two lines: label, bar and percentage; then the target, the
 * deadline and the mark of what is behind schedule. */
static void draw_bar(progress_screen *p, int y, enum target_indicator ind, const char *label)
{
    long part, whole;
    const progress_row *r = selected(p);
    progress_fraction(r, ind, &part, &whole);
    double pct = progress_percent(part, whole);
    progress_status st = progress_status_of(&p->t.targets[ind], part, whole, p->t.as_of);
    int bar_w = COLS - 40 > 10 ? COLS - 40 : 10;
    int filled = pct < 0 ? 0 : (int)(pct * bar_w / 100.0 + 0.5);
    draw_text(y, 2, label, 27, A_BOLD);
    for (int i = 0; i < bar_w; i++)
        draw_text(y, 30 + i, i < filled ? (p->ascii ? "#" : "█") : (p->ascii ? "." : "░"), 1,
                  i < filled ? theme_attr(st == PSTATUS_BEHIND ? TH_ERROR : TH_NORMAL) : theme_attr(TH_DIM));
    char deadline[11], line[128];
    date_to_display(p->t.targets[ind].deadline, deadline);
    if (pct < 0)
        snprintf(line, sizeof line, "   -   ");
    else
        snprintf(line, sizeof line, "%5.1f%% ", pct);
    if (strcmp(i18n_lang(), "vi") == 0 && strchr(line, '.'))
        *strchr(line, '.') = ',';
    draw_text(y, 31 + bar_w, line, 8, A_BOLD);
    snprintf(line, sizeof line, _("target %g%% by %s"), p->t.targets[ind].percent, deadline);
    int x = 30 + draw_text(y + 1, 30, line, COLS - 31, A_NORMAL) + 2;
    const char *mark = st == PSTATUS_BEHIND ? _("BEHIND SCHEDULE") : st == PSTATUS_AT_RISK ? _("at risk") : "";
    if (*mark && x < COLS)
        draw_text(y + 1, x, mark, COLS - x, theme_attr(st == PSTATUS_BEHIND ? TH_ERROR : TH_WARN) | A_BOLD);
}

static void draw(tui_screen *s)
{
    progress_screen *p = (progress_screen *)s;
    char as_of[11], line[512];
    date_to_display(p->t.as_of, as_of);
    const progress_row *r = selected(p);
    snprintf(line, sizeof line, _("%s (%s): %ld teams, %ld members, %ld activities this month"),
             p->sel == 0 ? _("Whole commune") : r->name, as_of, r->teams, r->members, r->activities);
    draw_text(2, 2, line, COLS - 4, A_BOLD);
    draw_bar(p, 4, TARGET_MOOC, _("Online course (MOOC)"));
    draw_bar(p, 6, TARGET_ZALO, _("Following the Zalo OA"));
    draw_bar(p, 8, TARGET_INPERSON, _("Teams trained in person"));
    draw_text(10, 2, _("m, z, p: who is still missing MOOC, Zalo, in-person training. Up/Down: choose a row."),
              COLS - 4, theme_attr(TH_DIM));
    int y0 = 12, rows = LINES - 2 - y0;
    if (p->sel - 1 < p->top && p->sel > 0)
        p->top = p->sel - 1;
    if (p->sel - 1 >= p->top + rows - 1)
        p->top = p->sel - rows + 1;
    for (int i = -1; i < p->t.n_rows && y0 < LINES - 2; i++) {
        if (i >= 0 && i < p->top)
            continue;
        const progress_row *q = i < 0 ? &p->t.total : &p->t.rows[i];
        char pct[3][16];
        for (int k = 0; k < TARGET_COUNT; k++) {
            long part, whole;
            progress_fraction(q, (enum target_indicator)k, &part, &whole);
            double v = progress_percent(part, whole);
            progress_status st = progress_status_of(&p->t.targets[k], part, whole, p->t.as_of);
            if (v < 0)
                snprintf(pct[k], sizeof pct[k], "-");
            else
                snprintf(pct[k], sizeof pct[k], "%.0f%%%s", v, st == PSTATUS_BEHIND ? "!" : st == PSTATUS_AT_RISK ? "~" : "");
        }
        int attr = (i + 1 == p->sel) ? theme_attr(TH_SELECTED) : (int)A_NORMAL;
        draw_fill(y0, 2, COLS - 4, attr);
        draw_text(y0, 2, i < 0 ? _("Whole commune") : q->name, 22, attr);
        snprintf(line, sizeof line, "%3ld %5ld  MOOC %-5s Zalo %-5s %s %s", q->teams, q->members, pct[0], pct[1],
                 report_tr(RN_("In person")), pct[2]);
        draw_text(y0, 25, line, COLS - 27, attr);
        y0++;
    }
}

/* The missing list of ind for the selected row, as a scrolled text screen. */
typedef struct {
    tui_screen base;
    char **lines;
    int n, top;
} text_screen;

static void text_draw(tui_screen *s)
{
    text_screen *t = (text_screen *)s;
    for (int i = t->top, y = 2; i < t->n && y < LINES - 2; i++, y++)
        draw_text(y, 1, t->lines[i], COLS - 2, A_NORMAL);
}

static bool text_key(tui_screen *s, const tui_event *ev)
{
    text_screen *t = (text_screen *)s;
    int page = LINES - 5 > 1 ? LINES - 5 : 1;
    if (ev->is_key && (ev->ch == KEY_DOWN || ev->ch == KEY_NPAGE)) {
        t->top += ev->ch == KEY_NPAGE ? page : 1;
        if (t->top > t->n - 1)
            t->top = t->n > 0 ? t->n - 1 : 0;
        return true;
    }
    if (ev->is_key && (ev->ch == KEY_UP || ev->ch == KEY_PPAGE)) {
        t->top -= ev->ch == KEY_PPAGE ? page : 1;
        if (t->top < 0)
            t->top = 0;
        return true;
    }
    return false;
}

static void text_destroy(tui_screen *s)
{
    text_screen *t = (text_screen *)s;
    for (int i = 0; i < t->n; i++)
        free(t->lines[i]);
    free(t->lines);
    free(t);
}

static void open_missing(progress_screen *p, enum target_indicator ind)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cdtt_err e;
    const char *area = p->sel == 0 ? NULL : p->t.rows[p->sel - 1].key;
    long n = report_missing(f, app()->db, app()->cfg, ind, p->t.as_of, area, REPORT_TEXT, &e);
    fclose(f);
    if (n < 0) {
        app_message(2, "%s", e.msg);
        free(buf);
        return;
    }
    text_screen *t = xcalloc(1, sizeof *t);
    for (char *save = NULL, *l = strtok_r(buf, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        t->lines = xrealloc(t->lines, (size_t)(t->n + 1) * sizeof *t->lines);
        t->lines[t->n++] = xstrdup(l);
    }
    free(buf);
    t->base.draw = text_draw;
    t->base.key = text_key;
    t->base.destroy = text_destroy;
    t->base.actions = ACTIONS;
    snprintf(t->base.title, sizeof t->base.title, "%s", p->sel == 0 ? _("Whole commune") : p->t.rows[p->sel - 1].name);
    app_message(0, "%s", _("The same list: cdtt missing mooc|zalo|inperson [--area NAME] [--format csv]"));
    app_push(&t->base);
}

static bool key(tui_screen *s, const tui_event *ev)
{
    progress_screen *p = (progress_screen *)s;
    if (ev->is_key && ev->ch == KEY_DOWN && p->sel < p->t.n_rows) {
        p->sel++;
        return true;
    }
    if (ev->is_key && ev->ch == KEY_UP && p->sel > 0) {
        p->sel--;
        return true;
    }
    if (!ev->is_key && (ev->ch == 'm' || ev->ch == 'z' || ev->ch == 'p')) {
        open_missing(p, ev->ch == 'm' ? TARGET_MOOC : ev->ch == 'z' ? TARGET_ZALO : TARGET_INPERSON);
        return true;
    }
    return false;
}

static void resume(tui_screen *s)
{
    reload((progress_screen *)s);
}

static void destroy(tui_screen *s)
{
    progress_screen *p = (progress_screen *)s;
    progress_free(&p->t);
    free(p);
}

tui_screen *screen_progress_new(void)
{
    progress_screen *p = xcalloc(1, sizeof *p);
    p->base.draw = draw;
    p->base.key = key;
    p->base.resume = resume;
    p->base.destroy = destroy;
    p->base.actions = ACTIONS;
    /* Block characters need colours and UTF-8; '#' and '.' otherwise. */
    p->ascii = !has_colors() || strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
    snprintf(p->base.title, sizeof p->base.title, "%s", _("Training progress"));
    reload(p);
    return &p->base;
}
