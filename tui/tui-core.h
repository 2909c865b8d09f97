/* tui-core.h — the full-screen program's core: terminal, key bindings, theme,
 * the key bar and the stack of screens. Screens are draw/key pairs over a model
 * that never draws; the app loop calls one draw and one doupdate per input event.
 *
 * Adding a screen (training, export/import, ...): write a constructor that
 * takes the context (tui_ctx) and fills a tui_screen with tui_screen_init
 * (draw, key, destroy; resume and relabel if needed; actions for the key bar;
 * a title), ctx_push() it, and give its constructor to the MENU table in
 * screen-home.c.
 * For a form use form_screen_new() with a field table (tui-screens.h); for a
 * list use list_view with a list_source (tui-list.h), whose checked/toggle
 * callbacks give a checklist (Space toggles). Messages go through _() with
 * their Vietnamese in po/vi.po. */
#ifndef CDTT_TUI_CORE_H
#define CDTT_TUI_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <wchar.h>
#include <sqlite3.h>
#include "cdtt.h"
#include "settings.h"

/* ---- actions and the one table of key bindings (keys.c) ---------------- */
typedef enum {
    ACT_NONE = 0,
    ACT_HELP,    /* F1, Ctrl-G, '?' outside text fields */
    ACT_SAVE,    /* F2, Ctrl-S */
    ACT_SEARCH,  /* F3, Ctrl-F, '/' outside text fields */
    ACT_NEW,     /* F4, Ctrl-N */
    ACT_FILTER,  /* F5, Ctrl-R */
    ACT_TELEX,   /* F6, Ctrl-T */
    ACT_DELETED, /* F7, Ctrl-U: show deleted records (to undo a deletion) */
    ACT_DELETE,  /* F8, Ctrl-D (restores in the deleted view) */
    ACT_HISTORY, /* F9, Ctrl-O: who changed this record, when (a record's form) */
    ACT_BACK,    /* F10, Esc */
    ACT_QUIT,    /* Ctrl-Q, Ctrl-C */
    ACT_COUNT
} tui_action;

/* One input event: a character (is_key false, ch) or a curses key code
 * (is_key true, ch = KEY_*), with the action it is bound to (ACT_NONE if any). */
typedef struct {
    bool is_key;
    wint_t ch;
    tui_action act;
    /* Pasted text (bracketed paste), UTF-8 with control characters and escape
     * sequences removed, or NULL; ch is then 0 and act ACT_NONE. Valid until
     * the next term_read. */
    const char *paste;
    /* Control characters and escape sequences dropped from the paste. */
    int paste_dropped;
} tui_event;

/* Maps a raw event to its action. text_input: '?' and '/' are characters then. */
tui_action keys_action(bool is_key, wint_t ch, bool text_input);

/* The key names shown for an action ("F2/^S") and its label (translated). */
const char *keys_name(tui_action a);
const char *keys_label(tui_action a);

/* Keys that are not actions but are named in the same table: Enter, Tab,
 * Shift-Tab and the Up/Down arrows, as the screens and forms read them. */
typedef enum { NAV_NONE = 0, NAV_ENTER, NAV_TAB, NAV_BACKTAB, NAV_DOWN, NAV_UP, NAV_COUNT } tui_nav;

/* The navigation key ev is (NAV_NONE for any other key). */
tui_nav keys_nav(const tui_event *ev);
/* True for Enter (Ctrl-M, Ctrl-J, the keypad's Enter). */
bool keys_enter(const tui_event *ev);
/* True for the keys that go to the next field of a form (Tab, Enter, Down). */
bool keys_next_field(const tui_event *ev);
/* True for the keys that go to the previous field (Shift-Tab, Up). */
bool keys_prev_field(const tui_event *ev);
/* Line i of the help that the key table gives (its keys, "F1  Ctrl-G  ?",
 * into keys; its explanation, N_(), into *what); false after the last line. */
bool keys_help_line(int i, char *keys, size_t n, const char **what);

/* ---- theme (theme.c) ----------------------------------------------------- */
typedef enum {
    TH_NORMAL = 0, TH_TITLE, TH_KEY, TH_KEYLABEL, TH_SELECTED, TH_LABEL, TH_FOCUS,
    TH_ERROR, TH_WARN, TH_DIM, TH_COUNT
} theme_role;

/* Sets colours when the terminal has them; attributes only (bold, reverse) otherwise. */
void theme_init(void);
/* The curses attributes of a role. */
int theme_attr(theme_role r);

