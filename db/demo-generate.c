/* demo-generate.c — writing a demo generation into a database: for each
 * commune, in one transaction, its villages or residential groups, a
 * commune-level team and one team per area, the members and their roles,
 * training sessions with attendance, and the teams' activities. */
#include "demo.h"
#include "check.h"
#include "demo-place.h"
#include "demo-internal.h"
#include "db.h"
#include "office.h"
#include "schema.h"
#include "text.h"
#include "units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every generated record carries this time: the content must not depend on
 * when the generator ran. */
#define DEMO_STAMP "2025-09-30T08:00:00.000Z"
/* Members per team (340,000 members in 74,000 teams) and per commune. */
#define MEMBERS_PER_TEAM 4.6
#define MEMBERS_PER_COMMUNE 102
/* In a bulk load, about this many members go into one transaction. */
#define BULK_BATCH 50000
/* A bulk load of at least this many members gives the file pages of BIG_PAGE
 * bytes: at 340,000 members an eighth less processor time than with SQLite's
 * 4,096 (fewer pages to balance, cache and write), where a small file (and
 * the packages exported from it, which take its page size) would grow. */
#define BIG_PAGE_FROM 50000
#define BIG_PAGE 16384

enum { ST_AREA, ST_TEAM, ST_MEMBER, ST_MEMBERSHIP, ST_SESSION, ST_ATTENDANCE, ST_ACTIVITY, ST_N };

/* Each table written and the columns given, texts first: the values of an
 * insert() follow this order. The other columns take their defaults. */
static const struct {
    const char *table, *columns;
} WRITTEN[ST_N] = {
    {"area", "uuid, unit_scheme, unit_code, kind, name, name_fold, sort_key, created_at, updated_at, changed_by, "
             "version"},
    {"team", "uuid, unit_scheme, unit_code, level, area_uuid, name, name_fold, sort_key, decision_no, "
             "decision_date, decision_issuer, created_at, updated_at, changed_by, version"},
    {"member", "uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, gender, birth, phone, cccd, email, "
               "category, consent_date, mooc_status, mooc_date, zalo_date, created_at, updated_at, changed_by, "
               "youth_union, consent, version"},
    {"membership", "uuid, team_uuid, member_uuid, role, date_from, created_at, updated_at, changed_by, version"},
    {"training_session", "uuid, unit_scheme, unit_code, date, place, organiser, topic, created_at, updated_at, "
                         "changed_by, version"},
    {"attendance", "uuid, session_uuid, member_uuid, created_at, updated_at, changed_by, version"},
    {"activity", "uuid, team_uuid, date, type, created_at, updated_at, changed_by, people, households, version"},
};

typedef struct {
    sqlite3 *db;
    demo_table *tab[ST_N];
    char office[32];   /* changed_by of every record */
    uint64_t uuid_salt; /* from the office: two offices' demos with one seed share no uuid */
    long next_person;  /* numbers people across the generation (unique phones) */
    demo_forms *forms; /* the names' stored forms, each worked out once */
    demo_derived *derived; /* the derived tables' figures, in a bulk load (else NULL) */
    demo_counts n;
    cdtt_err *e;
} gen;

/* Writes a row of table which: texts (NULL or "" as NULL) for its first n
 * columns, then ints, and version 1 (every demo record is at version 1).
 * Returns 0, or -1 with g->e set. */
static int insert(gen *g, int which, const char *const *texts, int n, const long *ints, int n_ints)
{
    long with_version[4];
    if (n_ints > 3)
        return err_set(g->e, _("cannot write the demo data"));
    for (int i = 0; i < n_ints; i++)
        with_version[i] = ints[i];
    with_version[n_ints] = 1;
    return demo_table_insert(g->tab[which], texts, n, with_version, n_ints + 1, g->e);
}

/* Writes a member and its membership of team with role (team: its number in
 * g->derived); fills uuid. */
static int add_member(gen *g, demo_rng *r, const demo_commune *c, const char *team_uuid, long team,
                      const char *level, const char *role, const char *date_from, char uuid[37])
{
    demo_person p;
    demo_person_make(r, g->next_person++, role, level, g->forms, &p);
    demo_rng_uuid(r, uuid);
    const char *m[] = {uuid, c->scheme, c->code, p.name->clean, p.name->fold, p.name->key, p.gender,
                       p.birth, p.phone, p.cccd, p.email, p.category, p.consent_date, p.mooc_status,
                       p.mooc_date, p.zalo_date, DEMO_STAMP, DEMO_STAMP, g->office};
    const long flags[] = {p.youth_union, p.consent};
    if (insert(g, ST_MEMBER, m, 19, flags, 2) < 0)
        return -1;
    char ms_uuid[37];
    demo_rng_uuid(r, ms_uuid);
    const char *ms[] = {ms_uuid, team_uuid, uuid, role, date_from, DEMO_STAMP, DEMO_STAMP, g->office};
    if (insert(g, ST_MEMBERSHIP, ms, 8, NULL, 0) < 0)
        return -1;
    demo_derived_member(g->derived, team, &p);
    demo_derived_name(g->derived, DEMO_MEMBER, p.name);
    g->n.members++;
    g->n.memberships++;
    return 0;
}

