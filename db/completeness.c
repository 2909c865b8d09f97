/* completeness.c — which communes under this office have sent their data. */
#include "completeness.h"
#include "db.h"
#include "office.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char COMPLETENESS_SQL[] =
    "WITH under AS ("
    "  SELECT code, name FROM unit WHERE scheme = ?1 AND level = 'commune' AND"
    "   (?3 = 'national' OR (?3 = 'province' AND province_code = ?2)"
    "    OR (?3 = 'district' AND parent_code = ?2))),"
    " logs AS ("
    "  SELECT source_code AS code, max(source_name) AS name, max(package_created_at) AS pkg,"
    "   max(imported_at) AS imp, count(*) AS n FROM import_log WHERE source_scheme = ?1"
    /* Only imports that merged something of the office and were not withdrawn since. */
    "   AND merged = 1 AND withdrawn = 0"
    "  GROUP BY source_code),"
    " counts AS ("
    "  SELECT unit_code AS code, n FROM live_tally WHERE tbl = 'member' AND unit_scheme = ?1),"
    " offices AS ("
    "  SELECT code, name FROM under"
    "  UNION ALL SELECT code, name FROM logs WHERE code NOT IN (SELECT code FROM under))"
    " SELECT o.code, o.name, coalesce(l.pkg, ''), coalesce(l.imp, ''), coalesce(l.n, 0), coalesce(c.n, 0)"
    " FROM offices o LEFT JOIN logs l ON l.code = o.code LEFT JOIN counts c ON c.code = o.code"
    " ORDER BY o.code";

/* At the national office: every province, what was merged of it (its own
 * packages, or packages of its communes imported directly), its members and how
 * many of its communes have members here. */
static const char NATIONAL_SQL[] =
    "WITH under AS (SELECT code, name FROM unit WHERE scheme = ?1 AND level = 'province'),"
    " logs AS ("
    "  SELECT CASE WHEN length(source_code) = 2 THEN source_code ELSE (SELECT province_code FROM unit"
    "   WHERE scheme = ?1 AND level IN ('commune', 'district') AND code = source_code"
    "   ORDER BY level = 'commune' DESC LIMIT 1) END AS code,"
    "   max(package_created_at) AS pkg, max(imported_at) AS imp, count(*) AS n FROM import_log"
    "  WHERE source_scheme = ?1 AND merged = 1 AND withdrawn = 0 GROUP BY 1),"
    " counts AS ("
    "  SELECT u.province_code AS code, sum(t.n) AS n, count(*) AS covered FROM live_tally t"
    "  JOIN unit u ON u.scheme = t.unit_scheme AND u.level = 'commune' AND u.code = t.unit_code"
    "  WHERE t.tbl = 'member' AND t.unit_scheme = ?1 AND t.n > 0 GROUP BY 1),"
    " totals AS (SELECT province_code AS code, count(*) AS n FROM unit WHERE scheme = ?1 AND level = 'commune'"
    "  GROUP BY 1)"
    " SELECT o.code, o.name, coalesce(l.pkg, ''), coalesce(l.imp, ''), coalesce(l.n, 0), coalesce(c.n, 0),"
    "  coalesce(c.covered, 0), coalesce(tt.n, 0)"
    " FROM under o LEFT JOIN logs l ON l.code = o.code LEFT JOIN counts c ON c.code = o.code"
    " LEFT JOIN totals tt ON tt.code = o.code ORDER BY o.code";

int completeness_get(sqlite3 *db, completeness_table *t, cdtt_err *e)
{
    memset(t, 0, sizeof *t);
    office_rec me;
    if (office_get(db, &me) < 0)
        return err_set(e, _("this file has no office yet; run 'cdtt init' first"));
    if (strcmp(me.level, "commune") == 0)
        return err_set(e, _("the completeness table is for the office that consolidates communes "
                            "(province, or district in the pre-2025 scheme)"));
    t->by_province = strcmp(me.level, "national") == 0;
    sqlite3_stmt *st = db_prepare(db, t->by_province ? NATIONAL_SQL : COMPLETENESS_SQL, e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, me.scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, me.code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, me.level, -1, SQLITE_STATIC);
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (t->n == cap) {
            cap = cap ? cap * 2 : 64;
            t->rows = xrealloc(t->rows, (size_t)cap * sizeof *t->rows);
        }
        completeness_row *r = &t->rows[t->n++];
        memset(r, 0, sizeof *r);
        snprintf(r->scheme, sizeof r->scheme, "%s", me.scheme);
        snprintf(r->code, sizeof r->code, "%s", sqlite3_column_text(st, 0));
        snprintf(r->name, sizeof r->name, "%s", sqlite3_column_text(st, 1));
        snprintf(r->last_package, sizeof r->last_package, "%s", sqlite3_column_text(st, 2));
        snprintf(r->last_import, sizeof r->last_import, "%s", sqlite3_column_text(st, 3));
        r->n_imports = sqlite3_column_int64(st, 4);
        r->members = sqlite3_column_int64(st, 5);
        if (t->by_province) {
            r->communes_covered = sqlite3_column_int64(st, 6);
            r->communes = sqlite3_column_int64(st, 7);
        }
        if (r->n_imports == 0)
            t->n_missing++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        completeness_free(t);
        return db_fail(db, e, _("cannot read the import log"));
    }
    return 0;
}

void completeness_free(completeness_table *t)
{
    free(t->rows);
    t->rows = NULL;
    t->n = t->n_missing = 0;
}
