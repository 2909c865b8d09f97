/* cmd-training.c — `cdtt training mooc|zalo`: members' online training status, in bulk. */
#include "cli.h"
#include "commands.h"
#include "member-select.h"
#include "training.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses "--status S" (MOOC), "--date D", "--clear" (Zalo), "--team NAME",
 * "--area NAME" and member ids, then updates. */
static int run(cli_ctx *ctx, int argc, char **argv, const char *cmd, int mooc)
{
    const char *status = NULL, *date_s = NULL, *team = NULL, *area = NULL;
    bool clear = false;
    const cli_opt opts[] = {
        {"--date", &date_s, NULL}, {"--team", &team, NULL}, {"--area", &area, NULL},
        {mooc ? "--status" : "--clear", mooc ? &status : NULL, mooc ? NULL : &clear}, {NULL, NULL, NULL},
    };
    const char **given = xcalloc((size_t)argc, sizeof *given);
    int n = cli_parse_opts(cmd, argc, argv, opts, given, argc);
    char date[11] = "", today[11];
    date_today(today);
    int rc = n < 0                                ? 2 /* cli_parse_opts said why */
             : !mooc && clear == (date_s != NULL) ? cli_usage(cmd, _("give either --date DATE or --clear"))
             : mooc && !status ? cli_usage(cmd, _("give --status not_started|in_progress|completed"))
             : date_s          ? cli_date_arg(cmd, date_s, date)
                               : 0;
    sqlite3 *db = rc ? NULL : cli_open_db(ctx, 0);
    if (!rc && !db)
        rc = 1;
    member_selection sel;
    /* A team's or area's members are those who count on the date given (today by default). */
    if (!rc && (rc = member_select(db, cmd, team, area, date[0] ? date : today, given, n, &sel)) == 0) {
        cdtt_err e;
        int changed = 0;
        int ok = mooc ? training_mooc_set(db, sel.ids, sel.n, status, date, &changed, &e)
                      : training_zalo_set(db, sel.ids, sel.n, date, &changed, &e);
        if (ok < 0)
            rc = cli_fail("%s", e.msg);
        else
            printf(_("%d members changed\n"), changed);
        member_selection_free(&sel);
    }
    free(given);
    return rc;
}

static int cmd_training_mooc(cli_ctx *ctx, int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "import") == 0) /* training mooc import FILE */
        return cmd_training_mooc_import(ctx, argc - 1, argv + 1);
    return run(ctx, argc, argv, "training mooc", 1);
}

static int cmd_training_zalo(cli_ctx *ctx, int argc, char **argv)
{
    return run(ctx, argc, argv, "training zalo", 0);
}

/* The commands' entries (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_TRAINING_MOOC = {"training", "mooc", cmd_training_mooc,
 N_("--status not_started|in_progress|completed [--date DATE] [--team NAME] [--area NAME] [MEMBER-ID...]"),
 N_("set members' online MOOC course status")};
const cli_command CMD_TRAINING_MOOC_IMPORT = {"training", "mooc", cmd_training_mooc, N_("import FILE [--dry-run] [--sheet NAME|N] [--encoding E]"),
 N_("mark as completed everyone on the MOOC platform's list, matched by CCCD, phone, or name and birth")};
const cli_command CMD_TRAINING_ZALO = {"training", "zalo", cmd_training_zalo, N_("--date DATE|--clear [--team NAME] [--area NAME] [MEMBER-ID...]"),
 N_("set the date members began following the Zalo OA")};
