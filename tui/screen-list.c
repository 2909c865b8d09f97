/* screen-list.c — the record list screen shared by areas, teams and members:
 * type to search (accents and case ignored), filter, open, new, delete with
 * confirmation, and a view of deleted records where a deletion is undone. */
#include "tui-screens.h"
#include "records.h"

#include <stdio.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

static const tui_action LIST_ACTIONS[] = {ACT_HELP, ACT_SEARCH, ACT_NEW, ACT_FILTER, ACT_DELETED,
                                          ACT_DELETE, ACT_BACK, ACT_NONE};
static const tui_action LIST_ACTIONS_NOFILTER[] = {ACT_HELP, ACT_SEARCH, ACT_NEW, ACT_DELETED,
                                                   ACT_DELETE, ACT_BACK, ACT_NONE};

static const char *row_str(const list_screen *ls, const void *row, size_t off)
{
    (void)ls;
    return (const char *)row + off;
}

void rec_pos(const char *sort_key, const char *uuid, list_pos *p)
{
    snprintf(p->sort_key, sizeof p->sort_key, "%s", sort_key);
    snprintf(p->uuid, sizeof p->uuid, "%s", uuid);
}

tui_ctx *list_screen_ctx(const list_view *l)
{
    return ((const list_screen *)l->ctx)->base.cx;
}

void list_screen_apply(list_screen *ls)
{
    line_input_get(&ls->search_ed, ls->search, sizeof ls->search);
    ls->flt.search = ls->search[0] ? ls->search : NULL;
    ls->flt.area_uuid = ls->area_uuid[0] ? ls->area_uuid : NULL;
    ls->flt.team_uuid = ls->team_uuid[0] ? ls->team_uuid : NULL;
    ls->flt.level = ls->level[0] ? ls->level : NULL;
    ls->flt.category = ls->category[0] ? ls->category : NULL;
    ls->flt.role = ls->role[0] ? ls->role : NULL;
    list_rewind(&ls->list);
}

/* In the view of deleted records, F8 restores. */
static const char *relabel(tui_screen *s, tui_action a)
{
    list_screen *ls = (list_screen *)s;
    if (ls->flt.deleted == 1 && a == ACT_DELETE)
        return _("Restore");
    if (ls->flt.deleted == 1 && a == ACT_DELETED)
        return _("Live records");
    return NULL;
}

/* What an empty list says: nothing matches the search (in the deleted view:
 * no deleted record matches), nothing matches the filter, or nothing yet. */
static void draw_empty(list_screen *ls)
{
    char line[512];
    bool deleted = ls->flt.deleted == 1;
    if (ls->search[0])
        snprintf(line, sizeof line, deleted ? _("No deleted record matches «%s».") : _("Nothing found for «%s»."),
                 ls->search);
    else if (ls->filter_label[0])
        snprintf(line, sizeof line, "%s", deleted ? _("No deleted record matches the filter.")
                                                  : _("Nothing matches the filter (F5 changes it)."));
    else
        snprintf(line, sizeof line, "%s", deleted ? _("No deleted records.") : _("Nothing here yet. F4 or Ctrl-N adds one."));
    draw_text(4, 2, line, COLS - 2, A_NORMAL);
}

/* The search line, the filter or deleted-view note, and the list. */
static void draw(tui_screen *s)
{
    list_screen *ls = (list_screen *)s;
    s->text_input = ls->searching;
    int y = 1;
    int x = draw_text(y, 0, _("Search: "), COLS, A_BOLD);
    int cx = line_input_draw(&ls->search_ed, y, x, 30);
    if (ls->flt.deleted == 1)
        draw_text(y, x + 32, _("[DELETED RECORDS: F8 restores]"), COLS - x - 32, theme_attr(TH_WARN));
    else if (ls->filter_label[0])
        draw_text(y, x + 32, ls->filter_label, COLS - x - 32, A_NORMAL);
    list_draw(&ls->list, 2, LINES - 4, !ls->searching);
    if (ls->list.n == 0)
        draw_empty(ls);
    if (ls->searching)
        ctx_cursor(s->cx, y, cx);
}

/* Opens the selected record's form. */
static void open_selected(list_screen *ls)
{
    tui_ctx *cx = ls->base.cx;
    const void *row = list_selected(&ls->list);
    if (!row)
        return;
    tui_screen *f = ls->kind->open(ls, row_str(ls, row, record_list_of(ls->kind->table)->off_uuid));
    if (f)
        ctx_push(cx, f);
}

