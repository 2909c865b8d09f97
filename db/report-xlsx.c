/* report-xlsx.c — the progress summary as an Excel sheet a province hands to its
 * leaders: one row per unit, counts and percentages, status in words, the last
 * package date, and a native column chart per indicator (libxlsxwriter). */
#include "progress.h"
#include "outfile.h"
#include "csvio.h"
#include "i18n.h"
#include "office.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

static const enum target_indicator INDS[TARGET_COUNT] = {TARGET_MOOC, TARGET_ZALO, TARGET_INPERSON};

/* The columns of the summary, in order. */
enum {
    S_CODE, S_NAME, S_TEAMS, S_MEMBERS,
    S_MOOC, S_MOOC_PCT, S_ZALO, S_ZALO_PCT, S_INPERSON, S_INPERSON_PCT,
    S_STATUS, S_LAST, S_N
};

static const char *const HEAD[S_N] = {
    RN_("Code"), NULL /* the unit's level */, RN_("Teams"), RN_("Members"),
    RN_("MOOC completed"), RN_("MOOC %"), RN_("Zalo OA followed"), RN_("Zalo OA %"),
    RN_("Teams trained in person"), RN_("Trained in person %"), RN_("Status"), RN_("Last package"),
};
static const double WIDTH[S_N] = {8, 26, 8, 11, 12, 9, 12, 9, 12, 9, 18, 13};

/* The column of indicator k's count (its percentage is the next one). */
static int count_col(int k)
{
    return S_MOOC + 2 * k;
}

const char *progress_row_status_words(const progress_table *t, const progress_row *r)
{
    static const char *const words[] = {
        [PSTATUS_NONE] = N_("nothing to count"), [PSTATUS_REACHED] = N_("reached"),
        [PSTATUS_ON_TRACK] = N_("on track"), [PSTATUS_AT_RISK] = N_("at risk"),
        [PSTATUS_BEHIND] = N_("BEHIND SCHEDULE"),
    };
    if (r->sent == 0)
        return report_tr(RN_("(sent nothing)"));
    /* The worst: behind, then at risk, on track, reached; none only when nothing counts. */
    static const int rank[] = {[PSTATUS_NONE] = 0, [PSTATUS_REACHED] = 1, [PSTATUS_ON_TRACK] = 2,
                               [PSTATUS_AT_RISK] = 3, [PSTATUS_BEHIND] = 4};
    progress_status worst = PSTATUS_NONE;
    for (int k = 0; k < TARGET_COUNT; k++) {
        long part, whole;
        progress_fraction(r, INDS[k], &part, &whole);
        progress_status s = progress_status_of(&t->targets[INDS[k]], part, whole, t->as_of);
        if (rank[s] > rank[worst])
            worst = s;
    }
    return _(words[worst]);
}

/* The heading of the name column: the level of the rows. */
static const char *name_heading(progress_by by)
{
    static const char *const titles[] = {
        RN_("Village/group"), RN_("Commune"), RN_("District"), RN_("Province"), RN_("Team"), RN_("Member"),
    };
    return report_tr(titles[by]);
}

/* Writes row r at sheet row y (totals when bold is not NULL). */
static lxw_error write_row(lxw_worksheet *ws, lxw_row_t y, const progress_table *t, const progress_row *r,
                           lxw_format *pct, lxw_format *bold, lxw_format *bold_pct)
{
    lxw_error err = worksheet_write_string(ws, y, S_CODE, r->code, bold);
    if (!err)
        err = worksheet_write_string(ws, y, S_NAME, r->name, bold);
    if (r->sent == 0) { /* marked, not counted as zero progress */
        if (!err)
            err = worksheet_write_string(ws, y, S_STATUS, progress_row_status_words(t, r), bold);
        return err;
    }
    if (!err)
        err = worksheet_write_number(ws, y, S_TEAMS, (double)r->teams, bold);
    if (!err)
        err = worksheet_write_number(ws, y, S_MEMBERS, (double)r->members, bold);
    for (int k = 0; k < TARGET_COUNT && !err; k++) {
        long part, whole;
        progress_fraction(r, INDS[k], &part, &whole);
        err = worksheet_write_number(ws, y, (lxw_col_t)count_col(k), (double)part, bold);
        if (!err && whole > 0)
            err = worksheet_write_number(ws, y, (lxw_col_t)(count_col(k) + 1), (double)part / (double)whole,
                                         bold ? bold_pct : pct);
    }
    if (!err)
        err = worksheet_write_string(ws, y, S_STATUS, progress_row_status_words(t, r), bold);
    if (!err && r->last_package[0]) {
        char d[11];
        date_to_display(r->last_package, d);
        err = worksheet_write_string(ws, y, S_LAST, d, bold);
    }
    return err;
}

