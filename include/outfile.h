/* outfile.h — the one way cdtt writes an output file: CSV and xlsx exports,
 * the training screens' report files, packages, settings. Every such file
 *  - is written to a temporary file beside the target (mode 0600, created
 *    with O_EXCL, so never through a link), flushed to the disk (fsync), then
 *    renamed into place, so it appears complete or not at all; the folder is
 *    flushed after the rename;
 *  - never replaces a symbolic link (links are never followed), a folder, a
 *    device, a pipe or a socket, even when asked to;
 *  - replaces an existing regular file only when force is set (the command
 *    line's --force, or the screen's question answered yes);
 *  - reports a failure as what it is: "the disk is full" for ENOSPC.
 * A temporary file is removed on failure, and on Ctrl-C, kill or hang-up
 * (tmpguard) while it is written. */
#ifndef CDTT_OUTFILE_H
#define CDTT_OUTFILE_H

#include <stdio.h>
#include "cdtt.h"

/* A file being written. */
typedef struct {
    char path[4096]; /* the destination */
    char tmp[4096];  /* the temporary file beside it ("" when none) */
    int force;       /* replacing an existing regular file was asked for */
} outfile;

/* Whether path may be written: absent, or a regular file and force. Refuses an
 * empty name, a symbolic link, a folder, and anything that is not a regular
 * file. Returns 0, or -1 with e set. */
int outfile_check(const char *path, int force, cdtt_err *e);

/* outfile_check, then creates the temporary file and returns its descriptor
 * (>= 0), or -1 with e set. */
int outfile_begin(outfile *o, const char *path, int force, cdtt_err *e);

/* Flushes the temporary file to the disk and gives it the destination's name:
 * without force never replacing anything (a file that appeared meanwhile is
 * kept), with force replacing only a regular file (checked again just before).
 * Returns 0, or -1 with e set and the temporary file removed. */
int outfile_commit(outfile *o, cdtt_err *e);

/* Removes the temporary file (nothing is written to the destination). */
void outfile_abort(outfile *o);

/* outfile_begin as a stdio stream ("wb"); NULL with e set. */
FILE *outfile_fopen(outfile *o, const char *path, int force, cdtt_err *e);

/* Ends a stream from outfile_fopen: when ok and every write succeeded, flushes,
 * closes and commits it; otherwise closes it and removes the temporary file.
 * Returns 0, or -1 with e set (e is left as it is when !ok). */
int outfile_fclose(outfile *o, FILE *f, int ok, cdtt_err *e);

/* For a writer that made its temporary file itself (a package, the settings):
 * gives the finished file tmp, in path's folder, the name path by the rules of
 * outfile_commit. tmp is left in place on failure. Returns 0, or -1 with e set. */
int outfile_place(const char *tmp, const char *path, int force, cdtt_err *e);

/* Writes all n bytes of buf to fd, retrying after a short write (which sets no
 * errno; the retry gets the reason, ENOSPC on a full disk). Returns 0, or -1
 * with errno set. */
int outfile_write_all(int fd, const void *buf, size_t n);

/* What the I/O error err means, for a person: "the disk is full" for ENOSPC
 * and EDQUOT, otherwise strerror(err). */
const char *io_reason(int err);

#endif
