/* ctx.c — what a screen asks of the app through its context: the message
 * line and the cursor are written into the context; pushing, popping and
 * questions go to the app that owns the screens. */
#include "tui-core.h"
#include "timing.h"

#include <stdarg.h>
#include <string.h>

void ctx_push(tui_ctx *cx, tui_screen *s)
{
    cx->push(cx, s);
}

void ctx_pop(tui_ctx *cx)
{
    cx->pop(cx);
}

bool ctx_confirm(tui_ctx *cx, const char *question)
{
    return cx->confirm(cx, question);
}

void ctx_message(tui_ctx *cx, int sev, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_vmessage(&cx->report, sev, fmt, ap);
    va_end(ap);
}

void ctx_hint(tui_ctx *cx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_vhint(&cx->report, fmt, ap);
    va_end(ap);
}

void ctx_cursor(tui_ctx *cx, int y, int x)
{
    report_cursor(&cx->report, y, x);
}

void ctx_timing(tui_ctx *cx, const char *event, double since_ms)
{
    if (!timing_on())
        return;
    cx->timing_event = event;
    cx->timing_since = since_ms;
}

int ctx_telex_style(const tui_ctx *cx)
{
    return strcmp(cx->cfg->telex_tone_style, "old") == 0;
}
