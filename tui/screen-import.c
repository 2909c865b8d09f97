/* screen-import.c — importing from the TUI: packages from the level below
 * (each file's summary or the reason it was refused) and a member list kept in
 * Excel (a dry run listing every problem first, then the import on F2). */
#include "tui-exchange.h"
#include "keys.h"
#include "csvio.h"
#include "package.h"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Adds a line of an import's result to the lines screen. */
static void add_result_line(void *user, int kind, const char *text)
{
    static const int STYLE[] = {[PACKAGE_LINE_TEXT] = 0, [PACKAGE_LINE_HEAD] = 3, [PACKAGE_LINE_NOTE] = 1,
                                [PACKAGE_LINE_ERROR] = 2, [PACKAGE_LINE_REFUSAL] = 0};
    lines_add((lines_screen *)user, STYLE[kind], "%s", text);
}

/* Imports one file; when records are refused, or the file comes from another
 * copy of its office's file, asks whether to merge the rest or to replace that
 * office's data, and imports again if so. Fills r (free it). */
static void import_one(tui_ctx *cx, const char *path, const char *name, package_import_result *r)
{
    package_import_opts o = {0};
    package_import_with(cx->db, path, &o, progress_package_cb, NULL, r);
    char q[1400];
    if (r->outcome == PACKAGE_HELD) {
        snprintf(q, sizeof q, _("%s: %d record(s) may not be written by %s (other communes' records, or "
                                "values cdtt does not accept: the result lists them). Import the rest?"), name, r->n_refused, r->m.source_name);
        o.accept_partial = 1;
    } else if (r->key_refused) {
        char fp[KEY_FINGERPRINT_LEN];
        keys_fingerprint(r->key, fp);
        snprintf(q, sizeof q, _("%s is signed with a new key, fingerprint %s: was the file of %s made again? Phone "
                                "the commune and compare with what 'cdtt keys show' prints there. Replace everything "
                                "held for %s by the package's content, and take its key?"),
                 name, fp, r->m.source_name, r->m.source_name);
        o.replace = 1;
    } else if (r->other_instance) {
        snprintf(q, sizeof q, _("%s comes from another copy of the file of %s. Replace everything held for %s "
                                "by its content?"), name, r->m.source_name, r->m.source_name);
        o.replace = 1;
    } else {
        return;
    }
    if (!ctx_confirm(cx, q))
        return;
    package_import_result_free(r);
    progress_start(_("Importing"));
    package_import_with(cx->db, path, &o, progress_package_cb, NULL, r);
}

/* Imports the chosen packages one after the other and shows the summaries. */
static void import_packages(tui_ctx *cx, char **paths, int n, void *user)
{
    (void)user;
    lines_screen *ls = lines_screen_new(cx, _("Import result"), NULL, NULL);
    package_counts total = {0};
    int refused = 0;
    long long records = 0;
    progress_start(_("Importing"));
    for (int i = 0; i < n; i++) {
        package_import_result r;
        const char *name = lines_base_name(paths[i]);
        import_one(cx, paths[i], name, &r);
        package_result_lines(&r, name, add_result_line, ls);
        if (r.outcome == PACKAGE_REFUSED || r.outcome == PACKAGE_HELD) {
            lines_add(ls, 0, "  %s", _("Nothing was changed by this file."));
            refused++;
        } else {
            package_counts_add(&total, &r.c);
        }
        records += r.n_refused;
        package_import_result_free(&r);
    }
    lines_add(ls, 0, "%s", "");
    char line[512];
    package_counts_text(_("Total"), &total, line, sizeof line);
    lines_add(ls, 0, "%s", line);
    if (total.n_conflicts)
        lines_add(ls, 1, "%s", _("Records changed at both levels are listed under Conflicts."));
    if (refused)
        ctx_message(cx, 2, _("%d file(s) refused; the data was not changed by them."), refused);
    else if (records)
        ctx_message(cx, 2, _("%lld record(s) refused and left out; they are listed."), records);
    else
        ctx_message(cx, 0, _("%d file(s) imported."), n);
    ctx_push(cx, lines_base(ls));
}

