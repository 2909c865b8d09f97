/* member-select.c — turning ids, --team NAME and --area NAME into a list of members. */
#include "member-select.h"
#include "cli.h"
#include "records.h"
#include "training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_unique(member_selection *sel, const char *id)
{
    for (int i = 0; i < sel->n; i++)
        if (strcmp(sel->ids[i], id) == 0)
            return;
    sel->ids[sel->n++] = id;
}

int member_select(sqlite3 *db, const char *cmd, const char *team_name, const char *area_name,
                  const char *date, const char *const *given, int n_given, member_selection *sel)
{
    memset(sel, 0, sizeof *sel);
    char team[UUID_LEN] = "", area[UUID_LEN] = "";
    if (area_name && cli_find_area(db, area_name, NULL, 0, area))
        return 1;
    if (team_name && cli_find_team(db, team_name, area_name ? area : NULL, NULL, 0, team))
        return 1;
    snprintf(sel->team, sizeof sel->team, "%s", team);
    snprintf(sel->area, sizeof sel->area, "%s", area);
    int found = 0;
    if (team_name || area_name) {
        cdtt_err e;
        if (training_members_in(db, team_name ? team : NULL, area_name ? area : NULL, date, &sel->store,
                                &found, &e) < 0)
            return cli_fail("%s", e.msg);
    }
    sel->ids = xcalloc((size_t)(found + n_given), sizeof *sel->ids);
    for (int i = 0; i < n_given; i++)
        add_unique(sel, given[i]);
    for (int i = 0; i < found; i++)
        add_unique(sel, sel->store[i]);
    if (sel->n == 0) {
        member_selection_free(sel);
        return (team_name || area_name) ? cli_fail(_("no member counts there on that date"))
                                        : cli_usage(cmd, _("give member ids, --team NAME or --area NAME"));
    }
    return 0;
}

void member_selection_free(member_selection *sel)
{
    free(sel->ids);
    free(sel->store);
    sel->ids = NULL;
    sel->store = NULL;
    sel->n = 0;
}
