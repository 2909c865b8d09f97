/* testutil.h — shared helpers for cmocka unit tests. */
#ifndef CDTT_TESTUTIL_H
#define CDTT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "i18n.h"
#include "office.h"

/* A fresh temporary folder for one test (malloc'd path; rm -rf it with tu_rmdir). */
static inline char *tu_tempdir(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/cdtt-unit.XXXXXX", base && *base ? base : "/tmp");
    char *d = mkdtemp(tmpl);
    return d ? xstrdup(d) : NULL;
}

static inline void tu_rmdir(char *dir)
{
    if (!dir)
        return;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
    free(dir);
}

/* The temporary folder of a test group: tu_group_setup makes it (and selects
 * English messages), tu_group_teardown removes it. Pass both to
 * cmocka_run_group_tests. */
static char *dir __attribute__((unused));

static inline void tu_english(void);

static inline int tu_group_setup(void **state)
{
    (void)state;
    tu_english();
    dir = tu_tempdir();
    return dir ? 0 : -1;
}

static inline int tu_group_teardown(void **state)
{
    (void)state;
    tu_rmdir(dir);
    return 0;
}

/* Opens a new database in dir (DB_CREATE); fails the test on error. */
static inline sqlite3 *tu_open_db(const char *dir, const char *name)
{
    char path[600];
    cdtt_err e = {{0}};
    snprintf(path, sizeof path, "%s/%s", dir, name);
    sqlite3 *db = db_open(path, DB_CREATE, &e);
    if (!db)
        fail_msg("db_open %s: %s", path, e.msg);
    return db;
}

/* A new database dir/name whose office is commune 00004 (Phường Ba Đình) of the
 * 2025-07 list; fails the test on error. */
static inline sqlite3 *tu_commune_db(const char *dir, const char *name)
{
    sqlite3 *db = tu_open_db(dir, name);
    office_rec o = {"2025-07", "00004", "commune", "Phường Ba Đình"};
    cdtt_err e = {{0}};
    if (office_set(db, &o, &e) != 0)
        fail_msg("office_set: %s", e.msg);
    return db;
}

/* Everything f gives until its end (malloc'd, NUL-terminated); *len (may be
 * NULL) gets the number of bytes. */
static inline char *tu_read_all(FILE *f, size_t *len)
{
    char *buf = NULL;
    size_t n = 0, cap = 0, k;
    char chunk[4096];
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (n + k + 1 > cap) {
            cap = (n + k + 1) * 2;
            buf = xrealloc(buf, cap);
        }
        memcpy(buf + n, chunk, k);
        n += k;
    }
    if (!buf)
        buf = xcalloc(1, 1);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* The whole file at path (malloc'd, NUL-terminated), its size in *len (may be
 * NULL); fails the test when the file cannot be opened. */
static inline char *tu_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    char *buf = tu_read_all(f, len);
    fclose(f);
    return buf;
}

/* The database of a test, in the folder dir: tu_db_setup makes the folder
 * (selecting English messages) and opens a new database named name in it;
 * tu_db_teardown closes the database and removes the folder (pass it to cmocka
 * as a teardown). Returns 0, or -1 when the folder could not be made. */
static sqlite3 *db __attribute__((unused));

static inline int tu_db_setup(const char *name)
{
    if (tu_group_setup(NULL) < 0)
        return -1;
    db = tu_open_db(dir, name);
    return 0;
}

static inline int tu_db_teardown(void **state)
{
    db_close(db);
    db = NULL;
    return tu_group_teardown(state);
}

/* English messages for tests that compare them. */
static inline void tu_english(void)
{
    setenv("CDTT_LOCALEDIR", "/nonexistent", 1);
    i18n_init("en");
}

/* Vietnamese messages, from the catalogue the build made in locale/ of the
 * checkout; tu_english() switches back. */
static inline void tu_vietnamese(void)
{
    char dir[1024];
    const char *root = getenv("ROOT");
    if (root && *root)
        snprintf(dir, sizeof dir, "%s/locale", root);
    else
        snprintf(dir, sizeof dir, "%s", access("locale", R_OK) == 0 ? "locale" : "../../locale");
    setenv("CDTT_LOCALEDIR", dir, 1);
    i18n_init("vi");
}

/* The reference data folder beside the checkout, or NULL when absent. */
static inline const char *tu_shared_data(void)
{
    static char path[1024];
    const char *env = getenv("CDTT_SHARED_DATA");
    if (env && *env)
        snprintf(path, sizeof path, "%s", env);
    else
        snprintf(path, sizeof path, "%s/../shared/data", getenv("ROOT") ? getenv("ROOT") : ".");
    return access(path, R_OK) == 0 ? path : NULL;
}

#endif