/* ---- terminal (term.c) --------------------------------------------------- */
/* Puts the terminal in full-screen raw mode: keys, PuTTY F1–F4, short Esc delay,
 * signals that end the program cleanly. Returns 0, or -1 when there is no terminal. */
int term_start(void);
/* Restores the terminal (safe to call twice). After a hang-up it returns once
 * the dying shell's SIGCONT can no longer arrive while the program exits (see
 * term.c): a tracer such as LeakSanitizer's exit-time scan would wait for ever. */
void term_stop(void);
/* Reads the next event. Returns 1 with ev filled, 0 for a resize, -1 when the
 * program must end (hang-up, terminate signal, terminal gone). A bracketed
 * paste comes as one event (ev->paste); escape sequences that are not keys
 * (colours in copied text) are dropped, and so is a control character that
 * arrived between printable characters in one burst (a paste without
 * brackets): pasted text never runs a command. */
int term_read(tui_event *ev, bool text_input);
/* True once SIGHUP, SIGTERM or SIGINT arrived. */
bool term_signalled(void);
/* Shows (1) or hides (0) the cursor, sending bytes only when it changes. */
void term_cursor(int visible);

/* ---- what widgets and screens say back (report.c) ------------------------ */
/* The message line, the hint and the cursor that a draw or a key asks for:
 * the app gives its screens one, and a widget writes into the one its caller
 * hands it (the widget never reaches the app). */
typedef struct {
    char msg[1024];      /* the message line */
    int msg_sev;         /* 0 info, 1 warning, 2 error */
    char hint[512];      /* during a draw: a text cut under the focus, shown whole when msg is empty */
    int cur_y, cur_x;    /* the cursor wanted after the draw, -1 = hidden */
} tui_report;

/* Sets the message line (sev 0 info, 1 warning, 2 error); "" clears it. */
void report_message(tui_report *r, int sev, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The same with a va_list. */
void report_vmessage(tui_report *r, int sev, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));
/* During a draw: the whole of a text the drawer had to cut under the focus
 * (a row, a field's note), shown on the message line when no message is set. */
