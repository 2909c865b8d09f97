/* cmd-demo.c — `cdtt demo`: fills an empty file with deterministic synthetic
 * data for training sessions and benchmarks. */
#include "cli.h"
#include "commands.h"
#include "db.h"
#include "demo.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Parses a whole decimal number in [0, max]; returns 0 or -1. */
static int parse_count(const char *s, unsigned long long max, unsigned long long *out)
{
    if (!s || !*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 19)
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, NULL, 10);
    if (errno || v > max)
        return -1;
    *out = v;
    return 0;
}

/* Shows how far a long generation is, on a terminal only, at most every 1%. */
static void show_progress(long done, long total, void *arg)
{
    long *shown = arg;
    long pct = total ? done * 100 / total : 100;
    if (pct == *shown)
        return;
    *shown = pct;
    fputc('\r', stderr);
    fprintf(stderr, _("writing demo data: %ld of %ld members (%ld%%)"), done, total, pct);
    if (done >= total)
        fputc('\n', stderr);
}

static int cmd_demo(cli_ctx *ctx, int argc, char **argv)
{
    const char *members = NULL, *seed = NULL, *scheme = NULL, *province = NULL, *pos[1];
    const cli_opt opts[] = {{"--members", &members, NULL}, {"--seed", &seed, NULL}, {"--scheme", &scheme, NULL},
                            {"--province", &province, NULL}, {NULL, NULL, NULL}};
    int npos = cli_parse_opts("demo", argc, argv, opts, pos, 0);
    if (npos < 0)
        return 2;
    demo_opts o = {.members = 0, .seed = 1};
    unsigned long long v;
    if (!members)
        return cli_usage("demo", _("say how many members to make with --members N"));
    if (parse_count(members, 5000000, &v) < 0 || v < 1)
        return cli_usage("demo", _("--members takes a number from 1 to 5000000, not '%s'"), members);
    o.members = (long)v;
    if (seed && parse_count(seed, UINT64_MAX, &v) < 0)
        return cli_usage("demo", _("--seed takes a whole number, not '%s'"), seed);
    if (seed)
        o.seed = v;
    if (scheme && strcmp(scheme, "2025-07") != 0 && strcmp(scheme, "pre-2025") != 0)
        return cli_usage("demo", _("--scheme must be 2025-07 or pre-2025, not '%s'"), scheme);
    snprintf(o.scheme, sizeof o.scheme, "%s", scheme ? scheme : "");
    if (province && (strlen(province) != 2 || strspn(province, "0123456789") != 2))
        return cli_usage("demo", _("--province takes a two-digit province code, not '%s'"), province);
    snprintf(o.province, sizeof o.province, "%s", province ? province : "");

    cdtt_err e;
    demo_counts n;
    long shown = -1;
    if (isatty(STDERR_FILENO) && o.members >= 20000) {
        o.progress = show_progress;
        o.progress_arg = &shown;
    }
    /* A new file is built aside and named when complete (faster, and never
     * half-built); an existing one (units imported, an office set) is filled in place. */
    int fresh = !ctx->db && access(ctx->db_path, F_OK) < 0 && errno == ENOENT;
    if (fresh && demo_generate_new_file(ctx->db_path, &o, &n, &e) < 0)
        return cli_fail("%s", e.msg);
    if (!fresh) {
        sqlite3 *db = cli_open_db(ctx, DB_CREATE);
        if (!db)
            return 1;
        if (demo_generate(db, &o, &n, &e) < 0)
            return cli_fail("%s", e.msg);
    }
    printf(_("Demo data written to %s (seed %llu):\n"), cli_shown(ctx->db_path), (unsigned long long)o.seed);
    printf(_("  %ld communes (%s)\n"), n.communes,
           n.real_units ? _("from the imported unit list") : _("made up: no unit list imported"));
    printf(_("  %ld villages and residential groups, %ld teams\n"), n.areas, n.teams);
    printf(_("  %ld members, %ld memberships\n"), n.members, n.memberships);
    printf(_("  %ld training sessions, %ld attendances, %ld activities\n"), n.sessions, n.attendance,
           n.activities);
    printf(_("  content digest %s\n"), n.digest);
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_DEMO = {"demo", NULL, cmd_demo, N_("--members N [--seed S] [--scheme 2025-07|pre-2025] [--province CODE]"),
 N_("fill an empty file with made-up teams and members for training and tests")};
