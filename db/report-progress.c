/* report-progress.c — the progress table as text (terminal and paper), CSV and JSON. */
#include "progress.h"
#include "csv.h"
#include "i18n.h"
#include "text.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>

static void percent_text_sep(const progress_row *r, enum target_indicator ind, char sep, char out[16])
{
    long part, whole;
    progress_fraction(r, ind, &part, &whole);
    double p = progress_percent(part, whole);
    if (p < 0) {
        out[0] = '\0';
        return;
    }
    snprintf(out, 16, "%.1f", p);
    char *dot = strchr(out, '.');
    if (dot)
        *dot = sep;
}

static const enum target_indicator INDICATORS[TARGET_COUNT] = {TARGET_MOOC, TARGET_ZALO, TARGET_INPERSON};

/* The percentage of ind in r as "66.7", or "" when there is nothing to count. */
static void percent_text(const progress_row *r, enum target_indicator ind, char out[16])
{
    percent_text_sep(r, ind, '.', out);
}

/* The same for people to read: Vietnamese writes a decimal comma ("66,7"). */
static void percent_shown(const progress_row *r, enum target_indicator ind, char out[16])
{
    percent_text_sep(r, ind, strcmp(i18n_lang(), "vi") == 0 ? ',' : '.', out);
}

static progress_status row_status(const progress_table *t, const progress_row *r, enum target_indicator ind)
{
    long part, whole;
    progress_fraction(r, ind, &part, &whole);
    return progress_status_of(&t->targets[ind], part, whole, t->as_of);
}

static const char *status_name(progress_status s)
{
    static const char *const names[] = {"none", "reached", "on_track", "at_risk", "behind"};
    return names[s];
}

/* ---- text ---- */

enum { COL_TEAMS, COL_MEMBERS, COL_MOOC, COL_ZALO, COL_INPERSON, COL_ACTIVITIES, N_COLS };
#define PAGE_COLS 80     /* a terminal, and a portrait A4 page in a fixed font */
#define NAME_MIN_COLS 16
#define GAP "  "

static const char *const COL_HEADERS[N_COLS] = {
    RN_("Teams"), RN_("Members"), RN_("MOOC"), RN_("Zalo OA"), RN_("In person"), RN_("Activities"),
};

static int max_int(int a, int b) { return a > b ? a : b; }

/* Writes one row's cells into cells[N_COLS][24]. */
static void row_cells(const progress_table *t, const progress_row *r, char cells[N_COLS][24])
{
    snprintf(cells[COL_TEAMS], 24, "%ld", r->teams);
    snprintf(cells[COL_MEMBERS], 24, "%ld", r->members);
    snprintf(cells[COL_ACTIVITIES], 24, "%ld", r->activities);
    for (int i = 0; i < TARGET_COUNT; i++) {
        char pct[16];
        percent_shown(r, INDICATORS[i], pct);
        progress_status s = row_status(t, r, INDICATORS[i]);
        snprintf(cells[COL_MOOC + i], 24, "%s%s%s", pct[0] ? pct : "-", pct[0] ? "%" : "",
                 s == PSTATUS_BEHIND ? "!" : s == PSTATUS_AT_RISK ? "~" : " ");
    }
}

static void text_row(FILE *f, const char *name, char cells[N_COLS][24], int name_w, const int *w)
{
    report_pad(f, name, name_w, 0);
    for (int c = 0; c < N_COLS; c++) {
        fputs(GAP, f);
        report_pad(f, cells[c], w[c], 1);
    }
    fputc('\n', f);
}

static void text_rule(FILE *f, int width)
{
    for (int i = 0; i < width; i++)
        fputc('-', f);
    fputc('\n', f);
}

static const char *indicator_label(enum target_indicator ind)
{
    static const char *const labels[TARGET_COUNT] = {
        N_("Online course (MOOC)"), N_("Following the Zalo OA"), N_("Teams trained in person"),
    };
    return _(labels[ind]);
}

