/* training-export.c — writes a figure or a list to CSV (for Excel) and text (for paper). */
#include "tui-training.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes one file name (mode 0600); returns 0 or -1 with errno set. */
static int write_one(const char *name, void (*emit)(FILE *f, void *ctx, report_format fmt), void *ctx,
                     report_format fmt)
{
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    fchmod(fd, 0600);
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        return -1;
    }
    emit(f, ctx, fmt);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad)
        return -1;
    return 0;
}

int training_export(const char *stem, void (*emit)(FILE *f, void *ctx, report_format fmt), void *ctx,
                    char *msg, size_t n)
{
    char csv[512], txt[512];
    snprintf(csv, sizeof csv, "%s.csv", stem);
    snprintf(txt, sizeof txt, "%s.txt", stem);
    if (write_one(csv, emit, ctx, REPORT_CSV) < 0 || write_one(txt, emit, ctx, REPORT_TEXT) < 0) {
        snprintf(msg, n, _("Cannot write %s: %s"), stem, strerror(errno));
        return -1;
    }
    char cwd[256];
    if (!getcwd(cwd, sizeof cwd))
        snprintf(cwd, sizeof cwd, ".");
    snprintf(msg, n, _("Written: %s and %s in %s"), csv, txt, cwd);
    return 0;
}
