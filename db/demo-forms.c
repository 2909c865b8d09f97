/* demo-forms.c — the stored forms of the names a demo generation writes (clean
 * text, folded text, sort key), each computed once per distinct name: a
 * national generation writes 400,000 names but only some 100,000 distinct ones. */
#include "demo.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *name;          /* the name as given, NULL for an empty slot */
    int person;          /* which sort key: a person's name or another name */
    demo_name_forms f;
} entry;

struct demo_forms {
    entry *slot;
    size_t cap, used; /* cap is a power of two; used <= cap / 2 */
};

demo_forms *demo_forms_new(void)
{
    demo_forms *c = xcalloc(1, sizeof *c);
    c->cap = 4096;
    c->slot = xcalloc(c->cap, sizeof *c->slot);
    return c;
}

void demo_forms_free(demo_forms *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++)
        if (c->slot[i].name) {
            free(c->slot[i].name);
            free(c->slot[i].f.clean);
            free(c->slot[i].f.fold);
            free(c->slot[i].f.key);
        }
    free(c->slot);
    free(c);
}

/* FNV-1a over the name and the kind of key. */
static size_t hash(const char *s, int person)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)(person != 0);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return (size_t)(h ^ (h >> 32));
}

/* The slot that holds (name, person), or the empty slot where it belongs. */
static entry *find(entry *slot, size_t cap, const char *name, int person)
{
    size_t i = hash(name, person) & (cap - 1);
    while (slot[i].name && (slot[i].person != person || strcmp(slot[i].name, name) != 0))
        i = (i + 1) & (cap - 1);
    return &slot[i];
}

static void grow(demo_forms *c)
{
    size_t cap = c->cap * 2;
    entry *slot = xcalloc(cap, sizeof *slot);
    for (size_t i = 0; i < c->cap; i++)
        if (c->slot[i].name)
            *find(slot, cap, c->slot[i].name, c->slot[i].person) = c->slot[i];
    free(c->slot);
    c->slot = slot;
    c->cap = cap;
}

const demo_name_forms *demo_forms_get(demo_forms *c, const char *name, int person)
{
    entry *e = find(c->slot, c->cap, name, person);
    if (e->name)
        return &e->f;
    if (c->used + 1 > c->cap / 2) {
        grow(c);
        e = find(c->slot, c->cap, name, person);
    }
    e->name = xstrdup(name);
    e->person = person;
    e->f.clean = text_clean(name);
    if (!e->f.clean)
        e->f.clean = xstrdup("");
    e->f.fold = text_fold(e->f.clean);
    e->f.key = person ? text_name_sort_key(e->f.clean) : text_sort_key(e->f.clean);
    c->used++;
    return &e->f;
}
