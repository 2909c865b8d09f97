/* commands.c — the table of subcommands. Add a line here and a file cli/cmd-NAME.c. */
#include "cli.h"
#include "cdtt.h"

int cmd_init(cli_ctx *ctx, int argc, char **argv);
int cmd_units_import(cli_ctx *ctx, int argc, char **argv);
int cmd_units_list(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_list_members(cli_ctx *ctx, int argc, char **argv);
int cmd_list_teams(cli_ctx *ctx, int argc, char **argv);
int cmd_list_areas(cli_ctx *ctx, int argc, char **argv);
int cmd_add_area(cli_ctx *ctx, int argc, char **argv);
int cmd_add_team(cli_ctx *ctx, int argc, char **argv);
int cmd_add_member(cli_ctx *ctx, int argc, char **argv);
int cmd_demo(cli_ctx *ctx, int argc, char **argv);

const cli_command CLI_COMMANDS[] = {
    {"init", NULL, cmd_init, N_("--office CODE [--scheme 2025-07|pre-2025] [--name NAME]"),
     N_("say which commune (or district, province) owns this file")},
    {"units", "import", cmd_units_import, N_("FILE.csv [--scheme 2025-07|pre-2025]"),
     N_("import an official list of provinces, districts and communes")},
    {"units", "list", cmd_units_list, N_("[--under CODE] [--scheme S] [--format text|csv]"),
     N_("list the administrative units (all, or those under CODE)")},
    {"check", NULL, cmd_check, N_("[--quick]"), N_("check the file's integrity and the data's quality")},
    {"list", "members", cmd_list_members,
     N_("[--format text|csv] [--search TEXT] [--team NAME] [--area NAME] [--deleted] [--full]"),
     N_("list the members by given name (phone and CCCD masked unless --full)")},
    {"list", "teams", cmd_list_teams, N_("[--format text|csv] [--search TEXT] [--area NAME] [--deleted]"),
     N_("list the teams with their village or group and number of members")},
    {"list", "areas", cmd_list_areas, N_("[--format text|csv] [--search TEXT] [--deleted]"),
     N_("list the villages and residential groups")},
    {"add", "area", cmd_add_area, N_("NAME [--kind KIND] [--note TEXT] [--yes]"),
     N_("add a village or residential group")},
    {"add", "team", cmd_add_team,
     N_("NAME [--area NAME] [--level commune|village|group] [--decision-no NO] [--decision-date D] "
        "[--issuer TEXT] [--status S] [--yes]"),
     N_("add a team (commune-level when no --area is given)")},
    {"add", "member", cmd_add_member,
     N_("NAME [--team NAME [--role leader|deputy|member]] [--gender G] [--birth D] [--phone P] "
        "[--cccd N] [--email E] [--category C] [--youth-union] [--consent] [--consent-date D] "
        "[--mooc S] [--mooc-date D] [--zalo-date D] [--yes]"),
     N_("add a member, optionally into a team")},
    {"demo", NULL, cmd_demo, N_("--members N [--seed S] [--scheme 2025-07|pre-2025] [--province CODE]"),
     N_("fill an empty file with made-up teams and members for training and tests")},
    {NULL, NULL, NULL, NULL, NULL},
};
