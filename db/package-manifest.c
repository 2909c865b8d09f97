/* package-manifest.c — a package's manifest table and the digest over its
 * canonical content (the same data always gives the same digest). */
#include "package.h"
#include "package-internal.h"
#include "db.h"
#include "outfile.h"
#include "schema.h"
#include "sha256.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char PACKAGE_MANIFEST_DDL[] =
    "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT";

void package_counts_add(package_counts *a, const package_counts *b)
{
    a->n_new += b->n_new;
    a->n_updated += b->n_updated;
    a->n_unchanged += b->n_unchanged;
    a->n_deleted += b->n_deleted;
    a->n_rejected += b->n_rejected;
    a->n_conflicts += b->n_conflicts;
}

void package_format_time(const char *iso, char out[32])
{
    if (strlen(iso) >= 16 && iso[4] == '-' && iso[7] == '-' && iso[10] == 'T')
        snprintf(out, 32, "%.2s/%.2s/%.4s %.5s", iso + 8, iso + 5, iso, iso + 11);
    else
        snprintf(out, 32, "%s", iso);
}

/* package_column_map, and with table set also "%v": the value the merge takes
 * for the column (package_derived_value, else the quoted column). */
static char *column_map(const char *table, const char *cols, const char *each, const char *const *skip)
{
    size_t cap = 64, len = 0;
    char *out = xmalloc(cap);
    out[0] = '\0';
    for (const char *p = strchr(cols, '"'); p; p = strchr(p, '"')) {
        const char *name = p + 1, *end = strchr(name, '"');
        if (!end)
            break;
        size_t n = (size_t)(end - name);
        p = end + 1;
        int skipped = 0;
        for (int i = 0; skip && skip[i]; i++)
            skipped |= strlen(skip[i]) == n && strncmp(skip[i], name, n) == 0;
        if (skipped)
            continue;
        char col[64], quoted[72];
        snprintf(col, sizeof col, "%.*s", (int)n, name);
        snprintf(quoted, sizeof quoted, "\"%s\"", col);
        const char *value = table ? package_derived_value(table, col) : NULL;
        if (!value)
            value = quoted;
        size_t need = len + 2 + strlen(each) * (n + strlen(value) + 1) + 1;
        if (need > cap) {
            cap = need * 2;
            out = xrealloc(out, cap);
        }
        if (len)
            len += (size_t)sprintf(out + len, ", ");
        for (const char *f = each; *f; f++) {
            if (f[0] == '%' && (f[1] == 'c' || (f[1] == 'v' && table))) {
                len += (size_t)sprintf(out + len, "%s", f[1] == 'c' ? col : value);
                f++;
            } else {
                out[len++] = *f;
            }
        }
        out[len] = '\0';
    }
    return out;
}

char *package_column_map(const char *cols, const char *each, const char *const *skip)
{
    return column_map(NULL, cols, each, skip);
}

char *package_value_map(const char *table, const char *cols, const char *each)
{
    return column_map(table, cols, each, NULL);
}

/* The digest's input, gathered into large pieces that a second thread hashes
 * while the rows that follow are read (the hashing takes about as long as the
 * reading): one piece is filled while the other is hashed. Without a thread,
 * every piece is hashed as soon as it is full. */
#define FEED_PIECE 65536
typedef struct {
    sha256_ctx sha;
    unsigned char piece[2][FEED_PIECE];
    size_t len[2];
    int cur;          /* the piece being filled */
    int queued[2];    /* 1 from when a piece is full until it has been hashed */
    int closing;      /* no more pieces will come */
    int threaded;
    int hashing;      /* 0: only the rows are looked at (package_content_scan) */
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} feeder;

/* The hashing thread: hashes the pieces in turn until the feeder closes. */
static void *hash_pieces(void *arg)
{
    feeder *f = arg;
    for (int next = 0;; next ^= 1) {
        pthread_mutex_lock(&f->mu);
        while (!f->queued[next] && !f->closing)
            pthread_cond_wait(&f->cv, &f->mu);
        int have = f->queued[next];
        pthread_mutex_unlock(&f->mu);
        if (!have)
            return NULL;
        sha256_update(&f->sha, f->piece[next], f->len[next]);
        pthread_mutex_lock(&f->mu);
        f->queued[next] = 0;
        pthread_cond_broadcast(&f->cv);
        pthread_mutex_unlock(&f->mu);
    }
}

