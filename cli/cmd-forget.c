/* cmd-forget.c — `cdtt forget CODE`: withdraw at the province everything it
 * holds for one commune below it. */
#include "cli.h"
#include "commands.h"
#include "package.h"

#include <stdio.h>

static int cmd_forget(cli_ctx *ctx, int argc, char **argv)
{
    const char *pos[1];
    const cli_opt opts[] = {{NULL, NULL, NULL}};
    int n = cli_parse_opts("forget", argc, argv, opts, pos, 1);
    if (n < 0)
        return 2;
    if (n != 1)
        return cli_usage("forget", _("name the code of the commune whose data to withdraw"));
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    char name[512];
    long long withdrawn = 0;
    cdtt_err e;
    if (package_forget(db, pos[0], name, sizeof name, &withdrawn, &e) < 0)
        return cli_fail("%s", e.msg);
    printf(_("%s (%s): %lld record(s) withdrawn (marked deleted); its next package is taken as a first one.\n"),
           name, pos[0], withdrawn);
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_FORGET = {"forget", NULL, cmd_forget, N_("COMMUNE-CODE"),
 N_("withdraw everything held for a commune below (its records marked deleted)")};
