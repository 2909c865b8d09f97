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

/* At *p (a byte >= 0x80): writes a C1 control or a bidi override as a \\u
 * escape, moves *p to its last byte and returns true; otherwise false. */
static bool json_escape_wide(FILE *f, const unsigned char **p)
{
    const unsigned char *q = *p;
    unsigned cp = 0;
    int len = 0;
    if (q[0] == 0xC2 && q[1] >= 0x80 && q[1] <= 0x9F)
        cp = q[1], len = 2;
    else if (q[0] == 0xE2 && q[1] == 0x80 && q[2] >= 0xAA && q[2] <= 0xAE)
        cp = 0x2000u + (q[2] - 0x80u), len = 3;
    else if (q[0] == 0xE2 && q[1] == 0x81 && q[2] >= 0xA6 && q[2] <= 0xA9)
        cp = 0x2040u + (q[2] - 0x80u), len = 3;
    if (!len)
        return false;
    fprintf(f, "\\u%04x", cp);
    *p += len - 1;
    return true;
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
            if (*p < 0x20 || *p == 0x7F)
                fprintf(f, "\\u%04x", *p);
            else if (!json_escape_wide(f, &p))
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

int report_width(const char *s)
{
    if (!text_safe_needed(s, 0))
        return text_width(s);
    char *safe = text_safe(s, 0);
    int w = text_width(safe);
    free(safe);
    return w;
}

void report_pad(FILE *f, const char *text, int cols, int right_align)
{
    char *s = text_safe(text, 0);
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
    free(s);
}
