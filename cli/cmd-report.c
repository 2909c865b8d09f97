/* cmd-report.c — `cdtt report`: the training progress table for the level above. */
#include "cli.h"
#include "commands.h"
#include "office.h"
#include "progress.h"

#include <stdio.h>
#include <string.h>

int cmd_report(cli_ctx *ctx, int argc, char **argv)
{
    const char *by_s = NULL, *as_of_s = NULL, *fmt_s = "text";
    const cli_opt opts[] = {
        {"--by", &by_s, NULL}, {"--as-of", &as_of_s, NULL}, {"--format", &fmt_s, NULL}, {NULL, NULL, NULL},
    };
    if (cli_parse_opts("report", argc, argv, opts, NULL, 0) < 0)
        return 2;
    progress_by by = PROGRESS_BY_AREA;
    report_format fmt;
    char as_of[11];
    cdtt_err e;
    if (by_s && progress_by_parse(by_s, &by) < 0)
        return cli_usage("report", _("--by must be area, commune, district or province, not '%s'"), by_s);
    if (report_format_parse(fmt_s, &fmt) < 0)
        return cli_usage("report", _("--format must be text, csv or json, not '%s'"), fmt_s);
    if (progress_parse_as_of(as_of_s, as_of, &e) < 0)
        return cli_usage("report", "%s", e.msg);
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    office_rec office;
    if (!by_s && office_get(db, &office) == 0 && strcmp(office.level, "commune") != 0)
        by = PROGRESS_BY_COMMUNE; /* a district or province consolidates communes */
    progress_table t;
    if (progress_compute(db, &ctx->cfg, by, as_of, &t, &e) < 0)
        return cli_fail("%s", e.msg);
    report_progress_write(stdout, &t, fmt);
    progress_free(&t);
    return 0;
}