/* One column chart of indicator k's percentage by unit (rows 1..n of sheet). */
static lxw_error add_chart(lxw_workbook *wb, lxw_worksheet *ws, const char *sheet, const progress_table *t,
                           int k, lxw_row_t at)
{
    lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
    if (!chart)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
    if (!s)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_row_t last = (lxw_row_t)t->n_rows;
    chart_series_set_categories(s, sheet, 1, S_NAME, last, S_NAME);
    chart_series_set_values(s, sheet, 1, (lxw_col_t)(count_col(k) + 1), last, (lxw_col_t)(count_col(k) + 1));
    static const char *const labels[TARGET_COUNT] = {
        N_("Online course (MOOC)"), N_("Following the Zalo OA"), N_("Teams trained in person"),
    };
    char title[256], dl[11];
    date_to_display(t->targets[INDS[k]].deadline, dl);
    snprintf(title, sizeof title, _("%s: target %.0f%% by %s"), _(labels[k]), t->targets[INDS[k]].percent, dl);
    chart_series_set_name(s, _(labels[k]));
    chart_title_set_name(chart, title);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chart_axis_set_num_format(chart->y_axis, "0%");
    chart_axis_set_min(chart->y_axis, 0);
    chart_axis_set_max(chart->y_axis, 1);
    lxw_chart_options opt = {.x_scale = t->n_rows > 12 ? 2.0 : 1.2, .y_scale = 1.2};
    return worksheet_insert_chart_opt(ws, at, S_N + 1, chart, &opt);
}

int report_progress_sheet(struct lxw_workbook *wb, const progress_table *t, cdtt_err *e)
{
    const char *sheet = report_tr(RN_("Summary"));
    lxw_worksheet *ws = workbook_add_worksheet(wb, sheet);
    if (!ws)
        return err_set(e, _("cannot add the sheet %s"), sheet);
    lxw_format *bold = workbook_add_format(wb), *pct = workbook_add_format(wb), *bold_pct = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_num_format(pct, "0.0%");
    format_set_bold(bold_pct);
    format_set_num_format(bold_pct, "0.0%");
    lxw_error err = LXW_NO_ERROR;
    for (int c = 0; c < S_N && !err; c++) {
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, WIDTH[c], NULL);
        err = worksheet_write_string(ws, 0, (lxw_col_t)c, HEAD[c] ? report_tr(HEAD[c]) : name_heading(t->by), bold);
    }
    worksheet_freeze_panes(ws, 1, 0);
    /* The filter and the charts before the rows: a workbook in constant-memory
     * mode (the office's export) takes nothing above the row being written. */
    if (!err)
        err = worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->n_rows, S_N - 1);
    for (int k = 0; k < TARGET_COUNT && !err && t->n_rows > 0; k++)
        err = add_chart(wb, ws, sheet, t, k, (lxw_row_t)(1 + 18 * k));
    for (int i = 0; i < t->n_rows && !err; i++)
        err = write_row(ws, (lxw_row_t)(i + 1), t, &t->rows[i], pct, NULL, NULL);
    if (!err)
        err = write_row(ws, (lxw_row_t)(t->n_rows + 1), t, &t->total, pct, bold, bold_pct);
    char as_of[11], line[128];
    date_to_display(t->as_of, as_of);
    snprintf(line, sizeof line, _("Training progress as of %s"), as_of);
    if (!err)
        err = worksheet_write_string(ws, (lxw_row_t)(t->n_rows + 3), 0, line, NULL);
    if (err)
        return err_set(e, _("cannot write the sheet %s: %s"), sheet, lxw_strerror(err));
    return 0;
}

int report_progress_xlsx(const progress_table *t, const char *path, int force, cdtt_err *e)
{
    outfile out;
    int fd = outfile_begin(&out, path, force, e);
    if (fd < 0)
        return -1;
    close(fd);
    lxw_workbook *wb = workbook_new(out.tmp);
    if (!wb) {
        outfile_abort(&out);
        return err_set(e, _("cannot create %s"), path);
    }
    int rc = report_progress_sheet(wb, t, e);
    lxw_error err = workbook_close(wb);
    if (rc == 0 && err != LXW_NO_ERROR)
        rc = err_set(e, _("cannot write %s: %s"), path, lxw_strerror(err));
    if (rc == 0 && chmod(out.tmp, 0600) != 0)
        rc = err_set(e, _("cannot write %s"), path);
    if (rc != 0) {
        outfile_abort(&out);
        return -1;
    }
    return outfile_commit(&out, e);
}

/* csvio_export_opts.first_sheet over a progress table. */
static int summary_first(struct lxw_workbook *wb, const void *arg, cdtt_err *e)
{
    return report_progress_sheet(wb, arg, e);
}

int report_office_xlsx(sqlite3 *db, const cdtt_config *cfg, const char *path, const csvio_export_opts *opts,
                       cdtt_err *e)
{
    csvio_export_opts o = {0};
    if (opts)
        o = *opts;
    office_rec office;
    if (office_get(db, &office) < 0 || strcmp(office.level, "commune") == 0)
        return csvio_export_xlsx(db, path, &o, e);
    char today[11];
    date_today(today);
    progress_table t;
    progress_by by = strcmp(office.level, "national") == 0 ? PROGRESS_BY_PROVINCE : PROGRESS_BY_COMMUNE;
    if (progress_compute(db, cfg, by, today, &t, e) < 0)
        return -1;
    o.first_sheet = summary_first;
    o.first_sheet_arg = &t;
    int rc = csvio_export_xlsx(db, path, &o, e);
    progress_free(&t);
    return rc;
}
