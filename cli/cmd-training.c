/* cmd-training.c — `cdtt training mooc|zalo`: members' online training status, in bulk. */
#include "cli.h"
#include "training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses "--status S" (MOOC), "--date D", "--clear" (Zalo) and member ids, then updates. */
static int run(cli_ctx *ctx, int argc, char **argv, const char *cmd, int mooc)
{
    const char *status = NULL, *date_s = NULL;
    bool clear = false;
    const cli_opt mooc_opts[] = {{"--status", &status, NULL}, {"--date", &date_s, NULL}, {NULL, NULL, NULL}};
    const cli_opt zalo_opts[] = {{"--date", &date_s, NULL}, {"--clear", NULL, &clear}, {NULL, NULL, NULL}};
    const char **members = xcalloc((size_t)argc, sizeof *members);
    int n = cli_parse_opts(cmd, argc, argv, mooc ? mooc_opts : zalo_opts, members, argc);
    int rc = n < 0 ? 2 : 0;
    char date[11] = "";
    if (rc == 2)
        (void)0; /* cli_parse_opts said why */
    else if (n == 0)
        rc = cli_usage(cmd, _("give at least one member's id"));
    else if (!mooc && clear == (date_s != NULL))
        rc = cli_usage(cmd, _("give either --date DATE or --clear"));
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
                      : training_zalo_set(db, members, n, date, &changed, &e);
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