/* Writes a team (and its area, unless a commune-level team) with size members:
 * one leader, one or two deputies, members. Member uuids go to uuids[0..size),
 * the team's number in g->derived to teams[0..size). */
static int add_team(gen *g, demo_rng *r, const demo_commune *c, const char *area_kind,
                    const char *area_name, int size, char (*uuids)[37], long *teams)
{
    char area_uuid[37] = "", team_uuid[37], name[512];
    const char *level = "commune";
    if (area_name) {
        const demo_name_forms *f = demo_forms_get(g->forms, area_name, 0);
        demo_rng_uuid(r, area_uuid);
        const char *a[] = {area_uuid, c->scheme, c->code, area_kind, f->clean, f->fold, f->key,
                           DEMO_STAMP, DEMO_STAMP, g->office};
        if (insert(g, ST_AREA, a, 10, NULL, 0) < 0)
            return -1;
        demo_derived_name(g->derived, DEMO_AREA, f);
        g->n.areas++;
        level = strcmp(area_kind, "to_dan_pho") == 0 || strcmp(area_kind, "khu_pho") == 0 ? "group"
                                                                                           : "village";
    }
    snprintf(name, sizeof name, "Tổ CNSCĐ %s", area_name ? area_name : c->name);
    char decision_no[32], decision_date[11], issuer[300];
    snprintf(decision_no, sizeof decision_no, "%d/QĐ-UBND", demo_rng_range(r, 1, 250));
    demo_date(demo_rng_range(r, 73, 545), decision_date); /* 2022-03-15 … 2023-06-30 */
    snprintf(issuer, sizeof issuer, "UBND %s", c->name);
    const demo_name_forms *f = demo_forms_get(g->forms, name, 0);
    demo_rng_uuid(r, team_uuid);
    const char *t[] = {team_uuid, c->scheme, c->code, level, area_uuid, f->clean, f->fold, f->key,
                       decision_no, decision_date, issuer, DEMO_STAMP, DEMO_STAMP, g->office};
    if (insert(g, ST_TEAM, t, 14, NULL, 0) < 0)
        return -1;
    g->n.teams++;
    long team = demo_derived_team(g->derived, team_uuid, decision_date);
    demo_derived_name(g->derived, DEMO_TEAM, f);
    int deputies = size >= 6 && demo_rng_chance(r, 500) ? 2 : 1;
    for (int i = 0; i < size; i++) {
        const char *role = i == 0 ? "leader" : i <= deputies ? "deputy" : "member";
        teams[i] = team;
        if (add_member(g, r, c, team_uuid, team, level, role, decision_date, uuids[i]) < 0)
            return -1;
    }
    /* What the team did: aggregate counts only. */
    for (int k = demo_rng_range(r, 0, 3); k > 0; k--) {
        char uuid[37], date[11];
        demo_rng_uuid(r, uuid);
        demo_date(demo_rng_range(r, 250, 1368), date);
        const char *a[] = {uuid, team_uuid, date, demo_pick_weighted(r, DEMO_ACTIVITY_TYPES),
                           DEMO_STAMP, DEMO_STAMP, g->office};
        long people = demo_rng_range(r, 5, 150);
        const long counts[] = {people, demo_rng_range(r, (int)people / 4 + 1, (int)people)};
        if (insert(g, ST_ACTIVITY, a, 7, counts, 2) < 0)
            return -1;
        g->n.activities++;
    }
    return 0;
}

/* Splits m members over t teams: a commune-level team of 5–9 first, then
 * village teams of about m/t each, at least 2, unevenly. */
static void team_sizes(demo_rng *r, int m, int t, int *size)
{
    if (t == 1) {
        size[0] = m;
        return;
    }
    size[0] = demo_rng_range(r, 5, 9);
    if (size[0] > m - 2 * (t - 1))
        size[0] = m - 2 * (t - 1);
    int rest = m - size[0];
    for (int i = 1; i < t; i++)
        size[i] = rest / (t - 1) + (i - 1 < rest % (t - 1));
    for (int k = 0; k < t; k++) {
        int from = demo_rng_range(r, 1, t - 1), to = demo_rng_range(r, 1, t - 1);
        if (size[from] > 3) {
            size[from]--;
            size[to]++;
        }
    }
}

