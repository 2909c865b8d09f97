/* package-scratch.c — a private, throw-away copy of the office's file, on which
 * a dry run imports its packages exactly as the real import would (SQLite cannot
 * detach a package inside a transaction, nor attach more than ten at once, so
 * a whole sequence of files cannot run in one transaction of the file itself). */
#include "package.h"
#include "db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Removes path and its WAL and shared-memory files. */
static void remove_all(const char *path)
{
    char side[4200];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

sqlite3 *package_scratch_copy(sqlite3 *db, char path[4096], cdtt_err *e)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(path, 4096, "%s/cdtt-dry-run.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        err_set(e, _("cannot create a temporary file: %s"), strerror(errno));
        return NULL;
    }
    close(fd);
    sqlite3 *to = NULL;
    int rc = sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
    sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(to, "main", db, "main") : NULL;
    if (b) {
        sqlite3_backup_step(b, -1);
        rc = sqlite3_backup_finish(b);
    } else {
        rc = SQLITE_ERROR;
    }
    if (rc != SQLITE_OK)
        err_set(e, _("cannot copy the database for a dry run: %s"), to ? sqlite3_errmsg(to) : "out of memory");
    sqlite3_close(to);
    sqlite3 *copy = rc == SQLITE_OK ? db_open(path, 0, e) : NULL;
    if (!copy)
        remove_all(path);
    else /* thrown away after: nothing to keep safe on the disk */
        sqlite3_exec(copy, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
    return copy;
}

void package_scratch_drop(sqlite3 *copy, const char *path)
{
    db_close(copy);
    remove_all(path);
}
