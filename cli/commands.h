/* commands.h — the subcommands' entries (private to cli/), each defined in
 * its own file cli/cmd-NAME.c beside the function that runs it and its
 * options, and listed in cli/commands.c.
 *
 * A command's function gets argv from the last command word on (argv[0] is
 * that word), parses its options with cli_parse_opts, prints its results to
 * stdout and its errors to stderr, and returns the exit status: 0 done, 1
 * failed (nothing half-written), 2 wrong usage. */
#ifndef CDTT_COMMANDS_H
#define CDTT_COMMANDS_H

#include "cli.h"

/* cmd-init.c */
extern const cli_command CMD_INIT;
/* cmd-units.c */
extern const cli_command CMD_UNITS_IMPORT, CMD_UNITS_LIST;
/* cmd-check.c */
extern const cli_command CMD_CHECK;
/* cmd-list.c */
extern const cli_command CMD_LIST_MEMBERS, CMD_LIST_TEAMS, CMD_LIST_AREAS;
/* cmd-add.c */
extern const cli_command CMD_ADD_AREA, CMD_ADD_TEAM, CMD_ADD_MEMBER;
/* cmd-delete.c */
extern const cli_command CMD_DELETE_MEMBER, CMD_DELETE_TEAM, CMD_DELETE_AREA, CMD_UNDELETE_MEMBER, CMD_UNDELETE_TEAM, CMD_UNDELETE_AREA;
/* cmd-csv.c */
extern const cli_command CMD_CSV_EXPORT;
/* cmd-csv-import.c */
extern const cli_command CMD_MEMBERS_IMPORT, CMD_CSV_IMPORT;
/* cmd-xlsx.c */
extern const cli_command CMD_XLSX_EXPORT;
/* cmd-export.c */
extern const cli_command CMD_EXPORT;
/* cmd-import.c */
extern const cli_command CMD_IMPORT;
/* cmd-migrate.c */
extern const cli_command CMD_MIGRATE;
/* cmd-forget.c */
extern const cli_command CMD_FORGET;
/* cmd-conflicts.c */
extern const cli_command CMD_CONFLICTS_RESOLVE, CMD_CONFLICTS;
/* cmd-audit.c */
extern const cli_command CMD_AUDIT;
/* cmd-keys.c */
extern const cli_command CMD_KEYS;
/* cmd-completeness.c */
extern const cli_command CMD_COMPLETENESS;
/* cmd-report.c */
extern const cli_command CMD_REPORT;
/* cmd-missing.c */
extern const cli_command CMD_MISSING;
/* cmd-session.c */
extern const cli_command CMD_SESSION_ADD, CMD_SESSION_ATTEND, CMD_SESSION_ATTEND_FROM;
/* cmd-membership.c */
extern const cli_command CMD_MEMBERSHIP_SINCE;
/* cmd-training.c */
extern const cli_command CMD_TRAINING_MOOC, CMD_TRAINING_MOOC_IMPORT, CMD_TRAINING_ZALO;
/* cmd-activity.c */
extern const cli_command CMD_ACTIVITY_ADD, CMD_ACTIVITY_SUMMARY;
/* cmd-demo.c */
extern const cli_command CMD_DEMO;

/* Run by other commands (cli/cmd-training-import.c): `session attend ID --from
 * FILE` marks present everyone on an attendance list (Excel or CSV) matched to
 * a member; `training mooc import FILE` marks completed everyone on the MOOC
 * platform's list. */
int cmd_session_attend_from(cli_ctx *ctx, int argc, char **argv);
int cmd_training_mooc_import(cli_ctx *ctx, int argc, char **argv);

#endif