tui_screen *screen_import_packages_new(tui_ctx *cx)
{
    return screen_picker_new(cx, _("Import packages from the level below"), ".cdtt", true, import_packages, NULL);
}

/* Lists a list of strings, one line each, under a heading (nothing when empty). */
static void add_list(lines_screen *ls, const char *heading, char **items, int n)
{
    if (!n)
        return;
    lines_add(ls, 3, "%s", heading);
    for (int i = 0; i < n; i++)
        lines_add(ls, 0, "  %s", items[i]);
}

/* A member list being checked: its file and the choice values the last
 * check saw (kind and value, line for line with the summary's values). */
typedef struct {
    char *path;
    csvio_choice_value *values;
    int n_values;
    int fixing; /* the value whose item is being picked */
    int jump;   /* the only problems are values that mean nothing: select the first */
} member_check;

/* Frees the values kept from the last check. */
static void check_values_free(member_check *mc)
{
    for (int i = 0; i < mc->n_values; i++)
        free(mc->values[i].value);
    free(mc->values);
    mc->values = NULL;
    mc->n_values = 0;
}

/* Frees a member_check (the screen's user data). */
static void check_free(void *user)
{
    member_check *mc = user;
    check_values_free(mc);
    free(mc->path);
    free(mc);
}

/* Keeps the summary's choice values in mc (copies). */
static void check_keep_values(member_check *mc, const csvio_import_summary *s)
{
    check_values_free(mc);
    if (!s->choice_values || !s->n_values)
        return;
    mc->values = xcalloc((size_t)s->n_values, sizeof *mc->values);
    for (int i = 0; i < s->n_values; i++) {
        mc->values[i] = s->choice_values[i];
        mc->values[i].value = xstrdup(s->choice_values[i].value);
    }
    mc->n_values = s->n_values;
}

/* The values of the choice columns, each line tagged with its index so that
 * Enter on it can settle what it means. */
static void add_values(lines_screen *ls, const csvio_import_summary *s)
{
    if (!s->n_values)
        return;
    lines_add(ls, 3, "%s", _("Values of the choice columns (Enter on one: choose what it means):"));
    for (int i = 0; i < s->n_values; i++) {
        lines_set_tag(ls, s->choice_values ? i : -1);
        lines_add(ls, 0, "  %s", s->values[i]);
    }
    lines_set_tag(ls, -1);
}

/* What a member-list import of path did (or would do), the stored values it
 * replaces, then every problem, then the preview (what was read and understood). */
static void add_member_summary(lines_screen *ls, const char *path, const csvio_import_summary *s, int dry_run)
{
    lines_add(ls, 0, _("Rows read: %lld"), s->rows_read);
    lines_add(ls, 0, _("Members: new %lld, updated %lld, unchanged %lld"), s->members_new, s->members_updated,
              s->members_unchanged);
    lines_add(ls, 0, _("Added to a team: %lld; teams created: %lld; villages/groups created: %lld"),
              s->memberships_new, s->teams_created, s->areas_created);
    if (s->moves_not_made)
        lines_add(ls, 1, _("In another team on the list, not moved: %lld"), s->moves_not_made);
    add_list(ls, dry_run || s->errors ? _("Would create:") : _("Created:"), s->created, s->n_created);
    add_list(ls, _("Columns not recognised (ignored):"), s->ignored_columns, s->n_ignored);
    if (s->n_changes && !s->errors) {
        lines_add(ls, 3, "%s",
                  dry_run ? _("Stored values the list would replace (old → new):") : _("Stored values replaced (old → new):"));
        lines_add_file_lines(ls, 0, path, s->changes, s->n_changes);
    }
    if (s->n_problems)
        lines_add(ls, 3, _("Problems (%lld errors, %lld warnings):"), s->errors, s->warnings);
    lines_add_file_lines(ls, 0, path, s->problems, s->n_problems);
    /* The preview: what was read and understood (below the problems, which come first). */
    if (s->source[0])
        lines_add(ls, 3, _("Read: %s"), s->source);
    add_list(ls, _("Columns recognised:"), s->columns, s->n_columns);
    add_values(ls, s);
    add_list(ls, _("First rows as they will be stored:"), s->preview, s->n_preview);
}

