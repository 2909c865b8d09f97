/* member-select.h — the members a bulk training command applies to (private to cli/). */
#ifndef CDTT_MEMBER_SELECT_H
#define CDTT_MEMBER_SELECT_H

#include <sqlite3.h>

typedef struct {
    const char **ids; /* the member ids, in order, no repeats */
    int n;
    char (*store)[37]; /* ids found through a team or area */
    char team[37], area[37]; /* the uuids of --team and --area once found ("" when not given) */
} member_selection;

/* Fills sel with the ids given on the command line plus, when team_name or
 * area_name is set, the members who count in that team or area on date.
 * Returns 0, or an exit code after printing why (unknown team or area, no one). */
int member_select(sqlite3 *db, const char *cmd, const char *team_name, const char *area_name,
                  const char *date, const char *const *given, int n_given, member_selection *sel);

void member_selection_free(member_selection *sel);

#endif
