/* screen-training.c — the training menu and the forms it opens: whom a bulk
 * checklist shows, a new session (then its attendance), a team's activity. */
#include "tui-training.h"
#include "tui-training-forms.h"
#include "tui-screens.h"
#include "validate.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- whom a MOOC / Zalo checklist shows ---- */

typedef struct {
    checklist_kind kind;
    choice *areas;
} pick_extra;

/* Nothing to save: the checklist does the work. */
static int pick_save(form *f, int accept, findings *fs, cdtt_err *e)
{
    (void)f, (void)accept, (void)fs, (void)e;
    return 0;
}

/* What the checklist is of: the team's or area's name, or "all members". */
static void pick_label(const choice *teams, const choice *areas, const char *team, const char *area, char *out,
                       size_t n)
{
    if (team[0])
        snprintf(out, n, "%s", choice_label(teams, team));
    else if (area[0])
        snprintf(out, n, "%s", choice_label(areas, area));
    else
        snprintf(out, n, "%s", _("all members"));
}

/* Replaces the form by the checklist it chose. */
static void pick_done(form_screen *fs)
{
    tui_ctx *cx = fs->base.cx;
    pick_extra *x = fs->extra;
    const checklist_pick *p = fs->rec;
    char label[256];
    pick_label(fs->dyn1, x->areas, p->team_uuid, p->area_uuid, label, sizeof label);
    tui_screen *c = screen_checklist_new(cx, x->kind, p->team_uuid, p->area_uuid, p->date, NULL, label);
    ctx_message(cx, 0, "%s", "");
    ctx_pop(cx);
    if (c)
        ctx_push(cx, c);
}

static void pick_free(form_screen *fs)
{
    pick_extra *x = fs->extra;
    choices_free(x->areas);
    free(x);
}

/* Sets the team and area choice lists of a form (the screen frees them). */
static choice *set_team_area_choices(form_screen *fs)
{
    tui_ctx *cx = fs->base.cx;
    fs->dyn1 = choices_teams(cx->db, NULL);
    choice *areas = choices_areas(cx->db, NULL);
    form_set_choices(&fs->f, "team_uuid", fs->dyn1);
    form_set_choices(&fs->f, "area_uuid", areas);
    return areas;
}

static tui_screen *open_pick(tui_ctx *cx, checklist_kind kind)
{
    checklist_pick *p = xcalloc(1, sizeof *p);
    date_today(p->date);
    form_screen *fs = form_screen_new(cx, kind == CHECK_MOOC ? _("MOOC course completed: whose list (F2 opens it)")
                                                         : _("Zalo OA followed: whose list (F2 opens it)"),
                                      CHECKLIST_PICK_FIELDS, p, false, NULL, pick_save);
    pick_extra *x = xcalloc(1, sizeof *x);
    x->kind = kind;
    fs->extra = x;
    fs->free_extra = pick_free;
    fs->saved = pick_done;
    x->areas = set_team_area_choices(fs);
    form_load(&fs->f);
    return &fs->base;
}

static tui_screen *open_mooc(tui_ctx *cx)
{
    return open_pick(cx, CHECK_MOOC);
}

/* The MOOC platform's list of who finished the course, checked then marked. */
static tui_screen *open_mooc_list(tui_ctx *cx)
{
    return screen_training_import_new(cx, NULL);
}

static tui_screen *open_zalo(tui_ctx *cx)
{
    return open_pick(cx, CHECK_ZALO);
}

/* ---- a new session, then its attendance ---- */

static int session_save(form *f, int accept, findings *fs, cdtt_err *e)
{
    tui_ctx *cx = form_screen_ctx(f);
    (void)accept, (void)fs;
    session_entry *s = f->rec;
    return training_session_add(cx->db, &s->s, s->uuid, e);
}

static void session_done(form_screen *fs)
{
    tui_ctx *cx = fs->base.cx;
    const session_entry *s = fs->rec;
    char label[512], d[11];
    date_to_display(s->s.date, d);
    snprintf(label, sizeof label, "%s %s", s->s.topic, s->s.organiser);
    tui_screen *c = screen_checklist_new(cx, CHECK_ATTEND, s->team_uuid, s->area_uuid, s->s.date, s->uuid, label);
    ctx_message(cx, 0, "%s", _("Session saved. Tick who attended."));
    ctx_pop(cx);
    if (c)
        ctx_push(cx, c);
}

static void free_choices_extra(form_screen *fs)
{
    choices_free(fs->extra);
}

