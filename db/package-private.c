/* package-private.c — the private folder an import copies a package into
 * before opening it: made with mkdtemp (0700) in TMPDIR, removed with
 * everything in it when the import ends, on Ctrl-C, kill or hang-up
 * (tmpguard), or, when a crash left it, by a later import once it is a day
 * old and the process named in it has ended (a clock set ahead must not take
 * the folder of an import still running). The copy's header is set to the rollback journal, so that opening it
 * makes no WAL files. */
#include "package.h"
#include "outfile.h"
#include "tmpguard.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* How the private folders' names begin, and their age when they count as abandoned. */
#define PRIVATE_PREFIX "cdtt-import."
#define PRIVATE_STALE_SECONDS (24 * 3600)

/* The name of the copy inside the folder. */
static const char COPY_NAME[] = "package";

static const char *tmp_root(void)
{
    const char *tmp = getenv("TMPDIR");
    return tmp && *tmp ? tmp : "/tmp";
}

/* Removes the files of the folder fd (opened on it) and then the folder name in parent. */
static void remove_folder_at(int parent, const char *name)
{
    int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            unlinkat(dirfd(d), de->d_name, 0);
    closedir(d);
    unlinkat(parent, name, AT_REMOVEDIR);
}

/* True when the rest of a private folder's name (after PRIVATE_PREFIX) names
 * the process that made it ("PID.XXXXXX") and that process is still running.
 * Names without a process (made by older versions) are judged by age alone. */
static bool owner_running(const char *rest)
{
    char *end;
    errno = 0;
    long pid = strtol(rest, &end, 10);
    if (end == rest || *end != '.' || errno != 0 || pid <= 0 || pid > INT_MAX)
        return false;
    return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

int package_private_sweep(const char *root)
{
    DIR *d = opendir(root);
    if (!d)
        return 0;
    int removed = 0;
    size_t plen = strlen(PRIVATE_PREFIX);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        struct stat sb;
        if (strncmp(de->d_name, PRIVATE_PREFIX, plen) != 0 || owner_running(de->d_name + plen) ||
            fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) < 0 ||
            !(S_ISDIR(sb.st_mode) || S_ISREG(sb.st_mode)) || sb.st_uid != geteuid() ||
            time(NULL) - sb.st_mtime <= PRIVATE_STALE_SECONDS)
            continue;
        if (S_ISDIR(sb.st_mode))
            remove_folder_at(dirfd(d), de->d_name);
        else /* a copy an older cdtt made in TMPDIR itself */
            unlinkat(dirfd(d), de->d_name, 0);
        if (fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) < 0)
            removed++;
    }
    closedir(d);
    return removed;
}

int package_private_begin(package_private *p, cdtt_err *e)
{
    static int swept; /* once a run: a province imports many files at once */
    const char *root = tmp_root();
    if (!swept++)
        package_private_sweep(root);
    int n = snprintf(p->dir, sizeof p->dir, "%s/%s%ld.XXXXXX", root, PRIVATE_PREFIX, (long)getpid());
    tmpguard_hold(); /* a signal between making the folder and arming for it would leave it */
    if (n < 0 || (size_t)n >= sizeof p->dir || !mkdtemp(p->dir)) {
        tmpguard_release();
        err_set(e, _("cannot create a temporary folder in %s: %s"), root,
                io_reason(n < 0 || (size_t)n >= sizeof p->dir ? ENAMETOOLONG : errno));
        p->dir[0] = p->copy[0] = '\0';
        return -1;
    }
    snprintf(p->copy, sizeof p->copy, "%s/%s", p->dir, COPY_NAME);
    tmpguard_arm_in(p->copy, p->dir);
    tmpguard_release();
    return 0;
}

void package_private_end(package_private *p)
{
    if (!p->dir[0])
        return;
    tmpguard_hold(); /* a signal between disarming and removing would leave the folder */
    tmpguard_disarm_in();
    char *slash = strrchr(p->dir, '/');
    *slash = '\0';
    int parent = open(p->dir[0] ? p->dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    *slash = '/';
    if (parent >= 0) {
        remove_folder_at(parent, slash + 1);
        close(parent);
    }
    p->dir[0] = p->copy[0] = '\0';
    tmpguard_release();
}

int package_file_begins(const char *path, const void *magic, size_t n)
{
    unsigned char head[64];
    int fd = n <= sizeof head ? open(path, O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0)
        return 0;
    int begins = read(fd, head, n) == (ssize_t)n && memcmp(head, magic, n) == 0;
    close(fd);
    return begins;
}

int package_copy_private(const char *src, const char *dest, cdtt_err *e)
{
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return err_set(e, _("cannot read %s: %s"), src, strerror(errno));
    int fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        err_set(e, _("cannot create a temporary file: %s"), io_reason(errno));
        close(in);
        return -1;
    }
    char buf[65536];
    ssize_t n = 0;
    int rc = 0;
    while (rc == 0 && (n = read(in, buf, sizeof buf)) > 0)
        if (outfile_write_all(fd, buf, (size_t)n) < 0) /* a short write is retried: errno is its reason */
            rc = err_set(e, _("cannot copy %s to the temporary folder: %s"), src, io_reason(errno));
    if (rc == 0 && n < 0)
        rc = err_set(e, _("cannot read %s: %s"), src, strerror(errno));
    close(in);
    if (close(fd) < 0 && rc == 0)
        rc = err_set(e, _("cannot copy %s to the temporary folder: %s"), src, io_reason(errno));
    return rc;
}

int package_private_no_wal(const char *path, cdtt_err *e)
{
    int fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    unsigned char h[2];
    int rc = 0;
    if (fd < 0)
        return err_set(e, _("cannot read %s: %s"), path, strerror(errno));
    /* Bytes 18 and 19 of a SQLite header: the write and read versions, 2 for WAL. */
    if (pread(fd, h, 2, 18) == 2 && (h[0] == 2 || h[1] == 2)) {
        static const unsigned char legacy[2] = {1, 1};
        if (pwrite(fd, legacy, 2, 18) != 2)
            rc = err_set(e, _("cannot copy %s to the temporary folder: %s"), path, io_reason(errno));
    }
    close(fd);
    return rc;
}
