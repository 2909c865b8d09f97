/* progress-units.c — at a consolidating office: every unit under it as a row of
 * the progress table, the communes' names, and which units sent nothing. */
#include "progress-sql.h"
#include "completeness.h"
#include "db.h"

#include <stdio.h>
#include <string.h>

/* The level name in the unit table of a unit grouping, or NULL. */
static const char *unit_level(progress_by by)
{
    switch (by) {
    case PROGRESS_BY_COMMUNE: return "commune";
    case PROGRESS_BY_DISTRICT: return "district";
    case PROGRESS_BY_PROVINCE: return "province";
    default: return NULL;
    }
}

/* Units of level ?5 under the office (?1 scheme, ?2 code, ?3 level), and when
 * ?4 is not '' only the commune ?4 or the district and province it lies in;
 * when ?6 is not '' only the units of province ?6. */
static const char UNITS_UNDER[] =
    "SELECT code, name FROM unit WHERE scheme = ?1 AND level = ?5 AND ("
    " ?3 = 'national'"
    " OR (?3 = 'province' AND coalesce(province_code, code) = ?2)"
    " OR (?3 = 'district' AND (parent_code = ?2 OR code = ?2"
    "     OR code = (SELECT province_code FROM unit WHERE scheme = ?1 AND level = 'district' AND code = ?2))))"
    " AND (?4 = '' OR code = ?4"
    "  OR code IN (SELECT parent_code FROM unit WHERE scheme = ?1 AND level = 'commune' AND code = ?4)"
    "  OR code IN (SELECT province_code FROM unit WHERE scheme = ?1 AND level = 'commune' AND code = ?4))"
    " AND (?6 = '' OR province_code = ?6)";

int progress_seed_units(sqlite3 *db, const office_rec *office, const progress_scope *scope, progress_table *t,
                        cdtt_err *e)
{
    const char *level = unit_level(t->by);
    if (!level)
        return 0;
    sqlite3_stmt *st = db_prepare(db, UNITS_UNDER, e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, office->scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, office->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, office->level, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, scope ? scope->commune : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, level, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, scope ? scope->province : "", -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char key[64];
        snprintf(key, sizeof key, "%s:%s", office->scheme, (const char *)sqlite3_column_text(st, 0));
        progress_row *r = progress_find_row(t, 0, key, 1); /* (scheme, level, code) is the unit's key */
        progress_copy_col(r->code, sizeof r->code, st, 0);
        progress_copy_col(r->sort, sizeof r->sort, st, 0);
        progress_copy_col(r->name, sizeof r->name, st, 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot compute the progress"));
}

int progress_name_communes(sqlite3 *db, const char *scheme, progress_table *t, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT name FROM unit WHERE scheme = ?1 AND level = 'commune' AND code = ?2", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, scheme, -1, SQLITE_STATIC);
    const progress_row *prev = NULL; /* rows of one commune mostly come together */
    for (int i = 0; i < t->n_rows; i++) {
        progress_row *r = &t->rows[i];
        if (!r->commune_code[0])
            continue;
        if (prev && strcmp(prev->commune_code, r->commune_code) == 0) {
            memcpy(r->commune_name, prev->commune_name, sizeof r->commune_name);
            continue;
        }
        sqlite3_bind_text(st, 2, r->commune_code, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            progress_copy_col(r->commune_name, sizeof r->commune_name, st, 0);
        else
            snprintf(r->commune_name, sizeof r->commune_name, "%s", r->commune_code);
        sqlite3_reset(st);
        prev = r;
    }
    sqlite3_finalize(st);
    return 0;
}

/* The row of t for a unit code that sent a package: the row of that code, or
 * of the district or province the commune lies in. */
static progress_row *row_of_sender(sqlite3_stmt *up, progress_table *t, const char *scheme,
                                   const char *code)
{
    char key[64];
    snprintf(key, sizeof key, "%s:%s", scheme, code);
    for (int i = 0; i < t->n_rows; i++)
        if (strcmp(t->rows[i].key, key) == 0)
            return &t->rows[i];
    if (t->by == PROGRESS_BY_COMMUNE)
        return NULL;
    sqlite3_reset(up);
    sqlite3_bind_text(up, 1, scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(up, 2, code, -1, SQLITE_STATIC);
    char parent[16] = "";
    if (sqlite3_step(up) == SQLITE_ROW)
        progress_copy_col(parent, sizeof parent, up, t->by == PROGRESS_BY_DISTRICT ? 0 : 1);
    if (!parent[0])
        return NULL;
    snprintf(key, sizeof key, "%s:%s", scheme, parent);
    for (int i = 0; i < t->n_rows; i++)
        if (strcmp(t->rows[i].key, key) == 0)
            return &t->rows[i];
    return NULL;
}

int progress_mark_sent(sqlite3 *db, progress_table *t, cdtt_err *e)
{
    if (!unit_level(t->by))
        return 0;
    completeness_table ct;
    if (completeness_get(db, &ct, e) < 0)
        return -1;
    sqlite3_stmt *up = db_prepare(db, "SELECT parent_code, province_code FROM unit "
                                      "WHERE scheme = ?1 AND level = 'commune' AND code = ?2", e);
    if (!up) {
        completeness_free(&ct);
        return -1;
    }
    for (int i = 0; i < t->n_rows; i++)
        t->rows[i].sent = t->rows[i].teams > 0;
    for (int i = 0; i < ct.n; i++) {
        const completeness_row *c = &ct.rows[i];
        if (c->n_imports <= 0)
            continue;
        progress_row *r = row_of_sender(up, t, c->scheme, c->code);
        if (!r)
            continue;
        r->sent = 1;
        if (strncmp(c->last_package, r->last_package, 10) > 0)
            snprintf(r->last_package, sizeof r->last_package, "%.10s", c->last_package);
    }
    sqlite3_finalize(up);
    completeness_free(&ct);
    t->n_unsent = 0;
    for (int i = 0; i < t->n_rows; i++)
        t->n_unsent += t->rows[i].sent == 0;
    return 0;
}

int progress_scope_commune(sqlite3 *db, const char *code, progress_scope *sc, cdtt_err *e)
{
    office_rec o;
    if (office_get(db, &o) < 0)
        return err_set(e, _("this file has no office yet; run 'cdtt init' first"));
    sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM unit WHERE scheme = ?1 AND level = 'commune' AND code = ?2 "
                                      "AND (?4 = 'national' OR (?4 = 'province' AND province_code = ?3) "
                                      "OR (?4 = 'district' AND parent_code = ?3) OR (?4 = 'commune' AND code = ?3))",
                                  e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, o.scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o.code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, o.level, -1, SQLITE_STATIC);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    int own = strcmp(o.level, "commune") == 0 && strcmp(o.code, code) == 0; /* a commune without a unit list */
    if (!found && !own)
        return err_set(e, _("'%s' is not a commune under %s (see 'cdtt units list --under %s')"), code, o.name,
                       o.code);
    snprintf(sc->commune, sizeof sc->commune, "%s", code);
    return 0;
}
