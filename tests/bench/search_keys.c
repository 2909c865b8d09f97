/* search_keys.c — prints how long a list's page takes after every key of a
 * search typed one key at a time: a scripted set of searches drawn from the
 * names in the file itself (so from the demo's name distribution), each typed
 * as its folded text, every prefix timed as the full-screen list reads it (a
 * page of 20 from the top). Prints the median, the 99th percentile and the
 * slowest key by wall-clock time and by processor time (the thread's: on a
 * shared machine the wall time also counts other programs' turns), and the
 * prefixes that took longest. A measurement, not a test.
 *   search_keys FILE [member|team|area] [SEARCHES]   (default member 240)
 * Built and run by tests/bench/search-keys.sh. */
#include "db.h"
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PAGE 20

/* Milliseconds on clock since t0 (read on the same clock). */
static double ms_since(clockid_t clock, const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(clock, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

typedef struct {
    double ms, cpu;
    char text[96];
} key_time;

static int by_ms(const void *a, const void *b)
{
    double x = ((const key_time *)a)->ms, y = ((const key_time *)b)->ms;
    return (x > y) - (x < y);
}

static int by_cpu(const void *a, const void *b)
{
    double x = ((const key_time *)a)->cpu, y = ((const key_time *)b)->cpu;
    return (x > y) - (x < y);
}

/* One page of the list of kind for search s; the rows it found. */
static int page_of(sqlite3 *db, const char *kind, const char *s)
{
    static member_rec m[PAGE];
    static team_rec t[PAGE];
    static area_rec a[PAGE];
    list_filter f = {.search = s};
    cdtt_err e;
    if (strcmp(kind, "team") == 0)
        return team_page(db, &f, NULL, 1, PAGE, t, &e);
    if (strcmp(kind, "area") == 0)
        return area_page(db, &f, NULL, 1, PAGE, a, &e);
    return member_page(db, &f, NULL, 1, PAGE, m, &e);
}

/* The searches: the examples, then folded names of records spread over
 * the file, as typed in three shapes (whole name, middle and given name,
 * family and given name). */
static int searches(sqlite3 *db, const char *kind, int want, char (*out)[96])
{
    static const char *const FIXED[] = {"dang thi yen", "van thanh", "nguyen thi hang", "ta dinh phong",
                                        "tran van", "le thi", "thon", "to cns xa"};
    int n = 0;
    for (size_t i = 0; i < sizeof FIXED / sizeof FIXED[0] && n < want; i++)
        snprintf(out[n++], 96, "%s", FIXED[i]);
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT name_fold FROM %s WHERE rowid %% ((SELECT max(rowid) FROM %s) / ?1 + 1) = 0",
             kind, kind);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return n;
    sqlite3_bind_int(st, 1, want);
    for (int shape = 0; sqlite3_step(st) == SQLITE_ROW && n < want; shape = (shape + 1) % 3) {
        char name[96];
        snprintf(name, sizeof name, "%s", (const char *)sqlite3_column_text(st, 0));
        char *first_space = strchr(name, ' '), *last_space = strrchr(name, ' ');
        if (shape == 1 && first_space)
            snprintf(out[n++], 96, "%s", first_space + 1);
        else if (shape == 2 && last_space && first_space != last_space) {
            *first_space = '\0';
            snprintf(out[n++], 96, "%.40s %.40s", name, last_space + 1);
        } else
            snprintf(out[n++], 96, "%s", name);
    }
    sqlite3_finalize(st);
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [member|team|area] [SEARCHES]\n", argv[0]);
        return 2;
    }
    const char *kind = argc > 2 ? argv[2] : "member";
    int want = argc > 3 ? atoi(argv[3]) : 240;
    cdtt_err e;
    sqlite3 *db = db_open(argv[1], 0, &e);
    if (!db) {
        fprintf(stderr, "%s\n", e.msg);
        return 1;
    }
    char(*q)[96] = calloc((size_t)want + 8, 96);
    int nq = searches(db, kind, want, q), nk = 0;
    key_time *keys = NULL;
    size_t cap = 0;
    for (int i = 0; i < nq; i++) {
        size_t len = strlen(q[i]);
        for (size_t k = 1; k <= len; k++) {
            if (q[i][k - 1] == ' ')
                continue; /* a space adds no word yet: the list does not change */
            if ((size_t)nk == cap)
                keys = realloc(keys, (cap = cap * 2 + 256) * sizeof *keys);
            snprintf(keys[nk].text, sizeof keys[nk].text, "%.*s", (int)k, q[i]);
            struct timespec t0, c0;
            clock_gettime(CLOCK_MONOTONIC, &t0);
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
            if (page_of(db, kind, keys[nk].text) < 0)
                fprintf(stderr, "error on '%s'\n", keys[nk].text);
            keys[nk].cpu = ms_since(CLOCK_THREAD_CPUTIME_ID, &c0);
            keys[nk++].ms = ms_since(CLOCK_MONOTONIC, &t0);
        }
    }
    if (nk == 0) {
        fprintf(stderr, "no searches: is the file empty?\n");
        return 1;
    }
    qsort(keys, (size_t)nk, sizeof *keys, by_cpu);
    double cpu_med = keys[nk / 2].cpu, cpu_p99 = keys[nk * 99 / 100].cpu, cpu_max = keys[nk - 1].cpu;
    qsort(keys, (size_t)nk, sizeof *keys, by_ms);
    printf("%s search: %d searches, %d keys; page of %d: median %.1f ms, 99th percentile %.1f ms, slowest %.1f ms; "
           "processor time: median %.1f ms, 99th percentile %.1f ms, slowest %.1f ms\n",
           kind, nq, nk, PAGE, keys[nk / 2].ms, keys[nk * 99 / 100].ms, keys[nk - 1].ms, cpu_med, cpu_p99, cpu_max);
    for (int i = nk - 1; i >= 0 && i >= nk - 5; i--)
        printf("  slow: %7.1f ms (processor %.1f ms)  '%s'\n", keys[i].ms, keys[i].cpu, keys[i].text);
    free(keys);
    free(q);
    db_close(db);
    return 0;
}
