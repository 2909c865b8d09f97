/* cmd-export.c — `cdtt export -o FILE [--full] [--force] [--encrypt|--no-encrypt] [--plain]`:
 * a package for the level above, compressed and signed, and encrypted to it when its key is known. */
#include "cli.h"
#include "commands.h"
#include "conflict.h"
#include "db.h"
#include "package.h"
#include "schema.h"

#include <stdio.h>

static int cmd_export(cli_ctx *ctx, int argc, char **argv)
{
    package_export_opts o = {0};
    const char *out = NULL, *out_long = NULL;
    bool full = false, force = false, seal = false, no_seal = false, plain = false;
    const cli_opt opts[] = {
        {"-o", &out, NULL},           {"--output", &out_long, NULL},  {"--full", NULL, &full},
        {"--force", NULL, &force},    {"--encrypt", NULL, &seal},     {"--no-encrypt", NULL, &no_seal},
        {"--plain", NULL, &plain},    {NULL, NULL, NULL},
    };
    if (cli_parse_opts("export", argc, argv, opts, NULL, 0) < 0)
        return 2;
    if (seal && no_seal)
        return cli_usage("export", _("--encrypt and --no-encrypt exclude each other"));
    o.full = full;
    o.force = force;
    o.plain = plain;
    o.seal = seal ? 1 : no_seal ? -1 : 0;
    if (out_long)
        out = out_long;
    if (!out || !*out)
        return cli_usage("export", _("say where to write the package: -o FILE"));
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    package_manifest m;
    cdtt_err e;
    if (package_export(db, out, &o, NULL, NULL, &m, &e) < 0)
        return cli_fail("%s", e.msg);
    printf(_("Package written: %s\n"), cli_shown(out));
    printf(_("Office: %s (%s %s)\n"), cli_shown(m.source_name), m.source_scheme, m.source_code);
    for (int i = 0; i < m.n_tables; i++)
        printf("  %-18s %lld\n", SCHEMA_TRAVEL_TABLES[i], m.rows[i]);
    printf(m.full ? _("Personal identifiers: included (--full)\n")
                  : _("Personal identifiers: left out (CCCD; phone and e-mail without consent)\n"));
    printf("SHA-256: %s\n", m.digest);
    if (!m.packed)
        printf("%s\n", _("Format: one SQLite file, not compressed (--plain), for an office above that runs an "
                          "older cdtt."));
    if (m.sealed_to[0])
        printf(_("Encrypted: only the file of office %s can open it.\n"), m.sealed_to);
    else
        printf("%s\n", _("Not encrypted (import the key of the office above with 'cdtt keys import' to encrypt "
                          "packages to it)."));
    long long open = conflict_open_count(db);
    if (open > 0)
        fprintf(stderr, _("Warning: %lld conflict(s) are still open; the package carries this office's version of "
                          "those records. Settle them with 'cdtt conflicts'.\n"), open);
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_EXPORT = {"export", NULL, cmd_export, N_("-o FILE [--full] [--force] [--encrypt|--no-encrypt] [--plain]"),
 N_("write a package of this office's data for the level above")};
