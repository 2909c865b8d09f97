/* records-search.c — which way a member search is read: the words of the
 * search, how many members hold each (the word index of schema migration 3),
 * and a deadline for walking the list in order. */
#include "records-internal.h"
#include "db.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* A search is read through the word index of its rarest word at once when it
 * means reading at most READ_MAX members (for several words: the rarest
 * word's members times the share of members holding each other word) after
 * sifting at most SIFT_MAX entries of the index by the other words. Otherwise
 * the list is walked in order, where common words fill a page soon. */
#define READ_MAX 3000
#define SIFT_MAX 30000
/* How long that walk may go on, in milliseconds, before the page is read
 * through the word index instead (matches too far apart in list order), when
 * that means reading at most READ_AFTER_WALK_MAX members after sifting at most
 * SIFT_AFTER_WALK_MAX; otherwise the walk starts again without a deadline. */
#define WALK_BUDGET_MS 20
#define READ_AFTER_WALK_MAX 40000
#define SIFT_AFTER_WALK_MAX 150000

/* How many members' names hold a word that contains w (an estimate from the
 * word counts: a name with two such words counts twice); -1 when the word
 * index cannot be read. */
static long long word_members(sqlite3 *db, const char *w)
{
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(db, "SELECT coalesce(sum(n), 0) FROM name_word WHERE n > 0 AND instr(word, ?) > 0",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, w, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

/* The folded words of f's search (in place in *fold, malloc'd; at most
 * SEARCH_MAX_WORDS) and their number; 0 when there is no valid search. */
int member_search_words(const list_filter *f, char **fold, char *words[SEARCH_MAX_WORDS])
{
    *fold = NULL;
    if (!f || !f->search || !f->search[0] || !text_valid_utf8(f->search, strlen(f->search)))
        return 0;
    *fold = text_fold(f->search);
    int n = 0;
    for (char *w = strtok(*fold, " "); w && n < SEARCH_MAX_WORDS; w = strtok(NULL, " "))
        words[n++] = w;
    return n;
}

/* Which word of a member search leads it through the word index: the rarest,
 * when it is rare enough (after a walk that went on too long when after_walk);
 * -1 when the list is to be walked. */
/* The live members of the file (the kept counts), or 0. */
static double members_total(sqlite3 *db)
{
    return (double)db_scalar_int(db, "SELECT coalesce(sum(n), 0) FROM live_tally WHERE tbl = 'member'", 0);
}

int member_search_lead(sqlite3 *db, const list_filter *f, int after_walk)
{
    char *fold, *words[SEARCH_MAX_WORDS];
    long long held[SEARCH_MAX_WORDS];
    int n = member_search_words(f, &fold, words), best = -1;
    for (int i = 0; i < n; i++)
        if (strspn(words[i], "0123456789") == strlen(words[i])) {
            n = 0; /* digits may be in a phone or CCCD number, which the word index does not hold */
            break;
        }
    for (int i = 0; i < n; i++) {
        held[i] = word_members(db, words[i]);
        if (held[i] >= 0 && (best < 0 || held[i] < held[best]))
            best = i;
    }
    free(fold);
    if (best < 0)
        return -1;
    /* The members left to read once the other words sifted them, if words were independent. */
    double total = members_total(db), to_read = (double)held[best];
    for (int i = 0; i < n && total > 0; i++)
        if (i != best && held[i] >= 0 && held[i] < total)
            to_read *= (double)held[i] / total;
    if (!after_walk)
        return held[best] <= SIFT_MAX && to_read <= READ_MAX ? best : -1;
    return held[best] <= SIFT_AFTER_WALK_MAX && to_read <= READ_AFTER_WALK_MAX ? best : -1;
}

/* Called back every thousand SQLite steps: stops a walk past its deadline. */
static int walk_too_long(void *arg)
{
    search_walk *c = arg;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    c->passed = now.tv_sec > c->end.tv_sec || (now.tv_sec == c->end.tv_sec && now.tv_nsec > c->end.tv_nsec);
    return c->passed;
}

void search_walk_start(sqlite3 *db, search_walk *w)
{
    w->passed = 0;
    clock_gettime(CLOCK_MONOTONIC, &w->end);
    w->end.tv_nsec += WALK_BUDGET_MS * 1000000L;
    w->end.tv_sec += w->end.tv_nsec / 1000000000L;
    w->end.tv_nsec %= 1000000000L;
    sqlite3_progress_handler(db, 1000, walk_too_long, w);
}
