/* package-withdraw.c — taking the records of an office below out of this file
 * (cdtt forget, and import --replace for the records its package no longer
 * holds): they are marked deleted, not erased, so that the withdrawal travels
 * up with this office's next package like any deletion. */
#include "package-internal.h"
#include "db.h"
#include "office.h"

#include <stdio.h>
#include <string.h>

/* The rows of the unit table T that lie under the office (?1 scheme, ?2 code). */
#define IN_SCOPE(T)                                                                            \
    T ".unit_scheme = ?1 AND (" T ".unit_code = ?2 OR " T ".unit_code IN (SELECT code FROM main.unit " \
    "WHERE scheme = ?1 AND level = 'commune' AND (province_code = ?2 OR parent_code = ?2)))"

/* Per travelling table: which of its rows belong under the office. */
static const char *const SCOPE[][2] = {
    {"area", IN_SCOPE("r")},
    {"team", IN_SCOPE("r")},
    {"member", IN_SCOPE("r")},
    {"training_session", IN_SCOPE("r")},
    {"membership", "r.team_uuid IN (SELECT uuid FROM main.team t WHERE " IN_SCOPE("t") ")"},
    {"attendance", "r.session_uuid IN (SELECT uuid FROM main.training_session t WHERE " IN_SCOPE("t") ")"},
    {"activity", "r.team_uuid IN (SELECT uuid FROM main.team t WHERE " IN_SCOPE("t") ")"},
};

/* Runs sql (built from constants) with ?1 scheme, ?2 code, ?3 this office's
 * key, ?4 now, ?5 the OS user. Returns the rows changed, or -1 with e set. */
static long long run(sqlite3 *db, const char *sql, const char *scheme, const char *code, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, sql, e);
    if (!st)
        return -1;
    char me[32], now[32];
    office_key(db, me);
    db_now(now);
    for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++) {
        const char *v = i == 1 ? scheme : i == 2 ? code : i == 3 ? me : i == 4 ? now : db_os_user();
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    }
    long long n = sqlite3_step(st) == SQLITE_DONE ? sqlite3_changes(db) : db_fail(db, e, _("cannot withdraw the records"));
    sqlite3_finalize(st);
    return n;
}

/* Withdraws the live rows of one table in scope (not in the package when with_package). */
static int withdraw_table(sqlite3 *db, const char *table, const char *scope, const char *scheme,
                          const char *code, int with_package, long long *n, cdtt_err *e)
{
    char *rows = sqlite3_mprintf("r.deleted = 0 AND %s%s%s%s", scope,
                                 with_package ? " AND r.uuid NOT IN (SELECT uuid FROM pkg.\"" : "",
                                 with_package ? table : "", with_package ? "\")" : "");
    char *audit = sqlite3_mprintf(
        "INSERT INTO main.audit (at, os_user, office, tbl, record_uuid, action) "
        "SELECT ?4, ?5, ?3, '%s', r.uuid, 'withdraw' FROM main.\"%s\" r WHERE %s", table, table, rows);
    /* Marked on the office's behalf, with nothing from below counted as seen: its
     * next package (after forget, or --replace with it) brings the records back. */
    char *mark = sqlite3_mprintf("UPDATE main.\"%s\" AS r SET deleted = 1, changed_by = ?1 || ':' || ?2, "
                                 "base_version = 0 WHERE %s", table, rows);
    char *close = sqlite3_mprintf(
        "UPDATE main.conflict SET resolution = 'superseded', resolved_at = ?4 WHERE resolution IS NULL "
        "AND tbl = '%s' AND record_uuid IN (SELECT r.uuid FROM main.\"%s\" r WHERE %s)", table, table, scope);
    char *bases = sqlite3_mprintf(
        "DELETE FROM main.merge_base WHERE tbl = '%s' AND record_uuid IN "
        "(SELECT r.uuid FROM main.\"%s\" r WHERE %s)", table, table, scope);
    long long marked = -1;
    if (rows && audit && mark && close && bases && run(db, audit, scheme, code, e) >= 0)
        marked = run(db, mark, scheme, code, e);
    int rc = marked >= 0 && run(db, close, scheme, code, e) >= 0 && run(db, bases, scheme, code, e) >= 0 ? 0 : -1;
    if (rc == 0)
        *n += marked;
    sqlite3_free(rows);
    sqlite3_free(audit);
    sqlite3_free(mark);
    sqlite3_free(close);
    sqlite3_free(bases);
    return rc;
}

int withdraw_office(sqlite3 *db, const char *scheme, const char *code, int with_package, long long *n,
                    cdtt_err *e)
{
    for (size_t i = 0; i < sizeof SCOPE / sizeof SCOPE[0]; i++)
        if (withdraw_table(db, SCOPE[i][0], SCOPE[i][1], scheme, code, with_package, n, e) < 0)
            return -1;
    return 0;
}
