/* db-stamp.c — what every change is stamped with: the time, a fresh UUID, the
 * operating-system user, and the office that owns the file. */
#include "db-stamp.h"
#include "db-cache.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

void db_now(char out[32])
{
    static long long last_ms, head_sec = -1;
    static char head[24]; /* "YYYY-MM-DDTHH:MM:SS." of head_sec */
    struct timeval tv;
    gettimeofday(&tv, NULL);
    long long ms = (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
    if (ms <= last_ms)
        ms = last_ms + 1;
    last_ms = ms;
    if (ms / 1000 != head_sec) {
        head_sec = ms / 1000;
        time_t secs = (time_t)head_sec;
        struct tm tm;
        gmtime_r(&secs, &tm);
        snprintf(head, sizeof head, "%04d-%02d-%02dT%02d:%02d:%02d.", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    }
    int frac = (int)(ms % 1000);
    size_t n = strlen(head);
    memcpy(out, head, n);
    out[n] = (char)('0' + frac / 100);
    out[n + 1] = (char)('0' + frac / 10 % 10);
    out[n + 2] = (char)('0' + frac % 10);
    out[n + 3] = 'Z';
    out[n + 4] = '\0';
}

void db_uuid(char out[37])
{
    unsigned char b[16];
    sqlite3_randomness(sizeof b, b);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    static const char hex[] = "0123456789abcdef";
    char *p = out;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = '-';
        *p++ = hex[b[i] >> 4];
        *p++ = hex[b[i] & 0x0f];
    }
    *p = '\0';
}

const char *db_os_user(void)
{
    static char name[64];
    if (name[0])
        return name;
    struct passwd *pw = getpwuid(getuid());
    const char *n = pw ? pw->pw_name : getenv("USER");
    snprintf(name, sizeof name, "%s", n && *n ? n : "unknown");
    return name;
}

/* Copies column col into dst (size n) as snprintf("%s") would, without its cost. */
static void copy_col(sqlite3_stmt *st, int col, char *dst, size_t n)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    size_t len = t ? (size_t)sqlite3_column_bytes(st, col) : 0;
    if (len >= n)
        len = n - 1;
    memcpy(dst, t ? t : "", len);
    dst[len] = '\0';
}

int office_get(sqlite3 *db, office_rec *o)
{
    int rc = -1;
    memset(o, 0, sizeof *o);
    sqlite3_stmt *st = db_cached(db, "SELECT scheme, code, level, name FROM office WHERE id = 1", NULL);
    if (!st)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        copy_col(st, 0, o->scheme, sizeof o->scheme);
        copy_col(st, 1, o->code, sizeof o->code);
        copy_col(st, 2, o->level, sizeof o->level);
        copy_col(st, 3, o->name, sizeof o->name);
        rc = 0;
    }
    db_cached_done(st);
    return rc;
}

void office_key(sqlite3 *db, char out[32])
{
    office_rec o;
    if (office_get(db, &o) == 0)
        snprintf(out, 32, "%s:%s", o.scheme, o.code);
    else
        snprintf(out, 32, "unset");
}
