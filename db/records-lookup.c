/* records-lookup.c — finding an area or a team by its name. A name identifies
 * a record by text_name_key: marks count ("Thôn Hà" and "Thôn Hạ" are two
 * villages), case, spacing and the tone-placement convention do not. */
#include "records-internal.h"
#include "db-cache.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Candidates share the folded name; columns: uuid, name, own (1 when the
 * record is this office's), label (what tells it apart: its village, or its
 * commune when it is another office's). */
static const char AREA_SQL[] =
    "SELECT a.uuid, a.name, (a.unit_scheme = o.scheme AND a.unit_code = o.code), "
    "CASE WHEN a.unit_scheme = o.scheme AND a.unit_code = o.code THEN '' "
    "ELSE a.unit_scheme || ':' || a.unit_code END "
    "FROM area a, office o WHERE a.name_fold = :fold AND a.deleted = :deleted "
    "AND (:unit IS NULL OR a.unit_code = :unit) "
    "ORDER BY 3 DESC, a.rowid";

static const char TEAM_SQL[] =
    "SELECT t.uuid, t.name, (t.unit_scheme = o.scheme AND t.unit_code = o.code), "
    "coalesce(a.name, '') || CASE WHEN t.unit_scheme = o.scheme AND t.unit_code = o.code THEN '' "
    "ELSE ', ' || t.unit_scheme || ':' || t.unit_code END "
    "FROM team t CROSS JOIN office o LEFT JOIN area a ON a.uuid = t.area_uuid "
    "WHERE t.name_fold = :fold AND t.deleted = :deleted "
    "AND (:area IS NULL OR coalesce(t.area_uuid, '') = :area) AND (:unit IS NULL OR t.unit_code = :unit) "
    "ORDER BY 3 DESC, t.rowid";

/* Adds "NAME (LABEL)" to the shown list when there is room. */
static void show(name_lookup *l, const char *name, const char *label)
{
    if (l->n_shown >= LOOKUP_SHOWN)
        return;
    if (label[0])
        snprintf(l->shown[l->n_shown++], sizeof l->shown[0], "%s (%s)", name, label);
    else
        snprintf(l->shown[l->n_shown++], sizeof l->shown[0], "%s", name);
}

/* What one lookup asks. */
typedef struct {
    const char *sql;
    const char *name;
    const char *area_uuid; /* teams: NULL any area, "" commune-level, else this area */
    const char *unit_code; /* only records of this commune, or NULL */
    int deleted;           /* 0 live records, 1 deleted ones */
    const char *except;    /* a uuid to pass over (the record being saved), or NULL */
    int own_only;          /* only this office's records */
} lookup_query;

/* Runs the query over the candidates and sorts them into exact and near
 * matches. Exact matches of this office hide those of other offices. */
static int lookup(sqlite3 *db, const lookup_query *q, name_lookup *l)
{
    memset(l, 0, sizeof *l);
    char *fold = text_fold(q->name ? q->name : ""), *key = text_name_key(q->name ? q->name : "");
    sqlite3_stmt *st = NULL;
    int own_exact = 0;
    if (fold[0] && (st = db_cached(db, q->sql, NULL)) != NULL) {
        rec_bind(st, ":fold", fold);
        rec_bind_int(st, ":deleted", q->deleted ? 1 : 0);
        if (q->area_uuid)
            rec_bind(st, ":area", q->area_uuid);
        if (q->unit_code)
            rec_bind(st, ":unit", q->unit_code);
        char near[LOOKUP_SHOWN][sizeof l->shown[0]];
        int n_near_shown = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *uuid = (const char *)sqlite3_column_text(st, 0);
            const char *rname = (const char *)sqlite3_column_text(st, 1);
            int own = sqlite3_column_int(st, 2);
            const char *label = (const char *)sqlite3_column_text(st, 3);
            if ((q->except && strcmp(uuid, q->except) == 0) || (q->own_only && !own))
                continue;
            char *rkey = text_name_key(rname);
            int exact = strcmp(rkey, key) == 0;
            free(rkey);
            if (!exact) {
                if (n_near_shown < LOOKUP_SHOWN)
                    snprintf(near[n_near_shown++], sizeof near[0], "%s%s%s%s", rname,
                             label[0] ? " (" : "", label, label[0] ? ")" : "");
                l->n_near++;
                continue;
            }
            if (!own && own_exact)
                continue; /* rows come own first: another office's namesake hides behind ours */
            own_exact |= own;
            if (l->n++ == 0)
                snprintf(l->uuid, UUID_LEN, "%s", uuid);
            show(l, rname, label);
        }
        if (l->n == 0)
            for (int i = 0; i < n_near_shown; i++)
                snprintf(l->shown[l->n_shown++], sizeof l->shown[0], "%s", near[i]);
    }
    db_cached_done(st);
    free(fold);
    free(key);
    return l->n == 1 ? 0 : -1;
}

