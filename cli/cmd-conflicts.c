/* cmd-conflicts.c — `cdtt conflicts [--all]` (each conflict with the record's
 * name, the office below and the differing fields by label) and `cdtt
 * conflicts resolve ID mine|theirs [--except FIELD,...]`. */
#include "cli.h"
#include "commands.h"
#include "conflict.h"
#include "package.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a resolution says, translated. */
static const char *resolution_text(const char *r)
{
    if (!*r)
        return _("open");
    if (strcmp(r, "mine") == 0)
        return _("this office's version kept");
    if (strcmp(r, "theirs") == 0)
        return _("the incoming version taken");
    if (strcmp(r, "fields") == 0)
        return _("settled field by field");
    return _("superseded (the record was replaced or withdrawn)");
}

/* Prints one conflict: heading, then a line per differing field. */
static void print_conflict(sqlite3 *db, const conflict_rec *c)
{
    char seen[32];
    package_format_time(c->detected_at, seen);
    printf(_("Conflict %lld: %s \"%s\", from %s, found %s: %s\n"), c->id, package_table_label(c->tbl), c->label,
           c->source_name, seen, resolution_text(c->resolution));
    conflict_field *f = NULL;
    int n = 0;
    cdtt_err e;
    if (conflict_fields(db, c, &f, &n, &e) < 0) {
        printf("  %s\n", e.msg);
        return;
    }
    if (!n)
        printf("  %s\n", _("(both versions now hold the same values)"));
    for (int i = 0; i < n; i++) {
        printf("  %c%2d %s\n", f[i].both ? '*' : ' ', f[i].number, f[i].label);
        printf(_("        here:       %s\n"), f[i].here[0] ? f[i].here : "-");
        printf(_("        from below: %s\n"), f[i].incoming[0] ? f[i].incoming : "-");
    }
    conflict_fields_free(f, n);
}

static int cmd_conflicts(cli_ctx *ctx, int argc, char **argv)
{
    bool all = false;
    const cli_opt opts[] = {{"--all", NULL, &all}, {NULL, NULL, NULL}};
    if (cli_parse_opts("conflicts", argc, argv, opts, NULL, 0) < 0)
        return 2;
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    conflict_list l;
    cdtt_err e;
    if (conflict_list_get(db, all, &l, &e) < 0)
        return cli_fail("%s", e.msg);
    if (!l.n)
        printf(all ? _("No conflicts.\n") : _("No open conflicts.\n"));
    for (int i = 0; i < l.n; i++)
        print_conflict(db, &l.items[i]);
    if (l.n && !all) {
        printf(_("* changed on both sides since the last import.\n"));
        printf(_("Resolve with: cdtt conflicts resolve ID mine|theirs [--except N,N...] (the fields named by "
                 "number take the other side)\n"));
    }
    conflict_list_free(&l);
    return 0;
}

/* Splits a comma-separated list in place into items (at most max). Returns the count. */
static int split_list(char *s, const char **items, int max)
{
    int n = 0;
    for (char *tok = strtok(s, ", "); tok && n < max; tok = strtok(NULL, ", "))
        items[n++] = tok;
    return n;
}

static int cmd_conflicts_resolve(cli_ctx *ctx, int argc, char **argv)
{
    const char *except = NULL, *pos[2];
    const cli_opt opts[] = {{"--except", &except, NULL}, {NULL, NULL, NULL}};
    int npos = cli_parse_opts("conflicts resolve", argc, argv, opts, pos, 2);
    if (npos < 0)
        return 2;
    if (npos != 2)
        return cli_usage("conflicts resolve", _("give a conflict number and mine or theirs"));
    char *end;
    long long id = strtoll(pos[0], &end, 10);
    if (!*pos[0] || *end || id <= 0)
        return cli_usage("conflicts resolve", _("'%s' is not a conflict number"), pos[0]);
    if (strcmp(pos[1], "mine") != 0 && strcmp(pos[1], "theirs") != 0)
        return cli_usage("conflicts resolve", _("choose mine or theirs, not '%s'"), pos[1]);
    char list[1024] = "";
    const char *items[64];
    int n = 0;
    if (except) {
        snprintf(list, sizeof list, "%s", except);
        n = split_list(list, items, 64);
    }
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    cdtt_err e;
    if (conflict_resolve_fields(db, id, pos[1], items, n, &e) < 0)
        return cli_fail("%s", e.msg);
    if (n)
        printf(_("Conflict %lld resolved field by field.\n"), id);
    else
        printf(strcmp(pos[1], "mine") == 0 ? _("Conflict %lld resolved: this office's version kept.\n")
                                           : _("Conflict %lld resolved: the incoming version taken.\n"),
               id);
    return 0;
}

/* The commands' entries (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_CONFLICTS_RESOLVE = {"conflicts", "resolve", cmd_conflicts_resolve, N_("ID mine|theirs [--except FIELD,...]"),
 N_("settle a record changed at both levels: keep mine or take theirs")};
const cli_command CMD_CONFLICTS = {"conflicts", NULL, cmd_conflicts, N_("[--all]"),
 N_("list records changed both here and below since the last import")};
