/* shown.c — what the commands print of the data and of messages, made safe to
 * show on a terminal (text_safe): one helper for every printer in cli/. */
#include "cli.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* How many results of cli_shown stay valid at once. */
#define SHOWN_SLOTS 32

const char *cli_shown(const char *s)
{
    static char *slot[SHOWN_SLOTS];
    static int next;
    if (!s)
        return "";
    if (!text_safe_needed(s, 0))
        return s;
    free(slot[next]);
    slot[next] = text_safe(s, 0);
    const char *shown = slot[next];
    next = (next + 1) % SHOWN_SLOTS;
    return shown;
}

void cli_vprint_safe(FILE *f, const char *fmt, va_list ap)
{
    char small[1024];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    char *text = small;
    if (n >= (int)sizeof small) {
        text = xmalloc((size_t)n + 1);
        vsnprintf(text, (size_t)n + 1, fmt, again);
    }
    va_end(again);
    if (n < 0)
        text[0] = '\0';
    char *safe = text_safe(text, TEXT_SAFE_NEWLINES);
    fputs(safe, f);
    free(safe);
    if (text != small)
        free(text);
}

void cli_print_safe(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_vprint_safe(f, fmt, ap);
    va_end(ap);
}
