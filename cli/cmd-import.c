/* cmd-import.c — `cdtt import [--dry-run] FILE...`: merge packages from the level below. */
#include "cli.h"
#include "commands.h"
#include "db.h"
#include "package.h"

#include <stdio.h>
#include <string.h>

static void print_counts(const char *label, const package_counts *c)
{
    printf(_("%s: new %lld, updated %lld, unchanged %lld, deleted %lld, rejected %lld, conflicts %lld\n"),
           cli_shown(label), c->n_new, c->n_updated, c->n_unchanged, c->n_deleted, c->n_rejected, c->n_conflicts);
}

int cmd_import(cli_ctx *ctx, int argc, char **argv)
{
    int dry_run = 0, nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dry-run") == 0 || strcmp(argv[i], "-n") == 0)
            dry_run = 1;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage("import", _("unknown option '%s'"), argv[i]);
        else
            nfiles++;
    }
    if (!nfiles)
        return cli_usage("import", _("name the package files to import"));
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    package_counts total = {0};
    int refused = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1])
            continue;
        package_import_result r;
        if (package_import(db, argv[i], dry_run, NULL, NULL, &r) < 0) {
            cli_print_safe(stdout, _("%s: REFUSED: %s\n"), argv[i], r.err.msg);
            refused++;
            continue;
        }
        char made[32];
        package_format_time(r.m.created_at, made);
        cli_print_safe(stdout, _("%s: from %s (%s), made %s\n"), argv[i], r.m.source_name, r.m.source_code,
                       made);
        print_counts(argv[i], &r.c);
        package_counts_add(&total, &r.c);
    }
    print_counts(_("Total"), &total);
    if (refused)
        printf(_("%d file(s) refused; the database was not changed by them.\n"), refused);
    if (dry_run)
        printf(_("Dry run: nothing was written.\n"));
    if (total.n_conflicts)
        printf(_("Records changed at both levels are listed by 'cdtt conflicts'.\n"));
    return refused ? 1 : 0;
}
