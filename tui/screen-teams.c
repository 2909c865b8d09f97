/* screen-teams.c — the list of teams (filter by level and area) and the team
 * form, which lists the team's members and adds one in place (F4). */
#include "tui-screens.h"
#include "tui-columns.h"
#include "records.h"
#include "validate.h"

#include <stdio.h>
#include <curses.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Teams after or before a row, with the list screen's filter. */
static int page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    tui_ctx *cx = list_screen_ctx(l);
    list_screen *ls = l->ctx;
    list_pos p;
    const team_rec *r = from;
    if (r)
        rec_pos(r->sort_key, r->uuid, &p);
    return team_page(cx->db, &ls->flt, r ? &p : NULL, dir, limit, rows, e);
}

/* The team list's columns: the name takes what the others leave, at least 20 cells. */
static const list_column COLUMNS[] = {
    {N_("Team"), 0}, {N_("Level"), 16}, {N_("Area"), 20}, {N_("Members"), 10},
};
static const list_layout LAYOUT = {COLUMNS, 4, 0, 1, 20};

/* One team: name, level, area, number of members. */
static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    tui_ctx *cx = list_screen_ctx(l);
    const team_rec *r = row;
    char count[16];
    snprintf(count, sizeof count, "%d", r->n_members);
    const char *t[] = {r->name, choice_label(CHOICES_TEAM_LEVEL, r->level), r->area_name, count};
    list_layout_row_in(cx->db, &LAYOUT, out, n, cols, t, "team", r->uuid);
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    tui_ctx *cx = list_screen_ctx(l);
    list_layout_header_in(cx->db, &LAYOUT, out, n, cols);
}

static const list_source SRC = {sizeof(team_rec), page, format, header, NULL, NULL};

/* ---- the team's members below its form ---- */
static int sub_page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    form_screen *fs = l->ctx;
    tui_ctx *cx = fs->base.cx;
    const team_rec *t = fs->rec;
    list_filter flt;
    memset(&flt, 0, sizeof flt);
    flt.team_uuid = t->uuid;
    list_pos p;
    const member_rec *r = from;
    if (r)
        rec_pos(r->sort_key, r->uuid, &p);
    return member_page(cx->db, &flt, r ? &p : NULL, dir, limit, rows, e);
}

/* The columns of the team's members (shown without a header). */
static const list_column SUB_COLUMNS[] = {
    {N_("Full name"), 32}, {N_("Born"), 12}, {N_("Phone"), 12}, {N_("Joined the team on"), 0}};
static const list_layout SUB_LAYOUT = {SUB_COLUMNS, 4, -1, 1, 0};

/* One member of the team: name, birth date, phone, the day they joined it. */
static void sub_format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    form_screen *fs = l->ctx;
    tui_ctx *cx = fs->base.cx;
    const team_rec *team = fs->rec;
    const member_rec *r = row;
    char birth[11], iso[11], day[11], joined[64] = "";
    date_to_display(r->birth, birth);
    if (membership_start_in(cx->db, r->uuid, team->uuid, NULL, iso) && iso[0]) {
        date_to_display(iso, day);
        snprintf(joined, sizeof joined, _("joined %s"), day);
    }
    const char *t[] = {r->full_name, birth, r->phone, joined};
    list_layout_row(&SUB_LAYOUT, out, n, cols, t);
}

static const list_source SUB_SRC = {sizeof(member_rec), sub_page, sub_format, NULL, NULL, NULL};

/* The record checks of a team. */
static void check(form *f, findings *fs)
{
    tui_ctx *cx = form_screen_ctx(f);
    team_check(cx->db, f->rec, fs);
}

/* Saves the team with its audit entry, if the file still holds it as the form
 * read it (REC_CHANGED otherwise). */
static int save(form *f, int accept, findings *fs, cdtt_err *e)
{
    tui_ctx *cx = form_screen_ctx(f);
    rec_changes c;
    return team_save_since(cx->db, f->rec, f->base, f->stored, &c, accept, fs, e);
}

/* Reads the areas again: the stored team may be in an area made meanwhile. */
static void reread_choices(form *f)
{
    tui_ctx *cx = form_screen_ctx(f);
    form_screen *fs = f->ctx;
    choices_free(fs->dyn1);
    fs->dyn1 = choices_areas(cx->db, _("— none (commune level) —"));
    form_set_choices(f, "area_uuid", fs->dyn1);
}

/* A new team stays open after saving, so that members can be added at once. */
static void saved(form_screen *fs)
{
    tui_ctx *cx = fs->base.cx;
    fs->is_new = false;
    snprintf(fs->base.title, sizeof fs->base.title, "%s", N_("Team"));
    fs->sub.stale = true;
    ctx_message(cx, 0, "%s", _("Saved. F4 (Ctrl-N) adds a member to this team."));
}

/* F4 adds a member to the (saved) team; Enter opens the member selected below. */
static bool more_key(form_screen *fs, const tui_event *ev)
{
    tui_ctx *cx = fs->base.cx;
    const team_rec *t = fs->rec;
    if (ev->act == ACT_NEW) {
        if (!t->uuid[0]) {
            ctx_message(cx, 1, "%s", _("Save the team first (F2 or Ctrl-S), then add its members."));
            return true;
        }
        tui_screen *m = member_form_open(cx, NULL, t->uuid);
        if (m)
            ctx_push(cx, m);
        return true;
    }
    bool enter = keys_enter(ev);
    if (fs->sub_focus && enter) {
        const member_rec *r = list_selected(&fs->sub);
        tui_screen *m = r ? member_form_open(cx, r->uuid, NULL) : NULL;
        if (m)
            ctx_push(cx, m);
        return true;
    }
    return false;
}

