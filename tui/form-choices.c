/* form-choices.c — pick-lists built from the database (areas, teams) for
 * choice fields, in list order. */
#include "tui-form.h"

#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define PICK_MAX 2000
#define PICK_PAGE 100

typedef int (*page_fn)(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit,
                       void *rows, cdtt_err *e);

/* Appends an entry whose code and labels are copies of uuid and name. */
static void add(choice **l, int *n, const char *uuid, const char *name)
{
    *l = xrealloc(*l, sizeof(choice) * (size_t)(*n + 2));
    char *label = xstrdup(name);
    (*l)[*n].code = xstrdup(uuid);
    (*l)[*n].vi = label;
    (*l)[*n].en = label;
    (*n)++;
    memset(&(*l)[*n], 0, sizeof(choice));
}

/* Reads every live record through page (rows of row_size bytes with uuid,
 * name and sort_key at the given offsets) into a choice list. */
static choice *pick_list(sqlite3 *db, const char *none_label, page_fn page, size_t row_size,
                         size_t off_uuid, size_t off_name, size_t off_key)
{
    choice *l = NULL;
    int n = 0;
    add(&l, &n, "", none_label ? none_label : "—");
    list_filter flt;
    memset(&flt, 0, sizeof flt);
    char *rows = xcalloc(PICK_PAGE, row_size);
    list_pos pos;
    const list_pos *p = NULL;
    cdtt_err e;
    for (int got; n < PICK_MAX && (got = page(db, &flt, p, 1, PICK_PAGE, rows, &e)) > 0;) {
        for (int i = 0; i < got; i++)
            add(&l, &n, rows + (size_t)i * row_size + off_uuid, rows + (size_t)i * row_size + off_name);
        const char *last = rows + (size_t)(got - 1) * row_size;
        snprintf(pos.sort_key, sizeof pos.sort_key, "%s", last + off_key);
        snprintf(pos.uuid, sizeof pos.uuid, "%s", last + off_uuid);
        p = &pos;
        if (got < PICK_PAGE)
            break;
    }
    free(rows);
    return l;
}

choice *choices_areas(sqlite3 *db, const char *none_label)
{
    return pick_list(db, none_label, (page_fn)area_page, sizeof(area_rec), offsetof(area_rec, uuid),
                     offsetof(area_rec, name), offsetof(area_rec, sort_key));
}

choice *choices_teams(sqlite3 *db, const char *none_label)
{
    return pick_list(db, none_label, (page_fn)team_page, sizeof(team_rec), offsetof(team_rec, uuid),
                     offsetof(team_rec, name), offsetof(team_rec, sort_key));
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
