/* package-cross.c — packages that cross the reorganisation of 1 July 2025: a
 * package of a pre-2025 commune taken in by an office of the 2025-07 list. At
 * the new commune it went into (whole or in part) its records become the new
 * commune's own; at a province, the package of a commune that went whole into
 * one of its new communes is taken in as that commune's. A divided commune's
 * own records must be placed village by village first (cdtt migrate). */
#include "package-internal.h"
#include "db.h"
#include "office.h"
#include "units.h"

#include <stdio.h>
#include <string.h>

/* Decides for office me: 0 not a crossing package, 1 a crossing one (into gets
 * the new commune its records go to, *divided whether its old commune was
 * divided), -1 refused with e set. */
static int decide(const office_rec *me, const package_manifest *m, char into[8], int *divided, cdtt_err *e)
{
    into[0] = '\0';
    *divided = 0;
    if (strcmp(me->scheme, "2025-07") != 0 || strcmp(m->source_scheme, "pre-2025") != 0 ||
        strcmp(m->source_level, "commune") != 0 ||
        (strcmp(me->level, "commune") != 0 && strcmp(me->level, "province") != 0))
        return 0;
    units_crossing c;
    if (!units_mapping_find(m->source_code, &c))
        return err_set(e, _("%s (%s) is missing from the mapping of 1 July 2025, so cdtt cannot tell which new "
                            "commune its records belong to: migrate its file first (cdtt migrate --to 2025-07 "
                            "--commune CODE)"), m->source_name, m->source_code);
    *divided = c.divided;
    if (strcmp(me->level, "commune") == 0) {
        if (units_crossing_index(&c, me->code) < 0)
            return err_set(e, _("%s (%s) did not go into %s (%s) on 1 July 2025: this file does not take its "
                                "package"), m->source_name, m->source_code, me->name, me->code);
        snprintf(into, 8, "%s", me->code);
        return 1;
    }
    if (c.divided)
        return err_set(e, _("%s (%s) was divided between several communes on 1 July 2025: migrate its file at the "
                            "commune first (cdtt migrate --to 2025-07), then send the packages of the new "
                            "communes"), m->source_name, m->source_code);
    if (strcmp(c.to[0].province, me->code) != 0)
        return err_set(e, _("%s (%s) went into %s (%s) on 1 July 2025, which is not under this office (%s)"),
                       m->source_name, m->source_code, c.to[0].name, c.to[0].code, me->name);
    snprintf(into, 8, "%s", c.to[0].code);
    return 1;
}

int package_cross_allowed(sqlite3 *db, const package_manifest *m, cdtt_err *e)
{
    office_rec me;
    char into[8];
    int divided;
    if (office_get(db, &me) < 0)
        return 0;
    return decide(&me, m, into, &divided, e);
}

int package_cross_prepare(sqlite3 *db, const char *copy, const package_manifest *m, char into[8], cdtt_err *e)
{
    office_rec me;
    int divided;
    into[0] = '\0';
    if (office_get(db, &me) < 0)
        return 0;
    int rc = decide(&me, m, into, &divided, e);
    if (rc <= 0)
        return rc;
    sqlite3 *p = NULL;
    if (sqlite3_open_v2(copy, &p, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
        sqlite3_close(p);
        return err_set(e, _("cannot open the package"));
    }
    static const char *const TABLES[] = {"area", "team", "member", "training_session"};
    for (size_t t = 0; rc == 1 && t < sizeof TABLES / sizeof TABLES[0]; t++) {
        /* A divided commune's records still under its old code were never placed. */
        char *sql = sqlite3_mprintf(divided ? "SELECT count(*) FROM \"%s\" WHERE unit_scheme = ?2 AND unit_code = ?3"
                                            : "UPDATE \"%s\" SET unit_scheme = '2025-07', unit_code = ?1 "
                                              "WHERE unit_scheme = ?2 AND unit_code = ?3",
                                    TABLES[t]);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(p, sql, -1, &st, NULL) == SQLITE_OK) {
            if (!divided)
                sqlite3_bind_text(st, 1, into, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, m->source_scheme, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, m->source_code, -1, SQLITE_STATIC);
            int step = sqlite3_step(st);
            if (divided && step == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0)
                rc = err_set(e, _("%s (%s) was divided between several communes on 1 July 2025 and this package "
                                  "holds records not placed in one of them: migrate its file at the commune "
                                  "first (cdtt migrate --to 2025-07), then import the package it makes for "
                                  "this commune"), m->source_name, m->source_code);
            else if (step != SQLITE_ROW && step != SQLITE_DONE)
                rc = db_fail(p, e, _("cannot read the package"));
        } else {
            rc = db_fail(p, e, _("cannot read the package"));
        }
        sqlite3_finalize(st);
        sqlite3_free(sql);
    }
    sqlite3_close(p);
    return rc;
}
