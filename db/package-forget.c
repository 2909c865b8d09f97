/* package-forget.c — `cdtt forget`: withdrawing at a consolidating office
 * everything it holds for one office below (a commune that should not have
 * been imported, or whose data must be taken again from scratch). */
#include "keys.h"
#include "package-internal.h"
#include "db.h"
#include "office.h"

#include <stdio.h>
#include <string.h>

/* Whether code names an office below me: in the unit list under it, or one whose
 * records or packages this file holds. Writes its name (or the code) to name. */
static int below_me(sqlite3 *db, const office_rec *me, const char *code, char *name, size_t n)
{
    sqlite3_stmt *st = NULL;
    int found = 0;
    snprintf(name, n, "%s", code);
    if (sqlite3_prepare_v2(db,
            "SELECT name FROM unit WHERE scheme = ?1 AND code = ?2 AND level IN ('commune', 'district') "
            "AND (?4 = 'national' OR province_code = ?3 OR parent_code = ?3) "
            "UNION ALL SELECT source_name FROM import_log WHERE source_scheme = ?1 AND source_code = ?2 "
            "UNION ALL SELECT ?2 FROM source_office WHERE scheme = ?1 AND code = ?2 "
            "UNION ALL SELECT ?2 FROM member WHERE unit_scheme = ?1 AND unit_code = ?2 LIMIT 1",
            -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, me->scheme, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, me->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, me->level, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            found = 1;
            snprintf(name, n, "%s", sqlite3_column_text(st, 0));
        }
    }
    sqlite3_finalize(st);
    return found;
}

/* Forgets the office's file (its next package is taken as the first) and marks
 * its imports withdrawn, so that it counts as having sent nothing. */
static int forget_source(sqlite3 *db, const char *scheme, const char *code, cdtt_err *e)
{
    static const char *const SQL[] = {
        "DELETE FROM source_office WHERE scheme = ?1 AND code = ?2",
        "UPDATE import_log SET withdrawn = 1 WHERE source_scheme = ?1 AND source_code = ?2",
    };
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *st = db_prepare(db, SQL[i], e);
        if (!st)
            return -1;
        sqlite3_bind_text(st, 1, scheme, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return db_fail(db, e, _("cannot withdraw the records"));
    }
    return 0;
}

int package_forget(sqlite3 *db, const char *code, char *name, size_t name_len, long long *withdrawn, cdtt_err *e)
{
    *withdrawn = 0;
    office_rec me;
    if (office_get(db, &me) < 0)
        return err_set(e, _("this file has no office yet; run 'cdtt init' first"));
    if (strcmp(me.level, "commune") == 0)
        return err_set(e, _("a commune holds only its own data; forget is for the office that consolidates "
                             "communes"));
    if (strcmp(code, me.code) == 0 || !below_me(db, &me, code, name, name_len))
        return err_set(e, _("%s is not an office below this one (%s), and this file holds nothing of it"), code,
                       me.name);
    if (db_begin(db, e) < 0)
        return -1;
    /* Its key is forgotten too: its next package is trusted on first use. */
    if (withdraw_office(db, me.scheme, code, 0, withdrawn, e) < 0 || forget_source(db, me.scheme, code, e) < 0 ||
        keys_forget(db, code, e) < 0) {
        db_rollback(db);
        return -1;
    }
    return db_commit(db, e);
}
