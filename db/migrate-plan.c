/* migrate-plan.c — what `cdtt migrate --to 2025-07` will do with a file: its
 * old commune looked up in the mapping, the new commune the file becomes, and
 * where each village or residential group goes. Reads only. */
#include "migrate.h"
#include "csv.h"
#include "db.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "Name (code), Name (code)" of the communes of the crossing into out. */
static void targets_text(const units_crossing *c, char *out, size_t n)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < c->n && len < n; i++)
        len += (size_t)snprintf(out + len, n - len, "%s%s (%s)", i ? ", " : "", c->to[i].name, c->to[i].code);
}

/* Refuses a file that is not a pre-2025 commune's. */
static int check_office(sqlite3 *db, office_rec *o, cdtt_err *e)
{
    if (office_get(db, o) < 0)
        return err_set(e, _("this file has no office yet; there is nothing to migrate"));
    if (strcmp(o->scheme, "2025-07") == 0)
        return err_set(e, _("this file already belongs to %s (%s) of the 2025-07 list: nothing to migrate"),
                       o->name, o->code);
    if (strcmp(o->level, "commune") != 0)
        return err_set(e, _("only a commune's file is migrated; this one belongs to %s (%s), an office above the communes. "
                            "Make a new file for the office of the 2025-07 list (cdtt init) and import the "
                            "packages of its communes once they have migrated"),
                       o->name, o->code);
    return 0;
}

/* Sets p->home from home_code (see migrate_plan_read). */
static int choose_home(migrate_plan *p, const char *home_code, cdtt_err *e)
{
    char list[2048];
    const office_rec *o = &p->from;
    if (p->missing) {
        if (!home_code)
            return err_set(e, _("%s (%s) is missing from the mapping of 1 July 2025, so cdtt cannot tell which "
                                "new commune it went into: say it with --commune CODE (the 5-digit code of the "
                                "2025-07 list; cdtt units list --scheme 2025-07)"),
                           o->name, o->code);
        if (!units_builtin_commune(home_code, &p->map.to[0]))
            return err_set(e, _("%s is not a commune of the 2025-07 list"), home_code);
        p->map.n = 1;
        p->home = 0;
        return 0;
    }
    targets_text(&p->map, list, sizeof list);
    p->home = home_code ? units_crossing_index(&p->map, home_code) : p->map.divided ? -1 : 0;
    if (p->home < 0 && home_code)
        return err_set(e, _("%s (%s) did not go into commune %s on 1 July 2025; it went into: %s"), o->name,
                       o->code, home_code, list);
    return 0;
}

/* Reads the old commune's villages and groups into p->areas. */
static int read_areas(sqlite3 *db, migrate_plan *p, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT uuid, name, deleted FROM area WHERE unit_scheme = ?1 AND unit_code = ?2 ORDER BY sort_key, uuid", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, p->from.scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, p->from.code, -1, SQLITE_STATIC);
    int cap = 0, step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (p->n_areas == cap) {
            cap = cap ? cap * 2 : 16;
            p->areas = xrealloc(p->areas, (size_t)cap * sizeof *p->areas);
        }
        migrate_area *a = &p->areas[p->n_areas++];
        memset(a, 0, sizeof *a);
        snprintf(a->uuid, sizeof a->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(a->name, sizeof a->name, "%s", (const char *)sqlite3_column_text(st, 1));
        a->deleted = sqlite3_column_int(st, 2);
        a->dest = a->deleted || !p->map.divided ? p->home : -1;
    }
    int rc = step == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the villages and groups"));
    sqlite3_finalize(st);
    return rc;
}

int migrate_plan_read(sqlite3 *db, const char *home_code, migrate_plan *p, cdtt_err *e)
{
    memset(p, 0, sizeof *p);
    p->home = -1;
    if (home_code && !*home_code)
        home_code = NULL;
    if (check_office(db, &p->from, e) < 0)
        return -1;
    p->missing = !units_mapping_find(p->from.code, &p->map);
    if (choose_home(p, home_code, e) < 0 || read_areas(db, p, e) < 0) {
        migrate_plan_free(p);
        return -1;
    }
    return 0;
}

void migrate_plan_free(migrate_plan *p)
{
    free(p->areas);
    p->areas = NULL;
    p->n_areas = 0;
}

int migrate_place(migrate_plan *p, const char *name, const char *code, cdtt_err *e)
{
    char list[2048];
    if (!p->map.divided)
        return err_set(e, _("%s (%s) was not divided: every village goes with it, and --place is not needed"),
                       p->from.name, p->from.code);
    int dest = units_crossing_index(&p->map, code);
    if (dest < 0) {
        targets_text(&p->map, list, sizeof list);
        return err_set(e, _("%s: %s is not one of the communes %s was divided between: %s"), name, code,
                       p->from.name, list);
    }
    for (int i = 0; i < p->n_areas; i++)
        if (!p->areas[i].deleted && text_same_name(p->areas[i].name, name)) {
            p->areas[i].dest = dest;
            return 0;
        }
    return err_set(e, _("this file has no village or group called '%s'"), name);
}

/* True when s is a 5-digit code. */
static bool is_code(const char *s)
{
    return strlen(s) == 5 && strspn(s, "0123456789") == 5;
}

int migrate_place_file(migrate_plan *p, const char *path, cdtt_err *e)
{
    csv_reader *r = csv_open(path, e);
    if (!r)
        return -1;
    char **f;
    int n, placed = 0, rc = 0;
    while (rc == 0 && (n = csv_next(r, &f, e)) > 0) {
        if (n == 1 && !*f[0])
            continue;
        const char *name = f[0];
        char code[16] = "";
        if (n > 1)
            sscanf(f[1], " %15s", code);
        if (!is_code(code) && placed == 0 && csv_line(r) == 1) {
            /* a header row */
        } else if (!is_code(code)) {
            rc = err_set(e, _("%s:%ld: the second column must be the new commune's 5-digit code, not '%s'"),
                         path, csv_line(r), code);
        } else {
            cdtt_err pe;
            if (migrate_place(p, name, code, &pe) < 0)
                rc = err_set(e, "%s:%ld: %s", path, csv_line(r), pe.msg);
            else
                placed++;
        }
    }
    if (rc == 0 && n < 0)
        rc = -1;
    csv_close(r);
    return rc < 0 ? -1 : placed;
}

int migrate_plan_ready(const migrate_plan *p, cdtt_err *e)
{
    char list[2048];
    if (p->home < 0) {
        targets_text(&p->map, list, sizeof list);
        return err_set(e, _("%s (%s) was divided on 1 July 2025 between %s: say with --commune CODE which of "
                            "them this file becomes, and place each village with --place or --place-file"),
                       p->from.name, p->from.code, list);
    }
    int unplaced = migrate_unplaced(p, list, sizeof list);
    if (unplaced)
        return err_set(e, _("%d village(s) or group(s) have no new commune yet: %s. Place each with "
                            "--place 'NAME=CODE' or --place-file FILE.csv"), unplaced, list);
    return 0;
}

int migrate_unplaced(const migrate_plan *p, char *out, size_t n)
{
    int k = 0;
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < p->n_areas; i++)
        if (!p->areas[i].deleted && p->areas[i].dest < 0) {
            if (len < n)
                len += (size_t)snprintf(out + len, n - len, "%s%s", k ? ", " : "", p->areas[i].name);
            k++;
        }
    return k;
}
