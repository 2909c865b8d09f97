/* records-findings.c — the list of findings a check produces, and the team size
 * limits (from the configuration) that some checks compare against. */
#include "records-internal.h"

#include <stdio.h>
#include <string.h>

static int limit_commune, limit_village;

void records_set_limits(int commune, int village)
{
    limit_commune = commune > 0 ? commune : 0;
    limit_village = village > 0 ? village : 0;
}

int records_limit_for_level(const char *level)
{
    if (!level)
        return 0;
    return strcmp(level, "commune") == 0 ? limit_commune : limit_village;
}

valid_status findings_worst(const findings *f)
{
    valid_status worst = VALID_OK;
    for (int i = 0; f && i < f->n; i++)
        if (f->items[i].severity > worst)
            worst = f->items[i].severity;
    return worst;
}

void findings_add(findings *f, valid_status sev, const char *field, const char *fmt, ...)
{
    if (!f || f->n >= (int)(sizeof f->items / sizeof f->items[0]))
        return;
    finding *x = &f->items[f->n++];
    memset(x, 0, sizeof *x);
    x->severity = sev;
    snprintf(x->field, sizeof x->field, "%s", field ? field : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->msg, sizeof x->msg, fmt, ap);
    va_end(ap);
}

void findings_append(findings *to, const findings *from)
{
    for (int i = 0; to && i < from->n && to->n < (int)(sizeof to->items / sizeof to->items[0]); i++)
        to->items[to->n++] = from->items[i];
}
