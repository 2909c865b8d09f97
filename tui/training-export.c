/* training-export.c — writes a figure or a list to CSV (for Excel) and text (for
 * paper), through the one safe writer (outfile.h). */
#include "tui-training.h"
#include "outfile.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes one file (mode 0600) with emit; returns 0 or -1 with e set. */
static int write_one(const char *name, int force, void (*emit)(FILE *f, void *ctx, report_format fmt),
                     void *ctx, report_format fmt, cdtt_err *e)
{
    outfile o;
    FILE *f = outfile_fopen(&o, name, force, e);
    if (!f)
        return -1;
    emit(f, ctx, fmt);
    return outfile_fclose(&o, f, 1, e);
}

/* Whether the files may be written: 1 (*force set when they replace files the
 * user agreed to replace), 0 when the user declined, -1 with e set when one of
 * them is something the writer never replaces (a link, a folder, a device). */
static int may_write(tui_ctx *cx, const char *csv, const char *txt, int *force, cdtt_err *e)
{
    struct stat sb;
    *force = 0;
    if (lstat(csv, &sb) != 0 && lstat(txt, &sb) != 0)
        return 1;
    if (outfile_check(csv, 1, e) < 0 || outfile_check(txt, 1, e) < 0)
        return -1;
    char q[1200];
    snprintf(q, sizeof q, _("%s or %s exists. Replace it?"), csv, txt);
    if (!ctx_confirm(cx, q))
        return 0;
    *force = 1;
    return 1;
}

int training_export(tui_ctx *cx, const char *stem, void (*emit)(FILE *f, void *ctx, report_format fmt), void *ctx,
                    char *msg, size_t n)
{
    char csv[512], txt[512];
    snprintf(csv, sizeof csv, "%s.csv", stem);
    snprintf(txt, sizeof txt, "%s.txt", stem);
    cdtt_err e;
    int force;
    int ok = may_write(cx, csv, txt, &force, &e);
    if (ok == 0) {
        snprintf(msg, n, _("Not written: %s is kept as it was."), csv);
        return 1;
    }
    if (ok < 0 || write_one(csv, force, emit, ctx, REPORT_CSV, &e) < 0 ||
        write_one(txt, force, emit, ctx, REPORT_TEXT, &e) < 0) {
        snprintf(msg, n, "%s", e.msg);
        return -1;
    }
    char cwd[256];
    if (!getcwd(cwd, sizeof cwd))
        snprintf(cwd, sizeof cwd, ".");
    snprintf(msg, n, _("Written: %s and %s in %s"), csv, txt, cwd);
    return 0;
}
