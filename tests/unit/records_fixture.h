/* records_fixture.h — a fresh database with an office for the records tests. */
#ifndef CDTT_RECORDS_FIXTURE_H
#define CDTT_RECORDS_FIXTURE_H

#include "testutil.h"
#include "office.h"
#include "records.h"

static char *rf_dir;
static sqlite3 *rf_db;

/* Opens a new file in a new temporary folder and gives it a commune office. */
static int rf_setup(void **state)
{
    (void)state;
    tu_english();
    records_set_limits(0, 0);
    rf_dir = tu_tempdir();
    if (!rf_dir)
        return -1;
    rf_db = tu_open_db(rf_dir, "records.db");
    office_rec o = {"2025-07", "00004", "commune", "Phường Ba Đình"};
    cdtt_err e;
    return office_set(rf_db, &o, &e);
}

static int rf_teardown(void **state)
{
    (void)state;
    db_close(rf_db);
    tu_rmdir(rf_dir);
    return 0;
}

/* Saves an area (fails the test on error) and returns its uuid in out. */
static inline void rf_area(const char *name, char out[UUID_LEN])
{
    area_rec a;
    area_init(&a);
    snprintf(a.name, sizeof a.name, "%s", name);
    cdtt_err e;
    if (area_save(rf_db, &a, 1, NULL, &e) != 0)
        fail_msg("area_save %s: %s", name, e.msg);
    snprintf(out, UUID_LEN, "%s", a.uuid);
}

/* Saves a village team in area (commune level when area is NULL). */
static inline void rf_team(const char *name, const char *area, char out[UUID_LEN])
{
    team_rec t;
    team_init(&t);
    snprintf(t.name, sizeof t.name, "%s", name);
    snprintf(t.level, sizeof t.level, "%s", area ? "village" : "commune");
    snprintf(t.area_uuid, sizeof t.area_uuid, "%s", area ? area : "");
    cdtt_err e;
    if (team_save(rf_db, &t, 1, NULL, &e) != 0)
        fail_msg("team_save %s: %s", name, e.msg);
    snprintf(out, UUID_LEN, "%s", t.uuid);
}

/* Saves a member (in team with role when team is not NULL). */
static inline void rf_member(const char *name, const char *birth, const char *phone, const char *team,
                             char out[UUID_LEN])
{
    member_rec m;
    member_init(&m);
    snprintf(m.full_name, sizeof m.full_name, "%s", name);
    snprintf(m.birth, sizeof m.birth, "%s", birth ? birth : "");
    snprintf(m.phone, sizeof m.phone, "%s", phone ? phone : "");
    cdtt_err e;
    int rc = team ? member_save_in_team(rf_db, &m, team, "member", 1, NULL, &e)
                  : member_save(rf_db, &m, 1, NULL, &e);
    if (rc != 0)
        fail_msg("member_save %s: %s", name, e.msg);
    snprintf(out, UUID_LEN, "%s", m.uuid);
}

/* count(*) of a constant query. */
static inline long long rf_count(const char *sql)
{
    return db_scalar_int(rf_db, sql, -1);
}

#endif