/* Training sessions of commune c; about 70% of its members (members[i] of
 * team teams[i] in g->derived) attended one. */
static int add_training(gen *g, demo_rng *r, const demo_commune *c, char (*members)[37], const long *teams, int m)
{
    int s = 1 + m / 60;
    if (s > 4)
        s = 4;
    char (*sessions)[37] = xmalloc((size_t)s * sizeof *sessions);
    char (*dates)[11] = xmalloc((size_t)s * sizeof *dates);
    int rc = 0;
    for (int i = 0; i < s && rc == 0; i++) {
        char *date = dates[i], place[300];
        demo_date(demo_rng_range(r, 250, 1368), date);
        snprintf(place, sizeof place, "Hội trường UBND %s", c->name);
        demo_rng_uuid(r, sessions[i]);
        const char *v[] = {sessions[i], c->scheme, c->code, date, place,
                           demo_pick(r, DEMO_ORGANISERS), demo_pick(r, DEMO_TRAINING_TOPICS),
                           DEMO_STAMP, DEMO_STAMP, g->office};
        rc = insert(g, ST_SESSION, v, 10, NULL, 0);
        g->n.sessions++;
        demo_derived_session(g->derived, date);
    }
    for (int i = 0; i < m && rc == 0; i++) {
        if (!demo_rng_chance(r, 700))
            continue;
        char uuid[37];
        demo_rng_uuid(r, uuid);
        int k = (int)demo_rng_below(r, (uint32_t)s);
        const char *v[] = {uuid, sessions[k], members[i], DEMO_STAMP, DEMO_STAMP, g->office};
        rc = insert(g, ST_ATTENDANCE, v, 6, NULL, 0);
        g->n.attendance++;
        if (rc == 0) /* a member attends once at most */
            demo_derived_attended(g->derived, teams[i], dates[k]);
    }
    free(sessions);
    free(dates);
    return rc;
}

/* A number made from the office key (FNV-1a), mixed into the uuids: demo files
 * of two offices made with the same seed then hold no record in common. */
static uint64_t office_salt(const char *office)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char *p = (const unsigned char *)office; *p; p++)
        h = (h ^ *p) * 0x100000001b3ULL;
    return h;
}

/* Every demo record is at version 1: the office clock starts there (in a
 * transaction of its own unless one is open). Returns 0 or -1 with e set. */
static int start_clock(sqlite3 *db, cdtt_err *e)
{
    int own = sqlite3_get_autocommit(db);
    if (own && db_begin(db, e) < 0)
        return -1;
    if (db_exec(db, "UPDATE office SET clock = max(clock, 1) WHERE id = 1", e) < 0) {
        if (own)
            db_rollback(db);
        return -1;
    }
    return own ? db_commit(db, e) : 0;
}

/* Writes commune c with m members, inside the caller's transaction. */
static int add_commune(gen *g, uint64_t seed, long index, long *first_record, const demo_commune *c, int m)
{
    demo_rng r;
    demo_rng_seed(&r, seed ^ ((uint64_t)(index + 1) * 0xd1b54a32d192ed03ULL));
    /* A commune's records number at most about 7 per member (plus teams, areas, sessions). */
    demo_rng_uuid_start(&r, seed ^ g->uuid_salt, (uint64_t)(*first_record));
    *first_record += 16 + 8L * m;
    int t = (int)(m / MEMBERS_PER_TEAM + 0.5);
    if (t < 1 || m < 3)
        t = 1;
    int *size = xmalloc((size_t)t * sizeof *size);
    team_sizes(&r, m, t, size);
    char (*members)[37] = xmalloc((size_t)m * sizeof *members);
    long *teams = xmalloc((size_t)m * sizeof *teams);
    demo_counts before = g->n;
    int named = demo_rng_chance(&r, 300), rc = 0, done = 0;
    for (int i = 0; i < t && rc == 0; i++) {
        char area_name[256];
        const char *kind = NULL;
        if (i > 0) {
            kind = demo_area_kind(&r, c);
            demo_area_name(kind, named, i - 1, area_name, sizeof area_name);
        }
        rc = add_team(g, &r, c, kind, i > 0 ? area_name : NULL, size[i], members + done, teams + done);
        done += size[i];
    }
    if (rc == 0)
        rc = add_training(g, &r, c, members, teams, m);
    const long live[DEMO_LISTS] = {g->n.areas - before.areas, g->n.teams - before.teams,
                                   g->n.members - before.members};
    if (rc == 0)
        demo_derived_tally(g->derived, c->scheme, c->code, live);
    free(teams);
    free(members);
    free(size);
    return rc;
}

