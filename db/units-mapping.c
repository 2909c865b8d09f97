/* units-mapping.c — where each pre-2025 commune went on 1 July 2025, read from
 * the mapping built into the program (db/unit-lists/units-2025-07-from-pre-2025.csv:
 * one line per old and new commune), and a 2025-07 commune looked up in the
 * built-in list. Neither file has quoted fields. */
#include "units.h"

#include <stdio.h>
#include <string.h>

/* The mapping's columns that matter here. */
enum { COL_OLD_CODE = 4, COL_OLD_NAME = 5, COL_NEW_PROVINCE = 6, COL_NEW_CODE = 8, COL_NEW_NAME = 9,
       COL_DIVIDED = 10, MAP_COLS = 11 };
/* The 2025-07 list's columns. */
enum { NEW_PROVINCE_CODE = 1, NEW_NAME = 2, NEW_CODE = 3, NEW_COLS = 5 };
#define MAX_COLS 11

typedef struct {
    const char *f[MAX_COLS];
    size_t len[MAX_COLS];
} fields;

typedef void (*line_fn)(const fields *l, void *arg);

/* Splits the line [p, end) at commas into at most MAX_COLS fields. Returns how many. */
static int split_line(const char *p, const char *end, fields *l)
{
    int n = 0;
    while (n < MAX_COLS) {
        const char *c = memchr(p, ',', (size_t)(end - p));
        const char *stop = c ? c : end;
        l->f[n] = p;
        l->len[n] = (size_t)(stop - p);
        n++;
        if (!c)
            break;
        p = c + 1;
    }
    return n;
}

/* Calls fn for every line of the built-in file `what` that has ncols fields and
 * key in column key_col. */
static void scan(const char *what, int ncols, int key_col, const char *key, line_fn fn, void *arg)
{
    units_builtin_file b = units_builtin(what);
    size_t want = strlen(key);
    if (!b.data || want == 0)
        return;
    const char *p = b.data, *end = b.data + b.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        const char *line_end = stop > p && stop[-1] == '\r' ? stop - 1 : stop;
        fields l;
        if (split_line(p, line_end, &l) == ncols && l.len[key_col] == want &&
            memcmp(l.f[key_col], key, want) == 0)
            fn(&l, arg);
        p = stop + 1;
    }
}

static void copy_field(char *dst, size_t n, const fields *l, int col)
{
    size_t len = l->len[col] < n ? l->len[col] : n - 1;
    memcpy(dst, l->f[col], len);
    dst[len] = '\0';
}

/* Adds the mapping line's new commune to the crossing (unless it is there). */
static void add_target(const fields *l, void *arg)
{
    units_crossing *c = arg;
    if (!c->old_name[0])
        copy_field(c->old_name, sizeof c->old_name, l, COL_OLD_NAME);
    if (l->len[COL_DIVIDED] == strlen("Có") && memcmp(l->f[COL_DIVIDED], "Có", l->len[COL_DIVIDED]) == 0)
        c->divided = 1;
    char code[8];
    copy_field(code, sizeof code, l, COL_NEW_CODE);
    if (units_crossing_index(c, code) >= 0 || c->n >= UNITS_MAX_TARGETS)
        return;
    units_target *t = &c->to[c->n++];
    memcpy(t->code, code, sizeof t->code);
    copy_field(t->name, sizeof t->name, l, COL_NEW_NAME);
    copy_field(t->province, sizeof t->province, l, COL_NEW_PROVINCE);
}

int units_mapping_find(const char *old_code, units_crossing *c)
{
    memset(c, 0, sizeof *c);
    scan("mapping", MAP_COLS, COL_OLD_CODE, old_code, add_target, c);
    c->divided = c->divided && c->n > 1;
    return c->n > 0;
}

static void take_commune(const fields *l, void *arg)
{
    units_target *t = arg;
    copy_field(t->code, sizeof t->code, l, NEW_CODE);
    copy_field(t->name, sizeof t->name, l, NEW_NAME);
    copy_field(t->province, sizeof t->province, l, NEW_PROVINCE_CODE);
}

int units_builtin_commune(const char *code, units_target *t)
{
    memset(t, 0, sizeof *t);
    scan("2025-07", NEW_COLS, NEW_CODE, code, take_commune, t);
    return t->code[0] != '\0';
}

int units_crossing_index(const units_crossing *c, const char *new_code)
{
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->to[i].code, new_code) == 0)
            return i;
    return -1;
}
