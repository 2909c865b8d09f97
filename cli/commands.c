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
int cmd_delete(cli_ctx *ctx, int argc, char **argv);
int cmd_undelete(cli_ctx *ctx, int argc, char **argv);
int cmd_csv_export(cli_ctx *ctx, int argc, char **argv);
int cmd_xlsx_export(cli_ctx *ctx, int argc, char **argv);
int cmd_csv_import(cli_ctx *ctx, int argc, char **argv);
int cmd_export(cli_ctx *ctx, int argc, char **argv);
int cmd_import(cli_ctx *ctx, int argc, char **argv);
int cmd_conflicts_resolve(cli_ctx *ctx, int argc, char **argv);
int cmd_conflicts(cli_ctx *ctx, int argc, char **argv);
int cmd_completeness(cli_ctx *ctx, int argc, char **argv);
int cmd_forget(cli_ctx *ctx, int argc, char **argv);
int cmd_report(cli_ctx *ctx, int argc, char **argv);
int cmd_missing(cli_ctx *ctx, int argc, char **argv);
int cmd_session_add(cli_ctx *ctx, int argc, char **argv);
int cmd_session_attend(cli_ctx *ctx, int argc, char **argv);
int cmd_training_mooc(cli_ctx *ctx, int argc, char **argv);
int cmd_training_zalo(cli_ctx *ctx, int argc, char **argv);
int cmd_activity_add(cli_ctx *ctx, int argc, char **argv);
int cmd_activity_summary(cli_ctx *ctx, int argc, char **argv);
int cmd_demo(cli_ctx *ctx, int argc, char **argv);

const cli_command CLI_COMMANDS[] = {
    {"init", NULL, cmd_init, N_("--office CODE [--scheme 2025-07|pre-2025] [--name NAME] [--force]"),
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
     N_("NAME [--team NAME [--area NAME] [--role leader|deputy|member]] [--gender G] [--birth D] [--phone P] "
        "[--cccd N] [--email E] [--category C] [--youth-union] [--consent] [--consent-date D] "
        "[--mooc S] [--mooc-date D] [--zalo-date D] [--yes]"),
     N_("add a member, optionally into a team")},
    {"delete", "member", cmd_delete, N_("UUID"), N_("delete a member (it leaves its teams today)")},
    {"delete", "team", cmd_delete, N_("UUID|NAME"), N_("delete a team that has no members left")},
    {"delete", "area", cmd_delete, N_("UUID|NAME"), N_("delete a village or group that has no teams left")},
    {"undelete", "member", cmd_undelete, N_("UUID"), N_("restore a deleted member and its teams")},
    {"undelete", "team", cmd_undelete, N_("UUID|NAME"), N_("restore a deleted team")},
    {"undelete", "area", cmd_undelete, N_("UUID|NAME"), N_("restore a deleted village or group")},
    {"csv", "export", cmd_csv_export,
     N_("members|teams|areas|sessions|activities -o FILE [--full] [--force]"),
     N_("write a table as CSV for Excel (identifiers masked unless --full)")},
    {"csv", "import", cmd_csv_import, N_("members FILE [--dry-run]"),
     N_("import a member list saved from Excel (all rows or none)")},
    {"xlsx", "export", cmd_xlsx_export, N_("-o FILE [--full] [--force]"),
     N_("write every table to one Excel workbook, a sheet per table")},
    {"export", NULL, cmd_export, N_("-o FILE [--full] [--force]"),
     N_("write a package of this office's data for the level above")},
    {"import", NULL, cmd_import, N_("[--dry-run] [--accept-partial] [--replace] [--format text|csv] FILE..."),
     N_("check and merge packages from the communes (or districts) below")},
    {"forget", NULL, cmd_forget, N_("COMMUNE-CODE"),
     N_("withdraw everything held for a commune below (its records marked deleted)")},
    {"conflicts", "resolve", cmd_conflicts_resolve, N_("ID mine|theirs [--except FIELD,...]"),
     N_("settle a record changed at both levels: keep mine or take theirs")},
    {"conflicts", NULL, cmd_conflicts, N_("[--all]"),
     N_("list records changed both here and below since the last import")},
    {"completeness", NULL, cmd_completeness, N_("[--missing]"),
     N_("every commune below: when it last sent data, and which sent nothing")},
    {"report", NULL, cmd_report,
     N_("[--by area|commune|district|province] [--as-of DATE] [--format text|csv|json]"),
     N_("training progress against the plan's targets, one row a unit, totals last")},
    {"missing", NULL, cmd_missing, N_("mooc|zalo|inperson [--area NAME] [--as-of DATE] [--format text|csv]"),
     N_("list the members (or teams) still missing an indicator")},
    {"session", "add", cmd_session_add,
     N_("--date DATE [--place TEXT] [--organiser TEXT] [--topic TEXT] [--note TEXT]"),
     N_("record an in-person training session (prints its id)")},
    {"session", "attend", cmd_session_attend, N_("SESSION-ID [--absent] [--team NAME] [--area NAME] [MEMBER-ID...]"),
     N_("mark members present (or absent) at a training session")},
    {"training", "mooc", cmd_training_mooc,
     N_("--status not_started|in_progress|completed [--date DATE] [--team NAME] [--area NAME] [MEMBER-ID...]"),
     N_("set members' online MOOC course status")},
    {"training", "zalo", cmd_training_zalo, N_("--date DATE|--clear [--team NAME] [--area NAME] [MEMBER-ID...]"),
     N_("set the date members began following the Zalo OA")},
    {"activity", "add", cmd_activity_add,
     N_("--team TEAM-ID --date DATE --type TYPE [--people N] [--households N] [--note TEXT]"),
     N_("record a team's activity (counts of people and households helped only)")},
    {"activity", "summary", cmd_activity_summary, N_("[--from DATE] [--to DATE] [--format text|csv|json]"),
     N_("activities by type, people and households helped, sessions held (this month by default)")},
    {"demo", NULL, cmd_demo, N_("--members N [--seed S] [--scheme 2025-07|pre-2025] [--province CODE]"),
     N_("fill an empty file with made-up teams and members for training and tests")},
    {NULL, NULL, NULL, NULL, NULL},
};
