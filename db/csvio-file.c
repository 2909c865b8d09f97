/* csvio-file.c — spreadsheet files that appear complete or not at all, mode
 * 0600, never replacing a file the user did not ask to replace. */
#include "csvio.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int csvio_outfile_begin(csvio_outfile *o, const char *path, int force, cdtt_err *e)
{
    memset(o, 0, sizeof *o);
    if (!path || !*path)
        return err_set(e, _("no output file given"));
    if (strlen(path) + 16 >= sizeof o->path)
        return err_set(e, _("the file name is too long: %s"), path);
    snprintf(o->path, sizeof o->path, "%s", path);
    o->force = force;
    struct stat sb;
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return err_set(e, _("%s is a folder; give a file name"), path);
        if (!force)
            return err_set(e, _("%s already exists; use --force to replace it"), path);
    }
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        int err = errno;
        o->tmp[0] = '\0';
        return err_set(e, _("cannot create %s: %s"), path, strerror(err));
    }
    fchmod(fd, 0600);
    return fd;
}

int csvio_outfile_commit(csvio_outfile *o, cdtt_err *e)
{
    if (!o->force) {
        /* link() fails when the destination appeared meanwhile: no silent replacing. */
        if (link(o->tmp, o->path) == 0) {
            unlink(o->tmp);
            o->tmp[0] = '\0';
            return 0;
        }
        if (errno == EEXIST) {
            csvio_outfile_abort(o);
            return err_set(e, _("%s already exists; use --force to replace it"), o->path);
        }
        /* Some file systems (USB sticks) have no hard links: check, then rename. */
        if (access(o->path, F_OK) == 0) {
            csvio_outfile_abort(o);
            return err_set(e, _("%s already exists; use --force to replace it"), o->path);
        }
    }
    if (rename(o->tmp, o->path) != 0) {
        int err = errno;
        csvio_outfile_abort(o);
        return err_set(e, _("cannot write %s: %s"), o->path, strerror(err));
    }
    o->tmp[0] = '\0';
    return 0;
}

void csvio_outfile_abort(csvio_outfile *o)
{
    if (o->tmp[0])
        unlink(o->tmp);
    o->tmp[0] = '\0';
}
