/* screen-members.c — the list of members (filter by team, area, category,
 * role) and the member form, which also puts the member in a team with a role. */
#include "tui-screens.h"
#include "tui-columns.h"
#include "records.h"
#include "db.h"
#include "validate.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Members after or before a row, with the list screen's filter. */
static int page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    tui_ctx *cx = list_screen_ctx(l);
    list_screen *ls = l->ctx;
    list_pos p;
    const member_rec *r = from;
    if (r)
        rec_pos(r->sort_key, r->uuid, &p);
    return member_page(cx->db, &ls->flt, r ? &p : NULL, dir, limit, rows, e);
}

/* The member list's columns: the name gets half of what the birth date,
 * phone and role leave, at least 24 cells; the teams take the rest. */
static const list_column COLUMNS[] = {
    {N_("Full name"), 0}, {N_("Born"), 11}, {N_("Phone"), 11}, {N_("Role"), 11}, {N_("In teams"), 0},
};
static const list_layout LAYOUT = {COLUMNS, 5, 0, 2, 24};

/* The labels of a member's roles (codes "leader,member") into out. */
static void role_labels(const char *codes, char *out, size_t n)
{
    char copy[64];
    size_t len = 0;
    snprintf(copy, sizeof copy, "%s", codes);
    out[0] = 0;
    for (char *save = NULL, *c = strtok_r(copy, ",", &save); c && len < n; c = strtok_r(NULL, ",", &save))
        len += (size_t)snprintf(out + len, n - len, "%s%s", len ? ", " : "", choice_label(CHOICES_ROLE, c));
}

/* One member: name, birth date, phone, role, teams. */
static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    tui_ctx *cx = list_screen_ctx(l);
    const member_rec *r = row;
    char birth[11], roles[128];
    date_to_display(r->birth, birth);
    role_labels(r->team_roles, roles, sizeof roles);
    const char *t[] = {r->full_name, birth, r->phone, roles, r->team_names};
    list_layout_row_in(cx->db, &LAYOUT, out, n, cols, t, "member", r->uuid);
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    tui_ctx *cx = list_screen_ctx(l);
    list_layout_header_in(cx->db, &LAYOUT, out, n, cols);
}

static const list_source SRC = {sizeof(member_rec), page, format, header, NULL, NULL};

/* The form's place in a team as an edit of the place read. */
static void place_edit(const member_entry *me, member_place_edit *p)
{
    snprintf(p->team_uuid, sizeof p->team_uuid, "%s", me->team_uuid);
    snprintf(p->role, sizeof p->role, "%s", me->role);
    snprintf(p->since, sizeof p->since, "%s", me->since);
    snprintf(p->left, sizeof p->left, "%s", me->left);
}

/* The member's record checks, and those of its place (member_place_check). */
static void check(form *f, findings *fs)
{
    tui_ctx *cx = form_screen_ctx(f);
    member_entry *me = f->rec;
    const member_entry *read = f->base;
    member_check(cx->db, &me->m, fs);
    if (read) {
        member_place_edit p;
        place_edit(me, &p);
        member_place_check(cx->db, me->m.uuid, &read->place, &p, fs);
    }
}

/* Makes the form's team, role and dates those of the member's place now
 * (after a save: a member who left a team shows no team). */
static void show_place(sqlite3 *db, member_entry *me)
{
    member_place_get(db, me->m.uuid, &me->place);
    snprintf(me->team_uuid, sizeof me->team_uuid, "%s", me->place.team_uuid);
    snprintf(me->role, sizeof me->role, "%s", me->place.role);
    snprintf(me->since, sizeof me->since, "%s", me->place.date_from);
    me->left[0] = '\0';
}

/* Saves a new member, in the chosen team if any (from the start date typed,
 * today when empty), and notes its place. */
static int save_new(sqlite3 *db, member_entry *me, int accept, findings *fs, cdtt_err *e)
{
    int rc = me->team_uuid[0]
                 ? member_save_in_team_since(db, &me->m, me->team_uuid, me->role, me->since, accept, fs, e)
                 : member_save(db, &me->m, accept, fs, e);
    if (rc == 0)
        show_place(db, me);
    return rc;
}

/* Saves the member, and its place in the chosen team, in one transaction,
 * if the file still holds them as the form read them (REC_CHANGED otherwise,
 * with f->stored filled and nothing written): member_place_save_since. */
