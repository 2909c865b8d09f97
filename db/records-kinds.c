/* records-kinds.c — the kinds of record lists (areas, teams, members) in one
 * table, and a walk through every record of one of them. */
#include "records.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The pages of each kind, over untyped rows. */
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

static int member_rows(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit, void *rows,
                       cdtt_err *e)
{
    return member_page(db, f, pos, dir, limit, rows, e);
}

#define ROWS(type, name, place) \
    sizeof(type), offsetof(type, uuid), offsetof(type, name), offsetof(type, sort_key), place

static const record_list KINDS[] = {
    {"area", "areas", ROWS(area_rec, name, 0), area_rows, area_count},
    {"team", "teams", ROWS(team_rec, name, offsetof(team_rec, area_name)), team_rows, team_count},
    {"member", "members", ROWS(member_rec, full_name, 0), member_rows, member_count},
};
#define N_KINDS (sizeof KINDS / sizeof KINDS[0])

const record_list *record_list_of(const char *name)
{
    for (size_t i = 0; name && i < N_KINDS; i++)
        if (strcmp(KINDS[i].table, name) == 0 || strcmp(KINDS[i].plural, name) == 0)
            return &KINDS[i];
    return NULL;
}

const record_list *record_list_next(const record_list *k)
{
    size_t i = k ? (size_t)(k - KINDS) + 1 : 0;
    return i < N_KINDS ? &KINDS[i] : NULL;
}

/* Rows read at once by record_list_each. */
#define EACH_PAGE 200

long long record_list_each(sqlite3 *db, const record_list *k, const list_filter *f,
                           int (*each)(void *ctx, const void *row), void *ctx, cdtt_err *e)
{
    char *rows = xcalloc(EACH_PAGE, k->row_size);
    list_pos pos;
    long long done = 0;
    int n, have_pos = 0, stop = 0;
    while (!stop && (n = k->page(db, f, have_pos ? &pos : NULL, 1, EACH_PAGE, rows, e)) > 0) {
        for (int i = 0; i < n && !stop; i++, done++)
            stop = each(ctx, rows + (size_t)i * k->row_size);
        const char *last = rows + (size_t)(n - 1) * k->row_size;
        snprintf(pos.uuid, sizeof pos.uuid, "%s", last + k->off_uuid);
        snprintf(pos.sort_key, sizeof pos.sort_key, "%s", last + k->off_key);
        have_pos = 1;
        if (n < EACH_PAGE)
            break;
    }
    free(rows);
    return !stop && n < 0 ? -1 : done;
}
