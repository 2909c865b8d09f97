/* cmd-conflicts.c — `cdtt conflicts [--all]` and `cdtt conflicts resolve ID mine|theirs`. */
#include "cli.h"
#include "commands.h"
#include "conflict.h"
#include "package.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_conflicts(cli_ctx *ctx, int argc, char **argv)
{
    int all = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--all") == 0)
            all = 1;
        else
            return cli_usage("conflicts", _("unknown argument '%s'"), argv[i]);
    }
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    conflict_list l;
    cdtt_err e;
    if (conflict_list_get(db, all, &l, &e) < 0)
        return cli_fail("%s", e.msg);
    if (!l.n)
        printf(all ? _("No conflicts.\n") : _("No open conflicts.\n"));
    for (int i = 0; i < l.n; i++) {
        const conflict_rec *c = &l.items[i];
        char seen[32];
        package_format_time(c->detected_at, seen);
        printf("%lld\t%s\t%s\t%s\t%s\t%s\n", c->id, cli_shown(c->tbl), cli_shown(c->label),
               cli_shown(c->source), cli_shown(seen), c->resolution[0] ? cli_shown(c->resolution) : _("open"));
        printf(_("  here:     %s\n"), cli_shown(c->local_json));
        printf(_("  incoming: %s\n"), cli_shown(c->incoming_json));
    }
    if (l.n && !all)
        printf(_("Resolve with: cdtt conflicts resolve ID mine|theirs\n"));
    conflict_list_free(&l);
    return 0;
}

int cmd_conflicts_resolve(cli_ctx *ctx, int argc, char **argv)
{
    if (argc != 3)
        return cli_usage("conflicts resolve", _("give a conflict number and mine or theirs"));
    char *end;
    long long id = strtoll(argv[1], &end, 10);
    if (!*argv[1] || *end || id <= 0)
        return cli_usage("conflicts resolve", _("'%s' is not a conflict number"), argv[1]);
    if (strcmp(argv[2], "mine") != 0 && strcmp(argv[2], "theirs") != 0)
        return cli_usage("conflicts resolve", _("choose mine or theirs, not '%s'"), argv[2]);
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    cdtt_err e;
    if (conflict_resolve(db, id, argv[2], &e) < 0)
        return cli_fail("%s", e.msg);
    printf(strcmp(argv[2], "mine") == 0 ? _("Conflict %lld resolved: this office's version kept.\n")
                                        : _("Conflict %lld resolved: the incoming version taken.\n"),
           id);
    return 0;
}
