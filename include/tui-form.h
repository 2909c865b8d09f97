/* tui-form.h — the line editor and the one form engine. A form is built from a
 * field table (label, width, kind, getter/setter into the record struct); no
 * screen draws its own form. */
#ifndef CDTT_TUI_FORM_H
#define CDTT_TUI_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include "choices.h"
#include "records.h"
#include "tui-core.h"
#include "validate.h"

/* ---- line editor (editor.c) ---------------------------------------------
 * One line of text as wide characters, always NFC: combining marks that arrive
 * after a letter are composed with it, and Telex keys are applied when on.
 * It holds the longest value the model accepts in any field (validate.h). */
#define EDITOR_MAX 1000
_Static_assert(EDITOR_MAX >= TRAINING_NOTE_MAX_CHARS && EDITOR_MAX >= EMAIL_MAX_BYTES &&
                   EDITOR_MAX >= NOTE_MAX_CHARS && EDITOR_MAX >= NAME_MAX_CHARS,
               "a form field must hold every value the model accepts");

typedef struct {
    wchar_t buf[EDITOR_MAX + 1];
    int len, cur, scroll; /* scroll: first shown character */
    int max;              /* characters allowed (<= EDITOR_MAX) */
} editor;

/* Empties the editor and limits it to max characters. */
void editor_init(editor *e, int max);
/* Replaces the text with s (UTF-8, NFC'd); the cursor goes to the end.
 * Returns false when s has more characters than the editor holds: it then
 * holds the first max of them. */
bool editor_set(editor *e, const char *s);
/* Writes the text as UTF-8 (NFC) into out. */
void editor_get(const editor *e, char *out, size_t n);
/* Handles an editing key (characters, marks, Backspace, Delete, Left, Right,
 * Home, End, Ctrl-A/E/K). telex applies Telex to ASCII letters. Returns true when used. */
bool editor_key(editor *e, const tui_event *ev, bool telex, int telex_style);
/* Draws the text in cols columns at y,x and returns the cursor's column. */
int editor_draw(editor *e, int y, int x, int cols, int attr);

/* ---- the form engine (form.c) ------------------------------------------ */
typedef enum { FK_TEXT, FK_NAME, FK_DATE, FK_BIRTH, FK_PHONE, FK_CHOICE, FK_YESNO } field_kind;

typedef struct form_field form_field;
struct form_field {
    const char *label;   /* N_() */
    const char *column;  /* the record column findings name */
    field_kind kind;
    int width;           /* characters a text field holds / shows */
    const choice *choices; /* FK_CHOICE: a fixed list; NULL = the form's dynamic list */
    bool required;
    /* The stored value (a code for choices, "1"/"0" for yes/no) from the record. */
    void (*get)(const void *rec, char *out, size_t n);
    /* Stores text (already parsed for dates/phones/names) into the record. */
    void (*set)(void *rec, const char *value);
    /* A special check (CCCD, e-mail) instead of the kind's: parses in into out. */
    valid_status (*check)(const void *rec, const char *in, char *out, size_t n, valid_result *r);
};

/* Accessors for a char array member at a byte offset of a record. */
/* Defines get_NAME/set_NAME for a char array at PATH of a record of TYPE. */
#define FIELD_STR(type, name, path)                                                           \
    static void get_##name(const void *r, char *o, size_t n)                                  \
    { snprintf(o, n, "%s", ((const type *)r)->path); }                                        \
    static void set_##name(void *r, const char *v)                                            \
    { snprintf(((type *)r)->path, sizeof ((type *)r)->path, "%s", v); }
/* The same for an int flag stored as "1"/"0". */
#define FIELD_INT(type, name, path)                                                           \
    static void get_##name(const void *r, char *o, size_t n)                                  \
    { snprintf(o, n, "%d", ((const type *)r)->path ? 1 : 0); }                               \
    static void set_##name(void *r, const char *v) { ((type *)r)->path = v[0] == '1'; }
#define ACCESS(name) get_##name, set_##name

typedef struct form form;

/* Saves the record: returns 0 when saved, -1 with findings/e otherwise. A
 * form over a record read from the file (form_track) saves only when the
 * stored record still is f->base, as the form read it; otherwise it writes
 * nothing, fills f->stored with the record as stored now and returns
 * REC_CHANGED (records.h). */
typedef int (*form_save_fn)(form *f, int accept_warnings, findings *fs, cdtt_err *e);
/* Runs the record's checks without saving. */
typedef void (*form_check_fn)(form *f, findings *fs);
/* Describes another record (a duplicate suspect) in one line. */
typedef void (*form_describe_fn)(form *f, const char *uuid, char *out, size_t n);

