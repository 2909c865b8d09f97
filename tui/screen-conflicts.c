/* screen-conflicts.c — records changed both here and below since the last
 * import: the list, both versions field by field, and one-key resolution
 * (F2 keep mine, F4 take theirs) after confirmation. */
#include "tui-exchange.h"
#include "conflict.h"
#include "package.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct conflicts_screen conflicts_screen;
typedef struct {
    list_array a; /* first: the list's context */
    conflicts_screen *self;
} conflicts_ctx;

struct conflicts_screen {
    tui_screen base;
    conflicts_ctx ctx;
    list_view list;
    conflict_list c;
};

/* The conflict a versions screen shows. */
typedef struct {
    long long id;
    char label[512];
} shown_conflict;

static const tui_action ACTIONS[] = {ACT_HELP, ACT_SAVE, ACT_NEW, ACT_BACK, ACT_NONE};

/* A readable name of a travelling table. */
static const char *table_label(const char *tbl)
{
    static const struct { const char *tbl, *label; } T[] = {
        {"area", N_("Village/group")}, {"team", N_("Team")}, {"member", N_("Member")},
        {"membership", N_("Team membership")}, {"training_session", N_("Training session")},
        {"attendance", N_("Attendance")}, {"activity", N_("Activity")},
    };
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
        if (strcmp(T[i].tbl, tbl) == 0)
            return _(T[i].label);
    return tbl;
}

static const conflict_rec *rec_of(const list_view *l, const void *row)
{
    const conflicts_screen *cs = ((const conflicts_ctx *)l->ctx)->self;
    return &cs->c.items[((const array_row *)row)->item];
}

static void format(list_view *l, const void *row, char *out, size_t n, int cols)
{
    const conflict_rec *c = rec_of(l, row);
    char id[24], seen[32];
    snprintf(id, sizeof id, "%lld", c->id);
    package_format_time(c->detected_at, seen);
    const int widths[] = {5, 18, cols - 5 - 18 - 17 - 16, 17, 16};
    const char *texts[] = {id, table_label(c->tbl), c->label, c->source, seen};
    list_columns(out, n, cols, widths, texts, 5);
}

static void header(list_view *l, char *out, size_t n, int cols)
{
    (void)l;
    const int widths[] = {5, 18, cols - 5 - 18 - 17 - 16, 17, 16};
    const char *texts[] = {_("No."), _("Kind"), _("Record"), _("From"), _("Found")};
    list_columns(out, n, cols, widths, texts, 5);
}

static const list_source SRC = {sizeof(array_row), list_array_page, format, header, NULL, NULL};

/* Reads the open conflicts again. */
static void reload(conflicts_screen *cs)
{
    conflict_list_free(&cs->c);
    memset(&cs->c, 0, sizeof cs->c);
    cdtt_err e;
    if (conflict_list_get(app()->db, 0, &cs->c, &e) < 0)
        app_message(2, "%s", e.msg);
    list_array_all(&cs->ctx.a, cs->c.n);
    list_reload(&cs->list);
}

static void draw(tui_screen *s)
{
    conflicts_screen *cs = (conflicts_screen *)s;
    if (!cs->c.n) {
        draw_text(2, 2, _("No open conflicts."), COLS - 4, A_BOLD);
        return;
    }
    draw_text(1, 1, _("Enter shows both versions. F2 keeps this office's version, F4 takes the incoming one."),
              COLS - 2, theme_attr(TH_DIM));
    list_draw(&cs->list, 2, LINES - 5, true);
}

static void versions_mine(lines_screen *ls, void *user);
static void versions_theirs(lines_screen *ls, void *user);

/* Both versions of c: field by field side by side, differences first and
 * marked * (the search and sort helper columns left out),
 * then the differing values in full one after the other. */
