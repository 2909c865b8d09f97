/* cmd-csv.c — `cdtt csv export TABLE -o FILE` and `cdtt csv import members FILE`:
 * the office's tables to and from spreadsheets. */
#include "cli.h"
#include "csvio.h"
#include "db.h"

#include <stdio.h>
#include <string.h>

/* Parses the options shared by the exports: -o FILE, --full, --force. Returns
 * 0, or the usage exit code after saying what is wrong. */
int csvio_cli_export_opts(const char *cmd, int argc, char **argv, int first, const char **out,
                          csvio_export_opts *o)
{
    memset(o, 0, sizeof *o);
    *out = NULL;
    for (int i = first; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
            if (i + 1 >= argc)
                return cli_usage(cmd, _("-o needs a file name"));
            *out = argv[++i];
        } else if (strncmp(argv[i], "--output=", 9) == 0) {
            *out = argv[i] + 9;
        } else if (strcmp(argv[i], "--full") == 0) {
            o->full = 1;
        } else if (strcmp(argv[i], "--force") == 0) {
            o->force = 1;
        } else {
            return cli_usage(cmd, _("unknown argument '%s'"), argv[i]);
        }
    }
    if (!*out || !**out)
        return cli_usage(cmd, _("say where to write: -o FILE"));
    return 0;
}

int cmd_csv_export(cli_ctx *ctx, int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-')
        return cli_usage("csv export", _("which table? members, teams, areas, sessions or activities"));
    int t = csvio_table_from_name(argv[1]);
    if (t < 0)
        return cli_usage("csv export",
                         _("unknown table '%s'; use members, teams, areas, sessions or activities"),
                         argv[1]);
    const char *out;
    csvio_export_opts o;
    int rc = csvio_cli_export_opts("csv export", argc, argv, 2, &out, &o);
    if (rc)
        return rc;
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    cdtt_err e;
    long long rows = 0;
    if (csvio_export_csv(db, (csvio_table)t, out, &o, &rows, &e) < 0)
        return cli_fail("%s", e.msg);
    printf(_("%s: %lld rows written%s\n"), out, rows,
           o.full ? _(" (with personal identifiers)") : "");
    return 0;
}
