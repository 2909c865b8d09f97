/* office-rekey.c — a file given to another office: its records get new
 * identities (uuids; every reference follows) and the old office's own records
 * become the new office's, so that the level above takes them as the new
 * office's records and never as changes to the old office's. */
#include "office-internal.h"
#include "db.h"

#include <stdio.h>
#include <string.h>

/* The uuid columns of each travelling table, the record's own first. */
static const char *const UUID_COLUMNS[][4] = {
    {"area", "uuid", NULL, NULL},
    {"team", "uuid", "area_uuid", NULL},
    {"member", "uuid", NULL, NULL},
    {"membership", "uuid", "team_uuid", "member_uuid"},
    {"training_session", "uuid", NULL, NULL},
    {"attendance", "uuid", "session_uuid", "member_uuid"},
    {"activity", "uuid", "team_uuid", NULL},
};
#define N_TABLES (sizeof UUID_COLUMNS / sizeof UUID_COLUMNS[0])

/* Gives every record of table a new uuid in temp.rekey. Returns the count, or -1 with e set. */
static long long map_table(sqlite3 *db, const char *table, cdtt_err *e)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT uuid FROM \"%s\"", table);
    sqlite3_stmt *rd = db_prepare(db, sql, e);
    sqlite3_stmt *wr = rd ? db_prepare(db, "INSERT INTO temp.rekey (old, new) VALUES (?, ?)", e) : NULL;
    long long n = -1;
    if (wr) {
        n = 0;
        while (n >= 0 && sqlite3_step(rd) == SQLITE_ROW) {
            char id[37];
            db_uuid(id);
            sqlite3_bind_value(wr, 1, sqlite3_column_value(rd, 0));
            sqlite3_bind_text(wr, 2, id, -1, SQLITE_STATIC);
            n = sqlite3_step(wr) == SQLITE_DONE ? n + 1 : db_fail(db, e, _("cannot give the records new identities"));
            sqlite3_reset(wr);
        }
    }
    sqlite3_finalize(rd);
    sqlite3_finalize(wr);
    return n;
}

/* Rewrites the uuid columns of table through temp.rekey. */
static int remap_table(sqlite3 *db, int t, cdtt_err *e)
{
    char sql[1024];
    int len = snprintf(sql, sizeof sql, "UPDATE \"%s\" SET ", UUID_COLUMNS[t][0]);
    for (int c = 1; c < 4 && UUID_COLUMNS[t][c]; c++)
        len += snprintf(sql + len, sizeof sql - (size_t)len,
                        "%s\"%s\" = coalesce((SELECT new FROM temp.rekey WHERE old = \"%s\"), \"%s\")",
                        c > 1 ? ", " : "", UUID_COLUMNS[t][c], UUID_COLUMNS[t][c], UUID_COLUMNS[t][c]);
    return db_exec(db, sql, e);
}

int office_reown(sqlite3 *db, const office_rec *from, const office_rec *to, cdtt_err *e)
{
    char key[40];
    snprintf(key, sizeof key, "%s:%s", to->scheme, to->code);
    for (size_t t = 0; t < N_TABLES; t++) {
        const char *table = UUID_COLUMNS[t][0];
        int has_unit = strcmp(table, "area") == 0 || strcmp(table, "team") == 0 || strcmp(table, "member") == 0 ||
                       strcmp(table, "training_session") == 0;
        char sql[400];
        snprintf(sql, sizeof sql, "UPDATE \"%s\" SET changed_by = ?1, base_version = NULL%s", table,
                 has_unit ? ", unit_scheme = CASE WHEN unit_scheme = ?2 AND unit_code = ?3 THEN ?4 ELSE unit_scheme "
                            "END, unit_code = CASE WHEN unit_scheme = ?2 AND unit_code = ?3 THEN ?5 ELSE unit_code END"
                          : "");
        sqlite3_stmt *st = db_prepare(db, sql, e);
        if (!st)
            return -1;
        const char *v[] = {key, from->scheme, from->code, to->scheme, to->code};
        for (int i = 0; i < sqlite3_bind_parameter_count(st); i++)
            sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_STATIC);
        int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot give the records new identities"));
        sqlite3_finalize(st);
        if (rc < 0)
            return -1;
    }
    return 0;
}

int office_rekey(sqlite3 *db, const office_rec *from, const office_rec *to, long long *n, cdtt_err *e)
{
    *n = 0;
    /* References are checked at COMMIT, once every one of them was rewritten. */
    if (db_exec(db, "PRAGMA defer_foreign_keys = ON; DROP TABLE IF EXISTS temp.rekey; "
                    "CREATE TEMP TABLE rekey (old TEXT PRIMARY KEY, new TEXT NOT NULL)", e) < 0)
        return -1;
    for (size_t t = 0; t < N_TABLES; t++) {
        long long k = map_table(db, UUID_COLUMNS[t][0], e);
        if (k < 0)
            return -1;
        *n += k;
    }
    for (size_t t = 0; t < N_TABLES; t++)
        if (remap_table(db, (int)t, e) < 0)
            return -1;
    if (office_reown(db, from, to, e) < 0 ||
        db_exec(db,
                "UPDATE audit SET record_uuid = coalesce((SELECT new FROM temp.rekey WHERE old = record_uuid), "
                "record_uuid) WHERE tbl <> 'office';"
                "UPDATE conflict SET resolution = 'superseded' WHERE resolution IS NULL;"
                "DELETE FROM merge_base; DELETE FROM source_office; DROP TABLE temp.rekey", e) < 0)
        return -1;
    return 0;
}
