/* commands.h — the subcommands' entry points (private to cli/), one file each
 * (cli/cmd-NAME.c), listed with their usage in cli/commands.c.
 *
 * Every one is a cli_fn: it gets argv from the last command word on (argv[0] is
 * that word), parses its own options, prints its results to stdout and its
 * errors to stderr, and returns the exit status: 0 done, 1 failed (nothing
 * half-written), 2 wrong usage. */
#ifndef CDTT_COMMANDS_H
#define CDTT_COMMANDS_H

#include "cli.h"

/* `init --office CODE`: records which commune (district, province) owns the file;
 * refuses to give a file that already holds records to another office unless --force. */
int cmd_init(cli_ctx *ctx, int argc, char **argv);
/* `units import FILE.csv`: imports an official list of administrative units, all or nothing. */
int cmd_units_import(cli_ctx *ctx, int argc, char **argv);
/* `units list`: prints the administrative units (all, or those under --under) as text or CSV. */
int cmd_units_list(cli_ctx *ctx, int argc, char **argv);
/* `check`: prints the file's integrity and the data's quality findings; 1 when the file is damaged. */
int cmd_check(cli_ctx *ctx, int argc, char **argv);

/* `list members|teams|areas`: prints the records in list order, as aligned text or
 * CSV with stable columns, identifiers masked unless --full. */
int cmd_list_members(cli_ctx *ctx, int argc, char **argv);
int cmd_list_teams(cli_ctx *ctx, int argc, char **argv);
int cmd_list_areas(cli_ctx *ctx, int argc, char **argv);

/* `add area|team|member NAME`: adds one record with the same checks as the screens
 * and prints its uuid. */
int cmd_add_area(cli_ctx *ctx, int argc, char **argv);
int cmd_add_team(cli_ctx *ctx, int argc, char **argv);
int cmd_add_member(cli_ctx *ctx, int argc, char **argv);
/* `delete member|team|area WHO` (argv[0] names the kind): marks the record deleted. */
int cmd_delete(cli_ctx *ctx, int argc, char **argv);
/* `undelete member|team|area WHO` (argv[0] names the kind): restores a deleted record. */
int cmd_undelete(cli_ctx *ctx, int argc, char **argv);

/* `csv export TABLE -o FILE`: writes one table as CSV for Excel, identifiers masked unless --full. */
int cmd_csv_export(cli_ctx *ctx, int argc, char **argv);
/* `xlsx export -o FILE`: writes every table to one workbook, a sheet per table. */
int cmd_xlsx_export(cli_ctx *ctx, int argc, char **argv);
/* `members import FILE`: imports a member list from Excel (.xlsx, .xls) or CSV,
 * every row or none (--dry-run: a preview; --move; --map and [aliases] for the
 * commune's words). */
int cmd_members_import(cli_ctx *ctx, int argc, char **argv);
/* `csv import members FILE`: the same as `members import FILE` (its old name). */
int cmd_csv_import(cli_ctx *ctx, int argc, char **argv);

/* `export -o FILE`: writes a package of this office's data for the level above. */
int cmd_export(cli_ctx *ctx, int argc, char **argv);
/* `import FILE...`: checks and merges packages from the level below (nothing with --dry-run). */
int cmd_import(cli_ctx *ctx, int argc, char **argv);
/* `conflicts resolve ID mine|theirs`: settles one record changed at both levels. */
int cmd_conflicts_resolve(cli_ctx *ctx, int argc, char **argv);
/* `conflicts`: lists the records changed both here and below since the last import. */
int cmd_conflicts(cli_ctx *ctx, int argc, char **argv);
/* `completeness`: prints, for every unit below, when it last sent data. */
int cmd_completeness(cli_ctx *ctx, int argc, char **argv);

/* `migrate --to 2025-07 [--commune CODE] [--place 'NAME=CODE']... [--place-file FILE]`:
 * a pre-2025 commune's file becomes its new commune's. */
int cmd_migrate(cli_ctx *ctx, int argc, char **argv);

/* `forget COMMUNE-CODE`: withdraws everything the province holds for that commune. */
int cmd_forget(cli_ctx *ctx, int argc, char **argv);

/* `cdtt audit [--record UUID] [--since DATE] [--office CODE] [--format text|csv]
 * [--full]`: who changed what and when, in words. */
int cmd_audit(cli_ctx *ctx, int argc, char **argv);

/* `cdtt keys show|list|trust|forget|export|import`: this office's key and the
 * keys of the offices it exchanges packages with. */
int cmd_keys(cli_ctx *ctx, int argc, char **argv);

/* `report`: prints training progress against the plan's targets, one row a unit, totals last. */
int cmd_report(cli_ctx *ctx, int argc, char **argv);
/* `missing mooc|zalo|inperson`: lists the members (or teams) still missing an indicator. */
int cmd_missing(cli_ctx *ctx, int argc, char **argv);
/* `session add`: records an in-person training session and prints its id. */
int cmd_session_add(cli_ctx *ctx, int argc, char **argv);
/* `session attend ID`: marks the chosen members present (or absent) at a session. */
int cmd_session_attend(cli_ctx *ctx, int argc, char **argv);
/* `session attend ID --from FILE`: marks present everyone on an attendance list
 * (Excel or CSV) matched to a member (cli/cmd-training-import.c). */
int cmd_session_attend_from(cli_ctx *ctx, int argc, char **argv);
/* `membership since MEMBER-ID... --date D [--team NAME] [--area NAME]`: moves
 * the start of the members' memberships back to a date. */
int cmd_membership_since(cli_ctx *ctx, int argc, char **argv);
/* `training mooc`: sets the chosen members' online MOOC course status. */
int cmd_training_mooc(cli_ctx *ctx, int argc, char **argv);
/* `training mooc import FILE`: marks completed everyone on the MOOC platform's list
 * (Excel or CSV) matched to a member (cli/cmd-training-import.c). */
int cmd_training_mooc_import(cli_ctx *ctx, int argc, char **argv);
/* `training zalo`: sets (or clears) the date the chosen members began following the Zalo OA. */
int cmd_training_zalo(cli_ctx *ctx, int argc, char **argv);
/* `activity add`: records a team's activity (counts only) and prints its id. */
int cmd_activity_add(cli_ctx *ctx, int argc, char **argv);
/* `activity summary`: prints activities by type and sessions held over a period. */
int cmd_activity_summary(cli_ctx *ctx, int argc, char **argv);

/* `demo --members N`: fills an empty file with deterministic made-up data. */
int cmd_demo(cli_ctx *ctx, int argc, char **argv);

#endif
