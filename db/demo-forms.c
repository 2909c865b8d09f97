/* demo-forms.c — the stored forms of the names a demo generation writes (clean
 * text, folded text, sort key), each computed once per distinct name: a
 * national generation writes 400,000 names but only some 100,000 distinct ones.
 * A person's name is also found by the three strings it was made of, which
 * spares writing it out and hashing and comparing its text. */
#include "demo.h"
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A name by its text (parts[0] the text, person: which sort key), or a
 * person's name by the strings it was made of (parts[0..2], part_key set). */
typedef struct {
    const char *parts[3];
    int person, part_key;
} key;

typedef struct {
    uint64_t hash;     /* 0 for an empty slot */
    key k;             /* a text key's parts[0] is malloc'd */
    demo_name_forms *f; /* malloc'd, owned by the text table */
} slot;

/* An open-addressing table; cap is a power of two, used <= cap / 2. */
typedef struct {
    slot *s;
    size_t cap, used;
} table;

struct demo_forms {
    table by_text, by_parts;
};

static void table_init(table *t)
{
    t->cap = 4096;
    t->used = 0;
    t->s = xcalloc(t->cap, sizeof *t->s);
}

demo_forms *demo_forms_new(void)
{
    demo_forms *c = xcalloc(1, sizeof *c);
    table_init(&c->by_text);
    table_init(&c->by_parts);
    return c;
}

void demo_forms_free(demo_forms *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->by_text.cap; i++) {
        slot *s = &c->by_text.s[i];
        if (s->hash) {
            free((char *)s->k.parts[0]);
            free(s->f->clean);
            free(s->f->fold);
            free(s->f->key);
            free(s->f);
        }
    }
    free(c->by_text.s);
    free(c->by_parts.s);
    free(c);
}

/* FNV-1a over a text key's text and kind of sort key, or over the addresses
 * of a part key's strings; never 0. */
static uint64_t hash_of(const key *k)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)(k->person != 0);
    if (k->part_key)
        for (int i = 0; i < 3; i++)
            h = (h ^ (uint64_t)(uintptr_t)k->parts[i]) * 0x100000001b3ULL;
    else
        for (const char *s = k->parts[0]; *s; s++)
            h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    h ^= h >> 32;
    return h ? h : 1;
}

static int same(const key *a, const key *b)
{
    if (a->person != b->person || a->part_key != b->part_key)
        return 0;
    if (a->part_key)
        return a->parts[0] == b->parts[0] && a->parts[1] == b->parts[1] && a->parts[2] == b->parts[2];
    return strcmp(a->parts[0], b->parts[0]) == 0;
}

/* The slot that holds k, or the empty slot where it belongs. */
static slot *find(const table *t, uint64_t h, const key *k)
{
    size_t i = (size_t)h & (t->cap - 1);
    while (t->s[i].hash && (t->s[i].hash != h || !same(&t->s[i].k, k)))
        i = (i + 1) & (t->cap - 1);
    return &t->s[i];
}

/* Makes room for one more entry; returns the slot for k, which is not there. */
static slot *make_room(table *t, uint64_t h, const key *k)
{
    if (t->used + 1 > t->cap / 2) {
        table bigger = {xcalloc(t->cap * 2, sizeof *t->s), t->cap * 2, t->used};
        for (size_t i = 0; i < t->cap; i++)
            if (t->s[i].hash)
                *find(&bigger, t->s[i].hash, &t->s[i].k) = t->s[i];
        free(t->s);
        *t = bigger;
    }
    t->used++;
    return find(t, h, k);
}

const demo_name_forms *demo_forms_get(demo_forms *c, const char *name, int person)
{
    key k = {{name, NULL, NULL}, person != 0, 0};
    uint64_t h = hash_of(&k);
    slot *s = find(&c->by_text, h, &k);
    if (s->hash)
        return s->f;
    s = make_room(&c->by_text, h, &k);
    s->hash = h;
    s->k = k;
    s->k.parts[0] = xstrdup(name);
    s->f = xmalloc(sizeof *s->f);
    s->f->clean = text_clean(name);
    if (!s->f->clean)
        s->f->clean = xstrdup("");
    s->f->fold = text_fold(s->f->clean);
    s->f->key = person ? text_name_sort_key(s->f->clean) : text_sort_key(s->f->clean);
    return s->f;
}

const demo_name_forms *demo_forms_person(demo_forms *c, const char *family, const char *middle, const char *given)
{
    key k = {{family, middle, given}, 1, 1};
    uint64_t h = hash_of(&k);
    slot *s = find(&c->by_parts, h, &k);
    if (s->hash)
        return s->f;
    char name[512];
    snprintf(name, sizeof name, "%s %s %s", family, middle, given);
    demo_name_forms *f = (demo_name_forms *)demo_forms_get(c, name, 1);
    s = make_room(&c->by_parts, h, &k);
    s->hash = h;
    s->k = k;
    s->f = f;
    return f;
}
