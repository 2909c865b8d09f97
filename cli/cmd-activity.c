/* cmd-activity.c — `cdtt activity add`: what a team did, as counts. */
#include "cli.h"
#include "training.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A count typed as digits (0 ... 10^9); -1 when it is not one. */
static long parse_count(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < 0 || v > 1000000000L)
        return -1;
    return v;
}

int cmd_activity_add(cli_ctx *ctx, int argc, char **argv)
{
    const char *team = NULL, *date = NULL, *type = NULL, *people = "0", *households = "0", *note = "";
    for (int i = 1; i < argc; i++) {
        int r = 0;
        if ((r = cli_arg_value(argc, argv, &i, "--team", &team)) == 0 &&
            (r = cli_arg_value(argc, argv, &i, "--date", &date)) == 0 &&
            (r = cli_arg_value(argc, argv, &i, "--type", &type)) == 0 &&
            (r = cli_arg_value(argc, argv, &i, "--people", &people)) == 0 &&
            (r = cli_arg_value(argc, argv, &i, "--households", &households)) == 0 &&
            (r = cli_arg_value(argc, argv, &i, "--note", &note)) == 0)
            return cli_usage("activity add", _("unknown argument '%s'"), argv[i]);
        if (r < 0)
            return cli_usage("activity add", _("%s needs a value"), argv[i]);
    }
    if (!team || !date || !type)
        return cli_usage("activity add", _("--team, --date and --type are required"));
    activity_rec a;
    memset(&a, 0, sizeof a);
    if (cli_date_arg("activity add", date, a.date))
        return 2;
    a.people = parse_count(people);
    a.households = parse_count(households);
    if (a.people < 0 || a.households < 0)
        return cli_usage("activity add", _("--people and --households must be whole numbers, 0 or more"));
    if (strlen(team) >= sizeof a.team_uuid || strlen(type) >= sizeof a.type || strlen(note) >= sizeof a.note)
        return cli_fail(_("a text is too long"));
    snprintf(a.team_uuid, sizeof a.team_uuid, "%s", team);
    snprintf(a.type, sizeof a.type, "%s", type);
    snprintf(a.note, sizeof a.note, "%s", note);
    sqlite3 *db = cli_open_db(ctx, 0);
    if (!db)
        return 1;
    char uuid[37];
    cdtt_err e;
    if (activity_add(db, &a, uuid, &e) < 0)
        return cli_fail("%s", e.msg);
    printf("%s\n", uuid);
    return 0;
}
