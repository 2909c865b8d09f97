/* cmd-report.c — `cdtt report`: the training progress table for the level above. */
#include "cli.h"
#include "commands.h"
#include "office.h"
#include "progress.h"
#include "records.h"

#include <stdio.h>
#include <string.h>

/* "mooc" "zalo" "inperson" → its indicator; -1 when s is NULL; -2 when unknown. */
static int indicator_arg(const char *s)
{
    if (!s)
        return -1;
    for (int k = 0; k < TARGET_COUNT; k++)
        if (strcmp(s, config_indicator_name((enum target_indicator)k)) == 0)
            return k;
    return -2;
}

static int cmd_report(cli_ctx *ctx, int argc, char **argv)
{
    const char *by_s = NULL, *as_of_s = NULL, *fmt_s = "text", *sort_s = NULL, *ind_s = NULL, *commune_s = NULL;
    bool behind = false;
    const cli_opt opts[] = {
        {"--by", &by_s, NULL},         {"--as-of", &as_of_s, NULL},      {"--format", &fmt_s, NULL},
        {"--sort", &sort_s, NULL},     {"--indicator", &ind_s, NULL},    {"--commune", &commune_s, NULL},
        {"--behind", NULL, &behind},   {NULL, NULL, NULL},
    };
    if (cli_parse_opts("report", argc, argv, opts, NULL, 0) < 0)
        return 2;
    progress_by by = PROGRESS_BY_AREA;
    progress_order order = PROGRESS_SORT_DEFAULT;
    report_format fmt;
    char as_of[11];
    cdtt_err e;
    if (by_s && progress_by_parse(by_s, &by) < 0)
        return cli_usage("report", _("--by must be area, commune, district or province, not '%s'"), by_s);
    if (report_format_parse(fmt_s, &fmt) < 0)
        return cli_usage("report", _("--format must be text, csv or json, not '%s'"), fmt_s);
    if (sort_s && progress_order_parse(sort_s, &order) < 0)
        return cli_usage("report", _("--sort must be progress, name or code, not '%s'"), sort_s);
    int ind = indicator_arg(ind_s);
    if (ind == -2)
        return cli_usage("report", _("--indicator must be mooc, zalo or inperson, not '%s'"), ind_s);
    if (progress_parse_as_of(as_of_s, as_of, &e) < 0)
        return cli_usage("report", "%s", e.msg);
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    progress_scope scope;
    memset(&scope, 0, sizeof scope);
    if (commune_s && progress_scope_commune(db, commune_s, &scope, &e) < 0)
        return cli_fail("%s", e.msg);
    office_rec office;
    if (!by_s && !commune_s && office_get(db, &office) == 0 && strcmp(office.level, "commune") != 0)
        by = strcmp(office.level, "national") == 0 ? PROGRESS_BY_PROVINCE : PROGRESS_BY_COMMUNE;
    progress_table t;
    if (progress_compute_in(db, &ctx->cfg, by, as_of, &scope, &t, &e) < 0)
        return cli_fail("%s", e.msg);
    progress_sort(&t, order, ind);
    if (behind)
        progress_keep_behind(&t);
    if (!t.consolidated)
        t.starts_assumed = membership_assumed_count(db);
    report_progress_write(stdout, &t, fmt);
    progress_free(&t);
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_REPORT = {"report", NULL, cmd_report,
 N_("[--by area|commune|district|province] [--commune CODE] [--sort progress|name|code] "
    "[--indicator mooc|zalo|inperson] [--behind] [--as-of DATE] [--format text|csv|json]"),
 N_("training progress against the plan's targets, one row a unit, totals last")};
