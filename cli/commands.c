/* commands.c — the table of subcommands. Add a line here and a file cli/cmd-NAME.c. */
#include "cli.h"
#include "cdtt.h"

int cmd_init(cli_ctx *ctx, int argc, char **argv);
int cmd_units_import(cli_ctx *ctx, int argc, char **argv);
int cmd_units_list(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_export(cli_ctx *ctx, int argc, char **argv);
int cmd_import(cli_ctx *ctx, int argc, char **argv);
int cmd_conflicts_resolve(cli_ctx *ctx, int argc, char **argv);
int cmd_conflicts(cli_ctx *ctx, int argc, char **argv);
int cmd_completeness(cli_ctx *ctx, int argc, char **argv);

const cli_command CLI_COMMANDS[] = {
    {"init", NULL, cmd_init, N_("--office CODE [--scheme 2025-07|pre-2025] [--name NAME]"),
     N_("say which commune (or district, province) owns this file")},
    {"units", "import", cmd_units_import, N_("FILE.csv [--scheme 2025-07|pre-2025]"),
     N_("import an official list of provinces, districts and communes")},
    {"units", "list", cmd_units_list, N_("[--under CODE] [--scheme S] [--format text|csv]"),
     N_("list the administrative units (all, or those under CODE)")},
    {"check", NULL, cmd_check, "", N_("check the file's integrity and the data's quality")},
    {"export", NULL, cmd_export, N_("-o FILE [--full] [--force]"),
     N_("write a package of this office's data for the level above")},
    {"import", NULL, cmd_import, N_("[--dry-run] FILE..."),
     N_("check and merge packages from the communes (or districts) below")},
    {"conflicts", "resolve", cmd_conflicts_resolve, N_("ID mine|theirs"),
     N_("settle a record changed at both levels: keep mine or take theirs")},
    {"conflicts", NULL, cmd_conflicts, N_("[--all]"),
     N_("list records changed both here and below since the last import")},
    {"completeness", NULL, cmd_completeness, N_("[--missing]"),
     N_("every commune below: when it last sent data, and which sent nothing")},
    {NULL, NULL, NULL, NULL, NULL},
};
