/* report-missing.c — the list of members or teams still missing an indicator, as text or CSV. */
#include "progress.h"
#include "csv.h"
#include "text.h"

#include <stdio.h>
#include <string.h>

/* The detail column as a person reads it. */
static const char *detail_text(enum target_indicator ind, const char *detail)
{
    if (ind == TARGET_MOOC) {
        if (strcmp(detail, "in_progress") == 0)
            return _("in progress");
        if (strcmp(detail, "completed") == 0)
            return _("completed later");
        return _("not started");
    }
    return detail;
}

enum { M_NO, M_NAME, M_TEAMS, M_AREA, M_DETAIL, M_N };

static void headers(enum target_indicator ind, const char *h[M_N])
{
    h[M_NO] = report_tr(N_("No."));
    h[M_NAME] = report_tr(ind == TARGET_INPERSON ? N_("Team") : N_("Full name"));
    h[M_TEAMS] = ind == TARGET_INPERSON ? "" : report_tr(N_("Team"));
    h[M_AREA] = report_tr(N_("Village/group"));
    h[M_DETAIL] = ind == TARGET_MOOC ? report_tr(N_("MOOC course")) : ind == TARGET_ZALO ? "" : report_tr(N_("Attended"));
}

static void cells(enum target_indicator ind, const progress_missing_item *it, int i, char no[16],
                  const char *c[M_N])
{
    snprintf(no, 16, "%d", i + 1);
    c[M_NO] = no;
    c[M_NAME] = it->name;
    c[M_TEAMS] = it->teams;
    c[M_AREA] = it->area;
    c[M_DETAIL] = detail_text(ind, it->detail);
}

static void write_text(FILE *f, enum target_indicator ind, const progress_missing_item *items, int n)
{
    static const int max_w[M_N] = {4, 26, 22, 20, 14};
    const char *h[M_N], *c[M_N];
    char no[16];
    int w[M_N];
    headers(ind, h);
    for (int k = 0; k < M_N; k++)
        w[k] = text_width(h[k]);
    for (int i = 0; i < n; i++) {
        cells(ind, &items[i], i, no, c);
        for (int k = 0; k < M_N; k++)
            if (text_width(c[k]) > w[k])
                w[k] = text_width(c[k]);
    }
    int width = 0;
    for (int k = 0; k < M_N; k++) {
        if (w[k] > max_w[k])
            w[k] = max_w[k];
        width += w[k] ? w[k] + 2 : 0;
    }
    for (int i = -1; i < n; i++) {
        if (i >= 0)
            cells(ind, &items[i], i, no, c);
        const char *const *row = i < 0 ? h : c;
        int last = M_N - 1;
        while (last > 0 && !w[last])
            last--;
        for (int k = 0; k < last; k++)
            if (w[k]) {
                report_pad(f, row[k], w[k], k == M_NO);
                fputs("  ", f);
            }
        report_pad(f, row[last], text_width(row[last]) < w[last] ? text_width(row[last]) : w[last], 0);
        fputc('\n', f);
        if (i < 0) {
            for (int k = 0; k < width - 2; k++)
                fputc('-', f);
            fputc('\n', f);
        }
    }
}

static void write_csv(FILE *f, enum target_indicator ind, const progress_missing_item *items, int n)
{
    const char *h[M_N + 1], *c[M_N + 1], *out[M_N + 1];
    char no[16];
    headers(ind, h);
    h[M_N] = report_tr(N_("ID"));
    csv_write_bom(f);
    for (int i = -1; i < n; i++) {
        if (i >= 0) {
            cells(ind, &items[i], i, no, c);
            c[M_N] = items[i].uuid;
        }
        int k = 0;
        for (int col = 0; col <= M_N; col++)
            if (h[col][0]) /* columns without a heading say nothing for this list */
                out[k++] = i < 0 ? h[col] : c[col];
        csv_write_row(f, out, k, ',');
    }
}

void report_missing_write(FILE *f, enum target_indicator ind, const progress_missing_item *items,
                          int n, report_format fmt)
{
    if (fmt == REPORT_TEXT)
        write_text(f, ind, items, n);
    else
        write_csv(f, ind, items, n);
}
