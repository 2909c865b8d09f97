/* records_save.c — prints how fast members are saved: N member_save_in_team
 * calls in one transaction (as an import makes them) and 100 single saves.
 * Usage: records_save DIR [N] (DIR: an empty temporary folder). */
#include "db.h"
#include "office.h"
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Saves member i into team; exits on failure. */
static void save_one(sqlite3 *db, const char *team, int i)
{
    static const char *const given[] = {"An", "Bình", "Cúc", "Dũng", "Hằng", "Lan", "Minh", "Yến"};
    member_rec m;
    member_init(&m);
    snprintf(m.full_name, sizeof m.full_name, "Nguyễn Văn %s %d", given[i % 8], i);
    cdtt_err e;
    if (member_save_in_team(db, &m, team, "member", 1, NULL, &e) != 0) {
        fprintf(stderr, "save %d: %s\n", i, e.msg);
        exit(1);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    int n = argc > 2 ? atoi(argv[2]) : 10000;
    char path[4096];
    snprintf(path, sizeof path, "%s/save.db", argv[1]);
    cdtt_err e;
    sqlite3 *db = db_open(path, DB_CREATE, &e);
    office_rec o = {"2025-07", "00004", "commune", "Bench"};
    if (!db || office_set(db, &o, &e) != 0)
        return 1;
    team_rec t;
    team_init(&t);
    snprintf(t.level, sizeof t.level, "commune");
    snprintf(t.name, sizeof t.name, "Tổ CNS");
    if (team_save(db, &t, 1, NULL, &e) != 0)
        return 1;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    db_begin(db, &e);
    for (int i = 0; i < n; i++)
        save_one(db, t.uuid, i);
    db_commit(db, &e);
    double ms = ms_since(&t0);
    printf("%d members in one transaction: %.0f ms (%.3f ms each)\n", n, ms, ms / n);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = n; i < n + 100; i++)
        save_one(db, t.uuid, i);
    ms = ms_since(&t0);
    printf("100 members, one transaction each: %.0f ms (%.2f ms each)\n", ms, ms / 100);
    db_close(db);
    return 0;
}