/* Runs the member-list import of mc's file; dry_run writes nothing. Fills ls,
 * keeps the choice values seen in mc and returns csvio_import_members_opts'
 * result. */
static int run_members(lines_screen *ls, member_check *mc, int dry_run)
{
    tui_ctx *cx = lines_base(ls)->cx;
    const char *path = mc->path;
    csvio_import_summary s;
    memset(&s, 0, sizeof s);
    cdtt_err e;
    memset(&e, 0, sizeof e);
    progress_start(dry_run ? _("Checking") : _("Importing"));
    /* The commune's words for choices from its configuration ([aliases]). */
    csvio_import_opts o = {.dry_run = dry_run,
                           .progress = progress_csvio_cb,
                           .aliases = cx->cfg->aliases,
                           .n_aliases = cx->cfg->n_aliases,
                           .preview_rows = dry_run ? 5 : 0};
    int rc = csvio_import_members_opts(cx->db, path, &o, &s, &e);
    lines_clear(ls);
    lines_add(ls, 3, "%s", lines_base_name(path));
    if (rc < 0) {
        lines_add(ls, 2, "%s", e.msg);
        ctx_message(cx, 2, "%s%s", _("Error: "), e.msg);
    } else {
        add_member_summary(ls, path, &s, dry_run);
    }
    check_keep_values(mc, &s);
    mc->jump = rc >= 0 && s.n_unknown > 0 && s.n_problems == s.n_unknown;
    csvio_import_summary_free(&s);
    return rc;
}

/* F2 on the checked list: imports it for real after confirmation. */
static void import_now(lines_screen *ls, void *user)
{
    tui_ctx *cx = lines_base(ls)->cx;
    member_check *mc = user;
    if (!ctx_confirm(cx, _("Import this member list now?")))
        return;
    int rc = run_members(ls, mc, 0);
    lines_done(ls);
    lines_on_enter(ls, NULL);
    if (rc == 0)
        ctx_message(cx, 0, "%s", _("The member list was imported."));
    else if (rc > 0)
        ctx_message(cx, 2, "%s", _("Nothing was imported: fix the rows listed and try again."));
}

/* Checks mc's list without writing, shows what would happen and offers F2
 * only when it would import cleanly; when the only problems are values that
 * mean nothing, the first of them is selected (else the problems show first).
 * Returns the check's result. */
static int show_check(lines_screen *ls, member_check *mc)
{
    tui_ctx *cx = lines_base(ls)->cx;
    int rc = run_members(ls, mc, 1);
    lines_done(ls);
    for (int i = 0; mc->jump && i < mc->n_values; i++)
        if (!mc->values[i].code) {
            lines_select_tag(ls, i); /* the first value that means nothing */
            break;
        }
    if (rc == 0) {
        lines_add_action(ls, ACT_SAVE, _("Import"), import_now);
        ctx_message(cx, 0, "%s", _("Checked: nothing written yet. F2 imports the list."));
    } else if (rc > 0) {
        ctx_message(cx, 2, "%s", _("Nothing can be imported: fix the rows listed in Excel and try again."));
    }
    return rc;
}

/* The settings the program runs with once an alias was saved here (cx->cfg
 * then points here). */
static cdtt_config running;

/* Reads the configuration files again (as at the start: /etc, the user's file,
 * a --config file) and takes their [aliases] into the running settings; the
 * other settings keep their values (command-line flags win over files). */
