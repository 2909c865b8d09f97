/* tui-exchange.h — the exchange screens: packages for the level above (export,
 * import, conflicts, completeness) and spreadsheets in and out (CSV, xlsx),
 * with the small widgets they share: a list over an in-memory array, a
 * scrollable text screen, a file picker and a progress bar. */
#ifndef CDTT_TUI_EXCHANGE_H
#define CDTT_TUI_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>
#include "tui-core.h"
#include "tui-list.h"
#include "choices.h"
#include "conflict.h"

/* ---- a list over an in-memory array (list-array.c) ------------------------
 * A screen's list context starts with a list_array; the rows of the list are
 * array_row values naming the position shown and the item it stands for. */
typedef struct {
    int *items; /* the items shown, in order (indexes into the screen's array) */
    int n;
} list_array;

typedef struct {
    int pos;  /* position in the list */
    int item; /* index into the screen's array */
} array_row;

/* A list_source page function over the list_array at the start of l->ctx. */
int list_array_page(list_view *l, const void *from, int dir, int limit, void *rows, cdtt_err *e);
/* Shows items 0..n-1 in order. */
void list_array_all(list_array *a, int n);
/* Shows the items of 0..n-1 for which keep(ctx, item) is true, in order. */
void list_array_filter(list_array *a, int n, bool (*keep)(void *ctx, int item), void *ctx);
void list_array_free(list_array *a);

/* ---- a scrollable screen of text lines (screen-lines.c) --------------------- */
typedef struct lines_screen lines_screen;
typedef void (*lines_action_fn)(lines_screen *ls, void *user);
/* A screen showing lines (added with lines_add) that Up/Down/PgUp/PgDn scroll.
 * user (may be NULL) goes to the actions and is freed with free_user. */
lines_screen *lines_screen_new(tui_ctx *cx, const char *title, void *user, void (*free_user)(void *user));
/* Binds action a (F2, F4 …) to fn, shown in the key bar as label (at most 3 actions). */
void lines_add_action(lines_screen *ls, tui_action a, const char *label, lines_action_fn fn);
/* Appends a line (copied); sev 0 normal, 1 warning, 2 error, 3 heading. */
void lines_add(lines_screen *ls, int sev, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Adds items[0..n) as lines of severity sev, indented; a line that begins
 * "PATH:LINE:" shows the file's name without its folder (lines_base_name). */
void lines_add_file_lines(lines_screen *ls, int sev, const char *path, char **items, int n);
/* The file's name without its folder. */
const char *lines_base_name(const char *path);
/* Removes every line. */
void lines_clear(lines_screen *ls);
/* Removes the actions (after one ran). */
void lines_done(lines_screen *ls);
tui_screen *lines_base(lines_screen *ls);
/* The user data given to lines_screen_new. */
void *lines_user(lines_screen *ls);
/* Lines added from now on carry tag (-1 = none, the default); a wrapped line's
 * continuations carry it too. */
void lines_set_tag(lines_screen *ls, int tag);
/* Selects (at the next draw) the first line carrying tag, shown near the top. */
void lines_select_tag(lines_screen *ls, int tag);
/* Enter on a line with a tag (>= 0) calls fn with it. */
typedef void (*lines_enter_fn)(lines_screen *ls, void *user, int tag);
void lines_on_enter(lines_screen *ls, lines_enter_fn fn);

/* ---- a pick-list of a choice list's items (screen-pick-choice.c) ------------
 * Arrows and Enter pick an item; typed letters keep the items whose label
 * (accents and case ignored) has a word starting with them, Backspace takes one
 * back. On Enter the screen closes and chosen gets the item's code (static
 * storage, the list's); Esc closes it without a choice. */
typedef void (*pick_choice_fn)(const char *code, void *user);
tui_screen *screen_pick_choice_new(tui_ctx *cx, const char *title, const char *prompt, const choice *list,
                                   pick_choice_fn chosen, void *user);

/* ---- a progress bar on the message line (progress-bar.c) -------------------
 * Drawn at most about four times a second, one doupdate each. */
void progress_start(const char *what);
/* Shows done of total (total 0: a count only). */
void progress_show(const char *step, long long done, long long total);
/* Callbacks in the shapes package.h and csvio.h call. */
void progress_package_cb(void *user, const char *step, long long done, long long total);
void progress_csvio_cb(void *ctx, long long done, long long total);

/* ---- a file picker (screen-picker.c) ---------------------------------------
 * Lists the files of a folder whose names end with ext (".cdtt", or several
 * endings separated by commas: ".csv,.xlsx"); the
 * folder line can be edited (a folder lists it, a file picks it). Space checks
 * files when multi; Enter or F2 hands the checked files (or the selected one)
 * to chosen, with the picker's context, which owns nothing it is given. */
typedef void (*picker_fn)(tui_ctx *cx, char **paths, int n, void *user);
tui_screen *screen_picker_new(tui_ctx *cx, const char *title, const char *ext, bool multi, picker_fn chosen,
                              void *user);

/* ---- the exchange screens ------------------------------------------------------ */
/* The menu: export, import, member list from Excel, spreadsheets, conflicts, completeness. */
tui_screen *screen_exchange_new(tui_ctx *cx);
/* The package export form (file name, identifiers included or not). */
tui_screen *screen_export_package_new(tui_ctx *cx);
/* The spreadsheet export form (a table as CSV, or every table as an xlsx workbook). */
tui_screen *screen_export_sheet_new(tui_ctx *cx);
/* Picks packages and imports them, then shows each file's summary. */
tui_screen *screen_import_packages_new(tui_ctx *cx);
/* Picks a member list, checks it (dry run), shows every problem, imports on F2. */
tui_screen *screen_import_members_new(tui_ctx *cx);
/* The open conflicts; Enter shows both versions field by field, F2 keeps mine, F4 takes theirs. */
tui_screen *screen_conflicts_new(tui_ctx *cx);
/* One conflict field by field: Space chooses each field's side, F2 applies the
 * choices, F4 takes every field from below. */
tui_screen *screen_conflict_fields_new(tui_ctx *cx, const conflict_rec *c);
/* A pre-2025 commune's villages with the new commune each goes to (a divided
 * commune: Space places, F4 chooses this file's commune); F2 migrates the file
 * to the 2025-07 list after asking (migrate.h) and shows what was done. */
tui_screen *screen_migrate_new(tui_ctx *cx);
/* Every commune under this office with its last package and members. */
tui_screen *screen_completeness_new(tui_ctx *cx);

/* For the home screen of a consolidating office: writes a line with the number
 * of communes reporting, of all communes, and the members, and returns true;
 * returns false for a commune (out untouched). */
bool exchange_home_summary(sqlite3 *db, char *out, size_t n);
#endif
