/* report-util.c — small writers shared by the report formats. */
#include "progress.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *report_tr(const char *msgid)
{
    char key[256];
    if (snprintf(key, sizeof key, "report%c%s", '\004', msgid) >= (int)sizeof key)
        return msgid;
    const char *t = gettext(key);
    return t == key ? msgid : t;
}

void report_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

void report_pad(FILE *f, const char *s, int cols, int right_align)
{
    int cut_short = text_width(s) > cols && cols > 1;
    size_t len = text_fit(s, cut_short ? cols - 1 : cols);
    char *cut = xmalloc(len + sizeof "…");
    memcpy(cut, s, len);
    strcpy(cut + len, cut_short ? "…" : "");
    int w = text_width(cut);
    if (right_align)
        fprintf(f, "%*s", cols - w > 0 ? cols - w : 0, "");
    fputs(cut, f);
    if (!right_align)
        fprintf(f, "%*s", cols - w > 0 ? cols - w : 0, "");
    free(cut);
}
