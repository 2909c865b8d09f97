/* csvio-import-people.c — what a member import remembers while it reads a
 * file: the members its rows named (by uuid), with the teams they had and the
 * teams the rows give them; and a small string map for that and for CCCDs. */
#include "csvio-import.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Open addressing with linear probing; the table is at most half full. */
struct strmap {
    char **keys;
    int *values;
    size_t cap, n;
};

strmap *strmap_new(void)
{
    strmap *m = xcalloc(1, sizeof *m);
    m->cap = 64;
    m->keys = xcalloc(m->cap, sizeof *m->keys);
    m->values = xcalloc(m->cap, sizeof *m->values);
    return m;
}

void strmap_free(strmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->values);
    free(m);
}

/* FNV-1a over the bytes of key. */
static size_t hash(const char *key)
{
    uint64_t h = 1469598103934665603ull;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return (size_t)h;
}

/* The slot holding key, or the empty slot where it would go. */
static size_t slot(const strmap *m, const char *key)
{
    size_t i = hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

/* Doubles the table, placing every key again. */
static void grow(strmap *m)
{
    strmap old = *m;
    m->cap *= 2;
    m->keys = xcalloc(m->cap, sizeof *m->keys);
    m->values = xcalloc(m->cap, sizeof *m->values);
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i]) {
            size_t k = slot(m, old.keys[i]);
            m->keys[k] = old.keys[i];
            m->values[k] = old.values[i];
        }
    free(old.keys);
    free(old.values);
}

void strmap_put(strmap *m, const char *key, int value)
{
    if (2 * (m->n + 1) > m->cap)
        grow(m);
    size_t i = slot(m, key);
    if (!m->keys[i]) {
        m->keys[i] = xstrdup(key);
        m->n++;
    }
    m->values[i] = value;
}

int strmap_get(const strmap *m, const char *key, int *value)
{
    size_t i = slot(m, key);
    if (!m->keys[i])
        return 0;
    *value = m->values[i];
    return 1;
}

void team_list_add(team_list *l, const char *team_uuid)
{
    if (team_list_has(l, team_uuid))
        return;
    l->uuid = xrealloc(l->uuid, (size_t)(l->n + 1) * sizeof *l->uuid);
    snprintf(l->uuid[l->n++], UUID_LEN, "%s", team_uuid);
}

int team_list_has(const team_list *l, const char *team_uuid)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->uuid[i], team_uuid) == 0)
            return 1;
    return 0;
}

void people_free(import_people *p)
{
    for (int i = 0; i < p->n; i++) {
        free(p->items[i]->before.uuid);
        free(p->items[i]->listed.uuid);
        free(p->items[i]);
    }
    free(p->items);
    strmap_free(p->index);
    memset(p, 0, sizeof *p);
}

import_person *people_find(const import_people *p, const char *uuid)
{
    int i;
    return p->index && strmap_get(p->index, uuid, &i) ? p->items[i] : NULL;
}

import_person *people_add(import_people *p, const char *uuid, long line, int existed)
{
    if (!p->index)
        p->index = strmap_new();
    import_person *x = xcalloc(1, sizeof *x);
    snprintf(x->uuid, UUID_LEN, "%s", uuid);
    x->line = line;
    x->existed = existed;
    p->items = xrealloc(p->items, (size_t)(p->n + 1) * sizeof *p->items);
    p->items[p->n] = x;
    strmap_put(p->index, uuid, p->n++);
    return x;
}
