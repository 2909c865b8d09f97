/* tui-form.h — typing into libformw fields and the one form engine. A form is built from a
 * field table (label, width, kind, getter/setter into the record struct); no
 * screen draws its own form. */
#ifndef CDTT_TUI_FORM_H
#define CDTT_TUI_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include <form.h>
#include "choices.h"
#include "records.h"
#include "tui-core.h"
#include "validate.h"

/* ---- typing into libformw fields (field-edit.c) -------------------------
 * Every text field is a one-line libformw field. Keys reach it through
 * fe_key, which composes combining marks with the character before the
 * cursor (libform cannot hold a lone mark), applies Telex, filters dates and
 * phones, and keeps the field within its length; then form_driver_w does the
 * editing. Fields live in an off-screen pad and are copied onto the screen
 * (fe_show), so a screen still draws everything in one pass. */
#define FIELD_MAX_CHARS 1000
_Static_assert(FIELD_MAX_CHARS >= TRAINING_NOTE_MAX_CHARS && FIELD_MAX_CHARS >= EMAIL_MAX_BYTES &&
                   FIELD_MAX_CHARS >= NOTE_MAX_CHARS && FIELD_MAX_CHARS >= NAME_MAX_CHARS,
               "a form field must hold every value the model accepts");

/* Which characters a field takes (its libform field type checks the same). */
typedef enum { FE_ANY = 0, FE_DATE, FE_PHONE } fe_filter;

/* fe_key's answers. */
#define FE_UNUSED (-1) /* not an editing key */
#define FE_USED 0      /* used; the text did not change */
#define FE_CHANGED 1   /* the text changed */

typedef struct {
    int max;          /* characters the field holds */
    fe_filter filter;
    bool telex;       /* Telex typing on */
    int telex_style;  /* 1 = old tone placement */
    tui_report *out;  /* where a paste that was refused or trimmed is said (may be NULL) */
} fe_opts;

/* True when a field of filter takes the character c. */
bool fe_char_ok(fe_filter filter, wint_t c);
/* A one-line field of cols visible columns at row,col of its form's pad,
 * holding cap cells (scrolling sideways when cap > cols), blanks and
 * autoskip off, plain attributes, with the filter's libform field type. */
FIELD *fe_new(int row, int col, int cols, int cap, fe_filter filter);
/* Puts UTF-8 text s into f as NFC, at most max characters; returns false
 * when s had more (f then holds its beginning). */
bool fe_set(FIELD *f, const char *s, int max);
/* Writes f's text (NFC, trailing blanks dropped) into out; frm's current
 * field is validated first so that its buffer holds what was typed. */
void fe_get(FORM *frm, FIELD *f, char *out, size_t n);
/* Gives an editing event (a character, a mark, Backspace, Delete, Left,
 * Right, Home, End, Ctrl-A/E/K) to frm's current field; returns FE_*. */
int fe_key(FORM *frm, const tui_event *ev, const fe_opts *o);
/* The cursor's column within the visible part of frm's current field. */
int fe_cursor_x(const FORM *frm);
/* Copies field f of the form drawn into pad onto stdscr at y,x. */
void fe_show(FORM *frm, FIELD *f, WINDOW *pad, int y, int x);
/* Builds a form over fields (NULL-ended) drawn into a new off-screen pad of
 * rows×cols, and posts it. Returns NULL when curses cannot make the pad. */
FORM *fe_post(FIELD **fields, int rows, int cols, WINDOW **pad);
/* Unposts and frees frm, its fields (NULL-ended, set to NULL) and its pad. */
void fe_unpost(FORM **frm, FIELD **fields, WINDOW **pad);

/* ---- a single line of text outside forms (line-input.c) ------------------
 * Search lines and the first run's filter: a one-field libformw form, typed
 * into through fe_key like every form field. */
typedef struct {
    FORM *form;
    FIELD *field[2];
    WINDOW *pad;
    int max;  /* characters it holds */
    int cols; /* visible columns it is built for */
} line_input;

/* Makes an empty line input holding max characters. */
void line_input_init(line_input *li, int max);
/* Frees its libform form (the struct itself is the caller's). */
void line_input_free(line_input *li);
/* Replaces the text with s (NFC); the cursor goes to the end. False when s
 * was longer than the input holds. */
bool line_input_set(line_input *li, const char *s);
/* Writes the text (NFC) into out. */
void line_input_get(line_input *li, char *out, size_t n);
/* Handles an editing key; telex applies Telex. True when used. What became
 * of a paste is said in out (may be NULL). */
bool line_input_key(line_input *li, const tui_event *ev, bool telex, int telex_style, tui_report *out);
/* Shows the text in cols columns at y,x; returns the cursor's column. */
int line_input_draw(line_input *li, int y, int x, int cols);

/* ---- the form engine (form.c) ------------------------------------------ */
typedef enum { FK_TEXT, FK_NAME, FK_DATE, FK_BIRTH, FK_PHONE, FK_CHOICE, FK_YESNO, FK_CCCD, FK_EMAIL } field_kind;