static feeder *feed_open(int hashing)
{
    feeder *f = xmalloc(sizeof *f);
    f->hashing = hashing;
    sha256_init(&f->sha);
    f->len[0] = f->len[1] = 0;
    f->queued[0] = f->queued[1] = 0;
    f->cur = f->closing = 0;
    pthread_mutex_init(&f->mu, NULL);
    pthread_cond_init(&f->cv, NULL);
    f->threaded = hashing && pthread_create(&f->thread, NULL, hash_pieces, f) == 0;
    return f;
}

/* Hands the piece being filled over to be hashed, and waits until the other is free. */
static void feed_flush(feeder *f)
{
    int c = f->cur;
    if (!f->len[c])
        return;
    if (!f->threaded) {
        sha256_update(&f->sha, f->piece[c], f->len[c]);
        f->len[c] = 0;
        return;
    }
    pthread_mutex_lock(&f->mu);
    f->queued[c] = 1;
    pthread_cond_broadcast(&f->cv);
    f->cur = c ^ 1;
    while (f->queued[f->cur])
        pthread_cond_wait(&f->cv, &f->mu);
    pthread_mutex_unlock(&f->mu);
    f->len[f->cur] = 0;
}

/* Hashes what is left, writes the digest as hex (when hex is not NULL), frees f. */
static void feed_close(feeder *f, char hex[65])
{
    feed_flush(f);
    if (f->threaded) {
        pthread_mutex_lock(&f->mu);
        f->closing = 1;
        pthread_cond_broadcast(&f->cv);
        pthread_mutex_unlock(&f->mu);
        pthread_join(f->thread, NULL);
    }
    char unused[65];
    sha256_final_hex(&f->sha, hex ? hex : unused); /* always: it frees the digest's state */
    pthread_mutex_destroy(&f->mu);
    pthread_cond_destroy(&f->cv);
    free(f);
}

static void feed_bytes(feeder *f, const void *data, size_t n)
{
    if (!f->hashing)
        return;
    const unsigned char *p = data;
    while (n) {
        size_t room = FEED_PIECE - f->len[f->cur];
        size_t take = n < room ? n : room;
        memcpy(f->piece[f->cur] + f->len[f->cur], p, take);
        f->len[f->cur] += take;
        p += take;
        n -= take;
        if (f->len[f->cur] == FEED_PIECE)
            feed_flush(f);
    }
}

/* Feeds a tagged, length-prefixed value, so that no two contents serialise alike. */
static void feed_text(feeder *f, char tag, const void *p, size_t n)
{
    unsigned char h[9];
    h[0] = (unsigned char)tag;
    for (int i = 0; i < 8; i++)
        h[1 + i] = (unsigned char)((unsigned long long)n >> (56 - 8 * i));
    feed_bytes(f, h, sizeof h);
    feed_bytes(f, p, n);
}

static void feed_str(feeder *f, const char *s)
{
    feed_text(f, 'S', s, strlen(s));
}

/* Writes v in decimal as printf's "%lld" does, without a NUL; returns where it starts in out. */
static const char *format_int(long long v, char out[24], size_t *len)
{
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    char *p = out + 24;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    *len = (size_t)(out + 24 - p);
    return p;
}

static void feed_value(feeder *f, sqlite3_stmt *st, int col, package_manifest *m)
{
    char buf[64];
    size_t n;
    switch (sqlite3_column_type(st, col)) {
    case SQLITE_NULL:
        feed_text(f, 'N', "", 0);
        break;
    case SQLITE_INTEGER: {
        const char *s = format_int((long long)sqlite3_column_int64(st, col), buf, &n);
        feed_text(f, 'I', s, n);
        break;
    }
    case SQLITE_FLOAT:
        snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(st, col));
        feed_text(f, 'R', buf, strlen(buf));
        break;
    case SQLITE_BLOB:
        feed_text(f, 'B', sqlite3_column_blob(st, col), (size_t)sqlite3_column_bytes(st, col));
        break;
    default: {
        const char *t = (const char *)sqlite3_column_text(st, col);
        n = (size_t)sqlite3_column_bytes(st, col);
        if ((long long)n > m->longest_value)
            m->longest_value = (long long)n;
        if (!text_valid_utf8(t, n))
            m->bad_utf8 = 1;
        feed_text(f, 'T', t, n);
    }
    }
}