static int save(form *f, int accept, findings *fs, cdtt_err *e)
{
    member_entry *me = f->rec, *now = f->stored;
    const member_entry *read = f->base;
    sqlite3 *db = form_screen_ctx(f)->db;
    if (!me->m.uuid[0])
        return save_new(db, me, accept, fs, e);
    member_place_edit p;
    rec_changes c;
    place_edit(me, &p);
    *now = *read;
    int rc = member_place_save_since(db, &me->m, &p, &read->m, &read->place, &now->m, &now->place, &c, accept, fs, e);
    if (rc == REC_CHANGED) {
        snprintf(now->team_uuid, sizeof now->team_uuid, "%s", now->place.team_uuid);
        snprintf(now->role, sizeof now->role, "%s", now->place.role);
        snprintf(now->since, sizeof now->since, "%s", now->place.date_from);
        now->left[0] = '\0';
    } else if (rc == 0) {
        show_place(db, me);
    }
    return rc;
}

/* Reads the teams again: the stored member may be in a team made meanwhile. */
static void reread_choices(form *f)
{
    tui_ctx *cx = form_screen_ctx(f);
    form_screen *fs = f->ctx;
    choices_free(fs->dyn1);
    fs->dyn1 = choices_teams(cx->db, _("— no team —"));
    form_set_choices(f, "team_uuid", fs->dyn1);
}

/* One line about another member (a possible duplicate). */
static void describe(form *f, const char *uuid, char *out, size_t n)
{
    tui_ctx *cx = form_screen_ctx(f);
    member_rec m;
    if (member_get(cx->db, uuid, &m) < 0) {
        snprintf(out, n, "?");
        return;
    }
    char birth[11];
    date_to_display(m.birth, birth);
    snprintf(out, n, "%s%s %s%s%s%s%s", _("already registered: "), m.full_name, birth, m.phone[0] ? ", " : "",
             m.phone, m.team_names[0] ? ", " : "", m.team_names);
}

/* A phone saved without the member's consent is left out of every package
 * sent to the province: asks before such a save (a new member, or a phone or
 * consent changed), saying so. True to save. */
static bool consent_question(form *f)
{
    tui_ctx *cx = form_screen_ctx(f);
    const member_entry *me = f->rec, *read = f->base;
    if (!me->m.phone[0] || me->m.consent)
        return true;
    if (read && read->m.uuid[0] && strcmp(read->m.phone, me->m.phone) == 0 && read->m.consent == me->m.consent)
        return true;
    if (ctx_confirm(cx, _("This member has not given consent: the phone number is kept here, but the package sent "
                      "to the province leaves it out. Save like this?")))
        return true;
    int i = form_field_index(f, "consent");
    if (i >= 0)
        f->cur = i;
    ctx_message(cx, 0, "%s", _("Not saved. Set \"Consent given\" to Yes when the member has agreed, then save."));
    return false;
}

tui_screen *member_form_open(tui_ctx *cx, const char *uuid, const char *team_uuid)
{
    sqlite3 *db = cx->db;
    member_entry *me = xcalloc(1, sizeof *me);
    member_init(&me->m);
    membership_init(&me->place);
    snprintf(me->role, sizeof me->role, "member");
    if (uuid) {
        if (member_get(db, uuid, &me->m) < 0) {
            free(me);
            return NULL;
        }
        show_place(db, me);
    } else {
        if (team_uuid)
            snprintf(me->team_uuid, sizeof me->team_uuid, "%s", team_uuid);
        date_today(me->since);
    }
    form_screen *fs =
        form_screen_new(cx, uuid ? N_("Member") : N_("New member"), member_form_fields(), me, !uuid, check, save);
    form_track(&fs->f, sizeof *me);
    title_with_commune(cx->db, fs->base.title, sizeof fs->base.title, "member", uuid);
    fs->f.describe = describe;
    fs->f.reread_choices = reread_choices;
    fs->f.confirm_save = consent_question;
    fs->dyn1 = choices_teams(db, _("— no team —"));
    form_set_choices(&fs->f, "team_uuid", fs->dyn1);
    form_load(&fs->f);
    form_screen_history(fs, uuid);
    return &fs->base;
}

static tui_screen *open_form(list_screen *ls, const char *uuid)
{
    tui_ctx *cx = ls->base.cx;
    return member_form_open(cx, uuid, uuid ? NULL : (ls->team_uuid[0] ? ls->team_uuid : NULL));
}

/* ---- the filter form: team, area, category, role ---- */
typedef struct {
    char team_uuid[UUID_LEN];
    char area_uuid[UUID_LEN];
    char category[24];
    char role[8];
} member_filter;

