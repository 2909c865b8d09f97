/* demo-file.c — a demo generation into a new file: built under a temporary
 * name beside the target, then given the target's name once it is complete. */
#define _GNU_SOURCE /* mkstemp, fsync, link with -std=c11 */
#include "demo-internal.h"
#include "db.h"
#include "tmpguard.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The folder of path ("." when it has none), malloc'd. */
static char *folder_of(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (!slash) {
        free(dir);
        return xstrdup(".");
    }
    if (slash == dir)
        slash++;
    *slash = '\0';
    return dir;
}

/* Gives the complete file tmp the name path unless something is there already. */
static int give_name(const char *tmp, const char *path, cdtt_err *e)
{
    if (link(tmp, path) == 0)
        return 0;
    if (errno == EEXIST)
        return err_set(e, _("%s appeared while the demo data was written; it was left as it was"), path);
    /* Folders that cannot hold hard links: rename, after one more look. */
    if (access(path, F_OK) == 0)
        return err_set(e, _("%s appeared while the demo data was written; it was left as it was"), path);
    if (rename(tmp, path) < 0)
        return err_set(e, _("cannot create %s: %s"), path, strerror(errno));
    return 0;
}

/* Removes the temporary file and what SQLite may have left beside it. */
static void remove_temporary(const char *tmp)
{
    static const char *const SUFFIX[] = {"", "-wal", "-shm", "-journal"};
    char name[4200];
    for (size_t i = 0; i < sizeof SUFFIX / sizeof SUFFIX[0]; i++) {
        snprintf(name, sizeof name, "%s%s", tmp, SUFFIX[i]);
        unlink(name);
    }
}

int demo_generate_new_file(const char *path, const demo_opts *o, demo_counts *counts, cdtt_err *e)
{
    err_clear(e);
    if (access(path, F_OK) == 0)
        return err_set(e, _("%s already exists; demo data goes into a new file here"), path);
    if (strlen(path) > 4000)
        return err_set(e, _("the file name is too long"));
    char *dir = folder_of(path);
    if (db_mkdirs(dir) < 0) {
        err_set(e, _("cannot create the folder %s: %s"), dir, strerror(errno));
        free(dir);
        return -1;
    }
    char tmp[4100];
    snprintf(tmp, sizeof tmp, "%s.building-XXXXXX", path);
    int fd = mkstemp(tmp); /* mode 0600 */
    if (fd < 0) {
        err_set(e, _("cannot create %s: %s"), tmp, strerror(errno));
        free(dir);
        return -1;
    }
    close(fd);
    tmpguard_arm(tmp);
    sqlite3 *db = db_open(tmp, DB_CREATE, e);
    int rc = db ? demo_generate_into(db, o, DEMO_NEW_FILE, counts, e) : -1;
    db_close(db);
    if (rc == 0 && db_sync_path(tmp) < 0)
        rc = err_set(e, _("cannot write %s: %s"), tmp, strerror(errno));
    if (rc == 0)
        rc = give_name(tmp, path, e);
    remove_temporary(tmp);
    tmpguard_disarm();
    if (rc == 0)
        db_sync_path(dir);
    free(dir);
    return rc;
}
