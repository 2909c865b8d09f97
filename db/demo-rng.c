/* demo-rng.c — the demo generator's own pseudo-random numbers (splitmix64) and
 * the picks made with them: the same seed gives the same data everywhere. */
#include "demo.h"


void demo_rng_seed(demo_rng *r, uint64_t seed)
{
    r->s = seed ^ 0x6a09e667f3bcc909ULL;
    r->prefix = 0;
    r->counter = 0;
    (void)demo_rng_next(r);
}

uint64_t demo_rng_next(demo_rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint32_t demo_rng_below(demo_rng *r, uint32_t n)
{
    /* Multiply-shift: unbiased enough for demo data, and the same everywhere. */
    return (uint32_t)(((demo_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

int demo_rng_range(demo_rng *r, int lo, int hi)
{
    return lo + (int)demo_rng_below(r, (uint32_t)(hi - lo + 1));
}

int demo_rng_chance(demo_rng *r, int permille)
{
    return (int)demo_rng_below(r, 1000) < permille;
}

void demo_rng_uuid(demo_rng *r, char out[37])
{
    /* The counter in the high bits keeps the generation's uuids in increasing
     * order, so that SQLite appends to its uuid indexes instead of touching a
     * random page per row; the seed's bits and 74 random bits keep them unique. */
    uint64_t a = (r->prefix << 48) | ((r->counter++ & 0xffffffffULL) << 16) | (demo_rng_next(r) & 0x0fffULL);
    uint64_t b = demo_rng_next(r);
    a |= 0x4000ULL;                                           /* version 4 */
    b = (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL; /* variant 10 */
    /* "%08x-%04x-%04x-%04x-%012llx" of a and b, written by hand: a generation makes millions. */
    static const char HEX[] = "0123456789abcdef";
    char *o = out;
    for (int i = 60; i >= 0; i -= 4) {
        *o++ = HEX[(a >> i) & 0xf];
        if (i == 32 || i == 16)
            *o++ = '-';
    }
    *o++ = '-';
    for (int i = 60; i >= 0; i -= 4) {
        *o++ = HEX[(b >> i) & 0xf];
        if (i == 48)
            *o++ = '-';
    }
    *o = '\0';
}

void demo_rng_uuid_start(demo_rng *r, uint64_t seed, uint64_t counter)
{
    demo_rng t;
    demo_rng_seed(&t, seed ^ 0x5555555555555555ULL);
    r->prefix = demo_rng_next(&t) >> 48;
    r->counter = counter;
}

const char *demo_pick_weighted(demo_rng *r, const demo_weighted *list)
{
    uint32_t total = 0;
    for (const demo_weighted *w = list; w->text; w++)
        total += (uint32_t)w->weight;
    uint32_t x = demo_rng_below(r, total);
    for (const demo_weighted *w = list; w->text; w++) {
        if (x < (uint32_t)w->weight)
            return w->text;
        x -= (uint32_t)w->weight;
    }
    return list[0].text;
}

int demo_list_len(const char *const *list)
{
    int n = 0;
    while (list[n])
        n++;
    return n;
}

const char *demo_pick(demo_rng *r, const char *const *list)
{
    return list[demo_rng_below(r, (uint32_t)demo_list_len(list))];
}
