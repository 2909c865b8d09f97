/* report-activity.c — the activities of a period by type, as text, CSV or JSON. */
#include "progress.h"
#include "csv.h"
#include "text.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>

enum { A_TYPE, A_COUNT, A_PEOPLE, A_HOUSEHOLDS, A_N };

static const char *const HEADERS[A_N] = {
    RN_("Activity type"), RN_("Count"), RN_("People"), RN_("Households"),
};

/* Row i (0..9 a type, 10 the totals) as text cells. */
static void cells(const activity_summary *s, int i, char num[3][24], const char *c[A_N])
{
    long count = 0, people = 0, households = 0;
    for (int k = 0; k < 10; k++)
        if (i == 10 || k == i)
            count += s->count[k], people += s->people[k], households += s->households[k];
    snprintf(num[0], 24, "%ld", count);
    snprintf(num[1], 24, "%ld", people);
    snprintf(num[2], 24, "%ld", households);
    c[A_TYPE] = i == 10 ? _("Total") : activity_type_label(i);
    c[A_COUNT] = num[0];
    c[A_PEOPLE] = num[1];
    c[A_HOUSEHOLDS] = num[2];
}

static void write_text(FILE *f, const activity_summary *s, const char *from, const char *to)
{
    char a[11], b[11], num[3][24];
    const char *c[A_N];
    date_to_display(from, a);
    date_to_display(to, b);
    fprintf(f, _("Activities from %s to %s"), a, b);
    fputs("\n\n", f);
    int w[A_N];
    for (int k = 0; k < A_N; k++)
        w[k] = report_width(report_tr(HEADERS[k]));
    for (int i = 0; i <= 10; i++) {
        cells(s, i, num, c);
        for (int k = 0; k < A_N; k++)
            if (report_width(c[k]) > w[k])
                w[k] = report_width(c[k]);
    }
    int width = 0;
    for (int k = 0; k < A_N; k++)
        width += w[k] + (k ? 2 : 0);
    for (int i = -1; i <= 10; i++) {
        if (i >= 0)
            cells(s, i, num, c);
        for (int k = 0; k < A_N; k++) {
            fputs(k ? "  " : "", f);
            report_pad(f, i < 0 ? report_tr(HEADERS[k]) : c[k], w[k], k > 0);
        }
        fputc('\n', f);
        if (i == -1 || i == 9) {
            for (int k = 0; k < width; k++)
                fputc('-', f);
            fputc('\n', f);
        }
    }
    fprintf(f, "\n%s: %ld\n", _("In-person training sessions held"), s->sessions);
}

static void write_csv(FILE *f, const activity_summary *s)
{
    const char *h[A_N + 1], *c[A_N + 1];
    char num[3][24];
    h[0] = report_tr(RN_("Type"));
    for (int k = 0; k < A_N; k++)
        h[k + 1] = report_tr(HEADERS[k]);
    csv_write_bom(f);
    csv_write_row(f, h, A_N + 1, ',');
    for (int i = 0; i <= 10; i++) {
        cells(s, i, num, c + 1);
        c[0] = i < 10 ? ACTIVITY_TYPES[i] : "";
        csv_write_row(f, c, A_N + 1, ',');
    }
}

static void write_json(FILE *f, const activity_summary *s, const char *from, const char *to)
{
    fprintf(f, "{\n  \"from\": \"%s\",\n  \"to\": \"%s\",\n  \"sessions\": %ld,\n  \"types\": [", from, to,
            s->sessions);
    long tc = 0, tp = 0, th = 0;
    for (int i = 0; i < 10; i++) {
        fprintf(f, "%s\n    {\"type\": \"%s\", \"activities\": %ld, \"people_helped\": %ld, "
                   "\"households_helped\": %ld}",
                i ? "," : "", ACTIVITY_TYPES[i], s->count[i], s->people[i], s->households[i]);
        tc += s->count[i], tp += s->people[i], th += s->households[i];
    }
    fprintf(f, "\n  ],\n  \"totals\": {\"activities\": %ld, \"people_helped\": %ld, \"households_helped\": %ld}\n}\n",
            tc, tp, th);
}

void report_activity_write(FILE *f, const activity_summary *s, const char *from, const char *to, report_format fmt)
{
    if (fmt == REPORT_CSV)
        write_csv(f, s);
    else if (fmt == REPORT_JSON)
        write_json(f, s, from, to);
    else
        write_text(f, s, from, to);
}
