/* demo-person.c — one synthetic member: a realistic Vietnamese name, birth
 * date, phone, sometimes a CCCD number consistent with birth and gender,
 * category, Youth Union flag, consent and training states. */
#include "demo.h"
#include "text.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes the date `days` days after 1970-01-01. */
static void civil_from_days(long z, char out[11])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    long year = y + (m <= 2);
    /* "%04ld-%02ld-%02ld" written by hand: a generation writes millions of dates. */
    long value[3] = {year, m, d};
    const int width[3] = {4, 2, 2};
    char *o = out;
    for (int p = 0; p < 3; p++) {
        for (int k = width[p] - 1; k >= 0; k--) {
            o[k] = (char)('0' + value[p] % 10);
            value[p] /= 10;
        }
        o += width[p];
        *o++ = p < 2 ? '-' : '\0';
    }
}

void demo_date(int day_offset, char out[11])
{
    civil_from_days(date_days_from_civil(2022, 1, 1) + day_offset, out);
}

/* Day offsets (from 2022-01-01) of the training plan's start and of the
 * generation's "today", 2025-09-30: fixed, so that the content never depends
 * on the day the generator runs. */
#define PLAN_START 246  /* 2022-09-04 */
#define DEMO_TODAY 1368 /* 2025-09-30 */

/* A date between the plan's start and the demo's today. */
static void plan_date(demo_rng *r, char out[11])
{
    demo_date(demo_rng_range(r, PLAN_START, DEMO_TODAY), out);
}

static void make_name(demo_rng *r, int male, demo_forms *forms, demo_person *p)
{
    const char *family = demo_pick_weighted(r, DEMO_FAMILY_NAMES);
    const char *middle = demo_pick_weighted(r, male ? DEMO_MIDDLE_MALE : DEMO_MIDDLE_FEMALE);
    const char *given = demo_pick(r, male ? DEMO_GIVEN_MALE : DEMO_GIVEN_FEMALE);
    p->name = demo_forms_person(forms, family, middle, given);
}

/* The category of a member with this role in a team of this level. */
static const char *pick_category(demo_rng *r, const char *role, const char *level)
{
    int commune = strcmp(level, "commune") == 0;
    if (strcmp(role, "leader") == 0) {
        if (commune)
            return demo_rng_chance(r, 800) ? "commune_official" : "fatherland_front";
        int x = (int)demo_rng_below(r, 100);
        return x < 70 ? "village_head" : x < 85 ? "party_secretary" : "resident";
    }
    if (strcmp(role, "deputy") == 0 && demo_rng_chance(r, 500))
        return "youth_union";
    return demo_pick_weighted(r, DEMO_CATEGORIES);
}

/* Birth year range by category: Youth Union members are young, heads older. */
static int pick_birth_year(demo_rng *r, const char *category)
{
    if (strcmp(category, "youth_union") == 0)
        return demo_rng_range(r, 1995, 2006);
    if (strcmp(category, "village_head") == 0 || strcmp(category, "party_secretary") == 0 ||
        strcmp(category, "veterans") == 0)
        return demo_rng_range(r, 1960, 1985);
    /* Two draws averaged: most members are 30–50. */
    return (demo_rng_range(r, 1962, 2006) + demo_rng_range(r, 1962, 2006)) / 2;
}

static void make_email(demo_rng *r, demo_person *p)
{
    const char *fold = p->name->fold;
    char local[96];
    size_t n = 0;
    for (const char *s = fold; *s && n + 1 < sizeof local; s++)
        if (*s != ' ')
            local[n++] = *s;
    local[n] = '\0';
    snprintf(p->email, sizeof p->email, "%s%02d@gmail.com", local, demo_rng_range(r, 0, 99));
}

void demo_person_make(demo_rng *r, long idx, const char *role, const char *level, demo_forms *forms,
                      demo_person *p)
{
    memset(p, 0, sizeof *p);
    int male = demo_rng_chance(r, strcmp(role, "leader") == 0 ? 700 : 520);
    p->gender = male ? "male" : "female";
    make_name(r, male, forms, p);
    p->category = pick_category(r, role, level);

    int year = pick_birth_year(r, p->category);
    if (demo_rng_chance(r, 50))
        snprintf(p->birth, sizeof p->birth, "%04d", year);
    else
        civil_from_days(date_days_from_civil(year, 1, 1) + demo_rng_range(r, 0, 364), p->birth);

    /* Phones: the 7 last digits are a bijection of idx, so no two members share one. */
    if (demo_rng_chance(r, 930))
        snprintf(p->phone, sizeof p->phone, "%s%07ld", demo_pick(r, DEMO_MOBILE_PREFIXES),
                 (long)(((unsigned long long)idx * 3141593ULL + 2718281ULL) % 10000000ULL));
    if (demo_rng_chance(r, 400)) {
        int century = (year >= 2000 ? 2 : 0) + (male ? 0 : 1);
        snprintf(p->cccd, sizeof p->cccd, "%s%d%02d%06ld", demo_pick(r, DEMO_CCCD_PROVINCES), century,
                 year % 100, (long)(((unsigned long long)idx * 7919ULL + 104729ULL) % 1000000ULL));
    }
    if (demo_rng_chance(r, 80))
        make_email(r, p);

    p->youth_union = strcmp(p->category, "youth_union") == 0 || (2025 - year <= 30 && demo_rng_chance(r, 600));
    p->consent = demo_rng_chance(r, 940);
    if (p->consent)
        plan_date(r, p->consent_date);
    int x = (int)demo_rng_below(r, 100);
    p->mooc_status = x < 62 ? "completed" : x < 76 ? "in_progress" : "not_started";
    if (x < 62)
        plan_date(r, p->mooc_date);
    if (demo_rng_chance(r, 780))
        plan_date(r, p->zalo_date);
}
