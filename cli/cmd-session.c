/* cmd-session.c — `cdtt session add` and `cdtt session attend`: in-person training. */
#include "cli.h"
#include "training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_session_add(cli_ctx *ctx, int argc, char **argv)
{
    const char *date = NULL, *place = "", *organiser = "", *topic = "", *note = "";
    for (int i = 1; i < argc; i++) {
        int r = 0;
        if ((r = cli_arg_value(argc, argv, &i, "--date", &date)) == 0 &&
            (r = cli_arg_value(argc, argv, &i, "--place", &place)) == 0 &&
            (r = cli_arg_value(argc, argv, &i, "--organiser", &organiser)) == 0 &&
            (r = cli_arg_value(argc, argv, &i, "--topic", &topic)) == 0 &&
            (r = cli_arg_value(argc, argv, &i, "--note", &note)) == 0)
            return cli_usage("session add", _("unknown argument '%s'"), argv[i]);
        if (r < 0)
            return cli_usage("session add", _("%s needs a value"), argv[i]);
    }
    training_session_rec s;
    memset(&s, 0, sizeof s);
    if (!date)
        return cli_usage("session add", _("--date is required"));
    if (cli_date_arg("session add", date, s.date))
        return 2;
    snprintf(s.place, sizeof s.place, "%s", place);
    snprintf(s.organiser, sizeof s.organiser, "%s", organiser);
    snprintf(s.topic, sizeof s.topic, "%s", topic);
    snprintf(s.note, sizeof s.note, "%s", note);
    if (strlen(place) >= sizeof s.place || strlen(organiser) >= sizeof s.organiser ||
        strlen(topic) >= sizeof s.topic || strlen(note) >= sizeof s.note)
        return cli_fail(_("a text is too long"));
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    char uuid[37];
    cdtt_err e;
    if (training_session_add(db, &s, uuid, &e) < 0)
        return cli_fail("%s", e.msg);
    printf("%s\n", uuid);
    return 0;
}

int cmd_session_attend(cli_ctx *ctx, int argc, char **argv)
{
    int present = 1, n = 0;
    const char *session = NULL;
    const char **members = xcalloc((size_t)argc, sizeof *members);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--absent") == 0)
            present = 0;
        else if (argv[i][0] == '-') {
            free(members);
            return cli_usage("session attend", _("unknown argument '%s'"), argv[i]);
        } else if (!session)
            session = argv[i];
        else
            members[n++] = argv[i];
    }
    if (!session || n == 0) {
        free(members);
        return cli_usage("session attend", _("give the session's id and at least one member's id"));
    }
    sqlite3 *db = cli_open_db(ctx, 0);
    int changed = 0, rc = 0;
    cdtt_err e;
    if (!db)
        rc = 1;
    else if (training_attendance_mark(db, session, members, n, present, &changed, &e) < 0)
        rc = cli_fail("%s", e.msg);
    else
        printf(_("%d attendance records changed\n"), changed);
    free(members);
    return rc;
}
