/* db.c — opening cdtt files, migrations, transactions and record stamps. */
#include "db.h"
#include "db-cache.h"
#include "schema.h"
#include "timing.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 5000

int db_fail(sqlite3 *db, cdtt_err *e, const char *doing)
{
    int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    int sys = db ? sqlite3_system_errno(db) : 0; /* the operating system's reason, when there is one */
    if ((code & 0xff) == SQLITE_FULL ||
        (((code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_CANTOPEN) && (sys == ENOSPC || sys == EDQUOT)))
        return err_set(e, _("%s: the disk is full; nothing was changed"), doing);
    if ((code & 0xff) == SQLITE_IOERR)
        return err_set(e, _("%s: the database's files cannot be read or written (%s); nothing was changed"),
                       doing, sys ? strerror(sys) : sqlite3_errmsg(db));
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        return err_set(e, _("%s: the database is in use by another program; try again in a moment"),
                       doing);
    if ((code & 0xff) == SQLITE_READONLY)
        return err_set(e, _("%s: the database file or its folder is read-only; nothing was changed"),
                       doing);
    if ((code & 0xff) == SQLITE_CANTOPEN)
        return err_set(e, _("%s: cannot open the database's files (its folder may be read-only or full); "
                            "nothing was changed"), doing);
    return err_set(e, "%s: %s", doing, db ? sqlite3_errmsg(db) : "out of memory");
}

int db_exec(sqlite3 *db, const char *sql, cdtt_err *e)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, e, _("database error"));
    return 0;
}

sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, cdtt_err *e)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        db_fail(db, e, _("database error"));
        return NULL;
    }
    return st;
}

int db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s)
{
    if (!s || !*s)
        return sqlite3_bind_null(st, idx);
    return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

char *db_column_strdup(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return xstrdup(t ? (const char *)t : "");
}

long long db_scalar_int(sqlite3 *db, const char *sql, long long dflt)
{
    sqlite3_stmt *st = NULL;
    long long v = dflt;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

int db_user_version(sqlite3 *db)
{
    return (int)db_scalar_int(db, "PRAGMA user_version", -1);
}

/* BEGIN IMMEDIATE: 0 with the write lock held, or -1 with e set. */
static int begin_immediate(sqlite3 *db, cdtt_err *e)
{
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, e, _("cannot start a change"));
    return 0;
}

/* COMMIT: 0 once the change is in the file, or -1 with e set and the change rolled back. */
static int commit(sqlite3 *db, cdtt_err *e)
{
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        db_fail(db, e, _("cannot save the change"));
        db_rollback(db);
        return -1;
    }
    return 0;
}

int db_begin(sqlite3 *db, cdtt_err *e)
{
    if (begin_immediate(db, e) < 0)
        return -1;
    timing_mark("write_begin", 0);
    return 0;
}

int db_commit(sqlite3 *db, cdtt_err *e)
{
    if (commit(db, e) < 0)
        return -1;
    timing_mark("write_done", 0);
    return 0;
}

void db_rollback(sqlite3 *db)
{
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int db_check_identity(sqlite3 *db, const char *path, cdtt_err *e)
{
    long long app = db_scalar_int(db, "PRAGMA application_id", -1);
    int ver = db_user_version(db);
    long long tables = db_scalar_int(db, "SELECT count(*) FROM sqlite_schema", -1);

    if (app < 0 || ver < 0 || tables < 0) {
        /* Only a file SQLite cannot read as a database is "not a database": a full
         * disk, an I/O error or a busy file is reported as what it is. */
        int code = sqlite3_extended_errcode(db) & 0xff;
        if (code == SQLITE_NOTADB)
            return err_set(e, _("%s is not a cdtt database (it cannot be read as SQLite)"), path);
        if (code == SQLITE_CORRUPT)
            return err_set(e, _("%s is damaged (SQLite cannot read it); restore it from a backup"), path);
        return db_fail(db, e, path);
    }
    if (app == 0 && ver == 0 && tables == 0)
        return 0; /* a new, empty file */
    if (app != CDTT_APPLICATION_ID)
        return err_set(e, _("%s is not a cdtt database"), path);
    if (ver > CDTT_SCHEMA_VERSION)
        return err_set(e,
                       _("%s was written by a newer version of cdtt (schema %d, this program knows %d); "
                         "update cdtt to open it"),
                       path, ver, CDTT_SCHEMA_VERSION);
    return 0;
}

int db_migrate(sqlite3 *db, cdtt_err *e)
{
    if (begin_immediate(db, e) < 0)
        return -1;
    int ver = db_user_version(db);
    if (ver > CDTT_SCHEMA_VERSION) {
        db_rollback(db);
        return err_set(e, _("the database was written by a newer version of cdtt (schema %d)"), ver);
    }
    if (ver < schema_latest())
        db_cache_forget(db); /* kept statements and snapshots may name old columns */
    for (int v = ver + 1; v <= schema_latest(); v++) {
        if (sqlite3_exec(db, schema_migration(v), NULL, NULL, NULL) != SQLITE_OK) {
            db_fail(db, e, _("cannot upgrade the database"));
            db_rollback(db);
            return -1;
        }
    }
    if (ver < schema_latest()) {
        char sql[96];
        snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d",
                 CDTT_APPLICATION_ID, schema_latest());
        if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
            db_fail(db, e, _("cannot upgrade the database"));
            db_rollback(db);
            return -1;
        }
    }
    return commit(db, e);
}

int db_mkdirs(const char *dir)
{
    char *p = xstrdup(dir);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0700) < 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = (mkdir(p, 0700) < 0 && errno != EEXIST) ? -1 : 0;
    free(p);
    return rc;
}

