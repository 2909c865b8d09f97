/* package-tmpfile.c — the temporary files a package is written to before it is
 * renamed into place, and the removal of those that a stopped export left. */
#include "package.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* How long a temporary file that names no process must have been left unchanged
 * before it counts as abandoned (older versions did not name the process). */
#define UNNAMED_TMP_AGE_SECONDS 3600

int package_tmp_create(const char *dir, char *out, size_t outlen, cdtt_err *e)
{
    int n = snprintf(out, outlen, "%s/%s%ld.XXXXXX", dir, PACKAGE_TMP_PREFIX, (long)getpid());
    if (n < 0 || (size_t)n >= outlen)
        return err_set(e, _("cannot create a file in %s: %s"), dir, strerror(ENAMETOOLONG));
    int fd = mkstemp(out);
    if (fd < 0)
        return err_set(e, _("cannot create a file in %s: %s"), dir, strerror(errno));
    close(fd);
    return 0;
}

/* Whether the process pid has ended (one we may not signal counts as running). */
static int process_ended(long pid)
{
    return pid > 0 && kill((pid_t)pid, 0) < 0 && errno == ESRCH;
}

/* Whether the temporary file called name (after the prefix) was abandoned. */
static int abandoned(const char *rest, const struct stat *sb)
{
    char *end = NULL;
    errno = 0;
    long pid = strtol(rest, &end, 10);
    if (end != rest && *end == '.' && errno == 0)
        return process_ended(pid);
    return time(NULL) - sb->st_mtime > UNNAMED_TMP_AGE_SECONDS;
}

int package_tmp_sweep(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t plen = strlen(PACKAGE_TMP_PREFIX);
    int removed = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strncmp(de->d_name, PACKAGE_TMP_PREFIX, plen) != 0)
            continue;
        struct stat sb;
        if (fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(sb.st_mode) ||
            sb.st_uid != geteuid())
            continue;
        if (abandoned(de->d_name + plen, &sb) && unlinkat(dirfd(d), de->d_name, 0) == 0)
            removed++;
    }
    closedir(d);
    return removed;
}