/* Feeds every row of schema.table ordered by uuid; counts them in *rows. */
static int feed_table(sqlite3 *db, feeder *f, const char *schema, const char *table,
                      long long *rows, package_manifest *m, cdtt_err *e)
{
    char *cols = package_column_list(db, schema, table, e);
    if (!cols)
        return -1;
    size_t n = strlen(cols) + strlen(schema) + strlen(table) + 64;
    char *sql = xmalloc(n);
    snprintf(sql, n, "SELECT %s FROM \"%s\".\"%s\" ORDER BY uuid", cols, schema, table);
    feed_str(f, table);
    feed_str(f, cols);
    free(cols);
    sqlite3_stmt *st = db_prepare(db, sql, e);
    free(sql);
    if (!st)
        return -1;
    int ncol = sqlite3_column_count(st), rc;
    *rows = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < ncol; i++)
            feed_value(f, st, i, m);
        (*rows)++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, e, _("cannot read the package"));
    return 0;
}

/* package_digest, or with hashing 0 package_content_scan. */
static int content_pass(sqlite3 *db, const char *schema, package_manifest *m, int hashing, cdtt_err *e)
{
    feeder *f = feed_open(hashing);
    char num[32];
    feed_str(f, PACKAGE_FORMAT);
    feed_str(f, m->source_scheme);
    feed_str(f, m->source_code);
    feed_str(f, m->source_level);
    feed_str(f, m->source_name);
    feed_str(f, m->province_code);
    feed_str(f, m->parent_code);
    snprintf(num, sizeof num, "%d/%d", m->schema_version, m->full);
    feed_str(f, num);
    m->n_tables = 0;
    m->longest_value = 0;
    m->bad_utf8 = 0;
    int rc = 0;
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i] && i < PACKAGE_MAX_TABLES; i++) {
        if ((rc = feed_table(db, f, schema, SCHEMA_TRAVEL_TABLES[i], &m->rows[i], m, e)) < 0)
            break;
        m->n_tables = i + 1;
    }
    feed_close(f, rc == 0 && hashing ? m->digest : NULL);
    return rc;
}

int package_digest(sqlite3 *db, const char *schema, package_manifest *m, cdtt_err *e)
{
    return content_pass(db, schema, m, 1, e);
}

int package_content_scan(sqlite3 *db, const char *schema, package_manifest *m, cdtt_err *e)
{
    return content_pass(db, schema, m, 0, e);
}

/* The manifest as key/value pairs; rows.TABLE keys are added after these. */
#define MANIFEST_FIELDS(X)                                     \
    X("source_scheme", source_scheme)                          \
    X("source_code", source_code)                              \
    X("source_level", source_level)                            \
    X("source_name", source_name)                              \
    X("province_code", province_code)                          \
    X("parent_code", parent_code)                              \
    X("created_at", created_at)                                \
    X("digest", digest)

static int get(sqlite3_stmt *st, const char *key, char *out, size_t outlen);

int package_manifest_put(sqlite3 *db, const char *key, const char *value, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO main.manifest (key, value) VALUES (?1, ?2)", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot write the package's manifest"));
    sqlite3_finalize(st);
    return rc;
}

int package_manifest_get(sqlite3 *db, const char *key, char *out, size_t n)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT value FROM main.manifest WHERE key = ?1", -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = get(st, key, out, n);
    sqlite3_finalize(st);
    return rc;
}

static int put(sqlite3_stmt *st, const char *key, const char *value)
{
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
    return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

int package_manifest_write(sqlite3 *db, const package_manifest *m, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "INSERT INTO manifest (key, value) VALUES (?, ?)", e);
    if (!st)
        return -1;
    char buf[64], key[64];
    int bad = put(st, "format", m->packed ? PACKAGE_FORMAT_PACKED : PACKAGE_FORMAT);
    /* A packed package's digest is added once its compressed bytes are known. */
#define PUT(k, f) if (!m->packed || strcmp(k, "digest") != 0) bad |= put(st, k, m->f);
    MANIFEST_FIELDS(PUT)
#undef PUT
    snprintf(buf, sizeof buf, "%d", m->schema_version);
    bad |= put(st, "schema_version", buf);
    bad |= put(st, "identifiers", m->full ? "full" : "masked");
    for (int i = 0; i < m->n_tables; i++) {
        snprintf(key, sizeof key, "rows.%s", SCHEMA_TRAVEL_TABLES[i]);
        snprintf(buf, sizeof buf, "%lld", m->rows[i]);
        bad |= put(st, key, buf);
    }
    if (m->schema_version >= PACKAGE_SYNC_SCHEMA) {
        bad |= put(st, "instance", m->instance);
        const struct { const char *key; long long v; } N[] = {
            {"sequence", m->sequence}, {"clock_from", m->clock_from}, {"clock_to", m->clock_to},
        };
        for (size_t i = 0; i < sizeof N / sizeof N[0]; i++) {
            snprintf(buf, sizeof buf, "%lld", N[i].v);
            bad |= put(st, N[i].key, buf);
        }
    }
    if (bad)
        db_fail(db, e, _("cannot write the package's manifest"));
    sqlite3_finalize(st);
    return bad ? -1 : 0;
}

