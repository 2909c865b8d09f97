/* team-training.c — pausing the kept per-team training figures during bulk
 * writes, and whether they hold on a date (see team-training.h). */
#include "team-training.h"
#include "db.h"
#include "schema.h"

#include <string.h>

int team_training_pause(sqlite3 *db, cdtt_err *e)
{
    return db_exec(db, "UPDATE team_training_state SET paused = 1", e);
}

int team_training_resume(sqlite3 *db, cdtt_err *e)
{
    return db_exec(db, SCHEMA_TEAM_TRAINING_RESUME, e);
}

int team_training_holds(sqlite3 *db, const char *as_of)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT latest, paused FROM team_training_state WHERE id = 1", -1, &st, NULL) !=
        SQLITE_OK)
        return 0;
    int hold = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *latest = (const char *)sqlite3_column_text(st, 0);
        hold = latest && strcmp(latest, as_of) <= 0 && sqlite3_column_int(st, 1) == 0;
    }
    sqlite3_finalize(st);
    return hold;
}