/* Sets an office when the file has none: the province, or the whole country.
 * Otherwise narrows the generation to the office's province, district or
 * commune (scope gets its code, scope_name its name; "" for the country). */
static int settle_office(sqlite3 *db, demo_opts *o, char scope[12], char scope_name[512], cdtt_err *e)
{
    office_rec off;
    snprintf(scope, 12, "%s", o->province);
    scope_name[0] = '\0';
    if (office_get(db, &off) == 0) {
        if (strcmp(off.level, "national") != 0 && !o->province[0]) {
            snprintf(o->scheme, sizeof o->scheme, "%s", off.scheme);
            snprintf(scope, 12, "%s", off.code);
            snprintf(scope_name, 512, "%s", off.name);
        }
        return 0;
    }
    memset(&off, 0, sizeof off);
    snprintf(off.scheme, sizeof off.scheme, "%s", o->scheme);
    if (o->province[0]) {
        unit_rec u;
        int found = units_find(db, o->scheme, o->province, &u, e);
        if (found < 0)
            return -1;
        if (!found && units_count(db, o->scheme, -1) > 0)
            return err_set(e, _("there is no province %s in the imported %s list; see 'cdtt units list'"),
                           o->province, o->scheme);
        snprintf(off.level, sizeof off.level, "province");
        snprintf(off.code, sizeof off.code, "%s", o->province);
        if (found)
            snprintf(off.name, sizeof off.name, "%s", u.name);
        else
            snprintf(off.name, sizeof off.name, "Tỉnh %s (dữ liệu mẫu)", o->province);
    } else {
        snprintf(off.level, sizeof off.level, "national");
        snprintf(off.code, sizeof off.code, "00");
        snprintf(off.name, sizeof off.name, "Toàn quốc (dữ liệu mẫu)");
    }
    return office_set(db, &off, e);
}

/* Checks the options; fills the default scheme. */
static int check_opts(demo_opts *o, cdtt_err *e)
{
    if (!o->scheme[0])
        snprintf(o->scheme, sizeof o->scheme, "2025-07");
    if (strcmp(o->scheme, "2025-07") != 0 && strcmp(o->scheme, "pre-2025") != 0)
        return err_set(e, _("the scheme must be 2025-07 or pre-2025, not '%s'"), o->scheme);
    if (o->members < 1 || o->members > 5000000)
        return err_set(e, _("the number of members must be between 1 and 5,000,000"));
    size_t n = strlen(o->province);
    if (n && (n != 2 || strspn(o->province, "0123456789") != 2))
        return err_set(e, _("a province code has two digits, such as 01 or 79; '%s' is not one"),
                       o->province);
    return 0;
}

/* Writes the communes c[0..nc) with o->members members between them: row by
 * row, one transaction per commune (a failed commune is rolled back, earlier
 * ones stay); into a new file, one per BULK_BATCH members or so; in place, all
 * in the caller's transaction. */
static int write_communes(gen *g, const demo_opts *o, const demo_commune *c, long nc, demo_load load)
{
    long first_record = 0, pending = 0;
    int rc = 0, open = load == DEMO_IN_PLACE;
    for (long i = 0; i < nc && rc == 0; i++) {
        int m = (int)(o->members / nc + (i < o->members % nc));
        if (!open && (rc = db_begin(g->db, g->e)) < 0)
            break;
        open = 1;
        rc = add_commune(g, o->seed, i, &first_record, &c[i], m);
        pending += m;
        if (rc == 0 && load != DEMO_IN_PLACE && (load == DEMO_ROWS || pending >= BULK_BATCH || i == nc - 1)) {
            open = 0;
            pending = 0;
            rc = db_commit(g->db, g->e);
        }
        g->n.communes += rc == 0;
        if (rc == 0 && o->progress)
            o->progress(g->n.members, o->members, o->progress_arg);
    }
    if (rc < 0 && open && load != DEMO_IN_PLACE)
        db_rollback(g->db);
    return rc;
}

/* Sets counts->digest: from what the tables were fed as they were written
 * when that can be the file's content, otherwise by reading the file back. */
