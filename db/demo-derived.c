/* demo-derived.c — the figures of the derived tables a bulk load of demo data
 * knows as it writes its rows (the live counts per commune, the teams'
 * training figures, the lists' distinct names), gathered during the load and
 * written once the tables are created (schema_local_build), instead of the
 * migrations' SQL reading every record again. What each table holds is the
 * migration's own definition (db/schema.c: migrations 2, 7 and 8), for the
 * rows a generation writes: every record live, every membership open. */
#include "demo-internal.h"
#include "db.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The lists of list_name and live_tally, in demo_list order. */
static const char *const LIST_TABLE[DEMO_LISTS] = {"area", "team", "member"};

/* One commune's live records per list (live_tally). */
typedef struct {
    char scheme[12], code[8];
    long n[DEMO_LISTS];
} tally;

/* One team's training figures (team_training) and its members' start date. */
typedef struct {
    char uuid[37];
    char date_from[11];
    long members, mooc, zalo, attendees;
} team_figures;

/* A name's forms and how many records of each list were written with them
 * (list_name); an open-addressing table keyed by the forms' address. */
typedef struct {
    const demo_name_forms *f; /* NULL: an empty slot */
    long n[DEMO_LISTS];
} name_count;

struct demo_derived {
    tally *tallies;
    long n_tallies;
    team_figures *teams;
    long n_teams, cap_teams;
    name_count *names;
    size_t cap_names, n_names; /* cap a power of two, n_names <= cap / 2 */
    char latest[11];           /* the latest date any record carries, "" for none */
};

demo_derived *demo_derived_new(void)
{
    demo_derived *d = xcalloc(1, sizeof *d);
    d->cap_names = 4096;
    d->names = xcalloc(d->cap_names, sizeof *d->names);
    return d;
}

void demo_derived_free(demo_derived *d)
{
    if (!d)
        return;
    free(d->tallies);
    free(d->teams);
    free(d->names);
    free(d);
}

/* Raises d's latest date to date (NULL and "" are no date). */
static void raise_latest(demo_derived *d, const char *date)
{
    if (date && strcmp(date, d->latest) > 0)
        snprintf(d->latest, sizeof d->latest, "%s", date);
}

void demo_derived_tally(demo_derived *d, const char *scheme, const char *code, const long n[DEMO_LISTS])
{
    if (!d)
        return;
    d->tallies = xrealloc(d->tallies, (size_t)(d->n_tallies + 1) * sizeof *d->tallies);
    tally *t = &d->tallies[d->n_tallies++];
    snprintf(t->scheme, sizeof t->scheme, "%s", scheme);
    snprintf(t->code, sizeof t->code, "%s", code);
    memcpy(t->n, n, sizeof t->n);
}

/* The slot of forms f in table s of cap slots: where it is, or the empty one where it goes. */
static name_count *name_slot(name_count *s, size_t cap, const demo_name_forms *f)
{
    uint64_t h = (uint64_t)(uintptr_t)f * 0x9e3779b97f4a7c15ULL;
    size_t i = (size_t)(h >> 20) & (cap - 1);
    while (s[i].f && s[i].f != f)
        i = (i + 1) & (cap - 1);
    return &s[i];
}

void demo_derived_name(demo_derived *d, demo_list list, const demo_name_forms *f)
{
    if (!d)
        return;
    name_count *s = name_slot(d->names, d->cap_names, f);
    if (!s->f) {
        if (d->n_names + 1 > d->cap_names / 2) {
            size_t cap = d->cap_names * 2;
            name_count *bigger = xcalloc(cap, sizeof *bigger);
            for (size_t i = 0; i < d->cap_names; i++)
                if (d->names[i].f)
                    *name_slot(bigger, cap, d->names[i].f) = d->names[i];
            free(d->names);
            d->names = bigger;
            d->cap_names = cap;
            s = name_slot(d->names, cap, f);
        }
        s->f = f;
        d->n_names++;
    }
    s->n[list]++;
}

long demo_derived_team(demo_derived *d, const char *uuid, const char *date_from)
{
    if (!d)
        return -1;
    if (d->n_teams == d->cap_teams) {
        d->cap_teams = d->cap_teams ? 2 * d->cap_teams : 1024;
        d->teams = xrealloc(d->teams, (size_t)d->cap_teams * sizeof *d->teams);
    }
    team_figures *t = &d->teams[d->n_teams];
    memset(t, 0, sizeof *t);
    snprintf(t->uuid, sizeof t->uuid, "%s", uuid);
    snprintf(t->date_from, sizeof t->date_from, "%s", date_from ? date_from : "");
    raise_latest(d, date_from); /* the team's decision date, and its memberships' start */
    return d->n_teams++;
}

void demo_derived_member(demo_derived *d, long team, const demo_person *p)
{
    if (!d)
        return;
    team_figures *t = &d->teams[team];
    t->members++;
    t->mooc += strcmp(p->mooc_status, "completed") == 0;
    t->zalo += p->zalo_date[0] != '\0';
    raise_latest(d, p->mooc_date);
    raise_latest(d, p->zalo_date);
}