void report_hint(tui_report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same with a va_list. */
void report_vhint(tui_report *r, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Puts the cursor at y,x after drawing (-1,-1 hides it). */
void report_cursor(tui_report *r, int y, int x);

/* The smallest usable terminal. */
#define TUI_MIN_COLS 60
#define TUI_MIN_LINES 16

/* ---- screens (screen-init.c) and their context (ctx.c) ------------------- */
typedef struct tui_screen tui_screen;
typedef struct tui_ctx tui_ctx;
struct tui_screen {
    /* Draws rows 1..LINES-3 (row 0 is the title, LINES-2 the message line,
     * LINES-1 the key bar). Sets the cursor with ctx_cursor() if it wants one. */
    void (*draw)(tui_screen *s);
    /* Handles an event; returns true when it used it. */
    bool (*key)(tui_screen *s, const tui_event *ev);
    /* Called when the screen comes back to the top (after a pushed screen popped). */
    void (*resume)(tui_screen *s);
    /* Frees the screen (and s itself). */
    void (*destroy)(tui_screen *s);
    /* The actions shown in the key bar, ended by ACT_NONE (may change while shown). */
    const tui_action *actions;
    /* A label for an action that differs on this screen now, or NULL (may be NULL). */
    const char *(*relabel)(tui_screen *s, tui_action a);
    /* True while keys are typed into a text field ('?' and '/' are characters). */
    bool text_input;
    /* True when the screen holds changes not saved yet (may be NULL): quitting
     * the program then asks first. */
    bool (*unsaved)(tui_screen *s);
    /* The title as its msgid (N_()), translated when drawn so that it follows
     * a language change; a tail after " · " (a name) is shown as is. */
    char title[256];
    tui_screen *below; /* the stack */
    tui_ctx *cx;       /* the app's context, given when the screen was made */
};

/* What a kind of screen does (resume and relabel may be NULL). */
typedef struct {
    void (*draw)(tui_screen *s);
    bool (*key)(tui_screen *s, const tui_event *ev);
    void (*resume)(tui_screen *s);
    void (*destroy)(tui_screen *s);
    const char *(*relabel)(tui_screen *s, tui_action a);
} tui_screen_hooks;

/* Gives the screen s its context, its hooks, its key-bar actions (may be
 * NULL) and its title (cut to fit). */
void tui_screen_init(tui_screen *s, tui_ctx *cx, const tui_screen_hooks *h, const tui_action *actions,
                     const char *title);

/* ---- the context the app gives its screens (ctx.c) ------------------------
 * The app owns the screens: it makes one context, hands it to every screen it
 * creates, and reads back what the screens asked of it. A screen reaches the
 * file, the settings and the message line through its context, never through
 * the app itself, and asks the app to push, pop or confirm through it. */
struct tui_ctx {
    sqlite3 *db;              /* the open file */
    const cdtt_config *cfg;   /* the settings in force (a screen that saves new ones points this at them) */
    bool telex;               /* Telex typing mode (F6 switches it) */
    bool quit;                /* set to end the program */
    tui_report report;        /* the message line, the hint and the cursor */
    double key_ms;            /* timing_ms() when the last input event arrived */
    const char *timing_event; /* reported after the next screen update, or NULL */
    double timing_since;      /* ... as the milliseconds since this timing_ms() value */
    /* What the app does when a screen asks (set by the app). */
    void (*push)(tui_ctx *cx, tui_screen *s);
    void (*pop)(tui_ctx *cx);
    bool (*confirm)(tui_ctx *cx, const char *question);
};

/* Puts s on top of the screens (it is shown next). */
void ctx_push(tui_ctx *cx, tui_screen *s);
/* Pops and destroys the top screen; the one below resumes. */
void ctx_pop(tui_ctx *cx);
/* Asks a yes/no question on the message line and waits: true for yes
 * (y, c; Enter is no). Resizes redraw the screen meanwhile. */
bool ctx_confirm(tui_ctx *cx, const char *question);
/* Sets the message line (sev 0 info, 1 warning, 2 error); "" clears it. */
void ctx_message(tui_ctx *cx, int sev, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* During a draw: the whole of a text the screen had to cut under the focus,
 * shown on the message line when no message is set. */
void ctx_hint(tui_ctx *cx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Puts the cursor at y,x after drawing (-1,-1 hides it). */
void ctx_cursor(tui_ctx *cx, int y, int x);
/* With CDTT_TIMING set (timing.h): reports event, as the milliseconds since
 * since_ms, once the next screen update has been sent to the terminal. */
void ctx_timing(tui_ctx *cx, const char *event, double since_ms);
/* The Telex tone placement the settings ask for: 1 old ("hoà"), 0 new ("hòa"). */
int ctx_telex_style(const tui_ctx *cx);

/* ---- drawing helpers (draw.c) ------------------------------------------- */
/* Writes s into out (n bytes) cut to cols columns; a cut (other than of
 * trailing blanks) ends in "…", so no text is ever cut without a sign.
 * Returns true when s was cut. */
bool draw_clip(const char *s, int cols, char *out, size_t n);
/* Writes UTF-8 text at y,x clipped to cols columns (a cut ends in "…");
 * returns the columns used. */
int draw_text(int y, int x, const char *s, int cols, int attr);
/* Writes s wrapped at blanks over at most max_lines lines of cols columns
 * from y,x (the last line ends in "…" when even they are too few); returns
 * the lines used. */
int draw_wrap(int y, int x, const char *s, int cols, int max_lines, int attr);
/* Fills cols columns at y,x with blanks in attr. */
void draw_fill(int y, int x, int cols, int attr);

/* ---- the key bar (keybar.c) --------------------------------------------- */
/* Draws the key bar of the screen's actions on the last line (Telex shows
 * whether it is on: telex). */
void keybar_draw(tui_screen *s, bool telex);

/* ---- screens (screen-*.c) ----------------------------------------------- */
tui_screen *screen_home_new(tui_ctx *cx);
tui_screen *screen_setup_new(tui_ctx *cx);
/* The same choice from Settings, for a file that has an office: what a change
 * means is said, it is asked, and the file gets a new key (NULL when there is
 * no unit list to choose from; the message line says so). */
tui_screen *screen_setup_change(tui_ctx *cx);
tui_screen *screen_help_new(tui_ctx *cx);
tui_screen *screen_settings_new(tui_ctx *cx);
tui_screen *screen_areas_new(tui_ctx *cx);
tui_screen *screen_teams_new(tui_ctx *cx);
tui_screen *screen_members_new(tui_ctx *cx, const char *team_uuid);
tui_screen *screen_progress_new(tui_ctx *cx);
/* Who changed what and when (screen-history.c): one record's history (its
 * uuid), or with NULL the latest changes of the file, newest first. */
tui_screen *screen_history_new(tui_ctx *cx, const char *record_uuid);
/* The latest changes (for the home menu). */
tui_screen *screen_history_latest(tui_ctx *cx);

#endif
