/* package-source.c — what a consolidating office remembers of each office
 * below it: which file (instance) its packages come from, and the last one
 * merged (sequence), so that an older package, or one from another copy of
 * the file, is not merged silently. */
#include "package-internal.h"
#include "db.h"

#include <stdio.h>
#include <string.h>

int source_get(sqlite3 *db, const char *scheme, const char *code, source_state *s, cdtt_err *e)
{
    memset(s, 0, sizeof *s);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT instance_id, sequence, created_at FROM source_office WHERE scheme = ? AND code = ?", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        s->known = 1;
        snprintf(s->instance, sizeof s->instance, "%s", sqlite3_column_text(st, 0));
        s->sequence = sqlite3_column_int64(st, 1);
        snprintf(s->created_at, sizeof s->created_at, "%s", sqlite3_column_text(st, 2));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(db, e, _("cannot read the import log"));
    return 0;
}

int source_put(sqlite3 *db, const package_manifest *m, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO source_office (scheme, code, instance_id, sequence, clock, created_at, imported_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (scheme, code) DO UPDATE SET "
        "instance_id = excluded.instance_id, sequence = excluded.sequence, clock = excluded.clock, "
        "created_at = excluded.created_at, imported_at = excluded.imported_at", e);
    if (!st)
        return -1;
    char now[32];
    db_now(now);
    sqlite3_bind_text(st, 1, m->source_scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, m->source_code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, m->instance, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, m->sequence);
    sqlite3_bind_int64(st, 5, m->clock_to);
    sqlite3_bind_text(st, 6, m->created_at, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, now, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot write the import log"));
    sqlite3_finalize(st);
    return rc;
}
