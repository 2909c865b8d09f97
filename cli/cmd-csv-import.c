/* cmd-csv-import.c — `cdtt members import FILE` (also `cdtt csv import members
 * FILE`): a member list kept in Excel (.xlsx, .xls) or saved as CSV, all rows
 * or none, every replaced value told, with a preview (--dry-run), --move and
 * the commune's words for choices. */
#include "cli.h"
#include "choices.h"
#include "commands.h"
#include "csvio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PREVIEW_ROWS 5

static void print_list(const char *title, char **items, int n)
{
    if (n == 0)
        return;
    printf("%s\n", title);
    for (int i = 0; i < n; i++)
        printf("    %s\n", cli_shown(items[i]));
}

/* Prints the counts of what an import did (or would do) to stdout. */
static void print_counts(const char *path, const csvio_import_summary *s, int done, int move)
{
    printf(_("%s: %lld rows read\n"), cli_shown(path), s->rows_read);
    printf(_("  members new: %lld, already there: %lld updated, %lld unchanged\n"), s->members_new,
           s->members_updated, s->members_unchanged);
    printf(done ? _("  added to a team: %lld; teams created: %lld; areas created: %lld\n")
                : _("  would add to a team: %lld; would create teams: %lld, areas: %lld\n"),
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
        printf(done ? _("  created: %s\n") : _("  would create: %s\n"), cli_shown(s->created[i]));
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
    if (s->source[0])
        printf(_("%s: read %s\n"), cli_shown(path), cli_shown(s->source));
    if (dry_run) {
        print_list(_("  columns recognised:"), s->columns, s->n_columns);
        print_list(_("  values of the choice columns:"), s->values, s->n_values);
        print_list(_("  first rows as they will be stored:"), s->preview, s->n_preview);
    }
    print_counts(path, s, rc == 0 && !dry_run, move);
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

/* Parses one --map COLUMN:VALUE=ITEM into a. Returns 0, or prints why and returns 2. */
static int parse_map(const char *cmd, const char *arg, choice_alias *a)
{
    const char *colon = strchr(arg, ':'), *eq = strrchr(arg, '=');
    if (!colon || !eq || eq < colon)
        return cli_usage(cmd, _("--map is written 'COLUMN:VALUE=ITEM', e.g. 'Thành phần:CA xã=Công an'"));
    char column[128];
    snprintf(column, sizeof column, "%.*s", (int)(colon - arg), arg);
    const char *kind;
    const choice *list;
    if (csvio_member_choice_column(column, &kind) < 0 || !choice_kind_list(kind, &list))
        return cli_usage(cmd, _("--map: \"%s\" is not a column with a list (Giới tính, Vai trò, Thành phần, "
                                "Đoàn viên, Học trực tuyến)"),
                         column);
    snprintf(a->kind, sizeof a->kind, "%s", kind);
    snprintf(a->from, sizeof a->from, "%.*s", (int)(eq - colon - 1), colon + 1);
    snprintf(a->to, sizeof a->to, "%s", eq + 1);
    if (!choice_interpret(list, kind, a->to, NULL, 0, NULL)) {
        char items[1024] = "";
        for (int i = 0; list[i].code; i++)
            snprintf(items + strlen(items), sizeof items - strlen(items), "%s%s", i ? ", " : "", list[i].vi);
        return cli_usage(cmd, _("--map: \"%s\" is not an item of the list: %s"), a->to, items);
    }
    return 0;
}

/* The import itself, after the command words: argv[0] is the last command
 * word, the file is the positional word at index file_pos (after
 * `csv import`, "members" comes first). */
static int run_import(cli_ctx *ctx, const char *cmd, int argc, char **argv, int file_pos)
{
    bool dry_run = false, move = false;
    const char *encoding = NULL, *sheet = NULL, *unknown = NULL;
    const cli_opt opts[] = {{"--dry-run", NULL, &dry_run}, {"-n", NULL, &dry_run},
                            {"--move", NULL, &move},       {"--encoding", &encoding, NULL},
                            {"--sheet", &sheet, NULL},     {"--unknown", &unknown, NULL},
                            {NULL, NULL, NULL}};
    /* --map may be given many times: taken out before the other options. */
    char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
    choice_alias *aliases = xcalloc((size_t)argc + CONFIG_ALIASES_MAX + 1, sizeof *aliases);
    int nrest = 0, nal = 0, rc = 0;
    for (int i = 0; i < argc && rc == 0; i++) {
        const char *m = NULL;
        if (i > 0 && strcmp(argv[i], "--map") == 0) {
            if (i + 1 >= argc)
                rc = cli_usage(cmd, _("--map needs 'COLUMN:VALUE=ITEM'"));
            else
                m = argv[++i];
        } else if (i > 0 && strncmp(argv[i], "--map=", 6) == 0) {
            m = argv[i] + 6;
        } else {
            rest[nrest++] = argv[i];
        }
        if (m && rc == 0)
            rc = parse_map(cmd, m, &aliases[nal++]);
    }
    for (int i = 0; i < ctx->cfg.n_aliases; i++)
        aliases[nal++] = ctx->cfg.aliases[i];
    const char *pos[2] = {NULL, NULL};
    int npos = rc ? 0 : cli_parse_opts(cmd, nrest, rest, opts, pos, 2);
    if (!rc && npos < 0)
        rc = 2;
    if (!rc && file_pos == 1 && (npos < 1 || strcmp(pos[0], "members") != 0))
        rc = cli_usage(cmd, _("only a member list can be imported: csv import members FILE"));
    if (!rc && npos <= file_pos)
        rc = cli_usage(cmd, file_pos == 1 ? _("which file? csv import members FILE")
                                          : _("which file? members import FILE"));
    if (!rc && unknown && strcmp(unknown, "other") != 0 && strcmp(unknown, "stop") != 0)
        rc = cli_usage(cmd, _("--unknown takes 'other' (file unknown values as Khác) or 'stop'"));
    sqlite3 *db = rc ? NULL : cli_open_db(ctx, 0);
    if (!rc && !db)
        rc = 1;
    if (!rc) {
        const char *path = pos[file_pos];
        csvio_import_opts o = {.dry_run = dry_run,
                               .move = move,
                               .progress = csvio_cli_progress,
                               .encoding = encoding,
                               .sheet = sheet,
                               .aliases = aliases,
                               .n_aliases = nal,
                               .unknown_other = unknown && strcmp(unknown, "other") == 0,
                               .preview_rows = dry_run ? PREVIEW_ROWS : 0};
        csvio_import_summary s;
        cdtt_err e;
        int r = csvio_import_members_opts(db, path, &o, &s, &e);
        if (r < 0) {
            for (int i = 0; i < s.n_problems; i++)
                fprintf(stderr, "%s\n", cli_shown(s.problems[i]));
            cli_fail("%s", e.msg);
            rc = cli_fail(_("nothing was imported"));
        } else {
            print_summary(path, &s, dry_run, move, r);
            rc = r == 0 ? 0 : 1;
        }
        csvio_import_summary_free(&s);
    }
    free(rest);
    free(aliases);
    return rc;
}

static int cmd_csv_import(cli_ctx *ctx, int argc, char **argv)
{
    return run_import(ctx, "csv import", argc, argv, 1);
}

static int cmd_members_import(cli_ctx *ctx, int argc, char **argv)
{
    return run_import(ctx, "members import", argc, argv, 0);
}

/* The commands' entries (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_MEMBERS_IMPORT = {"members", "import", cmd_members_import,
 N_("FILE [--dry-run] [--move] [--sheet NAME|N] [--encoding E] [--map 'COLUMN:VALUE=ITEM']... [--unknown other]"),
 N_("import a member list from Excel (.xlsx, .xls) or CSV (all rows or none)")};
const cli_command CMD_CSV_IMPORT = {"csv", "import", cmd_csv_import, N_("members FILE [options of members import]"),
 N_("the same as members import")};