static int reload_aliases(tui_ctx *cx, cdtt_err *e)
{
    const cdtt_config *cur = cx->cfg;
    char user[4096];
    config_user_path(user, sizeof user);
    const char *explicit_path = NULL;
    for (int i = 0; i < cur->n_loaded; i++)
        if (strcmp(cur->loaded_from[i], "/etc/cdtt/cdtt.ini") != 0 && strcmp(cur->loaded_from[i], user) != 0)
            explicit_path = cur->loaded_from[i];
    static cdtt_config fresh;
    int warn = config_set_warnings(0);
    int rc = config_load(&fresh, explicit_path, e);
    config_set_warnings(warn);
    if (rc < 0)
        return -1;
    static cdtt_config next;
    next = *cur;
    memcpy(next.aliases, fresh.aliases, sizeof next.aliases);
    next.n_aliases = fresh.n_aliases;
    running = next;
    cx->cfg = &running;
    return 0;
}

/* The pick-list's answer: saves "kind.VALUE = ITEM" in the user's cdtt.ini,
 * reloads the configuration and checks the list again. */
static void alias_chosen(const char *code, void *user)
{
    lines_screen *ls = user;
    tui_ctx *cx = lines_base(ls)->cx;
    member_check *mc = lines_user(ls);
    if (mc->fixing < 0 || mc->fixing >= mc->n_values)
        return;
    const csvio_choice_value *v = &mc->values[mc->fixing];
    const choice *list;
    if (!choice_kind_list(v->kind, &list))
        return;
    char path[4096], value[200];
    snprintf(value, sizeof value, "%s", v->value);
    const char *item = NULL;
    for (int i = 0; list[i].code; i++)
        if (strcmp(list[i].code, code) == 0)
            item = list[i].vi;
    config_user_path(path, sizeof path);
    cdtt_err e;
    memset(&e, 0, sizeof e);
    if (!item || config_write_alias(path, v->kind, value, item, &e) < 0 || reload_aliases(cx, &e) < 0) {
        ctx_message(cx, 2, "%s%s", _("Error: "), e.msg);
        return;
    }
    int rc = show_check(ls, mc);
    if (rc >= 0)
        ctx_message(cx, rc == 0 ? 0 : 1, _("Saved in %s: \"%s\" means %s. %s"), path, value,
                    choice_label(list, code),
                    rc == 0 ? _("F2 imports the list.") : _("Other problems remain (listed)."));
}

/* Enter on a choice value: a pick-list of the items of its list. */
static void fix_value(lines_screen *ls, void *user, int tag)
{
    tui_ctx *cx = lines_base(ls)->cx;
    member_check *mc = user;
    if (tag < 0 || tag >= mc->n_values)
        return;
    const choice *list;
    if (!choice_kind_list(mc->values[tag].kind, &list))
        return;
    mc->fixing = tag;
    char prompt[300];
    snprintf(prompt, sizeof prompt, _("\"%s\" means:"), mc->values[tag].value);
    ctx_push(cx, screen_pick_choice_new(cx, _("What the value means"), prompt, list, alias_chosen, ls));
}

/* Checks the chosen list without writing and shows what would happen. */
static void check_members(tui_ctx *cx, char **paths, int n, void *user)
{
    (void)user;
    if (n < 1)
        return;
    member_check *mc = xcalloc(1, sizeof *mc);
    mc->path = xstrdup(paths[0]);
    mc->fixing = -1;
    lines_screen *ls = lines_screen_new(cx, _("Member list from Excel"), mc, check_free);
    lines_on_enter(ls, fix_value);
    show_check(ls, mc);
    ctx_push(cx, lines_base(ls));
}

tui_screen *screen_import_members_new(tui_ctx *cx)
{
    return screen_picker_new(cx, _("Member list from Excel (.xlsx, .xls, CSV)"), ".csv,.txt,.xlsx,.xls", false,
                             check_members, NULL);
}
