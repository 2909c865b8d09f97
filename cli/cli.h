/* cli.h — the subcommands (`cdtt units import …`): one file each under cli/,
 * listed in cli/commands.c. They run without a terminal and exit 0 (done),
 * 1 (failed) or 2 (wrong usage). */
#ifndef CDTT_CLI_H
#define CDTT_CLI_H

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include "settings.h"

typedef struct cli_ctx {
    cdtt_config cfg;        /* settings after files and flags */
    char db_path[4096];     /* the database this run uses */
    sqlite3 *db;            /* opened by cli_open_db, closed by main */
} cli_ctx;

typedef int (*cli_fn)(cli_ctx *ctx, int argc, char **argv);

typedef struct {
    const char *name;    /* first word: "units" */
    const char *sub;     /* second word: "import", or NULL */
    cli_fn fn;           /* gets argv from the last command word on (argv[0] = that word) */
    const char *usage;   /* arguments after the command words (English; translated on output) */
    const char *summary; /* one line (English; translated on output) */
} cli_command;

/* The table of commands, ended by an entry whose name is NULL. */
extern const cli_command *const CLI_COMMANDS[];

/* Opens (creating when DB_CREATE is in flags) the run's database, once; prints
 * the reason and returns NULL on failure. */
sqlite3 *cli_open_db(cli_ctx *ctx, int flags);

/* s as it may be printed: control characters, C1 controls, bidi overrides and
 * stray bytes replaced by visible stand-ins (text_safe: ESC shows as "^[").
 * Every printer in cli/ shows stored or typed text through it. The result is s
 * itself when nothing needed replacing, else a string that stays valid for the
 * next 31 calls. NULL gives "". */
const char *cli_shown(const char *s);

/* printf to f with the whole formatted text shown safely (text_safe: line
 * feeds kept, every other control character replaced). For messages that
 * carry text from a record, a file or the command line. */
void cli_print_safe(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_vprint_safe(FILE *f, const char *fmt, va_list ap);

/* Prints "cdtt NAME: message" to stderr and a hint to run --help; returns 2.
 * The message is shown safely (cli_print_safe). */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints "cdtt: message" to stderr, shown safely (cli_print_safe); returns 1. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints the help of one command (or of all when cmd is NULL) to stdout. */
void cli_print_help(const cli_command *cmd);

/* One option of a subcommand: "--name VALUE" (or "--name=VALUE") stores VALUE
 * in *value; when value is NULL the option is a flag that sets *flag. */
typedef struct {
    const char *name;
    const char **value;
    bool *flag;
} cli_opt;

/* Parses argv[1..argc) (argv[0] is the command word) against opts, ended by an
 * entry whose name is NULL; other words go to pos[] (at most max_pos). Returns
 * the number of positional words, or -1 after printing a usage message for cmd. */
int cli_parse_opts(const char *cmd, int argc, char **argv, const cli_opt *opts, const char **pos,
                   int max_pos);

/* Takes every "NAME VALUE" (or "NAME=VALUE") of an option that may be given
 * many times out of argv[1..argc): the values go to values[], in order, every
 * other word (argv[0] first) to rest[] and their count to *nrest; both arrays
 * must hold argc entries. Returns the number of values, or -1 after printing a
 * usage message for cmd (the option's value is missing). */
int cli_take_repeated(const char *cmd, int argc, char **argv, const char *name, char **rest, int *nrest,
                      const char **values);

/* A date typed dd/mm/yyyy or yyyy-mm-dd into out ("YYYY-MM-DD"). Returns 0, or
 * prints a usage error for command cmd and returns 2. */
int cli_date_arg(const char *cmd, const char *in, char out[11]);

/* Copies the text of option opt into out (n bytes). Returns 0, or prints that it
 * is too long and returns 1. */
int cli_text_arg(const char *opt, const char *in, char *out, size_t n);

/* Adds one record (rec) to db, its new uuid in uuid; returns 0, or -1 with e set. */
typedef int (*cli_add_fn)(sqlite3 *db, const void *rec, char uuid[37], cdtt_err *e);

/* Opens the run's database (not creating it), adds rec with add and prints the
 * new record's uuid. Returns 0, or 1 after printing why it failed. */
int cli_add_record(cli_ctx *ctx, cli_add_fn add, const void *rec);

/* The program's entry point for everything (in cli/main.c). */
/* The live (deleted 0) or deleted (1) area or team named name, by exact
 * name (records.h: area_lookup, team_lookup; a team in area_uuid when not NULL;
 * only records of commune when not NULL).
 * Writes its uuid and returns 0; otherwise prints why (none; several, listed
 * with their villages; only names differing in marks, listed) and returns 1. */
int cli_find_area(sqlite3 *db, const char *name, const char *commune, int deleted, char uuid[37]);
int cli_find_team(sqlite3 *db, const char *name, const char *area_uuid, const char *commune, int deleted,
                  char uuid[37]);

int cli_main(int argc, char **argv);

#endif
