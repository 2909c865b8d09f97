/* demo-digest.c — counting a file's records and digesting its content, so that
 * two generations (or two files) can be compared by one short string. */
#include "demo.h"
#include "db.h"
#include "schema.h"

#include <stdio.h>
#include <string.h>

long long demo_record_count(sqlite3 *db)
{
    long long total = 0;
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++) {
        char sql[128]; /* table names come from the schema's constant list */
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", SCHEMA_TRAVEL_TABLES[i]);
        long long n = db_scalar_int(db, sql, -1);
        if (n < 0)
            return -1;
        total += n;
    }
    return total;
}

/* Two FNV-1a 64-bit lanes with different starting points: 128 bits of digest. */
typedef struct {
    uint64_t a, b;
} digest;

static void digest_bytes(digest *d, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        d->a = (d->a ^ s[i]) * 0x100000001b3ULL;
        d->b = (d->b ^ s[i]) * 0x100000001b3ULL;
        d->b ^= d->b >> 29;
    }
}

/* Feeds every row of a SELECT into d, each value tagged with its type and length. */
static int digest_query(sqlite3 *db, const char *sql, digest *d)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int cols = sqlite3_column_count(st);
        for (int c = 0; c < cols; c++) {
            unsigned char tag = (unsigned char)sqlite3_column_type(st, c);
            const unsigned char *v = sqlite3_column_text(st, c);
            uint32_t len = (uint32_t)sqlite3_column_bytes(st, c);
            digest_bytes(d, &tag, 1);
            digest_bytes(d, &len, sizeof len);
            if (v)
                digest_bytes(d, v, len);
        }
        digest_bytes(d, "\n", 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

int demo_digest(sqlite3 *db, char out[33])
{
    digest d = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
    if (digest_query(db, "SELECT scheme, code, level, name FROM office", &d) < 0)
        return -1;
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++) {
        char sql[128]; /* table names come from the schema's constant list */
        snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY uuid", SCHEMA_TRAVEL_TABLES[i]);
        digest_bytes(&d, SCHEMA_TRAVEL_TABLES[i], strlen(SCHEMA_TRAVEL_TABLES[i]));
        if (digest_query(db, sql, &d) < 0)
            return -1;
    }
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)d.a, (unsigned long long)d.b);
    return 0;
}