typedef struct form_field form_field;
struct form_field {
    const char *label;   /* N_() */
    const char *column;  /* the record column findings name */
    field_kind kind;
    int width;           /* characters a text field holds / shows */
    const choice *choices; /* FK_CHOICE: a fixed list; NULL = the form's dynamic list */
    bool required;
    /* The stored value (a code for choices, "1"/"0" for yes/no) from the
     * record. NULL in a row made from the catalogue (form_rows_of). */
    void (*get)(const void *rec, char *out, size_t n);
    /* Stores text (already parsed for dates/phones/names) into the record
     * (NULL as get). */
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
    tui_report *out;           /* where the form's messages, hints and cursor go (form_open) */
    /* libformw's form over the fields, drawn into an off-screen pad that
     * form_draw copies onto the screen; built for `avail` columns. */
    FORM *lf;
    FIELD *fld[25];
    WINDOW *pad;
    int avail;
    char **enum_labels[24];    /* TYPE_ENUM keywords of each choice field */
    char shown_lang[8];        /* the language the choice fields' labels are in */
    int sel[24];               /* choice index of each choice field */
    const choice *dyn[24];     /* a dynamic list for a choice field (team, area) */
    char msg[24][256];
    int sev[24];               /* 0 none, 1 warning, 2 error */
    /* The stored value had more characters than the field holds: the field
     * shows its beginning and a save keeps the whole stored value, until the
     * field's text is changed. */
    bool cut[24];
    int cur, top;              /* focused field; first field shown */
    /* The focused text field's text is selected (it got the focus by a field
     * move, as in Excel): typing replaces it, Backspace or Delete clears it,
     * a cursor key keeps it. Shown by the mark "»" before the label. */
    bool selected;
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
    /* Asked once the record is checked, just before it is saved (may be
     * NULL): false leaves it unsaved (the hook says why on the message line). */
    bool (*confirm_save)(form *f);
    /* Called after the user picked another choice in field i (may be NULL):
     * a field may follow another (a team's level follows its area). */
    void (*picked)(form *f, int i);
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

/* Builds the form's libformw fields and fills them from rec (fields ends with
 * label NULL). The form says what it has to say (messages, hints, the cursor)
 * in out, which its caller shows. */
void form_open(form *f, const form_field *fields, void *rec, form_check_fn check,
               form_save_fn save, void *ctx, tui_report *out);
/* Sets a dynamic choice list for the field of column (before or after form_open). */
void form_set_choices(form *f, const char *column, const choice *list);
/* Shows the choice code in the choice field of column, as if read from the
 * record (not the user's edit); false when the field or the code is unknown. */
bool form_set_choice(form *f, const char *column, const char *code);
/* Reloads the fields from the record. */
void form_load(form *f);
/* Puts text (UTF-8) into text field i as typed; returns false when it was
 * longer than the field (the field holds its beginning). */
bool form_set_text(form *f, int i, const char *text);
/* Writes the text of field i as the form has it now (NFC) into out. */
void form_get_text(form *f, int i, char *out, size_t n);
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
/* Handles a key: field moves, editing (with Telex when telex; telex_style 1 =
 * old tone placement), choices, F2 save. Returns 1 when the record was saved,
 * 0 when the key was used, -1 when not used (F6, which switches Telex, is the
 * caller's), FORM_CHANGED when the save found the record changed since the
 * form read it. */
int form_key(form *f, const tui_event *ev, bool telex, int telex_style);
/* Copies the fields into the record, checking each field; returns the worst
 * severity and focuses the first field with an error. */
valid_status form_collect(form *f);
/* Shows findings next to their fields; focuses the first error. */
void form_show_findings(form *f, const findings *fs);
/* True when the focused field takes typed text (so '?' '/' are characters). */
bool form_text_focus(const form *f);
/* The field index of a column, or -1. */
int form_field_index(const form *f, const char *column);

/* ---- rows made from the field catalogue (form-catalog.c) ---------------- */

/* The form rows of table's fields (fields.h) in the order of layout
 * (NULL-ended column names), then any content field of table it does not
 * name: each with its catalogue label, kind of value, choice list, length and
 * required flag, its value kept at the catalogue's place in the kind's struct,
 * which starts at byte at of the form's record. A column of layout that hand
 * (rows ending with label NULL) has is that row instead. Ends with a row of
 * label NULL; built once per table by the caller (the rows live as long as
 * the program). */
form_field *form_rows_of(const char *table, const char *const *layout, size_t at, const form_field *hand);
/* Writes the stored value of row fd of record rec into out (fd->get, or the
 * catalogue's place for a row of form_rows_of). */
void form_row_get(const form_field *fd, const void *rec, char *out, size_t n);
/* Stores value into row fd of record rec (fd->set, or the catalogue's place). */
void form_row_set(const form_field *fd, void *rec, const char *value);

/* A choice list of uuids and names (areas or teams) for a dynamic choice field;
 * first = an entry for "none" with code "" (label given), or NULL. Free with choices_free. */
choice *choices_areas(sqlite3 *db, const char *none_label);
choice *choices_teams(sqlite3 *db, const char *none_label);
void choices_free(choice *c);

/* The field tables (form-area.c, form-team.c, form-member.c). */
/* The area and team forms' rows, made from the field catalogue. */
const form_field *area_form_fields(void);
const form_field *team_form_fields(void);
/* A member with the team and role it is added to. */
typedef struct {
    member_rec m;
    char team_uuid[UUID_LEN];
    char role[8];
    membership_rec place;     /* the membership the form shows (member_place_get) */
    char since[11];           /* the day it began (place.date_from; a new member: today) */
    char left[11];            /* the day the member leaves the team ("" = stays) */
} member_entry;
/* The member form's rows: the member's catalogued fields and the team it is in. */
const form_field *member_form_fields(void);

#endif
