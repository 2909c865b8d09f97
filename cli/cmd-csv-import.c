/* cmd-csv-import.c — `cdtt csv import members FILE [--dry-run] [--move]`: a
 * member list saved from Excel, all rows or none, every replaced value told. */
#include "cli.h"
#include "commands.h"
#include "csvio.h"

#include <stdio.h>
#include <string.h>

/* Prints the counts of what an import did (or would do) to stdout. */
static void print_counts(const char *path, const csvio_import_summary *s, int move)
{
    printf(_("%s: %lld rows read\n"), cli_shown(path), s->rows_read);
    printf(_("  members new: %lld, already there: %lld updated, %lld unchanged\n"), s->members_new,
           s->members_updated, s->members_unchanged);
    printf(_("  added to a team: %lld; teams created: %lld; areas created: %lld\n"),
           s->memberships_new, s->teams_created, s->areas_created);
    if (move || s->members_moved > 0)
        printf(_("  moved to another team: %lld (their old memberships end today)\n"), s->members_moved);
    if (s->moves_not_made > 0)
        printf(_("  in another team on the list, not moved: %lld (import with --move to move them)\n"),
               s->moves_not_made);
    if (s->starts_assumed > 0)
        printf(_("  start dates assumed (no \"Ngày vào tổ\"): %lld — the team's decision date %lld, the earliest "
                 "MOOC or Zalo OA date %lld, today %lld (cdtt report counts them until corrected)\n"),
               s->starts_assumed, s->starts_decision, s->starts_proved, s->starts_today);
    for (int i = 0; i < s->n_created; i++)
        printf(_("  created: %s\n"), cli_shown(s->created[i]));
    if (s->warnings > 0)
        printf(_("  rows with warnings (saved): %lld\n"), s->warnings);
}

/* Prints what an import did (or would do): problems to stderr, the rest to stdout. */
static void print_summary(const char *path, const csvio_import_summary *s, int dry_run, int move,
                          int rc)
{
    for (int i = 0; i < s->n_problems; i++)
        fprintf(stderr, "%s\n", cli_shown(s->problems[i]));
    if (s->n_ignored > 0) {
        fprintf(stderr, _("%s: columns not recognised, ignored:"), cli_shown(path));
        for (int i = 0; i < s->n_ignored; i++)
            fprintf(stderr, "%s \"%s\"", i ? "," : "", cli_shown(s->ignored_columns[i]));
        fprintf(stderr, "\n");
    }
    print_counts(path, s, move);
    if (s->n_changes > 0 && rc == 0) {
        printf(dry_run ? _("Stored values the list would replace (old → new):\n")
                       : _("Stored values replaced (old → new):\n"));
        for (int i = 0; i < s->n_changes; i++)
            printf("  %s\n", cli_shown(s->changes[i]));
    }
    if (rc == 1)
        printf(_("Nothing was imported: %lld rows have errors (listed above). Correct them and "
                 "import the file again.\n"),
               s->errors);
    else if (dry_run)
        printf(_("Dry run: nothing was written.\n"));
}

int cmd_csv_import(cli_ctx *ctx, int argc, char **argv)
{
    bool dry_run = false, move = false;
    const cli_opt opts[] = {{"--dry-run", NULL, &dry_run},
                            {"-n", NULL, &dry_run},
                            {"--move", NULL, &move},
                            {NULL, NULL, NULL}};
    const char *pos[2] = {NULL, NULL};
    int npos = cli_parse_opts("csv import", argc, argv, opts, pos, 2);
    if (npos < 0)
        return 2;
    if (npos < 1 || strcmp(pos[0], "members") != 0)
        return cli_usage("csv import", _("only a member list can be imported: csv import members FILE"));
    if (npos < 2)
        return cli_usage("csv import", _("which file? csv import members FILE"));
    const char *path = pos[1];
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    csvio_import_summary s;
    cdtt_err e;
    csvio_import_opts o = {dry_run, move, csvio_cli_progress, NULL};
    int rc = csvio_import_members_opts(db, path, &o, &s, &e);
    if (rc < 0) {
        for (int i = 0; i < s.n_problems; i++)
            fprintf(stderr, "%s\n", cli_shown(s.problems[i]));
        csvio_import_summary_free(&s);
        cli_fail("%s", e.msg);
        return cli_fail(_("nothing was imported"));
    }
    print_summary(path, &s, dry_run, move, rc);
    csvio_import_summary_free(&s);
    return rc == 0 ? 0 : 1;
}