int area_lookup(sqlite3 *db, const char *name, const char *unit_code, int deleted, name_lookup *l)
{
    lookup_query q = {AREA_SQL, name, NULL, unit_code, deleted, NULL, 0};
    return lookup(db, &q, l);
}

int team_lookup(sqlite3 *db, const char *name, const char *area_uuid, const char *unit_code, int deleted,
                name_lookup *l)
{
    lookup_query q = {TEAM_SQL, name, area_uuid, unit_code, deleted, NULL, 0};
    return lookup(db, &q, l);
}

int area_find_by_name(sqlite3 *db, const char *name, char uuid[UUID_LEN])
{
    name_lookup l;
    int rc = area_lookup(db, name, NULL, 0, &l);
    if (rc == 0)
        snprintf(uuid, UUID_LEN, "%s", l.uuid);
    return rc;
}

int team_find_by_name(sqlite3 *db, const char *name, const char *area_uuid, char uuid[UUID_LEN])
{
    name_lookup l;
    int rc = team_lookup(db, name, area_uuid, NULL, 0, &l);
    if (rc == 0)
        snprintf(uuid, UUID_LEN, "%s", l.uuid);
    return rc;
}

int rec_name_taken(sqlite3 *db, const char *table, const char *name, const char *area_uuid,
                   const char *self_uuid, char other[UUID_LEN])
{
    lookup_query q = {strcmp(table, "team") == 0 ? TEAM_SQL : AREA_SQL, name, area_uuid, NULL, 0, self_uuid, 1};
    name_lookup l;
    lookup(db, &q, &l);
    if (l.n > 0 && other)
        snprintf(other, UUID_LEN, "%s", l.uuid);
    return l.n > 0;
}

void name_lookup_explain(const name_lookup *l, const char *kind, const char *name, const char *hint,
                         char *msg, size_t n)
{
    char list[LOOKUP_SHOWN * 160] = "";
    size_t len = 0;
    for (int i = 0; i < l->n_shown && len < sizeof list; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s'%s'", i ? ", " : "", l->shown[i]);
    int more = (l->n > 1 ? l->n : l->n_near) - l->n_shown;
    if (more > 0 && len < sizeof list)
        snprintf(list + len, sizeof list - len, _(" and %d more"), more);
    int team = strcmp(kind, "team") == 0;
    if (l->n > 1)
        snprintf(msg, n, team ? _("%d teams are named '%s': %s; %s") : _("%d villages or residential groups are named '%s': %s; %s"),
                 l->n, name, list, hint ? hint : _("give the uuid to say which"));
    else if (l->n_near > 0)
        snprintf(msg, n,
                 team ? _("there is no team named exactly '%s'; names that differ only in accents or marks: %s")
                      : _("there is no village or residential group named exactly '%s'; names that differ only in accents or marks: %s"),
                 name, list);
    else
        snprintf(msg, n, team ? _("there is no team named '%s'") : _("there is no village or residential group named '%s'"), name);
}
