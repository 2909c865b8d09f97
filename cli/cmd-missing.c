/* cmd-missing.c — `cdtt missing mooc|zalo|inperson`: who still lacks an indicator. */
#include "cli.h"
#include "progress.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The heading of a missing list, in the message language. */
static const char *title(enum target_indicator ind)
{
    switch (ind) {
    case TARGET_MOOC: return _("Members who have not completed the MOOC course as of %s: %d");
    case TARGET_ZALO: return _("Members not following the Zalo OA as of %s: %d");
    default: return _("Teams not yet trained in person as of %s: %d");
    }
}

int cmd_missing(cli_ctx *ctx, int argc, char **argv)
{
    const char *what = NULL, *area_s = NULL, *as_of_s = NULL, *fmt_s = "text";
    for (int i = 1; i < argc; i++) {
        int r = 0;
        if ((r = cli_arg_value(argc, argv, &i, "--area", &area_s)) == 0 &&
            (r = cli_arg_value(argc, argv, &i, "--as-of", &as_of_s)) == 0 &&
            (r = cli_arg_value(argc, argv, &i, "--format", &fmt_s)) == 0) {
            if (what || argv[i][0] == '-')
                return cli_usage("missing", _("unknown argument '%s'"), argv[i]);
            what = argv[i];
        }
        if (r < 0)
            return cli_usage("missing", _("%s needs a value"), argv[i]);
    }
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
    if (area_s && progress_find_area(db, area_s, area, &e) < 0)
        return cli_fail("%s", e.msg);
    progress_missing_item *items;
    int n;
    if (progress_missing(db, &ctx->cfg, ind, as_of, area_s ? area : NULL, &items, &n, &e) < 0)
        return cli_fail("%s", e.msg);
    if (fmt == REPORT_TEXT) {
        char shown[11];
        date_to_display(as_of, shown);
        printf(title(ind), shown, n);
        printf("\n\n");
    }
    report_missing_write(stdout, ind, items, n, fmt);
    free(items);
    return 0;
}
