/* form-choices.c — pick-lists built from the database (areas, teams) for
 * choice fields, in list order. */
#include "tui-form.h"
#include "text.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define PICK_MAX 2000
#define PICK_PAGE 100

typedef int (*page_fn)(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit,
                       void *rows, cdtt_err *e);

/* area_page and team_page with untyped rows, so that one reader serves both. */
static int area_rows(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit, void *rows,
                     cdtt_err *e)
{
    return area_page(db, f, pos, dir, limit, rows, e);
}

static int team_rows(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit, void *rows,
                     cdtt_err *e)
{
    return team_page(db, f, pos, dir, limit, rows, e);
}

/* Where a kind's rows keep what a pick-list shows. */
typedef struct {
    page_fn page;
    size_t row_size, off_uuid, off_name, off_key;
    size_t off_where; /* the village of a team, shown beside a name two records share; 0 = none */
} pick_kind;

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

/* Reads every live record of kind k into a choice list, in list order; a name
 * that several records share shows where each is. */
static choice *pick_list(sqlite3 *db, const char *none_label, const pick_kind *k)
{
    list_filter flt;
    memset(&flt, 0, sizeof flt);
    char *all = NULL;
    int n_all = 0;
    list_pos pos;
    const list_pos *p = NULL;
    cdtt_err e;
    for (int got; n_all < PICK_MAX;) {
        all = xrealloc(all, (size_t)(n_all + PICK_PAGE) * k->row_size);
        char *rows = all + (size_t)n_all * k->row_size;
        if ((got = k->page(db, &flt, p, 1, PICK_PAGE, rows, &e)) <= 0)
            break;
        n_all += got;
        const char *last = rows + (size_t)(got - 1) * k->row_size;
        snprintf(pos.sort_key, sizeof pos.sort_key, "%s", last + k->off_key);
        snprintf(pos.uuid, sizeof pos.uuid, "%s", last + k->off_uuid);
        p = &pos;
        if (got < PICK_PAGE)
            break;
    }
    char **keys = xcalloc((size_t)n_all + 1, sizeof *keys);
    for (int i = 0; k->off_where && i < n_all; i++) /* only where a shared name is told apart */
        keys[i] = text_name_key(all + (size_t)i * k->row_size + k->off_name);
    choice *l = NULL;
    int n = 0;
    char *shared = xcalloc((size_t)n_all + 1, 1);
    if (k->off_where)
        shared_names(keys, n_all, shared);
    add(&l, &n, "", none_label ? none_label : "—", "");
    for (int i = 0; i < n_all; i++) {
        const char *row = all + (size_t)i * k->row_size;
        const char *where = shared[i] ? row + k->off_where : "";
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
    static const pick_kind AREAS = {area_rows, sizeof(area_rec), offsetof(area_rec, uuid),
                                    offsetof(area_rec, name), offsetof(area_rec, sort_key), 0};
    return pick_list(db, none_label, &AREAS);
}

choice *choices_teams(sqlite3 *db, const char *none_label)
{
    static const pick_kind TEAMS = {team_rows, sizeof(team_rec), offsetof(team_rec, uuid),
                                    offsetof(team_rec, name), offsetof(team_rec, sort_key),
                                    offsetof(team_rec, area_name)};
    return pick_list(db, none_label, &TEAMS);
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
