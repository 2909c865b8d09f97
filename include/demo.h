/* demo.h — deterministic synthetic data (communes' villages, teams, members,
 * training, activities) for training sessions and benchmarks, and a digest of
 * a file's content to compare two generations. */
#ifndef CDTT_DEMO_H
#define CDTT_DEMO_H

#include <sqlite3.h>
#include <stdint.h>
#include "cdtt.h"

typedef struct {
    long members;          /* how many members to make (>= 1) */
    uint64_t seed;         /* same seed, same options, same unit list → same content */
    char scheme[12];       /* "2025-07" (default when "") or "pre-2025" */
    char province[8];      /* province code to limit the data to, or "" for the country */
    /* Called (when not NULL) after each commune is committed, with the members written so far. */
    void (*progress)(long done, long total, void *arg);
    void *progress_arg;
} demo_opts;

typedef struct {
    long communes, areas, teams, members, memberships, sessions, attendance, activities;
    int real_units; /* 1 when the communes came from the unit table, 0 when generated */
    char digest[33]; /* demo_digest of the file once written (worked out from the rows as they were written) */
} demo_counts;


/* Fills db (which must hold no records) with synthetic data as o asks: the
 * communes of the unit table for o->scheme (and o->province) when there are
 * any, otherwise made-up communes; one commune-level team per commune and one
 * team per village or residential group, about 4.6 members a team, each team
 * with one leader and one or two deputies; training sessions with attendance
 * and activities. Sets a national (or, with o->province, provincial) office
 * when the file has none. Writes every record in one transaction, as a bulk
 * load (indexes and what triggers keep built after the data): on failure or a
 * crash none of them stays (an office it set does), and e says why.
 * Returns 0, or -1 with e set (also for a file that already has records, or
 * bad options). counts (may be NULL) gets what was written. */
int demo_generate(sqlite3 *db, const demo_opts *o, demo_counts *counts, cdtt_err *e);

/* demo_generate into a new file at path (which must not exist), faster: the
 * file is built beside path under a temporary name (path.building-XXXXXX) that
 * only this generation knows, loaded without journal or fsync and with its
 * indexes built after the data, then synced and given the name path (never
 * replacing a file that appeared there meanwhile). A failure or crash never
 * leaves a half-built file at path. The progress callback is called after each
 * commune is written. Returns 0, or -1 with e set and nothing at path. */
int demo_generate_new_file(const char *path, const demo_opts *o, demo_counts *counts, cdtt_err *e);

/* A digest (32 hex digits + NUL) of the content of the record tables and the
 * office: equal digests mean equal rows, whatever order they were written in.
 * Returns 0, or -1 on a database error. */
int demo_digest(sqlite3 *db, char out[33]);

/* ---- parts of the generator shared between db/demo-*.c -------------------- */

/* A splitmix64 pseudo-random generator: the same state gives the same stream
 * on every machine. */
typedef struct {
    uint64_t s;
    uint64_t prefix, counter; /* for demo_rng_uuid */
} demo_rng;

/* Seeds r; different seeds give unrelated streams. */
void demo_rng_seed(demo_rng *r, uint64_t seed);
/* The next 64 random bits. */
uint64_t demo_rng_next(demo_rng *r);
/* A number in [0, n) (n >= 1). */
uint32_t demo_rng_below(demo_rng *r, uint32_t n);
/* A number in [lo, hi]. */
int demo_rng_range(demo_rng *r, int lo, int hi);
/* True with probability permille/1000. */
int demo_rng_chance(demo_rng *r, int permille);
/* A version-4-shaped UUID (36 chars + NUL): 16 bits from the seed given to
 * demo_rng_uuid_start, then a counter, so successive uuids increase, then
 * random bits from the generator. */
void demo_rng_uuid(demo_rng *r, char out[37]);
/* Starts r's uuids: prefix from seed, counter from counter. */
void demo_rng_uuid_start(demo_rng *r, uint64_t seed, uint64_t counter);

/* An entry of a weighted list: text and its weight (any positive scale). */
typedef struct {
    const char *text;
    int weight;
} demo_weighted;

/* Picks an entry of list (ended by text NULL) with probability proportional to weight. */
const char *demo_pick_weighted(demo_rng *r, const demo_weighted *list);
/* Picks one string of a NULL-terminated list, uniformly. */
const char *demo_pick(demo_rng *r, const char *const *list);
/* The number of entries of a NULL-terminated list. */
int demo_list_len(const char *const *list);

/* Name tables (db/demo-names.c). */
extern const demo_weighted DEMO_FAMILY_NAMES[];
extern const demo_weighted DEMO_MIDDLE_MALE[];
extern const demo_weighted DEMO_MIDDLE_FEMALE[];
extern const char *const DEMO_GIVEN_MALE[];
extern const char *const DEMO_GIVEN_FEMALE[];
extern const char *const DEMO_PLACE_WORDS[];     /* for named villages and made-up communes */
extern const char *const DEMO_MOBILE_PREFIXES[]; /* three digits: "032" … */
extern const char *const DEMO_CCCD_PROVINCES[];  /* three digits: "001" … */
extern const demo_weighted DEMO_CATEGORIES[];    /* member categories, ordinary members */
extern const demo_weighted DEMO_ACTIVITY_TYPES[];
extern const char *const DEMO_TRAINING_TOPICS[];
extern const char *const DEMO_ORGANISERS[];

/* The stored forms of a name, as records compute them: text_clean, text_fold,
 * and text_name_sort_key (a person) or text_sort_key (a place or team). */
typedef struct {
    char *clean, *fold, *key;
} demo_name_forms;

/* A memo of name forms (db/demo-forms.c): each distinct name is worked out once. */
typedef struct demo_forms demo_forms;
demo_forms *demo_forms_new(void);
/* Frees the memo and every form it handed out (NULL is fine). */
void demo_forms_free(demo_forms *c);
/* The forms of name (person: a person's name); the same as computing them
 * directly, valid until demo_forms_free. */
const demo_name_forms *demo_forms_get(demo_forms *c, const char *name, int person);
/* demo_forms_get of the person's name "family middle given", found by the
 * three strings themselves: each must always be the same string of a
 * constant table for the same text (as demo_pick gives them). */
const demo_name_forms *demo_forms_person(demo_forms *c, const char *family, const char *middle, const char *given);

/* One synthetic person, in stored forms (see member_rec in records.h). */
typedef struct {
    const char *gender;   /* "male" or "female" */
    char birth[11];
    char phone[16];
    char cccd[16];
    char email[128];
    const char *category; /* a member category's stored value */
    int youth_union;
    int consent;
    char consent_date[11];
    const char *mooc_status;
    char mooc_date[11];
    char zalo_date[11];
    const demo_name_forms *name; /* the full name's stored forms, from the memo */
} demo_person;

/* Makes person number idx (idx < 10,000,000 keeps phones unique) of a
 * generation, born between 1960 and 2006. role is "leader", "deputy" or
 * "member" and level "commune" or another team level: they steer the category.
 * The name's forms come from (and go into) the memo forms. */
void demo_person_make(demo_rng *r, long idx, const char *role, const char *level, demo_forms *forms,
                      demo_person *p);

/* Writes a date "YYYY-MM-DD" day_offset days after 2022-01-01. */
void demo_date(int day_offset, char out[11]);

#endif