/* A team's level follows the area picked, until the user picks a level: no
 * area → commune level; a tổ dân phố → "Tổ dân phố"; a thôn → "Thôn, bản, ấp". */
static void picked(form *f, int i)
{
    tui_ctx *cx = form_screen_ctx(f);
    int area = form_field_index(f, "area_uuid"), level = form_field_index(f, "level");
    if (i != area || level < 0 || f->touched[level])
        return;
    const choice *l = f->dyn[area];
    const char *uuid = l && f->sel[area] >= 0 ? l[f->sel[area]].code : "";
    area_rec a;
    if (!uuid[0])
        form_set_choice(f, "level", "commune");
    else if (area_get(cx->db, uuid, &a) == 0)
        form_set_choice(f, "level", team_level_for_area_kind(a.kind));
}

tui_screen *team_form_open(tui_ctx *cx, const char *uuid)
{
    team_rec *r = xcalloc(1, sizeof *r);
    team_init(r);
    if (!uuid)
        snprintf(r->level, sizeof r->level, "commune"); /* no area chosen yet */
    if (uuid && team_get(cx->db, uuid, r) < 0) {
        free(r);
        return NULL;
    }
    form_screen *fs = form_screen_new(cx, uuid ? N_("Team") : N_("New team"), team_form_fields(), r, !uuid, check, save);
    title_with_commune(cx->db, fs->base.title, sizeof fs->base.title, "team", uuid);
    fs->dyn1 = choices_areas(cx->db, _("— none (commune level) —"));
    form_set_choices(&fs->f, "area_uuid", fs->dyn1);
    form_load(&fs->f);
    form_track(&fs->f, sizeof *r);
    fs->f.reread_choices = reread_choices;
    fs->f.picked = picked;
    fs->has_sub = true;
    snprintf(fs->sub_title, sizeof fs->sub_title, "%s", _("Members of the team (F4 adds one):"));
    list_init(&fs->sub, &SUB_SRC, fs, &cx->report);
    fs->saved = saved;
    fs->more_key = more_key;
    form_screen_sub_actions(fs);
    form_screen_history(fs, uuid);
    return &fs->base;
}

static tui_screen *open_form(list_screen *ls, const char *uuid)
{
    tui_ctx *cx = ls->base.cx;
    return team_form_open(cx, uuid);
}

/* ---- the filter form: level and area ---- */
typedef struct {
    char level[16];
    char area_uuid[UUID_LEN];
} team_filter;

FIELD_STR(team_filter, level, level)
FIELD_STR(team_filter, area_uuid, area_uuid)

static const form_field FILTER_FIELDS[] = {
    {N_("Level"), "level", FK_CHOICE, 30, CHOICES_TEAM_LEVEL, false, ACCESS(level), NULL},
    {N_("Area"), "area_uuid", FK_CHOICE, 40, NULL, false, ACCESS(area_uuid), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

/* Applies the filter form to the list screen. */
static int filter_save(form *f, int accept, findings *fs, cdtt_err *e)
{
    (void)accept, (void)fs, (void)e;
    form_screen *s = f->ctx;
    list_screen *ls = s->extra;
    const team_filter *tf = f->rec;
    snprintf(ls->level, sizeof ls->level, "%s", tf->level);
    snprintf(ls->area_uuid, sizeof ls->area_uuid, "%s", tf->area_uuid);
    ls->filter_label[0] = 0;
    if (tf->level[0] || tf->area_uuid[0])
        snprintf(ls->filter_label, sizeof ls->filter_label, "%s%s%s%s", _("Filter: "),
                 tf->level[0] ? choice_label(CHOICES_TEAM_LEVEL, tf->level) : "",
                 tf->level[0] && tf->area_uuid[0] ? ", " : "",
                 tf->area_uuid[0] ? choice_label(s->dyn1, tf->area_uuid) : "");
    list_screen_apply(ls);
    return 0;
}

/* Applying a filter closes its form without a "Saved" message. */
static void filter_done(form_screen *fs)
{
    tui_ctx *cx = fs->base.cx;
    ctx_message(cx, 0, "%s", "");
    ctx_pop(cx);
}

/* Opens the filter form over the list screen's current filter. */
static void filter_open(list_screen *ls)
{
    tui_ctx *cx = ls->base.cx;
    team_filter *tf = xcalloc(1, sizeof *tf);
    snprintf(tf->level, sizeof tf->level, "%s", ls->level);
    snprintf(tf->area_uuid, sizeof tf->area_uuid, "%s", ls->area_uuid);
    form_screen *fs = form_screen_new(cx, N_("Filter teams (— = all; F2 applies)"), FILTER_FIELDS, tf, false, NULL,
                                      filter_save);
    fs->extra = ls;
    fs->saved = filter_done;
    fs->dyn1 = choices_areas(cx->db, NULL);
    form_set_choices(&fs->f, "area_uuid", fs->dyn1);
    form_load(&fs->f);
    ctx_push(cx, &fs->base);
}

const rec_kind KIND_TEAMS = {N_("Digital technology teams"), "team", &SRC, open_form, filter_open};

tui_screen *screen_teams_new(tui_ctx *cx)
{
    return list_screen_new(cx, &KIND_TEAMS, NULL);
}
