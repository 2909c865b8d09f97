/* tui-training.h — the training screens: the progress against the plan's
 * targets (with who is still missing each indicator), bulk checklists (MOOC,
 * Zalo OA, session attendance), training sessions and team activities. */
#ifndef CDTT_TUI_TRAINING_H
#define CDTT_TUI_TRAINING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "settings.h"
#include "progress.h"
#include "tui-core.h"

/* The training menu (home item "Training"). */
tui_screen *screen_training_new(tui_ctx *cx);
/* The progress screen as of today (training menu item 1). */
tui_screen *screen_training_progress_new(tui_ctx *cx);
/* Who is still missing indicator ind in area area_uuid (NULL = everywhere,
 * "" = commune-level teams) as of as_of ("YYYY-MM-DD"); NULL when it cannot be read. */
tui_screen *screen_missing_new(tui_ctx *cx, enum target_indicator ind, const char *as_of, const char *area_uuid,
                               const char *area_name);
/* The same within a scope (NULL = everything; progress.h): at a province a
 * commune, village or team reached by going down the progress screen. */
tui_screen *screen_missing_new_in(tui_ctx *cx, enum target_indicator ind, const char *as_of,
                                  const progress_scope *scope, const char *name);

/* The training sessions, newest first; Enter opens a session's attendance, F4 adds one. */
tui_screen *screen_sessions_new(tui_ctx *cx);
/* The form of a new session; saving it opens its attendance checklist. */
tui_screen *session_form_new(tui_ctx *cx);
/* Picks a list of people from the province (Excel or CSV), checks it without
 * writing — rows matched to a member, each row not matched or ambiguous with
 * its reason — and on F2 marks the matched members: as having completed the
 * MOOC course (session_uuid NULL) or as present at that session. */
tui_screen *screen_training_import_new(tui_ctx *cx, const char *session_uuid);

/* What a member checklist applies to the ticked members. */
typedef enum { CHECK_MOOC = 0, CHECK_ZALO, CHECK_ATTEND } checklist_kind;

/* A checklist of the members of team_uuid or area_uuid (NULL or "" = all):
 * MOOC completed or Zalo OA followed on date ("YYYY-MM-DD"), or attendance at
 * session session_uuid (current attendees start ticked). */
tui_screen *screen_checklist_new(tui_ctx *cx, checklist_kind kind, const char *team_uuid, const char *area_uuid,
                                 const char *date, const char *session_uuid, const char *label);

/* ---- helpers (bar-text.c, list-index.c) ---- */

/* Draws a horizontal bar of pct (0–100; < 0 = nothing to measure) in cols
 * columns into out: block characters (eighths) when utf8, else '#' and '.'.
 * Always exactly cols columns wide. */
void progress_bar_text(double pct, int cols, bool utf8, char *out, size_t n);

/* True when bars may use block characters: a UTF-8 locale and colours. */
bool progress_bar_utf8(void);

/* A list_source page function over count rows held by the screen: each list
 * row is an int, the index of the screen's row. */
int list_index_page(int count, const void *from, int dir, int limit, void *rows);

/* Shows such a list again from row number first with row number sel selected
 * (read on the next draw): a screen going back to where it was. */
struct list_view;
void list_index_show(struct list_view *l, int first, int sel);

/* Writes stem.csv and stem.txt (mode 0600) in the current folder with
 * emit(f, ctx, fmt), through the safe writer (outfile.h: never through a link,
 * never over anything but a regular file); existing files are replaced only
 * after the user agrees (asked through cx). msg gets what to tell the user.
 * Returns 0 when written, 1 when the user kept the existing files, -1 on an
 * error. */
int training_export(tui_ctx *cx, const char *stem, void (*emit)(FILE *f, void *ctx, report_format fmt), void *ctx,
                    char *msg, size_t n);

#endif
