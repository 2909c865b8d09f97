/* cmd-csv.c — `cdtt csv export TABLE -o FILE` and `cdtt csv import members FILE`:
 * the office's tables to and from spreadsheets. */
#include "cli.h"
#include "commands.h"
#include "csvio.h"
#include "db.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

void csvio_cli_progress(void *ctx, long long done, long long total)
{
    (void)ctx;
    if (!isatty(STDERR_FILENO))
        return;
    if (done >= total)
        fprintf(stderr, "\r%30s\r", "");
    else
        fprintf(stderr, "\r%lld/%lld", done, total);
    fflush(stderr);
}

int csvio_cli_export_opts(const char *cmd, int argc, char **argv, const char **pos, int max_pos,
                          const char **out, csvio_export_opts *o)
{
    bool full = false, force = false;
    const char *o_short = NULL, *o_long = NULL;
    const cli_opt opts[] = {
        {"-o", &o_short, NULL},     {"--output", &o_long, NULL}, {"--full", NULL, &full},
        {"--force", NULL, &force},  {NULL, NULL, NULL},
    };
    int npos = cli_parse_opts(cmd, argc, argv, opts, pos, max_pos);
    if (npos < 0)
        return -1;
    memset(o, 0, sizeof *o);
    o->full = full;
    o->force = force;
    o->progress = csvio_cli_progress;
    *out = o_short ? o_short : o_long;
    if (!*out || !**out)
        return cli_usage(cmd, _("say where to write: -o FILE")), -1;
    return npos;
}

static int cmd_csv_export(cli_ctx *ctx, int argc, char **argv)
{
    const char *table = NULL, *out;
    csvio_export_opts o;
    int npos = csvio_cli_export_opts("csv export", argc, argv, &table, 1, &out, &o);
    if (npos < 0)
        return 2;
    if (npos == 0)
        return cli_usage("csv export", _("which table? members, teams, areas, sessions or activities"));
    int t = csvio_table_from_name(table);
    if (t < 0)
        return cli_usage("csv export",
                         _("unknown table '%s'; use members, teams, areas, sessions or activities"),
                         table);
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    cdtt_err e;
    long long rows = 0;
    if (csvio_export_csv(db, (csvio_table)t, out, &o, &rows, &e) < 0)
        return cli_fail("%s", e.msg);
    printf(_("%s: %lld rows written%s\n"), cli_shown(out), rows,
           o.full ? _(" (with personal identifiers)") : "");
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_CSV_EXPORT = {"csv", "export", cmd_csv_export,
 N_("members|teams|areas|sessions|activities -o FILE [--full] [--force]"),
 N_("write a table as CSV for Excel (identifiers masked unless --full)")};
