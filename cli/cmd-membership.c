/* cmd-membership.c — `cdtt membership since`: moving the day members joined
 * their team back, e.g. to the date of a past training session they attended
 * (session attend names the members it skipped because they joined later). */
#include "cli.h"
#include "commands.h"
#include "records.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Moves one member's start back to date in team (or area's teams; both ""
 * = any team) and says what happened. Returns 0, or 1 after printing why not. */
static int move_one(sqlite3 *db, const char *member, const char *team, const char *area, const char *date)
{
    member_rec *m = xmalloc(sizeof *m);
    int rc = 0;
    if (member_get(db, member, m) < 0 || m->deleted) {
        rc = cli_fail(_("no member has the id '%s'"), member);
        free(m);
        return rc;
    }
    cdtt_err e;
    int moved = 0;
    char day[11];
    date_to_display(date, day);
    if (membership_move_start(db, member, team, area, date, &moved, &e) < 0)
        rc = cli_fail("%s: %s", m->full_name, e.msg);
    else if (moved == 0)
        printf(_("%s: no membership there began after %s (nothing to move)\n"), m->full_name, day);
    else
        printf(_("%s: in the team since %s\n"), m->full_name, day);
    free(m);
    return rc;
}

static int cmd_membership_since(cli_ctx *ctx, int argc, char **argv)
{
    const char *date_s = NULL, *team_name = NULL, *area_name = NULL;
    const cli_opt opts[] = {
        {"--date", &date_s, NULL}, {"--team", &team_name, NULL}, {"--area", &area_name, NULL}, {NULL, NULL, NULL},
    };
    const char **ids = xcalloc((size_t)argc, sizeof *ids);
    int n = cli_parse_opts("membership since", argc, argv, opts, ids, argc);
    char date[11], team[37] = "", area[37] = "";
    int rc = n < 0 ? 2 : 0;
    if (!rc && (n < 1 || !date_s))
        rc = cli_usage("membership since", "%s", _("give member ids and --date DATE"));
    if (!rc)
        rc = cli_date_arg("membership since", date_s, date);
    sqlite3 *db = rc ? NULL : cli_open_db(ctx, 0);
    if (!rc && !db)
        rc = 1;
    if (!rc && area_name && cli_find_area(db, area_name, NULL, 0, area))
        rc = 1;
    if (!rc && team_name && cli_find_team(db, team_name, area_name ? area : NULL, NULL, 0, team))
        rc = 1;
    for (int i = 0; !rc && i < n; i++)
        rc = move_one(db, ids[i], team_name ? team : "", team_name ? "" : area, date) ? 1 : rc;
    free(ids);
    return rc;
}

/* The command's entry (cli/commands.h): words, function, usage and summary. */
const cli_command CMD_MEMBERSHIP_SINCE = {"membership", "since", cmd_membership_since, N_("MEMBER-ID... --date DATE [--team NAME] [--area NAME]"),
 N_("move the day members joined their team (or the teams of a village) back to DATE")};
