/* training_fixture.h — rows for training and progress tests, inserted with SQL
 * (the records API is another module's), each with the columns the schema needs. */
#ifndef CDTT_TRAINING_FIXTURE_H
#define CDTT_TRAINING_FIXTURE_H

#include "testutil.h"
#include "text.h"

/* Runs sql with up to 8 text parameters (NULL binds NULL); fails the test on error. */
static inline void fx_run(sqlite3 *db, const char *sql, const char *const *p, int n)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("prepare: %s", sqlite3_errmsg(db));
    for (int i = 0; i < n; i++)
        if (p[i])
            sqlite3_bind_text(st, i + 1, p[i], -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        fail_msg("step: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
}

#define FX_STAMP "'2022-01-01T00:00:00.000Z', '2022-01-01T00:00:00.000Z', '2025-07:00082'"

static inline void fx_office(sqlite3 *db)
{
    const char *p[] = {NULL};
    fx_run(db, "INSERT INTO office (id, scheme, code, level, name, created_at) "
               "VALUES (1, '2025-07', '00082', 'commune', 'Phường Cửa Nam', '2022-01-01')", p, 0);
}

static inline void fx_area(sqlite3 *db, const char *uuid, const char *name)
{
    char *fold = text_fold(name), *key = text_sort_key(name);
    const char *p[] = {uuid, name, fold, key};
    fx_run(db, "INSERT INTO area (uuid, unit_scheme, unit_code, kind, name, name_fold, sort_key, "
               "created_at, updated_at, changed_by) VALUES (?1, '2025-07', '00082', 'thon', ?2, ?3, ?4, "
               FX_STAMP ")", p, 4);
    free(fold);
    free(key);
}

/* A team in area (NULL = commune level), status active/dissolved, deleted "0"/"1". */
static inline void fx_team_full(sqlite3 *db, const char *uuid, const char *area, const char *name,
                                const char *status, const char *deleted, const char *decision_date)
{
    char *fold = text_fold(name), *key = text_sort_key(name);
    const char *p[] = {uuid, area, name, fold, key, status, deleted, decision_date};
    fx_run(db, "INSERT INTO team (uuid, unit_scheme, unit_code, level, area_uuid, name, name_fold, sort_key, "
               "status, deleted, decision_date, created_at, updated_at, changed_by) VALUES (?1, '2025-07', "
               "'00082', CASE WHEN ?2 IS NULL THEN 'commune' ELSE 'village' END, ?2, ?3, ?4, ?5, ?6, "
               "CAST(?7 AS INTEGER), ?8, " FX_STAMP ")", p, 8);
    free(fold);
    free(key);
}

static inline void fx_team(sqlite3 *db, const char *uuid, const char *area, const char *name)
{
    fx_team_full(db, uuid, area, name, "active", "0", NULL);
}

/* A member with MOOC status/date and Zalo date (NULL = none). */
static inline void fx_member_full(sqlite3 *db, const char *uuid, const char *name, const char *mooc,
                                  const char *mooc_date, const char *zalo_date, const char *deleted)
{
    char *fold = text_fold(name), *key = text_name_sort_key(name);
    const char *p[] = {uuid, name, fold, key, mooc ? mooc : "not_started", mooc_date, zalo_date, deleted};
    fx_run(db, "INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, mooc_status, "
               "mooc_date, zalo_date, deleted, created_at, updated_at, changed_by) VALUES (?1, '2025-07', "
               "'00082', ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS INTEGER), " FX_STAMP ")", p, 8);
    free(fold);
    free(key);
}

static inline void fx_member(sqlite3 *db, const char *uuid, const char *name)
{
    fx_member_full(db, uuid, name, NULL, NULL, NULL, "0");
}

/* The office, team t1 "Tổ A" at commune level and its would-be members m1
 * "Nguyễn Văn An" and m2 "Trần Thị Bình" (not yet in the team). */
static inline void fx_team_and_two_members(sqlite3 *db)
{
    fx_office(db);
    fx_team(db, "t1", NULL, "Tổ A");
    fx_member(db, "m1", "Nguyễn Văn An");
    fx_member(db, "m2", "Trần Thị Bình");
}

/* A membership from..to (NULL = open); deleted "0"/"1". The uuid is team+member+from. */
static inline void fx_join_full(sqlite3 *db, const char *team, const char *member, const char *from,
                                const char *to, const char *deleted)
{
    const char *p[] = {team, member, from, to, deleted};
    fx_run(db, "INSERT INTO membership (uuid, team_uuid, member_uuid, date_from, date_to, deleted, "
               "created_at, updated_at, changed_by) VALUES (?1 || '/' || ?2 || '/' || coalesce(?3, ''), "
               "?1, ?2, ?3, ?4, CAST(?5 AS INTEGER), " FX_STAMP ")", p, 5);
}

static inline void fx_join(sqlite3 *db, const char *team, const char *member)
{
    fx_join_full(db, team, member, NULL, NULL, "0");
}

static inline void fx_session(sqlite3 *db, const char *uuid, const char *date)
{
    const char *p[] = {uuid, date};
    fx_run(db, "INSERT INTO training_session (uuid, unit_scheme, unit_code, date, created_at, updated_at, "
               "changed_by) VALUES (?1, '2025-07', '00082', ?2, " FX_STAMP ")", p, 2);
}

static inline void fx_attend(sqlite3 *db, const char *session, const char *member)
{
    const char *p[] = {session, member};
    fx_run(db, "INSERT INTO attendance (uuid, session_uuid, member_uuid, created_at, updated_at, changed_by) "
               "VALUES (?1 || '/' || ?2, ?1, ?2, " FX_STAMP ")", p, 2);
}

static inline void fx_activity(sqlite3 *db, const char *uuid, const char *team, const char *date,
                               const char *people, const char *households)
{
    const char *p[] = {uuid, team, date, people, households};
    fx_run(db, "INSERT INTO activity (uuid, team_uuid, date, type, people, households, created_at, "
               "updated_at, changed_by) VALUES (?1, ?2, ?3, 'vneid', CAST(?4 AS INTEGER), "
               "CAST(?5 AS INTEGER), " FX_STAMP ")", p, 5);
}

#endif
