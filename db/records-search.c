/* records-search.c — which way a member search is read: the words of the
 * search, how many members hold each (the word index of schema migration 3),
 * and a deadline for walking the list in order. */
#include "records-internal.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* A search whose rarest word is held by at most this many members reads them
 * through the word index at once (WORDS_INDEX_MAX when other words sift them
 * first); a commoner one first walks the list in order, where its matches
 * usually come soon enough to fill a page. */
#define WORD_INDEX_MAX 3000
#define WORDS_INDEX_MAX 30000
/* How long that walk may go on, in milliseconds, before the page is read
 * through the word index instead (matches too far apart in list order). */
#define WALK_BUDGET_MS 20
/* After such a walk, the word index is read when its rarest word is held by at
 * most this many members (the other words sift them cheaply), or by at most
 * WORD_ALONE_MAX when it is the only word (every one is a member to read);
 * otherwise the walk goes on to the end of the page. */
#define WORDS_AFTER_WALK_MAX 150000
#define WORD_ALONE_MAX 5000

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
int member_search_lead(sqlite3 *db, const list_filter *f, int after_walk)
{
    char *fold, *words[SEARCH_MAX_WORDS];
    int n = member_search_words(f, &fold, words), best = -1;
    long long best_n = 0;
    for (int i = 0; i < n; i++) {
        long long c = word_members(db, words[i]);
        if (c >= 0 && (best < 0 || c < best_n)) {
            best = i;
            best_n = c;
        }
    }
    free(fold);
    long long max = !after_walk ? (n > 1 ? WORDS_INDEX_MAX : WORD_INDEX_MAX)
                                : (n > 1 ? WORDS_AFTER_WALK_MAX : WORD_ALONE_MAX);
    return best >= 0 && best_n <= max ? best : -1;
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
