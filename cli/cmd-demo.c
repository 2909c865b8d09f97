/* cmd-demo.c — `cdtt demo`: fills an empty file with deterministic synthetic
 * data for training sessions and benchmarks. */
#include "cli.h"
#include "db.h"
#include "demo.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int cmd_demo(cli_ctx *ctx, int argc, char **argv)
{
    demo_opts o = {.members = 0, .seed = 1};
    int have_members = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long long n;
        if (strcmp(a, "--members") == 0 || strcmp(a, "--seed") == 0 || strcmp(a, "--scheme") == 0 ||
            strcmp(a, "--province") == 0) {
            if (!v)
                return cli_usage("demo", _("%s needs a value"), a);
            i++;
        } else {
            return cli_usage("demo", _("unknown argument '%s'"), a);
        }
        if (strcmp(a, "--members") == 0) {
            if (parse_count(v, 5000000, &n) < 0 || n < 1)
                return cli_usage("demo", _("--members takes a number from 1 to 5000000, not '%s'"), v);
            o.members = (long)n;
            have_members = 1;
        } else if (strcmp(a, "--seed") == 0) {
            if (parse_count(v, UINT64_MAX, &n) < 0)
                return cli_usage("demo", _("--seed takes a whole number, not '%s'"), v);
            o.seed = n;
        } else if (strcmp(a, "--scheme") == 0) {
            if (strcmp(v, "2025-07") != 0 && strcmp(v, "pre-2025") != 0)
                return cli_usage("demo", _("--scheme must be 2025-07 or pre-2025, not '%s'"), v);
            snprintf(o.scheme, sizeof o.scheme, "%s", v);
        } else {
            if (strlen(v) != 2 || strspn(v, "0123456789") != 2)
                return cli_usage("demo", _("--province takes a two-digit province code, not '%s'"), v);
            snprintf(o.province, sizeof o.province, "%s", v);
        }
    }
    if (!have_members)
        return cli_usage("demo", _("say how many members to make with --members N"));

    sqlite3 *db = cli_open_db(ctx, DB_CREATE);
    if (!db)
        return 1;
    cdtt_err e;
    demo_counts n;
    if (demo_generate(db, &o, &n, &e) < 0)
        return cli_fail("%s", e.msg);
    char digest[33];
    if (demo_digest(db, digest) < 0)
        return cli_fail(_("cannot read back the demo data"));
    printf(_("Demo data written to %s (seed %llu):\n"), ctx->db_path, (unsigned long long)o.seed);
    printf(_("  %ld communes (%s)\n"), n.communes,
           n.real_units ? _("from the imported unit list") : _("made up: no unit list imported"));
    printf(_("  %ld villages and residential groups, %ld teams\n"), n.areas, n.teams);
    printf(_("  %ld members, %ld memberships\n"), n.members, n.memberships);
    printf(_("  %ld training sessions, %ld attendances, %ld activities\n"), n.sessions, n.attendance,
           n.activities);
    printf(_("  content digest %s\n"), digest);
    return 0;
}