/* Copies the manifest value of key into out; -1 when missing or too long. */
static int get(sqlite3_stmt *st, const char *key, char *out, size_t outlen)
{
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_type(st, 0) != SQLITE_TEXT)
        return -1;
    if ((size_t)sqlite3_column_bytes(st, 0) >= outlen)
        return -1;
    snprintf(out, outlen, "%s", sqlite3_column_text(st, 0));
    return 0;
}

/* Parses a non-negative decimal integer of at most max_digits digits that fills all of s. */
static int parse_digits(const char *s, int max_digits, long long *out)
{
    if (!*s || (int)strlen(s) > max_digits)
        return -1;
    long long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return 0;
}

/* A row count or schema version: at most 12 digits. */
static int parse_count(const char *s, long long *out)
{
    return parse_digits(s, 12, out);
}

int package_manifest_read(sqlite3 *db, package_manifest *m, cdtt_err *e)
{
    memset(m, 0, sizeof *m);
    sqlite3_stmt *st = db_prepare(db, "SELECT value FROM manifest WHERE key = ?", e);
    if (!st)
        return -1;
    char buf[64], key[64];
    const char *bad = NULL;
    long long v = 0;
    if (get(st, "format", buf, sizeof buf) < 0 ||
        (strcmp(buf, PACKAGE_FORMAT) != 0 && strcmp(buf, PACKAGE_FORMAT_PACKED) != 0))
        bad = "format";
    m->packed = !bad && strcmp(buf, PACKAGE_FORMAT_PACKED) == 0;
#define GET(k, f) if (!bad && get(st, k, m->f, sizeof m->f) < 0) bad = k;
    MANIFEST_FIELDS(GET)
#undef GET
    if (!bad && (get(st, "schema_version", buf, sizeof buf) < 0 || parse_count(buf, &v) < 0 ||
                 v > 1000000))
        bad = "schema_version";
    m->schema_version = (int)v;
    if (!bad && get(st, "identifiers", buf, sizeof buf) < 0)
        bad = "identifiers";
    else if (!bad && strcmp(buf, "full") != 0 && strcmp(buf, "masked") != 0)
        bad = "identifiers";
    m->full = strcmp(buf, "full") == 0;
    for (int i = 0; !bad && SCHEMA_TRAVEL_TABLES[i] && i < PACKAGE_MAX_TABLES; i++) {
        snprintf(key, sizeof key, "rows.%s", SCHEMA_TRAVEL_TABLES[i]);
        if (get(st, key, buf, sizeof buf) < 0 || parse_count(buf, &m->rows[i]) < 0)
            bad = SCHEMA_TRAVEL_TABLES[i];
        m->n_tables = i + 1;
    }
    if (!bad && m->schema_version >= PACKAGE_SYNC_SCHEMA) {
        if (get(st, "instance", m->instance, sizeof m->instance) < 0 || !m->instance[0])
            bad = "instance";
        const struct { const char *key; long long *v; } N[] = {
            {"sequence", &m->sequence}, {"clock_from", &m->clock_from}, {"clock_to", &m->clock_to},
        };
        for (size_t i = 0; !bad && i < sizeof N / sizeof N[0]; i++)
            if (get(st, N[i].key, buf, sizeof buf) < 0 || parse_digits(buf, PACKAGE_VERSION_DIGITS, N[i].v) < 0)
                bad = N[i].key;
        if (!bad && (m->sequence < 1 || m->clock_from > m->clock_to))
            bad = "sequence";
    }
    sqlite3_finalize(st);
    if (bad)
        return err_set(e, _("the package's manifest is damaged (%s)"), bad);
    return 0;
}

sqlite3 *package_expected_schema(int version)
{
    sqlite3 *mem = NULL;
    if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        sqlite3_close(mem);
        return NULL;
    }
    for (int v = 1; v <= version; v++) {
        const char *sql = schema_migration(v);
        if (!sql || sqlite3_exec(mem, sql, NULL, NULL, NULL) != SQLITE_OK) {
            sqlite3_close(mem);
            return NULL;
        }
    }
    /* What later migrations add only for the office's own file never travels. */
    if (sqlite3_exec(mem, SCHEMA_LOCAL_DROP, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(mem, SCHEMA_STATE_DROP, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(mem, PACKAGE_MANIFEST_DDL, NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(mem);
        return NULL;
    }
    return mem;
}
