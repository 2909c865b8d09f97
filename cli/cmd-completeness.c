/* cmd-completeness.c — `cdtt completeness [--missing]`: which communes have sent their data. */
#include "cli.h"
#include "commands.h"
#include "completeness.h"
#include "package.h"

#include <stdio.h>

static int cmd_completeness(cli_ctx *ctx, int argc, char **argv)
{
    bool missing_only = false;
    const cli_opt opts[] = {{"--missing", NULL, &missing_only}, {NULL, NULL, NULL}};
    if (cli_parse_opts("completeness", argc, argv, opts, NULL, 0) < 0)
        return 2;
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    completeness_table t;
    cdtt_err e;
    if (completeness_get(db, &t, &e) < 0)
        return cli_fail("%s", e.msg);
    printf("%s\t%s\t%s\t%s\t%s\t%s%s%s\n", _("Code"), t.by_province ? _("Province") : _("Commune"),
           _("Package made"), _("Imported"), _("Packages"), _("Members"), t.by_province ? "\t" : "",
           t.by_province ? _("Communes with members") : "");
    for (int i = 0; i < t.n; i++) {
        const completeness_row *r = &t.rows[i];
        if (missing_only && r->n_imports)
            continue;
        char made[32], imported[32];
        package_format_time(r->last_package, made);
        package_format_time(r->last_import, imported);
        printf("%s\t%s\t%s\t%s\t%lld\t%lld", cli_shown(r->code), cli_shown(r->name),
               r->n_imports ? cli_shown(made) : _("nothing sent"), cli_shown(imported), r->n_imports, r->members);
        if (t.by_province)
            printf("\t%lld/%lld", r->communes_covered, r->communes);
        printf("\n");
    }
    if (t.by_province)
        printf(_("%d province(s), %d sent data, %d sent nothing.\n"), t.n, t.n - t.n_missing, t.n_missing);
    else
        printf(_("%d commune(s), %d sent data, %d sent nothing.\n"), t.n, t.n - t.n_missing, t.n_missing);
    completeness_free(&t);
    return 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_COMPLETENESS = {"completeness", NULL, cmd_completeness, N_("[--missing]"),
 N_("every commune below: when it last sent data, and which sent nothing")};
