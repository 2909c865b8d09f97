/* outfile.c — the one way cdtt writes an output file (CSV, xlsx, the training
 * screens' reports, packages, settings): a temporary file beside the target,
 * flushed to the disk, then renamed into place, so that a file appears
 * complete or not at all; never through a symbolic link, never over anything
 * but a regular file, never over an existing file unless asked to. */
#include "outfile.h"
#include "tmpguard.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *io_reason(int err)
{
    if (err == ENOSPC || err == EDQUOT)
        return _("the disk is full");
    if (err == EFBIG)
        return _("the file is too large for this disk");
    return strerror(err);
}

int outfile_write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        if (w == 0) { /* no progress and no reason: call it what it nearly always is */
            errno = ENOSPC;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int outfile_check(const char *path, int force, cdtt_err *e)
{
    if (!path || !*path)
        return err_set(e, _("no output file given"));
    struct stat sb;
    if (lstat(path, &sb) != 0)
        return errno == ENOENT ? 0 : err_set(e, _("cannot write %s: %s"), path, io_reason(errno));
    if (S_ISLNK(sb.st_mode))
        return err_set(e, _("%s is a symbolic link; cdtt never writes through a link: give another name"),
                       path);
    if (S_ISDIR(sb.st_mode))
        return err_set(e, _("%s is a folder; give a file name"), path);
    if (!S_ISREG(sb.st_mode))
        return err_set(e, _("%s is not an ordinary file (a device, a pipe or a socket); give another name"),
                       path);
    if (!force)
        return err_set(e, _("%s already exists; use --force to replace it"), path);
    return 0;
}

int outfile_begin(outfile *o, const char *path, int force, cdtt_err *e)
{
    memset(o, 0, sizeof *o);
    if (outfile_check(path, force, e) < 0)
        return -1;
    if (strlen(path) + 16 >= sizeof o->path)
        return err_set(e, _("the file name is too long: %s"), path);
    snprintf(o->path, sizeof o->path, "%s", path);
    o->force = force;
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(o->tmp); /* O_EXCL: never opens a link or an existing file */
    if (fd < 0) {
        int err = errno;
        o->tmp[0] = '\0';
        return err_set(e, _("cannot create %s: %s"), path, io_reason(err));
    }
    fchmod(fd, 0600);
    tmpguard_arm(o->tmp);
    return fd;
}

/* Flushes the file or folder at path to the disk; returns 0 or an errno value. */
static int sync_path(const char *path, int flags)
{
    int fd = open(path, flags | O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return errno;
    int err = fsync(fd) == 0 ? 0 : errno;
    close(fd);
    return err;
}

/* Makes the name given to path durable: flushes its folder. */
static void sync_folder_of(const char *path)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        slash[slash == dir ? 1 : 0] = '\0';
    sync_path(dir, O_DIRECTORY);
}

/* Gives the finished file tmp the name path (see outfile_place); 0 or -1 with e set. */
static int give_name(const char *tmp, const char *path, int force, cdtt_err *e)
{
    if (!force) {
        /* link() fails when the destination appeared meanwhile: no silent replacing. */
        if (link(tmp, path) == 0) {
            unlink(tmp);
            return 0;
        }
        if (errno == EEXIST)
            return err_set(e, _("%s already exists; use --force to replace it"), path);
        if (errno == ENOSPC || errno == EDQUOT || errno == EROFS || errno == EACCES)
            return err_set(e, _("cannot write %s: %s"), path, io_reason(errno));
        /* Some file systems (USB sticks) have no hard links: check, then rename. */
    }
    /* Checked again just before the rename: what appeared meanwhile is not replaced
     * unless it is a regular file and replacing was asked for. */
    if (outfile_check(path, force, e) < 0)
        return -1;
    if (rename(tmp, path) != 0)
        return err_set(e, _("cannot write %s: %s"), path, io_reason(errno));
    return 0;
}

int outfile_place(const char *tmp, const char *path, int force, cdtt_err *e)
{
    int err = sync_path(tmp, 0);
    if (err)
        return err_set(e, _("cannot write %s: %s"), path, io_reason(err));
    if (give_name(tmp, path, force, e) < 0)
        return -1;
    sync_folder_of(path);
    return 0;
}

int outfile_commit(outfile *o, cdtt_err *e)
{
    int rc = outfile_place(o->tmp, o->path, o->force, e);
    if (rc < 0) {
        outfile_abort(o);
        return -1;
    }
    o->tmp[0] = '\0';
    tmpguard_disarm();
    return 0;
}

void outfile_abort(outfile *o)
{
    if (o->tmp[0]) {
        unlink(o->tmp);
        tmpguard_disarm();
    }
    o->tmp[0] = '\0';
}

FILE *outfile_fopen(outfile *o, const char *path, int force, cdtt_err *e)
{
    int fd = outfile_begin(o, path, force, e);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        err_set(e, _("cannot write %s: %s"), path, io_reason(errno));
        close(fd);
        outfile_abort(o);
    }
    return f;
}

int outfile_fclose(outfile *o, FILE *f, int ok, cdtt_err *e)
{
    int rc = ok ? 0 : -1;
    if (rc == 0 && (fflush(f) != 0 || ferror(f)))
        rc = err_set(e, _("cannot write %s: %s"), o->path, io_reason(errno));
    if (fclose(f) != 0 && rc == 0)
        rc = err_set(e, _("cannot write %s: %s"), o->path, io_reason(errno));
    if (rc != 0) {
        outfile_abort(o);
        return -1;
    }
    return outfile_commit(o, e);
}
