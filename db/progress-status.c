/* progress-status.c — percentages and where a figure stands against its target and deadline. */
#include "progress.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>

void progress_fraction(const progress_row *r, enum target_indicator ind, long *part, long *whole)
{
    switch (ind) {
    case TARGET_MOOC:
        *part = r->mooc_done, *whole = r->members;
        break;
    case TARGET_ZALO:
        *part = r->zalo_done, *whole = r->members;
        break;
    default:
        *part = r->teams_trained, *whole = r->teams;
        break;
    }
}

double progress_percent(long part, long whole)
{
    return whole > 0 ? 100.0 * (double)part / (double)whole : -1.0;
}

/* Days since 1970-01-01 of a "YYYY-MM-DD" date (proleptic Gregorian); 0 when unreadable. */
static long day_number(const char *iso)
{
    int y, m, d;
    if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return 0;
    return date_days_from_civil(y, m, d);
}

long progress_days_between(const char *a, const char *b)
{
    return day_number(b) - day_number(a);
}

progress_status progress_status_of(const cdtt_target *t, long part, long whole, const char *as_of)
{
    if (whole <= 0)
        return PSTATUS_NONE;
    /* part/whole < percent/100, without rounding trouble. */
    if ((double)part * 100.0 >= t->percent * (double)whole)
        return PSTATUS_REACHED;
    if (!t->deadline[0])
        return PSTATUS_ON_TRACK;
    long left = progress_days_between(as_of, t->deadline);
    if (left < 0)
        return PSTATUS_BEHIND;
    return left <= PROGRESS_RISK_DAYS ? PSTATUS_AT_RISK : PSTATUS_ON_TRACK;
}

int progress_by_parse(const char *s, progress_by *by)
{
    static const char *const names[] = {"area", "commune", "district", "province"};
    for (int i = 0; i < 4; i++)
        if (s && strcmp(s, names[i]) == 0) {
            *by = (progress_by)i;
            return 0;
        }
    return -1;
}

int report_format_parse(const char *s, report_format *fmt)
{
    static const char *const names[] = {"text", "csv", "json"};
    for (int i = 0; i < 3; i++)
        if (s && strcmp(s, names[i]) == 0) {
            *fmt = (report_format)i;
            return 0;
        }
    return -1;
}

int progress_parse_as_of(const char *in, char out[11], cdtt_err *e)
{
    if (!in || !*in) {
        date_today(out);
        return 0;
    }
    valid_result r;
    if (validate_date(in, out, &r) != VALID_OK || !out[0])
        return err_set(e, _("'%s' is not a date (dd/mm/yyyy or yyyy-mm-dd)"), in);
    return 0;
}
