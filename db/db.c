/* db.c — opening cdtt files: checks on the file, connection settings, migrations. */
#include "db.h"
#include "db-cache.h"
#include "schema.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 5000

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
    if (db_begin_untimed(db, e) < 0)
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
    return db_commit_untimed(db, e);
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
