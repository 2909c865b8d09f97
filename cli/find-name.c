/* find-name.c — turning the names given with --area, --team or as WHO into
 * one record, with a message that lists the candidates when there are several
 * or only near ones. */
#include "cli.h"
#include "records.h"

#include <stdio.h>

/* Prints why l found no single record, and returns 1. */
static int explain(const name_lookup *l, const char *kind, const char *name, const char *hint)
{
    char msg[LOOKUP_SHOWN * 700];
    name_lookup_explain(l, kind, name, hint, msg, sizeof msg);
    return cli_fail("%s", msg);
}

int cli_find_area(sqlite3 *db, const char *name, const char *commune, int deleted, char uuid[UUID_LEN])
{
    name_lookup l;
    if (area_lookup(db, name, commune, deleted, &l) == 0) {
        snprintf(uuid, UUID_LEN, "%s", l.uuid);
        return 0;
    }
    return explain(&l, "area", name, commune ? NULL : _("say which commune's with --commune CODE (or give the uuid)"));
}

int cli_find_team(sqlite3 *db, const char *name, const char *area_uuid, const char *commune, int deleted,
                  char uuid[UUID_LEN])
{
    name_lookup l;
    if (team_lookup(db, name, area_uuid, commune, deleted, &l) == 0) {
        snprintf(uuid, UUID_LEN, "%s", l.uuid);
        return 0;
    }
    return explain(&l, "team", name, area_uuid ? NULL : _("say which with --area NAME (or give the team's uuid)"));
}
