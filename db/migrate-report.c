/* migrate-report.c — what a migration did, in words, one line at a time, for
 * the command line and the screen alike. */
#include "migrate.h"

#include <stdio.h>

void migrate_summary_lines(const migrate_plan *p, const migrate_result *r, migrate_line_fn line, void *user)
{
    char s[5200];
    snprintf(s, sizeof s, _("%s (%s, pre-2025 list) is now %s (%s, 2025-07 list)."), p->from.name, p->from.code,
             r->to.name, r->to.code);
    line(user, s);
    snprintf(s, sizeof s, _("Backup of the file as it was: %s"), r->backup);
    line(user, s);
    if (r->units_added)
        line(user, _("The official 2025-07 unit list built into cdtt is now in this file."));
    for (int i = 0; i < p->map.n; i++) {
        const migrate_moved *m = &r->moved[i];
        if (i != p->home && m->areas + m->teams + m->members == 0)
            continue;
        int n = snprintf(s, sizeof s, _("  %s (%s): %lld village(s) or group(s), %lld team(s), %lld member(s)"),
                         p->map.to[i].name, p->map.to[i].code, m->areas, m->teams, m->members);
        if (n > 0 && (size_t)n < sizeof s) {
            if (i == p->home)
                snprintf(s + n, sizeof s - (size_t)n, " %s", _("stay in this file"));
            else
                snprintf(s + n, sizeof s - (size_t)n,
                         _(" moved out of this file into the package %s: import it there with cdtt import"),
                         m->package);
        }
        line(user, s);
    }
    line(user, _("Records keep their identities and history; their owner is the new commune. Packages of this "
                 "file are numbered from 1 for the new province's file."));
    line(user, _("Other old communes that went into the same new commune: import their packages (made with "
                 "cdtt export in their pre-2025 files) into this file with cdtt import."));
}
