/* commands.c — the table of subcommands. Add a line here and a file cli/cmd-NAME.c. */
#include "cli.h"
#include "cdtt.h"

int cmd_init(cli_ctx *ctx, int argc, char **argv);
int cmd_units_import(cli_ctx *ctx, int argc, char **argv);
int cmd_units_list(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_demo(cli_ctx *ctx, int argc, char **argv);

const cli_command CLI_COMMANDS[] = {
    {"init", NULL, cmd_init, N_("--office CODE [--scheme 2025-07|pre-2025] [--name NAME]"),
     N_("say which commune (or district, province) owns this file")},
    {"units", "import", cmd_units_import, N_("FILE.csv"),
     N_("import an official list of provinces, districts and communes")},
    {"units", "list", cmd_units_list, N_("[--under CODE] [--scheme S] [--format text|csv]"),
     N_("list the administrative units (all, or those under CODE)")},
    {"check", NULL, cmd_check, "", N_("check the file's integrity and the data's quality")},
    {"demo", NULL, cmd_demo, N_("--members N [--seed S] [--scheme 2025-07|pre-2025] [--province CODE]"),
     N_("fill an empty file with made-up teams and members for training and tests")},
    {NULL, NULL, NULL, NULL, NULL},
};