void demo_derived_session(demo_derived *d, const char *date)
{
    if (d)
        raise_latest(d, date);
}

void demo_derived_attended(demo_derived *d, long team, const char *date)
{
    if (!d)
        return;
    team_figures *t = &d->teams[team];
    /* A member counts from the day the membership began (PSQL_TRAINED_CTE's rule). */
    if (!t->date_from[0] || strcmp(t->date_from, date) <= 0)
        t->attendees++;
}

/* Steps st (its values bound) and resets it; 0, or -1 with e set. */
static int step(sqlite3 *db, sqlite3_stmt *st, cdtt_err *e)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot write the demo data"));
}

static int fill_tally(sqlite3 *db, const demo_derived *d, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO live_tally (tbl, unit_scheme, unit_code, n) VALUES (?1, ?2, ?3, ?4) "
                                      "ON CONFLICT DO UPDATE SET n = n + excluded.n", e);
    int rc = st ? 0 : -1;
    for (long i = 0; i < d->n_tallies && rc == 0; i++)
        for (int l = 0; l < DEMO_LISTS && rc == 0; l++) {
            if (d->tallies[i].n[l] == 0)
                continue; /* the migration counts only communes that have such records */
            sqlite3_bind_text(st, 1, LIST_TABLE[l], -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, d->tallies[i].scheme, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, d->tallies[i].code, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 4, d->tallies[i].n[l]);
            rc = step(db, st, e);
        }
    sqlite3_finalize(st);
    return rc;
}

static int fill_team_training(sqlite3 *db, const demo_derived *d, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO team_training (team_uuid, members, mooc, zalo, attendees) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5)", e);
    int rc = st ? 0 : -1;
    for (long i = 0; i < d->n_teams && rc == 0; i++) {
        const team_figures *t = &d->teams[i];
        sqlite3_bind_text(st, 1, t->uuid, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, t->members);
        sqlite3_bind_int64(st, 3, t->mooc);
        sqlite3_bind_int64(st, 4, t->zalo);
        sqlite3_bind_int64(st, 5, t->attendees);
        rc = step(db, st, e);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Orders names by sort key, then folded name: list_name's order within a list. */
static int by_key(const void *a, const void *b)
{
    const demo_name_forms *x = ((const name_count *)a)->f, *y = ((const name_count *)b)->f;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->fold, y->fold);
}

static int fill_list_name(sqlite3 *db, const demo_derived *d, cdtt_err *e)
{
    /* The names in the table's order, so that every row goes in at its end; two forms with one
     * sort key and folded name (names that differ only in case or tone placement) add up. */
    name_count *sorted = xmalloc((d->n_names ? d->n_names : 1) * sizeof *sorted);
    size_t n = 0;
    for (size_t i = 0; i < d->cap_names; i++)
        if (d->names[i].f)
            sorted[n++] = d->names[i];
    qsort(sorted, n, sizeof *sorted, by_key);
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO list_name (tbl, sort_key, name_fold, n) VALUES (?1, ?2, ?3, ?4) "
                                      "ON CONFLICT DO UPDATE SET n = n + excluded.n", e);
    int rc = st ? 0 : -1;
    for (int l = 0; l < DEMO_LISTS && rc == 0; l++)
        for (size_t i = 0; i < n && rc == 0; i++) {
            if (sorted[i].n[l] == 0)
                continue;
            sqlite3_bind_text(st, 1, LIST_TABLE[l], -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, sorted[i].f->key, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, sorted[i].f->fold, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 4, sorted[i].n[l]);
            rc = step(db, st, e);
        }
    sqlite3_finalize(st);
    free(sorted);
    return rc;
}

const char *const DEMO_DERIVED_TABLES[] = {
    "live_tally", "team_training_state", "multi_member", "team_training", "list_name", NULL,
};

int demo_derived_fill(sqlite3 *db, const char *table, void *arg, cdtt_err *e)
{
    const demo_derived *d = arg;
    if (strcmp(table, "live_tally") == 0)
        return fill_tally(db, d, e);
    if (strcmp(table, "team_training_state") == 0) {
        sqlite3_stmt *st = db_prepare(db, "INSERT INTO team_training_state (id, latest) VALUES (1, ?1)", e);
        if (!st)
            return -1;
        sqlite3_bind_text(st, 1, d->latest, -1, SQLITE_STATIC);
        int rc = step(db, st, e);
        sqlite3_finalize(st);
        return rc;
    }
    if (strcmp(table, "multi_member") == 0)
        return 0; /* every member is written with one membership (add_member): nobody has two */
    if (strcmp(table, "team_training") == 0)
        return fill_team_training(db, d, e);
    if (strcmp(table, "list_name") == 0)
        return fill_list_name(db, d, e);
    return err_set(e, _("cannot write the demo data"));
}
