/* cmd-check.c — `cdtt check [--quick]`: the file's integrity and the data's quality. */
#include "check.h"
#include "cli.h"
#include "commands.h"
#include "db.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Whether a progress bar stands on stderr's last line. */
static int bar_shown;

/* Clears the progress bar's line. */
static void clear_bar(void)
{
    if (bar_shown)
        fprintf(stderr, "\r%78s\r", "");
    bar_shown = 0;
}

/* The progress bar on a terminal: [######......]  40% what. */
static void show_progress(long done, long total, const char *what, void *arg)
{
    (void)arg;
    if (done >= total || total <= 0) {
        clear_bar();
        return;
    }
    enum { WIDTH = 24 };
    char bar[WIDTH + 1];
    int filled = (int)(WIDTH * done / total);
    memset(bar, '#', (size_t)filled);
    memset(bar + filled, '.', (size_t)(WIDTH - filled));
    bar[WIDTH] = '\0';
    fprintf(stderr, "\r%78s\r[%s] %3ld%% %s", "", bar, 100 * done / total, what);
    fflush(stderr);
    bar_shown = 1;
}

static int print_finding(const check_finding *f, void *arg)
{
    (void)arg;
    clear_bar();
    printf("%s: %s\n", f->severity == CHECK_ERROR ? _("PROBLEM") : _("warning"), cli_shown(f->message));
    return 0;
}

static int cmd_check(cli_ctx *ctx, int argc, char **argv)
{
    bool quick = false;
    const cli_opt opts[] = {{"--quick", NULL, &quick}, {NULL, NULL, NULL}};
    if (cli_parse_opts("check", argc, argv, opts, NULL, 0) < 0)
        return 2;
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    check_summary sum;
    cdtt_err e;
    /* A progress bar only on a terminal, on stderr: never in what a script reads. */
    check_options o = {.quick = quick, .progress = isatty(STDERR_FILENO) ? show_progress : NULL};
    int rc = check_run_opts(db, &ctx->cfg, &o, print_finding, NULL, &sum, &e);
    clear_bar();
    if (rc < 0)
        return cli_fail("%s", e.msg);
    if (sum.errors > 0) {
        printf(_("The file has %ld integrity problem(s): restore it from a backup or ask for help.\n"),
               sum.errors);
        return 1;
    }
    if (sum.warnings > 0)
        printf(_("The file is sound. %ld thing(s) in the data are worth a look.\n"), sum.warnings);
    else
        printf(_("The file is sound. No problems found.\n"));
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_CHECK = {"check", NULL, cmd_check, N_("[--quick]"), N_("check the file's integrity and the data's quality")};