/* Deletes (or, in the deleted view, restores) the selected record after asking. */
static void delete_selected(list_screen *ls)
{
    tui_ctx *cx = ls->base.cx;
    const void *row = list_selected(&ls->list);
    if (!row)
        return;
    char uuid[UUID_LEN], name[512], q[700];
    snprintf(uuid, sizeof uuid, "%s", row_str(ls, row, record_list_of(ls->kind->table)->off_uuid));
    snprintf(name, sizeof name, "%s", row_str(ls, row, record_list_of(ls->kind->table)->off_name));
    if (strcmp(ls->kind->table, "member") == 0 && ((const member_rec *)row)->birth[0]) {
        /* two members of one name are told apart by their birth year */
        size_t len = strlen(name);
        snprintf(name + len, sizeof name - len, _(", born %.4s"), ((const member_rec *)row)->birth);
    }
    bool restore = ls->flt.deleted == 1;
    snprintf(q, sizeof q, restore ? _("Restore «%s»?") : _("Delete «%s»?"), name);
    if (!ctx_confirm(cx, q))
        return;
    cdtt_err e;
    memset(&e, 0, sizeof e);
    int rc = restore ? record_undelete(cx->db, ls->kind->table, uuid, &e)
                     : record_delete(cx->db, ls->kind->table, uuid, &e);
    if (rc < 0)
        ctx_message(cx, 2, "%s%s", _("Error: "), e.msg);
    else if (restore)
        ctx_message(cx, 0, _("Restored «%s»."), name);
    else
        ctx_message(cx, 0, _("Deleted «%s». To undo: F7 (Ctrl-U) shows deleted records, F8 restores."), name);
    list_reload(&ls->list);
}

/* Keys typed into the search line: the list follows each change; Enter
 * opens the record found (the selected row), Tab or Down hands the keys back
 * to the list, Esc clears the search. */
static bool search_key(list_screen *ls, const tui_event *ev)
{
    tui_ctx *cx = ls->base.cx;
    bool done = keys_next_field(ev);
    if (done) {
        ls->searching = false;
        if (keys_enter(ev))
            open_selected(ls); /* one Enter opens what was found */
        return true;
    }
    if (ev->act == ACT_BACK) {
        line_input_set(&ls->search_ed, "");
        ls->searching = false;
        list_screen_apply(ls);
        return true;
    }
    if (ev->act == ACT_NONE && line_input_key(&ls->search_ed, ev, false, 0, &cx->report)) {
        list_screen_apply(ls);
        ctx_timing(cx, "list_page", cx->key_ms);
        return true;
    }
    return false;
}

/* List keys; a printable character starts a search. */
static bool key(tui_screen *s, const tui_event *ev)
{
    tui_ctx *cx = s->cx;
    list_screen *ls = (list_screen *)s;
    if (ls->searching) {
        if ((ev->act == ACT_NONE || ev->act == ACT_BACK) && search_key(ls, ev))
            return true;
        ls->searching = false; /* other keys end the search line and act on the list */
    }
    switch (ev->act) {
    case ACT_BACK:
        /* Esc first clears a search, then goes back. */
        if (!ls->search[0])
            return false;
        line_input_set(&ls->search_ed, "");
        list_screen_apply(ls);
        return true;
    case ACT_SEARCH:
        ls->searching = true;
        return true;
    case ACT_NEW: {
        tui_screen *f = ls->kind->open(ls, NULL);
        if (f)
            ctx_push(cx, f);
        return true;
    }
    case ACT_DELETE:
        delete_selected(ls);
        return true;
    case ACT_DELETED:
        ls->flt.deleted = ls->flt.deleted == 1 ? 0 : 1;
        list_rewind(&ls->list);
        return true;
    case ACT_FILTER:
        if (ls->kind->filter)
            ls->kind->filter(ls);
        return true;
    case ACT_NONE:
        break;
    default:
        return false;
    }
    if (list_key(&ls->list, ev))
        return true;
    if (keys_enter(ev)) {
        open_selected(ls);
        return true;
    }
    /* Type to search: a printable character starts the search with it. */
    if (!ev->is_key && ev->ch > ' ' && ev->ch != 127) {
        ls->searching = true;
        return search_key(ls, ev);
    }
    return false;
}

/* Back from a form: read the rows again (a record may have changed). */
static void resume(tui_screen *s)
{
    list_screen *ls = (list_screen *)s;
    ls->list.stale = true;
}

static void destroy(tui_screen *s)
{
    list_screen *ls = (list_screen *)s;
    list_free(&ls->list);
    line_input_free(&ls->search_ed);
    free(ls);
}

/* The hooks of this screen (tui_screen_init). */
static const tui_screen_hooks HOOKS = {
    .draw = draw, .key = key, .resume = resume, .destroy = destroy, .relabel = relabel,
};

tui_screen *list_screen_new(tui_ctx *cx, const rec_kind *kind, const char *team_uuid)
{
    list_screen *ls = xcalloc(1, sizeof *ls);
    ls->kind = kind;
    tui_screen_init(&ls->base, cx, &HOOKS, kind->filter ? LIST_ACTIONS : LIST_ACTIONS_NOFILTER, kind->title);
    line_input_init(&ls->search_ed, 100);
    if (team_uuid)
        snprintf(ls->team_uuid, sizeof ls->team_uuid, "%s", team_uuid);
    list_init(&ls->list, kind->src, ls, &cx->report);
    list_screen_apply(ls);
    return &ls->base;
}
