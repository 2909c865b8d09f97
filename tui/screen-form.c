/* screen-form.c — the screen around a form: draws it (and an optional list
 * below it, such as a team's members), saves, asks before dropping changes. */
#include "tui-screens.h"

#include <stdio.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

static const tui_action FORM_ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_TELEX, ACT_BACK, ACT_NONE};
static const tui_action FORM_SUB_ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_NEW, ACT_TELEX, ACT_BACK, ACT_NONE};
static const tui_action FORM_EDIT_ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_TELEX, ACT_HISTORY, ACT_BACK, ACT_NONE};
static const tui_action FORM_EDIT_SUB_ACTIONS[] = {ACT_HELP,    ACT_SAVE, ACT_NEW, ACT_TELEX,
                                                   ACT_HISTORY, ACT_BACK, ACT_NONE};

/* The form on top, the optional list below it. */
static void draw(tui_screen *s)
{
    tui_ctx *cx = s->cx;
    form_screen *fs = (form_screen *)s;
    int avail = LINES - 4; /* rows 1 .. LINES-3 */
    int frows = avail;
    if (fs->has_sub) {
        frows = fs->f.n < avail / 2 ? fs->f.n : avail / 2;
        int sy = 1 + frows + 1;
        draw_text(sy - 1, 0, fs->sub_title, COLS, A_BOLD);
        list_draw(&fs->sub, sy, LINES - 2 - sy, fs->sub_focus);
    }
    form_draw(&fs->f, 1, frows);
    if (fs->sub_focus)
        ctx_cursor(cx, -1, -1);
    s->text_input = !fs->sub_focus && form_text_focus(&fs->f);
}

/* Keys for the list below the form; Up on its first row returns to the form. */
static bool sub_key(form_screen *fs, const tui_event *ev)
{
    if (ev->is_key && ev->ch == KEY_UP && fs->sub.sel == 0) {
        fs->sub_focus = false;
        return true;
    }
    if (ev->act == ACT_NONE && list_key(&fs->sub, ev))
        return true;
    return false;
}

/* Field keys go to the form; a save closes it (or calls saved); leaving a
 * changed form asks first. */
static bool key(tui_screen *s, const tui_event *ev)
{
    tui_ctx *cx = s->cx;
    form_screen *fs = (form_screen *)s;
    if (fs->sub_focus && sub_key(fs, ev))
        return true;
    if (!fs->sub_focus) {
        tui_nav nav = keys_nav(ev);
        bool down = nav == NAV_DOWN || nav == NAV_TAB;
        if (down && fs->has_sub && fs->f.cur == fs->f.n - 1 && fs->sub.n > 0) {
            fs->sub_focus = true;
            return true;
        }
        int r = form_key(&fs->f, ev, cx->telex, ctx_telex_style(cx));
        if (r == 1 || r == FORM_CHANGED) {
            form_screen_after(fs, r);
            return true;
        }
        if (r == 0)
            return true;
    }
    if (fs->more_key && fs->more_key(fs, ev))
        return true;
    if (ev->act == ACT_HISTORY && fs->history_uuid[0]) {
        ctx_push(cx, screen_history_new(cx, fs->history_uuid));
        return true;
    }
    if (ev->act == ACT_BACK && fs->f.dirty && !ctx_confirm(cx, _("Leave without saving the changes?")))
        return true;
    if (ev->act == ACT_BACK)
        ctx_message(cx, 0, "%s", "");
    return false;
}

static bool unsaved(tui_screen *s)
{
    return ((form_screen *)s)->f.dirty;
}

static void resume(tui_screen *s)
{
    form_screen *fs = (form_screen *)s;
    if (fs->has_sub)
        fs->sub.stale = true;
}

static void destroy(tui_screen *s)
{
    form_screen *fs = (form_screen *)s;
    if (fs->free_extra)
        fs->free_extra(fs);
    if (fs->has_sub)
        list_free(&fs->sub);
    choices_free(fs->dyn1);
    form_free(&fs->f);
    free(fs->rec);
    free(fs);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .resume = resume, .destroy = destroy};

form_screen *form_screen_new(tui_ctx *cx, const char *title, const form_field *fields, void *rec, bool is_new,
                             form_check_fn check, form_save_fn save)
{
    form_screen *fs = xcalloc(1, sizeof *fs);
    tui_screen_init(&fs->base, cx, &HOOKS, FORM_ACTIONS, title);
    fs->base.unsaved = unsaved;
    fs->rec = rec;
    fs->is_new = is_new;
    form_open(&fs->f, fields, rec, check, save, fs, &cx->report);
    return fs;
}

tui_ctx *form_screen_ctx(const form *f)
{
    return ((const form_screen *)f->ctx)->base.cx;
}

void form_screen_sub_actions(form_screen *fs)
{
    fs->base.actions = fs->history_uuid[0] ? FORM_EDIT_SUB_ACTIONS : FORM_SUB_ACTIONS;
}

void form_screen_history(form_screen *fs, const char *uuid)
{
    snprintf(fs->history_uuid, sizeof fs->history_uuid, "%s", uuid ? uuid : "");
    if (!fs->history_uuid[0])
        return;
    fs->base.actions = fs->base.actions == FORM_SUB_ACTIONS ? FORM_EDIT_SUB_ACTIONS : FORM_EDIT_ACTIONS;
}
