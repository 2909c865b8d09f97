/* records-search.c — a search of a list read through the list's distinct
 * names (list_name, schema migration 8): the names are walked in list order,
 * and only the records of the names that hold every word of the search are
 * read. A list of a million members has a few tens of thousands of distinct
 * names, so a page never costs a walk over every record. */
#include "records-internal.h"
#include "db.h"
#include "text.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

int search_words(const list_filter *f, char **fold, char *words[SEARCH_MAX_WORDS])
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

/* The statement that walks table's names in list order (dir 1: from sort key
 * from up; -1: from it down, or from the end when from is NULL), keeping those
 * that hold every word. NULL when list_name cannot be read. */
static sqlite3_stmt *names_walk(sqlite3 *db, const char *table, char *const *words, int nw, const char *from,
                                int dir)
{
    char sql[1024] = "SELECT sort_key FROM list_name WHERE tbl = ?";
    if (from)
        strcat(sql, dir < 0 ? " AND sort_key <= ?" : " AND sort_key >= ?");
    for (int i = 0; i < nw; i++)
        strcat(sql, " AND instr(name_fold, ?) > 0");
    strcat(sql, dir < 0 ? " ORDER BY sort_key DESC" : " ORDER BY sort_key");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return NULL;
    }
    int p = 1;
    sqlite3_bind_text(st, p++, table, -1, SQLITE_STATIC);
    if (from)
        sqlite3_bind_text(st, p++, from, -1, SQLITE_STATIC);
    for (int i = 0; i < nw; i++)
        sqlite3_bind_text(st, p++, words[i], -1, SQLITE_STATIC);
    return st;
}

int search_by_names(sqlite3 *db, const char *table, char *const *words, int nw, const char *from_key,
                    long long from_rowid, int dir, int limit, sqlite3_stmt *each, long long *rowids)
{
    sqlite3_stmt *walk = names_walk(db, table, words, nw, from_key, dir);
    if (!walk)
        return -1;
    char *last = NULL;
    int n = 0, rc = SQLITE_DONE;
    while (n < limit && (rc = sqlite3_step(walk)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(walk, 0);
        if (!key || (last && strcmp(last, key) == 0))
            continue; /* one sort key with several folded names: its records were read */
        free(last);
        last = xstrdup(key);
        /* In the position's own sort key only the records past it; in the others all. */
        int same = from_key && strcmp(last, from_key) == 0;
        sqlite3_bind_text(each, 1, last, -1, SQLITE_STATIC);
        sqlite3_bind_int64(each, 2, same ? from_rowid : dir < 0 ? LLONG_MAX : -1);
        sqlite3_bind_int(each, sqlite3_bind_parameter_count(each), limit - n);
        int got = SQLITE_DONE;
        while (n < limit && (got = sqlite3_step(each)) == SQLITE_ROW)
            rowids[n++] = sqlite3_column_int64(each, 0);
        sqlite3_reset(each);
        if (n < limit && got != SQLITE_DONE) {
            rc = got; /* the caller reads the page another way, which says what failed */
            break;
        }
    }
    free(last);
    sqlite3_finalize(walk);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? n : -1;
}
