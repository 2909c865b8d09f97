/* db-cache.c — statements kept prepared per connection, so that a save does not
 * parse the same SQL again for every record. */
#include "db-cache.h"
#include "db-sql.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *key;
    sqlite3_stmt *st;
} cached_stmt;

typedef struct conn_cache {
    sqlite3 *db;
    cached_stmt *items;
    int n, cap;
    struct conn_cache *next;
} conn_cache;

/* Every registered connection; few at a time, so a list. */
static conn_cache *caches;

static conn_cache *cache_of(sqlite3 *db)
{
    for (conn_cache *c = caches; c; c = c->next)
        if (c->db == db)
            return c;
    return NULL;
}

void db_cache_register(sqlite3 *db)
{
    if (!db || cache_of(db))
        return;
    conn_cache *c = xmalloc(sizeof *c);
    memset(c, 0, sizeof *c);
    c->db = db;
    c->next = caches;
    caches = c;
}

sqlite3_stmt *db_cached_find(sqlite3 *db, const char *key)
{
    conn_cache *c = cache_of(db);
    if (!c)
        return NULL;
    for (int i = 0; i < c->n; i++)
        if (c->items[i].key == key || strcmp(c->items[i].key, key) == 0)
            return c->items[i].st;
    return NULL;
}

sqlite3_stmt *db_cached_add(sqlite3 *db, const char *key, const char *sql, cdtt_err *e)
{
    conn_cache *c = cache_of(db);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(db, sql, -1, c ? SQLITE_PREPARE_PERSISTENT : 0, &st, NULL) != SQLITE_OK ||
        !st) {
        sqlite3_finalize(st);
        db_fail(db, e, _("database error"));
        return NULL;
    }
    if (!c)
        return st;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 32;
        c->items = xrealloc(c->items, (size_t)c->cap * sizeof *c->items);
    }
    c->items[c->n].key = xstrdup(key);
    c->items[c->n].st = st;
    c->n++;
    return st;
}

sqlite3_stmt *db_cached(sqlite3 *db, const char *sql, cdtt_err *e)
{
    sqlite3_stmt *st = db_cached_find(db, sql);
    return st ? st : db_cached_add(db, sql, sql, e);
}

void db_cached_done(sqlite3_stmt *st)
{
    if (!st)
        return;
    if (!cache_of(sqlite3_db_handle(st))) {
        sqlite3_finalize(st);
        return;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
}

int db_cached_exec(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = db_cached(db, sql, NULL);
    if (!st)
        return sqlite3_errcode(db) != SQLITE_OK ? sqlite3_errcode(db) : SQLITE_ERROR;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        rc = SQLITE_OK;
    db_cached_done(st);
    return rc;
}

void db_cache_forget(sqlite3 *db)
{
    conn_cache *c = cache_of(db);
    if (!c)
        return;
    for (int i = 0; i < c->n; i++) {
        sqlite3_finalize(c->items[i].st);
        free(c->items[i].key);
    }
    free(c->items);
    c->items = NULL;
    c->n = c->cap = 0;
}

void db_cache_drop(sqlite3 *db)
{
    db_cache_forget(db);
    for (conn_cache **p = &caches; *p; p = &(*p)->next) {
        if ((*p)->db != db)
            continue;
        conn_cache *c = *p;
        *p = c->next;
        free(c);
        return;
    }
}