struct form {
    const form_field *fields;
    int n;
    void *rec;
    form_save_fn save;
    form_check_fn check;
    form_describe_fn describe; /* may be NULL */
    void *ctx;                 /* the screen's own data */
    editor ed[24];
    int sel[24];               /* choice index of each choice field */
    const choice *dyn[24];     /* a dynamic list for a choice field (team, area) */
    char msg[24][256];
    int sev[24];               /* 0 none, 1 warning, 2 error */
    /* The stored value had more characters than the field holds: the field
     * shows its beginning and a save keeps the whole stored value, until the
     * field's text is changed. */
    bool cut[24];
    int cur, top;              /* focused field; first field shown */
    bool dirty;
    bool warned;               /* warnings are shown: saving again accepts them */
    int y0, rows;              /* where the form draws (set by the screen) */
    /* A form over a record read from the file (form_track). base: the record
     * as the form read it (after a save: as saved); stored: the record as
     * stored now, when a save found that it changed since. */
    void *base, *stored;
    size_t rec_size;
    bool touched[24];          /* the user changed this field since the form read the record */
    int changes[24], n_changes; /* the fields whose stored value differs from base */
    bool accept_pending;       /* the changed save had accepted the warnings shown */
    /* Re-reads the dynamic choice lists (form_set_choices) that a stored
     * version may need: a team or area made meanwhile. May be NULL. */
    void (*reread_choices)(form *f);
};

/* form_key's answer when a save found the record changed in the file since the
 * form read it: nothing was saved, and the fields that differ are in
 * f->changes; the screen asks the user and settles it with form_resolve. */
#define FORM_CHANGED 2

/* What the user can do about a record changed since the form read it. */
typedef enum {
    FORM_KEEP_MINE = 1, /* save the form's values over the stored ones */
    FORM_TAKE_STORED,   /* show the stored version; the user's edits are dropped, nothing saved */
    FORM_MERGE,         /* the stored values, but the user's where they edited a field; saved */
} form_choice;

/* Fills the form's editors and choices from rec (fields ends with label NULL). */
void form_open(form *f, const form_field *fields, void *rec, form_check_fn check,
               form_save_fn save, void *ctx);
/* Sets a dynamic choice list for the field of column (before or after form_open). */
void form_set_choices(form *f, const char *column, const choice *list);
/* Reloads the editors from the record. */
void form_load(form *f);
/* Makes the form keep a copy of its record (rec_size bytes) as read now, so
 * that its saves can check the file still holds it (form_save_fn). Call it
 * once the record is read; form_free frees the copies. */
void form_track(form *f, size_t rec_size);
void form_free(form *f);
/* Writes field i of rec (the form's record, base or stored) as the form shows
 * it: a choice's label, a date dd/mm/yyyy, "—" when empty. */
void form_value_text(const form *f, int i, const void *rec, char *out, size_t n);
/* True when the user edited field i: changed it, and it now differs from base. */
bool form_field_edited(const form *f, int i);
/* Settles a record changed since the form read it (after FORM_CHANGED):
 * the form then holds the chosen version, and the stored one becomes what the
 * form read. Returns as form_key does: 1 saved, 0 not saved (the stored
 * version taken, or the save's errors and warnings shown), FORM_CHANGED when
 * it changed again meanwhile. */
int form_resolve(form *f, form_choice c);
/* Draws the form in rows y0..y0+rows-1 and places the cursor. */
void form_draw(form *f, int y0, int rows);
/* Handles a key: field moves, editing, choices, F2 save. Returns 1 when the
 * record was saved, 0 when the key was used, -1 when not used, FORM_CHANGED
 * when the save found the record changed since the form read it. */
int form_key(form *f, const tui_event *ev);
/* Copies the editors into the record, checking each field; returns the worst
 * severity and focuses the first field with an error. */
valid_status form_collect(form *f);
/* Shows findings next to their fields; focuses the first error. */
void form_show_findings(form *f, const findings *fs);
/* True when the focused field takes typed text (so '?' '/' are characters). */
bool form_text_focus(const form *f);
/* The field index of a column, or -1. */
int form_field_index(const form *f, const char *column);

/* A choice list of uuids and names (areas or teams) for a dynamic choice field;
 * first = an entry for "none" with code "" (label given), or NULL. Free with choices_free. */
choice *choices_areas(sqlite3 *db, const char *none_label);
choice *choices_teams(sqlite3 *db, const char *none_label);
void choices_free(choice *c);

/* The field tables (form-area.c, form-team.c, form-member.c). */
extern const form_field AREA_FIELDS[];
extern const form_field TEAM_FIELDS[];
/* A member with the team and role it is added to. */
typedef struct {
    member_rec m;
    char team_uuid[UUID_LEN];
    char role[8];
    membership_rec place;     /* the membership the form shows (member_place_get) */
} member_entry;
extern const form_field MEMBER_FIELDS[];

#endif