tui_screen *session_form_new(tui_ctx *cx)
{
    session_entry *s = xcalloc(1, sizeof *s);
    date_today(s->s.date);
    form_screen *fs = form_screen_new(cx, N_("New training session"), SESSION_FIELDS, s, true, NULL, session_save);
    fs->saved = session_done;
    fs->extra = set_team_area_choices(fs);
    fs->free_extra = free_choices_extra;
    form_load(&fs->f);
    return &fs->base;
}

/* ---- a team's activity ---- */

static int activity_save(form *f, int accept, findings *fs, cdtt_err *e)
{
    tui_ctx *cx = form_screen_ctx(f);
    (void)accept, (void)fs;
    const activity_rec *a = f->rec;
    if (!a->team_uuid[0])
        return err_set(e, "%s", _("Choose the team."));
    char uuid[37];
    return activity_add(cx->db, a, uuid, e);
}

static tui_screen *open_activity(tui_ctx *cx)
{
    activity_rec *a = xcalloc(1, sizeof *a);
    date_today(a->date);
    snprintf(a->type, sizeof a->type, "outreach");
    form_screen *fs = form_screen_new(cx, N_("New activity of a team (counts only)"), ACTIVITY_FIELDS, a, true, NULL,
                                      activity_save);
    fs->dyn1 = choices_teams(cx->db, NULL);
    form_set_choices(&fs->f, "team_uuid", fs->dyn1);
    if (fs->dyn1[0].code && fs->dyn1[1].code) /* the first team, after "—" */
        snprintf(a->team_uuid, sizeof a->team_uuid, "%s", fs->dyn1[1].code);
    form_load(&fs->f);
    return &fs->base;
}

/* ---- the menu ---- */

typedef struct {
    const char *label;        /* N_() */
    tui_screen *(*open)(tui_ctx *cx);
} training_item;

static const training_item ITEMS[] = {
    {N_("Progress against the targets"), screen_training_progress_new},
    {N_("MOOC course completed: tick members"), open_mooc},
    {N_("Zalo OA followed: tick members"), open_zalo},
    {N_("New training session and its attendance"), session_form_new},
    {N_("Training sessions (attendance)"), screen_sessions_new},
    {N_("New activity of a team"), open_activity},
    {N_("Import the list of who completed the MOOC course from Excel"), open_mooc_list},
};
#define N_ITEMS (int)(sizeof ITEMS / sizeof ITEMS[0])

typedef struct {
    tui_screen base;
    list_view list;
} training_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_BACK, ACT_QUIT, ACT_NONE};

static int page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    (void)l, (void)e;
    return list_index_page(N_ITEMS, from, dir, limit, rows);
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    (void)l, (void)cols;
    int i = *(const int *)row;
    snprintf(out, n, " %d  %s", i + 1, _(ITEMS[i].label));
}

static const list_source SRC = {sizeof(int), page, format, NULL, NULL, NULL};

static void draw(tui_screen *s)
{
    tui_ctx *cx = s->cx;
    training_screen *t = (training_screen *)s;
    list_draw(&t->list, 2, N_ITEMS, true);
    draw_text(3 + N_ITEMS, 2, _("Arrows or a number choose, Enter opens."), COLS - 4, A_NORMAL);
    ctx_cursor(cx, -1, -1);
}

static void open_item(tui_ctx *cx, int i)
{
    tui_screen *s = ITEMS[i].open(cx);
    if (s)
        ctx_push(cx, s);
}

static bool key(tui_screen *s, const tui_event *ev)
{
    tui_ctx *cx = s->cx;
    training_screen *t = (training_screen *)s;
    if (!ev->is_key && ev->ch >= '1' && ev->ch < (wint_t)('1' + N_ITEMS)) {
        open_item(cx, (int)(ev->ch - '1'));
        return true;
    }
    const int *sel = list_selected(&t->list);
    if (sel && keys_enter(ev)) {
        open_item(cx, *sel);
        return true;
    }
    return ev->act == ACT_NONE && list_key(&t->list, ev);
}

static void destroy(tui_screen *s)
{
    training_screen *t = (training_screen *)s;
    list_free(&t->list);
    free(t);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .destroy = destroy};

tui_screen *screen_training_new(tui_ctx *cx)
{
    training_screen *t = xcalloc(1, sizeof *t);
    tui_screen_init(&t->base, cx, &HOOKS, ACTIONS, N_("Training"));
    list_init(&t->list, &SRC, t, &cx->report);
    return &t->base;
}
