/* screen-checklist.c — a bulk checklist of the members of a team or an area:
 * Space ticks (and moves down), F5 or 'a' ticks all / none, F2 applies one
 * thing to every ticked member in one go: MOOC completed on a date, following
 * the Zalo OA since a date, or present at a training session. A session's
 * list holds the members of the session's date; F7 adds those who joined
 * after it, and ticking one of them offers to move their start date back to
 * the session's date (done when F2 saves). */
#include "tui-training.h"
#include "tui-list.h"
#include "tui-screens.h"
#include "training.h"
#include "training-query.h"
#include "validate.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef char uuid_t37[37];

/* A sorted set of uuids. */
typedef struct {
    uuid_t37 *v;
    int n, cap;
} uuid_set;

/* The index where u is (found) or would go. */
static int set_find(const uuid_set *s, const char *u, bool *found)
{
    int lo = 0, hi = s->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(s->v[mid], u);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

static bool set_has(const uuid_set *s, const char *u)
{
    bool f;
    set_find(s, u, &f);
    return f;
}

/* Adds u (on) or removes it (off). */
static void set_put(uuid_set *s, const char *u, bool on)
{
    bool f;
    int i = set_find(s, u, &f);
    if (on && !f) {
        if (s->n == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 64;
            s->v = xrealloc(s->v, (size_t)s->cap * sizeof *s->v);
        }
        memmove(&s->v[i + 1], &s->v[i], (size_t)(s->n - i) * sizeof *s->v);
        snprintf(s->v[i], sizeof s->v[i], "%s", u);
        s->n++;
    } else if (!on && f) {
        memmove(&s->v[i], &s->v[i + 1], (size_t)(s->n - i - 1) * sizeof *s->v);
        s->n--;
    }
}

typedef struct {
    tui_screen base;
    checklist_kind kind;
    char team_uuid[37], area_uuid[37], date[11], session[37];
    char label[256];   /* what is being ticked: a team, an area, a session */
    list_filter flt;
    list_view list;
    uuid_set ticked, before; /* before: present at the session when opened */
    long long total;   /* members in the list */
    bool later;        /* a session's list also shows who joined after its date (F7) */
    joined_later *late; /* those members, with the day they joined */
    int n_late;
    uuid_set moves;    /* later members whose start date moves back to the session's date */
} checklist_screen;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_FILTER, ACT_BACK, ACT_QUIT, ACT_NONE};
static const tui_action ATTEND_ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_FILTER, ACT_DELETED,
                                            ACT_BACK, ACT_QUIT, ACT_NONE};

static int page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e)
{
    checklist_screen *c = l->ctx;
    tui_ctx *cx = c->base.cx;
    list_pos p;
    const member_rec *r = from;
    if (r)
        rec_pos(r->sort_key, r->uuid, &p);
    return member_page(cx->db, &c->flt, r ? &p : NULL, dir, limit, rows, e);
}

static const int WIDTHS[] = {28, 7, 22, 0};

/* The member, shown because F7 added those who joined after the session, or
 * NULL when they were a member on its date. */
static const joined_later *late_member(const checklist_screen *c, const char *uuid)
{
    for (int i = 0; c->later && i < c->n_late; i++)
        if (strcmp(c->late[i].uuid, uuid) == 0)
            return &c->late[i];
    return NULL;
}

/* A later member's third column: when they joined, and where their start
 * date moves when the ticks are saved. */
static void late_text(const checklist_screen *c, const joined_later *j, char *out, size_t n)
{
    char d[11], s[11], joined[64];
    date_to_display(j->date_from, d);
    snprintf(joined, sizeof joined, _("joined %s"), d);
    if (set_has(&c->moves, j->uuid)) {
        date_to_display(c->date, s);
        snprintf(out, n, "%s → %s", joined, s);
    } else {
        snprintf(out, n, "%s", joined);
    }
}

