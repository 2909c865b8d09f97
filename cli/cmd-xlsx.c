/* cmd-xlsx.c — `cdtt xlsx export -o FILE`: every table in one Excel workbook
 * (at a province or national office the summary sheet first). */
#include "cli.h"
#include "commands.h"
#include "csvio.h"
#include "progress.h"

#include <stdio.h>

static int cmd_xlsx_export(cli_ctx *ctx, int argc, char **argv)
{
    const char *out;
    csvio_export_opts o;
    if (csvio_cli_export_opts("xlsx export", argc, argv, NULL, 0, &out, &o) < 0)
        return 2;
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    cdtt_err e;
    if (report_office_xlsx(db, &ctx->cfg, out, &o, &e) < 0)
        return cli_fail("%s", e.msg);
    printf(_("%s: workbook written%s\n"), cli_shown(out), o.full ? _(" (with personal identifiers)") : "");
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_XLSX_EXPORT = {"xlsx", "export", cmd_xlsx_export, N_("-o FILE [--full] [--force]"),
 N_("write every table to one Excel workbook, a sheet per table")};
