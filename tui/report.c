/* report.c — what a widget or a screen says back to whoever drew it or gave
 * it a key: the message line, the hint and the cursor. */
#include "tui-core.h"

#include <stdio.h>

void report_vmessage(tui_report *r, int sev, const char *fmt, va_list ap)
{
    if (!r)
        return;
    vsnprintf(r->msg, sizeof r->msg, fmt, ap);
    r->msg_sev = sev;
}

void report_message(tui_report *r, int sev, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_vmessage(r, sev, fmt, ap);
    va_end(ap);
}

void report_vhint(tui_report *r, const char *fmt, va_list ap)
{
    if (r)
        vsnprintf(r->hint, sizeof r->hint, fmt, ap);
}

void report_hint(tui_report *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_vhint(r, fmt, ap);
    va_end(ap);
}

void report_cursor(tui_report *r, int y, int x)
{
    if (!r)
        return;
    r->cur_y = y;
    r->cur_x = x;
}