static const char *first_column_title(progress_by by)
{
    static const char *const titles[] = {
        RN_("Village/group"), RN_("Commune"), RN_("District"), RN_("Province"), RN_("Team"), RN_("Member"),
    };
    return report_tr(titles[by]);
}

/* Rows below a commune at a consolidating office carry their commune. */
static int with_commune(const progress_table *t)
{
    return t->consolidated && (t->by == PROGRESS_BY_AREA || t->by == PROGRESS_BY_TEAM || t->by == PROGRESS_BY_MEMBER);
}

/* Unit rows at a consolidating office say whether the unit sent anything. */
static int with_sent(const progress_table *t)
{
    return t->consolidated && (t->by == PROGRESS_BY_COMMUNE || t->by == PROGRESS_BY_DISTRICT ||
                               t->by == PROGRESS_BY_PROVINCE);
}

/* The targets as a small table: each with its deadline, the total's figure and where it stands. */
static void text_targets(FILE *f, const progress_table *t)
{
    enum { T_LABEL, T_TARGET, T_DEADLINE, T_NOW, T_STATUS, T_N };
    char cells[TARGET_COUNT][T_N][64];
    const char *head[T_N] = {report_tr(RN_("Target")), "", report_tr(RN_("Deadline")), report_tr(RN_("Now")),
                             report_tr(RN_("Status"))};
    int w[T_N];
    for (int c = 0; c < T_N; c++)
        w[c] = report_width(head[c]);
    for (int i = 0; i < TARGET_COUNT; i++) {
        enum target_indicator ind = INDICATORS[i];
        long part, whole;
        progress_fraction(&t->total, ind, &part, &whole);
        char pct[16];
        percent_shown(&t->total, ind, pct);
        progress_status s = row_status(t, &t->total, ind);
        static const char *const words[] = {
            [PSTATUS_NONE] = N_("nothing to count"), [PSTATUS_REACHED] = N_("reached"),
            [PSTATUS_ON_TRACK] = N_("on track"), [PSTATUS_AT_RISK] = N_("at risk"),
            [PSTATUS_BEHIND] = N_("BEHIND SCHEDULE"),
        };
        const char *word = _(words[s]);
        snprintf(cells[i][T_LABEL], 64, "%s", indicator_label(ind));
        snprintf(cells[i][T_TARGET], 64, "%g%%", t->targets[ind].percent);
        date_to_display(t->targets[ind].deadline, cells[i][T_DEADLINE]);
        snprintf(cells[i][T_NOW], 64, "%s%s (%ld/%ld)", pct[0] ? pct : "-", pct[0] ? "%" : "", part, whole);
        snprintf(cells[i][T_STATUS], 64, "%s", word);
        for (int c = 0; c < T_N; c++)
            w[c] = max_int(w[c], report_width(cells[i][c]));
    }
    for (int i = -1; i < TARGET_COUNT; i++) {
        for (int c = 0; c < T_N; c++) {
            const char *cell = i < 0 ? head[c] : cells[i][c];
            if (c + 1 < T_N) {
                report_pad(f, cell, w[c], c == T_TARGET);
                fputs(GAP, f);
            } else {
                fprintf(f, "%s\n", cell);
            }
        }
    }
}