/* Creates path with mode 0600 if it does not exist, so SQLite never creates it
 * with the umask's wider mode. */
static int create_private_file(const char *path, cdtt_err *e)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
        if (db_mkdirs(dir) < 0) {
            err_set(e, _("cannot create the folder %s: %s"), dir, strerror(errno));
            free(dir);
            return -1;
        }
    }
    free(dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        return err_set(e, _("cannot create %s: %s"), path, strerror(errno));
    if (fd >= 0)
        close(fd);
    return 0;
}

/* Refuses names SQLite would not read as a plain file name: a URI ("file:…",
 * which could ask for a database kept in memory and never saved), ":memory:"
 * and the empty name (both a database that is never saved). */
static int check_db_name(const char *path, cdtt_err *e)
{
    if (!*path || strcmp(path, ":memory:") == 0)
        return err_set(e, _("'%s' is not a file name; cdtt keeps its data in a file: give one with --db FILE"),
                       path);
    if (strncmp(path, "file:", 5) == 0)
        return err_set(e,
                       _("%s looks like an SQLite URI, which cdtt does not accept: give the file's name "
                         "(for a file whose name begins with 'file:', write ./%s)"),
                       path, path);
    return 0;
}

/* The file that is there at path, when there is one, must be a cdtt file in the
 * making: a regular file (not a link, a folder, a device or a pipe) that is
 * empty or begins with SQLite's header. An empty file about to be written is
 * made private (mode 0600) first, so that SQLite's companion files, which take
 * its mode, are private too. Returns 0, or -1 with e set. */
static int check_db_file(const char *path, int writable, cdtt_err *e)
{
    struct stat sb;
    if (lstat(path, &sb) != 0)
        return 0; /* nothing there: SQLite says why it cannot open it */
    if (S_ISLNK(sb.st_mode))
        return err_set(e, _("%s is a symbolic link; give the database file's own path"), path);
    if (!S_ISREG(sb.st_mode))
        return err_set(e, _("%s is not a cdtt database (not an ordinary file)"), path);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return errno == EACCES ? 0 : err_set(e, _("cannot open %s: %s"), path, strerror(errno));
    char head[16];
    ssize_t n = read(fd, head, sizeof head);
    int rc = 0;
    if (n < 0)
        rc = err_set(e, _("cannot read %s: %s"), path, strerror(errno));
    else if (n > 0 && (n < (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0))
        rc = err_set(e, _("%s is not a cdtt database (it is not an SQLite file); it was left as it was"), path);
    else if (n == 0 && writable && (sb.st_mode & 0077) && fchmod(fd, 0600) != 0)
        rc = err_set(e, _("cannot make %s private (mode 0600): %s"), path, strerror(errno));
    close(fd);
    return rc;
}

sqlite3 *db_open(const char *path, int flags, cdtt_err *e)
{
    sqlite3 *db = NULL;
    int oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;

    err_clear(e);
    if (check_db_name(path, e) < 0)
        return NULL;
    if (!(flags & DB_READONLY) && (flags & DB_CREATE)) {
        if (create_private_file(path, e) < 0)
            return NULL;
    } else if (access(path, F_OK) < 0) {
        err_set(e, _("%s does not exist"), path);
        return NULL;
    }
    if (check_db_file(path, !(flags & DB_READONLY), e) < 0)
        return NULL;
    /* cdtt counts no SQLite memory, so no global lock around every allocation;
     * refused harmlessly once SQLite is initialized. */
    static int configured;
    if (!configured++)
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    /* One thread uses a connection at a time: no per-call connection lock. */
    if (sqlite3_open_v2(path, &db, oflags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        err_set(e, _("cannot open %s: %s"), path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
    sqlite3_extended_result_codes(db, 1);
    if (db_check_identity(db, path, e) < 0)
        goto fail;
    if (db_exec(db, "PRAGMA foreign_keys = ON", e) < 0)
        goto fail;
    if (!(flags & DB_READONLY)) {
        /* WAL persists in the file; only switch once. */
        sqlite3_stmt *st = db_prepare(db, "PRAGMA journal_mode", e);
        int is_wal = 0;
        if (st && sqlite3_step(st) == SQLITE_ROW)
            is_wal = strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
        sqlite3_finalize(st);
        if (!is_wal && db_exec(db, "PRAGMA journal_mode = WAL", e) < 0)
            goto fail;
        if (db_exec(db, "PRAGMA synchronous = NORMAL", e) < 0)
            goto fail;
        if (db_migrate(db, e) < 0)
            goto fail;
    } else if (db_user_version(db) < CDTT_SCHEMA_VERSION) {
        err_set(e, _("%s uses an older schema; open it once without read-only mode to upgrade it"), path);
        goto fail;
    }
    db_cache_register(db);
    return db;
fail:
    sqlite3_close(db);
    return NULL;
}

void db_close(sqlite3 *db)
{
    if (db) {
        db_cache_drop(db);
        sqlite3_close(db);
    }
}

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

char *db_default_path(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    char buf[4096];
    if (xdg && *xdg == '/')
        snprintf(buf, sizeof buf, "%s/cdtt/cdtt.db", xdg);
    else
        snprintf(buf, sizeof buf, "%s/.local/share/cdtt/cdtt.db", home && *home ? home : ".");
    return xstrdup(buf);
}

int db_sync_path(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int saved = errno;
    close(fd);
    errno = saved;
    return rc;
}

void db_distrust(sqlite3 *db)
{
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
}
