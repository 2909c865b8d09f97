/* records_paging.c — prints how long member pages take in a big file: the first
 * page, a page from the middle (forward and backward), the last page, a search
 * and a team filter. Usage: records_paging FILE [create]; "create" only makes
 * an empty cdtt file (records-paging.sh fills it). */
#include "db.h"
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Reads one page of 50 and prints its time. */
static void timed(sqlite3 *db, const char *what, const list_filter *f, const list_pos *pos, int dir)
{
    static member_rec rows[50];
    cdtt_err e;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int n = member_page(db, f, pos, dir, 50, rows, &e);
    printf("%-34s %4d rows  %8.2f ms\n", what, n, ms_since(&t0));
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [create]\n", argv[0]);
        return 2;
    }
    cdtt_err e;
    sqlite3 *db = db_open(argv[1], argc > 2 ? DB_CREATE : 0, &e);
    if (!db) {
        fprintf(stderr, "%s\n", e.msg);
        return 1;
    }
    if (argc > 2) {
        db_close(db);
        return 0;
    }
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long long total = member_count(db, NULL);
    printf("%-34s %lld members  %8.2f ms\n", "count", total, ms_since(&t0));

    list_pos mid;
    sqlite3_stmt *st = db_prepare(db, "SELECT sort_key, uuid FROM member ORDER BY sort_key, rowid "
                                      "LIMIT 1 OFFSET (SELECT count(*) / 2 FROM member)", &e);
    if (!st || sqlite3_step(st) != SQLITE_ROW) {
        fprintf(stderr, "empty file\n");
        return 1;
    }
    snprintf(mid.sort_key, sizeof mid.sort_key, "%s", sqlite3_column_text(st, 0));
    snprintf(mid.uuid, sizeof mid.uuid, "%s", sqlite3_column_text(st, 1));
    sqlite3_finalize(st);

    timed(db, "first page", NULL, NULL, 1);
    timed(db, "middle page, forward", NULL, &mid, 1);
    timed(db, "middle page, backward", NULL, &mid, -1);
    timed(db, "last page", NULL, NULL, -1);
    list_filter s = {.search = "nguyen van"};
    timed(db, "search 'nguyen van', first page", &s, NULL, 1);
    timed(db, "search 'nguyen van', middle", &s, &mid, 1);
    s.search = "zzz";
    timed(db, "search with no match", &s, NULL, 1);
    char team[UUID_LEN];
    if (team_find_by_name(db, "Tổ 500", NULL, team) == 0) {
        list_filter t = {.team_uuid = team};
        timed(db, "one team's members", &t, NULL, 1);
    }
    db_close(db);
    return 0;
}
