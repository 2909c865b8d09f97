/* cmd-check.c — `cdtt check [--quick]`: the file's integrity and the data's quality. */
#include "check.h"
#include "cli.h"
#include "commands.h"
#include "db.h"

#include <stdio.h>

static int print_finding(const check_finding *f, void *arg)
{
    (void)arg;
    printf("%s: %s\n", f->severity == CHECK_ERROR ? _("PROBLEM") : _("warning"), cli_shown(f->message));
    return 0;
}

static int cmd_check(cli_ctx *ctx, int argc, char **argv)
{
    bool quick = false;
    const cli_opt opts[] = {{"--quick", NULL, &quick}, {NULL, NULL, NULL}};
    if (cli_parse_opts("check", argc, argv, opts, NULL, 0) < 0)
        return 2;
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    check_summary sum;
    cdtt_err e;
    int rc = quick ? check_run_quick(db, &ctx->cfg, print_finding, NULL, &sum, &e)
                   : check_run(db, &ctx->cfg, print_finding, NULL, &sum, &e);
    if (rc < 0)
        return cli_fail("%s", e.msg);
    if (sum.errors > 0) {
        printf(_("The file has %ld integrity problem(s): restore it from a backup or ask for help.\n"),
               sum.errors);
        return 1;
    }
    if (sum.warnings > 0)
        printf(_("The file is sound. %ld thing(s) in the data are worth a look.\n"), sum.warnings);
    else
        printf(_("The file is sound. No problems found.\n"));
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_CHECK = {"check", NULL, cmd_check, N_("[--quick]"), N_("check the file's integrity and the data's quality")};
