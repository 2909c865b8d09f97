/* cmd-training-import.c — `cdtt training mooc import FILE` and `cdtt session
 * attend SESSION --from FILE`: lists of people from the province (Excel or
 * CSV) matched to members by CCCD, phone, or name and birth date. */
#include "cli.h"
#include "commands.h"
#include "training.h"

#include <stdio.h>
#include <string.h>

/* Parses the options, runs the import, prints the outcome. session is NULL
 * for the MOOC list; file is NULL when it is a positional word. */
static int run(cli_ctx *ctx, const char *cmd, int argc, char **argv, int session_list)
{
    bool dry_run = false;
    const char *encoding = NULL, *sheet = NULL, *from = NULL;
    const cli_opt opts[] = {{"--dry-run", NULL, &dry_run}, {"-n", NULL, &dry_run},
                            {"--encoding", &encoding, NULL}, {"--sheet", &sheet, NULL},
                            {"--from", &from, NULL}, {NULL, NULL, NULL}};
    const char *pos[2] = {NULL, NULL};
    int npos = cli_parse_opts(cmd, argc, argv, opts, pos, 2);
    if (npos < 0)
        return 2;
    const char *session = session_list ? pos[0] : NULL;
    const char *path = session_list ? from : pos[0];
    if (session_list && (npos != 1 || !from))
        return cli_usage(cmd, _("give the session's id and --from FILE"));
    if (!session_list && npos != 1)
        return cli_usage(cmd, _("which file? training mooc import FILE"));
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    cdtt_err e;
    char date[11];
    if (session && training_session_date(db, session, date, &e) < 0)
        return cli_fail("%s", e.msg);
    training_list_summary s;
    int rc = training_import_list(db, path, encoding, sheet, session, dry_run, &s, &e);
    for (int i = 0; i < s.n_problems; i++)
        fprintf(stderr, "%s\n", cli_shown(s.problems[i]));
    if (rc < 0) {
        training_list_summary_free(&s);
        cli_fail("%s", e.msg);
        return cli_fail(_("nothing was marked"));
    }
    printf(_("%s: read %s\n"), cli_shown(path), cli_shown(s.source));
    printf(_("%s: %lld rows read, %lld matched a member, %lld not matched (listed above)\n"), cli_shown(path), s.rows_read,
           s.matched, s.unmatched);
    if (dry_run)
        printf(_("Dry run: nothing was written.\n"));
    else if (session)
        printf(_("%d attendance records changed\n"), s.changed);
    else
        printf(_("%d members changed\n"), s.changed);
    training_list_summary_free(&s);
    return rc == 0 ? 0 : 1;
}

int cmd_training_mooc_import(cli_ctx *ctx, int argc, char **argv)
{
    return run(ctx, "training mooc import", argc, argv, 0);
}

int cmd_session_attend_from(cli_ctx *ctx, int argc, char **argv)
{
    return run(ctx, "session attend", argc, argv, 1);
}
