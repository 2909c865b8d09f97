/* cmd-import.c — `cdtt import [--dry-run] [--accept-partial] [--replace]
 * [--format text|csv] FILE...`: merge packages from the level below. Exit 0
 * when every file was merged (an older or empty package included), 1 when a
 * file or a record was refused, 2 on wrong usage. */
#include "cli.h"
#include "commands.h"
#include "csv.h"
#include "db.h"
#include "package.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where the lines of a result go: all to stdout (text), or, with csv, the
 * refused records as CSV rows to stdout and everything else to stderr. */
typedef struct {
    int csv;
    const char *file;
} out_ctx;

static void put_line(void *user, int kind, const char *text)
{
    const out_ctx *o = user;
    if (!o->csv) {
        printf("%s\n", cli_shown(text));
        return;
    }
    if (kind != PACKAGE_LINE_REFUSAL)
        fprintf(stderr, "%s\n", cli_shown(text));
}

/* The refused records of r as CSV rows: file, table, uuid, record, reason. */
static void put_csv(const char *file, const package_import_result *r)
{
    for (int i = 0; i < r->n_refused; i++) {
        const package_refusal *f = &r->refused[i];
        const char *row[] = {file, f->table, f->uuid, f->label, f->reason};
        csv_write_row(stdout, row, 5, ',');
    }
}

/* Imports the files in order into db; prints each result and the total.
 * Returns how many files or records were refused. */
static int import_all(sqlite3 *db, const char *const *files, int n, const package_import_opts *o, int csv)
{
    package_counts total = {0};
    int refused_files = 0;
    long long refused_records = 0;
    for (int i = 0; i < n; i++) {
        package_import_result r;
        package_import_with(db, files[i], o, NULL, NULL, &r);
        out_ctx oc = {.csv = csv, .file = files[i]};
        package_result_lines(&r, files[i], put_line, &oc);
        if (csv)
            put_csv(files[i], &r);
        if (r.outcome == PACKAGE_REFUSED || r.outcome == PACKAGE_HELD)
            refused_files++;
        else
            package_counts_add(&total, &r.c);
        refused_records += r.n_refused;
        package_import_result_free(&r);
    }
    FILE *f = csv ? stderr : stdout;
    char line[512];
    package_counts_text(_("Total"), &total, line, sizeof line);
    fprintf(f, "%s\n", line);
    if (refused_files)
        fprintf(f, _("%d file(s) refused or not merged; the database was not changed by them.\n"), refused_files);
    else if (refused_records)
        fprintf(f, _("%lld record(s) refused and left out (--accept-partial).\n"), refused_records);
    if (total.n_conflicts)
        fprintf(f, _("Records changed at both levels are listed by 'cdtt conflicts'.\n"));
    return refused_files + (int)(refused_records > 0);
}

static int cmd_import(cli_ctx *ctx, int argc, char **argv)
{
    bool dry = false, partial = false, replace = false, short_dry = false;
    const char *format = "text";
    const cli_opt opts[] = {
        {"--dry-run", NULL, &dry},
        {"-n", NULL, &short_dry},
        {"--accept-partial", NULL, &partial},
        {"--replace", NULL, &replace},
        {"--format", &format, NULL},
        {NULL, NULL, NULL},
    };
    const char **files = xcalloc((size_t)argc + 1, sizeof *files);
    int n = cli_parse_opts("import", argc, argv, opts, files, argc);
    if (n < 0) {
        free(files);
        return 2;
    }
    if (strcmp(format, "text") != 0 && strcmp(format, "csv") != 0) {
        free(files);
        return cli_usage("import", _("--format must be text or csv, not '%s'"), format);
    }
    if (!n) {
        free(files);
        return cli_usage("import", _("name the package files to import"));
    }
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db) {
        free(files);
        return 1;
    }
    package_import_opts o = {.accept_partial = partial, .replace = replace};
    int csv = strcmp(format, "csv") == 0;
    if (csv) {
        const char *head[] = {"file", "table", "uuid", "record", "reason"};
        csv_write_row(stdout, head, 5, ',');
    }
    int refused;
    if (dry || short_dry) {
        /* The whole sequence on a private copy of this file, thrown away after. */
        char path[4096];
        cdtt_err e;
        sqlite3 *copy = package_scratch_copy(db, path, &e);
        if (!copy) {
            free(files);
            return cli_fail("%s", e.msg);
        }
        refused = import_all(copy, files, n, &o, csv);
        package_scratch_drop(copy, path);
        fprintf(csv ? stderr : stdout, _("Dry run: nothing was written.\n"));
    } else {
        refused = import_all(db, files, n, &o, csv);
    }
    free(files);
    return refused ? 1 : 0;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_IMPORT = {"import", NULL, cmd_import, N_("[--dry-run] [--accept-partial] [--replace] [--format text|csv] FILE..."),
 N_("check and merge packages from the communes (or districts) below")};
