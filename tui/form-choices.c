/* form-choices.c — pick-lists built from the database (areas, teams) for
 * choice fields, in list order. */
#include "tui-form.h"
#include "text.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define PICK_MAX 2000
#define PICK_PAGE 100 /* rows added to a pick-list's array at a time */

/* Appends an entry whose code is a copy of uuid and whose label is name, or
 * "name (where)" when where is not empty. */
static void add(choice **l, int *n, const char *uuid, const char *name, const char *where)
{
    *l = xrealloc(*l, sizeof(choice) * (size_t)(*n + 2));
    size_t len = strlen(name) + strlen(where) + 4;
    char *label = xmalloc(len);
    snprintf(label, len, where[0] ? "%s (%s)" : "%s", name, where);
    (*l)[*n].code = xstrdup(uuid);
    (*l)[*n].vi = label;
    (*l)[*n].en = label;
    (*n)++;
    memset(&(*l)[*n], 0, sizeof(choice));
}

/* The keys being sorted by shared_names (qsort has no context argument). */
static char *const *sort_keys;

static int by_key(const void *a, const void *b)
{
    return strcmp(sort_keys[*(const int *)a], sort_keys[*(const int *)b]);
}

/* shared[i] = 1 when the name of row i is also the name of another row of
 * keys[0..n) (by name identity), else 0. */
static void shared_names(char *const *keys, int n, char *shared)
{
    int *order = xcalloc((size_t)n + 1, sizeof *order);
    for (int i = 0; i < n; i++)
        order[i] = i;
    sort_keys = keys;
    qsort(order, (size_t)n, sizeof *order, by_key);
    memset(shared, 0, (size_t)n);
    for (int i = 1; i < n; i++)
        if (strcmp(keys[order[i]], keys[order[i - 1]]) == 0)
            shared[order[i]] = shared[order[i - 1]] = 1;
    free(order);
}

/* The rows a pick-list has read so far. */
typedef struct {
    const record_list *k;
    char *rows;
    int n;
} picked;

/* Keeps one row (a record_list_each callback); stops at PICK_MAX rows. */
static int pick(void *ctx, const void *row)
{
    picked *p = ctx;
    if (p->n % PICK_PAGE == 0)
        p->rows = xrealloc(p->rows, (size_t)(p->n + PICK_PAGE) * p->k->row_size);
    memcpy(p->rows + (size_t)p->n++ * p->k->row_size, row, p->k->row_size);
    return p->n >= PICK_MAX;
}

/* Reads every live record of kind k into a choice list, in list order; a name
 * that several records share shows where each is (k->off_place). */
static choice *pick_list(sqlite3 *db, const char *none_label, const record_list *k)
{
    list_filter flt;
    memset(&flt, 0, sizeof flt);
    picked p = {k, NULL, 0};
    cdtt_err e;
    record_list_each(db, k, &flt, pick, &p, &e);
    char *all = p.rows;
    int n_all = p.n;
    char **keys = xcalloc((size_t)n_all + 1, sizeof *keys);
    for (int i = 0; k->off_place && i < n_all; i++) /* only where a shared name is told apart */
        keys[i] = text_name_key(all + (size_t)i * k->row_size + k->off_name);
    choice *l = NULL;
    int n = 0;
    char *shared = xcalloc((size_t)n_all + 1, 1);
    if (k->off_place)
        shared_names(keys, n_all, shared);
    add(&l, &n, "", none_label ? none_label : "—", "");
    for (int i = 0; i < n_all; i++) {
        const char *row = all + (size_t)i * k->row_size;
        const char *where = shared[i] ? row + k->off_place : "";
        add(&l, &n, row + k->off_uuid, row + k->off_name, where);
    }
    for (int i = 0; i < n_all; i++)
        free(keys[i]);
    free(keys);
    free(shared);
    free(all);
    return l;
}

choice *choices_areas(sqlite3 *db, const char *none_label)
{
    return pick_list(db, none_label, record_list_of("area"));
}

choice *choices_teams(sqlite3 *db, const char *none_label)
{
    return pick_list(db, none_label, record_list_of("team"));
}

void choices_free(choice *c)
{
    if (!c)
        return;
    for (int i = 0; c[i].code; i++) {
        free((char *)c[i].code);
        free((char *)c[i].vi);
    }
    free(c);
}