/* What the member has now: the MOOC status and date, or the Zalo date. */
static void current_text(const checklist_screen *c, const member_rec *m, char *out, size_t n)
{
    char d[11];
    const joined_later *j = late_member(c, m->uuid);
    if (j) {
        late_text(c, j, out, n);
        return;
    }
    if (c->kind == CHECK_MOOC) {
        date_to_display(m->mooc_date, d);
        snprintf(out, n, "%s %s", choice_label(CHOICES_MOOC_STATUS, m->mooc_status), d);
    } else if (c->kind == CHECK_ZALO) {
        date_to_display(m->zalo_date, d);
        snprintf(out, n, "%s", m->zalo_date[0] ? d : "-");
    } else {
        snprintf(out, n, "%s", set_has(&c->before, m->uuid) ? _("present (saved)") : "");
    }
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    checklist_screen *c = l->ctx;
    const member_rec *m = row;
    char now[64];
    current_text(c, m, now, sizeof now);
    char year[5];
    snprintf(year, sizeof year, "%.4s", m->birth); /* tells two people of one name apart */
    const char *t[] = {m->full_name, year, m->team_names, now};
    list_columns(out, n, cols, WIDTHS, t, 4);
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    checklist_screen *c = l->ctx;
    const char *t[] = {_("Full name"), _("Born"), _("In teams"),
                       c->kind == CHECK_MOOC ? _("MOOC course") : c->kind == CHECK_ZALO ? _("Zalo OA") : ""};
    list_columns(out, n, cols, WIDTHS, t, 4);
}

static bool checked(list_view *l, const void *row)
{
    checklist_screen *c = l->ctx;
    return set_has(&c->ticked, ((const member_rec *)row)->uuid);
}

static void toggle(list_view *l, const void *row)
{
    checklist_screen *c = l->ctx;
    const char *u = ((const member_rec *)row)->uuid;
    set_put(&c->ticked, u, !set_has(&c->ticked, u));
}

static const list_source SRC = {sizeof(member_rec), page, format, header, checked, toggle};

/* Ticks (on) or unticks every member of the list (of a session: those of
 * its date, never the later ones); returns how many changed. */
static int tick_every(checklist_screen *c, bool on)
{
    tui_ctx *cx = c->base.cx;
    member_rec *rows = xcalloc(200, sizeof *rows);
    list_pos p;
    list_filter flt = c->flt;
    flt.and_later = 0;
    int got = 200, changes = 0;
    for (bool first = true; got == 200; first = false) {
        cdtt_err e;
        memset(&e, 0, sizeof e);
        got = member_page(cx->db, &flt, first ? NULL : &p, 1, 200, rows, &e);
        if (got < 0) {
            ctx_message(cx, 2, "%s", e.msg);
            break;
        }
        for (int i = 0; i < got; i++) {
            changes += set_has(&c->ticked, rows[i].uuid) != on;
            set_put(&c->ticked, rows[i].uuid, on);
        }
        if (got > 0)
            rec_pos(rows[got - 1].sort_key, rows[got - 1].uuid, &p);
    }
    free(rows);
    return changes;
}

/* Ticks every member of the list, or none when all are ticked already. */
static void tick_all(checklist_screen *c)
{
    if (tick_every(c, true) == 0)
        tick_every(c, false);
}

static void draw(tui_screen *s)
{
    tui_ctx *cx = s->cx;
    checklist_screen *c = (checklist_screen *)s;
    char line[512], d[11];
    date_to_display(c->date, d);
    static const char *const WHAT[] = {N_("Tick who completed the MOOC course on %s"),
                                       N_("Tick who follows the Zalo OA since %s"),
                                       N_("Tick who attended the session of %s")};
    int k = snprintf(line, sizeof line, _(WHAT[c->kind]), d);
    snprintf(line + k, sizeof line - (size_t)k, " — %s", c->label);
    draw_text(1, 1, line, COLS - 2, A_BOLD);
    snprintf(line, sizeof line, _("%d of %lld ticked. Space ticks, F5 or a: all/none, F2 saves."), c->ticked.n,
             c->total);
    draw_text(2, 1, line, COLS - 2, A_NORMAL);
    list_draw(&c->list, 3, LINES - 5, true);
    ctx_cursor(cx, -1, -1);
}

/* True when the ticks differ from what is saved. */
static bool changed(const checklist_screen *c)
{
    if (c->kind != CHECK_ATTEND)
        return c->ticked.n > 0;
    if (c->ticked.n != c->before.n)
        return true;
    return memcmp(c->ticked.v, c->before.v, (size_t)c->ticked.n * sizeof *c->ticked.v) != 0;
}

