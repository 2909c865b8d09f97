/* csvio-import-report.c — how a member import tells what it found: problems
 * "FILE:LINE: …" in file order, a record check's findings under the file's
 * own headers, and cell values shown safely. The other csvio-import-*.c files
 * call these; these call none of them. */
#include "csvio-import.h"
#include "text.h"
#include "validate.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void import_problem(importer *im, const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    csvio_list_push(&im->s->problems, &im->s->n_problems, xstrdup(line));
}

void import_shown(const char *v, char *out, size_t outlen)
{
    if (!text_valid_utf8(v, strlen(v))) {
        snprintf(out, outlen, "%s", _("(not valid UTF-8)"));
        return;
    }
    size_t keep = text_fit(v, 60);
    if (keep + 4 > outlen)
        keep = outlen > 4 ? outlen - 4 : 0;
    while (keep > 0 && ((unsigned char)v[keep] & 0xC0) == 0x80)
        keep--;
    size_t k = 0;
    for (size_t i = 0; i < keep; i++)
        out[k++] = (unsigned char)v[i] < 0x20 ? ' ' : v[i];
    out[k] = '\0';
    if (v[keep])
        snprintf(out + k, outlen - k, "…");
}

/* The file's header for a record field a check named: members' columns
 * (csvio_member_field_of), those of the membership, team and area a row
 * makes, and "name" as the team's or area's column (name_field). "" when none. */
static const char *header_of(const importer *im, const char *field, int name_field)
{
    static const struct {
        const char *column;
        int f;
    } MAP[] = {
        {"role", CSVIO_F_ROLE},      {"team_uuid", CSVIO_F_TEAM}, {"member_uuid", CSVIO_F_NAME},
        {"date_from", CSVIO_F_SINCE}, {"date_to", CSVIO_F_TEAM},  {"level", CSVIO_F_TEAM},
        {"area_uuid", CSVIO_F_AREA}, {"kind", CSVIO_F_AREA},
    };
    if (!field[0])
        return "";
    if (strcmp(field, "name") == 0 && name_field >= 0)
        return im->cols.header[name_field];
    int f = csvio_member_field_of(field);
    if (f >= 0)
        return im->cols.header[f];
    for (int m = 0; m < im->cols.n_more; m++)
        if (strcmp(field, im->cols.more[m]->column) == 0)
            return im->cols.more_header[m];
    for (size_t i = 0; i < sizeof MAP / sizeof MAP[0]; i++)
        if (strcmp(field, MAP[i].column) == 0)
            return im->cols.header[MAP[i].f];
    return "";
}

int import_after_save(importer *im, int rc, const findings *f, int name_field, int *row_errors)
{
    for (int i = 0; i < f->n; i++) {
        const finding *x = &f->items[i];
        const char *fld = header_of(im, x->field, name_field);
        if (x->severity >= VALID_ERROR)
            import_problem(im, "%s:%ld: %s%s%s", im->path, im->line, fld, *fld ? ": " : "",
                           x->msg);
        else if (rc == 0)
            import_problem(im, _("%s:%ld: warning: %s%s%s"), im->path, im->line, fld,
                           *fld ? ": " : "", x->msg);
    }
    if (rc == 0)
        return 0;
    if (findings_worst(f) >= VALID_ERROR) {
        (*row_errors)++;
        return 1;
    }
    if (!im->e->msg[0])
        err_set(im->e, _("the database refused a row of %s (line %ld)"), im->path, im->line);
    return -1;
}

void import_append(char *out, size_t outlen, const char *fmt, ...)
{
    size_t len = strlen(out);
    if (len && len + 2 < outlen)
        len += (size_t)snprintf(out + len, outlen - len, "; ");
    if (len + 1 >= outlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out + len, outlen - len, fmt, ap);
    va_end(ap);
}
