/* cmd-training.c — `cdtt training mooc|zalo`: members' online training status, in bulk. */
#include "cli.h"
#include "training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads "--status S", "--date D", "--clear" and member ids; runs the update. */
static int run(cli_ctx *ctx, int argc, char **argv, const char *cmd, int mooc)
{
    const char *status = NULL, *date_s = NULL;
    int clear = 0, n = 0, r = 0;
    const char **members = xcalloc((size_t)argc, sizeof *members);
    for (int i = 1; i < argc && r >= 0; i++) {
        if ((r = cli_arg_value(argc, argv, &i, "--date", &date_s)) != 0)
            continue;
        if (mooc && (r = cli_arg_value(argc, argv, &i, "--status", &status)) != 0)
            continue;
        if (!mooc && strcmp(argv[i], "--clear") == 0)
            clear = 1;
        else if (argv[i][0] == '-')
            r = -2;
        else
            members[n++] = argv[i];
        if (r == -2) {
            free(members);
            return cli_usage(cmd, _("unknown argument '%s'"), argv[i]);
        }
    }
    int rc = 0;
    char date[11] = "";
    if (r < 0)
        rc = cli_usage(cmd, _("an option needs a value"));
    else if (n == 0)
        rc = cli_usage(cmd, _("give at least one member's id"));
    else if (!mooc && !clear && !date_s)
        rc = cli_usage(cmd, _("give --date DATE, or --clear"));
    else if (mooc && !status)
        rc = cli_usage(cmd, _("give --status not_started|in_progress|completed"));
    else if (date_s)
        rc = cli_date_arg(cmd, date_s, date);
    sqlite3 *db = rc ? NULL : cli_open_db(ctx, 0);
    if (!rc && !db)
        rc = 1;
    if (!rc) {
        cdtt_err e;
        int changed = 0;
        int ok = mooc ? training_mooc_set(db, members, n, status, date, &changed, &e)
                      : training_zalo_set(db, members, n, clear ? "" : date, &changed, &e);
        if (ok < 0)
            rc = cli_fail("%s", e.msg);
        else
            printf(_("%d members changed\n"), changed);
    }
    free(members);
    return rc;
}

int cmd_training_mooc(cli_ctx *ctx, int argc, char **argv)
{
    return run(ctx, argc, argv, "training mooc", 1);
}

int cmd_training_zalo(cli_ctx *ctx, int argc, char **argv)
{
    return run(ctx, argc, argv, "training zalo", 0);
}