/* The uuids of a that are not in b (pointers into a). */
static const char **minus(const uuid_set *a, const uuid_set *b, int *n)
{
    const char **out = xcalloc((size_t)a->n + 1, sizeof *out);
    *n = 0;
    for (int i = 0; i < a->n; i++)
        if (!set_has(b, a->v[i]))
            out[(*n)++] = a->v[i];
    return out;
}

/* Moves the start date of the ticked later members back to the session's
 * date; adds the memberships moved to *count. Returns 0, or -1 with e set. */
static int move_starts(checklist_screen *c, int *count, cdtt_err *e)
{
    tui_ctx *cx = c->base.cx;
    for (int i = 0; i < c->moves.n; i++) {
        int moved = 0;
        if (!set_has(&c->ticked, c->moves.v[i]))
            continue;
        if (membership_move_start(cx->db, c->moves.v[i], c->team_uuid, c->area_uuid, c->date, &moved, e) < 0)
            return -1;
        *count += moved;
    }
    return 0;
}

/* Applies the ticks; returns 0 with *count records changed, or -1 with e set. */
static int apply(checklist_screen *c, int *count, cdtt_err *e)
{
    tui_ctx *cx = c->base.cx;
    sqlite3 *db = cx->db;
    *count = 0;
    if (c->kind != CHECK_ATTEND) {
        const char **all = xcalloc((size_t)c->ticked.n + 1, sizeof *all);
        for (int i = 0; i < c->ticked.n; i++)
            all[i] = c->ticked.v[i];
        int rc = c->kind == CHECK_MOOC ? training_mooc_set(db, all, c->ticked.n, "completed", c->date, count, e)
                                       : training_zalo_set(db, all, c->ticked.n, c->date, count, e);
        free(all);
        return rc;
    }
    int n_on, n_off, ch_on = 0, ch_off = 0, rc = move_starts(c, count, e);
    const char **on = minus(&c->ticked, &c->before, &n_on);
    const char **off = minus(&c->before, &c->ticked, &n_off);
    if (rc == 0 && n_on > 0)
        rc = training_attendance_mark(db, c->session, on, n_on, 1, &ch_on, e);
    if (rc == 0 && n_off > 0)
        rc = training_attendance_mark(db, c->session, off, n_off, 0, &ch_off, e);
    free(on);
    free(off);
    *count += ch_on + ch_off;
    return rc;
}

/* Shows or hides the members who joined after the session (F7). */
static void toggle_later(checklist_screen *c)
{
    tui_ctx *cx = c->base.cx;
    c->later = !c->later;
    c->flt.and_later = c->later;
    free(c->late);
    c->late = NULL;
    c->n_late = 0;
    if (c->later) {
        cdtt_err e;
        memset(&e, 0, sizeof e);
        c->n_late = membership_joined_after(cx->db, c->team_uuid, c->area_uuid, c->date, &c->late, &e);
        if (c->n_late < 0) {
            ctx_message(cx, 2, "%s", e.msg);
            c->n_late = 0;
        } else {
            ctx_message(cx, 0, _("Joined after the session: %d (ticking one offers to move their start date "
                             "back)."),
                        c->n_late);
        }
    }
    c->total = member_count(cx->db, &c->flt);
    c->list.stale = true;
}

/* Space on a member who joined after the session: ticking asks first whether
 * their start date moves back to the session's date. Returns true when the
 * tick may change. */
static bool may_tick_late(checklist_screen *c, const member_rec *m)
{
    tui_ctx *cx = c->base.cx;
    const joined_later *j = late_member(c, m->uuid);
    if (!j)
        return true;
    if (set_has(&c->ticked, m->uuid)) {
        set_put(&c->moves, m->uuid, false);
        return true;
    }
    char q[900], joined[11], day[11];
    date_to_display(j->date_from, joined);
    date_to_display(c->date, day);
    snprintf(q, sizeof q, _("%s joined the team on %s, after this session. Move the start date back to %s?"),
             m->full_name, joined, day);
    if (!ctx_confirm(cx, q))
        return false;
    set_put(&c->moves, m->uuid, true);
    return true;
}

