/* report-missing.c — the list of members or teams still missing an indicator, as text or CSV. */
#include "progress.h"
#include "csv.h"
#include "db.h"
#include "office.h"
#include "validate.h"
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

/* The commune columns are there only at a consolidating office (their headings are "" elsewhere). */
enum { M_NO, M_CCODE, M_CNAME, M_NAME, M_TEAMS, M_AREA, M_DETAIL, M_N };

static void headers(enum target_indicator ind, int consolidated, const char *h[M_N])
{
    h[M_NO] = report_tr(RN_("No."));
    h[M_CCODE] = consolidated ? report_tr(RN_("Commune code")) : "";
    h[M_CNAME] = consolidated ? report_tr(RN_("Commune")) : "";
    h[M_NAME] = report_tr(ind == TARGET_INPERSON ? RN_("Team") : RN_("Full name"));
    h[M_TEAMS] = ind == TARGET_INPERSON ? "" : report_tr(RN_("Team"));
    h[M_AREA] = report_tr(RN_("Village/group"));
    h[M_DETAIL] = ind == TARGET_MOOC ? report_tr(RN_("MOOC course")) : ind == TARGET_ZALO ? "" : report_tr(RN_("Attended"));
}

static void cells(enum target_indicator ind, int consolidated, const progress_missing_item *it, long i,
                  char no[24], const char *c[M_N])
{
    snprintf(no, 24, "%ld", i + 1);
    c[M_NO] = no;
    c[M_CCODE] = consolidated ? it->commune_code : "";
    c[M_CNAME] = consolidated ? it->commune_name : "";
    c[M_NAME] = it->name;
    c[M_TEAMS] = it->teams;
    c[M_AREA] = it->area;
    c[M_DETAIL] = detail_text(ind, it->detail);
}

/* What the row callbacks share. */
typedef struct {
    FILE *f;
    enum target_indicator ind;
    int consolidated; /* the office is above a commune: commune columns */
    const char *h[M_N + 1];
    int w[M_N];   /* text: column widths; 0 = column left out */
    int last;     /* text: the last column shown */
    long i;       /* rows written */
} missing_out;

static const int MAX_W[M_N] = {6, 12, 18, 26, 22, 20, 14};

/* First pass of the text form: the widest cell of each column, within MAX_W. */
static int measure(const progress_missing_item *it, void *arg)
{
    missing_out *o = arg;
    const char *c[M_N];
    char no[24];
    cells(o->ind, o->consolidated, it, o->i++, no, c);
    for (int k = 0; k < M_N; k++)
        if (report_width(c[k]) > o->w[k])
            o->w[k] = report_width(c[k]) < MAX_W[k] ? report_width(c[k]) : MAX_W[k];
    return 0;
}

static void text_line(missing_out *o, const char *const *row)
{
    for (int k = 0; k < o->last; k++)
        if (o->w[k]) {
            report_pad(o->f, row[k], o->w[k], k == M_NO);
            fputs("  ", o->f);
        }
    report_pad(o->f, row[o->last], report_width(row[o->last]) < o->w[o->last] ? report_width(row[o->last]) : o->w[o->last], 0);
    fputc('\n', o->f);
}

static int text_row(const progress_missing_item *it, void *arg)
{
    missing_out *o = arg;
    const char *c[M_N];
    char no[24];
    cells(o->ind, o->consolidated, it, o->i++, no, c);
    text_line(o, c);
    return 0;
}

static int csv_row(const progress_missing_item *it, void *arg)
{
    missing_out *o = arg;
    const char *c[M_N + 1], *out[M_N + 1];
    char no[24];
    cells(o->ind, o->consolidated, it, o->i++, no, c);
    c[M_N] = it->uuid;
    int k = 0;
    for (int col = 0; col <= M_N; col++)
        if (o->h[col][0]) /* columns without a heading say nothing for this list */
            out[k++] = c[col];
    csv_write_row(o->f, out, k, ',');
    return 0;
}

/* The heading of a text missing list. */
static const char *title(enum target_indicator ind)
{
    switch (ind) {
    case TARGET_MOOC: return _("Members who have not completed the MOOC course as of %s: %ld");
    case TARGET_ZALO: return _("Members not following the Zalo OA as of %s: %ld");
    default: return _("Teams not yet trained in person as of %s: %ld");
    }
}

long report_missing(FILE *f, sqlite3 *db, const cdtt_config *cfg, enum target_indicator ind,
                    const char *as_of, const char *area_uuid, report_format fmt, cdtt_err *e)
{
    progress_scope sc;
    memset(&sc, 0, sizeof sc);
    if (area_uuid)
        snprintf(sc.area, sizeof sc.area, "%s", area_uuid[0] ? area_uuid : PROGRESS_NO_AREA);
    return report_missing_in(f, db, cfg, ind, as_of, &sc, fmt, e);
}

long report_missing_in(FILE *f, sqlite3 *db, const cdtt_config *cfg, enum target_indicator ind,
                       const char *as_of, const progress_scope *scope, report_format fmt, cdtt_err *e)
{
    office_rec office;
    missing_out o = {.f = f, .ind = ind};
    o.consolidated = office_get(db, &office) == 0 && strcmp(office.level, "commune") != 0;
    headers(ind, o.consolidated, o.h);
    o.h[M_N] = report_tr(RN_("ID"));
    if (fmt != REPORT_TEXT) {
        const char *out[M_N + 1];
        int k = 0;
        for (int col = 0; col <= M_N; col++)
            if (o.h[col][0])
                out[k++] = o.h[col];
        csv_write_bom(f);
        csv_write_row(f, out, k, ',');
        return progress_missing_in(db, cfg, ind, as_of, scope, csv_row, &o, e);
    }
    for (int k = 0; k < M_N; k++)
        o.w[k] = report_width(o.h[k]) < MAX_W[k] ? report_width(o.h[k]) : MAX_W[k];
    /* Both passes read one snapshot of the file. */
    if (db_exec(db, "BEGIN", e) < 0)
        return -1;
    long n = progress_missing_in(db, cfg, ind, as_of, scope, measure, &o, e);
    if (n < 0) {
        db_rollback(db);
        return -1;
    }
    char shown[11];
    date_to_display(as_of, shown);
    fprintf(f, title(ind), shown, n);
    fputs("\n\n", f);
    o.last = M_N - 1;
    while (o.last > 0 && !o.w[o.last])
        o.last--;
    int width = 0;
    for (int k = 0; k <= o.last; k++)
        width += o.w[k] ? o.w[k] + (k ? 2 : 0) : 0;
    text_line(&o, o.h);
    for (int k = 0; k < width; k++)
        fputc('-', f);
    fputc('\n', f);
    o.i = 0;
    n = progress_missing_in(db, cfg, ind, as_of, scope, text_row, &o, e);
    db_rollback(db); /* a read: nothing to keep */
    return n;
}
