/* screen-changed.c — the question a form asks when the record it edits was
 * changed in the file after the form read it (a CSV import, a package, another
 * office PC): each field that changed, with the stored value and the form's
 * (yours), then 1 keep yours, 2 take the stored version, 3 merge, Esc back to
 * the form. Nothing is saved until the user chooses. What follows every save
 * of a form screen (this question, or "Saved.") is here too: the form screen
 * hands its save's answer over (form_screen_after). */
#include "tui-screens.h"
#include "i18n.h"
#include "text.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room for the text of any field's value. */
#define VALUE_TEXT_MAX 8192

typedef struct {
    tui_screen base;
    form_screen *fs; /* the form below, whose save found the change */
    int top;         /* the first changed field shown */
    int sel;         /* the changed field whose whole values are shown below the table */
} changed_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_BACK, ACT_QUIT, ACT_NONE};

/* The answers, in the order of their keys 1, 2, 3. */
static const char *const ANSWERS[] = {
    N_("1  Keep yours (the stored values are replaced)"),
    N_("2  Take the stored version (your changes are dropped)"),
    N_("3  Merge: stored values, yours where you changed (*)"),
    N_("Esc  Back to the form; nothing saved"),
};
#define N_ANSWERS (int)(sizeof ANSWERS / sizeof ANSWERS[0])

/* How many changed fields fit between the header and the answers. */
static int rows_for_changes(void)
{
    int rows = LINES - 3 - 2 - N_ANSWERS; /* rows 1..LINES-3, less title, header, answers */
    return rows < 1 ? 1 : rows;
}

/* The widest label among the changed fields, at most a quarter of the screen. */
static int label_width(const form *f)
{
    int w = text_width(_("Field"));
    for (int k = 0; k < f->n_changes; k++) {
        int lw = text_width(_(f->fields[f->changes[k]].label));
        if (lw > w)
            w = lw;
    }
    return w < COLS / 4 ? w : COLS / 4;
}

/* One changed field: '*' when the user edited it, its label (highlighted
 * when selected), the stored value and yours, cut to their columns. */
static void draw_change(const form *f, int k, bool selected, int y, int lw, int vw)
{
    int i = f->changes[k];
    char stored[512], yours[512];
    form_value_text(f, i, f->stored, stored, sizeof stored);
    form_value_text(f, i, f->rec, yours, sizeof yours);
    mvaddch(y, 0, form_field_edited(f, i) ? '*' : ' ');
    draw_text(y, 2, _(f->fields[i].label), lw, theme_attr(selected ? TH_SELECTED : TH_LABEL));
    draw_text(y, 2 + lw + 2, stored, vw, A_NORMAL);
    draw_text(y, 2 + lw + 2 + vw + 2, yours, COLS - (2 + lw + 2 + vw + 2), A_NORMAL);
}

/* Draws text from row y on, wrapped at a space (or anywhere in a long word)
 * to cols columns from x, on at most max rows. Returns the rows used. */
static int draw_wrapped(int y, int x, const char *text, int cols, int max)
{
    int used = 0;
    while (*text && used < max) {
        size_t n = text_fit(text, cols), cut = n;
        if (text[n])
            while (cut > 0 && text[cut] != ' ')
                cut--;
        if (cut == 0)
            cut = n ? n : strlen(text);
        char part[1024];
        snprintf(part, sizeof part, "%.*s", (int)cut, text);
        draw_text(y + used++, x, part, cols, A_NORMAL);
        text += cut;
        while (*text == ' ')
            text++;
    }
    return used;
}

/* The whole stored value and yours of the selected field, in the rows from
 * y to last (those the table leaves free), when at least three are free. */
static void draw_detail(const changed_screen *c, int y, int last)
{
    const form *f = &c->fs->f;
    if (last - y + 1 < 3 || c->sel >= f->n_changes)
        return;
    int i = f->changes[c->sel];
    char value[VALUE_TEXT_MAX];
    draw_text(y++, 0, _(f->fields[i].label), COLS, A_BOLD);
    const char *heads[2] = {_("Stored now"), _("Yours")};
    const void *recs[2] = {f->stored, f->rec};
    int hw = text_width(heads[0]) > text_width(heads[1]) ? text_width(heads[0]) : text_width(heads[1]);
    for (int k = 0; k < 2 && y <= last; k++) {
        form_value_text(f, i, recs[k], value, sizeof value);
        draw_text(y, 2, heads[k], hw, theme_attr(TH_DIM));
        int rows = (last - y + 1) / (2 - k); /* leave yours a row at least */
        y += draw_wrapped(y, 2 + hw + 2, value, COLS - (2 + hw + 2), rows < 1 ? 1 : rows);
    }
}