static bool key(tui_screen *s, const tui_event *ev)
{
    tui_ctx *cx = s->cx;
    checklist_screen *c = (checklist_screen *)s;
    if (ev->act == ACT_SAVE) {
        if (!changed(c)) {
            ctx_message(cx, 1, "%s", _("Nothing to save: tick members first."));
            return true;
        }
        cdtt_err e;
        memset(&e, 0, sizeof e);
        int n = 0;
        if (apply(c, &n, &e) < 0) {
            ctx_message(cx, 2, "%s%s", _("Error: "), e.msg);
            return true;
        }
        ctx_message(cx, 0, _("Saved: %d records changed."), n);
        ctx_pop(cx);
        return true;
    }
    if (ev->act == ACT_FILTER || (!ev->is_key && (ev->ch == 'a' || ev->ch == 'A'))) {
        tick_all(c);
        return true;
    }
    if (c->kind == CHECK_ATTEND && ev->act == ACT_DELETED) {
        toggle_later(c);
        return true;
    }
    if (!ev->is_key && ev->ch == ' ') {
        const member_rec *m = list_selected(&c->list);
        if (m && !may_tick_late(c, m))
            return true;
        list_key(&c->list, ev);
        tui_event down = {.is_key = true, .ch = KEY_DOWN, .act = ACT_NONE};
        list_key(&c->list, &down);
        return true;
    }
    if (ev->act == ACT_BACK && changed(c) && !ctx_confirm(cx, _("Leave without saving the ticks?")))
        return true;
    return ev->act == ACT_NONE && list_key(&c->list, ev);
}

static const char *relabel(tui_screen *s, tui_action a)
{
    const checklist_screen *c = (const checklist_screen *)s;
    if (a == ACT_DELETED)
        return c->later ? _("That day only") : _("Joined later");
    return a == ACT_FILTER ? _("All/none") : NULL;
}

static void destroy(tui_screen *s)
{
    checklist_screen *c = (checklist_screen *)s;
    list_free(&c->list);
    free(c->ticked.v);
    free(c->before.v);
    free(c->moves.v);
    free(c->late);
    free(c);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {.draw = draw, .key = key, .destroy = destroy, .relabel = relabel};

tui_screen *screen_checklist_new(tui_ctx *cx, checklist_kind kind, const char *team_uuid, const char *area_uuid,
                                 const char *date, const char *session_uuid, const char *label)
{
    checklist_screen *c = xcalloc(1, sizeof *c);
    tui_screen_init(&c->base, cx, &HOOKS, kind == CHECK_ATTEND ? ATTEND_ACTIONS : ACTIONS, "");
    c->kind = kind;
    snprintf(c->team_uuid, sizeof c->team_uuid, "%s", team_uuid ? team_uuid : "");
    snprintf(c->area_uuid, sizeof c->area_uuid, "%s", area_uuid ? area_uuid : "");
    snprintf(c->date, sizeof c->date, "%s", date ? date : "");
    snprintf(c->session, sizeof c->session, "%s", session_uuid ? session_uuid : "");
    snprintf(c->label, sizeof c->label, "%s", label ? label : "");
    static const char *const TITLE[] = {N_("MOOC course: tick members"), N_("Zalo OA: tick members"),
                                        N_("Session attendance")};
    snprintf(c->base.title, sizeof c->base.title, "%s", TITLE[kind]);
    c->flt.team_uuid = c->team_uuid[0] ? c->team_uuid : NULL;
    c->flt.area_uuid = c->area_uuid[0] ? c->area_uuid : NULL;
    if (kind == CHECK_ATTEND)
        c->flt.on_date = c->date; /* the members of the session's date */
    c->total = member_count(cx->db, &c->flt);
    if (kind == CHECK_ATTEND) {
        cdtt_err e;
        memset(&e, 0, sizeof e);
        uuid_t37 *u = NULL;
        int n = training_attendees(cx->db, c->session, &u, &e);
        if (n < 0) {
            ctx_message(cx, 2, "%s", e.msg);
            free(c);
            return NULL;
        }
        for (int i = 0; i < n; i++) {
            set_put(&c->before, u[i], true);
            set_put(&c->ticked, u[i], true);
        }
        free(u);
    }
    list_init(&c->list, &SRC, c, &cx->report);
    return &c->base;
}