static void write_text(FILE *f, const progress_table *t)
{
    char as_of[11];
    date_to_display(t->as_of, as_of);
    fprintf(f, _("Training progress as of %s"), as_of);
    fputs("\n\n", f);

    /* Figures first; the names get what is left of PAGE_COLS (at least NAME_MIN_COLS). */
    int w[N_COLS], figures = 0;
    for (int c = 0; c < N_COLS; c++) {
        int pct = c >= COL_MOOC && c <= COL_INPERSON; /* "100.0%" and a mark */
        w[c] = max_int(report_width(report_tr(COL_HEADERS[c])) + pct, pct ? 7 : 5);
        figures += (int)strlen(GAP) + w[c];
    }
    int name_w = report_width(first_column_title(t->by));
    for (int i = 0; i < t->n_rows; i++)
        name_w = max_int(name_w, report_width(t->rows[i].name));
    name_w = max_int(name_w, report_width(t->total.name));
    if (name_w > PAGE_COLS - figures)
        name_w = max_int(PAGE_COLS - figures, NAME_MIN_COLS);
    int width = name_w + figures;

    char cells[N_COLS][24];
    for (int c = 0; c < N_COLS; c++)
        snprintf(cells[c], 24, "%s%s", report_tr(COL_HEADERS[c]), c >= COL_MOOC && c <= COL_INPERSON ? " " : "");
    text_row(f, first_column_title(t->by), cells, name_w, w);
    text_rule(f, width);
    for (int i = 0; i < t->n_rows; i++) {
        const progress_row *r = &t->rows[i];
        if (with_commune(t) && (i == 0 || strcmp(r->commune_code, t->rows[i - 1].commune_code) != 0))
            fprintf(f, "%s %s\n", r->commune_code, r->commune_name);
        if (r->sent == 0) { /* nothing sent: marked, not counted as zero progress */
            report_pad(f, r->name, name_w, 0);
            fprintf(f, "%s%s\n", GAP, report_tr(RN_("(sent nothing)")));
            continue;
        }
        row_cells(t, r, cells);
        text_row(f, r->name, cells, name_w, w);
    }
    text_rule(f, width);
    row_cells(t, &t->total, cells);
    text_row(f, t->total.name, cells, name_w, w);
    fputc('\n', f);
    fprintf(f, "%s\n", _("MOOC, Zalo OA: % of members; In person: % of teams; Activities: this month."));
    fprintf(f, "%s\n", _("! behind schedule: the deadline has passed and the target is not reached."));
    fprintf(f, "%s\n", _("~ at risk: the target is not reached and the deadline is within 30 days."));
    if (with_sent(t) && t->n_unsent > 0)
        fprintf(f, _("Units that have sent nothing: %d (not counted in the figures).\n"), t->n_unsent);
    if (t->starts_assumed > 0)
        fprintf(f, _("Start dates assumed by an import (no \"Ngày vào tổ\"): %lld; check them in the member "
                     "form.\n"),
                t->starts_assumed);
    fputc('\n', f);
    text_targets(f, t);
}

/* ---- csv ---- */

/* Writes one CSV row made of up to three parts (a part may be NULL when its n is 0). */
static void csv_row_parts(FILE *f, const char *const *a, int na, const char *const *b, int nb,
                          const char *const *c, int nc)
{
    const char *row[24];
    int n = 0;
    for (int i = 0; i < na; i++)
        row[n++] = a[i];
    for (int i = 0; i < nb; i++)
        row[n++] = b[i];
    for (int i = 0; i < nc; i++)
        row[n++] = c[i];
    csv_write_row(f, row, n, ',');
}

static void write_csv(FILE *f, const progress_table *t)
{
    const char *header[] = {
        report_tr(RN_("Code")), first_column_title(t->by), report_tr(RN_("Teams")), report_tr(RN_("Members")),
        report_tr(RN_("MOOC completed")), report_tr(RN_("MOOC %")), report_tr(RN_("Zalo OA followed")),
        report_tr(RN_("Zalo OA %")), report_tr(RN_("Teams trained in person")), report_tr(RN_("Trained in person %")),
        report_tr(RN_("Activities this month")), report_tr(RN_("People helped")), report_tr(RN_("Households helped")),
    };
    enum { N = sizeof header / sizeof header[0] };
    const char *extra[2];
    int before = 0, after = 0;
    if (with_commune(t)) {
        extra[0] = report_tr(RN_("Commune code")), extra[1] = report_tr(RN_("Commune"));
        before = 2;
    } else if (with_sent(t)) {
        extra[0] = report_tr(RN_("Sent")), extra[1] = report_tr(RN_("Last package"));
        after = 2;
    }
    csv_write_bom(f);
    csv_row_parts(f, before ? extra : NULL, before, header, N, after ? extra : NULL, after);
    for (int i = 0; i <= t->n_rows; i++) {
        const progress_row *r = i < t->n_rows ? &t->rows[i] : &t->total;
        char num[8][24], pct[3][16];
        for (int k = 0; k < 3; k++)
            percent_text(r, INDICATORS[k], pct[k]);
        long vals[8] = {r->teams, r->members, r->mooc_done, r->zalo_done, r->teams_trained,
                        r->activities, r->people, r->households};
        for (int k = 0; k < 8; k++)
            snprintf(num[k], sizeof num[k], "%ld", vals[k]);
        const char *row[N] = {r->code, r->name, num[0], num[1], num[2], pct[0], num[3], pct[1],
                              num[4], pct[2], num[5], num[6], num[7]};
        char pkg[11];
        date_to_display(r->last_package, pkg);
        const char *ex[2] = {r->commune_code, r->commune_name};
        if (after) {
            ex[0] = r->sent < 0 ? "" : r->sent ? report_tr(RN_("yes")) : report_tr(RN_("no"));
            ex[1] = pkg;
        }
        csv_row_parts(f, before ? ex : NULL, before, row, N, after ? ex : NULL, after);
    }
}