FIELD_STR(member_filter, team_uuid, team_uuid)
FIELD_STR(member_filter, area_uuid, area_uuid)
FIELD_STR(member_filter, category, category)
FIELD_STR(member_filter, role, role)

static const form_field FILTER_FIELDS[] = {
    {N_("Team"), "team_uuid", FK_CHOICE, 40, NULL, false, ACCESS(team_uuid), NULL},
    {N_("Area"), "area_uuid", FK_CHOICE, 40, NULL, false, ACCESS(area_uuid), NULL},
    {N_("Category"), "category", FK_CHOICE, 40, CHOICES_CATEGORY, false, ACCESS(category), NULL},
    {N_("Role in team"), "role", FK_CHOICE, 20, CHOICES_ROLE, false, ACCESS(role), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

typedef struct {
    list_screen *ls;
    choice *areas;
} filter_extra;

/* Applies the filter form to the list screen and describes it. */
static int filter_save(form *f, int accept, findings *fs, cdtt_err *e)
{
    (void)accept, (void)fs, (void)e;
    form_screen *s = f->ctx;
    filter_extra *x = s->extra;
    list_screen *ls = x->ls;
    const member_filter *mf = f->rec;
    snprintf(ls->team_uuid, sizeof ls->team_uuid, "%s", mf->team_uuid);
    snprintf(ls->area_uuid, sizeof ls->area_uuid, "%s", mf->area_uuid);
    snprintf(ls->category, sizeof ls->category, "%s", mf->category);
    snprintf(ls->role, sizeof ls->role, "%s", mf->role);
    int n = snprintf(ls->filter_label, sizeof ls->filter_label, "%s", _("Filter: "));
    const char *parts[4] = {mf->team_uuid[0] ? choice_label(s->dyn1, mf->team_uuid) : NULL,
                            mf->area_uuid[0] ? choice_label(x->areas, mf->area_uuid) : NULL,
                            mf->category[0] ? choice_label(CHOICES_CATEGORY, mf->category) : NULL,
                            mf->role[0] ? choice_label(CHOICES_ROLE, mf->role) : NULL};
    int used = 0;
    for (int i = 0; i < 4; i++)
        if (parts[i] && n < (int)sizeof ls->filter_label)
            n += snprintf(ls->filter_label + n, sizeof ls->filter_label - (size_t)n, "%s%s", used++ ? ", " : "",
                          parts[i]);
    if (!used)
        ls->filter_label[0] = 0;
    list_screen_apply(ls);
    return 0;
}

static void filter_done(form_screen *fs)
{
    tui_ctx *cx = fs->base.cx;
    ctx_message(cx, 0, "%s", "");
    ctx_pop(cx);
}

static void filter_free(form_screen *fs)
{
    filter_extra *x = fs->extra;
    choices_free(x->areas);
    free(x);
}

/* Opens the filter form over the list screen's current filter. */
static void filter_open(list_screen *ls)
{
    tui_ctx *cx = ls->base.cx;
    member_filter *mf = xcalloc(1, sizeof *mf);
    snprintf(mf->team_uuid, sizeof mf->team_uuid, "%s", ls->team_uuid);
    snprintf(mf->area_uuid, sizeof mf->area_uuid, "%s", ls->area_uuid);
    snprintf(mf->category, sizeof mf->category, "%s", ls->category);
    snprintf(mf->role, sizeof mf->role, "%s", ls->role);
    form_screen *fs = form_screen_new(cx, N_("Filter members (— = all; F2 applies)"), FILTER_FIELDS, mf, false, NULL,
                                      filter_save);
    filter_extra *x = xcalloc(1, sizeof *x);
    x->ls = ls;
    x->areas = choices_areas(cx->db, NULL);
    fs->extra = x;
    fs->free_extra = filter_free;
    fs->saved = filter_done;
    fs->dyn1 = choices_teams(cx->db, NULL);
    form_set_choices(&fs->f, "team_uuid", fs->dyn1);
    form_set_choices(&fs->f, "area_uuid", x->areas);
    form_load(&fs->f);
    ctx_push(cx, &fs->base);
}

const rec_kind KIND_MEMBERS = {N_("Members"), "member", &SRC, open_form, filter_open};

tui_screen *screen_members_new(tui_ctx *cx, const char *team_uuid)
{
    return list_screen_new(cx, &KIND_MEMBERS, team_uuid);
}
