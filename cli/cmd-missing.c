/* cmd-missing.c — `cdtt missing mooc|zalo|inperson`: who still lacks an indicator. */
#include "cli.h"
#include "commands.h"
#include "progress.h"
#include "records.h"

#include <stdio.h>
#include <string.h>

static int cmd_missing(cli_ctx *ctx, int argc, char **argv)
{
    const char *what = NULL, *area_s = NULL, *as_of_s = NULL, *fmt_s = "text", *commune_s = NULL;
    const cli_opt opts[] = {
        {"--area", &area_s, NULL},     {"--as-of", &as_of_s, NULL}, {"--format", &fmt_s, NULL},
        {"--commune", &commune_s, NULL}, {NULL, NULL, NULL},
    };
    if (cli_parse_opts("missing", argc, argv, opts, &what, 1) < 0)
        return 2;
    enum target_indicator ind = TARGET_COUNT;
    for (int k = 0; what && k < TARGET_COUNT; k++)
        if (strcmp(what, config_indicator_name((enum target_indicator)k)) == 0)
            ind = (enum target_indicator)k;
    if (ind == TARGET_COUNT)
        return cli_usage("missing", _("say which indicator: mooc, zalo or inperson"));
    report_format fmt;
    char as_of[11], area[37];
    cdtt_err e;
    if (report_format_parse(fmt_s, &fmt) < 0 || fmt == REPORT_JSON)
        return cli_usage("missing", _("--format must be text or csv, not '%s'"), fmt_s);
    if (progress_parse_as_of(as_of_s, as_of, &e) < 0)
        return cli_usage("missing", "%s", e.msg);
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    progress_scope scope;
    memset(&scope, 0, sizeof scope);
    if (commune_s && progress_scope_commune(db, commune_s, &scope, &e) < 0)
        return cli_fail("%s", e.msg);
    if (area_s && cli_find_area(db, area_s, commune_s, 0, area))
        return 1;
    if (area_s)
        snprintf(scope.area, sizeof scope.area, "%s", area);
    if (report_missing_in(stdout, db, &ctx->cfg, ind, as_of, &scope, fmt, &e) < 0)
        return cli_fail("%s", e.msg);
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_MISSING = {"missing", NULL, cmd_missing, N_("mooc|zalo|inperson [--commune CODE] [--area NAME] [--as-of DATE] [--format text|csv]"),
 N_("list the members (or teams) still missing an indicator")};
