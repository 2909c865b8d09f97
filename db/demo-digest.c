/* demo-digest.c — counting a file's records and digesting its content, so that
 * two generations (or two files) can be compared by one short string. */
#include "demo-internal.h"
#include "db.h"
#include "schema.h"

#include <stdio.h>
#include <string.h>

/* Two 64-bit lanes, each mixing the input eight bytes at a time (a national
 * file is some 250 MB of values), finished with splitmix64's finaliser: 128
 * bits of digest. Not cryptographic: it tells two contents apart. Each table
 * has lanes of its own, so that a generation can feed its rows as it writes
 * them, table by table in uuid order, whatever order it writes the tables in. */
static void digest_word(demo_lanes *d, uint64_t w)
{
    d->a = (d->a ^ w) * 0x9e3779b97f4a7c15ULL;
    d->a ^= d->a >> 29;
    d->b = (d->b + w) * 0xbf58476d1ce4e5b9ULL;
    d->b ^= d->b >> 31;
}

/* The 8 bytes at p as a little-endian number, on any machine. */
static uint64_t load8_le(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
#else
    uint64_t w = 0;
    for (int i = 8; i > 0; i--)
        w = w << 8 | p[i - 1];
    return w;
#endif
}

/* Feeds a tag, a length and n bytes: one word for tag and length, then the
 * bytes eight at a time, the last word padded with zeros (little-endian). */
static void digest_item(demo_lanes *d, unsigned tag, const void *p, size_t n)
{
    const unsigned char *s = p;
    digest_word(d, (uint64_t)tag | (uint64_t)n << 8);
    for (; n >= 8; s += 8, n -= 8)
        digest_word(d, load8_le(s));
    if (n) {
        uint64_t w = 0;
        for (size_t i = n; i > 0; i--)
            w = w << 8 | s[i - 1];
        digest_word(d, w);
    }
}

static uint64_t finalise(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void digest_end(const demo_lanes *d, char out[33])
{
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)finalise(d->a ^ (d->b >> 1)),
             (unsigned long long)finalise(d->b + d->a));
}

/* Writes v in decimal, as "%lld" would, at the start of num (no NUL);
 * returns the length. */
static uint32_t int_text(long long v, char num[24])
{
    char tmp[24];
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    int i = 24;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--i] = '-';
    memcpy(num, tmp + i, (size_t)(24 - i));
    return (uint32_t)(24 - i);
}

/* Feeds one value into d: its type, its length and its bytes as text (an
 * integer as the decimal digits sqlite3_column_text would give, without
 * SQLite converting and allocating). */
static void digest_value(demo_lanes *d, sqlite3_stmt *st, int c)
{
    unsigned char tag = (unsigned char)sqlite3_column_type(st, c);
    const unsigned char *v = NULL;
    uint32_t len = 0;
    char num[24];
    if (tag == SQLITE_INTEGER) {
        len = int_text(sqlite3_column_int64(st, c), num);
        v = (const unsigned char *)num;
    } else if (tag != SQLITE_NULL) {
        v = sqlite3_column_text(st, c);
        len = (uint32_t)sqlite3_column_bytes(st, c);
    }
    digest_item(d, tag, v, len);
}

/* Feeds every row of a SELECT into d, each value tagged with its type and length. */
static int digest_query(sqlite3 *db, const char *sql, demo_lanes *d)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc, cols = sqlite3_column_count(st);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < cols; c++)
            digest_value(d, st, c);
        digest_item(d, 0xff, NULL, 0); /* end of row */
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

void demo_lanes_start(demo_lanes *d, const char *table)
{
    d->a = 0xcbf29ce484222325ULL;
    d->b = 0x84222325cbf29ce4ULL;
    if (table)
        digest_item(d, 0xfe, table, strlen(table));
}

void demo_lanes_row(demo_lanes *d, const demo_value *v, int n)
{
    for (int i = 0; i < n; i++) {
        if (v[i].kind == SQLITE_INTEGER) {
            char num[24];
            digest_item(d, SQLITE_INTEGER, num, int_text(v[i].number, num));
        } else if (v[i].kind == SQLITE_TEXT) {
            digest_item(d, SQLITE_TEXT, v[i].text, v[i].len);
        } else {
            digest_item(d, SQLITE_NULL, NULL, 0);
        }
    }
    digest_item(d, 0xff, NULL, 0); /* end of row */
}

int demo_digest_of_lanes(sqlite3 *db, const demo_lanes *tables, char out[33])
{
    demo_lanes office, all;
    demo_lanes_start(&office, NULL);
    demo_lanes_start(&all, NULL);
    if (digest_query(db, "SELECT scheme, code, level, name FROM office", &office) < 0)
        return -1;
    digest_word(&all, office.a);
    digest_word(&all, office.b);
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++) {
        digest_word(&all, tables[i].a);
        digest_word(&all, tables[i].b);
    }
    digest_end(&all, out);
    return 0;
}

int demo_digest(sqlite3 *db, char out[33])
{
    demo_lanes tables[DEMO_TABLES_MAX];
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++) {
        if (i >= DEMO_TABLES_MAX)
            return -1;
        char sql[128]; /* table names come from the schema's constant list */
        snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY uuid", SCHEMA_TRAVEL_TABLES[i]);
        demo_lanes_start(&tables[i], SCHEMA_TRAVEL_TABLES[i]);
        if (digest_query(db, sql, &tables[i]) < 0)
            return -1;
    }
    return demo_digest_of_lanes(db, tables, out);
}
