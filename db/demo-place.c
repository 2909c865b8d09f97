/* demo-place.c — the communes a generation fills (from the unit table, or
 * made up) and the names and kinds of their villages and residential groups. */
#include "demo-place.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads the communes of scheme under scope (a unit code, or "" for all) from the unit table;
 * *n = -1 with e set on a database error. */
static demo_commune *read_units(sqlite3 *db, const char *scheme, const char *scope, long *n,
                                cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT code, name, kind, province_code FROM unit WHERE scheme = ?1 AND level = 'commune' "
        "AND (?2 = '' OR province_code = ?2 OR parent_code = ?2 OR code = ?2) ORDER BY code", e);
    *n = -1;
    if (!st)
        return NULL;
    sqlite3_bind_text(st, 1, scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, scope, -1, SQLITE_STATIC);
    long cap = 0;
    demo_commune *v = NULL;
    *n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            v = xrealloc(v, (size_t)cap * sizeof *v);
        }
        demo_commune *c = &v[(*n)++];
        memset(c, 0, sizeof *c);
        snprintf(c->scheme, sizeof c->scheme, "%s", scheme);
        snprintf(c->code, sizeof c->code, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(c->name, sizeof c->name, "%s", (const char *)sqlite3_column_text(st, 1));
        snprintf(c->kind, sizeof c->kind, "%s", (const char *)sqlite3_column_text(st, 2));
        snprintf(c->province, sizeof c->province, "%s", (const char *)sqlite3_column_text(st, 3));
    }
    sqlite3_finalize(st);
    return v;
}

/* The name of made-up place number i: two different place words (distinct for
 * i below W*(W-1), W the number of words). */
static void place_pair(long i, char *out, size_t outlen)
{
    long w = demo_list_len(DEMO_PLACE_WORDS);
    long a = i % w, b = (a + 1 + (i / w) % (w - 1)) % w;
    snprintf(out, outlen, "%s %s", DEMO_PLACE_WORDS[a], DEMO_PLACE_WORDS[b]);
}

demo_commune *demo_communes(sqlite3 *db, const char *scheme, const char *scope, const char *scope_name,
                            long want, long *n, int *real, cdtt_err *e)
{
    long avail = 0;
    demo_commune *all = read_units(db, scheme, scope, &avail, e);
    if (avail < 0)
        return NULL;
    *real = avail > 0;
    long use = want < 1 ? 1 : want;
    if ((avail > 0 && use > avail) || strlen(scope) == 5)
        use = avail > 0 ? avail : 1;
    demo_commune *v = xcalloc((size_t)use, sizeof *v);
    for (long i = 0; i < use; i++) {
        demo_commune *c = &v[i];
        if (avail > 0) {
            *c = all[i * avail / use]; /* spread evenly over the list */
            continue;
        }
        char words[64];
        place_pair(i, words, sizeof words);
        snprintf(c->scheme, sizeof c->scheme, "%s", scheme);
        if (strlen(scope) == 5) { /* the file's own commune, not in an imported list */
            snprintf(c->code, sizeof c->code, "%s", scope);
            snprintf(c->name, sizeof c->name, "%s", scope_name);
            snprintf(c->kind, sizeof c->kind, "%s", strncmp(scope_name, "Phường", strlen("Phường")) ? "Xã" : "Phường");
            continue;
        }
        /* Made-up communes spread over the 2025 provinces' codes, for varied village kinds. */
        static const char *const PROVINCES[] = {
            "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40",
            "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96"};
        const char *prov = PROVINCES[i % (long)(sizeof PROVINCES / sizeof PROVINCES[0])];
        snprintf(c->province, sizeof c->province, "%s", strlen(scope) == 2 ? scope : prov);
        snprintf(c->code, sizeof c->code, "9%04ld", i % 10000);
        snprintf(c->kind, sizeof c->kind, "%s", i % 4 == 3 ? "Phường" : "Xã");
        snprintf(c->name, sizeof c->name, "%s %s", c->kind, words);
    }
    free(all);
    *n = use;
    return v;
}

/* True when the commune is a town ward rather than a rural commune. */
static int is_urban(const demo_commune *c)
{
    return strncmp(c->kind, "Phường", strlen("Phường")) == 0 ||
           strncmp(c->kind, "Thị trấn", strlen("Thị trấn")) == 0 ||
           strncmp(c->name, "Phường ", strlen("Phường ")) == 0;
}

const char *demo_area_kind(demo_rng *r, const demo_commune *c)
{
    int p = atoi(c->province);
    int south = p >= 70, highlands = p >= 62 && p <= 68;
    int northwest = (p >= 2 && p <= 17 && p != 13) || p == 19 || p == 20;
    if (is_urban(c))
        return south && demo_rng_chance(r, 700) ? "khu_pho" : "to_dan_pho";
    if (south)
        return demo_rng_chance(r, 50) ? "khom" : "ap";
    if (highlands)
        return demo_rng_chance(r, 300) ? "buon" : "thon";
    if (northwest)
        return demo_rng_chance(r, 600) ? "ban" : "thon";
    return "thon";
}

/* The word a name starts with for each area kind. */
static const char *kind_word(const char *kind)
{
    static const char *const MAP[][2] = {
        {"thon", "Thôn"}, {"ban", "Bản"}, {"ap", "Ấp"}, {"buon", "Buôn"}, {"khom", "Khóm"},
        {"to_dan_pho", "Tổ dân phố"}, {"khu_pho", "Khu phố"},
    };
    for (size_t i = 0; i < sizeof MAP / sizeof MAP[0]; i++)
        if (strcmp(MAP[i][0], kind) == 0)
            return MAP[i][1];
    return "Xóm";
}

void demo_area_name(const char *kind, int named, long i, char *out, size_t outlen)
{
    if (named) {
        char words[64];
        place_pair(i, words, sizeof words);
        snprintf(out, outlen, "%s %s", kind_word(kind), words);
    } else {
        snprintf(out, outlen, "%s %ld", kind_word(kind), i + 1);
    }
}