static void show_versions(const conflict_rec *c)
{
    char title[700];
    snprintf(title, sizeof title, "%s: %s", table_label(c->tbl), c->label);
    shown_conflict *sc = xcalloc(1, sizeof *sc);
    sc->id = c->id;
    snprintf(sc->label, sizeof sc->label, "%s", c->label);
    lines_screen *ls = lines_screen_new(title, sc, free);
    lines_add_action(ls, ACT_SAVE, _("Keep mine"), versions_mine);
    lines_add_action(ls, ACT_NEW, _("Take theirs"), versions_theirs);
    sqlite3_stmt *st = NULL;
    const char *sql = "SELECT l.key, coalesce(l.value, ''), coalesce(i.value, ''), "
                      "l.value IS NOT i.value AS differs FROM json_each(?1) l LEFT JOIN json_each(?2) i ON i.key = l.key "
                      "WHERE l.key NOT LIKE '%\\_fold' ESCAPE '\\' AND l.key <> 'sort_key' "
                      "ORDER BY differs DESC, l.id";
    if (sqlite3_prepare_v2(app()->db, sql, -1, &st, NULL) != SQLITE_OK) {
        lines_add(ls, 2, "%s", sqlite3_errmsg(app()->db));
        app_push(lines_base(ls));
        return;
    }
    int width = (COLS > TUI_MIN_COLS ? COLS : TUI_MIN_COLS) - 3;
    const int widths[] = {2, 18, (width - 20) / 2, width - 20 - (width - 20) / 2};
    char line[2048];
    const char *head[] = {"", _("Field"), _("Here"), _("Incoming")};
    list_columns(line, sizeof line, width, widths, head, 4);
    lines_add(ls, 3, "%s", line);
    for (int pass = 0; pass < 2; pass++) {
        sqlite3_bind_text(st, 1, c->local_json ? c->local_json : "{}", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, c->incoming_json ? c->incoming_json : "{}", -1, SQLITE_STATIC);
        if (pass == 1)
            lines_add(ls, 3, "%s", _("The differences in full:"));
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *k = (const char *)sqlite3_column_text(st, 0);
            const char *here = (const char *)sqlite3_column_text(st, 1);
            const char *inc = (const char *)sqlite3_column_text(st, 2);
            int differs = sqlite3_column_int(st, 3);
            if (pass == 0) {
                const char *texts[] = {differs ? "*" : "", k, here, inc};
                list_columns(line, sizeof line, width, widths, texts, 4);
                lines_add(ls, 0, "%s", line);
            } else if (differs) {
                lines_add(ls, 3, "%s", k);
                lines_add(ls, 0, "  %s %s", _("Here:"), here);
                lines_add(ls, 0, "  %s %s", _("Incoming:"), inc);
            }
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    app_push(lines_base(ls));
}

/* Resolves conflict id (named label) with choice "mine" or "theirs" after
 * asking. Returns 1 when resolved, 0 when the user said no, -1 when it was
 * not resolved (the message line says why: e.g. the record changed here
 * since, and the conflict now shows it as it is). */
static int resolve_id(long long id, const char *label, const char *choice)
{
    bool mine = strcmp(choice, "mine") == 0;
    char q[700];
    snprintf(q, sizeof q, mine ? _("Keep this office's version of %s?") : _("Take the incoming version of %s?"), label);
    if (!app_confirm(q))
        return 0;
    cdtt_err e;
    if (conflict_resolve(app()->db, id, choice, &e) < 0) {
        app_message(2, "%s%s", _("Error: "), e.msg);
        return -1;
    }
    app_message(0, mine ? _("Conflict %lld resolved: this office's version kept.")
                        : _("Conflict %lld resolved: the incoming version taken."),
                id);
    return 1;
}

/* Resolves the selected conflict with choice after asking; the list is read
 * again unless the user said no. */
static void resolve(conflicts_screen *cs, const char *choice)
{
    const array_row *r = list_selected(&cs->list);
    if (!r)
        return;
    const conflict_rec *c = &cs->c.items[r->item];
    if (resolve_id(c->id, c->label, choice) != 0)
        reload(cs);
}

/* F2 and F4 on the versions screen: resolve, then back to the list (read
 * again), also when it was not resolved: the versions shown may be old. */
static void versions_resolve(void *user, const char *choice)
{
    const shown_conflict *sc = user;
    if (resolve_id(sc->id, sc->label, choice) != 0)
        app_pop();
}
static void versions_mine(lines_screen *ls, void *user)
{
    (void)ls;
    versions_resolve(user, "mine");
}
static void versions_theirs(lines_screen *ls, void *user)
{
    (void)ls;
    versions_resolve(user, "theirs");
}

static bool key(tui_screen *s, const tui_event *ev)
{
    conflicts_screen *cs = (conflicts_screen *)s;
    if (ev->act == ACT_SAVE) {
        resolve(cs, "mine");
        return true;
    }
    if (ev->act == ACT_NEW) {
        resolve(cs, "theirs");
        return true;
    }
    if (keys_enter(ev)) {
        const array_row *r = list_selected(&cs->list);
        if (r)
            show_versions(&cs->c.items[r->item]);
        return true;
    }
    return ev->act == ACT_NONE && list_key(&cs->list, ev);
}

/* Back from the versions screen: a conflict may have been resolved there. */
static void resume(tui_screen *s)
{
    reload((conflicts_screen *)s);
}

static const char *relabel(tui_screen *s, tui_action a)
{
    (void)s;
    return a == ACT_SAVE ? _("Keep mine") : a == ACT_NEW ? _("Take theirs") : NULL;
}

static void destroy(tui_screen *s)
{
    conflicts_screen *cs = (conflicts_screen *)s;
    conflict_list_free(&cs->c);
    list_free(&cs->list);
    list_array_free(&cs->ctx.a);
    free(cs);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {
    .draw = draw, .key = key, .resume = resume, .destroy = destroy, .relabel = relabel,
};

tui_screen *screen_conflicts_new(void)
{
    conflicts_screen *cs = xcalloc(1, sizeof *cs);
    tui_screen_init(&cs->base, &HOOKS, ACTIONS, _("Conflicts"));
    cs->ctx.self = cs;
    list_init(&cs->list, &SRC, &cs->ctx);
    reload(cs);
    return &cs->base;
}
