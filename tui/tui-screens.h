/* tui-screens.h — the two generic screens every record kind is built from:
 * a record list (search, filter, new, open, delete, deleted view) and a record
 * form (a form-engine form, optionally with a list below it). */
#ifndef CDTT_TUI_SCREENS_H
#define CDTT_TUI_SCREENS_H

#include "tui-core.h"
#include "tui-form.h"
#include "tui-list.h"

typedef struct list_screen list_screen;

/* What a record list needs to know about its kind. */
typedef struct {
    const char *title;    /* N_() */
    const char *table;    /* "area" "team" "member": its rows are record_list_of(table)'s */
    const list_source *src;
    /* Opens the form of a record (uuid NULL = a new one) for the list screen ls. */
    tui_screen *(*open)(list_screen *ls, const char *uuid);
    /* Opens a filter form (NULL = the kind has no filters). */
    void (*filter)(list_screen *ls);
} rec_kind;

struct list_screen {
    tui_screen base;
    const rec_kind *kind;
    list_view list;
    list_filter flt;      /* the current filter; flt.search points into search */
    char search[256];
    line_input search_ed;
    bool searching;       /* the search line has the keys */
    /* Filter values (flt points into them). */
    char area_uuid[UUID_LEN], team_uuid[UUID_LEN], level[16], category[24], role[8];
    char filter_label[256]; /* shown under the title */
};

/* A list screen for kind, with an initial team filter (members of a team) or NULL. */
tui_screen *list_screen_new(tui_ctx *cx, const rec_kind *kind, const char *team_uuid);
/* Fills a keyset position from a row's sort key and uuid. */
void rec_pos(const char *sort_key, const char *uuid, list_pos *p);
/* Makes flt match the filter fields and rereads the list from the start. */
void list_screen_apply(list_screen *ls);
/* The context of the list screen whose list is l (for its source's callbacks). */
tui_ctx *list_screen_ctx(const list_view *l);

typedef struct form_screen form_screen;
struct form_screen {
    tui_screen base;
    form f;
    void *rec;            /* the record the form edits (owned) */
    bool is_new;
    choice *dyn1;         /* dynamic choice lists owned by the screen */
    /* An optional panel below the form (a team's members). */
    list_view sub;
    bool has_sub, sub_focus;
    char sub_title[128];
    void *extra;          /* kind data */
    /* Called after a save (new records: stay or pop). */
    void (*saved)(form_screen *fs);
    /* Keys the form did not use (F4 in a team form). */
    bool (*more_key)(form_screen *fs, const tui_event *ev);
    void (*free_extra)(form_screen *fs);
    char history_uuid[UUID_LEN]; /* the record whose history F9 shows ("" = a new record) */
};

/* A screen around a form over rec (malloc'd; the screen frees it). */
form_screen *form_screen_new(tui_ctx *cx, const char *title, const form_field *fields, void *rec, bool is_new,
                             form_check_fn check, form_save_fn save);
/* The context of the form screen whose form is f (for the form's callbacks). */
tui_ctx *form_screen_ctx(const form *f);

/* Lets F9 (Ctrl-O) show the history of the record uuid the form edits, and
 * says so in the key bar. */
void form_screen_history(form_screen *fs, const char *uuid);

/* Shows F4 (New) in the key bar of a form with a list below it. */
void form_screen_sub_actions(form_screen *fs);

/* What follows a save of the form (form_key's or form_resolve's answer r;
 * screen-changed.c): 1 saved: "Saved." and the screen's saved hook, or back
 * to the screen below; FORM_CHANGED: the question what to keep
 * (screen_changed_new); else nothing. */
void form_screen_after(form_screen *fs, int r);

/* The question a form asks when its record changed in the file after the form
 * read it (screen-changed.c): each changed field, stored and yours; 1 keeps
 * yours, 2 takes the stored version, 3 merges, Esc goes back to the form. */
tui_screen *screen_changed_new(form_screen *fs);

/* The record kinds (screen-areas.c, screen-teams.c, screen-members.c). */
extern const rec_kind KIND_AREAS, KIND_TEAMS, KIND_MEMBERS;
/* The form screens of the kinds; team_uuid presets the team of a new member. */
tui_screen *area_form_open(tui_ctx *cx, const char *uuid);
tui_screen *team_form_open(tui_ctx *cx, const char *uuid);
tui_screen *member_form_open(tui_ctx *cx, const char *uuid, const char *team_uuid);

#endif
