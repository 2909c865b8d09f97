/* demo-place.h — the places of a demo generation: communes, and the kinds and
 * names of their villages and residential groups (db/demo-place.c). */
#ifndef CDTT_DEMO_PLACE_H
#define CDTT_DEMO_PLACE_H

#include "demo.h"

typedef struct {
    char scheme[12];
    char code[8];
    char name[256];
    char kind[32];     /* Xã, Phường, Thị trấn, Đặc khu */
    char province[4];
} demo_commune;

/* want communes for a generation: spread evenly over the unit table's communes
 * of scheme under scope (a province, district or commune code; "" for the whole
 * list), at most as many as it holds, *real = 1; or, when it holds none,
 * made-up communes (codes 9xxxx; with a commune code as scope, that one commune
 * named scope_name), *real = 0. Returns a malloc'd array of *n entries, or NULL
 * with e set on a database error. */
demo_commune *demo_communes(sqlite3 *db, const char *scheme, const char *scope, const char *scope_name,
                            long want, long *n, int *real, cdtt_err *e);

/* A plausible area kind for a village or group of commune c: residential groups
 * in towns, ấp in the south, buôn in the Central Highlands, bản in the north-west. */
const char *demo_area_kind(demo_rng *r, const demo_commune *c);

/* The name of area number i of a commune: "Thôn 3", or with named, "Ấp Tân Hòa". */
void demo_area_name(const char *kind, int named, long i, char *out, size_t outlen);

#endif
