/* screen-training-import.c — a list of people from the province (who finished
 * the MOOC course, who attended a session) read from Excel or CSV in the TUI:
 * a file picker, then a dry run showing how many rows matched a member and
 * every row that did not, then F2 marks the matched members for real. */
#include "tui-training.h"
#include "tui-exchange.h"
#include "training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The list being checked: its file and the session it is the attendance of
 * ("" = the MOOC course). */
typedef struct {
    char *path;
    char session[37];
} list_check;

/* Frees a list_check (the screen's user data). */
static void check_free(void *user)
{
    list_check *lc = user;
    free(lc->path);
    free(lc);
}

/* Adds the rows not matched, each "NAME:LINE: reason". */
static void add_problems(lines_screen *ls, const char *path, const training_list_summary *s)
{
    if (!s->n_problems)
        return;
    lines_add(ls, 3, "%s", _("Rows not matched to one member (not marked):"));
    lines_add_file_lines(ls, 1, path, s->problems, s->n_problems);
}

/* Reads lc's list (dry_run writes nothing) and fills ls with what was read,
 * the counts and the rows not matched. Returns training_import_list's result;
 * *matched gets the rows matched. */
static int run_list(lines_screen *ls, const list_check *lc, int dry_run, long long *matched)
{
    tui_ctx *cx = lines_base(ls)->cx;
    training_list_summary s;
    memset(&s, 0, sizeof s);
    cdtt_err e;
    memset(&e, 0, sizeof e);
    const char *session = lc->session[0] ? lc->session : NULL;
    int rc = training_import_list(cx->db, lc->path, NULL, NULL, session, dry_run, &s, &e);
    lines_clear(ls);
    lines_add(ls, 3, "%s", lines_base_name(lc->path));
    *matched = 0;
    if (rc < 0) {
        lines_add(ls, 2, "%s", e.msg);
        ctx_message(cx, 2, "%s%s", _("Error: "), e.msg);
    } else {
        if (s.source[0])
            lines_add(ls, 0, _("Read: %s"), s.source);
        lines_add(ls, 0, _("Rows read: %lld"), s.rows_read);
        lines_add(ls, 0, dry_run ? _("Matched a member, will be marked: %lld") : _("Matched a member, marked: %lld"),
                  s.matched);
        lines_add(ls, s.unmatched ? 1 : 0, _("Not matched or ambiguous: %lld"), s.unmatched);
        if (!dry_run)
            lines_add(ls, 0, _("Records changed: %d"), s.changed);
        add_problems(ls, lc->path, &s);
        *matched = s.matched;
    }
    training_list_summary_free(&s);
    return rc;
}

/* F2 on the checked list: marks the matched members for real after confirmation. */
static void apply_now(lines_screen *ls, void *user)
{
    tui_ctx *cx = lines_base(ls)->cx;
    list_check *lc = user;
    if (!ctx_confirm(cx, _("Mark the matched members now?")))
        return;
    long long matched;
    int rc = run_list(ls, lc, 0, &matched);
    lines_done(ls);
    if (rc >= 0)
        ctx_message(cx, 0, _("%lld member(s) marked from the list."), matched);
}

/* Checks the chosen list without writing; offers F2 when some row matched. */
static void check_list(tui_ctx *cx, char **paths, int n, void *user)
{
    const char *session = user;
    if (n < 1)
        return;
    list_check *lc = xcalloc(1, sizeof *lc);
    lc->path = xstrdup(paths[0]);
    snprintf(lc->session, sizeof lc->session, "%s", session ? session : "");
    lines_screen *ls = lines_screen_new(cx, lc->session[0] ? _("Attendance from an Excel list")
                                                       : _("MOOC course completed: list from Excel"),
                                        lc, check_free);
    long long matched;
    int rc = run_list(ls, lc, 1, &matched);
    if (rc >= 0 && matched > 0) {
        lines_add_action(ls, ACT_SAVE, _("Mark"), apply_now);
        ctx_message(cx, 0, "%s", _("Checked: nothing written yet. F2 marks the matched members."));
    } else if (rc >= 0) {
        ctx_message(cx, 2, "%s", _("No row matched a member: nothing to mark."));
    }
    ctx_push(cx, lines_base(ls));
}

/* The session's key for the picker's answer (one at a time: the picker is
 * closed before another opens). */
static char picked_session[37];

tui_screen *screen_training_import_new(tui_ctx *cx, const char *session_uuid)
{
    snprintf(picked_session, sizeof picked_session, "%s", session_uuid ? session_uuid : "");
    return screen_picker_new(cx, session_uuid ? _("Attendance from an Excel list (.xlsx, .xls, CSV)")
                                          : _("MOOC course completed: list from Excel (.xlsx, .xls, CSV)"),
                             ".csv,.txt,.xlsx,.xls", false, check_list, session_uuid ? picked_session : NULL);
}
