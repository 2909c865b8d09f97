/* commands.c — the table of subcommands. Add a line here and a file cli/cmd-NAME.c. */
#include "cli.h"
#include "cdtt.h"

int cmd_init(cli_ctx *ctx, int argc, char **argv);
int cmd_units_import(cli_ctx *ctx, int argc, char **argv);
int cmd_units_list(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_report(cli_ctx *ctx, int argc, char **argv);
int cmd_missing(cli_ctx *ctx, int argc, char **argv);
int cmd_session_add(cli_ctx *ctx, int argc, char **argv);
int cmd_session_attend(cli_ctx *ctx, int argc, char **argv);
int cmd_training_mooc(cli_ctx *ctx, int argc, char **argv);
int cmd_training_zalo(cli_ctx *ctx, int argc, char **argv);
int cmd_activity_add(cli_ctx *ctx, int argc, char **argv);

const cli_command CLI_COMMANDS[] = {
    {"init", NULL, cmd_init, N_("--office CODE [--scheme 2025-07|pre-2025] [--name NAME]"),
     N_("say which commune (or district, province) owns this file")},
    {"units", "import", cmd_units_import, N_("FILE.csv [--scheme 2025-07|pre-2025]"),
     N_("import an official list of provinces, districts and communes")},
    {"units", "list", cmd_units_list, N_("[--under CODE] [--scheme S] [--format text|csv]"),
     N_("list the administrative units (all, or those under CODE)")},
    {"check", NULL, cmd_check, "", N_("check the file's integrity and the data's quality")},
    {"report", NULL, cmd_report,
     N_("[--by area|commune|district|province] [--as-of DATE] [--format text|csv|json]"),
     N_("training progress against the plan's targets, one row a unit, totals last")},
    {"missing", NULL, cmd_missing, N_("mooc|zalo|inperson [--area NAME] [--as-of DATE] [--format text|csv]"),
     N_("list the members (or teams) still missing an indicator")},
    {"session", "add", cmd_session_add,
     N_("--date DATE [--place TEXT] [--organiser TEXT] [--topic TEXT] [--note TEXT]"),
     N_("record an in-person training session (prints its id)")},
    {"session", "attend", cmd_session_attend, N_("SESSION-ID [--absent] MEMBER-ID..."),
     N_("mark members present (or absent) at a training session")},
    {"training", "mooc", cmd_training_mooc,
     N_("--status not_started|in_progress|completed [--date DATE] MEMBER-ID..."),
     N_("set members' online MOOC course status")},
    {"training", "zalo", cmd_training_zalo, N_("--date DATE|--clear MEMBER-ID..."),
     N_("set the date members began following the Zalo OA")},
    {"activity", "add", cmd_activity_add,
     N_("--team TEAM-ID --date DATE --type TYPE [--people N] [--households N] [--note TEXT]"),
     N_("record a team's activity (counts of people and households helped only)")},
    {NULL, NULL, NULL, NULL, NULL},
};