/* The changed fields as a table (scrolled from top), the selected field's
 * whole values, then the answers. */
static void draw(tui_screen *s)
{
    tui_ctx *cx = s->cx;
    changed_screen *c = (changed_screen *)s;
    const form *f = &c->fs->f;
    draw_text(1, 0, _("This record changed in the file after the form opened it:"), COLS, A_BOLD);
    int lw = label_width(f);
    int vw = (COLS - 2 - lw - 4) / 2;
    draw_text(2, 2, _("Field"), lw, theme_attr(TH_DIM));
    draw_text(2, 2 + lw + 2, _("Stored now"), vw, theme_attr(TH_DIM));
    draw_text(2, 2 + lw + 2 + vw + 2, _("Yours"), COLS - (2 + lw + 2 + vw + 2), theme_attr(TH_DIM));
    int rows = rows_for_changes(), r = 0;
    for (; r < rows && c->top + r < f->n_changes; r++)
        draw_change(f, c->top + r, c->top + r == c->sel, 3 + r, lw, vw);
    if (c->top + rows < f->n_changes)
        draw_text(3 + rows - 1, 0, "v", 1, A_BOLD);
    draw_detail(c, 3 + r + 1, LINES - 3 - N_ANSWERS - 1);
    for (int a = 0; a < N_ANSWERS; a++)
        draw_text(LINES - 3 - N_ANSWERS + 1 + a, 0, _(ANSWERS[a]), COLS, a < 3 ? (int)A_NORMAL : theme_attr(TH_DIM));
    ctx_cursor(cx, -1, -1);
}

/* Closes the question and settles the form's record with choice. */
static bool choose(changed_screen *c, form_choice choice)
{
    tui_ctx *cx = c->base.cx;
    form_screen *fs = c->fs;
    ctx_pop(cx); /* the question; c is gone, the form is on top again */
    form_screen_after(fs, form_resolve(&fs->f, choice));
    return true;
}

/* 1, 2, 3 answer; Up and Down choose the field shown whole; Esc goes back to
 * the form. */
static bool key(tui_screen *s, const tui_event *ev)
{
    tui_ctx *cx = s->cx;
    changed_screen *c = (changed_screen *)s;
    if (!ev->is_key && ev->ch >= '1' && ev->ch <= '3' && ev->act == ACT_NONE)
        return choose(c, (form_choice)(ev->ch - '0'));
    if (ev->act == ACT_BACK) {
        ctx_pop(cx);
        ctx_message(cx, 1, "%s", _("Nothing was saved; F2 asks again."));
        return true;
    }
    int d = ev->is_key && ev->ch == KEY_DOWN ? 1 : ev->is_key && ev->ch == KEY_UP ? -1 : 0;
    if (d == 0 || c->sel + d < 0 || c->sel + d >= c->fs->f.n_changes)
        return d != 0;
    c->sel += d;
    int rows = rows_for_changes();
    if (c->sel < c->top)
        c->top = c->sel;
    if (c->sel >= c->top + rows)
        c->top = c->sel - rows + 1;
    return true;
}

static void destroy(tui_screen *s)
{
    free(s);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .destroy = destroy};

tui_screen *screen_changed_new(form_screen *fs)
{
    tui_ctx *cx = fs->base.cx;
    changed_screen *c = xcalloc(1, sizeof *c);
    tui_screen_init(&c->base, cx, &HOOKS, ACTIONS, N_("Changed meanwhile"));
    c->fs = fs;
    return &c->base;
}

void form_screen_after(form_screen *fs, int r)
{
    tui_ctx *cx = fs->base.cx;
    if (r == FORM_CHANGED) {
        ctx_push(cx, screen_changed_new(fs));
    } else if (r == 1) {
        ctx_message(cx, 0, "%s", _("Saved."));
        if (fs->saved)
            fs->saved(fs);
        else
            ctx_pop(cx);
    }
}