static int settle_digest(gen *g, demo_counts *counts)
{
    demo_lanes lanes[DEMO_TABLES_MAX];
    int fed = 1;
    for (int t = 0; SCHEMA_TRAVEL_TABLES[t]; t++) {
        const demo_lanes *l = NULL;
        for (int i = 0; i < ST_N && t < DEMO_TABLES_MAX; i++)
            if (strcmp(WRITTEN[i].table, SCHEMA_TRAVEL_TABLES[t]) == 0)
                l = demo_table_lanes(g->tab[i]);
        if (!l) {
            fed = 0;
            break;
        }
        lanes[t] = *l;
    }
    int rc = fed ? demo_digest_of_lanes(g->db, lanes, counts->digest) : demo_digest(g->db, counts->digest);
    return rc < 0 ? db_fail(g->db, g->e, _("cannot read back the demo data")) : 0;
}

int demo_generate_into(sqlite3 *db, const demo_opts *opts, demo_load load, demo_counts *counts, cdtt_err *e)
{
    int bulk = load != DEMO_ROWS;
    demo_opts o = *opts;
    err_clear(e);
    if (check_opts(&o, e) < 0)
        return -1;
    long long have = check_record_count(db);
    if (have < 0)
        return db_fail(db, e, _("cannot count the records"));
    if (have > 0)
        return err_set(e, _("this file already holds %lld records; demo data goes only into an empty "
                             "file (use --db NEW-FILE)"), have);
    char scope[12], scope_name[512];
    if (settle_office(db, &o, scope, scope_name, e) < 0)
        return -1;

    gen g = {.db = db, .e = e};
    office_key(db, g.office);
    g.uuid_salt = office_salt(g.office);
    long want = (o.members + MEMBERS_PER_COMMUNE - 1) / MEMBERS_PER_COMMUNE, nc = 0;
    demo_commune *c = demo_communes(db, o.scheme, scope, scope_name, want, &nc, &g.n.real_units, e);
    if (!c)
        return -1;
    /* While generating: a big page cache, so that row by row the indexes in
     * random order (sort keys, phones) stay in memory (a bulk load, which has
     * no such indexes, sets a small one: demo_bulk_start); no fsync (a program crash loses nothing
     * committed, a power cut may lose or damage demo data, which can be made
     * again); fewer checkpoints; CHECK constraints not evaluated row by row (the
     * generator only writes allowed values, which the tests verify with
     * PRAGMA integrity_check; SQLite builds a throw-away table for every
     * IN-list CHECK of every row). db_open's settings come back at the end. */
    int rc = db_exec(db, "PRAGMA cache_size = -262144; PRAGMA synchronous = OFF; "
                         "PRAGMA wal_autocheckpoint = 16384; PRAGMA ignore_check_constraints = ON", e);
    demo_bulk b = {0};
    if (rc == 0 && bulk)
        rc = demo_bulk_start(db, &b, load == DEMO_IN_PLACE, o.members >= BIG_PAGE_FROM ? BIG_PAGE : 0, e);
    for (int i = 0; i < ST_N && rc == 0; i++)
        if (!(g.tab[i] = demo_table_open(db, WRITTEN[i].table, WRITTEN[i].columns, e)))
            rc = -1;
    g.forms = demo_forms_new();
    g.derived = bulk ? demo_derived_new() : NULL;
    if (rc == 0)
        rc = write_communes(&g, &o, c, nc, load);
    if (rc == 0)
        rc = start_clock(db, e);
    /* The derived tables whose figures the generation gathered are filled from them, the
     * others (a derived migration this file does not know) by their migrations' SQL. */
    schema_filler own = {DEMO_DERIVED_TABLES, demo_derived_fill, g.derived};
    if (rc == 0 && bulk)
        rc = demo_bulk_finish(db, &b, &own, e);
    else if (b.one_tx) /* the load failed: none of it stays */
        db_rollback(db);
    demo_derived_free(g.derived);
    demo_forms_free(g.forms); /* after the fill: the names' counts point into it */
    if (rc == 0)
        rc = settle_digest(&g, &g.n);
    for (int i = 0; i < ST_N; i++)
        demo_table_close(g.tab[i]);
    demo_bulk_free(&b);
    sqlite3_exec(db, "PRAGMA cache_size = -2000; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 1000; "
                     "PRAGMA ignore_check_constraints = OFF; PRAGMA foreign_keys = ON; "
                     "PRAGMA journal_mode = WAL",
                 NULL, NULL, NULL);
    free(c);
    if (counts)
        *counts = g.n;
    return rc;
}

int demo_generate(sqlite3 *db, const demo_opts *o, demo_counts *counts, cdtt_err *e)
{
    return demo_generate_into(db, o, DEMO_IN_PLACE, counts, e);
}