/* ---- json ---- */

static void json_row(FILE *f, const progress_table *t, const progress_row *r)
{
    fputs("{\"code\": ", f);
    report_json_string(f, r->code);
    fputs(", \"name\": ", f);
    report_json_string(f, r->name);
    if (with_commune(t) && r != &t->total) {
        fputs(", \"commune_code\": ", f);
        report_json_string(f, r->commune_code);
        fputs(", \"commune_name\": ", f);
        report_json_string(f, r->commune_name);
    }
    if (with_sent(t) && r->sent >= 0) {
        fprintf(f, ", \"sent\": %s, \"last_package\": ", r->sent ? "true" : "false");
        report_json_string(f, r->last_package);
    }
    fprintf(f, ", \"teams\": %ld, \"members\": %ld, \"mooc_done\": %ld, \"zalo_done\": %ld, "
               "\"teams_trained\": %ld",
            r->teams, r->members, r->mooc_done, r->zalo_done, r->teams_trained);
    for (int k = 0; k < TARGET_COUNT; k++) {
        char pct[16];
        percent_text(r, INDICATORS[k], pct);
        const char *name = config_indicator_name(INDICATORS[k]);
        fprintf(f, ", \"%s_pct\": %s, \"%s_status\": \"%s\"", name, pct[0] ? pct : "null", name,
                status_name(row_status(t, r, INDICATORS[k])));
    }
    fprintf(f, ", \"activities\": %ld, \"people_helped\": %ld, \"households_helped\": %ld}",
            r->activities, r->people, r->households);
}

static void write_json(FILE *f, const progress_table *t)
{
    static const char *const by_names[] = {"area", "commune", "district", "province", "team", "member"};
    fprintf(f, "{\n  \"as_of\": \"%s\",\n  \"by\": \"%s\",\n  \"inperson_min_attendees\": %d,\n",
            t->as_of, by_names[t->by], t->min_attendees);
    if (t->starts_assumed > 0)
        fprintf(f, "  \"starts_assumed\": %lld,\n", t->starts_assumed);
    fputs("  \"targets\": {", f);
    for (int k = 0; k < TARGET_COUNT; k++) {
        fprintf(f, "%s\"%s\": {\"percent\": %g, \"deadline\": ", k ? ", " : "",
                config_indicator_name(INDICATORS[k]), t->targets[k].percent);
        report_json_string(f, t->targets[k].deadline);
        fputc('}', f);
    }
    fputs("},\n  \"rows\": [", f);
    for (int i = 0; i < t->n_rows; i++) {
        fputs(i ? ",\n    " : "\n    ", f);
        json_row(f, t, &t->rows[i]);
    }
    fputs(t->n_rows ? "\n  ],\n  \"totals\": " : "],\n  \"totals\": ", f);
    json_row(f, t, &t->total);
    fputs("\n}\n", f);
}

void report_progress_write(FILE *f, const progress_table *t, report_format fmt)
{
    if (fmt == REPORT_CSV)
        write_csv(f, t);
    else if (fmt == REPORT_JSON)
        write_json(f, t);
    else
        write_text(f, t);
}
