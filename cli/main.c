/* main.c — the entry point: global options, configuration, then either a
 * subcommand from CLI_COMMANDS or the full-screen program. */
#include "cli.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "records.h"
#include "timing.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "cdtt %s: ", cli_shown(cmd));
    va_start(ap, fmt);
    cli_vprint_safe(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    fprintf(stderr, _("Run 'cdtt --help' for the list of commands and options.\n"));
    return 2;
}

int cli_fail(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "cdtt: ");
    va_start(ap, fmt);
    cli_vprint_safe(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    return 1;
}

sqlite3 *cli_open_db(cli_ctx *ctx, int flags)
{
    if (ctx->db)
        return ctx->db;
    cdtt_err e;
    ctx->db = db_open(ctx->db_path, flags, &e);
    if (!ctx->db)
        cli_fail("%s", e.msg);
    return ctx->db;
}

void cli_print_help(const cli_command *only)
{
    if (!only) {
        printf(_("cdtt %s — community digital technology teams: members, training, reports\n\n"),
               CDTT_VERSION);
        printf(_("Usage: cdtt [--db FILE] [--config FILE] [--lang vi|en] [COMMAND ...]\n"
                 "Without a command, cdtt opens the full-screen program.\n\n"));
        printf(_("Options:\n"
                 "  --db FILE       the database file (default: $XDG_DATA_HOME/cdtt/cdtt.db)\n"
                 "  --config FILE   read this configuration file after the usual ones\n"
                 "  --lang vi|en    language of screens and messages (default vi)\n"
                 "  --help          this help;  --version  the version\n\n"));
        printf(_("Commands:\n"));
    }
    for (const cli_command *const *cp = CLI_COMMANDS; *cp; cp++) {
        const cli_command *c = *cp;
        if (only && c != only)
            continue;
        char words[64];
        snprintf(words, sizeof words, "%s%s%s", c->name, c->sub ? " " : "", c->sub ? c->sub : "");
        if (only)
            printf(_("Usage: cdtt %s %s\n%s\n"), words, c->usage[0] ? _(c->usage) : "", _(c->summary));
        else
            printf("  cdtt %s %s\n      %s\n", words, c->usage[0] ? _(c->usage) : "", _(c->summary));
    }
}

/* Removes argv[i] (and its value when takes_value) from argv. */
static void drop_args(int *argc, char **argv, int i, int count)
{
    for (int j = i; j + count <= *argc; j++)
        argv[j] = argv[j + count];
    *argc -= count;
}

/* Takes a global option "--name VALUE" or "--name=VALUE" out of argv, wherever it is.
 * Returns the value, NULL when absent; sets *bad when the value is missing. */
static const char *take_global(int *argc, char **argv, const char *name, int *bad)
{
    size_t n = strlen(name);
    const char *val = NULL;
    for (int i = 1; i < *argc;) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], name) == 0) {
            if (i + 1 >= *argc) {
                *bad = 1;
                drop_args(argc, argv, i, 1);
                continue;
            }
            val = argv[i + 1];
            drop_args(argc, argv, i, 2);
        } else if (strncmp(argv[i], name, n) == 0 && argv[i][n] == '=') {
            val = argv[i] + n + 1;
            drop_args(argc, argv, i, 1);
        } else {
            i++;
        }
    }
    return val;
}

int cli_main(int argc, char **argv)
{
    static cli_ctx ctx;
    int bad = 0;
    const char *db_flag = take_global(&argc, argv, "--db", &bad);
    const char *config_flag = take_global(&argc, argv, "--config", &bad);
    const char *lang_flag = take_global(&argc, argv, "--lang", &bad);

    /* A missing UTF-8 locale (common over SSH) changes nothing in what commands
     * print: the full-screen program says so once, in the chosen language. */
    i18n_init(lang_flag ? lang_flag : "vi");
    if (bad)
        return cli_usage("", _("an option needs a value (--db FILE, --config FILE, --lang vi|en)"));
    if (lang_flag && strcmp(lang_flag, "vi") != 0 && strcmp(lang_flag, "en") != 0)
        return cli_usage("", _("--lang must be vi or en, not '%s'"), lang_flag);

    cdtt_err e;
    if (config_load(&ctx.cfg, config_flag, &e) < 0)
        return cli_fail("%s", e.msg);
    if (!lang_flag)
        i18n_set_lang(ctx.cfg.lang);
    records_set_limits(ctx.cfg.team_max_commune, ctx.cfg.team_max_village);

    if (db_flag && *db_flag)
        snprintf(ctx.db_path, sizeof ctx.db_path, "%s", db_flag);
    else if (ctx.cfg.db_path[0])
        snprintf(ctx.db_path, sizeof ctx.db_path, "%s", ctx.cfg.db_path);
    else {
        char *p = db_default_path();
        snprintf(ctx.db_path, sizeof ctx.db_path, "%s", p);
        free(p);
    }

    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
                      strcmp(argv[1], "help") == 0)) {
        cli_print_help(NULL);
        return 0;
    }
    if (argc >= 2 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
        printf("cdtt %s\n", CDTT_VERSION);
        return 0;
    }
    if (argc < 2) {
        if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
            return cli_fail(_("the full-screen program needs a terminal; see 'cdtt --help' for commands"));
        return tui_run(&ctx.cfg, ctx.db_path);
    }
    if (argv[1][0] == '-')
        return cli_usage("", _("unknown option '%s'"), argv[1]);

    const cli_command *match = NULL;
    int has_name = 0;
    for (const cli_command *const *cp = CLI_COMMANDS; *cp; cp++) {
        const cli_command *c = *cp;
        if (strcmp(c->name, argv[1]) != 0)
            continue;
        has_name = 1;
        if (!c->sub || (argc >= 3 && strcmp(c->sub, argv[2]) == 0)) {
            match = c;
            break;
        }
    }
    if (!match) {
        if (has_name) {
            fprintf(stderr, _("cdtt %s: which one? One of:\n"), cli_shown(argv[1]));
            for (const cli_command *const *cp = CLI_COMMANDS; *cp; cp++)
                if (strcmp((*cp)->name, argv[1]) == 0)
                    fprintf(stderr, "  cdtt %s %s %s\n", (*cp)->name, (*cp)->sub ? (*cp)->sub : "", _((*cp)->usage));
            return 2;
        }
        return cli_usage(argv[1], _("unknown command; run 'cdtt --help'"));
    }
    int first = match->sub ? 2 : 1;
    for (int i = first + 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            cli_print_help(match);
            return 0;
        }
    int rc = match->fn(&ctx, argc - first, argv + first);
    db_close(ctx.db);
    fflush(stdout);
    if (ferror(stdout))
        return cli_fail(_("cannot write the output"));
    return rc;
}

int main(int argc, char **argv)
{
    timing_start();
    return cli_main(argc, argv);
}
