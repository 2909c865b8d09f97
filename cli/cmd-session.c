/* cmd-session.c — `cdtt session add` and `cdtt session attend`: in-person training. */
#include "cli.h"
#include "commands.h"
#include "member-select.h"
#include "records.h"
#include "training.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Adds the training session rec (cli_add_fn). */
static int add_session(sqlite3 *db, const void *rec, char uuid[37], cdtt_err *e)
{
    return training_session_add(db, (const training_session_rec *)rec, uuid, e);
}

static int cmd_session_add(cli_ctx *ctx, int argc, char **argv)
{
    const char *date = NULL, *place = "", *organiser = "", *topic = "", *note = "";
    const cli_opt opts[] = {
        {"--date", &date, NULL}, {"--place", &place, NULL}, {"--organiser", &organiser, NULL},
        {"--topic", &topic, NULL}, {"--note", &note, NULL}, {NULL, NULL, NULL},
    };
    if (cli_parse_opts("session add", argc, argv, opts, NULL, 0) < 0)
        return 2;
    training_session_rec s;
    memset(&s, 0, sizeof s);
    if (!date)
        return cli_usage("session add", _("--date is required"));
    if (cli_date_arg("session add", date, s.date))
        return 2;
    if (cli_text_arg("--place", place, s.place, sizeof s.place) ||
        cli_text_arg("--organiser", organiser, s.organiser, sizeof s.organiser) ||
        cli_text_arg("--topic", topic, s.topic, sizeof s.topic) || cli_text_arg("--note", note, s.note, sizeof s.note))
        return 1;
    return cli_add_record(ctx, add_session, &s);
}

/* Writes s into out quoted for a POSIX shell ('…', a quote as '\''). */
static void shell_quote(const char *s, char *out, size_t n)
{
    size_t k = 0;
    if (n < 3)
        return;
    out[k++] = '\'';
    for (; *s && k + 6 < n; s++) {
        if (*s == '\'') {
            memcpy(out + k, "'\\''", 4);
            k += 4;
        } else {
            out[k++] = *s;
        }
    }
    out[k++] = '\'';
    out[k] = '\0';
}

/* After `session attend --team/--area`: the members of that team or area who
 * joined after the session's date (and so were not marked), with the
 * commands that move their start date back and mark them. */
static void tell_joined_later(sqlite3 *db, const char *session, const member_selection *sel, const char *team,
                              const char *area, const char *date)
{
    joined_later *late = NULL;
    cdtt_err e;
    int n = membership_joined_after(db, sel->team[0] ? sel->team : NULL, sel->area[0] ? sel->area : NULL, date,
                                    &late, &e);
    if (n <= 0) {
        free(late);
        return;
    }
    char day[11], joined[11], qt[1100] = "", qa[1100] = "", opts[2300] = "";
    date_to_display(date, day);
    if (team)
        shell_quote(team, qt, sizeof qt);
    if (area)
        shell_quote(area, qa, sizeof qa);
    snprintf(opts, sizeof opts, "%s%s%s%s", team ? " --team " : "", qt, area ? " --area " : "", qa);
    printf(_("Joined after the session (%s), not marked present: %d\n"), day, n);
    for (int i = 0; i < n; i++) {
        date_to_display(late[i].date_from, joined);
        printf(_("  %s, joined %s\n"), late[i].full_name, joined);
    }
    printf("%s\n", _("If they were members then, move their start date back to the session's date and mark them:"));
    printf("  cdtt membership since");
    for (int i = 0; i < n; i++)
        printf(" %s", late[i].uuid);
    printf(" --date %s%s\n", day, opts);
    printf("  cdtt session attend %s%s\n", session, opts);
    free(late);
}

static int cmd_session_attend(cli_ctx *ctx, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) /* session attend SESSION --from FILE: a list */
        if (strcmp(argv[i], "--from") == 0 || strncmp(argv[i], "--from=", 7) == 0)
            return cmd_session_attend_from(ctx, argc, argv);
    bool absent = false;
    const char *team = NULL, *area = NULL;
    const cli_opt opts[] = {
        {"--absent", NULL, &absent}, {"--team", &team, NULL}, {"--area", &area, NULL}, {NULL, NULL, NULL},
    };
    const char **words = xcalloc((size_t)argc, sizeof *words);
    int n = cli_parse_opts("session attend", argc, argv, opts, words, argc);
    int rc = n < 0 ? 2 : 0;
    if (!rc && n < 1)
        rc = cli_usage("session attend", _("give the session's id, then member ids, --team NAME or --area NAME"));
    sqlite3 *db = rc ? NULL : cli_open_db(ctx, 0);
    if (!rc && !db)
        rc = 1;
    char date[11];
    cdtt_err e;
    if (!rc && training_session_date(db, words[0], date, &e) < 0)
        rc = cli_fail("%s", e.msg);
    bool dated = !rc;
    member_selection sel;
    memset(&sel, 0, sizeof sel);
    if (!rc && (rc = member_select(db, "session attend", team, area, date, words + 1, n - 1, &sel)) == 0) {
        int changed = 0;
        if (training_attendance_mark(db, words[0], sel.ids, sel.n, !absent, &changed, &e) < 0)
            rc = cli_fail("%s", e.msg);
        else
            printf(_("%d attendance records changed\n"), changed);
        member_selection_free(&sel);
    }
    if (dated && !absent && (sel.team[0] || sel.area[0]))
        tell_joined_later(db, words[0], &sel, team, area, date);
    free(words);
    return rc;
}

/* The commands' entries (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_SESSION_ADD = {"session", "add", cmd_session_add,
 N_("--date DATE [--place TEXT] [--organiser TEXT] [--topic TEXT] [--note TEXT]"),
 N_("record an in-person training session (prints its id)")};
const cli_command CMD_SESSION_ATTEND = {"session", "attend", cmd_session_attend, N_("SESSION-ID [--absent] [--team NAME] [--area NAME] [MEMBER-ID...]"),
 N_("mark members present (or absent) at a training session")};
const cli_command CMD_SESSION_ATTEND_FROM = {"session", "attend", cmd_session_attend, N_("SESSION-ID --from FILE [--dry-run] [--sheet NAME|N] [--encoding E]"),
 N_("mark present everyone on an attendance list (Excel or CSV), matched by CCCD, phone, or name and birth")};
